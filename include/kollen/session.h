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

/* Keys kept as they were read because this kollen does not know them. */
struct kv {
    char *key;
    char *value; /* still percent-encoded, written back unchanged */
};

struct kvlist {
    struct kv *v;
    int n;
};

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
    struct kvlist extra;
};

struct participant {
    char *name;
    char *role;
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

/* Check a free-text value: valid UTF-8, no NUL, at most max bytes. */
int session_check_text(const char *value, size_t max, int allow_newlines, struct diags *d);

#endif
