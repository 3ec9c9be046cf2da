/* bank_cache.c: parse a bank once, not on every run.
 *
 * A loaded bank is kept in $XDG_CACHE_HOME/kollen (else ~/.cache/kollen) as a binary file keyed
 * by the contents of every .ini file in the bank's folder. It is used only when everything
 * matches: the magic, the format, the layout of the structs it holds, kollen's version, the
 * name, size and hash of every bank file, the checksum of the cache itself, and every count and
 * index in it. Otherwise the bank is parsed from the very bytes that were hashed and the cache
 * written again (atomically, 0600, in a folder of the user's that no one else may write). An
 * edited bank is always seen; a damaged cache is never used. `kollen lint` never uses it.
 *
 * What is cached is described once, by the tables below: one line per field. The writer, the
 * reader and the layout hash (which retires every older cache when a table changes) all walk
 * them, so a new field of struct bank, or of a struct it holds, is one more line there.
 * test_bank_cache compares every field of every bundled bank loaded fresh and through the
 * cache, and fails until the line is there. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bank_cache.h"
#include "bank_files.h"
#include "ini.h"
#include "kollen/store.h"
#include "kollen/text.h"

#ifndef KOLLEN_VERSION
#define KOLLEN_VERSION "dev"
#endif

/* --- hashing --- */

uint64_t store_hash64(const void *p, size_t n, uint64_t seed)
{
    const unsigned char *s = p;
    uint64_t h = seed ^ (0x9E3779B97F4A7C15ull * (n + 1));
    uint64_t w;
    for (; n >= 8; s += 8, n -= 8) {
        memcpy(&w, s, 8);
        h ^= w * 0xBF58476D1CE4E5B9ull;
        h = (h ^ (h >> 29)) * 0x94D049BB133111EBull;
    }
    w = 0;
    memcpy(&w, s, n);
    h ^= w * 0xBF58476D1CE4E5B9ull;
    h ^= h >> 33;
    h *= 0xFF51AFD7ED558CCDull;
    h ^= h >> 33;
    h *= 0xC4CEB9FE1A85EC53ull;
    return h ^ (h >> 33);
}

/* --- the bank's files, read once --- */

static int name_cmp(const void *x, const void *y)
{
    return strcmp(((const struct bank_file *)x)->name, ((const struct bank_file *)y)->name);
}

void bank_files_free(struct bank_files *f)
{
    for (int i = 0; i < f->n; i++) {
        free(f->v[i].name);
        free(f->v[i].data);
    }
    free(f->v);
    f->v = NULL;
    f->n = 0;
}

const struct bank_file *bank_files_find(const struct bank_files *f, const char *name)
{
    int lo = 0, hi = f->n - 1;
    while (lo <= hi) {
        int mid = lo + (hi - lo) / 2, c = strcmp(f->v[mid].name, name);
        if (!c)
            return &f->v[mid];
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid - 1;
    }
    return NULL;
}

/* The file whole, as ini_load would read it: a regular file of at most INI_FILE_MAX bytes. */
static int read_whole(const char *path, char **data, size_t *len)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
    if (fd < 0)
        return -1;
    struct stat st;
    if (fstat(fd, &st) || !S_ISREG(st.st_mode) || st.st_size > INI_FILE_MAX) {
        close(fd);
        return -1;
    }
    size_t cap = (size_t)st.st_size + 1, n = 0;
    char *buf = malloc(cap);
    while (buf) {
        if (n == cap) { /* it grew while we read it: let the loader deal with it */
            free(buf);
            buf = NULL;
            break;
        }
        ssize_t r = read(fd, buf + n, cap - n);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0) {
            free(buf);
            buf = NULL;
        } else if (r == 0) {
            break;
        } else {
            n += (size_t)r;
        }
    }
    close(fd);
    if (!buf)
        return -1;
    *data = buf;
    *len = n;
    return 0;
}

int bank_files_read(const char *dir, struct bank_files *out)
{
    out->v = NULL;
    out->n = 0;
    DIR *dh = opendir(dir);
    if (!dh)
        return -1;
    int cap = 0, rc = 0;
    struct dirent *e;
    while ((e = readdir(dh))) {
        size_t len = strlen(e->d_name);
        if (e->d_name[0] == '.' || len < 5 || strcmp(e->d_name + len - 4, ".ini") != 0)
            continue;
        if (out->n == cap) {
            cap = cap ? cap * 2 : 8;
            struct bank_file *v = realloc(out->v, (size_t)cap * sizeof *v);
            if (!v) {
                rc = -1;
                break;
            }
            out->v = v;
        }
        struct bank_file *f = &out->v[out->n];
        memset(f, 0, sizeof *f);
        if (!(f->name = text_dup(e->d_name))) {
            rc = -1;
            break;
        }
        out->n++;
    }
    closedir(dh);
    if (!rc && out->n)
        qsort(out->v, (size_t)out->n, sizeof *out->v, name_cmp);
    for (int i = 0; i < out->n && !rc; i++) {
        char path[PATH_MAX];
        if ((size_t)snprintf(path, sizeof path, "%s/%s", dir, out->v[i].name) >= sizeof path ||
            read_whole(path, &out->v[i].data, &out->v[i].len))
            rc = -1;
        else
            out->v[i].hash = store_hash64(out->v[i].data, out->v[i].len, 0);
    }
    if (rc)
        bank_files_free(out);
    return rc;
}

