/* cmd_rank.c: `kollen rank`: the sessions in resultattal order, ties shown as ties, each with
 * the part of the resultattal that put it below the one above. Organisations are named only
 * with --names. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kollen/fmt.h"
#include "kollen/msg.h"
#include "many.h"
#include "report_msg.h"

static const char *const key_id[] = {"first", "level", "areas", "points", "area_points", "tie"};

static void rank_head(struct sbuf *o, const struct bank *b, int utf8)
{
    int scale = b->kind == BANK_SCALE;
    many_cell(o, rep_msg(M_MANY_PLACE), 6, 0, utf8);
    sbuf_add(o, "  ");
    many_cell(o, msg(M_W_LEVEL), 6, 1, utf8);
    many_cell(o, scale ? "" : rep_msg(M_W_POINTS), 8, 0, utf8);
    many_cell(o, scale ? "" : rep_msg(M_W_ACTIONS), 10, 0, utf8);
    sbuf_add(o, "  ");
    many_cell(o, rep_msg(M_W_GROUP), 13, 1, utf8);
    sbuf_add(o, rep_msg(M_MANY_DECIDED));
    sbuf_addc(o, '\n');
}

static void rank_row(struct sbuf *o, const struct ops_rank *r, const struct bank *b,
                     const struct rank_entry *e, int utf8)
{
    int scale = b->kind == BANK_SCALE;
    char t[32];
    struct sbuf v;
    sbuf_init(&v);
    snprintf(t, sizeof t, "%d%s", e->place, e->key == RANK_TIE ? "=" : "");
    many_cell(o, t, 6, 0, utf8);
    sbuf_add(o, "  ");
    fmt_level(&v, b, e->level, e->value, FMT_LEVEL_NUMBER);
    many_cell(o, v.p, 6, 1, utf8);
    sbuf_reset(&v);
    if (!scale)
        fmt_points(&v, e->points_milli);
    many_cell(o, v.p ? v.p : "", 8, 0, utf8);
    snprintf(t, sizeof t, "%d", e->actions);
    many_cell(o, scale ? "" : t, 10, 0, utf8);
    sbuf_add(o, "  ");
    many_cell(o, group_name((enum actor_group)r->group[e->id]), 13, 1, utf8);
    many_cell(o, many_key_word(e->key), 24, 1, utf8);
    sbuf_free(&v);
}

static void rank_text(struct sbuf *o, const struct ops_rank *r, const struct ops_inputs *in,
                      int names, int utf8)
{
    for (int k = 0; k < r->n; k++) {
        const struct ops_ranking *g = &r->v[k];
        char t[512];
        rep_msg_format(t, sizeof t, M_MANY_RANK_HEAD, g->bank->name, g->n);
        sbuf_addf(o, "%s%s\n", k ? "\n" : "", t);
        rank_head(o, g->bank, utf8);
        for (int i = 0; i < g->n; i++) {
            rank_row(o, r, g->bank, &g->v[i], utf8);
            if (names)
                sbuf_addf(o, "%s (%s)", g->v[i].name ? g->v[i].name : "", in->paths[g->v[i].id]);
            /* no trailing blanks when nothing follows the last column */
            while (o->len && o->p[o->len - 1] == ' ')
                o->p[--o->len] = '\0';
            sbuf_addc(o, '\n');
        }
    }
}

static void rank_json(struct sbuf *o, const struct ops_rank *r, const struct ops_inputs *in,
                      int names)
{
    struct json j;
    json_init(&j, o);
    json_begin(&j, '{');
    json_kint(&j, "files", r->tally.files);
    json_kint(&j, "unreadable", r->tally.failed);
    json_key(&j, "rankings");
    json_begin(&j, '[');
    for (int k = 0; k < r->n; k++) {
        const struct ops_ranking *g = &r->v[k];
        json_begin(&j, '{');
        json_kstr(&j, "bank", g->bank->id);
        json_kint(&j, "sessions", g->n);
        json_key(&j, "ranking");
        json_begin(&j, '[');
        for (int i = 0; i < g->n; i++) {
            const struct rank_entry *e = &g->v[i];
            json_begin(&j, '{');
            json_kint(&j, "place", e->place);
            json_kstr(&j, "decided_by", key_id[e->key]);
            json_key(&j, "level");
            if (g->bank->kind == BANK_SCALE)
                json_num(&j, e->value, 2);
            else
                json_int(&j, e->level);
            json_key(&j, "value");
            json_num(&j, e->value, 3);
            json_key(&j, "points");
            json_milli(&j, e->points_milli);
            json_kint(&j, "actions", e->actions);
            json_kstr(&j, "group", group_name((enum actor_group)r->group[e->id]));
            if (names) {
                json_kstr(&j, "organisation", e->name);
                json_kstr(&j, "file", in->paths[e->id]);
            }
            json_end(&j, '}');
        }
        json_end(&j, ']');
        json_end(&j, '}');
    }
    json_end(&j, ']');
    json_end(&j, '}');
}

int cmd_rank(const struct cli *c, int argc, char **argv)
{
    int names = 0, json = 0;
    const char *group = NULL, *bank = NULL;
    const struct opt opts[] = {
        {"group", 1, &group, NULL, NULL}, {"bank", 1, &bank, NULL, NULL},
        {"names", 0, NULL, &names, NULL}, {"json", 0, NULL, &json, NULL},
        {NULL, 0, NULL, NULL, NULL},
    };
    struct many_args m;
    struct ops_select sel;
    int rc = many_parse(c, argc, argv, opts, M_USAGE_cmd_rank, &m);
    if (!rc)
        rc = many_select(c, group, bank, 0, &sel);
    if (!rc)
        rc = many_load(c, &m);
    if (!rc) {
        struct diags d;
        diags_init(&d);
        struct ops_rank r;
        int orc = ops_rank(&m.in, m.banks, &sel, names, &r, &d);
        struct sbuf o;
        sbuf_init(&o);
        if (!orc && json)
            rank_json(&o, &r, &m.in, names);
        else if (!orc)
            rank_text(&o, &r, &m.in, names, c->utf8);
        if (o.p && json)
            fputs(o.p, stdout);
        else if (o.p)
            cli_put(o.p);
        sbuf_free(&o);
        rc = many_exit(c, orc, &d, &r.tally, &m.in);
        if (!orc)
            ops_rank_free(&r);
        diags_free(&d);
    }
    many_args_free(&m);
    return rc;
}
