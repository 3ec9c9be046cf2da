/* cmd_diff.c: `kollen diff OLD NEW`: what changed between two sessions of the same bank (the
 * 2021 and 2023 workshops, say): levels overall and per area, actions and points gained and
 * lost, and per question the answer, the note, the evidence and the flags. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kollen/msg.h"
#include "kollen/store.h"
#include "report.h"

struct qdiff {
    int qi;
    uint64_t ticked, unticked; /* multi */
    int gained, lost;          /* actions */
    int answer_changed, note_changed, doc_changed, fol_changed;
    int ev_added, ev_removed;
};

static int has_evidence(const struct answer *a, const char *ref)
{
    for (int i = 0; i < a->n_evidence; i++)
        if (!strcmp(a->evidence[i], ref))
            return 1;
    return 0;
}

static int same_text(const char *x, const char *y)
{
    return !strcmp(x ? x : "", y ? y : "");
}

static void compare(const struct bank *b, const struct session *o, const struct session *n, int qi,
                    struct qdiff *d)
{
    const struct question *q = &b->questions[qi];
    const struct answer *x = &o->answers[qi], *y = &n->answers[qi];
    memset(d, 0, sizeof *d);
    d->qi = qi;
    if (q->type == QTYPE_MULTI) {
        uint64_t tx = x->answered ? x->ticks : 0, ty = y->answered ? y->ticks : 0;
        d->ticked = ty & ~tx;
        d->unticked = tx & ~ty;
        for (int i = 0; i < q->n_options; i++) {
            if (d->ticked & (1ULL << i))
                d->gained += q->options[i].actions;
            if (d->unticked & (1ULL << i))
                d->lost += q->options[i].actions;
        }
        d->answer_changed = x->answered != y->answered || tx != ty;
    } else {
        int ax = score_actions(q, x), ay = score_actions(q, y);
        d->gained = ay > ax ? ay - ax : 0;
        d->lost = ax > ay ? ax - ay : 0;
        d->answer_changed = x->answered != y->answered || (x->answered && x->choice != y->choice);
    }
    if (!q->scored)
        d->gained = d->lost = 0;
    d->note_changed = !same_text(x->note, y->note);
    d->doc_changed = !x->documented != !y->documented;
    d->fol_changed = !x->followup != !y->followup;
    for (int i = 0; i < y->n_evidence; i++)
        d->ev_added += !has_evidence(x, y->evidence[i]);
    for (int i = 0; i < x->n_evidence; i++)
        d->ev_removed += !has_evidence(y, x->evidence[i]);
}

static int changed(const struct qdiff *d)
{
    return d->answer_changed || d->note_changed || d->doc_changed || d->fol_changed ||
           d->ev_added || d->ev_removed;
}

static void answer_short(struct sbuf *o, const struct question *q, const struct answer *a)
{
    if (!a->answered) {
        sbuf_add(o, msg(M_W_NOT_DISCUSSED));
        return;
    }
    char v[256];
    answer_format(q, a, v, sizeof v);
    sbuf_add(o, v);
}

static void signed_int(struct sbuf *o, int v)
{
    sbuf_addf(o, v > 0 ? "+%d" : v < 0 ? "−%d" : "±%d", v < 0 ? -v : v);
}

static void options_list(struct sbuf *o, const struct question *q, uint64_t set)
{
    int first = 1;
    for (int i = 0; i < q->n_options; i++)
        if (set & (1ULL << i)) {
            sbuf_addf(o, first ? "%d %s" : "; %d %s", i + 1, q->options[i].text);
            first = 0;
        }
}

