/* test_text.c: strings, UTF-8, percent-encoding, sanitising, widths, bars, numbers, times. */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
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

/* The character-at-a-time definitions the fast paths for ASCII must agree with. */
static int ref_width(const char *s, size_t n)
{
    int w = 0;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        size_t k = utf8_decode(s + i, n - i, &cp);
        w += k ? text_cp_width(cp) : 1;
        i += k ? k : 1;
    }
    return w;
}

static size_t ref_fit(const char *s, size_t n, int cols, int *width)
{
    size_t i = 0;
    int w = 0;
    while (i < n) {
        uint32_t cp;
        size_t k = utf8_decode(s + i, n - i, &cp);
        int cw = k ? text_cp_width(cp) : 1;
        if (w + cw > cols)
            break;
        w += cw;
        i += k ? k : 1;
    }
    while (i < n) {
        uint32_t cp;
        size_t k = utf8_decode(s + i, n - i, &cp);
        if (!k || text_cp_width(cp) != 0 || text_is_control(cp))
            break;
        i += k;
    }
    *width = w;
    return i;
}

static void ref_sanitize(struct sbuf *o, const char *s, int keep_newlines)
{
    size_t n = strlen(s);
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        size_t k = utf8_decode(s + i, n - i, &cp);
        if (k == 0)
            sbuf_add(o, "\xEF\xBF\xBD");
        else if (keep_newlines && cp == '\n')
            sbuf_addc(o, '\n');
        else if (cp == '\t')
            sbuf_addc(o, ' ');
        else if (!text_is_control(cp))
            sbuf_addn(o, s + i, k);
        i += k ? k : 1;
    }
}

