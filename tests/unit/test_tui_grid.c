/* test_tui_grid.c: the in-memory screen: text by display width, wide and combining characters,
 * control characters never reach a cell, bars, the golden dump. */
#include <locale.h>

#include "grid.h"
#include "testutil.h"
#include "theme.h"

static char *row(struct grid *g, int y)
{
    static char buf[1024];
    grid_row_text(g, y, buf, sizeof buf);
    return buf;
}

static void grid__text__cut_at_the_width_given(void **st)
{
    (void)st;
    struct grid g;
    assert_int_equal(grid_init(&g, 10, 2, 1), 0);
    assert_int_equal(grid_put(&g, 1, 0, 5, "åäöåäöåäö", R_NORMAL), 5);
    assert_string_equal(row(&g, 0), " åäöåä");
    assert_int_equal(grid_put(&g, 8, 1, 50, "abcdef", R_TITLE), 2); /* the screen's edge */
    assert_string_equal(row(&g, 1), "        ab");
    assert_int_equal(grid_cell(&g, 9, 1)->role, R_TITLE);
    grid_free(&g);
}

static void grid__wide_char__takes_two_cells_and_never_half_of_one(void **st)
{
    (void)st;
    struct grid g;
    assert_int_equal(grid_init(&g, 6, 1, 1), 0);
    assert_int_equal(grid_put(&g, 0, 0, 6, "漢字x", R_NORMAL), 5);
    assert_int_equal(grid_cell(&g, 0, 0)->width, 2);
    assert_int_equal(grid_cell(&g, 1, 0)->width, 0);
    assert_string_equal(row(&g, 0), "漢字x");
    /* one column left for a wide character: a space instead of half of it */
    grid_clear(&g);
    assert_int_equal(grid_put(&g, 0, 0, 3, "a漢字", R_NORMAL), 3);
    assert_string_equal(row(&g, 0), "a漢");
    grid_clear(&g);
    grid_put(&g, 0, 0, 6, "ab漢", R_NORMAL);
    assert_int_equal(grid_put(&g, 0, 0, 3, "xy漢", R_NORMAL), 3); /*漢 at column 2 does not fit */
    assert_string_equal(row(&g, 0), "xy"); /* and the old 漢 at columns 2-3 is gone whole */
    assert_int_equal(grid_cell(&g, 3, 0)->width, 1);
    assert_string_equal(grid_cell(&g, 3, 0)->g, " ");
    /* writing over the right half of a wide character blanks its left half */
    grid_clear(&g);
    grid_put(&g, 0, 0, 6, "漢", R_NORMAL);
    grid_put(&g, 1, 0, 1, "z", R_NORMAL);
    assert_string_equal(row(&g, 0), " z");
    grid_free(&g);
}

static void grid__combining_mark__joins_the_cell_before(void **st)
{
    (void)st;
    struct grid g;
    assert_int_equal(grid_init(&g, 5, 1, 1), 0);
    assert_int_equal(grid_put(&g, 0, 0, 5, "e\xCC\x81x", R_NORMAL), 2);
    assert_string_equal(grid_cell(&g, 0, 0)->g, "e\xCC\x81");
    assert_string_equal(grid_cell(&g, 1, 0)->g, "x");
    grid_free(&g);
}

static void grid__control_characters__never_reach_a_cell(void **st)
{
    (void)st;
    struct grid g;
    assert_int_equal(grid_init(&g, 20, 1, 1), 0);
    grid_put(&g, 0, 0, 20, "a\x1b[31mb\x07\x7f\xC2\x9B""c\xff", R_NORMAL);
    assert_string_equal(row(&g, 0), "a[31mbc\xEF\xBF\xBD");
    for (int x = 0; x < g.cols; x++)
        for (const char *p = grid_cell(&g, x, 0)->g; *p; p++)
            assert_true((unsigned char)*p >= 0x20 && *p != 0x7f);
    grid_free(&g);
}

static void grid__bar__fills_by_eighths_or_hashes(void **st)
{
    (void)st;
    struct grid g;
    assert_int_equal(grid_init(&g, 8, 2, 1), 0);
    grid_bar(&g, 0, 0, 8, 0.5, R_BAR, R_BAR_BG);
    assert_string_equal(row(&g, 0), "████░░░░");
    assert_int_equal(grid_cell(&g, 0, 0)->role, R_BAR);
    assert_int_equal(grid_cell(&g, 7, 0)->role, R_BAR_BG);
    grid_free(&g);
    assert_int_equal(grid_init(&g, 8, 1, 0), 0);
    grid_bar(&g, 0, 0, 8, 0.25, R_BAR, R_BAR_BG);
    assert_string_equal(row(&g, 0), "##------");
    assert_int_equal(grid_cell(&g, 2, 0)->role, R_BAR_BG);
    grid_free(&g);
}

static void grid__dump__text_then_roles_then_mono(void **st)
{
    (void)st;
    struct grid g;
    assert_int_equal(grid_init(&g, 6, 2, 1), 0);
    grid_put(&g, 0, 0, 6, "Nivå", R_HEADER);
    grid_put(&g, 0, 1, 2, "!", R_BLOCKER);
    char *d = grid_dump(&g, "t", GRID_DUMP_ROLES | GRID_DUMP_MONO);
    assert_non_null(d);
    assert_string_equal(d, "# t 6x2\n"
                           "Nivå\n"
                           "!\n"
                           "# roles\n"
                           "hhhh\n"
                           "b\n"
                           "# mono attributes: 1 bold, 2 reverse, 4 underline, 8 dim (hex sum)\n"
                           "2222\n"
                           "5\n");
    free(d);
    grid_free(&g);
}

int main(void)
{
    setlocale(LC_ALL, "C.UTF-8");
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(grid__text__cut_at_the_width_given),
        cmocka_unit_test(grid__wide_char__takes_two_cells_and_never_half_of_one),
        cmocka_unit_test(grid__combining_mark__joins_the_cell_before),
        cmocka_unit_test(grid__control_characters__never_reach_a_cell),
        cmocka_unit_test(grid__bar__fills_by_eighths_or_hashes),
        cmocka_unit_test(grid__dump__text_then_roles_then_mono),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
