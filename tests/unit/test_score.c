/* test_score.c: levels, points, progress, blockers, evidence gating and the resultattal order,
 * against hand-computed values on the fixture banks (tests/fixtures/good/mini, miniscale).
 *
 * mini: areas alfa (Q1, Q3) and beta (Q2, Q4, Q5); documentation needed from level 2.
 *   Q1 multi, actions 1+1+2, 4 p:   L1 actions>=1, L2 actions>=2, L3 all
 *   Q2 single, actions 0,1,2,3, 3 p: L1 choice>=2, L2 choice>=3, L3 choice>=4
 *   Q3 multi, 1+1, 2 p:              L2 options 1, L3 all
 *   Q4 multi, 3 x 1 p explicit, 3 p: L3 actions>=2
 *   Q5 not scored. */
#include "testutil.h"
#include "kollen/score.h"

struct fx {
    struct bank *b;
    struct session *s;
    struct score sc;
};

static int setup_mini(void **st)
{
    struct fx *f = calloc(1, sizeof *f);
    f->b = load_fixture_bank("mini");
    f->s = session_new(f->b, "Org", GROUP_KOMMUN, "2026-01-01", 0);
    *st = f;
    return 0;
}

static int setup_scale(void **st)
{
    struct fx *f = calloc(1, sizeof *f);
    f->b = load_fixture_bank("miniscale");
    f->s = session_new(f->b, "Org", GROUP_MYNDIGHET, "2026-01-01", 0);
    *st = f;
    return 0;
}

static int teardown(void **st)
{
    struct fx *f = *st;
    score_free(&f->sc);
    session_free(f->s);
    bank_free(f->b);
    free(f);
    return 0;
}

static void compute(struct fx *f)
{
    score_free(&f->sc);
    assert_int_equal(score_compute(f->b, f->s, &f->sc), KL_OK);
}

static int qnum(const struct fx *f, int i)
{
    return f->b->questions[f->sc.blockers[i].question].number;
}

static void level__new_session__zero_with_section_one_blockers(void **st)
{
    struct fx *f = *st;
    compute(f);
    assert_int_equal(f->sc.level, 0);
    assert_int_equal(f->sc.points_milli, 0);
    assert_int_equal(f->sc.max_points_milli, 12000);
    assert_int_equal(f->sc.max_actions, 12);
    assert_int_equal(f->sc.questions, 5); /* Q5 is not scored but is part of the workshop */
    assert_int_equal(f->sc.areas[1].questions, 3);
    assert_int_equal(f->sc.areas[1].scored, 2);
    assert_int_equal(f->sc.answered, 0);
    assert_int_equal(f->sc.n_blockers, 2);
    assert_int_equal(qnum(f, 0), 1);
    assert_int_equal(qnum(f, 1), 2);
    assert_int_equal(f->sc.blockers[0].level, 1);
    assert_true(f->sc.blockers[0].missing.unanswered);
    assert_int_equal(f->sc.blockers[0].missing.need_actions, 1);
    assert_int_equal(f->sc.blockers[1].missing.need_choice, 2);
    assert_int_equal(f->sc.rules_next, 2);
    assert_int_equal(f->sc.rules_met, 0);
    assert_int_equal(f->sc.areas[0].level, 0);
    assert_int_equal(f->sc.areas[1].level, 0);
    assert_int_equal(f->sc.areas[0].blockers, 1);
}

static void level__everything_documented__top_level_and_full_points(void **st)
{
    struct fx *f = *st;
    for (int n = 1; n <= 5; n++)
        answer(f->b, f->s, n, "all", 1);
    compute(f);
    assert_int_equal(f->sc.level, 3);
    assert_int_equal(f->sc.points_milli, 12000);
    assert_int_equal(f->sc.actions, 12);
    assert_int_equal(f->sc.n_blockers, 0);
    assert_true(f->sc.progress == 1.0);
    assert_int_equal(f->sc.areas[0].level, 3);
    assert_int_equal(f->sc.areas[1].level, 3);
}

