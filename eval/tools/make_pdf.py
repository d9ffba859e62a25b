#!/usr/bin/env python3
"""Builds the PDF and legacy-Office corpus (eval/pdf/docs/) from hand-written sources.

    python3 eval/tools/make_pdf.py            # rebuilds every document
    python3 eval/tools/make_pdf.py --bench benches/data/plan30.pdf   # the bench's 30 pages

Needs LibreOffice (soffice), wkhtmltopdf and rsvg-convert (Debian:
libreoffice-writer libreoffice-calc wkhtmltopdf librsvg2-bin
fonts-noto-cjk fonts-droid-fallback). `cargo test` needs none of them: the results
are committed.

Three producers write text objects differently, which is the point:
- `<stem>.docx.txt` → a Word document → LibreOffice's PDF export
  (`<stem>.pdf`) and its Word 97-2003 export (`<stem>_word.doc`);
- `<stem>.html.txt` → HTML → wkhtmltopdf (Qt), `<stem>.pdf`;
- `<stem>.cairo.txt` → lines wrapped at a fixed width and cut into pages
  by this script, one SVG of positioned text a page → rsvg-convert
  (librsvg, cairo's PDF surface), one PDF.
- `<stem>.xls.from` / `<stem>.doc.from`: the path of an existing corpus
  document (eval/docs/) that LibreOffice converts to .xls / .doc.

Source lines (one paragraph or row a line):
  HEADER: text   the running header of every page (docx: every page;
                 cairo: every page after the first; html: none, see below)
  FOOTER: dash | hyphen | page-of    the page number: `— N —`, `- N -`,
                 `第N页 共M页`
  WIDTHS: 1.2 7 3   docx: the table's column widths in cm
  T: text        the title (centred, bold)
  B: text        a bold heading line (its number in the text)
  P: text        a paragraph; `{PB}` inside it is a page break in the middle
  PB:            a page break between paragraphs
  H: a | b | c   a table's header row, repeated on every page
  R: a | b | c   a table row
  G: text        a section row merged across the table

The gold files (eval/pdf/gold/) are not made here: they are written by
hand from these sources (eval/README.md).
"""

import html
import pathlib
import shutil
import subprocess
import sys
import tempfile

HERE = pathlib.Path(__file__).resolve().parent
CORPUS = HERE.parent / "pdf"
SRC = CORPUS / "src"
DOCS = CORPUS / "docs"
FONT = "Noto Serif CJK SC"
# cairo subsets TrueType outlines compactly (a CFF CJK subset is ~200 KB a page).
CAIRO_FONT = "Droid Sans Fallback"


def parse(src: pathlib.Path):
    meta, items = {}, []
    for raw in src.read_text(encoding="utf-8").splitlines():
        if not raw.strip():
            continue
        tag, _, text = raw.partition(":")
        text = text.strip()
        if tag in ("HEADER", "FOOTER", "WIDTHS"):
            meta[tag] = text
        else:
            items.append((tag, text))
    return meta, items


def soffice(args, cwd):
    profile = tempfile.mkdtemp(prefix="lo-profile-")
    try:
        subprocess.run(
            ["soffice", f"-env:UserInstallation=file://{profile}", "--headless"] + args,
            cwd=cwd,
            check=True,
            capture_output=True,
            timeout=180,
        )
    finally:
        shutil.rmtree(profile, ignore_errors=True)


# ---------------------------------------------------------------- Word


