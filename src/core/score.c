/* score.c: levels, points, progress, blockers and the resultattal order. */
#include "kollen/score.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kollen/msg.h"
#include "kollen/text.h"

int score_actions(const struct question *q, const struct answer *a)
{
    if (!a->answered)
        return 0;
    if (q->type == QTYPE_MULTI) {
        int n = 0;
        for (int i = 0; i < q->n_options; i++)
            if (a->ticks & (1ULL << i))
                n += q->options[i].actions;
        return n;
    }
    if (a->choice < 1 || a->choice > q->n_options)
        return 0;
    return q->options[a->choice - 1].actions;
}

static int explicit_points(const struct question *q)
{
    for (int i = 0; i < q->n_options; i++)
        if (q->options[i].points_milli >= 0)
            return 1;
    return 0;
}

long score_points_milli(const struct question *q, const struct answer *a)
{
    if (!a->answered || !q->scored)
        return 0;
    if (explicit_points(q)) {
        long p = 0;
        if (q->type == QTYPE_MULTI) {
            for (int i = 0; i < q->n_options; i++)
                if ((a->ticks & (1ULL << i)) && q->options[i].points_milli > 0)
                    p += q->options[i].points_milli;
        } else if (a->choice >= 1 && a->choice <= q->n_options &&
                   q->options[a->choice - 1].points_milli > 0) {
            p = q->options[a->choice - 1].points_milli;
        }
        return p;
    }
    if (q->max_actions <= 0)
        return 0;
    /* the question's points shared evenly over its actions, rounded down to 1/1000 */
    return (long)((long long)q->points_milli * score_actions(q, a) / q->max_actions);
}

int score_rule_holds(const struct bank *b, const struct question *q, const struct answer *a,
                     const struct rule *r, int level, struct missing *m)
{
    struct missing tmp;
    if (!m)
        m = &tmp;
    memset(m, 0, sizeof *m);
    if (!r->present || !q->scored)
        return 1;
    int ok = 1;
    if (!a->answered) {
        m->unanswered = 1;
        ok = 0;
    }
    int acts = score_actions(q, a);
    if (r->min_actions && acts < r->min_actions) {
        m->need_actions = r->min_actions;
        m->have_actions = acts;
        ok = 0;
    }
    uint64_t ticks = (a->answered && q->type == QTYPE_MULTI) ? a->ticks : 0;
    if (r->need_mask & ~ticks) {
        m->need_options = r->need_mask & ~ticks;
        ok = 0;
    }
    int choice = a->answered ? a->choice : 0;
    if (r->min_choice && choice < r->min_choice) {
        m->need_choice = r->min_choice;
        m->have_choice = choice;
        ok = 0;
    }
    if (b->evidence_from > 0 && level >= b->evidence_from && !a->documented) {
        m->need_documented = 1;
        ok = 0;
    }
    return ok;
}

void score_free(struct score *sc)
{
    if (!sc)
        return;
    free(sc->areas);
    free(sc->q);
    free(sc->blockers);
    memset(sc, 0, sizeof *sc);
}

/* Blockers read in area order, then question number. Insertion sort: they arrive almost
 * sorted (by number) and qsort has no context argument in C11. */
static int blocker_before(const struct bank *b, const struct blocker *x, const struct blocker *y)
{
    int ox = b->areas[x->area].order, oy = b->areas[y->area].order;
    if (ox != oy)
        return ox < oy;
    if (x->area != y->area)
        return x->area < y->area;
    return b->questions[x->question].number < b->questions[y->question].number;
}

static int add_blocker(struct score *sc, int level, int qi, int area, const struct missing *m)
{
    struct blocker *v = realloc(sc->blockers, (size_t)(sc->n_blockers + 1) * sizeof *v);
    if (!v)
        return -1;
    sc->blockers = v;
    v[sc->n_blockers].level = level;
    v[sc->n_blockers].question = qi;
    v[sc->n_blockers].area = area;
    v[sc->n_blockers].missing = *m;
    sc->n_blockers++;
    return 0;
}

static void sort_blockers(const struct bank *b, struct score *sc)
{
    for (int i = 1; i < sc->n_blockers; i++) {
        struct blocker t = sc->blockers[i];
        int j = i;
        for (; j > 0 && blocker_before(b, &t, &sc->blockers[j - 1]); j--)
            sc->blockers[j] = sc->blockers[j - 1];
        sc->blockers[j] = t;
    }
    for (int i = 0; i < sc->n_blockers; i++)
        sc->areas[sc->blockers[i].area].blockers++;
}

/* The top-level rule of a scale bank with scale_top_step: every scored statement (of area ai,
 * or of the bank when ai < 0) answered at that step or higher. */
