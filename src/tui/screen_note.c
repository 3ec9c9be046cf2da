/* screen_note.c: the note editor, drawn over the right column of the workshop screen. What is
 * typed goes into the session on leaving, after a pause and every few seconds of typing; one
 * editing run is one undo step. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "kollen/ops_edit.h"
#include "kollen/ops_msg.h"
#include "kollen/text.h"
#include "screen_main.h"
#include "theme.h"
#include "wrap.h"

static struct note_state *ns(struct app *a)
{
    return app_state(a, SCR_NOTE);
}

static int note_init(struct app *a, void *state)
{
    (void)a;
    return editor_init(&((struct note_state *)state)->ed, NULL, SESSION_NOTE_MAX, 1);
}

static void note_free(struct app *a, void *state)
{
    (void)a;
    struct note_state *n = state;
    editor_free(&n->ed);
    free(n->orig);
    n->orig = NULL;
}

static void note_reset(struct app *a, void *state)
{
    (void)a;
    struct note_state *n = state;
    n->open = n->pending = 0;
}

void note_open(struct app *a)
{
    struct note_state *n = ns(a);
    if (!a->w)
        return;
    if (a->w->read_only) {
        app_message(a, R_WARN, "%s", ops_msg(M_OPS_READ_ONLY));
        return;
    }
    editor_set(&n->ed, a->w->ses->answers[a->q].note);
    n->ed.max = SESSION_NOTE_MAX;
    n->q = a->q;
    n->summary = 0;
    n->open = 1;
    n->undo_taken = 0;
    n->pending = 0;
    n->committed_at = app_now(a);
    app_push(a, SCR_NOTE);
}

void summary_open(struct app *a)
{
    struct note_state *n = ns(a);
    if (!a->w)
        return;
    if (a->w->read_only) {
        app_message(a, R_WARN, "%s", ops_msg(M_OPS_READ_ONLY));
        return;
    }
    free(n->orig);
    n->orig = text_dup(a->w->ses->summary ? a->w->ses->summary : "");
    editor_set(&n->ed, a->w->ses->summary);
    n->ed.max = SESSION_SUMMARY_MAX;
    n->q = a->q;
    n->summary = 1;
    n->open = 1;
    n->undo_taken = 0;
    n->pending = 0;
    n->committed_at = app_now(a);
    app_push(a, SCR_NOTE);
}

void note_commit(struct app *a)
{
    struct note_state *n = ns(a);
    if (!n->open || !n->pending)
        return;
    n->pending = 0;
    n->committed_at = app_now(a);
    if (n->summary) {
        struct ops_edit e = {0};
        e.summary = editor_text(&n->ed);
        if (app_edit(a, &e))
            n->pending = 1;
        return;
    }
    /* one undo step for the whole editing run: later saves fold into the first one's */
    struct ops_change c = {.note = editor_text(&n->ed), .merge = n->undo_taken};
    struct ops_result res;
    if (app_change(a, n->q, &c, &res))
        n->pending = 1; /* said on the status line; tried again on the next commit */
    else if (res.changed)
        n->undo_taken = 1;
}

static void note_close(struct app *a)
{
    note_commit(a);
    ns(a)->open = 0;
    if (app_top(a) == SCR_NOTE)
        app_pop(a);
}

struct note_box {
    int x, y, w, h;     /* the box */
    int ex, ey, ew, eh; /* the text inside */
};

static void note_box(const struct app *a, struct note_box *nb)
{
    struct layout l;
    main_layout(a, &l);
    nb->x = l.sep_x;
    nb->y = l.rule_y;
    nb->w = a->cols - nb->x;
    nb->h = l.status.y - nb->y;
    nb->ex = nb->x + 2;
    nb->ey = nb->y + 2;
    nb->ew = nb->w - 4; /* the last column stays free for the cursor at a line's end */
    nb->eh = nb->h - 3;
    if (nb->ew < 1)
        nb->ew = 1;
    if (nb->eh < 1)
        nb->eh = 1;
}

static const struct hint note_hints[] = {{E_DONE, M_TH_DONE},
                                         {E_DISCARD, M_TH_DISCARD},
                                         {E_NEWLINE, M_TH_NEWLINE},
                                         {E_WORD_LEFT, M_TH_WORD},
                                         {E_KILL_END, M_TH_KILL},
                                         {A_NONE, M_TUI_NONE}};

