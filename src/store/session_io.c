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
/* Encoded bytes per part of a note: with its key ("note.411 = ") the line stays under
 * INI_LINE_MAX. Every part but the last holds at least half of this (text_percent_fit), so a
 * note of SESSION_NOTE_MAX bytes, 3 bytes each once encoded, takes at most
 * 3 * 65536 / 480 + 1 = 411 parts (docs/session-format.md, "Limits"). */
#define SESSION_PART_MAX 960

struct rctx {
    const struct ini *ini;
    struct diags *d;
    int oom;
    int lean; /* SESSION_LOAD_SCORE: notes and evidence checked, not kept */
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

/* key's value v (NULL: absent) as yes or no. */
static int yesno_of(struct rctx *c, const struct ini_section *s, const char *key, const char *v)
{
    if (!v || !strcmp(v, "no"))
        return 0;
    if (!strcmp(v, "yes"))
        return 1;
    bad(c, s, key, v);
    return 0;
}

static int yesno(struct rctx *c, const struct ini_section *s, const char *key)
{
    return yesno_of(c, s, key, ini_raw(s, key));
}

/* key's value v (NULL: absent) as a time; 0 when absent or malformed (with a message). */
static int64_t timestamp_of(struct rctx *c, const struct ini_section *s, const char *key,
                            const char *v)
{
    int64_t t = 0;
    if (v && text_parse_time(v, &t)) {
        bad(c, s, key, v);
        t = 0;
    }
    return t;
}

static int64_t timestamp(struct rctx *c, const struct ini_section *s, const char *key)
{
    return timestamp_of(c, s, key, ini_raw(s, key));
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

/* Room for `more` entries after the l->n there are (one allocation for all of a section's
 * unknown keys: growing one at a time copies quadratically). */
static int kv_reserve(struct kvlist *l, int more)
{
    if (!more)
        return 0;
    struct kv *v = realloc(l->v, (size_t)(l->n + more) * sizeof *v);
    if (!v)
        return -1;
    l->v = v;
    return 0;
}

/* Add to a list with room reserved. */
static int kv_add(struct kvlist *l, const char *key, const char *value)
{
    struct kv *v = l->v;
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

/* A section's known key names: exact, or name.N for the numbered ones. */
struct known_names {
    const char *const *exact, *const *numbered;
};

/* Is key one of names' (a struct known_names)? (No known name holds a dot: a key with one can
 * only be numbered, one without only exact.) */
static int known(const char *key, const void *names)
{
    const struct known_names *kn = names;
    const char *dot = strchr(key, '.');
    if (!dot) {
        for (const char *const *e = kn->exact; *e; e++)
            if (**e == *key && !strcmp(key, *e))
                return 1;
        return 0;
    }
    size_t len = (size_t)(dot - key);
    long v;
    for (const char *const *n = kn->numbered; *n; n++)
        if (!strncmp(key, *n, len) && (*n)[len] == '\0' &&
            !text_parse_int(dot + 1, 1, 100000, &v))
            return 1;
    return 0;
}

/* Keep the keys of s that is_known(key, ctx) does not know in l, in file order. */
static void keep_unknown(struct rctx *c, const struct ini_section *s, struct kvlist *l,
                         int (*is_known)(const char *key, const void *ctx), const void *ctx)
{
    int more = 0;
    for (int i = 0; i < s->n_keys; i++)
        more += !is_known(s->keys[i].name, ctx);
    if (kv_reserve(l, more)) {
        c->oom = 1;
        return;
    }
    for (int i = 0; i < s->n_keys && !c->oom; i++)
        if (!is_known(s->keys[i].name, ctx) && kv_add(l, s->keys[i].name, s->keys[i].value))
            c->oom = 1;
}

/* A section that takes no key but the exact ones: each other key is a bad value. */
static void refuse_unknown(struct rctx *c, const struct ini_section *s,
                           const char *const *exact)
{
    static const char *const none[] = {NULL};
    const struct known_names kn = {exact, none};
    for (int i = 0; i < s->n_keys; i++)
        if (!known(s->keys[i].name, &kn))
            diags_add(c->d, c->ini->file, s->keys[i].line, M_SES_BAD_VALUE, s->name,
                      s->keys[i].name, s->keys[i].value);
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
    refuse_unknown(c, s, exact);
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
    refuse_unknown(c, s, exact);
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
    keep_unknown(c, s, &ses->extra, known, &(struct known_names){exact, numbered});
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

/* An answer's keys, sorted once: most answers hold only value, documented, followup, changed
 * and a note, so a reader looks up only what the section holds (a key it does not hold would
 * be looked up to find nothing) and unknown keys are looked for only where there are some. */
enum {
    AK_AGREED = 1 << 0,
    AK_PARKED = 1 << 1,
    AK_PARK_REASON = 1 << 2,
    AK_OWNER = 1 << 3,
    AK_DUE = 1 << 4,
    AK_STATUS = 1 << 5,
    AK_NOTE = 1 << 6,
    AK_UNKNOWN = 1 << 7,
};

/* The values every answer has, found in the same pass (slots of answer_keys.raw). */
enum { AV_VALUE, AV_DOCUMENTED, AV_FOLLOWUP, AV_CHANGED, AV_NONE };

struct answer_keys {
    const char *raw[AV_NONE]; /* NULL: absent */
    unsigned has;             /* AK_ bits */
    int ne, nd;   /* the highest evidence.N, and dissent.N or dissent_by.N */
    const char *evidence[SESSION_EVIDENCE_COUNT]; /* evidence.N's value at N - 1, or NULL */
};

/* The answer's known keys: the exact ones, then the numbered ones (name.N, N in 1..100000). */
static const struct answer_key_kind {
    const char *name;
    unsigned len, numbered, bit;
    int slot; /* in answer_keys.raw, or AV_NONE */
} answer_kinds[] = {
    {"value", 5, 0, 0, AV_VALUE},
    {"documented", 10, 0, 0, AV_DOCUMENTED},
    {"followup", 8, 0, 0, AV_FOLLOWUP},
    {"changed", 7, 0, 0, AV_CHANGED},
    {"agreed", 6, 0, AK_AGREED, AV_NONE},
    {"parked", 6, 0, AK_PARKED, AV_NONE},
    {"park_reason", 11, 0, AK_PARK_REASON, AV_NONE},
    {"owner", 5, 0, AK_OWNER, AV_NONE},
    {"due", 3, 0, AK_DUE, AV_NONE},
    {"status", 6, 0, AK_STATUS, AV_NONE},
    {"note", 4, 1, AK_NOTE, AV_NONE},
    {"evidence", 8, 1, 0, AV_NONE},
    {"dissent", 7, 1, 0, AV_NONE},
    {"dissent_by", 10, 1, 0, AV_NONE},
};

/* The kind of an answer's key k, NULL when unknown; *n its number when numbered. */
static const struct answer_key_kind *answer_kind(const char *k, long *n)
{
    const char *dot = strchr(k, '.');
    size_t len = dot ? (size_t)(dot - k) : strlen(k);
    *n = 0;
    for (size_t j = 0; j < sizeof answer_kinds / sizeof *answer_kinds; j++) {
        const struct answer_key_kind *t = &answer_kinds[j];
        if (t->len == len && t->numbered == !!dot && !memcmp(k, t->name, len))
            return t->numbered && text_parse_int(dot + 1, 1, 100000, n) ? NULL : t;
    }
    return NULL;
}

static int answer_known(const char *k, const void *unused)
{
    (void)unused;
    long n;
    return answer_kind(k, &n) != NULL;
}

static void answer_keys_of(const struct ini_section *s, struct answer_keys *ak)
{
    memset(ak, 0, sizeof *ak);
    for (int i = 0; i < s->n_keys; i++) {
        long n;
        const struct answer_key_kind *kind = answer_kind(s->keys[i].name, &n);
        if (!kind) {
            ak->has |= AK_UNKNOWN;
            continue;
        }
        ak->has |= kind->bit;
        if (kind->slot != AV_NONE)
            ak->raw[kind->slot] = s->keys[i].value;
        else if (kind->name[0] == 'e' && n <= SESSION_EVIDENCE_COUNT)
            ak->evidence[n - 1] = s->keys[i].value;
        if (kind->name[0] == 'e' && n > ak->ne)
            ak->ne = (int)n;
        else if (kind->name[0] == 'd' && kind->numbered && n > ak->nd)
            ak->nd = (int)n;
    }
}

/* dissent.N (the view) with dissent_by.N (who holds it), numbered from 1 without gaps. */
static void read_dissent(struct rctx *c, const struct ini_section *s, struct answer *a, int nd)
{
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
static void read_answer_records(struct rctx *c, const struct ini_section *s,
                                const struct answer_keys *ak, struct answer *a)
{
    a->agreed = (ak->has & AK_AGREED) && yesno(c, s, "agreed");
    a->parked = (ak->has & AK_PARKED) && yesno(c, s, "parked");
    if (ak->has & AK_PARK_REASON) {
        a->park_reason = field(c, s, "park_reason", SESSION_REASON_MAX, 1);
        if (a->park_reason && (!*a->park_reason || !a->parked)) {
            if (!a->parked)
                bad(c, s, "park_reason", ini_raw(s, "park_reason"));
            free(a->park_reason);
            a->park_reason = NULL;
        }
    }
    read_dissent(c, s, a, ak->nd);
    if (ak->has & AK_OWNER) {
        a->owner = field(c, s, "owner", SESSION_FIELD_MAX, 1);
        if (a->owner && !*a->owner) {
            free(a->owner);
            a->owner = NULL;
        }
    }
    if (ak->has & AK_DUE)
        a->due = date_field(c, s, "due");
    const char *st = ak->has & AK_STATUS ? ini_raw(s, "status") : NULL;
    if (st) {
        int v = step_status_parse(st);
        if (v < 0)
            diags_add(c->d, c->ini->file, ini_line(s, "status"), M_SES_BAD_STATUS, st);
        else
            a->status = (enum step_status)v;
    }
}

/* evidence.1 ... evidence.ne, numbered without gaps. */
static void read_evidence(struct rctx *c, const struct ini_section *s, struct answer *a, int ne)
{
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

/* The same checks, keeping nothing (a lean load): a reference whose raw text is known to be
 * fine (text_percent_plain) is not decoded; any other goes the long way, for its message. */
static void check_evidence(struct rctx *c, const struct ini_section *s,
                           const struct answer_keys *ak)
{
    for (int k = 0; k < ak->ne && !c->oom; k++) {
        const char *raw = ak->evidence[k];
        if (!raw) {
            char last[32];
            snprintf(last, sizeof last, "evidence.%d", ak->ne);
            diags_add(c->d, c->ini->file, ini_line(s, last), M_SES_GAP, s->name, "evidence",
                      k + 1, "evidence", ak->ne);
            return;
        }
        if (text_percent_plain(raw, strlen(raw), 0, 1) <= SESSION_EVIDENCE_MAX)
            continue;
        char key[32];
        snprintf(key, sizeof key, "evidence.%d", k + 1);
        char *v = field(c, s, key, SESSION_EVIDENCE_MAX, 1);
        if (!v)
            return;
        free(v);
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
    struct answer_keys ak;
    answer_keys_of(s, &ak);
    const char *v = ak.raw[AV_VALUE];
    if (v) {
        struct diags tmp;
        diags_init(&tmp);
        if (answer_parse(q, v, a, &tmp))
            diags_add(c->d, c->ini->file, ini_line(s, "value"), M_SES_BAD_VALUE, s->name, "value",
                      tmp.n ? tmp.v[0].msg : v);
        diags_free(&tmp);
    }
    a->documented = yesno_of(c, s, "documented", ak.raw[AV_DOCUMENTED]);
    a->followup = yesno_of(c, s, "followup", ak.raw[AV_FOLLOWUP]);
    a->changed = timestamp_of(c, s, "changed", ak.raw[AV_CHANGED]);
    int failed;
    if ((ak.has & AK_NOTE) && (!c->lean || !ini_parts_plain(s, "note", SESSION_NOTE_MAX, 1))) {
        a->note = parts(c, s, "note", SESSION_NOTE_MAX, 1, &failed);
        if (c->lean) { /* checked the long way, not kept */
            free(a->note);
            a->note = NULL;
        }
    }
    int ne = ak.ne;
    if (ne > SESSION_EVIDENCE_COUNT) {
        diags_add(c->d, c->ini->file, s->line, M_SES_TOO_MANY_EVIDENCE, SESSION_EVIDENCE_COUNT);
        ne = 0;
    }
    if (ne && c->lean)
        check_evidence(c, s, &ak);
    else if (ne)
        read_evidence(c, s, a, ne);
    read_answer_records(c, s, &ak, a);
    if (ak.has & AK_UNKNOWN)
        keep_unknown(c, s, &a->extra, answer_known, NULL);
}

static int from_ini(const struct ini *ini, const struct bank *b, int lean, struct session **out,
                    struct diags *d)
{
    *out = NULL;
    size_t errors_before = diags_errors(d);
    struct rctx c = {ini, d, 0, lean};
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
    /* unknown sections, kept: room for all of them at once */
    int unknown = 0;
    for (int i = 0; i < ini->n_sections; i++)
        unknown += &ini->sections[i] != main &&
                   strncmp(ini->sections[i].name, "participant.", 12) != 0 &&
                   strncmp(ini->sections[i].name, "answer.", 7) != 0;
    if (unknown && !(ses->sections = calloc((size_t)unknown, sizeof *ses->sections))) {
        session_free(ses);
        return KL_ENOMEM;
    }
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
            struct section_extra *e = &ses->sections[ses->n_sections++];
            if (!(e->name = text_dup(s->name)) || kv_reserve(&e->kv, s->n_keys))
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


/* What a lean load hands iniparser: the session's own keys (not its summary's parts), and each
 * answer's value and documented. */
static int score_wants(const char *section, const char *key)
{
    if (!strcmp(section, "session"))
        return strncmp(key, "summary.", 8) != 0;
    return !strncmp(section, "answer.", 7) && (!strcmp(key, "value") || !strcmp(key, "documented"));
}

int session_parse_as(struct store_reader *r, const char *name, const char *buf, char *own,
                     size_t n, const struct bank *b, enum session_load how,
                     struct session **out, struct diags *d)
{
    struct ini *ini;
    *out = NULL;
    int lean = how == SESSION_LOAD_SCORE;
    int rc = ini_parse_want(name, buf, own, n, lean ? score_wants : NULL, r, &ini, d);
    if (rc)
        return rc;
    rc = from_ini(ini, b, lean, out, d);
    ini_free(ini);
    return rc;
}

int session_parse(const char *name, const char *buf, size_t n, const struct bank *b,
                  struct session **out, struct diags *d)
{
    return session_parse_as(NULL, name, buf, NULL, n, b, SESSION_LOAD_ALL, out, d);
}

int session_load(const char *path, const struct bank *b, struct session **out, struct diags *d)
{
    struct ini *ini;
    *out = NULL;
    int rc = ini_load(path, &ini, d);
    if (rc)
        return rc;
    rc = from_ini(ini, b, 0, out, d);
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
        rc = from_ini(ini, *bank, 0, out, d);
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

/* The writer counts what it writes, to check the file against the loader's limits. */
struct wctx {
    struct sbuf o;
    long entries; /* keys and sections */
};

/* n in decimal at out (24 bytes or more), NUL-terminated; returns its length. */
static size_t num_text(char *out, unsigned long n)
{
    char d[24];
    size_t i = sizeof d;
    do
        d[--i] = (char)('0' + n % 10);
    while (n /= 10);
    memcpy(out, d + i, sizeof d - i);
    out[sizeof d - i] = '\0';
    return sizeof d - i;
}

static void put_num(struct sbuf *o, unsigned long n)
{
    char d[24];
    sbuf_addn(o, d, num_text(d, n));
}

static void put_section(struct wctx *w, const char *prefix, const char *name, long num)
{
    sbuf_add(&w->o, "\n[");
    sbuf_add(&w->o, prefix);
    if (name)
        sbuf_add(&w->o, name);
    else
        put_num(&w->o, (unsigned long)num);
    sbuf_add(&w->o, "]\n");
    w->entries++;
}

static void put(struct wctx *w, const char *key, const char *value)
{
    sbuf_add(&w->o, key);
    sbuf_add(&w->o, " = ");
    text_percent_encode(&w->o, value, strlen(value));
    sbuf_addc(&w->o, '\n');
    w->entries++;
}

/* A key kept as it was read. Its line held "key=value" in at most INI_LINE_MAX bytes: if the
 * spaces around '=' would make it longer, it is written without them. */
static void put_raw(struct wctx *w, const char *key, const char *raw)
{
    size_t k = strlen(key), v = strlen(raw);
    sbuf_add(&w->o, key);
    sbuf_add(&w->o, k + 3 + v > INI_LINE_MAX ? "=" : " = ");
    sbuf_addn(&w->o, raw, v);
    sbuf_addc(&w->o, '\n');
    w->entries++;
}

/* Free text over numbered keys, by size: each part at most PART bytes once encoded, never
 * inside a character, ending after a line break where one falls in its second half. */
static void put_parts(struct wctx *w, const char *key, const char *text)
{
    size_t n = strlen(text), i = 0;
    unsigned long part = 1;
    while (i < n) {
        size_t k = text_percent_fit(text + i, n - i, SESSION_PART_MAX, 1);
        sbuf_add(&w->o, key);
        sbuf_addc(&w->o, '.');
        put_num(&w->o, part++);
        sbuf_add(&w->o, " = ");
        text_percent_encode(&w->o, text + i, k);
        sbuf_addc(&w->o, '\n');
        w->entries++;
        i += k;
    }
}

static void put_extra(struct wctx *w, const struct kvlist *l)
{
    for (int i = 0; i < l->n; i++)
        put_raw(w, l->v[i].key, l->v[i].value);
}

static int answer_has_record(const struct answer *a)
{
    return a->answered || (a->note && *a->note) || a->n_evidence || a->documented ||
           a->followup || a->agreed || a->parked || a->n_dissent || a->owner || a->due ||
           a->status || a->extra.n;
}

/* A key whose value needs no encoding (numbers, dates, times, a.b ranges). */
static void put_plain(struct wctx *w, const char *key, const char *value)
{
    sbuf_add(&w->o, key);
    sbuf_add(&w->o, " = ");
    sbuf_add(&w->o, value);
    sbuf_addc(&w->o, '\n');
    w->entries++;
}

static void put_number(struct wctx *w, const char *key, unsigned long n)
{
    char d[24];
    num_text(d, n);
    put_plain(w, key, d);
}

static void put_session_records(struct wctx *w, const struct session *s)
{
    if (s->period_from && s->period_to) {
        char per[32];
        snprintf(per, sizeof per, "%.10s..%.10s", s->period_from, s->period_to);
        put_plain(w, "period", per);
    }
    if (s->management_seen)
        put(w, "management_seen", s->management_seen);
    if (s->theme)
        put(w, "theme", s->theme);
    if (s->companion)
        put(w, "companion", s->companion);
    if (s->minutes)
        put_number(w, "minutes", (unsigned long)s->minutes);
    if (s->summary && *s->summary)
        put_parts(w, "summary", s->summary);
}

static void put_sittings_agenda(struct wctx *w, const struct bank *b, const struct session *s)
{
    char tbuf[32];
    for (int i = 0; i < s->n_sittings; i++) {
        const struct sitting *t = &s->sittings[i];
        put_section(w, "sitting.", NULL, i + 1);
        text_format_time(t->start, tbuf, sizeof tbuf);
        put_plain(w, "start", tbuf);
        if (t->end) {
            text_format_time(t->end, tbuf, sizeof tbuf);
            put_plain(w, "end", tbuf);
        }
        if (t->n_present) {
            sbuf_add(&w->o, "present = ");
            for (int j = 0; j < t->n_present; j++) {
                if (j)
                    sbuf_addc(&w->o, ',');
                put_num(&w->o, (unsigned long)t->present[j]);
            }
            sbuf_addc(&w->o, '\n');
            w->entries++;
        }
    }
    for (int ai = 0; ai < s->n_agenda && ai < b->n_areas; ai++) {
        const struct agenda_item *g = &s->agenda[ai];
        if (!g->minutes && !g->spent)
            continue;
        put_section(w, "agenda.", b->areas[ai].id, 0);
        if (g->minutes)
            put_number(w, "minutes", (unsigned long)g->minutes);
        if (g->spent)
            put_number(w, "spent", (unsigned long)g->spent);
    }
}

static void put_answer_records(struct wctx *w, const struct answer *a)
{
    if (a->agreed)
        put_plain(w, "agreed", "yes");
    if (a->parked) {
        put_plain(w, "parked", "yes");
        if (a->park_reason)
            put(w, "park_reason", a->park_reason);
    }
    for (int k = 0; k < a->n_dissent; k++) {
        char key[40] = "dissent_by.";
        num_text(key + 11, (unsigned long)k + 1);
        put(w, key, a->dissent[k].who);
        memcpy(key, "dissent.", 8);
        num_text(key + 8, (unsigned long)k + 1);
        put(w, key, a->dissent[k].view);
    }
    if (a->owner)
        put(w, "owner", a->owner);
    if (a->due)
        put_plain(w, "due", a->due);
    if (a->status)
        put_plain(w, "status", step_status_name(a->status));
}

static void format_answer(struct wctx *w, const struct question *q, const struct answer *a)
{
    char tbuf[32];
    put_section(w, "answer.", NULL, q->number);
    if (a->answered) {
        char v[256];
        answer_format(q, a, v, sizeof v);
        put(w, "value", v);
    }
    put(w, "documented", a->documented ? "yes" : "no");
    put(w, "followup", a->followup ? "yes" : "no");
    if (a->changed) {
        text_format_time(a->changed, tbuf, sizeof tbuf);
        put(w, "changed", tbuf);
    }
    if (a->note && *a->note)
        put_parts(w, "note", a->note);
    for (int k = 0; k < a->n_evidence; k++) {
        char key[40] = "evidence.";
        num_text(key + 9, (unsigned long)k + 1);
        put(w, key, a->evidence[k]);
    }
    put_answer_records(w, a);
    put_extra(w, &a->extra);
}

/* The file, with its count of keys and sections; NULL on allocation failure. */
static char *format(const struct bank *b, const struct session *s, long *entries, size_t *len)
{
    struct wctx w = {{NULL, 0, 0, 0}, 0};
    char tbuf[32];
    sbuf_add(&w.o, "; kollen session file. Free text is percent-encoded (%3B is ;), see\n"
                   "; docs/session-format.md. Saved by kollen after every change.\n");
    sbuf_add(&w.o, "[session]\n");
    w.entries++;
    sbuf_add(&w.o, "format = ");
    put_num(&w.o, SESSION_FORMAT);
    sbuf_addc(&w.o, '\n');
    w.entries++;
    put(&w, "bank", s->bank_id);
    put(&w, "organisation", s->organisation);
    put(&w, "group", group_name(s->group));
    put(&w, "date", s->date);
    put(&w, "facilitator", s->facilitator ? s->facilitator : "");
    text_format_time(s->created, tbuf, sizeof tbuf);
    put(&w, "created", tbuf);
    text_format_time(s->modified, tbuf, sizeof tbuf);
    put(&w, "modified", tbuf);
    if (s->cursor) {
        sbuf_add(&w.o, "cursor = ");
        put_num(&w.o, (unsigned long)s->cursor);
        sbuf_addc(&w.o, '\n');
        w.entries++;
    }
    put_session_records(&w, s);
    put_extra(&w, &s->extra);
    for (int i = 0; i < s->n_participants; i++) {
        put_section(&w, "participant.", NULL, i + 1);
        put(&w, "name", s->participants[i].name);
        put(&w, "role", s->participants[i].role ? s->participants[i].role : "");
    }
    put_sittings_agenda(&w, b, s);
    for (int i = 0; i < s->n_answers && i < b->n_questions; i++)
        if (answer_has_record(&s->answers[i]))
            format_answer(&w, &b->questions[i], &s->answers[i]);
    for (int i = 0; i < s->n_sections; i++) {
        put_section(&w, "", s->sections[i].name, 0);
        put_extra(&w, &s->sections[i].kv);
    }
    *entries = w.entries;
    *len = w.o.len;
    return sbuf_take(&w.o);
}

char *session_format(const struct bank *b, const struct session *s)
{
    long entries;
    size_t len;
    return format(b, s, &entries, &len);
}

int session_save(const char *path, const struct bank *b, const struct session *s,
                 int create_only, struct diags *d)
{
    long entries;
    size_t len;
    char *data = format(b, s, &entries, &len);
    if (!data) {
        diags_add(d, path, 0, M_SES_NO_MEMORY);
        return KL_ENOMEM;
    }
    /* kollen never writes a file it could not read again */
    if (len > (size_t)INI_FILE_MAX || entries > INI_KEYS_MAX) {
        diags_add(d, path, 0, M_SAVE_TOO_BIG, len, entries, INI_FILE_MAX, INI_KEYS_MAX);
        free(data);
        return KL_EUSAGE;
    }
    int rc = store_write_atomic(path, data, len, create_only, d);
    free(data);
    return rc;
}
