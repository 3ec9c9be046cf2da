/* session_peek.c: reading a session file's bytes once, and seeing which bank it names before
 * it is parsed, so that many sessions can be read with their banks loaded once each: the
 * bytes are read here, the bank found, and session_parse reads the same bytes. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ini.h"
#include "kollen/msg.h"
#include "kollen/store.h"
#include "kollen/text.h"

int store_read_file(const char *path, char **buf, size_t *n, struct diags *d)
{
    *buf = NULL;
    *n = 0;
    /* O_NONBLOCK: a FIFO where a session should be must not block; only regular files pass */
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
    if (fd < 0) {
        diags_add(d, path, 0, M_IO_OPEN, strerror(errno));
        return KL_EIO;
    }
    struct stat st;
    if (fstat(fd, &st) != 0) {
        diags_add(d, path, 0, M_IO_READ, strerror(errno));
        close(fd);
        return KL_EIO;
    }
    if (!S_ISREG(st.st_mode)) {
        if (S_ISDIR(st.st_mode))
            diags_add(d, path, 0, M_IO_READ, strerror(EISDIR));
        else
            diags_add(d, path, 0, M_IO_NOT_REGULAR);
        close(fd);
        return KL_EIO;
    }
    if (st.st_size > INI_FILE_MAX) {
        diags_add(d, path, 0, M_IO_TOO_BIG, INI_FILE_MAX);
        close(fd);
        return KL_EPARSE;
    }
    size_t cap = (size_t)st.st_size + 1, len = 0;
    char *b = malloc(cap);
    for (;;) {
        if (!b) {
            close(fd);
            return KL_ENOMEM;
        }
        if (len == cap) { /* the file grew while it was read */
            char *nb = cap > (size_t)INI_FILE_MAX ? NULL : realloc(b, cap * 2);
            if (!nb) {
                if (cap > (size_t)INI_FILE_MAX)
                    diags_add(d, path, 0, M_IO_TOO_BIG, INI_FILE_MAX);
                free(b);
                close(fd);
                return cap > (size_t)INI_FILE_MAX ? KL_EPARSE : KL_ENOMEM;
            }
            b = nb;
            cap *= 2;
        }
        ssize_t r = read(fd, b + len, cap - len);
        if (r < 0 && (errno == EINTR || errno == EAGAIN))
            continue;
        if (r < 0) {
            diags_add(d, path, 0, M_IO_READ, strerror(errno));
            free(b);
            close(fd);
            return KL_EIO;
        }
        if (r == 0)
            break;
        len += (size_t)r;
        /* all fstat promised and the read stopped short of the free byte: the end (a file
         * that grew fills the buffer; a short read before st_size, as FUSE may give, reads on) */
        if (len < cap && len >= (size_t)st.st_size)
            break;
    }
    close(fd);
    *buf = b;
    *n = len;
    return KL_OK;
}

/* The line at p (up to end) without its line end and surrounding blanks. */
static void line_bounds(const char *p, const char *end, const char **s, const char **e)
{
    const char *q = memchr(p, '\n', (size_t)(end - p));
    *e = q ? q : end;
    *s = p;
    while (*s < *e && (**s == ' ' || **s == '\t'))
        (*s)++;
    while (*e > *s && ((*e)[-1] == ' ' || (*e)[-1] == '\t' || (*e)[-1] == '\r'))
        (*e)--;
}

char *session_peek_bank_id(const char *buf, size_t n)
{
    const char *p = buf, *end = buf + n;
    int in_session = 0;
    while (p < end) {
        const char *s, *e, *next = memchr(p, '\n', (size_t)(end - p));
        line_bounds(p, end, &s, &e);
        p = next ? next + 1 : end;
        if (s < e && *s == '[') {
            if (in_session)
                return NULL; /* [session] is over without a bank */
            in_session = (size_t)(e - s) == 9 && !memcmp(s, "[session]", 9);
            continue;
        }
        if (!in_session || (size_t)(e - s) < 4 || memcmp(s, "bank", 4) != 0)
            continue;
        const char *v = s + 4;
        while (v < e && (*v == ' ' || *v == '\t'))
            v++;
        if (v == e || *v != '=')
            continue;
        for (v++; v < e && (*v == ' ' || *v == '\t'); v++)
            ;
        char *raw = text_ndup(v, (size_t)(e - v));
        char *id = raw ? text_percent_decode(raw) : NULL;
        free(raw);
        return id;
    }
    return NULL;
}
