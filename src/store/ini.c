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
    int key; /* -1: the section itself */
};

struct index {
    uint32_t *slot; /* 0 = empty, else 1 + index into at */
    size_t cap;     /* a power of two */
    struct ref *at;
    size_t n, at_cap;
    size_t hint; /* the first capacity: growing from small rehashes more than it inserts */
};

static uint32_t hash_name(uint32_t seed, const char *p, size_t n)
{
    uint32_t h = 2166136261u ^ seed;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)p[i]) * 16777619u;
    return h;
}

static uint32_t seed_of(int sec)
{
    return sec < 0 ? 0xFFFFFFFFu : (uint32_t)sec;
}

static const char *ref_name(const struct ini *ini, struct ref r)
{
    const struct ini_section *s = &ini->sections[r.sec];
    return r.key < 0 ? s->name : s->keys[r.key].name;
}

/* The entry named (sec, name), sec -1 for a section; NULL when there is none. */
static const struct ref *index_find(const struct ini *ini, int sec, const char *name, size_t n)
{
    const struct index *ix = ini->index;
    if (!ix || !ix->cap)
        return NULL;
    size_t h = hash_name(seed_of(sec), name, n) & (ix->cap - 1);
    for (; ix->slot[h]; h = (h + 1) & (ix->cap - 1)) {
        const struct ref *r = &ix->at[ix->slot[h] - 1];
        if ((sec < 0) != (r->key < 0) || (sec >= 0 && r->sec != sec))
            continue;
        const char *have = ref_name(ini, *r);
        if (strncmp(have, name, n) == 0 && have[n] == '\0')
            return r;
    }
    return NULL;
}

static int index_add(struct ini *ini, struct ref r)
{
    struct index *ix = ini->index;
    if ((ix->n + 1) * 2 > ix->cap) {
        size_t cap = ix->cap ? ix->cap * 2 : ix->hint;
        uint32_t *slot = calloc(cap, sizeof *slot);
        if (!slot)
            return -1;
        for (size_t i = 0; i < ix->n; i++) {
            const char *nm = ref_name(ini, ix->at[i]);
            size_t h = hash_name(seed_of(ix->at[i].key < 0 ? -1 : ix->at[i].sec), nm,
                                 strlen(nm)) & (cap - 1);
            while (slot[h])
                h = (h + 1) & (cap - 1);
            slot[h] = (uint32_t)i + 1;
        }
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
    const char *nm = ref_name(ini, r);
    size_t h = hash_name(seed_of(r.key < 0 ? -1 : r.sec), nm, strlen(nm)) & (ix->cap - 1);
    while (ix->slot[h])
        h = (h + 1) & (ix->cap - 1);
    ix->at[ix->n] = r;
    ix->slot[h] = (uint32_t)++ix->n;
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
    for (int i = 0; i < ini->n_sections; i++)
        free(ini->sections[i].keys);
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

static int name_ok(const char *s, size_t n)
{
    if (n == 0)
        return 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-' ||
              c == '_'))
            return 0;
    }
    return 1;
}

/* Numbers in names are canonical: a dot-separated part made of digits (with or without a
 * sign) has no leading zero and no sign, so answer.1 and answer.01 cannot both name one. */
static int numbers_canonical(const char *s, size_t n)
{
    size_t i = 0;
    while (i <= n) {
        size_t j = i;
        while (j < n && s[j] != '.')
            j++;
        size_t k = i + (j > i && s[i] == '-');
        int digits = k < j;
        for (size_t m = k; m < j && digits; m++)
            digits = s[m] >= '0' && s[m] <= '9';
        if (digits && (k > i || (j - k > 1 && s[k] == '0')))
            return 0;
        i = j + 1;
    }
    return 1;
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
    ini->n_sections++;
    return 0;
}

