/* test_tui_room_app.c: what the keys of running the room do, with scripted keys and a fixed
 * clock, and what reaches the file: search, the parking lot, agreement and dissent, the
 * levels' messages, time counted per area and written without a save storm, sittings and
 * attendance, the session's records, the theme, a follower that sees the writer, and the fixes
 * (help per screen, Ctrl-G, the option cursor after undo, the last evidence reference, typing
 * while the terminal is too small). */
#include "kollen/ops_follow.h"
#include "test_tui_util.h"
#include "theme.h"


static int number(const struct app *a)
{
    return a->w->bank->questions[a->q].number;
}

static struct session *disk(struct bank **b)
{
    return test_reload(tui_path, b);
}

/* --- search --- */

static void search__a_notes_word_then_next_and_previous(void **st)
{
    (void)st;
    struct app a;
    tui_open(&a);
    tui_keys(&a, "g4<Enter>nAvtalet med Ärlig AB<Esc>g1<Enter>");
    assert_int_equal(number(&a), 1);
    tui_keys(&a, "/ärlig ab<Enter>");
    assert_int_equal(number(&a), 4);
    assert_non_null(strstr(a.msg, "Träff 1 av 1: fråga 4, anteckningen"));
    /* "organisationen" is in questions 1 and 4: in display order (alfa: 1, 3; beta: 2, 4, 5) */
    tui_keys(&a, "/organisationen<Enter>");
    assert_int_equal(number(&a), 4); /* the first from the current question on */
    tui_keys(&a, ".");
    assert_int_equal(number(&a), 1);
    tui_keys(&a, ",");
    assert_int_equal(number(&a), 4);
    tui_keys(&a, "<C-n>");
    assert_int_equal(number(&a), 1);
    /* an option's words put the option cursor on it */
    tui_keys(&a, "/övning c<Enter>");
    assert_int_equal(number(&a), 4);
    assert_int_equal(tui_main_st(&a)->opt, 2);
    tui_keys(&a, "/finns inte<Enter>");
    assert_non_null(strstr(a.msg, "Inga träffar"));
    tui_keys(&a, "/övning<Enter>/<Enter>"); /* Enter alone searches again */
    assert_non_null(strstr(a.msg, "Träff 1 av 1: fråga 4"));
    tui_app_close(&a);
}

/* --- what the room decides --- */

static void decide__agreed_dissent_and_the_record_pane(void **st)
{
    (void)st;
    struct app a;
    tui_open(&a);
    tui_keys(&a, "A");
    assert_true(tui_answer(&a, 1)->agreed);
    assert_non_null(strstr(a.msg, "överens"));
    tui_keys(&a, "DIT-chefen: Bara på pappret<Enter>DBo: Håller inte med<Enter>");
    assert_int_equal(tui_answer(&a, 1)->n_dissent, 2);
    tui_keys(&a, "DInget kolon<Enter>"); /* refused, said why */
    assert_non_null(strstr(a.msg, "NAMN: SYNPUNKT"));
    assert_int_equal(tui_answer(&a, 1)->n_dissent, 2);
    /* the record pane: note, "add evidence", then the two entries; Enter edits, Del removes */
    tui_keys(&a, "<Tab>jj");
    assert_int_equal(tui_main_st(&a)->rec, 2);
    tui_keys(&a, "<Enter>");
    assert_int_equal(app_top(&a), SCR_LINE);
    tui_keys(&a, "<C-u>IT-chefen: I två förvaltningar<Enter>");
    assert_string_equal(tui_answer(&a, 1)->dissent[0].view, "I två förvaltningar");
    tui_keys(&a, "j<Del>");
    assert_int_equal(tui_answer(&a, 1)->n_dissent, 1);
    assert_non_null(strstr(a.msg, "Avvikande mening 2 togs bort"));
    struct bank *b;
    struct session *s = disk(&b);
    assert_true(s->answers[0].agreed);
    assert_int_equal(s->answers[0].n_dissent, 1);
    assert_string_equal(s->answers[0].dissent[0].who, "IT-chefen");
    session_free(s);
    bank_free(b);
    tui_keys(&a, "<Esc>u"); /* undo the removal */
    assert_int_equal(tui_answer(&a, 1)->n_dissent, 2);
    tui_app_close(&a);
}

