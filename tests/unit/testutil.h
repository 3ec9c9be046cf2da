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
#include <cmocka.h>

#include "kollen/bank.h"
#include "kollen/diag.h"
#include "kollen/session.h"
#include "kollen/store.h"

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
