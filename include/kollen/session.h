/* session.h: a workshop session: who took part and, per question, the answer and its record. */
#ifndef KOLLEN_SESSION_H
#define KOLLEN_SESSION_H

#include <stddef.h>
#include <stdint.h>

#include "kollen/bank.h"
#include "kollen/diag.h"

/* Limits on what a session may hold (documented in docs/session-format.md). One-line fields
 * are written on one INI line, so even fully percent-encoded (3 bytes per byte) they stay
 * under the 1000-byte line limit; notes are split over numbered keys and may be long. */
#define SESSION_NOTE_MAX (64 * 1024) /* bytes per note */
#define SESSION_EVIDENCE_MAX 300     /* bytes per evidence reference */
#define SESSION_EVIDENCE_COUNT 64    /* references per answer */
#define SESSION_FIELD_MAX 200        /* organisation, facilitator, names, roles */
#define SESSION_PARTICIPANTS_MAX 200
#define SESSION_DISSENT_MAX 300      /* bytes per dissenting view, one line */
#define SESSION_DISSENT_COUNT 20     /* dissent entries per answer */
#define SESSION_REASON_MAX 300       /* why a question was parked, one line */
#define SESSION_SUMMARY_MAX (64 * 1024) /* the workshop's summary */
#define SESSION_SITTINGS_MAX 100     /* meetings one workshop may span */
#define SESSION_MINUTES_MAX (24 * 60) /* planned minutes, per area and in all */
#define SESSION_THEME_MAX 32         /* a theme's name: a-z, 0-9, '-' */

/* Keys kept as they were read because this kollen does not know them. */
struct kv {
    char *key;
    char *value; /* still percent-encoded, written back unchanged */
};

struct kvlist {
    struct kv *v;
    int n;
};

/* A view someone in the room holds that differs from the answer recorded. */
struct dissent {
    char *who;  /* a participant's name or a role; one line */
    char *view; /* one line */
};

/* Where a plan step stands between workshops (kollen plan --status). */
enum step_status { STEP_UNTRACKED, STEP_OPEN, STEP_STARTED, STEP_DONE };

struct answer {
    int answered;   /* 0: not yet discussed (scores as nothing) */
    uint64_t ticks; /* multi: bit i set when option i+1 is ticked */
    int choice;     /* single/scale: 1..n_options when answered */
    char *note;     /* NULL or text, any UTF-8, newlines included */
    char **evidence;
    int n_evidence;
    int documented;
    int followup;
    int64_t changed; /* Unix time of the last change, 0 = never */
    /* what the room decided: agreed, and the dissent recorded (both may hold: a decision
     * with a reservation) */
    int agreed;
    struct dissent *dissent;
    int n_dissent;
    /* the parking lot: come back to this question later */
    int parked;
    char *park_reason; /* NULL or one line */
    /* the plan step for this question, tracked between workshops */
    char *owner;       /* NULL or one line */
    char *due;         /* NULL or YYYY-MM-DD */
    enum step_status status;
    struct kvlist extra;
};

struct participant {
    char *name;
    char *role;
};

/* One meeting of the workshop: when, and which participants were there. */
struct sitting {
    int64_t start, end; /* Unix time; end 0 while it goes on (or when it was never closed) */
    int *present;       /* participant numbers (1-based, as in the file), ascending */
    int n_present;
};

/* The agenda of one work area: minutes planned and seconds the room spent on it. */
struct agenda_item {
    int minutes;   /* 0: none planned */
    int64_t spent; /* seconds */
};

struct section_extra {
    char *name;
    struct kvlist kv;
};

enum actor_group { GROUP_KOMMUN, GROUP_REGION, GROUP_MYNDIGHET, GROUP_ANNAN };

struct session {
    int format;
    char *bank_id;
    char *organisation;
    enum actor_group group;
    char *date; /* YYYY-MM-DD */
    char *facilitator;
    int64_t created, modified;
    int cursor; /* question number where the group left off, 0 = start */
    struct participant *participants;
    int n_participants;
    struct answer *answers; /* one per bank question, in bank order */
    int n_answers;
    /* session-level records (docs/session-format.md) */
    char *period_from, *period_to; /* the measurement period, YYYY-MM-DD, or both NULL */
    char *summary;                 /* NULL or the workshop's summary, any lines */
    char *management_seen;         /* NULL or YYYY-MM-DD: the management team saw the result */
    char *theme;                   /* NULL or the TUI theme remembered for this session */
    char *companion;               /* NULL or the companion session (the other bank) */
    int minutes;                   /* planned length of the whole workshop, 0: none */
    struct agenda_item *agenda;    /* one per bank area, in bank area order */
    int n_agenda;
    struct sitting *sittings;      /* in the order they took place */
    int n_sittings;
    struct kvlist extra;           /* unknown keys of [session] */
    struct section_extra *sections; /* unknown sections, in file order */
    int n_sections;
};

