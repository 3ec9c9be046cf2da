/* ops_summary.h: what many sessions say together: per bank and actor group the level shares,
 * means, spread groups and blocking questions (`kollen summary`), and the organisations in
 * resultattal order (`kollen rank`). Streamed: each session is scored, added to its cohort and
 * dropped. No organisation is named unless names are asked for, and a group with fewer
 * sessions than min_group is counted but not summarised. */
#ifndef KOLLEN_OPS_SUMMARY_H
#define KOLLEN_OPS_SUMMARY_H

#include "kollen/cohort.h"
#include "kollen/ops_many.h"

/* What was read, for every many-session use case. */
struct ops_tally {
    int files;       /* files listed */
    int failed;      /* could not be read (named in the diagnostics) */
    int other_bank;  /* sessions of another bank than the one asked for */
    int other_group; /* sessions of another actor group than the one asked for */
};

/* Which sessions a use case takes. */
struct ops_select {
    const char *bank_id; /* NULL: every bank, each on its own */
    int group;           /* an enum actor_group, or -1 for every group */
    int threads;         /* 0: ops_many_threads() */
};

struct ops_group_summary {
    const struct bank *bank;
    enum actor_group group;
    int n;     /* sessions of the group */
    int shown; /* n >= min_group: sum is filled */
    struct cohort_summary sum;
    struct cohort *cohort; /* with names: owns the names of sum's outer spread groups */
};

struct ops_summary {
    struct ops_group_summary *v; /* by bank in the order first read, then actor group */
    int n;
    int min_group;
    struct ops_tally tally;
};

/* Summarise the sessions of in; with names, the outer spread groups name their members. Files
 * that cannot be read are counted and their problems added to d. KL_OK or KL_ENOMEM. Free with
 * ops_summary_free. */
int ops_summary(const struct ops_inputs *in, struct ops_banks *banks, const struct ops_select *sel,
                int min_group, int names, struct ops_summary *out, struct diags *d);
void ops_summary_free(struct ops_summary *s);

/* One bank's sessions in resultattal order. The entries' ids are indices into the inputs. */
struct ops_ranking {
    const struct bank *bank;
    struct rank_entry *v; /* best first; names only when asked for */
    int n;
    struct cohort *cohort; /* owns the names */
};

struct ops_rank {
    struct ops_ranking *v; /* by bank in the order first read */
    int n;
    signed char *group;    /* per input: its actor group, -1 when not ranked */
    struct ops_tally tally;
};

/* Rank the sessions of in (one ranking per bank, or the one asked for). With names, each
 * entry carries its organisation's name. KL_OK or KL_ENOMEM. Free with ops_rank_free. */
int ops_rank(const struct ops_inputs *in, struct ops_banks *banks, const struct ops_select *sel,
             int names, struct ops_rank *out, struct diags *d);
void ops_rank_free(struct ops_rank *r);

/* Count item it in t and copy its problems to d; 1 when it is a session the selection takes,
 * else 0 (not read, another bank or another group). For the many-session use cases. */
int ops_take(const struct ops_select *sel, struct ops_item *it, struct ops_tally *t,
             struct diags *d);

#endif
