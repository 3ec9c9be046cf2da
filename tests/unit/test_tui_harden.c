/* test_tui_harden.c: what hostile testing broke in the TUI (issue 13): every length limit
 * shown while typing and never cut without a word, round trip at the limit included; a lock
 * that cannot be taken opens the session read-only saying why; session names that collide
 * with kollen's own files refused by the form and when a missing session is offered. */
#include "test_tui_util.h"

#include <dirent.h>
#include <errno.h>


/* Row y of the screen as drawn now, at 80x24. */
static void row_text(struct app *a, int y, char *buf, size_t n)
{
    struct grid g;
    assert_int_equal(grid_init(&g, 80, 24, 1), 0);
    app_render(a, &g);
    grid_row_text(&g, y, buf, n);
    grid_free(&g);
}

/* n copies of the character c (caller frees). */
static char *repeat(const char *c, size_t n)
{
    struct sbuf b;
    sbuf_init(&b);
    for (size_t i = 0; i < n; i++)
        sbuf_add(&b, c);
    return sbuf_take(&b);
}

/* --- limits ------------------------------------------------------------------------------ */

/* An evidence reference: the size shows while typing; at 300 bytes the next key is refused
 * and said so; what is accepted is exactly the 300 bytes typed, on disk and loaded again. */
static void limits__evidence_prompt__shows_size_refuses_past_300_and_saves_it_whole(void **st)
{
    (void)st;
    struct app a;
    tui_open(&a);
    tui_keys(&a, "e");
    assert_int_equal(app_top(&a), SCR_LINE);
    char row[400];
    tui_keys(&a, "Protokoll");
    row_text(&a, 23, row, sizeof row);
    assert_non_null(strstr(row, " 9/300"));
    /* 150 two-byte letters: 300 bytes, the limit exactly */
    char *at = repeat("ä", 150);
    tui_keys(&a, "<C-u>");
    tui_keys(&a, at);
    row_text(&a, 23, row, sizeof row);
    assert_non_null(strstr(row, "300/300"));
    assert_null(strstr(row, "fullt"));
    /* one more key: refused, and the prompt says so */
    tui_keys(&a, "x");
    row_text(&a, 23, row, sizeof row);
    assert_non_null(strstr(row, "300/300 byte: fullt, resten togs inte med"));
    assert_int_equal(app_top(&a), SCR_LINE);
    tui_keys(&a, "<BS>");
    row_text(&a, 23, row, sizeof row);
    assert_non_null(strstr(row, "298/300"));
    assert_null(strstr(row, "fullt"));
    tui_keys(&a, "ä<Enter>");
    assert_int_equal(tui_answer(&a, 1)->n_evidence, 1);
    assert_string_equal(tui_answer(&a, 1)->evidence[0], at);
    struct bank *b;
    struct session *s = test_reload(tui_path, &b);
    assert_string_equal(s->answers[0].evidence[0], at);
    session_free(s);
    bank_free(b);
    free(at);
    tui_app_close(&a);
}

/* The note: 64 KiB typed, saved and loaded whole; a key past it refused with a message, also
 * when it adds nothing; the size on the editor's border turns into the warning. */
static void limits__note_editor__at_64_kib_saved_whole_and_a_key_past_it_said(void **st)
{
    (void)st;
    struct app a;
    tui_open(&a);
    char *at = repeat("x", SESSION_NOTE_MAX - 1);
    tui_keys(&a, "n");
    tui_keys(&a, at);
    tui_keys(&a, "y");
    assert_int_equal(a.msg[0], '\0');
    tui_keys(&a, "z");
    assert_non_null(strstr(a.msg, "Anteckningen är full (högst 65536 byte)"));
    a.msg[0] = '\0';
    tui_keys(&a, "z"); /* nothing goes in, and it is said again */
    assert_non_null(strstr(a.msg, "Anteckningen är full"));
    char row[400];
    int found = 0;
    for (int y = 0; y < 24 && !found; y++) {
        row_text(&a, y, row, sizeof row);
        found = strstr(row, "65536/65536 byte: fullt") != NULL;
    }
    assert_true(found);
    tui_keys(&a, "<Esc>");
    struct sbuf want;
    sbuf_init(&want);
    sbuf_addf(&want, "%sy", at);
    assert_string_equal(tui_answer(&a, 1)->note, want.p);
    struct bank *b;
    struct session *s = test_reload(tui_path, &b);
    assert_string_equal(s->answers[0].note, want.p);
    session_free(s);
    bank_free(b);
    sbuf_free(&want);
    free(at);
    tui_app_close(&a);
}

