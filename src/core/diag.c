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

static void vadd(struct diags *d, int warn, const char *file, int line, int id, va_list ap)
{
    if (!d)
        return;
    if (d->n == d->cap) {
        size_t cap = d->cap ? d->cap * 2 : 8;
        struct diag *v = d->n < DIAGS_MAX ? realloc(d->v, cap * sizeof *v) : NULL;
        if (!v) {
            d->dropped++;
            return;
        }
        d->v = v;
        d->cap = cap;
    }
    struct diag *g = &d->v[d->n++];
    snprintf(g->file, sizeof g->file, "%s", file ? file : "");
    g->line = line;
    g->is_warning = warn;
    msg_vformat(g->msg, sizeof g->msg, (enum msg_id)id, ap);
}

void diags_add(struct diags *d, const char *file, int line, int msg_id, ...)
{
    va_list ap;
    va_start(ap, msg_id);
    vadd(d, 0, file, line, msg_id, ap);
    va_end(ap);
}

void diags_warn(struct diags *d, const char *file, int line, int msg_id, ...)
{
    va_list ap;
    va_start(ap, msg_id);
    vadd(d, 1, file, line, msg_id, ap);
    va_end(ap);
}
