/* bank.c: the bank model: freeing, lookups, the rule language, derived totals. */
#include "kollen/bank.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kollen/msg.h"
#include "kollen/text.h"

void question_free(struct question *q)
{
    for (int i = 0; i < q->n_options; i++) {
        free(q->options[i].text);
        free(q->options[i].source);
    }
    free(q->options);
    free(q->text);
    free(q->short_text);
    free(q->help);
    free(q->source);
    memset(q, 0, sizeof *q);
}

void bank_free(struct bank *b)
{
    if (!b)
        return;
    free(b->id);
    free(b->name);
    free(b->dir);
    free(b->version);
    free(b->provenance);
    free(b->source);
    for (int i = 0; i <= BANK_MAX_LEVELS; i++)
        free(b->level_names[i]);
    if (b->scale_labels)
        for (int i = 0; i < b->scale_max; i++)
            free(b->scale_labels[i]);
    free(b->scale_labels);
    for (int i = 0; i < b->n_areas; i++) {
        free(b->areas[i].id);
        free(b->areas[i].name);
        free(b->areas[i].short_name);
    }
    free(b->areas);
    for (int i = 0; i < b->n_questions; i++)
        question_free(&b->questions[i]);
    free(b->questions);
    free(b->totals.area_actions);
    for (int i = 0; i < b->n_benchmarks; i++) {
        free(b->benchmarks[i].id);
        free(b->benchmarks[i].name);
        free(b->benchmarks[i].group);
        free(b->benchmarks[i].area_levels);
        free(b->benchmarks[i].source);
    }
    free(b->benchmarks);
    for (int i = 0; i < b->n_targets; i++) {
        free(b->targets[i].id);
        free(b->targets[i].name);
        free(b->targets[i].extra);
        free(b->targets[i].source);
        free(b->targets[i].note);
    }
    free(b->targets);
    for (int i = 0; i < b->n_files; i++)
        free(b->files[i]);
    free(b->files);
    free(b);
}

int bank_find_question(const struct bank *b, int number)
{
    int lo = 0, hi = b->n_questions - 1;
    while (lo <= hi) {
        int mid = lo + (hi - lo) / 2;
        int n = b->questions[mid].number;
        if (n == number)
            return mid;
        if (n < number)
            lo = mid + 1;
        else
            hi = mid - 1;
    }
    return -1;
}

int bank_find_area(const struct bank *b, const char *id)
{
    for (int i = 0; i < b->n_areas; i++)
        if (b->areas[i].id && strcmp(b->areas[i].id, id) == 0) /* NULL after a failed load */
            return i;
    return -1;
}

const struct target *bank_find_target(const struct bank *b, const char *id)
{
    for (int i = 0; i < b->n_targets; i++)
        if (strcmp(b->targets[i].id, id) == 0)
            return &b->targets[i];
    return NULL;
}

const struct benchmark *bank_find_benchmark(const struct bank *b, const char *id)
{
    for (int i = 0; i < b->n_benchmarks; i++)
        if (strcmp(b->benchmarks[i].id, id) == 0)
            return &b->benchmarks[i];
    return NULL;
}

const struct benchmark *bank_group_benchmark(const struct bank *b, const char *group)
{
    for (int i = 0; i < b->n_benchmarks; i++)
        if (b->benchmarks[i].group && strcmp(b->benchmarks[i].group, group) == 0)
            return &b->benchmarks[i];
    return NULL;
}

static const char *const prov_names[] = {"verbatim", "paraphrase", "inferred", "reconstructed"};
static const char *const qtype_names[] = {"multi", "single", "scale"};

const char *provenance_name(enum provenance p)
{
    return (unsigned)p < 4 ? prov_names[p] : "?";
}

int provenance_parse(const char *s)
{
    for (int i = 0; i < 4; i++)
        if (strcmp(s, prov_names[i]) == 0)
            return i;
    return -1;
}

const char *qtype_name(enum qtype t)
{
    return (unsigned)t < 3 ? qtype_names[t] : "?";
}

int qtype_parse(const char *s)
{
    for (int i = 0; i < 3; i++)
        if (strcmp(s, qtype_names[i]) == 0)
            return i;
    return -1;
}

static const char *skip_ws(const char *p)
{
    while (*p == ' ' || *p == '\t')
        p++;
    return p;
}

/* Parse an unsigned decimal; returns the end or NULL. */
static const char *parse_uint(const char *p, long *v)
{
    if (!isdigit((unsigned char)*p))
        return NULL;
    long x = 0;
    while (isdigit((unsigned char)*p)) {
        x = x * 10 + (*p - '0');
        if (x > 1000000)
            return NULL;
        p++;
    }
    *v = x;
    return p;
}

