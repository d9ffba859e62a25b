#!/usr/bin/env python3
"""Makes the corpus's `pdftotext -layout` documents the way real ones are made:
a Word document with a task table is printed to PDF by LibreOffice, and
poppler's pdftotext lays the PDF out as text.

    python3 eval/tools/make_layout.py   # needs libreoffice-writer, fonts-noto-cjk, poppler-utils

A source is eval/tools/src/<stem>.layout.txt, one line each:
    P: text          a paragraph
    R: a | b | c     a table row (the first row is the header, repeated on every page)
    G: text          a section row, merged across the table
The text file is written to eval/docs/<stem>.txt. The gold is written by hand.
"""

import pathlib
import subprocess
import tempfile

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

HERE = pathlib.Path(__file__).resolve().parent
DOCS = HERE.parent / "docs"
WIDTHS = [Cm(1.2), Cm(6.5), Cm(2.8), Cm(4.2), Cm(2.3)]


def build(src: pathlib.Path, out_docx: pathlib.Path) -> None:
    d = docx.Document()
    d.styles["Normal"].font.size = Pt(10.5)
    d.styles["Normal"].font.name = "Noto Serif CJK SC"
    d.styles["Normal"].element.rPr.rFonts.set(qn("w:eastAsia"), "Noto Serif CJK SC")
    table = None
    for raw in src.read_text(encoding="utf-8").splitlines():
        if not raw.strip():
            continue
        kind, _, text = raw.partition(": ")
        if kind == "P":
            d.add_paragraph(text)
        elif kind in ("R", "G"):
            if table is None:
                cells = text.split(" | ")
                table = d.add_table(rows=0, cols=len(cells))
                table.style = "Table Grid"
                header = True
            row = table.add_row()
            if kind == "G":
                merged = row.cells[0].merge(row.cells[-1])
                merged.text = text
            else:
                for cell, value in zip(row.cells, text.split(" | ")):
                    cell.text = value.strip()
            for cell, w in zip(row.cells, WIDTHS):
                cell.width = w
            if header:
                trPr = row._tr.get_or_add_trPr()
                el = OxmlElement("w:tblHeader")
                el.set(qn("w:val"), "true")
                trPr.append(el)
                header = False
    d.save(out_docx)


def main() -> None:
    for src in sorted((HERE / "src").glob("*.layout.txt")):
        stem = src.name[: -len(".layout.txt")]
        with tempfile.TemporaryDirectory() as tmp:
            t = pathlib.Path(tmp)
            build(src, t / f"{stem}.docx")
            subprocess.run(
                ["soffice", "--headless", "--convert-to", "pdf", "--outdir", tmp, str(t / f"{stem}.docx")],
                check=True,
                capture_output=True,
            )
            out = DOCS / f"{stem}.txt"
            subprocess.run(["pdftotext", "-layout", str(t / f"{stem}.pdf"), str(out)], check=True)
        print(f"wrote {out.relative_to(HERE.parent.parent)}")


if __name__ == "__main__":
    main()
