/* gen_limits.c: structurally valid sessions and banks at every limit kollen documents, and one
 * past each, for tests/sh/store.sh and as seeds of the fuzzers' large-input runs.
 *
 *   gen_limits OUT [QUESTIONS_DIR BANK]     (default: tests/fixtures/good mini)
 *
 * Writes
 *   OUT/sessions/at/NAME.ini    sessions for BANK that must load (check exits 0)
 *   OUT/sessions/past/NAME.ini  sessions one past a limit: each must be refused
 *   OUT/banks/at/<id>/        banks that must pass `kollen lint`
 *   OUT/banks/past/<id>/      banks one past a limit: each must be refused
 *   OUT/fuzz/bank-questions.ini  a large questions file for the mini bank (fuzz seed)
 *   OUT/fuzz/kollen/bank-*.bin   BANK's cache (fuzz seed)
 *   OUT/expect                one line per refused file: "PATH LINE", the place the message
 *                             must name (LINE 0: the file as a whole) */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "kollen/store.h"
#include "kollen/text.h"
#include "../unit/worst_text.h"

static const char *out;
static FILE *expect;

static void die(const char *what)
{
    fprintf(stderr, "gen_limits: %s: %s\n", what, strerror(errno));
    exit(2);
}

static void mkdirs(const char *path)
{
    char p[4096];
    snprintf(p, sizeof p, "%s", path);
    for (char *s = p + 1; *s; s++)
        if (*s == '/') {
            *s = '\0';
            mkdir(p, 0700);
            *s = '/';
        }
    if (mkdir(p, 0700) && errno != EEXIST)
        die(p);
}

/* Write b to OUT/rel; note the line the refusal must name when line >= 0. */
static void emit(const char *rel, const struct sbuf *b, long line)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", out, rel);
    char dir[4096];
    snprintf(dir, sizeof dir, "%s", path);
    *strrchr(dir, '/') = '\0';
    mkdirs(dir);
    FILE *f = fopen(path, "wb");
    if (!f || (b->len && fwrite(b->p, 1, b->len, f) != b->len) || fclose(f))
        die(path);
    if (line >= 0)
        fprintf(expect, "%s %ld\n", rel, line);
    if (b->oom) {
        fprintf(stderr, "gen_limits: out of memory\n");
        exit(2);
    }
}

static long lines(const struct sbuf *b)
{
    long n = 0;
    for (size_t i = 0; i < b->len; i++)
        n += b->p[i] == '\n';
    return n;
}

/* --- worst-case text (tests/unit/worst_text.h, as test_store_limits uses it) --- */

static char *worst_text(size_t n, unsigned kind, int newlines)
{
    char *p = malloc(n + 1);
    if (!p)
        die("malloc");
    return worst_fill(p, n, kind, newlines);
}

/* --- sessions --- */

static void session_head(struct sbuf *b, const char *bank)
{
    sbuf_reset(b);
    sbuf_addf(b, "[session]\nformat = 1\nbank = %s\norganisation = O\ngroup = kommun\n"
                 "date = 2026-01-01\n", bank);
}

