/* fmt.c: the formatters shared by the command line, the reports and the TUI. */
#include "kollen/fmt.h"

#include <stdio.h>

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

/* One level's rule: " ≥1 åtg", " alt 1,3", " ≥ alt 4", " alla"; " +dok" when documentation
 * counts from that level. */
static void rule_words(struct sbuf *o, const struct bank *b, const struct question *q, int lv,
                       const char *ge)
{
    const struct rule *r = &q->rules[lv];
    char t[64];
    int all_opts =
        q->type == QTYPE_MULTI && q->n_options < 64 && r->need_mask == (1ULL << q->n_options) - 1;
    if (all_opts || (q->type != QTYPE_MULTI && r->min_choice == q->n_options)) {
        sbuf_addf(o, " %s", msg(M_RW_ALL));
    } else {
        if (r->min_actions) {
            msg_format(t, sizeof t, M_RW_ACTIONS, ge, r->min_actions);
            sbuf_addf(o, " %s", t);
        }
        if (r->need_mask) {
            char list[96];
            size_t len = 0;
            list[0] = '\0';
            for (int i = 0; i < q->n_options && len < sizeof list - 8; i++)
                if (r->need_mask & (1ULL << i))
                    len +=
                        (size_t)snprintf(list + len, sizeof list - len, len ? ",%d" : "%d", i + 1);
            msg_format(t, sizeof t, M_RW_OPTIONS, list);
            sbuf_addf(o, " %s", t);
        }
        if (r->min_choice) {
            msg_format(t, sizeof t, M_RW_CHOICE, ge, r->min_choice);
            sbuf_addf(o, " %s", t);
        }
    }
    if (b->evidence_from > 0 && lv >= b->evidence_from)
        sbuf_addf(o, " %s", msg(M_RW_DOC));
}

void fmt_rules(struct sbuf *o, const struct bank *b, const struct question *q, const char *ge,
               const char *sep)
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
        msg_format(t, sizeof t, M_W_LEVEL_SHORT, lv);
        sbuf_add(o, t);
        rule_words(o, b, q, lv, ge);
    }
}
