"""How far a second annotation of annotated documents agrees with the first, and this resolver
with each.

    python scripts/score_second_annotation.py SECOND DIR [DIR ...] [--part all|dev|held]
                                              [--bootstrap N] [--heideltime] [--cache DIR]

    python scripts/score_second_annotation.py fixtures/timex_tbaq_second/held \\
        ../shared/timeml/tbaq/TimeBank ../shared/timeml/tbaq/AQUAINT --part held
    python scripts/score_second_annotation.py fixtures/timex_news_second/test \\
        fixtures/timex_esc/test fixtures/timex_meantime/test

Each DIR holds TimeML files annotated once (TBAQ's, MEANTIME's, ESC's), split into parts as
scripts/evaluate_timex.py splits them; SECOND holds ``A.jsonl`` and ``B.jsonl`` (or ``A.jsonl``
alone), more annotations of the same documents by independent annotators following the TimeML
guidelines, one line per document in the scorer's system format (``{"doc", "timexes":
[{"start", "end", "type", "value"}]}``, offsets into the text of the document's TEXT element).
Only offsets and values are kept there; the texts are the DIRs'.

Prints, per DIR and over all of them, strict / relaxed / value / type F1 of each second
annotation against the first, of B against A, and of this resolver against each of the three;
with --bootstrap, 95% intervals of value F1 from document resamples; with --heideltime,
HeidelTime beside this resolver (needs Java and ``benchmarks/requirements-heideltime.txt``;
its output is cached as compare_heideltime's is).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scripts.evaluate_timex import split_dirs, tagged  # noqa: E402
from timeline.extraction.temporal.scoring import (  # noqa: E402
    Span,
    bootstrap_interval,
    read_gold,
    score,
)

MEASURES = ("strict_F1", "relaxed_F1", "value_F1", "type_F1")
Annotation = dict[str, list[Span]]


def read_annotation(path: Path, texts: dict[str, str]) -> Annotation:
    """One annotation's spans per document, checked against the documents' texts."""
    found: Annotation = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        row = json.loads(line)
        doc = row["doc"].removesuffix(".tml")
        if doc not in texts:
            raise SystemExit(f"{path}:{number}: {doc} is not among the documents scored")
        spans = [Span(t["start"], t["end"], t["type"], t["value"]) for t in row["timexes"]]
        for s in spans:
            if not 0 <= s.start < s.end <= len(texts[doc]):
                raise SystemExit(f"{path}:{number}: {s} is outside {doc}'s text")
        found[doc] = spans
    missing = sorted(set(texts) - set(found))
    if missing:
        raise SystemExit(f"{path}: no annotation of {', '.join(missing)}")
    return found


def tagged_by_both(files: list[Path], cache: Path) -> tuple[Annotation, Annotation]:
    """This resolver's and HeidelTime's timexes per document (compare_heideltime's run, which
    tags with both)."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from compare_heideltime import tag_both  # noqa: PLC0415 (only with --heideltime)

    _, ours, theirs = tag_both(files, jobs=2, cache=cache)

    def by_name(found: dict[str, list[Span]]) -> Annotation:
        return {Path(key).name.removesuffix(".tml"): spans for key, spans in found.items()}

    return by_name(ours), by_name(theirs)


def _row(label: str, gold: Annotation, system: Annotation, samples: int) -> str:
    s = score(gold, system)
    figures = "  ".join(f"{100 * s[m]:5.1f}" for m in MEASURES)
    line = f"  {label:34s} {figures}"
    if samples:
        lo, hi = bootstrap_interval(gold, system, "value_F1", samples)
        line += f"   value {100 * lo:.1f}–{100 * hi:.1f}"
    return line


def _only(annotation: Annotation, docs: set[str]) -> Annotation:
    return {doc: spans for doc, spans in annotation.items() if doc in docs}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("second", type=Path, help="the folder of A.jsonl and B.jsonl")
    ap.add_argument("dirs", nargs="+", type=Path)
    ap.add_argument("--part", choices=("all", "dev", "held"), default="all")
    ap.add_argument("--bootstrap", type=int, default=0, metavar="N")
    ap.add_argument("--heideltime", action="store_true")
    ap.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "heideltime-cache")
    args = ap.parse_args(argv)
    parts = split_dirs(args.dirs, args.part, ap.error)
    files = [f for _, part in parts for f in part]
    documents = [read_gold(f) for f in files]
    texts = {d.name: d.text for d in documents}
    if len(texts) < len(documents):
        ap.error("two documents of one name: score their folders apart")
    first = {d.name: d.timexes for d in documents}
    a = read_annotation(args.second / "A.jsonl", texts)
    # (a part annotated again by one annotator only has no B)
    b = (
        read_annotation(args.second / "B.jsonl", texts)
        if (args.second / "B.jsonl").exists()
        else None
    )
    theirs: Annotation | None = None
    if args.heideltime:
        ours, theirs = tagged_by_both(files, args.cache)
    else:
        ours = {d.name: tagged(d) for d in documents}
    groups = [
        (f"{d.parent.name}/{d.name} ({args.part})", {f.name.removesuffix(".tml") for f in p})
        for d, p in parts
    ]
    if len(parts) > 1:
        groups.append((f"all ({args.part})", set(texts)))
    for label, docs in groups:
        annotations = [("first", first), ("A", a)] + ([("B", b)] if b is not None else [])
        counts = ", ".join(f"{who} {sum(len(x[doc]) for doc in docs)}" for who, x in annotations)
        print(f"{label}: {len(docs)} documents; TIMEX3: {counts}")
        print(f"  {'':34s} {'strict':>5s}  {'relax':>5s}  {'value':>5s}  {'type':>5s}")
        rows = [("A against the first", first, a)]
        if b is not None:
            rows += [("B against the first", first, b), ("B against A", a, b)]
        for name, system in [("this resolver", ours)] + (
            [("HeidelTime", theirs)] if theirs is not None else []
        ):
            rows += [
                (f"{name} against the first", first, system),
                (f"{name} against A", a, system),
            ]
            if b is not None:
                rows.append((f"{name} against B", b, system))
        for row_label, gold, system in rows:
            print(_row(row_label, _only(gold, docs), _only(system, docs), args.bootstrap))
    return 0


if __name__ == "__main__":
    sys.exit(main())
