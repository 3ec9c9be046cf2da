/* app.h (tui-private): what every screen of the workshop UI shares, with no curses: the open
 * session (a workshop of kollen/ops_workshop.h), where the group is in it, the status line
 * message and the screen stack. Each screen keeps its own state (app_state; screens.h). The
 * curses adapter feeds keys to app_key and copies what app_render draws; tests do the same
 * with scripted keys and an in-memory grid. */
#ifndef KOLLEN_TUI_APP_H
#define KOLLEN_TUI_APP_H

#include <stdint.h>

#include "editor.h"
#include "grid.h"
#include "keymap.h"
#include "kollen/bank.h"
#include "kollen/ops_follow.h"
#include "kollen/ops_search.h"
#include "kollen/ops_workshop.h"
#include "kollen/score.h"
#include "kollen/session.h"
#include "layout.h"
#include "screens.h"
#include "tui.h"
#include "tui_msg.h"

struct app {
    /* given */
    char *questions_dir, *sessions_dir;
    int64_t (*now)(void);
    int utf8;
    int cols, rows;

    /* the open session, or NULL; and the questions in display order: area order, then
     * number (walk), each question's place in it (walk_pos), each area's part of it */
    struct workshop *w;
    int *walk, *walk_pos, *area_first, *area_n;
    int area, q;                  /* where the group is */
    char save_why[DIAG_TEXT_MAX]; /* why the last save failed, short enough for the screen */
    char *pending_path;           /* a session waiting for a yes or no (create, read-only) */

    /* one-line message on the status line until the next key */
    char msg[1024];
    int msg_role;
    /* the status line's hints as last made (draw_status): for hints_for in that glyph set and
     * language; NULL: none yet */
    char *hints_line;
    const struct hint *hints_for;
    int hints_utf8, hints_lang;

    /* screens */
    int stack[8];
    int depth;
    void *state[SCR_COUNT];
    /* app_render: 1 when the grid was cleared for this frame and everything is drawn; 0 when
     * it holds the last frame drawn (by number: another grid is drawn whole) of the same screen
     * (SF_INCREMENTAL), which draws only what changed. drawn says what that frame was. */
    int repaint;
    unsigned long frames; /* frames drawn: each is numbered */
    struct {
        unsigned long frame; /* the last frame's number, also in its grid's app_frame */
        int stack[8], depth, cols, rows, utf8, theme;
    } drawn;

    /* a problem that ends the program (printed after the terminal is restored) */
    char fatal[1024];
    int fatal_usage; /* the problem is the command line's (exit 1, not 2) */

    /* running the room */
    int follow;                  /* kollen follow: a read-only mirror of the facilitator */
    int follow_question;         /* ... that starts on the question view */
    int watch_poll;              /* KOLLEN_WATCH=poll: stat instead of inotify */
    struct ops_follow *follower; /* a read-only session followed, or NULL */
    int theme, theme_forced;     /* THEME_* (theme.h); --theme wins over the session's */
    int64_t clock_mark;          /* when the room's time was last counted, 0: not counting */
    int clock_area;              /* the area it was counted to */
    int64_t flushed_at;          /* the last write of time counted */
    int64_t clock_shown;         /* the second the clocks last showed */
    int last_level;              /* the overall level last seen, to say when one is reached */
    int reached;                 /* the level reached during this run, 0: none */
    int64_t reached_at;
    /* the last search: its words and hits in display order, the one shown */
    char search[128];
    struct search_hit *hits;
    int n_hits, hit;
};

/* Time counted to one area at most in one step (a longer gap means the program was stopped
 * or the machine slept), and how often counted time is written when nothing else is. */
#define TUI_CLOCK_GAP 600
#define TUI_CLOCK_FLUSH 60

/* Set up from options; then app_start decides the first screen. 0, or -1 (a->fatal set). */
int app_init(struct app *a, const struct tui_options *o, int utf8);
int app_start(struct app *a, const char *session_path);
void app_free(struct app *a);

/* A key (enum tui_key or a code point); TUI_* flags. */
int app_key(struct app *a, int key);
/* A descriptor to wait on beside the terminal: readable when the followed session changed;
 * -1 when there is none (nothing followed, or the stat fallback). */
