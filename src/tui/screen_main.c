/* screen_main.c: the workshop screen: header, work areas, questions, the question with its
 * options, the answer's record, the status line. The note editor draws over it
 * (screen_note.c). Every change goes through the use cases (app_change, ops_set). */
#include "screen_main.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "kollen/fmt.h"
#include "kollen/ops_msg.h"
#include "kollen/ops_room.h"
#include "kollen/text.h"
#include "screen_prompt.h"
#include "textfit.h"
#include "theme.h"
#include "wrap.h"

static struct main_state *ms(struct app *a)
{
    return app_state(a, SCR_MAIN);
}

/* The first line to show of a list of n so that cursor is in view (centred when it scrolls). */
static int list_top(int cursor, int n, int h)
{
    if (n <= h || h <= 0)
        return 0;
    int top = cursor - h / 2;
    if (top < 0)
        top = 0;
    if (top > n - h)
        top = n - h;
    return top;
}

static const struct blocker *blocker_of(const struct app *a, int qi)
{
    if (!a->w->have_score)
        return NULL;
    for (int i = 0; i < a->w->sc.n_blockers; i++)
        if (a->w->sc.blockers[i].question == qi)
            return &a->w->sc.blockers[i];
    return NULL;
}

static const char *area_label(const struct area *ar, int w)
{
    if (text_width(ar->name) > w && ar->short_name && ar->short_name[0])
        return ar->short_name;
    return ar->name;
}

/* --- texts as drawn, made once --- */

/* A question's texts as the screen draws them, made on first use and wrapped once per width:
 * before, every frame sanitised and wrapped each of them again (a move key re-did every
 * option's layout twice). */
struct q_shown {
    struct wrapped *opt; /* each option's text with its points or actions (option_text) */
    int n_opt;           /* -1: not made yet */
    struct wrapped rules; /* the rules it feeds, in words */
    int rules_made;
    struct wrapped text;  /* its text with the measurement period */
    unsigned long text_rev; /* the workshop's rev the text was made for (the period) */
    int text_made;
    char *label; /* its label cut for the questions list (label_fit), sanitised */
    int label_w; /* the width label was cut for */
};

/* What a pane showed when it was last drawn: it is drawn again only when one of these changed,
 * or the whole screen is (app.h: repaint). Everything a pane's drawing reads is here, or is
 * the session's (answers, score, records) and counted by the workshop's rev. */
struct pane_key {
    struct rect r;
    int focused;
    int area, q, cursor;  /* where the group is; the pane's own cursor */
    unsigned long rev;
    struct agenda_clock clock; /* the header's clocks */
};

struct main_drawn {
    struct pane_key header, areas, questions, question, record;
    struct layout frame; /* the rules between the panes, where the record's tee is */
};

struct main_cache {
    const struct bank *bank; /* the bank, language and glyphs the texts were made with */
    enum lang lang;
    int utf8;
    struct q_shown *q;  /* one per question */
    struct wrapped note; /* the note of question note_q as it was at rev note_rev */
    int note_q;
    unsigned long note_rev;
    struct main_drawn drawn; /* what the last frame showed (drawn_valid) */
    int drawn_valid;
    int status_rows; /* rows the last frame's status line took (a long warning, over panes) */
};

static void q_shown_free(struct q_shown *qs)
{
    for (int i = 0; i < qs->n_opt; i++)
        wrapped_free(&qs->opt[i]);
    free(qs->opt);
    wrapped_free(&qs->rules);
    wrapped_free(&qs->text);
    free(qs->label);
}

static void cache_clear(struct main_cache *c)
{
    if (!c)
        return;
    for (int i = 0; c->q && c->bank && i < c->bank->n_questions; i++)
        q_shown_free(&c->q[i]);
    free(c->q);
    wrapped_free(&c->note);
    memset(c, 0, sizeof *c);
}

/* The cache for the open bank, the language and the glyphs of grid g; NULL when memory ran out
 * (then nothing cached is drawn). */
static struct main_cache *cache_of(struct app *a, const struct grid *g)
{
    struct main_state *m = ms(a);
    const struct bank *b = a->w->bank;
    if (m->cache && m->cache->q &&
        (m->cache->bank != b || m->cache->lang != msg_lang() || m->cache->utf8 != g->utf8))
        cache_clear(m->cache);
    if (!m->cache && !(m->cache = calloc(1, sizeof *m->cache)))
        return NULL;
    struct main_cache *c = m->cache;
    if (!c->q) {
        if (!(c->q = calloc((size_t)(b->n_questions ? b->n_questions : 1), sizeof *c->q)))
            return NULL;
        for (int i = 0; i < b->n_questions; i++)
            c->q[i].n_opt = -1;
        c->bank = b;
        c->lang = msg_lang();
        c->utf8 = g->utf8;
        c->note_q = -1;
    }
    return c;
}

static void option_text(struct sbuf *o, const struct question *q, int i);

/* Question qi's options as drawn (their texts sanitised, with points or actions); NULL when
 * memory ran out. */
static struct wrapped *shown_options(struct main_cache *c, int qi)
{
    struct q_shown *qs = &c->q[qi];
    if (qs->n_opt >= 0)
        return qs->opt;
    const struct question *q = &c->bank->questions[qi];
    int n = q->n_options;
    struct wrapped *v = calloc((size_t)(n ? n : 1), sizeof *v);
    if (!v)
        return NULL;
    struct sbuf ot;
    sbuf_init(&ot);
    int ok = 1;
    for (int i = 0; i < n; i++) {
        sbuf_reset(&ot);
        option_text(&ot, q, i);
        ok = ok && !ot.oom && wrapped_set(&v[i], ot.p ? ot.p : "", 0) == 0;
    }
    sbuf_free(&ot);
    if (!ok) {
        for (int i = 0; i < n; i++)
            wrapped_free(&v[i]);
        free(v);
        return NULL;
    }
    qs->opt = v;
    qs->n_opt = n;
    return v;
}

/* Question qi's rules in words (fmt_rules with the grid's bullet), as drawn. */
static struct wrapped *shown_rules(struct main_cache *c, int qi)
{
    struct q_shown *qs = &c->q[qi];
    if (!qs->rules_made) {
        struct sbuf r;
        sbuf_init(&r);
        fmt_rules(&r, c->bank, &c->bank->questions[qi], theme_glyphs(c->utf8)->bullet);
        int rc = r.oom ? -1 : wrapped_set(&qs->rules, r.p ? r.p : "", 1);
        sbuf_free(&r);
        if (rc)
            return NULL;
        qs->rules_made = 1;
    }
    return &qs->rules;
}

static char *question_text(const struct app *a, const struct question *q);

/* Question qi's text with the session's measurement period (made again when the session
 * changes: the period is one of its records). */
static struct wrapped *shown_text(const struct app *a, struct main_cache *c, int qi)
{
    struct q_shown *qs = &c->q[qi];
    if (!qs->text_made || qs->text_rev != a->w->rev) {
        char *t = question_text(a, &c->bank->questions[qi]);
        int rc = t ? wrapped_set(&qs->text, t, 1) : -1;
        free(t);
        if (rc)
            return NULL;
        qs->text_made = 1;
        qs->text_rev = a->w->rev;
    }
    return &qs->text;
}

/* The note of question qi as drawn, made again when the session changes. */
static struct wrapped *shown_note(const struct app *a, struct main_cache *c, int qi)
{
    if (c->note_q != qi || c->note_rev != a->w->rev) {
        c->note_q = -1;
        if (wrapped_set(&c->note, a->w->ses->answers[qi].note, 1))
            return NULL;
        c->note_q = qi;
        c->note_rev = a->w->rev;
    }
    return &c->note;
}

