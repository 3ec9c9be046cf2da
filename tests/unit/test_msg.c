/* test_msg.c: every layer's message table (core, ops, cli with the command table, report, tui):
 * Swedish and English take the same printf arguments and neither text is missing; a language
 * switch changes every table. (That an id of another table does not compile is checked by
 * tests/sh/layers.sh.) */
#include "cli_msg.h"
#include "kollen/msg.h"
#include "kollen/ops_msg.h"
#include "report_msg.h"
#include "testutil.h"
#include "tui_msg.h"

static const struct msg_table *const tables[] = {&msg_table, &ops_msg_table, &cli_msg_table,
                                                 &rep_msg_table, &tui_msg_table};
#define N_TABLES (sizeof tables / sizeof tables[0])

/* The conversions of a printf format, "%d%s%zu" style, flags and widths dropped. */
static void conversions(const char *f, char *out, size_t n)
{
    size_t k = 0;
    for (const char *p = f; *p && k + 4 < n; p++) {
        if (*p != '%')
            continue;
        p++;
        if (*p == '%')
            continue;
        while (*p && strchr("-+ #0123456789.*", *p))
            p++;
        while (*p && strchr("hlLqjzt", *p))
            out[k++] = *p++;
        if (*p)
            out[k++] = *p;
        out[k++] = ';';
    }
    out[k] = '\0';
}

static void tables__swedish_and_english__same_conversions(void **st)
{
    (void)st;
    for (size_t t = 0; t < N_TABLES; t++)
        for (int id = 0; id < tables[t]->count; id++) {
            char sv[128], en[128];
            conversions(msg_table_text(tables[t], LANG_SV, id), sv, sizeof sv);
            conversions(msg_table_text(tables[t], LANG_EN, id), en, sizeof en);
            if (strcmp(sv, en))
                fail_msg("%s message %d: Swedish takes %s, English %s (\"%s\")", tables[t]->name,
                         id, sv, en, msg_table_text(tables[t], LANG_EN, id));
        }
}

static void tables__every_message__has_both_texts(void **st)
{
    (void)st;
    for (size_t t = 0; t < N_TABLES; t++)
        for (int id = 0; id < tables[t]->count; id++) {
            const char *sv = tables[t]->sv[id], *en = tables[t]->en[id];
            if (!sv || !en)
                fail_msg("%s message %d has no text", tables[t]->name, id);
            /* empty only on purpose: in both languages (M_TUI_NONE, a command without help) */
            if (!sv[0] != !en[0])
                fail_msg("%s message %d is empty in one language only", tables[t]->name, id);
        }
}

static void tables__ids_out_of_range__are_a_question_mark(void **st)
{
    (void)st;
    for (size_t t = 0; t < N_TABLES; t++) {
        assert_string_equal(msg_table_text(tables[t], LANG_SV, -1), "?");
        assert_string_equal(msg_table_text(tables[t], LANG_EN, tables[t]->count), "?");
    }
}

static void lang__switch__changes_every_table(void **st)
{
    (void)st;
    enum lang l;
    assert_int_equal(msg_parse_lang("en_GB.UTF-8", &l), 0);
    assert_int_equal(l, LANG_EN);
    assert_int_equal(msg_parse_lang("sv", &l), 0);
    assert_int_equal(l, LANG_SV);
    assert_int_equal(msg_parse_lang("de", &l), -1);
    msg_set_lang(LANG_EN);
    assert_string_equal(msg(M_W_LEVEL), "Level");
    assert_string_equal(rep_msg(M_W_YES), "yes");
    assert_string_equal(tui_msg(M_TUI_NOTE), "Note");
    assert_string_equal(cli_msg(M_CLI_ERROR), "error");
    assert_string_equal(cli_msg(M_USAGE_cmd_lint), "lint DIR");
    msg_set_lang(LANG_SV);
    assert_string_equal(msg(M_W_LEVEL), "Nivå");
    assert_string_equal(cli_msg(M_USAGE_cmd_lint), "lint MAPP");
    char buf[64];
    rep_msg_format(buf, sizeof buf, M_W_BLOCKERS, 2);
    assert_string_equal(buf, "Stopp för nivå 2");
    ops_msg_format(buf, sizeof buf, M_OPS_NO_OPTION, 7);
    assert_string_equal(buf, "Frågan har inget alternativ 7.");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(tables__swedish_and_english__same_conversions),
        cmocka_unit_test(tables__every_message__has_both_texts),
        cmocka_unit_test(tables__ids_out_of_range__are_a_question_mark),
        cmocka_unit_test(lang__switch__changes_every_table),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
