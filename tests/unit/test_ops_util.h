/* test_ops_util.h: helpers for the use-case drivers: a session of a fixture bank in the test's
 * temporary folder, opened and changed through the use cases, read back as another program
 * would. Header-only, static. */
#ifndef KOLLEN_TEST_OPS_UTIL_H
#define KOLLEN_TEST_OPS_UTIL_H

#include <sys/stat.h>
#include <unistd.h>

#include "kollen/ops_workshop.h"
#include "kollen/text.h"
#include "testutil.h"

#define OPS_QDIR "tests/fixtures/good"
#define OPS_NOW 1714642200 /* 2024-05-02 09:30:00 UTC */

/* A new session of bank_id saved as test_tmp/name through the use case (caller frees). */
static inline char *ops_make_session(const char *bank_id, const char *name, const char *org)
{
    char *path = test_tmp_path(name);
    struct ops_new n = {0};
    n.bank_id = bank_id;
    n.organisation = org;
    n.group = GROUP_KOMMUN;
    n.date = "2024-05-02";
    struct diags d;
    diags_init(&d);
    assert_int_equal(ops_create(OPS_QDIR, path, &n, OPS_NOW - 3600, &d), KL_OK);
    diags_free(&d);
    return path;
}

/* --- the drivers' fixture: a mini session s.ini in a fresh folder --- */

static char *ops_path __attribute__((unused));

static inline int ops_setup(void **st)
{
    test_tmp_setup(st);
    ops_path = ops_make_session("mini", "s.ini", "Testkommunen");
    return 0;
}

static inline int ops_teardown(void **st)
{
    free(ops_path);
    ops_path = NULL;
    return test_tmp_teardown(st);
}

/* ops_path opened with flags (0: for writing, OPS_READ_ONLY). */
static inline struct workshop *ops_open_path(int flags)
{
    struct workshop *w = NULL;
    struct diags d;
    diags_init(&d);
    assert_int_equal(ops_open(&w, ops_path, OPS_QDIR, flags, "test", &d), KL_OK);
    assert_int_equal(diags_errors(&d), 0);
    diags_free(&d);
    return w;
}

/* ops_set on question number n at OPS_NOW; its code, and the first message in why (of
 * DIAG_TEXT_MAX bytes) when why is not NULL. */
static inline int ops_set_number(struct workshop *w, int n, const struct ops_change *c,
                                 struct ops_result *res, char *why)
{
    struct diags d;
    diags_init(&d);
    int rc = ops_set(w, bank_find_question(w->bank, n), c, OPS_NOW, res, &d);
    if (why)
        snprintf(why, DIAG_TEXT_MAX, "%s", d.n ? d.v[0].msg : "");
    diags_free(&d);
    return rc;
}

#endif
