/* test_tui_app.c: the workshop UI's state driven by keys, with real files: every change is on
 * disk at once, undo, the note and evidence, failures kept in memory and retried, quitting,
 * the cursor on reopening, locks, blockers, the picker and the new-session form. */
#include "test_tui_util.h"


/* The answer to question number n as the file on disk has it. */
static void on_disk(int n, struct answer *out, char **note)
{
    struct bank *b;
    struct session *s = test_reload(tui_path, &b);
    int qi = bank_find_question(b, n);
    assert_true(qi >= 0);
    *out = s->answers[qi];
    if (note)
        *note = text_dup(s->answers[qi].note);
    session_free(s);
    bank_free(b);
}

static void app__tick__is_on_disk_at_once(void **st)
{
    (void)st;
    struct app a;
    tui_open(&a);
    assert_int_equal(a.w->bank->questions[a.q].number, 1);
    tui_keys(&a, " ");
    struct answer ans;
    on_disk(1, &ans, NULL);
    assert_true(ans.answered);
    assert_int_equal(ans.ticks, 1);
    tui_keys(&a, "j ");
    on_disk(1, &ans, NULL);
    assert_int_equal(ans.ticks, 3);
    /* the number of an option ticks it too */
    tui_keys(&a, "3");
    on_disk(1, &ans, NULL);
    assert_int_equal(ans.ticks, 7);
    assert_false(a.w->dirty);
    tui_app_close(&a);
}

static void app__numbers__choose_on_a_single_question(void **st)
{
    (void)st;
    struct app a;
    tui_open(&a);
    tui_keys(&a, "g2<Enter>");
    assert_int_equal(a.w->bank->questions[a.q].number, 2);
    tui_keys(&a, "3");
    struct answer ans;
    on_disk(2, &ans, NULL);
    assert_true(ans.answered);
    assert_int_equal(ans.choice, 3);
    tui_keys(&a, "4");
    on_disk(2, &ans, NULL);
    assert_int_equal(ans.choice, 4);
    /* clearing a choice leaves the question not answered */
    tui_keys(&a, "x");
    on_disk(2, &ans, NULL);
    assert_false(ans.answered);
    tui_app_close(&a);
}

static void app__all_and_clear__leave_note_and_evidence(void **st)
{
    (void)st;
    struct app a;
    tui_open(&a);
    tui_keys(&a, "nNot<Esc>eRef<Enter>a");
    struct answer ans;
    char *note;
    on_disk(1, &ans, &note);
    assert_int_equal(ans.ticks, 7);
    assert_string_equal(note, "Not");
    free(note);
    tui_keys(&a, "x");
    on_disk(1, &ans, &note);
    assert_int_equal(ans.ticks, 0);
    assert_true(ans.answered); /* "none": discussed, nothing in place */
    assert_string_equal(note, "Not");
    assert_int_equal(tui_answer(&a, 1)->n_evidence, 1);
    free(note);
    tui_keys(&a, "X");
    assert_false(tui_answer(&a, 1)->answered);
    tui_app_close(&a);
}

static void app__undo_redo__restore_the_answer_and_the_file(void **st)
{
    (void)st;
    struct app a;
    tui_open(&a);
    tui_keys(&a, " jj ");
    assert_int_equal(tui_answer(&a, 1)->ticks, 5);
    tui_keys(&a, "u");
    assert_int_equal(tui_answer(&a, 1)->ticks, 1);
    struct answer ans;
    on_disk(1, &ans, NULL);
    assert_int_equal(ans.ticks, 1);
    tui_keys(&a, "uu");
    assert_false(tui_answer(&a, 1)->answered);
    on_disk(1, &ans, NULL);
    assert_false(ans.answered);
    tui_keys(&a, "<C-r>");
    assert_int_equal(tui_answer(&a, 1)->ticks, 1);
    /* undo follows the change to its question */
    tui_keys(&a, "l");
    assert_int_equal(a.w->bank->questions[a.q].number, 3);
    tui_keys(&a, "u");
    assert_int_equal(a.w->bank->questions[a.q].number, 1);
    assert_false(tui_answer(&a, 1)->answered);
    /* a key that changes nothing leaves no undo step */
    int before = a.w->n_undo;
    tui_keys(&a, "x");
    tui_keys(&a, "x");
    assert_int_equal(a.w->n_undo, before + 1);
    tui_app_close(&a);
}

