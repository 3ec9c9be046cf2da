/* report_msg.h (cli-private): the message table of what `kollen check`, `plan`, `report` and
 * `diff` print (messages_report.def). */
#ifndef KOLLEN_REPORT_MSG_H
#define KOLLEN_REPORT_MSG_H

#include "kollen/msg.h"

enum rep_msg_id {
#define MSG(id, sv, en) id,
#include "messages_report.def"
#undef MSG
    REP_MSG_COUNT
};

MSG_TABLE_DECLARE(rep_msg, rep_msg_id);

#endif
