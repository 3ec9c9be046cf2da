/* screen_room.c: the view for the projector: the overall level and every work area as large
 * bars with level names, the blockers by number and short text. No notes and no evidence:
 * they can be sensitive. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "kollen/msg.h"
#include "kollen/text.h"
#include "screens.h"
#include "theme.h"

static void value_text(struct sbuf *o, const struct bank *b, int level, double value, int names)
{
    if (b->kind == BANK_SCALE)
        text_decimal(o, value, 2, msg_lang() == LANG_SV);
    else
        sbuf_addf(o, "%d", level);
    if (names && level >= 1 && level <= b->n_levels && b->level_names[level])
        sbuf_addf(o, " %s", b->level_names[level]);
}

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

static const int room_hint_actions[] = {A_ROOM, A_HELP, A_QUIT};
static const int room_hint_labels[] = {M_TH_BACK, M_TH_HELP, M_TH_QUIT};

void room_render(struct app *a, struct grid *g)
{
    const struct bank *b = a->bank;
    const struct score *sc = &a->sc;
    const struct glyphs *gl = theme_glyphs(g->utf8);
    struct room_layout l;
    layout_room(&l, g->cols, g->rows, b->n_areas);
    int w = g->cols;
    double n = b->n_levels ? b->n_levels : 1;

    grid_fill(g, 0, 0, w, " ", R_HEADER);
    struct sbuf t;
    sbuf_init(&t);
    sbuf_addf(&t, "%s %s %s %s %s", a->ses->organisation, gl->bullet, b->name, gl->bullet,
              a->ses->date);
    grid_put_cut(g, 1, 0, w - 2, t.p ? t.p : "", R_HEADER);
    sbuf_reset(&t);
    level_text(&t, b, sc->level, sc->value);
    grid_put_cut(g, 1, 1, w - 2, t.p ? t.p : "", R_TITLE);

    /* overall */
    sbuf_reset(&t);
    value_text(&t, b, sc->level, sc->value, 1);
    big_bar(g, l.overall.y, l.overall.h, l.name_w, l.areas.w, msg(M_TUI_ROOM_TOTAL), R_TITLE,
            sc->value / n, t.p ? t.p : "");
    /* a ruler with the level numbers under the overall bar */
    int ry = l.overall.y + l.overall.h;
    if (ry < l.areas.y) {
        int bx, bw, vw;
        bar_geom(l.areas.w, l.name_w, &bx, &bw, &vw);
        for (int lv = 0; lv <= b->n_levels; lv++) {
            char num[16];
            snprintf(num, sizeof num, "%d", lv);
            int x = bx + (int)((double)bw * lv / n + 0.5) - (lv == b->n_levels ? 1 : 0);
            grid_put(g, x, ry, 2, num, R_DIM);
        }
    }

    /* the work areas */
    int rows = l.bar_h >= 3 ? 2 : l.bar_h;
    for (int ai = 0; ai < b->n_areas; ai++) {
        int y = l.areas.y + ai * l.bar_h;
        if (y + rows > l.areas.y + l.areas.h)
            break;
        const struct area_score *as = &sc->areas[ai];
        const struct area *ar = &b->areas[ai];
        const char *name = text_width(ar->name) > l.name_w && ar->short_name && ar->short_name[0]
                               ? ar->short_name
                               : ar->name;
        sbuf_reset(&t);
        if (as->scored)
            value_text(&t, b, as->level, as->value, 1);
        else
            sbuf_add(&t, msg(M_TUI_NOT_SCORED));
        big_bar(g, y, rows, l.name_w, l.areas.w, name, as->blockers ? R_BLOCKER : R_NORMAL,
                as->scored ? as->value / n : 0, t.p ? t.p : "");
        if (as->blockers)
            grid_put(g, 0, y + (rows - 1) / 2, 1, gl->blocker, R_BLOCKER);
    }

    /* the blockers */
    const struct rect *br = &l.blockers;
    if (br->h > 0) {
        char title[128];
        if (sc->n_blockers)
            msg_format(title, sizeof title, M_TUI_ROOM_BLOCKERS, sc->blockers[0].level,
                       sc->n_blockers);
        else
            snprintf(title, sizeof title, "%s", msg(M_TUI_ROOM_NONE));
        grid_put_cut(g, br->x + 1, br->y, br->w - 2, title, sc->n_blockers ? R_BLOCKER : R_DONE);
        int lines = br->h - 1;
        /* in columns when there is room beside each other */
        int colw = br->w >= 100 ? br->w / 2 : br->w;
        int per_col = lines;
        int cols = br->w / colw;
        int cap = per_col * cols;
        for (int i = 0; i < sc->n_blockers && i < cap; i++) {
            int c = i / per_col, row = i % per_col;
            int x = br->x + 1 + c * colw, y = br->y + 1 + row;
            if (i == cap - 1 && sc->n_blockers > cap) {
                char more[64];
                msg_format(more, sizeof more, M_TUI_MORE, sc->n_blockers - i);
                grid_put(g, x + 5, y, colw - 6, more, R_DIM);
                break;
            }
            const struct question *q = &b->questions[sc->blockers[i].question];
            char num[16];
            snprintf(num, sizeof num, "%4d", q->number);
            grid_put(g, x, y, 4, num, R_BLOCKER);
            char *clean = text_sanitize_dup(q->short_text && q->short_text[0] ? q->short_text
                                                                              : q->text,
                                            0);
            grid_put_cut(g, x + 6, y, colw - 8, clean ? clean : "", R_NORMAL);
            free(clean);
        }
    }
    sbuf_reset(&t);
    hints_text(&t, g->utf8, room_hint_actions, room_hint_labels, 3);
    draw_status(a, g, t.p);
    sbuf_free(&t);
}

int room_handle(struct app *a, int key)
{
    switch (keymap_lookup(CX_ROOM, key, NULL)) {
    case A_ROOM:
    case A_BACK: app_pop(a); return TUI_REDRAW;
    case A_HELP:
        a->help_top = 0;
        app_push(a, SCR_HELP);
        return TUI_REDRAW;
    case A_QUIT: return app_quit(a);
    case A_REFRESH: return TUI_REDRAW | TUI_CLEAR;
    default: return 0;
    }
}
