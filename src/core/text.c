/* text.c: strings, UTF-8, percent-encoding, sanitising. */
#include "kollen/text.h"

#include <ctype.h>
#include <limits.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <wchar.h>

void sbuf_init(struct sbuf *b)
{
    b->p = NULL;
    b->len = b->cap = 0;
    b->oom = 0;
}

void sbuf_free(struct sbuf *b)
{
    free(b->p);
    sbuf_init(b);
}

void sbuf_reset(struct sbuf *b)
{
    b->len = 0;
    if (b->p)
        b->p[0] = '\0';
}

static int grow(struct sbuf *b, size_t extra)
{
    if (b->oom)
        return -1;
    if (extra > SIZE_MAX / 2 - b->len) {
        b->oom = 1;
        return -1;
    }
    size_t need = b->len + extra + 1;
    if (need <= b->cap)
        return 0;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < need)
        cap *= 2;
    char *p = realloc(b->p, cap);
    if (!p) {
        b->oom = 1;
        return -1;
    }
    b->p = p;
    b->cap = cap;
    return 0;
}

void sbuf_addn(struct sbuf *b, const char *s, size_t n)
{
    if (grow(b, n))
        return;
    if (n)
        memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = '\0';
}

char *sbuf_room(struct sbuf *b, size_t n)
{
    if (grow(b, n))
        return NULL;
    char *at = b->p + b->len;
    b->len += n;
    b->p[b->len] = '\0';
    return at;
}

void sbuf_add(struct sbuf *b, const char *s)
{
    sbuf_addn(b, s, strlen(s));
}

void sbuf_addc(struct sbuf *b, char c)
{
    sbuf_addn(b, &c, 1);
}

void sbuf_vaddf(struct sbuf *b, const char *fmt, va_list ap)
{
    va_list aq;
    va_copy(aq, ap);
    int n = vsnprintf(NULL, 0, fmt, aq);
    va_end(aq);
    if (n < 0 || grow(b, (size_t)n))
        return;
    vsnprintf(b->p + b->len, (size_t)n + 1, fmt, ap);
    b->len += (size_t)n;
}

void sbuf_addf(struct sbuf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    sbuf_vaddf(b, fmt, ap);
    va_end(ap);
}

char *sbuf_take(struct sbuf *b)
{
    if (b->oom) {
        sbuf_free(b);
        return NULL;
    }
    if (!b->p && grow(b, 0))
        return NULL;
    if (b->len == 0)
        b->p[0] = '\0';
    char *p = b->p;
    sbuf_init(b);
    return p;
}

char *text_dup(const char *s)
{
    return s ? text_ndup(s, strlen(s)) : NULL;
}

char *text_ndup(const char *s, size_t n)
{
    char *p = malloc(n + 1);
    if (!p)
        return NULL;
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

size_t utf8_decode(const char *s, size_t n, uint32_t *cp)
{
    const unsigned char *u = (const unsigned char *)s;
    if (n == 0)
        return 0;
    if (u[0] < 0x80) {
        *cp = u[0];
        return 1;
    }
    size_t len;
    uint32_t c, min;
    if ((u[0] & 0xE0) == 0xC0) {
        len = 2;
        c = u[0] & 0x1F;
        min = 0x80;
    } else if ((u[0] & 0xF0) == 0xE0) {
        len = 3;
        c = u[0] & 0x0F;
        min = 0x800;
    } else if ((u[0] & 0xF8) == 0xF0) {
        len = 4;
        c = u[0] & 0x07;
        min = 0x10000;
    } else {
        return 0;
    }
    if (n < len)
        return 0;
    for (size_t i = 1; i < len; i++) {
        if ((u[i] & 0xC0) != 0x80)
            return 0;
        c = (c << 6) | (u[i] & 0x3F);
    }
    if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
        return 0;
    *cp = c;
    return len;
}

size_t utf8_encode(uint32_t cp, char *out)
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* 1 when the 8 bytes at s are ASCII and none is NUL (the common case, taken 8 at a time). */
static int plain8(const char *s)
{
    uint64_t w;
    memcpy(&w, s, 8);
    return !(w & 0x8080808080808080ull) &&
           !((w - 0x0101010101010101ull) & ~w & 0x8080808080808080ull);
}

int utf8_valid(const char *s, size_t n, size_t *bad)
{
    size_t i = 0;
    while (i < n) {
        if (n - i >= 8 && plain8(s + i)) {
            i += 8;
            continue;
        }
        uint32_t cp;
        size_t k = utf8_decode(s + i, n - i, &cp);
        if (k == 0 || cp == 0) {
            if (bad)
                *bad = i;
            return 0;
        }
        i += k;
    }
    return 1;
}

int text_is_control(uint32_t cp)
{
    return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F) || cp == 0x2028 ||
           cp == 0x2029 || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

void text_sanitize(struct sbuf *out, const char *s, int keep_newlines)
{
    size_t n = strlen(s), i = 0, run = 0; /* bytes [run, i) are kept as they are */
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c < 0x7F) { /* printable ASCII, most of any text */
            i++;
            continue;
        }
        uint32_t cp;
        size_t k = utf8_decode(s + i, n - i, &cp);
        if (k && ((keep_newlines && cp == '\n') || (cp != '\t' && !text_is_control(cp)))) {
            i += k;
            continue;
        }
        sbuf_addn(out, s + run, i - run);
        if (k == 0)
            sbuf_add(out, "\xEF\xBF\xBD");
        else if (cp == '\t')
            sbuf_addc(out, ' ');
        i += k ? k : 1;
        run = i;
    }
    sbuf_addn(out, s + run, i - run);
}

