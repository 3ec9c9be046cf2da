/* report_msg.c: the message table of checks, plans, reports and diffs. */
#include "report_msg.h"

static const char *const rep_sv[REP_MSG_COUNT] = {
#define MSG(id, sv, en) [id] = sv,
#include "messages_report.def"
#undef MSG
};

static const char *const rep_en[REP_MSG_COUNT] = {
#define MSG(id, sv, en) [id] = en,
#include "messages_report.def"
#undef MSG
};

MSG_TABLE_DEFINE(rep_msg, rep_msg_id, "report", REP_MSG_COUNT, rep_sv, rep_en)
