/* ops_msg.h: the use-case layer's message table (include/kollen/messages_ops.def) and how its
 * messages reach a diagnostics list. */
#ifndef KOLLEN_OPS_MSG_H
#define KOLLEN_OPS_MSG_H

#include "kollen/diag.h"
#include "kollen/msg.h"

enum ops_msg_id {
#define MSG(id, sv, en) id,
#include "kollen/messages_ops.def"
#undef MSG
    OPS_MSG_COUNT
};

MSG_TABLE_DECLARE(ops_msg, ops_msg_id);

/* Add an ops message, formatted with its arguments, to d as an error or a warning (no file,
 * no line). Safe with d == NULL. */
void ops_diag(struct diags *d, enum ops_msg_id id, ...);
void ops_warn(struct diags *d, enum ops_msg_id id, ...);
/* A text checked against its limit as session_check_text does, a problem said with the field
 * it is about ("evidensreferensen: texten är 301 byte, högst 300"). KL_OK or KL_EUSAGE. */
int ops_check_field(enum ops_msg_id field, const char *text, size_t max, int allow_newlines,
                    struct diags *d);

#endif
