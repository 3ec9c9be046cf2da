/* test_session_records.c: what the room decided and how the workshop ran, as the session file
 * keeps it: agreement and dissent, the parking lot, tracked plan steps, the measurement
 * period, summary, agenda, sittings and attendance. Each setter at and past its limit, each
 * record through save and load byte for byte, each malformed key named with its line. */
#include <sys/stat.h>
#include <unistd.h>

#include "testutil.h"
#include "kollen/msg.h"
#include "kollen/text.h"

static struct session *fresh(struct bank **b)
{
    *b = load_fixture_bank("mini");
    struct session *s = session_new(*b, "Org", GROUP_KOMMUN, "2026-03-01", 1764000000);
    assert_non_null(s);
    return s;
}

static struct session *round_trip(const struct bank *b, const struct session *s)
{
    char path[300];
    snprintf(path, sizeof path, "%s/s.ini", test_tmp);
    struct session *back = save_and_load(b, s, path);
    /* the same bytes again: a stable, complete format */
    char *first = session_format(b, s), *second = session_format(b, back);
    assert_string_equal(first, second);
    free(first);
    free(second);
    return back;
}

/* A one-line text of n bytes where every byte needs %XX: the worst case for the line limit. */
static char *worst_line(size_t n)
{
    char *t = malloc(n + 1);
    assert_non_null(t);
    for (size_t i = 0; i < n; i++)
        t[i] = "%;#\"'\\"[i % 6];
    t[n] = '\0';
    return t;
}

static void dissent__recorded_with_agreement__round_trips(void **st)
{
    (void)st;
    struct bank *b;
    struct session *s = fresh(&b);
    struct diags d;
    diags_init(&d);
    answer(b, s, 1, "1,2", 0);
    assert_int_equal(session_add_dissent(s, 0, "IT-chefen", "Rutinen följs inte; #2", 5, &d),
                     KL_OK);
    assert_int_equal(session_add_dissent(s, 0, "Bo: ekonomi", "  Två åtgärder, inte tre  ", 5, &d),
                     KL_OK);
    assert_true(answer_disputed(&s->answers[0]));
    assert_int_equal(session_set_agreed(s, 0, 1, 6), KL_OK);
    assert_false(answer_disputed(&s->answers[0])); /* a decision with a reservation */
    struct session *back = round_trip(b, s);
    const struct answer *a = &back->answers[0];
    assert_true(a->agreed);
    assert_int_equal(a->n_dissent, 2);
    assert_string_equal(a->dissent[0].who, "IT-chefen");
    assert_string_equal(a->dissent[0].view, "Rutinen följs inte; #2");
    assert_string_equal(a->dissent[1].who, "Bo: ekonomi");
    assert_string_equal(a->dissent[1].view, "  Två åtgärder, inte tre  ");
    assert_int_equal(session_remove_dissent(back, 0, 0, 7, &d), KL_OK);
    assert_string_equal(back->answers[0].dissent[0].who, "Bo: ekonomi");
    assert_int_equal(session_remove_dissent(back, 0, 1, 7, &d), KL_EUSAGE);
    session_free(back);
    session_free(s);
    bank_free(b);
    diags_free(&d);
}

