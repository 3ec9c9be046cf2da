/* change.c: changing one question's answer (checked first, then applied to a copy, then
 * swapped in), and undo/redo as the answer before and after each change. */
#include <stdlib.h>
#include <string.h>

#include "kollen/msg.h"
#include "kollen/ops_msg.h"
#include "kollen/ops_workshop.h"
#include "kollen/text.h"

static int same_text(const char *x, const char *y)
{
    return !strcmp(x ? x : "", y ? y : "");
}

static int same_dissent(const struct answer *x, const struct answer *y)
{
    if (x->n_dissent != y->n_dissent)
        return 0;
    for (int i = 0; i < x->n_dissent; i++)
        if (!same_text(x->dissent[i].who, y->dissent[i].who) ||
            !same_text(x->dissent[i].view, y->dissent[i].view))
            return 0;
    return 1;
}

/* What the room decided: agreement, dissent, the parking lot. */
static int same_decision(const struct answer *x, const struct answer *y)
{
    return !x->agreed == !y->agreed && !x->parked == !y->parked &&
           same_text(x->park_reason, y->park_reason) && same_dissent(x, y);
}

static int same_answer(const struct answer *x, const struct answer *y)
{
    if (x->answered != y->answered || x->ticks != y->ticks || x->choice != y->choice ||
        !x->documented != !y->documented || !x->followup != !y->followup ||
        !same_text(x->note, y->note) || x->n_evidence != y->n_evidence)
        return 0;
    for (int i = 0; i < x->n_evidence; i++)
        if (!same_text(x->evidence[i], y->evidence[i]))
            return 0;
    return same_decision(x, y);
}

static int count(const char *const *v)
{
    int n = 0;
    while (v && v[n])
        n++;
    return n;
}

/* "NAME: VIEW" split at the first ':' into two trimmed copies (free both); KL_EUSAGE with a
 * message when either part is missing. */
static int split_dissent(const char *spec, char **who, char **view, struct diags *d)
{
    *who = *view = NULL;
    const char *colon = spec ? strchr(spec, ':') : NULL;
    if (!colon) {
        ops_diag(d, M_OPS_DISSENT_FORMAT, spec ? spec : "");
        return KL_EUSAGE;
    }
    *who = text_dup(spec);
    *view = text_dup(colon + 1);
    if (!*who || !*view) {
        free(*who);
        free(*view);
        *who = *view = NULL;
        diags_add(d, NULL, 0, M_SES_NO_MEMORY);
        return KL_ENOMEM;
    }
    (*who)[colon - spec] = '\0';
    text_trim(*who);
    text_trim(*view);
    return KL_OK;
}

/* A dissent spec as session_add_dissent would take it: both parts, one line each, in their
 * limits. */
static int check_dissent(const char *spec, struct diags *d)
{
    char *who, *view;
    int rc = split_dissent(spec, &who, &view, d);
    if (!rc && (!*who || !*view)) {
        diags_add(d, NULL, 0, M_SES_DISSENT_EMPTY);
        rc = KL_EUSAGE;
    }
    if (!rc)
        rc = session_check_text(who, SESSION_FIELD_MAX, 0, d);
    if (!rc)
        rc = session_check_text(view, SESSION_DISSENT_MAX, 0, d);
    free(who);
    free(view);
    return rc;
}

static int check_reference(const struct answer *a, int k, struct diags *d)
{
    if (k < 1 || k > a->n_evidence) {
        diags_add(d, NULL, 0, M_SES_NO_EVIDENCE, k);
        return KL_EUSAGE;
    }
    return KL_OK;
}

/* The decision's parts: dissent entries (their form, count and numbers), the park reason. */
static int check_decision(const struct answer *a, const struct ops_change *c, struct diags *d)
{
    int rc = KL_OK, added = count(c->dissent_add);
    for (int i = 0; !rc && i < added; i++)
        rc = check_dissent(c->dissent_add[i], d);
    if (!rc && a->n_dissent - (c->dissent_remove != 0) + added > SESSION_DISSENT_COUNT) {
        diags_add(d, NULL, 0, M_SES_TOO_MANY_DISSENT, SESSION_DISSENT_COUNT);
        rc = KL_EUSAGE;
    }
    int k = c->dissent_edit ? c->dissent_edit : c->dissent_remove;
    if (!rc && k && (k < 1 || k > a->n_dissent)) {
        diags_add(d, NULL, 0, M_SES_NO_DISSENT, k);
        rc = KL_EUSAGE;
    }
    if (!rc && c->dissent_edit)
        rc = check_dissent(c->dissent_text, d);
    if (!rc && c->park_reason && c->parked != OPS_OFF)
        rc = session_check_text(c->park_reason, SESSION_REASON_MAX, 0, d);
    return rc;
}

