/* ops_msg.c: the use-case layer's message table. */
#include "kollen/ops_msg.h"

#include <stdarg.h>

#include "kollen/session.h"

static const char *const ops_sv[OPS_MSG_COUNT] = {
#define MSG(id, sv, en) [id] = sv,
#include "kollen/messages_ops.def"
#undef MSG
};

static const char *const ops_en[OPS_MSG_COUNT] = {
#define MSG(id, sv, en) [id] = en,
#include "kollen/messages_ops.def"
#undef MSG
};

MSG_TABLE_DEFINE(ops_msg, ops_msg_id, "ops", OPS_MSG_COUNT, ops_sv, ops_en)

static void vdiag(struct diags *d, int warn, enum ops_msg_id id, va_list ap)
{
    char text[DIAG_TEXT_MAX];
    ops_msg_vformat(text, sizeof text, id, ap);
    diags_add_text(d, NULL, 0, warn, text);
}

void ops_diag(struct diags *d, enum ops_msg_id id, ...)
{
    va_list ap;
    va_start(ap, id);
    vdiag(d, 0, id, ap);
    va_end(ap);
}

void ops_warn(struct diags *d, enum ops_msg_id id, ...)
{
    va_list ap;
    va_start(ap, id);
    vdiag(d, 1, id, ap);
    va_end(ap);
}

int ops_check_field(enum ops_msg_id field, const char *text, size_t max, int allow_newlines,
                    struct diags *d)
{
    struct diags fd;
    diags_init(&fd);
    int rc = session_check_text(text, max, allow_newlines, &fd);
    const struct diag *g = diags_first_error(&fd);
    if (rc && g)
        ops_diag(d, M_OPS_FIELD_PROBLEM, ops_msg(field), g->msg);
    else if (rc)
        diags_add(d, NULL, 0, M_SES_NO_MEMORY);
    diags_free(&fd);
    return rc;
}
