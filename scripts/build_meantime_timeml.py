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

import argparse
import sys
from pathlib import Path

from dateutil import parser as date_parser

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from timeline.extraction.temporal.scoring import Span  # noqa: E402
from timeline.extraction.temporal.timeml import (  # noqa: E402
    BuildReport,
    build_parts,
    join_sentences,
    timeml_document,
    without_nesting,
)

DEFAULT = ROOT / "fixtures" / "timex_meantime"

# Penn Treebank tokens that attach to the word before or after them when written out
_NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "''"}
_CLITICS = {"'s", "'S", "n't", "'", "'re", "'ve", "'ll", "'d", "'m"}
_NO_SPACE_AFTER = {"(", "[", "{", "$", "``", "US$", "USD$"}
_QUOTES = {"``": '"', "''": '"'}


def detokenize(tokens: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """The tokens written out as English, and each token's (start, end) in that text."""
    pieces: list[str] = []
    spans: list[tuple[int, int]] = []
    pos = 0
    previous: str | None = None
    previous_opens = False
    quote_open = False  # a bare '"' token opens and closes a quotation in turn
    for token in tokens:
        surface = _QUOTES.get(token, token)
        opens = token == "``" or (token == '"' and not quote_open)
        closes = token == "''" or (token == '"' and quote_open)
        if token == '"':
            quote_open = not quote_open
        spaced = (
            previous is not None
            and token not in _NO_SPACE_BEFORE
            and token not in _CLITICS
            and not closes
            and previous not in _NO_SPACE_AFTER
            and not previous_opens
        )
        if spaced:
            pieces.append(" ")
            pos += 1
        spans.append((pos, pos + len(surface)))
        pieces.append(surface)
        pos += len(surface)
        previous, previous_opens = token, opens
    return "".join(pieces), spans


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
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("source", nargs="?", type=Path, default=DEFAULT / "source")
    ap.add_argument("out", nargs="?", type=Path, default=DEFAULT)
    args = ap.parse_args(argv)
    if not list(args.source.glob("*.json")):
        ap.error(f"{args.source}: no transcribed .json files")
    for line in build(args.source, args.out).lines():
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
