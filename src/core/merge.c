/* merge.c: breakout groups' sessions of one workshop made into one (see merge.h). */
#include "kollen/merge.h"

#include <stdlib.h>
#include <string.h>

#include "kollen/msg.h"
#include "kollen/text.h"

/* A label cut to a one-line field's limit, on a character boundary. */
static void put_label(char *out, size_t n, const char *label)
{
    size_t len = strlen(label), max = n - 1 < SESSION_FIELD_MAX ? n - 1 : SESSION_FIELD_MAX;
    if (len > max) {
        len = max;
        while (len > 0 && ((unsigned char)label[len] & 0xC0) == 0x80)
            len--;
    }
    memcpy(out, label, len);
    out[len] = '\0';
    for (char *p = out; *p; p++)
        if (*p == '\n' || *p == '\r')
            *p = ' ';
}

static int refuse(const struct session *const *in, const char *const *labels, int n,
                  struct diags *d)
{
    for (int k = 1; k < n; k++) {
        const struct session *a = in[0], *s = in[k];
        if (strcmp(a->bank_id, s->bank_id) != 0) {
            diags_add(d, NULL, 0, M_SES_MERGE_BANK, labels[0], a->bank_id, labels[k], s->bank_id);
            return KL_EDATA;
        }
        if (strcmp(a->organisation, s->organisation) != 0) {
            diags_add(d, NULL, 0, M_SES_MERGE_ORG, labels[0], a->organisation, labels[k],
                      s->organisation);
            return KL_EDATA;
        }
        if (a->group != s->group) {
            diags_add(d, NULL, 0, M_SES_MERGE_GROUP, labels[0], group_name(a->group), labels[k],
                      group_name(s->group));
            return KL_EDATA;
        }
    }
    return KL_OK;
}

/* --- one question --- */

static int has_record(const struct answer *a)
{
    return a->answered || a->note || a->n_evidence || a->n_dissent || a->documented ||
           a->followup || a->agreed || a->parked || a->owner || a->due ||
           a->status != STEP_UNTRACKED || a->extra.n;
}

static int same_answer(const struct question *q, const struct answer *x, const struct answer *y)
{
    if (q->type == QTYPE_MULTI)
        return x->ticks == y->ticks;
    return x->choice == y->choice;
}

static int has_evidence(const struct answer *a, const char *ref)
{
    for (int i = 0; i < a->n_evidence; i++)
        if (!strcmp(a->evidence[i], ref))
            return 1;
    return 0;
}

static int has_dissent(const struct answer *a, const char *who, const char *view)
{
    for (int i = 0; i < a->n_dissent; i++)
        if (!strcmp(a->dissent[i].who, who) && !strcmp(a->dissent[i].view, view))
            return 1;
    return 0;
}

/* Append `more` to *text under a line naming its label ("" above it when *text has words). */
static int append_from(char **text, const char *label, const char *more)
{
    struct sbuf o;
    char head[SESSION_FIELD_MAX + 64];
    sbuf_init(&o);
    if (*text && **text) {
        sbuf_add(&o, *text);
        sbuf_add(&o, "\n\n");
    }
    msg_format(head, sizeof head, M_SES_MERGE_FROM, label);
    sbuf_add(&o, head);
    sbuf_addc(&o, '\n');
    sbuf_add(&o, more);
    char *v = sbuf_take(&o);
    if (!v)
        return KL_ENOMEM;
    free(*text);
    *text = v;
    return KL_OK;
}

/* Another group's answer as a dissent entry: "svarade 1,3". */
static int add_view(struct session *m, int qi, const struct question *q, const struct answer *a,
                    const char *label, struct diags *d)
{
    char val[256], view[320];
    if (q->type == QTYPE_MULTI && !a->ticks) {
        msg_format(view, sizeof view, M_SES_MERGE_VIEW_NONE);
    } else {
        answer_format(q, a, val, sizeof val);
        msg_format(view, sizeof view, M_SES_MERGE_VIEW, val);
    }
    if (has_dissent(&m->answers[qi], label, view))
        return KL_OK;
    return session_add_dissent(m, qi, label, view, m->answers[qi].changed, d);
}

static int take_text(char **dst, const char *src)
{
    if (*dst || !src)
        return KL_OK;
    return (*dst = text_dup(src)) ? KL_OK : KL_ENOMEM;
}

