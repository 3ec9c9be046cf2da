/* cmd_report.c: `kollen report`: the workshop's result for the management team, as Markdown,
 * one self-contained HTML file or CSV; to stdout or, with -o, written atomically (0600). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kollen/msg.h"
#include "kollen/store.h"
#include "report.h"

enum { FMT_MD, FMT_HTML, FMT_CSV };

static int format_of(const char *f)
{
    if (!strcmp(f, "md") || !strcmp(f, "markdown"))
        return FMT_MD;
    if (!strcmp(f, "html"))
        return FMT_HTML;
    if (!strcmp(f, "csv"))
        return FMT_CSV;
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
    return "md";
}

int cmd_report(const struct cli *c, int argc, char **argv)
{
    const char *format = NULL, *out = NULL;
    const struct opt opts[] = {
        {"format", 1, &format, NULL, NULL},
        {"o", 1, &out, NULL, NULL},
        {"output", 1, &out, NULL, NULL},
        {NULL, 0, NULL, NULL, NULL},
    };
    const char *pos[1];
    int np;
    int rc = cli_parse(c, argc, argv, opts, pos, 1, &np, msg(M_REP_USAGE));
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
        cli_error(c, M_REP_BAD_FORMAT, format, "md, html, csv");
        return EXIT_USAGE;
    }
    char *path = cli_session_path(c, pos[0]);
    if (!path)
        return EXIT_DATA;
    struct bank *b;
    struct session *s;
    if ((rc = cli_open(c, path, &b, &s))) {
        free(path);
        return rc;
    }
    struct diags d;
    diags_init(&d);
    struct report r;
    int grc = report_gather(&r, c, b, s, &d);
    if (grc) {
        cli_diags(c, &d);
        rc = cli_exit_for(grc == KL_EUSAGE ? KL_EDATA : grc);
    } else {
        struct sbuf o;
        sbuf_init(&o);
        if (fmt == FMT_MD)
            report_md(&o, &r);
        else if (fmt == FMT_HTML)
            report_html(&o, &r);
        else
            report_csv(&o, &r);
        if (o.oom) {
            cli_error(c, M_SES_NO_MEMORY);
            rc = EXIT_DATA;
        } else if (out && strcmp(out, "-")) {
            int wrc = store_write_atomic(out, o.p ? o.p : "", o.len, 0, &d);
            cli_diags(c, &d);
            if (wrc) {
                rc = cli_exit_for(wrc == KL_EUSAGE ? KL_EDATA : wrc);
            } else {
                char line[1200];
                msg_format(line, sizeof line, M_REP_WROTE, out, o.len);
                fprintf(stderr, "%s: ", c->prog);
                char *clean = text_sanitize_dup(line, 0);
                fprintf(stderr, "%s\n", clean ? clean : "");
                free(clean);
            }
        } else if (o.p) {
            /* every user text in o is escaped and sanitised for its format */
            fwrite(o.p, 1, o.len, stdout);
        }
        sbuf_free(&o);
        report_release(&r);
    }
    diags_free(&d);
    session_free(s);
    bank_free(b);
    free(path);
    return rc;
}
