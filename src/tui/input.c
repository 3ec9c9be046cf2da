/* input.c: typed bytes decoded as UTF-8 by kollen, and what the locale can show and take. */
#include "input.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kollen/text.h"
#include "tui_msg.h"

/* The length of the sequence a lead byte starts; 0 for a byte that starts none. */
static int sequence_length(unsigned b)
{
    if (b >= 0xC2 && b <= 0xDF)
        return 2;
    if (b >= 0xE0 && b <= 0xEF)
        return 3;
    if (b >= 0xF0 && b <= 0xF4)
        return 4;
    return 0;
}

int utf8_input_byte(struct utf8_input *in, unsigned byte, uint32_t out[2])
{
    int n = 0;
    byte &= 0xFF;
    if (in->need && (byte & 0xC0) == 0x80) {
        in->buf[in->have++] = (unsigned char)byte;
        if (in->have < in->need)
            return 0;
        uint32_t cp;
        size_t k = utf8_decode((const char *)in->buf, (size_t)in->have, &cp);
        out[n++] = k == (size_t)in->have ? cp : INPUT_BAD; /* overlong, a surrogate... */
        in->have = in->need = 0;
        return n;
    }
    if (in->need) /* broken off: the byte is a key of its own */
        out[n++] = INPUT_BAD;
    in->have = in->need = 0;
    if (byte < 0x80) {
        out[n++] = byte;
    } else if ((in->need = sequence_length(byte)) != 0) {
        in->buf[in->have++] = (unsigned char)byte;
    } else {
        out[n++] = INPUT_BAD; /* a continuation byte alone, C0, C1, F5..FF */
    }
    return n;
}

uint32_t utf8_input_flush(struct utf8_input *in)
{
    int pending = in->need != 0;
    in->have = in->need = 0;
    return pending ? INPUT_BAD : 0;
}

int input_codeset_is_utf8(const char *codeset)
{
    return codeset && (!strcmp(codeset, "UTF-8") || !strcmp(codeset, "utf8"));
}

enum input_mode input_mode_for(const char *codeset)
{
    /* glibc's C and POSIX locales say ANSI_X3.4-1968; others say ASCII or US-ASCII */
    static const char *const ascii[] = {"ANSI_X3.4-1968", "ASCII", "US-ASCII", "646"};
    if (!codeset || !*codeset)
        return INPUT_UTF8;
    for (size_t i = 0; i < sizeof ascii / sizeof *ascii; i++)
        if (!strcmp(codeset, ascii[i]))
            return INPUT_UTF8;
    return INPUT_LOCALE;
}

int input_name_wants_utf8(const char *name)
{
    char low[128];
    size_t i = 0;
    for (; name && name[i] && i + 1 < sizeof low; i++)
        low[i] = (char)tolower((unsigned char)name[i]);
    low[i] = '\0';
    return strstr(low, "utf-8") || strstr(low, "utf8");
}

void input_requested_locale(char *buf, size_t n)
{
    static const char *const vars[] = {"LC_ALL", "LC_CTYPE", "LANG"};
    for (size_t i = 0; i < sizeof vars / sizeof *vars; i++) {
        const char *v = getenv(vars[i]);
        if (v && *v) {
            snprintf(buf, n, "%s=%s", vars[i], v);
            return;
        }
    }
    snprintf(buf, n, "%s", "");
}

void input_locale_warning(char *buf, size_t n, const char *requested, int installed,
                          const char *used, const char *codeset)
{
    if (n)
        buf[0] = '\0';
    const char *asked = requested && *requested ? requested : "C";
    /* names from the environment are data: nothing of them reaches the terminal raw */
    char *shown = text_sanitize_dup(asked, 0);
    const char *s = shown ? shown : "?";
    if (!installed && input_codeset_is_utf8(codeset))
        tui_msg_format(buf, n, M_TUI_LOCALE_FALLBACK, s, used ? used : "C.UTF-8");
    else if (!installed)
        tui_msg_format(buf, n, M_TUI_LOCALE_MISSING, s);
    else if (!input_codeset_is_utf8(codeset))
        tui_msg_format(buf, n, M_TUI_LOCALE_NOT_UTF8, s, codeset ? codeset : "?");
    free(shown);
}
