/* report_common.c: escaping per output format, a plan as JSON, and the words the reports and
 * diffs share (`kollen plan`, `kollen report`, `kollen diff`). */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "kollen/fmt.h"
#include "kollen/msg.h"
#include "report.h"

/* --- escaping --- */

static int is_ascii_punct(unsigned char ch)
{
    return (ch >= 0x21 && ch <= 0x2F) || (ch >= 0x3A && ch <= 0x40) ||
           (ch >= 0x5B && ch <= 0x60) || (ch >= 0x7B && ch <= 0x7E);
}

/* Characters that open Markdown anywhere in a line (emphasis, code, links, HTML, entities,
 * tables, strike-through, math in some renderers); at the start of a line any punctuation
 * (lists, headings, quotes, rules) and the '.' or ')' after leading digits (ordered lists). */
#define MD_ALWAYS "\\`*_{}[]<>#|~&$!"

void md_escape(struct sbuf *o, const char *s, int in_table, const char *prefix)
{
    char *clean = text_sanitize_dup(s ? s : "", 1);
    if (!clean) {
        o->oom = 1;
        return;
    }
    int line_start = 1, digits = 0;
    for (const char *p = clean; *p; p++) {
        unsigned char ch = (unsigned char)*p;
        if (ch == '\r')
            continue;
        if (ch == '\n') {
            if (in_table) {
                sbuf_add(o, "<br>");
            } else {
                sbuf_add(o, "\\\n");
                if (prefix)
                    sbuf_add(o, prefix);
            }
            line_start = 1;
            digits = 0;
            continue;
        }
        /* leading spaces would make an indented code block: keep them as entities */
        if (ch == ' ' && line_start && !in_table) {
            sbuf_add(o, "&#32;");
            continue;
        }
        /* GFM makes links of bare URLs and e-mail addresses: "https\://", "www\." and an
         * empty comment after '@' keep them text (a backslash does not stop an e-mail link) */
        if (ch == ':' && p[1] == '/' && p[2] == '/') {
            sbuf_add(o, "\\:");
            line_start = digits = 0;
            continue;
        }
        if (ch == '.' && p - clean >= 3 && !strncasecmp(p - 3, "www", 3) &&
            (p - clean == 3 || !isalnum((unsigned char)p[-4]))) {
            sbuf_add(o, "\\.");
            line_start = digits = 0;
            continue;
        }
        if (ch == '@') {
            sbuf_add(o, "@<!-- -->");
            line_start = digits = 0;
            continue;
        }
        /* a table cell is no block: lists, headings and quotes cannot open there */
        int esc = strchr(MD_ALWAYS, ch) != NULL ||
                  (!in_table && ((line_start && is_ascii_punct(ch)) ||
                                 (digits && (ch == '.' || ch == ')'))));
        if (esc)
            sbuf_addc(o, '\\');
        sbuf_addc(o, (char)ch);
        digits = (line_start || digits) && ch >= '0' && ch <= '9';
        line_start = 0;
    }
    free(clean);
}

void html_escape(struct sbuf *o, const char *s, int br)
{
    char *clean = text_sanitize_dup(s ? s : "", 1);
    if (!clean) {
        o->oom = 1;
        return;
    }
    for (const char *p = clean; *p; p++) {
        switch (*p) {
        case '&':
            sbuf_add(o, "&amp;");
            break;
        case '<':
            sbuf_add(o, "&lt;");
            break;
        case '>':
            sbuf_add(o, "&gt;");
            break;
        case '"':
            sbuf_add(o, "&quot;");
            break;
        case '\'':
            sbuf_add(o, "&#39;");
            break;
        case '\r':
            break;
        case '\n':
            sbuf_add(o, br ? "<br>\n" : " ");
            break;
        default:
            sbuf_addc(o, *p);
        }
    }
    free(clean);
}

void html_head(struct sbuf *o, const char *title)
{
    sbuf_addf(o, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n",
              msg_lang() == LANG_EN ? "en" : "sv");
    sbuf_add(o, "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                "style-src 'unsafe-inline'\">\n");
    sbuf_add(o, "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    sbuf_add(o, "<meta name=\"generator\" content=\"kollen\">\n<title>");
    html_escape(o, title, 0);
    sbuf_add(o, "</title>\n<style>\n");
}