static int scale_top_holds(const struct bank *b, const struct session *s, int ai)
{
    int any = 0;
    for (int i = 0; i < b->n_questions; i++) {
        const struct question *q = &b->questions[i];
        if (!q->scored || (ai >= 0 && q->area != ai))
            continue;
        if (!s->answers[i].answered || s->answers[i].choice < b->scale_top_step)
            return 0;
        any = 1;
    }
    return any;
}

/* A level from a mean: its whole part; with scale_top_step the top level comes only from the
 * rule, so the mean alone stops one below it. */
static int scale_level(const struct bank *b, const struct session *s, int ai, double mean)
{
    int lv = (int)(mean + 1e-9); /* a mean of means that is 3 may come out as 2.9999999999 */
    if (b->scale_top_step <= 0)
        return lv;
    if (scale_top_holds(b, s, ai))
        return b->n_levels;
    return lv < b->n_levels - 1 ? lv : b->n_levels - 1;
}

static double clamp01(double v)
{
    return v < 0 ? 0 : v > 1 ? 1 : v;
}

/* A scale bank: an area's value is the mean of its answered statements, the overall value the
 * mean of the areas with answers. A level is given only when every statement it rests on is
 * answered: a mean of a few statements would read as a level it is not. */
static int compute_scale(const struct bank *b, const struct session *s, struct score *sc)
{
    double sum_areas = 0;
    int areas_answered = 0;
    for (int ai = 0; ai < b->n_areas; ai++) {
        struct area_score *as = &sc->areas[ai];
        double sum = 0;
        int n = 0;
        for (int i = 0; i < b->n_questions; i++)
            if (b->questions[i].area == ai && b->questions[i].scored && s->answers[i].answered) {
                sum += sc->q[i].value;
                n++;
            }
        as->value = n ? sum / n : 0;
        as->level = n && !as->pending ? scale_level(b, s, ai, as->value) : 0;
        as->progress = as->pending ? (double)n / as->scored
                       : as->level >= b->n_levels ? 1.0
                                                  : clamp01(as->value - as->level);
        if (n) {
            sum_areas += as->value;
            areas_answered++;
        }
    }
    int scored = 0;
    for (int ai = 0; ai < b->n_areas; ai++)
        scored += sc->areas[ai].scored;
    sc->value = areas_answered ? sum_areas / areas_answered : 0;
    sc->level = areas_answered && !sc->pending ? scale_level(b, s, -1, sc->value) : 0;
    sc->progress = sc->pending         ? (double)(scored - sc->pending) / scored
                   : sc->level >= sc->n_levels ? 1.0
                                               : clamp01(sc->value - sc->level);
    int target = sc->level + 1;
    if (target > sc->n_levels)
        return 0;
    /* the top level's rule: each statement below its step blocks it, and nothing else does */
    int need = target == b->n_levels && b->scale_top_step > 0 ? b->scale_top_step : target;
    /* a statement below the next level holds the mean down; raising any of them lifts it */
    for (int i = 0; i < b->n_questions; i++) {
        const struct question *q = &b->questions[i];
        const struct answer *a = &s->answers[i];
        if (!q->scored)
            continue;
        struct missing m = {0};
        if (!a->answered)
            m.unanswered = 1;
        else if (a->choice < need)
            m.need_choice = need, m.have_choice = a->choice;
        else
            continue;
        if (m.unanswered)
            m.need_choice = need;
        if (add_blocker(sc, target, i, q->area, &m))
            return -1;
    }
    return 0;
}

static int compute_rules(const struct bank *b, const struct session *s, struct score *sc)
{
    int n = b->n_levels;
    /* the highest level whose rules (and every lower level's) hold, per area and overall */
    int overall = n;
    for (int ai = 0; ai < b->n_areas; ai++)
        sc->areas[ai].level = n;
    for (int lv = 1; lv <= n; lv++) {
        int all_ok = 1;
        for (int i = 0; i < b->n_questions; i++) {
            const struct question *q = &b->questions[i];
            if (!q->rules[lv].present || !q->scored)
                continue;
            if (!score_rule_holds(b, q, &s->answers[i], &q->rules[lv], lv, NULL)) {
                all_ok = 0;
                if (sc->areas[q->area].level >= lv)
                    sc->areas[q->area].level = lv - 1;
            }
        }
        if (!all_ok && overall >= lv)
            overall = lv - 1;
    }
    sc->level = overall;
    /* progress toward the next level: rules of that level that hold / rules it has */
    for (int i = 0; i < b->n_questions; i++) {
        const struct question *q = &b->questions[i];
        if (!q->scored)
            continue;
        struct area_score *as = &sc->areas[q->area];
        struct missing m;
        if (as->level < n && q->rules[as->level + 1].present) {
            as->rules_next++;
            as->rules_met += score_rule_holds(b, q, &s->answers[i], &q->rules[as->level + 1],
                                              as->level + 1, NULL);
        }
        if (overall < n && q->rules[overall + 1].present) {
            sc->rules_next++;
            if (score_rule_holds(b, q, &s->answers[i], &q->rules[overall + 1], overall + 1, &m))
                sc->rules_met++;
            else if (add_blocker(sc, overall + 1, i, q->area, &m))
                return -1;
        }
    }
    for (int ai = 0; ai < b->n_areas; ai++) {
        struct area_score *as = &sc->areas[ai];
        double p = as->level >= n ? 0 : as->rules_next ? (double)as->rules_met / as->rules_next : 0;
        as->value = as->level + p;
        as->progress = as->level >= n ? 1.0 : p;
    }
    sc->progress = overall >= n ? 1.0 : sc->rules_next ? (double)sc->rules_met / sc->rules_next : 0;
    sc->value = overall + (overall >= n ? 0 : sc->progress);
    return 0;
}

