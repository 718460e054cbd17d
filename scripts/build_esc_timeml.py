"""Build TimeML files of the Event StoryLine Corpus (fixtures/timex_esc/) from their transcription.

    python scripts/build_esc_timeml.py [SOURCE] [OUT]

The Event StoryLine Corpus (ESC v1.5; Caselli and Vossen, 2017) is news from the web on
incidents (earthquakes, shootings, arrests, fires...), the ECB+ corpus, whose time expressions
people annotated with normalised values. It is distributed as CAT XML: tokens, then markables
anchored to token numbers. Files were transcribed to ``SOURCE/<topic>_<n>ecbplus.json``: every
sentence's tokens, which sentences carry any annotation, and the TIME_ markables anchored to
tokens with their attributes as written. This writes what ``timex_score.py`` and
``scripts/evaluate_timex.py`` read, ``OUT/dev/*.tml`` and ``OUT/test/*.tml``, with

- TEXT = the annotated sentences, in order: ECB+ annotated only the sentences about the
  incident, so a sentence nobody read for times is left out (a gap in the numbering becomes a
  paragraph break); the address line and the date line are left out too;
- tokens joined the way English is written: ECB+ splits "p.m.", "6:22", "05/03/2013",
  "6.1-magnitude" and "1,000" at their marks, and they are joined again so that a tagger
  reads the words as published;
- the creation time (DCT) from the markable ECB+ marks ``DCT="TRUE"``: the date its line shows
  where it is anchored to the text, else its value (or, where the value is not a date, the date
  its descriptor names), as the transcription records it;
- the tag's kind as TimeML's type (TIME_DATE DATE, TIME_OF_THE_DAY TIME, TIME_DURATION
  DURATION, TIME_REPETITION SET) and the value as written ("2011W42" written "2011-W42");
- no nesting: where two markables overlap, the shorter is kept;
- the split fixed before any score was seen: within each topic, files sorted by name, the
  second and fourth in ``test/``, never read; the rest in ``dev/``.

Prints how many documents and TIMEX3 went where and every repair it made.
"""

from __future__ import annotations

import re
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
DEFAULT = ROOT / "fixtures" / "timex_esc"

TYPES = {
    "TIME_DATE": "DATE",
    "TIME_OF_THE_DAY": "TIME",
    "TIME_DURATION": "DURATION",
    "TIME_REPETITION": "SET",
}
_NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "''", "’s", "'s", "n't"}
_NO_SPACE_AFTER = {"(", "[", "{", "$", "``", "US$", "£", "€"}
_DIGITS = re.compile(r"\d+")
_APOSTROPHES = {"'", "’"}
_ENDINGS = {"s", "t", "ll", "re", "ve", "d", "m"}
_WORD = re.compile(r"[^\W_]+")
_ISO_DATE = re.compile(r"\d{4}-\d\d-\d\d")
_BARE_WEEK = re.compile(r"(\d{4})W(\d\d)")
_UNPADDED = re.compile(r"(\d{4})-(\d{1,2})(?:-(\d{1,2}))?(?=T|$)")
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
_SHOWN_DATE = re.compile(
    rf"{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\s*,?\s*\d{{4}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}\s*,?\s*\d{{4}}"
    r"|\d{4}-\d\d-\d\d",
    re.IGNORECASE,  # ("MONDAY, MARCH 11, 2013")
)
# "2 / 3 / 2009 5 : 59 : 13 PM": which way round is the value's to say, else month first
_SHOWN_NUMBERS = re.compile(r"\b(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})\b")


def _joined(tokens: list[str], k: int) -> bool:
    """Whether token k was written against the token before it (no space between)."""
    token, previous = tokens[k], tokens[k - 1]
    before = tokens[k - 2] if k >= 2 else ""
    after = tokens[k + 1] if k + 1 < len(tokens) else ""
    if token in _NO_SPACE_BEFORE and not (token == "." and previous == "."):
        return True
    if previous in _NO_SPACE_AFTER:
        return True
    # "6.1", "6:22AM", "1,000": a mark between two numbers (a comma only between groups of
    # thousands, so that "in 2012, 300 people" keeps its comma's space)
    if previous in {".", ":"} and _DIGITS.fullmatch(before) and token[:1].isdigit():
        return True
    # "05/03/2013", "10/25/11": a date's slashes
    if token == "/" and _DIGITS.fullmatch(previous) and _DIGITS.fullmatch(after):
        return True
    if previous == "/" and _DIGITS.fullmatch(before) and _DIGITS.fullmatch(token):
        return True
    if previous == "," and re.fullmatch(r"\d{1,3}", before) and re.fullmatch(r"\d{3}", token):
        return True
    # "p.m.", "U.S.": a letter after a single letter's full stop
    if len(token) == 1 and token.isalpha() and previous == "." and len(before) == 1:
        return before.isalpha()
    # "Indonesia ’ s", "don ' t": an apostrophe split from its word and its ending
    if token in _APOSTROPHES and _WORD.fullmatch(previous) and after.lower() in _ENDINGS:
        return True
    if previous in _APOSTROPHES and _WORD.fullmatch(before) and token.lower() in _ENDINGS:
        return True
    # "6.1-magnitude", "18-year-old": a hyphen between two words
    if token == "-" and _WORD.fullmatch(previous) and _WORD.match(after):
        return True
    return previous == "-" and bool(_WORD.fullmatch(before)) and bool(_WORD.match(token))


