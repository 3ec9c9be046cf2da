#!/bin/sh
# The report's outputs in the programs their readers use (issue 11):
# - the workbook (xlsx) and the Swedish CSV opened in LibreOffice Calc headless, with Swedish
#   settings for the CSV, converted in one soffice call and read back: every note byte for byte
#   in one cell (a 64 KiB note, the largest a session holds, over the cells a workbook needs),
#   the answer "1,10" as text, no formula cell anywhere, numbers as numbers, dates as dates, a
#   plan step tracked with `kollen plan --assign/--status` in the Åtgärdsplan sheet;
# - the HTML printed to PDF by headless Chromium: the summary is page 1 and fits it, page 1 is
#   not half empty, every page carries the organisation, the date, its number and the marking;
#   bar colours at least 3:1 and text at least 4.5:1 against white.
# LibreOffice (Debian's libreoffice-calc-nogui), Chromium and poppler-utils come from the
# Makefile's deps step when root; a missing one is a loud SKIP. The sanitizer pass leaves this
# file out: it runs the same kollen code as the plain pass and only adds minutes.
if [ -z "${RESULTS:-}" ]; then
    RESULTS=$(mktemp) && standalone=1 && export RESULTS
fi
. tests/lib.sh

if [ -n "${LABEL:-}" ]; then
    exit 0
fi

private_tmp office
export SOURCE_DATE_EPOCH=1764316800
K() { "$KOLLEN" --questions questions "$@"; }

# A workshop on the shipped bank with the texts a spreadsheet could get wrong.
S="$T/okenby.ini"
K new "$S" --org "Ökenby kommun" --group kommun --date 2026-11-28 --facilitator "Åsa Ek" \
    --participant "Bo Berg: CISO" >/dev/null
for q in 2 3 4 5 6 7 8 9 12 13; do K set "$S" $q 1,2 -q; done
K set "$S" 1 3 -q
K set "$S" 10 2 -q
K set "$S" 11 2 -q
K set "$S" 15 1 -q
NOTE1=$(printf '=1+1 står först; "citat" och ;semikolon\n  två blanksteg först, åäö ÅÄÖ och 😀\nhttps://intra.kommun.se/risk\n-5 och +7 och @SUM(1)')
K set "$S" 14 1,10 -q --note "$NOTE1" --evidence 'KS 2026/1;=1+1' --evidence '@HYPERLINK("x")' --followup yes
K set "$S" 4 1,2 -q --note "$(printf 'Rad ett\nRad två')"
# the largest note a session holds: 65536 bytes of UTF-8 (more characters than a cell takes)
python3 -c '
import sys
b = ("Lång anteckning åäö 😀\n" * 3000).encode()[:65536 - 40]
b = b.decode("utf-8", "ignore").encode()
sys.stdout.buffer.write(b + b"x" * (65536 - 4 - len(b)) + b"slut")' >"$T/long.txt"
K set "$S" 5 1,2 -q --note "$(cat "$T/long.txt")"
K plan "$S" --assign 14 "Bo Berg" --due 2027-03-01 >/dev/null
K plan "$S" --status 14 started >/dev/null
K report "$S" -o "$T/r.xlsx" 2>/dev/null
K report "$S" -o "$T/r.csv" 2>/dev/null
K report "$S" -o "$T/r.html" --marking "Begränsad delning" 2>/dev/null
expect_eq "report-office: the workbook is private (0600)" 600 "$(stat -c %a "$T/r.xlsx")"

# --- LibreOffice: one soffice call for the workbook and the CSV (Swedish settings: ';', UTF-8,
# Swedish numbers, quoted fields not forced to text) ---
SOFFICE=$(command -v soffice || command -v libreoffice)
if [ -z "$SOFFICE" ]; then
    echo "#### SKIP report-office: no LibreOffice; the xlsx and CSV were NOT checked in a spreadsheet (sudo make deps DEPS=test) ####" >&2
    echo "SKIP report-office: LibreOffice not installed" >>"$RESULTS"
else
    cp "$T/r.xlsx" "$T/book.xlsx"
    cp "$T/r.csv" "$T/sheet.csv"
    start=$(date +%s)
    HOME="$T" timeout 180 "$SOFFICE" --headless --norestore \
        -env:UserInstallation=file://"$T/lo-profile" \
        --infilter="CSV:59,34,76,1,,1053,false,false" --convert-to fods --outdir "$T" \
        "$T/book.xlsx" "$T/sheet.csv" >"$T/soffice.out" 2>&1
    secs=$(($(date +%s) - start))
    if [ -s "$T/book.fods" ] && [ -s "$T/sheet.fods" ]; then
        pass "report-office: LibreOffice opened the workbook and the Swedish CSV (${secs} s, one call)"
    else
        fail "report-office: LibreOffice opened the workbook and the Swedish CSV" "$(tail -n 3 "$T/soffice.out")"
    fi
    python3 tests/tools/office_check.py "$T/book.fods" "$T/sheet.fods" "$S" "$T/long.txt" \
        >"$T/py.out" 2>&1
    py_checks report-office "$T/py.out"
fi

# --- Chromium: the HTML printed to A4 ---
B=""
for b in chromium chromium-browser google-chrome; do
    command -v "$b" >/dev/null 2>&1 && B=$b && break
done
if [ -z "$B" ] || ! command -v pdftotext >/dev/null 2>&1; then
    echo "#### SKIP report-print: no chromium or pdftotext; the printed report was NOT checked (sudo make deps DEPS=test) ####" >&2
    echo "SKIP report-print: chromium or poppler-utils not installed" >>"$RESULTS"
else
    timeout 90 "$B" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync \
        --disable-dev-shm-usage --user-data-dir="$T/chrome" --no-pdf-header-footer \
        --print-to-pdf="$T/r.pdf" "file://$T/r.html" >/dev/null 2>"$T/chrome.err"
    pages=$(pdfinfo "$T/r.pdf" 2>/dev/null | sed -n 's/^Pages: *//p')
    if [ -n "$pages" ] && [ "$pages" -gt 1 ]; then
        pass "report-print: Chromium printed the report ($pages pages of A4)"
    else
        fail "report-print: Chromium printed the report" "$(tail -n 3 "$T/chrome.err")"
        pages=0
    fi
    python3 tests/tools/print_check.py "$T/r.pdf" "$pages" "$T/r.html" >"$T/py.out" 2>&1
    py_checks report-print "$T/py.out"
fi

standalone_end
