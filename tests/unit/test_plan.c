/* test_plan.c: action plans on the report fixture bank (tests/fixtures/report/rapport) and the
 * scale fixture (tests/fixtures/good/miniscale).
 *
 * rapport: areas ledning (Q1, Q4, Q8, Q9), risk (Q2, Q5, Q7), incident (Q3, Q6); 4 levels;
 * documentation needed from level 2; Q7's options are worth 1, 1, 2 and 3 actions. Benchmarks
 * kommun-typ (0.6; 0.4, 1.3, 1.0), myndighet-typ (1.2; 2.0, 2.6, 1.4); target msbfs-2020-6 =
 * level 3 + q.5 all + q.8 choice >= 2.
 *
 * Besides hand-checked plans, a property: on many random sessions and every kind of target,
 * the plan reaches the target, and no question could reach it with fewer added actions (found
 * by trying every answer of that question with the rest of the plan in place). */
#include "testutil.h"
#include "kollen/plan.h"
#include "kollen/score.h"

struct fx {
    struct bank *b;
    struct session *s;
};

static int setup(void **st)
{
    struct fx *f = calloc(1, sizeof *f);
    f->b = load_bank_in("tests/fixtures/report", "rapport");
    f->s = session_new(f->b, "Org", GROUP_KOMMUN, "2026-01-01", 0);
    *st = f;
    return 0;
}

static int teardown(void **st)
{
    struct fx *f = *st;
    session_free(f->s);
    bank_free(f->b);
    free(f);
    return 0;
}

static void spec(const char *text, struct plan_spec *sp)
{
    assert_int_equal(plan_spec_parse(text, sp), 0);
}

static int compute(struct fx *f, const char *target, struct plan *p)
{
    struct plan_spec sp;
    spec(target, &sp);
    struct diags d;
    diags_init(&d);
    int rc = plan_compute(f->b, f->s, &sp, p, &d);
    diags_free(&d);
    return rc;
}

static int level_of(const struct bank *b, const struct session *s)
{
    struct score sc;
    assert_int_equal(score_compute(b, s, &sc), KL_OK);
    int lv = sc.level;
    score_free(&sc);
    return lv;
}

static const struct plan_item *item_for(const struct plan *p, const struct bank *b, int number,
                                        int level)
{
    for (int i = 0; i < p->n_items; i++)
        if (b->questions[p->items[i].question].number == number && p->items[i].level == level)
            return &p->items[i];
    return NULL;
}

static void spec__every_form__parsed(void **st)
{
    (void)st;
    struct plan_spec sp;
    spec("next", &sp);
    assert_int_equal(sp.kind, PLAN_NEXT);
    spec("level 3", &sp);
    assert_int_equal(sp.kind, PLAN_LEVEL);
    assert_int_equal(sp.level, 3);
    spec("level=2", &sp);
    assert_int_equal(sp.level, 2);
    spec("msbfs", &sp);
    assert_int_equal(sp.kind, PLAN_TARGET);
    assert_string_equal(sp.arg, "msbfs-2020-6");
    spec("group kommun", &sp);
    assert_int_equal(sp.kind, PLAN_GROUP);
    assert_string_equal(sp.arg, "kommun");
    spec("group", &sp);
    assert_string_equal(sp.arg, "");
    spec("benchmark:kommun-30", &sp);
    assert_int_equal(sp.kind, PLAN_BENCHMARK);
    assert_string_equal(sp.arg, "kommun-30");
    assert_int_equal(plan_spec_parse("level", &sp), -1);
    assert_int_equal(plan_spec_parse("level x", &sp), -1);
    assert_int_equal(plan_spec_parse("levels 2", &sp), -1);
    assert_int_equal(plan_spec_parse("target", &sp), -1);
    assert_int_equal(plan_spec_parse("", &sp), -1);
}

static void next__new_session__section_one_to_level_one(void **st)
{
    struct fx *f = *st;
    struct plan p;
    assert_int_equal(compute(f, "next", &p), KL_OK);
    assert_int_equal(p.level_now, 0);
    assert_int_equal(p.goal_level, 1);
    assert_int_equal(p.level_after, 1);
    assert_int_equal(p.n_items, 3); /* Q1, Q2, Q3: the level-1 rules, in area order */
    assert_int_equal(f->b->questions[p.items[0].question].number, 1);
    assert_int_equal(f->b->questions[p.items[1].question].number, 2);
    assert_int_equal(f->b->questions[p.items[2].question].number, 3);
    assert_int_equal(p.items[0].tick, 1ULL);   /* one action: option 1 */
    assert_int_equal(p.items[1].choice, 2);    /* choice >= 2 */
    assert_int_equal(p.items[2].tick, 1ULL);   /* options 1 */
    assert_int_equal(p.actions, 3);
    assert_int_equal(p.answers, 3);
    assert_int_equal(p.documents, 0);
    plan_free(&p);
}

