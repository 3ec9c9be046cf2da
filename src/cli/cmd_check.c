/* cmd_check.c: `kollen check`: the level, points, areas and blockers with no UI at all, beside
 * the published benchmark of the session's actor group when there is one. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "many.h"
#include "kollen/fmt.h"
#include "kollen/msg.h"
#include "report.h"

#define BAR_WIDTH 20
#define NAME_WIDTH 40

/* name cut and padded to width columns, after indent */
static void padded(struct sbuf *o, const char *indent, const char *name, int width, int utf8)
{
    struct sbuf t;
    sbuf_init(&t);
    text_truncate(&t, name, width, utf8);
    sbuf_addf(o, "%s%s", indent, t.p ? t.p : "");
    for (int w = text_width(t.p ? t.p : ""); w < width; w++)
        sbuf_addc(o, ' ');
    sbuf_free(&t);
}

/* "Typsvar för kommun: Typkommun · Nivå 1,40 · Åtgärder 120", a blank line after */
static void bench_head(struct sbuf *o, const struct bank *b, const struct session *s,
                       const struct benchmark *bm)
{
    if (!bm)
        return;
    char t[512];
    rep_msg_format(t, sizeof t, M_CHECK_BENCH, group_name(s->group), bm->name ? bm->name : bm->id);
    sbuf_add(o, t);
    if (bm->level >= 0) {
        sbuf_addf(o, " · %s ", msg(M_W_LEVEL));
        fmt_level(o, b, 0, bm->level, FMT_LEVEL_VALUE);
    }
    if (bm->actions >= 0)
        sbuf_addf(o, " · %s %d", rep_msg(M_W_ACTIONS), bm->actions);
    sbuf_add(o, "\n\n");
}

/* The benchmark's bar under work area ai. */
static void bench_area(struct sbuf *o, const struct cli *c, const struct bank *b,
                       const struct session *s, const struct benchmark *bm, int ai)
{
    if (!bm || bm->area_levels[ai] < 0)
        return;
    char t[128];
    rep_msg_format(t, sizeof t, M_CHECK_BENCH_AREA, group_name(s->group));
    padded(o, "    ", t, NAME_WIDTH - 2, c->utf8);
    sbuf_addc(o, ' ');
    text_bar(o, bm->area_levels[ai] / (b->n_levels ? b->n_levels : 1), BAR_WIDTH, c->utf8);
    sbuf_addc(o, ' ');
    fmt_level(o, b, 0, bm->area_levels[ai], FMT_LEVEL_VALUE);
    sbuf_addc(o, '\n');
}

/* The overall level, its progress, points, actions and how much is answered. */
static void text_head(struct sbuf *o, const struct cli *c, const struct bank *b,
                      const struct score *sc)
{
    char t[512];
    if (b->kind == BANK_SCALE) {
        struct sbuf v;
        sbuf_init(&v);
        fmt_decimal(&v, sc->value, 2);
        cli_msg_format(t, sizeof t, M_CLI_SCALE_MEAN, v.p, b->n_levels);
        sbuf_add(o, t);
        sbuf_free(&v);
        if (sc->pending) {
            int scored = 0;
            for (int ai = 0; ai < b->n_areas; ai++)
                scored += sc->areas[ai].scored;
            msg_format(t, sizeof t, M_W_PENDING, sc->pending, scored);
            sbuf_addf(o, " · %s", t);
        } else if (sc->level >= 1 && sc->level <= b->n_levels && b->level_names[sc->level][0]) {
            sbuf_add(o, " (");
            fmt_level(o, b, sc->level, sc->value, FMT_LEVEL_NAME);
            sbuf_addc(o, ')');
        }
        sbuf_addc(o, '\n');
    } else {
        struct sbuf name;
        sbuf_init(&name);
        fmt_level(&name, b, sc->level, sc->value, FMT_LEVEL_LABEL);
        cli_msg_format(t, sizeof t, M_CLI_CHECK_HEAD_LEVEL, sc->level, b->n_levels,
                       name.p ? name.p : "");
        sbuf_free(&name);
        sbuf_addf(o, "%s\n", t);
        if (sc->level < b->n_levels) {
            rep_msg_format(t, sizeof t, M_W_PROGRESS, sc->level + 1);
            sbuf_addf(o, "  %s  ", t);
            text_bar(o, sc->progress, BAR_WIDTH, c->utf8);
            cli_msg_format(t, sizeof t, M_CLI_RULES_MET, sc->rules_met, sc->rules_next);
            sbuf_addf(o, "  %s\n", t);
        }
        sbuf_addf(o, "%s ", rep_msg(M_W_POINTS));
        fmt_points(o, sc->points_milli);
        sbuf_addf(o, " %s ", rep_msg(M_W_OF));
        fmt_points(o, sc->max_points_milli);
        sbuf_addf(o, " · %s %d %s %d · ", rep_msg(M_W_ACTIONS), sc->actions, rep_msg(M_W_OF),
                  sc->max_actions);
    }
    sbuf_addf(o, "%s %d %s %d\n\n", rep_msg(M_W_ANSWERED), sc->answered, rep_msg(M_W_OF),
              sc->questions);
    if (b->kind == BANK_SCALE) /* MSB's caveat, beside the result it qualifies */
        sbuf_addf(o, "%s\n\n", rep_msg(M_REP_SCALE_CAVEAT));
}

