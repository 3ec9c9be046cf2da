/* plan_text.c: the words of a plan (its goal, its size, the heading of a step, what one item
 * asks), in the core so that `kollen plan`, the reports and the TUI's plan screen say the
 * same thing the same way. Plain text: the caller escapes or sanitises for its output. */
#include "kollen/plan.h"

#include <stdio.h>

#include "kollen/fmt.h"
#include "kollen/msg.h"

void plan_goal_text(struct sbuf *o, const struct bank *b, const struct plan *p)
{
    char t[512];
    switch (p->spec.kind) {
    case PLAN_NEXT:
    case PLAN_LEVEL:
        fmt_level(o, b, p->goal_level, 0, FMT_LEVEL_NAME);
        break;
    case PLAN_TARGET:
        msg_format(t, sizeof t, M_PLAN_GOAL_TARGET,
                   p->target->name ? p->target->name : p->target->id);
        sbuf_add(o, t);
        break;
    case PLAN_GROUP:
    case PLAN_BENCHMARK:
        msg_format(t, sizeof t, M_PLAN_GOAL_BENCH,
                   p->benchmark->name ? p->benchmark->name : p->benchmark->id);
        sbuf_add(o, t);
        break;
    }
}

void plan_size_text(struct sbuf *o, const struct plan *p)
{
    char a[64], q[64], t[256];
    if (p->met) {
        sbuf_add(o, msg(M_PLAN_MET));
        return;
    }
    if (p->scale) {
        msg_format(t, sizeof t, p->actions == 1 ? M_PLAN_SIZE_STEP : M_PLAN_SIZE_STEPS, p->actions,
                   p->questions);
        sbuf_add(o, t);
        return;
    }
    msg_format(a, sizeof a, p->actions == 1 ? M_PLAN_N_ACTION : M_PLAN_N_ACTIONS, p->actions);
    msg_format(q, sizeof q, p->questions == 1 ? M_PLAN_N_QUESTION : M_PLAN_N_QUESTIONS,
               p->questions);
    msg_format(t, sizeof t, M_PLAN_SIZE, a, q, p->boxes);
    sbuf_add(o, t);
    if (p->documents) {
        msg_format(t, sizeof t, p->documents == 1 ? M_PLAN_SIZE_DOC_ONE : M_PLAN_SIZE_DOC,
                   p->documents);
        sbuf_add(o, t);
    }
}

void plan_step_text(struct sbuf *o, const struct bank *b, const struct plan *p,
                    const struct plan_item *it)
{
    if (it->extra) {
        plan_goal_text(o, b, p);
        sbuf_addf(o, ": %s", msg(M_PLAN_EXTRA));
    } else {
        fmt_level(o, b, it->level, 0, FMT_LEVEL_NAME);
    }
}

void plan_goal_line(struct sbuf *o, const struct bank *b, const struct plan *p, int ai)
{
    double v = ai < 0 ? p->benchmark->level : p->benchmark->area_levels[ai];
    int g = ai < 0 ? p->goal_level : p->area_goal[ai];
    sbuf_addf(o, "%s: ", ai < 0 ? msg(M_PLAN_GOAL_OVERALL) : b->areas[ai].name);
    if (v < 0) {
        sbuf_add(o, "–");
        return;
    }
    if (g > 0)
        sbuf_addf(o, "%s %d (", msg(M_W_LEVEL), g);
    else /* "ingen nivå (0,26)", as a level outside 1..n is written everywhere else */
        sbuf_addf(o, "%s (", msg(M_W_NO_LEVEL));
    fmt_decimal(o, v, 2);
    sbuf_addc(o, ')');
}

void plan_item_parts(const struct bank *b, const struct plan_item *it,
                     void (*put)(void *ctx, const char *part), void *ctx)
{
    const struct question *q = &b->questions[it->question];
    struct sbuf t;
    sbuf_init(&t);
    if (it->answer && !it->tick && !it->choice) {
        put(ctx, msg(M_PLAN_ANSWER));
    }
    for (int i = 0; i < q->n_options; i++) {
        if (!(it->tick & (1ULL << i)))
            continue;
        sbuf_reset(&t);
        sbuf_addf(&t, "%s %d: %s", msg(M_PLAN_TICK), i + 1, q->options[i].text);
        if (q->options[i].actions != 1)
            sbuf_addf(&t, " (%d %s)", q->options[i].actions, msg(M_PLAN_ACTIONS_LC));
        put(ctx, t.p ? t.p : "");
    }
    if (it->choice) {
        sbuf_reset(&t);
        const char *lab = q->type == QTYPE_SCALE && b->scale_labels && it->choice <= b->scale_max
                              ? b->scale_labels[it->choice - 1]
                              : q->options[it->choice - 1].text;
        sbuf_addf(&t, "%s %d: %s", msg(M_PLAN_CHOOSE), it->choice, lab ? lab : "");
        if (it->from_choice)
            sbuf_addf(&t, " (%s %d)", msg(M_PLAN_NOW), it->from_choice);
        put(ctx, t.p ? t.p : "");
    }
    if (it->document)
        put(ctx, msg(M_PLAN_DOCUMENT));
    sbuf_free(&t);
}
