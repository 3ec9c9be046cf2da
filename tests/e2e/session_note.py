#!/usr/bin/env python3
"""session_note.py FILE QUESTION [evidence]: print a session file's note (or its evidence
references, one per line) for question number QUESTION exactly as stored, decoded the way
kollen writes it: note.1, note.2 ... joined, then %XX decoded (any other % is literal)."""
import re
import sys


def decode(v):
    return re.sub(rb"%([0-9A-Fa-f]{2})", lambda m: bytes([int(m.group(1), 16)]), v)


def main():
    path, number = sys.argv[1], sys.argv[2]
    want_evidence = len(sys.argv) > 3 and sys.argv[3] == "evidence"
    section, parts, evidence = None, {}, {}
    with open(path, "rb") as f:
        for raw in f.read().split(b"\n"):
            line = raw.strip()
            if not line or line[:1] in (b";", b"#"):
                continue
            if line.startswith(b"["):
                section = line[1:-1].decode()
                continue
            if section != "answer." + number or b"=" not in line:
                continue
            key, value = (x.strip() for x in line.split(b"=", 1))
            m = re.fullmatch(rb"note\.(\d+)", key)
            if m:
                parts[int(m.group(1))] = value
            m = re.fullmatch(rb"evidence\.(\d+)", key)
            if m:
                evidence[int(m.group(1))] = value
    if want_evidence:
        out = b"\n".join(decode(evidence[k]) for k in sorted(evidence))
    else:
        out = decode(b"".join(parts[k] for k in sorted(parts)))
    sys.stdout.buffer.write(out)


main()
