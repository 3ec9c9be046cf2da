/* screen_plan.c: the action plan on a screen of its own (issue 5). The same plan_compute and
 * the same words as `kollen plan` (kollen/plan.h): the target as a row of choices, the count,
 * then the items by level step and work area like the CLI's text, wrapped by display width and
 * scrollable; Enter goes to the item's question. Question and option texts only: no notes and
 * no evidence, so it can be shown to the room. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "screen_plan.h"

#include "app.h"
#include "kollen/fmt.h"
#include "kollen/ops_plan.h"
#include "kollen/text.h"
#include "theme.h"
#include "wrap.h"

/* --- the plan and its targets --- */

#define PLAN_TARGETS_MAX 16

static struct plan_state *st(struct app *a)
{
    return app_state(a, SCR_PLAN);
}

static const struct plan_state *cst(const struct app *a)
{
    return a->state[SCR_PLAN];
}

static void drop(struct plan_state *ps)
{
    if (ps->have_plan && !ps->error[0])
        plan_free(&ps->plan);
    memset(&ps->plan, 0, sizeof ps->plan);
    ps->have_plan = 0;
    ps->error[0] = '\0';
}

/* Another session: the plan goes, the target is the next level again. */
static void plan_reset(struct app *a, void *state)
{
    (void)a;
    struct plan_state *ps = state;
    drop(ps);
    memset(&ps->spec, 0, sizeof ps->spec);
}

static void plan_state_free(struct app *a, void *state)
{
    plan_reset(a, state);
}

static int plan_ok(const struct plan_state *ps)
{
    return ps->have_plan && !ps->error[0];
}

/* Compute the plan toward sp into *out; 0, or -1 with the reason in why. */
static int compute(const struct app *a, const struct plan_spec *sp, struct plan *out, char *why,
                   size_t n)
{
    struct diags d;
    diags_init(&d);
    int rc = ops_plan(a->w->bank, a->w->ses, sp, out, &d);
    if (rc)
        tui_first_error(&d, why, n);
    diags_free(&d);
    return rc ? -1 : 0;
}

/* Select the first item on question qi, if the plan has one; 1 when it did. */
static int select_question(struct plan_state *ps, int qi)
{
    if (!plan_ok(ps))
        return 0;
    for (int i = 0; i < ps->plan.n_items; i++)
        if (ps->plan.items[i].question == qi) {
            ps->cur = i;
            return 1;
        }
    return 0;
}

static void clamp_cursor(struct plan_state *ps)
{
    int n = plan_ok(ps) ? ps->plan.n_items : 0;
    if (ps->cur >= n)
        ps->cur = n - 1;
    if (ps->cur < 0)
        ps->cur = 0;
}

/* Bring the plan up to date with the answers. */
static void plan_update(struct app *a)
{
    struct plan_state *ps = st(a);
    if (!a->w || (ps->have_plan && ps->rev == a->w->rev))
        return;
    /* the answers changed: the same target again, the cursor on the same question */
    int qi = plan_ok(ps) && ps->cur < ps->plan.n_items ? ps->plan.items[ps->cur].question
                                                         : -1;
    drop(ps);
    ps->rev = a->w->rev;
    ps->have_plan = 1;
    if (compute(a, &ps->spec, &ps->plan, ps->error, sizeof ps->error)) {
        memset(&ps->plan, 0, sizeof ps->plan);
        if (!ps->error[0])
            tui_copy(ps->error, sizeof ps->error, msg(M_SES_NO_MEMORY));
    }
    if (qi < 0 || !select_question(ps, qi))
        clamp_cursor(ps);
}

int plan_set(struct app *a, const struct plan_spec *spec)
{
    struct plan_state *ps = st(a);
    if (!a->w)
        return -1;
    struct plan p;
    char why[DIAG_TEXT_MAX];
    if (compute(a, spec, &p, why, sizeof why)) {
        app_message(a, R_WARN, "%s", why);
        return -1;
    }
    drop(ps);
    ps->plan = p;
    ps->spec = *spec;
    ps->rev = a->w->rev;
    ps->have_plan = 1;
    ps->cur = 0;
    ps->top = 0;
    return 0;
}

