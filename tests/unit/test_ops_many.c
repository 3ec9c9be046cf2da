/* test_ops_many.c: the many-session use cases (kollen/ops_many.h, ops_summary.h,
 * ops_benchmark.h, ops_partners.h, ops_merge.h) and the store functions under them: the PATH
 * arguments as files, reading in file order whatever the threads, a run that stops, banks
 * loaded once, summaries and rankings of the hand-computed kommuner, a benchmark written,
 * read back and refused at and past its limits, partners and merge on files. */
#include <fcntl.h>

#include "many_fixture.h"
#include "test_ops_util.h"
#include "kollen/ops_benchmark.h"
#include "kollen/ops_merge.h"
#include "kollen/ops_msg.h"
#include "kollen/ops_partners.h"

#define KOMMUNER "tests/fixtures/many/kommuner"

static void copy(const char *from, const char *name)
{
    char *text = test_read_file(from, NULL);
    assert_non_null(text);
    test_write_in(test_tmp, name, text);
    free(text);
}

static const char *base(const char *path)
{
    const char *s = strrchr(path, '/');
    return s ? s + 1 : path;
}

static void inputs_of(const char *const *args, int n, struct ops_inputs *in)
{
    struct diags d;
    diags_init(&d);
    assert_int_equal(ops_inputs(args, n, "sessions", in, &d), KL_OK);
    diags_free(&d);
}

/* What a test reads: the sessions its PATH arguments name, the banks, its diagnostics. */
struct many {
    struct ops_inputs in;
    struct ops_banks *banks;
    struct diags d;
};

static void many_open(struct many *m, const char *const *args, int n)
{
    inputs_of(args, n, &m->in);
    m->banks = ops_banks_new(OPS_QDIR, NULL);
    diags_init(&m->d);
}

/* The ten hand-computed kommuner. */
static void many_open_kommuner(struct many *m)
{
    const char *args[] = {KOMMUNER};
    many_open(m, args, 1);
}

/* The sessions in the test's folder. */
static void many_open_folder(struct many *m)
{
    char *dir = test_tmp_path("");
    const char *args[] = {dir};
    many_open(m, args, 1);
    free(dir);
}

/* The test's folder holding a kommun of the mini bank and a session of the scale bank. */
static void many_open_two_banks(struct many *m)
{
    copy(KOMMUNER "/c.ini", "c.ini");
    free(ops_make_session("miniscale", "s.ini", "Skalkommunen"));
    many_open_folder(m);
}

static void many_close(struct many *m)
{
    diags_free(&m->d);
    ops_banks_free(m->banks);
    ops_inputs_free(&m->in);
}

/* --- the files --- */

static void inputs__folder__its_sessions_by_name_once_each(void **st)
{
    (void)st;
    test_write_in(test_tmp, "b.ini", "x");
    test_write_in(test_tmp, "a.ini", "x");
    test_write_in(test_tmp, ".dold.ini", "x");
    test_write_in(test_tmp, "anteckning.txt", "x");
    char *sub = test_tmp_path("under.ini");
    /* a folder named like a session: listed, refused later */
    assert_int_equal(mkdir(sub, 0700), 0);
    char *dir = test_tmp_path(""), *a = test_tmp_path("a.ini");
    const char *args[] = {a, dir, "saknas.ini"};
    struct ops_inputs in;
    inputs_of(args, 3, &in);
    assert_int_equal(in.n, 4); /* a (once), b, under.ini, then the missing one */
    assert_string_equal(base(in.paths[0]), "a.ini");
    assert_string_equal(base(in.paths[1]), "b.ini");
    assert_string_equal(base(in.paths[2]), "under.ini");
    assert_string_equal(in.paths[3], "sessions/saknas.ini");
    assert_int_equal(in.unreadable, 0);
    ops_inputs_free(&in);
    free(sub);
    free(dir);
    free(a);
}

struct seen {
    int n, order_ok, failed, other;
    int last;
    int stop_at;
};

static int see(void *ctx, struct ops_item *it)
{
    struct seen *s = ctx;
    if (it->index != s->last + 1)
        s->order_ok = 0;
    s->last = it->index;
    s->n++;
    s->failed += it->rc != KL_OK;
    s->other += it->other_bank;
    if (!it->rc && !it->other_bank) {
        assert_non_null(it->ses);
        assert_non_null(it->bank);
    }
    return s->stop_at >= 0 && s->n == s->stop_at ? KL_EDATA : KL_OK;
}

