/* report_md.c: the report in Markdown (CommonMark with GitHub tables), in the HTML report's
 * order: the summary first, then the workshop, the result, the organisation beside its group
 * (tables: Markdown draws no charts), the change since the last workshop, the plan, every
 * question, the companion bank, the bank and the registers. Everything that comes from the
 * bank or the session goes through md_escape, which also keeps URLs from becoming links. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kollen/fmt.h"
#include "kollen/msg.h"
#include "report.h"

#define BAR 16

static void esc(struct sbuf *o, const char *s)
{
    md_escape(o, s, 0, NULL);
}

static void cell(struct sbuf *o, const char *s)
{
    sbuf_add(o, " ");
    md_escape(o, s, 1, NULL);
    sbuf_add(o, " |");
}

/* What the room decided about an answer: agreed, each dissent, parked with its reason. */
static void decision(struct sbuf *o, const struct answer *a)
{
    if (a->agreed)
        sbuf_addf(o, "- %s\n", rep_msg(M_REP_AGREED));
    for (int k = 0; k < a->n_dissent; k++) {
        sbuf_addf(o, "- %s: ", rep_msg(M_REP_DISSENT));
        esc(o, a->dissent[k].who);
        sbuf_add(o, ": ");
        esc(o, a->dissent[k].view);
        sbuf_addc(o, '\n');
    }
    if (a->parked) {
        sbuf_addf(o, "- %s", rep_msg(M_REP_PARKED));
        if (a->park_reason) {
            sbuf_add(o, ": ");
            esc(o, a->park_reason);
        }
        sbuf_addc(o, '\n');
    }
}

static void h2(struct sbuf *o, const char *s)
{
    sbuf_add(o, "## ");
    esc(o, s);
    sbuf_add(o, "\n\n");
}

static void line(struct sbuf *o, const char *s)
{
    esc(o, s);
    sbuf_add(o, "\n\n");
}

/* "Nivå 1: Grunderna (1 av 4)"; scale banks: the mean. */
void report_level_line(struct sbuf *o, const struct ops_report *r)
{
    const struct bank *b = r->b;
    if (b->kind == BANK_SCALE) {
        sbuf_addf(o, "%s ", rep_msg(M_W_MEAN));
        fmt_decimal(o, r->sc.value, 2);
        sbuf_addf(o, " %s %d", rep_msg(M_W_OF), b->n_levels);
        if (r->sc.pending) {
            char t[256];
            int scored = 0;
            for (int ai = 0; ai < b->n_areas; ai++)
                scored += r->sc.areas[ai].scored;
            msg_format(t, sizeof t, M_W_PENDING, r->sc.pending, scored);
            sbuf_addf(o, " (%s)", t);
        } else if (r->sc.level >= 1 && r->sc.level <= b->n_levels) {
            sbuf_add(o, " (");
            fmt_level(o, b, r->sc.level, r->sc.value, FMT_LEVEL_NAME);
            sbuf_addc(o, ')');
        }
        return;
    }
    fmt_level(o, b, r->sc.level, 0, FMT_LEVEL_NAME);
    sbuf_addf(o, " (%d %s %d)", r->sc.level, rep_msg(M_W_OF), b->n_levels);
}

/* "Poäng 12 av 35 · Åtgärder 8 av 31 · Besvarade 6 av 8" */
void report_totals_line(struct sbuf *o, const struct ops_report *r)
{
    if (r->b->kind != BANK_SCALE) {
        sbuf_addf(o, "%s ", rep_msg(M_W_POINTS));
        fmt_points(o, r->sc.points_milli);
        sbuf_addf(o, " %s ", rep_msg(M_W_OF));
        fmt_points(o, r->sc.max_points_milli);
        sbuf_addf(o, " · %s %d %s %d · ", rep_msg(M_W_ACTIONS), r->sc.actions, rep_msg(M_W_OF),
                  r->sc.max_actions);
    }
    sbuf_addf(o, "%s %d %s %d", rep_msg(M_W_ANSWERED), r->sc.answered, rep_msg(M_W_OF),
              r->sc.questions);
}