static void dissent__at_and_past_every_limit(void **st)
{
    (void)st;
    struct bank *b;
    struct session *s = fresh(&b);
    struct diags d;
    diags_init(&d);
    char *who = worst_line(SESSION_FIELD_MAX), *view = worst_line(SESSION_DISSENT_MAX);
    for (int i = 0; i < SESSION_DISSENT_COUNT; i++)
        assert_int_equal(session_add_dissent(s, 1, who, view, 1, &d), KL_OK);
    assert_int_equal(session_add_dissent(s, 1, "x", "y", 1, &d), KL_EUSAGE);
    assert_diag(&d, 0, "at most 20 dissent");
    diags_clear(&d);
    char *long_view = worst_line(SESSION_DISSENT_MAX + 1);
    char *long_who = worst_line(SESSION_FIELD_MAX + 1);
    assert_int_equal(session_add_dissent(s, 2, "x", long_view, 1, &d), KL_EUSAGE);
    assert_int_equal(session_add_dissent(s, 2, long_who, "y", 1, &d), KL_EUSAGE);
    assert_int_equal(session_add_dissent(s, 2, "", "y", 1, &d), KL_EUSAGE);
    assert_int_equal(session_add_dissent(s, 2, "x", "two\nlines", 1, &d), KL_EUSAGE);
    assert_int_equal(s->answers[2].n_dissent, 0);
    struct session *back = round_trip(b, s); /* the largest accepted loads again */
    assert_int_equal(back->answers[1].n_dissent, SESSION_DISSENT_COUNT);
    assert_string_equal(back->answers[1].dissent[19].view, view);
    session_free(back);
    free(who);
    free(view);
    free(long_view);
    free(long_who);
    session_free(s);
    bank_free(b);
    diags_free(&d);
}

static void parked_and_plan_step__round_trip(void **st)
{
    (void)st;
    struct bank *b;
    struct session *s = fresh(&b);
    struct diags d;
    diags_init(&d);
    assert_int_equal(session_set_parked(s, 2, 1, "Fråga IT-chefen", 3, &d), KL_OK);
    assert_int_equal(session_set_parked(s, 1, 1, NULL, 3, &d), KL_OK);
    assert_int_equal(session_set_step(s, 0, "Anna Ö", "2027-03-01", -1, 4, &d), KL_OK);
    assert_int_equal(s->answers[0].status, STEP_OPEN); /* assigned: now tracked */
    assert_int_equal(session_set_step(s, 0, NULL, NULL, STEP_STARTED, 5, &d), KL_OK);
    assert_string_equal(s->answers[0].owner, "Anna Ö");
    assert_int_equal(session_set_step(s, 0, NULL, "2027-02-30", -1, 5, &d), KL_EUSAGE);
    assert_string_equal(s->answers[0].due, "2027-03-01");
    char *reason = worst_line(SESSION_REASON_MAX + 1);
    assert_int_equal(session_set_parked(s, 3, 1, reason, 3, &d), KL_EUSAGE);
    assert_false(s->answers[3].parked);
    reason[SESSION_REASON_MAX] = '\0';
    assert_int_equal(session_set_parked(s, 3, 1, reason, 3, &d), KL_OK);
    struct session *back = round_trip(b, s);
    assert_true(back->answers[2].parked);
    assert_string_equal(back->answers[2].park_reason, "Fråga IT-chefen");
    assert_true(back->answers[1].parked);
    assert_null(back->answers[1].park_reason);
    assert_string_equal(back->answers[3].park_reason, reason);
    assert_false(back->answers[2].answered); /* parking is not answering */
    assert_string_equal(back->answers[0].owner, "Anna Ö");
    assert_string_equal(back->answers[0].due, "2027-03-01");
    assert_int_equal(back->answers[0].status, STEP_STARTED);
    assert_int_equal(session_set_parked(back, 2, 0, "ignored", 6, &d), KL_OK);
    assert_null(back->answers[2].park_reason);
    assert_int_equal(session_set_step(back, 0, "", "", STEP_UNTRACKED, 7, &d), KL_OK);
    assert_null(back->answers[0].owner);
    assert_null(back->answers[0].due);
    assert_int_equal(step_status_parse("done"), STEP_DONE);
    assert_int_equal(step_status_parse("klar"), -1);
    free(reason);
    session_free(back);
    session_free(s);
    bank_free(b);
    diags_free(&d);
}

