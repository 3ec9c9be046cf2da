/* report_html.c: the report as one self-contained HTML file for the management team: page 1 a
 * summary that prints on one A4 page, then the workshop, the result, the organisation beside
 * its group, the change since the last workshop, the plan (the stops and what resolves them),
 * every question, the companion bank's result, the bank, and the registers. Inline CSS (A4
 * print rules: page numbers, organisation, date and marking on every page), inline SVG (report_
 * chart.c), no script, no external asset; a Content-Security-Policy forbids both. Everything
 * from the bank or the session goes through html_escape (css_string inside the style sheet). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kollen/fmt.h"
#include "kollen/msg.h"
#include "report.h"

static const char *const css =
    "html{-webkit-print-color-adjust:exact;print-color-adjust:exact}\n"
    "body{font-family:\"Segoe UI\",\"Helvetica Neue\",Arial,sans-serif;font-size:10.5pt;"
    "line-height:1.4;color:#1a1a1a;max-width:180mm;margin:0 auto;padding:8mm 0}\n"
    "h1{font-size:18pt;margin:0 0 1mm;color:#0b3a5d}\n"
    "h2{font-size:14pt;margin:7mm 0 2mm;color:#0b3a5d;border-bottom:1px solid #b8c7d6;"
    "break-after:avoid}\n"
    "h3{font-size:12pt;margin:5mm 0 1mm;break-after:avoid}\n"
    "h4{font-size:10.5pt;margin:3mm 0 1mm;break-after:avoid}\n"
    "section.summary{break-after:page}\n"
    "section.summary{font-size:9.5pt}\n"
    "section.summary h2{font-size:12pt;margin:3.5mm 0 1mm}\n"
    "section.summary td,section.summary th{padding:0.6mm 2mm}\n"
    ".meta{margin:0 0 3mm;color:#333}\n"
    ".result{display:grid;grid-template-columns:3fr 2fr;gap:4mm;align-items:start}\n"
    ".level{font-size:15pt;font-weight:600;margin:0 0 1mm;color:#0b3a5d}\n"
    ".caveat{border:1px solid #8aa0b4;background:#f4f6f8;padding:2mm 3mm;font-size:9pt}\n"
    ".caveat p{margin:0 0 1mm}\n"
    "ol.top{margin:1mm 0;padding-left:6mm}ol.top li{margin:0 0 1mm}\n"
    "tr.weakest td{font-weight:600}\n"
    ".marking-screen{font-weight:700;text-align:right;margin:0}\n"
    "dl.meta{display:grid;grid-template-columns:auto 1fr;gap:0 4mm;margin:0}\n"
    "dl.meta dt{font-weight:600}dl.meta dd{margin:0}\n"
    "table{border-collapse:collapse;width:100%;margin:2mm 0}\n"
    "th,td{border-bottom:1px solid #d5dde5;padding:1mm 2mm;text-align:left;vertical-align:top}\n"
    "td.n,th.n{text-align:right;white-space:nowrap}\n"
    "tr,figure,li.step,.q,table.data{break-inside:avoid}\n"
    "figure{margin:3mm 0}figcaption{font-weight:600;margin:0 0 1mm}\n"
    "table.data{font-size:8.5pt}table.data caption{text-align:left;font-weight:600}\n"
    "table.data th.n{white-space:normal}\n"
    ".chart svg,svg.chart{width:100%;height:auto;max-width:180mm}\n"
    ".q{border-left:3px solid #d5dde5;padding:0 0 0 3mm;margin:2mm 0 4mm}\n"
    ".q.open{border-left-color:#b3261e}\n"
    ".stop{font-weight:700;color:#b3261e}\n"
    ".note{white-space:normal;background:#f4f6f8;padding:1.5mm 2.5mm;margin:1mm 0;"
    "overflow-wrap:anywhere}\n"
    ".flag{display:inline-block;border:1px solid #8aa0b4;border-radius:2mm;padding:0 1.5mm;"
    "font-size:9pt;margin-right:1.5mm}\n"
    ".flag.no{border-color:#ccc;color:#595959}\n"
    "ul.plan{margin:1mm 0 2mm}.track,.for{color:#444;font-size:9pt}\n"
    ".small{font-size:9pt;color:#444}\n"
    ".side{display:grid;grid-template-columns:1fr 1fr;gap:4mm}\n"
    ".side>div{border:1px solid #d5dde5;padding:2mm 3mm}\n"
    ".s0{fill:#1f5f8b}.s1{fill:#b35900}.s2{fill:#5c5c5c}.s3{fill:#2e7d32}.s4{fill:#7b3fa0}"
    ".s5{fill:#8a4f2a}\n"
    ".grid{stroke:#c9d3dc;stroke-width:1}.axis{stroke:#555;stroke-width:1}\n"
    "svg text{font-family:Arial,sans-serif;font-size:11px;fill:#1a1a1a}"
    "svg .val{font-size:10px}svg .lab{font-weight:bold}\n"
    "@media print{body{padding:0;max-width:none}a{color:inherit;text-decoration:none}"
    ".marking-screen{display:none}}\n";

static void esc(struct sbuf *o, const char *s)
{
    html_escape(o, s, 0);
}

/* Text inside a CSS string in the <style> element: quotes and backslashes escaped, no line
 * breaks, and no '<' or '>' so it cannot end the element. */
