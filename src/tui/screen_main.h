/* screen_main.h (tui-private): the workshop screen's state (screen_main.c) and the note
 * editor's over it (screen_note.c). */
#ifndef KOLLEN_TUI_SCREEN_MAIN_H
#define KOLLEN_TUI_SCREEN_MAIN_H

#include <stdint.h>

#include "editor.h"

enum pane { PANE_AREAS, PANE_QUESTIONS, PANE_OPTIONS, PANE_RECORD, PANE_COUNT };

struct main_cache;

struct main_state {
    enum pane pane;     /* the focused pane */
    int opt;            /* the option cursor (0-based) */
    int rec;            /* the record pane's cursor: 0 the note, k reference k, n+1 "add" */
    struct main_cache *cache; /* texts as drawn, made once (screen_main.c); NULL: none yet */
};

struct note_state {
    struct editor ed;
    int q;       /* the question the note is for */
    int summary; /* the editor holds the session's summary instead (ops_edit) */
    char *orig;  /* the summary as it was when the editor opened (Ctrl-G puts it back) */
    int open;
    int undo_taken; /* this editing run has its undo step */
    int pending;    /* typed but not yet written into the session */
    int64_t committed_at;
};

#endif
