/* test_session_records.c: what the room decided and how the workshop ran, as the session file
 * keeps it: agreement and dissent, the parking lot, tracked plan steps, the measurement
 * period, summary, agenda, sittings and attendance. Each setter at and past its limit, each
 * record through save and load byte for byte, each malformed key named with its line. */
#include <sys/stat.h>
#include <unistd.h>

#include "testutil.h"
#include "kollen/msg.h"
#include "kollen/text.h"

/* A new session of the mini bank and the diagnostics of a test. */
struct fx {
    struct bank *b;
    struct session *s;
    struct diags d;
};

static int setup(void **st)
{
    test_tmp_setup(st);
    struct fx *f = calloc(1, sizeof *f);
    assert_non_null(f);
    f->b = load_fixture_bank("mini");
    f->s = session_new(f->b, "Org", GROUP_KOMMUN, "2026-03-01", 1764000000);
    assert_non_null(f->s);
    diags_init(&f->d);
    *st = f;
    return 0;
}

static int teardown(void **st)
{
    struct fx *f = *st;
    session_free(f->s);
    bank_free(f->b);
    diags_free(&f->d);
    free(f);
    return test_tmp_teardown(st);
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
    struct fx *f = *st;
    answer(f->b, f->s, 1, "1,2", 0);
    assert_int_equal(
        session_add_dissent(f->s, 0, "IT-chefen", "Rutinen följs inte; #2", 5, &f->d), KL_OK);
    assert_int_equal(
        session_add_dissent(f->s, 0, "Bo: ekonomi", "  Två åtgärder, inte tre  ", 5, &f->d),
        KL_OK);
    assert_true(answer_disputed(&f->s->answers[0]));
    assert_int_equal(session_set_agreed(f->s, 0, 1, 6), KL_OK);
    assert_false(answer_disputed(&f->s->answers[0])); /* a decision with a reservation */
    struct session *back = round_trip(f->b, f->s);
    const struct answer *a = &back->answers[0];
    assert_true(a->agreed);
    assert_int_equal(a->n_dissent, 2);
    assert_string_equal(a->dissent[0].who, "IT-chefen");
    assert_string_equal(a->dissent[0].view, "Rutinen följs inte; #2");
    assert_string_equal(a->dissent[1].who, "Bo: ekonomi");
    assert_string_equal(a->dissent[1].view, "  Två åtgärder, inte tre  ");
    assert_int_equal(session_remove_dissent(back, 0, 0, 7, &f->d), KL_OK);
    assert_string_equal(back->answers[0].dissent[0].who, "Bo: ekonomi");
    assert_int_equal(session_remove_dissent(back, 0, 1, 7, &f->d), KL_EUSAGE);
    session_free(back);
}

static void dissent__at_and_past_every_limit(void **st)
{
    struct fx *f = *st;
    char *who = worst_line(SESSION_FIELD_MAX), *view = worst_line(SESSION_DISSENT_MAX);
    for (int i = 0; i < SESSION_DISSENT_COUNT; i++)
        assert_int_equal(session_add_dissent(f->s, 1, who, view, 1, &f->d), KL_OK);
    assert_int_equal(session_add_dissent(f->s, 1, "x", "y", 1, &f->d), KL_EUSAGE);
    assert_diag(&f->d, 0, "at most 20 dissent");
    diags_clear(&f->d);
    char *long_view = worst_line(SESSION_DISSENT_MAX + 1);
    char *long_who = worst_line(SESSION_FIELD_MAX + 1);
    assert_int_equal(session_add_dissent(f->s, 2, "x", long_view, 1, &f->d), KL_EUSAGE);
    assert_int_equal(session_add_dissent(f->s, 2, long_who, "y", 1, &f->d), KL_EUSAGE);
    assert_int_equal(session_add_dissent(f->s, 2, "", "y", 1, &f->d), KL_EUSAGE);
    assert_int_equal(session_add_dissent(f->s, 2, "x", "two\nlines", 1, &f->d), KL_EUSAGE);
    assert_int_equal(f->s->answers[2].n_dissent, 0);
    struct session *back = round_trip(f->b, f->s); /* the largest accepted loads again */
    assert_int_equal(back->answers[1].n_dissent, SESSION_DISSENT_COUNT);
    assert_string_equal(back->answers[1].dissent[19].view, view);
    session_free(back);
    free(who);
    free(view);
    free(long_view);
    free(long_who);
}

