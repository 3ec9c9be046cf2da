/* cmd_check.c: `kollen check`: the level, points, areas and blockers with no UI at all. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "report.h"
#include "kollen/msg.h"

#define BAR_WIDTH 20
#define NAME_WIDTH 40

static int comma(void)
{
    return msg_lang() == LANG_SV;
}

static void level_value(struct sbuf *o, const struct bank *b, double value, int level)
{
    if (b->kind == BANK_SCALE)
        text_decimal(o, value, 2, comma());
    else
        sbuf_addf(o, "%d", level);
}

static void print_text(const struct cli *c, const struct bank *b, const struct session *s,
                       const struct score *sc)
{
    struct sbuf o;
    sbuf_init(&o);
    int cm = comma();
    sbuf_addf(&o, "%s · %s · %s · %s\n", s->organisation, group_name(s->group), b->name, s->date);
    if (b->kind == BANK_SCALE) {
        char t[128];
        struct sbuf v;
        sbuf_init(&v);
        text_decimal(&v, sc->value, 2, cm);
        msg_format(t, sizeof t, M_CLI_SCALE_MEAN, v.p, b->n_levels);
        sbuf_addf(&o, "%s", t);
        if (sc->level >= 1 && sc->level <= b->n_levels && b->level_names[sc->level][0])
            sbuf_addf(&o, " (%s %d: %s)", msg(M_W_LEVEL), sc->level, b->level_names[sc->level]);
        sbuf_addc(&o, '\n');
        sbuf_free(&v);
    } else {
        char head[512];
        msg_format(head, sizeof head, M_CLI_CHECK_HEAD_LEVEL, sc->level, b->n_levels,
                   sc->level >= 1 ? b->level_names[sc->level] : msg(M_W_NO_LEVEL));
        sbuf_addf(&o, "%s\n", head);
        if (sc->level < b->n_levels) {
            char t[64];
            msg_format(t, sizeof t, M_W_PROGRESS, sc->level + 1);
            sbuf_addf(&o, "  %s  ", t);
            text_bar(&o, sc->progress, BAR_WIDTH, c->utf8);
            msg_format(t, sizeof t, M_CLI_RULES_MET, sc->rules_met, sc->rules_next);
            sbuf_addf(&o, "  %s\n", t);
        }
        sbuf_addf(&o, "%s ", msg(M_W_POINTS));
        text_milli(&o, sc->points_milli, cm);
        sbuf_addf(&o, " %s ", msg(M_W_OF));
        text_milli(&o, sc->max_points_milli, cm);
        sbuf_addf(&o, " · %s %d %s %d · ", msg(M_W_ACTIONS), sc->actions, msg(M_W_OF),
                  sc->max_actions);
    }
    sbuf_addf(&o, "%s %d %s %d\n\n", msg(M_W_ANSWERED), sc->answered, msg(M_W_OF), sc->questions);
    const struct benchmark *bm = bank_group_benchmark(b, group_name(s->group));
    check_bench_head(&o, b, s, bm);

    sbuf_addf(&o, "%s\n", msg(M_W_AREA));
    for (int ai = 0; ai < b->n_areas; ai++) { /* the loader keeps areas in their order */
        const struct area_score *as = &sc->areas[ai];
        struct sbuf name;
        sbuf_init(&name);
        text_truncate(&name, b->areas[ai].name, NAME_WIDTH, c->utf8);
        sbuf_addf(&o, "  %s", name.p ? name.p : "");
        for (int w = text_width(name.p ? name.p : ""); w < NAME_WIDTH; w++)
            sbuf_addc(&o, ' ');
        sbuf_addc(&o, ' ');
        if (!as->scored) { /* only questions that do not count: no level to show */
            sbuf_addf(&o, "%*s%s\n", BAR_WIDTH, "", msg(M_CLI_NOT_SCORED));
            sbuf_free(&name);
            continue;
        }
        text_bar(&o, as->value / (b->n_levels ? b->n_levels : 1), BAR_WIDTH, c->utf8);
        sbuf_addc(&o, ' ');
        level_value(&o, b, as->value, as->level);
        if (b->kind != BANK_SCALE) {
            sbuf_add(&o, " (");
            text_decimal(&o, as->value, 2, cm);
            sbuf_addc(&o, ')');
        }
        if (as->blockers) {
            char t[64];
            msg_format(t, sizeof t, M_CLI_AREA_BLOCKERS, as->blockers);
            sbuf_addf(&o, "  %s", t);
        }
        sbuf_addc(&o, '\n');
        sbuf_free(&name);
        check_bench_area(&o, c, b, s, bm, ai, NAME_WIDTH, BAR_WIDTH);
    }
    sbuf_addc(&o, '\n');
    if (sc->n_blockers == 0) {
        sbuf_addf(&o, "%s\n", msg(M_W_NO_BLOCKERS));
    } else {
        char t[64];
        msg_format(t, sizeof t, M_W_BLOCKERS, sc->blockers[0].level);
        sbuf_addf(&o, "%s (%d):\n", t, sc->n_blockers);
        for (int i = 0; i < sc->n_blockers; i++) {
            const struct blocker *bl = &sc->blockers[i];
            const struct question *q = &b->questions[bl->question];
            struct sbuf text;
            sbuf_init(&text);
            text_truncate(&text, q->text, 72, c->utf8);
            sbuf_addf(&o, "  %s %d · %s\n    %s\n    ", msg(M_W_QUESTION), q->number,
                      b->areas[q->area].name, text.p ? text.p : "");
            score_missing_text(&o, q, &bl->missing);
            sbuf_addc(&o, '\n');
            sbuf_free(&text);
        }
    }
    if (o.p)
        cli_put(o.p);
    sbuf_free(&o);
}

