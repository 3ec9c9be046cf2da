/* textfit.c: labels that stay apart when cut, the period beside the phrase that needs it. */
#include "textfit.h"

#include <stdlib.h>
#include <string.h>

static char *cut_end(const char *s, int w, int utf8)
{
    struct sbuf t;
    sbuf_init(&t);
    text_truncate(&t, s, w, utf8);
    return sbuf_take(&t);
}

/* Where the words of x and y begin to differ: the start of the word holding the first byte
 * that differs. */
static size_t differ_at(const char *x, const char *y)
{
    size_t i = 0;
    while (x[i] && x[i] == y[i])
        i++;
    while (i > 0 && x[i - 1] != ' ')
        i--;
    return i;
}

void label_fit(struct sbuf *o, const char *label, const char *const *others, int n, int w,
               int utf8)
{
    if (w <= 0)
        return;
    char *mine = cut_end(label, w, utf8);
    size_t d = 0;
    for (int i = 0; mine && i < n; i++) {
        if (!others[i] || !strcmp(others[i], label))
            continue;
        char *theirs = cut_end(others[i], w, utf8);
        if (theirs && !strcmp(theirs, mine)) { /* the same when cut: keep what differs */
            size_t k = differ_at(label, others[i]);
            d = k > d ? k : d;
        }
        free(theirs);
    }
    int ell = utf8 ? 1 : 3;
    /* the first word, an ellipsis, then the words from where they differ, cut at the end */
    const char *space = strchr(label, ' ');
    size_t hk = space ? (size_t)(space - label) : strlen(label);
    int hw = text_width(label) - text_width(label + hk);
    if (!mine || !d || hk >= d || hw + ell + 4 > w) {
        sbuf_add(o, mine ? mine : "");
        free(mine);
        return;
    }
    free(mine);
    sbuf_addn(o, label, hk);
    sbuf_add(o, utf8 ? "\xE2\x80\xA6" : "...");
    text_truncate(o, label + d, w - hw - ell, utf8);
}