/* The number of lines t takes at width w (1 when memory ran out, as for an empty text). */
static int shown_lines(struct wrapped *t, int w)
{
    const struct wrap *wr = t && t->text ? wrapped_lines(t, w) : NULL;
    return wr ? wr->n : 1;
}

/* --- header --- */

struct seg {
    char text[160];
    int role;
    int bar; /* a bar of this many cells goes after the text */
    double frac;
};

static int segs_width(const struct seg *s, int n)
{
    int w = 0;
    for (int i = 0; i < n; i++)
        w += text_width(s[i].text) + (s[i].bar ? s[i].bar + 1 : 0) + (i ? 3 : 0);
    return w;
}

/* tier 0: words ("Poäng 3 av 12"), 1: fractions ("Poäng 3/12"), 2: abbreviations ("P 3/12") */
static void header_segments(struct app *a, struct seg *s, int *n, int tier, int bar)
{
    const struct bank *b = a->w->bank;
    const struct score *sc = &a->w->sc;
    char v1[32], v2[32];
    struct sbuf t;
    *n = 0;
    memset(s, 0, 5 * sizeof *s);
    if (b->kind == BANK_SCALE) {
        sbuf_init(&t);
        fmt_decimal(&t, sc->value, 2);
        tui_msg_format(s[0].text, sizeof s[0].text, M_TUI_MEAN, t.p ? t.p : "", b->n_levels);
        sbuf_free(&t);
        s[0].bar = bar;
        s[0].frac = b->n_levels ? sc->value / b->n_levels : 0;
        s[0].role = R_NORMAL;
        (*n)++;
    } else {
        if (sc->level < b->n_levels) {
            tui_msg_format(s[0].text, sizeof s[0].text, M_TUI_TOWARD, sc->level + 1);
            s[0].bar = bar;
            s[0].frac = sc->progress;
        } else {
            snprintf(s[0].text, sizeof s[0].text, "%s", tui_msg(M_TUI_TOP_LEVEL));
        }
        s[0].role = R_NORMAL;
        (*n)++;
        if (sc->level < b->n_levels && tier == 0) {
            /* the rule count rides after the bar */
            tui_msg_format(s[*n].text, sizeof s[*n].text, M_TUI_RULES, sc->rules_met,
                           sc->rules_next);
            s[*n].role = R_DIM;
            (*n)++;
        }
        sbuf_init(&t);
        fmt_points(&t, sc->points_milli);
        snprintf(v1, sizeof v1, "%s", t.p ? t.p : "0");
        sbuf_reset(&t);
        fmt_points(&t, sc->max_points_milli);
        snprintf(v2, sizeof v2, "%s", t.p ? t.p : "0");
        sbuf_free(&t);
        tui_msg_format(s[*n].text, sizeof s[*n].text,
                   tier == 0 ? M_TUI_POINTS : tier == 1 ? M_TUI_POINTS_MID : M_TUI_POINTS_SHORT, v1,
                   v2);
        s[*n].role = R_NORMAL;
        (*n)++;
        tui_msg_format(s[*n].text, sizeof s[*n].text,
                   tier == 0   ? M_TUI_ACTIONS
                   : tier == 1 ? M_TUI_ACTIONS_MID
                               : M_TUI_ACTIONS_SHORT,
                   sc->actions, sc->max_actions);
        s[*n].role = R_NORMAL;
        (*n)++;
    }
    tui_msg_format(s[*n].text, sizeof s[*n].text,
               tier == 0   ? M_TUI_ANSWERED
               : tier == 1 ? M_TUI_ANSWERED_MID
                           : M_TUI_ANSWERED_SHORT,
               sc->answered, sc->questions);
    s[*n].role = R_NORMAL;
    (*n)++;
}

/* "4:12", or "1:04:12" from an hour on. */
static void clock_text(char *buf, size_t n, int64_t seconds)
{
    if (seconds < 0)
        seconds = 0;
    if (seconds >= 3600)
        snprintf(buf, n, "%d:%02d:%02d", (int)(seconds / 3600), (int)(seconds / 60 % 60),
                 (int)(seconds % 60));
    else
        snprintf(buf, n, "%d:%02d", (int)(seconds / 60), (int)(seconds % 60));
}

static int minutes_over(int64_t over)
{
    return (int)((over + 59) / 60);
}

/* The agenda's clocks, shortest wording first when the line is narrow: the current area
 * against its plan (over-time in words and colour), the total, the areas left. */
static void render_clocks(struct app *a, struct grid *g, int y, int w)
{
    struct agenda_clock c;
    ops_agenda_clock(a->w, a->area, &c);
    const struct area *ar = &a->w->bank->areas[a->area];
    char spent[32], total[32], t[3][200];
    clock_text(spent, sizeof spent, c.area_spent);
    clock_text(total, sizeof total, c.total_spent);
    grid_fill(g, 0, y, w, " ", R_NORMAL);
    for (int tier = 0; tier < 4; tier++) {
        const char *name = tier == 0 || !ar->short_name ? ar->name : ar->short_name;
        if (c.area_minutes)
            tui_msg_format(t[0], sizeof t[0], tier < 3 ? M_TUI_CLOCK_AREA : M_TUI_CLOCK_AREA_SHORT,
                           name, spent, c.area_minutes);
        else
            tui_msg_format(t[0], sizeof t[0], M_TUI_CLOCK_AREA_NOPLAN, name, spent);
        if (c.area_over) {
            char over[64];
            tui_msg_format(over, sizeof over, M_TUI_CLOCK_OVER, minutes_over(c.area_over));
            size_t len = strlen(t[0]);
            snprintf(t[0] + len, sizeof t[0] - len, ", %s", over);
        }
        tui_msg_format(t[1], sizeof t[1],
                       c.total_over ? (tier < 3 ? M_TUI_CLOCK_TOTAL_OVER : M_TUI_CLOCK_SHORT_OVER)
                                    : (tier < 3 ? M_TUI_CLOCK_TOTAL : M_TUI_CLOCK_TOTAL_SHORT),
                       total, c.total_minutes, minutes_over(c.total_over));
        if (!c.areas_left)
            snprintf(t[2], sizeof t[2], "%s", tui_msg(M_TUI_CLOCK_NONE_LEFT));
        else if (tier == 3)
            tui_msg_format(t[2], sizeof t[2], M_TUI_CLOCK_LEFT_TINY, c.areas_left);
        else if (c.areas_left == 1)
            tui_msg_format(t[2], sizeof t[2], M_TUI_CLOCK_LEFT_ONE, c.left_minutes);
        else
            tui_msg_format(t[2], sizeof t[2], tier == 2 ? M_TUI_CLOCK_LEFT_SHORT : M_TUI_CLOCK_LEFT,
                           c.areas_left, c.left_minutes);
        if (text_width(t[0]) + text_width(t[1]) + text_width(t[2]) + 8 <= w)
            break;
    }
    const char *sep = theme_glyphs(g->utf8)->bullet;
    int x = 1;
    for (int i = 0; i < 3; i++) {
        if (i) {
            x += grid_put(g, x, y, w - x, " ", R_DIM);
            x += grid_put(g, x, y, w - x, sep, R_DIM);
            x += grid_put(g, x, y, w - x, " ", R_DIM);
        }
        int over = (i == 0 && c.area_over) || (i == 1 && c.total_over);
        x += grid_put_cut(g, x, y, w - x - 1, t[i], over ? R_WARN : i == 0 ? R_TITLE : R_NORMAL);
    }
}

void main_layout(const struct app *a, struct layout *l)
{
    struct agenda_clock c;
    ops_agenda_clock(a->w, a->area, &c);
    layout_main_clock(l, a->cols, a->rows, a->w->bank->n_areas, c.planned);
}