def build_docx(meta, items, out: pathlib.Path):
    import docx
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    d = docx.Document()
    d.core_properties.author = "fengong eval"
    normal = d.styles["Normal"]
    normal.font.size = Pt(15)
    normal.font.name = FONT
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)

    section = d.sections[0]

    def field(paragraph, code):
        fld = OxmlElement("w:fldSimple")
        fld.set(qn("w:instr"), code)
        r = OxmlElement("w:r")
        t = OxmlElement("w:t")
        t.text = "1"
        r.append(t)
        fld.append(r)
        paragraph._p.append(fld)

    if "HEADER" in meta:
        hp = section.header.paragraphs[0]
        hp.text = meta["HEADER"]
        hp.alignment = WD_ALIGN_PARAGRAPH.CENTER
    fp = section.footer.paragraphs[0]
    fp.alignment = WD_ALIGN_PARAGRAPH.CENTER
    style = meta.get("FOOTER", "dash")
    if style == "page-of":
        fp.add_run("第")
        field(fp, "PAGE")
        fp.add_run("页 共")
        field(fp, "NUMPAGES")
        fp.add_run("页")
    else:
        mark = "—" if style == "dash" else "-"
        fp.add_run(f"{mark} ")
        field(fp, "PAGE")
        fp.add_run(f" {mark}")

    widths = [float(w) for w in meta.get("WIDTHS", "").split()]
    table = None
    width = 0
    pending_break = False
    for tag, text in items:
        if tag in ("H", "R", "G"):
            cells = [c.strip() for c in text.split(" | ")]
            if table is None:
                width = len(cells)
                table = d.add_table(rows=0, cols=width)
                table.style = "Table Grid"
                table.alignment = WD_TABLE_ALIGNMENT.CENTER
            row = table.add_row()
            if widths and len(widths) == width:
                for cell, w in zip(row.cells, widths):
                    cell.width = Cm(w)
            if tag == "G":
                merged = row.cells[0].merge(row.cells[width - 1])
                merged.text = text
            else:
                for cell, value in zip(row.cells, cells):
                    cell.text = value
            for cell in row.cells:
                for p in cell.paragraphs:
                    for r in p.runs:
                        r.font.size = Pt(13)
            if tag == "H":
                tr_pr = row._tr.get_or_add_trPr()
                header = OxmlElement("w:tblHeader")
                header.set(qn("w:val"), "true")
                tr_pr.append(header)
            continue
        table = None
        if tag == "PB":
            pending_break = True
            continue
        p = d.add_paragraph()
        if pending_break:
            p.paragraph_format.page_break_before = True
            pending_break = False
        parts = text.split("{PB}")
        for k, part in enumerate(parts):
            run = p.add_run(part)
            if tag in ("T", "B"):
                run.bold = True
            if k + 1 < len(parts):
                run.add_break(WD_BREAK.PAGE)
        if tag == "T":
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif tag == "P":
            p.paragraph_format.first_line_indent = Pt(30)
    d.save(out)


def docx_outputs(src, stem, tmp):
    meta, items = parse(src)
    docx_path = tmp / f"{stem}.docx"
    build_docx(meta, items, docx_path)
    soffice(["--convert-to", "pdf", "--outdir", str(DOCS), str(docx_path)], tmp)
    soffice(["--convert-to", "doc", "--outdir", str(tmp), str(docx_path)], tmp)
    # Its own stem, so that it has its own gold file.
    shutil.move(tmp / f"{stem}.doc", DOCS / f"{stem}_word.doc")


# ---------------------------------------------------------------- HTML


def html_output(src, stem, tmp):
    meta, items = parse(src)
    body = []
    rows = []

    def flush():
        if not rows:
            return
        body.append("<table>")
        for tag, cells in rows:
            if tag == "H":
                body.append(
                    "<thead><tr>"
                    + "".join(f"<th>{html.escape(c)}</th>" for c in cells)
                    + "</tr></thead><tbody>"
                )
            elif tag == "G":
                body.append(f'<tr><td colspan="9">{html.escape(cells[0])}</td></tr>')
            else:
                body.append(
                    "<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in cells) + "</tr>"
                )
        body.append("</tbody></table>")
        rows.clear()

    pb = False
    for tag, text in items:
        if tag in ("H", "R", "G"):
            rows.append((tag, [c.strip() for c in text.split(" | ")]))
            continue
        flush()
        if tag == "PB":
            pb = True
            continue
        style = ' style="page-break-before: always"' if pb else ""
        pb = False
        parts = [html.escape(p) for p in text.split("{PB}")]
        cls = {"T": "title", "B": "heading"}.get(tag, "para")
        body.append(f'<p class="{cls}"{style}>{parts[0]}</p>')
        for part in parts[1:]:
            body.append(f'<p class="cont" style="page-break-before: always">{part}</p>')
    flush()
    page = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><style>
