/* cmd_edit.c: `kollen edit`: the session's own records after it was created (organisation,
 * facilitator, date, participants, period, summary, the management team's date, agenda),
 * through the use case the TUI's session screen calls (ops_edit). */
#include <stdlib.h>

#include "cli.h"
#include "kollen/ops_edit.h"

static int any_change(const struct ops_edit *e)
{
    return e->organisation || e->facilitator || e->date || e->add || e->remove || e->period ||
           e->summary || e->management_seen || e->agenda;
}

/* Open for writing (the lock first), edit, say what happened. */
static int run(const struct cli *c, const char *path, const struct ops_edit *e)
{
    struct diags d;
    diags_init(&d);
    struct workshop *w = NULL;
    int rc = ops_open(&w, path, c->questions_dir, 0, "kollen edit", &d);
    cli_diags(c, &d);
    diags_clear(&d);
    struct ops_result res = {0};
    if (!rc)
        rc = ops_edit(w, e, c->now, &res, &d);
    if (!rc && res.saved < 0)
        rc = KL_EIO;
    cli_diags(c, &d);
    diags_free(&d);
    if (!rc) {
        char line[1200];
        cli_msg_format(line, sizeof line, res.changed ? M_CLI_EDIT_DONE : M_CLI_EDIT_NOTHING, path);
        cli_putf("%s\n", line);
    }
    ops_close(w);
    return cli_exit_for(rc);
}

int cmd_edit(const struct cli *c, int argc, char **argv)
{
    struct ops_edit e = {0};
    const char **add = NULL, **remove = NULL, **agenda = NULL;
    const struct opt opts[] = {
        {"org", 1, &e.organisation, NULL, NULL},
        {"facilitator", 1, &e.facilitator, NULL, NULL},
        {"date", 1, &e.date, NULL, NULL},
        {"participant", 2, NULL, NULL, &add},
        {"remove-participant", 2, NULL, NULL, &remove},
        {"period", 1, &e.period, NULL, NULL},
        {"summary", 1, &e.summary, NULL, NULL},
        {"management-seen", 1, &e.management_seen, NULL, NULL},
        {"agenda", 2, NULL, NULL, &agenda},
        {NULL, 0, NULL, NULL, NULL},
    };
    const char *pos[1];
    int np;
    int rc = cli_parse(c, argc, argv, opts, pos, 1, &np, M_USAGE_cmd_edit);
    e.add = add;
    e.remove = remove;
    e.agenda = agenda;
    if (!rc && np < 1) {
        cli_error(c, M_CLI_MISSING_ARG, "SESSION");
        rc = EXIT_USAGE;
    }
    if (!rc && !any_change(&e)) {
        cli_error(c, M_CLI_EDIT_NONE);
        rc = EXIT_USAGE;
    }
    char *path = rc ? NULL : cli_session_path(c, pos[0]);
    if (!rc)
        rc = path ? run(c, path, &e) : EXIT_DATA;
    free(path);
    free(add);
    free(remove);
    free(agenda);
    return rc;
}
