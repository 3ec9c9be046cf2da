#!/bin/sh
# Plans, reports and diffs: golden output of every format on a fixture session, plans that
# once applied with `kollen set` reach their target, and hostile notes that must not break or
# inject into any format. KOLLEN_UPDATE_GOLDEN=1 rewrites the golden files (review the diff).
. tests/lib.sh

G=tests/golden/report
LAYER=report
private_tmp report
export SOURCE_DATE_EPOCH=1764316800 # 2025-11-28T08:00:00Z
K() { "$KOLLEN" --questions tests/fixtures/report "$@"; }
Q() { K set "$@" -q; }

# A workshop as a facilitator would record it: 2021, then 2023 with more done.
OLD="$T/ws2021.ini"
NEW="$T/ws2023.ini"
K new "$OLD" --org "Ökenby kommun" --group kommun --bank rapport --date 2021-05-03 \
    --facilitator "Åsa Ek" --participant "Bo Berg: CISO" --participant "Cia Dahl: säkerhetschef" >/dev/null
Q "$OLD" 1 1 --note "Policyn beslutades i KS 2019; ingen uppföljning än."
Q "$OLD" 2 2 --note "Bara förvaltningen för äldreomsorg har gjort riskanalyser."
Q "$OLD" 3 1,3 --evidence "Incidentrutin v1.2" --followup yes
Q "$OLD" 4 1
Q "$OLD" 9 1
K new "$NEW" --org "Ökenby kommun" --group kommun --bank rapport --date 2023-09-14 \
    --facilitator "Åsa Ek" --participant "Bo Berg: CISO" --participant "Dan Ek: IT-chef" >/dev/null
Q "$NEW" 1 1,2 --note "Policyn reviderad 2022 och kommunicerad på intranätet." --evidence "KS 2022-03-14 §41"
Q "$NEW" 2 3 --evidence "Riskanalyser 2023 (sammanställning)"
Q "$NEW" 3 1,2 --evidence "Incidentrutin v2.0" --evidence "Loggbok 2023"
Q "$NEW" 4 1,2 --documented yes
Q "$NEW" 5 1,2 --note "Hot och sårbarheter saknas för skolorna." --evidence "Riskregister"
Q "$NEW" 6 1
Q "$NEW" 7 3
Q "$NEW" 9 1 --followup yes --note "$(printf 'Fråga IT-chefen.\nSvaren stäms av i mars.')"
# what the room decided, as the workshop screens record it (the session format's keys): a
# parked question with its reason, a disputed answer and one decided with a reservation
record() { # SESSION QUESTION KEY=VALUE...: keys added to the question's answer section
    python3 - "$@" <<'EOF'
import sys
path, q, keys = sys.argv[1], sys.argv[2], sys.argv[3:]
lines = open(path, encoding="utf-8").read().split("\n")
i = lines.index("[answer.%s]" % q)
lines[i + 1:i + 1] = [k.replace("=", " = ", 1) for k in keys]
open(path, "w", encoding="utf-8").write("\n".join(lines))
EOF
}
record "$NEW" 6 "parked=yes" "park_reason=Övningsplanen är inte klar"
record "$NEW" 7 "dissent_by.1=IT-chefen" "dissent.1=Leverantörerna följs inte upp"
record "$NEW" 3 "agreed=yes" "dissent_by.1=Bo Berg" "dissent.1=Lärandet saknas i praktiken"
K new "$T/period.ini" --org X --group kommun --bank rapport >/dev/null 2>&1

