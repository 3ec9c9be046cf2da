/* test_ops_room.c: the use cases of running the room: what the room decided about an answer
 * (agreed, dissent, the parking lot) through ops_set, the session's own records through
 * ops_edit (all parts or none), time spent per work area written without a save of its own,
 * sittings with attendance, and the agenda's clocks. */
#include "kollen/ops_edit.h"
#include "kollen/ops_msg.h"
#include "kollen/ops_room.h"
#include "test_ops_util.h"

static int edit(struct workshop *w, const struct ops_edit *e, struct ops_result *res, char *why)
{
    struct diags d;
    diags_init(&d);
    int rc = ops_edit(w, e, OPS_NOW, res, &d);
    if (why)
        snprintf(why, DIAG_TEXT_MAX, "%s", d.n ? d.v[0].msg : "");
    diags_free(&d);
    return rc;
}

static struct session *disk(struct bank **b)
{
    return test_reload(ops_path, b);
}

static const struct answer *disk_answer(struct session *s, const struct bank *b, int n)
{
    return &s->answers[bank_find_question(b, n)];
}

/* --- what the room decided --- */

static void decide__agreed_and_dissent__saved_and_undone_as_one_answer(void **st)
{
    (void)st;
    struct workshop *w = ops_open_path(0);
    struct ops_result res;
    const char *two[] = {"IT-chefen: Rutinen följs inte överallt", " Bo :  Bara på pappret ", NULL};
    struct ops_change c = {.agreed = OPS_ON, .dissent_add = two};
    assert_int_equal(ops_set_number(w, 2, &c, &res, NULL), KL_OK);
    assert_true(res.changed);
    assert_int_equal(res.saved, 1);
    struct bank *b;
    struct session *s = disk(&b);
    const struct answer *a = disk_answer(s, b, 2);
    assert_true(a->agreed);
    assert_int_equal(a->n_dissent, 2);
    assert_string_equal(a->dissent[0].who, "IT-chefen");
    assert_string_equal(a->dissent[0].view, "Rutinen följs inte överallt");
    assert_string_equal(a->dissent[1].who, "Bo"); /* both parts trimmed */
    assert_string_equal(a->dissent[1].view, "Bara på pappret");
    assert_false(answer_disputed(a)); /* agreed, with a reservation */
    assert_false(a->answered);        /* deciding is not answering */
    session_free(s);
    bank_free(b);
    /* edit one, remove the other; then undo back to both */
    struct ops_change e = {.dissent_edit = 1, .dissent_text = "Cia: Ny synpunkt"};
    assert_int_equal(ops_set_number(w, 2, &e, &res, NULL), KL_OK);
    struct ops_change r = {.dissent_remove = 2, .agreed = OPS_OFF};
    assert_int_equal(ops_set_number(w, 2, &r, &res, NULL), KL_OK);
    const struct answer *now = &w->ses->answers[bank_find_question(w->bank, 2)];
    assert_int_equal(now->n_dissent, 1);
    assert_string_equal(now->dissent[0].who, "Cia");
    assert_true(answer_disputed(now));
    assert_int_equal(ops_undo(w, OPS_NOW, &res, NULL), KL_OK);
    assert_int_equal(ops_undo(w, OPS_NOW, &res, NULL), KL_OK);
    now = &w->ses->answers[bank_find_question(w->bank, 2)];
    assert_int_equal(now->n_dissent, 2);
    assert_string_equal(now->dissent[0].who, "IT-chefen");
    assert_true(now->agreed);
    /* agreeing twice changes nothing: no step, no write */
    int steps = w->n_undo;
    struct ops_change again = {.agreed = OPS_ON};
    assert_int_equal(ops_set_number(w, 2, &again, &res, NULL), KL_OK);
    assert_false(res.changed);
    assert_int_equal(w->n_undo, steps);
    ops_close(w);
}