static void css_string(struct sbuf *o, const char *s)
{
    char *clean = text_sanitize_dup(s ? s : "", 0);
    if (!clean) {
        o->oom = 1;
        return;
    }
    sbuf_addc(o, '"');
    for (const char *p = clean; *p; p++) {
        if (*p == '"' || *p == '\\')
            sbuf_addf(o, "\\%c", *p);
        else if (*p == '<')
            sbuf_add(o, "\\3C ");
        else if (*p == '>')
            sbuf_add(o, "\\3E ");
        else if (*p == '\n' || *p == '\r' || *p == '\t')
            sbuf_addc(o, ' ');
        else
            sbuf_addc(o, *p);
    }
    sbuf_addc(o, '"');
    free(clean);
}

/* Every printed page: the organisation and date at the top left, the marking at the top
 * right, the page number at the bottom right. */
static void page_rules(struct sbuf *o, const struct ops_report *r, const struct report_opts *ro)
{
    sbuf_add(o, "@page{size:A4;margin:18mm 15mm 17mm 15mm;\n@top-left{content:");
    struct sbuf t;
    sbuf_init(&t);
    sbuf_addf(&t, "%s · %s", r->s->organisation, r->s->date);
    css_string(o, t.p ? t.p : "");
    sbuf_add(o, ";font-size:8pt;color:#444}\n");
    if (ro->marking && *ro->marking) {
        sbuf_add(o, "@top-right{content:");
        css_string(o, ro->marking);
        sbuf_add(o, ";font-size:9pt;font-weight:700;color:#1a1a1a}\n");
    }
    sbuf_add(o, "@bottom-right{content:");
    css_string(o, rep_msg(M_REP_PAGE));
    sbuf_add(o, " counter(page) ");
    css_string(o, rep_msg(M_REP_PAGE_OF));
    sbuf_add(o, " counter(pages);font-size:8pt;color:#444}}\n");
    sbuf_free(&t);
}

static void head(struct sbuf *o, const struct ops_report *r, const struct report_opts *ro)
{
    char t[1024];
    rep_msg_format(t, sizeof t, M_REP_TITLE, r->b->name, r->s->organisation);
    html_head(o, t);
    sbuf_add(o, css);
    page_rules(o, r, ro);
    sbuf_add(o, "</style>\n</head>\n<body>\n");
    if (ro->marking && *ro->marking) {
        sbuf_add(o, "<p class=\"marking-screen\">");
        esc(o, ro->marking);
        sbuf_add(o, "</p>\n");
    }
}

/* A paragraph of plain text. */
static void para(struct sbuf *o, const char *cls, const char *text)
{
    if (cls)
        sbuf_addf(o, "<p class=\"%s\">", cls);
    else
        sbuf_add(o, "<p>");
    esc(o, text);
    sbuf_add(o, "</p>\n");
}

static void h2(struct sbuf *o, const char *text)
{
    sbuf_add(o, "<h2>");
    esc(o, text);
    sbuf_add(o, "</h2>\n");
}

/* The level, the totals under it. */
static void level_totals(struct sbuf *o, const struct ops_report *r)
{
    struct sbuf t;
    sbuf_init(&t);
    report_level_line(&t, r);
    para(o, "level", t.p ? t.p : "");
    sbuf_reset(&t);
    report_totals_line(&t, r);
    para(o, NULL, t.p ? t.p : "");
    sbuf_free(&t);
}

/* --- page 1: the summary --- */