static void print_json(const struct bank *b, const struct session *s, const struct score *sc)
{
    struct sbuf o;
    struct json j;
    sbuf_init(&o);
    json_init(&j, &o);
    json_begin(&j, '{');
    json_key(&j, "bank");
    json_str(&j, b->id);
    json_key(&j, "organisation");
    json_str(&j, s->organisation);
    json_key(&j, "group");
    json_str(&j, group_name(s->group));
    json_key(&j, "date");
    json_str(&j, s->date);
    json_key(&j, "level");
    if (b->kind == BANK_SCALE)
        json_num(&j, sc->value, 2);
    else
        json_int(&j, sc->level);
    json_key(&j, "level_name");
    json_str(&j, sc->level >= 1 && sc->level <= b->n_levels ? b->level_names[sc->level] : "");
    json_key(&j, "progress");
    json_num(&j, sc->progress, 3);
    json_key(&j, "points");
    json_milli(&j, sc->points_milli);
    json_key(&j, "max_points");
    json_milli(&j, sc->max_points_milli);
    json_key(&j, "actions");
    json_int(&j, sc->actions);
    json_key(&j, "max_actions");
    json_int(&j, sc->max_actions);
    json_key(&j, "answered");
    json_int(&j, sc->answered);
    json_key(&j, "questions");
    json_int(&j, sc->questions);
    json_key(&j, "areas");
    json_begin(&j, '[');
    for (int ai = 0; ai < b->n_areas; ai++) {
        const struct area_score *as = &sc->areas[ai];
        json_begin(&j, '{');
        json_key(&j, "id");
        json_str(&j, b->areas[ai].id);
        json_key(&j, "name");
        json_str(&j, b->areas[ai].name);
        json_key(&j, "level");
        if (!as->scored)
            json_null(&j);
        else if (b->kind == BANK_SCALE)
            json_num(&j, as->value, 2);
        else
            json_int(&j, as->level);
        json_key(&j, "scored");
        json_int(&j, as->scored);
        json_key(&j, "progress");
        json_num(&j, b->kind == BANK_SCALE ? as->value - as->level
                     : as->rules_next ? (double)as->rules_met / as->rules_next : 0,
                 3);
        json_key(&j, "points");
        json_milli(&j, as->points_milli);
        json_key(&j, "max_points");
        json_milli(&j, as->max_points_milli);
        json_key(&j, "actions");
        json_int(&j, as->actions);
        json_key(&j, "max_actions");
        json_int(&j, as->max_actions);
        json_key(&j, "answered");
        json_int(&j, as->answered);
        json_key(&j, "questions");
        json_int(&j, as->questions);
        json_key(&j, "blockers");
        json_int(&j, as->blockers);
        json_end(&j, '}');
    }
    json_end(&j, ']');
    json_key(&j, "blockers");
    json_begin(&j, '[');
    for (int i = 0; i < sc->n_blockers; i++) {
        const struct blocker *bl = &sc->blockers[i];
        const struct question *q = &b->questions[bl->question];
        struct sbuf m;
        sbuf_init(&m);
        score_missing_text(&m, q, &bl->missing);
        json_begin(&j, '{');
        json_key(&j, "level");
        json_int(&j, bl->level);
        json_key(&j, "question");
        json_int(&j, q->number);
        json_key(&j, "area");
        json_str(&j, b->areas[bl->area].id);
        json_key(&j, "text");
        json_str(&j, q->text);
        json_key(&j, "missing");
        json_str(&j, m.p ? m.p : "");
        json_key(&j, "answered");
        json_bool(&j, !bl->missing.unanswered);
        json_end(&j, '}');
        sbuf_free(&m);
    }
    json_end(&j, ']');
    check_bench_json(&j, b, s);
    json_end(&j, '}');
    if (o.p)
        fputs(o.p, stdout);
    sbuf_free(&o);
}

