"""The characters a regular expression's matches can start with, as a lookahead to put before it.

Python's regular-expression engine tries a pattern at every position of the text. A pattern
that opens with a lookbehind or an optional word ("about", "the", "early") gives the engine
no first character to skip ahead to, so at each position it runs the pattern's opening before
failing; for the tagger's patterns that is most of their cost. A leading ``(?=[...])`` of the
characters a match can start with lets most positions fail on one class test.

The class is read off the pattern's parse (``re._parser``, the standard library's own): the
first character of each way the pattern can begin, skipping zero-width assertions (they
consume nothing, so skipping them only widens the class). Where the parse holds anything this
reading does not know (a negated class, a back-reference, any character), or the pattern can
match the empty string, there is no class and the pattern is left as it is. A class that is
too wide costs speed only; one that is too narrow would lose matches, so every character is
taken in both cases, and the class is matched without regard to case, whatever the flags.
"""

from __future__ import annotations

import re

try:
    from re import _constants as c  # type: ignore[attr-defined]
    from re import _parser  # type: ignore[attr-defined]

    _CATEGORIES = {
        c.CATEGORY_DIGIT: r"\d",
        c.CATEGORY_UNI_DIGIT: r"\d",
        c.CATEGORY_WORD: r"\w",
        c.CATEGORY_UNI_WORD: r"\w",
        c.CATEGORY_SPACE: r"\s",
        c.CATEGORY_UNI_SPACE: r"\s",
    }
    _ZERO_WIDTH = (c.AT, c.ASSERT, c.ASSERT_NOT)
    _REPEATS = (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT)
except (ImportError, AttributeError):
    # (a Python whose engine is laid out otherwise: no class, the same matches)
    c = _parser = None
    _CATEGORIES, _ZERO_WIDTH, _REPEATS = {}, (), ()


class _Unknown(Exception):
    """The parse holds something whose first characters are not read here."""


def _class_items(items: list) -> list[str]:
    out = []
    for op, av in items:
        if op is c.LITERAL:
            out.append(chr(av))
        elif op is c.RANGE:
            out.append(f"{re.escape(chr(av[0]))}-{re.escape(chr(av[1]))}")
        elif op is c.CATEGORY and av in _CATEGORIES:
            out.append(_CATEGORIES[av])
        else:
            raise _Unknown(op)  # a negated class or category: nearly any character
    return out


def _first(sequence) -> tuple[list[str], bool]:
    """(what the sequence's matches can start with, whether it can match the empty string)."""
    starts: list[str] = []
    for op, av in sequence:
        if op in _ZERO_WIDTH:
            continue
        if op is c.LITERAL:
            return starts + [chr(av)], False
        if op is c.IN:
            return starts + _class_items(av), False
        if op is c.SUBPATTERN:
            inner, empty = _first(av[3])
        elif op is c.ATOMIC_GROUP:
            inner, empty = _first(av)
        elif op is c.BRANCH:
            inner, empty = [], False
            for branch in av[1]:
                found, branch_empty = _first(branch)
                inner += found
                empty = empty or branch_empty
        elif op in _REPEATS:
            low, _, body = av
            inner, empty = _first(body)
            empty = empty or low == 0
        else:
            raise _Unknown(op)  # any character, a back-reference, a conditional group
        starts += inner
        if not empty:
            return starts, False
    return starts, True


def first_chars_class(pattern: str, flags: int = 0) -> str | None:
    """The body of a character class holding every character a match of ``pattern`` can start
    with (both cases of each letter), or None where it cannot be told."""
    if _parser is None:
        return None
    try:
        starts, empty = _first(_parser.parse(pattern, flags))
    except (_Unknown, AttributeError, IndexError, TypeError, ValueError):
        # (what this reading does not know, or a parse laid out otherwise than Python 3.12's
        # and 3.13's: the pattern is left as it is)
        return None
    if empty:
        return None
    singles: set[str] = set()
    parts: list[str] = []
    for item in starts:
        if len(item) == 1:
            singles.update(ch for ch in (item, item.lower(), item.upper()) if len(ch) == 1)
        elif item not in parts:
            parts.append(item)
    return "".join(re.escape(ch) for ch in sorted(singles)) + "".join(parts)


def with_first_chars(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, with a lookahead of its first characters before it where
    they can be told: the same matches, found faster."""
    body = first_chars_class(pattern, flags)
    if body is None:
        return re.compile(pattern, flags)
    try:
        # (case-insensitive whatever the flags, as a part of the pattern may be: "(?i:k)"
        # matches the Kelvin sign)
        return re.compile(f"(?=(?i:[{body}]))(?:{pattern})", flags)
    except re.error:  # (a global flag such as "(?x)" must open the pattern; it is left as is)
        return re.compile(pattern, flags)
