#!/bin/sh
# tests/fuzz/run.sh: build the libFuzzer targets (clang), replay every kept crash and every file
# tests/tools/gen_limits writes at and past the limits, then fuzz each target twice:
# FUZZ_TIME seconds of small inputs (-max_len=16384; 20 s in `make test`, `make fuzz` runs
# longer) and FUZZ_LARGE_TIME seconds of large ones (-max_len=4 MiB, seeded with the limit
# files, where the limit bugs live; 10 s in `make test`).
# A crash is written to tests/fuzz/findings/; once fixed, keep it in
# tests/fixtures/crashes/<target>/ (xz-compressed when large), so it is replayed for ever.
. tests/lib.sh
: "${FUZZ_TIME:=20}"
: "${FUZZ_LARGE_TIME:=10}"
: "${MAKE:=make}"
: "${BUILD:=build}"
targets="ini session bank text cache"
if ! command -v clang >/dev/null 2>&1; then
    fail "fuzz: clang" "clang is not installed (apt-get install clang libclang-rt-14-dev)"
    exit 0
fi
if ! $MAKE --no-print-directory -s fuzz-build "$BUILD/tools/gen_limits" >/dev/null 2>build-fuzz.log; then
    fail "fuzz: build" "$(tail -n 3 build-fuzz.log)"
    exit 0
fi
rm -f build-fuzz.log
mkdir -p tests/fuzz/findings
W=$(mktemp -d "${TMPDIR:-/tmp}/kollen-fuzz.XXXXXX")
trap 'rm -rf "$W"' EXIT
# the bank cache goes to a folder of the run's own, never the user's ~/.cache
[ -n "${KOLLEN_TEST_CACHE:-}" ] || KOLLEN_TEST_CACHE="$W/cache"
mkdir -p "$KOLLEN_TEST_CACHE"
export KOLLEN_TEST_CACHE XDG_CACHE_HOME="$KOLLEN_TEST_CACHE"

# the limit files: seeds of the large runs and regressions of their own
"$BUILD/tools/gen_limits" "$W/gl" >/dev/null 2>&1 || fail "fuzz: gen_limits" "it failed"
mkdir -p "$W/seed/ini" "$W/seed/session" "$W/seed/bank" "$W/seed/text" "$W/seed/cache"
for f in "$W"/gl/sessions/at/*.ini "$W"/gl/sessions/past/*.ini; do
    [ "$(wc -c <"$f")" -le 4194304 ] || continue
    name=$(basename "$(dirname "$f")")-$(basename "$f")
    cp "$f" "$W/seed/session/$name"
    cp "$f" "$W/seed/ini/$name"
done
cp "$W/gl/fuzz/bank-questions.ini" "$W/seed/bank/"
mkdir -p "$W/seed/cache"
cp "$W"/gl/fuzz/kollen/*.bin "$W/seed/cache/" 2>/dev/null
head -c 200000 "$W/gl/sessions/at/max.ini" >"$W/seed/text/max-head"
rm -rf "$W/gl"

total=0
for t in $targets; do
    bin=build-fuzz/fuzz_$t
    # kept crashes (decompressed) and the limit files, each run once
    rm -rf "$W/replay"
    mkdir -p "$W/replay"
    for f in tests/fixtures/crashes/$t/*; do
        [ -f "$f" ] || continue
        case $f in
        *.xz) xz -dc "$f" >"$W/replay/$(basename "$f" .xz)" ;;
        *) cp "$f" "$W/replay/" ;;
        esac
    done
    cp "$W/seed/$t"/* "$W/replay/" 2>/dev/null
    n=$(find "$W/replay" -type f | wc -l)
    if [ "$n" -gt 0 ]; then
        if "$bin" -runs=0 -max_len=20000000 -timeout=60 -rss_limit_mb=4096 \
            $(find "$W/replay" -type f) >"$W/log" 2>&1; then
            pass "fuzz: $t replays $n kept crashes and limit files"
        else
            fail "fuzz: $t regression" "a kept crash or limit file fails: $(grep -m 3 -E 'ERROR|SUMMARY|Running' "$W/log" | tail -n 2)"
        fi
    fi
    for size in small large; do
        work=$(mktemp -d "$W/corpus.XXXXXX")
        if [ $size = small ]; then
            time=$FUZZ_TIME max=16384
        else
            time=$FUZZ_LARGE_TIME max=4194304
        fi
        [ "$time" -gt 0 ] || continue
        corpus=""
        [ -d "tests/fuzz/corpus/$t" ] && corpus="tests/fuzz/corpus/$t"
        "$bin" -max_total_time="$time" -max_len=$max -timeout=20 -rss_limit_mb=4096 \
            -print_final_stats=1 -artifact_prefix="tests/fuzz/findings/$t-" \
            "$work" $corpus "$W/seed/$t" >"$W/log" 2>&1
        rc=$?
        execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$W/log")
        if [ $rc -eq 0 ]; then
            pass "fuzz: $t ($size inputs, up to $max bytes) ${execs:-?} runs in ${time}s, no crash"
            total=$((total + ${execs:-0}))
        else
            fail "fuzz: $t ($size inputs)" "crash (exit $rc); input in tests/fuzz/findings/"
            grep -m 5 -E 'ERROR|SUMMARY|Test unit written' "$W/log" >&2
        fi
        rm -rf "$work"
    done
done
echo "fuzz: $total executions in all"
