#!/usr/bin/env python3
"""Lays the held-out corpus's clean texts out as a PDF→text conversion leaves them.

    python3 eval/holdout/tools/furnish.py

The same layout as eval/tools/furnish.py (whose build() this uses): a
source tools/src/<document>.furnish.txt has settings, `---`, then the text
one paragraph a line, with ⟨PB⟩ where a page ends.
"""

import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "tools"))

import furnish  # noqa: E402  (eval/tools/furnish.py)


def main() -> None:
    for src in sorted((HERE / "src").glob("*.furnish.txt")):
        out = HERE.parent / "docs" / src.name[: -len(".furnish.txt")]
        out.write_text(furnish.build(src), encoding="utf-8")
        print(f"wrote {out.relative_to(HERE.parent.parent.parent)}")


if __name__ == "__main__":
    main()