static void decide__bad_dissent__refused_and_nothing_changes(void **st)
{
    (void)st;
    struct workshop *w = ops_open_path(0);
    struct ops_result res;
    char why[DIAG_TEXT_MAX];
    const char *no_colon[] = {"IT-chefen håller inte med", NULL};
    struct ops_change c = {.dissent_add = no_colon, .agreed = OPS_ON};
    assert_int_equal(ops_set_number(w, 1, &c, &res, why), KL_EUSAGE);
    assert_non_null(strstr(why, "NAMN: SYNPUNKT"));
    const char *empty_view[] = {"Bo:  ", NULL};
    c.dissent_add = empty_view;
    assert_int_equal(ops_set_number(w, 1, &c, &res, why), KL_EUSAGE);
    const char *newline[] = {"Bo: två\nrader", NULL};
    c.dissent_add = newline;
    assert_int_equal(ops_set_number(w, 1, &c, &res, why), KL_EUSAGE);
    struct ops_change r = {.dissent_remove = 1};
    assert_int_equal(ops_set_number(w, 1, &r, &res, why), KL_EUSAGE);
    assert_non_null(strstr(why, "ingen avvikande mening 1"));
    struct ops_change ed = {.dissent_edit = 3, .dissent_text = "A: B"};
    assert_int_equal(ops_set_number(w, 1, &ed, &res, why), KL_EUSAGE);
    assert_false(w->ses->answers[0].agreed); /* the valid part did not happen either */
    assert_int_equal(w->n_undo, 0);
    ops_close(w);
}

static void decide__dissent_at_and_past_its_limits__kept_one_more_refused(void **st)
{
    (void)st;
    struct workshop *w = ops_open_path(0);
    struct ops_result res;
    /* a view of SESSION_DISSENT_MAX bytes (å is two), and a name of SESSION_FIELD_MAX */
    char spec[SESSION_FIELD_MAX + SESSION_DISSENT_MAX + 8];
    memset(spec, 'n', SESSION_FIELD_MAX);
    size_t k = SESSION_FIELD_MAX;
    spec[k++] = ':';
    for (int i = 0; i < SESSION_DISSENT_MAX / 2; i++) {
        spec[k++] = (char)0xC3;
        spec[k++] = (char)0xA5;
    }
    spec[k] = '\0';
    const char *one[] = {spec, NULL};
    struct ops_change c = {.dissent_add = one};
    for (int i = 0; i < SESSION_DISSENT_COUNT; i++)
        assert_int_equal(ops_set_number(w, 1, &c, &res, NULL), KL_OK);
    char why[DIAG_TEXT_MAX];
    assert_int_equal(ops_set_number(w, 1, &c, &res, why), KL_EUSAGE); /* the 21st */
    assert_non_null(strstr(why, "högst 20"));
    struct bank *b;
    struct session *s = disk(&b); /* round trip at the limit */
    const struct answer *a = disk_answer(s, b, 1);
    assert_int_equal(a->n_dissent, SESSION_DISSENT_COUNT);
    assert_int_equal(strlen(a->dissent[19].view), SESSION_DISSENT_MAX);
    assert_int_equal(strlen(a->dissent[19].who), SESSION_FIELD_MAX);
    session_free(s);
    bank_free(b);
    /* one byte past either limit */
    struct ops_change r = {.dissent_remove = 1};
    assert_int_equal(ops_set_number(w, 1, &r, &res, NULL), KL_OK);
    spec[k] = 'x';
    spec[k + 1] = '\0';
    assert_int_equal(ops_set_number(w, 1, &c, &res, NULL), KL_EUSAGE);
    spec[k] = '\0';
    memmove(spec + 1, spec, k + 1); /* the name one byte longer */
    assert_int_equal(ops_set_number(w, 1, &c, &res, NULL), KL_EUSAGE);
    ops_close(w);
}

