/* screen_picker.c: the session list (kollen with no argument): every session of the sessions
 * folder with its summary (ops_list), the last changed first, and "new session" on top. */
#include "screen_picker.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "kollen/text.h"
#include "theme.h"

static struct picker_state *ps(struct app *a)
{
    return app_state(a, SCR_PICKER);
}

static void picker_free(struct app *a, void *state)
{
    (void)a;
    ops_list_free(&((struct picker_state *)state)->list);
}

void picker_load(struct app *a)
{
    struct picker_state *p = ps(a);
    ops_list_free(&p->list);
    p->error[0] = '\0';
    struct diags d;
    diags_init(&d);
    if (ops_list(a->sessions_dir, a->questions_dir, &p->list, &d))
        tui_first_error(&d, p->error, sizeof p->error);
    diags_free(&d);
    if (p->cur > p->list.n)
        p->cur = p->list.n;
}

void picker_open(struct app *a)
{
    picker_load(a);
    /* on the most recent session (the list is newest first); "new session" when there is none */
    ps(a)->cur = ps(a)->list.n ? 1 : 0;
    app_push(a, SCR_PICKER);
}

static const struct hint picker_hints[] = {{A_ENTER, M_TH_OPEN},
                                           {A_NEW, M_TH_NEW},
                                           {A_HELP, M_TH_HELP},
                                           {A_QUIT, M_TH_QUIT},
                                           {A_NONE, M_TUI_NONE}};

/* The columns: organisation (the rest), date 10, bank, level 6, answered 9. */
struct columns {
    int x[5], w[5];
};

static void columns(int w, struct columns *c)
{
    int dw = 10, lw = 6, aw = 9, bw = w >= 110 ? 28 : 18;
    int ow = w - 2 - dw - bw - lw - aw - 4 - 2;
    int xo = 3, xd = xo + ow + 1, xb = xd + dw + 1, xl = xb + bw + 1, xa = xl + lw + 1;
    *c = (struct columns){{xo, xd, xb, xl, xa}, {ow, dw, bw, lw, aw}};
}

static void render_head(struct app *a, struct grid *g, const struct columns *c)
{
    int w = g->cols;
    grid_fill(g, 0, 0, w, " ", R_HEADER);
    char title[400];
    tui_msg_format(title, sizeof title, M_TUI_PICK_TITLE, a->sessions_dir);
    grid_put_cut(g, 1, 0, w - 2, title, R_HEADER);
    char cols[256];
    snprintf(cols, sizeof cols, "%s", tui_msg(M_TUI_PICK_COLS));
    char *save = NULL;
    int k = 0;
    for (char *tok = strtok_r(cols, "|", &save); tok && k < 5; tok = strtok_r(NULL, "|", &save)) {
        grid_put_cut(g, c->x[k], 2, c->w[k], tok, R_TITLE);
        k++;
    }
}

static void render_entry(struct grid *g, const struct columns *c, const struct ops_entry *e, int y,
                         int role, int sel)
{
    if (e->error) {
        char t[400];
        tui_msg_format(t, sizeof t, M_TUI_PICK_BROKEN, e->error);
        grid_put_cut(g, c->x[0], y, c->w[0], e->file, role);
        grid_put_cut(g, c->x[1], y, g->cols - c->x[1] - 1, t, sel ? role : R_WARN);
        return;
    }
    grid_put_cut(g, c->x[0], y, c->w[0],
                 e->organisation && e->organisation[0] ? e->organisation : e->file, role);
    grid_put_cut(g, c->x[1], y, c->w[1], e->date, role);
    grid_put_cut(g, c->x[2], y, c->w[2], e->bank_name, role);
    if (e->level)
        grid_put_cut(g, c->x[3], y, c->w[3], e->level, role);
    char t[32];
    snprintf(t, sizeof t, "%d/%d", e->answered, e->questions);
    grid_put_cut(g, c->x[4], y, c->w[4], t, role);
}

static void picker_render(struct app *a, struct grid *g)
{
    struct picker_state *p = ps(a);
    int w = g->cols;
    struct columns c;
    columns(w, &c);
    render_head(a, g, &c);
    int rows = g->rows - 5, n = p->list.n + 1;
    int top = 0;
    if (n > rows) {
        top = p->cur - rows / 2;
        if (top < 0)
            top = 0;
        if (top > n - rows)
            top = n - rows;
    }
    const struct glyphs *gl = theme_glyphs(g->utf8);
    for (int row = 0; row < rows && top + row < n; row++) {
        int i = top + row, y = 3 + row;
        int sel = i == p->cur;
        int role = sel ? R_SELECTED : R_NORMAL;
        grid_fill(g, 1, y, w - 2, " ", role);
        if (sel)
            grid_put(g, 1, y, 1, gl->pointer, role);
        if (i == 0)
            grid_put_cut(g, c.x[0], y, w - c.x[0] - 1, tui_msg(M_TUI_PICK_NEW),
                         sel ? role : R_DONE);
        else
            render_entry(g, &c, &p->list.v[i - 1], y, role, sel);
    }
    if (p->list.n == 0)
        grid_put_cut(g, c.x[0], 5, w - c.x[0] - 1, tui_msg(M_TUI_PICK_EMPTY), R_DIM);
    if (p->error[0])
        grid_put_cut(g, c.x[0], g->rows - 3, w - c.x[0] - 1, p->error, R_WARN);
    draw_status(a, g, picker_hints);
}

static void open_entry(struct app *a, const struct ops_entry *e)
{
    char why[600];
    if (app_open(a, e->path, 0, why, sizeof why) < 0) {
        char t[800];
        tui_msg_format(t, sizeof t, M_TUI_OPEN_FAILED, e->file, why);
        app_message(a, R_WARN, "%s", t);
    }
}

/* Help, redraw and quit are the table's (screens.h). */
static int picker_handle(struct app *a, enum action act, int arg, int key)
{
    (void)arg;
    (void)key;
    struct picker_state *p = ps(a);
    int n = p->list.n + 1, page = a->rows - 6 > 1 ? a->rows - 6 : 1;
    switch (act) {
    case A_UP: p->cur--; break;
    case A_DOWN: p->cur++; break;
    case A_PGUP: p->cur -= page; break;
    case A_PGDN: p->cur += page; break;
    case A_HOME: p->cur = 0; break;
    case A_END: p->cur = n - 1; break;
    case A_NEW: form_open(a, NULL); break;
    case A_ENTER:
        if (p->cur == 0)
            form_open(a, NULL);
        else
            open_entry(a, &p->list.v[p->cur - 1]);
        break;
    default: return 0;
    }
    if (p->cur < 0)
        p->cur = 0;
    if (p->cur > p->list.n)
        p->cur = p->list.n;
    return TUI_REDRAW;
}

const struct screen_ops picker_screen = {
    .state_size = sizeof(struct picker_state),
    .free = picker_free,
    .handle = picker_handle,
    .render = picker_render,
};
