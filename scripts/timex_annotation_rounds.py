"""Prepare the second and third rounds of a double-annotated TimeML set (fixtures/timex_real/).

    python scripts/timex_annotation_rounds.py inputs FIRST OUT
    python scripts/timex_annotation_rounds.py disagreements FIRST SECOND OUT

``inputs`` writes what a second annotator gets: each document of FIRST as plain text
(``OUT/input/<name>.txt``, exactly the text the scorer reads) and ``OUT/input/DCT.tsv`` (file
name, creation time, headline), so the first annotation stays unseen. ``disagreements`` writes
what an adjudicator gets: the two annotations as ``OUT/X/`` and ``OUT/Y/`` (which one is X is
drawn per set from its folder name, so the adjudicator cannot favour the first) and
``OUT/DISAGREEMENTS.md``, every place where they differ in extent, type or value, with context.
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from timeline.extraction.temporal.scoring import (  # noqa: E402
    GoldDoc,
    Span,
    read_gold,
    relaxed_pairs,
)

_TITLE = re.compile(r"<TITLE>(.*?)</TITLE>", re.S)


def write_inputs(first: Path, out: Path) -> int:
    """Plain texts and DCT.tsv of every document in ``first``; returns how many."""
    folder = out / "input"
    folder.mkdir(parents=True, exist_ok=True)
    rows = ["file\tdct\ttitle"]
    for path in sorted(first.glob("*.tml")):
        doc = read_gold(path)
        title = _TITLE.search(path.read_text(encoding="utf-8"))
        (folder / f"{path.stem}.txt").write_text(doc.text, encoding="utf-8")
        rows.append(f"{path.name}\t{doc.dct}\t{title.group(1).strip() if title else ''}")
    (folder / "DCT.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return len(rows) - 1


def _context(text: str, start: int, end: int) -> str:
    return (
        text[max(0, start - 90) : start] + f"[[{text[start:end]}]]" + text[end : end + 60]
    ).replace("\n", " ")


def _show(text: str, t: Span) -> str:
    return f"`{text[t.start : t.end]}` {t.type} {t.value}"


def disagreements(x: GoldDoc, y: GoldDoc) -> list[str]:
    """Every place where two annotations of one text differ, in text order."""
    if x.text != y.text:
        raise ValueError(f"{x.name}: the two annotations are of different texts")
    text, found = x.text, []
    pairs = relaxed_pairs(x.timexes, y.timexes)
    for i, j in pairs:
        a, b = x.timexes[i], y.timexes[j]
        if (a.start, a.end, a.type, a.value) != (b.start, b.end, b.type, b.value):
            start, end = min(a.start, b.start), max(a.end, b.end)
            line = f"- X: {_show(text, a)} | Y: {_show(text, b)}"
            found.append((start, f"{line}\n  context: …{_context(text, start, end)}…"))
    for side, doc, matched, other in (
        ("X", x, {i for i, _ in pairs}, "Y"),
        ("Y", y, {j for _, j in pairs}, "X"),
    ):
        for k, t in enumerate(doc.timexes):
            if k not in matched:
                line = f"- {side} only: {_show(text, t)} | {other}: not tagged"
                found.append((t.start, f"{line}\n  context: …{_context(text, t.start, t.end)}…"))
    return [line for _, line in sorted(found)]


def write_disagreements(first: Path, second: Path, out: Path) -> int:
    """X/, Y/ and DISAGREEMENTS.md for an adjudicator; returns how many disagreements."""
    first_is_x = random.Random(first.name).random() < 0.5
    for side in ("X", "Y"):
        shutil.rmtree(out / side, ignore_errors=True)
        (out / side).mkdir(parents=True)
    lines, total = [f"# Disagreements between X and Y ({first.name})\n"], 0
    for path in sorted(first.glob("*.tml")):
        other = second / path.name
        if not other.exists():
            raise SystemExit(f"{second}: no annotation of {path.name}")
        x_path, y_path = (path, other) if first_is_x else (other, path)
        shutil.copy(x_path, out / "X" / path.name)
        shutil.copy(y_path, out / "Y" / path.name)
        x, y = read_gold(x_path), read_gold(y_path)
        found = disagreements(x, y)
        lines.append(f"\n## {path.name} (DCT {x.dct}): {len(found)} disagreements\n")
        lines += found
        total += len(found)
    (out / "DISAGREEMENTS.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return total


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="step", required=True)
    inputs = sub.add_parser("inputs", help="plain texts and DCTs for a second annotator")
    inputs.add_argument("first", type=Path)
    inputs.add_argument("out", type=Path)
    adjudication = sub.add_parser("disagreements", help="X, Y and their differences")
    adjudication.add_argument("first", type=Path)
    adjudication.add_argument("second", type=Path)
    adjudication.add_argument("out", type=Path)
    args = ap.parse_args(argv)
    if args.step == "inputs":
        print(f"{write_inputs(args.first, args.out)} documents")
    else:
        print(f"{write_disagreements(args.first, args.second, args.out)} disagreements")
    return 0


if __name__ == "__main__":
    sys.exit(main())
