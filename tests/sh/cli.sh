#!/bin/sh
# CLI golden tests: exact output and exit codes of every command, bad input refused with
# file and line, and the session file left exactly as it was. KOLLEN_UPDATE_GOLDEN=1 rewrites
# the golden files (review the diff before committing).
. tests/lib.sh

G=tests/golden/cli
LAYER=cli
private_tmp cli
export SOURCE_DATE_EPOCH=1764316800 # 2025-11-28T08:00:00Z
K() { "$KOLLEN" --questions tests/fixtures/good "$@"; }

S="$T/s.ini"
# --version: the banks found and the folders in use, for bug reports; --print-dirs for scripts
golden version 0 K --sessions "$T/sess" --version
golden version-en 0 K --lang en --sessions "$T/sess" -V
golden version-no-banks 0 "$KOLLEN" --questions "$T/nosuch" --sessions "$T/sess" --version
golden print-dirs 0 K --sessions "$T/s e" --print-dirs
golden help-en 0 "$KOLLEN" --lang en --help
golden unknown-command 1 K frobnicate
golden unknown-option 1 K check --frob x
golden new 0 K new "$S" --org "Exempel kommun" --group kommun --bank mini --facilitator "Anna Ö" --participant "Bo Berg: CISO" --participant "Cia"
golden new-exists 2 K new "$S" --org X --group kommun --bank mini
golden new-no-org 1 K new "$T/x.ini" --group kommun
golden new-bad-group 1 K new "$T/x.ini" --org X --group county
golden new-unknown-bank 2 K new "$T/x.ini" --org X --group kommun --bank nosuch
golden session-file 0 cat "$S"
perm=$(stat -c %a "$S")
expect_eq "cli: new session file is 0600" 600 "$perm"
golden check-new 0 K check "$S"
golden set-1 0 K set "$S" 1 1,3 --note "Rad ett; med # och \"citat\"
  rad två \\ 100 %" --evidence "Protokoll 2025-01-12 §4"
golden set-2 0 K set "$S" 2 3 --evidence "Rapport" --followup yes
golden set-4 0 K set "$S" 4 none
golden session-file-after 0 cat "$S"
golden check 0 K check "$S"
golden check-json 0 K check "$S" --json
golden check-en 0 K --lang en check "$S"
LC_ALL=C golden check-ascii 0 "$KOLLEN" --questions tests/fixtures/good check "$S"
golden check-min-ok 0 K check "$S" --json --min-level 1
golden check-min-below 3 K check "$S" --min-level 3
golden bank-list 0 K bank
golden bank-show 0 K bank mini
golden bank-json 0 K bank mini --json
golden lint-ok 0 K lint tests/fixtures/good/mini
golden lint-many 2 K lint tests/fixtures/bad/lint-many
golden check-missing 2 K check "$T/nosuch.ini"

unchanged "set unknown question leaves the file" 2 "$S" K set "$S" 99 all
unchanged "set unknown option leaves the file" 2 "$S" K set "$S" 1 1,9
unchanged "set two choices on a single question" 2 "$S" K set "$S" 2 1,2
unchanged "set bad answer text" 2 "$S" K set "$S" 1 some
big=$(head -c 70000 /dev/zero | tr '\0' x)
unchanged "set over-long note" 2 "$S" K set "$S" 1 all --note "$big"
unchanged "set over-long evidence" 2 "$S" K set "$S" 1 all --evidence "$(head -c 400 /dev/zero | tr '\0' y)"
unchanged "set invalid UTF-8 note" 2 "$S" K set "$S" 1 all --note "$(printf 'bad \377 byte')"

# a malformed session: one message with file and line, exit 2, file untouched
cp "$S" "$T/bad.ini"
printf '[answer.3]\nvalue = 1\nnote.2 = gap\n' >>"$T/bad.ini"
golden malformed-session 2 K set "$T/bad.ini" 1 all
unchanged "set on malformed session leaves it" 2 "$T/bad.ini" K set "$T/bad.ini" 1 all
printf '[answer.1]\nvalue = x\n' >"$T/bad2.ini"
golden malformed-no-session 2 K check "$T/bad2.ini"

# bare names live in the sessions folder
( cd "$T" && KOLLEN_SESSIONS="$T/sessions" "$OLDPWD/$KOLLEN" --questions "$OLDPWD/tests/fixtures/good" new ws1 --org O --group region --bank mini >/dev/null 2>&1 )
if [ -f "$T/sessions/ws1.ini" ] && [ "$(stat -c %a "$T/sessions")" = 700 ]; then
    pass "cli: bare session names go to sessions/ (0700)"
else
    fail "cli: bare session names go to sessions/" "no $T/sessions/ws1.ini"
fi

# terminal injection: escape sequences in a file never reach stdout or stderr raw
sed 's/^organisation = .*/organisation = Evil%1B]0%3Bpwned%07%1B[2J%C2%9B31m/' "$S" >"$T/evil.ini"
K check "$T/evil.ini" >"$T/o1" 2>&1
K check "$T/evil.ini" --json >"$T/o2" 2>&1
K set "$T/evil.ini" 77 all >"$T/o3" 2>&1
if LC_ALL=C grep -q "$(printf '\033')" "$T/o1" "$T/o2" "$T/o3" ||
    LC_ALL=C grep -q "$(printf '\302\233')" "$T/o1" "$T/o2" "$T/o3"; then
    fail "cli: no escape sequence reaches the terminal" "ESC or CSI in output"
else
    pass "cli: no escape sequence reaches the terminal"
fi