static void render_header(struct app *a, struct grid *g, const struct layout *l)
{
    const struct bank *b = a->w->bank;
    const struct session *s = a->w->ses;
    int w = l->header.w;
    /* line 1: who and what, and the overall level */
    grid_fill(g, 0, 0, w, " ", R_HEADER);
    struct sbuf left, right;
    sbuf_init(&left);
    sbuf_init(&right);
    sbuf_addf(&left, "%s %s %s %s %s", s->organisation, theme_glyphs(g->utf8)->bullet, b->name,
              theme_glyphs(g->utf8)->bullet, s->date);
    fmt_level(&right, b, a->w->sc.level, a->w->sc.value, FMT_LEVEL_TITLE);
    const char *lt = left.p ? left.p : "", *rt = right.p ? right.p : "";
    int avail = w - 3, lw = text_width(lt), rw = text_width(rt);
    if (lw + rw > avail) {
        int rmax = avail * 55 / 100;
        if (rw > rmax && lw > avail - rmax)
            rw = rmax;
        else if (rw > avail - lw)
            rw = avail - lw;
        lw = avail - rw;
    }
    grid_put_cut(g, 1, 0, lw, lt, R_HEADER);
    int used = grid_put_cut(g, w - 1 - rw, 0, rw, rt, R_HEADER);
    (void)used;
    sbuf_free(&left);
    sbuf_free(&right);

    /* line 2: progress, counts and the blockers */
    struct seg sg[6];
    int n = 0;
    int bar = w >= 110 ? 24 : w >= 90 ? 16 : 10;
    char btext[96];
    int nb = a->w->sc.n_blockers;
    if (nb)
        tui_msg_format(btext, sizeof btext, M_TUI_BLOCKERS, nb, a->w->sc.blockers[0].level);
    else
        snprintf(btext, sizeof btext, "%s", tui_msg(M_TUI_NO_BLOCKERS));
    int bw = text_width(btext) + (nb ? 2 : 0);
    for (int tier = 0; tier < 3; tier++) {
        header_segments(a, sg, &n, tier, bar);
        if (tier == 1 && nb) {
            tui_msg_format(btext, sizeof btext, M_TUI_BLOCKERS_SHORT, nb);
            bw = text_width(btext) + 2;
        }
        if (segs_width(sg, n) + bw + 3 <= w - 2)
            break;
    }
    while (n > 1 && segs_width(sg, n) + bw + 3 > w - 2)
        n--;
    int x = 1, y = 1;
    char sep[16];
    snprintf(sep, sizeof sep, " %s ", theme_glyphs(g->utf8)->bullet);
    for (int i = 0; i < n; i++) {
        if (i)
            x += grid_put(g, x, y, 3, i == 1 && sg[0].bar && sg[1].role == R_DIM ? "   " : sep,
                          R_DIM);
        x += grid_put(g, x, y, w - x, sg[i].text, sg[i].role);
        if (sg[i].bar) {
            x++;
            grid_bar(g, x, y, sg[i].bar, sg[i].frac, R_BAR, R_BAR_BG);
            x += sg[i].bar;
        }
    }
    x += grid_put(g, x, y, 3, sep, R_DIM);
    if (a->w->sc.n_blockers) {
        x += grid_put(g, x, y, 2, theme_glyphs(g->utf8)->blocker, R_BLOCKER);
        x += grid_put(g, x, y, 1, " ", R_BLOCKER);
    }
    grid_put_cut(g, x, y, w - x - 1, btext, a->w->sc.n_blockers ? R_BLOCKER : R_DONE);
    if (l->header.h > 2)
        render_clocks(a, g, 2, w);
}

/* --- the left column --- */

static void render_areas(struct app *a, struct grid *g, const struct rect *r, int focused)
{
    const struct bank *b = a->w->bank;
    const struct glyphs *gl = theme_glyphs(g->utf8);
    grid_put_cut(g, r->x + 1, r->y, r->w - 2, tui_msg(M_TUI_AREAS), R_TITLE);
    int rows = r->h - 1, top = list_top(a->area, b->n_areas, rows);
    int scale = b->kind == BANK_SCALE;
    int bw = r->w >= 40 ? 10 : r->w >= 32 ? 8 : 5;
    int most = 1;
    for (int ai = 0; ai < b->n_areas; ai++)
        if (a->w->sc.areas[ai].questions > most)
            most = a->w->sc.areas[ai].questions;
    int digits = most >= 100 ? 3 : most >= 10 ? 2 : 1;
    int lvw = scale ? 3 : 1, answ = 2 * digits + 1;
    int rightw = bw + 1 + lvw + 1 + answ + 1;
    int namew = r->w - 1 - rightw - 1;
    for (int row = 0; row < rows && top + row < b->n_areas; row++) {
        int ai = top + row, y = r->y + 1 + row;
        const struct area_score *as = &a->w->sc.areas[ai];
        int sel = ai == a->area;
        int role = sel ? (focused ? R_SELECTED : R_CURRENT) : R_NORMAL;
        grid_fill(g, r->x, y, namew + 2, " ", role);
        if (sel)
            grid_put(g, r->x, y, 1, gl->pointer, role);
        grid_put_cut(g, r->x + 1, y, namew, area_label(&b->areas[ai], namew), role);
        int x = r->x + 1 + namew + 1;
        double frac = b->n_levels && as->scored ? as->value / b->n_levels : 0;
        grid_bar(g, x, y, bw, frac, R_BAR, R_BAR_BG);
        x += bw + 1;
        struct sbuf t;
        sbuf_init(&t);
        if (!as->scored) /* only validation questions: the area has no level */
            sbuf_add(&t, "-");
        else
            fmt_level(&t, b, as->level, as->value, FMT_LEVEL_BRIEF);
        grid_put(g, x + lvw - text_width(t.p ? t.p : ""), y, lvw, t.p ? t.p : "", R_NORMAL);
        sbuf_reset(&t);
        x += lvw + 1;
        sbuf_addf(&t, "%d/%d", as->answered, as->questions);
        grid_put(g, x + answ - text_width(t.p ? t.p : ""), y, answ, t.p ? t.p : "",
                 as->answered == as->questions ? R_DONE : R_DIM);
        sbuf_free(&t);
        x += answ;
        if (as->blockers)
            grid_put(g, x, y, 1, gl->blocker, R_BLOCKER);
    }
    if (top > 0)
        grid_put(g, r->x + r->w - 1, r->y, 1, gl->more_up, R_DIM);
    if (top + rows < b->n_areas)
        grid_put(g, r->x + r->w - 1, r->y + r->h - 1, 1, gl->more_down, R_DIM);
}

