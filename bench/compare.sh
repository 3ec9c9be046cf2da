#!/bin/sh
# bench/compare.sh: the table of issue 14, kollen beside its anchor, measured in the same run:
# instructions with callgrind, wall time as interleaved repetitions (kollen, anchor, kollen,
# anchor ...; median and minimum), peak memory with /usr/bin/time. Ends with one line per goal
# saying met or not met. Prints figures and asserts nothing (the machines are shared and
# noisy: this is not part of `make test`).
#
#   sh bench/compare.sh [KOLLEN]      default build/kollen; REPS=15 wall-time repetitions;
#                                     MAKER=other/kollen writes the sessions measured
#
# Installs dialog, valgrind and time with apt-get when they are missing and we are root;
# otherwise says what to install and leaves those rows out. The bank cache goes to a
# temporary folder (warmed once), never the user's ~/.cache; XDG_CACHE_HOME=/dev/null (a
# folder that cannot be) measures kollen without it.
set -u
cd "$(dirname "$0")/.."
K=${1:-build/kollen}
case "$K" in /*) ;; *) K="$(pwd)/$K" ;; esac
REPS=${REPS:-15}
Q="$(pwd)/questions"
BANK=infosakkollen-2023
[ -x "$K" ] || { echo "bench/compare.sh: $K not found (run make)" >&2; exit 1; }

need=""
for tool in dialog valgrind /usr/bin/time python3; do
    command -v "$tool" >/dev/null 2>&1 || need="$need ${tool##*/}"
done
if [ -n "$need" ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        echo "bench/compare.sh: installing$need (apt-get)"
        apt-get install -y -qq $need >/dev/null 2>&1 ||
            echo "bench/compare.sh: apt-get failed; rows needing$need are left out"
    else
        echo "bench/compare.sh: missing$need (as root: apt-get install$need); those rows are left out"
    fi
fi
have() { command -v "$1" >/dev/null 2>&1; }
have python3 || { echo "bench/compare.sh: python3 is needed" >&2; exit 1; }

T=$(mktemp -d "${TMPDIR:-/tmp}/kollen-compare.XXXXXX")
trap 'rm -rf "$T"' EXIT
export LC_ALL=C.UTF-8 KOLLEN_LANG=sv TERM=xterm-256color ESCDELAY=25 XDG_CACHE_HOME="$T/cache"
unset NO_COLOR KOLLEN_SESSIONS KOLLEN_QUESTIONS

# --- helpers ---

# ptyrun.py COLS ROWS MARK KEY CMD...: CMD in a pseudo-terminal of that size; prints the
# seconds until MARK was written, then types KEY (\e for Esc); MARK "-": just drain to the end.
cat >"$T/ptyrun.py" <<'EOF'
import fcntl, os, pty, select, struct, sys, termios, time
cols, rows, mark, key, cmd = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5:]
# "@@FILE": the arguments in FILE, one per line (dialog's 120 of them)
cmd = sum(([l for l in open(a[2:], encoding="utf-8").read().split("\n") if l]
           if a.startswith("@@") else [a] for a in cmd), [])
key = key.replace("\\e", "\x1b").encode()
t0 = time.monotonic()
pid, fd = pty.fork()
if pid == 0:
    fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    os.execvp(cmd[0], cmd)
fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
buf, first, sent = b"", None, False
while True:
    r, _, _ = select.select([fd], [], [], 120)
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
    if first is not None and not sent:
        os.write(fd, key)
        sent = True
os.waitpid(pid, 0)
if mark != "-":
    print("%.6f" % first if first is not None else "nan")
EOF

# timer.py REPS CMD_A -- CMD_B: both run REPS times, interleaved, output to /dev/null;
# prints "median_a min_a median_b min_b" in milliseconds.
cat >"$T/timer.py" <<'EOF'
import os, sys, time
reps = int(sys.argv[1]); args = sys.argv[2:]; cut = args.index("--")
cmds = [args[:cut], args[cut + 1:]]
null = os.open(os.devnull, os.O_WRONLY)
times = [[], []]
def run(cmd):
    t = time.perf_counter()
    pid = os.posix_spawnp(cmd[0], cmd, os.environ, file_actions=[
        (os.POSIX_SPAWN_DUP2, null, 1), (os.POSIX_SPAWN_DUP2, null, 2)])
    os.waitpid(pid, 0)
    return (time.perf_counter() - t) * 1000
for c in cmds:
    run(c)  # warm: caches, page cache
for i in range(reps):
    for k in (0, 1):
        times[k].append(run(cmds[k]))