int score_compute(const struct bank *b, const struct session *s, struct score *sc)
{
    memset(sc, 0, sizeof *sc);
    sc->kind = b->kind;
    sc->n_levels = b->n_levels;
    sc->n_areas = b->n_areas;
    sc->n_questions = b->n_questions;
    sc->areas = calloc((size_t)(b->n_areas ? b->n_areas : 1), sizeof *sc->areas);
    sc->q = calloc((size_t)(b->n_questions ? b->n_questions : 1), sizeof *sc->q);
    if (!sc->areas || !sc->q) {
        score_free(sc);
        return KL_ENOMEM;
    }
    for (int i = 0; i < b->n_questions && i < s->n_answers; i++) {
        const struct question *q = &b->questions[i];
        const struct answer *a = &s->answers[i];
        struct question_score *qs = &sc->q[i];
        struct area_score *as = &sc->areas[q->area];
        qs->answered = a->answered != 0;
        as->questions++;
        as->answered += qs->answered;
        sc->questions++;
        sc->answered += qs->answered;
        if (!q->scored)
            continue;
        as->scored++;
        as->pending += !qs->answered;
        sc->pending += !qs->answered;
        qs->actions = score_actions(q, a);
        qs->max_actions = q->max_actions;
        qs->points_milli = score_points_milli(q, a);
        qs->max_points_milli = q->points_milli;
        qs->value = (a->answered && q->type == QTYPE_SCALE) ? a->choice : 0;
        as->actions += qs->actions;
        as->max_actions += qs->max_actions;
        as->points_milli += qs->points_milli;
        as->max_points_milli += qs->max_points_milli;
        sc->actions += qs->actions;
        sc->max_actions += qs->max_actions;
        sc->points_milli += qs->points_milli;
        sc->max_points_milli += qs->max_points_milli;
    }
    int rc = b->kind == BANK_SCALE ? compute_scale(b, s, sc) : compute_rules(b, s, sc);
    if (rc) {
        score_free(sc);
        return KL_ENOMEM;
    }
    sort_blockers(b, sc);
    return KL_OK;
}

static int cmp_num(double x, double y)
{
    return (x > y) - (x < y);
}

/* Compare two area point shares p1/m1 and p2/m2 exactly; an area with no points counts 0. */
static int share_cmp(long p1, long m1, long p2, long m2)
{
    long long l = m1 > 0 ? (long long)p1 * (m2 > 0 ? m2 : 1) : 0;
    long long r = m2 > 0 ? (long long)p2 * (m1 > 0 ? m1 : 1) : 0;
    return (l > r) - (l < r);
}

/* The areas in order of their point share, weakest first, into idx (at most BANK_MAX_AREAS):
 * on the stack, so comparing two results never allocates and cannot fail. Returns how many. */
static int sorted_shares(const struct score *s, int *idx)
{
    int n = s->n_areas < BANK_MAX_AREAS ? s->n_areas : BANK_MAX_AREAS;
    for (int i = 0; i < n; i++) {
        const struct area_score *t = &s->areas[i];
        int j = i;
        for (; j > 0; j--) {
            const struct area_score *u = &s->areas[idx[j - 1]];
            if (share_cmp(t->points_milli, t->max_points_milli, u->points_milli,
                          u->max_points_milli) >= 0)
                break;
            idx[j] = idx[j - 1];
        }
        idx[j] = i;
    }
    return n;
}

