/* test_oom_util.h: allocation failure on demand, for the drivers linked with
 * -Wl,--wrap=malloc,--wrap=calloc,--wrap=realloc (see the Makefile): malloc, calloc and realloc
 * fail at the Nth call, for every N in turn. Include it in one driver file only: it defines the
 * wrappers. */
#ifndef KOLLEN_TEST_OOM_UTIL_H
#define KOLLEN_TEST_OOM_UTIL_H

#include "testutil.h"

void *__real_malloc(size_t n);
void *__real_calloc(size_t n, size_t size);
void *__real_realloc(void *p, size_t n);
void *__wrap_malloc(size_t n);
void *__wrap_calloc(size_t n, size_t size);
void *__wrap_realloc(void *p, size_t n);

/* The allocation that fails (counted from 0; -1: none) and how many were made so far. */
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

/* Run op with allocation N failing, N = 0, 1, 2 ... until op makes fewer than N + 1; then check
 * runs with nothing failing and sees `failed`: N when the failure was reached, else -1. tries
 * counts the runs. */
#define EVERY_FAILURE_POINT(tries, op, check)                                                    \
    for (fail_at = 0, tries = 0;; fail_at++, tries++) {                                          \
        calls = 0;                                                                               \
        op;                                                                                      \
        long failed = calls > fail_at ? fail_at : -1;                                            \
        fail_at = -1;                                                                            \
        check;                                                                                   \
        if (failed < 0)                                                                          \
            break;                                                                               \
        fail_at = failed;                                                                        \
    }                                                                                            \
    fail_at = -1

/* rc of an operation whose allocation `failed` failed (-1: none): KL_OK or KL_ENOMEM, and
 * KL_OK when nothing failed; what names the operation in the message. */
static inline void oom_expect(int rc, long failed, const char *what)
{
    if (rc != KL_OK && rc != KL_ENOMEM)
        fail_msg("allocation %ld failing: %s gave %d, not KL_ENOMEM", failed, what, rc);
    if (failed < 0 && rc != KL_OK)
        fail_msg("no allocation failed, yet %s gave %d", what, rc);
}

#endif
