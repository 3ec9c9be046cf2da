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

# private_tmp NAME: a private temporary folder in $T, removed when the script exits
private_tmp() {
    T=$(mktemp -d "${TMPDIR:-/tmp}/kollen-$1.XXXXXX") || exit 1
    chmod 700 "$T"
    trap 'rm -rf "$T"' EXIT
}

# golden NAME EXPECTED_RC COMMAND...: stdout+stderr and the exit code against $G/NAME, the
# check named "$LAYER: NAME" ($T shown as TMP). KOLLEN_UPDATE_GOLDEN=1 rewrites the golden.
golden() {
    name=$1 want=$2
    shift 2
    "$@" >"$T/out" 2>"$T/err" </dev/null
    rc=$?
    { cat "$T/out"; [ -s "$T/err" ] && { echo "--- stderr"; cat "$T/err"; }; echo "--- exit $rc"; } |
        sed "s|$T|TMP|g" >"$T/actual"
    if [ -n "${KOLLEN_UPDATE_GOLDEN:-}" ]; then cp "$T/actual" "$G/$name"; fi
    if [ "$rc" != "$want" ]; then
        fail "$LAYER: $name" "exit $rc, expected $want: $(head -c 300 "$T/err")"
    else
        expect_file_eq "$LAYER: $name" "$G/$name" "$T/actual"
    fi
}

# unchanged NAME RC FILE COMMAND...: the command fails with RC, says why, FILE stays the same
unchanged() {
    name=$1 want=$2 file=$3
    shift 3
    cp "$file" "$T/before"
    "$@" >"$T/out" 2>"$T/err" </dev/null
    rc=$?
    if [ $rc -ne "$want" ]; then
        fail "$LAYER: $name" "exit $rc, expected $want"
    elif ! cmp -s "$T/before" "$file"; then
        fail "$LAYER: $name" "the session file changed"
    elif [ ! -s "$T/err" ]; then
        fail "$LAYER: $name" "no message"
    else
        pass "$LAYER: $name"
    fi
}

# py_checks TAG FILE: the "PASS text" / "FAIL text" lines a checker in tests/tools wrote to FILE
# as checks "TAG: text", its other lines shown; no PASS at all fails "TAG: the check ran"
py_checks() {
    while IFS= read -r line; do
        case $line in
        PASS*) pass "$1: ${line#PASS }" ;;
        FAIL*) fail "$1: ${line#FAIL }" "see above" ;;
        *) echo "  $line" >&2 ;;
        esac
    done <"$2"
    grep -q '^PASS' "$2" || fail "$1: the check ran" "$(head -c 400 "$2")"
}

# standalone_end: a script that may run alone (it made RESULTS itself and set standalone=1)
# says its counts then, and exits non-zero on any failure
standalone_end() {
    [ -n "${standalone:-}" ] || return 0
    passed=$(grep -c '^PASS' "$RESULTS")
    failed=$(grep -c '^FAIL' "$RESULTS")
    rm -f "$RESULTS"
    echo "$passed passed, $failed failed"
    [ "$failed" -eq 0 ]
}
