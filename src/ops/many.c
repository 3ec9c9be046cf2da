/* many.c: many sessions read by a few threads and handed to the caller in file order. */
#include "kollen/ops_many.h"

#include <dirent.h>
#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kollen/msg.h"
#include "kollen/ops_paths.h"
#include "kollen/store.h"
#include "kollen/text.h"

/* --- the files --- */

struct entry {
    char *path;
    dev_t dev;
    ino_t ino;
    int known; /* dev and ino are known */
};

struct elist {
    struct entry *v;
    int n, cap;
};

static int push(struct elist *l, char *path, dev_t dev, ino_t ino, int known)
{
    if (!path)
        return -1;
    if (l->n == l->cap) {
        int cap = l->cap ? l->cap * 2 : 64;
        struct entry *v = realloc(l->v, (size_t)cap * sizeof *v);
        if (!v) {
            free(path);
            return -1;
        }
        l->v = v;
        l->cap = cap;
    }
    l->v[l->n++] = (struct entry){path, dev, ino, known};
    return 0;
}

static int is_session_name(const char *name)
{
    size_t len = strlen(name);
    return name[0] != '.' && len > 4 && !strcmp(name + len - 4, ".ini");
}

static int entry_cmp(const void *x, const void *y)
{
    return strcmp(((const struct entry *)x)->path, ((const struct entry *)y)->path);
}

/* The sessions of folder dir, sorted by name, appended to l. */
static int add_folder(struct elist *l, const char *dir, dev_t dev, struct diags *d)
{
    DIR *f = opendir(dir);
    if (!f) {
        diags_add(d, dir, 0, M_IO_OPEN, strerror(errno));
        return KL_EIO;
    }
    int first = l->n, rc = KL_OK;
    struct dirent *e;
    while (!rc && (e = readdir(f))) {
        if (!is_session_name(e->d_name))
            continue;
        struct sbuf p;
        sbuf_init(&p);
        sbuf_addf(&p, "%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/", e->d_name);
        if (push(l, sbuf_take(&p), dev, e->d_ino, 1))
            rc = KL_ENOMEM;
    }
    closedir(f);
    /* one folder: sorting by the path sorts by name */
    if (l->n - first > 1)
        qsort(l->v + first, (size_t)(l->n - first), sizeof *l->v, entry_cmp);
    return rc;
}

static int add_arg(struct elist *l, const char *arg, const char *sessions_dir, struct diags *d)
{
    struct stat st;
    if (stat(arg, &st) == 0 && S_ISDIR(st.st_mode))
        return add_folder(l, arg, st.st_dev, d);
    if (stat(arg, &st) == 0)
        return push(l, text_dup(arg), st.st_dev, st.st_ino, 1) ? KL_ENOMEM : KL_OK;
    char *p = NULL;
    if (!ops_session_is_name(arg))
        p = text_dup(arg);
    else if (ops_session_path_check(sessions_dir, arg, 0, &p, d) == KL_EUSAGE)
        return KL_EIO; /* a name kollen refuses: said with its reason, the rest still read */
    if (!p)
        return KL_ENOMEM;
    int known = stat(p, &st) == 0;
    return push(l, p, known ? st.st_dev : 0, known ? st.st_ino : 0, known) ? KL_ENOMEM : KL_OK;
}

/* A file's identity and its place in the list. */
struct ident {
    dev_t dev;
    ino_t ino;
    int at;
};

static int ident_cmp(const void *x, const void *y)
{
    const struct ident *a = x, *b = y;
    if (a->dev != b->dev)
        return a->dev < b->dev ? -1 : 1;
    if (a->ino != b->ino)
        return a->ino < b->ino ? -1 : 1;
    return (a->at > b->at) - (a->at < b->at);
}

/* Drop the second and later listing of the same file. */
static int dedupe(struct elist *l)
{
    struct ident *ix = malloc((size_t)(l->n ? l->n : 1) * sizeof *ix);
    char *drop = calloc((size_t)(l->n ? l->n : 1), 1);
    if (!ix || !drop) {
        free(ix);
        free(drop);
        return -1;
    }
    int m = 0;
    for (int i = 0; i < l->n; i++)
        if (l->v[i].known)
            ix[m++] = (struct ident){l->v[i].dev, l->v[i].ino, i};
    if (m > 1)
        qsort(ix, (size_t)m, sizeof *ix, ident_cmp);
    for (int k = 1; k < m; k++)
        if (ix[k].dev == ix[k - 1].dev && ix[k].ino == ix[k - 1].ino)
            drop[ix[k].at] = 1;
    int o = 0;
    for (int i = 0; i < l->n; i++) {
        if (drop[i])
            free(l->v[i].path);
        else
            l->v[o++] = l->v[i];
    }
    l->n = o;
    free(ix);
    free(drop);
    return 0;
}

