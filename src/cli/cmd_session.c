/* cmd_session.c: `kollen new` and `kollen set`, through the use cases of kollen/ops_workshop.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "kollen/fmt.h"
#include "kollen/msg.h"
#include "kollen/ops_paths.h"

static int fail(const struct cli *c, struct diags *d, int rc)
{
    cli_diags(c, d);
    diags_free(d);
    return cli_exit_for(rc);
}

/* The arguments of `kollen new` checked: 0, or a usage error printed. */
static int check_new(const struct cli *c, int np, const char *org, const char *group,
                     const char *date, int *g)
{
    if (np < 1 || !org || !group) {
        if (np < 1)
            cli_error(c, M_CLI_MISSING_ARG, "SESSION");
        else if (!org)
            cli_error(c, M_CLI_ORG_MISSING);
        else
            cli_error(c, M_CLI_GROUP_MISSING);
        return EXIT_USAGE;
    }
    if ((*g = group_parse(group)) < 0) {
        cli_core_error(c, M_SES_BAD_GROUP, group);
        return EXIT_USAGE;
    }
    if (date && !text_valid_date(date)) {
        cli_error(c, M_CLI_BAD_DATE, date);
        return EXIT_USAGE;
    }
    return 0;
}

int cmd_new(const struct cli *c, int argc, char **argv)
{
    struct ops_new n = {0};
    const char *group = NULL;
    const char **parts = NULL;
    const struct opt opts[] = {
        {"org", 1, &n.organisation, NULL, NULL},
        {"group", 1, &group, NULL, NULL},
        {"bank", 1, &n.bank_id, NULL, NULL},
        {"facilitator", 1, &n.facilitator, NULL, NULL},
        {"date", 1, &n.date, NULL, NULL},
        {"participant", 2, NULL, NULL, &parts},
        {NULL, 0, NULL, NULL, NULL},
    };
    const char *pos[1];
    int np, g = 0;
    int rc = cli_parse(c, argc, argv, opts, pos, 1, &np, M_USAGE_cmd_new);
    if (!rc)
        rc = check_new(c, np, n.organisation, group, n.date, &g);
    char *path = rc ? NULL : cli_session_path_for(c, pos[0], 1);
    if (!rc && !path)
        rc = EXIT_DATA;
    if (rc) {
        free(parts);
        return rc;
    }
    n.group = (enum actor_group)g;
    n.participants = parts;
    n.make_dir = ops_session_is_name(pos[0]) ? c->sessions_dir : NULL;
    struct diags d;
    diags_init(&d);
    int orc = ops_create(c->questions_dir, path, &n, c->now, &d);
    if (orc) {
        rc = fail(c, &d, orc);
    } else {
        char line[1024];
        cli_msg_format(line, sizeof line, M_CLI_CREATED, path, n.organisation,
                       n.bank_id ? n.bank_id : OPS_DEFAULT_BANK);
        cli_putf("%s\n", line);
        cli_diags(c, &d); /* a folder others may write: worth a warning, as set and check give */
        diags_free(&d);
    }
    free(path);
    free(parts);
    return rc;
}

static int parse_yesno(const struct cli *c, const char *opt, const char *v, enum ops_flag *out)
{
    if (!v)
        return 0;
    if (!strcmp(v, "yes") || !strcmp(v, "ja")) {
        *out = OPS_ON;
        return 0;
    }
    if (!strcmp(v, "no") || !strcmp(v, "nej")) {
        *out = OPS_OFF;
        return 0;
    }
    cli_error(c, M_CLI_BAD_YESNO, opt, v);
    return EXIT_USAGE;
}

/* "fråga 7: 1,3 · Nivå 1: Grund" */
static void say_done(const struct workshop *w, int qi)
{
    const struct question *q = &w->bank->questions[qi];
    char v[256], line[1024];
    answer_format(q, &w->ses->answers[qi], v, sizeof v);
    struct sbuf lv;
    sbuf_init(&lv);
    fmt_level(&lv, w->bank, w->sc.level, w->sc.value, FMT_LEVEL_RESULT);
    cli_msg_format(line, sizeof line, M_CLI_SET_DONE, q->number, v, lv.p ? lv.p : "");
    cli_putf("%s\n", line);
    sbuf_free(&lv);
}

/* Change the answer of question number `number` in w as the options say. */
static int set_answer(const struct cli *c, struct workshop *w, const char *number,
                      struct ops_change *ch, int quiet, struct diags *d)
{
    int qi = ops_question(w->bank, number);
    if (qi < 0) {
        diags_add(d, NULL, 0, M_SES_UNKNOWN_QUESTION, number, w->bank->id);
        return KL_EDATA;
    }
    struct ops_result res;
    int rc = ops_set(w, qi, ch, c->now, &res, d);
    if (!rc && res.saved < 0)
        rc = KL_EIO; /* the reason is in d */
    if (!rc && !quiet && w->have_score)
        say_done(w, qi);
    return rc;
}

int cmd_set(const struct cli *c, int argc, char **argv)
{
    const char *documented = NULL, *followup = NULL;
    struct ops_change ch = {0};
    const char **evidence = NULL;
    int quiet = 0;
    const struct opt opts[] = {
        {"note", 1, &ch.note, NULL, NULL},
        {"evidence", 2, NULL, NULL, &evidence},
        {"documented", 1, &documented, NULL, NULL},
        {"followup", 1, &followup, NULL, NULL},
        {"quiet", 0, NULL, &quiet, NULL},
        {"q", 0, NULL, &quiet, NULL},
        {NULL, 0, NULL, NULL, NULL},
    };
    const char *pos[3];
    int np;
    int rc = cli_parse(c, argc, argv, opts, pos, 3, &np, M_USAGE_cmd_set);
    if (!rc && np < 3) {
        cli_error(c, M_CLI_MISSING_ARG, np == 0 ? "SESSION" : np == 1 ? "QUESTION" : "ANSWER");
        rc = EXIT_USAGE;
    }
    if (!rc)
        rc = parse_yesno(c, "--documented", documented, &ch.documented);
    if (!rc)
        rc = parse_yesno(c, "--followup", followup, &ch.followup);
    char *path = rc ? NULL : cli_session_path(c, pos[0]);
    if (!rc && !path)
        rc = EXIT_DATA;
    if (rc) {
        free(evidence);
        return rc;
    }
    ch.answer = pos[2];
    ch.evidence_add = evidence;
    ch.confirm = 1; /* `kollen set` records the answer as given now, even when unchanged */
    struct diags d;
    diags_init(&d);
    struct workshop *w = NULL;
    /* one writer: the lock comes before the read, so nobody's change is lost in between */
    int orc = ops_open(&w, path, c->questions_dir, 0, "kollen set", &d);
    cli_diags(c, &d); /* a stale lock taken over, a file open to others: worth a warning */
    diags_clear(&d);
    if (!orc)
        orc = set_answer(c, w, pos[1], &ch, quiet, &d);
    rc = orc ? fail(c, &d, orc) : (diags_free(&d), EXIT_FINE);
    ops_close(w);
    free(path);
    free(evidence);
    return rc;
}
