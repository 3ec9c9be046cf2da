/* test_cohort.c: level shares, means, spread groups, blocking questions, the resultattal
 * ranking with its ties and deciding keys, and the N best, against the hand-computed table
 * in many_fixture.h. */
#include "many_fixture.h"
#include "kollen/cohort.h"

struct fx {
    struct bank *b;
    struct cohort *c;
};

static int find_row(const char *id)
{
    for (int i = 0; i < MANY_ROWS; i++)
        if (!strcmp(many_rows[i].id, id))
            return i;
    return -1;
}

static void add_spec(struct fx *f, const char *spec, int id, const char *name)
{
    struct session *s = mk_session(f->b, name ? name : "Org", GROUP_KOMMUN, spec);
    struct score sc;
    score_of(f->b, s, &sc);
    assert_int_equal(cohort_add(f->c, &sc, id, name), KL_OK);
    score_free(&sc);
    session_free(s);
}

static struct fx *make(int keep_names)
{
    struct fx *f = calloc(1, sizeof *f);
    f->b = load_fixture_bank("mini");
    f->c = cohort_new(f->b, keep_names);
    assert_non_null(f->c);
    return f;
}

static int setup_ten(void **st)
{
    struct fx *f = make(1);
    for (int i = 0; i < MANY_ROWS; i++)
        add_spec(f, many_rows[i].spec, i, many_rows[i].id);
    *st = f;
    return 0;
}

static int setup_empty(void **st)
{
    *st = make(0);
    return 0;
}

static int teardown(void **st)
{
    struct fx *f = *st;
    cohort_free(f->c);
    bank_free(f->b);
    free(f);
    return 0;
}

static void summary__ten_sessions__level_shares_and_means(void **st)
{
    struct fx *f = *st;
    struct cohort_summary s;
    assert_int_equal(cohort_summarise(f->c, &s), KL_OK);
    assert_int_equal(s.n, 10);
    assert_int_equal(s.n_levels, 3);
    int want[] = {2, 5, 2, 1}; /* A B | C G H M N | D F | E */
    for (int lv = 0; lv <= 3; lv++)
        assert_int_equal(s.level_count[lv], want[lv]);
    int alfa[] = {1, 6, 2, 1}, beta[] = {2, 5, 2, 1};
    for (int lv = 0; lv <= 3; lv++) {
        assert_int_equal(s.area_level_count[0 * 4 + lv], alfa[lv]);
        assert_int_equal(s.area_level_count[1 * 4 + lv], beta[lv]);
    }
    assert_near(s.value, 1.275);        /* 12.75 / 10 */
    assert_near(s.area_value[0], 1.3);  /* 13 / 10 */
    assert_near(s.area_value[1], 1.25); /* 12.5 / 10 */
    assert_near(s.points_milli, 4000);  /* 40 points / 10 */
    assert_near(s.actions, 4.0);
    cohort_summary_free(&s);
}

static void spread__ten_sessions__one_best_one_weakest_eight_middle(void **st)
{
    struct fx *f = *st;
    struct cohort_summary s;
    assert_int_equal(cohort_summarise(f->c, &s), KL_OK);
    assert_int_equal(s.spread_target, 1); /* 10 / 10 */
    const struct spread_group *best = &s.spread[SPREAD_BEST], *mid = &s.spread[SPREAD_MIDDLE],
                              *weak = &s.spread[SPREAD_WEAKEST];
    assert_int_equal(best->n, 1); /* E */
    assert_near(best->value, 3.0);
    assert_near(best->area_value[0], 3.0);
    assert_near(best->area_value[1], 3.0);
    assert_near(best->points_milli, 12000);
    assert_near(best->actions, 12);
    assert_int_equal(weak->n, 1); /* A */
    assert_near(weak->value, 0.0);
    assert_near(weak->area_value[0], 0.0);
    assert_near(weak->points_milli, 0);
    assert_int_equal(mid->n, 8); /* B C D F G H M N */
    assert_near(mid->value, 9.75 / 8);
    assert_near(mid->area_value[0], 10.0 / 8);
    assert_near(mid->area_value[1], 9.5 / 8);
    assert_near(mid->points_milli, 28000.0 / 8);
    assert_near(mid->actions, 3.5);
    /* a cohort that keeps names names the outer groups' members, never the middle's */
    assert_int_equal(best->n, 1);
    assert_string_equal(best->names[0], "E");
    assert_string_equal(weak->names[0], "A");
    assert_null(mid->names);
    cohort_summary_free(&s);
}

