/* session_io.c: session files: reading (validated, line-numbered), writing (stable order,
 * percent-encoded free text, unknown keys kept), saving atomically. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ini.h"
#include "kollen/msg.h"
#include "kollen/store.h"
#include "kollen/text.h"

#define SESSION_FORMAT 1
/* encoded bytes per numbered key: even if every byte were a space written %20 at a part's
 * edge, 3 * CHUNK plus the key stays under INI_LINE_MAX */
#define CHUNK 300

struct rctx {
    const struct ini *ini;
    struct diags *d;
    int oom;
};

static void bad(struct rctx *c, const struct ini_section *s, const char *key, const char *value)
{
    char shown[80];
    snprintf(shown, sizeof shown, "%.70s", value ? value : "");
    diags_add(c->d, c->ini->file, ini_line(s, key), M_SES_BAD_VALUE, s->name, key, shown);
}

/* A decoded one-line text field, checked against max; NULL (and a message) when bad. */
static char *field(struct rctx *c, const struct ini_section *s, const char *key, size_t max,
                   int required)
{
    const char *raw = ini_raw(s, key);
    if (!raw) {
        if (required)
            diags_add(c->d, c->ini->file, ini_line(s, NULL), M_SES_MISSING_KEY, s->name, key);
        return required ? NULL : text_dup("");
    }
    char *v = text_percent_decode(raw);
    if (!v) {
        c->oom = 1;
        return NULL;
    }
    struct diags tmp;
    diags_init(&tmp);
    if (session_check_text(v, max, 0, &tmp)) {
        diags_add(c->d, c->ini->file, ini_line(s, key), M_SES_BAD_VALUE, s->name, key,
                  tmp.n ? tmp.v[0].msg : "");
        free(v);
        v = NULL;
    }
    diags_free(&tmp);
    return v;
}

/* Multi-line text from numbered parts (note.1, note.2 ...). */
static char *parts(struct rctx *c, const struct ini_section *s, const char *key, size_t max,
                   int newlines, int *failed)
{
    int err;
    *failed = 0;
    char *v = ini_parts(c->ini, s, key, c->d, &err);
    if (err) {
        *failed = 1;
        c->oom |= err == KL_ENOMEM;
        return NULL;
    }
    if (!v)
        return NULL;
    struct diags tmp;
    diags_init(&tmp);
    if (session_check_text(v, max, newlines, &tmp)) {
        char first[48];
        snprintf(first, sizeof first, "%s.1", key);
        diags_add(c->d, c->ini->file, ini_line(s, first), M_SES_BAD_VALUE, s->name, key,
                  tmp.n ? tmp.v[0].msg : "");
        free(v);
        v = NULL;
        *failed = 1;
    }
    diags_free(&tmp);
    return v;
}

static int yesno(struct rctx *c, const struct ini_section *s, const char *key)
{
    const char *v = ini_raw(s, key);
    if (!v || !strcmp(v, "no"))
        return 0;
    if (!strcmp(v, "yes"))
        return 1;
    bad(c, s, key, v);
    return 0;
}

static int64_t timestamp(struct rctx *c, const struct ini_section *s, const char *key)
{
    const char *v = ini_raw(s, key);
    int64_t t = 0;
    if (v && text_parse_time(v, &t)) {
        bad(c, s, key, v);
        t = 0;
    }
    return t;
}

/* An optional date: NULL when absent, a message when malformed. */
static char *date_field(struct rctx *c, const struct ini_section *s, const char *key)
{
    const char *raw = ini_raw(s, key);
    if (!raw)
        return NULL;
    if (!text_valid_date(raw)) {
        bad(c, s, key, raw);
        return NULL;
    }
    char *v = text_dup(raw);
    c->oom |= !v;
    return v;
}

/* An optional number in [lo, hi]; 0 when absent or malformed (with a message). */
static long number(struct rctx *c, const struct ini_section *s, const char *key, long lo, long hi)
{
    const char *raw = ini_raw(s, key);
    long v = 0;
    if (raw && text_parse_int(raw, lo, hi, &v)) {
        bad(c, s, key, raw);
        v = 0;
    }
    return v;
}