/* Every field at its maximum, of worst-case text, written by kollen's own writer. */
static void session_max(const struct bank *b)
{
    struct diags d;
    diags_init(&d);
    char *t = worst_text(SESSION_FIELD_MAX, N_WORST, 0);
    struct session *s = session_new(b, t, GROUP_ANNAN, "2026-12-31", 1764000000);
    free(t);
    if (!s)
        die("session_new");
    t = worst_text(SESSION_FIELD_MAX, 1, 0);
    session_set_text(&s->facilitator, t, SESSION_FIELD_MAX, &d);
    free(t);
    for (int i = 0; i < SESSION_PARTICIPANTS_MAX; i++) {
        char *n = worst_text(SESSION_FIELD_MAX, (unsigned)i % (N_WORST + 1), 0);
        char *r = worst_text(SESSION_FIELD_MAX, (unsigned)(i + 1) % (N_WORST + 1), 0);
        session_add_participant(s, n, r, &d);
        free(n);
        free(r);
    }
    for (int qi = 0; qi < b->n_questions; qi++) {
        answer_parse(&b->questions[qi], "all", &s->answers[qi], &d);
        t = worst_text(SESSION_NOTE_MAX, (unsigned)qi % (N_WORST + 1), 1);
        session_set_note(s, qi, t, 1764000000, &d);
        free(t);
        for (int k = 0; k < SESSION_EVIDENCE_COUNT; k++) {
            t = worst_text(SESSION_EVIDENCE_MAX, (unsigned)(qi + k) % (N_WORST + 1), 0);
            session_add_evidence(s, qi, t, 1764000000, &d);
            free(t);
        }
        s->answers[qi].documented = 1;
    }
    char path[4096];
    snprintf(path, sizeof path, "%s/sessions/at", out);
    mkdirs(path);
    snprintf(path, sizeof path, "%s/sessions/at/max.ini", out);
    if (diags_errors(&d) || session_save(path, b, s, 0, &d)) {
        fprintf(stderr, "gen_limits: %s: %s\n", path, d.n ? d.v[0].msg : "?");
        exit(2);
    }
    session_free(s);
    diags_free(&d);
}

static void sessions(const struct bank *b)
{
    struct sbuf t;
    sbuf_init(&t);
    const char *id = b->id;
    int q = b->questions[0].number;
    char rel[64];
    session_max(b);

    /* keys and sections: exactly the limit, with keys kollen does not know (kept) */
    session_head(&t, id);
    sbuf_add(&t, "[extra]\n");
    for (long e = 7; e < STORE_KEYS_MAX; e++)
        sbuf_addf(&t, "k%ld = v\n", e);
    emit("sessions/at/keys.ini", &t, -1);
    sbuf_addf(&t, "k%d = v\n", STORE_KEYS_MAX);
    emit("sessions/past/keys.ini", &t, lines(&t));

    /* the longest line */
    session_head(&t, id);
    sbuf_addf(&t, "future = %0991d\n", 0);
    emit("sessions/at/line.ini", &t, -1);
    session_head(&t, id);
    sbuf_addf(&t, "future = %0992d\n", 0);
    emit("sessions/past/line.ini", &t, 7);

    /* a note of 64 KiB split per line, as kollen wrote notes before it split them by size */
    session_head(&t, id);
    sbuf_addf(&t, "[answer.%d]\n", q);
    for (int i = 1; i <= SESSION_NOTE_MAX / 2; i++)
        sbuf_addf(&t, "note.%d = a%%0A\n", i);
    emit("sessions/at/note-old-parts.ini", &t, -1);
    sbuf_addf(&t, "note.%d = b\n", SESSION_NOTE_MAX / 2 + 1);
    emit("sessions/past/note-old-parts.ini", &t, 8);

    /* a note one byte too long, evidence one too many and one byte too long */
    session_head(&t, id);
    sbuf_addf(&t, "[answer.%d]\n", q);
    for (int i = 1, left = SESSION_NOTE_MAX + 1; left > 0; i++, left -= 900)
        sbuf_addf(&t, "note.%d = %0*d\n", i, left < 900 ? left : 900, 0);
    emit("sessions/past/note.ini", &t, 8);
    session_head(&t, id);
    sbuf_addf(&t, "[answer.%d]\n", q);
    for (int k = 1; k <= SESSION_EVIDENCE_COUNT + 1; k++)
        sbuf_addf(&t, "evidence.%d = %0300d\n", k, k);
    emit("sessions/past/evidence-count.ini", &t, 7);
    session_head(&t, id);
    sbuf_addf(&t, "[answer.%d]\nevidence.1 = %0301d\n", q, 0);
    emit("sessions/past/evidence-long.ini", &t, 8);

    /* one-line fields, participants */
    session_head(&t, id);
    sbuf_addf(&t, "facilitator = %0201d\n", 0);
    emit("sessions/past/field-long.ini", &t, 7);
    session_head(&t, id);
    for (int i = 1; i <= SESSION_PARTICIPANTS_MAX + 1; i++)
        sbuf_addf(&t, "[participant.%d]\nname = P%d\nrole = R\n", i, i);
    emit("sessions/past/participants.ini", &t, lines(&t) - 2);

    /* floods: the key table that crashed past 262,000 keys, and a section per line */
    sbuf_reset(&t);
    sbuf_add(&t, "[a]\n");
    for (long i = 1; i <= 270000; i++)
        sbuf_addf(&t, "k%ld = v\n", i);
    emit("sessions/past/keys-270000.ini", &t, STORE_KEYS_MAX + 1);
    sbuf_reset(&t);
    for (long i = 1; i <= 270000; i++)
        sbuf_addf(&t, "[s%ld]\n", i);
    emit("sessions/past/sections-270000.ini", &t, STORE_KEYS_MAX + 1);

    /* the file size */
    session_head(&t, id);
    while (t.len < (size_t)STORE_FILE_MAX - 100)
        sbuf_add(&t, "; padding ......................................................\n");
    while (t.len < (size_t)STORE_FILE_MAX - 1)
        sbuf_addc(&t, ';');
    sbuf_addc(&t, '\n');
    emit("sessions/at/size.ini", &t, -1);
    sbuf_addc(&t, '\n');
    emit("sessions/past/size.ini", &t, 0);

    /* names and values kollen cannot read unambiguously */
    session_head(&t, id);
    sbuf_addf(&t, "[answer.%d]\nvalue = 1\n[answer.0%d]\nvalue = 1\n", q, q);
    emit("sessions/past/number.ini", &t, 9);
    session_head(&t, id);
    sbuf_addf(&t, "[answer.%d]\nnote.1 = a%%00b\n", q);
    emit("sessions/past/nul.ini", &t, 8);
    session_head(&t, id);
    sbuf_addf(&t, "[answer.%d]\nnote.1 = a%%0\nnote.2 = 0b\n", q);
    emit("sessions/past/nul-parts.ini", &t, 8);
    (void)rel;
    sbuf_free(&t);
}

