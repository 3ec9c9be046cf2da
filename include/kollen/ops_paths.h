/* ops_paths.h: where kollen finds its question banks and keeps its sessions. Each policy is
 * written once, here, so that changing it is a change of one function. */
#ifndef KOLLEN_OPS_PATHS_H
#define KOLLEN_OPS_PATHS_H

#include "kollen/diag.h"

/* The sessions folder when nothing else can say where (no home folder): "sessions" in the
 * working folder. */
#define OPS_SESSIONS_DIR "sessions"

/* The questions folder: given (--questions), else $KOLLEN_QUESTIONS, else questions/ beside
 * the program (or one folder up, for build/kollen), else share/kollen/questions of the tree
 * the program is installed in (PREFIX/bin/kollen: a DESTDIR-staged or moved install finds its
 * own banks), else datadir/questions. A new string the caller frees; NULL when memory ran
 * out. */
char *ops_questions_dir(const char *given, const char *datadir);

/* The sessions folder, the same for every command and the TUI: given (--sessions), else
 * $KOLLEN_SESSIONS, else sessions/ beside the program in a source checkout (the program's
 * folder or its parent holding both questions/ and sessions/), else
 * $XDG_DATA_HOME/kollen/sessions (~/.local/share/kollen/sessions when XDG_DATA_HOME is unset
 * or relative). An empty given folder skips the environment. A new string the caller frees;
 * NULL when memory ran out. */
char *ops_sessions_dir(const char *given);

/* Is a SESSION argument a bare name (a file in the sessions folder) rather than a path? */
int ops_session_is_name(const char *arg);

/* A SESSION argument as a path: an argument with a '/' is a path as it is; a bare name is a
 * file in sessions_dir, with ".ini" added when it has no extension. A new string the caller
 * frees; NULL when memory ran out or the bare name is one store_check_session_name refuses
 * (ops_session_path_check says why). */
char *ops_session_path(const char *sessions_dir, const char *arg);
/* The same, with the name checked (store_check_session_name): a bare name always, the last
 * part of a path too when create (a new session's file). KL_OK and *out (the caller frees
 * it); KL_EUSAGE with the name and the reason in d; KL_ENOMEM. */
int ops_session_path_check(const char *sessions_dir, const char *arg, int create, char **out,
                           struct diags *d);

/* The companion session a session names (`[session] companion`, the other bank's session of
 * the same organisation): relative to the folder of session_path, a bare name with ".ini"
 * added like a SESSION argument; an absolute path as it is. A new string the caller frees;
 * NULL when ref is empty or memory ran out. */
char *ops_companion_path(const char *session_path, const char *ref);

/* Create the sessions folder and any folder above it that is missing, each private (0700:
 * results are sensitive). KL_OK (also when it exists), or KL_EIO with the reason in d. */
int ops_sessions_dir_make(const char *dir, struct diags *d);

#endif
