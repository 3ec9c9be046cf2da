/* cohort.c: streaming summaries and the resultattal ranking of many sessions. */
#include "kollen/cohort.h"

#include <stdlib.h>
#include <string.h>

#include "kollen/diag.h"
#include "kollen/text.h"

/* What the cohort keeps of one session; the per-area parts live in the cohort's pools. */
struct rec {
    int id;
    char *name;
    int level;
    double value;
    long points_milli;
    int actions;
};

struct cohort {
    enum bank_kind kind;
    int n_levels, n_areas, n_questions;
    long *area_max; /* per area: maximum points (thousandths), as score_compute counts them */
    int keep_names;
    int n, cap;
    struct rec *r;
    double *area_value;      /* n * n_areas */
    long *area_points;       /* n * n_areas */
    signed char *area_level; /* n * n_areas */
    /* streamed totals */
    int *level_count;
    int *area_level_count;
    double sum_value;
    double *sum_area_value;
    long long sum_points, sum_actions;
    int *block1; /* per question: sessions it keeps below level 1 */
};

struct cohort *cohort_new(const struct bank *b, int keep_names)
{
    struct cohort *c = calloc(1, sizeof *c);
    if (!c)
        return NULL;
    c->kind = b->kind;
    c->n_levels = b->n_levels;
    c->n_areas = b->n_areas;
    c->n_questions = b->n_questions;
    c->keep_names = keep_names != 0;
    size_t na = (size_t)(b->n_areas ? b->n_areas : 1), nl = (size_t)b->n_levels + 1;
    c->area_max = calloc(na, sizeof *c->area_max);
    c->level_count = calloc(nl, sizeof *c->level_count);
    c->area_level_count = calloc(na * nl, sizeof *c->area_level_count);
    c->sum_area_value = calloc(na, sizeof *c->sum_area_value);
    c->block1 = calloc((size_t)(b->n_questions ? b->n_questions : 1), sizeof *c->block1);
    if (!c->area_max || !c->level_count || !c->area_level_count || !c->sum_area_value ||
        !c->block1) {
        cohort_free(c);
        return NULL;
    }
    for (int i = 0; i < b->n_questions; i++)
        if (b->questions[i].scored)
            c->area_max[b->questions[i].area] += b->questions[i].points_milli;
    return c;
}

void cohort_free(struct cohort *c)
{
    if (!c)
        return;
    for (int i = 0; i < c->n; i++)
        free(c->r[i].name);
    free(c->r);
    free(c->area_value);
    free(c->area_points);
    free(c->area_level);
    free(c->area_max);
    free(c->level_count);
    free(c->area_level_count);
    free(c->sum_area_value);
    free(c->block1);
    free(c);
}

int cohort_count(const struct cohort *c)
{
    return c->n;
}

static int clamp_level(int lv, int n)
{
    return lv < 0 ? 0 : lv > n ? n : lv;
}

static int grow(struct cohort *c)
{
    if (c->n < c->cap)
        return 0;
    int cap = c->cap ? c->cap * 2 : 64;
    size_t na = (size_t)(c->n_areas ? c->n_areas : 1);
    struct rec *r = realloc(c->r, (size_t)cap * sizeof *r);
    if (!r)
        return -1;
    c->r = r;
    double *v = realloc(c->area_value, (size_t)cap * na * sizeof *v);
    if (!v)
        return -1;
    c->area_value = v;
    long *p = realloc(c->area_points, (size_t)cap * na * sizeof *p);
    if (!p)
        return -1;
    c->area_points = p;
    signed char *l = realloc(c->area_level, (size_t)cap * na * sizeof *l);
    if (!l)
        return -1;
    c->area_level = l;
    c->cap = cap;
    return 0;
}

