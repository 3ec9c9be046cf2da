/* plan.c: action plans: the smallest set of actions that takes a session to a target. */
#include "kollen/plan.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kollen/msg.h"
#include "kollen/score.h"
#include "kollen/text.h"

/* --- the target spec --- */

static int word_arg(const char *text, const char *word, const char **arg)
{
    size_t n = strlen(word);
    if (strncmp(text, word, n) != 0)
        return 0;
    const char *p = text + n;
    if (*p == '\0') {
        *arg = p;
        return 1;
    }
    if (*p != ' ' && *p != '=' && *p != ':')
        return 0;
    while (*p == ' ' || *p == '=' || *p == ':')
        p++;
    *arg = p;
    return 1;
}

int plan_spec_parse(const char *text, struct plan_spec *out)
{
    memset(out, 0, sizeof *out);
    const char *arg;
    if (!text)
        return -1;
    while (*text == ' ')
        text++;
    if (!strcmp(text, "next")) {
        out->kind = PLAN_NEXT;
        return 0;
    }
    if (!strcmp(text, "msbfs")) {
        out->kind = PLAN_TARGET;
        snprintf(out->arg, sizeof out->arg, "%s", PLAN_TARGET_ID);
        return 0;
    }
    if (word_arg(text, "level", &arg) || word_arg(text, "nivå", &arg)) {
        long v;
        if (text_parse_int(arg, 1, BANK_MAX_LEVELS, &v))
            return -1;
        out->kind = PLAN_LEVEL;
        out->level = (int)v;
        return 0;
    }
    enum plan_kind k;
    if (word_arg(text, "group", &arg))
        k = PLAN_GROUP;
    else if (word_arg(text, "target", &arg))
        k = PLAN_TARGET;
    else if (word_arg(text, "benchmark", &arg))
        k = PLAN_BENCHMARK;
    else
        return -1;
    size_t n = strlen(arg);
    if (n >= sizeof out->arg || (k != PLAN_GROUP && n == 0) || strchr(arg, ' '))
        return -1;
    out->kind = k;
    memcpy(out->arg, arg, n + 1);
    return 0;
}

/* --- what a question must meet: the rules of some levels combined --- */

struct req {
    int present;
    int min_actions;
    uint64_t mask;
    int min_choice;
    int doc;
};

static void req_add(struct req *q, const struct bank *b, const struct rule *r, int level)
{
    if (!r->present)
        return;
    q->present = 1;
    if (r->min_actions > q->min_actions)
        q->min_actions = r->min_actions;
    q->mask |= r->need_mask;
    if (r->min_choice > q->min_choice)
        q->min_choice = r->min_choice;
    if (b->evidence_from > 0 && level >= b->evidence_from)
        q->doc = 1;
}

/* What the answer will be: options ticked on top of the current ones, the choice. */
struct sol {
    uint64_t add;
    int choice; /* single/scale: the choice then (0: none) */
    int answer;
    int doc;
};

static int option_actions(const struct question *q, uint64_t ticks)
{
    int n = 0;
    for (int i = 0; i < q->n_options; i++)
        if (ticks & (1ULL << i))
            n += q->options[i].actions;
    return n;
}

static int popcount64(uint64_t v)
{
    int n = 0;
    for (; v; v &= v - 1)
        n++;
    return n;
}

/* The options among cand whose actions add up to at least need with the smallest sum, and
 * among those the fewest boxes (ties: found first, in option order). -1 when none can. */
