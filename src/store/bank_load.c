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
                                            "provenance.#", "source", "evidence_from", NULL};
    check_keys(c, s, bank_keys);
    b->id = req_text(c, s, "id");
    b->name = req_text(c, s, "name");
    b->version = ini_text(s, "version");
    b->provenance = long_text(c, s, "provenance", 1);
    b->source = ini_text(s, "source");
    const char *kind = ini_raw(s, "kind");
    if (kind && !strcmp(kind, "scale"))
        b->kind = BANK_SCALE;
    else if (kind && strcmp(kind, "actions"))
        bad_value(c, s, "kind", "actions, scale");
    const char *base = strrchr(dir, '/');
    base = base ? base + 1 : dir;
    if (b->id && *base && strcmp(b->id, base) != 0)
        diags_add(c->d, fname(c), ini_line(s, "id"), M_BANK_ID_MISMATCH, b->id, base);

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
    b->evidence_from = (int)get_int(c, s, "evidence_from", 0, b->n_levels, 0, 0);
    b->level_names[0] = text_dup("");
    if (!b->level_names[0])
        c->oom = 1;

    if (b->kind == BANK_SCALE) {
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
        }
    }

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
        "option.#.provenance", "option.#.source", "rule.#", NULL};
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

static void read_benchmarks(struct ctx *c, const char *dir)
{
    struct bank *b = c->b;
    if (open_file(c, dir, "benchmarks.ini", 0))
        return;
    b->benchmarks = calloc((size_t)(c->ini->n_sections ? c->ini->n_sections : 1),
                           sizeof *b->benchmarks);
    if (!b->benchmarks) {
        c->oom = 1;
        close_file(c);
        return;
    }
    static const char *const keys[] = {"name", "group", "level", "actions", "area.*",
                                       "provenance", "source", NULL};
    for (int i = 0; i < c->ini->n_sections; i++) {
        const struct ini_section *s = &c->ini->sections[i];
        if (strncmp(s->name, "benchmark.", 10) != 0 || !s->name[10]) {
            diags_add(c->d, fname(c), s->line, M_BANK_UNKNOWN_SECTION, s->name);
            continue;
        }
        check_keys(c, s, keys);
        struct benchmark *m = &b->benchmarks[b->n_benchmarks++];
        m->id = text_dup(s->name + 10);
        m->name = req_text(c, s, "name");
        m->group = ini_text(s, "group");
        if (!m->group)
            m->group = text_dup("");
        m->line = s->line;
        m->level = -1;
        const char *lv = ini_raw(s, "level");
        if (lv && (parse_decimal(lv, &m->level) || m->level > b->n_levels))
            bad_value(c, s, "level", "0..4");
        m->actions = (int)get_int(c, s, "actions", 0, 1000000, -1, 0);
        m->prov = (enum provenance)get_prov(c, s, "provenance", -1);
        m->source = ini_text(s, "source");
        m->area_levels = malloc((size_t)(b->n_areas ? b->n_areas : 1) * sizeof(double));
        if (!m->id || !m->group || !m->area_levels) {
            c->oom = 1;
            break;
        }
        for (int k = 0; k < b->n_areas; k++)
            m->area_levels[k] = -1;
        for (int k = 0; k < s->n_keys; k++) {
            const char *kn = s->keys[k].name;
            if (strncmp(kn, "area.", 5) != 0)
                continue;
            int ai = bank_find_area(b, kn + 5);
            if (ai < 0) {
                diags_add(c->d, fname(c), s->keys[k].line, M_BANK_BENCH_AREA, m->id, kn + 5);
                continue;
            }
            if (parse_decimal(s->keys[k].value, &m->area_levels[ai]) ||
                m->area_levels[ai] > b->n_levels) {
                bad_value(c, s, kn, "0..4");
                m->area_levels[ai] = -1;
            }
        }
    }
    close_file(c);
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
    read_benchmarks(&c, dir);
    read_targets(&c, dir);
    if (questions_ok) {
        bank_finish(b);
        check_structure(&c);
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
