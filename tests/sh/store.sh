#!/bin/sh
# The store's limits and defences through the real binary:
# 1. tests/tools/gen_limits writes sessions and banks at every documented limit and one past
#    each: every one at the limit loads (`check`, `lint`; the largest session also takes a
#    `set` and loads again), every one past it exits 2 naming the file and the line, and `set`
#    leaves it as it was; floods of 270,000 keys or sections included (they used to crash or
#    take minutes).
# 2. A FIFO where a session or bank file is expected is refused at once (`set` releases its lock).
# 3. A planted lock path (hard link, symlink, folder) is never written through.
# 4. `kollen new` next to a `set` loop on the same names: no `new` may fail (the lock holder's
#    clean-up once deleted new's temporary file: 36 of 200 failed).
. tests/lib.sh
T=$(mktemp -d "${TMPDIR:-/tmp}/kollen-store.XXXXXX")
trap 'touch "$T/stop"; rm -rf "$T"' EXIT
K() { "$KOLLEN" --questions tests/fixtures/good "$@"; }
GEN=$BUILD/tools/gen_limits

# --- 1. at and past every limit ---
if ! "$GEN" "$T/gl" >"$T/gen.err" 2>&1; then
    fail "store: gen_limits" "$(head -c 300 "$T/gen.err")"
