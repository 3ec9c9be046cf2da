/* cmd_bank.c: `kollen bank` (list the banks or show one, as text or JSON) and `kollen lint`. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "kollen/fmt.h"
#include "kollen/msg.h"
#include "kollen/store.h"
#include "report_msg.h"

/* --- a bank as text --- */

static void text_head(struct sbuf *o, const struct bank *b)
{
    struct sbuf pts;
    sbuf_init(&pts);
    fmt_points(&pts, b->max_points_milli);
    char t[512];
    cli_msg_format(t, sizeof t, M_BANK_SHOW_HEAD, b->name, b->id, b->n_questions, b->n_areas,
                   b->max_actions, pts.p ? pts.p : "0");
    sbuf_free(&pts);
    sbuf_addf(o, "%s\n", t);
    if (b->version)
        sbuf_addf(o, "%s\n", b->version);
    if (b->provenance)
        sbuf_addf(o, "\n%s: %s\n", cli_msg(M_W_PROVENANCE), b->provenance);
    if (b->source)
        sbuf_addf(o, "%s: %s\n", rep_msg(M_W_SOURCE), b->source);
    sbuf_addf(o, "\n%s:\n", cli_msg(M_W_LEVELS));
    for (int i = 1; i <= b->n_levels; i++)
        sbuf_addf(o, "  %d  %s\n", i, b->level_names[i]);
    if (b->evidence_from) {
        cli_msg_format(t, sizeof t, M_BANK_SHOW_EVIDENCE, b->evidence_from);
        sbuf_addf(o, "%s\n", t);
    }
}

/* "Fråga 7 (avsnitt 1, multi, verbatim: MSB2333 s. 12) · 4 åtgärder · 5 poäng" */
static void text_question_head(struct sbuf *o, const struct bank *b, const struct question *q)
{
    char t[512];
    cli_msg_format(t, sizeof t, M_BANK_SHOW_SECTION, q->section);
    sbuf_addf(o, "\n%s %d (%s, %s, %s", msg(M_W_QUESTION), q->number, t, qtype_name(q->type),
              provenance_name(q->prov));
    if (q->source)
        sbuf_addf(o, ": %s", q->source);
    sbuf_add(o, ")");
    if (b->kind == BANK_ACTIONS) {
        struct sbuf p;
        sbuf_init(&p);
        fmt_points(&p, q->points_milli);
        cli_msg_format(t, sizeof t, M_BANK_SHOW_ACTIONS, q->max_actions);
        sbuf_addf(o, " · %s · %s %s", t, p.p ? p.p : "0", cli_msg(M_W_POINTS_LC));
        sbuf_free(&p);
    }
    if (!q->scored)
        sbuf_add(o, " · scored = no");
    sbuf_addf(o, "\n  %s\n", q->text);
}

static void text_question(struct sbuf *o, const struct bank *b, const struct question *q)
{
    text_question_head(o, b, q);
    for (int k = 0; k < q->n_options; k++) {
        const struct option *op = &q->options[k];
        sbuf_addf(o, "  %2d. %s", k + 1, op->text ? op->text : "");
        if (b->kind == BANK_ACTIONS)
            sbuf_addf(o, " [%d]", op->actions);
        if (op->prov != q->prov)
            sbuf_addf(o, " (%s%s%s)", provenance_name(op->prov), op->source ? ": " : "",
                      op->source ? op->source : "");
        sbuf_addc(o, '\n');
    }
    for (int lv = 1; lv <= b->n_levels; lv++) {
        if (!q->rules[lv].present)
            continue;
        char r[256], t[512];
        rule_format(q, &q->rules[lv], r, sizeof r);
        cli_msg_format(t, sizeof t, M_BANK_SHOW_RULE, lv, r);
        sbuf_addf(o, "  -> %s\n", t);
    }
    if (q->help)
        sbuf_addf(o, "  %s: %s\n", cli_msg(M_W_HELP), q->help);
}

