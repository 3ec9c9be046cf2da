/* test_merge.c: two breakout groups' sessions of one workshop made into one: answers from the
 * group that answered, a conflict kept as dissent, notes, evidence, participants and sittings
 * united, refusals naming both sessions, limits, and a merged file that loads again. */
#include "many_fixture.h"
#include "kollen/merge.h"
#include "kollen/msg.h"
#include "kollen/text.h"

#define T1 1767250800 /* 2026-01-01T07:00:00Z */

struct fx {
    struct bank *b;
    struct session *a, *g; /* breakout groups A and B */
    struct session *m;
    struct diags d;
};

static int qi_of(const struct fx *f, int number)
{
    return bank_find_question(f->b, number);
}

/* Group A: Anna and Bo, the plenary sitting; Q1 1,2 documented with evidence and a note, Q2
 * choice 3 marked agreed. Group B: Bo and Cecilia, an earlier sitting of its own and the
 * plenary; Q2 choice 2 with a note, Q3 option 1 documented, Q4 1,2. */
static int setup(void **st)
{
    struct fx *f = calloc(1, sizeof *f);
    f->b = load_fixture_bank("mini");
    diags_init(&f->d);
    f->a = mk_session(f->b, "Exempel kommun", GROUP_KOMMUN, "1=1,2d 2=3");
    f->g = mk_session(f->b, "Exempel kommun", GROUP_KOMMUN, "2=2 3=1d 4=1,2");
    struct session *a = f->a, *g = f->g;
    assert_int_equal(session_set_text(&a->facilitator, "Fia", SESSION_FIELD_MAX, NULL), KL_OK);
    assert_int_equal(session_set_text(&g->facilitator, "Göran", SESSION_FIELD_MAX, NULL), KL_OK);
    assert_int_equal(session_set_date_field(&g->date, "2025-12-15", 1, NULL), KL_OK);
    assert_int_equal(session_add_participant(a, "Anna", "Säkerhetschef", NULL), KL_OK);
    assert_int_equal(session_add_participant(a, "Bo", "IT-chef", NULL), KL_OK);
    assert_int_equal(session_add_participant(g, "Bo", "IT-chef", NULL), KL_OK);
    assert_int_equal(session_add_participant(g, "Cecilia", "HR", NULL), KL_OK);
    int k;
    assert_int_equal(session_add_sitting(a, T1, &k, NULL), KL_OK);
    assert_int_equal(session_end_sitting(a, k, T1 + 3600), KL_OK);
    assert_int_equal(session_set_present(a, k, 0, 1, NULL), KL_OK);
    assert_int_equal(session_set_present(a, k, 1, 1, NULL), KL_OK);
    assert_int_equal(session_add_sitting(g, T1, &k, NULL), KL_OK);
    assert_int_equal(session_end_sitting(g, k, T1 + 3600), KL_OK);
    assert_int_equal(session_set_present(g, k, 1, 1, NULL), KL_OK); /* Cecilia */
    assert_int_equal(session_add_sitting(g, T1 - 86400, &k, NULL), KL_OK);
    assert_int_equal(session_set_present(g, k, 0, 1, NULL), KL_OK); /* Bo, the day before */
    int q1 = qi_of(f, 1), q2 = qi_of(f, 2);
    assert_int_equal(session_set_note(a, q1, "A:s anteckning", 10, NULL), KL_OK);
    assert_int_equal(session_add_evidence(a, q1, "Policy 2025", 10, NULL), KL_OK);
    assert_int_equal(session_set_agreed(a, q2, 1, 11), KL_OK);
    assert_int_equal(session_set_note(g, q2, "B tycker annorlunda", 20, NULL), KL_OK);
    assert_int_equal(session_set_summary(g, "B:s summering", NULL), KL_OK);
    a->agenda[0].spent = 600;
    g->agenda[0].spent = 60;
    g->agenda[1].spent = 900;
    g->agenda[1].minutes = 30;
    *st = f;
    return 0;
}

