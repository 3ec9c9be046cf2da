/* report_html.c: the report as one self-contained HTML file: inline CSS (A4 print rules),
 * inline SVG charts, no script, no external asset; a Content-Security-Policy that forbids
 * both. Everything from the bank or the session goes through html_escape. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kollen/fmt.h"
#include "kollen/msg.h"
#include "report.h"

#define CHART_W 680
#define LABEL_H 16
#define BAR_H 11
#define ROW_H (LABEL_H + 2 * BAR_H + 14)
#define X0 8
#define X1 600

static const char *const css =
    "@page{size:A4;margin:16mm 15mm 18mm 15mm}\n"
    "html{-webkit-print-color-adjust:exact;print-color-adjust:exact}\n"
    "body{font-family:\"Segoe UI\",\"Helvetica Neue\",Arial,sans-serif;font-size:10.5pt;"
    "line-height:1.4;color:#1a1a1a;max-width:180mm;margin:0 auto;padding:8mm 0}\n"
    "h1{font-size:19pt;margin:0 0 2mm;color:#0b3a5d}\n"
    "h2{font-size:14pt;margin:8mm 0 2mm;color:#0b3a5d;border-bottom:1px solid #b8c7d6;"
    "break-after:avoid}\n"
    "h3{font-size:12pt;margin:5mm 0 1mm;break-after:avoid}\n"
    "h4{font-size:10.5pt;margin:3mm 0 1mm;break-after:avoid}\n"
    "dl.meta{display:grid;grid-template-columns:auto 1fr;gap:0 4mm;margin:0}\n"
    "dl.meta dt{font-weight:600}dl.meta dd{margin:0}\n"
    "table{border-collapse:collapse;width:100%;margin:2mm 0;break-inside:auto}\n"
    "th,td{border-bottom:1px solid #d5dde5;padding:1mm 2mm;text-align:left;vertical-align:top}\n"
    "td.n,th.n{text-align:right;white-space:nowrap}\n"
    "tr{break-inside:avoid}\n"
    ".level{font-size:13pt;font-weight:600}\n"
    ".chart{width:100%;height:auto;max-width:180mm;break-inside:avoid}\n"
    ".q{break-inside:avoid;border-left:3px solid #d5dde5;padding:0 0 0 3mm;margin:2mm 0 4mm}\n"
    ".q.open{border-left-color:#c0392b}\n"
    ".note{white-space:normal;background:#f4f6f8;padding:1.5mm 2.5mm;margin:1mm 0;"
    "overflow-wrap:anywhere}\n"
    ".flag{display:inline-block;border:1px solid #8aa0b4;border-radius:2mm;padding:0 1.5mm;"
    "font-size:9pt;margin-right:1.5mm}\n"
    ".flag.no{border-color:#ccc;color:#777}\n"
    "ul.plan{margin:1mm 0 2mm}\n"
    ".small{font-size:9pt;color:#444}\n"
    "@media print{body{padding:0;max-width:none}a{color:inherit;text-decoration:none}}\n";

static void esc(struct sbuf *o, const char *s)
{
    html_escape(o, s, 0);
}

static double xpos(double v, int n_levels)
{
    if (v < 0)
        v = 0;
    if (v > n_levels)
        v = n_levels;
    return X0 + (X1 - X0) * v / (n_levels ? n_levels : 1);
}

static void bar(struct sbuf *o, const struct ops_report *r, double y, double v, const char *cls,
                const char *who, const char *what)
{
    int n = r->b->n_levels;
    struct sbuf t;
    sbuf_init(&t);
    fmt_level(&t, r->b, 0, v, FMT_LEVEL_VALUE);
    if (v < 0) {
        sbuf_addf(o, "<text x=\"%d\" y=\"%.1f\" class=\"val\"><title>", X0 + 2, y + BAR_H - 2);
        esc(o, who);
        sbuf_add(o, "</title>");
        esc(o, rep_msg(M_REP_UNKNOWN));
        sbuf_add(o, "</text>\n");
        sbuf_free(&t);
        return;
    }
    double w = xpos(v, n) - X0;
    sbuf_addf(o, "<rect class=\"%s\" x=\"%d\" y=\"%.1f\" width=\"%.1f\" height=\"%d\"><title>", cls,
              X0, y, w < 0.5 ? 0.5 : w, BAR_H);
    esc(o, what);
    sbuf_add(o, ": ");
    esc(o, who);
    sbuf_add(o, " ");
    esc(o, t.p ? t.p : "");
    sbuf_add(o, "</title></rect>\n");
    sbuf_addf(o, "<text x=\"%.1f\" y=\"%.1f\" class=\"val\">", xpos(v, n) + 4, y + BAR_H - 2);
    esc(o, t.p ? t.p : "");
    sbuf_add(o, "</text>\n");
    sbuf_free(&t);
}

/* Horizontal bars on the 0..n scale in the manner of MSB's diagrams: per row (overall, then
 * every work area) the organisation's bar with its benchmark's bar beneath. */
