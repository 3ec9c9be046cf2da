/* edit.c: the session's own records changed after creation (kollen edit, the TUI's session
 * screen): every part applied to a copy with the core's validated setters, the copy put in
 * place only when all of them hold. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kollen/msg.h"
#include "kollen/ops_edit.h"
#include "kollen/ops_msg.h"
#include "kollen/store.h"
#include "kollen/text.h"

int ops_parse_period(const char *text, char *from, char *to)
{
    const char *dots = text ? strstr(text, "..") : NULL;
    if (!dots || dots - text != 10 || strlen(dots + 2) != 10)
        return -1;
    memcpy(from, text, 10);
    from[10] = '\0';
    memcpy(to, dots + 2, 11);
    return text_valid_date(from) && text_valid_date(to) ? 0 : -1;
}

/* "NAME:ROLE": a new participant, or the role of one the session has. */
static int add_participant(struct session *s, const char *spec, struct diags *d)
{
    char *p = text_dup(spec);
    if (!p) {
        diags_add(d, NULL, 0, M_SES_NO_MEMORY);
        return KL_ENOMEM;
    }
    const char *name, *role;
    text_split_role(p, &name, &role);
    int k = session_find_participant(s, name), rc;
    if (!*name) {
        diags_add(d, NULL, 0, M_SES_EMPTY_NAME);
        rc = KL_EUSAGE;
    } else if (k >= 0) {
        rc = session_edit_participant(s, k, NULL, role, d);
    } else {
        rc = session_add_participant(s, name, role, d);
    }
    free(p);
    return rc;
}

static int remove_participant(struct session *s, const char *name, struct diags *d)
{
    int k = session_find_participant(s, name);
    if (k < 0) {
        ops_diag(d, M_OPS_NO_SUCH_PARTICIPANT, name);
        return KL_EUSAGE;
    }
    return session_remove_participant(s, k, d);
}

/* "AREA=MINUTES" or "MINUTES". */
static int agenda_item(struct session *s, const struct bank *b, const char *spec,
                       struct diags *d)
{
    const char *eq = strchr(spec, '=');
    long minutes;
    if (text_parse_int(eq ? eq + 1 : spec, 0, SESSION_MINUTES_MAX, &minutes)) {
        ops_diag(d, M_OPS_BAD_AGENDA, spec, SESSION_MINUTES_MAX);
        return KL_EUSAGE;
    }
    if (!eq)
        return session_set_minutes(s, b, (int)minutes, 1, d);
    char id[128];
    snprintf(id, sizeof id, "%.*s", (int)(eq - spec < 127 ? eq - spec : 127), spec);
    int ai = bank_find_area(b, text_trim(id));
    if (ai < 0) {
        struct sbuf ids;
        sbuf_init(&ids);
        for (int i = 0; i < b->n_areas; i++)
            sbuf_addf(&ids, "%s%s", i ? ", " : "", b->areas[i].id);
        ops_diag(d, M_OPS_NO_SUCH_AREA, id, ids.p ? ids.p : "");
        sbuf_free(&ids);
        return KL_EUSAGE;
    }
    return session_set_agenda(s, ai, (int)minutes, d);
}

/* The plan as a whole: its minutes spread (or none at all), then one area's minutes. */
static int agenda(struct session *s, const struct bank *b, const struct ops_edit *e,
                  struct diags *d)
{
    int rc = KL_OK;
    if (e->minutes < 0) {
        s->minutes = 0;
        for (int ai = 0; ai < s->n_agenda; ai++)
            s->agenda[ai].minutes = 0;
    } else if (e->minutes > 0) {
        rc = session_set_minutes(s, b, e->minutes, 1, d);
    }
    for (int i = 0; !rc && e->agenda && e->agenda[i]; i++)
        rc = agenda_item(s, b, e->agenda[i], d);
    if (!rc && e->area) {
        if (e->area < 1 || e->area > s->n_agenda) {
            ops_diag(d, M_OPS_NO_SUCH_AREA, "?", "");
            rc = KL_EUSAGE;
        } else {
            rc = session_set_agenda(s, e->area - 1, e->area_minutes, d);
        }
    }
    return rc;
}

static int period(struct session *s, const char *text, struct diags *d)
{
    if (!*text)
        return session_set_period(s, NULL, NULL, d);
    char from[16], to[16];
    if (ops_parse_period(text, from, to)) {
        ops_diag(d, M_OPS_BAD_PERIOD, text);
        return KL_EUSAGE;
    }
    return session_set_period(s, from, to, d);
}

/* Who and when: organisation, facilitator, date and the participants. */
static int people(struct session *s, const struct ops_edit *e, struct diags *d)
{
    int rc = KL_OK;
    if (e->organisation) {
        char *org = text_dup(e->organisation);
        if (!org) {
            diags_add(d, NULL, 0, M_SES_NO_MEMORY);
            return KL_ENOMEM;
        }
        if (!*text_trim(org)) {
            ops_diag(d, M_OPS_ORG_EMPTY);
            rc = KL_EUSAGE;
        } else {
            rc = session_set_text(&s->organisation, org, SESSION_FIELD_MAX, d);
        }
        free(org);
    }
    if (!rc && e->facilitator)
        rc = session_set_text(&s->facilitator, e->facilitator, SESSION_FIELD_MAX, d);
    if (!rc && e->date)
        rc = session_set_date_field(&s->date, e->date, 1, d);
    if (!rc && e->participant)
        rc = session_edit_participant(s, e->participant - 1, e->name, e->role, d);
    for (int i = 0; !rc && e->remove && e->remove[i]; i++)
        rc = remove_participant(s, e->remove[i], d);
    for (int i = 0; !rc && e->add && e->add[i]; i++)
        rc = add_participant(s, e->add[i], d);
    return rc;
}

static int apply(struct session *s, const struct bank *b, const struct ops_edit *e,
                 struct diags *d)
{
    int rc = people(s, e, d);
    if (!rc && e->period)
        rc = period(s, e->period, d);
    if (!rc && e->summary)
        rc = session_set_summary(s, e->summary, d);
    if (!rc && e->management_seen)
        rc = session_set_date_field(&s->management_seen, e->management_seen, 0, d);
    if (!rc)
        rc = agenda(s, b, e, d);
    if (!rc && e->theme)
        rc = session_set_theme(s, e->theme, d);
    return rc;
}

/* The two sessions as they would be written: the same text, the same session. */
static int same_session(const struct bank *b, const struct session *x, const struct session *y)
{
    char *fx = session_format(b, x), *fy = session_format(b, y);
    int same = fx && fy && !strcmp(fx, fy);
    free(fx);
    free(fy);
    return same;
}

int ops_edit(struct workshop *w, const struct ops_edit *e, int64_t now, struct ops_result *res,
             struct diags *d)
{
    memset(res, 0, sizeof *res);
    res->question = -1;
    if (w->read_only) {
        ops_diag(d, M_OPS_READ_ONLY);
        return KL_EUSAGE;
    }
    struct session *copy = session_dup(w->ses);
    if (!copy) {
        diags_add(d, NULL, 0, M_SES_NO_MEMORY);
        return KL_ENOMEM;
    }
    int rc = apply(copy, w->bank, e, d);
    if (rc) {
        session_free(copy);
        return rc;
    }
    res->changed = !same_session(w->bank, w->ses, copy);
    if (!res->changed) {
        session_free(copy);
        return KL_OK;
    }
    copy->modified = now;
    session_free(w->ses);
    w->ses = copy;
    ops_rescore(w);
    res->saved = ops_save(w, now, d) ? -1 : 1;
    return KL_OK;
}
