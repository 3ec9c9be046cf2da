/* app.c: the UI's shared state: the screen table and stack, keys routed through the key table,
 * opening a session, moving in it, and its changes, saves and undo through the use cases. */
#include "app.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "kollen/fmt.h"
#include "kollen/ops_edit.h"
#include "kollen/ops_paths.h"
#include "kollen/ops_room.h"
#include "kollen/text.h"
#include "screen_prompt.h"
#include "theme.h"

static const struct screen_info screens[SCR_COUNT] = {
#define SCREEN_ROW(id, name, cx, flags, back) [id] = {id, #name, cx, flags, back, &name##_screen},
    TUI_SCREENS(SCREEN_ROW)
#undef SCREEN_ROW
};

const struct screen_info *screen_info(enum scr id)
{
    if ((unsigned)id >= SCR_COUNT)
        id = SCR_MAIN;
    return &screens[id];
}

static int64_t default_now(void)
{
    return (int64_t)time(NULL);
}

int64_t app_now(const struct app *a)
{
    return a->now();
}

int app_init(struct app *a, const struct tui_options *o, int utf8)
{
    memset(a, 0, sizeof *a);
    a->questions_dir = text_dup(o->questions_dir ? o->questions_dir : "questions");
    a->sessions_dir = text_dup(o->sessions_dir ? o->sessions_dir : OPS_SESSIONS_DIR);
    a->now = o->now ? o->now : default_now;
    a->utf8 = utf8;
    a->cols = 80;
    a->rows = 24;
    a->follow = o->follow;
    a->follow_question = o->follow_question;
    const char *watch = getenv("KOLLEN_WATCH");
    a->watch_poll = watch && !strcmp(watch, "poll");
    if (o->theme && theme_find(o->theme) < 0) {
        struct sbuf names;
        sbuf_init(&names);
        for (int t = 0; t < THEME_COUNT; t++)
            sbuf_addf(&names, "%s%s", t ? ", " : "", theme_name(t));
        tui_msg_format(a->fatal, sizeof a->fatal, M_TUI_BAD_THEME, o->theme,
                       names.p ? names.p : "");
        sbuf_free(&names);
        a->fatal_usage = 1;
        return -1;
    }
    a->theme_forced = o->theme ? 1 : 0;
    a->theme = o->theme ? theme_find(o->theme) : THEME_STANDARD;
    int ok = a->questions_dir && a->sessions_dir;
    for (int i = 0; ok && i < SCR_COUNT; i++) {
        const struct screen_ops *ops = screens[i].ops;
        a->state[i] = calloc(1, ops->state_size ? ops->state_size : 1);
        ok = a->state[i] && (!ops->init || !ops->init(a, a->state[i]));
    }
    if (!ok) {
        snprintf(a->fatal, sizeof a->fatal, "%s", msg(M_SES_NO_MEMORY));
        return -1;
    }
    return 0;
}

void app_close(struct app *a)
{
    for (int i = 0; i < SCR_COUNT; i++)
        if (a->state[i] && screens[i].ops->reset)
            screens[i].ops->reset(a, a->state[i]);
    ops_follow_stop(a->follower);
    a->follower = NULL;
    ops_close(a->w);
    a->w = NULL;
    free(a->hits);
    a->hits = NULL;
    a->n_hits = a->hit = 0;
    a->search[0] = '\0';
    a->clock_mark = 0;
    free(a->walk);
    free(a->walk_pos);
    free(a->area_first);
    free(a->area_n);
    a->walk = a->walk_pos = a->area_first = a->area_n = NULL;
    a->save_why[0] = '\0';
}

void app_free(struct app *a)
{
    app_close(a);
    for (int i = 0; i < SCR_COUNT; i++) {
        if (a->state[i] && screens[i].ops->free)
            screens[i].ops->free(a, a->state[i]);
        free(a->state[i]);
        a->state[i] = NULL;
    }
    free(a->questions_dir);
    free(a->sessions_dir);
    free(a->pending_path);
    free(a->hints_line);
    a->questions_dir = a->sessions_dir = a->pending_path = a->hints_line = NULL;
    a->hints_for = NULL;
}