# plan steps tracked between workshops: kept in the session, shown by the plan and the report
golden plan-assign 0 K plan "$NEW" --assign 7 "Bo Berg" --due 2023-12-31
golden plan-status 0 K plan "$NEW" --status 7 started
golden plan-status-sv 0 K plan "$NEW" --status 6 klar
golden plan-track-bad-date 1 K plan "$NEW" --assign 6 "Cia" --due 2023-02-30
golden plan-track-bad-status 1 K plan "$NEW" --status 6 finished
golden plan-track-no-question 1 K plan "$NEW" --due 2024-01-01
golden plan-track-two-questions 1 K plan "$NEW" --assign 6 X --status 7 done
golden plan-track-unknown 2 K plan "$NEW" --assign 99 X
golden plan-next 0 K plan "$NEW"
golden plan-next-md 0 K plan "$NEW" --format md
golden plan-next-json 0 K plan "$NEW" --json
golden plan-level3 0 K plan "$NEW" --target level 3
golden plan-msbfs 0 K plan "$NEW" --target msbfs
golden plan-group 0 K plan "$OLD" --target group myndighet
golden plan-group-own-md 0 K plan "$NEW" --target=group --format md
golden plan-en 0 K --lang en plan "$OLD" --target level 2
golden plan-bad-target 1 K plan "$NEW" --target nivå
golden plan-bad-level 2 K plan "$NEW" --target level 7
golden plan-no-target 2 K plan "$NEW" --target target nosuch
golden plan-bad-format 1 K plan "$NEW" --format html
golden report-md 0 K report "$NEW"
# the workshop before (--since) and a marking on every page; the same bank only
golden report-since-md 0 K report "$NEW" --since "$OLD" --marking "Begränsad delning"
golden report-since-html 0 K report "$NEW" --since "$OLD" --marking "Begränsad <delning> \"x\"" --format html
golden report-marking-bad 1 K report "$NEW" --marking "$(printf 'två\nrader')"
golden report-since-missing 2 K report "$NEW" --since "$T/nosuch.ini"
golden report-md-en 0 K --lang en report "$NEW" --format md
golden report-html 0 K report "$NEW" --format html
golden report-csv 0 K report "$NEW" --format csv
golden report-csv-en 0 K --lang en report "$NEW" --format csv
# the workbook as its cells (tests/tools/xlsx_dump.py; a formula cell fails it)
xlsx_cells() { K "$@" -o "$T/cells.xlsx" 2>/dev/null && python3 tests/tools/xlsx_dump.py "$T/cells.xlsx"; }
golden report-xlsx 0 xlsx_cells report "$NEW" --marking "Begränsad & intern"
golden report-xlsx-en 0 xlsx_cells --lang en report "$NEW"
# libxlsxwriter (and the libcrypto it brings) is loaded when a workbook is written, by no
# other command (src/cli/xlsx_lib.c): the dynamic loader's list of what it loads
loaded() { LD_DEBUG=libs "$@" 2>&1 >/dev/null | grep -oE 'lib(xlsxwriter|crypto)[.]so[^ ]*' | sort -u; }
got=$(loaded K check "$NEW"; loaded K report "$NEW" --format html; loaded "$KOLLEN" --version)
if [ -z "$got" ]; then
    pass "report: no command but a workbook loads libxlsxwriter"
else
    fail "report: no command but a workbook loads libxlsxwriter" "$got"
fi
if loaded K report "$NEW" --format xlsx -o "$T/loaded.xlsx" | grep -q xlsxwriter; then
    pass "report: the workbook loads libxlsxwriter"
else
    fail "report: the workbook loads libxlsxwriter" "not seen in LD_DEBUG=libs"
fi
golden report-bad-format 1 K report "$NEW" --format pdf
golden diff 0 K diff "$OLD" "$NEW"
golden diff-json 0 K diff "$OLD" "$NEW" --json
golden diff-en 0 K --lang en diff "$OLD" "$NEW"
# a diff of another organisation warns; multi-line notes keep their lines, "none" in words
OTHER="$T/other.ini"
K new "$OTHER" --org "Västby kommun" --group kommun --bank rapport --date 2023-10-01 >/dev/null
Q "$OTHER" 1 none --note "$(printf 'Första raden\nandra raden\n\n  fjärde, indragen')"
golden diff-other-org 0 K diff "$NEW" "$OTHER"
golden check-bench 0 K check "$NEW"
golden check-bench-json 0 K check "$NEW" --json
"$KOLLEN" --questions tests/fixtures/good new "$T/mini.ini" --org X --group kommun --bank mini >/dev/null
golden diff-other-bank 2 "$KOLLEN" --questions tests/fixtures/good diff "$T/mini.ini" "$NEW"
# Cybersäkerhetskollen: a session names its companion of the other bank (kollen new
# --companion, relative to its folder); the report shows both side by side, each by its own
# model, never one number
mkdir -p "$T/q" && mkdir -m 700 "$T/cyber"
ln -s "$(pwd)/tests/fixtures/report/rapport" "$T/q/rapport"
ln -s "$(pwd)/tests/fixtures/good/miniscale" "$T/q/miniscale"
KC() { "$KOLLEN" --questions "$T/q" "$@"; }
KC new "$T/cyber/info.ini" --org "Ökenby kommun" --group kommun --bank rapport --date 2023-09-14 \
    --companion it >/dev/null