static void run__any_number_of_threads__in_file_order(void **st)
{
    (void)st;
    for (int i = 0; i < 60; i++) {
        char name[32], from[64];
        snprintf(name, sizeof name, "s%02d.ini", i);
        snprintf(from, sizeof from, KOMMUNER "/%c.ini", "abcdefghmn"[i % 10]);
        copy(from, name);
    }
    /* one that cannot be read, in the middle */
    test_write_in(test_tmp, "s30.ini", "[session]\nbroken\n");
    struct many m;
    many_open_folder(&m);
    assert_int_equal(m.in.n, 60);
    for (int threads = 1; threads <= 4; threads++) {
        struct ops_run r = {0};
        r.score = 1;
        r.threads = threads;
        struct seen s = {0, 1, 0, 0, -1, -1};
        assert_int_equal(ops_many_each(&m.in, m.banks, &r, see, &s), KL_OK);
        assert_int_equal(s.n, 60);
        assert_true(s.order_ok);
        assert_int_equal(s.failed, 1);
    }
    many_close(&m);
}

static void run__callback_stops__its_code_and_no_more_calls(void **st)
{
    (void)st;
    struct many m;
    many_open_kommuner(&m);
    for (int threads = 1; threads <= 3; threads += 2) {
        struct ops_run r = {0};
        r.threads = threads;
        struct seen s = {0, 1, 0, 0, -1, 4};
        assert_int_equal(ops_many_each(&m.in, m.banks, &r, see, &s), KL_EDATA);
        assert_int_equal(s.n, 4);
    }
    many_close(&m);
}

static void run__other_bank_and_mask__skipped_as_asked(void **st)
{
    (void)st;
    struct many m;
    many_open_two_banks(&m);
    assert_int_equal(m.in.n, 2);
    struct ops_run r = {0};
    r.bank_id = "mini";
    struct seen s = {0, 1, 0, 0, -1, -1};
    assert_int_equal(ops_many_each(&m.in, m.banks, &r, see, &s), KL_OK);
    assert_int_equal(s.n, 2);
    assert_int_equal(s.other, 1);
    unsigned char only[2] = {0, 1};
    r.bank_id = NULL;
    r.only = only;
    struct seen o = {0, 1, 0, 0, 0, -1};
    assert_int_equal(ops_many_each(&m.in, m.banks, &r, see, &o), KL_OK);
    assert_int_equal(o.n, 1);
    many_close(&m);
}

/* --- the store under it --- */

static void peek__bank_of_a_session__before_parsing(void **st)
{
    (void)st;
    const char *s1 = "; c\n[session]\nformat = 1\n  bank =  mini \n[answer.1]\nbank = x\n";
    char *id = session_peek_bank_id(s1, strlen(s1));
    assert_string_equal(id, "mini");
    free(id);
    const char *s2 = "[session]\nbank = it%2Dbank\n";
    id = session_peek_bank_id(s2, strlen(s2));
    assert_string_equal(id, "it-bank");
    free(id);
    const char *s3 = "[session]\nformat = 1\n[answer.1]\nbank = mini\n";
    assert_null(session_peek_bank_id(s3, strlen(s3)));
    const char *s4 = "[other]\nbank = mini\n";
    assert_null(session_peek_bank_id(s4, strlen(s4)));
}

static void read_file__a_fifo__refused_without_blocking(void **st)
{
    (void)st;
    char *p = test_tmp_path("fifo.ini");
    assert_int_equal(mkfifo(p, 0600), 0);
    char *buf;
    size_t n;
    struct diags d;
    diags_init(&d);
    assert_int_equal(store_read_file(p, &buf, &n, &d), KL_EIO);
    assert_diag(&d, 0, "ingen vanlig fil");
    assert_null(buf);
    diags_free(&d);
    free(p);
}

/* --- summary and rank --- */

