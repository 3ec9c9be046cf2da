#!/bin/sh
# The command line's hardening (issue 13): an option's value is never taken for a global flag,
# global flags come before the command word, "--" ends the options; session names that would
# collide with kollen's own files are refused; the sessions folder is found the same way from
# any working folder (--sessions, $KOLLEN_SESSIONS, sessions/ beside the program in a source
# checkout, else $XDG_DATA_HOME/kollen/sessions) and made private; `new` into a folder others
# may write warns.
. tests/lib.sh

T=$(mktemp -d "${TMPDIR:-/tmp}/kollen-args.XXXXXX")
chmod 700 "$T"
trap 'command -v tm_kill >/dev/null && tm_kill; chmod -R u+rwx "$T" 2>/dev/null; rm -rf "$T"' EXIT
case "$KOLLEN" in
/*) K=$KOLLEN ;;
*) K="$(pwd)/$KOLLEN" ;;
esac
Q="$(pwd)/tests/fixtures/good"
TOP=$(pwd)
kq() { "$K" --questions "$Q" "$@"; }
note() { python3 tests/e2e/session_note.py "$@"; }
# org FILE: the organisation as stored
org() { sed -n 's/^organisation = //p' "$1"; }

# --- an option's value is a value, whatever it looks like ---------------------------------
S="$T/s.ini"
kq new "$S" --org "Argument" --group kommun --bank mini >/dev/null
out=$(kq set "$S" 1 all --note -h 2>&1)
expect_eq "args: set --note -h exits 0" 0 $?
expect_eq "args: set --note -h saves the note \"-h\"" "-h" "$(note "$S" 1)"
case $out in *"Användning:"*) fail "args: set --note -h prints no help" "$out" ;;
*) pass "args: set --note -h prints no help" ;; esac
kq set "$S" 2 1 --evidence --version >"$T/out" 2>&1
expect_eq "args: set --evidence --version saves the reference \"--version\"" "--version" \
    "$(note "$S" 2 evidence)"
step_out=$(cat "$T/out")
case $step_out in "kollen 0"*) fail "args: --evidence --version prints no version" "$step_out" ;;
*) pass "args: --evidence --version prints no version" ;; esac
out=$(kq set "$S" 3 all --note --lang=en 2>&1)
expect_eq "args: set --note --lang=en saves the note \"--lang=en\"" "--lang=en" "$(note "$S" 3)"
case $out in "fråga 3:"*) pass "args: --note --lang=en leaves the language Swedish" ;;
*) fail "args: --note --lang=en leaves the language Swedish" "$out" ;; esac
kq new "$T/v.ini" --org -V --group kommun --bank mini >"$T/out" 2>&1
expect_eq "args: new --org -V exits 0" 0 $?
expect_eq "args: new --org -V names the organisation \"-V\"" "-V" "$(org "$T/v.ini")"
kq set "$S" 4 all --note=--questions >/dev/null 2>&1
expect_eq "args: --note=--questions is a value too" "--questions" "$(note "$S" 4)"

# --- "--" ends the options -----------------------------------------------------------------
mkdir -m 700 "$T/dash"
KOLLEN_SESSIONS="$T/dash" kq new --org Streck --group kommun --bank mini -- -streck >/dev/null 2>&1
expect_eq "args: after -- a word starting with - is the SESSION" "Streck" \
    "$(org "$T/dash/-streck.ini" 2>/dev/null)"
KOLLEN_SESSIONS="$T/dash" kq set -- -streck 1 all >/dev/null 2>&1
expect_eq "args: set -- -streck changes that session" 0 $?
cp "$S" "$T/before"
kq check -- --help >"$T/out" 2>&1
expect_eq "args: check -- --help looks for a session called --help (exit 2)" 2 $?
kq set "$S" 5 all --note x -- --help >/dev/null 2>&1
expect_eq "args: set ... -- --help is an extra argument (exit 1)" 1 $?
check "args: ... and the file is unchanged" cmp -s "$S" "$T/before"

# --- global flags before the command; --help after it is the command's ----------------------
out=$(kq set "$S" 1 all --help 2>&1)
expect_eq "args: set --help exits 0" 0 $?
case $out in "användning: kollen set SESSION"*) pass "args: set --help shows set's usage" ;;
*) fail "args: set --help shows set's usage" "$out" ;; esac
check "args: set --help changes nothing" cmp -s "$S" "$T/before"
out=$(kq check "$S" --lang en 2>&1)
expect_eq "args: a global flag after the command is refused (exit 1)" 1 $?
case $out in *"--lang gäller alla kommandon och skrivs före kommandot"*)
    pass "args: ... saying it goes before the command" ;;
*) fail "args: ... saying it goes before the command" "$out" ;; esac
out=$("$K" --lang en --questions "$Q" check "$S" 2>&1)
case $out in *"Level"*) pass "args: --lang en before the command switches the language" ;;
*) fail "args: --lang en before the command switches the language" "$out" ;; esac
kq --frob check "$S" >/dev/null 2>&1
expect_eq "args: an unknown option before the command is refused (exit 1)" 1 $?

# --- session names that collide with kollen's own files ---------------------------------------
mkdir -m 700 "$T/names"
for n in "" .dold x.ini.lock x.lock x.ini.cursor x.tmp; do
    out=$(KOLLEN_SESSIONS="$T/names" kq new "$n" --org N --group kommun --bank mini 2>&1)
    rc=$?
    case $out in *"ogiltigt sessionsnamn \"$n\""*) ok=1 ;; *) ok=0 ;; esac
    if [ $rc -eq 2 ] && [ $ok -eq 1 ]; then
        pass "args: new \"$n\" is refused naming it"
    else
        fail "args: new \"$n\" is refused naming it" "exit $rc: $out"
    fi
done
expect_eq "args: ... and nothing was created" "" "$(ls -A "$T/names")"
out=$(kq new "$T/names/.dold.ini" --org N --group kommun --bank mini 2>&1)
expect_eq "args: new PATH/.dold.ini is refused too (exit 2)" 2 $?
expect_eq "args: ... nothing created" "" "$(ls -A "$T/names")"
KOLLEN_SESSIONS="$T/names" kq new x --org N --group kommun --bank mini >/dev/null 2>&1
cp "$T/names/x.ini" "$T/x-before"
KOLLEN_SESSIONS="$T/names" kq set x.ini.lock 1 all >"$T/out" 2>&1
expect_eq "args: set x.ini.lock is refused (exit 2)" 2 $?
check "args: ... x.ini is untouched" cmp -s "$T/names/x.ini" "$T/x-before"
expect_eq "args: ... and no file x.ini.lock was made" "x.ini" "$(ls -A "$T/names")"

# --- the sessions folder, from any working folder --------------------------------------------
# a source checkout: the program in build/, questions/ and sessions/ one up
C="$T/checkout"
mkdir -p "$C/build" "$C/sessions" "$T/elsewhere"
chmod 700 "$C/sessions"
ln -s "$Q" "$C/questions"
cp "$K" "$C/build/kollen"
out=$(cd "$T/elsewhere" && env -u KOLLEN_SESSIONS XDG_DATA_HOME="$T/xdg" "$C/build/kollen" new ws \
    --org Kassa --group kommun --bank mini 2>&1)
expect_eq "args: checkout: new NAME from another folder exits 0" 0 $?
check "args: checkout: ... the session is in the checkout's sessions/" test -f "$C/sessions/ws.ini"
check "args: checkout: ... no ./sessions was made where it ran" test ! -e "$T/elsewhere/sessions"
check "args: checkout: ... nor in the user's data folder" test ! -e "$T/xdg"
case $out in *"$C/sessions/ws.ini"*) pass "args: checkout: new says where it created the session" ;;
*) fail "args: checkout: new says where it created the session" "$out" ;; esac
(cd / && "$C/build/kollen" set ws 1 all --quiet) 2>"$T/err"
expect_eq "args: checkout: set NAME from / finds it" 0 $?
out=$(cd "$T" && "$C/build/kollen" check ws 2>&1)
expect_eq "args: checkout: check NAME from another folder finds it" 0 $?
# the same checkout with the program at its top (make's ./kollen)
cp "$K" "$C/kollen"
(cd "$T/elsewhere" && "$C/kollen" check ws >/dev/null 2>&1)
expect_eq "args: checkout: ./kollen at the top finds it too" 0 $?

# installed: no questions/ and sessions/ beside the program: the user's data folder
I="$T/usr"
mkdir -p "$I/bin"
cp "$K" "$I/bin/kollen"
out=$(cd "$T/elsewhere" && env -u KOLLEN_SESSIONS XDG_DATA_HOME="$T/xdg" \
    "$I/bin/kollen" --questions "$Q" new ws --org Hem --group kommun --bank mini 2>&1)
expect_eq "args: installed: new NAME exits 0" 0 $?
check "args: installed: ... the session is in \$XDG_DATA_HOME/kollen/sessions" \
    test -f "$T/xdg/kollen/sessions/ws.ini"
expect_eq "args: installed: ... the folders made are private" "700 700" \
    "$(stat -c %a "$T/xdg/kollen" "$T/xdg/kollen/sessions" | tr '\n' ' ' | sed 's/ $//')"
check "args: installed: ... no ./sessions was made where it ran" test ! -e "$T/elsewhere/sessions"
case $out in *"$T/xdg/kollen/sessions/ws.ini"*) pass "args: installed: new says where" ;;
*) fail "args: installed: new says where" "$out" ;; esac
out=$(cd / && env -u KOLLEN_SESSIONS XDG_DATA_HOME="$T/xdg" "$I/bin/kollen" --questions "$Q" \
    check ws 2>&1)
case $out in *Hem*) pass "args: installed: check NAME from / finds it" ;;
*) fail "args: installed: check NAME from / finds it" "$out" ;; esac
mkdir -m 700 "$T/home"
(cd "$T/elsewhere" && env -u KOLLEN_SESSIONS -u XDG_DATA_HOME HOME="$T/home" \
    "$I/bin/kollen" --questions "$Q" new ws --org Hem2 --group kommun --bank mini >/dev/null 2>&1)
check "args: installed: without XDG_DATA_HOME, ~/.local/share/kollen/sessions" \
    test -f "$T/home/.local/share/kollen/sessions/ws.ini"
# the TUI's session list is the same folder, from any working folder
if command -v tmux >/dev/null 2>&1; then
    TM_SOCK="kollen-args-$$"
    TM_TAG=args
    TM_PANE=picker
    . tests/e2e/tmux.sh
    tm_conf
    tm new-session -d -s picker -x 80 -y 24 "cd '$T/elsewhere' && env -u KOLLEN_SESSIONS \
        XDG_DATA_HOME='$T/xdg' LC_ALL=C.UTF-8 KOLLEN_LANG=sv TERM=screen '$I/bin/kollen' \
        --questions '$Q'"
    step "installed: the TUI lists the session new made in the data folder" wait_for "Hem"
    keys q
    tm_kill
    check "installed: ... and made no ./sessions either" test ! -e "$T/elsewhere/sessions"
else
    fail "args: installed: the TUI's session list" "tmux is not installed"
fi
# --sessions and $KOLLEN_SESSIONS come first
(cd "$T/elsewhere" && KOLLEN_SESSIONS="$T/envs" XDG_DATA_HOME="$T/xdg" "$I/bin/kollen" \
    --questions "$Q" new e1 --org E --group kommun --bank mini >/dev/null 2>&1)
check "args: \$KOLLEN_SESSIONS comes before the default" test -f "$T/envs/e1.ini"
(cd "$T/elsewhere" && KOLLEN_SESSIONS="$T/envs" "$I/bin/kollen" --questions "$Q" \
    --sessions "$T/given" new g1 --org G --group kommun --bank mini >/dev/null 2>&1)
check "args: --sessions comes before \$KOLLEN_SESSIONS" test -f "$T/given/g1.ini"

# --- every limit of the command line: at it (saved, read back the same) and one past it -------
# (refused naming the field, exit 2, the file as it was)
rep() { python3 -c 'import sys; sys.stdout.write(sys.argv[1] * int(sys.argv[2]))' "$1" "$2"; }
L="$T/limits.ini"
kq new "$L" --org Gränser --group kommun --bank mini >/dev/null
# limit NAME FIELD-WORD COMMAND...: exit 2, the message names the field, the file unchanged
past() {
    name=$1 word=$2
    shift 2
    cp "$L" "$T/lim-before"
    out=$("$@" 2>&1)
    rc=$?
    if [ $rc -eq 2 ] && case $out in *"$word"*) true ;; *) false ;; esac &&
        cmp -s "$L" "$T/lim-before"; then
        pass "limits: $name"
    else
        fail "limits: $name" "exit $rc: $(printf '%s' "$out" | head -c 200)"
    fi
}
note_at=$(rep 'å' 32767)xy # 65534 bytes of two-byte letters and two more: 65536
kq set "$L" 1 all --note "$note_at" --quiet
expect_eq "limits: a note of 65536 bytes is saved and read back the same" "$note_at" "$(note "$L" 1)"
past "a note of 65537 bytes is refused naming the note" "anteckningen: texten är 65537 byte, högst 65536" \
    kq set "$L" 1 all --note "${note_at}y"
ev_at=$(rep 'ö' 150)
kq set "$L" 2 1 --evidence "$ev_at" --quiet
expect_eq "limits: a reference of 300 bytes is saved and read back the same" "$ev_at" \
    "$(note "$L" 2 evidence)"
past "a reference of 301 bytes is refused naming it" "evidensreferensen: texten är 301 byte, högst 300" \
    kq set "$L" 3 1 --evidence "${ev_at}y"
set -- # 63 more references on question 2: 64 in all
i=2
while [ $i -le 64 ]; do set -- "$@" --evidence "ref $i"; i=$((i + 1)); done
kq set "$L" 2 1 "$@" --quiet
expect_eq "limits: 64 references on one answer are saved" 64 "$(note "$L" 2 evidence | grep -c '')"
past "a 65th reference is refused" "högst 64 evidensreferenser" kq set "$L" 2 1 --evidence "ref 65"
check "limits: the largest file loads again (check)" kq check "$L"
org_at=$(rep 'ä' 100)
kq new "$T/org.ini" --org "$org_at" --group kommun --bank mini --facilitator "$org_at" \
    --participant "$org_at:$org_at" >/dev/null
expect_eq "limits: an organisation of 200 bytes is saved the same" "$org_at" "$(org "$T/org.ini")"
expect_eq "limits: a facilitator of 200 bytes is saved the same" "$org_at" \
    "$(sed -n 's/^facilitator = //p' "$T/org.ini")"
out=$(kq new "$T/org2.ini" --org "${org_at}x" --group kommun --bank mini 2>&1)
expect_eq "limits: an organisation of 201 bytes is refused (exit 2)" 2 $?
case $out in *"organisationen: texten är 201 byte, högst 200"*) pass "limits: ... naming it" ;;
*) fail "limits: ... naming it" "$out" ;; esac
out=$(kq new "$T/org2.ini" --org O --facilitator "${org_at}x" --group kommun --bank mini 2>&1)
case $out in *"processledaren: texten är 201 byte"*) pass "limits: a facilitator of 201 bytes is refused naming it" ;;
*) fail "limits: a facilitator of 201 bytes is refused naming it" "$out" ;; esac
out=$(kq new "$T/org2.ini" --org O --participant "x:${org_at}x" --group kommun --bank mini 2>&1)
case $out in *"deltagaren: texten är 201 byte"*) pass "limits: a role of 201 bytes is refused naming the participant" ;;
*) fail "limits: a role of 201 bytes is refused naming the participant" "$out" ;; esac
check "limits: ... and nothing was created" test ! -e "$T/org2.ini"
set --
i=1
while [ $i -le 200 ]; do set -- "$@" --participant "Person $i:roll"; i=$((i + 1)); done
kq new "$T/many.ini" --org M --group kommun --bank mini "$@" >/dev/null
expect_eq "limits: 200 participants are saved" 200 "$(grep -c '^\[participant\.' "$T/many.ini")"
out=$(kq new "$T/many2.ini" --org M --group kommun --bank mini "$@" --participant "P 201" 2>&1)
case $out in *"deltagaren: högst 200 deltagare"*) pass "limits: a 201st participant is refused" ;;
*) fail "limits: a 201st participant is refused" "$out" ;; esac
name_at=$(rep 'n' 196)
KOLLEN_SESSIONS="$T/names" kq new "$name_at" --org N --group kommun --bank mini >/dev/null 2>&1
check "limits: a session name of 200 bytes (.ini added) is taken" test -f "$T/names/$name_at.ini"
KOLLEN_SESSIONS="$T/names" kq set "$name_at" 1 all --quiet
expect_eq "limits: ... and found again by its name" 0 $?
out=$(KOLLEN_SESSIONS="$T/names" kq new "$(rep n 201)" --org N --group kommun --bank mini 2>&1)
case $out in *"längre än 200 byte"*) pass "limits: a session name of 201 bytes is refused" ;;
*) fail "limits: a session name of 201 bytes is refused" "$out" ;; esac

# --- new into a folder others may write -------------------------------------------------------
mkdir "$T/shared"
chmod 1777 "$T/shared"
out=$(kq new "$T/shared/s.ini" --org Delad --group kommun --bank mini 2>&1)
expect_eq "args: new into a 1777 folder still creates it (exit 0)" 0 $?
case $out in *"varning"*"chmod 700 $T/shared"*) pass "args: ... and warns with the chmod" ;;
*) fail "args: ... and warns with the chmod" "$out" ;; esac
out=$(kq check "$T/shared/s.ini" 2>&1)
case $out in *"varning"*"chmod 700 $T/shared"*) pass "args: ... as check does" ;;
*) fail "args: ... as check does" "$out" ;; esac
cd "$TOP" || exit 0
exit 0
