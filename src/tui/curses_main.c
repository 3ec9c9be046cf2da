/* curses_main.c: the curses adapter, the only TUI code that includes curses. It maps keys from
 * get_wch onto the key table's codes, copies the grid to the screen (roles to colour pairs or
 * monochrome attributes), and owns the terminal: signals, resizes, stderr while curses runs. */
#include <curses.h>
#include <errno.h>
#include <fcntl.h>
#include <langinfo.h>
#include <limits.h>
#include <locale.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "app.h"
#include "curses_out.h"
#include "input.h"
#include "kollen/msg.h"
#include "kollen/text.h"
#include "script.h"
#include "theme.h"
#include "tui.h"

static volatile sig_atomic_t got_signal, got_cont;

static void on_signal(int sig)
{
    got_signal = sig;
}

/* Back from Ctrl-Z: curses repaints what it knows, which is not what kollen wrote */
static void on_cont(int sig)
{
    (void)sig;
    got_cont = 1;
}

/* Printable ASCII glyphs as curses characters, per role: made once (setcchar), copied after. */
#define ASCII_GLYPHS (0x7F - 0x20)

struct term {
    int colour;
    int theme; /* the theme the colour pairs were made for */
    int utf8;
    struct grid prev;
    int have_prev;
    int saved_stderr;
    FILE *err_log;
    int cursor_on;
    cchar_t (*ascii)[ASCII_GLYPHS]; /* [role][glyph - 0x20], for the theme in use, or NULL */
    unsigned char (*ascii_made)[ASCII_GLYPHS];
    struct tout *out; /* kollen writes the frames (curses_out.h); NULL: curses does */
};

/* --- keys --- */

/* In an ASCII locale the terminal's UTF-8 is decoded here, not by get_wch (input.h). */
static int input_bytes;
static struct utf8_input typed;
static int queued, queued_r;
static wint_t queued_ch;

/* How long the rest of a character's bytes may take to come (a slow SSH link). */
#define INPUT_SEQUENCE_MS 200

/* One key as get_wch gives it (OK and a character, KEY_CODE_YES and a key code, or ERR), in
 * any locale: a broken sequence is U+FFFD and the key that broke it comes next, never lost. */
static int read_wch(wint_t *ch)
{
    if (!input_bytes)
        return get_wch(ch);
    if (queued) {
        queued = 0;
        *ch = queued_ch;
        return queued_r;
    }
    int delay = wgetdelay(stdscr), r = ERR;
    for (;;) {
        int c = getch();
        uint32_t out[2];
        int n = 0;
        if (c == ERR || c > 0xFF) { /* nothing more, or a key code: a sequence left is broken */
            uint32_t bad = utf8_input_flush(&typed);
            if (bad)
                out[n++] = bad;
            if (c != ERR) {
                queued = n > 0;
                queued_r = KEY_CODE_YES;
                queued_ch = (wint_t)c;
                if (!n) {
                    *ch = (wint_t)c;
                    r = KEY_CODE_YES;
                }
            }
        } else if ((n = utf8_input_byte(&typed, (unsigned)c, out)) == 0) {
            timeout(INPUT_SEQUENCE_MS); /* the rest of the character comes at once */
            continue;
        } else if (n == 2) {
            queued = 1;
            queued_r = OK;
            queued_ch = (wint_t)out[1];
        }
        if (n) {
            *ch = (wint_t)out[0];
            r = OK;
        }
        break;
    }
    if (wgetdelay(stdscr) != delay)
        timeout(delay);
    return r;
}