void report_bench_values(struct sbuf *o, const struct ops_report *r)
{
    if (r->bm && r->bm->level >= 0) {
        sbuf_addf(o, " · %s ", msg(M_W_LEVEL));
        fmt_level(o, r->b, 0, r->bm->level, FMT_LEVEL_VALUE);
    } else if (r->bm && r->bm->below >= 0) {
        char t[64];
        msg_format(t, sizeof t, M_W_BELOW_LEVEL, (int)r->bm->below);
        sbuf_addf(o, " · %s", t);
    }
    if (r->bm && r->bm->actions >= 0)
        sbuf_addf(o, " · %s %d", rep_msg(M_W_ACTIONS), r->bm->actions);
}

/* The benchmark's name and group, "Typkommun (kommun)", or the reason there is none. */
void report_bench_name(struct sbuf *o, const struct ops_report *r)
{
    if (r->bm) {
        sbuf_add(o, r->bm->name ? r->bm->name : r->bm->id);
        return;
    }
    char t[256];
    rep_msg_format(t, sizeof t, M_REP_NO_BENCH, group_name(r->s->group));
    sbuf_add(o, t);
}

/* How many questions of each provenance. */
void report_provenance_counts(struct sbuf *o, const struct ops_report *r)
{
    char t[256];
    rep_msg_format(t, sizeof t, M_REP_PROV_COUNTS, r->b->n_questions, r->prov[PROV_VERBATIM],
                   r->prov[PROV_PARAPHRASE], r->prov[PROV_INFERRED],
                   r->prov[PROV_RECONSTRUCTED]);
    sbuf_add(o, t);
}

/* The level in bold, the totals under it. */
static void level_totals(struct sbuf *o, const struct ops_report *r)
{
    struct sbuf t;
    sbuf_init(&t);
    report_level_line(&t, r);
    sbuf_add(o, "**");
    esc(o, t.p ? t.p : "");
    sbuf_add(o, "**  \n");
    sbuf_reset(&t);
    report_totals_line(&t, r);
    line(o, t.p ? t.p : "");
    sbuf_free(&t);
}

static void marking(struct sbuf *o, const struct report_opts *ro)
{
    if (!ro->marking || !*ro->marking)
        return;
    sbuf_add(o, "**");
    esc(o, ro->marking);
    sbuf_add(o, "**\n\n");
}

/* --- the summary --- */

static void summary_weakest(struct sbuf *o, const struct ops_report *r)
{
    const struct bank *b = r->b;
    struct sbuf t;
    sbuf_init(&t);
    sbuf_add(o, "### ");
    esc(o, rep_msg(M_REP_WEAKEST));
    sbuf_addf(o, "\n\n| %s | %s | %s | %s |\n|---|---:|---:|---|\n", rep_msg(M_W_AREA),
              rep_msg(M_REP_ORG_COL), rep_msg(M_REP_GROUP_COL), rep_msg(M_REP_BELOW_COL));
    for (int k = 0; k < r->n_weakest; k++) {
        int ai = r->weakest[k];
        const struct benchmark *f;
        double g = ops_report_group_value(r, ai, &f), v = ops_report_org_value(r, ai);
        sbuf_add(o, "|");
        cell(o, b->areas[ai].short_name ? b->areas[ai].short_name : b->areas[ai].name);
        sbuf_reset(&t);
        report_org_value(&t, r, ai);
        cell(o, t.p ? t.p : "");
        sbuf_reset(&t);
        fmt_level(&t, b, 0, g, FMT_LEVEL_VALUE);
        cell(o, t.p ? t.p : "");
        cell(o, g >= 0 && v >= 0 ? yes_no(v < g) : "");
        sbuf_addc(o, '\n');
    }
    sbuf_addc(o, '\n');
    sbuf_reset(&t);
    report_weakest_note(&t, r);
    line(o, t.p ? t.p : "");
    sbuf_free(&t);
}

