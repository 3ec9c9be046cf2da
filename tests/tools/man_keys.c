/* man_keys.c: the TUI's keys as mdoc for the man page, from the key table (src/tui/keymap.h)
 * and the help texts of one language, grouped as the help screen groups them. `make man-keys`
 * writes it between the KEYS markers of docs/kollen.1 (en) and docs/kollen.sv.1 (sv);
 * tests/sh/man.sh checks that the committed pages say what this prints.
 * Usage: man_keys sv|en */
#include <stdio.h>
#include <string.h>

#include "keymap.h"
#include "kollen/msg.h"
#include "kollen/text.h"

/* s with a backslash written \e, and \& before a first character that mdoc would read, in a
 * macro argument (arg), as a delimiter ("]", ",", "." ...). */
static void add_escaped(struct sbuf *b, const char *s, int arg)
{
    if (arg && s[0] && strchr(".,:;()[]{}?!|'", s[0]))
        sbuf_add(b, "\\&");
    for (const char *p = s; *p; p++) {
        if (*p == '\\')
            sbuf_add(b, "\\e");
        else
            sbuf_addc(b, *p);
    }
}

/* A text line's width as `mandoc -T lint` measures it: a character outside ASCII is read as
 * its escape (\[u00E4], 8 bytes). */
static size_t lint_width(const char *s, size_t n)
{
    size_t w = 0;
    for (size_t i = 0; i < n; i++)
        w += (unsigned char)s[i] < 0x80 ? 1 : ((unsigned char)s[i] & 0xC0) == 0x80 ? 0 : 8;
    return w;
}

/* Text filled into lines that mandoc's lint finds short enough (80). */
static void put_filled(const char *s)
{
    size_t line = 0;
    while (*s) {
        const char *end = strchr(s, ' ');
        size_t n = end ? (size_t)(end - s) : strlen(s);
        size_t w = lint_width(s, n);
        if (line && line + 1 + w > 80) {
            putchar('\n');
            line = 0;
        } else if (line) {
            putchar(' ');
            line++;
        }
        if (!line && (*s == '.' || *s == '\'')) { /* not a request */
            fputs("\\&", stdout);
            line += 2;
        }
        fwrite(s, 1, n, stdout);
        line += w;
        s += n;
        while (*s == ' ')
            s++;
    }
    putchar('\n');
}

/* The item's tag line and its text, and a new item begun. */
static void flush(struct sbuf *tag, enum tui_msg_id text)
{
    if (tag->p && tag->len) {
        struct sbuf line;
        sbuf_init(&line);
        add_escaped(&line, tui_msg(text), 0);
        printf(".It %s\n", tag->p);
        put_filled(line.p ? line.p : "");
        sbuf_free(&line);
    }
    sbuf_free(tag);
    sbuf_init(tag);
}

static void add_key(struct sbuf *tag, const char *name)
{
    sbuf_add(tag, tag->len ? " , Cm " : "Cm ");
    add_escaped(tag, name, 1);
}

int main(int argc, char **argv)
{
    enum lang l;
    if (argc != 2 || msg_parse_lang(argv[1], &l)) {
        fprintf(stderr, "usage: man_keys sv|en\n");
        return 1;
    }
    msg_set_lang(l);
    const struct action_info *t = keymap_table();
    struct sbuf tag;
    sbuf_init(&tag);
    for (int gr = 0; gr < G_COUNT; gr++) {
        enum tui_msg_id title = keymap_group_title((enum key_group)gr);
        if (title == M_TUI_NONE)
            continue;
        int open = 0;
        enum tui_msg_id text = M_TUI_NONE;
        for (int i = 0; i < A_COUNT - 1; i++) {
            if ((int)t[i].group != gr)
                continue;
            if (!open) {
                printf(".Ss %s\n.Bl -tag -width 14n -compact\n", tui_msg(title));
                open = 1;
            }
            /* an action without a help text of its own adds its keys to the item above */
            if (t[i].help != M_TUI_NONE || text == M_TUI_NONE) {
                flush(&tag, text);
                text = t[i].help;
            }
            if (t[i].id == A_PICK || t[i].id == A_PLAN_T_LEVEL) {
                add_key(&tag, "1..9");
                continue;
            }
            for (int k = 0; k < KEYMAP_KEYS && t[i].keys[k]; k++) {
                char name[32];
                keymap_key_name(t[i].keys[k], 0, 0, name, sizeof name);
                add_key(&tag, name);
            }
        }
        if (open) {
            flush(&tag, text);
            puts(".El");
        }
    }
    sbuf_free(&tag);
    return 0;
}
