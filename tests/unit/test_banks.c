/* test_banks.c: the bank format's published figures (benchmark kinds, spread series, level
 * shares, mean points, point bands), action texts and guides: what the loader reads, what
 * `kollen lint` refuses (each with the line it must report), which benchmark stands for a
 * group, and the top-level rule of a scale bank in scoring and plans. */
#include <sys/stat.h>
#include <unistd.h>

#include "testutil.h"
#include "kollen/msg.h"
#include "kollen/plan.h"
#include "kollen/score.h"
#include "kollen/text.h"

/* An actions bank: two levels, areas a (2 actions over question 1) and b (1 action). */
static const char *bank_ini = "[bank]\n"                       /* 1 */
                              "id = b\n"                       /* 2 */
                              "name = B\n"                     /* 3 */
                              "provenance = test\n"            /* 4 */
                              "guide.1 = Metodstöd\n"          /* 5 */
                              "guide.1.source = R L10\n"       /* 6 */
                              "guide.2 = Sidan\n"              /* 7 */
                              "guide.2.url = https://www.example.se/sida\n" /* 8 */
                              "guide.2.source = R L11\n"       /* 9 */
                              "[levels]\n1 = One\n2 = Two\n";
static const char *areas_ini = "[area.a]\nname = A\norder = 1\n[area.b]\nname = B\norder = 2\n";
static const char *questions_ini = "[question.1]\n"                    /* 1 */
                                   "area = a\n"                        /* 2 */
                                   "section = 1\n"                     /* 3 */
                                   "type = multi\n"                    /* 4 */
                                   "text = Q1\n"                       /* 5 */
                                   "provenance = reconstructed\n"      /* 6 */
                                   "points = 5\n"                      /* 7 */
                                   "guide.1 = Publikationen\n"         /* 8 */
                                   "guide.1.source = R L12\n"          /* 9 */
                                   "option.1 = x\n"                    /* 10 */
                                   "option.1.action = Gör x\n"         /* 11 */
                                   "option.2 = y\n"                    /* 12 */
                                   "option.2.action = Gör y\n"         /* 13 */
                                   "option.2.action.provenance = verbatim\n" /* 14 */
                                   "option.2.action.source = R L13\n"  /* 15 */
                                   "option.2.guide.1 = Vägledningen\n" /* 16 */
                                   "option.2.guide.1.source = R L14\n" /* 17 */
                                   "rule.1 = actions >= 1\n"           /* 18 */
                                   "rule.2 = all\n"                    /* 19 */
                                   "[question.2]\n"                    /* 20 */
                                   "area = b\n"                        /* 21 */
                                   "section = 1\n"                     /* 22 */
                                   "type = multi\n"                    /* 23 */
                                   "text = Q2\n"                       /* 24 */
                                   "provenance = reconstructed\n"      /* 25 */
                                   "points = 5\n"                      /* 26 */
                                   "option.1 = z\n"                    /* 27 */
                                   "option.1.action = Gör z\n"         /* 28 */
                                   "rule.1 = actions >= 1\n"           /* 29 */
                                   "rule.2 = all\n";                   /* 30 */

/* Load a bank folder of these files (NULL: the default; benchmarks NULL: none). */
static int load(const char *bank, const char *questions, const char *benchmarks, int strict,
                struct bank **b, struct diags *d)
{
    char dir[300];
    snprintf(dir, sizeof dir, "%s/b", test_tmp);
    mkdir(dir, 0700);
    test_write_in(dir, "bank.ini", bank ? bank : bank_ini);
    test_write_in(dir, "areas.ini", areas_ini);
    test_write_in(dir, "questions.ini", questions ? questions : questions_ini);
    test_write_in(dir, "benchmarks.ini", benchmarks);
    diags_init(d);
    *b = NULL;
    {
        FILE *lg = fopen("/tmp/dd/log_cur.txt", "a");
        fprintf(lg, "LOAD strict=%d bank=%s\nQ=%s\nB=%s\n---\n", strict, bank ? bank : "-", questions ? questions : "-", benchmarks ? benchmarks : "-");
        fclose(lg);
    }
    return bank_load(dir, strict, b, d);
}

/* Is there an error in file `file` at `line` whose text holds `needle`? Prints them all if not. */
static void assert_error(const struct diags *d, const char *file, int line, const char *needle)
{
    for (size_t i = 0; i < d->n; i++) {
        const struct diag *g = &d->v[i];
        const char *base = strrchr(g->file, '/');
        if (!g->is_warning && g->line == line && base && !strcmp(base + 1, file) &&
            strstr(g->msg, needle))
            return;
    }
    test_print_diags(d);
    fail_msg("expected an error %s:%d \"%s\"", file, line, needle);
}

/* One benchmarks.ini that lint must refuse with exactly one error at line, holding needle. */
static void lint_refuses(const char *benchmarks, int line, const char *needle)
{
    {
        FILE *lg = fopen("/tmp/dd/log_cur.txt", "a");
        fprintf(lg, "REFUSE %d %s\n", line, needle);
        fclose(lg);
    }
    struct bank *b;
    struct diags d;
    assert_int_equal(load(NULL, NULL, benchmarks, 1, &b, &d), KL_EDATA);
    assert_null(b);
    assert_error(&d, "benchmarks.ini", line, needle);
    if (diags_errors(&d) != 1) {
        test_print_diags(&d);
        fail_msg("expected one error, got %zu", diags_errors(&d));
    }
    diags_free(&d);
}

/* Each benchmarks.ini of r refused by lint as it says. */
static void lint_refuses_all(const struct refusal *r, size_t n)
{
    for (size_t i = 0; i < n; i++)
        lint_refuses(r[i].text, r[i].line, r[i].needle);
}

/* A benchmarks.ini that loads, with lint (strict) or without. */
static void lint_accepts(const char *benchmarks, int strict)
{
    struct bank *b;
    struct diags d;
    assert_loaded(load(NULL, NULL, benchmarks, strict, &b, &d), &d);
    bank_free(b);
    diags_free(&d);
}

/* --- what the loader reads --- */

