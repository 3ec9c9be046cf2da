/* test_tui_screens.c: every screen rendered into the in-memory grid and compared with golden
 * text in tests/golden/tui/ (text, then the role of every cell, or its monochrome attributes),
 * at 80x24 and 120x40, colour and monochrome, UTF-8 and ASCII. KOLLEN_UPDATE_GOLDEN=1
 * rewrites the files (review the diff before committing); any difference fails. */
#include "test_tui_util.h"

static char *path, *scale_path, *plan_path;

#define PLAN_QDIR "tests/fixtures/report"

/* Question number n answered as value, documented or not, changed ten minutes ago. */
static void set(const struct bank *b, struct session *s, int n, const char *value, int doc)
{
    answer(b, s, n, value, doc);
    s->answers[bank_find_question(b, n)].changed = TUI_TEST_NOW - 600;
}

/* A session in the middle of a workshop: some answers, a note with Swedish letters, a wide
 * character and a control character, evidence, and the cursor on question 1. */
static char *workshop_session(void)
{
    struct tui_edit e;
    tui_edit_new(&e, TUI_QDIR, "mini", "workshop", "Exempelkommunen", GROUP_KOMMUN);
    set(e.b, e.s, 1, "1,2", 1);
    set(e.b, e.s, 2, "2", 0);
    assert_int_equal(session_set_note(e.s, 0, "Beslutad i KS 2023; kommunicerad på intranätet.\n"
                                              "Uppföljning saknas: åäö ÅÄÖ 漢字 \x1b[31mröd",
                                      TUI_TEST_NOW - 600, &e.d),
                     KL_OK);
    assert_int_equal(session_add_evidence(e.s, 0, "KS 2023-03-14 §42", TUI_TEST_NOW - 600, &e.d),
                     KL_OK);
    assert_int_equal(session_set_text(&e.s->facilitator, "Anna Ö", SESSION_FIELD_MAX, &e.d),
                     KL_OK);
    e.s->cursor = 1;
    e.s->modified = TUI_TEST_NOW - 600;
    return tui_edit_done(&e);
}

static char *scale_session(void)
{
    struct tui_edit e;
    tui_edit_new(&e, TUI_QDIR, "miniscale", "skala", "Exempelmyndigheten", GROUP_KOMMUN);
    set(e.b, e.s, 1, "3", 0);
    set(e.b, e.s, 3, "2", 0);
    e.s->modified = TUI_TEST_NOW - 300;
    return tui_edit_done(&e);
}

/* A session on the plan fixture bank (it has an MSBFS target and benchmarks): level 1 met,
 * question 3 only partly, the rest not discussed; a note and evidence the plan must not show;
 * question 4's step tracked (owner, due date, started). */
static char *plan_session(void)
{
    struct tui_edit e;
    tui_edit_new(&e, PLAN_QDIR, "rapport", "plan", "Planstad kommun", GROUP_KOMMUN);
    set(e.b, e.s, 1, "1,2", 0);
    set(e.b, e.s, 2, "2", 0);
    set(e.b, e.s, 3, "1", 0);
    assert_int_equal(
        session_set_note(e.s, 0, "Hemligt: brandväggen saknas", TUI_TEST_NOW - 600, &e.d), KL_OK);
    assert_int_equal(session_add_evidence(e.s, 0, "Protokoll KS §9", TUI_TEST_NOW - 600, &e.d),
                     KL_OK);
    /* a step tracked between workshops (kollen plan --assign/--status): shown on its item */
    assert_int_equal(session_set_step(e.s, bank_find_question(e.b, 4), "Bo Berg", "2024-09-30",
                                      STEP_STARTED, TUI_TEST_NOW - 600, &e.d),
                     KL_OK);
    e.s->cursor = 4;
    e.s->modified = TUI_TEST_NOW - 600;
    return tui_edit_done(&e);
}

static int setup(void **st)
{
    (void)st;
    test_tmp_make();
    path = workshop_session();
    scale_path = scale_session();
    plan_path = NULL; /* made by the plan test: the picker's golden lists this folder */
    return 0;
}

static int teardown(void **st)
{
    (void)st;
    free(path);
    free(scale_path);
    free(plan_path);
    return test_tmp_remove();
}

