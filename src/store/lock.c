/* lock.c: one writer per session. SESSION.lock holds the writer's identity and an flock(2):
 * the kernel drops the flock when the process dies however it dies, so a lock file nobody
 * holds is stale by definition and can be taken over without guessing from pids. */
#define _GNU_SOURCE /* flock */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "kollen/msg.h"
#include "kollen/store.h"
#include "kollen/text.h"

struct session_lock {
    int fd;
    char *path;
    dev_t dev;
    ino_t ino;
};

static void parse_holder(const char *buf, struct lock_holder *h)
{
    memset(h, 0, sizeof *h);
    const char *p = buf;
    while (*p) {
        const char *nl = strchr(p, '\n');
        size_t len = nl ? (size_t)(nl - p) : strlen(p);
        char line[128];
        snprintf(line, sizeof line, "%.*s", (int)(len < 127 ? len : 127), p);
        char *eq = strchr(line, '=');
        if (eq) {
            *eq = '\0';
            const char *v = eq + 1;
            if (!strcmp(line, "pid"))
                h->pid = strtol(v, NULL, 10);
            else if (!strcmp(line, "host"))
                snprintf(h->host, sizeof h->host, "%s", v);
            else if (!strcmp(line, "user"))
                snprintf(h->user, sizeof h->user, "%s", v);
            else if (!strcmp(line, "program"))
                snprintf(h->program, sizeof h->program, "%s", v);
            else if (!strcmp(line, "since"))
                h->since = strtoll(v, NULL, 10);
        }
        p += len + (nl ? 1 : 0);
    }
    /* names read from a file are data: keep them printable */
    char *fields[] = {h->host, h->user, h->program};
    for (int i = 0; i < 3; i++)
        for (char *c = fields[i]; *c; c++)
            if ((unsigned char)*c < 0x20 || *c == 0x7f)
                *c = '?';
}

static void read_holder(int fd, struct lock_holder *h)
{
    char buf[512];
    ssize_t n = pread(fd, buf, sizeof buf - 1, 0);
    buf[n > 0 ? n : 0] = '\0';
    parse_holder(buf, h);
}

/* Temporary files of this session left by a save that was killed half way (they are 0600
 * but hold the same sensitive text): only the lock holder may remove them. */
static void remove_stale_temps(const char *path)
{
    const char *slash = strrchr(path, '/');
    char dir[PATH_MAX];
    const char *base = slash ? slash + 1 : path;
    if (slash)
        snprintf(dir, sizeof dir, "%.*s", (int)(slash - path) ? (int)(slash - path) : 1, path);
    else
        snprintf(dir, sizeof dir, ".");
    /* the session's own, and those of the cursor file the holder publishes (ops_follow.h) */
    char prefix[2][NAME_MAX + 16];
    int plen[2];
    plen[0] = snprintf(prefix[0], sizeof prefix[0], ".%s.tmp.", base);
    plen[1] = snprintf(prefix[1], sizeof prefix[1], ".%s.cursor.tmp.", base);
    for (int i = 0; i < 2; i++)
        if (plen[i] <= 0 || (size_t)plen[i] >= sizeof prefix[i])
            return;
    DIR *dh = opendir(dir);
    if (!dh)
        return;
    struct dirent *e;
    while ((e = readdir(dh))) {
        for (int i = 0; i < 2; i++) {
            if (strncmp(e->d_name, prefix[i], (size_t)plen[i]) ||
                strlen(e->d_name) != (size_t)plen[i] + 6)
                continue;
            char p[PATH_MAX];
            if ((size_t)snprintf(p, sizeof p, "%s/%s", dir, e->d_name) < sizeof p)
                unlink(p);
        }
    }
    closedir(dh);
}

static void since_text(long long t, char *buf, size_t n)
{
    text_format_time((int64_t)t, buf, n);
}

/* What is wrong with the file at the lock path (0: a lock file of ours). st describes it. */
static int not_ours(const struct stat *st)
{
    if (S_ISLNK(st->st_mode))
        return M_LOCK_WHY_SYMLINK;
    if (S_ISDIR(st->st_mode))
        return M_LOCK_WHY_FOLDER;
    if (!S_ISREG(st->st_mode))
        return M_LOCK_WHY_NOT_REGULAR;
    if (st->st_nlink != 1)
        return M_LOCK_WHY_LINKS;
    if (st->st_uid != geteuid())
        return M_LOCK_WHY_OWNER;
    return 0;
}

