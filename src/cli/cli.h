/* cli.h (cli-private): what the commands share: the options every command takes, argument
 * parsing, messages on stderr, opening a session, the JSON writer, and the commands
 * themselves (one function per line of commands.def). */
#ifndef KOLLEN_CLI_H
#define KOLLEN_CLI_H

#include <stdint.h>
#include <stdio.h>

#include "cli_main.h"
#include "cli_msg.h"
#include "kollen/bank.h"
#include "kollen/diag.h"
#include "kollen/ops_workshop.h"
#include "kollen/session.h"
#include "kollen/text.h"

enum exit_code {
    EXIT_FINE = 0,
    EXIT_USAGE = 1,
    EXIT_DATA = 2,
    EXIT_BELOW = 3,
    EXIT_SHOWN_USAGE = -2 /* cli_parse printed the command's usage (--help): exit 0 */
};

/* Options every command takes, resolved once in cli_main. */
struct cli {
    const char *prog;
    char *questions_dir; /* ops_questions_dir */
    char *sessions_dir;  /* ops_sessions_dir */
    int utf8;            /* stdout's charset can show block glyphs */
    int64_t now;         /* time(NULL), or $SOURCE_DATE_EPOCH for reproducible output */
    const char *benchmarks; /* --benchmarks: a file of one's own benchmarks, or NULL */
    struct cli_tui *tui; /* cmd_open fills it to hand over to the workshop screen */
};

/* An option a command accepts. has_arg: 0 flag, 1 value, 2 repeatable value, 3 flag with an
 * optional value ("--park" or "--park REASON": *flag set, and *value when one is given, as
 * --name=VALUE or as the next argument once every positional argument is there). */
struct opt {
    const char *name;
    int has_arg;
    const char **value; /* where a value goes (has_arg 1) */
    int *flag;          /* set to 1 (has_arg 0) */
    const char ***list; /* has_arg 2: a NULL-terminated list (freed by the caller) */
};

/* Split argv[1..] into options from table and positional arguments (at most max_pos); argv[0]
 * is the command word. An option's value is taken as it is, whatever it looks like ("--note
 * -h"), and "--" ends the options. Returns 0; EXIT_SHOWN_USAGE after printing the usage for
 * --help or -h; or prints a usage error (with the command's usage) and returns an exit code. */
int cli_parse(const struct cli *c, int argc, char **argv, const struct opt *table,
              const char **pos, int max_pos, int *n_pos, enum cli_msg_id usage);

/* Messages on stderr: "kollen: fel: ..." and the diagnostics as "file:line: fel: ...", with
 * every control character removed. */
void cli_error(const struct cli *c, enum cli_msg_id id, ...);
void cli_core_error(const struct cli *c, enum msg_id id, ...);
void cli_diags(const struct cli *c, const struct diags *d);
/* The exit code for a failed load, save or use case: bad input or data (usage errors are
 * found by the command line itself). 0 for KL_OK. */
int cli_exit_for(int rc);

/* A SESSION argument as a path (ops_session_path_check on the sessions folder); NULL: a name
 * kollen refuses or no memory, said on stderr. cli_session_path_for checks the name of a
 * file to be created (create) even when it is given as a path. */
char *cli_session_path(const struct cli *c, const char *arg);
char *cli_session_path_for(const struct cli *c, const char *arg, int create);
/* Open a session read-only (ops_open), with the --benchmarks file's benchmarks added to its
 * bank, printing its warnings and problems. 0 or an exit code. */
int cli_open(const struct cli *c, const char *path, struct workshop **w);

/* Write text to stdout with every control character removed (terminal injection). */
void cli_put(const char *s);
void cli_putf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Minimal JSON writer (pretty, two-space indent; or compact: one line per top-level value). */
struct json {
    struct sbuf *b;
    int depth;
    int first[64];
    int after_key;
    int compact;
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
/* json_key then the value: the common pairs in one call. */
void json_kstr(struct json *j, const char *key, const char *s);
void json_kint(struct json *j, const char *key, long v);
void json_knum(struct json *j, const char *key, double v, int decimals);
void json_kmilli(struct json *j, const char *key, long milli);
void json_kbool(struct json *j, const char *key, int v);
/* key: [1, 3, ...], the options set in mask (bit 0 is option 1). */
void json_koptions(struct json *j, const char *key, uint64_t mask);

/* The commands (commands.def). */
#define CMD(name, fn, usage_sv, usage_en, help_sv, help_en)                                    \
    int fn(const struct cli *c, int argc, char **argv);
#include "commands.def"
#undef CMD

#endif
