/* test_many_oom.c: the many-session modules (cohort, typsvar, partners, merge) with every
 * allocation failing in turn: each run returns KL_ENOMEM or succeeds with the right result,
 * and frees everything (valgrind and ASan check). malloc, calloc and realloc are wrapped at
 * link time, as in test_oom.c; the inputs are made before any allocation is made to fail. */
#include "many_fixture.h"
#include "test_oom_util.h"
#include "kollen/cohort.h"
#include "kollen/merge.h"
#include "kollen/partners.h"
#include "kollen/typsvar.h"

struct rows {
    struct bank *b;
    struct session *s[MANY_ROWS];
    struct score sc[MANY_ROWS];
};

static int setup(void **st)
{
    struct rows *r = calloc(1, sizeof *r);
    r->b = load_fixture_bank("mini");
    for (int i = 0; i < MANY_ROWS; i++) {
        r->s[i] = mk_session(r->b, many_rows[i].id, GROUP_KOMMUN, many_rows[i].spec);
        score_of(r->b, r->s[i], &r->sc[i]);
    }
    *st = r;
    return 0;
}

static int teardown(void **st)
{
    struct rows *r = *st;
    for (int i = 0; i < MANY_ROWS; i++) {
        score_free(&r->sc[i]);
        session_free(r->s[i]);
    }
    bank_free(r->b);
    free(r);
    return 0;
}

static void cohort__every_allocation_failing__enomem_or_success(void **st)
{
    struct rows *r = *st;
    long tries;
    struct cohort *c;
    struct cohort_summary s;
    struct rank_entry *e;
    int *ids, n, n_ids, rc;
    EVERY_FAILURE_POINT(
        tries,
        {
            memset(&s, 0, sizeof s);
            e = NULL;
            ids = NULL;
            c = cohort_new(r->b, 1);
            rc = c ? KL_OK : KL_ENOMEM;
            for (int i = 0; i < MANY_ROWS && !rc; i++)
                rc = cohort_add(c, &r->sc[i], i, many_rows[i].id);
            if (!rc)
                rc = cohort_summarise(c, &s);
            if (!rc)
                rc = cohort_rank(c, &e, &n);
            if (!rc)
                rc = cohort_best(c, 3, &ids, &n_ids);
        },
        {
            oom_expect(rc, failed, "the operation");
            if (rc == KL_OK) { /* comparing never allocates: the order is always right */
                assert_int_equal(s.n, 10);
                assert_int_equal(s.level_count[1], 5);
                assert_int_equal(n, 10);
                assert_string_equal(e[0].name, "E");
                assert_int_equal(e[7].key, RANK_TIE);
                assert_int_equal(ids[2], 3); /* the best 3: E F D */
            }
            cohort_summary_free(&s);
            free(e);
            free(ids);
            cohort_free(c);
        });
    assert_true(tries > 10);
}

static void typsvar__every_allocation_failing__enomem_or_success(void **st)
{
    struct rows *r = *st;
    long tries;
    struct typsvar *t;
    struct session *typ;
    struct benchmark bm;
    int rc;
    EVERY_FAILURE_POINT(
        tries,
        {
            typ = NULL;
            memset(&bm, 0, sizeof bm);
            t = typsvar_new(r->b);
            rc = t ? KL_OK : KL_ENOMEM;
            for (int i = 3; i < 6 && !rc; i++) /* D E F */
                rc = typsvar_add(t, r->s[i]);
            if (!rc)
                rc = typsvar_session_new(t, "Typ", GROUP_KOMMUN, "2026-01-01", 0, &typ);
            if (!rc)
                rc = typsvar_benchmark(t, "typ", "Typ", "kommun", BENCH_TYPSVAR, "k", &bm);
        },
        {
            oom_expect(rc, failed, "the operation");
            if (rc == KL_OK) {
                assert_int_equal(bm.actions, 7);
                assert_string_equal(typ->organisation, "Typ");
            }
            benchmark_clear(&bm);
            session_free(typ);
            typsvar_free(t);
        });
    assert_true(tries > 10);
}

static void partners__every_allocation_failing__enomem_or_success(void **st)
{
    struct rows *r = *st;
    long tries;
    struct partners p;
    int rc;
    EVERY_FAILURE_POINT(
        tries,
        {
            rc = partners_init(&p, r->b, r->s[2], &r->sc[2], 1);
            for (int i = 0; i < MANY_ROWS && !rc; i++)
                if (i != 2)
                    rc = partners_add(&p, r->b, r->s[i], i);
        },
        {
            oom_expect(rc, failed, "the operation");
            if (rc == KL_OK) {
                assert_int_equal(p.compared, 9);
                assert_int_equal(p.needs[0].have, 3); /* D E F */
                assert_int_equal(p.needs[0].ids[2], 5);
            }
            partners_free(&p);
        });
    assert_true(tries > 5);
}

static void merge__every_allocation_failing__enomem_or_success(void **st)
{
    struct rows *r = *st;
    struct session *a = mk_session(r->b, "K", GROUP_KOMMUN, "1=1,2d 2=3");
    struct session *g = mk_session(r->b, "K", GROUP_KOMMUN, "2=2 3=1d");
    assert_int_equal(session_add_participant(a, "Anna", "", NULL), KL_OK);
    assert_int_equal(session_add_participant(g, "Bo", "", NULL), KL_OK);
    int k;
    assert_int_equal(session_add_sitting(g, 100, &k, NULL), KL_OK);
    assert_int_equal(session_set_present(g, k, 0, 1, NULL), KL_OK);
    assert_int_equal(session_set_note(g, 1, "B", 1, NULL), KL_OK);
    assert_int_equal(session_add_evidence(g, 2, "E", 1, NULL), KL_OK);
    assert_int_equal(session_set_summary(g, "S", NULL), KL_OK);
    const struct session *in[] = {a, g};
    const char *labels[] = {"a", "b"};
    struct session *m;
    struct diags d;
    diags_init(&d);
    assert_int_equal(merge_sessions(r->b, in, labels, 2, 1, &m, &d), KL_OK);
    char *want = session_format(r->b, m);
    session_free(m);
    long tries;
    int rc;
    EVERY_FAILURE_POINT(tries, { rc = merge_sessions(r->b, in, labels, 2, 1, &m, &d); },
                        {
                            oom_expect(rc, failed, "the operation");
                            if (rc == KL_OK) {
                                char *got = session_format(r->b, m);
                                assert_string_equal(got, want);
                                free(got);
                            } else {
                                assert_null(m);
                            }
                            session_free(m);
                            diags_clear(&d);
                        });
    assert_true(tries > 20);
    diags_free(&d);
    free(want);
    session_free(a);
    session_free(g);
}

int main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(cohort__every_allocation_failing__enomem_or_success),
        T(typsvar__every_allocation_failing__enomem_or_success),
        T(partners__every_allocation_failing__enomem_or_success),
        T(merge__every_allocation_failing__enomem_or_success),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
