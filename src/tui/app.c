/* app.c: the UI state: opening and saving a session, changes with undo, the screen stack. */
#include "app.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "kollen/msg.h"
#include "kollen/text.h"
#include "screens.h"
#include "theme.h"

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
    a->sessions_dir = text_dup(o->sessions_dir ? o->sessions_dir : "sessions");
    a->now = o->now ? o->now : default_now;
    a->utf8 = utf8;
    a->cols = 80;
    a->rows = 24;
    a->pane = PANE_OPTIONS;
    if (!a->questions_dir || !a->sessions_dir ||
        editor_init(&a->note, NULL, SESSION_NOTE_MAX, 1) ||
        editor_init(&a->line, NULL, SESSION_EVIDENCE_MAX, 0)) {
        snprintf(a->fatal, sizeof a->fatal, "%s", msg(M_SES_NO_MEMORY));
        return -1;
    }
    return 0;
}

static void free_entries(struct undo_entry *v, int *n)
{
    for (int i = 0; i < *n; i++)
        session_free(v[i].s);
    *n = 0;
}

void app_close(struct app *a)
{
    app_plan_free(a);
    memset(&a->plan_spec, 0, sizeof a->plan_spec); /* the next session starts at "next" */
    free_entries(a->undo, &a->n_undo);
    free_entries(a->redo, &a->n_redo);
    a->change_snap = NULL;
    session_unlock(a->lock);
    a->lock = NULL;
    if (a->have_score)
        score_free(&a->sc);
    a->have_score = 0;
    session_free(a->ses);
    a->ses = NULL;
    bank_free(a->bank);
    a->bank = NULL;
    free(a->path);
    a->path = NULL;
    free(a->walk);
    free(a->walk_pos);
    free(a->area_first);
    free(a->area_n);
    a->walk = a->walk_pos = a->area_first = a->area_n = NULL;
    a->dirty = 0;
    a->read_only = 0;
    a->save_error[0] = a->save_why[0] = '\0';
    a->saved_at = 0;
    a->note_open = a->note_pending = 0;
}

void app_free(struct app *a)
{
    app_close(a);
    app_picker_free(a);
    app_form_free(a);
    editor_free(&a->note);
    editor_free(&a->line);
    free(a->questions_dir);
    free(a->sessions_dir);
    free(a->pending_path);
    a->questions_dir = a->sessions_dir = a->pending_path = NULL;
}

/* --- screens --- */

void app_push(struct app *a, int screen)
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

static void message_id(struct app *a, int role, int id, ...)
{
    va_list ap;
    va_start(ap, id);
    msg_vformat(a->msg, sizeof a->msg, (enum msg_id)id, ap);
    va_end(ap);
    a->msg_role = role;
}

/* --- opening --- */