static void park__with_and_without_reason__toggles_and_keeps_the_answer(void **st)
{
    (void)st;
    struct workshop *w = ops_open_path(0);
    struct ops_result res;
    struct ops_change tick = {.answer = "1,2"};
    assert_int_equal(ops_set_number(w, 1, &tick, &res, NULL), KL_OK);
    struct ops_change p = {.parked = OPS_ON, .park_reason = "Fråga IT-chefen"};
    assert_int_equal(ops_set_number(w, 1, &p, &res, NULL), KL_OK);
    struct bank *b;
    struct session *s = disk(&b);
    const struct answer *a = disk_answer(s, b, 1);
    assert_true(a->parked);
    assert_string_equal(a->park_reason, "Fråga IT-chefen");
    assert_int_equal(a->ticks, 3); /* parking is not answering, nor un-answering */
    session_free(s);
    bank_free(b);
    struct ops_change t = {.parked = OPS_TOGGLE};
    assert_int_equal(ops_set_number(w, 1, &t, &res, NULL), KL_OK);
    assert_false(w->ses->answers[0].parked);
    assert_null(w->ses->answers[0].park_reason); /* unparking drops the reason */
    assert_int_equal(ops_set_number(w, 1, &t, &res, NULL), KL_OK);
    assert_true(w->ses->answers[0].parked);
    assert_null(w->ses->answers[0].park_reason);
    /* a reason at the limit is kept, one byte more refused */
    char reason[SESSION_REASON_MAX + 2];
    memset(reason, 'r', SESSION_REASON_MAX);
    reason[SESSION_REASON_MAX] = '\0';
    struct ops_change lim = {.parked = OPS_ON, .park_reason = reason};
    assert_int_equal(ops_set_number(w, 1, &lim, &res, NULL), KL_OK);
    assert_int_equal(strlen(w->ses->answers[0].park_reason), SESSION_REASON_MAX);
    reason[SESSION_REASON_MAX] = 'r';
    reason[SESSION_REASON_MAX + 1] = '\0';
    assert_int_equal(ops_set_number(w, 1, &lim, &res, NULL), KL_EUSAGE);
    ops_close(w);
}

static void evidence__last_reference_removed__the_front_end_is_told(void **st)
{
    (void)st;
    struct workshop *w = ops_open_path(0);
    struct ops_result res;
    const char *two[] = {"Protokoll", "Rapport", NULL};
    struct ops_change add = {.evidence_add = two};
    assert_int_equal(ops_set_number(w, 1, &add, &res, NULL), KL_OK);
    struct ops_change rm = {.evidence_remove = 1};
    assert_int_equal(ops_set_number(w, 1, &rm, &res, NULL), KL_OK);
    assert_false(res.last_evidence); /* one is left */
    assert_int_equal(ops_set_number(w, 1, &rm, &res, NULL), KL_OK);
    assert_true(res.last_evidence);
    assert_true(w->ses->answers[0].documented); /* asked, not decided */
    /* told what to do in the same change: nothing to ask */
    assert_int_equal(ops_set_number(w, 1, &add, &res, NULL), KL_OK);
    struct ops_change rm_off = {.evidence_remove = 1, .documented = OPS_OFF};
    assert_int_equal(ops_set_number(w, 1, &rm_off, &res, NULL), KL_OK);
    assert_int_equal(ops_set_number(w, 1, &rm_off, &res, NULL), KL_OK);
    assert_false(res.last_evidence);
    assert_false(w->ses->answers[0].documented);
    ops_close(w);
}

/* --- the session's own records --- */