KC new "$T/cyber/it.ini" --org "Ökenby kommun" --group kommun --bank miniscale --date 2023-09-14 \
    --companion info >/dev/null
KC set "$T/cyber/info.ini" 1 1,2 -q
KC set "$T/cyber/info.ini" 2 2 -q
KC set "$T/cyber/info.ini" 3 1 -q
for q in 1 2 3; do KC set "$T/cyber/it.ini" $q 3 -q; done
golden report-companion-md 0 KC report "$T/cyber/info.ini"
golden report-companion-scale-md 0 KC report "$T/cyber/it.ini"
KC new "$T/cyber/lost.ini" --org X --group kommun --bank rapport --companion gone >/dev/null
golden report-companion-missing 2 KC report "$T/cyber/lost.ini"
KC new "$T/cyber/twin.ini" --org X --group kommun --bank rapport --companion info >/dev/null
KC report "$T/cyber/twin.ini" >"$T/twin.md" 2>"$T/twin.err"
if grep -q "samma frågebank" "$T/twin.err" && ! grep -q "Cybersäkerhetskollen" "$T/twin.md"; then
    pass "report: a companion of the same bank is not shown, with a warning"
else fail "report: a companion of the same bank" "$(head -c 200 "$T/twin.err")"; fi
golden check-no-bench-json 0 "$KOLLEN" --questions tests/fixtures/good check "$T/mini.ini" --json
# a scale bank (It-säkkollen's kind): plans in steps on the scale, reports without points
KS() { "$KOLLEN" --questions tests/fixtures/good "$@"; }
KS new "$T/scale.ini" --org "Myndigheten för test" --group myndighet --bank miniscale >/dev/null
KS set "$T/scale.ini" 1 1 -q
KS set "$T/scale.ini" 2 2 -q --note "Kryptering under överföring: TLS överallt utom i ett gammalt system."
KS set "$T/scale.ini" 3 1 -q
golden plan-scale 0 KS plan "$T/scale.ini"
golden report-scale-md 0 KS report "$T/scale.ini"

# limits: a marking of 100 bytes is printed, 101 refused; a step's owner of 200 bytes is kept,
# 201 refused with the session unchanged
M100=$(python3 -c 'print("Å" * 50)')
M101=$(python3 -c 'print("Å" * 50 + "x")')
if K report "$NEW" --marking "$M100" | grep -qF "**$M100**"; then pass "report: a marking of 100 bytes is printed"
else fail "report: a marking of 100 bytes is printed" "not in the report"; fi
if K report "$NEW" --marking "$M101" >/dev/null 2>&1; then fail "report: a marking of 101 bytes is refused" "exit 0"
else pass "report: a marking of 101 bytes is refused"; fi
O200=$(python3 -c 'print("Ö" * 100)')
O201=$(python3 -c 'print("Ö" * 100 + "x")')
cp "$NEW" "$T/owner.ini"
K plan "$T/owner.ini" --assign 5 "$O200" >/dev/null
expect_eq "report: a step's owner of 200 bytes is kept" "fråga 5: $O200 · öppen" \
    "$(K plan "$T/owner.ini" --assign 5 "$O200")"
cp "$T/owner.ini" "$T/owner.before"
if K plan "$T/owner.ini" --assign 5 "$O201" >/dev/null 2>&1; then fail "report: an owner of 201 bytes is refused" "exit 0"
elif cmp -s "$T/owner.ini" "$T/owner.before"; then pass "report: an owner of 201 bytes is refused, the session unchanged"
else fail "report: an owner of 201 bytes is refused" "the session changed"; fi

# -o: written atomically, 0600, format from the extension
K report "$NEW" -o "$T/out.html" 2>/dev/null
expect_eq "report: -o FILE.html is 0600" 600 "$(stat -c %a "$T/out.html")"
if K report "$NEW" --format html | cmp -s - "$T/out.html"; then pass "report: -o .html picks HTML"
else fail "report: -o .html picks HTML" "differs from --format html"; fi
K report "$NEW" -o "$T/out.csv" 2>/dev/null
if head -n 1 "$T/out.csv" | grep -q '^.*Fråga;Arbetsområde;'; then pass "report: -o .csv picks CSV"
else fail "report: -o .csv picks CSV" "$(head -n 1 "$T/out.csv")"; fi

