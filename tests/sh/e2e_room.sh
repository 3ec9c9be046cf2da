#!/bin/sh
# End-to-end in tmux for running the room (issue 10), the real binary driven as a facilitator
# would:
# 1. kollen follow in a second window sees a tick and a move within a second, with inotify
#    and with the stat fallback (KOLLEN_WATCH=poll); the read-only TUI the lock offers
#    refreshes the same way.
# 2. The question view at 80x24 reaches option 12 of question 5.
# 3. The agenda's clocks with a fake clock (KOLLEN_CLOCK_FILE): the area against its plan,
#    over-time in words; the time spent reaches the file.
# 4. Search (/) finds a word of a note; the next-hit key says where.
# 5. A dissent, agreement and a parked question set in the TUI appear in
#    `kollen check --json --answers` and `kollen report`.
# 6. Attendance ticked on the session screen is recorded with the sitting; the theme key
#    is remembered in the session; Ctrl-G discards a note being edited; F1 in the note editor
#    shows only the editor's keys.
. tests/lib.sh

TM_SOCK="kollen-e2e-room-$$"
TM_PANE=w
TM_TAG=e2e-room
. tests/e2e/tmux.sh
tm_test e2e-room
tm_private_tmp e2e-room
Q="$(pwd)/questions"
tm_conf

on_screen() { screen | grep -qF -- "$1"; }

# screen_of PANE: what a pane shows now
screen_of() { tm capture-pane -p -t "$1" 2>/dev/null; }

# seen_within PANE TEXT SECONDS: the pane shows TEXT within SECONDS (scaled under the
# sanitizers), polled every 50 ms; prints the milliseconds it took
seen_within() {
    start=$(date +%s%N)
    limit=$(($3 * 1000 * slow))
    while :; do
        if screen_of "$1" | grep -qF -- "$2"; then
            echo $((($(date +%s%N) - start) / 1000000))
            return 0
        fi
        [ $((($(date +%s%N) - start) / 1000000)) -gt "$limit" ] && break
        sleep 0.05
    done
    echo "  $1 while waiting for [$2]:" >&2
    screen_of "$1" | sed 's/^/  | /' >&2
    return 1
}

# --- 1. a second window follows the facilitator ---
follow_test() {
    mode=$1 watch=$2
    S="$T/follow-$mode.ini"
    "$K" --questions "$Q" new "$S" --org "Följkommun" --group kommun >/dev/null
    tm new-session -d -s w -x 80 -y 24 "exec $run_env '$K' --questions '$Q' '$S'"
    TM_PANE=w
    step "follow $mode: the writer opens" wait_for "Fråga 4"
    tm new-session -d -s f -x 120 -y 40 \
        "exec $run_env KOLLEN_WATCH=$watch '$K' --questions '$Q' follow '$S' --view question"
    TM_PANE=f
    step "follow $mode: the mirror opens on the question view" wait_for "Fråga 4, Analys"
    tm send-keys -t w Space
    if ms=$(seen_within f "✓ besvarad" 1); then
        pass "e2e-room: follow $mode: a tick shows in the mirror within a second"
        echo "  follow $mode: tick seen in $ms ms"
    else
        fail "e2e-room: follow $mode: a tick shows in the mirror within a second" "not seen"
    fi
    tm send-keys -t w l
    if ms=$(seen_within f "Fråga 20, Analys" 1); then
        pass "e2e-room: follow $mode: a move shows in the mirror within a second"
        echo "  follow $mode: move seen in $ms ms"
    else
        fail "e2e-room: follow $mode: a move shows in the mirror within a second" "not seen"
    fi
    tm send-keys -t f v
    step "follow $mode: v switches the mirror to the room view" wait_for "Stopp för nivå 1"
    tm send-keys -t f q
    tm send-keys -t w q
    TM_PANE=w
    step "follow $mode: the writer quits and releases the lock" wait_gone "$S.lock"
    step "follow $mode: the writer's cursor file is gone" wait_gone "$S.cursor"
    tm_kill
}
follow_test inotify inotify
follow_test poll poll

