import Glibc

/// Ends the process by SIGINT itself once Ctrl-C has closed the interface and the terminal is
/// restored. A shell running Trailhead in a script or loop then sees an interrupted child and
/// stops too; an exit status of 130 would tell it that Trailhead handled the interrupt and the
/// script should go on.
enum InterruptExit {
    static func dieOfInterrupt() -> Never {
        fflush(nil)
        signal(SIGINT, SIG_DFL)
        var interrupt = sigset_t()
        sigemptyset(&interrupt)
        sigaddset(&interrupt, SIGINT)
        sigprocmask(SIG_UNBLOCK, &interrupt, nil)
        raise(SIGINT)
        // Only reached if SIGINT could not end the process (it is ignored by a parent's choice).
        exit(128 + SIGINT)
    }
}