static void summary_steps(struct sbuf *o, const struct ops_report *r)
{
    struct sbuf t;
    sbuf_init(&t);
    sbuf_add(o, "### ");
    esc(o, rep_msg(M_REP_TOP_HEAD));
    sbuf_add(o, "\n\n");
    if (!r->have_plan) {
        line(o, rep_msg(M_REP_TOP_NONE));
        sbuf_free(&t);
        return;
    }
    for (int k = 0; k < r->n_top; k++) {
        sbuf_reset(&t);
        report_step_brief(&t, r, &r->plan.items[r->top[k]]);
        sbuf_addf(o, "%d. ", k + 1);
        esc(o, t.p ? t.p : "");
        sbuf_addc(o, '\n');
    }
    sbuf_addc(o, '\n');
    sbuf_reset(&t);
    report_top_note(&t, r);
    line(o, t.p ? t.p : "");
    sbuf_free(&t);
}

static void side_by_side(struct sbuf *o, const struct ops_report *r)
{
    if (!r->comp)
        return;
    const struct ops_report *two[2] = {r, r->comp};
    if (r->b->kind == BANK_SCALE) {
        two[0] = r->comp;
        two[1] = r;
    }
    struct sbuf t;
    sbuf_init(&t);
    sbuf_add(o, "### ");
    esc(o, rep_msg(M_REP_CYBER_HEAD));
    sbuf_add(o, "\n\n|");
    cell(o, two[0]->b->name);
    cell(o, two[1]->b->name);
    sbuf_add(o, "\n|---|---|\n|");
    for (int k = 0; k < 2; k++) {
        sbuf_reset(&t);
        report_level_line(&t, two[k]);
        cell(o, t.p ? t.p : "");
    }
    sbuf_add(o, "\n|");
    for (int k = 0; k < 2; k++) {
        sbuf_reset(&t);
        report_totals_line(&t, two[k]);
        cell(o, t.p ? t.p : "");
    }
    sbuf_add(o, "\n\n");
    line(o, rep_msg(M_REP_CYBER_NOTE));
    if (two[1]->b->kind == BANK_SCALE || two[0]->b->kind == BANK_SCALE) {
        sbuf_add(o, "> ");
        esc(o, rep_msg(M_REP_SCALE_CAVEAT));
        sbuf_add(o, "\n\n");
    }
    sbuf_free(&t);
}

static void summary(struct sbuf *o, const struct ops_report *r)
{
    const struct session *s = r->s;
    struct sbuf t;
    char msgbuf[1024];
    sbuf_init(&t);
    rep_msg_format(msgbuf, sizeof msgbuf, M_REP_TITLE, r->b->name, s->organisation);
    sbuf_add(o, "# ");
    esc(o, msgbuf);
    sbuf_add(o, "\n\n");
    sbuf_addf(&t, "%s · %s %s · %s: ", group_name(s->group), rep_msg(M_REP_DATE), s->date,
              rep_msg(M_REP_PERIOD));
    report_period(&t, s);
    line(o, t.p ? t.p : "");
    h2(o, rep_msg(M_REP_SUMMARY));
    level_totals(o, r);
    if (r->have_since) {
        rep_msg_format(msgbuf, sizeof msgbuf, M_REP_SINCE_HEAD, r->since.old->date);
        sbuf_reset(&t);
        sbuf_addf(&t, "%s: ", msgbuf);
        report_since_line(&t, r);
        line(o, t.p ? t.p : "");
    }
    sbuf_addf(o, "> **%s:** ", rep_msg(M_REP_CAVEAT_HEAD));
    esc(o, rep_msg(M_REP_MODEL_NOTE));
    if (r->b->kind == BANK_SCALE) {
        sbuf_add(o, "\n>\n> ");
        esc(o, rep_msg(M_REP_SCALE_CAVEAT));
    }
    sbuf_add(o, "\n\n");
    summary_weakest(o, r);
    summary_steps(o, r);
    sbuf_add(o, "### ");
    esc(o, rep_msg(M_REP_RECORDS_HEAD));
    sbuf_add(o, "\n\n");
    sbuf_reset(&t);
    report_records_line(&t, r);
    line(o, t.p ? t.p : "");
    side_by_side(o, r);
    sbuf_add(o, "---\n\n");
    sbuf_free(&t);
}