/* --- screens --- */

void *app_state(struct app *a, enum scr id)
{
    return a->state[screen_info(id)->id];
}

void app_push(struct app *a, enum scr screen)
{
    if (a->depth < (int)(sizeof a->stack / sizeof a->stack[0]))
        a->stack[a->depth++] = screen;
}

void app_pop(struct app *a)
{
    if (a->depth > 0)
        a->depth--;
}

int app_top(const struct app *a)
{
    return a->depth > 0 ? a->stack[a->depth - 1] : -1;
}

void app_message(struct app *a, int role, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(a->msg, sizeof a->msg, fmt, ap);
    va_end(ap);
    a->msg_role = role;
}

void app_message_id(struct app *a, int role, enum tui_msg_id id, ...)
{
    va_list ap;
    va_start(ap, id);
    tui_msg_vformat(a->msg, sizeof a->msg, id, ap);
    va_end(ap);
    a->msg_role = role;
}

void tui_first_error(const struct diags *d, char *out, size_t n)
{
    const struct diag *g = diags_first_error(d);
    if (!g && d->n)
        g = &d->v[0];
    tui_copy(out, n, g ? g->msg : msg(M_SES_NO_MEMORY));
}

/* --- opening --- */

static int build_walk(struct app *a)
{
    const struct bank *b = a->w->bank;
    int nq = b->n_questions, na = b->n_areas;
    a->walk = malloc((size_t)(nq ? nq : 1) * sizeof *a->walk);
    a->walk_pos = malloc((size_t)(nq ? nq : 1) * sizeof *a->walk_pos);
    a->area_first = calloc((size_t)(na ? na : 1), sizeof *a->area_first);
    a->area_n = calloc((size_t)(na ? na : 1), sizeof *a->area_n);
    if (!a->walk || !a->walk_pos || !a->area_first || !a->area_n)
        return -1;
    int k = 0;
    for (int ai = 0; ai < na; ai++) { /* areas are kept in their display order */
        a->area_first[ai] = k;
        for (int i = 0; i < nq; i++)
            if (b->questions[i].area == ai) {
                a->walk_pos[i] = k;
                a->walk[k++] = i;
            }
        a->area_n[ai] = k - a->area_first[ai];
    }
    return 0;
}

void app_area_questions(const struct app *a, int ai, int *first, int *n)
{
    *first = a->area_first[ai];
    *n = a->area_n[ai];
}

/* Someone else writes to the session: ask whether to open it read-only. */
static void ask_read_only(struct app *a, const char *path, const struct diags *d)
{
    char who[512], text[700];
    tui_first_error(d, who, sizeof who);
    tui_msg_format(text, sizeof text, M_TUI_CONFIRM_LOCKED, who);
    free(a->pending_path);
    a->pending_path = text_dup(path);
    confirm_open(a, CONFIRM_READ_ONLY, text);
}

static void short_reason(const char *path, const char *text, char *out, size_t n);

/* A session just opened: its theme, its level, and how the room runs: a writer records a
 * sitting, counts the time and publishes where the group is; a read-only one follows the
 * writer. A warning into warn. */
static void start_room(struct app *a, char *warn, size_t n)
{
    struct workshop *w = a->w;
    int t = theme_find(w->ses->theme);
    if (!a->theme_forced)
        a->theme = t >= 0 ? t : THEME_STANDARD;
    a->last_level = w->sc.level;
    a->reached = 0;
    struct diags d;
    diags_init(&d);
    if (w->read_only) {
        if (ops_follow_start(w, a->watch_poll, &a->follower, &d) == KL_OK) {
            int qi = bank_find_question(w->bank, w->ses->cursor);
            if (qi >= 0)
                app_goto(a, qi);
        }
    } else {
        int64_t now = app_now(a);
        ops_sitting_begin(w, now, &d); /* at the most sittings: said, and time still counts */
        a->clock_mark = now;
        a->clock_area = a->area;
        a->flushed_at = now;
        if (!w->published) /* going to the session's question may have published it */
            ops_publish_cursor(w, &d);
    }
    if (d.n)
        tui_first_error(&d, warn, n);
    diags_free(&d);
}

