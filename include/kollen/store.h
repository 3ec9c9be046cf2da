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
/* Add the benchmarks of a file of one's own (the form of benchmarks.ini, [benchmark.ID]
 * sections only; unknown keys are errors) to bank b, after its published ones: how kollen uses
 * a benchmark it built. An id the bank already has is refused with its line. KL_OK; otherwise
 * the load's code or KL_EDATA with every problem in d, and the bank as it was. */
int bank_add_benchmarks(struct bank *b, const char *path, struct diags *d);
/* A benchmark as a [benchmark.ID] section of benchmarks.ini (levels cut to two decimals, text
 * percent-encoded), to be read back by bank_add_benchmarks. A new string the caller frees;
 * NULL when memory ran out. */
char *benchmark_format(const struct bank *b, const struct benchmark *m);
/* The bank ids (folders holding bank.ini) in questions_dir, sorted. */
int bank_list(const char *questions_dir, char ***ids, int *n, struct diags *d);
void bank_list_free(char **ids, int n);

/* The bank id a session file names, without loading the bank. */
int session_read_bank_id(const char *path, char **id, struct diags *d);
/* Read a file's bytes (a regular file of at most the loader's size, never blocking on a FIFO)
 * into *buf, which the caller frees; *n bytes, NUL not added but room left for one. KL_OK, KL_EIO or KL_EPARSE with
 * the reason in d, KL_ENOMEM. */
int store_read_file(const char *path, char **buf, size_t *n, struct diags *d);
/* The bank a session's bytes name in [session] (decoded), as a guess made before they are
 * parsed: session_parse checks it. A new string, or NULL when none is found (or no memory). */
char *session_peek_bank_id(const char *buf, size_t n);
/* Load a session for bank b; unknown question or option numbers, bad values and over-long
 * texts are errors with their line. */
int session_load(const char *path, const struct bank *b, struct session **out, struct diags *d);
int session_parse(const char *name, const char *buf, size_t n, const struct bank *b,
                  struct session **out, struct diags *d);
/* What a session load keeps. */
enum session_load {
    SESSION_LOAD_ALL,   /* everything: what is shown, edited or saved */
    /* For many-session summaries (summary, rank, the lines of check): every line checked and
     * every value validated as by a full load, with the same problems and lines, but iniparser
     * reads only [session]'s own keys and each answer's value and documented (all scoring and
     * the summaries use); the other keys keep the pre-scan's reading, and notes and evidence
     * are checked without being kept (decoded only when their raw text does not show them to
     * be fine). Such a session holds no notes and no evidence: never save it or show it. */
    SESSION_LOAD_SCORE,
};
/* What one thread reuses from load to load (the memory file iniparser reads through). */
struct store_reader;
/* A reader, or NULL when memory ran out. */
struct store_reader *store_reader_new(void);
void store_reader_free(struct store_reader *r);
/* session_parse as `how` says; r (or NULL) is the calling thread's reader. own: NULL, or buf
 * itself as store_read_file made it, which the load then takes (keeps it instead of a copy of
 * the text, and frees it, whatever the result). */
int session_parse_as(struct store_reader *r, const char *name, const char *buf, char *own,
                     size_t n, const struct bank *b, enum session_load how,
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

/* Replace path with the same all-or-nothing rename but no fsync: for small files nobody must
 * find after a power cut (where the TUI's cursor is), written often. */
int store_write_quick(const char *path, const char *data, size_t n, struct diags *d);
/* Up to n - 1 bytes of a small file, NUL-terminated: its length, or -1 (errno set). */
long store_read_small(const char *path, char *buf, size_t n);

/* Watching a file that is replaced by rename (a session, its cursor file): inotify on its
 * folder, or where inotify is missing or refused (or KOLLEN_WATCH=poll), comparing stat(2)
 * of the files on every check. */
struct file_watch;
/* Watch the files named (NULL-terminated, all in one folder). KL_OK and *out, or KL_ENOMEM. */
int watch_open(const char *const *paths, int poll_only, struct file_watch **out);
/* Which of the files changed since the last check: bit i for paths[i]. Never blocks. */
unsigned watch_check(struct file_watch *w);
/* 1 when the watch uses inotify, 0 when it polls. */
int watch_inotify(const struct file_watch *w);
/* The descriptor to wait on (poll(2)), or -1 when polling. */
int watch_fd(const struct file_watch *w);
void watch_close(struct file_watch *w);

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
