/* cli.h (cli-private): shared pieces of the command line. */
#ifndef KOLLEN_CLI_H
#define KOLLEN_CLI_H

#include <stdint.h>
#include <stdio.h>

#include "kollen/bank.h"
#include "kollen/diag.h"
#include "kollen/score.h"
#include "kollen/session.h"
#include "kollen/text.h"

enum exit_code { EXIT_FINE = 0, EXIT_USAGE = 1, EXIT_DATA = 2, EXIT_BELOW = 3 };

/* Options every command takes, resolved once in main. */
struct cli {
    const char *prog;
    char *questions_dir; /* resolved: --questions, $KOLLEN_QUESTIONS, beside the binary, share */
    const char *sessions_dir;
    int utf8;    /* stdout's charset can show block glyphs */
    int64_t now; /* time(NULL), or $SOURCE_DATE_EPOCH for reproducible output */
};

/* An option a command accepts. has_arg: 0 flag, 1 value, 2 repeatable value. */
struct opt {
    const char *name;
    int has_arg;
    const char **value; /* where a value goes (has_arg 1) */
    int *flag;          /* set to 1 (has_arg 0) */
    const char ***list; /* has_arg 2: a NULL-terminated list (freed by the caller) */
};

/* Split argv[1..] into options from table and positional arguments (at most max_pos).
 * Returns 0, or prints a usage error and returns EXIT_USAGE. */
int cli_parse(const struct cli *c, int argc, char **argv, const struct opt *table,
              const char **pos, int max_pos, int *n_pos, const char *usage);

/* Messages on stderr: "kollen: fel: ..." and the diagnostics as "file:line: fel: ...". */
void cli_error(const struct cli *c, int msg_id, ...);
void cli_diags(const struct cli *c, const struct diags *d);
/* The exit code for a core return code. */
int cli_exit_for(int rc);

/* A SESSION argument: a path when it holds '/', else a name in the sessions folder with
 * ".ini" added when it has no extension. The caller frees. */
char *cli_session_path(const struct cli *c, const char *arg);
/* Load a session and its bank, printing problems. Returns 0 or an exit code. */
int cli_open(const struct cli *c, const char *path, struct bank **b, struct session **s);

/* Write text to stdout with every control character removed (terminal injection). */
void cli_put(const char *s);
void cli_putf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* "Nivå 2" plus its name, or "ingen nivå". */
void cli_level_name(struct sbuf *out, const struct bank *b, int level);

/* Minimal JSON writer (pretty, two-space indent). */
struct json {
    struct sbuf *b;
    int depth;
    int first[64];
    int after_key;
};
void json_init(struct json *j, struct sbuf *b);
void json_begin(struct json *j, char open); /* '{' or '[' */
void json_end(struct json *j, char close);
void json_key(struct json *j, const char *key);
void json_str(struct json *j, const char *s);
void json_int(struct json *j, long v);
void json_num(struct json *j, double v, int decimals);
void json_milli(struct json *j, long milli);
void json_bool(struct json *j, int v);
void json_null(struct json *j);

int cmd_new(const struct cli *c, int argc, char **argv);
int cmd_set(const struct cli *c, int argc, char **argv);
int cmd_check(const struct cli *c, int argc, char **argv);
int cmd_bank(const struct cli *c, int argc, char **argv);
int cmd_lint(const struct cli *c, int argc, char **argv);
/* plans, reports and comparisons (cmd_plan.c, cmd_report.c, cmd_diff.c) */
int cmd_plan(const struct cli *c, int argc, char **argv);
int cmd_report(const struct cli *c, int argc, char **argv);
int cmd_diff(const struct cli *c, int argc, char **argv);

#endif
