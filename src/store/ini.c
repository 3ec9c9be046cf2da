/* ini.c: strict INI reading on top of iniparser 4.1. */
#define _GNU_SOURCE /* memfd_create: hand iniparser exactly the bytes we checked */
#include "ini.h"

#include <errno.h>
#include <stdint.h>
#include <fcntl.h>
#include <iniparser/iniparser.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kollen/msg.h"
#include "kollen/text.h"

static int silent(const char *fmt, ...)
{
    (void)fmt;
    return 0;
}

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

/* Keys seen so far, for the duplicate check: open addressing on (section, name), so a
 * section of thousands of note parts is not checked in quadratic time. */
struct seen {
    uint32_t *slot; /* 0 = empty, else 1 + index into the flat list below */
    size_t cap;
    struct { int sec, key; } *at;
    size_t n, at_cap;
};

static uint32_t hash_key(int sec, const char *p, size_t n)
{
    uint32_t h = 2166136261u ^ (uint32_t)sec;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)p[i]) * 16777619u;
    return h;
}

static int is_blank(char c)
{
    return c == ' ' || c == '\t';
}

void ini_free(struct ini *ini)
{
    if (!ini)
        return;
    for (int i = 0; i < ini->n_sections; i++) {
        for (int k = 0; k < ini->sections[i].n_keys; k++)
            free(ini->sections[i].keys[k].name);
        free(ini->sections[i].keys);
        free(ini->sections[i].name);
    }
    free(ini->sections);
    if (ini->dict)
        iniparser_freedict(ini->dict);
    free(ini->file);
    free(ini);
}

static int add_section(struct ini *ini, const char *name, size_t n, int line)
{
    struct ini_section *v = realloc(ini->sections, (size_t)(ini->n_sections + 1) * sizeof *v);
    if (!v)
        return -1;
    ini->sections = v;
    struct ini_section *s = &v[ini->n_sections];
    memset(s, 0, sizeof *s);
    if (!(s->name = text_ndup(name, n)))
        return -1;
    s->line = line;
    ini->n_sections++;
    return 0;
}

static int add_key(struct ini_section *s, const char *name, size_t n, int line)
{
    if (s->n_keys == s->cap_keys) {
        int cap = s->cap_keys ? s->cap_keys * 2 : 8;
        struct ini_key *v = realloc(s->keys, (size_t)cap * sizeof *v);
        if (!v)
            return -1;
        s->keys = v;
        s->cap_keys = cap;
    }
    struct ini_key *k = &s->keys[s->n_keys];
    if (!(k->name = text_ndup(name, n)))
        return -1;
    k->line = line;
    k->value = NULL;
    s->n_keys++;
    return 0;
}

static const struct ini_key *find_key(const struct ini_section *s, const char *name, size_t n)
{
    for (int i = 0; i < s->n_keys; i++)
        if (strlen(s->keys[i].name) == n && memcmp(s->keys[i].name, name, n) == 0)
            return &s->keys[i];
    return NULL;
}

/* The key already in section `sec` with this name, or NULL; else remember the new one
 * (which the caller adds as key number s->n_keys). -1 in *oom on allocation failure. */
static const struct ini_key *seen_check(struct seen *t, const struct ini *ini, int sec,
                                        const char *name, size_t n, int *oom)
{
    if (t->n * 2 >= t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 64;
        uint32_t *slot = calloc(cap, sizeof *slot);
        if (!slot) {
            *oom = 1;
            return NULL;
        }
        for (size_t i = 0; i < t->n; i++) {
            const struct ini_section *s = &ini->sections[t->at[i].sec];
            const char *k = s->keys[t->at[i].key].name;
            size_t h = hash_key(t->at[i].sec, k, strlen(k)) & (cap - 1);
            while (slot[h])
                h = (h + 1) & (cap - 1);
            slot[h] = (uint32_t)i + 1;
        }
        free(t->slot);
        t->slot = slot;
        t->cap = cap;
    }
    size_t h = hash_key(sec, name, n) & (t->cap - 1);
    for (; t->slot[h]; h = (h + 1) & (t->cap - 1)) {
        size_t i = t->slot[h] - 1;
        if (t->at[i].sec != sec)
            continue;
        const struct ini_key *k = &ini->sections[sec].keys[t->at[i].key];
        if (strlen(k->name) == n && memcmp(k->name, name, n) == 0)
            return k;
    }
    if (t->n == t->at_cap) {
        size_t cap = t->at_cap ? t->at_cap * 2 : 64;
        void *v = realloc(t->at, cap * sizeof *t->at);
        if (!v) {
            *oom = 1;
            return NULL;
        }
        t->at = v;
        t->at_cap = cap;
    }
    t->at[t->n].sec = sec;
    t->at[t->n].key = ini->sections[sec].n_keys;
    t->slot[h] = (uint32_t)++t->n;
    return NULL;
}

