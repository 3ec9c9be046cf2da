/* grid.c: the in-memory screen. */
#include "grid.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kollen/text.h"
#include "theme.h"

int grid_init(struct grid *g, int cols, int rows, int utf8)
{
    memset(g, 0, sizeof *g);
    g->utf8 = utf8;
    if (cols <= 0 || rows <= 0)
        return 0;
    g->c = calloc((size_t)cols * (size_t)rows, sizeof *g->c);
    g->dirty = calloc((size_t)rows * 2, sizeof *g->dirty);
    if (!g->c || !g->dirty) {
        grid_free(g);
        return -1;
    }
    g->cols = cols;
    g->rows = rows;
    grid_clear(g);
    return 0;
}

void grid_free(struct grid *g)
{
    free(g->c);
    free(g->dirty);
    g->c = NULL;
    g->dirty = NULL;
    g->cols = g->rows = 0;
}

/* Columns [x0, x1) of row y are written. */
static void touch(struct grid *g, int y, int x0, int x1)
{
    int *d = &g->dirty[2 * y];
    if (d[1] <= d[0]) {
        d[0] = x0;
        d[1] = x1;
        return;
    }
    if (x0 < d[0])
        d[0] = x0;
    if (x1 > d[1])
        d[1] = x1;
}

void grid_clean(struct grid *g)
{
    if (g->dirty)
        memset(g->dirty, 0, (size_t)g->rows * 2 * sizeof *g->dirty);
}

static void blank(struct cell *c, int role)
{
    memset(c->g, 0, sizeof c->g);
    c->g[0] = ' ';
    c->width = 1;
    c->role = (unsigned char)role;
}

/* A one-column cell of glyph s (n bytes) in role: a template stored into cells as a whole. */
static struct cell cell_of(const char *s, size_t n, int role)
{
    struct cell t;
    memset(&t, 0, sizeof t);
    if (n >= GRID_GLYPH)
        n = GRID_GLYPH - 1;
    memcpy(t.g, s, n);
    t.width = 1;
    t.role = (unsigned char)role;
    return t;
}

void grid_clear(struct grid *g)
{
    struct cell sp = cell_of(" ", 1, R_NORMAL);
    for (int y = 0; y < g->rows; y++) {
        struct cell *row = grid_cell(g, 0, y);
        for (int x = 0; x < g->cols; x++)
            row[x] = sp;
        touch(g, y, 0, g->cols);
    }
    g->cur_on = 0;
    g->cur_x = g->cur_y = 0;
}

void grid_blank(struct grid *g, int x, int y, int w, int h)
{
    int x0 = x < 0 ? 0 : x, x1 = x + w > g->cols ? g->cols : x + w;
    int y0 = y < 0 ? 0 : y, y1 = y + h > g->rows ? g->rows : y + h;
    struct cell sp = cell_of(" ", 1, R_NORMAL);
    for (int r = y0; r < y1 && x0 < x1; r++) {
        struct cell *row = grid_cell(g, 0, r);
        for (int c = x0; c < x1; c++)
            row[c] = sp;
        touch(g, r, x0, x1);
    }
}

/* Put one character of width w (1 or 2) at (x, y), repairing wide characters it cuts. */
static void set_cell(struct grid *g, int x, int y, const char *s, size_t n, int w, int role)
{
    struct cell *c = grid_cell(g, x, y);
    int x0 = x, x1 = x + w;
    /* writing over the right half of a wide character: its left half becomes a space */
    if (c->width == 0 && x > 0) {
        blank(grid_cell(g, x - 1, y), grid_cell(g, x - 1, y)->role);
        x0 = x - 1;
    }
    /* writing over the left half of a wide character: its right half becomes a space */
    if (c->width == 2 && x + 1 < g->cols && w == 1) {
        blank(grid_cell(g, x + 1, y), grid_cell(g, x + 1, y)->role);
        x1 = x + 2;
    }
    if (n >= GRID_GLYPH)
        n = GRID_GLYPH - 1;
    memset(c->g, 0, sizeof c->g);
    memcpy(c->g, s, n);
    c->width = (unsigned char)w;
    c->role = (unsigned char)role;
    if (w == 2) {
        struct cell *r = grid_cell(g, x + 1, y);
        if (r->width == 2 && x + 2 < g->cols) {
            blank(grid_cell(g, x + 2, y), grid_cell(g, x + 2, y)->role);
            x1 = x + 3;
        }
        memset(r->g, 0, sizeof r->g);
        r->width = 0;
        r->role = (unsigned char)role;
    }
    touch(g, y, x0, x1);
}

