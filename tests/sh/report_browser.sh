#!/bin/sh
# The HTML report in a real browser: headless Chromium loads the file (--dump-dom) and the DOM
# it built must hold the SVG chart with a bar per work area for the organisation and for its
# benchmark, and every work area's name. Chromium (Debian's `chromium`) is installed by the
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

T=$(mktemp -d "${TMPDIR:-/tmp}/kollen-browser.XXXXXX")
chmod 700 "$T"
trap 'rm -rf "$T"' EXIT
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
    # benchmark bars: the legend's and one per value the group's benchmark publishes (-1: none)
    want_bm=$("$KOLLEN" --questions "$qdir" check "$S" --json 2>/dev/null | python3 -c '
import json, sys
b = json.load(sys.stdin).get("benchmark")
print(-1 if not b else 1 + (b["level"] is not None) + sum(v is not None for v in b["areas"].values()))')
    python3 - "$T/$bank.dom" "$T/areas" "${want_bm:--1}" <<'EOF' >"$T/py.out" 2>&1
import sys, html.parser
dom = open(sys.argv[1], encoding="utf-8").read()
areas = [a.strip() for a in open(sys.argv[2], encoding="utf-8") if a.strip()]
class P(html.parser.HTMLParser):
    def __init__(s):
        super().__init__(); s.svg = 0; s.org = 0; s.bm = 0; s.texts = []; s.intext = 0
        s.scripts = 0; s.titles = 0; s.insvg = 0; s.title = ""; s.intitle = 0
    def handle_starttag(s, tag, attrs):
        a = dict(attrs)
        if tag == "svg" and "chart" in (a.get("class") or ""): s.svg += 1; s.insvg = 1
        if tag == "rect" and a.get("class") == "org": s.org += 1
        if tag == "rect" and a.get("class") == "bm": s.bm += 1
        if tag == "text" and s.insvg: s.intext = 1
        if tag == "title" and s.insvg: s.titles += 1
        if tag == "title" and not s.insvg: s.intitle = 1
        if tag == "script": s.scripts += 1
    def handle_endtag(s, tag):
        if tag == "text": s.intext = 0
        if tag == "svg": s.insvg = 0
        if tag == "title": s.intitle = 0
    def handle_data(s, d):
        if s.intext: s.texts.append(d)
        if s.intitle: s.title += d
p = P(); p.feed(dom)
n = len(areas) + 1
problems = []
if p.svg != 1: problems.append("svg charts: %d" % p.svg)
if p.org != n + 1: problems.append("organisation bars: %d, want %d (+1 legend)" % (p.org, n + 1))
want_bm = int(sys.argv[3])
if want_bm >= 0 and p.bm != want_bm: problems.append("benchmark bars: %d, want %d (with the legend's)" % (p.bm, want_bm))
if p.titles < (2 if want_bm >= 0 else 1) * n: problems.append("accessible titles: %d" % p.titles)
missing = [a for a in areas if a not in p.texts]
if missing: problems.append("areas missing in the chart: %s" % missing)
missing = [a for a in areas if dom.count(a) < 2]
if missing: problems.append("areas missing in the page: %s" % missing)
if p.scripts: problems.append("script elements: %d" % p.scripts)
if "pwned" in p.title: problems.append("a note changed the title")
print("; ".join(problems))
sys.exit(1 if problems else 0)
EOF
    if [ $? -eq 0 ]; then
        pass "report-browser: $name: the DOM holds the SVG chart, both bars of all $(wc -l <"$T/areas") work areas and their names, no script"
    else
        fail "report-browser: $name: chart and areas in the DOM" "$(head -c 400 "$T/py.out")"
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

if [ -n "${standalone:-}" ]; then
    passed=$(grep -c '^PASS' "$RESULTS")
    failed=$(grep -c '^FAIL' "$RESULTS")
    rm -f "$RESULTS"
    echo "$passed passed, $failed failed"
    [ "$failed" -eq 0 ]
fi
