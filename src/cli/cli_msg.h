/* cli_msg.h (cli-private): the command line's message table (messages_cli.def), with the
 * usage and help text of every command (commands.def) as messages M_USAGE_fn and M_HELP_fn. */
#ifndef KOLLEN_CLI_MSG_H
#define KOLLEN_CLI_MSG_H

#include "kollen/msg.h"

enum cli_msg_id {
#define MSG(id, sv, en) id,
#include "messages_cli.def"
#undef MSG
#define CMD(name, fn, usage_sv, usage_en, help_sv, help_en) M_USAGE_##fn, M_HELP_##fn,
#include "commands.def"
#undef CMD
    CLI_MSG_COUNT
};

MSG_TABLE_DECLARE(cli_msg, cli_msg_id);

#endif
