/* cmd_session.c: `kollen new` and `kollen set`. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "kollen/msg.h"
#include "kollen/store.h"

#define DEFAULT_BANK "infosakkollen-2023"

/* Create the default sessions folder (0700: results are sensitive) when a bare name needs it. */
static int ensure_sessions_dir(const struct cli *c, const char *arg)
{
    if (strchr(arg, '/'))
        return 0;
    if (mkdir(c->sessions_dir, 0700) && errno != EEXIST) {
        cli_error(c, M_CLI_MKDIR, c->sessions_dir, strerror(errno));
        return EXIT_DATA;
    }
    return 0;
}

static int report(const struct cli *c, struct diags *d, int rc)
{
    cli_diags(c, d);
    diags_free(d);
    return cli_exit_for(rc == KL_EUSAGE ? KL_EDATA : rc);
}

int cmd_new(const struct cli *c, int argc, char **argv)
{
    const char *org = NULL, *group = NULL, *bank_id = DEFAULT_BANK, *fac = NULL, *date = NULL;
    const char **parts = NULL;
    const struct opt opts[] = {
        {"org", 1, &org, NULL, NULL},           {"group", 1, &group, NULL, NULL},
        {"bank", 1, &bank_id, NULL, NULL},      {"facilitator", 1, &fac, NULL, NULL},
        {"date", 1, &date, NULL, NULL},         {"participant", 2, NULL, NULL, &parts},
        {NULL, 0, NULL, NULL, NULL},
    };
    const char *pos[1];
    int np;
    const char *usage = "kollen new SESSION --org NAME --group kommun|region|myndighet|annan "
                        "[--bank ID] [--facilitator NAME]";
    int rc = cli_parse(c, argc, argv, opts, pos, 1, &np, usage);
    if (rc) {
        free(parts);
        return rc;
    }
    if (np < 1 || !org || !group) {
        if (np < 1)
            cli_error(c, M_CLI_MISSING_ARG, "SESSION");
        else if (!org)
            cli_error(c, M_CLI_ORG_MISSING);
        else
            cli_error(c, M_CLI_GROUP_MISSING);
        free(parts);
        return EXIT_USAGE;
    }
    int g = group_parse(group);
    if (g < 0) {
        cli_error(c, M_SES_BAD_GROUP, group);
        free(parts);
        return EXIT_USAGE;
    }
    char today[16];
    text_format_date(c->now, today, sizeof today);
    if (date && !text_valid_date(date)) {
        cli_error(c, M_CLI_BAD_DATE, date);
        free(parts);
        return EXIT_USAGE;
    }
    struct diags d;
    diags_init(&d);
    struct bank *b;
    rc = bank_load_id(c->questions_dir, bank_id, &b, &d);
    if (rc) {
        free(parts);
        return report(c, &d, rc);
    }
    struct session *s = session_new(b, "", (enum actor_group)g, date ? date : today, c->now);
    char *path = cli_session_path(c, pos[0]);
    if (!s || !path) {
        rc = KL_ENOMEM;
        diags_add(&d, NULL, 0, M_SES_NO_MEMORY);
        goto out;
    }
    if ((rc = session_set_text(&s->organisation, org, SESSION_FIELD_MAX, &d)) ||
        (fac && (rc = session_set_text(&s->facilitator, fac, SESSION_FIELD_MAX, &d))))
        goto out;
    for (int i = 0; parts && parts[i]; i++) {
        char *p = text_dup(parts[i]);
        if (!p) {
            rc = KL_ENOMEM;
            goto out;
        }
        char *colon = strchr(p, ':');
        if (colon)
            *colon = '\0';
        rc = session_add_participant(s, text_trim(p), colon ? text_trim(colon + 1) : "", &d);
        free(p);
        if (rc)
            goto out;
    }
    if ((rc = ensure_sessions_dir(c, pos[0]))) {
        session_free(s);
        bank_free(b);
        free(path);
        free(parts);
        diags_free(&d);
        return rc;
    }
    rc = session_save(path, b, s, 1, &d);
    if (!rc) {
        char line[1024];
        msg_format(line, sizeof line, M_CLI_CREATED, path, s->organisation, b->id);
        cli_putf("%s\n", line);
    }
out:
    session_free(s);
    bank_free(b);
    free(path);
    free(parts);
    if (rc)
        return report(c, &d, rc);
    diags_free(&d);
    return EXIT_FINE;
}

static int parse_yesno(const struct cli *c, const char *opt, const char *v, int *out)
{
    if (!strcmp(v, "yes") || !strcmp(v, "ja")) {
        *out = 1;
        return 0;
    }
    if (!strcmp(v, "no") || !strcmp(v, "nej")) {
        *out = 0;
        return 0;
    }
    cli_error(c, M_CLI_BAD_YESNO, opt, v);
    return EXIT_USAGE;
}