static int kv_add(struct kvlist *l, const char *key, const char *value)
{
    struct kv *v = realloc(l->v, (size_t)(l->n + 1) * sizeof *v);
    if (!v)
        return -1;
    l->v = v;
    v[l->n].key = text_dup(key);
    v[l->n].value = text_dup(value);
    if (!v[l->n].key || !v[l->n].value) {
        free(v[l->n].key);
        free(v[l->n].value);
        return -1;
    }
    l->n++;
    return 0;
}

/* Is key one of the known ones: exact, or name.N for the numbered ones? */
static int known(const char *key, const char *const *exact, const char *const *numbered)
{
    for (const char *const *e = exact; *e; e++)
        if (!strcmp(key, *e))
            return 1;
    for (const char *const *n = numbered; *n; n++) {
        size_t len = strlen(*n);
        long v;
        if (!strncmp(key, *n, len) && key[len] == '.' && !text_parse_int(key + len + 1, 1, 100000, &v))
            return 1;
    }
    return 0;
}

static void keep_unknown(struct rctx *c, const struct ini_section *s, struct kvlist *l,
                         const char *const *exact, const char *const *numbered)
{
    for (int i = 0; i < s->n_keys; i++)
        if (!known(s->keys[i].name, exact, numbered) &&
            kv_add(l, s->keys[i].name, s->keys[i].value))
            c->oom = 1;
}

/* The session-level records: period, summary, management_seen, theme, companion, minutes. */
static void read_session_records(struct rctx *c, const struct ini_section *s,
                                 struct session *ses)
{
    const char *per = ini_raw(s, "period");
    if (per) {
        const char *dots = strstr(per, "..");
        char from[16] = "", to[16] = "";
        if (dots && dots - per == 10 && strlen(dots + 2) == 10) {
            memcpy(from, per, 10);
            memcpy(to, dots + 2, 10);
        }
        struct diags tmp;
        diags_init(&tmp);
        if (!from[0] || session_set_period(ses, from, to, &tmp))
            bad(c, s, "period", per);
        diags_free(&tmp);
    }
    int failed;
    ses->summary = parts(c, s, "summary", SESSION_SUMMARY_MAX, 1, &failed);
    ses->management_seen = date_field(c, s, "management_seen");
    const char *theme = ini_raw(s, "theme");
    if (theme) {
        struct diags tmp;
        diags_init(&tmp);
        if (session_set_theme(ses, theme, &tmp))
            bad(c, s, "theme", theme);
        diags_free(&tmp);
    }
    if (ini_raw(s, "companion")) {
        ses->companion = field(c, s, "companion", SESSION_FIELD_MAX, 1);
        if (ses->companion && !*ses->companion) {
            free(ses->companion);
            ses->companion = NULL;
        }
    }
    ses->minutes = (int)number(c, s, "minutes", 0, SESSION_MINUTES_MAX);
}

/* [agenda.AREA]: minutes planned and seconds spent on one work area. */
static void read_agenda(struct rctx *c, const struct ini_section *s, const struct bank *b,
                        struct session *ses, const char *id)
{
    int ai = bank_find_area(b, id);
    if (ai < 0 || ai >= ses->n_agenda) {
        diags_add(c->d, c->ini->file, s->line, M_SES_UNKNOWN_AREA, id, b->id);
        return;
    }
    ses->agenda[ai].minutes = (int)number(c, s, "minutes", 0, SESSION_MINUTES_MAX);
    ses->agenda[ai].spent = number(c, s, "spent", 0, 100L * 365 * 24 * 3600);
    static const char *const exact[] = {"minutes", "spent", NULL};
    static const char *const numbered[] = {NULL};
    for (int i = 0; i < s->n_keys; i++)
        if (!known(s->keys[i].name, exact, numbered))
            diags_add(c->d, c->ini->file, s->keys[i].line, M_SES_BAD_VALUE, s->name,
                      s->keys[i].name, s->keys[i].value);
}

