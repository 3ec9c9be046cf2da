/* ini.c: strict INI reading on top of iniparser 4.1.
 *
 * The scan of our own checks every line (and gives line numbers); iniparser then reads the
 * scanned keys and values, INI_CHUNK at a time through a memory file, so that its insertion,
 * linear in the size of its dictionary, keeps the whole load linear. Every value iniparser
 * returns must equal the scanned one: where the two disagree the file is refused. The two
 * being equal, the scanned copy is kept and each dictionary freed once compared, so a large
 * session is not held twice. */
#define _GNU_SOURCE /* memfd_create */
#include "ini.h"

#include <errno.h>
#include <iniparser/iniparser.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "kollen/msg.h"
#include "kollen/store.h"
#include "kollen/text.h"

static int silent(const char *fmt, ...)
{
    (void)fmt;
    return 0;
}

/* --- the index: (section, key) -> entry, open addressing --- */

struct ref {
    int sec;
    int key;      /* into ini->keys; -1: the section itself */
    uint32_t len; /* the name's length */
};

struct slot {
    uint32_t hash; /* of the entry's name and section: compared before the name is */
    uint32_t at;   /* 0 = empty, else 1 + index into index.at */
};

struct index {
    struct slot *slot;
    size_t cap; /* a power of two */
    struct ref *at;
    size_t n, at_cap;
    size_t hint; /* the first capacity: growing from small rehashes more than it inserts */
};

static uint64_t load64(const char *p)
{
    uint64_t w;
    memcpy(&w, p, 8);
    return w;
}

static uint32_t load32(const char *p)
{
    uint32_t w;
    memcpy(&w, p, 4);
    return w;
}

/* The hash of a name in a section (sec -1: of a section's name). The bytes go in 8 at a time,
 * the last 8 overlapping the ones before (names are mostly 5 to 11 bytes: one or two words),
 * each word multiplied in; murmur3's finalizer then spreads every bit over the low ones the
 * table uses, so answer.12 and answer.13 land far apart. FNV-1a took 2 instructions a byte. */
static uint32_t hash_name(int sec, const char *p, size_t n)
{
    const uint64_t k = 0x9E3779B97F4A7C15ull;
    uint64_t h = ((uint64_t)(uint32_t)sec << 32 | n) * k;
    if (n >= 8) {
        for (size_t i = 0; i + 8 < n; i += 8)
            h = (h ^ load64(p + i)) * k;
        h = (h ^ load64(p + n - 8)) * k;
    } else if (n >= 4) {
        h = (h ^ (load32(p) | (uint64_t)load32(p + n - 4) << 32)) * k;
    } else if (n) {
        const unsigned char *u = (const unsigned char *)p;
        h = (h ^ (u[0] | (uint64_t)u[n / 2] << 8 | (uint64_t)u[n - 1] << 16)) * k;
    }
    h ^= h >> 33;
    h *= 0xFF51AFD7ED558CCDull;
    h ^= h >> 33;
    h *= 0xC4CEB9FE1A85EC53ull;
    h ^= h >> 33;
    return (uint32_t)h;
}

/* a[0..n) == b[0..n): names of up to 16 bytes in two loads each (overlapping), without a call */
static int same_name(const char *a, const char *b, size_t n)
{
    if (n >= 8 && n <= 16)
        return !((load64(a) ^ load64(b)) | (load64(a + n - 8) ^ load64(b + n - 8)));
    if (n >= 4 && n < 8)
        return !((load32(a) ^ load32(b)) | (load32(a + n - 4) ^ load32(b + n - 4)));
    return memcmp(a, b, n) == 0;
}

static const char *ref_name(const struct ini *ini, struct ref r)
{
    return r.key < 0 ? ini->sections[r.sec].name : ini->keys[r.key].name;
}

/* The entry named (sec, name), sec -1 for a section, whose hash_name is h; NULL when there is
 * none. */
static const struct ref *index_find(const struct ini *ini, int sec, const char *name, size_t n,
                                    uint32_t h)
{
    const struct index *ix = ini->index;
    if (!ix || !ix->cap)
        return NULL;
    for (size_t i = h & (ix->cap - 1); ix->slot[i].at; i = (i + 1) & (ix->cap - 1)) {
        if (ix->slot[i].hash != h)
            continue;
        const struct ref *r = &ix->at[ix->slot[i].at - 1];
        if ((sec < 0) != (r->key < 0) || (sec >= 0 && r->sec != sec) || r->len != n)
            continue;
        if (same_name(ref_name(ini, *r), name, n))
            return r;
    }
    return NULL;
}

static void slot_put(struct slot *slot, size_t cap, uint32_t h, uint32_t at)
{
    size_t i = h & (cap - 1);
    while (slot[i].at)
        i = (i + 1) & (cap - 1);
    slot[i].hash = h;
    slot[i].at = at;
}