static int map_key(int r, wint_t ch)
{
    if (r == KEY_CODE_YES) {
        switch (ch) {
        case KEY_UP: return TK_UP;
        case KEY_DOWN: return TK_DOWN;
        case KEY_LEFT: return TK_LEFT;
        case KEY_RIGHT: return TK_RIGHT;
        case KEY_PPAGE: return TK_PGUP;
        case KEY_NPAGE: return TK_PGDN;
        case KEY_HOME: return TK_HOME;
        case KEY_END: return TK_END;
        case KEY_ENTER: return TK_ENTER;
        case KEY_BTAB: return TK_BTAB;
        case KEY_BACKSPACE: return TK_BACKSPACE;
        case KEY_DC: return TK_DELETE;
        case KEY_IC: return TK_INSERT;
        case KEY_F(1): return TK_F1;
        case KEY_RESIZE: return TK_RESIZE;
        case 0x222: return TK_CTRL_LEFT;  /* kLFT5 in xterm-like terminfo */
        case 0x231: return TK_CTRL_RIGHT; /* kRIT5 */
        default: return TK_NONE;
        }
    }
    switch (ch) {
    case '\r':
    case '\n': return TK_ENTER;
    case '\t': return TK_TAB;
    case 127:
    case 8: return TK_BACKSPACE;
    case 27: return TK_ESC;
    default: return (int)ch;
    }
}

/* --- drawing --- */

static void role_attr(const struct term *t, int role, attr_t *attr, short *pair)
{
    const struct role_style *st = theme_style(t->theme, role);
    int m = st->mono;
    attr_t a = A_NORMAL;
    if (!t->colour) {
        if (m & AT_BOLD)
            a |= A_BOLD;
        if (m & AT_REVERSE)
            a |= A_REVERSE;
        if (m & AT_UNDERLINE)
            a |= A_UNDERLINE;
        if (m & AT_DIM)
            a |= A_DIM;
        *pair = 0;
    } else {
        /* colours carry reverse and dim; bold and underline stay */
        if (m & AT_BOLD)
            a |= A_BOLD;
        if (m & AT_UNDERLINE)
            a |= A_UNDERLINE;
        *pair = (short)(role + 1);
    }
    *attr = a;
}

/* A colour pair per role, in the theme's colours. */
static void make_pairs(struct term *t, int defaults)
{
    for (int r = 0; r < R_COUNT; r++) {
        const struct role_style *st = theme_style(t->theme, r);
        short fg = (short)st->fg, bg = (short)st->bg;
        if (!defaults) {
            if (fg < 0)
                fg = COLOR_WHITE;
            if (bg < 0)
                bg = COLOR_BLACK;
        }
        init_pair((short)(r + 1), fg, bg);
    }
}

static int default_colours;

static void setup_colours(struct term *t)
{
    const char *nc = getenv("NO_COLOR");
    t->colour = has_colors() && !(nc && *nc);
    if (!t->colour)
        return;
    if (start_color() == ERR) {
        t->colour = 0;
        return;
    }
    default_colours = use_default_colors() == OK;
    make_pairs(t, default_colours);
}

/* Cell c as a curses character. */
static void cell_char(struct term *t, const struct cell *c, cchar_t *out)
{
    unsigned char c0 = (unsigned char)c->g[0];
    int ascii = c0 >= 0x20 && c0 < 0x7F && !c->g[1] && c->role < R_COUNT && t->ascii_made;
    if (ascii && t->ascii_made[c->role][c0 - 0x20]) {
        *out = t->ascii[c->role][c0 - 0x20];
        return;
    }
    wchar_t wc[GRID_GLYPH + 1];
    size_t n = 0, i = 0, len = strlen(c->g);
    while (i < len && n < GRID_GLYPH) {
        uint32_t cp;
        size_t k = utf8_decode(c->g + i, len - i, &cp);
        if (!k) {
            cp = '?';
            k = 1;
        }
        i += k;
        if (!t->utf8 && cp > 127) {
            /* a character this locale cannot show: a question mark, not mojibake */
            char mb[MB_LEN_MAX];
            if (wctomb(mb, (wchar_t)cp) < 0) {
                if (n == 0)
                    wc[n++] = (wchar_t)tout_ascii_for(cp);
                continue;
            }
        }
        wc[n++] = (wchar_t)cp;
    }
    if (n == 0)
        wc[n++] = L' ';
    wc[n] = L'\0';
    attr_t attr;
    short pair;
    role_attr(t, c->role, &attr, &pair);
    if (setcchar(out, wc, attr, pair, NULL) != OK)
        setcchar(out, L" ", attr, pair, NULL);
    if (ascii) {
        t->ascii[c->role][c0 - 0x20] = *out;
        t->ascii_made[c->role][c0 - 0x20] = 1;
    }
}