static void load__action_texts_and_guides__read_with_their_provenance(void **st)
{
    (void)st;
    struct bank *b;
    struct diags d;
    assert_int_equal(load(NULL, NULL, NULL, 1, &b, &d), KL_OK);
    assert_int_equal(b->n_guides, 2);
    assert_string_equal(b->guides[0].title, "Metodstöd");
    assert_null(b->guides[0].url);
    assert_string_equal(b->guides[1].url, "https://www.example.se/sida");
    assert_string_equal(b->guides[1].source, "R L11");
    assert_int_equal(b->guides[1].line, 7);
    const struct question *q = &b->questions[0];
    assert_int_equal(q->n_guides, 1);
    assert_string_equal(q->guides[0].title, "Publikationen");
    assert_string_equal(q->options[0].action, "Gör x");
    assert_int_equal(q->options[0].action_prov, PROV_RECONSTRUCTED); /* the option's */
    assert_null(q->options[0].action_source);
    assert_string_equal(q->options[1].action, "Gör y");
    assert_int_equal(q->options[1].action_prov, PROV_VERBATIM);
    assert_string_equal(q->options[1].action_source, "R L13");
    assert_int_equal(q->options[1].n_guides, 1);
    assert_string_equal(q->options[1].guides[0].source, "R L14");
    assert_int_equal(q->options[1].guides[0].line, 16);
    bank_free(b);
    diags_free(&d);
}

static const char *bench_ok = "[benchmark.typ-2021]\n"         /* 1 */
                              "name = Typ 2021\n"              /* 2 */
                              "group = kommun\n"               /* 3 */
                              "kind = typsvar\n"               /* 4 */
                              "year = 2021\n"                  /* 5 */
                              "actions = 1\n"                  /* 6 */
                              "provenance = verbatim\n"        /* 7 */
                              "[benchmark.sv]\n"               /* 8 */
                              "name = Svagast\n"               /* 9 */
                              "group = kommun\n"               /* 10 */
                              "kind = spridning\n"             /* 11 */
                              "year = 2023\n"                  /* 12 */
                              "level = 0.1\n"                  /* 13 */
                              "area.a = 0\n"                   /* 14 */
                              "provenance = inferred\n"        /* 15 */
                              "[benchmark.typ]\n"              /* 16 */
                              "name = Typ 2023\n"              /* 17 */
                              "group = kommun\n"               /* 18 */
                              "kind = typsvar\n"               /* 19 */
                              "year = 2023\n"                  /* 20 */
                              "below = 1\n"                    /* 21 */
                              "actions = 2\n"                  /* 22 */
                              "actions.a = 2\n"                /* 23 */
                              "area.b.below = 1\n"             /* 24 */
                              "areas_at_least.1 = 1\n"         /* 25 */
                              "note = Under nivå 1\n"          /* 26 */
                              "provenance = verbatim\n"        /* 27 */
                              "[benchmark.bast]\n"             /* 28 */
                              "name = Bäst\n"                  /* 29 */
                              "group = kommun\n"               /* 30 */
                              "kind = spridning\n"             /* 31 */
                              "year = 2023\n"                  /* 32 */
                              "level = 1.5\n"                  /* 33 */
                              "area.a = 2\n"                   /* 34 */
                              "provenance = inferred\n"        /* 35 */
                              "[spread.kommun]\n"              /* 36 */
                              "name = Spridning\n"             /* 37 */
                              "group = kommun\n"               /* 38 */
                              "year = 2023\n"                  /* 39 */
                              "parts = sv, bast\n"             /* 40 */
                              "shares = 10, 90\n"              /* 41 */
                              "provenance = inferred\n"        /* 42 */
                              "[share.k]\n"                    /* 43 */
                              "name = K\n"                     /* 44 */
                              "group = kommun\n"               /* 45 */
                              "year = 2023\n"                  /* 46 */
                              "n = 153\n"                      /* 47 */
                              "none = 76.5\n"                  /* 48 */
                              "at_least.1 = 23.5\n"            /* 49 */
                              "at_least.2 = 7.8\n"             /* 50 */
                              "count.1 = 36\n"                 /* 51 */
                              "provenance = verbatim\n"        /* 52 */
                              "[share.r]\n"                    /* 53 */
                              "name = R\n"                     /* 54 */
                              "group = region\n"               /* 55 */
                              "year = 2023\n"                  /* 56 */
                              "n = 18\n"                       /* 57 */
                              "at_least.1 = 33.3\n"            /* 58 */
                              "at_least.2 = 11.1\n"            /* 59 */
                              "provenance = verbatim\n"        /* 60 */
                              "[share.alla]\n"                 /* 61 */
                              "name = Alla\n"                  /* 62 */
                              "group =\n"                      /* 63 */
                              "year = 2023\n"                  /* 64 */
                              "parts = k, r\n"                 /* 65 */
                              "at_least.1 = 24.6\n"            /* 66 */
                              "at_least.2 = 8.2\n"             /* 67 */
                              "count.1 = 42\n"                 /* 68 */
                              "provenance = verbatim\n"        /* 69 */
                              "[mean.m]\n"                     /* 70 */
                              "name = M\n"                     /* 71 */
                              "n.2023 = 80\n"                  /* 72 */
                              "points.2023 = 8.0\n"            /* 73 */
                              "points.2021 = 4.83\n"           /* 74 */
                              "n.2021 = 89\n"                  /* 75 */
                              "change = 65.6\n"                /* 76 */
                              "provenance = verbatim\n"        /* 77 */
                              "[points.p]\n"                   /* 78 */
                              "name = P\n"                     /* 79 */
                              "group = kommun\n"               /* 80 */
                              "year = 2023\n"                  /* 81 */
                              "share = k\n"                    /* 82 */
                              "band.1.below = 5\n"             /* 83 */
                              "band.1.count = 14\n"            /* 84 */
                              "band.1.no_level = 14\n"         /* 85 */
                              "band.2.above = 8\n"             /* 86 */
                              "band.2.count = 72\n"            /* 87 */
                              "band.2.no_level = 40\n"         /* 88 */
                              "provenance = verbatim\n";       /* 89 */

