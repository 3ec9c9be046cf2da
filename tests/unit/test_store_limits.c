/* test_store_limits.c: the store at and past every limit. The largest session kollen accepts
 * (every question with the longest note of worst-case text, the most evidence references of
 * worst-case text, every one-line field at its maximum, 200 participants) saves and loads
 * again; one past each limit is refused with a message; floods of keys and sections are refused
 * with their line, never a crash; and random sessions within the limits save and load to the
 * same session (a property test). */
#include <errno.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ini.h"
#include "testutil.h"
#include "worst_text.h"
#include "kollen/msg.h"
#include "kollen/text.h"

/* --- worst-case text --- */

/* Exactly n bytes of worst-case text (worst_text.h); the caller frees it. */
static char *worst_text(size_t n, unsigned kind, int newlines)
{
    char *p = malloc(n + 1);
    assert_non_null(p);
    return worst_fill(p, n, kind, newlines);
}

/* --- comparing sessions, field by field --- */

static void same_text(const char *what, int i, const char *x, const char *y)
{
    x = x ? x : "";
    y = y ? y : "";
    if (strcmp(x, y))
        fail_msg("%s %d differs: %zu bytes saved, %zu loaded", what, i, strlen(x), strlen(y));
}

static void same_kv(const struct kvlist *x, const struct kvlist *y)
{
    assert_int_equal(x->n, y->n);
    for (int i = 0; i < x->n; i++) {
        assert_string_equal(x->v[i].key, y->v[i].key);
        assert_string_equal(x->v[i].value, y->v[i].value);
    }
}

/* What the room decided about answer i: agreement, dissent, parking, the plan step. */
static void assert_same_records(int i, const struct answer *a, const struct answer *b)
{
    assert_int_equal(a->agreed, b->agreed);
    assert_int_equal(a->parked, b->parked);
    same_text("park_reason", i, a->park_reason, b->park_reason);
    assert_int_equal(a->n_dissent, b->n_dissent);
    for (int k = 0; k < a->n_dissent; k++) {
        same_text("dissent who", i * 100 + k, a->dissent[k].who, b->dissent[k].who);
        same_text("dissent view", i * 100 + k, a->dissent[k].view, b->dissent[k].view);
    }
    same_text("owner", i, a->owner, b->owner);
    same_text("due", i, a->due, b->due);
    assert_int_equal(a->status, b->status);
}

static void assert_same_session(const struct session *x, const struct session *y)
{
    same_text("bank", 0, x->bank_id, y->bank_id);
    same_text("organisation", 0, x->organisation, y->organisation);
    same_text("facilitator", 0, x->facilitator, y->facilitator);
    same_text("date", 0, x->date, y->date);
    assert_int_equal(x->group, y->group);
    assert_int_equal(x->created, y->created);
    assert_int_equal(x->modified, y->modified);
    assert_int_equal(x->cursor, y->cursor);
    assert_int_equal(x->n_participants, y->n_participants);
    for (int i = 0; i < x->n_participants; i++) {
        same_text("participant name", i, x->participants[i].name, y->participants[i].name);
        same_text("participant role", i, x->participants[i].role, y->participants[i].role);
    }
    assert_int_equal(x->n_answers, y->n_answers);
    for (int i = 0; i < x->n_answers; i++) {
        const struct answer *a = &x->answers[i], *b = &y->answers[i];
        assert_int_equal(a->answered, b->answered);
        if (a->answered) {
            assert_int_equal(a->ticks, b->ticks);
            assert_int_equal(a->choice, b->choice);
        }
        same_text("note", i, a->note, b->note);
        assert_int_equal(a->n_evidence, b->n_evidence);
        for (int k = 0; k < a->n_evidence; k++)
            same_text("evidence", i * 100 + k, a->evidence[k], b->evidence[k]);
        assert_int_equal(a->documented, b->documented);
        assert_int_equal(a->followup, b->followup);
        /* an answer with nothing recorded is not written, nor is when it last changed */
        int recorded = a->answered || (a->note && *a->note) || a->n_evidence || a->documented ||
                       a->followup || a->agreed || a->parked || a->n_dissent || a->owner ||
                       a->due || a->status || a->extra.n;
        assert_int_equal(recorded ? a->changed : 0, b->changed);
        assert_same_records(i, a, b);
        same_kv(&a->extra, &b->extra);
    }
    same_text("period_from", 0, x->period_from, y->period_from);
    same_text("period_to", 0, x->period_to, y->period_to);
    same_text("summary", 0, x->summary, y->summary);
    same_text("management_seen", 0, x->management_seen, y->management_seen);
    same_text("theme", 0, x->theme, y->theme);
    same_text("companion", 0, x->companion, y->companion);
    assert_int_equal(x->minutes, y->minutes);
    assert_int_equal(x->n_agenda, y->n_agenda);
    for (int i = 0; i < x->n_agenda; i++) {
        assert_int_equal(x->agenda[i].minutes, y->agenda[i].minutes);
        assert_int_equal(x->agenda[i].spent, y->agenda[i].spent);
    }
    assert_int_equal(x->n_sittings, y->n_sittings);
    for (int i = 0; i < x->n_sittings; i++) {
        assert_int_equal(x->sittings[i].start, y->sittings[i].start);
        assert_int_equal(x->sittings[i].end, y->sittings[i].end);
        assert_int_equal(x->sittings[i].n_present, y->sittings[i].n_present);
        for (int k = 0; k < x->sittings[i].n_present; k++)
            assert_int_equal(x->sittings[i].present[k], y->sittings[i].present[k]);
    }
    same_kv(&x->extra, &y->extra);
    assert_int_equal(x->n_sections, y->n_sections);
}

