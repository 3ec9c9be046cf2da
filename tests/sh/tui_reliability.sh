#!/bin/sh
# The TUI's side of docs/reliability.md (issue 6). The real binary in a private tmux server
# (always killed at the end; waits poll the screen with timeouts: tests/e2e/tmux.sh).
# 1. Kill during autosave: tests/tools/tuikill.c runs the TUI on a pseudo-terminal over a
#    session with three 30 KB notes, types ticks and SIGKILLs kollen at random moments spread
#    over its saves (100 runs; 30 under ASan, which adds nothing to a timing test but time).
#    After each kill the session passes `kollen check --json`, holds exactly the last save that
#    completed, notes intact; the next TUI takes over the stale lock. Then kollen set takes over
#    the last one and no temporary file of a killed save is left.
# 2. Signals: SIGHUP, SIGTERM, SIGINT and SIGQUIT after a tick, while a note is being typed:
#    the session holds both, the terminal is given back (the shell runs again, no alternate
#    screen, echo and icanon on), kollen exits 128+N; Ctrl-\ typed does the same as SIGQUIT.
# 3. Faults on a 48 KiB tmpfs (mounted as root, else in an unprivileged user and mount
#    namespace, else a failure saying why): disk full and a read-only folder. The status line
#    says the save failed and why, the file on disk is the old one, the change stays on the
#    screen (in memory), q asks before quitting; once writable, the next save writes it all.
# 4. One writer: with the TUI open, kollen set exits 2 naming the holder; a second TUI is
#    offered read-only, and read-only writes nothing.
# 5. Terminal injection: a bank and a session whose texts hold ESC ] 0 ; pwned BEL, ESC [ 2 J,
#    a C1 CSI and a bidi override; every screen is visited: none of them reaches the terminal
#    (the raw output is recorded with pipe-pane), the pane title stays, the screen is not
#    cleared by data. (Every cell of every screen: test_tui_inject.)
. tests/lib.sh

