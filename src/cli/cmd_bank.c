/* cmd_bank.c: `kollen bank` (list the banks or show one, as text or JSON) and `kollen lint`. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "kollen/fmt.h"
#include "kollen/msg.h"
#include "kollen/store.h"
#include "report_msg.h"

/* --- words --- */

static const char *type_words(enum qtype t)
{
    return cli_msg(t == QTYPE_SCALE    ? M_BANK_TYPE_SCALE
                   : t == QTYPE_SINGLE ? M_BANK_TYPE_SINGLE
                                       : M_BANK_TYPE_MULTI);
}

static const char *prov_words(enum provenance p)
{
    switch (p) {
    case PROV_VERBATIM: return cli_msg(M_BANK_PROV_VERBATIM);
    case PROV_PARAPHRASE: return cli_msg(M_BANK_PROV_PARAPHRASE);
    case PROV_INFERRED: return cli_msg(M_BANK_PROV_INFERRED);
    case PROV_RECONSTRUCTED: return cli_msg(M_BANK_PROV_RECONSTRUCTED);
    }
    return "";
}

static const char *kind_words(enum bench_kind k)
{
    switch (k) {
    case BENCH_TYPSVAR: return cli_msg(M_BANK_KIND_TYPSVAR);
    case BENCH_BEST30: return cli_msg(M_BANK_KIND_BEST30);
    case BENCH_SUBSET: return cli_msg(M_BANK_KIND_SUBSET);
    case BENCH_SPREAD: return cli_msg(M_BANK_KIND_SPREAD);
    case BENCH_KIND_NONE: break;
    }
    return "";
}

/* "(härlett: MSB2333 L12)" */
static void prov_source(struct sbuf *o, enum provenance p, const char *source)
{
    sbuf_addf(o, "(%s%s%s)", prov_words(p), source ? ": " : "", source ? source : "");
}

/* guides, one line each: "    vägledning: TITLE <URL> (källa)" */
static void text_guides(struct sbuf *o, const char *indent, const struct guide *g, int n)
{
    for (int i = 0; i < n; i++) {
        sbuf_addf(o, "%s%s: %s", indent, cli_msg(M_BANK_GUIDE), g[i].title ? g[i].title : "");
        if (g[i].url)
            sbuf_addf(o, " <%s>", g[i].url);
        if (g[i].source)
            sbuf_addf(o, " (%s)", g[i].source);
        sbuf_addc(o, '\n');
    }
}

/* --- a bank as text --- */

static void text_head(struct sbuf *o, const struct bank *b)
{
    struct sbuf pts;
    sbuf_init(&pts);
    fmt_points(&pts, b->max_points_milli);
    char t[512];
    cli_msg_format(t, sizeof t, M_BANK_SHOW_HEAD, b->name, b->id, b->n_questions, b->n_areas,
                   b->max_actions, pts.p ? pts.p : "0");
    sbuf_free(&pts);
    sbuf_addf(o, "%s\n", t);
    if (b->version)
        sbuf_addf(o, "%s\n", b->version);
    if (b->provenance)
        sbuf_addf(o, "\n%s: %s\n", cli_msg(M_W_PROVENANCE), b->provenance);
    if (b->source)
        sbuf_addf(o, "%s: %s\n", rep_msg(M_W_SOURCE), b->source);
    sbuf_addf(o, "\n%s:\n", cli_msg(M_W_LEVELS));
    for (int i = 1; i <= b->n_levels; i++)
        sbuf_addf(o, "  %d  %s\n", i, b->level_names[i]);
    if (b->evidence_from) {
        cli_msg_format(t, sizeof t, M_BANK_SHOW_EVIDENCE, b->evidence_from);
        sbuf_addf(o, "%s\n", t);
    }
    text_guides(o, "", b->guides, b->n_guides);
}

