/* page.c: wrapped lines to scroll through. */
#include "page.h"

#include <stdlib.h>
#include <string.h>

#include "kollen/text.h"
#include "theme.h"
#include "wrap.h"

void page_init(struct page *p, int width)
{
    memset(p, 0, sizeof *p);
    p->width = width > 1 ? width : 1;
}

void page_free(struct page *p)
{
    for (int i = 0; i < p->n; i++) {
        free(p->v[i].prefix);
        free(p->v[i].text);
    }
    free(p->v);
    memset(p, 0, sizeof *p);
}

static struct page_line *push(struct page *p)
{
    if (p->n == p->cap) {
        int cap = p->cap ? p->cap * 2 : 32;
        struct page_line *v = realloc(p->v, (size_t)cap * sizeof *v);
        if (!v) {
            p->oom = 1;
            return NULL;
        }
        p->v = v;
        p->cap = cap;
    }
    struct page_line *l = &p->v[p->n++];
    memset(l, 0, sizeof *l);
    return l;
}

void page_add_prefixed(struct page *p, const char *prefix, int prefix_role, const char *text,
                       int role, int x, int tag)
{
    char *clean = text_sanitize_dup(text ? text : "", 1);
    int pw = prefix ? text_width(prefix) : 0;
    int w = p->width - x - pw;
    struct wrap wr;
    wrap_init(&wr);
    if (!clean || wrap_text(&wr, clean, strlen(clean), w > 1 ? w : 1)) {
        p->oom = 1;
    } else {
        for (int i = 0; i < wr.n; i++) {
            struct page_line *l = push(p);
            if (!l)
                break;
            l->text = text_ndup(clean + wr.v[i].start, wr.v[i].len);
            l->role = role;
            l->tag = tag;
            l->x = i == 0 ? x : x + pw;
            if (i == 0 && prefix) {
                l->prefix = text_dup(prefix);
                l->prefix_role = prefix_role;
            }
        }
    }
    wrap_free(&wr);
    free(clean);
}

void page_add(struct page *p, const char *text, int role, int x, int tag)
{
    page_add_prefixed(p, NULL, role, text, role, x, tag);
}

void page_blank(struct page *p, int tag)
{
    struct page_line *l = push(p);
    if (l) {
        l->text = text_dup("");
        l->tag = tag;
    }
}

int page_first(const struct page *p, int tag)
{
    for (int i = 0; i < p->n; i++)
        if (p->v[i].tag == tag)
            return i;
    return -1;
}

int page_last(const struct page *p, int tag)
{
    for (int i = p->n - 1; i >= 0; i--)
        if (p->v[i].tag == tag)
            return i;
    return -1;
}

int page_clamp(const struct page *p, int top, int h)
{
    if (top > p->n - h)
        top = p->n - h;
    return top < 0 ? 0 : top;
}

void page_draw(const struct page *p, struct grid *g, int x, int y, int h, int top, int mark_x)
{
    const struct glyphs *gl = theme_glyphs(g->utf8);
    for (int r = 0; r < h && top + r < p->n; r++) {
        const struct page_line *l = &p->v[top + r];
        int cx = x + l->x;
        if (l->prefix)
            cx += grid_put(g, cx, y + r, g->cols - cx, l->prefix, l->prefix_role);
        grid_put(g, cx, y + r, g->cols - cx, l->text ? l->text : "", l->role);
    }
    if (top > 0)
        grid_put(g, mark_x, y, 1, gl->more_up, R_DIM);
    if (top + h < p->n)
        grid_put(g, mark_x, y + h - 1, 1, gl->more_down, R_DIM);
}
