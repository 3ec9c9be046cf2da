#!/bin/sh
# bench/memory.sh: what the TUI's undo history costs in memory. A session of the Infosäkkollen
# bank with a 30 KB note on each of its 40 questions, then 200 changes in the TUI (scripted
# keys, each change one undo step, 200 the most kept) and quit; prints the peak resident size.
# Undo keeps the changed question's answer before and after, not a copy of the session.
# Prints figures; asserts nothing. Usage: sh bench/memory.sh [KOLLEN] (default build/kollen).
set -u
K=${1:-build/kollen}
case "$K" in /*) ;; *) K="$(pwd)/$K" ;; esac
Q="$(pwd)/questions"
[ -x "$K" ] || { echo "bench/memory.sh: $K not found (run make)" >&2; exit 1; }
T=$(mktemp -d "${TMPDIR:-/tmp}/kollen-bench.XXXXXX")
trap 'rm -rf "$T"' EXIT
export SOURCE_DATE_EPOCH=1764316800 LC_ALL=C.UTF-8 KOLLEN_LANG=sv TERM=xterm-256color

"$K" --questions "$Q" new "$T/big.ini" --org "Minnesbänken" --group kommun >/dev/null
big=$(python3 -c "print(('Lång anteckning; rad med åäö och 100 %.\n' * 800)[:30000])")
for q in $(seq 1 40); do "$K" --questions "$Q" set "$T/big.ini" "$q" all --note "$big" -q; done
echo "kollen TUI memory: $(wc -c <"$T/big.ini") byte session, 200 changes (the space bar)"
for n in 0 200; do
    python3 -c "import sys; print(' ' * int(sys.argv[1]) + 'q', end='')" "$n" >"$T/keys"
    cp "$T/big.ini" "$T/run.ini"
    KOLLEN_TUI_SCRIPT="$T/keys" python3 - "$K" "$Q" "$T/run.ini" "$n" <<'PY'
import os, pty, resource, select, sys
pid, fd = pty.fork()
if pid == 0:
    os.execv(sys.argv[1], [sys.argv[1], "--questions", sys.argv[2], sys.argv[3]])
while True:
    r, _, _ = select.select([fd], [], [], 120)
    if not r:
        break
    try:
        if not os.read(fd, 65536):
            break
    except OSError:
        break
os.waitpid(pid, 0)
rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print("   %3s changes: peak resident size %.1f MB" % (sys.argv[4], rss))
PY
done
