/* test_fmt.c: the one formatter of each thing shown in several places (kollen/fmt.h): a level
 * in each of its forms, the decimal sign of the language, points, a question's rules. */
#include "kollen/fmt.h"
#include "kollen/msg.h"
#include "testutil.h"

/* What fmt_level writes for a level and value in a style, in the language set. */
struct level_case {
    int lv;
    double v;
    enum fmt_level style;
    const char *want;
};

static void levels_are(const struct bank *b, enum lang lang, const struct level_case *c, size_t n)
{
    msg_set_lang(lang);
    struct sbuf o;
    sbuf_init(&o);
    for (size_t i = 0; i < n; i++) {
        sbuf_reset(&o);
        fmt_level(&o, b, c[i].lv, c[i].v, c[i].style);
        assert_string_equal(o.p ? o.p : "", c[i].want);
    }
    sbuf_free(&o);
    msg_set_lang(LANG_SV);
}

static void level__every_form__actions_bank_in_both_languages(void **st)
{
    (void)st;
    static const struct level_case sv[] = {
        {2, 2.4, FMT_LEVEL_NUMBER, "2"},
        {2, 2.4, FMT_LEVEL_BRIEF, "2"},
        {2, 2.4, FMT_LEVEL_NAME, "Nivå 2: System"},
        {0, 0.5, FMT_LEVEL_NAME, "ingen nivå"},
        {2, 2.4, FMT_LEVEL_LABEL, "System"},
        {0, 0.5, FMT_LEVEL_LABEL, "ingen nivå"},
        {4, 0, FMT_LEVEL_NAME, "ingen nivå"}, /* past the top */
        {2, 2.4, FMT_LEVEL_TITLE, "Nivå 2: System"},
        {0, 0.5, FMT_LEVEL_TITLE, "Nivå 0: ingen nivå"},
        {2, 2.4, FMT_LEVEL_NUMBER_NAME, "2 System"},
        {0, 0.5, FMT_LEVEL_NUMBER_NAME, "0"},
        {1, 1.5, FMT_LEVEL_AREA, "1 (1,50)"},
        {1, 1.5, FMT_LEVEL_RESULT, "Nivå 1: Grund"},
        {0, 1.234, FMT_LEVEL_VALUE, "1,23"},
        {0, -1, FMT_LEVEL_VALUE, "–"},
    };
    static const struct level_case en[] = {
        {2, 2.4, FMT_LEVEL_NAME, "Level 2: System"},
        {0, 0, FMT_LEVEL_TITLE, "Level 0: no level"},
        {1, 1.5, FMT_LEVEL_AREA, "1 (1.50)"},
    };
    struct bank *b = load_fixture_bank("mini");
    levels_are(b, LANG_SV, sv, N_OF(sv));
    levels_are(b, LANG_EN, en, N_OF(en));
    bank_free(b);
}

static void level__scale_bank__the_mean_with_its_decimals(void **st)
{
    (void)st;
    static const struct level_case sv[] = {
        {2, 2.583, FMT_LEVEL_NUMBER, "2,58"},
        {2, 2.583, FMT_LEVEL_BRIEF, "2,6"},
        {2, 2.583, FMT_LEVEL_TITLE, "Nivå 2,58: Bristfälligt skydd"},
        /* no answers, or statements unanswered: no level, and the mean is not written as one */
        {0, 0, FMT_LEVEL_TITLE, "ingen nivå"},
        {0, 3.1, FMT_LEVEL_TITLE, "medel 3,10, ingen nivå än"},
        {0, 3.1, FMT_LEVEL_RESULT, "medel 3,10, ingen nivå än"},
        {2, 2.583, FMT_LEVEL_NUMBER_NAME, "2,58 Bristfälligt skydd"},
        {2, 2.583, FMT_LEVEL_AREA, "2,58"},
        {2, 2.583, FMT_LEVEL_RESULT, "Nivå 2,58"},
    };
    static const struct level_case en[] = {
        {2, 2.583, FMT_LEVEL_NUMBER, "2.58"},
    };
    struct bank *b = load_fixture_bank("miniscale");
    levels_are(b, LANG_SV, sv, N_OF(sv));
    levels_are(b, LANG_EN, en, N_OF(en));
    bank_free(b);
}

static void decimal_and_points__the_language_decides_the_sign(void **st)
{
    (void)st;
    struct sbuf o;
    sbuf_init(&o);
    msg_set_lang(LANG_SV);
    assert_int_equal(fmt_comma(), 1);
    fmt_decimal(&o, 0.5, 2);
    sbuf_add(&o, " ");
    fmt_points(&o, 27416);
    sbuf_add(&o, " ");
    fmt_points(&o, 200000);
    assert_string_equal(o.p, "0,50 27,4 200");
    sbuf_reset(&o);
    msg_set_lang(LANG_EN);
    assert_int_equal(fmt_comma(), 0);
    fmt_decimal(&o, 0.5, 2);
    sbuf_add(&o, " ");
    fmt_points(&o, 12500);
    assert_string_equal(o.p, "0.50 12.5");
    msg_set_lang(LANG_SV);
    sbuf_free(&o);
}

static char *rules(const struct bank *b, int number)
{
    struct sbuf o;
    sbuf_init(&o);
    fmt_rules(&o, b, &b->questions[bank_find_question(b, number)], "|");
    return sbuf_take(&o);
}