char *text_sanitize_dup(const char *s, int keep_newlines)
{
    struct sbuf b;
    sbuf_init(&b);
    text_sanitize(&b, s, keep_newlines);
    return sbuf_take(&b);
}

/* ASCII bytes written %XX wherever they are (a space only at either end of a value). */
static const unsigned char pct_ascii[128] = {
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    ['"'] = 1, ['#'] = 1, ['%'] = 1, ['\''] = 1, [';'] = 1, ['\\'] = 1, [0x7F] = 1,
};

static void pct_bytes(struct sbuf *out, const char *s, size_t n)
{
    static const char hex[] = "0123456789ABCDEF";
    for (size_t j = 0; j < n; j++) {
        unsigned char b = (unsigned char)s[j];
        char e[3] = {'%', hex[b >> 4], hex[b & 15]};
        sbuf_addn(out, e, 3);
    }
}

/* Length of the character at s[i] (invalid bytes alone) and whether it is written escaped. */
static size_t pct_char(const char *s, size_t n, size_t i, int *enc)
{
    unsigned char c = (unsigned char)s[i];
    if (c < 0x80) {
        *enc = pct_ascii[c];
        return 1;
    }
    /* C1 controls, bidi overrides and invalid bytes are written escaped too, so even `cat`
     * on a session file cannot drive a terminal */
    uint32_t cp;
    size_t k = utf8_decode(s + i, n - i, &cp);
    *enc = k == 0 || text_is_control(cp);
    return k ? k : 1;
}

void text_percent_encode(struct sbuf *out, const char *s, size_t n)
{
    size_t lead = 0, trail = n;
    while (lead < n && s[lead] == ' ')
        lead++;
    while (trail > lead && s[trail - 1] == ' ')
        trail--;
    pct_bytes(out, s, lead);
    /* runs of bytes written as they are go out in one piece */
    size_t run = lead, i = lead;
    while (i < trail) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80 && !pct_ascii[c]) { /* the common case, kept in the run */
            i++;
            continue;
        }
        int enc;
        size_t len = pct_char(s, trail, i, &enc);
        if (enc) {
            sbuf_addn(out, s + run, i - run);
            pct_bytes(out, s + i, len);
            run = i + len;
        }
        i += len;
    }
    sbuf_addn(out, s + run, trail - run);
    pct_bytes(out, s + trail, n - trail);
}

