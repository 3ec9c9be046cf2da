/* screen_help.c: the help screen, generated from the key table (tig's REQ_INFO): the actions
 * of the screen it was opened from, with their keys and words, grouped; nothing that does not
 * work there. */
#include <stdio.h>
#include <string.h>

#include "app.h"
#include "kollen/text.h"
#include "theme.h"

enum help_kind { HL_KEYS, HL_TITLE, HL_BLANK };

struct help_line {
    char keys[96];
    enum help_kind kind;
    enum tui_msg_id text; /* HL_KEYS: what the keys do */
    enum key_group group;
};

struct help_state {
    int top; /* the first line shown */
    int cx;  /* the key context of the screen below: only its keys are listed */
};

/* The contexts whose keys work where the help was opened: the main screen and its record pane
 * are one screen. */
static int help_contexts(int cx)
{
    return cx & (CX_MAIN | CX_RECORD) ? CX_MAIN | CX_RECORD : cx;
}

/* The help as lines for context cx; returns how many (at most max). Actions without a help
 * text of their own add their keys to the line above ("← → ↑ ↓  move the cursor"). */
static int help_lines(struct help_line *v, int max, int utf8, int cx)
{
    const struct action_info *t = keymap_table();
    int n = 0;
    for (int gr = 0; gr < G_COUNT; gr++) {
        int first = 1;
        if (keymap_group_title((enum key_group)gr) == M_TUI_NONE)
            continue;
        for (int i = 0; i < A_COUNT - 1; i++) {
            if ((int)t[i].group != gr || !(t[i].contexts & help_contexts(cx)))
                continue;
            if (first) {
                if (n && n < max)
                    v[n++] = (struct help_line){"", HL_BLANK, M_TUI_NONE, (enum key_group)gr};
                if (n < max)
                    v[n++] = (struct help_line){"", HL_TITLE, M_TUI_NONE, (enum key_group)gr};
                first = 0;
            }
            struct help_line *cur;
            if (t[i].help != M_TUI_NONE || n == 0 || v[n - 1].kind != HL_KEYS) {
                if (n >= max)
                    return n;
                cur = &v[n++];
                cur->keys[0] = '\0';
                cur->kind = HL_KEYS;
                cur->text = t[i].help;
                cur->group = (enum key_group)gr;
            } else {
                cur = &v[n - 1];
            }
            if (t[i].id == A_PICK || t[i].id == A_PLAN_T_LEVEL) {
                snprintf(cur->keys, sizeof cur->keys, "1%s9", utf8 ? "\xE2\x80\xA6" : "..");
                continue;
            }
            for (int k = 0; k < KEYMAP_KEYS && t[i].keys[k]; k++) {
                char name[32];
                keymap_key_name(t[i].keys[k], utf8, 0, name, sizeof name);
                size_t len = strlen(cur->keys);
                snprintf(cur->keys + len, sizeof cur->keys - len, "%s%s", len ? " " : "", name);
            }
        }
    }
    return n;
}

#define HELP_MAX 128

void help_open(struct app *a)
{
    struct help_state *hs = app_state(a, SCR_HELP);
    hs->top = 0;
    hs->cx = CX_MAIN;
    if (a->depth > 0) {
        const struct screen_info *si = screen_info((enum scr)app_top(a));
        hs->cx = si->ops->context ? si->ops->context(a) : si->context;
    }
    app_push(a, SCR_HELP);
}

/* The name of the screen the help is about, for its title. */
static enum tui_msg_id screen_title(int cx)
{
    static const struct {
        int cx;
        enum tui_msg_id title;
    } names[] = {
        {CX_MAIN | CX_RECORD, M_TUI_HELP_MAIN}, {CX_ROOM, M_TUI_HELP_ROOM},
        {CX_PICKER, M_TUI_HELP_PICKER},         {CX_PLAN, M_TUI_HELP_PLAN},
        {CX_EDIT, M_TUI_HELP_EDIT},             {CX_LINE, M_TUI_HELP_LINE},
        {CX_QVIEW, M_TUI_HELP_QVIEW},           {CX_LEVELS, M_TUI_HELP_LEVELS},
        {CX_PARKED, M_TUI_HELP_PARKED},         {CX_SESSION, M_TUI_HELP_SESSION},
        {CX_FOLLOW, M_TUI_HELP_FOLLOW},
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (names[i].cx & cx)
            return names[i].title;
    return M_TUI_HELP_MAIN;
}

static void help_render(struct app *a, struct grid *g)
{
    struct help_state *hs = app_state(a, SCR_HELP);
    struct help_line v[HELP_MAX];
    int n = help_lines(v, HELP_MAX, g->utf8, hs->cx);
    grid_fill(g, 0, 0, g->cols, " ", R_HEADER);
    char title[160];
    tui_msg_format(title, sizeof title, M_TUI_HELP_TITLE, tui_msg(screen_title(hs->cx)));
    grid_put_cut(g, 1, 0, g->cols - 2, title, R_HEADER);
    int rows = g->rows - 3, y0 = 2;
    if (hs->top > n - rows)
        hs->top = n - rows;
    if (hs->top < 0)
        hs->top = 0;
    /* two columns of help when the screen is wide enough to hold all of it that way */
    int cols = (g->cols >= 150 && n > rows) ? 2 : 1;
    int colw = g->cols / cols;
    int keyw = colw >= 90 ? 24 : 20;
    int per = cols == 2 ? (n + 1) / 2 : n;
    for (int i = hs->top, row = 0; i < n; i++, row++) {
        int c = cols == 2 ? i / per : 0;
        int r = cols == 2 ? i % per : row;
        if (r >= rows)
            continue;
        int x = 1 + c * colw, y = y0 + r;
        if (v[i].kind == HL_TITLE) {
            grid_put_cut(g, x, y, colw - 2, tui_msg(keymap_group_title(v[i].group)), R_TITLE);
        } else if (v[i].kind == HL_KEYS) {
            grid_put_cut(g, x + 2, y, keyw - 3, v[i].keys, R_CURRENT);
            grid_put_cut(g, x + keyw, y, colw - keyw - 2, tui_msg(v[i].text), R_NORMAL);
        }
    }
    const struct glyphs *gl = theme_glyphs(g->utf8);
    if (hs->top > 0)
        grid_put(g, g->cols - 2, y0, 1, gl->more_up, R_DIM);
    if (cols == 1 && hs->top + rows < n)
        grid_put(g, g->cols - 2, y0 + rows - 1, 1, gl->more_down, R_DIM);
    draw_status(a, g, NULL);
    if (!a->msg[0])
        grid_put_cut(g, 1, g->rows - 1, g->cols / 2, tui_msg(M_TUI_HELP_FOOT), R_DIM);
}

/* Back, help and quit (they all close it) are the table's: screens.h. */
static int help_handle(struct app *a, enum action act, int arg, int key)
{
    (void)arg;
    (void)key;
    struct help_state *hs = app_state(a, SCR_HELP);
    int page = a->rows - 4 > 1 ? a->rows - 4 : 1;
    switch (act) {
    case A_UP: hs->top--; break;
    case A_DOWN: hs->top++; break;
    case A_PGUP: hs->top -= page; break;
    case A_PGDN: hs->top += page; break;
    case A_HOME: hs->top = 0; break;
    case A_END: hs->top = HELP_MAX; break;
    default: return 0;
    }
    if (hs->top < 0)
        hs->top = 0;
    return TUI_REDRAW;
}

const struct screen_ops help_screen = {
    .state_size = sizeof(struct help_state),
    .handle = help_handle,
    .render = help_render,
};
