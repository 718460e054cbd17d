"""Score the temporal tagger on TimeML data, with the fixed development / held-out split.

    python scripts/evaluate_timex.py DIR [DIR ...] [--part all|dev|held] [--why] [--bootstrap N]
                                     [--against OTHER]

Each DIR holds TimeML ``.tml`` files (e.g. TBAQ-cleaned's ``TimeBank/`` and ``AQUAINT/``).
The held-out part is every fifth document by sorted file name within each DIR (indices 4, 9,
14, ...); the tagger was never tuned on it. Prints TempEval-3 strict / relaxed P, R, F1 and
value / type F1, per DIR and over all of them; with --why, how many value disagreements are
only a different notation, a less specific gold value or the guidelines' other convention
(zones, fiscal years, decades) rather than a different answer, and what value F1 would be if
the conventions counted as agreement (a diagnostic, never the figure). With --against, the
"system" is another annotation of the same documents (the file of the same name under OTHER)
instead of the tagger: how far two annotators agree, on the same measures.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import NoReturn

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from timeline.extraction.temporal import tag  # noqa: E402
from timeline.extraction.temporal.scoring import (  # noqa: E402
    GoldDoc,
    Span,
    bootstrap_interval,
    read_gold,
    score,
    value_disagreements,
)


def split(files: list[Path], part: str) -> list[Path]:
    """The documents of one part: "held" is every fifth by sorted name, "dev" the rest."""
    files = sorted(files, key=lambda p: p.name)
    if part == "all":
        return files
    held = part == "held"
    return [f for i, f in enumerate(files) if (i % 5 == 4) == held]


def split_dirs(
    dirs: list[Path], part: str, error: Callable[[str], NoReturn]
) -> list[tuple[Path, list[Path]]]:
    """Each folder with the documents of its part; ``error`` (an argument parser's) is called
    for a folder with none."""
    parts = []
    for d in dirs:
        files = split(list(d.glob("*.tml")), part)
        if not files:
            error(f"{d}: no .tml files")
        parts.append((d, files))
    return parts


def _dct(raw: str | None) -> date | None:
    return date(int(raw[0:4]), int(raw[5:7]), int(raw[8:10])) if raw else None


def tagged(doc: GoldDoc) -> list[Span]:
    """The resolver's timexes in a document, as the scorer's spans."""
    return [Span(t.start, t.end, t.type, t.value) for t in tag(doc.text, _dct(doc.dct))]


def evaluate(files: list[Path], against: Path | None = None) -> dict[str, float]:
    gold, system = tag_files(files, against)
    return score(gold, system)


def tag_files(
    files: list[Path], against: Path | None = None
) -> tuple[dict[str, list[Span]], dict[str, list[Span]]]:
    """Gold and system timexes per document; the system is the tagger, or with ``against`` the
    other annotation of the same document under that folder."""
    others = {p.name: p for p in against.rglob("*.tml")} if against else {}
    gold, system = {}, {}
    for f in files:
        doc = read_gold(f)
        # keyed by path, not name: two folders scored together may hold files of one name
        key = str(f)
        gold[key] = doc.timexes
        if against is None:
            system[key] = tagged(doc)
            continue
        if f.name not in others:
            raise SystemExit(f"{against}: no annotation of {f.name}")
        other = read_gold(others[f.name])
        if other.text != doc.text:
            raise SystemExit(f"{others[f.name]}: its text differs from {f}'s")
        system[key] = other.timexes
    return gold, system


def _print(label: str, n_docs: int, s: dict[str, float]) -> None:
    print(f"{label}: {n_docs} documents, {s['gold']} gold, {s['system']} system timexes")
    for m in ("strict", "relaxed"):
        print(f"  {m:8s} P {s[m + '_P']:.4f}  R {s[m + '_R']:.4f}  F1 {s[m + '_F1']:.4f}")
    print(f"  value F1 {s['value_F1']:.4f}   type F1 {s['type_F1']:.4f}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dirs", nargs="+", type=Path)
    ap.add_argument("--part", choices=("all", "dev", "held"), default="all")
    ap.add_argument(
        "--bootstrap",
        type=int,
        metavar="N",
        default=0,
        help="also print 95%% intervals of strict/relaxed/value F1 from N document resamples",
    )
    ap.add_argument(
        "--why",
        action="store_true",
        help="also count the value disagreements by kind (notation, gold less specific, ...)",
    )
    ap.add_argument(
        "--against",
        type=Path,
        metavar="OTHER",
        help="score the annotation of the same documents under OTHER instead of the tagger",
    )
    args = ap.parse_args(argv)
    every = []
    for d, files in split_dirs(args.dirs, args.part, ap.error):
        every += files
        _print(f"{d.name} ({args.part})", len(files), evaluate(files, args.against))
    if len(args.dirs) > 1:
        _print(f"all ({args.part})", len(every), evaluate(every, args.against))
    if args.bootstrap:
        gold, system = tag_files(every, args.against)
        print(f"95% intervals over {args.bootstrap} resamples of the {len(every)} documents:")
        for measure in ("strict_F1", "relaxed_F1", "value_F1", "type_F1"):
            lo, hi = bootstrap_interval(gold, system, measure, args.bootstrap)
            print(f"  {measure:10s} {lo:.4f} – {hi:.4f}")
    if args.why:
        gold, system = tag_files(every, args.against)
        kinds = value_disagreements(gold, system)
        print(f"value disagreements over all ({args.part}): {sum(kinds.values())}")
        for kind, n in sorted(kinds.items(), key=lambda kv: -kv[1]):
            print(f"  {kind:20s} {n}")
        s = score(gold, system)
        pairs = s["relaxed_P"] * s["system"]
        if pairs:
            # a diagnostic, never the figure: what value F1 would be if the other way of
            # writing the same value (zone, fiscal prefix, decades; see disagreement_kind)
            # were counted as agreement
            forgiven = s["value_F1"] + s["relaxed_F1"] * kinds.get("convention", 0) / pairs
            print(f"value F1 with 'convention' differences counted as agreement: {forgiven:.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
