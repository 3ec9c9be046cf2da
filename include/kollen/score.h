/* score.h: the one place levels, points, blockers and progress are computed. Pure: the same
 * bank and session always give the same result; nothing is printed or allocated globally. */
#ifndef KOLLEN_SCORE_H
#define KOLLEN_SCORE_H

#include <stdint.h>

#include "kollen/bank.h"
#include "kollen/session.h"

/* What an answer lacks to meet a rule. All zero when the rule holds. */
struct missing {
    int unanswered;        /* the question has not been discussed yet */
    int need_actions;      /* the rule needs this many actions (0: not this part) */
    int have_actions;
    uint64_t need_options; /* options still to tick */
    int need_choice;       /* the choice must reach this option (0: not this part) */
    int have_choice;
    int need_documented;   /* the content holds or is missing, and documentation is needed */
};

struct question_score {
    int answered;
    int actions, max_actions;
    long points_milli, max_points_milli;
    double value; /* scale banks: the chosen step, 0 when unanswered */
};

struct area_score {
    int questions, answered; /* every question of the area, scored or not: workshop coverage */
    int scored;              /* questions that count; 0: the area has no level at all */
    int pending;             /* scored questions not answered yet; a scale bank gives the area
                                no level (0) until there are none */
    int actions, max_actions;
    long points_milli, max_points_milli;
    int level;                 /* indicative level (scale banks: floor of value) */
    double value;              /* level + progress toward the next (scale: the mean) */
    int rules_met, rules_next; /* rules of level+1 that hold, and how many there are */
    double progress;           /* toward level+1, 0..1; 1 at the top level (scale banks with
                                  statements pending: the share answered) */
    int blockers;              /* questions of this area among the overall blockers */
};

struct blocker {
    int level;    /* the level it blocks */
    int question; /* index into bank.questions */
    int area;
    struct missing missing;
};

struct score {
    enum bank_kind kind;
    int n_levels;
    int level;      /* overall level (scale banks: floor of value) */
    double value;   /* level + progress (scale banks: mean of the answered areas) */
    double progress;/* toward level+1, 0..1: rules met / rules needed (kollen's, not MSB's) */
    int rules_met, rules_next;
    int actions, max_actions;
    long points_milli, max_points_milli;
    int answered, questions; /* every question, scored or not */
    int pending;             /* scored questions not answered yet; a scale bank gives no overall
                                level (0) until there are none (MSB scores complete surveys) */
    int n_areas;
    struct area_score *areas;
    int n_questions;
    struct question_score *q;
    int n_blockers;
    struct blocker *blockers; /* sorted by area order, then question number */
};

/* Compute everything for session s on bank b. Returns KL_OK or KL_ENOMEM. */
int score_compute(const struct bank *b, const struct session *s, struct score *out);
void score_free(struct score *sc);

/* Actions an answer counts on question q. */
int score_actions(const struct question *q, const struct answer *a);
/* Points (1/1000) an answer earns on question q. */
long score_points_milli(const struct question *q, const struct answer *a);

/* Does answer a meet rule r at level `level` of bank b (documentation gating included)?
 * When it does not and m is given, *m says what is missing. */
int score_rule_holds(const struct bank *b, const struct question *q, const struct answer *a,
                     const struct rule *r, int level, struct missing *m);

/* What an answer lacks, part by part, for programs (`check --json`'s "needs"): the question
 * must be answered; actions counted (need, have); any `need` more of the options in `options`
 * (each worth one action: "tick two of 4-10"); all of `options`; a choice of at least `need`
 * (have 0 when unanswered); documented evidence. */
enum need_kind { NEED_ANSWER, NEED_ACTIONS, NEED_ANY_OF, NEED_ALL_OF, NEED_CHOICE, NEED_EVIDENCE };
struct need_part {
    enum need_kind kind;
    int need, have;
    uint64_t options; /* bit i = option i+1 */
};
#define SCORE_NEED_PARTS 6
/* Fill out (room for SCORE_NEED_PARTS) from what m says answer a to q lacks; returns how
 * many parts. */
int score_need_parts(const struct question *q, const struct answer *a, const struct missing *m,
                     struct need_part *out);

/* What a blocker lacks in words a facilitator can read out, in the UI language
 * ("ej diskuterad ännu; behöver minst 1 åtgärd"). Appends to out. */
struct sbuf;
void score_missing_text(struct sbuf *out, const struct question *q, const struct missing *m);

/* Resultattal: <0 when x ranks below y, 0 when equal, >0 when above. MSB's order: overall
 * level, then the work-area results (sum of indicative area levels), then total points, then
 * work-area points (the area point shares sorted from the weakest area up). */
int score_compare(const struct score *x, const struct score *y);

#endif