/* --- the sections --- */

static void workshop(struct sbuf *o, const struct ops_report *r)
{
    const struct session *s = r->s;
    h2(o, rep_msg(M_REP_WORKSHOP));
    struct sbuf per;
    sbuf_init(&per);
    report_period(&per, s);
    struct {
        enum rep_msg_id label;
        const char *value;
    } rows[] = {
        {M_REP_BANK, r->b->name},
        {M_REP_DATE, s->date},
        {M_REP_PERIOD, per.p ? per.p : ""},
        {M_W_GROUP, group_name(s->group)},
        {M_REP_FACILITATOR, s->facilitator && *s->facilitator ? s->facilitator : "–"},
        {M_REP_MANAGEMENT_SEEN, s->management_seen},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        if (!rows[i].value)
            continue;
        sbuf_addf(o, "%s: ", rep_msg(rows[i].label));
        esc(o, rows[i].value);
        sbuf_add(o, "  \n");
    }
    sbuf_addc(o, '\n');
    sbuf_free(&per);
    if (s->n_participants) {
        sbuf_addf(o, "| %s | %s |\n|---|---|\n", rep_msg(M_REP_PARTICIPANT), rep_msg(M_REP_ROLE));
        for (int i = 0; i < s->n_participants; i++) {
            sbuf_add(o, "|");
            cell(o, s->participants[i].name);
            cell(o, s->participants[i].role);
            sbuf_addc(o, '\n');
        }
        sbuf_addc(o, '\n');
    }
    if (s->summary && *s->summary) {
        sbuf_addf(o, "%s:\n\n> ", rep_msg(M_REP_WORKSHOP_SUMMARY));
        md_escape(o, s->summary, 0, "> ");
        sbuf_add(o, "\n\n");
    }
}

static void area_table(struct sbuf *o, const struct ops_report *r)
{
    const struct bank *b = r->b;
    struct sbuf t;
    sbuf_init(&t);
    int scale = b->kind == BANK_SCALE; /* no points or actions to show */
    if (scale)
        sbuf_addf(o, "| %s | %s | | %s |\n|---|---:|---|---:|\n", rep_msg(M_W_AREA),
                  rep_msg(M_W_MEAN), rep_msg(M_REP_BENCH_SHORT));
    else
        sbuf_addf(o, "| %s | %s | | %s | %s | %s |\n|---|---:|---|---:|---:|---:|\n",
                  rep_msg(M_W_AREA), msg(M_W_LEVEL), rep_msg(M_REP_BENCH_SHORT),
                  rep_msg(M_W_POINTS), rep_msg(M_W_ACTIONS));
    for (int ai = 0; ai < b->n_areas; ai++) {
        const struct area_score *as = &r->sc.areas[ai];
        sbuf_add(o, "|");
        cell(o, b->areas[ai].name);
        sbuf_reset(&t);
        fmt_level(&t, b, as->level, as->value, FMT_LEVEL_AREA);
        cell(o, t.p ? t.p : "");
        sbuf_add(o, " ");
        text_bar(o, as->value / (b->n_levels ? b->n_levels : 1), BAR, 1);
        sbuf_add(o, " |");
        sbuf_reset(&t);
        report_bench_area(&t, r, ai, NULL);
        cell(o, t.p ? t.p : "");
        if (!scale) {
            sbuf_reset(&t);
            fmt_points(&t, as->points_milli);
            sbuf_addf(&t, " / ");
            fmt_points(&t, as->max_points_milli);
            cell(o, t.p ? t.p : "");
            sbuf_reset(&t);
            sbuf_addf(&t, "%d / %d", as->actions, as->max_actions);
            cell(o, t.p ? t.p : "");
        }
        sbuf_addc(o, '\n');
    }
    sbuf_add(o, "\n");
    line(o, rep_msg(scale ? M_REP_VALUE_NOTE_SCALE : M_REP_VALUE_NOTE));
    sbuf_free(&t);
}

