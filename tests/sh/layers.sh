#!/bin/sh
# The dependency rule: core <- store <- cli/tui. curses only in the curses adapter,
# iniparser only in src/store, and the core neither prints nor exits.
. tests/lib.sh

bad=$(grep -rlE '#include *<(n?curses|ncursesw/)' src include | grep -v '^src/tui/curses_' || true)
if [ -z "$bad" ]; then pass "layers: curses only in src/tui/curses_*"; else fail "layers: curses" "$bad"; fi

bad=$(grep -rlE '#include *[<"]iniparser' src include | grep -v '^src/store/' || true)
if [ -z "$bad" ]; then pass "layers: iniparser only in src/store"; else fail "layers: iniparser" "$bad"; fi

bad=$(grep -lE '(^|[^a-z_])(printf|fprintf|puts|fputs|putchar|perror|exit|abort)[ ]*\(' src/core/*.c || true)
if [ -z "$bad" ]; then pass "layers: the core never prints or exits"; else fail "layers: core prints" "$bad"; fi

bad=$(grep -lE '#include *"(kollen/store|\.\./store|\.\./cli|\.\./tui|ini|cli|tui)' src/core/*.c || true)
if [ -z "$bad" ]; then pass "layers: the core does not reach up"; else fail "layers: core reaches up" "$bad"; fi

bad=$(grep -lE '#include *"(\.\./)?(cli|tui)' src/store/*.c || true)
if [ -z "$bad" ]; then pass "layers: the store does not reach up"; else fail "layers: store reaches up" "$bad"; fi
