#!/usr/bin/env python3
"""Checks a held-out set's gold files against their documents, never against the extractor.

    python3 eval/tools/holdout_check_gold.py eval/holdout13              # every gold file
    python3 eval/tools/holdout_check_gold.py eval/holdout13 --text q05   # print a document's text as checked

One checker for the sets written since holdout10 (each set's tools/ folder
held a copy before, adapted from holdout7's, holdout6's and holdout5's); it
reads the tags of the set's own CONVENTIONS.md, of every
eval/holdout*/CONVENTIONS.md and of eval/. Every title, goal, unit (as
written; for `A=B` the written form A) and deadline of a gold file must
occur in its document's text once whitespace and page-number lines are
removed. The text is read so:
  .docx  python-docx: paragraphs, then every table's cells row by row
  .xlsx  openpyxl: every sheet's cells row by row
  .pdf   `pdftotext` (poppler-utils), reading order, form feeds dropped
  .doc   `soffice --headless --convert-to txt` (LibreOffice); skipped with a
         message when soffice is missing
  .xls/.ods  converted to .xlsx by `soffice --headless --convert-to xlsx`
         into a temporary folder, then read as .xlsx; skipped with a message
         when soffice is missing
  .html/.htm  <script>/<style> dropped, every tag a line break, entities
         unescaped (the page's menus and footer stay in the text)
  .txt/.md/.csv  UTF-16 with a BOM, UTF-8 (a BOM dropped), or GB18030 when the bytes
         are not UTF-8
In a PDF a string cut by a page break (its first part ending one page, the
rest on the next, with the footer and a repeated table header between them
in pdftotext's order) is accepted and listed, and so is a string whose
characters occur in order within a short window (a cell's lines interleaved
by pdftotext with the lines of the cell beside it). It also checks each task line's field count, that every tag in
`conventions:` is defined (in the set, in any eval/holdout*/, or in
eval/), and that
the `document:` exists.
"""

import pathlib
import re
import shutil
import subprocess
import sys
import tempfile

import html


if len(sys.argv) < 2 or not pathlib.Path(sys.argv[1], "gold").is_dir():
    raise SystemExit("usage: holdout_check_gold.py SET [--text STEM…]   (SET: a folder with gold/, e.g. eval/holdout13)")
CORPUS = pathlib.Path(sys.argv[1]).resolve()
EVAL = CORPUS.parent
FURNITURE = re.compile(r"^\s*(—\s*\d+\s*—|-\s*\d+\s*-|·\s*\d+\s*·|第\s*\d+\s*页\s*共\s*\d+\s*页)\s*$")


def text_of(path: pathlib.Path):
    if path.suffix in (".xls", ".ods"):
        if not shutil.which("soffice"):
            return None
        with tempfile.TemporaryDirectory() as t:
            profile = pathlib.Path(t) / "profile"
            subprocess.run(
                ["soffice", f"-env:UserInstallation=file://{profile}", "--headless",
                 "--convert-to", "xlsx", "--outdir", t, str(path)],
                check=True, capture_output=True, timeout=240,
            )
            return text_of(pathlib.Path(t) / (path.stem + ".xlsx"))
    if path.suffix == ".docx":
        import docx  # only for Word documents

        d = docx.Document(path)
        parts = [p.text for p in d.paragraphs]
        for t in d.tables:
            for r in t.rows:
                parts.extend(c.text for c in r.cells)
        return "\n".join(parts)
    if path.suffix == ".xlsx":
        import openpyxl  # only for Excel documents

        wb = openpyxl.load_workbook(path)
        # a sheet's name is part of its text (m02: the name is the lead unit)
        return "\n".join(
            [ws.title for ws in wb]
            + [str(c) for ws in wb for row in ws.iter_rows(values_only=True) for c in row if c]
        )
    if path.suffix == ".pdf":
        out = subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True)
        return out.stdout.decode("utf-8")
    if path.suffix == ".doc":
        if not shutil.which("soffice"):
            return None
        with tempfile.TemporaryDirectory() as t:
            profile = pathlib.Path(t) / "profile"
            subprocess.run(
                ["soffice", f"-env:UserInstallation=file://{profile}", "--headless",
                 "--convert-to", "txt:Text (encoded):UTF8", "--outdir", t, str(path)],
                check=True, capture_output=True, timeout=240,
            )
            return (pathlib.Path(t) / (path.stem + ".txt")).read_text(encoding="utf-8-sig")
    if path.suffix in (".html", ".htm"):
        raw = path.read_bytes().decode("utf-8")
        raw = re.sub(r"(?is)<(script|style)\b.*?</\1>", "", raw)
        return html.unescape(re.sub(r"<[^>]+>", "\n", raw))
    data = path.read_bytes()
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("gb18030")