/* A field of the new-session form: its size shows while typing; at 200 bytes the next key is
 * refused with a message; the session is created with the 200 bytes exactly. */
static void limits__form_field__200_bytes_kept_whole_and_the_next_refused(void **st)
{
    (void)st;
    struct app a;
    tui_app_init(&a);
    assert_int_equal(app_start(&a, NULL), 0);
    tui_keys(&a, "n"); /* the picker opens on the most recent session: n starts a new one */
    assert_int_equal(app_top(&a), SCR_FORM);
    char row[400];
    tui_keys(&a, "Org");
    row_text(&a, 22, row, sizeof row);
    assert_non_null(strstr(row, "3/200"));
    char *at = repeat("ö", SESSION_FIELD_MAX / 2);
    tui_keys(&a, "<C-u>");
    tui_keys(&a, at);
    assert_int_equal(a.msg[0], '\0');
    row_text(&a, 22, row, sizeof row);
    assert_non_null(strstr(row, "200/200"));
    tui_keys(&a, "x");
    assert_non_null(strstr(a.msg, "Fältet är fullt (högst 200 byte)"));
    row_text(&a, 22, row, sizeof row);
    assert_non_null(strstr(row, "200/200 byte: fullt"));
    /* group, bank, facilitator, minutes, file (from the organisation's slug), participant, role,
     * create */
    tui_keys(&a, "<Tab><Tab><Tab><Tab><Tab><Tab><Tab><Tab><Enter>");
    assert_int_equal(app_top(&a), SCR_MAIN);
    assert_string_equal(a.w->ses->organisation, at);
    char said[600];
    snprintf(said, sizeof said, "Skapade %s.", a.w->path); /* where it went */
    assert_string_equal(a.msg, said);
    struct diags d;
    diags_init(&d);
    struct bank *b = NULL;
    struct session *s = NULL;
    assert_int_equal(session_open(a.w->path, "tests/fixtures/good", &b, &s, &d), KL_OK);
    assert_string_equal(s->organisation, at);
    session_free(s);
    bank_free(b);
    diags_free(&d);
    free(at);
    tui_app_close(&a);
}

/* Participants in the form: 200 rows, and the 200th says no more come; all 200 are created. */
static void limits__form_participants__200_and_no_row_more(void **st)
{
    (void)st;
    struct app a;
    tui_app_init(&a);
    assert_int_equal(app_start(&a, NULL), 0);
    tui_keys(&a, "nMånga<Tab><Tab><Tab><Tab><Tab><Tab>");
    struct sbuf keys;
    sbuf_init(&keys);
    for (int i = 1; i < SESSION_PARTICIPANTS_MAX; i++)
        sbuf_addf(&keys, "P%d<Tab>roll<Tab>", i);
    tui_keys(&a, keys.p);
    sbuf_free(&keys);
    assert_int_equal(a.msg[0], '\0');
    tui_keys(&a, "P200");
    assert_non_null(strstr(a.msg, "högst 200 deltagare"));
    tui_keys(&a, "<Tab>roll<Tab>");
    assert_int_equal(tui_form_st(&a)->f[tui_form_st(&a)->cur].kind, FF_BUTTON);
    tui_keys(&a, "<Enter>");
    assert_int_equal(app_top(&a), SCR_MAIN);
    assert_int_equal(a.w->ses->n_participants, SESSION_PARTICIPANTS_MAX);
    assert_string_equal(a.w->ses->participants[199].name, "P200");
    tui_app_close(&a);
}

/* --- one writer ---------------------------------------------------------------------------- */

/* The lock cannot be taken, and not because another kollen holds it: the TUI opens read-only
 * and says why; nothing is written. (It used to open writable without a lock.) */
