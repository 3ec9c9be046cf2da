/* test_store_lean.c: the lean load many-session commands use (SESSION_LOAD_SCORE) against the
 * full load: the same scores and the same session facts on varied sessions, and the same
 * refusals (every problem, with its file and line) on malformed ones, hand-made and mutated. */
#include <stdint.h>

#include "ini.h"
#include "testutil.h"
#include "kollen/msg.h"
#include "kollen/score.h"
#include "kollen/text.h"

/* A small deterministic generator, so a failure can be run again. */
static uint64_t rng = 88172645463325252ull;

static unsigned rnd(unsigned n)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return (unsigned)(rng % n);
}

static struct bank *load_shipped_bank(void)
{
    struct diags d;
    diags_init(&d);
    struct bank *b = NULL;
    assert_int_equal(bank_load_id("questions", "infosakkollen-2023", &b, &d), KL_OK);
    diags_free(&d);
    return b;
}

/* Pieces notes and evidence are made of: plain and Swedish words, what percent-encoding
 * escapes with an ASCII byte (; # % " \ tab, line breaks) and with bytes of 0x80 or more
 * (a C1 control, a bidi override), and '%' as the last byte a part could end in. */
static const char *const pieces[] = {
    "plan",   "för",     "åtgärd",  "100 %",   "a;b",     "#2",      "\"citat\"", "back\\slash",
    "tab\there", "\n",   "\r\n",    "\xC2\x85", "\xE2\x80\xAE", "%",   "%25",     "ännu ",
    " ",      "x",       "Ö",       "%0",      "0",       "ledningsgruppen",
};

static char *random_text(size_t max, int newlines)
{
    struct sbuf b;
    sbuf_init(&b);
    size_t want = rnd(4) == 0 ? max - rnd(50) : rnd(1500);
    while (b.len < want) {
        const char *p = pieces[rnd(sizeof pieces / sizeof *pieces)];
        if (!newlines && strpbrk(p, "\r\n"))
            continue;
        if (b.len + strlen(p) > max)
            break;
        sbuf_add(&b, p);
    }
    if (!b.p)
        sbuf_add(&b, "x");
    return sbuf_take(&b);
}

/* A session with every kind of record: answers (some left out), notes over several parts,
 * evidence, dissent, parking, plan steps, participants and a sitting. */
static char *random_session(const struct bank *b)
{
    struct diags d;
    diags_init(&d);
    struct session *s = session_new(b, "Org ; # \"x\"", (enum actor_group)rnd(3), "2026-01-02",
                                    1767312000);
    assert_non_null(s);
    int np = (int)rnd(4);
    for (int k = 0; k < np; k++)
        assert_int_equal(session_add_participant(s, "Namn Å", k ? "roll" : "", &d), KL_OK);
    for (int qi = 0; qi < b->n_questions; qi++) {
        const struct question *q = &b->questions[qi];
        struct answer *a = &s->answers[qi];
        if (rnd(8) == 0)
            continue;
        a->answered = 1;
        if (q->type == QTYPE_MULTI)
            a->ticks = rng & ((1ull << q->n_options) - 1);
        else
            a->choice = 1 + (int)rnd((unsigned)q->n_options);
        a->documented = (int)rnd(2);
        a->followup = (int)rnd(2);
        if (rnd(3)) {
            char *t = random_text(rnd(10) ? 1200 : SESSION_NOTE_MAX, 1);
            assert_int_equal(session_set_note(s, qi, t, 1767312000, &d), KL_OK);
            free(t);
        }
        for (int k = (int)rnd(3); k > 0; k--) {
            char *t = random_text(SESSION_EVIDENCE_MAX, 0);
            assert_int_equal(session_add_evidence(s, qi, t, 1767312000, &d), KL_OK);
            free(t);
        }
        if (rnd(6) == 0)
            assert_int_equal(session_add_dissent(s, qi, "Någon", "annan %0 syn", 1767312000, &d),
                             KL_OK);
        if (rnd(6) == 0)
            assert_int_equal(session_set_parked(s, qi, 1, "senare", 1767312000, &d), KL_OK);
    }
    char *text = session_format(b, s);
    assert_non_null(text);
    session_free(s);
    diags_free(&d);
    return text;
}

