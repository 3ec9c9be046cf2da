/* worst_text.h: the text that costs a session writer the most, shared by test_store_limits and
 * tests/tools/gen_limits.c (header-only, static; no cmocka). */
#ifndef KOLLEN_WORST_TEXT_H
#define KOLLEN_WORST_TEXT_H

#include <stddef.h>
#include <string.h>

/* Pieces that cost the most once encoded, or that a writer might split wrongly: line breaks,
 * bytes written %XX, spaces (written %20 at a part's edge), C1 controls and bidi overrides
 * (escaped although multi-byte), 4-byte characters (must not be split), CR and tabs. */
static const char *const worst[] = {
    "\n", ";", " ", "\xC2\x85", "\xE2\x80\xAE", "\xF0\x9F\x98\x80", "%", "\r", "\t", "#", "\\",
    "\"", "'", "å", "%00", "%2",
};
#define N_WORST (sizeof worst / sizeof *worst)

/* p (n + 1 bytes) filled with exactly n bytes of valid UTF-8 of one kind (0..N_WORST-1: one
 * piece repeated; N_WORST: all of them in turn), without line breaks unless newlines. */
static inline char *worst_fill(char *p, size_t n, unsigned kind, int newlines)
{
    size_t len = 0;
    for (unsigned i = 0;; i++) {
        const char *w = worst[kind < N_WORST ? kind : i % N_WORST];
        if (!newlines && (*w == '\n' || *w == '\r'))
            w = ";";
        size_t k = strlen(w);
        if (len + k > n) {
            while (len < n)
                p[len++] = ';';
            break;
        }
        memcpy(p + len, w, k);
        len += k;
    }
    p[n] = '\0';
    return p;
}

#endif
