/* test_tui_inject.c: terminal injection. A bank whose question, short text, option, help and
 * area name, and a session whose organisation, facilitator, participant, note and evidence
 * (and dissent, park reason, summary, period) hold ESC ] 0 ; pwned BEL, ESC [ 2 J, a C1 CSI
 * (U+009B) and a bidi override (U+202E): every screen (picker, form, main with each pane, the
 * question view with the help text, levels, parking lot, session records, room, help, plan for
 * every target, note editor, prompts, confirm) is rendered into the grid at 80x24 and 120x40, UTF-8
 * and ASCII, and no cell may hold a control character (text_is_control: C0, DEL, C1, bidi
 * overrides and isolates, line and paragraph separators) or invalid UTF-8. The tmux side (the
 * raw bytes on the terminal, the window title) is tests/sh/tui_reliability.sh. */
#include "test_tui_util.h"

/* what every text holds, raw and as a bank file writes it (percent-encoded) */
#define EVIL "Ond \x1b]0;pwned\x07 \x1b[2J \xc2\x9b" "31m \xe2\x80\xae" "slut"
#define EVIL_INI "Ond %1B]0%3Bpwned%07 %1B[2J %C2%9B31m %E2%80%AEslut"

static char qdir[300], *path;

/* tests/fixtures/good/mini with EVIL_INI in its texts, as test_tmp/q/mini */
static void evil_bank(void)
{
    char dir[400];
    snprintf(qdir, sizeof qdir, "%s/q", test_tmp);
    snprintf(dir, sizeof dir, "%s/mini", qdir);
    assert_int_equal(mkdir(qdir, 0700), 0);
    assert_int_equal(mkdir(dir, 0700), 0);
    const char *files[] = {"bank.ini", "areas.ini", "questions.ini"};
    for (int i = 0; i < 3; i++) {
        char src[200];
        snprintf(src, sizeof src, "tests/fixtures/good/mini/%s", files[i]);
        char *t = test_read_file(src, NULL);
        assert_non_null(t);
        struct sbuf o;
        sbuf_init(&o);
        /* each line that names something people read gets the hostile text added */
        for (char *line = t; *line;) {
            char *nl = strchr(line, '\n');
            size_t n = nl ? (size_t)(nl - line) : strlen(line);
            sbuf_addn(&o, line, n);
            if (!strncmp(line, "text = ", 7) || !strncmp(line, "short = ", 8) ||
                !strncmp(line, "help = ", 7) || !strncmp(line, "name = ", 7) ||
                (!strncmp(line, "option.", 7) && memchr(line, '=', n) &&
                 !memchr(line, ';', n) && !strstr(line, ".actions") && !strstr(line, ".points")))
                sbuf_add(&o, " " EVIL_INI);
            sbuf_addc(&o, '\n');
            line += n + (nl ? 1 : 0);
        }
        test_write_in(dir, files[i], o.p);
        sbuf_free(&o);
        free(t);
    }
}

static int setup(void **st)
{
    (void)st;
    test_tmp_make();
    evil_bank();
    struct bank *b = load_bank_in(qdir, "mini");
    struct diags d;
    diags_init(&d);
    assert_non_null(strstr(b->questions[0].text, "\x1b]0;pwned")); /* the bank holds it */
    struct session *s = session_new(b, EVIL, GROUP_KOMMUN, "2024-05-02", TUI_TEST_NOW - 3600);
    assert_non_null(s);
    assert_int_equal(session_set_text(&s->facilitator, EVIL, SESSION_FIELD_MAX, &d), KL_OK);
    assert_int_equal(session_add_participant(s, EVIL, EVIL, &d), KL_OK);
    assert_int_equal(session_set_note(s, 0, EVIL "\n" EVIL, TUI_TEST_NOW - 600, &d), KL_OK);
    assert_int_equal(session_add_evidence(s, 0, EVIL, TUI_TEST_NOW - 600, &d), KL_OK);
    s->answers[0].answered = 1;
    s->answers[0].ticks = 1;
    assert_int_equal(session_add_dissent(s, 0, EVIL, EVIL, TUI_TEST_NOW - 600, &d), KL_OK);
    assert_int_equal(session_set_parked(s, 0, 1, EVIL, TUI_TEST_NOW - 600, &d), KL_OK);
    assert_int_equal(session_set_summary(s, EVIL "\n" EVIL, &d), KL_OK);
    s->cursor = 1;
    path = test_tmp_path("evil.ini");
    assert_int_equal(session_save(path, b, s, 1, &d), KL_OK);
    /* a file the picker cannot read, whose error quotes hostile text */
    test_write_in(test_tmp, "broken.ini", "[session]\nformat = 1\nbank = " EVIL_INI "\n");
    diags_free(&d);
    session_free(s);
    bank_free(b);
    return 0;
}

static int teardown(void **st)
{
    (void)st;
    free(path);
    return test_tmp_remove();
}

static int screens_checked;

/* Render the app's current screen at every size and glyph set; no cell holds a control
 * character or bytes that are not UTF-8. */