static void edit__every_field__saved_and_read_back(void **st)
{
    (void)st;
    struct workshop *w = ops_open_path(0);
    struct ops_result res;
    const char *add[] = {"Bo Berg: CISO", "Cia:IT-chef", "Dan", NULL};
    const char *agenda[] = {"alfa=25", NULL};
    struct ops_edit e = {0};
    e.organisation = "  Ny kommun ";
    e.facilitator = "Anna Ö";
    e.date = "2024-06-01";
    e.add = add;
    e.period = "2022-06-01..2024-05-31";
    e.summary = "Rad ett; två\nRad # tre";
    e.management_seen = "2024-06-10";
    e.minutes = 90;
    e.agenda = agenda;
    e.theme = "kontrast";
    assert_int_equal(edit(w, &e, &res, NULL), KL_OK);
    assert_true(res.changed);
    assert_int_equal(res.saved, 1);
    struct bank *b;
    struct session *s = disk(&b);
    assert_string_equal(s->organisation, "Ny kommun");
    assert_string_equal(s->facilitator, "Anna Ö");
    assert_string_equal(s->date, "2024-06-01");
    assert_int_equal(s->n_participants, 3);
    assert_string_equal(s->participants[1].name, "Cia");
    assert_string_equal(s->participants[1].role, "IT-chef");
    assert_string_equal(s->participants[2].role, "");
    assert_string_equal(s->period_from, "2022-06-01");
    assert_string_equal(s->period_to, "2024-05-31");
    assert_string_equal(s->summary, "Rad ett; två\nRad # tre");
    assert_string_equal(s->management_seen, "2024-06-10");
    assert_string_equal(s->theme, "kontrast");
    assert_int_equal(s->minutes, 90);
    /* 90 spread by questions (alfa 2, beta 3 of 5): 36 and 54; then alfa set to 25 */
    assert_int_equal(s->agenda[bank_find_area(b, "alfa")].minutes, 25);
    assert_int_equal(s->agenda[bank_find_area(b, "beta")].minutes, 54);
    assert_int_equal(s->modified, OPS_NOW);
    session_free(s);
    bank_free(b);
    ops_close(w);
}

static void edit__participants__role_by_name_edit_and_remove_renumber_attendance(void **st)
{
    (void)st;
    struct workshop *w = ops_open_path(0);
    struct ops_result res;
    const char *add[] = {"Bo: CISO", "Cia: IT-chef", "Dan: Jurist", NULL};
    struct ops_edit e = {.add = add};
    assert_int_equal(edit(w, &e, &res, NULL), KL_OK);
    assert_int_equal(ops_sitting_begin(w, OPS_NOW, NULL), KL_OK);
    assert_int_equal(ops_set_present(w, 1, 1, OPS_NOW, &res, NULL), KL_OK);
    assert_int_equal(ops_set_present(w, 2, 1, OPS_NOW, &res, NULL), KL_OK);
    /* the same name again gives it the new role, not a second Bo */
    const char *again[] = {"Bo: Säkerhetschef", NULL};
    struct ops_edit e2 = {.add = again};
    assert_int_equal(edit(w, &e2, &res, NULL), KL_OK);
    assert_int_equal(w->ses->n_participants, 3);
    assert_string_equal(w->ses->participants[0].role, "Säkerhetschef");
    struct ops_edit e3 = {.participant = 3, .name = "Dan D", .role = NULL};
    assert_int_equal(edit(w, &e3, &res, NULL), KL_OK);
    assert_string_equal(w->ses->participants[2].name, "Dan D");
    assert_string_equal(w->ses->participants[2].role, "Jurist");
    const char *rm[] = {"Bo", NULL};
    struct ops_edit e4 = {.remove = rm};
    assert_int_equal(edit(w, &e4, &res, NULL), KL_OK);
    struct bank *b;
    struct session *s = disk(&b);
    assert_int_equal(s->n_participants, 2);
    assert_string_equal(s->participants[0].name, "Cia");
    /* Cia (2) and Dan (3) were present; now they are 1 and 2 */
    assert_int_equal(s->sittings[0].n_present, 2);
    assert_int_equal(s->sittings[0].present[0], 1);
    assert_int_equal(s->sittings[0].present[1], 2);
    session_free(s);
    bank_free(b);
    char why[DIAG_TEXT_MAX];
    const char *nobody[] = {"Örjan", NULL};
    struct ops_edit e5 = {.remove = nobody};
    assert_int_equal(edit(w, &e5, &res, why), KL_EUSAGE);
    assert_non_null(strstr(why, "Örjan"));
    struct ops_edit e6 = {.participant = 9, .name = "X"};
    assert_int_equal(edit(w, &e6, &res, why), KL_EUSAGE);
    struct ops_edit e7 = {.participant = 1, .name = ""};
    assert_int_equal(edit(w, &e7, &res, why), KL_EUSAGE);
    const char *blank[] = {" : roll", NULL};
    struct ops_edit e8 = {.add = blank};
    assert_int_equal(edit(w, &e8, &res, why), KL_EUSAGE);
    ops_close(w);
}

