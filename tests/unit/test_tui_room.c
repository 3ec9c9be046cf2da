/* test_tui_room.c: the screens that run the room, as golden text (tests/golden/tui/): the
 * question view and its zoom (question 5's twelve options at 80x24), the levels, the parking
 * lot, the session's records, the room view paging through blockers, the agenda's clocks within
 * and over their plan, what the group decided beside the answer, question labels told apart,
 * the high-contrast theme (colours and monochrome), kollen follow's mirror and the help of each
 * screen. 80x24 and 120x40. KOLLEN_UPDATE_GOLDEN=1 rewrites the files. */
#include "kollen/ops_edit.h"
#include "test_tui_util.h"
#include "theme.h"

static char *path, *big_path;

/* A mini session mid-workshop: answers, a note, what the group decided, a period, a summary,
 * an agenda with time spent, participants and a sitting. */
static char *room_session(void)
{
    struct tui_edit e;
    tui_edit_new(&e, TUI_QDIR, "mini", "room", "Rumskommunen", GROUP_KOMMUN);
    struct session *s = e.s;
    struct diags *d = &e.d;
    answer(e.b, s, 1, "1,2", 1);
    answer(e.b, s, 2, "2", 0);
    assert_int_equal(session_set_note(s, 0, "Anteckning om leverantören Ärlig AB",
                                      TUI_TEST_NOW - 600, d),
                     KL_OK);
    assert_int_equal(session_add_dissent(s, 1, "IT-chefen", "Bara i en förvaltning",
                                         TUI_TEST_NOW - 600, d),
                     KL_OK);
    assert_int_equal(session_set_agreed(s, 0, 1, TUI_TEST_NOW - 600), KL_OK);
    assert_int_equal(session_set_parked(s, 3, 1, "Fråga IT-chefen om övningarna",
                                        TUI_TEST_NOW - 600, d),
                     KL_OK);
    assert_int_equal(session_set_period(s, "2022-05-02", "2024-05-01", d), KL_OK);
    assert_int_equal(session_set_summary(s, "Gruppen var överens om det mesta.\nEn fråga "
                                            "parkerades.",
                                         d),
                     KL_OK);
    assert_int_equal(session_set_text(&s->facilitator, "Anna Ö", SESSION_FIELD_MAX, d), KL_OK);
    assert_int_equal(session_add_participant(s, "Bo Berg", "CISO", d), KL_OK);
    assert_int_equal(session_add_participant(s, "Cia", "IT-chef", d), KL_OK);
    assert_int_equal(session_set_minutes(s, e.b, 60, 1, d), KL_OK);
    session_add_spent(s, 0, 20 * 60 + 15);
    session_add_spent(s, 1, 5 * 60);
    int k;
    assert_int_equal(session_add_sitting(s, TUI_TEST_NOW - 86400, &k, d), KL_OK);
    assert_int_equal(session_end_sitting(s, k, TUI_TEST_NOW - 86400 + 3600), KL_OK);
    assert_int_equal(session_set_present(s, k, 0, 1, d), KL_OK);
    s->cursor = 1;
    s->modified = TUI_TEST_NOW - 600;
    return tui_edit_done(&e);
}

static int setup(void **st)
{
    (void)st;
    tui_test_clock = TUI_TEST_NOW;
    test_tmp_make();
    path = room_session();
    big_path = tui_make_session_in("questions", "infosakkollen-2023", "stor", "Storkommunen",
                                   GROUP_KOMMUN);
    return 0;
}

static int teardown(void **st)
{
    (void)st;
    free(path);
    free(big_path);
    return test_tmp_remove();
}

static void golden_qview__projector_zoom_and_help(void **st)
{
    (void)st;
    struct app a;
    tui_app_open(&a, path);
    tui_keys(&a, "v");
    assert_int_equal(app_top(&a), SCR_QVIEW);
    tui_golden(&a, "qview-80x24", 80, 24, 1, GRID_DUMP_ROLES);
    tui_golden(&a, "qview-80x24-mono-ascii", 80, 24, 0, GRID_DUMP_MONO);
    tui_golden(&a, "qview-120x40", 120, 40, 1, GRID_DUMP_ROLES);
    /* no note and no evidence on the projector */
    char *t = tui_screen_text(&a, 120, 40);
    assert_null(strstr(t, "Ärlig"));
    free(t);
    tui_keys(&a, "<Esc>i");
    tui_golden(&a, "qview-help-80x24", 80, 24, 1, GRID_DUMP_ROLES);
    tui_app_close(&a);
}