/* "Fråga 7 (avsnitt 1, multi, verbatim: MSB2333 s. 12) · 4 åtgärder · 5 poäng" */
static void text_question_head(struct sbuf *o, const struct bank *b, const struct question *q)
{
    char t[512];
    cli_msg_format(t, sizeof t, M_BANK_SHOW_SECTION, q->section);
    sbuf_addf(o, "\n%s %d (%s, %s, %s", msg(M_W_QUESTION), q->number, t, type_words(q->type),
              prov_words(q->prov));
    if (q->source)
        sbuf_addf(o, ": %s", q->source);
    sbuf_add(o, ")");
    if (b->kind == BANK_ACTIONS) {
        struct sbuf p;
        sbuf_init(&p);
        fmt_points(&p, q->points_milli);
        cli_msg_format(t, sizeof t, M_BANK_SHOW_ACTIONS, q->max_actions);
        sbuf_addf(o, " · %s · %s %s", t, p.p ? p.p : "0", cli_msg(M_W_POINTS_LC));
        sbuf_free(&p);
    }
    if (!q->scored)
        sbuf_addf(o, " · %s", cli_msg(M_BANK_NOT_SCORED));
    sbuf_addf(o, "\n  %s\n", q->text);
}

static void text_question(struct sbuf *o, const struct bank *b, const struct question *q)
{
    text_question_head(o, b, q);
    for (int k = 0; k < q->n_options; k++) {
        const struct option *op = &q->options[k];
        sbuf_addf(o, "  %2d. %s", k + 1, op->text ? op->text : "");
        if (b->kind == BANK_ACTIONS)
            sbuf_addf(o, " [%d]", op->actions);
        if (op->prov != q->prov) {
            sbuf_addc(o, ' ');
            prov_source(o, op->prov, op->source);
        }
        sbuf_addc(o, '\n');
        if (op->action) {
            sbuf_addf(o, "      %s: %s", cli_msg(M_BANK_ACTION), op->action);
            if (op->action_prov != op->prov || op->action_source) {
                sbuf_addc(o, ' ');
                prov_source(o, op->action_prov, op->action_source);
            }
            sbuf_addc(o, '\n');
        }
        text_guides(o, "      ", op->guides, op->n_guides);
    }
    if (q->action) {
        sbuf_addf(o, "  %s: %s", cli_msg(M_BANK_ACTION), q->action);
        if (q->action_prov != q->prov || q->action_source) {
            sbuf_addc(o, ' ');
            prov_source(o, q->action_prov, q->action_source);
        }
        sbuf_addc(o, '\n');
    }
    text_guides(o, "  ", q->guides, q->n_guides);
    for (int lv = 1; lv <= b->n_levels; lv++) {
        if (!q->rules[lv].present)
            continue;
        char t[512];
        struct sbuf r;
        sbuf_init(&r);
        fmt_rule_text(&r, q, &q->rules[lv]);
        cli_msg_format(t, sizeof t, M_BANK_SHOW_RULE, lv, r.p ? r.p : "");
        sbuf_free(&r);
        sbuf_addf(o, "  -> %s\n", t);
    }
    if (q->help) { /* the help's own line breaks stay under its heading */
        sbuf_addf(o, "  %s: ", cli_msg(M_W_HELP));
        for (const char *p = q->help; *p; p++) {
            if (*p == '\n' && p[1])
                sbuf_add(o, "\n    ");
            else if (*p != '\n')
                sbuf_addc(o, *p);
        }
        sbuf_addc(o, '\n');
    }
}

/* " nivå 0,26 · under nivå 1 · 116 åtgärder · nivå 1 eller bättre i 7 arbetsområden" */
static void text_bench_values(struct sbuf *o, const struct bank *b, const struct benchmark *m)
{
    char t[160];
    if (m->level >= 0) {
        sbuf_addf(o, " · %s ", msg(M_W_LEVEL));
        fmt_decimal(o, m->level, 2);
    }
    if (m->below >= 0) {
        msg_format(t, sizeof t, M_W_BELOW_LEVEL, (int)m->below);
        sbuf_addf(o, " · %s", t);
    }
    if (m->actions >= 0)
        sbuf_addf(o, " · %d %s", m->actions, cli_msg(M_W_ACTIONS_LC));
    for (int lv = 1; lv <= b->n_levels; lv++)
        if (m->areas_at_least[lv] >= 0) {
            cli_msg_format(t, sizeof t, M_BANK_AT_LEAST, lv, m->areas_at_least[lv]);
            sbuf_addf(o, " · %s", t);
        }
}