/* Parts of one note at most: 3 * SESSION_NOTE_MAX encoded bytes, every part but the last at
 * least half of 960 (docs/session-format.md, "Limits"). */
#define NOTE_PARTS_MAX 411

/* The file is one the loader accepts by construction: every line, the size, the entries; and
 * no note takes more parts than documented. */
static void assert_within_loader_limits(const char *text, size_t len)
{
    assert_true(len <= (size_t)INI_FILE_MAX);
    long entries = 0, parts = 0;
    const char *p = text, *end = text + len;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
        if (n > INI_LINE_MAX)
            fail_msg("a line of %zu bytes: %.60s", n, p);
        entries += n && *p != ';' && *p != '#';
        parts = *p == '[' ? 0 : parts + (strncmp(p, "note.", 5) == 0);
        if (parts > NOTE_PARTS_MAX)
            fail_msg("a note of more than %d parts", NOTE_PARTS_MAX);
        p += n + 1;
    }
    assert_true(entries <= INI_KEYS_MAX);
}

/* Save, check the file, load, compare; the loaded session formats to the very same bytes. */
static void round_trip(const struct bank *b, const struct session *s, const char *path)
{
    struct diags d;
    diags_init(&d);
    assert_loaded(session_save(path, b, s, 0, &d), &d);
    size_t len;
    char *file = test_read_file(path, &len);
    assert_non_null(file);
    assert_within_loader_limits(file, len);
    struct session *back = NULL;
    assert_loaded(session_load(path, b, &back, &d), &d);
    assert_same_session(s, back);
    char *again = session_format(b, back);
    assert_non_null(again);
    assert_string_equal(again, file);
    free(again);
    free(file);
    session_free(back);
    diags_free(&d);
}

/* The most dissent entries, the longest park reason, the longest owner: worst-case text. */
static void records_at_their_limits(struct session *s, int qi, unsigned shift, struct diags *d)
{
    for (int k = 0; k < SESSION_DISSENT_COUNT; k++) {
        char *who = worst_text(SESSION_FIELD_MAX, (unsigned)(shift + qi + k) % (N_WORST + 1), 0);
        char *view =
            worst_text(SESSION_DISSENT_MAX, (unsigned)(shift + qi + k + 1) % (N_WORST + 1), 0);
        assert_int_equal(session_add_dissent(s, qi, who, view, 1764000000 + qi, d), KL_OK);
        free(who);
        free(view);
    }
    assert_int_equal(session_set_agreed(s, qi, qi % 2, 1764000000 + qi), KL_OK);
    char *reason = worst_text(SESSION_REASON_MAX, (shift + (unsigned)qi) % (N_WORST + 1), 0);
    assert_int_equal(session_set_parked(s, qi, 1, reason, 1764000000 + qi, d), KL_OK);
    free(reason);
    char *owner = worst_text(SESSION_FIELD_MAX, (shift + (unsigned)qi + 2) % (N_WORST + 1), 0);
    assert_int_equal(
        session_set_step(s, qi, owner, "2027-12-31", STEP_STARTED, 1764000000 + qi, d), KL_OK);
    free(owner);
}