static void text_areas(struct sbuf *o, const struct cli *c, const struct bank *b,
                       const struct session *s, const struct score *sc, const struct benchmark *bm)
{
    sbuf_addf(o, "%s\n", rep_msg(M_W_AREA));
    for (int ai = 0; ai < b->n_areas; ai++) { /* the loader keeps areas in their order */
        const struct area_score *as = &sc->areas[ai];
        padded(o, "  ", b->areas[ai].name, NAME_WIDTH, c->utf8);
        sbuf_addc(o, ' ');
        if (!as->scored) { /* only questions that do not count: no level to show */
            sbuf_addf(o, "%*s%s\n", BAR_WIDTH, "", cli_msg(M_CLI_NOT_SCORED));
            continue;
        }
        text_bar(o, as->value / (b->n_levels ? b->n_levels : 1), BAR_WIDTH, c->utf8);
        sbuf_addc(o, ' ');
        fmt_level(o, b, as->level, as->value, FMT_LEVEL_AREA);
        if (b->kind == BANK_SCALE && as->pending) {
            char t[64];
            msg_format(t, sizeof t, M_W_PENDING_AREA, as->pending);
            sbuf_addf(o, "  %s", t);
        } else if (as->blockers) {
            char t[64];
            cli_msg_format(t, sizeof t, M_CLI_AREA_BLOCKERS, as->blockers);
            sbuf_addf(o, "  %s", t);
        }
        sbuf_addc(o, '\n');
        bench_area(o, c, b, s, bm, ai);
    }
    sbuf_addc(o, '\n');
}

static void text_blockers(struct sbuf *o, const struct cli *c, const struct bank *b,
                          const struct score *sc)
{
    if (sc->n_blockers == 0) {
        sbuf_addf(o, "%s\n", rep_msg(M_W_NO_BLOCKERS));
        return;
    }
    char t[64];
    rep_msg_format(t, sizeof t, M_W_BLOCKERS, sc->blockers[0].level);
    sbuf_addf(o, "%s (%d):\n", t, sc->n_blockers);
    for (int i = 0; i < sc->n_blockers; i++) {
        const struct blocker *bl = &sc->blockers[i];
        const struct question *q = &b->questions[bl->question];
        struct sbuf text;
        sbuf_init(&text);
        text_truncate(&text, q->text, 72, c->utf8);
        sbuf_addf(o, "  %s %d · %s\n    %s\n    ", msg(M_W_QUESTION), q->number,
                  b->areas[q->area].name, text.p ? text.p : "");
        score_missing_text(o, q, &bl->missing);
        sbuf_addc(o, '\n');
        sbuf_free(&text);
    }
}

static void print_text(const struct cli *c, const struct workshop *w)
{
    const struct bank *b = w->bank;
    const struct session *s = w->ses;
    struct sbuf o;
    sbuf_init(&o);
    sbuf_addf(&o, "%s · %s · %s · %s\n", s->organisation, group_name(s->group), b->name, s->date);
    text_head(&o, c, b, &w->sc);
    const struct benchmark *bm = bank_group_benchmark(b, group_name(s->group));
    bench_head(&o, b, s, bm);
    text_areas(&o, c, b, s, &w->sc, bm);
    text_blockers(&o, c, b, &w->sc);
    if (o.p)
        cli_put(o.p);
    sbuf_free(&o);
}

/* --- JSON --- */

