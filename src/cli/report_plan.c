/* report_plan.c: a plan as terminal text, Markdown or an HTML fragment: steps by level (the
 * lowest unmet level first), inside each step the work areas in the bank's order. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kollen/fmt.h"
#include "kollen/msg.h"
#include "report.h"

struct parts {
    struct sbuf *o;
    const char *before, *after;
    int fmt; /* 0 text, 1 md, 2 html */
};

static void put_part(void *ctx, const char *part)
{
    struct parts *pp = ctx;
    sbuf_add(pp->o, pp->before);
    if (pp->fmt == 1)
        md_escape(pp->o, part, 0, NULL);
    else if (pp->fmt == 2)
        html_escape(pp->o, part, 0);
    else
        sbuf_add(pp->o, part);
    sbuf_add(pp->o, pp->after);
}

static void head_lines(struct sbuf *o, const struct bank *b, const struct plan *p,
                       void (*esc)(struct sbuf *, const char *), const char *eol)
{
    struct sbuf t;
    char line[1024];
    sbuf_init(&t);
    fmt_level(&t, b, p->level_now, 0, FMT_LEVEL_NAME);
    msg_format(line, sizeof line, M_PLAN_NOW_LEVEL, t.p ? t.p : "");
    esc(o, line);
    sbuf_add(o, eol);
    sbuf_reset(&t);
    plan_size_text(&t, p);
    msg_format(line, sizeof line, M_PLAN_SIZE_HEAD, t.p ? t.p : "");
    esc(o, line);
    sbuf_add(o, eol);
    sbuf_free(&t);
}

static void esc_none(struct sbuf *o, const char *s)
{
    sbuf_add(o, s);
}

static void esc_md(struct sbuf *o, const char *s)
{
    md_escape(o, s, 0, NULL);
}

static void esc_html(struct sbuf *o, const char *s)
{
    html_escape(o, s, 0);
}

static void after_line(struct sbuf *o, const struct bank *b, const struct plan *p,
                       void (*esc)(struct sbuf *, const char *))
{
    if (p->met)
        return;
    struct sbuf t;
    char line[1024];
    sbuf_init(&t);
    fmt_level(&t, b, p->level_after, 0, FMT_LEVEL_NAME);
    msg_format(line, sizeof line, M_PLAN_AFTER, t.p ? t.p : "");
    esc(o, line);
    sbuf_free(&t);
}

/* The head of an item: "Fråga 4 · Arbetssätt för riskanalys", then what level it is for and
 * how it is tracked, each after " · " when there is something to say. */
static void item_head(struct sbuf *o, const struct bank *b, const struct session *s,
                      const struct plan *p, const struct plan_item *it, int label_width, int utf8)
{
    const struct question *q = &b->questions[it->question];
    sbuf_addf(o, "%s %d · ", msg(M_W_QUESTION), q->number);
    if (label_width > 0)
        text_truncate(o, question_label(q), label_width, utf8);
    else
        sbuf_add(o, question_label(q));
    struct sbuf t;
    sbuf_init(&t);
    plan_item_for(&t, b, p, it);
    if (t.len)
        sbuf_addf(o, " · %s", t.p);
    sbuf_reset(&t);
    if (s)
        plan_track_text(&t, &s->answers[it->question]);
    if (t.len)
        sbuf_addf(o, " · %s", t.p);
    sbuf_free(&t);
}

struct goal_ctx {
    struct sbuf *o;
    const char *before, *after;
    void (*esc)(struct sbuf *, const char *);
};

static void put_goal(void *ctx, const char *line)
{
    struct goal_ctx *g = ctx;
    sbuf_add(g->o, g->before);
    g->esc(g->o, line);
    sbuf_add(g->o, g->after);
}

void plan_render_text(struct sbuf *o, const struct bank *b, const struct session *s,
                      const struct plan *p, int utf8)
{
    struct sbuf t;
    sbuf_init(&t);
    head_lines(o, b, p, esc_none, "\n");
    if (p->benchmark) {
        sbuf_addf(o, "%s\n", msg(M_PLAN_GOALS));
        struct goal_ctx g = {o, "  ", "\n", esc_none};
        plan_goal_lines(b, p, put_goal, &g);
    }
    struct parts pp = {o, "      - ", "\n", 0};
    for (int i = 0; i < p->n_items; i++) {
        const struct plan_item *it = &p->items[i];
        if (plan_new_section(p, i)) {
            sbuf_addc(o, '\n');
            plan_section_text(o, b, it);
            sbuf_addc(o, '\n');
        }
        sbuf_add(o, "    ");
        item_head(o, b, s, p, it, 64, utf8);
        sbuf_addc(o, '\n');
        plan_item_parts(b, it, put_part, &pp);
    }
    if (!p->met) {
        sbuf_addc(o, '\n');
        after_line(o, b, p, esc_none);
        sbuf_addc(o, '\n');
    }
    sbuf_free(&t);
}