static void load__published_figures__every_new_key_read(void **st)
{
    (void)st;
    struct bank *b;
    struct diags d;
    assert_loaded(load(NULL, NULL, bench_ok, 1, &b, &d), &d);
    assert_int_equal(d.n, 0);
    assert_int_equal(b->n_benchmarks, 4);
    const struct benchmark *t = bank_find_benchmark(b, "typ");
    assert_int_equal(t->kind, BENCH_TYPSVAR);
    assert_int_equal(t->year, 2023);
    assert_true(t->level < 0);
    assert_true(t->below == 1.0);
    assert_int_equal(t->actions, 2);
    assert_int_equal(t->area_actions[0], 2);
    assert_int_equal(t->area_actions[1], -1);
    assert_true(t->area_below[1] == 1.0 && t->area_below[0] < 0);
    assert_int_equal(t->areas_at_least[1], 1);
    assert_int_equal(t->areas_at_least[2], -1);
    assert_string_equal(t->note, "Under nivå 1");
    assert_int_equal(bank_find_benchmark(b, "sv")->kind, BENCH_SPREAD);

    assert_int_equal(b->n_spreads, 1);
    const struct spread *x = bank_group_spread(b, "kommun");
    assert_non_null(x);
    assert_ptr_equal(x, bank_find_spread(b, "kommun"));
    assert_int_equal(x->n_parts, 2);
    assert_string_equal(b->benchmarks[x->parts[0]].id, "sv");
    assert_string_equal(b->benchmarks[x->parts[1]].id, "bast");
    assert_true(x->shares[0] == 10.0 && x->shares[1] == 90.0);
    assert_null(bank_group_spread(b, "region"));

    assert_int_equal(b->n_shares, 3);
    const struct level_share *k = bank_find_share(b, "k");
    assert_int_equal(k->n, 153);
    assert_true(k->none == 76.5 && k->at_least[1] == 23.5 && k->at_least[2] == 7.8);
    assert_int_equal(k->count[1], 36);
    assert_int_equal(k->count[2], -1);
    const struct level_share *all = bank_find_share(b, "alla");
    assert_string_equal(all->group, "");
    assert_int_equal(all->n, -1);
    assert_int_equal(all->n_parts, 2);
    assert_ptr_equal(&b->shares[all->parts[1]], bank_find_share(b, "r"));

    assert_int_equal(b->n_means, 1);
    const struct mean_points *m = &b->means[0];
    assert_int_equal(m->n_years, 2); /* in order, whatever the file's order */
    assert_int_equal(m->years[0], 2021);
    assert_true(m->points[0] == 4.83 && m->points[1] == 8.0);
    assert_int_equal(m->n[0], 89);
    assert_int_equal(m->n[1], 80);
    assert_false(m->same_cohort);
    assert_true(m->has_change && m->change == 65.6);

    assert_int_equal(b->n_point_dists, 1);
    const struct point_dist *p = &b->point_dists[0];
    assert_ptr_equal(&b->shares[p->share], k);
    assert_int_equal(p->n_bands, 2);
    assert_true(p->bands[0].above < 0 && p->bands[0].below == 5.0);
    assert_true(p->bands[1].above == 8.0 && p->bands[1].below < 0);
    assert_int_equal(p->bands[1].count, 72);
    assert_int_equal(p->bands[1].no_level, 40);
    bank_free(b);
    diags_free(&d);
}

/* --- which benchmark stands for a group --- */

static void group_benchmark__the_latest_typsvar__not_the_first_listed(void **st)
{
    (void)st;
    struct bank *b;
    struct diags d;
    assert_int_equal(load(NULL, NULL, bench_ok, 0, &b, &d), KL_OK);
    assert_string_equal(bank_group_benchmark(b, "kommun")->id, "typ"); /* not typ-2021, not sv */
    assert_null(bank_group_benchmark(b, "region"));
    bank_free(b);
    diags_free(&d);

    /* no typsvar: the first benchmark without a kind, never a spread group or the 30 best */
    const char *marked = "[benchmark.sv]\nname = S\ngroup = region\nkind = spridning\n"
                         "level = 0.4\nprovenance = inferred\n"
                         "[benchmark.b30]\nname = B\ngroup = region\nkind = basta-30\n"
                         "level = 2\nprovenance = verbatim\n"
                         "[benchmark.old]\nname = O\ngroup = region\nlevel = 1\n"
                         "provenance = verbatim\n"
                         "[benchmark.old2]\nname = O2\ngroup = region\nlevel = 1\n"
                         "provenance = verbatim\n";
    assert_int_equal(load(NULL, NULL, marked, 1, &b, &d), KL_OK);
    assert_string_equal(bank_group_benchmark(b, "region")->id, "old");
    bank_free(b);
    diags_free(&d);
    const char *spread_only = "[benchmark.sv]\nname = S\ngroup = region\nkind = spridning\n"
                              "level = 0.4\nprovenance = inferred\n";
    assert_int_equal(load(NULL, NULL, spread_only, 1, &b, &d), KL_OK);
    assert_null(bank_group_benchmark(b, "region"));
    bank_free(b);
    diags_free(&d);
}

/* --- what lint refuses, each at its line --- */

static void lint__benchmark_keys__bad_values_at_their_lines(void **st)
{
    (void)st;
    static const struct refusal bad[] = {
        {"[benchmark.x]\nname = X\nkind = typical\nprovenance = verbatim\n", 3,
         "typsvar, basta-30, urval, spridning"},
        {"[benchmark.x]\nname = X\nprovenance = verbatim\nactions.c = 1\n", 4,
         "unknown work area c"},
        {"[benchmark.x]\nname = X\nprovenance = verbatim\narea.c.below = 1\n", 4,
         "unknown work area c"},
        {"[benchmark.x]\nname = X\nprovenance = verbatim\nareas_at_least.3 = 1\n", 4,
         "out of range 1..2"},
        {"[benchmark.x]\nname = X\nprovenance = verbatim\nareas_at_least.1 = 3\n", 4, "0..2"},
        {"[benchmark.x]\nname = X\nprovenance = verbatim\nyear = 23\n", 4, "1900..2999"},
        {"[benchmark.x]\nname = X\nprovenance = verbatim\nbelow = 5\n", 4, "0..4"},
        {"[nonsense.x]\nname = X\n", 1, "unknown section [nonsense.x]"},
    };
    lint_refuses_all(bad, N_OF(bad));
}