static void lock__impossible__opens_read_only_saying_why(void **st)
{
    (void)st;
    char lock[400];
    snprintf(lock, sizeof lock, "%s.lock", tui_path);
    assert_int_equal(mkdir(lock, 0700), 0);
    char *before = test_read_file(tui_path, NULL);
    struct app a;
    tui_open(&a);
    assert_true(a.w->read_only);
    assert_null(a.w->lock);
    assert_non_null(strstr(a.msg, "Öppnad skrivskyddad"));
    assert_non_null(strstr(a.msg, "är en mapp"));
    /* on the status line, growing upwards rather than cut */
    char rows[2000] = "", row[400];
    for (int y = 18; y < 24; y++) {
        row_text(&a, y, row, sizeof row);
        strcat(rows, row);
    }
    assert_non_null(strstr(rows, "Öppnad skrivskyddad"));
    assert_non_null(strstr(rows, "är en mapp"));
    tui_keys(&a, " 2eRef<Enter>n");
    assert_false(tui_answer(&a, 1)->answered);
    assert_int_equal(app_top(&a), SCR_MAIN);
    assert_int_equal(tui_keys(&a, "q"), TUI_QUIT);
    tui_app_close(&a);
    char *after = test_read_file(tui_path, NULL);
    assert_string_equal(before, after);
    struct stat sb;
    assert_int_equal(lstat(lock, &sb), 0);
    assert_true(S_ISDIR(sb.st_mode));
    free(before);
    free(after);
    rmdir(lock);
}

/* --- names ------------------------------------------------------------------------------- */

static int files_in_tmp(void)
{
    int n = 0;
    DIR *dh = opendir(test_tmp);
    assert_non_null(dh);
    for (struct dirent *e = readdir(dh); e; e = readdir(dh))
        n += strcmp(e->d_name, ".") && strcmp(e->d_name, "..");
    closedir(dh);
    return n;
}

static void names__form__kollens_own_suffixes_and_hidden_names_refused(void **st)
{
    (void)st;
    static const char *const bad[] = {".dold", "x.ini.lock", "x.ini.cursor", "x.tmp"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        struct app a;
        tui_app_init(&a);
        assert_int_equal(app_start(&a, NULL), 0);
        int n = files_in_tmp();
        tui_keys(&a, "nOrg<Tab><Tab><Tab><Tab><Tab><C-u>");
        tui_keys(&a, bad[i]);
        tui_keys(&a, "<Tab><Tab><Tab><Enter>");
        assert_int_equal(app_top(&a), SCR_FORM);
        assert_non_null(strstr(a.msg, "ogiltigt sessionsnamn"));
        assert_non_null(strstr(a.msg, bad[i]));
        assert_int_equal(files_in_tmp(), n);
        app_free(&a);
    }
}

static void names__missing_session__offered_only_under_a_name_kollen_takes(void **st)
{
    (void)st;
    static const char *const bad[] = {".dold.ini", "x.ini.lock", "x.ini.cursor"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        char p[400];
        snprintf(p, sizeof p, "%s/%s", test_tmp, bad[i]);
        struct app a;
        tui_app_init(&a);
        assert_int_equal(app_start(&a, p), -1);
        assert_non_null(strstr(a.fatal, "ogiltigt sessionsnamn"));
        assert_int_equal(a.depth, 0);
        app_free(&a);
        assert_int_equal(access(p, F_OK), -1);
        assert_int_equal(errno, ENOENT);
    }
}

int main(void)
{
    tui_test_main();
#define T(f) cmocka_unit_test_setup_teardown(f, tui_setup, tui_teardown)
    const struct CMUnitTest tests[] = {
        T(limits__evidence_prompt__shows_size_refuses_past_300_and_saves_it_whole),
        T(limits__note_editor__at_64_kib_saved_whole_and_a_key_past_it_said),
        T(limits__form_field__200_bytes_kept_whole_and_the_next_refused),
        T(limits__form_participants__200_and_no_row_more),
        T(lock__impossible__opens_read_only_saying_why),
        T(names__form__kollens_own_suffixes_and_hidden_names_refused),
        T(names__missing_session__offered_only_under_a_name_kollen_takes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
