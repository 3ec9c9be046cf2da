/* report_registers.c: the registers at the end of the report, in HTML and Markdown: the
 * follow-up list (questions flagged for follow-up, with their notes), the evidence register
 * (every reference, by question), the parked and disputed questions with the reason and the
 * dissent recorded, and the plan's steps as tracked between workshops. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kollen/fmt.h"
#include "kollen/msg.h"
#include "report.h"

/* What a register lists about one question; the writers give the cells their markup. */
enum reg { REG_FOLLOWUP, REG_EVIDENCE, REG_PARKED, REG_STEPS, REG_COUNT };

static const enum rep_msg_id reg_title[REG_COUNT] = {M_REP_FOLLOWUP_LIST, M_REP_EVIDENCE_REG,
                                                     M_REP_PARKED_DISPUTED, M_REP_STEPS};

static int listed(const struct answer *a, enum reg g)
{
    switch (g) {
    case REG_FOLLOWUP: return a->followup;
    case REG_EVIDENCE: return a->n_evidence > 0;
    case REG_PARKED: return a->parked || a->n_dissent > 0;
    case REG_STEPS: return a->status != STEP_UNTRACKED || a->owner || a->due;
    case REG_COUNT: break;
    }
    return 0;
}

/* The columns after the question's: their headings. */
static int heads(enum reg g, const char **h)
{
    switch (g) {
    case REG_FOLLOWUP: h[0] = rep_msg(M_REP_NOTE); return 1;
    case REG_EVIDENCE: h[0] = rep_msg(M_REP_REFERENCE); return 1;
    case REG_PARKED:
        h[0] = rep_msg(M_REP_STATUS);
        h[1] = rep_msg(M_REP_DISSENT);
        return 2;
    case REG_STEPS:
        h[0] = rep_msg(M_REP_OWNER);
        h[1] = rep_msg(M_REP_DUE);
        h[2] = rep_msg(M_REP_STATUS);
        return 3;
    case REG_COUNT: break;
    }
    return 0;
}

/* "Parkerad (skäl: ...)", "Omtvistad", "Beslutad med reservation", joined by "; ". */
static void parked_status(struct sbuf *o, const struct answer *a)
{
    if (a->parked) {
        sbuf_add(o, rep_msg(M_REP_PARKED));
        if (a->park_reason && *a->park_reason)
            sbuf_addf(o, " (%s: %s)", rep_msg(M_REP_REASON), a->park_reason);
    }
    if (a->n_dissent) {
        if (o->len)
            sbuf_add(o, "; ");
        sbuf_add(o, rep_msg(answer_disputed(a) ? M_REP_DISPUTED : M_REP_RESERVATION));
    }
}

/* The cells of one row (row k of the question: evidence has one per reference), plain text
 * with line breaks where the text has them. Returns how many rows the question has. */
static int cells(enum reg g, const struct answer *a, int k, struct sbuf *c)
{
    switch (g) {
    case REG_FOLLOWUP: sbuf_add(&c[0], a->note ? a->note : ""); return 1;
    case REG_EVIDENCE: sbuf_add(&c[0], a->evidence[k]); return a->n_evidence;
    case REG_PARKED:
        parked_status(&c[0], a);
        for (int i = 0; i < a->n_dissent; i++)
            sbuf_addf(&c[1], "%s%s: %s", i ? "\n" : "", a->dissent[i].who, a->dissent[i].view);
        return 1;
    case REG_STEPS:
        sbuf_add(&c[0], a->owner ? a->owner : "");
        sbuf_add(&c[1], a->due ? a->due : "");
        sbuf_add(&c[2], plan_status_words(a->status));
        return 1;
    case REG_COUNT: break;
    }
    return 1;
}

static int count(const struct ops_report *r, enum reg g)
{
    int n = 0;
    for (int qi = 0; qi < r->b->n_questions; qi++)
        n += listed(&r->s->answers[qi], g) != 0;
    return n;
}

static void question_cell(struct sbuf *c, const struct bank *b, int qi)
{
    const struct question *q = &b->questions[qi];
    sbuf_addf(c, "%d · %s", q->number, question_label(q));
}

/* Every row of register g, the question's cell and nh more as plain text, to row() for their
 * markup. */
