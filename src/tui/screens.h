/* screens.h (tui-private): every screen, listed once (tig's VIEW_INFO). The list makes the
 * screen ids, the table that draws them and routes their keys (the quit, back and help keys
 * included), and the size of each screen's own state (tig's view->private). */
#ifndef KOLLEN_TUI_SCREENS_H
#define KOLLEN_TUI_SCREENS_H

#include <stddef.h>

#include "grid.h"
#include "keymap.h"
#include "layout.h"

struct app;

/* Screen flags: how the common keys behave there. */
enum {
    SF_OVERLAY = 1,    /* drawn over the screen below it */
    SF_QUIT = 2,       /* the quit key ends the program (saving first) */
    SF_QUIT_BACK = 4,  /* the quit key goes back instead */
    SF_BACK = 8,       /* Esc and the screen's own key (its `back` action) go back */
    SF_SMALL_QUIT = 16, /* in a terminal too small to draw it, the quit key still quits */
    SF_INCREMENTAL = 32 /* draws into the last frame what changed (app.h: repaint) */
};

/* SCREEN(id, name, context, flags, back): id names the screen, name its callbacks
 * (name_screen in screen_name.c), context the key table's context (CX_*), flags SF_*, back
 * the action that toggles it away again (A_NONE: none). */
#define TUI_SCREENS(SCREEN)                                                                    \
    SCREEN(SCR_PICKER, picker, CX_PICKER, SF_QUIT | SF_SMALL_QUIT, A_NONE)                     \
    SCREEN(SCR_FORM, form, CX_FORM, 0, A_NONE)                                                 \
    SCREEN(SCR_MAIN, main, CX_MAIN, SF_QUIT | SF_SMALL_QUIT | SF_INCREMENTAL, A_NONE)          \
    SCREEN(SCR_ROOM, room, CX_ROOM, SF_QUIT | SF_SMALL_QUIT | SF_BACK, A_ROOM)                 \
    SCREEN(SCR_HELP, help, CX_HELP, SF_QUIT_BACK | SF_SMALL_QUIT | SF_BACK, A_HELP)            \
    SCREEN(SCR_NOTE, note, CX_EDIT, SF_OVERLAY, A_NONE)                                        \
    SCREEN(SCR_LINE, line, CX_LINE, SF_OVERLAY, A_NONE)                                        \
    SCREEN(SCR_CONFIRM, confirm, CX_CONFIRM, SF_OVERLAY, A_NONE)                               \
    SCREEN(SCR_PLAN, plan, CX_PLAN, SF_QUIT_BACK | SF_SMALL_QUIT | SF_BACK, A_PLAN)            \
    SCREEN(SCR_QVIEW, qview, CX_QVIEW, SF_QUIT | SF_SMALL_QUIT | SF_BACK, A_QVIEW)             \
    SCREEN(SCR_LEVELS, levels, CX_LEVELS, SF_QUIT_BACK | SF_SMALL_QUIT | SF_BACK, A_LEVELS)    \
    SCREEN(SCR_PARKED, parked, CX_PARKED, SF_QUIT_BACK | SF_SMALL_QUIT | SF_BACK, A_PARKED)    \
    SCREEN(SCR_RECORDS, records, CX_SESSION, SF_QUIT_BACK | SF_SMALL_QUIT | SF_BACK, A_SESSION)

enum scr {
#define SCREEN_ENUM(id, name, cx, flags, back) id,
    TUI_SCREENS(SCREEN_ENUM)
#undef SCREEN_ENUM
        SCR_COUNT
};

/* What a key handler asks of the loop (htop's HandlerResult). */
enum { TUI_REDRAW = 1, TUI_QUIT = 2, TUI_CLEAR = 4 };

/* A screen's callbacks; every one but handle and render may be NULL. */
struct screen_ops {
    size_t state_size; /* the screen's own state, app_state(a, id) */
    int (*init)(struct app *a, void *state);  /* 0, or -1 when memory ran out */
    void (*free)(struct app *a, void *state);
    void (*reset)(struct app *a, void *state); /* another session is opened or closed */
    void (*moved)(struct app *a, void *state); /* the group went to another question */
    /* the key's action in the screen's context (see context), its digit for A_PICK and
     * A_PLAN_T_LEVEL, and the key itself for text; returns TUI_* flags */
    int (*handle)(struct app *a, enum action act, int arg, int key);
    void (*render)(struct app *a, struct grid *g);
    int (*context)(const struct app *a); /* a context looked up before the table's */
    int (*idle)(struct app *a);           /* no key for a while; TUI_* flags */
};

/* A row of the table. */
struct screen_info {
    enum scr id;
    const char *name;
    int context;
    int flags;
    enum action back;
    const struct screen_ops *ops;
};

#define SCREEN_EXTERN(id, name, cx, flags, back) extern const struct screen_ops name##_screen;
TUI_SCREENS(SCREEN_EXTERN)
#undef SCREEN_EXTERN

const struct screen_info *screen_info(enum scr id);

/* A status line hint: the action's first key and a short label. Lists end with A_NONE. */
struct hint {
    enum action act;
    enum tui_msg_id label;
};

/* Openers, for the screens that lead to each other (each in its screen's file). */
void help_open(struct app *a);
void note_open(struct app *a);
/* Write what is typed in the note editor into the session (done on closing, idling, quitting
 * and every few seconds of typing). */
void note_commit(struct app *a);
/* The note editor on the session's summary instead of a question's note. */
void summary_open(struct app *a);
void plan_open(struct app *a);
void picker_open(struct app *a);
/* The new-session form; fixed_path: the file a session is created as (kollen SESSION for a
 * file that does not exist yet), NULL: a name in the sessions folder. */
void form_open(struct app *a, const char *fixed_path);
/* The main screen on question qi with the option cursor on option opt (0-based, -1: as
 * app_goto leaves it), the options pane focused. */
void main_show(struct app *a, int qi, int opt);
/* The main screen's layout for the current terminal: a third header line for the agenda's
 * clocks when the session has an agenda. */
void main_layout(const struct app *a, struct layout *l);
/* The question alone (screen_qview.c): for the projector (help hidden), zoomed with the
 * facilitator's help, or scrolled to that help. */
enum qview_mode { QVIEW_PROJECTOR, QVIEW_ZOOM, QVIEW_HELP };
void qview_open(struct app *a, enum qview_mode mode);
void levels_open(struct app *a);
void parked_open(struct app *a);
void records_open(struct app *a);
/* The keys the main screen and the question view share (actions.c): answering, what the room
 * decides, search, the views. TUI_* flags, or -1 when act is none of them. */
int shared_key(struct app *a, enum action act, int arg);

#endif
