#ifndef TRAILHEAD_CTERMINAL_H
#define TRAILHEAD_CTERMINAL_H

/* Signal handling and last-resort terminal restoration for the full-screen interface.
 * Handlers only record the signal (or, on the crash path, write precomputed reset bytes and
 * restore the saved termios); the main loop does the rest. */

/* Saves the terminal settings of fd and the bytes that undo full-screen mode. */
void th_terminal_remember(int fd);
/* Turns off the terminal's suspend character on fd, so Ctrl-Z arrives as a key instead of as
 * SIGTSTP to the whole process group. */
void th_terminal_suspend_key_as_input(int fd);
/* Writes the reset bytes and restores the saved termios. Async-signal-safe. */
void th_terminal_restore_now(void);
/* Installs flag-setting handlers for INT, TERM, HUP, QUIT, TSTP, CONT, WINCH, and
 * terminal-restoring handlers for crash signals and for every other signal that ends a process
 * by default (USR1, USR2, ALRM, VTALRM, PROF, XCPU, PWR, IO, PIPE, STKFLT). */
void th_signals_install(void);
/* Puts the default dispositions back (before exiting or printing a backtrace). */
void th_signals_uninstall(void);
/* The next pending signal number, clearing it; 0 when none. Call from the main loop only. */
int th_signal_take(void);
/* Stops the process with SIGTSTP's default action. Returns 1 after SIGCONT, or 0 at once when
 * the kernel discarded the stop: in an orphaned process group (started without job control)
 * nothing could ever resume it. */
int th_suspend_self(void);

#endif