/* Append a combining mark to the cell left of x (if it has room). */
static void join_mark(struct grid *g, int x, int y, const char *s, size_t n)
{
    if (x <= 0)
        return;
    struct cell *c = grid_cell(g, x - 1, y);
    if (c->width == 0 && x >= 2)
        c = grid_cell(g, x - 2, y);
    size_t len = strlen(c->g);
    if (len + n < GRID_GLYPH) {
        memcpy(c->g + len, s, n);
        c->g[len + n] = '\0';
        touch(g, y, x - 1 - (c != grid_cell(g, x - 1, y)), x);
    }
}

int grid_putn(struct grid *g, int x, int y, int maxw, const char *s, size_t n, int role)
{
    if (!s || y < 0 || y >= g->rows || x >= g->cols || maxw <= 0)
        return 0;
    if (x + maxw > g->cols)
        maxw = g->cols - x;
    int col = 0, lo = -1, hi = 0; /* the columns the fast path wrote, touched once */
    struct cell ascii = cell_of(" ", 1, role);
    size_t i = 0;
    while (i < n && s[i] && col < maxw) {
        unsigned char c0 = (unsigned char)s[i];
        if (c0 >= 0x20 && c0 < 0x7f) { /* printable ASCII, most of what is drawn */
            if (x + col >= 0) {
                struct cell *c = grid_cell(g, x + col, y);
                if (c->width == 1) { /* over a one-column cell: nothing to repair */
                    *c = ascii;
                    c->g[0] = (char)c0;
                    if (lo < 0)
                        lo = x + col;
                    hi = x + col + 1;
                } else {
                    set_cell(g, x + col, y, s + i, 1, 1, role);
                }
            }
            col++;
            i++;
            continue;
        }
        uint32_t cp;
        size_t k = utf8_decode(s + i, n - i, &cp);
        const char *bytes = s + i;
        size_t len = k;
        if (k == 0) {
            bytes = "\xEF\xBF\xBD";
            len = 3;
            cp = 0xFFFD;
            k = 1;
        }
        i += k;
        if (cp == '\n')
            break;
        if (cp == '\t') {
            bytes = " ";
            len = 1;
            cp = ' ';
        }
        if (text_is_control(cp))
            continue;
        int w = text_cp_width(cp);
        if (w == 0) {
            if (x + col >= 0)
                join_mark(g, x + col, y, bytes, len);
            continue;
        }
        if (w > 2)
            w = 2;
        if (col + w > maxw) {
            /* a wide character that does not fit: fill the rest with a space */
            if (x + col >= 0)
                set_cell(g, x + col, y, " ", 1, 1, role);
            col++;
            break;
        }
        if (x + col >= 0)
            set_cell(g, x + col, y, bytes, len, w, role);
        col += w;
    }
    if (lo >= 0)
        touch(g, y, lo, hi);
    return col;
}

int grid_put(struct grid *g, int x, int y, int maxw, const char *s, int role)
{
    return s ? grid_putn(g, x, y, maxw, s, strlen(s), role) : 0;
}

int grid_put_cut(struct grid *g, int x, int y, int maxw, const char *s, int role)
{
    if (!s || maxw <= 0)
        return 0;
    struct sbuf b;
    sbuf_init(&b);
    text_truncate(&b, s, maxw, g->utf8);
    int w = grid_put(g, x, y, maxw, b.p ? b.p : "", role);
    sbuf_free(&b);
    return w;
}

void grid_fill(struct grid *g, int x, int y, int w, const char *glyph, int role)
{
    if (!glyph || y < 0 || y >= g->rows)
        return;
    /* a glyph of one column (most are: a space, a rule) is decoded once, its cells set */
    uint32_t cp = 0;
    size_t n = strlen(glyph), k = n ? utf8_decode(glyph, n, &cp) : 0;
    if (k && cp != '\t' && cp != '\n' && !text_is_control(cp) && text_cp_width(cp) == 1) {
        struct cell t = cell_of(glyph, k, role);
        struct cell *row = grid_cell(g, 0, y);
        int i0 = x < 0 ? -x : 0, lo = -1, hi = 0;
        for (int i = i0; i < w && x + i < g->cols; i++) {
            if (row[x + i].width == 1) { /* over a one-column cell: nothing to repair */
                row[x + i] = t;
                if (lo < 0)
                    lo = x + i;
                hi = x + i + 1;
            } else {
                set_cell(g, x + i, y, glyph, k, 1, role);
            }
        }
        if (lo >= 0)
            touch(g, y, lo, hi);
        return;
    }
    for (int i = 0; i < w; i++)
        grid_put(g, x + i, y, 1, glyph, role);
}