/* What session `o` (not the one the merged answer came from) adds to merged answer qi. */
static int merge_other(struct session *m, int qi, const struct question *q, const struct answer *o,
                       const char *label, int *conflict, struct diags *d)
{
    struct answer *a = &m->answers[qi];
    int rc = KL_OK;
    if (o->answered && a->answered && !same_answer(q, a, o)) {
        *conflict = 1;
        rc = add_view(m, qi, q, o, label, d);
    } else if (o->answered && a->answered) {
        a->documented |= o->documented;
    }
    a->followup |= o->followup;
    a->parked |= o->parked;
    if (a->status == STEP_UNTRACKED)
        a->status = o->status;
    if (!rc)
        rc = take_text(&a->park_reason, o->park_reason);
    if (!rc)
        rc = take_text(&a->owner, o->owner);
    if (!rc)
        rc = take_text(&a->due, o->due);
    if (!rc && o->note && *o->note && !(a->note && strstr(a->note, o->note))) {
        char *note = text_dup(a->note ? a->note : "");
        rc = note ? append_from(&note, label, o->note) : KL_ENOMEM;
        if (!rc)
            rc = session_set_note(m, qi, note, a->changed, d);
        free(note);
    }
    for (int i = 0; !rc && i < o->n_evidence; i++)
        if (!has_evidence(a, o->evidence[i]))
            rc = session_add_evidence(m, qi, o->evidence[i], a->changed, d);
    for (int i = 0; !rc && i < o->n_dissent; i++)
        if (!has_dissent(a, o->dissent[i].who, o->dissent[i].view))
            rc = session_add_dissent(m, qi, o->dissent[i].who, o->dissent[i].view, a->changed,
                                     d);
    return rc;
}

static int merge_question(struct session *m, const struct bank *b, int qi,
                          const struct session *const *in, const char *const *labels, int n,
                          struct diags *d)
{
    int prim = -1;
    for (int k = 0; k < n && prim < 0; k++)
        if (in[k]->answers[qi].answered)
            prim = k;
    for (int k = 0; k < n && prim < 0; k++)
        if (has_record(&in[k]->answers[qi]))
            prim = k;
    if (prim < 0)
        return KL_OK;
    struct answer *a = &m->answers[qi];
    answer_clear(a);
    if (answer_copy(a, &in[prim]->answers[qi]))
        return KL_ENOMEM;
    int64_t changed = a->changed;
    int conflict = 0;
    struct diags why;
    diags_init(&why);
    int rc = KL_OK;
    for (int k = 0; k < n && !rc; k++) {
        if (k == prim)
            continue;
        char label[SESSION_FIELD_MAX + 1];
        put_label(label, sizeof label, labels[k]);
        rc = merge_other(m, qi, &b->questions[qi], &in[k]->answers[qi], label, &conflict, &why);
        if (in[k]->answers[qi].changed > changed)
            changed = in[k]->answers[qi].changed;
    }
    if (rc == KL_EUSAGE) {
        const struct diag *g = diags_first_error(&why);
        diags_add(d, NULL, 0, M_SES_MERGE_QUESTION, b->questions[qi].number, g ? g->msg : "");
    }
    diags_free(&why);
    if (conflict)
        a->agreed = 0;
    a->changed = changed;
    return rc;
}

/* --- the session's own records --- */

/* Participant j of session s as the merged session's participant index (added if new). */
static int participant_index(struct session *m, const struct session *s, int j, int *out,
                             struct diags *d)
{
    int k = session_find_participant(m, s->participants[j].name);
    if (k < 0) {
        int rc = session_add_participant(m, s->participants[j].name, s->participants[j].role, d);
        if (rc)
            return rc;
        k = m->n_participants - 1;
    }
    *out = k;
    return KL_OK;
}

static int merge_sittings(struct session *m, const struct session *s, struct diags *d)
{
    for (int i = 0; i < s->n_sittings; i++) {
        const struct sitting *t = &s->sittings[i];
        int k = -1;
        for (int j = 0; j < m->n_sittings && k < 0; j++)
            if (m->sittings[j].start == t->start && m->sittings[j].end == t->end)
                k = j;
        int rc = KL_OK;
        if (k < 0) {
            rc = session_add_sitting(m, t->start, &k, d);
            if (!rc && t->end)
                m->sittings[k].end = t->end;
        }
        for (int p = 0; !rc && p < t->n_present; p++) {
            int who;
            int num = t->present[p];
            if (num < 1 || num > s->n_participants)
                continue;
            rc = participant_index(m, s, num - 1, &who, d);
            if (!rc)
                rc = session_set_present(m, k, who, 1, d);
        }
        if (rc)
            return rc;
    }
    return KL_OK;
}

static void sort_sittings(struct session *m)
{
    for (int i = 1; i < m->n_sittings; i++) {
        struct sitting t = m->sittings[i];
        int j = i;
        for (; j > 0 && m->sittings[j - 1].start > t.start; j--)
            m->sittings[j] = m->sittings[j - 1];
        m->sittings[j] = t;
    }
}

static int kv_has(const struct kvlist *l, const char *key)
{
    for (int i = 0; i < l->n; i++)
        if (!strcmp(l->v[i].key, key))
            return 1;
    return 0;
}

static int kv_add(struct kvlist *l, const struct kv *e)
{
    struct kv *v = realloc(l->v, (size_t)(l->n + 1) * sizeof *v);
    if (!v)
        return KL_ENOMEM;
    l->v = v;
    struct kv n = {text_dup(e->key), text_dup(e->value)};
    if (!n.key || !n.value) {
        free(n.key);
        free(n.value);
        return KL_ENOMEM;
    }
    v[l->n++] = n;
    return KL_OK;
}

