/* test_tui_plan.c: the action plan screen driven by keys: it opens on the next level with the
 * plan kollen plan computes, the target keys switch targets (and refuse what the bank lacks),
 * Enter goes to the question, the plan follows the answers, it scrolls, it shows no note or
 * evidence, and it works on a scale bank and on the shipped banks. */
#include "test_tui_util.h"
#include "theme.h"

#define PLAN_QDIR "tests/fixtures/report"

static char *path;

static int setup(void **st)
{
    (void)st;
    test_tmp_make();
    path = tui_make_session_in(PLAN_QDIR, "rapport", "plan", "Planstad kommun", GROUP_KOMMUN);
    return 0;
}

static int teardown(void **st)
{
    (void)st;
    free(path);
    return test_tmp_remove();
}

/* The plan session open, questions 1 to 3 answered in memory. */
static void open_app(struct app *a)
{
    tui_app_open_in(a, PLAN_QDIR, path);
    answer(a->w->bank, a->w->ses, 1, "1,2", 0);
    answer(a->w->bank, a->w->ses, 2, "2", 0);
    answer(a->w->bank, a->w->ses, 3, "1", 0);
    ops_rescore(a->w);
}

/* The plan kollen plan would print for this session and target. */
static void direct_plan(struct app *a, const char *target, struct plan *p)
{
    struct plan_spec sp;
    assert_int_equal(plan_spec_parse(target, &sp), 0);
    struct diags d;
    diags_init(&d);
    assert_int_equal(plan_compute(a->w->bank, a->w->ses, &sp, p, &d), KL_OK);
    diags_free(&d);
}

static void plan__p_opens_the_next_level_with_the_clis_plan(void **st)
{
    (void)st;
    struct app a;
    open_app(&a);
    tui_keys(&a, "p");
    assert_int_equal(app_top(&a), SCR_PLAN);
    assert_int_equal(tui_plan_st(&a)->spec.kind, PLAN_NEXT);
    struct plan p;
    direct_plan(&a, "next", &p);
    assert_int_equal(tui_plan_st(&a)->plan.n_items, p.n_items);
    assert_int_equal(tui_plan_st(&a)->plan.actions, p.actions);
    assert_int_equal(tui_plan_st(&a)->plan.goal_level, 2);
    for (int i = 0; i < p.n_items; i++)
        assert_int_equal(tui_plan_st(&a)->plan.items[i].question, p.items[i].question);
    /* the count, in kollen plan's words */
    struct sbuf t;
    sbuf_init(&t);
    plan_size_text(&t, &p);
    char *s = tui_screen_text(&a, 80, 24);
    assert_non_null(strstr(s, t.p));
    sbuf_free(&t);
    free(s);
    plan_free(&p);
    /* p, Esc and q all go back */
    tui_keys(&a, "p");
    assert_int_equal(app_top(&a), SCR_MAIN);
    tui_keys(&a, "p<Esc>");
    assert_int_equal(app_top(&a), SCR_MAIN);
    assert_int_equal(tui_keys(&a, "pq"), TUI_REDRAW);
    assert_int_equal(app_top(&a), SCR_MAIN);
    tui_app_close(&a);
}

static void plan__target_keys_switch_the_target(void **st)
{
    (void)st;
    struct app a;
    open_app(&a);
    tui_keys(&a, "p3");
    assert_int_equal(tui_plan_st(&a)->spec.kind, PLAN_LEVEL);
    assert_int_equal(tui_plan_st(&a)->spec.level, 3);
    assert_int_equal(tui_plan_st(&a)->plan.goal_level, 3);
    struct plan p;
    direct_plan(&a, "level 3", &p);
    assert_int_equal(tui_plan_st(&a)->plan.actions, p.actions);
    plan_free(&p);
    tui_keys(&a, "m");
    assert_int_equal(tui_plan_st(&a)->spec.kind, PLAN_TARGET);
    assert_non_null(tui_plan_st(&a)->plan.target);
    assert_string_equal(tui_plan_st(&a)->plan.target->id, PLAN_TARGET_ID);
    tui_keys(&a, "g");
    assert_int_equal(tui_plan_st(&a)->spec.kind, PLAN_GROUP);
    assert_non_null(tui_plan_st(&a)->plan.benchmark);
    assert_string_equal(tui_plan_st(&a)->plan.benchmark->group, "kommun");
    tui_keys(&a, "n");
    assert_int_equal(tui_plan_st(&a)->spec.kind, PLAN_NEXT);
    /* a level the bank does not have: said, and the target stays */
    tui_keys(&a, "9");
    assert_int_equal(tui_plan_st(&a)->spec.kind, PLAN_NEXT);
    assert_non_null(strstr(a.msg, "9"));
    tui_app_close(&a);
}

