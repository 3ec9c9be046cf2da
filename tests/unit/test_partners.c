/* test_partners.c: for each question keeping a session from its next level, the other
 * organisations that have it in place (bank and rows: many_fixture.h). */
#include "many_fixture.h"
#include "kollen/partners.h"

struct fx {
    struct bank *b;
    struct session *self;
    struct score sc;
    struct partners p;
};

static int setup(void **st)
{
    struct fx *f = calloc(1, sizeof *f);
    f->b = load_fixture_bank("mini");
    *st = f;
    return 0;
}

static int teardown(void **st)
{
    struct fx *f = *st;
    partners_free(&f->p);
    score_free(&f->sc);
    session_free(f->self);
    bank_free(f->b);
    free(f);
    return 0;
}

static void start(struct fx *f, const char *org, const char *spec, int keep_ids)
{
    f->self = mk_session(f->b, org, GROUP_KOMMUN, spec);
    score_of(f->b, f->self, &f->sc);
    assert_int_equal(partners_init(&f->p, f->b, f->self, &f->sc, keep_ids), KL_OK);
}

static void other(struct fx *f, const char *org, const char *spec, int id)
{
    struct session *s = mk_session(f->b, org, GROUP_KOMMUN, spec);
    assert_int_equal(partners_add(&f->p, f->b, s, id), KL_OK);
    session_free(s);
}

static int qnum(const struct fx *f, int i)
{
    return f->b->questions[f->p.needs[i].question].number;
}

/* C (level 1, nothing documented) is kept from level 2 by Q1 (a second action, documented),
 * Q3 (option 1, documented) and Q2 (choice 3, documented), in area order (alfa: Q1 Q3; beta:
 * Q2). D, E and F meet all three; P (1=1,2d 2=2) meets Q1 only; A B H M N meet none; G is C's
 * own organisation and is skipped. */
static void partners__level_one_session__who_has_each_blocker(void **st)
{
    struct fx *f = *st;
    start(f, "C", many_rows[2].spec, 1);
    assert_int_equal(f->p.level, 2);
    assert_int_equal(f->p.n_needs, 3);
    for (int i = 0; i < MANY_ROWS; i++)
        if (i != 2)
            other(f, i == 6 ? "C" : many_rows[i].id, many_rows[i].spec, i);
    other(f, "P", "1=1,2d 2=2", 10);
    assert_int_equal(f->p.compared, 9);
    assert_int_equal(f->p.skipped, 1);
    assert_int_equal(qnum(f, 0), 1);
    assert_int_equal(qnum(f, 1), 3);
    assert_int_equal(qnum(f, 2), 2);
    const struct partner_need *q1 = &f->p.needs[0];
    assert_int_equal(q1->level, 2);
    assert_int_equal(q1->missing.need_actions, 2);
    assert_int_equal(q1->missing.have_actions, 1);
    assert_true(q1->missing.need_documented);
    assert_int_equal(q1->have, 4);
    int want[] = {3, 4, 5, 10}; /* D E F P */
    for (int i = 0; i < 4; i++)
        assert_int_equal(q1->ids[i], want[i]);
    assert_int_equal(f->p.needs[1].have, 3);
    assert_int_equal(f->p.needs[2].have, 3);
    assert_int_equal(f->p.needs[2].ids[2], 5);
}

static void partners__without_ids__counts_only(void **st)
{
    struct fx *f = *st;
    start(f, "C", many_rows[2].spec, 0);
    other(f, "E", "all", 4);
    other(f, "P", "1=1,2d 2=2", 10);
    assert_int_equal(f->p.needs[0].have, 2);
    assert_null(f->p.needs[0].ids);
    assert_int_equal(f->p.needs[1].have, 1);
    assert_null(f->p.needs[1].ids);
}

static void partners__top_level__nothing_to_find(void **st)
{
    struct fx *f = *st;
    start(f, "E", "all", 1);
    assert_int_equal(f->p.level, 0);
    assert_int_equal(f->p.n_needs, 0);
    other(f, "D", many_rows[3].spec, 3);
    assert_int_equal(f->p.compared, 1);
}

static void partners__other_bank__refused(void **st)
{
    struct fx *f = *st;
    start(f, "C", many_rows[2].spec, 1);
    struct bank *scale = load_fixture_bank("miniscale");
    struct session *s = session_new(scale, "X", GROUP_KOMMUN, "2026-01-01", 0);
    assert_int_equal(partners_add(&f->p, f->b, s, 0), KL_EUSAGE);
    assert_int_equal(f->p.compared, 0);
    session_free(s);
    bank_free(scale);
}

/* miniscale: krypto Q1 Q2 (2, 3), natverk Q3 (3): overall (2.5 + 3) / 2 = 2.75, level 2;
 * only Q1 is below 3. A partner rated Q1 3 or more. */
static void partners__scale_bank__rated_at_least_the_next_level(void **st)
{
    (void)st;
    struct bank *b = load_fixture_bank("miniscale");
    struct session *self = mk_session(b, "Jag", GROUP_MYNDIGHET, "1=2 2=3 3=3");
    struct score sc;
    score_of(b, self, &sc);
    struct partners p;
    assert_int_equal(partners_init(&p, b, self, &sc, 1), KL_OK);
    assert_int_equal(p.level, 3);
    assert_int_equal(p.n_needs, 1);
    const char *specs[] = {"1=3", "1=2 2=4", "", "1=4 2=1 3=1"};
    for (int i = 0; i < 4; i++) {
        struct session *s = mk_session(b, "Annan", GROUP_MYNDIGHET, specs[i]);
        assert_int_equal(partners_add(&p, b, s, i), KL_OK);
        session_free(s);
    }
    assert_int_equal(p.needs[0].have, 2);
    assert_int_equal(p.needs[0].ids[0], 0);
    assert_int_equal(p.needs[0].ids[1], 3);
    assert_false(partners_meets(b, &b->questions[0], &self->answers[0], 9));
    partners_free(&p);
    score_free(&sc);
    session_free(self);
    bank_free(b);
}

int main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(partners__level_one_session__who_has_each_blocker),
        T(partners__without_ids__counts_only),
        T(partners__top_level__nothing_to_find),
        T(partners__other_bank__refused),
        cmocka_unit_test(partners__scale_bank__rated_at_least_the_next_level),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