static void lint__benchmark_figures__contradictions_at_their_lines(void **st)
{
    (void)st;
    static const struct refusal bad[] = {
        /* two typsvar for one group and year: the second's kind */
        {"[benchmark.a]\nname = A\ngroup = kommun\nkind = typsvar\nyear = 2023\n"
         "provenance = verbatim\n"
         "[benchmark.b]\nname = B\ngroup = kommun\nkind = typsvar\nyear = 2023\n"
         "provenance = verbatim\n",
         10, "both the typsvar of group \"kommun\" in 2023"},
        /* a level at or above what it is said to be below */
        {"[benchmark.x]\nname = X\nprovenance = verbatim\nlevel = 1\nbelow = 1\n", 5,
         "level = 1 is not below below = 1"},
        {"[benchmark.x]\nname = X\nprovenance = verbatim\narea.a = 1.5\narea.a.below = 1\n", 5,
         "area.a = 1.5 is not below area.a.below = 1"},
        /* more actions than the bank has in the area or at all; the areas' sum against the
         * total */
        {"[benchmark.x]\nname = X\nprovenance = verbatim\nactions.a = 3\n", 4,
         "actions.a = 3, but the bank has 2 actions there"},
        {"[benchmark.x]\nname = X\nprovenance = verbatim\nactions = 4\n", 4,
         "actions = 4, but the bank has 3 actions there"},
        {"[benchmark.x]\nname = X\nprovenance = verbatim\nactions = 3\nactions.a = 2\n"
         "actions.b = 0\n",
         4, "the actions per work area add up to 2, but actions = 3"},
        /* areas at a level against the area values and the levels above */
        {"[benchmark.x]\nname = X\nprovenance = verbatim\narea.a = 1.2\narea.b = 1\n"
         "areas_at_least.1 = 1\n",
         6, "2 work areas reach the level and 0 do not, of 2"},
        {"[benchmark.x]\nname = X\nprovenance = verbatim\narea.b.below = 1\n"
         "areas_at_least.1 = 2\n",
         5, "0 work areas reach the level and 1 do not, of 2"},
        {"[benchmark.x]\nname = X\nprovenance = verbatim\nareas_at_least.1 = 1\n"
         "areas_at_least.2 = 2\n",
         5, "areas_at_least.2 = 2 is larger than areas_at_least.1 = 1"},
    };
    lint_refuses_all(bad, N_OF(bad));
    /* the same typsvar in different years is the normal case */
    lint_accepts("[benchmark.a]\nname = A\ngroup = kommun\nkind = typsvar\nyear = 2021\n"
                 "provenance = verbatim\n[benchmark.b]\nname = B\ngroup = kommun\n"
                 "kind = typsvar\nyear = 2023\nprovenance = verbatim\n",
                 1);
}

/* Two parts of a spread series (lines 1-7 and 8-14), then the series' head (lines 15-18). */
#define TWO_PARTS                                                                                  \
    "[benchmark.sv]\nname = S\ngroup = kommun\nkind = spridning\nyear = 2023\nlevel = 0.1\n"       \
    "provenance = inferred\n"                                                                      \
    "[benchmark.mid]\nname = M\ngroup = kommun\nkind = spridning\nyear = 2023\nlevel = 0.5\n"      \
    "provenance = inferred\n"
#define SPREAD_HEAD "[spread.s]\nname = S\ngroup = kommun\nyear = 2023\n"

static void lint__spread_series__complete_ordered_and_adding_up(void **st)
{
    (void)st;
    static const struct refusal bad[] = {
        {TWO_PARTS SPREAD_HEAD "parts = sv, mid\nshares = 10, 80\nprovenance = inferred\n", 20,
         "shares add up to 90 %, not 100 %"},
        {TWO_PARTS SPREAD_HEAD "parts = sv, mid, best\nshares = 10, 80, 10\n"
                               "provenance = inferred\n",
         19, "parts: \"best\" does not exist"},
        {TWO_PARTS SPREAD_HEAD "parts = sv, mid\nshares = 10, 80, 10\nprovenance = inferred\n",
         20, "parts has 2 values but shares has 3"},
        {TWO_PARTS SPREAD_HEAD "parts = mid, sv\nshares = 20, 80\nprovenance = inferred\n", 19,
         "level: mid has 0.5, more than sv (0.1) which comes after it"},
        {TWO_PARTS SPREAD_HEAD "parts = sv,, mid\nshares = 20, 80\nprovenance = inferred\n", 19,
         "id, id ..."},
        {TWO_PARTS SPREAD_HEAD "shares = 20, 80\nprovenance = inferred\n", 15,
         "lacks the key \"parts\""},
    };
    lint_refuses_all(bad, N_OF(bad));
    /* a part of another group, of another kind, or in two series */
    struct bank *b;
    struct diags d;
    assert_int_equal(load(NULL, NULL,
                          TWO_PARTS "[benchmark.typ]\nname = T\ngroup = region\nkind = typsvar\n"
                                    "year = 2023\nprovenance = verbatim\n" SPREAD_HEAD
                                    "parts = sv, typ\nshares = 20, 80\nprovenance = inferred\n",
                          1, &b, &d),
                     KL_EDATA);
    assert_error(&d, "benchmarks.ini", 25, "[benchmark.typ] is not of kind spridning");
    assert_error(&d, "benchmarks.ini", 25,
                 "typ is for \"region\" 2023, the series for \"kommun\" 2023");
    assert_int_equal(diags_errors(&d), 2);
    diags_free(&d);
    assert_int_equal(load(NULL, NULL,
                          TWO_PARTS SPREAD_HEAD "parts = sv, mid\nshares = 20, 80\n"
                                                "provenance = inferred\n"
                                                "[spread.t]\nname = T\ngroup = kommun\n"
                                                "year = 2023\nparts = mid, sv\n"
                                                "shares = 50, 50\nprovenance = inferred\n",
                          1, &b, &d),
                     KL_EDATA);
    assert_error(&d, "benchmarks.ini", 26, "mid is already part of [spread.s]");
    diags_free(&d);
    /* without lint (strict off) the figures are not checked, only read */
    lint_accepts(TWO_PARTS SPREAD_HEAD "parts = sv, mid\nshares = 10, 80\nprovenance = inferred\n",
                 0);
}

/* A share of 153 kommuner (lines 1-5); two shares that are parts of a whole (lines 1-7, 8-14). */
#define SHARE_K "[share.k]\nname = K\ngroup = kommun\nyear = 2023\nn = 153\n"
#define SHARE_PARTS                                                                                \
    "[share.r]\nname = R\ngroup = region\nyear = 2023\nn = 18\ncount.1 = 6\n"                      \
    "provenance = verbatim\n"                                                                      \
    "[share.m]\nname = M\ngroup = myndighet\nyear = 2023\nn = 120\nat_least.1 = 39.2\n"            \
    "provenance = verbatim\n"
