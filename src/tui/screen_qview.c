/* screen_qview.c: the current question alone, for the projector: its number and work area,
 * the whole text, every option with its tick and what the next level asks of it in words.
 * No notes and no evidence: they can be sensitive. Zoomed (z, i) it also shows the
 * facilitator's help. It scrolls when it does not fit (question 5's twelve options at 80x24);
 * the facilitator can tick here, and kollen follow shows it on a second screen. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "kollen/fmt.h"
#include "kollen/text.h"
#include "page.h"
#include "screen_main.h"
#include "textfit.h"
#include "theme.h"

struct qview_state {
    int top;       /* the first line shown */
    int help;      /* the facilitator's help is shown */
    int to_help;   /* scroll to the help on the next draw */
    int follow_cursor; /* keep the option cursor in view on the next draw */
};

/* Lines are tagged: the options by number (1..n), the rest by part. */
enum { TAG_TEXT = -1, TAG_NEXT = -2, TAG_HELP = -3, TAG_GAP = -4 };

static struct qview_state *qs(struct app *a)
{
    return app_state(a, SCR_QVIEW);
}

void qview_open(struct app *a, enum qview_mode mode)
{
    struct qview_state *s = qs(a);
    s->top = 0;
    s->help = mode != QVIEW_PROJECTOR;
    s->to_help = mode == QVIEW_HELP;
    s->follow_cursor = 1;
    app_push(a, SCR_QVIEW);
}

/* "What the next level asks of it": the rule in words, and whether the answer meets it. */
static void next_level(struct app *a, struct page *p, int x)
{
    const struct bank *b = a->w->bank;
    const struct question *q = &b->questions[a->q];
    const struct answer *ans = &a->w->ses->answers[a->q];
    char t[600];
    if (!q->scored) {
        page_add(p, msg(M_RW_VALIDATION), R_DIM, x, TAG_NEXT);
        return;
    }
    if (b->kind == BANK_SCALE)
        return;
    int next = a->w->sc.level + 1;
    if (next > b->n_levels) {
        page_add(p, tui_msg(M_TUI_TOP_LEVEL), R_DONE, x, TAG_NEXT);
        return;
    }
    if (!q->rules[next].present) {
        tui_msg_format(t, sizeof t, M_TUI_QV_NO_RULE, next);
        page_add(p, t, R_DIM, x, TAG_NEXT);
        return;
    }
    struct sbuf r;
    sbuf_init(&r);
    fmt_rule(&r, b, q, next);
    tui_msg_format(t, sizeof t, M_TUI_QV_NEXT, next, r.p ? r.p : "");
    page_add(p, t, R_TITLE, x, TAG_NEXT);
    struct missing m;
    if (score_rule_holds(b, q, ans, &q->rules[next], next, &m)) {
        page_add(p, tui_msg(M_TUI_QV_MET), R_DONE, x + 2, TAG_NEXT);
    } else {
        sbuf_reset(&r);
        score_missing_text(&r, q, &m);
        tui_msg_format(t, sizeof t, M_TUI_QV_MISSING, r.p ? r.p : "");
        page_add(p, t, R_BLOCKER, x + 2, TAG_NEXT);
    }
    sbuf_free(&r);
}

/* Option i as it is shown: its box, number and text (points or actions when they differ). */
static void option(struct app *a, struct page *p, int i, int x, int utf8)
{
    const struct question *q = &a->w->bank->questions[a->q];
    const struct answer *ans = &a->w->ses->answers[a->q];
    const struct glyphs *gl = theme_glyphs(utf8);
    int on = q->type == QTYPE_MULTI ? (ans->answered && (ans->ticks & (1ULL << i)))
                                    : (ans->answered && ans->choice == i + 1);
    int sel = !a->follow && i == ((struct main_state *)app_state(a, SCR_MAIN))->opt;
    char prefix[64];
    snprintf(prefix, sizeof prefix, "%s%s %2d  ", sel ? gl->pointer : " ",
             q->type == QTYPE_MULTI ? (on ? gl->check_on : gl->check_off)
                                    : (on ? gl->radio_on : gl->radio_off),
             i + 1);
    page_add_prefixed(p, prefix, sel ? R_SELECTED : on ? R_DONE : R_NORMAL, q->options[i].text,
                      sel ? R_SELECTED : R_NORMAL, x, i + 1);
}