/* --- banks --- */

struct bankspec {
    int levels, areas, questions, options;
    long entries; /* 0: as it comes; else pad with help.N parts to exactly this many */
};

/* A bank folder OUT/rel/ for spec; returns the entries written; *last_line gets the line of
 * the last entry of questions.ini. */
static long bank(const char *rel, const struct bankspec *sp, long *last_line)
{
    struct sbuf t;
    sbuf_init(&t);
    const char *id = strrchr(rel, '/') + 1;
    char file[4096];
    long entries = 0;
    sbuf_addf(&t, "[bank]\nid = %s\nname = Gränsbanken %s\nprovenance = generated by "
                  "tests/tools/gen_limits.c\n[levels]\n", id, id);
    entries += 5;
    for (int l = 1; l <= sp->levels; l++, entries++)
        sbuf_addf(&t, "%d = Nivå %d\n", l, l);
    snprintf(file, sizeof file, "%s/bank.ini", rel);
    emit(file, &t, -1);
    sbuf_reset(&t);
    for (int a = 1; a <= sp->areas; a++, entries += 3)
        sbuf_addf(&t, "[area.a%d]\nname = Område %d\norder = %d\n", a, a, a);
    snprintf(file, sizeof file, "%s/areas.ini", rel);
    emit(file, &t, -1);
    sbuf_reset(&t);
    int levels = sp->levels < 8 ? sp->levels : 8;
    for (int q = 1; q <= sp->questions; q++) {
        sbuf_addf(&t, "[question.%d]\narea = a%d\nsection = %d\ntype = multi\ntext = Fråga %d\n"
                      "provenance = reconstructed\npoints = %d\n",
                  q, (q - 1) % (sp->areas < 64 ? sp->areas : 64) + 1, (q - 1) % levels + 1, q,
                  sp->options);
        entries += 7;
        for (int o = 1; o <= sp->options; o++, entries++)
            sbuf_addf(&t, "option.%d = Åtgärd %d\n", o, o);
        for (int l = 1; l <= levels; l++, entries++)
            sbuf_addf(&t, "rule.%d = actions >= %d\n", l, l < sp->options ? l : sp->options);
    }
    for (int h = 1; sp->entries && entries < sp->entries; h++, entries++)
        sbuf_addf(&t, "help.%d = del %d\n", h, h);
    *last_line = lines(&t);
    snprintf(file, sizeof file, "%s/questions.ini", rel);
    emit(file, &t, -1);
    sbuf_free(&t);
    return entries;
}

