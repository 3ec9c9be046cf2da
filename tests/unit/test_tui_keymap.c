/* test_tui_keymap.c: the key table (unique names, no key bound twice in one screen, every
 * action documented), key names for the help, and the scripted-key reader. */
#include <locale.h>

#include "keymap.h"
#include "script.h"
#include "testutil.h"

static const int contexts[] = {CX_MAIN,  CX_ROOM,  CX_PICKER, CX_HELP,   CX_FORM,
                               CX_RECORD, CX_EDIT,  CX_LINE,   CX_PLAN,   CX_CONFIRM,
                               CX_QVIEW, CX_LEVELS, CX_PARKED, CX_SESSION, CX_FOLLOW};

static void keymap__names__are_unique_and_found_again(void **st)
{
    (void)st;
    const struct action_info *t = keymap_table();
    for (int i = 0; i < A_COUNT - 1; i++) {
        assert_int_equal(t[i].id, i + 1);
        assert_int_equal(keymap_by_name(t[i].name), t[i].id);
        for (int j = i + 1; j < A_COUNT - 1; j++)
            if (!strcmp(t[i].name, t[j].name))
                fail_msg("action name \"%s\" twice", t[i].name);
    }
    assert_int_equal(keymap_by_name("no-such-action"), A_NONE);
}

static void keymap__one_context__no_key_bound_twice(void **st)
{
    (void)st;
    const struct action_info *t = keymap_table();
    for (size_t c = 0; c < sizeof contexts / sizeof contexts[0]; c++)
        for (int i = 0; i < A_COUNT - 1; i++)
            for (int j = i + 1; j < A_COUNT - 1; j++) {
                if (!(t[i].contexts & contexts[c]) || !(t[j].contexts & contexts[c]))
                    continue;
                for (int k = 0; k < KEYMAP_KEYS; k++)
                    for (int m = 0; m < KEYMAP_KEYS; m++)
                        if (t[i].keys[k] && t[i].keys[k] == t[j].keys[m])
                            fail_msg("key %d bound to %s and %s in context %d", t[i].keys[k],
                                     t[i].name, t[j].name, contexts[c]);
            }
}

static void keymap__every_action__has_a_key_and_help_in_its_group(void **st)
{
    (void)st;
    const struct action_info *t = keymap_table();
    for (int i = 0; i < A_COUNT - 1; i++) {
        assert_true(t[i].keys[0] != 0);
        assert_true(t[i].contexts != 0);
        /* an action without help text of its own shares the line of the one before it */
        if (t[i].help == M_TUI_NONE) {
            assert_true(i > 0);
            assert_int_equal(t[i - 1].group, t[i].group);
        } else {
            assert_true(tui_msg_in(LANG_SV, t[i].help)[0] != '\0');
            assert_true(tui_msg_in(LANG_EN, t[i].help)[0] != '\0');
        }
    }
}

static void keymap__lookup__context_decides_the_meaning(void **st)
{
    (void)st;
    int arg;
    assert_int_equal(keymap_lookup(CX_MAIN, ' ', NULL), A_TICK);
    assert_int_equal(keymap_lookup(CX_MAIN, 'j', NULL), A_DOWN);
    assert_int_equal(keymap_lookup(CX_MAIN, TK_DOWN, NULL), A_DOWN);
    assert_int_equal(keymap_lookup(CX_MAIN, 'q', NULL), A_QUIT);
    assert_int_equal(keymap_lookup(CX_MAIN, '7', &arg), A_PICK);
    assert_int_equal(arg, 7);
    assert_int_equal(keymap_lookup(CX_MAIN, '0', &arg), A_NONE);
    assert_int_equal(keymap_lookup(CX_PICKER, 'n', NULL), A_NEW);
    assert_int_equal(keymap_lookup(CX_MAIN, 'n', NULL), A_NOTE);
    assert_int_equal(keymap_lookup(CX_RECORD, TK_ENTER, NULL), A_EDIT_ITEM);
    assert_int_equal(keymap_lookup(CX_MAIN, TK_ENTER, NULL), A_ENTER);
    assert_int_equal(keymap_lookup(CX_EDIT, TK_ENTER, NULL), E_NEWLINE);
    assert_int_equal(keymap_lookup(CX_LINE, TK_ENTER, NULL), E_ACCEPT);
    assert_int_equal(keymap_lookup(CX_EDIT, TK_ESC, NULL), E_DONE);
    /* letters are text in the editors */
    assert_int_equal(keymap_lookup(CX_EDIT, 'q', NULL), A_NONE);
    assert_int_equal(keymap_lookup(CX_LINE, 'j', NULL), A_NONE);
    assert_int_equal(keymap_lookup(CX_ROOM, 'r', NULL), A_ROOM);
    assert_int_equal(keymap_lookup(CX_MAIN, 'r', NULL), A_ROOM);
    /* the plan: p opens it and closes it, digits pick a level there, Enter goes to a question */
    assert_int_equal(keymap_lookup(CX_MAIN, 'p', NULL), A_PLAN);
    assert_int_equal(keymap_lookup(CX_PLAN, 'p', NULL), A_PLAN);
    assert_int_equal(keymap_lookup(CX_PLAN, '3', &arg), A_PLAN_T_LEVEL);
    assert_int_equal(arg, 3);
    assert_int_equal(keymap_lookup(CX_PLAN, TK_ENTER, NULL), A_PLAN_GOTO);
    assert_int_equal(keymap_lookup(CX_PLAN, TK_TAB, NULL), A_PLAN_NEXT_TARGET);
    assert_int_equal(keymap_lookup(CX_PLAN, 'j', NULL), A_DOWN);
    assert_int_equal(keymap_lookup(CX_PLAN, TK_ESC, NULL), A_BACK);
    /* the confirmations: j and y (either case) yes, n, Esc and q no, s tries saving again */
    assert_int_equal(keymap_lookup(CX_CONFIRM, 'j', NULL), A_YES);
    assert_int_equal(keymap_lookup(CX_CONFIRM, 'Y', NULL), A_YES);
    assert_int_equal(keymap_lookup(CX_CONFIRM, 'q', NULL), A_NO);
    assert_int_equal(keymap_lookup(CX_CONFIRM, TK_ESC, NULL), A_NO);
    assert_int_equal(keymap_lookup(CX_CONFIRM, 's', NULL), A_RETRY);
    assert_int_equal(keymap_lookup(CX_CONFIRM, ' ', NULL), A_NONE);
}

