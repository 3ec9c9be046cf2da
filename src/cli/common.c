/* common.c: argument parsing, messages, session paths and the JSON writer of the CLI. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "kollen/msg.h"
#include "kollen/ops_paths.h"
#include "kollen/store.h"

static void say(const struct cli *c, int warn, const char *text)
{
    struct diag g;
    snprintf(g.file, sizeof g.file, "%s", "");
    g.line = 0;
    g.is_warning = warn;
    snprintf(g.msg, sizeof g.msg, "%s", text);
    struct diags d = {&g, 1, 1, 0};
    cli_diags(c, &d);
}

void cli_error(const struct cli *c, enum cli_msg_id id, ...)
{
    char text[DIAG_TEXT_MAX];
    va_list ap;
    va_start(ap, id);
    cli_msg_vformat(text, sizeof text, id, ap);
    va_end(ap);
    say(c, 0, text);
}

void cli_core_error(const struct cli *c, enum msg_id id, ...)
{
    char text[DIAG_TEXT_MAX];
    va_list ap;
    va_start(ap, id);
    msg_vformat(text, sizeof text, id, ap);
    va_end(ap);
    say(c, 0, text);
}

/* "kollen: användning: kollen new SESSION ..." */
static void usage_error(const struct cli *c, enum cli_msg_id usage)
{
    struct sbuf u;
    sbuf_init(&u);
    sbuf_addf(&u, "kollen %s", cli_msg(usage));
    char t[1024];
    cli_msg_format(t, sizeof t, M_CLI_USAGE, u.p ? u.p : "");
    char *clean = text_sanitize_dup(t, 1);
    fprintf(stderr, "%s: %s\n", c->prog, clean ? clean : "");
    free(clean);
    sbuf_free(&u);
}

/* An option the command does not take: its --help shows its usage; an option of every
 * command belongs before the command word; anything else is unknown. */
static int not_an_option(const struct cli *c, const char *cmd, const char *a, const char *name,
                         size_t len, enum cli_msg_id usage)
{
    if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
        char t[1024];
        cli_msg_format(t, sizeof t, M_CLI_USAGE, "");
        printf("%skollen %s\n", t, cli_msg(usage));
        return EXIT_SHOWN_USAGE;
    }
    static const char *const globals[] = {"questions", "sessions", "lang", "version"};
    for (size_t i = 0; a[1] == '-' && i < sizeof globals / sizeof *globals; i++) {
        if (strlen(globals[i]) == len && !strncmp(globals[i], name, len)) {
            cli_error(c, M_CLI_GLOBAL_FIRST, globals[i], globals[i], cmd);
            return EXIT_USAGE;
        }
    }
    cli_error(c, M_CLI_UNKNOWN_OPTION, a);
    return EXIT_USAGE;
}

int cli_parse(const struct cli *c, int argc, char **argv, const struct opt *table,
              const char **pos, int max_pos, int *n_pos, enum cli_msg_id usage)
{
    int only_pos = 0;
    *n_pos = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (only_pos || a[0] != '-' || a[1] == '\0') {
            if (*n_pos >= max_pos) {
                cli_error(c, M_CLI_EXTRA_ARG, a);
                usage_error(c, usage);
                return EXIT_USAGE;
            }
            pos[(*n_pos)++] = a;
            continue;
        }
        if (!strcmp(a, "--")) {
            only_pos = 1;
            continue;
        }
        const char *name = a + (a[1] == '-' ? 2 : 1);
        const char *eq = strchr(name, '=');
        size_t len = eq ? (size_t)(eq - name) : strlen(name);
        const struct opt *o = NULL;
        for (const struct opt *t = table; t && t->name; t++)
            if (strlen(t->name) == len && !strncmp(t->name, name, len))
                o = t;
        if (!o)
            return not_an_option(c, argv[0], a, name, len, usage);
        if (o->has_arg == 0) {
            if (eq) {
                cli_error(c, M_CLI_UNKNOWN_OPTION, a);
                return EXIT_USAGE;
            }
            *o->flag = 1;
            continue;
        }
        if (o->has_arg == 3) { /* the next word is its value only when it cannot be a position */
            *o->flag = 1;
            if (eq)
                *o->value = eq + 1;
            else if (i + 1 < argc && argv[i + 1][0] != '-' && *n_pos >= max_pos)
                *o->value = argv[++i];
            continue;
        }
        const char *v = eq ? eq + 1 : (i + 1 < argc ? argv[++i] : NULL);
        if (!v) {
            cli_error(c, M_CLI_NEEDS_VALUE, a);
            return EXIT_USAGE;
        }
        if (o->has_arg == 1) {
            *o->value = v;
        } else {
            size_t n = 0;
            while (*o->list && (*o->list)[n])
                n++;
            const char **l = realloc((void *)*o->list, (n + 2) * sizeof *l);
            if (!l) {
                cli_core_error(c, M_SES_NO_MEMORY);
                return EXIT_DATA;
            }
            l[n] = v;
            l[n + 1] = NULL;
            *o->list = l;
        }
    }
    return 0;
}