static void edit__one_bad_part__nothing_changes_nothing_is_written(void **st)
{
    (void)st;
    struct workshop *w = ops_open_path(0);
    struct ops_result res;
    char *before = test_read_file(ops_path, NULL);
    char why[DIAG_TEXT_MAX];
    struct ops_edit cases[] = {
        {.organisation = "Ny", .period = "2024-01-01..2023-01-01"},
        {.organisation = "Ny", .period = "2024-01-01"},
        {.organisation = "Ny", .date = "2024-13-01"},
        {.organisation = "   "},
        {.facilitator = "Ny", .management_seen = "igår"},
        {.facilitator = "Ny", .theme = "Kontrast!"},
        {.facilitator = "Ny", .minutes = SESSION_MINUTES_MAX + 1},
        {.facilitator = "Ny", .area = 3, .area_minutes = 5},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        assert_int_equal(edit(w, &cases[i], &res, why), KL_EUSAGE);
        assert_true(why[0]);
    }
    const char *bad_agenda[][2] = {{"gamma=5", NULL}, {"alfa=1441", NULL}, {"alfa=x", NULL},
                                   {"-3", NULL}};
    for (size_t i = 0; i < 4; i++) {
        struct ops_edit e = {.facilitator = "Ny", .agenda = bad_agenda[i]};
        assert_int_equal(edit(w, &e, &res, why), KL_EUSAGE);
    }
    assert_non_null(strstr(why, "OMRÅDE=MINUTER"));
    struct ops_edit unknown = {.agenda = bad_agenda[0]};
    assert_int_equal(edit(w, &unknown, &res, why), KL_EUSAGE);
    assert_non_null(strstr(why, "alfa, beta")); /* the areas there are */
    char *after = test_read_file(ops_path, NULL);
    assert_string_equal(before, after);
    assert_string_equal(w->ses->facilitator, "");
    free(before);
    free(after);
    /* at the limits: 1440 minutes, a 64 KiB summary; an unchanged edit writes nothing */
    char *sum = malloc(SESSION_SUMMARY_MAX + 2);
    memset(sum, 's', SESSION_SUMMARY_MAX);
    sum[SESSION_SUMMARY_MAX] = '\0';
    struct ops_edit max = {.minutes = SESSION_MINUTES_MAX, .summary = sum};
    assert_int_equal(edit(w, &max, &res, NULL), KL_OK);
    sum[SESSION_SUMMARY_MAX] = 's';
    sum[SESSION_SUMMARY_MAX + 1] = '\0';
    struct ops_edit over = {.summary = sum};
    assert_int_equal(edit(w, &over, &res, NULL), KL_EUSAGE);
    free(sum);
    struct bank *b;
    struct session *s = disk(&b);
    assert_int_equal(s->minutes, SESSION_MINUTES_MAX);
    assert_int_equal(strlen(s->summary), SESSION_SUMMARY_MAX);
    session_free(s);
    bank_free(b);
    before = test_read_file(ops_path, NULL);
    struct ops_edit same = {.minutes = SESSION_MINUTES_MAX};
    assert_int_equal(ops_edit(w, &same, OPS_NOW + 100, &res, NULL), KL_OK);
    assert_false(res.changed);
    after = test_read_file(ops_path, NULL);
    assert_string_equal(before, after); /* not even modified was stamped */
    free(before);
    free(after);
    /* clearing: period, summary and the agenda */
    struct ops_edit clear = {.period = "", .summary = "", .minutes = -1};
    assert_int_equal(edit(w, &clear, &res, NULL), KL_OK);
    assert_null(w->ses->summary);
    assert_int_equal(w->ses->minutes, 0);
    assert_int_equal(w->ses->agenda[0].minutes, 0);
    ops_close(w);
}