for k in (0, 1):
    v = sorted(times[k])
    print("%.3f %.3f" % (v[len(v) // 2], v[0]), end=" ")
print()
EOF

instr() { # CMD...: instructions of a run under callgrind
    rm -f "$T/cg.out"
    valgrind --tool=callgrind --callgrind-out-file="$T/cg.out" "$@" >/dev/null 2>&1 </dev/null
    sed -n 's/^summary: *\([0-9]*\).*/\1/p; s/^totals: *\([0-9]*\).*/\1/p' "$T/cg.out" | head -n 1
}
instr_pty() { # COLS ROWS MARK KEY CMD...: the same in a pseudo-terminal
    rm -f "$T/cg.out"
    c=$1 r=$2 m=$3 k=$4
    shift 4
    python3 "$T/ptyrun.py" "$c" "$r" "$m" "$k" valgrind --tool=callgrind \
        --callgrind-out-file="$T/cg.out" "$@" >/dev/null 2>&1
    sed -n 's/^summary: *\([0-9]*\).*/\1/p; s/^totals: *\([0-9]*\).*/\1/p' "$T/cg.out" | head -n 1
}
median_min() { sort -n | awk '{ v[NR] = $1 } END { printf "%.6f %.6f", v[int((NR + 1) / 2)], v[1] }'; }
mega() { awk -v v="$1" 'BEGIN { printf "%.2f M", v / 1e6 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2fx", a / b; else printf "-" }'; }
goal_lines=""
goal() { goal_lines="$goal_lines$1\n"; }

# --- sessions ---

note() { # BYTES: note text of about that many bytes, some of it written %XX once saved
    python3 -c "import sys; n = int(sys.argv[1]); t = 'Rad; om åtgärden #3 och 100 % av \"verksamheten\".\n' * (n // 40 + 1); print(t.encode()[:n].decode('utf-8', 'ignore'), end='')" "$1"
}
# MAKER: the kollen that writes the sessions (default KOLLEN; set it to compare two builds
# on the very same files)
MAKER=${MAKER:-$K}
K_() { "$MAKER" --questions "$Q" "$@"; }
make_session() { # FILE NOTE_BYTES [EVIDENCE_PER_QUESTION]: every question answered
    K_ new "$1" --org "Jämförelsekommunen" --group kommun --bank "$BANK" >/dev/null || exit 1
    n=$(note "$2")
    ev=${3:-1}
    for q in $(seq 1 40); do
        args=""
        i=1
        while [ "$i" -le "$ev" ]; do
            args="$args --evidence Protokoll_${q}_$i"
            i=$((i + 1))
        done
        K_ set "$1" "$q" all --note "$n" $args -q || exit 1
    done
}

echo "kollen beside its anchors: $K"
echo "$(nproc) CPU, $(uname -m), $(date -u +%Y-%m-%dT%H:%MZ); wall times: $REPS interleaved runs each"
make_session "$T/all40.ini" 60 1         # all 40 answered, short notes
make_session "$T/s130k.ini" 3000 2       # about 130 KB
make_session "$T/s2m.ini" 38000 64       # about 2 MB
K_ check "$T/all40.ini" >/dev/null 2>&1  # the bank cache, warm
printf '%s\n' "sessions: all 40 answered $(wc -c <"$T/all40.ini") B, 130 KB $(wc -c <"$T/s130k.ini") B, 2 MB $(wc -c <"$T/s2m.ini") B"
echo

printf '%-46s %22s %22s %10s\n' "measure" "kollen" "anchor" "ratio"

# 1. TUI start to first full frame, 80x24, all 40 answered, beside dialog --checklist of 40
# dialog's arguments, one per line, for ptyrun.py's @@ (same in every row)
{
    echo "$(command -v dialog 2>/dev/null || echo dialog)"
    echo --checklist
    echo "Vilka åtgärder har organisationen genomfört?"
    echo 24
    echo 80
    echo 16
    for i in $(seq 1 40); do printf '%s\nÅtgärd nummer %s i arbetsområdet\non\n' "$i" "$i"; done
} >"$T/dialog.args"
if have dialog && have valgrind; then
    cp "$T/all40.ini" "$T/run.ini"
    ki=$(instr_pty 80 24 sparad q "$K" --questions "$Q" "$T/run.ini")
    di=$(instr_pty 80 24 Cancel '\e' "@@$T/dialog.args")
    printf '%-46s %22s %22s %10s\n' "start to first frame, 80x24: instructions" "$(mega "$ki")" "$(mega "$di")" "$(ratio "$ki" "$di")"
    : >"$T/kw"
    : >"$T/dw"
    i=0
    while [ $i -lt "$REPS" ]; do
        cp "$T/all40.ini" "$T/run.ini"
        python3 "$T/ptyrun.py" 80 24 sparad q "$K" --questions "$Q" "$T/run.ini" >>"$T/kw"
        python3 "$T/ptyrun.py" 80 24 Cancel '\e' "@@$T/dialog.args" >>"$T/dw"
        i=$((i + 1))
    done
    kw=$(median_min <"$T/kw")
    dw=$(median_min <"$T/dw")
    km=$(echo "$kw" | awk '{ print $1 * 1000 }')
    dm=$(echo "$dw" | awk '{ print $1 * 1000 }')
    printf '%-46s %22s %22s %10s\n' "start to first frame, 80x24: wall (median, min)" \
        "$(echo "$kw" | awk '{ printf "%.1f ms, %.1f", $1 * 1000, $2 * 1000 }')" \
        "$(echo "$dw" | awk '{ printf "%.1f ms, %.1f", $1 * 1000, $2 * 1000 }')" "$(ratio "$km" "$dm")"
    met=$(awk -v a="$ki" -v b="$di" -v c="$km" -v d="$dm" 'BEGIN { print (a <= b && c <= d) ? "met" : "not met" }')
    goal "TUI start: at most 1.0x dialog in instructions and wall time: $met ($(ratio "$ki" "$di"), $(ratio "$km" "$dm"))"
else
    goal "TUI start: not measured (dialog or valgrind missing)"
fi

# 2. one move key including its redraw, 80x24 and 200x60
if have valgrind; then
    python3 -c "print('jjkkllhh' * 125, end='')" >"$T/move.keys"
    : >"$T/none.keys"
    moves=""
    for size in 80x24 200x60; do
        c=${size%x*} r=${size#*x}
        cp "$T/all40.ini" "$T/run.ini"
        base=$(KOLLEN_TUI_SCRIPT="$T/none.keys" instr_pty "$c" "$r" - - "$K" --questions "$Q" "$T/run.ini")
        cp "$T/all40.ini" "$T/run.ini"
        total=$(KOLLEN_TUI_SCRIPT="$T/move.keys" instr_pty "$c" "$r" - - "$K" --questions "$Q" "$T/run.ini")
        per=$(( (total - base) / 1000 ))
        moves="$moves $per"
        printf '%-46s %22s %22s %10s\n' "one move key incl. redraw, $size" "$(mega "$per")" "-" "-"
    done
    met=$(echo "$moves" | awk '{ print ($1 <= 500000 && $2 <= 500000) ? "met" : "not met" }')
    goal "move key: at most 0.5 M instructions at 80x24 and 200x60: $met ($(echo "$moves" | awk '{ printf "%.2f M, %.2f M", $1 / 1e6, $2 / 1e6 }'))"
fi

# 3. check on the 2.5 KB example, beside cat of the same file
EX=sessions/exempel.ini
if have valgrind; then
    printf '%-46s %22s %22s %10s\n' "check on the 2.5 KB example: instructions" \
        "$(mega "$(instr "$K" --questions "$Q" check "$EX")")" "$(mega "$(instr cat "$EX")")" ""
    printf '%-46s %22s %22s %10s\n' "  the same with no bank cache: instructions" \
        "$(mega "$(XDG_CACHE_HOME=/dev/null instr "$K" --questions "$Q" check "$EX")")" "" ""
fi
set -- $(python3 "$T/timer.py" "$REPS" "$K" --questions "$Q" check "$EX" -- cat "$EX")
printf '%-46s %22s %22s %10s\n' "check on the 2.5 KB example: wall (median, min)" \
    "$(printf '%.2f ms, %.2f' "$1" "$2")" "$(printf '%.2f ms, %.2f' "$3" "$4")" "$(ratio "$1" "$3")"
met=$(awk -v a="$1" -v b="$3" 'BEGIN { print a <= 2 * b ? "met" : "not met" }')
goal "check on the example: at most 2x cat in wall time: $met ($(ratio "$1" "$3"))"
set -- $(XDG_CACHE_HOME=/dev/null python3 "$T/timer.py" "$REPS" \
    "$K" --questions "$Q" check "$EX" -- cat "$EX")
printf '%-46s %22s %22s %10s\n' "  the same with no bank cache: wall" \
    "$(printf '%.2f ms, %.2f' "$1" "$2")" "$(printf '%.2f ms, %.2f' "$3" "$4")" "$(ratio "$1" "$3")"

# 4. check on a 2 MB session, and the growth from 100 KB to 4 MB
if have valgrind; then
    ci=$(instr "$K" --questions "$Q" check "$T/s2m.ini")
    set -- $(python3 "$T/timer.py" 5 "$K" --questions "$Q" check "$T/s2m.ini" -- cat "$T/s2m.ini")
    printf '%-46s %22s %22s %10s\n' "check on a 2 MB session: instructions, wall" \
        "$(mega "$ci"), $(printf '%.1f ms' "$1")" "cat $(printf '%.2f ms' "$3")" ""
    : >"$T/growth"
    for kb in 100 250 500 1000 2000 4000; do
        f="$T/g$kb.ini"
        # notes and evidence scaled so the file is about kb KB
        nb=$(( kb * 1000 / 40 * 2 / 3 ))
        [ $nb -gt 65536 ] && nb=65536
        ev=$(( kb / 70 ))
        [ $ev -gt 64 ] && ev=64
        [ $ev -lt 1 ] && ev=1
        make_session "$f" "$nb" "$ev"
        n=$(instr "$K" --questions "$Q" check "$f")
        printf '%s %s\n' "$(wc -c <"$f")" "$n" >>"$T/growth"
    done
    exp=$(awk '{ x = log($1); y = log($2); n++; sx += x; sy += y; sxx += x * x; sxy += x * y }
               END { printf "%.2f", (n * sxy - sx * sy) / (n * sxx - sx * sx) }' "$T/growth")
    printf '%-46s %22s %22s %10s\n' "  growth exponent, 100 KB to 4 MB (instructions)" "$exp" "-" "-"
    awk '{ printf "      %9d B  %8.1f M instructions\n", $1, $2 / 1e6 }' "$T/growth"
    met=$(awk -v e="$exp" 'BEGIN { print e <= 1.1 ? "met" : "not met" }')
    goal "check grows linearly (exponent at most 1.1 from 100 KB to 4 MB): $met ($exp)"
fi

# 5. TUI peak memory after 300 saves (and after 30: flat?), beside dialog
if [ -x /usr/bin/time ]; then
    python3 -c "print(' ' * 300, end='')" >"$T/save300.keys"
    python3 -c "print(' ' * 30, end='')" >"$T/save30.keys"
    rss() { # KEYS SESSION: peak RSS in KB of the TUI typing KEYS (every tick saves)
        cp "$2" "$T/run.ini"
        KOLLEN_TUI_SCRIPT="$T/$1" python3 "$T/ptyrun.py" 80 24 - - /usr/bin/time -f %M \
            -o "$T/rss" "$K" --questions "$Q" "$T/run.ini" >/dev/null 2>&1
        tail -n 1 "$T/rss"
    }
    drss=-
    if have dialog; then
        python3 "$T/ptyrun.py" 80 24 Cancel '\e' /usr/bin/time -f %M -o "$T/rss" "@@$T/dialog.args" >/dev/null 2>&1
        drss=$(tail -n 1 "$T/rss") # after "Command exited with non-zero status 255" (Esc)
    fi
    worst=0 flat=1
    for s in s130k s2m; do
        r30=$(rss save30.keys "$T/$s.ini")
        r300=$(rss save300.keys "$T/$s.ini")
        printf '%-46s %22s %22s %10s\n' "TUI peak RSS after 300 saves, ${s#s} session" \
            "$(awk -v v="$r300" 'BEGIN { printf "%.1f MB", v / 1024 }') (30: $(awk -v v="$r30" 'BEGIN { printf "%.1f", v / 1024 }'))" \
            "$(awk -v v="$drss" 'BEGIN { if (v == "-") print "-"; else printf "dialog %.1f MB", v / 1024 }')" \
            "$(ratio "$r300" "$drss")"
        [ "$r300" -gt "$worst" ] && worst=$r300
        [ "$r300" -gt $((r30 + r30 / 10 + 1024)) ] && flat=0
    done
    met=$(awk -v w="$worst" -v f="$flat" 'BEGIN { print (w <= 8192 && f) ? "met" : "not met" }')
    goal "TUI memory: at most 8 MB and flat in the number of saves: $met ($(awk -v w="$worst" 'BEGIN { printf "%.1f MB", w / 1024 }'), $( [ $flat = 1 ] && echo flat || echo growing))"
fi

echo
echo "Goals:"
printf "$goal_lines" | sed 's/^/  /'
