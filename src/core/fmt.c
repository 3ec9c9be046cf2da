/* fmt.c: the formatters shared by the command line, the reports and the TUI. */
#include "kollen/fmt.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kollen/msg.h"

int fmt_comma(void)
{
    return msg_lang() == LANG_SV;
}

void fmt_decimal(struct sbuf *o, double v, int decimals)
{
    text_decimal(o, v, decimals, fmt_comma());
}

void fmt_points(struct sbuf *o, long milli)
{
    text_milli(o, milli, fmt_comma());
}

static int has_name(const struct bank *b, int level)
{
    return level >= 1 && level <= b->n_levels && b->level_names[level] && b->level_names[level][0];
}

static void number(struct sbuf *o, const struct bank *b, int level, double value, int decimals)
{
    if (b->kind == BANK_SCALE)
        fmt_decimal(o, value, decimals);
    else
        sbuf_addf(o, "%d", level);
}

static void name(struct sbuf *o, const struct bank *b, int level)
{
    if (level <= 0 || level > b->n_levels)
        sbuf_add(o, msg(M_W_NO_LEVEL));
    else
        sbuf_addf(o, "%s %d: %s", msg(M_W_LEVEL), level, b->level_names[level]);
}

static void title(struct sbuf *o, const struct bank *b, int level, double value)
{
    sbuf_addf(o, "%s ", msg(M_W_LEVEL));
    number(o, b, level, value, 2);
    if (has_name(b, level))
        sbuf_addf(o, ": %s", b->level_names[level]);
    else if (b->kind != BANK_SCALE)
        sbuf_addf(o, ": %s", msg(M_W_NO_LEVEL));
}

/* A scale bank below level 1 has answers but no level yet (statements unanswered): the mean is
 * no level, so it is not written as one. */
static int scale_no_level(struct sbuf *o, const struct bank *b, int level, double value)
{
    if (b->kind != BANK_SCALE || level >= 1)
        return 0;
    if (value <= 0) {
        sbuf_add(o, msg(M_W_NO_LEVEL));
        return 1;
    }
    struct sbuf v;
    char t[128];
    sbuf_init(&v);
    fmt_decimal(&v, value, 2);
    msg_format(t, sizeof t, M_W_MEAN_NO_LEVEL, v.p ? v.p : "");
    sbuf_free(&v);
    sbuf_add(o, t);
    return 1;
}

void fmt_level(struct sbuf *o, const struct bank *b, int level, double value, enum fmt_level style)
{
    int scale = b->kind == BANK_SCALE;
    if ((style == FMT_LEVEL_TITLE || style == FMT_LEVEL_RESULT) &&
        scale_no_level(o, b, level, value))
        return;
    switch (style) {
    case FMT_LEVEL_NUMBER: number(o, b, level, value, 2); break;
    case FMT_LEVEL_BRIEF: number(o, b, level, value, 1); break;
    case FMT_LEVEL_NAME: name(o, b, level); break;
    case FMT_LEVEL_LABEL:
        sbuf_add(o, level >= 1 && level <= b->n_levels ? b->level_names[level] : msg(M_W_NO_LEVEL));
        break;
    case FMT_LEVEL_TITLE: title(o, b, level, value); break;
    case FMT_LEVEL_NUMBER_NAME:
        number(o, b, level, value, 2);
        if (has_name(b, level))
            sbuf_addf(o, " %s", b->level_names[level]);
        break;
    case FMT_LEVEL_AREA:
        if (!scale)
            sbuf_addf(o, "%d (", level);
        fmt_decimal(o, value, 2);
        if (!scale)
            sbuf_addc(o, ')');
        break;
    case FMT_LEVEL_RESULT:
        if (scale) {
            sbuf_addf(o, "%s ", msg(M_W_LEVEL));
            fmt_decimal(o, value, 2);
        } else {
            name(o, b, level);
        }
        break;
    case FMT_LEVEL_VALUE:
        if (value < 0)
            sbuf_add(o, "–");
        else
            fmt_decimal(o, value, 2);
        break;
    }
}

void fmt_rule(struct sbuf *o, const struct bank *b, const struct question *q, int lv)
{
    if (lv < 1 || lv > BANK_MAX_LEVELS || !q->rules[lv].present)
        return;
    size_t start = o->len;
    fmt_rule_text(o, q, &q->rules[lv]);
    if (b->evidence_from > 0 && lv >= b->evidence_from)
        sbuf_addf(o, "%s%s", o->len > start ? ", " : "", msg(M_RW_DOC));
}

