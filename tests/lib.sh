# tests/lib.sh: sourced by the shell tests. Each check appends one line to $RESULTS:
# "PASS name" or "FAIL name: why"; tests/run.sh counts them.
: "${RESULTS:?tests/lib.sh needs RESULTS}"
: "${KOLLEN:=./kollen}"

pass() { echo "PASS $1" >>"$RESULTS"; }
fail() { echo "FAIL $1: $2" >>"$RESULTS"; echo "  FAIL $1: $2" >&2; }

# check NAME COMMAND...: pass when the command succeeds
check() {
    name=$1
    shift
    if "$@" >/dev/null 2>&1; then pass "$name"; else fail "$name" "command failed: $*"; fi
}

# expect_eq NAME EXPECTED ACTUAL
expect_eq() {
    if [ "$2" = "$3" ]; then pass "$1"; else fail "$1" "expected [$2], got [$3]"; fi
}

# expect_file_eq NAME EXPECTED_FILE ACTUAL_FILE (diff shown on failure)
expect_file_eq() {
    if cmp -s "$2" "$3"; then
        pass "$1"
    else
        fail "$1" "output differs from $2"
        diff -u "$2" "$3" | head -n 40 >&2
    fi
}