static void render_questions(struct app *a, struct grid *g, const struct rect *r, int focused)
{
    const struct bank *b = a->w->bank;
    const struct glyphs *gl = theme_glyphs(g->utf8);
    if (r->h < 2)
        return;
    struct sbuf t;
    sbuf_init(&t);
    sbuf_addf(&t, "%s %s %s", tui_msg(M_TUI_QUESTIONS), gl->bullet,
              area_label(&b->areas[a->area], r->w - 12));
    grid_put_cut(g, r->x + 1, r->y, r->w - 2, t.p ? t.p : "", R_TITLE);
    sbuf_free(&t);
    int first, n;
    app_area_questions(a, a->area, &first, &n);
    int cur = a->walk_pos[a->q] - first;
    int rows = r->h - 1, top = list_top(cur, n, rows);
    struct main_cache *c = cache_of(a, g);
    const char **labels = NULL;
    for (int row = 0; row < rows && top + row < n; row++) {
        int qi = a->walk[first + top + row], y = r->y + 1 + row;
        const struct question *q = &b->questions[qi];
        const struct answer *ans = &a->w->ses->answers[qi];
        int sel = qi == a->q;
        int blk = blocker_of(a, qi) != NULL;
        int role = sel ? (focused ? R_SELECTED : R_CURRENT) : R_NORMAL;
        grid_fill(g, r->x, y, r->w - 1, " ", role);
        if (sel)
            grid_put(g, r->x, y, 1, gl->pointer, role);
        char num[16];
        snprintf(num, sizeof num, "%3d", q->number);
        grid_put(g, r->x + 1, y, 3, num, blk && !sel ? R_BLOCKER : role);
        if (ans->answered)
            grid_put(g, r->x + 5, y, 1, gl->answered, sel ? role : R_DONE);
        /* labels that would be cut to the same words are cut in the middle instead; made
         * once per width (the labels of an area are the bank's) */
        struct q_shown *qs = c ? &c->q[qi] : NULL;
        if (qs && (!qs->label || qs->label_w != r->w - 7 - 2)) {
            if (!labels && (labels = calloc((size_t)n, sizeof *labels)))
                for (int i = 0; i < n; i++)
                    labels[i] = question_label(&b->questions[a->walk[first + i]]);
            struct sbuf lt;
            sbuf_init(&lt);
            label_fit(&lt, question_label(q), labels, labels ? n : 0, r->w - 7 - 2, g->utf8);
            free(qs->label);
            qs->label = lt.oom ? NULL : text_sanitize_dup(lt.p ? lt.p : "", 0);
            qs->label_w = r->w - 7 - 2;
            sbuf_free(&lt);
        }
        grid_put_cut(g, r->x + 7, y, r->w - 7 - 2, qs && qs->label ? qs->label : "", role);
        if (blk)
            grid_put(g, r->x + r->w - 2, y, 1, gl->blocker, R_BLOCKER);
        else if (ans->parked)
            grid_put(g, r->x + r->w - 2, y, 1, "P", R_CURRENT);
    }
    free(labels);
    if (top > 0)
        grid_put(g, r->x + r->w - 1, r->y + 1, 1, gl->more_up, R_DIM);
    if (top + rows < n)
        grid_put(g, r->x + r->w - 1, r->y + r->h - 1, 1, gl->more_down, R_DIM);
}

/* Draw text t wrapped to w, at most max lines; returns the lines drawn, and all its lines in
 * *total. */
static int draw_shown(struct grid *g, int x, int y, int w, int max, struct wrapped *t, int role,
                      int *total)
{
    const struct wrap *wr = t && t->text ? wrapped_lines(t, w) : NULL;
    int drawn = 0;
    if (wr) {
        for (int i = 0; i < wr->n && drawn < max; i++, drawn++)
            grid_putn(g, x, y + drawn, w, t->text + wr->v[i].start, wr->v[i].len, role);
        if (drawn < wr->n && drawn > 0) /* cut: say so on the last line shown */
            grid_put(g, x + w - 1, y + drawn - 1, 1, theme_glyphs(g->utf8)->ellipsis, R_DIM);
    }
    if (total)
        *total = wr ? wr->n : 0;
    return drawn;
}

/* The width of line `line` (1-based, or the last) of t wrapped to w. */
static int last_line_width(struct wrapped *t, int w, int line)
{
    const struct wrap *wr = t && t->text ? wrapped_lines(t, w) : NULL;
    if (!wr || !wr->n)
        return 0;
    return wr->v[(line < wr->n ? line : wr->n) - 1].width;
}

static void option_text(struct sbuf *o, const struct question *q, int i)
{
    const struct option *op = &q->options[i];
    char *clean = text_sanitize_dup(op->text ? op->text : "", 0);
    sbuf_add(o, clean ? clean : "");
    free(clean);
    char t[48];
    if (op->points_milli >= 0) {
        struct sbuf p;
        sbuf_init(&p);
        fmt_points(&p, op->points_milli);
        tui_msg_format(t, sizeof t, M_TUI_OPT_POINTS, p.p ? p.p : "0");
        sbuf_addf(o, " %s", t);
        sbuf_free(&p);
    } else if (q->type == QTYPE_MULTI && op->actions != 1) {
        tui_msg_format(t, sizeof t, M_TUI_OPT_ACTIONS, op->actions);
        sbuf_addf(o, " %s", t);
    }
}

/* What the room decided, for the title line: agreed, disputed (dissent not agreed), a
 * reservation (dissent and agreed), parked. */
static void decision_marks(const struct answer *ans, char *buf, size_t n)
{
    buf[0] = '\0';
    size_t len = 0;
    if (ans->agreed && !ans->n_dissent)
        len += (size_t)snprintf(buf + len, n - len, " · %s", tui_msg(M_TUI_MARK_AGREED));
    else if (ans->n_dissent && len < n) {
        char t[64];
        tui_msg_format(t, sizeof t, ans->agreed ? M_TUI_MARK_RESERVED : M_TUI_MARK_DISPUTED,
                       ans->n_dissent);
        len += (size_t)snprintf(buf + len, n - len, " · %s", t);
    }
    if (ans->parked && len < n)
        snprintf(buf + len, n - len, " · %s", tui_msg(M_TUI_MARK_PARKED));
}

/* The title line: number, section, type, points; on the right whether it is answered and what
 * the room decided. */
static void question_title(struct app *a, struct grid *g, int x, int y, int w)
{
    const struct question *q = &a->w->bank->questions[a->q];
    const struct answer *ans = &a->w->ses->answers[a->q];
    const struct glyphs *gl = theme_glyphs(g->utf8);
    struct sbuf t;
    sbuf_init(&t);
    char part[64];
    tui_msg_format(part, sizeof part, M_TUI_QHEAD, q->number);
    sbuf_add(&t, part);
    tui_msg_format(part, sizeof part, M_TUI_SECTION, q->section);
    sbuf_addf(&t, " %s %s %s %s", gl->bullet, part, gl->bullet,
              tui_msg(q->type == QTYPE_MULTI    ? M_TUI_TYPE_MULTI
                      : q->type == QTYPE_SINGLE ? M_TUI_TYPE_SINGLE
                                                : M_TUI_TYPE_SCALE));
    if (q->scored && q->points_milli > 0) {
        struct sbuf p;
        sbuf_init(&p);
        fmt_points(&p, q->points_milli);
        tui_msg_format(part, sizeof part, M_TUI_QPOINTS, p.p ? p.p : "0");
        sbuf_addf(&t, " %s %s", gl->bullet, part);
        sbuf_free(&p);
    }
    char all[160];
    decision_marks(ans, all, sizeof all);
    /* beside the tick alone the first separator goes: "✓ överens" */
    const char *marks = ans->answered && all[0] ? all + strlen(" · ") - 1 : all;
    int mw = text_width(marks);
    /* with what was decided beside it, an answered question keeps only its tick */
    const char *state = ans->answered && mw ? ""
                        : tui_msg(ans->answered ? M_TUI_ANSWERED_MARK : M_TUI_NOT_DISCUSSED);
    int sw = text_width(state) + (ans->answered && *state ? 2 : ans->answered) + mw;
    grid_put_cut(g, x, y, w - sw - 1, t.p ? t.p : "", R_TITLE);
    int sx = x + w - sw;
    if (ans->answered) {
        grid_put(g, sx, y, 1, gl->answered, R_DONE);
        grid_put(g, sx + 2, y, sw, state, R_DONE);
    } else {
        grid_put(g, sx, y, sw, state, R_DIM);
    }
    if (mw)
        grid_put(g, x + w - mw, y, mw, marks,
                 answer_disputed(ans) ? R_BLOCKER : ans->agreed ? R_DONE : R_CURRENT);
    sbuf_free(&t);
}

