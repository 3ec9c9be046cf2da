/* screen_room.c: the view for the projector: the overall level and every work area as large
 * bars with level names, the blockers by number and short text, a page at a time, and the
 * parking lot. No notes and no evidence: they can be sensitive. kollen follow shows it on a
 * second screen, with a mark when the group reaches a level. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "kollen/fmt.h"
#include "kollen/text.h"
#include "theme.h"

struct room_state {
    int page;   /* the page of blockers shown */
    int name_w; /* the names' and values' columns, from what they hold (room_render) */
    int value_w;
};

static struct room_state *rs(struct app *a)
{
    return app_state(a, SCR_ROOM);
}

/* Where a bar goes in w columns after a name of name_w: its start, width, the value's width.
 * The value column is as wide as its widest text (vw_want), so no level name is cut while
 * the bar can give up columns. */
static void bar_geom(int w, int name_w, int vw_want, int *bx, int *bw, int *vw)
{
    *vw = vw_want > 8 ? vw_want : 8;
    if (*vw > w / 2)
        *vw = w / 2;
    *bx = name_w + 2;
    *bw = w - *bx - *vw - 2;
    if (*bw < 4)
        *bw = 4;
}

/* The level text of every bar (the overall one and each area's), for their widest. */
static void level_text(struct sbuf *o, const struct bank *b, const struct area_score *as)
{
    if (as && !as->scored)
        sbuf_add(o, tui_msg(M_TUI_NOT_SCORED));
    else if (as)
        fmt_level(o, b, as->level, as->value, FMT_LEVEL_NUMBER_NAME);
}

/* The name column as wide as the longest area name and the value column as wide as the
 * longest level text, each given up in turn when the width runs short. */
static void widths(struct app *a, const struct room_layout *l, int *name_w, int *value_w)
{
    const struct bank *b = a->w->bank;
    int nw = text_width(tui_msg(M_TUI_ROOM_TOTAL)), vw = 0;
    struct sbuf t;
    sbuf_init(&t);
    fmt_level(&t, b, a->w->sc.level, a->w->sc.value, FMT_LEVEL_NUMBER_NAME);
    vw = text_width(t.p ? t.p : "");
    for (int ai = 0; ai < b->n_areas; ai++) {
        int w = text_width(b->areas[ai].name);
        nw = w > nw ? w : nw;
        sbuf_reset(&t);
        level_text(&t, b, &a->w->sc.areas[ai]);
        w = text_width(t.p ? t.p : "");
        vw = w > vw ? w : vw;
    }
    sbuf_free(&t);
    /* the bar keeps a dozen columns; the names give way (to short names) before the values */
    int w = l->areas.w, min_bar = 12;
    if (vw > w / 2)
        vw = w / 2;
    int room = w - 2 - min_bar - 2 - vw;
    if (nw > room)
        nw = room < 10 ? 10 : room;
    *name_w = nw;
    *value_w = vw;
}

/* One labelled bar, bar_rows high, from row y. */
static void big_bar(struct grid *g, int y, int rows, int name_w, int value_w, int w,
                    const char *name, int name_role, double frac, const char *value)
{
    int bx, bw, vw;
    bar_geom(w, name_w, value_w, &bx, &bw, &vw);
    grid_put_cut(g, 1, y + (rows - 1) / 2, name_w, name, name_role);
    for (int r = 0; r < rows; r++)
        grid_bar(g, bx, y + r, bw, frac, R_BAR, R_BAR_BG);
    grid_put_cut(g, bx + bw + 2, y + (rows - 1) / 2, vw, value, R_TITLE);
}

static const struct hint room_hints[] = {{A_ROOM, M_TH_BACK}, {A_PGDN, M_TH_PAGE},
                                         {A_LEVELS, M_TH_LEVELS}, {A_HELP, M_TH_HELP},
                                         {A_QUIT, M_TH_QUIT},     {A_NONE, M_TUI_NONE}};
static const struct hint follow_hints[] = {{A_QVIEW, M_TH_QVIEW}, {A_PGDN, M_TH_PAGE},
                                           {A_THEME, M_TH_THEME}, {A_QUIT, M_TH_QUIT},
                                           {A_NONE, M_TUI_NONE}};

