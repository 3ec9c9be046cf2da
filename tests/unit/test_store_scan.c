/* test_store_scan.c: the INI scan's ways of looking through a line (16 bytes at a time with
 * SSE2, 8 at a time in a 64-bit word, a byte at a time) hold to the byte-at-a-time reference:
 * the same refusals with the same lines and columns in the same order, and the same sections,
 * keys, values and lines, for every kind of byte at every offset of a block and across block
 * ends, at the line length limit and one past it. The reference itself is held to what the
 * scan has always said (the first few tests). */
#include "ini.h"
#include "kollen/msg.h"
#include "testutil.h"

static const enum ini_scan ways[] = {INI_SCAN_PLAIN, INI_SCAN_SWAR, INI_SCAN_SSE2, INI_SCAN_BEST};
static const char *const way_names[] = {"plain", "swar", "sse2", "best"};

/* Everything a parse gives, as text: the code, each diagnostic, each section and key. */
static char *outcome(const char *text, size_t n, enum ini_scan how)
{
    struct diags d;
    diags_init(&d);
    struct ini *ini = NULL;
    int rc = ini_parse_how("t.ini", text, n, how, &ini, &d);
    struct sbuf b;
    sbuf_init(&b);
    sbuf_addf(&b, "rc %d\n", rc);
    for (size_t i = 0; i < d.n; i++)
        sbuf_addf(&b, "%d%s %s\n", d.v[i].line, d.v[i].is_warning ? " w" : "", d.v[i].msg);
    for (int s = 0; ini && s < ini->n_sections; s++) {
        const struct ini_section *sec = &ini->sections[s];
        sbuf_addf(&b, "[%s] %d\n", sec->name, sec->line);
        for (int k = 0; k < sec->n_keys; k++) {
            const struct ini_key *key = &sec->keys[k];
            /* found again by its name, as the loaders look keys up */
            assert_ptr_equal(ini_key(sec, key->name), key);
            sbuf_addf(&b, "%s=%s %d\n", key->name, key->value, key->line);
        }
        assert_ptr_equal(ini_section(ini, sec->name), sec);
    }
    ini_free(ini);
    diags_free(&d);
    char *out = sbuf_take(&b);
    assert_non_null(out);
    return out;
}

/* The text with its bytes that are not printable ASCII as \xNN, for a failure's message. */
static void show(const char *text, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)text[i];
        if (c >= 0x20 && c < 0x7F && c != '\\')
            fputc(c, stderr);
        else
            fprintf(stderr, "\\x%02X", c);
    }
    fputc('\n', stderr);
}

/* Every way gives what the reference gives; returns the reference's outcome (caller frees). */
static char *same_every_way(const char *text, size_t n)
{
    char *want = outcome(text, n, INI_SCAN_PLAIN);
    for (size_t w = 1; w < N_OF(ways); w++) {
        char *got = outcome(text, n, ways[w]);
        if (strcmp(got, want) != 0) {
            fprintf(stderr, "the %s scan differs from the reference on:\n", way_names[w]);
            show(text, n);
            fprintf(stderr, "reference:\n%s%s:\n%s", want, way_names[w], got);
            fail();
        }
        free(got);
    }
    return want;
}

/* The reference (and so every way) gives its first diagnostic at line, holding needle, or
 * (needle NULL) loads the text. */
static void assert_scan(const char *text, size_t n, int line, const char *needle)
{
    char *got = same_every_way(text, n);
    if (!needle) {
        if (strncmp(got, "rc 0\n", 5) != 0)
            fail_msg("expected the text to load, got:\n%s", got);
    } else {
        char *first = strchr(got, '\n') + 1, *end = strchr(first, '\n');
        if (end)
            *end = '\0';
        if (atoi(first) != line || !strstr(first, needle))
            fail_msg("expected line %d \"%s\", got \"%s\"", line, needle, first);
    }
    free(got);
}

/* A string literal and its length (NUL bytes included) */
#define T(s) s, sizeof(s) - 1