/* The longest summary, the most sittings with everyone present, every area's agenda. */
static void session_records_at_their_limits(struct session *s, const struct bank *b,
                                            unsigned shift, struct diags *d)
{
    char *summary = worst_text(SESSION_SUMMARY_MAX, shift % (N_WORST + 1), 1);
    assert_int_equal(session_set_summary(s, summary, d), KL_OK);
    free(summary);
    assert_int_equal(session_set_period(s, "2024-12-31", "2026-12-30", d), KL_OK);
    assert_int_equal(session_set_date_field(&s->management_seen, "2027-01-15", 0, d), KL_OK);
    char theme[SESSION_THEME_MAX + 1];
    memset(theme, 'k', SESSION_THEME_MAX);
    theme[SESSION_THEME_MAX] = '\0';
    assert_int_equal(session_set_theme(s, theme, d), KL_OK);
    char *companion = worst_text(SESSION_FIELD_MAX, (shift + 4) % (N_WORST + 1), 0);
    assert_int_equal(session_set_companion(s, companion, d), KL_OK);
    free(companion);
    assert_int_equal(session_set_minutes(s, b, SESSION_MINUTES_MAX, 1, d), KL_OK);
    for (int ai = 0; ai < b->n_areas; ai++)
        session_add_spent(s, ai, 100LL * 365 * 24 * 3600 - ai);
    for (int k = 0; k < SESSION_SITTINGS_MAX; k++) {
        int t;
        assert_int_equal(session_add_sitting(s, 1764000000 + k * 86400, &t, d), KL_OK);
        assert_int_equal(session_end_sitting(s, t, 1764000000 + k * 86400 + 7200), KL_OK);
        for (int p = 0; p < s->n_participants; p++)
            assert_int_equal(session_set_present(s, t, p, 1, d), KL_OK);
    }
}

/* Every question answered with its longest note and the most evidence references, all of
 * worst-case text; every one-line field at its maximum; 200 participants. */
static struct session *session_at_every_limit(const struct bank *b, unsigned shift)
{
    struct diags d;
    diags_init(&d);
    char *field = worst_text(SESSION_FIELD_MAX, (shift + 1) % (N_WORST + 1), 0);
    struct session *s = session_new(b, field, GROUP_MYNDIGHET, "2026-12-31", 1764000000);
    assert_non_null(s);
    free(field);
    field = worst_text(SESSION_FIELD_MAX, (shift + 2) % (N_WORST + 1), 0);
    assert_int_equal(session_set_text(&s->facilitator, field, SESSION_FIELD_MAX, &d), KL_OK);
    free(field);
    for (int i = 0; i < SESSION_PARTICIPANTS_MAX; i++) {
        char *name = worst_text(SESSION_FIELD_MAX, (unsigned)(shift + i) % (N_WORST + 1), 0);
        char *role = worst_text(SESSION_FIELD_MAX, (unsigned)(shift + i + 3) % (N_WORST + 1), 0);
        assert_int_equal(session_add_participant(s, name, role, &d), KL_OK);
        free(name);
        free(role);
    }
    for (int qi = 0; qi < b->n_questions; qi++) {
        struct answer *a = &s->answers[qi];
        assert_int_equal(answer_parse(&b->questions[qi], "all", a, &d), KL_OK);
        a->answered = 1;
        char *note = worst_text(SESSION_NOTE_MAX, (unsigned)(shift + qi) % (N_WORST + 1), 1);
        assert_int_equal(session_set_note(s, qi, note, 1764000000 + qi, &d), KL_OK);
        free(note);
        for (int k = 0; k < SESSION_EVIDENCE_COUNT; k++) {
            char *ref = worst_text(SESSION_EVIDENCE_MAX,
                                   (unsigned)(shift + qi + k) % (N_WORST + 1), 0);
            assert_int_equal(session_add_evidence(s, qi, ref, 1764000000 + qi, &d), KL_OK);
            free(ref);
        }
        a->documented = 1;
        a->followup = qi % 2;
        records_at_their_limits(s, qi, shift, &d);
    }
    session_records_at_their_limits(s, b, shift, &d);
    s->cursor = b->questions[b->n_questions - 1].number;
    s->modified = 1764000999;
    diags_free(&d);
    return s;
}

static void limits__every_field_at_its_maximum__saves_and_loads_again(void **st)
{
    (void)st;
    static const char *const banks[] = {"infosakkollen-2023", "it-sakkollen-2023"};
    char path[300];
    snprintf(path, sizeof path, "%s/max.ini", test_tmp);
    for (size_t i = 0; i < sizeof banks / sizeof *banks; i++) {
        struct bank *b = load_bank_in("questions", banks[i]);
        struct session *s = session_at_every_limit(b, (unsigned)i * 5);
        round_trip(b, s, path);
        session_free(s);
        bank_free(b);
    }
}