void fmt_rules(struct sbuf *o, const struct bank *b, const struct question *q, const char *sep)
{
    if (!q->scored) {
        sbuf_add(o, msg(M_RW_VALIDATION));
        return;
    }
    if (b->kind == BANK_SCALE)
        return;
    int any = 0;
    for (int lv = 1; lv <= b->n_levels; lv++) {
        if (!q->rules[lv].present)
            continue;
        if (!any)
            sbuf_addf(o, "%s ", msg(M_RW_HEAD));
        else
            sbuf_addf(o, " %s ", sep);
        any = 1;
        char t[32];
        msg_format(t, sizeof t, M_RW_LEVEL, lv);
        sbuf_addf(o, "%s ", t);
        fmt_rule(o, b, q, lv);
    }
}

void fmt_numbers(struct sbuf *o, uint64_t mask)
{
    /* runs of consecutive numbers, "a-b" from three on; the last run after "och" */
    int runs[64][2], n = 0;
    for (int i = 0; i < 64; i++) {
        if (!(mask & (1ULL << i)))
            continue;
        if (n && runs[n - 1][1] == i)
            runs[n - 1][1] = i + 1;
        else {
            runs[n][0] = i + 1;
            runs[n][1] = i + 1;
            n++;
        }
    }
    for (int k = 0, parts = 0; k < n; k++) {
        int a = runs[k][0], z = runs[k][1];
        int items = z - a >= 2 ? 1 : z - a + 1; /* a pair is written "4, 5" */
        for (int j = 0; j < items; j++, parts++) {
            int last = k == n - 1 && j == items - 1;
            if (parts)
                sbuf_add(o, last ? msg(M_W_LIST_AND) : ", ");
            if (items == 1 && z > a)
                sbuf_addf(o, "%d-%d", a, z);
            else
                sbuf_addf(o, "%d", a + j);
        }
    }
}

void fmt_count_word(struct sbuf *o, int n)
{
    const char *w = msg(M_W_NUMBER_WORDS);
    for (int i = 0; n >= 0 && n <= 12 && *w; i++) {
        const char *end = strchr(w, ',');
        size_t len = end ? (size_t)(end - w) : strlen(w);
        if (i == n) {
            sbuf_addn(o, w, len);
            return;
        }
        if (!end)
            break;
        w = end + 1;
    }
    sbuf_addf(o, "%d", n);
}

void fmt_rule_text(struct sbuf *o, const struct question *q, const struct rule *r)
{
    char t[160];
    int multi = q->type == QTYPE_MULTI;
    uint64_t all = q->n_options >= 64 ? ~0ULL : ((1ULL << q->n_options) - 1);
    if (multi && r->need_mask == all) { /* every option ticked meets any count of actions */
        sbuf_add(o, msg(M_RW_ALL));
        return;
    }
    if (!multi && r->min_choice == q->n_options && q->type != QTYPE_SCALE) {
        msg_format(t, sizeof t, M_RW_TOP, q->n_options);
        sbuf_add(o, t);
        return;
    }
    size_t start = o->len;
    if (r->min_actions) {
        msg_format(t, sizeof t, r->min_actions == 1 ? M_RW_ACTION_ONE : M_RW_ACTIONS,
                   r->min_actions);
        sbuf_add(o, t);
    }
    if (r->need_mask) {
        struct sbuf l;
        sbuf_init(&l);
        fmt_numbers(&l, r->need_mask);
        msg_format(t, sizeof t, (r->need_mask & (r->need_mask - 1)) ? M_RW_OPTIONS_MANY
                                                                      : M_RW_OPTIONS,
                   l.p ? l.p : "");
        sbuf_free(&l);
        if (o->len > start)
            sbuf_addf(o, " %s ", msg(M_RW_AND));
        sbuf_add(o, t);
    }
    if (r->min_choice) {
        msg_format(t, sizeof t, q->type == QTYPE_SCALE ? M_RW_STEP : M_RW_CHOICE, r->min_choice);
        if (o->len > start)
            sbuf_addf(o, " %s ", msg(M_RW_AND));
        sbuf_add(o, t);
    }
}

char *fmt_period_text(const char *text, const char *from, const char *to)
{
    if (!text || !from || !to || !*from || !*to || !utf8_valid(text, strlen(text), NULL))
        return NULL;
    char *folded = text_fold_dup(text);
    if (!folded || strlen(folded) != strlen(text)) {
        free(folded);
        return NULL;
    }
    size_t plen = strlen(FMT_PERIOD_PHRASE);
    struct sbuf o;
    sbuf_init(&o);
    const char *p = folded;
    size_t done = 0;
    for (const char *hit = strstr(p, FMT_PERIOD_PHRASE); hit; hit = strstr(p, FMT_PERIOD_PHRASE)) {
        size_t end = (size_t)(hit - folded) + plen;
        sbuf_addn(&o, text + done, end - done);
        sbuf_addf(&o, " (%s\xE2\x80\x93%s)", from, to);
        done = end;
        p = folded + end;
    }
    int found = done > 0;
    free(folded);
    if (!found) {
        sbuf_free(&o);
        return NULL;
    }
    sbuf_add(&o, text + done);
    return sbuf_take(&o);
}
