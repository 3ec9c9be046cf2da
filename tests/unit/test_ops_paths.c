/* test_ops_paths.c: where kollen looks for banks and keeps sessions (kollen/ops_paths.h): each
 * policy in one function, in the order the help states. */
#include "kollen/ops_paths.h"

#include <limits.h>

#include "test_ops_util.h"

static void questions__given_then_environment_then_share(void **st)
{
    (void)st;
    unsetenv("KOLLEN_QUESTIONS");
    assert_string_taken(ops_questions_dir("mine", "/usr/share/kollen"), "mine");
    setenv("KOLLEN_QUESTIONS", "/from/env", 1);
    assert_string_taken(ops_questions_dir(NULL, "/usr/share/kollen"), "/from/env");
    setenv("KOLLEN_QUESTIONS", "", 1); /* empty: not set */
    /* the test runs from build/tests/: no questions/ beside it or one up, so the share */
    assert_string_taken(ops_questions_dir(NULL, "/nonexistent-share"),
                        "/nonexistent-share/questions");
    unsetenv("KOLLEN_QUESTIONS");
}

/* PREFIX/bin/kollen finds PREFIX/share/kollen/questions before the compiled-in share: a tree
 * staged with DESTDIR or moved after `make install` uses its own banks. The test program plays
 * the installed one: build/tests/test_ops_paths and build/share/kollen/questions. */
static void questions__installed_tree_before_the_compiled_share(void **st)
{
    (void)st;
    unsetenv("KOLLEN_QUESTIONS");
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    assert_true(n > 0);
    exe[n] = '\0';
    *strrchr(exe, '/') = '\0';
    *strrchr(exe, '/') = '\0'; /* the build folder, PREFIX of this "install" */
    char share[PATH_MAX + 16], kollen[PATH_MAX + 32], questions[PATH_MAX + 48];
    snprintf(share, sizeof share, "%s/share", exe);
    snprintf(kollen, sizeof kollen, "%s/kollen", share);
    snprintf(questions, sizeof questions, "%s/questions", kollen);
    assert_int_equal(mkdir(share, 0700), 0);
    assert_int_equal(mkdir(kollen, 0700), 0);
    assert_int_equal(mkdir(questions, 0700), 0);
    char *q = ops_questions_dir(NULL, "/nonexistent-share");
    char real[PATH_MAX];
    assert_non_null(realpath(questions, real));
    assert_string_equal(q, real);
    free(q);
    q = ops_questions_dir("mine", "/nonexistent-share"); /* what the user says still wins */
    assert_string_equal(q, "mine");
    free(q);
    rmdir(questions);
    rmdir(kollen);
    rmdir(share);
}

static void sessions__given_then_environment_then_checkout_then_user_data(void **st)
{
    (void)st;
    unsetenv("KOLLEN_SESSIONS");
    setenv("XDG_DATA_HOME", "/x/data", 1);
    assert_string_taken(ops_sessions_dir("here"), "here");
    /* the test runs from build/tests/: neither it nor build/ holds questions/ and sessions/,
     * so the user's data folder, wherever the working folder is */
    assert_string_taken(ops_sessions_dir(NULL), "/x/data/kollen/sessions");
    setenv("KOLLEN_SESSIONS", "/from/env", 1);
    assert_string_taken(ops_sessions_dir(NULL), "/from/env");
    /* --sessions "" is the default, not the environment */
    assert_string_taken(ops_sessions_dir(""), "/x/data/kollen/sessions");
    unsetenv("KOLLEN_SESSIONS");
    /* a relative XDG_DATA_HOME is ignored (XDG base directory specification) */
    const char *home = getenv("HOME");
    char *saved = home ? text_dup(home) : NULL;
    setenv("HOME", "/home/anna", 1);
    setenv("XDG_DATA_HOME", "relative", 1);
    assert_string_taken(ops_sessions_dir(NULL), "/home/anna/.local/share/kollen/sessions");
    unsetenv("XDG_DATA_HOME");
    assert_string_taken(ops_sessions_dir(NULL), "/home/anna/.local/share/kollen/sessions");
    if (saved)
        setenv("HOME", saved, 1);
    else
        unsetenv("HOME");
    free(saved);
}

static void session_path__name_in_the_folder_path_as_it_is(void **st)
{
    (void)st;
    assert_string_taken(ops_session_path("sess", "ws2026"), "sess/ws2026.ini");
    assert_string_taken(ops_session_path("sess", "ws.v2"), "sess/ws.v2");
    assert_string_taken(ops_session_path("sess", "./ws2026"), "./ws2026");
    assert_true(ops_session_is_name("ws"));
    assert_false(ops_session_is_name("a/ws"));
}

