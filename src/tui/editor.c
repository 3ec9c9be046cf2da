/* editor.c: the UTF-8 text buffer of the note editor and prompts. */
#include "editor.h"

#include <stdlib.h>
#include <string.h>

#include "kollen/text.h"

static int reserve(struct editor *e, size_t need)
{
    if (need + 1 <= e->cap)
        return 0;
    size_t cap = e->cap ? e->cap : 64;
    while (cap < need + 1)
        cap *= 2;
    char *p = realloc(e->buf, cap);
    if (!p)
        return -1;
    e->buf = p;
    e->cap = cap;
    return 0;
}

static void touched(struct editor *e)
{
    e->rev++;
    e->wrap_valid = 0;
    e->goal = -1;
    e->full = 0; /* a key that made room: the limit is no longer in the way */
}

int editor_init(struct editor *e, const char *text, size_t max, int multiline)
{
    memset(e, 0, sizeof *e);
    e->max = max;
    e->multiline = multiline;
    e->goal = -1;
    wrap_init(&e->wrap);
    if (reserve(e, 0))
        return -1;
    e->buf[0] = '\0';
    return editor_set(e, text);
}

void editor_free(struct editor *e)
{
    free(e->buf);
    wrap_free(&e->wrap);
    memset(e, 0, sizeof *e);
}

int editor_set(struct editor *e, const char *text)
{
    e->len = e->cur = 0;
    if (e->buf)
        e->buf[0] = '\0';
    touched(e);
    if (text && editor_insert(e, text, strlen(text)) < 0)
        return -1;
    e->changed = 0;
    e->full = 0;
    e->top = 0;
    e->hscroll = 0;
    return 0;
}

const char *editor_text(const struct editor *e)
{
    return e->buf ? e->buf : "";
}

/* What input becomes before it goes in: see editor_insert. */
static void clean_input(struct sbuf *out, const char *s, size_t n, int multiline)
{
    size_t i = 0;
    while (i < n) {
        uint32_t cp;
        size_t k = utf8_decode(s + i, n - i, &cp);
        if (k == 0) {
            sbuf_add(out, "\xEF\xBF\xBD");
            i++;
            continue;
        }
        if (cp == '\r') {
            if (i + 1 < n && s[i + 1] == '\n')
                k = 2; /* CRLF */
            cp = '\n';
        }
        if (cp == '\n')
            sbuf_addc(out, multiline ? '\n' : ' ');
        else if (cp == '\t')
            sbuf_addc(out, ' ');
        else if (!text_is_control(cp) && cp != 0)
            sbuf_addn(out, s + i, k);
        i += k;
    }
}

long editor_insert(struct editor *e, const char *s, size_t n)
{
    struct sbuf in;
    sbuf_init(&in);
    clean_input(&in, s, n, e->multiline);
    if (in.oom) {
        sbuf_free(&in);
        return -1;
    }
    size_t add = in.len, room = e->max > e->len ? e->max - e->len : 0;
    int cut = 0;
    if (add > room) {
        /* cut at a character boundary */
        add = room;
        while (add > 0 && ((unsigned char)in.p[add] & 0xC0) == 0x80)
            add--;
        cut = 1;
    }
    if (add == 0) {
        e->full = cut;
        sbuf_free(&in);
        return 0;
    }
    if (reserve(e, e->len + add)) {
        sbuf_free(&in);
        return -1;
    }
    memmove(e->buf + e->cur + add, e->buf + e->cur, e->len - e->cur + 1);
    memcpy(e->buf + e->cur, in.p, add);
    e->len += add;
    e->cur += add;
    e->changed = 1;
    touched(e);
    e->full = cut;
    sbuf_free(&in);
    return (long)add;
}

long editor_insert_cp(struct editor *e, uint32_t cp)
{
    char u[4];
    size_t k = utf8_encode(cp, u);
    return editor_insert(e, u, k);
}

static int is_mark_at(const struct editor *e, size_t pos)
{
    uint32_t cp;
    size_t k = utf8_decode(e->buf + pos, e->len - pos, &cp);
    return k && text_cp_width(cp) == 0 && !text_is_control(cp);
}

/* The start of the character before pos (its base, not a combining mark). */
static size_t prev_pos(const struct editor *e, size_t pos)
{
    while (pos > 0) {
        pos--;
        while (pos > 0 && ((unsigned char)e->buf[pos] & 0xC0) == 0x80)
            pos--;
        if (!is_mark_at(e, pos) || pos == 0)
            break;
    }
    return pos;
}

/* The start of the character after pos (past its combining marks). */
static size_t next_pos(const struct editor *e, size_t pos)
{
    if (pos >= e->len)
        return e->len;
    uint32_t cp;
    size_t k = utf8_decode(e->buf + pos, e->len - pos, &cp);
    pos += k ? k : 1;
    while (pos < e->len && is_mark_at(e, pos)) {
        k = utf8_decode(e->buf + pos, e->len - pos, &cp);
        pos += k ? k : 1;
    }
    return pos;
}