/* A scale bank's level is its mean, and null while statements are unanswered (no level yet). */
static void json_level(struct json *j, const struct bank *b, int level, double value, int pending)
{
    if (b->kind == BANK_SCALE && pending)
        json_null(j);
    else if (b->kind == BANK_SCALE)
        json_num(j, value, 2);
    else
        json_int(j, level);
}

static void json_areas(struct json *j, const struct bank *b, const struct score *sc)
{
    json_key(j, "areas");
    json_begin(j, '[');
    for (int ai = 0; ai < b->n_areas; ai++) {
        const struct area_score *as = &sc->areas[ai];
        json_begin(j, '{');
        json_kstr(j, "id", b->areas[ai].id);
        json_kstr(j, "name", b->areas[ai].name);
        json_key(j, "level");
        if (!as->scored)
            json_null(j);
        else
            json_level(j, b, as->level, as->value, as->pending);
        json_kint(j, "scored", as->scored);
        if (b->kind == BANK_SCALE) {
            json_knum(j, "mean", as->value, 2);
            json_kint(j, "pending", as->pending);
        }
        json_knum(j, "progress", as->progress, 3);
        json_kmilli(j, "points", as->points_milli);
        json_kmilli(j, "max_points", as->max_points_milli);
        json_kint(j, "actions", as->actions);
        json_kint(j, "max_actions", as->max_actions);
        json_kint(j, "answered", as->answered);
        json_kint(j, "questions", as->questions);
        json_kint(j, "blockers", as->blockers);
        json_end(j, '}');
    }
    json_end(j, ']');
}

/* "needs": what the blocker lacks, part by part (score_need_parts), beside "missing" in words */
static void json_needs(struct json *j, const struct question *q, const struct answer *a,
                       const struct missing *m)
{
    static const char *const kinds[] = {"answer", "actions", "options", "options", "choice",
                                        "evidence"};
    struct need_part parts[SCORE_NEED_PARTS];
    int n = score_need_parts(q, a, m, parts);
    json_key(j, "needs");
    json_begin(j, '[');
    for (int i = 0; i < n; i++) {
        const struct need_part *p = &parts[i];
        json_begin(j, '{');
        json_kstr(j, "kind", kinds[p->kind]);
        if (p->kind == NEED_ANY_OF)
            json_koptions(j, "any_of", p->options);
        if (p->kind == NEED_ALL_OF)
            json_koptions(j, "all_of", p->options);
        if (p->kind == NEED_ACTIONS || p->kind == NEED_ANY_OF || p->kind == NEED_CHOICE)
            json_kint(j, "need", p->need);
        if (p->kind == NEED_ACTIONS || (p->kind == NEED_CHOICE && p->have))
            json_kint(j, "have", p->have);
        json_end(j, '}');
    }
    json_end(j, ']');
}

static void json_blockers(struct json *j, const struct bank *b, const struct session *s,
                          const struct score *sc)
{
    json_key(j, "blockers");
    json_begin(j, '[');
    for (int i = 0; i < sc->n_blockers; i++) {
        const struct blocker *bl = &sc->blockers[i];
        const struct question *q = &b->questions[bl->question];
        struct sbuf m;
        sbuf_init(&m);
        score_missing_text(&m, q, &bl->missing);
        json_begin(j, '{');
        json_kint(j, "level", bl->level);
        json_kint(j, "question", q->number);
        json_kstr(j, "area", b->areas[bl->area].id);
        json_kstr(j, "text", q->text);
        json_kstr(j, "missing", m.p ? m.p : "");
        json_needs(j, q, &s->answers[bl->question], &bl->missing);
        json_kbool(j, "answered", !bl->missing.unanswered);
        json_end(j, '}');
        sbuf_free(&m);
    }
    json_end(j, ']');
}

/* The benchmark object; left out, not null, without one (as for banks without benchmarks). */
static void json_bench(struct json *j, const struct bank *b, const struct session *s)
{
    const struct benchmark *bm = bank_group_benchmark(b, group_name(s->group));
    if (!bm)
        return;
    json_key(j, "benchmark");
    json_begin(j, '{');
    json_kstr(j, "id", bm->id);
    json_kstr(j, "name", bm->name);
    json_kstr(j, "group", bm->group);
    json_key(j, "level");
    if (bm->level < 0)
        json_null(j);
    else
        json_num(j, bm->level, 2);
    json_key(j, "actions");
    if (bm->actions < 0)
        json_null(j);
    else
        json_int(j, bm->actions);
    json_key(j, "areas");
    json_begin(j, '{');
    for (int ai = 0; ai < b->n_areas; ai++) {
        json_key(j, b->areas[ai].id);
        if (bm->area_levels[ai] < 0)
            json_null(j);
        else
            json_num(j, bm->area_levels[ai], 2);
    }
    json_end(j, '}');
    json_end(j, '}');
}