static void print_text(const struct cli *c, const struct bank *b, const struct session *so,
                       const struct session *sn, const struct score *x, const struct score *y,
                       const struct qdiff *dv, int nd, int gained, int lost)
{
    struct sbuf o, t;
    sbuf_init(&o);
    sbuf_init(&t);
    int cm = report_comma();
    char line[1024];
    sbuf_addf(&o, "%s · %s\n", b->name, msg(M_DIFF_TITLE));
    sbuf_addf(&o, "  %s: %s · %s\n  %s: %s · %s\n", msg(M_DIFF_OLD), so->organisation, so->date,
              msg(M_DIFF_NEW), sn->organisation, sn->date);
    sbuf_addf(&o, "%s: ", msg(M_W_LEVEL));
    if (b->kind == BANK_SCALE) {
        text_decimal(&o, x->value, 2, cm);
        sbuf_add(&o, " → ");
        text_decimal(&o, y->value, 2, cm);
    } else {
        sbuf_addf(&o, "%d → %d (", x->level, y->level);
        signed_int(&o, y->level - x->level);
        sbuf_add(&o, ") · ");
        cli_level_name(&o, b, y->level);
    }
    sbuf_addc(&o, '\n');
    if (b->kind != BANK_SCALE) {
        sbuf_addf(&o, "%s: ", msg(M_W_POINTS));
        text_milli(&o, x->points_milli, cm);
        sbuf_add(&o, " → ");
        text_milli(&o, y->points_milli, cm);
        sbuf_addf(&o, " · %s: %d → %d (", msg(M_W_ACTIONS), x->actions, y->actions);
        msg_format(line, sizeof line, M_DIFF_GAINED_LOST, gained, lost);
        sbuf_addf(&o, "%s)\n", line);
    }
    sbuf_addf(&o, "\n%s\n", msg(M_W_AREA));
    for (int ai = 0; ai < b->n_areas; ai++) {
        sbuf_reset(&t);
        text_truncate(&t, b->areas[ai].name, 40, c->utf8);
        sbuf_addf(&o, "  %s", t.p ? t.p : "");
        for (int w = text_width(t.p ? t.p : ""); w < 40; w++)
            sbuf_addc(&o, ' ');
        sbuf_add(&o, " ");
        area_level_text(&o, b, &x->areas[ai]);
        sbuf_add(&o, " → ");
        area_level_text(&o, b, &y->areas[ai]);
        if (b->kind != BANK_SCALE && y->areas[ai].level != x->areas[ai].level) {
            sbuf_add(&o, "  ");
            signed_int(&o, y->areas[ai].level - x->areas[ai].level);
        }
        sbuf_addc(&o, '\n');
    }
    msg_format(line, sizeof line, M_DIFF_QUESTIONS, nd);
    sbuf_addf(&o, "\n%s\n", line);
    for (int k = 0; k < nd; k++) {
        const struct qdiff *d = &dv[k];
        const struct question *q = &b->questions[d->qi];
        const struct answer *ax = &so->answers[d->qi], *ay = &sn->answers[d->qi];
        sbuf_reset(&t);
        text_truncate(&t, question_label(q), 56, c->utf8);
        sbuf_addf(&o, "  %s %d · %s\n", msg(M_W_QUESTION), q->number, t.p ? t.p : "");
        if (d->answer_changed) {
            sbuf_addf(&o, "    %s: ", msg(M_REP_ANSWER));
            answer_short(&o, q, ax);
            sbuf_add(&o, " → ");
            answer_short(&o, q, ay);
            if (d->gained || d->lost) {
                msg_format(line, sizeof line, M_DIFF_GAINED_LOST, d->gained, d->lost);
                sbuf_addf(&o, " (%s)", line);
            }
            sbuf_addc(&o, '\n');
            if (d->ticked) {
                sbuf_addf(&o, "      + ");
                options_list(&o, q, d->ticked);
                sbuf_addc(&o, '\n');
            }
            if (d->unticked) {
                sbuf_addf(&o, "      − ");
                options_list(&o, q, d->unticked);
                sbuf_addc(&o, '\n');
            }
        }
        if (d->note_changed && !(ay->note && *ay->note)) {
            sbuf_addf(&o, "    %s\n", msg(M_DIFF_NOTE_REMOVED));
        } else if (d->note_changed) {
            sbuf_reset(&t);
            char *flat = text_sanitize_dup(ay->note, 0); /* one line: breaks dropped */
            text_truncate(&t, flat ? flat : "", 60, c->utf8);
            free(flat);
            sbuf_addf(&o, "    %s: %s\n", msg(M_DIFF_NOTE_CHANGED), t.p ? t.p : "");
        }
        for (int i = 0; i < ay->n_evidence; i++)
            if (!has_evidence(ax, ay->evidence[i]))
                sbuf_addf(&o, "    %s: %s\n", msg(M_DIFF_EV_ADDED), ay->evidence[i]);
        for (int i = 0; i < ax->n_evidence; i++)
            if (!has_evidence(ay, ax->evidence[i]))
                sbuf_addf(&o, "    %s: %s\n", msg(M_DIFF_EV_REMOVED), ax->evidence[i]);
        if (d->doc_changed)
            sbuf_addf(&o, "    %s: %s → %s\n", msg(M_REP_DOCUMENTED), yes_no(ax->documented),
                      yes_no(ay->documented));
        if (d->fol_changed)
            sbuf_addf(&o, "    %s: %s → %s\n", msg(M_REP_FOLLOWUP), yes_no(ax->followup),
                      yes_no(ay->followup));
    }
    if (o.p)
        cli_put(o.p);
    sbuf_free(&o);
    sbuf_free(&t);
}