/* "1,3,4": participant numbers, ascending, each one a participant of the session. */
static int parse_present(const char *v, int n_participants, struct sitting *t)
{
    if (!*v)
        return 0;
    const char *p = v;
    int last = 0;
    while (*p) {
        char num[8];
        size_t len = strcspn(p, ",");
        long k;
        if (len == 0 || len >= sizeof num)
            return -1;
        memcpy(num, p, len);
        num[len] = '\0';
        if (text_parse_int(num, 1, n_participants, &k) || k <= last)
            return -1;
        int *nv = realloc(t->present, (size_t)(t->n_present + 1) * sizeof *nv);
        if (!nv)
            return -2;
        t->present = nv;
        nv[t->n_present++] = (int)k;
        last = (int)k;
        p += len;
        if (*p == ',' && *++p == '\0')
            return -1;
    }
    return 0;
}

/* [sitting.N]: one meeting of the workshop. Read after the participants it names. */
static void read_sitting(struct rctx *c, const struct ini_section *s, struct session *ses)
{
    if (ses->n_sittings >= SESSION_SITTINGS_MAX) {
        diags_add(c->d, c->ini->file, s->line, M_SES_TOO_MANY_SITTINGS, SESSION_SITTINGS_MAX);
        return;
    }
    int k;
    if (!ini_raw(s, "start")) {
        diags_add(c->d, c->ini->file, ini_line(s, NULL), M_SES_MISSING_KEY, s->name, "start");
        return;
    }
    if (session_add_sitting(ses, timestamp(c, s, "start"), &k, NULL)) {
        c->oom = 1;
        return;
    }
    struct sitting *t = &ses->sittings[k];
    t->end = timestamp(c, s, "end");
    if (t->end && t->end < t->start)
        bad(c, s, "end", ini_raw(s, "end"));
    const char *pres = ini_raw(s, "present");
    if (pres) {
        int rc = parse_present(pres, ses->n_participants, t);
        if (rc == -2)
            c->oom = 1;
        else if (rc)
            bad(c, s, "present", pres);
    }
    static const char *const exact[] = {"start", "end", "present", NULL};
    static const char *const numbered[] = {NULL};
    for (int i = 0; i < s->n_keys; i++)
        if (!known(s->keys[i].name, exact, numbered))
            diags_add(c->d, c->ini->file, s->keys[i].line, M_SES_BAD_VALUE, s->name,
                      s->keys[i].name, s->keys[i].value);
}

static void read_session_section(struct rctx *c, const struct ini_section *s,
                                 const struct bank *b, struct session *ses)
{
    long fmt = 0;
    const char *v = ini_raw(s, "format");
    if (!v || text_parse_int(v, 1, 1000000, &fmt)) {
        if (!v)
            diags_add(c->d, c->ini->file, ini_line(s, NULL), M_SES_MISSING_KEY, s->name, "format");
        else
            bad(c, s, "format", v);
    } else if (fmt > SESSION_FORMAT) {
        diags_add(c->d, c->ini->file, ini_line(s, "format"), M_SES_FORMAT_NEWER, fmt,
                  SESSION_FORMAT);
    }
    ses->format = SESSION_FORMAT;
    ses->bank_id = field(c, s, "bank", SESSION_FIELD_MAX, 1);
    if (ses->bank_id && b && strcmp(ses->bank_id, b->id) != 0)
        diags_add(c->d, c->ini->file, ini_line(s, "bank"), M_SES_WRONG_BANK, ses->bank_id, b->id);
    ses->organisation = field(c, s, "organisation", SESSION_FIELD_MAX, 1);
    const char *g = ini_raw(s, "group");
    int gi = g ? group_parse(g) : -1;
    if (gi < 0) {
        if (g)
            diags_add(c->d, c->ini->file, ini_line(s, "group"), M_SES_BAD_GROUP, g);
        else
            diags_add(c->d, c->ini->file, ini_line(s, NULL), M_SES_MISSING_KEY, s->name, "group");
    } else {
        ses->group = (enum actor_group)gi;
    }
    ses->date = field(c, s, "date", 10, 1);
    if (ses->date && !text_valid_date(ses->date))
        bad(c, s, "date", ses->date);
    ses->facilitator = field(c, s, "facilitator", SESSION_FIELD_MAX, 0);
    ses->created = timestamp(c, s, "created");
    ses->modified = timestamp(c, s, "modified");
    const char *cur = ini_raw(s, "cursor");
    long cv = 0;
    if (cur && (text_parse_int(cur, 0, BANK_MAX_QUESTIONS, &cv) ||
                (cv && b && bank_find_question(b, (int)cv) < 0)))
        bad(c, s, "cursor", cur);
    ses->cursor = (int)cv;
    read_session_records(c, s, ses);
    static const char *const exact[] = {"format", "bank", "organisation", "group", "date",
                                        "facilitator", "created", "modified", "cursor",
                                        "period", "management_seen", "theme", "companion",
                                        "minutes", NULL};
    static const char *const numbered[] = {"summary", NULL};
    keep_unknown(c, s, &ses->extra, exact, numbered);
}