/* --- JSON: the session's own records and, with --answers, every answer --- */

static void json_opt_str(struct json *j, const char *key, const char *s)
{
    json_key(j, key);
    if (s)
        json_str(j, s);
    else
        json_null(j);
}

static void json_people(struct json *j, const struct session *s)
{
    json_key(j, "participants");
    json_begin(j, '[');
    for (int i = 0; i < s->n_participants; i++) {
        json_begin(j, '{');
        json_kstr(j, "name", s->participants[i].name);
        json_kstr(j, "role", s->participants[i].role);
        json_end(j, '}');
    }
    json_end(j, ']');
    json_key(j, "sittings");
    json_begin(j, '[');
    for (int i = 0; i < s->n_sittings; i++) {
        const struct sitting *t = &s->sittings[i];
        char when[32];
        json_begin(j, '{');
        text_format_time(t->start, when, sizeof when);
        json_kstr(j, "start", when);
        text_format_time(t->end, when, sizeof when);
        json_opt_str(j, "end", t->end ? when : NULL);
        json_key(j, "present");
        json_begin(j, '[');
        for (int k = 0; k < t->n_present; k++)
            if (t->present[k] >= 1 && t->present[k] <= s->n_participants)
                json_str(j, s->participants[t->present[k] - 1].name);
        json_end(j, ']');
        json_end(j, '}');
    }
    json_end(j, ']');
}

static void json_records(struct json *j, const struct bank *b, const struct session *s)
{
    json_kstr(j, "facilitator", s->facilitator);
    json_people(j, s);
    json_key(j, "period");
    if (s->period_from) {
        json_begin(j, '{');
        json_kstr(j, "from", s->period_from);
        json_kstr(j, "to", s->period_to);
        json_end(j, '}');
    } else {
        json_null(j);
    }
    json_opt_str(j, "summary", s->summary);
    json_opt_str(j, "management_seen", s->management_seen);
    json_kint(j, "minutes", s->minutes);
    json_key(j, "agenda");
    json_begin(j, '[');
    for (int ai = 0; ai < b->n_areas && ai < s->n_agenda; ai++) {
        json_begin(j, '{');
        json_kstr(j, "area", b->areas[ai].id);
        json_kint(j, "minutes", s->agenda[ai].minutes);
        json_kint(j, "spent", (long)s->agenda[ai].spent);
        json_end(j, '}');
    }
    json_end(j, ']');
    json_key(j, "parked");
    json_begin(j, '[');
    for (int i = 0; i < b->n_questions; i++)
        if (s->answers[i].parked)
            json_int(j, b->questions[i].number);
    json_end(j, ']');
}

/* One answer: its value and score, its record, what the room decided. */
static void json_answer(struct json *j, const struct bank *b, const struct session *s,
                        const struct score *sc, int qi)
{
    const struct question *q = &b->questions[qi];
    const struct answer *a = &s->answers[qi];
    json_begin(j, '{');
    json_kint(j, "question", q->number);
    json_kbool(j, "answered", a->answered);
    char v[256];
    answer_format(q, a, v, sizeof v);
    json_opt_str(j, "value", a->answered ? v : NULL);
    json_kint(j, "actions", sc->q[qi].actions);
    json_kmilli(j, "points", sc->q[qi].points_milli);
    json_kbool(j, "documented", a->documented);
    json_kbool(j, "followup", a->followup);
    json_opt_str(j, "note", a->note);
    json_key(j, "evidence");
    json_begin(j, '[');
    for (int k = 0; k < a->n_evidence; k++)
        json_str(j, a->evidence[k]);
    json_end(j, ']');
    json_kbool(j, "agreed", a->agreed);
    json_key(j, "dissent");
    json_begin(j, '[');
    for (int k = 0; k < a->n_dissent; k++) {
        json_begin(j, '{');
        json_kstr(j, "who", a->dissent[k].who);
        json_kstr(j, "view", a->dissent[k].view);
        json_end(j, '}');
    }
    json_end(j, ']');
    json_kbool(j, "parked", a->parked);
    json_opt_str(j, "park_reason", a->park_reason);
    json_end(j, '}');
}

