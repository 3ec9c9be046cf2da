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
    int pick = ai >= 0 && p->area_pick ? p->area_pick[ai] : 0;
    sbuf_addf(o, "%s: ", ai < 0 ? msg(M_PLAN_GOAL_OVERALL) : b->areas[ai].name);
    double below = ai < 0 ? p->benchmark->below : p->benchmark->area_below[ai];
    if (v < 0 && !pick) {
        sbuf_add(o, "–");
        if (below >= 0) { /* what MSB does say: "under nivå 1" */
            char t[64];
            msg_format(t, sizeof t, M_W_BELOW_LEVEL, (int)below);
            sbuf_addf(o, " (%s)", t);
        }
        return;
    }
    if (g > 0)
        sbuf_addf(o, "%s %d", msg(M_W_LEVEL), g);
    else /* "ingen nivå (0,26)", as a level outside 1..n is written everywhere else */
        sbuf_add(o, msg(M_W_NO_LEVEL));
    if (v >= 0) {
        sbuf_add(o, " (");
        fmt_decimal(o, v, 2);
        sbuf_addc(o, ')');
    }
    if (pick) {
        char t[160];
        msg_format(t, sizeof t, M_PLAN_PICKED, p->benchmark->areas_at_least[pick], pick);
        sbuf_addf(o, " (%s)", t);
    }
}

void plan_goal_lines(const struct bank *b, const struct plan *p,
                     void (*put)(void *ctx, const char *line), void *ctx)
{
    struct sbuf t;
    char line[256];
    sbuf_init(&t);
    for (int ai = -1; p->benchmark && ai < b->n_areas; ai++) {
        if (ai >= 0 && p->benchmark->area_levels[ai] < 0 && p->benchmark->area_below[ai] < 0 &&
            !(p->area_pick && p->area_pick[ai]))
            continue;
        sbuf_reset(&t);
        plan_goal_line(&t, b, p, ai);
        put(ctx, t.p ? t.p : "");
    }
    for (int lv = b->n_levels; p->benchmark && lv >= 1; lv--)
        if (p->benchmark->areas_at_least[lv] > 0) {
            msg_format(line, sizeof line, M_PLAN_AT_LEAST, lv, p->benchmark->areas_at_least[lv]);
            put(ctx, line);
        }
    sbuf_reset(&t);
    plan_actions_line(&t, p);
    if (t.len)
        put(ctx, t.p);
    sbuf_free(&t);
}

void plan_actions_line(struct sbuf *o, const struct plan *p)
{
    if (!p->benchmark || p->benchmark->actions < 0 || p->scale)
        return;
    char t[256];
    msg_format(t, sizeof t, M_PLAN_ACTIONS_LINE, p->benchmark->actions, p->actions_now,
               p->actions_after);
    sbuf_add(o, t);
}

int plan_new_section(const struct plan *p, int i)
{
    const struct plan_item *it = &p->items[i], *prev = i ? &p->items[i - 1] : NULL;
    return !prev || prev->quick != it->quick || (!it->quick && prev->area != it->area);
}

void plan_section_text(struct sbuf *o, const struct bank *b, const struct plan_item *it)
{
    sbuf_add(o, it->quick ? msg(M_PLAN_QUICK) : b->areas[it->area].name);
}

/* Do the plan's items ask for more than one level (or beyond a level)? */
static int several_levels(const struct plan *p)
{
    for (int i = 1; i < p->n_items; i++)
        if (p->items[i].level != p->items[0].level || p->items[i].extra != p->items[0].extra)
            return 1;
    return p->n_items && p->items[0].extra;
}

void plan_item_for(struct sbuf *o, const struct bank *b, const struct plan *p,
                   const struct plan_item *it)
{
    if (!several_levels(p))
        return;
    char line[512];
    if (it->extra) {
        struct sbuf t;
        sbuf_init(&t);
        plan_goal_text(&t, b, p);
        msg_format(line, sizeof line, M_PLAN_FOR, t.p ? t.p : "");
        sbuf_free(&t);
    } else {
        msg_format(line, sizeof line, M_PLAN_FOR_LEVEL, it->level);
    }
    sbuf_add(o, line);
}

const char *plan_status_words(enum step_status st)
{
    switch (st) {
    case STEP_OPEN: return msg(M_STEP_OPEN);
    case STEP_STARTED: return msg(M_STEP_STARTED);
    case STEP_DONE: return msg(M_STEP_DONE);
    case STEP_UNTRACKED: break;
    }
    return "";
}

void plan_track_text(struct sbuf *o, const struct answer *a)
{
    const char *sep = "";
    if (a->owner && *a->owner) {
        sbuf_add(o, a->owner);
        sep = " · ";
    }
    if (a->due && *a->due) {
        char t[64];
        msg_format(t, sizeof t, M_PLAN_DUE, a->due);
        sbuf_addf(o, "%s%s", sep, t);
        sep = " · ";
    }
    if (a->status != STEP_UNTRACKED)
        sbuf_addf(o, "%s%s", sep, plan_status_words(a->status));
}

/* An option as work: its action text, else "Kryssa i N: option text". */
static void option_work(struct sbuf *o, const struct question *q, int i)
{
    char t[1024];
    if (q->options[i].action)
        sbuf_add(o, q->options[i].action);
    else {
        msg_format(t, sizeof t, M_PLAN_TICK_TEXT, i + 1, q->options[i].text);
        sbuf_add(o, t);
    }
}

