/* cmd_merge.c: `kollen merge`: breakout groups' sessions of one workshop into one new session;
 * where they answered differently the first answer stays and the others become dissent. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kollen/ops_merge.h"
#include "many.h"
#include "report_msg.h"

int cmd_merge(const struct cli *c, int argc, char **argv)
{
    const char *out = NULL;
    const struct opt opts[] = {
        {"o", 1, &out, NULL, NULL},
        {NULL, 0, NULL, NULL, NULL},
    };
    const char **pos = calloc((size_t)argc + 1, sizeof *pos);
    char **paths = calloc((size_t)argc + 1, sizeof *paths);
    int np = 0;
    int rc = pos && paths ? cli_parse(c, argc, argv, opts, pos, argc, &np, M_USAGE_cmd_merge)
                          : EXIT_DATA;
    if (!rc && !out) {
        cli_error(c, M_CLI_MISSING_ARG, "-o");
        rc = EXIT_USAGE;
    } else if (!rc && np < 2) {
        cli_error(c, M_CLI_MERGE_TWO);
        rc = EXIT_USAGE;
    }
    for (int i = 0; !rc && i < np; i++)
        if (!(paths[i] = cli_session_path(c, pos[i])))
            rc = EXIT_DATA;
    char *out_path = rc ? NULL : cli_session_path(c, out);
    struct ops_banks *banks = rc || !out_path ? NULL : many_banks(c);
    if (!rc && !banks)
        rc = EXIT_DATA;
    if (!rc) {
        struct diags d;
        diags_init(&d);
        struct ops_merged m;
        int orc = ops_merge(banks, (const char *const *)paths, np, out_path, c->now, &m, &d);
        if (!orc) {
            char t[1024];
            rep_msg_format(t, sizeof t, M_MANY_MERGED, m.sessions, out_path, m.answered,
                           m.disputed);
            cli_putf("%s\n", t);
        }
        rc = many_exit(c, orc, &d, NULL, NULL);
        diags_free(&d);
    }
    ops_banks_free(banks);
    free(out_path);
    for (int i = 0; paths && i < np; i++)
        free(paths[i]);
    free(paths);
    free(pos);
    return rc;
}