static void json_side(struct json *j, const struct bank *b, const struct session *s,
                      const struct score *sc)
{
    json_begin(j, '{');
    json_key(j, "organisation");
    json_str(j, s->organisation);
    json_key(j, "date");
    json_str(j, s->date);
    json_key(j, "level");
    if (b->kind == BANK_SCALE)
        json_num(j, sc->value, 2);
    else
        json_int(j, sc->level);
    json_key(j, "value");
    json_num(j, sc->value, 3);
    json_key(j, "points");
    json_milli(j, sc->points_milli);
    json_key(j, "actions");
    json_int(j, sc->actions);
    json_end(j, '}');
}

static void json_options(struct json *j, const struct question *q, uint64_t set)
{
    json_begin(j, '[');
    for (int i = 0; i < q->n_options; i++)
        if (set & (1ULL << i))
            json_int(j, i + 1);
    json_end(j, ']');
}

static void json_answer(struct json *j, const struct question *q, const struct answer *a)
{
    if (!a->answered) {
        json_null(j);
        return;
    }
    char v[256];
    answer_format(q, a, v, sizeof v);
    json_str(j, v);
}

static void print_json(const struct bank *b, const struct session *so, const struct session *sn,
                       const struct score *x, const struct score *y, const struct qdiff *dv,
                       int nd, int gained, int lost)
{
    struct sbuf o;
    struct json j;
    sbuf_init(&o);
    json_init(&j, &o);
    json_begin(&j, '{');
    json_key(&j, "bank");
    json_str(&j, b->id);
    json_key(&j, "old");
    json_side(&j, b, so, x);
    json_key(&j, "new");
    json_side(&j, b, sn, y);
    json_key(&j, "level_change");
    json_int(&j, y->level - x->level);
    json_key(&j, "points_change");
    json_milli(&j, y->points_milli - x->points_milli);
    json_key(&j, "actions_gained");
    json_int(&j, gained);
    json_key(&j, "actions_lost");
    json_int(&j, lost);
    json_key(&j, "areas");
    json_begin(&j, '[');
    for (int ai = 0; ai < b->n_areas; ai++) {
        json_begin(&j, '{');
        json_key(&j, "id");
        json_str(&j, b->areas[ai].id);
        json_key(&j, "name");
        json_str(&j, b->areas[ai].name);
        json_key(&j, "old_level");
        json_int(&j, x->areas[ai].level);
        json_key(&j, "new_level");
        json_int(&j, y->areas[ai].level);
        json_key(&j, "old_value");
        json_num(&j, x->areas[ai].value, 3);
        json_key(&j, "new_value");
        json_num(&j, y->areas[ai].value, 3);
        json_key(&j, "old_points");
        json_milli(&j, x->areas[ai].points_milli);
        json_key(&j, "new_points");
        json_milli(&j, y->areas[ai].points_milli);
        json_end(&j, '}');
    }
    json_end(&j, ']');
    json_key(&j, "questions");
    json_begin(&j, '[');
    for (int k = 0; k < nd; k++) {
        const struct qdiff *d = &dv[k];
        const struct question *q = &b->questions[d->qi];
        const struct answer *ax = &so->answers[d->qi], *ay = &sn->answers[d->qi];
        json_begin(&j, '{');
        json_key(&j, "question");
        json_int(&j, q->number);
        json_key(&j, "area");
        json_str(&j, b->areas[q->area].id);
        json_key(&j, "old_answer");
        json_answer(&j, q, ax);
        json_key(&j, "new_answer");
        json_answer(&j, q, ay);
        json_key(&j, "ticked");
        json_options(&j, q, d->ticked);
        json_key(&j, "unticked");
        json_options(&j, q, d->unticked);
        json_key(&j, "actions_gained");
        json_int(&j, d->gained);
        json_key(&j, "actions_lost");
        json_int(&j, d->lost);
        json_key(&j, "old_points");
        json_milli(&j, x->q[d->qi].points_milli);
        json_key(&j, "new_points");
        json_milli(&j, y->q[d->qi].points_milli);
        json_key(&j, "note_changed");
        json_bool(&j, d->note_changed);
        json_key(&j, "old_note");
        json_str(&j, ax->note);
        json_key(&j, "new_note");
        json_str(&j, ay->note);
        json_key(&j, "evidence_added");
        json_begin(&j, '[');
        for (int i = 0; i < ay->n_evidence; i++)
            if (!has_evidence(ax, ay->evidence[i]))
                json_str(&j, ay->evidence[i]);
        json_end(&j, ']');
        json_key(&j, "evidence_removed");
        json_begin(&j, '[');
        for (int i = 0; i < ax->n_evidence; i++)
            if (!has_evidence(ay, ax->evidence[i]))
                json_str(&j, ax->evidence[i]);
        json_end(&j, ']');
        json_key(&j, "documented");
        json_begin(&j, '[');
        json_bool(&j, ax->documented);
        json_bool(&j, ay->documented);
        json_end(&j, ']');
        json_key(&j, "followup");
        json_begin(&j, '[');
        json_bool(&j, ax->followup);
        json_bool(&j, ay->followup);
        json_end(&j, ']');
        json_end(&j, '}');
    }
    json_end(&j, ']');
    json_end(&j, '}');
    if (o.p)
        fputs(o.p, stdout);
    sbuf_free(&o);
}