static void golden_qview__question_5_reaches_option_12_at_80x24(void **st)
{
    (void)st;
    struct app a;
    tui_app_open_in(&a, "questions", big_path);
    tui_keys(&a, "g5<Enter>z");
    tui_golden(&a, "qview-q5-zoom-80x24", 80, 24, 1, GRID_DUMP_ROLES);
    /* the cursor walks down to option 12 and the view follows it */
    tui_keys(&a, "jjjjjjjjjjj");
    assert_int_equal(tui_main_st(&a)->opt, 11);
    char *t = tui_screen_text(&a, 80, 24);
    assert_non_null(strstr(t, "12  säkerhetskrav på och kontroll av utkontrakterad it-drift"));
    free(t);
    tui_keys(&a, "G");
    tui_golden(&a, "qview-q5-zoom-end-80x24", 80, 24, 1, GRID_DUMP_ROLES);
    tui_app_close(&a);
}

static void golden_levels__80x24_and_120x40(void **st)
{
    (void)st;
    struct app a;
    tui_app_open(&a, path);
    tui_keys(&a, "N");
    tui_golden(&a, "levels-80x24", 80, 24, 1, GRID_DUMP_ROLES);
    tui_golden(&a, "levels-120x40", 120, 40, 1, GRID_DUMP_ROLES);
    tui_app_close(&a);
    tui_app_open_in(&a, "questions", big_path);
    tui_keys(&a, "g21<Enter>N");
    tui_golden(&a, "levels-infosak-120x40", 120, 40, 1, GRID_DUMP_ROLES);
    tui_keys(&a, "G");
    /* the share band question: each band counts two actions */
    char *t = tui_screen_text(&a, 120, 40);
    assert_non_null(strstr(t, "Varje steg (band) uppåt räknas som 2 åtgärder"));
    assert_non_null(strstr(t, "minst en åtgärd på var och en av frågorna 1–15"));
    free(t);
    tui_app_close(&a);
}

/* A scale bank: the levels are means; the question view has no rule to word. */
static void golden_scale_bank__levels_and_question_view(void **st)
{
    (void)st;
    char *p = tui_make_session("miniscale", "skala", "Skalmyndigheten");
    struct app a;
    tui_app_open(&a, p);
    tui_keys(&a, "3N");
    tui_golden(&a, "levels-scale-80x24", 80, 24, 1, GRID_DUMP_ROLES);
    tui_keys(&a, "<Esc>v");
    tui_golden(&a, "qview-scale-80x24", 80, 24, 1, GRID_DUMP_ROLES);
    tui_app_close(&a);
    free(p);
}

static void golden_parked_and_records__80x24(void **st)
{
    (void)st;
    struct app a;
    tui_app_open(&a, path);
    tui_keys(&a, "L");
    tui_golden(&a, "parked-80x24", 80, 24, 1, GRID_DUMP_ROLES);
    tui_keys(&a, "<Esc>s");
    tui_golden(&a, "records-80x24", 80, 24, 1, GRID_DUMP_ROLES);
    tui_keys(&a, "G");
    tui_golden(&a, "records-end-80x24", 80, 24, 1, GRID_DUMP_ROLES);
    tui_golden(&a, "records-120x40", 120, 40, 1, GRID_DUMP_ROLES);
    tui_app_close(&a);
}