int app_open(struct app *a, const char *path, int read_only, char *why, size_t n)
{
    struct diags d;
    diags_init(&d);
    struct workshop *w = NULL;
    int flags = read_only ? OPS_READ_ONLY : OPS_LOCK_OR_READ_ONLY;
    int rc = ops_open(&w, path, a->questions_dir, flags, "kollen", &d);
    if (rc == KL_ELOCKED) {
        ask_read_only(a, path, &d);
        diags_free(&d);
        return 1;
    }
    if (rc) {
        tui_first_error(&d, why, n);
        diags_free(&d);
        return -1;
    }
    char warn[512] = "";
    if (d.n) { /* a lock taken over or not taken, a folder open to others */
        char t[DIAG_TEXT_MAX];
        tui_first_error(&d, t, sizeof t);
        short_reason(path, t, warn, sizeof warn);
    }
    diags_free(&d);
    app_close(a);
    a->w = w;
    if (build_walk(a)) {
        snprintf(why, n, "%s", msg(M_SES_NO_MEMORY));
        app_close(a);
        return -1;
    }
    const struct bank *b = w->bank;
    int qi = w->ses->cursor ? bank_find_question(b, w->ses->cursor) : -1;
    app_goto(a, qi >= 0 ? qi : (b->n_questions ? a->walk[0] : 0));
    w->saved_cursor = w->ses->cursor;
    a->depth = 0;
    app_push(a, SCR_MAIN);
    if (!warn[0])
        start_room(a, warn, sizeof warn);
    if (warn[0])
        app_message(a, R_WARN, "%s", warn);
    return 0;
}

/* kollen follow: the session read-only, no questions asked, on the room or the question view. */
static int start_follow(struct app *a, const char *path)
{
    char why[600];
    if (app_open(a, path, 1, why, sizeof why) < 0) {
        tui_msg_format(a->fatal, sizeof a->fatal, M_TUI_OPEN_FAILED, path, why);
        return -1;
    }
    a->stack[0] = a->follow_question ? SCR_QVIEW : SCR_ROOM;
    return 0;
}

int app_start(struct app *a, const char *path)
{
    if (a->follow && path)
        return start_follow(a, path);
    if (!path) {
        struct diags d;
        diags_init(&d);
        if (ops_sessions_dir_make(a->sessions_dir, &d)) {
            tui_first_error(&d, a->fatal, sizeof a->fatal);
            diags_free(&d);
            return -1;
        }
        diags_free(&d);
        picker_open(a);
        return 0;
    }
    struct stat st;
    if (stat(path, &st) != 0 && errno == ENOENT) {
        /* a new session: its name must not collide with kollen's own files */
        struct diags d;
        diags_init(&d);
        char *checked = NULL;
        int bad = ops_session_path_check(a->sessions_dir, path, 1, &checked, &d);
        free(checked);
        if (bad) {
            char why[DIAG_TEXT_MAX];
            tui_first_error(&d, why, sizeof why);
            tui_msg_format(a->fatal, sizeof a->fatal, M_TUI_OPEN_FAILED, path, why);
            diags_free(&d);
            return -1;
        }
        diags_free(&d);
        char t[700];
        tui_msg_format(t, sizeof t, M_TUI_CONFIRM_CREATE, path);
        free(a->pending_path);
        a->pending_path = text_dup(path);
        confirm_open(a, CONFIRM_CREATE, t);
        return 0;
    }
    char why[600];
    if (app_open(a, path, 0, why, sizeof why) < 0) {
        tui_msg_format(a->fatal, sizeof a->fatal, M_TUI_OPEN_FAILED, path, why);
        return -1;
    }
    return 0;
}

static void flush(struct app *a);

void app_goto(struct app *a, int qi)
{
    if (!a->w || qi < 0 || qi >= a->w->bank->n_questions)
        return;
    int area = a->w->bank->questions[qi].area, moved = qi != a->q, left = area != a->area;
    app_clock(a); /* the time so far belongs to the area the group leaves */
    a->q = qi;
    a->area = area;
    a->clock_area = area;
    ops_move(a->w, qi);
    if (moved && !a->w->read_only)
        ops_publish_cursor(a->w, NULL); /* a follower sees the move; no fsync for it */
    if (left && a->w->pending) { /* the time of the area left goes to disk */
        flush(a);
        a->flushed_at = app_now(a);
    }
    for (int i = 0; i < SCR_COUNT; i++)
        if (screens[i].ops->moved)
            screens[i].ops->moved(a, a->state[i]);
}