static void app__note__two_lines_with_swedish_letters_saved_exactly(void **st)
{
    (void)st;
    struct app a;
    tui_open(&a);
    tui_keys(&a, "n");
    assert_int_equal(app_top(&a), SCR_NOTE);
    tui_keys(&a, "Åtgärd: ö är klar<Enter>rad två; 25 % #1<Esc>");
    assert_int_equal(app_top(&a), SCR_MAIN);
    struct answer ans;
    char *note;
    on_disk(1, &ans, &note);
    assert_string_equal(note, "Åtgärd: ö är klar\nrad två; 25 % #1");
    free(note);
    /* editing again starts from the saved text; one undo step per editing run */
    int before = a.w->n_undo;
    tui_keys(&a, "n<BS><BS>#2<Esc>");
    assert_string_equal(tui_answer(&a, 1)->note, "Åtgärd: ö är klar\nrad två; 25 % #2");
    assert_int_equal(a.w->n_undo, before + 1);
    tui_keys(&a, "u");
    assert_string_equal(tui_answer(&a, 1)->note, "Åtgärd: ö är klar\nrad två; 25 % #1");
    tui_app_close(&a);
}

static void app__note__text_being_typed_is_saved_on_shutdown_and_idle(void **st)
{
    (void)st;
    struct app a;
    tui_open(&a);
    tui_keys(&a, "nförsta");
    struct answer ans;
    char *note;
    /* a pause (the adapter's timeout) writes what was typed so far */
    tui_keys(&a, "<Timeout>");
    on_disk(1, &ans, &note);
    assert_string_equal(note, "första");
    free(note);
    tui_keys(&a, " andra");
    /* a signal: the loop calls app_shutdown before restoring the terminal */
    assert_int_equal(app_shutdown(&a), 0);
    on_disk(1, &ans, &note);
    assert_string_equal(note, "första andra");
    free(note);
    app_free(&a);
}

static void app__evidence__added_edited_removed(void **st)
{
    (void)st;
    struct app a;
    tui_open(&a);
    tui_keys(&a, "eBeslut KS §12<Enter>");
    struct answer *ans = tui_answer(&a, 1);
    assert_int_equal(ans->n_evidence, 1);
    assert_string_equal(ans->evidence[0], "Beslut KS §12");
    assert_true(ans->documented); /* a reference documents the answer */
    tui_keys(&a, "eRutin 3<Enter>");
    assert_int_equal(tui_answer(&a, 1)->n_evidence, 2);
    /* the record pane: the note, then each reference */
    tui_keys(&a, "<Tab>");
    assert_int_equal(tui_main_st(&a)->pane, PANE_RECORD);
    tui_keys(&a, "j<Enter><C-u>Beslut KS §13<Enter>");
    assert_string_equal(tui_answer(&a, 1)->evidence[0], "Beslut KS §13");
    tui_keys(&a, "<Del>");
    assert_int_equal(tui_answer(&a, 1)->n_evidence, 1);
    assert_string_equal(tui_answer(&a, 1)->evidence[0], "Rutin 3");
    struct bank *b;
    struct session *s = test_reload(tui_path, &b);
    assert_int_equal(s->answers[0].n_evidence, 1);
    assert_string_equal(s->answers[0].evidence[0], "Rutin 3");
    session_free(s);
    bank_free(b);
    /* an empty reference adds nothing; Esc cancels */
    tui_keys(&a, "<Esc>e<Enter>exyz<Esc>");
    assert_int_equal(tui_answer(&a, 1)->n_evidence, 1);
    /* the flags */
    tui_keys(&a, "df");
    assert_false(tui_answer(&a, 1)->documented);
    assert_true(tui_answer(&a, 1)->followup);
    tui_app_close(&a);
}

static void moved(const char *from, const char *to)
{
    assert_int_equal(rename(from, to), 0);
}

static void app__save_fails__change_kept_said_and_retried(void **st)
{
    (void)st;
    struct app a;
    tui_open(&a);
    char away[300];
    snprintf(away, sizeof away, "%s.away", test_tmp);
    moved(test_tmp, away); /* the folder is gone: every save fails */
    tui_keys(&a, " ");
    assert_true(a.w->dirty);
    assert_true(tui_answer(&a, 1)->answered); /* kept in memory */
    assert_true(a.w->save_error[0] != '\0');
    assert_non_null(strstr(a.msg, a.save_why)); /* said on the status line */
    /* quitting asks first */
    assert_int_equal(tui_keys(&a, "q"), TUI_REDRAW);
    assert_int_equal(app_top(&a), SCR_CONFIRM);
    tui_keys(&a, "n");
    assert_int_equal(app_top(&a), SCR_MAIN);
    /* the folder is back: the next change writes both */
    moved(away, test_tmp);
    tui_keys(&a, "j ");
    assert_false(a.w->dirty);
    struct answer ans;
    on_disk(1, &ans, NULL);
    assert_int_equal(ans.ticks, 3);
    assert_int_equal(tui_keys(&a, "q"), TUI_QUIT);
    tui_app_close(&a);
}

