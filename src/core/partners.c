/* partners.c: who has in place what a session's blockers lack. */
#include "kollen/partners.h"

#include <stdlib.h>
#include <string.h>

#include "kollen/diag.h"
#include "kollen/text.h"

void partners_free(struct partners *p)
{
    if (!p)
        return;
    for (int i = 0; i < p->n_needs; i++)
        free(p->needs[i].ids);
    free(p->needs);
    free(p->own);
    memset(p, 0, sizeof *p);
}

int partners_init(struct partners *p, const struct bank *b, const struct session *s,
                  const struct score *sc, int keep_ids)
{
    (void)b;
    memset(p, 0, sizeof *p);
    p->keep_ids = keep_ids != 0;
    p->level = sc->level < sc->n_levels ? sc->level + 1 : 0;
    p->own = text_dup(s->organisation ? s->organisation : "");
    p->needs = calloc((size_t)(sc->n_blockers ? sc->n_blockers : 1), sizeof *p->needs);
    if (!p->own || !p->needs) {
        partners_free(p);
        return KL_ENOMEM;
    }
    for (int i = 0; i < sc->n_blockers; i++) {
        struct partner_need *n = &p->needs[p->n_needs++];
        n->question = sc->blockers[i].question;
        n->level = sc->blockers[i].level;
        n->missing = sc->blockers[i].missing;
    }
    return KL_OK;
}

int partners_meets(const struct bank *b, const struct question *q, const struct answer *a,
                   int level)
{
    if (level < 1 || level > b->n_levels)
        return 0;
    if (b->kind == BANK_SCALE)
        return q->scored && a->answered && a->choice >= level;
    return score_rule_holds(b, q, a, &q->rules[level], level, NULL);
}

int partners_add(struct partners *p, const struct bank *b, const struct session *other, int id)
{
    if (other->n_answers != b->n_questions || !other->bank_id ||
        strcmp(other->bank_id, b->id) != 0)
        return KL_EUSAGE;
    if (*p->own && other->organisation && strcmp(other->organisation, p->own) == 0) {
        p->skipped++;
        return KL_OK;
    }
    /* room for every id first, so a failed allocation leaves the counts as they were */
    for (int pass = 0; pass < 2; pass++) {
        for (int i = 0; i < p->n_needs; i++) {
            struct partner_need *n = &p->needs[i];
            const struct question *q = &b->questions[n->question];
            if (!partners_meets(b, q, &other->answers[n->question], n->level))
                continue;
            if (pass == 0 && p->keep_ids) {
                int *v = realloc(n->ids, (size_t)(n->have + 1) * sizeof *v);
                if (!v)
                    return KL_ENOMEM;
                n->ids = v;
            } else if (pass == 1) {
                if (p->keep_ids)
                    n->ids[n->have] = id;
                n->have++;
            }
        }
    }
    p->compared++;
    return KL_OK;
}
