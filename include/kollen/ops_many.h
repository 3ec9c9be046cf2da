/* ops_many.h: many sessions at once, as `kollen check PATH...`, summary, rank, benchmark and
 * partners read them. The PATH arguments become a list of files (a folder stands for its
 * sessions); the files are read and scored by a few threads while the caller takes them one
 * at a time, always in the list's order, so the output never depends on the threads; at most a
 * small window of sessions is in memory at once, whatever the number of files. Each bank is
 * loaded once. A file that cannot be read comes with its problems, and the rest go on. */
#ifndef KOLLEN_OPS_MANY_H
#define KOLLEN_OPS_MANY_H

#include "kollen/bank.h"
#include "kollen/diag.h"
#include "kollen/score.h"
#include "kollen/session.h"

/* --- the files --- */

struct ops_inputs {
    char **paths;   /* in the arguments' order; a folder's sessions sorted by name */
    int n;
    int unreadable; /* folders that could not be read (named when listed) */
};

/* The files PATH arguments name: a folder stands for the *.ini files in it (not hidden ones,
 * not in folders below), sorted by name; anything else is a file, read later, so one that
 * cannot be read is named then. A bare name that is neither a file nor a folder here is a
 * session of sessions_dir (ops_session_path). A file named twice is listed once. KL_OK;
 * KL_EIO when a folder cannot be read (named in d; the others are listed); KL_ENOMEM. */
int ops_inputs(const char *const *args, int n, const char *sessions_dir, struct ops_inputs *out,
               struct diags *d);
void ops_inputs_free(struct ops_inputs *in);

/* --- banks, loaded once --- */

struct ops_banks;

/* Banks of questions_dir, loaded when first asked for; benchmarks_file (or NULL) is a file
 * of one's own benchmarks added to each (bank_add_benchmarks). NULL when memory ran out. */
struct ops_banks *ops_banks_new(const char *questions_dir, const char *benchmarks_file);
void ops_banks_free(struct ops_banks *c);
/* The bank with this id; NULL with the reason in d (a bank that failed to load keeps
 * failing without loading again). Safe from several threads. */
const struct bank *ops_banks_get(struct ops_banks *c, const char *id, struct diags *d);

/* --- reading them --- */

/* One file as the caller gets it. */
struct ops_item {
    int index;        /* in the inputs */
    const char *path;
    int rc;           /* KL_OK, or why the file could not be read (then d says it) */
    struct diags d;   /* its problems, and warnings even when it was read */
    int other_bank;   /* a session of another bank than the one asked for: not read further */
    const struct bank *bank;
    struct session *ses;
    struct score sc;  /* when the run scores */
};

/* Read one file as a run reads it (its bank from banks; scored when score): for a session
 * named on its own (partners --for, merge). Free the item with ops_item_clear. */
void ops_many_read(struct ops_banks *banks, const char *path, int score, struct ops_item *it);
void ops_item_clear(struct ops_item *it);

/* Called for each file in the list's order on the caller's thread. A nonzero return stops the
 * run, and ops_many_each returns it. The item and what it holds are freed after the call;
 * take what should stay (item->ses may be taken: set it to NULL). */
typedef int (*ops_item_fn)(void *ctx, struct ops_item *it);

struct ops_run {
    const char *bank_id;       /* NULL: every bank; else others are items with other_bank */
    const unsigned char *only; /* NULL: every file; else only files i with only[i] */
    int score;                 /* compute item->sc */
    int threads;               /* readers; 0: ops_many_threads() */
    int lean;                  /* load for scoring only (summary, rank, check's lines): every
                                * line still checked with the same problems, but the sessions
                                * hold no notes and no evidence (SESSION_LOAD_SCORE) */
};

/* How many threads read when a run does not say: the processors online (at most 8), or
 * $KOLLEN_THREADS (1..64). */
int ops_many_threads(void);

/* Read (and score) every file of in, calling fn for each in order. KL_OK, fn's nonzero
 * return, or KL_ENOMEM when the run could not start. */
int ops_many_each(const struct ops_inputs *in, struct ops_banks *banks, const struct ops_run *r,
                  ops_item_fn fn, void *ctx);

#endif
