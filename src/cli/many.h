/* many.h (cli-private): what the many-session commands (check PATH..., summary, rank,
 * benchmark, partners) share: the PATH arguments as files, --group, --bank and --min-group,
 * the banks, and the files that could not be read (named on stderr; exit 2, the rest still
 * reported). */
#ifndef KOLLEN_CLI_MANY_H
#define KOLLEN_CLI_MANY_H

#include "cli.h"
#include "kollen/ops_many.h"
#include "kollen/ops_summary.h"

#define MANY_MIN_GROUP 5 /* --min-group when not given */

/* --group G (NULL: -1, every group) and --bank ID into sel; with need_group, --group is
 * required. 0, or an exit code after a message. */
int many_select(const struct cli *c, const char *group, const char *bank, int need_group,
                struct ops_select *sel);
/* --min-group K (NULL: MANY_MIN_GROUP). 0, or an exit code after a message. */
int many_min_group(const struct cli *c, const char *text, int *out);
/* What a many-session command holds: its PATH arguments, their files and the banks. */
struct many_args {
    const char **pos;
    int np;
    struct ops_inputs in;
    struct ops_banks *banks;
};

/* A many-session command's arguments: cli_parse into m->pos and m->np (m is set up here; free
 * it with many_args_free whatever this returns), at least one PATH. 0, or an exit code after
 * a message. */
int many_parse(const struct cli *c, int argc, char **argv, const struct opt *opts,
               enum cli_msg_id usage, struct many_args *m);
/* The files of the PATH arguments; 0, or an exit code after the problems (a folder that
 * cannot be read, no session at all). */
int many_inputs(const struct cli *c, const char *const *pos, int n, struct ops_inputs *in);
/* The banks for a run (with --benchmarks); NULL after a message. */
struct ops_banks *many_banks(const struct cli *c);
/* many_inputs, then many_banks, into m: 0 with both, or an exit code after a message. */
int many_load(const struct cli *c, struct many_args *m);
void many_args_free(struct many_args *m);
/* After a run: its problems on stderr; the exit code for rc (the use case's) and the files and
 * folders that could not be read. */
int many_exit(const struct cli *c, int rc, const struct diags *d, const struct ops_tally *t,
              const struct ops_inputs *in);
/* The words of a rank key ("nivån", "lika"; "" for the first). */
const char *many_key_word(enum rank_key k);

/* s cut to w columns and padded with spaces to them: after it (left) or before it. */
void many_cell(struct sbuf *o, const char *s, int w, int left, int utf8);

#endif
