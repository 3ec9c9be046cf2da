/* test_typsvar.c: the typ-organisation by majority per action and lower median per choice,
 * as a session and as a benchmark, over a group and over its N best, against values computed
 * by hand (bank: tests/fixtures/good/mini, described in many_fixture.h). */
#include "many_fixture.h"
#include "kollen/cohort.h"
#include "kollen/typsvar.h"

struct fx {
    struct bank *b;
    struct typsvar *t;
};

static int setup(void **st)
{
    struct fx *f = calloc(1, sizeof *f);
    f->b = load_fixture_bank("mini");
    f->t = typsvar_new(f->b);
    assert_non_null(f->t);
    *st = f;
    return 0;
}

static int teardown(void **st)
{
    struct fx *f = *st;
    typsvar_free(f->t);
    bank_free(f->b);
    free(f);
    return 0;
}

static void add(struct fx *f, const char *spec)
{
    struct session *s = mk_session(f->b, "Org", GROUP_KOMMUN, spec);
    assert_int_equal(typsvar_add(f->t, s), KL_OK);
    session_free(s);
}

static const struct answer *ans(const struct fx *f, const struct session *s, int number)
{
    int qi = bank_find_question(f->b, number);
    assert_true(qi >= 0);
    return &s->answers[qi];
}

/* Five kommuner; a thing is the typ-organisation's when at least 3 of 5 have it.
 *   S1 1=1,2d 2=3d 3=1d 4=1     S2 1=1,2d 2=2 3=1,2d     S3 1=1d 2=4d
 *   S4 1=1,3 2=3d 3=1d 4=1,2    S5 nothing
 * Q1: answered 4, option 1 ticked by 4, option 2 by 2, option 3 by 1, documented 3
 *     -> ticks {1}, documented.
 * Q2: choices 3, 2, 4, 3 and one unanswered (0): sorted 0 2 3 3 4, the lower median 3
 *     (three of five reached 3, one reached 4); documented by S1 S3 S4 -> documented.
 * Q3: answered 3, option 1 by 3, option 2 by 1 -> {1}, documented by 3.
 * Q4: answered by 2 of 5 -> not answered. */
static void five(struct fx *f)
{
    add(f, "1=1,2d 2=3d 3=1d 4=1");
    add(f, "1=1,2d 2=2 3=1,2d");
    add(f, "1=1d 2=4d");
    add(f, "1=1,3 2=3d 3=1d 4=1,2");
    add(f, "");
}

static void session__five_kommuner__majority_per_option_and_lower_median(void **st)
{
    struct fx *f = *st;
    five(f);
    assert_int_equal(typsvar_count(f->t), 5);
    struct session *s;
    assert_int_equal(typsvar_session_new(f->t, "Typkommun", GROUP_KOMMUN, "2026-02-01", 42, &s),
                     KL_OK);
    assert_string_equal(s->organisation, "Typkommun");
    assert_int_equal(s->group, GROUP_KOMMUN);
    assert_string_equal(s->date, "2026-02-01");
    assert_int_equal(s->created, 42);
    const struct answer *a = ans(f, s, 1);
    assert_true(a->answered);
    assert_int_equal(a->ticks, 1ULL << 0);
    assert_true(a->documented);
    a = ans(f, s, 2);
    assert_true(a->answered);
    assert_int_equal(a->choice, 3);
    assert_true(a->documented);
    a = ans(f, s, 3);
    assert_int_equal(a->ticks, 1ULL << 0);
    assert_true(a->documented);
    assert_false(ans(f, s, 4)->answered);
    assert_false(ans(f, s, 5)->answered);
    session_free(s);
}

/* The typ session scores: Q1 1 action, Q2 choice 3 (2 actions), Q3 option 1 (1 action), all
 * documented. Level 1 (Q1 lacks a second action); alfa 1 + 1/2 (Q3's level-2 rule holds, Q1's
 * not) = 1.5; beta 2 + 0/2 = 2.0; overall 1 + 2/3 (Q2 and Q3 of Q1 Q2 Q3); 4 actions. */
