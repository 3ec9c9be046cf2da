/* bank_load.c: a question bank folder -> struct bank, reporting every problem with its line. */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bank_files.h"
#include "ini.h"
#include "kollen/msg.h"
#include "kollen/store.h"
#include "kollen/text.h"

/* One file being read into the bank. */
struct ctx {
    struct bank *b;
    struct ini *ini;
    struct diags *d;
    int strict;
    int oom;
    long budget; /* keys and sections the bank's files may still hold */
    const struct bank_files *mem; /* the files, read already; NULL: read them from dir */
};

static const char *fname(const struct ctx *c)
{
    return c->ini->file;
}

static char *req_text(struct ctx *c, const struct ini_section *s, const char *key)
{
    char *v = ini_text(s, key);
    if (!v) {
        if (ini_raw(s, key))
            c->oom = 1;
        else
            diags_add(c->d, fname(c), ini_line(s, NULL), M_BANK_MISSING_KEY, s->name, key);
    }
    return v;
}

/* Text given as `key`, or as numbered parts key.1, key.2 ... concatenated. */
static char *long_text(struct ctx *c, const struct ini_section *s, const char *key, int required)
{
    int err;
    char *v = ini_parts(c->ini, s, key, c->d, &err);
    if (err == KL_ENOMEM)
        c->oom = 1;
    if (v || err)
        return v;
    if (ini_raw(s, key))
        return required ? req_text(c, s, key) : ini_text(s, key);
    if (required)
        diags_add(c->d, fname(c), ini_line(s, NULL), M_BANK_MISSING_KEY, s->name, key);
    return NULL;
}

static void bad_value(struct ctx *c, const struct ini_section *s, const char *key,
                      const char *why)
{
    const char *v = ini_raw(s, key);
    char shown[80];
    snprintf(shown, sizeof shown, "%.70s", v ? v : "");
    diags_add(c->d, fname(c), ini_line(s, key), M_BANK_BAD_VALUE, s->name, key, shown, why);
}

/* An int key in [lo, hi]; def when absent (or an error when required). */
static long get_int(struct ctx *c, const struct ini_section *s, const char *key, long lo,
                    long hi, long def, int required)
{
    const char *v = ini_raw(s, key);
    long x;
    if (!v) {
        if (required)
            diags_add(c->d, fname(c), ini_line(s, NULL), M_BANK_MISSING_KEY, s->name, key);
        return def;
    }
    if (text_parse_int(v, lo, hi, &x)) {
        char why[64];
        snprintf(why, sizeof why, "%ld..%ld", lo, hi);
        bad_value(c, s, key, why);
        return def;
    }
    return x;
}

/* "5", "2.5", "0.125" -> thousandths; -1 when not a number >= 0 with at most 3 decimals. */
static long parse_milli(const char *s)
{
    long whole = 0, frac = 0;
    int digits = 0, fd = 0;
    const char *p = s;
    while (*p >= '0' && *p <= '9') {
        whole = whole * 10 + (*p++ - '0');
        if (++digits > 6)
            return -1;
    }
    if (!digits)
        return -1;
    if (*p == '.' || *p == ',') {
        p++;
        while (*p >= '0' && *p <= '9') {
            if (++fd > 3)
                return -1;
            frac = frac * 10 + (*p++ - '0');
        }
        if (!fd)
            return -1;
        while (fd++ < 3)
            frac *= 10;
    }
    return *p ? -1 : whole * 1000 + frac;
}

/* A decimal like 1.17 (benchmarks); returns 0 on success. */
static int parse_decimal(const char *s, double *out)
{
    long m = parse_milli(s);
    if (m < 0)
        return -1;
    *out = m / 1000.0;
    return 0;
}

static int get_bool(struct ctx *c, const struct ini_section *s, const char *key, int def)
{
    const char *v = ini_raw(s, key);
    if (!v)
        return def;
    if (!strcmp(v, "yes") || !strcmp(v, "true") || !strcmp(v, "1"))
        return 1;
    if (!strcmp(v, "no") || !strcmp(v, "false") || !strcmp(v, "0"))
        return 0;
    bad_value(c, s, key, "yes/no");
    return def;
}

static int get_prov(struct ctx *c, const struct ini_section *s, const char *key, int def)
{
    const char *v = ini_raw(s, key);
    if (!v) {
        if (def < 0)
            diags_add(c->d, fname(c), ini_line(s, NULL), M_BANK_MISSING_KEY, s->name, key);
        return def < 0 ? PROV_RECONSTRUCTED : def;
    }
    int p = provenance_parse(v);
    if (p < 0) {
        bad_value(c, s, key, "verbatim, paraphrase, inferred, reconstructed");
        return def < 0 ? PROV_RECONSTRUCTED : def;
    }
    return p;
}

/* A value that may be absent; out of memory is noted. */
static char *opt_text(struct ctx *c, const struct ini_section *s, const char *key)
{
    char *v = ini_text(s, key);
    if (!v && ini_raw(s, key))
        c->oom = 1;
    return v;
}

/* A web address as a guide may give it: http(s)://host.name/anything-without-spaces. */
static int url_ok(const char *u)
{
    const char *p = !strncmp(u, "https://", 8) ? u + 8 : !strncmp(u, "http://", 7) ? u + 7 : NULL;
    if (!p)
        return 0;
    const char *host = p;
    int dot = 0;
    while ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
           *p == '-' || *p == '.') {
        dot |= *p == '.';
        p++;
    }
    if (p == host || !dot || host[0] == '.' || p[-1] == '.' || (*p && *p != '/'))
        return 0;
    for (; *p; p++)
        if ((unsigned char)*p <= ' ' || (unsigned char)*p >= 0x7f || strchr("<>\"\\^`{|}", *p))
            return 0;
    return 1;
}

/* An action text: a short imperative on one line, a capital letter first, no full stop last. */
static int action_ok(const char *a)
{
    const unsigned char *u = (const unsigned char *)a;
    size_t n = strlen(a);
    int cap = (u[0] >= 'A' && u[0] <= 'Z') ||
              (u[0] == 0xC3 && (u[1] == 0x84 || u[1] == 0x85 || u[1] == 0x89 || u[1] == 0x96));
    return n && cap && a[n - 1] != '.' && !strchr(a, '\n') && text_width(a) <= 120;
}

/* References to guidance: <prefix>guide.N (its title), .url (optional) and .source (where
 * the bank learned of it, required: a reference is never made up). */
static void read_guides(struct ctx *c, const struct ini_section *s, const char *prefix,
                        struct guide **out, int *n)
{
    size_t pl = strlen(prefix);
    long max = 0;
    for (int i = 0; i < s->n_keys; i++) {
        const char *k = s->keys[i].name;
        if (strncmp(k, prefix, pl) != 0 || strncmp(k + pl, "guide.", 6) != 0)
            continue;
        char num[16];
        size_t m = strcspn(k + pl + 6, ".");
        long v;
        if (m == 0 || m >= sizeof num)
            continue;
        memcpy(num, k + pl + 6, m);
        num[m] = '\0';
        if (text_parse_int(num, 1, 1000000, &v))
            continue; /* not a number: check_keys names the key */
        if (v > BANK_MAX_GUIDES)
            diags_add(c->d, fname(c), s->keys[i].line, M_SYN_TOO_MANY, BANK_MAX_GUIDES);
        else if (v > max)
            max = v;
    }
    if (!max)
        return;
    struct guide *g = calloc((size_t)max, sizeof *g);
    if (!g) {
        c->oom = 1;
        return;
    }
    *out = g;
    *n = (int)max;
    for (int i = 0; i < max; i++) {
        char k[96], at[96];
        snprintf(k, sizeof k, "%sguide.%d", prefix, i + 1);
        /* a missing key is reported where the guide is, not at the section's head */
        int has_title = ini_raw(s, k) != NULL;
        snprintf(at, sizeof at, has_title ? "%sguide.%d" : "%sguide.%d.url", prefix, i + 1);
        if (!has_title && !ini_raw(s, at))
            snprintf(at, sizeof at, "%sguide.%d.source", prefix, i + 1);
        g[i].line = ini_line(s, at);
        if (!(g[i].title = opt_text(c, s, k)) && !has_title)
            diags_add(c->d, fname(c), g[i].line, M_BANK_MISSING_KEY, s->name, k);
        snprintf(k, sizeof k, "%sguide.%d.url", prefix, i + 1);
        g[i].url = opt_text(c, s, k);
        if (g[i].url && !url_ok(g[i].url))
            bad_value(c, s, k, msg(M_BANK_URL_FORM));
        snprintf(k, sizeof k, "%sguide.%d.source", prefix, i + 1);
        if (!(g[i].source = opt_text(c, s, k)) && !ini_raw(s, k))
            diags_add(c->d, fname(c), g[i].line, M_BANK_MISSING_KEY, s->name, k);
    }
}

/* What to do to earn an option (option.N.action) or, for a statement, the top step (action);
 * each with its own provenance and source where they differ from the option's. */
static void read_actions(struct ctx *c, const struct ini_section *s, struct question *q)
{
    q->action = opt_text(c, s, "action");
    if (q->action && !action_ok(q->action))
        bad_value(c, s, "action", msg(M_BANK_ACTION_FORM));
    q->action_prov = (enum provenance)get_prov(c, s, "action.provenance", (int)q->prov);
    q->action_source = opt_text(c, s, "action.source");
    read_guides(c, s, "", &q->guides, &q->n_guides);
    for (int i = 0; i < q->n_options && !c->oom; i++) {
        struct option *o = &q->options[i];
        char k[64], prefix[32];
        snprintf(prefix, sizeof prefix, "option.%d.", i + 1);
        snprintf(k, sizeof k, "option.%d", i + 1);
        if (!ini_raw(s, k))
            continue; /* a synthesised scale step, or a gap already reported */
        snprintf(k, sizeof k, "option.%d.action", i + 1);
        o->action = opt_text(c, s, k);
        if (o->action && !action_ok(o->action))
            bad_value(c, s, k, msg(M_BANK_ACTION_FORM));
        snprintf(k, sizeof k, "option.%d.action.provenance", i + 1);
        o->action_prov = (enum provenance)get_prov(c, s, k, (int)o->prov);
        snprintf(k, sizeof k, "option.%d.action.source", i + 1);
        o->action_source = opt_text(c, s, k);
        read_guides(c, s, prefix, &o->guides, &o->n_guides);
    }
}

/* Keys a section may hold: exact names, or a prefix followed by a number and a suffix
 * ("option.#.actions"); '#' stands for a positive number. */
