/* atomic.c: replace a file so that a reader sees the old bytes or the new, never a mix:
 * temporary file in the same folder (0600), write, fsync, rename (or link when the file must
 * not exist yet), fsync the folder. The same steps htop's Settings_write takes, plus the last.
 *
 * Temporary files of a replacing save are named .NAME.tmp.XXXXXX: only the lock holder writes
 * those, so whoever takes the lock may remove any it finds (a save killed half way). A save that
 * creates (kollen new) holds no lock: its file has no name at all until it is linked in
 * (O_TMPFILE), or, where the file system cannot do that, the name .NAME.new.XXXXXX, which the
 * lock holder's clean-up does not touch. */
#define _GNU_SOURCE /* O_TMPFILE */
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

/* Write, make private and durable; 0 or the errno, with *step the message to give. */
static int fill(int fd, const char *data, size_t n, int *step)
{
    *step = M_SAVE_WRITE;
    if (fchmod(fd, S_IRUSR | S_IWUSR) || write_all(fd, data, n))
        return errno;
    *step = M_SAVE_SYNC;
    return fsync(fd) ? errno : 0;
}

/* Create path with data, never replacing a file: an unnamed file linked in at the end.
 * Returns 0, an errno, or -1 when the file system cannot (the caller then uses a name). */
static int create_unnamed(const char *dir, const char *path, const char *data, size_t n,
                          int *step)
{
    int fd = open(dir, O_TMPFILE | O_RDWR | O_CLOEXEC, S_IRUSR | S_IWUSR);
    if (fd < 0) {
        if (errno == EOPNOTSUPP || errno == EISDIR || errno == EINVAL)
            return -1;
        *step = M_SAVE_TEMP;
        return errno;
    }
    int err = fill(fd, data, n, step);
    if (!err) {
        char self[64];
        snprintf(self, sizeof self, "/proc/self/fd/%d", fd);
        *step = M_SAVE_RENAME;
        if (linkat(AT_FDCWD, self, AT_FDCWD, path, AT_SYMLINK_FOLLOW))
            err = errno == ENOENT && access("/proc/self/fd", F_OK) ? -1 : errno;
    }
    if (close(fd) && !err)
        err = errno, *step = M_SAVE_WRITE;
    return err;
}

int store_write_atomic(const char *path, const char *data, size_t n, int create_only,
                       struct diags *d)
{
    char dir[PATH_MAX], tmp[PATH_MAX];
    const char *base;
    split(path, dir, sizeof dir, &base);
    if ((size_t)snprintf(tmp, sizeof tmp, "%s/.%s.%s.XXXXXX", dir, base,
                         create_only ? "new" : "tmp") >= sizeof tmp) {
        diags_add(d, path, 0, M_SAVE_TEMP, dir, strerror(ENAMETOOLONG));
        return KL_EIO;
    }
    if (create_only && access(path, F_OK) == 0) {
        diags_add(d, path, 0, M_SAVE_EXISTS);
        return KL_EEXIST;
    }
    int err = -1, step = M_SAVE_TEMP;
    if (create_only)
        err = create_unnamed(dir, path, data, n, &step);
    if (err == -1) {
        int fd = mkstemp(tmp); /* O_EXCL, mode 0600 whatever the umask */
        if (fd < 0) {
            diags_add(d, path, 0, M_SAVE_TEMP, dir, strerror(errno));
            return KL_EIO;
        }
        err = fill(fd, data, n, &step);
        if (close(fd) && !err)
            err = errno, step = M_SAVE_WRITE;
        if (!err) {
            step = M_SAVE_RENAME;
            if (create_only) {
                /* link fails if the name exists: two creators cannot both win */
                if (link(tmp, path))
                    err = errno;
            } else if (rename(tmp, path)) {
                err = errno;
            }
        }
        if (err || create_only)
            unlink(tmp);
    }
    if (err) {
        if (create_only && err == EEXIST) {
            diags_add(d, path, 0, M_SAVE_EXISTS);
            return KL_EEXIST;
        }
        diags_add(d, path, 0, step, step == M_SAVE_TEMP ? dir : path, strerror(err));
        return KL_EIO;
    }
    if (sync_dir(dir)) {
        /* the new file is in place; only its durability across a power cut is in doubt */
        diags_warn(d, path, 0, M_SAVE_DIRSYNC, dir, strerror(errno));
    }
    return KL_OK;
}

int store_write_quick(const char *path, const char *data, size_t n, struct diags *d)
{
    char dir[PATH_MAX], tmp[PATH_MAX];
    const char *base;
    split(path, dir, sizeof dir, &base);
    if ((size_t)snprintf(tmp, sizeof tmp, "%s/.%s.tmp.XXXXXX", dir, base) >= sizeof tmp) {
        diags_add(d, path, 0, M_SAVE_TEMP, dir, strerror(ENAMETOOLONG));
        return KL_EIO;
    }
    int fd = mkstemp(tmp); /* O_EXCL, mode 0600 whatever the umask */
    if (fd < 0) {
        diags_add(d, path, 0, M_SAVE_TEMP, dir, strerror(errno));
        return KL_EIO;
    }
    int err = 0, step = M_SAVE_WRITE;
    if (fchmod(fd, S_IRUSR | S_IWUSR) || write_all(fd, data, n))
        err = errno;
    if (close(fd) && !err)
        err = errno;
    if (!err && rename(tmp, path)) /* all or nothing for a reader; no fsync: see store.h */
        err = errno, step = M_SAVE_RENAME;
    if (err) {
        unlink(tmp);
        diags_add(d, path, 0, step, path, strerror(err));
        return KL_EIO;
    }
    return KL_OK;
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
