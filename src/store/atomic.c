/* atomic.c: replace a file so that a reader sees the old bytes or the new, never a mix:
 * temporary file in the same folder (0600), write, fsync, rename (or link when the file must
 * not exist yet), fsync the folder. The same steps htop's Settings_write takes, plus the last. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kollen/msg.h"
#include "kollen/store.h"

static void split(const char *path, char *dir, size_t n, const char **base)
{
    const char *slash = strrchr(path, '/');
    if (!slash) {
        snprintf(dir, n, ".");
        *base = path;
    } else if (slash == path) {
        snprintf(dir, n, "/");
        *base = slash + 1;
    } else {
        snprintf(dir, n, "%.*s", (int)(slash - path), path);
        *base = slash + 1;
    }
}

static int write_all(int fd, const char *p, size_t n)
{
    while (n) {
        ssize_t w = write(fd, p, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w < 0)
            return -1;
        if (w == 0) {
            errno = ENOSPC;
            return -1;
        }
        p += w;
        n -= (size_t)w;
    }
    return 0;
}

static int sync_dir(const char *dir)
{
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    int rc = fsync(fd);
    /* some file systems cannot fsync a folder; the rename itself is still atomic there */
    if (rc && (errno == EINVAL || errno == ENOTSUP))
        rc = 0;
    close(fd);
    return rc;
}

/* The steps; durable: fsync the file and the folder (a quick write only renames). */
static int write_replace(const char *path, const char *data, size_t n, int create_only,
                         int durable, struct diags *d)
{
    char dir[PATH_MAX], tmp[PATH_MAX];
    const char *base;
    split(path, dir, sizeof dir, &base);
    if ((size_t)snprintf(tmp, sizeof tmp, "%s/.%s.tmp.XXXXXX", dir, base) >= sizeof tmp) {
        diags_add(d, path, 0, M_SAVE_TEMP, dir, strerror(ENAMETOOLONG));
        return KL_EIO;
    }
    if (create_only && access(path, F_OK) == 0) {
        diags_add(d, path, 0, M_SAVE_EXISTS);
        return KL_EEXIST;
    }
    int fd = mkstemp(tmp); /* O_EXCL, mode 0600 whatever the umask */
    if (fd < 0) {
        diags_add(d, path, 0, M_SAVE_TEMP, dir, strerror(errno));
        return KL_EIO;
    }
    int err = 0, step = M_SAVE_WRITE;
    if (fchmod(fd, S_IRUSR | S_IWUSR) || write_all(fd, data, n))
        err = errno;
    else if (durable && fsync(fd))
        err = errno, step = M_SAVE_SYNC;
    if (close(fd) && !err)
        err = errno;
    if (!err) {
        step = M_SAVE_RENAME;
        if (create_only) {
            /* link fails if the name exists: two creators cannot both win */
            if (link(tmp, path))
                err = errno;
            unlink(tmp);
        } else if (rename(tmp, path)) {
            err = errno;
        }
    }
    if (err) {
        if (!create_only || step != M_SAVE_RENAME)
            unlink(tmp);
        if (create_only && err == EEXIST) {
            diags_add(d, path, 0, M_SAVE_EXISTS);
            return KL_EEXIST;
        }
        diags_add(d, path, 0, step, step == M_SAVE_TEMP ? dir : path, strerror(err));
        return KL_EIO;
    }
    if (durable && sync_dir(dir)) {
        /* the new file is in place; only its durability across a power cut is in doubt */
        diags_warn(d, path, 0, M_SAVE_DIRSYNC, dir, strerror(errno));
    }
    return KL_OK;
}

int store_write_atomic(const char *path, const char *data, size_t n, int create_only,
                       struct diags *d)
{
    return write_replace(path, data, n, create_only, 1, d);
}

int store_write_quick(const char *path, const char *data, size_t n, struct diags *d)
{
    return write_replace(path, data, n, 0, 0, d);
}

long store_read_small(const char *path, char *buf, size_t n)
{
    if (n == 0)
        return -1;
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0)
        return -1;
    size_t len = 0;
    while (len + 1 < n) {
        ssize_t r = read(fd, buf + len, n - 1 - len);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            break;
        len += (size_t)r;
    }
    close(fd);
    buf[len] = '\0';
    return (long)len;
}