static void benchmark__five_kommuner__scored_typ_session(void **st)
{
    struct fx *f = *st;
    five(f);
    struct benchmark bm;
    assert_int_equal(typsvar_benchmark(f->t, "typkommun-egen", "Typkommun (egen)", "kommun",
                                       BENCH_TYPSVAR, "kollen benchmark, 5 sessioner", &bm),
                     KL_OK);
    assert_string_equal(bm.id, "typkommun-egen");
    assert_string_equal(bm.name, "Typkommun (egen)");
    assert_string_equal(bm.group, "kommun");
    assert_string_equal(bm.source, "kollen benchmark, 5 sessioner");
    assert_int_equal(bm.prov, PROV_RECONSTRUCTED);
    assert_near(bm.level, 1 + 2.0 / 3);
    assert_int_equal(bm.actions, 4);
    assert_near(bm.area_levels[0], 1.5);
    assert_near(bm.area_levels[1], 2.0);
    benchmark_clear(&bm);
}

/* Four sessions: exactly half is not a majority. Option 1 ticked by 2 of 4 stays unticked;
 * option 2 by 3 of 4 is ticked; choices 2 2 3 3 give 2, since only half reached 3. */
static void majority__exactly_half__not_enough(void **st)
{
    struct fx *f = *st;
    add(f, "1=1,2 2=2");
    add(f, "1=1 2=2");
    add(f, "1=2 2=3");
    add(f, "1=2,3 2=3");
    struct session *s;
    assert_int_equal(typsvar_session_new(f->t, "T", GROUP_ANNAN, "2026-01-01", 0, &s), KL_OK);
    assert_int_equal(ans(f, s, 1)->ticks, 1ULL << 1); /* option 2: 3 of 4 */
    assert_int_equal(ans(f, s, 2)->choice, 2);
    assert_false(ans(f, s, 1)->documented);
    assert_false(ans(f, s, 3)->answered);
    session_free(s);
}

static void records__notes_and_evidence__never_carried(void **st)
{
    struct fx *f = *st;
    for (int i = 0; i < 3; i++) {
        struct session *s = mk_session(f->b, "Hemliga kommunen", GROUP_KOMMUN, "1=1d");
        int qi = bank_find_question(f->b, 1);
        assert_int_equal(session_set_note(s, qi, "Hemlig anteckning", 1, NULL), KL_OK);
        assert_int_equal(session_add_evidence(s, qi, "Protokoll 2026-01-01", 1, NULL), KL_OK);
        assert_int_equal(session_add_dissent(s, qi, "IT-chefen", "Nej", 1, NULL), KL_OK);
        s->answers[qi].followup = 1;
        assert_int_equal(typsvar_add(f->t, s), KL_OK);
        session_free(s);
    }
    struct session *s;
    assert_int_equal(typsvar_session_new(f->t, "Typ", GROUP_KOMMUN, "2026-01-01", 0, &s), KL_OK);
    const struct answer *a = ans(f, s, 1);
    assert_true(a->answered && a->documented);
    assert_null(a->note);
    assert_int_equal(a->n_evidence, 0);
    assert_int_equal(a->n_dissent, 0);
    assert_false(a->followup);
    assert_string_equal(s->organisation, "Typ");
    assert_int_equal(s->n_participants, 0);
    session_free(s);
}

/* The best 3 of the ten-session table are E, F and D (2 of 3 is a majority). Q1: options 1
 * and 2 by all three, 3 by E only; Q2: 4 3 3 -> 3; Q3: option 1 by all, 2 by E; Q4: answered
 * by E and F, options 1 and 2 by both: exactly F's answers, so F's score: level 2, 2.25,
 * alfa 2.0, beta 2.5, 7 actions. */
