/* script.c: scripted keys. */
#include "script.h"

#include <stdint.h>
#include <string.h>

#include "keymap.h"
#include "kollen/text.h"

static const struct {
    const char *name;
    int key;
} names[] = {
    {"Up", TK_UP},       {"Down", TK_DOWN},   {"Left", TK_LEFT},     {"Right", TK_RIGHT},
    {"PgUp", TK_PGUP},   {"PgDn", TK_PGDN},   {"Home", TK_HOME},     {"End", TK_END},
    {"Enter", TK_ENTER}, {"Tab", TK_TAB},     {"BTab", TK_BTAB},     {"Esc", TK_ESC},
    {"BS", TK_BACKSPACE}, {"Del", TK_DELETE}, {"Space", ' '},        {"Lt", '<'},
    {"F1", TK_F1},       {"Timeout", TK_TIMEOUT},
};

int script_next(const char **p)
{
    const char *s = *p;
    while (*s == '\n' || *s == '\r')
        s++;
    if (!*s) {
        *p = s;
        return -1;
    }
    if (*s == '<') {
        const char *end = strchr(s, '>');
        if (end && end - s <= 12) {
            size_t len = (size_t)(end - s - 1);
            for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
                if (strlen(names[i].name) == len && !strncmp(s + 1, names[i].name, len)) {
                    *p = end + 1;
                    return names[i].key;
                }
            if (len == 3 && s[1] == 'C' && s[2] == '-' && s[3] >= 'a' && s[3] <= 'z') {
                *p = end + 1;
                return TK_CTRL(s[3]);
            }
        }
    }
    uint32_t cp;
    size_t k = utf8_decode(s, strlen(s), &cp);
    if (!k) {
        cp = 0xFFFD;
        k = 1;
    }
    *p = s + k;
    return (int)cp;
}