static void text__ascii_fast_paths__agree_with_character_at_a_time(void **st)
{
    (void)st;
    const char *cases[] = {
        "", "plain ascii text", "tab\there", "line\nbreak\n", "e\xCC\x81x\xCC\x81\xCC\x82",
        "a\xCC\x81", "\xCC\x81lead", "日本語 and ascii", "bad \xff byte", "cut \xE2\x80",
        "\xC3", "ctl\x1b[2J\x7f\xc2\x9b end", "bidi \xE2\x80\xAE" "evil\xE2\x80\xAC", "åäö ÅÄÖ",
        "mix 日\tb\xCC\x81\n\xE2\x80\xA8x"};
    for (size_t c = 0; c < sizeof cases / sizeof *cases; c++) {
        const char *s = cases[c];
        size_t n = strlen(s);
        assert_int_equal(text_width(s), ref_width(s, n));
        for (int cols = 0; cols <= ref_width(s, n) + 1; cols++) {
            int w1, w2;
            assert_int_equal(text_fit(s, n, cols, &w1), ref_fit(s, n, cols, &w2));
            assert_int_equal(w1, w2);
        }
        for (int keep = 0; keep <= 1; keep++) {
            struct sbuf a, b;
            sbuf_init(&a);
            sbuf_init(&b);
            text_sanitize(&a, s, keep);
            ref_sanitize(&b, s, keep);
            assert_string_equal(a.p ? a.p : "", b.p ? b.p : "");
            sbuf_free(&a);
            sbuf_free(&b);
        }
    }
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

/* sbuf_room hands out space at the end, NUL-terminated after it, and grows as sbuf_addn does. */
static void sbuf__room__filled_by_the_caller_and_terminated(void **st)
{
    (void)st;
    struct sbuf b;
    sbuf_init(&b);
    sbuf_add(&b, "ab");
    char *w = sbuf_room(&b, 3);
    assert_non_null(w);
    memcpy(w, "xyz", 3);
    assert_int_equal(b.len, 5);
    assert_string_equal(b.p, "abxyz");
    assert_non_null(sbuf_room(&b, 0));
    assert_string_equal(b.p, "abxyz");
    for (int i = 0; i < 100; i++) /* past the first capacities */
        memset(sbuf_room(&b, 7), 'q', 7);
    assert_int_equal(b.len, 705);
    assert_int_equal(strlen(b.p), 705);
    b.oom = 1; /* after a failure, no room and nothing changed */
    assert_null(sbuf_room(&b, 1));
    assert_int_equal(b.len, 705);
    sbuf_free(&b);
}

/* The parser as it was (digits checked, then strtol): the reference for the one by hand. */
static int parse_int_reference(const char *s, long lo, long hi, long *out)
{
    if (!s || !*s)
        return -1;
    for (const char *p = s; *p; p++)
        if (!(isdigit((unsigned char)*p) || (p == s && *p == '-')))
            return -1;
    errno = 0;
    char *end;
    long v = strtol(s, &end, 10);
    if (errno || *end || v < lo || v > hi)
        return -1;
    *out = v;
    return 0;
}

static void parse_int__by_hand__agrees_with_strtol_at_every_edge(void **st)
{
    (void)st;
    char max[32], min[32], past_max[32], past_min[32];
    snprintf(max, sizeof max, "%ld", LONG_MAX);
    snprintf(min, sizeof min, "%ld", LONG_MIN);
    snprintf(past_max, sizeof past_max, "%lu", (unsigned long)LONG_MAX + 1);
    snprintf(past_min, sizeof past_min, "-%lu", (unsigned long)LONG_MAX + 2);
    const char *cases[] = {"0", "-0", "00", "007", "-", "--1", "+1", "1-", "1 ", " 1", "",
                           "9", "10", "100000", "100001", "-1", "-100000", "1.5", "0x10",
                           "\xd9\xa3", "99999999999999999999", "18446744073709551616",
                           max, min, past_max, past_min};
    const long bounds[][2] = {{0, 100}, {1, 100000}, {LONG_MIN, LONG_MAX}, {-5, -1}};
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
        for (size_t b = 0; b < sizeof bounds / sizeof *bounds; b++) {
            long want = 12345, got = 12345;
            int rw = parse_int_reference(cases[i], bounds[b][0], bounds[b][1], &want);
            int rg = text_parse_int(cases[i], bounds[b][0], bounds[b][1], &got);
            if (rw != rg || want != got)
                fail_msg("\"%s\" in [%ld, %ld]: %d %ld, want %d %ld", cases[i], bounds[b][0],
                         bounds[b][1], rg, got, rw, want);
        }
    long v;
    assert_int_equal(text_parse_int(NULL, 0, 1, &v), -1);
}

/* The encoder, one byte at a time, as it was before it wrote runs in bulk: the reference. */
static void encode_reference(struct sbuf *out, const char *s, size_t n)
{
    static const char hex[] = "0123456789ABCDEF";
    size_t lead = 0, trail = n;
    while (lead < n && s[lead] == ' ')
        lead++;
    while (trail > lead && s[trail - 1] == ' ')
        trail--;
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        size_t len = 1;
        int enc;
        if (c < 0x80) {
            enc = c < 0x20 || c == 0x7F || c == '%' || c == ';' || c == '#' || c == '"' ||
                  c == '\'' || c == '\\' || (c == ' ' && (i < lead || i >= trail));
        } else {
            uint32_t cp;
            size_t k = utf8_decode(s + i, n - i, &cp);
            enc = k == 0 || text_is_control(cp);
            len = k ? k : 1;
        }
        for (size_t j = 0; j < len; j++) {
            unsigned char b = (unsigned char)s[i + j];
            if (enc) {
                char e[3] = {'%', hex[b >> 4], hex[b & 15]};
                sbuf_addn(out, e, 3);
            } else {
                sbuf_addc(out, (char)b);
            }
        }
        i += len;
    }
}

static const char *const pieces[] = {"a", " ", "  ", "\n", "\t", ";", "%", "å", "日", "😀",
                                     "\xC2\x85", "\xE2\x80\xAE", "\xff", "\xE2\x80", "\"", "x y"};