static void best__three_of_ten__typ_of_the_best(void **st)
{
    struct fx *f = *st;
    struct cohort *c = cohort_new(f->b, 0);
    struct session *all[MANY_ROWS];
    for (int i = 0; i < MANY_ROWS; i++) {
        all[i] = mk_session(f->b, many_rows[i].id, GROUP_KOMMUN, many_rows[i].spec);
        struct score sc;
        score_of(f->b, all[i], &sc);
        assert_int_equal(cohort_add(c, &sc, i, NULL), KL_OK);
        score_free(&sc);
    }
    int *ids, n;
    assert_int_equal(cohort_best(c, 3, &ids, &n), KL_OK);
    assert_int_equal(n, 3);
    for (int i = 0; i < n; i++)
        assert_int_equal(typsvar_add(f->t, all[ids[i]]), KL_OK);
    struct benchmark bm;
    assert_int_equal(
        typsvar_benchmark(f->t, "basta-3", "De 3 bästa", "kommun", BENCH_SUBSET, "", &bm), KL_OK);
    assert_near(bm.level, 2.25);
    assert_near(bm.area_levels[0], 2.0);
    assert_near(bm.area_levels[1], 2.5);
    assert_int_equal(bm.actions, 7);
    benchmark_clear(&bm);
    free(ids);
    cohort_free(c);
    for (int i = 0; i < MANY_ROWS; i++)
        session_free(all[i]);
}

static void add__session_of_another_bank__refused(void **st)
{
    struct fx *f = *st;
    struct bank *scale = load_fixture_bank("miniscale");
    struct session *s = session_new(scale, "Org", GROUP_KOMMUN, "2026-01-01", 0);
    assert_int_equal(typsvar_add(f->t, s), KL_EUSAGE);
    assert_int_equal(typsvar_count(f->t), 0);
    session_free(s);
    bank_free(scale);
}

static void empty__no_sessions__nothing_answered(void **st)
{
    struct fx *f = *st;
    struct benchmark bm;
    assert_int_equal(typsvar_benchmark(f->t, "x", "X", "", BENCH_TYPSVAR, NULL, &bm), KL_OK);
    assert_near(bm.level, 0);
    assert_int_equal(bm.actions, 0);
    assert_string_equal(bm.group, "");
    benchmark_clear(&bm);
}

/* miniscale: krypto Q1 Q2, natverk Q3. Q1 4 2 3 -> 3; Q2 1 1 4 -> 1; Q3 answered by one of
 * three -> not answered, so natverk has no level (-1) and the overall is krypto's mean 2. */
static void scale__lower_median_and_unanswered_area(void **st)
{
    (void)st;
    struct bank *b = load_fixture_bank("miniscale");
    struct typsvar *t = typsvar_new(b);
    const char *specs[] = {"1=4 2=1 3=2", "1=2 2=1", "1=3 2=4"};
    for (int i = 0; i < 3; i++) {
        struct session *s = mk_session(b, "Org", GROUP_MYNDIGHET, specs[i]);
        assert_int_equal(typsvar_add(t, s), KL_OK);
        session_free(s);
    }
    struct benchmark bm;
    assert_int_equal(typsvar_benchmark(t, "typ", "Typ", "myndighet", BENCH_TYPSVAR, "", &bm), KL_OK);
    assert_near(bm.area_levels[0], 2.0);
    assert_near(bm.area_levels[1], -1);
    assert_near(bm.level, 2.0);
    benchmark_clear(&bm);
    typsvar_free(t);
    bank_free(b);
}

int main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(session__five_kommuner__majority_per_option_and_lower_median),
        T(benchmark__five_kommuner__scored_typ_session),
        T(majority__exactly_half__not_enough),
        T(records__notes_and_evidence__never_carried),
        T(best__three_of_ten__typ_of_the_best),
        T(add__session_of_another_bank__refused),
        T(empty__no_sessions__nothing_answered),
        cmocka_unit_test(scale__lower_median_and_unanswered_area),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