#define SHARE_WHOLE SHARE_PARTS "[share.a]\nname = A\ngroup =\nyear = 2023\n" /* 15-18 */

static void lint__level_shares__add_up_to_100_and_to_their_parts(void **st)
{
    (void)st;
    static const struct refusal bad[] = {
        {SHARE_K "none = 76.0\nat_least.1 = 23.5\nprovenance = verbatim\n", 6,
         "none + at_least.1 add up to 99.5 %, not 100 %"},
        {SHARE_K "at_least.1 = 23.5\ncount.1 = 37\nprovenance = verbatim\n", 7,
         "count.1 = 37 of 153 is 24.18 %, not at_least.1 = 23.5 %"},
        {SHARE_K "count.1 = 154\nprovenance = verbatim\n", 6,
         "count.1 = 154 is more than the 153 organisations"},
        {SHARE_K "at_least.1 = 23.5\nat_least.2 = 24.2\nprovenance = verbatim\n", 7,
         "at_least.2 = 24.2 is larger than at_least.1 = 23.5"},
        {SHARE_K "at_least.1 = 23.4\nprovenance = verbatim\n", 6,
         "at_least.1 = 23.4 % cannot be a share of 153 organisations"},
        {SHARE_K "at_least.1 = 101\nprovenance = verbatim\n", 6, "0..100"},
        {SHARE_K "at_least.5 = 1\nprovenance = verbatim\n", 6, "out of range 1..2"},
        /* the whole against its parts: n, counts and shares level by level */
        {SHARE_WHOLE "parts = r, m\nn = 140\nprovenance = verbatim\n", 20,
         "the parts' n add up to 138, not n = 140"},
        {SHARE_WHOLE "parts = r, m\ncount.1 = 54\nprovenance = verbatim\n", 19,
         "count.1 does not add up with its parts: the parts give 53-53"},
        {SHARE_WHOLE "parts = r, m\nat_least.1 = 39.9\nprovenance = verbatim\n", 19,
         "at_least.1 does not add up with its parts"},
        {SHARE_WHOLE "parts = r, x\nprovenance = verbatim\n", 19, "parts: \"x\" does not exist"},
    };
    lint_refuses_all(bad, N_OF(bad));
    /* what adds up passes, also with a share rounded by way of two decimals (8 of 291) */
    lint_accepts(SHARE_WHOLE "parts = r, m\ncount.1 = 53\nat_least.1 = 38.4\n"
                             "provenance = verbatim\n"
                             "[share.d]\nname = D\ngroup =\nyear = 2023\nn = 291\n"
                             "at_least.2 = 2.8\nprovenance = verbatim\n",
                 1);
}

static void lint__mean_points__change_follows_from_the_means(void **st)
{
    (void)st;
    static const struct refusal bad[] = {
        {"[mean.m]\nname = M\nn = 211\npoints.2021 = 7.78\npoints.2023 = 9.68\nchange = 30\n"
         "provenance = verbatim\n",
         6, "change = 30 %, but the means 7.78 and 9.68 give 23.0 to 25.9 %"},
        {"[mean.m]\nname = M\npoints.2023 = 9.7\nchange = 1\nprovenance = verbatim\n", 4,
         "change needs means for at least two rounds"},
        {"[mean.m]\nname = M\npoints.2023 = 10.5\nprovenance = verbatim\n", 3,
         "points.2023 = 10.5 is more than the bank's 10 points"},
        {"[mean.m]\nname = M\npoints.2023 = 9\nn.2021 = 80\nprovenance = verbatim\n", 4,
         "lacks the key \"points.2021\""},
        {"[mean.m]\nname = M\npoints.23 = 9\nprovenance = verbatim\n", 3, "points.23"},
        {"[mean.m]\nname = M\npoints.2023 = 9\nchange = +1\nprovenance = verbatim\n", 4,
         "24.4, -6.4"},
    };
    lint_refuses_all(bad, N_OF(bad));
    /* 9.65/7.85 .. 9.75/7.75 */
    lint_accepts("[mean.m]\nname = M\nn = 211\npoints.2021 = 7.8\npoints.2023 = 9.7\n"
                 "change = 24.4\nprovenance = verbatim\n",
                 1);
}

/* A share of 20 kommuner (lines 1-7) and the head of their point bands (lines 8-11). */
#define BANDS_HEAD                                                                                 \
    "[share.k]\nname = K\ngroup = kommun\nyear = 2023\nn = 20\nat_least.1 = 25\n"                  \
    "provenance = verbatim\n"                                                                      \
    "[points.p]\nname = P\ngroup = kommun\nyear = 2023\n"

static void lint__point_bands__within_the_bank_apart_and_adding_up(void **st)
{
    (void)st;
    static const struct refusal bad[] = {
        {BANDS_HEAD "share = k\nband.1.below = 5\nband.1.count = 15\nband.2.above = 8\n"
                    "band.2.count = 6\nprovenance = verbatim\n",
         8, "band.N.count add up to 21, more than n = 20"},
        {BANDS_HEAD "share = k\nband.1.above = 8\nband.1.count = 10\nband.1.no_level = 4\n"
                    "provenance = verbatim\n",
         12, "band.N.count - band.N.no_level add up to 6, more than count.1 = 5"},
        {BANDS_HEAD "band.1.above = 8\nband.1.count = 1\nband.1.no_level = 2\n"
                    "provenance = verbatim\n",
         14, "band.1.no_level = 2 is larger than band.1.count = 1"},
        {BANDS_HEAD "band.1.below = 6\nband.1.count = 1\nband.2.above = 5\nband.2.count = 1\n"
                    "provenance = verbatim\n",
         14, "band 1 and band 2 overlap"},
        {BANDS_HEAD "band.1.above = 6\nband.1.below = 4\nband.1.count = 1\n"
                    "provenance = verbatim\n",
         12, "band 1: the bounds must satisfy 0 <= above < below <= 10"},
        {BANDS_HEAD "band.1.above = 11\nband.1.count = 1\nprovenance = verbatim\n", 12,
         "band 1: the bounds"},
        {BANDS_HEAD "band.1.above = 1\nprovenance = verbatim\n", 8,
         "lacks the key \"band.1.count\""},
        {BANDS_HEAD "share = q\nprovenance = verbatim\n", 12, "share: \"q\" does not exist"},
        {BANDS_HEAD "share = k\nn = 21\nprovenance = verbatim\n", 13,
         "the parts' n add up to 20, not n = 21"},
    };
    lint_refuses_all(bad, N_OF(bad));
    /* bands that touch (under 5, over 5) do not overlap */
    lint_accepts(BANDS_HEAD "share = k\nband.1.below = 5\nband.1.count = 5\nband.1.no_level = 5\n"
                            "band.2.above = 5\nband.2.count = 9\nband.2.no_level = 4\n"
                            "provenance = verbatim\n",
                 1);
}