/* Every part of c against the answer a to question q, before anything changes. The order is
 * the one `kollen set` has always reported problems in. */
static int check(const struct question *q, const struct answer *a, const struct ops_change *c,
                 struct diags *d)
{
    int rc = KL_OK;
    if (c->answer) {
        struct answer scratch = *a; /* answer_parse touches only the value */
        rc = answer_parse(q, c->answer, &scratch, d);
    }
    if (!rc && c->option && (c->option < 1 || c->option > q->n_options)) {
        ops_diag(d, M_OPS_NO_OPTION, c->option);
        rc = KL_EUSAGE;
    }
    if (!rc && c->note)
        rc = ops_check_field(M_OPS_FIELD_NOTE, c->note, SESSION_NOTE_MAX, 1, d);
    int added = count(c->evidence_add);
    for (int i = 0; !rc && i < added; i++)
        rc = ops_check_field(M_OPS_FIELD_EVIDENCE, c->evidence_add[i], SESSION_EVIDENCE_MAX, 0, d);
    if (!rc && a->n_evidence - (c->evidence_remove != 0) + added > SESSION_EVIDENCE_COUNT) {
        diags_add(d, NULL, 0, M_SES_TOO_MANY_EVIDENCE, SESSION_EVIDENCE_COUNT);
        rc = KL_EUSAGE;
    }
    if (!rc && c->evidence_edit && !(rc = check_reference(a, c->evidence_edit, d)))
        rc = ops_check_field(M_OPS_FIELD_EVIDENCE, c->evidence_text ? c->evidence_text : "",
                             SESSION_EVIDENCE_MAX, 0, d);
    if (!rc && c->evidence_remove)
        rc = check_reference(a, c->evidence_remove, d);
    return rc ? rc : check_decision(a, c, d);
}

static uint64_t all_ticks(const struct question *q)
{
    return q->n_options >= 64 ? ~0ULL : (1ULL << q->n_options) - 1;
}

/* The value: ticks or choice, and whether the question is answered. */
static void apply_value(const struct question *q, struct answer *a, const struct ops_change *c)
{
    int multi = q->type == QTYPE_MULTI;
    if (c->answer)
        answer_parse(q, c->answer, a, NULL); /* checked: it holds */
    if (c->option) {
        if (multi)
            a->ticks ^= 1ULL << (c->option - 1);
        else
            a->choice = c->option;
        a->answered = 1;
    }
    if (c->all) {
        if (multi)
            a->ticks = all_ticks(q);
        else
            a->choice = q->n_options;
        a->answered = 1;
    }
    if (c->clear) {
        a->ticks = 0;
        a->choice = 0;
        /* a multi question with nothing ticked is an answer ("none"); a choice cleared is not */
        a->answered = c->clear == OPS_CLEAR_TICKS && multi;
    }
}

static int apply_evidence(struct answer *a, const struct ops_change *c)
{
    if (c->evidence_edit) {
        char *v = text_dup(c->evidence_text ? c->evidence_text : "");
        if (!v)
            return KL_ENOMEM;
        free(a->evidence[c->evidence_edit - 1]);
        a->evidence[c->evidence_edit - 1] = v;
    }
    if (c->evidence_remove) {
        int k = c->evidence_remove - 1;
        free(a->evidence[k]);
        memmove(&a->evidence[k], &a->evidence[k + 1],
                (size_t)(a->n_evidence - k - 1) * sizeof *a->evidence);
        a->n_evidence--;
    }
    for (int i = 0; c->evidence_add && c->evidence_add[i]; i++) {
        char **v = realloc(a->evidence, (size_t)(a->n_evidence + 1) * sizeof *v);
        if (!v)
            return KL_ENOMEM;
        a->evidence = v;
        if (!(v[a->n_evidence] = text_dup(c->evidence_add[i])))
            return KL_ENOMEM;
        a->n_evidence++;
    }
    return KL_OK;
}

