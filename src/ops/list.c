/* list.c: the sessions of a folder with their summaries. */
#include "kollen/ops_list.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "kollen/fmt.h"
#include "kollen/msg.h"
#include "kollen/score.h"
#include "kollen/store.h"
#include "kollen/text.h"

/* Banks loaded once for all the sessions that use them. */
struct bank_cache {
    struct bank **v;
    int n;
};

static struct bank *cached_bank(struct bank_cache *c, const char *dir, const char *id)
{
    for (int i = 0; i < c->n; i++)
        if (!strcmp(c->v[i]->id, id))
            return c->v[i];
    struct diags d;
    diags_init(&d);
    struct bank *b = NULL;
    int rc = bank_load_id(dir, id, &b, &d);
    diags_free(&d);
    if (rc)
        return NULL;
    struct bank **v = realloc(c->v, (size_t)(c->n + 1) * sizeof *v);
    if (!v) {
        bank_free(b);
        return NULL;
    }
    c->v = v;
    c->v[c->n++] = b;
    return b;
}

static void entry_free(struct ops_entry *e)
{
    free(e->path);
    free(e->file);
    free(e->organisation);
    free(e->date);
    free(e->bank_name);
    free(e->level);
    free(e->error);
}

void ops_list_free(struct ops_list *l)
{
    for (int i = 0; i < l->n; i++)
        entry_free(&l->v[i]);
    free(l->v);
    l->v = NULL;
    l->n = 0;
}

static void summarise(struct ops_entry *e, const struct bank *b, const struct session *s)
{
    e->organisation = text_dup(s->organisation);
    e->date = text_dup(s->date);
    e->bank_name = text_dup(b->name);
    e->modified = s->modified;
    struct score sc;
    if (score_compute(b, s, &sc) != KL_OK)
        return;
    struct sbuf t;
    sbuf_init(&t);
    fmt_level(&t, b, sc.level, sc.value, FMT_LEVEL_NUMBER);
    e->level = sbuf_take(&t);
    e->answered = sc.answered;
    e->questions = sc.questions;
    score_free(&sc);
}

static void read_entry(const char *questions_dir, struct bank_cache *bc, struct ops_entry *e)
{
    struct diags d;
    diags_init(&d);
    char *id = NULL;
    struct bank *b = NULL;
    struct session *s = NULL;
    if (session_read_bank_id(e->path, &id, &d) == KL_OK && id) {
        b = cached_bank(bc, questions_dir, id);
        if (!b) {
            char t[300];
            msg_format(t, sizeof t, M_BANK_NOT_FOUND, id, questions_dir);
            e->error = text_dup(t);
        } else if (session_load(e->path, b, &s, &d) != KL_OK) {
            s = NULL;
        }
    }
    if (s) {
        summarise(e, b, s);
    } else if (!e->error) {
        const struct diag *g = diags_first_error(&d);
        e->error = text_dup(g ? g->msg : "?");
    }
    session_free(s);
    free(id);
    diags_free(&d);
}

static int entry_cmp(const void *x, const void *y)
{
    const struct ops_entry *a = x, *b = y;
    if (a->modified != b->modified)
        return a->modified > b->modified ? -1 : 1;
    return strcmp(a->file, b->file);
}

/* A new entry for file name in dir when it is a regular *.ini file; NULL otherwise. */
static struct ops_entry *add(struct ops_list *l, const char *dir, const char *name)
{
    size_t len = strlen(name);
    if (name[0] == '.' || len < 5 || strcmp(name + len - 4, ".ini"))
        return NULL;
    struct sbuf p;
    sbuf_init(&p);
    sbuf_addf(&p, "%s/%s", dir, name);
    struct stat st;
    struct ops_entry *v = NULL;
    if (p.p && !stat(p.p, &st) && S_ISREG(st.st_mode))
        v = realloc(l->v, (size_t)(l->n + 1) * sizeof *v);
    if (!v) {
        sbuf_free(&p);
        return NULL;
    }
    l->v = v;
    struct ops_entry *e = &l->v[l->n];
    memset(e, 0, sizeof *e);
    e->path = sbuf_take(&p);
    e->file = text_dup(name);
    if (!e->file || !e->path) {
        entry_free(e);
        return NULL;
    }
    l->n++;
    return e;
}

int ops_list(const char *sessions_dir, const char *questions_dir, struct ops_list *out,
             struct diags *d)
{
    memset(out, 0, sizeof *out);
    DIR *dir = opendir(sessions_dir);
    if (!dir) {
        char t[DIAG_TEXT_MAX];
        snprintf(t, sizeof t, "%s: %s", sessions_dir, strerror(errno));
        diags_add_text(d, NULL, 0, 0, t);
        return KL_EIO;
    }
    struct bank_cache bc = {NULL, 0};
    struct dirent *de;
    while ((de = readdir(dir))) {
        struct ops_entry *e = add(out, sessions_dir, de->d_name);
        if (e)
            read_entry(questions_dir, &bc, e);
    }
    closedir(dir);
    for (int i = 0; i < bc.n; i++)
        bank_free(bc.v[i]);
    free(bc.v);
    if (out->n > 1)
        qsort(out->v, (size_t)out->n, sizeof *out->v, entry_cmp);
    return KL_OK;
}