static void result(struct sbuf *o, const struct ops_report *r)
{
    struct sbuf t;
    sbuf_init(&t);
    h2(o, rep_msg(M_REP_RESULT));
    level_totals(o, r);
    report_bench_name(&t, r);
    sbuf_addf(o, "%s: ", rep_msg(M_REP_BENCH));
    esc(o, t.p ? t.p : "");
    report_bench_values(o, r);
    sbuf_add(o, "\n\n");
    area_table(o, r);
    sbuf_free(&t);
}

/* The organisation beside its group as a table: the numbers the HTML report draws. */
static void peers(struct sbuf *o, const struct ops_report *r)
{
    const struct bank *b = r->b;
    const struct benchmark *cols[BANK_MAX_PARTS + 1];
    int n = 0;
    for (int k = 0; r->spread && k < r->spread->n_parts && n < BANK_MAX_PARTS; k++)
        cols[n++] = &b->benchmarks[r->spread->parts[k]];
    if (!n && r->bm)
        cols[n++] = r->bm;
    h2(o, rep_msg(M_REP_PEERS));
    char note[1024];
    int scale = b->kind == BANK_SCALE;
    rep_msg_format(note, sizeof note, scale ? M_REP_PEERS_NOTE_SCALE : M_REP_PEERS_NOTE,
                   scale ? b->scale_max : b->n_levels);
    line(o, note);
    struct sbuf t;
    sbuf_init(&t);
    sbuf_add(o, "|");
    cell(o, rep_msg(M_W_AREA));
    cell(o, r->s->organisation);
    for (int k = 0; k < n; k++)
        cell(o, cols[k]->name ? cols[k]->name : cols[k]->id);
    sbuf_add(o, "\n|---|");
    for (int k = 0; k <= n; k++)
        sbuf_add(o, "---:|");
    sbuf_addc(o, '\n');
    for (int ai = -1; ai < b->n_areas; ai++) {
        if (ai >= 0 && !r->sc.areas[ai].scored)
            continue;
        sbuf_add(o, "|");
        cell(o, ai < 0 ? rep_msg(M_REP_OVERALL) : b->areas[ai].name);
        sbuf_reset(&t);
        report_org_value(&t, r, ai);
        cell(o, t.p ? t.p : "");
        for (int k = 0; k < n; k++) {
            double v = ai < 0 ? cols[k]->level : cols[k]->area_levels[ai];
            sbuf_reset(&t);
            if (v < 0)
                sbuf_add(&t, rep_msg(M_REP_NOT_PUBLISHED));
            else
                fmt_decimal(&t, v, 2);
            cell(o, t.p ? t.p : "");
        }
        sbuf_addc(o, '\n');
    }
    sbuf_addc(o, '\n');
    if (b->kind != BANK_SCALE && ((r->bm && r->bm->actions >= 0) ||
                                  (r->best30 && r->best30->actions >= 0))) {
        rep_msg_format(note, sizeof note, M_REP_ACTIONS_NOTE, b->max_actions);
        sbuf_addf(o, "| | %s |\n|---|---:|\n|", rep_msg(M_W_ACTIONS));
        cell(o, r->s->organisation);
        sbuf_addf(o, " %d |\n", r->sc.actions);
        const struct benchmark *with[2] = {r->bm, r->best30};
        for (int k = 0; k < 2; k++)
            if (with[k] && with[k]->actions >= 0) {
                sbuf_add(o, "|");
                cell(o, with[k]->name ? with[k]->name : with[k]->id);
                sbuf_addf(o, " %d |\n", with[k]->actions);
            }
        sbuf_addc(o, '\n');
        line(o, note);
    }
    sbuf_free(&t);
}