static int flag(int now, enum ops_flag f)
{
    return f == OPS_ON ? 1 : f == OPS_OFF ? 0 : f == OPS_TOGGLE ? !now : now;
}

/* Dissent entry spec (checked) as entry *e. */
static int make_dissent(const char *spec, struct dissent *e)
{
    return split_dissent(spec, &e->who, &e->view, NULL);
}

static int apply_dissent(struct answer *a, const struct ops_change *c)
{
    if (c->dissent_edit) {
        struct dissent e;
        if (make_dissent(c->dissent_text, &e))
            return KL_ENOMEM;
        struct dissent *old = &a->dissent[c->dissent_edit - 1];
        free(old->who);
        free(old->view);
        *old = e;
    }
    if (c->dissent_remove) {
        int k = c->dissent_remove - 1;
        free(a->dissent[k].who);
        free(a->dissent[k].view);
        memmove(&a->dissent[k], &a->dissent[k + 1],
                (size_t)(a->n_dissent - k - 1) * sizeof *a->dissent);
        a->n_dissent--;
    }
    for (int i = 0; c->dissent_add && c->dissent_add[i]; i++) {
        struct dissent *v = realloc(a->dissent, (size_t)(a->n_dissent + 1) * sizeof *v);
        if (!v)
            return KL_ENOMEM;
        a->dissent = v;
        if (make_dissent(c->dissent_add[i], &v[a->n_dissent]))
            return KL_ENOMEM;
        a->n_dissent++;
    }
    return KL_OK;
}

/* Agreement, dissent and the parking lot. */
static int apply_decision(struct answer *a, const struct ops_change *c)
{
    a->agreed = flag(a->agreed, c->agreed);
    int rc = apply_dissent(a, c);
    if (rc || c->parked == OPS_KEEP)
        return rc;
    a->parked = flag(a->parked, c->parked);
    char *reason = NULL;
    if (a->parked && c->park_reason && *c->park_reason && !(reason = text_dup(c->park_reason)))
        return KL_ENOMEM;
    free(a->park_reason);
    a->park_reason = reason;
    return KL_OK;
}

/* Apply a checked change to a (a copy): only running out of memory can fail now. */
static int apply(const struct question *q, struct answer *a, const struct ops_change *c,
                 int *documented_by_evidence)
{
    apply_value(q, a, c);
    if (c->note) {
        char *v = NULL;
        if (*c->note && !(v = text_dup(c->note)))
            return KL_ENOMEM;
        free(a->note);
        a->note = v;
    }
    int rc = apply_evidence(a, c);
    if (rc)
        return rc;
    /* the rule: a reference to evidence documents the answer, unless told otherwise */
    if (c->evidence_add && c->evidence_add[0] && c->documented == OPS_KEEP && !a->documented) {
        a->documented = 1;
        *documented_by_evidence = 1;
    }
    a->documented = flag(a->documented, c->documented);
    a->followup = flag(a->followup, c->followup);
    return apply_decision(a, c);
}

static void step_clear(struct ops_step *s)
{
    answer_clear(&s->before);
    answer_clear(&s->after);
}

static void push(struct ops_step *v, int *n, struct ops_step s)
{
    if (*n == OPS_UNDO_MAX) {
        step_clear(&v[0]);
        memmove(v, v + 1, (OPS_UNDO_MAX - 1) * sizeof *v);
        (*n)--;
    }
    v[(*n)++] = s;
}

static int same_evidence(const struct answer *x, const struct answer *y)
{
    if (x->n_evidence != y->n_evidence)
        return 0;
    for (int i = 0; i < x->n_evidence; i++)
        if (!same_text(x->evidence[i], y->evidence[i]))
            return 0;
    return 1;
}


/* The large parts x and y have in common (OPS_SAME_*). */
static int same_parts(const struct answer *x, const struct answer *y)
{
    return (same_text(x->note, y->note) && !x->note == !y->note ? OPS_SAME_NOTE : 0) |
           (same_evidence(x, y) ? OPS_SAME_EVIDENCE : 0) |
           (same_dissent(x, y) ? OPS_SAME_DISSENT : 0);
}