else
    for f in "$T"/gl/sessions/at/*.ini; do
        n=$(basename "$f")
        if K check "$f" >/dev/null 2>"$T/err"; then
            pass "store: session at the limit loads: $n"
        else
            fail "store: session at the limit loads: $n" "$(head -c 300 "$T/err")"
        fi
    done
    M="$T/gl/sessions/at/max.ini"
    if K set "$M" 1 none --note "$(printf 'ny\nanteckning')" -q 2>"$T/err" &&
        K check "$M" >/dev/null 2>>"$T/err" && grep -qx 'note.1 = ny%0Aanteckning' "$M"; then
        pass "store: the largest session takes a set and loads again"
    else
        fail "store: the largest session takes a set and loads again" "$(head -c 300 "$T/err")"
    fi
    if K lint "$T/gl/banks/at/max" >/dev/null 2>"$T/err"; then
        pass "store: the largest bank (999 questions, 64 options, 8 levels, 64 areas, 100000 keys) passes lint"
    else
        fail "store: the largest bank passes lint" "$(head -c 300 "$T/err")"
    fi
    while read -r rel line; do
        case $rel in
        sessions/*) target="$T/gl/$rel" cmd=check ;;
        *) target="$T/gl/${rel%/*}" cmd=lint ;;
        esac
        where="$T/gl/$rel:$line:"
        [ "$line" = 0 ] && where="$T/gl/$rel:"
        timeout 120 "$KOLLEN" --questions tests/fixtures/good $cmd "$target" >/dev/null 2>"$T/err"
        rc=$?
        if [ $rc -eq 2 ] && grep -qF "$where" "$T/err"; then
            pass "store: past the limit, $cmd refuses $rel with its line"
        else
            fail "store: past the limit, $cmd refuses $rel" "exit $rc: $(head -c 300 "$T/err")"
        fi
        case $rel in
        sessions/*)
            cp "$target" "$T/before"
            timeout 120 "$KOLLEN" --questions tests/fixtures/good set "$target" 1 1 -q 2>/dev/null
            rc=$?
            if [ $rc -eq 2 ] && cmp -s "$T/before" "$target" && [ ! -e "$target.lock" ]; then
                pass "store: past the limit, set leaves $rel as it was"
            else
                fail "store: past the limit, set leaves $rel as it was" "exit $rc"
            fi
            ;;
        esac
    done <"$T/gl/expect"
fi
rm -rf "$T/gl"

# --- 2. FIFOs ---
mkfifo "$T/pipe.ini"
timeout 20 "$KOLLEN" --questions tests/fixtures/good check "$T/pipe.ini" >/dev/null 2>"$T/err"
rc=$?
if [ $rc -eq 2 ] && grep -q "pipe.ini: fel: kan inte läsa: ingen vanlig fil" "$T/err"; then
    pass "store: a FIFO as session is refused at once, naming it"
else
    fail "store: a FIFO as session is refused at once" "exit $rc (124: it blocked): $(cat "$T/err")"
fi
timeout 20 "$KOLLEN" --questions tests/fixtures/good set "$T/pipe.ini" 1 1 >/dev/null 2>"$T/err"
rc=$?
if [ $rc -eq 2 ] && [ ! -e "$T/pipe.ini.lock" ]; then
    pass "store: set on a FIFO exits 2 and releases its lock"
else
    fail "store: set on a FIFO exits 2 and releases its lock" "exit $rc (124: it blocked)"
fi
mkdir -p "$T/q"
cp -r tests/fixtures/good/mini "$T/q/mini"
rm "$T/q/mini/areas.ini"
mkfifo "$T/q/mini/areas.ini"
timeout 20 "$KOLLEN" lint "$T/q/mini" >/dev/null 2>"$T/err"
rc=$?
if [ $rc -eq 2 ] && grep -q "areas.ini: fel: kan inte läsa: ingen vanlig fil" "$T/err"; then
    pass "store: a FIFO as bank file is refused at once, naming it"
else
    fail "store: a FIFO as bank file is refused at once" "exit $rc (124: it blocked)"
fi

# --- 3. planted lock paths ---
S="$T/s.ini"
K new "$S" --org Org --group kommun --bank mini >/dev/null
printf 'precious\n' >"$T/victim"
for kind in hardlink symlink folder; do
    rm -rf "$S.lock"
    case $kind in
    hardlink) ln "$T/victim" "$S.lock" ;;
    symlink) ln -s "$T/victim" "$S.lock" ;;
    folder) mkdir "$S.lock" ;;
    esac
    cp "$S" "$T/before"
    K set "$S" 1 1 >/dev/null 2>"$T/err"
    rc=$?
    if [ $rc -eq 2 ] && [ "$(cat "$T/victim")" = precious ] && cmp -s "$T/before" "$S" &&
        grep -q "kan inte låsa sessionen" "$T/err"; then
        pass "store: a $kind at the lock path is refused, nothing written through it"
    else
        fail "store: a $kind at the lock path is refused" "exit $rc: $(cat "$T/err")"
    fi
done
rm -rf "$S.lock"

# --- 4. new beside a set loop ---
runs=${STORE_STRESS_RUNS:-200}
[ -n "${LABEL:-}" ] && runs=${STORE_STRESS_RUNS:-100}
mkdir "$T/ns"
echo 0 >"$T/cur"
(
    while [ ! -f "$T/stop" ]; do
        K set "$T/ns/s$(cat "$T/cur" 2>/dev/null).ini" 1 1 -q >/dev/null 2>&1
    done
) &
loop=$!
i=1 failed=0
while [ $i -le "$runs" ]; do
    echo $i >"$T/cur"
    if ! K new "$T/ns/s$i.ini" --org X --group kommun --bank mini >/dev/null 2>"$T/err"; then
        failed=$((failed + 1))
        head -n 1 "$T/err" >&2
    fi
    i=$((i + 1))
done
touch "$T/stop"
wait $loop
left=$(find "$T/ns" -name '.*' -type f | wc -l)
echo "  new beside a set loop: $runs runs, $failed failed, $left temporary files left"
if [ $failed -eq 0 ] && [ "$left" -eq 0 ]; then
    pass "store: kollen new beside a set loop never fails ($runs runs)"
else
    fail "store: kollen new beside a set loop never fails" "$failed of $runs failed, $left temporary files left"
fi

# --- 5. the bank cache, through the binary ---
C="$T/cachehome"
mkdir -p "$C" "$T/cq"
cp -r tests/fixtures/good/mini "$T/cq/mini"
KC() { XDG_CACHE_HOME="$C" "$KOLLEN" --questions "$T/cq" "$@"; }
KC new "$T/c.ini" --org Org --group kommun --bank mini >/dev/null 2>&1
KC set "$T/c.ini" 1 1,3 -q
KC check "$T/c.ini" >"$T/out1" 2>&1
KC check "$T/c.ini" >"$T/out2" 2>&1
cache=$(find "$C/kollen" -name 'bank-mini-*.bin' 2>/dev/null | head -n 1)
if [ -n "$cache" ] && cmp -s "$T/out1" "$T/out2" && [ "$(stat -c %a "$C/kollen")" = 700 ] &&
    [ "$(stat -c %a "$cache")" = 600 ]; then
    pass "store: the bank is cached (0600 in a 0700 folder) and check says the same from it"
else
    fail "store: the bank is cached" "cache [$cache], or the output differs"
fi
sed -i 's/^option.3 = Följd upp$/option.3 = Följd upp och ändrad/' "$T/cq/mini/questions.ini"
KC bank mini >"$T/bank" 2>&1
if grep -q "Följd upp och ändrad" "$T/bank"; then
    pass "store: an edited bank is seen at once, cache or not"
else
    fail "store: an edited bank is seen at once" "$(grep -m1 'Följd' "$T/bank")"
fi
"$KOLLEN" --questions "$T/cq" bank mini >"$T/fresh" 2>&1 # no $C: parsed from the files
head -c 1000 /dev/urandom >"$cache"
KC bank mini >"$T/bank2" 2>&1
if cmp -s "$T/fresh" "$T/bank2" && cmp -s "$T/bank" "$T/bank2"; then
    pass "store: a damaged cache is ignored (and written again)"
else
    fail "store: a damaged cache is ignored" "kollen bank differs"
fi
rm -rf "$C/kollen"
XDG_CACHE_HOME="$C" "$KOLLEN" lint "$T/cq/mini" >/dev/null 2>&1
if [ ! -d "$C/kollen" ]; then
    pass "store: lint never uses the cache"
else
    fail "store: lint never uses the cache" "it wrote $C/kollen"
fi
