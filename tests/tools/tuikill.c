/* tuikill.c: crash safety of the TUI's autosave. Runs the workshop TUI on a pseudo-terminal
 * RUNS times, types ticks (each one a save of the whole session), and SIGKILLs kollen at a
 * random moment; then the session must load (`kollen check --json` exits 0), hold exactly the
 * state of the last save that completed (every save's rename is counted with inotify, so
 * "old or new" is checked to the save), with every note intact, and the next run's TUI must
 * take over the lock the killed one left. Where the kills land is steered with inotify: a
 * fifth at a random moment while the TUI starts (loading, locking, drawing), the rest at a
 * random moment inside a save (between the temporary file's creation and a little past its
 * rename, as measured while calibrating and kept up to date by every save seen whole) of the
 * first, second or third tick. Prints the figures.
 *
 *   tuikill KOLLEN QUESTIONS_DIR SESSION RUNS MARKER
 *
 * MARKER is text of the first screen (the organisation): the TUI is ready for keys. Question 1
 * must be a multiple-choice question with at least 3 options; each run goes to it first. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "kollen/store.h"

static double now_us(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

/* Wait us microseconds: asleep for all but the last 150 (a spinning parent takes the CPU the
 * TUI's save needs), then spinning (a sleep overshoots by about that much). */
static void sleep_us(double us)
{
    double end = now_us() + us, nap = us - 150;
    if (nap > 0) {
        struct timespec ts = {(time_t)(nap / 1e6), (long)(nap - (double)(time_t)(nap / 1e6) * 1e6) * 1000};
        nanosleep(&ts, NULL);
    }
    while (now_us() < end)
        ;
}

static const char *kollen, *qdir, *session, *marker;
static char base[256];

struct child {
    pid_t pid;
    int master;
    char out[8192]; /* the end of what it drew, to find the marker in */
    size_t len;
    int ready;
};

/* The TUI on a new pseudo-terminal of 80x24. */
static int spawn(struct child *c)
{
    memset(c, 0, sizeof *c);
    c->master = posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (c->master < 0 || grantpt(c->master) || unlockpt(c->master))
        return -1;
    struct winsize ws = {24, 80, 0, 0};
    ioctl(c->master, TIOCSWINSZ, &ws);
    const char *slave = ptsname(c->master);
    if (!slave)
        return -1;
    char slave_path[128];
    snprintf(slave_path, sizeof slave_path, "%s", slave);
    c->pid = fork();
    if (c->pid < 0)
        return -1;
    if (c->pid == 0) {
        setsid();
        int fd = open(slave_path, O_RDWR);
        if (fd < 0)
            _exit(127);
        ioctl(fd, TIOCSCTTY, 0);
        dup2(fd, 0);
        dup2(fd, 1);
        dup2(fd, 2);
        if (fd > 2)
            close(fd);
        setenv("TERM", "screen", 1);
        execl(kollen, kollen, "--questions", qdir, session, (char *)NULL);
        _exit(127);
    }
    fcntl(c->master, F_SETFL, O_NONBLOCK);
    return 0;
}

/* Read what the TUI drew (it blocks when nobody reads the terminal), note the marker. */
static void drain(struct child *c)
{
    char buf[4096];
    ssize_t n;
    while ((n = read(c->master, buf, sizeof buf)) > 0) {
        if (c->len + (size_t)n >= sizeof c->out) { /* keep the last part */
            size_t keep = sizeof c->out / 2;
            memmove(c->out, c->out + c->len - keep, keep);
            c->len = keep;
        }
        if ((size_t)n >= sizeof c->out - c->len)
            n = (ssize_t)(sizeof c->out - c->len - 1);
        memcpy(c->out + c->len, buf, (size_t)n);
        c->len += (size_t)n;
        c->out[c->len] = '\0';
        if (!c->ready && memmem(c->out, c->len, marker, strlen(marker)))
            c->ready = 1;
    }
}

static void finish(struct child *c, int sig)
{
    if (sig)
        kill(c->pid, sig);
    int st;
    while (waitpid(c->pid, &st, WNOHANG) == 0) {
        drain(c);
        usleep(1000);
    }
    close(c->master);
}

/* Saves seen: temporary files created and renames onto the session. */
struct events {
    int creates, renames;
};

static int in_fd;

static void read_events(struct events *e, int wait_ms)
{
    struct pollfd p = {in_fd, POLLIN, 0};
    if (poll(&p, 1, wait_ms) <= 0)
        return;
    char buf[8192] __attribute__((aligned(8)));
    ssize_t n = read(in_fd, buf, sizeof buf);
    for (ssize_t off = 0; off < n;) {
        struct inotify_event *ev = (struct inotify_event *)(buf + off);
        if (ev->len && (ev->mask & IN_CREATE) && strstr(ev->name, ".tmp."))
            e->creates++;
        if (ev->len && (ev->mask & IN_MOVED_TO) && !strcmp(ev->name, base))
            e->renames++;
        off += (ssize_t)sizeof *ev + ev->len;
    }
}