void csv_field(struct sbuf *o, const char *s)
{
    char *clean = text_sanitize_dup(s ? s : "", 1);
    if (!clean) {
        o->oom = 1;
        return;
    }
    /* line breaks inside a field as CRLF, like the record ends */
    int formula = strchr("=+-@\t\r", clean[0]) && clean[0];
    /* quoted when it holds either separator, so it is one field in both forms of the file */
    int quote = formula || strpbrk(clean, "\",;\r\n") != NULL;
    if (quote)
        sbuf_addc(o, '"');
    if (formula)
        sbuf_addc(o, '\'');
    for (const char *p = clean; *p; p++) {
        if (*p == '"')
            sbuf_add(o, "\"\"");
        else if (*p == '\r')
            continue;
        else if (*p == '\n')
            sbuf_add(o, "\r\n");
        else
            sbuf_addc(o, *p);
        /* a spreadsheet that splits on the other separator sees a field start after it: the
         * guard there too ("KS 2026/1;'=1+1") */
        if ((*p == ';' || *p == ',') && p[1] && strchr("=+-@", p[1]))
            sbuf_addc(o, '\'');
    }
    if (quote)
        sbuf_addc(o, '"');
    free(clean);
}

/* --- plans --- */

static void json_part(void *ctx, const char *part)
{
    json_str((struct json *)ctx, part);
}

static void json_goal_line(void *ctx, const char *line)
{
    json_str((struct json *)ctx, line);
}

/* One item of a plan as JSON. */
static void item_json(struct json *j, const struct bank *b, const struct session *s,
                      const struct plan_item *it)
{
    const struct question *q = &b->questions[it->question];
    json_begin(j, '{');
    json_kint(j, "question", q->number);
    json_kstr(j, "area", b->areas[it->area].id);
    json_kint(j, "level", it->level);
    json_kbool(j, "extra", it->extra);
    json_kstr(j, "text", q->text);
    json_kbool(j, "answer", it->answer);
    json_koptions(j, "tick", it->tick);
    json_key(j, "choice");
    if (it->choice)
        json_int(j, it->choice);
    else
        json_null(j);
    json_key(j, "from_choice");
    if (it->choice && it->from_choice)
        json_int(j, it->from_choice);
    else
        json_null(j);
    json_kbool(j, "document", it->document);
    json_kint(j, "actions", it->actions);
    json_kbool(j, "quick", it->quick);
    json_koptions(j, "named", it->named);
    if ((it->tick & ~it->named) && (it->tick & ~it->named) != it->pool) {
        json_koptions(j, "any_of", it->pool); /* any of these will do ... */
        json_kint(j, "any_need", it->pool_need); /* ... for this many more actions */
    }
    if (s) {
        const struct answer *a = &s->answers[it->question];
        json_kstr(j, "owner", a->owner);
        json_kstr(j, "due", a->due);
        json_kstr(j, "status", a->status ? step_status_name(a->status) : NULL);
    }
    json_key(j, "todo");
    json_begin(j, '[');
    plan_item_parts(b, it, json_part, j);
    json_end(j, ']');
    json_end(j, '}');
}

void plan_json(struct json *j, const struct bank *b, const struct session *s, const struct plan *p)
{
    struct sbuf t;
    sbuf_init(&t);
    json_begin(j, '{');
    json_key(j, "target");
    static const char *const kinds[] = {"next", "level", "target", "group", "benchmark"};
    json_str(j, kinds[p->spec.kind]);
    json_key(j, "goal");
    plan_goal_text(&t, b, p);
    json_str(j, t.p ? t.p : "");
    if (p->target) {
        json_kstr(j, "target_id", p->target->id);
    }
    if (p->benchmark) {
        json_kstr(j, "benchmark", p->benchmark->id);
        json_key(j, "area_goals");
        json_begin(j, '{');
        for (int ai = 0; ai < b->n_areas; ai++) {
            json_key(j, b->areas[ai].id);
            if (p->area_goal[ai] < 0)
                json_null(j);
            else
                json_int(j, p->area_goal[ai]);
        }
        json_end(j, '}');
        json_key(j, "areas_chosen"); /* "level N or better in K areas": the areas the plan took */
        json_begin(j, '{');
        for (int ai = 0; p->area_pick && ai < b->n_areas; ai++)
            if (p->area_pick[ai])
                json_kint(j, b->areas[ai].id, p->area_pick[ai]);
        json_end(j, '}');
        json_key(j, "goal_lines");
        json_begin(j, '[');
        plan_goal_lines(b, p, json_goal_line, j);
        json_end(j, ']');
    }
    json_kint(j, "level_now", p->level_now);
    json_kint(j, "goal_level", p->goal_level);
    json_kint(j, "level_after", p->level_after);
    json_kbool(j, "met", p->met);
    json_kint(j, "actions", p->actions);
    json_kint(j, "boxes", p->boxes);
    json_kint(j, "documents", p->documents);
    json_kint(j, "questions", p->questions);
    json_kint(j, "quick_wins", p->quick);
    json_kint(j, "actions_now", p->actions_now);
    json_kint(j, "actions_after", p->actions_after);
    json_key(j, "items");
    json_begin(j, '[');
    for (int i = 0; i < p->n_items; i++)
        item_json(j, b, s, &p->items[i]);
    json_end(j, ']');
    json_end(j, '}');
    sbuf_free(&t);
}