static void app__quit_unsaved__retry_key_saves_and_quits(void **st)
{
    (void)st;
    struct app a;
    tui_open(&a);
    char away[300];
    snprintf(away, sizeof away, "%s.away", test_tmp);
    moved(test_tmp, away);
    tui_keys(&a, " q");
    assert_int_equal(app_top(&a), SCR_CONFIRM);
    assert_int_equal(tui_keys(&a, "s"), TUI_REDRAW); /* still failing: stays */
    moved(away, test_tmp);
    assert_int_equal(tui_keys(&a, "s"), TUI_QUIT);
    struct answer ans;
    on_disk(1, &ans, NULL);
    assert_int_equal(ans.ticks, 1);
    tui_app_close(&a);
}

static void app__reopen__cursor_where_the_group_left_off(void **st)
{
    (void)st;
    struct app a;
    tui_open(&a);
    tui_keys(&a, "g4<Enter>");
    assert_int_equal(tui_keys(&a, "q"), TUI_QUIT); /* a move alone is saved on quitting */
    tui_app_close(&a);
    tui_open(&a);
    assert_int_equal(a.w->bank->questions[a.q].number, 4);
    assert_int_equal(a.area, a.w->bank->questions[a.q].area);
    tui_app_close(&a);
}

static void app__second_writer__offered_read_only(void **st)
{
    (void)st;
    struct app a, b;
    tui_open(&a);
    tui_app_init(&b);
    char why[600];
    assert_int_equal(app_open(&b, tui_path, 0, why, sizeof why), 1);
    assert_int_equal(app_top(&b), SCR_CONFIRM);
    assert_int_equal(tui_confirm_st(&b)->kind, CONFIRM_READ_ONLY);
    tui_keys(&b, "j");
    assert_int_equal(app_top(&b), SCR_MAIN);
    assert_true(b.w->read_only);
    tui_keys(&b, " ");
    assert_false(tui_answer(&b, 1)->answered);
    assert_non_null(strstr(b.msg, ops_msg(M_OPS_READ_ONLY)));
    tui_keys(&b, "n");
    assert_int_equal(app_top(&b), SCR_MAIN); /* no note editor either */
    tui_app_close(&b);
    tui_app_close(&a);
}

static void app__blockers__next_key_visits_them_and_the_next_level_takes_over(void **st)
{
    (void)st;
    struct app a;
    tui_open(&a);
    /* level 1 of the mini bank needs questions 1 and 2 */
    assert_int_equal(a.w->sc.n_blockers, 2);
    assert_int_equal(a.w->sc.blockers[0].level, 1);
    tui_keys(&a, "b");
    assert_int_equal(a.w->bank->questions[a.q].number, 2);
    tui_keys(&a, "b");
    assert_int_equal(a.w->bank->questions[a.q].number, 1);
    tui_keys(&a, " b2");
    assert_int_equal(a.w->sc.level, 1);
    assert_true(a.w->sc.n_blockers > 0);
    assert_int_equal(a.w->sc.blockers[0].level, 2);
    tui_app_close(&a);
}

static void app__moving__areas_questions_unanswered(void **st)
{
    (void)st;
    struct app a;
    tui_open(&a);
    /* display order: area alfa (1, 3), then beta (2, 4, 5) */
    tui_keys(&a, "l");
    assert_int_equal(a.w->bank->questions[a.q].number, 3);
    tui_keys(&a, "l");
    assert_int_equal(a.w->bank->questions[a.q].number, 2);
    tui_keys(&a, "[");
    assert_int_equal(a.w->bank->questions[a.q].number, 1);
    tui_keys(&a, "]");
    assert_int_equal(a.w->bank->questions[a.q].number, 2);
    tui_keys(&a, "<Tab><Tab>"); /* options, record, areas */
    assert_int_equal(tui_main_st(&a)->pane, PANE_AREAS);
    tui_keys(&a, "k");
    assert_int_equal(a.area, 0);
    tui_keys(&a, "<Tab>G");
    assert_int_equal(tui_main_st(&a)->pane, PANE_QUESTIONS);
    assert_int_equal(a.w->bank->questions[a.q].number, 3);
    tui_keys(&a, "<Tab>g1<Enter> o");
    assert_int_equal(tui_main_st(&a)->pane, PANE_OPTIONS);
    assert_int_equal(a.w->bank->questions[a.q].number, 3); /* 1 answered: 3 is the next open */
    tui_app_close(&a);
}

static void app__room_and_help__same_key_back(void **st)
{
    (void)st;
    struct app a;
    tui_open(&a);
    tui_keys(&a, "r");
    assert_int_equal(app_top(&a), SCR_ROOM);
    tui_keys(&a, " ");
    assert_false(tui_answer(&a, 1)->answered); /* no answering blind in the room view */
    tui_keys(&a, "r?");
    assert_int_equal(app_top(&a), SCR_HELP);
    tui_keys(&a, "<Esc>");
    assert_int_equal(app_top(&a), SCR_MAIN);
    tui_app_close(&a);
}

