/* screen_parked.c: the parking lot: the questions parked for later, in the order they are
 * shown, with why; Enter goes to one, P takes it back. */
#include <stdio.h>
#include <stdlib.h>

#include "app.h"
#include "kollen/text.h"
#include "theme.h"

struct parked_state {
    int cur;
};

void parked_open(struct app *a)
{
    struct parked_state *s = app_state(a, SCR_PARKED);
    s->cur = 0;
    app_push(a, SCR_PARKED);
}

/* The parked questions in display order into v (n of the bank's at most); how many. */
static int parked_list(const struct app *a, int *v)
{
    int n = 0;
    for (int k = 0; k < a->w->bank->n_questions; k++)
        if (a->w->ses->answers[a->walk[k]].parked)
            v[n++] = a->walk[k];
    return n;
}

static const struct hint parked_hints[] = {{A_ENTER, M_TH_GOTO},
                                           {A_PARKED_UNPARK, M_TH_UNPARK},
                                           {A_PARKED, M_TH_BACK},
                                           {A_HELP, M_TH_HELP},
                                           {A_NONE, M_TUI_NONE}};

static void parked_render(struct app *a, struct grid *g)
{
    struct parked_state *s = app_state(a, SCR_PARKED);
    const struct bank *b = a->w->bank;
    const struct glyphs *gl = theme_glyphs(g->utf8);
    int *v = malloc((size_t)(b->n_questions ? b->n_questions : 1) * sizeof *v);
    int n = v ? parked_list(a, v) : 0;
    grid_fill(g, 0, 0, g->cols, " ", R_HEADER);
    char title[200];
    tui_msg_format(title, sizeof title, n == 1 ? M_TUI_PK_TITLE_ONE : M_TUI_PK_TITLE, n);
    grid_put_cut(g, 1, 0, g->cols - 2, title, R_HEADER);
    if (!n)
        grid_put_cut(g, 2, 2, g->cols - 4, tui_msg(M_TUI_PK_EMPTY), R_DIM);
    if (s->cur >= n)
        s->cur = n ? n - 1 : 0;
    int per = 2, rows = (g->rows - 3) / per, top = s->cur >= rows ? s->cur - rows + 1 : 0;
    for (int i = top; i < n && i - top < rows; i++) {
        const struct question *q = &b->questions[v[i]];
        const struct answer *ans = &a->w->ses->answers[v[i]];
        int y = 2 + (i - top) * per, sel = i == s->cur;
        int role = sel ? R_SELECTED : R_NORMAL;
        struct sbuf t;
        sbuf_init(&t);
        sbuf_addf(&t, "%s %3d  %s", sel ? gl->pointer : " ", q->number, question_label(q));
        char *clean = text_sanitize_dup(t.p ? t.p : "", 0);
        grid_fill(g, 1, y, g->cols - 2, " ", role);
        grid_put_cut(g, 1, y, g->cols - 2, clean ? clean : "", role);
        free(clean);
        sbuf_reset(&t);
        sbuf_addf(&t, "%s", ans->park_reason ? ans->park_reason : tui_msg(M_TUI_PK_NO_REASON));
        clean = text_sanitize_dup(t.p ? t.p : "", 0);
        grid_put_cut(g, 8, y + 1, g->cols - 10, clean ? clean : "",
                     ans->park_reason ? R_NORMAL : R_DIM);
        free(clean);
        sbuf_free(&t);
    }
    free(v);
    draw_status(a, g, parked_hints);
}

static int parked_handle(struct app *a, enum action act, int arg, int key)
{
    (void)arg;
    (void)key;
    struct parked_state *s = app_state(a, SCR_PARKED);
    int *v = malloc((size_t)(a->w->bank->n_questions ? a->w->bank->n_questions : 1) * sizeof *v);
    int n = v ? parked_list(a, v) : 0, r = TUI_REDRAW;
    switch (act) {
    case A_UP: s->cur--; break;
    case A_DOWN: s->cur++; break;
    case A_PGUP:
    case A_HOME: s->cur = 0; break;
    case A_PGDN:
    case A_END: s->cur = n - 1; break;
    case A_ENTER:
        if (n) {
            app_pop(a);
            main_show(a, v[s->cur], -1);
        }
        break;
    case A_PARKED_UNPARK:
        if (n) {
            struct ops_change c = {.parked = OPS_OFF};
            struct ops_result res;
            int number = a->w->bank->questions[v[s->cur]].number;
            if (!app_change(a, v[s->cur], &c, &res) && !a->w->dirty)
                app_message_id(a, R_NORMAL, M_TUI_UNPARKED, number);
        }
        break;
    default: r = 0; break;
    }
    if (s->cur >= n)
        s->cur = n - 1;
    if (s->cur < 0)
        s->cur = 0;
    free(v);
    return r;
}

const struct screen_ops parked_screen = {
    .state_size = sizeof(struct parked_state),
    .handle = parked_handle,
    .render = parked_render,
};