static void fewest__options_worth_several_actions__smallest_sum_then_fewest_boxes(void **st)
{
    struct fx *f = *st;
    /* Q7 needs actions >= 3 at level 3: option 4 (3 actions, 1 box) beats 1+3 (3 actions, 2
     * boxes) and 3+4 (5 actions); Q1 needs 4 actions: 1+3 gives 3, so 1+2+3 (4 actions). */
    struct plan p;
    assert_int_equal(compute(f, "level 3", &p), KL_OK);
    const struct plan_item *q7 = item_for(&p, f->b, 7, 3);
    assert_non_null(q7);
    assert_int_equal(q7->tick, 1ULL << 3);
    assert_int_equal(q7->actions, 3);
    assert_true(q7->document);
    int q1 = 0;
    for (int i = 0; i < p.n_items; i++)
        if (f->b->questions[p.items[i].question].number == 1)
            q1 += p.items[i].actions;
    assert_int_equal(q1, 4);
    assert_int_equal(p.level_after, 3);
    plan_free(&p);
}

static void steps__quick_wins_then_by_area__each_level_takes_only_what_it_needs(void **st)
{
    struct fx *f = *st;
    struct plan p;
    assert_int_equal(compute(f, "level 3", &p), KL_OK);
    /* Q1: level 1 one box, level 2 one more + documentation, level 3 the rest */
    const struct plan_item *a = item_for(&p, f->b, 1, 1), *b2 = item_for(&p, f->b, 1, 2),
                           *c = item_for(&p, f->b, 1, 3);
    assert_non_null(a);
    assert_non_null(b2);
    assert_non_null(c);
    assert_int_equal(a->actions, 1);
    assert_false(a->document);
    assert_true(b2->document);
    assert_int_equal(a->actions + b2->actions + c->actions, 4);
    assert_int_equal(a->tick & b2->tick, 0);
    assert_int_equal((a->tick | b2->tick) & c->tick, 0);
    /* quick wins first; then by work area in the bank's order, by level inside an area */
    for (int i = 1; i < p.n_items; i++) {
        const struct plan_item *x = &p.items[i - 1], *y = &p.items[i];
        assert_true(x->quick >= y->quick);
        if (x->quick == y->quick && !y->quick) {
            assert_true(f->b->areas[x->area].order <= f->b->areas[y->area].order);
            if (x->area == y->area)
                assert_true(x->level <= y->level);
        }
    }
    plan_free(&p);
}

static void msbfs__extra_rules__after_the_level_steps_of_their_area(void **st)
{
    struct fx *f = *st;
    struct plan p;
    assert_int_equal(compute(f, "msbfs", &p), KL_OK);
    assert_non_null(p.target);
    assert_int_equal(p.goal_level, 3);
    /* in each work area the target's extra conditions come after the level steps */
    for (int i = 1; i < p.n_items; i++)
        if (p.items[i - 1].area == p.items[i].area && !p.items[i].quick)
            assert_true(p.items[i - 1].extra <= p.items[i].extra);
    const struct plan_item *q8 = item_for(&p, f->b, 8, 3);
    assert_non_null(q8);
    assert_true(q8->extra);
    assert_int_equal(q8->choice, 2);
    assert_true(q8->document); /* the target's level is 3: documentation from level 2 */
    struct session *w = session_dup(f->s);
    plan_apply(f->b, w, &p);
    assert_int_equal(plan_target_met(f->b, w, &p), 1);
    int q5 = bank_find_question(f->b, 5);
    assert_int_equal(w->answers[q5].ticks, 7ULL);
    session_free(w);
    plan_free(&p);
}