const char *group_name(enum actor_group g);
int group_parse(const char *s); /* -1 when unknown */

/* A fresh session for bank b. Returns NULL on allocation failure. */
struct session *session_new(const struct bank *b, const char *organisation,
                            enum actor_group group, const char *date, int64_t now);
void session_free(struct session *s);
/* A deep copy (for undo); NULL on allocation failure. */
struct session *session_dup(const struct session *s);
void answer_clear(struct answer *a);
int answer_copy(struct answer *dst, const struct answer *src);

/* Parse ANSWER text ("all", "none", "1,3,5", "3") for question q into a (ticks/choice;
 * the record is untouched). Returns KL_OK or KL_EUSAGE with a message in d. */
int answer_parse(const struct question *q, const char *text, struct answer *a, struct diags *d);
/* Format the answer's value as it is stored ("none", "1,3,5", "3"); buf of 256 bytes. */
void answer_format(const struct question *q, const struct answer *a, char *buf, size_t n);

/* Setters that validate limits and UTF-8 and stamp changed = now. Each returns KL_OK,
 * KL_ENOMEM or KL_EUSAGE (with a message in d); on failure nothing changes. */
int session_set_note(struct session *s, int qi, const char *note, int64_t now, struct diags *d);
int session_add_evidence(struct session *s, int qi, const char *ref, int64_t now,
                         struct diags *d);
int session_set_evidence(struct session *s, int qi, int k, const char *ref, int64_t now,
                         struct diags *d);
int session_remove_evidence(struct session *s, int qi, int k, int64_t now);
int session_set_text(char **field, const char *value, size_t max, struct diags *d);
int session_add_participant(struct session *s, const char *name, const char *role,
                            struct diags *d);

/* What the room decided (each stamps changed = now; KL_OK, KL_ENOMEM or KL_EUSAGE). */
int session_set_agreed(struct session *s, int qi, int agreed, int64_t now);
int session_add_dissent(struct session *s, int qi, const char *who, const char *view,
                        int64_t now, struct diags *d);
int session_remove_dissent(struct session *s, int qi, int k, int64_t now, struct diags *d);
/* Park (with an optional reason, NULL or "" for none) or unpark a question. */
int session_set_parked(struct session *s, int qi, int parked, const char *reason, int64_t now,
                       struct diags *d);
/* The plan step of a question: owner (NULL keeps it, "" clears), due (NULL keeps, "" clears,
 * else YYYY-MM-DD), status (-1 keeps). A step given an owner or a due date and no status
 * yet becomes STEP_OPEN. */
int session_set_step(struct session *s, int qi, const char *owner, const char *due, int status,
                     int64_t now, struct diags *d);
const char *step_status_name(enum step_status st); /* "open", "started", "done", "" */
int step_status_parse(const char *s);               /* -1 when unknown */
/* Disputed: dissent is recorded and the room has not marked the answer agreed. */
int answer_disputed(const struct answer *a);

/* Session-level records. Dates are YYYY-MM-DD; "" or NULL clears. */
int session_set_period(struct session *s, const char *from, const char *to, struct diags *d);
int session_set_date_field(char **field, const char *date, int required, struct diags *d);
int session_set_summary(struct session *s, const char *text, struct diags *d);
int session_set_theme(struct session *s, const char *name, struct diags *d);
int session_set_companion(struct session *s, const char *ref, struct diags *d);
int session_edit_participant(struct session *s, int k, const char *name, const char *role,
                             struct diags *d);
/* Remove participant k (0-based); the sittings' attendance is renumbered. */
int session_remove_participant(struct session *s, int k, struct diags *d);
/* Index of the participant with this name, or -1. */
int session_find_participant(const struct session *s, const char *name);

/* The agenda: minutes for area ai (0..SESSION_MINUTES_MAX); the whole workshop's minutes,
 * and with spread, every area's minutes set from it in proportion to its questions (the
 * remainder to the areas with the most questions, so they add up). */
int session_set_agenda(struct session *s, int ai, int minutes, struct diags *d);
int session_set_minutes(struct session *s, const struct bank *b, int minutes, int spread,
                        struct diags *d);
void session_add_spent(struct session *s, int ai, int64_t seconds);

/* Sittings: a new one starting at `start` (its index in *k), its end, who is present
 * (participant k, 0-based). */
int session_add_sitting(struct session *s, int64_t start, int *k, struct diags *d);
int session_end_sitting(struct session *s, int k, int64_t end);
int session_set_present(struct session *s, int k, int participant, int present,
                        struct diags *d);
int sitting_is_present(const struct sitting *t, int participant);

/* Check a free-text value: valid UTF-8, no NUL, at most max bytes. */
int session_check_text(const char *value, size_t max, int allow_newlines, struct diags *d);

#endif