static void park__with_a_reason_the_list_jumps_and_takes_back(void **st)
{
    (void)st;
    struct app a;
    tui_open(&a);
    tui_keys(&a, "g4<Enter>PFråga IT-chefen<Enter>g2<Enter>P<Enter>");
    assert_true(tui_answer(&a, 4)->parked);
    assert_string_equal(tui_answer(&a, 4)->park_reason, "Fråga IT-chefen");
    assert_true(tui_answer(&a, 2)->parked);
    assert_null(tui_answer(&a, 2)->park_reason);
    tui_keys(&a, "g1<Enter>L");
    assert_int_equal(app_top(&a), SCR_PARKED);
    tui_keys(&a, "j<Enter>"); /* display order: 2, 4 */
    assert_int_equal(app_top(&a), SCR_MAIN);
    assert_int_equal(number(&a), 4);
    tui_keys(&a, "P"); /* parked: P takes it back */
    assert_false(tui_answer(&a, 4)->parked);
    tui_keys(&a, "L<Del>");
    assert_false(tui_answer(&a, 2)->parked);
    struct bank *b;
    struct session *s = disk(&b);
    for (int i = 0; i < s->n_answers; i++)
        assert_false(s->answers[i].parked);
    session_free(s);
    bank_free(b);
    tui_app_close(&a);
}

static void blockers__b_says_which_of_how_many(void **st)
{
    (void)st;
    struct app a;
    tui_open(&a);
    tui_keys(&a, "b");
    assert_non_null(strstr(a.msg, "Stopp 2 av 2 för nivå 1"));
    tui_keys(&a, "b");
    assert_non_null(strstr(a.msg, "Stopp 1 av 2 för nivå 1"));
    tui_app_close(&a);
}

static void level__reached_is_said_and_marked_in_the_room_view(void **st)
{
    (void)st;
    struct app a;
    tui_open(&a);
    tui_keys(&a, " g2<Enter>2");
    assert_int_equal(a.w->sc.level, 1);
    assert_non_null(strstr(a.msg, "Nivå 1: Grund är nådd!"));
    assert_int_equal(a.reached, 1);
    tui_keys(&a, "r");
    char *t = tui_screen_text(&a, 80, 24);
    assert_non_null(strstr(t, "Nivå 1 nådd!"));
    free(t);
    tui_keys(&a, "ru"); /* undone: no longer reached */
    assert_int_equal(a.w->sc.level, 0);
    assert_int_equal(a.reached, 0);
    tui_app_close(&a);
}

/* --- the fixes --- */

static void undo__the_option_cursor_stays(void **st)
{
    (void)st;
    struct app a;
    tui_open(&a);
    tui_keys(&a, "jj ");
    assert_int_equal(tui_main_st(&a)->opt, 2);
    tui_keys(&a, "u");
    assert_int_equal(tui_main_st(&a)->opt, 2);
    tui_keys(&a, "<C-r>");
    assert_int_equal(tui_main_st(&a)->opt, 2);
    tui_app_close(&a);
}

static void note__ctrl_g_discards_even_what_was_written_meanwhile(void **st)
{
    (void)st;
    struct app a;
    tui_open(&a);
    tui_keys(&a, "nFörsta<Esc>");
    tui_keys(&a, "n<End> och mer");
    app_key(&a, TK_TIMEOUT); /* a pause: the text typed went to disk */
    char *f = test_read_file(tui_path, NULL);
    assert_non_null(strstr(f, "Första och mer"));
    free(f);
    tui_keys(&a, "<C-g>");
    assert_int_equal(app_top(&a), SCR_MAIN);
    assert_string_equal(tui_answer(&a, 1)->note, "Första");
    assert_non_null(strstr(a.msg, "kastades"));
    f = test_read_file(tui_path, NULL);
    assert_null(strstr(f, "och mer"));
    free(f);
    /* nothing written yet: Ctrl-G just closes */
    tui_keys(&a, "n<End>, nej<C-g>");
    assert_string_equal(tui_answer(&a, 1)->note, "Första");
    tui_app_close(&a);
}

