/* screen_prompt.h (tui-private): the one-line prompt on the status line and the questions
 * with a few answers (screen_prompt.c), with their state. */
#ifndef KOLLEN_TUI_SCREEN_PROMPT_H
#define KOLLEN_TUI_SCREEN_PROMPT_H

#include "editor.h"

struct app;

enum line_kind { LINE_JUMP, LINE_EVIDENCE_ADD, LINE_EVIDENCE_EDIT };

struct line_state {
    struct editor ed;
    enum line_kind kind;
    int arg; /* LINE_EVIDENCE_EDIT: the reference (0-based) */
    char label[128];
};

enum confirm_kind {
    CONFIRM_QUIT_UNSAVED, /* a save failed: quit anyway? */
    CONFIRM_CREATE,       /* the session does not exist: create it? */
    CONFIRM_READ_ONLY     /* someone holds the lock: open read-only? */
};

struct confirm_state {
    enum confirm_kind kind;
    char text[1024];
};

/* Ask for a line of text (text: what it starts with). */
void line_open(struct app *a, enum line_kind kind, int arg, const char *label, const char *text);
/* Ask a question; the answer's keys are in the key table (CX_CONFIRM). */
void confirm_open(struct app *a, enum confirm_kind kind, const char *text);

#endif