/* --- what is cached: one line per field --- */

enum kind {
    K_INT,     /* int, or an enum (the same size: checked below) */
    K_LONG,
    K_U64,
    K_DOUBLE,
    K_STR,     /* char *, NULL kept */
    K_STRS,    /* char *[fixed] inline, or char ** of a counted length */
    K_INTS,    /* int * of a counted length */
    K_DOUBLES, /* double * of a counted length */
    K_ARRAY,   /* struct [fixed] inline, or struct * of a counted length */
    K_STRUCT,  /* a struct inline */
    K_DIR,     /* the bank's folder: not cached, the one it is loaded from */
    K_FILES,   /* paths in the bank's folder: cached by name, rebuilt from the folder */
};

struct layout;

struct field {
    const char *name;
    unsigned char kind;
    unsigned char root; /* the length is a field of struct bank, not of this struct */
    int fixed;          /* an inline array of this many */
    size_t off;
    size_t len_off; /* where its length is: an int */
    const struct layout *elem;
};

struct layout {
    const char *name;
    size_t size;
    const struct field *f;
    size_t n;
};

_Static_assert(sizeof(enum provenance) == sizeof(int), "enums are cached as int");
_Static_assert(sizeof(enum qtype) == sizeof(int), "enums are cached as int");
_Static_assert(sizeof(enum bank_kind) == sizeof(int), "enums are cached as int");
_Static_assert(sizeof(enum bench_kind) == sizeof(int), "enums are cached as int");

/* Inline arrays of numbers are cached as fixed arrays of these one-field structs. */
struct cache_int {
    int v;
};
struct cache_double {
    double v;
};
_Static_assert(sizeof(struct cache_int) == sizeof(int), "an int array is an array of cache_int");
_Static_assert(sizeof(struct cache_double) == sizeof(double), "likewise for double");

#define AT(T, m) offsetof(struct T, m)
#define F_INT(T, m) {#m, K_INT, 0, 0, AT(T, m), 0, NULL}
#define F_LONG(T, m) {#m, K_LONG, 0, 0, AT(T, m), 0, NULL}
#define F_U64(T, m) {#m, K_U64, 0, 0, AT(T, m), 0, NULL}
#define F_DOUBLE(T, m) {#m, K_DOUBLE, 0, 0, AT(T, m), 0, NULL}
#define F_STR(T, m) {#m, K_STR, 0, 0, AT(T, m), 0, NULL}
#define F_STRS_FIXED(T, m, n) {#m, K_STRS, 0, n, AT(T, m), 0, NULL}
#define F_STRS(T, m, len) {#m, K_STRS, 0, 0, AT(T, m), AT(T, len), NULL}
#define F_INTS(T, m, len) {#m, K_INTS, 0, 0, AT(T, m), AT(T, len), NULL}
#define F_DOUBLES(T, m, len) {#m, K_DOUBLES, 0, 0, AT(T, m), AT(T, len), NULL}
#define F_INTS_ROOT(T, m, len) {#m, K_INTS, 1, 0, AT(T, m), AT(bank, len), NULL}
#define F_DOUBLES_ROOT(T, m, len) {#m, K_DOUBLES, 1, 0, AT(T, m), AT(bank, len), NULL}
#define F_ARRAY(T, m, len, L) {#m, K_ARRAY, 0, 0, AT(T, m), AT(T, len), &L}
#define F_ARRAY_ROOT(T, m, len, L) {#m, K_ARRAY, 1, 0, AT(T, m), AT(bank, len), &L}
#define F_ARRAY_FIXED(T, m, n, L) {#m, K_ARRAY, 0, n, AT(T, m), 0, &L}
#define F_STRUCT(T, m, L) {#m, K_STRUCT, 0, 0, AT(T, m), 0, &L}
#define F_DIR(T, m) {#m, K_DIR, 0, 0, AT(T, m), 0, NULL}
#define F_FILES(T, m, len) {#m, K_FILES, 0, 0, AT(T, m), AT(T, len), NULL}
#define LAYOUT(T, fields) {#T, sizeof(struct T), fields, sizeof fields / sizeof *fields}

/* A count is always listed before what it counts: the reader checks one against the other. */

static const struct field rule_fields[] = {
    F_INT(rule, present), F_INT(rule, min_actions), F_U64(rule, need_mask),
    F_INT(rule, min_choice), F_INT(rule, line),
};
static const struct layout rule_layout = LAYOUT(rule, rule_fields);

static const struct field cache_int_fields[] = {F_INT(cache_int, v)};
static const struct layout cache_int_layout = LAYOUT(cache_int, cache_int_fields);
static const struct field cache_double_fields[] = {F_DOUBLE(cache_double, v)};
static const struct layout cache_double_layout = LAYOUT(cache_double, cache_double_fields);
#define F_INTS_FIXED(T, m, n) F_ARRAY_FIXED(T, m, n, cache_int_layout)
#define F_DOUBLES_FIXED(T, m, n) F_ARRAY_FIXED(T, m, n, cache_double_layout)

static const struct field guide_fields[] = {
    F_STR(guide, title), F_STR(guide, url), F_STR(guide, source), F_INT(guide, line),
};
static const struct layout guide_layout = LAYOUT(guide, guide_fields);

