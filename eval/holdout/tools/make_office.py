#!/usr/bin/env python3
"""Builds the held-out corpus's Word and Excel documents from hand-written sources.

    python3 eval/holdout/tools/make_office.py      # rebuilds eval/holdout/docs/*.docx / *.xlsx

A source under tools/src/ is a text file named <document>.txt, one
paragraph or table row a line:

  S: name        (.xlsx) starts a sheet
  T: text        a title: a bold centred paragraph (.docx) or a row merged
                 across the table's width (.xlsx)
  P: text        (.docx) a plain paragraph
  R: a | b | c   a table row, cells separated by " | ". A cell written ^ is
                 merged into the cell above it, a cell written < into the cell
                 to its left (so a header can be two rows with merged cells).
                 \\n inside a cell is a line break within the cell.
  G: text        a section row: one cell merged across the table's width

In .docx the first R: line after other lines starts a new table. The
documents are written with fixed metadata so that a rebuild of an unchanged
source gives the same content. The gold files are not made here: they are
written by hand from the source text (eval/README.md).
"""

import datetime
import pathlib

import docx
import openpyxl
from docx.enum.text import WD_ALIGN_PARAGRAPH
from openpyxl.styles import Alignment, Font

HERE = pathlib.Path(__file__).resolve().parent
DOCS = HERE.parent / "docs"
FIXED = datetime.datetime(2025, 1, 1)


def parse(path):
    """The source's lines as (kind, value) pairs; a row's value is its cells."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        kind, _, value = line.partition(": ")
        if kind == "R":
            out.append(("R", [c.strip().replace("\\n", "\n") for c in value.split(" | ")]))
        else:
            out.append((kind, value))
    return out


def grid(rows, width):
    """Cells as (row, col, text) plus merge spans ((r0, c0), (r1, c1))."""
    cells, spans = {}, []
    owner = {}
    for r, (kind, value) in enumerate(rows):
        if kind == "G":
            cells[(r, 0)] = value
            spans.append(((r, 0), (r, width - 1)))
            for c in range(width):
                owner[(r, c)] = (r, 0)
            continue
        for c, text in enumerate(value):
            if text == "^":
                owner[(r, c)] = owner[(r - 1, c)]
            elif text == "<":
                owner[(r, c)] = owner[(r, c - 1)]
            else:
                owner[(r, c)] = (r, c)
                cells[(r, c)] = text
    by_owner = {}
    for pos, own in owner.items():
        by_owner.setdefault(own, []).append(pos)
    for own, members in by_owner.items():
        if len(members) > 1 and not any(s[0] == own for s in spans):
            r1 = max(p[0] for p in members)
            c1 = max(p[1] for p in members)
            spans.append((own, (r1, c1)))
    return cells, spans


def tables_of(items):
    """Groups consecutive R:/G: lines into tables; other lines stand alone."""
    out, current = [], None
    for kind, value in items:
        if kind in ("R", "G"):
            if current is None:
                current = []
                out.append(("table", current))
            current.append((kind, value))
        else:
            current = None
            out.append((kind, value))
    return out


def width_of(rows):
    return max(len(v) for k, v in rows if k == "R")


def build_docx(src, dest):
    d = docx.Document()
    d.core_properties.created = FIXED
    d.core_properties.modified = FIXED
    d.core_properties.author = "fengong eval"
    for kind, value in tables_of(parse(src)):
        if kind == "T":
            p = d.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            p.add_run(value).bold = True
        elif kind == "P":
            d.add_paragraph(value)
        elif kind == "table":
            w = width_of(value)
            t = d.add_table(rows=len(value), cols=w)
            t.style = "Table Grid"
            cells, spans = grid(value, w)
            for (r, c), text in cells.items():
                t.cell(r, c).text = text
            for (r0, c0), (r1, c1) in spans:
                keep = t.cell(r0, c0).text
                merged = t.cell(r0, c0).merge(t.cell(r1, c1))
                merged.text = keep
    d.save(dest)


def build_xlsx(src, dest):
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    ws = None
    items = parse(src)
    sheets, current = [], None
    for kind, value in items:
        if kind == "S":
            current = [value, []]
            sheets.append(current)
        else:
            current[1].append((kind, value))
    for name, body in sheets:
        ws = wb.create_sheet(name)
        rows = [(k, v) for k, v in body if k in ("R", "G")]
        w = width_of(rows)
        top = 1
        for kind, value in body:
            if kind == "T":
                ws.cell(top, 1, value).font = Font(bold=True, size=14)
                ws.merge_cells(start_row=top, start_column=1, end_row=top, end_column=w)
                top += 1
        cells, spans = grid(rows, w)
        for (r, c), text in cells.items():
            value = int(text) if text.isdigit() else (text or None)
            cell = ws.cell(top + r, 1 + c, value)
            cell.alignment = Alignment(wrap_text=True, vertical="center")
        for (r0, c0), (r1, c1) in spans:
            ws.merge_cells(
                start_row=top + r0, start_column=1 + c0, end_row=top + r1, end_column=1 + c1
            )
    wb.properties.created = FIXED
    wb.properties.modified = FIXED
    wb.properties.creator = "fengong eval"
    wb.save(dest)


def main():
    for src in sorted((HERE / "src").glob("*.txt")):
        dest = DOCS / src.name[: -len(".txt")]
        if dest.suffix == ".docx":
            build_docx(src, dest)
        elif dest.suffix == ".xlsx":
            build_xlsx(src, dest)
        else:
            continue
        print(dest.relative_to(HERE.parent.parent.parent))


if __name__ == "__main__":
    main()
