/* test_oom.c: allocation failure is an error code, never a crash or a leak. malloc, calloc and
 * realloc are wrapped at link time (-Wl,--wrap) to fail at the Nth call, for every N until the
 * operation no longer allocates that many times; each run must return KL_ENOMEM (or succeed
 * when the failure hit nothing it needed) and free everything (valgrind and ASan check). */
#include <unistd.h>

#include "testutil.h"
#include "kollen/ops_diff.h"
#include "kollen/ops_workshop.h"
#include "kollen/score.h"
#include "kollen/text.h"

void *__real_malloc(size_t n);
void *__real_calloc(size_t n, size_t size);
void *__real_realloc(void *p, size_t n);
void *__wrap_malloc(size_t n);
void *__wrap_calloc(size_t n, size_t size);
void *__wrap_realloc(void *p, size_t n);

static long fail_at = -1, calls;

static int should_fail(void)
{
    return fail_at >= 0 && calls++ == fail_at;
}

void *__wrap_malloc(size_t n)
{
    return should_fail() ? NULL : __real_malloc(n);
}

void *__wrap_calloc(size_t n, size_t size)
{
    return should_fail() ? NULL : __real_calloc(n, size);
}

void *__wrap_realloc(void *p, size_t n)
{
    return should_fail() ? NULL : __real_realloc(p, n);
}

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

/* Run op with the Nth allocation failing, N = 0, 1, 2 ... until op allocates fewer than N+1
 * times; returns how many failure points were tried. */
#define EVERY_FAILURE_POINT(tries, body)                                                         \
    for (fail_at = 0, tries = 0;; fail_at++, tries++) {                                          \
        calls = 0;                                                                               \
        body;                                                                                    \
        if (calls <= fail_at)                                                                    \
            break;                                                                               \
    }                                                                                            \
    fail_at = -1

