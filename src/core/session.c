/* session.c: the session model and its validated setters. */
#include "kollen/session.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kollen/msg.h"
#include "kollen/text.h"

static const char *const group_names[] = {"kommun", "region", "myndighet", "annan"};

const char *group_name(enum actor_group g)
{
    return (unsigned)g < 4 ? group_names[g] : "annan";
}

int group_parse(const char *s)
{
    for (int i = 0; i < 4; i++)
        if (s && strcmp(s, group_names[i]) == 0)
            return i;
    return -1;
}

struct session *session_new(const struct bank *b, const char *organisation,
                            enum actor_group group, const char *date, int64_t now)
{
    struct session *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    s->format = 1;
    s->group = group;
    s->created = s->modified = now;
    s->bank_id = text_dup(b->id);
    s->organisation = text_dup(organisation ? organisation : "");
    s->date = text_dup(date);
    s->facilitator = text_dup("");
    s->n_answers = b->n_questions;
    s->answers = calloc((size_t)(b->n_questions ? b->n_questions : 1), sizeof *s->answers);
    if (!s->bank_id || !s->organisation || !s->date || !s->facilitator || !s->answers) {
        session_free(s);
        return NULL;
    }
    return s;
}

static void kvlist_free(struct kvlist *l)
{
    for (int i = 0; i < l->n; i++) {
        free(l->v[i].key);
        free(l->v[i].value);
    }
    free(l->v);
    l->v = NULL;
    l->n = 0;
}

static int kvlist_copy(struct kvlist *dst, const struct kvlist *src)
{
    dst->v = NULL;
    dst->n = 0;
    if (!src->n)
        return 0;
    dst->v = calloc((size_t)src->n, sizeof *dst->v);
    if (!dst->v)
        return -1;
    for (int i = 0; i < src->n; i++) {
        dst->v[i].key = text_dup(src->v[i].key);
        dst->v[i].value = text_dup(src->v[i].value);
        dst->n = i + 1;
        if (!dst->v[i].key || !dst->v[i].value)
            return -1;
    }
    return 0;
}

void answer_clear(struct answer *a)
{
    free(a->note);
    for (int i = 0; i < a->n_evidence; i++)
        free(a->evidence[i]);
    free(a->evidence);
    kvlist_free(&a->extra);
    memset(a, 0, sizeof *a);
}

int answer_copy(struct answer *dst, const struct answer *src)
{
    *dst = *src;
    dst->note = NULL;
    dst->evidence = NULL;
    dst->n_evidence = 0;
    dst->extra.v = NULL;
    dst->extra.n = 0;
    if (src->note && !(dst->note = text_dup(src->note)))
        goto fail;
    if (src->n_evidence) {
        dst->evidence = calloc((size_t)src->n_evidence, sizeof *dst->evidence);
        if (!dst->evidence)
            goto fail;
        for (int i = 0; i < src->n_evidence; i++) {
            dst->n_evidence = i + 1;
            if (!(dst->evidence[i] = text_dup(src->evidence[i])))
                goto fail;
        }
    }
    if (kvlist_copy(&dst->extra, &src->extra))
        goto fail;
    return KL_OK;
fail:
    answer_clear(dst);
    return KL_ENOMEM;
}

void session_free(struct session *s)
{
    if (!s)
        return;
    free(s->bank_id);
    free(s->organisation);
    free(s->date);
    free(s->facilitator);
    for (int i = 0; i < s->n_participants; i++) {
        free(s->participants[i].name);
        free(s->participants[i].role);
    }
    free(s->participants);
    for (int i = 0; s->answers && i < s->n_answers; i++)
        answer_clear(&s->answers[i]);
    free(s->answers);
    kvlist_free(&s->extra);
    for (int i = 0; i < s->n_sections; i++) {
        free(s->sections[i].name);
        kvlist_free(&s->sections[i].kv);
    }
    free(s->sections);
    free(s);
}

