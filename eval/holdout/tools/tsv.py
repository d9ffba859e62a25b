#!/usr/bin/env python3
"""Writes a table the way copying cells from a spreadsheet into a text editor gives it.

    python3 eval/holdout/tools/tsv.py

A source tools/src/<stem>.rows.txt has one row a line, cells separated by
" | ", \\n a line break inside a cell. The output docs/<stem>.txt has the
cells separated by tabs and each row on a line; a cell holding a line break
is quoted ("…", a quote inside doubled), as spreadsheets put it on the
clipboard. Empty cells stay empty (a row of a title or a section keeps its
trailing tabs).
"""

import pathlib

HERE = pathlib.Path(__file__).resolve().parent


def cell(text: str) -> str:
    if "\n" in text or '"' in text or "\t" in text:
        return '"' + text.replace('"', '""') + '"'
    return text


def main() -> None:
    for src in sorted((HERE / "src").glob("*.rows.txt")):
        rows = []
        for line in src.read_text(encoding="utf-8").splitlines():
            if line.strip():
                cells = [c.strip().replace("\\n", "\n") for c in line.split(" | ")]
                rows.append("\t".join(cell(c) for c in cells))
        out = HERE.parent / "docs" / (src.name[: -len(".rows.txt")] + ".txt")
        out.write_text("\r\n".join(rows) + "\r\n", encoding="utf-8")
        print(f"wrote {out.relative_to(HERE.parent.parent.parent)}")


if __name__ == "__main__":
    main()