static void screen__main__80x24_and_120x40(void **st)
{
    (void)st;
    struct app a;
    tui_app_open(&a, path);
    tui_golden(&a, "main-80x24", 80, 24, 1, GRID_DUMP_ROLES);
    tui_golden(&a, "main-80x24-mono-ascii", 80, 24, 0, GRID_DUMP_MONO);
    tui_golden(&a, "main-120x40", 120, 40, 1, GRID_DUMP_ROLES);
    tui_golden(&a, "main-120x40-mono", 120, 40, 1, GRID_DUMP_MONO);
    tui_golden(&a, "main-70x20", 70, 20, 1, GRID_DUMP_ROLES);
    tui_app_close(&a);
}

static void screen__main__blocker_question_and_record_pane(void **st)
{
    (void)st;
    struct app a;
    tui_app_open(&a, path);
    /* question 3 blocks level 2 here; the record pane of question 1 with its reference */
    tui_keys(&a, "b");
    tui_golden(&a, "main-blocker-80x24", 80, 24, 1, GRID_DUMP_ROLES);
    tui_keys(&a, "g1<Enter><Tab>j");
    tui_golden(&a, "main-record-80x24", 80, 24, 1, GRID_DUMP_ROLES);
    tui_app_close(&a);
}

static void screen__note_editor__80x24(void **st)
{
    (void)st;
    struct app a;
    tui_app_open(&a, path);
    tui_keys(&a, "n<Up><End> och mer");
    tui_golden(&a, "note-80x24", 80, 24, 1, GRID_DUMP_ROLES);
    tui_keys(&a, "<Esc>");
    tui_app_close(&a);
}

static void screen__prompts__evidence_and_jump(void **st)
{
    (void)st;
    struct app a;
    tui_app_open(&a, path);
    tui_keys(&a, "eProtokoll 2024-01-15 ");
    tui_golden(&a, "prompt-evidence-80x24", 80, 24, 1, GRID_DUMP_ROLES);
    tui_keys(&a, "<Esc>g7");
    tui_golden(&a, "prompt-jump-80x24", 80, 24, 0, GRID_DUMP_MONO);
    tui_app_close(&a);
}

static void screen__room__80x24_and_120x40(void **st)
{
    (void)st;
    struct app a;
    tui_app_open(&a, path);
    tui_keys(&a, "r");
    tui_golden(&a, "room-80x24", 80, 24, 1, GRID_DUMP_ROLES);
    tui_golden(&a, "room-80x24-mono-ascii", 80, 24, 0, GRID_DUMP_MONO);
    tui_golden(&a, "room-120x40", 120, 40, 1, GRID_DUMP_ROLES);
    tui_app_close(&a);
}

static void screen__room__shows_no_note_or_evidence(void **st)
{
    (void)st;
    struct app a;
    tui_app_open(&a, path);
    tui_keys(&a, "r");
    int sizes[][2] = {{80, 24}, {120, 40}, {200, 60}};
    for (int i = 0; i < 3; i++) {
        struct grid g;
        assert_int_equal(grid_init(&g, sizes[i][0], sizes[i][1], 1), 0);
        app_render(&a, &g);
        char *d = grid_dump(&g, "room", 0);
        assert_null(strstr(d, "intranätet"));
        assert_null(strstr(d, "KS 2023-03-14"));
        assert_null(strstr(d, "Anteckning"));
        free(d);
        grid_free(&g);
    }
    tui_app_close(&a);
}

static void screen__help__generated_from_the_key_table(void **st)
{
    (void)st;
    struct app a;
    tui_app_open(&a, path);
    tui_keys(&a, "?");
    tui_golden(&a, "help-80x24", 80, 24, 1, GRID_DUMP_ROLES);
    tui_keys(&a, "<PgDn>");
    tui_golden(&a, "help-80x24-page2", 80, 24, 1, GRID_DUMP_ROLES);
    tui_app_close(&a);
}

