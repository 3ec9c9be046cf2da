#!/bin/sh
# bench/report.sh: what a report costs. A session of the Infosäkkollen bank with every question
# answered, a 2 KB note and two evidence references on each, a tracked step and a companion
# It-säkkollen session; then the mean wall time of `kollen report` in each format (20 runs),
# of `kollen plan` toward the 30 best kommuner (the "level 3 in seven areas" choice), the
# sizes of the files, and, when they are installed, the time LibreOffice takes to open the
# workbook and the CSV and Chromium to print the HTML. Prints figures; asserts nothing.
# Usage: sh bench/report.sh [KOLLEN] (default build/kollen).
set -u
K=${1:-build/kollen}
case "$K" in /*) ;; *) K="$(pwd)/$K" ;; esac
Q="$(pwd)/questions"
[ -x "$K" ] || { echo "bench/report.sh: $K not found (run make)" >&2; exit 1; }
T=$(mktemp -d "${TMPDIR:-/tmp}/kollen-bench.XXXXXX")
chmod 700 "$T"
trap 'rm -rf "$T"' EXIT
export SOURCE_DATE_EPOCH=1764316800 LC_ALL=C.UTF-8 KOLLEN_LANG=sv
KQ() { "$K" --questions "$Q" "$@"; }

KQ new "$T/info.ini" --org "Benchby kommun" --group kommun --companion it >/dev/null
KQ new "$T/it.ini" --org "Benchby kommun" --group kommun --bank it-sakkollen-2023 >/dev/null
note=$(python3 -c "print(('Anteckning med åäö; https://intra.example/x och KS 2026/1;=1+1.\n' * 40)[:2000])")
for q in $(seq 1 40); do
    KQ set "$T/info.ini" "$q" 1,2 -q --note "$note" --evidence "Protokoll $q" --evidence "Rutin $q" 2>/dev/null ||
        KQ set "$T/info.ini" "$q" 3 -q --note "$note" --evidence "Protokoll $q"
done
for q in $(seq 1 41); do KQ set "$T/it.ini" "$q" 3 -q 2>/dev/null; done
KQ plan "$T/info.ini" --assign 14 "Bo Berg" --due 2027-03-01 >/dev/null

ms() { python3 -c 'import sys; print("%.1f" % (float(sys.argv[1]) * 1000))' "$1"; }
# time_of N COMMAND...: mean seconds of N runs
time_of() {
    n=$1
    shift
    python3 - "$n" "$@" <<'PY'
import subprocess, sys, time
n, cmd = int(sys.argv[1]), sys.argv[2:]
t = time.perf_counter()
for _ in range(n):
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
print((time.perf_counter() - t) / n)
PY
}

echo "kollen report: a session of 40 answered questions with notes, evidence and a companion"
for f in md html csv xlsx; do
    KQ report "$T/info.ini" -o "$T/r.$f" 2>/dev/null
    t=$(time_of 20 "$K" --questions "$Q" report "$T/info.ini" -o "$T/r.$f")
    printf '  %-5s %7s ms  %8s bytes\n' "$f" "$(ms "$t")" "$(wc -c <"$T/r.$f")"
done
t=$(time_of 20 "$K" --questions "$Q" plan "$T/info.ini" --target benchmark kommun-30-basta)
printf '  plan toward kommun-30-basta (level 3 in seven areas chosen): %s ms\n' "$(ms "$t")"

SOFFICE=$(command -v soffice || true)
if [ -n "$SOFFICE" ]; then
    cp "$T/r.xlsx" "$T/book.xlsx"
    cp "$T/r.csv" "$T/sheet.csv"
    start=$(python3 -c 'import time; print(time.time())')
    HOME="$T" "$SOFFICE" --headless --norestore -env:UserInstallation=file://"$T/lo" \
        --infilter="CSV:59,34,76,1,,1053,false,false" --convert-to fods --outdir "$T" \
        "$T/book.xlsx" "$T/sheet.csv" >/dev/null 2>&1
    end=$(python3 -c 'import time; print(time.time())')
    printf '  LibreOffice opens the workbook and the CSV (one call, cold profile): %s s\n' \
        "$(python3 -c "print('%.1f' % ($end - $start))")"
fi
B=$(command -v chromium || true)
if [ -n "$B" ]; then
    start=$(python3 -c 'import time; print(time.time())')
    "$B" --headless --no-sandbox --disable-gpu --no-first-run --user-data-dir="$T/chrome" \
        --no-pdf-header-footer --print-to-pdf="$T/r.pdf" "file://$T/r.html" >/dev/null 2>&1
    end=$(python3 -c 'import time; print(time.time())')
    pages=$(pdfinfo "$T/r.pdf" 2>/dev/null | sed -n 's/^Pages: *//p')
    printf '  Chromium prints the HTML to A4: %s s, %s pages\n' \
        "$(python3 -c "print('%.1f' % ($end - $start))")" "${pages:-?}"
fi