static void rules__in_words_read_aloud_documentation_from_its_level(void **st)
{
    (void)st;
    struct bank *b = load_fixture_bank("mini");
    msg_set_lang(LANG_SV);
    assert_string_taken(rules(b, 1), "Krav: nivå 1 minst 1 åtgärd | nivå 2 minst 2 åtgärder, "
                                     "dokumenterat | nivå 3 alla alternativ, dokumenterat");
    assert_string_taken(rules(b, 2),
                        "Krav: nivå 1 alternativ 2 eller högre | nivå 2 alternativ 3 eller "
                        "högre, dokumenterat | nivå 3 det högsta alternativet (4), dokumenterat");
    assert_string_taken(rules(b, 3), "Krav: nivå 2 alternativ 1 ikryssat, dokumenterat | nivå 3 "
                                     "alla alternativ, dokumenterat");
    assert_string_taken(rules(b, 5), "Valideringsfråga: räknas inte");
    msg_set_lang(LANG_EN);
    assert_string_taken(rules(b, 4), "Needs: level 3 at least 2 actions, documented");
    /* a rule with several parts: "and" between them, the options as a list */
    struct question q = b->questions[bank_find_question(b, 1)];
    q.rules[2].min_actions = 5;
    q.rules[2].need_mask = 5; /* options 1 and 3 */
    struct sbuf o;
    sbuf_init(&o);
    fmt_rule(&o, b, &q, 2);
    assert_string_equal(o.p, "at least 5 actions and options 1 and 3 ticked, documented");
    msg_set_lang(LANG_SV);
    sbuf_reset(&o);
    q.n_options = 4; /* only the count is read: three of four options */
    q.rules[2].need_mask = 7;
    fmt_rule(&o, b, &q, 2);
    assert_string_equal(o.p, "minst 5 åtgärder och alternativ 1-3 ikryssade, dokumenterat");
    sbuf_reset(&o);
    fmt_rule(&o, b, &q, 4); /* no rule at that level: nothing */
    assert_true(!o.p || !o.p[0]);
    sbuf_free(&o);
    msg_set_lang(LANG_SV);
    bank_free(b);
    struct bank *s = load_fixture_bank("miniscale");
    assert_string_taken(rules(s, 1), ""); /* a scale bank: no rules to word */
    bank_free(s);
}

static char *numbers(uint64_t mask)
{
    struct sbuf o;
    sbuf_init(&o);
    fmt_numbers(&o, mask);
    return sbuf_take(&o);
}

static char *count_word(int n)
{
    struct sbuf o;
    sbuf_init(&o);
    fmt_count_word(&o, n);
    return sbuf_take(&o);
}

static void numbers__runs_pairs_and_the_last_after_och(void **st)
{
    (void)st;
    msg_set_lang(LANG_SV);
    assert_string_taken(numbers(0x3F8), "4-10");          /* 4..10 */
    assert_string_taken(numbers(0x1 | 0x4 | 0x70), "1, 3 och 5-7");
    assert_string_taken(numbers(0x18), "4 och 5");        /* a pair is two numbers */
    assert_string_taken(numbers(0x1), "1");
    assert_string_taken(numbers(1ULL << 63), "64");
    assert_string_taken(numbers(~0ULL), "1-64");
    assert_string_taken(count_word(2), "två");
    assert_string_taken(count_word(12), "tolv");
    assert_string_taken(count_word(13), "13");
    msg_set_lang(LANG_EN);
    assert_string_taken(numbers(0x1 | 0x4), "1 and 3");
    assert_string_taken(count_word(1), "one");
    msg_set_lang(LANG_SV);
}

static char *rule_text(const struct bank *b, int number, int lv)
{
    const struct question *q = &b->questions[bank_find_question(b, number)];
    struct sbuf o;
    sbuf_init(&o);
    fmt_rule_text(&o, q, &q->rules[lv]);
    return sbuf_take(&o);
}

/* `kollen bank` words a rule; no English tokens in Swedish (issue 15) */
static void rule_text__in_words_both_languages(void **st)
{
    (void)st;
    struct bank *b = load_fixture_bank("mini");
    msg_set_lang(LANG_SV);
    assert_string_taken(rule_text(b, 1, 1), "minst 1 åtgärd");
    assert_string_taken(rule_text(b, 1, 2), "minst 2 åtgärder");
    assert_string_taken(rule_text(b, 1, 3), "alla alternativ");
    assert_string_taken(rule_text(b, 2, 1), "alternativ 2 eller högre");
    assert_string_taken(rule_text(b, 3, 2), "alternativ 1 ikryssat");
    msg_set_lang(LANG_EN);
    assert_string_taken(rule_text(b, 1, 2), "at least 2 actions");
    assert_string_taken(rule_text(b, 3, 2), "option 1 ticked");
    msg_set_lang(LANG_SV);
    bank_free(b);
}

static void period__beside_the_phrase_any_case_every_time(void **st)
{
    (void)st;
    char *t = fmt_period_text("De senaste två åren, har ni övat? Och de SENASTE TVÅ ÅREN igen.",
                            "2022-06-01", "2024-05-31");
    assert_string_equal(t, "De senaste två åren (2022-06-01–2024-05-31), har ni övat? Och de "
                           "SENASTE TVÅ ÅREN (2022-06-01–2024-05-31) igen.");
    free(t);
    assert_null(fmt_period_text("Har ni en policy?", "2022-06-01", "2024-05-31"));
    assert_null(fmt_period_text("De senaste två åren?", NULL, NULL)); /* no period recorded */
    assert_null(fmt_period_text("De senaste två åren \xff", "2022-06-01", "2024-05-31"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(level__every_form__actions_bank_in_both_languages),
        cmocka_unit_test(level__scale_bank__the_mean_with_its_decimals),
        cmocka_unit_test(decimal_and_points__the_language_decides_the_sign),
        cmocka_unit_test(numbers__runs_pairs_and_the_last_after_och),
        cmocka_unit_test(rule_text__in_words_both_languages),
        cmocka_unit_test(rules__in_words_read_aloud_documentation_from_its_level),
        cmocka_unit_test(period__beside_the_phrase_any_case_every_time),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