static int fewest_actions(const struct question *q, uint64_t cand, int need, uint64_t *pick)
{
    int total = 0;
    for (int i = 0; i < q->n_options; i++)
        if ((cand & (1ULL << i)) && q->options[i].actions > 0)
            total += q->options[i].actions;
    if (total < need)
        return -1;
    struct cell {
        int boxes; /* -1: this sum cannot be made */
        uint64_t set;
    } *dp = malloc(((size_t)total + 1) * sizeof *dp);
    if (!dp)
        return -2;
    dp[0].boxes = 0;
    dp[0].set = 0;
    for (int s = 1; s <= total; s++)
        dp[s].boxes = -1;
    for (int i = 0; i < q->n_options; i++) {
        int a = q->options[i].actions;
        if (!(cand & (1ULL << i)) || a <= 0)
            continue;
        for (int s = total; s >= a; s--) {
            const struct cell *from = &dp[s - a];
            if (from->boxes < 0)
                continue;
            if (dp[s].boxes < 0 || from->boxes + 1 < dp[s].boxes) {
                dp[s].boxes = from->boxes + 1;
                dp[s].set = from->set | (1ULL << i);
            }
        }
    }
    int s = need;
    while (s <= total && dp[s].boxes < 0)
        s++;
    *pick = dp[s].set; /* s <= total: the full candidate set makes `total` */
    free(dp);
    return 0;
}

/* The least change to answer a (on question q), on top of the change `base` already planned,
 * that meets r, taking new options only from allowed (multi) or choosing no higher than
 * allowed (single). Returns 0, -1 when r cannot be met that way, -2 out of memory. */
static int solve(const struct question *q, const struct answer *a, const struct req *r,
                 uint64_t allowed, const struct sol *base, struct sol *out)
{
    *out = *base;
    if (!r->present)
        return 0;
    out->answer = !a->answered;
    out->doc = base->doc || (r->doc && !a->documented);
    if (q->type == QTYPE_MULTI) {
        uint64_t cur = (a->answered ? a->ticks : 0) | base->add;
        uint64_t add = r->mask & ~cur;
        if (add & ~allowed)
            return -1;
        int have = option_actions(q, cur | add);
        if (have < r->min_actions) {
            uint64_t more = 0;
            int rc = fewest_actions(q, allowed & ~(cur | add), r->min_actions - have, &more);
            if (rc)
                return rc;
            add |= more;
        }
        out->add = base->add | add;
        return 0;
    }
    int cur = a->answered ? a->choice : 0;
    if (base->choice > cur)
        cur = base->choice;
    int need = r->min_choice;
    if (r->min_actions) {
        int c = 1;
        while (c <= q->n_options && q->options[c - 1].actions < r->min_actions)
            c++;
        if (c > q->n_options)
            return -1;
        if (c > need)
            need = c;
    }
    if (need < 1)
        need = 1; /* answering is the least a present rule asks */
    out->choice = cur > need ? cur : need;
    if ((int)allowed < out->choice && out->choice != cur)
        return -1;
    return 0;
}

/* --- building the plan --- */

/* Which of an item's ticks the rules name, and which only make up a number of actions: those
 * could be any of the options still open (the pool), and the plan's are an example. */
static void describe_ticks(const struct question *q, const struct answer *a, const struct req *r,
                           uint64_t planned, struct plan_item *it)
{
    uint64_t have = (a->answered ? a->ticks : 0) | planned;
    it->named = it->tick & r->mask;
    if (!(it->tick & ~it->named))
        return;
    it->pool_need = r->min_actions - option_actions(q, have | it->named);
    for (int i = 0; i < q->n_options; i++) {
        uint64_t bit = 1ULL << i;
        if (!((have | it->named) & bit) && q->options[i].actions > 0)
            it->pool |= bit;
    }
}

/* Quick wins first, then by work area in the bank's order; inside an area by level (the
 * target's extra conditions last), then question number. */
static int item_before(const struct bank *b, const struct plan_item *x, const struct plan_item *y)
{
    if (x->quick != y->quick)
        return x->quick > y->quick;
    int ox = b->areas[x->area].order, oy = b->areas[y->area].order;
    if (ox != oy)
        return ox < oy;
    if (x->level != y->level)
        return x->level < y->level;
    if (x->extra != y->extra)
        return x->extra < y->extra;
    return b->questions[x->question].number < b->questions[y->question].number;
}

static int push_item(struct plan *p, const struct plan_item *it)
{
    struct plan_item *v = realloc(p->items, (size_t)(p->n_items + 1) * sizeof *v);
    if (!v)
        return -1;
    p->items = v;
    p->items[p->n_items++] = *it;
    return 0;
}