/* A lock file kollen wrote: empty (its writer died before writing) or "pid=..." and small. */
static int looks_like_lock(int fd, const struct stat *st)
{
    if (st->st_size == 0)
        return 1;
    char buf[4];
    return st->st_size < 4096 && pread(fd, buf, 4, 0) == 4 && memcmp(buf, "pid=", 4) == 0;
}

static int refuse(struct diags *d, const char *path, const char *lock_path, int why)
{
    diags_add(d, path, 0, M_LOCK_REFUSED, lock_path, msg((enum msg_id)why));
    return KL_ENOLOCK;
}

/* Open the lock file: a new one (O_EXCL), or an existing one that is a lock file of ours.
 * Returns the descriptor, -1 with *rc set when refused or failed, -2 to try again. */
static int open_lock(const char *path, const char *lock_path, struct stat *fst, int *rc,
                     struct diags *d)
{
    const int flags = O_RDWR | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY;
    int fd = open(lock_path, flags | O_CREAT | O_EXCL, 0600);
    int created = fd >= 0;
    struct stat lst;
    memset(&lst, 0, sizeof lst);
    if (fd < 0 && errno == EEXIST) {
        /* look before opening: a FIFO or a device is never opened */
        if (lstat(lock_path, &lst)) {
            if (errno == ENOENT)
                return -2;
            diags_add(d, path, 0, M_LOCK_FAIL, lock_path, strerror(errno));
            *rc = KL_ENOLOCK;
            return -1;
        }
        int why = not_ours(&lst);
        if (why) {
            *rc = refuse(d, path, lock_path, why);
            return -1;
        }
        fd = open(lock_path, flags);
        if (fd < 0 && errno == ENOENT)
            return -2;
    }
    if (fd < 0) {
        int e = errno;
        if (e == ELOOP)
            *rc = refuse(d, path, lock_path, M_LOCK_WHY_SYMLINK);
        else if (e == EISDIR)
            *rc = refuse(d, path, lock_path, M_LOCK_WHY_FOLDER);
        else {
            diags_add(d, path, 0, M_LOCK_FAIL, lock_path, strerror(e));
            *rc = KL_ENOLOCK;
        }
        return -1;
    }
    int why = 0;
    if (fstat(fd, fst)) {
        diags_add(d, path, 0, M_LOCK_FAIL, lock_path, strerror(errno));
        *rc = KL_ENOLOCK;
    } else if (!created && (fst->st_dev != lst.st_dev || fst->st_ino != lst.st_ino)) {
        close(fd); /* replaced between the look and the open */
        return -2;
    } else if ((why = not_ours(fst)) || (!created && !looks_like_lock(fd, fst))) {
        *rc = refuse(d, path, lock_path, why ? why : M_LOCK_WHY_FOREIGN);
    } else {
        return fd;
    }
    close(fd);
    return -1;
}