/* The overall bar with a ruler of the level numbers under it. */
static void render_overall(struct app *a, struct grid *g, const struct room_layout *l)
{
    const struct bank *b = a->w->bank;
    const struct score *sc = &a->w->sc;
    double n = b->n_levels ? b->n_levels : 1;
    struct room_state *st = rs(a);
    struct sbuf t;
    sbuf_init(&t);
    fmt_level(&t, b, sc->level, sc->value, FMT_LEVEL_NUMBER_NAME);
    big_bar(g, l->overall.y, l->overall.h, st->name_w, st->value_w, l->areas.w,
            tui_msg(M_TUI_ROOM_TOTAL), R_TITLE, sc->value / n, t.p ? t.p : "");
    sbuf_free(&t);
    int ry = l->overall.y + l->overall.h;
    if (ry < l->areas.y) {
        int bx, bw, vw;
        bar_geom(l->areas.w, st->name_w, st->value_w, &bx, &bw, &vw);
        for (int lv = 0; lv <= b->n_levels; lv++) {
            char num[16];
            snprintf(num, sizeof num, "%d", lv);
            int x = bx + (int)((double)bw * lv / n + 0.5) - (lv == b->n_levels ? 1 : 0);
            /* the levels reached are marked on the ruler */
            int done = lv >= 1 && lv <= sc->level && b->kind != BANK_SCALE;
            grid_put(g, x, ry, 2, num, done ? R_DONE : R_DIM);
        }
    }
}

/* One large bar per work area. */
static void render_areas(struct app *a, struct grid *g, const struct room_layout *l)
{
    const struct bank *b = a->w->bank;
    const struct glyphs *gl = theme_glyphs(g->utf8);
    struct room_state *st = rs(a);
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
        const char *name = text_width(ar->name) > st->name_w && ar->short_name && ar->short_name[0]
                               ? ar->short_name
                               : ar->name;
        sbuf_reset(&t);
        level_text(&t, b, as);
        big_bar(g, y, rows, st->name_w, st->value_w, l->areas.w, name,
                as->blockers ? R_BLOCKER : R_NORMAL, as->scored ? as->value / n : 0,
                t.p ? t.p : "");
        if (as->blockers)
            grid_put(g, 0, y + (rows - 1) / 2, 1, gl->blocker, R_BLOCKER);
    }
    sbuf_free(&t);
}

/* The parked questions on one line: "Parkerade (2): 5, 12". */
static int render_parked(struct app *a, struct grid *g, int x, int y, int w)
{
    const struct bank *b = a->w->bank;
    struct sbuf nums;
    sbuf_init(&nums);
    int n = 0;
    for (int k = 0; k < b->n_questions; k++)
        if (a->w->ses->answers[a->walk[k]].parked)
            sbuf_addf(&nums, "%s%d", n++ ? ", " : "", b->questions[a->walk[k]].number);
    if (n) {
        char t[1400];
        tui_msg_format(t, sizeof t, M_TUI_ROOM_PARKED, n, nums.p ? nums.p : "");
        grid_put_cut(g, x, y, w, t, R_CURRENT);
    }
    sbuf_free(&nums);
    return n;
}

/* Blockers per page in rectangle br (a title row, a parked row when there are parked
 * questions, two columns when it is wide). */
static int blockers_per_page(const struct rect *br, int parked)
{
    int per_col = br->h - 1 - (parked ? 1 : 0);
    return per_col < 1 ? 1 : per_col * (br->w >= 100 ? 2 : 1);
}

static int any_parked(const struct app *a)
{
    for (int i = 0; i < a->w->bank->n_questions; i++)
        if (a->w->ses->answers[i].parked)
            return 1;
    return 0;
}

/* The blockers by number and short text, in columns when there is room beside each other, a
 * page at a time: every one can be shown, none hidden behind "4 more". */