/* A copy of src without the parts in same. */
static int copy_but(struct answer *dst, const struct answer *src, int same)
{
    struct answer t = *src;
    if (same & OPS_SAME_NOTE)
        t.note = NULL;
    if (same & OPS_SAME_EVIDENCE) {
        t.evidence = NULL;
        t.n_evidence = 0;
    }
    if (same & OPS_SAME_DISSENT) {
        t.dissent = NULL;
        t.n_dissent = 0;
    }
    return answer_copy(dst, &t);
}

/* Without memory for a step the history is no longer a chain of changes (a step takes what
 * it does not hold from the answer): none of it can be undone or redone. */
static void forget(struct workshop *w)
{
    for (int i = 0; i < w->n_undo; i++)
        step_clear(&w->undo[i]);
    for (int i = 0; i < w->n_redo; i++)
        step_clear(&w->redo[i]);
    w->n_undo = w->n_redo = 0;
}

/* Keep the undo step of a change: both answers, the parts the change left alone on neither
 * side (struct ops_step). Without memory for it the change still happens; it only cannot be
 * undone, nor anything before it. */
static void record(struct workshop *w, int qi, const struct answer *before,
                   const struct answer *after, int merge)
{
    if (merge && w->n_undo && w->undo[w->n_undo - 1].question == qi) {
        /* the step's before, whole: what it does not hold is the answer's (before) */
        struct ops_step *t = &w->undo[w->n_undo - 1];
        struct answer full = t->before, nb, na;
        if (t->same & OPS_SAME_NOTE)
            full.note = before->note;
        if (t->same & OPS_SAME_EVIDENCE) {
            full.evidence = before->evidence;
            full.n_evidence = before->n_evidence;
        }
        if (t->same & OPS_SAME_DISSENT) {
            full.dissent = before->dissent;
            full.n_dissent = before->n_dissent;
        }
        int same = same_parts(&full, after);
        if (copy_but(&nb, &full, same)) {
            forget(w);
            return;
        }
        if (copy_but(&na, after, same)) {
            answer_clear(&nb);
            forget(w);
            return;
        }
        step_clear(t);
        t->before = nb;
        t->after = na;
        t->same = same;
        return;
    }
    struct ops_step s;
    memset(&s, 0, sizeof s);
    s.question = qi;
    s.same = same_parts(before, after);
    if (copy_but(&s.before, before, s.same) || copy_but(&s.after, after, s.same)) {
        step_clear(&s);
        forget(w);
        return;
    }
    push(w->undo, &w->n_undo, s);
    for (int i = 0; i < w->n_redo; i++)
        step_clear(&w->redo[i]);
    w->n_redo = 0;
}

/* The session changed on question qi: stamp, score, save. */
static void finish(struct workshop *w, int qi, int64_t now, struct ops_result *res, struct diags *d)
{
    w->ses->modified = now;
    ops_move(w, qi);
    ops_rescore(w);
    res->saved = ops_save(w, now, d) ? -1 : 1;
}

static int refuse_read_only(const struct workshop *w, struct diags *d)
{
    if (!w->read_only)
        return KL_OK;
    ops_diag(d, M_OPS_READ_ONLY);
    return KL_EUSAGE;
}

int ops_set(struct workshop *w, int qi, const struct ops_change *c, int64_t now,
            struct ops_result *res, struct diags *d)
{
    memset(res, 0, sizeof *res);
    res->question = qi;
    if (qi < 0 || qi >= w->bank->n_questions) {
        res->question = -1;
        return KL_EUSAGE;
    }
    int rc = refuse_read_only(w, d);
    const struct question *q = &w->bank->questions[qi];
    struct answer *cur = &w->ses->answers[qi];
    if (!rc)
        rc = check(q, cur, c, d);
    if (rc)
        return rc;
    struct answer next;
    if (answer_copy(&next, cur) || apply(q, &next, c, &res->documented)) {
        answer_clear(&next);
        res->documented = 0;
        diags_add(d, NULL, 0, M_SES_NO_MEMORY);
        return KL_ENOMEM;
    }
    res->changed = !same_answer(cur, &next);
    /* the evidence rule's other half is the front end's question: does it stay documented? */
    res->last_evidence = c->evidence_remove && cur->n_evidence == 1 && next.n_evidence == 0 &&
                         next.documented && c->documented == OPS_KEEP;
    if (!res->changed && !c->confirm) {
        answer_clear(&next);
        return KL_OK;
    }
    next.changed = now;
    if (res->changed)
        record(w, qi, cur, &next, c->merge);
    answer_clear(cur);
    *cur = next;
    finish(w, qi, now, res, d);
    return KL_OK;
}