static int teardown(void **st)
{
    struct fx *f = *st;
    session_free(f->m);
    session_free(f->a);
    session_free(f->g);
    diags_free(&f->d);
    bank_free(f->b);
    free(f);
    return 0;
}

static int run(struct fx *f)
{
    const struct session *in[] = {f->a, f->g};
    const char *labels[] = {"grupp-a", "grupp-b"};
    return merge_sessions(f->b, in, labels, 2, 99, &f->m, &f->d);
}

static void merge__two_groups__answers_from_the_group_that_answered(void **st)
{
    struct fx *f = *st;
    assert_int_equal(run(f), KL_OK);
    const struct answer *a1 = &f->m->answers[qi_of(f, 1)];
    assert_true(a1->answered && a1->documented);
    assert_int_equal(a1->ticks, 3);
    assert_string_equal(a1->note, "A:s anteckning");
    assert_int_equal(a1->n_evidence, 1);
    assert_string_equal(a1->evidence[0], "Policy 2025");
    assert_int_equal(a1->n_dissent, 0);
    const struct answer *a3 = &f->m->answers[qi_of(f, 3)];
    assert_true(a3->answered && a3->documented); /* from B, the only group that answered it */
    assert_int_equal(a3->ticks, 1);
    const struct answer *a4 = &f->m->answers[qi_of(f, 4)];
    assert_int_equal(a4->ticks, 3);
    assert_false(f->m->answers[qi_of(f, 5)].answered);
    assert_string_equal(f->m->organisation, "Exempel kommun");
    assert_int_equal(f->m->modified, 99);
    assert_int_equal(f->m->cursor, 0);
}

static void merge__conflicting_question__first_kept_other_as_dissent(void **st)
{
    struct fx *f = *st;
    assert_int_equal(run(f), KL_OK);
    const struct answer *a2 = &f->m->answers[qi_of(f, 2)];
    assert_int_equal(a2->choice, 3); /* A answered first */
    assert_int_equal(a2->n_dissent, 1);
    assert_string_equal(a2->dissent[0].who, "grupp-b");
    assert_string_equal(a2->dissent[0].view, "svarade 2");
    assert_false(a2->agreed); /* A's agreement no longer holds: the room must settle it */
    assert_true(answer_disputed(a2));
    assert_string_equal(a2->note, "Från grupp-b:\nB tycker annorlunda");
    assert_int_equal(a2->changed, 20);
}

static void merge__participants_and_sittings__united(void **st)
{
    struct fx *f = *st;
    assert_int_equal(run(f), KL_OK);
    struct session *m = f->m;
    assert_int_equal(m->n_participants, 3);
    assert_string_equal(m->participants[0].name, "Anna");
    assert_string_equal(m->participants[1].name, "Bo");
    assert_string_equal(m->participants[2].name, "Cecilia");
    assert_string_equal(m->participants[2].role, "HR");
    assert_int_equal(m->n_sittings, 2);
    /* B's sitting of the day before comes first, Bo present */
    assert_int_equal(m->sittings[0].start, T1 - 86400);
    assert_int_equal(m->sittings[0].n_present, 1);
    assert_int_equal(m->sittings[0].present[0], 2);
    /* the plenary is one sitting, attended by all three */
    assert_int_equal(m->sittings[1].start, T1);
    assert_int_equal(m->sittings[1].end, T1 + 3600);
    assert_int_equal(m->sittings[1].n_present, 3);
    assert_int_equal(m->sittings[1].present[2], 3);
    assert_string_equal(m->facilitator, "Fia, Göran");
    assert_string_equal(m->date, "2025-12-15"); /* the earliest */
    assert_string_equal(m->summary, "Från grupp-b:\nB:s summering");
    assert_int_equal(m->agenda[0].spent, 660);
    assert_int_equal(m->agenda[1].spent, 900);
    assert_int_equal(m->agenda[1].minutes, 30);
}

