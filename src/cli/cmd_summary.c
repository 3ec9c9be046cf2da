/* cmd_summary.c: `kollen summary`: per actor group the share at each level, overall and per
 * work area, the means, the spread groups and the questions most often blocking level 1. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kollen/fmt.h"
#include "kollen/msg.h"
#include "many.h"
#include "report_msg.h"
#include "summary.h"

#define NAME_W 40
#define COL_W 8
#define SPREAD_W 16

void summary_row(const struct ops_group_summary *g, int r, struct summary_row *out)
{
    const struct cohort_summary *s = &g->sum;
    int nl = s->n_levels + 1;
    out->label = r < 0 ? rep_msg(M_MANY_OVERALL) : g->bank->areas[r].name;
    out->id = r < 0 ? "" : g->bank->areas[r].id;
    out->counts = r < 0 ? s->level_count : &s->area_level_count[r * nl];
    out->mean = r < 0 ? s->value : s->area_value[r];
    for (int k = 0; k < SPREAD_COUNT; k++)
        out->spread[k] = r < 0 ? s->spread[k].value : s->spread[k].area_value[r];
}

void summary_share(struct sbuf *o, int count, int n, int comma)
{
    text_decimal(o, n ? 100.0 * count / n : 0, 1, comma);
    sbuf_add(o, " %");
}

static void shares(struct sbuf *o, const struct ops_group_summary *g, int utf8)
{
    struct sbuf t;
    sbuf_init(&t);
    int nl = g->sum.n_levels;
    sbuf_addf(&t, "%s (%s 0 = %s)", rep_msg(M_MANY_SHARES), msg(M_W_LEVEL), msg(M_W_NO_LEVEL));
    many_cell(o, t.p, NAME_W + 2, 1, utf8);
    for (int lv = 0; lv <= nl; lv++) {
        char n[16];
        snprintf(n, sizeof n, "%d", lv);
        many_cell(o, n, COL_W, 0, utf8);
    }
    many_cell(o, rep_msg(M_MANY_MEAN_LEVEL), 12, 0, utf8);
    sbuf_addc(o, '\n');
    for (int r = -1; r < g->bank->n_areas; r++) {
        struct summary_row row;
        summary_row(g, r, &row);
        sbuf_add(o, "  ");
        many_cell(o, row.label, NAME_W, 1, utf8);
        for (int lv = 0; lv <= nl; lv++) {
            sbuf_reset(&t);
            summary_share(&t, row.counts[lv], g->n, fmt_comma());
            many_cell(o, t.p, COL_W, 0, utf8);
        }
        sbuf_reset(&t);
        fmt_decimal(&t, row.mean, 2);
        many_cell(o, t.p, 12, 0, utf8);
        sbuf_addc(o, '\n');
    }
    sbuf_free(&t);
}

void summary_means(struct sbuf *o, const struct ops_group_summary *g)
{
    const struct bank *b = g->bank;
    struct sbuf lv, pt, mx, ac;
    sbuf_init(&lv);
    sbuf_init(&pt);
    sbuf_init(&mx);
    sbuf_init(&ac);
    fmt_decimal(&lv, g->sum.value, 2);
    fmt_decimal(&pt, g->sum.points_milli / 1000.0, 1);
    fmt_points(&mx, b->max_points_milli);
    fmt_decimal(&ac, g->sum.actions, 1);
    char t[512];
    rep_msg_format(t, sizeof t, M_MANY_MEANS, lv.p, pt.p, mx.p, ac.p, b->max_actions);
    if (b->kind == BANK_SCALE) /* no points or actions on a scale: the level only */
        sbuf_addf(o, "%s: %s %s\n", rep_msg(M_W_MEAN), msg(M_W_LEVEL), lv.p);
    else
        sbuf_addf(o, "%s\n", t);
    sbuf_free(&lv);
    sbuf_free(&pt);
    sbuf_free(&mx);
    sbuf_free(&ac);
}

static const enum rep_msg_id spread_word[SPREAD_COUNT] = {M_MANY_WEAKEST, M_MANY_MIDDLE,
                                                         M_MANY_BEST};

static void spread(struct sbuf *o, const struct ops_group_summary *g, int names, int utf8)
{
    char w[64];
    sbuf_addf(o, "%s\n", rep_msg(M_MANY_SPREAD));
    many_cell(o, "", NAME_W + 2, 1, utf8);
    for (int k = 0; k < SPREAD_COUNT; k++) {
        rep_msg_format(w, sizeof w, spread_word[k]);
        many_cell(o, w, SPREAD_W, 0, utf8);
    }
    sbuf_add(o, "\n  ");
    many_cell(o, rep_msg(M_MANY_SESSIONS), NAME_W, 1, utf8);
    for (int k = 0; k < SPREAD_COUNT; k++) {
        snprintf(w, sizeof w, "%d", g->sum.spread[k].n);
        many_cell(o, w, SPREAD_W, 0, utf8);
    }
    sbuf_addc(o, '\n');
    struct sbuf t;
    sbuf_init(&t);
    for (int r = -1; r < g->bank->n_areas; r++) {
        struct summary_row row;
        summary_row(g, r, &row);
        sbuf_add(o, "  ");
        many_cell(o, row.label, NAME_W, 1, utf8);
        for (int k = 0; k < SPREAD_COUNT; k++) {
            sbuf_reset(&t);
            if (g->sum.spread[k].n)
                fmt_decimal(&t, row.spread[k], 2);
            else
                sbuf_add(&t, "–");
            many_cell(o, t.p, SPREAD_W, 0, utf8);
        }
        sbuf_addc(o, '\n');
    }
    sbuf_free(&t);
    for (int k = SPREAD_COUNT - 1; names && k >= 0; k -= 2) { /* best, then weakest */
        const struct spread_group *sg = &g->sum.spread[k];
        rep_msg_format(w, sizeof w, spread_word[k]);
        sbuf_addf(o, "  %s:", w);
        for (int i = 0; sg->names && i < sg->n; i++)
            sbuf_addf(o, "%s %s", i ? "," : "", sg->names[i] ? sg->names[i] : "?");
        sbuf_addc(o, '\n');
    }
}