void plan_render_md(struct sbuf *o, const struct bank *b, const struct session *s,
                    const struct plan *p, int depth)
{
    char hashes[8];
    int d = depth < 1 ? 1 : depth > 5 ? 5 : depth;
    memset(hashes, '#', (size_t)d);
    hashes[d] = '\0';
    head_lines(o, b, p, esc_md, "  \n");
    sbuf_addc(o, '\n');
    if (p->benchmark) {
        md_escape(o, msg(M_PLAN_GOALS), 0, NULL);
        sbuf_add(o, "\n\n");
        struct goal_ctx g = {o, "- ", "\n", esc_md};
        plan_goal_lines(b, p, put_goal, &g);
        sbuf_addc(o, '\n');
    }
    struct parts pp = {o, "  - ", "\n", 1};
    for (int i = 0; i < p->n_items; i++) {
        const struct plan_item *it = &p->items[i];
        if (plan_new_section(p, i)) {
            struct sbuf t;
            sbuf_init(&t);
            plan_section_text(&t, b, it);
            sbuf_addf(o, "%s ", hashes);
            md_escape(o, t.p ? t.p : "", 0, NULL);
            sbuf_add(o, "\n\n");
            sbuf_free(&t);
        }
        struct sbuf h;
        sbuf_init(&h);
        item_head(&h, b, s, p, it, 0, 1);
        sbuf_add(o, "- **");
        md_escape(o, h.p ? h.p : "", 0, NULL);
        sbuf_add(o, "**\n");
        sbuf_free(&h);
        plan_item_parts(b, it, put_part, &pp);
        if (i + 1 == p->n_items || plan_new_section(p, i + 1))
            sbuf_addc(o, '\n');
    }
    if (!p->met) {
        after_line(o, b, p, esc_md);
        sbuf_add(o, "\n\n");
    }
}

void plan_render_html(struct sbuf *o, const struct bank *b, const struct session *s,
                      const struct plan *p, int depth, int mark_stops)
{
    int h = depth < 1 ? 1 : depth > 5 ? 5 : depth;
    sbuf_add(o, "<p class=\"plan-head\">");
    head_lines(o, b, p, esc_html, "<br>\n");
    sbuf_add(o, "</p>\n");
    if (p->benchmark) {
        sbuf_add(o, "<p>");
        html_escape(o, msg(M_PLAN_GOALS), 0);
        sbuf_add(o, "</p>\n<ul>\n");
        struct goal_ctx g = {o, "<li>", "</li>\n", esc_html};
        plan_goal_lines(b, p, put_goal, &g);
        sbuf_add(o, "</ul>\n");
    }
    struct parts pp = {o, "<li>", "</li>\n", 2};
    for (int i = 0; i < p->n_items; i++) {
        const struct plan_item *it = &p->items[i];
        const struct question *q = &b->questions[it->question];
        if (plan_new_section(p, i)) {
            struct sbuf t;
            sbuf_init(&t);
            plan_section_text(&t, b, it);
            sbuf_addf(o, "<h%d class=\"%s\">", h, it->quick ? "quick" : "plan-area");
            html_escape(o, t.p ? t.p : "", 0);
            sbuf_addf(o, "</h%d>\n<ul class=\"plan\">\n", h);
            sbuf_free(&t);
        }
        struct sbuf t;
        sbuf_init(&t);
        sbuf_add(o, "<li class=\"step\">");
        if (mark_stops) { /* in words, not only by colour: this question stops the level */
            char stop[128];
            rep_msg_format(stop, sizeof stop, M_W_BLOCKERS, it->level);
            sbuf_add(o, "<span class=\"stop\">");
            html_escape(o, stop, 0);
            sbuf_add(o, "</span> ");
        }
        sbuf_addf(o, "<strong>%s %d</strong>: ", msg(M_W_QUESTION), q->number);
        html_escape(o, question_label(q), 0);
        plan_item_for(&t, b, p, it);
        if (t.len) {
            sbuf_add(o, " <span class=\"for\">");
            html_escape(o, t.p, 0);
            sbuf_add(o, "</span>");
        }
        sbuf_reset(&t);
        if (s)
            plan_track_text(&t, &s->answers[it->question]);
        if (t.len) {
            sbuf_add(o, " <span class=\"track\">");
            html_escape(o, t.p, 0);
            sbuf_add(o, "</span>");
        }
        sbuf_free(&t);
        sbuf_add(o, "\n<ul>\n");
        plan_item_parts(b, it, put_part, &pp);
        sbuf_add(o, "</ul></li>\n");
        if (i + 1 == p->n_items || plan_new_section(p, i + 1))
            sbuf_add(o, "</ul>\n");
    }
    if (!p->met) {
        sbuf_add(o, "<p class=\"plan-after\">");
        after_line(o, b, p, esc_html);
        sbuf_add(o, "</p>\n");
    }
}