/* The level a question is asked to meet: the overall goal, or its area's goal when higher. */
static int ask_level(const struct plan *p, const struct question *q)
{
    int lv = p->goal_level;
    if (p->area_goal && p->area_goal[q->area] > lv)
        lv = p->area_goal[q->area];
    return lv;
}

static int target_level(const struct plan *p)
{
    return p->target && p->target->level > 0 ? p->target->level : 1;
}

/* Rule-based banks: per question, the least change for all its conditions (that is the plan's
 * size); then, within that change, the steps level by level from the bottom up, each the
 * least that its level needs on top of the steps below. */
static int plan_rules(const struct bank *b, const struct session *s, struct plan *p)
{
    for (int qi = 0; qi < b->n_questions; qi++) {
        const struct question *q = &b->questions[qi];
        const struct answer *a = &s->answers[qi];
        if (!q->scored)
            continue;
        int top = ask_level(p, q);
        const struct rule *extra = p->target && p->target->extra[qi].present ? &p->target->extra[qi]
                                                                             : NULL;
        /* stages 1..top are the levels, stage top+1 the target's extra condition */
        int n_st = top + (extra ? 1 : 0);
        if (n_st == 0)
            continue;
        struct req req[BANK_MAX_LEVELS + 2];
        struct sol sol[BANK_MAX_LEVELS + 2];
        memset(req, 0, sizeof req);
        for (int k = 1; k <= n_st; k++) {
            req[k] = req[k - 1];
            if (k <= top)
                req_add(&req[k], b, &q->rules[k], k);
            else
                req_add(&req[k], b, extra, target_level(p));
        }
        memset(&sol[0], 0, sizeof sol[0]);
        struct sol all;
        int rc = solve(q, a, &req[n_st], q->type == QTYPE_MULTI ? ~0ULL : (uint64_t)q->n_options,
                       &sol[0], &all);
        for (int k = 1; !rc && k <= n_st; k++)
            rc = solve(q, a, &req[k], q->type == QTYPE_MULTI ? all.add : (uint64_t)all.choice,
                       &sol[k - 1], &sol[k]);
        if (rc == -2)
            return KL_ENOMEM;
        if (rc)
            return KL_EDATA;
        int cur_choice = a->answered ? a->choice : 0;
        for (int k = 1; k <= n_st; k++) {
            const struct sol *lo = &sol[k - 1], *hi = &sol[k];
            struct plan_item it = {0};
            it.question = qi;
            it.area = q->area;
            it.level = k <= top ? k : target_level(p);
            it.extra = k > top;
            it.answer = hi->answer && !lo->answer;
            it.document = hi->doc && !lo->doc;
            if (q->type == QTYPE_MULTI) {
                it.tick = hi->add & ~lo->add;
                it.boxes = popcount64(it.tick);
                it.actions = option_actions(q, it.tick);
                describe_ticks(q, a, &req[k], lo->add, &it);
            } else {
                int before = lo->choice ? lo->choice : cur_choice;
                if (hi->choice && hi->choice != before) {
                    it.choice = hi->choice;
                    it.from_choice = before == cur_choice ? before : 0;
                    it.boxes = 1;
                    it.actions = q->options[hi->choice - 1].actions -
                                 (before ? q->options[before - 1].actions : 0);
                }
            }
            if (!it.answer && !it.document && !it.tick && !it.choice)
                continue;
            it.quick = it.document && !it.answer && !it.tick && !it.choice;
            if (push_item(p, &it))
                return KL_ENOMEM;
        }
    }
    return KL_OK;
}

/* A scratch session: s with its own copy of the answers array (the records inside, notes and
 * evidence, stay shared and are never written). NULL answers on allocation failure. */
static struct session scratch(const struct session *s)
{
    struct session w = *s;
    w.answers = malloc((size_t)(s->n_answers ? s->n_answers : 1) * sizeof *w.answers);
    if (w.answers)
        memcpy(w.answers, s->answers, (size_t)s->n_answers * sizeof *w.answers);
    return w;
}

/* Scale banks (levels are means): raise one statement one step at a time where it brings the
 * target closest, until it is reached. Greedy: short, not proven the shortest. */