# --- plans carried out with `kollen set` reach their target ---
# apply_plan SESSION PLAN.json: one `kollen set` per question of the plan: the union of the
# options ticked now (read from the session file) and the plan's (ANSWER is the full set), or
# the plan's choice; --documented yes where the plan asks for evidence.
apply_plan() {
    python3 - "$1" "$2" <<'EOF' >"$T/apply.sh"
import json, re, shlex, sys
session, planfile = sys.argv[1], sys.argv[2]
now, sec = {}, None
for line in open(session, encoding="utf-8"):
    m = re.match(r"\[answer\.(\d+)\]", line)
    if m: sec = int(m.group(1)); continue
    if line.startswith("["): sec = None
    m = re.match(r"value = (.*)", line.strip())
    if sec is not None and m: now[sec] = m.group(1)
plan = json.load(open(planfile))["plan"]
todo = {}
for it in plan["items"]:
    t = todo.setdefault(it["question"], {"tick": set(), "choice": None, "doc": False})
    t["tick"].update(it["tick"])
    if it["choice"] is not None: t["choice"] = max(t["choice"] or 0, it["choice"])
    t["doc"] = t["doc"] or it["document"]
for q, t in sorted(todo.items()):
    v = now.get(q, "none")
    if t["choice"] is not None:
        ans = str(t["choice"])
    elif v == "all":
        ans = "all"
    else:
        have = set() if v == "none" else {int(x) for x in v.split(",")}
        ans = ",".join(str(o) for o in sorted(have | t["tick"])) or "none"
    print("K set %s %d %s -q%s" % (shlex.quote(session), q, ans, " --documented yes" if t["doc"] else ""))
EOF
}
for target in next "level 3" msbfs "group myndighet" "group region" "benchmark kommun-30"; do
    S="$T/apply.ini"
    cp "$OLD" "$S"
    K plan "$S" --target "$target" --json >"$T/plan.json"
    goal=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["plan"]["goal_level"])' "$T/plan.json")
    before=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["plan"]["met"])' "$T/plan.json")
    apply_plan "$S" "$T/plan.json"
    . "$T/apply.sh" >/dev/null 2>"$T/apply.err"
    level=$(K check "$S" --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["level"])')
    again=$target
    [ "$target" = next ] && again="level $goal" # the next level is now one higher
    met=$(K plan "$S" --target "$again" --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["plan"]["met"])')
    if [ "$before" = False ] && [ "$met" = True ] && [ "$level" -ge "$goal" ]; then
        pass "report: plan --target $target carried out with kollen set reaches it (level $level)"
    else
        fail "report: plan --target $target carried out" "met before=$before after=$met level=$level goal=$goal $(head -c 200 "$T/apply.err")"
    fi
done

# --- hostile text: must not break or inject into any format ---
H="$T/hostile.ini"
NOTE=$(printf '<script>alert(1)</script> | a | b |\n* list\n# head\n> quote\n1. ordered\n```\n[x](javascript:alert(1)) <img src=x onerror=alert(1)> &amp; "dq" '"'"'sq'"'"' _u_ `tick` \\ $x$\n\033[31mred\033[0m\033]0;title\007 end')
K new "$H" --org '<b>Org</b> | "x" *y*' --group kommun --bank rapport \
    --facilitator "=cmd|' /C calc'!A0" --participant '<i>Eve</i>: |role|' >/dev/null
Q "$H" 1 1,2 --note "$NOTE" --evidence '=HYPERLINK("http://evil")' --evidence '<script>x</script>'
Q "$H" 2 3 --note '-2+3' --evidence '@SUM(1)'
Q "$H" 3 1 --note "$(printf 'tab\tstart')" --evidence 'KS 2026/1;=1+1' 
Q "$H" 4 1 --note '+1'

K report "$H" --format html >"$T/h.html"
K report "$H" --format md >"$T/h.md"
K report "$H" --format csv >"$T/h.csv"
K plan "$H" --json >"$T/h.plan.json"
K diff "$H" "$NEW" --json >"$T/h.diff.json"
K check "$H" --json >"$T/h.check.json"
K plan "$H" >"$T/h.plan.txt"
K plan "$H" --format md >"$T/h.plan.md"
K diff "$H" "$NEW" >"$T/h.diff.txt"
K check "$H" >"$T/h.check.txt"