int app_watch_fd(const struct app *a);
/* No key for a while (TK_TICK, TK_TIMEOUT): the room's time counted, written now and then; a
 * followed session read again. TUI_REDRAW when the screen changed (the clocks' second). */
int app_tick(struct app *a);
/* Draw the screen for a grid of the current size: the whole of it, or, when g holds the last
 * frame drawn (g->app_frame) and it was of the same incremental screen, what changed since. */
void app_render(struct app *a, struct grid *g);
/* Before the program ends for any reason (quit, signal): write what is pending (a note
 * being typed, the cursor), release the lock. Returns 0 when everything is on disk. */
int app_shutdown(struct app *a);

/* --- for the screens --- */
void *app_state(struct app *a, enum scr id);
void app_push(struct app *a, enum scr screen);
void app_pop(struct app *a);
int app_top(const struct app *a);
void app_message(struct app *a, int role, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void app_message_id(struct app *a, int role, enum tui_msg_id id, ...);
int64_t app_now(const struct app *a);

/* Open a session file (lock, load, cursor): 0; 1 when another writer holds it and the user is
 * asked whether to open it read-only; -1 with the reason in *why. */
int app_open(struct app *a, const char *path, int read_only, char *why, size_t n);
void app_close(struct app *a);
/* Go to question index qi (area follows, the screens' cursors reset). */
void app_goto(struct app *a, int qi);
/* Questions of area ai in display order: *n of them from walk[*first]. */
void app_area_questions(const struct app *a, int ai, int *first, int *n);

/* Changes go through the use case (ops_set): app_change shows what went wrong or a failed
 * save on the status line and returns 0 when the change was made. */
int app_change(struct app *a, int qi, const struct ops_change *c, struct ops_result *res);
/* A save's outcome on the status line (a failure, shortened for the screen). */
void app_saved(struct app *a, const struct ops_result *res);
int app_save(struct app *a);
void app_undo(struct app *a);
void app_redo(struct app *a);

/* q: quit after saving what is pending, or ask when a save fails. TUI_* flags. */
int app_quit(struct app *a);

/* The room's time up to now counted to the area the group is in (no write of its own). */
void app_clock(struct app *a);
/* The theme in use from now (the session remembers it when it can be written). */
void app_set_theme(struct app *a, int theme);
/* After anything that can change the score: say when the group reaches a level. */
void app_level_check(struct app *a);
/* Changes to the session's own records through the use case (ops_edit): 0, or -1 with why on
 * the status line. */
struct ops_edit;
int app_edit(struct app *a, const struct ops_edit *e);
/* Search for text (the hits in display order, the first after the current question shown);
 * step to the next (dir 1) or previous (-1) hit. */
void app_search(struct app *a, const char *text);
void app_search_step(struct app *a, int dir);

/* Copy src into dst (n bytes), cut at a character boundary when it does not fit. */
void tui_copy(char *dst, size_t n, const char *src);
/* The first error of d (else its first message) into out. */
void tui_first_error(const struct diags *d, char *out, size_t n);

/* Shared drawing (draw.c) */
/* The status line; returns the rows it took (a long warning grows upwards, up to three). */
int draw_status(struct app *a, struct grid *g, const struct hint *hints);
void draw_too_small(struct grid *g, int need_cols, int need_rows);
void draw_box(struct grid *g, int x, int y, int w, int h, const char *title);
/* Key hints for the status line from the key table: "␣ kryssa  n anteckning ..." */
void hints_text(struct sbuf *o, int utf8, const struct hint *hints);
/* A key in an editor of context cx (CX_EDIT, CX_LINE): its editing action (E_*) applied or a
 * typed character inserted; 1 when the key was used. */
int edit_key(struct editor *e, int cx, int key, int width, int page);
/* Draw a one-line editor in w columns at (x, y), scrolled to show the cursor. */
void draw_line_editor(struct grid *g, struct editor *e, int x, int y, int w, int role);
/* The editor's size against its limit ("287/300"; when a key was refused at the limit, a
 * warning saying so) ending before column right of row y. Returns the columns it took. */
int draw_size(struct grid *g, const struct editor *e, int right, int y);

#endif
