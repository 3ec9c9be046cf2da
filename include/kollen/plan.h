/* plan.h: an action plan: what an organisation must still do to reach a target (the next
 * level, a level, a named target such as MSBFS 2020:6, or an actor group's benchmark), as the
 * smallest set of actions that reaches it. Pure: computed from the bank and the session
 * through the scoring module, verified by scoring the session with the plan applied. */
#ifndef KOLLEN_PLAN_H
#define KOLLEN_PLAN_H

#include <stdint.h>

#include "kollen/bank.h"
#include "kollen/diag.h"
#include "kollen/session.h"
#include "kollen/text.h"

enum plan_kind {
    PLAN_NEXT,      /* the level above the current overall level */
    PLAN_LEVEL,     /* overall level N */
    PLAN_TARGET,    /* a target of targets.ini (msbfs = msbfs-2020-6) */
    PLAN_GROUP,     /* the benchmark of an actor group ("" = the session's own group) */
    PLAN_BENCHMARK  /* any benchmark of benchmarks.ini, by id */
};

#define PLAN_TARGET_ID "msbfs-2020-6"

struct plan_spec {
    enum plan_kind kind;
    int level;     /* PLAN_LEVEL */
    char arg[64];  /* PLAN_TARGET: target id; PLAN_GROUP: group; PLAN_BENCHMARK: benchmark id */
};

/* Parse "next", "level N", "msbfs", "target ID", "group [G]", "benchmark ID" (the word and
 * its argument separated by a space, '=' or ':'). Returns 0, or -1 when it is none of them. */
int plan_spec_parse(const char *text, struct plan_spec *out);

/* One step of the plan: what to change on one question to meet its rules up to `level`. */
struct plan_item {
    int question; /* index into bank.questions */
    int area;     /* index into bank.areas */
    int level;    /* the level this step completes the question's rules for */
    int extra;    /* 1: asked by the named target beyond its level's rules */
    int answer;   /* the question has not been discussed: answer it */
    uint64_t tick; /* multi: options to tick (bit i = option i+1), none of them ticked now */
    int choice;    /* single/scale: the option to choose (0: no change) */
    int from_choice; /* the session's choice now, when this step is the first to raise it */
    int document;  /* the answer must be documented (evidence recorded) */
    int actions;   /* actions this step adds, counted as score_actions counts them */
    int boxes;     /* options ticked or choices raised by this step */
    /* multi: of tick, the options the rules name (`options`, `all`: no other will do), and
     * where the rest only has to make up a number of actions, the options any of which would
     * do (pool, tick's free part among them) and the actions still needed from them */
    uint64_t named;
    uint64_t pool;
    int pool_need;
    int quick; /* a quick win: the answer holds, only its evidence needs documenting */
};

struct plan {
    struct plan_spec spec;
    const struct target *target;       /* PLAN_TARGET */
    const struct benchmark *benchmark; /* PLAN_GROUP, PLAN_BENCHMARK */
    int level_now;    /* the session's overall level */
    int goal_level;   /* the overall level the target asks (0: none) */
    int *area_goal;   /* per area: the indicative level asked, -1 when none (group targets) */
    int *area_pick;   /* per area: N when the plan chose the area to meet the benchmark's
                         "level N or better in K areas" (the K cheapest), else 0 */
    int n_areas;
    int met;          /* the session meets the target already */
    int n_items;
    struct plan_item *items; /* by level (extra steps last), then area order, then number */
    /* totals */
    int actions;   /* actions added: the plan's size */
    int boxes;     /* options to tick and choices to raise */
    int documents; /* answers to document */
    int quick;     /* quick wins: items that only document evidence of an answer that holds */
    int answers;   /* questions to answer that are not discussed yet */
    int questions; /* distinct questions touched */
    int level_after; /* overall level once the plan is carried out (verified) */
    int actions_now;   /* the session's actions now, and with the plan carried out */
    int actions_after;
    int scale;       /* a scale bank: "actions" are steps on the scale, items statements */
};