static void edit__read_only__refused(void **st)
{
    (void)st;
    struct workshop *w = NULL;
    struct diags d;
    diags_init(&d);
    assert_int_equal(ops_open(&w, ops_path, OPS_QDIR, OPS_READ_ONLY, "test", &d), KL_OK);
    diags_free(&d);
    struct ops_result res;
    char why[DIAG_TEXT_MAX];
    struct ops_edit e = {.facilitator = "X"};
    assert_int_equal(edit(w, &e, &res, why), KL_EUSAGE);
    assert_non_null(strstr(why, "skrivskyddad"));
    assert_int_equal(ops_sitting_begin(w, OPS_NOW, NULL), KL_EUSAGE);
    ops_add_spent(w, 0, 60);
    assert_int_equal(w->ses->agenda[0].spent, 0);
    ops_close(w);
}

static void create__minutes__spread_over_the_areas(void **st)
{
    (void)st;
    char *p = test_tmp_path("agenda.ini");
    struct ops_new n = {0};
    n.bank_id = "mini";
    n.organisation = "Agendakommun";
    n.minutes = 121;
    struct diags d;
    diags_init(&d);
    assert_int_equal(ops_create(OPS_QDIR, p, &n, OPS_NOW, &d), KL_OK);
    struct bank *b;
    struct session *s = test_reload(p, &b);
    assert_int_equal(s->minutes, 121);
    /* alfa 2 and beta 3 of 5 questions: 48,4 and 72,6: the remainder to beta */
    assert_int_equal(s->agenda[bank_find_area(b, "alfa")].minutes, 48);
    assert_int_equal(s->agenda[bank_find_area(b, "beta")].minutes, 73);
    session_free(s);
    bank_free(b);
    n.minutes = SESSION_MINUTES_MAX + 1;
    char *p2 = test_tmp_path("agenda2.ini");
    assert_int_equal(ops_create(OPS_QDIR, p2, &n, OPS_NOW, &d), KL_EUSAGE);
    diags_free(&d);
    assert_int_equal(access(p2, F_OK), -1);
    free(p);
    free(p2);
}

/* --- time, sittings, clocks --- */

static void spent__in_memory_until_the_next_write__no_save_of_its_own(void **st)
{
    (void)st;
    struct workshop *w = ops_open_path(0);
    char *before = test_read_file(ops_path, NULL);
    ops_add_spent(w, 0, 90);
    ops_add_spent(w, 0, 30);
    ops_add_spent(w, 1, 0);   /* nothing */
    ops_add_spent(w, 7, 100); /* no such area */
    assert_true(w->pending);
    char *after = test_read_file(ops_path, NULL);
    assert_string_equal(before, after);
    free(after);
    assert_int_equal(ops_flush(w, OPS_NOW, NULL), KL_OK);
    assert_false(w->pending);
    struct bank *b;
    struct session *s = disk(&b);
    assert_int_equal(s->agenda[0].spent, 120);
    assert_int_equal(s->agenda[1].spent, 0);
    session_free(s);
    bank_free(b);
    /* an answer's save writes the time too */
    ops_add_spent(w, 1, 45);
    struct ops_result res;
    struct ops_change c = {.answer = "2"};
    assert_int_equal(ops_set_number(w, 2, &c, &res, NULL), KL_OK);
    assert_false(w->pending);
    s = disk(&b);
    assert_int_equal(s->agenda[1].spent, 45);
    session_free(s);
    bank_free(b);
    free(before);
    ops_close(w);
}