static void lint__actions_and_guides__present_and_well_formed(void **st)
{
    (void)st;
    struct bank *b;
    struct diags d;
    char q[4096];
    /* one option without its action text, when the bank has action texts: its line */
    snprintf(q, sizeof q, "%s", questions_ini);
    char *at = strstr(q, "option.1.action = Gör z\n");
    memmove(at, at + 24, strlen(at + 24) + 1);
    assert_int_equal(load(NULL, q, NULL, 1, &b, &d), KL_EDATA);
    assert_error(&d, "questions.ini", 27, "question 2, option 1 has no action text");
    assert_int_equal(diags_errors(&d), 1);
    diags_free(&d);
    assert_int_equal(load(NULL, q, NULL, 0, &b, &d), KL_OK); /* presence is lint's */
    bank_free(b);
    diags_free(&d);
    /* malformed: a small letter first, a full stop last */
    snprintf(q, sizeof q, "%s", questions_ini);
    memcpy(strstr(q, "Gör x"), "gör x", 5);
    assert_int_equal(load(NULL, q, NULL, 0, &b, &d), KL_EDATA);
    assert_error(&d, "questions.ini", 11, "a short imperative");
    diags_free(&d);
    snprintf(q, sizeof q, "%s", questions_ini);
    memcpy(strstr(q, "Gör y\n"), "Gör.\n\n", 7); /* the lines below move one down */
    assert_int_equal(load(NULL, q, NULL, 0, &b, &d), KL_EDATA);
    assert_error(&d, "questions.ini", 13, "a short imperative");
    diags_free(&d);
    /* an option that counts no action needs none */
    const char *single = "[question.1]\narea = a\nsection = 1\ntype = single\ntext = Q\n"
                         "provenance = reconstructed\npoints = 5\noption.1 = Ingen\n"
                         "option.2 = Någon\noption.2.action = Gör något\nrule.1 = choice >= 2\n"
                         "[question.2]\narea = b\nsection = 1\ntype = multi\ntext = Q2\n"
                         "provenance = reconstructed\npoints = 5\noption.1 = z\n"
                         "option.1.action = Gör z\nrule.1 = actions >= 1\nrule.2 = all\n";
    assert_int_equal(load(NULL, single, NULL, 1, &b, &d), KL_OK);
    bank_free(b);
    diags_free(&d);
    /* guides: a web address that is none, a missing source, a url without its guide */
    char bi[1024];
    snprintf(bi, sizeof bi, "%s", bank_ini);
    memcpy(strstr(bi, "https://www"), "htps:/", 6);
    assert_int_equal(load(bi, NULL, NULL, 0, &b, &d), KL_EDATA);
    assert_error(&d, "bank.ini", 8, "https:// or http://");
    diags_free(&d);
    snprintf(bi, sizeof bi, "%s", bank_ini);
    memcpy(strstr(bi, "www.example.se/sida"), "www.example.se/s a", 18);
    assert_int_equal(load(bi, NULL, NULL, 0, &b, &d), KL_EDATA);
    assert_error(&d, "bank.ini", 8, "without spaces");
    diags_free(&d);
    snprintf(q, sizeof q, "%s", questions_ini);
    at = strstr(q, "option.2.guide.1.source = R L14\n");
    memmove(at, at + 32, strlen(at + 32) + 1);
    assert_int_equal(load(NULL, q, NULL, 0, &b, &d), KL_EDATA);
    assert_error(&d, "questions.ini", 16, "lacks the key \"option.2.guide.1.source\"");
    diags_free(&d);
    snprintf(q, sizeof q, "%s", questions_ini);
    memcpy(strstr(q, "guide.1 = Publikationen"), "guide.2 = Publikationen", 23);
    memcpy(strstr(q, "guide.1.source = R L12"), "guide.2.source = R L12", 22);
    assert_int_equal(load(NULL, q, NULL, 0, &b, &d), KL_EDATA); /* guide.1 is missing */
    assert_error(&d, "questions.ini", 1, "lacks the key \"guide.1\"");
    diags_free(&d);
    /* keys the format does not know */
    snprintf(q, sizeof q, "%s", questions_ini);
    memcpy(strstr(q, "option.2.action.source"), "option.2.action.sourse", 22);
    assert_int_equal(load(NULL, q, NULL, 1, &b, &d), KL_EDATA);
    assert_error(&d, "questions.ini", 15, "unknown key \"option.2.action.sourse\"");
    diags_free(&d);
}

/* --- the top level of a scale bank: every statement at a step, not a perfect mean --- */

static const char *scale_bank = "[bank]\nid = b\nname = S\nkind = scale\nprovenance = test\n"
                                "[levels]\n1 = Inget\n2 = Bristfälligt\n3 = Visst\n4 = Gott\n"
                                "[scale]\n1 = inte\n2 = knappt\n3 = väl\n4 = helt\n"
                                "top_level_step = 3\n"; /* line 16 */
static const char *scale_questions =
    "[question.1]\narea = a\nsection = 1\ntext = S1\nprovenance = reconstructed\naction = Gör 1\n"
    "[question.2]\narea = a\nsection = 1\ntext = S2\nprovenance = reconstructed\naction = Gör 2\n"
    "[question.3]\narea = b\nsection = 1\ntext = S3\nprovenance = reconstructed\naction = Gör 3\n"
    "[question.4]\narea = b\nsection = 1\ntext = S4\nprovenance = reconstructed\naction = Gör 4\n"
    "[question.5]\narea = b\nsection = 1\ntext = S5\nprovenance = reconstructed\nscored = no\n"
    "action = Kartlägg 5\n"; /* question 5 starts on line 25 */

