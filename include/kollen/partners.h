/* partners.h: partners to learn from. For each question that keeps a session from its next
 * level (its blockers), how many other organisations already meet that question's rule for
 * that level, and, when asked, which (MSB2333 suggests learning from organisations that have
 * come further). Streamed: the other sessions are added one at a time and not kept. */
#ifndef KOLLEN_PARTNERS_H
#define KOLLEN_PARTNERS_H

#include "kollen/bank.h"
#include "kollen/score.h"
#include "kollen/session.h"

/* One blocker of the session and the organisations that have what it lacks. */
struct partner_need {
    int question;           /* index into bank.questions */
    int level;              /* the level it blocks */
    struct missing missing; /* what the session lacks */
    int have;               /* other organisations that meet the rule */
    int *ids;               /* with keep_ids: their ids, in the order they were added */
};

struct partners {
    int level;    /* the level the session is kept from; 0 when it is at the top */
    int n_needs;
    struct partner_need *needs; /* in the blockers' order: area order, then number */
    int compared; /* other organisations' sessions compared */
    int skipped;  /* sessions of the session's own organisation, not compared */
    int keep_ids;
    char *own;    /* the session's own organisation, to skip its other sessions */
};

/* Start from session s and its score sc (score_compute of s). With keep_ids, the ids given
 * to partners_add are kept per need. KL_OK or KL_ENOMEM. */
int partners_init(struct partners *p, const struct bank *b, const struct session *s,
                  const struct score *sc, int keep_ids);
/* Compare another session of the same bank. One of the session's own organisation (the same
 * organisation name) is skipped and counted in p->skipped. KL_OK, KL_ENOMEM, or KL_EUSAGE
 * when it is not a session of the bank. */
int partners_add(struct partners *p, const struct bank *b, const struct session *other, int id);
void partners_free(struct partners *p);

/* Does answer a have in place what a blocker of `level` on question q asks (the rule for
 * that level holds; scale banks: the statement is rated at least `level`)? */
int partners_meets(const struct bank *b, const struct question *q, const struct answer *a,
                   int level);

#endif
