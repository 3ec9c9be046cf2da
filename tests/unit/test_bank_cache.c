/* test_bank_cache.c: the bank cache gives the very bank a fresh parse gives (every field of
 * every bundled bank and fixture), sees every edit of a bank file at once, never uses a
 * damaged, foreign or unsafe cache, and is written atomically and privately. Every test runs
 * with XDG_CACHE_HOME in a temporary folder: the user's cache is never touched. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bank_cache.h"
#include "testutil.h"
#include "kollen/msg.h"
#include "kollen/text.h"

/* The dump below is written by hand, field by field, and not from the cache's tables: a field
 * the cache forgets shows up as a difference. When a struct of the bank grows, these fail to
 * compile: add the field to the table in src/store/bank_cache.c and to the dump here. */
#if UINTPTR_MAX == 0xFFFFFFFFFFFFFFFFu
_Static_assert(sizeof(struct bank) == 344, "struct bank changed: cache table and dump");
_Static_assert(sizeof(struct question) == 352, "struct question changed: cache table and dump");
_Static_assert(sizeof(struct option) == 72, "struct option changed: cache table and dump");
_Static_assert(sizeof(struct rule) == 24, "struct rule changed: cache table and dump");
_Static_assert(sizeof(struct area) == 32, "struct area changed: cache table and dump");
_Static_assert(sizeof(struct bank_totals) == 24, "struct bank_totals changed: cache and dump");
_Static_assert(sizeof(struct benchmark) == 144, "struct benchmark changed: cache and dump");
_Static_assert(sizeof(struct target) == 64, "struct target changed: cache table and dump");
_Static_assert(sizeof(struct guide) == 32, "struct guide changed: cache table and dump");
_Static_assert(sizeof(struct spread) == 80, "struct spread changed: cache table and dump");
_Static_assert(sizeof(struct level_share) == 192, "struct level_share changed: cache and dump");
_Static_assert(sizeof(struct mean_points) == 208, "struct mean_points changed: cache and dump");
_Static_assert(sizeof(struct point_band) == 24, "struct point_band changed: cache and dump");
_Static_assert(sizeof(struct point_dist) == 80, "struct point_dist changed: cache and dump");
#endif

/* The test's folder, and the bank cache in it. */
static int setup(void **st)
{
    test_tmp_setup(st);
    char cache[300];
    snprintf(cache, sizeof cache, "%s/cache", test_tmp);
    setenv("XDG_CACHE_HOME", cache, 1);
    return 0;
}

/* --- the dump: every field --- */

static void s_(struct sbuf *o, const char *name, const char *v)
{
    sbuf_addf(o, "%s=%s%s%s\n", name, v ? "\"" : "", v ? v : "(null)", v ? "\"" : "");
}

static void dump_rule(struct sbuf *o, const struct rule *r)
{
    sbuf_addf(o, "rule present=%d min_actions=%d need_mask=%llx min_choice=%d line=%d\n",
              r->present, r->min_actions, (unsigned long long)r->need_mask, r->min_choice,
              r->line);
}

static void dump_guides(struct sbuf *o, const struct guide *g, int n)
{
    sbuf_addf(o, "n_guides=%d guides %s\n", n, g ? "[" : "(null)");
    for (int i = 0; g && i < n; i++) {
        s_(o, "guide.title", g[i].title);
        s_(o, "guide.url", g[i].url);
        s_(o, "guide.source", g[i].source);
        sbuf_addf(o, "guide.line=%d\n", g[i].line);
    }
}

static void dump_action(struct sbuf *o, const char *action, int prov, const char *source)
{
    s_(o, "action", action);
    s_(o, "action_source", source);
    sbuf_addf(o, "action_prov=%d\n", prov);
}

static void dump_ints(struct sbuf *o, const char *name, const int *v, int n)
{
    sbuf_addf(o, "%s %s", name, v ? "[" : "(null)");
    for (int i = 0; v && i < n; i++)
        sbuf_addf(o, " %d", v[i]);
    sbuf_addc(o, '\n');
}

