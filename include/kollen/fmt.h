/* fmt.h: one formatter for each thing several screens and commands show: a decimal in the UI
 * language, points, a level as text, a question's level rules in a few words. Plain text
 * appended to an sbuf; the caller escapes or sanitises it for its output. */
#ifndef KOLLEN_FMT_H
#define KOLLEN_FMT_H

#include <stdint.h>

#include "kollen/bank.h"
#include "kollen/text.h"

/* 1 when the UI language writes a decimal comma (Swedish), 0 for a point. */
int fmt_comma(void);
/* v with that many decimals and the UI language's decimal sign: "2,58". */
void fmt_decimal(struct sbuf *o, double v, int decimals);
/* Points (thousandths) to one decimal as people read them: "12,5", "200". */
void fmt_points(struct sbuf *o, long milli);

enum fmt_level {
    FMT_LEVEL_NUMBER,      /* "2"; a scale bank's mean "2,58" */
    FMT_LEVEL_BRIEF,       /* "2"; a scale bank's mean to one decimal "2,6" (narrow lists) */
    FMT_LEVEL_NAME,        /* "Nivå 2: Viss systematik"; "ingen nivå" outside 1..n */
    FMT_LEVEL_LABEL,       /* the name alone, "Viss systematik"; "ingen nivå" outside 1..n */
    FMT_LEVEL_TITLE,       /* "Nivå 2: Viss systematik", "Nivå 0: ingen nivå"; a scale bank
                              "Nivå 2,58: ..." (the name left out when there is none) */
    FMT_LEVEL_NUMBER_NAME, /* "2 Viss systematik"; a scale bank "2,58 Viss systematik" */
    FMT_LEVEL_AREA,        /* "1 (1,50)": the level and its value; a scale bank "1,50" */
    FMT_LEVEL_RESULT,      /* FMT_LEVEL_NAME; a scale bank "Nivå 2,58" (`kollen set`); TITLE
                              and RESULT of a scale bank below level 1 (statements pending):
                              "medel 3,10, ingen nivå än", "ingen nivå" with no answers */
    FMT_LEVEL_VALUE        /* value on the level scale "1,50"; "–" when unknown (< 0) */
};

/* A level of bank b as text: level is the indicative level, value the level with its progress
 * (a scale bank's mean). */
void fmt_level(struct sbuf *o, const struct bank *b, int level, double value, enum fmt_level style);

/* What question q asks at level lv, in words a participant understands read aloud ("minst 5
 * åtgärder och alternativ 1 ikryssat, dokumenterat"); nothing when it asks nothing there. */
void fmt_rule(struct sbuf *o, const struct bank *b, const struct question *q, int lv);
/* Every level's rule of question q ("Krav: nivå 1 minst 1 åtgärd · nivå 2 minst 2 åtgärder,
 * dokumenterat"; "Valideringsfråga: räknas inte" for a question that does not count; nothing
 * for a scale bank); sep goes between levels. */
void fmt_rules(struct sbuf *o, const struct bank *b, const struct question *q, const char *sep);

/* The phrase the questions use for the measurement period. */
#define FMT_PERIOD_PHRASE "de senaste två åren"

/* A copy of a question's text with " (FROM–TO)" after each "de senaste två åren" (any case),
 * the session's measurement period beside the words that need it; NULL when the text does not
 * say it, there is no period, or memory ran out (show the text as it is then). */
char *fmt_period_text(const char *text, const char *from, const char *to);

/* One rule in words read aloud, with no level around it (a target's extra rule, `kollen bank`):
 * "minst 2 åtgärder och alternativ 1 och 3 ikryssade", "alternativ 4 eller högre" ("steg 3
 * eller högre" on a scale), "alla alternativ"; fmt_rule is this plus the level's documentation. */
void fmt_rule_text(struct sbuf *o, const struct question *q, const struct rule *r);
/* Option numbers of mask (bit i = option i+1) as people write them: "4-10", "1, 3 och 5-7". */
void fmt_numbers(struct sbuf *o, uint64_t mask);
/* A small count as a word in the UI language ("två"), digits above twelve. */
void fmt_count_word(struct sbuf *o, int n);

#endif
