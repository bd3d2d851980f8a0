#ifndef TRAILHEAD_CNCURSESW_SHIM_H
#define TRAILHEAD_CNCURSESW_SHIM_H

#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <locale.h>
#include <stdio.h>
#include <ncursesw/curses.h>

/* Macros Swift cannot import, as functions. */
static inline int th_attr_bold(void) { return (int)A_BOLD; }
static inline int th_attr_dim(void) { return (int)A_DIM; }
static inline int th_attr_reverse(void) { return (int)A_REVERSE; }
static inline int th_attr_underline(void) { return (int)A_UNDERLINE; }
static inline int th_attr_normal(void) { return (int)A_NORMAL; }
static inline int th_color_pair(int pair) { return (int)COLOR_PAIR(pair); }
static inline int th_key_code_yes(void) { return KEY_CODE_YES; }
static inline int th_err(void) { return ERR; }
static inline WINDOW *th_stdscr(void) { return stdscr; }
static inline WINDOW *th_curscr(void) { return curscr; }
static inline int th_lines(void) { return LINES; }
static inline int th_cols(void) { return COLS; }
static inline unsigned long th_button1_clicked(void) { return (unsigned long)(BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON1_RELEASED); }
static inline unsigned long th_button4_pressed(void) { return (unsigned long)BUTTON4_PRESSED; }
static inline unsigned long th_button5_pressed(void) {
#ifdef BUTTON5_PRESSED
    return (unsigned long)BUTTON5_PRESSED;
#else
    return 0;
#endif
}

#endif
