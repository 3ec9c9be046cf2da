"""cells.py A B: two tmux `capture-pane -e -N` captures (then one line with the cursor) hold the
same cells: each character with its colours and attributes, as the terminal shows them. How
tmux writes the attributes out (an SGR run, a reset, a cleared cell or a written space) does
not matter; a space's foreground, bold and dim do not show and are left out. Exit status 0
when they are the same; else the first cell that differs in each row, and 1."""
import re, sys
def parse(path):
    st = {}
    rows = []
    for line in open(path, encoding='utf-8', errors='replace').read().split('\n'):
        cells = []
        i = 0
        while i < len(line):
            m = re.match(r'\x1b\[([0-9;]*)m', line[i:])
            if m:
                ps = [int(x) if x else 0 for x in m.group(1).split(';')] if m.group(1) else [0]
                j = 0
                while j < len(ps):
                    p = ps[j]
                    if p == 0: st = {}
                    elif p in (1, 2, 4, 5, 7): st[p] = 1
                    elif p == 22: st.pop(1, None); st.pop(2, None)
                    elif p == 24: st.pop(4, None)
                    elif p == 27: st.pop(7, None)
                    elif 30 <= p <= 37 or 90 <= p <= 97: st['fg'] = p
                    elif p == 39: st.pop('fg', None)
                    elif 40 <= p <= 47 or 100 <= p <= 107: st['bg'] = p
                    elif p == 49: st.pop('bg', None)
                    elif p in (38, 48):
                        if ps[j+1] == 5: st['fg' if p == 38 else 'bg'] = (p, ps[j+2]); j += 2
                        else: st['fg' if p == 38 else 'bg'] = tuple(ps[j:j+5]); j += 4
                    j += 1
                i += m.end()
                continue
            a = st if line[i] != ' ' else {k: v for k, v in st.items() if k not in ('fg', 1, 2)}
            cells.append((line[i], tuple(sorted(a.items(), key=str))))
            i += 1
        # trailing blanks with no background/reverse/underline: the same as nothing
        while cells and cells[-1][0] == ' ' and not any(k in ('bg', 7, 4) for k, _ in cells[-1][1]):
            cells.pop()
        rows.append(cells)
    while rows and not rows[-1]: rows.pop()
    return rows
a, b = parse(sys.argv[1]), parse(sys.argv[2])
if a == b: sys.exit(0)
for y in range(max(len(a), len(b))):
    ra = a[y] if y < len(a) else []; rb = b[y] if y < len(b) else []
    if ra != rb:
        for x in range(max(len(ra), len(rb))):
            ca = ra[x] if x < len(ra) else None; cb = rb[x] if x < len(rb) else None
            if ca != cb: print('  row %d col %d: %r / %r' % (y, x, ca, cb)); break
sys.exit(1)
