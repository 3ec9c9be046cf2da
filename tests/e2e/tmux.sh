# tests/e2e/tmux.sh: what the tmux end-to-end tests share; sourced after tests/lib.sh.
# A private tmux server (`tmux -L $TM_SOCK`, or a socket file $TM_SOCKPATH inside a namespace)
# with its own configuration in $T, and waits that poll the screen with a timeout instead of
# sleeping. Set T (a temporary folder), TM_SOCK, TM_PANE (the target) and TM_TAG (the prefix
# of the check names) before calling them. LABEL=asan stretches every timeout.

# under the sanitizers everything is slower
slow=1
[ -n "${LABEL:-}" ] && slow=4

tm() {
    if [ -n "${TM_SOCKPATH:-}" ]; then
        tmux -S "$TM_SOCKPATH" -f "$T/tmux.conf" "$@"
    else
        tmux -L "$TM_SOCK" -f "$T/tmux.conf" "$@"
    fi
}

# tm_conf [LINES]: the server's configuration (extra lines appended)
tm_conf() {
    # exit-empty off: the server stays between a kill-session and the next new-session, so a
    # test that ends one TUI and starts the next never races the server's own exit
    printf 'set -s exit-empty off\nset -g status off\nset -g default-terminal screen\nset -g history-limit 100\n' \
        >"$T/tmux.conf"
    [ -n "${1:-}" ] && printf '%s\n' "$1" >>"$T/tmux.conf"
    return 0
}

tm_kill() { tm kill-server >/dev/null 2>&1; }

# tm_test TAG: how each tmux test starts: no tmux is a failure of TAG and the test stops; K is
# the binary by its absolute path (the TUI runs in other folders), run_env the TUI's environment
tm_test() {
    if ! command -v tmux >/dev/null 2>&1; then
        fail "$1" "tmux is not installed"
        exit 0
    fi
    case "$KOLLEN" in
    /*) K=$KOLLEN ;;
    *) K="$(pwd)/$KOLLEN" ;;
    esac
    run_env="env LC_ALL=C.UTF-8 KOLLEN_LANG=sv TERM=screen"
}

# tm_private_tmp NAME: a private folder $T, removed with the server when the test ends
tm_private_tmp() {
    T=$(mktemp -d "${TMPDIR:-/tmp}/kollen-$1.XXXXXX") || exit 1
    chmod 700 "$T"
    trap 'tm_kill; rm -rf "$T"' EXIT INT TERM
}

screen() { tm capture-pane -p -t "$TM_PANE" 2>/dev/null; }

# wait_for TEXT [SECONDS]: until the screen shows TEXT
wait_for() {
    n=$((${2:-5} * 10 * slow))
    while [ "$n" -gt 0 ]; do
        screen | grep -qF -- "$1" && return 0
        sleep 0.1
        n=$((n - 1))
    done
    echo "  screen while waiting for [$1]:" >&2
    screen | sed 's/^/  | /' >&2
    return 1
}

# wait_gone FILE [SECONDS]: until FILE no longer exists
wait_gone() {
    n=$((${2:-5} * 10 * slow))
    while [ -e "$1" ] && [ "$n" -gt 0 ]; do
        sleep 0.1
        n=$((n - 1))
    done
    [ ! -e "$1" ]
}

# wait_cmd SECONDS COMMAND...: until the command succeeds
wait_cmd() {
    n=$(($1 * 10 * slow))
    shift
    while [ "$n" -gt 0 ]; do
        "$@" >/dev/null 2>&1 && return 0
        sleep 0.1
        n=$((n - 1))
    done
    return 1
}

# step NAME COMMAND...: one check
step() {
    name=$1
    shift
    if "$@"; then pass "$TM_TAG: $name"; else fail "$TM_TAG: $name" "failed"; fi
}

keys() { tm send-keys -t "$TM_PANE" "$@"; }
text() { tm send-keys -t "$TM_PANE" -l "$1"; }
size() { [ "$(tm display -p -t "$TM_PANE" '#{window_width}x#{window_height}')" = "$1" ]; }