def folded(text: str) -> str:
    lines = text.replace("\f", "\n").split("\n")
    keep = [l.strip() for l in lines if not FURNITURE.match(l.strip())]
    return re.sub(r"\s+", "", "".join(keep))


def pages_of(path: pathlib.Path):
    """A PDF's pages, each folded, for strings that a page break cuts."""
    out = subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True)
    return [folded(p) for p in out.stdout.decode("utf-8").split("\f")]


def split_by_page(s: str, pages) -> bool:
    """True when s is s1 + s2 with s1 on one page and s2 on the next (a table
    row or a paragraph cut by a page break; pdftotext then puts the rest of
    the page, the footer and the repeated header between the two parts)."""
    for k in range(2, len(s) - 1):
        for a, b in zip(pages, pages[1:]):
            if s[:k] in a and s[k:] in b:
                return True
    return False


def interleaved(s: str, text: str) -> bool:
    """True when s's characters occur in order within a window of 4×len(s)
    of a PDF's text: a table cell whose lines pdftotext interleaves with the
    lines of the cells beside it (listed, not an error)."""
    start = text.find(s[:2])
    while start != -1:
        i, j = 0, start
        while i < len(s) and j < len(text) and j - start < 4 * len(s):
            if text[j] == s[i]:
                i += 1
            j += 1
        if i == len(s):
            return True
        start = text.find(s[:2], start + 1)
    return False


def defined_tags() -> set:
    tags = set()
    files = [CORPUS / "CONVENTIONS.md", EVAL / "CONVENTIONS.md"]
    files += sorted(p for p in EVAL.glob("holdout*/CONVENTIONS.md") if p.parent != CORPUS)
    for md in files:
        if not md.exists():
            continue
        tags |= set(re.findall(r"^## ([A-Z]\d\d) ", md.read_text(encoding="utf-8"), re.M))
    return tags


def main() -> int:
    if sys.argv[2:3] == ["--text"]:
        for doc in sorted((CORPUS / "docs").iterdir()):
            if any(doc.name.startswith(s) for s in sys.argv[3:]):
                print(text_of(doc))
        return 0
    errors = 0
    tags = defined_tags()
    for gold in sorted((CORPUS / "gold").glob("*.gold")):
        lines = gold.read_text(encoding="utf-8").splitlines()
        doc = next(l.split(": ", 1)[1] for l in lines if l.startswith("document: "))
        path = CORPUS / doc
        if not path.exists():
            errors += 1
            print(f"{gold.name}: MISSING document {doc}")
            continue
        raw = text_of(path)
        if raw is None:
            print(f"{gold.name}: skipped, soffice is needed to read {doc}")
            continue
        text = folded(raw)
        pages = pages_of(path) if path.suffix == ".pdf" else []
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
                s = re.sub(r"\s+", "", s)
                if s not in text and split_by_page(s, pages):
                    print(f"{gold.name}:{n}: {kind} cut by a page break (found in two parts): {s}")
                elif s not in text and pages and interleaved(s, text):
                    print(f"{gold.name}:{n}: {kind} interleaved with the next cell by pdftotext: {s}")
                elif s not in text:
                    errors += 1
                    print(f"{gold.name}:{n}: MISSING {kind}: {s}")
        print(f"{gold.name}: {tasks} tasks")
    print(f"{errors} problems")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
