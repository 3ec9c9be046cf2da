/* test_rules.c: the level-rule language, every part and every refusal. */
#include "testutil.h"
#include "kollen/msg.h"

static struct option opts[5] = {
    {.actions = 1, .points_milli = -1}, {.actions = 1, .points_milli = -1},
    {.actions = 2, .points_milli = -1}, {.actions = 1, .points_milli = -1},
    {.actions = 1, .points_milli = -1},
};

static struct question multi(void)
{
    struct question q = {.type = QTYPE_MULTI, .scored = 1, .options = opts, .n_options = 5};
    question_finish(&q);
    return q;
}

static struct question single(void)
{
    static struct option s[4] = {{.actions = 0}, {.actions = 1}, {.actions = 2}, {.actions = 3}};
    struct question q = {.type = QTYPE_SINGLE, .scored = 1, .options = s, .n_options = 4};
    question_finish(&q);
    return q;
}

static void parse__each_part__sets_its_field(void **st)
{
    (void)st;
    struct question q = multi();
    struct rule r;
    int why;
    assert_int_equal(rule_parse("actions >= 3", &q, &r, &why), 0);
    assert_int_equal(r.min_actions, 3);
    assert_int_equal(r.need_mask, 0);
    assert_int_equal(rule_parse("options 1, 3,5", &q, &r, &why), 0);
    assert_int_equal(r.need_mask, 0x15);
    assert_int_equal(rule_parse("all", &q, &r, &why), 0);
    assert_int_equal(r.need_mask, 0x1f);
    assert_int_equal(rule_parse("actions>=2 and options 4", &q, &r, &why), 0);
    assert_int_equal(r.min_actions, 2);
    assert_int_equal(r.need_mask, 0x8);
    struct question s = single();
    assert_int_equal(rule_parse("choice >= 3", &s, &r, &why), 0);
    assert_int_equal(r.min_choice, 3);
    assert_int_equal(rule_parse("all", &s, &r, &why), 0);
    assert_int_equal(r.min_choice, 4);
    assert_true(r.present);
}

static void parse__bad_rules__refused_with_reason(void **st)
{
    (void)st;
    struct question q = multi(), s = single();
    struct rule r;
    int why;
    assert_int_equal(rule_parse("actions > 2", &q, &r, &why), -1);
    assert_int_equal(why, M_RULE_SYNTAX);
    assert_int_equal(rule_parse("actions >= 0", &q, &r, &why), -1);
    assert_int_equal(rule_parse("actions >= 7", &q, &r, &why), -1); /* max is 6 */
    assert_int_equal(why, M_RULE_TOO_MANY_ACTIONS);
    assert_int_equal(rule_parse("options 6", &q, &r, &why), -1);
    assert_int_equal(why, M_RULE_NO_OPTION);
    assert_int_equal(rule_parse("options", &q, &r, &why), -1);
    assert_int_equal(rule_parse("choice >= 2", &q, &r, &why), -1);
    assert_int_equal(why, M_RULE_CHOICE_MULTI);
    assert_int_equal(rule_parse("options 1", &s, &r, &why), -1);
    assert_int_equal(why, M_RULE_OPTIONS_SINGLE);
    assert_int_equal(rule_parse("choice >= 5", &s, &r, &why), -1);
    assert_int_equal(rule_parse("all or nothing", &q, &r, &why), -1);
    assert_int_equal(rule_parse("", &q, &r, &why), -1);
    assert_int_equal(rule_parse("actions >= 1 and", &q, &r, &why), -1);
}

static void format__round_trip__same_rule(void **st)
{
    (void)st;
    struct question q = multi();
    const char *in[] = {"actions >= 2", "options 1,3", "all", "actions >= 2 and options 4"};
    for (size_t i = 0; i < sizeof in / sizeof *in; i++) {
        struct rule r, r2;
        int why;
        char buf[256];
        assert_int_equal(rule_parse(in[i], &q, &r, &why), 0);
        rule_format(&q, &r, buf, sizeof buf);
        assert_string_equal(buf, in[i]);
        assert_int_equal(rule_parse(buf, &q, &r2, &why), 0);
        assert_memory_equal(&r, &r2, sizeof r);
    }
}

