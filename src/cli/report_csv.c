/* report_csv.c: one row per question, RFC 4180 (CRLF, quoted where needed), UTF-8. Numbers
 * use a decimal point whatever the language, so the file reads the same everywhere. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kollen/fmt.h"
#include "kollen/msg.h"
#include "report.h"

static void sep(struct sbuf *o)
{
    sbuf_addc(o, ',');
}

void report_csv(struct sbuf *o, const struct ops_report *r, const struct report_opts *ro)
{
    (void)ro;
    const struct bank *b = r->b;
    const struct session *s = r->s;
    static const enum rep_msg_id head[] = {
        M_REP_CSV_NUMBER, M_W_AREA,       M_REP_ANSWER, M_W_ACTIONS,    M_W_POINTS,
        M_REP_DOCUMENTED, M_REP_FOLLOWUP, M_REP_NOTE,   M_REP_EVIDENCE,
    };
    for (size_t i = 0; i < sizeof head / sizeof head[0]; i++) {
        if (i)
            sep(o);
        csv_field(o, rep_msg(head[i]));
    }
    sbuf_add(o, "\r\n");
    struct sbuf t;
    sbuf_init(&t);
    for (int qi = 0; qi < b->n_questions; qi++) {
        const struct question *q = &b->questions[qi];
        const struct answer *a = &s->answers[qi];
        sbuf_addf(o, "%d", q->number);
        sep(o);
        csv_field(o, b->areas[q->area].name);
        sep(o);
        sbuf_reset(&t);
        if (a->answered) {
            char v[256];
            answer_format(q, a, v, sizeof v);
            sbuf_add(&t, v);
        }
        csv_field(o, t.p ? t.p : "");
        sep(o);
        if (q->scored && a->answered) {
            sbuf_addf(o, "%d", r->sc.q[qi].actions);
            sep(o);
            text_milli_exact(o, r->sc.q[qi].points_milli, 0);
        } else {
            sep(o);
        }
        sep(o);
        csv_field(o, yes_no(a->documented));
        sep(o);
        csv_field(o, yes_no(a->followup));
        sep(o);
        csv_field(o, a->note ? a->note : "");
        sep(o);
        sbuf_reset(&t);
        for (int k = 0; k < a->n_evidence; k++) {
            if (k)
                sbuf_addc(&t, '\n');
            sbuf_add(&t, a->evidence[k]);
        }
        csv_field(o, t.p ? t.p : "");
        sbuf_add(o, "\r\n");
    }
    sbuf_free(&t);
}
