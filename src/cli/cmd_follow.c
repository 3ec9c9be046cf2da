/* cmd_follow.c: `kollen follow SESSION`: hand over to the workshop screen as a read-only
 * mirror that follows the facilitator (the room view or the question view). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

int cmd_follow(const struct cli *c, int argc, char **argv)
{
    const char *theme = NULL, *view = NULL;
    const struct opt opts[] = {
        {"theme", 1, &theme, NULL, NULL},
        {"view", 1, &view, NULL, NULL},
        {NULL, 0, NULL, NULL, NULL},
    };
    const char *pos[1];
    int np;
    int rc = cli_parse(c, argc, argv, opts, pos, 1, &np, M_USAGE_cmd_follow);
    if (rc)
        return rc;
    if (np < 1) {
        cli_error(c, M_CLI_MISSING_ARG, "SESSION");
        return EXIT_USAGE;
    }
    int question = 0;
    if (view && !strcmp(view, "question"))
        question = 1;
    else if (view && strcmp(view, "room") && strcmp(view, "rum") && strcmp(view, "fråga")) {
        cli_error(c, M_CLI_BAD_FORMAT, view, "room, question");
        return EXIT_USAGE;
    }
    question = question || (view && !strcmp(view, "fråga"));
    char *path = cli_session_path(c, pos[0]);
    if (!path)
        return EXIT_DATA;
    struct stat st;
    if (stat(path, &st) != 0) {
        cli_error(c, M_CLI_FOLLOW_MISSING, path, strerror(errno));
        free(path);
        return EXIT_DATA;
    }
    if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
        cli_error(c, M_CLI_NEEDS_TERMINAL);
        free(path);
        return EXIT_USAGE;
    }
    c->tui->session_path = path;
    c->tui->theme = theme;
    c->tui->follow = 1;
    c->tui->follow_question = question;
    return CLI_RUN_TUI;
}
