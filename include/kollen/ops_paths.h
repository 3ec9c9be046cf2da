/* ops_paths.h: where kollen finds its question banks and keeps its sessions. Each policy is
 * written once, here, so that changing it is a change of one function. */
#ifndef KOLLEN_OPS_PATHS_H
#define KOLLEN_OPS_PATHS_H

#include "kollen/diag.h"

/* The sessions folder when nothing else says where: "sessions" in the working folder. */
#define OPS_SESSIONS_DIR "sessions"

/* The questions folder: given (--questions), else $KOLLEN_QUESTIONS, else questions/ beside
 * the program (or one folder up, for build/kollen), else datadir/questions. A new string the
 * caller frees; NULL when memory ran out. */
char *ops_questions_dir(const char *given, const char *datadir);

/* The sessions folder: given (--sessions), else $KOLLEN_SESSIONS, else OPS_SESSIONS_DIR (also
 * for an empty one). A new string the caller frees; NULL when memory ran out. */
char *ops_sessions_dir(const char *given);

/* Is a SESSION argument a bare name (a file in the sessions folder) rather than a path? */
int ops_session_is_name(const char *arg);

/* A SESSION argument as a path: an argument with a '/' is a path as it is; a bare name is a
 * file in sessions_dir, with ".ini" added when it has no extension. A new string the caller
 * frees; NULL when memory ran out. */
char *ops_session_path(const char *sessions_dir, const char *arg);

/* The companion session a session names (`[session] companion`, the other bank's session of
 * the same organisation): relative to the folder of session_path, a bare name with ".ini"
 * added like a SESSION argument; an absolute path as it is. A new string the caller frees;
 * NULL when ref is empty or memory ran out. */
char *ops_companion_path(const char *session_path, const char *ref);

/* Create the sessions folder, private (0700: results are sensitive), unless it exists.
 * KL_OK, or KL_EIO with the reason in d. */
int ops_sessions_dir_make(const char *dir, struct diags *d);

#endif
