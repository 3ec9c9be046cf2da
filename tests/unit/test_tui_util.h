/* test_tui_util.h: helpers for the TUI drivers: a temporary sessions folder, a fixed clock,
 * an app on a fixture session, scripted keys and golden screens. Header-only, static. */
#ifndef KOLLEN_TEST_TUI_UTIL_H
#define KOLLEN_TEST_TUI_UTIL_H

#include <locale.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "app.h"
#include "grid.h"
#include "kollen/msg.h"
#include "kollen/ops_msg.h"
#include "kollen/ops_plan.h"
#include "kollen/text.h"
#include "screen_main.h"
#include "screen_picker.h"
#include "screen_plan.h"
#include "screen_prompt.h"
#include "script.h"
#include "testutil.h"

/* Each screen's own state (screens.h). */
static inline struct main_state *tui_main_st(struct app *a)
{
    return app_state(a, SCR_MAIN);
}

static inline struct plan_state *tui_plan_st(struct app *a)
{
    return app_state(a, SCR_PLAN);
}

static inline struct picker_state *tui_picker_st(struct app *a)
{
    return app_state(a, SCR_PICKER);
}

static inline struct form_state *tui_form_st(struct app *a)
{
    return app_state(a, SCR_FORM);
}

static inline struct confirm_state *tui_confirm_st(struct app *a)
{
    return app_state(a, SCR_CONFIRM);
}

/* 2024-05-02 09:30:00 UTC: screens show times, so tests fix the clock (and TZ=UTC). */
#define TUI_TEST_NOW 1714642200
static int64_t tui_test_clock = TUI_TEST_NOW;

static inline int64_t tui_test_now(void)
{
    return tui_test_clock;
}

/* What each TUI driver's main does first: the goldens are drawn in UTF-8, UTC and Swedish. */
static inline void tui_test_main(void)
{
    setlocale(LC_ALL, "C.UTF-8");
    setenv("TZ", "UTC", 1);
    tzset();
    msg_set_lang(LANG_SV);
}

#define TUI_QDIR "tests/fixtures/good"

/* A session of bank_id in questions folder qdir (the fixtures, the plan fixture, the shipped
 * banks), saved as test_tmp/name.ini; returns its path (caller frees). */
static inline char *tui_make_session_in(const char *qdir, const char *bank_id, const char *name,
                                        const char *org, enum actor_group group)
{
    struct bank *b = load_bank_in(qdir, bank_id);
    struct session *s = session_new(b, org, group, "2024-05-02", TUI_TEST_NOW - 3600);
    assert_non_null(s);
    struct sbuf p;
    sbuf_init(&p);
    sbuf_addf(&p, "%s/%s.ini", test_tmp, name);
    char *path = sbuf_take(&p);
    struct diags d;
    diags_init(&d);
    assert_int_equal(session_save(path, b, s, 1, &d), KL_OK);
    diags_free(&d);
    session_free(s);
    bank_free(b);
    return path;
}

/* A session of fixture bank bank_id for a kommun, saved as test_tmp/name.ini (caller frees). */
static inline char *tui_make_session(const char *bank_id, const char *name, const char *org)
{
    return tui_make_session_in(TUI_QDIR, bank_id, name, org, GROUP_KOMMUN);
}

/* A session made as tui_make_session_in makes it and loaded again for a test to fill in; the
 * test changes e->s and saves it with tui_edit_done. */
struct tui_edit {
    struct bank *b;
    struct session *s;
    struct diags d;
    char *path;
};

static inline void tui_edit_new(struct tui_edit *e, const char *qdir, const char *bank_id,
                                const char *name, const char *org, enum actor_group group)
{
    e->path = tui_make_session_in(qdir, bank_id, name, org, group);
    e->b = load_bank_in(qdir, bank_id);
    diags_init(&e->d);
    e->s = NULL;
    assert_int_equal(session_load(e->path, e->b, &e->s, &e->d), KL_OK);
}

/* e's session saved over its file and freed; returns its path (caller frees). */
static inline char *tui_edit_done(struct tui_edit *e)
{
    assert_int_equal(session_save(e->path, e->b, e->s, 0, &e->d), KL_OK);
    diags_free(&e->d);
    session_free(e->s);
    bank_free(e->b);
    return e->path;
}

/* An app on questions folder qdir, the sessions in test_tmp, 80x24, nothing open yet. */
static inline void tui_app_init_in(struct app *a, const char *qdir)
{
    struct tui_options o = {qdir, test_tmp, NULL, tui_test_now, NULL, 0, 0};
    assert_int_equal(app_init(a, &o, 1), 0);
    a->cols = 80;
    a->rows = 24;
}

