/* screen_prompt.h (tui-private): the one-line prompt on the status line and the questions
 * with a few answers (screen_prompt.c), with their state. */
#ifndef KOLLEN_TUI_SCREEN_PROMPT_H
#define KOLLEN_TUI_SCREEN_PROMPT_H

#include "editor.h"
#include "kollen/ops_workshop.h"

struct app;

enum line_kind {
    LINE_JUMP,
    LINE_EVIDENCE_ADD,
    LINE_EVIDENCE_EDIT,
    LINE_PARK,         /* the reason a question is parked */
    LINE_DISSENT_ADD,  /* "NAME: VIEW" */
    LINE_DISSENT_EDIT, /* arg: the entry (0-based) */
    LINE_SEARCH,
    LINE_RECORD /* a row of the session screen (arg: the row, see screen_records.c) */
};

struct line_state {
    struct editor ed;
    enum line_kind kind;
    int arg; /* LINE_EVIDENCE_EDIT, LINE_DISSENT_EDIT: the item (0-based); LINE_RECORD */
    char label[128];
};

enum confirm_kind {
    CONFIRM_QUIT_UNSAVED, /* a save failed: quit anyway? */
    CONFIRM_CREATE,       /* the session does not exist: create it? */
    CONFIRM_READ_ONLY,    /* someone holds the lock: open read-only? */
    CONFIRM_UNDOCUMENT,   /* the last evidence reference is gone: still documented? */
    CONFIRM_REMOVE_PERSON /* remove participant arg (0-based)? */
};

struct confirm_state {
    enum confirm_kind kind;
    int arg;
    char text[1024];
};

/* Ask for a line of text (text: what it starts with). */
void line_open(struct app *a, enum line_kind kind, int arg, const char *label, const char *text);
/* Ask a question; the answer's keys are in the key table (CX_CONFIRM). */
void confirm_open(struct app *a, enum confirm_kind kind, const char *text);
/* The session screen's row arg was typed (screen_records.c). */
void records_accept(struct app *a, int row, const char *text);
/* Remove participant k after the user said yes (screen_records.c). */
void records_remove(struct app *a, int k);
/* An evidence reference removed: when it was the last, ask whether the answer stays
 * documented (the other half of the rule that adding one documents it). */
void evidence_removed(struct app *a, const struct ops_result *res, int k);

#endif
