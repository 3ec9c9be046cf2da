/* layout.c: rectangles for the workshop screen and the room view. */
#include "layout.h"

#include <string.h>

static int clamp(int v, int lo, int hi)
{
    return v < lo ? lo : v > hi ? hi : v;
}

int layout_too_small(int cols, int rows)
{
    return cols < TUI_MIN_COLS || rows < TUI_MIN_ROWS;
}

void layout_main(struct layout *l, int cols, int rows, int n_areas)
{
    layout_main_clock(l, cols, rows, n_areas, 0);
}

void layout_main_clock(struct layout *l, int cols, int rows, int n_areas, int clock)
{
    memset(l, 0, sizeof *l);
    l->cols = cols;
    l->rows = rows;
    if (layout_too_small(cols, rows)) {
        l->too_small = 1;
        return;
    }
    int hh = clock ? 3 : 2;
    l->header = (struct rect){0, 0, cols, hh};
    l->rule_y = hh;
    l->status = (struct rect){0, rows - 1, cols, 1};
    int body_y = hh + 1, body_h = rows - 1 - body_y;

    int lw = clamp(cols * 30 / 100, 26, 44);
    l->sep_x = lw;
    /* areas: a title line and one line each, up to a little over half the left column */
    int ah = clamp(n_areas + 1, 3, body_h * 60 / 100);
    l->areas = (struct rect){0, body_y, lw, ah};
    l->questions = (struct rect){0, body_y + ah, lw, body_h - ah};

    int rx = lw + 1, rw = cols - rx;
    int rh = clamp(body_h * 35 / 100, 5, 16);
    l->record = (struct rect){rx, body_y + body_h - rh, rw, rh};
    l->question = (struct rect){rx, body_y, rw, body_h - rh};
}

void layout_room(struct room_layout *l, int cols, int rows, int n_areas)
{
    memset(l, 0, sizeof *l);
    if (layout_too_small(cols, rows)) {
        l->too_small = 1;
        return;
    }
    if (n_areas < 1)
        n_areas = 1;
    l->status = (struct rect){0, rows - 1, cols, 1};
    l->title = (struct rect){0, 0, cols, 2};
    int big = rows >= 30;
    l->overall = (struct rect){0, 3, cols, big ? 2 : 1};
    int top = l->overall.y + l->overall.h + 1;
    int avail = rows - 1 - top;
    int side = cols >= 110;
    int aw = side ? cols * 62 / 100 : cols;
    int area_rows = avail;
    if (!side) {
        /* a row per area first, then up to 8 rows for the blockers below the bars */
        int brows = clamp(avail - n_areas - 1, 3, 8);
        area_rows = avail - brows - 1;
    }
    int per = area_rows / n_areas;
    l->bar_h = clamp(per, 1, 3);
    int used = l->bar_h * n_areas;
    if (used > area_rows)
        used = area_rows;
    l->areas = (struct rect){0, top, aw, used};
    l->name_w = clamp(aw * 34 / 100, 14, 40);
    if (side)
        l->blockers = (struct rect){aw + 2, top, cols - aw - 2, avail};
    else
        l->blockers = (struct rect){0, top + used + 1, cols, rows - 1 - (top + used + 1)};
}
