#!/usr/bin/env python3
"""office_check.py BOOK.fods SHEET.fods SESSION LONG_NOTE: what LibreOffice Calc made of the
report's workbook and of its Swedish CSV (both converted to flat ODS by soffice), checked
against the session file. Prints one "PASS text" or "FAIL text" line per check, with the
details of a failure on the lines before it."""
import re
import sys
import xml.etree.ElementTree as ET

from checks import check, done

NS = {
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
}
T = "{%s}" % NS["table"]
X = "{%s}" % NS["text"]
O = "{%s}" % NS["office"]


def para_text(p):
    """The text of a <text:p>, spaces, tabs and line breaks as they were."""
    out = [p.text or ""]
    for ch in p:
        tag = ch.tag
        if tag == X + "s":
            out.append(" " * int(ch.get(X + "c", "1")))
        elif tag == X + "tab":
            out.append("\t")
        elif tag == X + "line-break":
            out.append("\n")
        else:
            out.append(para_text(ch))
        out.append(ch.tail or "")
    return "".join(out)


def sheets(path):
    """{sheet name: [[(type, value, text, formula), ...], ...]} with repeats expanded."""
    root = ET.parse(path).getroot()
    out = {}
    for tab in root.iter(T + "table"):
        rows = []
        for row in tab.iter(T + "table-row"):
            cells = []
            for c in row:
                if c.tag not in (T + "table-cell", T + "covered-table-cell"):
                    continue
                n = int(c.get(T + "number-columns-repeated", "1"))
                t = c.get(O + "value-type")
                v = c.get(O + "value") or c.get(O + "date-value")
                txt = "\n".join(para_text(p) for p in c.findall(X + "p"))
                cell = (t, v, txt, c.get(T + "formula"))
                cells.extend([cell] * min(n, 64))
            rows.append(cells)
        out[tab.get(T + "name")] = rows
    return out


def decode(v):
    return re.sub(rb"%([0-9A-Fa-f]{2})", lambda m: bytes([int(m.group(1), 16)]), v)


def session_notes(path):
    """{question number: note} as the session file stores them."""
    parts, section = {}, None
    for raw in open(path, "rb").read().split(b"\n"):
        line = raw.strip()
        if line.startswith(b"["):
            section = line[1:-1].decode()
            continue
        m = re.fullmatch(rb"note\.(\d+)\s*=\s*(.*)", line)
        if m and section and section.startswith("answer."):
            parts.setdefault(int(section[7:]), {})[int(m.group(1))] = m.group(2)
    return {q: decode(b"".join(p[k] for k in sorted(p))).decode("utf-8") for q, p in parts.items()}


def csv_guarded(v):
    """The note as the CSV's formula guard writes it: a ' before a formula character at the
    start and right after a ';' or ','."""
    v = re.sub(r"([;,])([=+\-@])", r"\1'\2", v)
    return "'" + v if v[:1] in ("=", "+", "-", "@") else v


