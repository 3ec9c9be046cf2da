#!/bin/sh
# The Debian package as `make deb` builds it (dpkg-buildpackage -us -uc -b on a copy of the
# tracked files, then lintian), in a folder of the test's own: it builds, lintian finds no
# error or warning, its version is the Makefile's and debian/changelog's, it depends on the
# libraries kollen links and no other (curses shared, see debian/rules), it recommends the
# libxlsxwriter it opens for a workbook, it holds every file where Debian wants it, and the
# kollen it holds, unpacked and run with a scratch HOME, finds the banks beside it, knows
# /usr/share/kollen as its share folder, creates, sets and checks a session and writes a
# workbook. Installing it with dpkg is left to a person (it changes the machine). The build
# takes about 15 s.
# The sanitizer pass leaves this file out: the package builds its own kollen.
. tests/lib.sh

[ -n "${LABEL:-}" ] && exit 0

missing=""
for t in dpkg-buildpackage dh lintian fakeroot git dpkg-checkbuilddeps; do
    command -v $t >/dev/null 2>&1 || missing="$missing $t"
done
if [ -n "$missing" ] || ! git rev-parse --git-dir >/dev/null 2>&1; then
    echo "#### SKIP deb: no${missing:- git checkout}; the Debian package was NOT built (sudo make deps DEPS=test) ####" >&2
    echo "SKIP deb: missing$missing" >>"$RESULTS"
    exit 0
fi

MAKE=${MAKE:-make}
T=$(mktemp -d "${TMPDIR:-/tmp}/kollen-deb.XXXXXX")
trap 'chmod -R u+rwx "$T" 2>/dev/null; rm -rf "$T"' EXIT
VERSION=$(sed -n 's/^VERSION := //p' Makefile)
ARCH=$(dpkg --print-architecture)
DEB="$T/out/kollen_${VERSION}_$ARCH.deb"

start=$(date +%s)
if $MAKE -s --no-print-directory deb DEB_OUT="$T/out" >"$T/log" 2>&1; then
    pass "deb: make deb builds the package"
else
    fail "deb: make deb" "$(grep -E 'error|Error|E: ' "$T/log" | head -5 | tr '\n' ' ')"
    exit 0
fi
echo "   deb: built and checked by lintian in $(($(date +%s) - start)) s" >&2

lintian "$T/out/kollen_${VERSION}_$ARCH.changes" >"$T/lintian" 2>&1
grep -v '^running with root privileges' "$T/lintian" >"$T/tags"
expect_eq "deb: lintian finds no error or warning" "" "$(cat "$T/tags")"

expect_eq "deb: the package's version is the Makefile's" "$VERSION" "$(dpkg-deb -f "$DEB" Version)"
expect_eq "deb: debian/changelog's version is the Makefile's" "$VERSION" \
    "$(dpkg-parsechangelog -l debian/changelog -S Version)"
depends=$(dpkg-deb -f "$DEB" Depends | tr ',' '\n' | sed 's/^ *//; s/ .*//' | sort | tr '\n' ' ')
expect_eq "deb: it depends on the libraries kollen links (from shlibs), no other" \
    "libc6 libiniparser1 libncursesw6 libtinfo6 " "$depends"
xlsx_pkg=$(dpkg-query -S "$(readlink -f "$(${CC:-cc} -print-file-name=libxlsxwriter.so)")" |
    sed -n '1s/:.*//p')
expect_eq "deb: it recommends the libxlsxwriter it opens for a workbook ($xlsx_pkg)" \
    "$xlsx_pkg" "$(dpkg-deb -f "$DEB" Recommends)"

# every file of the package: the Makefile's install under /usr, and Debian's docs
{
    echo "./usr/bin/kollen"
    for f in questions/*/*.ini; do
        [ -f "$(dirname "$f")/bank.ini" ] && echo "./usr/share/kollen/$f"
    done
    echo "./usr/share/man/man1/kollen.1.gz"
    echo "./usr/share/man/sv/man1/kollen.1.gz"
    echo "./usr/share/bash-completion/completions/kollen"
    echo "./usr/share/zsh/vendor-completions/_kollen"
    echo "./usr/share/doc/kollen/README.md.gz"
    for f in docs/*.md; do echo "./usr/share/doc/kollen/$(basename "$f").gz"; done
    echo "./usr/share/doc/kollen/changelog.gz"
    echo "./usr/share/doc/kollen/copyright"
} | sort >"$T/want"
dpkg-deb -c "$DEB" | awk '$1 !~ /^d/ { print $6 }' | sort >"$T/got"
expect_file_eq "deb: every file where Debian wants it, and nothing else" "$T/want" "$T/got"

R="$T/root"
dpkg-deb -x "$DEB" "$R"
expect_eq "deb: the man page is docs/kollen.1" 0 \
    "$(gzip -dc "$R/usr/share/man/man1/kollen.1.gz" | cmp -s - docs/kollen.1 && echo 0 || echo 1)"
expect_eq "deb: the Swedish man page is docs/kollen.sv.1" 0 \
    "$(gzip -dc "$R/usr/share/man/sv/man1/kollen.1.gz" | cmp -s - docs/kollen.sv.1 && echo 0 || echo 1)"
expect_eq "deb: the zsh completion sources the packaged bash one" 1 \
    "$(grep -c '/usr/share/bash-completion/completions/kollen}' "$R/usr/share/zsh/vendor-completions/_kollen")"

H="$T/home"
mkdir -p "$H" "$T/work"
run() { (cd "$T/work" && env -i HOME="$H" PATH=/usr/bin:/bin LANG=C.UTF-8 "$R/usr/bin/kollen" "$@"); }
expect_eq "deb: its kollen was built for /usr/share/kollen" 1 \
    "$(run --lang en --help | grep -c '^                     /usr/share/kollen/questions)$')"
share=$(cd "$R/usr/share/kollen/questions" && pwd -P)
expect_eq "deb: its kollen finds the packaged banks" \
    "question banks in $share: infosakkollen-2023, it-sakkollen-2023" \
    "$(run --lang en --version | sed -n 2p)"
run new ws2026 --org "Exempel kommun" --group kommun >/dev/null 2>&1
expect_eq "deb: new creates the session in ~/.local/share/kollen/sessions (0600)" 600 \
    "$(stat -c %a "$H/.local/share/kollen/sessions/ws2026.ini" 2>&1)"
run set ws2026 7 1,3 >/dev/null 2>&1
expect_eq "deb: set changes it" 0 $?
expect_eq "deb: check reads it back" '"answered": 1,' \
    "$(run check ws2026 --json | sed -n 's/^  \("answered": .*\)$/\1/p')"
run report ws2026 --format xlsx -o "$T/work/r.xlsx" >/dev/null 2>&1
expect_eq "deb: its kollen opens libxlsxwriter and writes a workbook" "PK" \
    "$(head -c 2 "$T/work/r.xlsx" 2>&1)"