static void summary__ten_kommuner__hand_computed_and_small_groups_hidden(void **st)
{
    (void)st;
    const char *args[] = {KOMMUNER, "tests/fixtures/many/regioner"};
    struct many m;
    many_open(&m, args, 2);
    struct ops_select sel = {NULL, -1, 2};
    struct ops_summary s;
    assert_int_equal(ops_summary(&m.in, m.banks, &sel, 5, 0, &s, &m.d), KL_OK);
    assert_int_equal(s.n, 2);
    assert_int_equal(s.v[0].group, GROUP_KOMMUN);
    assert_int_equal(s.v[0].n, 10);
    assert_true(s.v[0].shown);
    assert_int_equal(s.v[0].sum.level_count[1], 5);
    assert_near(s.v[0].sum.value, 1.275);
    assert_null(s.v[0].sum.spread[SPREAD_BEST].names);
    assert_int_equal(s.v[1].group, GROUP_REGION);
    assert_int_equal(s.v[1].n, 3);
    assert_false(s.v[1].shown); /* 3 < 5 */
    assert_int_equal(s.v[1].sum.n, 0);
    assert_int_equal(s.tally.files, 13);
    ops_summary_free(&s);
    sel.group = GROUP_REGION;
    assert_int_equal(ops_summary(&m.in, m.banks, &sel, 3, 1, &s, &m.d), KL_OK);
    assert_int_equal(s.n, 1);
    assert_true(s.v[0].shown); /* exactly min_group */
    assert_int_equal(s.tally.other_group, 10);
    ops_summary_free(&s);
    many_close(&m);
}

static void rank__ten_kommuner__ids_are_the_files(void **st)
{
    (void)st;
    struct many m;
    many_open_kommuner(&m);
    struct ops_select sel = {"mini", GROUP_KOMMUN, 0};
    struct ops_rank r;
    assert_int_equal(ops_rank(&m.in, m.banks, &sel, 1, &r, &m.d), KL_OK);
    assert_int_equal(r.n, 1);
    assert_int_equal(r.v[0].n, 10);
    const char *order = "efdmnhcgba"; /* the hand-computed places */
    for (int i = 0; i < 10; i++) {
        char want[16];
        snprintf(want, sizeof want, "%c.ini", order[i]);
        assert_string_equal(base(m.in.paths[r.v[0].v[i].id]), want);
        assert_int_equal(r.group[r.v[0].v[i].id], GROUP_KOMMUN);
    }
    assert_string_equal(r.v[0].v[0].name, "Kommun E");
    assert_int_equal(r.v[0].v[7].key, RANK_TIE);
    ops_rank_free(&r);
    many_close(&m);
}

/* --- benchmark --- */

static int build(struct many *m, const char *id, int best, int min_group, struct ops_bench *b)
{
    struct ops_select sel = {NULL, GROUP_KOMMUN, 0};
    struct ops_bench_spec spec = {id, "Typkommun (egna)", best, min_group, "2026-01-01", OPS_NOW};
    return ops_benchmark(&m->in, m->banks, &sel, &spec, b, &m->d);
}

static void benchmark__typ_and_best__as_computed_by_hand(void **st)
{
    (void)st;
    struct many m;
    many_open_kommuner(&m);
    struct ops_bench b;
    assert_int_equal(build(&m, "typ", 0, 5, &b), KL_OK);
    assert_int_equal(b.members, 10);
    assert_near(b.bm.level, 1.0);
    assert_int_equal(b.bm.actions, 2);
    assert_int_equal(b.bm.kind, BENCH_TYPSVAR);
    assert_string_equal(b.typ->organisation, "Typkommun (egna)");
    ops_bench_free(&b);
    assert_int_equal(build(&m, "basta-3", 3, 3, &b), KL_OK);
    assert_int_equal(b.members, 3);
    assert_int_equal(b.group_n, 10);
    assert_near(b.bm.level, 2.25); /* E F D: exactly F */
    assert_int_equal(b.bm.kind, BENCH_SUBSET);
    ops_bench_free(&b);
    /* the best 3 with min_group 4: the typ of three would show their answers */
    assert_int_equal(build(&m, "basta-3", 3, 4, &b), KL_EUSAGE);
    assert_diag(&m.d, 0, "bara 3 sessioner");
    many_close(&m);
}