static void chart(struct sbuf *o, const struct ops_report *r)
{
    const struct bank *b = r->b;
    int n = b->n_levels;
    int rows = b->n_areas + 1;
    int legend_h = 30, axis_h = 22;
    int h = legend_h + rows * ROW_H + axis_h;
    struct sbuf bn, t;
    sbuf_init(&bn);
    sbuf_init(&t);
    report_bench_name(&bn, r);
    sbuf_addf(o,
              "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" "
              "width=\"%d\" height=\"%d\" role=\"img\" aria-labelledby=\"chart-title chart-desc\">\n",
              CHART_W, h, CHART_W, h);
    sbuf_add(o, "<title id=\"chart-title\">");
    esc(o, rep_msg(M_REP_CHART_TITLE));
    sbuf_add(o, "</title>\n<desc id=\"chart-desc\">");
    char d[512];
    rep_msg_format(d, sizeof d, M_REP_CHART_DESC, n);
    esc(o, d);
    sbuf_add(o, "</desc>\n");
    sbuf_add(o, "<style>.org{fill:#1f5f8b}.bm{fill:#e3a33b}.grid{stroke:#c9d3dc;stroke-width:1}"
                ".axis{stroke:#555;stroke-width:1}text{font-family:Arial,sans-serif;font-size:11px;"
                "fill:#1a1a1a}.val{font-size:10px}.lab{font-weight:bold}</style>\n");
    /* legend */
    sbuf_add(o, "<g class=\"legend\">\n<rect class=\"org\" x=\"8\" y=\"8\" width=\"12\" "
                "height=\"12\"/><text x=\"26\" y=\"18\">");
    esc(o, r->s->organisation);
    sbuf_add(o, "</text>\n");
    if (r->bm) { /* without a benchmark the chart shows the organisation alone */
        sbuf_add(o, "<rect class=\"bm\" x=\"330\" y=\"8\" width=\"12\" height=\"12\"/>"
                    "<text x=\"348\" y=\"18\">");
        sbuf_reset(&t);
        text_truncate(&t, bn.p ? bn.p : "", 48, 1);
        esc(o, t.p ? t.p : "");
        sbuf_add(o, "</text>\n");
    }
    sbuf_add(o, "</g>\n");
    /* grid and ticks */
    int top = legend_h, bottom = legend_h + rows * ROW_H;
    for (int lv = 0; lv <= n; lv++) {
        double x = xpos(lv, n);
        sbuf_addf(o, "<line class=\"%s\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\"/>\n",
                  lv ? "grid" : "axis", x, top, x, bottom + 4);
        sbuf_addf(o, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%d</text>\n", x, bottom + 16,
                  lv);
    }
    for (int row = 0; row < rows; row++) {
        int ai = row - 1;
        double y = legend_h + row * ROW_H;
        const char *name = ai < 0 ? rep_msg(M_REP_OVERALL) : b->areas[ai].name;
        sbuf_add(o, "<g class=\"row\" data-area=\"");
        esc(o, ai < 0 ? "overall" : b->areas[ai].id);
        sbuf_add(o, "\">\n");
        sbuf_addf(o, "<text class=\"lab\" x=\"%d\" y=\"%.1f\">", X0, y + LABEL_H - 4);
        esc(o, name);
        sbuf_add(o, "</text>\n");
        double ov = ai < 0 ? r->sc.value : r->sc.areas[ai].value;
        double bv = !r->bm ? -1 : ai < 0 ? r->bm->level : r->bm->area_levels[ai];
        bar(o, r, y + LABEL_H, ov, "org", r->s->organisation, name);
        if (r->bm)
            bar(o, r, y + LABEL_H + BAR_H + 2, bv, "bm", bn.p ? bn.p : "", name);
        sbuf_add(o, "</g>\n");
    }
    sbuf_add(o, "</svg>\n");
    sbuf_free(&bn);
    sbuf_free(&t);
}