static int add_key(struct ini_section *s, const char *name, const char *value, int line)
{
    if (s->n_keys == s->cap_keys) {
        int cap = s->cap_keys ? s->cap_keys * 2 : 8;
        struct ini_key *v = realloc(s->keys, (size_t)cap * sizeof *v);
        if (!v)
            return -1;
        s->keys = v;
        s->cap_keys = cap;
    }
    struct ini_key *k = &s->keys[s->n_keys++];
    k->name = name;
    k->line = line;
    k->value = value; /* the scanned value until iniparser's replaces it */
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
    if (!name_ok(name, len)) {
        shown(buf, name, len);
        diags_add(sc->d, f, line, M_SYN_SECTION_NAME, buf);
        return 0;
    }
    if (!numbers_canonical(name, len)) {
        shown(buf, name, len);
        diags_add(sc->d, f, line, M_SYN_NAME_NUMBER, buf);
        return 0;
    }
    if (!entry_allowed(sc, line))
        return 0;
    ini->n_entries++;
    const struct ref *old = index_find(ini, -1, name, len);
    if (old) {
        shown(buf, name, len);
        diags_add(sc->d, f, line, M_SYN_DUP_SECTION, buf, ini->sections[old->sec].line);
        /* keep scanning into a throw-away section so its keys are still checked */
        return add_section(ini, "", line);
    }
    name[len] = '\0';
    if (add_section(ini, name, line))
        return -1;
    return index_add(ini, (struct ref){ini->n_sections - 1, -1});
}

static int scan_key(struct scan *sc, char *p, size_t n, int line)
{
    struct ini *ini = sc->ini;
    const char *f = ini->file;
    char buf[64];
    char *eq = memchr(p, '=', n);
    if (!eq) {
        diags_add(sc->d, f, line, M_SYN_LINE);
        return 0;
    }
    size_t klen = (size_t)(eq - p);
    while (klen && is_blank(p[klen - 1]))
        klen--;
    if (!name_ok(p, klen)) {
        shown(buf, p, klen);
        diags_add(sc->d, f, line, M_SYN_KEY_NAME, buf);
        return 0;
    }
    if (!numbers_canonical(p, klen)) {
        shown(buf, p, klen);
        diags_add(sc->d, f, line, M_SYN_NAME_NUMBER, buf);
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
    const char *semi = memchr(v, ';', vlen), *hash = memchr(v, '#', vlen);
    if (semi || hash) {
        char c = !hash || (semi && semi < hash) ? ';' : '#';
        diags_add(sc->d, f, line, M_SYN_VALUE_COMMENT, c, c == ';' ? "%3B" : "%23");
        return 0;
    }
    /* %00 always decodes to a NUL byte, and only %00 does */
    for (const char *pct = v; (pct = memchr(pct, '%', vlen - (size_t)(pct - v))); pct++)
        if ((size_t)(pct - v) + 2 < vlen && pct[1] == '0' && pct[2] == '0') {
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
    const struct ref *old = index_find(ini, sec, p, klen);
    if (old) {
        shown(buf, p, klen);
        diags_add(sc->d, f, line, M_SYN_DUP_KEY, buf,
                  ini->sections[sec].keys[old->key].line);
        return 0;
    }
    if (!entry_allowed(sc, line))
        return 0;
    ini->n_entries++;
    p[klen] = '\0';
    v[vlen] = '\0';
    struct ini_section *s = &ini->sections[sec];
    if (add_key(s, p, v, line))
        return -1;
    return index_add(ini, (struct ref){sec, s->n_keys - 1});
}

/* 1 when the 8 bytes at p are printable ASCII (0x20..0x7E): most of a file, checked 8 at a
 * time. */
static int printable8(const char *p)
{
    uint64_t w;
    memcpy(&w, p, 8);
    const uint64_t hi = 0x8080808080808080ull, one = 0x0101010101010101ull;
    uint64_t del = w ^ (0x7F * one);
    return !(w & hi) && !((w - 0x20 * one) & ~w & hi) && !((del - one) & ~del & hi);
}

/* Check one line (without its line end); record sections and keys. -1 on OOM. */
static int scan_line(struct scan *sc, char *p, size_t n, int line)
{
    const char *f = sc->ini->file;
    if (n > INI_LINE_MAX) {
        diags_add(sc->d, f, line, M_SYN_LONG, INI_LINE_MAX);
        return 0;
    }
    size_t ctrl = (size_t)-1;
    for (size_t i = 0; i < n;) {
        if (n - i >= 8 && printable8(p + i)) {
            i += 8;
            continue;
        }
        unsigned char c = (unsigned char)p[i];
        if (c < 0x80) {
            if (((c < 0x20 && c != '\t') || c == 0x7f) && ctrl == (size_t)-1)
                ctrl = i;
            i++;
            continue;
        }
        uint32_t cp;
        size_t k = utf8_decode(p + i, n - i, &cp);
        if (!k) {
            diags_add(sc->d, f, line, M_SYN_UTF8, (int)i + 1);
            return 0;
        }
        i += k;
    }
    if (ctrl != (size_t)-1) {
        diags_add(sc->d, f, line, M_SYN_CONTROL, (int)ctrl + 1);
        return 0;
    }
    while (n && is_blank(*p))
        p++, n--;
    while (n && is_blank(p[n - 1]))
        n--;
    if (n == 0 || *p == ';' || *p == '#')
        return 0;
    return *p == '[' ? scan_section(sc, p, n, line) : scan_key(sc, p, n, line);
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
static int read_chunk(struct ini *ini, struct store_reader *rd, const char *path,
                      struct sbuf *chunk, struct pos from, struct pos to, struct diags *d)
{
    sbuf_reset(chunk);
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
            int quote = v[0] && !strchr(v, '"');
            sbuf_add(chunk, s->keys[p.key].name);
            sbuf_add(chunk, quote ? "=\"" : "=");
            sbuf_add(chunk, v);
            sbuf_add(chunk, quote ? "\"\n" : "\n");
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
    struct store_reader mine = {-1, 0};
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
    struct sbuf chunk;
    sbuf_init(&chunk);
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
            rc = read_chunk(ini, rd, path, &chunk, from, p, d);
            from = p;
            entries = 0;
        }
    }
    sbuf_free(&chunk);
    if (own)
        close(mine.fd);
    return rc;
}

/* own: NULL, or buf itself, malloc'ed with room for a NUL after n bytes, which the ini then
 * keeps as its text instead of a copy (a 2 MB session is not held twice while it loads);
 * parse frees it on failure. */
static int parse(const char *name, const char *buf, size_t n, char *own, long max_entries,
                 ini_want_fn want, struct store_reader *rd, struct ini **out, struct diags *d)
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
        char *nl = memchr(t + start, '\n', n - start);
        size_t end = nl ? (size_t)(nl - t) : n;
        if (memchr(t + start, '\0', end - start)) {
            diags_add(d, name, line, M_SYN_NUL);
            break;
        }
        size_t len = end - start;
        if (len && t[start + len - 1] == '\r')
            len--;
        if (scan_line(&sc, t + start, len, line))
            oom = 1;
        start = end + 1;
        if (!nl)
            break;
    }
    if (oom) {
        ini_free(ini);
        return KL_ENOMEM;
    }
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
    return parse(name, buf, n, NULL, max_entries, NULL, NULL, out, d);
}