TM_SOCK="kollen-rel-$$"
TM_TAG=tui-rel
. tests/e2e/tmux.sh
tm_test tui-rel
case "$BUILD" in
/*) TOOLS=$BUILD/tools ;;
*) TOOLS="$(pwd)/$BUILD/tools" ;;
esac
Q="$(pwd)/tests/fixtures/good"
TOP=$(pwd)
kq() { "$K" --questions "$Q" "$@"; }

inside=${TUIREL_INSIDE:-}
if [ -n "$inside" ]; then
    T=$TUIREL_T # the faults, re-run inside a user and mount namespace: the outer T
    TM_SOCKPATH="$T/tmux-ns.sock"
else
    T=$(mktemp -d "${TMPDIR:-/tmp}/kollen-tuirel.XXXXXX")
    chmod 700 "$T"
fi
cleanup() {
    tm_kill
    [ -n "$inside" ] && return
    umount "$T/small" 2>/dev/null
    rm -rf "$T"
}
trap cleanup EXIT INT TERM
tm_conf 'set -g remain-on-exit on'

# start_tui NAME SESSION [QUESTIONS]: the TUI at 80x24 in tmux session NAME (now TM_PANE), under
# a shell that says how it ended and how it left the terminal; the pane stays when it ends
start_tui() {
    TM_PANE=$1
    tm new-session -d -s "$1" -x 80 -y 24 \
        "$run_env '$K' --questions '${3:-$Q}' '$2'; echo EXITED \$?; \
         echo TTY \$(stty -a | tr ' ;' '\n\n' | grep -x -e echo -e -echo -e icanon -e -icanon)"
}
on_screen() { screen | grep -qF -- "$1"; }
# the screen as one line (a message wrapped over rows of the status line)
on_screen_joined() { screen | tr '\n' ' ' | tr -s ' ' | grep -qF -- "$1"; }
# the pane's text with what scrolled off it (a dead pane's last lines may have)
pane_all() { tm capture-pane -p -S -100 -t "$TM_PANE" 2>/dev/null; }
exited_with() { pane_all | grep -qx "EXITED ${1:-[0-9]*}"; }
# the shell's report of the terminal's modes, printed just after EXITED
tty_reported() { pane_all | grep -q '^TTY'; }
off_screen() { ! screen | grep -qF -- "$1"; }
first_row_has() { screen | head -n 1 | grep -qF -- "$1"; }
lock_pid() { sed -n 's/^pid=//p' "$1.lock" 2>/dev/null; }
# actions SESSION: the actions kollen check counts
actions() {
    "$K" --questions "${2:-$Q}" check "$1" --json 2>/dev/null |
        python3 -c 'import json,sys; print(json.load(sys.stdin)["actions"])' 2>/dev/null
}
has_actions() { [ "$(actions "$1")" = "$2" ]; }
# what stat says of a file: inode, size, modification time (a save renames a new file in)
stamp() { stat -c '%i %s %Y.%y' "$1"; }

# --- 3. faults, run where a 48 KiB tmpfs is mounted at $1 --------------------------------------
faults() {
    d=$1
    S="$d/s.ini"
    kq new "$S" --org "Full disk" --group kommun --bank mini >/dev/null 2>&1 || {
        fail "tui-rel: faults: setup" "cannot create $S"
        return
    }
    start_tui full "$S"
    step "disk full: the TUI opens" wait_for "Fråga 1"
    cp "$S" "$T/full-before.ini"
    dd if=/dev/zero of="$d/fill" bs=1k 2>/dev/null # until the file system is full
    keys Space
    step "disk full: the status line says the save failed" wait_for "Kunde inte spara"
    step "disk full: ... and why" on_screen "No space left on device"
    step "disk full: ... and that the change is not saved" on_screen "EJ SPARAD"
    step "disk full: the file on disk is the old one" cmp -s "$S" "$T/full-before.ini"
    step "disk full: the tick is still shown (kept in memory)" on_screen "[✓]  1 Beslutad"
    keys q
    step "disk full: q with unsaved changes asks first" wait_for "Ändringar är inte sparade"
    keys n
    step "disk full: n stays in the workshop" wait_cmd 5 off_screen "Ändringar är inte sparade"
    rm -f "$d/fill"
    keys Down Space # option 2: the next change
    step "space again: the next change saves both ticks" wait_cmd 5 has_actions "$S" 2
    step "space again: the status line says saved" wait_for "sparad"
    keys q
    step "space again: q quits at once" wait_cmd 5 exited_with 0
    tm kill-session -t full

    # read-only: the kernel will not make a file system read-only while kollen holds its lock
    # file open for writing (busy), so the TUI opens the session on the read-only folder. In a
    # user namespace only the mount point can be made read-only (bind), which does the same.
    if mount -o remount,ro "$d" 2>/dev/null || mount -o remount,bind,ro "$d" 2>/dev/null; then
        cp "$S" "$T/ro-before.ini"
        before=$(stamp "$S")
        # no lock can be taken there: one writer, really, so the TUI opens read-only, saying why
        start_tui ro "$S"
        step "read-only: the TUI opens the session read-only" wait_for "Öppnad skrivskyddad"
        step "read-only: ... and says why" on_screen_joined "Read-only file system"
        keys Space # untick option 1
        step "read-only: a change is refused" wait_for "Sessionen är öppen skrivskyddad"
        step "read-only: the file on disk is the old one" cmp -s "$S" "$T/ro-before.ini"
        expect_eq "tui-rel: read-only: the file was not replaced" "$before" "$(stamp "$S")"
        step "read-only: the tick is as on disk" on_screen "[✓]  1 Beslutad"
        keys q
        step "read-only: q quits at once (nothing unsaved)" wait_cmd 5 exited_with 0
        tm kill-session -t ro
        if mount -o remount,rw "$d" 2>/dev/null || mount -o remount,bind,rw "$d" 2>/dev/null; then
            start_tui rw "$S"
            step "writable again: the TUI opens it for writing" wait_for "Fråga 1"
            step "writable again: ... not read-only" off_screen "skrivskyddad"
            keys Space
            step "writable again: a change is saved" wait_cmd 5 has_actions "$S" 1
            keys q
            step "writable again: q quits" wait_cmd 5 exited_with 0
        else
            fail "tui-rel: read-only" "cannot remount $d read-write"
        fi
    else
        fail "tui-rel: read-only" "cannot remount $d read-only"
    fi
    tm_kill
}

if [ -n "$inside" ]; then
    faults "$T/small"
    exit 0
fi

# --- 1. kill during autosave ----------------------------------------------------------------
runs=${TUI_KILL_RUNS:-100}
if [ -n "${LABEL:-}" ]; then
    runs=${TUI_KILL_RUNS:-30}
    echo "  [$LABEL] $runs kill runs instead of 100: a sanitizer adds nothing to where a kill lands"
fi
mkdir -m 700 "$T/kill"
S="$T/kill/s.ini"
kq new "$S" --org "Killtest" --group kommun --bank mini >/dev/null
big=$(python3 -c "print(('Rad med åäö; # \"citat\" \\\\ 100 %\n' * 2000)[:30000])")
for q in 2 3 4; do kq set "$S" $q all --note "$big" --quiet; done
out=$(LC_ALL=C.UTF-8 KOLLEN_LANG=sv "$TOOLS/tuikill" "$K" "$Q" "$S" "$runs" Killtest 2>&1)
rc=$?
echo "$out" | sed 's/^/  /'
if [ $rc -eq 0 ]; then
    pass "tui-rel: kill: $runs SIGKILLs of the TUI during its autosave, nothing lost or mixed"
else
    fail "tui-rel: kill: the TUI killed during its autosave" "$(echo "$out" | tail -n 3)"
fi
kq set "$S" 5 1 --quiet 2>"$T/kill-set.err"
expect_eq "tui-rel: kill: kollen set takes over the last killed TUI's lock" 0 $?
step "kill: ... and says whose lock it took over" grep -q "tog över ett övergivet lås från pid" \
    "$T/kill-set.err"
expect_eq "tui-rel: kill: no temporary file of a killed save is left" "" \
    "$(find "$T/kill" -name '.s.ini.tmp.*')"
expect_eq "tui-rel: kill: the notes are intact" "$(printf '%s' "$big")" \
    "$(python3 tests/e2e/session_note.py "$S" 3)"

# --- 2. signals -------------------------------------------------------------------------------
for sig in HUP TERM INT QUIT; do
    case $sig in HUP) num=1 ;; INT) num=2 ;; QUIT) num=3 ;; TERM) num=15 ;; esac
    S="$T/sig-$sig.ini"
    kq new "$S" --org "Signal $sig" --group kommun --bank mini >/dev/null
    start_tui "sig$sig" "$S"
    step "SIG$sig: the TUI opens" wait_for "Fråga 1"
    keys Space
    step "SIG$sig: the tick shows" wait_for "[✓]  1 Beslutad"
    keys n
    step "SIG$sig: the note editor opens" wait_for "Anteckning till fråga 1"
    text "skrivs när SIG$sig kommer åäö"
    step "SIG$sig: the note is being typed" wait_for "skrivs när SIG$sig kommer åäö"
    pid=$(lock_pid "$S")
    if [ -n "$pid" ] && kill -$sig "$pid"; then
        step "SIG$sig: kollen ends and the shell runs again" wait_cmd 5 exited_with
        expect_eq "tui-rel: SIG$sig: exit status 128+$num (saved)" "EXITED $((128 + num))" \
            "$(pane_all | grep -o '^EXITED [0-9]*')"
        expect_eq "tui-rel: SIG$sig: the alternate screen is left" 0 \
            "$(tm display -p -t "$TM_PANE" '#{alternate_on}')"
        wait_cmd 2 tty_reported
        expect_eq "tui-rel: SIG$sig: the terminal's modes are back (echo, icanon)" \
            "TTY icanon echo" "$(pane_all | grep -o '^TTY .*' | sed 's/ *$//')"
        step "SIG$sig: the workshop screen is gone" off_screen "Fråga 1"
        step "SIG$sig: the lock is released" wait_gone "$S.lock"
        step "SIG$sig: the tick is saved" has_actions "$S" 1
        expect_eq "tui-rel: SIG$sig: the note being typed is saved" "skrivs när SIG$sig kommer åäö" \
            "$(python3 tests/e2e/session_note.py "$S" 1)"
    else
        fail "tui-rel: SIG$sig" "no kollen process to signal (lock: $(cat "$S.lock" 2>&1))"
    fi
    tm kill-session -t "sig$sig" 2>/dev/null
done

# Ctrl-\ typed at the terminal: the kernel sends SIGQUIT to the foreground group, kollen and the
# shell that started it, which ignores it as an interactive shell does
S="$T/sig-ctrl.ini"
kq new "$S" --org "Signal Ctrl" --group kommun --bank mini >/dev/null
TM_PANE=sigctrl
tm new-session -d -s sigctrl -x 80 -y 24 "trap '' QUIT; $run_env '$K' --questions '$Q' '$S'; \
    echo EXITED \$?; echo TTY \$(stty -a | tr ' ;' '\n\n' | grep -x -e echo -e -echo -e icanon -e -icanon)"
step "Ctrl-\\: the TUI opens" wait_for "Fråga 1"
keys Space n
step "Ctrl-\\: the note editor opens" wait_for "Anteckning till fråga 1"
text "halvskriven åäö"
step "Ctrl-\\: the note is being typed" wait_for "halvskriven åäö"
keys 'C-\'
step "Ctrl-\\: kollen ends and the shell runs again" wait_cmd 5 exited_with
expect_eq "tui-rel: Ctrl-\\: exit status 128+3 (saved), no core dump" "EXITED 131" \
    "$(pane_all | grep -o '^EXITED [0-9]*')"
wait_cmd 2 tty_reported
expect_eq "tui-rel: Ctrl-\\: the terminal's modes are back (echo, icanon)" "TTY icanon echo" \
    "$(pane_all | grep -o '^TTY .*' | sed 's/ *$//')"
step "Ctrl-\\: the lock is released" wait_gone "$S.lock"
step "Ctrl-\\: the tick is saved" has_actions "$S" 1
expect_eq "tui-rel: Ctrl-\\: the note being typed is saved" "halvskriven åäö" \
    "$(python3 tests/e2e/session_note.py "$S" 1)"
tm kill-session -t sigctrl 2>/dev/null

# --- 3. faults --------------------------------------------------------------------------------
mkdir "$T/small"
if [ "$(id -u)" -eq 0 ] && mount -t tmpfs -o size=48k,mode=700 tmpfs "$T/small" 2>/dev/null; then
    echo "  faults on a 48 KiB tmpfs"
    faults "$T/small"
elif command -v unshare >/dev/null 2>&1 && unshare -rm true 2>/dev/null; then
    echo "  faults on a 48 KiB tmpfs in a user and mount namespace"
    unshare -rm sh -c "mount -t tmpfs -o size=48k,mode=700 tmpfs '$T/small' &&
        cd '$TOP' && TUIREL_INSIDE=1 TUIREL_T='$T' sh tests/sh/tui_reliability.sh" ||
        fail "tui-rel: faults" "the run in a user and mount namespace failed"
else
    fail "tui-rel: faults" "cannot mount a small file system here (not root, no user namespaces)"
fi

# --- 4. one writer ----------------------------------------------------------------------------
S="$T/one.ini"
kq new "$S" --org "En skrivare" --group kommun --bank mini >/dev/null
start_tui one "$S"
step "one writer: the first TUI opens" wait_for "Fråga 1"
pid=$(lock_pid "$S")
cp "$S" "$T/one-before.ini"
kq set "$S" 2 3 >/dev/null 2>"$T/one-set.err"
expect_eq "tui-rel: one writer: kollen set on a session open in the TUI exits 2" 2 $?
if grep -q "kollen (pid $pid " "$T/one-set.err"; then
    pass "tui-rel: one writer: kollen set names the holder (program and pid)"
else
    fail "tui-rel: one writer: kollen set names the holder" "pid $pid: $(cat "$T/one-set.err")"
fi
step "one writer: kollen set left the file as it was" cmp -s "$S" "$T/one-before.ini"
before=$(stamp "$S")
start_tui two "$S"
step "one writer: a second TUI offers read-only" wait_for "Öppna skrivskyddad?"
step "one writer: ... naming the holder" on_screen "pid $pid"
keys j
step "one writer: the second TUI opens read-only" wait_for "skrivskyddad"
keys Space
step "one writer: a tick is refused" wait_for "Sessionen är öppen skrivskyddad"
keys 2 a x X d f u C-r n e Tab Enter Escape w
keys g 4 Enter Space
step "one writer: read-only moves" wait_for "Fråga 4"
keys q
step "one writer: the read-only TUI quits" wait_cmd 5 exited_with 0
expect_eq "tui-rel: one writer: read-only never wrote the file" "$before" "$(stamp "$S")"
step "one writer: ... its bytes are the same" cmp -s "$S" "$T/one-before.ini"
expect_eq "tui-rel: one writer: no temporary file was made" "" "$(find "$T" -maxdepth 1 -name '.one.ini.tmp.*')"
expect_eq "tui-rel: one writer: the lock is still the first TUI's" "$pid" "$(lock_pid "$S")"
TM_PANE=one
keys Space
step "one writer: the first TUI still saves" wait_cmd 5 has_actions "$S" 1
keys q
step "one writer: the first TUI quits" wait_cmd 5 exited_with 0
step "one writer: and releases the lock" wait_gone "$S.lock"
tm kill-session -t one 2>/dev/null
tm kill-session -t two 2>/dev/null

# --- 5. terminal injection --------------------------------------------------------------------
evil=$(printf 'Ond \033]0;pwned\007 \033[2J \302\23331m \342\200\256slut')
evil_ini='Ond %1B]0%3Bpwned%07 %1B[2J %C2%9B31m %E2%80%AEslut'
mkdir -p "$T/qevil/mini" "$T/evil"
chmod 700 "$T/evil"
for f in bank areas questions; do
    sed -e "s/^\(text\|short\|help\|name\) = .*/& $evil_ini/" \
        -e "s/^\(option\.[0-9]*\) = .*/& $evil_ini/" \
        "$Q/mini/$f.ini" >"$T/qevil/mini/$f.ini"