static int parse_as(const struct bank *b, const char *text, size_t n, enum session_load how,
                    struct session **s, struct diags *d)
{
    struct store_reader *r = how == SESSION_LOAD_SCORE ? store_reader_new() : NULL;
    int rc = session_parse_as(r, "t.ini", text, NULL, n, b, how, s, d);
    store_reader_free(r);
    return rc;
}

static void same_diags(const struct diags *x, const struct diags *y, const char *text)
{
    if (x->n != y->n)
        fail_msg("full load %zu problems, lean %zu, in:\n%s", x->n, y->n, text);
    for (size_t i = 0; i < x->n; i++) {
        const struct diag *a = &x->v[i], *c = &y->v[i];
        if (a->line != c->line || a->is_warning != c->is_warning || strcmp(a->msg, c->msg) ||
            strcmp(a->file, c->file))
            fail_msg("full load %d \"%s\", lean %d \"%s\"", a->line, a->msg, c->line, c->msg);
    }
}

static void same_scores(const struct bank *b, const struct session *x, const struct session *y)
{
    assert_string_equal(x->bank_id, y->bank_id);
    assert_string_equal(x->organisation, y->organisation);
    assert_int_equal(x->group, y->group);
    for (int qi = 0; qi < b->n_questions; qi++) {
        const struct answer *a = &x->answers[qi], *c = &y->answers[qi];
        assert_int_equal(a->answered, c->answered);
        assert_true(a->ticks == c->ticks);
        assert_int_equal(a->choice, c->choice);
        assert_int_equal(a->documented, c->documented);
        assert_null(c->note); /* the lean load keeps no notes and no evidence */
        assert_int_equal(c->n_evidence, 0);
    }
    struct score p, q;
    assert_int_equal(score_compute(b, x, &p), KL_OK);
    assert_int_equal(score_compute(b, y, &q), KL_OK);
    assert_int_equal(p.level, q.level);
    assert_true(p.value == q.value);
    assert_int_equal(p.points_milli, q.points_milli);
    assert_int_equal(p.actions, q.actions);
    assert_int_equal(p.answered, q.answered);
    assert_int_equal(p.n_blockers, q.n_blockers);
    for (int ai = 0; ai < p.n_areas; ai++) {
        assert_int_equal(p.areas[ai].level, q.areas[ai].level);
        assert_true(p.areas[ai].value == q.areas[ai].value);
        assert_int_equal(p.areas[ai].points_milli, q.areas[ai].points_milli);
    }
    score_free(&p);
    score_free(&q);
}

/* Both loads of text: the same code, the same problems; when read, the same scores. */
static int compare(const struct bank *b, const char *text, size_t n)
{
    struct session *x = NULL, *y = NULL;
    struct diags dx, dy;
    diags_init(&dx);
    diags_init(&dy);
    int rx = parse_as(b, text, n, SESSION_LOAD_ALL, &x, &dx);
    int ry = parse_as(b, text, n, SESSION_LOAD_SCORE, &y, &dy);
    if (rx != ry)
        fail_msg("full load %d, lean %d, in:\n%.*s", rx, ry, (int)n, text);
    same_diags(&dx, &dy, text);
    if (!rx)
        same_scores(b, x, y);
    else
        assert_true(x == NULL && y == NULL);
    session_free(x);
    session_free(y);
    diags_free(&dx);
    diags_free(&dy);
    return rx;
}

static void lean__varied_sessions__same_scores_as_full_load(void **st)
{
    (void)st;
    struct bank *b = load_shipped_bank();
    for (int i = 0; i < 40; i++) {
        char *text = random_session(b);
        assert_int_equal(compare(b, text, strlen(text)), KL_OK);
        free(text);
    }
    bank_free(b);
}

#define HEAD "[session]\nformat = 1\nbank = mini\norganisation = O\ngroup = kommun\ndate = 2026-01-01\n"

/* Each malformation, syntax or value, in a key the lean load hands iniparser and in one it
 * does not: refused by both with the same problems and lines. */