static void render_blockers(struct app *a, struct grid *g, const struct rect *br)
{
    const struct bank *b = a->w->bank;
    const struct score *sc = &a->w->sc;
    struct room_state *st = rs(a);
    if (br->h <= 0)
        return;
    int parked = any_parked(a), cap = blockers_per_page(br, parked);
    int pages = sc->n_blockers ? (sc->n_blockers + cap - 1) / cap : 1;
    if (st->page >= pages)
        st->page = pages - 1;
    if (st->page < 0)
        st->page = 0;
    char title[160];
    if (sc->n_blockers && pages > 1)
        tui_msg_format(title, sizeof title, M_TUI_ROOM_BLOCKERS_PAGE, sc->blockers[0].level,
                       sc->n_blockers, st->page + 1, pages);
    else if (sc->n_blockers)
        tui_msg_format(title, sizeof title, M_TUI_ROOM_BLOCKERS, sc->blockers[0].level,
                       sc->n_blockers);
    else
        snprintf(title, sizeof title, "%s", tui_msg(M_TUI_ROOM_NONE));
    grid_put_cut(g, br->x + 1, br->y, br->w - 2, title, sc->n_blockers ? R_BLOCKER : R_DONE);
    int per_col = br->h - 1 - (parked ? 1 : 0);
    int colw = br->w >= 100 ? br->w / 2 : br->w;
    for (int k = 0; k < cap && st->page * cap + k < sc->n_blockers; k++) {
        int i = st->page * cap + k;
        int x = br->x + 1 + k / per_col * colw, y = br->y + 1 + k % per_col;
        const struct question *q = &b->questions[sc->blockers[i].question];
        char num[16];
        snprintf(num, sizeof num, "%4d", q->number);
        grid_put(g, x, y, 4, num, R_BLOCKER);
        char *clean = text_sanitize_dup(question_label(q), 0);
        grid_put_cut(g, x + 6, y, colw - 8, clean ? clean : "", R_NORMAL);
        free(clean);
    }
    if (parked)
        render_parked(a, g, br->x + 1, br->y + br->h - 1, br->w - 2);
}

static void room_render(struct app *a, struct grid *g)
{
    const struct bank *b = a->w->bank;
    const struct glyphs *gl = theme_glyphs(g->utf8);
    struct room_layout l;
    layout_room(&l, g->cols, g->rows, b->n_areas);
    widths(a, &l, &rs(a)->name_w, &rs(a)->value_w);
    int w = g->cols;
    grid_fill(g, 0, 0, w, " ", R_HEADER);
    struct sbuf t;
    sbuf_init(&t);
    sbuf_addf(&t, "%s %s %s %s %s", a->w->ses->organisation, gl->bullet, b->name, gl->bullet,
              a->w->ses->date);
    grid_put_cut(g, 1, 0, w - 2, t.p ? t.p : "", R_HEADER);
    sbuf_reset(&t);
    fmt_level(&t, b, a->w->sc.level, a->w->sc.value, FMT_LEVEL_TITLE);
    int tw = grid_put_cut(g, 1, 1, w - 2, t.p ? t.p : "", R_TITLE);
    if (a->reached && a->reached == a->w->sc.level) { /* reached during this run: say so */
        char mark[200];
        tui_msg_format(mark, sizeof mark, M_TUI_ROOM_REACHED, a->reached);
        sbuf_reset(&t);
        sbuf_addf(&t, "%s %s", gl->answered, mark);
        grid_put_cut(g, 3 + tw, 1, w - 4 - tw, t.p ? t.p : "", R_DONE);
    }
    sbuf_free(&t);
    render_overall(a, g, &l);
    render_areas(a, g, &l);
    render_blockers(a, g, &l.blockers);
    draw_status(a, g, a->follow ? follow_hints : room_hints);
}

/* Back (r or Esc), help and quit are the table's (screens.h); the page keys page through the
 * blockers, the views open from here as from the workshop screen. */
static int room_handle(struct app *a, enum action act, int arg, int key)
{
    (void)arg;
    (void)key;
    struct room_state *st = rs(a);
    switch (act) {
    case A_DOWN:
    case A_PGDN: st->page++; break;
    case A_UP:
    case A_PGUP: st->page = st->page > 0 ? st->page - 1 : 0; break;
    case A_HOME: st->page = 0; break;
    case A_END: st->page = 1 << 20; break;
    case A_THEME: app_set_theme(a, (a->theme + 1) % THEME_COUNT); break;
    case A_LEVELS:
        if (!a->follow)
            levels_open(a);
        break;
    case A_PARKED:
        if (!a->follow)
            parked_open(a);
        break;
    default: return 0;
    }
    return TUI_REDRAW;
}

/* In kollen follow only the mirror's keys. */
static int room_context(const struct app *a)
{
    return a->follow ? CX_FOLLOW : CX_ROOM;
}

const struct screen_ops room_screen = {
    .state_size = sizeof(struct room_state),
    .handle = room_handle,
    .render = room_render,
    .context = room_context,
};
