/* ops_report.h: everything a report on one session shows, gathered once: the score, the plan
 * toward the next level, the benchmark of the session's actor group, the bank's provenance and
 * which questions block the next level. The Markdown, HTML and CSV writers (src/cli) only
 * format it. */
#ifndef KOLLEN_OPS_REPORT_H
#define KOLLEN_OPS_REPORT_H

#include "kollen/bank.h"
#include "kollen/diag.h"
#include "kollen/plan.h"
#include "kollen/score.h"
#include "kollen/session.h"

struct ops_report {
    const struct bank *b;
    const struct session *s;
    struct score sc;
    struct plan plan;           /* toward the next level */
    int have_plan;              /* 0 at the highest level */
    const struct benchmark *bm; /* published for the session's actor group, or NULL */
    int prov[4];                /* questions per provenance (enum provenance) */
    unsigned char *blocks;      /* per question: 1 when it blocks the next level */
};

/* Gather the report of session s on bank b (both borrowed). KL_OK, or KL_ENOMEM / the plan's
 * error with the reason in d. Free with ops_report_free. */
int ops_report_gather(struct ops_report *r, const struct bank *b, const struct session *s,
                      struct diags *d);
void ops_report_free(struct ops_report *r);

#endif