static const struct field option_fields[] = {
    F_STR(option, text),
    F_INT(option, actions),
    F_INT(option, points_milli),
    F_INT(option, prov),
    F_STR(option, source),
    F_STR(option, action),
    F_INT(option, action_prov),
    F_STR(option, action_source),
    F_INT(option, n_guides),
    F_ARRAY(option, guides, n_guides, guide_layout),
    F_INT(option, line),
};
static const struct layout option_layout = LAYOUT(option, option_fields);

static const struct field question_fields[] = {
    F_INT(question, number),
    F_INT(question, area),
    F_INT(question, section),
    F_INT(question, type),
    F_INT(question, scored),
    F_STR(question, text),
    F_STR(question, short_text),
    F_STR(question, help),
    F_INT(question, prov),
    F_STR(question, source),
    F_INT(question, points_milli),
    F_INT(question, max_actions),
    F_INT(question, n_options),
    F_ARRAY(question, options, n_options, option_layout),
    F_ARRAY_FIXED(question, rules, BANK_MAX_LEVELS + 1, rule_layout),
    F_STR(question, action),
    F_INT(question, action_prov),
    F_STR(question, action_source),
    F_INT(question, n_guides),
    F_ARRAY(question, guides, n_guides, guide_layout),
    F_INT(question, file),
    F_INT(question, line),
};
static const struct layout question_layout = LAYOUT(question, question_fields);

static const struct field area_fields[] = {
    F_STR(area, id), F_STR(area, name), F_STR(area, short_name), F_INT(area, order),
    F_INT(area, line),
};
static const struct layout area_layout = LAYOUT(area, area_fields);

static const struct field totals_fields[] = {
    F_INT(bank_totals, questions), F_INT(bank_totals, areas), F_INT(bank_totals, actions),
    F_INT(bank_totals, points), F_INTS_ROOT(bank_totals, area_actions, n_areas),
};
static const struct layout totals_layout = LAYOUT(bank_totals, totals_fields);

static const struct field benchmark_fields[] = {
    F_STR(benchmark, id),
    F_STR(benchmark, name),
    F_STR(benchmark, group),
    F_INT(benchmark, kind),
    F_INT(benchmark, year),
    F_DOUBLE(benchmark, level),
    F_DOUBLE(benchmark, below),
    F_INT(benchmark, actions),
    F_DOUBLES_ROOT(benchmark, area_levels, n_areas),
    F_DOUBLES_ROOT(benchmark, area_below, n_areas),
    F_INTS_ROOT(benchmark, area_actions, n_areas),
    F_INTS_FIXED(benchmark, areas_at_least, BANK_MAX_LEVELS + 1),
    F_INT(benchmark, prov),
    F_STR(benchmark, source),
    F_STR(benchmark, note),
    F_INT(benchmark, line),
};
static const struct layout benchmark_layout = LAYOUT(benchmark, benchmark_fields);

static const struct field spread_fields[] = {
    F_STR(spread, id),       F_STR(spread, name),
    F_STR(spread, group),    F_INT(spread, year),
    F_INT(spread, n_parts),  F_INTS(spread, parts, n_parts),
    F_DOUBLES(spread, shares, n_parts), F_INT(spread, prov),
    F_STR(spread, source),   F_STR(spread, note),
    F_INT(spread, line),
};
static const struct layout spread_layout = LAYOUT(spread, spread_fields);

static const struct field share_fields[] = {
    F_STR(level_share, id),
    F_STR(level_share, name),
    F_STR(level_share, group),
    F_INT(level_share, year),
    F_INT(level_share, n),
    F_DOUBLE(level_share, none),
    F_DOUBLES_FIXED(level_share, at_least, BANK_MAX_LEVELS + 1),
    F_INTS_FIXED(level_share, count, BANK_MAX_LEVELS + 1),
    F_INT(level_share, n_parts),
    F_INTS(level_share, parts, n_parts),
    F_INT(level_share, prov),
    F_STR(level_share, source),
    F_STR(level_share, note),
    F_INT(level_share, line),
};
static const struct layout share_layout = LAYOUT(level_share, share_fields);

static const struct field mean_fields[] = {
    F_STR(mean_points, id),
    F_STR(mean_points, name),
    F_STR(mean_points, group),
    F_INT(mean_points, n_years),
    F_INTS_FIXED(mean_points, years, BANK_MAX_YEARS),
    F_DOUBLES_FIXED(mean_points, points, BANK_MAX_YEARS),
    F_INTS_FIXED(mean_points, n, BANK_MAX_YEARS),
    F_INT(mean_points, same_cohort),
    F_INT(mean_points, has_change),
    F_DOUBLE(mean_points, change),
    F_INT(mean_points, prov),
    F_STR(mean_points, source),
    F_STR(mean_points, note),
    F_INT(mean_points, line),
};
static const struct layout mean_layout = LAYOUT(mean_points, mean_fields);

static const struct field band_fields[] = {
    F_DOUBLE(point_band, above), F_DOUBLE(point_band, below), F_INT(point_band, count),
    F_INT(point_band, no_level),
};
static const struct layout band_layout = LAYOUT(point_band, band_fields);