static void summary_head(struct sbuf *o, const struct ops_report *r)
{
    const struct session *s = r->s;
    char t[1024];
    struct sbuf m;
    sbuf_init(&m);
    rep_msg_format(t, sizeof t, M_REP_TITLE, r->b->name, s->organisation);
    sbuf_add(o, "<h1>");
    esc(o, t);
    sbuf_add(o, "</h1>\n");
    sbuf_addf(&m, "%s · %s %s · %s: ", group_name(s->group), rep_msg(M_REP_DATE), s->date,
              rep_msg(M_REP_PERIOD));
    report_period(&m, s);
    para(o, "meta", m.p ? m.p : "");
    sbuf_free(&m);
}

static void summary_level(struct sbuf *o, const struct ops_report *r)
{
    struct sbuf t;
    sbuf_init(&t);
    sbuf_add(o, "<div class=\"result\">\n<div>\n");
    level_totals(o, r);
    if (r->have_since) {
        sbuf_reset(&t);
        char head[256];
        rep_msg_format(head, sizeof head, M_REP_SINCE_HEAD, r->since.old->date);
        sbuf_addf(&t, "%s: ", head);
        report_since_line(&t, r);
        para(o, NULL, t.p ? t.p : "");
    }
    sbuf_add(o, "</div>\n<aside class=\"caveat\">\n<p><strong>");
    esc(o, rep_msg(M_REP_CAVEAT_HEAD));
    sbuf_add(o, "</strong></p>\n");
    para(o, NULL, rep_msg(M_REP_MODEL_NOTE));
    if (r->b->kind == BANK_SCALE)
        para(o, NULL, rep_msg(M_REP_SCALE_CAVEAT));
    sbuf_add(o, "</aside>\n</div>\n");
    sbuf_free(&t);
}

/* The weakest areas, each beside the group's value on the same measure. */
static void summary_weakest(struct sbuf *o, const struct ops_report *r)
{
    const struct bank *b = r->b;
    struct sbuf t;
    sbuf_init(&t);
    h2(o, rep_msg(M_REP_WEAKEST));
    sbuf_addf(o, "<table class=\"weak\">\n<thead><tr><th>%s</th><th class=\"n\">%s</th>"
                 "<th class=\"n\">%s</th><th>%s</th></tr></thead>\n<tbody>\n",
              rep_msg(M_W_AREA), rep_msg(M_REP_ORG_COL), rep_msg(M_REP_GROUP_COL),
              rep_msg(M_REP_BELOW_COL));
    for (int k = 0; k < r->n_weakest; k++) {
        int ai = r->weakest[k];
        const struct benchmark *f;
        double g = ops_report_group_value(r, ai, &f), v = ops_report_org_value(r, ai);
        sbuf_add(o, k < OPS_REPORT_WEAKEST ? "<tr class=\"weakest\"><td>" : "<tr><td>");
        esc(o, b->areas[ai].short_name ? b->areas[ai].short_name : b->areas[ai].name);
        sbuf_add(o, "</td><td class=\"n\">");
        sbuf_reset(&t);
        report_org_value(&t, r, ai);
        esc(o, t.p ? t.p : "");
        sbuf_add(o, "</td><td class=\"n\">");
        sbuf_reset(&t);
        fmt_level(&t, b, 0, g, FMT_LEVEL_VALUE);
        esc(o, t.p ? t.p : "");
        sbuf_add(o, "</td><td>");
        if (g >= 0 && v >= 0)
            esc(o, yes_no(v < g));
        sbuf_add(o, "</td></tr>\n");
    }
    sbuf_add(o, "</tbody>\n</table>\n");
    sbuf_reset(&t);
    report_weakest_note(&t, r);
    para(o, "small", t.p ? t.p : "");
    sbuf_free(&t);
}

/* A step on page 1 is cut to two lines of print; the plan further on has it whole. */
#define SUMMARY_STEP_COLS 170

static void summary_steps(struct sbuf *o, const struct ops_report *r)
{
    struct sbuf t;
    sbuf_init(&t);
    h2(o, rep_msg(M_REP_TOP_HEAD));
    if (!r->have_plan) {
        para(o, NULL, rep_msg(M_REP_TOP_NONE));
        sbuf_free(&t);
        return;
    }
    sbuf_add(o, "<ol class=\"top\">\n");
    struct sbuf cut;
    sbuf_init(&cut);
    for (int k = 0; k < r->n_top; k++) {
        sbuf_reset(&t);
        sbuf_reset(&cut);
        report_step_brief(&t, r, &r->plan.items[r->top[k]]);
        text_truncate(&cut, t.p ? t.p : "", SUMMARY_STEP_COLS, 1); /* the plan has it whole */
        sbuf_add(o, "<li>");
        esc(o, cut.p ? cut.p : "");
        sbuf_add(o, "</li>\n");
    }
    sbuf_add(o, "</ol>\n");
    sbuf_free(&cut);
    sbuf_reset(&t);
    report_top_note(&t, r);
    para(o, "small", t.p ? t.p : "");
    sbuf_free(&t);
}

