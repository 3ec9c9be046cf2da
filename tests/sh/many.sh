#!/bin/sh
# Many sessions (issue 12): check PATH..., summary, rank, benchmark, partners and merge on the
# fixture sets of tests/fixtures/many (the ten kommuner of tests/unit/many_fixture.h, whose
# levels, values, points and places are computed by hand there; three regioner; a folder with
# one unreadable file; two breakout groups). Exact output and exit codes against
# tests/golden/many; anonymity (no organisation named without --names, small groups
# suppressed); a built benchmark used by plan; outputs for other programs read by those
# programs (JSON by python3, CSV by LibreOffice, HTML by Chromium; skipped loudly without
# them); the same output from one reader thread and from four. KOLLEN_UPDATE_GOLDEN=1 rewrites
# the goldens.
. tests/lib.sh

G=tests/golden/many
F=tests/fixtures/many
LAYER=many
private_tmp many
export SOURCE_DATE_EPOCH=1764316800 # 2025-11-28T08:00:00Z
K() { "$KOLLEN" --questions tests/fixtures/good "$@"; }

# --- check PATH... ---
golden check-folder 0 K check "$F/kommuner"
golden check-json 0 K check --json "$F/kommuner/e.ini" "$F/kommuner/a.ini"
golden check-min-level 3 K check "$F/kommuner" --min-level 1
golden check-unreadable 2 K check "$F/blandat"
golden check-unreadable-below 2 K check --json "$F/blandat" --min-level 2
golden check-nothing 2 K check "$T"

