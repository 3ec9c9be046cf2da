/* tui_msg.h (tui-private): the workshop TUI's message table (messages_tui.def). A change of a
 * label rebuilds the TUI and nothing else. */
#ifndef KOLLEN_TUI_MSG_H
#define KOLLEN_TUI_MSG_H

#include "kollen/msg.h"

enum tui_msg_id {
#define MSG(id, sv, en) id,
#include "messages_tui.def"
#undef MSG
    TUI_MSG_COUNT
};

MSG_TABLE_DECLARE(tui_msg, tui_msg_id);

#endif