static void read_participant(struct rctx *c, const struct ini_section *s, struct session *ses)
{
    if (ses->n_participants >= SESSION_PARTICIPANTS_MAX) {
        diags_add(c->d, c->ini->file, s->line, M_SES_TOO_MANY_PARTICIPANTS,
                  SESSION_PARTICIPANTS_MAX);
        return;
    }
    char *name = field(c, s, "name", SESSION_FIELD_MAX, 1);
    char *role = field(c, s, "role", SESSION_FIELD_MAX, 0);
    if (name && role) {
        struct participant *v =
            realloc(ses->participants, (size_t)(ses->n_participants + 1) * sizeof *v);
        if (v) {
            ses->participants = v;
            v[ses->n_participants].name = name;
            v[ses->n_participants].role = role;
            ses->n_participants++;
            return;
        }
        c->oom = 1;
    }
    free(name);
    free(role);
}

/* dissent.N (the view) with dissent_by.N (who holds it), numbered from 1 without gaps. */
static void read_dissent(struct rctx *c, const struct ini_section *s, struct answer *a)
{
    int nd = 0;
    for (int i = 0; i < s->n_keys; i++) {
        const char *k = s->keys[i].name;
        long v;
        if ((!strncmp(k, "dissent.", 8) && !text_parse_int(k + 8, 1, 100000, &v)) ||
            (!strncmp(k, "dissent_by.", 11) && !text_parse_int(k + 11, 1, 100000, &v)))
            if (v > nd)
                nd = (int)v;
    }
    if (nd > SESSION_DISSENT_COUNT) {
        diags_add(c->d, c->ini->file, s->line, M_SES_TOO_MANY_DISSENT, SESSION_DISSENT_COUNT);
        return;
    }
    for (int k = 1; k <= nd; k++) {
        char kv[32], kw[32];
        snprintf(kv, sizeof kv, "dissent.%d", k);
        snprintf(kw, sizeof kw, "dissent_by.%d", k);
        if (!ini_raw(s, kv) || !ini_raw(s, kw)) {
            const char *missing = ini_raw(s, kv) ? "dissent_by" : "dissent";
            diags_add(c->d, c->ini->file, ini_line(s, ini_raw(s, kv) ? kv : kw), M_SES_GAP,
                      s->name, missing, k, ini_raw(s, kv) ? "dissent" : "dissent_by", k);
            return;
        }
        char *view = field(c, s, kv, SESSION_DISSENT_MAX, 1);
        char *who = field(c, s, kw, SESSION_FIELD_MAX, 1);
        struct dissent *v = (view && who && *view && *who)
                                ? realloc(a->dissent, (size_t)(a->n_dissent + 1) * sizeof *v)
                                : NULL;
        if (v) {
            a->dissent = v;
            v[a->n_dissent].who = who;
            v[a->n_dissent].view = view;
            a->n_dissent++;
            continue;
        }
        if (view && who && *view && *who)
            c->oom = 1;
        else if (view && who)
            bad(c, s, *view ? kw : kv, "");
        free(view);
        free(who);
        return;
    }
}

