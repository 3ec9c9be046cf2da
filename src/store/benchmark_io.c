/* benchmark_io.c: a benchmark written in the form of benchmarks.ini, so that a benchmark kollen
 * builds (kollen benchmark) is read back by the same loader as MSB's published ones. */
#include <stdlib.h>
#include <string.h>

#include "kollen/store.h"
#include "kollen/text.h"

/* A level to two decimals, cut rather than rounded: 2.999 stays below 3 ("2.99"), so the
 * indicative level read back (its integer part) is the one computed. */
static void level_text(struct sbuf *o, double v)
{
    long h = (long)(v * 100 + 1e-9);
    sbuf_addf(o, "%ld.%02ld", h / 100, h % 100);
}

static void text_key(struct sbuf *o, const char *key, const char *value)
{
    if (!value || !*value)
        return;
    sbuf_addf(o, "%s = ", key);
    text_percent_encode(o, value, strlen(value));
    sbuf_addc(o, '\n');
}

char *benchmark_format(const struct bank *b, const struct benchmark *m)
{
    struct sbuf o;
    sbuf_init(&o);
    sbuf_addf(&o, "[benchmark.%s]\n", m->id);
    text_key(&o, "name", m->name);
    sbuf_addf(&o, "group = %s\n", m->group ? m->group : "");
    if (m->kind != BENCH_KIND_NONE)
        sbuf_addf(&o, "kind = %s\n", bench_kind_name(m->kind));
    if (m->year > 0)
        sbuf_addf(&o, "year = %d\n", m->year);
    if (m->level >= 0) {
        sbuf_add(&o, "level = ");
        level_text(&o, m->level);
        sbuf_addc(&o, '\n');
    }
    if (m->actions >= 0)
        sbuf_addf(&o, "actions = %d\n", m->actions);
    for (int ai = 0; ai < b->n_areas; ai++)
        if (m->area_levels && m->area_levels[ai] >= 0) {
            sbuf_addf(&o, "area.%s = ", b->areas[ai].id);
            level_text(&o, m->area_levels[ai]);
            sbuf_addc(&o, '\n');
        }
    for (int ai = 0; ai < b->n_areas; ai++)
        if (m->area_actions && m->area_actions[ai] >= 0)
            sbuf_addf(&o, "actions.%s = %d\n", b->areas[ai].id, m->area_actions[ai]);
    for (int lv = 1; lv <= b->n_levels && lv <= BANK_MAX_LEVELS; lv++)
        if (m->areas_at_least[lv] >= 0)
            sbuf_addf(&o, "areas_at_least.%d = %d\n", lv, m->areas_at_least[lv]);
    sbuf_addf(&o, "provenance = %s\n", provenance_name(m->prov));
    text_key(&o, "source", m->source);
    text_key(&o, "note", m->note);
    return sbuf_take(&o);
}