static const struct field dist_fields[] = {
    F_STR(point_dist, id),      F_STR(point_dist, name),   F_STR(point_dist, group),
    F_INT(point_dist, year),    F_INT(point_dist, share),  F_INT(point_dist, n),
    F_INT(point_dist, n_bands), F_ARRAY(point_dist, bands, n_bands, band_layout),
    F_INT(point_dist, prov),    F_STR(point_dist, source), F_STR(point_dist, note),
    F_INT(point_dist, line),
};
static const struct layout dist_layout = LAYOUT(point_dist, dist_fields);

static const struct field target_fields[] = {
    F_STR(target, id),
    F_STR(target, name),
    F_INT(target, level),
    F_ARRAY_ROOT(target, extra, n_questions, rule_layout),
    F_INT(target, prov),
    F_STR(target, source),
    F_STR(target, note),
    F_INT(target, line),
};
static const struct layout target_layout = LAYOUT(target, target_fields);

static const struct field bank_fields[] = {
    F_STR(bank, id),
    F_STR(bank, name),
    F_DIR(bank, dir),
    F_STR(bank, version),
    F_STR(bank, provenance),
    F_STR(bank, source),
    F_INT(bank, kind),
    F_INT(bank, n_levels),
    F_STRS_FIXED(bank, level_names, BANK_MAX_LEVELS + 1),
    F_INT(bank, evidence_from),
    F_INT(bank, scale_max),
    F_STRS(bank, scale_labels, scale_max),
    F_INT(bank, scale_top_step),
    F_INT(bank, n_guides),
    F_ARRAY(bank, guides, n_guides, guide_layout),
    F_INT(bank, n_areas),
    F_ARRAY(bank, areas, n_areas, area_layout),
    F_INT(bank, n_questions),
    F_ARRAY(bank, questions, n_questions, question_layout),
    F_STRUCT(bank, totals, totals_layout),
    F_INT(bank, n_benchmarks),
    F_ARRAY(bank, benchmarks, n_benchmarks, benchmark_layout),
    F_INT(bank, n_targets),
    F_ARRAY(bank, targets, n_targets, target_layout),
    F_INT(bank, n_spreads),
    F_ARRAY(bank, spreads, n_spreads, spread_layout),
    F_INT(bank, n_shares),
    F_ARRAY(bank, shares, n_shares, share_layout),
    F_INT(bank, n_means),
    F_ARRAY(bank, means, n_means, mean_layout),
    F_INT(bank, n_point_dists),
    F_ARRAY(bank, point_dists, n_point_dists, dist_layout),
    F_INT(bank, n_files),
    F_FILES(bank, files, n_files),
    F_INT(bank, max_actions),
    F_LONG(bank, max_points_milli),
};
static const struct layout bank_layout = LAYOUT(bank, bank_fields);

/* --- the layout's own hash: a changed table retires every cache written before --- */

static uint64_t layout_hash(const struct layout *l, uint64_t h)
{
    h = store_hash64(l->name, strlen(l->name), h ^ l->size);
    for (size_t i = 0; i < l->n; i++) {
        const struct field *f = &l->f[i];
        uint64_t v[5] = {f->kind, f->root, (uint64_t)f->fixed, f->off, f->len_off};
        h = store_hash64(f->name, strlen(f->name), h);
        h = store_hash64(v, sizeof v, h);
        if (f->elem)
            h = layout_hash(f->elem, h);
    }
    return h;
}

/* --- writing --- */

#define NULL_LEN 0xFFFFFFFFu
#define COUNT_MAX 1000000u

static void put32(struct sbuf *o, uint32_t v)
{
    sbuf_addn(o, (const char *)&v, 4);
}

static void put64(struct sbuf *o, uint64_t v)
{
    sbuf_addn(o, (const char *)&v, 8);
}

static void put_str(struct sbuf *o, const char *s)
{
    if (!s) {
        put32(o, NULL_LEN);
        return;
    }
    size_t n = strlen(s);
    put32(o, (uint32_t)n);
    sbuf_addn(o, s, n);
}

static int len_of(const struct field *f, const char *base, const char *root)
{
    int n;
    memcpy(&n, (f->root ? root : base) + f->len_off, sizeof n);
    return n;
}

/* An array whose length is a field (K_FILES too). */
static int counted(const struct field *f)
{
    return !f->fixed && ((f->kind >= K_STRS && f->kind <= K_ARRAY) || f->kind == K_FILES);
}