static inline void tui_app_init(struct app *a)
{
    tui_app_init_in(a, TUI_QDIR);
}

/* An app on questions folder qdir, opened on path (read-write). */
static inline void tui_app_open_in(struct app *a, const char *qdir, const char *path)
{
    tui_app_init_in(a, qdir);
    char why[600];
    assert_int_equal(app_open(a, path, 0, why, sizeof why), 0);
}

/* An app on the fixture banks, opened on path (read-write). */
static inline void tui_app_open(struct app *a, const char *path)
{
    tui_app_open_in(a, TUI_QDIR, path);
}

static inline void tui_app_close(struct app *a)
{
    app_shutdown(a);
    app_free(a);
}

/* --- the drivers' fixture: a mini session s.ini in a fresh folder, the clock at its start --- */

static char *tui_path __attribute__((unused));

static inline int tui_setup(void **st)
{
    tui_test_clock = TUI_TEST_NOW;
    test_tmp_setup(st);
    tui_path = tui_make_session("mini", "s", "Testkommunen");
    return 0;
}

static inline int tui_teardown(void **st)
{
    free(tui_path);
    tui_path = NULL;
    return test_tmp_teardown(st);
}

/* An app opened on tui_path, on the main screen. */
static inline void tui_open(struct app *a)
{
    tui_app_open(a, tui_path);
    assert_int_equal(app_top(a), SCR_MAIN);
}

/* Feed scripted keys (see script.h); returns the last handler's flags. */
static inline int tui_keys(struct app *a, const char *keys)
{
    int flags = 0;
    const char *p = keys;
    for (int k = script_next(&p); k >= 0; k = script_next(&p))
        flags = app_key(a, k);
    return flags;
}

static inline struct answer *tui_answer(struct app *a, int number)
{
    int qi = bank_find_question(a->w->bank, number);
    assert_true(qi >= 0);
    return &a->w->ses->answers[qi];
}

/* --- golden screens --- */

/* s with every occurrence of the temporary folder's name as TMP (caller frees). */
static inline char *tui_scrub(const char *s)
{
    struct sbuf o;
    sbuf_init(&o);
    size_t n = strlen(test_tmp);
    for (const char *p = s; *p;) {
        if (!strncmp(p, test_tmp, n)) {
            sbuf_add(&o, "TMP");
            p += n;
        } else {
            sbuf_addc(&o, *p++);
        }
    }
    return sbuf_take(&o);
}

/* The app's screen at cols x rows compared with tests/golden/tui/name.txt (layers: GRID_DUMP_*);
 * KOLLEN_UPDATE_GOLDEN=1 rewrites it. */
static inline void tui_golden(struct app *a, const char *name, int cols, int rows, int utf8,
                              int layers)
{
    struct grid g;
    assert_int_equal(grid_init(&g, cols, rows, utf8), 0);
    a->utf8 = utf8;
    app_render(a, &g);
    char title[160];
    snprintf(title, sizeof title, "%s %s %s", name, layers & GRID_DUMP_MONO ? "mono" : "colour",
             utf8 ? "utf8" : "ascii");
    char *raw = grid_dump(&g, title, layers);
    assert_non_null(raw);
    char *got = tui_scrub(raw);
    free(raw);
    grid_free(&g);
    a->utf8 = 1;
    char file[256];
    snprintf(file, sizeof file, "tests/golden/tui/%s.txt", name);
    if (getenv("KOLLEN_UPDATE_GOLDEN") && *getenv("KOLLEN_UPDATE_GOLDEN")) {
        FILE *f = fopen(file, "w");
        assert_non_null(f);
        fputs(got, f);
        fclose(f);
    }
    char *want = test_read_file(file, NULL);
    if (!want) {
        free(got);
        fail_msg("%s is missing (KOLLEN_UPDATE_GOLDEN=1 writes it)", file);
        return;
    }
    if (strcmp(want, got)) {
        char tmp[300];
        snprintf(tmp, sizeof tmp, "%s/%s.actual", test_tmp, name);
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

/* The text of the whole screen at cols x rows (caller frees). */
static inline char *tui_screen_text(struct app *a, int cols, int rows)
{
    struct grid g;
    assert_int_equal(grid_init(&g, cols, rows, 1), 0);
    app_render(a, &g);
    char *d = grid_dump(&g, "", 0);
    assert_non_null(d);
    grid_free(&g);
    return d;
}

#endif
