/* text.h: byte strings, UTF-8, percent-encoding and sanitising for display. libc only. */
#ifndef KOLLEN_TEXT_H
#define KOLLEN_TEXT_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

/* A growing string. After an allocation failure it stays valid but sticky-failed (oom != 0). */
struct sbuf {
    char *p; /* always NUL-terminated once anything was added */
    size_t len, cap;
    int oom;
};

void sbuf_init(struct sbuf *b);
void sbuf_free(struct sbuf *b);
void sbuf_reset(struct sbuf *b);
void sbuf_add(struct sbuf *b, const char *s);
void sbuf_addn(struct sbuf *b, const char *s, size_t n);
void sbuf_addc(struct sbuf *b, char c);
/* n more bytes at the end, for the caller to fill (the NUL after them is written): where
 * they start, or NULL after an allocation failure. */
char *sbuf_room(struct sbuf *b, size_t n);
void sbuf_addf(struct sbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void sbuf_vaddf(struct sbuf *b, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));
/* Hand the buffer to the caller (who frees it); NULL after an allocation failure. */
char *sbuf_take(struct sbuf *b);

/* strdup that returns NULL for NULL. */
char *text_dup(const char *s);
char *text_ndup(const char *s, size_t n);

/* Decode one UTF-8 sequence at s (n bytes available). Returns its length (1-4) and sets *cp,
 * or 0 when the bytes are not valid UTF-8 (overlong, surrogate, > U+10FFFF, truncated). */
size_t utf8_decode(const char *s, size_t n, uint32_t *cp);
/* Encode cp into out (at least 4 bytes); returns the length. */
size_t utf8_encode(uint32_t cp, char *out);
/* 1 when all n bytes are valid UTF-8 with no NUL; else 0 and *bad = offset of the first bad byte. */
int utf8_valid(const char *s, size_t n, size_t *bad);

/* Control characters that must never reach a terminal: C0 (except those allowed), DEL, C1. */
int text_is_control(uint32_t cp);

/* Sanitise for display: invalid UTF-8 becomes U+FFFD, control characters are dropped,
 * except '\n' and '\t' when keep_newlines (tabs then become a space). Appends to out. */
void text_sanitize(struct sbuf *out, const char *s, int keep_newlines);
/* The same into a new string the caller owns (NULL on allocation failure). */
char *text_sanitize_dup(const char *s, int keep_newlines);

/* Percent-encoding for INI values: '%', ';', '#', '"', '\'', '\\', control characters (C0, DEL,
 * C1, bidi overrides), invalid bytes and leading or trailing spaces become %XX; other UTF-8
 * passes through, so Swedish text stays readable. */
void text_percent_encode(struct sbuf *out, const char *s, size_t n);
/* Bytes of the longest prefix of s (n bytes) whose text_percent_encode is at most max bytes
 * (spaces at either end of the prefix counted as %20), never splitting a character; at least
 * one character. With prefer_newline, when s does not fit whole, the prefix ends instead just
 * after its last line break, if that break comes after max / 2 encoded bytes: every prefix but
 * the last is then at least max / 2 bytes once encoded. */
size_t text_percent_fit(const char *s, size_t n, size_t max, int prefer_newline);
/* Decode %XX (hex, either case); a '%' not followed by two hex digits stays literal, so
 * hand-written bank text may say "25 %". Returns a new string or NULL on allocation failure. */
char *text_percent_decode(const char *s);
/* What text_percent_decode makes of s (n bytes of valid UTF-8 without NUL, as a checked INI
 * line holds), known without decoding: its length, when every %XX in s decodes to an ASCII
 * byte other than NUL (and, unless newlines, other than CR and LF), so that the decoded text is
 * valid UTF-8 too, and (unless last) s does not end in an escape a following part could
 * complete. (size_t)-1 when that is not so: decode to know more. */
size_t text_percent_plain(const char *s, size_t n, int newlines, int last);

/* JSON string literal with quotes; control and C1 characters as \u escapes; invalid UTF-8
 * as U+FFFD, so nothing a file holds reaches a terminal raw through JSON either. */
void text_json_string(struct sbuf *out, const char *s);

/* Display width of a code point (0 for combining and control, 2 for wide), from the C
 * library's wcwidth for the current LC_CTYPE; 1 where it does not know. */
int text_cp_width(uint32_t cp);
/* Display width of a UTF-8 string (invalid bytes count 1, like the U+FFFD shown for them). */
int text_width(const char *s);
/* Bytes of the longest prefix of s (n bytes) that fits in cols columns, never splitting a
 * character or separating combining marks from their base; *width gets its width. */
size_t text_fit(const char *s, size_t n, int cols, int *width);
/* Append s cut to cols columns, ending with an ellipsis when cut ("…", or "..." if !utf8). */
void text_truncate(struct sbuf *out, const char *s, int cols, int utf8);
/* A bar of `width` cells filled to frac (0..1): eighth blocks when utf8, else '#' and '-'. */
void text_bar(struct sbuf *out, double frac, int width, int utf8);
/* Points (thousandths) as people read them, to one decimal: "12.5", "27.4", "200", with a
 * decimal comma when comma. */
void text_milli(struct sbuf *out, long milli, int comma);
/* The same with every decimal kept ("27.416"), for JSON and other machine output. */
void text_milli_exact(struct sbuf *out, long milli, int comma);
/* A fraction with two decimals: "2.58" or "2,58". */
void text_decimal(struct sbuf *out, double v, int decimals, int comma);

/* A copy folded for searching without regard to case: ASCII and the Latin-1 letters (å ä ö é
 * ü ...) in lower case, invalid bytes as U+FFFD, everything else as it is. NULL when memory ran
 * out. */
char *text_fold_dup(const char *s);

/* Trim ASCII whitespace at both ends, in place; returns s. */
char *text_trim(char *s);
/* "NAME:ROLE" in s (changed in place) cut at its first ':', both parts trimmed; *role is ""
 * without a ':'. */
void text_split_role(char *s, const char **name, const char **role);

/* Parse a decimal int in [lo, hi] with nothing else around it; returns 0 on success. */
int text_parse_int(const char *s, long lo, long hi, long *out);

/* Time as "YYYY-MM-DDTHH:MM:SSZ" (UTC) and back. buf needs 21 bytes. */
void text_format_time(int64_t t, char *buf, size_t n);
int text_parse_time(const char *s, int64_t *out);
/* Date "YYYY-MM-DD" in UTC. buf needs 11 bytes. */
void text_format_date(int64_t t, char *buf, size_t n);
int text_valid_date(const char *s);

#endif
