#!/bin/sh
# tests/fuzz/run.sh: build the libFuzzer targets (clang), replay every kept crash as a
# regression, then fuzz each target for FUZZ_TIME seconds (20 in `make test`; `make fuzz`
# runs longer). New crashes are written to tests/fuzz/findings/: copy them into
# tests/fuzz/regressions/<target>/ once fixed, so they are replayed forever.
. tests/lib.sh
: "${FUZZ_TIME:=20}"
: "${MAKE:=make}"
targets="ini session bank text"
if ! command -v clang >/dev/null 2>&1; then
    fail "fuzz: clang" "clang is not installed (apt-get install clang libclang-rt-14-dev)"
    exit 0
fi
if ! $MAKE --no-print-directory -s fuzz-build >/dev/null 2>build-fuzz.log; then
    fail "fuzz: build" "$(tail -n 3 build-fuzz.log)"
    exit 0
fi
rm -f build-fuzz.log
mkdir -p tests/fuzz/findings
total=0
for t in $targets; do
    bin=build-fuzz/fuzz_$t
    n=$(find "tests/fuzz/regressions/$t" -type f 2>/dev/null | wc -l)
    if [ "$n" -gt 0 ]; then
        if "$bin" -runs=0 $(find "tests/fuzz/regressions/$t" -type f) >/dev/null 2>&1; then
            pass "fuzz: $t replays $n kept crashes"
        else
            fail "fuzz: $t regression" "a kept crash fails again"
        fi
    fi
    work=$(mktemp -d)
    log=$(mktemp)
    "$bin" -max_total_time="$FUZZ_TIME" -max_len=16384 -timeout=10 -rss_limit_mb=2048 \
        -print_final_stats=1 -artifact_prefix="tests/fuzz/findings/$t-" \
        "$work" "tests/fuzz/corpus/$t" >"$log" 2>&1
    rc=$?
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
    if [ $rc -eq 0 ]; then
        pass "fuzz: $t ${execs:-?} runs in ${FUZZ_TIME}s, no crash"
        total=$((total + ${execs:-0}))
    else
        fail "fuzz: $t" "crash (exit $rc); input in tests/fuzz/findings/"
        grep -m 5 -E 'ERROR|SUMMARY|Test unit written' "$log" >&2
    fi
    rm -rf "$work" "$log"
done
echo "fuzz: $total executions in all"