static void evidence__undocumented_answers__stop_at_level_one(void **st)
{
    struct fx *f = *st;
    for (int n = 1; n <= 4; n++)
        answer(f->b, f->s, n, "all", 0);
    compute(f);
    assert_int_equal(f->sc.level, 1);
    assert_int_equal(f->sc.points_milli, 12000); /* points do not need evidence */
    assert_int_equal(f->sc.n_blockers, 3);       /* Q1, Q3 (alfa) then Q2 (beta) */
    assert_int_equal(qnum(f, 0), 1);
    assert_int_equal(qnum(f, 1), 3);
    assert_int_equal(qnum(f, 2), 2);
    for (int i = 0; i < 3; i++) {
        const struct missing *m = &f->sc.blockers[i].missing;
        assert_true(m->need_documented);
        assert_false(m->unanswered || m->need_actions || m->need_options || m->need_choice);
    }
}

static void level__mixed_answers__hand_computed(void **st)
{
    struct fx *f = *st;
    answer(f->b, f->s, 1, "1,3", 1);
    answer(f->b, f->s, 2, "3", 1);
    answer(f->b, f->s, 3, "1", 1);
    answer(f->b, f->s, 4, "none", 0);
    compute(f);
    assert_int_equal(f->sc.level, 2);
    assert_int_equal(f->sc.actions, 6);
    assert_int_equal(f->sc.points_milli, 6000); /* 4*3/4 + 3*2/3 + 2*1/2 + 0 */
    assert_int_equal(f->sc.areas[0].points_milli, 4000);
    assert_int_equal(f->sc.areas[1].points_milli, 2000);
    assert_int_equal(f->sc.answered, 4);
    assert_int_equal(f->sc.n_blockers, 4);
    assert_int_equal(qnum(f, 0), 1);
    assert_int_equal(qnum(f, 1), 3);
    assert_int_equal(qnum(f, 2), 2);
    assert_int_equal(qnum(f, 3), 4);
    const struct missing *m1 = &f->sc.blockers[0].missing;
    assert_int_equal(m1->need_options, 1ULL << 1); /* option 2 still to tick */
    const struct missing *m2 = &f->sc.blockers[2].missing;
    assert_int_equal(m2->need_choice, 4);
    assert_int_equal(m2->have_choice, 3);
    const struct missing *m4 = &f->sc.blockers[3].missing;
    assert_false(m4->unanswered); /* answered "none" is not "not yet discussed" */
    assert_int_equal(m4->need_actions, 2);
    assert_int_equal(m4->have_actions, 0);
    assert_true(m4->need_documented);
    assert_int_equal(f->sc.rules_next, 4);
    assert_int_equal(f->sc.rules_met, 0);
}

static void level__area_ahead_of_overall__overall_never_above_lowest_area(void **st)
{
    struct fx *f = *st;
    answer(f->b, f->s, 1, "all", 1);
    answer(f->b, f->s, 3, "all", 1);
    compute(f);
    assert_int_equal(f->sc.areas[0].level, 3); /* alfa complete */
    assert_int_equal(f->sc.areas[1].level, 0); /* beta untouched */
    assert_int_equal(f->sc.level, 0);
    assert_int_equal(f->sc.n_blockers, 1);
    assert_int_equal(qnum(f, 0), 2);
    assert_int_equal(f->sc.areas[0].blockers, 0);
    assert_int_equal(f->sc.areas[1].blockers, 1);
    assert_true(f->sc.areas[0].value == 3.0);
}

static void progress__half_the_rules__half_the_bar(void **st)
{
    struct fx *f = *st;
    answer(f->b, f->s, 1, "1", 0);
    compute(f);
    assert_int_equal(f->sc.level, 0);
    assert_int_equal(f->sc.rules_met, 1);
    assert_int_equal(f->sc.rules_next, 2);
    assert_true(f->sc.progress == 0.5);
    assert_true(f->sc.value == 0.5);
    assert_int_equal(f->sc.areas[0].level, 1); /* alfa's level-1 rule holds */
    assert_true(f->sc.areas[0].value == 1.0);  /* none of alfa's two level-2 rules holds */
}

