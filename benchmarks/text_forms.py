"""The same news written down another way: does the tagger, does the extraction, read it the same?

    python benchmarks/text_forms.py [--forms wrapped capitals ...] [--width 72]
                                    [--tagger-only | --extraction-only] [DIR ...]

Articles reach the product hard-wrapped by a mail client, with no-break spaces and tabs from a
web page or a word processor, with typographic or typewriter apostrophes, with a headline or
the whole text in capitals. (Windows line ends, two characters for one, are tested apart.)
None of that changes what happened or when. Each form below rewrites a text without changing
a character's offset (a space becomes a line break, a letter its capital), so what is found
in it can be compared with what is found in the text as written, offset for offset:

- the temporal tagger on every annotated TimeML document under DIR (by default the
  repository's fixtures): expressions found with the same extent and value;
- the extraction on the seed and unseen article files: candidate events with the same type,
  date, place, actors and quote (white space and apostrophes aside).

Nothing is compared with an annotation: the text as written is the reference. Prints, per
form, how many of the reference's expressions and candidates came out the same (what a form
adds is not counted), and the commonest of the tagger's differences. All the forms over the
default folders take about seven minutes.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Callable
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from timeline.extraction.pipeline import extract_from_text  # noqa: E402
from timeline.extraction.temporal import tag  # noqa: E402
from timeline.extraction.temporal.scoring import read_gold  # noqa: E402

FIXTURES = ROOT / "fixtures"
DEFAULT_DIRS = [
    FIXTURES / name for name in ("timex_blind", "timex_real", "timex_meantime", "timex_esc")
]


def wrapped(text: str, width: int) -> str:
    """Each line hard-wrapped at ``width`` columns, greedily, as a mail client does: the last
    space that fits becomes a line break."""
    out = []
    for line in text.split("\n"):
        chars, column, last_space = list(line), 0, -1
        for i, c in enumerate(line):
            if c == " ":
                last_space = i
            column += 1
            if column > width and last_space >= 0:
                chars[last_space] = "\n"
                column, last_space = i - last_space, -1
        out.append("".join(chars))
    return "\n".join(out)


def in_capitals(text: str) -> str:
    return "".join(c.upper() if len(c.upper()) == 1 else c for c in text)


def _after_header(form: Callable[[str], str]) -> Callable[[str], str]:
    """The form applied to what follows an article file's ``Key: value`` header block."""

    def rewritten(text: str) -> str:
        if not text.startswith("Title:") or "\n\n" not in text:
            return form(text)
        header, body = text.split("\n\n", 1)
        return header + "\n\n" + form(body)

    return rewritten


def forms(width: int) -> dict[str, Callable[[str], str]]:
    """The forms by name (``--forms`` takes the first words of names)."""
    return {
        f"wrapped at {width}": lambda t: wrapped(t, width),
        "wrapped at 40": lambda t: wrapped(t, 40),
        "no-break spaces": lambda t: t.replace(" ", "\u00a0"),
        "tabs": lambda t: t.replace(" ", "\t"),
        "typographic apostrophes": lambda t: t.replace("'", "\u2019"),
        "typewriter apostrophes": lambda t: t.replace("\u2019", "'").replace("\u2018", "'"),
        "capitals, first line": lambda t: (
            in_capitals(t.split("\n", 1)[0]) + t[len(t.split("\n", 1)[0]) :]
        ),
        "capitals, all": in_capitals,
    }


def _same_length(text: str, form: Callable[[str], str]) -> str:
    out = form(text)
    if len(out) != len(text):
        raise AssertionError("a form must keep every offset")
    return out


def compare_tagger(docs, form: Callable[[str], str]) -> tuple[int, int, Counter]:
    """(expressions of the texts as written, how many came out the same, what the rest were)."""
    total = same = 0
    other: Counter = Counter()
    for doc in docs:
        dct = date.fromisoformat(doc.dct[:10]) if doc.dct else None
        text = _same_length(doc.text, form)
        try:
            found = {(t.start, t.end): t.value for t in tag(text, dct)}
            failed = ""
        except Exception as exc:  # noqa: BLE001 (a document the tagger fails is counted lost)
            found, failed = {}, f"failed the document ({type(exc).__name__})"
        for t in tag(doc.text, dct):
            total += 1
            value = found.get((t.start, t.end))
            if value == t.value:
                same += 1
            else:
                kind = failed or ("lost" if value is None else "read otherwise")
                other[(kind, t.text.lower())] += 1
    return total, same, other


_APOSTROPHES = str.maketrans("\u2018\u2019", "''")


def candidate_keys(text: str, *, quote: bool = True) -> Counter:
    """The candidate events of a text, each as what a form must not change: type, date, place,
    actors and (unless ``quote`` is false: a rewriting that changes words) quote, its white
    space, capitals and curly apostrophes aside."""
    _, candidates = extract_from_text(text)
    return Counter(
        (
            c.event_type,
            c.date and (c.date.earliest, c.date.latest, c.date.precision),
            c.place and c.place.name,
            tuple(sorted(c.actors)),
            "".join(c.evidence.quote.upper().translate(_APOSTROPHES).split()) if quote else "",
        )
        for c in candidates
    )


def compare_extraction(files: list[Path], form: Callable[[str], str]) -> tuple[int, int]:
    total = same = 0
    for path in files:
        text = path.read_text(encoding="utf-8")
        as_written = candidate_keys(text)
        total += sum(as_written.values())
        same += sum((as_written & candidate_keys(_after_header(form)(text))).values())
    return total, same


def article_files() -> list[Path]:
    return sorted((FIXTURES / "articles").glob("*.txt")) + sorted(
        (FIXTURES / "unseen").glob("*/articles/*.txt")
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dirs", nargs="*", type=Path, default=DEFAULT_DIRS)
    ap.add_argument("--width", type=int, default=72)
    ap.add_argument("--forms", nargs="+", metavar="FORM", help="the forms whose names start so")
    ap.add_argument("--tagger-only", action="store_true")
    ap.add_argument("--extraction-only", action="store_true")
    ap.add_argument("--show", type=int, default=5, help="the commonest differences to list")
    args = ap.parse_args(argv)
    chosen = {
        name: form
        for name, form in forms(args.width).items()
        if not args.forms or any(name.startswith(f) for f in args.forms)
    }
    if not chosen:
        ap.error(f"no form named so; the forms: {', '.join(forms(args.width))}")
    docs = [read_gold(f) for d in args.dirs for f in sorted(d.rglob("*.tml"))]
    files = article_files()
    print(f"{len(docs)} TimeML documents, {len(files)} article files")
    for name, form in chosen.items():
        line = f"{name:26s}"
        if not args.extraction_only:
            total, same, other = compare_tagger(docs, form)
            line += (
                f"  tagger {same:6d} of {total:6d} the same ({100 * same / max(total, 1):5.1f}%)"
            )
        if not args.tagger_only:
            total_c, same_c = compare_extraction(files, form)
            line += (
                f"  extraction {same_c:4d} of {total_c:4d} ({100 * same_c / max(total_c, 1):5.1f}%)"
            )
        print(line, flush=True)
        if not args.extraction_only:
            for (kind, words), n in other.most_common(args.show):
                print(f"    {n:4d} {kind}: {words!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