static void plan__tab_cycles_every_target_the_bank_offers(void **st)
{
    (void)st;
    struct app a;
    open_app(&a);
    struct plan_spec t[16];
    int n = ops_plan_targets(a.w->bank, a.w->ses, t, 16);
    assert_int_equal(n, 1 + 4 + 1 + 1); /* next, levels 1-4, msbfs, the kommun benchmark */
    tui_keys(&a, "p");
    for (int i = 1; i <= n; i++) {
        tui_keys(&a, "<Tab>");
        assert_int_equal(tui_plan_st(&a)->spec.kind, t[i % n].kind);
        assert_int_equal(tui_plan_st(&a)->spec.level, t[i % n].level);
    }
    assert_int_equal(tui_plan_st(&a)->spec.kind, PLAN_NEXT); /* round and back */
    tui_keys(&a, "<BTab>");
    assert_int_equal(tui_plan_st(&a)->spec.kind, PLAN_GROUP);
    tui_keys(&a, "<Left><Left>");
    assert_int_equal(tui_plan_st(&a)->spec.kind, PLAN_LEVEL);
    assert_int_equal(tui_plan_st(&a)->spec.level, 4);
    tui_keys(&a, "<Right>");
    assert_int_equal(tui_plan_st(&a)->spec.kind, PLAN_TARGET);
    tui_app_close(&a);
}

static void plan__bank_without_msbfs_or_benchmark__says_so(void **st)
{
    (void)st;
    char *mini = tui_make_session("mini", "mini", "Minikommun");
    struct app a;
    tui_app_init(&a);
    char why[600];
    assert_int_equal(app_open(&a, mini, 0, why, sizeof why), 0);
    struct plan_spec t[16];
    /* next and levels 1-3 only */
    assert_int_equal(ops_plan_targets(a.w->bank, a.w->ses, t, 16), 1 + 3);
    tui_keys(&a, "p2");
    assert_int_equal(tui_plan_st(&a)->spec.level, 2);
    tui_keys(&a, "m");
    assert_int_equal(tui_plan_st(&a)->spec.kind, PLAN_LEVEL); /* kept */
    assert_non_null(strstr(a.msg, PLAN_TARGET_ID));
    tui_keys(&a, "g");
    assert_int_equal(tui_plan_st(&a)->spec.kind, PLAN_LEVEL);
    assert_non_null(strstr(a.msg, "kommun"));
    struct grid g;
    assert_int_equal(grid_init(&g, 120, 40, 1), 0);
    app_render(&a, &g);
    char row[512];
    grid_row_text(&g, 2, row, sizeof row); /* the targets offered */
    assert_non_null(strstr(row, "nivå 3"));
    assert_null(strstr(row, "MSBFS"));
    assert_null(strstr(row, "typsvar"));
    grid_free(&g);
    tui_app_close(&a);
    free(mini);
}