static void text_bench_areas(struct sbuf *o, const struct bank *b, const struct benchmark *m)
{
    for (int ai = 0; ai < b->n_areas; ai++) {
        if (m->area_levels[ai] < 0 && m->area_below[ai] < 0 && m->area_actions[ai] < 0)
            continue;
        const char *sep = ": ";
        sbuf_addf(o, "      %s", b->areas[ai].short_name ? b->areas[ai].short_name
                                                       : b->areas[ai].name);
        if (m->area_levels[ai] >= 0) {
            sbuf_addf(o, "%s%s ", sep, msg(M_W_LEVEL));
            fmt_decimal(o, m->area_levels[ai], 2);
            sep = " · ";
        }
        if (m->area_below[ai] >= 0) {
            char t[64];
            msg_format(t, sizeof t, M_W_BELOW_LEVEL, (int)m->area_below[ai]);
            sbuf_addf(o, "%s%s", sep, t);
            sep = " · ";
        }
        if (m->area_actions[ai] >= 0)
            sbuf_addf(o, "%s%d %s", sep, m->area_actions[ai], cli_msg(M_W_ACTIONS_LC));
        sbuf_addc(o, '\n');
    }
}

static void text_benchmarks(struct sbuf *o, const struct bank *b)
{
    if (b->n_benchmarks)
        sbuf_addf(o, "\n== %s\n", cli_msg(M_W_BENCHMARKS));
    for (int i = 0; i < b->n_benchmarks; i++) {
        const struct benchmark *m = &b->benchmarks[i];
        sbuf_addf(o, "  %s [%s, %s", m->name, m->id, m->group[0] ? m->group : "*");
        if (m->kind != BENCH_KIND_NONE)
            sbuf_addf(o, ", %s", kind_words(m->kind));
        if (m->year)
            sbuf_addf(o, ", %d", m->year);
        sbuf_addc(o, ']');
        text_bench_values(o, b, m);
        sbuf_addc(o, ' ');
        prov_source(o, m->prov, m->source);
        sbuf_addc(o, '\n');
        text_bench_areas(o, b, m);
        if (m->note)
            sbuf_addf(o, "      %s\n", m->note);
    }
}

static void percent(struct sbuf *o, double v)
{
    fmt_decimal(o, v, 1);
    sbuf_add(o, " %");
}

static void text_series(struct sbuf *o, const struct bank *b)
{
    if (b->n_spreads)
        sbuf_addf(o, "\n== %s\n", cli_msg(M_BANK_SPREADS));
    for (int i = 0; i < b->n_spreads; i++) {
        const struct spread *sp = &b->spreads[i];
        sbuf_addf(o, "  %s [%s, %s, %d] ", sp->name, sp->id, sp->group, sp->year);
        prov_source(o, sp->prov, sp->source);
        sbuf_addc(o, '\n');
        for (int k = 0; k < sp->n_parts; k++) {
            sbuf_add(o, "    ");
            percent(o, sp->shares[k]);
            sbuf_addf(o, ": %s [%s]\n", b->benchmarks[sp->parts[k]].name,
                      b->benchmarks[sp->parts[k]].id);
        }
    }
    if (b->n_shares)
        sbuf_addf(o, "\n== %s\n", cli_msg(M_BANK_SHARES));
    for (int i = 0; i < b->n_shares; i++) {
        const struct level_share *sh = &b->shares[i];
        char t[128];
        sbuf_addf(o, "  %s [%s]", sh->name, sh->id);
        if (sh->n >= 0) {
            cli_msg_format(t, sizeof t, M_BANK_N_ORGS, sh->n);
            sbuf_addf(o, " · %s", t);
        }
        if (sh->none >= 0) {
            sbuf_addf(o, " · %s ", cli_msg(M_BANK_SHARE_NONE));
            percent(o, sh->none);
        }
        for (int lv = 1; lv <= b->n_levels; lv++) {
            if (sh->at_least[lv] < 0 && sh->count[lv] < 0)
                continue;
            cli_msg_format(t, sizeof t, M_BANK_SHARE_AT_LEAST, lv);
            sbuf_addf(o, " · %s ", t);
            if (sh->at_least[lv] >= 0)
                percent(o, sh->at_least[lv]);
            if (sh->count[lv] >= 0)
                sbuf_addf(o, sh->at_least[lv] >= 0 ? " (%d)" : "%d", sh->count[lv]);
        }
        sbuf_addc(o, ' ');
        prov_source(o, sh->prov, sh->source);
        sbuf_addc(o, '\n');
    }
}