/* Cells [from, to) of row y to curses, a run at a time (mvadd_wchnstr); the right halves of
 * wide characters go with their left. */
#define RUN_MAX 256

static void put_run(struct term *t, const struct cell *row, int y, int from, int to)
{
    cchar_t run[RUN_MAX];
    int n = 0, col = from;
    for (int i = from; i < to; i++) {
        if (!row[i].width)
            continue;
        if (n == RUN_MAX) {
            mvadd_wchnstr(y, col, run, n);
            n = 0;
        }
        if (n == 0)
            col = i;
        cell_char(t, &row[i], &run[n++]);
    }
    if (n)
        mvadd_wchnstr(y, col, run, n);
}

/* The first cell in [x, hi) that differs from what the terminal shows, or hi: sixteen cells at
 * a time while they are the same (most of a row is, after a move key). */
static int skip_same(const struct cell *row, const struct cell *prow, int x, int hi)
{
    while (hi - x >= 16 && !memcmp(row + x, prow + x, 16 * sizeof *row))
        x += 16;
    while (x < hi && cell_same(&row[x], &prow[x]))
        x++;
    return x;
}

/* Copy the cells of row y in [lo, hi) that differ from what the terminal shows (prev; NULL:
 * not known, every cell goes). */
static void blit_row(struct term *t, const struct grid *g, int y, int lo, int hi, int full)
{
    const struct cell *row = &g->c[(size_t)y * (size_t)g->cols];
    struct cell *prow = t->have_prev ? grid_cell(&t->prev, 0, y) : NULL;
    full = full || !prow;
    int x = lo;
    while (x < hi) {
        if (!full && cell_same(&row[x], &prow[x])) {
            x = skip_same(row, prow, x + 1, hi);
            continue;
        }
        int start = x;
        if (row[start].width == 0 && start > 0) /* the right half of a wide character */
            start--;
        while (x < hi && (full || !cell_same(&row[x], &prow[x])))
            x++;
        if (x < g->cols && row[x].width == 0) /* the left half is in: its right goes along */
            x++;
        if (prow)
            memcpy(prow + start, row + start, (size_t)(x - start) * sizeof *row);
        if (t->out)
            tout_run(t->out, row, y, start, x);
        else
            put_run(t, row, y, start, x);
    }
}

static void blit(struct term *t, struct grid *g)
{
    int full = !t->have_prev || t->prev.cols != g->cols || t->prev.rows != g->rows;
    if (g->theme != t->theme) { /* another theme: its pairs, and every cell again */
        t->theme = g->theme;
        if (t->colour && !t->out)
            make_pairs(t, default_colours);
        full = 1;
    }
    if (full) {
        grid_free(&t->prev);
        t->have_prev = grid_init(&t->prev, g->cols, g->rows, g->utf8) == 0;
        if (t->ascii_made)
            memset(t->ascii_made, 0, R_COUNT * sizeof *t->ascii_made);
        if (t->out) {
            /* curses clears the terminal and then believes it blank, as stdscr is: wgetch
             * finds nothing to refresh */
            clearok(curscr, TRUE);
            refresh();
            tout_reset(t->out, g->cols, g->rows, g->theme);
        } else {
            erase();
        }
    }
    for (int y = 0; y < g->rows; y++) {
        int lo = 0, hi = g->cols;
        if (full || grid_dirty(g, y, &lo, &hi))
            blit_row(t, g, y, lo, hi, full);
    }
    grid_clean(g);
    if (t->out) {
        int cut = g->cur_on ? tout_end(t->out, g->cur_x, g->cur_y, 1, &t->cursor_on)
                            : tout_end(t->out, g->cols - 1, g->rows - 1, 0, &t->cursor_on);
        if (cut)
            t->have_prev = 0;
        return;
    }
    if (g->cur_on) {
        if (!t->cursor_on)
            curs_set(1);
        t->cursor_on = 1;
        move(g->cur_y, g->cur_x);
    } else {
        if (t->cursor_on)
            curs_set(0);
        t->cursor_on = 0;
        move(g->rows - 1, g->cols - 1);
    }
    wnoutrefresh(stdscr);
    doupdate();
}

