/* screen_prompt.c: the one-line prompt on the status line (question number, evidence) and the
 * yes/no questions (quit with unsaved changes, create a session, open read-only). */
#include "screen_prompt.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "kollen/ops_msg.h"
#include "kollen/text.h"
#include "theme.h"
#include "wrap.h"

/* --- the one-line prompt --- */

static int line_init(struct app *a, void *state)
{
    (void)a;
    struct line_state *ls = state;
    return editor_init(&ls->ed, NULL, SESSION_EVIDENCE_MAX, 0);
}

static void line_free(struct app *a, void *state)
{
    (void)a;
    editor_free(&((struct line_state *)state)->ed);
}

/* The most a prompt of this kind takes (the session's limit for what is typed there). */
static size_t line_max(enum line_kind kind)
{
    switch (kind) {
    case LINE_JUMP: return 8;
    case LINE_PARK: return SESSION_REASON_MAX;
    case LINE_DISSENT_ADD:
    case LINE_DISSENT_EDIT: return SESSION_FIELD_MAX + 2 + SESSION_DISSENT_MAX;
    case LINE_SEARCH: return 120;
    case LINE_RECORD: return 2 * SESSION_FIELD_MAX + 2;
    default: return SESSION_EVIDENCE_MAX;
    }
}

void line_open(struct app *a, enum line_kind kind, int arg, const char *label, const char *text)
{
    struct line_state *ls = app_state(a, SCR_LINE);
    ls->ed.max = line_max(kind);
    editor_set(&ls->ed, text);
    ls->kind = kind;
    ls->arg = arg;
    tui_copy(ls->label, sizeof ls->label, label);
    app_push(a, SCR_LINE);
}

static void line_render(struct app *a, struct grid *g)
{
    struct line_state *ls = app_state(a, SCR_LINE);
    int y = g->rows - 1;
    grid_fill(g, 0, y, g->cols, " ", R_NORMAL);
    int lw = grid_put_cut(g, 1, y, g->cols / 2, ls->label, R_TITLE);
    /* the size against the limit while typing, and a word when a key was refused at it */
    int sw = ls->kind == LINE_JUMP ? 0 : draw_size(g, &ls->ed, g->cols, y);
    draw_line_editor(g, &ls->ed, 1 + lw, y, g->cols - lw - 2 - sw, R_INPUT);
}

/* A reference typed: added (documenting the answer), changed, or removed when emptied. */
static void accept_evidence(struct app *a, const struct line_state *ls, const char *text)
{
    char *ref = text_dup(text);
    if (!ref)
        return;
    text_trim(ref);
    struct ops_change c = {0};
    const char *add[2] = {ref, NULL};
    if (ls->kind == LINE_EVIDENCE_ADD)
        c.evidence_add = add;
    else if (!*ref)
        c.evidence_remove = ls->arg + 1;
    else
        c.evidence_edit = ls->arg + 1, c.evidence_text = ref;
    struct ops_result res;
    if ((ls->kind != LINE_EVIDENCE_ADD || *ref) && !app_change(a, a->q, &c, &res)) {
        if (res.documented && !a->w->dirty)
            app_message_id(a, R_NORMAL, M_TUI_EVIDENCE_ADDED);
        else if (c.evidence_remove)
            evidence_removed(a, &res, ls->arg);
    }
    free(ref);
}

void evidence_removed(struct app *a, const struct ops_result *res, int k)
{
    if (res->last_evidence) {
        char t[400];
        tui_msg_format(t, sizeof t, M_TUI_CONFIRM_UNDOCUMENT, a->w->bank->questions[a->q].number);
        confirm_open(a, CONFIRM_UNDOCUMENT, t);
    } else if (!a->w->dirty) {
        app_message_id(a, R_NORMAL, M_TUI_EVIDENCE_REMOVED, k + 1);
    }
}

/* What the group decides: a park reason, a dissent added or changed (emptied: removed). */
static void accept_decision(struct app *a, const struct line_state *ls, char *text)
{
    text_trim(text);
    struct ops_change c = {0};
    const char *add[2] = {text, NULL};
    enum tui_msg_id done = M_TUI_NONE;
    int number = a->w->bank->questions[a->q].number;
    if (ls->kind == LINE_PARK) {
        c.parked = OPS_ON;
        c.park_reason = text;
        done = M_TUI_PARKED_NOW;
    } else if (ls->kind == LINE_DISSENT_ADD) {
        if (!*text)
            return;
        c.dissent_add = add;
        done = M_TUI_DISSENT_ADDED;
    } else if (!*text) {
        c.dissent_remove = ls->arg + 1;
        done = M_TUI_DISSENT_REMOVED;
        number = ls->arg + 1;
    } else {
        c.dissent_edit = ls->arg + 1;
        c.dissent_text = text;
    }
    struct ops_result res;
    if (!app_change(a, a->q, &c, &res) && !a->w->dirty && done != M_TUI_NONE)
        app_message_id(a, R_NORMAL, done, number);
}

static void accept_jump(struct app *a, char *text)
{
    text_trim(text);
    int qi = *text ? ops_question(a->w->bank, text) : -1;
    if (qi >= 0)
        app_goto(a, qi);
    else if (*text)
        app_message_id(a, R_WARN, M_TUI_NO_QUESTION, text);
}