static void text_points(struct sbuf *o, const struct bank *b)
{
    if (b->n_means)
        sbuf_addf(o, "\n== %s\n", cli_msg(M_BANK_MEANS));
    for (int i = 0; i < b->n_means; i++) {
        const struct mean_points *mp = &b->means[i];
        sbuf_addf(o, "  %s [%s]", mp->name, mp->id);
        for (int k = 0; k < mp->n_years; k++) {
            sbuf_addf(o, " · %d: ", mp->years[k]);
            fmt_decimal(o, mp->points[k], 1);
        }
        if (mp->has_change) {
            char t[64];
            struct sbuf v;
            sbuf_init(&v);
            fmt_decimal(&v, mp->change, 1);
            cli_msg_format(t, sizeof t, M_BANK_CHANGE, v.p ? v.p : "");
            sbuf_free(&v);
            sbuf_addf(o, " · %s", t);
        }
        sbuf_addc(o, ' ');
        prov_source(o, mp->prov, mp->source);
        sbuf_addc(o, '\n');
    }
    if (b->n_point_dists)
        sbuf_addf(o, "\n== %s\n", cli_msg(M_BANK_POINT_DISTS));
    for (int i = 0; i < b->n_point_dists; i++) {
        const struct point_dist *pd = &b->point_dists[i];
        sbuf_addf(o, "  %s [%s] ", pd->name, pd->id);
        prov_source(o, pd->prov, pd->source);
        sbuf_addc(o, '\n');
        for (int k = 0; k < pd->n_bands; k++) {
            const struct point_band *bd = &pd->bands[k];
            char t[160];
            struct sbuf lo, hi;
            sbuf_init(&lo);
            sbuf_init(&hi);
            fmt_decimal(&lo, bd->above, 0);
            fmt_decimal(&hi, bd->below, 0);
            if (bd->above >= 0 && bd->below >= 0)
                cli_msg_format(t, sizeof t, M_BANK_BAND_BETWEEN, lo.p ? lo.p : "",
                               hi.p ? hi.p : "");
            else if (bd->below >= 0)
                cli_msg_format(t, sizeof t, M_BANK_BAND_BELOW, hi.p ? hi.p : "");
            else
                cli_msg_format(t, sizeof t, M_BANK_BAND_ABOVE, lo.p ? lo.p : "");
            sbuf_free(&lo);
            sbuf_free(&hi);
            sbuf_addf(o, "    %s: %d", t, bd->count);
            if (bd->no_level >= 0) {
                cli_msg_format(t, sizeof t, M_BANK_BAND_NO_LEVEL, bd->no_level);
                sbuf_addf(o, " (%s)", t);
            }
            sbuf_addc(o, '\n');
        }
    }
}

static void text_targets(struct sbuf *o, const struct bank *b)
{
    if (b->n_targets)
        sbuf_addf(o, "\n== %s\n", cli_msg(M_W_TARGETS));
    for (int i = 0; i < b->n_targets; i++) {
        const struct target *tg = &b->targets[i];
        sbuf_addf(o, "  %s [%s]: %s %d", tg->name, tg->id, msg(M_W_LEVEL), tg->level);
        for (int qi = 0; qi < b->n_questions; qi++)
            if (tg->extra[qi].present) {
                sbuf_addf(o, "; %d: ", b->questions[qi].number);
                fmt_rule_text(o, &b->questions[qi], &tg->extra[qi]);
            }
        sbuf_addf(o, " (%s)\n", prov_words(tg->prov));
        if (tg->note)
            sbuf_addf(o, "    %s\n", tg->note);
    }
}

static void show_text(const struct bank *b)
{
    struct sbuf o;
    sbuf_init(&o);
    text_head(&o, b);
    for (int ai = 0; ai < b->n_areas; ai++) {
        sbuf_addf(&o, "\n== %s [%s]\n", b->areas[ai].name, b->areas[ai].id);
        for (int i = 0; i < b->n_questions; i++)
            if (b->questions[i].area == ai)
                text_question(&o, b, &b->questions[i]);
    }
    text_benchmarks(&o, b);
    text_series(&o, b);
    text_points(&o, b);
    text_targets(&o, b);
    if (o.p)
        cli_put(o.p);
    sbuf_free(&o);
}

/* --- a bank as JSON --- */