static void benchmark__id_at_and_past_its_limit(void **st)
{
    (void)st;
    struct many m;
    many_open_kommuner(&m);
    char id[70];
    memset(id, 'a', 64);
    id[64] = '\0';
    struct ops_bench b;
    assert_int_equal(build(&m, id, 0, 1, &b), KL_OK);
    char *text = ops_bench_text(&b);
    assert_non_null(strstr(text, id));
    free(text);
    ops_bench_free(&b);
    strcat(id, "a"); /* 65 */
    assert_int_equal(build(&m, id, 0, 1, &b), KL_EUSAGE);
    assert_diag(&m.d, 0, "högst 64 tecken");
    diags_clear(&m.d);
    assert_int_equal(build(&m, "Stor", 0, 1, &b), KL_EUSAGE);
    many_close(&m);
}

static void benchmark__sessions_of_two_banks__refused_naming_both(void **st)
{
    (void)st;
    struct many m;
    many_open_two_banks(&m);
    struct ops_bench b;
    assert_int_equal(build(&m, "x", 0, 1, &b), KL_EUSAGE);
    assert_diag(&m.d, 0, "flera frågebanker (mini, miniscale)");
    many_close(&m);
}

static void benchmark__written_read_back_and_a_second_id_refused(void **st)
{
    (void)st;
    struct many m;
    many_open_kommuner(&m);
    struct ops_bench b;
    char *file = test_tmp_path("egna.ini");
    assert_int_equal(build(&m, "basta-3", 3, 3, &b), KL_OK);
    assert_int_equal(ops_bench_write(&b, file, &m.d), KL_OK);
    struct stat sb;
    assert_int_equal(stat(file, &sb), 0);
    assert_int_equal(sb.st_mode & 0777, 0600);
    char *before = test_read_file(file, NULL);
    assert_int_equal(ops_bench_write(&b, file, &m.d), KL_EUSAGE); /* the same id again */
    char *after = test_read_file(file, NULL);
    assert_string_equal(before, after);
    /* read back as --benchmarks reads it: the same values, cut to two decimals */
    struct bank *bank = load_fixture_bank("mini");
    assert_int_equal(bank_add_benchmarks(bank, file, &m.d), KL_OK);
    const struct benchmark *bm = bank_find_benchmark(bank, "basta-3");
    assert_non_null(bm);
    assert_near(bm->level, 2.25);
    assert_near(bm->area_levels[1], 2.5);
    assert_int_equal(bm->actions, 7);
    assert_int_equal(bm->kind, BENCH_SUBSET);
    assert_int_equal(bm->prov, PROV_RECONSTRUCTED);
    assert_int_equal(bm->areas_at_least[2], 2);
    /* the bank now has it: adding the file again is refused, the bank as it was */
    int n = bank->n_benchmarks;
    assert_int_equal(bank_add_benchmarks(bank, file, &m.d), KL_EDATA);
    assert_int_equal(bank->n_benchmarks, n);
    bank_free(bank);
    free(before);
    free(after);
    free(file);
    ops_bench_free(&b);
    many_close(&m);
}

static void benchmark_format__levels_cut__never_rounded_up_a_level(void **st)
{
    (void)st;
    struct bank *bank = load_fixture_bank("mini");
    double areas[2] = {2.999, -1};
    int acts[2] = {-1, -1};
    char id[] = "x", name[] = "Nästan 3; \"citat\"", group[] = "";
    struct benchmark m = {0};
    m.id = id;
    m.name = name;
    m.group = group;
    m.level = 2.999;
    m.actions = -1;
    m.area_levels = areas;
    m.area_actions = acts;
    for (int lv = 0; lv <= BANK_MAX_LEVELS; lv++)
        m.areas_at_least[lv] = -1;
    char *t = benchmark_format(bank, &m);
    assert_non_null(strstr(t, "level = 2.99\n"));
    assert_non_null(strstr(t, "area.alfa = 2.99\n"));
    assert_null(strstr(t, "area.beta"));
    assert_non_null(strstr(t, "name = Nästan 3%3B %22citat%22\n"));
    free(t);
    bank_free(bank);
}