static void app__too_small__keys_are_not_typed_blind(void **st)
{
    (void)st;
    struct app a;
    tui_open(&a);
    a.cols = 40;
    a.rows = 12;
    tui_keys(&a, " a");
    assert_false(tui_answer(&a, 1)->answered);
    assert_int_equal(tui_keys(&a, "q"), TUI_QUIT); /* but q still quits */
    tui_app_close(&a);
}

static void app__picker_and_form__create_and_open_a_session(void **st)
{
    (void)st;
    struct app a;
    tui_app_init(&a);
    assert_int_equal(app_start(&a, NULL), 0);
    assert_int_equal(app_top(&a), SCR_PICKER);
    assert_int_equal(tui_picker_st(&a)->list.n, 1); /* s.ini */
    assert_string_equal(tui_picker_st(&a)->list.v[0].organisation, "Testkommunen");
    assert_int_equal(tui_picker_st(&a)->cur, 1); /* on the most recent session */
    tui_keys(&a, "<Home><Enter>");
    assert_int_equal(app_top(&a), SCR_FORM);
    /* organisation, group (region), bank, facilitator, minutes (90: letters refused), file, a
     * participant, create */
    tui_keys(&a, "Region Östergötland<Tab><Right><Tab><Tab>Anna<Tab><BS><BS><BS>9x0<Tab><Tab>"
                 "Per<Tab>CISO<Tab>");
    /* a second participant row came */
    assert_int_equal(tui_form_st(&a)->f[tui_form_st(&a)->cur].kind, FF_TEXT);
    tui_keys(&a, "<Tab><Tab><Enter>");
    assert_int_equal(app_top(&a), SCR_MAIN);
    assert_string_equal(a.w->ses->organisation, "Region Östergötland");
    assert_int_equal(a.w->ses->group, GROUP_REGION);
    assert_string_equal(a.w->ses->facilitator, "Anna");
    assert_int_equal(a.w->ses->n_participants, 1);
    assert_string_equal(a.w->ses->participants[0].role, "CISO");
    assert_int_equal(a.w->ses->minutes, 90); /* spread over the areas by their questions */
    assert_int_equal(a.w->ses->agenda[0].minutes + a.w->ses->agenda[1].minutes, 90);
    assert_non_null(strstr(a.w->path, "region-ostergotland-2024-05-02.ini"));
    struct stat stt;
    assert_int_equal(stat(a.w->path, &stt), 0);
    assert_int_equal(stt.st_mode & 0777, 0600);
    tui_app_close(&a);
}

static void app__missing_session__offered_to_create(void **st)
{
    (void)st;
    struct app a;
    tui_app_init(&a);
    char p[400];
    snprintf(p, sizeof p, "%s/ny.ini", test_tmp);
    assert_int_equal(app_start(&a, p), 0);
    assert_int_equal(app_top(&a), SCR_CONFIRM);
    tui_keys(&a, "j");
    assert_int_equal(app_top(&a), SCR_FORM);
    /* organisation, group, bank, facilitator, minutes, participant, role, the button */
    tui_keys(&a, "Myndigheten<Tab><Tab><Tab><Tab><Tab><Tab><Tab><Enter>");
    assert_int_equal(app_top(&a), SCR_MAIN);
    assert_string_equal(a.w->path, p);
    tui_app_close(&a);
    /* and "no" ends the program */
    tui_app_init(&a);
    snprintf(p, sizeof p, "%s/nej.ini", test_tmp);
    assert_int_equal(app_start(&a, p), 0);
    assert_int_equal(tui_keys(&a, "n"), TUI_QUIT);
    tui_app_close(&a);
}

int main(void)
{
    tui_test_main();
#define T(f) cmocka_unit_test_setup_teardown(f, tui_setup, tui_teardown)
    const struct CMUnitTest tests[] = {
        T(app__tick__is_on_disk_at_once),
        T(app__numbers__choose_on_a_single_question),
        T(app__all_and_clear__leave_note_and_evidence),
        T(app__undo_redo__restore_the_answer_and_the_file),
        T(app__note__two_lines_with_swedish_letters_saved_exactly),
        T(app__note__text_being_typed_is_saved_on_shutdown_and_idle),
        T(app__evidence__added_edited_removed),
        T(app__save_fails__change_kept_said_and_retried),
        T(app__quit_unsaved__retry_key_saves_and_quits),
        T(app__reopen__cursor_where_the_group_left_off),
        T(app__second_writer__offered_read_only),
        T(app__blockers__next_key_visits_them_and_the_next_level_takes_over),
        T(app__moving__areas_questions_unanswered),
        T(app__room_and_help__same_key_back),
        T(app__too_small__keys_are_not_typed_blind),
        T(app__picker_and_form__create_and_open_a_session),
        T(app__missing_session__offered_to_create),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