static void json_guides(struct json *j, const struct guide *g, int n)
{
    if (!n)
        return;
    json_key(j, "guides");
    json_begin(j, '[');
    for (int i = 0; i < n; i++) {
        json_begin(j, '{');
        json_kstr(j, "title", g[i].title);
        json_kstr(j, "url", g[i].url);
        json_kstr(j, "source", g[i].source);
        json_end(j, '}');
    }
    json_end(j, ']');
}

/* A value that may be unknown (< 0): a number or null. */
static void json_maybe(struct json *j, const char *key, double v, int decimals)
{
    json_key(j, key);
    if (v < 0)
        json_null(j);
    else
        json_num(j, v, decimals);
}

static void json_head(struct json *j, const struct bank *b)
{
    json_kstr(j, "id", b->id);
    json_kstr(j, "name", b->name);
    json_kstr(j, "kind", b->kind == BANK_SCALE ? "scale" : "actions");
    json_kstr(j, "version", b->version);
    json_kstr(j, "provenance", b->provenance);
    json_kstr(j, "source", b->source);
    json_kint(j, "evidence_from", b->evidence_from);
    json_guides(j, b->guides, b->n_guides);
    json_kint(j, "questions_total", b->n_questions);
    json_kint(j, "max_actions", b->max_actions);
    json_kmilli(j, "max_points", b->max_points_milli);
    json_key(j, "levels");
    json_begin(j, '[');
    for (int i = 1; i <= b->n_levels; i++)
        json_str(j, b->level_names[i]);
    json_end(j, ']');
    if (b->kind == BANK_SCALE) {
        json_key(j, "scale");
        json_begin(j, '[');
        for (int i = 0; i < b->scale_max; i++)
            json_str(j, b->scale_labels[i]);
        json_end(j, ']');
    }
    json_key(j, "areas");
    json_begin(j, '[');
    for (int ai = 0; ai < b->n_areas; ai++) {
        json_begin(j, '{');
        json_kstr(j, "id", b->areas[ai].id);
        json_kstr(j, "name", b->areas[ai].name);
        json_kint(j, "order", b->areas[ai].order);
        json_end(j, '}');
    }
    json_end(j, ']');
}

static void json_options(struct json *j, const struct question *q)
{
    json_key(j, "options");
    json_begin(j, '[');
    for (int k = 0; k < q->n_options; k++) {
        const struct option *op = &q->options[k];
        json_begin(j, '{');
        json_kint(j, "number", k + 1);
        json_kstr(j, "text", op->text);
        json_kint(j, "actions", op->actions);
        if (op->points_milli >= 0) {
            json_kmilli(j, "points", op->points_milli);
        }
        json_kstr(j, "provenance", provenance_name(op->prov));
        json_kstr(j, "source", op->source);
        if (op->action) {
            json_kstr(j, "action", op->action);
            json_kstr(j, "action_provenance", provenance_name(op->action_prov));
            json_kstr(j, "action_source", op->action_source ? op->action_source : op->source);
        }
        json_guides(j, op->guides, op->n_guides);
        json_end(j, '}');
    }
    json_end(j, ']');
}

/* A rule per key ("2": "actions >= 2"), as an object. */
static void json_rule(struct json *j, const struct question *q, const struct rule *r, int key)
{
    char k[16], t[256];
    snprintf(k, sizeof k, "%d", key);
    rule_format(q, r, t, sizeof t);
    json_kstr(j, k, t);
}

static void json_question(struct json *j, const struct bank *b, const struct question *q)
{
    json_begin(j, '{');
    json_kint(j, "number", q->number);
    json_kstr(j, "area", b->areas[q->area].id);
    json_kint(j, "section", q->section);
    json_kstr(j, "type", qtype_name(q->type));
    json_kbool(j, "scored", q->scored);
    json_kstr(j, "text", q->text);
    json_kstr(j, "short", q->short_text);
    json_kstr(j, "help", q->help);
    json_kstr(j, "provenance", provenance_name(q->prov));
    json_kstr(j, "source", q->source);
    json_kmilli(j, "points", q->points_milli);
    json_kint(j, "max_actions", q->max_actions);
    if (q->action) {
        json_kstr(j, "action", q->action);
        json_kstr(j, "action_provenance", provenance_name(q->action_prov));
        json_kstr(j, "action_source", q->action_source ? q->action_source : q->source);
    }
    json_guides(j, q->guides, q->n_guides);
    json_options(j, q);
    json_key(j, "rules");
    json_begin(j, '{');
    for (int lv = 1; lv <= b->n_levels; lv++)
        if (q->rules[lv].present)
            json_rule(j, q, &q->rules[lv], lv);
    json_end(j, '}');
    json_end(j, '}');
}

