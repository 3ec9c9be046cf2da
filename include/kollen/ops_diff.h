/* ops_diff.h: what changed between two sessions of the same bank (the 2021 and the 2023
 * workshop, say): the scores of both, the actions gained and lost, and per question the
 * answer, the note, the evidence references and the flags. Data only; `kollen diff` prints it
 * as text or JSON. */
#ifndef KOLLEN_OPS_DIFF_H
#define KOLLEN_OPS_DIFF_H

#include <stdint.h>

#include "kollen/bank.h"
#include "kollen/diag.h"
#include "kollen/score.h"
#include "kollen/session.h"

/* One question that changed. */
struct ops_qdiff {
    int question;              /* index into bank.questions */
    uint64_t ticked, unticked; /* multi: options ticked and unticked (bit i = option i+1) */
    int gained, lost;          /* actions (0 for a question that does not count) */
    int answer_changed, note_changed, doc_changed, fol_changed;
    const char **ev_added; /* references only the new session has (its strings) */
    int n_ev_added;
    const char **ev_removed; /* references only the old session has */
    int n_ev_removed;
};

struct ops_diff {
    const struct bank *bank;
    const struct session *old, *new;
    struct score sc_old, sc_new;
    int gained, lost;    /* actions over all questions */
    struct ops_qdiff *q; /* the questions that changed, in bank order */
    int n;
    /* owned by ops_diff_open */
    struct bank *own_bank;
    struct session *own_old, *own_new;
};

/* Compare sessions old and new of bank b (borrowed: they must outlive *out). KL_OK or
 * KL_ENOMEM. Free with ops_diff_free. */
int ops_diff(struct ops_diff *out, const struct bank *b, const struct session *old,
             const struct session *new);

/* Load both sessions (the old one with its bank from questions_dir, checked for privacy; the
 * new one must be for the same bank) and compare them. KL_OK, or an error with the problems in
 * d (KL_EDATA when the banks differ). */
int ops_diff_open(struct ops_diff *out, const char *old_path, const char *new_path,
                  const char *questions_dir, struct diags *d);
void ops_diff_free(struct ops_diff *o);

#endif