char **plan_join_target(int argc, char **argv, int *new_argc, char **joined)
{
    char **v = calloc((size_t)argc + 1, sizeof *v);
    *joined = NULL;
    if (!v)
        return NULL;
    int n = 0;
    for (int i = 0; i < argc; i++) {
        v[n++] = argv[i];
        if (strcmp(argv[i], "--target") || i + 2 >= argc || *joined)
            continue;
        const char *w = argv[i + 1], *a = argv[i + 2];
        long num;
        int join = (!strcmp(w, "level") && !text_parse_int(a, 0, 99, &num)) ||
                   (!strcmp(w, "group") && group_parse(a) >= 0) || !strcmp(w, "target") ||
                   !strcmp(w, "benchmark");
        if (!join)
            continue;
        struct sbuf t;
        sbuf_init(&t);
        sbuf_addf(&t, "%s %s", w, a);
        *joined = sbuf_take(&t);
        if (!*joined) {
            free(v);
            return NULL;
        }
        v[n++] = *joined;
        i += 2;
    }
    v[n] = NULL;
    *new_argc = n;
    return v;
}

const char *yes_no(int v)
{
    return rep_msg(v ? M_W_YES : M_W_NO);
}

const char *provenance_words(enum provenance p)
{
    switch (p) {
    case PROV_VERBATIM:
        return rep_msg(M_REP_PROV_VERBATIM);
    case PROV_PARAPHRASE:
        return rep_msg(M_REP_PROV_PARAPHRASE);
    case PROV_INFERRED:
        return rep_msg(M_REP_PROV_INFERRED);
    case PROV_RECONSTRUCTED:
        return rep_msg(M_REP_PROV_RECONSTRUCTED);
    }
    return "";
}

void answer_words(struct sbuf *o, const struct bank *b, const struct question *q,
                  const struct answer *a)
{
    if (!a->answered)
        return;
    if (q->type == QTYPE_MULTI) {
        if (!a->ticks) {
            sbuf_add(o, rep_msg(M_REP_NONE_TICKED));
            return;
        }
        int first = 1;
        for (int i = 0; i < q->n_options; i++)
            if (a->ticks & (1ULL << i)) {
                sbuf_addf(o, first ? "%d" : ", %d", i + 1);
                first = 0;
            }
        sbuf_add(o, ": ");
        first = 1;
        for (int i = 0; i < q->n_options; i++)
            if (a->ticks & (1ULL << i)) {
                sbuf_addf(o, first ? "%s" : "; %s", q->options[i].text);
                first = 0;
            }
        return;
    }
    if (a->choice < 1)
        return;
    const char *lab = q->type == QTYPE_SCALE && b->scale_labels && a->choice <= b->scale_max
                          ? b->scale_labels[a->choice - 1]
                      : a->choice <= q->n_options ? q->options[a->choice - 1].text
                                                  : "";
    sbuf_addf(o, "%d: %s", a->choice, lab ? lab : "");
}

/* --- words the summaries share --- */

void report_period(struct sbuf *o, const struct session *s)
{
    if (s->period_from && s->period_to)
        sbuf_addf(o, "%s – %s", s->period_from, s->period_to);
    else
        sbuf_add(o, rep_msg(M_REP_PERIOD_NONE));
}

void report_pct(struct sbuf *o, int then, int now)
{
    if (then <= 0) {
        sbuf_add(o, "–");
        return;
    }
    double p = 100.0 * (now - then) / then;
    sbuf_add(o, p > 0 ? "+" : p < 0 ? "−" : "");
    fmt_decimal(o, p < 0 ? -p : p, 1);
    sbuf_add(o, " %");
}

struct first_part {
    struct sbuf *o;
    int done;
};

static void take_first(void *ctx, const char *part)
{
    struct first_part *fp = ctx;
    if (!fp->done++)
        sbuf_add(fp->o, part);
}

void report_step_brief(struct sbuf *o, const struct ops_report *r, const struct plan_item *it)
{
    const struct bank *b = r->b;
    const struct question *q = &b->questions[it->question];
    const struct area *ar = &b->areas[it->area];
    sbuf_addf(o, "%s %d (%s): ", msg(M_W_QUESTION), q->number,
              ar->short_name ? ar->short_name : ar->name);
    struct first_part fp = {o, 0};
    plan_item_parts(b, it, take_first, &fp);
}

void report_org_value(struct sbuf *o, const struct ops_report *r, int ai)
{
    double v = ops_report_org_value(r, ai);
    if (v < 0)
        sbuf_add(o, rep_msg(M_REP_NO_LEVEL_YET));
    else if (r->b->kind == BANK_SCALE)
        fmt_decimal(o, v, 2);
    else
        sbuf_addf(o, "%d", (int)v);
}