static void json_benchmark(struct json *j, const struct bank *b, const struct benchmark *m)
{
    json_begin(j, '{');
    json_kstr(j, "id", m->id);
    json_kstr(j, "name", m->name);
    json_kstr(j, "group", m->group);
    json_kstr(j, "kind", bench_kind_name(m->kind));
    json_key(j, "year");
    if (m->year)
        json_int(j, m->year);
    else
        json_null(j);
    json_maybe(j, "level", m->level, 2);
    json_maybe(j, "below", m->below, 0);
    json_maybe(j, "actions", m->actions, 0);
    json_key(j, "areas");
    json_begin(j, '{');
    for (int ai = 0; ai < b->n_areas; ai++)
        if (m->area_levels[ai] >= 0) {
            json_key(j, b->areas[ai].id);
            json_num(j, m->area_levels[ai], 2);
        }
    json_end(j, '}');
    json_key(j, "areas_below");
    json_begin(j, '{');
    for (int ai = 0; ai < b->n_areas; ai++)
        if (m->area_below[ai] >= 0) {
            json_key(j, b->areas[ai].id);
            json_num(j, m->area_below[ai], 0);
        }
    json_end(j, '}');
    json_key(j, "area_actions");
    json_begin(j, '{');
    for (int ai = 0; ai < b->n_areas; ai++)
        if (m->area_actions[ai] >= 0)
            json_kint(j, b->areas[ai].id, m->area_actions[ai]);
    json_end(j, '}');
    json_key(j, "areas_at_least");
    json_begin(j, '{');
    for (int lv = 1; lv <= b->n_levels; lv++)
        if (m->areas_at_least[lv] >= 0) {
            char k[16];
            snprintf(k, sizeof k, "%d", lv);
            json_kint(j, k, m->areas_at_least[lv]);
        }
    json_end(j, '}');
    json_kstr(j, "provenance", provenance_name(m->prov));
    json_kstr(j, "source", m->source);
    json_kstr(j, "note", m->note);
    json_end(j, '}');
}

static void json_spread(struct json *j, const struct bank *b, const struct spread *sp)
{
    json_begin(j, '{');
    json_kstr(j, "id", sp->id);
    json_kstr(j, "name", sp->name);
    json_kstr(j, "group", sp->group);
    json_kint(j, "year", sp->year);
    json_key(j, "parts");
    json_begin(j, '[');
    for (int k = 0; k < sp->n_parts; k++) {
        json_begin(j, '{');
        json_kstr(j, "benchmark", b->benchmarks[sp->parts[k]].id);
        json_knum(j, "share", sp->shares[k], 1);
        json_end(j, '}');
    }
    json_end(j, ']');
    json_kstr(j, "provenance", provenance_name(sp->prov));
    json_kstr(j, "source", sp->source);
    json_end(j, '}');
}

static void json_share(struct json *j, const struct bank *b, const struct level_share *sh)
{
    json_begin(j, '{');
    json_kstr(j, "id", sh->id);
    json_kstr(j, "name", sh->name);
    json_kstr(j, "group", sh->group);
    json_kint(j, "year", sh->year);
    json_maybe(j, "n", sh->n, 0);
    json_maybe(j, "none", sh->none, 1);
    json_key(j, "at_least");
    json_begin(j, '{');
    for (int lv = 1; lv <= b->n_levels; lv++)
        if (sh->at_least[lv] >= 0) {
            char k[16];
            snprintf(k, sizeof k, "%d", lv);
            json_key(j, k);
            json_num(j, sh->at_least[lv], 1);
        }
    json_end(j, '}');
    json_key(j, "count");
    json_begin(j, '{');
    for (int lv = 1; lv <= b->n_levels; lv++)
        if (sh->count[lv] >= 0) {
            char k[16];
            snprintf(k, sizeof k, "%d", lv);
            json_kint(j, k, sh->count[lv]);
        }
    json_end(j, '}');
    json_kstr(j, "provenance", provenance_name(sh->prov));
    json_kstr(j, "source", sh->source);
    json_end(j, '}');
}