/* The JSON object of one session (with its file first when given), pretty or on one line. */
static void json_session(struct sbuf *o, const struct bank *b, const struct session *s,
                         const struct score *sc, const char *file, int compact, int answers)
{
    struct json j;
    json_init(&j, o);
    j.compact = compact;
    json_begin(&j, '{');
    if (file)
        json_kstr(&j, "file", file);
    json_kstr(&j, "bank", b->id);
    json_kstr(&j, "organisation", s->organisation);
    json_kstr(&j, "group", group_name(s->group));
    json_kstr(&j, "date", s->date);
    json_key(&j, "level");
    json_level(&j, b, sc->level, sc->value, sc->pending);
    if (b->kind == BANK_SCALE) {
        json_key(&j, "mean");
        json_num(&j, sc->value, 2);
        json_kint(&j, "pending", sc->pending);
    }
    json_kstr(&j, "level_name",
              sc->level >= 1 && sc->level <= b->n_levels ? b->level_names[sc->level] : "");
    json_key(&j, "progress");
    json_num(&j, sc->progress, 3);
    json_key(&j, "points");
    json_milli(&j, sc->points_milli);
    json_key(&j, "max_points");
    json_milli(&j, sc->max_points_milli);
    json_kint(&j, "actions", sc->actions);
    json_kint(&j, "max_actions", sc->max_actions);
    json_kint(&j, "answered", sc->answered);
    json_kint(&j, "questions", sc->questions);
    json_areas(&j, b, sc);
    json_blockers(&j, b, s, sc);
    json_bench(&j, b, s);
    json_records(&j, b, s);
    if (answers) {
        json_key(&j, "answers");
        json_begin(&j, '[');
        for (int qi = 0; qi < b->n_questions; qi++)
            json_answer(&j, b, s, sc, qi);
        json_end(&j, ']');
    }
    json_end(&j, '}');
}

static void print_json(const struct workshop *w, int answers)
{
    struct sbuf o;
    sbuf_init(&o);
    json_session(&o, w->bank, w->ses, &w->sc, NULL, 0, answers);
    if (o.p)
        fputs(o.p, stdout);
    sbuf_free(&o);
}

/* Below --min-level: say so, exit 3. */
static int below(const struct cli *c, const struct workshop *w, long minv)
{
    const struct bank *b = w->bank;
    double level = b->kind == BANK_SCALE ? w->sc.value : w->sc.level;
    if (minv < 0 || level >= (double)minv)
        return EXIT_FINE;
    struct sbuf lv, mn;
    sbuf_init(&lv);
    sbuf_init(&mn);
    fmt_level(&lv, b, w->sc.level, w->sc.value, FMT_LEVEL_NUMBER);
    sbuf_addf(&mn, "%ld", minv);
    cli_error(c, M_CLI_BELOW_MIN, lv.p, mn.p);
    sbuf_free(&lv);
    sbuf_free(&mn);
    return EXIT_BELOW;
}

static int check_one(const struct cli *c, const char *arg, int json, int answers, long minv)
{
    char *path = cli_session_path(c, arg);
    struct workshop *w = NULL;
    int rc = path ? cli_open(c, path, &w) : EXIT_DATA;
    if (!rc && !w->have_score) {
        cli_core_error(c, M_SES_NO_MEMORY);
        rc = EXIT_DATA;
    }
    if (!rc) {
        if (json)
            print_json(w, answers);
        else
            print_text(c, w);
        rc = below(c, w, minv);
    }
    ops_close(w);
    free(path);
    return rc;
}

/* --- many sessions: one line (or one JSON object) each --- */

struct many_check {
    const struct cli *c;
    int json, answers;
    long min;
    int below;
    struct ops_tally tally;
    struct diags *d;
};

/* "FILE · Organisation · kommun · Nivå 1 · Poäng 23,2 · Åtgärder 40" */
static void check_line(struct sbuf *o, const struct ops_item *it)
{
    const struct bank *b = it->bank;
    sbuf_addf(o, "%s · %s · %s · %s ", it->path, it->ses->organisation,
              group_name(it->ses->group), msg(M_W_LEVEL));
    fmt_level(o, b, it->sc.level, it->sc.value, FMT_LEVEL_NUMBER);
    if (b->kind != BANK_SCALE) {
        sbuf_addf(o, " · %s ", rep_msg(M_W_POINTS));
        fmt_points(o, it->sc.points_milli);
        sbuf_addf(o, " · %s %d", rep_msg(M_W_ACTIONS), it->sc.actions);
    }
    sbuf_addc(o, '\n');
}