static int merge_unknown(struct session *m, const struct session *s)
{
    for (int i = 0; i < s->extra.n; i++)
        if (!kv_has(&m->extra, s->extra.v[i].key) && kv_add(&m->extra, &s->extra.v[i]))
            return KL_ENOMEM;
    for (int i = 0; i < s->n_sections; i++) {
        const struct section_extra *x = &s->sections[i];
        int k = -1;
        for (int j = 0; j < m->n_sections && k < 0; j++)
            if (!strcmp(m->sections[j].name, x->name))
                k = j;
        if (k < 0) {
            struct section_extra *v = realloc(m->sections, (size_t)(m->n_sections + 1) * sizeof *v);
            if (!v)
                return KL_ENOMEM;
            m->sections = v;
            k = m->n_sections;
            memset(&v[k], 0, sizeof v[k]);
            if (!(v[k].name = text_dup(x->name)))
                return KL_ENOMEM;
            m->n_sections++;
        }
        for (int j = 0; j < x->kv.n; j++)
            if (!kv_has(&m->sections[k].kv, x->kv.v[j].key) &&
                kv_add(&m->sections[k].kv, &x->kv.v[j]))
                return KL_ENOMEM;
    }
    return KL_OK;
}

/* The facilitators' names, each once, joined with ", " while they fit the field. */
static int join_facilitator(struct session *m, const char *name)
{
    if (!name || !*name)
        return KL_OK;
    if (!*m->facilitator)
        return session_set_text(&m->facilitator, name, SESSION_FIELD_MAX, NULL) == KL_ENOMEM
                   ? KL_ENOMEM
                   : KL_OK;
    size_t len = strlen(name);
    for (const char *p = m->facilitator; (p = strstr(p, name)); p++)
        if ((p == m->facilitator || p[-1] == ' ') && (p[len] == '\0' || p[len] == ','))
            return KL_OK;
    if (strlen(m->facilitator) + 2 + len > SESSION_FIELD_MAX)
        return KL_OK;
    struct sbuf o;
    sbuf_init(&o);
    sbuf_addf(&o, "%s, %s", m->facilitator, name);
    char *v = sbuf_take(&o);
    if (!v)
        return KL_ENOMEM;
    free(m->facilitator);
    m->facilitator = v;
    return KL_OK;
}

static int merge_records(struct session *m, const struct session *s, const char *label,
                         struct diags *d)
{
    int rc = KL_OK;
    for (int j = 0; !rc && j < s->n_participants; j++) {
        int k;
        rc = participant_index(m, s, j, &k, d);
    }
    if (!rc)
        rc = merge_sittings(m, s, d);
    for (int a = 0; a < m->n_agenda && a < s->n_agenda; a++) {
        m->agenda[a].spent += s->agenda[a].spent;
        if (!m->agenda[a].minutes)
            m->agenda[a].minutes = s->agenda[a].minutes;
    }
    if (!m->minutes)
        m->minutes = s->minutes;
    if (s->date && m->date && strcmp(s->date, m->date) < 0)
        rc = rc ? rc : session_set_date_field(&m->date, s->date, 1, d);
    if (s->created && (!m->created || s->created < m->created))
        m->created = s->created;
    if (!rc && !m->period_from && s->period_from)
        rc = session_set_period(m, s->period_from, s->period_to, d);
    if (!rc)
        rc = take_text(&m->management_seen, s->management_seen);
    if (!rc)
        rc = take_text(&m->theme, s->theme);
    if (!rc)
        rc = take_text(&m->companion, s->companion);
    if (!rc)
        rc = join_facilitator(m, s->facilitator);
    if (!rc && s->summary && *s->summary && !(m->summary && strstr(m->summary, s->summary))) {
        char *sum = text_dup(m->summary ? m->summary : "");
        rc = sum ? append_from(&sum, label, s->summary) : KL_ENOMEM;
        if (!rc)
            rc = session_set_summary(m, sum, d);
        free(sum);
    }
    if (!rc)
        rc = merge_unknown(m, s);
    return rc;
}

int merge_sessions(const struct bank *b, const struct session *const *in,
                   const char *const *labels, int n, int64_t now, struct session **out,
                   struct diags *d)
{
    *out = NULL;
    if (n < 1) {
        diags_add(d, NULL, 0, M_SES_MERGE_NONE);
        return KL_EUSAGE;
    }
    int rc = refuse(in, labels, n, d);
    if (rc)
        return rc;
    for (int k = 0; k < n; k++)
        if (in[k]->n_answers != b->n_questions || strcmp(in[k]->bank_id, b->id) != 0) {
            diags_add(d, NULL, 0, M_SES_WRONG_BANK, in[k]->bank_id, b->id);
            return KL_EDATA;
        }
    struct session *m = session_dup(in[0]);
    if (!m)
        return KL_ENOMEM;
    for (int k = 1; k < n && !rc; k++) {
        char label[SESSION_FIELD_MAX + 1];
        put_label(label, sizeof label, labels[k]);
        rc = merge_records(m, in[k], label, d);
    }
    for (int qi = 0; qi < b->n_questions && !rc; qi++)
        rc = merge_question(m, b, qi, in, labels, n, d);
    if (rc) {
        session_free(m);
        return rc;
    }
    sort_sittings(m);
    m->cursor = 0;
    m->modified = now;
    *out = m;
    return KL_OK;
}
