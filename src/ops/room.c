/* room.c: time spent per work area, sittings and attendance, the agenda's clocks. */
#include <string.h>

#include "kollen/msg.h"
#include "kollen/ops_msg.h"
#include "kollen/ops_room.h"

void ops_add_spent(struct workshop *w, int ai, int64_t seconds)
{
    if (!w || w->read_only || seconds <= 0 || ai < 0 || ai >= w->ses->n_agenda)
        return;
    session_add_spent(w->ses, ai, seconds);
    w->pending = 1;
}

static int refuse(const struct workshop *w, struct diags *d)
{
    if (!w->read_only)
        return KL_OK;
    ops_diag(d, M_OPS_READ_ONLY);
    return KL_EUSAGE;
}

static void save(struct workshop *w, int64_t now, struct ops_result *res, struct diags *d)
{
    w->ses->modified = now;
    res->changed = 1;
    res->saved = ops_save(w, now, d) ? -1 : 1;
}

/* The last sitting, when it ended (or the session was last written, for one never closed)
 * within OPS_SITTING_GAP of now. */
static int continued(const struct session *s, int64_t now)
{
    if (!s->n_sittings)
        return -1;
    const struct sitting *t = &s->sittings[s->n_sittings - 1];
    int64_t last = t->end ? t->end : s->modified;
    return last <= now && now - last <= OPS_SITTING_GAP && t->start <= now ? s->n_sittings - 1
                                                                              : -1;
}

int ops_sitting_begin(struct workshop *w, int64_t now, struct diags *d)
{
    int rc = refuse(w, d);
    if (rc)
        return rc;
    int k = continued(w->ses, now);
    if (k >= 0) {
        w->ses->sittings[k].end = 0;
    } else if ((rc = session_add_sitting(w->ses, now, &k, d))) {
        if (rc == KL_ENOMEM)
            diags_add(d, NULL, 0, M_SES_NO_MEMORY);
        return rc;
    }
    w->sitting = k;
    w->pending = 1;
    return KL_OK;
}

void ops_sitting_end(struct workshop *w, int64_t now)
{
    if (!w || w->read_only || w->sitting < 0 || w->sitting >= w->ses->n_sittings)
        return;
    if (session_end_sitting(w->ses, w->sitting, now) == KL_OK)
        w->pending = 1;
}

int ops_set_present(struct workshop *w, int k, int present, int64_t now, struct ops_result *res,
                    struct diags *d)
{
    memset(res, 0, sizeof *res);
    res->question = -1;
    int rc = refuse(w, d);
    if (!rc && w->sitting < 0) {
        ops_diag(d, M_OPS_NO_SITTING);
        rc = KL_EUSAGE;
    }
    if (!rc) {
        int was = k >= 0 && k < w->ses->n_participants &&
                  sitting_is_present(&w->ses->sittings[w->sitting], k);
        rc = session_set_present(w->ses, w->sitting, k, present, d);
        if (rc == KL_ENOMEM)
            diags_add(d, NULL, 0, M_SES_NO_MEMORY);
        if (!rc && was != (present != 0))
            save(w, now, res, d);
    }
    return rc;
}

void ops_agenda_clock(const struct workshop *w, int ai, struct agenda_clock *c)
{
    memset(c, 0, sizeof *c);
    const struct session *s = w->ses;
    const struct bank *b = w->bank;
    int sum = 0;
    for (int i = 0; i < s->n_agenda; i++) {
        sum += s->agenda[i].minutes;
        c->total_spent += s->agenda[i].spent;
    }
    c->total_minutes = s->minutes ? s->minutes : sum;
    c->planned = c->total_minutes > 0;
    if (ai >= 0 && ai < s->n_agenda) {
        c->area_spent = s->agenda[ai].spent;
        c->area_minutes = s->agenda[ai].minutes;
    }
    if (c->planned && c->area_spent > (int64_t)c->area_minutes * 60)
        c->area_over = c->area_spent - (int64_t)c->area_minutes * 60;
    if (c->planned && c->total_spent > (int64_t)c->total_minutes * 60)
        c->total_over = c->total_spent - (int64_t)c->total_minutes * 60;
    for (int a = 0; a < b->n_areas && a < s->n_agenda; a++) {
        if (a == ai)
            continue;
        int open = 0;
        for (int i = 0; i < b->n_questions && !open; i++)
            open = b->questions[i].area == a && !s->answers[i].answered;
        if (open) {
            c->areas_left++;
            c->left_minutes += s->agenda[a].minutes;
        }
    }
}
