#!/bin/sh
# The bundled question banks: they lint clean, their published totals are really checked,
# the level rules do what the Infosäkkollen report says (level 1 = at least one action on each
# of questions 1-15, levels 2-4 need documented answers), the texts the bank calls verbatim are
# MSB's words (tests/fixtures/banks/report-excerpts.txt), and It-säkkollen's mean runs 1.0-4.0.
. tests/lib.sh

T=$(mktemp -d "${TMPDIR:-/tmp}/kollen-banks.XXXXXX")
trap 'rm -rf "$T"' EXIT
Q=questions
INFO=infosakkollen-2023
IT=it-sakkollen-2023
EXCERPTS=tests/fixtures/banks/report-excerpts.txt
K() { "$KOLLEN" --questions "$Q" "$@"; }

# summary SESSION: "level points actions" and the blockers as "level:question ..." from check --json
summary() {
    K check "$1" --json 2>/dev/null | python3 -c '
import json, sys
d = json.load(sys.stdin)
b = " ".join("%d:%d" % (x["level"], x["question"]) for x in sorted(d["blockers"], key=lambda x: x["question"]))
print(d["level"], d["points"], d["actions"], "|" + (" " + b if b else ""))
' 2>/dev/null || echo "error"
}

# answer_all SESSION FIRST LAST ANSWER [SET-OPTIONS...]: the same answer on questions FIRST..LAST
answer_all() {
    f=$1 first=$2 last=$3 ans=$4
    shift 4
    n=$first
    while [ "$n" -le "$last" ]; do
        K set "$f" "$n" "$ans" "$@" >/dev/null 2>&1 || { echo "set $n failed" >&2; return 1; }
        n=$((n + 1))
    done
}

# --- lint: both banks clean (no errors, no warnings) ---
for b in $INFO $IT; do
    if "$KOLLEN" lint "$Q/$b" >"$T/lint.out" 2>"$T/lint.err"; then
        if [ -s "$T/lint.err" ]; then
            fail "banks: $b lints without warnings" "$(head -c 400 "$T/lint.err")"
        else
            pass "banks: $b lints clean"
        fi
    else
        fail "banks: $b lints clean" "$(head -c 400 "$T/lint.err")"
    fi
done
expect_eq "banks: $INFO lint counts the published totals" \
    "$Q/$INFO: inga fel (40 frågor, 10 arbetsområden, 348 åtgärder, 200 poäng)" \
    "$(KOLLEN_LANG=sv "$KOLLEN" lint "$Q/$INFO" 2>/dev/null)"

# --- lint fails on a copy with one action removed from Upphandling (question 37, option 6) ---
cp -r "$Q/$INFO" "$T/$INFO"
awk '
    /^\[question\./ { inq = ($0 == "[question.37]") }
    inq && /^option\.6(\.[a-z]+)? *=/ { next }
    { print }' "$Q/$INFO/questions-3.ini" >"$T/$INFO/questions-3.ini"
removed=$(($(wc -l <"$Q/$INFO/questions-3.ini") - $(wc -l <"$T/$INFO/questions-3.ini")))
expect_eq "banks: the Upphandling fixture drops option 6 of question 37" 3 "$removed"
if "$KOLLEN" lint "$T/$INFO" >"$T/lint.out" 2>"$T/lint.err"; then
    fail "banks: lint fails with one action removed from Upphandling" "lint passed"
else
    pass "banks: lint fails with one action removed from Upphandling"
fi
check "banks: lint names the Upphandling total" grep -q 'upphandling.* 16.* 15' "$T/lint.err"
check "banks: lint names the total of 348 actions" grep -q 'actions.* 348.* 347' "$T/lint.err"

# --- Infosäkkollen: levels ---
S=$T/s.ini
K new "$S" --org Testkommun --group kommun --bank $INFO >/dev/null 2>&1
expect_eq "banks: a new session is at level 0, questions 1-15 block level 1" \
    "0 0 0 | 1:1 1:2 1:3 1:4 1:5 1:6 1:7 1:8 1:9 1:10 1:11 1:12 1:13 1:14 1:15" "$(summary "$S")"

cp "$S" "$T/all-doc.ini"
answer_all "$T/all-doc.ini" 1 40 all --evidence "Protokoll från ledningsgruppsmöte"
expect_eq "banks: every question all with evidence gives level 4, 200 points, 348 actions" \
    "4 200 348 |" "$(summary "$T/all-doc.ini")"

cp "$S" "$T/all-undoc.ini"
answer_all "$T/all-undoc.ini" 1 40 all
got=$(summary "$T/all-undoc.ini")
expect_eq "banks: every question all without evidence stays at level 1" "1 200 348" "${got%% |*}"

cp "$S" "$T/basics.ini"
answer_all "$T/basics.ini" 1 15 all
got=$(summary "$T/basics.ini")
expect_eq "banks: questions 1-15 all give level 1" "1" "${got%% *}"
case "$got" in
*" 1:"*) fail "banks: questions 1-15 all leave no level-1 blocker" "$got" ;;
*) pass "banks: questions 1-15 all leave no level-1 blocker" ;;
esac
K set "$T/basics.ini" 7 none >/dev/null 2>&1
got=$(summary "$T/basics.ini")
expect_eq "banks: question 7 none drops to level 0 with 7 the only blocker" "0 | 1:7" \
    "${got%% *} |${got#*|}"

