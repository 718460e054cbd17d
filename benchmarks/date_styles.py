"""The same day and the same clock time written in another house style: are they read the same?

    python benchmarks/date_styles.py [--styles iso military ...] [--show 5] [--extraction]
                                     [DIR ...]

News agencies, governments and armies write a date and a time each their own way. A wire
story's "Oct. 5, 2016 ... 2:30 p.m." is "5 October 2016 ... 14:30 local time" in a British or
Gulf paper, "05/10/2016" in a Middle Eastern one, "5-Oct-2016" in a report's table, "1430
hrs" or "1430 hours" in a military statement, "2016-10-05T14:30Z" in a feed's time stamp,
"14:30 (GMT+3)" beside a zone. None of that changes the day or the hour.

The tagger's own reading of every annotated TimeML fixture document (by default the
repository's) is the reference, as in ``text_forms.py``; no annotation is compared with.
Each expression the tagger read as a whole day with its year written out ("October 5, 2016",
"the 5th of October 2016"), or as a clock time written with a.m. or p.m. ("2:30 p.m.",
"about 9 a.m."), is rewritten in each style, all of a document's at once, and the document
tagged again. Printed per style: how many rewritten expressions were read with the same value
(an expression covering the rewritten words), and how many of the document's other
expressions stayed as they were. A day-first style ("05/10/2016") can only be told from the
US one when some day in the document is past the 12th; it is counted in those documents, and
the US style in the others.

With ``--extraction`` the seed and unseen article files are rewritten the same way (their
days with a year and their a.m./p.m. clock times, read with no DCT) and their candidate
events compared with those of the files as written: type, date, place and actors (the quote
holds the rewritten words).
"""

from __future__ import annotations

import argparse
import re
import sys
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import jdatetime  # noqa: E402
from hijridate import Gregorian  # noqa: E402
from text_forms import article_files, candidate_keys  # noqa: E402

from timeline.extraction.temporal import tag  # noqa: E402
from timeline.extraction.temporal.house_style import days_in_words_day_first  # noqa: E402
from timeline.extraction.temporal.lexicon import MONTHS  # noqa: E402
from timeline.extraction.temporal.scoring import GoldDoc, read_gold  # noqa: E402

FIXTURES = ROOT / "fixtures"
DEFAULT_DIRS = [
    FIXTURES / name for name in ("timex_blind", "timex_real", "timex_meantime", "timex_esc")
]

_MONTH = r"(?-i:[A-Z][a-z]{2,8})"
# a whole day, its year written out: "October 5, 2016", "Oct. 5 2016", "5 October 2016",
# "the 5th of October, 2016"
_DAY_WRITTEN = re.compile(
    rf"(?:the\s+)?(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{_MONTH})\.?,?\s+(?P<y>\d{{4}})"
    rf"|(?P<mon2>{_MONTH})\.?\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y2>\d{{4}})",
    re.IGNORECASE,
)
# a clock time with a.m. or p.m.: "2:30 p.m.", "9 a.m.", "about 7.15pm"
_CLOCK_WRITTEN = re.compile(
    r"(?P<hedge>(?:about|around|approximately|roughly)\s+)?"
    r"(?P<h>\d{1,2})(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ampm>[ap])\.?\s?m\.?",
    re.IGNORECASE,
)
_CLOCK_VALUE = re.compile(r"(?:\d{4}|XXXX)-(?:\d\d|XX)-(?:\d\d|XX)T(\d\d):(\d\d)$")
# a 24-hour clock alone needs a word that expects a time before it
_TIME_EXPECTED_BEFORE = re.compile(r"\b(?:at|by|until|from|before|after)\s+$", re.IGNORECASE)


@dataclass(frozen=True)
class Written:
    """One expression of the reference reading that a style rewrites."""

    start: int
    end: int
    value: str
    when: date | tuple[int, int]  # the day, or (hour, minute)
    hedge: str = ""