static void blocking__level_zero_sessions__most_blocking_first(void **st)
{
    struct fx *f = *st;
    struct cohort_summary s;
    assert_int_equal(cohort_summarise(f->c, &s), KL_OK);
    /* A lacks Q1 and Q2, B lacks Q2: Q2 keeps two sessions below level 1, Q1 one */
    assert_int_equal(s.n_blocking, 2);
    assert_int_equal(f->b->questions[s.blocking[0].question].number, 2);
    assert_int_equal(s.blocking[0].count, 2);
    assert_int_equal(f->b->questions[s.blocking[1].question].number, 1);
    assert_int_equal(s.blocking[1].count, 1);
    cohort_summary_free(&s);
}

static void rank__ten_sessions__order_ties_and_deciding_keys(void **st)
{
    struct fx *f = *st;
    struct rank_entry *e;
    int n;
    assert_int_equal(cohort_rank(f->c, &e, &n), KL_OK);
    assert_int_equal(n, 10);
    static const struct {
        const char *id;
        int place;
        enum rank_key key;
    } want[] = {
        {"E", 1, RANK_FIRST},  {"F", 2, RANK_LEVEL},       {"D", 3, RANK_POINTS},
        {"M", 4, RANK_LEVEL},  {"N", 5, RANK_AREA_POINTS}, {"H", 6, RANK_POINTS},
        {"C", 7, RANK_POINTS}, {"G", 7, RANK_TIE},         {"B", 9, RANK_LEVEL},
        {"A", 10, RANK_AREAS},
    };
    for (int i = 0; i < n; i++) {
        assert_string_equal(e[i].name, want[i].id);
        assert_int_equal(e[i].id, find_row(want[i].id));
        assert_int_equal(e[i].place, want[i].place);
        assert_int_equal(e[i].key, want[i].key);
    }
    assert_int_equal(e[1].level, 2);
    assert_near(e[1].value, 2.25);
    assert_int_equal(e[1].points_milli, 7000);
    assert_int_equal(e[1].actions, 7);
    free(e);
}

static void rank__without_names__no_name_kept(void **st)
{
    struct fx *f = *st; /* a cohort made without keep_names */
    add_spec(f, "1=1", 7, "Hemliga kommunen");
    add_spec(f, "1=1 2=2", 8, "Andra kommunen");
    struct rank_entry *e;
    int n;
    assert_int_equal(cohort_rank(f->c, &e, &n), KL_OK);
    assert_int_equal(n, 2);
    assert_int_equal(e[0].id, 8);
    assert_null(e[0].name);
    assert_int_equal(e[1].id, 7);
    assert_null(e[1].name);
    free(e);
}

static void best__tie_across_the_boundary__taken_whole_or_left_out(void **st)
{
    struct fx *f = *st;
    int *ids, n;
    /* the 7th and 8th are C and G, tied: 8 is as far from 7 as 6, and a draw leaves them out */
    assert_int_equal(cohort_best(f->c, 7, &ids, &n), KL_OK);
    assert_int_equal(n, 6);
    const char *want[] = {"E", "F", "D", "M", "N", "H"};
    for (int i = 0; i < n; i++)
        assert_int_equal(ids[i], find_row(want[i]));
    free(ids);
    assert_int_equal(cohort_best(f->c, 8, &ids, &n), KL_OK);
    assert_int_equal(n, 8); /* no tie between the 8th (G) and the 9th (B) */
    free(ids);
    assert_int_equal(cohort_best(f->c, 30, &ids, &n), KL_OK);
    assert_int_equal(n, 10); /* fewer sessions than asked: all of them */
    free(ids);
    assert_int_equal(cohort_best(f->c, 0, &ids, &n), KL_OK);
    assert_int_equal(n, 0);
    free(ids);
}

static void best__tied_block_at_the_top__taken_whole_when_closer(void **st)
{
    struct fx *f = *st;
    for (int i = 0; i < 4; i++)
        add_spec(f, "all", i, NULL);
    for (int i = 4; i < 9; i++)
        add_spec(f, "1=1", i, NULL);
    int *ids, n;
    /* the best 3: four are tied at the top; 4 is closer to 3 than 0 */
    assert_int_equal(cohort_best(f->c, 3, &ids, &n), KL_OK);
    assert_int_equal(n, 4);
    for (int i = 0; i < 4; i++)
        assert_int_equal(ids[i], i); /* ties in the order they were added */
    free(ids);
}