static void scan__bytes_of_each_kind__refused_with_line_and_column(void **st)
{
    (void)st;
    assert_scan(T("[s]\nk = a\tb\n"), 0, NULL);                      /* a tab is text */
    assert_scan(T("[s]\nk = \xC2\x85 \xF0\x9F\x98\x80\n"), 0, NULL); /* C1 NEL, an emoji */
    assert_scan(T("[s]\nk = a\rb\n"), 2, "control character at column 6");
    assert_scan(T("[s]\nk = a\x7F\n"), 2, "control character at column 6");
    assert_scan(T("[s]\nk = \x01\xC3(\n"), 2, "invalid UTF-8 at column 6"); /* before a control */
    assert_scan(T("[s]\nk = \xC0\xAF\n"), 2, "invalid UTF-8 at column 5");  /* overlong */
    assert_scan(T("[s]\nk = \xED\xA0\x80\n"), 2, "invalid UTF-8 at column 5"); /* surrogate */
    assert_scan(T("[s]\nk = \xF4\x90\x80\x80\n"), 2, "invalid UTF-8 at column 5");
    assert_scan(T("[s]\nk = \xC3\r\n"), 2, "invalid UTF-8 at column 5"); /* cut by the line end */
    assert_scan(T("[s]\nk = \xE2\x80"), 2, "invalid UTF-8 at column 5"); /* by the file's end */
    assert_scan(T("[s]\nk = a%00\n"), 2, "%00");
    assert_scan(T("[s]\nk = a%0\n0 = 1\n"), 0, NULL); /* "%0" + "0" across a line end */
    assert_scan(T("[s]\nk = a#b;c\n"), 2, "'#' in a value starts an INI comment (write %23)");
    assert_scan(T("[s]\nk = a;b#c\n"), 2, "';' in a value starts an INI comment (write %3B)");
    assert_scan(T("[s]\nk = a\r\nj = \x01\r\n"), 3, "control character at column 5");
    /* a NUL stops the scan: the bad UTF-8 after it is not reported */
    assert_scan(T("[s]\nk = v\x01\nx\0y = 1\n\xFF\n"), 2, "control character");
    char *nul = outcome(T("[s]\nk = v\x01\nx\0y = 1\n\xFF\n"), INI_SCAN_BEST);
    assert_non_null(strstr(nul, "\n3 NUL"));
    assert_null(strstr(nul, "\n4 "));
    free(nul);
}

/* One byte sequence of each kind the scan tells apart. */
struct kind {
    const char *bytes;
    size_t n;
};

static const struct kind kinds[] = {
    {"\0", 1},
    {"\r", 1},
    {"\t", 1},
    {"\x01", 1},
    {"\x1F", 1},
    {"\x7F", 1},
    {" ", 1},
    {"=", 1},
    {";", 1},
    {"#", 1},
    {"%", 1},
    {"%00", 3},
    {"%0", 2},
    {"0", 1},
    {"\xC3\xA5", 2},
    {"\xE2\x80\x94", 3},
    {"\xF0\x9F\x98\x80", 4},
    {"\xC2\x85", 2},
    {"\xC3", 1},
    {"\x80", 1},
    {"\xC0\xAF", 2},
    {"\xE0\x80\xAF", 3},
    {"\xED\xA0\x80", 3},
    {"\xF4\x90\x80\x80", 4},
    {"\xF8\x88\x80\x80\x80", 5},
    {"\xFF", 1},
    {"\xE2\x80", 2},
    {"\n", 1},
    {"[", 1},
    {"]", 1},
    {"\"", 1},
    {"\\", 1},
};

/* A text of a section and a key line of len bytes (key, " = ", 'v's) with kind k at offset
 * off of the line, then end ("" for none: the text ends there). */
static size_t key_text(char *out, size_t shift, const struct kind *k, size_t off, size_t len,
                       const char *end)
{
    size_t n = 0;
    memcpy(out + n, "[s]\n", 4);
    n += 4;
    if (shift) { /* a comment line that moves what follows against the text's start */
        memset(out + n, ';', shift - 1);
        out[n + shift - 1] = '\n';
        n += shift;
    }
    char *line = out + n;
    memset(line, 'v', len);
    memcpy(line, "key.1 = ", len < 8 ? len : 8);
    memcpy(line + off, k->bytes, k->n);
    n += len > off + k->n ? len : off + k->n;
    memcpy(out + n, end, strlen(end));
    return n + strlen(end);
}

static void scan__each_kind_at_each_offset__same_in_every_way(void **st)
{
    (void)st;
    static const char *const ends[] = {"\nnext = 1\n", "\r\n", ""};
    char text[256];
    for (size_t k = 0; k < N_OF(kinds); k++)
        for (size_t off = 0; off <= 40; off++)
            for (size_t e = 0; e < N_OF(ends); e++) {
                /* the kind ends the line; one byte more; a line of 48 */
                size_t lens[] = {off + kinds[k].n, off + kinds[k].n + 1, 48};
                for (size_t l = 0; l < N_OF(lens); l++) {
                    size_t shift = (off + l + e) % 3 == 0 ? 7 : 0;
                    size_t n = key_text(text, shift, &kinds[k], off, lens[l], ends[e]);
                    free(same_every_way(text, n));
                }
            }
}

/* "%00" with its bytes on either side of a block's end (of 16 and of 8 bytes), and each pair of
 * kinds side by side there. */