/* The list parser as it was (strtok_r, text_trim, text_parse_int): the reference for the one
 * that walks the text in place. Returns the ticks, or -1 for a refusal. */
static long long answer_list_reference(const struct question *q, const char *text, long *last,
                                       int *count)
{
    char buf[512];
    snprintf(buf, sizeof buf, "%s", text);
    uint64_t ticks = 0;
    char *save = NULL;
    *count = 0;
    for (char *tok = strtok_r(buf, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
        long v;
        text_trim(tok);
        if (text_parse_int(tok, 0, 1000000, &v) || v < 1 || v > q->n_options)
            return -1;
        ticks |= 1ULL << (v - 1);
        *last = v;
        (*count)++;
    }
    return *count ? (long long)ticks : -1;
}

static void answer__parse_list__agrees_with_the_strtok_parser(void **st)
{
    (void)st;
    struct question q = multi(), s = single();
    const char *cases[] = {"1", "1,3", " 1 , 3 ", "1,,3", ",1", "1,", ",,", ",", " ", "1, ,2",
                           "\t2\n", "1 2", "01", "-1", "+1", "5", "6", "0", "1,1", "3,2,1",
                           "x", "1,x", "1000000", "1000001", "2\v", "\f3,\r4"};
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        for (int k = 0; k < 2; k++) {
            const struct question *qq = k ? &s : &q;
            struct answer a = {0};
            struct diags d;
            diags_init(&d);
            long last = 0;
            int count;
            long long want = answer_list_reference(qq, cases[i], &last, &count);
            int ok = want >= 0 && (qq->type == QTYPE_MULTI || count == 1);
            int rc = answer_parse(qq, cases[i], &a, &d);
            if ((rc == KL_OK) != ok)
                fail_msg("\"%s\" (%s): %d, want %s", cases[i], k ? "single" : "multi", rc,
                         ok ? "ok" : "refused");
            if (ok && qq->type == QTYPE_MULTI)
                assert_int_equal(a.ticks, (uint64_t)want);
            if (ok && qq->type != QTYPE_MULTI)
                assert_int_equal(a.choice, last);
            assert_int_equal(d.n, ok ? 0 : 1);
            diags_free(&d);
        }
    }
}

static void answer__parse__all_none_lists_and_refusals(void **st)
{
    (void)st;
    struct question q = multi(), s = single();
    struct answer a = {0};
    struct diags d;
    diags_init(&d);
    assert_int_equal(answer_parse(&q, "1,3", &a, &d), KL_OK);
    assert_int_equal(a.ticks, 0x5);
    assert_true(a.answered);
    assert_int_equal(answer_parse(&q, "all", &a, &d), KL_OK);
    assert_int_equal(a.ticks, 0x1f);
    assert_int_equal(answer_parse(&q, "none", &a, &d), KL_OK);
    assert_int_equal(a.ticks, 0);
    assert_int_equal(answer_parse(&s, "all", &a, &d), KL_OK);
    assert_int_equal(a.choice, 4);
    assert_int_equal(answer_parse(&s, "none", &a, &d), KL_OK);
    assert_int_equal(a.choice, 1);
    assert_int_equal(d.n, 0);
    assert_int_equal(answer_parse(&q, "6", &a, &d), KL_EUSAGE);
    assert_int_equal(answer_parse(&q, "0", &a, &d), KL_EUSAGE);
    assert_int_equal(answer_parse(&q, "1,,x", &a, &d), KL_EUSAGE);
    assert_int_equal(answer_parse(&q, "", &a, &d), KL_EUSAGE);
    assert_int_equal(answer_parse(&s, "1,2", &a, &d), KL_EUSAGE);
    assert_int_equal(d.n, 5);
    char buf[64];
    a.answered = 1;
    a.ticks = 0x13;
    answer_format(&q, &a, buf, sizeof buf);
    assert_string_equal(buf, "1,2,5");
    diags_free(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(parse__each_part__sets_its_field),
        cmocka_unit_test(parse__bad_rules__refused_with_reason),
        cmocka_unit_test(format__round_trip__same_rule),
        cmocka_unit_test(answer__parse__all_none_lists_and_refusals),
        cmocka_unit_test(answer__parse_list__agrees_with_the_strtok_parser),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
