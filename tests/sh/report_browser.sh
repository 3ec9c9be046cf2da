#!/bin/sh
# The HTML report in a real browser: headless Chromium loads the file (--dump-dom) and the DOM
# it built must hold the peers chart (diagram 22: a row per work area, the organisation's bar
# on the measure of the group's published values) whose every number is also in the table
# after it (the text alternative), no role=img and no script. Chromium (Debian's `chromium`) is installed by the
# Makefile's deps target (`make test` and `make test-browser` as root); without it the test is
# SKIPPED, loudly. `make test-browser` runs this alone; KOLLEN_SCREENSHOT=FILE.png also saves a
# screenshot for a human look.
if [ -z "${RESULTS:-}" ]; then
    RESULTS=$(mktemp) && standalone=1 && export RESULTS
fi
. tests/lib.sh

find_browser() {
    for b in chromium chromium-browser google-chrome; do
        command -v "$b" 2>/dev/null && return 0
    done
    return 1
}
B=$(find_browser)
if [ -z "$B" ]; then
    echo "report-browser: to run this test: sudo make deps DEPS=browser (or sudo apt-get install -y --no-install-recommends chromium)" >&2
    echo "#### SKIP report-browser: no chromium; the HTML report was NOT checked in a browser ####" >&2
    echo "SKIP report-browser: chromium not installed" >>"$RESULTS"
    [ -n "${standalone:-}" ] && { rm -f "$RESULTS"; echo "0 passed, 0 failed, 1 skipped"; }
    exit 0
fi

private_tmp browser
export SOURCE_DATE_EPOCH=1764316800

# run_browser OUT.html: Chromium's DOM of the page, within a time limit
dom() {
    timeout 60 "$B" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync \
        --disable-dev-shm-usage --user-data-dir="$T/profile" --dump-dom "file://$1" 2>"$T/browser.err"
}