static void banks(void)
{
    long last;
    /* the largest bank: every count at its limit and the files at the key limit together */
    struct bankspec max = {BANK_MAX_LEVELS, BANK_MAX_AREAS, BANK_MAX_QUESTIONS, BANK_MAX_OPTIONS,
                           STORE_KEYS_MAX};
    bank("banks/at/max", &max, &last);
    struct bankspec sp = max;
    sp.entries = STORE_KEYS_MAX + 1;
    bank("banks/past/keys", &sp, &last);
    fprintf(expect, "banks/past/keys/questions.ini %ld\n", last);
    sp = max;
    sp.entries = 0;
    sp.questions = 4;
    sp.levels = BANK_MAX_LEVELS + 1;
    bank("banks/past/levels", &sp, &last);
    fprintf(expect, "banks/past/levels/bank.ini %d\n", 6 + BANK_MAX_LEVELS);
    sp.levels = 2;
    sp.areas = BANK_MAX_AREAS + 1;
    bank("banks/past/areas", &sp, &last);
    fprintf(expect, "banks/past/areas/areas.ini %d\n", 3 * BANK_MAX_AREAS + 1);
    sp.areas = 2;
    sp.options = BANK_MAX_OPTIONS + 1;
    bank("banks/past/options", &sp, &last);
    fprintf(expect, "banks/past/options/questions.ini 1\n");
    sp.options = 2;
    sp.questions = BANK_MAX_QUESTIONS + 1;
    bank("banks/past/questions", &sp, &last);
    fprintf(expect, "banks/past/questions/questions.ini %ld\n",
            last - (7 + sp.options + sp.levels) + 1);
}

/* A large questions file for the mini bank (areas alfa and beta, three levels). */
static void fuzz_seed(void)
{
    struct sbuf t;
    sbuf_init(&t);
    for (int q = 1; q <= 100; q++) {
        sbuf_addf(&t, "[question.%d]\narea = %s\nsection = %d\ntype = multi\ntext = F%d\n"
                      "provenance = reconstructed\npoints = 64\n",
                  q, q % 2 ? "alfa" : "beta", q % 3 + 1, q);
        for (int o = 1; o <= BANK_MAX_OPTIONS; o++)
            sbuf_addf(&t, "option.%d = Å %d\n", o, o);
        sbuf_add(&t, "rule.1 = actions >= 1\nrule.2 = actions >= 2\nrule.3 = all\n");
    }
    emit("fuzz/bank-questions.ini", &t, -1);
    sbuf_free(&t);
}

int main(int argc, char **argv)
{
    if (argc != 2 && argc != 4) {
        fprintf(stderr, "usage: gen_limits OUT [QUESTIONS_DIR BANK]\n");
        return 1;
    }
    out = argv[1];
    umask(077); /* sessions are private: no warning about their mode */
    mkdirs(out);
    char path[4096];
    snprintf(path, sizeof path, "%s/expect", out);
    if (!(expect = fopen(path, "w")))
        die(path);
    /* the bank's cache, written where it is a fuzz seed, not in the user's cache */
    snprintf(path, sizeof path, "%s/fuzz", out);
    setenv("XDG_CACHE_HOME", path, 1);
    snprintf(path, sizeof path, "%s/expect", out);
    struct diags d;
    diags_init(&d);
    struct bank *b;
    if (bank_load_id(argc == 4 ? argv[2] : "tests/fixtures/good", argc == 4 ? argv[3] : "mini",
                     &b, &d)) {
        fprintf(stderr, "gen_limits: %s\n", d.n ? d.v[0].msg : "cannot load the bank");
        return 2;
    }
    sessions(b);
    banks();
    fuzz_seed();
    bank_free(b);
    diags_free(&d);
    if (fclose(expect))
        die(path);
    return 0;
}