/* agreed, parked and its reason, dissent, and the tracked plan step. */
static void read_answer_records(struct rctx *c, const struct ini_section *s, struct answer *a)
{
    a->agreed = yesno(c, s, "agreed");
    a->parked = yesno(c, s, "parked");
    if (ini_raw(s, "park_reason")) {
        a->park_reason = field(c, s, "park_reason", SESSION_REASON_MAX, 1);
        if (a->park_reason && (!*a->park_reason || !a->parked)) {
            if (!a->parked)
                bad(c, s, "park_reason", ini_raw(s, "park_reason"));
            free(a->park_reason);
            a->park_reason = NULL;
        }
    }
    read_dissent(c, s, a);
    if (ini_raw(s, "owner")) {
        a->owner = field(c, s, "owner", SESSION_FIELD_MAX, 1);
        if (a->owner && !*a->owner) {
            free(a->owner);
            a->owner = NULL;
        }
    }
    a->due = date_field(c, s, "due");
    const char *st = ini_raw(s, "status");
    if (st) {
        int v = step_status_parse(st);
        if (v < 0)
            diags_add(c->d, c->ini->file, ini_line(s, "status"), M_SES_BAD_STATUS, st);
        else
            a->status = (enum step_status)v;
    }
}

static void read_answer(struct rctx *c, const struct ini_section *s, const struct bank *b,
                        struct session *ses, const char *num)
{
    long n;
    int qi = text_parse_int(num, 1, BANK_MAX_QUESTIONS, &n) ? -1 : bank_find_question(b, (int)n);
    if (qi < 0) {
        diags_add(c->d, c->ini->file, s->line, M_SES_UNKNOWN_QUESTION, num, b->id);
        return;
    }
    const struct question *q = &b->questions[qi];
    struct answer *a = &ses->answers[qi];
    const char *v = ini_raw(s, "value");
    if (v) {
        struct diags tmp;
        diags_init(&tmp);
        if (answer_parse(q, v, a, &tmp))
            diags_add(c->d, c->ini->file, ini_line(s, "value"), M_SES_BAD_VALUE, s->name, "value",
                      tmp.n ? tmp.v[0].msg : v);
        diags_free(&tmp);
    }
    a->documented = yesno(c, s, "documented");
    a->followup = yesno(c, s, "followup");
    a->changed = timestamp(c, s, "changed");
    int failed;
    a->note = parts(c, s, "note", SESSION_NOTE_MAX, 1, &failed);
    int ne = 0;
    for (int i = 0; i < s->n_keys; i++) {
        long k;
        if (!strncmp(s->keys[i].name, "evidence.", 9) &&
            !text_parse_int(s->keys[i].name + 9, 1, 100000, &k) && k > ne)
            ne = (int)k;
    }
    if (ne > SESSION_EVIDENCE_COUNT) {
        diags_add(c->d, c->ini->file, s->line, M_SES_TOO_MANY_EVIDENCE, SESSION_EVIDENCE_COUNT);
        ne = 0;
    }
    if (ne) {
        a->evidence = calloc((size_t)ne, sizeof *a->evidence);
        if (!a->evidence)
            c->oom = 1;
        for (int k = 0; k < ne && a->evidence; k++) {
            char key[32];
            snprintf(key, sizeof key, "evidence.%d", k + 1);
            if (!ini_raw(s, key)) {
                char last[32];
                snprintf(last, sizeof last, "evidence.%d", ne);
                diags_add(c->d, c->ini->file, ini_line(s, last), M_SES_GAP, s->name, "evidence",
                          k + 1, "evidence", ne);
                break;
            }
            a->evidence[k] = field(c, s, key, SESSION_EVIDENCE_MAX, 1);
            if (!a->evidence[k])
                break;
            a->n_evidence = k + 1;
        }
    }
    read_answer_records(c, s, a);
    static const char *const exact[] = {"value",       "documented", "followup", "changed",
                                        "agreed",      "parked",     "park_reason", "owner",
                                        "due",         "status",     NULL};
    static const char *const numbered[] = {"note", "evidence", "dissent", "dissent_by", NULL};
    keep_unknown(c, s, &a->extra, exact, numbered);
}

