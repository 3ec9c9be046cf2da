#!/bin/sh
# End-to-end: the real binary in tmux, driven like a facilitator would.
# 1. From the picker, create a session; tick an action; write a note with åäö on two lines;
#    add an evidence reference; resize to 100x30, to 40x12 and back; quit. Then
#    `kollen check --json` shows the action and the session file holds the note exactly.
# 2. Open a session, tick, kill the pane (SIGHUP) at once: the tick is saved, and so is a note
#    still being typed; the lock is released.
# 3. The plan screen (p) lists the same items as `kollen plan` for each target key.
# 4. A plan step tracked with `kollen plan --assign/--status` shows on the plan screen.
# Waits poll capture-pane for expected text (no fixed sleeps; tests/e2e/tmux.sh); the tmux
# server is private and always killed at the end.
. tests/lib.sh

TM_SOCK="kollen-e2e-$$"
TM_PANE=e2e
TM_TAG=e2e-tui
. tests/e2e/tmux.sh
tm_test e2e-tui
tm_private_tmp e2e

tm_conf
mkdir -p "$T/questions" "$T/sessions"
ln -s "$(pwd)/tests/fixtures/good/mini" "$T/questions/mini"

# --- 1. a new session from the picker, through every kind of change and resize ---
tm new-session -d -s e2e -x 80 -y 24 \
    "cd '$T' && $run_env '$K' --questions '$T/questions' --sessions '$T/sessions'; echo \$? >'$T/exit1'"
step "picker shows" wait_for "+ Ny session"
keys Enter
step "new-session form" wait_for "Skapa och öppna"
text "E2E kommun"
# organisation, group, bank, facilitator, minutes, file, participant, role, then the button
keys Tab Tab Tab Tab Tab Tab Tab Tab Enter
step "workshop screen opens" wait_for "Fråga 1"
keys Space
step "tick shows" wait_for "[✓]  1 Beslutad"
keys n
step "note editor opens" wait_for "Anteckning till fråga 1"
text "Första raden åäö"
keys Enter
text "Andra raden ÅÄÖ"
step "note typed" wait_for "Andra raden ÅÄÖ"
keys Escape
step "note editor closes" wait_for "1 Beslutad"
keys e
step "evidence prompt" wait_for "Ny evidensreferens"
text "Protokoll KS 2024-03-01 §7"
keys Enter
step "evidence shows" wait_for "1) Protokoll KS 2024-03-01 §7"
tm resize-window -t e2e -x 100 -y 30
step "resized to 100x30" size 100x30
step "100x30 redrawn" wait_for "Åtgärder 1/12"
tm resize-window -t e2e -x 40 -y 12
step "40x12 says too small" wait_for "terminalen är för liten"
tm resize-window -t e2e -x 80 -y 24
step "80x24 again" wait_for "1) Protokoll KS 2024-03-01 §7"
keys q
n=$((50 * slow))
while [ ! -s "$T/exit1" ] && [ $n -gt 0 ]; do sleep 0.1; n=$((n - 1)); done
expect_eq "e2e-tui: quit exits 0" 0 "$(cat "$T/exit1" 2>/dev/null)"

