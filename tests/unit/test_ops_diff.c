/* test_ops_diff.c: two sessions of one bank compared (kollen/ops_diff.h): per question the
 * ticks gained and lost, the note, the evidence and the flags; the sums; another bank refused. */
#include "kollen/ops_diff.h"
#include "test_ops_util.h"

static struct session *fresh(const struct bank *b)
{
    struct session *s = session_new(b, "Org", GROUP_KOMMUN, "2024-05-02", OPS_NOW);
    assert_non_null(s);
    return s;
}

static void diff__same_sessions__nothing_changed(void **st)
{
    (void)st;
    struct bank *b = load_fixture_bank("mini");
    struct session *x = fresh(b), *y = fresh(b);
    answer(b, x, 1, "1,3", 0);
    answer(b, y, 1, "1,3", 0);
    struct ops_diff df;
    assert_int_equal(ops_diff(&df, b, x, y), KL_OK);
    assert_int_equal(df.n, 0);
    assert_int_equal(df.gained, 0);
    assert_int_equal(df.lost, 0);
    ops_diff_free(&df);
    session_free(x);
    session_free(y);
    bank_free(b);
}

static void diff__answers_notes_evidence_flags__each_said(void **st)
{
    (void)st;
    struct bank *b = load_fixture_bank("mini");
    struct session *x = fresh(b), *y = fresh(b);
    answer(b, x, 1, "1,2", 0);
    answer(b, y, 1, "1,3", 1); /* 2 unticked (1 action), 3 ticked (2 actions), documented */
    answer(b, x, 2, "4", 0);
    answer(b, y, 2, "2", 0); /* a single choice lowered: actions lost */
    answer(b, y, 5, "1", 0); /* validation question: no actions counted */
    int q4 = bank_find_question(b, 4);
    struct diags d;
    diags_init(&d);
    assert_int_equal(session_add_evidence(x, q4, "gammal", OPS_NOW, &d), KL_OK);
    assert_int_equal(session_add_evidence(x, q4, "kvar", OPS_NOW, &d), KL_OK);
    assert_int_equal(session_add_evidence(y, q4, "kvar", OPS_NOW, &d), KL_OK);
    assert_int_equal(session_add_evidence(y, q4, "ny", OPS_NOW, &d), KL_OK);
    assert_int_equal(session_set_note(y, q4, "en anteckning", OPS_NOW, &d), KL_OK);
    diags_free(&d);
    struct ops_diff df;
    assert_int_equal(ops_diff(&df, b, x, y), KL_OK);
    assert_int_equal(df.n, 4);
    const struct ops_qdiff *d1 = &df.q[0], *d2 = &df.q[1], *d4 = &df.q[2], *d5 = &df.q[3];
    assert_int_equal(b->questions[d1->question].number, 1);
    assert_int_equal(d1->ticked, 4);
    assert_int_equal(d1->unticked, 2);
    assert_int_equal(d1->gained, 2);
    assert_int_equal(d1->lost, 1);
    assert_true(d1->answer_changed && d1->doc_changed);
    assert_false(d1->note_changed);
    assert_int_equal(b->questions[d2->question].number, 2);
    assert_int_equal(d2->gained, 0);
    assert_true(d2->lost > 0);
    assert_int_equal(b->questions[d4->question].number, 4);
    assert_false(d4->answer_changed);
    assert_true(d4->note_changed);
    assert_int_equal(d4->n_ev_added, 1);
    assert_string_equal(d4->ev_added[0], "ny");
    assert_int_equal(d4->n_ev_removed, 1);
    assert_string_equal(d4->ev_removed[0], "gammal");
    assert_int_equal(b->questions[d5->question].number, 5);
    assert_true(d5->answer_changed);
    assert_int_equal(d5->gained, 0);
    assert_int_equal(df.gained, 2);
    assert_int_equal(df.lost, 1 + d2->lost);
    assert_int_equal(df.sc_old.questions, 5);
    ops_diff_free(&df);
    session_free(x);
    session_free(y);
    bank_free(b);
}

static void diff_open__another_bank__refused_naming_both(void **st)
{
    (void)st;
    char *a = ops_make_session("mini", "a.ini", "A"),
         *s = ops_make_session("miniscale", "s.ini", "S");
    struct ops_diff df;
    struct diags d;
    diags_init(&d);
    assert_int_equal(ops_diff_open(&df, a, s, OPS_QDIR, &d), KL_EDATA);
    assert_diag(&d, 0, "miniscale");
    diags_clear(&d);
    assert_int_equal(ops_diff_open(&df, a, a, OPS_QDIR, &d), KL_OK);
    assert_int_equal(df.n, 0);
    assert_non_null(df.own_bank);
    ops_diff_free(&df);
    diags_free(&d);
    free(a);
    free(s);
}

int main(void)
{
    msg_set_lang(LANG_SV);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(diff__same_sessions__nothing_changed),
        cmocka_unit_test(diff__answers_notes_evidence_flags__each_said),
        cmocka_unit_test_setup_teardown(diff_open__another_bank__refused_naming_both,
                                        test_tmp_setup, test_tmp_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
