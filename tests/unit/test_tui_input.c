/* test_tui_input.c: typed text in any locale (input.h): UTF-8 decoded by kollen where the
 * locale cannot, a broken sequence never taking the next key with it, the choice of how keys
 * are read, and the start-up warning that says how to fix the locale. */
#include <langinfo.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "input.h"
#include "kollen/msg.h"
#include "kollen/text.h"
#include "testutil.h"
#include "tui_msg.h"

/* Feed bytes; the code points that come out, flushed at the end. Returns how many. */
static int decode(const char *bytes, size_t n, uint32_t *out, int max)
{
    struct utf8_input in;
    memset(&in, 0, sizeof in);
    int k = 0;
    for (size_t i = 0; i < n; i++) {
        uint32_t got[2];
        int m = utf8_input_byte(&in, (unsigned char)bytes[i], got);
        assert_true(m >= 0 && m <= 2);
        for (int j = 0; j < m; j++) {
            assert_true(k < max);
            out[k++] = got[j];
        }
    }
    uint32_t last = utf8_input_flush(&in);
    if (last) {
        assert_true(k < max);
        out[k++] = last;
    }
    return k;
}

#define DECODES(bytes, ...)                                                                        \
    do {                                                                                           \
        const uint32_t want[] = {__VA_ARGS__};                                                     \
        uint32_t got[64];                                                                          \
        int n = decode(bytes, sizeof(bytes) - 1, got, 64);                                         \
        assert_int_equal(n, (int)(sizeof want / sizeof *want));                                    \
        for (int i = 0; i < n; i++)                                                                \
            assert_int_equal(got[i], want[i]);                                                     \
    } while (0)

static void utf8_input__swedish_letters_and_the_euro__decoded(void **st)
{
    (void)st;
    DECODES("\xC3\xA5\xC3\xA4\xC3\xB6 \xE2\x82\xAC", 0xE5, 0xE4, 0xF6, ' ', 0x20AC);
    DECODES("\xF0\x9F\x98\x80q", 0x1F600, 'q');
    DECODES("ascii", 'a', 's', 'c', 'i', 'i');
}

/* The keys after a broken sequence are never swallowed: Esc and q included. */
static void utf8_input__broken_sequence__replaced_and_the_next_key_kept(void **st)
{
    (void)st;
    DECODES("\xC3\x1Bq", INPUT_BAD, 0x1B, 'q');   /* a lead byte, then Esc */
    DECODES("\xE2\x82q", INPUT_BAD, 'q');         /* two of three bytes */
    DECODES("\xE2\x82\xC3\xA4", INPUT_BAD, 0xE4); /* broken off by the next character */
    DECODES("\x80q", INPUT_BAD, 'q');             /* a continuation byte alone */
    DECODES("\xC0\x80", INPUT_BAD, INPUT_BAD);    /* overlong NUL */
    DECODES("\xE0\x80\x80", INPUT_BAD);           /* overlong, three bytes */
    DECODES("\xED\xA0\x80", INPUT_BAD);           /* a surrogate */
    DECODES("\xF4\x90\x80\x80", INPUT_BAD);       /* past U+10FFFF */
    DECODES("\xFFq", INPUT_BAD, 'q');
    DECODES("\xE4q", INPUT_BAD, 'q'); /* Latin-1 ä: no key lost */
    DECODES("\xC3", INPUT_BAD);       /* nothing more came */
}

/* Any bytes at all: every ASCII byte comes out as itself, in order, and nothing else but
 * characters of valid sequences and U+FFFD. */
static void utf8_input__random_bytes__every_ascii_key_comes_through(void **st)
{
    (void)st;
    srand(13);
    for (int run = 0; run < 2000; run++) {
        char bytes[64];
        size_t n = (size_t)(rand() % 64);
        char ascii[64];
        size_t na = 0;
        for (size_t i = 0; i < n; i++) {
            int r = rand() % 4;
            bytes[i] = (char)(r == 0 ? 0x20 + rand() % 95 : 0x80 + rand() % 128);
            if ((unsigned char)bytes[i] < 0x80)
                ascii[na++] = bytes[i];
        }
        uint32_t got[130];
        int k = decode(bytes, n, got, 130);
        size_t seen = 0;
        for (int i = 0; i < k; i++) {
            assert_true(got[i] <= 0x10FFFF);
            assert_false(got[i] >= 0xD800 && got[i] <= 0xDFFF);
            if (got[i] < 0x80) {
                assert_true(seen < na);
                assert_int_equal(got[i], (unsigned char)ascii[seen++]);
            }
        }
        assert_int_equal(seen, na);
    }
}

