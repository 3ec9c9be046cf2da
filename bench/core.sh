#!/bin/sh
# bench/core.sh: what the core costs, in callgrind instructions (repeatable) and wall time:
# `kollen check` on the example session, on a session with every question answered and 2 KB
# notes, and on a 300 KB session (long notes), plus `kollen lint` of the Infosäkkollen bank.
# Prints figures; asserts nothing.
set -eu
cd "$(dirname "$0")/.."
make -s build/kollen >/dev/null
K=build/kollen
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
export SOURCE_DATE_EPOCH=1764316800
export XDG_CACHE_HOME="$T/cache" # the bank cache: the run's own, warmed by the first command

# a full workshop: every question answered, documented, with a 2 KB note
$K new "$T/full.ini" --org "Bench kommun" --group kommun >/dev/null
note=$(python3 -c "print(('Anteckning med åäö; # och \"citat\" för bänken.\n' * 45)[:2000])")
for q in $(seq 1 40); do $K set "$T/full.ini" "$q" all --note "$note" --evidence "Protokoll $q" --quiet; done
# a large one: 30 KB notes on every question
big=$(python3 -c "print(('Lång anteckning; rad med åäö och 100 %.\n' * 800)[:30000])")
cp "$T/full.ini" "$T/big.ini"
for q in $(seq 1 40); do $K set "$T/big.ini" "$q" all --note "$big" --quiet; done

instr() {
    valgrind --tool=callgrind --callgrind-out-file="$T/cg" "$@" >/dev/null 2>&1
    sed -n 's/^summary: *//p' "$T/cg"
}
wall() {
    n=20
    start=$(date +%s%N)
    i=0
    while [ $i -lt $n ]; do "$@" >/dev/null 2>&1; i=$((i + 1)); done
    echo $(( ($(date +%s%N) - start) / n / 1000 ))
}

printf '%-44s %12s %10s %10s\n' "command" "instructions" "wall (us)" "file"
for s in sessions/exempel.ini "$T/full.ini" "$T/big.ini"; do
    size=$(wc -c <"$s")
    printf '%-44s %12s %10s %10s\n' "check $(basename "$s")" "$(instr $K check "$s")" "$(wall $K check "$s")" "$size B"
done
printf '%-44s %12s %10s\n' "check --json full.ini" "$(instr $K check "$T/full.ini" --json)" "$(wall $K check "$T/full.ini" --json)"
printf '%-44s %12s %10s\n' "set (load, lock, save) full.ini" "$(instr $K set "$T/full.ini" 1 1 --quiet)" "$(wall $K set "$T/full.ini" 1 all --quiet)"
printf '%-44s %12s %10s\n' "lint questions/infosakkollen-2023" "$(instr $K lint questions/infosakkollen-2023)" "$(wall $K lint questions/infosakkollen-2023)"
printf '%-44s %12s %10s\n' "--version (process start-up alone)" "$(instr $K --version)" "$(wall $K --version)"