# check_bank NAME QUESTIONS_DIR BANK: a session with some answers, its HTML report in Chromium
check_bank() {
    name=$1 qdir=$2 bank=$3
    S="$T/$bank.ini"
    "$KOLLEN" --questions "$qdir" new "$S" --org "Ökenby kommun" --group kommun --bank "$bank" \
        --facilitator "Åsa Ek" --participant "Bo Berg: CISO" >/dev/null 2>&1
    first=$("$KOLLEN" --questions "$qdir" bank "$bank" --json 2>/dev/null |
        python3 -c 'import json,sys; print(json.load(sys.stdin)["questions"][0]["number"])' 2>/dev/null)
    [ -n "$first" ] && "$KOLLEN" --questions "$qdir" set "$S" "$first" 1 -q \
        --note '<script>document.title="pwned"</script> åäö' >/dev/null 2>&1
    "$KOLLEN" --questions "$qdir" report "$S" -o "$T/$bank.html" 2>/dev/null
    start=$(date +%s)
    dom "$T/$bank.html" >"$T/$bank.dom"
    rc=$?
    secs=$(($(date +%s) - start))
    if [ $rc -ne 0 ] || [ ! -s "$T/$bank.dom" ]; then
        fail "report-browser: $name: chromium rendered the report" "exit $rc: $(tail -n 3 "$T/browser.err")"
        return
    fi
    pass "report-browser: $name: chromium rendered the report (${secs} s)"
    sed -n 's/^name = //p' "$qdir/$bank/areas.ini" >"$T/areas"
    # the organisation's bars: one per row (overall and each area) it has a value for, and the
    # legend's; the value is its indicative level, the measure of the group's published values
    want_org=$("$KOLLEN" --questions "$qdir" check "$S" --json 2>/dev/null | python3 -c '
import json, sys
d = json.load(sys.stdin)
rows = [d["level"]] + [a["level"] for a in d["areas"] if a["scored"]]
print(1 + sum(v is not None for v in rows), len(rows))')
    python3 - "$T/$bank.dom" "$T/areas" $want_org <<'EOF' >"$T/py.out" 2>&1
import sys, html.parser
dom = open(sys.argv[1], encoding="utf-8").read()
areas = [a.strip() for a in open(sys.argv[2], encoding="utf-8") if a.strip()]
want_org, want_rows = int(sys.argv[3]), int(sys.argv[4])
class P(html.parser.HTMLParser):
    def __init__(s):
        super().__init__(); s.fig = None; s.peers = 0; s.rows = 0; s.org = 0; s.vals = []
        s.labels = []; s.cells = []; s.intext = None; s.incell = 0; s.hidden = 0; s.roleimg = 0
        s.scripts = 0; s.title = ""; s.intitle = 0; s.insvg = 0; s.last = None
    def handle_starttag(s, tag, attrs):
        a = dict(attrs)
        if a.get("role") == "img": s.roleimg += 1
        if tag == "figure": s.fig = a.get("class", "")
        if tag == "table" and a.get("class") == "data" and s.last == "peers": s.fig = "peers table"
        if s.fig and "peers" in s.fig:
            if tag == "svg": s.peers += 1; s.insvg = 1; s.hidden += a.get("aria-hidden") == "true"
            if tag == "g" and a.get("class") == "row": s.rows += 1
            if tag == "rect" and a.get("class") == "s0": s.org += 1
            if tag == "text" and s.insvg: s.intext = a.get("class", "")
            if tag in ("td", "th") and not s.insvg: s.incell = 1; s.cells.append("")
        if tag == "script": s.scripts += 1
        if tag == "title": s.intitle = 1
    def handle_endtag(s, tag):
        if tag == "text": s.intext = None
        if tag == "svg": s.insvg = 0
        if tag in ("td", "th"): s.incell = 0
        if tag == "figure": s.last = "peers" if s.fig and "peers" in s.fig else None; s.fig = None
        if tag == "table" and s.fig == "peers table": s.fig = None; s.last = None
        if tag == "title": s.intitle = 0
    def handle_data(s, d):
        if s.intext == "val": s.vals.append(d.strip())
        elif s.intext == "lab": s.labels.append(d.strip())
        if s.incell: s.cells[-1] += d
        if s.intitle: s.title += d
p = P(); p.feed(dom)
problems = []
if p.peers != 1: problems.append("peers charts: %d" % p.peers)
if p.hidden != p.peers: problems.append("a chart not hidden behind its table")
if p.roleimg: problems.append("role=img: %d" % p.roleimg)
if p.rows != want_rows: problems.append("chart rows: %d, want %d" % (p.rows, want_rows))
if p.org != want_org: problems.append("organisation bars: %d, want %d (with the legend's)" % (p.org, want_org))
cells = [c.strip() for c in p.cells]
missing = [v for v in p.vals if v not in cells]
if missing: problems.append("numbers drawn but not in the table: %s" % missing[:5])
scored = [a for a in areas if a in p.labels]
if len(scored) + 1 != want_rows: problems.append("area names in the chart: %d" % len(scored))
missing = [a for a in scored if a not in cells]
if missing: problems.append("areas missing from the chart's table: %s" % missing)
if p.scripts: problems.append("script elements: %d" % p.scripts)
if "pwned" in p.title: problems.append("a note changed the title")
print("; ".join(problems))
sys.exit(1 if problems else 0)
EOF
    if [ $? -eq 0 ]; then
        pass "report-browser: $name: the peers chart in the DOM: a row and a bar per work area, every number drawn also in its table, no role=img, no script"
    else
        fail "report-browser: $name: the peers chart in the DOM" "$(head -c 400 "$T/py.out")"
    fi
    if [ -n "${KOLLEN_SCREENSHOT:-}" ]; then
        timeout 60 "$B" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
            --disable-background-networking --disable-component-update --disable-sync \
            --user-data-dir="$T/profile" --window-size=900,2600 \
            --screenshot="${KOLLEN_SCREENSHOT%.png}-$bank.png" "file://$T/$bank.html" >/dev/null 2>&1
    fi
}

check_bank fixture tests/fixtures/report rapport
# the shipped bank too, when it is there (its numbers are not part of any golden)
[ -f questions/infosakkollen-2023/areas.ini ] && check_bank infosakkollen-2023 questions infosakkollen-2023

standalone_end