static void put_struct(struct sbuf *o, const struct layout *l, const char *base, const char *root)
{
    for (size_t i = 0; i < l->n; i++) {
        const struct field *f = &l->f[i];
        const char *p = base + f->off;
        void *ptr = NULL;
        if (f->kind == K_STR || (!f->fixed && f->kind >= K_STRS && f->kind <= K_ARRAY) ||
            f->kind == K_FILES)
            memcpy(&ptr, p, sizeof ptr);
        int n = counted(f) ? len_of(f, base, root) : f->fixed;
        switch (f->kind) {
        case K_INT: {
            int v;
            memcpy(&v, p, sizeof v);
            put32(o, (uint32_t)v);
            break;
        }
        case K_LONG: {
            long v;
            memcpy(&v, p, sizeof v);
            put64(o, (uint64_t)v);
            break;
        }
        case K_U64:
        case K_DOUBLE:
            sbuf_addn(o, p, 8);
            break;
        case K_STR:
            put_str(o, (const char *)ptr);
            break;
        case K_STRS: {
            char *const *v = f->fixed ? (char *const *)(const void *)p : (char *const *)ptr;
            if (!f->fixed)
                put32(o, v ? (uint32_t)n : NULL_LEN);
            for (int k = 0; v && k < n; k++)
                put_str(o, v[k]);
            break;
        }
        case K_INTS:
            put32(o, ptr ? (uint32_t)n : NULL_LEN);
            for (int k = 0; ptr && k < n; k++)
                put32(o, (uint32_t)((const int *)ptr)[k]);
            break;
        case K_DOUBLES:
            put32(o, ptr ? (uint32_t)n : NULL_LEN);
            if (ptr)
                sbuf_addn(o, (const char *)ptr, (size_t)n * 8);
            break;
        case K_ARRAY: {
            const char *v = f->fixed ? p : (const char *)ptr;
            if (!f->fixed)
                put32(o, v ? (uint32_t)n : NULL_LEN);
            for (int k = 0; v && k < n; k++)
                put_struct(o, f->elem, v + (size_t)k * f->elem->size, root);
            break;
        }
        case K_STRUCT:
            put_struct(o, f->elem, p, root);
            break;
        case K_DIR:
            break;
        case K_FILES: {
            char *const *v = (char *const *)ptr;
            put32(o, v ? (uint32_t)n : NULL_LEN);
            for (int k = 0; v && k < n; k++) {
                const char *slash = v[k] ? strrchr(v[k], '/') : NULL;
                put_str(o, slash ? slash + 1 : v[k]);
            }
            break;
        }
        }
    }
}

struct header {
    char magic[8];
    uint32_t format, reserved;
    uint64_t layout, length, checksum;
};
#define CACHE_FORMAT 1

char *bank_cache_encode(const struct bank *b, const struct bank_files *files, size_t *len)
{
    struct sbuf o;
    sbuf_init(&o);
    struct header h = {"KOLLENBC", CACHE_FORMAT, 0, layout_hash(&bank_layout, 0), 0, 0};
    sbuf_addn(&o, (const char *)&h, sizeof h);
    put_str(&o, KOLLEN_VERSION);
    put32(&o, (uint32_t)files->n);
    for (int i = 0; i < files->n; i++) {
        put_str(&o, files->v[i].name);
        put64(&o, files->v[i].len);
        put64(&o, files->v[i].hash);
    }
    put_struct(&o, &bank_layout, (const char *)b, (const char *)b);
    if (o.oom) {
        sbuf_free(&o);
        return NULL;
    }
    bank_cache_seal(o.p, o.len);
    *len = o.len;
    return sbuf_take(&o);
}

void bank_cache_seal(char *buf, size_t len)
{
    struct header h;
    if (len < sizeof h)
        return;
    memcpy(&h, buf, sizeof h);
    h.length = len - sizeof h;
    h.checksum = store_hash64(buf + sizeof h, len - sizeof h, h.layout);
    memcpy(buf, &h, sizeof h);
}

/* --- reading: every length and count checked against what is left --- */

struct rd {
    const char *p, *end;
    const char *dir;
    int bad;
};

static int take(struct rd *r, void *out, size_t n)
{
    if (r->bad || (size_t)(r->end - r->p) < n) {
        r->bad = 1;
        memset(out, 0, n);
        return -1;
    }
    memcpy(out, r->p, n);
    r->p += n;
    return 0;
}

static uint32_t get32(struct rd *r)
{
    uint32_t v;
    take(r, &v, 4);
    return v;
}

static uint64_t get64(struct rd *r)
{
    uint64_t v;
    take(r, &v, 8);
    return v;
}

/* A string; *null set when it was NULL. NULL also on error (r->bad). */
static char *get_str(struct rd *r, int *null)
{
    uint32_t n = get32(r);
    *null = n == NULL_LEN;
    if (r->bad || *null)
        return NULL;
    if ((size_t)(r->end - r->p) < n || memchr(r->p, '\0', n)) {
        r->bad = 1;
        return NULL;
    }
    char *s = text_ndup(r->p, n);
    if (!s)
        r->bad = 1;
    r->p += n;
    return s;
}

/* The length of a counted array: NULL_LEN or the count it must equal, and no more elements
 * than bytes left (each takes at least one). */
static uint32_t get_len(struct rd *r, int want)
{
    uint32_t n = get32(r);
    if (n == NULL_LEN)
        return n;
    if (r->bad || n != (uint32_t)want || n > COUNT_MAX || n > (size_t)(r->end - r->p)) {
        r->bad = 1;
        return NULL_LEN;
    }
    return n;
}

static void *alloc_array(struct rd *r, uint32_t n, size_t size)
{
    void *v = calloc(n ? n : 1, size); /* never NULL for an empty array, as the loader */
    if (!v)
        r->bad = 1;
    return v;
}

/* A list of strings (inline or counted) or a counted list of numbers, into p. */
static void get_list(struct rd *r, const struct field *f, char *p, int want)
{
    int null;
    uint32_t n = f->fixed ? (uint32_t)f->fixed : get_len(r, want);
    if (f->kind == K_STRS) {
        char **v = NULL;
        if (f->fixed) {
            v = (char **)(void *)p;
        } else if (n != NULL_LEN) {
            v = alloc_array(r, n, sizeof *v);
            memcpy(p, &v, sizeof v);
        }
        for (uint32_t k = 0; v && k < n && !r->bad; k++)
            v[k] = get_str(r, &null);
        return;
    }
    if (n == NULL_LEN || r->bad)
        return;
    if (f->kind == K_INTS) {
        int *v = alloc_array(r, n, sizeof *v);
        memcpy(p, &v, sizeof v);
        for (uint32_t k = 0; v && k < n; k++)
            v[k] = (int)get32(r);
    } else {
        double *v = alloc_array(r, n, sizeof *v);
        memcpy(p, &v, sizeof v);
        if (v)
            take(r, v, (size_t)n * 8);
    }
}

