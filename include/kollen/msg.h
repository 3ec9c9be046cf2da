/* msg.h: the one message table for every user-facing string, Swedish and English.
 * The list lives in messages.def as MSG(id, swedish, english); both texts of a message
 * take the same printf conversions (a unit test checks it). */
#ifndef KOLLEN_MSG_H
#define KOLLEN_MSG_H

#include <stdarg.h>
#include <stddef.h>

enum msg_id {
#define MSG(id, sv, en) id,
#include "kollen/messages.def"
#undef MSG
    MSG_COUNT
};

enum lang { LANG_SV, LANG_EN };

/* The process's UI language (Swedish by default). */
void msg_set_lang(enum lang l);
enum lang msg_lang(void);
/* "sv"/"en" (also "sv_SE...", "en_GB..."): 0 and *out set, else -1. */
int msg_parse_lang(const char *s, enum lang *out);

/* The text of a message in the current language. */
const char *msg(enum msg_id id);
const char *msg_in(enum lang l, enum msg_id id);
/* The message formatted with its arguments, like snprintf. */
int msg_format(char *buf, size_t n, enum msg_id id, ...);
int msg_vformat(char *buf, size_t n, enum msg_id id, va_list ap);

#endif