/* Add r, whose name's hash_name is h (the caller made it to look for a duplicate). */
static int index_add(struct ini *ini, struct ref r, uint32_t h)
{
    struct index *ix = ini->index;
    if ((ix->n + 1) * 2 > ix->cap) {
        size_t cap = ix->cap ? ix->cap * 2 : ix->hint;
        struct slot *slot = calloc(cap, sizeof *slot);
        if (!slot)
            return -1;
        for (size_t i = 0; i < ix->cap; i++)
            if (ix->slot[i].at)
                slot_put(slot, cap, ix->slot[i].hash, ix->slot[i].at);
        free(ix->slot);
        ix->slot = slot;
        ix->cap = cap;
    }
    if (ix->n == ix->at_cap) {
        size_t cap = ix->at_cap ? ix->at_cap * 2 : ix->hint / 2;
        struct ref *v = realloc(ix->at, cap * sizeof *v);
        if (!v)
            return -1;
        ix->at = v;
        ix->at_cap = cap;
    }
    ix->at[ix->n] = r;
    slot_put(ix->slot, ix->cap, h, (uint32_t)++ix->n);
    return 0;
}

static void index_free(struct index *ix)
{
    if (!ix)
        return;
    free(ix->slot);
    free(ix->at);
    free(ix);
}

void ini_free(struct ini *ini)
{
    if (!ini)
        return;
    free(ini->keys);
    free(ini->sections);
    index_free(ini->index);
    free(ini->text);
    free(ini->file);
    free(ini);
}

/* --- the scan --- */

struct scan {
    struct ini *ini;
    struct diags *d;
    long max_entries;
    int stop; /* the entry limit was hit: nothing more is read */
};

/* Characters of a name, by byte: NAME_CHAR for a-z 0-9 . - _, the others 0; NAME_CHAR |
 * NAME_SIGN (3) for the two a number that is not canonical starts with ('-' and '0'). */
enum { NAME_CHAR = 1, NAME_SIGN = 2 };

static const unsigned char name_class[256] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 0x00 */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 0x10 */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 1, 0, /* 0x20 - . */
    3, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, /* 0x30 0-9 */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 0x40 */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, /* 0x50 _ */
    0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 0x60 a-o */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, /* 0x70 p-z */
};

/* Numbers in names are canonical: a dot-separated part made of digits (with or without a
 * sign) has no leading zero and no sign, so answer.1 and answer.01 cannot both name one. Only
 * a part that starts with '-' or '0' can break it: the rest of it must not be digits alone. */
static int numbers_canonical(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if ((s[i] != '-' && s[i] != '0') || (i && s[i - 1] != '.'))
            continue;
        size_t j = i + 1;
        while (j < n && s[j] >= '0' && s[j] <= '9')
            j++;
        if (j > i + 1 && (j == n || s[j] == '.'))
            return 0;
    }
    return 1;
}

enum { NAME_OK, NAME_BAD, NAME_NUMBER };

/* A section's or key's name: NAME_BAD for an empty one or one with a character not allowed
 * (reported before a number that is not canonical: NAME_NUMBER, looked for only in a name with
 * a '-' or a '0'). */
static int name_check(const char *s, size_t n)
{
    unsigned all = n ? NAME_CHAR : 0, any = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned c = name_class[(unsigned char)s[i]];
        all &= c;
        any |= c;
    }
    if (!all)
        return NAME_BAD;
    return (any & NAME_SIGN) && !numbers_canonical(s, n) ? NAME_NUMBER : NAME_OK;
}

static int is_blank(char c)
{
    return c == ' ' || c == '\t';
}

/* A name as shown in a message (made only when there is one to give). */
static void shown(char out[64], const char *p, size_t n)
{
    snprintf(out, 64, "%.*s", (int)(n < 60 ? n : 60), p);
}

static int add_section(struct ini *ini, const char *name, int line)
{
    if (ini->n_sections == ini->cap_sections) {
        int cap = ini->cap_sections ? ini->cap_sections * 2 : 16;
        struct ini_section *v = realloc(ini->sections, (size_t)cap * sizeof *v);
        if (!v)
            return -1;
        ini->sections = v;
        ini->cap_sections = cap;
    }
    struct ini_section *s = &ini->sections[ini->n_sections];
    memset(s, 0, sizeof *s);
    s->name = name;
    s->line = line;
    s->index = ini->n_sections;
    s->ini = ini;
    s->first_key = ini->n_keys;
    ini->n_sections++;
    return 0;
}

/* Sections get their keys once the scan is done (ini.keys moves while it grows). */
static int add_key(struct ini *ini, struct ini_section *s, const char *name, const char *value,
                   int line)
{
    if (ini->n_keys == ini->cap_keys) {
        const struct index *ix = ini->index;
        int cap = ini->cap_keys ? ini->cap_keys * 2 : (int)ix->hint / 2;
        struct ini_key *v = realloc(ini->keys, (size_t)cap * sizeof *v);
        if (!v)
            return -1;
        ini->keys = v;
        ini->cap_keys = cap;
    }
    struct ini_key *k = &ini->keys[ini->n_keys++];
    k->name = name;
    k->line = line;
    k->value = value; /* the scanned value until iniparser's replaces it */
    s->n_keys++;
    return 0;
}

/* One more entry (key or section) allowed? Reports once when not. */
static int entry_allowed(struct scan *sc, int line)
{
    if (sc->ini->n_entries < sc->max_entries)
        return 1;
    if (sc->max_entries == INI_KEYS_MAX)
        diags_add(sc->d, sc->ini->file, line, M_SYN_TOO_MANY_KEYS, INI_KEYS_MAX);
    else
        diags_add(sc->d, sc->ini->file, line, M_SYN_TOO_MANY_KEYS_BANK, INI_KEYS_MAX);
    sc->stop = 1;
    return 0;
}

