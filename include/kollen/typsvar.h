/* typsvar.h: the typ-organisation of a group of sessions ("hur en generell representant för en
 * grupp skulle ha svarat ... givet vad medlemmarna i den gruppen har svarat", MSB2333
 * L2540-2546), built by streaming: per question it counts the sessions that answered, ticked
 * each option, chose each step and documented the answer, never keeping a session.
 *
 * MSB does not publish its method. kollen's (docs/many.md): the typ-organisation has a thing
 * when more than half of the group has it.
 *   - a question is answered when more than half answered it;
 *   - multi: an option is ticked when more than half ticked it;
 *   - single and scale: the lower median of the choices, an unanswered question counting
 *     below the first step; this is the highest step that more than half reached;
 *   - documented when more than half documented their answer to it;
 *   - notes, evidence references, dissent and every other record are never carried over:
 *     they are the organisations' own words. */
#ifndef KOLLEN_TYPSVAR_H
#define KOLLEN_TYPSVAR_H

#include <stdint.h>

#include "kollen/bank.h"
#include "kollen/session.h"

struct typsvar;

/* A new builder for sessions of bank b, which must outlive it (NULL on allocation failure). */
struct typsvar *typsvar_new(const struct bank *b);
void typsvar_free(struct typsvar *t);

/* Count one session's answers. KL_OK, or KL_EUSAGE when it is not a session of the bank. */
int typsvar_add(struct typsvar *t, const struct session *s);
/* Sessions counted so far. */
int typsvar_count(const struct typsvar *t);

/* The typ-organisation as a new session the caller owns (session_free): organisation `name`,
 * the given actor group and date, created at `now`; answers only. KL_OK or KL_ENOMEM. */
int typsvar_session_new(const struct typsvar *t, const char *name, enum actor_group group,
                        const char *date, int64_t now, struct session **out);

/* The typ-organisation as a benchmark of the given kind (typsvar; basta-30 or urval for the
 * best of a group), with the fields benchmarks.ini holds: its overall level and per-area levels
 * on the continuous scale (score.value, area_score.value; -1 for an area without a scored or
 * answered question), its actions in all and per area, how many areas reach each level, year
 * 0 (not stated), provenance reconstructed and the given source. The strings are copies; free
 * them with benchmark_clear. group is "kommun", "region", "myndighet", "annan" or "" for all.
 * KL_OK or KL_ENOMEM. */
int typsvar_benchmark(const struct typsvar *t, const char *id, const char *name,
                      const char *group, enum bench_kind kind, const char *source,
                      struct benchmark *out);

#endif
