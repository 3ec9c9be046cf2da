/* summary_out.c: `kollen summary` as JSON (for programs), CSV (for spreadsheets: RFC 4180,
 * decimal points) and one self-contained HTML page (no script, no external asset). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kollen/fmt.h"
#include "kollen/msg.h"
#include "report.h"
#include "summary.h"

static const char *const spread_key[SPREAD_COUNT] = {"weakest", "middle", "best"};
static const enum rep_msg_id spread_word[SPREAD_COUNT] = {M_MANY_WEAKEST, M_MANY_MIDDLE,
                                                         M_MANY_BEST};

/* --- JSON --- */

static void json_counts(struct json *j, const int *counts, int n_levels)
{
    json_key(j, "level_counts");
    json_begin(j, '[');
    for (int lv = 0; lv <= n_levels; lv++)
        json_int(j, counts[lv]);
    json_end(j, ']');
}

static void json_spread(struct json *j, const struct ops_group_summary *g, int names)
{
    const struct bank *b = g->bank;
    json_key(j, "spread");
    json_begin(j, '{');
    json_kint(j, "target", g->sum.spread_target);
    for (int k = 0; k < SPREAD_COUNT; k++) {
        const struct spread_group *sg = &g->sum.spread[k];
        json_key(j, spread_key[k]);
        json_begin(j, '{');
        json_kint(j, "sessions", sg->n);
        json_knum(j, "level", sg->value, 3);
        json_kmilli(j, "points", (long)(sg->points_milli + 0.5));
        json_knum(j, "actions", sg->actions, 1);
        json_key(j, "areas");
        json_begin(j, '{');
        for (int a = 0; a < b->n_areas; a++) {
            json_key(j, b->areas[a].id);
            json_num(j, sg->area_value[a], 3);
        }
        json_end(j, '}');
        if (names && sg->names) {
            json_key(j, "organisations");
            json_begin(j, '[');
            for (int i = 0; i < sg->n; i++)
                json_str(j, sg->names[i]);
            json_end(j, ']');
        }
        json_end(j, '}');
    }
    json_end(j, '}');
}

static void json_group(struct json *j, const struct ops_group_summary *g, int names)
{
    const struct bank *b = g->bank;
    json_begin(j, '{');
    json_kstr(j, "bank", b->id);
    json_kstr(j, "group", group_name(g->group));
    json_kint(j, "sessions", g->n);
    json_kbool(j, "shown", g->shown);
    if (!g->shown) {
        json_end(j, '}');
        return;
    }
    json_counts(j, g->sum.level_count, g->sum.n_levels);
    json_knum(j, "level", g->sum.value, 3);
    json_kmilli(j, "points", (long)(g->sum.points_milli + 0.5));
    json_knum(j, "actions", g->sum.actions, 1);
    json_key(j, "areas");
    json_begin(j, '[');
    for (int a = 0; a < b->n_areas; a++) {
        json_begin(j, '{');
        json_kstr(j, "id", b->areas[a].id);
        json_counts(j, &g->sum.area_level_count[a * (g->sum.n_levels + 1)], g->sum.n_levels);
        json_knum(j, "level", g->sum.area_value[a], 3);
        json_end(j, '}');
    }
    json_end(j, ']');
    json_spread(j, g, names);
    json_key(j, "blocking_level_1");
    json_begin(j, '[');
    for (int i = 0; i < g->sum.n_blocking; i++) {
        json_begin(j, '{');
        json_kint(j, "question", b->questions[g->sum.blocking[i].question].number);
        json_kint(j, "sessions", g->sum.blocking[i].count);
        json_end(j, '}');
    }
    json_end(j, ']');
    json_end(j, '}');
}

void summary_json(struct sbuf *o, const struct ops_summary *s, int names)
{
    struct json j;
    json_init(&j, o);
    json_begin(&j, '{');
    json_kint(&j, "files", s->tally.files);
    json_kint(&j, "unreadable", s->tally.failed);
    json_kint(&j, "min_group", s->min_group);
    json_key(&j, "groups");
    json_begin(&j, '[');
    for (int i = 0; i < s->n; i++)
        json_group(&j, &s->v[i], names);
    json_end(&j, ']');
    json_end(&j, '}');
}

/* --- CSV --- */

static void csv_num(struct sbuf *o, double v, int decimals)
{
    sbuf_addc(o, ',');
    text_decimal(o, v, decimals, 0);
}