static void note__typed_while_too_small_is_kept(void **st)
{
    (void)st;
    struct app a;
    tui_open(&a);
    tui_keys(&a, "nAbc");
    a.cols = 40;
    a.rows = 12;
    tui_keys(&a, " def");
    a.cols = 80;
    a.rows = 24;
    tui_keys(&a, "<Esc>");
    assert_string_equal(tui_answer(&a, 1)->note, "Abc def");
    tui_app_close(&a);
}

static void evidence__the_last_one_removed__asked_about_documented(void **st)
{
    (void)st;
    struct app a;
    tui_open(&a);
    tui_keys(&a, "eProtokoll<Enter>");
    assert_true(tui_answer(&a, 1)->documented);
    tui_keys(&a, "<Tab>j<Del>");
    assert_int_equal(app_top(&a), SCR_CONFIRM);
    assert_int_equal(tui_confirm_st(&a)->kind, CONFIRM_UNDOCUMENT);
    tui_keys(&a, "n");
    assert_true(tui_answer(&a, 1)->documented); /* kept: documented another way */
    tui_keys(&a, "<Esc>eRapport<Enter>");
    tui_keys(&a, "<Tab><Home>j<Enter><C-u><Enter>"); /* emptied in the prompt: removed too */
    assert_int_equal(app_top(&a), SCR_CONFIRM);
    tui_keys(&a, "j");
    assert_false(tui_answer(&a, 1)->documented);
    assert_int_equal(tui_answer(&a, 1)->n_evidence, 0);
    assert_non_null(strstr(a.msg, "inte längre markerad dokumenterad"));
    tui_keys(&a, "<Esc>u"); /* one step back: the reference and the mark together */
    assert_int_equal(tui_answer(&a, 1)->n_evidence, 1);
    assert_true(tui_answer(&a, 1)->documented);
    tui_app_close(&a);
}

/* The help lists only the keys of the screen it was opened from. */
static void help__per_screen_from_the_key_table(void **st)
{
    (void)st;
    struct app a;
    tui_open(&a);
    tui_keys(&a, "?");
    char *t = tui_screen_text(&a, 120, 100);
    assert_non_null(strstr(t, "tangenter i arbetsvyn"));
    assert_non_null(strstr(t, "parkera frågan"));
    assert_null(strstr(t, "radera bakåt")); /* the editors' keys are not the main screen's */
    assert_null(strstr(t, "ny rad"));
    free(t);
    tui_keys(&a, "<Esc>n<F1>");
    t = tui_screen_text(&a, 120, 100);
    assert_non_null(strstr(t, "tangenter i anteckningen"));
    assert_non_null(strstr(t, "Ctrl-G"));
    assert_non_null(strstr(t, "ny rad"));
    assert_null(strstr(t, "klar\n")); /* the prompt's Enter is not the editor's */
    assert_null(strstr(t, "kryssa"));
    free(t);
    tui_keys(&a, "<Esc><Esc>e<F1>");
    t = tui_screen_text(&a, 120, 100);
    assert_non_null(strstr(t, "tangenter i raden som skrivs"));
    assert_non_null(strstr(t, "avbryt"));
    assert_null(strstr(t, "ny rad"));
    assert_null(strstr(t, "kasta"));
    free(t);
    tui_app_close(&a);
}

/* --- time, sittings, the theme --- */