int cohort_add(struct cohort *c, const struct score *sc, int id, const char *name)
{
    if (sc->kind != c->kind || sc->n_levels != c->n_levels || sc->n_areas != c->n_areas ||
        sc->n_questions != c->n_questions)
        return KL_EUSAGE;
    if (grow(c))
        return KL_ENOMEM;
    struct rec *r = &c->r[c->n];
    memset(r, 0, sizeof *r);
    if (c->keep_names && name && !(r->name = text_dup(name)))
        return KL_ENOMEM;
    r->id = id;
    r->level = clamp_level(sc->level, c->n_levels);
    r->value = sc->value;
    r->points_milli = sc->points_milli;
    r->actions = sc->actions;
    size_t base = (size_t)c->n * (size_t)c->n_areas;
    int nl = c->n_levels + 1;
    for (int a = 0; a < c->n_areas; a++) {
        int lv = clamp_level(sc->areas[a].level, c->n_levels);
        c->area_level[base + a] = (signed char)lv;
        c->area_value[base + a] = sc->areas[a].value;
        c->area_points[base + a] = sc->areas[a].points_milli;
        c->area_level_count[a * nl + lv]++;
        c->sum_area_value[a] += sc->areas[a].value;
    }
    c->level_count[r->level]++;
    c->sum_value += sc->value;
    c->sum_points += sc->points_milli;
    c->sum_actions += sc->actions;
    for (int i = 0; i < sc->n_blockers; i++)
        if (sc->blockers[i].level == 1 && sc->blockers[i].question < c->n_questions)
            c->block1[sc->blockers[i].question]++;
    c->n++;
    return KL_OK;
}

/* --- comparing records through score_compare --- */

/* Scratch for two score views. */
struct cmp_ctx {
    const struct cohort *c;
    struct area_score *x, *y;
};

/* A score holding record i's parts of the resultattal up to `depth`: 1 the overall level,
 * 2 the area results, 3 the total points, 4 the area points. The parts not included are
 * zero, so score_compare finds them equal. */
static void view(const struct cohort *c, int i, int depth, struct score *sc,
                 struct area_score *as)
{
    const struct rec *r = &c->r[i];
    size_t base = (size_t)i * (size_t)c->n_areas;
    memset(sc, 0, sizeof *sc);
    memset(as, 0, (size_t)(c->n_areas ? c->n_areas : 1) * sizeof *as);
    sc->kind = c->kind;
    sc->n_levels = c->n_levels;
    sc->n_areas = c->n_areas;
    sc->areas = as;
    sc->level = r->level;
    sc->value = r->value;
    for (int a = 0; a < c->n_areas; a++) {
        if (depth >= 2) {
            as[a].level = c->area_level[base + a];
            as[a].value = c->area_value[base + a];
        }
        if (depth >= 4) {
            as[a].points_milli = c->area_points[base + a];
            as[a].max_points_milli = c->area_max[a];
        }
    }
    if (depth >= 3)
        sc->points_milli = r->points_milli;
}

static int compare_depth(struct cmp_ctx *k, int i, int j, int depth)
{
    struct score x, y;
    view(k->c, i, depth, &x, k->x);
    view(k->c, j, depth, &y, k->y);
    return score_compare(&x, &y);
}

/* <0 when record i ranks above j (best first); ties keep the order of adding. */
static int rank_cmp(struct cmp_ctx *k, int i, int j)
{
    int c = compare_depth(k, i, j, 4);
    if (c)
        return -c;
    return (i > j) - (i < j);
}

/* The key that sets record j below record i (i ranks at or above j). */
static enum rank_key deciding_key(struct cmp_ctx *k, int i, int j)
{
    static const enum rank_key keys[] = {RANK_LEVEL, RANK_AREAS, RANK_POINTS, RANK_AREA_POINTS};
    for (int depth = 1; depth <= 4; depth++)
        if (compare_depth(k, i, j, depth))
            return keys[depth - 1];
    return RANK_TIE;
}

static int ctx_init(struct cmp_ctx *k, const struct cohort *c)
{
    size_t na = (size_t)(c->n_areas ? c->n_areas : 1);
    k->c = c;
    k->x = malloc(na * sizeof *k->x);
    k->y = malloc(na * sizeof *k->y);
    if (!k->x || !k->y) {
        free(k->x);
        free(k->y);
        return -1;
    }
    return 0;
}

static void ctx_free(struct cmp_ctx *k)
{
    free(k->x);
    free(k->y);
}

/* Merge sort of record indices (qsort has no context argument in C11). */
static void merge_sort(struct cmp_ctx *k, int *v, int *tmp, int n)
{
    if (n < 2)
        return;
    int h = n / 2;
    merge_sort(k, v, tmp, h);
    merge_sort(k, v + h, tmp, n - h);
    int i = 0, j = h, o = 0;
    while (i < h && j < n)
        tmp[o++] = rank_cmp(k, v[i], v[j]) <= 0 ? v[i++] : v[j++];
    while (i < h)
        tmp[o++] = v[i++];
    while (j < n)
        tmp[o++] = v[j++];
    memcpy(v, tmp, (size_t)n * sizeof *v);
}