static void session_records__period_summary_theme_round_trip(void **st)
{
    (void)st;
    struct bank *b;
    struct session *s = fresh(&b);
    struct diags d;
    diags_init(&d);
    assert_int_equal(session_set_period(s, "2024-11-28", "2026-11-27", &d), KL_OK);
    assert_int_equal(session_set_period(s, "2026-11-28", "2024-11-27", &d), KL_EUSAGE);
    assert_int_equal(session_set_period(s, "2026-11-28", NULL, &d), KL_EUSAGE);
    assert_string_equal(s->period_from, "2024-11-28");
    assert_int_equal(session_set_date_field(&s->management_seen, "2026-12-10", 0, &d), KL_OK);
    assert_int_equal(session_set_date_field(&s->management_seen, "10/12", 0, &d), KL_EUSAGE);
    assert_int_equal(session_set_theme(s, "kontrast", &d), KL_OK);
    assert_int_equal(session_set_theme(s, "Kontrast!", &d), KL_EUSAGE);
    assert_int_equal(session_set_companion(s, "ws2026-it", &d), KL_OK);
    /* the longest summary of the worst text: every byte encoded, line breaks throughout */
    char *sum = malloc(SESSION_SUMMARY_MAX + 2);
    for (size_t i = 0; i < SESSION_SUMMARY_MAX + 1; i++)
        sum[i] = "\n;%\"x"[i % 5];
    sum[SESSION_SUMMARY_MAX + 1] = '\0';
    assert_int_equal(session_set_summary(s, sum, &d), KL_EUSAGE);
    sum[SESSION_SUMMARY_MAX] = '\0';
    assert_int_equal(session_set_summary(s, sum, &d), KL_OK);
    struct session *back = round_trip(b, s);
    assert_string_equal(back->period_from, "2024-11-28");
    assert_string_equal(back->period_to, "2026-11-27");
    assert_string_equal(back->management_seen, "2026-12-10");
    assert_string_equal(back->theme, "kontrast");
    assert_string_equal(back->companion, "ws2026-it");
    assert_string_equal(back->summary, sum);
    assert_int_equal(session_set_period(back, "", "", &d), KL_OK);
    assert_null(back->period_from);
    free(sum);
    session_free(back);
    session_free(s);
    bank_free(b);
    diags_free(&d);
}

static void agenda__spread_by_questions_adds_up(void **st)
{
    (void)st;
    struct bank *b;
    struct session *s = fresh(&b);
    struct diags d;
    diags_init(&d);
    int count[BANK_MAX_AREAS] = {0};
    for (int i = 0; i < b->n_questions; i++)
        count[b->questions[i].area]++;
    for (int total = 0; total <= 125; total += 25) {
        assert_int_equal(session_set_minutes(s, b, total, 1, &d), KL_OK);
        int sum = 0;
        for (int ai = 0; ai < b->n_areas; ai++) {
            sum += s->agenda[ai].minutes;
            /* each area within a minute of its exact share */
            double exact = (double)total * count[ai] / b->n_questions;
            assert_true(s->agenda[ai].minutes >= (int)exact &&
                        s->agenda[ai].minutes <= (int)exact + 1);
        }
        assert_int_equal(sum, total);
    }
    assert_int_equal(session_set_minutes(s, b, SESSION_MINUTES_MAX + 1, 1, &d), KL_EUSAGE);
    assert_int_equal(session_set_agenda(s, 0, 30, &d), KL_OK);
    assert_int_equal(session_set_agenda(s, 1, -1, &d), KL_EUSAGE);
    session_add_spent(s, 1, 754);
    session_add_spent(s, 1, 6);
    struct session *back = round_trip(b, s);
    assert_int_equal(back->minutes, 125);
    assert_int_equal(back->agenda[0].minutes, 30);
    assert_int_equal(back->agenda[1].spent, 760);
    session_free(back);
    session_free(s);
    bank_free(b);
    diags_free(&d);
}