static void note_render(struct app *a, struct grid *g)
{
    struct note_state *n = ns(a);
    struct note_box nb;
    note_box(a, &nb);
    const struct question *q = &a->w->bank->questions[n->q];
    char title[200], done[32], discard[32];
    keymap_key_name(keymap_info(E_DONE)->keys[0], g->utf8, 0, done, sizeof done);
    keymap_key_name(keymap_info(E_DISCARD)->keys[0], g->utf8, 0, discard, sizeof discard);
    if (n->summary)
        tui_msg_format(title, sizeof title, M_TUI_SUMMARY_TITLE, done, discard);
    else
        tui_msg_format(title, sizeof title, M_TUI_NOTE_TITLE, q->number, done, discard);
    draw_box(g, nb.x, nb.y, nb.w, nb.h, title);
    char *ctx = text_sanitize_dup(n->summary ? a->w->ses->organisation : question_label(q), 0);
    grid_put_cut(g, nb.ex, nb.y + 1, nb.ew, ctx ? ctx : "", R_DIM);
    free(ctx);
    struct editor *e = &n->ed;
    int top = editor_view(e, nb.ew, nb.eh);
    const struct wrap *w = editor_lines(e, nb.ew);
    const char *s = editor_text(e);
    for (int i = 0; w && i < nb.eh && top + i < w->n; i++)
        grid_putn(g, nb.ex, nb.ey + i, nb.ew, s + w->v[top + i].start, w->v[top + i].len, R_NORMAL);
    int line, col;
    editor_cursor(e, nb.ew, &line, &col);
    g->cur_on = 1;
    g->cur_x = nb.ex + col;
    g->cur_y = nb.ey + line - top;
    const struct glyphs *gl = theme_glyphs(g->utf8);
    if (top > 0)
        grid_put(g, nb.x + nb.w - 2, nb.ey, 1, gl->more_up, R_DIM);
    if (w && top + nb.eh < w->n)
        grid_put(g, nb.x + nb.w - 2, nb.ey + nb.eh - 1, 1, gl->more_down, R_DIM);
    /* the size, on the bottom border */
    draw_size(g, e, nb.x + nb.w - 2, nb.y + nb.h - 1);
    draw_status(a, g, note_hints);
}

/* Ctrl-G: the note as it was when the editor opened. What was written meanwhile is one undo
 * step (the commits fold into it): undoing it puts the old note back, on disk too. */
static void note_discard(struct app *a)
{
    struct note_state *n = ns(a);
    int taken = n->undo_taken, number = a->w->bank->questions[n->q].number;
    n->pending = 0;
    n->open = 0;
    if (app_top(a) == SCR_NOTE)
        app_pop(a);
    if (n->summary) { /* the summary has no undo: it is written back as it was */
        struct ops_edit e = {0};
        e.summary = n->orig ? n->orig : "";
        if (!app_edit(a, &e) && !a->w->dirty)
            app_message_id(a, R_NORMAL, M_TUI_SUMMARY_DISCARDED);
        return;
    }
    if (taken)
        app_undo(a);
    if (!a->w->dirty)
        app_message_id(a, R_NORMAL, M_TUI_NOTE_DISCARDED, number);
}

static int note_handle(struct app *a, enum action act, int arg, int key)
{
    (void)arg;
    struct note_state *n = ns(a);
    if (act == E_DONE) {
        note_close(a);
        return TUI_REDRAW;
    }
    if (act == E_DISCARD) {
        note_discard(a);
        return TUI_REDRAW;
    }
    if (act == E_HELP) {
        help_open(a);
        return TUI_REDRAW;
    }
    struct note_box nb;
    note_box(a, &nb);
    unsigned long rev = n->ed.rev;
    if (!edit_key(&n->ed, CX_EDIT, key, nb.ew, nb.eh - 1))
        return 0;
    if (n->ed.full) /* also when nothing went in: a key refused at the limit is said */
        app_message_id(a, R_WARN, M_TUI_NOTE_FULL, SESSION_NOTE_MAX);
    if (n->ed.rev != rev) {
        n->pending = 1;
        /* typing without a pause still reaches the disk every few seconds */
        if (app_now(a) - n->committed_at >= 5)
            note_commit(a);
    }
    return TUI_REDRAW;
}

/* A pause in typing: what is typed goes to disk. */
static int note_idle(struct app *a)
{
    struct note_state *n = ns(a);
    if (!n->open || !n->pending)
        return 0;
    note_commit(a);
    return TUI_REDRAW;
}

const struct screen_ops note_screen = {
    .state_size = sizeof(struct note_state),
    .init = note_init,
    .free = note_free,
    .reset = note_reset,
    .handle = note_handle,
    .render = note_render,
    .idle = note_idle,
};
