/* cli_main.c: the command line: global options (before the command word), the language, the
 * folders, --help generated from the command table, then one command; or the workshop screen. */
#include <langinfo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "kollen/msg.h"
#include "kollen/ops_paths.h"
#include "kollen/store.h"

#ifndef KOLLEN_VERSION
#define KOLLEN_VERSION "0"
#endif
#ifndef KOLLEN_DATADIR
#define KOLLEN_DATADIR "/usr/local/share/kollen"
#endif

static const struct command {
    const char *name;
    int (*fn)(const struct cli *, int, char **);
    enum cli_msg_id usage, help;
} commands[] = {
#define CMD(name, fn, usage_sv, usage_en, help_sv, help_en) {name, fn, M_USAGE_##fn, M_HELP_##fn},
#include "commands.def"
#undef CMD
};

#define N_COMMANDS (sizeof commands / sizeof commands[0])

static int64_t now_or_epoch(void)
{
    const char *e = getenv("SOURCE_DATE_EPOCH");
    long v;
    if (e && !text_parse_int(e, 0, 4102444800L, &v))
        return v;
    return (int64_t)time(NULL);
}

/* --help: the head, every command's usage and help from the table, the foot. */
static void help(void)
{
    char text[2048];
    cli_msg_format(text, sizeof text, M_CLI_HELP_HEAD, KOLLEN_VERSION);
    fputs(text, stdout);
    for (size_t i = 0; i < N_COMMANDS; i++)
        printf("  kollen %s%s\n", cli_msg(commands[i].usage), cli_msg(commands[i].help));
    cli_msg_format(text, sizeof text, M_CLI_HELP_FOOT, KOLLEN_DATADIR);
    fputs(text, stdout);
}

struct globals {
    const char *questions, *sessions, *lang, *benchmarks;
    int help, version, print_dirs;
};

/* --version: the version, then what a bug report needs to know of this machine: the banks
 * found and their folder, and the sessions folder. */
static void version(const struct cli *c)
{
    printf("kollen %s\n", KOLLEN_VERSION);
    struct diags d;
    diags_init(&d);
    char **ids;
    int n;
    struct sbuf list;
    sbuf_init(&list);
    if (bank_list(c->questions_dir, &ids, &n, &d)) {
        const struct diag *g = diags_first_error(&d);
        sbuf_addf(&list, "%s (%s)", cli_msg(M_CLI_VERSION_NONE), g ? g->msg : "");
    } else {
        for (int i = 0; i < n; i++)
            sbuf_addf(&list, "%s%s", i ? ", " : "", ids[i]);
        if (n == 0)
            sbuf_add(&list, cli_msg(M_CLI_VERSION_NONE));
        bank_list_free(ids, n);
    }
    char text[1024];
    cli_msg_format(text, sizeof text, M_CLI_VERSION_BANKS, c->questions_dir,
                   list.p ? list.p : "");
    cli_put(text);
    cli_msg_format(text, sizeof text, M_CLI_VERSION_SESSIONS, c->sessions_dir);
    cli_put(text);
    sbuf_free(&list);
    diags_free(&d);
}

/* An option of every command, "--name value" or "--name=value": 1 and *val set when argv[*i]
 * is one; 0 when it is not; -1 when its value is missing. */
static int global_value(int argc, char **argv, int *i, const char *name, const char **val)
{
    size_t len = strlen(name);
    const char *a = argv[*i];
    if (strncmp(a, name, len) || (a[len] != '\0' && a[len] != '='))
        return 0;
    *val = a[len] == '=' ? a + len + 1 : (*i + 1 < argc ? argv[++*i] : NULL);
    return *val ? 1 : -1;
}

/* The global options come before the command word (or the SESSION of the workshop screen);
 * everything from it on goes to args as it is, so that an option's value ("--note -h") is
 * never taken for one. "--" ends them: the word after it is the command (or SESSION), whatever
 * it looks like. 0, or an exit code after a message. */
static int take_globals(const struct cli *c, int argc, char **argv, struct globals *g, char **args,
                        int *n)
{
    *n = 0;
    args[(*n)++] = argv[0];
    int i = 1;
    for (; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--")) {
            i++;
            break;
        }
        if (a[0] != '-' || a[1] == '\0')
            break; /* the command word */
        int r = global_value(argc, argv, &i, "--questions", &g->questions);
        if (!r)
            r = global_value(argc, argv, &i, "--sessions", &g->sessions);
        if (!r)
            r = global_value(argc, argv, &i, "--lang", &g->lang);
        if (!r)
            r = global_value(argc, argv, &i, "--benchmarks", &g->benchmarks);
        if (r < 0) {
            cli_error(c, M_CLI_NEEDS_VALUE, a);
            return EXIT_USAGE;
        }
        enum lang l;
        if (r > 0 && g->lang && !strncmp(a, "--lang", 6)) {
            if (msg_parse_lang(g->lang, &l)) {
                cli_error(c, M_CLI_BAD_LANG, g->lang);
                return EXIT_USAGE;
            }
            msg_set_lang(l);
        }
        if (r > 0)
            continue;
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            g->help = 1;
        } else if (!strcmp(a, "--version") || !strcmp(a, "-V")) {
            g->version = 1;
        } else if (!strcmp(a, "--print-dirs")) {
            g->print_dirs = 1;
        } else {
            cli_error(c, M_CLI_UNKNOWN_OPTION, a);
            return EXIT_USAGE;
        }
    }
    while (i < argc)
        args[(*n)++] = argv[i++];
    args[*n] = NULL;
    return 0;
}