# the read-only TUI the lock offers refreshes the same way
S="$T/ro.ini"
"$K" --questions "$Q" new "$S" --org "Läskommun" --group kommun >/dev/null
tm new-session -d -s w -x 80 -y 24 "exec $run_env '$K' --questions '$Q' '$S'"
TM_PANE=w
step "read-only: the writer opens" wait_for "Fråga 4"
tm new-session -d -s r -x 80 -y 24 "exec $run_env '$K' --questions '$Q' '$S'"
TM_PANE=r
step "read-only: offered" wait_for "Öppna skrivskyddad?"
keys j
step "read-only: opened" wait_for "Fråga 4"
tm send-keys -t w 2
if ms=$(seen_within r "[✓]  2" 1); then
    pass "e2e-room: read-only: the writer's choice shows within a second"
    echo "  read-only: tick seen in $ms ms"
else
    fail "e2e-room: read-only: the writer's choice shows within a second" "not seen"
fi
tm send-keys -t r q
tm send-keys -t w q
TM_PANE=w
step "read-only: the writer quits" wait_gone "$S.lock"
tm_kill

# --- 2. the question view at 80x24 reaches option 12 of question 5 ---
S="$T/q5.ini"
"$K" --questions "$Q" new "$S" --org "Vykommun" --group kommun >/dev/null
tm new-session -d -s w -x 80 -y 24 "exec $run_env '$K' --questions '$Q' '$S'"
TM_PANE=w
step "qview: opens" wait_for "Fråga 4"
keys g 5 Enter z
step "qview: zoom on question 5" wait_for "Fråga 5, Säkerhetsåtgärder"
keys j j j j j j j j j j j
step "qview: option 12 in view at 80x24" wait_for "12  säkerhetskrav på och kontroll av utkontrakterad"
keys Space
step "qview: ticked from the question view" wait_for "[✓] 12"
keys G
step "qview: the help at the end" wait_for "Hjälp för processledaren"
keys q
step "qview: quits" wait_gone "$S.lock"
got=$("$K" --questions "$Q" check "$S" --json --answers | python3 -c 'import json,sys; print([a["value"] for a in json.load(sys.stdin)["answers"] if a["question"]==5][0])')
expect_eq "e2e-room: qview: the tick is saved" "12" "$got"
tm_kill

# --- 3. the agenda's clocks with a fake clock ---
S="$T/clock.ini"
C="$T/clock"
# the fake clock is replaced by rename: kollen never reads it half written
set_clock() { echo "$1" >"$C.new" && mv "$C.new" "$C"; }
set_clock 1764316800 # 2025-11-28T08:00:00Z
"$K" --questions "$Q" new "$S" --org "Klockkommun" --group kommun >/dev/null
"$K" --questions "$Q" edit "$S" --agenda 120 >/dev/null
tm new-session -d -s w -x 80 -y 24 "exec $run_env KOLLEN_CLOCK_FILE='$C' '$K' --questions '$Q' '$S'"
TM_PANE=w
step "clock: opens with the clocks" wait_for "Risker 0:00"
set_clock $((1764316800 + 252))
step "clock: 4:12 of the 18 minutes planned for Risker" wait_for "Risker 4:12"
# in steps shorter than TUI_CLOCK_GAP: a longer gap is a stopped program, not the room's time
set_clock $((1764316800 + 252 + 540))
step "clock: 13:12" wait_for "Risker 13:12"
set_clock $((1764316800 + 252 + 840))
step "clock: over the plan, in words" wait_for "min över"
step "clock: the total against the workshop's 120 minutes" on_screen "Totalt 18:12"
keys ']'
step "clock: the next area's clock" wait_for "Incidenter"
keys q
step "clock: quits" wait_gone "$S.lock"
got=$("$K" --questions "$Q" check "$S" --json | python3 -c 'import json,sys; d=json.load(sys.stdin); print([(a["area"], a["minutes"], a["spent"]) for a in d["agenda"]][0])')
expect_eq "e2e-room: clock: the time spent in Risker is in the file" "('risk', 18, 1092)" "$got"
tm_kill

# --- 4. search finds a word of a note ---
S="$T/search.ini"
"$K" --questions "$Q" new "$S" --org "Sökkommun" --group kommun >/dev/null
"$K" --questions "$Q" set "$S" 28 1 --note "Avtalet med Leverantören Ärlig AB löper ut i mars" --quiet
tm new-session -d -s w -x 80 -y 24 "exec $run_env '$K' --questions '$Q' '$S'"
TM_PANE=w
step "search: opens" wait_for "Fråga 28"
keys g 1 Enter /
step "search: the prompt" wait_for "Sök:"
text "ärlig ab"
keys Enter
step "search: the note's question found" wait_for "Träff 1 av 1: fråga 28, anteckningen"
step "search: and shown" wait_for "Fråga 28 ·"
keys .
step "search: the next-hit key" wait_for "Träff 1 av 1: fråga 28"
keys q
step "search: quits" wait_gone "$S.lock"
tm_kill

