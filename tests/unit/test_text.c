/* test_text.c: strings, UTF-8, percent-encoding, sanitising, widths, bars, numbers, times. */
#include <locale.h>

#include "testutil.h"
#include "kollen/text.h"

static void percent__round_trip__every_byte_but_nul(void **st)
{
    (void)st;
    char all[256];
    for (int i = 1; i < 256; i++)
        all[i - 1] = (char)i;
    all[255] = '\0';
    struct sbuf b;
    sbuf_init(&b);
    text_percent_encode(&b, all, 255);
    assert_null(strpbrk(b.p, ";#\"'\\\n\r\t"));
    char *back = text_percent_decode(b.p);
    assert_memory_equal(back, all, 256);
    free(back);
    sbuf_free(&b);
}

static void percent__edges__leading_and_trailing_spaces_encoded(void **st)
{
    (void)st;
    struct sbuf b;
    sbuf_init(&b);
    text_percent_encode(&b, "  a b  ", 7);
    assert_string_equal(b.p, "%20%20a b%20%20");
    sbuf_free(&b);
}

static void percent__c1_and_bidi__written_escaped(void **st)
{
    (void)st;
    struct sbuf b;
    sbuf_init(&b);
    const char *t = "a\xC2\x9B" "31m\xE2\x80\xAE" "b åäö";
    text_percent_encode(&b, t, strlen(t));
    assert_string_equal(b.p, "a%C2%9B31m%E2%80%AEb åäö");
    char *back = text_percent_decode(b.p);
    assert_string_equal(back, t);
    free(back);
    sbuf_free(&b);
}

static void percent__decode__literal_percent_kept(void **st)
{
    (void)st;
    char *s = text_percent_decode("under 25 % och 100 %");
    assert_string_equal(s, "under 25 % och 100 %");
    free(s);
    s = text_percent_decode("a%3Bb%2x%");
    assert_string_equal(s, "a;b%2x%");
    free(s);
}

static void utf8__invalid_sequences__rejected(void **st)
{
    (void)st;
    size_t bad;
    assert_true(utf8_valid("åäö €😀", strlen("åäö €😀"), &bad));
    assert_false(utf8_valid("a\xC3", 2, &bad));
    assert_int_equal(bad, 1);
    assert_false(utf8_valid("\xC0\xAF", 2, &bad));         /* overlong */
    assert_false(utf8_valid("\xED\xA0\x80", 3, &bad));     /* surrogate */
    assert_false(utf8_valid("\xF4\x90\x80\x80", 4, &bad)); /* > U+10FFFF */
    assert_false(utf8_valid("a\0b", 3, &bad));             /* NUL */
}

static void sanitize__escape_sequences__never_pass(void **st)
{
    (void)st;
    char *s = text_sanitize_dup("a\x1b]0;pwned\x07" "b\x1b[2Jc\xc2\x9b" "31md\te\nf\x7f\xff", 1);
    assert_string_equal(s, "a]0;pwnedb[2Jc31md e\nf\xEF\xBF\xBD");
    free(s);
    s = text_sanitize_dup("x\ny", 0);
    assert_string_equal(s, "xy");
    free(s);
}

static void json__controls__escaped(void **st)
{
    (void)st;
    struct sbuf b;
    sbuf_init(&b);
    text_json_string(&b, "\"q\"\\\n\x1b[2J\xc2\x9b\xff");
    assert_string_equal(b.p, "\"\\\"q\\\"\\\\\\n\\u001b[2J\\u009b\\ufffd\"");
    sbuf_free(&b);
}

static void width__wide_and_combining__counted_by_display(void **st)
{
    (void)st;
    assert_int_equal(text_width("abc"), 3);
    assert_int_equal(text_width("åäö"), 3);
    assert_int_equal(text_width("日本"), 4);
    assert_int_equal(text_width("e\xCC\x81"), 1); /* e + combining acute */
    int w;
    /* a wide character that does not fit is left out whole */
    assert_int_equal(text_fit("a日b", strlen("a日b"), 2, &w), 1);
    assert_int_equal(w, 1);
    /* combining marks go with their base */
    assert_int_equal(text_fit("e\xCC\x81x", 4, 1, &w), 3);
}

