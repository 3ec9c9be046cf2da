/* cohort.h: many scored sessions of one bank and one actor group, streamed. A session is
 * added as its score; the cohort keeps a compact record of it (overall and per-area levels,
 * values and points, and the caller's id), never the session itself, and no organisation
 * name unless it was made to keep names. From the records: the share at each level, means,
 * the spread groups, the questions most often blocking level 1, the resultattal ranking and
 * the N best. Every comparison of two results is score_compare's. The rounding of group
 * boundaries and the treatment of ties are kollen's choices, documented in docs/many.md. */
#ifndef KOLLEN_COHORT_H
#define KOLLEN_COHORT_H

#include "kollen/bank.h"
#include "kollen/score.h"

struct cohort;

/* A new, empty cohort for sessions of bank b (NULL on allocation failure). With keep_names
 * it keeps a copy of each name given to cohort_add, for rankings that name organisations. */
struct cohort *cohort_new(const struct bank *b, int keep_names);
void cohort_free(struct cohort *c);

/* Add one session's score. id is the caller's (a file's index, say) and comes back in
 * rankings; name is kept only by a cohort made with keep_names (it may be NULL). Returns
 * KL_OK, KL_ENOMEM, or KL_EUSAGE when the score is not of the cohort's bank. */
int cohort_add(struct cohort *c, const struct score *sc, int id, const char *name);
/* Sessions added so far. */
int cohort_count(const struct cohort *c);

/* The spread groups of a result distribution (MSB2333 L2971-2977): the weakest 10 %, the
 * middle 80 % ("normalfördelning") and the best 10 % by resultattal. */
enum cohort_spread { SPREAD_WEAKEST, SPREAD_MIDDLE, SPREAD_BEST, SPREAD_COUNT };

struct spread_group {
    int n;               /* sessions in the group */
    double value;        /* their mean overall level on the continuous scale (score.value) */
    double *area_value;  /* per area, the mean of area_score.value; n_areas values */
    double points_milli; /* mean points (thousandths) */
    double actions;      /* mean actions */
    const char **names;  /* the outer groups of a cohort that keeps names: the members' names,
                            best first (owned by the cohort; valid while it lives); else NULL */
};

/* One question and how many sessions it keeps below level 1. */
struct blocker_count {
    int question; /* index into bank.questions */
    int count;
};

/* Everything summary shows for one cohort. Nothing in it identifies an organisation, except
 * the names of the outer spread groups' members when the cohort keeps names. Counts are
 * exact; shares are count / n. */
struct cohort_summary {
    int n;
    int n_levels, n_areas;
    int *level_count;      /* [0..n_levels]: sessions at exactly this overall level */
    int *area_level_count; /* [area * (n_levels + 1) + level]: sessions at this area level */
    double value;          /* mean overall level on the continuous scale */
    double *area_value;    /* per area, the mean continuous level */
    double points_milli;   /* mean points (thousandths) */
    double actions;        /* mean actions */
    int spread_target;     /* the size each outer spread group aims at: n/10 rounded half up */
    struct spread_group spread[SPREAD_COUNT];
    struct blocker_count *blocking; /* questions blocking level 1, most sessions first (ties in
                                       bank order); only those blocking at least one session */
    int n_blocking;
};

/* Summarise the cohort into *out (free it with cohort_summary_free). KL_OK or KL_ENOMEM. */
int cohort_summarise(const struct cohort *c, struct cohort_summary *out);
void cohort_summary_free(struct cohort_summary *s);

/* The part of the resultattal that decided a place, in score_compare's order. */
enum rank_key {
    RANK_FIRST,       /* the first of the ranking: nothing above it */
    RANK_LEVEL,       /* the overall level (scale banks: the overall mean) */
    RANK_AREAS,       /* the work-area results (sum of indicative area levels) */
    RANK_POINTS,      /* the total points */
    RANK_AREA_POINTS, /* the work-area point shares, weakest area first */
    RANK_TIE          /* equal to the one above in every part: a tie */
};

struct rank_entry {
    int id;           /* the caller's id from cohort_add */
    const char *name; /* NULL unless the cohort keeps names; owned by the cohort */
    int place;        /* 1-based; tied sessions share the place of the first of them */
    enum rank_key key; /* what set it below the one above (RANK_TIE: nothing did) */
    int level;
    double value;
    long points_milli;
    int actions;
};

/* The sessions in resultattal order, best first; tied ones in the order they were added.
 * *out is the caller's to free() (the names stay the cohort's). KL_OK or KL_ENOMEM. */
int cohort_rank(const struct cohort *c, struct rank_entry **out, int *n);

/* The ids of the n best sessions by resultattal, best first, into *ids (the caller frees
 * it) and their number into *n_ids. A block of tied sessions is never split: it is taken
 * whole or left out, whichever brings the count closer to n (left out on a draw), so
 * *n_ids may differ from n. KL_OK or KL_ENOMEM. */
int cohort_best(const struct cohort *c, int n, int **ids, int *n_ids);

#endif