/* How far a scale score is from a goal level, for the whole bank (ai < 0) or one area: the
 * mean's shortfall, or, for the top level of a bank with scale_top_step, the steps still
 * missing on the statements below that step (raising others does not bring it closer). */
static double scale_mean_gap(const struct bank *b, const struct score *sc, int ai, int goal)
{
    if (b->scale_top_step > 0 && goal >= b->n_levels) {
        double d = 0;
        for (int i = 0; i < b->n_questions; i++) {
            const struct question *q = &b->questions[i];
            if (q->scored && (ai < 0 || q->area == ai) && sc->q[i].value < b->scale_top_step)
                d += b->scale_top_step - sc->q[i].value;
        }
        return d;
    }
    double v = ai < 0 ? sc->value : sc->areas[ai].value;
    return v < goal ? goal - v : 0;
}

static double scale_gap(const struct bank *b, const struct score *sc, int ai, int goal)
{
    if (goal <= 0)
        return 0;
    /* no level at all while a statement is unanswered: each one is a step still missing */
    double pending = ai < 0 ? sc->pending : sc->areas[ai].pending;
    return pending + scale_mean_gap(b, sc, ai, goal);
}

static double deficit(const struct bank *b, const struct plan *p, const struct score *sc)
{
    double d = scale_gap(b, sc, -1, p->goal_level);
    for (int ai = 0; p->area_goal && ai < p->n_areas; ai++)
        d += scale_gap(b, sc, ai, p->area_goal[ai]);
    return d;
}

static int plan_scale(const struct bank *b, const struct session *s, struct plan *p)
{
    struct session work = scratch(s);
    int *from = calloc((size_t)(b->n_questions ? b->n_questions : 1), sizeof *from);
    int rc = KL_OK;
    if (!work.answers || !from) {
        free(work.answers);
        free(from);
        return KL_ENOMEM;
    }
    for (int qi = 0; qi < b->n_questions; qi++)
        from[qi] = s->answers[qi].answered ? s->answers[qi].choice : 0;
    double area_mean[BANK_MAX_AREAS];
    for (int guard = 0; guard <= b->n_questions * (b->scale_max + 1); guard++) {
        struct score sc;
        if (score_compute(b, &work, &sc)) {
            rc = KL_ENOMEM;
            break;
        }
        double now = deficit(b, p, &sc);
        for (int ai = 0; ai < b->n_areas && ai < BANK_MAX_AREAS; ai++)
            area_mean[ai] = sc.areas[ai].value;
        score_free(&sc);
        if (now <= 1e-9)
            break;
        int best = -1, best_choice = 0;
        double best_gain = 1e-12;
        for (int qi = 0; qi < b->n_questions; qi++) {
            const struct question *q = &b->questions[qi];
            struct answer *a = &work.answers[qi];
            if (!q->scored || (a->answered && a->choice >= q->n_options))
                continue;
            struct answer keep = *a;
            int cost = 1;
            if (a->answered) {
                a->choice++;
            } else {
                int want = ask_level(p, q);
                if (b->scale_top_step > 0 && want >= b->n_levels)
                    want = b->scale_top_step; /* the top level's rule asks no more */
                a->answered = 1;
                a->choice = want < 1 ? 1 : want > q->n_options ? q->n_options : want;
                cost = a->choice;
            }
            int c = a->choice;
            if (score_compute(b, &work, &sc)) {
                *a = keep;
                rc = KL_ENOMEM;
                break;
            }
            double gain = (now - deficit(b, p, &sc)) / cost;
            score_free(&sc);
            *a = keep;
            /* equal gains: the statement in the weaker area first (then the lower number) */
            if (gain > best_gain + 1e-12 ||
                (best >= 0 && gain > best_gain - 1e-12 &&
                 area_mean[q->area] < area_mean[b->questions[best].area] - 1e-12)) {
                best_gain = gain > best_gain ? gain : best_gain;
                best = qi;
                best_choice = c;
            }
        }
        if (rc || best < 0)
            break;
        work.answers[best].answered = 1;
        work.answers[best].choice = best_choice;
    }
    for (int qi = 0; !rc && qi < b->n_questions; qi++) {
        const struct answer *a = &work.answers[qi];
        if (!a->answered || (s->answers[qi].answered && a->choice == from[qi]))
            continue;
        const struct question *q = &b->questions[qi];
        struct plan_item it = {0};
        it.question = qi;
        it.area = q->area;
        it.level = ask_level(p, q);
        it.answer = !s->answers[qi].answered;
        it.choice = a->choice;
        it.from_choice = from[qi];
        it.actions = a->choice - from[qi]; /* steps on the scale */
        it.boxes = 1;
        if (push_item(p, &it))
            rc = KL_ENOMEM;
    }
    free(work.answers);
    free(from);
    return rc;
}