void report_since_line(struct sbuf *o, const struct ops_report *r)
{
    const struct score *x = &r->since.sc_old, *y = &r->sc;
    const struct bank *b = r->b;
    if (b->kind == BANK_SCALE) {
        sbuf_addf(o, "%s ", rep_msg(M_W_MEAN));
        fmt_decimal(o, x->value, 2);
        sbuf_add(o, " → ");
        fmt_decimal(o, y->value, 2);
        return;
    }
    fmt_level(o, b, x->level, x->value, FMT_LEVEL_NAME);
    sbuf_add(o, " → ");
    fmt_level(o, b, y->level, y->value, FMT_LEVEL_NAME);
    sbuf_addf(o, " · %s %d → %d (", rep_msg(M_W_ACTIONS), x->actions, y->actions);
    report_pct(o, x->actions, y->actions);
    sbuf_addf(o, ") · %s ", rep_msg(M_W_POINTS));
    fmt_points(o, x->points_milli);
    sbuf_add(o, " → ");
    fmt_points(o, y->points_milli);
}

void report_records_line(struct sbuf *o, const struct ops_report *r)
{
    char t[512];
    rep_msg_format(t, sizeof t, M_REP_RECORDS_LINE, r->flagged, r->parked, r->disputed,
                   r->tracked);
    sbuf_add(o, t);
}

static void weakest_names(struct sbuf *o, const struct ops_report *r)
{
    struct sbuf t;
    char line[1024];
    sbuf_init(&t);
    int n = r->n_weakest < OPS_REPORT_WEAKEST ? r->n_weakest : OPS_REPORT_WEAKEST;
    for (int k = 0; k < n; k++) {
        const struct area *a = &r->b->areas[r->weakest[k]];
        if (k)
            sbuf_add(&t, k == n - 1 ? rep_msg(M_W_AND) : ", ");
        sbuf_add(&t, a->short_name ? a->short_name : a->name);
    }
    rep_msg_format(line, sizeof line, M_REP_WEAKEST_THREE, t.p ? t.p : "");
    if (n)
        sbuf_add(o, line);
    sbuf_free(&t);
}

void report_weakest_note(struct sbuf *o, const struct ops_report *r)
{
    const struct bank *b = r->b;
    const struct benchmark *from = NULL;
    char line[512];
    weakest_names(o, r);
    for (int k = 0; k < r->n_weakest; k++) {
        const struct benchmark *f;
        ops_report_group_value(r, r->weakest[k], &f);
        from = f ? f : from;
    }
    if (!from) {
        rep_msg_format(line, sizeof line, M_REP_NO_GROUP_VALUES, group_name(r->s->group));
        sbuf_addf(o, " %s", line);
        return;
    }
    int scored = 0;
    for (int ai = 0; ai < b->n_areas; ai++)
        scored += r->sc.areas[ai].scored != 0;
    rep_msg_format(line, sizeof line, M_REP_BELOW_COUNT, r->below_group, scored);
    sbuf_addf(o, " %s ", line);
    rep_msg_format(line, sizeof line,
                   b->kind == BANK_SCALE      ? M_REP_GROUP_IS_SCALE
                   : from->kind == BENCH_SPREAD ? M_REP_GROUP_IS
                                                : M_REP_GROUP_IS_TYPSVAR,
                   from->name ? from->name : from->id);
    sbuf_add(o, line);
}

void report_top_note(struct sbuf *o, const struct ops_report *r)
{
    struct sbuf goal;
    char line[1024];
    sbuf_init(&goal);
    plan_goal_text(&goal, r->b, &r->plan);
    rep_msg_format(line, sizeof line, M_REP_TOP_NOTE, r->n_top, r->plan.n_items,
                   goal.p ? goal.p : "");
    sbuf_add(o, line);
    sbuf_free(&goal);
}

void report_bench_area(struct sbuf *o, const struct ops_report *r, int ai,
                       void (*esc)(struct sbuf *, const char *))
{
    struct sbuf t;
    sbuf_init(&t);
    if (r->bm && r->bm->area_levels[ai] >= 0) {
        fmt_decimal(&t, r->bm->area_levels[ai], 2);
    } else if (r->bm && r->bm->area_below[ai] >= 0) {
        char w[64];
        msg_format(w, sizeof w, M_W_BELOW_LEVEL, (int)r->bm->area_below[ai]);
        sbuf_add(&t, w);
    } else {
        sbuf_add(&t, "–");
    }
    if (esc)
        esc(o, t.p ? t.p : "");
    else
        sbuf_add(o, t.p ? t.p : "");
    sbuf_free(&t);
}