static const char *match_word(const char *p, const char *w)
{
    size_t n = strlen(w);
    if (strncmp(p, w, n) != 0 || isalnum((unsigned char)p[n]))
        return NULL;
    return p + n;
}

static const char *parse_ge(const char *p, long *v)
{
    p = skip_ws(p);
    if (p[0] != '>' || p[1] != '=')
        return NULL;
    return parse_uint(skip_ws(p + 2), v);
}

int rule_parse(const char *s, const struct question *q, struct rule *out, int *why)
{
    struct rule r = {0};
    const char *p = skip_ws(s);
    *why = M_RULE_SYNTAX;
    for (;;) {
        const char *e;
        long v;
        if ((e = match_word(p, "all"))) {
            if (q->type == QTYPE_MULTI) {
                r.need_mask = q->n_options >= 64 ? ~0ULL : ((1ULL << q->n_options) - 1);
            } else {
                r.min_choice = q->n_options;
            }
        } else if ((e = match_word(p, "actions"))) {
            if (!(e = parse_ge(e, &v)) || v < 1)
                return -1;
            if (v > q->max_actions) {
                *why = M_RULE_TOO_MANY_ACTIONS;
                return -1;
            }
            if (v > r.min_actions)
                r.min_actions = (int)v;
        } else if ((e = match_word(p, "choice"))) {
            if (q->type == QTYPE_MULTI) {
                *why = M_RULE_CHOICE_MULTI;
                return -1;
            }
            if (!(e = parse_ge(e, &v)) || v < 1)
                return -1;
            if (v > q->n_options) {
                *why = M_RULE_NO_OPTION;
                return -1;
            }
            if (v > r.min_choice)
                r.min_choice = (int)v;
        } else if ((e = match_word(p, "options"))) {
            if (q->type != QTYPE_MULTI) {
                *why = M_RULE_OPTIONS_SINGLE;
                return -1;
            }
            e = skip_ws(e);
            for (;;) {
                if (!(e = parse_uint(e, &v)))
                    return -1;
                if (v < 1 || v > q->n_options) {
                    *why = M_RULE_NO_OPTION;
                    return -1;
                }
                r.need_mask |= 1ULL << (v - 1);
                e = skip_ws(e);
                if (*e != ',')
                    break;
                e = skip_ws(e + 1);
            }
        } else {
            return -1;
        }
        p = skip_ws(e);
        if (*p == '\0')
            break;
        if (!(e = match_word(p, "and")))
            return -1;
        p = skip_ws(e);
    }
    r.present = 1;
    *out = r;
    return 0;
}

const char *question_label(const struct question *q)
{
    return q->short_text && *q->short_text ? q->short_text : q->text;
}

void rule_format(const struct question *q, const struct rule *r, char *buf, unsigned long n)
{
    struct sbuf b;
    sbuf_init(&b);
    uint64_t all = q->n_options >= 64 ? ~0ULL : ((1ULL << q->n_options) - 1);
    if (q->type == QTYPE_MULTI && r->need_mask == all && !r->min_actions) {
        sbuf_add(&b, "all");
    } else {
        if (r->min_actions)
            sbuf_addf(&b, "actions >= %d", r->min_actions);
        if (r->need_mask) {
            sbuf_add(&b, b.len ? " and options " : "options ");
            int first = 1;
            for (int i = 0; i < 64; i++)
                if (r->need_mask & (1ULL << i)) {
                    sbuf_addf(&b, first ? "%d" : ",%d", i + 1);
                    first = 0;
                }
        }
        if (r->min_choice)
            sbuf_addf(&b, "%schoice >= %d", b.len ? " and " : "", r->min_choice);
    }
    snprintf(buf, n, "%s", b.p ? b.p : "");
    sbuf_free(&b);
}

void question_finish(struct question *q)
{
    int m = 0;
    for (int k = 0; k < q->n_options; k++) {
        if (q->type == QTYPE_MULTI)
            m += q->options[k].actions;
        else if (q->options[k].actions > m)
            m = q->options[k].actions;
    }
    q->max_actions = m;
}

void bank_finish(struct bank *b)
{
    b->max_actions = 0;
    b->max_points_milli = 0;
    for (int i = 0; i < b->n_questions; i++) {
        struct question *q = &b->questions[i];
        question_finish(q);
        int m = q->max_actions;
        if (q->scored) {
            b->max_actions += m;
            b->max_points_milli += q->points_milli;
        }
    }
}
