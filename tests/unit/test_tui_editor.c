/* test_tui_editor.c: the note editor's buffer: UTF-8 input (typed and pasted), cursor moves by
 * character and by wrapped line, deletion, limits, one-line mode. */
#include <locale.h>

#include "editor.h"
#include "testutil.h"
#include "kollen/text.h"

static void type(struct editor *e, const char *s)
{
    /* as typed: one code point at a time */
    const char *p = s;
    while (*p) {
        uint32_t cp;
        size_t k = utf8_decode(p, strlen(p), &cp);
        assert_true(k > 0);
        assert_true(editor_insert_cp(e, cp) >= 0);
        p += k;
    }
}

static void editor__typed_swedish_letters__stored_as_utf8(void **st)
{
    (void)st;
    struct editor e;
    assert_int_equal(editor_init(&e, NULL, 1000, 1), 0);
    type(&e, "Rå åtgärd för ökad säkerhet");
    assert_string_equal(editor_text(&e), "Rå åtgärd för ökad säkerhet");
    assert_int_equal(e.cur, strlen("Rå åtgärd för ökad säkerhet"));
    assert_true(e.changed);
    editor_free(&e);
}

static void editor__backspace__removes_a_whole_character(void **st)
{
    (void)st;
    struct editor e;
    assert_int_equal(editor_init(&e, "aö", 100, 1), 0);
    editor_backspace(&e);
    assert_string_equal(editor_text(&e), "a");
    /* a base with a combining mark goes as one */
    editor_set(&e, "xe\xCC\x81");
    editor_backspace(&e);
    assert_string_equal(editor_text(&e), "x");
    editor_set(&e, "漢字");
    editor_backspace(&e);
    assert_string_equal(editor_text(&e), "漢");
    editor_free(&e);
}

static void editor__left_right__step_over_characters_not_bytes(void **st)
{
    (void)st;
    struct editor e;
    assert_int_equal(editor_init(&e, "åe\xCC\x81漢", 100, 1), 0);
    size_t end = e.cur;
    editor_left(&e);
    assert_int_equal(e.cur, end - 3); /* before 漢 */
    editor_left(&e);
    assert_int_equal(e.cur, 2); /* before e + mark */
    editor_left(&e);
    assert_int_equal(e.cur, 0);
    editor_left(&e);
    assert_int_equal(e.cur, 0);
    editor_right(&e);
    assert_int_equal(e.cur, 2);
    editor_right(&e);
    assert_int_equal(e.cur, 5);
    editor_delete(&e); /* deletes 漢 */
    assert_string_equal(editor_text(&e), "åe\xCC\x81");
    editor_free(&e);
}

static void editor__paste__keeps_newlines_and_drops_control_characters(void **st)
{
    (void)st;
    struct editor e;
    assert_int_equal(editor_init(&e, NULL, 1000, 1), 0);
    const char *paste = "rad ett\r\nrad två\rrad tre\tslut\x1b[31m\x07 \xff";
    assert_true(editor_insert(&e, paste, strlen(paste)) > 0);
    assert_string_equal(editor_text(&e), "rad ett\nrad två\nrad tre slut[31m \xEF\xBF\xBD");
    editor_free(&e);
}

static void editor__one_line__newline_becomes_space(void **st)
{
    (void)st;
    struct editor e;
    assert_int_equal(editor_init(&e, NULL, 100, 0), 0);
    assert_true(editor_insert(&e, "a\nb", 3) > 0);
    assert_string_equal(editor_text(&e), "a b");
    editor_free(&e);
}

static void editor__limit__cuts_a_long_paste_at_a_character_boundary(void **st)
{
    (void)st;
    struct editor e;
    assert_int_equal(editor_init(&e, NULL, 5, 1), 0);
    assert_int_equal(editor_insert(&e, "ååå", 6), 4); /* the third å would pass 5 bytes */
    assert_string_equal(editor_text(&e), "åå");
    assert_true(e.full);
    assert_int_equal(editor_insert_cp(&e, 'x'), 1);
    assert_int_equal(editor_insert_cp(&e, 'y'), 0);
    editor_free(&e);
}