static void golden_room__pages_of_blockers_and_the_parking_lot(void **st)
{
    (void)st;
    struct app a;
    tui_app_open_in(&a, "questions", big_path);
    tui_keys(&a, "r");
    tui_golden(&a, "room-infosak-80x24", 80, 24, 1, GRID_DUMP_ROLES);
    tui_keys(&a, "<PgDn>");
    tui_golden(&a, "room-infosak-80x24-page2", 80, 24, 1, GRID_DUMP_ROLES);
    tui_golden(&a, "room-infosak-120x40", 120, 40, 1, GRID_DUMP_ROLES);
    /* every blocker is on some page, none hidden behind "N more" */
    tui_keys(&a, "<Home>");
    int seen[41] = {0};
    for (int page = 0; page < 5; page++) {
        char *t = tui_screen_text(&a, 80, 24);
        for (int i = 0; i < a.w->sc.n_blockers; i++) {
            char num[32];
            snprintf(num, sizeof num, "\n %4d  ",
                     a.w->bank->questions[a.w->sc.blockers[i].question].number);
            if (strstr(t, num))
                seen[a.w->bank->questions[a.w->sc.blockers[i].question].number] = 1;
        }
        free(t);
        tui_keys(&a, "<PgDn>");
    }
    for (int i = 0; i < a.w->sc.n_blockers; i++)
        assert_true(seen[a.w->bank->questions[a.w->sc.blockers[i].question].number]);
    tui_app_close(&a);
    tui_app_open(&a, path);
    tui_keys(&a, "r");
    tui_golden(&a, "room-parked-80x24", 80, 24, 1, GRID_DUMP_ROLES);
    tui_app_close(&a);
}

static void golden_clock__within_and_over_the_plan(void **st)
{
    (void)st;
    struct app a;
    tui_app_open(&a, path);
    /* alfa: 24 min planned, 20:15 spent before; 3 minutes more in this run */
    tui_test_clock += 180;
    app_key(&a, TK_TICK);
    tui_golden(&a, "main-clock-80x24", 80, 24, 1, GRID_DUMP_ROLES);
    tui_golden(&a, "main-clock-120x40", 120, 40, 1, GRID_DUMP_ROLES);
    tui_test_clock += 300; /* 28:15 of 24: over, in words and colour */
    app_key(&a, TK_TICK);
    tui_golden(&a, "main-clock-over-80x24", 80, 24, 1, GRID_DUMP_ROLES);
    tui_golden(&a, "main-clock-over-80x24-mono", 80, 24, 1, GRID_DUMP_MONO);
    tui_app_close(&a);
    tui_test_clock = TUI_TEST_NOW;
}

static void golden_decided__beside_the_answer(void **st)
{
    (void)st;
    struct app a;
    tui_app_open(&a, path);
    tui_keys(&a, "g2<Enter>");
    tui_golden(&a, "main-disputed-80x24", 80, 24, 1, GRID_DUMP_ROLES);
    tui_keys(&a, "A<Tab>jj");
    tui_golden(&a, "main-reservation-record-80x24", 80, 24, 1, GRID_DUMP_ROLES);
    tui_keys(&a, "<Esc>g4<Enter>");
    tui_golden(&a, "main-parked-80x24", 80, 24, 1, GRID_DUMP_ROLES);
    tui_app_close(&a);
}

static void golden_labels__questions_21_and_22_told_apart(void **st)
{
    (void)st;
    struct app a;
    tui_app_open_in(&a, "questions", big_path);
    tui_keys(&a, "g21<Enter>");
    tui_golden(&a, "main-q21-80x24", 80, 24, 1, GRID_DUMP_ROLES);
    char *t = tui_screen_text(&a, 80, 24);
    assert_non_null(strstr(t, "Andel…med kontin…"));
    assert_non_null(strstr(t, "Andel…där incide…"));
    free(t);
    tui_app_close(&a);
}

