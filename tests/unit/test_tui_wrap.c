/* test_tui_wrap.c: word wrap by display width: spaces, hard breaks, wide (CJK) and combining
 * characters, words longer than a line. */
#include <locale.h>

#include "testutil.h"
#include "kollen/text.h"
#include "wrap.h"

/* The wrapped lines of s at width, joined with '|' (what is shown, without the breaks). */
static char *lines_of(const char *s, int width, int *widths_ok)
{
    struct wrap w;
    wrap_init(&w);
    assert_int_equal(wrap_text(&w, s, strlen(s), width), 0);
    struct sbuf o;
    sbuf_init(&o);
    *widths_ok = 1;
    for (int i = 0; i < w.n; i++) {
        if (i)
            sbuf_addc(&o, '|');
        sbuf_addn(&o, s + w.v[i].start, w.v[i].len);
        char *part = text_ndup(s + w.v[i].start, w.v[i].len);
        if (text_width(part) != w.v[i].width || w.v[i].width > width)
            *widths_ok = 0;
        free(part);
    }
    wrap_free(&w);
    return sbuf_take(&o);
}

static void check(const char *s, int width, const char *expect)
{
    int ok;
    char *got = lines_of(s, width, &ok);
    assert_string_equal(got, expect);
    assert_true(ok);
    free(got);
}

static void wrap__words__break_at_spaces(void **st)
{
    (void)st;
    check("the quick brown fox jumps", 10, "the quick|brown fox|jumps");
    check("åäö åäö åäö", 7, "åäö åäö|åäö");
}

static void wrap__newlines__are_hard_breaks_and_keep_empty_lines(void **st)
{
    (void)st;
    check("a\n\nb", 10, "a||b");
    check("ends with a newline\n", 40, "ends with a newline|");
    check("", 10, "");
}

static void wrap__long_word__breaks_between_characters(void **st)
{
    (void)st;
    check("informationssäkerhetsarbetet", 10, "informatio|nssäkerhet|sarbetet");
    /* a word that ends exactly at a line's end before a newline makes no empty line */
    check("abcdef\nx", 3, "abc|def|x");
}

static void wrap__wide_chars__never_split_across_lines(void **st)
{
    (void)st;
    /* four CJK characters are eight columns: at width 5 two fit per line, never half of one */
    check("漢字漢字", 5, "漢字|漢字");
    check("a漢字", 2, "a|漢|字");
    /* a width smaller than one wide character still makes progress */
    struct wrap w;
    wrap_init(&w);
    assert_int_equal(wrap_text(&w, "漢字", 6, 1), 0);
    assert_int_equal(w.n, 2);
    wrap_free(&w);
}

static void wrap__combining_marks__stay_with_their_base(void **st)
{
    (void)st;
    /* "e" + COMBINING ACUTE is one column: five of them fit in five columns */
    const char *s = "e\xCC\x81"
                    "e\xCC\x81"
                    "e\xCC\x81"
                    "e\xCC\x81"
                    "e\xCC\x81"
                    "e\xCC\x81";
    int ok;
    char *got = lines_of(s, 5, &ok);
    assert_true(ok);
    /* the break falls after the fifth mark, not between a base and its mark */
    const char *bar = strchr(got, '|');
    assert_non_null(bar);
    assert_int_equal(bar - got, 15);
    free(got);
}

static void wrap__line_of__finds_the_cursors_line(void **st)
{
    (void)st;
    struct wrap w;
    wrap_init(&w);
    const char *s = "one two three";
    assert_int_equal(wrap_text(&w, s, strlen(s), 7), 0);
    assert_int_equal(w.n, 2); /* "one two" | "three" */
    assert_int_equal(wrap_line_of(&w, 0), 0);
    assert_int_equal(wrap_line_of(&w, 7), 0); /* the space it broke at ends line 0 */
    assert_int_equal(wrap_line_of(&w, 8), 1);
    assert_int_equal(wrap_line_of(&w, strlen(s)), 1);
    wrap_free(&w);
}

int main(void)
{
    setlocale(LC_ALL, "C.UTF-8");
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(wrap__words__break_at_spaces),
        cmocka_unit_test(wrap__newlines__are_hard_breaks_and_keep_empty_lines),
        cmocka_unit_test(wrap__long_word__breaks_between_characters),
        cmocka_unit_test(wrap__wide_chars__never_split_across_lines),
        cmocka_unit_test(wrap__combining_marks__stay_with_their_base),
        cmocka_unit_test(wrap__line_of__finds_the_cursors_line),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
