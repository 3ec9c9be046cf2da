# bash completion for kollen(1): commands, each command's options and their values, bank ids,
# session names from the sessions folder kollen uses (it is asked: kollen --print-dirs, with
# the --questions and --sessions already typed), and the question numbers of a session.
# Installed as share/bash-completion/completions/kollen; needs nothing of bash-completion.

# The commands and their options, as `kollen CMD --help` shows them (tests/sh/completion.sh
# checks that the two agree).
_kollen_commands="new set edit check plan report diff summary rank benchmark partners merge bank"
_kollen_commands+=" follow lint"
_kollen_globals="--questions --sessions --lang --benchmarks --help --version --print-dirs"

# _kollen_options CMD: the options of CMD ("" is the workshop screen)
_kollen_options()
{
    case $1 in
    "") echo "--theme" ;;
    new) echo "--org --group --bank --facilitator --date --participant --companion" ;;
    set) echo "--note --evidence --documented --followup --dissent --agreed --park --unpark" ;;
    edit) echo "--org --facilitator --date --participant --remove-participant --period" \
        "--summary --management-seen --agenda" ;;
    check) echo "--json --answers --min-level" ;;
    plan) echo "--target --format --assign --due --status" ;;
    report) echo "--format -o --since --marking" ;;
    diff) echo "--json" ;;
    summary) echo "--group --bank --format --names --min-group" ;;
    rank) echo "--group --bank --names --json" ;;
    benchmark) echo "--group --id --name --best --bank -o --session --min-group" ;;
    partners) echo "--for --names" ;;
    merge) echo "-o" ;;
    bank) echo "--json" ;;
    follow) echo "--theme --view" ;;
    lint) echo "" ;;
    esac
}

# _kollen_takes_value OPTION: does OPTION take the next word as its value? (--park takes one
# only as --park=REASON or after every positional word, so it is left out)
_kollen_takes_value()
{
    case $1 in
    --agreed | --unpark | --json | --answers | --names | --park | --help | -h | --version | -V | \
        --print-dirs) return 1 ;;
    -*) return 0 ;;
    esac
    return 1
}