static void group__benchmark_levels_rounded_down__per_area(void **st)
{
    struct fx *f = *st;
    struct plan p;
    assert_int_equal(compute(f, "group myndighet", &p), KL_OK);
    assert_string_equal(p.benchmark->id, "myndighet-typ");
    assert_int_equal(p.goal_level, 1);    /* 1.2 */
    assert_int_equal(p.area_goal[0], 2);  /* ledning 2.0 */
    assert_int_equal(p.area_goal[1], 2);  /* risk 2.6 */
    assert_int_equal(p.area_goal[2], 1);  /* incident 1.4 */
    struct session *w = session_dup(f->s);
    plan_apply(f->b, w, &p);
    struct score sc;
    assert_int_equal(score_compute(f->b, w, &sc), KL_OK);
    assert_int_equal(sc.areas[0].level, 2);
    assert_int_equal(sc.areas[1].level, 2);
    assert_int_equal(sc.areas[2].level, 1);
    score_free(&sc);
    session_free(w);
    plan_free(&p);
    /* without a group: the session's own (kommun) */
    assert_int_equal(compute(f, "group", &p), KL_OK);
    assert_string_equal(p.benchmark->id, "kommun-typ");
    plan_free(&p);
}

static void met__at_the_top__empty_plan(void **st)
{
    struct fx *f = *st;
    for (int qi = 0; qi < f->b->n_questions; qi++) {
        answer(f->b, f->s, f->b->questions[qi].number, "all", 1);
        f->s->answers[qi].answered = 1;
    }
    assert_int_equal(level_of(f->b, f->s), 4);
    struct plan p;
    assert_int_equal(compute(f, "next", &p), KL_OK);
    assert_true(p.met);
    assert_int_equal(p.n_items, 0);
    assert_int_equal(p.actions, 0);
    plan_free(&p);
    assert_int_equal(compute(f, "level 2", &p), KL_OK);
    assert_true(p.met);
    plan_free(&p);
}

static void documentation_only__no_ticks__just_document(void **st)
{
    struct fx *f = *st;
    answer(f->b, f->s, 1, "1,2", 0);
    answer(f->b, f->s, 2, "3", 1);
    answer(f->b, f->s, 3, "1,2", 1);
    answer(f->b, f->s, 4, "2", 1);
    answer(f->b, f->s, 5, "1", 1);
    struct plan p;
    assert_int_equal(compute(f, "next", &p), KL_OK);
    assert_int_equal(p.goal_level, 2);
    assert_int_equal(p.n_items, 1);
    assert_int_equal(p.items[0].tick, 0);
    assert_true(p.items[0].document);
    assert_int_equal(p.actions, 0);
    assert_int_equal(p.documents, 1);
    assert_true(p.items[0].quick); /* the answer holds: documenting it is a quick win */
    assert_int_equal(p.quick, 1);
    plan_free(&p);
}

/* "Level 3 or better in two work areas" (kommun-30, level 1): the plan takes the two areas
 * that need the fewest actions, so it is as small as the best of every pair asked outright. */
static void k_of_n__areas_at_least__the_cheapest_areas(void **st)
{
    struct fx *f = *st;
    answer(f->b, f->s, 3, "all", 1); /* incident: level 3 already, but for Q6 */
    answer(f->b, f->s, 6, "1,2", 1);
    answer(f->b, f->s, 1, "1,2,3", 1);
    struct plan p;
    assert_int_equal(compute(f, "benchmark kommun-30", &p), KL_OK);
    int picked = 0;
    for (int ai = 0; ai < f->b->n_areas; ai++)
        if (p.area_pick[ai]) {
            assert_int_equal(p.area_pick[ai], 3);
            assert_int_equal(p.area_goal[ai], 3);
            picked++;
        }
    assert_int_equal(picked, 2);
    int incident = bank_find_area(f->b, "incident");
    assert_int_equal(p.area_pick[incident], 3);
    /* the same benchmark with the areas named outright, for every pair: none is smaller */
    int bi = bank_find_benchmark_index(f->b, "kommun-30");
    struct benchmark *bm = &f->b->benchmarks[bi];
    bm->areas_at_least[3] = -1;
    int best = 1 << 30;
    for (int x = 0; x < f->b->n_areas; x++)
        for (int y = x + 1; y < f->b->n_areas; y++) {
            bm->area_levels[x] = bm->area_levels[y] = 3;
            struct plan q;
            assert_int_equal(compute(f, "benchmark kommun-30", &q), KL_OK);
            if (q.actions < best)
                best = q.actions;
            plan_free(&q);
            bm->area_levels[x] = bm->area_levels[y] = -1;
        }
    bm->areas_at_least[3] = 2;
    assert_int_equal(p.actions, best);
    struct session *w = session_dup(f->s);
    plan_apply(f->b, w, &p);
    assert_int_equal(plan_target_met(f->b, w, &p), 1);
    session_free(w);
    plan_free(&p);
}