static void scan__across_block_ends__same_in_every_way(void **st)
{
    (void)st;
    char text[256];
    const struct kind zero = {"%00", 3};
    for (size_t off = 4; off <= 36; off++) {
        size_t n = key_text(text, 0, &zero, off, 40, "\n");
        char *got = same_every_way(text, n);
        /* in the value (from offset 8): refused; over the key: a name that is not one */
        assert_non_null(strstr(got, off >= 8 ? "%00" : "rc 3"));
        free(got);
    }
    static const size_t ends[] = {8, 16, 32};
    for (size_t e = 0; e < N_OF(ends); e++)
        for (size_t a = 0; a < N_OF(kinds); a++)
            for (size_t b = 0; b < N_OF(kinds); b++)
                for (size_t over = 0; over <= 1; over++) { /* a ends at the end, or 1 past */
                    size_t off = ends[e] - kinds[a].n + over;
                    size_t n = key_text(text, 0, &kinds[a], off, 48, "\n");
                    memcpy(text + 4 + off + kinds[a].n, kinds[b].bytes, kinds[b].n);
                    free(same_every_way(text, n));
                }
}

/* A text of one section and a key line of exactly len bytes whose last bytes are k, with or
 * without a line end after it (then the text ends with the line). */
static size_t line_of(char *out, size_t len, const struct kind *k, const char *end)
{
    memcpy(out, "[s]\n", 4);
    memset(out + 4, 'v', len);
    memcpy(out + 4, "key = ", 6);
    memcpy(out + 4 + len - k->n, k->bytes, k->n);
    memcpy(out + 4 + len, end, strlen(end));
    return 4 + len + strlen(end);
}

static void scan__lines_of_16_17_and_the_limit__same_in_every_way(void **st)
{
    (void)st;
    static char text[INI_LINE_MAX + 64];
    static const char *const ends[] = {"\n", "\r\n", "", "\n[t]\n"};
    static const size_t lens[] = {
        15, 16, 17, 18, 31, 32, 33, INI_LINE_MAX - 1, INI_LINE_MAX, INI_LINE_MAX + 1};
    for (size_t l = 0; l < N_OF(lens); l++)
        for (size_t e = 0; e < N_OF(ends); e++)
            for (size_t k = 0; k < N_OF(kinds); k++)
                free(same_every_way(text, line_of(text, lens[l], &kinds[k], ends[e])));
    /* at the limit: loaded; one past it: refused, whatever ends the line */
    const struct kind v = {"v", 1};
    for (size_t e = 0; e < N_OF(ends); e++) {
        size_t n = line_of(text, INI_LINE_MAX, &v, ends[e]);
        assert_scan(text, n, 0, NULL);
        n = line_of(text, INI_LINE_MAX + 1, &v, ends[e]);
        char want[64];
        snprintf(want, sizeof want, "line longer than %d bytes", INI_LINE_MAX);
        assert_scan(text, n, 2, want);
    }
}

/* Texts put together from pieces at random: every way agrees on each. */
static void scan__random_texts__same_in_every_way(void **st)
{
    (void)st;
    static const char *const pieces[] = {
        "[a]\n",
        "[a.1]\n",
        "[a.01]\n",
        "[ b ]\n",
        "[",
        "]",
        "k = v\n",
        "k=v \n",
        "x.-1 = 1\n",
        "x.0 = 1\n",
        "k = %00\n",
        "k = %0",
        "0",
        "%",
        "=",
        ";",
        "#",
        "\r\n",
        "\n",
        "\t",
        "é",
        "\xE2\x80\x94",
        "\xF0\x9F\x98\x80",
        "\xC3",
        "\x80",
        "\x7F",
        "\x01",
        "\"q\"",
        "v\\",
        "key",
        " ",
        "answer.12 = ja\n",
        "[answer.12]\n",
        "ledningsgruppen för åtgärd 100 %25 ",
    };
    uint64_t rng = 88172645463325252ull;
    char text[2048];
    for (int r = 0; r < 3000; r++) {
        size_t n = 0;
        rng ^= rng << 13, rng ^= rng >> 7, rng ^= rng << 17;
        for (int p = (int)(rng % 40); p > 0; p--) {
            rng ^= rng << 13, rng ^= rng >> 7, rng ^= rng << 17;
            const char *s = pieces[rng % N_OF(pieces)];
            size_t len = strlen(s);
            memcpy(text + n, s, len);
            n += len;
        }
        free(same_every_way(text, n));
    }
}

int main(void)
{
    msg_set_lang(LANG_EN);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(scan__bytes_of_each_kind__refused_with_line_and_column),
        cmocka_unit_test(scan__each_kind_at_each_offset__same_in_every_way),
        cmocka_unit_test(scan__across_block_ends__same_in_every_way),
        cmocka_unit_test(scan__lines_of_16_17_and_the_limit__same_in_every_way),
        cmocka_unit_test(scan__random_texts__same_in_every_way),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
