#!/bin/sh
# tests/all.sh: what `make test` runs. The whole suite on the normal build, every unit test
# under valgrind (definite leaks fail), the whole suite again under ASan+UBSan, and the
# fuzzers for a bounded time; one "N passed, N failed" line at the end.
set -u
MAKE=${MAKE:-make}
RESULTS=$(mktemp "${TMPDIR:-/tmp}/kollen-results.XXXXXX")
# the bank cache goes to a folder of the run's own, never the user's ~/.cache
KOLLEN_TEST_CACHE=$(mktemp -d "${TMPDIR:-/tmp}/kollen-cache.XXXXXX")
export RESULTS KOLLEN_TEST_CACHE XDG_CACHE_HOME="$KOLLEN_TEST_CACHE"
trap 'rm -f "$RESULTS"; rm -rf "$KOLLEN_TEST_CACHE"' EXIT
start=$(date +%s)

# each stage says when it starts, seconds into the run, so a slow stage shows in CI's log
stage() { printf '\n### %s (at %d s)\n' "$*" $(($(date +%s) - start)); }

stage "build"
if $MAKE --no-print-directory -s build/kollen kollen units; then
    pass_build=1
else
    echo "FAIL build: make failed" >>"$RESULTS"
    pass_build=0
fi

if [ $pass_build -eq 1 ]; then
    stage "suite"
    BUILD=build KOLLEN=build/kollen LABEL= sh tests/run.sh
    stage "valgrind"
    sh tests/valgrind.sh build
fi

stage "asan+ubsan"
SAN="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all"
if $MAKE --no-print-directory -s BUILD=build-asan SAN="$SAN" CFLAGS="-O1 -g" build-asan/kollen units; then
    ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1 \
        BUILD=build-asan KOLLEN=build-asan/kollen LABEL=asan sh tests/run.sh
else
    echo "FAIL [asan] build: make failed" >>"$RESULTS"
fi

if [ -f tests/fuzz/run.sh ]; then
    stage "fuzz (bounded)"
    sh tests/fuzz/run.sh
fi

stage "done"
sh tests/summary.sh "$RESULTS"