/* A bank of n questions of one option each, in test_tmp/big. */
static char *bank_of(int n)
{
    static char dir[300];
    snprintf(dir, sizeof dir, "%s/big", test_tmp);
    mkdir(dir, 0700);
    char path[400];
    snprintf(path, sizeof path, "%s/bank.ini", dir);
    const char *bank = "[bank]\nid = big\nname = Big\nprovenance = p\n[levels]\n1 = One\n";
    test_write_bytes(path, bank, strlen(bank));
    snprintf(path, sizeof path, "%s/areas.ini", dir);
    test_write_bytes(path, "[area.a]\nname = A\n", 18);
    struct sbuf q;
    sbuf_init(&q);
    for (int i = 1; i <= n; i++)
        sbuf_addf(&q, "[question.%d]\narea = a\nsection = 1\ntype = multi\ntext = T\n"
                      "provenance = reconstructed\npoints = 1\noption.1 = x\nrule.1 = all\n", i);
    snprintf(path, sizeof path, "%s/questions.ini", dir);
    test_write_bytes(path, q.p, q.len);
    sbuf_free(&q);
    return dir;
}

/* A bank of 90 questions accepts 90 longest notes, but the file would pass the loader's
 * size limit: the save is refused with a message and the saved file stays as it was. */
static void limits__session_larger_than_the_loader_reads__not_saved(void **st)
{
    (void)st;
    struct diags d;
    struct bank *b;
    diags_init(&d);
    assert_int_equal(bank_load(bank_of(90), 0, &b, &d), KL_OK);
    struct session *s = session_new(b, "Org", GROUP_KOMMUN, "2026-01-01", 1764000000);
    char path[300];
    snprintf(path, sizeof path, "%s/huge.ini", test_tmp);
    assert_int_equal(session_save(path, b, s, 0, &d), KL_OK);
    size_t before_len;
    char *before = test_read_file(path, &before_len);
    char *note = worst_text(SESSION_NOTE_MAX, 1, 1); /* all ';': 3 bytes each once written */
    for (int qi = 0; qi < b->n_questions; qi++)
        assert_int_equal(session_set_note(s, qi, note, 1, &d), KL_OK);
    free(note);
    diags_clear(&d);
    int rc = session_save(path, b, s, 0, &d);
    assert_int_not_equal(rc, KL_OK);
    const struct diag *g = diags_first_error(&d);
    assert_non_null(g);
    assert_non_null(strstr(g->msg, "16777216"));
    size_t after_len;
    char *after = test_read_file(path, &after_len);
    assert_int_equal(before_len, after_len);
    assert_memory_equal(before, after, before_len);
    free(before);
    free(after);
    session_free(s);
    bank_free(b);
    diags_free(&d);
}

/* --- one past each limit --- */

static void limits__one_past_each_setter_limit__refused_and_nothing_changes(void **st)
{
    (void)st;
    struct bank *b = load_fixture_bank("mini");
    struct session *s = session_new(b, "Org", GROUP_KOMMUN, "2026-01-01", 1);
    struct diags d;
    diags_init(&d);
    char *text = worst_text(SESSION_NOTE_MAX + 1, N_WORST, 1);
    assert_int_equal(session_set_note(s, 0, text, 1, &d), KL_EUSAGE);
    assert_null(s->answers[0].note);
    free(text);
    text = worst_text(SESSION_EVIDENCE_MAX + 1, N_WORST, 0);
    assert_int_equal(session_add_evidence(s, 0, text, 1, &d), KL_EUSAGE);
    free(text);
    for (int k = 0; k < SESSION_EVIDENCE_COUNT; k++)
        assert_int_equal(session_add_evidence(s, 0, "e", 1, &d), KL_OK);
    assert_int_equal(session_add_evidence(s, 0, "e", 1, &d), KL_EUSAGE);
    assert_int_equal(s->answers[0].n_evidence, SESSION_EVIDENCE_COUNT);
    text = worst_text(SESSION_FIELD_MAX + 1, 1, 0);
    assert_int_equal(session_set_text(&s->organisation, text, SESSION_FIELD_MAX, &d), KL_EUSAGE);
    assert_string_equal(s->organisation, "Org");
    assert_int_equal(session_add_participant(s, text, "", &d), KL_EUSAGE);
    assert_int_equal(session_add_participant(s, "", text, &d), KL_EUSAGE);
    free(text);
    for (int i = 0; i < SESSION_PARTICIPANTS_MAX; i++)
        assert_int_equal(session_add_participant(s, "P", "R", &d), KL_OK);
    assert_int_equal(session_add_participant(s, "P", "R", &d), KL_EUSAGE);
    assert_int_equal(s->n_participants, SESSION_PARTICIPANTS_MAX);
    session_free(s);
    bank_free(b);
    diags_free(&d);
}

#define HEAD "[session]\nformat = 1\nbank = mini\norganisation = O\ngroup = kommun\n" \
             "date = 2026-01-01\n"