/* --- the terminal --- */

static void redirect_stderr(struct term *t)
{
    fflush(stderr);
    t->saved_stderr = dup(STDERR_FILENO);
    t->err_log = tmpfile();
    if (t->saved_stderr >= 0 && t->err_log)
        dup2(fileno(t->err_log), STDERR_FILENO);
}

static void restore_stderr(struct term *t)
{
    fflush(stderr);
    if (t->saved_stderr >= 0) {
        dup2(t->saved_stderr, STDERR_FILENO);
        close(t->saved_stderr);
        t->saved_stderr = -1;
    }
    if (t->err_log) {
        /* what was said while curses owned the screen, said now */
        char buf[4096];
        size_t n;
        rewind(t->err_log);
        while ((n = fread(buf, 1, sizeof buf, t->err_log)) > 0)
            fwrite(buf, 1, n, stderr);
        fclose(t->err_log);
        t->err_log = NULL;
    }
}

static void catch_signals(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0; /* no SA_RESTART: a blocked read returns and the loop sees the flag */
    sigaction(SIGHUP, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGQUIT, &sa, NULL); /* Ctrl-\ beside Ctrl-C: the same, not a core dump */
    signal(SIGPIPE, SIG_IGN);
    sa.sa_handler = on_cont;
    sigaction(SIGCONT, &sa, NULL);
}

static double mono_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static char *read_script(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    struct sbuf b;
    sbuf_init(&b);
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0)
        sbuf_addn(&b, buf, n);
    fclose(f);
    return sbuf_take(&b);
}

/* How long the terminal is waited on for a key: the clocks and a followed session are looked
 * at this often. */
#define TICK_MS 200

/* The next key: from the script, or from the terminal (TK_TICK after a fifth of a second
 * without one, TK_TIMEOUT once a second without one, or at once in a batch: -2). -1: the
 * script ended, or the terminal hung up. */
/* A followed session changed while waiting for a key: 1. What curses holds already is taken
 * first (get_wch without waiting); then the terminal and the watch are waited on together, so
 * a save or a move shows at once rather than at the next tick. */
enum { WOKE_KEY, WOKE_WATCH, WOKE_NONE };

static int watch_woke(int watch_fd)
{
    struct pollfd p[2] = {{STDIN_FILENO, POLLIN, 0}, {watch_fd, POLLIN, 0}};
    int n = poll(p, 2, TICK_MS);
    if (n <= 0)
        return n < 0 ? WOKE_KEY : WOKE_NONE; /* a signal: let get_wch see to it */
    return (p[0].revents & (POLLIN | POLLHUP | POLLERR)) ? WOKE_KEY : WOKE_WATCH;
}

static int next_key(const char **sp, int batch, int *fast_errs, double *idle_since,
                    int watch_fd)
{
    if (*sp) {
        int key = script_next(sp);
        return key < 0 ? -1 : key;
    }
    wint_t ch;
    double t0 = mono_seconds();
    int r = ERR, woke = WOKE_KEY;
    if (batch == 0 && watch_fd >= 0) {
        timeout(0);
        r = read_wch(&ch);
        if (r == ERR)
            woke = watch_woke(watch_fd);
        timeout(TICK_MS);
        if (r == ERR && woke == WOKE_WATCH)
            return TK_TICK;
    }
    if (r == ERR && woke == WOKE_KEY)
        r = read_wch(&ch);
    if (r != ERR) {
        *fast_errs = 0;
        *idle_since = mono_seconds();
        return map_key(r, ch);
    }
    if (batch > 0)
        return -2;
    /* a hung-up terminal returns at once, again and again */
    double now = mono_seconds();
    if (now - t0 < 0.01) {
        if (++*fast_errs > 100) {
            got_signal = SIGHUP;
            return -1;
        }
    } else {
        *fast_errs = 0;
    }
    if (now - *idle_since >= 1.0) {
        *idle_since = now;
        return TK_TIMEOUT;
    }
    return TK_TICK;
}

/* Draw, then take one key and whatever else is already waiting (a paste) before drawing
 * again; until a key quits or a signal comes. Returns 0, or 2 when the grid cannot grow. */
