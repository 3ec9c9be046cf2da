/* ops_edit.h: the session's own records, changed after it was created: organisation,
 * facilitator, date, participants and their roles, the measurement period, the summary, the
 * date the management team saw the result, the agenda and the theme. `kollen edit` and the
 * TUI's session screen call ops_edit; several parts of one edit are checked together and
 * applied together, or not at all. */
#ifndef KOLLEN_OPS_EDIT_H
#define KOLLEN_OPS_EDIT_H

#include <stdint.h>

#include "kollen/diag.h"
#include "kollen/ops_workshop.h"

/* Every part is optional: NULL (0 for numbers) keeps what the session has. */
struct ops_edit {
    const char *organisation;    /* trimmed; may not be empty */
    const char *facilitator;     /* "" clears */
    const char *date;            /* the workshop's date, YYYY-MM-DD */
    const char *const *add;      /* participants "NAME:ROLE", split at the first ':', trimmed;
                                    a name the session has gets the role instead */
    const char *const *remove;   /* participants by name */
    int participant;             /* 1..n: participant n gets name and role below */
    const char *name, *role;     /* NULL keeps; the name may not be empty */
    const char *period;          /* "YYYY-MM-DD..YYYY-MM-DD"; "" clears */
    const char *summary;         /* any lines; "" clears */
    const char *management_seen; /* YYYY-MM-DD; "" clears */
    const char *const *agenda;   /* "AREA=MINUTES" (the area's id) or "MINUTES" (the whole
                                    workshop, spread over the areas by their questions) */
    int area;                    /* 1..n_areas: that area's minutes become area_minutes */
    int area_minutes;
    int minutes;                 /* 1..: the whole workshop, spread; -1 removes the agenda */
    const char *theme;           /* a theme's name; "" forgets it */
};

/* Check every part against a copy of the session, then put the copy in place, stamp
 * modified, and save. KL_OK with the save's outcome in res->saved (-1: kept in memory,
 * w->dirty, the reason in d); KL_EUSAGE (a part is invalid, the session read-only) or
 * KL_ENOMEM with the reason in d, and then nothing changed. res->changed is 0 when the edit
 * changed nothing (nothing is written then). */
int ops_edit(struct workshop *w, const struct ops_edit *e, int64_t now, struct ops_result *res,
             struct diags *d);

/* "YYYY-MM-DD..YYYY-MM-DD" into its two dates (copied into from and to, 11 bytes each): 0, or
 * -1 when it is not of that form. */
int ops_parse_period(const char *text, char *from, char *to);

#endif