static void text_benchmarks(struct sbuf *o, const struct bank *b)
{
    if (b->n_benchmarks)
        sbuf_addf(o, "\n== %s\n", cli_msg(M_W_BENCHMARKS));
    for (int i = 0; i < b->n_benchmarks; i++) {
        const struct benchmark *m = &b->benchmarks[i];
        sbuf_addf(o, "  %s [%s, %s]", m->name, m->id, m->group[0] ? m->group : "*");
        if (m->level >= 0) {
            sbuf_addf(o, " %s ", msg(M_W_LEVEL));
            fmt_decimal(o, m->level, 2);
        }
        if (m->actions >= 0)
            sbuf_addf(o, " · %d %s", m->actions, cli_msg(M_W_ACTIONS_LC));
        sbuf_addf(o, " (%s%s%s)\n", provenance_name(m->prov), m->source ? ": " : "",
                  m->source ? m->source : "");
    }
}

static void text_targets(struct sbuf *o, const struct bank *b)
{
    if (b->n_targets)
        sbuf_addf(o, "\n== %s\n", cli_msg(M_W_TARGETS));
    for (int i = 0; i < b->n_targets; i++) {
        const struct target *tg = &b->targets[i];
        sbuf_addf(o, "  %s [%s]: %s %d", tg->name, tg->id, msg(M_W_LEVEL), tg->level);
        for (int qi = 0; qi < b->n_questions; qi++)
            if (tg->extra[qi].present) {
                char r[256];
                rule_format(&b->questions[qi], &tg->extra[qi], r, sizeof r);
                sbuf_addf(o, "; %d: %s", b->questions[qi].number, r);
            }
        sbuf_addf(o, " (%s)\n", provenance_name(tg->prov));
        if (tg->note)
            sbuf_addf(o, "    %s\n", tg->note);
    }
}

static void show_text(const struct bank *b)
{
    struct sbuf o;
    sbuf_init(&o);
    text_head(&o, b);
    for (int ai = 0; ai < b->n_areas; ai++) {
        sbuf_addf(&o, "\n== %s [%s]\n", b->areas[ai].name, b->areas[ai].id);
        for (int i = 0; i < b->n_questions; i++)
            if (b->questions[i].area == ai)
                text_question(&o, b, &b->questions[i]);
    }
    text_benchmarks(&o, b);
    text_targets(&o, b);
    if (o.p)
        cli_put(o.p);
    sbuf_free(&o);
}

/* --- a bank as JSON --- */

static void json_head(struct json *j, const struct bank *b)
{
    json_kstr(j, "id", b->id);
    json_kstr(j, "name", b->name);
    json_kstr(j, "kind", b->kind == BANK_SCALE ? "scale" : "actions");
    json_kstr(j, "version", b->version);
    json_kstr(j, "provenance", b->provenance);
    json_kstr(j, "source", b->source);
    json_kint(j, "evidence_from", b->evidence_from);
    json_kint(j, "questions_total", b->n_questions);
    json_kint(j, "max_actions", b->max_actions);
    json_key(j, "max_points");
    json_milli(j, b->max_points_milli);
    json_key(j, "levels");
    json_begin(j, '[');
    for (int i = 1; i <= b->n_levels; i++)
        json_str(j, b->level_names[i]);
    json_end(j, ']');
    if (b->kind == BANK_SCALE) {
        json_key(j, "scale");
        json_begin(j, '[');
        for (int i = 0; i < b->scale_max; i++)
            json_str(j, b->scale_labels[i]);
        json_end(j, ']');
    }
    json_key(j, "areas");
    json_begin(j, '[');
    for (int ai = 0; ai < b->n_areas; ai++) {
        json_begin(j, '{');
        json_kstr(j, "id", b->areas[ai].id);
        json_kstr(j, "name", b->areas[ai].name);
        json_kint(j, "order", b->areas[ai].order);
        json_end(j, '}');
    }
    json_end(j, ']');
}

static void json_options(struct json *j, const struct question *q)
{
    json_key(j, "options");
    json_begin(j, '[');
    for (int k = 0; k < q->n_options; k++) {
        const struct option *op = &q->options[k];
        json_begin(j, '{');
        json_kint(j, "number", k + 1);
        json_kstr(j, "text", op->text);
        json_kint(j, "actions", op->actions);
        if (op->points_milli >= 0) {
            json_key(j, "points");
            json_milli(j, op->points_milli);
        }
        json_kstr(j, "provenance", provenance_name(op->prov));
        json_kstr(j, "source", op->source);
        json_end(j, '}');
    }
    json_end(j, ']');
}

