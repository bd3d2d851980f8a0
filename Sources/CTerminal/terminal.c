#define _GNU_SOURCE
#include "CTerminal.h"

#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

static int remembered_fd = -1;
static struct termios saved_termios;
static int have_termios = 0;

/* Leave the alternate screen, show the cursor, stop mouse reporting and bracketed paste, reset
 * attributes, keypad (application cursor keys) off. */
static const char reset_bytes[] =
    "\033[?1000l\033[?1002l\033[?1003l\033[?1006l\033[?2004l\033[0m\033[?25h\033[?1049l\033[?1l\033>";

static volatile sig_atomic_t pending[65];

static const int flag_signals[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGTSTP, SIGCONT, SIGWINCH };
static const int crash_signals[] = { SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP, SIGSYS };
static struct sigaction previous_crash[sizeof(crash_signals) / sizeof(crash_signals[0])];
/* Every other signal whose default action ends the process: the terminal is restored, then the
 * signal ends the process as it would have. (SIGXFSZ is ignored by the whole program instead:
 * a write past `ulimit -f` then fails and is handled.) */
static const int fatal_signals[] = {
    SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM, SIGPROF, SIGXCPU, SIGPWR, SIGIO, SIGPIPE,
#ifdef SIGSTKFLT
    SIGSTKFLT,
#endif
};

void th_terminal_remember(int fd) {
    remembered_fd = fd;
    have_termios = tcgetattr(fd, &saved_termios) == 0;
}

void th_terminal_suspend_key_as_input(int fd) {
    struct termios modes;
    if (tcgetattr(fd, &modes) != 0) return;
    modes.c_cc[VSUSP] = _POSIX_VDISABLE;
    tcsetattr(fd, TCSANOW, &modes);
}

void th_terminal_restore_now(void) {
    if (remembered_fd < 0) return;
    ssize_t ignored = write(remembered_fd, reset_bytes, sizeof(reset_bytes) - 1);
    (void)ignored;
    if (have_termios) tcsetattr(remembered_fd, TCSAFLUSH, &saved_termios);
}

static void on_fatal_signal(int signal_number) {
    th_terminal_restore_now();
    signal(signal_number, SIG_DFL);
    raise(signal_number);
}

static void on_flag_signal(int signal_number) {
    if (signal_number > 0 && signal_number < 65) pending[signal_number] = 1;
}

/* Restore the terminal, then hand the signal to whoever handled it before (Swift's
 * backtracer, or the default action), so a crash report lands on a sane terminal. The previous
 * handler is called directly with the original siginfo and context: re-raising from here would
 * make the backtracer report this handler (raise, pthread_kill) instead of the crashing code. A
 * handler that returns (the backtracer does, expecting the fault to recur) must not leave us
 * running on a terminal that is no longer in full-screen mode: the default action ends the
 * process. */
static void on_crash_signal(int signal_number, siginfo_t *info, void *context) {
    th_terminal_restore_now();
    /* Swift's backtracer turns interactive when stdin is a terminal and then waits up to 30 s
     * for a key; a crashing interface must not hang the user's shell. */
    int null_fd = open("/dev/null", O_RDONLY);
    if (null_fd >= 0) dup2(null_fd, STDIN_FILENO);
    for (unsigned i = 0; i < sizeof(crash_signals) / sizeof(crash_signals[0]); i++) {
        if (crash_signals[i] != signal_number) continue;
        const struct sigaction previous = previous_crash[i];
        /* Put it back first, so a fault inside it ends the process instead of coming back here. */
        sigaction(signal_number, &previous, NULL);
        if (previous.sa_flags & SA_SIGINFO) {
            if (previous.sa_sigaction) previous.sa_sigaction(signal_number, info, context);
        } else if (previous.sa_handler != SIG_DFL && previous.sa_handler != SIG_IGN) {
            previous.sa_handler(signal_number);
        }
        break;
    }
    signal(signal_number, SIG_DFL);
    raise(signal_number);
}

