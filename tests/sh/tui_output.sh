#!/bin/sh
# The workshop screen written by kollen itself (src/tui/curses_out.c) shows what curses shows:
# the same keys in two tmux panes, one with KOLLEN_TUI_CURSES=1 (curses writes the frames, as
# on a terminal without cursor addressing), and after each step both panes' cells (characters,
# colours and attributes, as tests/e2e/cells.py reads them) and cursors must be the same: moves, a
# tick, the note editor with its cursor, the theme key, resizes (larger, too small, back),
# Ctrl-L, help, and the main screen after quitting (nothing of the frame left on it). The other
# TUI tests run the default path; this one keeps the curses path tested too.
. tests/lib.sh

TM_SOCK="kollen-output-$$"
TM_TAG=tui-output
. tests/e2e/tmux.sh
tm_test tui-output
tm_private_tmp tuiout
Q="$(pwd)/tests/fixtures/good"
tm_conf

"$K" --questions "$Q" new "$T/own.ini" --org "Jämförelse åäö" --group kommun --bank mini >/dev/null
"$K" --questions "$Q" set "$T/own.ini" 1 all --note "En anteckning" -q
cp "$T/own.ini" "$T/curses.ini"
tm new-session -d -s own -x 80 -y 24 "$run_env '$K' --questions '$Q' '$T/own.ini'; sleep 60"
tm new-session -d -s curses -x 80 -y 24 \
    "$run_env KOLLEN_TUI_CURSES=1 '$K' --questions '$Q' '$T/curses.ini'; sleep 60"

both() {
    tm send-keys -t own "$@"
    tm send-keys -t curses "$@"
}
resize() {
    tm resize-window -t own -x "$1" -y "$2"
    tm resize-window -t curses -x "$1" -y "$2"
}
cells() { # PANE: every cell with its attributes, and the cursor
    tm capture-pane -N -e -p -t "$1" 2>/dev/null
    tm display -p -t "$1" '#{cursor_x},#{cursor_y},#{cursor_flag}'
}
same_cells() {
    cells own >"$T/own.cells"
    cells curses >"$T/curses.cells"
    python3 tests/e2e/cells.py "$T/own.cells" "$T/curses.cells" >"$T/why"
}
# same NAME TEXT: once both panes show TEXT, their cells and cursors are the same
same() {
    if ! TM_PANE=own wait_for "$2" >/dev/null 2>&1 ||
        ! TM_PANE=curses wait_for "$2" >/dev/null 2>&1; then
        fail "tui-output: $1: the same cells and cursor as curses" "[$2] never showed"
    elif wait_cmd 5 same_cells; then
        pass "tui-output: $1: the same cells and cursor as curses"
    else
        fail "tui-output: $1: the same cells and cursor as curses" \
            "$(head -n 4 "$T/why")"
    fi
}

same "start" "Jämförelse åäö"
both j j l
same "moves" "Fråga 3"
both Space
same "a tick" "Besvarade 2/5"
both n
same "the note editor, its cursor shown" "Anteckning till fråga 3"
tm send-keys -t own -l "åäö ö"
tm send-keys -t curses -l "åäö ö"
same "typing in the note editor" "åäö ö"
both Escape
same "the editor closed" "Fråga 3"
both T
same "the contrast theme" "Fråga 3"
both k
same "a move in the contrast theme" "Fråga 3"
both T
same "the standard theme again" "Fråga 3"
resize 120 40
same "resized larger" "Fråga 3"
both l
same "a move at 120x40" "Fråga 2"
resize 50 12
same "too small" "liten"
resize 100 30
same "resized back up" "Fråga 2"
both C-l
same "Ctrl-L" "Fråga 2"
both '?'
same "help" "tangenter"
both Escape
same "back from help" "Fråga 2"
both q
TM_PANE=own wait_cmd 5 sh -c "! tmux -L '$TM_SOCK' -f '$T/tmux.conf' capture-pane -p -t own | grep -q Jämförelse"
same "the main screen after quitting" ""
