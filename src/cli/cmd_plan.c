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

/* --- tracking a step between workshops: --assign Q NAME, --due DATE, --status Q STATUS --- */

struct track {
    const char *assign_q, *owner; /* --assign */
    const char *status_q, *status; /* --status */
    const char *due;
    int any;
};

/* Take the tracking options out of argv (they take two values, which the option table does
 * not do); the rest stays for cli_parse. 0, or a usage error printed. */
static int take_track(const struct cli *c, int *argc, char **argv, struct track *t)
{
    memset(t, 0, sizeof *t);
    int n = 1;
    for (int i = 1; i < *argc; i++) {
        const char *a = argv[i];
        int two = !strcmp(a, "--assign") || !strcmp(a, "--status");
        if (!strcmp(a, "--")) { /* the rest is positional */
            while (i < *argc)
                argv[n++] = argv[i++];
            break;
        }
        if (!two && strcmp(a, "--due")) {
            argv[n++] = argv[i];
            continue;
        }
        if (i + (two ? 2 : 1) >= *argc) {
            cli_error(c, !strcmp(a, "--assign") ? M_CLI_TRACK_ARGS_ASSIGN
                         : two                    ? M_CLI_TRACK_ARGS_STATUS
                                                  : M_CLI_TRACK_ARGS_DUE);
            return EXIT_USAGE;
        }
        t->any = 1;
        if (!strcmp(a, "--assign")) {
            t->assign_q = argv[++i];
            t->owner = argv[++i];
        } else if (!strcmp(a, "--status")) {
            t->status_q = argv[++i];
            t->status = argv[++i];
        } else {
            t->due = argv[++i];
        }
    }
    *argc = n;
    argv[n] = NULL;
    return 0;
}

/* The step's words after the change: "fråga 4: Bo Berg · senast 2027-03-01 · öppen". */
static void say_tracked(const struct workshop *w, int qi)
{
    struct sbuf t;
    char line[1024];
    sbuf_init(&t);
    plan_track_text(&t, &w->ses->answers[qi]);
    cli_msg_format(line, sizeof line, M_CLI_TRACK_DONE, w->bank->questions[qi].number,
                   t.len ? t.p : cli_msg(M_CLI_TRACK_NONE));
    cli_putf("%s\n", line);
    sbuf_free(&t);
}

/* open|started|done, or the Swedish words the plan prints (öppen, påbörjad, klar); -1 */
static int status_parse(const char *s)
{
    static const enum msg_id words[] = {M_STEP_OPEN, M_STEP_STARTED, M_STEP_DONE};
    int st = step_status_parse(s);
    for (int i = 0; st < 0 && i < 3; i++)
        if (!strcmp(s, msg_in(LANG_SV, words[i])))
            st = STEP_OPEN + i;
    return st;
}

static int track(const struct cli *c, const char *arg, const struct track *t)
{
    const char *q = t->assign_q ? t->assign_q : t->status_q;
    if (!q) {
        cli_error(c, M_CLI_TRACK_NO_QUESTION);
        return EXIT_USAGE;
    }
    if (t->assign_q && t->status_q && strcmp(t->assign_q, t->status_q)) {
        cli_error(c, M_CLI_TRACK_TWO_QUESTIONS, t->assign_q, t->status_q);
        return EXIT_USAGE;
    }
    int status = -1;
    if (t->status && (status = status_parse(t->status)) < 0) {
        cli_core_error(c, M_SES_BAD_STATUS, t->status);
        return EXIT_USAGE;
    }
    char *path = cli_session_path(c, arg);
    if (!path)
        return EXIT_DATA;
    struct diags d;
    diags_init(&d);
    struct workshop *w = NULL;
    int rc = ops_open(&w, path, c->questions_dir, 0, "kollen plan", &d);
    cli_diags(c, &d); /* warnings: a stale lock taken over, a folder open to others */
    diags_clear(&d);
    int qi = rc ? -1 : ops_question(w->bank, q);
    if (!rc && qi < 0) {
        diags_add(&d, NULL, 0, M_SES_UNKNOWN_QUESTION, q, w->bank->id);
        rc = KL_EDATA;
    }
    struct ops_result res;
    if (!rc)
        rc = ops_set_step(w, qi, t->owner, t->due, status, c->now, &res, &d);
    if (!rc && res.saved < 0)
        rc = KL_EIO;
    cli_diags(c, &d);
    diags_free(&d);
    if (!rc)
        say_tracked(w, qi);
    ops_close(w);
    free(path);
    return rc ? (rc == KL_EUSAGE ? EXIT_USAGE : cli_exit_for(rc)) : EXIT_FINE;
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
    struct track tr;
    int trc = take_track(c, &argc, argv, &tr);
    if (trc)
        return trc;
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
    if (!rc && tr.any)
        rc = track(c, pos[0], &tr);
    else if (!rc)
        rc = plan(c, pos[0], &spec, fmt);
    free(nargv);
    free(joined);
    return rc;
}
