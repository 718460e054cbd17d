"""Lines written in capitals, read in small letters: wire headlines, slugs, shouted text.

The patterns find names by their capitals ("May" the month, not "may" the verb; "Christmas",
"Sept. 30") and tell names from time words by them ("Daily Telegraph", "Tuesday Morning" the
company, a capitalised word inside a sentence). In a line with no small letter every word is
capitalised, so the names look like any other word and every other word looks like a name:
in the developed documents written in capitals, 1,510 of 19,385 expressions were lost and 727
read otherwise. ``in_small_letters`` writes such lines as a careful typist would, one
character for one: small letters, a capital to open each sentence, and the names the patterns
look for (months, weekdays, holidays) and the zones (GMT, EDT) as they are written.
"""

from __future__ import annotations

import re

from timeline.extraction.temporal.calendars import HIJRI_MONTH_RE, PERSIAN_MONTH_RE
from timeline.extraction.temporal.lexicon import MONTH_RE, WEEKDAY_RE, ZONE_RE
from timeline.extraction.temporal.patterns import _PATTERNS

# a line with no small letter (of which lines, those with five capitals or more: "IRAQI FORCES
# RETAKE RAMADI", not "U.S." or "ISIS:" alone)
_LINE_WITHOUT_SMALL_LETTERS = re.compile(r"^[^a-z\n]+$", re.MULTILINE)
_FEWEST_CAPITALS = 5
_SENTENCE_START = re.compile(r"(?:^|[.!?]\s+)[\"'“‘(]*([a-z])")
# words kept in capitals: zones, the fiscal year's abbreviation and a Hijri or solar year's era
# (the zones of other regions only after a clock time: "15:01 IST", but "CHILDREN EAT")
_KEPT = re.compile(
    rf"\b(?:[ECMP][SD]?T|GMT|UTC|BST|CEST|CET)\b|(?<=\d)\s?{ZONE_RE}\b|\bFY(?![A-Za-z])"
    r"|(?<=\d )(?:AH|SH|HS)\b"
)


def _name_words(names_re: str) -> re.Pattern[str]:
    """A case-insensitive pattern for the names a case-sensitive pattern lists."""
    return re.compile(names_re.replace("(?-i:", "(?:"), re.IGNORECASE)


# "may" and "march" are also verbs: a month only beside a day or a year ("MAY 5", "5 MAY",
# "MARCH 2019") or after a word that leads a month ("IN MARCH", "EARLY MAY", "MID-MARCH");
# the others always
_MONTHS = _name_words(MONTH_RE)
_VERB_MONTH = re.compile(r"(?i:may|march)$")
_BESIDE_A_NUMBER = re.compile(r"\d")
_LEADS_A_MONTH = re.compile(
    r"\b(?:in|since|until|till|by|from|through|before|after|during|early|late|mid|of|last|next"
    r"|between)[\s-]+$"
)
_WEEKDAYS = _name_words(WEEKDAY_RE)
# the Hijri and solar months, only beside a number ("22 BAHMAN", "MUHARRAM 10"): "TIR" and
# "MEHR" are words and names too
_OTHER_MONTHS = re.compile(rf"(?:{HIJRI_MONTH_RE}|{PERSIAN_MONTH_RE})\b", re.IGNORECASE)
# the holiday pattern's names ("Christmas Eve", "New Year's Day", "Eid al-Adha")
_HOLIDAYS = _name_words(next(rx for name, rx in _PATTERNS if name == "holiday"))


def in_small_letters(text: str) -> str:
    """``text`` with each line written wholly in capitals written in small letters, save each
    sentence's first letter, the months (the Hijri and solar ones beside a number), weekdays
    and holidays, and the zones. The same length; a text with no such line is returned as it
    is."""
    shouted = [
        line
        for line in _LINE_WITHOUT_SMALL_LETTERS.finditer(text)
        if sum(c.isupper() for c in line.group()) >= _FEWEST_CAPITALS
    ]
    if not shouted:
        return text
    chars = list(text)
    for line in shouted:
        _rewrite(chars, line.start(), line.group())
    return "".join(chars)


def _rewrite(chars: list[str], at: int, line: str) -> None:
    small = "".join(c.lower() if len(c.lower()) == 1 else c for c in line)
    out = list(small)

    def capitalise(start: int, end: int) -> None:
        for word in re.finditer(r"(?<!['’])[a-z]+", small[start:end]):
            out[start + word.start()] = small[start + word.start()].upper()

    for m in _SENTENCE_START.finditer(small):
        out[m.start(1)] = m.group(1).upper()
    for m in _MONTHS.finditer(small):
        if (
            _VERB_MONTH.match(m.group())
            and not _BESIDE_A_NUMBER.search(small, max(0, m.start() - 4), m.end() + 5)
            and not _LEADS_A_MONTH.search(small, max(0, m.start() - 10), m.start())
        ):
            continue
        capitalise(m.start(), m.end())
    for m in _WEEKDAYS.finditer(small):
        capitalise(m.start(), m.end())
    for m in _OTHER_MONTHS.finditer(small):
        if _BESIDE_A_NUMBER.search(small, max(0, m.start() - 4), m.end() + 3):
            capitalise(m.start(), m.end())
    for m in _HOLIDAYS.finditer(small):
        capitalise(m.start("h"), m.end("h"))
    for m in _KEPT.finditer(line):
        out[m.start() : m.end()] = m.group()
    chars[at : at + len(line)] = out