static void single__none__is_lowest_step_and_blocks(void **st)
{
    struct fx *f = *st;
    answer(f->b, f->s, 1, "all", 0);
    answer(f->b, f->s, 2, "none", 0);
    compute(f);
    int qi = bank_find_question(f->b, 2);
    assert_int_equal(f->s->answers[qi].choice, 1);
    assert_int_equal(f->sc.level, 0);
    assert_int_equal(f->sc.n_blockers, 1);
    assert_int_equal(f->sc.blockers[0].missing.need_choice, 2);
    assert_int_equal(f->sc.blockers[0].missing.have_choice, 1);
}

static void points__explicit_option_points__summed(void **st)
{
    struct fx *f = *st;
    answer(f->b, f->s, 4, "1,3", 0);
    compute(f);
    int qi = bank_find_question(f->b, 4);
    assert_int_equal(f->sc.q[qi].points_milli, 2000);
    assert_int_equal(f->sc.q[qi].actions, 2);
}

static void points__proportional__rounded_down_to_thousandths(void **st)
{
    (void)st;
    struct option o[3] = {{.actions = 1, .points_milli = -1},
                          {.actions = 1, .points_milli = -1},
                          {.actions = 1, .points_milli = -1}};
    struct question q = {.type = QTYPE_MULTI, .scored = 1, .points_milli = 1000,
                         .options = o, .n_options = 3};
    question_finish(&q);
    struct answer a = {.answered = 1, .ticks = 1};
    assert_int_equal(score_points_milli(&q, &a), 333);
    a.ticks = 7;
    assert_int_equal(score_points_milli(&q, &a), 1000);
    a.answered = 0;
    assert_int_equal(score_points_milli(&q, &a), 0);
}

static void unscored__validation_question__never_counts(void **st)
{
    struct fx *f = *st;
    answer(f->b, f->s, 5, "all", 1);
    compute(f);
    assert_int_equal(f->sc.actions, 0);
    assert_int_equal(f->sc.points_milli, 0);
    assert_int_equal(f->sc.level, 0);
    assert_int_equal(f->sc.answered, 1); /* discussed all the same */
}

static void rule__holds__documentation_only_from_evidence_level(void **st)
{
    struct fx *f = *st;
    int qi = bank_find_question(f->b, 1);
    const struct question *q = &f->b->questions[qi];
    struct answer a = {.answered = 1, .ticks = 7};
    struct missing m;
    assert_true(score_rule_holds(f->b, q, &a, &q->rules[1], 1, &m));
    assert_false(score_rule_holds(f->b, q, &a, &q->rules[2], 2, &m));
    assert_true(m.need_documented);
    a.documented = 1;
    assert_true(score_rule_holds(f->b, q, &a, &q->rules[3], 3, &m));
}

/* --- resultattal --- */

static void resultattal__level_first__then_areas_then_points_then_breadth(void **st)
{
    (void)st;
    struct area_score ax[2] = {{.level = 1, .points_milli = 5000, .max_points_milli = 10000},
                               {.level = 1, .points_milli = 5000, .max_points_milli = 10000}};
    struct area_score ay[2] = {{.level = 1, .points_milli = 2500, .max_points_milli = 10000},
                               {.level = 1, .points_milli = 7500, .max_points_milli = 10000}};
    struct score x = {.kind = BANK_ACTIONS, .level = 1, .points_milli = 10000, .n_areas = 2,
                      .areas = ax};
    struct score y = x;
    y.areas = ay;
    /* same level, area levels and points: the even spread ranks first (breadth) */
    assert_true(score_compare(&x, &y) > 0);
    assert_true(score_compare(&y, &x) < 0);
    assert_int_equal(score_compare(&x, &x), 0);
    /* more points beat a better spread */
    y.points_milli = 10001;
    assert_true(score_compare(&x, &y) < 0);
    /* a higher area-level sum beats more points */
    ax[0].level = 2;
    assert_true(score_compare(&x, &y) > 0);
    /* the overall level beats everything */
    y.level = 2;
    assert_true(score_compare(&x, &y) < 0);
}