/* The records best first, in a new array (NULL on allocation failure). */
static int *sorted(const struct cohort *c, struct cmp_ctx *k)
{
    size_t n = (size_t)(c->n ? c->n : 1);
    int *v = malloc(n * sizeof *v), *tmp = malloc(n * sizeof *tmp);
    if (!v || !tmp) {
        free(v);
        free(tmp);
        return NULL;
    }
    for (int i = 0; i < c->n; i++)
        v[i] = i;
    merge_sort(k, v, tmp, c->n);
    free(tmp);
    return v;
}

/* How many of the sorted records v[0..n-1] (best first, or weakest first when reversed) a
 * group aiming at `target` takes: a block of ties across the boundary is taken whole or
 * not at all, whichever count is closer to the target (left out on a draw). */
static int boundary(struct cmp_ctx *k, const int *v, int n, int target, int reversed)
{
    if (target <= 0)
        return 0;
    if (target >= n)
        return n;
#define AT(p) (reversed ? v[n - 1 - (p)] : v[(p)])
    if (compare_depth(k, AT(target - 1), AT(target), 4) != 0)
        return target;
    int start = target - 1, end = target + 1;
    while (start > 0 && compare_depth(k, AT(start - 1), AT(target), 4) == 0)
        start--;
    while (end < n && compare_depth(k, AT(end), AT(target), 4) == 0)
        end++;
#undef AT
    return end - target < target - start ? end : start;
}

/* --- summary --- */

void cohort_summary_free(struct cohort_summary *s)
{
    if (!s)
        return;
    free(s->level_count);
    free(s->area_level_count);
    free(s->area_value);
    for (int g = 0; g < SPREAD_COUNT; g++) {
        free(s->spread[g].area_value);
        free((void *)s->spread[g].names);
    }
    free(s->blocking);
    memset(s, 0, sizeof *s);
}

static void spread_add(const struct cohort *c, struct spread_group *g, int i)
{
    const struct rec *r = &c->r[i];
    size_t base = (size_t)i * (size_t)c->n_areas;
    g->n++;
    g->value += r->value;
    g->points_milli += (double)r->points_milli;
    g->actions += r->actions;
    for (int a = 0; a < c->n_areas; a++)
        g->area_value[a] += c->area_value[base + a];
}

static void spread_mean(struct spread_group *g, int n_areas)
{
    if (!g->n)
        return;
    g->value /= g->n;
    g->points_milli /= g->n;
    g->actions /= g->n;
    for (int a = 0; a < n_areas; a++)
        g->area_value[a] /= g->n;
}

static int summarise_spread(const struct cohort *c, struct cohort_summary *s)
{
    struct cmp_ctx k;
    if (ctx_init(&k, c))
        return -1;
    int *v = sorted(c, &k);
    if (!v) {
        ctx_free(&k);
        return -1;
    }
    /* n/10 rounded half up: 5 sessions give groups of 1, 14 of 1, 15 of 2 */
    s->spread_target = (c->n + 5) / 10;
    int best = boundary(&k, v, c->n, s->spread_target, 0);
    int weakest = boundary(&k, v, c->n, s->spread_target, 1);
    int rc = 0;
    if (c->keep_names) {
        s->spread[SPREAD_BEST].names = calloc((size_t)(best ? best : 1), sizeof(char *));
        s->spread[SPREAD_WEAKEST].names = calloc((size_t)(weakest ? weakest : 1), sizeof(char *));
        rc = !s->spread[SPREAD_BEST].names || !s->spread[SPREAD_WEAKEST].names;
    }
    for (int p = 0; p < c->n && !rc; p++) {
        int g = p < best ? SPREAD_BEST : p >= c->n - weakest ? SPREAD_WEAKEST : SPREAD_MIDDLE;
        if (s->spread[g].names)
            s->spread[g].names[s->spread[g].n] = c->r[v[p]].name;
        spread_add(c, &s->spread[g], v[p]);
    }
    for (int g = 0; g < SPREAD_COUNT; g++)
        spread_mean(&s->spread[g], c->n_areas);
    free(v);
    ctx_free(&k);
    return rc ? -1 : 0;
}