static void mode__ascii_locale_decoded_by_kollen_others_by_the_locale(void **st)
{
    (void)st;
    assert_int_equal(input_mode_for("ANSI_X3.4-1968"), INPUT_UTF8); /* glibc's C */
    assert_int_equal(input_mode_for("ASCII"), INPUT_UTF8);
    assert_int_equal(input_mode_for(NULL), INPUT_UTF8);
    assert_int_equal(input_mode_for("UTF-8"), INPUT_LOCALE);
    assert_int_equal(input_mode_for("ISO-8859-1"), INPUT_LOCALE);
    assert_true(input_codeset_is_utf8("UTF-8"));
    assert_false(input_codeset_is_utf8("ANSI_X3.4-1968"));
    assert_true(input_name_wants_utf8("LC_CTYPE=UTF-8"));
    assert_true(input_name_wants_utf8("LANG=sv_SE.utf8"));
    assert_false(input_name_wants_utf8("LANG=C"));
    assert_false(input_name_wants_utf8("LANG=sv_SE.ISO-8859-1"));
    /* the C locale a test runs in: kollen decodes */
    char *old = text_dup(setlocale(LC_CTYPE, NULL));
    setlocale(LC_CTYPE, "C");
    assert_int_equal(input_mode_for(nl_langinfo(CODESET)), INPUT_UTF8);
    setlocale(LC_CTYPE, old);
    free(old);
}

static void requested__first_of_lc_all_lc_ctype_lang(void **st)
{
    (void)st;
    char b[128];
    setenv("LANG", "C", 1);
    setenv("LC_CTYPE", "UTF-8", 1);
    setenv("LC_ALL", "", 1);
    input_requested_locale(b, sizeof b);
    assert_string_equal(b, "LC_CTYPE=UTF-8");
    unsetenv("LC_CTYPE");
    input_requested_locale(b, sizeof b);
    assert_string_equal(b, "LANG=C");
    unsetenv("LANG");
    unsetenv("LC_ALL");
    input_requested_locale(b, sizeof b);
    assert_string_equal(b, "");
}

static void warning__says_what_is_wrong_and_how_to_fix_it(void **st)
{
    (void)st;
    char b[600];
    input_locale_warning(b, sizeof b, "LANG=sv_SE.UTF-8", 1, "sv_SE.UTF-8", "UTF-8");
    assert_string_equal(b, ""); /* nothing to say */
    input_locale_warning(b, sizeof b, "LC_CTYPE=UTF-8", 0, "C.UTF-8", "UTF-8");
    assert_non_null(strstr(b, "LC_CTYPE=UTF-8 finns inte på den här datorn"));
    assert_non_null(strstr(b, "kollen använder C.UTF-8"));
    assert_non_null(strstr(b, "LANG=C.UTF-8"));
    input_locale_warning(b, sizeof b, "LANG=sv_SE", 0, "C", "ANSI_X3.4-1968");
    assert_non_null(strstr(b, "LANG=sv_SE finns inte"));
    assert_non_null(strstr(b, "sparas rätt"));
    assert_non_null(strstr(b, "LANG=C.UTF-8"));
    input_locale_warning(b, sizeof b, "LANG=C", 1, "C", "ANSI_X3.4-1968");
    assert_non_null(strstr(b, "LANG=C (ANSI_X3.4-1968) är inte UTF-8"));
    assert_non_null(strstr(b, "sv_SE.UTF-8"));
    input_locale_warning(b, sizeof b, "", 1, "C", "ANSI_X3.4-1968");
    assert_non_null(strstr(b, "Språkinställningen C ("));
    /* a name from the environment is data */
    input_locale_warning(b, sizeof b, "LANG=\033]0;pwned\007", 0, "C", "ANSI_X3.4-1968");
    assert_null(strchr(b, '\033'));
    assert_null(strchr(b, '\007'));
    msg_set_lang(LANG_EN);
    input_locale_warning(b, sizeof b, "LANG=C", 1, "C", "ANSI_X3.4-1968");
    assert_non_null(strstr(b, "is not UTF-8"));
    msg_set_lang(LANG_SV);
}

int main(void)
{
    setlocale(LC_ALL, "C.UTF-8");
    msg_set_lang(LANG_SV);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(utf8_input__swedish_letters_and_the_euro__decoded),
        cmocka_unit_test(utf8_input__broken_sequence__replaced_and_the_next_key_kept),
        cmocka_unit_test(utf8_input__random_bytes__every_ascii_key_comes_through),
        cmocka_unit_test(mode__ascii_locale_decoded_by_kollen_others_by_the_locale),
        cmocka_unit_test(requested__first_of_lc_all_lc_ctype_lang),
        cmocka_unit_test(warning__says_what_is_wrong_and_how_to_fix_it),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