/* Parse text as a session for the mini bank; expect rc, and when failing, line and needle. */
static void expect_session(const struct bank *b, const struct sbuf *t, int ok, int line,
                           const char *needle)
{
    struct session *s = NULL;
    struct diags d;
    diags_init(&d);
    int rc = session_parse("t.ini", t->p, t->len, b, &s, &d);
    if (ok) {
        if (rc != KL_OK)
            fail_msg("expected to load, got line %d: %s", d.n ? d.v[0].line : 0,
                     d.n ? d.v[0].msg : "no message");
    } else {
        assert_int_not_equal(rc, KL_OK);
        assert_null(s);
        assert_diag(&d, line, needle);
    }
    session_free(s);
    diags_free(&d);
}

/* A note of n bytes written as parts of 900 x's and the rest. */
static void note_of(struct sbuf *t, size_t n)
{
    sbuf_reset(t);
    sbuf_add(t, HEAD "[answer.1]\n");
    for (int part = 1; n; part++) {
        size_t k = n < 900 ? n : 900;
        sbuf_addf(t, "note.%d = ", part);
        for (size_t i = 0; i < k; i++)
            sbuf_addc(t, 'x');
        sbuf_addc(t, '\n');
        n -= k;
    }
}

/* HEAD, then `key = ` a value of n bytes: loads; of n + 1 bytes: refused at line `at` with
 * want in the message. key may start with the lines before it ("[answer.1]\nevidence.1"). */
static void value_limit(const struct bank *b, struct sbuf *t, const char *key, int n, int at,
                        const char *want)
{
    sbuf_reset(t);
    sbuf_addf(t, HEAD "%s = %0*d\n", key, n, 1);
    expect_session(b, t, 1, 0, NULL);
    sbuf_reset(t);
    sbuf_addf(t, HEAD "%s = %0*d\n", key, n + 1, 1);
    expect_session(b, t, 0, at, want);
}

static void limits__one_past_each_file_limit__refused_with_its_line(void **st)
{
    (void)st;
    struct bank *b = load_fixture_bank("mini");
    struct sbuf t;
    sbuf_init(&t);
    char num[32];

    note_of(&t, SESSION_NOTE_MAX);
    expect_session(b, &t, 1, 0, NULL);
    note_of(&t, SESSION_NOTE_MAX + 1);
    snprintf(num, sizeof num, "%d", SESSION_NOTE_MAX);
    expect_session(b, &t, 0, 8, num);

    sbuf_reset(&t);
    sbuf_add(&t, HEAD "[answer.1]\n");
    for (int k = 1; k <= SESSION_EVIDENCE_COUNT; k++)
        sbuf_addf(&t, "evidence.%d = %0300d\n", k, k);
    expect_session(b, &t, 1, 0, NULL);
    sbuf_addf(&t, "evidence.%d = e\n", SESSION_EVIDENCE_COUNT + 1);
    expect_session(b, &t, 0, 7, "at most 64");

    value_limit(b, &t, "[answer.1]\nevidence.1", 300, 8, "301");

    value_limit(b, &t, "facilitator", 200, 7, "201");

    sbuf_reset(&t);
    sbuf_add(&t, HEAD);
    for (int i = 1; i <= SESSION_PARTICIPANTS_MAX; i++)
        sbuf_addf(&t, "[participant.%d]\nname = P%d\n", i, i);
    expect_session(b, &t, 1, 0, NULL);
    sbuf_addf(&t, "[participant.%d]\nname = P\n", SESSION_PARTICIPANTS_MAX + 1);
    snprintf(num, sizeof num, "at most %d", SESSION_PARTICIPANTS_MAX);
    expect_session(b, &t, 0, 7 + 2 * SESSION_PARTICIPANTS_MAX, num);

    /* a line of 1000 bytes (a key kollen does not know: kept), and of 1001 */
    value_limit(b, &t, "future", 991, 7, "1000");
    sbuf_free(&t);
    bank_free(b);
}

/* An unknown key of a 999-byte line, written back: still a line the loader reads. */
static void limits__longest_unknown_key__written_back_within_the_line_limit(void **st)
{
    (void)st;
    struct bank *b = load_fixture_bank("mini");
    struct sbuf t;
    sbuf_init(&t);
    sbuf_addf(&t, HEAD "future=%0993d\n[answer.1]\nx=%0998d\n", 1, 2);
    struct session *s;
    struct diags d;
    diags_init(&d);
    assert_int_equal(session_parse("t.ini", t.p, t.len, b, &s, &d), KL_OK);
    char path[300];
    snprintf(path, sizeof path, "%s/long.ini", test_tmp);
    round_trip(b, s, path);
    session_free(s);
    sbuf_free(&t);
    diags_free(&d);
    bank_free(b);
}