/* A rule per key ("2": "actions >= 2"), as an object. */
static void json_rule(struct json *j, const struct question *q, const struct rule *r, int key)
{
    char k[16], t[256];
    snprintf(k, sizeof k, "%d", key);
    rule_format(q, r, t, sizeof t);
    json_kstr(j, k, t);
}

static void json_question(struct json *j, const struct bank *b, const struct question *q)
{
    json_begin(j, '{');
    json_kint(j, "number", q->number);
    json_kstr(j, "area", b->areas[q->area].id);
    json_kint(j, "section", q->section);
    json_kstr(j, "type", qtype_name(q->type));
    json_key(j, "scored");
    json_bool(j, q->scored);
    json_kstr(j, "text", q->text);
    json_kstr(j, "short", q->short_text);
    json_kstr(j, "help", q->help);
    json_kstr(j, "provenance", provenance_name(q->prov));
    json_kstr(j, "source", q->source);
    json_key(j, "points");
    json_milli(j, q->points_milli);
    json_kint(j, "max_actions", q->max_actions);
    json_options(j, q);
    json_key(j, "rules");
    json_begin(j, '{');
    for (int lv = 1; lv <= b->n_levels; lv++)
        if (q->rules[lv].present)
            json_rule(j, q, &q->rules[lv], lv);
    json_end(j, '}');
    json_end(j, '}');
}

static void json_benchmark(struct json *j, const struct bank *b, const struct benchmark *m)
{
    json_begin(j, '{');
    json_kstr(j, "id", m->id);
    json_kstr(j, "name", m->name);
    json_kstr(j, "group", m->group);
    json_key(j, "level");
    if (m->level >= 0)
        json_num(j, m->level, 2);
    else
        json_null(j);
    json_key(j, "actions");
    if (m->actions >= 0)
        json_int(j, m->actions);
    else
        json_null(j);
    json_key(j, "areas");
    json_begin(j, '{');
    for (int ai = 0; ai < b->n_areas; ai++)
        if (m->area_levels[ai] >= 0) {
            json_key(j, b->areas[ai].id);
            json_num(j, m->area_levels[ai], 2);
        }
    json_end(j, '}');
    json_kstr(j, "provenance", provenance_name(m->prov));
    json_kstr(j, "source", m->source);
    json_end(j, '}');
}

static void json_target(struct json *j, const struct bank *b, const struct target *t)
{
    json_begin(j, '{');
    json_kstr(j, "id", t->id);
    json_kstr(j, "name", t->name);
    json_kint(j, "level", t->level);
    json_key(j, "extra");
    json_begin(j, '{');
    for (int qi = 0; qi < b->n_questions; qi++)
        if (t->extra[qi].present)
            json_rule(j, &b->questions[qi], &t->extra[qi], b->questions[qi].number);
    json_end(j, '}');
    json_kstr(j, "provenance", provenance_name(t->prov));
    json_kstr(j, "source", t->source);
    json_kstr(j, "note", t->note);
    json_end(j, '}');
}

static void show_json(const struct bank *b)
{
    struct sbuf o;
    struct json j;
    sbuf_init(&o);
    json_init(&j, &o);
    json_begin(&j, '{');
    json_head(&j, b);
    json_key(&j, "questions");
    json_begin(&j, '[');
    for (int i = 0; i < b->n_questions; i++)
        json_question(&j, b, &b->questions[i]);
    json_end(&j, ']');
    json_key(&j, "benchmarks");
    json_begin(&j, '[');
    for (int i = 0; i < b->n_benchmarks; i++)
        json_benchmark(&j, b, &b->benchmarks[i]);
    json_end(&j, ']');
    json_key(&j, "targets");
    json_begin(&j, '[');
    for (int i = 0; i < b->n_targets; i++)
        json_target(&j, b, &b->targets[i]);
    json_end(&j, ']');
    json_end(&j, '}');
    if (o.p)
        fputs(o.p, stdout);
    sbuf_free(&o);
}

/* --- the list --- */