static int key_matches(const char *key, const char *pat)
{
    while (*pat) {
        if (*pat == '#') {
            if (*key < '1' || *key > '9')
                return 0;
            while (*key >= '0' && *key <= '9')
                key++;
            pat++;
            continue;
        }
        if (*pat == '*') /* an identifier */
            return *key != '\0';
        if (*key++ != *pat++)
            return 0;
    }
    return *key == '\0';
}

static void check_keys(struct ctx *c, const struct ini_section *s, const char *const *allowed)
{
    if (!c->strict)
        return;
    for (int i = 0; i < s->n_keys; i++) {
        int ok = 0;
        for (const char *const *a = allowed; *a && !ok; a++)
            ok = key_matches(s->keys[i].name, *a);
        if (!ok)
            diags_add(c->d, fname(c), s->keys[i].line, M_BANK_UNKNOWN_KEY, s->name,
                      s->keys[i].name);
    }
}

static int open_file(struct ctx *c, const char *dir, const char *file, int required)
{
    char path[PATH_MAX];
    snprintf(path, sizeof path, "%s/%s", dir, file);
    const struct bank_file *m = c->mem ? bank_files_find(c->mem, file) : NULL;
    if (!m && !required && access(path, F_OK) != 0)
        return 1;
    int rc = m ? ini_parse_max(path, m->data, m->len, c->budget, &c->ini, c->d)
               : ini_load_max(path, c->budget, &c->ini, c->d);
    if (rc == KL_ENOMEM)
        c->oom = 1;
    if (rc == KL_OK)
        c->budget -= c->ini->n_entries;
    return rc == KL_OK ? 0 : -1;
}

static void close_file(struct ctx *c)
{
    ini_free(c->ini);
    c->ini = NULL;
}

/* [scale] top_level_step = k: the top level needs every scored statement answered at step k or
 * higher, instead of a mean at the top (no level below it changes: they stay the mean's). */
static void read_scale_top(struct ctx *c, const struct ini_section *sc)
{
    struct bank *b = c->b;
    static const char *const scale_keys[] = {"#", "top_level_step", NULL};
    check_keys(c, sc, scale_keys);
    if (!ini_raw(sc, "top_level_step"))
        return;
    long lo = b->n_levels > 1 ? b->n_levels - 1 : 1, hi = b->scale_max > lo ? b->scale_max : lo;
    b->scale_top_step = (int)get_int(c, sc, "top_level_step", lo, hi, 0, 0);
}

/* [levels]: the level names, 1..n without gaps. */
static void read_levels(struct ctx *c)
{
    struct bank *b = c->b;
    const struct ini_section *lv = ini_section(c->ini, "levels");
    if (!lv) {
        diags_add(c->d, fname(c), 0, M_BANK_MISSING_KEY, "levels", "1");
    } else {
        static const char *const level_keys[] = {"#", NULL};
        check_keys(c, lv, level_keys);
        for (int i = 1; i <= BANK_MAX_LEVELS; i++) {
            char k[16];
            snprintf(k, sizeof k, "%d", i);
            if (!ini_raw(lv, k))
                break;
            b->level_names[i] = ini_text(lv, k);
            b->n_levels = i;
        }
        if (b->n_levels == 0)
            diags_add(c->d, fname(c), lv->line, M_BANK_NO_LEVEL_NAME, 1);
        for (int i = 0; i < lv->n_keys; i++) {
            long v;
            if (!text_parse_int(lv->keys[i].name, 1, 1000, &v) && v > b->n_levels)
                diags_add(c->d, fname(c), lv->keys[i].line, M_BANK_LEVEL_RANGE, "[levels]", v,
                          b->n_levels > BANK_MAX_LEVELS ? BANK_MAX_LEVELS : b->n_levels);
        }
    }
}

/* [scale] of a scale bank: the labels of the steps 1..n, and the top level's step. */
static void read_scale(struct ctx *c)
{
    struct bank *b = c->b;
    const struct ini_section *sc = ini_section(c->ini, "scale");
    if (!sc) {
        diags_add(c->d, fname(c), 0, M_BANK_MISSING_KEY, "scale", "1");
    } else {
        int n = 0;
        while (n < BANK_MAX_OPTIONS) {
            char k[16];
            snprintf(k, sizeof k, "%d", n + 1);
            if (!ini_raw(sc, k))
                break;
            n++;
        }
        b->scale_labels = calloc((size_t)(n ? n : 1), sizeof *b->scale_labels);
        if (!b->scale_labels) {
            c->oom = 1;
        } else {
            b->scale_max = n;
            for (int i = 0; i < n; i++) {
                char k[16];
                snprintf(k, sizeof k, "%d", i + 1);
                b->scale_labels[i] = ini_text(sc, k);
            }
        }
        if (n < 2)
            diags_add(c->d, fname(c), sc->line, M_BANK_MISSING_KEY, "scale", "2");
        read_scale_top(c, sc);
    }
}

static void read_bank_ini(struct ctx *c, const char *dir)
{
    struct bank *b = c->b;
    if (open_file(c, dir, "bank.ini", 1))
        return;
    const struct ini_section *s = ini_section(c->ini, "bank");
    if (!s) {
        diags_add(c->d, fname(c), 0, M_BANK_MISSING_KEY, "bank", "id");
        close_file(c);
        return;
    }
    static const char *const bank_keys[] = {"id", "name", "kind", "version", "provenance",
                                            "provenance.#", "source", "evidence_from",
                                            "guide.#", "guide.#.url", "guide.#.source", NULL};
    check_keys(c, s, bank_keys);
    b->id = req_text(c, s, "id");
    b->name = req_text(c, s, "name");
    b->version = ini_text(s, "version");
    b->provenance = long_text(c, s, "provenance", 1);
    b->source = ini_text(s, "source");
    read_guides(c, s, "", &b->guides, &b->n_guides);
    const char *kind = ini_raw(s, "kind");
    if (kind && !strcmp(kind, "scale"))
        b->kind = BANK_SCALE;
    else if (kind && strcmp(kind, "actions"))
        bad_value(c, s, "kind", "actions, scale");
    const char *base = strrchr(dir, '/');
    base = base ? base + 1 : dir;
    if (b->id && *base && strcmp(b->id, base) != 0)
        diags_add(c->d, fname(c), ini_line(s, "id"), M_BANK_ID_MISMATCH, b->id, base);

    read_levels(c);
    b->evidence_from = (int)get_int(c, s, "evidence_from", 0, b->n_levels, 0, 0);
    b->level_names[0] = text_dup("");
    if (!b->level_names[0])
        c->oom = 1;

    if (b->kind == BANK_SCALE)
        read_scale(c);

    const struct ini_section *t = ini_section(c->ini, "totals");
    b->totals.questions = b->totals.areas = b->totals.actions = b->totals.points = -1;
    if (t) {
        static const char *const total_keys[] = {"questions", "areas", "actions", "points",
                                                 "actions.*", NULL};
        check_keys(c, t, total_keys);
        b->totals.questions = (int)get_int(c, t, "questions", 0, BANK_MAX_QUESTIONS, -1, 0);
        b->totals.areas = (int)get_int(c, t, "areas", 0, BANK_MAX_AREAS, -1, 0);
        b->totals.actions = (int)get_int(c, t, "actions", 0, 1000000, -1, 0);
        b->totals.points = (int)get_int(c, t, "points", 0, 1000000, -1, 0);
    }
    for (int i = 0; i < c->ini->n_sections; i++) {
        const char *n = c->ini->sections[i].name;
        if (strcmp(n, "bank") && strcmp(n, "levels") && strcmp(n, "totals") &&
            strcmp(n, "scale") && c->strict)
            diags_add(c->d, fname(c), c->ini->sections[i].line, M_BANK_UNKNOWN_SECTION, n);
    }
    /* [totals] per-area keys are checked once the areas are known: keep the file open */
}

/* c reads bank.ini here: [totals] actions.<area> can be checked once the areas are known. */
static void check_area_totals(struct ctx *c)
{
    struct bank *b = c->b;
    const struct ini_section *t = ini_section(c->ini, "totals");
    b->totals.area_actions = malloc((size_t)(b->n_areas ? b->n_areas : 1) * sizeof(int));
    if (!b->totals.area_actions) {
        c->oom = 1;
        return;
    }
    for (int i = 0; i < b->n_areas; i++)
        b->totals.area_actions[i] = -1;
    if (!t)
        return;
    for (int i = 0; i < t->n_keys; i++) {
        const char *k = t->keys[i].name;
        if (strncmp(k, "actions.", 8) != 0)
            continue;
        int ai = bank_find_area(b, k + 8);
        if (ai < 0) {
            diags_add(c->d, fname(c), t->keys[i].line, M_BANK_UNKNOWN_AREA, 0, k + 8);
            continue;
        }
        b->totals.area_actions[ai] = (int)get_int(c, t, k, 0, 1000000, -1, 0);
    }
}

static void read_areas(struct ctx *c, const char *dir)
{
    struct bank *b = c->b;
    if (open_file(c, dir, "areas.ini", 1))
        return;
    int n = 0;
    for (int i = 0; i < c->ini->n_sections; i++)
        n += strncmp(c->ini->sections[i].name, "area.", 5) == 0;
    b->areas = calloc((size_t)(n ? n : 1), sizeof *b->areas);
    if (!b->areas) {
        c->oom = 1;
        close_file(c);
        return;
    }
    static const char *const area_keys[] = {"name", "short", "order", NULL};
    for (int i = 0; i < c->ini->n_sections; i++) {
        const struct ini_section *s = &c->ini->sections[i];
        if (strncmp(s->name, "area.", 5) != 0 || s->name[5] == '\0') {
            if (c->strict)
                diags_add(c->d, fname(c), s->line, M_BANK_UNKNOWN_SECTION, s->name);
            continue;
        }
        if (b->n_areas >= BANK_MAX_AREAS) {
            diags_add(c->d, fname(c), s->line, M_SYN_TOO_MANY, BANK_MAX_AREAS);
            break;
        }
        check_keys(c, s, area_keys);
        struct area *a = &b->areas[b->n_areas++];
        a->id = text_dup(s->name + 5);
        a->name = req_text(c, s, "name");
        a->short_name = ini_text(s, "short");
        a->order = (int)get_int(c, s, "order", 0, 1000, b->n_areas, 0);
        a->line = s->line;
        if (!a->id)
            c->oom = 1;
        for (int k = 0; k < b->n_areas - 1; k++)
            if (b->areas[k].order == a->order && a->id)
                diags_add(c->d, fname(c), s->line, M_BANK_DUP_AREA_ORDER, b->areas[k].id, a->id,
                          a->order);
    }
    /* keep areas in their display order, so index order is the order everywhere */
    for (int i = 1; i < b->n_areas; i++) {
        struct area t = b->areas[i];
        int j = i;
        for (; j > 0 && b->areas[j - 1].order > t.order; j--)
            b->areas[j] = b->areas[j - 1];
        b->areas[j] = t;
    }
    close_file(c);
}