/* Take the last step from one list, put its `which` answer in place, move it to the other. */
static int swap_step(struct workshop *w, struct ops_step *from, int *nfrom, struct ops_step *to,
                     int *nto, int use_before, int64_t now, struct ops_result *res, struct diags *d)
{
    memset(res, 0, sizeof *res);
    res->question = -1;
    int rc = refuse_read_only(w, d);
    if (rc || *nfrom == 0)
        return rc;
    struct ops_step s = from[*nfrom - 1];
    struct answer a, *cur = &w->ses->answers[s.question];
    if (answer_copy(&a, use_before ? &s.before : &s.after)) {
        diags_add(d, NULL, 0, M_SES_NO_MEMORY);
        return KL_ENOMEM;
    }
    /* the parts the step does not hold: the answer has them (it is the other side) */
    if (s.same & OPS_SAME_NOTE) {
        a.note = cur->note;
        cur->note = NULL;
    }
    if (s.same & OPS_SAME_EVIDENCE) {
        a.evidence = cur->evidence;
        a.n_evidence = cur->n_evidence;
        cur->evidence = NULL;
        cur->n_evidence = 0;
    }
    if (s.same & OPS_SAME_DISSENT) {
        a.dissent = cur->dissent;
        a.n_dissent = cur->n_dissent;
        cur->dissent = NULL;
        cur->n_dissent = 0;
    }
    (*nfrom)--;
    answer_clear(cur);
    *cur = a;
    push(to, nto, s);
    res->question = s.question;
    res->changed = 1;
    finish(w, s.question, now, res, d);
    return KL_OK;
}

int ops_undo(struct workshop *w, int64_t now, struct ops_result *res, struct diags *d)
{
    return swap_step(w, w->undo, &w->n_undo, w->redo, &w->n_redo, 1, now, res, d);
}

int ops_redo(struct workshop *w, int64_t now, struct ops_result *res, struct diags *d)
{
    return swap_step(w, w->redo, &w->n_redo, w->undo, &w->n_undo, 0, now, res, d);
}

static int same_step(const struct answer *x, const struct answer *y)
{
    return same_text(x->owner, y->owner) && same_text(x->due, y->due) && x->status == y->status;
}

int ops_set_step(struct workshop *w, int qi, const char *owner, const char *due, int status,
                 int64_t now, struct ops_result *res, struct diags *d)
{
    memset(res, 0, sizeof *res);
    res->question = qi;
    if (qi < 0 || qi >= w->bank->n_questions) {
        res->question = -1;
        return KL_EUSAGE;
    }
    int rc = refuse_read_only(w, d);
    if (rc)
        return rc;
    struct answer before;
    if (answer_copy(&before, &w->ses->answers[qi])) {
        diags_add(d, NULL, 0, M_SES_NO_MEMORY);
        return KL_ENOMEM;
    }
    /* checked whole before it changes anything: on failure the answer is as it was */
    rc = session_set_step(w->ses, qi, owner, due, status, now, d);
    if (rc || same_step(&before, &w->ses->answers[qi])) {
        if (!rc)
            w->ses->answers[qi].changed = before.changed; /* nothing changed: no new stamp */
        answer_clear(&before);
        return rc;
    }
    res->changed = 1;
    record(w, qi, &before, &w->ses->answers[qi], 0);
    answer_clear(&before);
    /* stamped and saved like an answer, but the room's cursor stays where the group is */
    w->ses->modified = now;
    ops_rescore(w);
    res->saved = ops_save(w, now, d) ? -1 : 1;
    return KL_OK;
}