static void list_one(struct sbuf *o, struct json *j, int json, const struct bank *b)
{
    if (json) {
        json_begin(j, '{');
        json_kstr(j, "id", b->id);
        json_kstr(j, "name", b->name);
        json_kstr(j, "kind", b->kind == BANK_SCALE ? "scale" : "actions");
        json_kint(j, "questions", b->n_questions);
        json_kint(j, "areas", b->n_areas);
        json_end(j, '}');
    } else {
        char t[512];
        cli_msg_format(t, sizeof t, M_CLI_BANK_LINE, b->name, b->n_questions, b->n_areas);
        sbuf_addf(o, "%-24s %s\n", b->id, t);
    }
}

static int list_banks(const struct cli *c, int json)
{
    struct diags d;
    diags_init(&d);
    char **ids;
    int n;
    if (bank_list(c->questions_dir, &ids, &n, &d)) {
        cli_core_error(c, M_BANK_NO_DIR, c->questions_dir);
        diags_free(&d);
        return EXIT_DATA;
    }
    struct sbuf o;
    struct json j;
    sbuf_init(&o);
    json_init(&j, &o);
    if (json)
        json_begin(&j, '[');
    int bad = 0;
    for (int i = 0; i < n; i++) {
        struct bank *b;
        if (bank_load_id(c->questions_dir, ids[i], &b, &d)) {
            bad = 1;
            continue;
        }
        list_one(&o, &j, json, b);
        bank_free(b);
    }
    if (json)
        json_end(&j, ']');
    else if (n == 0)
        cli_error(c, M_CLI_BANKS_NONE, c->questions_dir);
    if (o.p && json)
        fputs(o.p, stdout);
    else if (o.p)
        cli_put(o.p);
    sbuf_free(&o);
    cli_diags(c, &d);
    diags_free(&d);
    bank_list_free(ids, n);
    return bad || n == 0 ? EXIT_DATA : EXIT_FINE;
}

int cmd_bank(const struct cli *c, int argc, char **argv)
{
    int json = 0;
    const struct opt opts[] = {{"json", 0, NULL, &json, NULL}, {NULL, 0, NULL, NULL, NULL}};
    const char *pos[1];
    int np;
    int rc = cli_parse(c, argc, argv, opts, pos, 1, &np, M_USAGE_cmd_bank);
    if (rc)
        return rc;
    if (np == 0)
        return list_banks(c, json);
    struct diags d;
    diags_init(&d);
    struct bank *b;
    rc = bank_load_id(c->questions_dir, pos[0], &b, &d);
    cli_diags(c, &d);
    diags_free(&d);
    if (rc)
        return cli_exit_for(rc);
    if (json)
        show_json(b);
    else
        show_text(b);
    bank_free(b);
    return EXIT_FINE;
}

int cmd_lint(const struct cli *c, int argc, char **argv)
{
    const char *pos[1];
    int np;
    int rc = cli_parse(c, argc, argv, NULL, pos, 1, &np, M_USAGE_cmd_lint);
    if (rc)
        return rc;
    if (np < 1) {
        cli_error(c, M_CLI_MISSING_ARG, "DIR");
        return EXIT_USAGE;
    }
    size_t len = strlen(pos[0]);
    char *dir = text_dup(pos[0]);
    if (!dir)
        return EXIT_DATA;
    while (len > 1 && dir[len - 1] == '/')
        dir[--len] = '\0';
    struct diags d;
    diags_init(&d);
    struct bank *b;
    rc = bank_load(dir, 1, &b, &d);
    cli_diags(c, &d);
    size_t errors = diags_errors(&d), warnings = d.n + d.dropped - errors;
    char t[512];
    if (rc == KL_OK && errors == 0) {
        struct sbuf p;
        sbuf_init(&p);
        fmt_points(&p, b->max_points_milli);
        cli_msg_format(t, sizeof t, M_CLI_LINT_OK, dir, b->n_questions, b->n_areas, b->max_actions,
                       p.p ? p.p : "0");
        cli_putf("%s\n", t);
        sbuf_free(&p);
    } else {
        cli_msg_format(t, sizeof t, M_CLI_LINT_COUNT, dir, errors ? errors : 1, warnings);
        fprintf(stderr, "%s\n", t);
    }
    bank_free(b);
    diags_free(&d);
    free(dir);
    return rc || errors ? EXIT_DATA : EXIT_FINE;
}