static void plan__enter_goes_to_the_question_with_the_option_to_tick(void **st)
{
    (void)st;
    struct app a;
    open_app(&a);
    tui_keys(&a, "p<Home>");
    /* next level: 1 (document), 4 (tick 2), 2 (choose 3), 5 (tick 1), 3 (tick 2) */
    assert_int_equal(a.w->bank->questions[tui_plan_st(&a)->plan.items[0].question].number, 1);
    tui_keys(&a, "j");
    int qi = tui_plan_st(&a)->plan.items[1].question;
    assert_int_equal(a.w->bank->questions[qi].number, 4);
    tui_keys(&a, "<Enter>");
    assert_int_equal(app_top(&a), SCR_MAIN);
    assert_int_equal(a.q, qi);
    assert_int_equal(tui_main_st(&a)->pane, PANE_OPTIONS);
    assert_int_equal(tui_main_st(&a)->opt, 1); /* option 2, the one the plan asks for */
    tui_keys(&a, "p"); /* back on the plan: the item of the question the group is on */
    assert_int_equal(tui_plan_st(&a)->cur, 1);
    tui_keys(&a, "j<Enter>");
    assert_int_equal(a.w->bank->questions[a.q].number, 2);
    assert_int_equal(tui_main_st(&a)->opt, 2); /* choose 3 */
    tui_app_close(&a);
}

static void plan__follows_the_answers(void **st)
{
    (void)st;
    struct app a;
    open_app(&a);
    tui_keys(&a, "p");
    int before = tui_plan_st(&a)->plan.actions;
    tui_keys(&a, "<Home>j<Enter> ");             /* question 4: tick option 2 (2 actions) */
    assert_true(tui_answer(&a, 4)->ticks & 2);
    tui_keys(&a, "p");
    assert_int_equal(tui_plan_st(&a)->plan.actions, before - 2);
    for (int i = 0; i < tui_plan_st(&a)->plan.n_items; i++) /* still to document, nothing to tick */
        if (a.w->bank->questions[tui_plan_st(&a)->plan.items[i].question].number == 4)
            assert_int_equal(tui_plan_st(&a)->plan.items[i].tick, 0);
    tui_keys(&a, "pu");                           /* undone: the plan asks for it again */
    tui_keys(&a, "p");
    assert_int_equal(tui_plan_st(&a)->plan.actions, before);
    /* the cursor is where the group is: on question 4 */
    const struct plan_state *ps = tui_plan_st(&a);
    assert_int_equal(a.w->bank->questions[ps->plan.items[ps->cur].question].number, 4);
    tui_app_close(&a);
}

static void plan__scrolls_with_the_cursor_and_shows_the_end(void **st)
{
    (void)st;
    struct app a;
    open_app(&a);
    tui_keys(&a, "p4");
    assert_true(tui_plan_st(&a)->plan.n_items > 6);
    struct grid g;
    assert_int_equal(grid_init(&g, 80, 24, 1), 0);
    for (int k = 0; k < tui_plan_st(&a)->plan.n_items + 2; k++) {
        app_render(&a, &g);
        /* the selected item is on the screen */
        int seen = 0;
        for (int y = 0; y < g.rows; y++)
            if (grid_cell(&g, 5, y)->role == R_SELECTED)
                seen = 1;
        assert_true(seen);
        tui_keys(&a, "j");
    }
    assert_int_equal(tui_plan_st(&a)->cur, tui_plan_st(&a)->plan.n_items - 1);
    tui_keys(&a, "<Home>");
    assert_int_equal(tui_plan_st(&a)->cur, 0);
    tui_keys(&a, "<PgDn>");
    assert_true(tui_plan_st(&a)->cur > 1);
    tui_keys(&a, "<PgUp>");
    assert_int_equal(tui_plan_st(&a)->cur, 0);
    tui_keys(&a, "G");
    char *s = tui_screen_text(&a, 80, 24);
    assert_non_null(strstr(s, "Med planen genomförd"));
    free(s);
    grid_free(&g);
    tui_app_close(&a);
}

static void plan__shows_no_note_or_evidence(void **st)
{
    (void)st;
    struct app a;
    open_app(&a);
    struct diags d;
    diags_init(&d);
    int q1 = bank_find_question(a.w->bank, 1);
    assert_int_equal(
        session_set_note(a.w->ses, q1, "Hemligt: brandväggen saknas", TUI_TEST_NOW, &d), KL_OK);
    assert_int_equal(session_add_evidence(a.w->ses, q1, "Protokoll KS 9", TUI_TEST_NOW, &d), KL_OK);
    diags_free(&d);
    ops_rescore(a.w);
    const char *targets[] = {"n", "4", "m", "g"};
    int sizes[][2] = {{80, 24}, {120, 40}, {200, 60}};
    tui_keys(&a, "p");
    for (int t = 0; t < 4; t++) {
        tui_keys(&a, targets[t]);
        for (int i = 0; i < 3; i++) {
            char *s = tui_screen_text(&a, sizes[i][0], sizes[i][1]);
            assert_null(strstr(s, "brandväggen"));
            assert_null(strstr(s, "Protokoll KS"));
            free(s);
        }
    }
    tui_app_close(&a);
}

