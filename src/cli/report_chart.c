/* report_chart.c: the HTML report's charts as inline SVG, in the manner of MSB's diagrams:
 * horizontal bars, a row per work area, a bar per series, one measure per chart. Each chart is
 * a <figure>: its title and the drawing (aria-hidden: the table right after the figure says
 * the same), then a table with every number drawn, which is the text alternative and prints.
 * Bar colours have at least 3:1 contrast against white, text at least 4.5:1
 * (tests/sh/report_office.sh). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kollen/fmt.h"
#include "kollen/msg.h"
#include "report.h"

#define CW 680    /* the drawing's width */
#define X0 8      /* where bars start */
#define X1 560    /* the axis' end */
#define BAR 9     /* a bar's height */
#define GAP 2     /* between the bars of a row */
#define LABEL 16  /* a row's label above its bars */
#define ROWGAP 8  /* after a row */
#define MAX_SERIES 6
#define MAX_ROWS (BANK_MAX_AREAS + 1)

struct series {
    const char *name;
    double v[MAX_ROWS]; /* < 0: not published */
    int decimals;       /* as printed */
};

struct chart {
    const char *cls;   /* the figure's class: peers, actions, since */
    const char *title; /* plain text */
    const char *note;  /* plain text under the title, or NULL */
    int rows;
    const char *label[MAX_ROWS];
    const char *row_id[MAX_ROWS];
    int n_series;
    struct series s[MAX_SERIES];
    double max; /* the axis: 0..max */
    int step;   /* a grid line every step */
};

static void esc(struct sbuf *o, const char *s)
{
    html_escape(o, s, 0);
}

static void value_text(struct sbuf *o, const struct series *s, double v)
{
    if (v < 0)
        sbuf_add(o, rep_msg(M_REP_NOT_PUBLISHED));
    else
        fmt_decimal(o, v, s->decimals);
}

static double xpos(const struct chart *c, double v)
{
    if (v < 0)
        v = 0;
    if (v > c->max)
        v = c->max;
    return X0 + (X1 - X0) * v / (c->max > 0 ? c->max : 1);
}

static int legend_rows(const struct chart *c)
{
    return (c->n_series + 1) / 2;
}

static void legend(struct sbuf *o, const struct chart *c)
{
    struct sbuf t;
    sbuf_init(&t);
    for (int k = 0; k < c->n_series; k++) {
        int x = 8 + (k % 2) * 330, y = 6 + (k / 2) * 18;
        sbuf_addf(o, "<rect class=\"s%d\" x=\"%d\" y=\"%d\" width=\"12\" height=\"12\"/>"
                     "<text x=\"%d\" y=\"%d\">", k, x, y, x + 18, y + 10);
        sbuf_reset(&t);
        text_truncate(&t, c->s[k].name, 50, 1);
        esc(o, t.p ? t.p : "");
        sbuf_add(o, "</text>\n");
    }
    sbuf_free(&t);
}

static void grid(struct sbuf *o, const struct chart *c, int top, int bottom)
{
    for (int v = 0; v <= c->max + 1e-9; v += c->step) {
        double x = xpos(c, v);
        sbuf_addf(o, "<line class=\"%s\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\"/>\n",
                  v ? "grid" : "axis", x, top, x, bottom + 4);
        sbuf_addf(o, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%d</text>\n", x, bottom + 16,
                  v);
    }
}

static void bars(struct sbuf *o, const struct chart *c, int row, int y)
{
    struct sbuf t;
    sbuf_init(&t);
    for (int k = 0; k < c->n_series; k++, y += BAR + GAP) {
        double v = c->s[k].v[row];
        sbuf_reset(&t);
        value_text(&t, &c->s[k], v);
        if (v >= 0) {
            double w = xpos(c, v) - X0;
            sbuf_addf(o, "<rect class=\"s%d\" x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\"/>", k,
                      X0, y, w < 0.5 ? 0.5 : w, BAR);
        }
        sbuf_addf(o, "<text class=\"val\" x=\"%.1f\" y=\"%d\">", v >= 0 ? xpos(c, v) + 4 : X0 + 2.0,
                  y + BAR - 1);
        esc(o, t.p ? t.p : "");
        sbuf_add(o, "</text>\n");
    }
    sbuf_free(&t);
}

