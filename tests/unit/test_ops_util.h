/* test_ops_util.h: helpers for the use-case drivers: a temporary folder, a session of a
 * fixture bank in it, the file read back as another program would. Header-only, static. */
#ifndef KOLLEN_TEST_OPS_UTIL_H
#define KOLLEN_TEST_OPS_UTIL_H

#include <sys/stat.h>
#include <unistd.h>

#include "kollen/ops_workshop.h"
#include "kollen/text.h"
#include "testutil.h"

#define OPS_QDIR "tests/fixtures/good"
#define OPS_NOW 1714642200 /* 2024-05-02 09:30:00 UTC */

static char ops_tmp[256];

static inline void ops_tmp_make(const char *tag)
{
    snprintf(ops_tmp, sizeof ops_tmp, "/tmp/kollen-test-%s.XXXXXX", tag);
    assert_non_null(mkdtemp(ops_tmp));
}

static inline void ops_tmp_remove(void)
{
    char cmd[600];
    snprintf(cmd, sizeof cmd, "chmod -R u+rwx '%s' 2>/dev/null; rm -rf '%s'", ops_tmp, ops_tmp);
    assert_int_equal(system(cmd), 0);
}

/* ops_tmp/name (caller frees). */
static inline char *ops_tmp_path(const char *name)
{
    struct sbuf p;
    sbuf_init(&p);
    sbuf_addf(&p, "%s/%s", ops_tmp, name);
    return sbuf_take(&p);
}

/* A new session of bank_id saved as ops_tmp/name through the use case (caller frees). */
static inline char *ops_make_session(const char *bank_id, const char *name, const char *org)
{
    char *path = ops_tmp_path(name);
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

/* The session at path loaded again from disk (caller frees both). */
static inline struct session *ops_reload(const char *path, struct bank **b)
{
    struct diags d;
    diags_init(&d);
    struct session *s = NULL;
    int rc = session_open(path, OPS_QDIR, b, &s, &d);
    for (size_t i = 0; i < d.n; i++)
        fprintf(stderr, "%s:%d: %s\n", d.v[i].file, d.v[i].line, d.v[i].msg);
    diags_free(&d);
    assert_int_equal(rc, KL_OK);
    return s;
}

static inline char *ops_read_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    struct sbuf b;
    sbuf_init(&b);
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0)
        sbuf_addn(&b, buf, n);
    fclose(f);
    return sbuf_take(&b);
}

#endif
