/* curses_out.c: the grid's changed cells to the terminal, written by kollen (curses_out.h). */
#include "curses_out.h"

#include <curses.h>
#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <term.h>
#include <unistd.h>

#include "kollen/text.h"
#include "theme.h"

#define SGR_MAX 96                             /* bytes of a role's attribute string */
#define CUP_MEMO 15                            /* bytes of a cursor move kept per position */
#define CELL_MAX (GRID_GLYPH * MB_LEN_MAX + 2) /* bytes of one cell, in any locale */

/* A cursor move made once per position: tiparm costs more than the characters it moves to. */
struct cup_memo {
    unsigned char len; /* 0: not made yet; more than CUP_MEMO: too long to keep */
    char s[CUP_MEMO];
};

struct tout {
    int fd, colour, defaults, utf8;
    int cols, rows, theme;
    int cx, cy;  /* where the terminal's cursor is; -1: not known */
    int role;    /* the role whose attributes the terminal has set; -1: none since a reset */
    int am_trap; /* auto margins without the newline glitch: the bottom-right cell scrolls */
    int ncv;     /* attributes that do not go with colours (terminfo's bits) */
    const char *cup;
    char el[SGR_MAX]; /* clear to the end of the line, or "" */
    size_t el_len;
    int el_ok; /* el leaves the cells as R_NORMAL's spaces would be in this theme */
    int bce;   /* el clears with the background set */
    char sgr[R_COUNT][SGR_MAX];
    unsigned char sgr_len[R_COUNT];
    char reset[SGR_MAX];
    size_t reset_len;
    struct cup_memo *memo; /* [rows][cols], or NULL */
    int cut;               /* a frame was cut short (no memory): the next is drawn whole */
    char *buf;
    size_t len, cap;
};

/* --- terminfo strings, their padding taken out by tputs --- */

static struct sbuf *capture;

static int capture_ch(int ch)
{
    sbuf_addc(capture, (char)ch);
    return ch;
}

static int have(const char *s)
{
    return s && s != (const char *)-1 && *s;
}

static void cap_add(struct sbuf *b, const char *s)
{
    if (!have(s))
        return;
    capture = b;
    tputs(s, 1, capture_ch);
    capture = NULL;
}

static const char *cap(const char *name)
{
    const char *s = tigetstr(name);
    return have(s) ? s : NULL;
}

/* Role r's attribute string in theme: sgr0 first, so it needs nothing set before it. */
static int make_sgr(struct tout *o, int theme, int r)
{
    const struct role_style *st = theme_style(theme, r);
    struct sbuf b;
    sbuf_init(&b);
    sbuf_addn(&b, o->reset, o->reset_len);
    int m = st->mono;
    if (o->colour) {
        /* colours carry reverse and dim; bold and underline stay (as the curses path) */
        if ((m & AT_BOLD) && !(o->ncv & 32))
            cap_add(&b, cap("bold"));
        if ((m & AT_UNDERLINE) && !(o->ncv & 2))
            cap_add(&b, cap("smul"));
        int fg = st->fg, bg = st->bg;
        if (!o->defaults) {
            fg = fg < 0 ? C_WHITE : fg;
            bg = bg < 0 ? C_BLACK : bg;
        }
        if (fg >= 0)
            cap_add(&b, tiparm(cap("setaf"), fg));
        if (bg >= 0)
            cap_add(&b, tiparm(cap("setab"), bg));
    } else {
        if (m & AT_BOLD)
            cap_add(&b, cap("bold"));
        if (m & AT_REVERSE)
            cap_add(&b, cap("rev"));
        if (m & AT_UNDERLINE)
            cap_add(&b, cap("smul"));
        if (m & AT_DIM)
            cap_add(&b, cap("dim"));
    }
    int ok = !b.oom && b.len < SGR_MAX;
    if (ok) {
        memcpy(o->sgr[r], b.p, b.len);
        o->sgr_len[r] = (unsigned char)b.len;
    }
    sbuf_free(&b);
    return ok ? 0 : -1;
}

static int make_theme(struct tout *o, int theme)
{
    for (int r = 0; r < R_COUNT; r++)
        if (make_sgr(o, theme, r))
            return -1;
    o->theme = theme;
    const struct role_style *st = theme_style(theme, R_NORMAL);
    o->el_ok = o->el_len &&
               (o->colour ? o->bce || (o->defaults && st->fg < 0 && st->bg < 0) : st->mono == 0);
    return 0;
}

