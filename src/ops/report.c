/* report.c: the data of a report, gathered once for every output format. */
#include "kollen/ops_report.h"

#include <stdlib.h>
#include <string.h>

#include "kollen/msg.h"
#include "kollen/ops_plan.h"

int ops_report_gather(struct ops_report *r, const struct bank *b, const struct session *s,
                      struct diags *d)
{
    memset(r, 0, sizeof *r);
    r->b = b;
    r->s = s;
    r->bm = bank_group_benchmark(b, group_name(s->group));
    for (int i = 0; i < b->n_questions; i++)
        if ((unsigned)b->questions[i].prov < 4)
            r->prov[b->questions[i].prov]++;
    r->blocks = calloc((size_t)(b->n_questions ? b->n_questions : 1), 1);
    if (!r->blocks || score_compute(b, s, &r->sc)) {
        free(r->blocks);
        r->blocks = NULL;
        diags_add(d, NULL, 0, M_SES_NO_MEMORY);
        return KL_ENOMEM;
    }
    for (int k = 0; k < r->sc.n_blockers; k++)
        r->blocks[r->sc.blockers[k].question] = 1;
    if (r->sc.level < b->n_levels) {
        struct plan_spec next = {PLAN_NEXT, 0, ""};
        int rc = ops_plan(b, s, &next, &r->plan, d);
        if (rc) {
            ops_report_free(r);
            return rc;
        }
        r->have_plan = 1;
    }
    return KL_OK;
}

void ops_report_free(struct ops_report *r)
{
    score_free(&r->sc);
    if (r->have_plan)
        plan_free(&r->plan);
    free(r->blocks);
    memset(r, 0, sizeof *r);
}