static int option_count(const struct ini_section *s)
{
    int n = 0;
    for (int i = 0; i < s->n_keys; i++) {
        const char *k = s->keys[i].name;
        long v;
        if (strncmp(k, "option.", 7) == 0 && !text_parse_int(k + 7, 1, 1000000, &v) && v > n)
            n = (int)v;
    }
    return n;
}

static void read_options(struct ctx *c, const struct ini_section *s, struct question *q)
{
    struct bank *b = c->b;
    int n = option_count(s);
    if (n == 0 && q->type == QTYPE_SCALE && b->scale_max > 0) {
        /* a statement without options of its own takes the bank's scale */
        q->options = calloc((size_t)b->scale_max, sizeof *q->options);
        if (!q->options) {
            c->oom = 1;
            return;
        }
        q->n_options = b->scale_max;
        for (int i = 0; i < b->scale_max; i++) {
            q->options[i].text = text_dup(b->scale_labels[i] ? b->scale_labels[i] : "");
            q->options[i].points_milli = -1;
            q->options[i].prov = q->prov;
            q->options[i].line = s->line;
            if (!q->options[i].text)
                c->oom = 1;
        }
        return;
    }
    if (n == 0) {
        diags_add(c->d, fname(c), s->line, M_BANK_NO_OPTIONS, q->number);
        return;
    }
    if (n > BANK_MAX_OPTIONS) {
        diags_add(c->d, fname(c), s->line, M_BANK_TOO_MANY_OPTIONS, q->number, BANK_MAX_OPTIONS);
        return;
    }
    q->options = calloc((size_t)n, sizeof *q->options);
    if (!q->options) {
        c->oom = 1;
        return;
    }
    q->n_options = n;
    for (int i = 0; i < n; i++) {
        struct option *o = &q->options[i];
        char k[48];
        snprintf(k, sizeof k, "option.%d", i + 1);
        o->line = ini_line(s, k);
        o->points_milli = -1;
        if (!ini_raw(s, k)) {
            diags_add(c->d, fname(c), s->line, M_BANK_OPTION_GAP, q->number, i + 1);
            continue;
        }
        o->text = ini_text(s, k);
        if (!o->text)
            c->oom = 1;
        snprintf(k, sizeof k, "option.%d.actions", i + 1);
        long def = q->type == QTYPE_MULTI ? 1 : q->type == QTYPE_SINGLE ? i : 0;
        o->actions = (int)get_int(c, s, k, 0, 1000, def, 0);
        snprintf(k, sizeof k, "option.%d.points", i + 1);
        const char *pv = ini_raw(s, k);
        if (pv && (o->points_milli = parse_milli(pv)) < 0) {
            bad_value(c, s, k, "0, 2.5 ...");
            o->points_milli = -1;
        }
        snprintf(k, sizeof k, "option.%d.provenance", i + 1);
        o->prov = get_prov(c, s, k, (int)q->prov);
        snprintf(k, sizeof k, "option.%d.source", i + 1);
        o->source = ini_text(s, k);
        if (q->type == QTYPE_SINGLE && i > 0 && o->actions < q->options[i - 1].actions)
            diags_add(c->d, fname(c), o->line, M_BANK_SINGLE_ORDER, q->number, i + 1);
    }
}

static void read_rules(struct ctx *c, const struct ini_section *s, struct question *q)
{
    struct bank *b = c->b;
    for (int i = 0; i < s->n_keys; i++) {
        const char *k = s->keys[i].name;
        long lv;
        if (strncmp(k, "rule.", 5) != 0)
            continue;
        if (text_parse_int(k + 5, 0, 1000000, &lv)) {
            diags_add(c->d, fname(c), s->keys[i].line, M_BANK_RULE_LEVEL, k, b->n_levels);
            continue;
        }
        if (lv < 1 || lv > b->n_levels) {
            diags_add(c->d, fname(c), s->keys[i].line, M_BANK_LEVEL_RANGE, k, lv, b->n_levels);
            continue;
        }
        int why;
        char *text = text_percent_decode(s->keys[i].value);
        if (!text) {
            c->oom = 1;
            return;
        }
        if (rule_parse(text, q, &q->rules[lv], &why))
            diags_add(c->d, fname(c), s->keys[i].line, M_BANK_BAD_RULE, q->number, (int)lv,
                      msg((enum msg_id)why));
        q->rules[lv].line = s->keys[i].line;
        free(text);
    }
}

static void read_question(struct ctx *c, const struct ini_section *s, long number)
{
    struct bank *b = c->b;
    static const char *const question_keys[] = {
        "area", "section", "type", "text", "text.#", "short", "help", "help.#", "provenance",
        "source", "points", "scored", "option.#", "option.#.actions", "option.#.points",
        "option.#.provenance", "option.#.source", "rule.#", "action", "action.provenance",
        "action.source", "guide.#", "guide.#.url", "guide.#.source", "option.#.action",
        "option.#.action.provenance", "option.#.action.source", "option.#.guide.#",
        "option.#.guide.#.url", "option.#.guide.#.source", NULL};
    check_keys(c, s, question_keys);
    int existing = -1;
    for (int i = 0; i < b->n_questions; i++)
        if (b->questions[i].number == number)
            existing = i;
    if (existing >= 0)
        diags_add(c->d, fname(c), s->line, M_BANK_DUP_NUMBER, (int)number,
                  b->files[b->questions[existing].file], b->questions[existing].line);
    /* a duplicate is still read (into a scratch slot) so lint reports its problems too */
    struct question *q = &b->questions[b->n_questions];
    memset(q, 0, sizeof *q);
    q->number = (int)number;
    q->line = s->line;
    q->file = b->n_files - 1;
    q->area = -1;
    const char *area = ini_raw(s, "area");
    if (!area) {
        diags_add(c->d, fname(c), s->line, M_BANK_MISSING_KEY, s->name, "area");
    } else if ((q->area = bank_find_area(b, area)) < 0) {
        diags_add(c->d, fname(c), ini_line(s, "area"), M_BANK_UNKNOWN_AREA, (int)number, area);
    }
    q->section = (int)get_int(c, s, "section", 1, b->n_levels ? b->n_levels : 1, 1, 1);
    const char *type = ini_raw(s, "type");
    if (!type) {
        if (b->kind == BANK_SCALE)
            q->type = QTYPE_SCALE;
        else
            diags_add(c->d, fname(c), s->line, M_BANK_MISSING_KEY, s->name, "type");
    } else {
        int t = qtype_parse(type);
        if (t < 0)
            bad_value(c, s, "type", "multi, single, scale");
        else
            q->type = (enum qtype)t;
    }
    if (b->kind == BANK_SCALE && q->type != QTYPE_SCALE)
        diags_add(c->d, fname(c), ini_line(s, "type"), M_BANK_SCALE_TYPE, (int)number);
    q->scored = get_bool(c, s, "scored", 1);
    q->text = long_text(c, s, "text", 1);
    q->short_text = ini_text(s, "short");
    q->help = long_text(c, s, "help", 0);
    q->prov = (enum provenance)get_prov(c, s, "provenance", -1);
    q->source = ini_text(s, "source");
    const char *pts = ini_raw(s, "points");
    if (pts) {
        if ((q->points_milli = (int)parse_milli(pts)) < 0) {
            bad_value(c, s, "points", "0, 5, 2.5 ...");
            q->points_milli = 0;
        }
    } else if (b->kind == BANK_ACTIONS && q->scored) {
        diags_add(c->d, fname(c), s->line, M_BANK_MISSING_KEY, s->name, "points");
    }
    read_options(c, s, q);
    if (q->type == QTYPE_SCALE && b->kind == BANK_SCALE && q->n_options &&
        q->n_options != b->scale_max)
        diags_add(c->d, fname(c), s->line, M_BANK_SCALE_OPTIONS, (int)number, q->n_options,
                  b->scale_max);
    question_finish(q);
    long sum = 0, max = 0;
    int any = 0;
    for (int i = 0; i < q->n_options; i++)
        if (q->options[i].points_milli >= 0) {
            any = 1;
            sum += q->options[i].points_milli;
            if (q->options[i].points_milli > max)
                max = q->options[i].points_milli;
        }
    long offered = q->type == QTYPE_MULTI ? sum : max;
    if (any && offered > q->points_milli)
        diags_add(c->d, fname(c), s->line, M_BANK_POINTS_SUM, (int)number, offered / 1000,
                  (long)q->points_milli / 1000);
    read_rules(c, s, q);
    read_actions(c, s, q);
    if (existing >= 0)
        question_free(q);
    else
        b->n_questions++;
}

static int name_cmp(const void *x, const void *y)
{
    return strcmp(*(char *const *)x, *(char *const *)y);
}

static int question_cmp(const void *x, const void *y)
{
    const struct question *a = x, *b = y;
    return (a->number > b->number) - (a->number < b->number);
}

/* The question files: questions*.ini, in name order. */
static char **question_files(struct ctx *c, const char *dir, int *n)
{
    *n = 0;
    if (c->mem) { /* read already, sorted */
        char **v = calloc((size_t)c->mem->n + 1, sizeof *v);
        if (!v) {
            c->oom = 1;
            return NULL;
        }
        for (int i = 0; i < c->mem->n; i++) {
            const char *nm = c->mem->v[i].name;
            if (!strncmp(nm, "questions", 9) && !(v[(*n)++] = text_dup(nm)))
                c->oom = 1;
        }
        return v;
    }
    DIR *dh = opendir(dir);
    if (!dh) {
        diags_add(c->d, dir, 0, M_IO_OPEN, strerror(errno));
        return NULL;
    }
    char **v = NULL;
    int cap = 0;
    struct dirent *e;
    while ((e = readdir(dh))) {
        const char *nm = e->d_name;
        size_t len = strlen(nm);
        if (len < 4 || strcmp(nm + len - 4, ".ini") != 0)
            continue;
        if (strncmp(nm, "questions", 9) != 0) {
            if (c->strict && strcmp(nm, "bank.ini") && strcmp(nm, "areas.ini") &&
                strcmp(nm, "benchmarks.ini") && strcmp(nm, "targets.ini")) {
                char path[PATH_MAX];
                snprintf(path, sizeof path, "%s/%s", dir, nm);
                diags_add(c->d, path, 0, M_BANK_UNKNOWN_SECTION, nm);
            }
            continue;
        }
        if (*n == cap) {
            cap = cap ? cap * 2 : 8;
            char **nv = realloc(v, (size_t)cap * sizeof *nv);
            if (!nv) {
                c->oom = 1;
                break;
            }
            v = nv;
        }
        if (!(v[*n] = text_dup(nm))) {
            c->oom = 1;
            break;
        }
        (*n)++;
    }
    closedir(dh);
    if (v)
        qsort(v, (size_t)*n, sizeof *v, name_cmp);
    return v;
}