int cmd_diff(const struct cli *c, int argc, char **argv)
{
    int json = 0;
    const struct opt opts[] = {
        {"json", 0, NULL, &json, NULL},
        {NULL, 0, NULL, NULL, NULL},
    };
    const char *pos[2];
    int np;
    int rc = cli_parse(c, argc, argv, opts, pos, 2, &np, msg(M_DIFF_USAGE));
    if (rc)
        return rc;
    if (np < 2) {
        cli_error(c, M_CLI_MISSING_ARG, np ? "NEW" : "OLD");
        return EXIT_USAGE;
    }
    char *po = cli_session_path(c, pos[0]), *pn = cli_session_path(c, pos[1]);
    struct bank *b = NULL;
    struct session *so = NULL, *sn = NULL;
    char *id = NULL;
    struct diags d;
    diags_init(&d);
    struct qdiff *dv = NULL;
    struct score x, y;
    int have_x = 0, have_y = 0;
    if (!po || !pn) {
        rc = EXIT_DATA;
        goto out;
    }
    if ((rc = cli_open(c, po, &b, &so)))
        goto out;
    int lrc = session_read_bank_id(pn, &id, &d);
    if (!lrc && strcmp(id, b->id)) {
        cli_error(c, M_DIFF_OTHER_BANK, pn, id, po, b->id);
        rc = EXIT_DATA;
        goto out;
    }
    if (lrc || (lrc = session_load(pn, b, &sn, &d))) {
        cli_diags(c, &d);
        rc = cli_exit_for(lrc == KL_EUSAGE ? KL_EDATA : lrc);
        goto out;
    }
    cli_diags(c, &d);
    if (score_compute(b, so, &x) || !(have_x = 1) || score_compute(b, sn, &y) || !(have_y = 1) ||
        !(dv = calloc((size_t)(b->n_questions ? b->n_questions : 1), sizeof *dv))) {
        cli_error(c, M_SES_NO_MEMORY);
        rc = EXIT_DATA;
        goto out;
    }
    int nd = 0, gained = 0, lost = 0;
    for (int qi = 0; qi < b->n_questions; qi++) {
        compare(b, so, sn, qi, &dv[nd]);
        gained += dv[nd].gained;
        lost += dv[nd].lost;
        if (changed(&dv[nd]))
            nd++;
    }
    if (json)
        print_json(b, so, sn, &x, &y, dv, nd, gained, lost);
    else
        print_text(c, b, so, sn, &x, &y, dv, nd, gained, lost);
out:
    if (have_x)
        score_free(&x);
    if (have_y)
        score_free(&y);
    free(dv);
    free(id);
    diags_free(&d);
    session_free(so);
    session_free(sn);
    bank_free(b);
    free(po);
    free(pn);
    return rc;
}
