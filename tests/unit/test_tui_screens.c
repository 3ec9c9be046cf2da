/* test_tui_screens.c: every screen rendered into the in-memory grid and compared with golden
 * text in tests/golden/tui/ (text, then the role of every cell, or its monochrome attributes),
 * at 80x24 and 120x40, colour and monochrome, UTF-8 and ASCII. KOLLEN_UPDATE_GOLDEN=1
 * rewrites the files (review the diff before committing); any difference fails. */
#include "test_tui_util.h"

#define GOLDEN_DIR "tests/golden/tui"

static char *path, *scale_path, *plan_path;

#define PLAN_QDIR "tests/fixtures/report"

static void set(const struct bank *b, struct session *s, int n, const char *value, int doc)
{
    int qi = bank_find_question(b, n);
    assert_true(qi >= 0);
    struct diags d;
    diags_init(&d);
    assert_int_equal(answer_parse(&b->questions[qi], value, &s->answers[qi], &d), KL_OK);
    diags_free(&d);
    s->answers[qi].documented = doc;
    s->answers[qi].changed = TUI_TEST_NOW - 600;
}

/* A session in the middle of a workshop: some answers, a note with Swedish letters, a wide
 * character and a control character, evidence, and the cursor on question 1. */
static char *workshop_session(void)
{
    char *p = tui_make_session("mini", "workshop", "Exempelkommunen");
    struct bank *b = load_fixture_bank("mini");
    struct diags d;
    diags_init(&d);
    struct session *s = NULL;
    assert_int_equal(session_load(p, b, &s, &d), KL_OK);
    set(b, s, 1, "1,2", 1);
    set(b, s, 2, "2", 0);
    assert_int_equal(session_set_note(s, 0, "Beslutad i KS 2023; kommunicerad på intranätet.\n"
                                            "Uppföljning saknas: åäö ÅÄÖ 漢字 \x1b[31mröd",
                                      TUI_TEST_NOW - 600, &d),
                     KL_OK);
    assert_int_equal(session_add_evidence(s, 0, "KS 2023-03-14 §42", TUI_TEST_NOW - 600, &d),
                     KL_OK);
    assert_int_equal(session_set_text(&s->facilitator, "Anna Ö", SESSION_FIELD_MAX, &d), KL_OK);
    s->cursor = 1;
    s->modified = TUI_TEST_NOW - 600;
    assert_int_equal(session_save(p, b, s, 0, &d), KL_OK);
    diags_free(&d);
    session_free(s);
    bank_free(b);
    return p;
}

static char *scale_session(void)
{
    char *p = tui_make_session("miniscale", "skala", "Exempelmyndigheten");
    struct bank *b = load_fixture_bank("miniscale");
    struct diags d;
    diags_init(&d);
    struct session *s = NULL;
    assert_int_equal(session_load(p, b, &s, &d), KL_OK);
    set(b, s, 1, "3", 0);
    set(b, s, 3, "2", 0);
    s->modified = TUI_TEST_NOW - 300;
    assert_int_equal(session_save(p, b, s, 0, &d), KL_OK);
    diags_free(&d);
    session_free(s);
    bank_free(b);
    return p;
}

/* A session on the plan fixture bank (it has an MSBFS target and benchmarks): level 1 met,
 * question 3 only partly, the rest not discussed; a note and evidence the plan must not show;
 * question 4's step tracked (owner, due date, started). */
static char *plan_session(void)
{
    char *p = tui_make_session_in(PLAN_QDIR, "rapport", "plan", "Planstad kommun", GROUP_KOMMUN);
    struct diags d;
    diags_init(&d);
    struct bank *b = NULL;
    assert_int_equal(bank_load_id(PLAN_QDIR, "rapport", &b, &d), KL_OK);
    struct session *s = NULL;
    assert_int_equal(session_load(p, b, &s, &d), KL_OK);
    set(b, s, 1, "1,2", 0);
    set(b, s, 2, "2", 0);
    set(b, s, 3, "1", 0);
    assert_int_equal(session_set_note(s, 0, "Hemligt: brandväggen saknas", TUI_TEST_NOW - 600, &d),
                     KL_OK);
    assert_int_equal(session_add_evidence(s, 0, "Protokoll KS §9", TUI_TEST_NOW - 600, &d), KL_OK);
    /* a step tracked between workshops (kollen plan --assign/--status): shown on its item */
    assert_int_equal(session_set_step(s, bank_find_question(b, 4), "Bo Berg", "2024-09-30",
                                      STEP_STARTED, TUI_TEST_NOW - 600, &d),
                     KL_OK);
    s->cursor = 4;
    s->modified = TUI_TEST_NOW - 600;
    assert_int_equal(session_save(p, b, s, 0, &d), KL_OK);
    diags_free(&d);
    session_free(s);
    bank_free(b);
    return p;
}