static void read_questions(struct ctx *c, const char *dir)
{
    struct bank *b = c->b;
    int nf;
    char **files = question_files(c, dir, &nf);
    b->questions = calloc(BANK_MAX_QUESTIONS, sizeof *b->questions);
    if (!b->questions)
        c->oom = 1;
    b->files = calloc((size_t)(nf ? nf : 1), sizeof *b->files);
    if (!b->files)
        c->oom = 1;
    for (int f = 0; f < nf && !c->oom; f++) {
        if (open_file(c, dir, files[f], 1))
            continue;
        if (!(b->files[b->n_files++] = text_dup(fname(c))))
            c->oom = 1;
        for (int i = 0; i < c->ini->n_sections; i++) {
            const struct ini_section *s = &c->ini->sections[i];
            long number;
            if (strncmp(s->name, "question.", 9) != 0 ||
                text_parse_int(s->name + 9, 1, BANK_MAX_QUESTIONS, &number)) {
                diags_add(c->d, fname(c), s->line, M_BANK_UNKNOWN_SECTION, s->name);
                continue;
            }
            if (b->n_questions >= BANK_MAX_QUESTIONS) {
                diags_add(c->d, fname(c), s->line, M_SYN_TOO_MANY, BANK_MAX_QUESTIONS);
                break;
            }
            read_question(c, s, number);
        }
        close_file(c);
    }
    for (int f = 0; f < nf; f++)
        free(files[f]);
    free(files);
    if (b->questions && b->n_questions > 1)
        qsort(b->questions, (size_t)b->n_questions, sizeof *b->questions, question_cmp);
    if (b->questions && b->n_questions) {
        struct question *v = realloc(b->questions, (size_t)b->n_questions * sizeof *v);
        if (v)
            b->questions = v;
    }
}

/* A signed decimal with at most 3 decimals ("24.4", "-6.4"); returns 0 on success. */
static int parse_signed(const char *s, double *out)
{
    int neg = *s == '-';
    double v;
    if (parse_decimal(s + neg, &v))
        return -1;
    *out = neg ? -v : v;
    return 0;
}

/* The comma-separated items of a list value, trimmed; returns how many (at most max), or -1
 * when an item is empty or there are too many. The items point into buf. */
static int split_list(const char *v, char *buf, size_t n, char **items, int max)
{
    snprintf(buf, n, "%s", v);
    int k = 0;
    for (char *p = buf;;) {
        char *e = strchr(p, ',');
        if (e)
            *e = '\0';
        char *t = text_trim(p);
        if (!*t || k == max)
            return -1;
        items[k++] = t;
        if (!e)
            return k;
        p = e + 1;
    }
}

/* The id after "prefix." of a section name, or NULL when the name has another prefix. */
static const char *section_id(const struct ini_section *s, const char *prefix)
{
    size_t n = strlen(prefix);
    return strncmp(s->name, prefix, n) == 0 && s->name[n] ? s->name + n : NULL;
}

/* Keys every published series has: name, group, year, provenance, source, note. */
static void read_series_head(struct ctx *c, const struct ini_section *s, const char *id,
                             char **oid, char **name, char **group, int *year,
                             enum provenance *prov, char **source, char **note)
{
    *oid = text_dup(id);
    *name = req_text(c, s, "name");
    *group = ini_text(s, "group");
    if (!*group && !ini_raw(s, "group"))
        *group = text_dup("");
    if (year)
        *year = (int)get_int(c, s, "year", 1900, 2999, 0, 0);
    *prov = (enum provenance)get_prov(c, s, "provenance", -1);
    *source = opt_text(c, s, "source");
    *note = long_text(c, s, "note", 0);
    if (!*oid || !*group)
        c->oom = 1;
}

/* A level on the 0..n scale (benchmarks). */
static double get_level(struct ctx *c, const struct ini_section *s, const char *key)
{
    double v = -1;
    const char *raw = ini_raw(s, key);
    if (raw && (parse_decimal(raw, &v) || v > c->b->n_levels)) {
        bad_value(c, s, key, "0..4");
        v = -1;
    }
    return v;
}

/* A percentage 0..100. */
static double get_percent(struct ctx *c, const struct ini_section *s, const char *key)
{
    double v = -1;
    const char *raw = ini_raw(s, key);
    if (raw && (parse_decimal(raw, &v) || v > 100)) {
        bad_value(c, s, key, "0..100");
        v = -1;
    }
    return v;
}

/* key.N for N in 1..n_levels (areas_at_least.N, at_least.N, count.N): N, or 0 after an error. */
static int level_suffix(struct ctx *c, const struct ini_key *k, size_t prefix_len)
{
    long lv = 0;
    if (text_parse_int(k->name + prefix_len, 1, 1000000, &lv) || lv > c->b->n_levels) {
        diags_add(c->d, fname(c), k->line, M_BANK_LEVEL_RANGE, k->name, lv, c->b->n_levels);
        return 0;
    }
    return (int)lv;
}

static void read_benchmark(struct ctx *c, const struct ini_section *s, const char *id)
{
    struct bank *b = c->b;
    static const char *const keys[] = {"name", "group", "kind", "year", "level", "below",
                                       "actions", "actions.*", "area.*", "areas_at_least.#",
                                       "provenance", "source", "note", "note.#", NULL};
    check_keys(c, s, keys);
    struct benchmark *m = &b->benchmarks[b->n_benchmarks++];
    m->line = s->line;
    read_series_head(c, s, id, &m->id, &m->name, &m->group, &m->year, &m->prov, &m->source,
                     &m->note);
    const char *kind = ini_raw(s, "kind");
    int k = kind ? bench_kind_parse(kind) : BENCH_KIND_NONE;
    if (k < 0)
        bad_value(c, s, "kind", "typsvar, basta-30, urval, spridning");
    m->kind = k < 0 ? BENCH_KIND_NONE : (enum bench_kind)k;
    m->level = get_level(c, s, "level");
    m->below = get_level(c, s, "below");
    m->actions = (int)get_int(c, s, "actions", 0, 1000000, -1, 0);
    for (int lv = 0; lv <= BANK_MAX_LEVELS; lv++)
        m->areas_at_least[lv] = -1;
    size_t na = (size_t)(b->n_areas ? b->n_areas : 1);
    m->area_levels = malloc(na * sizeof(double));
    m->area_below = malloc(na * sizeof(double));
    m->area_actions = malloc(na * sizeof(int));
    if (!m->area_levels || !m->area_below || !m->area_actions) {
        c->oom = 1;
        return;
    }
    for (int ai = 0; ai < b->n_areas; ai++) {
        m->area_levels[ai] = m->area_below[ai] = -1;
        m->area_actions[ai] = -1;
    }
    for (int i = 0; i < s->n_keys; i++) {
        const struct ini_key *key = &s->keys[i];
        const char *kn = key->name;
        if (!strncmp(kn, "areas_at_least.", 15)) {
            int lv = level_suffix(c, key, 15);
            if (lv)
                m->areas_at_least[lv] = (int)get_int(c, s, kn, 0, b->n_areas, -1, 0);
            continue;
        }
        int is_actions = !strncmp(kn, "actions.", 8);
        if (!is_actions && strncmp(kn, "area.", 5) != 0)
            continue;
        char area[64];
        snprintf(area, sizeof area, "%s", kn + (is_actions ? 8 : 5));
        size_t len = strlen(area);
        int is_below = !is_actions && len > 6 && !strcmp(area + len - 6, ".below");
        if (is_below)
            area[len - 6] = '\0';
        int ai = bank_find_area(b, area);
        if (ai < 0) {
            diags_add(c->d, fname(c), key->line, M_BANK_BENCH_AREA, m->id ? m->id : "", area);
            continue;
        }
        if (is_actions)
            m->area_actions[ai] = (int)get_int(c, s, kn, 0, 1000000, -1, 0);
        else if (is_below)
            m->area_below[ai] = get_level(c, s, kn);
        else
            m->area_levels[ai] = get_level(c, s, kn);
    }
}

static void read_share(struct ctx *c, const struct ini_section *s, const char *id)
{
    struct bank *b = c->b;
    static const char *const keys[] = {"name", "group", "year", "n", "none", "at_least.#",
                                       "count.#", "parts", "provenance", "source", "note",
                                       "note.#", NULL};
    check_keys(c, s, keys);
    struct level_share *x = &b->shares[b->n_shares++];
    x->line = s->line;
    read_series_head(c, s, id, &x->id, &x->name, &x->group, &x->year, &x->prov, &x->source,
                     &x->note);
    x->n = (int)get_int(c, s, "n", 0, 100000000, -1, 0);
    x->none = get_percent(c, s, "none");
    for (int lv = 0; lv <= BANK_MAX_LEVELS; lv++) {
        x->at_least[lv] = -1;
        x->count[lv] = -1;
    }
    for (int i = 0; i < s->n_keys; i++) {
        const struct ini_key *key = &s->keys[i];
        int lv;
        if (!strncmp(key->name, "at_least.", 9) && (lv = level_suffix(c, key, 9)))
            x->at_least[lv] = get_percent(c, s, key->name);
        else if (!strncmp(key->name, "count.", 6) && (lv = level_suffix(c, key, 6)))
            x->count[lv] = (int)get_int(c, s, key->name, 0, 100000000, -1, 0);
    }
}

/* After every share is read: the shares this one is made of. */
static void read_share_parts(struct ctx *c, const struct ini_section *s, struct level_share *x)
{
    struct bank *b = c->b;
    const char *v = ini_raw(s, "parts");
    if (!v)
        return;
    char buf[1024], *items[BANK_MAX_PARTS];
    int n = split_list(v, buf, sizeof buf, items, BANK_MAX_PARTS);
    if (n < 0) {
        bad_value(c, s, "parts", "id, id ...");
        return;
    }
    if (!(x->parts = malloc((size_t)n * sizeof *x->parts))) {
        c->oom = 1;
        return;
    }
    x->n_parts = n;
    for (int i = 0; i < n; i++) {
        const struct level_share *p = bank_find_share(b, items[i]);
        x->parts[i] = p && p != x ? (int)(p - b->shares) : -1;
        if (x->parts[i] < 0)
            diags_add(c->d, fname(c), ini_line(s, "parts"), M_BANK_PUB_UNKNOWN, s->name, "parts",
                      items[i]);
    }
}

