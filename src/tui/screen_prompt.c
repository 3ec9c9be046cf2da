/* screen_prompt.c: the one-line prompt on the status line (question number, evidence) and the
 * yes/no questions (quit with unsaved changes, create a session, open read-only). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "kollen/msg.h"
#include "kollen/text.h"
#include "screens.h"
#include "theme.h"
#include "wrap.h"

void line_render(struct app *a, struct grid *g)
{
    int y = g->rows - 1;
    grid_fill(g, 0, y, g->cols, " ", R_NORMAL);
    int lw = grid_put_cut(g, 1, y, g->cols / 2, a->line_label, R_TITLE);
    draw_line_editor(g, &a->line, 1 + lw, y, g->cols - lw - 2, R_INPUT);
}

static void accept_evidence(struct app *a, const char *text)
{
    char *ref = text_dup(text);
    if (!ref)
        return;
    text_trim(ref);
    struct diags d;
    diags_init(&d);
    int qi = a->q, k = a->line_arg;
    struct answer *ans = &a->ses->answers[qi];
    int rc = KL_OK, added = 0;
    if (a->line_kind == LINE_EVIDENCE_ADD && !*ref) {
        free(ref);
        diags_free(&d);
        return;
    }
    if (app_change_begin(a)) {
        free(ref);
        diags_free(&d);
        return;
    }
    if (a->line_kind == LINE_EVIDENCE_ADD) {
        rc = session_add_evidence(a->ses, qi, ref, app_now(a), &d);
        /* a reference to evidence documents the answer (as `kollen set --evidence` does) */
        if (!rc && !ans->documented) {
            ans->documented = 1;
            added = 1;
        }
    } else if (!*ref) {
        rc = session_remove_evidence(a->ses, qi, k, app_now(a));
    } else {
        rc = session_set_evidence(a->ses, qi, k, ref, app_now(a), &d);
    }
    if (rc) {
        const struct diag *e = diags_first_error(&d);
        app_change_cancel(a);
        app_message(a, R_WARN, "%s", e ? e->msg : msg(M_SES_NO_MEMORY));
    } else {
        app_change_end(a, qi);
        if (added && !a->dirty)
            app_message(a, R_NORMAL, "%s", msg(M_TUI_EVIDENCE_ADDED));
    }
    free(ref);
    diags_free(&d);
}

int line_handle(struct app *a, int key)
{
    enum action act = keymap_lookup(CX_LINE, key, NULL);
    if (act == E_CANCEL) {
        app_pop(a);
        return TUI_REDRAW;
    }
    if (act == E_ACCEPT) {
        char *text = text_dup(editor_text(&a->line));
        app_pop(a);
        if (!text)
            return TUI_REDRAW;
        if (a->line_kind == LINE_JUMP) {
            long num;
            text_trim(text);
            int qi = -1;
            if (*text && !text_parse_int(text, 1, BANK_MAX_QUESTIONS, &num))
                qi = bank_find_question(a->bank, (int)num);
            if (qi >= 0) {
                app_goto(a, qi);
            } else if (*text) {
                char t[128];
                msg_format(t, sizeof t, M_TUI_NO_QUESTION, text);
                app_message(a, R_WARN, "%s", t);
            }
        } else {
            accept_evidence(a, text);
        }
        free(text);
        return TUI_REDRAW;
    }
    /* the question number prompt takes digits only */
    if (a->line_kind == LINE_JUMP && key < TK_SPECIAL && key >= 32 && (key < '0' || key > '9'))
        return 0;
    return edit_key(&a->line, CX_LINE, key, a->cols, 1) ? TUI_REDRAW : 0;
}

/* --- yes or no --- */

void confirm_render(struct app *a, struct grid *g)
{
    int w = g->cols - 8 > 72 ? 72 : g->cols - 8;
    struct wrap wr;
    wrap_init(&wr);
    const char *t = a->confirm_text;
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

static int is_yes(int key)
{
    return key == 'j' || key == 'J' || key == 'y' || key == 'Y';
}

static int is_no(int key)
{
    return key == 'n' || key == 'N' || key == TK_ESC || key == 'q';
}

int confirm_handle(struct app *a, int key)
{
    char why[600];
    switch (a->confirm_kind) {
    case CONFIRM_QUIT_UNSAVED:
        if (key == 's' || key == 'S') {
            if (app_save(a) == 0)
                return TUI_QUIT;
            msg_format(a->confirm_text, sizeof a->confirm_text, M_TUI_CONFIRM_QUIT,
                       a->save_error);
            return TUI_REDRAW;
        }
        if (is_yes(key))
            return TUI_QUIT;
        if (is_no(key))
            app_pop(a);
        return TUI_REDRAW;
    case CONFIRM_CREATE:
        if (is_yes(key)) {
            app_pop(a);
            app_form_open(a, a->pending_path);
        } else if (is_no(key)) {
            app_pop(a);
            if (a->depth == 0)
                return TUI_QUIT;
        }
        return TUI_REDRAW;
    case CONFIRM_READ_ONLY:
        if (is_yes(key)) {
            app_pop(a);
            if (app_open(a, a->pending_path, 1, why, sizeof why) < 0) {
                msg_format(a->fatal, sizeof a->fatal, M_TUI_OPEN_FAILED, a->pending_path, why);
                if (a->depth == 0)
                    return TUI_QUIT;
                a->fatal[0] = '\0';
                app_message(a, R_WARN, "%s", why);
            }
        } else if (is_no(key)) {
            app_pop(a);
            if (a->depth == 0)
                return TUI_QUIT;
        }
        return TUI_REDRAW;
    default: app_pop(a); return TUI_REDRAW;
    }
}