/* --- changes, saving, undo --- */

/* A save's failure as the status line can show it at 80 columns: the session's folder left
 * out ("kan inte skriva s.ini: No space left on device; ..."), the folder alone by its name. */
static void short_reason(const char *path, const char *text, char *out, size_t n)
{
    const char *slash = strrchr(path, '/');
    size_t dl = slash ? (size_t)(slash - path) : 0;
    const char *dir_name = path;
    for (const char *p = path; dl && p < slash; p++)
        if (*p == '/' && p + 1 < slash)
            dir_name = p + 1;
    struct sbuf o;
    sbuf_init(&o);
    for (const char *p = text; *p;) {
        if (dl && !strncmp(p, path, dl)) {
            if (p[dl] == '/') { /* a file in the folder: its name */
                p += dl + 1;
                continue;
            }
            if (p[dl] == ':' || p[dl] == ' ' || p[dl] == ')' || p[dl] == '\0') {
                sbuf_addn(&o, dir_name, (size_t)(slash - dir_name));
                sbuf_addc(&o, '/');
                p += dl;
                continue;
            }
        }
        sbuf_addc(&o, *p++);
    }
    tui_copy(out, n, o.p && !o.oom ? o.p : text);
    sbuf_free(&o);
}

static void say_save_failed(struct app *a)
{
    short_reason(a->w->path, a->w->save_error, a->save_why, sizeof a->save_why);
    app_message_id(a, R_WARN, M_TUI_SAVE_FAILED, a->save_why);
}

void app_saved(struct app *a, const struct ops_result *res)
{
    if (res->saved < 0) /* the reason is the workshop's save_error */
        say_save_failed(a);
    else if (!a->w->dirty)
        a->save_why[0] = '\0';
}

int app_change(struct app *a, int qi, const struct ops_change *c, struct ops_result *res)
{
    struct diags d;
    diags_init(&d);
    int rc = ops_set(a->w, qi, c, app_now(a), res, &d);
    if (rc) {
        char t[DIAG_TEXT_MAX];
        tui_first_error(&d, t, sizeof t);
        app_message(a, R_WARN, "%s", t);
    } else {
        app_saved(a, res);
        app_level_check(a);
    }
    diags_free(&d);
    return rc ? -1 : 0;
}

int app_save(struct app *a)
{
    if (!a->w || a->w->read_only)
        return 0;
    struct diags d;
    diags_init(&d);
    int rc = ops_save(a->w, app_now(a), &d);
    diags_free(&d);
    if (rc)
        say_save_failed(a);
    else
        a->save_why[0] = '\0';
    return rc ? -1 : 0;
}

/* Write what is not on disk yet (a failed save, the cursor moved). */
static void flush(struct app *a)
{
    if (a->w && !a->w->read_only &&
        (a->w->dirty || a->w->pending || a->w->ses->cursor != a->w->saved_cursor))
        app_save(a);
}

static void undo_redo(struct app *a, int redo)
{
    struct ops_result res;
    struct diags d;
    diags_init(&d);
    int rc = (redo ? ops_redo : ops_undo)(a->w, app_now(a), &res, &d);
    if (rc) {
        char t[DIAG_TEXT_MAX];
        tui_first_error(&d, t, sizeof t);
        app_message(a, R_WARN, "%s", t);
    } else if (!res.changed) {
        app_message_id(a, R_NORMAL, redo ? M_TUI_NOTHING_REDO : M_TUI_NOTHING_UNDO);
    } else {
        if (res.question != a->q) /* on the same question the option cursor stays */
            app_goto(a, res.question);
        app_saved(a, &res);
        if (!a->w->dirty)
            app_message_id(a, R_NORMAL, redo ? M_TUI_REDONE : M_TUI_UNDONE,
                           a->w->bank->questions[res.question].number);
        app_level_check(a);
    }
    diags_free(&d);
}

