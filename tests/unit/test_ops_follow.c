/* test_ops_follow.c: a second screen following the facilitator: the writer's published cursor
 * (no fsync, removed when the writer goes), a read-only follower that reads the session again
 * when a save replaces it and the cursor file when the group moves, with inotify and with the
 * stat fallback; and searching a workshop's texts and notes. */
#include <fcntl.h>
#include <time.h>

#include "kollen/ops_follow.h"
#include "kollen/ops_search.h"
#include "test_ops_util.h"

static void sleep_ms(long ms)
{
    struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
    nanosleep(&ts, NULL);
}

static void move_to(struct workshop *w, int number)
{
    ops_move(w, bank_find_question(w->bank, number));
    struct diags d;
    diags_init(&d);
    assert_int_equal(ops_publish_cursor(w, &d), KL_OK);
    diags_free(&d);
}

static void tick(struct workshop *w, int number, const char *value)
{
    struct ops_change c = {.answer = value};
    struct ops_result res;
    assert_int_equal(ops_set_number(w, number, &c, &res, NULL), KL_OK);
}

static void cursor__published_private_read_back_removed_with_the_writer(void **st)
{
    (void)st;
    struct workshop *w = ops_open_path(0);
    move_to(w, 4);
    char *cp = ops_cursor_path(ops_path);
    struct stat sb;
    assert_int_equal(stat(cp, &sb), 0);
    assert_int_equal(sb.st_mode & 0777, 0600);
    int number = 0;
    assert_int_equal(ops_read_cursor(ops_path, &number), 0);
    assert_int_equal(number, 4);
    /* moving is not saving: the session file still has the old cursor */
    char *text = test_read_file(ops_path, NULL);
    assert_null(strstr(text, "cursor = 4"));
    free(text);
    ops_close(w);
    assert_int_equal(access(cp, F_OK), -1);
    assert_int_equal(ops_read_cursor(ops_path, &number), -1);
    /* a read-only workshop publishes nothing */
    w = ops_open_path(OPS_READ_ONLY);
    move_to(w, 2);
    assert_int_equal(access(cp, F_OK), -1);
    ops_close(w);
    free(cp);
}

static void cursor__garbage_file__not_a_question(void **st)
{
    (void)st;
    char *cp = ops_cursor_path(ops_path);
    const char *bad[] = {"", "question = \n", "question = x1\n", "question = 1000\n", "hej\n"};
    int number;
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        test_write_file(cp, bad[i]);
        assert_int_equal(ops_read_cursor(ops_path, &number), -1);
    }
    free(cp);
}

/* Check until something is seen, at most about a second (inotify is quick, polling sees the
 * change on the first check). */
static int wait_change(struct ops_follow *f, struct workshop *w)
{
    for (int i = 0; i < 100; i++) {
        struct diags d;
        diags_init(&d);
        int r = ops_follow_check(f, w, &d);
        diags_free(&d);
        if (r)
            return r;
        sleep_ms(10);
    }
    return 0;
}

static void follow(int poll_only)
{
    struct workshop *writer = ops_open_path(0);
    struct workshop *reader = ops_open_path(OPS_READ_ONLY);
    struct ops_follow *f = NULL;
    assert_int_equal(ops_follow_start(reader, poll_only, &f, NULL), KL_OK);
    assert_int_equal(ops_follow_inotify(f), !poll_only);
    struct diags d;
    diags_init(&d);
    assert_int_equal(ops_follow_check(f, reader, &d), 0); /* nothing yet */
    diags_free(&d);
    /* a tick: the session is replaced and read again */
    sleep_ms(20); /* stat's times must differ for the fallback */
    tick(writer, 1, "1,2");
    assert_true(wait_change(f, reader) & OPS_FOLLOW_SESSION);
    assert_true(reader->ses->answers[0].answered);
    assert_int_equal(reader->sc.actions, 2);
    assert_int_equal(reader->ses->cursor, 1);
    /* a move: only the cursor file */
    sleep_ms(20);
    move_to(writer, 4);
    int r = wait_change(f, reader);
    assert_int_equal(r, OPS_FOLLOW_CURSOR);
    assert_int_equal(reader->ses->cursor, 4);
    /* moving to where the follower already is: nothing to do */
    sleep_ms(20);
    move_to(writer, 4);
    r = wait_change(f, reader);
    assert_int_equal(r & OPS_FOLLOW_CURSOR, 0);
    /* the writer goes: its cursor file goes, the follower keeps its place */
    ops_close(writer);
    r = wait_change(f, reader);
    assert_int_equal(r & OPS_FOLLOW_CURSOR, 0);
    assert_int_equal(reader->ses->cursor, 4);
    ops_follow_stop(f);
    ops_close(reader);
}

static void follow__inotify__sees_a_tick_and_a_move(void **st)
{
    (void)st;
    follow(0);
}

static void follow__stat_fallback__sees_a_tick_and_a_move(void **st)
{
    (void)st;
    follow(1);
}

static void follow__stale_cursor_file__older_than_the_session_ignored(void **st)
{
    (void)st;
    char *cp = ops_cursor_path(ops_path);
    test_write_file(cp, "question = 4\n");
    struct timespec old[2] = {{1000000000, 0}, {1000000000, 0}};
    assert_int_equal(utimensat(AT_FDCWD, cp, old, 0), 0);
    struct workshop *reader = ops_open_path(OPS_READ_ONLY);
    struct ops_follow *fw = NULL;
    assert_int_equal(ops_follow_start(reader, 1, &fw, NULL), KL_OK);
    assert_int_equal(reader->ses->cursor, 0);
    ops_follow_stop(fw);
    /* a fresh one is taken at the start */
    assert_int_equal(utimensat(AT_FDCWD, cp, NULL, 0), 0);
    assert_int_equal(ops_follow_start(reader, 1, &fw, NULL), KL_OK);
    assert_int_equal(reader->ses->cursor, 4);
    ops_follow_stop(fw);
    ops_close(reader);
    free(cp);
}

