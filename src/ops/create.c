/* create.c: a new session file, for `kollen new` and the TUI's new-session form alike. */
#include <stdlib.h>
#include <string.h>

#include "kollen/msg.h"
#include "kollen/ops_msg.h"
#include "kollen/ops_paths.h"
#include "kollen/ops_workshop.h"
#include "kollen/text.h"

/* A participant added, a problem said as the participant's ("deltagaren: högst 200 deltagare"). */
static int participant(struct session *s, const char *name, const char *role, struct diags *d)
{
    struct diags pd;
    diags_init(&pd);
    int rc = session_add_participant(s, name, role, &pd);
    const struct diag *g = diags_first_error(&pd);
    if (rc && g)
        ops_diag(d, M_OPS_FIELD_PROBLEM, ops_msg(M_OPS_FIELD_PARTICIPANT), g->msg);
    else if (rc)
        diags_add(d, NULL, 0, M_SES_NO_MEMORY);
    diags_free(&pd);
    return rc;
}

/* "NAME:ROLE" split at the first ':', both trimmed. */
static int add_spec(struct session *s, const char *spec, struct diags *d)
{
    char *p = text_dup(spec);
    if (!p) {
        diags_add(d, NULL, 0, M_SES_NO_MEMORY);
        return KL_ENOMEM;
    }
    const char *name, *role;
    text_split_role(p, &name, &role);
    int rc = participant(s, name, role, d);
    free(p);
    return rc;
}

/* A name and a role, trimmed; without a name, nobody. */
static int add_person(struct session *s, const struct ops_person *pp, struct diags *d)
{
    char *name = text_dup(pp->name ? pp->name : "");
    char *role = text_dup(pp->role ? pp->role : "");
    int rc = KL_OK;
    if (!name || !role) {
        diags_add(d, NULL, 0, M_SES_NO_MEMORY);
        rc = KL_ENOMEM;
    } else if (*text_trim(name)) {
        rc = participant(s, name, text_trim(role), d);
    }
    free(name);
    free(role);
    return rc;
}

static int fill(struct session *s, const struct ops_new *n, struct diags *d)
{
    const char *org = n->organisation ? n->organisation : "";
    int rc = ops_check_field(M_OPS_FIELD_ORG, org, SESSION_FIELD_MAX, 0, d);
    if (!rc)
        rc = session_set_text(&s->organisation, org, SESSION_FIELD_MAX, d);
    if (!rc && n->facilitator && *n->facilitator &&
        !(rc = ops_check_field(M_OPS_FIELD_FACILITATOR, n->facilitator, SESSION_FIELD_MAX, 0, d)))
        rc = session_set_text(&s->facilitator, n->facilitator, SESSION_FIELD_MAX, d);
    for (int i = 0; !rc && n->participants && n->participants[i]; i++)
        rc = add_spec(s, n->participants[i], d);
    for (int i = 0; !rc && i < n->n_people; i++)
        rc = add_person(s, &n->people[i], d);
    if (!rc && n->companion && *n->companion)
        rc = session_set_companion(s, n->companion, d);
    return rc;
}

int ops_create(const char *questions_dir, const char *path, const struct ops_new *n, int64_t now,
               struct diags *d)
{
    struct bank *b = NULL;
    int rc = bank_load_id(questions_dir, n->bank_id ? n->bank_id : OPS_DEFAULT_BANK, &b, d);
    if (rc)
        return rc;
    char today[16];
    text_format_date(now, today, sizeof today);
    struct session *s = session_new(b, "", n->group, n->date ? n->date : today, now);
    if (!s) {
        diags_add(d, NULL, 0, M_SES_NO_MEMORY);
        rc = KL_ENOMEM;
    }
    if (!rc)
        rc = fill(s, n, d);
    if (!rc && n->minutes)
        rc = session_set_minutes(s, b, n->minutes, 1, d);
    if (!rc && n->make_dir)
        rc = ops_sessions_dir_make(n->make_dir, d);
    if (!rc)
        rc = session_save(path, b, s, 1, d);
    if (!rc)
        store_check_private(path, d);
    session_free(s);
    bank_free(b);
    return rc;
}