static void dump_doubles(struct sbuf *o, const char *name, const double *v, int n)
{
    sbuf_addf(o, "%s %s", name, v ? "[" : "(null)");
    for (int i = 0; v && i < n; i++)
        sbuf_addf(o, " %a", v[i]);
    sbuf_addc(o, '\n');
}

static void dump_series_head(struct sbuf *o, const char *id, const char *name, const char *group,
                             const char *source, const char *note, int prov, int line)
{
    s_(o, "id", id);
    s_(o, "name", name);
    s_(o, "group", group);
    s_(o, "source", source);
    s_(o, "note", note);
    sbuf_addf(o, "prov=%d line=%d\n", prov, line);
}

/* The published series of benchmarks.ini beyond the benchmarks themselves. */
static void dump_published(struct sbuf *o, const struct bank *b)
{
    sbuf_addf(o, "n_spreads=%d spreads %s\n", b->n_spreads, b->spreads ? "[" : "(null)");
    for (int i = 0; b->spreads && i < b->n_spreads; i++) {
        const struct spread *x = &b->spreads[i];
        dump_series_head(o, x->id, x->name, x->group, x->source, x->note, (int)x->prov, x->line);
        sbuf_addf(o, "year=%d n_parts=%d\n", x->year, x->n_parts);
        dump_ints(o, "parts", x->parts, x->n_parts);
        dump_doubles(o, "shares", x->shares, x->n_parts);
    }
    sbuf_addf(o, "n_shares=%d shares %s\n", b->n_shares, b->shares ? "[" : "(null)");
    for (int i = 0; b->shares && i < b->n_shares; i++) {
        const struct level_share *x = &b->shares[i];
        dump_series_head(o, x->id, x->name, x->group, x->source, x->note, (int)x->prov, x->line);
        sbuf_addf(o, "year=%d n=%d none=%a n_parts=%d\n", x->year, x->n, x->none, x->n_parts);
        dump_doubles(o, "at_least", x->at_least, BANK_MAX_LEVELS + 1);
        dump_ints(o, "count", x->count, BANK_MAX_LEVELS + 1);
        dump_ints(o, "parts", x->parts, x->n_parts);
    }
    sbuf_addf(o, "n_means=%d means %s\n", b->n_means, b->means ? "[" : "(null)");
    for (int i = 0; b->means && i < b->n_means; i++) {
        const struct mean_points *x = &b->means[i];
        dump_series_head(o, x->id, x->name, x->group, x->source, x->note, (int)x->prov, x->line);
        sbuf_addf(o, "n_years=%d same_cohort=%d has_change=%d change=%a\n", x->n_years,
                  x->same_cohort, x->has_change, x->change);
        dump_ints(o, "years", x->years, BANK_MAX_YEARS);
        dump_doubles(o, "points", x->points, BANK_MAX_YEARS);
        dump_ints(o, "n", x->n, BANK_MAX_YEARS);
    }
    sbuf_addf(o, "n_point_dists=%d point_dists %s\n", b->n_point_dists,
              b->point_dists ? "[" : "(null)");
    for (int i = 0; b->point_dists && i < b->n_point_dists; i++) {
        const struct point_dist *x = &b->point_dists[i];
        dump_series_head(o, x->id, x->name, x->group, x->source, x->note, (int)x->prov, x->line);
        sbuf_addf(o, "year=%d share=%d n=%d n_bands=%d bands %s\n", x->year, x->share, x->n,
                  x->n_bands, x->bands ? "[" : "(null)");
        for (int k = 0; x->bands && k < x->n_bands; k++)
            sbuf_addf(o, "band above=%a below=%a count=%d no_level=%d\n", x->bands[k].above,
                      x->bands[k].below, x->bands[k].count, x->bands[k].no_level);
    }
}

