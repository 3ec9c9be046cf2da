/* ops_follow.h: a second screen that follows the facilitator (kollen follow, and the read-only
 * instance the lock offers). The writer publishes where the group is in a small file beside
 * the session, SESSION.cursor, replaced by rename but never fsynced: a move is not worth a
 * disk flush, and nothing is lost if a power cut takes it. The follower watches the session's
 * folder (inotify; where that is missing, stat(2) on every check, see docs/follow.md) and
 * reads the session again when a save replaces it, and the cursor file when the group moves. */
#ifndef KOLLEN_OPS_FOLLOW_H
#define KOLLEN_OPS_FOLLOW_H

#include "kollen/diag.h"
#include "kollen/ops_workshop.h"

/* SESSION.cursor for the session at path (caller frees); NULL when memory ran out. */
char *ops_cursor_path(const char *session_path);
/* The writer: the group is at the session's cursor now (w->ses->cursor); SESSION.cursor is
 * replaced without fsync. Nothing for a read-only workshop. KL_OK or the write's code. */
int ops_publish_cursor(struct workshop *w, struct diags *d);
/* The question number SESSION.cursor names: 0 and *number, or -1 (no file, not readable). */
int ops_read_cursor(const char *session_path, int *number);

/* Read the session file again (the bank stays; undo is dropped: the steps were another
 * writer's). Only for a read-only workshop. KL_OK, or the load's code with the reason in d
 * and the session as it was. */
int ops_refresh(struct workshop *w, struct diags *d);

/* What changed since the last check. */
enum { OPS_FOLLOW_SESSION = 1, OPS_FOLLOW_CURSOR = 2 };

struct ops_follow;
/* Follow the session of read-only workshop w (poll_only: stat instead of inotify). Reads the
 * session again once the watch is there (a save in between is not missed) and takes the
 * published cursor when it is newer than the session. KL_OK and *out, or KL_ENOMEM. */
int ops_follow_start(struct workshop *w, int poll_only, struct ops_follow **out,
                     struct diags *d);
/* Never blocks: OPS_FOLLOW_* flags; with OPS_FOLLOW_SESSION the session was read again (or,
 * failing that, the reason is in d), with OPS_FOLLOW_CURSOR w->ses->cursor is where the
 * writer is. 0 when nothing changed. */
int ops_follow_check(struct ops_follow *f, struct workshop *w, struct diags *d);
/* 1 when it uses inotify, 0 when it polls. */
int ops_follow_inotify(const struct ops_follow *f);
/* A descriptor that becomes readable when something changed (inotify), to wait on beside the
 * terminal; -1 when polling (or f is NULL). */
int ops_follow_fd(const struct ops_follow *f);
void ops_follow_stop(struct ops_follow *f);

#endif
