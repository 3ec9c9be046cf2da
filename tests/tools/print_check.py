#!/usr/bin/env python3
"""print_check.py REPORT.pdf PAGES REPORT.html: the HTML report as Chromium printed it to A4
(read with pdftotext), and the colours its style sheet gives. One "PASS text" / "FAIL text"
line per check, the details of a failure on the lines before it."""
import html
import re
import subprocess
import sys

from checks import check, done


def page_text(pdf, n):
    return subprocess.run(["pdftotext", "-layout", "-f", str(n), "-l", str(n), pdf, "-"],
                          capture_output=True, text=True).stdout


def page_words(pdf, n):
    """[(yMin, yMax, word)] of page n, and the page's height."""
    out = subprocess.run(["pdftotext", "-bbox", "-f", str(n), "-l", str(n), pdf, "-"],
                         capture_output=True, text=True).stdout
    h = float(re.search(r'<page width="[\d.]+" height="([\d.]+)"', out).group(1))
    words = [(float(a), float(b), html.unescape(w)) for a, b, w in
             re.findall(r'<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</word>', out)]
    return words, h


def luminance(hexcol):
    c = [int(hexcol[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    c = [x / 12.92 if x <= 0.03928 else ((x + 0.055) / 1.055) ** 2.4 for x in c]
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2]


def contrast(hexcol):
    return 1.05 / (luminance(hexcol) + 0.05)


def expand(c):
    c = c.lstrip("#")
    return "".join(ch * 2 for ch in c) if len(c) == 3 else c


def main():
    pdf, pages, src = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    doc = open(src, encoding="utf-8").read()
    texts = [page_text(pdf, n) for n in range(1, pages + 1)]
    p1, p2 = texts[0], texts[1] if pages > 1 else ""

    check("page 1 is the summary: title, level, weakest areas, next steps, follow-up counts",
          all(s in p1 for s in ("resultat för Ökenby kommun", "Arbetsområdena, de svagaste först",
                                "Nästa steg", "Att följa upp", "Flaggade för uppföljning")),
          p1[:600])
    check("the summary fits page 1: page 2 starts with the next section",
          "Workshoppen" in p2 and "Nästa steg" not in p2 and "Flaggade för uppföljning" not in p2,
          p2[:300])
    flat1 = re.sub(r"\s+", " ", p1)
    check("the caveat stands beside the level on page 1",
          "Observera" in p1 and "inte MSB:s officiella" in flat1 and "bedömning" in p1)

    words, height = page_words(pdf, 1)
    body = [w for w in words if 0.08 * height < w[0] < 0.92 * height]  # the page's own text
    last = max((w[1] for w in body), default=0)
    check("page 1 is not half empty: its text reaches %.0f %% of the page" % (100 * last / height),
          last > 0.6 * height)

    heads = [bool(re.search(r"Ökenby kommun · 2026-11-28", t)) for t in texts]
    marks = ["Begränsad delning" in t for t in texts]
    nums = [bool(re.search(r"Sida %d av %d" % (i + 1, pages), t)) for i, t in enumerate(texts)]
    check("every page: the organisation and the date, the marking, \"Sida N av %d\"" % pages,
          all(heads) and all(marks) and all(nums),
          "no header: %s; no marking: %s; no number: %s" % (
              [i + 1 for i, x in enumerate(heads) if not x], [i + 1 for i, x in enumerate(marks) if not x],
              [i + 1 for i, x in enumerate(nums) if not x]))

    cap = "Indikativ nivå per arbetsområde"
    where = [i for i, t in enumerate(texts) if cap in t]
    rows = re.findall(r'<g class="row" data-row="[^"]*">\s*<text class="lab"[^>]*>([^<]*)</text>',
                      doc.split('class="chart peers"')[1].split("</svg>")[0]) if 'class="chart peers"' in doc else []
    rows = [html.unescape(r) for r in rows]
    ok = len(where) == 1 and rows and all(r in texts[where[0]].replace("\n", " ") or
                                          r in re.sub(r"\s+", " ", texts[where[0]]) for r in rows)
    check("the peers chart is whole on one page: its title and all %d row labels" % len(rows), ok,
          "title on pages %s" % [i + 1 for i in where])

    css = doc.split("<style>")[1].split("</style>")[0]
    fills = {m.group(1): expand(m.group(2)) for m in re.finditer(r"\.(s\d)\{fill:#([0-9a-fA-F]{3,6})\}", css)}
    used = set(re.findall(r'class="(s\d)"', doc))
    low = {k: round(contrast(v), 2) for k, v in fills.items() if k in used and contrast(v) < 3}
    check("every bar colour has at least 3:1 against white (%s)" %
          ", ".join("%s %.1f" % (k, contrast(v)) for k, v in sorted(fills.items()) if k in used),
          used <= set(fills) and not low, repr(low))
    colours = [expand(c) for c in re.findall(r"(?<![-\w])(?:color|fill):#([0-9a-fA-F]{3,6})", css)]
    text_cols = set(re.findall(r"(?<![-\w])color:#([0-9a-fA-F]{3,6})", css))
    text_cols |= set(re.findall(r"svg text\{[^}]*fill:#([0-9a-fA-F]{3,6})", css))
    low = {c: round(contrast(expand(c)), 2) for c in text_cols if contrast(expand(c)) < 4.5}
    check("every text colour has at least 4.5:1 against white", colours and not low, repr(low))
    done()


main()