/* --- one line's bytes: what the checks need, found in one pass --- */

#define NONE SIZE_MAX

/* Where things are in a line, counted from its first byte; NONE where there are none. */
struct line {
    size_t len;     /* bytes before its '\n' (or before the end of the text) */
    size_t nul;     /* the first NUL byte */
    size_t ctrl;    /* the first control byte: below 0x20 but a tab ('\r' included), or 0x7F */
    size_t bad;     /* where UTF-8, decoded a character at a time from the start, fails */
    size_t eq;      /* the first '=' */
    size_t comment; /* the first ';' or '#' */
    size_t zero;    /* the first "%00" */
};

static const struct line line_empty = {0, NONE, NONE, NONE, NONE, NONE, NONE};

/* Bytes in a UTF-8 character at u (u[0] >= 0x80), 0 when it is not one. The bytes after it are
 * read only while they continue it, so the NUL after the text (or a line's end) stops it. */
static size_t utf8_len(const unsigned char *u)
{
    if (u[0] >= 0xC2 && u[0] < 0xE0 && (u[1] & 0xC0) == 0x80) /* å ä ö and most others */
        return 2;
    uint32_t cp;
    return utf8_decode((const char *)u, 4, &cp);
}

/* The reference, a byte at a time: what the faster ways must find (tests compare them). */
static void line_plain(const char *p, size_t avail, struct line *li)
{
    *li = line_empty;
    size_t len = 0;
    while (len < avail && p[len] != '\n')
        len++;
    li->len = len;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)p[i];
        if (c == 0 && li->nul == NONE)
            li->nul = i;
        if (((c < 0x20 && c != '\t') || c == 0x7F) && li->ctrl == NONE)
            li->ctrl = i;
        if (c == '=' && li->eq == NONE)
            li->eq = i;
        if ((c == ';' || c == '#') && li->comment == NONE)
            li->comment = i;
        if (c == '%' && i + 2 < len && p[i + 1] == '0' && p[i + 2] == '0' && li->zero == NONE)
            li->zero = i;
    }
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        size_t k = (unsigned char)p[i] < 0x80 ? 1 : utf8_decode(p + i, len - i, &cp);
        if (!k) {
            li->bad = i;
            break;
        }
        i += k;
    }
}

/* The bytes of a block of 16 that are of each kind: bit i for byte i. Rare: a control byte
 * (tab, '\r' and NUL included), 0x7F, ';', '#' or the start of "%00"; a block with one is
 * looked at again a byte at a time (block_rare). */
struct block {
    unsigned nl, eq, high, rare;
};

/* 8 bytes at a time in a 64-bit word (any machine): 0x80 in each byte that is zero. Exact: no
 * carry crosses a byte. */
static uint64_t swar_zero(uint64_t w)
{
    const uint64_t low7 = 0x7F7F7F7F7F7F7F7Full;
    return ~(((w & low7) + low7) | w | low7);
}

static uint64_t swar_eq(uint64_t w, unsigned char c)
{
    return swar_zero(w ^ (0x0101010101010101ull * c));
}

/* The bytes' 0x80 bits, 1 << i for byte i (the multiplication gathers them in the top byte). */
static unsigned swar_bits(uint64_t m)
{
    return (unsigned)(((m >> 7) * 0x0102040810204080ull) >> 56);
}

/* 8 bytes with the first in the low byte, whatever the machine's byte order. */
static uint64_t load64_le(const char *p)
{
    uint64_t w = load64(p);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    w = __builtin_bswap64(w);
#endif
    return w;
}

static void block_swar(const char *q, struct block *b)
{
    const uint64_t high = 0x8080808080808080ull;
    b->nl = b->eq = b->high = b->rare = 0;
    for (int h = 0; h < 16; h += 8) {
        uint64_t w = load64_le(q + h);
        uint64_t below20 = ~((w & ~high) + 0x6060606060606060ull) & ~w & high;
        uint64_t zero = swar_eq(w, '%') & swar_eq(load64_le(q + h + 1), '0') &
                        swar_eq(load64_le(q + h + 2), '0');
        uint64_t rare = below20 | swar_eq(w, 0x7F) | swar_eq(w, ';') | swar_eq(w, '#') | zero;
        b->nl |= swar_bits(swar_eq(w, '\n')) << h;
        b->eq |= swar_bits(swar_eq(w, '=')) << h;
        b->high |= swar_bits(w & high) << h;
        b->rare |= swar_bits(rare) << h;
    }
}

#ifdef __SSE2__
static __m128i eq8(__m128i x, char c)
{
    return _mm_cmpeq_epi8(x, _mm_set1_epi8(c));
}

static void block_sse2(const char *q, struct block *b)
{
    const __m128i x = _mm_loadu_si128((const __m128i *)(const void *)q);
    const __m128i x1 = _mm_loadu_si128((const __m128i *)(const void *)(q + 1));
    const __m128i x2 = _mm_loadu_si128((const __m128i *)(const void *)(q + 2));
    /* below 0x20 where the unsigned minimum with 0x1F is the byte itself */
    __m128i rare = _mm_cmpeq_epi8(_mm_min_epu8(x, _mm_set1_epi8(0x1F)), x);
    rare = _mm_or_si128(rare, _mm_or_si128(eq8(x, 0x7F), _mm_or_si128(eq8(x, ';'), eq8(x, '#'))));
    __m128i zero = _mm_and_si128(eq8(x, '%'), _mm_and_si128(eq8(x1, '0'), eq8(x2, '0')));
    rare = _mm_or_si128(rare, zero);
    b->nl = (unsigned)_mm_movemask_epi8(eq8(x, '\n'));
    b->eq = (unsigned)_mm_movemask_epi8(eq8(x, '='));
    b->high = (unsigned)_mm_movemask_epi8(x);
    b->rare = (unsigned)_mm_movemask_epi8(rare);
}
#endif

