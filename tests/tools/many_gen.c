/* many_gen.c: writes N realistic, valid sessions of one bank into a folder, for the
 * many-session benchmark and tests. Each organisation gets a maturity drawn at random; it
 * answers every question, ticking more (and documenting more) the more mature it is, with a
 * note of a few hundred bytes on every answer, some evidence, participants and a sitting.
 * Actor groups in MSB's 2023 proportions (153 kommuner, 18 regioner, 120 myndigheter).
 * Deterministic for a given seed. Files are created 0600 and never replaced.
 *
 *   many_gen QUESTIONS_DIR BANK_ID OUTDIR N [SEED] */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kollen/store.h"
#include "kollen/text.h"

static uint64_t rng = 88172645463325252ULL;

static uint32_t next(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return (uint32_t)(rng >> 11);
}

/* uniform in [0, 1) */
static double unit(void)
{
    return (next() & 0xFFFFFF) / 16777216.0;
}

static const char *const words[] = {
    "ledningsgruppen", "beslutade", "rutinen", "för", "informationsklassning", "och",
    "riskanalys;", "uppföljning", "sker", "årligen", "#2", "enligt", "\"planen\"", "men",
    "förvaltningarna", "tillämpar", "den", "olika", "— se", "protokoll", "100 %", "av",
    "verksamheterna", "omfattas", "inte", "ännu", "IT-chefen", "återkommer", "i", "mars",
};

static void note_text(char *buf, size_t cap)
{
    size_t want = 200 + next() % 250, len = 0;
    buf[0] = '\0';
    while (len < want && len + 40 < cap) {
        const char *w = words[next() % (sizeof words / sizeof words[0])];
        len += (size_t)snprintf(buf + len, cap - len, len ? " %s" : "%s", w);
        if (next() % 9 == 0 && len + 2 < cap)
            len += (size_t)snprintf(buf + len, cap - len, ".\n");
    }
}

static void answer_question(const struct question *q, struct answer *a, double m)
{
    /* earlier sections are easier: the basics come first */
    double p = m + (q->section <= 1 ? 0.25 : q->section == 2 ? 0.05 : -0.1);
    p = p < 0.02 ? 0.02 : p > 0.98 ? 0.98 : p;
    a->answered = 1;
    if (q->type == QTYPE_MULTI) {
        for (int k = 0; k < q->n_options; k++)
            if (unit() < p)
                a->ticks |= 1ULL << k;
    } else {
        int c = 1 + (int)(p * q->n_options + (unit() - 0.5) * 2);
        a->choice = c < 1 ? 1 : c > q->n_options ? q->n_options : c;
    }
    a->documented = unit() < m + 0.1;
    a->followup = next() % 7 == 0;
}

static int write_file(const char *path, const char *text)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0600);
    if (fd < 0)
        return -1;
    size_t n = strlen(text), off = 0;
    while (off < n) {
        ssize_t w = write(fd, text + off, n - off);
        if (w <= 0) {
            close(fd);
            return -1;
        }
        off += (size_t)w;
    }
    return close(fd);
}

static int one(const struct bank *b, const char *dir, int i)
{
    static const char *const first[] = {"Anna", "Bo", "Cecilia", "David", "Eva", "Fredrik",
                                         "Greta", "Hassan", "Ida", "Johan"};
    static const char *const roles[] = {"Säkerhetschef", "IT-chef", "Arkivarie", "HR-chef",
                                        "Jurist", "Verksamhetschef"};
    uint32_t g = next() % 291;
    enum actor_group group = g < 153 ? GROUP_KOMMUN : g < 171 ? GROUP_REGION : GROUP_MYNDIGHET;
    static const char *const kind[] = {"kommun", "region", "myndighet"};
    char org[64], path[4096], note[1024];
    snprintf(org, sizeof org, "Organisation %05d (%s)", i, kind[group]);
    int64_t t = 1767250800 + (int64_t)(next() % 300) * 86400;
    char date[16];
    text_format_date(t, date, sizeof date);
    struct session *s = session_new(b, org, group, date, t);
    if (!s)
        return -1;
    double m = unit() * unit() * 1.1; /* most organisations are early on, a few far ahead */
    int np = 3 + (int)(next() % 6), k;
    for (int p = 0; p < np; p++) {
        char name[32];
        snprintf(name, sizeof name, "%s %d", first[next() % 10], p + 1);
        session_add_participant(s, name, roles[next() % 6], NULL);
    }
    session_add_sitting(s, t, &k, NULL);
    session_end_sitting(s, k, t + 3 * 3600);
    for (int p = 0; p < np; p++)
        session_set_present(s, k, p, 1, NULL);
    for (int qi = 0; qi < b->n_questions; qi++) {
        answer_question(&b->questions[qi], &s->answers[qi], m);
        s->answers[qi].changed = t + qi * 60;
        note_text(note, sizeof note);
        session_set_note(s, qi, note, t + qi * 60, NULL);
        if (s->answers[qi].documented) {
            char ev[64];
            snprintf(ev, sizeof ev, "Protokoll %s §%d", date, qi + 1);
            session_add_evidence(s, qi, ev, t + qi * 60, NULL);
        }
    }
    s->cursor = b->questions[b->n_questions - 1].number;
    char *text = session_format(b, s);
    session_free(s);
    if (!text)
        return -1;
    snprintf(path, sizeof path, "%s/s%05d.ini", dir, i);
    int rc = write_file(path, text);
    if (rc)
        fprintf(stderr, "many_gen: %s: %s\n", path, strerror(errno));
    free(text);
    return rc;
}

int main(int argc, char **argv)
{
    if (argc < 5) {
        fprintf(stderr, "usage: many_gen QUESTIONS_DIR BANK_ID OUTDIR N [SEED]\n");
        return 2;
    }
    int n = atoi(argv[4]);
    if (argc > 5)
        rng ^= strtoull(argv[5], NULL, 10) * 0x9E3779B97F4A7C15ULL;
    struct diags d;
    diags_init(&d);
    struct bank *b = NULL;
    if (bank_load_id(argv[1], argv[2], &b, &d)) {
        fprintf(stderr, "many_gen: cannot load bank %s\n", argv[2]);
        return 1;
    }
    if (mkdir(argv[3], 0700) && errno != EEXIST) {
        fprintf(stderr, "many_gen: %s: %s\n", argv[3], strerror(errno));
        return 1;
    }
    for (int i = 0; i < n; i++)
        if (one(b, argv[3], i)) {
            bank_free(b);
            return 1;
        }
    bank_free(b);
    diags_free(&d);
    return 0;
}
