/* ops_partners.h: partners to learn from (`kollen partners`): for each question that keeps a
 * session from its next level, how many of the other organisations' sessions already meet it,
 * and with names which. The other sessions stream by and are not kept. */
#ifndef KOLLEN_OPS_PARTNERS_H
#define KOLLEN_OPS_PARTNERS_H

#include "kollen/ops_summary.h"
#include "kollen/partners.h"

struct ops_partners {
    const struct bank *bank;
    struct session *self; /* the session asked about */
    struct score sc;      /* its score */
    struct partners p;    /* ids are indices into the inputs */
    char **names;         /* with names: per input, "organisation (file)" of those that meet
                             some need; NULL elsewhere */
    int n_names;
    struct ops_tally tally;
};

/* Load the session at for_path, then compare it with every session of in of its bank. KL_OK,
 * the load's code for for_path (the reason in d), or KL_ENOMEM. Files that cannot be read are
 * counted and named in d. Free with ops_partners_free. */
int ops_partners(const struct ops_inputs *in, struct ops_banks *banks, const char *for_path,
                 int names, int threads, struct ops_partners *out, struct diags *d);
void ops_partners_free(struct ops_partners *p);

#endif