S=$(ls "$T"/sessions/*.ini 2>/dev/null | head -n 1)
if [ -z "$S" ]; then
    fail "e2e-tui: session file" "no session in $T/sessions"
else
    pass "e2e-tui: session file created"
    "$K" --questions "$T/questions" check "$S" --json >"$T/check.json" 2>"$T/check.err"
    got=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d["actions"], d["answered"], d["organisation"])' "$T/check.json" 2>&1)
    expect_eq "e2e-tui: check --json shows the action" "1 1 E2E kommun" "$got"
    want=$(printf 'Första raden åäö\nAndra raden ÅÄÖ')
    expect_eq "e2e-tui: the note exactly" "$want" "$(python3 tests/e2e/session_note.py "$S" 1)"
    expect_eq "e2e-tui: the evidence" "Protokoll KS 2024-03-01 §7" \
        "$(python3 tests/e2e/session_note.py "$S" 1 evidence)"
    expect_eq "e2e-tui: session file is 0600" 600 "$(stat -c %a "$S")"
    step "lock released on quit" wait_gone "$S.lock"
fi
tm_kill

# --- 2. the connection drops right after a tick (SIGHUP from the pane) ---
S2="$T/sessions/hup.ini"
"$K" --questions "$T/questions" new "$S2" --org "Hup kommun" --group kommun --bank mini >/dev/null
tm new-session -d -s e2e -x 80 -y 24 \
    "exec $run_env '$K' --questions '$T/questions' '$S2'"
step "sighup: session opens" wait_for "Fråga 1"
keys Space
step "sighup: tick shows" wait_for "[✓]  1 Beslutad"
tm kill-pane -t e2e
step "sighup: kollen exits and releases the lock" wait_gone "$S2.lock"
got=$("$K" --questions "$T/questions" check "$S2" --json 2>/dev/null |
    python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["actions"], d["answered"])' 2>&1)
expect_eq "e2e-tui: sighup: the tick is saved" "1 1" "$got"

# and a note still being typed when the pane goes
tm new-session -d -s e2e -x 80 -y 24 \
    "exec $run_env '$K' --questions '$T/questions' '$S2'"
step "sighup: reopens on the same question" wait_for "[✓]  1 Beslutad"
keys n
step "sighup: note editor" wait_for "Anteckning till fråga 1"
text "skrivs när linjen bryts"
step "sighup: note typed" wait_for "skrivs när linjen bryts"
tm kill-pane -t e2e
step "sighup: exits after a note" wait_gone "$S2.lock"
expect_eq "e2e-tui: sighup: the note being typed is saved" "skrivs när linjen bryts" \
    "$(python3 tests/e2e/session_note.py "$S2" 1)"
tm_kill

# --- 3. the plan screen shows what kollen plan prints, for each target key ---
R="$(pwd)/tests/fixtures/report"
S3="$T/sessions/plan.ini"
chmod 700 "$T/sessions"
"$K" --questions "$R" new "$S3" --org "Planstad" --group kommun --bank rapport >/dev/null
"$K" --questions "$R" set "$S3" 1 1,2 --quiet
"$K" --questions "$R" set "$S3" 2 2 --quiet
# the plan from its first section (the quick wins, a work area, the benchmark's goals) to the
# end, as words: no indents, pointer, blank lines, where a long line was wrapped, or the "·"
# between a question and what it is for (the screen gives that a line of its own)
plan_lines() {
    sed -n '/^ *Snabba vinster\|^ *Mål enligt\|^ *Ledningens styrning\|^ *Analys och\|^ *Incident-\|^ *Med planen/,$p' |
        sed 's/^ *//; s/^▸ //; s/ · / /g' | grep -v '^$' | tr -s ' \n' '  '
}
tm new-session -d -s e2e -x 120 -y 100 "exec $run_env '$K' --questions '$R' '$S3'"
step "plan: session opens" wait_for "Fråga 2"
keys p
step "plan: the plan screen opens" wait_for "Åtgärdsplan mot"
for t in next "level 3" "level 4" msbfs group; do
    case $t in next) k=n ;; "level 3") k=3 ;; "level 4") k=4 ;; msbfs) k=m ;; group) k=g ;; esac
    keys "$k"
    goal=$("$K" --questions "$R" plan "$S3" --target "$t" | sed -n 2p)
    step "plan: $t: the title" wait_for "$goal"
    want=$("$K" --questions "$R" plan "$S3" --target "$t" | tail -n +5 | plan_lines)
    # below the header, the targets, the count and the rule; polled: a frame may be half drawn
    shown() { screen | sed '$d' | tail -n +6 | plan_lines; }
    same_plan() { [ "$(shown)" = "$want" ]; }
    wait_cmd 3 same_plan
    expect_eq "e2e-tui: plan: $t: the same items as kollen plan" "$want" "$(shown)"
done
keys Escape q
step "plan: quits" wait_gone "$S3.lock"
tm_kill

# --- 4. a plan step tracked on the command line shows on the plan screen ---
"$K" --questions "$R" plan "$S3" --assign 3 "Bo Berg" --due 2030-01-31 >/dev/null
"$K" --questions "$R" plan "$S3" --status 3 started >/dev/null
tm new-session -d -s e2e -x 100 -y 40 "exec $run_env '$K' --questions '$R' '$S3'"
step "tracked: session opens" wait_for "Fråga 2"
keys p
step "tracked: the step's owner, due date and status on the plan screen" \
    wait_for "Bo Berg · senast 2030-01-31 · påbörjad"
keys Escape q
step "tracked: quits" wait_gone "$S3.lock"
tm_kill
exit 0
