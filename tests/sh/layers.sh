#!/bin/sh
# The dependency rule (docs/architecture.md): core <- store <- ops (use cases) <- cli | tui, and
# src/main.c picks a front end. Each layer includes only the layers below it: the core nothing
# of ours but core headers, the store the core, ops the core and the store, cli and tui the
# layers below and never each other. curses only in the curses adapter, iniparser only in
# src/store, and the core neither prints nor exits. Any forbidden include fails `make test`.
. tests/lib.sh

CORE_H="kollen/bank.h kollen/diag.h kollen/fmt.h kollen/msg.h kollen/plan.h kollen/score.h \
kollen/session.h kollen/text.h kollen/messages.def kollen/cohort.h kollen/merge.h \
kollen/partners.h kollen/typsvar.h"
STORE_H="kollen/store.h"
OPS_H="$(cd include && ls kollen/ops_*.h) kollen/messages_ops.def"

# the quoted includes of a file, one per line
quoted() { sed -n 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*"\([^"]*\)".*/\1/p' "$1"; }

# allowed NAME LIST: is NAME one of LIST?
allowed() {
    for x in $2; do [ "$1" = "$x" ] && return 0; done
    return 1
}

# check LAYER ALLOWED FILES...: every quoted include of FILES is in ALLOWED or is a header of
# the file's own folder (not reached through ../)
check() {
    layer=$1 ok=$2
    shift 2
    bad=""
    for f in "$@"; do
        [ -f "$f" ] || continue
        dir=$(dirname "$f")
        for inc in $(quoted "$f"); do
            if allowed "$inc" "$ok"; then continue; fi
            case "$inc" in
            */* | ..*) ;;
            *) [ -f "$dir/$inc" ] && [ "$dir" != include/kollen ] && continue ;;
            esac
            bad="$bad $f:$inc"
        done
    done
    if [ -z "$bad" ]; then pass "layers: $layer"; else fail "layers: $layer" "$bad"; fi
}

core_src=$(ls src/core/*.c)
core_hdr=$(for h in $CORE_H; do echo "include/$h"; done)
check "the core includes only core headers" "$CORE_H" $core_src $core_hdr
check "the store uses only the core" "$CORE_H $STORE_H" src/store/*.c src/store/*.h \
    include/kollen/store.h
check "the use cases (src/ops) use only the core and the store" "$CORE_H $STORE_H $OPS_H" \
    src/ops/*.c $(for h in $OPS_H; do echo "include/$h"; done)
ALL_PUBLIC="$CORE_H $STORE_H $OPS_H"
check "the command line uses the layers below, not the TUI" "$ALL_PUBLIC" src/cli/*.c src/cli/*.h
check "the TUI uses the layers below, not the command line" "$ALL_PUBLIC" src/tui/*.c src/tui/*.h
check "src/main.c only picks a front end" "cli/cli_main.h tui/tui.h" src/main.c

bad=$(ls src/*.c | grep -v '^src/main\.c$' || true)
if [ -z "$bad" ]; then pass "layers: no code in src/ but main.c"; else fail "layers: src/" "$bad"; fi

bad=$(grep -rlE '#include *<(n?curses|ncursesw/)' src include | grep -v '^src/tui/curses_' || true)
if [ -z "$bad" ]; then pass "layers: curses only in src/tui/curses_*"; else fail "layers: curses" "$bad"; fi

bad=$(grep -rlE '#include *[<"]iniparser' src include | grep -v '^src/store/' || true)
if [ -z "$bad" ]; then pass "layers: iniparser only in src/store"; else fail "layers: iniparser" "$bad"; fi

bad=$(grep -lE '(^|[^a-z_])(printf|fprintf|puts|fputs|putchar|perror|exit|abort)[ ]*\(' src/core/*.c src/ops/*.c || true)
if [ -z "$bad" ]; then pass "layers: the core and the use cases never print or exit"; else fail "layers: core or ops prints" "$bad"; fi
