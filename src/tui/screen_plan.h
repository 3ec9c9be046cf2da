/* screen_plan.h (tui-private): the action plan screen's state (screen_plan.c). */
#ifndef KOLLEN_TUI_SCREEN_PLAN_H
#define KOLLEN_TUI_SCREEN_PLAN_H

#include "kollen/diag.h"
#include "kollen/plan.h"

struct app;

struct plan_state {
    struct plan_spec spec; /* the target shown; the next level by default */
    struct plan plan;
    int have_plan;             /* plan is computed for rev and spec (or error says why not) */
    unsigned long rev;         /* the workshop's rev it was computed for */
    char error[DIAG_TEXT_MAX]; /* why there is no plan */
    int cur, top;              /* the item selected, the first line of the list shown */
};

/* Show the plan toward spec: 0, or -1 with the reason on the status line (the target kept). */
int plan_set(struct app *a, const struct plan_spec *spec);

#endif
