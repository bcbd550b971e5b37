// The one doorway to ncursesw. SwiftPM drops pkg-config's -D flags, so the wide-character
// API must be switched on here, and the macros Swift cannot import are wrapped as functions.
#ifndef CAIRN_CNCURSES_SHIM_H
#define CAIRN_CNCURSES_SHIM_H

#define NCURSES_WIDECHAR 1
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <locale.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <termios.h>
#include <unistd.h>
#include <ncursesw/curses.h>

extern int wcwidth(wchar_t c);

static inline WINDOW *cairn_stdscr(void) { return stdscr; }
static inline SCREEN *cairn_newterm(void) { return newterm(NULL, stdout, stdin); }
static inline int cairn_lines(void) { return LINES; }
static inline int cairn_cols(void) { return COLS; }
static inline int cairn_colors(void) { return COLORS; }
static inline int cairn_color_pairs(void) { return COLOR_PAIRS; }
static inline attr_t cairn_a_normal(void) { return A_NORMAL; }
static inline attr_t cairn_a_bold(void) { return A_BOLD; }
static inline attr_t cairn_a_reverse(void) { return A_REVERSE; }
static inline attr_t cairn_a_underline(void) { return A_UNDERLINE; }
static inline attr_t cairn_a_dim(void) { return A_DIM; }
static inline int cairn_key_code_yes(void) { return KEY_CODE_YES; }
static inline int cairn_err(void) { return ERR; }
static inline int cairn_key_f(int n) { return KEY_F(n); }

#endif