/* The session read, then saved by the writer, then watched: the save is not missed. */
static void follow__a_save_before_the_watch__read_at_the_start(void **st)
{
    (void)st;
    struct workshop *reader = ops_open_path(OPS_READ_ONLY);
    struct workshop *writer = ops_open_path(0);
    tick(writer, 2, "3");
    assert_false(reader->ses->answers[1].answered);
    struct ops_follow *f = NULL;
    assert_int_equal(ops_follow_start(reader, 0, &f, NULL), KL_OK);
    assert_int_equal(reader->ses->answers[1].choice, 3);
    ops_follow_stop(f);
    ops_close(writer);
    ops_close(reader);
}

static void reload__broken_file__the_session_kept_and_said_why(void **st)
{
    (void)st;
    struct workshop *reader = ops_open_path(OPS_READ_ONLY);
    struct workshop *writer = ops_open_path(0);
    tick(writer, 2, "3");
    ops_close(writer);
    char *good = test_read_file(ops_path, NULL);
    test_write_file(ops_path, "[session]\nformat = 1\nbank = mini\n[answer.99]\nvalue = 1\n");
    struct diags d;
    diags_init(&d);
    assert_int_not_equal(ops_refresh(reader, &d), KL_OK);
    assert_true(d.n > 0);
    diags_free(&d);
    assert_false(reader->ses->answers[1].answered); /* as it was */
    test_write_file(ops_path, good);
    free(good);
    diags_init(&d);
    assert_int_equal(ops_refresh(reader, &d), KL_OK);
    diags_free(&d);
    assert_int_equal(reader->ses->answers[1].choice, 3);
    ops_close(reader);
    /* a writer never reloads: it is the one writing */
    writer = ops_open_path(0);
    assert_int_equal(ops_refresh(writer, NULL), KL_EUSAGE);
    ops_close(writer);
}

/* --- search --- */

static int search(struct workshop *w, const char *needle, struct search_hit **h)
{
    int n = -1;
    assert_int_equal(ops_search(w, needle, h, &n), KL_OK);
    return n;
}

static void search__text_option_help_and_note__case_folded(void **st)
{
    (void)st;
    struct workshop *w = ops_open_path(0);
    struct ops_change c = {.note = "Leverantören Ärlig AB sköter driften"};
    struct ops_result res;
    struct diags d;
    diags_init(&d);
    assert_int_equal(ops_set(w, bank_find_question(w->bank, 3), &c, OPS_NOW, &res, &d), KL_OK);
    diags_free(&d);
    struct search_hit *h;
    assert_int_equal(search(w, "POLICY", &h), 1); /* question 1's text, any case */
    assert_int_equal(h[0].question, bank_find_question(w->bank, 1));
    assert_int_equal(h[0].where, SEARCH_TEXT);
    free(h);
    assert_int_equal(search(w, "övning b", &h), 1); /* an option, ö folded from Ö */
    assert_int_equal(h[0].where, SEARCH_OPTION);
    assert_int_equal(h[0].option, 1);
    free(h);
    assert_int_equal(search(w, "beslutsprotokoll", &h), 1); /* the help */
    assert_int_equal(h[0].where, SEARCH_HELP);
    free(h);
    assert_int_equal(search(w, "  ärlig ab ", &h), 1); /* the note, trimmed, Ä folded */
    assert_int_equal(h[0].question, bank_find_question(w->bank, 3));
    assert_int_equal(h[0].where, SEARCH_NOTE);
    free(h);
    assert_int_equal(search(w, "organisationen", &h), 2); /* 1 and 4, in bank order */
    assert_int_equal(h[0].question, bank_find_question(w->bank, 1));
    assert_int_equal(h[1].question, bank_find_question(w->bank, 4));
    free(h);
    assert_int_equal(search(w, "leverantörsavtal", &h), 0);
    free(h);
    assert_int_equal(search(w, "   ", &h), 0);
    free(h);
    ops_close(w);
}

static void fold__ascii_and_latin1_lowered_the_rest_kept(void **st)
{
    (void)st;
    char *f = text_fold_dup("ÅÄÖ åäö ÉÜ ABC × 漢字 \xff");
    assert_string_equal(f, "åäö åäö éü abc × 漢字 \xEF\xBF\xBD");
    free(f);
}

#define T(f) cmocka_unit_test_setup_teardown(f, ops_setup, ops_teardown)

int main(void)
{
    msg_set_lang(LANG_SV);
    const struct CMUnitTest tests[] = {
        T(cursor__published_private_read_back_removed_with_the_writer),
        T(cursor__garbage_file__not_a_question),
        T(follow__inotify__sees_a_tick_and_a_move),
        T(follow__stat_fallback__sees_a_tick_and_a_move),
        T(follow__stale_cursor_file__older_than_the_session_ignored),
        T(follow__a_save_before_the_watch__read_at_the_start),
        T(reload__broken_file__the_session_kept_and_said_why),
        T(search__text_option_help_and_note__case_folded),
        T(fold__ascii_and_latin1_lowered_the_rest_kept),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
