#!/usr/bin/env python3
"""Builds a held-out set's documents (SET/docs/) from its hand-written sources.

    python3 eval/tools/holdout_make.py eval/holdout13            # every document
    python3 eval/tools/holdout_make.py eval/holdout13 q04 q07    # documents whose stem starts so

One generator for the sets written since holdout10 (it was copied into each
set's tools/ folder before; those copies differed only in their names).

Needs python-docx, openpyxl and LibreOffice (`soffice`) with a CJK font
(Debian: fonts-noto-cjk). A source is tools/src/<stem>.py holding two
names: OUT, the output's suffix (".docx", ".xlsx", ".pdf", ".doc", ".xls",
".ods" or ".csv"), and
SOURCE, the document written by hand, one paragraph or table row a line:

  HEADER: text   (Word) the running header of every page
  LANDSCAPE: yes (Word) A4 landscape pages, 2 cm side margins
  FOOTER: dash | hyphen | page-of   (Word) the page number `— N —`, `- N -`,
                 `第N页 共M页`
  WIDTHS: 1.2 7 3   (Word) the table's column widths in cm
  S: name        (.xlsx) starts a sheet (a sheet may hold only T:/P: lines)
  T: text        the title: a bold centred paragraph (Word) or a row merged
                 across the table's width (.xlsx)
  B: text        (Word) a bold heading paragraph, its number in the text
  P: text        (Word) a paragraph with a first-line indent; (.xlsx) a row
                 merged across the table's width, not bold (a note)
  N: text        (Word) a paragraph without indent (notes under a table,
                 附件 lines, signatures)
  PB:            (Word) a page break before the next paragraph
  H: a | b | c   a header row; (Word) repeated at the top of every page
  R: a | b | c   a table row. A cell written ^ is merged into the cell above
                 it, < into the cell to its left. \\n in a cell is a line
                 break inside the cell; \\p (Word) starts a new paragraph
                 inside the cell (python-docx reads such a cell's paragraphs
                 joined by a line break).
  G: text        a section row: one cell merged across the table's width
  L: text        (Word) a paragraph in Word's automatic list numbering (style
                 List Number, `1.` `2.` … continuing through the document; the
                 number is not in the paragraph's text)
  LB: text       (Word) a bold heading in automatic Chinese numbering (`一、`
                 `二、` …, numFmt chineseCounting; the number is not in the text)
  E:             (.xlsx) an empty row
  HIDE: C D      (.xlsx) columns of this sheet hidden (their cells still hold text)

".pdf" and ".doc" documents are written as a Word document first, then
converted by LibreOffice (`soffice --headless --convert-to pdf|doc`); the
intermediate .docx is not kept. ".xls" and ".ods" documents are written as
an Excel workbook first (the .xlsx lines above), then converted by
LibreOffice (`--convert-to xls|ods`), the intermediate .xlsx not kept.
".csv" documents are written from the same lines with Python's csv module
(cells holding commas, quotes or line breaks quoted, CRLF row ends), UTF-8
with a BOM, as a spreadsheet's "CSV UTF-8" export: a T:/P: line is a row of
one cell followed by empty cells to the table's width; a merged cell (^ or
<) is written empty, as spreadsheets export it; G: a row whose first cell
holds the text. Fixed metadata make a rebuild of an
unchanged .docx/.xlsx source give the same content. The gold files are not
made here: they are written by hand from the sources (eval/README.md).
"""

import datetime
import pathlib
import re
import runpy
import shutil
import subprocess
import sys
import tempfile

import docx
import openpyxl
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from openpyxl.styles import Alignment, Font

if len(sys.argv) < 2 or not pathlib.Path(sys.argv[1], "tools", "src").is_dir():
    raise SystemExit("usage: holdout_make.py SET [STEM…]   (SET: a folder with tools/src/, e.g. eval/holdout13)")