static void resultattal__real_scores__ordered(void **st)
{
    struct fx *f = *st;
    struct session *low = session_dup(f->s);
    answer(f->b, f->s, 1, "all", 1);
    answer(f->b, f->s, 2, "all", 1);
    answer(f->b, low, 1, "all", 1);
    compute(f);
    struct score sl;
    assert_int_equal(score_compute(f->b, low, &sl), KL_OK);
    assert_true(score_compare(&f->sc, &sl) > 0);
    score_free(&sl);
    session_free(low);
}

/* --- scale banks --- */

static void scale__all_top__four_and_all_bottom__one(void **st)
{
    struct fx *f = *st;
    for (int n = 1; n <= 3; n++)
        answer(f->b, f->s, n, "all", 0);
    compute(f);
    assert_true(f->sc.value == 4.0);
    assert_int_equal(f->sc.level, 4);
    assert_int_equal(f->sc.n_blockers, 0);
    for (int n = 1; n <= 3; n++)
        answer(f->b, f->s, n, "none", 0);
    compute(f);
    assert_true(f->sc.value == 1.0);
    assert_int_equal(f->sc.level, 1);
}

static void scale__means__area_then_overall(void **st)
{
    struct fx *f = *st;
    answer(f->b, f->s, 1, "4", 0);
    answer(f->b, f->s, 2, "2", 0);
    answer(f->b, f->s, 3, "1", 0);
    compute(f);
    assert_true(f->sc.areas[0].value == 3.0);
    assert_true(f->sc.areas[1].value == 1.0);
    assert_true(f->sc.value == 2.0);
    assert_int_equal(f->sc.level, 2);
    /* to reach 3, the statements below 3 hold the mean down */
    assert_int_equal(f->sc.n_blockers, 2);
    assert_int_equal(qnum(f, 0), 2);
    assert_int_equal(qnum(f, 1), 3);
    assert_int_equal(f->sc.blockers[0].missing.need_choice, 3);
}

static void scale__unanswered_area__left_out_of_the_mean(void **st)
{
    struct fx *f = *st;
    answer(f->b, f->s, 1, "3", 0);
    compute(f);
    assert_true(f->sc.value == 3.0);
    assert_int_equal(f->sc.answered, 1);
    assert_int_equal(f->sc.areas[1].answered, 0);
}

int main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup_mini, teardown)
#define S(fn) cmocka_unit_test_setup_teardown(fn, setup_scale, teardown)
    const struct CMUnitTest tests[] = {
        T(level__new_session__zero_with_section_one_blockers),
        T(level__everything_documented__top_level_and_full_points),
        T(evidence__undocumented_answers__stop_at_level_one),
        T(level__mixed_answers__hand_computed),
        T(level__area_ahead_of_overall__overall_never_above_lowest_area),
        T(progress__half_the_rules__half_the_bar),
        T(single__none__is_lowest_step_and_blocks),
        T(points__explicit_option_points__summed),
        cmocka_unit_test(points__proportional__rounded_down_to_thousandths),
        T(unscored__validation_question__never_counts),
        T(rule__holds__documentation_only_from_evidence_level),
        cmocka_unit_test(resultattal__level_first__then_areas_then_points_then_breadth),
        T(resultattal__real_scores__ordered),
        S(scale__all_top__four_and_all_bottom__one),
        S(scale__means__area_then_overall),
        S(scale__unanswered_area__left_out_of_the_mean),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
