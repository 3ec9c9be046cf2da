#!/bin/sh
# The shell completion (src/shell/kollen.bash): sourced in bash, its function called with
# COMP_WORDS and COMP_CWORD set as bash sets them, the words it offers compared with what
# they must be: commands, each command's options (the same as its usage), option values, bank
# ids, session names from the folder kollen says it uses, question numbers. The same functions
# again in zsh's ksh emulation, as src/shell/_kollen runs them. The sanitizer pass leaves this
# file out: kollen runs only --print-dirs, check and bank here.
. tests/lib.sh

[ -n "${LABEL:-}" ] && exit 0

private_tmp comp
S="$T/sessions"
Q=tests/fixtures/good
K="$KOLLEN"
mkdir -m 700 "$S"
"$K" --questions $Q --sessions "$S" new ws2026 --org X --group kommun --bank mini >/dev/null 2>&1
"$K" --questions $Q --sessions "$S" new "två ord" --org X --group kommun --bank mini >/dev/null 2>&1
"$K" --questions $Q --sessions "$S" new a.b.ini --org X --group kommun --bank miniscale >/dev/null 2>&1
: >"$S/ws2026.ini.lock" # kollen's own files beside a session are no sessions
: >"$S/notes.txt"

# comp SHELL WORDS...: the words offered for the last word, one a line
cat >"$T/drive.bash" <<'EOF'
. src/shell/kollen.bash
COMP_WORDS=("$@")
COMP_CWORD=$(($# - 1))
COMPREPLY=()
_kollen
printf '%s\n' "${COMPREPLY[@]}"
EOF
cat >"$T/drive.zsh" <<'EOF'
autoload -U compinit && compinit -u -D -d "$ZDOTDIR/.zcompdump"
autoload -U +X bashcompinit && bashcompinit
emulate ksh -c ". src/shell/kollen.bash"
COMP_WORDS=("$@")
COMP_CWORD=$(($# - 1))
COMPREPLY=()
_kollen
printf '%s\n' "${COMPREPLY[@]}"
EOF
comp() {
    sh=$1
    shift
    case $sh in
    bash) KOLLEN_SESSIONS="$S" KOLLEN_QUESTIONS=$Q bash "$T/drive.bash" "$@" 2>&1 ;;
    zsh) ZDOTDIR="$T" KOLLEN_SESSIONS="$S" KOLLEN_QUESTIONS=$Q zsh -f "$T/drive.zsh" "$@" 2>&1 ;;
    esac | tr '\n' ' ' | sed 's/ $//'
}

# expect_comp SHELL "EXPECTED" WORDS...: the words offered, in order, space-separated
expect_comp() {
    sh=$1 want=$2
    shift 2
    expect_eq "completion ($sh): kollen ${*#"$K" } <TAB>" "$want" "$(comp "$sh" "$@")"
}

CMDS="new set edit check plan report diff summary rank benchmark partners merge bank follow lint"
SESSIONS="a.b.ini två ord ws2026"
for sh in bash zsh; do
    if [ $sh = zsh ] && ! command -v zsh >/dev/null 2>&1; then
        echo "#### SKIP completion (zsh): no zsh; the zsh completion was NOT tried ####" >&2
        echo "SKIP completion (zsh): zsh not installed" >>"$RESULTS"
        continue
    fi
    expect_comp $sh "$CMDS $SESSIONS" "$K" ""
    expect_comp $sh "set summary" "$K" s
    expect_comp $sh "--questions --sessions --lang --benchmarks --help --version --print-dirs" "$K" -
    expect_comp $sh "sv en" "$K" --lang ""
    expect_comp $sh "en" "$K" --lang = e
    expect_comp $sh "$SESSIONS" "$K" set ""
    expect_comp $sh "två ord" "$K" check t
    expect_comp $sh "1 2 3 4 5" "$K" set ws2026 ""
    expect_comp $sh "1 2 3" "$K" set a.b.ini ""
    expect_comp $sh "1 2 3 4 5" "$K" set "två\ ord" ""
    expect_comp $sh "all none" "$K" set ws2026 2 ""
    expect_comp $sh "--note --evidence --documented --followup --dissent --agreed --park --unpark --help" \
        "$K" set ws2026 2 all -
    expect_comp $sh "yes no" "$K" set ws2026 2 all --documented ""
    expect_comp $sh "" "$K" set ws2026 2 --note ""
    expect_comp $sh "1 2 3 4 5" "$K" plan ws2026 --assign ""
    expect_comp $sh "" "$K" plan ws2026 --assign 3 ""
    expect_comp $sh "open started done" "$K" plan ws2026 --status 3 ""
    expect_comp $sh "next level msbfs target group benchmark" "$K" plan ws2026 --target ""
    expect_comp $sh "kommun region myndighet annan" "$K" plan ws2026 --target group ""
    expect_comp $sh "text md json" "$K" plan ws2026 --format ""
    expect_comp $sh "md" "$K" plan ws2026 --format = m
    expect_comp $sh "md html csv xlsx" "$K" report ws2026 --format ""
    expect_comp $sh "text json csv html" "$K" summary "$S" --format ""
    expect_comp $sh "mini miniscale" "$K" bank ""
    expect_comp $sh "mini miniscale" "$K" new x --bank ""
    expect_comp $sh "kommun region myndighet annan" "$K" new x --group ""
    expect_comp $sh "room question" "$K" follow ws2026 --view ""
    expect_comp $sh "standard kontrast" "$K" ws2026 --theme ""
    expect_comp $sh "--theme --help" "$K" ws2026 -
    expect_comp $sh "$SESSIONS" "$K" diff ws2026 ""
    expect_comp $sh "" "$K" diff ws2026 a.b.ini ""
    expect_comp $sh "$SESSIONS" "$K" report ws2026 --since ""
    # the folders typed on the line are the ones kollen is asked about
    expect_comp $sh "" "$K" --sessions "$T/nowhere" set ""
    expect_comp $sh "infosakkollen-2023 it-sakkollen-2023" "$K" --questions questions bank ""
    expect_comp $sh "infosakkollen-2023 it-sakkollen-2023" "$K" --questions = questions bank ""
    # after --, a word is the command or the SESSION, whatever it looks like
    expect_comp $sh "$CMDS $SESSIONS" "$K" -- ""
done
# the benchmark ids of the session's bank (the bundled bank has them; the fixture has none)
mkdir -m 700 "$T/real"
"$K" --sessions "$T/real" new r --org X --group kommun >/dev/null 2>&1
expect_eq "completion (bash): plan --target benchmark lists the bank's benchmarks" \
    "kommun-30-basta kommun-30-basta-2021" \
    "$(KOLLEN_SESSIONS="$T/real" bash "$T/drive.bash" "$K" plan r --target benchmark kommun-30 |
        tr '\n' ' ' | sed 's/ $//')"
n=$(KOLLEN_SESSIONS="$T/real" bash "$T/drive.bash" "$K" set r "" | wc -l)
expect_eq "completion (bash): set offers the 40 questions of Infosäkkollen" 40 "$n"

# each command's options are the options of its usage (kollen CMD --help), and the reverse
for cmd in $CMDS ""; do
    # shellcheck disable=SC2086
    usage=$("$K" --lang en $cmd --help 2>&1 | { [ -z "$cmd" ] && sed -n '/^Usage:/{n;p;}' || cat; } |
        grep -o -- '[[ ]-[-a-z]\+' | cut -c2- | grep -v -e '^--help$' | sort -u | tr '\n' ' ')
    offered=$(comp bash "$K" $cmd ${cmd:+x} - | tr ' ' '\n' | grep -v -e '^--help$' -e '^$' | sort -u |
        tr '\n' ' ')
    [ -z "$cmd" ] && offered=$(comp bash "$K" x - | tr ' ' '\n' | grep -v -e '^--help$' -e '^$' |
        sort -u | tr '\n' ' ')
    expect_eq "completion: the options of \"${cmd:-kollen SESSION}\" are those of its usage" "$usage" "$offered"
done
