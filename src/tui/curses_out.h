/* curses_out.h (tui-private, for the curses adapter): the grid's changed cells written to the
 * terminal by kollen itself, the way termbox and kakoune do, instead of through curses'
 * doupdate: the terminfo strings are fetched once (cup, and per role its SGR string), the
 * changed runs go out in one buffered write() per frame. curses keeps the keys, the start,
 * resizes and endwin. Every byte written comes from the grid's cells or from terminfo. */
#ifndef KOLLEN_TUI_CURSES_OUT_H
#define KOLLEN_TUI_CURSES_OUT_H

#include "grid.h"

struct tout;

/* After newterm: NULL when the terminal lacks what this needs (cup, sgr0, setaf/setab in
 * colour, no magic cookies) or memory is short; curses then draws. colour: roles as colours
 * (defaults: the terminal's default colours can be used), else as monochrome attributes;
 * utf8: the locale is UTF-8 (else characters go out in the locale's encoding). */
struct tout *tout_new(int fd, int colour, int defaults, int utf8);
void tout_free(struct tout *o);

/* A frame drawn whole follows: the terminal is cleared (by curses), nothing known of it. */
void tout_reset(struct tout *o, int cols, int rows, int theme);
/* Cells [from, to) of row y (the right half of a wide character goes with its left). */
void tout_run(struct tout *o, const struct cell *row, int y, int from, int to);
/* The frame's end: attributes reset, the cursor at (x, y), shown or not, all of it written.
 * *shown: whether the cursor is visible now (kept up to date). -1 when memory ran out and the
 * frame was cut short: the next one must be drawn whole. */
int tout_end(struct tout *o, int x, int y, int show, int *shown);

/* A stand-in for a letter a non-UTF-8 locale cannot show (å: a). */
int tout_ascii_for(unsigned cp);

#endif