static void add_benchmarks__published_id_or_other_section__refused_with_line(void **st)
{
    (void)st;
    struct bank *b = NULL;
    struct diags d;
    diags_init(&d);
    assert_int_equal(bank_load("tests/fixtures/report/rapport", 0, &b, &d), KL_OK);
    int n = b->n_benchmarks;
    char *p = test_tmp_path("egna.ini");
    test_write_file(p, "; egna\n[benchmark.kommun-typ]\nname = X\ngroup = kommun\n"
                       "provenance = reconstructed\n");
    assert_int_equal(bank_add_benchmarks(b, p, &d), KL_EDATA);
    assert_diag(&d, 2, "benchmarken kommun-typ finns redan (benchmarks.ini)");
    assert_int_equal(b->n_benchmarks, n);
    diags_clear(&d);
    test_write_file(p, "[spread.x]\nname = X\n");
    assert_int_equal(bank_add_benchmarks(b, p, &d), KL_EDATA);
    assert_diag(&d, 1, "bara [benchmark.ID]");
    diags_clear(&d);
    test_write_file(p, "[benchmark.y]\nname = Y\ngroup = kommun\nprovenance = reconstructed\n"
                       "levle = 2\n");
    assert_int_equal(bank_add_benchmarks(b, p, &d), KL_EDATA); /* a typo is not ignored */
    assert_diag(&d, 5, "okänd nyckel \"levle\"");
    assert_int_equal(b->n_benchmarks, n);
    free(p);
    diags_free(&d);
    bank_free(b);
}

/* --- partners and merge on files --- */

static void partners__session_in_its_own_folder__not_compared_with_itself(void **st)
{
    (void)st;
    struct many m;
    many_open_kommuner(&m);
    struct ops_partners p;
    assert_int_equal(ops_partners(&m.in, m.banks, KOMMUNER "/c.ini", 1, 2, &p, &m.d), KL_OK);
    assert_int_equal(p.p.compared, 9);
    assert_int_equal(p.p.skipped, 0);
    assert_int_equal(p.p.n_needs, 3);
    assert_int_equal(p.p.needs[0].have, 3);
    assert_non_null(strstr(p.names[p.p.needs[0].ids[0]], "Kommun D"));
    ops_partners_free(&p);
    assert_int_equal(ops_partners(&m.in, m.banks, "saknas.ini", 0, 2, &p, &m.d), KL_EIO);
    many_close(&m);
}

static void merge__files__saved_new_and_never_over_one(void **st)
{
    (void)st;
    struct ops_banks *banks = ops_banks_new(OPS_QDIR, NULL);
    const char *paths[] = {"tests/fixtures/many/breakout/grupp-a.ini",
                           "tests/fixtures/many/breakout/grupp-b.ini"};
    char *out = test_tmp_path("m.ini");
    struct ops_merged m;
    struct diags d;
    diags_init(&d);
    assert_int_equal(ops_merge(banks, paths, 2, out, OPS_NOW, &m, &d), KL_OK);
    assert_int_equal(m.sessions, 2);
    assert_int_equal(m.answered, 4);
    assert_int_equal(m.disputed, 1);
    struct bank *b;
    struct session *s = test_reload(out, &b);
    assert_string_equal(s->answers[1].dissent[0].who, "grupp-b");
    session_free(s);
    bank_free(b);
    assert_int_equal(ops_merge(banks, paths, 2, out, OPS_NOW, &m, &d), KL_EEXIST);
    free(out);
    diags_free(&d);
    ops_banks_free(banks);
}

int main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, test_tmp_setup, test_tmp_teardown)
    const struct CMUnitTest tests[] = {
        T(inputs__folder__its_sessions_by_name_once_each),
        T(run__any_number_of_threads__in_file_order),
        T(run__callback_stops__its_code_and_no_more_calls),
        T(run__other_bank_and_mask__skipped_as_asked),
        T(peek__bank_of_a_session__before_parsing),
        T(read_file__a_fifo__refused_without_blocking),
        T(summary__ten_kommuner__hand_computed_and_small_groups_hidden),
        T(rank__ten_kommuner__ids_are_the_files),
        T(benchmark__typ_and_best__as_computed_by_hand),
        T(benchmark__id_at_and_past_its_limit),
        T(benchmark__sessions_of_two_banks__refused_naming_both),
        T(benchmark__written_read_back_and_a_second_id_refused),
        T(benchmark_format__levels_cut__never_rounded_up_a_level),
        T(add_benchmarks__published_id_or_other_section__refused_with_line),
        T(partners__session_in_its_own_folder__not_compared_with_itself),
        T(merge__files__saved_new_and_never_over_one),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