/* Check one line (without its newline); record sections and keys. Returns -1 on OOM. */
static int scan_line(struct ini *ini, struct seen *seen, const char *p, size_t n, int line,
                     int *total_keys, struct diags *d)
{
    const char *f = ini->file;
    size_t bad;
    if (n > INI_LINE_MAX) {
        diags_add(d, f, line, M_SYN_LONG, INI_LINE_MAX);
        return 0;
    }
    if (!utf8_valid(p, n, &bad)) {
        diags_add(d, f, line, M_SYN_UTF8, (int)bad + 1);
        return 0;
    }
    for (size_t i = 0; i < n; i++)
        if (((unsigned char)p[i] < 0x20 && p[i] != '\t') || p[i] == 0x7f) {
            diags_add(d, f, line, M_SYN_CONTROL, (int)i + 1);
            return 0;
        }
    while (n && is_blank(*p))
        p++, n--;
    while (n && is_blank(p[n - 1]))
        n--;
    if (n == 0 || *p == ';' || *p == '#')
        return 0;
    if (*p == '[') {
        if (p[n - 1] != ']') {
            diags_add(d, f, line, M_SYN_LINE);
            return 0;
        }
        const char *name = p + 1;
        size_t len = n - 2;
        while (len && is_blank(*name))
            name++, len--;
        while (len && is_blank(name[len - 1]))
            len--;
        char shown[64];
        snprintf(shown, sizeof shown, "%.*s", (int)(len < 60 ? len : 60), name);
        if (!name_ok(name, len)) {
            diags_add(d, f, line, M_SYN_SECTION_NAME, shown);
            return 0;
        }
        for (int i = 0; i < ini->n_sections; i++)
            if (strlen(ini->sections[i].name) == len &&
                memcmp(ini->sections[i].name, name, len) == 0) {
                diags_add(d, f, line, M_SYN_DUP_SECTION, shown, ini->sections[i].line);
                /* keep scanning into a throw-away section so its keys are still checked */
                return add_section(ini, "", 0, line);
            }
        return add_section(ini, name, len, line);
    }
    const char *eq = memchr(p, '=', n);
    if (!eq) {
        diags_add(d, f, line, M_SYN_LINE);
        return 0;
    }
    size_t klen = (size_t)(eq - p);
    while (klen && is_blank(p[klen - 1]))
        klen--;
    char shown[64];
    snprintf(shown, sizeof shown, "%.*s", (int)(klen < 60 ? klen : 60), p);
    if (!name_ok(p, klen)) {
        diags_add(d, f, line, M_SYN_KEY_NAME, shown);
        return 0;
    }
    const char *v = eq + 1;
    size_t vlen = n - (size_t)(v - p);
    while (vlen && is_blank(*v))
        v++, vlen--;
    if (vlen && (*v == '"' || *v == '\'')) {
        diags_add(d, f, line, M_SYN_VALUE_QUOTE);
        return 0;
    }
    for (size_t i = 0; i < vlen; i++)
        if (v[i] == ';' || v[i] == '#') {
            diags_add(d, f, line, M_SYN_VALUE_COMMENT, v[i], v[i] == ';' ? "%3B" : "%23");
            return 0;
        }
    if (vlen && v[vlen - 1] == '\\') {
        diags_add(d, f, line, M_SYN_VALUE_BACKSLASH);
        return 0;
    }
    if (ini->n_sections == 0) {
        diags_add(d, f, line, M_SYN_KEY_OUTSIDE, shown);
        return 0;
    }
    struct ini_section *s = &ini->sections[ini->n_sections - 1];
    int oom = 0;
    const struct ini_key *old = seen_check(seen, ini, ini->n_sections - 1, p, klen, &oom);
    if (oom)
        return -1;
    if (old) {
        diags_add(d, f, line, M_SYN_DUP_KEY, shown, old->line);
        return 0;
    }
    if (++*total_keys > INI_KEYS_MAX) {
        diags_add(d, f, line, M_SYN_TOO_MANY, INI_KEYS_MAX);
        return 0;
    }
    return add_key(s, p, klen, line);
}

/* Let iniparser read the checked bytes through a memory file, so what it reads is what we
 * scanned even if the file changes meanwhile. */
static void *iniparser_from_buffer(const char *buf, size_t n)
{
    int fd = memfd_create("kollen-ini", MFD_CLOEXEC);
    if (fd < 0)
        return NULL;
    size_t off = 0;
    while (off < n) {
        ssize_t w = write(fd, buf + off, n - off);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0) {
            close(fd);
            return NULL;
        }
        off += (size_t)w;
    }
    char path[64];
    snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
    iniparser_set_error_callback(silent);
    dictionary *dict = iniparser_load(path);
    close(fd);
    return dict;
}