struct parts_seen {
    char text[8][512];
    int n;
};

static void collect(void *ctx, const char *part)
{
    struct parts_seen *ps = ctx;
    if (ps->n < 8)
        snprintf(ps->text[ps->n++], sizeof ps->text[0], "%s", part);
}

/* Steps are work from the bank's action texts: a named option by its action, "any k" said as
 * such with the plan's picks as the example, and the evidence the question's help names. */
static void words__action_texts_any_of_and_the_evidence_hint(void **st)
{
    struct fx *f = *st;
    msg_set_lang(LANG_SV);
    answer(f->b, f->s, 3, "1", 0);
    answer(f->b, f->s, 6, "1", 0);
    struct plan p;
    assert_int_equal(compute(f, "level 3", &p), KL_OK);
    const struct plan_item *q3 = item_for(&p, f->b, 3, 2);
    assert_non_null(q3);
    assert_int_equal(q3->pool, 6ULL); /* options 2 and 3: either will do */
    assert_int_equal(q3->pool_need, 1);
    struct parts_seen ps = {.n = 0};
    plan_item_parts(f->b, q3, collect, &ps);
    assert_int_equal(ps.n, 2);
    assert_string_equal(ps.text[0], "Genomför en av åtgärderna 2 och 3, till exempel 2 (Inför en "
                                    "rutin för att hantera incidenter)");
    assert_string_equal(ps.text[1], "Dokumentera evidensen för svaret"); /* Q3 has no hint */
    const struct plan_item *q6 = item_for(&p, f->b, 6, 3);
    assert_non_null(q6);
    ps.n = 0;
    plan_item_parts(f->b, q6, collect, &ps);
    assert_int_equal(ps.n, 2);
    assert_string_equal(ps.text[1], "Dokumentera evidensen, till exempel övningsplan och "
                                    "utvärdering av övningen");
    /* a named option: its action text alone */
    const struct plan_item *q3b = item_for(&p, f->b, 3, 3);
    assert_non_null(q3b);
    ps.n = 0;
    plan_item_parts(f->b, q3b, collect, &ps);
    assert_int_equal(ps.n, 1);
    assert_string_equal(ps.text[0], "Inför en rutin för att lära av incidenter");
    plan_free(&p);
}

static void errors__unknown_targets__usage(void **st)
{
    struct fx *f = *st;
    struct plan p;
    assert_int_equal(compute(f, "level 5", &p), KL_EUSAGE);
    assert_int_equal(compute(f, "target nope", &p), KL_EUSAGE);
    assert_int_equal(compute(f, "group annan", &p), KL_EUSAGE);
    assert_int_equal(compute(f, "benchmark nope", &p), KL_EUSAGE);
}

/* --- the property: reaches the target, and minimal per question --- */

static uint32_t rnd_state = 12345;
static uint32_t rnd(void)
{
    rnd_state = rnd_state * 1103515245u + 12345u;
    return rnd_state >> 8;
}

static void random_session(const struct bank *b, struct session *s)
{
    for (int qi = 0; qi < b->n_questions; qi++) {
        const struct question *q = &b->questions[qi];
        struct answer *a = &s->answers[qi];
        a->answered = rnd() % 3 != 0;
        a->ticks = q->type == QTYPE_MULTI && a->answered ? rnd() & ((1ULL << q->n_options) - 1) : 0;
        a->choice = q->type != QTYPE_MULTI && a->answered ? 1 + (int)(rnd() % q->n_options) : 0;
        a->documented = rnd() % 2;
    }
}

/* The fewest actions question qi could add (from answer `orig`) such that, with every other
 * question as the plan leaves it, the target is met; -1 when none. Brute force. */