static void merge__same_answer__documentation_and_evidence_united(void **st)
{
    struct fx *f = *st;
    int q1 = qi_of(f, 1);
    answer(f->b, f->g, 1, "1,2", 1);
    f->a->answers[q1].documented = 0;
    assert_int_equal(session_add_evidence(f->g, q1, "Policy 2025", 5, NULL), KL_OK);
    assert_int_equal(session_add_evidence(f->g, q1, "Protokoll", 5, NULL), KL_OK);
    f->g->answers[q1].followup = 1;
    assert_int_equal(run(f), KL_OK);
    const struct answer *a1 = &f->m->answers[q1];
    assert_int_equal(a1->n_dissent, 0); /* the same answer is no dissent */
    assert_true(a1->documented);
    assert_true(a1->followup);
    assert_int_equal(a1->n_evidence, 2);
    assert_string_equal(a1->evidence[1], "Protokoll");
}

static void merge__merged_session__saves_and_loads_again(void **st)
{
    struct fx *f = *st;
    assert_int_equal(run(f), KL_OK);
    char *text = session_format(f->b, f->m);
    assert_non_null(text);
    struct session *back = NULL;
    assert_loaded(session_parse("merged.ini", text, strlen(text), f->b, &back, &f->d), &f->d);
    char *again = session_format(f->b, back);
    assert_string_equal(text, again);
    free(again);
    free(text);
    session_free(back);
}

static void merge__other_organisation__refused_naming_both(void **st)
{
    struct fx *f = *st;
    assert_int_equal(session_set_text(&f->g->organisation, "Annan kommun", SESSION_FIELD_MAX, NULL),
                     KL_OK);
    assert_int_equal(run(f), KL_EDATA);
    assert_null(f->m);
    assert_diag(&f->d, 0, "grupp-a gäller \"Exempel kommun\" men grupp-b gäller \"Annan kommun\"");
}

static void merge__other_bank__refused_naming_both(void **st)
{
    struct fx *f = *st;
    assert_int_equal(session_set_text(&f->g->bank_id, "miniscale", SESSION_FIELD_MAX, NULL), KL_OK);
    assert_int_equal(run(f), KL_EDATA);
    assert_null(f->m);
    assert_diag(&f->d, 0, "grupp-a gäller frågebanken \"mini\" men grupp-b gäller \"miniscale\"");
}

static void merge__other_actor_group__refused(void **st)
{
    struct fx *f = *st;
    f->g->group = GROUP_REGION;
    assert_int_equal(run(f), KL_EDATA);
    assert_diag(&f->d, 0, "grupp-a anger aktörsgruppen kommun men grupp-b anger region");
}

static void merge__refusal_in_english(void **st)
{
    struct fx *f = *st;
    f->g->group = GROUP_REGION;
    msg_set_lang(LANG_EN);
    int rc = run(f);
    msg_set_lang(LANG_SV);
    assert_int_equal(rc, KL_EDATA);
    assert_diag(&f->d, 0, "grupp-a gives the actor group kommun but grupp-b gives region");
}

static void merge__dissent_at_the_limit__refused_naming_the_question(void **st)
{
    struct fx *f = *st;
    int q2 = qi_of(f, 2);
    for (int i = 0; i < SESSION_DISSENT_COUNT; i++) {
        char who[16];
        snprintf(who, sizeof who, "P%d", i);
        assert_int_equal(session_add_dissent(f->a, q2, who, "nej", 1, NULL), KL_OK);
    }
    assert_int_equal(run(f), KL_EUSAGE);
    assert_null(f->m);
    assert_diag(&f->d, 0, "fråga 2: högst 20 avvikande meningar");
    /* one fewer fits exactly: 19 + the conflict = 20 */
    diags_clear(&f->d);
    assert_int_equal(session_remove_dissent(f->a, q2, 0, 1, NULL), KL_OK);
    assert_int_equal(run(f), KL_OK);
    assert_int_equal(f->m->answers[q2].n_dissent, SESSION_DISSENT_COUNT);
}

