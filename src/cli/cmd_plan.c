/* cmd_plan.c: `kollen plan`: what the organisation must still do to reach a target. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kollen/msg.h"
#include "kollen/ops_plan.h"
#include "report.h"

enum { FMT_TEXT, FMT_MD, FMT_JSON };

static void print_json(struct sbuf *o, const struct workshop *w, const struct plan *p)
{
    struct json j;
    json_init(&j, o);
    json_begin(&j, '{');
    json_kstr(&j, "bank", w->bank->id);
    json_kstr(&j, "organisation", w->ses->organisation);
    json_kstr(&j, "group", group_name(w->ses->group));
    json_key(&j, "plan");
    plan_json(&j, w->bank, w->ses, p);
    json_end(&j, '}');
    if (o->p)
        fputs(o->p, stdout);
}

static void print_md(struct sbuf *o, const struct workshop *w, const struct plan *p,
                     const char *title)
{
    const struct bank *b = w->bank;
    const struct session *s = w->ses;
    sbuf_add(o, "# ");
    md_escape(o, title, 0, NULL);
    sbuf_add(o, "\n\n");
    sbuf_addf(o, "%s: ", rep_msg(M_REP_ORGANISATION));
    md_escape(o, s->organisation, 0, NULL);
    sbuf_add(o, " (");
    md_escape(o, group_name(s->group), 0, NULL);
    sbuf_add(o, ")  \n");
    md_escape(o, b->name, 0, NULL);
    sbuf_add(o, " · ");
    md_escape(o, s->date, 0, NULL);
    sbuf_add(o, "  \n");
    plan_render_md(o, b, s, p, 2);
    if (o->p)
        fputs(o->p, stdout); /* escaped: no control characters left */
}

static int print(const struct cli *c, const struct workshop *w, const struct plan *p, int fmt)
{
    const struct bank *b = w->bank;
    const struct session *s = w->ses;
    struct sbuf o, goal;
    sbuf_init(&o);
    sbuf_init(&goal);
    plan_goal_text(&goal, b, p);
    char title[1024];
    msg_format(title, sizeof title, M_PLAN_TITLE, goal.p ? goal.p : "");
    if (fmt == FMT_JSON) {
        print_json(&o, w, p);
    } else if (fmt == FMT_MD) {
        print_md(&o, w, p, title);
    } else {
        sbuf_addf(&o, "%s · %s · %s · %s\n%s\n", s->organisation, group_name(s->group), b->name,
                  s->date, title);
        plan_render_text(&o, b, s, p, c->utf8);
        if (o.p)
            cli_put(o.p);
    }
    int rc = EXIT_FINE;
    if (o.oom || goal.oom) {
        cli_core_error(c, M_SES_NO_MEMORY);
        rc = EXIT_DATA;
    }
    sbuf_free(&o);
    sbuf_free(&goal);
    return rc;
}

static int plan(const struct cli *c, const char *arg, const struct plan_spec *spec, int fmt)
{
    char *path = cli_session_path(c, arg);
    struct workshop *w = NULL;
    int rc = path ? cli_open(c, path, &w) : EXIT_DATA;
    if (!rc) {
        struct plan p;
        struct diags d;
        diags_init(&d);
        int prc = ops_plan(w->bank, w->ses, spec, &p, &d);
        cli_diags(c, &d);
        diags_free(&d);
        rc = prc ? cli_exit_for(prc) : print(c, w, &p, fmt);
        if (!prc)
            plan_free(&p);
    }
    ops_close(w);
    free(path);
    return rc;
}

int cmd_plan(const struct cli *c, int argc, char **argv)
{
    const char *target = OPS_PLAN_DEFAULT, *format = "text";
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
        cli_core_error(c, M_SES_NO_MEMORY);
        return EXIT_DATA;
    }
    const char *pos[1];
    int np;
    int rc = cli_parse(c, nargc, nargv, opts, pos, 1, &np, M_USAGE_cmd_plan);
    struct plan_spec spec;
    if (!rc && np < 1) {
        cli_error(c, M_CLI_MISSING_ARG, "SESSION");
        rc = EXIT_USAGE;
    }
    struct diags d;
    diags_init(&d);
    if (!rc && ops_plan_target(target, &spec, &d)) {
        cli_diags(c, &d);
        rc = EXIT_USAGE;
    }
    diags_free(&d);
    if (json)
        format = "json";
    int fmt = !strcmp(format, "text")   ? FMT_TEXT
              : !strcmp(format, "md")   ? FMT_MD
              : !strcmp(format, "json") ? FMT_JSON
                                        : -1;
    if (!rc && fmt < 0) {
        cli_error(c, M_CLI_BAD_FORMAT, format, "text, md, json");
        rc = EXIT_USAGE;
    }
    if (!rc)
        rc = plan(c, pos[0], &spec, fmt);
    free(nargv);
    free(joined);
    return rc;
}