/* "4 (Besluta om ...) och 5 (Fördela ...)": the plan's own picks as the example. */
static void examples(struct sbuf *o, const struct question *q, uint64_t picks)
{
    int n = 0, total = 0;
    for (int i = 0; i < q->n_options; i++)
        total += (picks >> i) & 1;
    struct sbuf w;
    sbuf_init(&w);
    for (int i = 0; i < q->n_options; i++) {
        if (!(picks & (1ULL << i)))
            continue;
        char t[1200];
        sbuf_reset(&w);
        if (q->options[i].action)
            sbuf_add(&w, q->options[i].action);
        else
            sbuf_add(&w, q->options[i].text);
        msg_format(t, sizeof t, M_PLAN_EXAMPLE, i + 1, w.p ? w.p : "");
        if (n++)
            sbuf_add(o, n == total ? msg(M_W_LIST_AND) : ", ");
        sbuf_add(o, t);
    }
    sbuf_free(&w);
}

/* The ticks of a multi item: the named options one by one; the rest as "any k of the open
 * options", with the plan's picks as the example, unless the picks are all there is. */
static void tick_parts(const struct question *q, const struct plan_item *it,
                       void (*put)(void *ctx, const char *part), void *ctx)
{
    struct sbuf t;
    sbuf_init(&t);
    uint64_t free_picks = it->tick & ~it->named;
    uint64_t one_by_one = it->named | (free_picks == it->pool ? free_picks : 0);
    for (int i = 0; i < q->n_options; i++) {
        if (!(one_by_one & (1ULL << i)))
            continue;
        sbuf_reset(&t);
        option_work(&t, q, i);
        put(ctx, t.p ? t.p : "");
    }
    if (free_picks && free_picks != it->pool) {
        /* "two of 4-10" when each counts one action, "one of" when any alone will do */
        int all_one = 1, each_enough = 1;
        for (int i = 0; i < q->n_options; i++)
            if (it->pool & (1ULL << i)) {
                all_one &= q->options[i].actions == 1;
                each_enough &= q->options[i].actions >= it->pool_need;
            }
        struct sbuf nums, ex, cnt;
        sbuf_init(&nums);
        sbuf_init(&ex);
        sbuf_init(&cnt);
        fmt_numbers(&nums, it->pool);
        examples(&ex, q, free_picks);
        char line[4096];
        if (all_one || each_enough) {
            fmt_count_word(&cnt, all_one ? it->pool_need : 1);
            msg_format(line, sizeof line, M_PLAN_ANY_OF, cnt.p ? cnt.p : "", nums.p ? nums.p : "",
                       ex.p ? ex.p : "");
        } else {
            msg_format(line, sizeof line, M_PLAN_ANY_ACTIONS, it->pool_need, nums.p ? nums.p : "",
                       ex.p ? ex.p : "");
        }
        put(ctx, line);
        sbuf_free(&nums);
        sbuf_free(&ex);
        sbuf_free(&cnt);
    }
    sbuf_free(&t);
}

static void choice_part(const struct bank *b, const struct question *q, const struct plan_item *it,
                        void (*put)(void *ctx, const char *part), void *ctx)
{
    char line[2048];
    const char *lab = q->type == QTYPE_SCALE && b->scale_labels && it->choice <= b->scale_max
                          ? b->scale_labels[it->choice - 1]
                          : q->options[it->choice - 1].text;
    lab = lab ? lab : "";
    if (q->type == QTYPE_SCALE && it->answer) {
        if (it->choice > 1)
            msg_format(line, sizeof line, M_PLAN_ANSWER_SCALE_MIN, it->choice, lab);
        else
            msg_format(line, sizeof line, M_PLAN_ANSWER_SCALE);
    } else if (q->type == QTYPE_SCALE && q->action) {
        msg_format(line, sizeof line, M_PLAN_RAISE_SCALE, q->action, it->from_choice, it->choice,
                   lab);
    } else if (q->type == QTYPE_SCALE) {
        msg_format(line, sizeof line, M_PLAN_RAISE_SCALE_TEXT, it->from_choice, it->choice, lab);
    } else {
        char now[64] = "";
        if (it->from_choice)
            snprintf(now, sizeof now, "; %s %d", msg(M_PLAN_NOW), it->from_choice);
        if (q->options[it->choice - 1].action)
            msg_format(line, sizeof line, M_PLAN_CHOOSE_ACT, q->options[it->choice - 1].action,
                       it->choice, lab, now);
        else
            msg_format(line, sizeof line, M_PLAN_CHOOSE_TEXT, it->choice, lab, now);
    }
    put(ctx, line);
}

void plan_item_parts(const struct bank *b, const struct plan_item *it,
                     void (*put)(void *ctx, const char *part), void *ctx)
{
    const struct question *q = &b->questions[it->question];
    if (it->answer && !it->tick && !it->choice) /* ticking or choosing answers it too */
        put(ctx, msg(M_PLAN_ANSWER));
    if (it->tick)
        tick_parts(q, it, put, ctx);
    if (it->choice)
        choice_part(b, q, it, put, ctx);
    if (it->document) {
        struct sbuf h;
        sbuf_init(&h);
        if (question_evidence_hint(&h, q)) {
            /* the hint as the bank writes it, lower case first after "till exempel" */
            char line[4096];
            if (h.p[0] >= 'A' && h.p[0] <= 'Z' && !(h.p[1] >= 'A' && h.p[1] <= 'Z'))
                h.p[0] = (char)(h.p[0] - 'A' + 'a');
            msg_format(line, sizeof line, M_PLAN_DOCUMENT_HINT, h.p);
            put(ctx, line);
        } else {
            put(ctx, msg(M_PLAN_DOCUMENT));
        }
        sbuf_free(&h);
    }
}