static unsigned lowest(unsigned m) /* m != 0 */
{
#if defined(__GNUC__)
    return (unsigned)__builtin_ctz(m);
#else
    unsigned i = 0;
    while (!(m & 1))
        m >>= 1, i++;
    return i;
#endif
}

/* The rare bytes of the block at i (q its bytes, lim those before the line's end), one at a
 * time. q[j + 2] is there to read: a block reads 18 bytes. */
static void block_rare(const char *q, size_t i, unsigned lim, struct line *li)
{
    for (unsigned j = 0; j < 16 && (lim >> j & 1); j++) {
        unsigned char c = (unsigned char)q[j];
        if (c == 0 && li->nul == NONE)
            li->nul = i + j;
        if (((c < 0x20 && c != '\t') || c == 0x7F) && li->ctrl == NONE)
            li->ctrl = i + j;
        if ((c == ';' || c == '#') && li->comment == NONE)
            li->comment = i + j;
        if (c == '%' && q[j + 1] == '0' && q[j + 2] == '0' && li->zero == NONE)
            li->zero = i + j;
    }
}

/* The UTF-8 characters that start in the block at i (q its bytes; their high bits hi, from
 * *next on: a character begun in the block before may reach into this one). */
static void block_utf8(const char *q, size_t i, unsigned hi, size_t *next, struct line *li)
{
    if (*next > i)
        hi &= ~0u << (*next - i);
    while (hi) {
        unsigned j = lowest(hi);
        size_t k = utf8_len((const unsigned char *)q + j);
        if (!k) {
            li->bad = i + j;
            return;
        }
        *next = i + j + k;
        hi &= ~0u << (j + k); /* j + k <= 19 */
    }
}

/* The line at p (avail bytes to the end of the text, which is followed by a NUL), 16 bytes at a
 * time. A block reads 18 bytes (a "%00" may start in its last byte); the last ones of the text
 * are copied with line ends after them, so no read goes past the text. */
static void line_blocks(const char *p, size_t avail, int sse2, struct line *li)
{
    (void)sse2; /* without SSE2, every block is read 8 bytes at a time */
    *li = line_empty;
    char tail[48];
    size_t next = 0; /* where the next UTF-8 character starts */
    for (size_t i = 0;; i += 16) {
        const char *q = p + i;
        if (avail - i < 18) {
            memset(tail, '\n', sizeof tail);
            memcpy(tail, q, avail - i);
            q = tail;
        }
        struct block b;
#ifdef __SSE2__
        if (sse2)
            block_sse2(q, &b);
        else
#endif
            block_swar(q, &b);
        if (!(b.nl | b.eq | b.high | b.rare)) /* printable ASCII: most blocks */
            continue;
        unsigned lim = b.nl ? (b.nl & (0u - b.nl)) - 1 : 0xFFFFu; /* the bytes before '\n' */
        if (b.rare & lim)
            block_rare(q, i, lim, li);
        if ((b.eq & lim) && li->eq == NONE)
            li->eq = i + lowest(b.eq);
        if ((b.high & lim) && li->bad == NONE)
            block_utf8(q, i, b.high & lim, &next, li);
        if (b.nl) {
            li->len = i + lowest(b.nl);
            return;
        }
    }
}

static void line_scan(const char *p, size_t avail, enum ini_scan how, struct line *li)
{
    if (how == INI_SCAN_PLAIN)
        line_plain(p, avail, li);
    else
        line_blocks(p, avail, how != INI_SCAN_SWAR, li);
}

static int scan_section(struct scan *sc, char *p, size_t n, int line)
{
    struct ini *ini = sc->ini;
    const char *f = ini->file;
    char buf[64];
    if (p[n - 1] != ']') {
        diags_add(sc->d, f, line, M_SYN_LINE);
        return 0;
    }
    char *name = p + 1;
    size_t len = n - 2;
    while (len && is_blank(*name))
        name++, len--;
    while (len && is_blank(name[len - 1]))
        len--;
    int bad = name_check(name, len);
    if (bad) {
        shown(buf, name, len);
        diags_add(sc->d, f, line, bad == NAME_BAD ? M_SYN_SECTION_NAME : M_SYN_NAME_NUMBER, buf);
        return 0;
    }
    if (!entry_allowed(sc, line))
        return 0;
    ini->n_entries++;
    uint32_t h = hash_name(-1, name, len);
    const struct ref *old = index_find(ini, -1, name, len, h);
    if (old) {
        shown(buf, name, len);
        diags_add(sc->d, f, line, M_SYN_DUP_SECTION, buf, ini->sections[old->sec].line);
        /* keep scanning into a throw-away section so its keys are still checked */
        return add_section(ini, "", line);
    }
    name[len] = '\0';
    if (add_section(ini, name, line))
        return -1;
    return index_add(ini, (struct ref){ini->n_sections - 1, -1, (uint32_t)len}, h);
}

