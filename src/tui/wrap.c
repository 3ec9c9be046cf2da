/* wrap.c: word wrap by display width. */
#include "wrap.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "kollen/text.h"

void wrap_init(struct wrap *w)
{
    memset(w, 0, sizeof *w);
}

void wrap_free(struct wrap *w)
{
    free(w->v);
    memset(w, 0, sizeof *w);
}

static int add(struct wrap *w, size_t start, size_t len, int width)
{
    if (w->n == w->cap) {
        int cap = w->cap ? w->cap * 2 : 16;
        struct wrap_line *v = realloc(w->v, (size_t)cap * sizeof *v);
        if (!v) {
            w->oom = 1;
            return -1;
        }
        w->v = v;
        w->cap = cap;
    }
    w->v[w->n].start = start;
    w->v[w->n].len = len;
    w->v[w->n].width = width;
    w->n++;
    return 0;
}

/* Bytes of the first character (code point plus its combining marks) at s. */
static size_t cluster(const char *s, size_t n)
{
    uint32_t cp;
    size_t k = utf8_decode(s, n, &cp);
    if (!k)
        return 1;
    while (k < n) {
        size_t m = utf8_decode(s + k, n - k, &cp);
        if (!m || text_cp_width(cp) != 0 || text_is_control(cp))
            break;
        k += m;
    }
    return k;
}

static int width_of(const char *s, size_t n)
{
    int w;
    text_fit(s, n, 1 << 30, &w);
    return w;
}

int wrap_text(struct wrap *w, const char *s, size_t n, int width)
{
    w->n = 0;
    w->oom = 0;
    if (width < 1)
        width = 1;
    size_t p = 0;
    for (;;) {
        const char *nl = p < n ? memchr(s + p, '\n', n - p) : NULL;
        size_t seg_end = nl ? (size_t)(nl - s) : n;
        int fw;
        size_t fit = text_fit(s + p, seg_end - p, width, &fw);
        if (p + fit >= seg_end) {
            /* the rest of this paragraph fits */
            if (add(w, p, seg_end - p, fw))
                return -1;
            if (!nl)
                return 0;
            p = seg_end + 1;
            continue;
        }
        /* break at the last space within the fit (or the space just after it) */
        size_t brk = 0;
        int found = 0;
        for (size_t i = p + fit; i > p; i--) {
            if (s[i] == ' ') {
                brk = i;
                found = 1;
                break;
            }
        }
        if (found) {
            if (add(w, p, brk - p, width_of(s + p, brk - p)))
                return -1;
            p = brk + 1;
            continue;
        }
        if (fit == 0) /* not even one character fits (a wide one in one column): take it */
            fit = cluster(s + p, seg_end - p);
        if (add(w, p, fit, width_of(s + p, fit)))
            return -1;
        p += fit;
        if (p == seg_end) { /* broken inside a word right at its end: no empty line after it */
            if (!nl)
                return 0;
            p = seg_end + 1;
        }
    }
}

int wrap_line_of(const struct wrap *w, size_t pos)
{
    int lo = 0, hi = w->n - 1;
    if (w->n == 0)
        return 0;
    /* the last line whose start <= pos */
    while (lo < hi) {
        int mid = (lo + hi + 1) / 2;
        if (w->v[mid].start <= pos)
            lo = mid;
        else
            hi = mid - 1;
    }
    return lo;
}

void wrapped_init(struct wrapped *w)
{
    memset(w, 0, sizeof *w);
}

void wrapped_free(struct wrapped *w)
{
    free(w->text);
    wrap_free(&w->wr);
    wrapped_init(w);
}

int wrapped_set(struct wrapped *w, const char *raw, int keep_newlines)
{
    free(w->text);
    w->text = text_sanitize_dup(raw ? raw : "", keep_newlines);
    w->len = w->text ? strlen(w->text) : 0;
    w->width = 0;
    return w->text ? 0 : -1;
}

const struct wrap *wrapped_lines(struct wrapped *w, int width)
{
    if (width < 1)
        width = 1;
    if (w->width != width) {
        w->width = 0;
        if (wrap_text(&w->wr, w->text ? w->text : "", w->len, width))
            return NULL;
        w->width = width;
    }
    return &w->wr;
}
