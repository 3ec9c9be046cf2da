/* paths.c: the questions folder, the sessions folder and SESSION arguments. */
#include "kollen/ops_paths.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kollen/ops_msg.h"
#include "kollen/text.h"

static int is_dir(const char *p)
{
    struct stat st;
    return p && stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

/* questions/ beside the running program, or one folder up (build/kollen); NULL if neither. */
static char *beside_program(void)
{
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0)
        return NULL;
    exe[n] = '\0';
    char *slash = strrchr(exe, '/');
    if (!slash)
        return NULL;
    *slash = '\0';
    char cand[PATH_MAX + 16];
    snprintf(cand, sizeof cand, "%s/questions", exe);
    if (is_dir(cand))
        return text_dup(cand);
    snprintf(cand, sizeof cand, "%s/../questions", exe);
    if (is_dir(cand))
        return text_dup(cand);
    return NULL;
}

char *ops_questions_dir(const char *given, const char *datadir)
{
    if (given)
        return text_dup(given);
    const char *env = getenv("KOLLEN_QUESTIONS");
    if (env && *env)
        return text_dup(env);
    char *near = beside_program();
    if (near)
        return near;
    struct sbuf b;
    sbuf_init(&b);
    sbuf_addf(&b, "%s/questions", datadir ? datadir : ".");
    return sbuf_take(&b);
}

char *ops_sessions_dir(const char *given)
{
    const char *s = given ? given : getenv("KOLLEN_SESSIONS");
    return text_dup(s && *s ? s : OPS_SESSIONS_DIR);
}

int ops_session_is_name(const char *arg)
{
    return !strchr(arg, '/');
}

char *ops_session_path(const char *sessions_dir, const char *arg)
{
    if (!ops_session_is_name(arg))
        return text_dup(arg);
    struct sbuf b;
    sbuf_init(&b);
    sbuf_addf(&b, "%s/%s", sessions_dir, arg);
    if (!strchr(arg, '.'))
        sbuf_add(&b, ".ini");
    return sbuf_take(&b);
}

int ops_sessions_dir_make(const char *dir, struct diags *d)
{
    if (mkdir(dir, 0700) && errno != EEXIST) {
        ops_diag(d, M_OPS_MKDIR, dir, strerror(errno));
        return KL_EIO;
    }
    return KL_OK;
}

char *ops_companion_path(const char *session_path, const char *ref)
{
    if (!ref || !*ref)
        return NULL;
    if (ref[0] == '/')
        return text_dup(ref);
    const char *slash = strrchr(session_path, '/');
    struct sbuf b;
    sbuf_init(&b);
    if (slash)
        sbuf_addn(&b, session_path, (size_t)(slash - session_path + 1));
    sbuf_add(&b, ref);
    if (ops_session_is_name(ref) && !strchr(ref, '.'))
        sbuf_add(&b, ".ini");
    return sbuf_take(&b);
}
