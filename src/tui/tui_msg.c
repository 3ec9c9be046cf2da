/* tui_msg.c: the workshop TUI's message table. */
#include "tui_msg.h"

static const char *const tui_sv[TUI_MSG_COUNT] = {
#define MSG(id, sv, en) [id] = sv,
#include "messages_tui.def"
#undef MSG
};

static const char *const tui_en[TUI_MSG_COUNT] = {
#define MSG(id, sv, en) [id] = en,
#include "messages_tui.def"
#undef MSG
};

MSG_TABLE_DEFINE(tui_msg, tui_msg_id, "tui", TUI_MSG_COUNT, tui_sv, tui_en)
