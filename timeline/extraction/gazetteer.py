"""Find known actors and places in text, tolerant of the ways news spells them.

The gazetteers are data (``timeline/data/actors.json`` and ``places.json``), so adding a name is
an edit to JSON, not to code. Matching works on tokens, so offsets always point back into the
original text, and it forgives what varies between English-language outlets:

- case, diacritics ("Erdoğan"), curly or straight apostrophes, hyphen vs space;
- apostrophes inside names ("Kata'ib" = "Kataib") and possessives ("Iran's", "Fallujah’s");
- doubled letters ("Qassem" = "Qasem", "Samarra" = "Samara");
- the Arabic article: "al-Tanf" = "Tanf", "Hashd al Shabi" = "Hashd al-Shaabi", "Al Qods";
- a one-letter slip in a long capitalised word ("Fallijah", "Falljuah", "Tikirit");
- acronyms only in capitals ("IS", "US", "PMF"); "IS" and "US" not inside an all-capital
  run of words, where they are ordinary English.

The longest match wins where matches overlap ("Hezbollah Brigades" over "Hezbollah").
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path

from timeline.extraction.types import GazetteerHit, PlaceInfo

DATA_DIR = Path(__file__).resolve().parent.parent / "data"

# Arabic definite article forms. "al"/"el" are skipped wherever they stand; the assimilated
# forms (ad-, as-, ash-…) only when hyphenated, because "as", "at", "an" are English words.
_ARTICLES_ALWAYS = {"al", "el"}
_ARTICLES_HYPHENATED = {"ad", "as", "ash", "at", "ar", "an", "az", "ath", "adh", "ul"}
# Acronyms that are also English words: only trusted outside all-capital runs of text.
_AMBIGUOUS_ACRONYMS = {"IS", "US", "AS", "IT", "AN", "AT", "ON", "OR", "NO", "UN", "AQ", "KH"}
_APOSTROPHES = "'’‘ʼ`´ʻ"
_TOKEN_RE = re.compile(
    r"(?:[A-Za-z]\.){2,}"  # dotted acronyms: U.S., U.N.
    rf"|[^\W_]+(?:[{_APOSTROPHES}][^\W_]+)*"  # words, with inner apostrophes
)
_GAP_RE = re.compile(r"[ \t\u00a0\-‐‑]{1,3}")
_POSSESSIVE_RE = re.compile(rf"[{_APOSTROPHES}]s$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Token:
    """One word of the text: its span in the original and its comparison key."""

    start: int
    end: int
    text: str
    key: str
    upper: bool  # written in capitals (an acronym or a capitalised run)
    capital: bool  # starts with a capital letter
    article: bool  # an Arabic article that names may carry or drop


def fold(text: str) -> str:
    """Lowercase, strip diacritics and apostrophes, and collapse doubled letters."""
    decomposed = unicodedata.normalize("NFKD", text)
    base = "".join(c for c in decomposed if not unicodedata.combining(c))
    base = "".join(c for c in base if c not in _APOSTROPHES and c != ".").lower()
    return re.sub(r"(.)\1+", r"\1", base)


def tokenize(text: str) -> list[Token]:
    """Split ``text`` into word tokens with their original offsets and comparison keys."""
    tokens: list[Token] = []
    for m in _TOKEN_RE.finditer(text):
        raw = m.group()
        end = m.end()
        stem = raw
        poss = _POSSESSIVE_RE.search(raw)
        if poss and len(raw) > 2:
            stem = raw[: poss.start()]
            end = m.start() + len(stem)
        key = fold(stem)
        if not key:
            continue
        letters = [c for c in stem if c.isalpha()]
        upper = bool(letters) and all(c.isupper() for c in letters) and len(letters) >= 2
        hyphen_after = text[end : end + 1] in ("-", "‐", "‑")
        article = key in _ARTICLES_ALWAYS or (key in _ARTICLES_HYPHENATED and hyphen_after)
        tokens.append(
            Token(m.start(), end, text[m.start() : end], key, upper, stem[:1].isupper(), article)
        )
    return tokens


@dataclass(frozen=True, slots=True)
class Alias:
    """A surface form of an entry: its token keys and how strictly it must match."""

    keys: tuple[str, ...]
    canonical: str
    surface: str  # for acronyms: the capitals without dots, compared exactly ("USS" ≠ "US")
    acronym: bool  # all capitals in the gazetteer: match only capitals in the text
    ambiguous: bool  # also an English word ("IS", "US")


def _damerau1(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` differ by at most one edit (incl. one transposition)."""
    if a == b:
        return True
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    if la == lb:
        diff = [i for i in range(la) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        return (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and a[diff[0]] == b[diff[1]]
            and a[diff[1]] == b[diff[0]]
        )
    if la > lb:
        a, b = b, a
    # b is one longer: deleting one char of b must give a. A letter added at the very end is
    # how English forms demonyms and plurals ("Baghdadi", "Pakistani"), so it is no slip.
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return i < len(a) and a[i:] == b[i + 1 :]


_FUZZY_MIN = 6  # shorter words must match exactly: too many short names differ by one letter


@dataclass
class Gazetteer:
    """A set of named entries and their aliases, and a matcher over them.

    ``entries`` maps the canonical name to its record (the JSON object). ``find(text)`` returns
    non-overlapping hits sorted by offset; each hit's ``text == text[start:end]``.
    """

    entries: dict[str, dict]
    _by_first: dict[str, list[Alias]] = field(default_factory=dict, repr=False)
    _fuzzy_first: dict[str, list[str]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        seen: set[tuple[tuple[str, ...], str]] = set()
        for name, entry in self.entries.items():
            for surface in [name, *entry.get("aliases", [])]:
                keys = tuple(t.key for t in tokenize(surface) if not t.article)
                if not keys or (keys, name) in seen:
                    continue
                seen.add((keys, name))
                letters = [c for c in surface if c.isalpha()]
                acronym = len(keys) == 1 and len(letters) >= 2 and all(c.isupper() for c in letters)
                compact = "".join(letters)
                alias = Alias(
                    keys, name, compact, acronym, acronym and compact in _AMBIGUOUS_ACRONYMS
                )
                self._by_first.setdefault(keys[0], []).append(alias)
        for first in self._by_first:
            if len(first) >= _FUZZY_MIN:
                self._fuzzy_first.setdefault(first[0], []).append(first)

    # -- matching -----------------------------------------------------------------------
    def _token_matches(self, tok: Token, key: str, *, first: bool) -> bool:
        if tok.key == key:
            return True
        # A one-edit slip only in long words, and for the first word of a name only when
        # the text capitalises it (a name), so ordinary words do not drift into names.
        if len(key) >= _FUZZY_MIN and len(tok.key) >= _FUZZY_MIN and (tok.capital or not first):
            return tok.key[0] == key[0] and _damerau1(tok.key, key)
        return False

    def _candidates(self, tok: Token) -> list[Alias]:
        found = list(self._by_first.get(tok.key, []))
        if tok.capital and len(tok.key) >= _FUZZY_MIN:
            for first in self._fuzzy_first.get(tok.key[0], []):
                if first != tok.key and _damerau1(tok.key, first):
                    found.extend(self._by_first[first])
        return found

    @staticmethod
    def _in_capital_run(tokens: list[Token], i: int) -> bool:
        """True when a neighbour is also written in capitals: a shouted headline, not a name."""
        for j in (i - 1, i + 1):
            if (
                0 <= j < len(tokens)
                and tokens[j].upper
                and len(tokens[j].key) > 1
                and tokens[j].text.replace(".", "") not in _AMBIGUOUS_ACRONYMS
            ):
                return True
        return False

    def _match_at(self, text: str, tokens: list[Token], i: int, alias: Alias) -> int | None:
        """Index one past the last token of ``alias`` matched from ``tokens[i]``, or None."""
        tok = tokens[i]
        if alias.acronym:
            if not tok.upper or tok.text.replace(".", "") != alias.surface:
                return None
            if alias.ambiguous and self._in_capital_run(tokens, i):
                return None
            return i + 1
        j = i
        for n, key in enumerate(alias.keys):
            # Articles in the text may stand before any word of the name.
            while n > 0 and j < len(tokens) and tokens[j].article and tokens[j].key != key:
                j += 1
            if j >= len(tokens) or not self._token_matches(tokens[j], key, first=n == 0):
                return None
            if n > 0 and not _GAP_RE.fullmatch(text[tokens[j - 1].end : tokens[j].start]):
                return None  # a name does not span punctuation or a line break
            j += 1
        return j

    def find(self, text: str, tokens: list[Token] | None = None) -> list[GazetteerHit]:
        """All non-overlapping mentions of entries in ``text``, longest first where they clash."""
        tokens = tokens if tokens is not None else tokenize(text)
        raw: list[tuple[int, int, str]] = []  # (first token, end token, canonical)
        for i, tok in enumerate(tokens):
            if tok.article:
                continue
            for alias in self._candidates(tok):
                end = self._match_at(text, tokens, i, alias)
                if end is not None:
                    raw.append((i, end, alias.canonical))
        # Most words first, then earliest ("25 Kataib Hezbollah fighters" is Kataib Hezbollah,
        # not "Hezbollah fighters"), then the longer in characters.
        raw.sort(key=lambda r: (-(r[1] - r[0]), r[0], -(tokens[r[1] - 1].end - tokens[r[0]].start)))
        taken: list[tuple[int, int]] = []
        hits: list[GazetteerHit] = []
        for first, end, canonical in raw:
            if any(first < e and s < end for s, e in taken):
                continue
            taken.append((first, end))
            start = tokens[first].start
            # Keep a leading "al-"/"Al " that belongs to the name ("al-Tanf").
            if first > 0 and tokens[first - 1].article and start - tokens[first - 1].end <= 1:
                start = tokens[first - 1].start
            stop = tokens[end - 1].end
            hits.append(GazetteerHit(canonical, start, stop, text[start:stop]))
        hits.sort(key=lambda h: h.start)
        return hits


@cache
def actors() -> Gazetteer:
    """The actor gazetteer (canonical name → record with aliases, kind, country, parent)."""
    data = json.loads((DATA_DIR / "actors.json").read_text(encoding="utf-8"))
    return Gazetteer({a["name"]: a for a in data})


@cache
def places() -> Gazetteer:
    """The place gazetteer (canonical name → record with aliases, country, coordinates)."""
    data = json.loads((DATA_DIR / "places.json").read_text(encoding="utf-8"))
    return Gazetteer({p["name"]: p for p in data})


def find_actors(text: str) -> list[GazetteerHit]:
    """Mentions of known actors in ``text``, in order; ``hit.text == text[hit.start:hit.end]``."""
    return [h for h in actors().find(text) if not _someone_else(text, h)]


# Words that may stand before a bare surname without making it another person's name.
_TITLES = frozenset(
    """president vice prime minister secretary gen general lt col maj brig capt sgt adm
    commander leader chief cleric sheikh shaykh ayatollah grand imam sayyed sayed seyed mr mrs
    ms dr sen senator rep gov governor king prince emir speaker mullah hojatoleslam
    the a an and or but of in on at by for with to from as after before when while if that
    this since under against than both even said says told""".split()  # noqa: SIM905
)
# A capitalised word of a name ("Maher", "Ain", "Abdul-Karim"), not "Iranian-backed".
_WORD_BEFORE_RE = re.compile(r"([A-Z][^\W\d_]*(?:['’-][A-Z][^\W\d_]*)?\.?)[ \u00a0]+$")


def _someone_else(text: str, hit: GazetteerHit) -> bool:
    """A person's bare surname ("Assad", "al-Asad") preceded by another capitalised name is
    someone else's name: "Maher al-Assad" (a brother), "Bill Clinton", "Nechirvan Barzani",
    or not a person at all: "Ain al-Asad" (an air base)."""
    if actor_kind(hit.canonical) != "person" or " " in hit.text.strip():
        return False
    m = _WORD_BEFORE_RE.search(text, max(0, hit.start - 40), hit.start)
    if m is None:
        return False
    word = m.group(1).rstrip(".")
    if word.casefold() in _TITLES or _POSSESSIVE_RE.search(word):
        return False  # "President Assad", "Syria's Assad"
    # The person's own given names, however transliterated ("Qais" / "Qays al-Khazali").
    entry = actors().entries.get(hit.canonical, {})
    names = [hit.canonical, *entry.get("aliases", [])]
    given = {fold(t) for name in names for t in name.split()}
    key = fold(word)
    if key in given or (len(key) >= 4 and any(_damerau1(key, g) for g in given if len(g) >= 4)):
        return False
    line_start = text.rfind("\n", 0, hit.start) + 1
    line_end = text.find("\n", hit.end)
    line = text[line_start : line_end if line_end >= 0 else None].strip()
    words = re.findall(r"[A-Za-z][\w'’-]*", line)
    # In a Title Case headline every word is capitalised, so a capital says nothing of a name.
    title_case = (
        not line.endswith((".", '"', "”"))
        and len(words) >= 3
        and sum(w[0].isupper() for w in words) >= 0.75 * len(words)
    )
    return not title_case


def find_places(text: str) -> list[GazetteerHit]:
    """Mentions of known places in ``text``, in order; ``hit.text == text[hit.start:hit.end]``.

    A place's name is a proper noun: written all in small letters it is an ordinary word
    ("rockets hit the base" is not the town of Hit).
    """
    return [h for h in places().find(text) if any(c.isupper() for c in h.text)]


def place_info(name: str) -> PlaceInfo:
    """The gazetteer record of a place as a ``PlaceInfo`` (KeyError if unknown)."""
    p = places().entries[name]
    return PlaceInfo(
        name=p["name"],
        country=p.get("country", ""),
        admin1=p.get("admin1", ""),
        latitude=p.get("latitude"),
        longitude=p.get("longitude"),
        kind=p.get("kind", "other"),
    )


def actor_kind(name: str) -> str:
    """The ActorKind value of a known actor ("other" if unknown)."""
    return actors().entries.get(name, {}).get("kind", "other")


def actor_active(name: str) -> tuple[date | None, date | None]:
    """The period in which an actor existed or acted, where the gazetteer records it."""
    entry = actors().entries.get(name, {})
    start = entry.get("active_from")
    end = entry.get("active_to")
    return (
        date.fromisoformat(start) if start else None,
        date.fromisoformat(end) if end else None,
    )


def actor_ancestors(name: str) -> list[str]:
    """The chain of parents of an actor, nearest first (cycles are cut)."""
    chain: list[str] = []
    entry = actors().entries.get(name)
    while entry and entry.get("parent") and entry["parent"] not in chain:
        chain.append(entry["parent"])
        entry = actors().entries.get(entry["parent"])
    return chain
