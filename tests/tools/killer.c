/* killer.c: crash safety of `kollen set`. Runs it RUNS times and SIGKILLs it at a random
 * moment, then loads the session: it must load and hold either the old or the new answer,
 * with every note intact. Where the kill lands is steered with inotify, so the kills really
 * spread over the save: a fifth land at a random moment between start and the temporary
 * file's creation (loading, locking), the rest at a random moment between its creation and
 * its rename (writing, fsync, rename, folder fsync), as measured while calibrating.
 * Prints the figures.
 *
 *   killer KOLLEN QUESTIONS_DIR SESSION RUNS */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <poll.h>
#include <sys/inotify.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "kollen/store.h"

static double now_us(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

static pid_t spawn(const char *kollen, const char *qdir, const char *session, const char *ans)
{
    pid_t pid = fork();
    if (pid == 0) {
        int devnull = open("/dev/null", O_WRONLY);
        dup2(devnull, 1);
        dup2(devnull, 2);
        execl(kollen, kollen, "--questions", qdir, "set", session, "1", ans, "--quiet",
              (char *)NULL);
        _exit(127);
    }
    return pid;
}

static int load(const char *qdir, const char *session, struct bank **b, struct session **s)
{
    struct diags d;
    diags_init(&d);
    int rc = session_open(session, qdir, b, s, &d);
    if (rc)
        for (size_t i = 0; i < d.n; i++)
            fprintf(stderr, "  %s:%d: %s\n", d.v[i].file, d.v[i].line, d.v[i].msg);
    diags_free(&d);
    return rc;
}

int main(int argc, char **argv)
{
    if (argc != 5) {
        fprintf(stderr, "usage: killer KOLLEN QUESTIONS_DIR SESSION RUNS\n");
        return 2;
    }
    const char *kollen = argv[1], *qdir = argv[2], *session = argv[3];
    int runs = atoi(argv[4]);
    struct bank *b;
    struct session *s;
    if (load(qdir, session, &b, &s))
        return 1;
    /* the notes every good file must still hold */
    char *notes[64] = {0};
    for (int i = 0; i < s->n_answers && i < 64; i++)
        notes[i] = s->answers[i].note ? strdup(s->answers[i].note) : NULL;
    session_free(s);
    bank_free(b);

    char dir[4096];
    snprintf(dir, sizeof dir, "%s", session);
    char *slash = strrchr(dir, '/');
    if (slash)
        *slash = '\0';
    else
        snprintf(dir, sizeof dir, ".");
    int in = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (in < 0 || inotify_add_watch(in, dir, IN_CREATE | IN_MOVED_TO) < 0) {
        perror("killer: inotify");
        return 1;
    }
    /* calibrate: time to the temporary file's creation, and from it to the rename */
    double to_create = 0, to_rename = 0;
    for (int i = 0; i < 20; i++) {
        double t0 = now_us(), tc = 0, tr = 0;
        int st;
        pid_t pid = spawn(kollen, qdir, session, i % 2 ? "1" : "1,2");
        while (!tr) {
            char ev[4096];
            struct pollfd p = {in, POLLIN, 0};
            if (poll(&p, 1, 5000) <= 0)
                break;
            ssize_t n = read(in, ev, sizeof ev);
            for (ssize_t off = 0; off < n;) {
                struct inotify_event *e = (struct inotify_event *)(ev + off);
                if (e->len && strstr(e->name, ".tmp.") && (e->mask & IN_CREATE) && !tc)
                    tc = now_us();
                if (e->len && (e->mask & IN_MOVED_TO))
                    tr = now_us();
                off += (ssize_t)sizeof *e + e->len;
            }
        }
        waitpid(pid, &st, 0);
        if (!WIFEXITED(st) || WEXITSTATUS(st) != 0 || !tc || !tr) {
            fprintf(stderr, "killer: kollen set failed while calibrating\n");
            return 1;
        }
        to_create += tc - t0;
        to_rename += tr - tc;
    }
    to_create /= 20;
    to_rename /= 20;
    srand(20261128);
    int old_kept = 0, new_saved = 0, bad = 0, finished = 0, early = 0, in_save = 0;
    for (int r = 0; r < runs; r++) {
        if (load(qdir, session, &b, &s)) {
            bad++;
            break;
        }
        uint64_t before = s->answers[0].ticks;
        uint64_t after = before == 1 ? 3 : 1;
        session_free(s);
        bank_free(b);
        char drain[4096];
        while (read(in, drain, sizeof drain) > 0)
            ;
        int during_save = r % 5 != 0;
        double frac = rand() / (double)RAND_MAX;
        pid_t pid = spawn(kollen, qdir, session, after == 1 ? "1" : "1,2");
        double t0 = now_us(), delay = frac * to_create;
        if (during_save) {
            /* wait for the temporary file, then kill somewhere in the save (and a little after) */
            double deadline = now_us() + 5e6;
            int seen = 0;
            while (!seen && now_us() < deadline) {
                struct pollfd p = {in, POLLIN, 0};
                if (poll(&p, 1, 100) <= 0)
                    continue;
                char ev[4096];
                ssize_t n = read(in, ev, sizeof ev);
                for (ssize_t off = 0; off < n;) {
                    struct inotify_event *e = (struct inotify_event *)(ev + off);
                    if (e->len && strstr(e->name, ".tmp.") && (e->mask & IN_CREATE))
                        seen = 1;
                    off += (ssize_t)sizeof *e + e->len;
                }
            }
            t0 = now_us();
            delay = frac * to_rename * 1.1;
            in_save++;
        } else {
            early++;
        }
        while (now_us() - t0 < delay)
            ;
        kill(pid, SIGKILL);
        int st;
        waitpid(pid, &st, 0);
        if (WIFEXITED(st))
            finished++;
        if (load(qdir, session, &b, &s)) {
            fprintf(stderr, "killer: run %d: the session does not load\n", r);
            bad++;
            continue;
        }
        uint64_t got = s->answers[0].ticks;
        int notes_ok = 1;
        for (int i = 0; i < s->n_answers && i < 64; i++) {
            const char *n = s->answers[i].note;
            if ((n == NULL) != (notes[i] == NULL) || (n && strcmp(n, notes[i])))
                notes_ok = 0;
        }
        if (got == before && notes_ok)
            old_kept++;
        else if (got == after && notes_ok)
            new_saved++;
        else {
            fprintf(stderr, "killer: run %d: answer %llx is neither %llx nor %llx (notes %s)\n", r,
                    (unsigned long long)got, (unsigned long long)before,
                    (unsigned long long)after, notes_ok ? "intact" : "damaged");
            bad++;
        }
        session_free(s);
        bank_free(b);
    }
    close(in);
    printf("kill runs %d: %d before the save (0..%.0f us after start), %d during it (0..%.0f us "
           "after the temporary file appeared); old answer kept %d, new answer saved %d (%d "
           "runs finished before the kill), lost or mixed %d\n",
           runs, early, to_create, in_save, to_rename * 1.1, old_kept, new_saved, finished, bad);
    for (int i = 0; i < 64; i++)
        free(notes[i]);
    return bad ? 1 : 0;
}