struct session *session_dup(const struct session *s)
{
    struct session *d = calloc(1, sizeof *d);
    if (!d)
        return NULL;
    *d = *s;
    d->bank_id = d->organisation = d->date = d->facilitator = NULL;
    d->participants = NULL;
    d->n_participants = 0;
    d->answers = NULL;
    d->n_answers = 0;
    d->extra.v = NULL;
    d->extra.n = 0;
    d->sections = NULL;
    d->n_sections = 0;
    if (!(d->bank_id = text_dup(s->bank_id)) || !(d->organisation = text_dup(s->organisation)) ||
        !(d->date = text_dup(s->date)) || !(d->facilitator = text_dup(s->facilitator)))
        goto fail;
    if (s->n_participants) {
        d->participants = calloc((size_t)s->n_participants, sizeof *d->participants);
        if (!d->participants)
            goto fail;
        for (int i = 0; i < s->n_participants; i++) {
            d->n_participants = i + 1;
            d->participants[i].name = text_dup(s->participants[i].name);
            d->participants[i].role = text_dup(s->participants[i].role);
            if (!d->participants[i].name || !d->participants[i].role)
                goto fail;
        }
    }
    d->answers = calloc((size_t)(s->n_answers ? s->n_answers : 1), sizeof *d->answers);
    if (!d->answers)
        goto fail;
    for (int i = 0; i < s->n_answers; i++) {
        if (answer_copy(&d->answers[i], &s->answers[i]))
            goto fail;
        d->n_answers = i + 1;
    }
    if (kvlist_copy(&d->extra, &s->extra))
        goto fail;
    if (s->n_sections) {
        d->sections = calloc((size_t)s->n_sections, sizeof *d->sections);
        if (!d->sections)
            goto fail;
        for (int i = 0; i < s->n_sections; i++) {
            d->n_sections = i + 1;
            if (!(d->sections[i].name = text_dup(s->sections[i].name)) ||
                kvlist_copy(&d->sections[i].kv, &s->sections[i].kv))
                goto fail;
        }
    }
    return d;
fail:
    session_free(d);
    return NULL;
}