void cli_diags(const struct cli *c, const struct diags *d)
{
    for (size_t i = 0; i < d->n; i++) {
        const struct diag *g = &d->v[i];
        struct sbuf b;
        sbuf_init(&b);
        if (g->file[0] && g->line)
            sbuf_addf(&b, "%s:%d: ", g->file, g->line);
        else if (g->file[0])
            sbuf_addf(&b, "%s: ", g->file);
        else
            sbuf_addf(&b, "%s: ", c->prog);
        sbuf_addf(&b, "%s: %s\n", cli_msg(g->is_warning ? M_CLI_WARNING : M_CLI_ERROR), g->msg);
        /* file names and values quoted from files are data: no control characters out */
        char *clean = text_sanitize_dup(b.p ? b.p : "", 1);
        if (clean)
            fputs(clean, stderr);
        free(clean);
        sbuf_free(&b);
    }
    if (d->dropped)
        fprintf(stderr, "%s: ... (+%zu)\n", c->prog, d->dropped);
}

int cli_exit_for(int rc)
{
    return rc == KL_OK ? EXIT_FINE : EXIT_DATA;
}

char *cli_session_path(const struct cli *c, const char *arg)
{
    return cli_session_path_for(c, arg, 0);
}

char *cli_session_path_for(const struct cli *c, const char *arg, int create)
{
    struct diags d;
    diags_init(&d);
    char *path = NULL;
    ops_session_path_check(c->sessions_dir, arg, create, &path, &d);
    cli_diags(c, &d);
    diags_free(&d);
    return path;
}

int cli_open(const struct cli *c, const char *path, struct workshop **w)
{
    struct diags d;
    diags_init(&d);
    int rc = ops_open(w, path, c->questions_dir, OPS_READ_ONLY, "kollen", &d);
    if (!rc && c->benchmarks && (rc = bank_add_benchmarks((*w)->bank, c->benchmarks, &d))) {
        ops_close(*w);
        *w = NULL;
    }
    cli_diags(c, &d);
    diags_free(&d);
    return cli_exit_for(rc);
}

void cli_put(const char *s)
{
    char *clean = text_sanitize_dup(s, 1);
    if (clean)
        fputs(clean, stdout);
    free(clean);
}

void cli_putf(const char *fmt, ...)
{
    struct sbuf b;
    sbuf_init(&b);
    va_list ap;
    va_start(ap, fmt);
    sbuf_vaddf(&b, fmt, ap);
    va_end(ap);
    if (b.p)
        cli_put(b.p);
    sbuf_free(&b);
}

/* --- JSON --- */

void json_init(struct json *j, struct sbuf *b)
{
    memset(j, 0, sizeof *j);
    j->b = b;
}

static void indent(struct json *j)
{
    if (j->compact)
        return;
    sbuf_addc(j->b, '\n');
    for (int i = 0; i < j->depth; i++)
        sbuf_add(j->b, "  ");
}

static void before_value(struct json *j)
{
    if (j->after_key) {
        j->after_key = 0;
        return;
    }
    if (j->depth == 0)
        return;
    if (!j->first[j->depth])
        sbuf_addc(j->b, ',');
    j->first[j->depth] = 0;
    indent(j);
}

void json_begin(struct json *j, char open)
{
    before_value(j);
    sbuf_addc(j->b, open);
    if (j->depth < 63)
        j->depth++;
    j->first[j->depth] = 1;
}

void json_end(struct json *j, char close)
{
    int empty = j->first[j->depth];
    if (j->depth > 0)
        j->depth--;
    if (!empty)
        indent(j);
    sbuf_addc(j->b, close);
    if (j->depth == 0)
        sbuf_addc(j->b, '\n');
}

void json_key(struct json *j, const char *key)
{
    before_value(j);
    text_json_string(j->b, key);
    sbuf_add(j->b, j->compact ? ":" : ": ");
    j->after_key = 1;
}

void json_str(struct json *j, const char *s)
{
    before_value(j);
    text_json_string(j->b, s ? s : "");
}

void json_int(struct json *j, long v)
{
    before_value(j);
    sbuf_addf(j->b, "%ld", v);
}

void json_num(struct json *j, double v, int decimals)
{
    before_value(j);
    text_decimal(j->b, v, decimals, 0);
}

void json_milli(struct json *j, long milli)
{
    before_value(j);
    text_milli_exact(j->b, milli, 0);
}

void json_bool(struct json *j, int v)
{
    before_value(j);
    sbuf_add(j->b, v ? "true" : "false");
}

void json_null(struct json *j)
{
    before_value(j);
    sbuf_add(j->b, "null");
}

void json_kstr(struct json *j, const char *key, const char *s)
{
    json_key(j, key);
    json_str(j, s);
}

void json_kint(struct json *j, const char *key, long v)
{
    json_key(j, key);
    json_int(j, v);
}

void json_knum(struct json *j, const char *key, double v, int decimals)
{
    json_key(j, key);
    json_num(j, v, decimals);
}

void json_kmilli(struct json *j, const char *key, long milli)
{
    json_key(j, key);
    json_milli(j, milli);
}

void json_kbool(struct json *j, const char *key, int v)
{
    json_key(j, key);
    json_bool(j, v);
}

void json_koptions(struct json *j, const char *key, uint64_t mask)
{
    json_key(j, key);
    json_begin(j, '[');
    for (int i = 0; i < 64; i++)
        if (mask & (1ULL << i))
            json_int(j, i + 1);
    json_end(j, ']');
}