/* A key line p of n bytes (trimmed); li tells where its '=', ';', '#' and "%00" are, counted
 * from at. A name has none of ';' '#' '%', nor has the line's start (a comment): whichever the
 * line has are in the value. */
static int scan_key(struct scan *sc, char *p, size_t n, char *at, const struct line *li, int line)
{
    struct ini *ini = sc->ini;
    const char *f = ini->file;
    char buf[64];
    if (li->eq == NONE) {
        diags_add(sc->d, f, line, M_SYN_LINE);
        return 0;
    }
    char *eq = at + li->eq;
    size_t klen = (size_t)(eq - p);
    while (klen && is_blank(p[klen - 1]))
        klen--;
    int bad = name_check(p, klen);
    if (bad) {
        shown(buf, p, klen);
        diags_add(sc->d, f, line, bad == NAME_BAD ? M_SYN_KEY_NAME : M_SYN_NAME_NUMBER, buf);
        return 0;
    }
    char *v = eq + 1;
    size_t vlen = n - (size_t)(v - p);
    while (vlen && is_blank(*v))
        v++, vlen--;
    if (vlen && (*v == '"' || *v == '\'')) {
        diags_add(sc->d, f, line, M_SYN_VALUE_QUOTE);
        return 0;
    }
    if (li->comment != NONE) {
        char c = at[li->comment];
        diags_add(sc->d, f, line, M_SYN_VALUE_COMMENT, c, c == ';' ? "%3B" : "%23");
        return 0;
    }
    if (li->zero != NONE) { /* %00 always decodes to a NUL byte, and only %00 does */
        diags_add(sc->d, f, line, M_SYN_VALUE_NUL);
        return 0;
    }
    if (vlen && v[vlen - 1] == '\\') {
        diags_add(sc->d, f, line, M_SYN_VALUE_BACKSLASH);
        return 0;
    }
    if (ini->n_sections == 0) {
        shown(buf, p, klen);
        diags_add(sc->d, f, line, M_SYN_KEY_OUTSIDE, buf);
        return 0;
    }
    int sec = ini->n_sections - 1;
    uint32_t h = hash_name(sec, p, klen);
    const struct ref *old = index_find(ini, sec, p, klen, h);
    if (old) {
        shown(buf, p, klen);
        diags_add(sc->d, f, line, M_SYN_DUP_KEY, buf, ini->keys[old->key].line);
        return 0;
    }
    if (!entry_allowed(sc, line))
        return 0;
    ini->n_entries++;
    p[klen] = '\0';
    v[vlen] = '\0';
    if (add_key(ini, &ini->sections[sec], p, v, line))
        return -1;
    return index_add(ini, (struct ref){sec, ini->n_keys - 1, (uint32_t)klen}, h);
}

/* Check one line of n bytes at p (without its line end), li what line_scan found in it; record
 * sections and keys. -1 on OOM. */
static int scan_line(struct scan *sc, char *p, size_t n, const struct line *li, int line)
{
    const char *f = sc->ini->file;
    if (n > INI_LINE_MAX) {
        diags_add(sc->d, f, line, M_SYN_LONG, INI_LINE_MAX);
        return 0;
    }
    if (li->bad != NONE) {
        diags_add(sc->d, f, line, M_SYN_UTF8, (int)li->bad + 1);
        return 0;
    }
    if (li->ctrl < n) { /* not the '\r' of a "\r\n" */
        diags_add(sc->d, f, line, M_SYN_CONTROL, (int)li->ctrl + 1);
        return 0;
    }
    char *at = p;
    while (n && is_blank(*p))
        p++, n--;
    while (n && is_blank(p[n - 1]))
        n--;
    if (n == 0 || *p == ';' || *p == '#')
        return 0;
    return *p == '[' ? scan_section(sc, p, n, line) : scan_key(sc, p, n, at, li, line);
}

/* --- iniparser, a chunk at a time --- */

static int write_all(int fd, const char *p, size_t n)
{
    off_t off = 0;
    while (n) {
        ssize_t w = pwrite(fd, p, n, off);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return -1;
        p += w;
        off += w;
        n -= (size_t)w;
    }
    return 0;
}

/* Is iniparser's key k "section:key"? */
static int dict_key_is(const char *k, const char *sec, const char *key)
{
    size_t sl = strlen(sec);
    return k && strncmp(k, sec, sl) == 0 && k[sl] == ':' && strcmp(k + sl + 1, key) == 0;
}

/* A place in the file: the keys counted over all sections in order, each section's header
 * first. */
struct pos {
    int sec, key; /* key -1: the section's header */
};

static int pos_before(struct pos p, struct pos to)
{
    return p.sec < to.sec || (p.sec == to.sec && p.key < to.key);
}

static struct pos pos_next(const struct ini *ini, struct pos p)
{
    if (++p.key >= ini->sections[p.sec].n_keys)
        p.sec++, p.key = -1;
    return p;
}

/* Is the entry at p handed to iniparser? */
static int pos_read(const struct ini *ini, struct pos p)
{
    const struct ini_section *s = &ini->sections[p.sec];
    return p.key < 0 ? s->read : s->keys[p.key].read;
}

