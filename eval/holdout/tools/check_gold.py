#!/usr/bin/env python3
"""Checks the held-out gold files against their documents, never against the extractor.

    python3 eval/holdout/tools/check_gold.py

Every title, goal, unit (as written) and deadline of a gold file must occur
in its document's text once whitespace, page furniture and the running
header are removed (the same reading as eval/tools/check_gold.py, whose
text_of() and folded() this uses). It also checks each task line's field
count and that every tag in `conventions:` is defined in CONVENTIONS.md
(here or in eval/CONVENTIONS.md).
"""

import pathlib
import re
import sys

HERE = pathlib.Path(__file__).resolve().parent
CORPUS = HERE.parent
sys.path.insert(0, str(CORPUS.parent / "tools"))

from check_gold import folded, text_of  # noqa: E402  (eval/tools/check_gold.py)


def defined_tags() -> set[str]:
    tags = set()
    for md in (CORPUS / "CONVENTIONS.md", CORPUS.parent / "CONVENTIONS.md"):
        tags |= set(re.findall(r"^## ([CH]\d\d) ", md.read_text(encoding="utf-8"), re.M))
    return tags


def main() -> int:
    errors = 0
    tags = defined_tags()
    for gold in sorted((CORPUS / "gold").glob("*.gold")):
        lines = gold.read_text(encoding="utf-8").splitlines()
        doc = next(l.split(": ", 1)[1] for l in lines if l.startswith("document: "))
        text = folded(text_of(CORPUS / doc))
        src = HERE / "src" / (pathlib.Path(doc).name + ".furnish.txt")
        if src.exists():
            for l in src.read_text(encoding="utf-8").splitlines():
                if l.startswith("header: "):
                    header = re.sub(r"\s+", "", l[len("header: ") :])
                    first = text.find(header)
                    text = text[: first + len(header)] + text[first + len(header) :].replace(header, "")
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
                if re.sub(r"\s+", "", s) not in text:
                    errors += 1
                    print(f"{gold.name}:{n}: MISSING {kind}: {s}")
    print(f"{errors} problems")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
