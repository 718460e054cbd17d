"""Event typing (ACLED's six types), fatalities and actor roles, from one sentence of news.

Everything here works on a sentence's text and the gazetteer hits inside it, by general
English news patterns: a trigger word decides the type; numbers next to "killed" / "dead" /
"shot dead" give the fatalities; the position of an actor relative to the trigger gives its
role (subject → actor1, object → actor2; "X, backed by Y" → associated; passive "… by X" turns
the roles round). Nothing is written for a particular article.

Type values are exactly ``timeline.models.EventType`` values (copied, since this package must
not import Django; a test checks they agree).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from timeline.extraction.types import GazetteerHit

BATTLES = "battles"
EXPLOSIONS = "explosions_remote_violence"
VAC = "violence_against_civilians"
PROTESTS = "protests"
RIOTS = "riots"
STRATEGIC = "strategic_developments"
EVENT_TYPES = (BATTLES, EXPLOSIONS, VAC, PROTESTS, RIOTS, STRATEGIC)
LABELS = {
    BATTLES: "Battles",
    EXPLOSIONS: "Explosions/Remote violence",
    VAC: "Violence against civilians",
    PROTESTS: "Protests",
    RIOTS: "Riots",
    STRATEGIC: "Strategic developments",
}


def _words(*alternatives: str) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(alternatives) + r")\b", re.IGNORECASE)


# Trigger words per type. Order of the dict is the order of precedence when a sentence holds
# triggers of several types: ACLED codes a suicide bombing of a mosque as Explosions, a mob
# storming a building as Riots, an execution during a battle as Violence against civilians.
TRIGGERS: dict[str, re.Pattern[str]] = {
    RIOTS: _words(
        r"riot(?:s|ed|ers|ing)?",
        r"broke windows",
        r"smashed (?:furniture|windows|cars|shops)",
        r"torched",
        r"set fire to",
        r"ransack(?:ed|ing)",
        r"vandali[sz](?:ed|ing)",
        r"mob(?:s)? (?:attacked|stormed|burned)",
    ),
    EXPLOSIONS: _words(
        r"air ?strikes?",
        r"air raids?",
        r"bombing raids?",
        r"bombings?",
        r"bombed",
        r"bombard(?:ed|ing|ment)",
        r"car bomb(?:s|ings?)?(?= (?:blast|attacks?|exploded|went off|explosions?))",
        r"suicide (?:bomb(?:er|ers|ing|ings)?|attacks?|vehicles?|car)",
        r"(?:roadside )?bombs? (?:exploded|went off|blast)",
        r"IEDs?",
        r"improvised explosive devices?",
        r"explosions?",
        r"exploded",
        r"blasts?",
        r"shell(?:ed|ing)",
        r"mortars?",
        r"rockets? (?:fire|attacks?|strikes?|hit|landed)",
        r"(?:fired|launched) (?:a |an |two |three |several |dozens of )?(?:missiles?|rockets?)",
        r"missile (?:strikes?|attacks?)",
        r"drone (?:strikes?|attacks?)",
        r"artillery (?:fire|strikes?|barrage)",
        r"detonat(?:ed|ion|ing)",
        r"(?:warplanes?|aircraft|jets|drones?|helicopters?) (?:struck|hit|opened fire|fired)",
        r"(?:struck|hit) by (?:an? )?(?:air ?strike|missile|rocket|drone)",
    ),
    VAC: _words(
        r"execut(?:ed|ing|ion|ions)",
        r"massacr(?:e|ed|es|ing)",
        r"behead(?:ed|ing)",
        r"abduct(?:ed|ing|ion|ions)",
        r"kidnapp?(?:ed|ing)",
        r"murder(?:ed|ing|s)?",
        r"rap(?:ed|ing)",
        r"tortur(?:ed|ing)",
        r"(?:as|use (?:them|civilians) as) human shields",
        r"shot dead",
        r"lynch(?:ed|ing)",
    ),
    BATTLES: _words(
        r"clash(?:es|ed)?",
        r"fought",
        r"fighting",
        r"firefights?",
        r"gun ?battles?",
        r"battle(?:s|d)?",
        r"offensives?",
        r"counter-?offensives?",
        r"counter-?attacks?",
        r"assault(?:s|ed)?",
        r"attack(?:s|ed|ing)?",
        r"ambush(?:ed|es)?",
        r"overr[au]n",
        r"(?:re)?captur(?:ed|ing)",
        r"retook",
        r"retaken",
        r"seized",
        r"regained",
        r"stormed",
        r"besieged",
        r"repell?ed",
        r"pushed back",
        r"(?:drove|driven|thrown|beaten) (?:back|out)",
        r"expelled",
        r"liberated",
        r"took control",
        r"fell to",
        r"killed",
        r"wounded",
        r"opened fire",
        r"advanced",
        r"cleared",
    ),
    PROTESTS: _words(
        r"protest(?:s|ed|ers|ing)?",
        r"demonstrat(?:ion|ions|ors|ed)",
        r"rall(?:y|ies|ied)",
        r"sit-ins?",
        r"(?:took|take|taking) to the streets",
        r"marched",
    ),
    STRATEGIC: _words(
        r"arrest(?:ed|s)?",
        r"detain(?:ed|s)?",
        r"appoint(?:ed|ment)",
        r"withdr(?:ew|awn|awal)",
        r"pulled (?:out|back)",
        r"retreat(?:ed)?",
        r"deploy(?:ed|ment)",
        r"dispatched",
        r"summoned",
        r"ceasefire",
        r"truce",
        r"(?:signed|reached) an? (?:agreement|deal)",
        r"ground to a halt",
        r"halted",
        r"announced",
        r"ordered",
        r"launched",
        r"began",
        r"handed over",
        r"took over",
    ),
}
# Riots need a crowd: "supporters stormed the parliament" is a riot, "troops stormed" a battle.
_CROWD_RE = _words(
    r"supporters", r"protesters", r"demonstrators", r"followers", r"crowds?", r"mobs?", r"rioters"
)
_CROWD_ENTRY_RE = _words(r"stormed", r"broke into", r"forc(?:ed|ing) their way into")
_CIVILIAN_VICTIM_RE = _words(
    r"civilians?", r"people", r"residents", r"villagers", r"women", r"children", r"worshippers",
    r"protesters", r"demonstrators", r"elderly", r"medics", r"refugees", r"families",
)  # fmt: skip
_ARMED_VICTIM_RE = _words(
    r"soldiers?", r"troops", r"fighters", r"militants", r"militiamen", r"policemen", r"officers",
    r"forces", r"jihadists?", r"servicemen", r"marines",
)  # fmt: skip
# Words that make a trigger hypothetical, negated or a plan rather than a happening.
_IRREALIS_RE = _words(
    r"will", r"would", r"could", r"may", r"might", r"should", r"must", r"can", r"cannot",
    r"to", r"not", r"never", r"no", r"didn't", r"don't", r"won't", r"wouldn't", r"can't",
    r"if", r"unless", r"threat(?:en|ens|ened)?", r"plans?", r"poised", r"ready", r"prepar(?:e|ing)",
    r"avoid(?:s|ed|ing)?", r"without", r"prevent(?:s|ed|ing)?", r"any",
)  # fmt: skip
_ASSOCIATE_RE = re.compile(
    r"\b(?:backed|supported|assisted|aided|accompanied|joined|helped) by\s+(?:the\s+)?$"
    r"|\b(?:alongside|together with|along with|with the help of|and|as well as)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_SOURCE_RE = re.compile(
    r"\b(?:according to|said|told|reported|quoted|cited|sources?(?: in| near)?)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_PASSIVE_RE = re.compile(r"\b(?:was|were|been|being|is|are|got)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)

# --- numbers --------------------------------------------------------------------------
# fmt: off
_UNIT_WORDS = [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen",
]
_TEN_WORDS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
# fmt: on
_UNITS = {w: i for i, w in enumerate(_UNIT_WORDS)}
_TENS = {w: 10 * (i + 2) for i, w in enumerate(_TEN_WORDS)}
_NUMBER_WORD = (
    r"(?:(?:" + "|".join(_TENS) + r")(?:[- ](?:" + "|".join(list(_UNITS)[1:10]) + r"))?"
    r"|" + "|".join(sorted(_UNITS, key=len, reverse=True)) + r"|a dozen|a hundred|dozen)"
)
NUMBER = r"(?:\d{1,3}(?:,\d{3})+|\d+|" + _NUMBER_WORD + r")(?:\s+(?:hundred|thousand))?"
_APPROX = r"(?:(?:at least|more than|over|some|about|around|nearly|almost|up to|an estimated)\s+)?"
_VICTIMS = (
    r"(?:people|persons|civilians|soldiers|troops|fighters|militants|members|men|women|children|"
    r"policemen|police officers|officers|personnel|servicemen|militiamen|jihadists|insurgents|"
    r"recruits|worshippers|guards|pilgrims|residents|villagers|Americans|Iraqis|Syrians|"
    r"Kurds|Iranians|forces)"
)
_MODS = r"(?:[\w'’.-]+\s+){0,4}?"
_KILL_VERB = r"(?:killed|killing|kills|shot dead|executed|executing|massacred|slaughtered)"
_DEATH_PASSIVE = (
    r"(?:were|was|have been|had been|are|been)?\s*(?:also\s+)?"
    r"(?:killed|dead|died|executed|shot dead|slain|left dead)"
)
FATALITY_RES = [
    # "killed 12 Iraqi soldiers", "shot dead at least 232 people", "left 20 soldiers dead"
    re.compile(rf"\b{_KILL_VERB}\s+{_APPROX}(?P<n>{NUMBER})\s+{_MODS}{_VICTIMS}\b", re.IGNORECASE),
    re.compile(rf"\bleft\s+{_APPROX}(?P<n>{NUMBER})\s+{_MODS}\w*\s*dead\b", re.IGNORECASE),
    # "At least 28 people were killed", "15 civilians and 35 … forces were also killed"
    re.compile(
        rf"(?P<list>{_APPROX}{NUMBER}\s+{_MODS}{_VICTIMS}"
        rf"(?:\s*(?:,|and|,\s*and)\s+{_APPROX}{NUMBER}\s+{_MODS}{_VICTIMS})*)"
        rf"\s+{_DEATH_PASSIVE}\b",
        re.IGNORECASE,
    ),
    # "603 dead Americans", "the death toll rose to 40"
    re.compile(rf"\b(?P<n>{NUMBER})\s+dead\s+{_VICTIMS}\b", re.IGNORECASE),
    re.compile(rf"\bdeath toll\s+(?:\w+\s+){{0,3}}?(?P<n>{NUMBER})\b", re.IGNORECASE),
]
_NUMBER_RE = re.compile(NUMBER, re.IGNORECASE)


def parse_number(words: str) -> int | None:
    """'12' → 12, '1,500' → 1500, 'twenty-five' → 25, 'a dozen' → 12, 'two hundred' → 200."""
    s = words.strip().lower().replace(",", "")
    scale = 1
    for mult, factor in (("thousand", 1000), ("hundred", 100)):
        if s.endswith(mult) and s != f"a {mult}":
            s = s[: -len(mult)].strip()
            scale = factor
    if s.isdigit():
        return int(s) * scale
    if s in ("a dozen", "dozen"):
        return 12 * scale
    if s == "a hundred":
        return 100
    if s in _UNITS:
        return _UNITS[s] * scale
    parts = re.split(r"[- ]", s)
    if parts[0] in _TENS:
        total = _TENS[parts[0]] + (_UNITS.get(parts[1], 0) if len(parts) > 1 else 0)
        return total * scale
    return None


def fatalities(text: str) -> int | None:
    """Deaths the sentence states, summed over separate mentions; None when none is stated.

    Numbers after "including" break down a total already counted and are left out; vague
    amounts ("dozens", "many") give no figure.
    """
    spans: list[tuple[int, int, int]] = []
    including = [m.start() for m in re.finditer(r"\bincluding\b", text, re.IGNORECASE)]
    for rx in FATALITY_RES:
        for m in rx.finditer(text):
            if any(s <= m.start() < e or m.start() <= s < m.end() for s, e, _ in spans):
                continue
            # A breakdown of a total already counted ("…, including 190 troops").
            if any(0 < m.start() - i < 60 for i in including):
                continue
            if "list" in rx.groupindex and m.group("list"):
                nums = [parse_number(n.group()) for n in _NUMBER_RE.finditer(m.group("list"))]
                total = sum(n for n in nums if n is not None)
            else:
                total = parse_number(m.group("n")) or 0
            if total:
                spans.append((m.start(), m.end(), total))
    return sum(n for *_, n in spans) if spans else None


# --- typing and roles -----------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Trigger:
    event_type: str
    start: int  # offsets into the sentence
    end: int
    text: str


def _realis(text: str, start: int) -> bool:
    """False when the words just before a trigger make it hypothetical or negated."""
    # Hyphenated modifiers ("head-on clash") count as one word.
    before = re.findall(r"[\w'-]+", text[max(0, start - 40) : start])[-3:]
    return not any(_IRREALIS_RE.fullmatch(w) for w in before)


def find_trigger(text: str, actor_kinds: dict[str, str] | None = None) -> Trigger | None:
    """The trigger that decides the sentence's event type, or None if it reports no event.

    ``actor_kinds`` maps canonical names of the actors in the sentence to their kinds; it lets
    a killing of civilians by an armed group count as violence against civilians.
    """
    found: dict[str, list[re.Match[str]]] = {}
    for etype, rx in TRIGGERS.items():
        hits = [m for m in rx.finditer(text) if _realis(text, m.start())]
        if hits:
            found[etype] = hits
    if not found:
        return None
    # A crowd forcing its way in is a riot even without a riot word.
    if RIOTS not in found and _CROWD_RE.search(text):
        entry = [m for m in _CROWD_ENTRY_RE.finditer(text) if _realis(text, m.start())]
        if entry:
            found[RIOTS] = entry
    # Killing or shooting unarmed people, with no armed victims named, is violence against
    # civilians, not a battle.
    if VAC not in found and BATTLES in found:
        for m in found[BATTLES]:
            if m.group().lower() in ("killed", "attacked", "attack", "attacks", "opened fire"):
                after = text[m.end() : m.end() + 60]
                if _CIVILIAN_VICTIM_RE.search(after) and not _ARMED_VICTIM_RE.search(after):
                    found[VAC] = [m]
                    break
    for etype in TRIGGERS:  # precedence order
        if etype in found:
            m = found[etype][0]
            return Trigger(etype, m.start(), m.end(), m.group())
    return None


@dataclass
class Roles:
    """Actors of one event with their ACLED role, in order of mention."""

    roles: list[tuple[str, str]] = field(default_factory=list)

    def names(self, role: str) -> list[str]:
        return [n for n, r in self.roles if r == role]


_ROLE_RANK = {"actor1": 0, "actor2": 1, "associated": 2, "mentioned": 3}


def assign_roles(text: str, trigger: Trigger, hits: list[GazetteerHit]) -> list[tuple[str, str]]:
    """(canonical name, role) for each actor hit in a sentence, by position to the trigger.

    ``hits`` have offsets into ``text``. The subject (first actor before the trigger that is
    not a source or a helper) is actor1; the first actor after it, actor2; actors "backed by"
    / "alongside" / "and" an actor are associated; sources ("according to X") and the rest are
    mentioned. In the passive ("… were killed by X") the roles turn round. Each actor appears
    once, with its strongest role.
    """
    before = [h for h in hits if h.end <= trigger.start]
    after = [h for h in hits if h.start >= trigger.end]
    source = {id(h) for h in hits if _SOURCE_RE.search(text[max(0, h.start - 30) : h.start])}
    helper = {id(h) for h in hits if _ASSOCIATE_RE.search(text[max(0, h.start - 30) : h.start])}
    roles: dict[str, str] = {}

    def give(hit: GazetteerHit, role: str) -> None:
        old = roles.get(hit.canonical)
        if old is None or _ROLE_RANK[role] < _ROLE_RANK[old]:
            roles[hit.canonical] = role

    eligible = [h for h in before if id(h) not in source and id(h) not in helper]
    # The subject of the trigger's own clause ("Sensing the weakness of X, ISIS launched …")
    # beats an actor in an earlier clause; else the sentence's first actor ("The Iraqi Army,
    # supported by Y, captured …").
    same_clause = [h for h in eligible if not re.search(r"[,;–—]", text[h.end : trigger.start])]
    subject = (same_clause or eligible or [None])[0]
    objects = [h for h in after if id(h) not in source]
    passive = bool(_PASSIVE_RE.search(text[max(0, trigger.start - 30) : trigger.start]))
    agent = None
    if passive:
        by = re.search(r"\bby\b", text[trigger.end : trigger.end + 60], re.IGNORECASE)
        if by:
            at = trigger.end + by.end()
            agent = next((h for h in after if h.start >= at and id(h) not in source), None)
    if agent is not None:
        give(agent, "actor1")
        if subject is not None:
            give(subject, "actor2")
    else:
        if subject is not None:
            give(subject, "actor1")
        obj = next((h for h in objects if id(h) not in helper and h.canonical not in roles), None)
        if obj is not None:
            give(obj, "actor2")
    for h in hits:
        if h.canonical in roles:
            continue
        if id(h) in helper and id(h) not in source:
            give(h, "associated")
        else:
            give(h, "mentioned")
    order = []
    for h in hits:
        if h.canonical not in (n for n, _ in order):
            order.append((h.canonical, roles[h.canonical]))
    return order
