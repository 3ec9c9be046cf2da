#!/bin/sh
# tests/man_keys_splice.sh PAGE KEYS: PAGE with the lines between its KEYS markers replaced by
# the file KEYS (what build/tools/man_keys printed), on stdout. `make man-keys` writes it back;
# tests/sh/man.sh compares it with the page. Fails when a marker is missing.
set -eu
awk -v keys="$2" '
    /^\.\\" BEGIN KEYS:/ { print; while ((getline line < keys) > 0) print line; skip = 1; b++; next }
    /^\.\\" END KEYS$/ { skip = 0; e++ }
    !skip { print }
    END { if (b != 1 || e != 1) { print "man_keys_splice: " FILENAME ": no BEGIN KEYS / END KEYS pair" > "/dev/stderr"; exit 1 } }
' "$1"