void plan_open(struct app *a)
{
    struct plan_state *ps = st(a);
    if (!a->w)
        return;
    plan_update(a);
    if (!select_question(ps, a->q))
        clamp_cursor(ps);
    ps->top = 0;
    app_push(a, SCR_PLAN);
}

/* --- the plan as screen lines --- */

struct pline {
    char *text; /* one screen line, sanitised */
    int x;
    int role;
    int item; /* the item whose question this line names, else -1 */
};

struct plines {
    struct pline *v;
    int n, cap;
    int oom;
    int *first, *last; /* each item's lines: its question to its last part */
};

static void lines_free(struct plines *pl)
{
    for (int i = 0; i < pl->n; i++)
        free(pl->v[i].text);
    free(pl->v);
    free(pl->first);
    free(pl->last);
    memset(pl, 0, sizeof *pl);
}

static void add_line(struct plines *pl, int x, const char *s, size_t n, int role, int item)
{
    if (pl->oom)
        return;
    if (pl->n == pl->cap) {
        int cap = pl->cap ? pl->cap * 2 : 64;
        struct pline *v = realloc(pl->v, (size_t)cap * sizeof *v);
        if (!v) {
            pl->oom = 1;
            return;
        }
        pl->v = v;
        pl->cap = cap;
    }
    char *t = text_ndup(s, n);
    if (!t) {
        pl->oom = 1;
        return;
    }
    pl->v[pl->n++] = (struct pline){t, x, role, item};
}

/* prefix + text from column x, wrapped by display width before column right; the lines after
 * the first hang under the text, past the prefix. */
static void add_text(struct plines *pl, int x, int right, const char *prefix, const char *text,
                     int role, int item)
{
    char *pre = text_sanitize_dup(prefix, 0), *clean = text_sanitize_dup(text, 0);
    struct wrap w;
    wrap_init(&w);
    if (!pre || !clean) {
        pl->oom = 1;
        goto out;
    }
    int pw = text_width(pre), avail = right - x - pw;
    if (avail < 8)
        avail = 8;
    if (wrap_text(&w, clean, strlen(clean), avail)) {
        pl->oom = 1;
        goto out;
    }
    for (int i = 0; i < w.n; i++) {
        const char *s = clean + w.v[i].start;
        size_t n = w.v[i].len;
        if (i == 0) {
            struct sbuf t;
            sbuf_init(&t);
            sbuf_add(&t, pre);
            sbuf_addn(&t, s, n);
            add_line(pl, x, t.p ? t.p : "", t.len, role, item);
            pl->oom |= t.oom;
            sbuf_free(&t);
        } else {
            add_line(pl, x + pw, s, n, role, item);
        }
    }
out:
    wrap_free(&w);
    free(pre);
    free(clean);
}

static void blank_line(struct plines *pl)
{
    add_line(pl, 0, "", 0, R_NORMAL, -1);
}

struct part_ctx {
    struct plines *pl;
    int right;
    int x;
    const char *prefix;
};

static void put_part(void *ctx, const char *part)
{
    struct part_ctx *pc = ctx;
    add_text(pc->pl, pc->x, pc->right, pc->prefix, part, R_NORMAL, -1);
}

static void put_line(void *ctx, const char *line)
{
    put_part(ctx, line);
}

