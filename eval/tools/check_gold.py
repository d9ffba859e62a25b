#!/usr/bin/env python3
"""Checks the gold files against their documents, never against the extractor.

    python3 eval/tools/check_gold.py

Every task title, unit (as written) and deadline of a gold file must occur in
its document's text once whitespace, page furniture (footer lines, running
headers, form feeds) and line breaks are removed. Column-laid-out tables
(pdftotext -layout, aligned text tables) are split across columns, so for
them only the units and deadlines that fit one column are checked, and a
miss is listed for a person to look at, not counted as an error.
"""

import pathlib
import re
import sys

import docx
import openpyxl

EVAL = pathlib.Path(__file__).resolve().parent.parent
FURNITURE = re.compile(r"^\s*(—\s*\d+\s*—|-\s*\d+\s*-|第\s*\d+\s*页\s*共\s*\d+\s*页)\s*$")
LAYOUT = ("d23_", "d35_")


def text_of(path: pathlib.Path) -> str:
    if path.suffix == ".docx":
        d = docx.Document(path)
        parts = [p.text for p in d.paragraphs]
        for t in d.tables:
            for r in t.rows:
                parts.extend(c.text for c in r.cells)
        return "\n".join(parts)
    if path.suffix == ".xlsx":
        wb = openpyxl.load_workbook(path)
        return "\n".join(
            str(c) for ws in wb for row in ws.iter_rows(values_only=True) for c in row if c
        )
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("gb18030")


def folded(text: str) -> str:
    lines = text.replace("\f", "\n").split("\n")
    counts = {}
    for l in lines:
        if l.strip():
            counts[l.strip()] = counts.get(l.strip(), 0) + 1
    keep = []
    for l in lines:
        s = l.strip()
        if FURNITURE.match(s):
            continue
        keep.append(s)
    return re.sub(r"\s+", "", "".join(keep))


def main() -> int:
    errors = 0
    for gold in sorted((EVAL / "gold").glob("*.gold")):
        lines = gold.read_text(encoding="utf-8").splitlines()
        doc = next(l.split(": ", 1)[1] for l in lines if l.startswith("document: "))
        text = folded(text_of(EVAL / doc))
        layout = gold.name.startswith(LAYOUT)
        header = None
        src = EVAL / "tools" / "src" / (pathlib.Path(doc).name + ".furnish.txt")
        if src.exists():
            for l in src.read_text(encoding="utf-8").splitlines():
                if l.startswith("header: "):
                    header = re.sub(r"\s+", "", l[len("header: ") :])
        if header:
            # The running header repeats at each page top; drop the repeats.
            first = text.find(header)
            text = text[: first + len(header)] + text[first + len(header) :].replace(header, "")
        for l in lines:
            if not l.startswith(("task: ", "goal: ")):
                continue
            fields = [f.strip() for f in l.split(": ", 1)[1].split("|")]
            wanted = []
            if l.startswith("goal: "):
                wanted.append(("goal", fields[1]))
            else:
                wanted.append(("title", fields[1]))
                for f in fields[2:5]:
                    for u in filter(None, (x.strip() for x in f.split("；"))):
                        wanted.append(("unit", u.split("=")[0]))
                if len(fields) > 5 and fields[5]:
                    wanted.append(("deadline", fields[5]))
            for kind, s in wanted:
                if re.sub(r"\s+", "", s) not in text:
                    tag = "look" if layout else "MISSING"
                    if not layout:
                        errors += 1
                    print(f"{gold.name}: {tag} {kind}: {s}")
    print(f"{errors} missing")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
