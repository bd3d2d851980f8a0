import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Every way the interface can end leaves the terminal exactly as it found it: the same
/// `stty -g`, the alternate screen, keypad, cursor-key and mouse modes off, and the exit status
/// the shell expects. Each scenario runs `RestorationTally.iterations` times in one tmux session.
@Suite(.timeLimit(.minutes(2)))
struct RestorationTests {
    @Test(arguments: [("SIGINT", SIGINT), ("SIGTERM", SIGTERM), ("SIGHUP", SIGHUP), ("SIGQUIT", SIGQUIT)])
    func signalEndsWithStatus128PlusN(name: String, signal: Int32) async throws {
        let session = try await TmuxSession(columns: 100, rows: 30)
        defer { session.shutdown() }
        let probe = try RestorationProbe(session: session)
        try await probe.recordBaseline()
        var tally = RestorationTally(name)
        for _ in 0..<RestorationTally.iterations {
            let tag = try await probe.start(["escape-vre"])
            let pid = try await RestorationProbe.trailheadPID(in: session)
            kill(pid, signal)
            let (problems, screen) = try await probe.finish(tag, status: 128 + signal)
            tally.record(problems, screen: screen)
        }
        tally.report()
    }

    /// Every other signal that ends a process by default ends it the same way, after the
    /// terminal is restored: none leaves it in the alternate screen with the mouse reported.
    @Test(arguments: [
        ("SIGUSR1", SIGUSR1), ("SIGUSR2", SIGUSR2), ("SIGALRM", SIGALRM), ("SIGVTALRM", SIGVTALRM), ("SIGPROF", SIGPROF),
        ("SIGXCPU", SIGXCPU), ("SIGPWR", SIGPWR), ("SIGSTKFLT", SIGSTKFLT), ("SIGIO", SIGIO), ("SIGPIPE", SIGPIPE),
    ])
    func everyOtherFatalSignalRestoresTheTerminal(name: String, signal: Int32) async throws {
        let session = try await TmuxSession(columns: 100, rows: 30)
        defer { session.shutdown() }
        let probe = try RestorationProbe(session: session)
        try await probe.recordBaseline()
        var tally = RestorationTally(name, iterations: 1)
        let tag = try await probe.start(["escape-vre"])
        let pid = try await RestorationProbe.trailheadPID(in: session)
        kill(pid, signal)
        let (problems, screen) = try await probe.finish(tag, status: 128 + signal)
        tally.record(problems, screen: screen)
        tally.report()
    }

    /// Under ThreadSanitizer, Swift's backtracer (which forks from the signal handler) trips a
    /// check in TSan's fork interceptor, so only the backtracer-off crashes run there.
    static let crashCases: [(Int32, Bool)] = ProcessInfo.processInfo.environment["TRAILHEAD_TEST_SANITIZER"] == "thread"
        ? [(SIGSEGV, false), (SIGILL, false)]
        : [(SIGSEGV, true), (SIGILL, true), (SIGSEGV, false), (SIGILL, false)]

    /// A crash restores the terminal from the signal handler before Swift's backtracer prints, so
    /// the report lands on the normal screen under the probe's START line; with the backtracer
    /// off the default action ends the process straight after.
    @Test(arguments: crashCases)
    func crashRestoresTheTerminalFirst(signal: Int32, backtracer: Bool) async throws {
        let session = try await TmuxSession(columns: 100, rows: 50)
        defer { session.shutdown() }
        let probe = try RestorationProbe(session: session)
        try await probe.recordBaseline()
        let name = signal == SIGSEGV ? "SIGSEGV" : "SIGILL"
        var tally = RestorationTally("\(name), backtracer \(backtracer ? "on" : "off")")
        for _ in 0..<RestorationTally.iterations {
            let tag = try await probe.start(["escape-vre"], prefix: backtracer ? "" : "SWIFT_BACKTRACE=enable=no ")
            let pid = try await RestorationProbe.trailheadPID(in: session)
            kill(pid, signal)
            var (problems, screen) = try await probe.finish(tag, status: 128 + signal)
            let printed = RestorationProbe.rows(of: tag, in: screen) ?? []
            let crashReports = printed.filter { $0.contains("Program crashed") }.count
            if crashReports != (backtracer ? 1 : 0) {
                problems.append("\(crashReports) crash reports between START \(tag) and DONE \(tag) on the normal screen")
            }
            // The backtracer gets the interrupted code's context, not a signal re-raised in our handler.
            if printed.contains(where: { $0.contains("pthread_kill") || $0.contains("on_crash_signal") }) {
                problems.append("the backtrace starts in the crash handler, not where trailhead was")
            }
            tally.record(problems, screen: screen)
        }
        tally.report()
    }

