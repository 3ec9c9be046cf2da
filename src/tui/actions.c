/* actions.c: the keys the workshop screen and the question view share: answering, undo, what
 * the group decides (agreed, dissent, the parking lot), search, and the views they open. Every
 * change goes through the use cases (app_change, ops_set). */
#include <stdio.h>

#include "app.h"
#include "kollen/ops_msg.h"
#include "screen_main.h"
#include "screen_prompt.h"
#include "theme.h"

static struct main_state *ms(struct app *a)
{
    return app_state(a, SCR_MAIN);
}

/* Option i (0-based): toggled on a multi question, chosen on a single one. */
static void tick(struct app *a, int i)
{
    struct ops_change c = {.option = i + 1};
    struct ops_result res;
    if (app_change(a, a->q, &c, &res) == 0)
        ms(a)->opt = i;
}

static int writable(struct app *a)
{
    if (!a->w->read_only)
        return 1;
    app_message(a, R_WARN, "%s", ops_msg(M_OPS_READ_ONLY));
    return 0;
}

static void toggle_agreed(struct app *a)
{
    struct ops_change c = {.agreed = OPS_TOGGLE};
    struct ops_result res;
    if (app_change(a, a->q, &c, &res) == 0 && !a->w->dirty)
        app_message_id(a, R_NORMAL, a->w->ses->answers[a->q].agreed ? M_TUI_AGREED_ON
                                                                     : M_TUI_AGREED_OFF,
                       a->w->bank->questions[a->q].number);
}

/* P: park with an optional reason (asked), or take the question back. */
static void park(struct app *a)
{
    if (!writable(a))
        return;
    int number = a->w->bank->questions[a->q].number;
    if (a->w->ses->answers[a->q].parked) {
        struct ops_change c = {.parked = OPS_OFF};
        struct ops_result res;
        if (app_change(a, a->q, &c, &res) == 0 && !a->w->dirty)
            app_message_id(a, R_NORMAL, M_TUI_UNPARKED, number);
        return;
    }
    char label[128];
    tui_msg_format(label, sizeof label, M_TUI_PARK_PROMPT, number);
    line_open(a, LINE_PARK, 0, label, "");
}

static void dissent(struct app *a)
{
    if (writable(a))
        line_open(a, LINE_DISSENT_ADD, 0, tui_msg(M_TUI_DISSENT_PROMPT), "");
}

/* The views that start from the current question. -1: not one of them. */
static int view_key(struct app *a, enum action act)
{
    switch (act) {
    case A_QVIEW: qview_open(a, QVIEW_PROJECTOR); break;
    case A_ZOOM: qview_open(a, QVIEW_ZOOM); break;
    case A_INFO: qview_open(a, QVIEW_HELP); break;
    case A_LEVELS: levels_open(a); break;
    case A_PARKED: parked_open(a); break;
    case A_SESSION: records_open(a); break;
    case A_THEME: app_set_theme(a, (a->theme + 1) % THEME_COUNT); break;
    case A_SEARCH: line_open(a, LINE_SEARCH, 0, tui_msg(M_TUI_SEARCH_PROMPT), ""); break;
    case A_SEARCH_NEXT: app_search_step(a, 1); break;
    case A_SEARCH_PREV: app_search_step(a, -1); break;
    default: return -1;
    }
    return TUI_REDRAW;
}

int shared_key(struct app *a, enum action act, int arg)
{
    switch (act) {
    case A_TICK: tick(a, ms(a)->opt); break;
    case A_PICK:
        if (arg >= 1 && arg <= a->w->bank->questions[a->q].n_options)
            tick(a, arg - 1);
        else
            app_message_id(a, R_WARN, M_TUI_NO_OPTION, arg);
        break;
    case A_UNDO: app_undo(a); break;
    case A_REDO: app_redo(a); break;
    case A_AGREED: toggle_agreed(a); break;
    case A_DISSENT: dissent(a); break;
    case A_PARK: park(a); break;
    default: return view_key(a, act);
    }
    return TUI_REDRAW;
}