static void read_spread(struct ctx *c, const struct ini_section *s, const char *id)
{
    struct bank *b = c->b;
    static const char *const keys[] = {"name", "group", "year", "parts", "shares", "provenance",
                                       "source", "note", "note.#", NULL};
    check_keys(c, s, keys);
    struct spread *x = &b->spreads[b->n_spreads++];
    x->line = s->line;
    read_series_head(c, s, id, &x->id, &x->name, &x->group, &x->year, &x->prov, &x->source,
                     &x->note);
    const char *pv = ini_raw(s, "parts"), *sv = ini_raw(s, "shares");
    if (!pv || !sv) {
        diags_add(c->d, fname(c), s->line, M_BANK_MISSING_KEY, s->name, pv ? "shares" : "parts");
        return;
    }
    char pbuf[1024], sbuf[1024], *pit[BANK_MAX_PARTS], *sit[BANK_MAX_PARTS];
    int np = split_list(pv, pbuf, sizeof pbuf, pit, BANK_MAX_PARTS);
    int ns = split_list(sv, sbuf, sizeof sbuf, sit, BANK_MAX_PARTS);
    if (np < 0)
        bad_value(c, s, "parts", "id, id ...");
    if (ns < 0)
        bad_value(c, s, "shares", "10, 80, 10");
    if (np < 0 || ns < 0)
        return;
    if (np != ns) {
        diags_add(c->d, fname(c), ini_line(s, "shares"), M_BANK_PUB_COUNTS, s->name, "parts", np,
                  "shares", ns);
        return;
    }
    x->parts = malloc((size_t)np * sizeof *x->parts);
    x->shares = malloc((size_t)np * sizeof *x->shares);
    if (!x->parts || !x->shares) {
        c->oom = 1;
        return;
    }
    x->n_parts = np;
    for (int i = 0; i < np; i++) {
        if ((x->parts[i] = bank_find_benchmark_index(b, pit[i])) < 0)
            diags_add(c->d, fname(c), ini_line(s, "parts"), M_BANK_PUB_UNKNOWN, s->name, "parts",
                      pit[i]);
        if (parse_decimal(sit[i], &x->shares[i]) || x->shares[i] <= 0) {
            bad_value(c, s, "shares", "10, 80, 10");
            x->shares[i] = 0;
        }
    }
}

static void read_mean(struct ctx *c, const struct ini_section *s, const char *id)
{
    struct bank *b = c->b;
    static const char *const keys[] = {"name", "group", "n", "n.#", "points.#", "change",
                                       "provenance", "source", "note", "note.#", NULL};
    check_keys(c, s, keys);
    struct mean_points *x = &b->means[b->n_means++];
    x->line = s->line;
    read_series_head(c, s, id, &x->id, &x->name, &x->group, NULL, &x->prov, &x->source,
                     &x->note);
    for (int i = 0; i < s->n_keys; i++) {
        const char *kn = s->keys[i].name;
        long y;
        if (strncmp(kn, "points.", 7) != 0)
            continue;
        if (text_parse_int(kn + 7, 1900, 2999, &y)) {
            bad_value(c, s, kn, "points.2023 = 96.8");
            continue;
        }
        if (x->n_years == BANK_MAX_YEARS) {
            diags_add(c->d, fname(c), s->keys[i].line, M_SYN_TOO_MANY, BANK_MAX_YEARS);
            break;
        }
        double v;
        if (parse_decimal(s->keys[i].value, &v)) {
            bad_value(c, s, kn, "96.8");
            continue;
        }
        int j = x->n_years++; /* keep the rounds in order */
        for (; j > 0 && x->years[j - 1] > y; j--) {
            x->years[j] = x->years[j - 1];
            x->points[j] = x->points[j - 1];
        }
        x->years[j] = (int)y;
        x->points[j] = v;
    }
    int n = (int)get_int(c, s, "n", 0, 100000000, -1, 0);
    x->same_cohort = n >= 0;
    for (int j = 0; j < x->n_years; j++) {
        char k[32];
        snprintf(k, sizeof k, "n.%d", x->years[j]);
        x->n[j] = ini_raw(s, k) ? (int)get_int(c, s, k, 0, 100000000, -1, 0) : n;
    }
    for (int i = 0; i < s->n_keys; i++) { /* n.YYYY of a round without its mean */
        const char *kn = s->keys[i].name;
        char k[32];
        if (strncmp(kn, "n.", 2) != 0)
            continue;
        snprintf(k, sizeof k, "points.%s", kn + 2);
        if (!ini_raw(s, k))
            diags_add(c->d, fname(c), s->keys[i].line, M_BANK_MISSING_KEY, s->name, k);
    }
    const char *ch = ini_raw(s, "change");
    if (ch) {
        if (parse_signed(ch, &x->change))
            bad_value(c, s, "change", "24.4, -6.4 ...");
        else
            x->has_change = 1;
    }
}

static void read_points(struct ctx *c, const struct ini_section *s, const char *id)
{
    struct bank *b = c->b;
    static const char *const keys[] = {"name", "group", "year", "share", "n", "band.#.above",
                                       "band.#.below", "band.#.count", "band.#.no_level",
                                       "provenance", "source", "note", "note.#", NULL};
    check_keys(c, s, keys);
    struct point_dist *x = &b->point_dists[b->n_point_dists++];
    x->line = s->line;
    x->share = -1;
    read_series_head(c, s, id, &x->id, &x->name, &x->group, &x->year, &x->prov, &x->source,
                     &x->note);
    x->n = (int)get_int(c, s, "n", 0, 100000000, -1, 0);
    const char *sh = ini_raw(s, "share");
    if (sh) {
        const struct level_share *ls = bank_find_share(b, sh);
        if (ls)
            x->share = (int)(ls - b->shares);
        else
            diags_add(c->d, fname(c), ini_line(s, "share"), M_BANK_PUB_UNKNOWN, s->name, "share",
                      sh);
    }
    long max = 0;
    for (int i = 0; i < s->n_keys; i++) {
        const char *kn = s->keys[i].name;
        long v;
        char num[16];
        if (strncmp(kn, "band.", 5) != 0)
            continue;
        size_t m = strcspn(kn + 5, ".");
        if (m == 0 || m >= sizeof num)
            continue;
        memcpy(num, kn + 5, m);
        num[m] = '\0';
        if (text_parse_int(num, 1, 1000000, &v))
            continue;
        if (v > BANK_MAX_BANDS)
            diags_add(c->d, fname(c), s->keys[i].line, M_SYN_TOO_MANY, BANK_MAX_BANDS);
        else if (v > max)
            max = v;
    }
    if (!max)
        return;
    if (!(x->bands = calloc((size_t)max, sizeof *x->bands))) {
        c->oom = 1;
        return;
    }
    x->n_bands = (int)max;
    for (int i = 0; i < max; i++) {
        struct point_band *d = &x->bands[i];
        char k[48];
        const char *raw;
        d->above = d->below = -1;
        snprintf(k, sizeof k, "band.%d.above", i + 1);
        if ((raw = ini_raw(s, k)) && parse_decimal(raw, &d->above)) {
            bad_value(c, s, k, "50, 100 ...");
            d->above = -1;
        }
        snprintf(k, sizeof k, "band.%d.below", i + 1);
        if ((raw = ini_raw(s, k)) && parse_decimal(raw, &d->below)) {
            bad_value(c, s, k, "50, 100 ...");
            d->below = -1;
        }
        snprintf(k, sizeof k, "band.%d.count", i + 1);
        d->count = (int)get_int(c, s, k, 0, 100000000, -1, 1);
        snprintf(k, sizeof k, "band.%d.no_level", i + 1);
        d->no_level = (int)get_int(c, s, k, 0, 100000000, -1, 0);
    }
}

static void check_published(struct ctx *c, int questions_ok);

static void read_benchmarks(struct ctx *c, const char *dir, int questions_ok)
{
    struct bank *b = c->b;
    if (open_file(c, dir, "benchmarks.ini", 0))
        return;
    size_t ns = (size_t)(c->ini->n_sections ? c->ini->n_sections : 1);
    b->benchmarks = calloc(ns, sizeof *b->benchmarks);
    b->spreads = calloc(ns, sizeof *b->spreads);
    b->shares = calloc(ns, sizeof *b->shares);
    b->means = calloc(ns, sizeof *b->means);
    b->point_dists = calloc(ns, sizeof *b->point_dists);
    if (!b->benchmarks || !b->spreads || !b->shares || !b->means || !b->point_dists) {
        c->oom = 1;
        close_file(c);
        return;
    }
    /* first what stands alone, then what refers to it */
    for (int i = 0; i < c->ini->n_sections && !c->oom; i++) {
        const struct ini_section *s = &c->ini->sections[i];
        const char *id;
        if ((id = section_id(s, "benchmark.")))
            read_benchmark(c, s, id);
        else if ((id = section_id(s, "share.")))
            read_share(c, s, id);
        else if ((id = section_id(s, "mean.")))
            read_mean(c, s, id);
        else if (!section_id(s, "spread.") && !section_id(s, "points."))
            diags_add(c->d, fname(c), s->line, M_BANK_UNKNOWN_SECTION, s->name);
    }
    for (int i = 0, si = 0; i < c->ini->n_sections && !c->oom; i++) {
        const struct ini_section *s = &c->ini->sections[i];
        const char *id;
        if (section_id(s, "share."))
            read_share_parts(c, s, &b->shares[si++]);
        else if ((id = section_id(s, "spread.")))
            read_spread(c, s, id);
        else if ((id = section_id(s, "points.")))
            read_points(c, s, id);
    }
    if (c->strict && !c->oom)
        check_published(c, questions_ok);
    close_file(c);
}

/* Undo what a failed bank_add_benchmarks added: benchmarks n0.. of the bank. */
static void drop_benchmarks(struct bank *b, int n0)
{
    for (int i = n0; i < b->n_benchmarks; i++)
        benchmark_clear(&b->benchmarks[i]);
    b->n_benchmarks = n0;
}

int bank_add_benchmarks(struct bank *b, const char *path, struct diags *d)
{
    size_t errors_before = diags_errors(d);
    struct ctx c = {b, NULL, d, 1, 0, INI_KEYS_MAX, NULL};
    int rc = ini_load(path, &c.ini, d);
    if (rc)
        return rc;
    int n0 = b->n_benchmarks;
    size_t cap = (size_t)n0 + (size_t)c.ini->n_sections + 1;
    struct benchmark *v = realloc(b->benchmarks, cap * sizeof *v);
    if (!v) {
        close_file(&c);
        return KL_ENOMEM;
    }
    b->benchmarks = v;
    memset(&v[n0], 0, (cap - (size_t)n0) * sizeof *v);
    for (int i = 0; i < c.ini->n_sections && !c.oom; i++) {
        const struct ini_section *s = &c.ini->sections[i];
        const char *id = section_id(s, "benchmark.");
        int k = id ? bank_find_benchmark_index(b, id) : -1;
        if (!id)
            diags_add(d, fname(&c), s->line, M_BANK_BENCH_ONLY, s->name);
        else if (k >= 0)
            diags_add(d, fname(&c), s->line, M_BANK_BENCH_DUP, id,
                      k < n0 ? "benchmarks.ini" : fname(&c));
        else
            read_benchmark(&c, s, id);
    }
    close_file(&c);
    if (c.oom || diags_errors(d) > errors_before) {
        drop_benchmarks(b, n0);
        return c.oom ? KL_ENOMEM : KL_EDATA;
    }
    return KL_OK;
}