static void since(struct sbuf *o, const struct ops_report *r)
{
    if (!r->have_since)
        return;
    const struct bank *b = r->b;
    const struct score *x = &r->since.sc_old, *y = &r->sc;
    struct sbuf t;
    sbuf_init(&t);
    h2(o, rep_msg(M_REP_SINCE));
    report_since_line(&t, r);
    line(o, t.p ? t.p : "");
    const char *what = b->kind == BANK_SCALE ? rep_msg(M_W_MEAN) : msg(M_W_LEVEL);
    sbuf_addf(o, "| %s | %s %s | %s %s |", rep_msg(M_W_AREA), what, r->since.old->date, what,
              r->s->date);
    if (b->kind != BANK_SCALE)
        sbuf_addf(o, " %s %s | %s %s | %s |", rep_msg(M_W_ACTIONS), r->since.old->date,
                  rep_msg(M_W_ACTIONS), r->s->date, rep_msg(M_REP_CHANGE));
    sbuf_add(o, b->kind != BANK_SCALE ? "\n|---|---:|---:|---:|---:|---:|\n"
                                      : "\n|---|---:|---:|\n");
    for (int ai = 0; ai < b->n_areas; ai++) {
        sbuf_add(o, "|");
        cell(o, b->areas[ai].name);
        sbuf_reset(&t);
        fmt_level(&t, b, x->areas[ai].level, x->areas[ai].value, FMT_LEVEL_NUMBER);
        cell(o, t.p ? t.p : "");
        sbuf_reset(&t);
        fmt_level(&t, b, y->areas[ai].level, y->areas[ai].value, FMT_LEVEL_NUMBER);
        cell(o, t.p ? t.p : "");
        if (b->kind != BANK_SCALE) {
            sbuf_reset(&t);
            report_pct(&t, x->areas[ai].actions, y->areas[ai].actions);
            sbuf_addf(o, " %d | %d |", x->areas[ai].actions, y->areas[ai].actions);
            cell(o, t.p ? t.p : "");
        }
        sbuf_addc(o, '\n');
    }
    sbuf_addc(o, '\n');
    sbuf_free(&t);
}

static void plan_section(struct sbuf *o, const struct ops_report *r)
{
    char t[1024];
    if (!r->have_plan) {
        h2(o, rep_msg(M_REP_BLOCKERS_NONE_HEAD));
        line(o, rep_msg(M_W_NO_BLOCKERS));
        return;
    }
    struct sbuf g;
    sbuf_init(&g);
    fmt_level(&g, r->b, r->plan.goal_level, 0, FMT_LEVEL_NAME);
    rep_msg_format(t, sizeof t, M_REP_PLAN_HEAD, g.p ? g.p : "");
    h2(o, t);
    rep_msg_format(t, sizeof t, M_REP_PLAN_INTRO, r->sc.n_blockers);
    line(o, t);
    plan_render_md(o, r->b, r->s, &r->plan, 3);
    sbuf_free(&g);
}

static void question(struct sbuf *o, const struct ops_report *r, int qi)
{
    const struct bank *b = r->b;
    const struct question *q = &b->questions[qi];
    const struct answer *a = &r->s->answers[qi];
    struct sbuf t;
    sbuf_init(&t);
    sbuf_addf(o, "#### %s %d", msg(M_W_QUESTION), q->number);
    if (r->blocks[qi]) {
        char stop[128];
        rep_msg_format(stop, sizeof stop, M_W_BLOCKERS, r->sc.blockers[0].level);
        sbuf_add(o, " · ");
        esc(o, stop);
    }
    sbuf_add(o, "\n\n");
    char *text = fmt_period_text(q->text, r->s->period_from, r->s->period_to);
    line(o, text ? text : q->text);
    free(text);
    answer_words(&t, b, q, a);
    sbuf_addf(o, "- %s: ", rep_msg(M_REP_ANSWER));
    esc(o, a->answered ? (t.p ? t.p : "") : rep_msg(M_W_NOT_DISCUSSED));
    sbuf_addc(o, '\n');
    if (q->scored && b->kind != BANK_SCALE) {
        const struct question_score *qs = &r->sc.q[qi];
        sbuf_addf(o, "- %s: %d %s %d · %s: ", rep_msg(M_W_ACTIONS), qs->actions, rep_msg(M_W_OF),
                  qs->max_actions, rep_msg(M_W_POINTS));
        fmt_points(o, qs->points_milli);
        sbuf_addf(o, " %s ", rep_msg(M_W_OF));
        fmt_points(o, qs->max_points_milli);
        sbuf_addc(o, '\n');
    } else if (!q->scored) {
        sbuf_addf(o, "- %s\n", rep_msg(M_REP_UNSCORED));
    }
    sbuf_addf(o, "- %s: %s · %s: %s\n", rep_msg(M_REP_DOCUMENTED), yes_no(a->documented),
              rep_msg(M_REP_FOLLOWUP), yes_no(a->followup));
    decision(o, a);
    if (a->n_evidence) {
        sbuf_addf(o, "- %s:\n", rep_msg(M_REP_EVIDENCE));
        for (int k = 0; k < a->n_evidence; k++) {
            sbuf_add(o, "  - ");
            esc(o, a->evidence[k]);
            sbuf_addc(o, '\n');
        }
    }
    if (a->note && *a->note) {
        sbuf_addf(o, "- %s:\n\n  > ", rep_msg(M_REP_NOTE));
        md_escape(o, a->note, 0, "  > ");
        sbuf_addc(o, '\n');
    }
    sbuf_addc(o, '\n');
    sbuf_free(&t);
}

