/* watch.c: noticing that a file was replaced. A save replaces the session by rename, so the
 * file's own inode cannot be watched: inotify watches the folder and the events are matched
 * by name. Where inotify is missing (another kernel, a file system that has none, the
 * per-user limit reached) or not wanted, every check compares stat(2) of the files instead;
 * a caller that checks every fifth of a second sees a change as soon. */
#define _GNU_SOURCE /* inotify_init1's flags */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kollen/store.h"
#include "kollen/text.h"

#define WATCH_MAX 8

struct stamp {
    int exists;
    dev_t dev;
    ino_t ino;
    off_t size;
    struct timespec mtime, ctime;
};

struct file_watch {
    int n;
    char *path[WATCH_MAX];
    const char *base[WATCH_MAX];
    struct stamp st[WATCH_MAX];
    int fd; /* inotify, or -1: polling */
    int wd;
};

static void stamp_of(const char *path, struct stamp *s)
{
    struct stat st;
    memset(s, 0, sizeof *s);
    if (stat(path, &st) != 0)
        return;
    s->exists = 1;
    s->dev = st.st_dev;
    s->ino = st.st_ino;
    s->size = st.st_size;
    s->mtime = st.st_mtim;
    s->ctime = st.st_ctim;
}

static int same_stamp(const struct stamp *x, const struct stamp *y)
{
    return x->exists == y->exists && x->dev == y->dev && x->ino == y->ino &&
           x->size == y->size && x->mtime.tv_sec == y->mtime.tv_sec &&
           x->mtime.tv_nsec == y->mtime.tv_nsec && x->ctime.tv_sec == y->ctime.tv_sec &&
           x->ctime.tv_nsec == y->ctime.tv_nsec;
}

static void start_inotify(struct file_watch *w)
{
    char dir[PATH_MAX];
    const char *slash = strrchr(w->path[0], '/');
    if (!slash)
        snprintf(dir, sizeof dir, ".");
    else
        snprintf(dir, sizeof dir, "%.*s", slash == w->path[0] ? 1 : (int)(slash - w->path[0]),
                 w->path[0]);
    w->fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (w->fd < 0)
        return;
    w->wd = inotify_add_watch(w->fd, dir,
                              IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_DELETE |
                                  IN_MOVED_FROM | IN_ATTRIB | IN_DELETE_SELF | IN_MOVE_SELF);
    if (w->wd < 0) {
        close(w->fd);
        w->fd = -1;
    }
}

int watch_open(const char *const *paths, int poll_only, struct file_watch **out)
{
    *out = NULL;
    struct file_watch *w = calloc(1, sizeof *w);
    if (!w)
        return KL_ENOMEM;
    w->fd = -1;
    for (int i = 0; i < WATCH_MAX && paths[i]; i++) {
        if (!(w->path[i] = text_dup(paths[i]))) {
            watch_close(w);
            return KL_ENOMEM;
        }
        const char *slash = strrchr(w->path[i], '/');
        w->base[i] = slash ? slash + 1 : w->path[i];
        stamp_of(w->path[i], &w->st[i]);
        w->n = i + 1;
    }
    if (!poll_only && w->n)
        start_inotify(w);
    *out = w;
    return KL_OK;
}

static unsigned poll_check(struct file_watch *w)
{
    unsigned changed = 0;
    for (int i = 0; i < w->n; i++) {
        struct stamp s;
        stamp_of(w->path[i], &s);
        if (!same_stamp(&s, &w->st[i]))
            changed |= 1u << i;
        w->st[i] = s;
    }
    return changed;
}

/* The folder itself went away or was moved: polling from now on. */
static void fall_back(struct file_watch *w)
{
    close(w->fd);
    w->fd = -1;
    poll_check(w);
}

unsigned watch_check(struct file_watch *w)
{
    if (!w)
        return 0;
    if (w->fd < 0)
        return poll_check(w);
    unsigned changed = 0;
    char buf[4096] __attribute__((aligned(__alignof__(struct inotify_event))));
    for (;;) {
        ssize_t n = read(w->fd, buf, sizeof buf);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        for (char *p = buf; p < buf + n;) {
            const struct inotify_event *e = (const struct inotify_event *)(void *)p;
            if (e->mask & (IN_Q_OVERFLOW | IN_IGNORED | IN_DELETE_SELF | IN_MOVE_SELF))
                changed = (1u << w->n) - 1;
            for (int i = 0; e->len && i < w->n; i++)
                if (!strcmp(e->name, w->base[i]))
                    changed |= 1u << i;
            if (e->mask & (IN_IGNORED | IN_DELETE_SELF | IN_MOVE_SELF)) {
                fall_back(w);
                return changed;
            }
            p += sizeof *e + e->len;
        }
    }
    return changed;
}

int watch_inotify(const struct file_watch *w)
{
    return w && w->fd >= 0;
}

int watch_fd(const struct file_watch *w)
{
    return w ? w->fd : -1;
}

void watch_close(struct file_watch *w)
{
    if (!w)
        return;
    if (w->fd >= 0)
        close(w->fd);
    for (int i = 0; i < w->n; i++)
        free(w->path[i]);
    free(w);
}
