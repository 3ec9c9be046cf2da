#!/bin/sh
# Every message of every layer's table is used by some code: a message no one uses is removed,
# not kept (the tables: include/kollen/messages*.def, src/*/messages_*.def; the command table's
# usage and help texts are used by cli_main.c through the table itself).
. tests/lib.sh

defs="include/kollen/messages.def include/kollen/messages_ops.def src/cli/messages_cli.def \
src/cli/messages_report.def src/tui/messages_tui.def"
unused=""
for def in $defs; do
    for id in $(sed -n 's/^MSG(\(M_[A-Z0-9_]*\),.*/\1/p' "$def"); do
        if ! grep -rqw --include='*.c' --include='*.h' "$id" src; then
            unused="$unused $id"
        fi
    done
done
if [ -z "$unused" ]; then
    pass "messages: every message is used"
else
    fail "messages: unused" "$unused"
fi

# A message id of one table given to another table's function does not compile (each table
# has an enum type of its own; -Werror=enum-conversion): msg() with an ops id, tui_msg() with
# a core id. A right one compiles, so the check is not fooled by a broken compiler call.
CC=${CC:-cc}
private_tmp msg
compiles() {
    printf '%s\n' '#include "kollen/msg.h"' '#include "kollen/ops_msg.h"' '#include "tui_msg.h"' \
        "const char *f(void);" "const char *f(void) { return $1; }" >"$T/t.c"
    $CC -std=c11 -Wall -Wextra -Werror=enum-conversion -Iinclude -Isrc/tui -fsyntax-only \
        "$T/t.c" 2>"$T/err"
}
if compiles "msg(M_W_LEVEL)" && compiles "tui_msg(M_TUI_NOTE)" && compiles "ops_msg(M_OPS_MKDIR)"; then
    pass "messages: each table's own ids compile"
else
    fail "messages: each table's own ids compile" "$(head -c 300 "$T/err")"
fi
if compiles "msg(M_OPS_MKDIR)" || compiles "tui_msg(M_W_LEVEL)" || compiles "ops_msg(M_TUI_NOTE)"; then
    fail "messages: another table's id does not compile" "it compiled"
else
    pass "messages: another table's id does not compile"
fi