static void questions(struct sbuf *o, const struct ops_report *r)
{
    const struct bank *b = r->b;
    h2(o, rep_msg(M_REP_QUESTIONS));
    for (int ai = 0; ai < b->n_areas; ai++) {
        sbuf_add(o, "### ");
        esc(o, b->areas[ai].name);
        sbuf_add(o, "\n\n");
        for (int qi = 0; qi < b->n_questions; qi++)
            if (b->questions[qi].area == ai)
                question(o, r, qi);
    }
}

static void companion(struct sbuf *o, const struct ops_report *r)
{
    if (!r->comp)
        return;
    const struct ops_report *c = r->comp;
    char msgbuf[1400];
    h2(o, c->b->name);
    rep_msg_format(msgbuf, sizeof msgbuf, M_REP_COMPANION_FILE, c->s->organisation, c->s->date);
    line(o, msgbuf);
    level_totals(o, c);
    if (c->b->kind == BANK_SCALE) {
        sbuf_add(o, "> ");
        esc(o, rep_msg(M_REP_SCALE_CAVEAT));
        sbuf_add(o, "\n\n");
    }
    area_table(o, c);
    line(o, rep_msg(M_REP_CYBER_NOTE));
}

static void provenance(struct sbuf *o, const struct ops_report *r)
{
    const struct bank *b = r->b;
    struct sbuf t;
    sbuf_init(&t);
    h2(o, rep_msg(M_REP_ABOUT_BANK));
    esc(o, b->name);
    if (b->version && *b->version) {
        sbuf_add(o, " (");
        esc(o, b->version);
        sbuf_add(o, ")");
    }
    sbuf_add(o, "  \n");
    if (b->provenance && *b->provenance)
        line(o, b->provenance);
    report_provenance_counts(&t, r);
    line(o, t.p ? t.p : "");
    int recon = 0;
    for (int i = 0; i < b->n_questions; i++) {
        const struct question *q = &b->questions[i];
        if (q->prov != PROV_RECONSTRUCTED)
            continue;
        if (!recon++) {
            esc(o, rep_msg(M_REP_RECONSTRUCTED_LIST));
            sbuf_add(o, " ");
        } else {
            sbuf_add(o, ", ");
        }
        sbuf_addf(o, "%d", q->number);
    }
    if (recon)
        sbuf_add(o, ".\n\n");
    if (b->source && *b->source) {
        sbuf_addf(o, "%s: ", rep_msg(M_W_SOURCE));
        esc(o, b->source);
        sbuf_add(o, "\n\n");
    }
    line(o, rep_msg(M_REP_MODEL_NOTE));
    sbuf_free(&t);
}

void report_md(struct sbuf *o, const struct ops_report *r, const struct report_opts *ro)
{
    marking(o, ro);
    summary(o, r);
    workshop(o, r);
    result(o, r);
    peers(o, r);
    since(o, r);
    plan_section(o, r);
    questions(o, r);
    companion(o, r);
    provenance(o, r);
    report_md_registers(o, r);
    marking(o, ro);
}