    /// Closing the pane's pty (a closed terminal window, a dropped SSH connection) ends trailhead
    /// within a second without spinning on the dead terminal: when the shell passes the hang-up
    /// on, when trailhead is the session leader itself (`exec`), and when SIGHUP is blocked so only
    /// the failing reads can tell (perl, which Debian always has, blocks it and execs trailhead).
    @Test func closingThePaneEndsTrailheadWithinASecond() async throws {
        let session = try await TmuxSession(columns: 100, rows: 30)
        defer { session.shutdown() }
        let blockHangUp = "perl -MPOSIX -e 'sigprocmask(SIG_BLOCK, POSIX::SigSet->new(SIGHUP)); exec @ARGV or die' "
        let ways = [("shell", ""), ("exec", "exec "), ("SIGHUP blocked", blockHangUp)]
        var tally = RestorationTally("pane closed (\(ways.map(\.0).joined(separator: ", ")) in turn)")
        var slowest = Duration.zero
        // LeakSanitizer's scan at exit is not trailhead's time to notice the hang-up: a loaded
        // machine stretched it past the limit, so the sanitized run leaves it out here.
        let withoutLeakScan = ProcessInfo.processInfo.environment["ASAN_OPTIONS"].map {
            "env ASAN_OPTIONS=\(E2E.shellQuote($0 + ":detect_leaks=0")) "
        } ?? ""
        for iteration in 0..<RestorationTally.iterations {
            let (way, prefix) = ways[iteration % ways.count]
            let trailhead = try session.trailheadCommand(["--trees", E2E.trees, "--no-default-trees", "escape-vre"])
            try session.runShell(prefix + withoutLeakScan + trailhead)
            try await session.waitFor("the interface to open (\(way))") { $0.showsInterface }
            let pid = try await RestorationProbe.trailheadPID(in: session)
            let ticksBefore = RestorationProbe.cpuTicks(of: pid) ?? 0
            try session.respawnPane()
            let closed = ContinuousClock.now
            var ticks = ticksBefore
            // A second, or proportionally longer for a sanitized binary (see `timeScale`).
            let limit = Duration.seconds(1) * E2E.timeScale
            while E2E.isRunning(pid) && ContinuousClock.now - closed < limit {
                ticks = RestorationProbe.cpuTicks(of: pid) ?? ticks
                try await Task.sleep(for: .milliseconds(5))
            }
            slowest = max(slowest, ContinuousClock.now - closed)
            var problems: [String] = []
            if E2E.isRunning(pid) {
                let spent = (RestorationProbe.cpuTicks(of: pid) ?? ticks) - ticksBefore
                problems.append("\(way): trailhead (pid \(pid)) still runs \(limit) after its pane closed, having used \(spent) CPU ticks since")
                kill(pid, SIGKILL)
            }
            tally.record(problems)
            try await session.waitFor("the prompt of the new shell") { $0.promptIsBack }
        }
        print("Restoration: slowest exit after the pane closed: \(slowest)")
        tally.report()
    }

    @Test func ctrlZThenFgComesBackWorkingAndQuitsCleanly() async throws {
        let session = try await TmuxSession(columns: 100, rows: 30)
        defer { session.shutdown() }
        let probe = try RestorationProbe(session: session)
        try await probe.recordBaseline()
        var tally = RestorationTally("Ctrl-Z, fg, q")
        for _ in 0..<RestorationTally.iterations {
            try session.runShell("clear")
            let tag = try await probe.start(["escape-vre"])
            try session.send("C-z")
            try await session.waitFor("Ctrl-Z to stop run \(tag)", joinWrapped: true) { screen in
                screen.promptIsBack && screen.screenRows.contains { $0.contains("Stopped") && $0.contains("probe \(tag) ") }
            }
            var problems = try probe.modeProblems().map { "while stopped: " + $0 }
            try session.runShell("fg")
            try await session.waitFor("fg to redraw run \(tag)") {
                $0.showsInterface && $0.selectedRow?.hasPrefix(" ▸ 1  Get access") == true
            }
            try session.send("j")
            try await session.waitFor("j to move the ▸ after fg") { $0.selectedRow?.hasPrefix(" ▸ 2  Find, download") == true }
            try session.send("q")
            let (ending, screen) = try await probe.finish(tag, status: 0)
            problems += ending
            tally.record(problems, screen: screen)
        }
        tally.report()
    }

