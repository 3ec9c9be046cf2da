#!/bin/sh
# Crash safety: `kollen set` killed with SIGKILL at 500 random moments spread over the whole
# save (tests/tools/killer.c steers the kills with inotify); after each run the session must
# load and hold the old or the new answer, never a mix or nothing.
. tests/lib.sh
: "${KILL_RUNS:=500}"
private_tmp kill
K() { "$KOLLEN" --questions tests/fixtures/good "$@"; }
K new "$T/s.ini" --org "Kill test" --group kommun --bank mini >/dev/null 2>&1
big=$(python3 -c "print(('Rad med åäö; # \"citat\" \\\\ 100 %\n' * 2000)[:30000])")
for q in 2 3 4; do K set "$T/s.ini" $q all --note "$big" --quiet; done
out=$("$BUILD/tools/killer" "$KOLLEN" tests/fixtures/good "$T/s.ini" "$KILL_RUNS" 2>&1)
rc=$?
echo "  $out"
if [ $rc -eq 0 ]; then
    pass "kill: $KILL_RUNS SIGKILLs during kollen set, nothing lost or mixed"
else
    fail "kill: kollen set killed" "$out"
fi
left=$(find "$T" -name '.s.ini.tmp.*' | wc -l)
K set "$T/s.ini" 1 1 --quiet
after=$(find "$T" -name '.s.ini.tmp.*' | wc -l)
expect_eq "kill: temporary files of killed saves are removed by the next writer" 0 "$after"
[ "$left" -ge 0 ]