static void clock__time_counted_per_area_written_without_a_save_storm(void **st)
{
    (void)st;
    struct app a;
    tui_open(&a);
    char *before = test_read_file(tui_path, NULL);
    for (int i = 0; i < 50; i++) { /* 50 seconds of ticks: counted, not written */
        tui_test_clock++;
        app_key(&a, TK_TICK);
    }
    char *now = test_read_file(tui_path, NULL);
    assert_string_equal(before, now);
    free(now);
    assert_int_equal(a.w->ses->agenda[0].spent, 50);
    tui_test_clock += 15;
    app_key(&a, TK_TICK); /* a minute after opening: written once */
    now = test_read_file(tui_path, NULL);
    assert_non_null(strstr(now, "spent = 65"));
    free(now);
    /* leaving the area writes its time */
    tui_test_clock += 30;
    tui_keys(&a, "]");
    struct bank *b;
    struct session *s = disk(&b);
    assert_int_equal(s->agenda[0].spent, 95);
    session_free(s);
    bank_free(b);
    /* a gap longer than TUI_CLOCK_GAP is a stopped program: not the room's time */
    tui_test_clock += TUI_CLOCK_GAP + 1;
    app_key(&a, TK_TICK);
    assert_int_equal(a.w->ses->agenda[1].spent, 0);
    tui_test_clock += 20;
    tui_app_close(&a); /* quitting writes the rest and ends the sitting */
    s = disk(&b);
    assert_int_equal(s->agenda[1].spent, 20);
    assert_int_equal(s->n_sittings, 1);
    assert_int_equal(s->sittings[0].start, TUI_TEST_NOW);
    assert_int_equal(s->sittings[0].end, tui_test_clock);
    session_free(s);
    bank_free(b);
    free(before);
    tui_test_clock = TUI_TEST_NOW;
}

static void records__people_attendance_fields_and_the_summary(void **st)
{
    (void)st;
    struct app a;
    tui_open(&a);
    tui_keys(&a, "s");
    assert_int_equal(app_top(&a), SCR_RECORDS);
    tui_keys(&a, "aBo Berg: CISO<Enter>aCia<Enter>");
    assert_int_equal(a.w->ses->n_participants, 2);
    assert_string_equal(a.w->ses->participants[0].role, "CISO");
    /* rows: 7 fields, 2 areas, then the participants */
    tui_keys(&a, "<Home>jjjjjjjjj ");
    assert_true(sitting_is_present(&a.w->ses->sittings[a.w->sitting], 0));
    tui_keys(&a, "j<Enter><C-u>Cia Ek: IT-chef<Enter>");
    assert_string_equal(a.w->ses->participants[1].name, "Cia Ek");
    assert_string_equal(a.w->ses->participants[1].role, "IT-chef");
    tui_keys(&a, "k<Del>");
    assert_int_equal(app_top(&a), SCR_CONFIRM);
    tui_keys(&a, "j");
    assert_int_equal(a.w->ses->n_participants, 1);
    assert_string_equal(a.w->ses->participants[0].name, "Cia Ek");
    /* fields: organisation, period (refused when malformed), minutes, an area's minutes */
    tui_keys(&a, "<Home><Enter><C-u>Nya kommunen<Enter>");
    assert_string_equal(a.w->ses->organisation, "Nya kommunen");
    tui_keys(&a, "jjj<Enter>2022-05-02<Enter>");
    assert_non_null(strstr(a.msg, "ÅÅÅÅ-MM-DD..ÅÅÅÅ-MM-DD"));
    tui_keys(&a, "<Enter><C-u>2022-05-02..2024-05-01<Enter>");
    assert_string_equal(a.w->ses->period_to, "2024-05-01");
    tui_keys(&a, "jjj<Enter><C-u>50<Enter>j<Enter><C-u>30<Enter>");
    assert_int_equal(a.w->ses->minutes, 50);
    assert_int_equal(a.w->ses->agenda[0].minutes, 30);
    tui_keys(&a, "<Enter><C-u>mycket<Enter>"); /* not a number of minutes */
    assert_non_null(strstr(a.msg, "antal minuter"));
    /* the summary in the note editor; Ctrl-G puts the old one back */
    tui_keys(&a, "kk<Enter>Gruppen var överens.<Esc>");
    assert_string_equal(a.w->ses->summary, "Gruppen var överens.");
    tui_keys(&a, "<Enter><End> Nej.<C-g>");
    assert_string_equal(a.w->ses->summary, "Gruppen var överens.");
    struct bank *b;
    struct session *s = disk(&b);
    assert_string_equal(s->organisation, "Nya kommunen");
    assert_string_equal(s->summary, "Gruppen var överens.");
    assert_int_equal(s->sittings[0].n_present, 0); /* Bo was present, then removed */
    session_free(s);
    bank_free(b);
    tui_app_close(&a);
}

