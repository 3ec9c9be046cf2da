/* test_oom.c: allocation failure is an error code, never a crash or a leak. malloc, calloc and
 * realloc are wrapped at link time (-Wl,--wrap) to fail at the Nth call, for every N until the
 * operation no longer allocates that many times; each run must return KL_ENOMEM (or succeed
 * when the failure hit nothing it needed) and free everything (valgrind and ASan check). */
#include "test_oom_util.h"
#include "kollen/ops_diff.h"
#include "kollen/ops_workshop.h"
#include "kollen/score.h"
#include "kollen/text.h"

/* What a loaded bank holds, to compare a load that survived a failed allocation with a
 * normal one (a failing shrink, say, is harmless). */
static void fingerprint(const struct bank *b, struct sbuf *o)
{
    sbuf_addf(o, "%s %d %d %d %ld|", b->id, b->n_areas, b->n_questions, b->max_actions,
              b->max_points_milli);
    for (int i = 0; i < b->n_questions; i++) {
        const struct question *q = &b->questions[i];
        sbuf_addf(o, "%d:%s:%d:", q->number, q->text ? q->text : "?", q->n_options);
        for (int k = 0; k < q->n_options; k++)
            sbuf_addf(o, "%s/", q->options[k].text ? q->options[k].text : "?");
        for (int l = 1; l <= b->n_levels; l++) {
            char r[128];
            rule_format(q, &q->rules[l], r, sizeof r);
            sbuf_addf(o, "%d=%s;", q->rules[l].present, r);
        }
    }
    for (int i = 0; i < b->n_areas; i++)
        sbuf_addf(o, "%s:%s|", b->areas[i].id, b->areas[i].name);
}

static void bank_load__every_allocation_failing__enomem_or_success(void **st)
{
    (void)st;
    struct bank *ref = load_fixture_bank("mini");
    struct sbuf want;
    sbuf_init(&want);
    fingerprint(ref, &want);
    bank_free(ref);
    long tries;
    struct diags d;
    struct bank *b;
    int rc;
    EVERY_FAILURE_POINT(
        tries,
        {
            diags_init(&d);
            b = NULL;
            rc = bank_load("tests/fixtures/good/mini", 1, &b, &d);
        },
        {
            oom_expect(rc, failed, "bank_load");
            if (rc == KL_OK) {
                struct sbuf got;
                sbuf_init(&got);
                assert_non_null(b);
                fingerprint(b, &got);
                if (strcmp(got.p, want.p))
                    fail_msg("allocation %ld failing: the bank loaded, but not whole", failed);
                sbuf_free(&got);
            } else {
                assert_null(b);
            }
            bank_free(b);
            diags_free(&d);
        });
    assert_true(tries > 50);
    sbuf_free(&want);
}

static const char *session_text =
    "[session]\nformat = 1\nbank = mini\norganisation = Org %3B\ngroup = kommun\n"
    "date = 2026-01-01\nfuture = kept\n[participant.1]\nname = A\nrole = B\n"
    "[answer.1]\nvalue = 1,3\ndocumented = yes\nnote.1 = rad%0A\nnote.2 = två\n"
    "evidence.1 = E\nextra = x\n[answer.2]\nvalue = 2\n[other]\nk = v\n";

static void session_parse_format_score__every_allocation_failing__enomem_or_success(void **st)
{
    (void)st;
    struct bank *b = load_fixture_bank("mini");
    struct diags d0;
    struct session *s0;
    diags_init(&d0);
    assert_int_equal(session_parse("t.ini", session_text, strlen(session_text), b, &s0, &d0), KL_OK);
    char *want = session_format(b, s0);
    session_free(s0);
    diags_free(&d0);
    long tries;
    struct diags d;
    struct session *s, *copy;
    char *text;
    struct score sc;
    int rc, src;
    EVERY_FAILURE_POINT(
        tries,
        {
            diags_init(&d);
            s = NULL;
            text = NULL;
            copy = NULL;
            memset(&sc, 0, sizeof sc);
            src = KL_OK;
            rc = session_parse("t.ini", session_text, strlen(session_text), b, &s, &d);
            if (rc == KL_OK) {
                text = session_format(b, s);
                src = score_compute(b, s, &sc);
                copy = session_dup(s);
            }
        },
        {
            oom_expect(rc, failed, "session_parse");
            oom_expect(src, failed, "score_compute");
            if (rc == KL_OK && failed < 0)
                assert_true(text && copy);
            if (text && strcmp(text, want))
                fail_msg("allocation %ld failing: the session loaded, but not whole", failed);
            free(text);
            score_free(&sc);
            session_free(copy);
            session_free(s);
            diags_free(&d);
        });
    assert_true(tries > 50);
    free(want);
    bank_free(b);
}

