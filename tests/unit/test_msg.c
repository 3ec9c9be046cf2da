/* test_msg.c: the message table: both languages take the same printf arguments. */
#include "testutil.h"
#include "kollen/msg.h"

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

static void table__swedish_and_english__same_conversions(void **st)
{
    (void)st;
    for (int id = 0; id < MSG_COUNT; id++) {
        char sv[128], en[128];
        conversions(msg_in(LANG_SV, (enum msg_id)id), sv, sizeof sv);
        conversions(msg_in(LANG_EN, (enum msg_id)id), en, sizeof en);
        if (strcmp(sv, en))
            fail_msg("message %d: Swedish takes %s, English %s (\"%s\")", id, sv, en,
                     msg_in(LANG_EN, (enum msg_id)id));
    }
}

static void table__every_message__has_both_texts(void **st)
{
    (void)st;
    for (int id = 0; id < MSG_COUNT; id++) {
        assert_non_null(msg_in(LANG_SV, (enum msg_id)id));
        assert_non_null(msg_in(LANG_EN, (enum msg_id)id));
        assert_true(msg_in(LANG_EN, (enum msg_id)id)[0] != '\0' || id == M_MISS_SEP);
    }
}

static void lang__switch__changes_text(void **st)
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
    msg_set_lang(LANG_SV);
    assert_string_equal(msg(M_W_LEVEL), "Nivå");
    char buf[64];
    msg_format(buf, sizeof buf, M_W_BLOCKERS, 2);
    assert_string_equal(buf, "Hinder för nivå 2");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(table__swedish_and_english__same_conversions),
        cmocka_unit_test(table__every_message__has_both_texts),
        cmocka_unit_test(lang__switch__changes_text),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