/* Indents as in `kollen plan`'s text: steps, work areas, questions, what to do. */
static void build_lines(const struct app *a, int right, struct plines *pl)
{
    const struct plan_state *ps = cst(a);
    const struct bank *b = a->w->bank;
    const struct plan *p = &ps->plan;
    memset(pl, 0, sizeof *pl);
    if (!plan_ok(ps)) {
        add_text(pl, 1, right, "", ps->error[0] ? ps->error : "?", R_WARN, -1);
        return;
    }
    int n = p->n_items;
    pl->first = calloc((size_t)(n ? n : 1), sizeof *pl->first);
    pl->last = calloc((size_t)(n ? n : 1), sizeof *pl->last);
    if (!pl->first || !pl->last) {
        pl->oom = 1;
        return;
    }
    struct sbuf t;
    sbuf_init(&t);
    if (p->benchmark) {
        add_text(pl, 1, right, "", msg(M_PLAN_GOALS), R_TITLE, -1);
        struct part_ctx gc = {pl, right, 3, ""};
        plan_goal_lines(b, p, put_line, &gc);
    }
    struct part_ctx pc = {pl, right, 7, "- "};
    for (int i = 0; i < n; i++) {
        const struct plan_item *it = &p->items[i];
        const struct question *q = &b->questions[it->question];
        if (plan_new_section(p, i)) {
            if (pl->n)
                blank_line(pl);
            sbuf_reset(&t);
            plan_section_text(&t, b, it);
            add_text(pl, 1, right, "", t.p ? t.p : "", R_TITLE, -1);
        }
        pl->first[i] = pl->n;
        sbuf_reset(&t);
        sbuf_addf(&t, "%s %d %s ", msg(M_W_QUESTION), q->number, theme_glyphs(a->utf8)->bullet);
        add_text(pl, 5, right, t.p ? t.p : "", question_label(q), R_NORMAL, i);
        /* what level it is for, and the step as tracked between workshops (kollen plan
         * --assign, --due, --status) */
        sbuf_reset(&t);
        plan_item_for(&t, b, p, it);
        const struct answer *ans = &a->w->ses->answers[it->question];
        if (ans->owner || ans->due || ans->status != STEP_UNTRACKED) {
            if (t.len)
                sbuf_addf(&t, " %s ", theme_glyphs(a->utf8)->bullet);
            plan_track_text(&t, ans);
        }
        if (t.len)
            add_text(pl, 7, right, "", t.p, ans->status == STEP_DONE ? R_DONE : R_DIM, -1);
        plan_item_parts(b, it, put_part, &pc);
        pl->last[i] = pl->n - 1;
    }
    if (!p->met) {
        blank_line(pl);
        sbuf_reset(&t);
        fmt_level(&t, b, p->level_after, 0, FMT_LEVEL_NAME);
        char line[1024];
        msg_format(line, sizeof line, M_PLAN_AFTER, t.p ? t.p : "");
        add_text(pl, 1, right, "", line, R_DONE, -1);
    }
    pl->oom |= t.oom;
    sbuf_free(&t);
}

/* --- layout --- */

struct plan_geom {
    int tabs_y;     /* the targets */
    int sum_y, sum_h; /* now and the plan's size */
    int rule_y;
    int body_y, body_h; /* the list */
    int right;      /* the list's text ends before this column */
};

/* "Nu: ... · Planen: ..." on one line when it fits, else each on its own (wrapped). */
static void summary_texts(const struct app *a, char *now, size_t nn, char *size, size_t ns)
{
    const struct plan_state *ps = cst(a);
    struct sbuf t;
    sbuf_init(&t);
    fmt_level(&t, a->w->bank, ps->plan.level_now, 0, FMT_LEVEL_NAME);
    msg_format(now, nn, M_PLAN_NOW_LEVEL, t.p ? t.p : "");
    sbuf_reset(&t);
    plan_size_text(&t, &ps->plan);
    msg_format(size, ns, M_PLAN_SIZE_HEAD, t.p ? t.p : "");
    sbuf_free(&t);
}

