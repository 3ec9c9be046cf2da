/* screen_levels.c: the model explained in the room: what each level means (the bank's names),
 * how a level is reached in plain words (the level-1 rule included), which questions block
 * each level now, and how the current question's options count ("each band counts two
 * actions"). Computed from the bank and the score; nothing here is written by hand per bank. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "kollen/fmt.h"
#include "kollen/text.h"
#include "page.h"
#include "theme.h"

struct levels_state {
    int top;
};

enum { TAG_LEVEL = 1, TAG_QUESTION = 2 };

void levels_open(struct app *a)
{
    struct levels_state *s = app_state(a, SCR_LEVELS);
    s->top = 0;
    app_push(a, SCR_LEVELS);
}

/* Question numbers as ranges: "1–15", "3, 7, 12–14". */
static void number_list(struct sbuf *o, const int *v, int n, int utf8)
{
    for (int i = 0; i < n;) {
        int j = i;
        while (j + 1 < n && v[j + 1] == v[j] + 1)
            j++;
        sbuf_addf(o, "%s%d", i ? ", " : "", v[i]);
        if (j > i + 1)
            sbuf_addf(o, "%s%d", utf8 ? "\xE2\x80\x93" : "-", v[j]);
        else if (j == i + 1)
            sbuf_addf(o, ", %d", v[j]);
        i = j + 1;
    }
}

/* How level lv is reached, in words: which questions ask something at it, and what. */
static void level_rule(struct app *a, struct page *p, int lv, int *nums, int utf8)
{
    const struct bank *b = a->w->bank;
    int n = 0, only_one_action = 1;
    for (int i = 0; i < b->n_questions; i++) {
        const struct question *q = &b->questions[i];
        if (!q->scored || !q->rules[lv].present)
            continue;
        const struct rule *r = &q->rules[lv];
        only_one_action = only_one_action && r->min_actions == 1 && !r->need_mask &&
                          !r->min_choice;
        nums[n++] = q->number;
    }
    struct sbuf list;
    sbuf_init(&list);
    number_list(&list, nums, n, utf8);
    char t[1200];
    if (!n)
        tui_msg_format(t, sizeof t, M_TUI_LV_RULE_NONE, lv);
    else if (only_one_action)
        tui_msg_format(t, sizeof t, M_TUI_LV_RULE_ONE, list.p ? list.p : "");
    else
        tui_msg_format(t, sizeof t, M_TUI_LV_RULE, n, list.p ? list.p : "");
    sbuf_free(&list);
    page_add(p, t, R_NORMAL, 2, TAG_LEVEL);
    if (lv > 1)
        page_add(p, tui_msg(M_TUI_LV_LOWER), R_NORMAL, 2, TAG_LEVEL);
    if (b->evidence_from > 0 && lv == b->evidence_from)
        page_add(p, tui_msg(M_TUI_LV_DOC), R_NORMAL, 2, TAG_LEVEL);
}

/* The questions whose rule at lv does not hold now. */
static void level_blockers(struct app *a, struct page *p, int lv, int *nums, int utf8)
{
    const struct bank *b = a->w->bank;
    int n = 0;
    for (int i = 0; i < b->n_questions; i++) {
        const struct question *q = &b->questions[i];
        if (q->scored && q->rules[lv].present &&
            !score_rule_holds(b, q, &a->w->ses->answers[i], &q->rules[lv], lv, NULL))
            nums[n++] = q->number;
    }
    char t[1200];
    if (!n) {
        page_add(p, tui_msg(M_TUI_LV_FREE), R_DONE, 2, TAG_LEVEL);
        return;
    }
    struct sbuf list;
    sbuf_init(&list);
    number_list(&list, nums, n, utf8);
    tui_msg_format(t, sizeof t, M_TUI_LV_BLOCKED, n, list.p ? list.p : "");
    sbuf_free(&list);
    page_add(p, t, R_BLOCKER, 2, TAG_LEVEL);
}

