/* msg.h: message tables, Swedish and English side by side, one table per layer. A layer lists
 * its messages in an X-macro file as MSG(id, swedish, english); its header makes an enum type
 * of the ids and declares the table's functions with MSG_TABLE_DECLARE, one .c file defines
 * them with MSG_TABLE_DEFINE. The functions take the layer's enum type, so an id of another
 * layer's table does not compile (-Werror=enum-conversion), and a change to one layer's texts
 * rebuilds only that layer. Both texts of a message take the same printf conversions
 * (tests/unit/test_msg.c checks every table).
 *
 * This header is also the core's table (include/kollen/messages.def): enum msg_id, msg(),
 * msg_in(), msg_format(), msg_vformat(). */
#ifndef KOLLEN_MSG_H
#define KOLLEN_MSG_H

#include <stdarg.h>
#include <stddef.h>

enum lang { LANG_SV, LANG_EN };

/* The process's UI language (Swedish by default). */
void msg_set_lang(enum lang l);
enum lang msg_lang(void);
/* "sv"/"en" (also "sv_SE...", "en_GB..."): 0 and *out set, else -1. */
int msg_parse_lang(const char *s, enum lang *out);

/* A table: count texts in each language, indexed by the layer's ids. */
struct msg_table {
    const char *name; /* "core", "ops", "cli", "report", "tui" (for tests and messages) */
    int count;
    const char *const *sv;
    const char *const *en;
};

/* The text of message id of table t in language l; "?" for an id out of range. */
const char *msg_table_text(const struct msg_table *t, enum lang l, int id);
/* The message formatted with its arguments, like vsnprintf, in the current language. */
int msg_table_vformat(const struct msg_table *t, char *buf, size_t n, int id, va_list ap);

/* fn(id): the text in the current language; fn_in(l, id); fn_format(buf, n, id, ...) and
 * fn_vformat(buf, n, id, ap): formatted like snprintf; fn_table: the table itself. */
#define MSG_TABLE_DECLARE(fn, type)                                                             \
    extern const struct msg_table fn##_table;                                                  \
    const char *fn(enum type id);                                                              \
    const char *fn##_in(enum lang l, enum type id);                                            \
    int fn##_format(char *buf, size_t n, enum type id, ...);                                   \
    int fn##_vformat(char *buf, size_t n, enum type id, va_list ap)

/* Define what MSG_TABLE_DECLARE declared, over the arrays sv[count] and en[count]. */
#define MSG_TABLE_DEFINE(fn, type, label, count, sv, en)                                        \
    const struct msg_table fn##_table = {label, count, sv, en};                                \
    const char *fn##_in(enum lang l, enum type id)                                             \
    {                                                                                          \
        return msg_table_text(&fn##_table, l, (int)id);                                       \
    }                                                                                          \
    const char *fn(enum type id)                                                               \
    {                                                                                          \
        return msg_table_text(&fn##_table, msg_lang(), (int)id);                               \
    }                                                                                          \
    int fn##_vformat(char *buf, size_t n, enum type id, va_list ap)                            \
    {                                                                                          \
        return msg_table_vformat(&fn##_table, buf, n, (int)id, ap);                            \
    }                                                                                          \
    int fn##_format(char *buf, size_t n, enum type id, ...)                                    \
    {                                                                                          \
        va_list ap;                                                                            \
        va_start(ap, id);                                                                      \
        int r = fn##_vformat(buf, n, id, ap);                                                  \
        va_end(ap);                                                                            \
        return r;                                                                              \
    }

/* --- the core's table: loaders, bank, sessions, rules, scoring, plans, formatters --- */

enum msg_id {
#define MSG(id, sv, en) id,
#include "kollen/messages.def"
#undef MSG
    MSG_COUNT
};

MSG_TABLE_DECLARE(msg, msg_id);

#endif
