/* report_csv.c: one row per question for a spreadsheet, in the form the UI language's
 * spreadsheets open by double-click: Swedish (the default) with ';' between fields, a UTF-8
 * byte-order mark and a decimal comma; English with ',' and a decimal point. RFC 4180 quoting
 * (CRLF, a field quoted when it holds ';', ',', a quote or a line break, quotes doubled), and
 * the formula guard on every field. An answer of several options is written "1, 10" so that
 * no spreadsheet reads it as the number 1,10. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kollen/fmt.h"
#include "kollen/msg.h"
#include "report.h"

struct csv {
    struct sbuf *o;
    char sep; /* ';' or ',' */
    int comma;
    int first; /* no separator before the next field */
};

static void field(struct csv *c, const char *s)
{
    if (!c->first)
        sbuf_addc(c->o, c->sep);
    c->first = 0;
    csv_field(c->o, s);
}

static void number(struct csv *c, long v)
{
    if (!c->first)
        sbuf_addc(c->o, c->sep);
    c->first = 0;
    sbuf_addf(c->o, "%ld", v);
}

static void end_row(struct csv *c)
{
    sbuf_add(c->o, "\r\n");
    c->first = 1;
}

static const enum rep_msg_id head[] = {
    M_REP_CSV_NUMBER, M_W_AREA,         M_REP_CSV_TEXT,  M_REP_ANSWER,   M_REP_CSV_OPTIONS,
    M_W_ACTIONS,      M_W_POINTS,       M_REP_DOCUMENTED, M_REP_FOLLOWUP, M_REP_CSV_AGREED,
    M_REP_DISSENT,    M_REP_NOTE,       M_REP_EVIDENCE,   M_REP_OWNER,    M_REP_DUE,
    M_REP_STATUS,
};

/* The answer as `kollen set` takes it, options joined by ", ": "1, 10", "none", "3". */
static void answer_codes(struct sbuf *t, const struct question *q, const struct answer *a)
{
    if (!a->answered)
        return;
    char v[256];
    answer_format(q, a, v, sizeof v);
    for (const char *p = v; *p; p++) {
        sbuf_addc(t, *p);
        if (*p == ',')
            sbuf_addc(t, ' ');
    }
}

/* The texts of the options ticked or chosen, one per line. */
static void answer_texts(struct sbuf *t, const struct bank *b, const struct question *q,
                         const struct answer *a)
{
    if (!a->answered)
        return;
    if (q->type != QTYPE_MULTI) {
        int c = a->choice;
        const char *lab = q->type == QTYPE_SCALE && b->scale_labels && c >= 1 && c <= b->scale_max
                              ? b->scale_labels[c - 1]
                          : c >= 1 && c <= q->n_options ? q->options[c - 1].text
                                                        : "";
        sbuf_add(t, lab ? lab : "");
        return;
    }
    for (int i = 0; i < q->n_options; i++)
        if (a->ticks & (1ULL << i))
            sbuf_addf(t, "%s%s", t->len ? "\n" : "", q->options[i].text);
}

static void row(struct csv *c, const struct ops_report *r, int qi)
{
    const struct bank *b = r->b;
    const struct question *q = &b->questions[qi];
    const struct answer *a = &r->s->answers[qi];
    struct sbuf t;
    sbuf_init(&t);
    number(c, q->number);
    field(c, b->areas[q->area].name);
    field(c, q->text);
    answer_codes(&t, q, a);
    field(c, t.p ? t.p : "");
    sbuf_reset(&t);
    answer_texts(&t, b, q, a);
    field(c, t.p ? t.p : "");
    if (q->scored && a->answered) {
        number(c, r->sc.q[qi].actions);
        sbuf_reset(&t);
        text_milli_exact(&t, r->sc.q[qi].points_milli, c->comma);
        sbuf_addc(c->o, c->sep);
        sbuf_add(c->o, t.p ? t.p : "0");
    } else {
        field(c, "");
        field(c, "");
    }
    field(c, yes_no(a->documented));
    field(c, yes_no(a->followup));
    field(c, yes_no(a->agreed));
    sbuf_reset(&t);
    for (int k = 0; k < a->n_dissent; k++)
        sbuf_addf(&t, "%s%s: %s", k ? "\n" : "", a->dissent[k].who, a->dissent[k].view);
    field(c, t.p ? t.p : "");
    field(c, a->note ? a->note : "");
    sbuf_reset(&t);
    for (int k = 0; k < a->n_evidence; k++)
        sbuf_addf(&t, "%s%s", k ? "\n" : "", a->evidence[k]);
    field(c, t.p ? t.p : "");
    field(c, a->owner ? a->owner : "");
    field(c, a->due ? a->due : "");
    field(c, plan_status_words(a->status));
    end_row(c);
    sbuf_free(&t);
}

void report_csv(struct sbuf *o, const struct ops_report *r, const struct report_opts *ro)
{
    (void)ro; /* a marking has no place in a table of data: the file is what it marks */
    struct csv c = {o, fmt_comma() ? ';' : ',', fmt_comma(), 1};
    if (c.sep == ';')
        sbuf_add(o, "\xEF\xBB\xBF"); /* the BOM: spreadsheets then read UTF-8 */
    for (size_t i = 0; i < sizeof head / sizeof head[0]; i++)
        field(&c, rep_msg(head[i]));
    end_row(&c);
    for (int qi = 0; qi < r->b->n_questions; qi++)
        row(&c, r, qi);
}
