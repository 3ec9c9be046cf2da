/* page.h (tui-private): a page of wrapped lines for the screens that scroll through text (the
 * question view, the levels, the session's records): built for a width, drawn from any line. */
#ifndef KOLLEN_TUI_PAGE_H
#define KOLLEN_TUI_PAGE_H

#include "grid.h"

struct page_line {
    char *prefix; /* drawn first, in prefix_role ("[✓]  1 "), or NULL */
    int prefix_role;
    char *text;   /* sanitised, one line */
    int role;
    int x;        /* where the line starts (the prefix, or the text) */
    int tag;      /* what the caller marks lines with (an option, a section) */
};

struct page {
    struct page_line *v;
    int n, cap;
    int width; /* columns the text is wrapped to */
    int oom;
};

void page_init(struct page *p, int width);
void page_free(struct page *p);
/* Text (any lines; control characters dropped) wrapped to the page's width from column x, in
 * role; every line tagged. */
void page_add(struct page *p, const char *text, int role, int x, int tag);
/* Text after a prefix: the first line begins with the prefix (in prefix_role), the others are
 * indented under the text. */
void page_add_prefixed(struct page *p, const char *prefix, int prefix_role, const char *text,
                       int role, int x, int tag);
void page_blank(struct page *p, int tag);
/* The first and the last line with tag, or -1. */
int page_first(const struct page *p, int tag);
int page_last(const struct page *p, int tag);
/* Lines top.. into rows y..y+h-1 from column x; more-above and more-below marks at column
 * mark_x. */
void page_draw(const struct page *p, struct grid *g, int x, int y, int h, int top, int mark_x);
/* top kept within the page for h rows (the end of the page at the bottom at most). */
int page_clamp(const struct page *p, int top, int h);

#endif
