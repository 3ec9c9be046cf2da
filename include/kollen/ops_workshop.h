/* ops_workshop.h: a workshop session as both front ends use it. Created with the fields of
 * `kollen new` and the TUI's form; opened for writing (locked) or read-only; changed one
 * question at a time, every part of a change checked before anything changes, then stamped,
 * scored and saved at once; undone and redone step by step; closed. `kollen new`, `kollen set`
 * and the TUI call these functions and only print or draw what they return. */
#ifndef KOLLEN_OPS_WORKSHOP_H
#define KOLLEN_OPS_WORKSHOP_H

#include <stdint.h>

#include "kollen/bank.h"
#include "kollen/diag.h"
#include "kollen/score.h"
#include "kollen/session.h"
#include "kollen/store.h"

/* The bank a new session uses when none is named. */
#define OPS_DEFAULT_BANK "infosakkollen-2023"
/* Undo steps kept (the oldest is dropped beyond). */
#define OPS_UNDO_MAX 200

/* --- creating --- */

/* A participant as a form gives one. */
struct ops_person {
    const char *name, *role;
};

struct ops_new {
    const char *bank_id;      /* NULL: OPS_DEFAULT_BANK */
    const char *organisation; /* as it is (the caller trims and requires it) */
    enum actor_group group;
    const char *date;        /* YYYY-MM-DD (the caller checks it); NULL: today, UTC */
    const char *facilitator; /* NULL or "": none */
    /* participants as `kollen new --participant` gives them: "NAME:ROLE", split at the first
     * ':', both trimmed; NULL-terminated, or NULL */
    const char *const *participants;
    /* participants as the TUI's form gives them: name and role, trimmed; a row without a
     * name is left out */
    const struct ops_person *people;
    int n_people;
    const char *make_dir; /* create this folder (0700) before saving, or NULL */
    const char *companion; /* the other bank's session of the same organisation, or NULL */
    int minutes; /* the workshop's planned length, spread over the areas by their questions;
                    0: no agenda */
};

/* Create the session file at path for bank n->bank_id of questions_dir: private (0600) and
 * create-only, an existing file is never replaced. KL_OK, with a warning in d when the folder
 * is open to others (store_check_private); KL_EEXIST when path exists;
 * otherwise the load's or the save's code (KL_EUSAGE for a field that is too long or not
 * UTF-8) with the reason in d. Nothing is left behind on failure. */
int ops_create(const char *questions_dir, const char *path, const struct ops_new *n, int64_t now,
               struct diags *d);

/* --- an open session --- */

/* One undo step: the answer of one question before and after a change. A part the change
 * left as it was (the note, the evidence, the dissent: the large ones) is kept on neither
 * side (`same`): when the step is taken it is the question's answer's own, which is then the
 * other side. Memory per step is what changed, not the answer. */
enum { OPS_SAME_NOTE = 1, OPS_SAME_EVIDENCE = 2, OPS_SAME_DISSENT = 4 };
struct ops_step {
    int question; /* index into bank.questions */
    struct answer before, after;
    int same; /* OPS_SAME_*: the parts neither side holds */
};

/* Read these fields; change them only through the functions below. */
struct workshop {
    char *path;
    struct bank *bank;
    struct session *ses;
    struct score sc;   /* of ses, kept current by every change */
    int have_score;    /* 0 only when scoring ran out of memory */
    unsigned long rev; /* counts rescorings: whatever was computed from the answers is stale */
    int read_only;
    struct session_lock *lock; /* NULL: read-only or released */
    struct ops_step undo[OPS_UNDO_MAX];
    int n_undo;
    struct ops_step redo[OPS_UNDO_MAX];
    int n_redo;
    int dirty;        /* changes in memory that are not on disk: the last save failed */
    int saved_cursor; /* the cursor as last written */
    int64_t saved_at; /* when this run last wrote the file; 0: not yet */
    char save_error[DIAG_TEXT_MAX]; /* why the last save failed */
    /* running the room (kollen/ops_room.h) */
    int pending;   /* records that need no save of their own (time spent, a sitting's end)
                      changed since the last write: the next save or flush writes them */
    int sitting;   /* the sitting this run records (an index into ses->sittings), -1: none */
    int published; /* this run wrote SESSION.cursor (kollen/ops_follow.h): removed on close */
};

enum {
    OPS_READ_ONLY = 1,        /* no lock; every change refused */
    OPS_LOCK_OR_READ_ONLY = 2 /* a lock that cannot be taken (KL_ENOLOCK): open read-only */
};

/* Open the session at path and the bank it names from questions_dir. For writing, the lock
 * comes first and the file is read after it, so nothing another writer saves in between is
 * lost: a live holder gives KL_ELOCKED with who holds it in d, and nothing is opened. Any other
 * lock failure (KL_ENOLOCK: the lock path is a folder or a symlink, permission denied, a
 * read-only folder, ENOLCK, a name too long) is returned as it is, or with
 * OPS_LOCK_OR_READ_ONLY opens the session read-only (w->read_only) with the reason as a
 * warning: never writable without the lock. Warnings (a stale lock taken over, a folder or file
 * open to others) go to d before any error. KL_OK and *out (free it with ops_close), or the
 * load's code with the problems in d. */
int ops_open(struct workshop **out, const char *path, const char *questions_dir, int flags,
             const char *program, struct diags *d);