static void merge__participants_past_the_limit__refused(void **st)
{
    struct fx *f = *st;
    for (int i = 2; i < SESSION_PARTICIPANTS_MAX; i++) {
        char name[16];
        snprintf(name, sizeof name, "A%d", i);
        assert_int_equal(session_add_participant(f->a, name, "", NULL), KL_OK);
    }
    assert_int_equal(f->a->n_participants, SESSION_PARTICIPANTS_MAX);
    assert_int_equal(run(f), KL_EUSAGE); /* Cecilia would be the 201st */
    assert_diag(&f->d, 0, "högst 200 deltagare");
}

static void merge__three_groups__each_different_answer_one_dissent(void **st)
{
    struct fx *f = *st;
    struct session *c = mk_session(f->b, "Exempel kommun", GROUP_KOMMUN, "2=3 1=1");
    struct session *d = mk_session(f->b, "Exempel kommun", GROUP_KOMMUN, "2=4");
    const struct session *in[] = {f->a, f->g, c, d};
    const char *labels[] = {"a", "b", "c", "d"};
    assert_int_equal(merge_sessions(f->b, in, labels, 4, 1, &f->m, &f->d), KL_OK);
    const struct answer *a2 = &f->m->answers[qi_of(f, 2)];
    assert_int_equal(a2->choice, 3);
    assert_int_equal(a2->n_dissent, 2); /* b said 2, d said 4; c agreed with a */
    assert_string_equal(a2->dissent[0].who, "b");
    assert_string_equal(a2->dissent[1].who, "d");
    assert_string_equal(a2->dissent[1].view, "svarade 4");
    const struct answer *a1 = &f->m->answers[qi_of(f, 1)];
    assert_int_equal(a1->n_dissent, 1);
    assert_string_equal(a1->dissent[0].view, "svarade 1");
    session_free(c);
    session_free(d);
}

static void merge__nothing_ticked__said_in_words(void **st)
{
    struct fx *f = *st;
    answer(f->b, f->g, 1, "none", 0);
    assert_int_equal(run(f), KL_OK);
    const struct answer *a1 = &f->m->answers[qi_of(f, 1)];
    assert_int_equal(a1->n_dissent, 1);
    assert_string_equal(a1->dissent[0].view, "svarade utan kryss");
}

static void merge__one_session__a_copy(void **st)
{
    struct fx *f = *st;
    const struct session *in[] = {f->a};
    const char *labels[] = {"a"};
    assert_int_equal(merge_sessions(f->b, in, labels, 1, 5, &f->m, &f->d), KL_OK);
    assert_int_equal(f->m->n_participants, 2);
    assert_int_equal(f->m->answers[qi_of(f, 2)].choice, 3);
    assert_true(f->m->answers[qi_of(f, 2)].agreed);
    struct session *none = f->a;
    assert_int_equal(merge_sessions(f->b, in, labels, 0, 5, &none, &f->d), KL_EUSAGE);
    assert_null(none);
    assert_diag(&f->d, 0, "inga sessioner att slå ihop");
}

int main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(merge__two_groups__answers_from_the_group_that_answered),
        T(merge__conflicting_question__first_kept_other_as_dissent),
        T(merge__participants_and_sittings__united),
        T(merge__same_answer__documentation_and_evidence_united),
        T(merge__merged_session__saves_and_loads_again),
        T(merge__other_organisation__refused_naming_both),
        T(merge__other_bank__refused_naming_both),
        T(merge__other_actor_group__refused),
        T(merge__refusal_in_english),
        T(merge__dissent_at_the_limit__refused_naming_the_question),
        T(merge__participants_past_the_limit__refused),
        T(merge__three_groups__each_different_answer_one_dissent),
        T(merge__nothing_ticked__said_in_words),
        T(merge__one_session__a_copy),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