int ops_inputs(const char *const *args, int n, const char *sessions_dir, struct ops_inputs *out,
               struct diags *d)
{
    memset(out, 0, sizeof *out);
    struct elist l = {0};
    int rc = KL_OK;
    int unreadable = 0;
    for (int i = 0; i < n && rc != KL_ENOMEM; i++) {
        int r = add_arg(&l, args[i], sessions_dir, d);
        unreadable += r == KL_EIO;
        if (r)
            rc = r;
    }
    if (rc != KL_ENOMEM && dedupe(&l))
        rc = KL_ENOMEM;
    out->paths = malloc((size_t)(l.n ? l.n : 1) * sizeof *out->paths);
    if (!out->paths)
        rc = KL_ENOMEM;
    for (int i = 0; i < l.n; i++) {
        if (out->paths)
            out->paths[out->n++] = l.v[i].path;
        else
            free(l.v[i].path);
    }
    free(l.v);
    out->unreadable = unreadable;
    if (rc == KL_ENOMEM)
        ops_inputs_free(out);
    return rc;
}

void ops_inputs_free(struct ops_inputs *in)
{
    for (int i = 0; i < in->n; i++)
        free(in->paths[i]);
    free(in->paths);
    memset(in, 0, sizeof *in);
}

/* --- banks --- */

struct cached {
    char *id;
    struct bank *bank; /* NULL: it failed to load */
    struct diags why;
};

struct ops_banks {
    char *dir, *benchmarks;
    pthread_mutex_t lock;
    struct cached *v;
    int n;
};

struct ops_banks *ops_banks_new(const char *questions_dir, const char *benchmarks_file)
{
    struct ops_banks *c = calloc(1, sizeof *c);
    if (!c)
        return NULL;
    c->dir = text_dup(questions_dir);
    c->benchmarks = benchmarks_file ? text_dup(benchmarks_file) : NULL;
    if (!c->dir || (benchmarks_file && !c->benchmarks) || pthread_mutex_init(&c->lock, NULL)) {
        free(c->dir);
        free(c->benchmarks);
        free(c);
        return NULL;
    }
    return c;
}

void ops_banks_free(struct ops_banks *c)
{
    if (!c)
        return;
    for (int i = 0; i < c->n; i++) {
        free(c->v[i].id);
        bank_free(c->v[i].bank);
        diags_free(&c->v[i].why);
    }
    free(c->v);
    free(c->dir);
    free(c->benchmarks);
    pthread_mutex_destroy(&c->lock);
    free(c);
}

static void copy_diags(struct diags *to, const struct diags *from)
{
    for (size_t i = 0; i < from->n; i++)
        diags_add_text(to, from->v[i].file, from->v[i].line, from->v[i].is_warning,
                       from->v[i].msg);
}

/* Load bank id into a new cache entry (the lock held). */
static struct cached *load(struct ops_banks *c, const char *id)
{
    struct cached *v = realloc(c->v, (size_t)(c->n + 1) * sizeof *v);
    if (!v)
        return NULL;
    c->v = v;
    struct cached *e = &v[c->n];
    memset(e, 0, sizeof *e);
    if (!(e->id = text_dup(id)))
        return NULL;
    c->n++;
    int rc = bank_load_id(c->dir, id, &e->bank, &e->why);
    if (!rc && c->benchmarks && (rc = bank_add_benchmarks(e->bank, c->benchmarks, &e->why))) {
        bank_free(e->bank);
        e->bank = NULL;
    }
    if (rc == KL_ENOMEM && !e->why.n)
        diags_add(&e->why, NULL, 0, M_SES_NO_MEMORY);
    return e;
}

const struct bank *ops_banks_get(struct ops_banks *c, const char *id, struct diags *d)
{
    pthread_mutex_lock(&c->lock);
    struct cached *e = NULL;
    for (int i = 0; i < c->n && !e; i++)
        if (!strcmp(c->v[i].id, id))
            e = &c->v[i];
    if (!e)
        e = load(c, id);
    const struct bank *b = e ? e->bank : NULL;
    if (!e)
        diags_add(d, NULL, 0, M_SES_NO_MEMORY);
    else if (!b)
        copy_diags(d, &e->why);
    pthread_mutex_unlock(&c->lock);
    return b;
}

/* --- reading --- */

int ops_many_threads(void)
{
    const char *e = getenv("KOLLEN_THREADS");
    long v;
    if (e && !text_parse_int(e, 1, 64, &v))
        return (int)v;
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > 8 ? 8 : (int)n;
}

void ops_item_clear(struct ops_item *it)
{
    session_free(it->ses);
    score_free(&it->sc);
    diags_free(&it->d);
    memset(it, 0, sizeof *it);
}