static void no_controls(struct app *a, const char *what)
{
    const int sizes[][2] = {{80, 24}, {120, 40}};
    for (int si = 0; si < 2; si++)
        for (int utf8 = 0; utf8 < 2; utf8++) {
            struct grid g;
            assert_int_equal(grid_init(&g, sizes[si][0], sizes[si][1], utf8), 0);
            a->utf8 = utf8;
            app_render(a, &g);
            for (int y = 0; y < g.rows; y++)
                for (int x = 0; x < g.cols; x++) {
                    const char *s = grid_cell(&g, x, y)->g;
                    size_t n = strlen(s);
                    for (size_t i = 0; i < n;) {
                        uint32_t cp;
                        size_t k = utf8_decode(s + i, n - i, &cp);
                        if (!k || text_is_control(cp))
                            fail_msg("%s at %dx%d%s: cell (%d, %d) holds U+%04X", what,
                                     g.cols, g.rows, utf8 ? "" : " ascii", x, y,
                                     k ? (unsigned)cp : 0xFFFFu);
                        i += k ? k : 1;
                    }
                }
            grid_free(&g);
            screens_checked++;
        }
    a->utf8 = 1;
}

static void inject__every_screen__no_control_character_in_any_cell(void **st)
{
    (void)st;
    struct app a;
    tui_app_open_in(&a, qdir, path);
    /* the data is there to be shown: the visible part of the organisation reaches the grid */
    struct grid g;
    assert_int_equal(grid_init(&g, 120, 40, 1), 0);
    app_render(&a, &g);
    char row[1024];
    grid_row_text(&g, 0, row, sizeof row);
    assert_non_null(strstr(row, "Ond ]0;pwned [2J 31m slut"));
    grid_free(&g);

    no_controls(&a, "main");
    tui_keys(&a, "i");
    assert_int_equal(app_top(&a), SCR_QVIEW);
    no_controls(&a, "question view with the help text");
    tui_keys(&a, "<Esc>N");
    no_controls(&a, "levels");
    tui_keys(&a, "<Esc>L");
    no_controls(&a, "parking lot");
    tui_keys(&a, "<Esc>s");
    no_controls(&a, "session records");
    tui_keys(&a, "<End>");
    no_controls(&a, "session records, the end");
    tui_keys(&a, "<Esc>D");
    no_controls(&a, "dissent prompt");
    tui_keys(&a, "<Esc>");
    for (int pane = 0; pane < PANE_COUNT; pane++) {
        tui_keys(&a, "<Tab>");
        no_controls(&a, "main, each pane");
    }
    tui_keys(&a, "<Tab>j"); /* the record pane, the evidence selected */
    assert_int_equal(tui_main_st(&a)->pane, PANE_RECORD);
    no_controls(&a, "record pane");
    tui_keys(&a, "<Esc>r");
    no_controls(&a, "room");
    tui_keys(&a, "?");
    for (int page = 0; page < 4; page++) {
        no_controls(&a, "help");
        tui_keys(&a, "<PgDn>");
    }
    tui_keys(&a, "<Esc><Esc>");
    assert_int_equal(app_top(&a), SCR_MAIN);
    tui_keys(&a, "p");
    const char *targets[] = {"n", "1", "2", "3", "<Tab>", "G"};
    for (int t = 0; t < 6; t++) {
        tui_keys(&a, targets[t]);
        no_controls(&a, "plan");
    }
    tui_keys(&a, "<Enter>");
    assert_int_equal(app_top(&a), SCR_MAIN);
    tui_keys(&a, "g1<Enter>n"); /* question 1 holds the note and the evidence */
    assert_int_equal(app_top(&a), SCR_NOTE);
    no_controls(&a, "note editor");
    tui_keys(&a, "<Down><End>");
    no_controls(&a, "note editor, cursor at the end");
    tui_keys(&a, "<Esc><Tab>j<Enter>"); /* the record pane: edit the evidence reference */
    assert_int_equal(app_top(&a), SCR_LINE);
    no_controls(&a, "evidence prompt");
    tui_keys(&a, "<Esc>");

    /* a second TUI on the same session: offered read-only, the holder named */
    struct app b;
    tui_app_init_in(&b, qdir);
    char why[600];
    assert_int_equal(app_open(&b, path, 0, why, sizeof why), 1);
    no_controls(&b, "confirm");
    tui_keys(&b, "j");
    no_controls(&b, "read-only main");
    tui_app_close(&b);
    tui_app_close(&a);
}

static void inject__picker_and_form__no_control_character_in_any_cell(void **st)
{
    (void)st;
    struct app a;
    tui_app_init_in(&a, qdir);
    assert_int_equal(app_start(&a, NULL), 0);
    assert_int_equal(app_top(&a), SCR_PICKER);
    assert_true(tui_picker_st(&a)->list.n >= 2); /* the hostile session and the broken file */
    no_controls(&a, "picker");
    tui_keys(&a, "n");
    assert_int_equal(app_top(&a), SCR_FORM);
    /* C1 CSI and a bidi override typed as text: kept as data, never drawn raw */
    const int typed[] = {'X', 0x9B, '2', 'J', 0x202E, 0x2066, 0x85, 'Y'};
    for (size_t i = 0; i < sizeof typed / sizeof typed[0]; i++)
        app_key(&a, typed[i]);
    no_controls(&a, "form");
    tui_app_close(&a);
}

static void inject__screens_checked(void **st)
{
    (void)st;
    assert_true(screens_checked >= 30 * 4); /* 30 screens, 2 sizes, UTF-8 and ASCII */
}

int main(void)
{
    tui_test_main();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(inject__every_screen__no_control_character_in_any_cell,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(inject__picker_and_form__no_control_character_in_any_cell,
                                        setup, teardown),
        cmocka_unit_test(inject__screens_checked),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