static void keymap__groups__titled_from_the_table_and_confirm_left_out(void **st)
{
    (void)st;
    assert_int_equal(keymap_group_title(G_MOVE), M_TG_MOVE);
    assert_int_equal(keymap_group_title(G_FORM), M_TG_FORM);
    assert_int_equal(keymap_group_title(G_CONFIRM), M_TUI_NONE);
    for (int g = 0; g < G_COUNT; g++)
        if (g != G_CONFIRM)
            assert_true(tui_msg_in(LANG_SV, keymap_group_title((enum key_group)g))[0] != '\0');
}

static void keymap__key_names__readable_in_both_glyph_sets(void **st)
{
    (void)st;
    char b[32];
    keymap_key_name(TK_UP, 1, 0, b, sizeof b);
    assert_string_equal(b, "↑");
    keymap_key_name(TK_UP, 0, 0, b, sizeof b);
    assert_string_equal(b, "Up");
    keymap_key_name(TK_CTRL('r'), 1, 0, b, sizeof b);
    assert_string_equal(b, "Ctrl-R");
    keymap_key_name('?', 1, 0, b, sizeof b);
    assert_string_equal(b, "?");
    keymap_key_name(TK_BTAB, 1, 0, b, sizeof b);
    assert_string_equal(b, "Shift-Tab");
    /* the space bar: a word in the help, a glyph on the status line */
    msg_set_lang(LANG_SV);
    keymap_key_name(' ', 1, 0, b, sizeof b);
    assert_string_equal(b, "Mellanslag");
    keymap_key_name(' ', 1, 1, b, sizeof b);
    assert_string_equal(b, "␣");
    keymap_key_name(' ', 0, 1, b, sizeof b);
    assert_string_equal(b, "Spc");
    keymap_action_key(A_TICK, 1, b, sizeof b);
    assert_string_equal(b, "␣");
    keymap_action_key(A_DOCUMENTED, 1, b, sizeof b);
    assert_string_equal(b, "d");
}

static void script__names_and_text__become_keys(void **st)
{
    (void)st;
    const char *p = "a<Enter>å<C-r><Lt><Bogus>\n<Esc>";
    int want[] = {'a', TK_ENTER, 0xE5, TK_CTRL('r'), '<', '<', 'B', 'o', 'g', 'u', 's', '>',
                  TK_ESC};
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++)
        assert_int_equal(script_next(&p), want[i]);
    assert_int_equal(script_next(&p), -1);
    assert_int_equal(script_next(&p), -1);
}

int main(void)
{
    setlocale(LC_ALL, "C.UTF-8");
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(keymap__names__are_unique_and_found_again),
        cmocka_unit_test(keymap__one_context__no_key_bound_twice),
        cmocka_unit_test(keymap__every_action__has_a_key_and_help_in_its_group),
        cmocka_unit_test(keymap__lookup__context_decides_the_meaning),
        cmocka_unit_test(keymap__groups__titled_from_the_table_and_confirm_left_out),
        cmocka_unit_test(keymap__key_names__readable_in_both_glyph_sets),
        cmocka_unit_test(script__names_and_text__become_keys),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