static void head(struct sbuf *o, const struct ops_report *r)
{
    const struct session *s = r->s;
    char t[1024];
    rep_msg_format(t, sizeof t, M_REP_TITLE, r->b->name, s->organisation);
    sbuf_addf(o, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n",
              msg_lang() == LANG_EN ? "en" : "sv");
    sbuf_add(o, "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                "style-src 'unsafe-inline'\">\n");
    sbuf_add(o, "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    sbuf_add(o, "<meta name=\"generator\" content=\"kollen\">\n<title>");
    esc(o, t);
    sbuf_addf(o, "</title>\n<style>\n%s</style>\n</head>\n<body>\n<header>\n<h1>", css);
    esc(o, t);
    sbuf_add(o, "</h1>\n<dl class=\"meta\">\n");
    struct {
        enum rep_msg_id label;
        const char *value;
    } rows[] = {
        {M_REP_ORGANISATION, s->organisation},
        {M_W_GROUP, group_name(s->group)},
        {M_REP_DATE, s->date},
        {M_REP_FACILITATOR, s->facilitator && *s->facilitator ? s->facilitator : "–"},
        {M_REP_BANK, r->b->name},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        sbuf_add(o, "<dt>");
        esc(o, rep_msg(rows[i].label));
        sbuf_add(o, "</dt><dd>");
        esc(o, rows[i].value);
        sbuf_add(o, "</dd>\n");
    }
    sbuf_add(o, "</dl>\n");
    if (s->n_participants) {
        sbuf_addf(o, "<table class=\"participants\">\n<thead><tr><th>%s</th><th>%s</th></tr>"
                     "</thead>\n<tbody>\n",
                  rep_msg(M_REP_PARTICIPANT), rep_msg(M_REP_ROLE));
        for (int i = 0; i < s->n_participants; i++) {
            sbuf_add(o, "<tr><td>");
            esc(o, s->participants[i].name);
            sbuf_add(o, "</td><td>");
            esc(o, s->participants[i].role);
            sbuf_add(o, "</td></tr>\n");
        }
        sbuf_add(o, "</tbody>\n</table>\n");
    }
    sbuf_add(o, "</header>\n");
}

static void result(struct sbuf *o, const struct ops_report *r)
{
    const struct bank *b = r->b;
    struct sbuf t;
    sbuf_init(&t);
    sbuf_addf(o, "<section id=\"result\">\n<h2>%s</h2>\n<p class=\"level\">",
              rep_msg(M_REP_RESULT));
    report_level_line(&t, r);
    esc(o, t.p ? t.p : "");
    sbuf_add(o, "</p>\n<p>");
    sbuf_reset(&t);
    report_totals_line(&t, r);
    esc(o, t.p ? t.p : "");
    sbuf_add(o, "<br>\n");
    esc(o, rep_msg(M_REP_BENCH));
    sbuf_add(o, ": ");
    sbuf_reset(&t);
    report_bench_name(&t, r);
    esc(o, t.p ? t.p : "");
    report_bench_values(o, r);
    sbuf_add(o, "</p>\n");
    chart(o, r);
    int scale = b->kind == BANK_SCALE; /* no points or actions to show */
    sbuf_addf(o, "<table class=\"areas\">\n<thead><tr><th>%s</th><th class=\"n\">%s</th>"
                 "<th class=\"n\">%s</th>",
              rep_msg(M_W_AREA), scale ? rep_msg(M_W_MEAN) : msg(M_W_LEVEL),
              rep_msg(M_REP_BENCH_SHORT));
    if (!scale)
        sbuf_addf(o, "<th class=\"n\">%s</th><th class=\"n\">%s</th>", rep_msg(M_W_POINTS),
                  rep_msg(M_W_ACTIONS));
    sbuf_add(o, "</tr></thead>\n<tbody>\n");
    for (int ai = 0; ai < b->n_areas; ai++) {
        const struct area_score *as = &r->sc.areas[ai];
        sbuf_add(o, "<tr><td>");
        esc(o, b->areas[ai].name);
        sbuf_add(o, "</td><td class=\"n\">");
        fmt_level(o, b, as->level, as->value, FMT_LEVEL_AREA);
        sbuf_add(o, "</td><td class=\"n\">");
        fmt_level(o, r->b, 0, r->bm ? r->bm->area_levels[ai] : -1, FMT_LEVEL_VALUE);
        if (scale) {
            sbuf_add(o, "</td></tr>\n");
            continue;
        }
        sbuf_add(o, "</td><td class=\"n\">");
        fmt_points(o, as->points_milli);
        sbuf_add(o, " / ");
        fmt_points(o, as->max_points_milli);
        sbuf_addf(o, "</td><td class=\"n\">%d / %d</td></tr>\n", as->actions, as->max_actions);
    }
    sbuf_add(o, "</tbody>\n</table>\n<p class=\"small\">");
    esc(o, rep_msg(scale ? M_REP_VALUE_NOTE_SCALE : M_REP_VALUE_NOTE));
    sbuf_add(o, "</p>\n</section>\n");
    sbuf_free(&t);
}

