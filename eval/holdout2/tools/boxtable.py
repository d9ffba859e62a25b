#!/usr/bin/env python3
"""Builds b01 (a box-drawing text table, as legal-database pages print old
分工 attachments) from tools/src/b01.src.txt.

    python3 eval/holdout2/tools/boxtable.py

Source format: lines `head: TEXT` (text before the table, verbatim, `\\n`
for blank lines is not needed: every head/tail line is copied as is),
`cols: W1 W2 W3 W4` (display widths of the columns; CJK counts 2),
`hdr: A | B | C | D` (the header row), then groups:

    group: TITLE | LEADER | UNITS | DEADLINE
    item: TEXT
    item: TEXT

Each group is a title row in the first column, then one cell holding its
items, each starting a new line with △; the leader, units and deadline
cells are merged over the group's two rows. `tail:` lines follow the table.
The generator never writes gold.
"""

import pathlib
import unicodedata

HERE = pathlib.Path(__file__).resolve().parent
CORPUS = HERE.parent


def w(ch: str) -> int:
    return 2 if unicodedata.east_asian_width(ch) in "WFA" else 1


def wrap(text: str, width: int) -> list[str]:
    lines, cur, cw = [], "", 0
    for ch in text:
        if cw + w(ch) > width:
            lines.append(cur)
            cur, cw = "", 0
        cur += ch
        cw += w(ch)
    if cur or not lines:
        lines.append(cur)
    return lines


def pad(s: str, width: int) -> str:
    return s + " " * (width - sum(w(c) for c in s))


def sep(left: str, mid: str, right: str, widths, breaks) -> str:
    """breaks[i]: True draws ─ under column i, False leaves it open (merged)."""
    out = left
    for i, (cw, b) in enumerate(zip(widths, breaks)):
        out += ("─" * (cw // 2)) if b else ("　" * (cw // 2))
        if i < len(widths) - 1:
            nb = breaks[i + 1]
            if b and nb:
                out += mid
            elif b and not nb:
                out += "┤"
            elif not b and nb:
                out += "├"
            else:
                out += "│"
    end = right if breaks[-1] else "│"
    return out + end


def rows_block(cells: list[list[str]], widths) -> list[str]:
    n = max(len(c) for c in cells)
    out = []
    for k in range(n):
        parts = [pad(c[k] if k < len(c) else "", cw) for c, cw in zip(cells, widths)]
        out.append("│" + "│".join(parts) + "│")
    return out


def main() -> None:
    src = (HERE / "src" / "b01.src.txt").read_text(encoding="utf-8").splitlines()
    head, tail, groups, widths, hdr, out_name = [], [], [], None, None, None
    for l in src:
        if l.startswith("out: "):
            out_name = l[5:].strip()
        elif l.startswith("head: ") or l == "head:":
            head.append(l[6:])
        elif l.startswith("tail: ") or l == "tail:":
            tail.append(l[6:])
        elif l.startswith("cols: "):
            widths = [int(x) for x in l[6:].split()]
        elif l.startswith("hdr: "):
            hdr = [x.strip() for x in l[5:].split("|")]
        elif l.startswith("group: "):
            groups.append(([x.strip() for x in l[7:].split("|")], []))
        elif l.startswith("item: "):
            groups[-1][1].append(l[6:].strip())
    lines = list(head)
    n = len(widths)
    lines.append(sep("┌", "┬", "┐", widths, [True] * n))
    lines += rows_block([wrap(h, cw) for h, cw in zip(hdr, widths)], widths)
    for gi, ((title, leader, units, deadline), items) in enumerate(groups):
        lines.append(sep("├", "┼", "┤", widths, [True] * n))
        side = [wrap(leader, widths[1]), wrap(units, widths[2]), wrap(deadline, widths[3])]
        item_lines = []
        for it in items:
            item_lines += wrap("△" + it, widths[0])
        first = wrap(title, widths[0])
        # the merged side cells run down both rows; split their lines between them
        total = max(len(first) + len(item_lines), max(len(s) for s in side))
        item_lines += [""] * (total - len(first) - len(item_lines))
        side = [s + [""] * (total - len(s)) for s in side]
        top = [first] + [s[: len(first)] for s in side]
        bottom = [item_lines] + [s[len(first) :] for s in side]
        lines += rows_block(top, widths)
        lines.append("├" + "─" * (widths[0] // 2) + "┤" + "│".join("　" * (cw // 2) for cw in widths[1:]) + "│")
        lines += rows_block(bottom, widths)
    lines.append(sep("└", "┴", "┘", widths, [True] * n))
    lines += tail
    (CORPUS / "docs" / out_name).write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