/* Release the lock early (the program is ending); the session stays in memory. */
void ops_unlock(struct workshop *w);
/* Unlock and free. Does not save: see ops_flush. Accepts NULL. */
void ops_close(struct workshop *w);

/* The index of the question with number text ("7"), or -1. */
int ops_question(const struct bank *b, const char *number);

/* --- changing an answer --- */

enum ops_flag { OPS_KEEP = 0, OPS_ON, OPS_OFF, OPS_TOGGLE };
enum ops_clear {
    OPS_CLEAR_NONE = 0,
    OPS_CLEAR_TICKS,      /* ticks and choice off; a multi question stays answered ("none") */
    OPS_CLEAR_UNDISCUSSED /* not discussed */
};

/* One change to one question's answer. Zero-initialised it changes nothing; set the parts
 * wanted. They apply in this order. */
struct ops_change {
    const char *answer; /* ANSWER text as `kollen set` takes it ("all", "none", "1,3"), or NULL */
    int option;         /* 1..n: toggle option n (multi) or choose it (single, scale) */
    int all;            /* every option (single, scale: the highest) */
    enum ops_clear clear;
    const char *note;  /* the note's new text ("" removes it), or NULL */
    int evidence_edit; /* 1..n: reference n becomes evidence_text */
    const char *evidence_text;
    int evidence_remove;             /* 1..n: reference n is removed */
    const char *const *evidence_add; /* references to add, NULL-terminated; or NULL */
    enum ops_flag documented;        /* OPS_KEEP leaves it to the evidence rule */
    enum ops_flag followup;
    int confirm; /* stamp and save even when the answer stays the same (`kollen set`) */
    int merge;   /* fold into the last undo step if it is on this question (one step for a
                    note saved several times while it is typed) */
    /* what the room decided */
    enum ops_flag agreed;
    const char *const *dissent_add; /* "NAME: VIEW" each, split at the first ':'; or NULL */
    int dissent_remove;             /* 1..n: dissent entry n is removed */
    int dissent_edit;               /* 1..n: dissent entry n becomes dissent_text */
    const char *dissent_text;       /* "NAME: VIEW" */
    enum ops_flag parked;           /* the parking lot (OPS_OFF also drops the reason) */
    const char *park_reason;        /* with parked ON or TOGGLE (to on): NULL or "" for none */
};

/* What a change, an undo or a redo did. */
struct ops_result {
    int question;   /* the question changed (undo, redo: the one restored), -1: none */
    int changed;    /* the answer differs from before */
    int documented; /* an added evidence reference marked the answer documented */
    int last_evidence; /* the last evidence reference was removed and the answer is still
                          marked documented: the front end asks whether it stays so */
    int saved;      /* 1 written; 0 nothing to write; -1 the save failed: the change is kept in
                       memory (w->dirty), the reason in d and w->save_error */
};

/* Change the answer to question qi (an index). Every part is checked first (the answer text,
 * the option, the note and references: length, UTF-8, line breaks, how many; reference
 * numbers); then the answer changes, adding a reference marks it documented (the rule is
 * written here once) unless c->documented says otherwise, the answer's changed time, the
 * session's modified time and cursor are stamped, the score is brought up to date, an undo
 * step is kept and the file is saved. A change that changes nothing does nothing (no step, no
 * save) unless c->confirm. Returns KL_OK (the save's outcome in res->saved), or KL_EUSAGE (a
 * part is invalid, or the session is read-only) or KL_ENOMEM with the reason in d: then
 * nothing changed. */
int ops_set(struct workshop *w, int qi, const struct ops_change *c, int64_t now,
            struct ops_result *res, struct diags *d);

/* The plan step of question qi as tracked between workshops (`kollen plan --assign`, `--due`,
 * `--status`): owner and due (NULL keeps, "" clears; due YYYY-MM-DD), status (-1 keeps, else
 * enum step_status). Checked first; then stamped, kept as an undo step (undo gives the step
 * back too) and saved. res->changed 0 when it was so already (nothing written). KL_OK (the
 * save's outcome in res->saved), KL_EUSAGE with the reason in d, KL_ENOMEM. */
int ops_set_step(struct workshop *w, int qi, const char *owner, const char *due, int status,
                 int64_t now, struct ops_result *res, struct diags *d);

/* Undo the last change, or redo the last one undone: the question's answer as it was before
 * (after), the session stamped, scored and saved, the cursor on that question. res->changed
 * is 0 when there was nothing to undo (redo). KL_EUSAGE when read-only; KL_ENOMEM. */
int ops_undo(struct workshop *w, int64_t now, struct ops_result *res, struct diags *d);
int ops_redo(struct workshop *w, int64_t now, struct ops_result *res, struct diags *d);

/* The group is at question qi now: the cursor goes to disk with the next write. */
void ops_move(struct workshop *w, int qi);
/* Write the session now. KL_OK (w->dirty cleared), or the save's code with w->dirty set and
 * the reason in d and w->save_error. A read-only session is never written (KL_OK). */
int ops_save(struct workshop *w, int64_t now, struct diags *d);
/* Write if anything is not on disk yet (a failed save, the cursor moved, pending records).
 * KL_OK when everything is on disk afterwards. */
int ops_flush(struct workshop *w, int64_t now, struct diags *d);
/* Score the session again (after it was changed directly, as tests do). */
void ops_rescore(struct workshop *w);

#endif
