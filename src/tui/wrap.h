/* wrap.h (tui-private): word wrap by display width. Wide characters are never split, combining
 * marks stay with their base, a word longer than a line is broken between characters. */
#ifndef KOLLEN_TUI_WRAP_H
#define KOLLEN_TUI_WRAP_H

#include <stddef.h>

/* Line i shows bytes [start, start + len) of the text, width columns wide. Every byte of the
 * text belongs to one line: the line covers [start, next line's start); the bytes after len
 * (the space or newline it broke at) are not shown. */
struct wrap_line {
    size_t start, len;
    int width;
};

struct wrap {
    struct wrap_line *v;
    int n, cap;
    int oom;
};

void wrap_init(struct wrap *w);
void wrap_free(struct wrap *w);
/* Wrap n bytes of s to width columns (at least 1). There is always at least one line (an
 * empty text, or a text ending in a newline, ends with an empty line). 0, or -1 when memory
 * ran out (w->oom set, the lines so far kept). */
int wrap_text(struct wrap *w, const char *s, size_t n, int width);

/* The line holding byte offset pos (a cursor: pos == n is on the last line). */
int wrap_line_of(const struct wrap *w, size_t pos);

/* A text made fit for the screen once (sanitised) and wrapped once per width: what a screen
 * draws on every frame without sanitising and wrapping it again for every key. */
struct wrapped {
    char *text;     /* sanitised; NULL until set */
    size_t len;
    int width;      /* the width wr is for; 0: not wrapped yet */
    struct wrap wr;
};

void wrapped_init(struct wrapped *w);
void wrapped_free(struct wrapped *w);
/* The text raw sanitised (text_sanitize: keep_newlines keeps line breaks); wrapped again on the
 * next wrapped_lines. 0, or -1 when memory ran out (then the text is empty). */
int wrapped_set(struct wrapped *w, const char *raw, int keep_newlines);
/* The text's lines at width (at least 1), wrapped now if the width changed; NULL when memory
 * ran out. */
const struct wrap *wrapped_lines(struct wrapped *w, int width);

#endif