static void theme__key_cycles_and_the_session_remembers(void **st)
{
    (void)st;
    struct app a;
    tui_open(&a);
    assert_int_equal(a.theme, THEME_STANDARD);
    tui_keys(&a, "T");
    assert_int_equal(a.theme, THEME_CONTRAST);
    tui_app_close(&a);
    tui_open(&a);
    assert_int_equal(a.theme, THEME_CONTRAST); /* remembered */
    tui_app_close(&a);
    /* --theme wins over the session's */
    struct tui_options o = {"tests/fixtures/good", test_tmp, NULL, tui_test_now, "standard", 0, 0};
    assert_int_equal(app_init(&a, &o, 1), 0);
    char why[600];
    assert_int_equal(app_open(&a, tui_path, 0, why, sizeof why), 0);
    assert_int_equal(a.theme, THEME_STANDARD);
    tui_app_close(&a);
    /* an unknown theme: a usage error naming the themes there are */
    o.theme = "neon";
    assert_int_equal(app_init(&a, &o, 1), -1);
    assert_true(a.fatal_usage);
    assert_non_null(strstr(a.fatal, "standard, kontrast"));
    app_free(&a);
}

/* --- following --- */

static void follow__the_mirror_sees_the_writers_tick_and_move(void **st)
{
    (void)st;
    struct app w, f;
    tui_open(&w);
    struct tui_options o = {"tests/fixtures/good", test_tmp, NULL, tui_test_now, NULL, 1, 1};
    assert_int_equal(app_init(&f, &o, 1), 0);
    assert_int_equal(app_start(&f, tui_path), 0);
    assert_int_equal(app_top(&f), SCR_QVIEW);
    assert_true(f.w->read_only);
    tui_keys(&w, " ");
    int seen = 0;
    for (int i = 0; i < 100 && !seen; i++) { /* a tick every 10 ms, at most a second */
        seen = app_key(&f, TK_TICK) & TUI_REDRAW;
        if (!seen) {
            struct timespec ts = {0, 10000000};
            nanosleep(&ts, NULL);
        }
    }
    assert_true(seen);
    assert_true(tui_answer(&f, 1)->answered);
    tui_keys(&w, "g4<Enter>");
    seen = 0;
    for (int i = 0; i < 100 && !seen; i++) {
        seen = app_key(&f, TK_TICK) & TUI_REDRAW;
        if (!seen) {
            struct timespec ts = {0, 10000000};
            nanosleep(&ts, NULL);
        }
    }
    assert_true(seen);
    assert_int_equal(number(&f), 4);
    /* the mirror changes nothing and its views take turns */
    tui_keys(&f, " P/");
    assert_int_equal(app_top(&f), SCR_QVIEW);
    assert_false(tui_answer(&f, 4)->parked);
    tui_keys(&f, "v");
    assert_int_equal(app_top(&f), SCR_ROOM);
    tui_keys(&f, "<Esc>r");
    assert_int_equal(app_top(&f), SCR_QVIEW);
    assert_int_equal(tui_keys(&f, "q"), TUI_QUIT);
    app_shutdown(&f);
    app_free(&f);
    char *cursor = ops_cursor_path(tui_path);
    assert_int_equal(access(cursor, F_OK), 0);
    tui_app_close(&w);
    assert_int_equal(access(cursor, F_OK), -1); /* the writer's cursor file goes with it */
    free(cursor);
}

#define T(f) cmocka_unit_test_setup_teardown(f, tui_setup, tui_teardown)

int main(void)
{
    tui_test_main();
    const struct CMUnitTest tests[] = {
        T(search__a_notes_word_then_next_and_previous),
        T(decide__agreed_dissent_and_the_record_pane),
        T(park__with_a_reason_the_list_jumps_and_takes_back),
        T(blockers__b_says_which_of_how_many),
        T(level__reached_is_said_and_marked_in_the_room_view),
        T(undo__the_option_cursor_stays),
        T(note__ctrl_g_discards_even_what_was_written_meanwhile),
        T(note__typed_while_too_small_is_kept),
        T(evidence__the_last_one_removed__asked_about_documented),
        T(help__per_screen_from_the_key_table),
        T(clock__time_counted_per_area_written_without_a_save_storm),
        T(records__people_attendance_fields_and_the_summary),
        T(theme__key_cycles_and_the_session_remembers),
        T(follow__the_mirror_sees_the_writers_tick_and_move),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
