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

#include "kollen/ops_paths.h"
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
    ops_close(a->w);
    a->w = NULL;
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
    a->questions_dir = a->sessions_dir = a->pending_path = NULL;
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
    if (warn[0])
        app_message(a, R_WARN, "%s", warn);
    return 0;
}

int app_start(struct app *a, const char *path)
{
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

void app_goto(struct app *a, int qi)
{
    if (!a->w || qi < 0 || qi >= a->w->bank->n_questions)
        return;
    a->q = qi;
    a->area = a->w->bank->questions[qi].area;
    ops_move(a->w, qi);
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
    if (a->w && !a->w->read_only && (a->w->dirty || a->w->ses->cursor != a->w->saved_cursor))
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
        app_goto(a, res.question);
        app_saved(a, &res);
        if (!a->w->dirty)
            app_message_id(a, R_NORMAL, redo ? M_TUI_REDONE : M_TUI_UNDONE,
                           a->w->bank->questions[res.question].number);
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
    if (key == TK_TIMEOUT)
        return si->ops->idle ? si->ops->idle(a) : 0;
    int arg = 0;
    enum action act = action_of(a, si, key, &arg);
    /* nothing is typed blind into a screen too small to show it; the quit key still quits */
    if (layout_too_small(a->cols, a->rows))
        return act == A_QUIT && (si->flags & SF_SMALL_QUIT) ? app_quit(a) : 0;
    a->msg[0] = '\0';
    int r = common_key(a, si, act);
    return r >= 0 ? r : si->ops->handle(a, act, arg, key);
}

void app_render(struct app *a, struct grid *g)
{
    grid_clear(g);
    a->cols = g->cols;
    a->rows = g->rows;
    if (layout_too_small(g->cols, g->rows)) {
        draw_too_small(g, TUI_MIN_COLS, TUI_MIN_ROWS);
        return;
    }
    int from = a->depth - 1;
    while (from > 0 && (screen_info((enum scr)a->stack[from])->flags & SF_OVERLAY))
        from--;
    for (int i = from < 0 ? 0 : from; i < a->depth; i++)
        screen_info((enum scr)a->stack[i])->ops->render(a, g);
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