size_t text_percent_fit(const char *s, size_t n, size_t max, int prefer_newline)
{
    size_t cost = 0;   /* bytes once encoded, the spaces at the end counted as inside */
    size_t trail = 0;  /* spaces at the end after something else: 2 more bytes each */
    int only_spaces = 1;
    size_t i = 0, newline = 0;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        if (c > ' ' && c < 0x80 && !pct_ascii[c]) { /* the common case: written as it is */
            if (i > 0 && cost + 1 > max)
                break;
            cost++;
            trail = 0;
            only_spaces = 0;
            i++;
            continue;
        }
        size_t len, add;
        int enc;
        if (s[i] == ' ') {
            len = 1;
            add = only_spaces ? 3 : 1;
        } else {
            len = pct_char(s, n, i, &enc);
            add = enc ? 3 * len : len;
        }
        size_t t = s[i] == ' ' ? trail + !only_spaces : 0;
        if (i > 0 && cost + add + 2 * t > max)
            break;
        cost += add;
        trail = t;
        if (s[i] != ' ')
            only_spaces = 0;
        i += len;
        if (s[i - 1] == '\n' && cost >= max / 2)
            newline = i;
    }
    return i < n && prefer_newline && newline ? newline : i;
}

static int hexval(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

char *text_percent_decode(const char *s)
{
    size_t n = strlen(s);
    char *p = malloc(n + 1), *o = p;
    if (!p)
        return NULL;
    /* runs without '%' are copied whole */
    for (size_t i = 0; i < n;) {
        const char *pct = memchr(s + i, '%', n - i);
        size_t run = pct ? (size_t)(pct - (s + i)) : n - i;
        memcpy(o, s + i, run);
        o += run;
        i += run;
        if (i == n)
            break;
        int h, l;
        if (i + 2 < n + 1 && (h = hexval((unsigned char)s[i + 1])) >= 0 &&
            (l = hexval((unsigned char)s[i + 2])) >= 0) {
            *o++ = (char)(h * 16 + l);
            i += 3;
        } else {
            *o++ = s[i++];
        }
    }
    *o = '\0';
    return p;
}

size_t text_percent_plain(const char *s, size_t n, int newlines, int last)
{
    size_t len = n;
    for (const char *p = s, *end = s + n; (p = memchr(p, '%', (size_t)(end - p))); p++) {
        if (!last && end - p <= 2)
            return (size_t)-1;
        int h, l;
        if (end - p < 3 || (h = hexval((unsigned char)p[1])) < 0 ||
            (l = hexval((unsigned char)p[2])) < 0)
            continue; /* stays literal */
        int c = h * 16 + l;
        if (c == 0 || c >= 0x80 || (!newlines && (c == '\n' || c == '\r')))
            return (size_t)-1;
        len -= 2;
        p += 2;
    }
    return len;
}

void text_json_string(struct sbuf *out, const char *s)
{
    size_t n = strlen(s), i = 0;
    sbuf_addc(out, '"');
    while (i < n) {
        uint32_t cp;
        size_t k = utf8_decode(s + i, n - i, &cp);
        if (k == 0) {
            sbuf_add(out, "\\ufffd");
            i++;
            continue;
        }
        switch (cp) {
        case '"': sbuf_add(out, "\\\""); break;
        case '\\': sbuf_add(out, "\\\\"); break;
        case '\n': sbuf_add(out, "\\n"); break;
        case '\t': sbuf_add(out, "\\t"); break;
        case '\r': sbuf_add(out, "\\r"); break;
        default:
            if (text_is_control(cp))
                sbuf_addf(out, "\\u%04x", (unsigned)cp);
            else
                sbuf_addn(out, s + i, k);
        }
        i += k;
    }
    sbuf_addc(out, '"');
}

char *text_fold_dup(const char *s)
{
    struct sbuf o;
    sbuf_init(&o);
    size_t n = s ? strlen(s) : 0, i = 0;
    sbuf_add(&o, "");
    while (i < n) {
        uint32_t cp;
        size_t k = utf8_decode(s + i, n - i, &cp);
        if (!k) {
            cp = 0xFFFD;
            k = 1;
        }
        i += k;
        if ((cp >= 'A' && cp <= 'Z') || (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7))
            cp += 0x20;
        char enc[4];
        sbuf_addn(&o, enc, utf8_encode(cp, enc));
    }
    return sbuf_take(&o);
}

char *text_trim(char *s)
{
    size_t n = strlen(s);
    while (n && isspace((unsigned char)s[n - 1]))
        s[--n] = '\0';
    size_t i = 0;
    while (s[i] && isspace((unsigned char)s[i]))
        i++;
    if (i)
        memmove(s, s + i, n - i + 1);
    return s;
}

void text_split_role(char *s, const char **name, const char **role)
{
    char *colon = strchr(s, ':');
    if (colon)
        *colon = '\0';
    *role = colon ? text_trim(colon + 1) : "";
    *name = text_trim(s);
}

int text_parse_int(const char *s, long lo, long hi, long *out)
{
    /* by hand rather than strtol: a session file has a few hundred numbers to read */
    if (!s)
        return -1;
    const char *p = s + (*s == '-');
    if (!*p)
        return -1;
    unsigned long v = 0;
    const unsigned long limit = (unsigned long)LONG_MAX + 1; /* LONG_MIN's magnitude */
    for (; *p; p++) {
        unsigned d = (unsigned)(unsigned char)*p - '0';
        if (d > 9 || v > (limit - d) / 10)
            return -1; /* not a digit, or out of long's range */
        v = v * 10 + d;
    }
    long r;
    if (*s == '-')
        r = v == limit ? LONG_MIN : -(long)v;
    else if (v <= (unsigned long)LONG_MAX)
        r = (long)v;
    else
        return -1;
    if (r < lo || r > hi)
        return -1;
    *out = r;
    return 0;
}

void text_format_time(int64_t t, char *buf, size_t n)
{
    time_t tt = (time_t)t;
    struct tm tm;
    if (!gmtime_r(&tt, &tm) || !strftime(buf, n, "%Y-%m-%dT%H:%M:%SZ", &tm))
        snprintf(buf, n, "1970-01-01T00:00:00Z");
}

void text_format_date(int64_t t, char *buf, size_t n)
{
    time_t tt = (time_t)t;
    struct tm tm;
    if (!gmtime_r(&tt, &tm) || !strftime(buf, n, "%Y-%m-%d", &tm))
        snprintf(buf, n, "1970-01-01");
}

static int days_in_month(int y, int m)
{
    static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 29;
    return d[m - 1];
}

static int parse_digits(const char *s, int n, int *out)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (!isdigit((unsigned char)s[i]))
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return 0;
}

