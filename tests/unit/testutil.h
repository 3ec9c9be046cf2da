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
#include "kollen/text.h"

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

/* Every diagnostic in d on stderr, to show why a check failed. */
static inline void test_print_diags(const struct diags *d)
{
    for (size_t i = 0; i < d->n; i++)
        fprintf(stderr, "  %s:%d: %s\n", d->v[i].file, d->v[i].line, d->v[i].msg);
}

/* Fail with every diagnostic printed unless rc is KL_OK. */
static inline void assert_loaded(int rc, const struct diags *d)
{
    if (rc == KL_OK)
        return;
    test_print_diags(d);
    assert_int_equal(rc, KL_OK);
}

/* Load bank `id` from the questions folder qdir (caller frees). */
static inline struct bank *load_bank_in(const char *qdir, const char *id)
{
    struct diags d;
    diags_init(&d);
    struct bank *b = NULL;
    assert_loaded(bank_load_id(qdir, id, &b, &d), &d);
    diags_free(&d);
    assert_non_null(b);
    return b;
}

/* Load a fixture bank from tests/fixtures/good (tests run from the repo root). */
static inline struct bank *load_fixture_bank(const char *id)
{
    return load_bank_in("tests/fixtures/good", id);
}

/* The session at path loaded again from disk with the fixture banks, as another program would
 * see it (caller frees both). */
static inline struct session *test_reload(const char *path, struct bank **b)
{
    struct diags d;
    diags_init(&d);
    struct session *s = NULL;
    assert_loaded(session_open(path, "tests/fixtures/good", b, &s, &d), &d);
    diags_free(&d);
    return s;
}

/* s saved as path and loaded again (caller frees). */
static inline struct session *save_and_load(const struct bank *b, const struct session *s,
                                            const char *path)
{
    struct diags d;
    diags_init(&d);
    assert_loaded(session_save(path, b, s, 0, &d), &d);
    struct session *back = NULL;
    assert_loaded(session_load(path, b, &back, &d), &d);
    diags_free(&d);
    return back;
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

/* A text a loader must refuse, with the line and the words of the error it must give. */
struct refusal {
    const char *text;
    int line;
    const char *needle;
};

#define N_OF(a) (sizeof(a) / sizeof((a)[0]))

/* The session lines of a mini-bank session file (lines 1 to 6) that parse tests add to. */
#define SESSION_HEAD                                                                               \
    "[session]\nformat = 1\nbank = mini\norganisation = O\ngroup = kommun\ndate = 2026-01-01\n"

/* The n bytes at text refused as a session of bank b: no session, and the first error at line
 * holding needle. */
static inline void assert_session_refused(const struct bank *b, const char *text, size_t n,
                                          int line, const char *needle)
{
    struct session *s = NULL;
    struct diags d;
    diags_init(&d);
    assert_int_not_equal(session_parse("t.ini", text, n, b, &s, &d), KL_OK);
    assert_null(s);
    assert_diag(&d, line, needle);
    diags_free(&d);
}

/* Each text of r refused as a session of bank b, as it says. */
static inline void assert_sessions_refused(const struct bank *b, const struct refusal *r, size_t n)
{
    for (size_t i = 0; i < n; i++)
        assert_session_refused(b, r[i].text, strlen(r[i].text), r[i].line, r[i].needle);
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


/* got equals want; got is freed (the many functions whose result the caller frees). */
static inline void assert_string_taken(char *got, const char *want)
{
    assert_non_null(got);
    assert_string_equal(got, want);
    free(got);
}

/* --- files --- */

/* The whole file at path (caller frees) and its length in *len (when len is not NULL); NULL
 * when it cannot be opened. */
static inline char *test_read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    struct sbuf b;
    sbuf_init(&b);
    char buf[65536];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0)
        sbuf_addn(&b, buf, n);
    fclose(f);
    if (len)
        *len = b.len;
    return sbuf_take(&b);
}

/* path holds exactly the n bytes at p. */
static inline void test_write_bytes(const char *path, const char *p, size_t n)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(p, 1, n, f), n);
    assert_int_equal(fclose(f), 0);
}

/* path holds text; a NULL text removes the file. */
static inline void test_write_file(const char *path, const char *text)
{
    if (!text)
        unlink(path);
    else
        test_write_bytes(path, text, strlen(text));
}

/* dir/name holds text; a NULL text removes the file. */
static inline void test_write_in(const char *dir, const char *name, const char *text)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    test_write_file(path, text);
}

/* --- a temporary folder for each test --- */

/* The folder of the test running now, made by test_tmp_make. */
static char test_tmp[256] __attribute__((unused));

/* A new folder as test_tmp, named after the driver (test_store.c: /tmp/kollen-test-store.XXXXXX),
 * so that a folder left behind says whose it is. */
static inline void test_tmp_make(void)
{
    const char *name = strrchr(__BASE_FILE__, '/');
    name = name ? name + 1 : __BASE_FILE__;
    if (!strncmp(name, "test_", 5))
        name += 5;
    snprintf(test_tmp, sizeof test_tmp, "/tmp/kollen-test-%.*s.XXXXXX", (int)strcspn(name, "."),
             name);
    assert_non_null(mkdtemp(test_tmp));
}

/* test_tmp and all it holds, also what a test made unreadable; 0 or -1. */
static inline int test_tmp_remove(void)
{
    char cmd[600];
    snprintf(cmd, sizeof cmd, "chmod -R u+rwx '%s' 2>/dev/null; rm -rf '%s'", test_tmp, test_tmp);
    return system(cmd) == 0 ? 0 : -1;
}

/* test_tmp/name (caller frees). */
static inline char *test_tmp_path(const char *name)
{
    struct sbuf p;
    sbuf_init(&p);
    sbuf_addf(&p, "%s/%s", test_tmp, name);
    return sbuf_take(&p);
}

/* Set-up and tear-down of a test that needs only the folder. */
static inline int test_tmp_setup(void **st)
{
    (void)st;
    test_tmp_make();
    return 0;
}

static inline int test_tmp_teardown(void **st)
{
    (void)st;
    return test_tmp_remove();
}

#endif
