#!/bin/sh
# No function in src/ is longer than a reader can hold: at most 100 lines of code between its
# braces (blank lines and lines that are only a comment not counted). Lists every function
# over the limit. Functions are written K&R style: the signature ends at column 0 with ")",
# the body opens with "{" and closes with "}" alone on their lines.
. tests/lib.sh

LIMIT=100
long=$(awk -v limit=$LIMIT '
    FNR == 1 { body = 0 }
    body && $0 == "}" {
        if (n > limit)
            printf "%s:%d %s (%d lines)\n", FILENAME, start, name, n
        body = 0
        next
    }
    body {
        if ($0 !~ /^[[:space:]]*$/ && $0 !~ /^[[:space:]]*(\/\*.*\*\/|\/\/.*)[[:space:]]*$/)
            n++
        next
    }
    $0 == "{" && sig ~ /\)$/ {
        body = 1; n = 0; start = FNR
        name = sig; sub(/\(.*/, "", name); sub(/.*[ *]/, "", name)
        next
    }
    /^[A-Za-z_]/ { sig = $0; next }
    /^[[:space:]]/ && sig != "" { sig = sig " " $0; sub(/^[ \t]+/, "", sig) }
' $(find src -name '*.c' | sort))
if [ -z "$long" ]; then
    pass "functions: none in src/ over $LIMIT lines"
else
    fail "functions: over $LIMIT lines" "$(echo "$long" | tr '\n' ';')"
fi
