/* test_tui_textfit.c: text made to fit and still tell things apart (labels of questions 21
 * and 22 cut in the middle), and the page of wrapped lines the scrolling screens draw from. No
 * terminal. */
#include <locale.h>

#include "page.h"
#include "testutil.h"
#include "textfit.h"
#include "theme.h"

static char buf[512];

static const char *fit(const char *label, const char *const *others, int n, int w, int utf8)
{
    struct sbuf o;
    sbuf_init(&o);
    label_fit(&o, label, others, n, w, utf8);
    snprintf(buf, sizeof buf, "%s", o.p ? o.p : "");
    sbuf_free(&o);
    return buf;
}

static void label__same_prefix_when_cut__the_differing_words_kept(void **st)
{
    (void)st;
    const char *q21 = "Andel verksamheter med kontinuitetsplan";
    const char *q22 = "Andel verksamheter där incidenthanteringen tillämpas";
    const char *list[] = {"Övad kontinuitet", q21, q22};
    /* the questions pane at 80x24 has 17 columns for a label */
    assert_string_equal(fit(q21, list, 3, 17, 1), "Andel…med kontin…");
    assert_string_equal(fit(q22, list, 3, 17, 1), "Andel…där incide…");
    assert_int_equal(text_width(buf), 17);
    /* wide enough that their end cuts differ: cut at the end as any label */
    assert_string_equal(fit(q21, list, 3, 26, 1), "Andel verksamheter med ko…");
    /* ASCII: "..." */
    assert_string_equal(fit(q21, list, 3, 17, 0), "Andel...med ko...");
    /* a label that fits, or that no other is cut to the same, is cut at its end as before */
    assert_string_equal(fit("Övad kontinuitet", list, 3, 17, 1), "Övad kontinuitet");
    assert_string_equal(fit(q21, list, 1, 17, 1), "Andel verksamhet…");
    /* too narrow to keep words apart: the end cut */
    assert_string_equal(fit(q21, list, 3, 8, 1), "Andel v…");
}

static void page__wrapped_prefixed_tagged_and_drawn_from_any_line(void **st)
{
    (void)st;
    struct page p;
    page_init(&p, 20);
    page_add(&p, "Ett två tre fyra fem sex sju", R_TITLE, 0, -1);
    page_blank(&p, -2);
    page_add_prefixed(&p, "[ ]  1  ", R_NORMAL, "alfa beta gamma delta", R_NORMAL, 1, 1);
    page_add(&p, "styr\x1b[2Jtecken", R_NORMAL, 0, 2);
    assert_false(p.oom);
    assert_int_equal(page_first(&p, 1), 3);
    assert_int_equal(page_last(&p, 1), 4);
    assert_int_equal(page_first(&p, 9), -1);
    assert_string_equal(p.v[3].prefix, "[ ]  1  ");
    assert_int_equal(p.v[4].x, 1 + 8); /* the rest under the text, not the box */
    assert_string_equal(p.v[5].text, "styr[2Jtecken"); /* the escape character dropped */
    assert_int_equal(page_clamp(&p, 100, 3), p.n - 3);
    assert_int_equal(page_clamp(&p, -4, 3), 0);
    struct grid g;
    assert_int_equal(grid_init(&g, 22, 3, 1), 0);
    page_draw(&p, &g, 0, 0, 3, 3, 21);
    char row[256];
    grid_row_text(&g, 0, row, sizeof row);
    assert_string_equal(row, " [ ]  1  alfa beta   ↑");
    grid_row_text(&g, 2, row, sizeof row);
    assert_string_equal(row, "styr[2Jtecken"); /* the last line: no mark below */
    grid_clear(&g);
    page_draw(&p, &g, 0, 0, 3, 0, 21);
    grid_row_text(&g, 2, row, sizeof row);
    assert_string_equal(row, "                     ↓");
    grid_free(&g);
    page_free(&p);
}

int main(void)
{
    setlocale(LC_ALL, "C.UTF-8");
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(label__same_prefix_when_cut__the_differing_words_kept),
        cmocka_unit_test(page__wrapped_prefixed_tagged_and_drawn_from_any_line),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