/* What one reading thread keeps from file to file. */
struct reader_state {
    struct store_reader *rd;
    char *bank_id;           /* the last file's bank: most files name the same one, found */
    const struct bank *bank; /* again without taking the cache's lock */
};

static void reader_state_free(struct reader_state *st)
{
    store_reader_free(st->rd);
    free(st->bank_id);
}

/* The bank id names, through the thread's last one. */
static const struct bank *bank_of(struct ops_banks *banks, struct reader_state *st,
                                  const char *id, struct diags *d)
{
    if (st->bank && !strcmp(st->bank_id, id))
        return st->bank;
    const struct bank *b = ops_banks_get(banks, id, d);
    if (b) {
        free(st->bank_id);
        st->bank_id = text_dup(id);
        st->bank = st->bank_id ? b : NULL;
    }
    return b;
}

/* Read file i of the run into it, with the thread's state st. */
static void read_item(struct ops_banks *banks, const struct ops_run *r, struct reader_state *st,
                      const char *path, int i, struct ops_item *it)
{
    memset(it, 0, sizeof *it);
    diags_init(&it->d);
    it->index = i;
    it->path = path;
    char *buf = NULL;
    size_t n = 0;
    it->rc = store_read_file(path, &buf, &n, &it->d);
    char *id = it->rc ? NULL : session_peek_bank_id(buf, n);
    if (!it->rc && !id) /* no bank named: the loader says what is wrong, with its line */
        it->rc = session_read_bank_id(path, &id, &it->d);
    if (!it->rc && !id)
        it->rc = KL_EDATA;
    if (!it->rc && r->bank_id && strcmp(id, r->bank_id) != 0)
        it->other_bank = 1;
    if (!it->rc && !it->other_bank && !(it->bank = bank_of(banks, st, id, &it->d)))
        it->rc = KL_EDATA;
    if (!it->rc && !it->other_bank) { /* the load takes the bytes read (no copy of them) */
        it->rc = session_parse_as(st->rd, path, buf, buf, n, it->bank,
                                  r->lean ? SESSION_LOAD_SCORE : SESSION_LOAD_ALL, &it->ses, &it->d);
        buf = NULL;
    }
    if (!it->rc && it->ses && r->score)
        it->rc = score_compute(it->bank, it->ses, &it->sc);
    if (it->rc == KL_ENOMEM && !diags_errors(&it->d))
        diags_add(&it->d, path, 0, M_SES_NO_MEMORY);
    if (it->rc) {
        session_free(it->ses);
        it->ses = NULL;
    }
    free(id);
    free(buf);
}

void ops_many_read(struct ops_banks *banks, const char *path, int score, struct ops_item *it)
{
    struct ops_run r = {0};
    r.score = score;
    struct reader_state st = {0};
    read_item(banks, &r, &st, path, 0, it);
    reader_state_free(&st);
}

enum { SLOT_FREE, SLOT_BUSY, SLOT_DONE };

/* The caller's thread reads too, and hands each file to fn in order as soon as it and every
 * file before it are read; threads - 1 more threads only read. On two cores a third thread
 * that only waits for files would be woken for almost every one of them (a wake-up and a
 * switch cost about as much as reading a file). */
struct pool {
    const struct ops_inputs *in;
    struct ops_banks *banks;
    const struct ops_run *r;
    pthread_mutex_t lock;
    pthread_cond_t done, room;
    struct ops_item *slot;
    int *state;
    int window;
    int next;      /* the next file a reader takes */
    int delivered; /* files handed to the caller so far */
    int stop;
    /* who waits, so that nobody is woken for nothing */
    int want;     /* the slot the caller waits for, or -1 */
    int sleepers; /* readers waiting for room in the window */
};

static int wanted(const struct ops_run *r, int i)
{
    return !r->only || r->only[i];
}

/* Take the next file to read into a slot (the lock held): its index, or -1 when there is none
 * or the window is full. */
static int take(struct pool *p)
{
    if (p->stop || p->next >= p->in->n || p->next >= p->delivered + p->window)
        return -1;
    int i = p->next++;
    p->state[i % p->window] = SLOT_BUSY;
    return i;
}

/* Read file i into its slot (taken with the lock held; called and returns without it). */
static void read_into(struct pool *p, struct reader_state *st, int i)
{
    struct ops_item it;
    if (wanted(p->r, i))
        read_item(p->banks, p->r, st, p->in->paths[i], i, &it);
    else
        memset(&it, 0, sizeof it);
    int s = i % p->window;
    pthread_mutex_lock(&p->lock);
    p->slot[s] = it;
    p->state[s] = SLOT_DONE;
    if (p->want == s)
        pthread_cond_signal(&p->done);
}

