/* cmd_diff.c: `kollen diff OLD NEW`: what changed between two sessions of the same bank, as
 * ops_diff (kollen/ops_diff.h) computes it, printed as text or JSON. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kollen/fmt.h"
#include "kollen/msg.h"
#include "kollen/ops_diff.h"
#include "report.h"

static void answer_short(struct sbuf *o, const struct question *q, const struct answer *a)
{
    if (!a->answered) {
        sbuf_add(o, rep_msg(M_W_NOT_DISCUSSED));
        return;
    }
    if (q->type == QTYPE_MULTI && !a->ticks) { /* "none" in words */
        sbuf_add(o, rep_msg(M_REP_NONE_TICKED));
        return;
    }
    char v[256];
    answer_format(q, a, v, sizeof v);
    sbuf_add(o, v);
}

/* "+2 nya åtgärder, −1 borttagen" */
static void gained_lost(struct sbuf *o, int gained, int lost)
{
    char g[128], l[128];
    rep_msg_format(g, sizeof g, gained == 1 ? M_DIFF_GAINED_ONE : M_DIFF_GAINED, gained);
    rep_msg_format(l, sizeof l, lost == 1 ? M_DIFF_LOST_ONE : M_DIFF_LOST, lost);
    sbuf_addf(o, "%s, %s", g, l);
}

