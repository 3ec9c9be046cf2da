/* diag.c: the diagnostics list. */
#include "kollen/diag.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kollen/msg.h"

void diags_init(struct diags *d)
{
    d->v = NULL;
    d->n = d->cap = 0;
    d->dropped = 0;
}

void diags_free(struct diags *d)
{
    free(d->v);
    diags_init(d);
}

void diags_clear(struct diags *d)
{
    d->n = 0;
    d->dropped = 0;
}

size_t diags_errors(const struct diags *d)
{
    size_t k = 0;
    for (size_t i = 0; i < d->n; i++)
        k += !d->v[i].is_warning;
    return k + d->dropped;
}

const struct diag *diags_first_error(const struct diags *d)
{
    for (size_t i = 0; i < d->n; i++)
        if (!d->v[i].is_warning)
            return &d->v[i];
    return NULL;
}

static struct diag *slot(struct diags *d)
{
    if (d->n == d->cap) {
        size_t cap = d->cap ? d->cap * 2 : 8;
        struct diag *v = d->n < DIAGS_MAX ? realloc(d->v, cap * sizeof *v) : NULL;
        if (!v) {
            d->dropped++;
            return NULL;
        }
        d->v = v;
        d->cap = cap;
    }
    return &d->v[d->n++];
}

static struct diag *start(struct diags *d, int warn, const char *file, int line)
{
    struct diag *g = d ? slot(d) : NULL;
    if (!g)
        return NULL;
    snprintf(g->file, sizeof g->file, "%s", file ? file : "");
    g->line = line;
    g->is_warning = warn;
    g->msg[0] = '\0';
    return g;
}

void diags_add(struct diags *d, const char *file, int line, enum msg_id id, ...)
{
    struct diag *g = start(d, 0, file, line);
    if (!g)
        return;
    va_list ap;
    va_start(ap, id);
    msg_vformat(g->msg, sizeof g->msg, id, ap);
    va_end(ap);
}

void diags_warn(struct diags *d, const char *file, int line, enum msg_id id, ...)
{
    struct diag *g = start(d, 1, file, line);
    if (!g)
        return;
    va_list ap;
    va_start(ap, id);
    msg_vformat(g->msg, sizeof g->msg, id, ap);
    va_end(ap);
}

void diags_add_text(struct diags *d, const char *file, int line, int is_warning, const char *text)
{
    struct diag *g = start(d, is_warning, file, line);
    if (g)
        snprintf(g->msg, sizeof g->msg, "%s", text ? text : "");
}