/* Wait (polling the terminal and inotify) until pred holds or timeout; 0 when it held. */
static int wait_until(struct child *c, struct events *e, int (*pred)(const struct child *,
                                                                      const struct events *,
                                                                      int),
                      int arg, double timeout_us)
{
    double end = now_us() + timeout_us;
    while (!pred(c, e, arg)) {
        if (now_us() > end)
            return -1;
        struct pollfd p[2] = {{in_fd, POLLIN, 0}, {c->master, POLLIN, 0}};
        poll(p, 2, 20);
        drain(c);
        read_events(e, 0);
    }
    return 0;
}

static int is_ready(const struct child *c, const struct events *e, int arg)
{
    (void)e;
    (void)arg;
    return c->ready;
}

static int created(const struct child *c, const struct events *e, int n)
{
    (void)c;
    return e->creates >= n;
}

static int renamed(const struct child *c, const struct events *e, int n)
{
    (void)c;
    return e->renames >= n;
}

static void type_key(struct child *c, char key)
{
    while (write(c->master, &key, 1) < 0 && errno == EAGAIN)
        drain(c);
}

/* g 1 Enter: to question 1, wherever the session left off */
static void go_to_question_1(struct child *c)
{
    type_key(c, 'g');
    type_key(c, '1');
    type_key(c, '\r');
}

static int load(struct bank **b, struct session **s)
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

/* `kollen check --json SESSION` exits 0. */
static int check_ok(void)
{
    pid_t pid = fork();
    if (pid == 0) {
        int devnull = open("/dev/null", O_WRONLY);
        dup2(devnull, 1);
        dup2(devnull, 2);
        execl(kollen, kollen, "--questions", qdir, "check", session, "--json", (char *)NULL);
        _exit(127);
    }
    int st;
    waitpid(pid, &st, 0);
    return WIFEXITED(st) && WEXITSTATUS(st) == 0;
}

static int same_text(const char *x, const char *y)
{
    return !strcmp(x ? x : "", y ? y : "");
}

/* Everything but question 1's ticks as it was, and question 1's ticks as expected. */
static int state_ok(const struct session *ref, const struct session *s, int q1, uint64_t want,
                    char *why, size_t n)
{
    if (s->n_answers != ref->n_answers || !same_text(s->organisation, ref->organisation)) {
        snprintf(why, n, "the session's head changed");
        return 0;
    }
    for (int i = 0; i < s->n_answers; i++) {
        const struct answer *x = &s->answers[i], *y = &ref->answers[i];
        if (!same_text(x->note, y->note)) {
            snprintf(why, n, "the note of answer %d is damaged", i + 1);
            return 0;
        }
        if (i == q1)
            continue;
        if (x->ticks != y->ticks || x->choice != y->choice || x->answered != y->answered ||
            x->n_evidence != y->n_evidence) {
            snprintf(why, n, "answer %d changed", i + 1);
            return 0;
        }
    }
    if (s->answers[q1].ticks != want) {
        snprintf(why, n, "question 1 holds ticks %llx, the last save wrote %llx",
                 (unsigned long long)s->answers[q1].ticks, (unsigned long long)want);
        return 0;
    }
    return 1;
}