void app_undo(struct app *a)
{
    if (a->w)
        undo_redo(a, 0);
}

void app_redo(struct app *a)
{
    if (a->w && !a->w->read_only)
        undo_redo(a, 1);
}

int app_quit(struct app *a)
{
    note_commit(a);
    app_clock(a);
    if (a->w)
        ops_sitting_end(a->w, app_now(a));
    flush(a);
    if (a->w && a->w->dirty) {
        char t[700];
        tui_msg_format(t, sizeof t, M_TUI_CONFIRM_QUIT, a->w->save_error);
        confirm_open(a, CONFIRM_QUIT_UNSAVED, t);
        return TUI_REDRAW;
    }
    return TUI_QUIT;
}

int app_shutdown(struct app *a)
{
    note_commit(a);
    app_clock(a);
    if (a->w)
        ops_sitting_end(a->w, app_now(a));
    flush(a);
    int rc = a->w && a->w->dirty ? -1 : 0;
    ops_unlock(a->w);
    return rc;
}

/* --- keys and drawing --- */

/* The action a key means on screen si: the screen's own context first, then the table's. */
static enum action action_of(const struct app *a, const struct screen_info *si, int key, int *arg)
{
    enum action act = A_NONE;
    if (si->ops->context) {
        int cx = si->ops->context(a);
        if (cx != si->context)
            act = keymap_lookup(cx, key, arg);
    }
    return act != A_NONE ? act : keymap_lookup(si->context, key, arg);
}

/* The keys every screen shares, as the table says: back, help, redraw, quit. -1: not one. */
static int common_key(struct app *a, const struct screen_info *si, enum action act)
{
    if (a->follow && a->depth == 1) { /* the mirror's two views take turns; nothing goes back */
        if (act == A_ROOM || act == A_QVIEW) {
            a->stack[0] = a->stack[0] == SCR_ROOM ? SCR_QVIEW : SCR_ROOM;
            return TUI_REDRAW;
        }
        if (act == A_BACK)
            return 0;
    }
    if ((si->flags & SF_BACK) &&
        (act == A_BACK || act == si->back || (act == A_QUIT && (si->flags & SF_QUIT_BACK)))) {
        app_pop(a);
        return TUI_REDRAW;
    }
    if (act == A_HELP) {
        help_open(a);
        return TUI_REDRAW;
    }
    if (act == A_REFRESH)
        return TUI_REDRAW | TUI_CLEAR;
    if (act == A_QUIT && (si->flags & SF_QUIT))
        return app_quit(a);
    return -1;
}

int app_key(struct app *a, int key)
{
    if (key == TK_RESIZE)
        return TUI_REDRAW;
    if (a->depth == 0)
        return TUI_QUIT;
    const struct screen_info *si = screen_info((enum scr)app_top(a));
    if (key == TK_TICK)
        return app_tick(a);
    if (key == TK_TIMEOUT)
        return app_tick(a) | (si->ops->idle ? si->ops->idle(a) : 0);
    app_clock(a);
    int arg = 0;
    enum action act = action_of(a, si, key, &arg);
    /* nothing is typed blind into a screen too small to show it, but for text in the note
     * editor (it is not lost when the window shrinks mid-sentence); the quit key still quits */
    if (layout_too_small(a->cols, a->rows)) {
        if (si->id == SCR_NOTE && act != E_DONE && act != E_DISCARD && act != E_HELP)
            return si->ops->handle(a, act, arg, key);
        return act == A_QUIT && (si->flags & SF_SMALL_QUIT) ? app_quit(a) : 0;
    }
    a->msg[0] = '\0';
    int r = common_key(a, si, act);
    return r >= 0 ? r : si->ops->handle(a, act, arg, key);
}

/* --- running the room --- */

void app_clock(struct app *a)
{
    if (!a->w || a->w->read_only || !a->clock_mark)
        return;
    int64_t now = app_now(a), d = now - a->clock_mark;
    if (d > 0 && d <= TUI_CLOCK_GAP)
        ops_add_spent(a->w, a->clock_area, d);
    a->clock_mark = now;
    a->clock_area = a->area;
}

