#!/bin/sh
# Typed text is never lost or mangled, whatever the locale (issue 13). The real binary in a
# private tmux server (a UTF-8 terminal, as an SSH client's is) run under LANG=C, under
# LC_CTYPE=UTF-8 (what macOS forwards over SSH; this host has no such locale), under
# sv_SE.ISO-8859-1 (built for the test; its terminal sends one byte for å) and under C.UTF-8: a note "åäö €" is typed with keys after it (more text, Esc, q); the session file must
# hold exactly what was typed, no evidence reference, and kollen must have ended on q. At start
# a locale that cannot show or take every character is warned about, saying how to fix it.
. tests/lib.sh

TM_SOCK="kollen-input-$$"
TM_TAG=tui-input
. tests/e2e/tmux.sh
tm_test tui-input
Q="$(pwd)/tests/fixtures/good"
tm_private_tmp tuiinput
tm_conf 'set -g remain-on-exit on'

note() { python3 tests/e2e/session_note.py "$@"; }
pane_all() { tm capture-pane -p -S -100 -t "$TM_PANE" 2>/dev/null; }
exited_0() { pane_all | grep -qx "EXITED 0"; }
joined() { screen | tr '\n' ' ' | tr -s ' '; }
on_screen_joined() { joined | grep -qF -- "$1"; }
no_warning() { ! on_screen_joined "Språkinställningen"; }

# run NAME LOCALE-ASSIGNMENTS...: the TUI on a new session under exactly that locale
run() {
    TM_PANE=$1
    shift
    S="$T/$TM_PANE.ini"
    "$K" --questions "$Q" new "$S" --org "Lokal" --group kommun --bank mini >/dev/null
    tm new-session -d -s "$TM_PANE" -x 80 -y 24 \
        "env -u LC_ALL -u LC_CTYPE -u LANG $* KOLLEN_LANG=sv TERM=screen '$K' --questions '$Q' \
         '$S'; echo EXITED \$?; exec sh"
}

# type_note SHOWN [ASCII]: a note "åäö €", then more text, Esc and q; SHOWN is how the editor
# shows it; ASCII: the screen shows stand-ins for the letters the locale lacks (Fraga for Fråga)
type_note() {
    fraga=Fråga
    [ -n "${2:-}" ] && fraga=Fraga
    step "$TM_PANE: the TUI opens" wait_for "$fraga 1"
    keys n
    step "$TM_PANE: the note editor opens" wait_for "Anteckning till $(echo $fraga | tr F f) 1"
    text "åäö €"
    text " slut"
    step "$TM_PANE: what is typed shows, the keys after it too" wait_for "$1"
    keys Escape
    step "$TM_PANE: Esc after it closes the editor" wait_cmd 5 sh -c \
        "! tmux -L '$TM_SOCK' -f '$T/tmux.conf' capture-pane -p -t '$TM_PANE' | grep -q 'Anteckning till'"
    keys q
    step "$TM_PANE: q after it quits" wait_cmd 5 exited_0
    # shell text typed now belongs to the shell, not to the session
    text "echo skalet-fick-det"
    keys Enter
    expect_eq "tui-input: $TM_PANE: the note is saved exactly as typed" "åäö € slut" "$(note "$S" 1)"
    expect_eq "tui-input: $TM_PANE: no evidence reference was made" "" "$(note "$S" 1 evidence)"
    step "$TM_PANE: ... the shell got the text typed after kollen" wait_for "skalet-fick-det"
}

# LANG=C: kollen decodes the terminal's UTF-8 itself and shows ASCII stand-ins
run langc LANG=C
step "LANG=C: a warning at start says the locale is not UTF-8" wait_for "Sprakinstallningen"
step "LANG=C: ... naming it" on_screen_joined "LANG=C (ANSI_X3.4-1968) ar inte UTF-8"
step "LANG=C: ... and how to fix it" on_screen_joined "starta med LANG=C.UTF-8"
type_note "aao ? slut" ascii

# LC_CTYPE=UTF-8, not a locale this host has: kollen uses C.UTF-8 and says so
run lcctype LC_CTYPE=UTF-8
step "LC_CTYPE=UTF-8: a warning at start says the locale is missing" \
    wait_for "Språkinställningen"
step "LC_CTYPE=UTF-8: ... naming it and what kollen uses" \
    on_screen_joined "LC_CTYPE=UTF-8 finns inte på den här datorn; kollen använder C.UTF-8"
step "LC_CTYPE=UTF-8: ... and how to fix it" on_screen_joined "starta med LANG=C.UTF-8"
type_note "åäö € slut"

# a byte that is no UTF-8 under LANG=C: replaced, and the keys after it still arrive
run badbyte LANG=C
step "broken byte: the TUI opens" wait_for "Fraga 1"
keys n
step "broken byte: the note editor opens" wait_for "Anteckning till fraga 1"
keys -H c3
text "efter"
keys Escape q
step "broken byte: Esc and q after it still work" wait_cmd 5 exited_0
expect_eq "tui-input: broken byte: replaced by U+FFFD, the text after it kept" "�efter" \
    "$(note "$S" 1)"

# ISO-8859-1, a locale of its own (a terminal of that charset sends one byte for å): the
# locale's own decoding takes it, and the session holds it as UTF-8. The locale is built with
# localedef into the test's folder, so the machine's locales are not touched.
if command -v localedef >/dev/null 2>&1 && mkdir -p "$T/loc" &&
    localedef -i sv_SE -f ISO-8859-1 "$T/loc/sv_SE.ISO-8859-1" >/dev/null 2>&1; then
    run latin1 LOCPATH="$T/loc" LANG=sv_SE.ISO-8859-1
    step "ISO-8859-1: the TUI opens" wait_for "Lokal"
    keys n
    step "ISO-8859-1: the note editor opens" wait_for "Esc klar"
    keys -H e5 e4 f6
    text " slut"
    keys Escape q
    step "ISO-8859-1: Esc and q after it still work" wait_cmd 5 exited_0
    expect_eq "tui-input: ISO-8859-1: the locale's bytes are saved as UTF-8" "åäö slut" \
        "$(note "$S" 1)"
else
    echo "#### SKIP tui-input ISO-8859-1: localedef cannot build sv_SE.ISO-8859-1 (apt-get install locales) ####" >&2
    echo "SKIP tui-input: ISO-8859-1" >>"$RESULTS"
fi

# C.UTF-8: nothing to warn about
run utf8 LC_ALL=C.UTF-8
step "C.UTF-8: the TUI opens" wait_for "Fråga 1"
step "C.UTF-8: no locale warning" no_warning
type_note "åäö € slut"

tm_kill
exit 0