int cmd_check(const struct cli *c, int argc, char **argv)
{
    int json = 0;
    const char *min = NULL;
    const struct opt opts[] = {
        {"json", 0, NULL, &json, NULL},
        {"min-level", 1, &min, NULL, NULL},
        {NULL, 0, NULL, NULL, NULL},
    };
    const char *pos[1];
    int np;
    int rc = cli_parse(c, argc, argv, opts, pos, 1, &np, "kollen check SESSION [--json] [--min-level N]");
    if (rc)
        return rc;
    if (np < 1) {
        cli_error(c, M_CLI_MISSING_ARG, "SESSION");
        return EXIT_USAGE;
    }
    long minv = -1;
    if (min && text_parse_int(min, 0, BANK_MAX_LEVELS, &minv)) {
        cli_error(c, M_CLI_BAD_NUMBER, "--min-level", min);
        return EXIT_USAGE;
    }
    char *path = cli_session_path(c, pos[0]);
    if (!path)
        return EXIT_DATA;
    struct bank *b;
    struct session *s;
    if ((rc = cli_open(c, path, &b, &s))) {
        free(path);
        return rc;
    }
    struct score sc;
    if (score_compute(b, s, &sc)) {
        cli_error(c, M_SES_NO_MEMORY);
        rc = EXIT_DATA;
    } else {
        if (json)
            print_json(b, s, &sc);
        else
            print_text(c, b, s, &sc);
        double level = b->kind == BANK_SCALE ? sc.value : sc.level;
        if (minv >= 0 && level < (double)minv) {
            struct sbuf lv, mn;
            sbuf_init(&lv);
            sbuf_init(&mn);
            text_decimal(&lv, level, b->kind == BANK_SCALE ? 2 : 0, comma());
            sbuf_addf(&mn, "%ld", minv);
            cli_error(c, M_CLI_BELOW_MIN, lv.p, mn.p);
            sbuf_free(&lv);
            sbuf_free(&mn);
            rc = EXIT_BELOW;
        }
        score_free(&sc);
    }
    session_free(s);
    bank_free(b);
    free(path);
    return rc;
}