static void actions_bank(struct app *a, struct page *p, int utf8)
{
    const struct bank *b = a->w->bank;
    int *nums = malloc((size_t)(b->n_questions ? b->n_questions : 1) * sizeof *nums);
    if (!nums) {
        p->oom = 1;
        return;
    }
    const struct glyphs *gl = theme_glyphs(utf8);
    for (int lv = 1; lv <= b->n_levels; lv++) {
        struct sbuf h;
        sbuf_init(&h);
        fmt_level(&h, b, lv, lv, FMT_LEVEL_NAME);
        int reached = a->w->sc.level >= lv, next = a->w->sc.level + 1 == lv;
        if (reached)
            sbuf_addf(&h, "  %s %s", gl->answered, tui_msg(M_TUI_LV_REACHED));
        else if (next)
            sbuf_addf(&h, "  %s %s", gl->pointer, tui_msg(M_TUI_LV_NEXT));
        page_add(p, h.p ? h.p : "", reached ? R_DONE : next ? R_CURRENT : R_TITLE, 0, TAG_LEVEL);
        sbuf_free(&h);
        level_rule(a, p, lv, nums, utf8);
        level_blockers(a, p, lv, nums, utf8);
        page_blank(p, TAG_LEVEL);
    }
    free(nums);
}

static void scale_bank(struct app *a, struct page *p)
{
    const struct bank *b = a->w->bank;
    char t[600];
    tui_msg_format(t, sizeof t, M_TUI_LV_SCALE, b->scale_max);
    page_add(p, t, R_NORMAL, 0, TAG_LEVEL);
    for (int lv = 1; lv <= b->n_levels; lv++) {
        struct sbuf h;
        sbuf_init(&h);
        fmt_level(&h, b, lv, lv, FMT_LEVEL_NAME);
        /* the top level by the rule of the bank's top step, when it has one (docs/model.md) */
        if (lv == b->n_levels && b->scale_top_step)
            tui_msg_format(t, sizeof t, M_TUI_LV_SCALE_TOP, h.p ? h.p : "", b->scale_top_step);
        else
            tui_msg_format(t, sizeof t, M_TUI_LV_SCALE_LEVEL, h.p ? h.p : "", lv);
        page_add(p, t, a->w->sc.level >= lv ? R_DONE : R_NORMAL, 2, TAG_LEVEL);
        sbuf_free(&h);
    }
    page_blank(p, TAG_LEVEL);
}

/* How the options of question q count: a step of actions per band, or each option's. */
static void counting(struct page *p, const struct bank *b, const struct question *q)
{
    char t[600];
    if (!q->scored || b->kind == BANK_SCALE) {
        tui_msg_format(t, sizeof t, q->scored ? M_TUI_LV_COUNT_SCALE : M_TUI_LV_COUNT_NONE,
                       b->scale_max);
        page_add(p, t, R_NORMAL, 2, TAG_QUESTION);
        return;
    }
    int step = q->n_options > 1 ? q->options[1].actions - q->options[0].actions : 0, even = 1;
    for (int i = 1; i < q->n_options; i++)
        even = even && q->options[i].actions - q->options[i - 1].actions == step;
    if (q->type == QTYPE_SINGLE && even && step > 0) {
        tui_msg_format(t, sizeof t, M_TUI_LV_COUNT_STEP, step, q->n_options,
                       q->options[q->n_options - 1].actions);
    } else if (q->type == QTYPE_SINGLE) {
        tui_msg_format(t, sizeof t, M_TUI_LV_COUNT_SINGLE, q->max_actions);
    } else {
        int ones = 1;
        for (int i = 0; i < q->n_options; i++)
            ones = ones && q->options[i].actions == 1;
        tui_msg_format(t, sizeof t, ones ? M_TUI_LV_COUNT_EACH : M_TUI_LV_COUNT_MIXED,
                       q->max_actions);
    }
    page_add(p, t, R_NORMAL, 2, TAG_QUESTION);
    for (int i = 0; q->type == QTYPE_MULTI && i < q->n_options; i++)
        if (q->options[i].actions != 1) {
            tui_msg_format(t, sizeof t, M_TUI_LV_COUNT_OPTION, i + 1, q->options[i].actions);
            page_add(p, t, R_NORMAL, 4, TAG_QUESTION);
        }
    int own = 0;
    for (int i = 0; i < q->n_options; i++)
        own = own || q->options[i].points_milli >= 0;
    struct sbuf pts;
    sbuf_init(&pts);
    fmt_points(&pts, q->points_milli);
    tui_msg_format(t, sizeof t, own ? M_TUI_LV_COUNT_OWN_POINTS : M_TUI_LV_COUNT_POINTS,
                   pts.p ? pts.p : "0", q->max_actions);
    sbuf_free(&pts);
    page_add(p, t, R_NORMAL, 2, TAG_QUESTION);
}