/* One workshop run: open, a change with a note and two references, undo, redo, a diff; the
 * codes of the steps, -1 for a step not reached. */
struct run {
    struct diags d;
    struct workshop *w;
    int codes[5]; /* open, set, undo, redo, diff */
};

static void workshop_steps(const char *path, struct run *r)
{
    diags_init(&r->d);
    r->w = NULL;
    int *c = r->codes;
    c[1] = c[2] = c[3] = c[4] = -1;
    c[0] = ops_open(&r->w, path, "tests/fixtures/good", 0, "test", &r->d);
    struct ops_result res;
    struct ops_diff df;
    const char *refs[] = {"E1", "E2", NULL};
    struct ops_change ch = {.answer = "1,3", .note = "anteckning", .evidence_add = refs};
    if (!c[0] && !(c[1] = ops_set(r->w, 0, &ch, 100, &res, &r->d)) &&
        !(c[2] = ops_undo(r->w, 101, &res, &r->d)))
        c[3] = ops_redo(r->w, 102, &res, &r->d);
    if (!c[0] && !(c[4] = ops_diff(&df, r->w->bank, r->w->ses, r->w->ses)))
        ops_diff_free(&df);
}

/* An answer is never half changed: after each step it is the old one or the new one. */
static void workshop_check(struct run *r, long failed)
{
    static const char *const steps[] = {"ops_open", "ops_set", "ops_undo", "ops_redo", "ops_diff"};
    for (size_t i = 0; failed >= 0 && i < sizeof steps / sizeof steps[0]; i++)
        if (r->codes[i] != -1)
            oom_expect(r->codes[i], failed, steps[i]);
    if (r->w) {
        const struct answer *a = &r->w->ses->answers[0];
        /* the new answer (set, or set and redone) or the old one (set failed, or undone) */
        int is_new = a->answered && a->ticks == 5 && a->note && a->n_evidence == 2;
        int is_old = !a->answered && !a->note && a->n_evidence == 0;
        if (!is_new && !is_old)
            fail_msg("allocation %ld failing: the answer is half changed", failed);
        if (failed < 0 && !(is_new && r->codes[3] == KL_OK && r->codes[4] == KL_OK))
            fail_msg("nothing failing, yet the run did not complete");
    }
    ops_close(r->w);
    diags_free(&r->d);
}

static void workshop__every_allocation_failing__enomem_or_success(void **st)
{
    (void)st;
    char *path = test_tmp_path("s.ini");
    struct bank *b = load_fixture_bank("mini");
    struct session *s = session_new(b, "Org", GROUP_KOMMUN, "2026-01-01", 1);
    assert_non_null(s);
    struct diags d;
    diags_init(&d);
    long tries;
    struct run r;
    EVERY_FAILURE_POINT(
        tries,
        {
            long keep = fail_at;
            fail_at = -1;
            assert_int_equal(session_save(path, b, s, 0, &d), KL_OK); /* a fresh file each time */
            calls = 0;
            fail_at = keep;
            workshop_steps(path, &r);
        },
        workshop_check(&r, failed));
    assert_true(tries > 50);
    diags_free(&d);
    session_free(s);
    bank_free(b);
    free(path);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(bank_load__every_allocation_failing__enomem_or_success),
        cmocka_unit_test(session_parse_format_score__every_allocation_failing__enomem_or_success),
        cmocka_unit_test_setup_teardown(workshop__every_allocation_failing__enomem_or_success,
                                        test_tmp_setup, test_tmp_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
