/* test_tui_redraw.c: the workshop screen draws into its last frame only the panes that changed
 * (app_render, SF_INCREMENTAL). Two apps on two copies of one session take the same keys: one
 * draws every frame into the grid of the last, the other each frame whole into an empty grid.
 * After every key of long pseudo-random runs (moves, answers, undo, the note editor, prompts,
 * the other screens and back, ticks of the clock, long warnings on the status line) the two
 * frames are the same: text, roles, attributes and cursor, at several sizes, in both glyph
 * sets. */
#include "test_tui_util.h"

#include "kollen/ops_workshop.h"
#include "theme.h"

static char *path, *path2;

/* A session of the shipped bank with an agenda (the header's clocks), a few answers, notes of
 * different lengths (the record pane's height changes from question to question) and a
 * reference. */
static int setup(void **st)
{
    (void)st;
    test_tmp_make();
    struct sbuf p;
    sbuf_init(&p);
    sbuf_addf(&p, "%s/ws.ini", test_tmp);
    path = sbuf_take(&p);
    struct ops_new n = {.organisation = "Ritkommunen", .group = GROUP_KOMMUN,
                        .date = "2024-05-02", .minutes = 120};
    struct diags d;
    diags_init(&d);
    assert_int_equal(ops_create("questions", path, &n, TUI_TEST_NOW - 3600, &d), KL_OK);
    struct workshop *w = NULL;
    assert_int_equal(ops_open(&w, path, "questions", 0, "test", &d), KL_OK);
    const char *notes[] = {"Kort.", "Två rader\nmed radbrytning.",
                           "En längre anteckning som bryts över flera rader i anteckningsrutan "
                           "och tar plats från alternativen ovanför, med åäö och fler ord än "
                           "vad som får plats på en rad i åttio kolumner."};
    for (int qi = 0; qi < w->bank->n_questions; qi += 3) {
        const char *ev[] = {"Protokoll §12", NULL};
        struct ops_change c = {.answer = qi % 2 ? "1" : "all", .note = notes[qi % 3],
                               .evidence_add = qi % 9 == 0 ? ev : NULL};
        struct ops_result res;
        assert_int_equal(ops_set(w, qi, &c, TUI_TEST_NOW - 1800, &res, &d), KL_OK);
    }
    ops_close(w);
    diags_free(&d);
    char *text = test_read_file(path, NULL);
    assert_non_null(text);
    sbuf_init(&p);
    sbuf_addf(&p, "%s/ws2.ini", test_tmp);
    path2 = sbuf_take(&p);
    FILE *f = fopen(path2, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
    chmod(path2, 0600);
    free(text);
    return 0;
}

static int teardown(void **st)
{
    (void)st;
    free(path);
    free(path2);
    test_tmp_remove();
    return 0;
}

/* a draws into its kept grid (what changed), whole draws into an empty one: the same. */
static void same_as_whole(struct app *a, struct grid *kept, struct app *whole_app, int step,
                          const char *key)
{
    struct grid whole;
    assert_int_equal(grid_init(&whole, kept->cols, kept->rows, kept->utf8), 0);
    app_render(whole_app, &whole);
    app_render(a, kept);
    char *want = grid_dump(&whole, "", GRID_DUMP_ROLES | GRID_DUMP_MONO);
    char *got = grid_dump(kept, "", GRID_DUMP_ROLES | GRID_DUMP_MONO);
    assert_non_null(want);
    assert_non_null(got);
    if (strcmp(want, got)) {
        fprintf(stderr, "after key %d (%s) at %dx%d:\n--- whole\n%s\n--- kept\n%s\n", step, key,
                kept->cols, kept->rows, want, got);
        fail_msg("the frame drawn into the last one differs from the whole screen");
    }
    free(want);
    free(got);
    grid_free(&whole);
}

/* Both apps, on their own copy of the session. */
static void open_both(struct app *a, struct app *b, int utf8)
{
    tui_app_open_in(a, "questions", path);
    tui_app_open_in(b, "questions", path2);
    a->utf8 = b->utf8 = utf8;
}

static void close_both(struct app *a, struct app *b)
{
    app_shutdown(a);
    app_free(a);
    app_shutdown(b);
    app_free(b);
}

/* Keys as scripts (script.h); editors and prompts take the letters as text, Esc leaves. */
static const char *const keys[] = {
    "j", "k", "l", "h", "]", "[", "<Tab>", "<BTab>", "G", "<Home>", "<PgDn>", "<PgUp>", "o",
    "b", "B", "<Space>", "a", "x", "X", "u", "<C-r>", "d", "f", "1", "2", "3", "w", "<C-l>",
    "<Esc>", "<Esc>", "<Enter>", "<Del>", "n", "e", "g", "?", "r", "p", "i", "Ny text åäö ",
    "<BS>", "<Timeout>", "l", "h", "j", "k"};

static unsigned next_random(unsigned *seed)
{
    *seed = *seed * 1103515245u + 12345u;
    return (*seed >> 16) & 0x7FFF;
}

static void run(int cols, int rows, int utf8, int n_keys, unsigned seed)
{
    struct app a, b;
    open_both(&a, &b, utf8);
    struct grid kept;
    assert_int_equal(grid_init(&kept, cols, rows, utf8), 0);
    same_as_whole(&a, &kept, &b, 0, "start");
    for (int step = 1; step <= n_keys; step++) {
        unsigned r = next_random(&seed);
        const char *key = keys[r % (sizeof keys / sizeof *keys)];
        if (r % 23 == 0) {
            /* a minute passes: the clocks move; the tick counts it */
            tui_test_clock += 60;
            app_key(&a, TK_TICK);
            app_key(&b, TK_TICK);
            key = "tick";
        } else if (r % 29 == 0) {
            /* a warning too long for the status line grows over the rows above it */
            const char *warn = "Sessionen kunde inte sparas: mappen är skrivskyddad, ändringarna "
                               "finns kvar i minnet och sparas när det går igen; välj en annan "
                               "mapp eller frigör utrymme och tryck w för att försöka igen.";
            app_message(&a, R_WARN, "%s", warn);
            app_message(&b, R_WARN, "%s", warn);
            key = "warning";
        } else {
            tui_keys(&a, key);
            tui_keys(&b, key);
        }
        same_as_whole(&a, &kept, &b, step, key);
    }
    grid_free(&kept);
    close_both(&a, &b);
}

static void redraw__random_keys_80x24__equal_whole_screen(void **st)
{
    (void)st;
    run(80, 24, 1, 600, 1);
}

static void redraw__random_keys_200x60__equal_whole_screen(void **st)
{
    (void)st;
    run(200, 60, 1, 200, 7);
}

static void redraw__random_keys_120x40_ascii__equal_whole_screen(void **st)
{
    (void)st;
    run(120, 40, 0, 200, 11);
}

/* A frame of another size is a new grid: drawn whole, then kept again. */
static void redraw__resize__draws_the_new_grid_whole(void **st)
{
    (void)st;
    struct app a, b;
    open_both(&a, &b, 1);
    struct grid g;
    assert_int_equal(grid_init(&g, 80, 24, 1), 0);
    same_as_whole(&a, &g, &b, 0, "start");
    tui_keys(&a, "ll");
    tui_keys(&b, "ll");
    same_as_whole(&a, &g, &b, 1, "ll");
    grid_free(&g);
    assert_int_equal(grid_init(&g, 100, 30, 1), 0);
    same_as_whole(&a, &g, &b, 2, "resized");
    tui_keys(&a, "j");
    tui_keys(&b, "j");
    same_as_whole(&a, &g, &b, 3, "j");
    grid_free(&g);
    close_both(&a, &b);
}

/* The grid of another frame (a second grid drawn in between) is drawn whole. */
static void redraw__another_grid_drawn_between__draws_whole(void **st)
{
    (void)st;
    struct app a, b;
    open_both(&a, &b, 1);
    struct grid g, other;
    assert_int_equal(grid_init(&g, 80, 24, 1), 0);
    assert_int_equal(grid_init(&other, 80, 24, 1), 0);
    same_as_whole(&a, &g, &b, 0, "start");
    tui_keys(&a, "l");
    tui_keys(&b, "l");
    app_render(&a, &other); /* g still holds the frame before "l" */
    same_as_whole(&a, &g, &b, 1, "l");
    grid_free(&g);
    grid_free(&other);
    close_both(&a, &b);
}

int main(void)
{
    tui_test_main();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(redraw__random_keys_80x24__equal_whole_screen, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(redraw__random_keys_200x60__equal_whole_screen, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(redraw__random_keys_120x40_ascii__equal_whole_screen,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(redraw__resize__draws_the_new_grid_whole, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(redraw__another_grid_drawn_between__draws_whole, setup,
                                        teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