int cmd_set(const struct cli *c, int argc, char **argv)
{
    const char *note = NULL, *documented = NULL, *followup = NULL;
    const char **evidence = NULL;
    int quiet = 0;
    const struct opt opts[] = {
        {"note", 1, &note, NULL, NULL},
        {"evidence", 2, NULL, NULL, &evidence},
        {"documented", 1, &documented, NULL, NULL},
        {"followup", 1, &followup, NULL, NULL},
        {"quiet", 0, NULL, &quiet, NULL},
        {"q", 0, NULL, &quiet, NULL},
        {NULL, 0, NULL, NULL, NULL},
    };
    const char *pos[3];
    int np;
    const char *usage = "kollen set SESSION QUESTION ANSWER [--note TEXT] [--evidence TEXT]";
    int rc = cli_parse(c, argc, argv, opts, pos, 3, &np, usage);
    if (rc) {
        free(evidence);
        return rc;
    }
    int doc = -1, fol = -1;
    if (np < 3) {
        cli_error(c, M_CLI_MISSING_ARG, np == 0 ? "SESSION" : np == 1 ? "QUESTION" : "ANSWER");
        free(evidence);
        return EXIT_USAGE;
    }
    if ((documented && (rc = parse_yesno(c, "--documented", documented, &doc))) ||
        (followup && (rc = parse_yesno(c, "--followup", followup, &fol)))) {
        free(evidence);
        return rc;
    }
    char *path = cli_session_path(c, pos[0]);
    struct bank *b = NULL;
    struct session *s = NULL;
    struct diags d;
    diags_init(&d);
    if (!path) {
        free(evidence);
        return EXIT_DATA;
    }
    /* one writer: the lock comes before the read, so nobody's change is lost in between */
    struct session_lock *lock = NULL;
    if ((rc = session_lock(path, "kollen set", &lock, NULL, &d))) {
        cli_diags(c, &d);
        diags_free(&d);
        free(path);
        free(evidence);
        return EXIT_DATA;
    }
    cli_diags(c, &d); /* a stale lock taken over is worth a warning */
    diags_clear(&d);
    if ((rc = cli_open(c, path, &b, &s))) {
        session_unlock(lock);
        free(path);
        free(evidence);
        return rc;
    }
    long num;
    int qi = text_parse_int(pos[1], 1, BANK_MAX_QUESTIONS, &num) ? -1 : bank_find_question(b, (int)num);
    if (qi < 0) {
        diags_add(&d, NULL, 0, M_SES_UNKNOWN_QUESTION, pos[1], b->id);
        rc = KL_EDATA;
        goto out;
    }
    const struct question *q = &b->questions[qi];
    struct answer *a = &s->answers[qi];
    struct answer next = *a;
    if ((rc = answer_parse(q, pos[2], &next, &d)))
        goto out;
    /* all checks pass before anything changes: a refused change leaves the file as it was */
    if (note && (rc = session_check_text(note, SESSION_NOTE_MAX, 1, &d)))
        goto out;
    int ne = 0;
    for (; evidence && evidence[ne]; ne++)
        if ((rc = session_check_text(evidence[ne], SESSION_EVIDENCE_MAX, 0, &d)))
            goto out;
    if (a->n_evidence + ne > SESSION_EVIDENCE_COUNT) {
        diags_add(&d, NULL, 0, M_SES_TOO_MANY_EVIDENCE, SESSION_EVIDENCE_COUNT);
        rc = KL_EUSAGE;
        goto out;
    }
    a->answered = 1;
    a->ticks = next.ticks;
    a->choice = next.choice;
    a->changed = c->now;
    if (note && (rc = session_set_note(s, qi, note, c->now, &d)))
        goto out;
    for (int i = 0; i < ne; i++)
        if ((rc = session_add_evidence(s, qi, evidence[i], c->now, &d)))
            goto out;
    if (ne)
        a->documented = 1;
    if (doc >= 0)
        a->documented = doc;
    if (fol >= 0)
        a->followup = fol;
    s->modified = c->now;
    s->cursor = q->number;
    if ((rc = session_save(path, b, s, 0, &d)))
        goto out;
    if (!quiet) {
        struct score sc;
        if (score_compute(b, s, &sc) == KL_OK) {
            char v[256], line[1024];
            answer_format(q, a, v, sizeof v);
            struct sbuf lv;
            sbuf_init(&lv);
            if (b->kind == BANK_SCALE) {
                sbuf_addf(&lv, "%s ", msg(M_W_LEVEL));
                text_decimal(&lv, sc.value, 2, msg_lang() == LANG_SV);
            } else {
                cli_level_name(&lv, b, sc.level);
            }
            msg_format(line, sizeof line, M_CLI_SET_DONE, q->number, v, lv.p ? lv.p : "");
            cli_putf("%s\n", line);
            sbuf_free(&lv);
            score_free(&sc);
        }
    }
out:
    if (rc) {
        cli_diags(c, &d);
        rc = cli_exit_for(rc == KL_EUSAGE ? KL_EDATA : rc);
    }
    diags_free(&d);
    session_unlock(lock);
    session_free(s);
    bank_free(b);
    free(path);
    free(evidence);
    return rc;
}