int answer_parse(const struct question *q, const char *text, struct answer *a, struct diags *d)
{
    char buf[512];
    if (strcmp(text, "all") == 0) {
        if (q->type == QTYPE_MULTI)
            a->ticks = q->n_options >= 64 ? ~0ULL : ((1ULL << q->n_options) - 1);
        else
            a->choice = q->n_options;
        a->answered = 1;
        return KL_OK;
    }
    if (strcmp(text, "none") == 0) {
        /* single and scale: "none" is the lowest step (0 %, stämmer inte) */
        if (q->type == QTYPE_MULTI)
            a->ticks = 0;
        else
            a->choice = 1;
        a->answered = 1;
        return KL_OK;
    }
    if (strlen(text) >= sizeof buf) {
        diags_add(d, NULL, 0, M_SES_BAD_ANSWER, q->number, "...");
        return KL_EUSAGE;
    }
    strcpy(buf, text);
    uint64_t ticks = 0;
    int count = 0;
    long last = 0;
    char *save = NULL;
    for (char *tok = strtok_r(buf, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
        long v;
        text_trim(tok);
        if (text_parse_int(tok, 0, 1000000, &v)) {
            diags_add(d, NULL, 0, M_SES_BAD_ANSWER, q->number, text);
            return KL_EUSAGE;
        }
        if (v < 1 || v > q->n_options) {
            diags_add(d, NULL, 0, M_SES_UNKNOWN_OPTION, q->number, v, q->n_options);
            return KL_EUSAGE;
        }
        ticks |= 1ULL << (v - 1);
        last = v;
        count++;
    }
    if (count == 0) {
        diags_add(d, NULL, 0, M_SES_BAD_ANSWER, q->number, text);
        return KL_EUSAGE;
    }
    if (q->type == QTYPE_MULTI) {
        a->ticks = ticks;
    } else {
        if (count != 1) {
            diags_add(d, NULL, 0, M_SES_ONE_CHOICE, q->number, q->n_options);
            return KL_EUSAGE;
        }
        a->choice = (int)last;
    }
    a->answered = 1;
    return KL_OK;
}

void answer_format(const struct question *q, const struct answer *a, char *buf, size_t n)
{
    if (n == 0)
        return;
    buf[0] = '\0';
    if (!a->answered)
        return;
    if (q->type != QTYPE_MULTI) {
        snprintf(buf, n, "%d", a->choice);
        return;
    }
    if (!a->ticks) {
        snprintf(buf, n, "none");
        return;
    }
    size_t len = 0;
    for (int i = 0; i < 64 && len < n; i++)
        if (a->ticks & (1ULL << i))
            len += (size_t)snprintf(buf + len, n - len, len ? ",%d" : "%d", i + 1);
}

int session_check_text(const char *value, size_t max, int allow_newlines, struct diags *d)
{
    size_t n = strlen(value), bad;
    if (n > max) {
        diags_add(d, NULL, 0, M_SES_TOO_LONG, n, max);
        return KL_EUSAGE;
    }
    if (!utf8_valid(value, n, &bad)) {
        diags_add(d, NULL, 0, M_SES_BAD_UTF8);
        return KL_EUSAGE;
    }
    if (!allow_newlines && strpbrk(value, "\r\n")) {
        diags_add(d, NULL, 0, M_SES_NEWLINE);
        return KL_EUSAGE;
    }
    return KL_OK;
}

int session_set_text(char **field, const char *value, size_t max, struct diags *d)
{
    int rc = session_check_text(value, max, 0, d);
    if (rc)
        return rc;
    char *v = text_dup(value);
    if (!v)
        return KL_ENOMEM;
    free(*field);
    *field = v;
    return KL_OK;
}

int session_set_note(struct session *s, int qi, const char *note, int64_t now, struct diags *d)
{
    int rc = session_check_text(note, SESSION_NOTE_MAX, 1, d);
    if (rc)
        return rc;
    char *v = NULL;
    if (*note && !(v = text_dup(note)))
        return KL_ENOMEM;
    struct answer *a = &s->answers[qi];
    free(a->note);
    a->note = v;
    a->changed = now;
    return KL_OK;
}

int session_add_evidence(struct session *s, int qi, const char *ref, int64_t now, struct diags *d)
{
    struct answer *a = &s->answers[qi];
    if (a->n_evidence >= SESSION_EVIDENCE_COUNT) {
        diags_add(d, NULL, 0, M_SES_TOO_MANY_EVIDENCE, SESSION_EVIDENCE_COUNT);
        return KL_EUSAGE;
    }
    int rc = session_check_text(ref, SESSION_EVIDENCE_MAX, 0, d);
    if (rc)
        return rc;
    char **v = realloc(a->evidence, (size_t)(a->n_evidence + 1) * sizeof *v);
    if (!v)
        return KL_ENOMEM;
    a->evidence = v;
    if (!(v[a->n_evidence] = text_dup(ref)))
        return KL_ENOMEM;
    a->n_evidence++;
    a->changed = now;
    return KL_OK;
}

int session_set_evidence(struct session *s, int qi, int k, const char *ref, int64_t now,
                         struct diags *d)
{
    struct answer *a = &s->answers[qi];
    if (k < 0 || k >= a->n_evidence) {
        diags_add(d, NULL, 0, M_SES_NO_EVIDENCE, k + 1);
        return KL_EUSAGE;
    }
    int rc = session_check_text(ref, SESSION_EVIDENCE_MAX, 0, d);
    if (rc)
        return rc;
    char *v = text_dup(ref);
    if (!v)
        return KL_ENOMEM;
    free(a->evidence[k]);
    a->evidence[k] = v;
    a->changed = now;
    return KL_OK;
}

int session_remove_evidence(struct session *s, int qi, int k, int64_t now)
{
    struct answer *a = &s->answers[qi];
    if (k < 0 || k >= a->n_evidence)
        return KL_EUSAGE;
    free(a->evidence[k]);
    memmove(&a->evidence[k], &a->evidence[k + 1],
            (size_t)(a->n_evidence - k - 1) * sizeof *a->evidence);
    a->n_evidence--;
    a->changed = now;
    return KL_OK;
}

int session_add_participant(struct session *s, const char *name, const char *role,
                            struct diags *d)
{
    if (s->n_participants >= SESSION_PARTICIPANTS_MAX) {
        diags_add(d, NULL, 0, M_SES_TOO_MANY_PARTICIPANTS, SESSION_PARTICIPANTS_MAX);
        return KL_EUSAGE;
    }
    int rc = session_check_text(name, SESSION_FIELD_MAX, 0, d);
    if (!rc)
        rc = session_check_text(role, SESSION_FIELD_MAX, 0, d);
    if (rc)
        return rc;
    struct participant *v =
        realloc(s->participants, (size_t)(s->n_participants + 1) * sizeof *v);
    if (!v)
        return KL_ENOMEM;
    s->participants = v;
    struct participant p = {text_dup(name), text_dup(role)};
    if (!p.name || !p.role) {
        free(p.name);
        free(p.role);
        return KL_ENOMEM;
    }
    v[s->n_participants++] = p;
    return KL_OK;
}
