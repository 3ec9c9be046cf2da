#!/usr/bin/env python3
"""xlsx_dump.py BOOK.xlsx: a workbook's sheets as text for a golden file: per sheet its name,
the frozen pane, the printed header and footer, the column widths, then every cell as
"A1 s|n|d|b: value" (s text, n number, d a number with a date format, b boolean), line breaks
as "\\n". A formula cell is printed as "F" and makes the exit code 1."""
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

M = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"


def text_of(si):
    return "".join(t.text or "" for t in si.iter(M + "t"))


def main():
    z = zipfile.ZipFile(sys.argv[1])
    shared = []
    if "xl/sharedStrings.xml" in z.namelist():
        shared = [text_of(si) for si in ET.fromstring(z.read("xl/sharedStrings.xml")).iter(M + "si")]
    styles = ET.fromstring(z.read("xl/styles.xml"))
    numfmts = {n.get("numFmtId"): n.get("formatCode") for n in styles.iter(M + "numFmt")}
    xfs = [x.get("numFmtId") for x in styles.find(M + "cellXfs")]
    rels = {r.get("Id"): r.get("Target") for r in ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))}
    formulas = 0
    for sheet in ET.fromstring(z.read("xl/workbook.xml")).iter(M + "sheet"):
        ws = ET.fromstring(z.read("xl/" + rels[sheet.get(R + "id")]))
        print("== %s" % sheet.get("name"))
        pane = ws.find(".//" + M + "pane")
        print("frozen: %s" % (pane.get("topLeftCell") if pane is not None else "none"))
        hf = ws.find(M + "headerFooter")
        for part in ("oddHeader", "oddFooter"):
            el = hf.find(M + part) if hf is not None else None
            print("%s: %s" % (part, el.text if el is not None else ""))
        print("columns: %s" % " ".join("%s-%s:%s" % (c.get("min"), c.get("max"), c.get("width"))
                                         for c in ws.iter(M + "col")))
        for c in ws.iter(M + "c"):
            t, v, f = c.get("t"), c.find(M + "v"), c.find(M + "f")
            if f is not None:
                formulas += 1
                print("%s F: %s" % (c.get("r"), f.text))
                continue
            val = v.text if v is not None else ""
            if t == "s":
                kind, val = "s", shared[int(val)]
            elif t == "inlineStr":
                kind, val = "s", text_of(c)
            elif t == "b":
                kind = "b"
            else:
                fmt = numfmts.get(xfs[int(c.get("s", "0"))], "")
                kind = "d" if re.search(r"[yd]", fmt) else "n"
            print("%s %s: %s" % (c.get("r"), kind, val.replace("\n", "\\n")))
    sys.exit(1 if formulas else 0)


main()
