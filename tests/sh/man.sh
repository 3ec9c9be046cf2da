#!/bin/sh
# The man pages (docs/kollen.1, docs/kollen.sv.1): `mandoc -T lint` and `groff -ww` find
# nothing, the key lists are what the key table says (build/tools/man_keys), and every command,
# every option of every command's usage and every environment variable the code reads is in
# both pages. mandoc and groff come from the Makefile's deps step; a missing one is a loud
# SKIP. The sanitizer pass leaves this file out: nothing here runs kollen's code differently.
. tests/lib.sh

[ -n "${LABEL:-}" ] && exit 0

PAGES="docs/kollen.1 docs/kollen.sv.1"
private_tmp man

# lint: every message but the ones about other pages' entries in a mandoc.db (they depend on
# what else the machine has installed, not on the page)
if command -v mandoc >/dev/null 2>&1; then
    for p in $PAGES; do
        mandoc -T lint "$p" >"$T/lint" 2>&1
        rc=$?
        grep -v -e 'mandoc\.db' -e 'referenced manual not found' "$T/lint" >"$T/lint.own"
        if [ $rc -eq 0 ] && [ ! -s "$T/lint.own" ]; then
            pass "man: mandoc -T lint $p finds nothing"
        else
            fail "man: mandoc -T lint $p" "exit $rc: $(head -c 400 "$T/lint.own")"
        fi
    done
else
    echo "#### SKIP man: no mandoc; the man pages were NOT linted (sudo make deps DEPS=test) ####" >&2
    echo "SKIP man: mandoc not installed" >>"$RESULTS"
fi
if command -v groff >/dev/null 2>&1; then
    for p in $PAGES; do
        out=$(groff -k -ww -z -mandoc "$p" 2>&1)
        expect_eq "man: groff -ww -z -mandoc $p warns of nothing" "" "$out"
    done
else
    echo "#### SKIP man: no groff; the man pages were NOT checked by groff ####" >&2
    echo "SKIP man: groff not installed" >>"$RESULTS"
fi

# the key lists: regenerated from the key table, the pages must stay as they are
if [ -x "$BUILD/tools/man_keys" ]; then
    for p in $PAGES; do
        case $p in *.sv.1) lang=sv ;; *) lang=en ;; esac
        if "$BUILD/tools/man_keys" $lang >"$T/keys" &&
            sh tests/man_keys_splice.sh "$p" "$T/keys" >"$T/page"; then
            expect_file_eq "man: the keys in $p are the key table's (make man-keys)" "$p" "$T/page"
        else
            fail "man: keys of $p" "man_keys or the splice failed"
        fi
    done
else
    fail "man: keys" "$BUILD/tools/man_keys was not built"
fi

# the SYNOPSIS of each page: its command words and options
synopsis() { sed -n '/^\.Sh SYNOPSIS/,/^\.Sh /p' "$1"; }

for p in $PAGES; do
    synopsis "$p" >"$T/syn"
    missing=""
    for cmd in $(sed -n 's/^CMD("\([a-z]*\)".*/\1/p' src/cli/commands.def); do
        grep -qx "\.Cm $cmd" "$T/syn" || missing="$missing $cmd"
    done
    expect_eq "man: $p has a SYNOPSIS line for every command of commands.def" "" "$missing"

    # every option in every command's usage, and the options of every command
    missing=""
    for cmd in "" $(sed -n 's/^CMD("\([a-z]\+\)".*/\1/p' src/cli/commands.def); do
        # shellcheck disable=SC2086
        for opt in $("$KOLLEN" --lang en $cmd --help 2>&1 | grep -o -- '[[ ]-[-a-z]\+' | cut -c2- | sort -u); do
            # mdoc's Fl writes one dash itself: --json is "Fl -json", -o is "Fl o"
            grep -q -- "Fl ${opt#-}\b" "$T/syn" || missing="$missing ${cmd:-(screen)}:$opt"
        done
    done
    expect_eq "man: $p has every option of every command's usage in its SYNOPSIS" "" "$missing"

    # every variable the code reads (getenv, and the locale variables input.c reads in a loop)
    missing=""
    for v in $(grep -rhoE 'getenv\("[A-Z_]+"\)' src | sed 's/getenv("\(.*\)")/\1/' | sort -u) \
        LANG LC_ALL LC_CTYPE; do
        grep -E '^\.It Ev ' "$p" | grep -qw -- "$v" || missing="$missing $v"
    done
    expect_eq "man: $p names every environment variable kollen reads" "" "$missing"
done
