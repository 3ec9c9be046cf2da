/* test_ops_report.c: the data a report shows, gathered once (kollen/ops_report.h). */
#include "kollen/ops_report.h"
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

int main(void)
{
    msg_set_lang(LANG_SV);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(gather__score_plan_provenance_blockers),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
