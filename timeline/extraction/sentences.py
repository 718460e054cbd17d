"""Split an article body into paragraphs and sentences, keeping character offsets.

Contract: for every ``Sentence s`` of ``body``, ``body[s.start:s.end] == s.text``; the text has
no leading or trailing whitespace; sentences never cross a line break (news text puts one
paragraph on a line); ``s.paragraph`` numbers the paragraphs (non-blank lines) from 0.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Words that end in a full stop without ending the sentence.
ABBREVIATIONS = {
    "gen", "lt", "col", "maj", "capt", "cpt", "sgt", "brig", "adm", "cmdr", "gov", "sen", "rep",
    "pres", "mr", "mrs", "ms", "dr", "prof", "st", "vs", "etc", "inc", "ltd", "co",
    "corp", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "approx", "est",
    "fig", "jr", "sr", "ft", "km", "mt", "ave", "rd", "dept", "univ", "al",
}  # fmt: skip
# A candidate boundary: end punctuation, optional closing quotes/brackets, then space.
_BOUNDARY_RE = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s+)")
_NEXT_START_RE = re.compile(r"\s+[\"'“‘(\[]?[A-Z0-9]")


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str
    paragraph: int


def paragraphs(body: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank line, stripped of surrounding whitespace."""
    spans = []
    pos = 0
    for raw in body.splitlines(keepends=True):
        line = raw.rstrip("\r\n")
        stripped = line.strip()
        if stripped:
            s = pos + (len(line) - len(line.lstrip()))
            spans.append((s, s + len(stripped)))
        pos += len(raw)
    return spans


# How far back from a full stop the word it may close is looked for. Searching the whole of
# the paragraph before each full stop made splitting quadratic in a paragraph's length (a
# pasted article may be one line); a word this long is read whole all the same.
_WORD_WINDOW = 80
_LAST_WORD_RE = re.compile(r"([\w.]+)$")
_NEW_SENTENCE_WORD_RE = re.compile(r"\s*(?:The|A|An|In|On|It|He|She|They|We|But|This)\b")


def _is_abbreviation(text: str, dot: int) -> bool:
    """True when the full stop at ``dot`` closes an abbreviation or an initial."""
    lo = max(0, dot - _WORD_WINDOW)
    word = _LAST_WORD_RE.search(text, lo, dot)
    if word and word.start() == lo and lo > 0:
        lo = 0  # (the word may go on before the window)
        word = _LAST_WORD_RE.search(text, lo, dot)
    m = re.search(r"([A-Za-z]+)\.*$", text[lo : dot + 1].rstrip(".") + ".")
    if not word:
        return False
    token = word.group(1)
    if re.fullmatch(r"(?:[A-Za-z]\.)*[A-Za-z]", token):  # initials and U.S, U.N
        return len(token) <= 1 or "." in token
    return bool(m) and token.lower().rstrip(".") in ABBREVIATIONS


def split_sentences(body: str) -> list[Sentence]:
    """All sentences of ``body`` in order (see the module contract)."""
    out: list[Sentence] = []
    for n, (p_start, p_end) in enumerate(paragraphs(body)):
        text = body[p_start:p_end]
        cuts = [0]
        for m in _BOUNDARY_RE.finditer(text):
            end = m.end()
            if not _NEXT_START_RE.match(text, end):
                continue
            punct = m.group().rstrip("\"'”’)]")
            # "U.S." ends a sentence when a new one clearly starts after it.
            if (
                punct == "."
                and _is_abbreviation(text, m.start())
                and not _NEW_SENTENCE_WORD_RE.match(text, end)
            ):
                continue
            cuts.append(end)
        cuts.append(len(text))
        for a, b in zip(cuts, cuts[1:], strict=False):
            piece = text[a:b]
            lead = len(piece) - len(piece.lstrip())
            piece = piece.strip()
            if piece:
                s = p_start + a + lead
                out.append(Sentence(s, s + len(piece), piece, n))
    return out