static void sort_items(const struct bank *b, struct plan *p)
{
    for (int i = 1; i < p->n_items; i++) {
        struct plan_item t = p->items[i];
        int j = i;
        for (; j > 0 && item_before(b, &t, &p->items[j - 1]); j--)
            p->items[j] = p->items[j - 1];
        p->items[j] = t;
    }
}

void plan_free(struct plan *p)
{
    if (!p)
        return;
    free(p->area_goal);
    free(p->area_pick);
    free(p->items);
    memset(p, 0, sizeof *p);
}

static void apply_item(const struct question *q, struct answer *a, const struct plan_item *it)
{
    if (!a->answered) {
        a->answered = 1;
        a->ticks = 0;
        a->choice = 0;
    }
    if (q->type == QTYPE_MULTI)
        a->ticks |= it->tick;
    else if (it->choice > a->choice)
        a->choice = it->choice;
    if (it->document)
        a->documented = 1;
}

int plan_apply(const struct bank *b, struct session *s, const struct plan *p)
{
    for (int i = 0; i < p->n_items; i++) {
        const struct plan_item *it = &p->items[i];
        apply_item(&b->questions[it->question], &s->answers[it->question], it);
    }
    return KL_OK;
}

int plan_target_met(const struct bank *b, const struct session *s, const struct plan *p)
{
    struct score sc;
    if (score_compute(b, s, &sc))
        return -1;
    int ok = sc.level >= p->goal_level;
    for (int ai = 0; ok && p->area_goal && ai < p->n_areas; ai++)
        if (p->area_goal[ai] >= 0 && sc.areas[ai].level < p->area_goal[ai])
            ok = 0;
    score_free(&sc);
    for (int qi = 0; ok && p->target && qi < b->n_questions; qi++) {
        const struct rule *r = &p->target->extra[qi];
        if (r->present && !score_rule_holds(b, &b->questions[qi], &s->answers[qi], r,
                                            target_level(p), NULL))
            ok = 0;
    }
    return ok;
}

/* Verify on a scratch copy of the answers. */
static int verify(const struct bank *b, const struct session *s, struct plan *p)
{
    struct session work = scratch(s);
    if (!work.answers)
        return -1;
    plan_apply(b, &work, p);
    int ok = plan_target_met(b, &work, p);
    struct score sc;
    if (ok == 1 && score_compute(b, &work, &sc) == KL_OK) {
        p->level_after = sc.level;
        p->actions_after = sc.actions;
        score_free(&sc);
    }
    free(work.answers);
    return ok;
}

static int floor_level(double v)
{
    return v < 0 ? -1 : (int)(v + 1e-9); /* the level reached; the fraction is progress */
}

