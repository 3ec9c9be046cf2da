/* app.h (tui-private): the state of the workshop UI and the operations on it, with no curses.
 * The curses adapter feeds keys to app_key and copies what app_render draws; tests do the
 * same with scripted keys and an in-memory grid. */
#ifndef KOLLEN_TUI_APP_H
#define KOLLEN_TUI_APP_H

#include <stdint.h>

#include "editor.h"
#include "grid.h"
#include "keymap.h"
#include "kollen/bank.h"
#include "kollen/plan.h"
#include "kollen/score.h"
#include "kollen/session.h"
#include "kollen/store.h"
#include "layout.h"
#include "tui.h"

struct app;

/* What a key handler asks of the loop (htop's HandlerResult). */
enum { TUI_REDRAW = 1, TUI_QUIT = 2, TUI_CLEAR = 4 };

enum pane { PANE_AREAS, PANE_QUESTIONS, PANE_OPTIONS, PANE_RECORD, PANE_COUNT };

enum scr {
    SCR_PICKER,  /* the session list */
    SCR_FORM,    /* a new session */
    SCR_MAIN,    /* the workshop screen */
    SCR_ROOM,    /* the projector view */
    SCR_HELP,    /* keys, from the key table */
    SCR_NOTE,    /* the note editor (over the main screen) */
    SCR_LINE,    /* a one-line prompt on the status line */
    SCR_CONFIRM, /* a question with a few answers */
    SCR_PLAN,    /* the action plan toward a target */
    SCR_COUNT
};

/* Each screen: a key handler returning TUI_* flags and a renderer (the screens' files). */
struct screen_ops {
    int (*handle)(struct app *a, int key);
    void (*render)(struct app *a, struct grid *g);
    int overlay; /* draws over the screen below it */
};

enum line_kind { LINE_JUMP, LINE_EVIDENCE_ADD, LINE_EVIDENCE_EDIT };

enum confirm_kind {
    CONFIRM_QUIT_UNSAVED, /* a save failed: quit anyway? */
    CONFIRM_CREATE,       /* the session does not exist: create it? */
    CONFIRM_READ_ONLY     /* someone holds the lock: open read-only? */
};

struct undo_entry {
    struct session *s; /* the whole session before (or after, for redo) the change */
    int q;             /* the question the change was made on */
};

#define UNDO_MAX 200

struct picker_entry {
    char *path, *file;
    char *org, *date, *bank;
    char *level; /* "2" or "2,58" */
    int answered, questions;
    int64_t modified;
    char *error; /* when the file could not be read */
};

enum form_kind { FF_TEXT, FF_CHOICE, FF_BUTTON };

struct form_field {
    int kind;
    int label; /* message id */
    struct editor ed;
    int choice, n_choices;
    char **choices; /* FF_CHOICE: shown values */
    int participant; /* participant row (1..) of a name/role pair, 0 otherwise */
};

struct form {
    struct form_field *f;
    int n;
    int cur;
    int top;
    int file_edited; /* the file name was typed, not derived from the organisation */
    char *fixed_path; /* kollen SESSION for a file that does not exist yet */
    char **banks;
    int n_banks;
    char **bank_names; /* "Infosäkkollen 2023" for each id, or NULL when it would not load */
};

struct app {
    /* given */
    char *questions_dir, *sessions_dir;
    int64_t (*now)(void);
    int utf8;
    int cols, rows;

    /* the open session */
    char *path;
    struct bank *bank;
    struct session *ses;
    struct score sc;
    int have_score;
    unsigned long rev; /* bumped on every rescore: the answers may have changed */
    struct session_lock *lock;
    int read_only;
    int *walk;  /* question indices in display order: area order, then number */
    int *walk_pos; /* walk position of each question */
    int *area_first, *area_n; /* each area's questions: walk[area_first[ai]] on */

    /* where the group is */
    int area, q, opt, rec;
    int pane;
    int show_help_text;

    struct session *change_snap; /* the snapshot the change under way pushed, or NULL */
    char *pending_path;          /* a session waiting for a yes or no (create, read-only) */

    /* undo and redo */
    struct undo_entry undo[UNDO_MAX];
    int n_undo;
    struct undo_entry redo[UNDO_MAX];
    int n_redo;

    /* saving */
    int dirty;        /* changes not yet on disk (a save failed) */
    int saved_cursor; /* the cursor as last written */
    int64_t saved_at;
    char save_error[DIAG_TEXT_MAX];
    char save_why[DIAG_TEXT_MAX]; /* the same without the session's folder, for the screen */

    /* one-line message on the status line until the next key */
    char msg[1024];
    int msg_role;

    /* screens */
    int stack[8];
    int depth;
    int help_top;