struct tout *tout_new(int fd, int colour, int defaults, int utf8)
{
    const char *sgr0 = cap("sgr0");
    if (!cap("cup") || !sgr0 || tigetnum("xmc") > 0)
        return NULL;
    if (colour && (!cap("setaf") || !cap("setab")))
        return NULL;
    struct tout *o = calloc(1, sizeof *o);
    if (!o)
        return NULL;
    o->fd = fd;
    o->colour = colour;
    o->defaults = defaults;
    o->utf8 = utf8;
    o->cup = cap("cup");
    o->am_trap = tigetflag("am") > 0 && tigetflag("xenl") <= 0;
    o->ncv = tigetnum("ncv") > 0 ? tigetnum("ncv") : 0;
    o->bce = tigetflag("bce") > 0;
    struct sbuf b;
    sbuf_init(&b);
    cap_add(&b, sgr0);
    if (colour)
        cap_add(&b, cap("op"));
    int ok = !b.oom && b.len < SGR_MAX;
    if (ok) {
        memcpy(o->reset, b.p, b.len);
        o->reset_len = b.len;
    }
    sbuf_reset(&b);
    cap_add(&b, cap("el"));
    if (!b.oom && b.len < SGR_MAX) {
        memcpy(o->el, b.p, b.len);
        o->el_len = b.len;
    }
    sbuf_free(&b);
    if (!ok || make_theme(o, THEME_STANDARD)) {
        free(o);
        return NULL;
    }
    o->cx = o->cy = o->role = -1;
    return o;
}

void tout_free(struct tout *o)
{
    if (!o)
        return;
    free(o->memo);
    free(o->buf);
    free(o);
}

void tout_reset(struct tout *o, int cols, int rows, int theme)
{
    if (theme != o->theme && make_theme(o, theme))
        make_theme(o, THEME_STANDARD); /* a string too long: the standard one still fits */
    if (cols != o->cols || rows != o->rows || !o->memo) {
        free(o->memo);
        o->memo =
            cols > 0 && rows > 0 ? calloc((size_t)cols * (size_t)rows, sizeof *o->memo) : NULL;
        o->cols = cols;
        o->rows = rows;
    }
    o->cx = o->cy = o->role = -1;
    o->cut = 0;
}

/* --- the frame's bytes --- */

/* Room for n more bytes; 0, or -1 when there is no memory (the frame is then cut short). */
static int room(struct tout *o, size_t n)
{
    if (o->len + n <= o->cap)
        return 0;
    size_t cap = o->cap ? o->cap : 16384;
    while (cap < o->len + n)
        cap *= 2;
    char *p = realloc(o->buf, cap);
    if (!p)
        return -1;
    o->buf = p;
    o->cap = cap;
    return 0;
}

static void put(struct tout *o, const char *s, size_t n)
{
    memcpy(o->buf + o->len, s, n);
    o->len += n;
}

static void move_to(struct tout *o, int x, int y)
{
    struct cup_memo *m = o->memo && x < o->cols && y < o->rows
                             ? &o->memo[(size_t)y * (size_t)o->cols + (size_t)x]
                             : NULL;
    if (m && m->len && m->len <= CUP_MEMO) {
        put(o, m->s, m->len);
    } else {
        struct sbuf b;
        sbuf_init(&b);
        cap_add(&b, tiparm(o->cup, y, x));
        if (!b.oom && b.len && !room(o, b.len)) {
            put(o, b.p, b.len);
            if (m) {
                m->len = (unsigned char)(b.len <= CUP_MEMO ? b.len : CUP_MEMO + 1);
                if (b.len <= CUP_MEMO)
                    memcpy(m->s, b.p, b.len);
            }
        }
        sbuf_free(&b);
    }
    o->cx = x;
    o->cy = y;
}

int tout_ascii_for(unsigned cp)
{
    switch (cp) {
    case 0xE5:
    case 0xE4:
    case 0xE0:
    case 0xE1: return 'a'; /* å ä à á */
    case 0xC5:
    case 0xC4:
    case 0xC0:
    case 0xC1: return 'A';
    case 0xF6:
    case 0xF8:
    case 0xF3: return 'o'; /* ö ø ó */
    case 0xD6:
    case 0xD8:
    case 0xD3: return 'O';
    case 0xE9:
    case 0xE8: return 'e';
    case 0xC9:
    case 0xC8: return 'E';
    case 0xFC: return 'u';
    case 0xDC: return 'U';
    case 0xA7: return 'S'; /* § */
    default: return '?';
    }
}