static void sitting__new_continued_after_a_break_and_ended(void **st)
{
    (void)st;
    struct workshop *w = ops_open_path(0);
    char *before = test_read_file(ops_path, NULL);
    assert_int_equal(ops_sitting_begin(w, OPS_NOW, NULL), KL_OK);
    char *after = test_read_file(ops_path, NULL);
    assert_string_equal(before, after); /* written with the next write, not on its own */
    free(before);
    free(after);
    assert_true(w->pending);
    assert_int_equal(w->sitting, 0);
    ops_sitting_end(w, OPS_NOW + 3600);
    assert_int_equal(ops_flush(w, OPS_NOW + 3600, NULL), KL_OK);
    ops_close(w);
    struct bank *b;
    struct session *s = disk(&b);
    assert_int_equal(s->n_sittings, 1);
    assert_int_equal(s->sittings[0].start, OPS_NOW);
    assert_int_equal(s->sittings[0].end, OPS_NOW + 3600);
    session_free(s);
    bank_free(b);
    /* opened again after a 20-minute break: the same sitting goes on */
    w = ops_open_path(0);
    assert_int_equal(ops_sitting_begin(w, OPS_NOW + 3600 + 1200, NULL), KL_OK);
    assert_int_equal(w->sitting, 0);
    assert_int_equal(w->ses->sittings[0].end, 0);
    ops_sitting_end(w, OPS_NOW + 7200);
    ops_flush(w, OPS_NOW + 7200, NULL);
    ops_close(w);
    /* the next day: a new one */
    w = ops_open_path(0);
    assert_int_equal(ops_sitting_begin(w, OPS_NOW + 86400, NULL), KL_OK);
    assert_int_equal(w->sitting, 1);
    assert_int_equal(w->ses->n_sittings, 2);
    ops_close(w);
}

static void sitting__at_the_limit__the_101st_refused(void **st)
{
    (void)st;
    struct workshop *w = ops_open_path(0);
    for (int i = 0; i < SESSION_SITTINGS_MAX; i++) {
        assert_int_equal(ops_sitting_begin(w, OPS_NOW + (int64_t)i * 86400, NULL), KL_OK);
        ops_sitting_end(w, OPS_NOW + (int64_t)i * 86400 + 60);
    }
    ops_flush(w, OPS_NOW, NULL);
    char why[DIAG_TEXT_MAX];
    struct diags d;
    diags_init(&d);
    assert_int_equal(ops_sitting_begin(w, OPS_NOW + 101 * 86400, &d), KL_EUSAGE);
    snprintf(why, sizeof why, "%s", d.n ? d.v[0].msg : "");
    diags_free(&d);
    assert_non_null(strstr(why, "högst 100"));
    ops_close(w);
    struct bank *b;
    struct session *s = disk(&b); /* a round trip of the most sittings */
    assert_int_equal(s->n_sittings, SESSION_SITTINGS_MAX);
    assert_int_equal(s->sittings[99].end, OPS_NOW + 99 * 86400 + 60);
    session_free(s);
    bank_free(b);
}