static int setup(void **st)
{
    (void)st;
    tui_tmp_make("tui-screens");
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
    tui_tmp_remove();
    return 0;
}

/* Replace every occurrence of the temporary folder's name with TMP. */
static char *scrub(const char *s)
{
    struct sbuf o;
    sbuf_init(&o);
    size_t n = strlen(tui_tmp);
    for (const char *p = s; *p;) {
        if (!strncmp(p, tui_tmp, n)) {
            sbuf_add(&o, "TMP");
            p += n;
        } else {
            sbuf_addc(&o, *p++);
        }
    }
    return sbuf_take(&o);
}

static void golden(struct app *a, const char *name, int cols, int rows, int utf8, int layers)
{
    struct grid g;
    assert_int_equal(grid_init(&g, cols, rows, utf8), 0);
    a->utf8 = utf8;
    app_render(a, &g);
    char title[128];
    snprintf(title, sizeof title, "%s %s %s", name, layers == GRID_DUMP_MONO ? "mono" : "colour",
             utf8 ? "utf8" : "ascii");
    char *raw = grid_dump(&g, title, layers);
    assert_non_null(raw);
    char *got = scrub(raw);
    free(raw);
    grid_free(&g);
    char file[256];
    snprintf(file, sizeof file, GOLDEN_DIR "/%s.txt", name);
    if (getenv("KOLLEN_UPDATE_GOLDEN") && *getenv("KOLLEN_UPDATE_GOLDEN")) {
        FILE *f = fopen(file, "w");
        assert_non_null(f);
        fputs(got, f);
        fclose(f);
    }
    char *want = tui_read_file(file);
    if (!want) {
        free(got);
        fail_msg("%s is missing (KOLLEN_UPDATE_GOLDEN=1 writes it)", file);
        return;
    }
    if (strcmp(want, got)) {
        char tmp[300];
        snprintf(tmp, sizeof tmp, "%s/%s.actual", tui_tmp, name);
        FILE *f = fopen(tmp, "w");
        if (f) {
            fputs(got, f);
            fclose(f);
            char cmd[700];
            snprintf(cmd, sizeof cmd, "diff -u '%s' '%s' | head -n 40 >&2", file, tmp);
            if (system(cmd)) {
                /* diff exits 1 on a difference; the failure below says so */
            }
        }
        free(want);
        free(got);
        fail_msg("the screen differs from %s", file);
        return;
    }
    free(want);
    free(got);
}

static void open_at(struct app *a, const char *p)
{
    tui_app_init(a);
    char why[600];
    assert_int_equal(app_open(a, p, 0, why, sizeof why), 0);
}

static void close_app(struct app *a)
{
    app_shutdown(a);
    app_free(a);
}

static void screen__main__80x24_and_120x40(void **st)
{
    (void)st;
    struct app a;
    open_at(&a, path);
    golden(&a, "main-80x24", 80, 24, 1, GRID_DUMP_ROLES);
    golden(&a, "main-80x24-mono-ascii", 80, 24, 0, GRID_DUMP_MONO);
    golden(&a, "main-120x40", 120, 40, 1, GRID_DUMP_ROLES);
    golden(&a, "main-120x40-mono", 120, 40, 1, GRID_DUMP_MONO);
    golden(&a, "main-70x20", 70, 20, 1, GRID_DUMP_ROLES);
    close_app(&a);
}

static void screen__main__blocker_question_and_record_pane(void **st)
{
    (void)st;
    struct app a;
    open_at(&a, path);
    /* question 3 blocks level 2 here; the record pane of question 1 with its reference */
    tui_keys(&a, "b");
    golden(&a, "main-blocker-80x24", 80, 24, 1, GRID_DUMP_ROLES);
    tui_keys(&a, "g1<Enter><Tab>j");
    golden(&a, "main-record-80x24", 80, 24, 1, GRID_DUMP_ROLES);
    close_app(&a);
}

static void screen__note_editor__80x24(void **st)
{
    (void)st;
    struct app a;
    open_at(&a, path);
    tui_keys(&a, "n<Up><End> och mer");
    golden(&a, "note-80x24", 80, 24, 1, GRID_DUMP_ROLES);
    tui_keys(&a, "<Esc>");
    close_app(&a);
}