def main():
    book, sheet, session, long_path = sys.argv[1:5]
    notes = session_notes(session)
    long_note = open(long_path, encoding="utf-8").read()
    b = sheets(book)
    c = sheets(sheet)

    check("xlsx: the sheets Sammanfattning, Frågor, Åtgärdsplan and Evidens",
          [n for n in b if n in ("Sammanfattning", "Frågor", "Åtgärdsplan", "Evidens")] ==
          ["Sammanfattning", "Frågor", "Åtgärdsplan", "Evidens"], repr(list(b)))
    formulas = [(s, r) for s, rows in list(b.items()) + list(c.items())
                for r in rows for cell in r if cell[3]]
    check("no formula cell anywhere, in the workbook or the CSV", not formulas, repr(formulas[:3]))

    q = b.get("Frågor", [])
    head = [cell[2] for cell in q[0]] if q else []
    rows = {int(float(r[0][1])): r for r in q[1:] if r and r[0][0] == "float"}
    check("xlsx: a row per question, the question number a number", len(rows) == 40,
          "rows: %d" % len(rows))
    note_cols = [i for i, h in enumerate(head) if h.startswith("Anteckning")]
    bad = []
    for num, note in notes.items():
        got = "".join(rows[num][i][2] for i in note_cols if i < len(rows[num]))
        if got != note:
            bad.append((num, len(note), len(got)))
    check("xlsx: every note byte for byte (a 64 KiB note over %d cells)" % len(note_cols),
          not bad and long_note in notes.values(), repr(bad))
    short = [n for n, v in notes.items() if len(v) < 1000]
    check("xlsx: a note shorter than a cell's limit is one cell, line breaks kept",
          all(rows[n][note_cols[0]][2] == notes[n] for n in short) and
          any("\n" in notes[n] for n in short))
    ans = head.index("Svar")
    check("xlsx: the answer 1,10 is text, \"1,10\"",
          rows[14][ans][0] == "string" and rows[14][ans][2] == "1,10", repr(rows[14][ans]))
    num_cols = [head.index(h) for h in ("Åtgärder", "Poäng")]
    check("xlsx: actions and points are numbers",
          all(rows[n][i][0] == "float" for n in (1, 14) for i in num_cols),
          repr([rows[14][i] for i in num_cols]))
    opt = head.index("Alternativ ([x] kryssat eller valt)")
    lines = rows[14][opt][2].split("\n")
    check("xlsx: every option of the question on a line, ticked ones marked",
          len(lines) == 12 and lines[0].startswith("[x] 1.") and lines[9].startswith("[x] 10.")
          and lines[1].startswith("[ ] 2."), repr(lines[:3]))

    p = b.get("Åtgärdsplan", [])
    ph = [cell[2] for cell in p[0]] if p else []
    tracked = [r for r in p[1:] if r and r[0][1] == "14"]
    check("xlsx: the step tracked with kollen plan --assign/--status: owner, due date, status",
          tracked and tracked[0][ph.index("Ansvarig")][2] == "Bo Berg" and
          tracked[0][ph.index("Klart senast")][0] == "date" and
          tracked[0][ph.index("Klart senast")][1].startswith("2027-03-01") and
          tracked[0][ph.index("Status")][2] == "påbörjad", repr(tracked[:1]))

    s = b.get("Sammanfattning", [])
    check("xlsx: Sammanfattning: levels, values, points and actions per area are numbers",
          len(s) > 11 and all(s[i][2][0] == "float" and s[i][5][0] == "float" and
                              s[i][7][0] == "float" for i in range(1, 12)),
          repr(s[1][:9] if len(s) > 1 else s))

    e = b.get("Evidens", [])
    refs = [r[3][2] for r in e[1:] if len(r) > 3]
    check("xlsx: the evidence register, one row per reference, formulas as text",
          "KS 2026/1;=1+1" in refs and '@HYPERLINK("x")' in refs, repr(refs))

    # the Swedish CSV: opened with ';', UTF-8 and Swedish numbers
    cs = list(c.values())[0]
    ch = [cell[2] for cell in cs[0]]
    crow = {int(float(r[0][1])): r for r in cs[1:] if r and r[0][0] == "float"}
    check("CSV (sv): the header in Swedish, one row per question, åäö intact",
          ch[:3] == ["Fråga", "Arbetsområde", "Frågetext"] and len(crow) == 40, repr(ch[:3]))
    ni = ch.index("Anteckning")
    bad = [n for n, v in notes.items() if crow[n][ni][2] != csv_guarded(v)]
    check("CSV (sv): every note byte for byte in one cell, the 64 KiB one too (a formula "
          "character first or after ';' or ',' behind the guard's ')", not bad,
          repr([(n, crow[n][ni][2][:40]) for n in bad]))
    ai = ch.index("Svar")
    check("CSV (sv): the answer \"1, 10\" is text, never the number 1,1",
          crow[14][ai][0] == "string" and crow[14][ai][2] == "1, 10", repr(crow[14][ai]))
    pi = ch.index("Poäng")
    pts = [crow[n][pi] for n in (1, 4, 14)]
    check("CSV (sv): points with a decimal comma are numbers",
          all(x[0] == "float" for x in pts) and any("." in (x[1] or "") for x in pts), repr(pts))
    ei = ch.index("Evidens")
    check("CSV (sv): evidence with ';' stays in its cell and is no formula",
          crow[14][ei][2].split("\n")[0] == "KS 2026/1;'=1+1", repr(crow[14][ei][2][:60]))
    done()


main()