/* A cell in a locale that is not UTF-8: each character in the locale's encoding; one it
 * cannot show becomes a stand-in (as the curses path does), its marks dropped. */
static void put_local(struct tout *o, const struct cell *c)
{
    size_t i = 0, n = strlen(c->g), cols = 0;
    char mb[MB_LEN_MAX];
    while (i < n) {
        uint32_t cp;
        size_t k = utf8_decode(c->g + i, n - i, &cp);
        if (!k) {
            cp = '?';
            k = 1;
        }
        int first = i == 0;
        i += k;
        int len = cp < 0x80 ? (mb[0] = (char)cp, 1) : wctomb(mb, (wchar_t)cp);
        if (len > 0) {
            put(o, mb, (size_t)len);
            cols = c->width;
        } else if (first) {
            o->buf[o->len++] = (char)tout_ascii_for(cp);
            cols = 1;
        }
    }
    for (; cols < c->width; cols++) /* a wide character shown as one stand-in */
        o->buf[o->len++] = ' ';
}

void tout_run(struct tout *o, const struct cell *row, int y, int from, int to)
{
    if (o->cx != from || o->cy != y)
        move_to(o, from, y);
    int blank_from = o->cols; /* from here to the row's end: spaces in R_NORMAL */
    if (o->el_ok && to == o->cols) {
        while (blank_from > from && row[blank_from - 1].role == R_NORMAL &&
               row[blank_from - 1].g[0] == ' ' && !row[blank_from - 1].g[1])
            blank_from--;
    }
    for (int i = from; i < to; i++) {
        const struct cell *c = &row[i];
        if (!c->width)
            continue;
        if (i >= blank_from) {
            if (room(o, 2 * SGR_MAX)) {
                o->cut = 1;
                return;
            }
            if (o->role != R_NORMAL) {
                put(o, o->sgr[R_NORMAL], o->sgr_len[R_NORMAL]);
                o->role = R_NORMAL;
            }
            put(o, o->el, o->el_len);
            break;
        }
        if (o->am_trap && y == o->rows - 1 && i + c->width >= o->cols)
            break; /* the bottom-right cell would scroll the screen */
        if (room(o, SGR_MAX + CELL_MAX)) {
            o->cut = 1;
            return;
        }
        int r = c->role < R_COUNT ? c->role : R_NORMAL;
        if (r != o->role) {
            put(o, o->sgr[r], o->sgr_len[r]);
            o->role = r;
        }
        unsigned char c0 = (unsigned char)c->g[0];
        if (c0 >= 0x20 && c0 < 0x7F && !c->g[1])
            o->buf[o->len++] = (char)c0;
        else if (o->utf8)
            put(o, c->g, strlen(c->g));
        else
            put_local(o, c);
        o->cx += c->width;
    }
    if (o->cx >= o->cols) /* at the margin: where the cursor is depends on the terminal */
        o->cx = -1;
}

static void flush_out(struct tout *o)
{
    size_t off = 0;
    int stalls = 0;
    while (off < o->len) {
        ssize_t n = write(o->fd, o->buf + off, o->len - off);
        if (n > 0) {
            off += (size_t)n;
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) && stalls++ < 10) {
            struct pollfd p = {o->fd, POLLOUT, 0};
            poll(&p, 1, 100);
            continue;
        }
        break; /* the terminal hung up: the frame goes with it */
    }
    o->len = 0;
}

int tout_end(struct tout *o, int x, int y, int show, int *shown)
{
    if (o->role != -1 && !room(o, o->reset_len)) {
        put(o, o->reset, o->reset_len);
        o->role = -1;
    }
    if (show != *shown) {
        /* through curses, so that endwin knows to show the cursor again */
        flush_out(o);
        curs_set(show ? 1 : 0);
        *shown = show;
    }
    if (o->cx != x || o->cy != y)
        move_to(o, x, y);
    flush_out(o);
    int cut = o->cut;
    o->cut = 0;
    return cut ? -1 : 0;
}
