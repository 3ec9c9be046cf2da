/* session.c: the session model and its validated setters. */
#include "kollen/session.h"

#include <ctype.h>
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
    s->n_agenda = b->n_areas;
    s->agenda = calloc((size_t)(b->n_areas ? b->n_areas : 1), sizeof *s->agenda);
    if (!s->bank_id || !s->organisation || !s->date || !s->facilitator || !s->answers ||
        !s->agenda) {
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

static void dissent_free(struct dissent *v, int n)
{
    for (int i = 0; i < n; i++) {
        free(v[i].who);
        free(v[i].view);
    }
    free(v);
}

void answer_clear(struct answer *a)
{
    free(a->note);
    for (int i = 0; i < a->n_evidence; i++)
        free(a->evidence[i]);
    free(a->evidence);
    dissent_free(a->dissent, a->n_dissent);
    free(a->park_reason);
    free(a->owner);
    free(a->due);
    kvlist_free(&a->extra);
    memset(a, 0, sizeof *a);
}

static int dup_opt(char **dst, const char *src)
{
    *dst = NULL;
    return src && !(*dst = text_dup(src)) ? -1 : 0;
}

int answer_copy(struct answer *dst, const struct answer *src)
{
    *dst = *src;
    dst->note = NULL;
    dst->evidence = NULL;
    dst->n_evidence = 0;
    dst->extra.v = NULL;
    dst->extra.n = 0;
    dst->dissent = NULL;
    dst->n_dissent = 0;
    dst->park_reason = dst->owner = dst->due = NULL;
    if (src->note && !(dst->note = text_dup(src->note)))
        goto fail;
    if (dup_opt(&dst->park_reason, src->park_reason) || dup_opt(&dst->owner, src->owner) ||
        dup_opt(&dst->due, src->due))
        goto fail;
    if (src->n_dissent) {
        dst->dissent = calloc((size_t)src->n_dissent, sizeof *dst->dissent);
        if (!dst->dissent)
            goto fail;
        for (int i = 0; i < src->n_dissent; i++) {
            dst->n_dissent = i + 1;
            if (!(dst->dissent[i].who = text_dup(src->dissent[i].who)) ||
                !(dst->dissent[i].view = text_dup(src->dissent[i].view)))
                goto fail;
        }
    }
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
    free(s->period_from);
    free(s->period_to);
    free(s->summary);
    free(s->management_seen);
    free(s->theme);
    free(s->companion);
    free(s->agenda);
    for (int i = 0; i < s->n_sittings; i++)
        free(s->sittings[i].present);
    free(s->sittings);
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
    d->period_from = d->period_to = d->summary = d->management_seen = NULL;
    d->theme = d->companion = NULL;
    d->agenda = NULL;
    d->sittings = NULL;
    d->n_sittings = 0;
    if (dup_opt(&d->period_from, s->period_from) || dup_opt(&d->period_to, s->period_to) ||
        dup_opt(&d->summary, s->summary) || dup_opt(&d->management_seen, s->management_seen) ||
        dup_opt(&d->theme, s->theme) || dup_opt(&d->companion, s->companion))
        goto fail;
    d->agenda = calloc((size_t)(s->n_agenda ? s->n_agenda : 1), sizeof *d->agenda);
    if (!d->agenda)
        goto fail;
    if (s->n_agenda)
        memcpy(d->agenda, s->agenda, (size_t)s->n_agenda * sizeof *d->agenda);
    if (s->n_sittings) {
        d->sittings = calloc((size_t)s->n_sittings, sizeof *d->sittings);
        if (!d->sittings)
            goto fail;
        for (int i = 0; i < s->n_sittings; i++) {
            d->n_sittings = i + 1;
            d->sittings[i] = s->sittings[i];
            d->sittings[i].present = NULL;
            if (s->sittings[i].n_present) {
                size_t sz = (size_t)s->sittings[i].n_present * sizeof(int);
                if (!(d->sittings[i].present = malloc(sz)))
                    goto fail;
                memcpy(d->sittings[i].present, s->sittings[i].present, sz);
            }
        }
    }
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
    uint64_t ticks = 0;
    int count = 0;
    long last = 0;
    /* the numbers between commas (empty ones skipped), each without the blanks around it */
    for (const char *p = text, *next; *p; p = next + (*next == ',')) {
        next = strchr(p, ',');
        if (!next)
            next = p + strlen(p);
        if (p == next)
            continue;
        const char *e = next;
        while (p < e && isspace((unsigned char)*p))
            p++;
        while (e > p && isspace((unsigned char)e[-1]))
            e--;
        memcpy(buf, p, (size_t)(e - p));
        buf[e - p] = '\0';
        long v;
        if (text_parse_int(buf, 0, 1000000, &v)) {
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

/* --- what the room decided --- */

int session_set_agreed(struct session *s, int qi, int agreed, int64_t now)
{
    struct answer *a = &s->answers[qi];
    a->agreed = agreed != 0;
    a->changed = now;
    return KL_OK;
}

int answer_disputed(const struct answer *a)
{
    return a->n_dissent > 0 && !a->agreed;
}

int session_add_dissent(struct session *s, int qi, const char *who, const char *view,
                        int64_t now, struct diags *d)
{
    struct answer *a = &s->answers[qi];
    if (a->n_dissent >= SESSION_DISSENT_COUNT) {
        diags_add(d, NULL, 0, M_SES_TOO_MANY_DISSENT, SESSION_DISSENT_COUNT);
        return KL_EUSAGE;
    }
    if (!who || !view || !*who || !*view) {
        diags_add(d, NULL, 0, M_SES_DISSENT_EMPTY);
        return KL_EUSAGE;
    }
    int rc = session_check_text(who, SESSION_FIELD_MAX, 0, d);
    if (!rc)
        rc = session_check_text(view, SESSION_DISSENT_MAX, 0, d);
    if (rc)
        return rc;
    struct dissent *v = realloc(a->dissent, (size_t)(a->n_dissent + 1) * sizeof *v);
    if (!v)
        return KL_ENOMEM;
    a->dissent = v;
    struct dissent e = {text_dup(who), text_dup(view)};
    if (!e.who || !e.view) {
        free(e.who);
        free(e.view);
        return KL_ENOMEM;
    }
    v[a->n_dissent++] = e;
    a->changed = now;
    return KL_OK;
}

int session_remove_dissent(struct session *s, int qi, int k, int64_t now, struct diags *d)
{
    struct answer *a = &s->answers[qi];
    if (k < 0 || k >= a->n_dissent) {
        diags_add(d, NULL, 0, M_SES_NO_DISSENT, k + 1);
        return KL_EUSAGE;
    }
    free(a->dissent[k].who);
    free(a->dissent[k].view);
    memmove(&a->dissent[k], &a->dissent[k + 1],
            (size_t)(a->n_dissent - k - 1) * sizeof *a->dissent);
    a->n_dissent--;
    a->changed = now;
    return KL_OK;
}

/* Replace *field by a copy of value ("" or NULL: clear), value already checked. */
static int replace_opt(char **field, const char *value)
{
    char *v = NULL;
    if (value && *value && !(v = text_dup(value)))
        return KL_ENOMEM;
    free(*field);
    *field = v;
    return KL_OK;
}

int session_set_parked(struct session *s, int qi, int parked, const char *reason, int64_t now,
                       struct diags *d)
{
    struct answer *a = &s->answers[qi];
    if (parked && reason) {
        int rc = session_check_text(reason, SESSION_REASON_MAX, 0, d);
        if (rc)
            return rc;
    }
    int rc = replace_opt(&a->park_reason, parked ? reason : NULL);
    if (rc)
        return rc;
    a->parked = parked != 0;
    a->changed = now;
    return KL_OK;
}

static const char *const status_names[] = {"", "open", "started", "done"};

const char *step_status_name(enum step_status st)
{
    return (unsigned)st < 4 ? status_names[st] : "";
}

int step_status_parse(const char *s)
{
    for (int i = 1; s && i < 4; i++)
        if (!strcmp(s, status_names[i]))
            return i;
    return -1;
}

static int check_date(const char *date, struct diags *d)
{
    if (date && *date && !text_valid_date(date)) {
        diags_add(d, NULL, 0, M_SES_BAD_DATE, date);
        return KL_EUSAGE;
    }
    return KL_OK;
}

int session_set_step(struct session *s, int qi, const char *owner, const char *due, int status,
                     int64_t now, struct diags *d)
{
    struct answer *a = &s->answers[qi];
    int rc = KL_OK;
    if (owner)
        rc = session_check_text(owner, SESSION_FIELD_MAX, 0, d);
    if (!rc)
        rc = check_date(due, d);
    if (!rc && status != -1 && (status < STEP_UNTRACKED || status > STEP_DONE)) {
        diags_add(d, NULL, 0, M_SES_BAD_STATUS, "?");
        rc = KL_EUSAGE;
    }
    if (rc)
        return rc;
    char *o = NULL, *du = NULL;
    if (owner && *owner && !(o = text_dup(owner)))
        return KL_ENOMEM;
    if (due && *due && !(du = text_dup(due))) {
        free(o);
        return KL_ENOMEM;
    }
    if (owner) {
        free(a->owner);
        a->owner = o;
    }
    if (due) {
        free(a->due);
        a->due = du;
    }
    if (status != -1)
        a->status = (enum step_status)status;
    else if (a->status == STEP_UNTRACKED && ((owner && *owner) || (due && *due)))
        a->status = STEP_OPEN;
    a->changed = now;
    return KL_OK;
}

/* --- session-level records --- */

int session_set_date_field(char **field, const char *date, int required, struct diags *d)
{
    if (required && (!date || !*date)) {
        diags_add(d, NULL, 0, M_SES_BAD_DATE, "");
        return KL_EUSAGE;
    }
    int rc = check_date(date, d);
    return rc ? rc : replace_opt(field, date);
}

int session_set_period(struct session *s, const char *from, const char *to, struct diags *d)
{
    int has_from = from && *from, has_to = to && *to;
    if (has_from != has_to) {
        diags_add(d, NULL, 0, M_SES_PERIOD_HALF);
        return KL_EUSAGE;
    }
    int rc = check_date(from, d);
    if (!rc)
        rc = check_date(to, d);
    if (rc)
        return rc;
    if (has_from && strcmp(from, to) > 0) {
        diags_add(d, NULL, 0, M_SES_PERIOD_ORDER, from, to);
        return KL_EUSAGE;
    }
    char *f = NULL, *t = NULL;
    if (has_from && (!(f = text_dup(from)) || !(t = text_dup(to)))) {
        free(f);
        return KL_ENOMEM;
    }
    free(s->period_from);
    free(s->period_to);
    s->period_from = f;
    s->period_to = t;
    return KL_OK;
}

int session_set_summary(struct session *s, const char *text, struct diags *d)
{
    int rc = text ? session_check_text(text, SESSION_SUMMARY_MAX, 1, d) : KL_OK;
    return rc ? rc : replace_opt(&s->summary, text);
}

int session_set_theme(struct session *s, const char *name, struct diags *d)
{
    size_t n = name ? strlen(name) : 0;
    int ok = n <= SESSION_THEME_MAX;
    for (size_t i = 0; ok && i < n; i++)
        ok = (name[i] >= 'a' && name[i] <= 'z') || (name[i] >= '0' && name[i] <= '9') ||
             name[i] == '-';
    if (!ok) {
        char shown[48];
        snprintf(shown, sizeof shown, "%.40s", name);
        diags_add(d, NULL, 0, M_SES_BAD_THEME, shown, SESSION_THEME_MAX);
        return KL_EUSAGE;
    }
    return replace_opt(&s->theme, name);
}

int session_set_companion(struct session *s, const char *ref, struct diags *d)
{
    int rc = ref ? session_check_text(ref, SESSION_FIELD_MAX, 0, d) : KL_OK;
    return rc ? rc : replace_opt(&s->companion, ref);
}

int session_find_participant(const struct session *s, const char *name)
{
    for (int i = 0; name && i < s->n_participants; i++)
        if (!strcmp(s->participants[i].name, name))
            return i;
    return -1;
}

static int check_participant(const struct session *s, int k, struct diags *d)
{
    if (k < 0 || k >= s->n_participants) {
        diags_add(d, NULL, 0, M_SES_NO_PARTICIPANT, k + 1);
        return KL_EUSAGE;
    }
    return KL_OK;
}

int session_edit_participant(struct session *s, int k, const char *name, const char *role,
                             struct diags *d)
{
    int rc = check_participant(s, k, d);
    if (!rc && name && !*name) {
        diags_add(d, NULL, 0, M_SES_EMPTY_NAME);
        rc = KL_EUSAGE;
    }
    if (!rc && name)
        rc = session_check_text(name, SESSION_FIELD_MAX, 0, d);
    if (!rc && role)
        rc = session_check_text(role, SESSION_FIELD_MAX, 0, d);
    if (rc)
        return rc;
    char *n = name ? text_dup(name) : NULL, *r = role ? text_dup(role) : NULL;
    if ((name && !n) || (role && !r)) {
        free(n);
        free(r);
        return KL_ENOMEM;
    }
    struct participant *p = &s->participants[k];
    if (n) {
        free(p->name);
        p->name = n;
    }
    if (r) {
        free(p->role);
        p->role = r;
    }
    return KL_OK;
}

int session_remove_participant(struct session *s, int k, struct diags *d)
{
    int rc = check_participant(s, k, d);
    if (rc)
        return rc;
    free(s->participants[k].name);
    free(s->participants[k].role);
    memmove(&s->participants[k], &s->participants[k + 1],
            (size_t)(s->n_participants - k - 1) * sizeof *s->participants);
    s->n_participants--;
    /* attendance is by number: drop k + 1, and the numbers above it move down one */
    for (int i = 0; i < s->n_sittings; i++) {
        struct sitting *t = &s->sittings[i];
        int m = 0;
        for (int j = 0; j < t->n_present; j++) {
            int p = t->present[j];
            if (p == k + 1)
                continue;
            t->present[m++] = p > k + 1 ? p - 1 : p;
        }
        t->n_present = m;
    }
    return KL_OK;
}

/* --- the agenda --- */

static int check_minutes(long minutes, struct diags *d)
{
    if (minutes < 0 || minutes > SESSION_MINUTES_MAX) {
        diags_add(d, NULL, 0, M_SES_MINUTES, minutes, SESSION_MINUTES_MAX);
        return KL_EUSAGE;
    }
    return KL_OK;
}

int session_set_agenda(struct session *s, int ai, int minutes, struct diags *d)
{
    int rc = check_minutes(minutes, d);
    if (rc)
        return rc;
    if (ai < 0 || ai >= s->n_agenda)
        return KL_EUSAGE;
    s->agenda[ai].minutes = minutes;
    return KL_OK;
}

int session_set_minutes(struct session *s, const struct bank *b, int minutes, int spread,
                        struct diags *d)
{
    int rc = check_minutes(minutes, d);
    if (rc)
        return rc;
    s->minutes = minutes;
    if (!spread || s->n_agenda != b->n_areas || !b->n_questions)
        return KL_OK;
    /* largest remainder: each area's share of the questions, rounded so the sum is exact */
    int given = 0;
    long rem[BANK_MAX_AREAS];
    int count[BANK_MAX_AREAS] = {0};
    for (int i = 0; i < b->n_questions; i++)
        count[b->questions[i].area]++;
    for (int ai = 0; ai < b->n_areas; ai++) {
        long share = (long)minutes * count[ai];
        s->agenda[ai].minutes = (int)(share / b->n_questions);
        rem[ai] = share % b->n_questions;
        given += s->agenda[ai].minutes;
    }
    while (given < minutes) {
        int best = 0;
        for (int ai = 1; ai < b->n_areas; ai++)
            if (rem[ai] > rem[best] || (rem[ai] == rem[best] && count[ai] > count[best]))
                best = ai;
        s->agenda[best].minutes++;
        rem[best] = -1;
        given++;
    }
    return KL_OK;
}

void session_add_spent(struct session *s, int ai, int64_t seconds)
{
    if (ai >= 0 && ai < s->n_agenda && seconds > 0)
        s->agenda[ai].spent += seconds;
}

/* --- sittings --- */

int session_add_sitting(struct session *s, int64_t start, int *k, struct diags *d)
{
    if (s->n_sittings >= SESSION_SITTINGS_MAX) {
        diags_add(d, NULL, 0, M_SES_TOO_MANY_SITTINGS, SESSION_SITTINGS_MAX);
        return KL_EUSAGE;
    }
    struct sitting *v = realloc(s->sittings, (size_t)(s->n_sittings + 1) * sizeof *v);
    if (!v)
        return KL_ENOMEM;
    s->sittings = v;
    memset(&v[s->n_sittings], 0, sizeof *v);
    v[s->n_sittings].start = start;
    if (k)
        *k = s->n_sittings;
    s->n_sittings++;
    return KL_OK;
}

int session_end_sitting(struct session *s, int k, int64_t end)
{
    if (k < 0 || k >= s->n_sittings || end < s->sittings[k].start)
        return KL_EUSAGE;
    s->sittings[k].end = end;
    return KL_OK;
}

int sitting_is_present(const struct sitting *t, int participant)
{
    for (int j = 0; j < t->n_present; j++)
        if (t->present[j] == participant + 1)
            return 1;
    return 0;
}

int session_set_present(struct session *s, int k, int participant, int present,
                        struct diags *d)
{
    if (k < 0 || k >= s->n_sittings) {
        diags_add(d, NULL, 0, M_SES_NO_SITTING, k + 1);
        return KL_EUSAGE;
    }
    int rc = check_participant(s, participant, d);
    if (rc)
        return rc;
    struct sitting *t = &s->sittings[k];
    int num = participant + 1, at = 0;
    while (at < t->n_present && t->present[at] < num)
        at++;
    int there = at < t->n_present && t->present[at] == num;
    if (present && !there) {
        int *v = realloc(t->present, (size_t)(t->n_present + 1) * sizeof *v);
        if (!v)
            return KL_ENOMEM;
        t->present = v;
        memmove(&v[at + 1], &v[at], (size_t)(t->n_present - at) * sizeof *v);
        v[at] = num;
        t->n_present++;
    } else if (!present && there) {
        memmove(&t->present[at], &t->present[at + 1],
                (size_t)(t->n_present - at - 1) * sizeof *t->present);
        t->n_present--;
    }
    return KL_OK;
}