def _day(t) -> Written | None:
    m = _DAY_WRITTEN.fullmatch(t.text)
    if t.type != "DATE" or m is None or not re.fullmatch(r"\d{4}-\d\d-\d\d", t.value):
        return None
    k = "" if m.group("mon") else "2"
    month = MONTHS.get(m.group("mon" + k).lower())
    try:
        when = date(int(m.group("y" + k)), month or 0, int(m.group("d" + k)))
    except ValueError:
        return None
    return Written(t.start, t.end, t.value, when) if when.isoformat() == t.value else None


def _clock(t) -> Written | None:
    m, v = _CLOCK_WRITTEN.fullmatch(t.text), _CLOCK_VALUE.search(t.value)
    if t.type != "TIME" or m is None or v is None:
        return None
    h, mi = int(m.group("h")), int(m.group("mi") or 0)
    h = h % 12 + (12 if m.group("ampm").lower() == "p" else 0)
    if (h, mi) != (int(v.group(1)), int(v.group(2))):
        return None
    return Written(t.start, t.end, t.value, (h, mi), m.group("hedge") or "")


@dataclass(frozen=True)
class Style:
    kind: str  # "day" or "clock"
    write: Callable[[Written], str]
    # whether a document, given its rewritten expressions and its text, can be read in this
    # style at all
    readable: Callable[[list[Written], str], bool] = lambda written, text: True
    # whether one expression is rewritten, given the text before it
    applies: Callable[[str], bool] = lambda before: True
    # how many days apart a day may be read and still count as the same (a Hijri day is
    # written by Umm al-Qura's reckoning and read by the region's sighting of the moon)
    slack_days: int = 0
    # whether the style has a way to write this day at all
    can_write: Callable[[Written], bool] = lambda w: True


def _day_first_decidable(written: list[Written], text: str = "") -> bool:
    return any(w.when.day > 12 for w in written)


def _us_readable(written: list[Written], text: str) -> bool:
    """A document in the US style: no day past the 12th to tell it from the day-first one,
    and no more days named day first in its words than month first (a house that writes "5
    October" writes "05/10" for it)."""
    return not _day_first_decidable(written) and days_in_words_day_first(text) is not True


def _solar(w: Written) -> str:
    d = jdatetime.date.fromgregorian(date=w.when)
    return f"{d.day} {jdatetime.date.j_months_en[d.month - 1]} {d.year}"


def _hijri(w: Written) -> str:
    h = Gregorian(w.when.year, w.when.month, w.when.day).to_hijri()
    return f"{h.day} {h.month_name()} {h.year} AH"


def _same_day(read: str, meant: str, slack_days: int) -> bool:
    if read == meant:
        return True
    try:
        return abs((date.fromisoformat(read) - date.fromisoformat(meant)).days) <= slack_days
    except ValueError:
        return False


