/* grid.h (tui-private): the abstract screen every view draws into. A cell holds one character
 * (a base code point with its combining marks) as UTF-8, its width and a semantic role. The
 * curses adapter copies a grid to the terminal; tests compare it with golden text. */
#ifndef KOLLEN_TUI_GRID_H
#define KOLLEN_TUI_GRID_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define GRID_GLYPH 16 /* bytes per cell: a base and a few combining marks, NUL-terminated */
_Static_assert(GRID_GLYPH == 2 * sizeof(uint64_t), "cell_same compares a glyph as two words");

/* The bytes after a glyph's NUL are zero too: two cells are equal when their bytes are. */
struct cell {
    char g[GRID_GLYPH];
    unsigned char width; /* 1 or 2; 0 for the right half of a wide character */
    unsigned char role;
};

struct grid {
    int cols, rows;
    struct cell *c;
    int *dirty; /* per row the columns [lo, hi) written since grid_clean (hi 0: none) */
    int utf8;             /* glyph set the screens use (theme_glyphs) */
    int theme;            /* the colours the roles get (theme.h), for the adapter and dumps */
    int cur_x, cur_y, cur_on; /* where the terminal cursor goes (text editors) */
    unsigned long app_frame; /* the frame app_render last drew into it (app.h), 0: none */
};

/* 0, or -1 on allocation failure (the grid is then empty). */
int grid_init(struct grid *g, int cols, int rows, int utf8);
void grid_free(struct grid *g);
/* Every cell a space of role R_NORMAL; the cursor hidden. */
void grid_clear(struct grid *g);
/* The cells of a rectangle spaces of role R_NORMAL (clipped to the grid). */
void grid_blank(struct grid *g, int x, int y, int w, int h);

static inline struct cell *grid_cell(struct grid *g, int x, int y)
{
    return &g->c[(size_t)y * (size_t)g->cols + (size_t)x];
}

static inline int cell_same(const struct cell *x, const struct cell *y)
{
    uint64_t a[2], b[2]; /* the glyph as two words: fewer instructions than memcmp's bytes */
    memcpy(a, x->g, sizeof a);
    memcpy(b, y->g, sizeof b);
    return !((a[0] ^ b[0]) | (a[1] ^ b[1])) && x->width == y->width && x->role == y->role;
}

/* The columns of row y written since grid_clean: [*lo, *hi); 0 when none were. */
static inline int grid_dirty(const struct grid *g, int y, int *lo, int *hi)
{
    *lo = g->dirty[2 * y];
    *hi = g->dirty[2 * y + 1];
    return *hi > *lo;
}
/* Every row clean (the curses adapter has copied what was written). */
void grid_clean(struct grid *g);

/* Draw s (UTF-8, at most n bytes) from (x, y) in at most maxw columns: control characters are
 * dropped, invalid bytes shown as U+FFFD, a wide character that does not fit becomes a space,
 * combining marks join the cell before them, a newline ends the text. Returns the columns
 * used. Nothing outside the grid is touched. */
int grid_putn(struct grid *g, int x, int y, int maxw, const char *s, size_t n, int role);
int grid_put(struct grid *g, int x, int y, int maxw, const char *s, int role);
/* Like grid_put but cut with an ellipsis when s is wider than maxw. */
int grid_put_cut(struct grid *g, int x, int y, int maxw, const char *s, int role);
/* Repeat a one-column glyph over w cells. */
void grid_fill(struct grid *g, int x, int y, int w, const char *glyph, int role);
/* A horizontal bar of w cells filled to frac (0..1): fill in role_fill, the rest in
 * role_bg, eighth blocks when the grid is UTF-8, else '#' and '-'. */
void grid_bar(struct grid *g, int x, int y, int w, double frac, int role_fill, int role_bg);
/* Text of row y into buf (whole cells, right-trimmed); returns its length. */
size_t grid_row_text(const struct grid *g, int y, char *buf, size_t n);

/* The grid as golden text: a header line, the text rows, then a layer of one character per
 * cell: the role letters (layer 'r') or the monochrome attributes (in the grid's theme) as a
 * hex digit (layer 'm'); and with GRID_DUMP_PALETTE the colours and attributes the grid's
 * theme gives each role it uses. Returns a new string the caller frees, or NULL on allocation
 * failure. */
char *grid_dump(const struct grid *g, const char *title, int layers);
enum { GRID_DUMP_ROLES = 1, GRID_DUMP_MONO = 2, GRID_DUMP_PALETTE = 4 };

#endif