static int from_ini(const struct ini *ini, const struct bank *b, struct session **out,
                    struct diags *d)
{
    *out = NULL;
    size_t errors_before = diags_errors(d);
    struct rctx c = {ini, d, 0};
    int sittings = 0;
    struct session *ses = calloc(1, sizeof *ses);
    if (!ses)
        return KL_ENOMEM;
    ses->n_answers = b->n_questions;
    ses->answers = calloc((size_t)(b->n_questions ? b->n_questions : 1), sizeof *ses->answers);
    ses->n_agenda = b->n_areas;
    ses->agenda = calloc((size_t)(b->n_areas ? b->n_areas : 1), sizeof *ses->agenda);
    if (!ses->answers || !ses->agenda) {
        session_free(ses);
        return KL_ENOMEM;
    }
    const struct ini_section *main = ini_section(ini, "session");
    if (!main) {
        diags_add(d, ini->file, 0, M_SES_MISSING_KEY, "session", "format");
    } else {
        read_session_section(&c, main, b, ses);
    }
    for (int i = 0; i < ini->n_sections && !c.oom; i++) {
        const struct ini_section *s = &ini->sections[i];
        if (s == main)
            continue;
        if (!strncmp(s->name, "participant.", 12)) {
            read_participant(&c, s, ses);
        } else if (!strncmp(s->name, "answer.", 7)) {
            read_answer(&c, s, b, ses, s->name + 7);
        } else if (!strncmp(s->name, "agenda.", 7)) {
            read_agenda(&c, s, b, ses, s->name + 7);
        } else if (!strncmp(s->name, "sitting.", 8)) {
            sittings = 1;
        } else {
            struct section_extra *v =
                realloc(ses->sections, (size_t)(ses->n_sections + 1) * sizeof *v);
            if (!v) {
                c.oom = 1;
                break;
            }
            ses->sections = v;
            struct section_extra *e = &v[ses->n_sections++];
            memset(e, 0, sizeof *e);
            if (!(e->name = text_dup(s->name)))
                c.oom = 1;
            for (int k = 0; k < s->n_keys && !c.oom; k++)
                if (kv_add(&e->kv, s->keys[k].name, s->keys[k].value))
                    c.oom = 1;
        }
    }
    /* sittings name participants by number: read them once every participant is known */
    for (int i = 0; sittings && i < ini->n_sections && !c.oom; i++)
        if (!strncmp(ini->sections[i].name, "sitting.", 8))
            read_sitting(&c, &ini->sections[i], ses);
    if (c.oom) {
        session_free(ses);
        return KL_ENOMEM;
    }
    if (diags_errors(d) > errors_before) {
        session_free(ses);
        return KL_EDATA;
    }
    *out = ses;
    return KL_OK;
}

int session_parse(const char *name, const char *buf, size_t n, const struct bank *b,
                  struct session **out, struct diags *d)
{
    struct ini *ini;
    *out = NULL;
    int rc = ini_parse(name, buf, n, &ini, d);
    if (rc)
        return rc;
    rc = from_ini(ini, b, out, d);
    ini_free(ini);
    return rc;
}

int session_load(const char *path, const struct bank *b, struct session **out, struct diags *d)
{
    struct ini *ini;
    *out = NULL;
    int rc = ini_load(path, &ini, d);
    if (rc)
        return rc;
    rc = from_ini(ini, b, out, d);
    ini_free(ini);
    return rc;
}

static char *bank_id_of(const struct ini *ini, struct diags *d, int *rc)
{
    const struct ini_section *s = ini_section(ini, "session");
    const char *v = s ? ini_raw(s, "bank") : NULL;
    if (!v) {
        diags_add(d, ini->file, s ? s->line : 0, M_SES_MISSING_KEY, "session", "bank");
        *rc = KL_EDATA;
        return NULL;
    }
    char *id = text_percent_decode(v);
    *rc = id ? KL_OK : KL_ENOMEM;
    return id;
}

int session_read_bank_id(const char *path, char **id, struct diags *d)
{
    struct ini *ini;
    *id = NULL;
    int rc = ini_load(path, &ini, d);
    if (rc)
        return rc;
    *id = bank_id_of(ini, d, &rc);
    ini_free(ini);
    return rc;
}

int session_open(const char *path, const char *questions_dir, struct bank **bank,
                 struct session **out, struct diags *d)
{
    struct ini *ini;
    *bank = NULL;
    *out = NULL;
    int rc = ini_load(path, &ini, d);
    if (rc)
        return rc;
    char *id = bank_id_of(ini, d, &rc);
    if (!rc)
        rc = bank_load_id(questions_dir, id, bank, d);
    if (!rc) {
        rc = from_ini(ini, *bank, out, d);
        if (rc) {
            bank_free(*bank);
            *bank = NULL;
        }
    }
    free(id);
    ini_free(ini);
    return rc;
}

