#!/usr/bin/env python3
"""Lays clean hand-written text out as a PDF→text conversion leaves it.

    python3 eval/tools/furnish.py      # rebuilds every eval/docs/ file made here

A source is eval/tools/src/<stem>.furnish.txt: a header of settings, a line
`---`, then the text, one paragraph a line. In the text, `⟨PB⟩` ends a page
exactly there (inside a word, a unit name or a note, as real page breaks
fall). Settings:

    width: 28              characters per line (lines are cut at this many
                           characters, as a fixed-width PDF layout cuts them)
    footer: — {n} —        the page-number line ({n} this page, {m} the count)
    header: TEXT           a running header at the top of every page but the first
    formfeed: yes          a form feed before each new page (pdftotext's default)
    indent: 4              spaces before the footer (centred-looking)

The gold files are written by hand from the clean source, as the text reads
once the page furniture is taken away (eval/README.md).
"""

import pathlib

HERE = pathlib.Path(__file__).resolve().parent
DOCS = HERE.parent / "docs"
BREAK = "⟨PB⟩"


def wrap(par: str, width: int) -> list[str]:
    if not par:
        return [""]
    return [par[i : i + width] for i in range(0, len(par), width)]


def build(src: pathlib.Path) -> str:
    head, _, body = src.read_text(encoding="utf-8").partition("\n---\n")
    cfg = {}
    for line in head.splitlines():
        k, _, v = line.partition(": ")
        cfg[k.strip()] = v
    width = int(cfg.get("width", "30"))
    # Pages: split the whole text at the markers, then wrap each page's
    # paragraphs (a paragraph cut by a marker continues on the next page).
    pages = body.rstrip("\n").split(BREAK)
    count = len(pages)
    out = []
    for n, page in enumerate(pages, start=1):
        lines = []
        if n > 1:
            if cfg.get("formfeed") == "yes":
                lines.append("\f")
            if cfg.get("header"):
                lines.append(cfg["header"])
                lines.append("")
        for par in page.strip("\n").split("\n"):
            lines.extend(wrap(par, width))
        if cfg.get("footer"):
            lines.append("")
            indent = " " * int(cfg.get("indent", "0"))
            lines.append(indent + cfg["footer"].format(n=n, m=count))
        text = "\n".join(lines)
        out.append(text.replace("\f\n", "\f"))
    return "\n".join(out) + "\n"


def main() -> None:
    for src in sorted((HERE / "src").glob("*.furnish.txt")):
        stem, ext = src.name[: -len(".furnish.txt")].rsplit(".", 1)
        out = DOCS / f"{stem}.{ext}"
        out.write_text(build(src), encoding="utf-8")
        print(f"wrote {out.relative_to(HERE.parent.parent)}")


if __name__ == "__main__":
    main()
