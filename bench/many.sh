#!/bin/sh
# bench/many.sh: `kollen summary` over 10,000 realistic sessions (every question answered, a
# note of a few hundred bytes on each answer, evidence, participants; kommuner, regioner and
# myndigheter in MSB's proportions, written by tests/tools/many_gen.c) against `cat` of the
# same files, measured in one run: interleaved repetitions, median and minimum wall time, the
# ratio, and peak RSS (also at 1,000 sessions, to show memory does not grow with the number
# of sessions). Prints figures and whether the issue's goals are met; asserts nothing.
# Usage: sh bench/many.sh [N] [REPS]   (default 10000 sessions, 7 repetitions)
set -eu
cd "$(dirname "$0")/.."
N=${1:-10000}
REPS=${2:-7}
make -s build/kollen build/tools/many_gen >/dev/null
K=build/kollen
T=$(mktemp -d "${TMPDIR:-/tmp}/kollen-bench-many.XXXXXX")
chmod 700 "$T"
trap 'rm -rf "$T"' EXIT
export LC_ALL=C.UTF-8 KOLLEN_LANG=sv

t0=$(date +%s%N)
build/tools/many_gen questions infosakkollen-2023 "$T/s" "$N" 2024
gen_ms=$((($(date +%s%N) - t0) / 1000000))
bytes=$(cat "$T"/s/*.ini | wc -c)
files=$(ls "$T/s" | wc -l)

ms() { # COMMAND...: wall milliseconds, output discarded
    a=$(date +%s%N)
    "$@" >/dev/null 2>&1
    echo $((($(date +%s%N) - a) / 1000000))
}
catall() { cat "$T"/s/*.ini; }
summary() { "$K" summary "$T/s"; }

# warm the page cache, so both read from memory
catall >/dev/null
summary >/dev/null 2>&1 || true
: >"$T/cat.ms"
: >"$T/sum.ms"
i=0
while [ $i -lt "$REPS" ]; do
    ms catall >>"$T/cat.ms"
    ms summary >>"$T/sum.ms"
    i=$((i + 1))
done
median() { sort -n "$1" | awk '{v[NR]=$1} END {print (NR%2) ? v[(NR+1)/2] : int((v[NR/2]+v[NR/2+1])/2)}'; }
minimum() { sort -n "$1" | head -n 1; }
cat_med=$(median "$T/cat.ms")
cat_min=$(minimum "$T/cat.ms")
sum_med=$(median "$T/sum.ms")
sum_min=$(minimum "$T/sum.ms")
one=$(KOLLEN_THREADS=1 ms summary)

rss() { /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -n 1; }
rss_sum=$(rss "$K" summary "$T/s")
# CPU seconds (user + system) of one summary: what the work costs whatever else the machine runs
cpu=$(/usr/bin/time -f '%U %S' "$K" summary "$T/s" 2>&1 >/dev/null | tail -n 1 |
    awk '{printf "%.2f", $1 + $2}')
load=$(cut -d' ' -f1 /proc/loadavg)
rss_cat=$(rss sh -c "cat $T/s/*.ini")
mkdir "$T/k"
ls "$T/s" | head -n 1000 | while read -r f; do ln "$T/s/$f" "$T/k/$f"; done
rss_1k=$(rss "$K" summary "$T/k")

cores=$(nproc)
printf 'sessions: %d files, %d bytes (%d KB each), generated in %d ms; %d cores\n' \
    "$files" "$bytes" $((bytes / files / 1024)) "$gen_ms" "$cores"
printf '%-34s %10s %10s\n' "wall time, $REPS interleaved runs" "median ms" "min ms"
printf '%-34s %10s %10s\n' "cat of the files" "$cat_med" "$cat_min"
printf '%-34s %10s %10s\n' "kollen summary" "$sum_med" "$sum_min"
printf '%-34s %10s\n' "kollen summary, one thread" "$one"
printf 'kollen summary CPU time (user+sys): %s s; load average while measuring: %s\n' "$cpu" "$load"
awk -v s="$sum_med" -v c="$cat_med" 'BEGIN { printf "ratio summary / cat (median): %.1f\n", (c > 0 ? s / c : 0) }'
printf 'peak RSS: kollen summary %d KB at %d sessions, %d KB at 1,000; cat %d KB\n' \
    "$rss_sum" "$files" "$rss_1k" "$rss_cat"
if [ "$sum_med" -lt 1000 ]; then echo "goal wall < 1 s: met"; else echo "goal wall < 1 s: NOT met ($sum_med ms)"; fi
if [ "$rss_sum" -le 32768 ]; then echo "goal RSS <= 32 MB: met"; else echo "goal RSS <= 32 MB: NOT met"; fi
