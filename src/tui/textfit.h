/* textfit.h (tui-private): text made to fit a place on the screen and still tell things apart:
 * labels cut in the middle when their ends differ. Pure functions, tested without a terminal. */
#ifndef KOLLEN_TUI_TEXTFIT_H
#define KOLLEN_TUI_TEXTFIT_H

#include "kollen/text.h"

/* Append label cut to w columns. When cutting its end would leave the same text as cutting
 * another label of the list (n of them, label itself may be among them), the words they share
 * after the first are left out instead ("Andel…med kontinuitetsplan"), so the two can be told
 * apart. */
void label_fit(struct sbuf *o, const char *label, const char *const *others, int n, int w,
               int utf8);

#endif