/* The whole page at width w: text, options (a blank line between them when everything fits
 * that way in rows), the next level, the help. */
static void build(struct app *a, struct page *p, int w, int rows, int utf8, int help)
{
    const struct question *q = &a->w->bank->questions[a->q];
    for (int spaced = 1; spaced >= 0; spaced--) {
        page_init(p, w);
        const struct session *s = a->w->ses;
        char *text = fmt_period_text(q->text, s->period_from, s->period_to);
        page_add(p, text ? text : q->text, R_TITLE, 0, TAG_TEXT);
        free(text);
        page_blank(p, TAG_GAP);
        for (int i = 0; i < q->n_options; i++) {
            if (i && spaced)
                page_blank(p, TAG_GAP);
            option(a, p, i, 1, utf8);
        }
        page_blank(p, TAG_GAP);
        next_level(a, p, 1);
        if (help) {
            page_blank(p, TAG_GAP);
            page_add(p, tui_msg(M_TUI_QV_HELP), R_TITLE, 0, TAG_HELP);
            page_add(p, q->help && q->help[0] ? q->help : tui_msg(M_TUI_HELP_NONE), R_NORMAL, 1,
                     TAG_HELP);
        }
        if (!spaced || p->n <= rows)
            return;
        page_free(p);
    }
}

/* The first line: which question, where in the bank; the level on the right. */
static void header(struct app *a, struct grid *g)
{
    const struct bank *b = a->w->bank;
    const struct question *q = &b->questions[a->q];
    const struct glyphs *gl = theme_glyphs(g->utf8);
    int w = g->cols, first, n;
    app_area_questions(a, a->area, &first, &n);
    grid_fill(g, 0, 0, w, " ", R_HEADER);
    char head[400];
    tui_msg_format(head, sizeof head, M_TUI_QV_HEAD, q->number, b->areas[a->area].name,
                   a->walk_pos[a->q] - first + 1, n);
    struct sbuf lv;
    sbuf_init(&lv);
    fmt_level(&lv, b, a->w->sc.level, a->w->sc.value, FMT_LEVEL_TITLE);
    if (a->reached && a->reached == a->w->sc.level)
        sbuf_addf(&lv, " %s", gl->answered);
    int rw = text_width(lv.p ? lv.p : "");
    if (rw > w / 2)
        rw = w / 2;
    grid_put_cut(g, 1, 0, w - rw - 3, head, R_HEADER);
    grid_put_cut(g, w - rw - 1, 0, rw, lv.p ? lv.p : "", R_HEADER);
    sbuf_free(&lv);
    /* the second: answered, and what the room decided */
    const struct answer *ans = &a->w->ses->answers[a->q];
    struct sbuf st;
    sbuf_init(&st);
    sbuf_addf(&st, "%s %s", ans->answered ? gl->answered : " ",
              tui_msg(ans->answered ? M_TUI_ANSWERED_MARK : M_TUI_NOT_DISCUSSED));
    if (ans->agreed)
        sbuf_addf(&st, " %s %s", gl->bullet, tui_msg(M_TUI_MARK_AGREED));
    if (ans->n_dissent) {
        char t[64];
        tui_msg_format(t, sizeof t, M_TUI_QV_DISSENT, ans->n_dissent);
        sbuf_addf(&st, " %s %s", gl->bullet, t);
    }
    if (ans->parked)
        sbuf_addf(&st, " %s %s", gl->bullet, tui_msg(M_TUI_MARK_PARKED));
    grid_put_cut(g, 1, 1, w - 2, st.p ? st.p : "", ans->answered ? R_DONE : R_DIM);
    sbuf_free(&st);
}

static const struct hint qview_hints[] = {
    {A_QVIEW, M_TH_BACK}, {A_NEXT_Q, M_TH_NEXT_Q}, {A_TICK, M_TH_TICK}, {A_INFO, M_TH_HELP_TEXT},
    {A_HELP, M_TH_HELP},  {A_NONE, M_TUI_NONE}};
static const struct hint follow_hints[] = {
    {A_QVIEW, M_TH_ROOM}, {A_DOWN, M_TH_SCROLL}, {A_THEME, M_TH_THEME}, {A_QUIT, M_TH_QUIT},
    {A_NONE, M_TUI_NONE}};

