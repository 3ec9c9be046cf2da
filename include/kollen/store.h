/* store.h: reading banks and sessions from INI files, and writing sessions atomically.
 * The only module that touches iniparser; nothing here prints. */
#ifndef KOLLEN_STORE_H
#define KOLLEN_STORE_H

#include <stddef.h>

#include "kollen/bank.h"
#include "kollen/diag.h"
#include "kollen/session.h"

/* Limits of every INI file kollen reads (docs/session-format.md and docs/bank-format.md,
 * "Limits"): bytes per line (iniparser 4.1 fails near 1024), bytes per file, and keys and
 * sections per file and per bank folder: what the largest session kollen writes needs. */
#define STORE_LINE_MAX 1000
#define STORE_FILE_MAX (16L << 20)
#define STORE_KEYS_MAX 100000

/* Load the bank in folder dir (questions/<id>). Every problem found goes to d. With strict
 * (lint), unknown keys and files are errors, published totals are checked and weak spots are
 * warned about. Returns KL_OK, KL_EIO, KL_EPARSE, KL_EDATA or KL_ENOMEM. */
int bank_load(const char *dir, int strict, struct bank **out, struct diags *d);
/* Load bank `id` from questions_dir. */
int bank_load_id(const char *questions_dir, const char *id, struct bank **out, struct diags *d);
/* The bank ids (folders holding bank.ini) in questions_dir, sorted. */
int bank_list(const char *questions_dir, char ***ids, int *n, struct diags *d);
void bank_list_free(char **ids, int n);

/* The bank id a session file names, without loading the bank. */
int session_read_bank_id(const char *path, char **id, struct diags *d);
/* Load a session for bank b; unknown question or option numbers, bad values and over-long
 * texts are errors with their line. */
int session_load(const char *path, const struct bank *b, struct session **out, struct diags *d);
int session_parse(const char *name, const char *buf, size_t n, const struct bank *b,
                  struct session **out, struct diags *d);
/* Load a session and the bank it names from questions_dir. */
int session_open(const char *path, const char *questions_dir, struct bank **bank,
                 struct session **out, struct diags *d);

/* The file a session is saved as, in a stable order (NULL on allocation failure). */
char *session_format(const struct bank *b, const struct session *s);
/* Save atomically: temporary file (0600) in the same folder, fsync, rename, fsync folder.
 * With create_only, fail with KL_EEXIST rather than replace an existing file. On any failure
 * the old file is as it was. */
int session_save(const char *path, const struct bank *b, const struct session *s,
                 int create_only, struct diags *d);
/* Write bytes to path with the same guarantees (used by session_save and report output). */
int store_write_atomic(const char *path, const char *data, size_t n, int create_only,
                       struct diags *d);

/* One writer per session: a lock file SESSION.lock (0600) created with O_EXCL, holding the
 * holder's pid, host, user, program and start time under an flock(2). A lock left by a process
 * that no longer runs is stale (nobody holds its flock): it is taken over and said so in d as a
 * warning. kollen never writes through a lock path that is not a regular file of this user
 * with one link holding a kollen lock (a symlink, a folder, a FIFO, a planted hard link, any
 * other file): such a path is refused and left as it is.
 *
 * The result, for the front ends:
 *   KL_OK       locked; *out to be given to session_unlock.
 *   KL_ELOCKED  another kollen holds the session; *holder (when given) says who, d says so.
 *   KL_ENOLOCK  it could not be locked for any other reason (the lock path is a folder, a
 *               symlink or not kollen's; permission denied; a read-only or network file system
 *               without locks, ENOLCK; a name too long...); d says why.
 *   KL_ENOMEM   out of memory.
 * In every case but KL_OK a front end may still open the session, read-only, saying why. */
struct lock_holder {
    long pid;
    char host[64];
    char user[64];
    char program[32];
    long long since; /* Unix time */
};
struct session_lock;
int session_lock(const char *path, const char *program, struct session_lock **out,
                 struct lock_holder *holder, struct diags *d);
/* Remove the lock (only if it is still ours). Accepts NULL. */
void session_unlock(struct session_lock *l);

/* What a session may be called: the name a user gives (`kollen new NAME`, the TUI's form),
 * or the last part of a path. Refused with the reason in d (KL_EUSAGE): an empty name, a name
 * that starts with '.' (hidden, and the start of kollen's temporary files), one that ends in
 * the suffix of kollen's own files (.lock, .cursor, .tmp), one holding '/', a control character or
 * invalid UTF-8, one longer than SESSION_NAME_MAX bytes (kollen's own names add up to 16 more
 * to it, and a file name has at most 255). KL_OK otherwise. */
#define SESSION_NAME_MAX 200
int store_check_session_name(const char *name, struct diags *d);

/* Warn (in d) when the session's folder is open to others or the file is not private.
 * Returns 1 when it warned. */
int store_check_private(const char *path, struct diags *d);

#endif