int session_lock(const char *path, const char *program, struct session_lock **out,
                 struct lock_holder *holder, struct diags *d)
{
    *out = NULL;
    struct sbuf lp;
    sbuf_init(&lp);
    sbuf_addf(&lp, "%s.lock", path);
    char *lock_path = sbuf_take(&lp);
    if (!lock_path)
        return KL_ENOMEM;
    for (int attempt = 0; attempt < 5; attempt++) {
        struct stat fst, pst;
        int rc = KL_ENOLOCK;
        int fd = open_lock(path, lock_path, &fst, &rc, d);
        if (fd == -2)
            continue;
        if (fd < 0) {
            free(lock_path);
            return rc;
        }
        if (flock(fd, LOCK_EX | LOCK_NB)) {
            int e = errno;
            struct lock_holder h;
            read_holder(fd, &h);
            close(fd);
            if (e != EWOULDBLOCK) {
                /* ENOLCK on a network file system, say: not held, but not ours either */
                diags_add(d, path, 0, M_LOCK_FAIL, lock_path, strerror(e));
                free(lock_path);
                return KL_ENOLOCK;
            }
            char since[32];
            since_text(h.since, since, sizeof since);
            if (h.pid)
                diags_add(d, path, 0, M_LOCK_HELD, h.program[0] ? h.program : "kollen", h.pid,
                          h.host[0] ? h.host : "?", h.user[0] ? h.user : "?", since);
            else
                diags_add(d, path, 0, M_LOCK_HELD_UNKNOWN, lock_path);
            if (holder)
                *holder = h;
            free(lock_path);
            return KL_ELOCKED;
        }
        /* the file we locked must still be the one at lock_path (a holder unlinks it when it
         * lets go, and we may have opened the old one just before), and still ours alone */
        if (lstat(lock_path, &pst) || fst.st_dev != pst.st_dev || fst.st_ino != pst.st_ino ||
            fstat(fd, &fst) || fst.st_nlink != 1) {
            close(fd);
            continue;
        }
        struct lock_holder old;
        read_holder(fd, &old);
        if (old.pid) {
            char since[32];
            since_text(old.since, since, sizeof since);
            diags_warn(d, path, 0, M_LOCK_STALE, old.pid, old.host[0] ? old.host : "?", since);
        }
        char host[64] = "", info[512];
        gethostname(host, sizeof host - 1);
        struct passwd *pw = getpwuid(getuid());
        int n = snprintf(info, sizeof info, "pid=%ld\nhost=%s\nuser=%s\nprogram=%s\nsince=%lld\n",
                         (long)getpid(), host, pw && pw->pw_name ? pw->pw_name : "?",
                         program ? program : "kollen", (long long)time(NULL));
        if (ftruncate(fd, 0) || pwrite(fd, info, (size_t)n, 0) != n) {
            diags_add(d, path, 0, M_LOCK_FAIL, lock_path, strerror(errno));
            unlink(lock_path);
            close(fd);
            free(lock_path);
            return KL_ENOLOCK;
        }
        if ((fst.st_mode & 07777) != 0600)
            fchmod(fd, 0600);
        int fl = fcntl(fd, F_GETFL);
        if (fl >= 0)
            fcntl(fd, F_SETFL, fl & ~O_NONBLOCK);
        remove_stale_temps(path);
        struct session_lock *l = malloc(sizeof *l);
        if (!l) {
            unlink(lock_path);
            close(fd);
            free(lock_path);
            return KL_ENOMEM;
        }
        l->fd = fd;
        l->path = lock_path;
        l->dev = fst.st_dev;
        l->ino = fst.st_ino;
        *out = l;
        return KL_OK;
    }
    diags_add(d, path, 0, M_LOCK_FAIL, lock_path, strerror(EAGAIN));
    free(lock_path);
    return KL_ENOLOCK;
}

void session_unlock(struct session_lock *l)
{
    if (!l)
        return;
    struct stat st;
    /* unlink while still holding the flock, and only our own file */
    if (lstat(l->path, &st) == 0 && st.st_dev == l->dev && st.st_ino == l->ino)
        unlink(l->path);
    close(l->fd);
    free(l->path);
    free(l);
}

int store_check_private(const char *path, struct diags *d)
{
    const char *slash = strrchr(path, '/');
    char dir[PATH_MAX];
    if (slash)
        snprintf(dir, sizeof dir, "%.*s", slash == path ? 1 : (int)(slash - path), path);
    else
        snprintf(dir, sizeof dir, ".");
    struct stat st;
    int warned = 0;
    if (stat(dir, &st) == 0 && (st.st_mode & (S_IROTH | S_IWOTH | S_IXOTH))) {
        diags_warn(d, path, 0, M_PRIV_FOLDER, dir, (unsigned)(st.st_mode & 07777), dir);
        warned = 1;
    }
    if (stat(path, &st) == 0 && (st.st_mode & (S_IRWXG | S_IRWXO))) {
        diags_warn(d, path, 0, M_PRIV_FILE, (unsigned)(st.st_mode & 07777), path);
        warned = 1;
    }
    return warned;
}