static int summary_lines(const struct app *a, int cols, struct plines *out)
{
    const struct plan_state *ps = cst(a);
    memset(out, 0, sizeof *out);
    if (!plan_ok(ps))
        return 0;
    char now[600], size[600], both[1300];
    summary_texts(a, now, sizeof now, size, sizeof size);
    snprintf(both, sizeof both, "%s  %s  %s", now, theme_glyphs(a->utf8)->bullet, size);
    int right = cols - 1;
    if (text_width(both) <= right - 1) {
        add_text(out, 1, right, "", both, R_NORMAL, -1);
    } else {
        add_text(out, 1, right, "", now, R_NORMAL, -1);
        add_text(out, 1, right, "", size, R_NORMAL, -1);
    }
    return out->n;
}

static void plan_layout(const struct app *a, int cols, int rows, struct plan_geom *pg)
{
    struct plines s;
    int n = summary_lines(a, cols, &s);
    lines_free(&s);
    if (n > 3)
        n = 3;
    pg->tabs_y = 2;
    pg->sum_y = 3;
    pg->sum_h = n;
    pg->rule_y = pg->sum_y + n;
    pg->body_y = pg->rule_y + 1;
    pg->body_h = rows - 1 - pg->body_y;
    if (pg->body_h < 1)
        pg->body_h = 1;
    pg->right = cols - 1; /* the last column holds the scroll marks */
}

/* Scroll so that the selected item (with its parts) is in view: the first item also shows
 * what comes before it, the last what comes after. */
static void keep_in_view(struct app *a, const struct plines *pl, int h)
{
    struct plan_state *ps = st(a);
    int n = plan_ok(ps) ? ps->plan.n_items : 0;
    if (n && pl->first && !pl->oom) {
        int from = ps->cur == 0 ? 0 : pl->first[ps->cur];
        int to = ps->cur == n - 1 ? pl->n - 1 : pl->last[ps->cur];
        if (to - from + 1 > h)
            to = from + h - 1;
        if (to >= ps->top + h)
            ps->top = to - h + 1;
        if (from < ps->top)
            ps->top = from;
    }
    if (ps->top > pl->n - h)
        ps->top = pl->n - h;
    if (ps->top < 0)
        ps->top = 0;
}

/* --- drawing --- */

static void target_label(const struct app *a, const struct plan_spec *sp, int brief, char *out,
                         size_t n)
{
    switch (sp->kind) {
    case PLAN_NEXT: snprintf(out, n, "%s", tui_msg(M_TUI_PLAN_T_NEXT)); break;
    case PLAN_LEVEL:
        if (brief)
            msg_format(out, n, M_W_LEVEL_SHORT, sp->level);
        else
            tui_msg_format(out, n, M_TUI_PLAN_T_LEVEL, sp->level);
        break;
    case PLAN_TARGET: snprintf(out, n, "%s", tui_msg(M_TUI_PLAN_T_MSBFS)); break;
    default: tui_msg_format(out, n, M_TUI_PLAN_T_GROUP, group_name(a->w->ses->group)); break;
    }
}

/* The targets as a row of choices, the current one selected; short level names when the row
 * would not fit. */
static void render_targets(struct app *a, struct grid *g, int y)
{
    struct plan_state *ps = st(a);
    struct plan_spec t[PLAN_TARGETS_MAX];
    int n = ops_plan_targets(a->w->bank, a->w->ses, t, PLAN_TARGETS_MAX);
    const char *head = tui_msg(M_TUI_PLAN_TARGETS);
    int hw = text_width(head) + 1;
    for (int brief = 0; brief < 2; brief++) {
        int need = hw;
        char lab[128];
        for (int i = 0; i < n; i++) {
            target_label(a, &t[i], brief, lab, sizeof lab);
            need += text_width(lab) + 3;
        }
        if (need > g->cols - 2 && !brief)
            continue;
        int x = 1;
        x += grid_put(g, x, y, g->cols - 1 - x, head, R_DIM) + 1;
        for (int i = 0; i < n; i++) {
            target_label(a, &t[i], brief, lab, sizeof lab);
            int sel = ops_plan_same(&t[i], &ps->spec);
            int role = sel ? R_SELECTED : R_NORMAL;
            x += grid_put(g, x, y, g->cols - 1 - x, " ", role);
            x += grid_put_cut(g, x, y, g->cols - 1 - x, lab, role);
            x += grid_put(g, x, y, g->cols - 1 - x, " ", role);
            x++;
        }
        break;
    }
}