static void csv_head(struct sbuf *o, int n_levels)
{
    csv_field(o, rep_msg(M_REP_BANK));
    sbuf_addc(o, ',');
    csv_field(o, rep_msg(M_W_GROUP));
    sbuf_addc(o, ',');
    csv_field(o, rep_msg(M_MANY_SESSIONS));
    sbuf_addc(o, ',');
    csv_field(o, rep_msg(M_W_AREA));
    for (int lv = 0; lv <= n_levels; lv++)
        sbuf_addf(o, ",%s %d (%%)", msg(M_W_LEVEL), lv);
    sbuf_addc(o, ',');
    csv_field(o, rep_msg(M_MANY_MEAN_LEVEL));
    for (int k = 0; k < SPREAD_COUNT; k++) {
        char w[64];
        rep_msg_format(w, sizeof w, spread_word[k]);
        sbuf_addc(o, ',');
        csv_field(o, w);
    }
    sbuf_add(o, "\r\n");
}

void summary_csv(struct sbuf *o, const struct ops_summary *s)
{
    int n_levels = 0;
    for (int i = 0; i < s->n; i++)
        if (s->v[i].bank->n_levels > n_levels)
            n_levels = s->v[i].bank->n_levels;
    csv_head(o, n_levels);
    for (int i = 0; i < s->n; i++) {
        const struct ops_group_summary *g = &s->v[i];
        for (int r = -1; r < (g->shown ? g->bank->n_areas : 0); r++) {
            struct summary_row row;
            csv_field(o, g->bank->id);
            sbuf_addf(o, ",%s,%d,", group_name(g->group), g->n);
            if (!g->shown) { /* too few to show: the count alone, every other cell empty */
                for (int k = 0; k < n_levels + 1 + 1 + SPREAD_COUNT; k++)
                    sbuf_addc(o, ',');
                sbuf_add(o, "\r\n");
                break;
            }
            summary_row(g, r, &row);
            csv_field(o, row.label);
            for (int lv = 0; lv <= n_levels; lv++) {
                if (lv <= g->bank->n_levels)
                    csv_num(o, g->n ? 100.0 * row.counts[lv] / g->n : 0, 1);
                else
                    sbuf_addc(o, ',');
            }
            csv_num(o, row.mean, 3);
            for (int k = 0; k < SPREAD_COUNT; k++) {
                if (g->sum.spread[k].n)
                    csv_num(o, row.spread[k], 3);
                else
                    sbuf_addc(o, ',');
            }
            sbuf_add(o, "\r\n");
        }
    }
}

/* --- HTML --- */

static const char *const css =
    "body{font-family:\"Segoe UI\",\"Helvetica Neue\",Arial,sans-serif;font-size:10.5pt;"
    "line-height:1.4;color:#1a1a1a;max-width:190mm;margin:0 auto;padding:8mm 4mm}\n"
    "h1{font-size:19pt;color:#0b3a5d}h2{font-size:14pt;color:#0b3a5d;margin-top:9mm;"
    "border-bottom:1px solid #b8c7d6}\nh3{font-size:11.5pt;margin:5mm 0 1mm}\n"
    "table{border-collapse:collapse;margin:2mm 0}\n"
    "th,td{border-bottom:1px solid #d5dde5;padding:1mm 2mm;text-align:left}\n"
    "td.n,th.n{text-align:right;white-space:nowrap}\ntr{break-inside:avoid}\n"
    ".small{font-size:9pt;color:#444}\n";

static void esc(struct sbuf *o, const char *s)
{
    html_escape(o, s, 0);
}

/* A group's table: its heading, and the row of column headings up to the first, empty one. */
static void html_table_head(struct sbuf *o, enum rep_msg_id title)
{
    sbuf_add(o, "<h3>");
    esc(o, rep_msg(title));
    sbuf_add(o, "</h3>\n<table>\n<tr><th></th>");
}

/* Row r of a group's table (-1: every area): into row, and its heading cell written. */
static void html_row_head(struct sbuf *o, const struct ops_group_summary *g, int r,
                          struct summary_row *row)
{
    summary_row(g, r, row);
    sbuf_add(o, "<tr><th>");
    esc(o, row->label);
    sbuf_add(o, "</th>");
}

static void html_shares(struct sbuf *o, const struct ops_group_summary *g)
{
    html_table_head(o, M_MANY_SHARES);
    for (int lv = 0; lv <= g->sum.n_levels; lv++)
        sbuf_addf(o, "<th class=\"n\">%s %d</th>", msg(M_W_LEVEL), lv);
    sbuf_add(o, "<th class=\"n\">");
    esc(o, rep_msg(M_MANY_MEAN_LEVEL));
    sbuf_add(o, "</th></tr>\n");
    for (int r = -1; r < g->bank->n_areas; r++) {
        struct summary_row row;
        html_row_head(o, g, r, &row);
        for (int lv = 0; lv <= g->sum.n_levels; lv++) {
            sbuf_add(o, "<td class=\"n\">");
            summary_share(o, row.counts[lv], g->n, fmt_comma());
            sbuf_add(o, "</td>");
        }
        sbuf_add(o, "<td class=\"n\">");
        fmt_decimal(o, row.mean, 2);
        sbuf_add(o, "</td></tr>\n");
    }
    sbuf_add(o, "</table>\n<p>");
    struct sbuf m;
    sbuf_init(&m);
    summary_means(&m, g);
    if (m.len && m.p[m.len - 1] == '\n')
        m.p[--m.len] = '\0';
    esc(o, m.p ? m.p : "");
    sbuf_free(&m);
    sbuf_add(o, "</p>\n");
}