static void each_row(struct sbuf *o, const struct ops_report *r, enum reg g, int nh,
                     void (*row)(struct sbuf *o, const char *q, const struct sbuf *c, int nh))
{
    struct sbuf q, c[3];
    sbuf_init(&q);
    for (int i = 0; i < 3; i++)
        sbuf_init(&c[i]);
    for (int qi = 0; qi < r->b->n_questions; qi++) {
        const struct answer *a = &r->s->answers[qi];
        if (!listed(a, g))
            continue;
        for (int k = 0, rows = 1; k < rows; k++) {
            for (int i = 0; i < 3; i++)
                sbuf_reset(&c[i]);
            sbuf_reset(&q);
            question_cell(&q, r->b, qi);
            rows = cells(g, a, k, c);
            row(o, q.p ? q.p : "", c, nh);
        }
    }
    sbuf_free(&q);
    for (int i = 0; i < 3; i++)
        sbuf_free(&c[i]);
}

/* --- HTML --- */

static void html_row(struct sbuf *o, const char *q, const struct sbuf *c, int nh)
{
    sbuf_add(o, "<tr><td>");
    html_escape(o, q, 0);
    for (int i = 0; i < nh; i++) {
        sbuf_add(o, "</td><td>");
        html_escape(o, c[i].p ? c[i].p : "", 1);
    }
    sbuf_add(o, "</td></tr>\n");
}

static void html_register(struct sbuf *o, const struct ops_report *r, enum reg g)
{
    const char *h[3];
    int nh = heads(g, h);
    sbuf_add(o, "<h3>");
    html_escape(o, rep_msg(reg_title[g]), 0);
    sbuf_add(o, "</h3>\n");
    if (!count(r, g)) {
        sbuf_add(o, "<p>");
        html_escape(o, rep_msg(M_REP_NONE_LISTED), 0);
        sbuf_add(o, "</p>\n");
        return;
    }
    sbuf_addf(o, "<table class=\"register\">\n<thead><tr><th>%s</th>", msg(M_W_QUESTION));
    for (int i = 0; i < nh; i++) {
        sbuf_add(o, "<th>");
        html_escape(o, h[i], 0);
        sbuf_add(o, "</th>");
    }
    sbuf_add(o, "</tr></thead>\n<tbody>\n");
    each_row(o, r, g, nh, html_row);
    sbuf_add(o, "</tbody>\n</table>\n");
}

void report_html_registers(struct sbuf *o, const struct ops_report *r)
{
    sbuf_add(o, "<section id=\"registers\">\n<h2>");
    html_escape(o, rep_msg(M_REP_REGISTERS), 0);
    sbuf_add(o, "</h2>\n");
    for (int g = 0; g < REG_COUNT; g++)
        html_register(o, r, (enum reg)g);
    sbuf_add(o, "</section>\n");
}

/* --- Markdown: tables, a line break in a cell as <br>; URLs never become links --- */

static void md_cell(struct sbuf *o, const char *s)
{
    sbuf_add(o, " ");
    md_escape(o, s, 1, NULL);
    sbuf_add(o, " |");
}

static void md_row(struct sbuf *o, const char *q, const struct sbuf *c, int nh)
{
    sbuf_add(o, "|");
    md_cell(o, q);
    for (int i = 0; i < nh; i++)
        md_cell(o, c[i].p ? c[i].p : "");
    sbuf_addc(o, '\n');
}

static void md_register(struct sbuf *o, const struct ops_report *r, enum reg g)
{
    const char *h[3];
    int nh = heads(g, h);
    sbuf_add(o, "### ");
    md_escape(o, rep_msg(reg_title[g]), 0, NULL);
    sbuf_add(o, "\n\n");
    if (!count(r, g)) {
        md_escape(o, rep_msg(M_REP_NONE_LISTED), 0, NULL);
        sbuf_add(o, "\n\n");
        return;
    }
    sbuf_add(o, "|");
    md_cell(o, msg(M_W_QUESTION));
    for (int i = 0; i < nh; i++)
        md_cell(o, h[i]);
    sbuf_add(o, "\n|");
    for (int i = 0; i <= nh; i++)
        sbuf_add(o, "---|");
    sbuf_addc(o, '\n');
    each_row(o, r, g, nh, md_row);
    sbuf_addc(o, '\n');
}

void report_md_registers(struct sbuf *o, const struct ops_report *r)
{
    sbuf_add(o, "## ");
    md_escape(o, rep_msg(M_REP_REGISTERS), 0, NULL);
    sbuf_add(o, "\n\n");
    for (int g = 0; g < REG_COUNT; g++)
        md_register(o, r, (enum reg)g);
}