static void dump_bank(struct sbuf *o, const struct bank *b)
{
    s_(o, "id", b->id);
    s_(o, "name", b->name);
    s_(o, "dir", b->dir);
    s_(o, "version", b->version);
    s_(o, "provenance", b->provenance);
    s_(o, "source", b->source);
    sbuf_addf(o, "kind=%d n_levels=%d evidence_from=%d scale_max=%d\n", (int)b->kind,
              b->n_levels, b->evidence_from, b->scale_max);
    for (int i = 0; i <= BANK_MAX_LEVELS; i++)
        s_(o, "level_name", b->level_names[i]);
    sbuf_addf(o, "scale_labels %s\n", b->scale_labels ? "[" : "(null)");
    for (int i = 0; b->scale_labels && i < b->scale_max; i++)
        s_(o, "label", b->scale_labels[i]);
    sbuf_addf(o, "scale_top_step=%d\n", b->scale_top_step);
    dump_guides(o, b->guides, b->n_guides);
    sbuf_addf(o, "n_areas=%d areas %s\n", b->n_areas, b->areas ? "[" : "(null)");
    for (int i = 0; b->areas && i < b->n_areas; i++) {
        const struct area *a = &b->areas[i];
        s_(o, "area.id", a->id);
        s_(o, "area.name", a->name);
        s_(o, "area.short_name", a->short_name);
        sbuf_addf(o, "area.order=%d area.line=%d\n", a->order, a->line);
    }
    sbuf_addf(o, "n_questions=%d questions %s\n", b->n_questions, b->questions ? "[" : "(null)");
    for (int i = 0; b->questions && i < b->n_questions; i++) {
        const struct question *q = &b->questions[i];
        sbuf_addf(o, "q number=%d area=%d section=%d type=%d scored=%d prov=%d points=%d "
                     "max_actions=%d file=%d line=%d n_options=%d options %s\n",
                  q->number, q->area, q->section, (int)q->type, q->scored, (int)q->prov,
                  q->points_milli, q->max_actions, q->file, q->line, q->n_options,
                  q->options ? "[" : "(null)");
        s_(o, "q.text", q->text);
        s_(o, "q.short_text", q->short_text);
        s_(o, "q.help", q->help);
        s_(o, "q.source", q->source);
        for (int k = 0; q->options && k < q->n_options; k++) {
            const struct option *p = &q->options[k];
            s_(o, "option.text", p->text);
            s_(o, "option.source", p->source);
            sbuf_addf(o, "option actions=%d points=%d prov=%d line=%d\n", p->actions,
                      p->points_milli, (int)p->prov, p->line);
            dump_action(o, p->action, (int)p->action_prov, p->action_source);
            dump_guides(o, p->guides, p->n_guides);
        }
        dump_action(o, q->action, (int)q->action_prov, q->action_source);
        dump_guides(o, q->guides, q->n_guides);
        for (int l = 0; l <= BANK_MAX_LEVELS; l++)
            dump_rule(o, &q->rules[l]);
    }
    const struct bank_totals *t = &b->totals;
    sbuf_addf(o, "totals questions=%d areas=%d actions=%d points=%d area_actions %s\n",
              t->questions, t->areas, t->actions, t->points, t->area_actions ? "[" : "(null)");
    for (int i = 0; t->area_actions && i < b->n_areas; i++)
        sbuf_addf(o, "area_actions=%d\n", t->area_actions[i]);
    sbuf_addf(o, "n_benchmarks=%d benchmarks %s\n", b->n_benchmarks,
              b->benchmarks ? "[" : "(null)");
    for (int i = 0; b->benchmarks && i < b->n_benchmarks; i++) {
        const struct benchmark *m = &b->benchmarks[i];
        s_(o, "bm.id", m->id);
        s_(o, "bm.name", m->name);
        s_(o, "bm.group", m->group);
        s_(o, "bm.source", m->source);
        sbuf_addf(o, "bm level=%a actions=%d prov=%d line=%d area_levels %s\n", m->level,
                  m->actions, (int)m->prov, m->line, m->area_levels ? "[" : "(null)");
        for (int k = 0; m->area_levels && k < b->n_areas; k++)
            sbuf_addf(o, "area_level=%a\n", m->area_levels[k]);
        s_(o, "bm.note", m->note);
        sbuf_addf(o, "bm kind=%d year=%d below=%a\n", (int)m->kind, m->year, m->below);
        dump_doubles(o, "area_below", m->area_below, b->n_areas);
        dump_ints(o, "area_actions", m->area_actions, b->n_areas);
        dump_ints(o, "areas_at_least", m->areas_at_least, BANK_MAX_LEVELS + 1);
    }
    dump_published(o, b);
    sbuf_addf(o, "n_targets=%d targets %s\n", b->n_targets, b->targets ? "[" : "(null)");
    for (int i = 0; b->targets && i < b->n_targets; i++) {
        const struct target *g = &b->targets[i];
        s_(o, "target.id", g->id);
        s_(o, "target.name", g->name);
        s_(o, "target.source", g->source);
        s_(o, "target.note", g->note);
        sbuf_addf(o, "target level=%d prov=%d line=%d extra %s\n", g->level, (int)g->prov,
                  g->line, g->extra ? "[" : "(null)");
        for (int k = 0; g->extra && k < b->n_questions; k++)
            dump_rule(o, &g->extra[k]);
    }
    sbuf_addf(o, "n_files=%d files %s\n", b->n_files, b->files ? "[" : "(null)");
    for (int i = 0; b->files && i < b->n_files; i++)
        s_(o, "file", b->files[i]);
    sbuf_addf(o, "max_actions=%d max_points_milli=%ld\n", b->max_actions, b->max_points_milli);
}

