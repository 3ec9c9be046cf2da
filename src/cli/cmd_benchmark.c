/* cmd_benchmark.c: `kollen benchmark`: a benchmark (typsvar) built from one's own sessions, in
 * the form of benchmarks.ini: on stdout, or added to a file (-o) that --benchmarks then reads;
 * with --session, the typ-organisation as a session too. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kollen/msg.h"
#include "kollen/ops_benchmark.h"
#include "many.h"
#include "report_msg.h"

struct bench_args {
    const char *group, *bank, *id, *name, *best, *out, *session, *min;
};

/* What was asked, checked; 0 or an exit code after a message. */
static int bench_spec(const struct cli *c, const struct bench_args *a, struct ops_bench_spec *sp)
{
    long best = 0;
    if (a->best && text_parse_int(a->best, 1, 1000000, &best)) {
        cli_error(c, M_CLI_BAD_NUMBER, "--best", a->best);
        return EXIT_USAGE;
    }
    if (!a->id || !a->name) {
        cli_error(c, M_CLI_MISSING_ARG, !a->id ? "--id" : "--name");
        return EXIT_USAGE;
    }
    sp->id = a->id;
    sp->name = a->name;
    sp->best = (int)best;
    sp->now = c->now;
    sp->date = NULL;
    return many_min_group(c, a->min, &sp->min_group);
}

/* Write what was built: stdout, or -o and --session. */
static int bench_out(const struct bench_args *a, const struct ops_bench *b,
                     struct diags *d)
{
    char t[1024];
    int rc = KL_OK;
    if (!a->out) {
        char *text = ops_bench_text(b);
        if (!text)
            return KL_ENOMEM;
        cli_put(text);
        free(text);
    } else if (!(rc = ops_bench_write(b, a->out, d))) {
        rep_msg_format(t, sizeof t, M_MANY_BENCH_WROTE, b->bm.id, b->members, a->out);
        cli_putf("%s\n", t);
        rep_msg_format(t, sizeof t, M_MANY_BENCH_USE, a->out, b->bm.id);
        cli_putf("%s\n", t);
    }
    if (!rc && a->session && !(rc = ops_bench_session(b, a->session, d))) {
        rep_msg_format(t, sizeof t, M_MANY_BENCH_SESSION, a->session, a->session);
        /* after the benchmark on stdout, as an INI comment, so stdout stays a benchmarks file */
        cli_putf("%s%s\n", a->out ? "" : "; ", t);
    }
    return rc;
}

int cmd_benchmark(const struct cli *c, int argc, char **argv)
{
    struct bench_args a = {0};
    const struct opt opts[] = {
        {"group", 1, &a.group, NULL, NULL}, {"bank", 1, &a.bank, NULL, NULL},
        {"id", 1, &a.id, NULL, NULL},       {"name", 1, &a.name, NULL, NULL},
        {"best", 1, &a.best, NULL, NULL},   {"o", 1, &a.out, NULL, NULL},
        {"session", 1, &a.session, NULL, NULL}, {"min-group", 1, &a.min, NULL, NULL},
        {NULL, 0, NULL, NULL, NULL},
    };
    struct many_args m;
    struct ops_select sel;
    struct ops_bench_spec spec;
    int rc = many_parse(c, argc, argv, opts, M_USAGE_cmd_benchmark, &m);
    if (!rc)
        rc = many_select(c, a.group, a.bank, 1, &sel);
    if (!rc)
        rc = bench_spec(c, &a, &spec);
    char date[16];
    text_format_date(c->now, date, sizeof date);
    spec.date = date;
    if (!rc)
        rc = many_load(c, &m);
    if (!rc) {
        struct diags d;
        diags_init(&d);
        struct ops_bench b;
        int orc = ops_benchmark(&m.in, m.banks, &sel, &spec, &b, &d);
        if (!orc) {
            orc = bench_out(&a, &b, &d);
            rc = many_exit(c, orc, &d, &b.tally, &m.in);
            ops_bench_free(&b);
        } else {
            rc = many_exit(c, orc, &d, NULL, &m.in);
        }
        diags_free(&d);
    }
    many_args_free(&m);
    return rc;
}
