/* plan.c: targets and plans for both front ends. */
#include "kollen/ops_plan.h"

#include <string.h>

#include "kollen/msg.h"
#include "kollen/ops_msg.h"

int ops_plan_target(const char *text, struct plan_spec *out, struct diags *d)
{
    if (plan_spec_parse(text, out) == 0)
        return KL_OK;
    ops_diag(d, M_OPS_PLAN_BAD_SPEC, text);
    return KL_EUSAGE;
}

int ops_plan_targets(const struct bank *b, const struct session *s, struct plan_spec *out, int max)
{
    int n = 0;
    if (n < max)
        out[n++] = (struct plan_spec){PLAN_NEXT, 0, ""};
    for (int lv = 1; lv <= b->n_levels && lv <= 9 && n < max; lv++)
        out[n++] = (struct plan_spec){PLAN_LEVEL, lv, ""};
    if (n < max && bank_find_target(b, PLAN_TARGET_ID) && plan_spec_parse("msbfs", &out[n]) == 0)
        n++;
    if (n < max && bank_group_benchmark(b, group_name(s->group)))
        out[n++] = (struct plan_spec){PLAN_GROUP, 0, ""}; /* "": the session's own group */
    return n;
}

int ops_plan_same(const struct plan_spec *x, const struct plan_spec *y)
{
    return x->kind == y->kind && x->level == y->level && !strcmp(x->arg, y->arg);
}

int ops_plan(const struct bank *b, const struct session *s, const struct plan_spec *target,
             struct plan *out, struct diags *d)
{
    size_t before = d ? d->n : 0;
    int rc = plan_compute(b, s, target, out, d);
    if (rc && d && d->n == before && !d->dropped)
        diags_add(d, NULL, 0, M_SES_NO_MEMORY);
    return rc;
}
