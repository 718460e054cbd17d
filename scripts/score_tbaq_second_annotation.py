"""How far a second annotation of TBAQ's held-out fifth agrees with TBAQ's own, and this resolver
with each (fixtures/timex_tbaq_second/).

    python scripts/score_tbaq_second_annotation.py [--tbaq DIR] [--bootstrap N] [--heideltime]
                                                   [--cache DIR] [--annotations DIR]

TBAQ's held-out fifth (every fifth document of TimeBank and AQUAINT by sorted name, the part the
resolver was never tuned on) was annotated again, from its plain texts, by two independent
annotators following the TimeML guidelines: ``A.jsonl`` and ``B.jsonl``, one line per document
in the scorer's system format (``{"doc", "timexes": [{"start", "end", "type", "value"}]}``,
offsets into the text of the document's TEXT element). Only offsets and values are kept here;
the texts are TBAQ's, read from ``--tbaq`` (by default ``../shared/timeml/tbaq`` beside the
repository).

Prints strict / relaxed / value / type F1 of each annotation against TBAQ's, of B against A,
and of this resolver against each of the three; with --bootstrap, 95% intervals of value F1
from document resamples; with --heideltime, HeidelTime beside this resolver (needs Java and
``benchmarks/requirements-heideltime.txt``; its output is cached as compare_heideltime's is).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scripts.evaluate_timex import _dct, split  # noqa: E402
from timeline.extraction.temporal import tag  # noqa: E402
from timeline.extraction.temporal.scoring import (  # noqa: E402
    Span,
    bootstrap_interval,
    read_gold,
    score,
)

ANNOTATIONS = ROOT / "fixtures" / "timex_tbaq_second"
DEFAULT_TBAQ = ROOT.parent / "shared" / "timeml" / "tbaq"
MEASURES = ("strict_F1", "relaxed_F1", "value_F1", "type_F1")
Annotation = dict[str, list[Span]]


def held_out_files(tbaq: Path) -> list[Path]:
    """TBAQ's held-out fifth, as scripts/evaluate_timex.py splits it."""
    files = []
    for part in ("TimeBank", "AQUAINT"):
        files += split(list((tbaq / part).glob("*.tml")), "held")
    return files


def read_annotation(path: Path, texts: dict[str, str]) -> Annotation:
    """One annotation's spans per document, checked against the documents' texts."""
    found: Annotation = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        row = json.loads(line)
        doc = row["doc"].removesuffix(".tml")
        if doc not in texts:
            raise SystemExit(f"{path}:{number}: {doc} is not in TBAQ's held-out fifth")
        spans = [Span(t["start"], t["end"], t["type"], t["value"]) for t in row["timexes"]]
        for s in spans:
            if not 0 <= s.start < s.end <= len(texts[doc]):
                raise SystemExit(f"{path}:{number}: {s} is outside {doc}'s text")
        found[doc] = spans
    missing = sorted(set(texts) - set(found))
    if missing:
        raise SystemExit(f"{path}: no annotation of {', '.join(missing)}")
    return found


def resolver(texts: dict[str, str], dcts: dict[str, str | None]) -> Annotation:
    return {
        doc: [Span(t.start, t.end, t.type, t.value) for t in tag(text, _dct(dcts[doc]))]
        for doc, text in texts.items()
    }


def heideltime(files: list[Path], cache: Path) -> Annotation:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from compare_heideltime import tag_both  # noqa: PLC0415 (only with --heideltime)

    _, _, theirs = tag_both(files, jobs=2, cache=cache)
    return {Path(key).name.removesuffix(".tml"): spans for key, spans in theirs.items()}


def _row(label: str, gold: Annotation, system: Annotation, samples: int) -> str:
    s = score(gold, system)
    figures = "  ".join(f"{100 * s[m]:5.1f}" for m in MEASURES)
    line = f"  {label:34s} {figures}"
    if samples:
        lo, hi = bootstrap_interval(gold, system, "value_F1", samples)
        line += f"   value {100 * lo:.1f}–{100 * hi:.1f}"
    return line


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tbaq", type=Path, default=DEFAULT_TBAQ)
    ap.add_argument("--annotations", type=Path, default=ANNOTATIONS, help="A.jsonl and B.jsonl")
    ap.add_argument("--bootstrap", type=int, default=0, metavar="N")
    ap.add_argument("--heideltime", action="store_true")
    ap.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "heideltime-cache")
    args = ap.parse_args(argv)
    files = held_out_files(args.tbaq)
    if not files:
        ap.error(f"{args.tbaq}: no TimeBank/ and AQUAINT/ .tml files")
    documents = [read_gold(f) for f in files]
    texts = {d.name: d.text for d in documents}
    tbaq = {d.name: d.timexes for d in documents}
    a = read_annotation(args.annotations / "A.jsonl", texts)
    b = read_annotation(args.annotations / "B.jsonl", texts)
    ours = resolver(texts, {d.name: d.dct for d in documents})
    counts = ", ".join(
        f"{label} {sum(map(len, x.values()))}" for label, x in (("TBAQ", tbaq), ("A", a), ("B", b))
    )
    print(f"TBAQ's held-out fifth: {len(documents)} documents; TIMEX3: {counts}")
    print(f"  {'':34s} {'strict':>5s}  {'relax':>5s}  {'value':>5s}  {'type':>5s}")
    rows = [
        ("A against TBAQ", tbaq, a),
        ("B against TBAQ", tbaq, b),
        ("B against A", a, b),
        ("this resolver against TBAQ", tbaq, ours),
        ("this resolver against A", a, ours),
        ("this resolver against B", b, ours),
    ]
    if args.heideltime:
        theirs = heideltime(files, args.cache)
        rows += [
            ("HeidelTime against TBAQ", tbaq, theirs),
            ("HeidelTime against A", a, theirs),
            ("HeidelTime against B", b, theirs),
        ]
    for label, gold, system in rows:
        print(_row(label, gold, system, args.bootstrap))
    return 0


if __name__ == "__main__":
    sys.exit(main())
