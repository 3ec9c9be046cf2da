/* ops_room.h: keeping time and order while the room works: the time spent per work area
 * (kept in memory and written with the next save, so measuring never causes a save of its
 * own), the sittings of a workshop with who was present, and the agenda's clocks. What the
 * room decides about an answer (agreed, dissent, the parking lot) goes through ops_set
 * (kollen/ops_workshop.h); the session's own records through ops_edit (kollen/ops_edit.h). */
#ifndef KOLLEN_OPS_ROOM_H
#define KOLLEN_OPS_ROOM_H

#include <stdint.h>

#include "kollen/diag.h"
#include "kollen/ops_workshop.h"

/* A sitting that ended (or was left unclosed) at most this long ago is continued when the
 * session is opened again: a break is not a new meeting. */
#define OPS_SITTING_GAP (60 * 60)

/* The room spent seconds on work area ai: added in memory (w->pending), written by the next
 * save or flush. Nothing for a read-only session. */
void ops_add_spent(struct workshop *w, int ai, int64_t seconds);

/* This run records a sitting from now (w->sitting): a new one, or the last one continued when
 * it ended within OPS_SITTING_GAP. In memory (w->pending), written by the next save or flush:
 * opening a session is not worth a save of its own. KL_OK, KL_EUSAGE (read-only, or the
 * session holds SESSION_SITTINGS_MAX) or KL_ENOMEM with the reason in d. */
int ops_sitting_begin(struct workshop *w, int64_t now, struct diags *d);
/* The sitting ends now: in memory, written by the next save or flush. */
void ops_sitting_end(struct workshop *w, int64_t now);
/* Participant k (0-based) is present, or not, at this run's sitting; saved. KL_EUSAGE when
 * there is no sitting or no such participant. */
int ops_set_present(struct workshop *w, int k, int present, int64_t now, struct ops_result *res,
                    struct diags *d);

/* The agenda's clocks for work area ai. */
struct agenda_clock {
    int planned;          /* the session has an agenda (planned minutes) */
    int64_t area_spent;   /* seconds spent on the area */
    int area_minutes;     /* minutes planned for it */
    int64_t area_over;    /* seconds beyond its plan, 0 within it */
    int64_t total_spent;  /* seconds spent on every area */
    int total_minutes;    /* the workshop's planned minutes (else the areas' sum) */
    int64_t total_over;
    int areas_left;       /* the other areas with questions not yet answered */
    int left_minutes;     /* the minutes planned for them */
};
void ops_agenda_clock(const struct workshop *w, int ai, struct agenda_clock *c);

#endif