static void spread__all_equal__no_outer_groups(void **st)
{
    struct fx *f = *st;
    for (int i = 0; i < 10; i++)
        add_spec(f, "1=1 2=2", i, NULL);
    struct cohort_summary s;
    assert_int_equal(cohort_summarise(f->c, &s), KL_OK);
    assert_int_equal(s.spread[SPREAD_BEST].n, 0);
    assert_int_equal(s.spread[SPREAD_WEAKEST].n, 0);
    assert_int_equal(s.spread[SPREAD_MIDDLE].n, 10);
    assert_near(s.spread[SPREAD_MIDDLE].value, 1.0);
    for (int g = 0; g < SPREAD_COUNT; g++)
        assert_null(s.spread[g].names); /* made without keep_names */
    cohort_summary_free(&s);
}

static void spread__twenty_with_three_tied_best__block_of_three(void **st)
{
    struct fx *f = *st;
    for (int i = 0; i < 3; i++)
        add_spec(f, "all", i, NULL);
    for (int i = 3; i < 19; i++)
        add_spec(f, "1=1 2=2", i, NULL);
    add_spec(f, "", 19, NULL);
    struct cohort_summary s;
    assert_int_equal(cohort_summarise(f->c, &s), KL_OK);
    assert_int_equal(s.spread_target, 2);              /* 20 / 10 */
    assert_int_equal(s.spread[SPREAD_BEST].n, 3);    /* 3 is one from 2; 0 would be two */
    assert_int_equal(s.spread[SPREAD_WEAKEST].n, 1); /* the 16 tied above it stay out */
    assert_int_equal(s.spread[SPREAD_MIDDLE].n, 16);
    assert_near(s.spread[SPREAD_BEST].value, 3.0);
    assert_near(s.spread[SPREAD_WEAKEST].value, 0.0);
    cohort_summary_free(&s);
}

static void spread__target_rounds_half_up(void **st)
{
    struct fx *f = *st;
    static const struct {
        int n, target;
    } cases[] = {{1, 0}, {4, 0}, {5, 1}, {14, 1}, {15, 2}, {24, 2}, {25, 3}};
    int added = 0;
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        /* distinct results (0..n-1 actions on Q4 is not enough): vary level and points */
        while (added < cases[c].n) {
            add_spec(f, added % 2 ? "1=1" : "", added, NULL);
            added++;
        }
        struct cohort_summary s;
        assert_int_equal(cohort_summarise(f->c, &s), KL_OK);
        assert_int_equal(s.n, cases[c].n);
        assert_int_equal(s.spread_target, cases[c].target);
        int total = s.spread[0].n + s.spread[1].n + s.spread[2].n;
        assert_int_equal(total, cases[c].n);
        cohort_summary_free(&s);
    }
}

static void summary__empty_cohort__zeros(void **st)
{
    struct fx *f = *st;
    struct cohort_summary s;
    assert_int_equal(cohort_summarise(f->c, &s), KL_OK);
    assert_int_equal(s.n, 0);
    assert_int_equal(s.n_blocking, 0);
    assert_int_equal(s.spread[SPREAD_MIDDLE].n, 0);
    assert_near(s.value, 0);
    cohort_summary_free(&s);
    struct rank_entry *e;
    int n;
    assert_int_equal(cohort_rank(f->c, &e, &n), KL_OK);
    assert_int_equal(n, 0);
    free(e);
}

static void add__score_of_another_bank__refused(void **st)
{
    struct fx *f = *st;
    struct bank *scale = load_fixture_bank("miniscale");
    struct session *s = session_new(scale, "Org", GROUP_MYNDIGHET, "2026-01-01", 0);
    struct score sc;
    score_of(scale, s, &sc);
    assert_int_equal(cohort_add(f->c, &sc, 0, NULL), KL_EUSAGE);
    assert_int_equal(cohort_count(f->c), 0);
    score_free(&sc);
    session_free(s);
    bank_free(scale);
}