# A word as the shell will pass it: quotes and backslashes removed, a leading ~/ expanded.
_kollen_dequote()
{
    local w=$1
    w=${w//\\/}
    w=${w//\"/}
    w=${w//\'/}
    [[ $w == "~/"* ]] && w=$HOME/${w#"~/"}
    printf '%s' "$w"
}

# _kollen_run ARGS...: the kollen being completed, with the global options typed so far
_kollen_run()
{
    "$_kollen_prog" "${_kollen_global_args[@]}" "$@" 2>/dev/null
}

# _kollen_dir questions|sessions: the folder kollen uses
_kollen_dir()
{
    local key dir
    while IFS=$'\t' read -r key dir; do
        [[ $key == "$1" ]] && printf '%s' "$dir" && return 0
    done < <(_kollen_run --print-dirs)
    return 1
}

# The session names of the sessions folder: NAME for NAME.ini, the file's name when NAME has
# a dot (kollen adds .ini only to a name without one).
_kollen_sessions()
{
    local dir f name
    dir=$(_kollen_dir sessions) || return
    for f in "$dir"/*.ini; do
        [[ -f $f ]] || continue
        name=${f##*/}
        [[ ${name%.ini} == *.* ]] || name=${name%.ini}
        printf '%s\n' "$name"
    done
}

_kollen_banks()
{
    local dir f
    dir=$(_kollen_dir questions) || return
    for f in "$dir"/*/bank.ini; do
        [[ -f $f ]] || continue
        f=${f%/bank.ini}
        printf '%s\n' "${f##*/}"
    done
}

# The question numbers of a session (from kollen check --json --answers)
_kollen_questions()
{
    _kollen_run check "$(_kollen_dequote "$1")" --json --answers |
        sed -n '/^  "answers": \[/,/^  \]/s/^      "question": \([0-9][0-9]*\),$/\1/p'
}

# The benchmark ids of a session's bank (from kollen bank ID --json)
_kollen_benchmarks()
{
    local bank
    bank=$(_kollen_run check "$(_kollen_dequote "$1")" --json |
        sed -n 's/^  "bank": "\(.*\)",$/\1/p')
    [[ -n $bank ]] || return
    _kollen_run bank "$bank" --json |
        sed -n '/^  "benchmarks": \[/,/^  \]/s/^      "id": "\(.*\)",$/\1/p'
}

# _kollen_add WORDS...: the words that start with $cur, one a line (names may hold spaces)
_kollen_add()
{
    local w
    for w in "$@"; do
        [[ $w == "$cur"* ]] && COMPREPLY+=("$w")
    done
}

# _kollen_add_lines: the lines of stdin that start with $cur
_kollen_add_lines()
{
    local w
    while IFS= read -r w; do
        [[ -n $w && $w == "$cur"* ]] && COMPREPLY+=("$w")
    done
}

_kollen_files()
{
    compopt -o filenames 2>/dev/null
    local IFS=$'\n'
    COMPREPLY+=($(compgen -f -- "$cur"))
}

_kollen_dirs()
{
    compopt -o filenames 2>/dev/null
    local IFS=$'\n'
    COMPREPLY+=($(compgen -d -- "$cur"))
}

# A SESSION: a name of the sessions folder, or a path once a / is typed
_kollen_session()
{
    compopt -o filenames 2>/dev/null
    if [[ $cur == */* || $cur == "~"* ]]; then
        _kollen_files
    else
        _kollen_add_lines < <(_kollen_sessions)
    fi
}

# The value of option $1 of command $2 (the positional words so far in pos[])
_kollen_value()
{
    case $1 in
    --questions | --sessions) _kollen_dirs ;;
    --benchmarks | -o) _kollen_files ;;
    --lang) _kollen_add sv en ;;
    --theme) _kollen_add standard kontrast ;;
    --view) _kollen_add room question ;;
    --group) _kollen_add kommun region myndighet annan ;;
    --bank) _kollen_add_lines < <(_kollen_banks) ;;
    --documented | --followup) _kollen_add yes no ;;
    --companion | --since | --for) _kollen_session ;;
    --session) [[ $2 == benchmark ]] && _kollen_files ;;
    --format)
        case $2 in
        plan) _kollen_add text md json ;;
        report) _kollen_add md html csv xlsx ;;
        summary) _kollen_add text json csv html ;;
        esac
        ;;
    --target) _kollen_add next level msbfs target group benchmark ;;
    --assign | --status) [[ -n ${pos[0]} ]] && _kollen_add_lines < <(_kollen_questions "${pos[0]}") ;;
    --min-level) _kollen_add 1 2 3 4 ;;
    esac
}

_kollen()
{
    local cur=${COMP_WORDS[COMP_CWORD]} prev=""
    local -a words=("${COMP_WORDS[@]:0:$COMP_CWORD}")
    ((COMP_CWORD > 0)) && prev=${COMP_WORDS[COMP_CWORD - 1]}
    COMPREPLY=()
    # --opt=VALUE: the shell splits at '=' (COMP_WORDBREAKS)
    if [[ $cur == "=" ]]; then
        cur="" prev=${COMP_WORDS[COMP_CWORD - 1]}
        unset 'words[${#words[@]}-1]'
    elif [[ $prev == "=" ]]; then
        prev=${COMP_WORDS[COMP_CWORD - 2]}
        unset 'words[${#words[@]}-1]'
    fi
    local _kollen_prog
    _kollen_prog=$(_kollen_dequote "${COMP_WORDS[0]}")
    [[ $_kollen_prog == */* ]] || _kollen_prog=$(command -v "$_kollen_prog") || _kollen_prog=kollen

    # the global options, then the command word (or the workshop screen's SESSION)
    local -a _kollen_global_args=()
    local i=1 n=${#words[@]} cmd="" w
    while ((i < n)); do
        w=${words[i]}
        if [[ $w == "--" ]]; then
            ((i++))
            break
        fi
        [[ $w == -* ]] || break
        case $w in
        --questions | --sessions | --lang | --benchmarks)
            if [[ ${words[i + 1]} == "=" ]]; then # --opt=VALUE, split by the shell
                _kollen_global_args+=("$w=$(_kollen_dequote "${words[i + 2]}")")
                ((i += 3))
            else
                _kollen_global_args+=("$w=$(_kollen_dequote "${words[i + 1]}")")
                ((i += 2))
            fi
            ;;
        --questions=* | --sessions=* | --lang=* | --benchmarks=*)
            _kollen_global_args+=("$(_kollen_dequote "$w")")
            ((i++))
            ;;
        *) ((i++)) ;;
        esac
    done
    if ((i >= n)); then # completing the command word or a global option's value
        case $prev in
        --questions | --sessions | --lang | --benchmarks)
            _kollen_value "$prev" ""
            return 0
            ;;
        esac
        if [[ $cur == -* ]]; then
            _kollen_add $_kollen_globals
        else
            _kollen_add $_kollen_commands
            _kollen_session
        fi
        return 0
    fi
    cmd=${words[i]}
    [[ " $_kollen_commands " == *" $cmd "* ]] || { # the workshop screen: kollen SESSION
        cmd=""
        ((i--))
    }

    # the command's positional words so far, its options' values skipped
    local -a pos=()
    local j=$((i + 1)) ended=0
    while ((j < n)); do
        w=${words[j]}
        if ((ended)) || [[ $w != -* ]]; then
            [[ $w == "=" ]] && { ((j += 2)); continue; }
            pos+=("$w")
        elif [[ $w == "--" ]]; then
            ended=1
        elif [[ ${words[j + 1]} == "=" ]]; then
            ((j += 2))
        elif [[ $w != *=* ]] && _kollen_takes_value "$w"; then
            ((j++))
        fi
        ((j++))
    done
    # an option's value (a second word for --status QUESTION STATE and --assign QUESTION NAME;
    # the word after --target level/group/benchmark)
    local before=""
    ((COMP_CWORD >= 2)) && [[ ${COMP_WORDS[COMP_CWORD - 1]} != "=" ]] &&
        before=${COMP_WORDS[COMP_CWORD - 2]}
    if [[ $before == --status && $prev =~ ^[0-9]+$ ]]; then
        _kollen_add open started done
        return 0
    fi
    if [[ $before == --assign && $prev =~ ^[0-9]+$ ]]; then
        return 0
    fi
    if [[ $before == --target ]]; then
        case $prev in
        level) _kollen_add 1 2 3 4 ;;
        group) _kollen_add kommun region myndighet annan ;;
        benchmark) [[ -n ${pos[0]} ]] && _kollen_add_lines < <(_kollen_benchmarks "${pos[0]}") ;;
        esac
        return 0
    fi
    if ((ended == 0)) && [[ $prev == -* ]] && _kollen_takes_value "$prev"; then
        _kollen_value "$prev" "$cmd"
        return 0
    fi
    if ((ended == 0)) && [[ $cur == -* ]]; then
        _kollen_add $(_kollen_options "$cmd") --help
        return 0
    fi

    # a positional word
    local k=${#pos[@]}
    case $cmd in
    "" | edit | plan | report | follow) ((k == 0)) && _kollen_session ;;
    new) ((k == 0)) && [[ $cur == */* ]] && _kollen_files ;;
    set)
        case $k in
        0) _kollen_session ;;
        1) _kollen_add_lines < <(_kollen_questions "${pos[0]}") ;;
        2) _kollen_add all none ;;
        esac
        ;;
    diff) ((k < 2)) && _kollen_session ;;
    merge | check | summary | rank | benchmark | partners) _kollen_session ;;
    bank) ((k == 0)) && _kollen_add_lines < <(_kollen_banks) ;;
    lint) ((k == 0)) && _kollen_dirs ;;
    esac
    return 0
}

complete -F _kollen kollen