def styles() -> dict[str, Style]:
    def hm(w: Written, sep: str = ":") -> str:
        return f"{w.hedge}{w.when[0]:02d}{sep}{w.when[1]:02d}"

    return {
        "day month year (5 October 2016)": Style("day", lambda w: f"{w.when.day} {w.when:%B %Y}"),
        "month day, year (October 5, 2016)": Style(
            "day", lambda w: f"{w.when:%B} {w.when.day}, {w.when.year}"
        ),
        "ISO (2016-10-05)": Style("day", lambda w: w.when.isoformat()),
        "hyphens (5-Oct-2016)": Style("day", lambda w: f"{w.when.day}-{w.when:%b}-{w.when.year}"),
        "US numbers (10/05/2016)": Style(
            "day",
            lambda w: f"{w.when.month:02d}/{w.when.day:02d}/{w.when.year}",
            readable=_us_readable,
        ),
        "day first numbers (05/10/2016)": Style(
            "day",
            lambda w: f"{w.when.day:02d}/{w.when.month:02d}/{w.when.year}",
            readable=_day_first_decidable,
        ),
        "US numbers, dashes, two-digit year (10-05-16)": Style(
            "day",
            lambda w: f"{w.when.month:02d}-{w.when.day:02d}-{w.when.year % 100:02d}",
            readable=_us_readable,
            # (a two-digit year is read as 1931-2030)
            can_write=lambda w: 1931 <= w.when.year <= 2030,
        ),
        "dotted (05.10.2016)": Style(
            "day", lambda w: f"{w.when.day:02d}.{w.when.month:02d}.{w.when.year}"
        ),
        "Iranian solar (28 Mehr 1395)": Style("day", _solar),
        "Hijri (18 Muharram 1438 AH)": Style(
            "day",
            _hijri,
            slack_days=1,
            # (Umm al-Qura's tables span 1343-1500 AH)
            can_write=lambda w: date(1924, 8, 1) <= w.when <= date(2077, 11, 16),
        ),
        "24-hour, local time (14:30 local time)": Style("clock", lambda w: hm(w) + " local time"),
        "24-hour after 'at' (at 14:30)": Style(
            "clock", hm, applies=lambda before: _TIME_EXPECTED_BEFORE.search(before) is not None
        ),
        "24-hour, dotted (14.30 GMT)": Style("clock", lambda w: hm(w, ".") + " GMT"),
        "military, hrs (1430 hrs)": Style("clock", lambda w: hm(w, "") + " hrs"),
        "military, hours (1430 hours)": Style("clock", lambda w: hm(w, "") + " hours"),
        "with an offset (14:30 (GMT+3))": Style("clock", lambda w: hm(w) + " (GMT+3)"),
        "regional zone (14:30 AST)": Style("clock", lambda w: hm(w) + " AST"),
    }


def _dct(doc: GoldDoc) -> date | None:
    return date.fromisoformat(doc.dct[:10]) if doc.dct else None


def rewritten(text: str, reference: list, style: Style) -> tuple[str, list, dict[int, int]]:
    """The text with the reference expressions the style applies to rewritten in it; those
    expressions as (new start, new end, Written); and how far the text after each rewritten
    expression's old end has moved. Nothing is rewritten where the style cannot be read."""
    pick = _day if style.kind == "day" else _clock
    written = [
        w
        for t in reference
        if (w := pick(t)) is not None
        and style.applies(text[max(0, w.start - 20) : w.start])
        and style.can_write(w)
    ]
    if not written or not style.readable(written, text):
        return text, [], {}
    parts, spans, shift, last, moved = [], [], {}, 0, 0
    for w in written:
        new = style.write(w)
        parts += [text[last : w.start], new]
        spans.append((w.start + moved, w.start + moved + len(new), w))
        moved += len(new) - (w.end - w.start)
        shift[w.end] = moved
        last = w.end
    parts.append(text[last:])
    return "".join(parts), spans, shift


def compare(
    docs: list[tuple[GoldDoc, list]], style: Style
) -> tuple[int, int, int, int, int, Counter]:
    """(rewritten, read the same (within the style's slack), read to the day; the documents'
    other expressions, unchanged; the commonest readings that differed), for documents given
    with the tagger's reading of them."""
    n = same = exact = others = others_same = 0
    differed: Counter = Counter()
    for doc, reference in docs:
        text, spans, shift = rewritten(doc.text, reference, style)
        if not spans:
            continue
        found = tag(text, _dct(doc))
        for start, end, w in spans:
            n += 1
            covering = [t.value for t in found if t.start <= start and end <= t.end]
            exact += w.value in covering
            if any(_same_day(v, w.value, style.slack_days) for v in covering):
                same += 1
            else:
                read = [t for t in found if t.start < end and start < t.end]
                read_as = " ".join(f"{t.text!r}={t.value}" for t in read) or "lost"
                differed[(text[start:end], w.value, read_as)] += 1
        chosen = {(w.start, w.end) for _, _, w in spans}
        ends = sorted(shift)
        as_found = {(t.start, t.end, t.value) for t in found}
        for t in reference:
            if (t.start, t.end) in chosen:
                continue
            others += 1
            offset = shift[ends[bisect_right(ends, t.start) - 1]] if ends[0] <= t.start else 0
            others_same += (t.start + offset, t.end + offset, t.value) in as_found
    return n, same, exact, others, others_same, differed