static void get_struct(struct rd *r, const struct layout *l, char *base, const char *root)
{
    for (size_t i = 0; i < l->n && !r->bad; i++) {
        const struct field *f = &l->f[i];
        char *p = base + f->off;
        int null;
        void *ptr = NULL;
        int want = counted(f) ? len_of(f, base, root) : f->fixed;
        switch (f->kind) {
        case K_INT: {
            int v = (int)get32(r);
            memcpy(p, &v, sizeof v);
            break;
        }
        case K_LONG: {
            long v = (long)get64(r);
            memcpy(p, &v, sizeof v);
            break;
        }
        case K_U64:
        case K_DOUBLE:
            take(r, p, 8);
            break;
        case K_STR:
            ptr = get_str(r, &null);
            memcpy(p, &ptr, sizeof ptr);
            break;
        case K_STRS:
        case K_INTS:
        case K_DOUBLES:
            get_list(r, f, p, want);
            break;
        case K_ARRAY: {
            uint32_t n = f->fixed ? (uint32_t)f->fixed : get_len(r, want);
            char *v = NULL;
            if (f->fixed) {
                v = p;
            } else if (n != NULL_LEN) {
                v = alloc_array(r, n, f->elem->size);
                memcpy(p, &v, sizeof v);
            }
            for (uint32_t k = 0; v && k < n && !r->bad; k++)
                get_struct(r, f->elem, v + (size_t)k * f->elem->size, root);
            break;
        }
        case K_STRUCT:
            get_struct(r, f->elem, p, root);
            break;
        case K_DIR:
            ptr = text_dup(r->dir);
            if (!ptr)
                r->bad = 1;
            memcpy(p, &ptr, sizeof ptr);
            break;
        case K_FILES: {
            uint32_t n = get_len(r, want);
            if (n == NULL_LEN || r->bad)
                break;
            char **v = alloc_array(r, n, sizeof *v);
            memcpy(p, &v, sizeof v);
            for (uint32_t k = 0; v && k < n && !r->bad; k++) {
                char *name = get_str(r, &null);
                if (!name || strchr(name, '/')) {
                    free(name);
                    r->bad = 1;
                    break;
                }
                struct sbuf path;
                sbuf_init(&path);
                sbuf_addf(&path, "%s/%s", r->dir, name);
                free(name);
                if (!(v[k] = sbuf_take(&path)))
                    r->bad = 1;
            }
            break;
        }
        }
        /* an array not read leaves no count behind it: bank_free walks the counts */
        if (counted(f) && !f->root) {
            memcpy(&ptr, p, sizeof ptr);
            if (!ptr && want) {
                int zero = 0;
                memcpy(base + f->len_off, &zero, sizeof zero);
                r->bad = 1;
            }
        }
    }
}

static int in(long v, long lo, long hi)
{
    return v >= lo && v <= hi;
}

/* A rule as rule_parse makes them for q. */
static int rule_ok(const struct question *q, const struct rule *r)
{
    uint64_t all = q->n_options >= 64 ? ~0ULL : (1ULL << q->n_options) - 1;
    return in(r->present, 0, 1) && in(r->min_actions, 0, 64 * 1000) &&
           in(r->min_choice, 0, q->n_options) && !(r->need_mask & ~all);
}

/* A published level: unknown (< 0) or on the bank's scale; never NaN. */
static int level_ok(const struct bank *b, double v)
{
    return v == v && v <= b->n_levels && v >= -1;
}

static int published_consistent(const struct bank *b);
static int targets_consistent(const struct bank *b);

/* What the rest of kollen relies on when it indexes: a cache that passed its checksum and is
 * still inconsistent (made by hand, say) is refused rather than trusted. */