/* The question's text with the measurement period beside "de senaste två åren". */
static char *question_text(const struct app *a, const struct question *q)
{
    const struct session *s = a->w->ses;
    char *t = fmt_period_text(q->text, s->period_from, s->period_to);
    return t ? t : text_dup(q->text ? q->text : "");
}

/* The question's text, the rules it feeds in words and what it lacks as a blocker, in the
 * rows above the options; returns the next row. The facilitator's help is a key away (i). */
static int question_body(struct app *a, struct grid *g, int x, int y, int w, int bottom)
{
    const struct bank *b = a->w->bank;
    const struct question *q = &b->questions[a->q];
    const struct glyphs *gl = theme_glyphs(g->utf8);
    struct main_cache *c = cache_of(a, g);
    struct wrapped *rules = c ? shown_rules(c, a->q) : NULL;
    struct wrapped miss;
    wrapped_init(&miss);
    const struct blocker *bl = blocker_of(a, a->q);
    if (bl) {
        struct sbuf t, line2;
        sbuf_init(&t);
        sbuf_init(&line2);
        score_missing_text(&t, q, &bl->missing);
        char line[512];
        tui_msg_format(line, sizeof line, M_TUI_BLOCKS, bl->level, t.p ? t.p : "");
        sbuf_addf(&line2, "%s %s", gl->blocker, line);
        wrapped_set(&miss, line2.oom ? NULL : line2.p, 1);
        sbuf_free(&t);
        sbuf_free(&line2);
    }
    /* the rules and a blocker line are kept; the text gets what is left above the options */
    char hint[64], ikey[16];
    keymap_action_key(A_INFO, g->utf8, ikey, sizeof ikey);
    tui_msg_format(hint, sizeof hint, M_TUI_HELP_HINT, ikey);
    int has_help = q->help && q->help[0], hint_w = text_width(hint);
    int rule_lines = rules && rules->len ? shown_lines(rules, w) : 0;
    rule_lines = rule_lines > 3 ? 3 : rule_lines;
    /* the help's hint rides at the end of the rules' last line, or on a line of its own */
    int last_w = rule_lines ? last_line_width(rules, w, rule_lines) : w;
    int hint_line = has_help && last_w + 2 + hint_w > w;
    int miss_lines = bl ? shown_lines(&miss, w) : 0;
    miss_lines = miss_lines > 2 ? 2 : miss_lines;
    int min_opts = q->n_options < 4 ? q->n_options : 4;
    int text_room = bottom - y - rule_lines - hint_line - miss_lines - min_opts - 1;
    y += draw_shown(g, x, y, w, text_room < 1 ? 1 : text_room, c ? shown_text(a, c, a->q) : NULL,
                    R_NORMAL, NULL);
    if (rule_lines && y < bottom)
        y += draw_shown(g, x, y, w, rule_lines, rules, R_DIM, NULL);
    if (has_help && y - !hint_line < bottom) {
        if (hint_line)
            y++;
        grid_put(g, x + w - hint_w, y - 1, hint_w, hint, R_DIM);
    }
    if (bl && y < bottom)
        y += draw_shown(g, x, y, w, miss_lines, &miss, R_BLOCKER, NULL);
    wrapped_free(&miss);
    return y < bottom - min_opts ? y + 1 : y;
}

/* One option from row oy: a box or a round button, its number, its text wrapped under
 * itself; returns the next row. */
static int option_rows(struct app *a, struct grid *g, int i, int x, int oy, int w, int bottom,
                       int focused)
{
    struct main_state *m = ms(a);
    const struct bank *b = a->w->bank;
    const struct question *q = &b->questions[a->q];
    const struct answer *ans = &a->w->ses->answers[a->q];
    const struct glyphs *gl = theme_glyphs(g->utf8);
    const struct blocker *bl = blocker_of(a, a->q);
    int indent = 4 + 3 + 1, tw = w - indent - 1; /* pointer, box, space, "NN " */
    int on = q->type == QTYPE_MULTI ? (ans->answered && (ans->ticks & (1ULL << i)))
                                    : (ans->answered && ans->choice == i + 1);
    int sel = i == m->opt;
    int role = sel ? (focused ? R_SELECTED : R_CURRENT) : R_NORMAL;
    int need = b->kind != BANK_SCALE && q->scored && !on && bl &&
               (bl->missing.need_options & (1ULL << i));
    struct main_cache *c = cache_of(a, g);
    struct wrapped *opts = c ? shown_options(c, a->q) : NULL;
    const struct wrap *wp = opts && opts[i].text ? wrapped_lines(&opts[i], tw) : NULL;
    if (!wp)
        return oy;
    const struct wrap wr = *wp;
    const char *s = opts[i].text;
    for (int k = 0; k < wr.n && oy < bottom; k++, oy++) {
        grid_fill(g, x, oy, w, " ", role);
        if (k == 0) {
            if (sel)
                grid_put(g, x, oy, 1, gl->pointer, role);
            const char *box = q->type == QTYPE_MULTI ? (on ? gl->check_on : gl->check_off)
                                                     : (on ? gl->radio_on : gl->radio_off);
            grid_put(g, x + 1, oy, 3, box, on && !sel ? R_DONE : role);
            char num[16];
            snprintf(num, sizeof num, "%2d", i + 1);
            grid_put(g, x + 5, oy, 2, num, need && !sel ? R_BLOCKER : role);
        }
        grid_putn(g, x + indent, oy, tw, s + wr.v[k].start, wr.v[k].len, role);
    }
    return oy;
}

/* The options from row y: the cursor's option and as many before it as fit, scroll marks. */
static void render_options(struct app *a, struct grid *g, int x, int y, int w, int bottom,
                           int focused)
{
    struct main_state *m = ms(a);
    const struct question *q = &a->w->bank->questions[a->q];
    const struct glyphs *gl = theme_glyphs(g->utf8);
    int rows = bottom - y, tw = w - (4 + 3 + 1) - 1;
    if (rows <= 0)
        return;
    int *lines = calloc((size_t)q->n_options + 1, sizeof *lines);
    if (!lines)
        return;
    struct main_cache *c = cache_of(a, g);
    struct wrapped *opts = c ? shown_options(c, a->q) : NULL;
    for (int i = 0; i < q->n_options; i++)
        lines[i] = shown_lines(opts ? &opts[i] : NULL, tw);
    int first = 0, used = 0;
    for (int i = 0; i <= m->opt && i < q->n_options; i++)
        used += lines[i];
    while (used > rows && first < m->opt)
        used -= lines[first++];
    int oy = y;
    for (int i = first; i < q->n_options && oy < bottom; i++)
        oy = option_rows(a, g, i, x, oy, w, bottom, focused);
    if (first > 0)
        grid_put(g, x + w, y, 1, gl->more_up, R_DIM);
    if (oy >= bottom && first < q->n_options) {
        int last_shown = first, acc = 0;
        for (int i = first; i < q->n_options; i++) {
            acc += lines[i];
            if (acc > rows)
                break;
            last_shown = i;
        }
        if (last_shown < q->n_options - 1)
            grid_put(g, x + w, bottom - 1, 1, gl->more_down, R_DIM);
    }
    free(lines);
}

static void render_question(struct app *a, struct grid *g, const struct rect *r, int focused)
{
    int x = r->x + 1, w = r->w - 2, bottom = r->y + r->h;
    if (w < 10)
        return;
    question_title(a, g, x, r->y, w);
    int y = question_body(a, g, x, r->y + 1, w, bottom);
    render_options(a, g, x, y, w, bottom, focused);
}

/* --- the record: note, evidence, flags --- */