static void percent__bulk_encoder__same_bytes_as_one_at_a_time(void **st)
{
    (void)st;
    unsigned seed = 7;
    for (int round = 0; round < 2000; round++) {
        struct sbuf t, want, got;
        sbuf_init(&t);
        sbuf_init(&want);
        sbuf_init(&got);
        int len = (int)((seed = seed * 1103515245 + 12345) >> 16) % 60;
        for (int i = 0; i < len; i++) {
            seed = seed * 1103515245 + 12345;
            sbuf_add(&t, pieces[(seed >> 16) % (sizeof pieces / sizeof *pieces)]);
        }
        encode_reference(&want, t.p ? t.p : "", t.len);
        text_percent_encode(&got, t.p ? t.p : "", t.len);
        assert_string_equal(got.p ? got.p : "", want.p ? want.p : "");
        sbuf_free(&t);
        sbuf_free(&want);
        sbuf_free(&got);
    }
}

/* Split random text with text_percent_fit: every part fits, none splits a character, the
 * parts join to the text, and every part but the last is at least half the limit. */
static void percent__fit__parts_fit_and_join_whole(void **st)
{
    (void)st;
    unsigned seed = 11;
    for (int round = 0; round < 300; round++) {
        struct sbuf t;
        sbuf_init(&t);
        int len = (int)((seed = seed * 1103515245 + 12345) >> 16) % 3000;
        for (int i = 0; i < len; i++) {
            seed = seed * 1103515245 + 12345;
            sbuf_add(&t, pieces[(seed >> 16) % (sizeof pieces / sizeof *pieces)]);
        }
        size_t max = 24 + round % 200, at = 0;
        struct sbuf joined;
        sbuf_init(&joined);
        while (at < t.len) {
            size_t k = text_percent_fit(t.p + at, t.len - at, max, round % 2);
            assert_true(k > 0);
            struct sbuf e;
            sbuf_init(&e);
            text_percent_encode(&e, t.p + at, k);
            assert_true(e.len <= max);
            if (at + k < t.len) {
                assert_true(e.len >= max / 2);
                /* never inside a character: the characters from the start end at the cut */
                size_t p = at;
                while (p < at + k) {
                    uint32_t cp;
                    size_t c = utf8_decode(t.p + p, t.len - p, &cp);
                    p += c ? c : 1;
                }
                assert_int_equal(p, at + k);
            }
            sbuf_add(&joined, e.p);
            sbuf_free(&e);
            at += k;
        }
        char *back = text_percent_decode(joined.p ? joined.p : "");
        assert_string_equal(back, t.p ? t.p : "");
        free(back);
        sbuf_free(&joined);
        sbuf_free(&t);
    }
    /* a line break in the second half ends the part */
    const char *lines = "first line that is long enough\nsecond";
    assert_int_equal(text_percent_fit(lines, strlen(lines), 36, 1), 31);
    assert_int_equal(text_percent_fit(lines, strlen(lines), 36, 0), 34);
    assert_int_equal(text_percent_fit(lines, strlen(lines), 200, 1), strlen(lines));
    /* spaces at the end of a part cost %20 */
    assert_int_equal(text_percent_fit("ab      cd", 10, 8, 0), 4);
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
        cmocka_unit_test(text__ascii_fast_paths__agree_with_character_at_a_time),
        cmocka_unit_test(json__controls__escaped),
        cmocka_unit_test(width__wide_and_combining__counted_by_display),
        cmocka_unit_test(truncate__long_text__ellipsis_within_width),
        cmocka_unit_test(bar__fractions__eighths_and_ascii),
        cmocka_unit_test(numbers__milli_and_decimal__formatted),
        cmocka_unit_test(time__round_trip__utc),
        cmocka_unit_test(parse_int__garbage__rejected),
        cmocka_unit_test(sbuf__room__filled_by_the_caller_and_terminated),
        cmocka_unit_test(parse_int__by_hand__agrees_with_strtol_at_every_edge),
        cmocka_unit_test(percent__bulk_encoder__same_bytes_as_one_at_a_time),
        cmocka_unit_test(percent__fit__parts_fit_and_join_whole),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