/* The first entry handed to iniparser at or after p. */
static struct pos pos_skip(const struct ini *ini, struct pos p)
{
    while (p.sec < ini->n_sections && !pos_read(ini, p))
        p = pos_next(ini, p);
    return p;
}

/* The handed entries in [from, to) in one dictionary (from is one of them); values taken from
 * iniparser and checked against the scan. */
/* "name=value\n" at the end of chunk, the value in double quotes when quote. */
static void chunk_key(struct sbuf *chunk, const char *name, const char *v, size_t vlen,
                      int quote)
{
    size_t nlen = strlen(name);
    char *w = sbuf_room(chunk, nlen + vlen + 2 + 2 * (size_t)quote);
    if (!w)
        return;
    memcpy(w, name, nlen);
    w += nlen;
    *w++ = '=';
    if (quote)
        *w++ = '"';
    memcpy(w, v, vlen);
    w += vlen;
    if (quote)
        *w++ = '"';
    *w = '\n';
}

static int read_chunk(struct ini *ini, struct store_reader *rd, const char *path,
                      struct pos from, struct pos to, struct diags *d)
{
    struct sbuf *chunk = &rd->chunk;
    sbuf_reset(chunk);
    chunk->oom = 0; /* kept from load to load: a failure of the last one is not this one's */
    for (struct pos p = from; pos_before(p, to); p = pos_next(ini, p)) {
        const struct ini_section *s = &ini->sections[p.sec];
        if ((p.key < 0 && s->read) || (p.sec == from.sec && p.key == from.key && p.key >= 0)) {
            sbuf_addc(chunk, '[');
            sbuf_add(chunk, s->name);
            sbuf_add(chunk, "]\n");
        }
        if (p.key >= 0 && s->keys[p.key].read) {
            /* A value in double quotes is read by iniparser's first pattern, unquoted by its
             * third after two failed sscanf calls (a third of its time in a session). The scan
             * trimmed the value and refused one that starts with a quote; one with a quote
             * inside, or none at all, goes as it is. */
            const char *v = s->keys[p.key].value;
            size_t vlen = strlen(v);
            chunk_key(chunk, s->keys[p.key].name, v, vlen, vlen && !memchr(v, '"', vlen));
        }
    }
    if (chunk->oom)
        return KL_ENOMEM;
    /* written over what was there, cut only where it was longer: truncating a memory file
     * to nothing frees its pages, and they would be allocated again at once */
    if (write_all(rd->fd, chunk->p ? chunk->p : "", chunk->len) ||
        (rd->size > chunk->len && ftruncate(rd->fd, (off_t)chunk->len))) {
        rd->size = SIZE_MAX; /* unknown now: cut it next time */
        diags_add(d, ini->file, 0, M_SYN_INIPARSER);
        return KL_EPARSE;
    }
    rd->size = chunk->len;
    dictionary *dict = iniparser_load(path);
    if (!dict) {
        diags_add(d, ini->file, from.sec < ini->n_sections ? ini->sections[from.sec].line : 0,
                  M_SYN_INIPARSER);
        return KL_EPARSE;
    }
    int rc = KL_OK;
    ini->n_reads++;
    if (dict->n > ini->most_read)
        ini->most_read = dict->n;
    /* iniparser keeps entries in the order read: walk it in step; look up where it differs */
    ssize_t at = 0;
    char key[2 * INI_LINE_MAX + 4];
    for (struct pos p = from; pos_before(p, to); p = pos_next(ini, p)) {
        struct ini_section *s = &ini->sections[p.sec];
        if ((p.key < 0 && s->read) || (p.sec == from.sec && p.key == from.key && p.key >= 0)) {
            if (at < dict->size && dict->key[at] && !strcmp(dict->key[at], s->name))
                at++;
        }
        if (p.key >= 0 && s->keys[p.key].read) {
            struct ini_key *k = &s->keys[p.key];
            const char *val;
            if (at < dict->size && dict_key_is(dict->key[at], s->name, k->name)) {
                val = dict->val[at++];
            } else {
                snprintf(key, sizeof key, "%s:%s", s->name, k->name);
                val = iniparser_getstring(dict, key, NULL);
            }
            /* our scan and iniparser disagree: refuse, never guess */
            if (!val || strcmp(val, k->value) != 0) {
                diags_add(d, ini->file, k->line, M_SYN_INIPARSER);
                rc = KL_EPARSE;
                break;
            }
        }
    }
    iniparser_freedict(dict);
    return rc;
}

/* Mark what iniparser reads: everything, or (want) the keys wanted and their headers. */
static void mark_read(struct ini *ini, ini_want_fn want)
{
    for (int i = 0; i < ini->n_sections; i++) {
        struct ini_section *s = &ini->sections[i];
        s->read = !want;
        for (int k = 0; k < s->n_keys; k++) {
            s->keys[k].read = !want || want(s->name, s->keys[k].name);
            s->read |= s->keys[k].read;
        }
    }
}

