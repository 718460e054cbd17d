"""From article text to candidate events: the extraction entry points.

    articles = extract_file(path)                       # split + metadata (+ inferred dates)
    candidates = extract_candidates(article)            # events of one article
    passed_over_sentences(article, covered)             # dated sentences no event quotes
    passed_over_to_dict(article, passed)                # ... as ``extract --passed-over`` prints
    articles, candidates = extract_from_text(text)      # both at once
    groups = merge_candidates(candidates)               # one happening → one group
    candidate_to_dict(candidate)                        # the JSON line of ``manage.py extract``

Contracts:
- Pure: no Django, no I/O besides reading the file ``extract_file`` is given.
- Every candidate's ``evidence.quote == article.body[evidence.start:evidence.end]``.
- A candidate is one sentence with an event trigger (or two adjacent sentences of one
  paragraph when they report the same happening), with at least one known actor or place,
  and a date or a place below region level (else it is commentary, not an event).
- Its date comes from the temporal tagger, run once over the whole body so that "the next
  day" follows the narrative: a date in the sentence ("stated in sentence"), else the last
  date earlier in the same paragraph or the one before ("narrative of paragraph"), else None.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from itertools import accumulate
from operator import attrgetter
from pathlib import Path

from timeline.extraction import gazetteer
from timeline.extraction.articles import split_articles
from timeline.extraction.events import (
    FRONTED_AFTER_RE,
    LABELS,
    NUMBER,
    OTHER_HAPPENING_RE,
    Trigger,
    assign_roles,
    backdrop_start,
    fatalities,
    find_trigger,
    is_event_noun,
    tense_of,
)
from timeline.extraction.happening import Report, principals_of, same_happening
from timeline.extraction.happening import same_place as _same_place
from timeline.extraction.layout import plain_spacing
from timeline.extraction.sentences import Sentence, split_sentences
from timeline.extraction.temporal import recent_window, tag, to_date_range
from timeline.extraction.types import (
    ArticleText,
    CandidateEvent,
    DateRange,
    Evidence,
    GazetteerHit,
    PassedOver,
    PlaceInfo,
)
from timeline.extraction.unlisted import COMPASS, find_unlisted_places

# Most specific first: an event "in the Qadam district of southern Damascus" is in Qadam.
_PLACE_RANK = {"site": 0, "district": 1, "town": 2, "city": 3, "other": 4, "region": 5}
_SOURCE_IN_RE = re.compile(
    r"\b(?:officers?|officials?|spokes(?:man|woman|person)|sources?|commanders?|governor"
    r"|police chief|correspondent|reporter|lawmaker|MP)\s+(?:in|from|at|of)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_REPORTED_AFTER_RE = re.compile(r"\b(?:said|says|told|reported|added)\b", re.IGNORECASE)
_ROAD_TO_RE = re.compile(
    r"\b(?:road|highway|motorway|route|supply line|corridor)s?\s+"
    # "a road leading south towards the government-held towns of Nubol and Zahraa"
    rf"(?:(?:leading|running|heading)\s+(?:{COMPASS}\s+)?)?(?:to|towards?|from|linking"
    r"|connecting|between)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}?(?:(?:towns?|cit(?:y|ies)"
    r"|villages?)\s+of\s+)?(?:[\w'’-]+\s+(?:and|with)\s+)?$",
    re.IGNORECASE,
)
_BEARING_RE = re.compile(rf"\b{COMPASS}\s+of\s+(?:the\s+)?$", re.IGNORECASE)
_BESIDE_RE = re.compile(
    r"\b(?:near|outside|close to|on the outskirts of|just (?:outside|beyond))\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_NEAR_RE = re.compile(
    r"\b(?:near|outside|around|close to|outskirts of|surrounding|vicinity of|"
    rf"{COMPASS} of|"
    r"(?:km|kilometers|kilometres|miles) (?:\w+ )?(?:from|of))\s+(?:the\s+)?"
    r"(?:(?:\w+\s+){0,3}of\s+)?$",
    re.IGNORECASE,
)
_LOCATIVE_RE = re.compile(
    r"\b(?:in|at|near|outside|around|into|inside|from|to|toward|towards|across|of|on)\s+"
    r"(?:the\s+)?$",
    re.IGNORECASE,
)
# Prepositions that place a possessive's head at the scene ("in Baghdad's Green Zone",
# "next to Syria's TV station"); "of"/"to" alone do not ("the commander of Iran's force").
_SCENE_RE = re.compile(
    r"\b(?:in|at|near|outside|around|into|inside|across|toward|towards|from|next to|"
    r"close to|through)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# ... and verbs of what is done to a place ("a strike hit Afrin's main hospital", "troops
# stormed Mosul's airport")
_DONE_TO_RE = re.compile(
    r"\b(?:hit|struck|targeted|bombed|shelled|pounded|stormed|attacked|raided|seized"
    r"|captured|recaptured|retook|overran|entered)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_RELATIVE_RE = re.compile(r",\s*(?:who|which|whose)\b[^,;:.]*$", re.IGNORECASE)
_STRUCK_NOUN_RE = re.compile(
    r"(?:(?:air|drone|missile|rocket|helicopter|suicide|car)\s+)?(?:strikes?|raids?|attacks?"
    r"|bombings?|bombs?|blasts?|explosions?)",
    re.IGNORECASE,
)
_RELATIVE_WHERE_RE = re.compile(
    r",\s*which\s+(?:hit|struck|targeted|destroyed|tore through|ripped through|killed)\b",
    re.IGNORECASE,
)
_ROLE_ORDER = {"actor1": 0, "actor2": 1, "associated": 2, "mentioned": 3}
_COARSE = ("country", "region", "other")  # place kinds too coarse to locate an event
_PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3, "unknown": 4}


@dataclass(frozen=True, slots=True)
class _Dated:
    start: int
    end: int
    range: DateRange
    backdrop: bool = False  # in a clause recalling an earlier happening
    window: bool = False  # a stretch up to the report ("in recent weeks"), not a point in time
    since: bool = False  # the start of a span ("since 1984"), no point the narrative is at


# --- entry points ---------------------------------------------------------------------
def extract_file(
    path_or_text: str | Path,
    *,
    filename: str = "",
    published: date | None = None,
) -> list[ArticleText]:
    """The articles of one source file (a ``Path``, or the file's text as ``str``).

    ``filename`` names the origin (defaults to the path's name); ``published`` supplies a date
    where the file states none. Raises ``ValueError`` for a malformed header and
    ``UnicodeDecodeError`` for a file that is not UTF-8.
    """
    if isinstance(path_or_text, Path):
        text = path_or_text.read_text(encoding="utf-8")
        filename = filename or path_or_text.name
    else:
        text = path_or_text
    return split_articles(text, origin_file=filename, published=published)


def extract_from_text(
    text: str, *, origin_file: str = "", published: date | None = None
) -> tuple[list[ArticleText], list[CandidateEvent]]:
    """Split ``text`` into articles and extract the candidate events of each."""
    articles = split_articles(text, origin_file=origin_file, published=published)
    candidates = [c for a in articles for c in extract_candidates(a)]
    return articles, candidates


def extract_candidates(article: ArticleText) -> list[CandidateEvent]:
    """Candidate events reported in ``article.body`` (see the module contract).

    A candidate whose place the text does not give (``place is None``) is still proposed: it
    is usually a real happening whose place a curator can supply ("a roadside bomb struck a
    patrol on the edge of the district"), and hiding it would hide the event.
    """
    # read with plain spaces, and a hard-wrapped article as the paragraphs its lines make (see
    # layout); every offset holds for the body as written, and the quotes are cut from it
    body = plain_spacing(article.body)
    candidates = _candidates(article, body)
    if body == article.body:
        return candidates
    return [
        replace(
            c, evidence=replace(c.evidence, quote=article.body[c.evidence.start : c.evidence.end])
        )
        for c in candidates
    ]


@dataclass(frozen=True, slots=True)
class _Reading:
    """What extraction reads off a body once: its sentences, dated expressions, and the known
    actors and places it names (offsets into the body)."""

    sentences: list[Sentence]
    dated: list[_Dated]
    actor_hits: list[GazetteerHit]
    place_hits: list[GazetteerHit]
    para_bounds: dict[int, int]


def _read(article: ArticleText, body: str) -> _Reading:
    sentences = split_sentences(body)
    dated = _timexes(body, article.published)
    tokens = gazetteer.tokenize(body)  # (once for both gazetteers: a sixth of the work)
    actor_hits = gazetteer.find_actors(body, tokens)
    # a name inside a date is the date's: the month "Mehr" of "17 Mehr 1395" (a town of Iran
    # too), the "Quds" of "Quds Day" (Jerusalem's name in Arabic)
    place_hits = [
        h
        for h in gazetteer.find_places(body, tokens)
        if not any(d.start <= h.start and h.end <= d.end for d in dated)
    ]
    # Villages and bases the gazetteer does not list, where the text says what they are
    # ("the village of Tokhar"): placed by name, for a curator to locate. A generated town's
    # name inside a longer one ("the town of Tal Barazi") gives way to it.
    unlisted = find_unlisted_places(
        body, place_hits, actor_hits + [GazetteerHit("", d.start, d.end, "") for d in dated]
    )
    if unlisted:
        starts = [u.start for u in unlisted]  # (sorted by start)
        reach = list(accumulate((u.end for u in unlisted), max))  # the furthest end so far

        def overlapped(h: GazetteerHit) -> bool:
            i = bisect_left(starts, h.end)  # the unlisted ones that start before h ends
            return i > 0 and reach[i - 1] > h.start

        place_hits = sorted(
            [h for h in place_hits if not overlapped(h)] + unlisted, key=attrgetter("start")
        )
    para_bounds = _paragraph_bounds(sentences)
    dated = _mark_backdrop(dated, sentences)
    return _Reading(sentences, dated, actor_hits, place_hits, para_bounds)


def passed_over_sentences(
    article: ArticleText, covered: Iterable[tuple[int, int]]
) -> list[PassedOver]:
    """The sentences of ``article.body`` that no span of ``covered`` touches (the evidence of
    its candidates, or of the events already quoting it) and that still look like a report: a
    date of their own and a known actor or place, not a heading or a question.

    On the answer keys the extractor was never developed on, these are an eighth of the
    sentences and hold four in five of the events it proposed nothing for (README, "What the
    extractor passes over"): a curator reads them, not the whole article, to find its misses.
    """
    body = plain_spacing(article.body)
    reading = _read(article, body)
    spans = list(covered)
    out = []
    for sent in reading.sentences:
        if _is_heading(sent, reading.para_bounds) or sent.text.rstrip().endswith("?"):
            continue
        if any(a < sent.end and sent.start < b for a, b in spans):
            continue
        # a stretch up to the report ("in recent weeks") dates no one happening
        dated = [d for d in _within(reading.dated, sent.start, sent.end) if not d.window]
        a_hits = _within(reading.actor_hits, sent.start, sent.end)
        p_hits = _within(reading.place_hits, sent.start, sent.end)
        if not dated or not (a_hits or p_hits):
            continue
        place, precision = _best_place(body, p_hits, a_hits, dated[0].start)
        start, end = sent.start, sent.end
        out.append(
            PassedOver(
                evidence=Evidence(start, end, article.body[start:end]),
                headline=_headline(sent.text),
                date=dated[0].range,
                place=place,
                place_precision=precision,
                actors=tuple(dict.fromkeys(h.canonical for h in a_hits)),
                places=tuple(dict.fromkeys(h.canonical for h in p_hits)),
            )
        )
    return out


def _candidates(article: ArticleText, body: str) -> list[CandidateEvent]:
    reading = _read(article, body)
    sentences, dated, para_bounds = reading.sentences, reading.dated, reading.para_bounds
    actor_hits, place_hits = reading.actor_hits, reading.place_hits
    dateline, dateline_sentence = _dateline_place(body, place_hits, sentences)
    sections = _sections(sentences, para_bounds)

    raw: list[tuple[Sentence, CandidateEvent]] = []
    triggers: dict[int, str] = {}  # id(candidate) -> its trigger words
    details: set[int] = set()  # id(candidate) of sentences that point back to the one before
    weak: set[int] = set()  # ... of those that are no event unless joined to it
    for sent in sentences:
        if _is_heading(sent, para_bounds) or sent.text.rstrip().endswith("?"):
            continue
        a_hits = _within(actor_hits, sent.start, sent.end)
        # A place in quoted words ("chanted 'Death to America'") is the speaker's, not the scene.
        quoted = _QUOTED_RE.finditer(sent.text)
        inside = [(sent.start + q.start(), sent.start + q.end()) for q in quoted]
        p_hits = [
            h
            for h in _within(place_hits, sent.start, sent.end)
            if not any(a < h.start and h.end < b for a, b in inside)
        ]
        kinds = {h.canonical: gazetteer.actor_kind(h.canonical) for h in a_hits}
        spans = [
            (d.start - sent.start, d.end - sent.start)
            for d in dated
            if d.start >= sent.start and d.end <= sent.end
        ]
        trigger = find_trigger(sent.text, kinds, timex_spans=spans)
        if trigger is None:
            continue
        local = [
            GazetteerHit(h.canonical, h.start - sent.start, h.end - sent.start, h.text)
            for h in a_hits
            if not _named_as_scene(body, h, p_hits)
        ]
        # Places in the attribution ("…, said X, an official in Y") locate the source.
        tail = _attribution_start(sent.text, trigger.end)
        if tail is not None:
            p_hits = [h for h in p_hits if h.start < sent.start + tail]
        roles = _acting_as_event_datasets_code(
            assign_roles(sent.text, trigger, local), trigger, sent.text, local
        )
        place, precision = _best_place(
            body,
            p_hits,
            a_hits,
            sent.start + trigger.start,
            fired=trigger.event_type == "explosions_remote_violence",
        )
        ev_start = sent.start
        if place is None or place.kind in _COARSE:
            # News names the place once and goes on ("Ramadi, the capital of Anbar, fell …
            # The offensive launched Tuesday …"): take it from the sentence just before, in
            # the same paragraph, and quote both sentences so the evidence holds the place.
            prev = _previous(sentences, sent, body)
            if prev is None and place is not None:
                # Only a country or region named: the sentence just before (even across a
                # paragraph break) may name the scene inside it ("… in Qadam, southern
                # Damascus. ¶ ISIS fired a missile next to Syria's TV station"). A finer
                # place that lies inside the coarse one refines it; any other does not.
                prev = _previous(sentences, sent, body, across=True)
            if prev is not None:
                prev_place, prev_precision = _best_place(
                    body,
                    _within(place_hits, prev.start, prev.end),
                    _within(actor_hits, prev.start, prev.end),
                    prev.start,  # the place a sentence leads with is what it is about
                )
                if (
                    prev_place is not None
                    and prev_place.kind not in _COARSE
                    # (a finer place refines the one named only if it lies inside it: not
                    # "Çukurca" for "the Haftanin area of northern Iraq" the next day)
                    and (place is None or _inside(prev_place, place))
                ):
                    place, precision, ev_start = prev_place, prev_precision, prev.start
        if (
            place is not None
            and place.kind in _COARSE
            and dateline is not None
            and sent.start == dateline_sentence
            and _inside(dateline[0], place)
            and not any(_SCENE_NAMED_RE.search(body, max(0, h.start - 12), h.start) for h in p_hits)
        ):
            # "BASRA, Iraq (AFP) - Thousands of soldiers launched the offensive … to wrest
            # control of Iraq's second city": the lead sentence, when it names no place finer
            # than the dateline's country, reports what happened where the story was filed.
            place, precision = dateline
        tense = tense_of(sent.text, trigger.start, trigger.end)
        when, basis = _date_for(
            sent, dated, sentences, sent.start + trigger.start, tense, sections, article.published
        )
        if basis != "stated in sentence":
            # "Hours after the Suruc blast, a car bomber struck a checkpoint", "three days after
            # the fall of Mosul": a day counted from a happening told earlier, whatever date
            # the paragraphs since have moved to
            same_day = _day_of_the_happening_before(sent.text, raw)
            if same_day is not None:
                when, basis = same_day, "counted from the happening it follows"
        # "23 fighters were killed in the strikes": no place or date of its own, a definite
        # noun phrase pointing back. It can only add to the happening before it (see
        # _join_adjacent); alone it is no event.
        # So does a sentence opening on one ("The strike killed three militants") or one that
        # only counts the dead ("Five soldiers were killed, a police officer said").
        unplaced_undated = (
            # a country in passing ("wearing the uniforms of Iraq's PMF") is no scene of its own
            all(gazetteer.hit_place(h).kind in _COARSE for h in p_hits)
            and basis != "stated in sentence"
        )
        pointer = unplaced_undated and bool(
            _ANAPHOR_RE.search(sent.text)
            or _SUBJECT_ANAPHOR_RE.match(sent.text)
            or _COUNTS_THE_DEAD_RE.match(sent.text)
        )
        # "The YPG said it had repelled the attack": what the sentence reports is a happening
        # already told ("the attack"), with no place or date of its own — a reply, not another
        # event. It adds to that happening when next to it; elsewhere it is no candidate.
        retold = (
            unplaced_undated
            and _DEFINITE_BEFORE_RE.search(sent.text, max(0, trigger.start - 12), trigger.start)
            is not None
            and is_event_noun(trigger.text)
        )
        # An event is a happening somewhere at some time: a trigger with neither a date nor a
        # place finer than a region is commentary ("the offensive was a failure"), not an event.
        # A date inferred from the section or the publication is too weak to stand for the
        # place: without a place below region level, the text itself must date the event.
        placed = place is not None and place.kind not in _COARSE
        text_dated = basis in _TEXT_DATED and when is not None and when.precision != "unknown"
        if text_dated and (place is None or place.kind in _COARSE):
            # "a roadside bomb struck a patrol on the edge of the district early Sunday",
            # "on Nov. 18, the column broke through to the refinery": a definite place noun
            # names the place the story is about, the last one of that kind an event of this
            # article was placed at. Only for a report the text itself dates: a place referred
            # to does not make an undated report an event. Where the sentence names only a
            # country or a region, the noun must stand where the scene does ("killed in
            # attacks around the town, the army's deadliest day in Syria"), and the place it
            # refers to must lie in that country or region.
            referred = _place_referred_to(sent, raw, body, place_hits, scene_only=place is not None)
            if referred is not None and (place is None or _inside(referred[0], place)):
                place, precision = referred
        alone = bool(roles or place is not None) and (placed or text_dated)
        if not alone and not pointer:
            continue
        if place is None and alone and trigger.event_type == "strategic_developments":
            # A government's decision with no place named ("Abadi ordered the militias to
            # prepare", "parliament voted to dismiss the governor") is located at its seat,
            # as event datasets do, with country precision: the text says only which state.
            seat = next((gazetteer.actor_seat(n) for n, r in roles if r == "actor1"), None)
            # (a leader of a movement or a cleric who holds no office acts in his country:
            # "Sadr ordered his militia to freeze its activities")
            home = next((gazetteer.actor_home(n) for n, r in roles if r == "actor1"), None)
            if seat is not None:
                place, precision = gazetteer.place_info(seat), "country"
            elif home is not None:
                place, precision = gazetteer.place_info(home), "country"
        roles = _subject_unnamed(
            roles, trigger, sent, place, actor_hits, _within(actor_hits, sent.start, sent.end)
        )
        # "ISIS attacked Kirkuk, Sinjar and Rutba": one trigger, a list of places — as many
        # happenings as places (ACLED codes one event per location). Fatalities stated once
        # for the whole list cannot be split, so each copy leaves them unset.
        places = _coordinated_places(
            body, p_hits, a_hits, sent.start + trigger.end, subject_at=sent.start
        ) or [(place, precision)]
        for one_place, one_precision in places:
            cand = CandidateEvent(
                article=article,
                evidence=Evidence(ev_start, sent.end, body[ev_start : sent.end]),
                headline=_headline(sent.text, trigger.start),
                event_type=trigger.event_type,
                date=when,
                place=one_place,
                place_precision=one_precision,
                actors=roles,
                fatalities=(
                    _stated_deaths(sent.text, trigger, local) if len(places) == 1 else None
                ),
                date_basis=basis,
            )
            raw.append((sent, cand))
            triggers[id(cand)] = trigger.text.casefold()
            if pointer or retold:
                details.add(id(cand))
            if not alone or retold:
                weak.add(id(cand))
    return _join_adjacent(raw, body, triggers, details, weak)


# Between two places of a list: a comma or "and", then at most a descriptor ("the Kurdish
# town of", "the oil city of"); not a clause ("Tahrir Square and demanded that Ankara").
_LIST_GAP_RE = re.compile(
    # (a bearing from a town the text does not name may stand after a place of the list:
    # "took the K-1 base northwest of the city, the nearby Baba Gurgur oilfield and …")
    rf"^(?:\s+(?:just\s+)?{COMPASS}\s+of\s+the\s+(?:city|town|capital|village))?"
    r"\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)(?!.*\b(?:that|which|who)\b)"
    r"(?:the\s+)?(?:[\w’'-]+\s+){0,2}?"
    r"(?:(?:town|city|village|district|province|region|capital|port|base)s?\s+of\s+)?$",
    re.IGNORECASE,
)


# "the district", "the city's last pockets": the noun and the kinds of place it can refer to.
_PLACE_NOUN_RE = re.compile(
    r"\bthe\s+(?:[\w'’-]+\s+)?(?P<noun>city|town|village|district|neighbou?rhood|zone|compound"
    r"|base|refinery|camp|enclave)s?\b",
    re.IGNORECASE,
)
_NOUN_KINDS = {
    "city": ("city", "town"),  # news calls a town of 50,000 "the city"
    "town": ("town", "city"),
    "village": ("town",),
    "district": ("district", "city"),
    "neighbourhood": ("district",),
    "neighborhood": ("district",),
    "zone": ("district", "site"),
    "compound": ("district", "site"),
    "enclave": ("district", "town", "city"),
    "base": ("site",),
    "refinery": ("site",),
    "camp": ("site",),
}


def _place_referred_to(
    sent: Sentence,
    raw: list[tuple[Sentence, CandidateEvent]],
    body: str,
    place_hits: list[GazetteerHit],
    *,
    scene_only: bool = False,
) -> tuple[PlaceInfo, str] | None:
    """The place a definite place noun of ``sent`` refers back to: the place of the latest
    candidate so far whose place is of a kind the noun names; else, for a site's noun ("the
    camp"), the site last named with it ("the Bashiqa camp"), event or not; None when there is
    none. ``place_hits`` are the article's (offsets into ``body``). With ``scene_only``, only a
    noun after a preposition of place counts ("around the town", not "the town's mayor")."""
    text = sent.text
    m = _PLACE_NOUN_RE.search(text)
    if m is None or (scene_only and not _SCENE_BEFORE_NOUN_RE.search(text, 0, m.start())):
        return None
    noun = m.group("noun").lower()
    kinds = _NOUN_KINDS[noun]
    for earlier_sent, earlier in reversed(raw):
        if earlier.place is None or earlier.place.kind not in kinds:
            continue
        called = _noun_written_for(
            body, _within(place_hits, earlier_sent.start, earlier_sent.end), earlier.place.name
        )
        # "the Turkmen village of Bashir" … "if the town fell": the text itself said what
        # the place is, and a town is not the village it named (the gazetteer files both as
        # towns).
        if called is not None and _NOUN_GROUP.get(called, called) != _NOUN_GROUP.get(noun, noun):
            continue
        # "… outside the Turkish embassy in Baghdad. … deployed to the camp": a site whose
        # name says it is another kind of site is not the one the noun refers to
        named = _SITE_NOUN_RE.findall(earlier.place.name.casefold())
        if named and noun not in named:
            continue
        return earlier.place, earlier.place_precision
    if "site" in kinds:
        for h in reversed(_within(place_hits, 0, sent.start)):
            info = gazetteer.hit_place(h)
            if info.kind == "site" and noun in _SITE_NOUN_RE.findall(info.name.casefold()):
                return info, "exact"
    return None


_SCENE_BEFORE_NOUN_RE = re.compile(
    r"\b(?:in|at|near|around|outside|inside|into|on|across|throughout|within)\s+$",
    re.IGNORECASE,
)


# The nouns a site's own name may carry ("Bashiqa camp", "Turkish embassy (Baghdad)").
_SITE_NOUN_RE = re.compile(
    r"\b(base|camp|refinery|compound|zone|embassy|consulate|square|street|avenue|mosque|shrine"
    r"|mausoleum|palace|hotel|hospital|university|stadium|market|station|airport|dam|prison"
    r"|crossing|gate)\b"
)


# Nouns news uses for one place interchangeably ("the city" for a town of 50,000).
_NOUN_GROUP = {"town": "town", "city": "town", "neighborhood": "neighbourhood"}
_NOUN_BEFORE_NAME_RE = re.compile(
    r"\b(?P<noun>city|town|village|district|neighbou?rhood)\s+of\s+(?:the\s+)?$", re.IGNORECASE
)
_NOUN_AFTER_NAME_RE = re.compile(
    r"^\s+(?P<noun>city|town|village|district|neighbou?rhood)\b", re.IGNORECASE
)


def _noun_written_for(body: str, hits: list[GazetteerHit], place_name: str) -> str | None:
    """The place noun a sentence (its place ``hits``, offsets into ``body``) names the place
    with ("the village of Bashir", "Bashir village"), lower-cased; None when it names it bare."""
    for hit in hits:
        if hit.canonical != place_name:
            continue
        m = _NOUN_BEFORE_NAME_RE.search(body, max(0, hit.start - 30), hit.start)
        m = m or _NOUN_AFTER_NAME_RE.match(body[hit.end : hit.end + 20])
        if m:
            return m.group("noun").lower()
    return None


_BETWEEN_BEFORE_RE = re.compile(r"\bbetween\s+(?:the\s+)?$", re.IGNORECASE)


_VIOLENT = ("battles", "explosions_remote_violence", "violence_against_civilians")
_MILITARY_NOUN = (
    r"(?:troops|forces|soldiers|jets?|warplanes?|aircraft|planes|F-\d+\w*|drones?|helicopters?"
    r"|gunships?|navy|army|military|artillery|tanks|marines|special forces|commandos|bombers"
    r"|units|servicemen|air ?strikes?|airstrikes?|strikes|shelling|air raids?)"
)
# "U.S. F-15E jets", "Turkish troops", "Israeli warplanes": a state named with its arms
_ARMS_AFTER_RE = re.compile(rf"\W{{0,3}}(?:[\w-]+\s+){{0,2}}?{_MILITARY_NOUN}\b", re.IGNORECASE)
# "the US strikes", "U.S. officials": what is a state's, after its initials
_OF_A_STATE_AFTER_RE = re.compile(
    rf"\s+(?:[\w-]+\s+)?(?:{_MILITARY_NOUN}|officials?|embassy|envoy|ambassador|sanctions"
    r"|citizens?|nationals?|contractors?|diplomats?|government|president|administration"
    r"|policy|interests|personnel|bases?|consulate|advisers|advisors)\b"
)


def _acting_as_event_datasets_code(
    roles: list[tuple[str, str]], trigger: Trigger, text: str, hits: list[GazetteerHit]
) -> list[tuple[str, str]]:
    """Roles as ACLED codes them: a state's violence is done by its military ("US F-16s
    dropped bombs", "Israel shot down a warplane": US Armed Forces, Israel Defense Forces),
    as is a deployment its troops make ("Turkey deployed 150 soldiers"); and civilians are
    never the first actor of violence (they suffer it)."""
    violent = trigger.event_type in _VIOLENT
    armed_at = {
        h.canonical
        for h in hits
        if _ARMS_AFTER_RE.match(text, h.end)
        or (violent and gazetteer.actor_kind(h.canonical) == "government")
    }
    out: list[tuple[str, str]] = []
    for name, role in roles:
        if gazetteer.actor_kind(name) == "government" and name in armed_at:
            forces = gazetteer.armed_forces(name)
            if forces is not None:
                name = forces
        if violent and role == "actor1" and gazetteer.actor_kind(name) == "civilians":
            role = "actor2"
        if name not in (n for n, _ in out):
            out.append((name, role))
    return out


_DEMONYM_COUNTRIES = {
    "Israeli": "Israel", "Russian": "Russia", "Syrian": "Syria", "Turkish": "Turkey",
    "Iraqi": "Iraq", "American": "United States", "U.S.": "United States", "US": "United States",
    "British": "United Kingdom", "Lebanese": "Lebanon", "Jordanian": "Jordan",
}  # fmt: skip
_DEMONYM = "|".join(re.escape(d) for d in _DEMONYM_COUNTRIES)
# "Israeli aircraft struck", "Russian and Syrian warplanes pounded", "British special forces"
_FORCES_NAMED_RE = re.compile(
    rf"(?<![\w.])(?P<first>{_DEMONYM})(?:\s+and\s+(?P<second>{_DEMONYM}))?\s+"
    rf"(?:[\w-]+\s+){{0,2}}?{_MILITARY_NOUN}\b"
)
# the subject unnamed: "government forces captured", "troops seized", "the militants overran"
_UNNAMED_FORCES_RE = re.compile(
    r"\b(?:(?:government|regime|security|pro-government|army)\s+(?:forces|troops|units)"
    r"|the\s+army|(?:the\s+)?troops|soldiers)\b",
    re.IGNORECASE,
)
_UNNAMED_MILITANTS_RE = re.compile(
    r"\b(?:the\s+(?:militants|jihadists|extremists|insurgents)|its\s+fighters"
    r"|the\s+group['’]s\s+fighters)\b",
    re.IGNORECASE,
)


def _subject_unnamed(
    roles: list[tuple[str, str]],
    trigger: Trigger,
    sent: Sentence,
    place: PlaceInfo | None,
    actor_hits: list[GazetteerHit],
    sentence_hits: list[GazetteerHit],
) -> list[tuple[str, str]]:
    """The first actor when the sentence names it only by what it is: a state's forces by the
    demonym ("Israeli aircraft struck" → Israel Defense Forces), the army of the country the
    event is in ("government forces captured the town", in Syria → Syrian Arab Army), or the
    armed group the article has named most so far ("the militants overran the prison" → the
    Islamic State). ACLED codes all three so; the text says who, without the name."""
    if any(role == "actor1" for _, role in roles):
        return roles
    head = sent.text[max(0, trigger.start - 60) : trigger.start]
    # (the trigger may hold the subject's noun: "aircraft struck")
    clause = re.split(r"[,;:—–]", head)[-1] + trigger.text
    subject: str | None = None
    named = _FORCES_NAMED_RE.search(clause)
    if named is not None:
        forces = [
            gazetteer.state_forces(_DEMONYM_COUNTRIES[named.group(g)])
            for g in ("first", "second")
            if named.group(g)
        ]
        found = [f for f in forces if f is not None]
        if found:
            others = [(n, r) for n, r in roles if n not in found]
            return [(f, "actor1") for f in found] + others
    unnamed = _UNNAMED_FORCES_RE.search(clause)
    if (
        unnamed is not None
        # ("Kurdish security forces", "rebel troops": not the state's)
        and not re.search(
            r"(?:\b[A-Z][\w-]*|\brebel|\bopposition|\btribal)\s+$", clause[: unnamed.start()]
        )
        and place is not None
        and place.country
    ):
        subject = gazetteer.state_forces(place.country)
    elif _UNNAMED_MILITANTS_RE.search(clause):
        # the armed group the article has named most so far (the last named on a tie): "its
        # fighters" in a story about the Islamic State that mentions al-Qaeda once
        earlier = Counter(
            h.canonical
            for h in actor_hits
            if h.end <= sent.start
            and gazetteer.actor_kind(h.canonical) in ("jihadist_group", "rebel_group")
        )
        if earlier:
            last = {
                h.canonical: h.start
                for h in actor_hits
                if h.canonical in earlier and h.end <= sent.start
            }
            subject = max(earlier, key=lambda n: (earlier[n], last[n]))
    if subject is None or any(h.canonical == subject for h in sentence_hits):
        return roles
    return [(subject, "actor1"), *((n, r) for n, r in roles if n != subject)]


# between the places of a list that opens the sentence: only "," and "and"
_SUBJECT_GAP_RE = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)")


def _coordinated_places(
    body: str,
    p_hits: list[GazetteerHit],
    a_hits: list[GazetteerHit],
    after: int,
    *,
    subject_at: int | None = None,
) -> list[tuple[PlaceInfo, str]]:
    """Two or more places below region level listed together after the trigger, or as the
    subject the sentence opens with ("Nubl and al-Zahra have been besieged"), else []."""
    hits = [
        h
        for h in sorted(p_hits, key=lambda h: h.start)
        if gazetteer.hit_place(h).kind not in _COARSE
    ]
    opening = [h for h in hits if h.start < after]
    subject = (
        subject_at is not None
        and bool(opening)
        and opening[0].start - subject_at <= 4
        and not _is_dateline(body, opening[0])
    )
    # (when the list is the subject, the places after the trigger are its own)
    hits = opening if subject else [h for h in hits if h.start >= after]
    run: list[GazetteerHit] = []
    for h in hits:
        gap = body[run[-1].end : h.start] if run else ""
        # "the village of Bashir, south of Kirkuk": a bearing locates the place before it; the
        # town it names is no second scene.
        listed = _SUBJECT_GAP_RE.fullmatch(gap) if subject else _LIST_GAP_RE.match(gap)
        if run and listed and not _NEAR_RE.search(gap):
            run.append(h)
        elif len(run) >= 2:
            break
        else:
            run = [h]
    if len(run) < 2 or len({h.canonical for h in run}) < 2:
        return []
    if subject and run[0] is not opening[0]:
        return []  # the subject is one place; a list later in it is no subject
    # "a row between Baghdad and Ankara": two sides, or two ends of a road, not two scenes
    if _BETWEEN_BEFORE_RE.search(body, max(0, run[0].start - 12), run[0].start):
        return []
    out = []
    for h in run:
        info, precision = _best_place(body, [h], a_hits, h.start)
        if info is not None:
            out.append((info, precision))
    return out if len(out) >= 2 else []


def merge_candidates(candidates: list[CandidateEvent]) -> list[list[CandidateEvent]]:
    """Group candidates that report one happening; every candidate is in exactly one group.

    Two candidates are the same happening when they have the same event type, both have a
    date no coarser than a month and the ranges overlap, they come from different articles (or
    are the same passage repeated in one), and either they name the same place below country
    level (or one inside the other) or they share a principal actor (actor1/actor2) while at
    most one names a place. Groups are closed under this relation (union-find) and keep input
    order.
    """
    n = len(candidates)
    parent = list(range(n))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    reports = [_report(c) for c in candidates]
    for i in range(n):
        for j in range(i + 1, n):
            if same_happening(reports[i], reports[j]):
                parent[find(j)] = find(i)
    groups: dict[int, list[CandidateEvent]] = {}
    for i, c in enumerate(candidates):
        groups.setdefault(find(i), []).append(c)
    return list(groups.values())


def candidate_to_dict(c: CandidateEvent) -> dict:
    """The JSON-able form of one candidate (the keys of ``manage.py extract``)."""
    place = c.place
    return {
        "date_start": c.date.earliest.isoformat() if c.date else None,
        "date_end": c.date.latest.isoformat() if c.date else None,
        "date_precision": c.date.precision if c.date else "unknown",
        "date_basis": c.date_basis,
        "place": place.name if place else None,
        "country": (place.country or None) if place else None,
        "latitude": place.latitude if place else None,
        "longitude": place.longitude if place else None,
        # Principal actors first (actor1, actor2, associated, mentioned), then order of mention.
        "actors": [name for name, _role in sorted(c.actors, key=lambda a: _ROLE_ORDER[a[1]])],
        "event_type": c.event_type,
        "fatalities": c.fatalities,
        "excerpt": c.evidence.quote,
        "article": {
            "title": c.article.title,
            "publisher": c.article.publisher,
            "published": c.article.published.isoformat() if c.article.published else None,
        },
    }


def passed_over_to_dict(article: ArticleText, p: PassedOver) -> dict:
    """The JSON-able form of one passed-over sentence (``manage.py extract --passed-over``):
    the sentence with its offsets in the article's body, and what was read in it."""
    return {
        "date_start": p.date.earliest.isoformat(),
        "date_end": p.date.latest.isoformat(),
        "date_precision": p.date.precision,
        "date_text": p.date.words,
        "place": p.place.name if p.place else None,
        "country": (p.place.country or None) if p.place else None,
        "place_precision": p.place_precision,
        "places": list(p.places),
        "actors": list(p.actors),
        "sentence": p.evidence.quote,
        "start": p.evidence.start,
        "end": p.evidence.end,
        "article": {
            "title": article.title,
            "publisher": article.publisher,
            "published": article.published.isoformat() if article.published else None,
        },
    }


# --- helpers ----------------------------------------------------------------------------
def _timexes(body: str, published: date | None) -> list[_Dated]:
    """Dated temporal expressions of the whole body (tagged once, for narrative anchoring)."""
    out = []
    for t in tag(body, published, reports=True):
        if t.type == "DURATION" and not t.anchored:
            rng = recent_window(t, published)  # "in recent weeks": up to the publication
            if rng is not None:
                out.append(_Dated(t.start, t.end, rng, window=True))
            continue
        if t.type not in ("DATE", "TIME", "DURATION"):
            continue  # a SET ("every week") dates nothing
        rng = to_date_range(t)  # "four days later": the day it points to
        if rng is not None:
            since = _SINCE_BEFORE_RE.search(body, max(0, t.start - 10), t.start) is not None
            out.append(_Dated(t.start, t.end, rng, since=since))
    return out


# The verb, not the noun: "in retaliation for the killing of X" kills nobody in this event.
_KILLED_PEOPLE_RE = re.compile(
    r"\b(?:killed|assassinated|shot dead|executed|killing(?!\s+of\b))\b", re.IGNORECASE
)


def _stated_deaths(text: str, trigger: Trigger, actors: list[GazetteerHit]) -> int | None:
    """The deaths the sentence states: a number ("killed 12 soldiers"), else the known people
    it says were killed ("killed Qassem Soleimani … and Abu Mahdi al-Muhandis": 2)."""
    other = OTHER_HAPPENING_RE.search(text)
    # The dead of the happening a clause explains it by ("… to protest airstrikes that killed
    # 25") are that happening's.
    own = text[: other.start()] if other is not None and other.start() > trigger.start else text
    stated = fatalities(own)
    if stated is not None:
        return stated
    verb = _KILLED_PEOPLE_RE.search(text, trigger.start)
    if verb is None or (other is not None and other.start() < verb.start()):
        return None  # no killing, or only one in a clause about another happening
    # up to the end of the clause, before any attribution (", Iraqi officials said")
    ends = (text.find(";", verb.end()), _attribution_start(text, verb.end()))
    clause_end = min((i for i in ends if i is not None and i >= 0), default=len(text))
    people = {
        h.canonical
        for h in actors
        if verb.end() <= h.start < clause_end and gazetteer.actor_kind(h.canonical) == "person"
    }
    return len(people) or None


def _within[T: (GazetteerHit, _Dated)](hits: list[T], start: int, end: int) -> list[T]:
    """The hits (or dated expressions) inside [start, end). ``hits`` are in text order, as the
    gazetteer and the tagger give them, so the first is found by bisection: scanning them all
    for each sentence was quadratic in an article's length."""
    out = []
    i = bisect_left(hits, start, key=attrgetter("start"))
    while i < len(hits) and hits[i].start < end:
        if hits[i].end <= end:
            out.append(hits[i])
        i += 1
    return out


def _paragraph_bounds(sentences: list[Sentence]) -> dict[int, int]:
    counts: dict[int, int] = {}
    for s in sentences:
        counts[s.paragraph] = counts.get(s.paragraph, 0) + 1
    return counts


def _is_heading(sent: Sentence, counts: dict[int, int]) -> bool:
    """A sub-heading: a paragraph of one short line with no closing punctuation."""
    return (
        counts.get(sent.paragraph) == 1
        and len(sent.text) <= 120
        and not sent.text.rstrip("”\"’')").endswith((".", "!", "?", "…"))
    )


# "In Iran, protests spread": a country introduced by a preposition of place is the scene.
_SCENE_ONLY_RE = re.compile(r"\b(?:in|inside|across|throughout)\s+(?:the\s+)?$", re.IGNORECASE)


def _named_as_scene(body: str, actor: GazetteerHit, p_hits: list[GazetteerHit]) -> bool:
    """The actor mention is also a place, introduced as where things happen, not who acts."""
    return any(p.start <= actor.start and actor.end <= p.end for p in p_hits) and bool(
        _SCENE_ONLY_RE.search(body, max(0, actor.start - 20), actor.start)
    )


# How far from its trigger a place in the sentence may be (in characters): far beyond a real
# sentence's length, it keeps a run-on "sentence" without stops from being read once per hit.
_PLACE_REACH = 600


def _in_fronted_phrase(body: str, h: GazetteerHit, anchor: int) -> bool:
    """``h`` lies in a sentence-opening "After …," phrase that ends before ``anchor``."""
    # (only the stretch before the place that an opening phrase can span is looked at: a
    # run-on "sentence" is not read again for each of its places)
    reach = max(0, h.start - 160)
    stop = body.rfind(". ", reach, h.start)
    line = body.rfind("\n", reach, h.start)
    if stop == -1 and line == -1 and reach > 0:
        return False
    sentence_start = max(line + 1, stop + 2 if stop != -1 else 0)
    opening = FRONTED_AFTER_RE.match(body, sentence_start)
    if opening is None:
        return False
    comma = body.find(",", h.end)
    return comma != -1 and comma < anchor


_CONTAINER_GAP_RE = re.compile(
    rf",?\s+in\s+(?:the\s+)?(?:(?:{COMPASS}|central)\s+)?", re.IGNORECASE
)
_FIRED_FROM_RE = re.compile(r"\bfrom\s+(?:the\s+)?$", re.IGNORECASE)
# "units advancing from the village of Mayer reached Nubl": where a force set out from
_SET_OUT_FROM_RE = re.compile(
    r"\b(?:advancing|advanced|coming|came|moving|moved|marching|marched|driving|drove|pushing"
    r"|pushed|heading|headed|setting out|set out)\s+from\s+(?:the\s+)?(?:(?:[\w-]+\s+)?"
    r"(?:village|town|city|district|area|base|direction)\s+of\s+)?$",
    re.IGNORECASE,
)


def _best_place(
    body: str,
    p_hits: list[GazetteerHit],
    a_hits: list[GazetteerHit],
    anchor: int,
    *,
    fired: bool = False,
) -> tuple[PlaceInfo | None, str]:
    """The most specific place of the sentence and how precisely the event is located there."""
    usable = _scene_places(body, p_hits, a_hits, anchor, fired=fired)
    if not usable:
        return None, "unknown"
    hit, info = _choose_scene(body, usable, anchor)
    if info.kind == "country":
        precision = "country"
    elif info.kind in ("region", "other"):
        precision = "region"
    elif _NEAR_RE.search(body[max(0, hit.start - 50) : hit.start]):
        precision = "near"
    else:
        precision = "exact"
    return info, precision


def _scene_places(
    body: str,
    p_hits: list[GazetteerHit],
    a_hits: list[GazetteerHit],
    anchor: int,
    *,
    fired: bool = False,
) -> list[tuple[GazetteerHit, PlaceInfo]]:
    """The sentence's places that can be the scene of the event its trigger at ``anchor``
    reports: not an actor, an owner, a road's end, a source's seat, a dateline, …"""
    usable = []
    for h in p_hits:
        if abs(h.start - anchor) > _PLACE_REACH:
            continue  # (a run-on "sentence" of a scraped list: not this trigger's clause)
        info = gazetteer.hit_place(h)
        before = body[max(0, h.start - 40) : h.start]
        # (an actor's name inside a longer place name, "Sadr" of "Sadr City", does not count)
        in_actor = any(a.start <= h.start and h.end <= a.end for a in a_hits)
        # A country or city named as an actor ("Turkey warned", "Baghdad government") is not
        # where the event happened, unless a preposition of place introduces it.
        if in_actor and not _LOCATIVE_RE.search(before):
            continue
        # "the Union of Communities in Kurdistan": a region or town inside a longer actor's
        # name (a country there still says which state: "the Supreme Council for the Islamic
        # Revolution in Iraq")
        if info.kind != "country" and any(
            a.start <= h.start and h.end <= a.end and a.end - a.start > h.end - h.start
            for a in a_hits
        ):
            continue
        # "Iran's proxy", "Fallujah's council chairman": a possessive names an owner, not the
        # scene, unless a preposition of place introduces it ("in Baghdad's Green Zone").
        if body[h.end : h.end + 2] in ("'s", "’s") and not (
            _SCENE_RE.search(before) or _DONE_TO_RE.search(before)
        ):
            continue
        # "cutting the main road to Aleppo": where a road leads is not where the event is.
        if _ROAD_TO_RE.search(body, max(0, h.start - 90), h.start):
            continue
        # "an army officer in Salahuddin … said that 14 soldiers were killed": where the
        # source is, not the scene, when the report follows the source's verb.
        if _SOURCE_IN_RE.search(before) and _REPORTED_AFTER_RE.search(body, h.end, anchor):
            continue
        # "fought against Iraq": the object of "against" is an opponent, not a scene.
        if re.search(r"\bagainst\s+(?:the\s+)?$", before, re.IGNORECASE):
            continue
        # "…, who takes his orders from Tehran": a non-restrictive relative clause after the
        # trigger describes a participant; its places are not where the event happened.
        # (but "The strike, which hit the house in Khraibeh, killed 56": a clause right after
        # an event noun says where the event itself struck)
        window = max(0, h.start - 80)
        rel = _RELATIVE_RE.search(body[window : h.start])
        if (
            rel is not None
            and window + rel.start() > anchor
            and not (
                _STRUCK_NOUN_RE.fullmatch(body[anchor : window + rel.start()])
                and _RELATIVE_WHERE_RE.match(body, window + rel.start())
            )
        ):
            continue
        # "Moscow has deployed warplanes to Syria", "Tehran denied": a capital as the subject
        # of what a government does stands for the government; it is not the scene.
        if not _LOCATIVE_RE.search(before) and _AGENT_VERB_RE.match(body, h.end):
            continue
        # "talks with Baghdad", "a memorandum with Washington": a capital a government deals
        # with is that government.
        if info.kind in ("city", "town") and _DEALS_WITH_RE.search(before):
            continue
        # "Iran-aligned paramilitaries", "US-supplied vehicles", "pro-Ankara forces": a name
        # made an adjective.
        if _ADJECTIVE_SUFFIX_RE.match(body, h.end) or _SIDE_PREFIX_RE.search(before):
            continue
        # "the US strikes", "U.S. officials": a country's initials before what is its
        if (
            info.kind == "country"
            and _OF_A_STATE_AFTER_RE.match(body, h.end)
            and not any(c.islower() for c in h.text)
        ):
            continue
        # "tension between Washington and Tehran": capitals that are the parties of a relation
        # stand for their governments.
        if info.kind in ("city", "town") and _BETWEEN_PARTIES_RE.search(before):
            continue
        # "BEIRUT (Reuters) — Syrian troops captured Qusayr": a dateline says where the story
        # was filed, often another country than the event's; it never places the event.
        if _is_dateline(body, h):
            continue
        # "…, hours after Iranian forces fired rockets at the Golan Heights": a clause that
        # dates the event by another happening names that happening's place, not this one's.
        if h.start > anchor and OTHER_HAPPENING_RE.search(body, anchor, h.start):
            continue
        # "fired six missiles from western Iran at targets in Deir ez-Zor": where a weapon was
        # fired from, or a force set out from, is not where it struck, when the text says that
        if ((fired and _FIRED_FROM_RE.search(before)) or _SET_OUT_FROM_RE.search(before)) and any(
            o.start > h.end for o in p_hits if gazetteer.hit_place(o).kind != "country"
        ):
            continue
        # "After Baghdad complained to the UN, Turkey moved troops out of Bashiqa": a place in
        # a phrase put first, before the trigger's clause, is the earlier happening's
        if h.start < anchor and _in_fronted_phrase(body, h, anchor):
            continue
        usable.append((h, info))
    return usable


def _choose_scene(
    body: str, usable: list[tuple[GazetteerHit, PlaceInfo]], anchor: int
) -> tuple[GazetteerHit, PlaceInfo]:
    """Of the places that can be the scene, the most specific one nearest the trigger."""

    def rank(item: tuple[GazetteerHit, PlaceInfo]) -> tuple[float, int]:
        h, info = item
        # (a city is no less precise a scene than a town: which the gazetteer calls each is
        # its population, so the nearer of two settlements wins)
        kind = _PLACE_RANK.get(
            "town" if info.kind == "city" else info.kind, 6 if info.kind == "country" else 4
        )
        # "the village of Tokhar, north of Manbij", "al-Hamdaniyah outside Mosul", "the
        # Qalamoun mountains north of Zabadani": the town a bearing is taken from is the
        # reference point, not the scene, unless the place it locates is a region or a country
        # (and "the town of Qara in the Qalamoun mountains" is at Qara: what a place is in,
        # named right after it, contains it)
        reference = bool(_BEARING_RE.search(body, max(0, h.start - 30), h.start)) or any(
            o is not h
            and 0 <= h.start - o.end < 40
            and (
                _BESIDE_RE.search(body, max(0, h.start - 30), h.start) is not None
                or _CONTAINER_GAP_RE.fullmatch(body, o.end, h.start) is not None
            )
            for o, _ in usable
        )
        return (kind + 2.5 if reference else kind, abs(h.start - anchor))

    return min(usable, key=rank)


# what states have with each other: "talks with Baghdad", "tension between Washington and
# Tehran" — the capitals stand for their governments
_RELATION_NOUNS = (
    r"(?:talks|negotiations|deal|agreement|memorandum(?: of understanding)?|ties|relations"
    r"|dispute|accord|understanding|contacts?|channel|ceasefire|cease-fire|truce"
    r"|peace(?: process| talks)?|tensions?|rift|row|feud|standoff|rapprochement|rivalry"
    r"|hostility)"
)
_DEALS_WITH_RE = re.compile(rf"\b{_RELATION_NOUNS}\s+(?:\w+\s+){{0,3}}?with\s+$", re.IGNORECASE)
_BETWEEN_PARTIES_RE = re.compile(
    rf"\b{_RELATION_NOUNS}\s+between\s+(?:[\w'’.-]+(?:,\s+|\s+and\s+))?$", re.IGNORECASE
)
_SIDE_PREFIX_RE = re.compile(r"\b(?:pro|anti)[-‐‑]$", re.IGNORECASE)
_ADJECTIVE_SUFFIX_RE = re.compile(
    r"-(?:backed|aligned|allied|affiliated|supplied|made|built|manufactured|designed|trained"
    r"|funded|armed|sponsored|based|led|linked|controlled|held|run|friendly|leaning)\b",
    re.IGNORECASE,
)
_AGENT_VERB_RE = re.compile(
    r"\s+(?:has\s+|have\s+|had\s+|is\s+|was\s+|will\s+|would\s+|also\s+)*"
    r"(?:deployed|deploying|deploy|sent|sending|send|said|says|say|warned|accused|announced"
    r"|called|calls|described|dismissed|welcomed|praised|critici[sz]ed|maintains"
    r"|agreed|denied|rejected|urged|demanded|threatened|supplied|supplies|backed|backs"
    r"|supported|supports|recalled|summoned|condemned|blamed|insisted|vowed|responded"
    r"|retaliated|imposed|signed|approved|ordered|pledged|offered|refused|dispatched"
    r"|informed|notified|told|disputes|disputed|denies|rejects|contests|claims|insists)\b",
    re.IGNORECASE,
)
# "BAGHDAD — …", "MOSUL, Iraq (AP) — …", "Beirut: …" at the head of a paragraph.
_DATELINE_TAIL_RE = re.compile(
    r"(?:,\s*[A-Z][\w.]*(?:\s[A-Z][\w.]*)?)?\s*(?:\((?:AP|AFP|Reuters|[A-Z][\w ]{1,20})\)\s*)?"
    r"(?:—|–|--|-\s|:)"
)


# "struck Iranian sites in Syria": the sentence names its scene, if only a country
_SCENE_NAMED_RE = re.compile(
    r"\b(?:in|across|throughout|inside|into|over)\s+(?:the\s+)?$", re.IGNORECASE
)


def _dateline_place(
    body: str, place_hits: list[GazetteerHit], sentences: list[Sentence]
) -> tuple[tuple[PlaceInfo, str] | None, int]:
    """The town the story was filed from (with its precision) and the start of the sentence
    its dateline heads, when the body opens with one; (None, -1) otherwise."""
    first = next((h for h in place_hits if h.start < 80 and _is_dateline(body, h)), None)
    # (a story filed from two cities, "WASHINGTON/BEIRUT (Reuters) -", says nothing of where)
    if first is None or "/" in body[first.start : first.end + 2] or body[: first.start].strip():
        return None, -1
    info = gazetteer.hit_place(first)
    if info.kind not in ("city", "town"):
        return None, -1
    heads = next((s for s in sentences if s.end > first.start), None)
    return ((info, "exact"), heads.start) if heads is not None else (None, -1)


def _is_dateline(body: str, hit: GazetteerHit) -> bool:
    """``hit`` is the place a story was filed from, written ahead of its first sentence."""
    line_start = hit.start == 0 or body[hit.start - 1] == "\n"
    if not line_start:
        # "WASHINGTON/BEIRUT (Reuters) -": a story filed from two cities
        head = body[body.rfind("\n", 0, hit.start) + 1 : hit.start]
        if not (head.endswith("/") and re.fullmatch(r"[A-Z .'/-]+", head)):
            return False
    return body[hit.start : hit.end].isupper() or bool(_DATELINE_TAIL_RE.match(body, hit.end))


_TEXT_DATED = (
    "stated in sentence",
    "narrative of paragraph",
    "counted from the happening it follows",
)

# "Hours after the bombing, …", "Three days after the fall of Mosul, …", "The day before the
# attack, …": a day counted from a happening the text has told, named by its noun.
_DAYS_FROM_HAPPENING_RE = re.compile(
    r"^\W*(?:(?P<n>a|one|two|three|four|five|six|seven|\d{1,2})\s+days?|(?P<day>the\s+day)"
    r"|(?:just\s+|only\s+|shortly\s+|mere\s+)?(?:hours|minutes|moments))\s+(?P<dir>after|before)"
    r"\s+(?:the|that|this|Monday's|Tuesday's|Wednesday's|Thursday's|Friday's|Saturday's"
    r"|Sunday's)\s+(?P<modifiers>(?:[\w'’-]+\s+){0,3}?)"
    r"(?P<noun>blasts?|bombings?|explosions?|(?:air\s?)?strikes?|attacks?|assault|ambush"
    r"|shooting|killings?|massacre|clashes|offensive|raid|fall|capture|recapture|seizure"
    r"|liberation)\b"
    r"(?:\s+of\s+(?P<of>(?-i:[A-Z])[\w'’-]+(?:\s(?-i:[A-Z])[\w'’-]+)*))?",
    re.IGNORECASE,
)
_COUNTS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
# the types of event each noun can name (any violent one when not listed)
_NOUN_TYPES = {
    "blast": ("explosions_remote_violence",),
    "bombing": ("explosions_remote_violence",),
    "explosion": ("explosions_remote_violence",),
    "strike": ("explosions_remote_violence",),
    "airstrike": ("explosions_remote_violence",),
    "air strike": ("explosions_remote_violence",),
    "clashes": ("battles",),
    "offensive": ("battles", "strategic_developments"),
    "fall": ("battles", "strategic_developments"),
    "capture": ("battles", "strategic_developments"),
    "recapture": ("battles", "strategic_developments"),
    "seizure": ("battles", "strategic_developments"),
    "liberation": ("battles", "strategic_developments"),
}


def _day_of_the_happening_before(
    text: str, raw: list[tuple[Sentence, CandidateEvent]]
) -> DateRange | None:
    """The day a sentence opening "hours after the blast" or "three days after the fall of
    Mosul" counts from a happening told before it: the latest earlier candidate of a type the
    noun names, whose words hold the names the phrase gives ("Suruc", "Mosul"), dated to the
    day by its own sentence."""
    m = _DAYS_FROM_HAPPENING_RE.match(text)
    if m is None:
        return None
    noun = re.sub(r"\s+", " ", m.group("noun").casefold())
    noun = noun[:-1] if noun.endswith("s") and noun != "clashes" else noun
    types = _NOUN_TYPES.get(noun, _VIOLENT)
    if m.group("n"):
        n = m.group("n").casefold()
        days = _COUNTS[n] if n in _COUNTS else int(n)
    else:
        days = 1 if m.group("day") else 0
    if m.group("dir").casefold() == "before":
        days = -days
    # the names that say which happening: "the Suruc attack", "the fall of Mosul"
    names = [w for w in m.group("modifiers").split() if w[0].isupper()]
    if m.group("of"):
        names.append(m.group("of"))
    for _, earlier in reversed(raw):
        if (
            earlier.event_type in types
            and earlier.date is not None
            and earlier.date.precision == "day"
            and earlier.date_basis == "stated in sentence"
            and all(name in earlier.evidence.quote for name in names)
        ):
            day = earlier.date.earliest + timedelta(days=days)
            return DateRange(day, day, "day", m.group(0).strip())
    return None


_ATTRIBUTION_RE = re.compile(
    r",[\"”’']?\s*(?:(?:said|says|told|according to|reported|added|noted)\b"
    r"|[^,]{0,80}\b(?:said|says|told|reported|added)\W*$)",
    re.IGNORECASE,
)


def _attribution_start(text: str, after: int) -> int | None:
    """Where a trailing attribution (", said X, an official in Y") begins, after ``after``."""
    for m in _ATTRIBUTION_RE.finditer(text):
        if m.start() >= after:
            return m.start()
    return None


def _mark_backdrop(dated: list[_Dated], sentences: list[Sentence]) -> list[_Dated]:
    """Flag the dates that sit in a clause recalling an earlier happening."""
    cuts = []
    for s in sentences:
        at = backdrop_start(s.text)
        if at is not None:
            cuts.append((s.start + at, s.end))
    if not cuts:
        return dated
    # (the other flags kept: a window or a span's start stays one in a backdrop clause)
    return [replace(d, backdrop=any(a <= d.start < b for a, b in cuts)) for d in dated]


def _sections(sentences: list[Sentence], counts: dict[int, int]) -> dict[int, int]:
    """{paragraph: section number}; a sub-heading starts a new section."""
    out: dict[int, int] = {}
    section = 0
    for s in sentences:
        if s.paragraph in out:
            continue
        if _is_heading(s, counts):
            section += 1
        out[s.paragraph] = section
    return out


# How far before publication an undated report in the present tense (or one with no date in
# its whole section) may lie: news reports what happened in the days before it appears.
_REPORTING_WINDOW = timedelta(days=6)


_DEADLINE_BEFORE_RE = re.compile(
    r"\b(?:ahead of|in the run-up to|in time for|until|till|before)\s+the\s+$", re.IGNORECASE
)


def _date_for(
    sent: Sentence,
    dated: list[_Dated],
    sentences: list[Sentence],
    anchor: int,
    tense: str = "past",
    sections: dict[int, int] | None = None,
    published: date | None = None,
) -> tuple[DateRange | None, str]:
    """The event's date and how it was found, most direct first:

    1. a date in the sentence (not one in a clause recalling an earlier happening);
    2. the present tense ("troops are attacking", "militias have seized") without a date: the
       time of reporting, i.e. the week up to publication;
    3. the narrative date: the last date before the sentence in its paragraph or the previous;
    4. the narrative date of the section: its last date precise to the day or week;
    5. a past-tense report with no date anywhere before it in its section: the week up to
       publication, as a bound (news reports recent happenings; the basis says so).
    Past-perfect reports (earlier than the narrative) get no publication bound.
    """
    inside = [
        d
        for d in dated
        if d.start >= sent.start
        and d.end <= sent.end
        and not d.backdrop
        # "would halt attacks ahead of the 1 November election": a deadline, not the day
        and not _DEADLINE_BEFORE_RE.search(
            sent.text, max(0, d.start - sent.start - 40), d.start - sent.start
        )
        # "the first since a truce took hold in 2013": the date compared with, not the day
        # (unless the trigger is in that clause: "the deadliest since June, when gunmen
        # attacked the parliament")
        and not _compared_with(sent.text, d.start - sent.start, anchor - sent.start)
    ]
    if inside:
        best = min(
            inside,
            key=lambda d: (_PRECISION_RANK[d.range.precision] > 2, abs(d.start - anchor)),
        )
        since = _since_range(sent, best, inside, anchor, published)
        if since is not None:
            return since, "since the stated date, until the report"
        if best.window:
            # dates the event, but too vaguely to make a placeless sentence an event
            return best.range, "looking back from the report"
        return best.range, "stated in sentence"
    if tense == "present" and published is not None:
        return _publication_week(published), "present tense: the week up to publication"
    # The narrative date: the last date before this sentence in its paragraph or the previous.
    para_start = min(
        (s.start for s in sentences if s.paragraph in (sent.paragraph, sent.paragraph - 1)),
        default=sent.start,
    )
    # A stretch up to the report ("in recent weeks") is no point the narrative moves to.
    # Nor is the start of a span ("has waged an insurgency since 1984").
    earlier = [
        d for d in dated if para_start <= d.start < sent.start and not d.window and not d.since
    ]
    # A date recalled from an earlier happening does not move the narrative on.
    main = [d for d in earlier if not d.backdrop]
    if main:
        return main[-1].range, "narrative of paragraph"
    if sections is not None:
        here = sections.get(sent.paragraph)
        sec_paras = {p for p, n in sections.items() if n == here}
        sec_start = min((s.start for s in sentences if s.paragraph in sec_paras), default=0)
        narrative = [
            d
            for d in dated
            if sec_start <= d.start < sent.start
            and not d.backdrop
            and not d.window
            and d.range.precision in ("day", "week")
        ]
        if narrative:
            return narrative[-1].range, "narrative of section"
    if tense == "past" and published is not None:
        return _publication_week(published), "not stated: the week up to publication (bound)"
    return None, "none"


_SINCE_RE = re.compile(r"\bsince\b(?![^,;:]*[,;:])[^.]*$", re.IGNORECASE)
_SINCE_BEFORE_RE = re.compile(r"\bsince\s+$", re.IGNORECASE)
# "the first since …", "the deadliest attack since …": a record's comparison point
_FIRST_SINCE_RE = re.compile(
    r"\b(?:first|last|deadliest|worst|largest|biggest|heaviest|bloodiest|most\s+\w+)\s+"
    r"(?:[\w'’-]+\s+){0,3}?(?P<since>since)\b(?![^,;:]*[,;:])[^.]*$",
    re.IGNORECASE,
)


def _compared_with(text: str, at: int, trigger: int) -> bool:
    """The date at ``at`` is a record's comparison point ("the first since … 2013") and the
    trigger at ``trigger`` is not inside that comparison."""
    # (a window, not the whole sentence: a run-on text would be read once per date)
    m = _FIRST_SINCE_RE.search(text, max(0, at - 200), at)
    return m is not None and trigger < m.start("since")


def _since_range(
    sent: Sentence, best: _Dated, inside: list[_Dated], anchor: int, published: date | None
) -> DateRange | None:
    """ "Since Oct. 17, militants have abducted thousands": the happening runs from the date
    to the time of the report (another date in the sentence, else publication). Not when the
    trigger itself sits in the since-phrase ("since the withdrawal in 2011": its own date)."""
    m = _SINCE_RE.search(sent.text[: best.start - sent.start])
    if m is None or sent.start + m.start() <= anchor < best.start:
        return None
    later = [d.range.latest for d in inside if d is not best and d.range.latest > best.range.latest]
    until = max(later) if later else published
    if until is None or until <= best.range.earliest:
        return None
    days = (until - best.range.earliest).days
    precision = "week" if days <= 7 else "month" if days <= 31 else "year"
    words = f"{m.group().strip()}{best.range.words}"
    return DateRange(best.range.earliest, until, precision, words)


def _publication_week(published: date) -> DateRange:
    # (a header may say the first week of year 1: the week stops at the calendar's start)
    start = max(published, date.min + _REPORTING_WINDOW) - _REPORTING_WINDOW
    return DateRange(start, published, "week", f"published {published.isoformat()}")


# Sentence openers that frame the news rather than tell it: discourse markers, time and
# place adverbials, attributions ("According to X,", "Officials said that").
_OPENER_RE = re.compile(
    r"^(?:(?:But|And|Meanwhile|However|Yet|So|Also|Indeed|Instead|Still|Thus|Then|Later|"
    r"Earlier|Separately|Elsewhere|Overnight)\b,?\s*"
    r"|(?:Most |More )?[A-Z][a-z]+ly,\s*"
    r"|(?:[Ii]n|[Oo]n|[Aa]t|[Bb]y|[Dd]uring|[Oo]ver|[Ss]ince|Last|This|Early|Late)"
    r"(?:\s+[\w’'.-]+){1,3},\s*"
    r"|(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day(?: night| morning| evening)?"
    r"|[A-Z][a-z]{2,8}\.? \d{1,2}(?:, \d{4})?|The next day|That day),\s*"
    r"|[A-Z][a-z]+ing\b[^,;:]{0,80},\s*"
    r"|According to [^,]{1,80},\s*"
    r"|(?:[\w’'.-]+\s+){1,8}(?:said|says|reported|reports|announced|claimed|told \w+)"
    r"(?: on \w+| \w+day)?(?: that)?[,\s]+)",
)
_HEADLINE_LIMIT = 110


def _headline(text: str, trigger_start: int | None = None, limit: int = _HEADLINE_LIMIT) -> str:
    """A short, neutral headline from the sentence: the clause that holds the trigger, without
    framing openers ("Meanwhile, in Iraq, on Tuesday,") or a trailing attribution
    (", officials said"), cut at a word boundary."""
    start, end = 0, len(text)
    if trigger_start is not None:
        # Semicolons and colons end clauses; dashes usually enclose a parenthesis.
        breaks = [m.end() for m in re.finditer(r"[;:]\s*", text[:trigger_start])]
        if breaks:
            start = breaks[-1]
        tail = _attribution_start(text, trigger_start)
        if tail is not None:
            end = tail
        nxt = re.search(r"\s*[;:]", text[trigger_start:end])
        if nxt:
            end = trigger_start + nxt.start()
    clause = text[start:end]
    # Strip openers while the trigger stays in what is left.
    while True:
        m = _OPENER_RE.match(clause)
        if not m or (trigger_start is not None and start + m.end() > trigger_start):
            break
        clause, start = clause[m.end() :], start + m.end()
    clause = " ".join(clause.split()).strip(" ,;:—–\"“”‘’'")
    clause = clause.rstrip(".")
    if not clause:
        clause = " ".join(text.split())
    if len(clause) > limit:
        clause = clause[:limit].rsplit(" ", 1)[0].rstrip(",;:–-") + "…"
    return clause[:1].upper() + clause[1:]


_PARTITIVE_RE = re.compile(
    r"^[\"“‘']?(?:Of|Among) (?:these|those|them|the dead|the victims|the casualties)\b"
)
# "ISIS claimed responsibility for the attack": a claim names who did the happening just told
# (ACLED codes the claimant as the perpetrator); it is not a new attack.
_CLAIM_RE = re.compile(
    r"\bclaimed (?:responsibility|credit) for (?:the|this|that|both|Monday's|Tuesday's"
    r"|Wednesday's|Thursday's|Friday's|Saturday's|Sunday's|yesterday's|today's)\b"
    r"|\bclaimed (?:the|this|that|both) (?:attacks?|bombings?|blasts?|strikes?|assaults?)\b",
    re.IGNORECASE,
)


# "23 fighters were killed in the strikes": a sentence with no place or date of its own that
# points back to a happening with a definite noun phrase details that happening.
# Nouns that name a violent happening, as a sentence pointing back to one uses them.
_HAPPENING_NOUNS = (
    r"air ?strikes?|strikes?|attacks?|blasts?|bombings?|explosions?|raids?|clashes|fighting"
    r"|assaults?|shelling|ambush"
)
_DEFINITE = r"(?:the|these|those|that|this|both)"
_ANAPHOR_RE = re.compile(
    rf"\b(?:in|inside|during|by|from|after)\s+{_DEFINITE}\s+(?:[\w-]+\s+)?"
    rf"(?:{_HAPPENING_NOUNS}|violence|offensive|unrest|town|city|village|area|district"
    r"|enclave|camp|neighbou?rhood|compound|embassy)\b",
    re.IGNORECASE,
)


_DEFINITE_BEFORE_RE = re.compile(r"\b(?:the|that|this|these|those)\s+(?:[\w-]+\s+)?$", re.I)
# "The strike …", "That attack …": a sentence whose subject is the happening just told.
_SUBJECT_ANAPHOR_RE = re.compile(
    rf"{_DEFINITE}\s+(?:[\w-]+\s+)?"
    rf"(?:{_HAPPENING_NOUNS}|bombardment|barrage|protests?|demonstrations?|riots?"
    # … or the people who took part in it: "The protesters chanted …", "The gunmen fled"
    r"|protesters|demonstrators|rioters|crowds?|mob|attackers|assailants|gunmen|bombers)\b",
    re.IGNORECASE,
)
# "Five soldiers and two militiamen were killed", "At least 12 people died": a count of the
# dead or wounded with no verb of its own but the passive.
_COUNTS_THE_DEAD_RE = re.compile(
    r"(?:(?:At\s+least|More\s+than|Some|About|Around|Nearly|Up\s+to)\s+)?"
    rf"(?:{NUMBER})\s+(?:[\w-]+\s+){{0,4}}?"
    r"(?:were|was|have\s+been|had\s+been)\s+(?:reported\s+)?(?:killed|wounded|injured|dead)\b"
    rf"|(?:(?:At\s+least|More\s+than|Some|About|Around|Nearly|Up\s+to)\s+)?(?:{NUMBER})"
    r"\s+(?:[\w-]+\s+){0,4}?died\b",
    re.IGNORECASE,
)


_QUOTED_RE = re.compile(r"“[^”]*”|\"[^\"]*\"")


def _join_adjacent(
    raw: list[tuple[Sentence, CandidateEvent]],
    body: str,
    triggers: dict[int, str] | None = None,
    details: set[int] | None = None,
    weak: set[int] | None = None,
) -> list[CandidateEvent]:
    """Join a candidate to the one before it when they are adjacent sentences of one paragraph
    with the same type and no disagreement on place or date: one happening, told in two.

    A news lede is often retold, with its source, at the start of the next paragraph ("X was
    summoned to Y, a cleric said. ¶ The cleric said the embassy told X he was summoned to
    Y …"): adjacent sentences across a paragraph break join too when they repeat the same
    trigger words at the same place.
    """
    triggers = triggers or {}
    details = details or set()
    weak = weak or set()
    out: list[CandidateEvent] = []
    prev_sent: Sentence | None = None
    for sent, cand in raw:
        last = out[-1] if out else None
        retold = (
            last is not None
            and prev_sent is not None
            and sent.paragraph == prev_sent.paragraph + 1
            and last.place is not None
            and cand.place is not None
            and triggers.get(id(cand)) is not None
            and triggers.get(id(cand)) == triggers.get(id(last))
        )
        # "Of these casualties, six were …": a partitive opening details the happening just
        # told, whatever its own trigger says.
        detail = (
            last is not None
            and prev_sent is not None
            and sent.paragraph - prev_sent.paragraph in (0, 1)
            and (_PARTITIVE_RE.match(sent.text) is not None or id(cand) in details)
        )
        if detail and not _PARTITIVE_RE.match(sent.text):
            # "… attacking the city centre. The US air force is pounding ISIS targets inside
            # the town": another party doing another kind of thing there is another happening.
            own = {n for n, r in cand.actors if r == "actor1"}
            if (
                own
                and not own & {n for n, _ in last.actors}
                and (cand.event_type != last.event_type)
            ):
                detail = False
        claim = (
            last is not None
            and prev_sent is not None
            and sent.paragraph - prev_sent.paragraph in (0, 1)
            and _CLAIM_RE.search(sent.text) is not None
        )
        # A detail may come after one sentence of comment ("… attacked a checkpoint near
        # Baiji. The attack came as … Five soldiers were killed."), even across the paragraph
        # break ("… broke into the embassy compound. ¶ The protesters chanted … Troops inside
        # the compound fired tear gas").
        near = _next_to(prev_sent, sent, body) if prev_sent is not None else False
        if detail and not near:
            near = _one_sentence_between(prev_sent, sent, body)
        if (detail or claim) and near:
            # (a detail keeps a place only when it is the site inside the last one's town:
            # "… a peace rally in Ankara. The explosions went off outside Ankara's main
            # railway station")
            finer_place = cand.place if _finer(cand.place, last.place) else None
            cand = replace(cand, event_type=last.event_type, place=finer_place, date=None)
        if (
            last is not None
            and prev_sent is not None
            and (sent.paragraph == prev_sent.paragraph or retold or detail or claim)
            and near
            and last.event_type == cand.event_type
            and (cand.place is None or last.place is None or _same_place(last.place, cand.place))
            and (cand.date_basis != "stated in sentence" or last.date == cand.date)
        ):
            start, end = last.evidence.start, sent.end
            actors = list(last.actors)
            has_actor1 = any(role == "actor1" for _, role in actors)
            for name, role in cand.actors:
                if name in (n for n, _ in actors):
                    continue
                if claim and role == "actor1" and not has_actor1:
                    actors.append((name, "actor1"))  # the claimant did it
                else:
                    actors.append((name, "mentioned" if role != "associated" else role))
            f1, f2 = last.fatalities, cand.fatalities
            # The second sentence often names the exact site inside the first's town ("… in
            # the capital. The first explosion was in the X mosque"): keep the finer place.
            finer = cand if _finer(cand.place, last.place) else last
            out[-1] = CandidateEvent(
                article=last.article,
                evidence=Evidence(start, end, body[start:end]),
                headline=last.headline,
                event_type=last.event_type,
                date=last.date or cand.date,
                place=finer.place or last.place or cand.place,
                place_precision=finer.place_precision if finer.place else cand.place_precision,
                actors=actors,
                # The second sentence usually details the first: keep the larger figure.
                fatalities=max(f1, f2) if f1 is not None and f2 is not None else (f1 or f2),
                date_basis=last.date_basis if last.date else cand.date_basis,
            )
            triggers[id(out[-1])] = triggers.get(id(last), "")
        elif id(cand) not in weak:
            out.append(cand)
        else:
            continue  # dropped: what follows is no longer next to the happening kept last
        prev_sent = sent
    return out


def _finer(a: PlaceInfo | None, b: PlaceInfo | None) -> bool:
    """``a`` lies inside ``b`` (a site in its city, a town in its province)."""
    return (
        a is not None
        and b is not None
        and a.name != b.name
        and _same_place(a, b)
        and _PLACE_RANK.get(a.kind, 4) < _PLACE_RANK.get(b.kind, 4)
    )


# A sentence that opens with a personal or demonstrative pronoun continues the one before,
# even across a paragraph break ("… around the city. ¶ They shot dead 232 people …").
_ANAPHORIC_OPENING_RE = re.compile(r"^[\"“‘']?(?:They|It|He|She|These|Those)\b")


def _previous(
    sentences: list[Sentence], sent: Sentence, body: str, *, across: bool = False
) -> Sentence | None:
    """The sentence right before ``sent`` in the same paragraph (or, when ``sent`` opens with
    a pronoun or ``across`` is true, the last sentence of the paragraph before), if any."""
    before = [s for s in sentences if s.end <= sent.start]
    if not before:
        return None
    prev = before[-1]
    if prev.paragraph == sent.paragraph:
        return prev if _next_to(prev, sent, body) else None
    if prev.paragraph == sent.paragraph - 1 and (across or _ANAPHORIC_OPENING_RE.match(sent.text)):
        return prev
    return None


def _inside(fine: PlaceInfo, coarse: PlaceInfo) -> bool:
    """``fine`` lies in the country or region ``coarse`` — or along it: a river or a sea
    ("pounding positions along the Euphrates") runs past the towns just named."""
    # (a named area the text put in a country, "the Haftanin area of northern Iraq", holds no
    # town of another country)
    if coarse.kind == "other":
        return not coarse.country or coarse.country == fine.country
    if coarse.kind == "region" and not coarse.admin1:
        # a part of a country by a compass point ("northern Iraq"): its towns are not listed,
        # any of the country's may be in it
        return coarse.country == fine.country
    return coarse.name in (fine.country, fine.admin1)


def _next_to(a: Sentence, b: Sentence, body: str) -> bool:
    return not body[a.end : b.start].strip()


def _one_sentence_between(a: Sentence, b: Sentence, body: str) -> bool:
    """Whether exactly one sentence lies between ``a`` and ``b`` (and no more than the one
    paragraph break before or after it)."""
    gap = body[a.end : b.start].strip()
    return "\n" not in gap and len(split_sentences(gap)) == 1


def _report(c: CandidateEvent) -> Report:
    """What the same-happening rule (``timeline.extraction.happening``) looks at in ``c``."""
    d = c.date
    return Report(
        event_type=c.event_type,
        earliest=d.earliest if d else None,
        latest=d.latest if d else None,
        precision=d.precision if d else "unknown",
        place=c.place,
        principals=principals_of(c.actors),
        passages=frozenset({(c.article, c.evidence.quote)}),
    )


__all__ = [
    "LABELS",
    "candidate_to_dict",
    "extract_candidates",
    "extract_file",
    "extract_from_text",
    "merge_candidates",
]