static int brute_min(const struct bank *b, struct session *w, const struct plan *p, int qi,
                     const struct answer *orig)
{
    const struct question *q = &b->questions[qi];
    struct answer keep = w->answers[qi];
    int base = score_actions(q, orig), best = -1;
    int n = q->type == QTYPE_MULTI ? 1 << q->n_options : q->n_options;
    for (int v = 0; v < n; v++) {
        struct answer *a = &w->answers[qi];
        a->answered = 1;
        a->documented = 1;
        if (q->type == QTYPE_MULTI) {
            uint64_t cur = orig->answered ? orig->ticks : 0;
            if ((cur & ~(uint64_t)v) != 0)
                continue; /* the plan only adds ticks */
            a->ticks = (uint64_t)v;
        } else {
            if (orig->answered && v + 1 < orig->choice)
                continue;
            a->choice = v + 1;
        }
        if (plan_target_met(b, w, p) == 1) {
            int add = score_actions(q, a) - base;
            if (best < 0 || add < best)
                best = add;
        }
    }
    w->answers[qi] = keep;
    return best;
}

static void property__random_sessions__plans_reach_the_target_with_fewest_actions(void **st)
{
    struct fx *f = *st;
    const char *targets[] = {"next", "level 1", "level 2", "level 3", "level 4", "msbfs",
                             "group kommun", "group region", "group myndighet",
                             "benchmark kommun-30"};
    int plans = 0;
    for (int round = 0; round < 60; round++) {
        random_session(f->b, f->s);
        for (size_t t = 0; t < sizeof targets / sizeof targets[0]; t++) {
            struct plan p;
            assert_int_equal(compute(f, targets[t], &p), KL_OK);
            struct session *w = session_dup(f->s);
            assert_non_null(w);
            plan_apply(f->b, w, &p);
            assert_int_equal(plan_target_met(f->b, w, &p), 1);
            assert_int_equal(p.met, plan_target_met(f->b, f->s, &p));
            for (int qi = 0; qi < f->b->n_questions; qi++) {
                if (!f->b->questions[qi].scored)
                    continue;
                int planned = 0;
                for (int i = 0; i < p.n_items; i++)
                    if (p.items[i].question == qi)
                        planned += p.items[i].actions;
                int best = brute_min(f->b, w, &p, qi, &f->s->answers[qi]);
                if (best != planned)
                    fail_msg("round %d, target %s, question %d: plan adds %d actions, %d do",
                             round, targets[t], f->b->questions[qi].number, planned, best);
            }
            session_free(w);
            plan_free(&p);
            plans++;
        }
    }
    assert_int_equal(plans, 600);
}

/* --- scale banks --- */

static void scale__next__raises_the_mean_to_the_next_level(void **st)
{
    (void)st;
    struct bank *b = load_fixture_bank("miniscale");
    struct session *s = session_new(b, "Org", GROUP_MYNDIGHET, "2026-01-01", 0);
    answer(b, s, 1, "1", 0);
    answer(b, s, 2, "2", 0);
    answer(b, s, 3, "1", 0);
    for (int i = 0; i < 3; i++)
        s->answers[i].answered = 1;
    struct plan_spec sp;
    spec("next", &sp);
    struct plan p;
    struct diags d;
    diags_init(&d);
    assert_int_equal(plan_compute(b, s, &sp, &p, &d), KL_OK);
    diags_free(&d);
    assert_int_equal(p.level_now, 1);
    assert_int_equal(p.goal_level, 2);
    assert_true(p.n_items >= 1);
    struct session *w = session_dup(s);
    plan_apply(b, w, &p);
    assert_int_equal(plan_target_met(b, w, &p), 1);
    /* 1.25 -> 2: a step on Q3 (alone in its area) lifts the mean of means by 0.5, a step on
     * Q1 or Q2 by 0.25: two steps at least, and the greedy plan takes two */
    assert_int_equal(p.actions, 2);
    session_free(w);
    plan_free(&p);
    session_free(s);
    bank_free(b);
}

int main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(spec__every_form__parsed),
        T(next__new_session__section_one_to_level_one),
        T(fewest__options_worth_several_actions__smallest_sum_then_fewest_boxes),
        T(steps__quick_wins_then_by_area__each_level_takes_only_what_it_needs),
        T(msbfs__extra_rules__after_the_level_steps_of_their_area),
        T(group__benchmark_levels_rounded_down__per_area),
        T(met__at_the_top__empty_plan),
        T(documentation_only__no_ticks__just_document),
        T(k_of_n__areas_at_least__the_cheapest_areas),
        T(words__action_texts_any_of_and_the_evidence_hint),
        T(errors__unknown_targets__usage),
        T(property__random_sessions__plans_reach_the_target_with_fewest_actions),
        cmocka_unit_test(scale__next__raises_the_mean_to_the_next_level),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