/* The table that carries every number of the chart. */
static void data_table(struct sbuf *o, const struct chart *c)
{
    struct sbuf t;
    sbuf_init(&t);
    sbuf_add(o, "<table class=\"data\">\n<caption>");
    esc(o, rep_msg(M_REP_CHART_TABLE));
    sbuf_add(o, "</caption>\n<thead><tr><th></th>");
    for (int k = 0; k < c->n_series; k++) {
        sbuf_add(o, "<th class=\"n\">");
        esc(o, c->s[k].name);
        sbuf_add(o, "</th>");
    }
    sbuf_add(o, "</tr></thead>\n<tbody>\n");
    for (int row = 0; row < c->rows; row++) {
        sbuf_add(o, "<tr><th scope=\"row\">");
        esc(o, c->label[row]);
        sbuf_add(o, "</th>");
        for (int k = 0; k < c->n_series; k++) {
            sbuf_reset(&t);
            value_text(&t, &c->s[k], c->s[k].v[row]);
            sbuf_add(o, "<td class=\"n\">");
            esc(o, t.p ? t.p : "");
            sbuf_add(o, "</td>");
        }
        sbuf_add(o, "</tr>\n");
    }
    sbuf_add(o, "</tbody>\n</table>\n");
    sbuf_free(&t);
}

static void draw(struct sbuf *o, const struct chart *c)
{
    int row_h = LABEL + c->n_series * (BAR + GAP) + ROWGAP;
    int top = legend_rows(c) * 18 + 10, bottom = top + c->rows * row_h;
    int h = bottom + 22;
    sbuf_addf(o, "<figure class=\"chart %s\">\n<figcaption>", c->cls);
    esc(o, c->title);
    sbuf_add(o, "</figcaption>\n");
    if (c->note) {
        sbuf_add(o, "<p class=\"small\">");
        esc(o, c->note);
        sbuf_add(o, "</p>\n");
    }
    sbuf_addf(o, "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" "
                 "width=\"%d\" height=\"%d\" aria-hidden=\"true\" focusable=\"false\">\n",
              CW, h, CW, h);
    legend(o, c);
    grid(o, c, top, bottom);
    for (int row = 0; row < c->rows; row++) {
        int y = top + row * row_h;
        sbuf_add(o, "<g class=\"row\" data-row=\"");
        esc(o, c->row_id[row]);
        sbuf_addf(o, "\">\n<text class=\"lab\" x=\"%d\" y=\"%d\">", X0, y + LABEL - 3);
        esc(o, c->label[row]);
        sbuf_add(o, "</text>\n");
        bars(o, c, row, y + LABEL);
        sbuf_add(o, "</g>\n");
    }
    sbuf_add(o, "</svg>\n</figure>\n");
    data_table(o, c); /* after the figure: it may start a page, the drawing may not break */
}

/* Rows: the whole (overall) and every work area that counts. */
static void area_rows(struct chart *c, const struct ops_report *r, int overall, int *map)
{
    c->rows = 0;
    if (overall) {
        map[c->rows] = -1;
        c->row_id[c->rows] = "overall";
        c->label[c->rows++] = rep_msg(M_REP_OVERALL);
    }
    for (int ai = 0; ai < r->b->n_areas && c->rows < MAX_ROWS; ai++) {
        if (!r->sc.areas[ai].scored)
            continue;
        map[c->rows] = ai;
        c->row_id[c->rows] = r->b->areas[ai].id;
        c->label[c->rows++] = r->b->areas[ai].name;
    }
}

static void bench_series(struct chart *c, const struct benchmark *m, const int *map)
{
    struct series *s = &c->s[c->n_series++];
    s->name = m->name ? m->name : m->id;
    s->decimals = 2;
    for (int row = 0; row < c->rows; row++)
        s->v[row] = map[row] < 0 ? m->level : m->area_levels[map[row]];
}

