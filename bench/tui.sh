#!/bin/sh
# bench/tui.sh: performance figures of the workshop TUI on the Infosäkkollen bank. Prints, never
# asserts:
#   1. time from start to the first full frame: kollen runs in a pseudo-terminal (80x24 and
#      120x40); the clock stops when the frame's last row (the status line) has been written;
#   2. the CPU cost of one keystroke including the redraw: callgrind's instruction count over a
#      scripted run of 1,000 keys (KOLLEN_TUI_SCRIPT, the real curses path into a pty) minus a
#      run of no keys, divided by 1,000; for navigation keys and for a mix that saves.
# Usage: sh bench/tui.sh [KOLLEN] (default build/kollen). Needs python3; valgrind for (2).
set -u
K=${1:-build/kollen}
case "$K" in /*) ;; *) K="$(pwd)/$K" ;; esac
Q="$(pwd)/questions"
BANK=infosakkollen-2023
[ -x "$K" ] || { echo "bench/tui.sh: $K not found (run make)" >&2; exit 1; }
[ -d "$Q/$BANK" ] || { echo "bench/tui.sh: no $Q/$BANK" >&2; exit 1; }
T=$(mktemp -d "${TMPDIR:-/tmp}/kollen-bench.XXXXXX")
trap 'rm -rf "$T"' EXIT
export LC_ALL=C.UTF-8 KOLLEN_LANG=sv TERM=xterm-256color XDG_CACHE_HOME="$T/cache"
unset NO_COLOR

S="$T/bench.ini"
"$K" --questions "$Q" new "$S" --org "Benchkommunen" --group kommun --bank "$BANK" >/dev/null
# half the questions answered, so the screens have something to show
for n in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
    "$K" --questions "$Q" set "$S" "$n" all --note "Anteckning till fråga $n: åäö" -q >/dev/null 2>&1 ||
        "$K" --questions "$Q" set "$S" "$n" 1 -q >/dev/null 2>&1
done

# ptyrun.py COLS ROWS MARK CMD...: run CMD in a pty of that size, print the seconds until MARK
# has been written, then type q; with MARK "-" just drain the output until CMD exits.
cat >"$T/ptyrun.py" <<'EOF'
import fcntl, os, pty, select, struct, sys, termios, time
cols, rows, mark, cmd = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4:]
t0 = time.monotonic()
pid, fd = pty.fork()
if pid == 0:
    fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    os.execvp(cmd[0], cmd)
fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
buf, first = b"", None
while True:
    r, _, _ = select.select([fd], [], [], 60)
    if not r:
        break
    try:
        data = os.read(fd, 65536)
    except OSError:
        break
    if not data:
        break
    buf += data
    if first is None and mark != "-" and mark.encode() in buf:
        first = time.monotonic() - t0
        os.write(fd, b"q")
os.waitpid(pid, 0)
if mark != "-":
    print("%.4f" % first if first is not None else "nan")
EOF

echo "kollen TUI benchmark: $BANK, $(nproc) CPU, $(uname -m)"
echo
echo "1. Start to first full frame (pty, median of 15 runs, min)"
for size in 80x24 120x40; do
    c=${size%x*}
    r=${size#*x}
    times=""
    for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15; do
        times="$times $(python3 "$T/ptyrun.py" "$c" "$r" "sparad" "$K" --questions "$Q" "$S")"
    done
    printf '%s\n' $times | sort -n | awk -v s="$size" '
        { v[NR] = $1 } END { printf "   %-7s median %.1f ms, min %.1f ms\n", s, v[int((NR + 1) / 2)] * 1000, v[1] * 1000 }'
done

if ! command -v valgrind >/dev/null 2>&1; then
    echo
    echo "2. (valgrind is not installed: no instruction counts)"
    exit 0
fi

# the scripts: navigation only, and a facilitator's mix that ticks, clears, undoes and writes
python3 - "$T" <<'EOF'
import sys
t = sys.argv[1]
nav = ["j", "j", "k", "l", "l", "h", "<Down>", "<Up>", "]", "[", "<Tab>", "<BTab>", "o", "b"]
mix = ["j", "<Space>", "j", "<Space>", "l", "k", "x", "u", "r", "r", "i", "i", "d", "d", "h",
       "b", "<Tab>", "<BTab>", "2", "2"]
def script(pattern, n=1000):
    keys = (pattern * (n // len(pattern) + 1))[:n]
    return "".join(keys)
open(t + "/none.keys", "w").write("")
open(t + "/nav.keys", "w").write(script(nav))
open(t + "/mix.keys", "w").write(script(mix))
EOF

instr() { # SCRIPT SIZE: total instructions of a run
    c=${2%x*}
    r=${2#*x}
    cp "$S" "$T/run.ini"
    rm -f "$T/cg.out"
    KOLLEN_TUI_SCRIPT="$T/$1.keys" python3 "$T/ptyrun.py" "$c" "$r" - \
        valgrind --tool=callgrind --callgrind-out-file="$T/cg.out" "$K" --questions "$Q" \
        "$T/run.ini" >/dev/null 2>&1
    sed -n 's/^summary: *\([0-9]*\).*/\1/p; s/^totals: *\([0-9]*\).*/\1/p' "$T/cg.out" | head -n 1
}

echo
echo "2. Instructions per keystroke, redraw included (callgrind, 1,000 scripted keys)"
for size in 80x24 120x40; do
    base=$(instr none "$size")
    for kind in nav mix; do
        total=$(instr "$kind" "$size")
        if [ -z "$base" ] || [ -z "$total" ]; then
            echo "   $size $kind: callgrind gave no count"
            continue
        fi
        awk -v b="$base" -v t="$total" -v s="$size" -v k="$kind" 'BEGIN {
            name = k == "nav" ? "moving only" : "mixed, saves";
            printf "   %-7s %-13s %8.0f instructions/key  (start and quit alone: %.1f M)\n",
                   s, name, (t - b) / 1000, b / 1e6 }'
    done
done
