/* test_tui_layout.c: the screens' rectangles for several terminal sizes: inside the screen,
 * not overlapping, every pane big enough, and "too small" below the minimum. */
#include "layout.h"
#include "testutil.h"

static int inside(const struct rect *r, int cols, int rows)
{
    return r->x >= 0 && r->y >= 0 && r->w >= 0 && r->h >= 0 && r->x + r->w <= cols &&
           r->y + r->h <= rows;
}

static int overlap(const struct rect *a, const struct rect *b)
{
    if (!a->w || !a->h || !b->w || !b->h)
        return 0;
    return a->x < b->x + b->w && b->x < a->x + a->w && a->y < b->y + b->h && b->y < a->y + a->h;
}

static const int sizes[][2] = {{70, 20}, {80, 24}, {100, 30}, {120, 40}, {200, 60}, {300, 90}};

static void layout_main__every_size__panes_fit_and_do_not_overlap(void **st)
{
    (void)st;
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        int cols = sizes[i][0], rows = sizes[i][1];
        for (int areas = 1; areas <= 20; areas += 9) {
            struct layout l;
            layout_main(&l, cols, rows, areas);
            assert_false(l.too_small);
            const struct rect *r[] = {&l.header, &l.areas, &l.questions,
                                      &l.question, &l.record, &l.status};
            for (int k = 0; k < 6; k++) {
                if (!inside(r[k], cols, rows))
                    fail_msg("%dx%d: pane %d outside the screen", cols, rows, k);
                for (int m = k + 1; m < 6; m++)
                    if (overlap(r[k], r[m]))
                        fail_msg("%dx%d: panes %d and %d overlap", cols, rows, k, m);
            }
            /* the rule and the separator are not in any pane */
            assert_true(l.sep_x >= l.areas.x + l.areas.w && l.sep_x < l.question.x);
            assert_true(l.rule_y >= l.header.y + l.header.h && l.rule_y < l.areas.y);
            /* room enough to work: a question with options, a record, some areas */
            assert_true(l.question.h >= 8);
            assert_true(l.record.h >= 5);
            assert_true(l.question.w >= 40);
            assert_true(l.areas.h >= 3 && l.questions.h >= 3);
            assert_int_equal(l.status.y, rows - 1);
        }
    }
}

static void layout_main__bigger_terminal__uses_the_room(void **st)
{
    (void)st;
    struct layout s, b;
    layout_main(&s, 80, 24, 10);
    layout_main(&b, 120, 40, 10);
    assert_true(b.areas.w > s.areas.w);
    assert_true(b.question.w > s.question.w);
    assert_true(b.question.h > s.question.h);
    assert_true(b.record.h > s.record.h);
    assert_true(b.questions.h > s.questions.h);
    /* every row and column is used: the right column reaches the edge, the body the status */
    assert_int_equal(b.question.x + b.question.w, 120);
    assert_int_equal(b.record.y + b.record.h, b.status.y);
    assert_int_equal(b.questions.y + b.questions.h, b.status.y);
}

static void layout__below_minimum__is_too_small(void **st)
{
    (void)st;
    struct layout l;
    struct room_layout r;
    layout_main(&l, TUI_MIN_COLS - 1, 40, 10);
    assert_true(l.too_small);
    layout_main(&l, 120, TUI_MIN_ROWS - 1, 10);
    assert_true(l.too_small);
    layout_main(&l, 40, 12, 10);
    assert_true(l.too_small);
    layout_room(&r, 40, 12, 10);
    assert_true(r.too_small);
    assert_true(layout_too_small(0, 0));
    assert_false(layout_too_small(TUI_MIN_COLS, TUI_MIN_ROWS));
}

static void layout_room__every_size__bars_and_blockers_fit(void **st)
{
    (void)st;
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        int cols = sizes[i][0], rows = sizes[i][1];
        struct room_layout l;
        layout_room(&l, cols, rows, 10);
        assert_false(l.too_small);
        assert_true(inside(&l.areas, cols, rows));
        assert_true(inside(&l.blockers, cols, rows));
        assert_false(overlap(&l.areas, &l.blockers));
        assert_true(l.bar_h >= 1 && l.bar_h <= 3);
        /* all ten areas get their bar */
        assert_true(l.areas.h >= 10 * l.bar_h);
        assert_true(l.blockers.h >= 3);
        assert_true(l.name_w >= 14);
    }
    struct room_layout big, small;
    layout_room(&small, 80, 24, 10);
    layout_room(&big, 120, 40, 10);
    assert_true(big.bar_h > small.bar_h);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(layout_main__every_size__panes_fit_and_do_not_overlap),
        cmocka_unit_test(layout_main__bigger_terminal__uses_the_room),
        cmocka_unit_test(layout__below_minimum__is_too_small),
        cmocka_unit_test(layout_room__every_size__bars_and_blockers_fit),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