static void this_question(struct app *a, struct page *p)
{
    const struct bank *b = a->w->bank;
    const struct question *q = &b->questions[a->q];
    char t[300];
    tui_msg_format(t, sizeof t, M_TUI_LV_QUESTION, q->number);
    page_add(p, t, R_TITLE, 0, TAG_QUESTION);
    counting(p, b, q);
    struct sbuf r;
    sbuf_init(&r);
    for (int lv = 1; lv <= b->n_levels && q->scored && b->kind != BANK_SCALE; lv++) {
        sbuf_reset(&r);
        fmt_rule(&r, b, q, lv);
        if (!r.len)
            continue;
        tui_msg_format(t, sizeof t, M_TUI_QV_NEXT, lv, r.p);
        page_add(p, t, R_NORMAL, 2, TAG_QUESTION);
    }
    sbuf_free(&r);
}

static const struct hint levels_hints[] = {
    {A_LEVELS, M_TH_BACK}, {A_DOWN, M_TH_SCROLL}, {A_HELP, M_TH_HELP}, {A_NONE, M_TUI_NONE}};

static void levels_render(struct app *a, struct grid *g)
{
    struct levels_state *s = app_state(a, SCR_LEVELS);
    const struct bank *b = a->w->bank;
    grid_fill(g, 0, 0, g->cols, " ", R_HEADER);
    char title[300];
    tui_msg_format(title, sizeof title, M_TUI_LV_TITLE, b->name);
    struct sbuf lv;
    sbuf_init(&lv);
    fmt_level(&lv, b, a->w->sc.level, a->w->sc.value, FMT_LEVEL_TITLE);
    int rw = text_width(lv.p ? lv.p : "");
    rw = rw > g->cols / 2 ? g->cols / 2 : rw;
    grid_put_cut(g, 1, 0, g->cols - rw - 3, title, R_HEADER);
    grid_put_cut(g, g->cols - rw - 1, 0, rw, lv.p ? lv.p : "", R_HEADER);
    sbuf_free(&lv);
    int w = g->cols - 4 > 100 ? 100 : g->cols - 4, h = g->rows - 3;
    struct page p;
    page_init(&p, w);
    if (b->kind == BANK_SCALE)
        scale_bank(a, &p);
    else
        actions_bank(a, &p, g->utf8);
    this_question(a, &p);
    s->top = page_clamp(&p, s->top, h);
    page_draw(&p, g, 2, 2, h, s->top, g->cols - 1);
    page_free(&p);
    draw_status(a, g, levels_hints);
}

static int levels_handle(struct app *a, enum action act, int arg, int key)
{
    (void)arg;
    (void)key;
    struct levels_state *s = app_state(a, SCR_LEVELS);
    int page = a->rows - 4 > 1 ? a->rows - 4 : 1;
    switch (act) {
    case A_UP: s->top--; break;
    case A_DOWN: s->top++; break;
    case A_PGUP: s->top -= page; break;
    case A_PGDN: s->top += page; break;
    case A_HOME: s->top = 0; break;
    case A_END: s->top = 1 << 20; break;
    case A_THEME: app_set_theme(a, (a->theme + 1) % THEME_COUNT); break;
    default: return 0;
    }
    if (s->top < 0)
        s->top = 0;
    return TUI_REDRAW;
}

const struct screen_ops levels_screen = {
    .state_size = sizeof(struct levels_state),
    .handle = levels_handle,
    .render = levels_render,
};