done
E="$T/evil/evil.ini"
"$K" --questions "$T/qevil" new "$E" --org "$evil" --group kommun --bank mini \
    --facilitator "$evil" --participant "$evil:$evil" >/dev/null 2>&1
"$K" --questions "$T/qevil" set "$E" 1 1 --note "$evil
$evil" --evidence "$evil" --quiet 2>/dev/null
step "injection: the hostile bank and session load" \
    sh -c "'$K' --questions '$T/qevil' check '$E' >/dev/null 2>&1"
TM_PANE=evil
tm new-session -d -s evil -x 80 -y 24 "sleep 0.3; $run_env '$K' --questions '$T/qevil' \
    --sessions '$T/evil'; echo EXITED \$?"
tm select-pane -t evil -T clean
tm pipe-pane -t evil -o "cat >>'$T/raw.out'"
step "injection: the picker lists the hostile session" wait_for "Ond ]0;pwned [2J 31m"
keys Down Enter
step "injection: the workshop screen opens" wait_for "Fråga 1"
step "injection: the header was not cleared by data" first_row_has "Ond ]0;pwned [2J 31m slut"
keys i Tab Tab Tab Tab j
keys Escape r
step "injection: room view" wait_for "Totalt"
keys r p
step "injection: plan" wait_for "Åtgärdsplan mot"
keys 3 g Tab p '?'
step "injection: help" wait_for "kollen: tangenter"
keys Escape g 1 Enter n
step "injection: note editor" wait_for "Anteckning till fråga 1"
keys Escape Tab j Enter
step "injection: evidence prompt" wait_for "Evidensreferens 1"
keys Escape Escape q
step "injection: kollen quits" wait_cmd 5 exited_with 0
expect_eq "tui-rel: injection: the pane title did not change" clean \
    "$(tm display -p -t evil '#{pane_title}')"
tm pipe-pane -t evil 2>/dev/null # closes the log
leaks=$(python3 - "$T/raw.out" <<'EOF'
import sys
raw = open(sys.argv[1], "rb").read()
bad = {"ESC ] (set title)": b"\x1b]", "ESC [ 2 J (clear)": b"\x1b[2J", "BEL": b"\x07",
       "C1 CSI U+009B": b"\xc2\x9b", "bidi override U+202E": b"\xe2\x80\xae"}
found = [name for name, seq in bad.items() if seq in raw]
if b"pwned" not in raw:
    found.append("(the data was never drawn)")
print(", ".join(found) if found else "none", len(raw))
EOF
)
expect_eq "tui-rel: injection: none of it reached the terminal raw" "none" "${leaks% *}"
echo "  injection: ${leaks#* } bytes of terminal output checked"
tm_kill
exit 0
