/* report.c: the data of a report, gathered once for every output format. */
#include "kollen/ops_report.h"

#include <stdlib.h>
#include <string.h>

#include "kollen/msg.h"
#include "kollen/ops_msg.h"
#include "kollen/ops_paths.h"
#include "kollen/ops_plan.h"
#include "kollen/ops_workshop.h"

/* The 30 best of the group, the latest year. */
static const struct benchmark *group_best30(const struct bank *b, const char *group)
{
    const struct benchmark *best = NULL;
    for (int i = 0; i < b->n_benchmarks; i++) {
        const struct benchmark *m = &b->benchmarks[i];
        if (m->kind == BENCH_BEST30 && !strcmp(m->group, group) && (!best || m->year > best->year))
            best = m;
    }
    return best;
}

double ops_report_group_value(const struct ops_report *r, int ai, const struct benchmark **from)
{
    *from = NULL;
    double v = !r->bm ? -1 : ai < 0 ? r->bm->level : r->bm->area_levels[ai];
    if (v >= 0) {
        *from = r->bm;
        return v;
    }
    if (!r->spread)
        return -1;
    int mid = 0; /* the middle part: the one that covers the most of the group */
    for (int k = 1; k < r->spread->n_parts; k++)
        if (r->spread->shares[k] > r->spread->shares[mid])
            mid = k;
    const struct benchmark *m = &r->b->benchmarks[r->spread->parts[mid]];
    v = ai < 0 ? m->level : m->area_levels[ai];
    if (v >= 0)
        *from = m;
    return v >= 0 ? v : -1;
}

double ops_report_org_value(const struct ops_report *r, int ai)
{
    int scale = r->b->kind == BANK_SCALE;
    if (ai < 0)
        return scale ? (r->sc.pending ? -1 : r->sc.value) : r->sc.level;
    const struct area_score *as = &r->sc.areas[ai];
    if (!as->scored || (scale && as->pending))
        return -1;
    return scale ? as->value : as->level;
}

/* The scored areas, weakest first: the lowest level, then the lowest value (kollen's progress
 * inside the level; a scale bank's mean), then the bank's order. */
static void find_weakest(struct ops_report *r)
{
    const struct bank *b = r->b;
    unsigned char used[BANK_MAX_AREAS] = {0};
    for (r->n_weakest = 0; r->n_weakest < b->n_areas; r->n_weakest++) {
        int best = -1;
        for (int ai = 0; ai < b->n_areas; ai++) {
            const struct area_score *x = &r->sc.areas[ai];
            if (used[ai] || !x->scored)
                continue;
            const struct area_score *y = best < 0 ? NULL : &r->sc.areas[best];
            if (!y || x->level < y->level || (x->level == y->level && x->value < y->value))
                best = ai;
        }
        if (best < 0)
            break;
        used[best] = 1;
        r->weakest[r->n_weakest] = best;
    }
    r->below_group = 0;
    for (int ai = 0; ai < b->n_areas; ai++) {
        const struct benchmark *from;
        double g = ops_report_group_value(r, ai, &from), o = ops_report_org_value(r, ai);
        r->below_group += g >= 0 && o >= 0 && o < g;
    }
}

/* The plan's steps to take first: quick wins (documenting what holds), then the fewest actions,
 * then the plan's own order (work areas as the bank orders them). */
static void find_top(struct ops_report *r)
{
    unsigned char *used = calloc((size_t)(r->plan.n_items ? r->plan.n_items : 1), 1);
    r->n_top = 0;
    if (!used)
        return;
    while (r->n_top < OPS_REPORT_TOP) {
        int best = -1;
        for (int i = 0; i < r->plan.n_items; i++) {
            const struct plan_item *x = &r->plan.items[i];
            if (used[i])
                continue;
            const struct plan_item *y = best < 0 ? NULL : &r->plan.items[best];
            if (!y || x->quick > y->quick ||
                (x->quick == y->quick && x->actions + x->boxes < y->actions + y->boxes))
                best = i;
        }
        if (best < 0)
            break;
        used[best] = 1;
        r->top[r->n_top++] = best;
    }
    free(used);
}

static void count_records(struct ops_report *r)
{
    for (int qi = 0; qi < r->b->n_questions; qi++) {
        const struct answer *a = &r->s->answers[qi];
        r->flagged += a->followup != 0;
        r->parked += a->parked != 0;
        r->disputed += answer_disputed(a);
        r->tracked += a->status != STEP_UNTRACKED || a->owner || a->due;
    }
}

int ops_report_gather(struct ops_report *r, const struct bank *b, const struct session *s,
                      struct diags *d)
{
    memset(r, 0, sizeof *r);
    r->b = b;
    r->s = s;
    r->bm = bank_group_benchmark(b, group_name(s->group));
    r->spread = bank_group_spread(b, group_name(s->group));
    r->best30 = group_best30(b, group_name(s->group));
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
        find_top(r);
    }
    find_weakest(r);
    count_records(r);
    return KL_OK;
}

int ops_report_since(struct ops_report *r, const char *old_path, const char *path,
                     const char *questions_dir, struct diags *d)
{
    int rc = ops_diff_open(&r->since, old_path, path, questions_dir, d);
    r->have_since = rc == KL_OK;
    return rc;
}

int ops_report_companion(struct ops_report *r, const char *path, const char *questions_dir,
                         struct diags *d)
{
    if (!r->s->companion || !*r->s->companion)
        return KL_OK;
    r->comp_path = ops_companion_path(path, r->s->companion);
    r->comp = calloc(1, sizeof *r->comp);
    if (!r->comp_path || !r->comp) {
        diags_add(d, NULL, 0, M_SES_NO_MEMORY);
        return KL_ENOMEM;
    }
    int rc = ops_open(&r->comp_w, r->comp_path, questions_dir, OPS_READ_ONLY, "kollen report", d);
    int same = !rc && !strcmp(r->comp_w->bank->id, r->b->id);
    if (same) /* a companion is the other bank's: this one says nothing the report does not */
        ops_warn(d, M_OPS_COMPANION_SAME_BANK, r->comp_path, r->b->id);
    if (!rc && !same)
        rc = ops_report_gather(r->comp, r->comp_w->bank, r->comp_w->ses, d);
    if (rc || same) {
        ops_close(r->comp_w);
        r->comp_w = NULL;
        free(r->comp);
        r->comp = NULL;
    }
    return rc;
}

void ops_report_free(struct ops_report *r)
{
    score_free(&r->sc);
    if (r->have_plan)
        plan_free(&r->plan);
    free(r->blocks);
    if (r->have_since)
        ops_diff_free(&r->since);
    if (r->comp) {
        ops_report_free(r->comp);
        free(r->comp);
    }
    ops_close(r->comp_w);
    free(r->comp_path);
    memset(r, 0, sizeof *r);
}