# --- 5. what the room decided reaches check --json --answers and the report ---
S="$T/decide.ini"
"$K" --questions "$Q" new "$S" --org "Beslutskommun" --group kommun --participant "Bo: CISO" \
    --participant "Cia: IT-chef" >/dev/null
tm new-session -d -s w -x 80 -y 24 "exec $run_env '$K' --questions '$Q' '$S'"
TM_PANE=w
step "decide: opens" wait_for "Fråga 4"
keys 2 A D
step "decide: the dissent prompt" wait_for "Avvikande mening (NAMN: SYNPUNKT)"
text "IT-chefen: Riskanalyserna görs bara i en förvaltning"
keys Enter
step "decide: the dissent is noted" wait_for "med reservation (1)"
keys l P
step "decide: the park prompt" wait_for "Parkera fråga 20"
text "Fråga ekonomichefen"
keys Enter
step "decide: parked" wait_for "Fråga 20 är parkerad"
keys s
step "decide: the session screen" wait_for "Sessionen: Beslutskommun"
keys G k k Space
step "decide: Bo is present" wait_for "[✓] Bo, CISO"
keys Escape q
step "decide: quits" wait_gone "$S.lock"
"$K" --questions "$Q" check "$S" --json --answers >"$T/decide.json"
got=$(python3 - "$T/decide.json" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1]))
a4 = [a for a in d["answers"] if a["question"] == 4][0]
a20 = [a for a in d["answers"] if a["question"] == 20][0]
s = d["sittings"][-1]
print(a4["agreed"], a4["dissent"][0]["who"], a4["dissent"][0]["view"], "|", d["parked"],
      a20["park_reason"], "|", s["present"], s["end"] is not None)
EOF
)
expect_eq "e2e-room: decide: check --json --answers has it all" \
    "True IT-chefen Riskanalyserna görs bara i en förvaltning | [20] Fråga ekonomichefen | ['Bo'] True" "$got"
"$K" --questions "$Q" report "$S" --format md -o "$T/decide.md" >/dev/null 2>&1
for want in "Avvikande mening: IT-chefen: Riskanalyserna görs bara i en förvaltning" \
    "Parkerad: Fråga ekonomichefen"; do
    if grep -qF "$want" "$T/decide.md"; then
        pass "e2e-room: decide: the report has \"$want\""
    else
        fail "e2e-room: decide: the report has \"$want\"" "not in the report"
    fi
done
tm_kill

# --- 6. the theme is remembered; Ctrl-G discards; F1 in the editor ---
S="$T/theme.ini"
"$K" --questions "$Q" new "$S" --org "Temakommun" --group kommun >/dev/null
"$K" --questions "$Q" set "$S" 4 1 --note "Den sparade anteckningen" --quiet
tm new-session -d -s w -x 80 -y 24 "exec $run_env '$K' --questions '$Q' '$S'"
TM_PANE=w
step "theme: opens" wait_for "Fråga 4"
keys T
step "theme: remembered in the session" wait_cmd 5 grep -q "^theme = kontrast" "$S"
keys n
step "discard: the note editor" wait_for "Anteckning till fråga 4"
keys F1
step "discard: F1 shows the editor's keys" wait_for "kollen: tangenter i anteckningen"
step "discard: ... Ctrl-G among them" on_screen "kasta ändringarna i anteckningen"
keys Escape End
text " och en rad till som ska bort"
sleep 1.5 # a pause: the text typed is written (and Ctrl-G must take it back)
keys C-g
step "discard: said" wait_for "kastades"
keys q
step "theme: quits" wait_gone "$S.lock"
got=$("$K" --questions "$Q" check "$S" --json --answers | python3 -c 'import json,sys; print([a["note"] for a in json.load(sys.stdin)["answers"] if a["question"]==4][0])')
expect_eq "e2e-room: discard: the note is as it was" "Den sparade anteckningen" "$got"
tm_kill
exit 0
