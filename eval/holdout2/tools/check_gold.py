#!/usr/bin/env python3
"""Checks the holdout2 gold files against their documents, never against the extractor.

    python3 eval/holdout2/tools/check_gold.py

Every title, goal, unit (as written) and deadline of a gold file must occur
in its document's text once whitespace and page furniture are removed (the
same reading as eval/tools/check_gold.py, whose text_of() and folded() this
uses). A box-drawing table (b01) is also read column by column, each cell
rejoined across its wrapped lines, so that a wrapped cell can be found. It
also checks each task line's field count and that every tag in
`conventions:` is defined in CONVENTIONS.md (here, in eval/holdout/ or in
eval/CONVENTIONS.md).
"""

import pathlib
import re
import sys
import unicodedata

HERE = pathlib.Path(__file__).resolve().parent
CORPUS = HERE.parent
EVAL = CORPUS.parent
sys.path.insert(0, str(EVAL / "tools"))

from check_gold import folded, text_of  # noqa: E402  (eval/tools/check_gold.py)

BOX = set("┌┬┐├┼┤└┴┘│─")


def width(ch: str) -> int:
    return 2 if unicodedata.east_asian_width(ch) in "WFA" else 1


def box_cells(text: str) -> str:
    """The cells of box-drawing tables, each rejoined across its lines."""
    out = []
    cols = {}  # display column of a cell's left border -> text so far
    for line in text.split("\n"):
        if not line or line[0] not in "┌├└│":
            for t in cols.values():
                out.append(t)
            cols = {}
            continue
        # walk the line by display columns
        pos, segs, start, buf = 0, [], 0, ""
        for ch in line:
            if ch in "┌┬┐├┼┤└┴┘│":
                segs.append((start, buf))
                start, buf = pos + width(ch), ""
            else:
                buf += ch
            pos += width(ch)
        for s, b in segs[1:]:
            if set(b) <= {"─"} and b:  # a border under this cell: flush it
                if s in cols:
                    out.append(cols.pop(s))
            elif set(b) <= {"　"} and b and line[0] != "│":  # merged: continues
                continue
            else:
                cols[s] = cols.get(s, "") + b
    out.extend(cols.values())
    return "\n".join(out)


def defined_tags() -> set[str]:
    tags = set()
    for md in (CORPUS / "CONVENTIONS.md", EVAL / "holdout" / "CONVENTIONS.md", EVAL / "CONVENTIONS.md"):
        tags |= set(re.findall(r"^## ([BCH]\d\d) ", md.read_text(encoding="utf-8"), re.M))
    return tags


def main() -> int:
    errors = 0
    tags = defined_tags()
    for gold in sorted((CORPUS / "gold").glob("*.gold")):
        lines = gold.read_text(encoding="utf-8").splitlines()
        doc = next(l.split(": ", 1)[1] for l in lines if l.startswith("document: "))
        raw = text_of(CORPUS / doc)
        text = folded(raw)
        if any(c in raw for c in "┌│┐"):
            text += "\n" + folded(box_cells(raw))
        tasks = 0
        for n, l in enumerate(lines, start=1):
            if l.startswith("conventions: "):
                for t in l.split(": ", 1)[1].split():
                    if t not in tags:
                        errors += 1
                        print(f"{gold.name}:{n}: undefined convention {t}")
            if l.startswith("title: ") and re.sub(r"\s+", "", l[7:]) not in text:
                errors += 1
                print(f"{gold.name}:{n}: MISSING document title")
            if not l.startswith(("task: ", "goal: ")):
                continue
            fields = [f.strip() for f in l.split(": ", 1)[1].split("|")]
            wanted = []
            if l.startswith("goal: "):
                wanted.append(("goal", fields[1]))
                if len(fields) > 2 and fields[2] not in ("", "prose"):
                    errors += 1
                    print(f"{gold.name}:{n}: goal's third field is not prose")
            else:
                tasks += 1
                if not 5 <= len(fields) <= 7:
                    errors += 1
                    print(f"{gold.name}:{n}: {len(fields)} fields")
                wanted.append(("title", fields[1]))
                for f in fields[2:5]:
                    for u in filter(None, (x.strip() for x in f.split("；"))):
                        wanted.append(("unit", u.split("=")[0]))
                if len(fields) > 5 and fields[5]:
                    wanted.append(("deadline", fields[5]))
            for kind, s in wanted:
                if re.sub(r"\s+", "", s) not in text:
                    errors += 1
                    print(f"{gold.name}:{n}: MISSING {kind}: {s}")
        print(f"{gold.name}: {tasks} tasks")
    print(f"{errors} problems")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