def compare_extraction(texts: list[tuple[str, list]], style: Style) -> tuple[int, int, int, int]:
    """(files rewritten; their candidate events as written, how many came out the same, and
    how many the same but for a date range that holds the one as written and is at most twice
    the style's slack longer), for article files given with the tagger's reading of them. (A
    Hijri day no weekday pins down is read as that day and the ones either side.)"""
    files = total = same = widened = 0
    for text, reference in texts:
        new_text, spans, _ = rewritten(text, reference, style)
        if not spans:
            continue
        files += 1
        as_written = candidate_keys(text, quote=False)
        as_rewritten = candidate_keys(new_text, quote=False)
        total += sum(as_written.values())
        common = as_written & as_rewritten
        same += sum(common.values())
        widened += _held_within(as_written - common, as_rewritten - common, style.slack_days)
    return files, total, same, same + widened


def _held_within(as_written: Counter, as_rewritten: Counter, slack_days: int) -> int:
    """How many candidates as written have a rewritten twin (type, place, actors) whose date
    range holds theirs and is at most ``2 * slack_days`` days longer."""
    left = Counter(as_rewritten)
    held = 0
    for key, count in as_written.items():
        for _ in range(count):
            twin = next(
                (k for k in left if left[k] and _holds(k, key, slack_days)),
                None,
            )
            if twin is not None:
                left[twin] -= 1
                held += 1
    return held


def _holds(wider: tuple, key: tuple, slack_days: int) -> bool:
    (w_type, w_date, *w_rest), (k_type, k_date, *k_rest) = wider, key
    if (w_type, w_rest) != (k_type, k_rest) or not (w_date and k_date):
        return False
    (w_first, w_last, _), (k_first, k_last, _) = w_date, k_date
    widened = (w_last - w_first) - (k_last - k_first)
    return w_first <= k_first and k_last <= w_last and widened.days <= 2 * slack_days


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dirs", nargs="*", type=Path, default=DEFAULT_DIRS)
    ap.add_argument("--styles", nargs="+", metavar="WORD", help="the styles whose names hold it")
    ap.add_argument("--show", type=int, default=5, help="the commonest differences to list")
    ap.add_argument(
        "--extraction", action="store_true", help="also rewrite the article files and extract"
    )
    args = ap.parse_args(argv)
    chosen = {
        name: style
        for name, style in styles().items()
        if not args.styles or any(word.lower() in name.lower() for word in args.styles)
    }
    if not chosen:
        ap.error(f"no style named so; the styles: {', '.join(styles())}")
    docs = [read_gold(f) for d in args.dirs for f in sorted(d.rglob("*.tml"))]
    docs = [(doc, tag(doc.text, _dct(doc))) for doc in docs]
    print(f"{len(docs)} TimeML documents")
    for name, style in chosen.items():
        n, same, exact, others, others_same, differed = compare(docs, style)
        print(
            f"{name:42s} read the same {same:5d} of {n:5d} ({100 * same / max(n, 1):5.1f}%)"
            f"   others unchanged {others_same:6d} of {others:6d}"
            f" ({100 * others_same / max(others, 1):5.1f}%)",
            flush=True,
        )
        if style.slack_days:
            print(f"{'':42s} ... to the day {exact:5d} ({100 * exact / max(n, 1):5.1f}%)")
        for (words, value, read), k in differed.most_common(args.show):
            print(f"    {k:4d} {words!r} ({value}): {read}")
    if args.extraction:
        texts = [(text, tag(text, None)) for p in article_files() if (text := p.read_text("utf-8"))]
        print(f"{len(texts)} article files: candidate events the same as in the files as written")
        for name, style in chosen.items():
            files, total, same, held = compare_extraction(texts, style)
            print(
                f"{name:42s} {files:3d} files rewritten, {same:4d} of {total:4d} candidates"
                f" the same ({100 * same / max(total, 1):5.1f}%)",
                flush=True,
            )
            if style.slack_days:
                print(
                    f"{'':42s} ... or dated over a range that holds the day as written"
                    f" {held:4d} ({100 * held / max(total, 1):5.1f}%)"
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
