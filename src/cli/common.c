/* common.c: argument parsing, messages, session paths and the JSON writer of the CLI. */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "kollen/msg.h"
#include "kollen/plan.h"
#include "kollen/store.h"

int cli_parse(const struct cli *c, int argc, char **argv, const struct opt *table,
              const char **pos, int max_pos, int *n_pos, const char *usage)
{
    int only_pos = 0;
    *n_pos = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (only_pos || a[0] != '-' || a[1] == '\0') {
            if (*n_pos >= max_pos) {
                char u[512];
                cli_error(c, M_CLI_EXTRA_ARG, a);
                msg_format(u, sizeof u, M_CLI_USAGE, usage);
                fprintf(stderr, "%s: %s\n", c->prog, u);
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
        if (!o) {
            cli_error(c, M_CLI_UNKNOWN_OPTION, a);
            return EXIT_USAGE;
        }
        if (o->has_arg == 0) {
            if (eq) {
                cli_error(c, M_CLI_UNKNOWN_OPTION, a);
                return EXIT_USAGE;
            }
            *o->flag = 1;
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
                cli_error(c, M_SES_NO_MEMORY);
                return EXIT_DATA;
            }
            l[n] = v;
            l[n + 1] = NULL;
            *o->list = l;
        }
    }
    return 0;
}

static void vprint_error(const struct cli *c, const char *file, int line, int warn, int id,
                         va_list ap)
{
    char text[DIAG_TEXT_MAX];
    msg_vformat(text, sizeof text, (enum msg_id)id, ap);
    struct diag g;
    snprintf(g.file, sizeof g.file, "%s", file ? file : "");
    g.line = line;
    g.is_warning = warn;
    snprintf(g.msg, sizeof g.msg, "%s", text);
    struct diags d = {&g, 1, 1, 0};
    cli_diags(c, &d);
}

void cli_error(const struct cli *c, int msg_id, ...)
{
    va_list ap;
    va_start(ap, msg_id);
    vprint_error(c, NULL, 0, 0, msg_id, ap);
    va_end(ap);
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
        sbuf_addf(&b, "%s: %s\n", msg(g->is_warning ? M_CLI_WARNING : M_CLI_ERROR), g->msg);
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
    switch (rc) {
    case KL_OK:
        return EXIT_FINE;
    case KL_EUSAGE:
        return EXIT_USAGE;
    default:
        return EXIT_DATA;
    }
}

char *cli_session_path(const struct cli *c, const char *arg)
{
    if (strchr(arg, '/'))
        return text_dup(arg);
    struct sbuf b;
    sbuf_init(&b);
    sbuf_addf(&b, "%s/%s", c->sessions_dir, arg);
    if (!strchr(arg, '.'))
        sbuf_add(&b, ".ini");
    return sbuf_take(&b);
}

int cli_open(const struct cli *c, const char *path, struct bank **b, struct session **s)
{
    struct diags d;
    diags_init(&d);
    store_check_private(path, &d);
    int rc = session_open(path, c->questions_dir, b, s, &d);
    cli_diags(c, &d);
    diags_free(&d);
    return rc ? cli_exit_for(rc == KL_EUSAGE ? KL_EDATA : rc) : 0;
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

void cli_level_name(struct sbuf *out, const struct bank *b, int level)
{
    plan_level_name(out, b, level);
}

/* --- JSON --- */

void json_init(struct json *j, struct sbuf *b)
{
    memset(j, 0, sizeof *j);
    j->b = b;
}

static void indent(struct json *j)
{
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
    sbuf_add(j->b, ": ");
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