static void blockers(struct sbuf *o, const struct ops_report *r)
{
    const struct bank *b = r->b;
    char t[128];
    sbuf_add(o, "<section id=\"blockers\">\n<h2>");
    if (r->sc.n_blockers == 0) {
        esc(o, rep_msg(M_REP_BLOCKERS_NONE_HEAD));
        sbuf_add(o, "</h2>\n<p>");
        esc(o, rep_msg(M_W_NO_BLOCKERS));
        sbuf_add(o, "</p>\n</section>\n");
        return;
    }
    rep_msg_format(t, sizeof t, M_W_BLOCKERS, r->sc.blockers[0].level);
    esc(o, t);
    sbuf_add(o, "</h2>\n<ul>\n");
    for (int i = 0; i < r->sc.n_blockers; i++) {
        const struct blocker *bl = &r->sc.blockers[i];
        const struct question *q = &b->questions[bl->question];
        struct sbuf m;
        sbuf_init(&m);
        score_missing_text(&m, q, &bl->missing);
        sbuf_addf(o, "<li><strong>%s %d</strong> (", msg(M_W_QUESTION), q->number);
        esc(o, b->areas[q->area].name);
        sbuf_add(o, "): ");
        esc(o, question_label(q));
        sbuf_add(o, " – ");
        esc(o, m.p ? m.p : "");
        sbuf_add(o, "</li>\n");
        sbuf_free(&m);
    }
    sbuf_add(o, "</ul>\n</section>\n");
}

static void flag(struct sbuf *o, int on, enum rep_msg_id label)
{
    sbuf_addf(o, "<span class=\"flag%s\">", on ? "" : " no");
    esc(o, rep_msg(label));
    sbuf_add(o, ": ");
    esc(o, yes_no(on));
    sbuf_add(o, "</span>");
}

/* What the room decided about an answer: agreed, each dissent, parked with its reason. */
static void decision(struct sbuf *o, const struct answer *a)
{
    if (!a->agreed && !a->n_dissent && !a->parked)
        return;
    sbuf_add(o, "<ul class=\"decision\">\n");
    if (a->agreed)
        sbuf_addf(o, "<li>%s</li>\n", rep_msg(M_REP_AGREED));
    for (int k = 0; k < a->n_dissent; k++) {
        sbuf_addf(o, "<li><strong>%s:</strong> ", rep_msg(M_REP_DISSENT));
        esc(o, a->dissent[k].who);
        sbuf_add(o, ": ");
        esc(o, a->dissent[k].view);
        sbuf_add(o, "</li>\n");
    }
    if (a->parked) {
        sbuf_addf(o, "<li><strong>%s</strong>", rep_msg(M_REP_PARKED));
        if (a->park_reason) {
            sbuf_add(o, ": ");
            esc(o, a->park_reason);
        }
        sbuf_add(o, "</li>\n");
    }
    sbuf_add(o, "</ul>\n");
}