static void editor__long_paste__is_kept_whole(void **st)
{
    (void)st;
    struct editor e;
    assert_int_equal(editor_init(&e, NULL, SESSION_NOTE_MAX, 1), 0);
    struct sbuf b;
    sbuf_init(&b);
    for (int i = 0; i < 1500; i++) /* 54 kB: a long paste, under the limit */
        sbuf_add(&b, "Ledningen följer upp åtgärderna. ");
    assert_int_equal(editor_insert(&e, b.p, b.len), (long)b.len);
    assert_int_equal(e.len, b.len);
    int line, col;
    editor_cursor(&e, 60, &line, &col);
    const struct wrap *w = editor_lines(&e, 60);
    assert_non_null(w);
    assert_int_equal(line, w->n - 1);
    sbuf_free(&b);
    editor_free(&e);
}

static void editor__up_down__keep_the_column_across_wrapped_lines(void **st)
{
    (void)st;
    struct editor e;
    /* at width 10: "abcdefgh" | "åäö xyz" | "12" */
    assert_int_equal(editor_init(&e, "abcdefgh åäö xyz\n12", 100, 1), 0);
    const struct wrap *w = editor_lines(&e, 10);
    assert_int_equal(w->n, 3);
    e.cur = 6; /* after "abcdef" */
    editor_down(&e, 10);
    int line, col;
    editor_cursor(&e, 10, &line, &col);
    assert_int_equal(line, 1);
    assert_int_equal(col, 6); /* "åäö xy" is six columns, twelve bytes */
    editor_down(&e, 10);
    editor_cursor(&e, 10, &line, &col);
    assert_int_equal(line, 2);
    assert_int_equal(col, 2); /* the short line's end */
    editor_up(&e, 10);
    editor_cursor(&e, 10, &line, &col);
    assert_int_equal(line, 1);
    assert_int_equal(col, 6); /* the goal column came back */
    editor_up(&e, 10);
    editor_up(&e, 10);
    assert_int_equal(e.cur, 0);
    editor_free(&e);
}

static void editor__home_end__follow_the_wrapped_line(void **st)
{
    (void)st;
    struct editor e;
    assert_int_equal(editor_init(&e, "one two three four", 100, 1), 0);
    /* width 9: "one two" | "three" | "four" */
    e.cur = 10; /* inside "three" */
    editor_home(&e, 9);
    assert_int_equal(e.cur, 8);
    editor_end(&e, 9);
    assert_int_equal(e.cur, 13);
    editor_free(&e);
}

static void editor__words_and_kills(void **st)
{
    (void)st;
    struct editor e;
    assert_int_equal(editor_init(&e, "första andra\ntredje", 100, 1), 0);
    editor_word_left(&e);
    assert_string_equal(editor_text(&e) + e.cur, "tredje");
    editor_word_left(&e);
    assert_string_equal(editor_text(&e) + e.cur, "andra\ntredje");
    editor_kill_end(&e, 40);
    assert_string_equal(editor_text(&e), "första \ntredje");
    editor_kill_start(&e, 40);
    assert_string_equal(editor_text(&e), "\ntredje");
    editor_word_right(&e);
    assert_string_equal(editor_text(&e) + e.cur, "tredje");
    editor_free(&e);
}

static void editor__view__scrolls_to_keep_the_cursor_visible(void **st)
{
    (void)st;
    struct editor e;
    assert_int_equal(editor_init(&e, "1\n2\n3\n4\n5\n6\n7\n8", 100, 1), 0);
    assert_int_equal(editor_view(&e, 20, 3), 5); /* the cursor is on line 7 of 0..7 */
    e.cur = 0;
    assert_int_equal(editor_view(&e, 20, 3), 0);
    editor_free(&e);
}

int main(void)
{
    setlocale(LC_ALL, "C.UTF-8");
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(editor__typed_swedish_letters__stored_as_utf8),
        cmocka_unit_test(editor__backspace__removes_a_whole_character),
        cmocka_unit_test(editor__left_right__step_over_characters_not_bytes),
        cmocka_unit_test(editor__paste__keeps_newlines_and_drops_control_characters),
        cmocka_unit_test(editor__one_line__newline_becomes_space),
        cmocka_unit_test(editor__limit__cuts_a_long_paste_at_a_character_boundary),
        cmocka_unit_test(editor__long_paste__is_kept_whole),
        cmocka_unit_test(editor__up_down__keep_the_column_across_wrapped_lines),
        cmocka_unit_test(editor__home_end__follow_the_wrapped_line),
        cmocka_unit_test(editor__words_and_kills),
        cmocka_unit_test(editor__view__scrolls_to_keep_the_cursor_visible),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
