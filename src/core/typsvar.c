/* typsvar.c: the typ-organisation of a group, by majority per action (see typsvar.h). */
#include "kollen/typsvar.h"

#include <stdlib.h>
#include <string.h>

#include "kollen/diag.h"
#include "kollen/score.h"
#include "kollen/text.h"

struct typsvar {
    const struct bank *b;
    int n;           /* sessions counted */
    int *answered;   /* per question */
    int *documented; /* per question: answered and documented */
    int *off;        /* per question: where its counts start */
    int *counts;     /* multi: ticks per option; single/scale: sessions per step 1..n_options */
};

struct typsvar *typsvar_new(const struct bank *b)
{
    struct typsvar *t = calloc(1, sizeof *t);
    if (!t)
        return NULL;
    t->b = b;
    size_t nq = (size_t)(b->n_questions ? b->n_questions : 1);
    t->answered = calloc(nq, sizeof *t->answered);
    t->documented = calloc(nq, sizeof *t->documented);
    t->off = calloc(nq, sizeof *t->off);
    size_t total = 0;
    for (int i = 0; i < b->n_questions; i++) {
        if (t->off)
            t->off[i] = (int)total;
        total += (size_t)b->questions[i].n_options;
    }
    t->counts = calloc(total ? total : 1, sizeof *t->counts);
    if (!t->answered || !t->documented || !t->off || !t->counts) {
        typsvar_free(t);
        return NULL;
    }
    return t;
}

void typsvar_free(struct typsvar *t)
{
    if (!t)
        return;
    free(t->answered);
    free(t->documented);
    free(t->off);
    free(t->counts);
    free(t);
}

int typsvar_count(const struct typsvar *t)
{
    return t->n;
}

int typsvar_add(struct typsvar *t, const struct session *s)
{
    const struct bank *b = t->b;
    if (s->n_answers != b->n_questions || !s->bank_id || strcmp(s->bank_id, b->id) != 0)
        return KL_EUSAGE;
    for (int i = 0; i < b->n_questions; i++) {
        const struct question *q = &b->questions[i];
        const struct answer *a = &s->answers[i];
        if (!a->answered)
            continue;
        t->answered[i]++;
        t->documented[i] += a->documented != 0;
        int *c = &t->counts[t->off[i]];
        if (q->type == QTYPE_MULTI) {
            for (int k = 0; k < q->n_options; k++)
                c[k] += (a->ticks >> k) & 1;
        } else if (a->choice >= 1 && a->choice <= q->n_options) {
            c[a->choice - 1]++;
        }
    }
    t->n++;
    return KL_OK;
}

/* More than half of the n sessions. */
static int majority(int count, int n)
{
    return 2L * count > (long)n;
}

/* The typ answer to question i (the record stays empty). */
static void typ_answer(const struct typsvar *t, int i, struct answer *a)
{
    const struct question *q = &t->b->questions[i];
    const int *c = &t->counts[t->off[i]];
    if (!majority(t->answered[i], t->n))
        return;
    a->answered = 1;
    a->documented = majority(t->documented[i], t->n);
    if (q->type == QTYPE_MULTI) {
        for (int k = 0; k < q->n_options; k++)
            if (majority(c[k], t->n))
                a->ticks |= 1ULL << k;
        return;
    }
    /* the lower median, the unanswered counting below step 1: the first step at which at
     * least half are at or below it, so the highest step more than half reached */
    int at_or_below = t->n - t->answered[i];
    for (int k = 0; k < q->n_options; k++) {
        at_or_below += c[k];
        if (2L * at_or_below >= (long)t->n) {
            a->choice = k + 1;
            return;
        }
    }
    a->choice = q->n_options;
}

int typsvar_session_new(const struct typsvar *t, const char *name, enum actor_group group,
                        const char *date, int64_t now, struct session **out)
{
    *out = NULL;
    struct session *s = session_new(t->b, name, group, date, now);
    if (!s)
        return KL_ENOMEM;
    for (int i = 0; i < t->b->n_questions; i++)
        typ_answer(t, i, &s->answers[i]);
    *out = s;
    return KL_OK;
}

/* Does the typ session give area ai a level (a scale area needs an answered statement)? */
static int area_known(const struct bank *b, const struct session *s, const struct score *sc,
                      int ai)
{
    if (!sc->areas[ai].scored)
        return 0;
    if (b->kind != BANK_SCALE)
        return 1;
    for (int i = 0; i < b->n_questions; i++)
        if (b->questions[i].area == ai && b->questions[i].scored && s->answers[i].answered)
            return 1;
    return 0;
}

int typsvar_benchmark(const struct typsvar *t, const char *id, const char *name,
                      const char *group, enum bench_kind kind, const char *source,
                      struct benchmark *out)
{
    const struct bank *b = t->b;
    memset(out, 0, sizeof *out);
    struct session *s;
    if (typsvar_session_new(t, name, GROUP_ANNAN, "2000-01-01", 0, &s))
        return KL_ENOMEM;
    struct score sc;
    int rc = score_compute(b, s, &sc);
    if (rc) {
        session_free(s);
        return rc;
    }
    size_t na = (size_t)(b->n_areas ? b->n_areas : 1);
    out->id = text_dup(id);
    out->name = text_dup(name);
    out->group = text_dup(group ? group : "");
    out->source = text_dup(source ? source : "");
    out->area_levels = malloc(na * sizeof *out->area_levels);
    out->area_below = malloc(na * sizeof *out->area_below);
    out->area_actions = malloc(na * sizeof *out->area_actions);
    if (out->id && out->name && out->group && out->source && out->area_levels &&
        out->area_below && out->area_actions) {
        out->kind = kind;
        out->level = sc.value;
        out->below = -1;
        out->actions = sc.actions;
        out->prov = PROV_RECONSTRUCTED;
        for (int lv = 0; lv <= BANK_MAX_LEVELS; lv++)
            out->areas_at_least[lv] = lv >= 1 && lv <= b->n_levels ? 0 : -1;
        for (int ai = 0; ai < b->n_areas; ai++) {
            int known = area_known(b, s, &sc, ai);
            out->area_levels[ai] = known ? sc.areas[ai].value : -1;
            out->area_below[ai] = -1;
            out->area_actions[ai] = sc.areas[ai].scored ? sc.areas[ai].actions : -1;
            for (int lv = 1; known && lv <= sc.areas[ai].level && lv <= b->n_levels; lv++)
                out->areas_at_least[lv]++;
        }
    } else {
        benchmark_clear(out);
        rc = KL_ENOMEM;
    }
    score_free(&sc);
    session_free(s);
    return rc;
}