static void plan__read_only_session__shown_too(void **st)
{
    (void)st;
    struct app a, b;
    open_app(&a);
    app_save(&a);
    tui_app_init_in(&b, PLAN_QDIR);
    char why[600];
    assert_int_equal(app_open(&b, path, 0, why, sizeof why), 1);
    tui_keys(&b, "j"); /* open read-only */
    assert_true(b.w->read_only);
    tui_keys(&b, "p");
    assert_int_equal(app_top(&b), SCR_PLAN);
    assert_true(tui_plan_st(&b)->plan.n_items > 0);
    tui_keys(&b, "<Enter>");
    assert_int_equal(app_top(&b), SCR_MAIN);
    tui_app_close(&b);
    tui_app_close(&a);
}

/* The shipped banks: Infosäkkollen (targets and benchmarks) and It-säkkollen (a scale bank):
 * every target renders at 70x20, 80x24 and 120x40 and matches plan_compute. */
static void plan__shipped_banks__every_target_every_size(void **st)
{
    (void)st;
    const char *banks[] = {"infosakkollen-2023", "it-sakkollen-2023"};
    for (int bi = 0; bi < 2; bi++) {
        char *p = tui_make_session_in("questions", banks[bi], banks[bi], "Skarpa banken",
                                      GROUP_REGION);
        struct app a;
        tui_app_open_in(&a, "questions", p);
        tui_keys(&a, "p");
        struct plan_spec t[16];
        int n = ops_plan_targets(a.w->bank, a.w->ses, t, 16);
        assert_true(n >= 1 + a.w->bank->n_levels);
        for (int i = 0; i < n; i++) {
            if (plan_set(&a, &t[i]))
                continue; /* a benchmark that asks nothing: said on the status line */
            struct plan ref;
            struct diags d;
            diags_init(&d);
            assert_int_equal(plan_compute(a.w->bank, a.w->ses, &t[i], &ref, &d), KL_OK);
            diags_free(&d);
            assert_int_equal(tui_plan_st(&a)->plan.actions, ref.actions);
            assert_int_equal(tui_plan_st(&a)->plan.n_items, ref.n_items);
            plan_free(&ref);
            int sizes[][2] = {{70, 20}, {80, 24}, {120, 40}};
            for (int k = 0; k < 3; k++) {
                char *s = tui_screen_text(&a, sizes[k][0], sizes[k][1]);
                assert_null(strstr(s, "terminalen är för liten"));
                free(s);
            }
            tui_keys(&a, "G<PgUp><PgDn><Home>");
        }
        tui_keys(&a, "<Enter>");
        assert_int_equal(app_top(&a), SCR_MAIN);
        tui_app_close(&a);
        free(p);
    }
}

int main(void)
{
    tui_test_main();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(plan__p_opens_the_next_level_with_the_clis_plan, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(plan__target_keys_switch_the_target, setup, teardown),
        cmocka_unit_test_setup_teardown(plan__tab_cycles_every_target_the_bank_offers, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(plan__bank_without_msbfs_or_benchmark__says_so, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(plan__enter_goes_to_the_question_with_the_option_to_tick,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(plan__follows_the_answers, setup, teardown),
        cmocka_unit_test_setup_teardown(plan__scrolls_with_the_cursor_and_shows_the_end, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(plan__shows_no_note_or_evidence, setup, teardown),
        cmocka_unit_test_setup_teardown(plan__read_only_session__shown_too, setup, teardown),
        cmocka_unit_test_setup_teardown(plan__shipped_banks__every_target_every_size, setup,
                                        teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
