/* screen_room.c: the view for the projector: the overall level and every work area as large
 * bars with level names, the blockers by number and short text. No notes and no evidence:
 * they can be sensitive. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "kollen/fmt.h"
#include "kollen/text.h"
#include "theme.h"

/* Where a bar goes in w columns after a name of name_w: its start, width, the value's width. */
static void bar_geom(int w, int name_w, int *bx, int *bw, int *vw)
{
    *vw = w / 4;
    if (*vw < 8)
        *vw = 8;
    if (*vw > 34)
        *vw = 34;
    *bx = name_w + 2;
    *bw = w - *bx - *vw - 2;
    if (*bw < 4)
        *bw = 4;
}

/* One labelled bar, bar_rows high, from row y. */
static void big_bar(struct grid *g, int y, int rows, int name_w, int w, const char *name,
                    int name_role, double frac, const char *value)
{
    int bx, bw, vw;
    bar_geom(w, name_w, &bx, &bw, &vw);
    grid_put_cut(g, 1, y + (rows - 1) / 2, name_w, name, name_role);
    for (int r = 0; r < rows; r++)
        grid_bar(g, bx, y + r, bw, frac, R_BAR, R_BAR_BG);
    grid_put_cut(g, bx + bw + 2, y + (rows - 1) / 2, vw, value, R_TITLE);
}

static const struct hint room_hints[] = {
    {A_ROOM, M_TH_BACK}, {A_HELP, M_TH_HELP}, {A_QUIT, M_TH_QUIT}, {A_NONE, M_TUI_NONE}};

/* The overall bar with a ruler of the level numbers under it. */
static void render_overall(struct app *a, struct grid *g, const struct room_layout *l)
{
    const struct bank *b = a->w->bank;
    const struct score *sc = &a->w->sc;
    double n = b->n_levels ? b->n_levels : 1;
    struct sbuf t;
    sbuf_init(&t);
    fmt_level(&t, b, sc->level, sc->value, FMT_LEVEL_NUMBER_NAME);
    big_bar(g, l->overall.y, l->overall.h, l->name_w, l->areas.w, tui_msg(M_TUI_ROOM_TOTAL),
            R_TITLE, sc->value / n, t.p ? t.p : "");
    sbuf_free(&t);
    int ry = l->overall.y + l->overall.h;
    if (ry < l->areas.y) {
        int bx, bw, vw;
        bar_geom(l->areas.w, l->name_w, &bx, &bw, &vw);
        for (int lv = 0; lv <= b->n_levels; lv++) {
            char num[16];
            snprintf(num, sizeof num, "%d", lv);
            int x = bx + (int)((double)bw * lv / n + 0.5) - (lv == b->n_levels ? 1 : 0);
            grid_put(g, x, ry, 2, num, R_DIM);
        }
    }
}

/* One large bar per work area. */
static void render_areas(struct app *a, struct grid *g, const struct room_layout *l)
{
    const struct bank *b = a->w->bank;
    const struct glyphs *gl = theme_glyphs(g->utf8);
    double n = b->n_levels ? b->n_levels : 1;
    int rows = l->bar_h >= 3 ? 2 : l->bar_h;
    struct sbuf t;
    sbuf_init(&t);
    for (int ai = 0; ai < b->n_areas; ai++) {
        int y = l->areas.y + ai * l->bar_h;
        if (y + rows > l->areas.y + l->areas.h)
            break;
        const struct area_score *as = &a->w->sc.areas[ai];
        const struct area *ar = &b->areas[ai];
        const char *name = text_width(ar->name) > l->name_w && ar->short_name && ar->short_name[0]
                               ? ar->short_name
                               : ar->name;
        sbuf_reset(&t);
        if (as->scored)
            fmt_level(&t, b, as->level, as->value, FMT_LEVEL_NUMBER_NAME);
        else
            sbuf_add(&t, tui_msg(M_TUI_NOT_SCORED));
        big_bar(g, y, rows, l->name_w, l->areas.w, name, as->blockers ? R_BLOCKER : R_NORMAL,
                as->scored ? as->value / n : 0, t.p ? t.p : "");
        if (as->blockers)
            grid_put(g, 0, y + (rows - 1) / 2, 1, gl->blocker, R_BLOCKER);
    }
    sbuf_free(&t);
}

/* The blockers by number and short text, in columns when there is room beside each other. */
static void render_blockers(struct app *a, struct grid *g, const struct rect *br)
{
    const struct bank *b = a->w->bank;
    const struct score *sc = &a->w->sc;
    if (br->h <= 0)
        return;
    char title[128];
    if (sc->n_blockers)
        tui_msg_format(title, sizeof title, M_TUI_ROOM_BLOCKERS, sc->blockers[0].level,
                       sc->n_blockers);
    else
        snprintf(title, sizeof title, "%s", tui_msg(M_TUI_ROOM_NONE));
    grid_put_cut(g, br->x + 1, br->y, br->w - 2, title, sc->n_blockers ? R_BLOCKER : R_DONE);
    int per_col = br->h - 1;
    int colw = br->w >= 100 ? br->w / 2 : br->w;
    int cap = per_col * (br->w / colw);
    for (int i = 0; i < sc->n_blockers && i < cap; i++) {
        int x = br->x + 1 + i / per_col * colw, y = br->y + 1 + i % per_col;
        if (i == cap - 1 && sc->n_blockers > cap) {
            char more[64];
            tui_msg_format(more, sizeof more, M_TUI_MORE, sc->n_blockers - i);
            grid_put(g, x + 5, y, colw - 6, more, R_DIM);
            break;
        }
        const struct question *q = &b->questions[sc->blockers[i].question];
        char num[16];
        snprintf(num, sizeof num, "%4d", q->number);
        grid_put(g, x, y, 4, num, R_BLOCKER);
        char *clean = text_sanitize_dup(question_label(q), 0);
        grid_put_cut(g, x + 6, y, colw - 8, clean ? clean : "", R_NORMAL);
        free(clean);
    }
}

static void room_render(struct app *a, struct grid *g)
{
    const struct bank *b = a->w->bank;
    const struct glyphs *gl = theme_glyphs(g->utf8);
    struct room_layout l;
    layout_room(&l, g->cols, g->rows, b->n_areas);
    int w = g->cols;
    grid_fill(g, 0, 0, w, " ", R_HEADER);
    struct sbuf t;
    sbuf_init(&t);
    sbuf_addf(&t, "%s %s %s %s %s", a->w->ses->organisation, gl->bullet, b->name, gl->bullet,
              a->w->ses->date);
    grid_put_cut(g, 1, 0, w - 2, t.p ? t.p : "", R_HEADER);
    sbuf_reset(&t);
    fmt_level(&t, b, a->w->sc.level, a->w->sc.value, FMT_LEVEL_TITLE);
    grid_put_cut(g, 1, 1, w - 2, t.p ? t.p : "", R_TITLE);
    sbuf_free(&t);
    render_overall(a, g, &l);
    render_areas(a, g, &l);
    render_blockers(a, g, &l.blockers);
    draw_status(a, g, room_hints);
}

/* Back (r or Esc), help and quit are the table's (screens.h): no key of its own. */
static int room_handle(struct app *a, enum action act, int arg, int key)
{
    (void)a;
    (void)act;
    (void)arg;
    (void)key;
    return 0;
}

const struct screen_ops room_screen = {
    .handle = room_handle,
    .render = room_render,
};
