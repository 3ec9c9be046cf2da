/* summary.c: many sessions summarised per bank and actor group, and ranked by resultattal. */
#include "kollen/ops_summary.h"

#include <stdlib.h>
#include <string.h>

int ops_take(const struct ops_select *sel, struct ops_item *it, struct ops_tally *t,
             struct diags *d)
{
    for (size_t i = 0; i < it->d.n; i++)
        diags_add_text(d, it->d.v[i].file, it->d.v[i].line, it->d.v[i].is_warning,
                       it->d.v[i].msg);
    if (it->rc) {
        t->failed++;
        return 0;
    }
    if (it->other_bank) {
        t->other_bank++;
        return 0;
    }
    if (sel->group >= 0 && (int)it->ses->group != sel->group) {
        t->other_group++;
        return 0;
    }
    return 1;
}

/* --- summary --- */

/* A cohort per bank and group while the sessions stream by. */
struct slot {
    const struct bank *bank;
    enum actor_group group;
    struct cohort *c;
};

struct slots {
    struct slot *v;
    int n;
};

static struct cohort *cohort_for(struct slots *s, const struct bank *b, enum actor_group g,
                                 int names)
{
    for (int i = 0; i < s->n; i++)
        if (s->v[i].bank == b && s->v[i].group == g)
            return s->v[i].c;
    struct slot *v = realloc(s->v, (size_t)(s->n + 1) * sizeof *v);
    if (!v)
        return NULL;
    s->v = v;
    struct cohort *c = cohort_new(b, names);
    if (!c)
        return NULL;
    v[s->n++] = (struct slot){b, g, c};
    return c;
}

static void slots_free(struct slots *s)
{
    for (int i = 0; i < s->n; i++)
        cohort_free(s->v[i].c);
    free(s->v);
    s->v = NULL;
    s->n = 0;
}

struct sum_run {
    const struct ops_select *sel;
    struct slots slots;
    struct ops_tally tally;
    struct diags *d;
    int names;        /* cohorts keep names (rank) */
    int by_group;     /* one cohort per group (summary), else per bank (rank) */
    signed char *group; /* rank: each input's group */
};

static int add_item(void *ctx, struct ops_item *it)
{
    struct sum_run *r = ctx;
    if (!ops_take(r->sel, it, &r->tally, r->d))
        return KL_OK;
    enum actor_group g = r->by_group ? it->ses->group : GROUP_KOMMUN;
    struct cohort *c = cohort_for(&r->slots, it->bank, g, r->names);
    if (!c)
        return KL_ENOMEM;
    if (r->group)
        r->group[it->index] = (signed char)it->ses->group;
    return cohort_add(c, &it->sc, it->index, it->ses->organisation);
}

static int run(const struct ops_inputs *in, struct ops_banks *banks, struct sum_run *r)
{
    struct ops_run o = {0};
    o.bank_id = r->sel->bank_id;
    o.score = 1;
    o.lean = 1;
    o.threads = r->sel->threads;
    r->tally.files = in->n;
    return ops_many_each(in, banks, &o, add_item, r);
}

/* Where slot i goes: its bank's first slot (slots are made in reading order), then its group. */
static int slot_key(const struct slots *s, int i)
{
    int first = 0;
    while (s->v[first].bank != s->v[i].bank)
        first++;
    return first * 8 + (int)s->v[i].group;
}

/* The slots in output order: banks in the order first read, then the actor groups' order. */
static void sort_slots(struct slots *s)
{
    int key[64 * 8];
    if (s->n > 64 * 8)
        return;
    for (int i = 0; i < s->n; i++)
        key[i] = slot_key(s, i);
    for (int i = 1; i < s->n; i++) {
        struct slot t = s->v[i];
        int k = key[i], j = i;
        for (; j > 0 && key[j - 1] > k; j--) {
            s->v[j] = s->v[j - 1];
            key[j] = key[j - 1];
        }
        s->v[j] = t;
        key[j] = k;
    }
}

int ops_summary(const struct ops_inputs *in, struct ops_banks *banks, const struct ops_select *sel,
                int min_group, int names, struct ops_summary *out, struct diags *d)
{
    memset(out, 0, sizeof *out);
    out->min_group = min_group;
    struct sum_run r = {.sel = sel, .d = d, .by_group = 1, .names = names};
    int rc = run(in, banks, &r);
    out->tally = r.tally;
    sort_slots(&r.slots);
    if (!rc && r.slots.n && !(out->v = calloc((size_t)r.slots.n, sizeof *out->v)))
        rc = KL_ENOMEM;
    for (int i = 0; !rc && i < r.slots.n; i++) {
        struct ops_group_summary *g = &out->v[out->n++];
        g->bank = r.slots.v[i].bank;
        g->group = r.slots.v[i].group;
        g->n = cohort_count(r.slots.v[i].c);
        g->shown = g->n >= min_group;
        if (g->shown && (rc = cohort_summarise(r.slots.v[i].c, &g->sum)))
            g->shown = 0;
        if (names) { /* the summary's names are the cohort's */
            g->cohort = r.slots.v[i].c;
            r.slots.v[i].c = NULL;
        }
    }
    slots_free(&r.slots);
    if (rc)
        ops_summary_free(out);
    return rc;
}

void ops_summary_free(struct ops_summary *s)
{
    for (int i = 0; i < s->n; i++) {
        cohort_summary_free(&s->v[i].sum);
        cohort_free(s->v[i].cohort);
    }
    free(s->v);
    memset(s, 0, sizeof *s);
}

/* --- rank --- */

int ops_rank(const struct ops_inputs *in, struct ops_banks *banks, const struct ops_select *sel,
             int names, struct ops_rank *out, struct diags *d)
{
    memset(out, 0, sizeof *out);
    struct sum_run r = {.sel = sel, .d = d, .names = names};
    r.group = malloc((size_t)(in->n ? in->n : 1));
    if (!r.group)
        return KL_ENOMEM;
    memset(r.group, -1, (size_t)(in->n ? in->n : 1));
    int rc = run(in, banks, &r);
    out->tally = r.tally;
    out->group = r.group;
    if (!rc && r.slots.n && !(out->v = calloc((size_t)r.slots.n, sizeof *out->v)))
        rc = KL_ENOMEM;
    for (int i = 0; !rc && i < r.slots.n; i++) {
        struct ops_ranking *k = &out->v[out->n++];
        k->bank = r.slots.v[i].bank;
        k->cohort = r.slots.v[i].c;
        r.slots.v[i].c = NULL; /* the ranking owns it now */
        rc = cohort_rank(k->cohort, &k->v, &k->n);
    }
    slots_free(&r.slots);
    if (rc)
        ops_rank_free(out);
    return rc;
}

void ops_rank_free(struct ops_rank *r)
{
    for (int i = 0; i < r->n; i++) {
        free(r->v[i].v);
        cohort_free(r->v[i].cohort);
    }
    free(r->v);
    free(r->group);
    memset(r, 0, sizeof *r);
}
