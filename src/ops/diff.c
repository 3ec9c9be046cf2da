/* diff.c: two sessions of one bank compared question by question. */
#include "kollen/ops_diff.h"

#include <stdlib.h>
#include <string.h>

#include "kollen/msg.h"
#include "kollen/ops_msg.h"
#include "kollen/store.h"

static int has_evidence(const struct answer *a, const char *ref)
{
    for (int i = 0; i < a->n_evidence; i++)
        if (!strcmp(a->evidence[i], ref))
            return 1;
    return 0;
}

static int same_text(const char *x, const char *y)
{
    return !strcmp(x ? x : "", y ? y : "");
}

/* The references of a that b lacks, as a new array of a's strings (NULL when there are none
 * or memory ran out: *oom says which). */
static const char **only_in(const struct answer *a, const struct answer *b, int *n, int *oom)
{
    *n = 0;
    if (!a->n_evidence)
        return NULL;
    const char **v = calloc((size_t)a->n_evidence, sizeof *v);
    if (!v) {
        *oom = 1;
        return NULL;
    }
    for (int i = 0; i < a->n_evidence; i++)
        if (!has_evidence(b, a->evidence[i]))
            v[(*n)++] = a->evidence[i];
    return v;
}

static void compare_value(const struct question *q, const struct answer *x, const struct answer *y,
                          struct ops_qdiff *d)
{
    if (q->type == QTYPE_MULTI) {
        uint64_t tx = x->answered ? x->ticks : 0, ty = y->answered ? y->ticks : 0;
        d->ticked = ty & ~tx;
        d->unticked = tx & ~ty;
        for (int i = 0; i < q->n_options; i++) {
            if (d->ticked & (1ULL << i))
                d->gained += q->options[i].actions;
            if (d->unticked & (1ULL << i))
                d->lost += q->options[i].actions;
        }
        d->answer_changed = x->answered != y->answered || tx != ty;
    } else {
        int ax = score_actions(q, x), ay = score_actions(q, y);
        d->gained = ay > ax ? ay - ax : 0;
        d->lost = ax > ay ? ax - ay : 0;
        d->answer_changed = x->answered != y->answered || (x->answered && x->choice != y->choice);
    }
    if (!q->scored)
        d->gained = d->lost = 0;
}

/* Question qi compared; 1 when anything changed, -1 when memory ran out. */
static int compare(const struct bank *b, const struct session *o, const struct session *n, int qi,
                   struct ops_qdiff *d)
{
    const struct question *q = &b->questions[qi];
    const struct answer *x = &o->answers[qi], *y = &n->answers[qi];
    memset(d, 0, sizeof *d);
    d->question = qi;
    compare_value(q, x, y, d);
    d->note_changed = !same_text(x->note, y->note);
    d->doc_changed = !x->documented != !y->documented;
    d->fol_changed = !x->followup != !y->followup;
    int oom = 0;
    d->ev_added = only_in(y, x, &d->n_ev_added, &oom);
    d->ev_removed = only_in(x, y, &d->n_ev_removed, &oom);
    if (oom)
        return -1;
    return d->answer_changed || d->note_changed || d->doc_changed || d->fol_changed ||
           d->n_ev_added || d->n_ev_removed;
}

static void qdiff_free(struct ops_qdiff *d)
{
    free(d->ev_added);
    free(d->ev_removed);
    d->ev_added = d->ev_removed = NULL;
}

int ops_diff(struct ops_diff *out, const struct bank *b, const struct session *old,
             const struct session *new)
{
    memset(out, 0, sizeof *out);
    out->bank = b;
    out->old = old;
    out->new = new;
    out->q = calloc((size_t)(b->n_questions ? b->n_questions : 1), sizeof *out->q);
    if (score_compute(b, old, &out->sc_old) || score_compute(b, new, &out->sc_new) || !out->q) {
        ops_diff_free(out);
        return KL_ENOMEM;
    }
    for (int qi = 0; qi < b->n_questions; qi++) {
        struct ops_qdiff *d = &out->q[out->n];
        int c = compare(b, old, new, qi, d);
        out->gained += d->gained;
        out->lost += d->lost;
        if (c > 0)
            out->n++;
        else
            qdiff_free(d);
        if (c < 0) {
            ops_diff_free(out);
            return KL_ENOMEM;
        }
    }
    return KL_OK;
}

int ops_diff_open(struct ops_diff *out, const char *old_path, const char *new_path,
                  const char *questions_dir, struct diags *d)
{
    memset(out, 0, sizeof *out);
    struct bank *b = NULL;
    struct session *so = NULL, *sn = NULL;
    char *id = NULL;
    store_check_private(old_path, d);
    int rc = session_open(old_path, questions_dir, &b, &so, d);
    if (!rc)
        rc = session_read_bank_id(new_path, &id, d);
    if (!rc && strcmp(id, b->id)) {
        ops_diag(d, M_OPS_DIFF_OTHER_BANK, new_path, id, old_path, b->id);
        rc = KL_EDATA;
    }
    if (!rc)
        rc = session_load(new_path, b, &sn, d);
    if (!rc && (rc = ops_diff(out, b, so, sn)))
        diags_add(d, NULL, 0, M_SES_NO_MEMORY);
    free(id);
    if (rc) {
        session_free(so);
        session_free(sn);
        bank_free(b);
        return rc;
    }
    out->own_bank = b;
    out->own_old = so;
    out->own_new = sn;
    return KL_OK;
}

void ops_diff_free(struct ops_diff *o)
{
    score_free(&o->sc_old); /* zeroed when never computed */
    score_free(&o->sc_new);
    for (int i = 0; i < o->n; i++)
        qdiff_free(&o->q[i]);
    free(o->q);
    session_free(o->own_old);
    session_free(o->own_new);
    bank_free(o->own_bank);
    memset(o, 0, sizeof *o);
}