static void screen__prompts__evidence_and_jump(void **st)
{
    (void)st;
    struct app a;
    open_at(&a, path);
    tui_keys(&a, "eProtokoll 2024-01-15 ");
    golden(&a, "prompt-evidence-80x24", 80, 24, 1, GRID_DUMP_ROLES);
    tui_keys(&a, "<Esc>g7");
    golden(&a, "prompt-jump-80x24", 80, 24, 0, GRID_DUMP_MONO);
    close_app(&a);
}

static void screen__room__80x24_and_120x40(void **st)
{
    (void)st;
    struct app a;
    open_at(&a, path);
    tui_keys(&a, "r");
    golden(&a, "room-80x24", 80, 24, 1, GRID_DUMP_ROLES);
    golden(&a, "room-80x24-mono-ascii", 80, 24, 0, GRID_DUMP_MONO);
    golden(&a, "room-120x40", 120, 40, 1, GRID_DUMP_ROLES);
    close_app(&a);
}

static void screen__room__shows_no_note_or_evidence(void **st)
{
    (void)st;
    struct app a;
    open_at(&a, path);
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
    close_app(&a);
}

static void screen__help__generated_from_the_key_table(void **st)
{
    (void)st;
    struct app a;
    open_at(&a, path);
    tui_keys(&a, "?");
    golden(&a, "help-80x24", 80, 24, 1, GRID_DUMP_ROLES);
    tui_keys(&a, "<PgDn>");
    golden(&a, "help-80x24-page2", 80, 24, 1, GRID_DUMP_ROLES);
    close_app(&a);
}

static void screen__picker_and_form__80x24(void **st)
{
    (void)st;
    struct app a;
    tui_app_init(&a);
    assert_int_equal(app_start(&a, NULL), 0);
    golden(&a, "picker-80x24", 80, 24, 1, GRID_DUMP_ROLES);
    tui_keys(&a, "n");
    tui_keys(&a, "Region Östergötland<Tab><Right><Tab><Tab>Anna<Tab><Tab><Tab>Per Persson<Tab>CISO");
    golden(&a, "form-80x24", 80, 24, 1, GRID_DUMP_ROLES);
    close_app(&a);
}

static void screen__scale_bank__80x24(void **st)
{
    (void)st;
    struct app a;
    open_at(&a, scale_path);
    golden(&a, "scale-main-80x24", 80, 24, 1, GRID_DUMP_ROLES);
    tui_keys(&a, "r");
    golden(&a, "scale-room-80x24", 80, 24, 1, GRID_DUMP_ROLES);
    close_app(&a);
}

static void screen__plan__80x24_and_120x40(void **st)
{
    (void)st;
    struct app a;
    plan_path = plan_session();
    tui_app_open_in(&a, PLAN_QDIR, plan_path);
    tui_keys(&a, "p");
    golden(&a, "plan-80x24", 80, 24, 1, GRID_DUMP_ROLES);
    golden(&a, "plan-80x24-mono-ascii", 80, 24, 0, GRID_DUMP_MONO);
    golden(&a, "plan-120x40", 120, 40, 1, GRID_DUMP_ROLES);
    golden(&a, "plan-120x40-mono", 120, 40, 1, GRID_DUMP_MONO);
    /* level 4 is longer than a screen: scrolled to the selected item */
    tui_keys(&a, "4<PgDn>");
    golden(&a, "plan-level4-80x24", 80, 24, 1, GRID_DUMP_ROLES);
    /* the actor group's benchmark: its goals first */
    tui_keys(&a, "g");
    golden(&a, "plan-group-80x24", 80, 24, 1, GRID_DUMP_ROLES);
    close_app(&a);
}

static void screen__plan__scale_bank_80x24(void **st)
{
    (void)st;
    struct app a;
    open_at(&a, scale_path);
    tui_keys(&a, "p");
    golden(&a, "scale-plan-80x24", 80, 24, 1, GRID_DUMP_ROLES);
    close_app(&a);
}

static void screen__english__80x24(void **st)
{
    (void)st;
    msg_set_lang(LANG_EN);
    struct app a;
    open_at(&a, path);
    golden(&a, "main-80x24-en", 80, 24, 1, GRID_DUMP_ROLES);
    close_app(&a);
    msg_set_lang(LANG_SV);
}

static void screen__too_small__says_so_instead_of_drawing(void **st)
{
    (void)st;
    struct app a;
    open_at(&a, path);
    golden(&a, "too-small-40x12", 40, 12, 1, GRID_DUMP_ROLES);
    close_app(&a);
}

int main(void)
{
    setlocale(LC_ALL, "C.UTF-8");
    setenv("TZ", "UTC", 1);
    tzset();
    msg_set_lang(LANG_SV);
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