# terminal and every file: not one control character besides newline (and CR in CSV)
for f in h.html h.md h.plan.txt h.plan.md h.diff.txt h.check.txt h.plan.json h.diff.json h.check.json; do
    if tr -d '\n' <"$T/$f" | LC_ALL=C grep -q '[[:cntrl:]]'; then
        fail "report: hostile: no control characters in $f" "$(LC_ALL=C grep -n '[[:cntrl:]]' "$T/$f" | head -n 2)"
    else
        pass "report: hostile: no control characters in $f"
    fi
done
if tr -d '\r\n' <"$T/h.csv" | LC_ALL=C grep -q '[[:cntrl:]]'; then
    fail "report: hostile: no control characters in CSV" "found"
else pass "report: hostile: no control characters in CSV"; fi

# HTML: parsed, only kollen's own elements, no script or event handler; the note comes back
# as text exactly (control characters removed)
python3 - "$T/h.html" "$NOTE" <<'EOF' >"$T/py.out" 2>&1
import sys, html.parser, re
src = open(sys.argv[1], encoding="utf-8").read()
note = re.sub(r"[\x00-\x08\x0b-\x1f\x7f]", "", sys.argv[2])
allowed = {"html","head","meta","title","style","body","header","main","section","h1","h2","h3",
           "h4","h5","p","br","dl","dt","dd","table","thead","tbody","tr","th","td","ul","li",
           "strong","span","div","svg","desc","g","rect","line","text","aside","ol","figure",
           "figcaption","caption"}
class P(html.parser.HTMLParser):
    def __init__(s):
        super().__init__(); s.bad = []; s.notes = []; s.innote = 0; s.buf = ""
    def handle_starttag(s, tag, attrs):
        if tag not in allowed: s.bad.append(tag)
        for k, v in attrs:
            if k.startswith("on") or (v and "javascript:" in v): s.bad.append(k)
        if tag == "div" and ("class", "note") in attrs: s.innote = 1; s.buf = ""
    def handle_endtag(s, tag):
        if tag == "div" and s.innote: s.notes.append(s.buf); s.innote = 0
    def handle_data(s, d):
        if s.innote: s.buf += d
p = P(); p.feed(src)
ok = True
if p.bad: print("foreign markup:", p.bad); ok = False
if "<script" in src.lower(): print("<script in source"); ok = False
got = [n.replace("\n", "") for n in p.notes]
if note.replace("\n", "") not in got: print("note not intact:", got[:1]); ok = False
if "default-src 'none'" not in src: print("no CSP"); ok = False
sys.exit(0 if ok else 1)
EOF
if [ $? -eq 0 ]; then pass "report: hostile: HTML holds only kollen's markup, the note intact"
else fail "report: hostile: HTML" "$(head -c 400 "$T/py.out")"; fi

# CSV: RFC 4180 parse with each language's separator gives one row per question, 16 fields,
# texts intact, formulas defused, every field holding either separator quoted (issue 11: the
# evidence "KS 2026/1;=1+1" must stay one field, never a formula after the ';')
K --lang en report "$H" --format csv >"$T/h.en.csv"
python3 - "$T/h.csv" "$T/h.en.csv" "$NOTE" <<'EOF' >"$T/py.out" 2>&1
import csv, sys, re
note = re.sub(r"[\x00-\x08\x0b-\x1f\x7f]", "", sys.argv[3]).replace("\t", " ")
ok = True
for path, sep, bom in ((sys.argv[1], ";", True), (sys.argv[2], ",", False)):
    raw = open(path, "rb").read()
    if raw.startswith(b"\xef\xbb\xbf") != bom: print(path, "BOM", not bom); ok = False
    rows = list(csv.reader(open(path, newline="", encoding="utf-8-sig"), delimiter=sep))
    if len(rows) != 10 or any(len(r) != 16 for r in rows): print("shape", len(rows), [len(r) for r in rows]); ok = False; continue
    byq = {r[0]: r for r in rows[1:]}
    if byq["1"][11].replace("\r\n", "\n") != note: print("note", repr(byq["1"][11][:80])); ok = False
    if byq["1"][12].split("\r\n")[0] != "'=HYPERLINK(\"http://evil\")": print("evidence", repr(byq["1"][12])); ok = False
    if byq["2"][11] != "'-2+3" or byq["4"][11] != "'+1" or not byq["2"][12].startswith("'@"): print("formula", byq["2"][11], byq["4"][11]); ok = False
    if "KS 2026/1;'=1+1" not in byq["3"][12].split("\r\n"): print("; inside a field", repr(byq["3"][12])); ok = False
    for other in (";", ","):  # opened with the other separator, no field starts a formula
        for r in csv.reader(open(path, newline="", encoding="utf-8-sig"), delimiter=other):
            for f in r:
                if f[:1] in ("=", "+", "-", "@") and not f.startswith("'"): print(path, "formula", other, repr(f)); ok = False
    if not raw.endswith(b"\r\n"): print("line ends"); ok = False