/* The file size limit itself: 16 MiB loads (it is comments), one byte more is refused. */
static void limits__file_of_the_largest_size__loads_and_one_byte_more_is_refused(void **st)
{
    (void)st;
    size_t n = (size_t)INI_FILE_MAX;
    char *p = malloc(n + 1);
    assert_non_null(p);
    const char *head = "[session]\n";
    memcpy(p, head, strlen(head));
    for (size_t i = strlen(head); i < n; i += 100) {
        size_t k = n - i < 100 ? n - i : 100;
        memset(p + i, ';', k);
        p[i + k - 1] = '\n';
    }
    char path[300];
    snprintf(path, sizeof path, "%s/huge.ini", test_tmp);
    test_write_bytes(path, p, n);
    struct ini *ini;
    struct diags d;
    diags_init(&d);
    assert_int_equal(ini_load(path, &ini, &d), KL_OK);
    ini_free(ini);
    p[n] = '\n';
    test_write_bytes(path, p, n + 1);
    assert_int_equal(ini_load(path, &ini, &d), KL_EPARSE);
    assert_non_null(strstr(d.v[0].msg, "16777216"));
    free(p);
    diags_free(&d);
}

/* --- floods of keys and sections --- */

static void flood(struct sbuf *t, long n, int sections)
{
    sbuf_reset(t);
    if (!sections)
        sbuf_add(t, "[a]\n");
    for (long i = 1; i <= n; i++) {
        if (sections)
            sbuf_addf(t, "[s%ld]\n", i);
        else
            sbuf_addf(t, "k%ld = v\n", i);
    }
}

/* Past 262,000 keys the duplicate-key table used to read a slot it never filled (SIGSEGV);
 * a section per line made the duplicate check quadratic. Both: one message, the line. */
static void limits__flood_of_keys_or_sections__refused_with_the_line(void **st)
{
    (void)st;
    struct sbuf t;
    sbuf_init(&t);
    char num[32];
    snprintf(num, sizeof num, "%d", INI_KEYS_MAX);
    for (int sections = 0; sections <= 1; sections++) {
        flood(&t, 270000, sections);
        struct ini *ini;
        struct diags d;
        diags_init(&d);
        alarm(120);
        assert_int_equal(ini_parse("t.ini", t.p, t.len, &ini, &d), KL_EPARSE);
        alarm(0);
        assert_diag(&d, INI_KEYS_MAX + 1, num);
        assert_int_equal(diags_errors(&d), 1);
        diags_free(&d);
    }
    sbuf_free(&t);
}

/* A tail of at most a quarter chunk joins the chunk before it (one iniparser load for a session
 * a lean load hands about 130 entries); one entry more and it is a chunk of its own. Every
 * value still compared. */
static void limits__short_tail__read_with_the_chunk_before_it(void **st)
{
    (void)st;
    struct sbuf t;
    sbuf_init(&t);
    const long sizes[] = {INI_CHUNK - 1, INI_CHUNK, INI_CHUNK_MAX - 1, INI_CHUNK_MAX,
                          INI_CHUNK_MAX + 1, 2 * INI_CHUNK + INI_CHUNK / 4 - 1,
                          2 * INI_CHUNK + INI_CHUNK / 4}; /* the second repeats [a] */
    const int reads[] = {1, 1, 1, 1, 2, 2, 3};
    for (size_t i = 0; i < sizeof sizes / sizeof *sizes; i++) {
        flood(&t, sizes[i] - 1, 0); /* [a] and its keys */
        struct ini *ini;
        struct diags d;
        diags_init(&d);
        assert_int_equal(ini_parse("t.ini", t.p, t.len, &ini, &d), KL_OK);
        assert_int_equal(ini->n_entries, sizes[i]);
        assert_int_equal(ini->n_reads, reads[i]);
        assert_true(ini->most_read <= INI_CHUNK_MAX);
        char key[32];
        snprintf(key, sizeof key, "k%ld", sizes[i] - 1);
        assert_string_equal(ini_raw(ini_section(ini, "a"), key), "v");
        ini_free(ini);
        diags_free(&d);
    }
    sbuf_free(&t);
}

/* At the limit: the file loads, iniparser saw it a bounded piece at a time, and agrees with
 * the scan on every value. */