def detokenize(tokens: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """The tokens written out as English, and each token's (start, end) in that text."""
    return timeml.detokenize(tokens, _joined)


def _is_address(tokens: list[str]) -> bool:
    return bool(tokens) and tokens[0].lower() in {"http", "https", "www"}


def _shown_date(words: str) -> str | None:
    """The date a date line shows ("July 03 , 2013 6 : 22AM", "June 6th , 2013 7 : 38pm EDT",
    "Thursday , 4 July 2013"), or None."""
    found = _SHOWN_DATE.search(words)
    if found is None:
        return None
    try:
        return date_parser.parse(found.group(), fuzzy=True).date().isoformat()
    except (ValueError, OverflowError):
        return None


def _creation_date(source: dict, dct: dict | None, name: str, report: BuildReport) -> str | None:
    if dct is not None:
        value = dct["attributes"].get("value", "")
        shown = _shown_date(dct["text"])
        if shown is not None:
            if not value.startswith(shown):
                report.repairs.append(f"{name}: creation time {value!r} -> {shown} (its line)")
            return shown
        if _ISO_DATE.match(value):
            return value[:10]
        numbers = _SHOWN_NUMBERS.search(dct["text"])
        if numbers:
            month, day, year = (int(g) for g in numbers.groups())
            shown = f"{year:04d}-{month:02d}-{day:02d}"
            report.repairs.append(f"{name}: creation time {value!r} -> {shown} (its line)")
            return shown
    unanchored = source.get("dct")
    if unanchored:
        value = unanchored.get("value", "")
        if _ISO_DATE.fullmatch(value[:10]):
            return value[:10]
        found = _ISO_DATE.search(unanchored.get("descriptor", ""))
        if found:
            report.repairs.append(
                f"{name}: creation time {value!r} -> {found.group()} (its descriptor)"
            )
            return found.group()
    return None


def _repaired_value(value: str, name: str, report: BuildReport) -> str:
    """The value as written, with a week or a month written without its hyphen or its zero
    ("2011W42", "2009-12-7") written as TimeML does."""
    week = _BARE_WEEK.fullmatch(value)
    if week:
        report.repairs.append(f"{name}: value {value!r} -> {week[1]}-W{week[2]}")
        return f"{week[1]}-W{week[2]}"
    unpadded = _UNPADDED.match(value)
    if unpadded and len(unpadded.group()) < (10 if unpadded[3] else 7):
        padded = f"{unpadded[1]}-{int(unpadded[2]):02d}" + (
            f"-{int(unpadded[3]):02d}" if unpadded[3] else ""
        )
        padded += value[unpadded.end() :]
        report.repairs.append(f"{name}: value {value!r} -> {padded}")
        return padded
    return value


def to_timeml(source: dict, name: str, report: BuildReport) -> tuple[str, int] | None:
    """One transcribed document as a TimeML document and how many TIMEX3 its TEXT holds, or
    None when it has no creation time."""
    sentences = {s["sentence"]: s for s in source["sentences"]}
    sentence_of = {}
    for s in source["sentences"]:
        for k in range(len(s["tokens"])):
            sentence_of[s["first_t_id"] + k] = s["sentence"]
    timexes = [t for t in source["timex"] if t["t_ids"]]
    created = [t for t in timexes if t["attributes"].get("DCT") == "TRUE"]
    dct = created[0] if created else None
    dct_value = _creation_date(source, dct, name, report)
    if dct_value is None:
        report.skipped.append(f"{name}: no creation time")
        return None
    # the date line: the sentence the creation time fills (most of its tokens)
    date_line = set()
    if dct is not None:
        n = sentence_of[dct["t_ids"][0]]
        if 2 * len(dct["t_ids"]) >= len(sentences[n]["tokens"]):
            date_line.add(n)
    kept = [
        n
        for n in sorted(set(source["annotated_sentences"]))
        if n in sentences and n not in date_line and not _is_address(sentences[n]["tokens"])
    ]

    text, token_span = join_sentences(
        [(*detokenize(sentences[n]["tokens"]), sentences[n]["first_t_id"]) for n in kept],
        # (the headline, then a paragraph break wherever unannotated sentences were left out)
        [" " if k > 1 and n == kept[k - 1] + 1 else "\n\n" for k, n in enumerate(kept)],
    )

    spans = []
    for t in timexes:
        if t is dct and date_line:
            continue
        ids = sorted(i for i in t["t_ids"] if i in token_span)
        if not ids:
            continue
        kind = TYPES.get(t["tag"])
        if kind is None:
            report.repairs.append(f"{name}: {t['tag']} {t['text']!r} is no TIMEX3 type; left out")
            continue
        value = _repaired_value(t["attributes"].get("value", ""), name, report)
        spans.append(Span(token_span[ids[0]][0], token_span[ids[-1]][1], kind, value))
    chosen, dropped = without_nesting(spans)
    for span in dropped:
        report.repairs.append(f"{name}: {span.type} {span.value} around or across others dropped")
    document = timeml_document(name, dct_value, text, chosen)
    return document, len(chosen)


def build(source: Path, out: Path) -> BuildReport:
    return build_parts(source, out, lambda stem: stem.split("_")[0], to_timeml)


def main(argv: list[str] | None = None) -> int:
    return build_command(argv, __doc__.splitlines()[0], DEFAULT, build)


if __name__ == "__main__":
    sys.exit(main())
