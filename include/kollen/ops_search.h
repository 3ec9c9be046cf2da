/* ops_search.h: finding "the question about suppliers" in a workshop: its words in question
 * texts, options, the facilitator's help and the notes, without regard to case (å and Å
 * alike). */
#ifndef KOLLEN_OPS_SEARCH_H
#define KOLLEN_OPS_SEARCH_H

#include "kollen/ops_workshop.h"

enum search_where { SEARCH_TEXT, SEARCH_OPTION, SEARCH_HELP, SEARCH_NOTE };

/* One question where the words were found, and where first. */
struct search_hit {
    int question;            /* index into bank.questions */
    enum search_where where; /* the first place in the order above */
    int option;              /* SEARCH_OPTION: the option (0-based) */
};

/* The questions of w whose text, options, help or note contain needle (trimmed; case
 * folded), in bank order, one hit per question. KL_OK with *hits (free it) and *n (0 for
 * none, or an empty needle); KL_ENOMEM. */
int ops_search(const struct workshop *w, const char *needle, struct search_hit **hits, int *n);

#endif