static void golden_theme__high_contrast_in_colour_and_monochrome(void **st)
{
    (void)st;
    struct app a;
    tui_app_open(&a, path);
    tui_keys(&a, "T");
    assert_int_equal(a.theme, THEME_CONTRAST);
    tui_golden(&a, "main-80x24-kontrast", 80, 24, 1, GRID_DUMP_ROLES | GRID_DUMP_PALETTE);
    tui_golden(&a, "main-80x24-kontrast-mono", 80, 24, 1, GRID_DUMP_MONO | GRID_DUMP_PALETTE);
    tui_keys(&a, "r");
    tui_golden(&a, "room-120x40-kontrast", 120, 40, 1, GRID_DUMP_ROLES | GRID_DUMP_PALETTE);
    tui_keys(&a, "rv");
    tui_golden(&a, "qview-120x40-kontrast", 120, 40, 1, GRID_DUMP_ROLES | GRID_DUMP_PALETTE);
    /* and the standard theme's palette, for comparison */
    tui_keys(&a, "T");
    tui_golden(&a, "qview-120x40-standard", 120, 40, 1, GRID_DUMP_ROLES | GRID_DUMP_PALETTE);
    tui_app_close(&a);
}

/* The projector's theme: light on black; no blue, nothing dim, in colour or monochrome. */
static void theme__contrast__no_blue_nothing_dim_black_behind(void **st)
{
    (void)st;
    for (int r = 0; r < R_COUNT; r++) {
        const struct role_style *c = theme_style(THEME_CONTRAST, r);
        assert_int_not_equal(c->fg, C_BLUE);
        assert_int_not_equal(c->bg, C_BLUE);
        assert_int_not_equal(c->fg, c->bg);
        assert_false(c->mono & AT_DIM);
        assert_int_equal(c->letter, theme_role(r)->letter);
        assert_true(c->bg == C_BLACK || c->fg == C_BLACK); /* black behind, or black on light */
    }
    assert_int_equal(theme_find("kontrast"), THEME_CONTRAST);
    assert_int_equal(theme_find("standard"), THEME_STANDARD);
    assert_int_equal(theme_find("neon"), -1);
    assert_string_equal(theme_name(THEME_CONTRAST), "kontrast");
}

static void golden_follow__the_mirror_at_80x24(void **st)
{
    (void)st;
    struct app a;
    struct tui_options o = {"tests/fixtures/good", test_tmp, NULL, tui_test_now, NULL, 1, 0};
    assert_int_equal(app_init(&a, &o, 1), 0);
    assert_int_equal(app_start(&a, path), 0);
    assert_int_equal(app_top(&a), SCR_ROOM);
    assert_true(a.w->read_only);
    tui_golden(&a, "follow-room-80x24", 80, 24, 1, GRID_DUMP_ROLES);
    tui_keys(&a, "v");
    assert_int_equal(app_top(&a), SCR_QVIEW);
    tui_golden(&a, "follow-qview-80x24", 80, 24, 1, GRID_DUMP_ROLES);
    tui_keys(&a, "?");
    tui_golden(&a, "help-follow-80x24", 80, 24, 1, GRID_DUMP_ROLES);
    tui_app_close(&a);
}

static void golden_help__each_screen_its_own_keys(void **st)
{
    (void)st;
    struct app a;
    tui_app_open(&a, path);
    tui_keys(&a, "n<F1>");
    tui_golden(&a, "help-note-80x24", 80, 24, 1, GRID_DUMP_ROLES);
    tui_keys(&a, "<Esc><Esc>e<F1>");
    tui_golden(&a, "help-line-80x24", 80, 24, 1, GRID_DUMP_ROLES);
    tui_keys(&a, "<Esc><Esc>v?");
    tui_golden(&a, "help-qview-80x24", 80, 24, 1, GRID_DUMP_ROLES);
    tui_app_close(&a);
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void)
{
    tui_test_main();
    const struct CMUnitTest tests[] = {
        T(golden_qview__projector_zoom_and_help),
        T(golden_qview__question_5_reaches_option_12_at_80x24),
        T(golden_levels__80x24_and_120x40),
        T(golden_scale_bank__levels_and_question_view),
        T(golden_parked_and_records__80x24),
        T(golden_room__pages_of_blockers_and_the_parking_lot),
        T(golden_clock__within_and_over_the_plan),
        T(golden_decided__beside_the_answer),
        T(golden_labels__questions_21_and_22_told_apart),
        T(golden_theme__high_contrast_in_colour_and_monochrome),
        cmocka_unit_test(theme__contrast__no_blue_nothing_dim_black_behind),
        T(golden_follow__the_mirror_at_80x24),
        T(golden_help__each_screen_its_own_keys),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