SET = pathlib.Path(sys.argv[1]).resolve()
SRC = SET / "tools" / "src"
DOCS = SET / "docs"
FIXED = datetime.datetime(2025, 1, 1)
FONT = "Noto Serif CJK SC"


def parse(text):
    """(meta, items): items are (tag, value); a row's value is its cells."""
    meta, items = {}, []
    for raw in text.splitlines():
        if not raw.strip():
            continue
        tag, _, value = raw.partition(":")
        value = value.strip()
        if tag in ("HEADER", "FOOTER", "WIDTHS", "LANDSCAPE"):
            meta[tag] = value
        elif tag in ("H", "R"):
            items.append((tag, [c.replace("\\n", "\n").replace("\\p", "\u2029")
                                for c in re.split(r"\s*\|\s*", value)]))
        else:
            items.append((tag, value))
    return meta, items


def blocks(items):
    """Consecutive H:/R:/G: lines grouped into tables; other lines stand alone."""
    out, current = [], None
    for tag, value in items:
        if tag in ("H", "R", "G"):
            if current is None:
                current = []
                out.append(("table", current))
            current.append((tag, value))
        else:
            current = None
            out.append((tag, value))
    return out


def grid(rows):
    """Cells {(r, c): text} and merge spans [((r0, c0), (r1, c1))] of a table."""
    width = max(len(v) for t, v in rows if t in ("H", "R"))
    cells, spans, owner = {}, [], {}
    for r, (tag, value) in enumerate(rows):
        if tag == "G":
            cells[(r, 0)] = value
            spans.append(((r, 0), (r, width - 1)))
            for c in range(width):
                owner[(r, c)] = "G"
            continue
        if len(value) != width:
            raise SystemExit(f"row {r} has {len(value)} cells, not {width}: {value}")
        for c, text in enumerate(value):
            if text == "^":
                owner[(r, c)] = owner[(r - 1, c)]
            elif text == "<":
                owner[(r, c)] = owner[(r, c - 1)]
            else:
                owner[(r, c)] = (r, c)
                cells[(r, c)] = text
    members = {}
    for pos, own in owner.items():
        if own != "G":
            members.setdefault(own, []).append(pos)
    for own, ps in members.items():
        if len(ps) > 1:
            spans.append((own, (max(p[0] for p in ps), max(p[1] for p in ps))))
    return width, cells, spans


# ---------------------------------------------------------------- Word


def set_text(cell, text, size):
    """A cell's text, a line break for each \\n and a new paragraph for each
    \\p (U+2029 after parsing), in the given size."""
    p = cell.paragraphs[0]
    for r in list(p.runs):
        r._r.getparent().remove(r._r)
    for k, para in enumerate(text.split("\u2029")):
        if k:
            p = cell.add_paragraph()
        lines = para.split("\n")
        run = p.add_run(lines[0])
        run.font.size = Pt(size)
        for line in lines[1:]:
            run.add_break()
            run = p.add_run(line)
            run.font.size = Pt(size)


def page_field(paragraph, code):
    fld = OxmlElement("w:fldSimple")
    fld.set(qn("w:instr"), code)
    r = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = "1"
    r.append(t)
    fld.append(r)
    paragraph._p.append(fld)


def chinese_numbering(d):
    """A numbering instance `一、二、三、` (chineseCounting); returns its numId."""
    numbering = d.part.numbering_part.element
    abstract = OxmlElement("w:abstractNum")
    abstract.set(qn("w:abstractNumId"), "90")
    lvl = OxmlElement("w:lvl")
    lvl.set(qn("w:ilvl"), "0")
    for tag, val in (("w:start", "1"), ("w:numFmt", "chineseCounting"),
                     ("w:lvlText", "%1、"), ("w:lvlJc", "left")):
        e = OxmlElement(tag)
        e.set(qn("w:val"), val)
        lvl.append(e)
    abstract.append(lvl)
    first_num = numbering.find(qn("w:num"))
    first_num.addprevious(abstract)
    num = OxmlElement("w:num")
    num.set(qn("w:numId"), "90")
    ref = OxmlElement("w:abstractNumId")
    ref.set(qn("w:val"), "90")
    num.append(ref)
    numbering.append(num)
    return "90"