static void read_targets(struct ctx *c, const char *dir)
{
    struct bank *b = c->b;
    if (open_file(c, dir, "targets.ini", 0))
        return;
    b->targets = calloc((size_t)(c->ini->n_sections ? c->ini->n_sections : 1), sizeof *b->targets);
    if (!b->targets) {
        c->oom = 1;
        close_file(c);
        return;
    }
    static const char *const keys[] = {"name", "level", "provenance", "source", "note", "note.#",
                                       "q.#", NULL};
    for (int i = 0; i < c->ini->n_sections; i++) {
        const struct ini_section *s = &c->ini->sections[i];
        if (strncmp(s->name, "target.", 7) != 0 || !s->name[7]) {
            diags_add(c->d, fname(c), s->line, M_BANK_UNKNOWN_SECTION, s->name);
            continue;
        }
        check_keys(c, s, keys);
        struct target *t = &b->targets[b->n_targets++];
        t->id = text_dup(s->name + 7);
        t->name = req_text(c, s, "name");
        t->level = (int)get_int(c, s, "level", 0, b->n_levels, 0, 0);
        t->prov = (enum provenance)get_prov(c, s, "provenance", -1);
        t->source = ini_text(s, "source");
        t->note = long_text(c, s, "note", 0);
        t->line = s->line;
        t->extra = calloc((size_t)(b->n_questions ? b->n_questions : 1), sizeof *t->extra);
        if (!t->id || !t->extra) {
            c->oom = 1;
            break;
        }
        for (int k = 0; k < s->n_keys; k++) {
            const char *kn = s->keys[k].name;
            long num;
            if (strncmp(kn, "q.", 2) != 0)
                continue;
            int qi = text_parse_int(kn + 2, 1, BANK_MAX_QUESTIONS, &num) ? -1
                                                                          : bank_find_question(b, (int)num);
            if (qi < 0) {
                diags_add(c->d, fname(c), s->keys[k].line, M_BANK_TARGET_QUESTION, t->id, kn + 2);
                continue;
            }
            int why;
            char *text = text_percent_decode(s->keys[k].value);
            if (!text) {
                c->oom = 1;
                break;
            }
            if (rule_parse(text, &b->questions[qi], &t->extra[qi], &why))
                diags_add(c->d, fname(c), s->keys[k].line, M_BANK_BAD_RULE, (int)num, t->level,
                          msg((enum msg_id)why));
            t->extra[qi].line = s->keys[k].line;
            free(text);
        }
    }
    close_file(c);
}

/* --- lint: the published figures of benchmarks.ini add up (strict loads only) --- */

/* A figure as written in the file: up to 3 decimals, no trailing zeros ("30.6", "0.26"). */
static const char *num(char *buf, size_t n, double v)
{
    snprintf(buf, n, "%.3f", v);
    char *e = buf + strlen(buf) - 1;
    while (*e == '0')
        *e-- = '\0';
    if (*e == '.')
        *e = '\0';
    return buf;
}

/* A share published to one decimal stands for [pct - 0.055, pct + 0.05]: rounded once, or by
 * way of two decimals as MSB sometimes does (8 of 291 = 2,749 % -> 2,75 -> "2,8 procent"). */
#define SHARE_BELOW 0.055
#define SHARE_ABOVE 0.05

/* The counts of n organisations that a published percentage can stand for: [*lo, *hi], empty
 * (lo > hi) when none can. */
static void count_range(double pct, int n, int *lo, int *hi)
{
    double a = (pct - SHARE_BELOW) * n / 100.0, z = (pct + SHARE_ABOVE) * n / 100.0;
    *lo = (int)(a - 1e-9) + (a - 1e-9 > (int)(a - 1e-9) ? 1 : 0);
    if (*lo < 0)
        *lo = 0;
    *hi = (int)(z + 1e-9);
    if (*hi > n)
        *hi = n;
}

static int section_line(const struct ctx *c, const char *prefix, const char *id, const char *key)
{
    char name[160];
    snprintf(name, sizeof name, "%s%s", prefix, id ? id : "");
    const struct ini_section *s = ini_section(c->ini, name);
    return s ? ini_line(s, key) : 0;
}

static void check_benchmarks_published(struct ctx *c, const int *area_max, int max_actions)
{
    struct bank *b = c->b;
    char sec[160], k1[96], k2[96], v1[32], v2[32];
    for (int i = 0; i < b->n_benchmarks; i++) {
        const struct benchmark *m = &b->benchmarks[i];
        snprintf(sec, sizeof sec, "benchmark.%s", m->id);
        for (int j = 0; j < i && m->kind == BENCH_TYPSVAR; j++) {
            const struct benchmark *o = &b->benchmarks[j];
            if (o->kind == BENCH_TYPSVAR && o->year == m->year && !strcmp(o->group, m->group)) {
                char first[160];
                snprintf(first, sizeof first, "benchmark.%s", o->id);
                diags_add(c->d, fname(c), section_line(c, "benchmark.", m->id, "kind"),
                          M_BANK_TYPSVAR_TWICE, first, sec, m->group, m->year);
            }
        }
        if (m->level >= 0 && m->below >= 0 && m->level >= m->below)
            diags_add(c->d, fname(c), section_line(c, "benchmark.", m->id, "below"),
                      M_BANK_PUB_BELOW, sec, "level", num(v1, sizeof v1, m->level), "below",
                      num(v2, sizeof v2, m->below));
        int sum = 0, all = b->n_areas > 0;
        for (int ai = 0; ai < b->n_areas; ai++) {
            if (m->area_levels[ai] >= 0 && m->area_below[ai] >= 0 &&
                m->area_levels[ai] >= m->area_below[ai]) {
                snprintf(k1, sizeof k1, "area.%s", b->areas[ai].id);
                snprintf(k2, sizeof k2, "area.%s.below", b->areas[ai].id);
                diags_add(c->d, fname(c), section_line(c, "benchmark.", m->id, k2),
                          M_BANK_PUB_BELOW, sec, k1, num(v1, sizeof v1, m->area_levels[ai]), k2,
                          num(v2, sizeof v2, m->area_below[ai]));
            }
            if (m->area_actions[ai] < 0) {
                all = 0;
                continue;
            }
            sum += m->area_actions[ai];
            if (area_max && m->area_actions[ai] > area_max[ai]) {
                snprintf(k1, sizeof k1, "actions.%s", b->areas[ai].id);
                diags_add(c->d, fname(c), section_line(c, "benchmark.", m->id, k1),
                          M_BANK_PUB_ACTIONS_MAX, sec, k1, m->area_actions[ai], area_max[ai]);
            }
        }
        if (m->actions >= 0 && (sum > m->actions || (all && sum != m->actions)))
            diags_add(c->d, fname(c), section_line(c, "benchmark.", m->id, "actions"),
                      M_BANK_PUB_ACTIONS_SUM, sec, sum, m->actions);
        if (area_max && m->actions > max_actions)
            diags_add(c->d, fname(c), section_line(c, "benchmark.", m->id, "actions"),
                      M_BANK_PUB_ACTIONS_MAX, sec, "actions", m->actions, max_actions);
        int prev = 0; /* the last level with areas_at_least, for the order check */
        for (int lv = 1; lv <= b->n_levels; lv++) {
            int k = m->areas_at_least[lv];
            if (k < 0)
                continue;
            snprintf(k1, sizeof k1, "areas_at_least.%d", lv);
            int line = section_line(c, "benchmark.", m->id, k1);
            if (prev && k > m->areas_at_least[prev]) {
                snprintf(k2, sizeof k2, "areas_at_least.%d", prev);
                snprintf(v1, sizeof v1, "%d", k);
                snprintf(v2, sizeof v2, "%d", m->areas_at_least[prev]);
                diags_add(c->d, fname(c), line, M_BANK_PUB_ORDER, sec, k1, v1, k2, v2);
            }
            prev = lv;
            int reach = 0, miss = 0;
            for (int ai = 0; ai < b->n_areas; ai++) {
                if (m->area_levels[ai] >= 0 && m->area_levels[ai] + 1e-9 >= lv)
                    reach++;
                else if ((m->area_levels[ai] >= 0) ||
                         (m->area_below[ai] >= 0 && m->area_below[ai] <= lv + 1e-9))
                    miss++;
            }
            if (reach > k || miss > b->n_areas - k)
                diags_add(c->d, fname(c), line, M_BANK_PUB_AREAS_AT, sec, lv, k, reach, miss,
                          b->n_areas);
        }
    }
}

/* The value of a spread part in a row: -1 = overall level, else an area. */
static double spread_value(const struct benchmark *m, int row)
{
    return row < 0 ? m->level : m->area_levels[row];
}

