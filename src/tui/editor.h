/* editor.h (tui-private): the text buffer behind the note editor and the one-line prompts.
 * UTF-8 throughout: the cursor is a byte offset that always sits between characters (a base
 * and its combining marks move together); input is validated and stripped of control
 * characters; up/down and home/end follow the lines as wrapped by display width. */
#ifndef KOLLEN_TUI_EDITOR_H
#define KOLLEN_TUI_EDITOR_H

#include <stddef.h>
#include <stdint.h>

#include "wrap.h"

struct editor {
    char *buf; /* NUL-terminated */
    size_t len, cap;
    size_t cur;    /* byte offset of the cursor */
    size_t max;    /* at most this many bytes */
    int multiline; /* newlines allowed (notes); else one line (evidence, names) */
    int goal;      /* column up/down aim for, -1: the cursor's own */
    int top;       /* first line shown (scrolling, kept by editor_view) */
    int hscroll;   /* one-line editors: first column shown */
    int changed;   /* text differs from what it was opened with */
    unsigned long rev; /* counts changes to the text */
    int full;      /* the last insert was cut at max (or refused); cleared by any change */
    struct wrap wrap; /* the lines at the last width (cache) */
    int wrap_width;
    int wrap_valid;
};

/* Open with text (NULL: empty), the cursor at its end. 0, or -1 on allocation failure. */
int editor_init(struct editor *e, const char *text, size_t max, int multiline);
void editor_free(struct editor *e);
/* Replace the text (cursor at its end, changed cleared). */
int editor_set(struct editor *e, const char *text);
const char *editor_text(const struct editor *e);

/* Insert UTF-8 text at the cursor (typed or pasted): invalid bytes become U+FFFD, control
 * characters are dropped (a tab becomes a space, CR and CRLF a newline; in a one-line editor
 * a newline becomes a space), and what would pass max is left out (e->full set). Returns the
 * bytes inserted, or -1 when memory ran out (nothing inserted). */
long editor_insert(struct editor *e, const char *s, size_t n);
long editor_insert_cp(struct editor *e, uint32_t cp);

void editor_backspace(struct editor *e);
void editor_delete(struct editor *e);
void editor_left(struct editor *e);
void editor_right(struct editor *e);
void editor_word_left(struct editor *e);
void editor_word_right(struct editor *e);
/* Line moves use the text wrapped at width columns. */
void editor_up(struct editor *e, int width);
void editor_down(struct editor *e, int width);
void editor_page(struct editor *e, int width, int lines); /* lines < 0: up */
void editor_home(struct editor *e, int width);
void editor_end(struct editor *e, int width);
void editor_kill_end(struct editor *e, int width);
void editor_kill_start(struct editor *e, int width);

/* The lines wrapped at width (cached until the text or width changes); NULL on failure. */
const struct wrap *editor_lines(struct editor *e, int width);
/* The cursor's line and column at width. */
void editor_cursor(struct editor *e, int width, int *line, int *col);
/* Scroll so the cursor shows in a view of height lines; returns the first line to show. */
int editor_view(struct editor *e, int width, int height);

#endif
