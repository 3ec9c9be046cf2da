/* report_md.c: the report in Markdown (CommonMark with GitHub tables). Everything that comes
 * from the bank or the session goes through md_escape. */
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

/* "# Infosäkkollen 2023: resultat för Exempel kommun" */
static void title(struct sbuf *o, const struct ops_report *r)
{
    char t[1024];
    rep_msg_format(t, sizeof t, M_REP_TITLE, r->b->name, r->s->organisation);
    sbuf_add(o, "# ");
    esc(o, t);
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
        if (r->sc.level >= 1 && r->sc.level <= b->n_levels) {
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

static void head(struct sbuf *o, const struct ops_report *r)
{
    const struct session *s = r->s;
    title(o, r);
    sbuf_addf(o, "%s: ", rep_msg(M_REP_BANK));
    esc(o, r->b->name);
    sbuf_add(o, "  \n");
    sbuf_addf(o, "%s: ", rep_msg(M_REP_DATE));
    esc(o, s->date);
    sbuf_add(o, "  \n");
    sbuf_addf(o, "%s: ", rep_msg(M_W_GROUP));
    esc(o, group_name(s->group));
    sbuf_add(o, "  \n");
    sbuf_addf(o, "%s: ", rep_msg(M_REP_FACILITATOR));
    esc(o, s->facilitator && *s->facilitator ? s->facilitator : "–");
    sbuf_add(o, "\n\n");
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
}

static void result(struct sbuf *o, const struct ops_report *r)
{
    const struct bank *b = r->b;
    struct sbuf t;
    sbuf_init(&t);
    sbuf_addf(o, "## %s\n\n**", rep_msg(M_REP_RESULT));
    report_level_line(&t, r);
    esc(o, t.p ? t.p : "");
    sbuf_add(o, "**  \n");
    sbuf_reset(&t);
    report_totals_line(&t, r);
    esc(o, t.p ? t.p : "");
    sbuf_add(o, "\n\n");
    sbuf_reset(&t);
    report_bench_name(&t, r);
    sbuf_addf(o, "%s: ", rep_msg(M_REP_BENCH));
    esc(o, t.p ? t.p : "");
    report_bench_values(o, r);
    sbuf_add(o, "\n\n");

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
        fmt_level(&t, r->b, 0, r->bm ? r->bm->area_levels[ai] : -1, FMT_LEVEL_VALUE);
        cell(o, t.p ? t.p : "");
        if (scale) {
            sbuf_addc(o, '\n');
            continue;
        }
        sbuf_reset(&t);
        fmt_points(&t, as->points_milli);
        sbuf_addf(&t, " / ");
        fmt_points(&t, as->max_points_milli);
        cell(o, t.p ? t.p : "");
        sbuf_reset(&t);
        sbuf_addf(&t, "%d / %d", as->actions, as->max_actions);
        cell(o, t.p ? t.p : "");
        sbuf_addc(o, '\n');
    }
    sbuf_add(o, "\n");
    esc(o, rep_msg(scale ? M_REP_VALUE_NOTE_SCALE : M_REP_VALUE_NOTE));
    sbuf_add(o, "\n\n");
    sbuf_free(&t);
}

static void blockers(struct sbuf *o, const struct ops_report *r)
{
    const struct bank *b = r->b;
    char t[128];
    if (r->sc.n_blockers == 0) {
        sbuf_addf(o, "## %s\n\n", rep_msg(M_REP_BLOCKERS_NONE_HEAD));
        esc(o, rep_msg(M_W_NO_BLOCKERS));
        sbuf_add(o, "\n\n");
        return;
    }
    rep_msg_format(t, sizeof t, M_W_BLOCKERS, r->sc.blockers[0].level);
    sbuf_add(o, "## ");
    esc(o, t);
    sbuf_add(o, "\n\n");
    for (int i = 0; i < r->sc.n_blockers; i++) {
        const struct blocker *bl = &r->sc.blockers[i];
        const struct question *q = &b->questions[bl->question];
        struct sbuf m;
        sbuf_init(&m);
        score_missing_text(&m, q, &bl->missing);
        sbuf_addf(o, "- **%s %d** (", msg(M_W_QUESTION), q->number);
        esc(o, b->areas[q->area].name);
        sbuf_add(o, "): ");
        esc(o, question_label(q));
        sbuf_add(o, " – ");
        esc(o, m.p ? m.p : "");
        sbuf_addc(o, '\n');
        sbuf_free(&m);
    }
    sbuf_addc(o, '\n');
}

static void questions(struct sbuf *o, const struct ops_report *r)
{
    const struct bank *b = r->b;
    const struct session *s = r->s;
    struct sbuf t;
    sbuf_init(&t);
    sbuf_addf(o, "## %s\n\n", rep_msg(M_REP_QUESTIONS));
    for (int ai = 0; ai < b->n_areas; ai++) {
        sbuf_add(o, "### ");
        esc(o, b->areas[ai].name);
        sbuf_add(o, "\n\n");
        for (int qi = 0; qi < b->n_questions; qi++) {
            const struct question *q = &b->questions[qi];
            const struct answer *a = &s->answers[qi];
            if (q->area != ai)
                continue;
            sbuf_addf(o, "#### %s %d\n\n", msg(M_W_QUESTION), q->number);
            char *text = fmt_period_text(q->text, s->period_from, s->period_to);
            esc(o, text ? text : q->text);
            free(text);
            sbuf_add(o, "\n\n");
            sbuf_reset(&t);
            answer_words(&t, b, q, a);
            sbuf_addf(o, "- %s: ", rep_msg(M_REP_ANSWER));
            esc(o, a->answered ? (t.p ? t.p : "") : rep_msg(M_W_NOT_DISCUSSED));
            sbuf_addc(o, '\n');
            if (q->scored && b->kind != BANK_SCALE) {
                const struct question_score *qs = &r->sc.q[qi];
                sbuf_addf(o, "- %s: %d %s %d · %s: ", rep_msg(M_W_ACTIONS), qs->actions,
                          rep_msg(M_W_OF), qs->max_actions, rep_msg(M_W_POINTS));
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
        }
    }
    sbuf_free(&t);
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

static void provenance(struct sbuf *o, const struct ops_report *r)
{
    const struct bank *b = r->b;
    struct sbuf t;
    sbuf_init(&t);
    sbuf_addf(o, "## %s\n\n", rep_msg(M_REP_ABOUT_BANK));
    esc(o, b->name);
    if (b->version && *b->version) {
        sbuf_add(o, " (");
        esc(o, b->version);
        sbuf_add(o, ")");
    }
    sbuf_add(o, "  \n");
    if (b->provenance && *b->provenance) {
        esc(o, b->provenance);
        sbuf_add(o, "\n\n");
    }
    report_provenance_counts(&t, r);
    esc(o, t.p ? t.p : "");
    sbuf_add(o, "\n\n");
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
    esc(o, rep_msg(M_REP_MODEL_NOTE));
    sbuf_add(o, "\n");
    sbuf_free(&t);
}

void report_md(struct sbuf *o, const struct ops_report *r)
{
    head(o, r);
    result(o, r);
    blockers(o, r);
    if (r->have_plan) {
        struct sbuf g;
        char t[1024];
        sbuf_init(&g);
        plan_goal_text(&g, r->b, &r->plan);
        msg_format(t, sizeof t, M_PLAN_TITLE, g.p ? g.p : "");
        sbuf_add(o, "## ");
        esc(o, t);
        sbuf_add(o, "\n\n");
        plan_render_md(o, r->b, &r->plan, 3);
        sbuf_free(&g);
    }
    questions(o, r);
    provenance(o, r);
}