static struct bank *scale_bank_load(void)
{
    struct bank *b;
    struct diags d;
    assert_loaded(load(scale_bank, scale_questions, NULL, 1, &b, &d), &d);
    diags_free(&d);
    assert_int_equal(b->scale_top_step, 3);
    return b;
}

static void answer_scale(const struct bank *b, struct session *s, const int *choice)
{
    for (int i = 0; i < 4; i++) {
        s->answers[i].answered = choice[i] > 0;
        s->answers[i].choice = choice[i];
    }
    (void)b;
}

static void scale__every_statement_at_the_step__top_level_without_a_perfect_mean(void **st)
{
    (void)st;
    struct bank *b = scale_bank_load();
    struct session *s = session_new(b, "X", GROUP_KOMMUN, "2026-01-01", 0);
    assert_non_null(s);
    struct score sc;
    answer_scale(b, s, (int[]){3, 3, 3, 3});
    assert_int_equal(score_compute(b, s, &sc), KL_OK);
    assert_int_equal(sc.level, 4);
    assert_true(sc.value == 3.0);
    assert_true(sc.progress == 1.0);
    assert_int_equal(sc.n_blockers, 0);
    assert_int_equal(sc.areas[0].level, 4);
    assert_int_equal(sc.areas[1].level, 4);
    score_free(&sc);

    /* one statement below the step: the mean decides (2,75 is level 2), and it alone blocks */
    answer_scale(b, s, (int[]){3, 3, 3, 2});
    assert_int_equal(score_compute(b, s, &sc), KL_OK);
    assert_int_equal(sc.level, 2);
    assert_true(sc.value == 2.75);
    assert_int_equal(sc.areas[0].level, 4);
    assert_int_equal(sc.areas[1].level, 2);
    assert_int_equal(sc.n_blockers, 1);
    assert_int_equal(b->questions[sc.blockers[0].question].number, 4);
    assert_int_equal(sc.blockers[0].level, 3);
    score_free(&sc);
    answer_scale(b, s, (int[]){4, 4, 4, 2});
    assert_int_equal(score_compute(b, s, &sc), KL_OK);
    assert_int_equal(sc.level, 3); /* mean 3,5 */
    assert_int_equal(sc.n_blockers, 1);
    assert_int_equal(b->questions[sc.blockers[0].question].number, 4);
    assert_int_equal(sc.blockers[0].level, 4);
    assert_int_equal(sc.blockers[0].missing.need_choice, 3);
    assert_int_equal(sc.blockers[0].missing.have_choice, 2);
    score_free(&sc);

    /* no level while a statement is unanswered (issue 11): the mean of three is no level;
     * progress is the share answered, and the unanswered statement is what blocks */
    answer_scale(b, s, (int[]){4, 4, 4, 0});
    assert_int_equal(score_compute(b, s, &sc), KL_OK);
    assert_true(sc.value == 4.0);
    assert_int_equal(sc.level, 0);
    assert_int_equal(sc.pending, 1);
    assert_true(sc.progress == 0.75);
    assert_int_equal(sc.areas[0].level, 4);
    assert_int_equal(sc.areas[1].level, 0);
    assert_int_equal(sc.areas[1].pending, 1);
    assert_int_equal(sc.n_blockers, 1);
    assert_true(sc.blockers[0].missing.unanswered);
    score_free(&sc);

    /* the plan to the top raises only what is below the step, only to the step */
    answer_scale(b, s, (int[]){4, 2, 3, 0});
    struct plan p;
    struct plan_spec spec = {PLAN_LEVEL, 4, ""};
    struct diags d;
    diags_init(&d);
    assert_int_equal(plan_compute(b, s, &spec, &p, &d), KL_OK);
    assert_int_equal(p.n_items, 2);
    assert_int_equal(b->questions[p.items[0].question].number, 2);
    assert_int_equal(p.items[0].choice, 3);
    assert_int_equal(b->questions[p.items[1].question].number, 4);
    assert_int_equal(p.items[1].choice, 3);
    assert_int_equal(p.level_after, 4);
    plan_free(&p);
    diags_free(&d);
    session_free(s);
    bank_free(b);
}

static void scale__top_level_step__range_and_statement_actions_checked(void **st)
{
    (void)st;
    struct bank *b;
    struct diags d;
    char bi[1024];
    snprintf(bi, sizeof bi, "%s", scale_bank);
    memcpy(strstr(bi, "top_level_step = 3"), "top_level_step = 2", 18);
    assert_int_equal(load(bi, scale_questions, NULL, 0, &b, &d), KL_EDATA);
    assert_error(&d, "bank.ini", 16, "3..4");
    diags_free(&d);
    snprintf(bi, sizeof bi, "%s", scale_bank);
    memcpy(strstr(bi, "top_level_step"), "top_level_stop", 14);
    assert_int_equal(load(bi, scale_questions, NULL, 1, &b, &d), KL_EDATA);
    assert_error(&d, "bank.ini", 16, "unknown key \"top_level_stop\"");
    diags_free(&d);
    /* a statement without its action, once the bank has them (an unscored one too) */
    char q[2048];
    snprintf(q, sizeof q, "%s", scale_questions);
    char *at = strstr(q, "action = Kartlägg 5\n");
    *at = '\0';
    assert_int_equal(load(scale_bank, q, NULL, 1, &b, &d), KL_EDATA);
    assert_error(&d, "questions.ini", 25, "question 5 has no action text");
    assert_int_equal(diags_errors(&d), 1);
    diags_free(&d);
}

/* --- at and past every limit --- */