/* A stack overflow faults with no stack left to run a handler on, so crash handlers run on
 * their own stack; Swift's runtime sets one up only when its backtracer is enabled. */
static void ensure_signal_stack(void) {
    static char stack[64 * 1024];
    stack_t current;
    if (sigaltstack(NULL, &current) == 0 && !(current.ss_flags & SS_DISABLE)) return;
    stack_t ours = { .ss_sp = stack, .ss_size = sizeof(stack), .ss_flags = 0 };
    sigaltstack(&ours, NULL);
}

void th_signals_install(void) {
    struct sigaction action;
    memset(&action, 0, sizeof(action));
    sigemptyset(&action.sa_mask);
    action.sa_handler = on_flag_signal;
    /* No SA_RESTART: a signal interrupts the blocking read so the loop sees it at once. */
    for (unsigned i = 0; i < sizeof(flag_signals) / sizeof(flag_signals[0]); i++) {
        sigaction(flag_signals[i], &action, NULL);
    }
    struct sigaction fatal;
    memset(&fatal, 0, sizeof(fatal));
    sigemptyset(&fatal.sa_mask);
    fatal.sa_handler = on_fatal_signal;
    for (unsigned i = 0; i < sizeof(fatal_signals) / sizeof(fatal_signals[0]); i++) {
        sigaction(fatal_signals[i], &fatal, NULL);
    }
    struct sigaction crash;
    memset(&crash, 0, sizeof(crash));
    sigemptyset(&crash.sa_mask);
    crash.sa_sigaction = on_crash_signal;
    crash.sa_flags = SA_SIGINFO | SA_NODEFER | SA_ONSTACK;
    ensure_signal_stack();
    for (unsigned i = 0; i < sizeof(crash_signals) / sizeof(crash_signals[0]); i++) {
        sigaction(crash_signals[i], &crash, &previous_crash[i]);
    }
}

void th_signals_uninstall(void) {
    struct sigaction action;
    memset(&action, 0, sizeof(action));
    sigemptyset(&action.sa_mask);
    action.sa_handler = SIG_DFL;
    for (unsigned i = 0; i < sizeof(flag_signals) / sizeof(flag_signals[0]); i++) {
        sigaction(flag_signals[i], &action, NULL);
    }
    for (unsigned i = 0; i < sizeof(fatal_signals) / sizeof(fatal_signals[0]); i++) {
        sigaction(fatal_signals[i], &action, NULL);
    }
    for (unsigned i = 0; i < sizeof(crash_signals) / sizeof(crash_signals[0]); i++) {
        sigaction(crash_signals[i], &previous_crash[i], NULL);
    }
}

int th_signal_take(void) {
    /* Terminating signals first, so a hang-up during a resize still ends the program. */
    static const int order[] = { SIGHUP, SIGTERM, SIGINT, SIGQUIT, SIGTSTP, SIGCONT, SIGWINCH };
    for (unsigned i = 0; i < sizeof(order) / sizeof(order[0]); i++) {
        if (pending[order[i]]) {
            pending[order[i]] = 0;
            return order[i];
        }
    }
    return 0;
}

int th_suspend_self(void) {
    struct sigaction action, previous;
    memset(&action, 0, sizeof(action));
    sigemptyset(&action.sa_mask);
    action.sa_handler = SIG_DFL;
    sigaction(SIGTSTP, &action, &previous);
    sigset_t unblock;
    sigemptyset(&unblock);
    sigaddset(&unblock, SIGTSTP);
    sigprocmask(SIG_UNBLOCK, &unblock, NULL);
    pending[SIGCONT] = 0;
    kill(0, SIGTSTP);
    sigaction(SIGTSTP, &previous, NULL);
    /* A stopped process runs the SIGCONT handler before kill returns. */
    return pending[SIGCONT] != 0;
}