static int summarise_blocking(const struct cohort *c, struct cohort_summary *s)
{
    int m = 0;
    for (int q = 0; q < c->n_questions; q++)
        m += c->block1[q] > 0;
    s->blocking = calloc((size_t)(m ? m : 1), sizeof *s->blocking);
    if (!s->blocking)
        return -1;
    /* insertion by count, most first; equal counts stay in bank order */
    for (int q = 0; q < c->n_questions; q++) {
        if (!c->block1[q])
            continue;
        int j = s->n_blocking++;
        for (; j > 0 && s->blocking[j - 1].count < c->block1[q]; j--)
            s->blocking[j] = s->blocking[j - 1];
        s->blocking[j].question = q;
        s->blocking[j].count = c->block1[q];
    }
    return 0;
}

int cohort_summarise(const struct cohort *c, struct cohort_summary *s)
{
    memset(s, 0, sizeof *s);
    size_t na = (size_t)(c->n_areas ? c->n_areas : 1), nl = (size_t)c->n_levels + 1;
    s->n = c->n;
    s->n_levels = c->n_levels;
    s->n_areas = c->n_areas;
    s->level_count = malloc(nl * sizeof *s->level_count);
    s->area_level_count = malloc(na * nl * sizeof *s->area_level_count);
    s->area_value = calloc(na, sizeof *s->area_value);
    for (int g = 0; g < SPREAD_COUNT; g++)
        s->spread[g].area_value = calloc(na, sizeof *s->spread[g].area_value);
    if (!s->level_count || !s->area_level_count || !s->area_value ||
        !s->spread[SPREAD_WEAKEST].area_value || !s->spread[SPREAD_MIDDLE].area_value ||
        !s->spread[SPREAD_BEST].area_value)
        goto fail;
    memcpy(s->level_count, c->level_count, nl * sizeof *s->level_count);
    memcpy(s->area_level_count, c->area_level_count, na * nl * sizeof *s->area_level_count);
    if (c->n) {
        s->value = c->sum_value / c->n;
        s->points_milli = (double)c->sum_points / c->n;
        s->actions = (double)c->sum_actions / c->n;
        for (int a = 0; a < c->n_areas; a++)
            s->area_value[a] = c->sum_area_value[a] / c->n;
    }
    if (summarise_spread(c, s) || summarise_blocking(c, s))
        goto fail;
    return KL_OK;
fail:
    cohort_summary_free(s);
    return KL_ENOMEM;
}

/* --- ranking --- */

int cohort_rank(const struct cohort *c, struct rank_entry **out, int *n)
{
    *out = NULL;
    *n = 0;
    struct cmp_ctx k;
    if (ctx_init(&k, c))
        return KL_ENOMEM;
    int *v = sorted(c, &k);
    struct rank_entry *e = calloc((size_t)(c->n ? c->n : 1), sizeof *e);
    if (!v || !e) {
        free(v);
        free(e);
        ctx_free(&k);
        return KL_ENOMEM;
    }
    for (int p = 0; p < c->n; p++) {
        const struct rec *r = &c->r[v[p]];
        e[p].id = r->id;
        e[p].name = r->name;
        e[p].level = r->level;
        e[p].value = r->value;
        e[p].points_milli = r->points_milli;
        e[p].actions = r->actions;
        e[p].key = p ? deciding_key(&k, v[p - 1], v[p]) : RANK_FIRST;
        e[p].place = e[p].key == RANK_TIE ? e[p - 1].place : p + 1;
    }
    free(v);
    ctx_free(&k);
    *out = e;
    *n = c->n;
    return KL_OK;
}

int cohort_best(const struct cohort *c, int n, int **ids, int *n_ids)
{
    *ids = NULL;
    *n_ids = 0;
    struct cmp_ctx k;
    if (ctx_init(&k, c))
        return KL_ENOMEM;
    int *v = sorted(c, &k);
    if (!v) {
        ctx_free(&k);
        return KL_ENOMEM;
    }
    int m = boundary(&k, v, c->n, n, 0);
    for (int p = 0; p < m; p++)
        v[p] = c->r[v[p]].id;
    ctx_free(&k);
    *ids = v;
    *n_ids = m;
    return KL_OK;
}