static void truncate__long_text__ellipsis_within_width(void **st)
{
    (void)st;
    struct sbuf b;
    sbuf_init(&b);
    text_truncate(&b, "Ledningens styrning och kontroll", 12, 1);
    assert_string_equal(b.p, "Ledningens…");
    assert_true(text_width(b.p) <= 12);
    sbuf_reset(&b);
    text_truncate(&b, "kort", 12, 1);
    assert_string_equal(b.p, "kort");
    sbuf_reset(&b);
    text_truncate(&b, "日本語テキスト", 5, 0);
    assert_string_equal(b.p, "日...");
    sbuf_free(&b);
}

static void bar__fractions__eighths_and_ascii(void **st)
{
    (void)st;
    struct sbuf b;
    sbuf_init(&b);
    text_bar(&b, 0.5, 4, 0);
    assert_string_equal(b.p, "##--");
    sbuf_reset(&b);
    text_bar(&b, 0.5625, 2, 1); /* 9/16 of 2 cells = 1 cell + 1/8 */
    assert_string_equal(b.p, "█▏");
    sbuf_reset(&b);
    text_bar(&b, 2.0, 3, 1);
    assert_string_equal(b.p, "███");
    assert_int_equal(text_width(b.p), 3);
    sbuf_free(&b);
}

static void numbers__milli_and_decimal__formatted(void **st)
{
    (void)st;
    struct sbuf b;
    sbuf_init(&b);
    text_milli(&b, 12500, 1);
    assert_string_equal(b.p, "12,5");
    sbuf_reset(&b);
    text_milli(&b, 200000, 0);
    assert_string_equal(b.p, "200");
    sbuf_reset(&b);
    text_milli(&b, 3125, 0);
    assert_string_equal(b.p, "3.1");
    sbuf_reset(&b);
    text_milli(&b, 27416, 1);
    assert_string_equal(b.p, "27,4");
    sbuf_reset(&b);
    text_milli(&b, 4960, 0);
    assert_string_equal(b.p, "5");
    sbuf_reset(&b);
    text_milli_exact(&b, 3125, 0);
    assert_string_equal(b.p, "3.125");
    sbuf_reset(&b);
    text_decimal(&b, 2.575, 2, 1);
    assert_string_equal(b.p, "2,58");
    sbuf_free(&b);
}

static void time__round_trip__utc(void **st)
{
    (void)st;
    char buf[32];
    int64_t t;
    text_format_time(1764312000, buf, sizeof buf);
    assert_string_equal(buf, "2025-11-28T06:40:00Z");
    assert_int_equal(text_parse_time(buf, &t), 0);
    assert_int_equal(t, 1764312000);
    assert_int_equal(text_parse_time("2024-02-30T00:00:00Z", &t), -1);
    assert_int_equal(text_parse_time("2024-02-29T23:59:59Z", &t), 0);
    assert_true(text_valid_date("2024-02-29"));
    assert_false(text_valid_date("2023-02-29"));
    assert_false(text_valid_date("2023-1-01"));
}

static void parse_int__garbage__rejected(void **st)
{
    (void)st;
    long v;
    assert_int_equal(text_parse_int("42", 0, 100, &v), 0);
    assert_int_equal(v, 42);
    assert_int_equal(text_parse_int("42x", 0, 100, &v), -1);
    assert_int_equal(text_parse_int("", 0, 100, &v), -1);
    assert_int_equal(text_parse_int("101", 0, 100, &v), -1);
    assert_int_equal(text_parse_int(" 1", 0, 100, &v), -1);
    assert_int_equal(text_parse_int("99999999999999999999", 0, 100, &v), -1);
}

int main(void)
{
    setlocale(LC_ALL, "C.UTF-8");
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(percent__round_trip__every_byte_but_nul),
        cmocka_unit_test(percent__edges__leading_and_trailing_spaces_encoded),
        cmocka_unit_test(percent__c1_and_bidi__written_escaped),
        cmocka_unit_test(percent__decode__literal_percent_kept),
        cmocka_unit_test(utf8__invalid_sequences__rejected),
        cmocka_unit_test(sanitize__escape_sequences__never_pass),
        cmocka_unit_test(json__controls__escaped),
        cmocka_unit_test(width__wide_and_combining__counted_by_display),
        cmocka_unit_test(truncate__long_text__ellipsis_within_width),
        cmocka_unit_test(bar__fractions__eighths_and_ascii),
        cmocka_unit_test(numbers__milli_and_decimal__formatted),
        cmocka_unit_test(time__round_trip__utc),
        cmocka_unit_test(parse_int__garbage__rejected),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
