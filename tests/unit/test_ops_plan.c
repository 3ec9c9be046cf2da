/* test_ops_plan.c: targets from their text and the targets a session is offered
 * (kollen/ops_plan.h), and a plan with a reason whenever there is none. */
#include "kollen/ops_plan.h"
#include "test_ops_util.h"

#define RQDIR "tests/fixtures/report"

static void target__text__parsed_or_refused_with_the_text(void **st)
{
    (void)st;
    struct plan_spec sp;
    struct diags d;
    diags_init(&d);
    assert_int_equal(ops_plan_target(OPS_PLAN_DEFAULT, &sp, &d), KL_OK);
    assert_int_equal(sp.kind, PLAN_NEXT);
    assert_int_equal(ops_plan_target("level 3", &sp, &d), KL_OK);
    assert_int_equal(sp.kind, PLAN_LEVEL);
    assert_int_equal(sp.level, 3);
    assert_int_equal(ops_plan_target("group", &sp, &d), KL_OK);
    assert_int_equal(sp.kind, PLAN_GROUP);
    assert_string_equal(sp.arg, ""); /* the session's own group */
    assert_int_equal(ops_plan_target("everything", &sp, &d), KL_EUSAGE);
    assert_diag(&d, 0, "everything");
    diags_free(&d);
}

static void targets__offered_by_bank_and_session(void **st)
{
    (void)st;
    struct bank *mini = load_fixture_bank("mini");
    struct session *s = session_new(mini, "O", GROUP_KOMMUN, "2024-05-02", OPS_NOW);
    struct plan_spec t[16];
    assert_int_equal(ops_plan_targets(mini, s, t, 16), 1 + 3); /* next, levels 1-3 */
    assert_int_equal(t[0].kind, PLAN_NEXT);
    assert_int_equal(t[3].level, 3);
    assert_int_equal(ops_plan_targets(mini, s, t, 2), 2); /* never more than asked */
    session_free(s);
    bank_free(mini);
    struct bank *r = load_bank_in(RQDIR, "rapport");
    s = session_new(r, "O", GROUP_KOMMUN, "2024-05-02", OPS_NOW);
    int n = ops_plan_targets(r, s, t, 16);
    assert_int_equal(t[n - 2].kind, PLAN_TARGET); /* MSBFS 2020:6 */
    assert_int_equal(t[n - 1].kind, PLAN_GROUP);  /* the benchmark of "kommun" */
    assert_true(ops_plan_same(&t[n - 1], &(struct plan_spec){PLAN_GROUP, 0, ""}));
    assert_false(ops_plan_same(&t[1], &t[2]));
    struct plan p;
    struct diags d;
    diags_init(&d);
    assert_int_equal(ops_plan(r, s, &t[n - 1], &p, &d), KL_OK);
    assert_non_null(p.benchmark);
    plan_free(&p);
    struct plan_spec nine = {PLAN_LEVEL, 9, ""};
    assert_int_not_equal(ops_plan(r, s, &nine, &p, &d), KL_OK);
    assert_non_null(diags_first_error(&d)); /* always a reason */
    diags_free(&d);
    session_free(s);
    bank_free(r);
}

int main(void)
{
    msg_set_lang(LANG_SV);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(target__text__parsed_or_refused_with_the_text),
        cmocka_unit_test(targets__offered_by_bank_and_session),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
