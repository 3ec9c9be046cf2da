#!/bin/sh
# tests/summary.sh RESULTS: list the failures and end with the one line "N passed, N failed".
r=$1
passed=$(grep -c '^PASS' "$r")
failed=$(grep -c '^FAIL' "$r")
if [ "$failed" -gt 0 ]; then
    echo "Failures:"
    grep '^FAIL' "$r" | sed 's/^/  /'
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
