#!/bin/sh
# tests/run.sh: every test layer of one build, in order: unit (cmocka), then the shell layers
# in tests/sh/ (CLI golden, banks, layering, end-to-end, reports...). Each check is one line
# "PASS name" / "FAIL name: why" in $RESULTS. Run alone it prints "N passed, N failed";
# tests/all.sh (make test) gives it a shared $RESULTS and a LABEL for the sanitizer pass.
set -u
: "${BUILD:=build}"
: "${KOLLEN:=$BUILD/kollen}"
: "${LABEL:=}"
export KOLLEN BUILD LABEL
export LC_ALL=C.UTF-8
export KOLLEN_LANG=sv
unset KOLLEN_QUESTIONS KOLLEN_SESSIONS NO_COLOR SOURCE_DATE_EPOCH
# the bank cache goes to a folder of the run's own, never the user's ~/.cache
own_cache=0
if [ -z "${KOLLEN_TEST_CACHE:-}" ]; then
    KOLLEN_TEST_CACHE=$(mktemp -d "${TMPDIR:-/tmp}/kollen-cache.XXXXXX")
    own_cache=1
fi
export KOLLEN_TEST_CACHE XDG_CACHE_HOME="$KOLLEN_TEST_CACHE"
own=0
if [ -z "${RESULTS:-}" ]; then
    RESULTS=$(mktemp "${TMPDIR:-/tmp}/kollen-results.XXXXXX")
    own=1
fi
export RESULTS
tag=${LABEL:+[$LABEL] }

say() { printf '== %s%s\n' "$tag" "$*"; }

# cmocka unit tests: one line per test
for t in "$BUILD"/tests/test_*; do
    [ -x "$t" ] || continue
    case "$t" in *.d) continue ;; esac
    name=$(basename "$t")
    out=$("$t" 2>&1)
    rc=$?
    printf '%s\n' "$out" | sed -n 's/^\[       OK \] \(.*\)$/PASS '"$tag$name"': \1/p' >>"$RESULTS"
    # cmocka names a failed test twice (as it fails and in the summary): count it once
    printf '%s\n' "$out" | sed -n 's/^\[  FAILED  \] \([^ ].*\)$/FAIL '"$tag$name"': \1/p' |
        grep -v 'test(s), listed below' | sort -u >>"$RESULTS"
    if [ $rc -ne 0 ]; then
        printf '%s\n' "$out" | grep -E 'FAILED|ERROR|error|Assert|Leak|Sanitizer|runtime error' |
            head -n 20 >&2
        grep -q "^FAIL $tag$name" "$RESULTS" || echo "FAIL $tag$name: exit code $rc" >>"$RESULTS"
    fi
done
say "unit: $(grep -cF "PASS ${tag}test_" "$RESULTS") passed"

# shell layers; each may look at $LABEL to leave out what a sanitizer build adds nothing to
for s in tests/sh/*.sh; do
    [ -f "$s" ] || continue
    before=$(wc -l <"$RESULTS")
    t0=$(date +%s)
    sh "$s"
    after=$(wc -l <"$RESULTS")
    say "$(basename "$s" .sh): $((after - before)) checks in $(($(date +%s) - t0)) s"
done

[ $own_cache -eq 1 ] && rm -rf "$KOLLEN_TEST_CACHE"
if [ $own -eq 1 ]; then
    sh tests/summary.sh "$RESULTS"
    rc=$?
    rm -f "$RESULTS"
    exit $rc
fi