static void render_record(struct app *a, struct grid *g, const struct layout *l, int focused)
{
    struct main_state *m = ms(a);
    const struct rect *r = &l->record;
    const struct answer *ans = &a->w->ses->answers[a->q];
    const struct glyphs *gl = theme_glyphs(g->utf8);
    int x = r->x + 1, w = r->w - 2, y = r->y;
    /* the border line with the title and the two flags */
    grid_put(g, l->sep_x, y, 1, gl->tee_right, R_BORDER);
    grid_fill(g, r->x, y, r->w, gl->hline, R_BORDER);
    int tx = x + grid_put(g, x, y, 1, " ", R_BORDER);
    tx += grid_put(g, tx, y, w, tui_msg(M_TUI_NOTE), R_TITLE);
    grid_put(g, tx, y, 1, " ", R_BORDER);
    struct sbuf f;
    sbuf_init(&f);
    char dk[16], fk[16];
    keymap_action_key(A_DOCUMENTED, g->utf8, dk, sizeof dk);
    keymap_action_key(A_FOLLOWUP, g->utf8, fk, sizeof fk);
    for (int keys = 1; keys >= 0; keys--) {
        char t1[96], t2[96];
        snprintf(t1, sizeof t1, " %s %s%s%s%s ", ans->documented ? gl->check_on : gl->check_off,
                 tui_msg(M_TUI_DOCUMENTED), keys ? " (" : "", keys ? dk : "", keys ? ")" : "");
        snprintf(t2, sizeof t2, " %s %s%s%s%s ", ans->followup ? gl->check_on : gl->check_off,
                 tui_msg(M_TUI_FOLLOWUP), keys ? " (" : "", keys ? fk : "", keys ? ")" : "");
        int fw1 = text_width(t1), fw2 = text_width(t2);
        int fx = r->x + r->w - fw1 - fw2 - 1;
        if (fx > tx + 2 || !keys) {
            if (fx <= tx) /* no room for the title: the flags matter more */
                grid_fill(g, r->x, y, r->w, gl->hline, R_BORDER);
            grid_put(g, fx, y, fw1, t1, ans->documented ? R_DONE : R_NORMAL);
            grid_put(g, fx + fw1, y, fw2, t2, ans->followup ? R_DONE : R_NORMAL);
            break;
        }
    }
    sbuf_free(&f);
    y++;
    int bottom = r->y + r->h;
    int avail = bottom - y;
    if (avail <= 0)
        return;
    int n_ev = ans->n_evidence, n_items = n_ev + 1 + ans->n_dissent;
    int ev_lines = n_items; /* the references, the "add" line, the dissent entries */
    if (ev_lines > avail - 1)
        ev_lines = avail - 1 > 1 ? avail - 1 : 1;
    int note_room = avail - ev_lines;
    if (note_room < 1)
        note_room = 1;
    /* the note */
    int note_sel = focused && m->rec == 0;
    if (ans->note && ans->note[0]) {
        struct main_cache *c = cache_of(a, g);
        draw_shown(g, x, y, w, note_room, c ? shown_note(a, c, a->q) : NULL,
                   note_sel ? R_SELECTED : R_NORMAL, NULL);
    } else {
        grid_put_cut(g, x, y, w, tui_msg(M_TUI_NOTE_NONE), note_sel ? R_SELECTED : R_DIM);
    }
    y += note_room;
    /* evidence references, one line each, the "add" line, then what the dissenters said */
    const char *label = tui_msg(M_TUI_EVIDENCE), *dlabel = tui_msg(M_TUI_DISSENT);
    int lw = text_width(label) + 2, dw = text_width(dlabel) + 2;
    lw = ans->n_dissent && dw > lw ? dw : lw;
    int top = 0, shown = ev_lines;
    int cur_item = focused && m->rec >= 1 ? m->rec - 1 : 0; /* 0..n_items - 1 */
    if (n_items > shown)
        top = list_top(cur_item, n_items, shown);
    for (int row = 0; row < shown && y < bottom; row++, y++) {
        int k = top + row;
        if (row == 0 && k <= n_ev)
            grid_put(g, x, y, lw, label, R_TITLE);
        if (k == n_ev + 1 || (row == 0 && k > n_ev))
            grid_put(g, x, y, lw, dlabel, R_BLOCKER);
        int sel = focused && m->rec == k + 1;
        int role = sel ? R_SELECTED : R_NORMAL;
        if (k < n_ev) {
            char num[16];
            snprintf(num, sizeof num, "%d) ", k + 1);
            grid_fill(g, x + lw, y, w - lw, " ", role);
            int nw = grid_put(g, x + lw, y, 6, num, role);
            char *clean = text_sanitize_dup(ans->evidence[k], 0);
            grid_put_cut(g, x + lw + nw, y, w - lw - nw, clean ? clean : "", role);
            free(clean);
        } else if (k == n_ev) {
            grid_put_cut(g, x + lw, y, w - lw, tui_msg(M_TUI_EVIDENCE_ADD),
                         sel ? R_SELECTED : R_DIM);
        } else if (k - n_ev - 1 < ans->n_dissent) {
            const struct dissent *e = &ans->dissent[k - n_ev - 1];
            struct sbuf t;
            sbuf_init(&t);
            sbuf_addf(&t, "%d) %s: %s", k - n_ev, e->who, e->view);
            char *clean = text_sanitize_dup(t.p ? t.p : "", 0);
            grid_fill(g, x + lw, y, w - lw, " ", role);
            grid_put_cut(g, x + lw, y, w - lw, clean ? clean : "", role);
            free(clean);
            sbuf_free(&t);
        }
    }
}


static void render_frame(struct grid *g, const struct layout *l)
{
    const struct glyphs *gl = theme_glyphs(g->utf8);
    grid_fill(g, 0, l->rule_y, l->cols, gl->hline, R_BORDER);
    grid_put(g, l->sep_x, l->rule_y, 1, gl->tee_down, R_BORDER);
    for (int y = l->rule_y + 1; y < l->status.y; y++)
        grid_put(g, l->sep_x, y, 1, gl->vline, R_BORDER);
}

static const struct hint main_hints[] = {
    {A_HELP, M_TH_HELP},           {A_TICK, M_TH_TICK}, {A_NOTE, M_TH_NOTE},
    {A_ADD_EVIDENCE, M_TH_EVIDENCE}, {A_UNDO, M_TH_UNDO}, {A_ROOM, M_TH_ROOM},
    {A_NEXT_BLOCKER, M_TH_BLOCKER}, {A_PLAN, M_TH_PLAN}, {A_QUIT, M_TH_QUIT},
    {A_DOCUMENTED, M_TH_DOCUMENTED}, {A_NONE, M_TUI_NONE}};
static const struct hint record_hints[] = {
    {A_EDIT_ITEM, M_TH_EDIT},       {A_REMOVE_ITEM, M_TH_REMOVE}, {A_ADD_EVIDENCE, M_TH_EVIDENCE},
    {A_NOTE, M_TH_NOTE},            {A_BACK, M_TH_BACK},          {A_HELP, M_TH_HELP},
    {A_NONE, M_TUI_NONE}};

/* Rows the record needs: its border, the note (at least a line), each reference and the
 * "add" line. A short record lends the rest of its pane to the options above it. */
static int record_need(struct app *a, const struct grid *g, int w)
{
    const struct answer *ans = &a->w->ses->answers[a->q];
    struct main_cache *c = ans->note && ans->note[0] ? cache_of(a, g) : NULL;
    int note = ans->note && ans->note[0] ? shown_lines(c ? shown_note(a, c, a->q) : NULL, w - 2) : 1;
    return 1 + note + ans->n_evidence + 1 + ans->n_dissent;
}