static int run(struct app *a, struct term *t, const char *script, int utf8)
{
    struct grid g;
    memset(&g, 0, sizeof g);
    const char *sp = script;
    int rc = 0, quit = 0, fast_errs = 0;
    double idle_since = mono_seconds();
    while (!quit && !got_signal) {
        int cols, rows;
        getmaxyx(stdscr, rows, cols);
        if (g.cols != cols || g.rows != rows) {
            grid_free(&g);
            if (grid_init(&g, cols, rows, utf8)) {
                snprintf(a->fatal, sizeof a->fatal, "%s", msg(M_SES_NO_MEMORY));
                rc = 2;
                break;
            }
            t->have_prev = 0;
        }
        app_render(a, &g);
        blit(t, &g);
        for (int batch = 0; batch < 256 && !quit && !got_signal; batch++) {
            int key = next_key(&sp, batch, &fast_errs, &idle_since, app_watch_fd(a));
            if (got_cont && t->out) { /* the whole frame again */
                got_cont = 0;
                t->have_prev = 0;
                if (key < 0 || key == TK_TICK || key == TK_NONE)
                    break;
            }
            if (key == -1)
                quit = script != NULL;
            if (key < 0)
                break;
            if (key == TK_NONE)
                continue;
            int flags = app_key(a, key);
            if (flags & TUI_QUIT)
                quit = 1;
            if (flags & TUI_CLEAR) {
                clearok(curscr, TRUE);
                if (t->out)
                    t->have_prev = 0; /* the whole frame again, after a clear */
            }
            /* a quiet tick changes nothing on the screen: keep waiting for a key */
            if (key == TK_TICK && !flags) {
                batch--;
                continue;
            }
            if (key == TK_RESIZE || key == TK_TIMEOUT || key == TK_TICK || script)
                break;
            timeout(0);
        }
        timeout(TICK_MS);
    }
    grid_free(&g);
    return rc;
}

/* The terminal in curses' hands: no echo, keys as codes, stderr kept off the screen. */
static SCREEN *start_curses(struct term *t)
{
    SCREEN *scr = newterm(NULL, stdout, stdin);
    if (!scr) {
        char m[256];
        tui_msg_format(m, sizeof m, M_TUI_NO_TERMINAL, getenv("TERM") ? getenv("TERM") : "");
        fprintf(stderr, "kollen: %s\n", m);
        return NULL;
    }
    redirect_stderr(t);
    cbreak();
    noecho();
    nonl();
    keypad(stdscr, TRUE);
    if (input_bytes)
        meta(stdscr, TRUE); /* all eight bits of every byte: kollen decodes them */
    /* Esc must feel immediate in the note editor, yet an arrow key's bytes may arrive apart
     * over a slow SSH link: 100 ms, unless the user set ESCDELAY */
    if (!getenv("ESCDELAY"))
        set_escdelay(100);
    curs_set(0);
    setup_colours(t);
    /* without memory for them every cell is made with setcchar */
    t->ascii = malloc(R_COUNT * sizeof *t->ascii);
    t->ascii_made = t->ascii ? calloc(R_COUNT, sizeof *t->ascii_made) : NULL;
    /* KOLLEN_TUI_CURSES (tests): curses writes the frames, as on a terminal without cup */
    const char *force = getenv("KOLLEN_TUI_CURSES");
    if (!(force && *force))
        t->out = tout_new(STDOUT_FILENO, t->colour, default_colours, t->utf8);
    timeout(TICK_MS);
    return scr;
}