static void limits__keys_at_the_limit__load_in_small_dictionaries(void **st)
{
    (void)st;
    struct sbuf t;
    sbuf_init(&t);
    flood(&t, INI_KEYS_MAX - 1, 0);
    struct ini *ini;
    struct diags d;
    diags_init(&d);
    assert_int_equal(ini_parse("t.ini", t.p, t.len, &ini, &d), KL_OK);
    assert_int_equal(ini->n_entries, INI_KEYS_MAX);
    assert_true(ini->n_reads >= INI_KEYS_MAX / INI_CHUNK);
    assert_true(ini->most_read <= INI_CHUNK_MAX);
    const struct ini_section *s = ini_section(ini, "a");
    assert_int_equal(s->n_keys, INI_KEYS_MAX - 1);
    assert_string_equal(ini_raw(s, "k99999"), "v");
    assert_int_equal(ini_line(s, "k99999"), 100000);
    ini_free(ini);
    flood(&t, INI_KEYS_MAX, 1);
    assert_int_equal(ini_parse("t.ini", t.p, t.len, &ini, &d), KL_OK);
    assert_int_equal(ini->n_sections, INI_KEYS_MAX);
    assert_int_equal(ini_section(ini, "s100000")->line, 100000);
    ini_free(ini);
    sbuf_free(&t);
    diags_free(&d);
}

/* --- the property test --- */

static uint64_t rng_state;

static uint32_t rnd(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return (uint32_t)(rng_state >> 11);
}

static uint32_t below(uint32_t n)
{
    return n ? rnd() % n : 0;
}

/* Random valid UTF-8 of at most max bytes, from any code point (controls, bidi overrides,
 * NEL, line breaks when newlines, text that looks like an escape), lengths skewed short. */
static char *random_text(size_t max, int newlines)
{
    size_t n;
    switch (below(8)) {
    case 0: n = 0; break;
    case 1: n = max; break;
    case 2: n = below((uint32_t)max + 1); break;
    default: n = below(max < 80 ? (uint32_t)max + 1 : 81); break;
    }
    char *p = malloc(max + 1);
    assert_non_null(p);
    size_t len = 0;
    while (len < n) {
        char c[8];
        size_t k;
        uint32_t cp;
        switch (below(10)) {
        case 0: cp = below(0x20); break;
        case 1: cp = 0x80 + below(0x20); break;
        case 2: cp = 0x2028 + below(0x42); break;
        case 3: cp = 0x10000 + below(0xFFFFF); break;
        case 4: cp = 0x80 + below(0xD800 - 0x80); break;
        case 5: {
            const char *w = worst[below(N_WORST)];
            k = strlen(w);
            memcpy(c, w, k);
            goto add;
        }
        default: cp = 0x20 + below(0x5F); break;
        }
        if (cp == 0 || (!newlines && (cp == '\n' || cp == '\r')))
            cp = ' ';
        k = utf8_encode(cp, c);
    add:
        if (!newlines && (memchr(c, '\n', k) || memchr(c, '\r', k)))
            continue;
        if (len + k > n)
            break;
        memcpy(p + len, c, k);
        len += k;
    }
    p[len] = '\0';
    return p;
}

static int64_t random_time(void)
{
    /* 1970-01-01 .. 9999-12-31 */
    return (int64_t)(((uint64_t)rnd() << 32 | rnd()) % 253402300800ull);
}

static void random_answer(const struct bank *b, struct session *s, int qi)
{
    const struct question *q = &b->questions[qi];
    struct diags d;
    diags_init(&d);
    struct answer *a = &s->answers[qi];
    if (below(3)) {
        char v[256];
        if (q->type == QTYPE_MULTI) {
            struct sbuf t;
            sbuf_init(&t);
            for (int k = 1; k <= q->n_options; k++)
                if (below(2))
                    sbuf_addf(&t, "%s%d", t.len ? "," : "", k);
            snprintf(v, sizeof v, "%s", t.len ? t.p : "none");
            sbuf_free(&t);
        } else {
            snprintf(v, sizeof v, "%u", 1 + below((uint32_t)q->n_options));
        }
        assert_int_equal(answer_parse(q, v, a, &d), KL_OK);
        a->answered = 1;
    }
    if (below(2)) {
        size_t max = below(8) ? 2000 : SESSION_NOTE_MAX;
        char *note = random_text(max, 1);
        assert_int_equal(session_set_note(s, qi, note, random_time(), &d), KL_OK);
        free(note);
    }
    int ne = below(4) ? (int)below(4) : (int)below(SESSION_EVIDENCE_COUNT + 1);
    for (int k = 0; k < ne; k++) {
        char *ref = random_text(SESSION_EVIDENCE_MAX, 0);
        assert_int_equal(session_add_evidence(s, qi, ref, random_time(), &d), KL_OK);
        free(ref);
    }
    a->documented = (int)below(2);
    a->followup = (int)below(2);
    int nd = below(4) ? 0 : (int)below(SESSION_DISSENT_COUNT + 1);
    for (int k = 0; k < nd; k++) {
        char *who = random_text(SESSION_FIELD_MAX, 0), *view = random_text(SESSION_DISSENT_MAX, 0);
        int rc = session_add_dissent(s, qi, who, view, random_time(), &d);
        assert_int_equal(rc, *who && *view ? KL_OK : KL_EUSAGE); /* both are needed */
        free(who);
        free(view);
    }
    a->agreed = (int)below(2);
    if (!below(3)) {
        char *reason = random_text(SESSION_REASON_MAX, 0);
        assert_int_equal(session_set_parked(s, qi, 1, reason, random_time(), &d), KL_OK);
        free(reason);
    }
    if (!below(3)) {
        char *owner = random_text(SESSION_FIELD_MAX, 0);
        assert_int_equal(session_set_step(s, qi, owner, below(2) ? "2027-02-28" : "",
                                          (int)below(4), random_time(), &d),
                         KL_OK);
        free(owner);
    }
    a->changed = below(4) ? random_time() : 0;
    diags_free(&d);
}