static void json_mean(struct json *j, const struct mean_points *mp)
{
    json_begin(j, '{');
    json_kstr(j, "id", mp->id);
    json_kstr(j, "name", mp->name);
    json_key(j, "points");
    json_begin(j, '{');
    for (int k = 0; k < mp->n_years; k++) {
        char y[16];
        snprintf(y, sizeof y, "%d", mp->years[k]);
        json_key(j, y);
        json_num(j, mp->points[k], 1);
    }
    json_end(j, '}');
    if (mp->has_change) {
        json_knum(j, "change", mp->change, 1);
    }
    json_kstr(j, "provenance", provenance_name(mp->prov));
    json_kstr(j, "source", mp->source);
    json_end(j, '}');
}

static void json_point_dist(struct json *j, const struct point_dist *pd)
{
    json_begin(j, '{');
    json_kstr(j, "id", pd->id);
    json_kstr(j, "name", pd->name);
    json_kstr(j, "group", pd->group);
    json_key(j, "bands");
    json_begin(j, '[');
    for (int k = 0; k < pd->n_bands; k++) {
        const struct point_band *bd = &pd->bands[k];
        json_begin(j, '{');
        json_maybe(j, "above", bd->above, 1);
        json_maybe(j, "below", bd->below, 1);
        json_maybe(j, "count", bd->count, 0);
        json_maybe(j, "no_level", bd->no_level, 0);
        json_end(j, '}');
    }
    json_end(j, ']');
    json_kstr(j, "provenance", provenance_name(pd->prov));
    json_kstr(j, "source", pd->source);
    json_end(j, '}');
}

static void json_target(struct json *j, const struct bank *b, const struct target *t)
{
    json_begin(j, '{');
    json_kstr(j, "id", t->id);
    json_kstr(j, "name", t->name);
    json_kint(j, "level", t->level);
    json_key(j, "extra");
    json_begin(j, '{');
    for (int qi = 0; qi < b->n_questions; qi++)
        if (t->extra[qi].present)
            json_rule(j, &b->questions[qi], &t->extra[qi], b->questions[qi].number);
    json_end(j, '}');
    json_kstr(j, "provenance", provenance_name(t->prov));
    json_kstr(j, "source", t->source);
    json_kstr(j, "note", t->note);
    json_end(j, '}');
}

static void show_json(const struct bank *b)
{
    struct sbuf o;
    struct json j;
    sbuf_init(&o);
    json_init(&j, &o);
    json_begin(&j, '{');
    json_head(&j, b);
    json_key(&j, "questions");
    json_begin(&j, '[');
    for (int i = 0; i < b->n_questions; i++)
        json_question(&j, b, &b->questions[i]);
    json_end(&j, ']');
    json_key(&j, "benchmarks");
    json_begin(&j, '[');
    for (int i = 0; i < b->n_benchmarks; i++)
        json_benchmark(&j, b, &b->benchmarks[i]);
    json_end(&j, ']');
    json_key(&j, "spreads");
    json_begin(&j, '[');
    for (int i = 0; i < b->n_spreads; i++)
        json_spread(&j, b, &b->spreads[i]);
    json_end(&j, ']');
    json_key(&j, "shares");
    json_begin(&j, '[');
    for (int i = 0; i < b->n_shares; i++)
        json_share(&j, b, &b->shares[i]);
    json_end(&j, ']');
    json_key(&j, "means");
    json_begin(&j, '[');
    for (int i = 0; i < b->n_means; i++)
        json_mean(&j, &b->means[i]);
    json_end(&j, ']');
    json_key(&j, "point_distributions");
    json_begin(&j, '[');
    for (int i = 0; i < b->n_point_dists; i++)
        json_point_dist(&j, &b->point_dists[i]);
    json_end(&j, ']');
    json_key(&j, "targets");
    json_begin(&j, '[');
    for (int i = 0; i < b->n_targets; i++)
        json_target(&j, b, &b->targets[i]);
    json_end(&j, ']');
    json_end(&j, '}');
    if (o.p)
        fputs(o.p, stdout);
    sbuf_free(&o);
}

/* --- the list --- */