static void sittings__attendance_follows_participants(void **st)
{
    (void)st;
    struct bank *b;
    struct session *s = fresh(&b);
    struct diags d;
    diags_init(&d);
    assert_int_equal(session_add_participant(s, "Anna", "CISO", &d), KL_OK);
    assert_int_equal(session_add_participant(s, "Bo", "IT", &d), KL_OK);
    assert_int_equal(session_add_participant(s, "Cecilia", "HR", &d), KL_OK);
    int k;
    assert_int_equal(session_add_sitting(s, 1764000000, &k, &d), KL_OK);
    assert_int_equal(session_set_present(s, k, 2, 1, &d), KL_OK);
    assert_int_equal(session_set_present(s, k, 0, 1, &d), KL_OK);
    assert_int_equal(session_set_present(s, k, 1, 1, &d), KL_OK);
    assert_int_equal(session_set_present(s, k, 3, 1, &d), KL_EUSAGE);
    assert_int_equal(session_end_sitting(s, k, 1764007200), KL_OK);
    assert_int_equal(session_add_sitting(s, 1764600000, &k, &d), KL_OK);
    assert_int_equal(session_set_present(s, k, 2, 1, &d), KL_OK);
    assert_int_equal(session_end_sitting(s, k, 1), KL_EUSAGE); /* before its start */
    struct session *back = round_trip(b, s);
    assert_int_equal(back->n_sittings, 2);
    assert_int_equal(back->sittings[0].n_present, 3);
    assert_int_equal(back->sittings[0].present[0], 1); /* kept in order */
    assert_int_equal(back->sittings[0].end, 1764007200);
    assert_int_equal(back->sittings[1].end, 0);
    /* Bo leaves the participant list: his attendance goes, Cecilia becomes number 2 */
    assert_int_equal(session_remove_participant(back, 1, &d), KL_OK);
    assert_int_equal(back->sittings[0].n_present, 2);
    assert_int_equal(back->sittings[0].present[1], 2);
    assert_true(sitting_is_present(&back->sittings[1], 1));
    assert_int_equal(session_edit_participant(back, 1, "Cecilia K", NULL, &d), KL_OK);
    assert_string_equal(back->participants[1].role, "HR");
    assert_int_equal(session_edit_participant(back, 1, "", NULL, &d), KL_EUSAGE);
    assert_int_equal(session_find_participant(back, "Cecilia K"), 1);
    struct session *again = round_trip(b, back);
    assert_string_equal(again->participants[1].name, "Cecilia K");
    for (int i = 2; i < SESSION_SITTINGS_MAX; i++)
        assert_int_equal(session_add_sitting(again, 1764600000 + i, NULL, &d), KL_OK);
    assert_int_equal(session_add_sitting(again, 1, NULL, &d), KL_EUSAGE);
    session_free(round_trip(b, again));
    session_free(again);
    session_free(back);
    session_free(s);
    bank_free(b);
    diags_free(&d);
}

static void records__copied_by_dup_and_answer_copy(void **st)
{
    (void)st;
    struct bank *b;
    struct session *s = fresh(&b);
    struct diags d;
    diags_init(&d);
    assert_int_equal(session_add_participant(s, "Anna", "CISO", &d), KL_OK);
    assert_int_equal(session_add_dissent(s, 0, "Anna", "Nej", 1, &d), KL_OK);
    assert_int_equal(session_set_parked(s, 0, 1, "sen", 1, &d), KL_OK);
    assert_int_equal(session_set_step(s, 0, "Bo", "2027-01-01", STEP_DONE, 1, &d), KL_OK);
    assert_int_equal(session_set_summary(s, "Bra\nmöte", &d), KL_OK);
    assert_int_equal(session_add_sitting(s, 10, NULL, &d), KL_OK);
    assert_int_equal(session_set_present(s, 0, 0, 1, &d), KL_OK);
    session_add_spent(s, 0, 60);
    struct session *c = session_dup(s);
    assert_non_null(c);
    char *x = session_format(b, s), *y = session_format(b, c);
    assert_string_equal(x, y);
    free(x);
    free(y);
    struct answer a;
    assert_int_equal(answer_copy(&a, &s->answers[0]), KL_OK);
    answer_clear(&s->answers[0]); /* the copy owns its own strings */
    assert_string_equal(a.dissent[0].view, "Nej");
    assert_string_equal(a.park_reason, "sen");
    assert_string_equal(a.owner, "Bo");
    answer_clear(&a);
    session_free(c);
    session_free(s);
    bank_free(b);
    diags_free(&d);
}