int score_compare(const struct score *x, const struct score *y)
{
    int c = x->kind == BANK_SCALE ? cmp_num(x->value, y->value) : (x->level > y->level) - (x->level < y->level);
    if (c)
        return c;
    double ax = 0, ay = 0;
    for (int i = 0; i < x->n_areas; i++)
        ax += x->kind == BANK_SCALE ? x->areas[i].value : x->areas[i].level;
    for (int i = 0; i < y->n_areas; i++)
        ay += y->kind == BANK_SCALE ? y->areas[i].value : y->areas[i].level;
    if ((c = cmp_num(ax, ay)))
        return c;
    if ((c = (x->points_milli > y->points_milli) - (x->points_milli < y->points_milli)))
        return c;
    int ix[BANK_MAX_AREAS], iy[BANK_MAX_AREAS];
    int nx = sorted_shares(x, ix), ny = sorted_shares(y, iy);
    int n = nx < ny ? nx : ny;
    for (int i = 0; i < n && !c; i++) {
        const struct area_score *a = &x->areas[ix[i]], *b = &y->areas[iy[i]];
        c = share_cmp(a->points_milli, a->max_points_milli, b->points_milli, b->max_points_milli);
    }
    return c;
}

void score_missing_text(struct sbuf *out, const struct question *q, const struct missing *m)
{
    char t[160];
    size_t start = out->len;
#define SEP() (out->len > start ? sbuf_add(out, msg(M_MISS_SEP)) : (void)0)
    if (m->unanswered) {
        sbuf_add(out, msg(M_MISS_UNANSWERED));
    }
    if (m->need_actions) {
        SEP();
        if (m->need_actions == 1) {
            sbuf_add(out, msg(M_MISS_ACTION_ONE));
        } else if (m->unanswered) {
            msg_format(t, sizeof t, M_MISS_ACTIONS_NEW, m->need_actions);
            sbuf_add(out, t);
        } else {
            msg_format(t, sizeof t, M_MISS_ACTIONS, m->need_actions, m->have_actions);
            sbuf_add(out, t);
        }
    }
    if (m->need_options) {
        char list[128];
        size_t len = 0;
        for (int i = 0; i < q->n_options && len < sizeof list - 8; i++)
            if (m->need_options & (1ULL << i))
                len += (size_t)snprintf(list + len, sizeof list - len, len ? ", %d" : "%d", i + 1);
        SEP();
        msg_format(t, sizeof t, M_MISS_OPTIONS, list);
        sbuf_add(out, t);
    }
    if (m->need_choice && m->unanswered) {
        SEP();
        msg_format(t, sizeof t, q->type == QTYPE_SCALE ? M_MISS_SCALE_NEW : M_MISS_CHOICE_NEW,
                   m->need_choice);
        sbuf_add(out, t);
    } else if (m->need_choice) {
        SEP();
        if (q->type == QTYPE_SCALE)
            msg_format(t, sizeof t, M_MISS_SCALE, m->have_choice, m->need_choice);
        else
            msg_format(t, sizeof t, M_MISS_CHOICE, m->need_choice, m->have_choice);
        sbuf_add(out, t);
    }
    if (m->need_documented) {
        SEP();
        sbuf_add(out, msg(M_MISS_DOCUMENTED));
    }
#undef SEP
}

int score_need_parts(const struct question *q, const struct answer *a, const struct missing *m,
                     struct need_part *out)
{
    int n = 0;
    uint64_t ticked = a->answered && q->type == QTYPE_MULTI ? a->ticks : 0;
    if (m->unanswered)
        out[n++] = (struct need_part){NEED_ANSWER, 0, 0, 0};
    if (m->need_options)
        out[n++] = (struct need_part){NEED_ALL_OF, 0, 0, m->need_options};
    if (m->need_actions) {
        /* what the named options bring; the rest may come from any option still open */
        int named = 0, all_one = 1;
        uint64_t pool = 0;
        for (int i = 0; i < q->n_options; i++) {
            uint64_t bit = 1ULL << i;
            if (m->need_options & bit)
                named += q->options[i].actions;
            else if (!(ticked & bit) && q->options[i].actions > 0) {
                pool |= bit;
                all_one &= q->options[i].actions == 1;
            }
        }
        int rest = m->need_actions - m->have_actions - named;
        if (q->type == QTYPE_MULTI && all_one && rest > 0 && pool)
            out[n++] = (struct need_part){NEED_ANY_OF, rest, 0, pool};
        else if (rest > 0 || q->type != QTYPE_MULTI)
            out[n++] = (struct need_part){NEED_ACTIONS, m->need_actions, m->have_actions, 0};
    }
    if (m->need_choice)
        out[n++] = (struct need_part){NEED_CHOICE, m->need_choice,
                                      m->unanswered ? 0 : m->have_choice, 0};
    if (m->need_documented)
        out[n++] = (struct need_part){NEED_EVIDENCE, 0, 0, 0};
    return n;
}