static char *dump(const struct bank *b)
{
    struct sbuf o;
    sbuf_init(&o);
    dump_bank(&o, b);
    return sbuf_take(&o);
}

static char *fresh_dump(const char *dir)
{
    struct diags d;
    struct bank *b;
    diags_init(&d);
    assert_int_equal(bank_load(dir, 0, &b, &d), KL_OK);
    char *text = dump(b);
    bank_free(b);
    diags_free(&d);
    return text;
}

/* Loaded through the cache: once to write it, once from it (proved by reading it directly). */
static char *cached_dump(const char *dir, int *hit)
{
    struct diags d;
    struct bank *b;
    diags_init(&d);
    assert_int_equal(bank_load_cached(dir, &b, &d), KL_OK);
    assert_int_equal(d.n, 0);
    bank_free(b);
    assert_int_equal(bank_load_cached(dir, &b, &d), KL_OK);
    char *text = dump(b);
    bank_free(b);
    struct bank_files f;
    assert_int_equal(bank_files_read(dir, &f), 0);
    *hit = bank_cache_load(dir, &f, &b) == 0;
    char *direct = *hit ? dump(b) : NULL;
    if (*hit)
        assert_string_equal(direct, text);
    free(direct);
    bank_free(b);
    bank_files_free(&f);
    diags_free(&d);
    return text;
}

static void cache__every_bank__the_same_bank_as_a_fresh_parse(void **st)
{
    (void)st;
    static const char *const dirs[] = {
        "questions/infosakkollen-2023", "questions/it-sakkollen-2023", "tests/fixtures/good/mini",
        "tests/fixtures/good/miniscale", "tests/fixtures/report/rapport",
    };
    for (size_t i = 0; i < sizeof dirs / sizeof *dirs; i++) {
        char *want = fresh_dump(dirs[i]);
        int hit;
        char *got = cached_dump(dirs[i], &hit);
        if (!hit)
            fail_msg("%s: the second load did not come from the cache", dirs[i]);
        if (strcmp(want, got)) {
            /* show the first line that differs */
            size_t k = 0;
            while (want[k] == got[k])
                k++;
            while (k && want[k - 1] != '\n')
                k--;
            fail_msg("%s: through the cache differs at:\n  fresh:  %.120s\n  cached: %.120s",
                     dirs[i], want + k, got + k);
        }
        free(want);
        free(got);
    }
}

/* A copy of the mini bank to edit. */
static void copy_mini(char *dir, size_t n)
{
    snprintf(dir, n, "%s/mini", test_tmp);
    char cmd[700];
    snprintf(cmd, sizeof cmd, "cp -r tests/fixtures/good/mini '%s'", dir);
    assert_int_equal(system(cmd), 0);
}