/* Save first, then give the terminal back, then talk. The exit code. */
static int finish(struct app *a, struct term *t, SCREEN *scr, int rc)
{
    int unsaved = app_shutdown(a);
    endwin();
    delscreen(scr);
    tout_free(t->out);
    t->out = NULL;
    restore_stderr(t);
    grid_free(&t->prev);
    free(t->ascii);
    free(t->ascii_made);
    t->ascii = NULL;
    t->ascii_made = NULL;
    if (a->fatal[0]) {
        fprintf(stderr, "kollen: %s\n", a->fatal);
        rc = 2;
    }
    if (got_signal && got_signal != SIGHUP) {
        char m[256];
        tui_msg_format(m, sizeof m, unsaved ? M_TUI_SIGNAL_UNSAVED : M_TUI_SIGNAL_SAVED,
                       (int)got_signal);
        fprintf(stderr, "kollen: %s\n", m);
    }
    if (unsaved && a->w && a->w->save_error[0])
        fprintf(stderr, "kollen: %s\n", a->w->save_error);
    /* after a signal with everything saved: 128 + its number, as a shell reports a signal */
    return rc ? rc : unsaved ? 2 : got_signal ? 128 + (int)got_signal : 0;
}

/* KOLLEN_CLOCK_FILE (tests, bench): the time is the number in that file, read at every look
 * at the clock, so a test moves time on by writing it. */
static const char *clock_file;

static int64_t file_clock(void)
{
    FILE *f = fopen(clock_file, "r");
    long long v = 0;
    if (f) {
        if (fscanf(f, "%lld", &v) != 1)
            v = 0;
        fclose(f);
    }
    /* a time the session format can write (before the year 10000), else the real one */
    return v > 0 && v < 253402300800LL ? (int64_t)v : (int64_t)time(NULL);
}

/* The user's locale, or C.UTF-8 when the one asked for is UTF-8 but not installed here (an SSH
 * client forwarding LC_CTYPE=UTF-8): how keys are read, whether the screen is UTF-8, and a
 * warning when the locale cannot show or take every character. */
static int setup_locale(char *warning, size_t n)
{
    char asked[256];
    input_requested_locale(asked, sizeof asked);
    int installed = setlocale(LC_ALL, "") != NULL;
    if (!installed && input_name_wants_utf8(asked))
        setlocale(LC_CTYPE, "C.UTF-8");
    const char *used = setlocale(LC_CTYPE, NULL);
    const char *cs = nl_langinfo(CODESET);
    input_bytes = input_mode_for(cs) == INPUT_UTF8;
    input_locale_warning(warning, n, asked, installed, used, cs);
    return input_codeset_is_utf8(cs);
}

/* The locale's warning on the status line from the start, after any the session gave. */
static void say_locale(struct app *a, const char *warning)
{
    if (!warning[0])
        return;
    if (!a->msg[0]) {
        app_message(a, R_WARN, "%s", warning);
    } else {
        size_t len = strlen(a->msg);
        snprintf(a->msg + len, sizeof a->msg - len, " %s", warning);
        a->msg_role = R_WARN;
    }
}

int tui_main(const struct tui_options *given)
{
    char warning[600];
    int utf8 = setup_locale(warning, sizeof warning);
    struct tui_options opts = *given;
    const struct tui_options *o = &opts;
    clock_file = getenv("KOLLEN_CLOCK_FILE");
    if (clock_file && *clock_file && !opts.now)
        opts.now = file_clock;
    struct app a;
    if (app_init(&a, o, utf8) || app_start(&a, o->session_path)) {
        fprintf(stderr, "kollen: %s\n", a.fatal);
        int usage = a.fatal_usage;
        app_free(&a);
        return usage ? 1 : 2;
    }
    say_locale(&a, warning);
    if (a.depth == 0) {
        app_free(&a);
        return 0;
    }
    /* scripted keys (tests, bench/tui.sh): the real screen, keys from a file */
    const char *script_path = getenv("KOLLEN_TUI_SCRIPT");
    char *script = script_path && *script_path ? read_script(script_path) : NULL;
    if (script_path && *script_path && !script) {
        fprintf(stderr, "kollen: %s: %s\n", script_path, strerror(errno));
        app_shutdown(&a);
        app_free(&a);
        return 2;
    }
    catch_signals();
    struct term t;
    memset(&t, 0, sizeof t);
    t.utf8 = utf8;
    t.saved_stderr = -1;
    SCREEN *scr = start_curses(&t);
    int rc = 2;
    if (scr)
        rc = finish(&a, &t, scr, run(&a, &t, script, utf8));
    else
        app_shutdown(&a);
    app_free(&a);
    free(script);
    return rc;
}
