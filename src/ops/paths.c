/* paths.c: the questions folder, the sessions folder and SESSION arguments. */
#include "kollen/ops_paths.h"

#include <errno.h>
#include <limits.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kollen/ops_msg.h"
#include "kollen/store.h"
#include "kollen/text.h"

static int is_dir(const char *p)
{
    struct stat st;
    return p && stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

/* The folder that holds the running program, in exe (PATH_MAX bytes); 0, or -1 if unknown. */
static int program_folder(char *exe)
{
    ssize_t n = readlink("/proc/self/exe", exe, PATH_MAX - 1);
    if (n <= 0)
        return -1;
    exe[n] = '\0';
    char *slash = strrchr(exe, '/');
    if (!slash)
        return -1;
    *slash = '\0';
    return 0;
}

/* The folder beside the running program, or one up (build/kollen), that holds every folder
 * named in want ("questions", or "questions" and "sessions"), as a clean absolute path; NULL
 * if neither does. */
static char *beside_program(const char *const *want, int n_want)
{
    char exe[PATH_MAX];
    if (program_folder(exe) < 0)
        return NULL;
    static const char *const up[] = {"", "/.."};
    for (int u = 0; u < 2; u++) {
        int all = 1;
        char cand[PATH_MAX + 32];
        for (int i = 0; all && i < n_want; i++) {
            snprintf(cand, sizeof cand, "%s%s/%s", exe, up[u], want[i]);
            all = is_dir(cand);
        }
        snprintf(cand, sizeof cand, "%s%s", exe, up[u]);
        char real[PATH_MAX];
        if (all && realpath(cand, real))
            return text_dup(real);
    }
    return NULL;
}

static char *join(const char *dir, const char *name)
{
    struct sbuf b;
    sbuf_init(&b);
    sbuf_addf(&b, "%s/%s", dir, name);
    return sbuf_take(&b);
}

/* share/kollen/questions of the tree the program is installed in (PREFIX/bin/kollen), as a
 * clean absolute path; NULL when there is none. */
static char *installed_questions(void)
{
    char exe[PATH_MAX];
    if (program_folder(exe) < 0)
        return NULL;
    char cand[PATH_MAX + 32], real[PATH_MAX];
    snprintf(cand, sizeof cand, "%s/../share/kollen/questions", exe);
    return is_dir(cand) && realpath(cand, real) ? text_dup(real) : NULL;
}

char *ops_questions_dir(const char *given, const char *datadir)
{
    if (given)
        return text_dup(given);
    const char *env = getenv("KOLLEN_QUESTIONS");
    if (env && *env)
        return text_dup(env);
    static const char *const want[] = {"questions"};
    char *top = beside_program(want, 1);
    if (top) {
        char *q = join(top, "questions");
        free(top);
        return q;
    }
    /* an installed tree (PREFIX/bin/kollen, PREFIX/share/kollen/questions) that was staged
     * with DESTDIR or moved after `make install`: its own banks, not the compiled-in folder's */
    char *own = installed_questions();
    if (own)
        return own;
    return join(datadir ? datadir : ".", "questions");
}

/* $XDG_DATA_HOME/kollen/sessions; a relative XDG_DATA_HOME is ignored, as the XDG base
 * directory specification says; without it ~/.local/share/kollen/sessions. */
static char *user_data_sessions(void)
{
    const char *xdg = getenv("XDG_DATA_HOME");
    if (xdg && xdg[0] == '/')
        return join(xdg, "kollen/sessions");
    const char *home = getenv("HOME");
    if (!home || home[0] != '/') {
        struct passwd *pw = getpwuid(getuid());
        home = pw && pw->pw_dir && pw->pw_dir[0] == '/' ? pw->pw_dir : NULL;
    }
    if (!home)
        return text_dup(OPS_SESSIONS_DIR);
    return join(home, ".local/share/kollen/sessions");
}

char *ops_sessions_dir(const char *given)
{
    if (given && *given)
        return text_dup(given);
    const char *env = given ? NULL : getenv("KOLLEN_SESSIONS");
    if (env && *env)
        return text_dup(env);
    static const char *const want[] = {"questions", "sessions"};
    char *top = beside_program(want, 2);
    if (top) { /* a source checkout: its own sessions/, where `make run` looks */
        char *s = join(top, "sessions");
        free(top);
        return s;
    }
    return user_data_sessions();
}

int ops_session_is_name(const char *arg)
{
    return !strchr(arg, '/');
}

char *ops_session_path(const char *sessions_dir, const char *arg)
{
    if (!ops_session_is_name(arg))
        return text_dup(arg);
    if (store_check_session_name(arg, NULL))
        return NULL;
    struct sbuf b;
    sbuf_init(&b);
    sbuf_addf(&b, "%s/%s", sessions_dir, arg);
    if (!strchr(arg, '.'))
        sbuf_add(&b, ".ini");
    return sbuf_take(&b);
}

int ops_session_path_check(const char *sessions_dir, const char *arg, int create, char **out,
                           struct diags *d)
{
    *out = NULL;
    const char *slash = strrchr(arg, '/');
    if (!slash || create) {
        /* a bare name becomes a file beside kollen's own; a new file's name is checked too */
        struct diags nd;
        diags_init(&nd);
        int rc = store_check_session_name(slash ? slash + 1 : arg, &nd);
        if (rc) {
            const struct diag *g = diags_first_error(&nd);
            ops_diag(d, M_OPS_BAD_NAME, slash ? slash + 1 : arg, g ? g->msg : "");
            diags_free(&nd);
            return rc;
        }
        diags_free(&nd);
    }
    if (!(*out = ops_session_path(sessions_dir, arg))) {
        diags_add(d, NULL, 0, M_SES_NO_MEMORY);
        return KL_ENOMEM;
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

/* mkdir -p, each folder made private (0700). */
int ops_sessions_dir_make(const char *dir, struct diags *d)
{
    char *p = text_dup(dir);
    if (p && !*p) {
        ops_diag(d, M_OPS_MKDIR, dir, strerror(ENOENT));
        free(p);
        return KL_EIO;
    }
    if (!p) {
        diags_add(d, NULL, 0, M_SES_NO_MEMORY);
        return KL_ENOMEM;
    }
    int rc = KL_OK;
    for (char *s = p + 1; rc == KL_OK; s++) {
        int end = *s == '\0';
        if (*s != '/' && !end)
            continue;
        *s = '\0';
        if (mkdir(p, 0700) && errno != EEXIST) {
            ops_diag(d, M_OPS_MKDIR, p, strerror(errno));
            rc = KL_EIO;
        } else if (end && !is_dir(p)) {
            ops_diag(d, M_OPS_MKDIR, p, strerror(ENOTDIR));
            rc = KL_EIO;
        }
        if (end)
            break;
        *s = '/';
    }
    free(p);
    return rc;
}
