/* cmd_session.c: `kollen new` and `kollen set`, through the use cases of kollen/ops_workshop.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "kollen/fmt.h"
#include "kollen/msg.h"
#include "kollen/ops_paths.h"
#include "report_msg.h"

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
        {"companion", 1, &n.companion, NULL, NULL},
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
    if (w->ses->answers[qi].answered)
        answer_format(q, &w->ses->answers[qi], v, sizeof v);
    else /* a decision recorded before the answer */
        snprintf(v, sizeof v, "%s", rep_msg(M_W_NOT_DISCUSSED));
    struct sbuf lv;
    sbuf_init(&lv);
    fmt_level(&lv, w->bank, w->sc.level, w->sc.value, FMT_LEVEL_RESULT);
    /* what the room decided, after the level */
    const struct answer *a = &w->ses->answers[qi];
    if (a->agreed)
        sbuf_addf(&lv, " · %s", cli_msg(M_CLI_SET_AGREED));
    if (a->n_dissent) {
        char t[64];
        cli_msg_format(t, sizeof t, M_CLI_SET_DISSENT, a->n_dissent);
        sbuf_addf(&lv, " · %s", t);
    }
    if (a->parked)
        sbuf_addf(&lv, " · %s", cli_msg(M_CLI_SET_PARKED));
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

/* --agreed, --dissent, --park and --unpark into the change: 0, or a usage error printed. */
static int decision(const struct cli *c, struct ops_change *ch, int agreed, int park, int unpark,
                    const char *reason, const char **dissent)
{
    if (park && unpark) {
        cli_error(c, M_CLI_PARK_BOTH);
        return EXIT_USAGE;
    }
    ch->agreed = agreed ? OPS_ON : OPS_KEEP;
    ch->dissent_add = dissent;
    ch->parked = park ? OPS_ON : unpark ? OPS_OFF : OPS_KEEP;
    ch->park_reason = reason;
    return 0;
}

int cmd_set(const struct cli *c, int argc, char **argv)
{
    const char *documented = NULL, *followup = NULL, *reason = NULL;
    struct ops_change ch = {0};
    const char **evidence = NULL, **dissent = NULL;
    int quiet = 0, agreed = 0, park = 0, unpark = 0;
    const struct opt opts[] = {
        {"note", 1, &ch.note, NULL, NULL},
        {"evidence", 2, NULL, NULL, &evidence},
        {"documented", 1, &documented, NULL, NULL},
        {"followup", 1, &followup, NULL, NULL},
        {"quiet", 0, NULL, &quiet, NULL},
        {"q", 0, NULL, &quiet, NULL},
        {"agreed", 0, NULL, &agreed, NULL},
        {"dissent", 2, NULL, NULL, &dissent},
        {"park", 3, &reason, &park, NULL},
        {"unpark", 0, NULL, &unpark, NULL},
        {NULL, 0, NULL, NULL, NULL},
    };
    const char *pos[3];
    int np;
    int rc = cli_parse(c, argc, argv, opts, pos, 3, &np, M_USAGE_cmd_set);
    /* what the room decided may be recorded without touching the answer */
    int deciding = agreed || park || unpark || dissent;
    if (!rc && (np < 2 || (np < 3 && !deciding))) {
        cli_error(c, M_CLI_MISSING_ARG, np == 0 ? "SESSION" : np == 1 ? "QUESTION" : "ANSWER");
        rc = EXIT_USAGE;
    }
    if (!rc)
        rc = parse_yesno(c, "--documented", documented, &ch.documented);
    if (!rc)
        rc = parse_yesno(c, "--followup", followup, &ch.followup);
    if (!rc)
        rc = decision(c, &ch, agreed, park, unpark, reason, dissent);
    char *path = rc ? NULL : cli_session_path(c, pos[0]);
    if (!rc && !path)
        rc = EXIT_DATA;
    if (rc) {
        free(evidence);
        free(dissent);
        return rc;
    }
    ch.answer = np > 2 ? pos[2] : NULL;
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
    free(dissent);
    return rc;
}
