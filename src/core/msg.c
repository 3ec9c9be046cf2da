/* msg.c: the message table in Swedish and English. */
#include "kollen/msg.h"

#include <stdio.h>
#include <string.h>

static const char *const texts[2][MSG_COUNT] = {
    {
#define MSG(id, sv, en) [id] = sv,
#include "kollen/messages.def"
#undef MSG
    },
    {
#define MSG(id, sv, en) [id] = en,
#include "kollen/messages.def"
#undef MSG
    },
};

static enum lang current = LANG_SV;

void msg_set_lang(enum lang l)
{
    current = l == LANG_EN ? LANG_EN : LANG_SV;
}

enum lang msg_lang(void)
{
    return current;
}

int msg_parse_lang(const char *s, enum lang *out)
{
    if (!s)
        return -1;
    if (strncmp(s, "sv", 2) == 0 && (s[2] == '\0' || s[2] == '_' || s[2] == '-' || s[2] == '.')) {
        *out = LANG_SV;
        return 0;
    }
    if (strncmp(s, "en", 2) == 0 && (s[2] == '\0' || s[2] == '_' || s[2] == '-' || s[2] == '.')) {
        *out = LANG_EN;
        return 0;
    }
    return -1;
}

const char *msg_in(enum lang l, enum msg_id id)
{
    if ((int)id < 0 || id >= MSG_COUNT)
        return "?";
    return texts[l == LANG_EN][id];
}

const char *msg(enum msg_id id)
{
    return msg_in(current, id);
}

/* The table's formats are checked against each other by tests/unit/test_msg.c. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
int msg_vformat(char *buf, size_t n, enum msg_id id, va_list ap)
{
    return vsnprintf(buf, n, msg(id), ap);
}
#pragma GCC diagnostic pop

int msg_format(char *buf, size_t n, enum msg_id id, ...)
{
    va_list ap;
    va_start(ap, id);
    int r = msg_vformat(buf, n, id, ap);
    va_end(ap);
    return r;
}
