"""How a text is written down: its characters and its lines, read as the patterns expect.

News comes one paragraph to a line, or with a blank line between paragraphs; text from
e-mail, wire feeds and terminals comes hard-wrapped at 60 to 80 columns, each paragraph broken
into lines wherever the next word would not fit. The extraction reads a line break as the end
of a paragraph (a headline, a dateline, a quotation's end), so a wrapped article fell apart
into half-sentences: a trigger on one line and its place on the next, "said\\nTuesday" read
without its verb. ``unwrap`` gives the text those breaks stand for, character for character,
so every offset found in it is an offset into the text as written.

``plain_spacing`` also writes every other space (tab, no-break, thin …) as a plain one and every
other line break as a "\\n", which the extraction reads through; ``plain`` writes web text's
typographic apostrophes and hyphens as plain ones as well, which the temporal tagger's patterns
are written with. Each is one character for one.
"""

from __future__ import annotations

import re
from itertools import accumulate

# the width a text was wrapped at is near the longest of its lines, but not the longest: a
# web address or a file name no wrapper could break runs past it
_WIDTH_PERCENTILE = 0.9
_FEWEST_WRAPS = 3
_UNBREAKABLE = re.compile(r"[^ \t]*")


# Web text joins "10 a.m.", "Jan. 5" or "Abu Bakr" with a no-break or narrow space, a table
# or a word processor puts tabs between words, and lines may end with Unicode's separators;
# the patterns are written with the plain space and "\n" (with no-break spaces between its
# words, the tagger lost "two weeks" and the extraction an ally's role, "backed by the
# Peshmerga", and whole events).
_PLAIN_SPACES = str.maketrans(
    {
        # every other space between words: tab, no-break, the typographic widths, ideographic
        **dict.fromkeys("\t\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005", " "),
        **dict.fromkeys("\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000", " "),
        # every other line break: vertical tab, form feed, the separators, next line
        **dict.fromkeys("\x0b\x0c\x1c\x1d\x1e\x1f\x85\u2028\u2029", "\n"),
    }
)
# Web text writes the apostrophe as a right single quotation mark ("New Year’s Eve", "won’t",
# "the ’80s"), or a left one where a word processor guessed wrong ("the ‘80s"), and may join
# "two‑year" with a Unicode hyphen. (The extraction's patterns take either apostrophe; curly
# double quotes need nothing: the patterns take them as they take plain ones.)
_PLAIN_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u2010": "-", "\u2011": "-"})
_CARRIAGE_RETURN = re.compile(r"\r\n?")


def plain_spacing(text: str) -> str:
    """``text`` with every space a plain one, every line break "\\n" (a Windows line end stays
    as it is) and hard wrapping undone (``unwrap``): as the extraction reads it. The same
    length: every offset into it is one into ``text``."""
    # (unwrapped first: a no-break space is where a wrapper could not break a line)
    return unwrap(text).translate(_PLAIN_SPACES)


def plain(text: str) -> str:
    """``text`` as the temporal tagger's patterns are written: as ``plain_spacing`` gives it,
    with plain apostrophes and hyphens too, and a Windows line end as a space and "\\n"."""
    text = text.translate(_PLAIN_APOSTROPHES)
    if "\r" in text:
        text = _CARRIAGE_RETURN.sub(lambda m: " \n" if len(m.group()) == 2 else "\n", text)
    return plain_spacing(text)


def unwrap(text: str) -> str:
    """``text`` with the line breaks of hard wrapping written as spaces (a Windows line end as
    two): the same length, the same characters elsewhere.

    A break is a wrap's when the next line's first word would not have fitted on the line
    before it: greedy wrapping breaks exactly there, while a headline, a dateline or a
    paragraph's last line leaves room. The width is taken near the longest of the lines
    followed by another (the tenth longest in a hundred). A text is read as wrapped only
    when most of its single line breaks, and at least three, are a wrap's, and a third of
    those go on in small letters, as prose does in mid-sentence: a text with a paragraph on
    each line breaks where its lines are nowhere near full, and a list (a briefing's day,
    room and speakers) goes on in capitals. A line that opens indented starts a paragraph.
    """
    if "\n" not in text:
        return text
    lines = text.split("\n")
    inner = [
        i
        for i in range(len(lines) - 1)
        if lines[i].strip() and lines[i + 1].strip() and not lines[i + 1][:1].isspace()
    ]
    if len(inner) < _FEWEST_WRAPS:
        return text
    lengths = sorted(len(lines[i].rstrip()) for i in inner)
    width = lengths[int(_WIDTH_PERCENTILE * (len(lengths) - 1))]
    wraps = [i for i in inner if len(lines[i].rstrip()) + 1 + _first_word(lines[i + 1]) > width]
    going_on_small = sum(lines[i + 1][:1].islower() for i in wraps)
    if (
        len(wraps) < _FEWEST_WRAPS
        or 2 * len(wraps) <= len(inner)
        or 3 * going_on_small < len(wraps)
    ):
        return text
    chars = list(text)
    breaks = list(accumulate(len(line) + 1 for line in lines))  # (just after each line break)
    for i in wraps:
        # (a break after a hyphen, "rebel-\nheld", reads "rebel- held": the sentence stays
        # whole though the word does not, since the offsets must stay)
        newline = breaks[i] - 1
        chars[newline] = " "
        if lines[i].endswith("\r"):
            chars[newline - 1] = " "
    return "".join(chars)


def _first_word(line: str) -> int:
    """The length of what a wrapper could not have broken at the start of ``line``: up to its
    first space or tab (a no-break space joins, as its name says)."""
    return len(_UNBREAKABLE.match(line).group())  # type: ignore[union-attr]
