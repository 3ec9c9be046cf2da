/* follow.c: the writer's published cursor, and a follower that reads the session again when
 * it is replaced. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kollen/msg.h"
#include "kollen/ops_follow.h"
#include "kollen/store.h"
#include "kollen/text.h"

char *ops_cursor_path(const char *session_path)
{
    struct sbuf p;
    sbuf_init(&p);
    sbuf_addf(&p, "%s.cursor", session_path);
    return sbuf_take(&p);
}

int ops_publish_cursor(struct workshop *w, struct diags *d)
{
    if (!w || w->read_only)
        return KL_OK;
    char *path = ops_cursor_path(w->path);
    if (!path) {
        diags_add(d, NULL, 0, M_SES_NO_MEMORY);
        return KL_ENOMEM;
    }
    char text[64];
    int n = snprintf(text, sizeof text, "question = %d\n", w->ses->cursor);
    int rc = store_write_quick(path, text, (size_t)n, d);
    if (rc == KL_OK)
        w->published = 1;
    free(path);
    return rc;
}

int ops_read_cursor(const char *session_path, int *number)
{
    char *path = ops_cursor_path(session_path);
    char buf[128];
    long n = path ? store_read_small(path, buf, sizeof buf) : -1;
    free(path);
    if (n <= 0)
        return -1;
    const char *p = strstr(buf, "question");
    if (!p)
        return -1;
    p += strlen("question");
    while (*p == ' ' || *p == '=')
        p++;
    char num[16];
    size_t k = 0;
    while (k + 1 < sizeof num && p[k] >= '0' && p[k] <= '9') {
        num[k] = p[k];
        k++;
    }
    num[k] = '\0';
    long v;
    if (!k || text_parse_int(num, 0, BANK_MAX_QUESTIONS, &v))
        return -1;
    *number = (int)v;
    return 0;
}

int ops_refresh(struct workshop *w, struct diags *d)
{
    if (!w->read_only)
        return KL_EUSAGE;
    struct session *s = NULL;
    int rc = session_load(w->path, w->bank, &s, d);
    if (rc)
        return rc;
    for (int i = 0; i < w->n_undo; i++) {
        answer_clear(&w->undo[i].before);
        answer_clear(&w->undo[i].after);
    }
    for (int i = 0; i < w->n_redo; i++) {
        answer_clear(&w->redo[i].before);
        answer_clear(&w->redo[i].after);
    }
    w->n_undo = w->n_redo = 0;
    session_free(w->ses);
    w->ses = s;
    w->saved_cursor = s->cursor;
    ops_rescore(w);
    return KL_OK;
}

struct ops_follow {
    struct file_watch *watch;
};

/* The file's modification time, or 0. */
static double mtime_of(const char *path)
{
    struct stat st;
    if (!path || stat(path, &st))
        return 0;
    return (double)st.st_mtim.tv_sec + (double)st.st_mtim.tv_nsec / 1e9;
}

static int take_cursor(struct workshop *w)
{
    int number;
    if (ops_read_cursor(w->path, &number) || bank_find_question(w->bank, number) < 0 ||
        number == w->ses->cursor)
        return 0;
    w->ses->cursor = number;
    return OPS_FOLLOW_CURSOR;
}

int ops_follow_start(struct workshop *w, int poll_only, struct ops_follow **out,
                     struct diags *d)
{
    *out = NULL;
    struct ops_follow *f = calloc(1, sizeof *f);
    char *cursor = ops_cursor_path(w->path);
    const char *paths[3] = {w->path, cursor, NULL};
    if (!f || !cursor || watch_open(paths, poll_only, &f->watch)) {
        free(f);
        free(cursor);
        diags_add(d, NULL, 0, M_SES_NO_MEMORY);
        return KL_ENOMEM;
    }
    /* a save between reading the session and watching it would be missed: read it again now
     * that the watch is there (a failure keeps the session as it was read) */
    struct diags rd;
    diags_init(&rd);
    ops_refresh(w, &rd);
    diags_free(&rd);
    /* a cursor file older than the session is a writer's that is gone */
    if (mtime_of(cursor) >= mtime_of(w->path))
        take_cursor(w);
    free(cursor);
    *out = f;
    return KL_OK;
}

int ops_follow_check(struct ops_follow *f, struct workshop *w, struct diags *d)
{
    if (!f)
        return 0;
    unsigned changed = watch_check(f->watch);
    int r = 0;
    if ((changed & 1) && access(w->path, F_OK) == 0) {
        ops_refresh(w, d);
        r |= OPS_FOLLOW_SESSION;
    }
    if (changed & 2)
        r |= take_cursor(w);
    return r;
}

int ops_follow_inotify(const struct ops_follow *f)
{
    return f && watch_inotify(f->watch);
}

int ops_follow_fd(const struct ops_follow *f)
{
    return f ? watch_fd(f->watch) : -1;
}

void ops_follow_stop(struct ops_follow *f)
{
    if (!f)
        return;
    watch_close(f->watch);
    free(f);
}
