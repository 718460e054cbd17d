"""Reading the text around an expression: words, sentences, clauses and quotations."""

from __future__ import annotations

import functools
import re
from bisect import bisect_left, bisect_right

from timeline.extraction.temporal.lexicon import US_ZONE_WORD_RE, WEEKDAY_RE, ZONE_RE

# A sentence end, but not the full stop of an initial or a title ("Daniel P. Davison",
# "Mr. Schwarz", "Gen. Schwarzkopf", "Oct. 5"): those must not cut a sentence's tense cues off.
_ABBREV = (
    "Mr|Ms|Mrs|Dr|St|Gen|Sen|Rep|Gov|Col|Lt|Sgt|Capt|Adm|Maj|Prof|Rev|Jr|Sr|Co|Corp|Inc|Ltd"
    "|No|Jan|Feb|Mar|Apr|Aug|Sep|Sept|Oct|Nov|Dec|Mt|Ft|vs"
)
_SENT_END = re.compile(
    "".join(rf"(?<!\b{a})" for a in ("[A-Z]", *_ABBREV.split("|")))
    # "until 6 a.m. (0300 GMT) on Monday": a clock time's full stop ends a sentence only
    # before a capital
    # (not a zone's: "at 10 a.m. EDT on Saturday")
    + r"(?<![ap]\.m)[.!?]\s|(?<=[ap]\.m)\.\s(?=[A-Z\"“‘`'])"
    + rf"(?!{ZONE_RE}\b|{US_ZONE_WORD_RE})"
    # (nor a city's time: "at 7:35 p.m. Beijing time (1135 GMT) on Saturday")
    + r"(?![A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\s+time\b)"
    # (nor a weekday's: "in a televised address at 9 a.m. Sunday")
    + rf"(?!(?-i:{WEEKDAY_RE})\b)"
    r"|\n[ \t]*\n"
)


def _prev_word(text: str, start: int) -> str:
    m = re.search(r"([A-Za-z']+)\W*$", text[max(0, start - 25) : start])
    return m.group(1).lower() if m else ""


def _next_word(text: str, end: int) -> str:
    m = re.match(r"\W*([A-Za-z']+)", text[end : end + 25])
    return m.group(1).lower() if m else ""


_QUOTE_MARK = re.compile(r"[\"“”]|``|''")
# a day's year told after it: "April 11 in 2004", "at Christmas in 2012"
_IN_A_YEAR_AFTER = re.compile(r"\s+in\s+((?:1[89]|20)\d\d)\b(?!\s*(?:%|percent))")
# a day's weekday told after it: "reopened on May 1, a Thursday"
_WEEKDAY_APPOSITIVE_AFTER = re.compile(rf",\s+an?\s+({WEEKDAY_RE})\b", re.IGNORECASE)


@functools.lru_cache(maxsize=4)
def _quote_marks(text: str) -> tuple[list[int], list[re.Match[str]]]:
    """Every quotation mark of ``text`` with the offsets where each ends, found once per text:
    counting them afresh before each expression was quadratic in a paragraph's length (a text
    without line breaks is one paragraph). Marks do not span a line break, so those after a
    paragraph's start are the ones a search from there would find."""
    marks = list(_QUOTE_MARK.finditer(text))
    return [m.end() for m in marks], marks


def _marks_between(text: str, pos: int) -> tuple[int, int, list[re.Match[str]]]:
    """The index range of the quotation marks in ``pos``'s paragraph that end by ``pos``."""
    ends, marks = _quote_marks(text)
    para_start = text.rfind("\n", 0, pos) + 1
    first = bisect_left(ends, para_start + 1)  # (a mark ending at para_start lies before it)
    return first, bisect_right(ends, pos), marks


def _last_quote_mark(text: str, pos: int) -> re.Match[str] | None:
    """The last quotation mark before ``pos`` in its paragraph, if any."""
    first, last, marks = _marks_between(text, pos)
    return marks[last - 1] if last > first else None


def _in_quotation(text: str, pos: int) -> bool:
    """Whether ``pos`` lies inside a quotation opened earlier in its paragraph."""
    first, last, _ = _marks_between(text, pos)
    return (last - first) % 2 == 1


_PARAGRAPH_BREAK = re.compile(r"\n\s*")


def _quoted_words(text: str, pos: int) -> str:
    """The words of the quotation around ``pos``, in its paragraph."""
    mark = _last_quote_mark(text, pos)
    opening = mark.end() if mark is not None else text.rfind("\n", 0, pos) + 1
    closing = _QUOTE_MARK.search(text, pos, pos + 400)
    return text[opening : closing.start() if closing else pos + 200]


# Where _SENT_END can match: a stop before a space, or a line break. Trying _SENT_END only
# there finds the same matches as scanning every position, several times faster.
_SENT_END_CANDIDATE = re.compile(r"[.!?](?=\s)|\n")


def _sent_end_search(text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
    """What ``_SENT_END.search(text, pos, endpos)`` finds, trying only where a sentence can
    end."""
    endpos = len(text) if endpos is None else endpos
    for c in _SENT_END_CANDIDATE.finditer(text, pos, endpos):
        found = _SENT_END.match(text, c.start(), endpos)
        if found is not None:
            return found
    return None


def _sentence_before(text: str, pos: int) -> str:
    """The part of pos's sentence before it (at most 200 characters back)."""
    seg = text[max(0, pos - 200) : pos]
    cut = 0
    for c in _SENT_END_CANDIDATE.finditer(seg):
        if c.start() < cut:
            continue  # (inside the last match, as finditer would skip it)
        found = _SENT_END.match(seg, c.start())
        if found is not None:
            cut = found.end()
    return seg[cut:]


def _sentence_after(text: str, pos: int) -> str:
    """The part of pos's sentence after it (at most 200 characters on)."""
    seg = text[pos : pos + 200]
    end = _sent_end_search(seg)
    return seg if end is None else seg[: end.start()]


def _at_sentence_start(text: str, pos: int) -> bool:
    """Whether ``pos`` opens a sentence, a quotation or a line (so a capital there is no sign
    of a name)."""
    return bool(re.search(r"(?:^|[.!?:\"'“‘`]\s*|\n\s*)$", text[:pos][-4:]))


def _clause_before(text: str, pos: int) -> str:
    """The part of pos's clause before it: back to a comma, semicolon or sentence start."""
    return re.split(r"[,;]", _sentence_before(text, pos))[-1]
