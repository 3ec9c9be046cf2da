/* workshop.c: opening a session (lock, then load), saving it, closing it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "kollen/msg.h"
#include "kollen/ops_follow.h"
#include "kollen/ops_msg.h"
#include "kollen/ops_workshop.h"
#include "kollen/text.h"

static void append(struct diags *to, const struct diags *from)
{
    for (size_t i = 0; i < from->n; i++) {
        const struct diag *g = &from->v[i];
        diags_add_text(to, g->file, g->line, g->is_warning, g->msg);
    }
    if (to)
        to->dropped += from->dropped;
}

static const char *first_text(const struct diags *d)
{
    const struct diag *g = diags_first_error(d);
    if (!g && d->n)
        g = &d->v[0];
    return g ? g->msg : msg(M_SES_NO_MEMORY);
}

/* The lock, before the file is read. KL_OK (locked; or, when the flags allow it and the lock
 * could not be taken for a reason other than another writer, read-only with the reason as a
 * warning), or the lock's code with its reason in d. */
static int lock(struct workshop *w, const char *path, int flags, const char *program,
                struct diags *d)
{
    struct diags ld;
    diags_init(&ld);
    struct lock_holder h;
    int rc = session_lock(path, program, &w->lock, &h, &ld);
    if (rc == KL_ENOLOCK && (flags & OPS_LOCK_OR_READ_ONLY)) {
        /* nobody can tell whether another writer is at it: one writer, really */
        ops_warn(d, M_OPS_NO_LOCK_READ_ONLY, first_text(&ld));
        w->read_only = 1;
        rc = KL_OK;
    } else {
        append(d, &ld); /* a stale lock taken over is a warning worth reading */
    }
    diags_free(&ld);
    return rc;
}

int ops_open(struct workshop **out, const char *path, const char *questions_dir, int flags,
             const char *program, struct diags *d)
{
    *out = NULL;
    struct workshop *w = calloc(1, sizeof *w);
    if (!w) {
        diags_add(d, NULL, 0, M_SES_NO_MEMORY);
        return KL_ENOMEM;
    }
    w->read_only = (flags & OPS_READ_ONLY) != 0;
    w->sitting = -1;
    int rc = w->read_only ? KL_OK : lock(w, path, flags, program, d);
    if (!rc) {
        store_check_private(path, d);
        rc = session_open(path, questions_dir, &w->bank, &w->ses, d);
    }
    if (!rc && !(w->path = text_dup(path))) {
        diags_add(d, NULL, 0, M_SES_NO_MEMORY);
        rc = KL_ENOMEM;
    }
    if (rc) {
        ops_close(w);
        return rc;
    }
    w->saved_cursor = w->ses->cursor;
    ops_rescore(w);
    *out = w;
    return KL_OK;
}

void ops_unlock(struct workshop *w)
{
    if (!w)
        return;
    if (w->published) { /* the cursor file goes with the writer, before its lock */
        char *cursor = ops_cursor_path(w->path);
        if (cursor)
            unlink(cursor);
        free(cursor);
        w->published = 0;
    }
    session_unlock(w->lock);
    w->lock = NULL;
}

static void steps_free(struct ops_step *v, int *n)
{
    for (int i = 0; i < *n; i++) {
        answer_clear(&v[i].before);
        answer_clear(&v[i].after);
    }
    *n = 0;
}

void ops_close(struct workshop *w)
{
    if (!w)
        return;
    ops_unlock(w);
    steps_free(w->undo, &w->n_undo);
    steps_free(w->redo, &w->n_redo);
    if (w->have_score)
        score_free(&w->sc);
    session_free(w->ses);
    bank_free(w->bank);
    free(w->path);
    free(w);
}

int ops_question(const struct bank *b, const char *number)
{
    long num;
    if (!number || text_parse_int(number, 1, BANK_MAX_QUESTIONS, &num))
        return -1;
    return bank_find_question(b, (int)num);
}

void ops_move(struct workshop *w, int qi)
{
    if (w && qi >= 0 && qi < w->bank->n_questions)
        w->ses->cursor = w->bank->questions[qi].number;
}

void ops_rescore(struct workshop *w)
{
    if (w->have_score)
        score_free(&w->sc);
    w->have_score = score_compute(w->bank, w->ses, &w->sc) == KL_OK;
    w->rev++;
}

int ops_save(struct workshop *w, int64_t now, struct diags *d)
{
    if (w->read_only)
        return KL_OK;
    struct diags sd;
    diags_init(&sd);
    int rc = session_save(w->path, w->bank, w->ses, 0, &sd);
    if (rc == KL_OK) {
        w->dirty = 0;
        w->pending = 0;
        w->saved_cursor = w->ses->cursor;
        w->saved_at = now;
        w->save_error[0] = '\0';
    } else {
        w->dirty = 1;
        snprintf(w->save_error, sizeof w->save_error, "%s", first_text(&sd));
    }
    append(d, &sd);
    diags_free(&sd);
    return rc;
}

int ops_flush(struct workshop *w, int64_t now, struct diags *d)
{
    if (!w || w->read_only || (!w->dirty && !w->pending && w->ses->cursor == w->saved_cursor))
        return KL_OK;
    return ops_save(w, now, d);
}
