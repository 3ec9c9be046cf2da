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

void fmt_level(struct sbuf *o, const struct bank *b, int level, double value, enum fmt_level style)
{
    int scale = b->kind == BANK_SCALE;
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

/* Option numbers as a list read aloud: "3", "1 och 3", "1, 3 och 5". */
static void option_list(struct sbuf *o, uint64_t mask, int n)
{
    int total = 0, k = 0;
    for (int i = 0; i < n && i < 64; i++)
        total += (mask >> i) & 1;
    for (int i = 0; i < n && i < 64; i++) {
        if (!((mask >> i) & 1))
            continue;
        if (k)
            sbuf_addf(o, k == total - 1 ? " %s " : ", ", msg(M_RW_AND));
        sbuf_addf(o, "%d", i + 1);
        k++;
    }
}

void fmt_rule(struct sbuf *o, const struct bank *b, const struct question *q, int lv)
{
    if (lv < 1 || lv > BANK_MAX_LEVELS || !q->rules[lv].present)
        return;
    const struct rule *r = &q->rules[lv];
    int multi = q->type == QTYPE_MULTI, parts = 0;
    char t[160];
    if (multi && q->n_options < 64 && r->need_mask == (1ULL << q->n_options) - 1) {
        sbuf_add(o, msg(M_RW_ALL));
        parts++;
    } else if (!multi && r->min_choice == q->n_options) {
        msg_format(t, sizeof t, M_RW_TOP, q->n_options);
        sbuf_add(o, t);
        parts++;
    } else {
        if (r->min_actions) {
            if (r->min_actions == 1)
                sbuf_add(o, msg(M_RW_ACTION_ONE));
            else {
                msg_format(t, sizeof t, M_RW_ACTIONS, r->min_actions);
                sbuf_add(o, t);
            }
            parts++;
        }
        if (r->need_mask) {
            struct sbuf list;
            sbuf_init(&list);
            option_list(&list, r->need_mask, q->n_options);
            uint64_t m = r->need_mask;
            msg_format(t, sizeof t, (m & (m - 1)) ? M_RW_OPTIONS_MANY : M_RW_OPTIONS,
                       list.p ? list.p : "");
            sbuf_addf(o, "%s%s", parts ? " " : "", parts ? msg(M_RW_AND) : "");
            sbuf_addf(o, "%s%s", parts ? " " : "", t);
            sbuf_free(&list);
            parts++;
        }
        if (r->min_choice) {
            msg_format(t, sizeof t, M_RW_CHOICE, r->min_choice);
            sbuf_addf(o, "%s%s%s%s", parts ? " " : "", parts ? msg(M_RW_AND) : "",
                      parts ? " " : "", t);
            parts++;
        }
    }
    if (b->evidence_from > 0 && lv >= b->evidence_from)
        sbuf_addf(o, "%s%s", parts ? ", " : "", msg(M_RW_DOC));
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
