/* bank.c: the bank model: freeing, lookups, the rule language, derived totals. */
#include "kollen/bank.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kollen/msg.h"
#include "kollen/text.h"

void guides_free(struct guide *g, int n)
{
    for (int i = 0; g && i < n; i++) {
        free(g[i].title);
        free(g[i].url);
        free(g[i].source);
    }
    free(g);
}

void question_free(struct question *q)
{
    for (int i = 0; i < q->n_options; i++) {
        free(q->options[i].text);
        free(q->options[i].source);
        free(q->options[i].action);
        free(q->options[i].action_source);
        guides_free(q->options[i].guides, q->options[i].n_guides);
    }
    free(q->options);
    free(q->text);
    free(q->short_text);
    free(q->help);
    free(q->source);
    free(q->action);
    free(q->action_source);
    guides_free(q->guides, q->n_guides);
    memset(q, 0, sizeof *q);
}

static void published_free(struct bank *b)
{
    for (int i = 0; i < b->n_spreads; i++) {
        struct spread *x = &b->spreads[i];
        free(x->id);
        free(x->name);
        free(x->group);
        free(x->parts);
        free(x->shares);
        free(x->source);
        free(x->note);
    }
    free(b->spreads);
    for (int i = 0; i < b->n_shares; i++) {
        struct level_share *x = &b->shares[i];
        free(x->id);
        free(x->name);
        free(x->group);
        free(x->parts);
        free(x->source);
        free(x->note);
    }
    free(b->shares);
    for (int i = 0; i < b->n_means; i++) {
        struct mean_points *x = &b->means[i];
        free(x->id);
        free(x->name);
        free(x->group);
        free(x->source);
        free(x->note);
    }
    free(b->means);
    for (int i = 0; i < b->n_point_dists; i++) {
        struct point_dist *x = &b->point_dists[i];
        free(x->id);
        free(x->name);
        free(x->group);
        free(x->bands);
        free(x->source);
        free(x->note);
    }
    free(b->point_dists);
}

void benchmark_clear(struct benchmark *m)
{
    if (!m)
        return;
    free(m->id);
    free(m->name);
    free(m->group);
    free(m->area_levels);
    free(m->area_below);
    free(m->area_actions);
    free(m->source);
    free(m->note);
    memset(m, 0, sizeof *m);
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
    for (int i = 0; i < b->n_benchmarks; i++)
        benchmark_clear(&b->benchmarks[i]);
    free(b->benchmarks);
    published_free(b);
    guides_free(b->guides, b->n_guides);
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

int bank_find_benchmark_index(const struct bank *b, const char *id)
{
    for (int i = 0; i < b->n_benchmarks; i++)
        if (b->benchmarks[i].id && strcmp(b->benchmarks[i].id, id) == 0)
            return i;
    return -1;
}

const struct benchmark *bank_group_benchmark(const struct bank *b, const char *group)
{
    const struct benchmark *typ = NULL, *unmarked = NULL;
    for (int i = 0; i < b->n_benchmarks; i++) {
        const struct benchmark *m = &b->benchmarks[i];
        if (!m->group || strcmp(m->group, group) != 0)
            continue;
        if (m->kind == BENCH_TYPSVAR && (!typ || m->year > typ->year))
            typ = m; /* the latest round's typsvar; the first listed on a tie */
        else if (m->kind == BENCH_KIND_NONE && !unmarked)
            unmarked = m;
    }
    return typ ? typ : unmarked;
}

const struct spread *bank_group_spread(const struct bank *b, const char *group)
{
    const struct spread *best = NULL;
    for (int i = 0; i < b->n_spreads; i++) {
        const struct spread *x = &b->spreads[i];
        if (x->group && strcmp(x->group, group) == 0 && (!best || x->year > best->year))
            best = x;
    }
    return best;
}

const struct spread *bank_find_spread(const struct bank *b, const char *id)
{
    for (int i = 0; i < b->n_spreads; i++)
        if (b->spreads[i].id && strcmp(b->spreads[i].id, id) == 0)
            return &b->spreads[i];
    return NULL;
}

const struct level_share *bank_find_share(const struct bank *b, const char *id)
{
    for (int i = 0; i < b->n_shares; i++)
        if (b->shares[i].id && strcmp(b->shares[i].id, id) == 0)
            return &b->shares[i];
    return NULL;
}

static const char *const kind_names[] = {"", "typsvar", "basta-30", "urval", "spridning"};

const char *bench_kind_name(enum bench_kind k)
{
    return (unsigned)k < 5 ? kind_names[k] : "?";
}

int bench_kind_parse(const char *s)
{
    for (int i = 1; i < 5; i++)
        if (strcmp(s, kind_names[i]) == 0)
            return i;
    return -1;
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

int question_evidence_hint(struct sbuf *o, const struct question *q)
{
    static const char *const heads[] = {"Evidens:", "Evidence:"};
    const char *h = q->help, *at = NULL;
    size_t head = 0;
    for (const char *p = h; p && *p && !at; p++) {
        if (p != h && p[-1] != ' ' && p[-1] != '\n')
            continue; /* "Evidens:" starts a line or follows a space */
        for (size_t k = 0; k < sizeof heads / sizeof heads[0]; k++)
            if (!strncmp(p, heads[k], strlen(heads[k]))) {
                at = p;
                head = strlen(heads[k]);
            }
    }
    if (!at)
        return 0;
    at += head;
    while (*at == ' ')
        at++;
    size_t n = strcspn(at, "\n");
    while (n && (at[n - 1] == ' ' || at[n - 1] == '.'))
        n--;
    if (!n)
        return 0;
    sbuf_addn(o, at, n);
    return 1;
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
