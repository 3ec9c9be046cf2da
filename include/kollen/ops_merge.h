/* ops_merge.h: breakout groups' sessions of one workshop made into one session file
 * (`kollen merge`): read, merged by the core's rules (kollen/merge.h: disagreements become
 * dissent, nothing recorded is dropped) and saved as a new file, never over an existing one. */
#ifndef KOLLEN_OPS_MERGE_H
#define KOLLEN_OPS_MERGE_H

#include <stdint.h>

#include "kollen/ops_many.h"

/* What a merge did, for the caller to tell. */
struct ops_merged {
    int sessions;  /* sessions merged */
    int answered;  /* questions answered in the merged session */
    int disputed;  /* questions disputed in the merged session (the groups answered differently,
                      or a group recorded dissent) */
};

/* Merge the sessions at paths[0..n-1] (labelled by their file names without .ini) into a new
 * session at out_path. KL_OK; a session that cannot be read, sessions of different banks,
 * organisations or actor groups, a merge past a limit (the reason in d, naming the files);
 * KL_EEXIST when out_path exists. Nothing is written on failure. */
int ops_merge(struct ops_banks *banks, const char *const *paths, int n, const char *out_path,
              int64_t now, struct ops_merged *res, struct diags *d);

#endif