# Breadth (MSB2333 L4255-4261): more than 100 points and still no level.
cp "$T/all-doc.ini" "$T/narrow.ini"
K set "$T/narrow.ini" 14 none >/dev/null 2>&1
expect_eq "banks: 195 points without any action on question 14 is no level" "0 195 336 | 1:14" \
    "$(summary "$T/narrow.ini")"

# --- Infosäkkollen: structure the lead and the report ask for ---
K bank $INFO --json >"$T/bank.json" 2>/dev/null
python3 - "$T/bank.json" >"$T/structure.out" 2>&1 <<'EOF'
import json, sys
b = json.load(open(sys.argv[1], encoding="utf-8"))
qs = b["questions"]
problems = []
for q in qs:
    n = q["number"]
    r1 = q["rules"].get("1")
    if n <= 15:
        if q["section"] != 1 or r1 != "actions >= 1":
            problems.append("%d: section 1 needs exactly rule.1 = actions >= 1 (has %r)" % (n, r1))
    elif r1 is not None or q["section"] == 1:
        problems.append("%d: only questions 1-15 belong to level 1" % n)
    if not q.get("help") or not q.get("short"):
        problems.append("%d: help and short are required" % n)
    if q["points"] != 5:
        problems.append("%d: 5 points expected" % n)
    if q["provenance"] not in ("verbatim", "paraphrase", "inferred", "reconstructed"):
        problems.append("%d: provenance %r" % (n, q["provenance"]))
    if not q.get("source"):
        problems.append("%d: source missing" % n)
areas = {a["id"] for a in b["areas"]}
for a in areas:
    if not any(q["area"] == a and q["number"] <= 15 for q in qs):
        problems.append("area %s has no question among 1-15" % a)
if [q["number"] for q in qs] != list(range(1, 41)):
    problems.append("questions are not numbered 1-40")
para = sorted(q["number"] for q in qs if q["provenance"] == "paraphrase")
if para != [23, 24]:
    problems.append("paraphrases: %r, expected [23, 24]" % para)
print("\n".join(problems) if problems else "ok")
EOF
expect_eq "banks: $INFO structure (sections, level-1 rules, help, points, provenance)" "ok" \
    "$(cat "$T/structure.out")"

# --- verbatim texts against the report excerpts ---
python3 - "$T/bank.json" "$EXCERPTS" >"$T/verbatim.out" 2>&1 <<'EOF'
import json, re, sys
norm = lambda s: re.sub(r"\s+", " ", s or "").strip()
b = json.load(open(sys.argv[1], encoding="utf-8"))
ex = {}
for line in open(sys.argv[2], encoding="utf-8"):
    if line.startswith("#") or not line.strip():
        continue
    key, lines, text = line.rstrip("\n").split("\t")
    ex[key] = (lines, text)
problems = []
qs = {q["number"]: q for q in b["questions"]}
verbatim = sorted(n for n, q in qs.items() if q["provenance"] == "verbatim")
quoted = sorted(int(k) for k in ex if k.isdigit())
if verbatim != quoted:
    problems.append("verbatim questions %r, report quotes %r" % (verbatim, quoted))
