/* test_ops_paths.c: where kollen looks for banks and keeps sessions (kollen/ops_paths.h): each
 * policy in one function, in the order the help states. */
#include "kollen/ops_paths.h"
#include "test_ops_util.h"

static void questions__given_then_environment_then_share(void **st)
{
    (void)st;
    unsetenv("KOLLEN_QUESTIONS");
    char *q = ops_questions_dir("mine", "/usr/share/kollen");
    assert_string_equal(q, "mine");
    free(q);
    setenv("KOLLEN_QUESTIONS", "/from/env", 1);
    q = ops_questions_dir(NULL, "/usr/share/kollen");
    assert_string_equal(q, "/from/env");
    free(q);
    setenv("KOLLEN_QUESTIONS", "", 1); /* empty: not set */
    q = ops_questions_dir(NULL, "/nonexistent-share");
    /* the test runs from build/tests/: no questions/ beside it or one up, so the share */
    assert_string_equal(q, "/nonexistent-share/questions");
    free(q);
    unsetenv("KOLLEN_QUESTIONS");
}

static void sessions__given_then_environment_then_sessions(void **st)
{
    (void)st;
    unsetenv("KOLLEN_SESSIONS");
    char *s = ops_sessions_dir("here");
    assert_string_equal(s, "here");
    free(s);
    s = ops_sessions_dir(NULL);
    assert_string_equal(s, OPS_SESSIONS_DIR);
    free(s);
    setenv("KOLLEN_SESSIONS", "/from/env", 1);
    s = ops_sessions_dir(NULL);
    assert_string_equal(s, "/from/env");
    free(s);
    s = ops_sessions_dir(""); /* --sessions "" is the default, not the environment */
    assert_string_equal(s, "sessions");
    free(s);
    unsetenv("KOLLEN_SESSIONS");
}

static void session_path__name_in_the_folder_path_as_it_is(void **st)
{
    (void)st;
    char *p = ops_session_path("sess", "ws2026");
    assert_string_equal(p, "sess/ws2026.ini");
    free(p);
    p = ops_session_path("sess", "ws.v2");
    assert_string_equal(p, "sess/ws.v2");
    free(p);
    p = ops_session_path("sess", "./ws2026");
    assert_string_equal(p, "./ws2026");
    free(p);
    assert_true(ops_session_is_name("ws"));
    assert_false(ops_session_is_name("a/ws"));
}

static void sessions_dir_make__private_once_and_an_error_naming_it(void **st)
{
    (void)st;
    ops_tmp_make("ops-paths");
    char *dir = ops_tmp_path("sessions");
    struct diags d;
    diags_init(&d);
    assert_int_equal(ops_sessions_dir_make(dir, &d), KL_OK);
    struct stat sb;
    assert_int_equal(stat(dir, &sb), 0);
    assert_int_equal(sb.st_mode & 0777, 0700);
    assert_int_equal(ops_sessions_dir_make(dir, &d), KL_OK); /* there already: fine */
    char *under = ops_tmp_path("sessions/a/b");
    assert_int_equal(ops_sessions_dir_make(under, &d), KL_EIO);
    assert_diag(&d, 0, "sessions/a/b");
    diags_free(&d);
    free(dir);
    free(under);
    ops_tmp_remove();
}

int main(void)
{
    msg_set_lang(LANG_SV);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(questions__given_then_environment_then_share),
        cmocka_unit_test(sessions__given_then_environment_then_sessions),
        cmocka_unit_test(session_path__name_in_the_folder_path_as_it_is),
        cmocka_unit_test(sessions_dir_make__private_once_and_an_error_naming_it),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