/* area, q: the area and question the pane shows (-1: none), cursor its own cursor. */
static void pane_key(struct pane_key *k, const struct app *a, const struct rect *r, int focused,
                     int area, int q, int cursor)
{
    k->r = *r;
    k->focused = focused;
    k->area = area;
    k->q = q;
    k->cursor = cursor;
    k->rev = a->w->rev;
}

/* The keys of what the frame shows (zeroed first: compared with memcmp). */
static void main_keys(struct app *a, const struct layout *l, int note, struct main_drawn *k)
{
    const struct main_state *m = a->state[SCR_MAIN];
    memset(k, 0, sizeof *k);
    int clocks = l->header.h > 2; /* the agenda's clocks are the current area's */
    pane_key(&k->header, a, &l->header, 0, clocks ? a->area : -1, -1, 0);
    if (clocks)
        ops_agenda_clock(a->w, a->area, &k->header.clock);
    k->frame = *l;
    pane_key(&k->areas, a, &l->areas, m->pane == PANE_AREAS && !note, a->area, -1, 0);
    pane_key(&k->questions, a, &l->questions, m->pane == PANE_QUESTIONS && !note, a->area, a->q,
             0);
    pane_key(&k->question, a, &l->question, m->pane == PANE_OPTIONS && !note, -1, a->q, m->opt);
    pane_key(&k->record, a, &l->record, m->pane == PANE_RECORD && !note, -1, a->q, m->rec);
}

/* Every pane whose key changed is cleared and drawn again; the status line always is. The
 * curses adapter then sends the terminal only the cells that differ. */
static void main_render(struct app *a, struct grid *g)
{
    struct main_state *m = ms(a);
    struct layout l;
    main_layout(a, &l);
    int need = record_need(a, g, l.record.w);
    if (need < 4)
        need = 4;
    if (need < l.record.h) {
        int spare = l.record.h - need;
        l.record.y += spare;
        l.record.h -= spare;
        l.question.h += spare;
    }
    int note = app_top(a) == SCR_NOTE;
    struct main_cache *c = cache_of(a, g);
    struct main_drawn now;
    main_keys(a, &l, note, &now);
    int all = a->repaint || !c || !c->drawn_valid || c->status_rows > 1;
    if (all && !a->repaint)
        grid_clear(g);
#define CHANGED(pane) (all || memcmp(&now.pane, &c->drawn.pane, sizeof now.pane) != 0)
#define REDRAW(pane) (CHANGED(pane) && (grid_blank(g, now.pane.r.x, now.pane.r.y, now.pane.r.w, \
                                                   now.pane.r.h), 1))
    if (REDRAW(header))
        render_header(a, g, &l);
    int frame = CHANGED(frame);
    if (frame)
        render_frame(g, &l);
    if (REDRAW(areas))
        render_areas(a, g, &l.areas, now.areas.focused);
    if (REDRAW(questions))
        render_questions(a, g, &l.questions, now.questions.focused);
    if (REDRAW(question))
        render_question(a, g, &l.question, now.question.focused);
    /* the record's tee sits on the frame's rule */
    if ((frame && (grid_blank(g, l.record.x, l.record.y, l.record.w, l.record.h), 1)) ||
        REDRAW(record))
        render_record(a, g, &l, now.record.focused);
#undef REDRAW
#undef CHANGED
    int rows = draw_status(a, g, m->pane == PANE_RECORD ? record_hints : main_hints);
    if (c) {
        c->drawn = now;
        c->drawn_valid = 1;
        c->status_rows = rows;
    }
}

/* --- keys --- */

static void goto_area(struct app *a, int ai)
{
    const struct bank *b = a->w->bank;
    int step = ai < a->area ? -1 : 1;
    while (ai >= 0 && ai < b->n_areas && a->area_n[ai] == 0)
        ai += step;
    if (ai < 0 || ai >= b->n_areas)
        return;
    app_goto(a, a->walk[a->area_first[ai]]);
}

static int clampi(int v, int lo, int hi)
{
    return v < lo ? lo : v > hi ? hi : v;
}

/* Move within the focused pane by delta (a large delta goes to the end). */
static void move(struct app *a, int delta)
{
    struct main_state *m = ms(a);
    const struct bank *b = a->w->bank;
    int first, n;
    switch (m->pane) {
    case PANE_AREAS:
        goto_area(a, clampi(a->area + delta, 0, b->n_areas - 1));
        break;
    case PANE_QUESTIONS:
        app_area_questions(a, a->area, &first, &n);
        if (n)
            app_goto(a, a->walk[first + clampi(a->walk_pos[a->q] - first + delta, 0, n - 1)]);
        break;
    case PANE_OPTIONS:
        m->opt = clampi(m->opt + delta, 0, b->questions[a->q].n_options - 1);
        break;
    case PANE_RECORD: {
        const struct answer *ans = &a->w->ses->answers[a->q];
        m->rec = clampi(m->rec + delta, 0, ans->n_evidence + 1 + ans->n_dissent);
        break;
    }
    case PANE_COUNT: break;
    }
}

static int page_size(const struct app *a)
{
    const struct main_state *m = a->state[SCR_MAIN];
    struct layout l;
    main_layout(a, &l);
    const struct rect *r = m->pane == PANE_AREAS       ? &l.areas
                           : m->pane == PANE_QUESTIONS ? &l.questions
                           : m->pane == PANE_RECORD    ? &l.record
                                                       : &l.question;
    return r->h > 3 ? r->h - 2 : 1;
}

static void next_unanswered(struct app *a)
{
    int nq = a->w->bank->n_questions, pos = a->walk_pos[a->q];
    for (int k = 1; k <= nq; k++) {
        int qi = a->walk[(pos + k) % nq];
        if (!a->w->ses->answers[qi].answered) {
            app_goto(a, qi);
            return;
        }
    }
    app_message_id(a, R_NORMAL, M_TUI_ALL_ANSWERED);
}

static void next_blocker(struct app *a, int dir)
{
    int n = a->w->have_score ? a->w->sc.n_blockers : 0;
    if (!n) {
        app_message_id(a, R_NORMAL, M_TUI_NO_BLOCKER);
        return;
    }
    int pos = a->walk_pos[a->q], pick = -1;
    if (dir > 0) {
        for (int i = 0; i < n && pick < 0; i++)
            if (a->walk_pos[a->w->sc.blockers[i].question] > pos)
                pick = i;
        if (pick < 0)
            pick = 0;
    } else {
        for (int i = n - 1; i >= 0 && pick < 0; i--)
            if (a->walk_pos[a->w->sc.blockers[i].question] < pos)
                pick = i;
        if (pick < 0)
            pick = n - 1;
    }
    app_goto(a, a->w->sc.blockers[pick].question);
    app_message_id(a, R_NORMAL, M_TUI_BLOCKER_N, pick + 1, n, a->w->sc.blockers[pick].level);
}

/* --- changes --- */

static void change(struct app *a, const struct ops_change *c)
{
    struct ops_result res;
    app_change(a, a->q, c, &res);
}

static void tick_all(struct app *a)
{
    struct ops_change c = {.all = 1};
    struct ops_result res;
    const struct question *q = &a->w->bank->questions[a->q];
    if (app_change(a, a->q, &c, &res) == 0 && q->type != QTYPE_MULTI)
        ms(a)->opt = q->n_options - 1;
}

/* Del in the record pane: an evidence reference (the last one asks about the documented
 * mark) or a dissent entry. */