/* rd: the memory file to reuse, or NULL (or one without a file) for one made here. */
static int read_with_iniparser(struct ini *ini, struct store_reader *rd, struct diags *d)
{
    struct store_reader mine = {-1, 0, {NULL, 0, 0, 0}};
    int own = !rd || rd->fd < 0;
    if (own && (mine.fd = memfd_create("kollen-ini", MFD_CLOEXEC)) < 0) {
        diags_add(d, ini->file, 0, M_SYN_INIPARSER);
        return KL_EPARSE;
    }
    if (own)
        rd = &mine;
    char path[64];
    snprintf(path, sizeof path, "/proc/self/fd/%d", rd->fd);
    iniparser_set_error_callback(silent);
    int rc = KL_OK;
    struct pos from = pos_skip(ini, (struct pos){0, -1}), p = from;
    long left = 0; /* entries not yet in a chunk */
    for (int i = 0; i < ini->n_sections; i++) {
        left += ini->sections[i].read;
        for (int k = 0; k < ini->sections[i].n_keys; k++)
            left += ini->sections[i].keys[k].read;
    }
    int entries = 0;
    while (rc == KL_OK && p.sec < ini->n_sections) {
        /* a chunk that starts inside a section repeats its header: count it */
        if (entries == 0 && p.key >= 0)
            entries++;
        entries++;
        left--;
        p = pos_skip(ini, pos_next(ini, p));
        if ((entries >= INI_CHUNK && left > INI_CHUNK_MAX - entries) ||
            p.sec >= ini->n_sections) {
            rc = read_chunk(ini, rd, path, from, p, d);
            from = p;
            entries = 0;
        }
    }
    if (own) {
        close(mine.fd);
        sbuf_free(&mine.chunk);
    }
    return rc;
}

/* own: NULL, or buf itself, malloc'ed with room for a NUL after n bytes, which the ini then
 * keeps as its text instead of a copy (a 2 MB session is not held twice while it loads);
 * parse frees it on failure. */
static int parse(const char *name, const char *buf, size_t n, char *own, long max_entries,
                 ini_want_fn want, struct store_reader *rd, enum ini_scan how, struct ini **out,
                 struct diags *d)
{
    *out = NULL;
    size_t errors_before = diags_errors(d);
    struct ini *ini = calloc(1, sizeof *ini);
    if (!ini || !(ini->file = text_dup(name)) || !(ini->index = calloc(1, sizeof(struct index)))) {
        ini_free(ini);
        free(own);
        return KL_ENOMEM;
    }
    /* a session has a key or section about every 64 bytes; at most 1024 at first */
    struct index *ix = ini->index;
    for (ix->hint = 64; ix->hint < 2048 && ix->hint * 32 < n; ix->hint *= 2)
        ;
    if (n >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0) {
        diags_warn(d, name, 1, M_SYN_BOM_WARN);
        buf += 3;
        n -= 3;
    }
    if (own) {
        if (buf != own)
            memmove(own, buf, n); /* past a BOM */
        ini->text = own;
    } else if (!(ini->text = malloc(n + 1))) {
        ini_free(ini);
        return KL_ENOMEM;
    } else {
        memcpy(ini->text, buf, n);
    }
    ini->text[n] = '\0';
    struct scan sc = {ini, d, max_entries, 0};
    char *t = ini->text;
    int line = 1, oom = 0;
    for (size_t start = 0; start <= n && !oom && !sc.stop; line++) {
        struct line li;
        line_scan(t + start, n - start, how, &li);
        if (li.nul != NONE) {
            diags_add(d, name, line, M_SYN_NUL);
            break;
        }
        size_t len = li.len;
        if (len && t[start + len - 1] == '\r')
            len--;
        if (scan_line(&sc, t + start, len, &li, line))
            oom = 1;
        start += li.len + 1;
        if (start > n) /* no '\n': the last line */
            break;
    }
    if (oom) {
        ini_free(ini);
        return KL_ENOMEM;
    }
    for (int i = 0; i < ini->n_sections; i++) /* ini.keys has stopped moving */
        ini->sections[i].keys = ini->keys ? ini->keys + ini->sections[i].first_key : NULL;
    int rc = KL_EPARSE;
    if (diags_errors(d) == errors_before) {
        mark_read(ini, want);
        rc = read_with_iniparser(ini, rd, d);
    }
    if (rc) {
        ini_free(ini);
        return rc;
    }
    *out = ini;
    return KL_OK;
}

int ini_parse_max(const char *name, const char *buf, size_t n, long max_entries, struct ini **out,
                  struct diags *d)
{
    return parse(name, buf, n, NULL, max_entries, NULL, NULL, INI_SCAN_BEST, out, d);
}

int ini_parse_want(const char *name, const char *buf, char *own, size_t n, ini_want_fn want,
                   struct store_reader *r, struct ini **out, struct diags *d)
{
    return parse(name, buf, n, own, INI_KEYS_MAX, want, r, INI_SCAN_BEST, out, d);
}

int ini_parse_how(const char *name, const char *buf, size_t n, enum ini_scan how, struct ini **out,
                  struct diags *d)
{
    return parse(name, buf, n, NULL, INI_KEYS_MAX, NULL, NULL, how, out, d);
}

struct store_reader *store_reader_new(void)
{
    struct store_reader *r = malloc(sizeof *r);
    if (r) { /* none: each load makes its own, and says so if it cannot either */
        r->fd = memfd_create("kollen-ini", MFD_CLOEXEC);
        r->size = 0;
        sbuf_init(&r->chunk);
    }
    return r;
}

void store_reader_free(struct store_reader *r)
{
    if (!r)
        return;
    if (r->fd >= 0)
        close(r->fd);
    sbuf_free(&r->chunk);
    free(r);
}