static void check_spreads_published(struct ctx *c)
{
    struct bank *b = c->b;
    char sec[160], v1[32], v2[32], k1[96];
    int *owner = malloc((size_t)(b->n_benchmarks ? b->n_benchmarks : 1) * sizeof *owner);
    if (!owner) {
        c->oom = 1;
        return;
    }
    for (int i = 0; i < b->n_benchmarks; i++)
        owner[i] = -1;
    for (int i = 0; i < b->n_spreads; i++) {
        const struct spread *x = &b->spreads[i];
        snprintf(sec, sizeof sec, "spread.%s", x->id);
        int pline = section_line(c, "spread.", x->id, "parts");
        if (x->n_parts == 0)
            continue; /* its parts or shares were refused when read */
        double total = 0;
        for (int p = 0; p < x->n_parts; p++)
            total += x->shares[p];
        if (total < 100 - 1e-6 || total > 100 + 1e-6)
            diags_add(c->d, fname(c), section_line(c, "spread.", x->id, "shares"),
                      M_BANK_PUB_SUM_100, sec, "shares", num(v1, sizeof v1, total));
        for (int p = 0; p < x->n_parts; p++) {
            int bi = x->parts[p];
            if (bi < 0)
                continue;
            const struct benchmark *m = &b->benchmarks[bi];
            if (m->kind != BENCH_SPREAD)
                diags_add(c->d, fname(c), pline, M_BANK_PUB_KIND, sec, "parts", m->id);
            if (strcmp(m->group, x->group) || m->year != x->year) {
                char have[96], want[96];
                snprintf(have, sizeof have, "\"%s\" %d", m->group, m->year);
                snprintf(want, sizeof want, "\"%s\" %d", x->group, x->year);
                diags_add(c->d, fname(c), pline, M_BANK_PUB_MISMATCH, sec, "parts", m->id, have,
                          want);
            }
            if (owner[bi] >= 0) {
                char other[160];
                snprintf(other, sizeof other, "spread.%s", b->spreads[owner[bi]].id);
                diags_add(c->d, fname(c), pline, M_BANK_PUB_TWICE, sec, m->id, other);
            } else {
                owner[bi] = i;
            }
        }
        /* weakest first: a value never falls from one part to a later one */
        for (int row = -1; row < b->n_areas; row++) {
            int last = -1;
            for (int p = 0; p < x->n_parts; p++) {
                if (x->parts[p] < 0)
                    continue;
                const struct benchmark *m = &b->benchmarks[x->parts[p]];
                if (spread_value(m, row) < 0)
                    continue;
                if (last >= 0) {
                    const struct benchmark *l = &b->benchmarks[x->parts[last]];
                    if (spread_value(l, row) > spread_value(m, row) + 1e-9) {
                        if (row < 0)
                            snprintf(k1, sizeof k1, "level");
                        else
                            snprintf(k1, sizeof k1, "area.%s", b->areas[row].id);
                        diags_add(c->d, fname(c), pline, M_BANK_PUB_SERIES_ORDER, sec, k1, l->id,
                                  num(v1, sizeof v1, spread_value(l, row)), m->id,
                                  num(v2, sizeof v2, spread_value(m, row)));
                    }
                }
                last = p;
            }
        }
    }
    free(owner);
}

/* The organisations behind a share: n, or the sum of its parts' n; -1 when unknown. */
static int share_n(const struct bank *b, const struct level_share *x, int depth)
{
    if (x->n >= 0 || !x->n_parts || depth > 8)
        return x->n;
    int n = 0;
    for (int p = 0; p < x->n_parts; p++) {
        int pn = x->parts[p] < 0 ? -1 : share_n(b, &b->shares[x->parts[p]], depth + 1);
        if (pn < 0)
            return -1;
        n += pn;
    }
    return n;
}

/* How many organisations of a share reached level lv or higher: [*lo, *hi]; 0 when unknown. */
static int share_count(const struct bank *b, const struct level_share *x, int lv, int *lo, int *hi)
{
    if (x->count[lv] >= 0) {
        *lo = *hi = x->count[lv];
        return 1;
    }
    int n = share_n(b, x, 0);
    if (x->at_least[lv] < 0 || n < 0)
        return 0;
    count_range(x->at_least[lv], n, lo, hi);
    return 1;
}

static void check_shares_published(struct ctx *c)
{
    struct bank *b = c->b;
    char sec[160], k1[32], k2[32], v1[32], v2[32];
    for (int i = 0; i < b->n_shares; i++) {
        const struct level_share *x = &b->shares[i];
        snprintf(sec, sizeof sec, "share.%s", x->id);
        if (x->none >= 0 && x->at_least[1] >= 0) {
            double t = x->none + x->at_least[1];
            if (t < 100 - 0.1 - 1e-9 || t > 100 + 0.1 + 1e-9)
                diags_add(c->d, fname(c), section_line(c, "share.", x->id, "none"),
                          M_BANK_PUB_SUM_100, sec, "none + at_least.1", num(v1, sizeof v1, t));
        }
        int n = share_n(b, x, 0);
        if (x->n >= 0 && x->n_parts) {
            int pn = 0, known = 1;
            for (int p = 0; p < x->n_parts; p++) {
                int q = x->parts[p] < 0 ? -1 : share_n(b, &b->shares[x->parts[p]], 0);
                known &= q >= 0;
                pn += q;
            }
            if (known && pn != x->n)
                diags_add(c->d, fname(c), section_line(c, "share.", x->id, "n"),
                          M_BANK_PUB_PARTS_N, sec, pn, x->n);
        }
        int pa = 0, pc = 0; /* the last level with a share / a count, for the order checks */
        for (int lv = 1; lv <= b->n_levels; lv++) {
            snprintf(k1, sizeof k1, "at_least.%d", lv);
            snprintf(k2, sizeof k2, "count.%d", lv);
            if (x->at_least[lv] >= 0) {
                if (pa && x->at_least[lv] > x->at_least[pa]) {
                    char kp[32];
                    snprintf(kp, sizeof kp, "at_least.%d", pa);
                    diags_add(c->d, fname(c), section_line(c, "share.", x->id, k1),
                              M_BANK_PUB_ORDER, sec, k1, num(v1, sizeof v1, x->at_least[lv]), kp,
                              num(v2, sizeof v2, x->at_least[pa]));
                }
                pa = lv;
            }
            if (x->count[lv] >= 0) {
                int line = section_line(c, "share.", x->id, k2);
                if (pc && x->count[lv] > x->count[pc]) {
                    char kp[32];
                    snprintf(kp, sizeof kp, "count.%d", pc);
                    snprintf(v1, sizeof v1, "%d", x->count[lv]);
                    snprintf(v2, sizeof v2, "%d", x->count[pc]);
                    diags_add(c->d, fname(c), line, M_BANK_PUB_ORDER, sec, k2, v1, kp, v2);
                }
                pc = lv;
                if (n >= 0 && x->count[lv] > n)
                    diags_add(c->d, fname(c), line, M_BANK_PUB_COUNT_N, sec, k2, x->count[lv], n);
                else if (n > 0 && x->at_least[lv] >= 0) {
                    double pct = 100.0 * x->count[lv] / n;
                    if (pct < x->at_least[lv] - SHARE_BELOW - 1e-9 ||
                        pct > x->at_least[lv] + SHARE_ABOVE + 1e-9) {
                        snprintf(v1, sizeof v1, "%.2f", pct);
                        diags_add(c->d, fname(c), line, M_BANK_PUB_COUNT_SHARE, sec, k2,
                                  x->count[lv], n, v1, k1, num(v2, sizeof v2, x->at_least[lv]));
                    }
                }
            } else if (n > 0 && x->at_least[lv] >= 0) {
                int lo, hi;
                count_range(x->at_least[lv], n, &lo, &hi);
                if (lo > hi) /* no whole number of organisations gives this share */
                    diags_add(c->d, fname(c), section_line(c, "share.", x->id, k1),
                              M_BANK_PUB_NO_COUNT, sec, k1, num(v1, sizeof v1, x->at_least[lv]),
                              n);
            }
            if (!x->n_parts)
                continue;
            /* the parts' organisations at this level add up to the whole's */
            int wlo = 0, whi = -1, plo = 0, phi = 0;
            int known = share_count(b, x, lv, &wlo, &whi) && wlo <= whi;
            for (int p = 0; p < x->n_parts && known; p++) {
                int lo, hi;
                known = x->parts[p] >= 0 && share_count(b, &b->shares[x->parts[p]], lv, &lo, &hi) &&
                        lo <= hi; /* an impossible part is reported on its own */
                plo += lo;
                phi += hi;
            }
            if (known && (phi < wlo || plo > whi))
                diags_add(c->d, fname(c), section_line(c, "share.", x->id, "parts"),
                          M_BANK_PUB_PARTS_COUNT, sec, x->count[lv] >= 0 ? k2 : k1, plo, phi, sec,
                          wlo, whi);
        }
    }
}

static void check_means_published(struct ctx *c, long max_points)
{
    struct bank *b = c->b;
    char sec[160], k[32], v1[32], v2[32], v3[32], v4[32], v5[32];
    for (int i = 0; i < b->n_means; i++) {
        const struct mean_points *x = &b->means[i];
        snprintf(sec, sizeof sec, "mean.%s", x->id);
        for (int j = 0; j < x->n_years && max_points >= 0; j++)
            if (x->points[j] > (double)max_points) {
                snprintf(k, sizeof k, "points.%d", x->years[j]);
                diags_add(c->d, fname(c), section_line(c, "mean.", x->id, k),
                          M_BANK_PUB_POINTS_MAX, sec, k, num(v1, sizeof v1, x->points[j]),
                          max_points);
            }
        if (!x->has_change)
            continue;
        int line = section_line(c, "mean.", x->id, "change");
        if (x->n_years < 2) {
            diags_add(c->d, fname(c), line, M_BANK_PUB_YEARS, sec);
            continue;
        }
        /* the means are published to one decimal: the change they allow, against its own */
        double a = x->points[0], z = x->points[x->n_years - 1];
        if (a <= 0.05)
            continue;
        double lo = ((z - 0.05) / (a + 0.05) - 1) * 100, hi = ((z + 0.05) / (a - 0.05) - 1) * 100;
        if (x->change + 0.05 < lo - 1e-9 || x->change - 0.05 > hi + 1e-9) {
            snprintf(v4, sizeof v4, "%.1f", lo);
            snprintf(v5, sizeof v5, "%.1f", hi);
            diags_add(c->d, fname(c), line, M_BANK_PUB_CHANGE, sec,
                      num(v1, sizeof v1, x->change), num(v2, sizeof v2, a),
                      num(v3, sizeof v3, z), v4, v5);
        }
    }
}

