/* merge.h: one workshop held in breakout groups, each group in a session of its own, made
 * into one session. Nothing recorded is dropped: where the groups disagree the disagreement
 * is kept as dissent, for the room to settle.
 *
 * Per question, the answer, its flags and its plan step come from the first session that
 * answered it (or, when none did, the first that recorded anything on it). A later session
 * that answered differently becomes a dissent entry on the merged answer ("who" its label,
 * "view" its answer) and the answer is no longer marked agreed; one that answered the same
 * adds its documentation. Notes of the other sessions are appended under a line naming
 * their label; evidence references and dissent entries are united; follow-up and parking
 * hold when any session set them.
 *
 * Per session: the first session's fields, with participants united by name, sittings
 * united (one with the same start and end is the same sitting, its attendance united) and
 * in order of their start, time spent per work area added up, the earliest date, the
 * facilitators' names joined, other summaries appended, and unknown keys and sections
 * united. */
#ifndef KOLLEN_MERGE_H
#define KOLLEN_MERGE_H

#include <stdint.h>

#include "kollen/bank.h"
#include "kollen/diag.h"
#include "kollen/session.h"

/* Merge sessions in[0..n-1] of bank b into a new session *out (the caller's). labels[i]
 * names session i (its file, say) in messages and dissent entries. Refuses sessions of
 * different banks, organisations or actor groups, with a message naming both (KL_EDATA), and
 * a merged answer or session that would pass a limit of the format (KL_EUSAGE, naming the
 * question). Returns KL_OK, KL_EDATA, KL_EUSAGE or KL_ENOMEM; on failure *out is NULL. */
int merge_sessions(const struct bank *b, const struct session *const *in,
                   const char *const *labels, int n, int64_t now, struct session **out,
                   struct diags *d);

#endif