static void limits__action_text_guides_years_parts_bands__at_and_one_past(void **st)
{
    (void)st;
    struct bank *b;
    struct diags d;
    struct sbuf t;
    sbuf_init(&t);
    /* an action text of 120 columns (ASCII, and with two-byte letters), and one of 121 */
    for (int cols = 120; cols <= 121; cols++) {
        for (int wide = 0; wide <= 1; wide++) {
            sbuf_reset(&t);
            sbuf_add(&t, "[question.1]\narea = a\nsection = 1\ntype = multi\ntext = Q\n"
                         "provenance = reconstructed\npoints = 5\noption.1 = x\n"
                         "option.1.action = G");
            for (int i = 1; i < cols; i++)
                sbuf_add(&t, wide ? "ö" : "x");
            sbuf_add(&t, "\nrule.1 = actions >= 1\nrule.2 = all\n[question.2]\narea = b\n"
                         "section = 1\ntype = multi\ntext = Q2\nprovenance = reconstructed\n"
                         "points = 5\noption.1 = z\noption.1.action = Gör z\n"
                         "rule.1 = actions >= 1\nrule.2 = all\n");
            int rc = load(NULL, t.p, NULL, 1, &b, &d);
            if (cols == 120) {
                assert_int_equal(rc, KL_OK);
                assert_int_equal(text_width(b->questions[0].options[0].action), 120);
                bank_free(b);
            } else {
                assert_int_equal(rc, KL_EDATA);
                assert_error(&d, "questions.ini", 9, "at most 120 characters");
            }
            diags_free(&d);
        }
    }
    /* 100 guides on the bank, then a 101st */
    for (int n = 100; n <= 101; n++) {
        sbuf_reset(&t);
        sbuf_add(&t, "[bank]\nid = b\nname = B\nprovenance = test\n");
        for (int i = 1; i <= n; i++)
            sbuf_addf(&t, "guide.%d = G%d\nguide.%d.source = R L%d\n", i, i, i, i);
        sbuf_add(&t, "[levels]\n1 = One\n2 = Two\n");
        int rc = load(t.p, NULL, NULL, 1, &b, &d);
        if (n == 100) {
            assert_int_equal(rc, KL_OK);
            assert_int_equal(b->n_guides, 100);
            assert_string_equal(b->guides[99].source, "R L100");
            bank_free(b);
        } else {
            assert_int_equal(rc, KL_EDATA);
            assert_error(&d, "bank.ini", 4 + 2 * 100 + 1, "at most 100");
        }
        diags_free(&d);
    }
    /* 8 rounds of mean points, then a 9th */
    for (int n = 8; n <= 9; n++) {
        sbuf_reset(&t);
        sbuf_add(&t, "[mean.m]\nname = M\nprovenance = verbatim\n");
        for (int i = 0; i < n; i++)
            sbuf_addf(&t, "points.%d = %d\n", 2030 - 2 * i, i + 1);
        int rc = load(NULL, NULL, t.p, 1, &b, &d);
        if (n == 8) {
            assert_int_equal(rc, KL_OK);
            assert_int_equal(b->means[0].n_years, 8);
            assert_int_equal(b->means[0].years[0], 2016);
            assert_int_equal(b->means[0].years[7], 2030);
            assert_true(b->means[0].points[0] == 8.0);
            bank_free(b);
        } else {
            assert_int_equal(rc, KL_EDATA);
            assert_error(&d, "benchmarks.ini", 3 + 9, "at most 8");
        }
        diags_free(&d);
    }
    /* a spread series of 64 parts, then 65 */
    for (int n = 64; n <= 65; n++) {
        sbuf_reset(&t);
        for (int i = 1; i <= n; i++)
            sbuf_addf(&t, "[benchmark.p%d]\nname = P\ngroup = kommun\nkind = spridning\n"
                          "level = %d.%03d\nprovenance = inferred\n",
                      i, i / 32, i % 32);
        sbuf_add(&t, "[spread.s]\nname = S\ngroup = kommun\nprovenance = inferred\nparts = ");
        for (int i = 1; i <= n; i++)
            sbuf_addf(&t, i > 1 ? ", p%d" : "p%d", i);
        sbuf_add(&t, "\nshares = ");
        for (int i = 1; i < n; i++)
            sbuf_add(&t, "1.5, ");
        sbuf_addf(&t, "%s\n", n == 64 ? "5.5" : "4");
        int rc = load(NULL, NULL, t.p, 1, &b, &d);
        if (n == 64) {
            assert_loaded(rc, &d);
            assert_int_equal(b->spreads[0].n_parts, 64);
            assert_string_equal(b->benchmarks[b->spreads[0].parts[63]].id, "p64");
            bank_free(b);
        } else {
            assert_int_equal(rc, KL_EDATA);
            assert_error(&d, "benchmarks.ini", 6 * 65 + 5, "id, id ...");
        }
        diags_free(&d);
    }
    /* 100 point bands, then band 101 */
    for (int n = 100; n <= 101; n++) {
        sbuf_reset(&t);
        sbuf_add(&t, "[points.p]\nname = P\nn = 1000\nprovenance = verbatim\n");
        for (int i = 1; i <= n; i++)
            sbuf_addf(&t, "band.%d.above = %d.%d\nband.%d.below = %d.%d5\nband.%d.count = 1\n", i,
                      (i - 1) / 10, (i - 1) % 10, i, (i - 1) / 10, (i - 1) % 10, i);
        int rc = load(NULL, NULL, t.p, 1, &b, &d);
        if (n == 100) {
            assert_loaded(rc, &d);
            assert_int_equal(b->point_dists[0].n_bands, 100);
            assert_true(b->point_dists[0].bands[99].above == 9.9);
            bank_free(b);
        } else {
            assert_int_equal(rc, KL_EDATA);
            assert_error(&d, "benchmarks.ini", 4 + 3 * 100 + 1, "at most 100");
        }
        diags_free(&d);
    }
    sbuf_free(&t);
}

int main(void)
{
    msg_set_lang(LANG_EN);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(load__action_texts_and_guides__read_with_their_provenance),
        cmocka_unit_test(load__published_figures__every_new_key_read),
        cmocka_unit_test(group_benchmark__the_latest_typsvar__not_the_first_listed),
        cmocka_unit_test(lint__benchmark_keys__bad_values_at_their_lines),
        cmocka_unit_test(lint__benchmark_figures__contradictions_at_their_lines),
        cmocka_unit_test(lint__spread_series__complete_ordered_and_adding_up),
        cmocka_unit_test(lint__level_shares__add_up_to_100_and_to_their_parts),
        cmocka_unit_test(lint__mean_points__change_follows_from_the_means),
        cmocka_unit_test(lint__point_bands__within_the_bank_apart_and_adding_up),
        cmocka_unit_test(lint__actions_and_guides__present_and_well_formed),
        cmocka_unit_test(scale__every_statement_at_the_step__top_level_without_a_perfect_mean),
        cmocka_unit_test(scale__top_level_step__range_and_statement_actions_checked),
        cmocka_unit_test(limits__action_text_guides_years_parts_bands__at_and_one_past),
    };
    return cmocka_run_group_tests(tests, test_tmp_setup, test_tmp_teardown);
}