/* The writer moved or saved: the mirror goes where the group is and says a level reached. */
static int follow_tick(struct app *a)
{
    struct diags d;
    diags_init(&d);
    int f = ops_follow_check(a->follower, a->w, &d);
    if (d.n) {
        char t[DIAG_TEXT_MAX];
        tui_first_error(&d, t, sizeof t);
        app_message(a, R_WARN, "%s", t);
    }
    diags_free(&d);
    if (!f)
        return 0;
    int qi = bank_find_question(a->w->bank, a->w->ses->cursor);
    if (qi >= 0 && qi != a->q)
        app_goto(a, qi);
    app_level_check(a);
    return TUI_REDRAW;
}

int app_watch_fd(const struct app *a)
{
    return ops_follow_fd(a->follower);
}

int app_tick(struct app *a)
{
    if (!a->w)
        return 0;
    app_clock(a);
    int64_t now = app_now(a);
    int r = 0;
    if (!a->w->read_only && a->w->pending && now - a->flushed_at >= TUI_CLOCK_FLUSH) {
        flush(a); /* counted time reaches the disk now and then, never a save per tick */
        a->flushed_at = now;
    }
    if (a->follower)
        r |= follow_tick(a);
    if (now != a->clock_shown && !a->w->read_only) {
        struct agenda_clock c;
        ops_agenda_clock(a->w, a->area, &c);
        if (c.planned)
            r |= TUI_REDRAW;
        a->clock_shown = now;
    }
    return r;
}

void app_set_theme(struct app *a, int theme)
{
    a->theme = theme >= 0 && theme < THEME_COUNT ? theme : THEME_STANDARD;
    if (!a->w || a->w->read_only)
        return;
    struct ops_edit e = {0};
    e.theme = theme_name(a->theme);
    app_edit(a, &e);
}

void app_level_check(struct app *a)
{
    if (!a->w || !a->w->have_score)
        return;
    int level = a->w->sc.level;
    if (level > a->last_level && a->w->bank->kind != BANK_SCALE) {
        struct sbuf t;
        sbuf_init(&t);
        fmt_level(&t, a->w->bank, level, a->w->sc.value, FMT_LEVEL_NAME);
        app_message_id(a, R_DONE, M_TUI_REACHED, t.p ? t.p : "");
        sbuf_free(&t);
        a->reached = level;
        a->reached_at = app_now(a);
    } else if (level < a->reached) {
        a->reached = 0;
    }
    a->last_level = level;
}

int app_edit(struct app *a, const struct ops_edit *e)
{
    if (!a->w)
        return -1;
    struct ops_result res;
    struct diags d;
    diags_init(&d);
    int rc = ops_edit(a->w, e, app_now(a), &res, &d);
    if (rc) {
        char t[DIAG_TEXT_MAX];
        tui_first_error(&d, t, sizeof t);
        app_message(a, R_WARN, "%s", t);
    } else {
        app_saved(a, &res);
    }
    diags_free(&d);
    return rc ? -1 : 0;
}

/* --- search --- */

static const enum tui_msg_id where_names[] = {M_TUI_HIT_TEXT, M_TUI_HIT_OPTION, M_TUI_HIT_HELP,
                                              M_TUI_HIT_NOTE};

static void show_hit(struct app *a)
{
    const struct search_hit *h = &a->hits[a->hit];
    main_show(a, h->question, h->where == SEARCH_OPTION ? h->option : -1);
    char where[64];
    if (h->where == SEARCH_OPTION)
        tui_msg_format(where, sizeof where, M_TUI_HIT_OPTION, h->option + 1);
    else
        snprintf(where, sizeof where, "%s", tui_msg(where_names[h->where]));
    char next[32], prev[32];
    keymap_action_key(A_SEARCH_NEXT, a->utf8, next, sizeof next);
    keymap_action_key(A_SEARCH_PREV, a->utf8, prev, sizeof prev);
    app_message_id(a, R_NORMAL, M_TUI_HIT, a->hit + 1, a->n_hits,
                   a->w->bank->questions[h->question].number, where, next, prev);
}