# each JSON line is the object `check --json` gives for that session alone, plus "file"
K check --json "$F/kommuner" >"$T/lines.json" 2>/dev/null
for f in "$F"/kommuner/*.ini; do K check --json "$f" >"$T/one-$(basename "$f").json" 2>/dev/null; done
if python3 - "$T" <<'EOF' >"$T/py.out" 2>&1
import json, sys, os
t = sys.argv[1]
lines = open(os.path.join(t, "lines.json"), encoding="utf-8").read().splitlines()
assert len(lines) == 10, len(lines)
for line in lines:
    o = json.loads(line)
    f = o.pop("file")
    one = json.load(open(os.path.join(t, "one-" + os.path.basename(f) + ".json"), encoding="utf-8"))
    assert o == one, f
print("ok")
EOF
then pass "many: check --json, a line per session, each the single check's object plus file"
else fail "many: check --json lines" "$(tail -n 3 "$T/py.out")"; fi

# --- summary ---
golden summary 0 K summary "$F/kommuner" "$F/regioner"
golden summary-names 0 K summary "$F/kommuner" --names
golden summary-en 0 K --lang en summary "$F/kommuner" --group kommun
golden summary-min-group-at 0 K summary "$F/regioner" --min-group 3
golden summary-min-group-past 0 K summary "$F/regioner" --min-group 4
golden summary-unreadable 2 K summary "$F/blandat" --min-group 1
golden summary-json 0 K summary "$F/kommuner" "$F/regioner" --format json
golden summary-csv 0 K summary "$F/kommuner" "$F/regioner" --format csv
golden summary-bad-format 1 K summary "$F/kommuner" --format pdf
K summary "$F/kommuner" --format html >"$T/summary.html" 2>/dev/null
K summary "$F/kommuner" "$F/regioner" --format json >"$T/summary.json" 2>/dev/null
if python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$T/summary.json" 2>/dev/null; then
    pass "many: summary --format json parses"
else fail "many: summary --format json parses" "python3 json.load failed"; fi

# --- rank ---
golden rank 0 K rank "$F/kommuner" "$F/regioner"
golden rank-names 0 K rank "$F/kommuner" --names --group kommun
golden rank-json 0 K rank "$F/kommuner" --json

# --- benchmark, and a built benchmark used like a published one ---
golden benchmark 0 K benchmark "$F/kommuner" --group kommun --id egen-typkommun --name "Typkommun (egna)"
golden benchmark-best 0 K benchmark "$F/kommuner" --group kommun --best 3 --min-group 3 --id basta-3 --name "De 3 bästa"
golden benchmark-too-few 2 K benchmark "$F/regioner" --group region --id r --name R
golden benchmark-no-group 1 K benchmark "$F/kommuner" --id x --name X
golden benchmark-bad-id 2 K benchmark "$F/kommuner" --group kommun --id "Fel id" --name X
B="$T/egna.ini"
golden benchmark-file 0 K benchmark "$F/kommuner" --group kommun --id egen-typkommun --name "Typkommun (egna)" -o "$B" --session "$T/typ.ini"
golden benchmark-file-more 0 K benchmark "$F/kommuner" --group kommun --best 3 --min-group 3 --id basta-3 --name "De 3 bästa" -o "$B"
golden benchmark-file-content 0 cat "$B"
expect_eq "many: benchmark -o file is 0600" 600 "$(stat -c %a "$B")"
cp "$B" "$T/before.ini"
golden benchmark-file-dup 2 K benchmark "$F/kommuner" --group kommun --id basta-3 --name "Igen" -o "$B"
if cmp -s "$B" "$T/before.ini"; then pass "many: a refused benchmark leaves the file as it was"
else fail "many: a refused benchmark leaves the file as it was" "it changed"; fi
golden benchmark-session 0 K check "$T/typ.ini"
# Kommun C as a session of one's own (a private copy: the fixtures' folder is open to others)
C="$T/kommun-c.ini"
cp "$F/kommuner/c.ini" "$C" && chmod 600 "$C"
golden plan-benchmark 0 K --benchmarks "$B" plan "$C" --target benchmark egen-typkommun
golden plan-benchmark-best 0 K --benchmarks "$B" plan "$C" --target benchmark basta-3
golden check-benchmark 0 K --benchmarks "$B" check "$C"
golden diff-typ 0 K diff "$T/typ.ini" "$C"
printf '[benchmark.x]\nname = X\ngroup = kommun\nlevel = 9\n' >"$T/bad.ini"
golden benchmarks-bad-file 2 K --benchmarks "$T/bad.ini" check "$C"

# --- partners ---
golden partners 0 K partners "$F/kommuner" --for "$F/kommuner/c.ini"
golden partners-names 0 K partners "$F/kommuner" --for "$F/kommuner/c.ini" --names
golden partners-top 0 K partners "$F/kommuner" --for "$F/kommuner/e.ini"

# --- merge ---
M="$T/workshop.ini"
golden merge 0 K merge "$F/breakout/grupp-a.ini" "$F/breakout/grupp-b.ini" -o "$M"
golden merge-file 0 cat "$M"
expect_eq "many: merged session is 0600" 600 "$(stat -c %a "$M")"
golden merge-check 0 K check "$M"
cp "$M" "$T/before.ini"
golden merge-exists 2 K merge "$F/breakout/grupp-a.ini" "$F/breakout/grupp-b.ini" -o "$M"
if cmp -s "$M" "$T/before.ini"; then pass "many: merge never replaces a session"
else fail "many: merge never replaces a session" "it changed"; fi
golden merge-other-org 2 K merge "$F/breakout/grupp-a.ini" "$F/breakout/annan.ini" -o "$T/x.ini"
K new "$T/scale.ini" --org "Exempel kommun" --group kommun --bank miniscale >/dev/null 2>&1
golden merge-other-bank 2 K merge "$F/breakout/grupp-a.ini" "$T/scale.ini" -o "$T/x.ini"
if [ ! -e "$T/x.ini" ]; then pass "many: a refused merge writes nothing"
else fail "many: a refused merge writes nothing" "$T/x.ini exists"; fi
golden merge-one 1 K merge "$F/breakout/grupp-a.ini" -o "$T/y.ini"

# --- anonymity: no organisation is named without --names ---
names_in() { grep -c -E 'Kommun [A-N]|Region (Ett|Två|Tre)' "$1"; }
for cmd in "summary $F/kommuner $F/regioner --min-group 1" \
    "summary $F/kommuner $F/regioner --min-group 1 --format json" \
    "summary $F/kommuner $F/regioner --min-group 1 --format csv" \
    "summary $F/kommuner $F/regioner --min-group 1 --format html" \
    "rank $F/kommuner $F/regioner" "rank $F/kommuner $F/regioner --json" \
    "partners $F/kommuner --for $F/kommuner/c.ini" \
    "benchmark $F/kommuner --group kommun --id x --name X"; do
    # shellcheck disable=SC2086
    K $cmd >"$T/anon" 2>&1
    expect_eq "many: anonymous: $(echo "$cmd" | cut -d' ' -f1) ($(echo "$cmd" | grep -o -- '--format [a-z]*\|--json' || echo text))" 0 "$(names_in "$T/anon")"
done
K summary "$F/kommuner" --names >"$T/named" 2>&1
if [ "$(names_in "$T/named")" -gt 0 ]; then pass "many: --names names them"
else fail "many: --names names them" "no name in the output"; fi
K summary "$F/regioner" --names >"$T/small" 2>&1
expect_eq "many: a group below --min-group names no one, even with --names" 0 "$(names_in "$T/small")"

# --- one reader thread or four: the same output ---
if [ -x "$BUILD/tools/many_gen" ]; then
    "$BUILD/tools/many_gen" questions infosakkollen-2023 "$T/gen" 300 12 >/dev/null 2>&1
    for th in 1 4; do
        KOLLEN_THREADS=$th "$KOLLEN" check "$T/gen" >"$T/check.$th" 2>&1
        KOLLEN_THREADS=$th "$KOLLEN" summary "$T/gen" --names --format json >"$T/sum.$th" 2>&1
        KOLLEN_THREADS=$th "$KOLLEN" rank "$T/gen" --names >"$T/rank.$th" 2>&1
    done
    for w in check sum rank; do
        if cmp -s "$T/$w.1" "$T/$w.4" && [ -s "$T/$w.1" ]; then pass "many: $w: one thread and four agree (300 sessions)"
        else fail "many: $w: one thread and four agree" "outputs differ"; fi
    done
    expect_eq "many: check of 300 generated sessions, a line each" 300 "$(wc -l <"$T/check.1")"
else
    fail "many: threads" "$BUILD/tools/many_gen missing (make units)"
fi

# --- outputs for other programs, in those programs ---
# CSV in LibreOffice: it reads the file, and what it saves back holds the same cells (numbers
# read as numbers, names with their å ä ö)
K summary "$F/kommuner" "$F/regioner" --format csv >"$T/summary.csv" 2>/dev/null
if command -v soffice >/dev/null 2>&1; then
    (cd "$T" && HOME="$T" timeout 120 soffice --headless --infilter="CSV:44,34,76,1" \
        --convert-to "csv:Text - txt - csv (StarCalc):44,34,76,1" --outdir "$T/lo" summary.csv \
        >"$T/lo.log" 2>&1)
    if python3 - "$T/summary.csv" "$T/lo/summary.csv" <<'EOF' >"$T/py.out" 2>&1
import csv, sys
a = list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8")))
b = list(csv.reader(open(sys.argv[2], newline="", encoding="utf-8")))
assert len(a) == len(b) == 5, (len(a), len(b))
for ra, rb in zip(a, b):
    assert len(ra) == len(rb), (ra, rb)
    for x, y in zip(ra, rb):
        try:
            assert abs(float(x) - float(y)) < 1e-9, (x, y)
        except ValueError:
            assert x == y, (x, y)
print("ok")
EOF
    then pass "many: summary CSV read by LibreOffice, every cell the same"
    else fail "many: summary CSV in LibreOffice" "$(tail -n 3 "$T/py.out") $(tail -n 2 "$T/lo.log")"; fi
else
    echo "#### SKIP many: no soffice; the summary CSV was NOT read by LibreOffice ####" >&2
    echo "SKIP many: summary CSV in LibreOffice (soffice not installed)" >>"$RESULTS"
fi
# HTML in Chromium: the DOM it builds holds both tables for the group, every area, no script
B2=""
for b in chromium chromium-browser google-chrome; do command -v "$b" >/dev/null 2>&1 && B2=$b && break; done
if [ -n "$B2" ]; then
    timeout 60 "$B2" --headless --no-sandbox --disable-gpu --no-first-run --disable-sync \
        --disable-background-networking --disable-component-update --disable-dev-shm-usage \
        --user-data-dir="$T/profile" --dump-dom "file://$T/summary.html" >"$T/dom" 2>"$T/br.err"
    if python3 - "$T/dom" <<'EOF' >"$T/py.out" 2>&1
import sys, re
d = open(sys.argv[1], encoding="utf-8").read()
assert d.count("<table") == 2, d.count("<table")
for area in ("Alfa-området", "Beta-området", "bäst 10 %", "svagast 10 %", "Fråga 2"):
    assert area in d, area
assert "<script" not in d
print("ok")
EOF
    then pass "many: summary HTML rendered by Chromium with its tables"
    else fail "many: summary HTML in Chromium" "$(tail -n 3 "$T/py.out") $(tail -n 2 "$T/br.err")"; fi
else
    echo "#### SKIP many: no chromium; the summary HTML was NOT checked in a browser ####" >&2
    echo "SKIP many: summary HTML in Chromium (chromium not installed)" >>"$RESULTS"
fi