body {{ font-family: "{FONT}"; font-size: 17pt; line-height: 1.6; }}
p.title {{ text-align: center; font-weight: bold; font-size: 21pt; }}
p.heading {{ font-weight: bold; }}
p.para {{ text-indent: 2em; margin: 0; }}
p.cont {{ margin: 0; }}
table {{ border-collapse: collapse; width: 100%; font-size: 14pt; }}
thead {{ display: table-header-group; }}
tr {{ page-break-inside: avoid; }}
td, th {{ border: 1px solid black; padding: 4px; }}
</style></head><body>{"".join(body)}</body></html>"""
    page_path = tmp / f"{stem}.html"
    page_path.write_text(page, encoding="utf-8")
    # Debian's wkhtmltopdf is built on an unpatched Qt: it has no running
    # headers or footers (--header-center is ignored), so these pages have
    # none; the other producers cover page furniture.
    args = ["wkhtmltopdf", "-q", "--encoding", "utf-8", "--page-size", "A4"]
    args += ["--margin-top", "25mm", "--margin-bottom", "25mm"]
    args += [str(page_path), str(DOCS / f"{stem}.pdf")]
    env = dict(__import__("os").environ, QT_QPA_PLATFORM="offscreen")
    subprocess.run(args, check=True, env=env, timeout=180, capture_output=True)


# ---------------------------------------------------------------- cairo


WRAP = 30  # characters a line (CJK)
PAGE_LINES = 22


def cairo_output(src, stem, tmp):
    """Lines wrapped at WRAP characters, cut into pages of PAGE_LINES, each
    page an SVG of positioned text lines; rsvg-convert (cairo) writes them
    as one PDF."""
    meta, items = parse(src)
    lines = []  # (text, forced page break before, bold)
    pb = False
    for tag, text in items:
        if tag == "PB":
            pb = True
            continue
        if tag == "T":
            lines.append(("\u3000" * 2 + text, pb, True))
            lines.append(("", False, False))
        else:
            para = ("\u3000\u3000" if tag == "P" else "") + text.replace("{PB}", "")
            first = True
            while para:
                lines.append((para[:WRAP], pb and first, tag == "B"))
                para = para[WRAP:]
                first = False
        pb = False
    pages, page = [], []
    for line in lines:
        if page and (line[1] or len(page) >= PAGE_LINES):
            pages.append(page)
            page = []
        page.append(line)
    if page:
        pages.append(page)
    mark = {"dash": "— {} —", "hyphen": "- {} -", "page-of": "第{}页 共%d页" % len(pages)}
    svgs = []
    for n, page in enumerate(pages, 1):
        out = [
            '<svg xmlns="http://www.w3.org/2000/svg" width="595pt" height="842pt" '
            'viewBox="0 0 595 842">'
        ]

        def text(x, y, s, size=16, anchor="start", bold=False):
            weight = ' font-weight="bold"' if bold else ""
            out.append(
                f'<text x="{x}" y="{y}" font-family="{CAIRO_FONT}" font-size="{size}" '
                f'text-anchor="{anchor}"{weight}>{html.escape(s)}</text>'
            )

        if "HEADER" in meta and n > 1:
            text(297, 50, meta["HEADER"], 11, "middle")
            out.append('<line x1="60" y1="58" x2="535" y2="58" stroke="black" stroke-width="0.5"/>')
        for k, (s, _, bold) in enumerate(page):
            text(60, 100 + k * 30, s, 16, bold=bold)
        text(297, 800, mark[meta.get("FOOTER", "dash")].format(n), 12, "middle")
        out.append("</svg>")
        path = tmp / f"{stem}-{n:02}.svg"
        path.write_text("\n".join(out), encoding="utf-8")
        svgs.append(str(path))
    subprocess.run(
        ["rsvg-convert", "-f", "pdf", "-o", str(DOCS / f"{stem}.pdf"), *svgs],
        check=True, timeout=120,
    )


# ---------------------------------------------------------------- conversions


def convert_existing(src, stem, fmt, tmp):
    original = (HERE.parent / src.read_text(encoding="utf-8").strip()).resolve()
    copy = tmp / f"{stem}{original.suffix}"
    shutil.copy(original, copy)
    soffice(["--convert-to", fmt, "--outdir", str(DOCS), str(copy)], tmp)


def bench_pdf(out: pathlib.Path):
    """A long plan for the reader's benchmark: p01's text four times and
    p02's table twice (about 30 pages), as LibreOffice exports it."""
    meta, one = parse(SRC / "p01_yunjiang_industry_action.docx.txt")
    _, table = parse(SRC / "p02_lanqiao_report_table.docx.txt")
    items = one * 4 + [("PB", "")] + table + [("P", "附件2")] + table
    meta["WIDTHS"] = "1.3 7.2 2.9 3.6 2.6"
    with tempfile.TemporaryDirectory() as t:
        tmp = pathlib.Path(t)
        docx_path = tmp / f"{out.stem}.docx"
        build_docx(meta, items, docx_path)
        soffice(["--convert-to", "pdf", "--outdir", str(out.parent), str(docx_path)], tmp)


def main():
    DOCS.mkdir(parents=True, exist_ok=True)
    if sys.argv[1:2] == ["--bench"]:
        bench_pdf(pathlib.Path(sys.argv[2]).resolve())
        return
    only = sys.argv[1:]
    with tempfile.TemporaryDirectory() as t:
        tmp = pathlib.Path(t)
        for src in sorted(SRC.iterdir()):
            stem, _, kind = src.name.partition(".")
            if only and not any(stem.startswith(o) for o in only):
                continue
            print(src.name)
            if kind == "docx.txt":
                docx_outputs(src, stem, tmp)
            elif kind == "html.txt":
                html_output(src, stem, tmp)
            elif kind == "cairo.txt":
                cairo_output(src, stem, tmp)
            elif kind in ("xls.from", "doc.from"):
                convert_existing(src, stem, kind.split(".")[0], tmp)


if __name__ == "__main__":
    main()