static int check_item(void *ctx, struct ops_item *it)
{
    struct many_check *m = ctx;
    struct ops_select all = {NULL, -1, 0};
    if (!ops_take(&all, it, &m->tally, m->d)) {
        cli_diags(m->c, m->d); /* at once, beside the lines they interrupt */
        diags_clear(m->d);
        return KL_OK;
    }
    cli_diags(m->c, m->d);
    diags_clear(m->d);
    struct sbuf o;
    sbuf_init(&o);
    if (m->json)
        json_session(&o, it->bank, it->ses, &it->sc, it->path, 1, m->answers);
    else
        check_line(&o, it);
    if (o.p && m->json)
        fputs(o.p, stdout);
    else if (o.p)
        cli_put(o.p);
    sbuf_free(&o);
    double level = it->bank->kind == BANK_SCALE ? it->sc.value : it->sc.level;
    if (m->min >= 0 && level < (double)m->min) {
        struct sbuf lv, mn;
        sbuf_init(&lv);
        sbuf_init(&mn);
        fmt_level(&lv, it->bank, it->sc.level, it->sc.value, FMT_LEVEL_NUMBER);
        sbuf_addf(&mn, "%ld", m->min);
        cli_error(m->c, M_CLI_BELOW_MIN_FILE, it->path, lv.p, mn.p);
        sbuf_free(&lv);
        sbuf_free(&mn);
        m->below++;
    }
    return KL_OK;
}

static int check_many(const struct cli *c, const char *const *pos, int np, int json, int answers,
                      long minv)
{
    struct ops_inputs in;
    int rc = many_inputs(c, pos, np, &in);
    if (rc)
        return rc;
    struct ops_banks *banks = many_banks(c);
    struct diags d;
    diags_init(&d);
    struct many_check m = {c, json, answers, minv, 0, {0}, &d};
    struct ops_run r = {0};
    r.score = 1;
    r.lean = !json; /* a line needs only the score; the JSON shows the records and answers */
    fflush(stdout);
    rc = banks ? ops_many_each(&in, banks, &r, check_item, &m) : KL_ENOMEM;
    fflush(stdout);
    rc = many_exit(c, rc, &d, &m.tally, &in);
    if (!rc && m.below)
        rc = EXIT_BELOW;
    diags_free(&d);
    ops_banks_free(banks);
    ops_inputs_free(&in);
    return rc;
}

/* One SESSION that is not a folder: the whole check; otherwise a line per session. */
static int is_one_session(const struct cli *c, const char *const *pos, int np)
{
    if (np != 1)
        return 0;
    struct stat st;
    (void)c;
    return stat(pos[0], &st) != 0 || !S_ISDIR(st.st_mode);
}

int cmd_check(const struct cli *c, int argc, char **argv)
{
    int json = 0, answers = 0;
    const char *min = NULL;
    const struct opt opts[] = {
        {"json", 0, NULL, &json, NULL},
        {"answers", 0, NULL, &answers, NULL},
        {"min-level", 1, &min, NULL, NULL},
        {NULL, 0, NULL, NULL, NULL},
    };
    const char **pos = calloc((size_t)argc + 1, sizeof *pos);
    int np;
    int rc = pos ? cli_parse(c, argc, argv, opts, pos, argc, &np, M_USAGE_cmd_check) : EXIT_DATA;
    if (!rc && np < 1) {
        cli_error(c, M_CLI_MISSING_ARG, "SESSION");
        rc = EXIT_USAGE;
    }
    if (!rc && answers && !json) {
        cli_error(c, M_CLI_ANSWERS_JSON);
        rc = EXIT_USAGE;
    }
    long minv = -1;
    if (!rc && min && text_parse_int(min, 0, BANK_MAX_LEVELS, &minv)) {
        cli_error(c, M_CLI_BAD_NUMBER, "--min-level", min);
        rc = EXIT_USAGE;
    }
    if (!rc)
        rc = is_one_session(c, pos, np) ? check_one(c, pos[0], json, answers, minv)
                                        : check_many(c, pos, np, json, answers, minv);
    free(pos);
    return rc;
}