static void screen__picker_and_form__80x24(void **st)
{
    (void)st;
    struct app a;
    tui_app_init(&a);
    assert_int_equal(app_start(&a, NULL), 0);
    tui_golden(&a, "picker-80x24", 80, 24, 1, GRID_DUMP_ROLES);
    tui_keys(&a, "n");
    tui_keys(&a, "Region Östergötland<Tab><Right><Tab><Tab>Anna<Tab><Tab><Tab>Per Persson<Tab>CISO");
    tui_golden(&a, "form-80x24", 80, 24, 1, GRID_DUMP_ROLES);
    tui_app_close(&a);
}

static void screen__scale_bank__80x24(void **st)
{
    (void)st;
    struct app a;
    tui_app_open(&a, scale_path);
    tui_golden(&a, "scale-main-80x24", 80, 24, 1, GRID_DUMP_ROLES);
    tui_keys(&a, "r");
    tui_golden(&a, "scale-room-80x24", 80, 24, 1, GRID_DUMP_ROLES);
    tui_app_close(&a);
}

static void screen__plan__80x24_and_120x40(void **st)
{
    (void)st;
    struct app a;
    plan_path = plan_session();
    tui_app_open_in(&a, PLAN_QDIR, plan_path);
    tui_keys(&a, "p");
    tui_golden(&a, "plan-80x24", 80, 24, 1, GRID_DUMP_ROLES);
    tui_golden(&a, "plan-80x24-mono-ascii", 80, 24, 0, GRID_DUMP_MONO);
    tui_golden(&a, "plan-120x40", 120, 40, 1, GRID_DUMP_ROLES);
    tui_golden(&a, "plan-120x40-mono", 120, 40, 1, GRID_DUMP_MONO);
    /* level 4 is longer than a screen: scrolled to the selected item */
    tui_keys(&a, "4<PgDn>");
    tui_golden(&a, "plan-level4-80x24", 80, 24, 1, GRID_DUMP_ROLES);
    /* the actor group's benchmark: its goals first */
    tui_keys(&a, "g");
    tui_golden(&a, "plan-group-80x24", 80, 24, 1, GRID_DUMP_ROLES);
    tui_app_close(&a);
}

static void screen__plan__scale_bank_80x24(void **st)
{
    (void)st;
    struct app a;
    tui_app_open(&a, scale_path);
    tui_keys(&a, "p");
    tui_golden(&a, "scale-plan-80x24", 80, 24, 1, GRID_DUMP_ROLES);
    tui_app_close(&a);
}

static void screen__english__80x24(void **st)
{
    (void)st;
    msg_set_lang(LANG_EN);
    struct app a;
    tui_app_open(&a, path);
    tui_golden(&a, "main-80x24-en", 80, 24, 1, GRID_DUMP_ROLES);
    tui_app_close(&a);
    msg_set_lang(LANG_SV);
}

static void screen__too_small__says_so_instead_of_drawing(void **st)
{
    (void)st;
    struct app a;
    tui_app_open(&a, path);
    tui_golden(&a, "too-small-40x12", 40, 12, 1, GRID_DUMP_ROLES);
    tui_app_close(&a);
}

int main(void)
{
    tui_test_main();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(screen__main__80x24_and_120x40, setup, teardown),
        cmocka_unit_test_setup_teardown(screen__main__blocker_question_and_record_pane,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(screen__note_editor__80x24, setup, teardown),
        cmocka_unit_test_setup_teardown(screen__prompts__evidence_and_jump, setup, teardown),
        cmocka_unit_test_setup_teardown(screen__room__80x24_and_120x40, setup, teardown),
        cmocka_unit_test_setup_teardown(screen__room__shows_no_note_or_evidence, setup, teardown),
        cmocka_unit_test_setup_teardown(screen__help__generated_from_the_key_table, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(screen__picker_and_form__80x24, setup, teardown),
        cmocka_unit_test_setup_teardown(screen__scale_bank__80x24, setup, teardown),
        cmocka_unit_test_setup_teardown(screen__plan__80x24_and_120x40, setup, teardown),
        cmocka_unit_test_setup_teardown(screen__plan__scale_bank_80x24, setup, teardown),
        cmocka_unit_test_setup_teardown(screen__english__80x24, setup, teardown),
        cmocka_unit_test_setup_teardown(screen__too_small__says_so_instead_of_drawing, setup,
                                        teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
