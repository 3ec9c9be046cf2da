/* cmd_plan.c: `kollen plan`: what the organisation must still do to reach a target. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kollen/msg.h"
#include "report.h"

int cmd_plan(const struct cli *c, int argc, char **argv)
{
    const char *target = "next", *format = "text";
    int json = 0;
    const struct opt opts[] = {
        {"target", 1, &target, NULL, NULL},
        {"format", 1, &format, NULL, NULL},
        {"json", 0, NULL, &json, NULL},
        {NULL, 0, NULL, NULL, NULL},
    };
    char *joined;
    int nargc;
    char **nargv = plan_join_target(argc, argv, &nargc, &joined);
    if (!nargv) {
        cli_error(c, M_SES_NO_MEMORY);
        return EXIT_DATA;
    }
    const char *pos[1];
    int np;
    int rc = cli_parse(c, nargc, nargv, opts, pos, 1, &np, msg(M_PLAN_USAGE));
    struct plan_spec spec;
    if (!rc && np < 1) {
        cli_error(c, M_CLI_MISSING_ARG, "SESSION");
        rc = EXIT_USAGE;
    }
    if (!rc && plan_spec_parse(target, &spec)) {
        cli_error(c, M_PLAN_BAD_SPEC, target);
        rc = EXIT_USAGE;
    }
    if (json)
        format = "json";
    int fmt = !strcmp(format, "text") ? 0 : !strcmp(format, "md") ? 1 : !strcmp(format, "json") ? 2 : -1;
    if (!rc && fmt < 0) {
        cli_error(c, M_REP_BAD_FORMAT, format, "text, md, json");
        rc = EXIT_USAGE;
    }
    char *path = rc ? NULL : cli_session_path(c, pos[0]);
    struct bank *b = NULL;
    struct session *s = NULL;
    if (!rc && (!path || (rc = cli_open(c, path, &b, &s))))
        rc = rc ? rc : EXIT_DATA;
    if (rc)
        goto out;

    struct plan p;
    struct diags d;
    diags_init(&d);
    int prc = plan_compute(b, s, &spec, &p, &d);
    cli_diags(c, &d);
    diags_free(&d);
    if (prc) {
        rc = cli_exit_for(prc == KL_EUSAGE ? KL_EDATA : prc);
        goto out;
    }
    struct sbuf o;
    sbuf_init(&o);
    struct sbuf goal;
    sbuf_init(&goal);
    plan_goal_text(&goal, b, &p);
    char title[1024];
    msg_format(title, sizeof title, M_PLAN_TITLE, goal.p ? goal.p : "");
    if (fmt == 2) {
        struct json j;
        json_init(&j, &o);
        json_begin(&j, '{');
        json_key(&j, "bank");
        json_str(&j, b->id);
        json_key(&j, "organisation");
        json_str(&j, s->organisation);
        json_key(&j, "group");
        json_str(&j, group_name(s->group));
        json_key(&j, "plan");
        plan_json(&j, b, &p);
        json_end(&j, '}');
        if (o.p)
            fputs(o.p, stdout);
    } else if (fmt == 1) {
        sbuf_add(&o, "# ");
        md_escape(&o, title, 0, NULL);
        sbuf_add(&o, "\n\n");
        sbuf_addf(&o, "%s: ", msg(M_REP_ORGANISATION));
        md_escape(&o, s->organisation, 0, NULL);
        sbuf_add(&o, " (");
        md_escape(&o, group_name(s->group), 0, NULL);
        sbuf_add(&o, ")  \n");
        md_escape(&o, b->name, 0, NULL);
        sbuf_add(&o, " · ");
        md_escape(&o, s->date, 0, NULL);
        sbuf_add(&o, "  \n");
        plan_render_md(&o, b, &p, 2);
        if (o.p)
            fputs(o.p, stdout); /* escaped: no control characters left */
    } else {
        sbuf_addf(&o, "%s · %s · %s · %s\n%s\n", s->organisation, group_name(s->group), b->name,
                  s->date, title);
        plan_render_text(&o, b, &p, c->utf8);
        if (o.p)
            cli_put(o.p);
    }
    if (o.oom) {
        cli_error(c, M_SES_NO_MEMORY);
        rc = EXIT_DATA;
    }
    sbuf_free(&o);
    sbuf_free(&goal);
    plan_free(&p);
out:
    session_free(s);
    bank_free(b);
    free(path);
    free(nargv);
    free(joined);
    return rc;
}