static const struct hint plan_hints[] = {{A_PLAN_GOTO, M_TH_GOTO},
                                         {A_PLAN_NEXT_TARGET, M_TH_TARGET},
                                         {A_BACK, M_TH_BACK},
                                         {A_HELP, M_TH_HELP},
                                         {A_NONE, M_TUI_NONE}};

static void plan_render(struct app *a, struct grid *g)
{
    struct plan_state *ps = st(a);
    plan_update(a);
    const struct bank *b = a->w->bank;
    const struct glyphs *gl = theme_glyphs(g->utf8);
    int w = g->cols;
    struct plan_geom pg;
    plan_layout(a, g->cols, g->rows, &pg);

    /* who and what, and what the plan aims at */
    grid_fill(g, 0, 0, w, " ", R_HEADER);
    struct sbuf t;
    sbuf_init(&t);
    sbuf_addf(&t, "%s %s %s %s %s", a->w->ses->organisation, gl->bullet, b->name, gl->bullet,
              a->w->ses->date);
    grid_put_cut(g, 1, 0, w - 2, t.p ? t.p : "", R_HEADER);
    sbuf_reset(&t);
    if (plan_ok(ps)) {
        plan_goal_text(&t, b, &ps->plan);
        char title[1024];
        msg_format(title, sizeof title, M_PLAN_TITLE, t.p ? t.p : "");
        grid_put_cut(g, 1, 1, w - 2, title, R_TITLE);
    }
    render_targets(a, g, pg.tabs_y);

    /* the count */
    struct plines s;
    summary_lines(a, w, &s);
    for (int i = 0; i < s.n && i < pg.sum_h; i++)
        grid_put_cut(g, s.v[i].x, pg.sum_y + i, pg.right - s.v[i].x, s.v[i].text, s.v[i].role);
    lines_free(&s);
    grid_fill(g, 0, pg.rule_y, w, gl->hline, R_BORDER);

    /* the items */
    struct plines pl;
    build_lines(a, pg.right, &pl);
    keep_in_view(a, &pl, pg.body_h);
    for (int r = 0; r < pg.body_h && ps->top + r < pl.n; r++) {
        const struct pline *ln = &pl.v[ps->top + r];
        int y = pg.body_y + r;
        int role = ln->role;
        if (ln->item >= 0 && ln->item == ps->cur) {
            role = R_SELECTED;
            grid_fill(g, ln->x - 2, y, pg.right - ln->x + 2, " ", role);
            if (pl.first && ps->top + r == pl.first[ln->item])
                grid_put(g, ln->x - 2, y, 1, gl->pointer, role);
        }
        grid_put_cut(g, ln->x, y, pg.right - ln->x, ln->text, role);
    }
    if (ps->top > 0)
        grid_put(g, w - 1, pg.body_y, 1, gl->more_up, R_DIM);
    if (ps->top + pg.body_h < pl.n)
        grid_put(g, w - 1, pg.body_y + pg.body_h - 1, 1, gl->more_down, R_DIM);
    if (pl.oom)
        app_message(a, R_WARN, "%s", msg(M_SES_NO_MEMORY));
    lines_free(&pl);

    sbuf_reset(&t);
    draw_status(a, g, plan_hints);
    sbuf_free(&t);
}

/* --- keys --- */

