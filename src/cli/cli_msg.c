/* cli_msg.c: the command line's message table. */
#include "cli_msg.h"

static const char *const cli_sv[CLI_MSG_COUNT] = {
#define MSG(id, sv, en) [id] = sv,
#include "messages_cli.def"
#undef MSG
#define CMD(name, fn, usage_sv, usage_en, help_sv, help_en)                                        \
    [M_USAGE_##fn] = usage_sv, [M_HELP_##fn] = help_sv,
#include "commands.def"
#undef CMD
};

static const char *const cli_en[CLI_MSG_COUNT] = {
#define MSG(id, sv, en) [id] = en,
#include "messages_cli.def"
#undef MSG
#define CMD(name, fn, usage_sv, usage_en, help_sv, help_en)                                        \
    [M_USAGE_##fn] = usage_en, [M_HELP_##fn] = help_en,
#include "commands.def"
#undef CMD
};

MSG_TABLE_DEFINE(cli_msg, cli_msg_id, "cli", CLI_MSG_COUNT, cli_sv, cli_en)
