/* test_ops_report.c: the data a report shows, gathered once (kollen/ops_report.h). */
#include "kollen/ops_report.h"
#include "kollen/ops_paths.h"
#include "test_ops_util.h"

static void gather__score_plan_provenance_blockers(void **st)
{
    (void)st;
    struct bank *b = load_fixture_bank("mini");
    struct session *s = session_new(b, "O", GROUP_KOMMUN, "2024-05-02", OPS_NOW);
    answer(b, s, 1, "1", 0);
    struct ops_report r;
    struct diags d;
    diags_init(&d);
    assert_int_equal(ops_report_gather(&r, b, s, &d), KL_OK);
    assert_int_equal(r.sc.level, 0);
    assert_true(r.have_plan);
    assert_int_equal(r.plan.spec.kind, PLAN_NEXT);
    assert_int_equal(r.plan.goal_level, 1);
    assert_null(r.bm); /* mini publishes no benchmark */
    /* provenance: 1 verbatim (4), 1 inferred (2), 3 reconstructed */
    assert_int_equal(r.prov[PROV_VERBATIM], 1);
    assert_int_equal(r.prov[PROV_INFERRED], 1);
    assert_int_equal(r.prov[PROV_RECONSTRUCTED], 3);
    /* level 1 needs questions 1 (answered, holds) and 2 (not discussed): 2 blocks */
    assert_false(r.blocks[bank_find_question(b, 1)]);
    assert_true(r.blocks[bank_find_question(b, 2)]);
    ops_report_free(&r);
    /* the highest level: no plan to show */
    answer(b, s, 1, "all", 1);
    answer(b, s, 2, "4", 1);
    answer(b, s, 3, "all", 1);
    answer(b, s, 4, "1,2", 1);
    assert_int_equal(ops_report_gather(&r, b, s, &d), KL_OK);
    assert_int_equal(r.sc.level, 3);
    assert_false(r.have_plan);
    ops_report_free(&r);
    diags_free(&d);
    session_free(s);
    bank_free(b);
}

/* The summary's data: the areas weakest first (level, then kollen's value, then the bank's
 * order), the group's value on MSB's measure (the typsvar's where it publishes one, else the
 * spread's middle part), how many areas are below it, the steps to take first (quick wins
 * first) and the records counted. */
static void gather__summary_weakest_group_steps_records(void **st)
{
    (void)st;
    struct bank *b = load_bank_in("tests/fixtures/report", "rapport");
    struct session *s = session_new(b, "O", GROUP_KOMMUN, "2024-05-02", OPS_NOW);
    answer(b, s, 1, "1", 1);   /* ledning: level 1 */
    answer(b, s, 2, "2", 0);   /* risk: level 1 */
    answer(b, s, 3, "1", 0);   /* incident: level 1 */
    answer(b, s, 5, "1", 0);   /* risk: documenting it is a quick win for level 2 */
    s->answers[bank_find_question(b, 4)].followup = 1;
    s->answers[bank_find_question(b, 6)].parked = 1;
    struct ops_report r;
    struct diags d;
    diags_init(&d);
    assert_int_equal(ops_report_gather(&r, b, s, &d), KL_OK);
    assert_int_equal(r.n_weakest, 3);
    for (int k = 1; k < r.n_weakest; k++) {
        const struct area_score *x = &r.sc.areas[r.weakest[k - 1]], *y = &r.sc.areas[r.weakest[k]];
        assert_true(x->level < y->level || (x->level == y->level && x->value <= y->value));
    }
    /* the typsvar publishes every area here: it is the group's value */
    const struct benchmark *from;
    int risk = bank_find_area(b, "risk");
    assert_true(ops_report_group_value(&r, risk, &from) == 1.3);
    assert_string_equal(from->id, "kommun-typ");
    assert_non_null(r.spread);
    assert_non_null(r.best30);
    assert_string_equal(r.best30->id, "kommun-30");
    /* levels 1, 1, 1 against 0.4, 1.3, 1.0: below in risk only */
    assert_int_equal(r.below_group, 1);
    assert_true(r.n_top > 0 && r.plan.items[r.top[0]].quick);
    assert_int_equal(r.flagged, 1);
    assert_int_equal(r.parked, 1);
    assert_int_equal(r.disputed, 0);
    ops_report_free(&r);
    /* without the typsvar's area values the spread's middle part stands in */
    struct benchmark *bm = &b->benchmarks[bank_find_benchmark_index(b, "kommun-typ")];
    double keep = bm->area_levels[risk];
    bm->area_levels[risk] = -1;
    assert_int_equal(ops_report_gather(&r, b, s, &d), KL_OK);
    assert_true(ops_report_group_value(&r, risk, &from) == 1.3);
    assert_string_equal(from->id, "kommun-mitt");
    bm->area_levels[risk] = keep;
    ops_report_free(&r);
    diags_free(&d);
    session_free(s);
    bank_free(b);
}

/* The companion session is named relative to the session's folder, like a SESSION argument. */
static void companion_path__relative_to_the_session(void **st)
{
    (void)st;
    assert_string_taken(ops_companion_path("sessions/ws2026.ini", "ws2026-it"),
                        "sessions/ws2026-it.ini");
    assert_string_taken(ops_companion_path("ws.ini", "it.ini"), "it.ini");
    assert_string_taken(ops_companion_path("/a/b/ws.ini", "../c/it.ini"), "/a/b/../c/it.ini");
    assert_string_taken(ops_companion_path("/a/b/ws.ini", "/x/it.ini"), "/x/it.ini");
    assert_null(ops_companion_path("ws.ini", ""));
}

int main(void)
{
    msg_set_lang(LANG_SV);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(gather__score_plan_provenance_blockers),
        cmocka_unit_test(gather__summary_weakest_group_steps_records),
        cmocka_unit_test(companion_path__relative_to_the_session),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
