/* testutil.h: shared helpers for the cmocka drivers (header-only, static). */
#ifndef KOLLEN_TESTUTIL_H
#define KOLLEN_TESTUTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "kollen/bank.h"
#include "kollen/diag.h"
#include "kollen/session.h"
#include "kollen/store.h"

/* Tests never write into the user's cache: the bank cache goes to the run's folder
 * ($KOLLEN_TEST_CACHE, set by tests/run.sh and tests/all.sh), else to one of the test user's
 * own in the temporary folder. */
__attribute__((constructor)) static void test_private_cache(void)
{
    const char *run = getenv("KOLLEN_TEST_CACHE");
    char path[256];
    if (!run || !*run) {
        const char *tmp = getenv("TMPDIR");
        snprintf(path, sizeof path, "%s/kollen-test-cache-%ld", tmp && *tmp ? tmp : "/tmp",
                 (long)getuid());
        mkdir(path, 0700);
        run = path;
    }
    setenv("XDG_CACHE_HOME", run, 1);
}

/* Load a fixture bank from tests/fixtures/good (tests run from the repo root). */
static inline struct bank *load_fixture_bank(const char *id)
{
    struct diags d;
    diags_init(&d);
    struct bank *b = NULL;
    int rc = bank_load_id("tests/fixtures/good", id, &b, &d);
    for (size_t i = 0; i < d.n; i++)
        fprintf(stderr, "%s:%d: %s\n", d.v[i].file, d.v[i].line, d.v[i].msg);
    diags_free(&d);
    assert_int_equal(rc, KL_OK);
    assert_non_null(b);
    return b;
}

/* The first diagnostic's line and whether its text holds `needle`. */
static inline void assert_diag(const struct diags *d, int line, const char *needle)
{
    const struct diag *g = diags_first_error(d);
    if (!g) {
        fail_msg("expected a diagnostic containing \"%s\" on line %d, got none", needle, line);
        return;
    }
    if (g->line != line || !strstr(g->msg, needle))
        fail_msg("expected line %d \"%s\", got %s:%d \"%s\"", line, needle, g->file, g->line, g->msg);
}

/* Set answer of question number n from text ("all", "1,3") through the core's parser. */
static inline void answer(const struct bank *b, struct session *s, int n, const char *text,
                          int documented)
{
    int qi = bank_find_question(b, n);
    assert_true(qi >= 0);
    struct diags d;
    diags_init(&d);
    assert_int_equal(answer_parse(&b->questions[qi], text, &s->answers[qi], &d), KL_OK);
    diags_free(&d);
    s->answers[qi].documented = documented;
}

#endif
