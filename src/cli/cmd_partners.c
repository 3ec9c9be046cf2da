/* cmd_partners.c: `kollen partners`: for each question that keeps a session from its next
 * level, how many of the other sessions have it in place, and with --names which. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kollen/fmt.h"
#include "kollen/msg.h"
#include "kollen/ops_partners.h"
#include "many.h"
#include "report_msg.h"

static void partners_text(struct sbuf *o, const struct ops_partners *r, const char *for_arg,
                          int names, int utf8)
{
    const struct bank *b = r->bank;
    char t[1024];
    struct sbuf lv;
    sbuf_init(&lv);
    fmt_level(&lv, b, r->sc.level, r->sc.value, FMT_LEVEL_TITLE);
    if (!r->p.level)
        rep_msg_format(t, sizeof t, M_MANY_PARTNERS_TOP, for_arg);
    else
        rep_msg_format(t, sizeof t, M_MANY_PARTNERS_HEAD, for_arg, lv.p ? lv.p : "",
                       r->p.n_needs, r->p.level, r->p.compared);
    sbuf_addf(o, "%s\n", t);
    if (r->p.skipped) {
        rep_msg_format(t, sizeof t, M_MANY_PARTNERS_OWN, r->p.skipped);
        sbuf_addf(o, "(%s)\n", t);
    }
    sbuf_free(&lv);
    for (int i = 0; i < r->p.n_needs; i++) {
        const struct partner_need *n = &r->p.needs[i];
        const struct question *q = &b->questions[n->question];
        struct sbuf text;
        sbuf_init(&text);
        text_truncate(&text, q->text, 72, utf8);
        sbuf_addf(o, "\n%s %d · %s\n  %s\n  ", msg(M_W_QUESTION), q->number,
                  b->areas[q->area].name, text.p ? text.p : "");
        score_missing_text(o, q, &n->missing);
        rep_msg_format(t, sizeof t, M_MANY_PARTNERS_HAVE, n->have, r->p.compared);
        sbuf_addf(o, "\n  %s\n", t);
        for (int k = 0; names && k < n->have; k++)
            sbuf_addf(o, "    %s\n", r->names[n->ids[k]] ? r->names[n->ids[k]] : "?");
        sbuf_free(&text);
    }
}

int cmd_partners(const struct cli *c, int argc, char **argv)
{
    int names = 0;
    const char *for_arg = NULL;
    const struct opt opts[] = {
        {"for", 1, &for_arg, NULL, NULL},
        {"names", 0, NULL, &names, NULL},
        {NULL, 0, NULL, NULL, NULL},
    };
    struct many_args m;
    int rc = many_parse(c, argc, argv, opts, M_USAGE_cmd_partners, &m);
    if (!rc && !for_arg) {
        cli_error(c, M_CLI_MISSING_ARG, "--for");
        rc = EXIT_USAGE;
    }
    if (!rc)
        rc = many_inputs(c, m.pos, m.np, &m.in);
    char *path = rc ? NULL : cli_session_path(c, for_arg);
    if (!rc && !(path && (m.banks = many_banks(c))))
        rc = EXIT_DATA;
    if (!rc) {
        struct diags d;
        diags_init(&d);
        struct ops_partners r;
        int orc = ops_partners(&m.in, m.banks, path, names, 0, &r, &d);
        if (!orc) {
            struct sbuf o;
            sbuf_init(&o);
            partners_text(&o, &r, for_arg, names, c->utf8);
            if (o.p)
                cli_put(o.p);
            sbuf_free(&o);
            rc = many_exit(c, orc, &d, &r.tally, &m.in);
            ops_partners_free(&r);
        } else {
            rc = many_exit(c, orc, &d, NULL, &m.in);
        }
        diags_free(&d);
    }
    free(path);
    many_args_free(&m);
    return rc;
}