int ini_parse(const char *name, const char *buf, size_t n, struct ini **out, struct diags *d)
{
    *out = NULL;
    size_t errors_before = diags_errors(d);
    struct ini *ini = calloc(1, sizeof *ini);
    if (!ini || !(ini->file = text_dup(name))) {
        free(ini);
        return KL_ENOMEM;
    }
    if (n >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0) {
        diags_warn(d, name, 1, M_SYN_BOM_WARN);
        buf += 3;
        n -= 3;
    }
    /* the bytes iniparser gets: LF line ends, no BOM */
    char *clean = malloc(n + 2);
    if (!clean) {
        ini_free(ini);
        return KL_ENOMEM;
    }
    size_t cn = 0;
    int line = 1, total_keys = 0, oom = 0;
    size_t start = 0;
    struct seen seen = {0};
    for (size_t i = 0; i <= n && !oom; i++) {
        if (i < n && buf[i] == '\0') {
            diags_add(d, name, line, M_SYN_NUL);
            break;
        }
        if (i == n || buf[i] == '\n') {
            size_t len = i - start;
            if (len && buf[start + len - 1] == '\r')
                len--;
            if (scan_line(ini, &seen, buf + start, len, line, &total_keys, d))
                oom = 1;
            memcpy(clean + cn, buf + start, len);
            cn += len;
            clean[cn++] = '\n';
            line++;
            start = i + 1;
        }
    }
    free(seen.slot);
    free(seen.at);
    if (oom) {
        free(clean);
        ini_free(ini);
        return KL_ENOMEM;
    }
    if (diags_errors(d) > errors_before) {
        free(clean);
        ini_free(ini);
        return KL_EPARSE;
    }
    dictionary *dict = iniparser_from_buffer(clean, cn);
    free(clean);
    if (!dict) {
        diags_add(d, name, 0, M_SYN_INIPARSER);
        ini_free(ini);
        return KL_EPARSE;
    }
    ini->dict = dict;
    /* iniparser stores entries in file order ("sec", then "sec:key"...): walk it in step with
     * our scan, which is linear where a lookup per key would be quadratic; fall back to a
     * lookup wherever the two do not line up */
    char key[INI_LINE_MAX * 2 + 2];
    ssize_t at = 0;
    for (int i = 0; i < ini->n_sections; i++) {
        struct ini_section *s = &ini->sections[i];
        if (at < dict->size && dict->key[at] && !strcmp(dict->key[at], s->name))
            at++;
        for (int k = 0; k < s->n_keys; k++) {
            snprintf(key, sizeof key, "%s:%s", s->name, s->keys[k].name);
            if (at < dict->size && dict->key[at] && !strcmp(dict->key[at], key))
                s->keys[k].value = dict->val[at++];
            else
                s->keys[k].value = iniparser_getstring(dict, key, NULL);
            if (!s->keys[k].value) { /* our scan and iniparser disagree: refuse, never guess */
                diags_add(d, name, s->keys[k].line, M_SYN_INIPARSER);
                ini_free(ini);
                return KL_EPARSE;
            }
        }
    }
    *out = ini;
    return KL_OK;
}

int ini_load(const char *path, struct ini **out, struct diags *d)
{
    *out = NULL;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        diags_add(d, path, 0, M_IO_OPEN, strerror(errno));
        return KL_EIO;
    }
    struct stat st;
    if (fstat(fd, &st) || !S_ISREG(st.st_mode)) {
        diags_add(d, path, 0, M_IO_READ, S_ISDIR(st.st_mode) ? strerror(EISDIR) : strerror(errno));
        close(fd);
        return KL_EIO;
    }
    if (st.st_size > INI_FILE_MAX) {
        diags_add(d, path, 0, M_IO_TOO_BIG, INI_FILE_MAX);
        close(fd);
        return KL_EPARSE;
    }
    size_t cap = (size_t)st.st_size + 1, n = 0;
    char *buf = malloc(cap);
    if (!buf) {
        close(fd);
        return KL_ENOMEM;
    }
    for (;;) {
        if (n == cap) { /* the file grew while we read it */
            if (cap > (size_t)INI_FILE_MAX) {
                diags_add(d, path, 0, M_IO_TOO_BIG, INI_FILE_MAX);
                free(buf);
                close(fd);
                return KL_EPARSE;
            }
            char *nb = realloc(buf, cap * 2);
            if (!nb) {
                free(buf);
                close(fd);
                return KL_ENOMEM;
            }
            buf = nb;
            cap *= 2;
        }
        ssize_t r = read(fd, buf + n, cap - n);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0) {
            diags_add(d, path, 0, M_IO_READ, strerror(errno));
            free(buf);
            close(fd);
            return KL_EIO;
        }
        if (r == 0)
            break;
        n += (size_t)r;
    }
    close(fd);
    int rc = ini_parse(path, buf, n, out, d);
    free(buf);
    return rc;
}

const struct ini_section *ini_section(const struct ini *ini, const char *name)
{
    for (int i = 0; i < ini->n_sections; i++)
        if (strcmp(ini->sections[i].name, name) == 0)
            return &ini->sections[i];
    return NULL;
}

const struct ini_key *ini_key(const struct ini_section *s, const char *key)
{
    return s ? find_key(s, key, strlen(key)) : NULL;
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
    const char **parts = calloc((size_t)max, sizeof *parts);
    if (!parts) {
        *err = KL_ENOMEM;
        return NULL;
    }
    for (int i = 0; i < s->n_keys; i++) {
        long k = part_index(s->keys[i].name, key, klen);
        if (k)
            parts[k - 1] = s->keys[i].value;
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
        sbuf_add(&b, parts[k]);
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