static void check_points_published(struct ctx *c, long max_points)
{
    struct bank *b = c->b;
    char sec[160], k1[48], k2[48], v1[32], v2[32];
    double top = max_points >= 0 ? (double)max_points : 1e12;
    for (int i = 0; i < b->n_point_dists; i++) {
        const struct point_dist *x = &b->point_dists[i];
        snprintf(sec, sizeof sec, "points.%s", x->id);
        const struct level_share *ls = x->share >= 0 ? &b->shares[x->share] : NULL;
        int n = x->n;
        if (ls) {
            int sn = share_n(b, ls, 0);
            if (n >= 0 && sn >= 0 && n != sn)
                diags_add(c->d, fname(c), section_line(c, "points.", x->id, "n"),
                          M_BANK_PUB_PARTS_N, sec, sn, n);
            if (n < 0)
                n = sn;
        }
        int sum = 0, with_level = 0;
        for (int j = 0; j < x->n_bands; j++) {
            const struct point_band *d = &x->bands[j];
            snprintf(k1, sizeof k1, "band.%d.above", j + 1);
            snprintf(k2, sizeof k2, "band.%d.below", j + 1);
            if ((d->above < 0 && d->below < 0) || d->above > top || d->below > top ||
                (d->above >= 0 && d->below >= 0 && d->above >= d->below))
                diags_add(c->d, fname(c),
                          section_line(c, "points.", x->id, d->above >= 0 ? k1 : k2),
                          M_BANK_PUB_BAND, sec, j + 1, max_points >= 0 ? max_points : 0L);
            for (int o = 0; o < j; o++) {
                const struct point_band *e = &x->bands[o];
                double lo1 = d->above < 0 ? -1 : d->above, hi1 = d->below < 0 ? top + 1 : d->below;
                double lo2 = e->above < 0 ? -1 : e->above, hi2 = e->below < 0 ? top + 1 : e->below;
                if ((lo1 > lo2 ? lo1 : lo2) < (hi1 < hi2 ? hi1 : hi2))
                    diags_add(c->d, fname(c),
                              section_line(c, "points.", x->id, d->above >= 0 ? k1 : k2),
                              M_BANK_PUB_BAND_OVERLAP, sec, o + 1, j + 1);
            }
            if (d->count >= 0)
                sum += d->count;
            if (d->count >= 0 && d->no_level >= 0) {
                if (d->no_level > d->count) {
                    snprintf(k1, sizeof k1, "band.%d.no_level", j + 1);
                    snprintf(k2, sizeof k2, "band.%d.count", j + 1);
                    snprintf(v1, sizeof v1, "%d", d->no_level);
                    snprintf(v2, sizeof v2, "%d", d->count);
                    diags_add(c->d, fname(c), section_line(c, "points.", x->id, k1),
                              M_BANK_PUB_ORDER, sec, k1, v1, k2, v2);
                }
                with_level += d->count - d->no_level;
            }
        }
        if (n >= 0 && sum > n)
            diags_add(c->d, fname(c), x->line, M_BANK_PUB_BANDS_SUM, sec, "band.N.count", sum, "n",
                      n);
        int lo, hi;
        if (ls && share_count(b, ls, 1, &lo, &hi) && with_level > hi)
            diags_add(c->d, fname(c), section_line(c, "points.", x->id, "share"),
                      M_BANK_PUB_BANDS_SUM, sec, "band.N.count - band.N.no_level", with_level,
                      "count.1", hi);
    }
}

static void check_published(struct ctx *c, int questions_ok)
{
    struct bank *b = c->b;
    int *area_max = NULL, max_actions = 0;
    long max_points = -1;
    if (questions_ok) { /* the bank's own totals bound what a benchmark can have done */
        area_max = calloc((size_t)(b->n_areas ? b->n_areas : 1), sizeof *area_max);
        if (!area_max) {
            c->oom = 1;
            return;
        }
        long milli = 0;
        for (int i = 0; i < b->n_questions; i++) {
            const struct question *q = &b->questions[i];
            if (!q->scored)
                continue;
            milli += q->points_milli;
            max_actions += q->max_actions;
            if (q->area >= 0)
                area_max[q->area] += q->max_actions;
        }
        max_points = milli / 1000;
    }
    check_benchmarks_published(c, area_max, max_actions);
    check_spreads_published(c);
    check_shares_published(c);
    check_means_published(c, b->kind == BANK_ACTIONS ? max_points : -1);
    check_points_published(c, b->kind == BANK_ACTIONS ? max_points : -1);
    free(area_max);
}

/* Action texts: once a bank has any, every option that counts an action (every statement of a
 * scale bank) has one (lint). */
static void check_actions(struct ctx *c)
{
    struct bank *b = c->b;
    int any = 0;
    for (int i = 0; i < b->n_questions && !any; i++) {
        any = b->questions[i].action != NULL;
        for (int k = 0; k < b->questions[i].n_options && !any; k++)
            any = b->questions[i].options[k].action != NULL;
    }
    if (!any)
        return;
    for (int i = 0; i < b->n_questions; i++) {
        const struct question *q = &b->questions[i];
        const char *file = q->file >= 0 && q->file < b->n_files ? b->files[q->file] : b->dir;
        if (b->kind == BANK_SCALE) {
            if (!q->action)
                diags_add(c->d, file, q->line, M_BANK_NO_STATEMENT_ACTION, q->number);
            continue;
        }
        for (int k = 0; k < q->n_options; k++) {
            const struct option *o = &q->options[k];
            if (o->text && o->actions > 0 && !o->action)
                diags_add(c->d, file, o->line, M_BANK_NO_ACTION, q->number, k + 1, k + 1);
        }
    }
}

/* Published totals and structural weak spots (lint). */
static void check_totals(struct ctx *c, const char *bank_file)
{
    struct bank *b = c->b;
    const struct bank_totals *t = &b->totals;
    if (t->questions >= 0 && t->questions != b->n_questions)
        diags_add(c->d, bank_file, 0, M_BANK_TOTAL, "questions", t->questions, b->n_questions);
    if (t->areas >= 0 && t->areas != b->n_areas)
        diags_add(c->d, bank_file, 0, M_BANK_TOTAL, "areas", t->areas, b->n_areas);
    if (t->actions >= 0 && t->actions != b->max_actions)
        diags_add(c->d, bank_file, 0, M_BANK_TOTAL, "actions", t->actions, b->max_actions);
    if (t->points >= 0 && (long)t->points * 1000 != b->max_points_milli)
        diags_add(c->d, bank_file, 0, M_BANK_TOTAL, "points", t->points,
                  (int)(b->max_points_milli / 1000));
    for (int ai = 0; ai < b->n_areas && t->area_actions; ai++) {
        int have = 0;
        for (int i = 0; i < b->n_questions; i++)
            if (b->questions[i].area == ai && b->questions[i].scored)
                have += b->questions[i].max_actions;
        if (t->area_actions[ai] >= 0 && t->area_actions[ai] != have)
            diags_add(c->d, bank_file, 0, M_BANK_AREA_TOTAL, b->areas[ai].id,
                      t->area_actions[ai], have);
    }
}

static void check_structure(struct ctx *c)
{
    struct bank *b = c->b;
    char areas_file[PATH_MAX];
    snprintf(areas_file, sizeof areas_file, "%s/areas.ini", b->dir);
    for (int ai = 0; ai < b->n_areas; ai++) {
        int count = 0;
        for (int i = 0; i < b->n_questions; i++)
            count += b->questions[i].area == ai;
        if (!count) {
            diags_add(c->d, areas_file, b->areas[ai].line, M_BANK_EMPTY_AREA, b->areas[ai].id);
            continue;
        }
        if (b->kind != BANK_ACTIONS || !c->strict)
            continue;
        for (int lv = 1; lv <= b->n_levels; lv++) {
            int rules = 0;
            for (int i = 0; i < b->n_questions; i++)
                rules += b->questions[i].area == ai && b->questions[i].rules[lv].present;
            if (!rules)
                diags_warn(c->d, areas_file, b->areas[ai].line, M_BANK_AREA_NO_RULE,
                           b->areas[ai].id, lv);
        }
    }
    if (b->n_questions == 0)
        diags_add(c->d, b->dir, 0, M_BANK_NO_QUESTIONS);
}

int bank_load(const char *dir, int strict, struct bank **out, struct diags *d)
{
    return bank_load_files(dir, strict, NULL, out, d);
}

int bank_load_files(const char *dir, int strict, const struct bank_files *files,
                    struct bank **out, struct diags *d)
{
    *out = NULL;
    size_t errors_before = diags_errors(d);
    struct bank *b = calloc(1, sizeof *b);
    if (!b)
        return KL_ENOMEM;
    struct ctx c = {b, NULL, d, strict, 0, INI_KEYS_MAX, files};
    b->dir = text_dup(dir);
    if (!b->dir) {
        bank_free(b);
        return KL_ENOMEM;
    }
    read_bank_ini(&c, dir);
    struct ini *bank_ini = c.ini; /* still open for the per-area totals */
    c.ini = NULL;
    if (!bank_ini && diags_errors(d) > errors_before && !c.oom) {
        bank_free(b);
        return KL_EPARSE;
    }
    read_areas(&c, dir);
    if (bank_ini) {
        struct ctx bc = c;
        bc.ini = bank_ini;
        check_area_totals(&bc);
        c.oom |= bc.oom;
    }
    read_questions(&c, dir);
    int questions_ok = diags_errors(d) == errors_before;
    read_benchmarks(&c, dir, questions_ok);
    read_targets(&c, dir);
    if (questions_ok) {
        bank_finish(b);
        check_structure(&c);
        if (strict)
            check_actions(&c);
        if (strict && bank_ini)
            check_totals(&c, bank_ini->file);
    }
    ini_free(bank_ini);
    if (c.oom) {
        bank_free(b);
        return KL_ENOMEM;
    }
    if (diags_errors(d) > errors_before) {
        bank_free(b);
        return KL_EDATA;
    }
    *out = b;
    return KL_OK;
}

int bank_load_id(const char *questions_dir, const char *id, struct bank **out, struct diags *d)
{
    *out = NULL;
    char path[PATH_MAX];
    int bad = !*id || strchr(id, '/') || id[0] == '.';
    snprintf(path, sizeof path, "%s/%s/bank.ini", questions_dir, id);
    if (bad || access(path, F_OK) != 0) {
        diags_add(d, NULL, 0, M_BANK_NOT_FOUND, id, questions_dir);
        return KL_EDATA;
    }
    snprintf(path, sizeof path, "%s/%s", questions_dir, id);
    return bank_load_cached(path, out, d);
}

int bank_list(const char *questions_dir, char ***ids, int *n, struct diags *d)
{
    *ids = NULL;
    *n = 0;
    DIR *dh = opendir(questions_dir);
    if (!dh) {
        diags_add(d, questions_dir, 0, M_IO_OPEN, strerror(errno));
        return KL_EIO;
    }
    char **v = NULL;
    int cap = 0, rc = KL_OK;
    struct dirent *e;
    while ((e = readdir(dh))) {
        char path[PATH_MAX];
        if (e->d_name[0] == '.')
            continue;
        snprintf(path, sizeof path, "%s/%s/bank.ini", questions_dir, e->d_name);
        if (access(path, R_OK) != 0)
            continue;
        if (*n == cap) {
            cap = cap ? cap * 2 : 8;
            char **nv = realloc(v, (size_t)cap * sizeof *nv);
            if (!nv) {
                rc = KL_ENOMEM;
                break;
            }
            v = nv;
        }
        if (!(v[*n] = text_dup(e->d_name))) {
            rc = KL_ENOMEM;
            break;
        }
        (*n)++;
    }
    closedir(dh);
    if (rc) {
        bank_list_free(v, *n);
        *n = 0;
        return rc;
    }
    if (v)
        qsort(v, (size_t)*n, sizeof *v, name_cmp);
    *ids = v;
    return KL_OK;
}

void bank_list_free(char **ids, int n)
{
    for (int i = 0; i < n; i++)
        free(ids[i]);
    free(ids);
}