/* --- writing --- */

static void put(struct sbuf *o, const char *key, const char *value)
{
    sbuf_add(o, key);
    sbuf_add(o, " = ");
    text_percent_encode(o, value, strlen(value));
    sbuf_addc(o, '\n');
}

static void put_raw(struct sbuf *o, const char *key, const char *raw)
{
    sbuf_addf(o, "%s = %s\n", key, raw);
}

/* Free text over numbered keys: a new key after each line break and every CHUNK bytes,
 * never inside a %XX escape, so each line of a note is its own line in the file. */
static void put_parts(struct sbuf *o, const char *key, const char *text)
{
    struct sbuf enc;
    sbuf_init(&enc);
    text_percent_encode(&enc, text, strlen(text));
    if (enc.oom) {
        o->oom = 1;
        sbuf_free(&enc);
        return;
    }
    size_t i = 0, part = 1;
    while (i < enc.len) {
        size_t end = i, limit = i + CHUNK < enc.len ? i + CHUNK : enc.len;
        while (end < limit) {
            size_t step = enc.p[end] == '%' ? 3 : 1;
            if (end + step > limit && end > i)
                break;
            end += step;
            if (step == 3 && !strncmp(enc.p + end - 3, "%0A", 3))
                break;
        }
        /* do not split a UTF-8 sequence either: step back to a lead byte */
        while (end < enc.len && end > i + 1 && ((unsigned char)enc.p[end] & 0xC0) == 0x80)
            end--;
        /* iniparser trims a value: spaces at either end of a part are written %20 */
        size_t a = i, z = end;
        sbuf_addf(o, "%s.%zu = ", key, part++);
        while (a < z && enc.p[a] == ' ')
            sbuf_add(o, "%20"), a++;
        size_t trail = 0;
        while (z > a && enc.p[z - 1] == ' ')
            z--, trail++;
        sbuf_addn(o, enc.p + a, z - a);
        while (trail--)
            sbuf_add(o, "%20");
        sbuf_addc(o, '\n');
        i = end;
    }
    sbuf_free(&enc);
}

static void put_extra(struct sbuf *o, const struct kvlist *l)
{
    for (int i = 0; i < l->n; i++)
        put_raw(o, l->v[i].key, l->v[i].value);
}

static int answer_has_record(const struct answer *a)
{
    return a->answered || (a->note && *a->note) || a->n_evidence || a->documented ||
           a->followup || a->agreed || a->parked || a->n_dissent || a->owner || a->due ||
           a->status || a->extra.n;
}

static void put_session_records(struct sbuf *o, const struct session *s)
{
    if (s->period_from && s->period_to)
        sbuf_addf(o, "period = %s..%s\n", s->period_from, s->period_to);
    if (s->management_seen)
        put(o, "management_seen", s->management_seen);
    if (s->theme)
        put(o, "theme", s->theme);
    if (s->companion)
        put(o, "companion", s->companion);
    if (s->minutes)
        sbuf_addf(o, "minutes = %d\n", s->minutes);
    if (s->summary && *s->summary)
        put_parts(o, "summary", s->summary);
}

static void put_sittings_agenda(struct sbuf *o, const struct bank *b, const struct session *s)
{
    char tbuf[32];
    for (int i = 0; i < s->n_sittings; i++) {
        const struct sitting *t = &s->sittings[i];
        sbuf_addf(o, "\n[sitting.%d]\n", i + 1);
        text_format_time(t->start, tbuf, sizeof tbuf);
        put(o, "start", tbuf);
        if (t->end) {
            text_format_time(t->end, tbuf, sizeof tbuf);
            put(o, "end", tbuf);
        }
        if (t->n_present) {
            sbuf_add(o, "present = ");
            for (int j = 0; j < t->n_present; j++)
                sbuf_addf(o, j ? ",%d" : "%d", t->present[j]);
            sbuf_addc(o, '\n');
        }
    }
    for (int ai = 0; ai < s->n_agenda && ai < b->n_areas; ai++) {
        const struct agenda_item *g = &s->agenda[ai];
        if (!g->minutes && !g->spent)
            continue;
        sbuf_addf(o, "\n[agenda.%s]\n", b->areas[ai].id);
        if (g->minutes)
            sbuf_addf(o, "minutes = %d\n", g->minutes);
        if (g->spent)
            sbuf_addf(o, "spent = %lld\n", (long long)g->spent);
    }
}

