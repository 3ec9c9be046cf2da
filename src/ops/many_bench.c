/* many_bench.c: a benchmark built from one's own sessions: the typ-organisation of a group, or
 * of its N best (two passes: rank them all, then count the N best's answers). */
#include "kollen/ops_benchmark.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kollen/msg.h"
#include "kollen/ops_msg.h"
#include "kollen/store.h"
#include "kollen/text.h"
#include "kollen/typsvar.h"

#define PASS_BANKS 16

static int id_ok(const char *id)
{
    if (!id || !*id || strlen(id) > 64)
        return 0;
    for (const char *p = id; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || strchr("-_.", *p)))
            return 0;
    return 1;
}

/* What one pass over the sessions gathers, per bank (the group may span banks: refused after). */
struct pass {
    const struct ops_select *sel;
    int ranking; /* the first pass of --best: cohorts; otherwise typsvar */
    struct ops_tally tally;
    struct diags *d;
    const struct bank *bank[PASS_BANKS];
    struct cohort *cohort[PASS_BANKS];
    struct typsvar *typ[PASS_BANKS];
    int n[PASS_BANKS];
    int banks;
};

static int slot(struct pass *p, const struct bank *b)
{
    for (int k = 0; k < p->banks; k++)
        if (p->bank[k] == b)
            return k;
    if (p->banks == PASS_BANKS)
        return -1;
    int k = p->banks;
    if (p->ranking ? !(p->cohort[k] = cohort_new(b, 0)) : !(p->typ[k] = typsvar_new(b)))
        return -2;
    p->bank[k] = b;
    p->banks++;
    return k;
}

static int take(void *ctx, struct ops_item *it)
{
    struct pass *p = ctx;
    if (!ops_take(p->sel, it, &p->tally, p->d))
        return KL_OK;
    int k = slot(p, it->bank);
    if (k == -2)
        return KL_ENOMEM;
    if (k < 0) /* more banks than anyone mixes: refused after the pass anyway */
        return KL_OK;
    p->n[k]++;
    if (p->ranking)
        return cohort_add(p->cohort[k], &it->sc, it->index, NULL);
    return typsvar_add(p->typ[k], it->ses);
}

static void pass_free(struct pass *p)
{
    for (int k = 0; k < p->banks; k++) {
        cohort_free(p->cohort[k]);
        typsvar_free(p->typ[k]);
    }
}

static int run(const struct ops_inputs *in, struct ops_banks *banks, struct pass *p,
               const char *bank_id, const unsigned char *only)
{
    struct ops_run r = {0};
    r.bank_id = bank_id;
    r.only = only;
    r.score = p->ranking;
    r.threads = p->sel->threads;
    p->tally.files = in->n;
    return ops_many_each(in, banks, &r, take, p);
}

/* After a pass: one bank, enough sessions. KL_OK, or KL_EUSAGE with the reason in d. */
static int check_pass(const struct pass *p, const struct ops_select *sel, struct diags *d)
{
    const char *g = group_name((enum actor_group)sel->group);
    if (p->banks > 1) {
        ops_diag(d, M_OPS_MANY_BANKS, p->bank[0]->id, p->bank[1]->id);
        return KL_EUSAGE;
    }
    if (!p->banks) {
        ops_diag(d, M_OPS_BENCH_NONE, g);
        return KL_EUSAGE;
    }
    return KL_OK;
}

/* The N best of the first pass as a mask over the inputs. */
static int best_mask(const struct pass *p, int best, int n_inputs, unsigned char **mask,
                     int *members)
{
    int *ids, n;
    int rc = cohort_best(p->cohort[0], best, &ids, &n);
    if (rc)
        return rc;
    *mask = calloc((size_t)(n_inputs ? n_inputs : 1), 1);
    if (!*mask) {
        free(ids);
        return KL_ENOMEM;
    }
    for (int i = 0; i < n; i++)
        (*mask)[ids[i]] = 1;
    *members = n;
    free(ids);
    return KL_OK;
}

static int build(struct ops_bench *out, const struct pass *p, const struct ops_select *sel,
                 const struct ops_bench_spec *spec)
{
    char source[400];
    const char *g = group_name((enum actor_group)sel->group);
    if (spec->best)
        ops_msg_format(source, sizeof source, M_OPS_BENCH_SOURCE_BEST, out->members, out->group_n,
                       g);
    else
        ops_msg_format(source, sizeof source, M_OPS_BENCH_SOURCE, out->members, g);
    enum bench_kind kind = !spec->best ? BENCH_TYPSVAR : spec->best == 30 ? BENCH_BEST30
                                                                          : BENCH_SUBSET;
    int rc = typsvar_benchmark(p->typ[0], spec->id, spec->name, g, kind, source, &out->bm);
    if (!rc)
        rc = typsvar_session_new(p->typ[0], spec->name, (enum actor_group)sel->group, spec->date,
                                 spec->now, &out->typ);
    if (!rc && session_set_summary(out->typ, source, NULL) != KL_OK)
        rc = KL_ENOMEM;
    return rc;
}