static void questions(struct sbuf *o, const struct ops_report *r)
{
    const struct bank *b = r->b;
    const struct session *s = r->s;
    struct sbuf t;
    sbuf_init(&t);
    sbuf_addf(o, "<section id=\"questions\">\n<h2>%s</h2>\n", rep_msg(M_REP_QUESTIONS));
    for (int ai = 0; ai < b->n_areas; ai++) {
        sbuf_add(o, "<h3>");
        esc(o, b->areas[ai].name);
        sbuf_add(o, "</h3>\n");
        for (int qi = 0; qi < b->n_questions; qi++) {
            const struct question *q = &b->questions[qi];
            const struct answer *a = &s->answers[qi];
            if (q->area != ai)
                continue;
            int open = r->blocks[qi];
            sbuf_addf(o, "<div class=\"q%s\">\n<h4>%s %d</h4>\n<p>", open ? " open" : "",
                      msg(M_W_QUESTION), q->number);
            char *text = fmt_period_text(q->text, s->period_from, s->period_to);
            esc(o, text ? text : q->text);
            free(text);
            sbuf_addf(o, "</p>\n<p><strong>%s:</strong> ", rep_msg(M_REP_ANSWER));
            sbuf_reset(&t);
            answer_words(&t, b, q, a);
            esc(o, a->answered ? (t.p ? t.p : "") : rep_msg(M_W_NOT_DISCUSSED));
            if (q->scored && b->kind != BANK_SCALE) {
                const struct question_score *qs = &r->sc.q[qi];
                sbuf_addf(o, "<br>\n%s %d %s %d · %s ", rep_msg(M_W_ACTIONS), qs->actions,
                          rep_msg(M_W_OF), qs->max_actions, rep_msg(M_W_POINTS));
                fmt_points(o, qs->points_milli);
                sbuf_addf(o, " %s ", rep_msg(M_W_OF));
                fmt_points(o, qs->max_points_milli);
            } else if (!q->scored) {
                sbuf_add(o, "<br>\n");
                esc(o, rep_msg(M_REP_UNSCORED));
            }
            sbuf_add(o, "</p>\n<p>");
            flag(o, a->documented, M_REP_DOCUMENTED);
            flag(o, a->followup, M_REP_FOLLOWUP);
            sbuf_add(o, "</p>\n");
            decision(o, a);
            if (a->n_evidence) {
                sbuf_addf(o, "<p><strong>%s:</strong></p>\n<ul class=\"evidence\">\n",
                          rep_msg(M_REP_EVIDENCE));
                for (int k = 0; k < a->n_evidence; k++) {
                    sbuf_add(o, "<li>");
                    esc(o, a->evidence[k]);
                    sbuf_add(o, "</li>\n");
                }
                sbuf_add(o, "</ul>\n");
            }
            if (a->note && *a->note) {
                sbuf_addf(o, "<p><strong>%s:</strong></p>\n<div class=\"note\">",
                          rep_msg(M_REP_NOTE));
                html_escape(o, a->note, 1);
                sbuf_add(o, "</div>\n");
            }
            sbuf_add(o, "</div>\n");
        }
    }
    sbuf_add(o, "</section>\n");
    sbuf_free(&t);
}

static void provenance(struct sbuf *o, const struct ops_report *r)
{
    const struct bank *b = r->b;
    struct sbuf t;
    sbuf_init(&t);
    sbuf_addf(o, "<section id=\"bank\">\n<h2>%s</h2>\n<p>", rep_msg(M_REP_ABOUT_BANK));
    esc(o, b->name);
    if (b->version && *b->version) {
        sbuf_add(o, " (");
        esc(o, b->version);
        sbuf_add(o, ")");
    }
    sbuf_add(o, "</p>\n");
    if (b->provenance && *b->provenance) {
        sbuf_add(o, "<p>");
        html_escape(o, b->provenance, 1);
        sbuf_add(o, "</p>\n");
    }
    sbuf_add(o, "<p>");
    report_provenance_counts(&t, r);
    esc(o, t.p ? t.p : "");
    int recon = 0;
    for (int i = 0; i < b->n_questions; i++) {
        if (b->questions[i].prov != PROV_RECONSTRUCTED)
            continue;
        if (!recon++) {
            sbuf_add(o, "<br>\n");
            esc(o, rep_msg(M_REP_RECONSTRUCTED_LIST));
            sbuf_add(o, " ");
        } else {
            sbuf_add(o, ", ");
        }
        sbuf_addf(o, "%d", b->questions[i].number);
    }
    if (recon)
        sbuf_add(o, ".");
    sbuf_add(o, "</p>\n");
    if (b->source && *b->source) {
        sbuf_addf(o, "<p>%s: ", rep_msg(M_W_SOURCE));
        esc(o, b->source);
        sbuf_add(o, "</p>\n");
    }
    sbuf_add(o, "<p class=\"small\">");
    esc(o, rep_msg(M_REP_MODEL_NOTE));
    sbuf_add(o, "</p>\n</section>\n");
    sbuf_free(&t);
}

void report_html(struct sbuf *o, const struct ops_report *r)
{
    head(o, r);
    sbuf_add(o, "<main>\n");
    result(o, r);
    blockers(o, r);
    if (r->have_plan) {
        struct sbuf g;
        char t[1024];
        sbuf_init(&g);
        plan_goal_text(&g, r->b, &r->plan);
        msg_format(t, sizeof t, M_PLAN_TITLE, g.p ? g.p : "");
        sbuf_add(o, "<section id=\"plan\">\n<h2>");
        esc(o, t);
        sbuf_add(o, "</h2>\n");
        plan_render_html(o, r->b, &r->plan, 3);
        sbuf_add(o, "</section>\n");
        sbuf_free(&g);
    }
    questions(o, r);
    provenance(o, r);
    sbuf_add(o, "</main>\n</body>\n</html>\n");
}