int ini_parse_want(const char *name, const char *buf, char *own, size_t n, ini_want_fn want,
                   struct store_reader *r, struct ini **out, struct diags *d)
{
    return parse(name, buf, n, own, INI_KEYS_MAX, want, r, out, d);
}

struct store_reader *store_reader_new(void)
{
    struct store_reader *r = malloc(sizeof *r);
    if (r) { /* none: each load makes its own, and says so if it cannot either */
        r->fd = memfd_create("kollen-ini", MFD_CLOEXEC);
        r->size = 0;
    }
    return r;
}

void store_reader_free(struct store_reader *r)
{
    if (!r)
        return;
    if (r->fd >= 0)
        close(r->fd);
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
    return parse(path, buf, n, buf, max_entries, NULL, NULL, out, d);
}

int ini_load(const char *path, struct ini **out, struct diags *d)
{
    return ini_load_max(path, INI_KEYS_MAX, out, d);
}

const struct ini_section *ini_section(const struct ini *ini, const char *name)
{
    const struct ref *r = index_find(ini, -1, name, strlen(name));
    return r ? &ini->sections[r->sec] : NULL;
}

const struct ini_key *ini_key(const struct ini_section *s, const char *key)
{
    if (!s || !*s->name) /* a throw-away duplicate has nothing to find */
        return NULL;
    const struct ref *r = index_find(s->ini, s->index, key, strlen(key));
    return r ? &s->keys[r->key] : NULL;
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