static int check_spec(const struct ops_select *sel, const struct ops_bench_spec *spec,
                      struct diags *d)
{
    if (!id_ok(spec->id)) {
        ops_diag(d, M_OPS_BENCH_BAD_ID, spec->id ? spec->id : "");
        return KL_EUSAGE;
    }
    if (!spec->name || !*spec->name) {
        ops_diag(d, M_OPS_BENCH_NO_NAME);
        return KL_EUSAGE;
    }
    if (sel->group < 0)
        return KL_EUSAGE;
    return session_check_text(spec->name, SESSION_FIELD_MAX, 0, d);
}

int ops_benchmark(const struct ops_inputs *in, struct ops_banks *banks, const struct ops_select *sel,
                  const struct ops_bench_spec *spec, struct ops_bench *out, struct diags *d)
{
    memset(out, 0, sizeof *out);
    int rc = check_spec(sel, spec, d);
    if (rc)
        return rc;
    struct pass first = {.sel = sel, .ranking = spec->best > 0, .d = d};
    rc = run(in, banks, &first, sel->bank_id, NULL);
    out->tally = first.tally;
    if (!rc)
        rc = check_pass(&first, sel, d);
    struct pass second = {.sel = sel, .d = d};
    unsigned char *mask = NULL;
    if (!rc) {
        out->bank = first.bank[0];
        out->group_n = out->members = first.n[0];
    }
    if (!rc && bank_find_benchmark(out->bank, spec->id)) {
        ops_diag(d, M_OPS_BENCH_PUBLISHED, spec->id, out->bank->id);
        rc = KL_EUSAGE;
    }
    if (!rc && spec->best)
        rc = best_mask(&first, spec->best, in->n, &mask, &out->members);
    if (!rc && spec->best)
        rc = run(in, banks, &second, out->bank->id, mask);
    const struct pass *built = spec->best ? &second : &first;
    if (!rc && out->members < spec->min_group) {
        ops_diag(d, M_OPS_BENCH_FEW, out->members, group_name((enum actor_group)sel->group),
                 spec->min_group);
        rc = KL_EUSAGE;
    }
    if (!rc && built->banks != 1)
        rc = KL_EDATA; /* the files changed between the passes */
    if (!rc)
        rc = build(out, built, sel, spec);
    free(mask);
    pass_free(&first);
    pass_free(&second);
    if (rc)
        ops_bench_free(out);
    return rc;
}

void ops_bench_free(struct ops_bench *b)
{
    benchmark_clear(&b->bm);
    session_free(b->typ);
    memset(b, 0, sizeof *b);
}

char *ops_bench_text(const struct ops_bench *b)
{
    char *section = benchmark_format(b->bank, &b->bm);
    if (!section)
        return NULL;
    struct sbuf o;
    sbuf_init(&o);
    char head[300];
    ops_msg_format(head, sizeof head, M_OPS_BENCH_FILE_HEAD, b->bank->id);
    sbuf_addf(&o, "; %s\n", head);
    sbuf_add(&o, section);
    free(section);
    return sbuf_take(&o);
}

/* The bytes of the file at path, or "" when it does not exist. */
static int existing(const char *path, char **buf, size_t *n, struct diags *d)
{
    if (access(path, F_OK) != 0) {
        *n = 0;
        return (*buf = text_dup("")) ? KL_OK : KL_ENOMEM;
    }
    return store_read_file(path, buf, n, d);
}

int ops_bench_write(const struct ops_bench *b, const char *path, struct diags *d)
{
    char *old = NULL;
    size_t n = 0;
    int rc = existing(path, &old, &n, d);
    if (rc)
        return rc;
    if (n) {
        /* it must read as a benchmarks file of the bank, without this id, before it grows */
        struct bank copy = *b->bank;
        copy.benchmarks = NULL;
        copy.n_benchmarks = 0;
        rc = bank_add_benchmarks(&copy, path, d);
        for (int i = 0; i < copy.n_benchmarks; i++) {
            if (!strcmp(copy.benchmarks[i].id, b->bm.id)) {
                diags_add(d, path, copy.benchmarks[i].line, M_BANK_BENCH_DUP, b->bm.id, path);
                rc = KL_EUSAGE;
            }
            benchmark_clear(&copy.benchmarks[i]);
        }
        free(copy.benchmarks);
    }
    char *section = rc ? NULL : n ? benchmark_format(b->bank, &b->bm) : ops_bench_text(b);
    struct sbuf o;
    sbuf_init(&o);
    if (!rc && !section)
        rc = KL_ENOMEM;
    if (!rc) {
        sbuf_addn(&o, old, n);
        if (n && old[n - 1] != '\n')
            sbuf_addc(&o, '\n');
        sbuf_add(&o, n ? "\n" : "");
        sbuf_add(&o, section);
        rc = o.oom ? KL_ENOMEM : store_write_atomic(path, o.p, o.len, 0, d);
    }
    sbuf_free(&o);
    free(section);
    free(old);
    return rc;
}

int ops_bench_session(const struct ops_bench *b, const char *path, struct diags *d)
{
    return session_save(path, b->bank, b->typ, 1, d);
}