/* The command named by args[1] (0, the workshop screen, when it names none). */
static int find_command(int n, char **args)
{
    const char *cmd = n > 1 ? args[1] : NULL;
    for (size_t i = 1; cmd && i < N_COMMANDS; i++)
        if (!strcmp(cmd, commands[i].name))
            return (int)i;
    return 0;
}

static int run(struct cli *c, int argc, char **argv)
{
    struct globals g = {0};
    char **args = calloc((size_t)argc + 1, sizeof *args);
    if (!args)
        return EXIT_DATA;
    int n, rc = take_globals(c, argc, argv, &g, args, &n);
    if (!rc && g.help && !g.version) {
        help();
    } else if (!rc) {
        c->questions_dir = ops_questions_dir(g.questions, KOLLEN_DATADIR);
        c->sessions_dir = ops_sessions_dir(g.sessions);
        c->benchmarks = g.benchmarks;
        int k = find_command(n, args);
        if (!c->questions_dir || !c->sessions_dir) {
            rc = EXIT_DATA;
        } else if (g.version) {
            version(c);
        } else if (g.print_dirs) { /* for scripts (the shell completion): one folder a line */
            printf("questions\t%s\nsessions\t%s\n", c->questions_dir, c->sessions_dir);
        } else {
            /* the workshop screen takes the command's place: args[1] is its SESSION */
            rc = k ? commands[k].fn(c, n - 1, args + 1) : commands[0].fn(c, n, args);
        }
    }
    if (rc == EXIT_SHOWN_USAGE) /* `kollen CMD --help`: the command's usage, and done */
        rc = EXIT_FINE;
    free(args);
    return rc;
}

int cli_main(int argc, char **argv, struct cli_tui *tui)
{
    memset(tui, 0, sizeof *tui);
    struct cli c = {0};
    c.prog = "kollen";
    const char *codeset = nl_langinfo(CODESET);
    c.utf8 = codeset && (!strcmp(codeset, "UTF-8") || !strcmp(codeset, "utf8"));
    c.now = now_or_epoch();
    c.tui = tui;
    enum lang l;
    const char *lenv = getenv("KOLLEN_LANG");
    if (lenv && !msg_parse_lang(lenv, &l))
        msg_set_lang(l);
    int rc = run(&c, argc, argv);
    if (rc == CLI_RUN_TUI) { /* the folders go with it */
        tui->questions_dir = c.questions_dir;
        tui->sessions_dir = c.sessions_dir;
    } else {
        free(c.questions_dir);
        free(c.sessions_dir);
    }
    return rc;
}

void cli_tui_free(struct cli_tui *tui)
{
    free(tui->questions_dir);
    free(tui->sessions_dir);
    free(tui->session_path);
    memset(tui, 0, sizeof *tui);
}

/* kollen [SESSION]: hand over to the workshop screen. A first word that is no command is a
 * SESSION; without a terminal, a word that names no file is a mistyped command instead. */
int cmd_open(const struct cli *c, int argc, char **argv)
{
    const char *theme = NULL;
    const struct opt opts[] = {{"theme", 1, &theme, NULL, NULL}, {NULL, 0, NULL, NULL, NULL}};
    const char *pos[1];
    int np;
    int rc = cli_parse(c, argc, argv, opts, pos, 1, &np, M_USAGE_cmd_open);
    if (rc)
        return rc;
    const char *arg = np ? pos[0] : NULL;
    char *path = arg ? cli_session_path(c, arg) : NULL;
    if (arg && !path)
        return EXIT_DATA;
    if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
        struct stat st;
        if (path && ops_session_is_name(arg) && stat(path, &st) != 0)
            cli_error(c, M_CLI_UNKNOWN_COMMAND, arg);
        else
            cli_error(c, M_CLI_NEEDS_TERMINAL);
        free(path);
        return EXIT_USAGE;
    }
    c->tui->session_path = path;
    c->tui->theme = theme;
    return CLI_RUN_TUI;
}