static void replace_in(const char *path, const char *from, const char *to)
{
    char *text = test_read_file(path, NULL);
    assert_non_null(text);
    char *at = strstr(text, from);
    assert_non_null(at);
    struct sbuf b;
    sbuf_init(&b);
    sbuf_addn(&b, text, (size_t)(at - text));
    sbuf_add(&b, to);
    sbuf_add(&b, at + strlen(from));
    test_write_bytes(path, b.p, b.len);
    sbuf_free(&b);
    free(text);
}

static struct bank *load_cached(const char *dir)
{
    struct diags d;
    struct bank *b;
    diags_init(&d);
    assert_loaded(bank_load_cached(dir, &b, &d), &d);
    diags_free(&d);
    return b;
}

static void cache__edited_bank__seen_at_once(void **st)
{
    (void)st;
    char dir[300], path[400];
    copy_mini(dir, sizeof dir);
    bank_free(load_cached(dir));
    /* the same size, the same second: only the content differs */
    snprintf(path, sizeof path, "%s/questions.ini", dir);
    replace_in(path, "option.1 = Beslutad", "option.1 = Beslutat");
    struct bank *b = load_cached(dir);
    assert_string_equal(b->questions[0].options[0].text, "Beslutat");
    bank_free(b);
    /* a new file of questions */
    snprintf(path, sizeof path, "%s/questions-9.ini", dir);
    FILE *f = fopen(path, "w");
    fputs("[question.9]\narea = alfa\nsection = 1\ntype = multi\ntext = Ny\n"
          "provenance = reconstructed\npoints = 1\noption.1 = x\n",
          f);
    fclose(f);
    b = load_cached(dir);
    assert_int_equal(b->n_questions, 6);
    bank_free(b);
    /* and gone again */
    unlink(path);
    b = load_cached(dir);
    assert_int_equal(b->n_questions, 5);
    bank_free(b);
    /* a file of any name: seen as well (a future bank file is keyed without a change here) */
    snprintf(path, sizeof path, "%s/bank.ini", dir);
    replace_in(path, "name = Minibanken", "name = Minibanken 2");
    b = load_cached(dir);
    assert_string_equal(b->name, "Minibanken 2");
    bank_free(b);
    /* an edit that breaks the bank: the error, with its line, as without a cache */
    replace_in(path, "name = Minibanken 2", "name = \"quoted\"");
    struct diags d;
    diags_init(&d);
    assert_int_equal(bank_load_cached(dir, &b, &d), KL_EPARSE);
    assert_null(b);
    assert_diag(&d, 4, "quote");
    diags_free(&d);
}

static void cache_file(const char *dir, char *path, size_t n)
{
    assert_int_equal(bank_cache_path(dir, path, n, 0), 0);
}

/* Damage the cache in every way we can think of: flipped bytes anywhere (with the checksum
 * left as it was and with it made to match), cut short, grown, emptied. The bank loaded is
 * always the fresh one, and the cache is written again. */
