/* many_partners.c: who already has in place what a session's blockers lack. */
#include "kollen/ops_partners.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "kollen/msg.h"
#include "kollen/text.h"

struct prun {
    struct ops_partners *out;
    struct ops_select sel;
    struct diags *d;
    int names;
    struct stat self; /* the session asked about, not compared with itself */
    int have_self;
};

/* "Organisation (file)" for input i, kept when it meets a need. */
static int keep_name(struct ops_partners *o, const struct ops_item *it, int before)
{
    int met = 0;
    for (int k = 0; k < o->p.n_needs; k++)
        met += o->p.needs[k].have;
    if (met == before)
        return KL_OK;
    struct sbuf b;
    sbuf_init(&b);
    sbuf_addf(&b, "%s (%s)", it->ses->organisation, it->path);
    if (!(o->names[it->index] = sbuf_take(&b)))
        return KL_ENOMEM;
    return KL_OK;
}

static int compare(void *ctx, struct ops_item *it)
{
    struct prun *r = ctx;
    struct ops_partners *o = r->out;
    struct stat st;
    if (r->have_self && !stat(it->path, &st) && st.st_dev == r->self.st_dev &&
        st.st_ino == r->self.st_ino)
        return KL_OK; /* the session itself, when its folder is among the PATHs */
    if (!ops_take(&r->sel, it, &o->tally, r->d))
        return KL_OK;
    int before = 0;
    for (int k = 0; k < o->p.n_needs; k++)
        before += o->p.needs[k].have;
    int rc = partners_add(&o->p, o->bank, it->ses, it->index);
    if (!rc && r->names)
        rc = keep_name(o, it, before);
    return rc;
}

static int load_self(struct ops_banks *banks, const char *path, struct ops_partners *out,
                     struct diags *d)
{
    struct ops_item it;
    ops_many_read(banks, path, 1, &it);
    for (size_t i = 0; i < it.d.n; i++)
        diags_add_text(d, it.d.v[i].file, it.d.v[i].line, it.d.v[i].is_warning, it.d.v[i].msg);
    int rc = it.rc;
    if (!rc) {
        out->bank = it.bank;
        out->self = it.ses;
        out->sc = it.sc;
        it.ses = NULL;
        memset(&it.sc, 0, sizeof it.sc);
    }
    ops_item_clear(&it);
    return rc;
}

int ops_partners(const struct ops_inputs *in, struct ops_banks *banks, const char *for_path,
                 int names, int threads, struct ops_partners *out, struct diags *d)
{
    memset(out, 0, sizeof *out);
    int rc = load_self(banks, for_path, out, d);
    if (!rc)
        rc = partners_init(&out->p, out->bank, out->self, &out->sc, names);
    if (!rc && names) {
        out->n_names = in->n;
        if (!(out->names = calloc((size_t)(in->n ? in->n : 1), sizeof *out->names)))
            rc = KL_ENOMEM;
    }
    if (!rc) {
        struct prun r = {out, {out->bank->id, -1, threads}, d, names, {0}, 0};
        r.have_self = !stat(for_path, &r.self);
        struct ops_run o = {0};
        o.bank_id = out->bank->id;
        o.threads = threads;
        out->tally.files = in->n;
        rc = ops_many_each(in, banks, &o, compare, &r);
    }
    if (rc)
        ops_partners_free(out);
    return rc;
}

void ops_partners_free(struct ops_partners *p)
{
    partners_free(&p->p);
    score_free(&p->sc);
    session_free(p->self);
    for (int i = 0; i < p->n_names; i++)
        free(p->names[i]);
    free(p->names);
    memset(p, 0, sizeof *p);
}