def number_paragraph(p, num_id):
    p_pr = p._p.get_or_add_pPr()
    num_pr = OxmlElement("w:numPr")
    ilvl = OxmlElement("w:ilvl")
    ilvl.set(qn("w:val"), "0")
    nid = OxmlElement("w:numId")
    nid.set(qn("w:val"), num_id)
    num_pr.append(ilvl)
    num_pr.append(nid)
    p_pr.append(num_pr)


def build_docx(meta, items, dest):
    d = docx.Document()
    d.core_properties.created = FIXED
    d.core_properties.modified = FIXED
    d.core_properties.author = "fengong eval"
    normal = d.styles["Normal"]
    normal.font.size = Pt(14)
    normal.font.name = FONT
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
    section = d.sections[0]
    if "LANDSCAPE" in meta:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Cm(29.7), Cm(21.0)
        section.left_margin = section.right_margin = Cm(2.0)
    if "HEADER" in meta:
        hp = section.header.paragraphs[0]
        hp.text = meta["HEADER"]
        hp.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if "FOOTER" in meta:
        fp = section.footer.paragraphs[0]
        fp.alignment = WD_ALIGN_PARAGRAPH.CENTER
        style = meta["FOOTER"]
        if style == "page-of":
            fp.add_run("第")
            page_field(fp, "PAGE")
            fp.add_run("页 共")
            page_field(fp, "NUMPAGES")
            fp.add_run("页")
        else:
            mark = "—" if style == "dash" else "-"
            fp.add_run(f"{mark} ")
            page_field(fp, "PAGE")
            fp.add_run(f" {mark}")
    widths = [float(w) for w in meta.get("WIDTHS", "").split()]
    chinese = chinese_numbering(d) if any(t == "LB" for t, _ in items) else None
    pending_break = False
    for tag, value in blocks(items):
        if tag == "table":
            width, cells, spans = grid(value)
            table = d.add_table(rows=0, cols=width)
            table.style = "Table Grid"
            table.alignment = WD_TABLE_ALIGNMENT.CENTER
            table.autofit = False
            if widths and len(widths) == width:
                for column, w in zip(table.columns, widths):
                    column.width = Cm(w)
            for r, (rtag, _) in enumerate(value):
                row = table.add_row()
                if widths and len(widths) == width:
                    for cell, w in zip(row.cells, widths):
                        cell.width = Cm(w)
                if rtag == "H":
                    tr_pr = row._tr.get_or_add_trPr()
                    header = OxmlElement("w:tblHeader")
                    header.set(qn("w:val"), "true")
                    tr_pr.append(header)
            for (r0, c0), (r1, c1) in spans:
                table.cell(r0, c0).merge(table.cell(r1, c1))
            for (r, c), text in cells.items():
                set_text(table.cell(r, c), text, 11)
            continue
        if tag == "PB":
            pending_break = True
            continue
        p = d.add_paragraph(style="List Number" if tag == "L" else None)
        if tag == "LB":
            number_paragraph(p, chinese)
        if pending_break:
            p.paragraph_format.page_break_before = True
            pending_break = False
        run = p.add_run(value)
        if tag == "T":
            run.bold = True
            run.font.size = Pt(18)
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif tag in ("B", "LB"):
            run.bold = True
        elif tag == "P":
            p.paragraph_format.first_line_indent = Pt(28)
    d.save(dest)


# ---------------------------------------------------------------- Excel


