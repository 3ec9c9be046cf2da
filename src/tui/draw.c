/* draw.c: drawing the screens share: the status line with its hints, boxes, the "too small"
 * notice, and the one-line editor. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app.h"
#include "kollen/text.h"
#include "theme.h"
#include "wrap.h"

void draw_too_small(struct grid *g, int need_cols, int need_rows)
{
    char t[160];
    tui_msg_format(t, sizeof t, M_TUI_TOO_SMALL, need_cols, need_rows);
    struct wrap w;
    wrap_init(&w);
    if (wrap_text(&w, t, strlen(t), g->cols) == 0) {
        int y0 = (g->rows - w.n) / 2;
        for (int i = 0; i < w.n; i++) {
            int x = (g->cols - w.v[i].width) / 2;
            grid_putn(g, x < 0 ? 0 : x, y0 + i, g->cols, t + w.v[i].start, w.v[i].len, R_WARN);
        }
    }
    wrap_free(&w);
}

void draw_box(struct grid *g, int x, int y, int w, int h, const char *title)
{
    const struct glyphs *gl = theme_glyphs(g->utf8);
    if (w < 2 || h < 2)
        return;
    for (int r = y; r < y + h; r++)
        grid_fill(g, x, r, w, " ", R_NORMAL);
    grid_put(g, x, y, 1, gl->corner_tl, R_BORDER);
    grid_fill(g, x + 1, y, w - 2, gl->hline, R_BORDER);
    grid_put(g, x + w - 1, y, 1, gl->corner_tr, R_BORDER);
    for (int r = y + 1; r < y + h - 1; r++) {
        grid_put(g, x, r, 1, gl->vline, R_BORDER);
        grid_put(g, x + w - 1, r, 1, gl->vline, R_BORDER);
    }
    grid_put(g, x, y + h - 1, 1, gl->corner_bl, R_BORDER);
    grid_fill(g, x + 1, y + h - 1, w - 2, gl->hline, R_BORDER);
    grid_put(g, x + w - 1, y + h - 1, 1, gl->corner_br, R_BORDER);
    if (title && *title) {
        grid_put(g, x + 2, y, 1, " ", R_BORDER);
        int tw = grid_put_cut(g, x + 3, y, w - 6, title, R_TITLE);
        grid_put(g, x + 3 + tw, y, 1, " ", R_BORDER);
    }
}

void hints_text(struct sbuf *o, int utf8, const struct hint *hints)
{
    for (int i = 0; hints && hints[i].act != A_NONE; i++) {
        char k[32];
        keymap_action_key(hints[i].act, utf8, k, sizeof k);
        sbuf_addf(o, "%s%s %s", i ? "  " : "", k, tui_msg(hints[i].label));
    }
}

/* Hints as "key label" pairs, keys bright and labels dim, as many as fit. */
static int draw_hints(struct grid *g, int x, int y, int w, const char *hints)
{
    int col = 0;
    const char *p = hints;
    while (*p) {
        const char *end = strstr(p, "  ");
        size_t len = end ? (size_t)(end - p) : strlen(p);
        size_t n = len < 127 ? len : 127; /* as long as an item can be */
        int iw = 0;
        text_fit(p, n, INT_MAX, &iw);
        if (col + iw > w)
            break;
        const char *sp = memchr(p, ' ', n);
        if (sp) {
            size_t kl = (size_t)(sp - p);
            int kw = grid_putn(g, x + col, y, w - col, p, kl, R_TITLE);
            grid_put(g, x + col + kw, y, w - col - kw, " ", R_DIM);
            grid_putn(g, x + col + kw + 1, y, w - col - kw - 1, sp + 1, n - kl - 1, R_DIM);
        } else {
            grid_putn(g, x + col, y, w - col, p, n, R_DIM);
        }
        col += iw + 2;
        p += len;
        while (*p == ' ')
            p++;
    }
    return col;
}

/* A warning too long for the status line (why a save failed, at 80 columns) grows upwards
 * over the rows above it, up to three, rather than being cut before its reason. */
static int draw_warning(struct grid *g, int y, int w, const char *text)
{
    int rows = 1;
    struct wrap wr;
    wrap_init(&wr);
    char *clean = text_sanitize_dup(text, 0);
    if (!clean || w < 1 || wrap_text(&wr, clean, strlen(clean), w)) {
        grid_put_cut(g, 1, y, w, clean ? clean : text, R_WARN);
    } else {
        int k = wr.n < 3 ? wr.n : 3;
        if (k > y)
            k = y > 0 ? y : 1;
        rows = k;
        for (int i = 0; i < k; i++) {
            int row = y - (k - 1) + i;
            if (row != y)
                grid_fill(g, 0, row, g->cols, " ", R_NORMAL);
            const char *s = clean + wr.v[i].start;
            if (i == k - 1) /* the last row shown takes the rest, cut */
                grid_put_cut(g, 1, row, w, s, R_WARN);
            else
                grid_putn(g, 1, row, w, s, wr.v[i].len, R_WARN);
        }
    }
    free(clean);
    wrap_free(&wr);
    return rows;
}