void grid_bar(struct grid *g, int x, int y, int w, double frac, int role_fill, int role_bg)
{
    if (w <= 0)
        return;
    struct sbuf b;
    sbuf_init(&b);
    text_bar(&b, frac, w, g->utf8);
    const char *bg = theme_glyphs(g->utf8)->bar_bg;
    size_t bgn = strlen(bg), i = 0;
    int col = 0;
    while (b.p && i < b.len && col < w) {
        uint32_t cp;
        size_t k = utf8_decode(b.p + i, b.len - i, &cp);
        if (!k)
            k = 1;
        int is_bg = k == bgn && !memcmp(b.p + i, bg, bgn);
        grid_putn(g, x + col, y, 1, b.p + i, k, is_bg ? role_bg : role_fill);
        col++;
        i += k;
    }
    sbuf_free(&b);
}

size_t grid_row_text(const struct grid *g, int y, char *buf, size_t n)
{
    size_t len = 0, keep = 0;
    if (n == 0)
        return 0;
    for (int x = 0; y >= 0 && y < g->rows && x < g->cols; x++) {
        const struct cell *c = &g->c[(size_t)y * (size_t)g->cols + (size_t)x];
        size_t k = strlen(c->g);
        if (len + k + 1 > n)
            break;
        memcpy(buf + len, c->g, k);
        len += k;
        if (!(k == 1 && c->g[0] == ' '))
            keep = len;
    }
    buf[keep] = '\0';
    return keep;
}

static char mono_digit(const struct grid *g, int role)
{
    return "0123456789abcdef"[theme_style(g->theme, role)->mono & 15];
}

/* Each role the grid uses, with its colours and attributes in the grid's theme. */
static void dump_palette(struct sbuf *o, const struct grid *g)
{
    int used[R_COUNT] = {0};
    for (size_t i = 0; i < (size_t)g->cols * (size_t)g->rows; i++)
        if (g->c[i].role < R_COUNT)
            used[g->c[i].role] = 1;
    sbuf_addf(o, "# palette (theme %s): role fg/bg mono\n", theme_name(g->theme));
    for (int r = 0; r < R_COUNT; r++) {
        if (!used[r])
            continue;
        const struct role_style *st = theme_style(g->theme, r);
        sbuf_addf(o, "%c %s/%s %x\n", st->letter, theme_colour_name(st->fg),
                  theme_colour_name(st->bg), st->mono);
    }
}

char *grid_dump(const struct grid *g, const char *title, int layers)
{
    struct sbuf o;
    sbuf_init(&o);
    size_t cap = (size_t)g->cols * GRID_GLYPH + 1;
    char *row = malloc(cap);
    if (!row)
        return NULL;
    sbuf_addf(&o, "# %s %dx%d", title ? title : "", g->cols, g->rows);
    if (g->cur_on)
        sbuf_addf(&o, " cursor %d,%d", g->cur_x, g->cur_y);
    sbuf_addc(&o, '\n');
    for (int y = 0; y < g->rows; y++) {
        grid_row_text(g, y, row, cap);
        sbuf_addf(&o, "%s\n", row);
    }
    for (int layer = 1; layer <= 2; layer++) {
        if (!(layers & layer))
            continue;
        sbuf_add(&o, layer == GRID_DUMP_ROLES ? "# roles\n"
                                              : "# mono attributes: 1 bold, 2 reverse, 4 "
                                                "underline, 8 dim (hex sum)\n");
        for (int y = 0; y < g->rows; y++) {
            size_t len = 0, keep = 0;
            for (int x = 0; x < g->cols; x++) {
                const struct cell *c = &g->c[(size_t)y * (size_t)g->cols + (size_t)x];
                char ch = layer == GRID_DUMP_ROLES ? theme_role(c->role)->letter
                                                   : mono_digit(g, c->role);
                row[len++] = ch;
                if (ch != '.' && ch != '0')
                    keep = len;
            }
            row[keep] = '\0';
            sbuf_addf(&o, "%s\n", row);
        }
    }
    if (layers & GRID_DUMP_PALETTE)
        dump_palette(&o, g);
    free(row);
    return sbuf_take(&o);
}