static int by_walk(const struct app *a, const struct search_hit *x, const struct search_hit *y)
{
    return a->walk_pos[x->question] - a->walk_pos[y->question];
}

void app_search(struct app *a, const char *text)
{
    if (!a->w)
        return;
    char needle[sizeof a->search]; /* text may be a->search itself */
    tui_copy(needle, sizeof needle, text);
    free(a->hits);
    a->hits = NULL;
    a->n_hits = a->hit = 0;
    tui_copy(a->search, sizeof a->search, needle);
    if (ops_search(a->w, needle, &a->hits, &a->n_hits)) {
        app_message(a, R_WARN, "%s", msg(M_SES_NO_MEMORY));
        return;
    }
    /* in the order the questions are shown (insertion sort: at most a bank's questions) */
    for (int i = 1; i < a->n_hits; i++)
        for (int j = i; j > 0 && by_walk(a, &a->hits[j - 1], &a->hits[j]) > 0; j--) {
            struct search_hit t = a->hits[j];
            a->hits[j] = a->hits[j - 1];
            a->hits[j - 1] = t;
        }
    if (!a->n_hits) {
        app_message_id(a, R_WARN, M_TUI_NO_HITS, a->search);
        return;
    }
    /* the first hit from the current question on */
    int pos = a->walk_pos[a->q];
    for (a->hit = 0; a->hit < a->n_hits && a->walk_pos[a->hits[a->hit].question] < pos;)
        a->hit++;
    if (a->hit == a->n_hits)
        a->hit = 0;
    show_hit(a);
}

void app_search_step(struct app *a, int dir)
{
    if (!a->w || !a->n_hits) {
        app_message_id(a, R_NORMAL, M_TUI_SEARCH_FIRST);
        return;
    }
    a->hit = (a->hit + dir + a->n_hits) % a->n_hits;
    show_hit(a);
}

void app_render(struct app *a, struct grid *g)
{
    int from = a->depth - 1;
    while (from > 0 && (screen_info((enum scr)a->stack[from])->flags & SF_OVERLAY))
        from--;
    /* the frame the grid will hold; a screen drawn alone may redraw only what changed in it */
    int keep = g->app_frame && g->app_frame == a->drawn.frame && a->depth > 0 &&
               from == a->depth - 1 &&
               (screen_info((enum scr)a->stack[from])->flags & SF_INCREMENTAL);
    int prev_depth = a->drawn.depth, prev[8];
    memcpy(prev, a->drawn.stack, sizeof prev);
    keep = keep && prev_depth == a->depth && a->drawn.cols == g->cols &&
           a->drawn.rows == g->rows && a->drawn.utf8 == g->utf8 && a->drawn.theme == a->theme &&
           !memcmp(prev, a->stack, (size_t)a->depth * sizeof *prev);
    unsigned long frame = ++a->frames;
    memset(&a->drawn, 0, sizeof a->drawn);
    a->repaint = !keep;
    if (!keep)
        grid_clear(g);
    a->cols = g->cols;
    a->rows = g->rows;
    g->theme = a->theme;
    g->app_frame = 0;
    if (layout_too_small(g->cols, g->rows)) {
        draw_too_small(g, TUI_MIN_COLS, TUI_MIN_ROWS);
        return;
    }
    for (int i = from < 0 ? 0 : from; i < a->depth; i++)
        screen_info((enum scr)a->stack[i])->ops->render(a, g);
    memcpy(a->drawn.stack, a->stack, sizeof a->drawn.stack);
    a->drawn.depth = a->depth;
    a->drawn.cols = g->cols;
    a->drawn.rows = g->rows;
    a->drawn.utf8 = g->utf8;
    a->drawn.theme = a->theme;
    a->drawn.frame = frame;
    g->app_frame = frame;
}

void tui_copy(char *dst, size_t n, const char *src)
{
    if (n == 0)
        return;
    size_t len = src ? strlen(src) : 0;
    if (len >= n) {
        len = n - 1;
        while (len > 0 && ((unsigned char)src[len] & 0xC0) == 0x80)
            len--;
    }
    if (len)
        memcpy(dst, src, len);
    dst[len] = '\0';
}