static int set_goal(const struct bank *b, const struct session *s, struct plan *p, int level_now,
                    struct diags *d)
{
    const struct plan_spec *sp = &p->spec;
    switch (sp->kind) {
    case PLAN_NEXT:
        p->goal_level = level_now < b->n_levels ? level_now + 1 : b->n_levels;
        return KL_OK;
    case PLAN_LEVEL:
        if (sp->level < 1 || sp->level > b->n_levels) {
            diags_add(d, NULL, 0, M_PLAN_BAD_LEVEL, sp->level, b->n_levels);
            return KL_EUSAGE;
        }
        p->goal_level = sp->level;
        return KL_OK;
    case PLAN_TARGET:
        p->target = bank_find_target(b, sp->arg);
        if (!p->target) {
            diags_add(d, NULL, 0, M_PLAN_NO_TARGET, sp->arg, b->id);
            return KL_EUSAGE;
        }
        p->goal_level = p->target->level;
        return KL_OK;
    case PLAN_GROUP:
    case PLAN_BENCHMARK: {
        const char *g = sp->arg[0] ? sp->arg : group_name(s->group);
        p->benchmark = sp->kind == PLAN_GROUP ? bank_group_benchmark(b, g)
                                              : bank_find_benchmark(b, sp->arg);
        if (!p->benchmark) {
            diags_add(d, NULL, 0, sp->kind == PLAN_GROUP ? M_PLAN_NO_GROUP : M_PLAN_NO_BENCHMARK,
                      g, b->id);
            return KL_EUSAGE;
        }
        if (sp->kind == PLAN_GROUP && !sp->arg[0])
            snprintf(p->spec.arg, sizeof p->spec.arg, "%s", g);
        p->area_goal = malloc((size_t)(b->n_areas ? b->n_areas : 1) * sizeof *p->area_goal);
        if (!p->area_goal)
            return KL_ENOMEM;
        int known = p->benchmark->level >= 0;
        p->goal_level = known ? floor_level(p->benchmark->level) : 0;
        for (int ai = 0; ai < b->n_areas; ai++) {
            p->area_goal[ai] = floor_level(p->benchmark->area_levels[ai]);
            known |= p->area_goal[ai] >= 0;
        }
        for (int lv = 1; lv <= b->n_levels; lv++)
            known |= p->benchmark->areas_at_least[lv] > 0;
        if (!known) {
            diags_add(d, NULL, 0, M_PLAN_BENCH_EMPTY,
                      p->benchmark->name ? p->benchmark->name : p->benchmark->id);
            return KL_EUSAGE;
        }
        return KL_OK;
    }
    }
    return KL_EUSAGE;
}

/* The least change that meets the rules of levels 1..top of question q: the actions it adds,
 * and the boxes, documents and answers it asks (the work). 0, -1 when it cannot, -2 out of
 * memory. */
static int question_cost(const struct bank *b, const struct question *q, const struct answer *a,
                         int top, int *actions, int *work)
{
    struct req r;
    memset(&r, 0, sizeof r);
    for (int k = 1; k <= top && k <= b->n_levels; k++)
        req_add(&r, b, &q->rules[k], k);
    struct sol zero, all;
    memset(&zero, 0, sizeof zero);
    int rc = solve(q, a, &r, q->type == QTYPE_MULTI ? ~0ULL : (uint64_t)q->n_options, &zero, &all);
    if (rc)
        return rc;
    int cur = a->answered ? a->choice : 0;
    if (q->type == QTYPE_MULTI) {
        *actions = option_actions(q, all.add);
        *work = popcount64(all.add);
    } else {
        int up = all.choice > cur;
        *actions = up ? q->options[all.choice - 1].actions - (cur ? q->options[cur - 1].actions : 0)
                      : 0;
        *work = up;
    }
    *work += all.doc + all.answer;
    return 0;
}

/* What bringing area ai from the level the plan asks of it now up to lv adds: actions and work
 * summed over its questions. 0, or solve's code. */
static int area_cost(const struct bank *b, const struct session *s, const struct plan *p, int ai,
                     int lv, int *actions, int *work)
{
    *actions = *work = 0;
    if (b->kind == BANK_SCALE) { /* the steps that bring the area's mean to lv */
        int n = 0, sum = 0;
        for (int qi = 0; qi < b->n_questions; qi++)
            if (b->questions[qi].scored && b->questions[qi].area == ai) {
                n++;
                sum += s->answers[qi].answered ? s->answers[qi].choice : 0;
            }
        *actions = *work = lv * n > sum ? lv * n - sum : 0;
        return 0;
    }
    for (int qi = 0; qi < b->n_questions; qi++) {
        const struct question *q = &b->questions[qi];
        if (!q->scored || q->area != ai)
            continue;
        int base = ask_level(p, q), a0 = 0, w0 = 0, a1, w1;
        int rc = base > 0 ? question_cost(b, q, &s->answers[qi], base, &a0, &w0) : 0;
        if (!rc)
            rc = question_cost(b, q, &s->answers[qi], lv, &a1, &w1);
        if (rc)
            return rc;
        *actions += a1 - a0;
        *work += w1 - w0;
    }
    return 0;
}