/* A bare name that would collide with kollen's own files never becomes a path; a new file's
 * name is checked even when given as a path. */
static void session_path__names_of_kollens_own_files__refused_naming_them(void **st)
{
    (void)st;
    static const char *const bad[] = {"", ".hidden", "x.ini.lock", "x.lock", "x.ini.cursor",
                                      "x.tmp"};
    struct diags d;
    diags_init(&d);
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        assert_null(ops_session_path("sess", bad[i]));
        char untouched[] = "untouched";
        char *p = untouched;
        assert_int_equal(ops_session_path_check("sess", bad[i], 0, &p, &d), KL_EUSAGE);
        assert_null(p);
        assert_true(d.n == 1 && strstr(d.v[0].msg, "ogiltigt sessionsnamn"));
        char quoted[64];
        snprintf(quoted, sizeof quoted, "\"%s\"", bad[i]);
        assert_non_null(strstr(d.v[0].msg, quoted));
        diags_clear(&d);
    }
    /* an existing file named by a path is opened as it is; a new one's name is checked */
    char *p = NULL;
    assert_int_equal(ops_session_path_check("sess", "dir/.old.ini", 0, &p, &d), KL_OK);
    assert_string_equal(p, "dir/.old.ini");
    free(p);
    assert_int_equal(ops_session_path_check("sess", "dir/.new.ini", 1, &p, &d), KL_EUSAGE);
    assert_int_equal(ops_session_path_check("sess", "dir/", 1, &p, &d), KL_EUSAGE);
    assert_int_equal(ops_session_path_check("sess", "dir/s.ini.cursor", 1, &p, &d), KL_EUSAGE);
    assert_int_equal(d.n, 3);
    diags_clear(&d);
    assert_int_equal(ops_session_path_check("sess", "ws-2026", 1, &p, &d), KL_OK);
    assert_string_equal(p, "sess/ws-2026.ini");
    free(p);
    assert_int_equal(d.n, 0);
    diags_free(&d);
}

static void sessions_dir_make__private_with_its_parents_and_an_error_naming_it(void **st)
{
    (void)st;
    char *dir = test_tmp_path("sessions");
    struct diags d;
    diags_init(&d);
    assert_int_equal(ops_sessions_dir_make(dir, &d), KL_OK);
    struct stat sb;
    assert_int_equal(stat(dir, &sb), 0);
    assert_int_equal(sb.st_mode & 0777, 0700);
    assert_int_equal(ops_sessions_dir_make(dir, &d), KL_OK); /* there already: fine */
    /* ~/.local/share/kollen/sessions: the folders above are made too, each private */
    char *deep = test_tmp_path("data/kollen/sessions");
    assert_int_equal(ops_sessions_dir_make(deep, &d), KL_OK);
    assert_int_equal(stat(deep, &sb), 0);
    assert_int_equal(sb.st_mode & 0777, 0700);
    char *mid = test_tmp_path("data/kollen");
    assert_int_equal(stat(mid, &sb), 0);
    assert_int_equal(sb.st_mode & 0777, 0700);
    assert_int_equal(d.n, 0);
    /* a file where a folder should be */
    char *file = test_tmp_path("file");
    test_write_file(file, "");
    char *under = test_tmp_path("file/a/b");
    assert_int_equal(ops_sessions_dir_make(under, &d), KL_EIO);
    assert_diag(&d, 0, "file/a");
    diags_clear(&d);
    assert_int_equal(ops_sessions_dir_make(file, &d), KL_EIO);
    assert_diag(&d, 0, "file");
    diags_free(&d);
    free(dir);
    free(deep);
    free(mid);
    free(file);
    free(under);
}

int main(void)
{
    msg_set_lang(LANG_SV);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(questions__given_then_environment_then_share),
        cmocka_unit_test(questions__installed_tree_before_the_compiled_share),
        cmocka_unit_test(sessions__given_then_environment_then_checkout_then_user_data),
        cmocka_unit_test(session_path__name_in_the_folder_path_as_it_is),
        cmocka_unit_test(session_path__names_of_kollens_own_files__refused_naming_them),
        cmocka_unit_test_setup_teardown(
            sessions_dir_make__private_with_its_parents_and_an_error_naming_it, test_tmp_setup,
            test_tmp_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
