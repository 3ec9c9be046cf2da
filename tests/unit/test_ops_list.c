/* test_ops_list.c: the sessions of a folder with their summaries (kollen/ops_list.h), as the
 * TUI's session list shows them. */
#include "kollen/ops_list.h"
#include "test_ops_util.h"

static void list__summaries_last_changed_first_broken_files_named(void **st)
{
    (void)st;
    char *a = ops_make_session("mini", "a.ini", "Alfa kommun");
    char *b = ops_make_session("miniscale", "b.ini", "Beta region");
    /* b changed later: first in the list */
    struct workshop *w = NULL;
    struct diags d;
    diags_init(&d);
    assert_int_equal(ops_open(&w, b, OPS_QDIR, 0, "test", &d), KL_OK);
    struct ops_change c = {.answer = "3"};
    struct ops_result res;
    assert_int_equal(ops_set(w, 0, &c, OPS_NOW + 10, &res, &d), KL_OK);
    ops_close(w);
    test_write_in(test_tmp, "c.ini", "[session]\nbank = nosuch\n");
    test_write_in(test_tmp, "notes.txt", "");
    struct ops_list l;
    assert_int_equal(ops_list(test_tmp, OPS_QDIR, &l, &d), KL_OK);
    assert_int_equal(l.n, 3); /* only *.ini */
    assert_string_equal(l.v[0].file, "b.ini");
    assert_string_equal(l.v[0].organisation, "Beta region");
    assert_string_equal(l.v[0].level, "3,00"); /* a scale bank: the mean, a decimal comma */
    assert_int_equal(l.v[0].answered, 1);
    assert_string_equal(l.v[1].file, "a.ini");
    assert_string_equal(l.v[1].bank_name, "Minibanken");
    assert_string_equal(l.v[1].level, "0");
    assert_int_equal(l.v[1].questions, 5);
    assert_null(l.v[1].error);
    assert_string_equal(l.v[2].file, "c.ini");
    assert_non_null(l.v[2].error);
    assert_non_null(strstr(l.v[2].error, "nosuch"));
    assert_null(l.v[2].organisation);
    ops_list_free(&l);
    diags_free(&d);
    free(a);
    free(b);
}

static void list__no_folder__eio_with_its_name_and_an_empty_list(void **st)
{
    (void)st;
    char *none = test_tmp_path("none");
    struct ops_list l;
    struct diags d;
    diags_init(&d);
    assert_int_equal(ops_list(none, OPS_QDIR, &l, &d), KL_EIO);
    assert_int_equal(l.n, 0);
    assert_diag(&d, 0, "none");
    ops_list_free(&l);
    diags_free(&d);
    free(none);
}

int main(void)
{
    msg_set_lang(LANG_SV);
#define T(fn) cmocka_unit_test_setup_teardown(fn, test_tmp_setup, test_tmp_teardown)
    const struct CMUnitTest tests[] = {
        T(list__summaries_last_changed_first_broken_files_named),
        T(list__no_folder__eio_with_its_name_and_an_empty_list),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