static void rank__scale_bank__by_means(void **st)
{
    (void)st;
    struct bank *b = load_fixture_bank("miniscale");
    struct cohort *c = cohort_new(b, 0);
    /* krypto Q1 Q2, natverk Q3: overall = mean of the two area means */
    const char *specs[] = {"1=2 2=2 3=2", "1=4 2=2 3=2", "1=3 2=3 3=2", "1=1 2=1 3=1"};
    for (int i = 0; i < 4; i++) {
        struct session *s = mk_session(b, "Org", GROUP_MYNDIGHET, specs[i]);
        struct score sc;
        score_of(b, s, &sc);
        assert_int_equal(cohort_add(c, &sc, i, NULL), KL_OK);
        score_free(&sc);
        session_free(s);
    }
    struct rank_entry *e;
    int n;
    assert_int_equal(cohort_rank(c, &e, &n), KL_OK);
    /* 1 and 2 both have krypto 3, natverk 2 (overall 2.5): a tie; then 0 (2.0), 3 (1.0) */
    assert_int_equal(e[0].id, 1);
    assert_int_equal(e[1].id, 2);
    assert_int_equal(e[1].key, RANK_TIE);
    assert_int_equal(e[1].place, 1);
    assert_near(e[0].value, 2.5);
    assert_int_equal(e[2].id, 0);
    assert_int_equal(e[2].key, RANK_LEVEL);
    assert_int_equal(e[2].place, 3);
    assert_int_equal(e[3].id, 3);
    free(e);
    struct cohort_summary s;
    assert_int_equal(cohort_summarise(c, &s), KL_OK);
    assert_int_equal(s.level_count[2], 3); /* 2.5, 2.5, 2.0 */
    assert_int_equal(s.level_count[1], 1);
    assert_near(s.area_value[0], (2 + 3 + 3 + 1) / 4.0);
    cohort_summary_free(&s);
    cohort_free(c);
    bank_free(b);
}

static void cohort__large__ten_thousand_sessions_ranked(void **st)
{
    struct fx *f = *st;
    const char *specs[] = {"", "1=1", "1=1 2=2", "1=1,2d 2=3d 3=1d", "all", "1=3 2=2"};
    struct session *s[6];
    struct score sc[6];
    for (int k = 0; k < 6; k++) {
        s[k] = mk_session(f->b, "Org", GROUP_KOMMUN, specs[k]);
        score_of(f->b, s[k], &sc[k]);
    }
    for (int i = 0; i < 10000; i++)
        assert_int_equal(cohort_add(f->c, &sc[i % 6], i, NULL), KL_OK);
    struct rank_entry *e;
    int n;
    assert_int_equal(cohort_rank(f->c, &e, &n), KL_OK);
    assert_int_equal(n, 10000);
    /* 1666 copies of "all" (ids 4, 10, ... 9994) share place 1; the next starts at 1667 */
    assert_int_equal(e[0].id, 4);
    assert_int_equal(e[1665].place, 1);
    assert_int_equal(e[1665].id, 9994);
    assert_int_equal(e[1666].place, 1667);
    assert_int_equal(e[1666].key, RANK_LEVEL);
    for (int i = 1; i < n; i++)
        assert_true(e[i].place >= e[i - 1].place);
    free(e);
    for (int k = 0; k < 6; k++) {
        score_free(&sc[k]);
        session_free(s[k]);
    }
}

int main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup_ten, teardown)
#define E(fn) cmocka_unit_test_setup_teardown(fn, setup_empty, teardown)
    const struct CMUnitTest tests[] = {
        T(summary__ten_sessions__level_shares_and_means),
        T(spread__ten_sessions__one_best_one_weakest_eight_middle),
        T(blocking__level_zero_sessions__most_blocking_first),
        T(rank__ten_sessions__order_ties_and_deciding_keys),
        E(rank__without_names__no_name_kept),
        T(best__tie_across_the_boundary__taken_whole_or_left_out),
        E(best__tied_block_at_the_top__taken_whole_when_closer),
        E(spread__all_equal__no_outer_groups),
        E(spread__twenty_with_three_tied_best__block_of_three),
        E(spread__target_rounds_half_up),
        E(summary__empty_cohort__zeros),
        E(add__score_of_another_bank__refused),
        cmocka_unit_test(rank__scale_bank__by_means),
        E(cohort__large__ten_thousand_sessions_ranked),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