    /* the action plan (screen_plan.c) */
    struct plan_spec plan_spec; /* the target shown; next by default */
    struct plan plan;
    int have_plan;              /* plan is computed for plan_rev and plan_spec */
    unsigned long plan_rev;
    char plan_error[DIAG_TEXT_MAX]; /* why there is no plan */
    int plan_cur, plan_top;     /* the item selected, the first line of the list shown */

    /* the note editor */
    struct editor note;
    int note_q;
    int note_open;
    int note_undo_taken; /* the snapshot for this editing run is on the undo stack */
    int note_pending;    /* typed but not yet written into the session */
    int64_t note_committed_at;

    /* the one-line prompt */
    struct editor line;
    int line_kind, line_arg;
    char line_label[128];

    /* confirm */
    int confirm_kind;
    char confirm_text[1024];

    /* the picker and the form */
    struct picker_entry *pick;
    int n_pick, pick_cur;
    char pick_error[256];
    struct form form;

    /* a problem that ends the program (printed after the terminal is restored) */
    char fatal[1024];
};

/* Set up from options; then app_start decides the first screen. 0, or -1 (a->fatal set). */
int app_init(struct app *a, const struct tui_options *o, int utf8);
int app_start(struct app *a, const char *session_path);
void app_free(struct app *a);

/* A key (enum tui_key or a code point); TUI_* flags. */
int app_key(struct app *a, int key);
/* Draw the whole screen for a grid of the current size. */
void app_render(struct app *a, struct grid *g);
/* Before the program ends for any reason (quit, signal): write what is pending (a note
 * being typed, the cursor), release the lock. Returns 0 when everything is on disk. */
int app_shutdown(struct app *a);

/* --- for the screens --- */
const struct screen_ops *app_screen(int id);
void app_push(struct app *a, int screen);
void app_pop(struct app *a);
int app_top(const struct app *a);
void app_message(struct app *a, int role, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
int64_t app_now(const struct app *a);

/* Open a session file (lock, load, cursor); 0 or -1 with the reason in *why. */
int app_open(struct app *a, const char *path, int read_only, char *why, size_t n);
void app_close(struct app *a);
/* Go to question index qi (area follows, option cursor reset). */
void app_goto(struct app *a, int qi);
/* Questions of area ai in display order: *n of them from walk[*first]. */
void app_area_questions(const struct app *a, int ai, int *first, int *n);

/* Changes: app_change_begin (undo snapshot; refused when read-only), change the session, then
 * app_change_end (stamps, score, save). */
int app_change_begin(struct app *a);
void app_change_end(struct app *a, int qi);
void app_change_cancel(struct app *a);
int app_save(struct app *a);
void app_rescore(struct app *a);
void app_undo(struct app *a);
void app_redo(struct app *a);

/* Answers */
void app_tick(struct app *a, int option); /* multi: toggle; single/scale: choose */
void app_all(struct app *a);
void app_clear(struct app *a, int undiscussed);
void app_toggle_flag(struct app *a, int followup);

/* The note editor */
void app_note_open(struct app *a);
void app_note_commit(struct app *a);
void app_note_close(struct app *a);

/* The one-line prompt and confirm */
void app_line_open(struct app *a, int kind, int arg, const char *label, const char *text);
void app_confirm_open(struct app *a, int kind, const char *text);

int app_quit(struct app *a);

/* The action plan: open its screen on the current session (the item of the current question
 * selected), the targets this bank and session offer (next, each level, msbfs, the group's
 * benchmark; returns how many, at most max), change the target (0, or -1 with the reason on
 * the status line and the target kept), bring the plan up to date with the answers. */
void app_plan_open(struct app *a);
int app_plan_targets(const struct app *a, struct plan_spec *out, int max);
int app_plan_set(struct app *a, const struct plan_spec *spec);
void app_plan_update(struct app *a);
void app_plan_free(struct app *a);

/* The picker and the form */
void app_picker_load(struct app *a);
void app_picker_free(struct app *a);
void app_form_open(struct app *a, const char *fixed_path);
void app_form_free(struct app *a);
int app_form_submit(struct app *a);
/* A file name from an organisation's name: lower-case ASCII, digits and '-'. */
void app_slug(const char *org, char *out, size_t n);

/* Copy src into dst (n bytes), cut at a character boundary when it does not fit. */
void tui_copy(char *dst, size_t n, const char *src);

/* Shared drawing */
void draw_status(struct app *a, struct grid *g, const char *hints);
void draw_too_small(struct grid *g, int need_cols, int need_rows);
void draw_box(struct grid *g, int x, int y, int w, int h, const char *title);
void level_text(struct sbuf *o, const struct bank *b, int level, double value);
/* Key hints for the status line from the key table: "␣ kryssa · n anteckning · ..." */
void hints_text(struct sbuf *o, int utf8, const int *actions, const int *labels, int n);

#endif
