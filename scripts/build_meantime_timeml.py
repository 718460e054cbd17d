"""Build TimeML files of MEANTIME English (fixtures/timex_meantime/) from their transcription.

    python scripts/build_meantime_timeml.py [SOURCE] [OUT]

MEANTIME (the NewsReader project's corpus of 120 Wikinews articles, annotated by people) is
distributed as CAT XML: tokens, then markables anchored to token numbers. Its English files
were transcribed to ``SOURCE/<corpus>__<name>.json`` (each article's tokens up to its last
annotated sentence, and its TIMEX3 markables with their attributes as written). This writes
what ``timex_score.py`` and ``scripts/evaluate_timex.py`` read: ``OUT/dev/*.tml`` and
``OUT/test/*.tml``, with

- TEXT = the headline, a blank line, the annotated sentences after the date line; tokens are
  joined the way English is written ("December 20, 2007", "Apple's", "(EU)"), so that the
  text reads as published;
- the date line's TIMEX3 as the creation time in a DCT block, as TempEval-3 has it (two
  articles mark it NONE, and two give it a mistyped value: the date the line shows is taken);
- no nesting: where a DURATION spans two DATEs ("from 2009 to 2011") the DATEs are kept, as
  TimeBank annotates them;
- the split fixed before any score was seen: within each of the four topics, files sorted by
  name, every other one (indices 1, 3, 5, ...) in ``test/``, never read; the rest in ``dev/``.

Prints how many documents and TIMEX3 went where and every repair it made.
"""

from __future__ import annotations

import sys
from pathlib import Path

from dateutil import parser as date_parser

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from timeline.extraction.temporal import timeml  # noqa: E402
from timeline.extraction.temporal.scoring import Span  # noqa: E402
from timeline.extraction.temporal.timeml import (  # noqa: E402
    BuildReport,
    build_command,
    build_parts,
    join_sentences,
    timeml_document,
    without_nesting,
)

_QUOTES = timeml.QUOTES  # what the tokens' quotation marks are written as
DEFAULT = ROOT / "fixtures" / "timex_meantime"

# Penn Treebank tokens that attach to the word before or after them when written out
_NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "''"}
_CLITICS = {"'s", "'S", "n't", "'", "'re", "'ve", "'ll", "'d", "'m"}
_NO_SPACE_AFTER = {"(", "[", "{", "$", "``", "US$", "USD$"}


def _joined(tokens: list[str], k: int) -> bool:
    """Whether token k was written against the token before it (no space between)."""
    token, previous = tokens[k], tokens[k - 1]
    return token in _NO_SPACE_BEFORE or token in _CLITICS or previous in _NO_SPACE_AFTER


def detokenize(tokens: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """The tokens written out as English, and each token's (start, end) in that text."""
    return timeml.detokenize(tokens, _joined)


def to_timeml(source: dict, name: str, report: BuildReport) -> tuple[str, int]:
    """One transcribed article as a TimeML document, and how many TIMEX3 its TEXT holds."""
    sentences = {s["sentence"]: s for s in source["sentences"]}
    sentence_of = {}
    for s in source["sentences"]:
        for k in range(len(s["tokens"])):
            sentence_of[s["first_t_id"] + k] = s["sentence"]
    timexes = source["timex3"]
    created = [t for t in timexes if t["attributes"].get("functionInDocument") == "CREATION_TIME"]
    if not created:
        # the date line (sentence 1) holds the creation time even where it is marked NONE
        created = [
            t for t in timexes if t["t_ids"] and {sentence_of.get(i) for i in t["t_ids"]} == {1}
        ]
        report.repairs.append(f"{name}: the date line's TIMEX3, marked NONE, is the creation time")
    if len(created) != 1:
        raise SystemExit(f"{name}: {len(created)} creation times")
    dct = created[0]
    dct_value = dct["attributes"]["value"]
    shown = date_parser.parse(dct["text"].replace(" ,", ","), fuzzy=True).date().isoformat()
    if shown != dct_value:
        report.repairs.append(f"{name}: creation time {dct_value!r} -> {shown} (the date line)")
        dct_value = shown
    last = sentence_of[source["max_anchor_t_id"]]
    date_line = {sentence_of[i] for i in dct["t_ids"]}
    kept = [n for n in sorted(sentences) if n <= last and n not in date_line]

    text, token_span = join_sentences(
        [(*detokenize(sentences[n]["tokens"]), sentences[n]["first_t_id"]) for n in kept],
        ["", "\n\n"] + [" "] * (len(kept) - 2),
    )

    spans = []
    for t in timexes:
        ids = sorted(i for i in t["t_ids"] if i in token_span)
        if t is dct or not ids:
            continue
        a = t["attributes"]
        spans.append(
            Span(
                token_span[ids[0]][0], token_span[ids[-1]][1], a.get("type", ""), a.get("value", "")
            )
        )
    chosen, dropped = without_nesting(spans)
    for span in dropped:
        report.repairs.append(f"{name}: {span.type} {span.value} around others dropped")
    document = timeml_document(name, dct_value, text, chosen)
    return document, len(chosen)


def build(source: Path, out: Path) -> BuildReport:
    return build_parts(source, out, lambda stem: stem.split("__")[0], to_timeml)


def main(argv: list[str] | None = None) -> int:
    return build_command(argv, __doc__.splitlines()[0], DEFAULT, build)


if __name__ == "__main__":
    sys.exit(main())