static void list_one(struct sbuf *o, struct json *j, int json, const struct bank *b)
{
    if (json) {
        json_begin(j, '{');
        json_kstr(j, "id", b->id);
        json_kstr(j, "name", b->name);
        json_kstr(j, "kind", b->kind == BANK_SCALE ? "scale" : "actions");
        json_kint(j, "questions", b->n_questions);
        json_kint(j, "areas", b->n_areas);
        json_end(j, '}');
    } else {
        char t[512];
        cli_msg_format(t, sizeof t, M_CLI_BANK_LINE, b->name, b->n_questions, b->n_areas);
        sbuf_addf(o, "%-24s %s\n", b->id, t);
    }
}

static int list_banks(const struct cli *c, int json)
{
    struct diags d;
    diags_init(&d);
    char **ids;
    int n;
    if (bank_list(c->questions_dir, &ids, &n, &d)) {
        cli_core_error(c, M_BANK_NO_DIR, c->questions_dir);
        diags_free(&d);
        return EXIT_DATA;
    }
    struct sbuf o;
    struct json j;
    sbuf_init(&o);
    json_init(&j, &o);
    if (json)
        json_begin(&j, '[');
    int bad = 0;
    for (int i = 0; i < n; i++) {
        struct bank *b;
        if (bank_load_id(c->questions_dir, ids[i], &b, &d)) {
            bad = 1;
            continue;
        }
        list_one(&o, &j, json, b);
        bank_free(b);
    }
    if (json)
        json_end(&j, ']');
    else if (n == 0)
        cli_error(c, M_CLI_BANKS_NONE, c->questions_dir);
    if (o.p && json)
        fputs(o.p, stdout);
    else if (o.p)
        cli_put(o.p);
    sbuf_free(&o);
    cli_diags(c, &d);
    diags_free(&d);
    bank_list_free(ids, n);
    return bad || n == 0 ? EXIT_DATA : EXIT_FINE;
}

int cmd_bank(const struct cli *c, int argc, char **argv)
{
    int json = 0;
    const struct opt opts[] = {{"json", 0, NULL, &json, NULL}, {NULL, 0, NULL, NULL, NULL}};
    const char *pos[1];
    int np;
    int rc = cli_parse(c, argc, argv, opts, pos, 1, &np, M_USAGE_cmd_bank);
    if (rc)
        return rc;
    if (np == 0)
        return list_banks(c, json);
    struct diags d;
    diags_init(&d);
    struct bank *b;
    rc = bank_load_id(c->questions_dir, pos[0], &b, &d);
    cli_diags(c, &d);
    diags_free(&d);
    if (rc)
        return cli_exit_for(rc);
    if (json)
        show_json(b);
    else
        show_text(b);
    bank_free(b);
    return EXIT_FINE;
}

int cmd_lint(const struct cli *c, int argc, char **argv)
{
    const char *pos[1];
    int np;
    int rc = cli_parse(c, argc, argv, NULL, pos, 1, &np, M_USAGE_cmd_lint);
    if (rc)
        return rc;
    if (np < 1) {
        cli_error(c, M_CLI_MISSING_ARG, "DIR");
        return EXIT_USAGE;
    }
    size_t len = strlen(pos[0]);
    char *dir = text_dup(pos[0]);
    if (!dir)
        return EXIT_DATA;
    while (len > 1 && dir[len - 1] == '/')
        dir[--len] = '\0';
    struct diags d;
    diags_init(&d);
    struct bank *b;
    rc = bank_load(dir, 1, &b, &d);
    cli_diags(c, &d);
    size_t errors = diags_errors(&d), warnings = d.n + d.dropped - errors;
    char t[512];
    if (rc == KL_OK && errors == 0) {
        struct sbuf p;
        sbuf_init(&p);
        fmt_points(&p, b->max_points_milli);
        cli_msg_format(t, sizeof t, M_CLI_LINT_OK, dir, b->n_questions, b->n_areas, b->max_actions,
                       p.p ? p.p : "0");
        cli_putf("%s\n", t);
        sbuf_free(&p);
    } else {
        cli_msg_format(t, sizeof t, M_CLI_LINT_COUNT, dir, errors ? errors : 1, warnings);
        fprintf(stderr, "%s\n", t);
    }
    bank_free(b);
    diags_free(&d);
    free(dir);
    return rc || errors ? EXIT_DATA : EXIT_FINE;
}