static void cache__damaged__never_used(void **st)
{
    (void)st;
    char dir[300], path[600];
    copy_mini(dir, sizeof dir);
    char *want = fresh_dump(dir);
    bank_free(load_cached(dir));
    cache_file(dir, path, sizeof path);
    size_t len;
    char *good = test_read_file(path, &len);
    assert_non_null(good);
    struct bank_files files;
    assert_int_equal(bank_files_read(dir, &files), 0);
    int refused = 0, sealed_accepted = 0;
    for (size_t at = 0; at < len; at += 1 + at / 40) {
        for (int seal = 0; seal <= 1; seal++) {
            char *bad = malloc(len);
            memcpy(bad, good, len);
            bad[at] ^= (char)(0x01 << (at % 8));
            if (seal)
                bank_cache_seal(bad, len);
            struct bank *b = NULL;
            int rc = bank_cache_decode(bad, len, dir, &files, &b);
            if (rc == 0) {
                /* only a flip the checksum was made to cover can pass, and then must not crash
                 * anything that reads the bank */
                assert_true(seal);
                sealed_accepted++;
                char *got = dump(b);
                free(got);
            } else {
                refused++;
            }
            bank_free(b);
            if (!seal) {
                test_write_bytes(path, bad, len);
                struct bank *fresh = load_cached(dir);
                char *got = dump(fresh);
                assert_string_equal(got, want);
                free(got);
                bank_free(fresh);
                /* and the cache was written again, whole */
                size_t again_len;
                char *again = test_read_file(path, &again_len);
                assert_non_null(again);
                assert_int_equal(again_len, len);
                assert_memory_equal(again, good, len);
                free(again);
            }
            free(bad);
        }
    }
    assert_true(refused > 0);
    fprintf(stderr, "  %d damaged caches refused, %d flips covered by a new checksum read\n",
            refused, sealed_accepted);
    /* cut short, grown, empty */
    size_t cuts[] = {0, 1, 39, 40, len / 2, len - 1};
    for (size_t i = 0; i < sizeof cuts / sizeof *cuts; i++) {
        struct bank *b;
        assert_int_equal(bank_cache_decode(good, cuts[i], dir, &files, &b), -1);
        test_write_bytes(path, good, cuts[i]);
        struct bank *fresh = load_cached(dir);
        char *got = dump(fresh);
        assert_string_equal(got, want);
        free(got);
        bank_free(fresh);
    }
    char *longer = malloc(len + 1);
    memcpy(longer, good, len);
    longer[len] = 0;
    struct bank *b;
    assert_int_equal(bank_cache_decode(longer, len + 1, dir, &files, &b), -1);
    bank_cache_seal(longer, len + 1);
    assert_int_equal(bank_cache_decode(longer, len + 1, dir, &files, &b), -1);
    free(longer);
    /* a cache of the bank's files as they were: not the files as they are */
    files.v[0].hash ^= 1;
    assert_int_equal(bank_cache_decode(good, len, dir, &files, &b), -1);
    bank_files_free(&files);
    free(good);
    free(want);
}

/* Not ours alone: a cache folder others may write, a cache that is a symlink or a FIFO. */
static void cache__unsafe_places__never_used_nor_written(void **st)
{
    (void)st;
    char dir[300], path[600], folder[400];
    copy_mini(dir, sizeof dir);
    bank_free(load_cached(dir));
    cache_file(dir, path, sizeof path);
    snprintf(folder, sizeof folder, "%s/cache/kollen", test_tmp);
    struct stat st_;
    assert_int_equal(stat(folder, &st_), 0);
    assert_int_equal(st_.st_mode & 0777, 0700);
    assert_int_equal(stat(path, &st_), 0);
    assert_int_equal(st_.st_mode & 0777, 0600);
    struct bank_files files;
    assert_int_equal(bank_files_read(dir, &files), 0);
    struct bank *b;
    assert_int_equal(bank_cache_load(dir, &files, &b), 0);
    bank_free(b);
    chmod(folder, 0777);
    assert_int_equal(bank_cache_load(dir, &files, &b), -1);
    chmod(folder, 0700);
    char moved[700];
    snprintf(moved, sizeof moved, "%s.real", path);
    rename(path, moved);
    assert_int_equal(symlink(moved, path), 0);
    assert_int_equal(bank_cache_load(dir, &files, &b), -1);
    unlink(path);
    assert_int_equal(mkfifo(path, 0600), 0);
    alarm(20);
    assert_int_equal(bank_cache_load(dir, &files, &b), -1);
    alarm(0);
    bank_free(load_cached(dir)); /* the FIFO is replaced by a cache again (rename) */
    assert_int_equal(lstat(path, &st_), 0);
    assert_true(S_ISREG(st_.st_mode));
    bank_files_free(&files);
    /* no home, no XDG_CACHE_HOME: loads all the same */
    char *home = getenv("HOME") ? text_dup(getenv("HOME")) : NULL;
    unsetenv("HOME");
    unsetenv("XDG_CACHE_HOME");
    bank_free(load_cached(dir));
    if (home)
        setenv("HOME", home, 1);
    free(home);
}

