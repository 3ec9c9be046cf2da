"""checks.py: how the checkers in tests/tools report (tests/lib.sh's py_checks reads it): one
"PASS text" / "FAIL text" line per check, the details of a failure on the lines before it, and
an exit status that says whether every check passed."""
import sys

_failed = False


def check(name, ok, detail=""):
    global _failed
    if not ok:
        _failed = True
        if detail:
            print(detail)
    print(("PASS " if ok else "FAIL ") + name)


def done():
    sys.exit(1 if _failed else 0)
