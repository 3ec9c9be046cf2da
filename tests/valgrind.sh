#!/bin/sh
# tests/valgrind.sh BUILD: every cmocka driver under valgrind; any error or definite leak fails.
. tests/lib.sh
b=${1:-build}
if ! command -v valgrind >/dev/null 2>&1; then
    fail "valgrind" "valgrind is not installed"
    exit 0
fi
for t in "$b"/tests/test_*; do
    [ -x "$t" ] || continue
    name=$(basename "$t")
    log=$(mktemp)
    if LC_ALL=C.UTF-8 valgrind -q --leak-check=full --errors-for-leak-kinds=definite \
        --error-exitcode=99 --log-file="$log" "$t" >/dev/null 2>&1; then
        pass "valgrind: $name"
    else
        fail "valgrind: $name" "$(grep -m3 -E 'definitely|Invalid|uninitialised|FAILED' "$log")"
        head -n 30 "$log" >&2
    fi
    rm -f "$log"
done