static void html_spread(struct sbuf *o, const struct ops_group_summary *g, int names)
{
    char w[64];
    html_table_head(o, M_MANY_SPREAD);
    for (int k = 0; k < SPREAD_COUNT; k++) {
        rep_msg_format(w, sizeof w, spread_word[k]);
        sbuf_add(o, "<th class=\"n\">");
        esc(o, w);
        sbuf_addf(o, " (%d)</th>", g->sum.spread[k].n);
    }
    sbuf_add(o, "</tr>\n");
    for (int r = -1; r < g->bank->n_areas; r++) {
        struct summary_row row;
        html_row_head(o, g, r, &row);
        for (int k = 0; k < SPREAD_COUNT; k++) {
            sbuf_add(o, "<td class=\"n\">");
            if (g->sum.spread[k].n)
                fmt_decimal(o, row.spread[k], 2);
            else
                sbuf_add(o, "–");
            sbuf_add(o, "</td>");
        }
        sbuf_add(o, "</tr>\n");
    }
    sbuf_add(o, "</table>\n");
    for (int k = SPREAD_COUNT - 1; names && k >= 0; k -= 2) {
        const struct spread_group *sg = &g->sum.spread[k];
        rep_msg_format(w, sizeof w, spread_word[k]);
        sbuf_add(o, "<p>");
        esc(o, w);
        sbuf_add(o, ":");
        for (int i = 0; sg->names && i < sg->n; i++) {
            sbuf_add(o, i ? ", " : " ");
            esc(o, sg->names[i] ? sg->names[i] : "?");
        }
        sbuf_add(o, "</p>\n");
    }
}

static void html_blocking(struct sbuf *o, const struct ops_group_summary *g)
{
    const struct bank *b = g->bank;
    sbuf_add(o, "<h3>");
    esc(o, rep_msg(g->sum.n_blocking ? M_MANY_BLOCKING : M_MANY_NOTHING_BLOCKS));
    sbuf_add(o, "</h3>\n<ol>\n");
    for (int i = 0; i < g->sum.n_blocking && i < SUMMARY_BLOCKING; i++) {
        const struct blocker_count *bc = &g->sum.blocking[i];
        const struct question *q = &b->questions[bc->question];
        struct sbuf pct;
        sbuf_init(&pct);
        text_decimal(&pct, 100.0 * bc->count / g->n, 1, fmt_comma());
        char t[128];
        rep_msg_format(t, sizeof t, M_MANY_BLOCKING_ROW, bc->count, pct.p);
        sbuf_addf(o, "<li>%s %d · ", msg(M_W_QUESTION), q->number);
        esc(o, b->areas[q->area].name);
        sbuf_add(o, " · ");
        esc(o, t);
        sbuf_add(o, "<br><span class=\"small\">");
        esc(o, q->text);
        sbuf_add(o, "</span></li>\n");
        sbuf_free(&pct);
    }
    sbuf_add(o, "</ol>\n");
}

static void html_group(struct sbuf *o, const struct ops_summary *s,
                       const struct ops_group_summary *g, int names)
{
    char t[512];
    rep_msg_format(t, sizeof t, g->shown ? M_MANY_GROUP_HEAD : M_MANY_TOO_SMALL, g->bank->name,
                   group_name(g->group), g->n, s->min_group);
    sbuf_add(o, "<section>\n<h2>");
    esc(o, t);
    sbuf_add(o, "</h2>\n");
    if (g->shown) {
        html_shares(o, g);
        html_spread(o, g, names);
        html_blocking(o, g);
    }
    sbuf_add(o, "</section>\n");
}

void summary_html(struct sbuf *o, const struct ops_summary *s, int names)
{
    int total = 0;
    for (int i = 0; i < s->n; i++)
        total += s->v[i].n;
    char t[256];
    rep_msg_format(t, sizeof t, M_MANY_TITLE, total);
    html_head(o, t);
    sbuf_addf(o, "%s</style>\n</head>\n<body>\n<h1>", css);
    esc(o, t);
    sbuf_add(o, "</h1>\n<p class=\"small\">");
    esc(o, rep_msg(M_MANY_METHOD));
    sbuf_add(o, "</p>\n");
    if (!s->n) {
        sbuf_add(o, "<p>");
        esc(o, rep_msg(M_MANY_NO_SESSIONS));
        sbuf_add(o, "</p>\n");
    }
    for (int i = 0; i < s->n; i++)
        html_group(o, s, &s->v[i], names);
    sbuf_add(o, "</body>\n</html>\n");
}