/* "Level N or better in K work areas" (areas_at_least): the report does not say which, so the
 * plan takes the K areas that cost the least (fewest actions, then the least work, then the
 * bank's order), counting those the target asks N of already. The highest N first: an area
 * chosen for level 3 also counts for level 1. */
static int pick_areas(const struct bank *b, const struct session *s, struct plan *p)
{
    p->area_pick = calloc((size_t)(b->n_areas ? b->n_areas : 1), sizeof *p->area_pick);
    if (!p->area_pick)
        return KL_ENOMEM;
    for (int lv = b->n_levels; lv >= 1; lv--) {
        int want = p->benchmark->areas_at_least[lv], have = 0;
        for (int ai = 0; ai < b->n_areas; ai++)
            have += (p->goal_level > p->area_goal[ai] ? p->goal_level : p->area_goal[ai]) >= lv;
        for (; have < want; have++) {
            int best = -1, best_a = 0, best_w = 0;
            for (int ai = 0; ai < b->n_areas; ai++) {
                if (p->goal_level >= lv || p->area_goal[ai] >= lv)
                    continue;
                int ac, wk, rc = area_cost(b, s, p, ai, lv, &ac, &wk);
                if (rc == -2)
                    return KL_ENOMEM;
                if (rc)
                    continue;
                if (best < 0 || ac < best_a || (ac == best_a && wk < best_w)) {
                    best = ai;
                    best_a = ac;
                    best_w = wk;
                }
            }
            if (best < 0)
                return KL_EDATA;
            p->area_goal[best] = lv;
            p->area_pick[best] = lv;
        }
    }
    return KL_OK;
}

int plan_compute(const struct bank *b, const struct session *s, const struct plan_spec *spec,
                 struct plan *out, struct diags *d)
{
    memset(out, 0, sizeof *out);
    out->spec = *spec;
    out->n_areas = b->n_areas;
    out->scale = b->kind == BANK_SCALE;
    struct score sc;
    if (score_compute(b, s, &sc))
        return KL_ENOMEM;
    out->level_now = sc.level;
    out->actions_now = sc.actions;
    score_free(&sc);
    int rc = set_goal(b, s, out, out->level_now, d);
    if (!rc && out->benchmark)
        rc = pick_areas(b, s, out);
    if (rc == KL_ENOMEM)
        diags_add(d, NULL, 0, M_SES_NO_MEMORY);
    if (rc == KL_EDATA)
        diags_add(d, NULL, 0, M_PLAN_INTERNAL);
    if (rc) {
        plan_free(out);
        return rc;
    }
    rc = b->kind == BANK_SCALE ? plan_scale(b, s, out) : plan_rules(b, s, out);
    if (rc == KL_OK) {
        sort_items(b, out);
        for (int i = 0; i < out->n_items; i++) {
            const struct plan_item *it = &out->items[i];
            out->actions += it->actions;
            out->boxes += it->boxes;
            out->documents += it->document;
            out->answers += it->answer;
            out->quick += it->quick;
            int first = 1;
            for (int j = 0; j < i; j++)
                if (out->items[j].question == it->question)
                    first = 0;
            out->questions += first;
        }
        out->met = out->n_items == 0;
        int ok = verify(b, s, out);
        if (ok < 0)
            rc = KL_ENOMEM;
        else if (!ok)
            rc = KL_EDATA;
    }
    if (rc == KL_EDATA)
        diags_add(d, NULL, 0, M_PLAN_INTERNAL);
    if (rc == KL_ENOMEM)
        diags_add(d, NULL, 0, M_SES_NO_MEMORY);
    if (rc)
        plan_free(out);
    return rc;
}