/* Both banks of Cybersäkerhetskollen side by side, each its own result. */
static void side_by_side(struct sbuf *o, const struct ops_report *r)
{
    if (!r->comp)
        return;
    const struct ops_report *two[2] = {r, r->comp};
    if (r->b->kind == BANK_SCALE) { /* Infosäkkollen first, as MSB names them */
        two[0] = r->comp;
        two[1] = r;
    }
    struct sbuf t;
    sbuf_init(&t);
    h2(o, rep_msg(M_REP_CYBER_HEAD));
    sbuf_add(o, "<div class=\"side\">\n");
    for (int k = 0; k < 2; k++) {
        sbuf_add(o, "<div><p><strong>");
        esc(o, two[k]->b->name);
        sbuf_add(o, "</strong></p>\n");
        sbuf_reset(&t);
        report_level_line(&t, two[k]);
        para(o, NULL, t.p ? t.p : "");
        sbuf_reset(&t);
        report_totals_line(&t, two[k]);
        para(o, "small", t.p ? t.p : "");
        if (two[k]->b->kind == BANK_SCALE) /* beside the result it qualifies */
            para(o, "small", rep_msg(M_REP_SCALE_CAVEAT));
        sbuf_add(o, "</div>\n");
    }
    sbuf_add(o, "</div>\n");
    para(o, "small", rep_msg(M_REP_CYBER_NOTE));
    sbuf_free(&t);
}

static void summary(struct sbuf *o, const struct ops_report *r)
{
    struct sbuf t;
    sbuf_init(&t);
    sbuf_add(o, "<section class=\"summary\" id=\"summary\">\n");
    summary_head(o, r);
    summary_level(o, r);
    summary_weakest(o, r);
    summary_steps(o, r);
    h2(o, rep_msg(M_REP_RECORDS_HEAD));
    report_records_line(&t, r);
    para(o, NULL, t.p ? t.p : "");
    side_by_side(o, r);
    sbuf_add(o, "</section>\n");
    sbuf_free(&t);
}

/* --- the sections after it --- */