static void cut(struct editor *e, size_t from, size_t to)
{
    if (to <= from)
        return;
    memmove(e->buf + from, e->buf + to, e->len - to + 1);
    e->len -= to - from;
    e->cur = from;
    e->changed = 1;
    touched(e);
}

void editor_backspace(struct editor *e)
{
    if (e->cur > 0)
        cut(e, prev_pos(e, e->cur), e->cur);
}

void editor_delete(struct editor *e)
{
    if (e->cur < e->len)
        cut(e, e->cur, next_pos(e, e->cur));
}

void editor_left(struct editor *e)
{
    e->cur = prev_pos(e, e->cur);
    e->goal = -1;
}

void editor_right(struct editor *e)
{
    e->cur = next_pos(e, e->cur);
    e->goal = -1;
}

static int is_space(char c)
{
    return c == ' ' || c == '\n';
}

void editor_word_left(struct editor *e)
{
    size_t p = e->cur;
    while (p > 0 && is_space(e->buf[p - 1]))
        p--;
    while (p > 0 && !is_space(e->buf[p - 1]))
        p--;
    e->cur = p;
    e->goal = -1;
}

void editor_word_right(struct editor *e)
{
    size_t p = e->cur;
    while (p < e->len && !is_space(e->buf[p]))
        p++;
    while (p < e->len && is_space(e->buf[p]))
        p++;
    e->cur = p;
    e->goal = -1;
}

const struct wrap *editor_lines(struct editor *e, int width)
{
    if (width < 1)
        width = 1;
    if (!e->wrap_valid || e->wrap_width != width) {
        if (wrap_text(&e->wrap, editor_text(e), e->len, width))
            return NULL;
        e->wrap_valid = 1;
        e->wrap_width = width;
    }
    return &e->wrap;
}

void editor_cursor(struct editor *e, int width, int *line, int *col)
{
    const struct wrap *w = editor_lines(e, width);
    *line = *col = 0;
    if (!w || w->n == 0)
        return;
    int l = wrap_line_of(w, e->cur);
    size_t start = w->v[l].start, vis = start + w->v[l].len;
    size_t upto = e->cur < vis ? e->cur : vis;
    int c;
    text_fit(e->buf + start, upto - start, 1 << 30, &c);
    *line = l;
    *col = c;
}

/* Byte offset on line l nearest column col. A line broken inside a word has no separator
 * after it: its end is the next line's start, so stop one character short to stay on it. */
static size_t offset_at(struct editor *e, const struct wrap *w, int l, int col)
{
    size_t start = w->v[l].start, len = w->v[l].len;
    size_t k = text_fit(e->buf + start, len, col, NULL);
    size_t pos = start + k;
    if (l + 1 < w->n && pos == w->v[l + 1].start && pos > start)
        pos = prev_pos(e, pos);
    return pos;
}

static void vertical(struct editor *e, int width, int delta)
{
    int line, col;
    editor_cursor(e, width, &line, &col);
    const struct wrap *w = editor_lines(e, width);
    if (!w)
        return;
    int goal = e->goal >= 0 ? e->goal : col;
    int target = line + delta;
    if (target < 0) {
        e->cur = 0;
        e->goal = -1;
        return;
    }
    if (target >= w->n) {
        e->cur = e->len;
        e->goal = -1;
        return;
    }
    e->cur = offset_at(e, w, target, goal);
    e->goal = goal;
}

void editor_up(struct editor *e, int width)
{
    vertical(e, width, -1);
}

void editor_down(struct editor *e, int width)
{
    vertical(e, width, 1);
}

void editor_page(struct editor *e, int width, int lines)
{
    vertical(e, width, lines);
}

void editor_home(struct editor *e, int width)
{
    const struct wrap *w = editor_lines(e, width);
    if (w && w->n)
        e->cur = w->v[wrap_line_of(w, e->cur)].start;
    e->goal = -1;
}

void editor_end(struct editor *e, int width)
{
    const struct wrap *w = editor_lines(e, width);
    if (w && w->n)
        e->cur = offset_at(e, w, wrap_line_of(w, e->cur), 1 << 30);
    e->goal = -1;
}

void editor_kill_end(struct editor *e, int width)
{
    (void)width;
    size_t end = e->cur;
    while (end < e->len && e->buf[end] != '\n')
        end++;
    if (end == e->cur && end < e->len)
        end++; /* at a line end: join the next line */
    cut(e, e->cur, end);
}

void editor_kill_start(struct editor *e, int width)
{
    (void)width;
    size_t start = e->cur;
    while (start > 0 && e->buf[start - 1] != '\n')
        start--;
    cut(e, start, e->cur);
}

int editor_view(struct editor *e, int width, int height)
{
    int line, col;
    editor_cursor(e, width, &line, &col);
    const struct wrap *w = editor_lines(e, width);
    int n = w ? w->n : 1;
    if (height < 1)
        height = 1;
    if (line < e->top)
        e->top = line;
    if (line >= e->top + height)
        e->top = line - height + 1;
    if (e->top > n - height)
        e->top = n - height;
    if (e->top < 0)
        e->top = 0;
    return e->top;
}