static void *reader(void *arg)
{
    struct pool *p = arg;
    struct reader_state st = {store_reader_new(), NULL, NULL};
    pthread_mutex_lock(&p->lock);
    while (!p->stop && p->next < p->in->n) {
        int i = take(p);
        if (i < 0) {
            p->sleepers++;
            pthread_cond_wait(&p->room, &p->lock);
            p->sleepers--;
            continue;
        }
        pthread_mutex_unlock(&p->lock);
        read_into(p, &st, i);
    }
    pthread_mutex_unlock(&p->lock);
    reader_state_free(&st);
    return NULL;
}

/* One thread: read and deliver in turn. */
static int each_serial(const struct ops_inputs *in, struct ops_banks *banks,
                       const struct ops_run *r, ops_item_fn fn, void *ctx)
{
    int rc = KL_OK;
    struct reader_state st = {store_reader_new(), NULL, NULL};
    for (int i = 0; i < in->n && !rc; i++) {
        if (!wanted(r, i))
            continue;
        struct ops_item it;
        read_item(banks, r, &st, in->paths[i], i, &it);
        rc = fn(ctx, &it);
        ops_item_clear(&it);
    }
    reader_state_free(&st);
    return rc;
}

/* Hand fn the files read so far in order (the lock held, released around each call). */
static int deliver_ready(struct pool *p, ops_item_fn fn, void *ctx)
{
    int rc = KL_OK;
    while (!rc && p->delivered < p->in->n && p->state[p->delivered % p->window] == SLOT_DONE) {
        int i = p->delivered, s = i % p->window;
        struct ops_item it = p->slot[s];
        p->state[s] = SLOT_FREE;
        pthread_mutex_unlock(&p->lock);
        if (wanted(p->r, i))
            rc = fn(ctx, &it);
        ops_item_clear(&it);
        pthread_mutex_lock(&p->lock);
        p->delivered = i + 1;
        if (rc)
            p->stop = 1;
        if (rc || p->sleepers)
            pthread_cond_broadcast(&p->room);
    }
    return rc;
}

/* The caller's thread: deliver what is ready, else read the next file, else wait. */
static int read_and_deliver(struct pool *p, ops_item_fn fn, void *ctx)
{
    int rc = KL_OK;
    struct reader_state st = {store_reader_new(), NULL, NULL};
    pthread_mutex_lock(&p->lock);
    while (!rc && p->delivered < p->in->n) {
        if ((rc = deliver_ready(p, fn, ctx)) || p->delivered >= p->in->n)
            break;
        int i = take(p);
        if (i >= 0) {
            pthread_mutex_unlock(&p->lock);
            read_into(p, &st, i);
            continue;
        }
        p->want = p->delivered % p->window; /* a reader has it */
        pthread_cond_wait(&p->done, &p->lock);
        p->want = -1;
    }
    p->stop = 1;
    pthread_cond_broadcast(&p->room);
    pthread_mutex_unlock(&p->lock);
    reader_state_free(&st);
    return rc;
}

int ops_many_each(const struct ops_inputs *in, struct ops_banks *banks, const struct ops_run *r,
                  ops_item_fn fn, void *ctx)
{
    int threads = r->threads > 0 ? r->threads : ops_many_threads();
    if (threads > in->n)
        threads = in->n;
    if (threads <= 1)
        return each_serial(in, banks, r, fn, ctx);
    struct pool p = {.in = in, .banks = banks, .r = r, .window = 8 * threads, .want = -1};
    p.slot = calloc((size_t)p.window, sizeof *p.slot);
    p.state = calloc((size_t)p.window, sizeof *p.state);
    pthread_t *t = calloc((size_t)threads - 1, sizeof *t);
    int started = 0, rc = KL_OK;
    if (!p.slot || !p.state || !t || pthread_mutex_init(&p.lock, NULL)) {
        free(p.slot);
        free(p.state);
        free(t);
        return KL_ENOMEM;
    }
    pthread_cond_init(&p.done, NULL);
    pthread_cond_init(&p.room, NULL);
    while (started < threads - 1 && !pthread_create(&t[started], NULL, reader, &p))
        started++;
    rc = started ? read_and_deliver(&p, fn, ctx) : each_serial(in, banks, r, fn, ctx);
    for (int k = 0; k < started; k++)
        pthread_join(t[k], NULL);
    for (int s = 0; s < p.window; s++) /* read but not delivered: the run stopped */
        if (p.state[s] == SLOT_DONE)
            ops_item_clear(&p.slot[s]);
    pthread_cond_destroy(&p.done);
    pthread_cond_destroy(&p.room);
    pthread_mutex_destroy(&p.lock);
    free(p.slot);
    free(p.state);
    free(t);
    return rc;
}
