/* cmd_bank.c: `kollen bank` (list or show a bank) and `kollen lint`. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "kollen/msg.h"
#include "kollen/store.h"

static void show_text(const struct cli *c, const struct bank *b)
{
    struct sbuf o, pts;
    sbuf_init(&o);
    sbuf_init(&pts);
    int cm = msg_lang() == LANG_SV;
    char t[512];
    text_milli(&pts, b->max_points_milli, cm);
    msg_format(t, sizeof t, M_BANK_SHOW_HEAD, b->name, b->id, b->n_questions, b->n_areas,
               b->max_actions, pts.p ? pts.p : "0");
    sbuf_addf(&o, "%s\n", t);
    if (b->version)
        sbuf_addf(&o, "%s\n", b->version);
    if (b->provenance)
        sbuf_addf(&o, "\n%s: %s\n", msg(M_W_PROVENANCE), b->provenance);
    if (b->source)
        sbuf_addf(&o, "%s: %s\n", msg(M_W_SOURCE), b->source);
    sbuf_addf(&o, "\n%s:\n", msg(M_W_LEVELS));
    for (int i = 1; i <= b->n_levels; i++)
        sbuf_addf(&o, "  %d  %s\n", i, b->level_names[i]);
    if (b->evidence_from) {
        msg_format(t, sizeof t, M_BANK_SHOW_EVIDENCE, b->evidence_from);
        sbuf_addf(&o, "%s\n", t);
    }
    for (int ai = 0; ai < b->n_areas; ai++) {
        sbuf_addf(&o, "\n== %s [%s]\n", b->areas[ai].name, b->areas[ai].id);
        for (int i = 0; i < b->n_questions; i++) {
            const struct question *q = &b->questions[i];
            if (q->area != ai)
                continue;
            msg_format(t, sizeof t, M_BANK_SHOW_SECTION, q->section);
            sbuf_addf(&o, "\n%s %d (%s, %s, %s", msg(M_W_QUESTION), q->number, t,
                      qtype_name(q->type), provenance_name(q->prov));
            if (q->source)
                sbuf_addf(&o, ": %s", q->source);
            sbuf_add(&o, ")");
            if (b->kind == BANK_ACTIONS) {
                struct sbuf p;
                sbuf_init(&p);
                text_milli(&p, q->points_milli, cm);
                msg_format(t, sizeof t, M_BANK_SHOW_ACTIONS, q->max_actions);
                sbuf_addf(&o, " · %s · %s %s", t, p.p ? p.p : "0", msg(M_W_POINTS_LC));
                sbuf_free(&p);
            }
            if (!q->scored)
                sbuf_add(&o, " · scored = no");
            sbuf_addf(&o, "\n  %s\n", q->text);
            for (int k = 0; k < q->n_options; k++) {
                const struct option *op = &q->options[k];
                sbuf_addf(&o, "  %2d. %s", k + 1, op->text ? op->text : "");
                if (b->kind == BANK_ACTIONS)
                    sbuf_addf(&o, " [%d]", op->actions);
                if (op->prov != q->prov)
                    sbuf_addf(&o, " (%s%s%s)", provenance_name(op->prov), op->source ? ": " : "",
                              op->source ? op->source : "");
                sbuf_addc(&o, '\n');
            }
            for (int lv = 1; lv <= b->n_levels; lv++) {
                if (!q->rules[lv].present)
                    continue;
                char r[256];
                rule_format(q, &q->rules[lv], r, sizeof r);
                msg_format(t, sizeof t, M_BANK_SHOW_RULE, lv, r);
                sbuf_addf(&o, "  -> %s\n", t);
            }
            if (q->help)
                sbuf_addf(&o, "  %s: %s\n", msg(M_W_HELP), q->help);
        }
    }
    if (b->n_benchmarks)
        sbuf_addf(&o, "\n== %s\n", msg(M_W_BENCHMARKS));
    for (int i = 0; i < b->n_benchmarks; i++) {
        const struct benchmark *m = &b->benchmarks[i];
        sbuf_addf(&o, "  %s [%s, %s]", m->name, m->id, m->group[0] ? m->group : "*");
        if (m->level >= 0) {
            sbuf_addf(&o, " %s ", msg(M_W_LEVEL));
            text_decimal(&o, m->level, 2, cm);
        }
        if (m->actions >= 0)
            sbuf_addf(&o, " · %d %s", m->actions, msg(M_W_ACTIONS_LC));
        sbuf_addf(&o, " (%s%s%s)\n", provenance_name(m->prov), m->source ? ": " : "",
                  m->source ? m->source : "");
    }
    if (b->n_targets)
        sbuf_addf(&o, "\n== %s\n", msg(M_W_TARGETS));
    for (int i = 0; i < b->n_targets; i++) {
        const struct target *tg = &b->targets[i];
        sbuf_addf(&o, "  %s [%s]: %s %d", tg->name, tg->id, msg(M_W_LEVEL), tg->level);
        for (int qi = 0; qi < b->n_questions; qi++)
            if (tg->extra[qi].present) {
                char r[256];
                rule_format(&b->questions[qi], &tg->extra[qi], r, sizeof r);
                sbuf_addf(&o, "; %d: %s", b->questions[qi].number, r);
            }
        sbuf_addf(&o, " (%s)\n", provenance_name(tg->prov));
        if (tg->note)
            sbuf_addf(&o, "    %s\n", tg->note);
    }
    (void)c;
    if (o.p)
        cli_put(o.p);
    sbuf_free(&o);
    sbuf_free(&pts);
}

static void show_json(const struct bank *b)
{
    struct sbuf o;
    struct json j;
    sbuf_init(&o);
    json_init(&j, &o);
    json_begin(&j, '{');
    json_key(&j, "id");
    json_str(&j, b->id);
    json_key(&j, "name");
    json_str(&j, b->name);
    json_key(&j, "kind");
    json_str(&j, b->kind == BANK_SCALE ? "scale" : "actions");
    json_key(&j, "version");
    json_str(&j, b->version);
    json_key(&j, "provenance");
    json_str(&j, b->provenance);
    json_key(&j, "source");
    json_str(&j, b->source);
    json_key(&j, "evidence_from");
    json_int(&j, b->evidence_from);
    json_key(&j, "questions_total");
    json_int(&j, b->n_questions);
    json_key(&j, "max_actions");
    json_int(&j, b->max_actions);
    json_key(&j, "max_points");
    json_milli(&j, b->max_points_milli);
    json_key(&j, "levels");
    json_begin(&j, '[');
    for (int i = 1; i <= b->n_levels; i++)
        json_str(&j, b->level_names[i]);
    json_end(&j, ']');
    if (b->kind == BANK_SCALE) {
        json_key(&j, "scale");
        json_begin(&j, '[');
        for (int i = 0; i < b->scale_max; i++)
            json_str(&j, b->scale_labels[i]);
        json_end(&j, ']');
    }
    json_key(&j, "areas");
    json_begin(&j, '[');
    for (int ai = 0; ai < b->n_areas; ai++) {
        json_begin(&j, '{');
        json_key(&j, "id");
        json_str(&j, b->areas[ai].id);
        json_key(&j, "name");
        json_str(&j, b->areas[ai].name);
        json_key(&j, "order");
        json_int(&j, b->areas[ai].order);
        json_end(&j, '}');
    }
    json_end(&j, ']');
    json_key(&j, "questions");
    json_begin(&j, '[');
    for (int i = 0; i < b->n_questions; i++) {
        const struct question *q = &b->questions[i];
        json_begin(&j, '{');
        json_key(&j, "number");
        json_int(&j, q->number);
        json_key(&j, "area");
        json_str(&j, b->areas[q->area].id);
        json_key(&j, "section");
        json_int(&j, q->section);
        json_key(&j, "type");
        json_str(&j, qtype_name(q->type));
        json_key(&j, "scored");
        json_bool(&j, q->scored);
        json_key(&j, "text");
        json_str(&j, q->text);
        json_key(&j, "short");
        json_str(&j, q->short_text);
        json_key(&j, "help");
        json_str(&j, q->help);
        json_key(&j, "provenance");
        json_str(&j, provenance_name(q->prov));
        json_key(&j, "source");
        json_str(&j, q->source);
        json_key(&j, "points");
        json_milli(&j, q->points_milli);
        json_key(&j, "max_actions");
        json_int(&j, q->max_actions);
        json_key(&j, "options");
        json_begin(&j, '[');
        for (int k = 0; k < q->n_options; k++) {
            const struct option *op = &q->options[k];
            json_begin(&j, '{');
            json_key(&j, "number");
            json_int(&j, k + 1);
            json_key(&j, "text");
            json_str(&j, op->text);
            json_key(&j, "actions");
            json_int(&j, op->actions);
            if (op->points_milli >= 0) {
                json_key(&j, "points");
                json_milli(&j, op->points_milli);
            }
            json_key(&j, "provenance");
            json_str(&j, provenance_name(op->prov));
            json_key(&j, "source");
            json_str(&j, op->source);
            json_end(&j, '}');
        }
        json_end(&j, ']');
        json_key(&j, "rules");
        json_begin(&j, '{');
        for (int lv = 1; lv <= b->n_levels; lv++) {
            if (!q->rules[lv].present)
                continue;
            char key[8], r[256];
            snprintf(key, sizeof key, "%d", lv);
            rule_format(q, &q->rules[lv], r, sizeof r);
            json_key(&j, key);
            json_str(&j, r);
        }
        json_end(&j, '}');
        json_end(&j, '}');
    }
    json_end(&j, ']');
    json_key(&j, "benchmarks");
    json_begin(&j, '[');
    for (int i = 0; i < b->n_benchmarks; i++) {
        const struct benchmark *m = &b->benchmarks[i];
        json_begin(&j, '{');
        json_key(&j, "id");
        json_str(&j, m->id);
        json_key(&j, "name");
        json_str(&j, m->name);
        json_key(&j, "group");
        json_str(&j, m->group);
        json_key(&j, "level");
        if (m->level >= 0)
            json_num(&j, m->level, 2);
        else
            json_null(&j);
        json_key(&j, "actions");
        if (m->actions >= 0)
            json_int(&j, m->actions);
        else
            json_null(&j);
        json_key(&j, "areas");
        json_begin(&j, '{');
        for (int ai = 0; ai < b->n_areas; ai++)
            if (m->area_levels[ai] >= 0) {
                json_key(&j, b->areas[ai].id);
                json_num(&j, m->area_levels[ai], 2);
            }
        json_end(&j, '}');
        json_key(&j, "provenance");
        json_str(&j, provenance_name(m->prov));
        json_key(&j, "source");
        json_str(&j, m->source);
        json_end(&j, '}');
    }
    json_end(&j, ']');
    json_key(&j, "targets");
    json_begin(&j, '[');
    for (int i = 0; i < b->n_targets; i++) {
        const struct target *t = &b->targets[i];
        json_begin(&j, '{');
        json_key(&j, "id");
        json_str(&j, t->id);
        json_key(&j, "name");
        json_str(&j, t->name);
        json_key(&j, "level");
        json_int(&j, t->level);
        json_key(&j, "extra");
        json_begin(&j, '{');
        for (int qi = 0; qi < b->n_questions; qi++)
            if (t->extra[qi].present) {
                char key[16], r[256];
                snprintf(key, sizeof key, "%d", b->questions[qi].number);
                rule_format(&b->questions[qi], &t->extra[qi], r, sizeof r);
                json_key(&j, key);
                json_str(&j, r);
            }
        json_end(&j, '}');
        json_key(&j, "provenance");
        json_str(&j, provenance_name(t->prov));
        json_key(&j, "source");
        json_str(&j, t->source);
        json_key(&j, "note");
        json_str(&j, t->note);
        json_end(&j, '}');
    }
    json_end(&j, ']');
    json_end(&j, '}');
    if (o.p)
        fputs(o.p, stdout);
    sbuf_free(&o);
}

static int list_banks(const struct cli *c, int json)
{
    struct diags d;
    diags_init(&d);
    char **ids;
    int n;
    int rc = bank_list(c->questions_dir, &ids, &n, &d);
    if (rc) {
        cli_error(c, M_BANK_NO_DIR, c->questions_dir);
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
        if (json) {
            json_begin(&j, '{');
            json_key(&j, "id");
            json_str(&j, b->id);
            json_key(&j, "name");
            json_str(&j, b->name);
            json_key(&j, "kind");
            json_str(&j, b->kind == BANK_SCALE ? "scale" : "actions");
            json_key(&j, "questions");
            json_int(&j, b->n_questions);
            json_key(&j, "areas");
            json_int(&j, b->n_areas);
            json_end(&j, '}');
        } else {
            sbuf_addf(&o, "%-24s %s (%d %s, %d %s)\n", b->id, b->name, b->n_questions,
                      msg_lang() == LANG_SV ? "frågor" : "questions", b->n_areas,
                      msg_lang() == LANG_SV ? "arbetsområden" : "work areas");
        }
        bank_free(b);
    }
    if (json)
        json_end(&j, ']');
    else if (n == 0)
        cli_error(c, M_CLI_BANKS_NONE, c->questions_dir);
    if (o.p) {
        if (json)
            fputs(o.p, stdout);
        else
            cli_put(o.p);
    }
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
    int rc = cli_parse(c, argc, argv, opts, pos, 1, &np, "kollen bank [ID] [--json]");
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
        return cli_exit_for(rc == KL_EUSAGE ? KL_EDATA : rc);
    if (json)
        show_json(b);
    else
        show_text(c, b);
    bank_free(b);
    return EXIT_FINE;
}

int cmd_lint(const struct cli *c, int argc, char **argv)
{
    const char *pos[1];
    int np;
    int rc = cli_parse(c, argc, argv, NULL, pos, 1, &np, "kollen lint DIR");
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
    if (rc == KL_OK && errors == 0) {
        struct sbuf p;
        sbuf_init(&p);
        text_milli(&p, b->max_points_milli, msg_lang() == LANG_SV);
        char t[512];
        msg_format(t, sizeof t, M_CLI_LINT_OK, dir, b->n_questions, b->n_areas, b->max_actions,
                   p.p ? p.p : "0");
        cli_putf("%s\n", t);
        sbuf_free(&p);
    } else {
        char t[512];
        msg_format(t, sizeof t, M_CLI_LINT_COUNT, dir, errors ? errors : 1, warnings);
        fprintf(stderr, "%s\n", t);
    }
    bank_free(b);
    diags_free(&d);
    free(dir);
    return rc || errors ? EXIT_DATA : EXIT_FINE;
}