static int consistent(const struct bank *b)
{
    if (!b->id || !b->name || !in(b->n_levels, 1, BANK_MAX_LEVELS) || !in(b->kind, 0, 1) ||
        !in(b->evidence_from, 0, b->n_levels) || !in(b->scale_max, 0, BANK_MAX_OPTIONS) ||
        !in(b->n_areas, 0, BANK_MAX_AREAS) || !in(b->n_questions, 1, BANK_MAX_QUESTIONS) ||
        !b->areas || !b->questions || !b->totals.area_actions || b->n_benchmarks < 0 ||
        b->n_targets < 0 || b->n_files < 0 || (b->kind == BANK_SCALE && !b->scale_labels))
        return 0;
    for (int l = 0; l <= b->n_levels; l++)
        if (!b->level_names[l])
            return 0;
    for (int i = 0; i < b->n_areas; i++)
        if (!b->areas[i].id || !b->areas[i].name)
            return 0;
    for (int i = 0; i < b->n_questions; i++) {
        const struct question *q = &b->questions[i];
        if ((i && q->number <= b->questions[i - 1].number) || !in(q->area, 0, b->n_areas - 1) ||
            !in(q->section, 1, b->n_levels) || !in(q->type, 0, 2) || !in(q->prov, 0, 3) ||
            !in(q->n_options, 1, BANK_MAX_OPTIONS) || !q->options || !q->text ||
            !in(q->file, 0, b->n_files - 1))
            return 0;
        if (!in(q->points_milli, 0, 999999999) || !in(q->scored, 0, 1) ||
            (b->kind == BANK_SCALE && (q->type != QTYPE_SCALE || q->n_options != b->scale_max)))
            return 0;
        for (int k = 0; k < q->n_options; k++) {
            const struct option *o = &q->options[k];
            if (!o->text || !in(o->prov, 0, 3) || !in(o->actions, 0, 1000) ||
                !in(o->points_milli, -1, 999999999) ||
                (q->type == QTYPE_SINGLE && k && o->actions < q->options[k - 1].actions))
                return 0;
        }
        for (int l = 0; l <= BANK_MAX_LEVELS; l++)
            if (!rule_ok(q, &q->rules[l]))
                return 0;
    }
    for (int i = 0; i < b->n_benchmarks; i++) {
        const struct benchmark *m = &b->benchmarks[i];
        if (!m->id || !m->name || !m->group || !m->area_levels || !in(m->prov, 0, 3) ||
            !level_ok(b, m->level))
            return 0;
        for (int k = 0; k < b->n_areas; k++)
            if (!level_ok(b, m->area_levels[k]))
                return 0;
    }
    return published_consistent(b) && targets_consistent(b);
}

/* The published series index each other: every index in range, every count within its limit. */
static int published_consistent(const struct bank *b)
{
    if (b->n_spreads < 0 || b->n_shares < 0 || b->n_means < 0 || b->n_point_dists < 0 ||
        !in(b->scale_top_step, 0, b->scale_max) || !in(b->n_guides, 0, BANK_MAX_GUIDES))
        return 0;
    for (int i = 0; i < b->n_benchmarks; i++) {
        const struct benchmark *m = &b->benchmarks[i];
        if (!in(m->kind, 0, BENCH_SPREAD) || !m->area_below || !m->area_actions ||
            !(m->below == m->below))
            return 0;
    }
    for (int i = 0; i < b->n_questions; i++) {
        const struct question *q = &b->questions[i];
        if (!in(q->action_prov, 0, 3) || !in(q->n_guides, 0, BANK_MAX_GUIDES) ||
            (q->n_guides && !q->guides))
            return 0;
        for (int k = 0; k < q->n_options; k++) {
            const struct option *o = &q->options[k];
            if (!in(o->action_prov, 0, 3) || !in(o->n_guides, 0, BANK_MAX_GUIDES) ||
                (o->n_guides && !o->guides))
                return 0;
        }
    }
    for (int i = 0; i < b->n_spreads; i++) {
        const struct spread *x = &b->spreads[i];
        if (!x->id || !in(x->n_parts, 0, BANK_MAX_PARTS) || (x->n_parts && (!x->parts || !x->shares)))
            return 0;
        for (int k = 0; k < x->n_parts; k++)
            if (!in(x->parts[k], 0, b->n_benchmarks - 1))
                return 0;
    }
    for (int i = 0; i < b->n_shares; i++) {
        const struct level_share *x = &b->shares[i];
        if (!x->id || !in(x->n_parts, 0, BANK_MAX_PARTS) || (x->n_parts && !x->parts))
            return 0;
        for (int k = 0; k < x->n_parts; k++)
            if (!in(x->parts[k], 0, b->n_shares - 1) || x->parts[k] == i)
                return 0;
    }
    for (int i = 0; i < b->n_means; i++)
        if (!b->means[i].id || !in(b->means[i].n_years, 0, BANK_MAX_YEARS))
            return 0;
    for (int i = 0; i < b->n_point_dists; i++) {
        const struct point_dist *x = &b->point_dists[i];
        if (!x->id || !in(x->share, -1, b->n_shares - 1) || !in(x->n_bands, 0, BANK_MAX_BANDS) ||
            (x->n_bands && !x->bands))
            return 0;
    }
    return 1;
}

static int targets_consistent(const struct bank *b)
{
    for (int i = 0; i < b->n_targets; i++) {
        const struct target *t = &b->targets[i];
        if (!t->id || !t->extra || !in(t->level, 0, b->n_levels) || !in(t->prov, 0, 3))
            return 0;
        for (int k = 0; k < b->n_questions; k++)
            if (!rule_ok(&b->questions[k], &t->extra[k]))
                return 0;
    }
    for (int i = 0; i < b->n_files; i++)
        if (!b->files[i])
            return 0;
    return 1;
}

