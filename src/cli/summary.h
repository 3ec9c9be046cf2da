/* summary.h (cli-private): `kollen summary`'s output in each format, over ops_summary's data.
 * A row is the overall result (-1) or one work area of a group. */
#ifndef KOLLEN_CLI_SUMMARY_H
#define KOLLEN_CLI_SUMMARY_H

#include "cli.h"
#include "kollen/ops_summary.h"

#define SUMMARY_BLOCKING 10 /* questions listed as most often blocking level 1 */

struct summary_row {
    const char *label;  /* "Totalt" or the area's name */
    const char *id;     /* "" or the area's id */
    const int *counts;  /* sessions at each level 0..n_levels */
    double mean;        /* mean level on the continuous scale */
    double spread[SPREAD_COUNT];
};

/* Row r (-1: overall) of group g. */
void summary_row(const struct ops_group_summary *g, int r, struct summary_row *out);
/* A share of n as text: "76,5 %" (the decimal sign of the language, or a point for machines). */
void summary_share(struct sbuf *o, int count, int n, int comma);

/* "Medel: nivå 1,27 · 4,0 av 12 poäng · 4,0 av 12 åtgärder" and a line end. */
void summary_means(struct sbuf *o, const struct ops_group_summary *g);

void summary_json(struct sbuf *o, const struct ops_summary *s, int names);
void summary_csv(struct sbuf *o, const struct ops_summary *s);
void summary_html(struct sbuf *o, const struct ops_summary *s, int names);

#endif