static void parked_and_plan_step__round_trip(void **st)
{
    struct fx *f = *st;
    assert_int_equal(session_set_parked(f->s, 2, 1, "Fråga IT-chefen", 3, &f->d), KL_OK);
    assert_int_equal(session_set_parked(f->s, 1, 1, NULL, 3, &f->d), KL_OK);
    assert_int_equal(session_set_step(f->s, 0, "Anna Ö", "2027-03-01", -1, 4, &f->d), KL_OK);
    assert_int_equal(f->s->answers[0].status, STEP_OPEN); /* assigned: now tracked */
    assert_int_equal(session_set_step(f->s, 0, NULL, NULL, STEP_STARTED, 5, &f->d), KL_OK);
    assert_string_equal(f->s->answers[0].owner, "Anna Ö");
    assert_int_equal(session_set_step(f->s, 0, NULL, "2027-02-30", -1, 5, &f->d), KL_EUSAGE);
    assert_string_equal(f->s->answers[0].due, "2027-03-01");
    char *reason = worst_line(SESSION_REASON_MAX + 1);
    assert_int_equal(session_set_parked(f->s, 3, 1, reason, 3, &f->d), KL_EUSAGE);
    assert_false(f->s->answers[3].parked);
    reason[SESSION_REASON_MAX] = '\0';
    assert_int_equal(session_set_parked(f->s, 3, 1, reason, 3, &f->d), KL_OK);
    struct session *back = round_trip(f->b, f->s);
    assert_true(back->answers[2].parked);
    assert_string_equal(back->answers[2].park_reason, "Fråga IT-chefen");
    assert_true(back->answers[1].parked);
    assert_null(back->answers[1].park_reason);
    assert_string_equal(back->answers[3].park_reason, reason);
    assert_false(back->answers[2].answered); /* parking is not answering */
    assert_string_equal(back->answers[0].owner, "Anna Ö");
    assert_string_equal(back->answers[0].due, "2027-03-01");
    assert_int_equal(back->answers[0].status, STEP_STARTED);
    assert_int_equal(session_set_parked(back, 2, 0, "ignored", 6, &f->d), KL_OK);
    assert_null(back->answers[2].park_reason);
    assert_int_equal(session_set_step(back, 0, "", "", STEP_UNTRACKED, 7, &f->d), KL_OK);
    assert_null(back->answers[0].owner);
    assert_null(back->answers[0].due);
    assert_int_equal(step_status_parse("done"), STEP_DONE);
    assert_int_equal(step_status_parse("klar"), -1);
    free(reason);
    session_free(back);
}

static void session_records__period_summary_theme_round_trip(void **st)
{
    struct fx *f = *st;
    assert_int_equal(session_set_period(f->s, "2024-11-28", "2026-11-27", &f->d), KL_OK);
    assert_int_equal(session_set_period(f->s, "2026-11-28", "2024-11-27", &f->d), KL_EUSAGE);
    assert_int_equal(session_set_period(f->s, "2026-11-28", NULL, &f->d), KL_EUSAGE);
    assert_string_equal(f->s->period_from, "2024-11-28");
    assert_int_equal(session_set_date_field(&f->s->management_seen, "2026-12-10", 0, &f->d), KL_OK);
    assert_int_equal(session_set_date_field(&f->s->management_seen, "10/12", 0, &f->d), KL_EUSAGE);
    assert_int_equal(session_set_theme(f->s, "kontrast", &f->d), KL_OK);
    assert_int_equal(session_set_theme(f->s, "Kontrast!", &f->d), KL_EUSAGE);
    assert_int_equal(session_set_companion(f->s, "ws2026-it", &f->d), KL_OK);
    /* the longest summary of the worst text: every byte encoded, line breaks throughout */
    char *sum = malloc(SESSION_SUMMARY_MAX + 2);
    for (size_t i = 0; i < SESSION_SUMMARY_MAX + 1; i++)
        sum[i] = "\n;%\"x"[i % 5];
    sum[SESSION_SUMMARY_MAX + 1] = '\0';
    assert_int_equal(session_set_summary(f->s, sum, &f->d), KL_EUSAGE);
    sum[SESSION_SUMMARY_MAX] = '\0';
    assert_int_equal(session_set_summary(f->s, sum, &f->d), KL_OK);
    struct session *back = round_trip(f->b, f->s);
    assert_string_equal(back->period_from, "2024-11-28");
    assert_string_equal(back->period_to, "2026-11-27");
    assert_string_equal(back->management_seen, "2026-12-10");
    assert_string_equal(back->theme, "kontrast");
    assert_string_equal(back->companion, "ws2026-it");
    assert_string_equal(back->summary, sum);
    assert_int_equal(session_set_period(back, "", "", &f->d), KL_OK);
    assert_null(back->period_from);
    free(sum);
    session_free(back);
}