/* A bank that loads with a warning is not cached: the warning comes every time. */
static void cache__bank_with_a_warning__warns_every_time(void **st)
{
    (void)st;
    char dir[300], path[400];
    copy_mini(dir, sizeof dir);
    snprintf(path, sizeof path, "%s/areas.ini", dir);
    size_t len;
    char *text = test_read_file(path, &len);
    assert_non_null(text);
    FILE *f = fopen(path, "wb");
    fputs("\xEF\xBB\xBF", f);
    fwrite(text, 1, len, f);
    fclose(f);
    free(text);
    for (int i = 0; i < 2; i++) {
        struct diags d;
        struct bank *b;
        diags_init(&d);
        assert_int_equal(bank_load_cached(dir, &b, &d), KL_OK);
        assert_int_equal(d.n, 1);
        assert_non_null(strstr(d.v[0].msg, "BOM"));
        bank_free(b);
        diags_free(&d);
    }
}

/* A cache whose checksum matches but whose bank breaks what kollen relies on (made by hand,
 * or found by fuzz_cache: option actions of 2^30 made the planner allocate 10 GB) is refused. */
static void cache__sealed_but_inconsistent__refused(void **st)
{
    (void)st;
    const char *dir = "tests/fixtures/report/rapport";
    struct bank_files files;
    assert_int_equal(bank_files_read(dir, &files), 0);
    for (int tamper = 0;; tamper++) {
        struct diags d;
        struct bank *b;
        diags_init(&d);
        assert_int_equal(bank_load(dir, 0, &b, &d), KL_OK);
        diags_free(&d);
        struct question *q = &b->questions[1];
        switch (tamper) {
        case 0: break; /* untouched: accepted */
        case 1: q->options[0].actions = 1 << 30; break;
        case 2: q->area = b->n_areas; break;
        case 3: q->file = b->n_files; break;
        case 4: q->rules[1].min_choice = q->n_options + 1; break;
        case 5: q->rules[1].need_mask = 1ULL << q->n_options; break;
        case 6: q->number = b->questions[0].number; break;
        case 7: q->section = b->n_levels + 1; break;
        case 8: q->type = (enum qtype)7; break;
        case 9: b->n_levels = BANK_MAX_LEVELS + 1; break;
        case 10: b->benchmarks[0].level = 0.0 / 0.0; break;
        case 11: b->benchmarks[0].area_levels[0] = b->n_levels + 1; break;
        case 12: b->targets[0].level = b->n_levels + 1; break;
        case 13: b->targets[0].extra[0].min_actions = -1; break;
        case 14: b->evidence_from = b->n_levels + 1; break;
        case 15: q->options[0].points_milli = -2; break;
        case 16: b->kind = (enum bank_kind)2; break;
        default: tamper = -1; break;
        }
        if (tamper < 0) {
            bank_free(b);
            break;
        }
        size_t len;
        char *data = bank_cache_encode(b, &files, &len);
        assert_non_null(data);
        struct bank *back = NULL;
        int rc = bank_cache_decode(data, len, dir, &files, &back);
        if (tamper == 0)
            assert_int_equal(rc, 0);
        else if (rc != -1)
            fail_msg("tampering %d was accepted", tamper);
        bank_free(back);
        bank_free(b);
        free(data);
    }
    bank_files_free(&files);
}

int main(void)
{
    msg_set_lang(LANG_EN);
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, test_tmp_teardown)
    const struct CMUnitTest tests[] = {
        T(cache__every_bank__the_same_bank_as_a_fresh_parse),
        T(cache__edited_bank__seen_at_once),
        T(cache__damaged__never_used),
        T(cache__unsafe_places__never_used_nor_written),
        T(cache__bank_with_a_warning__warns_every_time),
        cmocka_unit_test(cache__sealed_but_inconsistent__refused),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
