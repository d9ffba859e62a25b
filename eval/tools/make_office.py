#!/usr/bin/env python3
"""Builds the corpus's Word and Excel documents from hand-written sources.

    python3 eval/tools/make_office.py          # rebuilds every eval/docs/*.docx / *.xlsx

A source under eval/tools/src/ is a text file, one paragraph or row a line:

  .docx sources (src/<stem>.docx.txt):
    P: text      a plain paragraph
    B: text      a bold paragraph (a heading as typed, its number in the text)
    N: text      a paragraph numbered by Word (style "List Number": the
                 number is Word's automatic numbering, not in the text)
    R: a | b | c a table row (cells separated by " | "; the first R: line
                 starts a table, any other line but G: ends it)
    G: text      a section row of the table: one cell merged across it

  .xlsx sources (src/<stem>.xlsx.txt):
    S: name      starts a sheet
    M: text      a merged title row across all columns
    R: a | b | c a row; a cell written ^ is merged into the cell above it
    G: text      a section row: the text merged across all columns

The documents are written with fixed metadata so that a rebuild of an
unchanged source gives the same content. The gold files are not made here:
they are written by hand from the source text (eval/README.md).
"""

import datetime
import pathlib
import sys

import docx
import openpyxl
from docx.shared import Pt
from openpyxl.styles import Alignment, Font

HERE = pathlib.Path(__file__).resolve().parent
DOCS = HERE.parent / "docs"
FIXED = datetime.datetime(2024, 1, 1)


def build_docx(src: pathlib.Path, out: pathlib.Path) -> None:
    d = docx.Document()
    d.core_properties.created = FIXED
    d.core_properties.modified = FIXED
    d.core_properties.author = "fengong eval"
    style = d.styles["Normal"]
    style.font.size = Pt(12)
    table = None
    for raw in src.read_text(encoding="utf-8").splitlines():
        if not raw.strip():
            continue
        kind, _, text = raw.partition(": ")
        if kind not in ("R", "G"):
            table = None
        if kind == "P":
            d.add_paragraph(text)
        elif kind == "B":
            d.add_paragraph().add_run(text).bold = True
        elif kind == "N":
            d.add_paragraph(text, style="List Number")
        elif kind == "G" and table is not None:
            row = table.add_row().cells
            row[0].merge(row[-1]).text = text
        elif kind == "R":
            cells = [c.strip() for c in text.split(" | ")]
            if table is None:
                table = d.add_table(rows=0, cols=len(cells))
                table.style = "Table Grid"
            row = table.add_row().cells
            for cell, value in zip(row, cells):
                cell.text = value
        else:
            sys.exit(f"{src}: unknown line kind {kind!r}: {raw}")
    d.save(out)


def build_xlsx(src: pathlib.Path, out: pathlib.Path) -> None:
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    ws = None
    width = 1
    for raw in src.read_text(encoding="utf-8").splitlines():
        if not raw.strip():
            continue
        kind, _, text = raw.partition(": ")
        if kind == "S":
            ws = wb.create_sheet(text)
            width = 1
            continue
        if ws is None:
            sys.exit(f"{src}: a row before the first S: line")
        if kind == "R":
            cells = [c.strip() for c in text.split(" | ")]
            width = max(width, len(cells))
            ws.append([None if c == "^" else c for c in cells])
            r = ws.max_row
            for col, c in enumerate(cells, start=1):
                if c == "^":
                    top = r - 1
                    while ws.cell(top, col).value is None and top > 1:
                        top -= 1
                    for rng in list(ws.merged_cells.ranges):
                        if rng.min_col == col and rng.max_row == r - 1 and rng.min_row == top:
                            ws.unmerge_cells(str(rng))
                    ws.merge_cells(start_row=top, start_column=col, end_row=r, end_column=col)
            for c in ws[r]:
                c.alignment = Alignment(wrap_text=True, vertical="center")
        elif kind in ("M", "G"):
            ws.append([text])
            r = ws.max_row
            span = width if kind == "G" else 6
            ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=span)
            ws.cell(r, 1).font = Font(bold=True)
        else:
            sys.exit(f"{src}: unknown line kind {kind!r}: {raw}")
    wb.properties.created = FIXED
    wb.properties.modified = FIXED
    wb.properties.creator = "fengong eval"
    wb.save(out)


def main() -> None:
    for src in sorted((HERE / "src").glob("*.txt")):
        stem, ext = src.name[: -len(".txt")].rsplit(".", 1)
        out = DOCS / f"{stem}.{ext}"
        if ext == "docx":
            build_docx(src, out)
        elif ext == "xlsx":
            build_xlsx(src, out)
        else:
            continue
        print(f"wrote {out.relative_to(HERE.parent.parent)}")


if __name__ == "__main__":
    main()