static struct session *random_session(const struct bank *b)
{
    struct diags d;
    diags_init(&d);
    char date[16];
    text_format_date(random_time(), date, sizeof date);
    char *org = random_text(SESSION_FIELD_MAX, 0);
    struct session *s = session_new(b, "", (enum actor_group)below(4), date, random_time());
    assert_non_null(s);
    assert_int_equal(session_set_text(&s->organisation, org, SESSION_FIELD_MAX, &d), KL_OK);
    free(org);
    if (below(2)) {
        char *fac = random_text(SESSION_FIELD_MAX, 0);
        assert_int_equal(session_set_text(&s->facilitator, fac, SESSION_FIELD_MAX, &d), KL_OK);
        free(fac);
    }
    s->modified = random_time();
    int np = below(8) ? (int)below(6) : (int)below(SESSION_PARTICIPANTS_MAX + 1);
    for (int i = 0; i < np; i++) {
        char *name = random_text(SESSION_FIELD_MAX, 0), *role = random_text(SESSION_FIELD_MAX, 0);
        assert_int_equal(session_add_participant(s, name, role, &d), KL_OK);
        free(name);
        free(role);
    }
    for (int qi = 0; qi < b->n_questions; qi++)
        if (below(3))
            random_answer(b, s, qi);
    s->cursor = below(2) ? b->questions[below((uint32_t)b->n_questions)].number : 0;
    diags_free(&d);
    return s;
}

static void property__random_sessions__save_and_load_to_the_same_session(void **st)
{
    (void)st;
    const char *seed_env = getenv("KOLLEN_PROPERTY_SEED");
    uint64_t seed = seed_env ? strtoull(seed_env, NULL, 10) : 20261128;
    const char *runs_env = getenv("KOLLEN_PROPERTY_RUNS");
    int runs = runs_env ? atoi(runs_env) : 200;
    struct bank *mini = load_fixture_bank("mini");
    struct bank *big = load_bank_in("questions", "infosakkollen-2023");
    char path[300];
    snprintf(path, sizeof path, "%s/prop.ini", test_tmp);
    for (int run = 0; run < runs; run++) {
        rng_state = seed * 6364136223846793005ull + (uint64_t)run * 1442695040888963407ull + 1;
        const struct bank *b = run % 10 == 9 ? big : mini;
        struct session *s = random_session(b);
        round_trip(b, s, path);
        session_free(s);
    }
    bank_free(mini);
    bank_free(big);
}

int main(void)
{
    msg_set_lang(LANG_EN);
#define T(fn) cmocka_unit_test_setup_teardown(fn, test_tmp_setup, test_tmp_teardown)
    const struct CMUnitTest tests[] = {
        T(limits__every_field_at_its_maximum__saves_and_loads_again),
        T(limits__session_larger_than_the_loader_reads__not_saved),
        cmocka_unit_test(limits__one_past_each_setter_limit__refused_and_nothing_changes),
        cmocka_unit_test(limits__one_past_each_file_limit__refused_with_its_line),
        T(limits__longest_unknown_key__written_back_within_the_line_limit),
        T(limits__file_of_the_largest_size__loads_and_one_byte_more_is_refused),
        cmocka_unit_test(limits__flood_of_keys_or_sections__refused_with_the_line),
        cmocka_unit_test(limits__keys_at_the_limit__load_in_small_dictionaries),
        cmocka_unit_test(limits__short_tail__read_with_the_chunk_before_it),
        T(property__random_sessions__save_and_load_to_the_same_session),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