def build_xlsx(items, dest):
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    sheets = []
    for tag, value in items:
        if tag == "S":
            sheets.append((value, []))
        else:
            sheets[-1][1].append((tag, value))
    for name, body in sheets:
        ws = wb.create_sheet(name)
        width = max([len(v) for t, v in body if t in ("H", "R")] or [1])
        top = 1
        hidden = []
        for tag, value in blocks(body):
            if tag in ("T", "P"):
                cell = ws.cell(top, 1, value)
                if tag == "T":
                    cell.font = Font(bold=True, size=14)
                    cell.alignment = Alignment(horizontal="center")
                else:
                    cell.alignment = Alignment(wrap_text=True)
                if width > 1:
                    ws.merge_cells(start_row=top, start_column=1, end_row=top, end_column=width)
                top += 1
            elif tag == "E":
                top += 1
            elif tag == "HIDE":
                hidden.extend(value.split())
            elif tag == "table":
                _, cells, spans = grid(value)
                for (r, c), text in cells.items():
                    v = int(text) if text.isdigit() else (text or None)
                    cell = ws.cell(top + r, 1 + c, v)
                    cell.alignment = Alignment(wrap_text=True, vertical="center")
                    if value[r][0] == "H":
                        cell.font = Font(bold=True)
                for (r0, c0), (r1, c1) in spans:
                    ws.merge_cells(
                        start_row=top + r0, start_column=1 + c0,
                        end_row=top + r1, end_column=1 + c1,
                    )
                top += len(value)
        for col, w in zip("ABCDEFGHIJ", [6, 14, 40, 10, 22, 28, 16, 14, 14, 14]):
            ws.column_dimensions[col].width = w
        for col in hidden:
            ws.column_dimensions[col].hidden = True
    wb.properties.created = FIXED
    wb.properties.modified = FIXED
    wb.properties.creator = "fengong eval"
    wb.save(dest)


def build_csv(items, dest):
    """A "CSV UTF-8" export of the first sheet's lines (see the docstring)."""
    import csv

    body = [(t, v) for t, v in items if t != "S"]
    width = max([len(v) for t, v in body if t in ("H", "R")] or [1])
    rows = []
    for tag, value in blocks(body):
        if tag in ("T", "P", "G"):
            rows.append([value] + [""] * (width - 1))
        elif tag == "E":
            rows.append([""] * width)
        elif tag == "table":
            w, cells, spans = grid(value)
            for r in range(len(value)):
                rows.append([cells.get((r, c), "") for c in range(w)])
    with open(dest, "w", encoding="utf-8-sig", newline="") as f:
        csv.writer(f, lineterminator="\r\n").writerows(rows)


# ---------------------------------------------------------------- LibreOffice


def soffice(fmt, path, outdir):
    profile = tempfile.mkdtemp(prefix="lo-profile-")
    try:
        subprocess.run(
            ["soffice", f"-env:UserInstallation=file://{profile}", "--headless",
             "--convert-to", fmt, "--outdir", str(outdir), str(path)],
            check=True, capture_output=True, timeout=240,
        )
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def main():
    DOCS.mkdir(parents=True, exist_ok=True)
    only = sys.argv[2:]
    for src in sorted(SRC.glob("*.py")):
        stem = src.stem
        if only and not any(stem.startswith(o) for o in only):
            continue
        data = runpy.run_path(str(src))
        out, (meta, items) = data["OUT"], parse(data["SOURCE"])
        dest = DOCS / f"{stem}{out}"
        if out == ".docx":
            build_docx(meta, items, dest)
        elif out == ".xlsx":
            build_xlsx(items, dest)
        elif out == ".csv":
            build_csv(items, dest)
        elif out in (".xls", ".ods"):
            with tempfile.TemporaryDirectory() as t:
                tmp = pathlib.Path(t) / f"{stem}.xlsx"
                build_xlsx(items, tmp)
                soffice(out[1:], tmp, DOCS)
        elif out in (".pdf", ".doc"):
            with tempfile.TemporaryDirectory() as t:
                tmp = pathlib.Path(t) / f"{stem}.docx"
                build_docx(meta, items, tmp)
                soffice(out[1:], tmp, DOCS)
        else:
            raise SystemExit(f"{src.name}: unknown OUT {out}")
        print(dest, dest.stat().st_size, "bytes")


if __name__ == "__main__":
    main()