    /// Started with no job control anywhere (`set +m`, like a pane or SSH command that is a
    /// script), trailhead is in an orphaned process group: the kernel discards the stop, since
    /// nothing could ever continue it. The interface stays up, says so, and keeps working.
    @Test func ctrlZWithoutJobControlDoesNotHang() async throws {
        let session = try await TmuxSession(columns: 100, rows: 30)
        defer { session.shutdown() }
        try session.runShell("set +m")
        let probe = try RestorationProbe(session: session)
        try await probe.recordBaseline()
        var tally = RestorationTally("Ctrl-Z without job control, q")
        for _ in 0..<RestorationTally.iterations {
            let tag = try await probe.start(["escape-vre"])
            try session.send("C-z")
            try await session.waitFor("Ctrl-Z to leave run \(tag) running, saying why") {
                $0.showsInterface && $0.statusRow == " Cannot suspend without job control; q quits"
            }
            try session.send("j")
            try await session.waitFor("j to move the ▸") { $0.selectedRow?.hasPrefix(" ▸ 2  Find, download") == true }
            try session.send("q")
            let (problems, screen) = try await probe.finish(tag, status: 0)
            tally.record(problems, screen: screen)
        }
        tally.report()
    }

    /// Ten trips down to 20×5 and back per run: the first one waits for each frame, the other
    /// nine follow each other at once (signals arrive faster than frames).
    @Test func tenResizesDownTo20x5AndBackThenQuit() async throws {
        let session = try await TmuxSession(columns: 100, rows: 30)
        defer { session.shutdown() }
        let probe = try RestorationProbe(session: session)
        try await probe.recordBaseline()
        var tally = RestorationTally("10 resizes to 20×5 and back, q")
        for _ in 0..<RestorationTally.iterations {
            let tag = try await probe.start(["escape-vre"])
            for trip in 1...10 {
                try session.resize(columns: 20, rows: 5)
                if trip == 1 {
                    try await session.waitFor("'Terminal too small' at 20×5") { $0.row(0) == "Terminal too small" }
                }
                try session.resize(columns: 100, rows: 30)
                if trip == 1 {
                    try await session.waitFor("the interface back at 100×30") { $0.screenRows.count == 30 && $0.showsInterface }
                }
            }
            let back = try await session.waitFor("the interface at 100×30 after ten trips") {
                $0.screenRows.count == 30 && $0.showsInterface && $0.row(1) == " What do you want to do?"
                    && $0.selectedRow?.hasPrefix(" ▸ 1  Get access") == true
            }
            session.expectScreenFits(back)
            try session.send("q")
            let (problems, screen) = try await probe.finish(tag, status: 0)
            tally.record(problems, screen: screen)
        }
        tally.report()
    }

    /// With stdout redirected or piped the interface still draws on /dev/tty (like fzf), and what
    /// is captured is only the chosen link: no escape sequence reaches the file.
    @Test func stdoutToAFileOrAPipeCapturesOnlyTheChoice() async throws {
        let session = try await TmuxSession(columns: 100, rows: 30)
        defer { session.shutdown() }
        let probe = try RestorationProbe(session: session)
        try await probe.recordBaseline()
        var tally = RestorationTally("stdout to a file or a pipe, Enter")
        for iteration in 0..<RestorationTally.iterations {
            let output = session.home.appendingPathComponent("out-\(iteration)").path
            let redirect = iteration.isMultiple(of: 2) ? " > " : " | cat > "
            let tag = try await probe.start(["--print", "escape-vre/iam-account"], suffix: redirect + E2E.shellQuote(output))
            try await session.waitFor("the IAM link selected") { $0.selectedRow == LauncherTests.iamLink }
            try session.send("Enter")
            var (problems, screen) = try await probe.finish(tag, status: 0)
            let captured = (try? String(contentsOfFile: output, encoding: .utf8)) ?? "(no file)"
            if captured != LauncherTests.iamURL + "\n" {
                problems.append("stdout\(redirect)captured \(captured.debugDescription)")
            }
            tally.record(problems, screen: screen)
        }
        tally.report()
    }
}