static void lean__malformed_files__refused_alike(void **st)
{
    (void)st;
    struct bank *b = load_fixture_bank("mini");
    static const char *const bad[] = {
        HEAD "[answer.99]\nvalue = 1\n",
        HEAD "[answer.1]\nvalue = 1,7\n",
        HEAD "[answer.1]\nvalue = 1\ndocumented = maybe\n",
        HEAD "[answer.1]\nfollowup = maybe\n",
        HEAD "[answer.1]\nnote.1 = a\nnote.3 = c\n",
        HEAD "[answer.1]\nnote.2 = a\n",
        HEAD "[answer.1]\nnote.1 = bad %FF byte\n",
        HEAD "[answer.1]\nnote.1 = a NUL made %0\nnote.2 = 0 where parts meet\n",
        HEAD "[answer.1]\nnote.1 = a NUL made %\nnote.2 = 00 where parts meet\n",
        HEAD "[answer.1]\nnote.1 = a;comment\n",
        HEAD "[answer.1]\nnote.1 = x\nnote.1 = y\n",
        HEAD "[answer.1]\nnote.1 = \"quoted\"\n",
        HEAD "[answer.1]\nnote.1 = x\\\n",
        HEAD "[answer.1]\nnote.1 = %00\n",
        HEAD "[answer.1]\nnote.01 = x\n",
        HEAD "[answer.1]\nNote.1 = x\n",
        HEAD "[answer.1]\nnote.1 = \xFF\n",
        HEAD "[answer.1]\nnote.1 = ctrl \x01\n",
        HEAD "[answer.1]\nevidence.1 = line%0Abreak\n",
        HEAD "[answer.1]\nevidence.1 = cr%0Dbreak\n",
        HEAD "[answer.1]\nevidence.1 = bad %FE\n",
        HEAD "[answer.1]\nevidence.2 = gap\n",
        HEAD "[answer.1]\nevidence.1 = a\nevidence.3 = c\n",
        HEAD "[answer.1]\nchanged = yesterday\n",
        HEAD "[answer.1]\nparked = no\npark_reason = why\n",
        HEAD "[answer.1]\ndissent.1 = view\n",
        HEAD "[answer.1]\nstatus = late\n",
        HEAD "[answer.1]\ndue = 2026-13-01\n",
        HEAD "[participant.1]\nrole = r\n",
        HEAD "[participant.1]\nname = a\n[sitting.1]\nstart = 2026-01-01T10:00:00Z\npresent = 2\n",
        HEAD "[agenda.nope]\nminutes = 5\n",
        HEAD "[answer.1]\n[answer.1]\n",
        HEAD "no equals sign\n",
        HEAD "[answer.1]\nvalue = 1\nvalue = 1\n",
        "[session]\nformat = 9\nbank = mini\norganisation = O\ngroup = kommun\ndate = 2026-01-01\n",
        "[session]\nformat = 1\nbank = mini\norganisation = O\ngroup = county\ndate = 2026-01-01\n",
        "[session]\nformat = 1\nbank = mini\ngroup = kommun\ndate = 2026-01-01\n",
        "[session]\nformat = 1\nbank = mini\norganisation = O\ngroup = kommun\ndate = 2026-01-01\n"
        "summary.2 = gap\n",
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        if (compare(b, bad[i], strlen(bad[i])) == KL_OK)
            fail_msg("accepted:\n%s", bad[i]);
    /* fine, but only decoding shows it (the lean load's long way) */
    static const char *const fine[] = {
        HEAD "[answer.1]\nvalue = 1\nnote.1 = half %C3\nnote.2 = %A5 a char over two parts\n",
        HEAD "[answer.1]\nnote.1 = an escape %4\nnote.2 = 1 over two parts\n",
        HEAD "[answer.1]\nnote.1 = %E2%80%AE bidi\nevidence.1 = %C3%85r\n",
    };
    for (size_t i = 0; i < sizeof fine / sizeof *fine; i++)
        assert_int_equal(compare(b, fine[i], strlen(fine[i])), KL_OK);
    /* references at their count limit and one past it, written in reverse order (the lean
     * load keeps them in a table of SESSION_EVIDENCE_COUNT by number), with the answer's
     * other records and an unknown key beside them */
    for (int over = 0; over <= 1; over++) {
        struct sbuf t;
        sbuf_init(&t);
        sbuf_add(&t, HEAD "[answer.1]\nvalue = 1\ndocumented = yes\nx_custom = kept\n"
                          "dissent.1 = view\ndissent_by.1 = Ann\n");
        for (int k = SESSION_EVIDENCE_COUNT + over; k >= 1; k--)
            sbuf_addf(&t, "evidence.%d = ref %%C3%%85 %d\n", k, k);
        assert_int_equal(compare(b, t.p, t.len), over ? KL_EDATA : KL_OK);
        sbuf_free(&t);
    }
    /* a note one byte over its limit, over many parts, and one exactly at it */
    for (int over = 0; over <= 1; over++) {
        struct sbuf t;
        sbuf_init(&t);
        sbuf_add(&t, HEAD "[answer.1]\n");
        size_t len = 0;
        for (int k = 1; len < SESSION_NOTE_MAX + (size_t)over; k++) {
            size_t part = SESSION_NOTE_MAX + (size_t)over - len < 300
                              ? SESSION_NOTE_MAX + (size_t)over - len
                              : 300;
            sbuf_addf(&t, "note.%d = ", k);
            for (size_t j = 0; j < part; j++)
                sbuf_add(&t, j % 7 == 0 ? "%3B" : "a");
            sbuf_addc(&t, '\n');
            len += part;
        }
        assert_int_equal(compare(b, t.p, t.len), over ? KL_EDATA : KL_OK);
        sbuf_free(&t);
    }
    bank_free(b);
}

/* Random damage to valid sessions: whatever each load says, the other says the same. */
static void lean__mutated_sessions__same_verdicts(void **st)
{
    (void)st;
    struct bank *b = load_shipped_bank();
    static const char *const inserts[] = {"%", "%0", "%00", "%FF", "%C3", "%0A", ";", "#", "\"",
                                          "\\", "\n", "=", "[", "]", "\xFF", "\x01", "note.1 = x\n",
                                          "evidence.9 = y\n", "value = 1\n", "documented = no\n"};
    int refused = 0, runs = 0;
    for (int i = 0; i < 12; i++) {
        char *text = random_session(b);
        size_t n = strlen(text);
        for (int m = 0; m < 60; m++, runs++) {
            struct sbuf t;
            sbuf_init(&t);
            size_t at = rnd((unsigned)n);
            const char *ins = inserts[rnd(sizeof inserts / sizeof *inserts)];
            size_t cut = rnd(4) == 0 ? rnd(3) : 0;
            if (at + cut > n)
                cut = n - at;
            sbuf_addn(&t, text, at);
            sbuf_add(&t, ins);
            sbuf_addn(&t, text + at + cut, n - at - cut);
            refused += compare(b, t.p, t.len) != KL_OK;
            sbuf_free(&t);
        }
        free(text);
    }
    /* the damage must have been both refused and accepted often enough to mean something */
    assert_true(refused > runs / 10 && refused < runs - runs / 10);
    bank_free(b);
}

/* text_percent_plain is exact where it answers: its length is the decoding's. */
static void percent_plain__answers__match_decoding(void **st)
{
    (void)st;
    for (int i = 0; i < 2000; i++) {
        char *t = random_text(200, 1);
        struct sbuf e;
        sbuf_init(&e);
        /* raw text as a file holds it: encoded, with some escapes written out by hand */
        text_percent_encode(&e, t, strlen(t));
        const char *hand = pieces[rnd(sizeof pieces / sizeof *pieces)];
        if (rnd(2) && !strpbrk(hand, "\r\n")) /* a file holds no raw line break in a value */
            sbuf_add(&e, hand);
        char *raw = sbuf_take(&e);
        size_t rn = strlen(raw);
        size_t len = text_percent_plain(raw, rn, 1, 1);
        char *dec = text_percent_decode(raw);
        if (len != (size_t)-1) {
            assert_int_equal(len, strlen(dec));
            assert_true(utf8_valid(dec, len, NULL));
        }
        size_t one = text_percent_plain(raw, rn, 0, 1);
        if (one != (size_t)-1)
            assert_null(strpbrk(dec, "\r\n"));
        free(dec);
        free(raw);
        free(t);
    }
    assert_int_equal(text_percent_plain("a%41", 4, 0, 1), 2);
    assert_int_equal(text_percent_plain("a%4", 3, 0, 1), 3);
    assert_true(text_percent_plain("a%4", 3, 0, 0) == (size_t)-1);
    assert_true(text_percent_plain("%C3%A5", 6, 0, 1) == (size_t)-1);
    assert_true(text_percent_plain("%0A", 3, 0, 1) == (size_t)-1);
    assert_int_equal(text_percent_plain("%0A", 3, 1, 1), 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(lean__varied_sessions__same_scores_as_full_load),
        cmocka_unit_test(lean__malformed_files__refused_alike),
        cmocka_unit_test(lean__mutated_sessions__same_verdicts),
        cmocka_unit_test(percent_plain__answers__match_decoding),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