static int line_handle(struct app *a, enum action act, int arg, int key)
{
    (void)arg;
    struct line_state *ls = app_state(a, SCR_LINE);
    if (act == E_CANCEL) {
        app_pop(a);
        return TUI_REDRAW;
    }
    if (act == E_HELP) {
        help_open(a);
        return TUI_REDRAW;
    }
    if (act == E_ACCEPT) {
        char *text = text_dup(editor_text(&ls->ed));
        app_pop(a);
        if (!text)
            return TUI_REDRAW;
        if (ls->kind == LINE_JUMP)
            accept_jump(a, text);
        else if (ls->kind == LINE_SEARCH) /* Enter alone: the last search again */
            app_search(a, *text || !a->search[0] ? text : a->search);
        else if (ls->kind == LINE_RECORD)
            records_accept(a, ls->arg, text);
        else if (ls->kind == LINE_EVIDENCE_ADD || ls->kind == LINE_EVIDENCE_EDIT)
            accept_evidence(a, ls, text);
        else
            accept_decision(a, ls, text);
        free(text);
        return TUI_REDRAW;
    }
    /* the question number prompt takes digits only */
    if (ls->kind == LINE_JUMP && key < TK_SPECIAL && key >= 32 && (key < '0' || key > '9'))
        return 0;
    return edit_key(&ls->ed, CX_LINE, key, a->cols, 1) ? TUI_REDRAW : 0;
}

const struct screen_ops line_screen = {
    .state_size = sizeof(struct line_state),
    .init = line_init,
    .free = line_free,
    .handle = line_handle,
    .render = line_render,
};

/* --- yes or no --- */

void confirm_open(struct app *a, enum confirm_kind kind, const char *text)
{
    struct confirm_state *cs = app_state(a, SCR_CONFIRM);
    cs->kind = kind;
    cs->arg = 0;
    tui_copy(cs->text, sizeof cs->text, text);
    app_push(a, SCR_CONFIRM);
}

static void confirm_render(struct app *a, struct grid *g)
{
    const struct confirm_state *cs = app_state(a, SCR_CONFIRM);
    int w = g->cols - 8 > 72 ? 72 : g->cols - 8;
    struct wrap wr;
    wrap_init(&wr);
    const char *t = cs->text;
    if (wrap_text(&wr, t, strlen(t), w - 4)) {
        wrap_free(&wr);
        return;
    }
    int h = wr.n + 2;
    if (h > g->rows - 2)
        h = g->rows - 2;
    int x = (g->cols - w) / 2, y = (g->rows - h) / 2;
    draw_box(g, x, y, w, h, "kollen");
    for (int i = 0; i < wr.n && i < h - 2; i++)
        grid_putn(g, x + 2, y + 1 + i, w - 4, t + wr.v[i].start, wr.v[i].len, R_NORMAL);
    wrap_free(&wr);
    for (int i = x; i < x + w; i++) {
        grid_cell(g, i, y)->role = R_WARN;
        grid_cell(g, i, y + h - 1)->role = R_WARN;
    }
}

/* The session could not be saved: try again (quit when it works), quit anyway, or stay. */
static int quit_unsaved(struct app *a, struct confirm_state *cs, enum action act)
{
    if (act == A_RETRY) {
        if (app_save(a) == 0)
            return TUI_QUIT;
        tui_msg_format(cs->text, sizeof cs->text, M_TUI_CONFIRM_QUIT, a->w->save_error);
        return TUI_REDRAW;
    }
    if (act == A_YES)
        return TUI_QUIT;
    if (act == A_NO)
        app_pop(a);
    return TUI_REDRAW;
}

/* Someone else writes to the session: open it read-only, or not at all. */
static int read_only(struct app *a, enum action act)
{
    char why[600];
    if (act == A_YES) {
        app_pop(a);
        if (app_open(a, a->pending_path, 1, why, sizeof why) < 0) {
            tui_msg_format(a->fatal, sizeof a->fatal, M_TUI_OPEN_FAILED, a->pending_path, why);
            if (a->depth == 0)
                return TUI_QUIT;
            a->fatal[0] = '\0';
            app_message(a, R_WARN, "%s", why);
        }
    } else if (act == A_NO) {
        app_pop(a);
        if (a->depth == 0)
            return TUI_QUIT;
    }
    return TUI_REDRAW;
}

/* Yes, the answer is no longer documented: folded into the removal's undo step. */
static void undocument(struct app *a)
{
    struct ops_change c = {.documented = OPS_OFF, .merge = 1};
    struct ops_result res;
    if (!app_change(a, a->q, &c, &res) && !a->w->dirty)
        app_message_id(a, R_NORMAL, M_TUI_UNDOCUMENTED, a->w->bank->questions[a->q].number);
}

static int confirm_handle(struct app *a, enum action act, int arg, int key)
{
    (void)arg;
    (void)key;
    struct confirm_state *cs = app_state(a, SCR_CONFIRM);
    switch (cs->kind) {
    case CONFIRM_QUIT_UNSAVED: return quit_unsaved(a, cs, act);
    case CONFIRM_CREATE:
        if (act == A_YES) {
            app_pop(a);
            form_open(a, a->pending_path);
        } else if (act == A_NO) {
            app_pop(a);
            if (a->depth == 0)
                return TUI_QUIT;
        }
        return TUI_REDRAW;
    case CONFIRM_READ_ONLY: return read_only(a, act);
    case CONFIRM_UNDOCUMENT:
    case CONFIRM_REMOVE_PERSON:
        if (act == A_YES || act == A_NO)
            app_pop(a);
        if (act == A_YES && cs->kind == CONFIRM_UNDOCUMENT)
            undocument(a);
        else if (act == A_YES)
            records_remove(a, cs->arg);
        return TUI_REDRAW;
    }
    app_pop(a);
    return TUI_REDRAW;
}

const struct screen_ops confirm_screen = {
    .state_size = sizeof(struct confirm_state),
    .handle = confirm_handle,
    .render = confirm_render,
};