/* Where the page goes: a margin on wide screens so lines stay readable from afar. */
static void geometry(const struct app *a, int *x, int *w, int *y, int *h)
{
    *w = a->cols - 4;
    if (*w > 100)
        *w = 100;
    *x = (a->cols - *w) / 2;
    *y = 3;
    *h = a->rows - 1 - *y;
}

static void qview_render(struct app *a, struct grid *g)
{
    struct qview_state *s = qs(a);
    int x, w, y, h;
    geometry(a, &x, &w, &y, &h);
    header(a, g);
    struct page p;
    build(a, &p, w, h, g->utf8, s->help);
    if (s->to_help && page_first(&p, TAG_HELP) >= 0)
        s->top = page_first(&p, TAG_HELP) - 1;
    else if (s->follow_cursor && !a->follow) {
        int opt = ((struct main_state *)app_state(a, SCR_MAIN))->opt + 1;
        int f = page_first(&p, opt), l = page_last(&p, opt);
        if (f >= 0 && f < s->top)
            s->top = f > 2 ? f - 1 : 0;
        if (l >= s->top + h)
            s->top = l - h + 2;
    }
    s->to_help = s->follow_cursor = 0;
    s->top = page_clamp(&p, s->top, h);
    page_draw(&p, g, x, y, h, s->top, g->cols - 1);
    page_free(&p);
    draw_status(a, g, a->follow ? follow_hints : qview_hints);
}

/* Up and down move the option cursor (the view follows it); page keys scroll. In kollen
 * follow there is no cursor: every movement scrolls. */
static int scroll_key(struct app *a, enum action act)
{
    struct qview_state *s = qs(a);
    struct main_state *m = app_state(a, SCR_MAIN);
    int n = a->w->bank->questions[a->q].n_options, page = a->rows - 5 > 1 ? a->rows - 5 : 1;
    int cursor = !a->follow && n > 0;
    switch (act) {
    case A_UP:
        if (cursor && m->opt > 0)
            m->opt--, s->follow_cursor = 1;
        else if (!cursor)
            s->top--;
        break;
    case A_DOWN:
        if (cursor && m->opt < n - 1)
            m->opt++, s->follow_cursor = 1;
        else if (!cursor || m->opt == n - 1)
            s->top++;
        break;
    case A_PGUP: s->top -= page; break;
    case A_PGDN: s->top += page; break;
    case A_HOME: s->top = 0; break;
    case A_END: s->top = 1 << 20; break;
    default: return -1;
    }
    if (s->top < 0)
        s->top = 0;
    return TUI_REDRAW;
}

static int qview_handle(struct app *a, enum action act, int arg, int key)
{
    (void)key;
    struct qview_state *s = qs(a);
    int r = scroll_key(a, act);
    if (r >= 0)
        return r;
    if (act == A_THEME) {
        app_set_theme(a, (a->theme + 1) % THEME_COUNT);
        return TUI_REDRAW;
    }
    if (a->follow) /* the mirror changes nothing */
        return 0;
    int nq = a->w->bank->n_questions, pos = a->walk_pos[a->q];
    switch (act) {
    case A_INFO: s->help = !s->help, s->to_help = s->help; return TUI_REDRAW;
    case A_ZOOM: app_pop(a); return TUI_REDRAW;
    case A_NEXT_Q:
        if (pos + 1 < nq)
            app_goto(a, a->walk[pos + 1]);
        return TUI_REDRAW;
    case A_PREV_Q:
        if (pos > 0)
            app_goto(a, a->walk[pos - 1]);
        return TUI_REDRAW;
    default: break;
    }
    r = shared_key(a, act, arg);
    return r < 0 ? 0 : r;
}

/* Another question: from its top, the cursor's option in view. */
static void qview_moved(struct app *a, void *state)
{
    (void)a;
    struct qview_state *s = state;
    s->top = 0;
    s->follow_cursor = 1;
}

/* In kollen follow only the mirror's keys. */
static int qview_context(const struct app *a)
{
    return a->follow ? CX_FOLLOW : CX_QVIEW;
}

const struct screen_ops qview_screen = {
    .state_size = sizeof(struct qview_state),
    .moved = qview_moved,
    .handle = qview_handle,
    .render = qview_render,
    .context = qview_context,
};