#define HEAD "[session]\nformat = 1\nbank = mini\norganisation = O\ngroup = kommun\ndate = 2026-01-01\n"

#define BAD(text, line, needle)                                                                 \
    do {                                                                                        \
        struct session *s_;                                                                     \
        struct diags d_;                                                                        \
        diags_init(&d_);                                                                        \
        assert_int_not_equal(session_parse("t.ini", text, strlen(text), b, &s_, &d_), KL_OK);   \
        assert_null(s_);                                                                        \
        assert_diag(&d_, line, needle);                                                         \
        diags_free(&d_);                                                                        \
    } while (0)

static void records__each_malformed_key__named_with_its_line(void **st)
{
    (void)st;
    struct bank *b = load_fixture_bank("mini");
    BAD(HEAD "period = 2026-01-01\n", 7, "period");
    BAD(HEAD "period = 2026-02-01..2026-01-01\n", 7, "period");
    BAD(HEAD "management_seen = igår\n", 7, "management_seen");
    BAD(HEAD "theme = Röd\n", 7, "theme");
    BAD(HEAD "minutes = 99999\n", 7, "minutes");
    BAD(HEAD "summary.2 = x\n", 7, "summary.1 is missing");
    BAD(HEAD "[agenda.gamma]\nminutes = 5\n", 7, "unknown work area \"gamma\"");
    BAD(HEAD "[agenda.alfa]\nminutes = -5\n", 8, "minutes");
    BAD(HEAD "[agenda.alfa]\nhours = 5\n", 8, "hours");
    BAD(HEAD "[sitting.1]\nend = 2026-01-01T10:00:00Z\n", 7, "start");
    BAD(HEAD "[sitting.1]\nstart = 2026-01-01T10:00:00Z\nend = 2026-01-01T09:00:00Z\n", 9, "end");
    BAD(HEAD "[participant.1]\nname = A\n[sitting.1]\nstart = 2026-01-01T10:00:00Z\n"
             "present = 1,2\n",
        11, "present");
    BAD(HEAD "[participant.1]\nname = A\n[participant.2]\nname = B\n[sitting.1]\n"
             "start = 2026-01-01T10:00:00Z\npresent = 2,1\n",
        13, "present");
    BAD(HEAD "[answer.1]\nagreed = kanske\n", 8, "agreed");
    BAD(HEAD "[answer.1]\ndissent.1 = Nej\n", 8, "dissent_by.1 is missing");
    BAD(HEAD "[answer.1]\ndissent_by.1 = A\ndissent.1 = x\ndissent_by.2 = B\n", 10,
        "dissent.2 is missing");
    BAD(HEAD "[answer.1]\npark_reason = sen\n", 8, "park_reason");
    BAD(HEAD "[answer.1]\nstatus = klar\n", 8, "klar");
    BAD(HEAD "[answer.1]\ndue = 2027-13-01\n", 8, "due");
    bank_free(b);
}

int main(void)
{
    msg_set_lang(LANG_EN);
#define T(fn) cmocka_unit_test_setup_teardown(fn, test_tmp_setup, test_tmp_teardown)
    const struct CMUnitTest tests[] = {
        T(dissent__recorded_with_agreement__round_trips),
        T(dissent__at_and_past_every_limit),
        T(parked_and_plan_step__round_trip),
        T(session_records__period_summary_theme_round_trip),
        T(agenda__spread_by_questions_adds_up),
        T(sittings__attendance_follows_participants),
        cmocka_unit_test(records__copied_by_dup_and_answer_copy),
        cmocka_unit_test(records__each_malformed_key__named_with_its_line),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
