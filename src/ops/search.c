/* search.c: words in a workshop's questions, options, help texts and notes. */
#include <stdlib.h>
#include <string.h>

#include "kollen/ops_search.h"
#include "kollen/text.h"

/* 1 found, 0 not, -1 out of memory. */
static int contains(const char *hay, const char *folded_needle)
{
    if (!hay || !*hay)
        return 0;
    char *f = text_fold_dup(hay);
    if (!f)
        return -1;
    int r = strstr(f, folded_needle) != NULL;
    free(f);
    return r;
}

/* Where in question qi the needle is first: 1 with *hit set, 0 nowhere, -1 out of memory. */
static int find(const struct workshop *w, int qi, const char *needle, struct search_hit *hit)
{
    const struct question *q = &w->bank->questions[qi];
    hit->question = qi;
    hit->option = 0;
    int r = contains(q->text, needle);
    if (r) {
        hit->where = SEARCH_TEXT;
        return r;
    }
    for (int i = 0; i < q->n_options; i++) {
        if ((r = contains(q->options[i].text, needle))) {
            hit->where = SEARCH_OPTION;
            hit->option = i;
            return r;
        }
    }
    if ((r = contains(q->help, needle))) {
        hit->where = SEARCH_HELP;
        return r;
    }
    hit->where = SEARCH_NOTE;
    return contains(w->ses->answers[qi].note, needle);
}

int ops_search(const struct workshop *w, const char *needle, struct search_hit **hits, int *n)
{
    *hits = NULL;
    *n = 0;
    char *t = text_dup(needle ? needle : "");
    char *folded = t ? text_fold_dup(text_trim(t)) : NULL;
    free(t);
    if (!folded)
        return KL_ENOMEM;
    int nq = w->bank->n_questions, rc = KL_OK;
    struct search_hit *v = *folded ? malloc((size_t)(nq ? nq : 1) * sizeof *v) : NULL;
    if (*folded && !v)
        rc = KL_ENOMEM;
    for (int qi = 0; v && qi < nq && !rc; qi++) {
        int r = find(w, qi, folded, &v[*n]);
        if (r < 0)
            rc = KL_ENOMEM;
        else if (r)
            (*n)++;
    }
    free(folded);
    if (rc) {
        free(v);
        *n = 0;
        return rc;
    }
    *hits = v;
    return KL_OK;
}