sys.exit(0 if ok else 1)
EOF
if [ $? -eq 0 ]; then pass "report: hostile: CSV in both forms parses to one row per question, texts intact, formulas defused"
else fail "report: hostile: CSV" "$(head -c 400 "$T/py.out")"; fi

# Markdown: no raw HTML or link can open from user text; tables keep their columns; the note
# stays inside its block quote
python3 - "$T/h.md" <<'EOF' >"$T/py.out" 2>&1
import sys, re
md = open(sys.argv[1], encoding="utf-8").read()
ok = True
for m in re.finditer(r"(?<!\\)[<\[`*_|]", md):
    line = md[md.rfind("\n", 0, m.start()) + 1 : md.find("\n", m.start())]
    ours = (line.startswith("|") or line.startswith("- **") or line.startswith("**")
            or line.startswith("> **") or "<br>" in line and m.group() == "<"
            or md[m.start():m.start() + 8] == "<!-- -->")
    if not ours: print("unescaped", repr(m.group()), "in", repr(line[:90])); ok = False; break
width = None  # every row of a table has as many cells as its header
for line in md.splitlines():
    if not line.startswith("|"): width = None; continue
    cells = len(re.split(r"(?<!\\)\|", line))
    if width is None: width = cells
    elif cells != width: print("table row", cells, "of", width, line[:80]); ok = False
inq = False
for line in md.splitlines():
    if line.startswith("  > "): inq = True; continue
    if inq and line and not line.startswith("  > "): print("note leaked:", line[:80]); ok = False
    inq = False
if "javascript:" in md and "\\[x\\]" not in md: print("link"); ok = False
sys.exit(0 if ok else 1)
EOF
if [ $? -eq 0 ]; then pass "report: hostile: Markdown escapes every user text, tables and quotes hold"
else fail "report: hostile: Markdown" "$(head -c 400 "$T/py.out")"; fi

# Markdown rendered by GitHub's renderer (cmark-gfm with its autolink extension): a URL, a
# www. address or an e-mail address in a note stays text, never a live link (issue 11)
K set "$H" 5 1 -q --note 'Se https://intra.example/risk, www.kommun.se och skriv till bo@okenby.se' \
    --evidence 'http://evil.example/x' >/dev/null
K report "$H" --format md >"$T/h2.md"
if command -v cmark-gfm >/dev/null 2>&1; then
    cmark-gfm -e autolink -e table "$T/h2.md" >"$T/h2.gfm.html"
    if grep -qi '<a ' "$T/h2.gfm.html"; then
        fail "report: Markdown: URLs and e-mail addresses in notes never become links (cmark-gfm)" \
            "$(grep -io '<a [^>]*>' "$T/h2.gfm.html" | head -n 3)"
    elif grep -q 'intra.example/risk' "$T/h2.gfm.html" && grep -q 'bo@' "$T/h2.gfm.html"; then
        pass "report: Markdown: URLs and e-mail addresses in notes never become links (cmark-gfm)"
    else
        fail "report: Markdown: URLs in notes" "the note's text is not in the rendered page"
    fi
else
    echo "#### SKIP report: Markdown autolinks: cmark-gfm not installed (apt-get install cmark-gfm) ####" >&2
    echo "SKIP report: Markdown autolinks: cmark-gfm not installed" >>"$RESULTS"
fi

# JSON: valid, and the note comes back exactly (control characters as \u escapes)
python3 - "$T/h.diff.json" "$NOTE" <<'EOF' >"$T/py.out" 2>&1
import json, sys
d = json.load(open(sys.argv[1]))
q1 = [q for q in d["questions"] if q["question"] == 1][0]
sys.exit(0 if q1["old_note"] == sys.argv[2] else 1)
EOF
if [ $? -eq 0 ]; then pass "report: hostile: diff --json keeps the note exactly"
else fail "report: hostile: diff --json" "$(head -c 300 "$T/py.out")"; fi
for f in h.plan.json h.check.json; do
    if python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$T/$f" 2>/dev/null; then
        pass "report: hostile: $f is valid JSON"
    else fail "report: hostile: $f is valid JSON" "does not parse"; fi
done
