/* ops_plan.h: an action plan as the front ends ask for one: a target from its text (`kollen
 * plan --target`), the targets a bank and session offer (the TUI's row of choices), and the
 * plan itself (plan_compute, with a reason whenever there is none). The words of a plan are in
 * kollen/plan.h. */
#ifndef KOLLEN_OPS_PLAN_H
#define KOLLEN_OPS_PLAN_H

#include "kollen/diag.h"
#include "kollen/plan.h"

/* The target `kollen plan` aims at when none is given. */
#define OPS_PLAN_DEFAULT "next"

/* A target from its text: "next", "level N", "msbfs", "target ID", "group [G]" (no G: the
 * session's own group), "benchmark ID". KL_OK, or KL_EUSAGE with the reason in d. */
int ops_plan_target(const char *text, struct plan_spec *out, struct diags *d);

/* The targets bank b offers session s, in this order: the next level, each level (1..9), MSBFS
 * 2020:6 when the bank has that target, the benchmark of the session's actor group when one is
 * published. Returns how many (at most max). */
int ops_plan_targets(const struct bank *b, const struct session *s, struct plan_spec *out, int max);

/* Do two targets name the same thing? */
int ops_plan_same(const struct plan_spec *x, const struct plan_spec *y);

/* The plan toward target for session s (free it with plan_free). KL_OK, or plan_compute's code
 * with a reason in d, out of memory included. */
int ops_plan(const struct bank *b, const struct session *s, const struct plan_spec *target,
             struct plan *out, struct diags *d);

#endif