static void present__ticked_and_unticked__saved_only_when_it_changes(void **st)
{
    (void)st;
    struct workshop *w = ops_open_path(0);
    struct ops_result res;
    const char *add[] = {"Bo: CISO", "Cia: IT-chef", NULL};
    struct ops_edit e = {.add = add};
    assert_int_equal(edit(w, &e, &res, NULL), KL_OK);
    char why[DIAG_TEXT_MAX];
    struct diags d;
    diags_init(&d);
    assert_int_equal(ops_set_present(w, 0, 1, OPS_NOW, &res, &d), KL_EUSAGE); /* no sitting */
    snprintf(why, sizeof why, "%s", d.v[0].msg);
    diags_free(&d);
    assert_non_null(strstr(why, "möte"));
    assert_int_equal(ops_sitting_begin(w, OPS_NOW, NULL), KL_OK);
    assert_int_equal(ops_set_present(w, 1, 1, OPS_NOW, &res, NULL), KL_OK);
    assert_int_equal(res.saved, 1);
    assert_int_equal(ops_set_present(w, 1, 1, OPS_NOW, &res, NULL), KL_OK);
    assert_int_equal(res.saved, 0); /* already there */
    assert_int_equal(ops_set_present(w, 5, 1, OPS_NOW, &res, NULL), KL_EUSAGE);
    struct bank *b;
    struct session *s = disk(&b);
    assert_int_equal(s->sittings[0].n_present, 1);
    assert_int_equal(s->sittings[0].present[0], 2);
    session_free(s);
    bank_free(b);
    assert_int_equal(ops_set_present(w, 1, 0, OPS_NOW, &res, NULL), KL_OK);
    assert_int_equal(w->ses->sittings[0].n_present, 0);
    ops_close(w);
}

static void clock__area_total_areas_left_and_over_time(void **st)
{
    (void)st;
    struct workshop *w = ops_open_path(0);
    struct agenda_clock c;
    ops_agenda_clock(w, 0, &c);
    assert_false(c.planned);
    assert_int_equal(c.areas_left, 1); /* beta: nothing answered */
    struct ops_result res;
    struct ops_edit e = {.minutes = 10}; /* alfa 4, beta 6 */
    assert_int_equal(edit(w, &e, &res, NULL), KL_OK);
    ops_add_spent(w, 0, 4 * 60 + 30);
    ops_add_spent(w, 1, 60);
    ops_agenda_clock(w, 0, &c);
    assert_true(c.planned);
    assert_int_equal(c.area_minutes, 4);
    assert_int_equal(c.area_spent, 270);
    assert_int_equal(c.area_over, 30);
    assert_int_equal(c.total_minutes, 10);
    assert_int_equal(c.total_spent, 330);
    assert_int_equal(c.total_over, 0);
    assert_int_equal(c.areas_left, 1);
    assert_int_equal(c.left_minutes, 6);
    /* beta answered throughout: no area left but the current one */
    struct ops_change all = {.answer = "all"};
    struct ops_change none = {.answer = "none"};
    assert_int_equal(ops_set_number(w, 2, &all, &res, NULL), KL_OK);
    assert_int_equal(ops_set_number(w, 4, &none, &res, NULL), KL_OK);
    assert_int_equal(ops_set_number(w, 5, &none, &res, NULL), KL_OK);
    ops_add_spent(w, 1, 10 * 60);
    ops_agenda_clock(w, 0, &c);
    assert_int_equal(c.areas_left, 0);
    assert_int_equal(c.total_over, 930 - 600);
    ops_close(w);
}

#define T(f) cmocka_unit_test_setup_teardown(f, ops_setup, ops_teardown)

int main(void)
{
    msg_set_lang(LANG_SV);
    const struct CMUnitTest tests[] = {
        T(decide__agreed_and_dissent__saved_and_undone_as_one_answer),
        T(decide__bad_dissent__refused_and_nothing_changes),
        T(decide__dissent_at_and_past_its_limits__kept_one_more_refused),
        T(park__with_and_without_reason__toggles_and_keeps_the_answer),
        T(evidence__last_reference_removed__the_front_end_is_told),
        T(edit__every_field__saved_and_read_back),
        T(edit__participants__role_by_name_edit_and_remove_renumber_attendance),
        T(edit__one_bad_part__nothing_changes_nothing_is_written),
        T(edit__read_only__refused),
        T(create__minutes__spread_over_the_areas),
        T(spent__in_memory_until_the_next_write__no_save_of_its_own),
        T(sitting__new_continued_after_a_break_and_ended),
        T(sitting__at_the_limit__the_101st_refused),
        T(present__ticked_and_unticked__saved_only_when_it_changes),
        T(clock__area_total_areas_left_and_over_time),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