static void agenda__spread_by_questions_adds_up(void **st)
{
    struct fx *f = *st;
    int count[BANK_MAX_AREAS] = {0};
    for (int i = 0; i < f->b->n_questions; i++)
        count[f->b->questions[i].area]++;
    for (int total = 0; total <= 125; total += 25) {
        assert_int_equal(session_set_minutes(f->s, f->b, total, 1, &f->d), KL_OK);
        int sum = 0;
        for (int ai = 0; ai < f->b->n_areas; ai++) {
            sum += f->s->agenda[ai].minutes;
            /* each area within a minute of its exact share */
            double exact = (double)total * count[ai] / f->b->n_questions;
            assert_true(f->s->agenda[ai].minutes >= (int)exact &&
                        f->s->agenda[ai].minutes <= (int)exact + 1);
        }
        assert_int_equal(sum, total);
    }
    assert_int_equal(session_set_minutes(f->s, f->b, SESSION_MINUTES_MAX + 1, 1, &f->d), KL_EUSAGE);
    assert_int_equal(session_set_agenda(f->s, 0, 30, &f->d), KL_OK);
    assert_int_equal(session_set_agenda(f->s, 1, -1, &f->d), KL_EUSAGE);
    session_add_spent(f->s, 1, 754);
    session_add_spent(f->s, 1, 6);
    struct session *back = round_trip(f->b, f->s);
    assert_int_equal(back->minutes, 125);
    assert_int_equal(back->agenda[0].minutes, 30);
    assert_int_equal(back->agenda[1].spent, 760);
    session_free(back);
}

static void sittings__attendance_follows_participants(void **st)
{
    struct fx *f = *st;
    assert_int_equal(session_add_participant(f->s, "Anna", "CISO", &f->d), KL_OK);
    assert_int_equal(session_add_participant(f->s, "Bo", "IT", &f->d), KL_OK);
    assert_int_equal(session_add_participant(f->s, "Cecilia", "HR", &f->d), KL_OK);
    int k;
    assert_int_equal(session_add_sitting(f->s, 1764000000, &k, &f->d), KL_OK);
    assert_int_equal(session_set_present(f->s, k, 2, 1, &f->d), KL_OK);
    assert_int_equal(session_set_present(f->s, k, 0, 1, &f->d), KL_OK);
    assert_int_equal(session_set_present(f->s, k, 1, 1, &f->d), KL_OK);
    assert_int_equal(session_set_present(f->s, k, 3, 1, &f->d), KL_EUSAGE);
    assert_int_equal(session_end_sitting(f->s, k, 1764007200), KL_OK);
    assert_int_equal(session_add_sitting(f->s, 1764600000, &k, &f->d), KL_OK);
    assert_int_equal(session_set_present(f->s, k, 2, 1, &f->d), KL_OK);
    assert_int_equal(session_end_sitting(f->s, k, 1), KL_EUSAGE); /* before its start */
    struct session *back = round_trip(f->b, f->s);
    assert_int_equal(back->n_sittings, 2);
    assert_int_equal(back->sittings[0].n_present, 3);
    assert_int_equal(back->sittings[0].present[0], 1); /* kept in order */
    assert_int_equal(back->sittings[0].end, 1764007200);
    assert_int_equal(back->sittings[1].end, 0);
    /* Bo leaves the participant list: his attendance goes, Cecilia becomes number 2 */
    assert_int_equal(session_remove_participant(back, 1, &f->d), KL_OK);
    assert_int_equal(back->sittings[0].n_present, 2);
    assert_int_equal(back->sittings[0].present[1], 2);
    assert_true(sitting_is_present(&back->sittings[1], 1));
    assert_int_equal(session_edit_participant(back, 1, "Cecilia K", NULL, &f->d), KL_OK);
    assert_string_equal(back->participants[1].role, "HR");
    assert_int_equal(session_edit_participant(back, 1, "", NULL, &f->d), KL_EUSAGE);
    assert_int_equal(session_find_participant(back, "Cecilia K"), 1);
    struct session *again = round_trip(f->b, back);
    assert_string_equal(again->participants[1].name, "Cecilia K");
    for (int i = 2; i < SESSION_SITTINGS_MAX; i++)
        assert_int_equal(session_add_sitting(again, 1764600000 + i, NULL, &f->d), KL_OK);
    assert_int_equal(session_add_sitting(again, 1, NULL, &f->d), KL_EUSAGE);
    session_free(round_trip(f->b, again));
    session_free(again);
    session_free(back);
}

