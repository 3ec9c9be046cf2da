/* many_merge.c: breakout groups' session files merged into a new one. */
#include "kollen/ops_merge.h"

#include <stdlib.h>
#include <string.h>

#include "kollen/merge.h"
#include "kollen/store.h"
#include "kollen/text.h"

/* A session's label: its file name without the folder and ".ini". */
static char *label_of(const char *path)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    size_t n = strlen(base);
    if (n > 4 && !strcmp(base + n - 4, ".ini"))
        n -= 4;
    return text_ndup(base, n);
}

static void count(const struct bank *b, const struct session *m, struct ops_merged *res)
{
    for (int i = 0; i < b->n_questions; i++) {
        res->answered += m->answers[i].answered != 0;
        res->disputed += answer_disputed(&m->answers[i]);
    }
}

int ops_merge(struct ops_banks *banks, const char *const *paths, int n, const char *out_path,
              int64_t now, struct ops_merged *res, struct diags *d)
{
    memset(res, 0, sizeof *res);
    struct ops_item *it = calloc((size_t)(n ? n : 1), sizeof *it);
    const struct session **in = calloc((size_t)(n ? n : 1), sizeof *in);
    char **labels = calloc((size_t)(n ? n : 1), sizeof *labels);
    int rc = it && in && labels ? KL_OK : KL_ENOMEM, read = 0;
    for (; !rc && read < n; read++) {
        ops_many_read(banks, paths[read], 0, &it[read]);
        for (size_t i = 0; i < it[read].d.n; i++)
            diags_add_text(d, it[read].d.v[i].file, it[read].d.v[i].line,
                           it[read].d.v[i].is_warning, it[read].d.v[i].msg);
        rc = it[read].rc;
        in[read] = it[read].ses;
        if (!rc && !(labels[read] = label_of(paths[read])))
            rc = KL_ENOMEM;
    }
    struct session *m = NULL;
    if (!rc)
        rc = merge_sessions(it[0].bank, in, (const char *const *)labels, n, now, &m, d);
    if (!rc)
        rc = session_save(out_path, it[0].bank, m, 1, d);
    if (!rc) {
        res->sessions = n;
        count(it[0].bank, m, res);
    }
    session_free(m);
    for (int i = 0; it && i < read; i++)
        ops_item_clear(&it[i]);
    for (int i = 0; labels && i < n; i++)
        free(labels[i]);
    free(labels);
    free(in);
    free(it);
    return rc;
}