static void put_answer_records(struct sbuf *o, const struct answer *a)
{
    if (a->agreed)
        put(o, "agreed", "yes");
    if (a->parked) {
        put(o, "parked", "yes");
        if (a->park_reason)
            put(o, "park_reason", a->park_reason);
    }
    for (int k = 0; k < a->n_dissent; k++) {
        char key[32];
        snprintf(key, sizeof key, "dissent_by.%d", k + 1);
        put(o, key, a->dissent[k].who);
        snprintf(key, sizeof key, "dissent.%d", k + 1);
        put(o, key, a->dissent[k].view);
    }
    if (a->owner)
        put(o, "owner", a->owner);
    if (a->due)
        put(o, "due", a->due);
    if (a->status)
        put(o, "status", step_status_name(a->status));
}

char *session_format(const struct bank *b, const struct session *s)
{
    struct sbuf o;
    char tbuf[32];
    sbuf_init(&o);
    sbuf_add(&o, "; kollen session file. Free text is percent-encoded (%3B is ;), see\n"
                 "; docs/session-format.md. Saved by kollen after every change.\n");
    sbuf_add(&o, "[session]\n");
    sbuf_addf(&o, "format = %d\n", SESSION_FORMAT);
    put(&o, "bank", s->bank_id);
    put(&o, "organisation", s->organisation);
    put(&o, "group", group_name(s->group));
    put(&o, "date", s->date);
    put(&o, "facilitator", s->facilitator ? s->facilitator : "");
    text_format_time(s->created, tbuf, sizeof tbuf);
    put(&o, "created", tbuf);
    text_format_time(s->modified, tbuf, sizeof tbuf);
    put(&o, "modified", tbuf);
    if (s->cursor)
        sbuf_addf(&o, "cursor = %d\n", s->cursor);
    put_session_records(&o, s);
    put_extra(&o, &s->extra);
    for (int i = 0; i < s->n_participants; i++) {
        sbuf_addf(&o, "\n[participant.%d]\n", i + 1);
        put(&o, "name", s->participants[i].name);
        put(&o, "role", s->participants[i].role ? s->participants[i].role : "");
    }
    put_sittings_agenda(&o, b, s);
    for (int i = 0; i < s->n_answers && i < b->n_questions; i++) {
        const struct answer *a = &s->answers[i];
        const struct question *q = &b->questions[i];
        if (!answer_has_record(a))
            continue;
        sbuf_addf(&o, "\n[answer.%d]\n", q->number);
        if (a->answered) {
            char v[256];
            answer_format(q, a, v, sizeof v);
            put(&o, "value", v);
        }
        put(&o, "documented", a->documented ? "yes" : "no");
        put(&o, "followup", a->followup ? "yes" : "no");
        if (a->changed) {
            text_format_time(a->changed, tbuf, sizeof tbuf);
            put(&o, "changed", tbuf);
        }
        if (a->note && *a->note)
            put_parts(&o, "note", a->note);
        for (int k = 0; k < a->n_evidence; k++) {
            char key[32];
            snprintf(key, sizeof key, "evidence.%d", k + 1);
            put(&o, key, a->evidence[k]);
        }
        put_answer_records(&o, a);
        put_extra(&o, &a->extra);
    }
    for (int i = 0; i < s->n_sections; i++) {
        sbuf_addf(&o, "\n[%s]\n", s->sections[i].name);
        put_extra(&o, &s->sections[i].kv);
    }
    return sbuf_take(&o);
}

int session_save(const char *path, const struct bank *b, const struct session *s,
                 int create_only, struct diags *d)
{
    char *data = session_format(b, s);
    if (!data) {
        diags_add(d, path, 0, M_SES_NO_MEMORY);
        return KL_ENOMEM;
    }
    int rc = store_write_atomic(path, data, strlen(data), create_only, d);
    free(data);
    return rc;
}
