/* layout.h (tui-private): where each part of a screen goes, as a pure function of the terminal
 * size. Nothing here draws. */
#ifndef KOLLEN_TUI_LAYOUT_H
#define KOLLEN_TUI_LAYOUT_H

/* Below this the screens say "terminal too small" instead of drawing. 80x24 is the design
 * size; a little less still works, for tmux's status line and small SSH windows. */
#define TUI_MIN_COLS 70
#define TUI_MIN_ROWS 20

struct rect {
    int x, y, w, h;
};

struct layout {
    int cols, rows;
    int too_small;
    struct rect header;    /* organisation, bank, level, bar, counts */
    struct rect areas;     /* work areas (left, top) */
    struct rect questions; /* questions of the current area (left, bottom) */
    struct rect question;  /* the current question and its options (right, top) */
    struct rect record;    /* note, evidence and flags (right, bottom) */
    struct rect status;    /* key hints, save state, prompts */
    int sep_x;             /* the column of the vertical rule */
    int rule_y;            /* the row of the rule under the header (-1: none) */
};

/* The workshop screen for a bank with n_areas work areas. */
void layout_main(struct layout *l, int cols, int rows, int n_areas);
/* The same with a third header line for the agenda's clocks when clock. */
void layout_main_clock(struct layout *l, int cols, int rows, int n_areas, int clock);

struct room_layout {
    int too_small;
    struct rect title;    /* organisation and overall level */
    struct rect overall;  /* the overall bar */
    struct rect areas;    /* one large bar per work area */
    int bar_h;            /* rows per area bar */
    int name_w;           /* columns for area names */
    struct rect blockers; /* the blockers list (below or beside the areas) */
    struct rect status;
};

void layout_room(struct room_layout *l, int cols, int rows, int n_areas);

/* Too small for any screen? */
int layout_too_small(int cols, int rows);

#endif