static void blocking(struct sbuf *o, const struct ops_group_summary *g, int utf8)
{
    const struct bank *b = g->bank;
    if (!g->sum.n_blocking) {
        sbuf_addf(o, "%s\n", rep_msg(M_MANY_NOTHING_BLOCKS));
        return;
    }
    sbuf_addf(o, "%s\n", rep_msg(M_MANY_BLOCKING));
    for (int i = 0; i < g->sum.n_blocking && i < SUMMARY_BLOCKING; i++) {
        const struct blocker_count *bc = &g->sum.blocking[i];
        const struct question *q = &b->questions[bc->question];
        struct sbuf pct, text;
        sbuf_init(&pct);
        sbuf_init(&text);
        text_decimal(&pct, 100.0 * bc->count / g->n, 1, fmt_comma());
        char t[128];
        rep_msg_format(t, sizeof t, M_MANY_BLOCKING_ROW, bc->count, pct.p);
        text_truncate(&text, q->text, 74, utf8);
        sbuf_addf(o, "  %s %d · %s · %s\n    %s\n", msg(M_W_QUESTION), q->number,
                  b->areas[q->area].name, t, text.p ? text.p : "");
        sbuf_free(&pct);
        sbuf_free(&text);
    }
}

static void text_group(struct sbuf *o, const struct ops_summary *s, const struct ops_group_summary *g,
                       int names, int utf8)
{
    char t[512];
    if (!g->shown) {
        rep_msg_format(t, sizeof t, M_MANY_TOO_SMALL, g->bank->name, group_name(g->group), g->n,
                       s->min_group);
        sbuf_addf(o, "%s\n", t);
        return;
    }
    rep_msg_format(t, sizeof t, M_MANY_GROUP_HEAD, g->bank->name, group_name(g->group), g->n);
    sbuf_addf(o, "%s\n\n", t);
    shares(o, g, utf8);
    summary_means(o, g);
    sbuf_addc(o, '\n');
    spread(o, g, names, utf8);
    sbuf_addc(o, '\n');
    blocking(o, g, utf8);
}

static void summary_text(struct sbuf *o, const struct ops_summary *s, int names, int utf8)
{
    if (!s->n) {
        sbuf_addf(o, "%s\n", rep_msg(M_MANY_NO_SESSIONS));
        return;
    }
    for (int i = 0; i < s->n; i++) {
        if (i)
            sbuf_addc(o, '\n');
        text_group(o, s, &s->v[i], names, utf8);
    }
}

int cmd_summary(const struct cli *c, int argc, char **argv)
{
    int names = 0;
    const char *group = NULL, *bank = NULL, *format = NULL, *min = NULL;
    const struct opt opts[] = {
        {"group", 1, &group, NULL, NULL},   {"bank", 1, &bank, NULL, NULL},
        {"format", 1, &format, NULL, NULL}, {"names", 0, NULL, &names, NULL},
        {"min-group", 1, &min, NULL, NULL}, {NULL, 0, NULL, NULL, NULL},
    };
    struct many_args m;
    int min_group = 0;
    struct ops_select sel;
    int rc = many_parse(c, argc, argv, opts, M_USAGE_cmd_summary, &m);
    if (!rc && format && strcmp(format, "text") && strcmp(format, "json") &&
        strcmp(format, "csv") && strcmp(format, "html")) {
        cli_error(c, M_CLI_BAD_FORMAT, format, "text, json, csv, html");
        rc = EXIT_USAGE;
    }
    if (!rc)
        rc = many_select(c, group, bank, 0, &sel);
    if (!rc)
        rc = many_min_group(c, min, &min_group);
    if (!rc)
        rc = many_load(c, &m);
    if (!rc) {
        struct diags d;
        diags_init(&d);
        struct ops_summary s;
        int orc = ops_summary(&m.in, m.banks, &sel, min_group, names, &s, &d);
        struct sbuf o;
        sbuf_init(&o);
        if (!orc && (!format || !strcmp(format, "text")))
            summary_text(&o, &s, names, c->utf8);
        else if (!orc && !strcmp(format, "json"))
            summary_json(&o, &s, names);
        else if (!orc && !strcmp(format, "csv"))
            summary_csv(&o, &s);
        else if (!orc)
            summary_html(&o, &s, names);
        if (o.p && (!format || !strcmp(format, "text")))
            cli_put(o.p);
        else if (o.p)
            fputs(o.p, stdout);
        sbuf_free(&o);
        rc = many_exit(c, orc, &d, &s.tally, &m.in);
        if (!orc)
            ops_summary_free(&s);
        diags_free(&d);
    }
    many_args_free(&m);
    return rc;
}