int draw_status(struct app *a, struct grid *g, const struct hint *hints)
{
    int rows = 1;
    int y = g->rows - 1, w = g->cols;
    grid_fill(g, 0, y, w, " ", R_NORMAL);
    /* right: the save state */
    char right[400] = "";
    int rrole = R_DIM;
    if (a->w) {
        if (a->w->read_only) {
            snprintf(right, sizeof right, "%s", tui_msg(M_TUI_READ_ONLY));
            rrole = R_WARN;
        } else if (a->w->dirty) {
            snprintf(right, sizeof right, "%s", tui_msg(M_TUI_NOT_SAVED)); /* why: on the left */
            rrole = R_WARN;
        } else {
            int64_t t = a->w->saved_at ? a->w->saved_at : a->w->ses->modified;
            time_t tt = (time_t)t;
            struct tm tm;
            char hm[16] = "--:--";
            if (t > 0 && localtime_r(&tt, &tm))
                strftime(hm, sizeof hm, "%H:%M", &tm);
            tui_msg_format(right, sizeof right, M_TUI_SAVED_AT, hm);
        }
    }
    int rw = 0;
    if (right[0]) {
        int maxr = rrole == R_WARN ? w / 2 : w / 3;
        struct sbuf r;
        sbuf_init(&r);
        sbuf_addc(&r, ' ');
        text_truncate(&r, right, maxr - 2, g->utf8);
        sbuf_addc(&r, ' ');
        rw = text_width(r.p ? r.p : "");
        grid_put(g, w - rw, y, rw, r.p ? r.p : "", rrole);
        sbuf_free(&r);
    }
    int lw = w - rw - 1;
    const char *left = NULL;
    int lrole = R_NORMAL;
    if (a->msg[0]) {
        left = a->msg;
        lrole = a->msg_role == R_WARN || a->msg_role == R_DONE ? a->msg_role : R_NORMAL;
    } else if (a->w && a->w->dirty && !a->w->read_only) { /* until a save succeeds: why not */
        left = a->save_why;
        lrole = R_WARN;
    }
    if (left && lrole == R_WARN && text_width(left) > lw - 1)
        rows = draw_warning(g, y, lw - 1, left);
    else if (left)
        grid_put_cut(g, 1, y, lw - 1, left, lrole);
    else if (hints) {
        /* made once for the screen's hints, the glyphs and the language (the key table is
         * fixed) */
        if (!a->hints_line || a->hints_for != hints || a->hints_utf8 != g->utf8 ||
            a->hints_lang != (int)msg_lang()) {
            struct sbuf h;
            sbuf_init(&h);
            hints_text(&h, g->utf8, hints);
            free(a->hints_line);
            a->hints_line = h.oom ? NULL : sbuf_take(&h);
            sbuf_free(&h);
            a->hints_for = hints;
            a->hints_utf8 = g->utf8;
            a->hints_lang = (int)msg_lang();
        }
        if (a->hints_line)
            draw_hints(g, 1, y, lw - 1, a->hints_line);
    }
    return rows;
}

/* --- the one-line editor --- */

int edit_key(struct editor *e, int cx, int key, int width, int page)
{
    enum action act = keymap_lookup(cx, key, NULL);
    switch (act) {
    case E_LEFT: editor_left(e); return 1;
    case E_RIGHT: editor_right(e); return 1;
    case E_UP: editor_up(e, width); return 1;
    case E_DOWN: editor_down(e, width); return 1;
    case E_WORD_LEFT: editor_word_left(e); return 1;
    case E_WORD_RIGHT: editor_word_right(e); return 1;
    case E_HOME: editor_home(e, e->multiline ? width : 1 << 30); return 1;
    case E_END: editor_end(e, e->multiline ? width : 1 << 30); return 1;
    case E_PGUP: editor_page(e, width, -page); return 1;
    case E_PGDN: editor_page(e, width, page); return 1;
    case E_BACKSPACE: editor_backspace(e); return 1;
    case E_DELETE: editor_delete(e); return 1;
    case E_KILL_END: editor_kill_end(e, width); return 1;
    case E_KILL_START: editor_kill_start(e, width); return 1;
    case E_NEWLINE: editor_insert(e, "\n", 1); return 1;
    default: break;
    }
    if (act != A_NONE)
        return 0;
    if (key >= 32 && key < 0x110000 && key != 127) {
        editor_insert_cp(e, (uint32_t)key);
        return 1;
    }
    return 0;
}

void draw_line_editor(struct grid *g, struct editor *e, int x, int y, int w, int role)
{
    if (w < 1)
        return;
    const char *s = editor_text(e);
    int col;
    text_fit(s, e->cur, 1 << 30, &col);
    if (col - e->hscroll >= w)
        e->hscroll = col - w + 1;
    if (col < e->hscroll)
        e->hscroll = col;
    if (e->hscroll < 0)
        e->hscroll = 0;
    int skipped;
    size_t from = text_fit(s, e->len, e->hscroll, &skipped);
    grid_fill(g, x, y, w, " ", role);
    int pad = 0;
    if (skipped < e->hscroll) { /* a wide character straddles the left edge */
        from += text_fit(s + from, e->len - from, 2, NULL);
        pad = 1;
    }
    grid_putn(g, x + pad, y, w - pad, s + from, e->len - from, role);
    g->cur_on = 1;
    g->cur_x = x + col - e->hscroll;
    g->cur_y = y;
}

int draw_size(struct grid *g, const struct editor *e, int right, int y)
{
    char t[96] = " ";
    if (e->full)
        tui_msg_format(t + 1, sizeof t - 2, M_TUI_SIZE_FULL, e->len, e->max);
    else
        snprintf(t + 1, sizeof t - 2, "%zu/%zu", e->len, e->max);
    strcat(t, " ");
    int w = text_width(t);
    if (right - w < 0)
        return 0;
    grid_put(g, right - w, y, w, t, e->full ? R_WARN : R_DIM);
    return w;
}