void chart_peers(struct sbuf *o, const struct ops_report *r)
{
    const struct bank *b = r->b;
    int scale = b->kind == BANK_SCALE;
    struct chart c;
    int map[MAX_ROWS];
    memset(&c, 0, sizeof c);
    c.cls = "peers";
    area_rows(&c, r, 1, map);
    struct series *org = &c.s[c.n_series++];
    org->name = r->s->organisation;
    org->decimals = scale ? 2 : 0; /* an indicative level is a whole number */
    for (int row = 0; row < c.rows; row++)
        org->v[row] = ops_report_org_value(r, map[row]);
    /* the spread series as MSB draws it (weakest 10 %, middle 80 %, best 10 %), else the
     * typsvar where it publishes levels */
    int any = 0;
    for (int k = 0; r->spread && k < r->spread->n_parts && c.n_series < MAX_SERIES; k++) {
        bench_series(&c, &b->benchmarks[r->spread->parts[k]], map);
        any = 1;
    }
    if (!any && r->bm) {
        bench_series(&c, r->bm, map);
        for (int row = 0; row < c.rows; row++)
            any |= c.s[1].v[row] >= 0;
    }
    char note[1024], none[256];
    c.title = any && r->spread ? rep_msg(M_REP_PEERS_TITLE) : rep_msg(M_REP_PEERS_TITLE_BM);
    rep_msg_format(note, sizeof note, scale ? M_REP_PEERS_NOTE_SCALE : M_REP_PEERS_NOTE,
                   scale ? b->scale_max : b->n_levels);
    c.note = note;
    c.max = scale ? b->scale_max : b->n_levels;
    c.step = 1;
    draw(o, &c);
    if (!any) {
        rep_msg_format(none, sizeof none, M_REP_NO_PEERS, group_name(r->s->group));
        sbuf_add(o, "<p>");
        esc(o, none);
        sbuf_add(o, "</p>\n");
    }
}

void chart_actions(struct sbuf *o, const struct ops_report *r)
{
    const struct bank *b = r->b;
    const struct benchmark *with[2] = {r->bm, r->best30};
    if (b->kind == BANK_SCALE || !((r->bm && r->bm->actions >= 0) ||
                                   (r->best30 && r->best30->actions >= 0)))
        return;
    struct chart c;
    memset(&c, 0, sizeof c);
    c.cls = "actions";
    c.rows = 1;
    c.label[0] = rep_msg(M_W_ACTIONS);
    c.row_id[0] = "actions";
    c.s[0].name = r->s->organisation;
    c.s[0].v[0] = r->sc.actions;
    c.n_series = 1;
    for (int k = 0; k < 2; k++)
        if (with[k] && with[k]->actions >= 0) {
            c.s[c.n_series].name = with[k]->name ? with[k]->name : with[k]->id;
            c.s[c.n_series++].v[0] = with[k]->actions;
        }
    char note[256];
    rep_msg_format(note, sizeof note, M_REP_ACTIONS_NOTE, b->max_actions);
    c.title = rep_msg(M_REP_ACTIONS_TITLE);
    c.note = note;
    c.max = b->max_actions;
    c.step = b->max_actions > 200 ? 50 : b->max_actions > 40 ? 10 : b->max_actions > 10 ? 5 : 1;
    draw(o, &c);
}

void chart_since(struct sbuf *o, const struct ops_report *r)
{
    const struct bank *b = r->b;
    if (!r->have_since || b->kind == BANK_SCALE)
        return;
    struct chart c;
    int map[MAX_ROWS];
    memset(&c, 0, sizeof c);
    c.cls = "since";
    area_rows(&c, r, 0, map);
    char then[128], now[128];
    snprintf(then, sizeof then, "%s (%s)", rep_msg(M_REP_THEN), r->since.old->date);
    snprintf(now, sizeof now, "%s (%s)", rep_msg(M_REP_NOW), r->s->date);
    c.s[0].name = then;
    c.s[1].name = now;
    c.n_series = 2;
    int most = 1;
    for (int row = 0; row < c.rows; row++) {
        c.s[0].v[row] = r->since.sc_old.areas[map[row]].actions;
        c.s[1].v[row] = r->sc.areas[map[row]].actions;
        if (r->sc.areas[map[row]].max_actions > most)
            most = r->sc.areas[map[row]].max_actions;
    }
    c.title = rep_msg(M_REP_SINCE_TITLE);
    c.max = most;
    c.step = most > 40 ? 10 : most > 10 ? 5 : 1;
    draw(o, &c);
}
