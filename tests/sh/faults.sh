#!/bin/sh
# Faults: disk full, read-only folder, missing folder, permission denied. Each gets a clear
# message and exit 2, and the session file is exactly as it was. Disk full and read-only use a
# small tmpfs (mounted directly as root, else inside an unprivileged user+mount namespace);
# permission denied runs kollen as nobody when we are root.
. tests/lib.sh
T=$(mktemp -d "${TMPDIR:-/tmp}/kollen-faults.XXXXXX")
chmod 755 "$T"
cleanup() {
    umount "$T/small" 2>/dev/null
    rm -rf "$T"
}
trap cleanup EXIT
top=$(pwd)
K="$top/$KOLLEN"
case "$KOLLEN" in /*) K=$KOLLEN ;; esac
Q="$top/tests/fixtures/good"
# the scenario, run where a 48 KiB tmpfs is mounted at $1 (as a script of its own, so it can
# also run inside a user and mount namespace); prints one line per outcome
cat >"$T/scenario.sh" <<'SCENARIO'
d=$1 K=$2 Q=$3
big=$(head -c 60000 /dev/zero | tr '\0' n)
"$K" --questions "$Q" new "$d/s.ini" --org "Full disk" --group kommun --bank mini >/dev/null 2>&1 || {
    echo "setup failed"
    exit 0
}
"$K" --questions "$Q" set "$d/s.ini" 1 1 --quiet 2>/dev/null
cp "$d/s.ini" "$d/../before.ini"
# disk full: a note larger than the space left
"$K" --questions "$Q" set "$d/s.ini" 2 all --note "$big" >/dev/null 2>"$d/../err1"
echo "full-rc=$?"
cmp -s "$d/s.ini" "$d/../before.ini" && echo "full-intact"
grep -qi 'No space left\|kan inte skriva\|cannot write' "$d/../err1" && echo "full-message"
[ -z "$(find "$d" -name '.s.ini.tmp.*')" ] && echo "full-no-temp"
# read-only: a plain remount is refused inside a user namespace; a bind remount works there
if mount -o remount,ro "$d" 2>/dev/null || mount -o remount,bind,ro "$d" 2>/dev/null; then
    "$K" --questions "$Q" set "$d/s.ini" 2 all >/dev/null 2>"$d/../err2"
    echo "ro-rc=$?"
    cmp -s "$d/s.ini" "$d/../before.ini" && echo "ro-intact"
    grep -qi 'read-only\|skrivskydd' "$d/../err2" && echo "ro-message"
fi
SCENARIO

mkdir "$T/small"
if [ "$(id -u)" -eq 0 ] && mount -t tmpfs -o size=48k,mode=700 tmpfs "$T/small" 2>/dev/null; then
    how="tmpfs"
    out=$(sh "$T/scenario.sh" "$T/small" "$K" "$Q")
elif command -v unshare >/dev/null 2>&1 && unshare -rm true 2>/dev/null; then
    how="tmpfs in a user namespace"
    out=$(unshare -rm sh -c 'mount -t tmpfs -o size=48k,mode=700 tmpfs "$1" && sh "$2" "$1" "$3" "$4"' \
        sh "$T/small" "$T/scenario.sh" "$K" "$Q")
else
    how=""
fi
if [ -z "$how" ]; then
    fail "faults: disk full" "cannot mount a small file system here (not root, no user namespaces)"
else
    echo "  faults on a 48 KiB $how"
    expect_eq "faults: disk full exits 2" "full-rc=2" "$(echo "$out" | grep full-rc)"
    expect_eq "faults: disk full leaves the file intact" "full-intact" "$(echo "$out" | grep full-intact)"
    expect_eq "faults: disk full is said plainly" "full-message" "$(echo "$out" | grep full-message)"
    expect_eq "faults: disk full leaves no temporary file" "full-no-temp" "$(echo "$out" | grep full-no-temp)"
    expect_eq "faults: read-only folder exits 2" "ro-rc=2" "$(echo "$out" | grep ro-rc)"
    expect_eq "faults: read-only folder leaves the file intact" "ro-intact" "$(echo "$out" | grep ro-intact)"
    expect_eq "faults: read-only folder is said plainly" "ro-message" "$(echo "$out" | grep ro-message)"
fi

# missing folder
"$K" --questions "$Q" set "$T/missing/s.ini" 1 all >/dev/null 2>"$T/err3"
rc=$?
if [ $rc -eq 2 ] && grep -q "$T/missing/s.ini" "$T/err3"; then
    pass "faults: missing folder names the file, exit 2"
else
    fail "faults: missing folder" "rc=$rc $(cat "$T/err3")"
fi
"$K" --questions "$Q" new "$T/missing/s.ini" --org X --group kommun --bank mini >/dev/null 2>"$T/err4"
expect_eq "faults: new in a missing folder exits 2" 2 $?

# permission denied: as nobody, a root-owned 0600 session cannot be read, nor a root-owned
# folder written
if [ "$(id -u)" -eq 0 ] && command -v setpriv >/dev/null 2>&1; then
    mkdir -m 755 "$T/perm"
    "$K" --questions "$Q" new "$T/perm/root.ini" --org X --group kommun --bank mini >/dev/null 2>&1
    cp "$T/perm/root.ini" "$T/perm-before.ini"
    setpriv --reuid=65534 --regid=65534 --clear-groups "$K" --questions "$Q" set "$T/perm/root.ini" 1 all \
        >/dev/null 2>"$T/err5"
    rc=$?
    if [ $rc -eq 2 ] && grep -qi 'Permission denied\|Åtkomst nekas' "$T/err5" && cmp -s "$T/perm/root.ini" "$T/perm-before.ini"; then
        pass "faults: permission denied is said, file intact"
    else
        fail "faults: permission denied" "rc=$rc $(cat "$T/err5")"
    fi
    # a session nobody may read but whose folder nobody may not write
    cp "$T/perm/root.ini" "$T/perm/nobody.ini"
    chown 65534:65534 "$T/perm/nobody.ini"
    cp "$T/perm/nobody.ini" "$T/perm-before2.ini"
    setpriv --reuid=65534 --regid=65534 --clear-groups "$K" --questions "$Q" set "$T/perm/nobody.ini" 1 all \
        >/dev/null 2>"$T/err6"
    rc=$?
    if [ $rc -eq 2 ] && cmp -s "$T/perm/nobody.ini" "$T/perm-before2.ini" && [ -s "$T/err6" ]; then
        pass "faults: folder not writable is said, file intact"
    else
        fail "faults: folder not writable" "rc=$rc $(cat "$T/err6")"
    fi
else
    echo "  (not root: permission cases run only as root, through setpriv)"
fi

# permissions: 0600 whatever the umask, warning for a folder open to others
(umask 000 && "$K" --questions "$Q" new "$T/open.ini" --org X --group kommun --bank mini >/dev/null 2>&1)
expect_eq "faults: session created 0600 under umask 000" 600 "$(stat -c %a "$T/open.ini")"
(umask 000 && "$K" --questions "$Q" set "$T/open.ini" 1 all --quiet 2>"$T/err7")
expect_eq "faults: session still 0600 after a save under umask 000" 600 "$(stat -c %a "$T/open.ini")"
if grep -q 'chmod 700' "$T/err7"; then
    pass "faults: a session in a folder open to others gets a warning"
else
    fail "faults: world-readable folder warning" "$(cat "$T/err7")"
fi
