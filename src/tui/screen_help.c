/* screen_help.c: the help screen, generated from the key table (tig's REQ_INFO): every action
 * with its keys and its words, grouped. */
#include <stdio.h>
#include <string.h>

#include "app.h"
#include "kollen/msg.h"
#include "kollen/text.h"
#include "screens.h"
#include "theme.h"

static const int group_title[G_COUNT] = {M_TG_MOVE, M_TG_ANSWER, M_TG_RECORD, M_TG_VIEW,
                                         M_TG_PLAN, M_TG_EDIT, M_TG_PICKER, M_TG_FORM};

struct help_line {
    char keys[96];
    int text; /* message id; -1 for a group title, -2 for a blank line */
    int group;
};

/* The help as lines; returns how many (at most max). Actions without a help text of their own
 * add their keys to the line above ("← → ↑ ↓  move the cursor"). */
static int help_lines(struct help_line *v, int max, int utf8)
{
    const struct action_info *t = keymap_table();
    int n = 0;
    for (int gr = 0; gr < G_COUNT; gr++) {
        int first = 1;
        for (int i = 0; i < A_COUNT - 1; i++) {
            if ((int)t[i].group != gr)
                continue;
            if (first) {
                if (n && n < max)
                    v[n++] = (struct help_line){"", -2, gr};
                if (n < max)
                    v[n++] = (struct help_line){"", -1, gr};
                first = 0;
            }
            struct help_line *cur;
            if (t[i].help || n == 0 || v[n - 1].text < 0) {
                if (n >= max)
                    return n;
                cur = &v[n++];
                cur->keys[0] = '\0';
                cur->text = t[i].help;
                cur->group = gr;
            } else {
                cur = &v[n - 1];
            }
            if (t[i].id == A_PICK || t[i].id == A_PLAN_T_LEVEL) {
                snprintf(cur->keys, sizeof cur->keys, "1%s9", utf8 ? "\xE2\x80\xA6" : "..");
                continue;
            }
            for (int k = 0; k < 3 && t[i].keys[k]; k++) {
                char name[32];
                keymap_key_name(t[i].keys[k], utf8, name, sizeof name);
                size_t len = strlen(cur->keys);
                snprintf(cur->keys + len, sizeof cur->keys - len, "%s%s", len ? " " : "", name);
            }
        }
    }
    return n;
}

#define HELP_MAX 128

void help_render(struct app *a, struct grid *g)
{
    struct help_line v[HELP_MAX];
    int n = help_lines(v, HELP_MAX, g->utf8);
    grid_fill(g, 0, 0, g->cols, " ", R_HEADER);
    grid_put_cut(g, 1, 0, g->cols - 2, msg(M_TUI_HELP_TITLE), R_HEADER);
    int rows = g->rows - 3, y0 = 2;
    if (a->help_top > n - rows)
        a->help_top = n - rows;
    if (a->help_top < 0)
        a->help_top = 0;
    /* two columns of help when the screen is wide enough to hold all of it that way */
    int cols = (g->cols >= 150 && n > rows) ? 2 : 1;
    int colw = g->cols / cols;
    int keyw = colw >= 90 ? 24 : 20;
    int per = cols == 2 ? (n + 1) / 2 : n;
    for (int i = a->help_top, row = 0; i < n; i++, row++) {
        int c = cols == 2 ? i / per : 0;
        int r = cols == 2 ? i % per : row;
        if (r >= rows)
            continue;
        int x = 1 + c * colw, y = y0 + r;
        if (v[i].text == -1) {
            grid_put_cut(g, x, y, colw - 2, msg((enum msg_id)group_title[v[i].group]), R_TITLE);
        } else if (v[i].text >= 0) {
            grid_put_cut(g, x + 2, y, keyw - 3, v[i].keys, R_CURRENT);
            grid_put_cut(g, x + keyw, y, colw - keyw - 2, msg((enum msg_id)v[i].text), R_NORMAL);
        }
    }
    const struct glyphs *gl = theme_glyphs(g->utf8);
    if (a->help_top > 0)
        grid_put(g, g->cols - 2, y0, 1, gl->more_up, R_DIM);
    if (cols == 1 && a->help_top + rows < n)
        grid_put(g, g->cols - 2, y0 + rows - 1, 1, gl->more_down, R_DIM);
    draw_status(a, g, NULL);
    if (!a->msg[0])
        grid_put_cut(g, 1, g->rows - 1, g->cols / 2, msg(M_TUI_HELP_FOOT), R_DIM);
}

int help_handle(struct app *a, int key)
{
    int page = a->rows - 4 > 1 ? a->rows - 4 : 1;
    switch (keymap_lookup(CX_HELP, key, NULL)) {
    case A_UP: a->help_top--; break;
    case A_DOWN: a->help_top++; break;
    case A_PGUP: a->help_top -= page; break;
    case A_PGDN: a->help_top += page; break;
    case A_HOME: a->help_top = 0; break;
    case A_END: a->help_top = HELP_MAX; break;
    case A_BACK:
    case A_HELP:
    case A_QUIT: app_pop(a); break;
    case A_REFRESH: return TUI_REDRAW | TUI_CLEAR;
    default: return 0;
    }
    if (a->help_top < 0)
        a->help_top = 0;
    return TUI_REDRAW;
}