static void remove_item(struct app *a)
{
    struct main_state *m = ms(a);
    const struct answer *ans = &a->w->ses->answers[a->q];
    int n_ev = ans->n_evidence, k = m->rec - 1;
    struct ops_change c = {0};
    if (m->rec >= 1 && m->rec <= n_ev)
        c.evidence_remove = m->rec;
    else if (k > n_ev && k - n_ev - 1 < ans->n_dissent)
        c.dissent_remove = k - n_ev;
    else
        return;
    struct ops_result res;
    if (app_change(a, a->q, &c, &res))
        return;
    if (c.evidence_remove)
        evidence_removed(a, &res, k);
    else if (!a->w->dirty)
        app_message_id(a, R_NORMAL, M_TUI_DISSENT_REMOVED, c.dissent_remove);
    ans = &a->w->ses->answers[a->q];
    int last = ans->n_evidence + 1 + ans->n_dissent;
    if (m->rec > last)
        m->rec = last;
}

static void open_evidence_prompt(struct app *a, int k)
{
    if (a->w->read_only) {
        app_message(a, R_WARN, "%s", ops_msg(M_OPS_READ_ONLY));
        return;
    }
    char label[128];
    if (k < 0) {
        line_open(a, LINE_EVIDENCE_ADD, 0, tui_msg(M_TUI_EVIDENCE_PROMPT), "");
    } else {
        tui_msg_format(label, sizeof label, M_TUI_EVIDENCE_EDIT_PROMPT, k + 1);
        line_open(a, LINE_EVIDENCE_EDIT, k, label, a->w->ses->answers[a->q].evidence[k]);
    }
}

/* Enter in the record pane: the note, a reference, a new one, or a dissent entry. */
static void edit_item(struct app *a)
{
    struct main_state *m = ms(a);
    const struct answer *ans = &a->w->ses->answers[a->q];
    int n = ans->n_evidence, k = m->rec - n - 2;
    if (m->rec == 0) {
        note_open(a);
    } else if (m->rec <= n) {
        open_evidence_prompt(a, m->rec - 1);
    } else if (m->rec == n + 1) {
        open_evidence_prompt(a, -1);
    } else if (k < ans->n_dissent && !a->w->read_only) {
        char label[128];
        struct sbuf t;
        sbuf_init(&t);
        sbuf_addf(&t, "%s: %s", ans->dissent[k].who, ans->dissent[k].view);
        tui_msg_format(label, sizeof label, M_TUI_DISSENT_EDIT_PROMPT, k + 1);
        line_open(a, LINE_DISSENT_EDIT, k, label, t.p ? t.p : "");
        sbuf_free(&t);
    }
}

/* The keys that change the answer or its record; -1 when act is none of them. */
static int answer_key(struct app *a, enum action act, int arg)
{
    (void)arg;
    struct ops_change c = {0};
    switch (act) {
    case A_ALL: tick_all(a); break;
    case A_CLEAR: c.clear = OPS_CLEAR_TICKS; change(a, &c); break;
    case A_UNDISCUSSED: c.clear = OPS_CLEAR_UNDISCUSSED; change(a, &c); break;
    case A_DOCUMENTED: c.documented = OPS_TOGGLE; change(a, &c); break;
    case A_FOLLOWUP: c.followup = OPS_TOGGLE; change(a, &c); break;
    case A_NOTE: note_open(a); break;
    case A_ADD_EVIDENCE: open_evidence_prompt(a, -1); break;
    case A_EDIT_ITEM: edit_item(a); break;
    case A_REMOVE_ITEM: remove_item(a); break;
    default: return -1;
    }
    return TUI_REDRAW;
}

/* The keys that move; -1 when act is none of them. */
static int move_key(struct app *a, enum action act)
{
    struct main_state *m = ms(a);
    int nq = a->w->bank->n_questions, pos = a->walk_pos[a->q];
    switch (act) {
    case A_UP: move(a, -1); break;
    case A_DOWN: move(a, 1); break;
    case A_PGUP: move(a, -page_size(a)); break;
    case A_PGDN: move(a, page_size(a)); break;
    case A_HOME: move(a, -100000); break;
    case A_END: move(a, 100000); break;
    case A_NEXT_PANE: m->pane = (m->pane + 1) % PANE_COUNT; break;
    case A_PREV_PANE: m->pane = (m->pane + PANE_COUNT - 1) % PANE_COUNT; break;
    case A_NEXT_Q:
        if (pos + 1 < nq)
            app_goto(a, a->walk[pos + 1]);
        break;
    case A_PREV_Q:
        if (pos > 0)
            app_goto(a, a->walk[pos - 1]);
        break;
    case A_NEXT_AREA: goto_area(a, a->area + 1); break;
    case A_PREV_AREA: goto_area(a, a->area - 1); break;
    case A_NEXT_OPEN: next_unanswered(a); break;
    case A_NEXT_BLOCKER: next_blocker(a, 1); break;
    case A_PREV_BLOCKER: next_blocker(a, -1); break;
    case A_JUMP: line_open(a, LINE_JUMP, 0, tui_msg(M_TUI_JUMP_PROMPT), ""); break;
    default: return -1;
    }
    return TUI_REDRAW;
}

/* Help, redraw and quit are the table's (screens.h). */
static int main_handle(struct app *a, enum action act, int arg, int key)
{
    (void)key;
    struct main_state *m = ms(a);
    int r = move_key(a, act);
    if (r < 0)
        r = answer_key(a, act, arg);
    if (r < 0)
        r = shared_key(a, act, arg);
    if (r >= 0)
        return r;
    switch (act) {
    case A_ENTER:
        if (m->pane == PANE_AREAS)
            m->pane = PANE_QUESTIONS;
        else if (m->pane == PANE_QUESTIONS)
            m->pane = PANE_OPTIONS;
        else
            shared_key(a, A_TICK, 0);
        break;
    case A_ROOM: app_push(a, SCR_ROOM); break;
    case A_PLAN: plan_open(a); break;
    case A_SAVE:
        if (!a->w->read_only && app_save(a) == 0)
            app_message_id(a, R_NORMAL, M_TUI_SAVED_NOW);
        break;
    case A_BACK: m->pane = PANE_OPTIONS; break;
    default: return 0;
    }
    return TUI_REDRAW;
}

/* The record pane has keys of its own (Enter edits, Del removes, Esc leaves it). */
static int main_context(const struct app *a)
{
    const struct main_state *m = a->state[SCR_MAIN];
    return m->pane == PANE_RECORD ? CX_RECORD : CX_MAIN;
}

/* The option cursor on the chosen option of a single question, the record's on the note. */
static void main_moved(struct app *a, void *state)
{
    struct main_state *m = state;
    const struct question *q = &a->w->bank->questions[a->q];
    const struct answer *ans = &a->w->ses->answers[a->q];
    m->opt = q->type != QTYPE_MULTI && ans->answered && ans->choice > 0 ? ans->choice - 1 : 0;
    m->rec = 0;
}

static void main_reset(struct app *a, void *state)
{
    (void)a;
    struct main_state *m = state;
    m->pane = PANE_OPTIONS;
    cache_clear(m->cache); /* another session: its bank's texts are made again */
}

static void main_free(struct app *a, void *state)
{
    (void)a;
    struct main_state *m = state;
    cache_clear(m->cache);
    free(m->cache);
    m->cache = NULL;
}

static int main_init(struct app *a, void *state)
{
    main_reset(a, state);
    return 0;
}

void main_show(struct app *a, int qi, int opt)
{
    struct main_state *m = ms(a);
    app_goto(a, qi);
    m->pane = PANE_OPTIONS;
    if (opt >= 0)
        m->opt = opt;
}

const struct screen_ops main_screen = {
    .state_size = sizeof(struct main_state),
    .init = main_init,
    .free = main_free,
    .reset = main_reset,
    .moved = main_moved,
    .handle = main_handle,
    .render = main_render,
    .context = main_context,
};