static int build_walk(struct app *a)
{
    const struct bank *b = a->bank;
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

void app_rescore(struct app *a)
{
    if (a->have_score)
        score_free(&a->sc);
    a->have_score = score_compute(a->bank, a->ses, &a->sc) == KL_OK;
    a->rev++;
}

static void first_error(const struct diags *d, char *out, size_t n)
{
    const struct diag *g = diags_first_error(d);
    if (!g && d->n)
        g = &d->v[0];
    tui_copy(out, n, g ? g->msg : "?");
}

int app_open(struct app *a, const char *path, int read_only, char *why, size_t n)
{
    struct diags d;
    diags_init(&d);
    struct bank *b = NULL;
    struct session *s = NULL;
    char warn[512] = "";
    struct session_lock *lk = NULL;
    /* the lock first, then the file: a change another writer saves in between is not lost */
    if (!read_only) {
        struct lock_holder h;
        int lrc = session_lock(path, "kollen", &lk, &h, &d);
        if (lrc == KL_ELOCKED) {
            char who[512], text[700];
            first_error(&d, who, sizeof who);
            msg_format(text, sizeof text, M_TUI_CONFIRM_LOCKED, who);
            free(a->pending_path);
            a->pending_path = text_dup(path);
            diags_free(&d);
            app_confirm_open(a, CONFIRM_READ_ONLY, text);
            return 1;
        }
        if (lrc) {
            char reason[512];
            first_error(&d, reason, sizeof reason);
            msg_format(warn, sizeof warn, M_TUI_LOCK_FAILED, reason);
        } else if (d.n) {
            first_error(&d, warn, sizeof warn); /* a stale lock taken over */
        }
    }
    diags_clear(&d);
    int rc = session_open(path, a->questions_dir, &b, &s, &d);
    if (rc) {
        first_error(&d, why, n);
        diags_free(&d);
        session_unlock(lk);
        return -1;
    }
    if (!warn[0]) {
        diags_clear(&d);
        store_check_private(path, &d);
        if (d.n)
            first_error(&d, warn, sizeof warn);
    }
    diags_free(&d);
    char *p = text_dup(path);
    app_close(a);
    a->path = p;
    a->bank = b;
    a->ses = s;
    a->lock = lk;
    a->read_only = read_only;
    if (!p || build_walk(a)) {
        snprintf(why, n, "%s", msg(M_SES_NO_MEMORY));
        app_close(a);
        return -1;
    }
    app_rescore(a);
    int qi = s->cursor ? bank_find_question(b, s->cursor) : -1;
    app_goto(a, qi >= 0 ? qi : (b->n_questions ? a->walk[0] : 0));
    a->saved_cursor = s->cursor;
    a->pane = PANE_OPTIONS;
    a->depth = 0;
    app_push(a, SCR_MAIN);
    if (warn[0])
        app_message(a, R_WARN, "%s", warn);
    return 0;
}

int app_start(struct app *a, const char *path)
{
    if (!path) {
        if (mkdir(a->sessions_dir, 0700) && errno != EEXIST) {
            char t[600];
            msg_format(t, sizeof t, M_TUI_NO_SESSIONS_DIR, a->sessions_dir, strerror(errno));
            tui_copy(a->fatal, sizeof a->fatal, t);
            return -1;
        }
        app_picker_load(a);
        app_push(a, SCR_PICKER);
        return 0;
    }
    struct stat st;
    if (stat(path, &st) != 0 && errno == ENOENT) {
        char t[700];
        msg_format(t, sizeof t, M_TUI_CONFIRM_CREATE, path);
        free(a->pending_path);
        a->pending_path = text_dup(path);
        app_confirm_open(a, CONFIRM_CREATE, t);
        return 0;
    }
    char why[600];
    if (app_open(a, path, 0, why, sizeof why) < 0) {
        msg_format(a->fatal, sizeof a->fatal, M_TUI_OPEN_FAILED, path, why);
        return -1;
    }
    return 0;
}

void app_goto(struct app *a, int qi)
{
    if (!a->bank || qi < 0 || qi >= a->bank->n_questions)
        return;
    a->q = qi;
    a->area = a->bank->questions[qi].area;
    const struct answer *ans = &a->ses->answers[qi];
    a->opt = (a->bank->questions[qi].type != QTYPE_MULTI && ans->answered && ans->choice > 0)
                 ? ans->choice - 1
                 : 0;
    a->rec = 0;
    a->ses->cursor = a->bank->questions[qi].number;
}

/* --- changes, saving, undo --- */

static int same_text(const char *x, const char *y)
{
    return !strcmp(x ? x : "", y ? y : "");
}

static int same_answer(const struct answer *x, const struct answer *y)
{
    if (x->answered != y->answered || x->ticks != y->ticks || x->choice != y->choice ||
        x->documented != y->documented || x->followup != y->followup ||
        !same_text(x->note, y->note) || x->n_evidence != y->n_evidence)
        return 0;
    for (int i = 0; i < x->n_evidence; i++)
        if (!same_text(x->evidence[i], y->evidence[i]))
            return 0;
    return 1;
}

static void push_entry(struct undo_entry *v, int *n, struct session *s, int q)
{
    if (*n == UNDO_MAX) {
        session_free(v[0].s);
        memmove(v, v + 1, (UNDO_MAX - 1) * sizeof *v);
        (*n)--;
    }
    v[*n].s = s;
    v[*n].q = q;
    (*n)++;
}

int app_change_begin(struct app *a)
{
    if (!a->ses)
        return -1;
    if (a->read_only) {
        message_id(a, R_WARN, M_TUI_REFUSED_RO);
        return -1;
    }
    a->change_snap = session_dup(a->ses);
    if (a->change_snap) {
        push_entry(a->undo, &a->n_undo, a->change_snap, a->q);
        free_entries(a->redo, &a->n_redo);
    }
    return 0;
}

void app_change_cancel(struct app *a)
{
    if (a->change_snap && a->n_undo && a->undo[a->n_undo - 1].s == a->change_snap) {
        session_free(a->change_snap);
        a->n_undo--;
    }
    a->change_snap = NULL;
}

/* Stamp, score and save a change already made to answer qi. */
static void finish(struct app *a, int qi)
{
    int64_t now = app_now(a);
    a->ses->answers[qi].changed = now;
    a->ses->modified = now;
    a->ses->cursor = a->bank->questions[a->q].number;
    app_rescore(a);
    app_save(a);
}

void app_change_end(struct app *a, int qi)
{
    if (a->change_snap && same_answer(&a->change_snap->answers[qi], &a->ses->answers[qi])) {
        app_change_cancel(a); /* nothing changed: no undo step, no save */
        return;
    }
    a->change_snap = NULL;
    finish(a, qi);
}

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

int app_save(struct app *a)
{
    if (!a->ses || a->read_only)
        return 0;
    struct diags d;
    diags_init(&d);
    int rc = session_save(a->path, a->bank, a->ses, 0, &d);
    if (rc == KL_OK) {
        a->dirty = 0;
        a->saved_cursor = a->ses->cursor;
        a->saved_at = app_now(a);
        a->save_error[0] = a->save_why[0] = '\0';
    } else {
        a->dirty = 1;
        first_error(&d, a->save_error, sizeof a->save_error);
        short_reason(a->path, a->save_error, a->save_why, sizeof a->save_why);
        message_id(a, R_WARN, M_TUI_SAVE_FAILED, a->save_why);
    }
    diags_free(&d);
    return rc ? -1 : 0;
}

static void swap_in(struct app *a, struct undo_entry *from, int *nfrom, struct undo_entry *to,
                    int *nto, int done_msg)
{
    struct undo_entry e = from[--*nfrom];
    push_entry(to, nto, a->ses, e.q);
    a->ses = e.s;
    int keep_pane = a->pane;
    app_goto(a, e.q);
    a->pane = keep_pane;
    a->ses->modified = app_now(a);
    app_rescore(a);
    app_save(a);
    if (!a->dirty)
        message_id(a, R_NORMAL, done_msg, a->bank->questions[e.q].number);
}

void app_undo(struct app *a)
{
    if (!a->ses)
        return;
    if (a->read_only) {
        message_id(a, R_WARN, M_TUI_REFUSED_RO);
        return;
    }
    if (!a->n_undo) {
        message_id(a, R_NORMAL, M_TUI_NOTHING_UNDO);
        return;
    }
    swap_in(a, a->undo, &a->n_undo, a->redo, &a->n_redo, M_TUI_UNDONE);
}

void app_redo(struct app *a)
{
    if (!a->ses || a->read_only)
        return;
    if (!a->n_redo) {
        message_id(a, R_NORMAL, M_TUI_NOTHING_REDO);
        return;
    }
    swap_in(a, a->redo, &a->n_redo, a->undo, &a->n_undo, M_TUI_REDONE);
}

/* --- answers --- */

static uint64_t all_ticks(const struct question *q)
{
    return q->n_options >= 64 ? ~0ULL : (1ULL << q->n_options) - 1;
}

void app_tick(struct app *a, int option)
{
    const struct question *q = &a->bank->questions[a->q];
    if (option < 0 || option >= q->n_options) {
        message_id(a, R_WARN, M_TUI_NOT_ANSWERABLE, option + 1);
        return;
    }
    if (app_change_begin(a))
        return;
    struct answer *ans = &a->ses->answers[a->q];
    if (q->type == QTYPE_MULTI)
        ans->ticks ^= 1ULL << option;
    else
        ans->choice = option + 1;
    ans->answered = 1;
    a->opt = option;
    app_change_end(a, a->q);
}

void app_all(struct app *a)
{
    const struct question *q = &a->bank->questions[a->q];
    if (app_change_begin(a))
        return;
    struct answer *ans = &a->ses->answers[a->q];
    if (q->type == QTYPE_MULTI) {
        ans->ticks = all_ticks(q);
    } else {
        ans->choice = q->n_options;
        a->opt = q->n_options - 1;
    }
    ans->answered = 1;
    app_change_end(a, a->q);
}

void app_clear(struct app *a, int undiscussed)
{
    const struct question *q = &a->bank->questions[a->q];
    if (app_change_begin(a))
        return;
    struct answer *ans = &a->ses->answers[a->q];
    ans->ticks = 0;
    ans->choice = 0;
    /* a multi question with nothing ticked is an answer ("none"); a choice cleared is not */
    ans->answered = !undiscussed && q->type == QTYPE_MULTI;
    app_change_end(a, a->q);
}

void app_toggle_flag(struct app *a, int followup)
{
    if (app_change_begin(a))
        return;
    struct answer *ans = &a->ses->answers[a->q];
    if (followup)
        ans->followup = !ans->followup;
    else
        ans->documented = !ans->documented;
    app_change_end(a, a->q);
}

/* --- the note editor --- */

void app_note_open(struct app *a)
{
    if (!a->ses)
        return;
    if (a->read_only) {
        message_id(a, R_WARN, M_TUI_REFUSED_RO);
        return;
    }
    editor_set(&a->note, a->ses->answers[a->q].note);
    a->note_q = a->q;
    a->note_open = 1;
    a->note_undo_taken = 0;
    a->note_pending = 0;
    a->note_committed_at = app_now(a);
    app_push(a, SCR_NOTE);
}

void app_note_commit(struct app *a)
{
    if (!a->note_open || !a->note_pending)
        return;
    const char *text = editor_text(&a->note);
    int qi = a->note_q;
    a->note_pending = 0;
    a->note_committed_at = app_now(a);
    if (same_text(text, a->ses->answers[qi].note))
        return;
    if (!a->note_undo_taken) {
        if (app_change_begin(a))
            return;
        a->change_snap = NULL; /* one undo step for the whole editing run, kept as it is */
        a->note_undo_taken = 1;
    }
    struct diags d;
    diags_init(&d);
    int rc = session_set_note(a->ses, qi, text, app_now(a), &d);
    if (rc) {
        char t[256];
        first_error(&d, t, sizeof t);
        app_message(a, R_WARN, "%s", t);
        a->note_pending = 1;
    } else {
        finish(a, qi);
    }
    diags_free(&d);
}

void app_note_close(struct app *a)
{
    app_note_commit(a);
    a->note_open = 0;
    if (app_top(a) == SCR_NOTE)
        app_pop(a);
}

/* --- prompts --- */

void app_line_open(struct app *a, int kind, int arg, const char *label, const char *text)
{
    a->line.max = kind == LINE_JUMP ? 8 : SESSION_EVIDENCE_MAX;
    editor_set(&a->line, text);
    a->line_kind = kind;
    a->line_arg = arg;
    tui_copy(a->line_label, sizeof a->line_label, label);
    app_push(a, SCR_LINE);
}

void app_confirm_open(struct app *a, int kind, const char *text)
{
    a->confirm_kind = kind;
    tui_copy(a->confirm_text, sizeof a->confirm_text, text);
    app_push(a, SCR_CONFIRM);
}

int app_quit(struct app *a)
{
    if (a->note_open)
        app_note_commit(a);
    if (a->ses && !a->read_only && (a->dirty || a->ses->cursor != a->saved_cursor))
        app_save(a);
    if (a->dirty) {
        char t[700];
        msg_format(t, sizeof t, M_TUI_CONFIRM_QUIT, a->save_error);
        app_confirm_open(a, CONFIRM_QUIT_UNSAVED, t);
        return TUI_REDRAW;
    }
    return TUI_QUIT;
}

int app_shutdown(struct app *a)
{
    if (a->note_open)
        app_note_commit(a);
    if (a->ses && !a->read_only && (a->dirty || a->ses->cursor != a->saved_cursor))
        app_save(a);
    int rc = a->dirty ? -1 : 0;
    session_unlock(a->lock);
    a->lock = NULL;
    return rc;
}

/* --- keys and drawing --- */

int app_key(struct app *a, int key)
{
    if (key == TK_RESIZE)
        return TUI_REDRAW;
    if (a->depth == 0)
        return TUI_QUIT;
    if (key == TK_TIMEOUT) {
        if (a->note_open && a->note_pending) {
            app_note_commit(a);
            return TUI_REDRAW;
        }
        return 0;
    }
    /* nothing is typed blind into a screen too small to show it; q still quits */
    if (layout_too_small(a->cols, a->rows)) {
        int top = app_top(a);
        if (key == 'q' && (top == SCR_MAIN || top == SCR_ROOM || top == SCR_PICKER ||
                           top == SCR_HELP || top == SCR_PLAN))
            return app_quit(a);
        return 0;
    }
    a->msg[0] = '\0';
    return app_screen(app_top(a))->handle(a, key);
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
    while (from > 0 && app_screen(a->stack[from])->overlay)
        from--;
    for (int i = from < 0 ? 0 : from; i < a->depth; i++)
        app_screen(a->stack[i])->render(a, g);
}

void app_slug(const char *org, char *out, size_t n)
{
    size_t k = 0, i = 0, len = strlen(org);
    int dash = 0;
    if (n == 0)
        return;
    while (i < len && k + 2 < n) {
        uint32_t cp;
        size_t m = utf8_decode(org + i, len - i, &cp);
        i += m ? m : 1;
        char c = 0;
        if (cp < 128 && ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9')))
            c = (char)cp;
        else if (cp >= 'A' && cp <= 'Z')
            c = (char)(cp - 'A' + 'a');
        else if (cp == 0xE5 || cp == 0xE4 || cp == 0xC5 || cp == 0xC4) /* å ä Å Ä */
            c = 'a';
        else if (cp == 0xF6 || cp == 0xD6) /* ö Ö */
            c = 'o';
        else if (cp == 0xE9 || cp == 0xC9) /* é É */
            c = 'e';
        if (c) {
            if (dash && k > 0)
                out[k++] = '-';
            out[k++] = c;
            dash = 0;
        } else {
            dash = 1;
        }
        if (k >= 40)
            break;
    }
    out[k] = '\0';
    if (k == 0)
        snprintf(out, n, "session");
}