/* Move the cursor a page: to the item whose question is about a screen away. */
static void page(struct app *a, int dir)
{
    struct plan_state *ps = st(a);
    int n = plan_ok(ps) ? ps->plan.n_items : 0;
    struct plan_geom pg;
    plan_layout(a, a->cols, a->rows, &pg);
    struct plines pl;
    build_lines(a, pg.right, &pl);
    if (!n || !pl.first || pl.oom) {
        ps->top += dir * pg.body_h;
        lines_free(&pl);
        return;
    }
    int want = pl.first[ps->cur] + dir * (pg.body_h - 1);
    int i = ps->cur;
    if (dir > 0)
        while (i + 1 < n && pl.first[i + 1] <= want)
            i++;
    else
        while (i > 0 && pl.first[i - 1] >= want)
            i--;
    if (i == ps->cur) /* an item taller than the screen: one step anyway */
        i += dir;
    ps->cur = i;
    clamp_cursor(ps);
    lines_free(&pl);
}

static void step_target(struct app *a, int dir)
{
    struct plan_state *ps = st(a);
    struct plan_spec t[PLAN_TARGETS_MAX];
    int n = ops_plan_targets(a->w->bank, a->w->ses, t, PLAN_TARGETS_MAX);
    if (!n)
        return;
    int cur = -1;
    for (int i = 0; i < n; i++)
        if (ops_plan_same(&t[i], &ps->spec))
            cur = i;
    /* a target the bank offers may still ask nothing (an empty benchmark): try the next */
    for (int k = 1; k <= n; k++) {
        int i = ((cur < 0 ? (dir > 0 ? -1 : 0) : cur) + dir * k + n * 2) % n;
        if (plan_set(a, &t[i]) == 0)
            return;
    }
}

static void go_to_item(struct app *a)
{
    struct plan_state *ps = st(a);
    if (!plan_ok(ps) || ps->plan.n_items == 0)
        return;
    const struct plan_item *it = &ps->plan.items[ps->cur];
    const struct question *q = &a->w->bank->questions[it->question];
    /* the option cursor on the first thing the plan asks, so Space does it */
    int opt = it->choice ? it->choice - 1 : -1;
    for (int i = q->n_options - 1; i >= 0; i--)
        if (it->tick & (1ULL << i))
            opt = i;
    app_pop(a);
    main_show(a, it->question, opt);
}

/* Back (p or Esc, and q), help and redraw are the table's: screens.h. */
static int plan_handle(struct app *a, enum action act, int arg, int key)
{
    (void)key;
    struct plan_state *ps = st(a);
    plan_update(a);
    int n = plan_ok(ps) ? ps->plan.n_items : 0;
    struct plan_spec sp;
    switch (act) {
    case A_UP:
        if (n)
            ps->cur--;
        else
            ps->top--;
        break;
    case A_DOWN:
        if (n)
            ps->cur++;
        else
            ps->top++;
        break;
    case A_PGUP: page(a, -1); break;
    case A_PGDN: page(a, 1); break;
    case A_HOME:
        ps->cur = 0;
        ps->top = 0;
        break;
    case A_END:
        ps->cur = n - 1;
        ps->top = 1 << 20;
        break;
    case A_PLAN_GOTO: go_to_item(a); return TUI_REDRAW;
    case A_PLAN_NEXT_TARGET: step_target(a, 1); break;
    case A_PLAN_PREV_TARGET: step_target(a, -1); break;
    case A_PLAN_T_NEXT:
        sp = (struct plan_spec){PLAN_NEXT, 0, ""};
        plan_set(a, &sp);
        break;
    case A_PLAN_T_LEVEL:
        sp = (struct plan_spec){PLAN_LEVEL, arg, ""};
        plan_set(a, &sp);
        break;
    case A_PLAN_T_MSBFS:
        if (plan_spec_parse("msbfs", &sp) == 0)
            plan_set(a, &sp);
        break;
    case A_PLAN_T_GROUP:
        sp = (struct plan_spec){PLAN_GROUP, 0, ""};
        plan_set(a, &sp);
        break;
    default: return 0;
    }
    clamp_cursor(ps);
    if (ps->top < 0)
        ps->top = 0;
    return TUI_REDRAW;
}

const struct screen_ops plan_screen = {
    .state_size = sizeof(struct plan_state),
    .free = plan_state_free,
    .reset = plan_reset,
    .handle = plan_handle,
    .render = plan_render,
};