static void bank_load__every_allocation_failing__enomem_or_success(void **st)
{
    (void)st;
    struct bank *ref = load_fixture_bank("mini");
    struct sbuf want;
    sbuf_init(&want);
    fingerprint(ref, &want);
    bank_free(ref);
    long tries;
    EVERY_FAILURE_POINT(tries, {
        struct diags d;
        struct bank *b = NULL;
        diags_init(&d);
        int rc = bank_load("tests/fixtures/good/mini", 1, &b, &d);
        long failed_at = calls > fail_at ? fail_at : -1;
        fail_at = -1; /* nothing fails while we check */
        if (failed_at >= 0 && rc != KL_ENOMEM && rc != KL_OK)
            fail_msg("allocation %ld failing gave %d (%s), not KL_ENOMEM", failed_at, rc,
                     d.n ? d.v[0].msg : "no message");
        if (rc == KL_OK) {
            struct sbuf got;
            sbuf_init(&got);
            assert_non_null(b);
            fingerprint(b, &got);
            if (strcmp(got.p, want.p))
                fail_msg("allocation %ld failing: the bank loaded, but not whole", failed_at);
            sbuf_free(&got);
        } else {
            assert_null(b);
        }
        bank_free(b);
        diags_free(&d);
        fail_at = failed_at >= 0 ? failed_at : fail_at;
        if (failed_at < 0)
            break;
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
    EVERY_FAILURE_POINT(tries, {
        struct diags d;
        struct session *s = NULL;
        diags_init(&d);
        int rc = session_parse("t.ini", session_text, strlen(session_text), b, &s, &d);
        char *text = NULL;
        struct score sc = {0};
        int src = KL_OK;
        struct session *copy = NULL;
        if (rc == KL_OK) {
            text = session_format(b, s);
            src = score_compute(b, s, &sc);
            copy = session_dup(s);
        }
        long failed_at = calls > fail_at ? fail_at : -1;
        fail_at = -1;
        if (failed_at >= 0 && rc != KL_OK && rc != KL_ENOMEM)
            fail_msg("allocation %ld failing: session_parse gave %d (%s)", failed_at, rc,
                     d.n ? d.v[0].msg : "");
        if (rc == KL_OK && failed_at < 0)
            assert_true(text && src == KL_OK && copy);
        if (text && strcmp(text, want))
            fail_msg("allocation %ld failing: the session loaded, but not whole", failed_at);
        if (failed_at >= 0 && src != KL_OK && src != KL_ENOMEM)
            fail_msg("allocation %ld failing: score_compute gave %d", failed_at, src);
        free(text);
        score_free(&sc);
        session_free(copy);
        session_free(s);
        diags_free(&d);
        fail_at = failed_at >= 0 ? failed_at : fail_at;
        if (failed_at < 0)
            break;
    });
    assert_true(tries > 50);
    free(want);
    bank_free(b);
}

/* One workshop run: open, a change with a note and two references, undo, redo, a diff. An
 * answer is never half changed: after each step it is the old one or the new one. */
static void workshop_run(const char *path, long *failed_at)
{
    struct diags d;
    diags_init(&d);
    struct workshop *w = NULL;
    int rc = ops_open(&w, path, "tests/fixtures/good", 0, "test", &d);
    int set = -1, undo = -1, redo = -1, dif = -1;
    const struct answer *a = w ? &w->ses->answers[0] : NULL;
    struct ops_result res;
    struct ops_diff df;
    const char *refs[] = {"E1", "E2", NULL};
    struct ops_change c = {.answer = "1,3", .note = "anteckning", .evidence_add = refs};
    if (!rc && !(set = ops_set(w, 0, &c, 100, &res, &d)) && !(undo = ops_undo(w, 101, &res, &d)))
        redo = ops_redo(w, 102, &res, &d);
    if (!rc && !(dif = ops_diff(&df, w->bank, w->ses, w->ses)))
        ops_diff_free(&df);
    *failed_at = calls > fail_at ? fail_at : -1;
    fail_at = -1;
    int codes[] = {rc, set, undo, redo, dif};
    for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++)
        if (*failed_at >= 0 && codes[i] != KL_OK && codes[i] != KL_ENOMEM && codes[i] != -1)
            fail_msg("allocation %ld failing: step %zu gave %d", *failed_at, i, codes[i]);
    if (a) {
        /* the new answer (set, or set and redone) or the old one (set failed, or undone) */
        int is_new = a->answered && a->ticks == 5 && a->note && a->n_evidence == 2;
        int is_old = !a->answered && !a->note && a->n_evidence == 0;
        if (!is_new && !is_old)
            fail_msg("allocation %ld failing: the answer is half changed", *failed_at);
        if (*failed_at < 0 && !(is_new && redo == KL_OK && dif == KL_OK))
            fail_msg("nothing failing, yet the run did not complete");
    }
    ops_close(w);
    diags_free(&d);
}

static void workshop__every_allocation_failing__enomem_or_success(void **st)
{
    (void)st;
    char dir[] = "/tmp/kollen-test-oom.XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[64];
    snprintf(path, sizeof path, "%s/s.ini", dir);
    struct bank *b = load_fixture_bank("mini");
    struct session *s = session_new(b, "Org", GROUP_KOMMUN, "2026-01-01", 1);
    struct diags d;
    diags_init(&d);
    assert_non_null(s);
    long tries, failed_at = -1;
    EVERY_FAILURE_POINT(tries, {
        long keep = fail_at;
        fail_at = -1;
        assert_int_equal(session_save(path, b, s, 0, &d), KL_OK); /* a fresh file each time */
        calls = 0;
        fail_at = keep;
        workshop_run(path, &failed_at);
        fail_at = failed_at >= 0 ? failed_at : keep;
        if (failed_at < 0)
            break;
    });
    assert_true(tries > 50);
    diags_free(&d);
    session_free(s);
    bank_free(b);
    unlink(path);
    rmdir(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(bank_load__every_allocation_failing__enomem_or_success),
        cmocka_unit_test(session_parse_format_score__every_allocation_failing__enomem_or_success),
        cmocka_unit_test(workshop__every_allocation_failing__enomem_or_success),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