for n in quoted:
    q = qs.get(n)
    lines, text = ex[str(n)]
    if not q:
        problems.append("%d: missing" % n)
        continue
    if norm(q["text"]) != norm(text):
        problems.append("%d: text differs from %s:\n  bank:   %s\n  report: %s" % (n, lines, q["text"], text))
    if lines.split("-")[0] not in (q["source"] or ""):
        problems.append("%d: source %r does not cite %s" % (n, q["source"], lines))
for key, (lines, text) in ex.items():
    m = re.fullmatch(r"(\d+)\.(\d+)", key)
    if m:
        q = qs[int(m.group(1))]
        o = q["options"][int(m.group(2)) - 1]
        if norm(o["text"]) != norm(text):
            problems.append("option %s differs from %s:\n  bank:   %s\n  report: %s" % (key, lines, o["text"], text))
        if o["provenance"] not in ("verbatim", "inferred"):
            problems.append("option %s copied from the report but tagged %s" % (key, o["provenance"]))
    elif key.startswith("level."):
        got = b["levels"][int(key[6:]) - 1]
        if norm(got) != norm(text):
            problems.append("%s: %r, report %r" % (key, got, text))
    elif key.startswith("area."):
        got = [a["name"] for a in b["areas"] if a["id"] == key[5:]]
        if [norm(g) for g in got] != [norm(text)]:
            problems.append("%s: %r, report %r" % (key, got, text))
print("\n".join(problems) if problems else "ok")
EOF
expect_eq "banks: verbatim questions, copied options, level and area names match the report" \
    "ok" "$(cat "$T/verbatim.out")"

# The excerpts themselves against the report, when the reference copy is at hand (not in CI).
REPORT=../shared/reference/msb2333-report.txt
if [ -f "$REPORT" ]; then
    python3 - "$REPORT" "$EXCERPTS" >"$T/excerpts.out" 2>&1 <<'EOF'
import re, sys
rep = open(sys.argv[1], encoding="utf-8").read().split("\n")
problems = []
for line in open(sys.argv[2], encoding="utf-8"):
    if line.startswith("#") or not line.strip():
        continue
    key, lines, text = line.rstrip("\n").split("\t")
    a, z = (int(x) for x in lines[1:].split("-"))
    joined = " ".join(rep[i - 1].strip() for i in range(a, z + 1) if rep[i - 1].strip())
    if text not in joined:
        problems.append("%s: not found at %s" % (key, lines))
print("\n".join(problems) if problems else "ok")
EOF
    expect_eq "banks: the excerpts are the report's words at their lines" "ok" "$(cat "$T/excerpts.out")"
fi

# --- It-säkkollen: the mean runs from 1.0 to 4.0 ---
K new "$T/it.ini" --org Testkommun --group kommun --bank $IT >/dev/null 2>&1
cp "$T/it.ini" "$T/it-high.ini"
answer_all "$T/it-high.ini" 1 41 4
cp "$T/it.ini" "$T/it-low.ini"
answer_all "$T/it-low.ini" 1 41 1
level() { K check "$1" --json 2>/dev/null | python3 -c 'import json,sys; print("%.1f" % json.load(sys.stdin)["level"])' 2>/dev/null; }
expect_eq "banks: It-säkkollen all stämmer helt gives 4.0" "4.0" "$(level "$T/it-high.ini")"
expect_eq "banks: It-säkkollen all stämmer inte gives 1.0" "1.0" "$(level "$T/it-low.ini")"
K bank $IT --json 2>/dev/null | python3 -c '
import json, sys
b = json.load(sys.stdin)
ok = (len(b["questions"]) == 41 and b["scale"] == ["Stämmer inte", "Stämmer knappt", "Stämmer väl", "Stämmer helt"]
      and b["levels"][1] == "Bristfälligt skydd" and b["levels"][2] == "Visst skydd")
print("ok" if ok else "bad")' >"$T/it.out" 2>&1
expect_eq "banks: It-säkkollen has 41 statements, MSB's scale and MSB's level names 2 and 3" "ok" \
    "$(cat "$T/it.out")"