/* A note under its heading, every line of it indented: the line breaks kept. */
static void note_block(struct sbuf *o, enum rep_msg_id head, const char *note)
{
    sbuf_addf(o, "    %s:\n", rep_msg(head));
    char *clean = text_sanitize_dup(note ? note : "", 1);
    const char *p = clean ? clean : "";
    do {
        size_t n = strcspn(p, "\n");
        sbuf_add(o, "      | ");
        sbuf_addn(o, p, n);
        sbuf_addc(o, '\n');
        p += n;
    } while (*p++ == '\n' && *p);
    free(clean);
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

/* The head: both sessions, the level, points and actions before and after. */
static void text_head(struct sbuf *o, const struct ops_diff *df)
{
    const struct bank *b = df->bank;
    const struct score *x = &df->sc_old, *y = &df->sc_new;
    sbuf_addf(o, "%s · %s\n", b->name, rep_msg(M_DIFF_TITLE));
    sbuf_addf(o, "  %s: %s · %s\n  %s: %s · %s\n", rep_msg(M_DIFF_OLD), df->old->organisation,
              df->old->date, rep_msg(M_DIFF_NEW), df->new->organisation, df->new->date);
    if (strcmp(df->old->organisation, df->new->organisation)) {
        char line[1024];
        rep_msg_format(line, sizeof line, M_DIFF_OTHER_ORG, df->old->organisation,
                       df->new->organisation);
        sbuf_addf(o, "%s\n", line);
    }
    sbuf_addf(o, "%s: ", msg(M_W_LEVEL));
    if (b->kind == BANK_SCALE) {
        fmt_decimal(o, x->value, 2);
        sbuf_add(o, " → ");
        fmt_decimal(o, y->value, 2);
    } else {
        sbuf_addf(o, "%d → %d (", x->level, y->level);
        signed_int(o, y->level - x->level);
        sbuf_add(o, ") · ");
        fmt_level(o, b, y->level, y->value, FMT_LEVEL_NAME);
    }
    sbuf_addc(o, '\n');
    if (b->kind != BANK_SCALE) {
        sbuf_addf(o, "%s: ", rep_msg(M_W_POINTS));
        fmt_points(o, x->points_milli);
        sbuf_add(o, " → ");
        fmt_points(o, y->points_milli);
        sbuf_addf(o, " · %s: %d → %d (", rep_msg(M_W_ACTIONS), x->actions, y->actions);
        gained_lost(o, df->gained, df->lost);
        sbuf_add(o, ")\n");
    }
}

static void text_areas(struct sbuf *o, const struct cli *c, const struct ops_diff *df)
{
    const struct bank *b = df->bank;
    struct sbuf t;
    sbuf_init(&t);
    sbuf_addf(o, "\n%s\n", rep_msg(M_W_AREA));
    for (int ai = 0; ai < b->n_areas; ai++) {
        const struct area_score *x = &df->sc_old.areas[ai], *y = &df->sc_new.areas[ai];
        sbuf_reset(&t);
        text_truncate(&t, b->areas[ai].name, 40, c->utf8);
        sbuf_addf(o, "  %s", t.p ? t.p : "");
        for (int w = text_width(t.p ? t.p : ""); w < 40; w++)
            sbuf_addc(o, ' ');
        sbuf_add(o, " ");
        fmt_level(o, b, x->level, x->value, FMT_LEVEL_AREA);
        sbuf_add(o, " → ");
        fmt_level(o, b, y->level, y->value, FMT_LEVEL_AREA);
        if (b->kind != BANK_SCALE && y->level != x->level) {
            sbuf_add(o, "  ");
            signed_int(o, y->level - x->level);
        }
        sbuf_addc(o, '\n');
    }
    sbuf_free(&t);
}

/* The note, the evidence and the flags of one question that changed. */
static void text_record(struct sbuf *o, const struct ops_qdiff *d, const struct answer *ax,
                        const struct answer *ay)
{
    int had = ax->note && *ax->note, has = ay->note && *ay->note;
    if (d->note_changed && had && !has) {
        note_block(o, M_DIFF_NOTE_REMOVED, ax->note); /* what was removed */
    } else if (d->note_changed && had) {
        note_block(o, M_DIFF_NOTE_BEFORE, ax->note);
        note_block(o, M_DIFF_NOTE_AFTER, ay->note);
    } else if (d->note_changed) {
        note_block(o, M_DIFF_NOTE_CHANGED, ay->note);
    }
    for (int i = 0; i < d->n_ev_added; i++)
        sbuf_addf(o, "    %s: %s\n", rep_msg(M_DIFF_EV_ADDED), d->ev_added[i]);
    for (int i = 0; i < d->n_ev_removed; i++)
        sbuf_addf(o, "    %s: %s\n", rep_msg(M_DIFF_EV_REMOVED), d->ev_removed[i]);
    if (d->doc_changed)
        sbuf_addf(o, "    %s: %s → %s\n", rep_msg(M_REP_DOCUMENTED), yes_no(ax->documented),
                  yes_no(ay->documented));
    if (d->fol_changed)
        sbuf_addf(o, "    %s: %s → %s\n", rep_msg(M_REP_FOLLOWUP), yes_no(ax->followup),
                  yes_no(ay->followup));
}

static void text_question(struct sbuf *o, const struct cli *c, const struct ops_diff *df,
                          const struct ops_qdiff *d)
{
    const struct question *q = &df->bank->questions[d->question];
    const struct answer *ax = &df->old->answers[d->question];
    const struct answer *ay = &df->new->answers[d->question];
    struct sbuf t;
    sbuf_init(&t);
    text_truncate(&t, question_label(q), 56, c->utf8);
    sbuf_addf(o, "  %s %d · %s\n", msg(M_W_QUESTION), q->number, t.p ? t.p : "");
    sbuf_free(&t);
    if (d->answer_changed) {
        sbuf_addf(o, "    %s: ", rep_msg(M_REP_ANSWER));
        answer_short(o, q, ax);
        sbuf_add(o, " → ");
        answer_short(o, q, ay);
        if (d->gained || d->lost) {
            sbuf_add(o, " (");
            gained_lost(o, d->gained, d->lost);
            sbuf_addc(o, ')');
        }
        sbuf_addc(o, '\n');
        if (d->ticked) {
            sbuf_addf(o, "      + ");
            options_list(o, q, d->ticked);
            sbuf_addc(o, '\n');
        }
        if (d->unticked) {
            sbuf_addf(o, "      − ");
            options_list(o, q, d->unticked);
            sbuf_addc(o, '\n');
        }
    }
    text_record(o, d, ax, ay);
}

static void print_text(const struct cli *c, const struct ops_diff *df)
{
    struct sbuf o;
    sbuf_init(&o);
    text_head(&o, df);
    text_areas(&o, c, df);
    char line[256];
    rep_msg_format(line, sizeof line, M_DIFF_QUESTIONS, df->n);
    sbuf_addf(&o, "\n%s\n", line);
    for (int k = 0; k < df->n; k++)
        text_question(&o, c, df, &df->q[k]);
    if (o.p)
        cli_put(o.p);
    sbuf_free(&o);
}

/* --- JSON --- */

static void json_side(struct json *j, const struct bank *b, const struct session *s,
                      const struct score *sc)
{
    json_begin(j, '{');
    json_kstr(j, "organisation", s->organisation);
    json_kstr(j, "date", s->date);
    json_key(j, "level");
    if (b->kind == BANK_SCALE)
        json_num(j, sc->value, 2);
    else
        json_int(j, sc->level);
    json_knum(j, "value", sc->value, 3);
    json_kmilli(j, "points", sc->points_milli);
    json_kint(j, "actions", sc->actions);
    json_end(j, '}');
}

static void json_options(struct json *j, const char *key, const struct question *q, uint64_t set)
{
    json_key(j, key);
    json_begin(j, '[');
    for (int i = 0; i < q->n_options; i++)
        if (set & (1ULL << i))
            json_int(j, i + 1);
    json_end(j, ']');
}

static void json_answer(struct json *j, const char *key, const struct question *q,
                        const struct answer *a)
{
    json_key(j, key);
    if (!a->answered) {
        json_null(j);
        return;
    }
    char v[256];
    answer_format(q, a, v, sizeof v);
    json_str(j, v);
}

static void json_strings(struct json *j, const char *key, const char **v, int n)
{
    json_key(j, key);
    json_begin(j, '[');
    for (int i = 0; i < n; i++)
        json_str(j, v[i]);
    json_end(j, ']');
}

static void json_pair(struct json *j, const char *key, int x, int y)
{
    json_key(j, key);
    json_begin(j, '[');
    json_bool(j, x);
    json_bool(j, y);
    json_end(j, ']');
}

static void json_areas(struct json *j, const struct ops_diff *df)
{
    const struct bank *b = df->bank;
    json_key(j, "areas");
    json_begin(j, '[');
    for (int ai = 0; ai < b->n_areas; ai++) {
        const struct area_score *x = &df->sc_old.areas[ai], *y = &df->sc_new.areas[ai];
        json_begin(j, '{');
        json_kstr(j, "id", b->areas[ai].id);
        json_kstr(j, "name", b->areas[ai].name);
        json_kint(j, "old_level", x->level);
        json_kint(j, "new_level", y->level);
        json_knum(j, "old_value", x->value, 3);
        json_knum(j, "new_value", y->value, 3);
        json_kmilli(j, "old_points", x->points_milli);
        json_kmilli(j, "new_points", y->points_milli);
        json_end(j, '}');
    }
    json_end(j, ']');
}

static void json_question(struct json *j, const struct ops_diff *df, const struct ops_qdiff *d)
{
    const struct bank *b = df->bank;
    const struct question *q = &b->questions[d->question];
    const struct answer *ax = &df->old->answers[d->question];
    const struct answer *ay = &df->new->answers[d->question];
    json_begin(j, '{');
    json_kint(j, "question", q->number);
    json_kstr(j, "area", b->areas[q->area].id);
    json_answer(j, "old_answer", q, ax);
    json_answer(j, "new_answer", q, ay);
    json_options(j, "ticked", q, d->ticked);
    json_options(j, "unticked", q, d->unticked);
    json_kint(j, "actions_gained", d->gained);
    json_kint(j, "actions_lost", d->lost);
    json_kmilli(j, "old_points", df->sc_old.q[d->question].points_milli);
    json_kmilli(j, "new_points", df->sc_new.q[d->question].points_milli);
    json_kbool(j, "note_changed", d->note_changed);
    json_kbool(j, "note_removed",
               d->note_changed && ax->note && *ax->note && !(ay->note && *ay->note));
    json_kstr(j, "old_note", ax->note);
    json_kstr(j, "new_note", ay->note);
    json_strings(j, "evidence_added", d->ev_added, d->n_ev_added);
    json_strings(j, "evidence_removed", d->ev_removed, d->n_ev_removed);
    json_pair(j, "documented", ax->documented, ay->documented);
    json_pair(j, "followup", ax->followup, ay->followup);
    json_end(j, '}');
}

static void print_json(const struct ops_diff *df)
{
    const struct bank *b = df->bank;
    struct sbuf o;
    struct json j;
    sbuf_init(&o);
    json_init(&j, &o);
    json_begin(&j, '{');
    json_kstr(&j, "bank", b->id);
    json_key(&j, "same_organisation");
    json_bool(&j, !strcmp(df->old->organisation, df->new->organisation));
    json_key(&j, "old");
    json_side(&j, b, df->old, &df->sc_old);
    json_key(&j, "new");
    json_side(&j, b, df->new, &df->sc_new);
    json_kint(&j, "level_change", df->sc_new.level - df->sc_old.level);
    json_key(&j, "points_change");
    json_milli(&j, df->sc_new.points_milli - df->sc_old.points_milli);
    json_kint(&j, "actions_gained", df->gained);
    json_kint(&j, "actions_lost", df->lost);
    json_areas(&j, df);
    json_key(&j, "questions");
    json_begin(&j, '[');
    for (int k = 0; k < df->n; k++)
        json_question(&j, df, &df->q[k]);
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
    int rc = cli_parse(c, argc, argv, opts, pos, 2, &np, M_USAGE_cmd_diff);
    if (rc)
        return rc;
    if (np < 2) {
        cli_error(c, M_CLI_MISSING_ARG, np ? "NEW" : "OLD");
        return EXIT_USAGE;
    }
    char *po = cli_session_path(c, pos[0]), *pn = cli_session_path(c, pos[1]);
    struct diags d;
    diags_init(&d);
    struct ops_diff df;
    int drc = po && pn ? ops_diff_open(&df, po, pn, c->questions_dir, &d) : KL_ENOMEM;
    cli_diags(c, &d);
    diags_free(&d);
    if (drc) {
        rc = cli_exit_for(drc);
    } else {
        if (json)
            print_json(&df);
        else
            print_text(c, &df);
        ops_diff_free(&df);
    }
    free(po);
    free(pn);
    return rc;
}
