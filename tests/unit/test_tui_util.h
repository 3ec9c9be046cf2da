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

static char tui_tmp[256];

static inline void tui_tmp_make(const char *tag)
{
    snprintf(tui_tmp, sizeof tui_tmp, "/tmp/kollen-test-%s.XXXXXX", tag);
    assert_non_null(mkdtemp(tui_tmp));
}

static inline void tui_tmp_remove(void)
{
    char cmd[600];
    snprintf(cmd, sizeof cmd, "chmod -R u+rwx '%s' 2>/dev/null; rm -rf '%s'", tui_tmp, tui_tmp);
    assert_int_equal(system(cmd), 0);
}

/* A session of bank `bank_id` saved as tui_tmp/name.ini; returns its path (caller frees). */
static inline char *tui_make_session(const char *bank_id, const char *name, const char *org)
{
    struct bank *b = load_fixture_bank(bank_id);
    struct session *s = session_new(b, org, GROUP_KOMMUN, "2024-05-02", TUI_TEST_NOW - 3600);
    assert_non_null(s);
    struct sbuf p;
    sbuf_init(&p);
    sbuf_addf(&p, "%s/%s.ini", tui_tmp, name);
    char *path = sbuf_take(&p);
    struct diags d;
    diags_init(&d);
    assert_int_equal(session_save(path, b, s, 1, &d), KL_OK);
    diags_free(&d);
    session_free(s);
    bank_free(b);
    return path;
}

static inline void tui_app_init(struct app *a)
{
    struct tui_options o = {"tests/fixtures/good", tui_tmp, NULL, tui_test_now, NULL, 0, 0};
    assert_int_equal(app_init(a, &o, 1), 0);
    a->cols = 80;
    a->rows = 24;
}

/* A session of bank_id from another questions folder (the plan fixture, the shipped banks),
 * saved as tui_tmp/name.ini; returns its path (caller frees). */
static inline char *tui_make_session_in(const char *qdir, const char *bank_id, const char *name,
                                        const char *org, enum actor_group group)
{
    struct diags d;
    diags_init(&d);
    struct bank *b = NULL;
    assert_int_equal(bank_load_id(qdir, bank_id, &b, &d), KL_OK);
    struct session *s = session_new(b, org, group, "2024-05-02", TUI_TEST_NOW - 3600);
    assert_non_null(s);
    struct sbuf p;
    sbuf_init(&p);
    sbuf_addf(&p, "%s/%s.ini", tui_tmp, name);
    char *path = sbuf_take(&p);
    assert_int_equal(session_save(path, b, s, 1, &d), KL_OK);
    diags_free(&d);
    session_free(s);
    bank_free(b);
    return path;
}

/* An app on questions folder qdir, opened on path (read-write). */
static inline void tui_app_open_in(struct app *a, const char *qdir, const char *path)
{
    struct tui_options o = {qdir, tui_tmp, NULL, tui_test_now, NULL, 0, 0};
    assert_int_equal(app_init(a, &o, 1), 0);
    a->cols = 80;
    a->rows = 24;
    char why[600];
    assert_int_equal(app_open(a, path, 0, why, sizeof why), 0);
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

/* Load the session file from disk again, as another program would see it. */
static inline struct session *tui_reload(const char *path, struct bank **b)
{
    struct diags d;
    diags_init(&d);
    struct session *s = NULL;
    int rc = session_open(path, "tests/fixtures/good", b, &s, &d);
    for (size_t i = 0; i < d.n; i++)
        fprintf(stderr, "%s:%d: %s\n", d.v[i].file, d.v[i].line, d.v[i].msg);
    diags_free(&d);
    assert_int_equal(rc, KL_OK);
    return s;
}

static inline char *tui_read_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    struct sbuf b;
    sbuf_init(&b);
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0)
        sbuf_addn(&b, buf, n);
    fclose(f);
    return sbuf_take(&b);
}

#endif

/* --- golden screens (the same files and rules as test_tui_screens.c) --- */

/* s with every occurrence of the temporary folder's name as TMP (caller frees). */
static inline char *tui_scrub(const char *s)
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
    char *want = tui_read_file(file);
    if (!want || strcmp(want, got)) {
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

/* The text of the whole screen at cols x rows (caller frees). */
static inline char *tui_screen_text(struct app *a, int cols, int rows)
{
    struct grid g;
    assert_int_equal(grid_init(&g, cols, rows, 1), 0);
    app_render(a, &g);
    char *d = grid_dump(&g, "", 0);
    grid_free(&g);
    return d;
}