int ini_parse(const char *name, const char *buf, size_t n, struct ini **out, struct diags *d)
{
    return ini_parse_max(name, buf, n, INI_KEYS_MAX, out, d);
}

int ini_load_max(const char *path, long max_entries, struct ini **out, struct diags *d)
{
    *out = NULL;
    char *buf;
    size_t n;
    int rc = store_read_file(path, &buf, &n, d);
    if (rc)
        return rc;
    /* store_read_file leaves room for the NUL: its loop ends on a read into free space */
    return parse(path, buf, n, buf, max_entries, NULL, NULL, INI_SCAN_BEST, out, d);
}

int ini_load(const char *path, struct ini **out, struct diags *d)
{
    return ini_load_max(path, INI_KEYS_MAX, out, d);
}

const struct ini_section *ini_section(const struct ini *ini, const char *name)
{
    size_t n = strlen(name);
    const struct ref *r = index_find(ini, -1, name, n, hash_name(-1, name, n));
    return r ? &ini->sections[r->sec] : NULL;
}

const struct ini_key *ini_key(const struct ini_section *s, const char *key)
{
    if (!s || !*s->name) /* a throw-away duplicate has nothing to find */
        return NULL;
    size_t n = strlen(key);
    const struct ref *r = index_find(s->ini, s->index, key, n, hash_name(s->index, key, n));
    return r ? &s->ini->keys[r->key] : NULL;
}

const char *ini_raw(const struct ini_section *s, const char *key)
{
    const struct ini_key *k = ini_key(s, key);
    return k ? k->value : NULL;
}

char *ini_text(const struct ini_section *s, const char *key)
{
    const char *v = ini_raw(s, key);
    return v ? text_percent_decode(v) : NULL;
}

int ini_line(const struct ini_section *s, const char *key)
{
    const struct ini_key *k = key ? ini_key(s, key) : NULL;
    return k ? k->line : s ? s->line : 0;
}

/* "key.N" with N in 1..100000: N, else 0. */
static long part_index(const char *name, const char *key, size_t klen)
{
    if (strncmp(name, key, klen) != 0 || name[klen] != '.')
        return 0;
    long v;
    return text_parse_int(name + klen + 1, 1, 100000, &v) == 0 && name[klen + 1] != '0' ? v : 0;
}

int ini_parts_plain(const struct ini_section *s, const char *key, size_t max, int newlines)
{
    size_t klen = strlen(key), len = 0;
    long max_k = 0;
    int count = 0;
    for (int i = 0; i < s->n_keys; i++) {
        long k = part_index(s->keys[i].name, key, klen);
        if (!k)
            continue;
        count++;
        if (k > max_k)
            max_k = k;
    }
    if (count != max_k) /* a gap (the numbers are distinct) */
        return 0;
    for (int i = 0; i < s->n_keys; i++) {
        long k = part_index(s->keys[i].name, key, klen);
        if (!k)
            continue;
        const char *v = s->keys[i].value;
        size_t n = text_percent_plain(v, strlen(v), newlines, k == max_k);
        if (n == (size_t)-1 || (len += n) > max)
            return 0;
    }
    return 1;
}

char *ini_parts(const struct ini *ini, const struct ini_section *s, const char *key,
                struct diags *d, int *err)
{
    *err = 0;
    if (!s)
        return NULL;
    size_t klen = strlen(key);
    long max = 0;
    int count = 0;
    for (int i = 0; i < s->n_keys; i++) {
        long k = part_index(s->keys[i].name, key, klen);
        if (k) {
            count++;
            if (k > max)
                max = k;
        }
    }
    if (!count)
        return NULL;
    const struct ini_key **parts = calloc((size_t)max, sizeof *parts);
    if (!parts) {
        *err = KL_ENOMEM;
        return NULL;
    }
    for (int i = 0; i < s->n_keys; i++) {
        long k = part_index(s->keys[i].name, key, klen);
        if (k)
            parts[k - 1] = &s->keys[i];
    }
    struct sbuf b;
    sbuf_init(&b);
    for (long k = 0; k < max; k++) {
        if (!parts[k]) {
            char later[80];
            snprintf(later, sizeof later, "%s.%ld", key, max);
            diags_add(d, ini->file, ini_line(s, later), M_SES_GAP, s->name, key, (int)k + 1, key,
                      (int)max);
            *err = KL_EPARSE;
            free(parts);
            sbuf_free(&b);
            return NULL;
        }
        size_t before = b.len;
        sbuf_add(&b, parts[k]->value);
        /* a %00 made where two parts meet (each part alone was checked by the scan) */
        size_t from = before >= 2 ? before - 2 : 0;
        const char *z = b.p && b.len - from >= 3 ? strstr(b.p + from, "%00") : NULL;
        if (z && (size_t)(z - b.p) < before) {
            diags_add(d, ini->file, parts[k - 1]->line, M_SYN_VALUE_NUL);
            *err = KL_EPARSE;
            free(parts);
            sbuf_free(&b);
            return NULL;
        }
    }
    free(parts);
    char *raw = sbuf_take(&b);
    if (!raw) {
        *err = KL_ENOMEM;
        return NULL;
    }
    char *out = text_percent_decode(raw);
    free(raw);
    if (!out)
        *err = KL_ENOMEM;
    return out;
}