/* Compute the plan for session s on bank b. For each question the target asks something of,
 * the fewest added actions that meet every one of its conditions (ties: the fewest boxes);
 * conditions are per question, so the sum is the smallest plan. Fills *out (free it with
 * plan_free). Returns KL_OK; KL_EUSAGE with a message in d when the target does not exist
 * in the bank or asks nothing; KL_EDATA when the computed plan would not reach the target
 * (an internal error: no wrong plan is ever returned); KL_ENOMEM. */
int plan_compute(const struct bank *b, const struct session *s, const struct plan_spec *spec,
                 struct plan *out, struct diags *d);
void plan_free(struct plan *p);

/* Apply the plan to session s in place (ticks, choices, answered, documented; notes and
 * evidence references are the organisation's to write). Returns KL_OK. */
int plan_apply(const struct bank *b, struct session *s, const struct plan *p);
/* Does session s meet the plan's target? 1 yes, 0 no, -1 out of memory. */
int plan_target_met(const struct bank *b, const struct session *s, const struct plan *p);

/* The words of a plan (src/core/plan_text.c), plain text in the current language, shared by
 * `kollen plan`, the reports and the TUI's plan screen. A level's name: fmt_level (fmt.h). */
/* What the plan aims at: a level's name, "målet ...", "benchmarken ...". */
void plan_goal_text(struct sbuf *o, const struct bank *b, const struct plan *p);
/* "5 åtgärder i 3 frågor (4 kryss eller val), 2 svar att dokumentera". */
void plan_size_text(struct sbuf *o, const struct plan *p);
/* The heading of a level step: "Nivå 2: Viss systematik" or the target's name. */
void plan_step_text(struct sbuf *o, const struct bank *b, const struct plan *p,
                    const struct plan_item *it);
/* Items come in sections: the quick wins first, then one per work area in the bank's order.
 * plan_new_section: item i starts one; plan_section_text: its heading ("Snabba vinster: ...",
 * or the area's name). */
int plan_new_section(const struct plan *p, int i);
void plan_section_text(struct sbuf *o, const struct bank *b, const struct plan_item *it);
/* What an item is for, when the plan spans several levels or goes beyond one: "för nivå 2",
 * "för målet ..."; nothing when every item is for the same level. */
void plan_item_for(struct sbuf *o, const struct bank *b, const struct plan *p,
                   const struct plan_item *it);
/* The step as tracked between workshops: "Bo Berg · senast 2027-03-01 · påbörjad"; nothing
 * when the question's step is not tracked. */
void plan_track_text(struct sbuf *o, const struct answer *a);
/* The words of a step status ("öppen", "påbörjad", "klar"); "" for untracked. */
const char *plan_status_words(enum step_status st);
/* The organisation's actions beside the benchmark's, when it publishes a count:
 * "Åtgärder: benchmarken 116, organisationen 80 nu och 95 med planen". */
void plan_actions_line(struct sbuf *o, const struct plan *p);
/* A benchmark target's goal for area ai (-1: overall): "Ledning: ingen nivå (0,40)",
 * "Upphandling: Nivå 1 (vald: ett av 7 arbetsområden på nivå 1 eller bättre)". */
void plan_goal_line(struct sbuf *o, const struct bank *b, const struct plan *p, int ai);
/* Every line of a benchmark target's goals, for put(ctx, line): overall, the areas with a
 * published value or chosen by the plan, "nivå N eller bättre i K arbetsområden", and the
 * actions beside the benchmark's. */
void plan_goal_lines(const struct bank *b, const struct plan *p,
                     void (*put)(void *ctx, const char *line), void *ctx);
/* What one item asks, as separate parts of work from the bank's action texts ("Besluta om en
 * informationssäkerhetspolicy"; "Genomför två av åtgärderna 4-10, till exempel ..."; the
 * evidence the question's help names to document); calls put(ctx, part) for each. */
void plan_item_parts(const struct bank *b, const struct plan_item *it,
                     void (*put)(void *ctx, const char *part), void *ctx);

#endif
