/* cmd_report.c: `kollen report`: the workshop's result for the management team, as Markdown,
 * one self-contained HTML file or CSV; to stdout or, with -o, written atomically (0600). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "kollen/msg.h"
#include "kollen/store.h"
#include "report.h"

enum { FMT_MD, FMT_HTML, FMT_CSV, FMT_XLSX };

static int format_of(const char *f)
{
    if (!strcmp(f, "md") || !strcmp(f, "markdown"))
        return FMT_MD;
    if (!strcmp(f, "html"))
        return FMT_HTML;
    if (!strcmp(f, "csv"))
        return FMT_CSV;
    if (!strcmp(f, "xlsx"))
        return FMT_XLSX;
    return -1;
}

/* Without --format, the output file's extension decides (report.html, report.csv). */
static const char *format_from_path(const char *path)
{
    const char *dot = path ? strrchr(path, '.') : NULL;
    if (dot && (!strcmp(dot, ".html") || !strcmp(dot, ".htm")))
        return "html";
    if (dot && !strcmp(dot, ".csv"))
        return "csv";
    if (dot && !strcmp(dot, ".xlsx"))
        return "xlsx";
    return "md";
}

/* The report written to out (atomically, 0600) or to stdout ("-" or none). */
static int write_out(const struct cli *c, const char *out, const struct sbuf *o)
{
    if (o->oom) {
        cli_core_error(c, M_SES_NO_MEMORY);
        return EXIT_DATA;
    }
    if (!out || !strcmp(out, "-")) {
        if (o->p) /* every user text in o is escaped and sanitised for its format */
            fwrite(o->p, 1, o->len, stdout);
        return EXIT_FINE;
    }
    struct diags d;
    diags_init(&d);
    int rc = store_write_atomic(out, o->p ? o->p : "", o->len, 0, &d);
    cli_diags(c, &d);
    diags_free(&d);
    if (rc)
        return cli_exit_for(rc);
    char line[1200];
    rep_msg_format(line, sizeof line, M_REP_WROTE, out, o->len);
    char *clean = text_sanitize_dup(line, 0);
    fprintf(stderr, "%s: %s\n", c->prog, clean ? clean : "");
    free(clean);
    return EXIT_FINE;
}

/* What `kollen report` was asked for besides the session. */
struct report_args {
    int fmt;
    const char *out;
    const char *since; /* the workshop before, or NULL */
    struct report_opts ro;
};

/* The report's data: the session's, the workshop before it (--since) and the companion session
 * it names (Cybersäkerhetskollen). 0, or an exit code with the problems printed. */
static int gather(const struct cli *c, const struct workshop *w, const struct report_args *a,
                  struct ops_report *r)
{
    struct diags d;
    diags_init(&d);
    int rc = ops_report_gather(r, w->bank, w->ses, &d);
    char *old = !rc && a->since ? cli_session_path(c, a->since) : NULL;
    if (!rc && a->since && !old)
        rc = KL_ENOMEM;
    if (!rc && old)
        rc = ops_report_since(r, old, w->path, c->questions_dir, &d);
    if (!rc)
        rc = ops_report_companion(r, w->path, c->questions_dir, &d);
    cli_diags(c, &d);
    diags_free(&d);
    free(old);
    if (rc)
        ops_report_free(r);
    return rc ? cli_exit_for(rc) : 0;
}

static int report(const struct cli *c, const struct workshop *w, const struct report_args *a)
{
    struct ops_report r;
    int rc = gather(c, w, a, &r);
    if (rc)
        return rc;
    struct sbuf o;
    sbuf_init(&o);
    if (a->fmt == FMT_MD)
        report_md(&o, &r, &a->ro);
    else if (a->fmt == FMT_HTML)
        report_html(&o, &r, &a->ro);
    else if (a->fmt == FMT_CSV)
        report_csv(&o, &r, &a->ro);
    char why[512] = "";
    if (a->fmt == FMT_XLSX && report_xlsx(&o, &r, &a->ro, why, sizeof why)) {
        cli_error(c, M_CLI_REPORT_FAILED, why);
        rc = EXIT_DATA;
    } else {
        rc = write_out(c, a->out, &o);
    }
    sbuf_free(&o);
    ops_report_free(&r);
    return rc;
}

/* A marking is one line of at most REPORT_MARKING_MAX bytes of UTF-8. */
#define REPORT_MARKING_MAX 100

static int check_marking(const struct cli *c, const char *m)
{
    struct diags d;
    diags_init(&d);
    int rc = m ? session_check_text(m, REPORT_MARKING_MAX, 0, &d) : KL_OK;
    if (rc) {
        const struct diag *g = diags_first_error(&d);
        cli_error(c, M_CLI_BAD_MARKING, REPORT_MARKING_MAX, g ? g->msg : "");
    }
    diags_free(&d);
    return rc ? EXIT_USAGE : 0;
}

int cmd_report(const struct cli *c, int argc, char **argv)
{
    const char *format = NULL, *out = NULL;
    struct report_args a = {0};
    const struct opt opts[] = {
        {"format", 1, &format, NULL, NULL},
        {"o", 1, &out, NULL, NULL},
        {"output", 1, &out, NULL, NULL},
        {"since", 1, &a.since, NULL, NULL},
        {"marking", 1, &a.ro.marking, NULL, NULL},
        {NULL, 0, NULL, NULL, NULL},
    };
    const char *pos[1];
    int np;
    int rc = cli_parse(c, argc, argv, opts, pos, 1, &np, M_USAGE_cmd_report);
    if (rc)
        return rc;
    if (np < 1) {
        cli_error(c, M_CLI_MISSING_ARG, "SESSION");
        return EXIT_USAGE;
    }
    if (!format)
        format = format_from_path(out);
    int fmt = format_of(format);
    if (fmt < 0) {
        cli_error(c, M_CLI_BAD_FORMAT, format, "md, html, csv, xlsx");
        return EXIT_USAGE;
    }
    if (fmt == FMT_XLSX && (!out || !strcmp(out, "-")) && isatty(STDOUT_FILENO)) {
        cli_error(c, M_CLI_XLSX_TTY);
        return EXIT_USAGE;
    }
    if ((rc = check_marking(c, a.ro.marking)))
        return rc;
    a.fmt = fmt;
    a.out = out;
    a.ro.now = c->now;
    char *path = cli_session_path(c, pos[0]);
    struct workshop *w = NULL;
    rc = path ? cli_open(c, path, &w) : EXIT_DATA;
    if (!rc)
        rc = report(c, w, &a);
    ops_close(w);
    free(path);
    return rc;
}
