"""Places an article names that the gazetteer does not list.

News names villages, quarters, bases and crossings no gazetteer of a few thousand towns holds
("the village of Tokhar", "Sofiya district", "Shayrat air base"), and an event there was
placed at the nearest place the gazetteer does know, or nowhere: the town it is north of or
in, the province, the country. Yet the text itself says these words are a place — by the noun
it puts before or after them, by an apposition ("Tokhar, a village on the Euphrates"), by a
bearing from a known place ("in Tokhar, north of Manbij"), by a province ("in Tokhar in
Aleppo province"). Only then is a capitalised name taken for a place: a name with no such
cue ("in Tokhar") stays unplaced, since "in Congress", "at Exxon" read the same way.

What is found has no coordinates: the candidate event carries the name as written, with the
country and province of the known place that situates it, and a curator locates it. Pure
Python, like the rest of extraction.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import NamedTuple

from timeline.extraction import gazetteer
from timeline.extraction.types import GazetteerHit, PlaceInfo, UnlistedPlaceHit

# A word of a name: capitalised, maybe hyphenated ("Deir ez-Zor", "Kafr-Nabl"), maybe led by
# the Arabic article ("al-Tanf", "Busra al-Harir"); words joined by a single space.
_ARTICLE = r"(?:[Aa]l|[Ee]l|[Aa][dnrstz]|[Aa]sh|[Ee][dnrstz]|[Uu]l)[-‐‑]"
# (not "Kurdish-run", "Iran-backed": a word after a hyphen is capitalised, or a number: "T-4")
# (a capital of Turkish, Kurdish or French spelling too: "Çukurca", "Şırnak", "İdil")
_UPPER = "A-ZÀ-ÖØ-Þ" + "".join(c for c in map(chr, range(0x100, 0x250)) if c.isupper())
_WORD = (
    rf"(?:{_ARTICLE})?[{_UPPER}][\w'’]*"
    rf"(?:[-‐‑](?:{_ARTICLE})?[{_UPPER}0-9][\w'’]*)*(?![-‐‑]\w)"
)
# (the article may stand apart, as a word: "Camp al Saqr")
_NAME_RE = re.compile(
    rf"(?<![\w'’-]){_WORD}(?:[ \u00a0](?:(?:bin|ibn|bani|al|el)[ \u00a0])?{_WORD})*"
)

_COMPASS_WORDS = r"(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)"
# A bearing's word, as the pipeline reads it too: "north", "south-eastern".
COMPASS = rf"{_COMPASS_WORDS}(?:ern)?"
# Nouns that say what kind of place a name is. Before the name with "of": "the village of
# Tokhar"; after it, in small letters: "Tokhar village", "Shayrat air base".
# ("quarter" is not among them: "the July-September quarter", "a quarter of Czech adults")
_NOUN_OF_RE = re.compile(
    r"(?P<before>\b[\w'’-]+\s+)?"
    r"\b(?P<noun>village|hamlet|town|district|neighbou?rhood|suburb|outskirts|area)(?P<plural>s)?"
    r"\s+of\s+$"
)
# (not "the Bekaa Valley village of Nabi Othman": there the noun's name comes after it)
_SETTLEMENT_AFTER_RE = re.compile(
    r"[ \u00a0](?P<noun>village|district|neighbou?rhood|suburb|region|area)\b"
    rf"(?P<of>\s+of\s+(?:the\s+)?(?:(?:{_COMPASS_WORDS}|central)(?:ern)?\s+)?)?"
)
_QUARTER_NOUNS = frozenset(["district", "neighbourhood", "neighborhood", "suburb"])
_SITE_AFTER_RE = re.compile(
    r"[ \u00a0](?P<noun>(?:military |air |army |naval |international )?"
    r"(?:base|airbase|air ?field|airport)"
    r"|(?:border )?(?:crossing|gate)|dam|refinery|oil ?field|prison|camp|hill|valley"
    r"|mountains?)\b"
)
# ... or, capitalised, end the name itself: "Tishrin Dam", "Balad Air Base", "Camp Ashraf".
_SITE_LAST_WORDS_RE = re.compile(
    r"[ \u00a0](?:Air[ \u00a0]Base|Airbase|Air[ \u00a0]?[Ff]ield|Airport|Base|Dam|Refinery"
    r"|(?:Border[ \u00a0])?Crossing|Prison|Oil[ \u00a0]?[Ff]ield)$"
)
# Landmarks inside a town: squares, streets, shrines, hotels. Unlike a village or a base, a
# landmark is taken only with the town the text puts it in ("Baghdad's Tahrir Square", "the
# Imam Ali shrine in Najaf"): a name alone ("Tahrir Square") is in Cairo as well as Baghdad.
_LANDMARK_NOUNS = """
    square street avenue boulevard bridge mosque shrine mausoleum church cathedral palace
    hotel hospital university stadium market bazaar compound barracks station building
    centre center tower school serail convent monastery
    """.split()  # noqa: SIM905 (a word list reads better as words)
_LANDMARK_AFTER_RE = re.compile(rf"[ \u00a0](?P<noun>{'|'.join(_LANDMARK_NOUNS)})s?\b")
_LANDMARK_LAST_RE = re.compile(
    rf"[ \u00a0](?:{'|'.join(n.capitalize() for n in _LANDMARK_NOUNS)})$"
)
_QUALIFIED_AFTER_RE = re.compile(
    r"\s+(?:records?|system|officials?|authorities|guards?|staff|director|spokesm[ae]n"
    r"|escapees?|inmates?|statement|units?|workers?|employees?|security|police|administration"
    r"|operators?|managers?|company|project|road|attorneys?|courts?|magistrates?|council"
    r"|offices?|governors?|chief|commissioners?|judges?|elections?|schools?)\b",
    re.IGNORECASE,
)
_INDEFINITE_BEFORE_RE = re.compile(r"\b(?:an?|one|another)\s+$", re.IGNORECASE)
_CAMP_FIRST_RE = re.compile(r"^Camp[ \u00a0]")

# What the text says the place is, after the name: "Tokhar, a village north of Manbij".
_APPOSITION_RE = re.compile(
    r"^,\s+(?:a|an|the)\s+(?:[\w’'-]+\s+){0,3}?"
    r"(?P<noun>town|village|hamlet|district|suburb|neighbou?rhood)"
    r"(?=\s*[,.;:)]|\s+(?:on|in|of|near|along|by|at|north|south|east|west|that|which|where|"
    r"whose|about|some|just|outside|close|\d)\b)"
)
# A preposition or a verb that takes a place before the name: "in", "near", "seized".
_LOCATIVE_BEFORE_RE = re.compile(
    r"\b(?:in|at|near|outside|around|into|inside|toward|towards|from|"
    r"seized|captured|recaptured|retook|liberated|besieged|overran|entered|shelled|bombed|"
    r"stormed|struck|hit|raided|attacked|evacuated|fled)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_DATE_WORDS = frozenset(
    """
    January February March April May June July August September October November December
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday
    """.split()  # noqa: SIM905 (a word list reads better as words)
)
# Capitalised words that are never a place's name by themselves: whose ("Syrian base"), what
# ("Army checkpoint"), when ("Monday"), or the head of a sentence.
_NOT_A_NAME = _DATE_WORDS | frozenset(
    """
    The A An This That These Those Its His Her Their Our Some Any Every Each Both Other Another
    In On At Near From To Of And Or But For With By After Before During Since While When Where
    Syrian Iraqi Iranian Turkish Russian American Kurdish Israeli Lebanese Jordanian Saudi
    British French German Egyptian Afghan Pakistani Gulf Arabic Persian Western Eastern
    Northern Southern Central Shiite Shia Shi'ite Shi’ite Sunni Yazidi Christian Turkmen Druze
    Alawite Islamic Islamist Jihadist Rebel Rebels Militia Government Regime Army Military
    Police Coalition Opposition Allied Federal National Provincial State Republican Revolutionary
    Special Security Border Main Former Prime President Minister General Colonel Major
    Mr Mrs Ms Dr International Regional Embassy Consulate Museum University Hospital School
    US UN UK EU IS ISIS ISIL SDF YPG PKK PMF PMU IRGC NATO
    """.split()  # noqa: SIM905 (a word list reads better as words)
)


def _without_leading_words(m: re.Match) -> tuple[int, int]:
    """The span of a run of capitalised words without the words at its head that cannot
    begin a place's name ("The", "Syrian", "Monday"): "The Tokhar" → "Tokhar"; empty when
    no word can."""
    start, end = m.span()
    words = list(re.finditer(r"[^ \u00a0]+", m.group()))
    # "the town of Balad Thursday": a date after a name is not part of it
    when = next((i for i, w in enumerate(words) if w.group() in _DATE_WORDS), len(words))
    if 0 < when < len(words):
        end = start + words[when - 1].end()
        words = words[:when]
    # "New York's LaGuardia Airport": a possessive names the owner, the name follows it
    owner = max((i for i, w in enumerate(words) if w.group()[-2:] in ("'s", "’s")), default=-1)
    for word in words[owner + 1 :]:
        if word.group() not in _NOT_A_NAME:
            return start + word.start(), end
    return end, end


class _Hits:
    """Hits sorted by offset, for the ones near a place in the text without looking at all of
    them (a long text has thousands; scanning them for every name was quadratic)."""

    _LONGEST = 200  # no name, actor or date written is longer

    def __init__(self, hits: list[GazetteerHit]) -> None:
        self.hits = sorted(hits, key=lambda h: h.start)
        self.starts = [h.start for h in self.hits]

    def overlapping(self, start: int, end: int) -> list[GazetteerHit]:
        lo = bisect_left(self.starts, start - self._LONGEST)
        hi = bisect_left(self.starts, end)
        return [h for h in self.hits[lo:hi] if h.end > start]

    def starting_in(self, after: int, upto: int) -> list[GazetteerHit]:
        """The hits that start in ``(after, upto]``."""
        return self.hits[bisect_right(self.starts, after) : bisect_right(self.starts, upto)]


def find_unlisted_places(
    text: str, known: list[GazetteerHit], taken: list[GazetteerHit]
) -> list[UnlistedPlaceHit]:
    """Places ``text`` names that the gazetteer does not list, with what is known of each.

    ``known`` are the gazetteer's place hits in ``text``, ``taken`` every other span a name
    must not overlap (actors' names, dates). The hit's canonical name is the name as written
    ("Tokhar", "Shayrat air base"), with the known town it lies inside in brackets where the
    text puts it in one ("Tahrir Square (Baghdad)", "Baba Amr (Homs)"). Also the sites named
    after a known town ("Damascus international airport"), embassies and other sites the text
    puts in one ("the Turkish embassy in Baghdad"), and the later mentions of a village once
    named. A generated town's name inside a longer one the text calls a place ("the town of
    Tal Barazi", not the town Tal) does not stop it: the caller drops the known hits an
    unlisted one overlaps.
    """
    found: list[UnlistedPlaceHit] = []
    places = _Hits(known)
    others = _Hits(taken)
    for m in _NAME_RE.finditer(text):
        start, end = _without_leading_words(m)
        if start == end:
            continue
        landmark = _LANDMARK_AFTER_RE.match(text, end)
        if _LANDMARK_LAST_RE.search(text, start, end):
            landmark_end = end
        else:
            landmark_end = landmark.end() if landmark is not None else None
        if any(not _part_of_a_longer_name(h, start, end) for h in places.overlapping(start, end)):
            continue
        # An actor's or a date's words are no place's name, but a landmark may be named after
        # a person ("the Imam Ali shrine").
        someone_s = bool(others.overlapping(start, end))
        if landmark_end is not None and _is_landmark(text, start, landmark_end):
            end, kind = landmark_end, "site"
            container = _container(text, start, end, places)
            if container is None and not _finer_place_before(text, start, found):
                # (a quarter the sentence has named is where it is: "in Istanbul's Vezneciler
                # district, near the Grand Bazaar")
                container = _city_of_the_story(text, start, end, places)
            if container is None:
                continue
        else:
            if someone_s:
                continue
            kind = _what_the_text_calls_it(text, start, end, places)
            if kind is None:
                continue
            if kind == "site":
                after = _SITE_AFTER_RE.match(text, end)
                if after is not None and not _SITE_LAST_WORDS_RE.search(text, start, end):
                    end = after.end()  # "Shayrat air base": the noun is part of a site's name
            if kind == "district":
                start = _with_day_number(text, start)
            container = _container(text, start, end, places) if kind != "town" else None
        name = re.sub(r"\s+", " ", text[start:end])
        if container is not None:
            info = _inside(name, container.town, kind)
            start, end = container.start, container.end
        else:
            reference = _situating_place(text, start, end, places)
            admin1 = ""
            if reference is not None:
                admin1 = reference.name if reference.kind == "region" else reference.admin1
            info = PlaceInfo(
                name=name,
                country=reference.country if reference is not None else "",
                admin1=admin1,
                kind=kind,
            )
        info = _known_as(info) if kind == "site" else info
        found.append(UnlistedPlaceHit(info.name, start, end, text[start:end], info))
    found = sorted(
        [*found, *_sites_named_after_towns(text, known), *_named_sites_in_towns(text, places)],
        key=lambda h: h.start,
    )
    found = _dropping_overlaps(found)
    return _with_later_mentions(text, _one_name_each(found), _Hits([*found, *known, *taken]))


# Iraq's quarters are often named after a date, the day number first: "the 17 Tammuz
# neighbourhood of western Mosul", "Baghdad's 9 Nissan district". The number is the name's,
# where "the" or a possessive stands before it (not "3 Kurdish districts", "on 12 Tammuz").
_DAY_NUMBER_BEFORE_RE = re.compile(r"(?:\bthe|['’]s)[ \u00a0](?P<day>[1-3]?[0-9])[ \u00a0]$")


def _with_day_number(text: str, start: int) -> int:
    """The start of a quarter's name with the day number it begins with, if any."""
    m = _DAY_NUMBER_BEFORE_RE.search(text, max(0, start - 12), start)
    return m.start("day") if m is not None else start


def _known_as(info: PlaceInfo) -> PlaceInfo:
    """The gazetteer's own record when a site found here is one it lists by another way of
    writing it ("Baghdad's airport" is "Baghdad International Airport", which has its
    coordinates); else ``info``."""
    name = info.name.rsplit(" (", 1)[0] if info.within else info.name
    probe = "in " + name
    for hit in gazetteer.find_places(probe):
        if hit.start == 3 and hit.end == len(probe):
            return gazetteer.place_info(hit.canonical)
    return info


def _is_landmark(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` names a landmark, not an institution or a firm named like one ("the
    Supreme Court building" is; "Syria Market Research" is not: the noun ends the name)."""
    return not _QUALIFIED_AFTER_RE.match(text, end) and not _INDEFINITE_BEFORE_RE.search(
        text, max(0, start - 12), start
    )


def _inside(name: str, container: PlaceInfo, kind: str) -> PlaceInfo:
    """A place inside a known town: named with the town in brackets, as curators write it
    ("Tahrir Square (Baghdad)"), so that "Tahrir Square" in Cairo is another place, and shown
    at the town's point until a curator locates it."""
    return PlaceInfo(
        name=f"{name} ({container.name})",
        country=container.country,
        admin1=container.admin1,
        kind=kind,
        within=container.name,
    )


def _dropping_overlaps(found: list[UnlistedPlaceHit]) -> list[UnlistedPlaceHit]:
    """Of hits that overlap (sorted by start), the longest: the embassy finder's "Turkish
    embassy" and the name finder's "Turkish Embassy" are one place."""
    kept: list[UnlistedPlaceHit] = []
    for h in found:
        if kept and h.start < kept[-1].end:
            if h.end - h.start > kept[-1].end - kept[-1].start:
                kept[-1] = h
            continue
        kept.append(h)
    return kept


def _one_name_each(found: list[UnlistedPlaceHit]) -> list[UnlistedPlaceHit]:
    """A quarter or site the text once puts in its town ("the Kharzam district of Homs") is
    that place where it names it alone too ("the Kharzam district")."""
    placed = {h.info.name.rsplit(" (", 1)[0]: h.info for h in found if h.info.within}
    return [
        UnlistedPlaceHit(placed[h.canonical].name, h.start, h.end, h.text, placed[h.canonical])
        if not h.info.within and h.canonical in placed and h.info.kind == placed[h.canonical].kind
        else h
        for h in found
    ]


# A known town's name and a site's noun: "Damascus international airport", "the Mursitpinar
# border gate", "Tadmur prison", "Beirut Arab University" are places of their own, beside the
# town they are named after. Not a plain "base": "the Habbaniyah base" is at Habbaniyah, and
# news names it by the town.
_SITE_AFTER_TOWN_RE = re.compile(
    r"[ \u00a0](?:(?:military|air|army|naval|international)[ \u00a0])?"
    r"(?:air[ \u00a0]?base|air[ \u00a0]?field|airport|(?:border[ \u00a0])?(?:crossing|gate)"
    r"|dam|refinery|oil[ \u00a0]?field|prison)\b",
    re.IGNORECASE,
)
_LANDMARK_AFTER_TOWN_RE = re.compile(
    r"(?:[ \u00a0][A-Z][\w'’-]*){0,3}?"
    rf"[ \u00a0](?:{'|'.join(n.capitalize() for n in _LANDMARK_NOUNS)})\b"
    # (not "the London School of Hygiene": a name that goes on is an institution's)
    r"(?![ \u00a0]+(?:[A-Z]|of\b))"
)


def _named_after(town: PlaceInfo, name: str) -> PlaceInfo:
    """A site named after ``town`` ("Mosul University"): in its country and province, and
    lying within it."""
    return PlaceInfo(
        name=name, country=town.country, admin1=town.admin1, kind="site", within=town.name
    )


def _sites_named_after_towns(text: str, known: list[GazetteerHit]) -> list[UnlistedPlaceHit]:
    """The sites named after a known town ("Damascus international airport", "Mosul
    University"), in the town's country and province and shown at its point; not a town's
    airport spoken of generically ("an Aleppo airport official", "a Kirkuk prison")."""
    sites = []
    for h in known:
        town = gazetteer.hit_place(h)
        if town.kind not in ("city", "town"):
            continue
        m = _SITE_AFTER_TOWN_RE.match(text, h.end) or _LANDMARK_AFTER_TOWN_RE.match(text, h.end)
        if (
            m is None
            or _QUALIFIED_AFTER_RE.match(text, m.end())
            or _INDEFINITE_BEFORE_RE.search(text, max(0, h.start - 12), h.start)
        ):
            continue
        info = _known_as(_named_after(town, re.sub(r"\s+", " ", text[h.start : m.end()])))
        sites.append(UnlistedPlaceHit(info.name, h.start, m.end(), text[h.start : m.end()], info))
    return sites


# Sites news names by what they are and whose, not by a name of their own, which are a place
# only with the town they are in: "the Turkish embassy in Baghdad", "Ankara's main railway
# station", "the parliament building in central Tehran", "Beirut's international airport".
def _named_sites_in_towns(text: str, known: _Hits) -> list[UnlistedPlaceHit]:
    """Embassies and the like where the text puts them in a known town (see _NAMED_SITE_RE)."""
    sites = []
    for m in _NAMED_SITE_RE.finditer(text):
        start, end = m.span("site")
        if m.group("airport") and text[start - 3 : start - 1] not in ("'s", "’s"):
            continue  # ("the airport in Baghdad": Baghdad's airport, or another one near it)
        container = _container(text, start, end, known)
        if container is None:
            continue
        town = container.town
        if m.group("nation"):
            name = f"{_NATIONS[m.group('nation')]} {m.group('mission').lower()}"
        else:
            name = re.sub(r"\s+", " ", m.group("site"))
        if m.group("airport"):
            # "Beirut's international airport" is the "Beirut international airport"
            info = _named_after(town, f"{town.name} {name}")
        else:
            info = _inside(name, town, "site")
        start, end = container.start, container.end
        info = _known_as(info)
        sites.append(UnlistedPlaceHit(info.name, start, end, text[start:end], info))
    return sites


def _with_later_mentions(
    text: str, found: list[UnlistedPlaceHit], taken: _Hits
) -> list[UnlistedPlaceHit]:
    """``found`` and every other mention of a name in it, written the same way: once the
    text has said "the village of Mayer", "troops took Mayer" is there too."""
    names = {h.text: h for h in found if h.info.kind == "town"}
    if not names:
        return found
    pattern = re.compile(
        r"(?<![\w'’-])(?:"
        + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
        + r")(?![\w-])"
    )
    more = [
        UnlistedPlaceHit(first.canonical, m.start(), m.end(), m.group(), first.info)
        for m in pattern.finditer(text)
        for first in [names[m.group()]]
        if not taken.overlapping(m.start(), m.end())
    ]
    return sorted([*found, *more], key=lambda h: h.start)


def _part_of_a_longer_name(hit: GazetteerHit, start: int, end: int) -> bool:
    """``hit`` is a generated town's name inside the longer name at ``[start, end)``."""
    return (
        start <= hit.start
        and hit.end <= end
        and (start, end) != (hit.start, hit.end)
        and not isinstance(hit, UnlistedPlaceHit)
        and gazetteer.is_generated_place(hit.canonical)
    )


_DEMONYM_LIKE_RE = re.compile(r"(?:ese|ian|ish)$")
_LISTED_AFTER_PLURAL_RE = re.compile(
    r"\b(?P<noun>villages|hamlets|towns|districts|neighbou?rhoods|suburbs)\s+of\s+"
    rf"(?:(?:{_ARTICLE})?[{_UPPER}][\w'’-]*(?:[ \u00a0](?:al|el)?[-‐‑ ]?[{_UPPER}][\w'’-]*)*"
    r"(?:,\s+and\s+|,\s+|\s+and\s+))+$"
)


def _the_city_after_of(text: str, noun_of: re.Match, end: int) -> bool:
    """After "district of" (or "suburb", "neighbourhood") the name is the city, not the
    quarter: "a suburb of Detroit", "the Zizkov district of Prague" (the quarter named before
    the noun), "Sunni neighborhoods of Balad" (one name after a plural). But "the Baghdad
    district of Adhamiya", "the districts of al-Hoz and al-Aziziya" name quarters."""
    word = (noun_of.group("before") or "").strip()
    if word.lower() in ("a", "an", "one", "another"):
        return True
    if word[:1].isupper() and word not in _NOT_A_NAME:
        # the quarter's name before the noun, unless it is its city's ("Baghdad district of")
        return not gazetteer.find_places("in " + word)
    return bool(noun_of.group("plural")) and not re.match(r"\s*(?:,|and\b)", text[end : end + 6])


def _what_the_text_calls_it(text: str, start: int, end: int, known: _Hits) -> str | None:
    """The kind of place the words around ``text[start:end]`` say it is ("town", "district"
    or "site"), or None when they do not say it is a place. A quarter is a place of its own
    ("the Baba Amr district of Homs"), as ACLED keeps Baghdad's and Damascus's, and so is a
    site inside a known town ("Camp Loyalty in eastern Baghdad"): the curators' policy places
    an event at the most specific place named."""
    name = text[start:end]
    before = text[max(0, start - 40) : start]
    wider = _PROVINCE_AFTER_RE.match(text, end)
    if wider is not None and wider.group(1).lower() in ("province", "governorate"):
        return None  # "the Lice district of Diyarbakir province": the province, not a quarter
    if _CAMP_FIRST_RE.match(name) or _SITE_LAST_WORDS_RE.search(name):
        # "Camp Ashraf", "Tishrin Dam": the noun is capitalised with the name, and one word
        # at least names the site beside it
        if " " not in name.replace("\u00a0", " "):
            return None
        return "site"
    noun_of = _NOUN_OF_RE.search(before)
    if noun_of is not None:
        if noun_of.group("noun") in _QUARTER_NOUNS and _the_city_after_of(text, noun_of, end):
            return None
        return _KIND[noun_of.group("noun")]
    after = _SETTLEMENT_AFTER_RE.match(text, end)
    if (
        after is not None
        and after.group("noun") == "district"
        and after.group("of")
        and _PROVINCE_NAMED_RE.match(text, after.end())
    ):
        # "the Lice district of Diyarbakir province": a rural district, named after its town,
        # in a province
        return "town"
    if (
        after is not None
        and after.group("of")
        and text[after.end() : after.end() + 1].isupper()
        # (a known place may begin at the bearing: "the Metina region of northern Iraq")
        and not known.starting_in(after.start("of"), after.end())
    ):
        # "the Bekaa Valley village of Nabi Othman": the name comes after; but "the Kafr
        # Sousa neighbourhood of western Damascus", "the Ruwais district of the southern
        # suburbs" are the quarter's own
        after = None
    if (
        after is not None
        and after.group("noun") in ("region", "area")
        and _CAPITAL_WORD_BEFORE_RE.search(before)
    ):
        return None  # "the Gulf Coast region", "the St. Louis region": a longer name's end
    if after is not None and after.group("noun") == "area" and _DEMONYM_LIKE_RE.search(name):
        return None  # "the South Sudanese area of Yida": what the area is, not its name
    if after is not None and after.group("noun") == "area":
        # "the Haftanin area of northern Iraq": a named area where the text puts it in a
        # known place; "the Zap area", "the Capitol area" alone say too little
        return "other" if after.group("of") and not _QUALIFIED_AFTER_RE.match(text, end) else None
    if after is not None:
        qualifier = _QUALIFIED_AFTER_RE.match(text, after.end())
        if qualifier is not None or (
            after.group("noun") in _QUARTER_NOUNS and _INDEFINITE_BEFORE_RE.search(before)
        ):
            return None  # "the Cobb County district attorney", "a Detroit suburb"
        return _KIND[after.group("noun")]
    site = _SITE_AFTER_RE.match(text, end)
    if site is not None:
        # "a Texas prison", "a Japanese airfield": some site in a place, not a site's name
        # "Ohio prison records", "the Texas prison system": the noun qualifies another
        if _INDEFINITE_BEFORE_RE.search(before) or _QUALIFIED_AFTER_RE.match(text, site.end()):
            return None
        return "site"
    # "the nearby towns of Qabasin and Bizaa": the later names of a list after a plural noun
    listed = _LISTED_AFTER_PLURAL_RE.search(text, max(0, start - 120), start)
    if listed is not None:
        return _KIND[listed.group("noun").lower().removesuffix("s")]
    # "Maroun al-Ras, a border village on a ridge": the apposition says what it is (and not
    # "Ahmed, a village elder": the noun must end its phrase)
    appos = _APPOSITION_RE.match(text[end : end + 80])
    if appos is not None:
        return _KIND[appos.group("noun").lower()]
    if not _LOCATIVE_BEFORE_RE.search(before):
        return None
    # "in Tokhar, north of Manbij", "near Tokhar in Aleppo province"; but "in" a town or a
    # city is how news places firms and offices too ("at Westbury Securities in London")
    for h in known.starting_in(end, end + 100):
        attached = _ATTACHED_RE.fullmatch(text, end, h.start)
        if attached is not None and (
            not attached.group("inside") or gazetteer.hit_place(h).kind in ("region", "country")
        ):
            return "town"
    return None


_KIND = {
    "village": "town",
    "hamlet": "town",
    "town": "town",
    "outskirts": "town",
    "area": "town",
    "district": "district",
    # "the Metina region of northern Iraq": a named part of a country, finer than the country
    # part it is in
    "region": "other",
    "neighbourhood": "district",
    "neighborhood": "district",
    "suburb": "district",
    "quarter": "district",
}
# What puts a quarter or a site inside a town, after its name: "in eastern Baghdad", "of
# Homs" (a quarter's: "the Baba Amr district of Homs"), "in the old city of Mosul".
_IN_TOWN_RE = re.compile(
    r"(?P<noun>\s+(?:district|neighbou?rhood|suburb))?(?:,?\s+(?P<in>in)|\s+of)\s+(?:the\s+)?"
    rf"(?:{COMPASS}\s+|(?:central|old|historic|downtown)\s+)?(?:(?:city|town)\s+of\s+)?",
    re.IGNORECASE,
)
_CONTAINERS = ("city", "town", "district")
_APPOSED_RE = re.compile(r",\s+")
_APPOSITION_END_RE = re.compile(r"(?:,(?=\s+[a-z])(?!\s+(?:and|or)\b)|[.;:)]|$)")


class _Container(NamedTuple):
    """The known town a place lies inside, and the span of the whole mention: "Baghdad's
    Tahrir Square", "the Turkish embassy in Baghdad" name one place, not two."""

    town: PlaceInfo
    start: int
    end: int


def _container(text: str, start: int, end: int, known: _Hits) -> _Container | None:
    """The known town (or quarter) that ``text[start:end]`` lies inside, where the text says
    so: "Baghdad's Tahrir Square", "Tahrir Square in central Baghdad", "the Kharzam district
    of Homs". Not a bearing ("Kharzam, north of Manbij" is outside Manbij)."""
    owner = _OWNER_BEFORE_RE.search(text, max(0, start - 40), start)
    if owner is not None:
        apostrophe = owner.end("word")
        for h in known.overlapping(apostrophe - 1, apostrophe):
            info = gazetteer.hit_place(h)
            if h.end == apostrophe and info.kind in _CONTAINERS:
                return _Container(info, h.start, end)
        if owner.group("word").lower() in ("city", "capital"):
            # "near the city's main Kizilay square": the city the text has just named
            town = _last_city_before(text, owner.start(), known)
            if town is not None:
                return _Container(town, start, end)
    # "on Istiklal Avenue, Istanbul's main shopping street", "at Tahrir Square, Baghdad, on
    # Friday": the town in an apposition (not the next of a list: "Kirkuk, Mosul and ...")
    apposed = _APPOSED_RE.match(text, end)
    if apposed is not None:
        for h in known.starting_in(apposed.end() - 1, apposed.end()):
            info = gazetteer.hit_place(h)
            if info.kind not in _CONTAINERS:
                continue
            if text[h.end : h.end + 2] in ("'s", "’s"):
                return _Container(info, start, end)
            if _APPOSITION_END_RE.match(text, h.end):
                return _Container(info, start, h.end)
    after = _IN_TOWN_RE.match(text, end)
    if after is None or (
        not after.group("in") and not after.group("noun") and not _quarter(text, start)
    ):
        return None  # ("of" names the town only after a quarter's noun)
    for h in known.starting_in(after.end() - 1, after.end()):
        info = gazetteer.hit_place(h)
        # (not "in Igdir province", "in Lice district": the province or district named after
        # a town holds more than the town; but "in the Karrada district" is the quarter)
        wider = _PROVINCE_AFTER_RE.match(text, h.end)
        if info.kind in _CONTAINERS and (
            wider is None or (info.kind == "district" and wider.group(1).lower() == "district")
        ):
            return _Container(info, start, h.end)
    return None


# a capitalised word (not a possessive) right before a name: the name began earlier
_CAPITAL_WORD_BEFORE_RE = re.compile(r"\b[A-Z][\w.-]*(?<!['’]s)\s+$")
_PROVINCE_NAMED_RE = re.compile(
    rf"(?:(?:neighbou?ring|nearby|the)[ \u00a0])?(?:[{_UPPER}][\w'’-]*[ \u00a0]){{1,3}}"
    r"(?:[Pp]rovince|[Gg]overnorate)\b"
)
_PROVINCE_AFTER_RE = re.compile(r"\s+(province|governorate|region|district)\b", re.IGNORECASE)


# A town named as a reference point ("Karbala, about 50 miles south of Baghdad"): not the
# town the story is in.
_REFERENCE_BEFORE_RE = re.compile(
    rf"\b(?:{COMPASS}|outside|near|from|to|toward|towards|with|between|and|miles|km"
    r"|kilometres|kilometers)\s+(?:of\s+)?(?:the\s+)?"
    r"(?:(?:city|town|capital)\s+of\s+)?$",
    re.IGNORECASE,
)


_STORY_REACH = 400  # characters back: the sentence before or two, not the whole text
_THE_CITY_AFTER_RE = re.compile(
    r",?\s+(?:(?:one|part) of |in |at |near )?the (?:city|capital)(?:['’]s)?\b", re.IGNORECASE
)


def _finer_place_before(text: str, start: int, found: list[UnlistedPlaceHit]) -> bool:
    """A quarter or a site found earlier in the sentence that ends at ``start``."""
    sentence = _sentence_start(text, start)
    return any(sentence <= h.start < start and h.info.kind in ("district", "site") for h in found)


# what makes a landmark the scene: a preposition of place or a verb of attack before it
_SCENE_BEFORE_RE = re.compile(
    r"\b(?:in|at|near|outside|inside|into|struck|hit|stormed|bombed|targeted|attacked|"
    r"(?:gates|entrance|walls|grounds) of)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}?$",
    re.IGNORECASE,
)


def _sentence_start(text: str, at: int) -> int:
    """Where the sentence holding ``at`` begins (after the last ". " or line break)."""
    at = max(0, at)
    stop = text.rfind(". ", 0, at)
    return max(stop + 2 if stop != -1 else 0, text.rfind("\n", 0, at) + 1)


def _city_of_the_story(text: str, start: int, end: int, known: _Hits) -> _Container | None:
    """The town a landmark named without one lies in: the town the paragraph has named
    before it, not as a reference point ("In January 2006, a suicide bomber blew himself up
    near the Imam Hussein shrine", in a paragraph about Karbala). News names a landmark of
    the town it reports from without naming the town again."""
    # (one landmark: "Catholic streets", "Chinese markets" describe, they do not name; nor
    # does a name with a number, "COVID-19 market")
    if text[end - 1] == "s" or any(c.isdigit() for c in text[start:end]):
        return None
    if _THE_CITY_AFTER_RE.match(text, end):
        # "Kizilay Square, one of the city's busiest transport hubs": the text says it is in
        # the city it has been telling of, wherever it named it last
        paragraph = max(0, start - _STORY_REACH * 5)
    elif _SCENE_BEFORE_RE.search(text, max(0, start - 30), start):
        # else only where the landmark is the scene ("near the Imam Hussein shrine", "struck
        # the gates of Mustansiriyah University") and the town is in that sentence or the one
        # before, in the paragraph: news that has moved on names the town again
        paragraph = max(
            text.rfind("\n\n", 0, start) + 1,
            _sentence_start(text, _sentence_start(text, start) - 2),
            start - _STORY_REACH,
        )
    else:
        return None
    town = _last_city_before(text, start, known, since=paragraph, skip_references=True)
    return _Container(town, start, end) if town is not None else None


def _last_city_before(
    text: str, before: int, known: _Hits, *, since: int | None = None, skip_references: bool = False
) -> PlaceInfo | None:
    """The city the text last named before ``before``, from ``since`` (by default the start of
    the paragraph); with ``skip_references``, not one named as a reference point."""
    since = text.rfind("\n\n", 0, before) + 1 if since is None else since
    for h in reversed(known.starting_in(since - 1, before)):
        info = gazetteer.hit_place(h)
        if h.end > before or info.kind not in ("city", "town"):
            continue
        if skip_references and _REFERENCE_BEFORE_RE.search(text, max(0, h.start - 40), h.start):
            continue
        return info
    return None


def _quarter(text: str, start: int) -> bool:
    """The name at ``start`` is a quarter's, its noun before it ("the district of Kharzam"):
    "of" after it then names its city."""
    noun_of = _NOUN_OF_RE.search(text[max(0, start - 40) : start])
    return (
        noun_of is not None
        and noun_of.group("noun") in _QUARTER_NOUNS
        and not noun_of.group("plural")
    )


def _situating_place(text: str, start: int, end: int, known: _Hits) -> PlaceInfo | None:
    """What says where ``text[start:end]`` lies: the known place a bearing, "in" or "near"
    after it names ("Tokhar, north of Manbij", "Baghouz in Deir ez-Zor province", "Barisha,
    a village in northwestern Syria"); else the country its description names ("the eastern
    Syrian village of Baghouz"); else None. Not the places of its paragraph: those name
    actors ("Russian jets") and other scenes as often as where it is, and a wrong country is
    worse than none."""
    # "Baghdad's Saydiyah neighbourhood": the city that owns the quarter
    owner = _OWNER_BEFORE_RE.search(text, max(0, start - 40), start)
    if owner is not None:
        hit = next((h for h in known.starting_in(owner.start() - 1, owner.start())), None)
        if hit is not None:
            return gazetteer.hit_place(hit)
    for h in known.starting_in(end, end + 100):
        if (
            _ATTACHED_RE.fullmatch(text, end, h.start)
            # "near the Pakistan border": the other side of it
            and not _BORDER_AFTER_RE.match(text, h.end)
        ):
            return gazetteer.hit_place(h)
    described = _DEMONYM_BEFORE_RE.search(text, max(0, start - 60), start)
    if described is not None:
        return PlaceInfo(name="", country=_DEMONYMS[described.group("demonym")])
    return None


_OWNER_BEFORE_RE = re.compile(r"(?P<word>[\w-]+)['’]s\s+(?:[\w-]+\s+){0,2}?$")
_BORDER_AFTER_RE = re.compile(r"\s+(?:border|frontier)\b")
_ATTACHED_RE = re.compile(
    # an apposition may come first: ", a village in", ", a town 20 km north of"
    # or the noun of the name: "the Baba Amr district of Homs", "Tokhar village, north of"
    r"(?:\s+(?:district|neighbou?rhood|suburb|village|area|region))?"
    r"(?:,\s+(?:a|an|the)\s+[^,.;()]{0,40}?\s+|,?\s+)"
    r"(?:(?:about|some|just)\s+)?(?:\d[\d.,]*\s*(?:km|kilometres|kilometers|miles)\s+"
    r"(?:\([^)]*\)\s+)?)?"
    # (after a quarter, "of": "the Baba Amr district of Homs")
    rf"(?:{COMPASS}\s+of|(?P<inside>in)|of|near|outside|close\s+to)\s+(?:the\s+)?"
    rf"(?:(?:{COMPASS}|central|neighbou?ring|nearby)\s+)?"
    r"(?:(?:[\w'’-]+\s+)?(?:city|town|province|governorate)\s+of\s+)?",
    re.IGNORECASE,
)
# The countries of the region by the adjective news uses: "the Syrian village of Baghouz".
_DEMONYMS = {
    "Syrian": "Syria",
    "Iraqi": "Iraq",
    "Iranian": "Iran",
    "Turkish": "Turkey",
    "Lebanese": "Lebanon",
    "Jordanian": "Jordan",
    "Israeli": "Israel",
    "Saudi": "Saudi Arabia",
    "Yemeni": "Yemen",
}
_DEMONYM_BEFORE_RE = re.compile(
    rf"\b(?P<demonym>{'|'.join(_DEMONYMS)})\s+(?:[\w'’-]+\s+){{0,2}}?"
    r"(?:village|hamlet|town|city|base|air\s?base|border\s+crossing|crossing)s?\s+of\s+$"
)

_NATIONS = {
    "U.S.": "US",
    "US": "US",
    "American": "US",
    "British": "British",
    "UK": "British",
    "French": "French",
    "German": "German",
    "Russian": "Russian",
    "Chinese": "Chinese",
    "Italian": "Italian",
    "Egyptian": "Egyptian",
    "Qatari": "Qatari",
    "Emirati": "Emirati",
    "Kuwaiti": "Kuwaiti",
    **{demonym: demonym for demonym in _DEMONYMS},
}
_NAMED_SITE_RE = re.compile(
    rf"(?<![\w.])(?P<site>(?:(?P<nation>{'|'.join(re.escape(n) for n in _NATIONS)})[ \u00a0]+"
    r"(?P<mission>[Ee]mbassy|[Cc]onsulate(?:[ -][Gg]eneral)?)(?:[ \u00a0]+compound)?"
    r"|main[ \u00a0]+(?:train|railway|rail|bus)[ \u00a0]+station|parliament[ \u00a0]+building"
    r"|(?:mausoleum|shrine|tomb)[ \u00a0]+of[ \u00a0]+(?:the[ \u00a0]+)?[A-Z][\w'’-]*"
    r"(?:[ \u00a0]+[A-Z][\w'’-]*){0,3}"
    r"|presidential[ \u00a0]+palace|(?P<airport>(?i:international[ \u00a0]+)?(?i:airport)))\b)"
)