static void records__copied_by_dup_and_answer_copy(void **st)
{
    struct fx *f = *st;
    assert_int_equal(session_add_participant(f->s, "Anna", "CISO", &f->d), KL_OK);
    assert_int_equal(session_add_dissent(f->s, 0, "Anna", "Nej", 1, &f->d), KL_OK);
    assert_int_equal(session_set_parked(f->s, 0, 1, "sen", 1, &f->d), KL_OK);
    assert_int_equal(session_set_step(f->s, 0, "Bo", "2027-01-01", STEP_DONE, 1, &f->d), KL_OK);
    assert_int_equal(session_set_summary(f->s, "Bra\nmöte", &f->d), KL_OK);
    assert_int_equal(session_add_sitting(f->s, 10, NULL, &f->d), KL_OK);
    assert_int_equal(session_set_present(f->s, 0, 0, 1, &f->d), KL_OK);
    session_add_spent(f->s, 0, 60);
    struct session *c = session_dup(f->s);
    assert_non_null(c);
    char *x = session_format(f->b, f->s), *y = session_format(f->b, c);
    assert_string_equal(x, y);
    free(x);
    free(y);
    struct answer a;
    assert_int_equal(answer_copy(&a, &f->s->answers[0]), KL_OK);
    answer_clear(&f->s->answers[0]); /* the copy owns its own strings */
    assert_string_equal(a.dissent[0].view, "Nej");
    assert_string_equal(a.park_reason, "sen");
    assert_string_equal(a.owner, "Bo");
    answer_clear(&a);
    session_free(c);
}

static void records__each_malformed_key__named_with_its_line(void **st)
{
    (void)st;
    static const struct refusal bad[] = {
        {SESSION_HEAD "period = 2026-01-01\n", 7, "period"},
        {SESSION_HEAD "period = 2026-02-01..2026-01-01\n", 7, "period"},
        {SESSION_HEAD "management_seen = igår\n", 7, "management_seen"},
        {SESSION_HEAD "theme = Röd\n", 7, "theme"},
        {SESSION_HEAD "minutes = 99999\n", 7, "minutes"},
        {SESSION_HEAD "summary.2 = x\n", 7, "summary.1 is missing"},
        {SESSION_HEAD "[agenda.gamma]\nminutes = 5\n", 7, "unknown work area \"gamma\""},
        {SESSION_HEAD "[agenda.alfa]\nminutes = -5\n", 8, "minutes"},
        {SESSION_HEAD "[agenda.alfa]\nhours = 5\n", 8, "hours"},
        {SESSION_HEAD "[sitting.1]\nend = 2026-01-01T10:00:00Z\n", 7, "start"},
        {SESSION_HEAD "[sitting.1]\nstart = 2026-01-01T10:00:00Z\nend = 2026-01-01T09:00:00Z\n", 9,
         "end"},
        {SESSION_HEAD "[participant.1]\nname = A\n[sitting.1]\nstart = 2026-01-01T10:00:00Z\n"
         "present = 1,2\n",
         11, "present"},
        {SESSION_HEAD "[participant.1]\nname = A\n[participant.2]\nname = B\n[sitting.1]\n"
         "start = 2026-01-01T10:00:00Z\npresent = 2,1\n",
         13, "present"},
        {SESSION_HEAD "[answer.1]\nagreed = kanske\n", 8, "agreed"},
        {SESSION_HEAD "[answer.1]\ndissent.1 = Nej\n", 8, "dissent_by.1 is missing"},
        {SESSION_HEAD "[answer.1]\ndissent_by.1 = A\ndissent.1 = x\ndissent_by.2 = B\n", 10,
         "dissent.2 is missing"},
        {SESSION_HEAD "[answer.1]\npark_reason = sen\n", 8, "park_reason"},
        {SESSION_HEAD "[answer.1]\nstatus = klar\n", 8, "klar"},
        {SESSION_HEAD "[answer.1]\ndue = 2027-13-01\n", 8, "due"},
    };
    struct bank *b = load_fixture_bank("mini");
    assert_sessions_refused(b, bad, N_OF(bad));
    bank_free(b);
}

int main(void)
{
    msg_set_lang(LANG_EN);
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(dissent__recorded_with_agreement__round_trips),
        T(dissent__at_and_past_every_limit),
        T(parked_and_plan_step__round_trip),
        T(session_records__period_summary_theme_round_trip),
        T(agenda__spread_by_questions_adds_up),
        T(sittings__attendance_follows_participants),
        T(records__copied_by_dup_and_answer_copy),
        cmocka_unit_test(records__each_malformed_key__named_with_its_line),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