int main(int argc, char **argv)
{
    if (argc != 6) {
        fprintf(stderr, "usage: tuikill KOLLEN QUESTIONS_DIR SESSION RUNS MARKER\n");
        return 2;
    }
    kollen = argv[1];
    qdir = argv[2];
    session = argv[3];
    int runs = atoi(argv[4]);
    marker = argv[5];
    signal(SIGPIPE, SIG_IGN);

    char dir[4096];
    snprintf(dir, sizeof dir, "%s", session);
    char *slash = strrchr(dir, '/');
    snprintf(base, sizeof base, "%s", slash ? slash + 1 : session);
    if (slash)
        *slash = '\0';
    else
        snprintf(dir, sizeof dir, ".");
    in_fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (in_fd < 0 || inotify_add_watch(in_fd, dir, IN_CREATE | IN_MOVED_TO) < 0) {
        perror("tuikill: inotify");
        return 1;
    }

    struct bank *b;
    struct session *ref;
    if (load(&b, &ref))
        return 1;
    int q1 = bank_find_question(b, 1);
    if (q1 < 0 || b->questions[q1].type != QTYPE_MULTI || b->questions[q1].n_options < 3) {
        fprintf(stderr, "tuikill: question 1 must be multiple choice with 3 options\n");
        return 1;
    }
    bank_free(b);

    /* calibrate: start-up to the first screen, and a save from its temporary file to the
     * rename; each run ends with q */
    double startup = 0, save = 0;
    const int cal = 5;
    for (int i = 0; i < cal; i++) {
        struct child c;
        struct events e = {0, 0};
        read_events(&e, 0);
        e = (struct events){0, 0};
        double t0 = now_us();
        if (spawn(&c) || wait_until(&c, &e, is_ready, 0, 10e6)) {
            fprintf(stderr, "tuikill: the TUI did not start while calibrating:\n%s\n", c.out);
            return 1;
        }
        startup += now_us() - t0;
        go_to_question_1(&c);
        for (int k = 1; k <= 3; k++) { /* three ticks: the first save is slower (cold) */
            type_key(&c, (char)('0' + k));
            double tc = 0;
            if (wait_until(&c, &e, created, k, 10e6) == 0)
                tc = now_us();
            if (!tc || wait_until(&c, &e, renamed, k, 10e6)) {
                fprintf(stderr, "tuikill: no save while calibrating:\n%s\n", c.out);
                finish(&c, SIGKILL);
                return 1;
            }
            if (k > 1)
                save += (now_us() - tc) / 2;
        }
        type_key(&c, 'q');
        finish(&c, 0);
    }
    startup /= cal;
    save /= cal;
    session_free(ref);
    if (load(&b, &ref))
        return 1;
    bank_free(b);

    srand(20261128);
    int in_start = 0, in_save = 0, start_same = 0, old_kept = 0, new_saved = 0, bad = 0;
    int stale_locks = 0;
    int saves_done = 0;
    char lock[4200];
    snprintf(lock, sizeof lock, "%s.lock", session);
    for (int r = 0; r < runs && bad < 5; r++) {
        uint64_t start_ticks = ref->answers[q1].ticks, want[5];
        const char keys[] = "123";
        int nkeys = 1 + rand() % 3; /* the tick whose save is killed: 1st, 2nd or 3rd */
        int early = r % 5 == 0;
        double frac = rand() / (double)RAND_MAX;
        want[0] = start_ticks;
        for (int k = 1; k <= nkeys; k++)
            want[k] = want[k - 1] ^ (1ULL << (keys[(r + k) % 3] - '1'));
        struct child c;
        struct events e = {0, 0};
        read_events(&e, 0); /* what calibration or the last run left */
        e = (struct events){0, 0};
        if (access(lock, F_OK) == 0)
            stale_locks++; /* the killed run's lock: this TUI must take it over */
        double t0 = now_us();
        if (spawn(&c)) {
            perror("tuikill: spawn");
            return 1;
        }
        const char *fault = NULL;
        if (early) {
            in_start++;
            sleep_us(frac * startup - (now_us() - t0));
        } else {
            if (wait_until(&c, &e, is_ready, 0, 10e6))
                fault = "the TUI did not show its first screen";
            else
                go_to_question_1(&c);
            for (int k = 1; k <= nkeys && !fault; k++) {
                type_key(&c, keys[(r + k) % 3]);
                if (wait_until(&c, &e, created, k, 10e6)) {
                    fault = "a tick started no save (the stale lock not taken over?)";
                    break;
                }
                double tc = now_us();
                if (k < nkeys && wait_until(&c, &e, renamed, k, 10e6))
                    fault = "a save did not finish";
                else if (k < nkeys) /* the machine's pace now: a save seen whole */
                    save = 0.8 * save + 0.2 * (now_us() - tc);
            }
            if (!fault) {
                in_save++;
                sleep_us(frac * save * 1.1);
            }
        }
        finish(&c, SIGKILL);
        read_events(&e, 0);
        read_events(&e, 0);
        saves_done += e.renames;
        char why[256] = "";
        if (fault) {
            snprintf(why, sizeof why, "%s", fault);
        } else if (!check_ok()) {
            snprintf(why, sizeof why, "kollen check --json does not pass");
        } else {
            struct session *s;
            if (load(&b, &s)) {
                snprintf(why, sizeof why, "the session does not load");
            } else {
                int ok = e.renames <= nkeys && state_ok(ref, s, q1, want[e.renames], why,
                                                        sizeof why);
                if (ok && !early && e.renames == nkeys - 1)
                    old_kept++;
                else if (ok && !early && e.renames == nkeys)
                    new_saved++;
                else if (ok && early && e.renames == 0)
                    start_same++;
                else if (ok)
                    snprintf(why, sizeof why, "%d saves finished, %d ticks typed", e.renames,
                             nkeys);
                session_free(ref);
                ref = s;
                bank_free(b);
            }
        }
        if (why[0]) {
            fprintf(stderr, "tuikill: run %d (%s, tick %d, %.0f us): %s\n", r,
                    early ? "start-up" : "in a save", nkeys, early ? frac * startup
                                                                   : frac * save * 1.1,
                    why);
            bad++;
        }
    }
    session_free(ref);
    close(in_fd);
    printf("TUI kill runs %d (%d saves completed): %d while starting (0..%.0f us), the session "
           "as it was in %d; %d inside a save (0..%.0f us after its temporary file appeared): "
           "old state kept %d, new state saved %d; lost or mixed %d; stale locks taken over by "
           "the next TUI %d\n",
           runs, saves_done, in_start, startup, start_same, in_save, save * 1.1, old_kept,
           new_saved, bad, stale_locks);
    return bad ? 1 : 0;
}
