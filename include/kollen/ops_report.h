/* ops_report.h: everything a report on one session shows, gathered once: the score, the plan
 * toward the next level, the group's published figures (its typsvar, its spread series, its 30
 * best), the three weakest work areas and where the organisation is below its group, the five
 * steps of the plan that come first, the follow-up, parked and disputed counts, the workshop
 * before (--since) and the companion session of the other bank (Cybersäkerhetskollen). The
 * Markdown, HTML, CSV and xlsx writers (src/cli) only format it. */
#ifndef KOLLEN_OPS_REPORT_H
#define KOLLEN_OPS_REPORT_H

#include "kollen/bank.h"
#include "kollen/diag.h"
#include "kollen/ops_diff.h"
#include "kollen/plan.h"
#include "kollen/score.h"
#include "kollen/session.h"

#define OPS_REPORT_WEAKEST 3 /* work areas the summary names */
#define OPS_REPORT_TOP 5     /* plan steps the summary names */

struct workshop;

struct ops_report {
    const struct bank *b;
    const struct session *s;
    struct score sc;
    struct plan plan;           /* toward the next level */
    int have_plan;              /* 0 at the highest level */
    const struct benchmark *bm; /* the typsvar of the session's actor group, or NULL */
    const struct spread *spread;    /* the group's spread series (weakest first), or NULL */
    const struct benchmark *best30; /* the group's 30 best of the latest year, or NULL */
    int prov[4];                /* questions per provenance (enum provenance) */
    unsigned char *blocks;      /* per question: 1 when it blocks the next level */
    /* the summary */
    int weakest[BANK_MAX_AREAS]; /* the scored areas, weakest first: the lowest level, then
                                    the lowest value, then the bank's order; the summary names
                                    the first OPS_REPORT_WEAKEST */
    int n_weakest;
    int top[OPS_REPORT_TOP]; /* indices into plan.items: the steps to take first */
    int n_top;
    int below_group;         /* scored areas below the group's published value */
    int flagged, parked, disputed, tracked; /* questions */
    /* the workshop before (ops_report_since): then and now, question by question */
    struct ops_diff since;
    int have_since;
    /* the companion session of the other bank (ops_report_companion) */
    struct workshop *comp_w;
    struct ops_report *comp;
    char *comp_path;
};

/* Gather the report of session s on bank b (both borrowed). KL_OK, or KL_ENOMEM / the plan's
 * error with the reason in d. Free with ops_report_free. */
int ops_report_gather(struct ops_report *r, const struct bank *b, const struct session *s,
                      struct diags *d);
/* Compare with the workshop before: old_path against the report's own session at path (the
 * same bank, else KL_EDATA naming both). KL_OK, or the load's error with the reason in d. */
int ops_report_since(struct ops_report *r, const char *old_path, const char *path,
                     const char *questions_dir, struct diags *d);
/* Read the companion session the report's session names (at path, `[session] companion`),
 * read-only, and gather its report, scored by its own bank's model. KL_OK (also when the
 * session names none, or a session of the same bank, with a warning: r->comp stays NULL), or
 * the load's error with the reason in d. */
int ops_report_companion(struct ops_report *r, const char *path, const char *questions_dir,
                         struct diags *d);
void ops_report_free(struct ops_report *r);

/* What the organisation is compared with in work area ai (ai < 0: overall), on the measure
 * MSB publishes (a group's mean of indicative levels; a scale bank's mean): the typsvar's value
 * where it publishes one, else the middle part of the spread series. The value, or -1 with
 * *from NULL when the group has neither; *from is the benchmark it comes from. */
double ops_report_group_value(const struct ops_report *r, int ai, const struct benchmark **from);
/* The organisation on that measure: its indicative level (a scale bank: its mean); -1 for an
 * area with nothing that counts, or a scale bank's area with statements unanswered. */
double ops_report_org_value(const struct ops_report *r, int ai);

#endif
