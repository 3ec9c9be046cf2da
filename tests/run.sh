#!/bin/sh
# tests/run.sh: every test layer in order; ends with "N passed, N failed".
# Called by `make test` (and `make check-asan`) with BUILD and KOLLEN set.
set -u
: "${BUILD:=build}"
: "${KOLLEN:=$BUILD/kollen}"
export KOLLEN BUILD
export LC_ALL=C.UTF-8
export KOLLEN_LANG=sv
unset KOLLEN_QUESTIONS KOLLEN_SESSIONS NO_COLOR
top=$(pwd)
RESULTS=$(mktemp "${TMPDIR:-/tmp}/kollen-results.XXXXXX")
export RESULTS

say() { printf '== %s\n' "$*"; }

# 1-3. cmocka unit tests: one line per test
for t in "$BUILD"/tests/test_*; do
    [ -x "$t" ] || continue
    name=$(basename "$t")
    out=$("$t" 2>&1)
    rc=$?
    printf '%s\n' "$out" | sed -n 's/^\[       OK \] \(.*\)$/PASS '"$name"': \1/p' >>"$RESULTS"
    printf '%s\n' "$out" | sed -n 's/^\[  FAILED  \] \([^ ].*\)$/FAIL '"$name"': \1/p' |
        grep -v 'test(s), listed below' >>"$RESULTS"
    if [ $rc -ne 0 ]; then
        printf '%s\n' "$out" | grep -E 'FAILED|ERROR|error|Assert|Leak|Sanitizer' | head -n 20 >&2
        grep -q "^FAIL $name" "$RESULTS" || echo "FAIL $name: exit code $rc" >>"$RESULTS"
    fi
done
say "unit: $(grep -c '^PASS test_' "$RESULTS") passed"

# 4-5. shell layers: CLI golden tests, banks, layering, end-to-end, valgrind
for s in tests/sh/*.sh; do
    [ -f "$s" ] || continue
    before=$(wc -l <"$RESULTS")
    sh "$s"
    after=$(wc -l <"$RESULTS")
    say "$(basename "$s" .sh): $((after - before)) checks"
done

passed=$(grep -c '^PASS' "$RESULTS")
failed=$(grep -c '^FAIL' "$RESULTS")
if [ "$failed" -gt 0 ]; then
    echo "Failures:"
    grep '^FAIL' "$RESULTS" | sed 's/^/  /'
fi
rm -f "$RESULTS"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