static void workshop(struct sbuf *o, const struct ops_report *r)
{
    const struct session *s = r->s;
    struct sbuf per;
    sbuf_init(&per);
    report_period(&per, s);
    sbuf_add(o, "<section id=\"workshop\">\n");
    h2(o, rep_msg(M_REP_WORKSHOP));
    sbuf_add(o, "<dl class=\"meta\">\n");
    struct {
        enum rep_msg_id label;
        const char *value;
    } rows[] = {
        {M_REP_ORGANISATION, s->organisation},
        {M_W_GROUP, group_name(s->group)},
        {M_REP_DATE, s->date},
        {M_REP_PERIOD, per.p ? per.p : ""},
        {M_REP_FACILITATOR, s->facilitator && *s->facilitator ? s->facilitator : "–"},
        {M_REP_BANK, r->b->name},
        {M_REP_MANAGEMENT_SEEN, s->management_seen},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        if (!rows[i].value)
            continue;
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
    if (s->summary && *s->summary) {
        sbuf_add(o, "<h3>");
        esc(o, rep_msg(M_REP_WORKSHOP_SUMMARY));
        sbuf_add(o, "</h3>\n<div class=\"note\">");
        html_escape(o, s->summary, 1);
        sbuf_add(o, "</div>\n");
    }
    sbuf_add(o, "</section>\n");
    sbuf_free(&per);
}

/* The area table of one report (this session's or the companion's). */
static void area_table(struct sbuf *o, const struct ops_report *r)
{
    const struct bank *b = r->b;
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
        report_bench_area(o, r, ai, esc);
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
    sbuf_add(o, "</tbody>\n</table>\n");
    para(o, "small", rep_msg(scale ? M_REP_VALUE_NOTE_SCALE : M_REP_VALUE_NOTE));
}

static void result(struct sbuf *o, const struct ops_report *r)
{
    struct sbuf t;
    sbuf_init(&t);
    sbuf_add(o, "<section id=\"result\">\n");
    h2(o, rep_msg(M_REP_RESULT));
    report_level_line(&t, r);
    para(o, "level", t.p ? t.p : "");
    sbuf_reset(&t);
    report_totals_line(&t, r);
    sbuf_add(&t, "\n");
    sbuf_addf(&t, "%s: ", rep_msg(M_REP_BENCH));
    report_bench_name(&t, r);
    sbuf_add(o, "<p>");
    html_escape(o, t.p ? t.p : "", 1);
    report_bench_values(o, r);
    sbuf_add(o, "</p>\n");
    area_table(o, r);
    sbuf_add(o, "</section>\n");
    sbuf_free(&t);
}

static void peers(struct sbuf *o, const struct ops_report *r)
{
    sbuf_add(o, "<section id=\"peers\">\n");
    h2(o, rep_msg(M_REP_PEERS));
    chart_peers(o, r);
    chart_actions(o, r);
    sbuf_add(o, "</section>\n");
}

static void since(struct sbuf *o, const struct ops_report *r)
{
    if (!r->have_since)
        return;
    const struct bank *b = r->b;
    const struct score *x = &r->since.sc_old, *y = &r->sc;
    struct sbuf t;
    sbuf_init(&t);
    sbuf_add(o, "<section id=\"since\">\n");
    h2(o, rep_msg(M_REP_SINCE));
    report_since_line(&t, r);
    para(o, NULL, t.p ? t.p : "");
    const char *what = b->kind == BANK_SCALE ? rep_msg(M_W_MEAN) : msg(M_W_LEVEL);
    sbuf_addf(o, "<table class=\"since\">\n<thead><tr><th>%s</th><th class=\"n\">%s %s</th>"
                 "<th class=\"n\">%s %s</th>",
              rep_msg(M_W_AREA), what, r->since.old->date, what, r->s->date);
    if (b->kind != BANK_SCALE)
        sbuf_addf(o, "<th class=\"n\">%s %s</th><th class=\"n\">%s %s</th>"
                     "<th class=\"n\">%s</th>",
                  rep_msg(M_W_ACTIONS), r->since.old->date, rep_msg(M_W_ACTIONS), r->s->date,
                  rep_msg(M_REP_CHANGE));
    sbuf_add(o, "</tr></thead>\n<tbody>\n");
    for (int ai = 0; ai < b->n_areas; ai++) {
        sbuf_add(o, "<tr><td>");
        esc(o, b->areas[ai].name);
        sbuf_add(o, "</td><td class=\"n\">");
        fmt_level(o, b, x->areas[ai].level, x->areas[ai].value, FMT_LEVEL_NUMBER);
        sbuf_add(o, "</td><td class=\"n\">");
        fmt_level(o, b, y->areas[ai].level, y->areas[ai].value, FMT_LEVEL_NUMBER);
        if (b->kind != BANK_SCALE) {
            sbuf_reset(&t);
            report_pct(&t, x->areas[ai].actions, y->areas[ai].actions);
            sbuf_addf(o, "</td><td class=\"n\">%d</td><td class=\"n\">%d</td><td class=\"n\">",
                      x->areas[ai].actions, y->areas[ai].actions);
            esc(o, t.p ? t.p : "");
        }
        sbuf_add(o, "</td></tr>\n");
    }
    sbuf_add(o, "</tbody>\n</table>\n");
    chart_since(o, r);
    sbuf_add(o, "</section>\n");
    sbuf_free(&t);
}

/* The stops of the next level and the plan that resolves them: one section. */
static void plan_section(struct sbuf *o, const struct ops_report *r)
{
    struct sbuf g;
    char t[1024];
    sbuf_init(&g);
    sbuf_add(o, "<section id=\"plan\">\n");
    if (!r->have_plan) {
        h2(o, rep_msg(M_REP_BLOCKERS_NONE_HEAD));
        para(o, NULL, rep_msg(M_W_NO_BLOCKERS));
    } else {
        fmt_level(&g, r->b, r->plan.goal_level, 0, FMT_LEVEL_NAME);
        rep_msg_format(t, sizeof t, M_REP_PLAN_HEAD, g.p ? g.p : "");
        h2(o, t);
        rep_msg_format(t, sizeof t, M_REP_PLAN_INTRO, r->sc.n_blockers);
        para(o, NULL, t);
        plan_render_html(o, r->b, r->s, &r->plan, 3, 1);
    }
    sbuf_add(o, "</section>\n");
    sbuf_free(&g);
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

static void evidence_list(struct sbuf *o, const struct answer *a)
{
    if (!a->n_evidence)
        return;
    sbuf_addf(o, "<p><strong>%s:</strong></p>\n<ul class=\"evidence\">\n", rep_msg(M_REP_EVIDENCE));
    for (int k = 0; k < a->n_evidence; k++) {
        sbuf_add(o, "<li>");
        esc(o, a->evidence[k]);
        sbuf_add(o, "</li>\n");
    }
    sbuf_add(o, "</ul>\n");
}

static void question(struct sbuf *o, const struct ops_report *r, int qi)
{
    const struct bank *b = r->b;
    const struct question *q = &b->questions[qi];
    const struct answer *a = &r->s->answers[qi];
    struct sbuf t;
    sbuf_init(&t);
    sbuf_addf(o, "<div class=\"q%s\">\n<h4>%s %d", r->blocks[qi] ? " open" : "", msg(M_W_QUESTION),
              q->number);
    if (r->blocks[qi]) { /* in words, not only the border's colour */
        char stop[128];
        rep_msg_format(stop, sizeof stop, M_W_BLOCKERS, r->sc.blockers[0].level);
        sbuf_add(o, " <span class=\"stop\">");
        esc(o, stop);
        sbuf_add(o, "</span>");
    }
    sbuf_add(o, "</h4>\n<p>");
    char *text = fmt_period_text(q->text, r->s->period_from, r->s->period_to);
    esc(o, text ? text : q->text);
    free(text);
    sbuf_addf(o, "</p>\n<p><strong>%s:</strong> ", rep_msg(M_REP_ANSWER));
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
    evidence_list(o, a);
    if (a->note && *a->note) {
        sbuf_addf(o, "<p><strong>%s:</strong></p>\n<div class=\"note\">", rep_msg(M_REP_NOTE));
        html_escape(o, a->note, 1);
        sbuf_add(o, "</div>\n");
    }
    sbuf_add(o, "</div>\n");
    sbuf_free(&t);
}

static void questions(struct sbuf *o, const struct ops_report *r)
{
    const struct bank *b = r->b;
    sbuf_add(o, "<section id=\"questions\">\n");
    h2(o, rep_msg(M_REP_QUESTIONS));
    for (int ai = 0; ai < b->n_areas; ai++) {
        sbuf_add(o, "<h3>");
        esc(o, b->areas[ai].name);
        sbuf_add(o, "</h3>\n");
        for (int qi = 0; qi < b->n_questions; qi++)
            if (b->questions[qi].area == ai)
                question(o, r, qi);
    }
    sbuf_add(o, "</section>\n");
}

/* The companion bank's result in full, scored by its own model. */
static void companion(struct sbuf *o, const struct ops_report *r)
{
    if (!r->comp)
        return;
    const struct ops_report *c = r->comp;
    char line[1400];
    sbuf_add(o, "<section id=\"companion\">\n");
    h2(o, c->b->name);
    rep_msg_format(line, sizeof line, M_REP_COMPANION_FILE, c->s->organisation, c->s->date);
    para(o, "small", line);
    level_totals(o, c);
    if (c->b->kind == BANK_SCALE)
        para(o, "caveat", rep_msg(M_REP_SCALE_CAVEAT));
    area_table(o, c);
    para(o, "small", rep_msg(M_REP_CYBER_NOTE));
    sbuf_add(o, "</section>\n");
}

static void provenance(struct sbuf *o, const struct ops_report *r)
{
    const struct bank *b = r->b;
    struct sbuf t;
    sbuf_init(&t);
    sbuf_add(o, "<section id=\"bank\">\n");
    h2(o, rep_msg(M_REP_ABOUT_BANK));
    sbuf_add(o, "<p>");
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
    report_provenance_counts(&t, r);
    sbuf_add(o, "<p>");
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
    para(o, "small", rep_msg(M_REP_MODEL_NOTE));
    sbuf_add(o, "</section>\n");
    sbuf_free(&t);
}

void report_html(struct sbuf *o, const struct ops_report *r, const struct report_opts *ro)
{
    head(o, r, ro);
    sbuf_add(o, "<main>\n");
    summary(o, r);
    workshop(o, r);
    result(o, r);
    peers(o, r);
    since(o, r);
    plan_section(o, r);
    questions(o, r);
    companion(o, r);
    provenance(o, r);
    report_html_registers(o, r);
    sbuf_add(o, "</main>\n</body>\n</html>\n");
}
