#!/bin/sh
# make install / make uninstall as a user or a packager runs them: every file where it belongs
# with its mode, nothing else, and all of it gone again; the installed kollen, run from
# another folder with HOME a scratch folder and no KOLLEN_* variables, finds its banks under
# the installed share folder, keeps sessions in ~/.local/share/kollen/sessions (0700) and its
# cache in ~/.cache/kollen; the installed completion completes its sessions. A tree installed
# with PREFIX (no DESTDIR) and moved away finds the banks in the share folder compiled in.
# The sanitizer pass leaves this file out: it installs the plain build.
. tests/lib.sh

[ -n "${LABEL:-}" ] && exit 0

MAKE=${MAKE:-make}
T=$(mktemp -d "${TMPDIR:-/tmp}/kollen-install.XXXXXX")
trap 'chmod -R u+rwx "$T" 2>/dev/null; rm -rf "$T"' EXIT
D="$T/dest"

# the files of an install under PREFIX, as "MODE PATH" lines
expected() {
    echo "755 $1/bin/kollen"
    for f in questions/*/*.ini; do
        [ -f "$(dirname "$f")/bank.ini" ] && echo "644 $1/share/kollen/$f"
    done
    echo "644 $1/share/man/man1/kollen.1"
    echo "644 $1/share/man/sv/man1/kollen.1"
    echo "644 $1/share/bash-completion/completions/kollen"
    echo "644 $1/share/zsh/site-functions/_kollen"
}
listed() { (cd "$1" && find . -type f -printf '%m %P\n' | sort); }

if $MAKE -s --no-print-directory install DESTDIR="$D" BUILD="$BUILD" >"$T/log" 2>&1; then
    pass "install: make install DESTDIR=... succeeds"
else
    fail "install: make install DESTDIR=..." "$(tail -c 400 "$T/log")"
fi
expected usr/local | sort >"$T/want"
listed "$D" >"$T/got"
expect_file_eq "install: every file in its place with its mode, and nothing else" "$T/want" "$T/got"
expect_eq "install: the zsh completion names where the bash one is" \
    1 "$(grep -c '/usr/local/share/bash-completion/completions/kollen}' \
        "$D/usr/local/share/zsh/site-functions/_kollen")"

# the installed program as a user runs it: another folder, a scratch HOME, a clean environment
H="$T/home"
mkdir -p "$H" "$T/elsewhere"
chmod 755 "$H"
KI="$D/usr/local/bin/kollen"
run() { (cd "$T/elsewhere" && env -i HOME="$H" PATH=/usr/bin:/bin LANG=C.UTF-8 "$@"); }
share=$(cd "$D/usr/local/share/kollen/questions" && pwd -P)
run "$KI" --lang en --version >"$T/out" 2>&1
expect_eq "install: --version finds the banks under the installed share folder" \
    "question banks in $share: infosakkollen-2023, it-sakkollen-2023" "$(sed -n 2p "$T/out")"
expect_eq "install: --version names the sessions folder in HOME" \
    "sessions in $H/.local/share/kollen/sessions" "$(sed -n 3p "$T/out")"
run "$KI" new ws2026 --org "Exempel kommun" --group kommun >"$T/out" 2>&1
expect_eq "install: new creates the session in ~/.local/share/kollen/sessions" \
    "skapade $H/.local/share/kollen/sessions/ws2026.ini (Exempel kommun, infosakkollen-2023)" \
    "$(cat "$T/out")"
expect_eq "install: the sessions folder is 0700" 700 \
    "$(stat -c %a "$H/.local/share/kollen/sessions" 2>&1)"
expect_eq "install: the session is 0600" 600 \
    "$(stat -c %a "$H/.local/share/kollen/sessions/ws2026.ini" 2>&1)"
run "$KI" set ws2026 7 1,3 --note "Beslutad" >"$T/out" 2>&1
expect_eq "install: set changes the session" 0 $?
run "$KI" check ws2026 --json >"$T/out" 2>&1
expect_eq "install: check reads it back (one question answered)" 0 $?
expect_eq "install: check says one of 40 answered" '"answered": 1, "questions": 40' \
    "$(sed -n 's/^  "\(answered\|questions\)": \([0-9]*\),$/"\1": \2/p' "$T/out" | head -2 |
        paste -sd, | sed 's/,/, /')"
expect_eq "install: nothing is left in the working folder" "" "$(ls -A "$T/elsewhere")"
if [ -d "$H/.cache/kollen" ] && [ -n "$(ls -A "$H/.cache/kollen")" ]; then
    pass "install: the bank cache is written in ~/.cache/kollen"
else
    fail "install: the bank cache" "nothing in $H/.cache/kollen"
fi
expect_eq "install: the cache folder is 0700" 700 "$(stat -c %a "$H/.cache/kollen" 2>&1)"

# the installed bash completion, with the installed kollen on PATH
got=$(cd "$T/elsewhere" && env -i HOME="$H" PATH="$D/usr/local/bin:/usr/bin:/bin" bash -c '
    . "$1"; COMP_WORDS=(kollen set ""); COMP_CWORD=2; _kollen; printf "%s\n" "${COMPREPLY[@]}"' \
    sh "$D/usr/local/share/bash-completion/completions/kollen" 2>&1)
expect_eq "install: the installed completion offers the user's session" "ws2026" "$got"

if $MAKE -s --no-print-directory uninstall DESTDIR="$D" BUILD="$BUILD" >"$T/log" 2>&1; then
    pass "install: make uninstall succeeds"
else
    fail "install: make uninstall" "$(tail -c 400 "$T/log")"
fi
expect_eq "install: make uninstall removes every file" "" "$(listed "$D")"
expect_eq "install: make uninstall removes kollen's share folder" "" \
    "$(ls -d "$D/usr/local/share/kollen" 2>/dev/null)"
expect_eq "install: make uninstall leaves the user's sessions alone" 600 \
    "$(stat -c %a "$H/.local/share/kollen/sessions/ws2026.ini" 2>&1)"

# PREFIX, BINDIR, MANDIR and the completion folders chosen, no DESTDIR, in a copy of the build
# (its objects are reused; cli_main.o is built again for the share folder compiled in)
B="$T/build"
mkdir -p "$B"
cp -a "$BUILD/src" "$BUILD"/*.a "$BUILD/config.stamp" "$B/"
P="$T/prefix"
if $MAKE -s --no-print-directory install BUILD="$B" PREFIX="$P" BINDIR="$P/sbin" \
    MANDIR="$P/man" BASHCOMPDIR="$P/bash" ZSHCOMPDIR="$P/zsh" >"$T/log" 2>&1; then
    pass "install: make install PREFIX=... BINDIR=... MANDIR=... succeeds"
else
    fail "install: make install PREFIX=..." "$(tail -c 400 "$T/log")"
fi
expected "$P" | sed "s|$P/bin/|$P/sbin/|; s|$P/share/man/|$P/man/|;
    s|$P/share/bash-completion/completions/|$P/bash/|; s|$P/share/zsh/site-functions/|$P/zsh/|" |
    sed "s| $P/| |" | sort >"$T/want"
listed "$P" >"$T/got"
expect_file_eq "install: BINDIR, MANDIR and the completion folders are honoured" "$T/want" "$T/got"
# moved away from its tree, the program finds the banks in the folder compiled in
mv "$P/sbin/kollen" "$T/elsewhere/kollen"
run "$T/elsewhere/kollen" --lang en --version >"$T/out" 2>&1
rm -f "$T/elsewhere/kollen"
expect_eq "install: a moved program finds the banks in PREFIX/share/kollen compiled in" \
    "question banks in $P/share/kollen/questions: infosakkollen-2023, it-sakkollen-2023" \
    "$(sed -n 2p "$T/out")"
$MAKE -s --no-print-directory uninstall BUILD="$B" PREFIX="$P" BINDIR="$P/sbin" MANDIR="$P/man" \
    BASHCOMPDIR="$P/bash" ZSHCOMPDIR="$P/zsh" >"$T/log" 2>&1
expect_eq "install: make uninstall with the same folders removes every file" "" "$(listed "$P")"
expect_eq "install: ./kollen is not touched by make install" 0 \
    "$(cmp -s kollen "$BUILD/kollen" && echo 0 || echo 1)"
