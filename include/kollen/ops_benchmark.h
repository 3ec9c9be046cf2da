/* ops_benchmark.h: a benchmark built from one's own sessions (`kollen benchmark`): the
 * typ-organisation of an actor group, or of its N best by resultattal (kollen's typsvar method,
 * kollen/typsvar.h), as a [benchmark.ID] of benchmarks.ini that check, plan and report then use
 * like a published one, and as a synthetic session to diff against. */
#ifndef KOLLEN_OPS_BENCHMARK_H
#define KOLLEN_OPS_BENCHMARK_H

#include <stdint.h>

#include "kollen/ops_summary.h"

struct ops_bench_spec {
    const char *id;   /* a-z, 0-9, '-', '_' and '.', as in benchmarks.ini */
    const char *name; /* one line */
    int best;         /* 0: the whole group; N: its N best by resultattal */
    int min_group;    /* refuse a typ-organisation of fewer sessions than this */
    const char *date; /* the synthetic session's date (YYYY-MM-DD) */
    int64_t now;
};

struct ops_bench {
    const struct bank *bank;
    struct benchmark bm;
    struct session *typ; /* the typ-organisation as a session */
    int group_n;         /* sessions of the group */
    int members;         /* sessions the typ-organisation was built from */
    struct ops_tally tally;
};

/* Build the benchmark of the sessions of in that sel takes (sel->group must name a group).
 * Refused with the reason in d (KL_EUSAGE): a bad id or name, sessions of several banks
 * without sel->bank_id, no session of the group, fewer members than spec->min_group (the
 * typ-organisation of a few would show their answers). Files that cannot be read are counted
 * and named in d. KL_OK, KL_EUSAGE or KL_ENOMEM. Free with ops_bench_free. */
int ops_benchmark(const struct ops_inputs *in, struct ops_banks *banks, const struct ops_select *sel,
                  const struct ops_bench_spec *spec, struct ops_bench *out, struct diags *d);
void ops_bench_free(struct ops_bench *b);

/* The benchmark as benchmarks.ini text: a comment saying how it was built, then its section. */
char *ops_bench_text(const struct ops_bench *b);
/* Add the benchmark to the file at path (created 0600 when missing, otherwise it must read as a
 * benchmarks file for the bank and not hold the id already); written atomically. KL_OK, or
 * the load's or save's code with the reason in d; the file is as it was on failure. */
int ops_bench_write(const struct ops_bench *b, const char *path, struct diags *d);
/* The typ-organisation as a new session file at path (never replacing one). */
int ops_bench_session(const struct ops_bench *b, const char *path, struct diags *d);

#endif
