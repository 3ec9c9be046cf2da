/* msg.c: the UI language, the functions every message table shares, and the core's table. */
#include "kollen/msg.h"

#include <stdio.h>
#include <string.h>

static enum lang current = LANG_SV;

void msg_set_lang(enum lang l)
{
    current = l == LANG_EN ? LANG_EN : LANG_SV;
}

enum lang msg_lang(void)
{
    return current;
}

static int lang_is(const char *s, const char *code)
{
    return strncmp(s, code, 2) == 0 &&
           (s[2] == '\0' || s[2] == '_' || s[2] == '-' || s[2] == '.');
}

int msg_parse_lang(const char *s, enum lang *out)
{
    if (!s)
        return -1;
    if (lang_is(s, "sv")) {
        *out = LANG_SV;
        return 0;
    }
    if (lang_is(s, "en")) {
        *out = LANG_EN;
        return 0;
    }
    return -1;
}

const char *msg_table_text(const struct msg_table *t, enum lang l, int id)
{
    if (id < 0 || id >= t->count)
        return "?";
    const char *s = (l == LANG_EN ? t->en : t->sv)[id];
    return s ? s : "?";
}

/* Every table's formats are checked against each other by tests/unit/test_msg.c. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
int msg_table_vformat(const struct msg_table *t, char *buf, size_t n, int id, va_list ap)
{
    return vsnprintf(buf, n, msg_table_text(t, current, id), ap);
}
#pragma GCC diagnostic pop

static const char *const core_sv[MSG_COUNT] = {
#define MSG(id, sv, en) [id] = sv,
#include "kollen/messages.def"
#undef MSG
};

static const char *const core_en[MSG_COUNT] = {
#define MSG(id, sv, en) [id] = en,
#include "kollen/messages.def"
#undef MSG
};

MSG_TABLE_DEFINE(msg, msg_id, "core", MSG_COUNT, core_sv, core_en)
