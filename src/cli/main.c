/* main.c: kollen's entry point: global options, then one command. */
#include <langinfo.h>
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "../tui/tui.h"
#include "cli.h"
#include "kollen/msg.h"

#ifndef KOLLEN_VERSION
#define KOLLEN_VERSION "0"
#endif
#ifndef KOLLEN_DATADIR
#define KOLLEN_DATADIR "/usr/local/share/kollen"
#endif

static int is_dir(const char *p)
{
    struct stat st;
    return p && stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

/* --questions, else $KOLLEN_QUESTIONS, else questions/ beside the program, else the share. */
static char *find_questions(const char *given)
{
    if (given)
        return text_dup(given);
    const char *env = getenv("KOLLEN_QUESTIONS");
    if (env && *env)
        return text_dup(env);
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = '\0';
        char *slash = strrchr(exe, '/');
        if (slash) {
            *slash = '\0';
            char cand[PATH_MAX + 16];
            snprintf(cand, sizeof cand, "%s/questions", exe);
            if (is_dir(cand))
                return text_dup(cand);
            /* build/kollen: the bundled banks are one folder up */
            snprintf(cand, sizeof cand, "%s/../questions", exe);
            if (is_dir(cand))
                return text_dup(cand);
        }
    }
    return text_dup(KOLLEN_DATADIR "/questions");
}

static int64_t now_or_epoch(void)
{
    const char *e = getenv("SOURCE_DATE_EPOCH");
    long v;
    if (e && !text_parse_int(e, 0, 4102444800L, &v))
        return v;
    return (int64_t)time(NULL);
}

static void help(void)
{
    struct sbuf b;
    sbuf_init(&b);
    char text[8192];
    msg_format(text, sizeof text, M_CLI_HELP, KOLLEN_VERSION, KOLLEN_DATADIR);
    fputs(text, stdout);
    sbuf_free(&b);
}

/* kollen [SESSION]: the workshop TUI. A first word that is no command is a SESSION. */
static int run_tui(const struct cli *c, int argc, char **argv)
{
    if (argc > 1) {
        cli_error(c, M_CLI_EXTRA_ARG, argv[1]);
        return EXIT_USAGE;
    }
    char *path = argc > 0 ? cli_session_path(c, argv[0]) : NULL;
    if (argc > 0 && !path)
        return EXIT_DATA;
    if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
        /* no terminal: a word that names no file is a mistyped command, not a new session */
        struct stat st;
        if (path && !strchr(argv[0], '/') && stat(path, &st) != 0)
            cli_error(c, M_CLI_UNKNOWN_COMMAND, argv[0]);
        else
            cli_error(c, M_TUI_NEEDS_TERMINAL);
        free(path);
        return EXIT_USAGE;
    }
    struct tui_options o = {c->questions_dir, c->sessions_dir, path, NULL};
    int rc = tui_main(&o);
    free(path);
    return rc;
}

int main(int argc, char **argv)
{
    setlocale(LC_ALL, "");
    struct cli c = {0};
    c.prog = "kollen";
    const char *codeset = nl_langinfo(CODESET);
    c.utf8 = codeset && (!strcmp(codeset, "UTF-8") || !strcmp(codeset, "utf8"));
    c.now = now_or_epoch();

    enum lang l;
    const char *lenv = getenv("KOLLEN_LANG");
    if (lenv && !msg_parse_lang(lenv, &l))
        msg_set_lang(l);

    /* global options may come anywhere; take them out before the command sees argv */
    const char *questions = NULL, *sessions = NULL;
    int show_help = 0, show_version = 0, n = 1;
    char **args = calloc((size_t)argc + 1, sizeof *args);
    if (!args)
        return EXIT_DATA;
    args[0] = argv[0];
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char **slot = NULL;
        const char *val = NULL;
        if (!strcmp(a, "--")) {
            while (i < argc)
                args[n++] = argv[i++];
            break;
        }
        if (!strncmp(a, "--questions", 11))
            slot = &questions;
        else if (!strncmp(a, "--sessions", 10))
            slot = &sessions;
        else if (!strncmp(a, "--lang", 6))
            slot = &lenv;
        if (slot) {
            const char *rest = a + strcspn(a, "=");
            size_t namelen = (size_t)(rest - a);
            if (namelen != strlen(slot == &questions ? "--questions"
                                  : slot == &sessions ? "--sessions"
                                                      : "--lang")) {
                args[n++] = argv[i];
                continue;
            }
            val = *rest == '=' ? rest + 1 : (i + 1 < argc ? argv[++i] : NULL);
            if (!val) {
                cli_error(&c, M_CLI_NEEDS_VALUE, a);
                free(args);
                return EXIT_USAGE;
            }
            *slot = val;
            if (slot == &lenv) {
                if (msg_parse_lang(val, &l)) {
                    cli_error(&c, M_CLI_BAD_LANG, val);
                    free(args);
                    return EXIT_USAGE;
                }
                msg_set_lang(l);
            }
            continue;
        }
        if (!strcmp(a, "--help") || !strcmp(a, "-h"))
            show_help = 1;
        else if (!strcmp(a, "--version") || !strcmp(a, "-V"))
            show_version = 1;
        else
            args[n++] = argv[i];
    }
    args[n] = NULL;

    int rc = EXIT_FINE;
    if (show_version) {
        printf("kollen %s\n", KOLLEN_VERSION);
        free(args);
        return EXIT_FINE;
    }
    if (show_help) {
        help();
        free(args);
        return EXIT_FINE;
    }
    c.questions_dir = find_questions(questions);
    c.sessions_dir = sessions ? sessions : getenv("KOLLEN_SESSIONS");
    if (!c.sessions_dir || !*c.sessions_dir)
        c.sessions_dir = "sessions";
    if (!c.questions_dir) {
        free(args);
        return EXIT_DATA;
    }

    static const struct {
        const char *name;
        int (*fn)(const struct cli *, int, char **);
    } commands[] = {
        {"new", cmd_new},     {"set", cmd_set},   {"check", cmd_check},
        {"bank", cmd_bank},   {"lint", cmd_lint},
        {"plan", cmd_plan},   {"report", cmd_report}, {"diff", cmd_diff},
    };
    const char *cmd = n > 1 ? args[1] : NULL;
    int found = 0;
    for (size_t i = 0; cmd && i < sizeof commands / sizeof commands[0]; i++)
        if (!strcmp(cmd, commands[i].name)) {
            rc = commands[i].fn(&c, n - 1, args + 1);
            found = 1;
        }
    if (!found) {
        if (cmd && cmd[0] == '-') {
            cli_error(&c, M_CLI_UNKNOWN_OPTION, cmd);
            rc = EXIT_USAGE;
        } else {
            rc = run_tui(&c, n - 1, args + 1);
        }
    }
    free(c.questions_dir);
    free(args);
    return rc;
}