int bank_cache_decode(const char *buf, size_t len, const char *dir,
                      const struct bank_files *files, struct bank **out)
{
    *out = NULL;
    struct header h;
    if (len < sizeof h)
        return -1;
    memcpy(&h, buf, sizeof h);
    if (memcmp(h.magic, "KOLLENBC", 8) || h.format != CACHE_FORMAT || h.reserved ||
        h.layout != layout_hash(&bank_layout, 0) || h.length != len - sizeof h ||
        h.checksum != store_hash64(buf + sizeof h, len - sizeof h, h.layout))
        return -1;
    struct rd r = {buf + sizeof h, buf + len, dir, 0};
    int null;
    char *version = get_str(&r, &null);
    int same = version && !strcmp(version, KOLLEN_VERSION);
    free(version);
    if (!same)
        return -1;
    uint32_t n = get32(&r);
    if (files && n != (uint32_t)files->n)
        return -1;
    for (uint32_t i = 0; i < n && !r.bad; i++) {
        char *name = get_str(&r, &null);
        uint64_t flen = get64(&r), fhash = get64(&r);
        if (files && (!name || strcmp(name, files->v[i].name) || flen != files->v[i].len ||
                      fhash != files->v[i].hash))
            r.bad = 1;
        free(name);
    }
    if (r.bad)
        return -1;
    struct bank *b = calloc(1, sizeof *b);
    if (!b)
        return -1;
    get_struct(&r, &bank_layout, (char *)b, (const char *)b);
    if (r.bad || r.p != r.end || !consistent(b)) {
        bank_free(b);
        return -1;
    }
    bank_finish(b); /* derived figures are derived again, never trusted */
    *out = b;
    return 0;
}

/* --- where the cache lives --- */

/* The cache folder, $XDG_CACHE_HOME/kollen or ~/.cache/kollen; create: make it (0700). */
static int cache_dir(char *out, size_t n, int create)
{
    const char *x = getenv("XDG_CACHE_HOME");
    char parent[PATH_MAX];
    if (x && x[0] == '/') {
        snprintf(parent, sizeof parent, "%s", x);
    } else {
        const char *home = getenv("HOME");
        if (!home || home[0] != '/' ||
            (size_t)snprintf(parent, sizeof parent, "%s/.cache", home) >= sizeof parent)
            return -1;
    }
    if ((size_t)snprintf(out, n, "%s/kollen", parent) >= n)
        return -1;
    if (create) {
        mkdir(parent, 0700);
        mkdir(out, 0700);
    }
    /* ours alone: a cache others could write could change a bank */
    struct stat st;
    return lstat(out, &st) || !S_ISDIR(st.st_mode) || st.st_uid != geteuid() ||
                   (st.st_mode & 022)
               ? -1
               : 0;
}

int bank_cache_path(const char *dir, char *out, size_t n, int create)
{
    char real[PATH_MAX], folder[PATH_MAX];
    if (!realpath(dir, real) || cache_dir(folder, sizeof folder, create))
        return -1;
    const char *base = strrchr(real, '/');
    base = base && base[1] ? base + 1 : "bank";
    char id[64];
    size_t k = 0;
    for (; *base && k < sizeof id - 1; base++)
        id[k++] = (*base >= 'a' && *base <= 'z') || (*base >= '0' && *base <= '9') ||
                          *base == '-' || *base == '_' || *base == '.'
                      ? *base
                      : '_';
    id[k] = '\0';
    unsigned long long key = store_hash64(real, strlen(real), 0);
    return (size_t)snprintf(out, n, "%s/bank-%s-%016llx.bin", folder, id, key) < n ? 0 : -1;
}

int bank_cache_load(const char *dir, const struct bank_files *files, struct bank **out)
{
    *out = NULL;
    char path[PATH_MAX];
    if (bank_cache_path(dir, path, sizeof path, 0))
        return -1;
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY);
    if (fd < 0)
        return -1;
    struct stat st;
    memset(&st, 0, sizeof st);
    char *buf = NULL;
    ssize_t got = -1;
    if (!fstat(fd, &st) && S_ISREG(st.st_mode) && st.st_uid == geteuid() &&
        st.st_size <= BANK_CACHE_MAX && (buf = malloc((size_t)st.st_size + 1)))
        got = read(fd, buf, (size_t)st.st_size + 1);
    close(fd);
    int rc = got >= 0 && got == (ssize_t)st.st_size
                 ? bank_cache_decode(buf, (size_t)got, dir, files, out)
                 : -1;
    free(buf);
    return rc;
}

/* Write the cache; any failure only means the next run parses again. */
static void cache_write(const char *dir, const struct bank *b, const struct bank_files *files)
{
    char path[PATH_MAX];
    if (bank_cache_path(dir, path, sizeof path, 1))
        return;
    size_t len;
    char *data = bank_cache_encode(b, files, &len);
    if (!data || len > BANK_CACHE_MAX) {
        free(data);
        return;
    }
    struct diags quiet;
    diags_init(&quiet);
    store_write_atomic(path, data, len, 0, &quiet);
    diags_free(&quiet);
    free(data);
}

int bank_load_cached(const char *dir, struct bank **out, struct diags *d)
{
    *out = NULL;
    struct bank_files files;
    if (bank_files_read(dir, &files))
        return bank_load(dir, 0, out, d); /* it says what cannot be read */
    if (bank_cache_load(dir, &files, out) == 0) {
        bank_files_free(&files);
        return KL_OK;
    }
    /* parse the bytes that were hashed; only a clean load is cached */
    struct diags scratch;
    diags_init(&scratch);
    int rc = bank_load_files(dir, 0, &files, out, &scratch);
    if (rc == KL_OK && scratch.n == 0 && !scratch.dropped) {
        cache_write(dir, *out, &files);
    } else {
        bank_free(*out);
        rc = bank_load(dir, 0, out, d); /* the messages, exactly as without a cache */
    }
    diags_free(&scratch);
    bank_files_free(&files);
    return rc;
}
