/* input.h (tui-private): what is typed, whatever the locale. A terminal sends UTF-8 even when
 * the locale says ASCII (LANG=C, or an SSH client forwarding LC_CTYPE=UTF-8 to a host without
 * that locale): curses' get_wch then fails on the first byte above 127 and swallows the keys
 * after it. So in such a locale kollen reads bytes and decodes UTF-8 itself; a broken sequence
 * becomes U+FFFD and never takes the next key with it. No curses here. */
#ifndef KOLLEN_TUI_INPUT_H
#define KOLLEN_TUI_INPUT_H

#include <stddef.h>
#include <stdint.h>

/* The replacement character for bytes that are no UTF-8. */
#define INPUT_BAD 0xFFFDu

/* A UTF-8 sequence being typed (zero-initialise it). */
struct utf8_input {
    unsigned char buf[4];
    int have, need;
};

/* Feed one byte (0..255). out gets 0, 1 or 2 code points, in order: 0 while a sequence waits
 * for its next byte; U+FFFD for a sequence the byte broke off, then the byte's own character
 * when it is one. Returns how many. */
int utf8_input_byte(struct utf8_input *in, unsigned byte, uint32_t out[2]);
/* No more bytes came: a sequence left half way is U+FFFD (returned, and forgotten); 0 when
 * none was pending. */
uint32_t utf8_input_flush(struct utf8_input *in);

/* How keys are read in a locale of this codeset (nl_langinfo(CODESET)). */
enum input_mode {
    INPUT_LOCALE, /* the locale decodes them (UTF-8, ISO-8859-1...): curses' get_wch */
    INPUT_UTF8    /* an ASCII locale ("C", "POSIX", or one that could not be set): bytes,
                     decoded as UTF-8 by kollen */
};
enum input_mode input_mode_for(const char *codeset);
/* Does this codeset hold every character (UTF-8)? */
int input_codeset_is_utf8(const char *codeset);
/* Does a locale name ask for UTF-8 ("sv_SE.UTF-8", "UTF-8", "en_US.utf8")? */
int input_name_wants_utf8(const char *name);

/* What the user asked for: the first of LC_ALL, LC_CTYPE and LANG that is set and not empty,
 * as "NAME=value" into buf; "" when none is. */
void input_requested_locale(char *buf, size_t n);

/* The start-up warning for a locale that cannot show or take every character, saying how to
 * fix it, into buf ("" when there is nothing to say). requested: input_requested_locale;
 * installed: setlocale accepted it; used: the locale kollen runs in now (setlocale's name);
 * codeset: its codeset. */
void input_locale_warning(char *buf, size_t n, const char *requested, int installed,
                          const char *used, const char *codeset);

#endif