static int parse_ymd(const char *s, int *y, int *m, int *d)
{
    if (parse_digits(s, 4, y) || s[4] != '-' || parse_digits(s + 5, 2, m) || s[7] != '-' ||
        parse_digits(s + 8, 2, d))
        return -1;
    if (*y < 1970 || *y > 9999 || *m < 1 || *m > 12 || *d < 1 || *d > days_in_month(*y, *m))
        return -1;
    return 0;
}

int text_valid_date(const char *s)
{
    int y, m, d;
    return strlen(s) == 10 && parse_ymd(s, &y, &m, &d) == 0;
}

int text_parse_time(const char *s, int64_t *out)
{
    int y, mo, d, h, mi, se;
    if (strlen(s) != 20 || parse_ymd(s, &y, &mo, &d) || s[10] != 'T' ||
        parse_digits(s + 11, 2, &h) || s[13] != ':' || parse_digits(s + 14, 2, &mi) ||
        s[16] != ':' || parse_digits(s + 17, 2, &se) || s[19] != 'Z' || h > 23 || mi > 59 ||
        se > 60)
        return -1;
    /* days from civil (Howard Hinnant's algorithm), no timegm needed */
    int yy = y - (mo <= 2);
    int era = yy / 400;
    int yoe = yy - era * 400;
    int doy = (153 * (mo + (mo > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    int64_t days = (int64_t)era * 146097 + doe - 719468;
    *out = days * 86400 + h * 3600 + mi * 60 + se;
    return 0;
}

int text_cp_width(uint32_t cp)
{
    if (cp >= 0x20 && cp < 0x7F) /* printable ASCII: one column in every locale */
        return 1;
    if (cp == 0 || text_is_control(cp))
        return 0;
    int w = wcwidth((wchar_t)cp);
    if (w >= 0)
        return w;
    return 1;
}

int text_width(const char *s)
{
    const unsigned char *u = (const unsigned char *)s;
    int w = 0;
    for (;;) {
        if (*u >= 0x20 && *u < 0x7F) {
            w++;
            u++;
            continue;
        }
        if (!*u)
            return w;
        uint32_t cp;
        /* a character is at most 4 bytes: the rest of the string matters no further */
        size_t k = utf8_decode((const char *)u, strnlen((const char *)u, 4), &cp);
        w += k ? text_cp_width(cp) : 1;
        u += k ? k : 1;
    }
}

size_t text_fit(const char *s, size_t n, int cols, int *width)
{
    size_t i = 0;
    int w = 0;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c < 0x7F) {
            if (w + 1 > cols)
                break;
            w++;
            i++;
            continue;
        }
        uint32_t cp;
        size_t k = utf8_decode(s + i, n - i, &cp);
        int cw = k ? text_cp_width(cp) : 1;
        if (k == 0)
            k = 1;
        if (w + cw > cols)
            break;
        w += cw;
        i += k;
    }
    /* combining marks after the cut belong to the character before it: take them along */
    while (i < n && (unsigned char)s[i] >= 0x80) {
        uint32_t cp;
        size_t k = utf8_decode(s + i, n - i, &cp);
        if (!k || text_cp_width(cp) != 0 || text_is_control(cp))
            break;
        i += k;
    }
    if (width)
        *width = w;
    return i;
}

void text_truncate(struct sbuf *out, const char *s, int cols, int utf8)
{
    size_t n = strlen(s);
    if (cols <= 0)
        return;
    if (text_width(s) <= cols) {
        sbuf_add(out, s);
        return;
    }
    int ell = utf8 ? 1 : 3;
    if (cols <= ell) {
        sbuf_addn(out, "...", (size_t)cols);
        return;
    }
    size_t k = text_fit(s, n, cols - ell, NULL);
    while (k > 0 && s[k - 1] == ' ')
        k--;
    sbuf_addn(out, s, k);
    sbuf_add(out, utf8 ? "\xE2\x80\xA6" : "...");
}

void text_bar(struct sbuf *out, double frac, int width, int utf8)
{
    static const char *const eighths[] = {"", "\xE2\x96\x8F", "\xE2\x96\x8E", "\xE2\x96\x8D",
                                          "\xE2\x96\x8C", "\xE2\x96\x8B", "\xE2\x96\x8A",
                                          "\xE2\x96\x89"};
    if (frac < 0)
        frac = 0;
    if (frac > 1)
        frac = 1;
    if (width <= 0)
        return;
    if (!utf8) {
        int full = (int)(frac * width + 0.5);
        for (int i = 0; i < width; i++)
            sbuf_addc(out, i < full ? '#' : '-');
        return;
    }
    int units = (int)(frac * width * 8 + 0.5);
    int full = units / 8, part = units % 8, cells = 0;
    for (; cells < full; cells++)
        sbuf_add(out, "\xE2\x96\x88");
    if (part && cells < width) {
        sbuf_add(out, eighths[part]);
        cells++;
    }
    for (; cells < width; cells++)
        sbuf_add(out, "\xE2\x96\x91");
}

void text_milli_exact(struct sbuf *out, long milli, int comma)
{
    if (milli < 0) {
        sbuf_addc(out, '-');
        milli = -milli;
    }
    long whole = milli / 1000, frac = milli % 1000;
    sbuf_addf(out, "%ld", whole);
    if (frac) {
        char f[8];
        snprintf(f, sizeof f, "%03ld", frac);
        for (int i = 2; i > 0 && f[i] == '0'; i--)
            f[i] = '\0';
        sbuf_addf(out, "%c%s", comma ? ',' : '.', f);
    }
}

void text_milli(struct sbuf *out, long milli, int comma)
{
    if (milli < 0) {
        sbuf_addc(out, '-');
        milli = -milli;
    }
    long tenths = (milli + 50) / 100; /* points are read out to one decimal */
    sbuf_addf(out, "%ld", tenths / 10);
    if (tenths % 10)
        sbuf_addf(out, "%c%ld", comma ? ',' : '.', tenths % 10);
}

void text_decimal(struct sbuf *out, double v, int decimals, int comma)
{
    char buf[64];
    snprintf(buf, sizeof buf, "%.*f", decimals, v);
    if (comma)
        for (char *p = buf; *p; p++)
            if (*p == '.')
                *p = ',';
    sbuf_add(out, buf);
}
