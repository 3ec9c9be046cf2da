#!/bin/sh
# bench/follow.sh: how soon `kollen follow` shows what the facilitator does, and what keeping
# time costs in writes. Prints, never asserts:
#   1. the milliseconds from a key sent to the facilitator's TUI until the mirror (a second
#      tmux window) shows it, for a tick and for a move to the next question, 20 of each, with
#      inotify and with the stat fallback (KOLLEN_WATCH=poll): median and worst;
#   2. the session file's writes while the TUI keeps time for one simulated hour (a fake clock,
#      KOLLEN_CLOCK_FILE, moved on 30 seconds at a time, the area changed every 10 minutes),
#      and how many seconds of it reached the file.
# Usage: sh bench/follow.sh [KOLLEN] (default build/kollen). Needs tmux and python3.
set -u
K=${1:-build/kollen}
case "$K" in /*) ;; *) K="$(pwd)/$K" ;; esac
Q="$(pwd)/questions"
[ -x "$K" ] || { echo "bench/follow.sh: $K not found (run make)" >&2; exit 1; }
command -v tmux >/dev/null || { echo "bench/follow.sh: needs tmux" >&2; exit 1; }
T=$(mktemp -d "${TMPDIR:-/tmp}/kollen-bench-follow.XXXXXX")
chmod 700 "$T"
SOCK="kollen-bench-follow-$$"
printf 'set -g status off\nset -g default-terminal screen\n' >"$T/tmux.conf"
tm() { tmux -L "$SOCK" -f "$T/tmux.conf" "$@"; }
trap 'tm kill-server >/dev/null 2>&1; rm -rf "$T"' EXIT
run_env="env LC_ALL=C.UTF-8 KOLLEN_LANG=sv TERM=screen"

now_ms() { echo $(($(date +%s%N) / 1000000)); }

# wait_ms PANE TEXT: milliseconds until the pane shows TEXT (polled every 10 ms, at most 5 s)
wait_ms() {
    t0=$(now_ms)
    while [ $(($(now_ms) - t0)) -lt 5000 ]; do
        tm capture-pane -p -t "$1" | grep -qF -- "$2" && { echo $(($(now_ms) - t0)); return; }
        sleep 0.01
    done
    echo 5000
}

stats() { sort -n | awk '{v[NR]=$1} END {printf "median %d ms, worst %d ms (%d runs)\n", v[int((NR+1)/2)], v[NR], NR}'; }

latency() {
    watch=$1
    S="$T/f-$watch.ini"
    "$K" --questions "$Q" new "$S" --org "Bänk" --group kommun >/dev/null
    tm new-session -d -s w -x 80 -y 24 "exec $run_env '$K' --questions '$Q' '$S'"
    tm new-session -d -s f -x 120 -y 40 \
        "exec $run_env KOLLEN_WATCH=$watch '$K' --questions '$Q' follow '$S' --view question"
    wait_ms f "Fråga 4," >/dev/null
    : >"$T/ticks"
    : >"$T/moves"
    i=0
    while [ $i -lt 20 ]; do
        # a tick of option 1 (on, then off the next round), then a move on and back
        tm send-keys -t w 1
        if [ $((i % 2)) -eq 0 ]; then wait_ms f "[✓]  1" >>"$T/ticks"; else wait_ms f "[ ]  1" >>"$T/ticks"; fi
        tm send-keys -t w l
        wait_ms f "Fråga 20," >>"$T/moves"
        tm send-keys -t w h
        wait_ms f "Fråga 4," >/dev/null
        i=$((i + 1))
    done
    printf '  %-8s tick: %s\n' "$watch" "$(stats <"$T/ticks")"
    printf '  %-8s move: %s\n' "$watch" "$(stats <"$T/moves")"
    tm kill-server >/dev/null 2>&1
}

echo "1. kollen follow: from a key in the facilitator's TUI to the mirror"
latency inotify
latency poll

echo "2. keeping time for an hour (fake clock, 30 s steps, another area every 10 minutes)"
S="$T/clock.ini"
C="$T/clock"
# the fake clock is replaced by rename: kollen never reads it half written
set_clock() { echo "$1" >"$C.new" && mv "$C.new" "$C"; }
start=1764316800
set_clock $start
"$K" --questions "$Q" new "$S" --org "Klocka" --group kommun >/dev/null
"$K" --questions "$Q" edit "$S" --agenda 120 >/dev/null
tm new-session -d -s w -x 80 -y 24 "exec $run_env KOLLEN_CLOCK_FILE='$C' '$K' --questions '$Q' '$S'"
wait_ms w "Risker 0:00" >/dev/null
writes=0
last=$(stat -c %i "$S")
step=1
while [ $step -le 120 ]; do
    set_clock $((start + step * 30))
    [ $((step % 20)) -eq 0 ] && tm send-keys -t w ']'
    sleep 0.25 # at least one tick (every 200 ms) sees the new time
    ino=$(stat -c %i "$S")
    [ "$ino" != "$last" ] && writes=$((writes + 1)) && last=$ino
    step=$((step + 1))
done
tm send-keys -t w q
sleep 0.5
spent=$("$K" --questions "$Q" check "$S" --json | python3 -c 'import json,sys; print(sum(a["spent"] for a in json.load(sys.stdin)["agenda"]))')
echo "  session writes during the hour: $writes (one per minute at most, and one per area left)"
echo "  seconds of the hour in the file after quitting: $spent of 3600"
