"""Reads for measuring the extractor: how far its raw output is from the verified events.

``extraction_evaluate`` runs the extraction pipeline (pure, no writes) on every article in
the database and compares what it proposes with what curators verified. The unit compared
is an (event, article) pair: a verified event cited by two articles should be found in each.

A candidate *matches* a verified pair when
- it comes from the same article,
- their date ranges overlap (``[start, end]`` intervals share a day), or both are undated,
- their place is the same (canonical name, or one of the verified place's aliases; a name
  with its town in brackets, "Tahrir Square (Baghdad)", also by the name before them; a name
  ending in a word for its kind of place, "Wadi Hmeid valley", "Idlib city", also by the name
  without it), or both have none.
Each candidate matches at most one pair and vice versa (a maximum bipartite matching within
each article), so true positives are counted once on both sides.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from timeline.extraction.types import ArticleText, CandidateEvent
from timeline.models import Article, Event, EventStatus


@dataclass(frozen=True)
class VerifiedItem:
    """One verified event as cited by one article."""

    event_id: int
    article_id: int
    headline: str
    date_start: date | None
    date_end: date | None
    date_precision: str
    event_type: str
    place: str | None
    place_names: frozenset[str]  # casefolded name and aliases
    # casefolded names of the town the place lies in ("Baghdad" of "Tahrir Square (Baghdad)")
    within_names: frozenset[str] = frozenset()
    # the words of this article that report it (its excerpts' quotes)
    quotes: tuple[str, ...] = ()
    # who did it: the actor gazetteer's names of its first actor(s) (none when the gazetteer
    # knows none of them), and the dead the reader counted (None: no number given)
    actor1: frozenset[str] = frozenset()
    fatalities: int | None = None


@dataclass(frozen=True)
class ExtractedItem:
    """One raw candidate from one article."""

    article_id: int
    date_start: date | None
    date_end: date | None
    date_precision: str
    event_type: str
    place: str | None
    excerpt: str
    place_within: str | None = None  # the known town the place lies in, if any
    actor1: frozenset[str] = frozenset()  # the actors it gives the first role
    actors: frozenset[str] = frozenset()  # every actor it names, whatever the role
    fatalities: int | None = None


@dataclass
class Evaluation:
    """Figures of one evaluation run; ``misses``/``false_positives`` list what did not match."""

    articles: int = 0
    extracted: int = 0
    verified: int = 0
    true_positives: int = 0
    verified_events: int = 0
    verified_events_found: int = 0
    date_exact: int = 0
    type_agree: int = 0
    # matches by the same rule without the place condition: how much of the gap is the place
    true_positives_any_place: int = 0
    # ... and with a place inside the other's ("Tahrir Square (Baghdad)" for "Baghdad", or
    # the reverse): how much of the gap is whether a square or its city is the place
    true_positives_nested_place: int = 0
    by_type: dict[str, dict[str, int]] = field(default_factory=dict)
    # of the matches whose verified event names a first actor the gazetteer knows: how many
    # candidates give it the first role, and how many name it at all
    actor1_known: int = 0
    actor1_right: int = 0
    actor1_named: int = 0
    # of the matches whose verified event counts its dead: how many candidates give the same
    # number, and how many give none
    fatalities_given: int = 0
    fatalities_right: int = 0
    fatalities_missing: int = 0
    misses: list[dict[str, Any]] = field(default_factory=list)
    false_positives: list[dict[str, Any]] = field(default_factory=list)
    # matches whose candidate has another type than the verified event: the type a reader
    # would filter by is wrong there, though the event was found
    typed_differently: list[dict[str, Any]] = field(default_factory=list)
    # The curator's aid for what the extractor misses (``passed_over_sentences``): how many
    # sentences it lists, how many of them hold a verified event's words, how many verified
    # events no candidate quotes a word of, and how many of those it lists (of ``sentences``).
    sentences: int = 0
    passed_over_listed: int = 0
    passed_over_holding_event: int = 0
    unquoted_events: int = 0
    unquoted_events_listed: int = 0

    @property
    def precision(self) -> float | None:
        return self.true_positives / self.extracted if self.extracted else None

    @property
    def recall(self) -> float | None:
        return self.true_positives / self.verified if self.verified else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None:
            return None
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self, *, details: bool = False) -> dict[str, Any]:
        out = asdict(self)
        out.update(precision=self.precision, recall=self.recall, f1=self.f1)
        out["date_overlap_only"] = self.true_positives - self.date_exact
        out["type_differs"] = self.true_positives - self.type_agree
        if not details:
            out.pop("misses")
            out.pop("false_positives")
            out.pop("typed_differently")
        return out


def article_text(article: Article) -> ArticleText:
    """A stored article as extraction reads it: its body as stored (not re-split), so offsets
    are the ones its excerpts refer to, and its known publication date."""
    return ArticleText(
        title=article.title,
        body=article.body,
        publisher=article.publisher.name if article.publisher_id else "",
        published=article.published,
        published_basis=article.published_basis,
        origin_file=article.origin_file,
        origin_index=article.origin_index,
    )


def _extract_article(article: Article) -> list[CandidateEvent]:
    """Raw candidates of one stored article: its body and its known publication date."""
    from timeline.extraction.pipeline import extract_candidates

    return extract_candidates(article_text(article))


def _count_passed_over(
    result: Evaluation,
    article: ArticleText,
    candidates: list[CandidateEvent],
    expected: list[VerifiedItem],
) -> None:
    """Add one article's figures of the passed-over sentences: what a curator reading them
    would find of the events no candidate quotes."""
    from timeline.extraction.layout import plain_spacing
    from timeline.extraction.pipeline import passed_over_sentences
    from timeline.extraction.sentences import split_sentences

    result.sentences += len(split_sentences(plain_spacing(article.body)))
    covered = [(c.evidence.start, c.evidence.end) for c in candidates]
    listed = [(p.evidence.start, p.evidence.end) for p in passed_over_sentences(article, covered)]
    quoted = [
        [(i, i + len(q)) for q in v.quotes if (i := article.body.find(q)) >= 0] for v in expected
    ]

    def touches(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
        return any(a < span[1] and span[0] < b for a, b in spans)

    result.passed_over_listed += len(listed)
    result.passed_over_holding_event += sum(
        any(touches(s, spans) for spans in quoted) for s in listed
    )
    for spans in quoted:
        if spans and not any(touches(s, covered) for s in spans):
            result.unquoted_events += 1
            result.unquoted_events_listed += any(touches(s, listed) for s in spans)


def _extracted_item(article_id: int, c: CandidateEvent) -> ExtractedItem:
    return ExtractedItem(
        article_id=article_id,
        date_start=c.date.earliest if c.date else None,
        date_end=c.date.latest if c.date else None,
        date_precision=c.date.precision if c.date else "unknown",
        event_type=c.event_type,
        place=c.place.name if c.place else None,
        excerpt=c.evidence.quote,
        place_within=c.place.within or None if c.place else None,
        actor1=frozenset(n for n, role in c.actors if role == "actor1"),
        actors=frozenset(n for n, _ in c.actors),
        fatalities=c.fatalities,
    )


def _dates_match(extracted: ExtractedItem, verified: VerifiedItem) -> bool:
    """Same article, and overlapping dates or both undated: ``items_match`` without its place
    condition (alone, a diagnostic: how much of the gap the place is)."""
    if extracted.article_id != verified.article_id:
        return False
    e_dated = extracted.date_start is not None and extracted.date_end is not None
    v_dated = verified.date_start is not None and verified.date_end is not None
    if e_dated != v_dated:
        return False
    return not e_dated or (
        extracted.date_start <= verified.date_end and verified.date_start <= extracted.date_end
    )


def items_match(extracted: ExtractedItem, verified: VerifiedItem) -> bool:
    """The matching rule (see the module docstring)."""
    if not _dates_match(extracted, verified):
        return False
    if extracted.place is None or verified.place is None:
        return extracted.place is None and verified.place is None
    name = extracted.place.casefold()
    bare = _without_brackets(name)
    return (
        name in verified.place_names
        or bare in verified.place_names
        or _without_generic_noun(bare) in verified.place_names
    )


def _nested_places_match(extracted: ExtractedItem, verified: VerifiedItem) -> bool:
    """``items_match``, or the same but for one place lying inside the other (a diagnostic)."""
    if items_match(extracted, verified):
        return True
    if not _dates_match(extracted, verified) or extracted.place is None or verified.place is None:
        return False
    within = (extracted.place_within or "").casefold()
    return within in verified.place_names or extracted.place.casefold() in verified.within_names


def _without_brackets(name: str) -> str:
    """ "green zone (baghdad)" → "green zone"."""
    return re.sub(r"\s*\([^)]*\)", "", name).strip()


# A last word that says what kind of place a name is without making it another place: "Wadi
# Hmeid valley" is Wadi Hmeid, "Idlib city" Idlib (not "province" or "district": Hama
# province is not the city of Hama).
_GENERIC_NOUN_RE = re.compile(r"\s+(?:city|valley|mountains?|region|area)$", re.IGNORECASE)


def _without_generic_noun(name: str) -> str:
    """ "wadi hmeid valley" → "wadi hmeid"."""
    return _GENERIC_NOUN_RE.sub("", name)


def _max_matching(
    left: Sequence[ExtractedItem],
    right: Sequence[VerifiedItem],
    match: Callable[[ExtractedItem, VerifiedItem], bool],
) -> dict[int, int]:
    """Maximum bipartite matching (Kuhn's augmenting paths): {left index: right index}."""
    edges = [[j for j, r in enumerate(right) if match(item, r)] for item in left]
    owner: dict[int, int] = {}  # right index -> left index

    def augment(i: int, seen: set[int]) -> bool:
        for j in edges[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(len(left)):
        augment(i, set())
    return {i: j for j, i in owner.items()}


def _pair_preference(e: ExtractedItem, v: VerifiedItem) -> int:
    """How well a matching pair agrees beyond the rule: the same words first (the candidate
    was read from the sentence that reports the event), then the type, then the exact date."""
    same_words = any(q in e.excerpt or (e.excerpt and e.excerpt in q) for q in v.quotes)
    return 4 * same_words + 2 * (e.event_type == v.event_type) + _same_date(e, v)


def _same_date(e: ExtractedItem, v: VerifiedItem) -> bool:
    """The same start, end and precision (not only overlapping ranges)."""
    return (e.date_start, e.date_end, e.date_precision) == (
        v.date_start,
        v.date_end,
        v.date_precision,
    )


def _best_matching(
    left: Sequence[ExtractedItem],
    right: Sequence[VerifiedItem],
    match: Callable[[ExtractedItem, VerifiedItem], bool],
    preference: Callable[[ExtractedItem, VerifiedItem], int],
) -> dict[int, int]:
    """A maximum matching ({left index: right index}) that, among all of that size, agrees
    most by ``preference``: two candidates of one day and town are each paired with the event
    whose words they were read from, not crosswise (which would count a right type as wrong).

    The Hungarian method on the weights ``(n + 1) * top * matches + preference``: any matching
    with one pair more outweighs every preference. Articles hold a few dozen candidates, so
    its cubic time is nothing.
    """
    if not left or not right:
        return {}
    prefs = [[preference(e, v) if match(e, v) else None for v in right] for e in left]
    top = 1 + max((p for row in prefs for p in row if p is not None), default=0)
    big = (min(len(left), len(right)) + 1) * top
    n, m = len(left), len(right)
    size = max(n, m)
    # costs to minimise on a square matrix; no edge (or padding) costs nothing
    cost = [
        [
            -(big + prefs[i][j]) if i < n and j < m and prefs[i][j] is not None else 0
            for j in range(size)
        ]
        for i in range(size)
    ]
    assigned = _hungarian(cost)
    return {i: j for i, j in enumerate(assigned) if i < n and j < m and prefs[i][j] is not None}


def _hungarian(cost: list[list[int]]) -> list[int]:
    """The column assigned to each row of a square cost matrix, at least total cost (the
    Kuhn-Munkres method with potentials)."""
    size = len(cost)
    inf = float("inf")
    u = [0.0] * (size + 1)
    v = [0.0] * (size + 1)
    row_of = [0] * (size + 1)  # column -> row (1-based; 0: none)
    way = [0] * (size + 1)
    for i in range(1, size + 1):
        row_of[0] = i
        j0 = 0
        minv = [inf] * (size + 1)
        used = [False] * (size + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = row_of[j0], inf, 0
            for j in range(1, size + 1):
                if not used[j]:
                    cur = cost[i0 - 1][j - 1] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j], way[j] = cur, j0
                    if minv[j] < delta:
                        delta, j1 = minv[j], j
            for j in range(size + 1):
                if used[j]:
                    u[row_of[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if row_of[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            row_of[j0] = row_of[j1]
            j0 = j1
    assigned = [0] * size
    for j in range(1, size + 1):
        assigned[row_of[j] - 1] = j - 1
    return assigned


def verified_items() -> list[VerifiedItem]:
    """Every (verified event, citing article) pair, in a stable order."""
    items: list[VerifiedItem] = []
    events = (
        Event.objects.filter(status=EventStatus.VERIFIED)
        .select_related("place__within")
        .prefetch_related("excerpts", "event_actors__actor")
        .order_by("pk")
    )
    for event in events:
        names = within = frozenset()
        if event.place is not None:
            names = _place_row_names(event.place)
            if event.place.within is not None:
                within = _place_row_names(event.place.within)
        quotes_by_article: dict[int, list[str]] = {}
        for x in event.excerpts.all():
            quotes_by_article.setdefault(x.article_id, []).append(x.quote)
        for article_id in sorted(quotes_by_article):
            items.append(
                VerifiedItem(
                    event_id=event.pk,
                    article_id=article_id,
                    headline=event.headline,
                    date_start=event.date_start,
                    date_end=event.date_end,
                    date_precision=event.date_precision,
                    event_type=event.event_type,
                    place=event.place.name if event.place else None,
                    place_names=names,
                    within_names=within,
                    quotes=tuple(quotes_by_article[article_id]),
                    actor1=frozenset(
                        ea.actor.name for ea in event.event_actors.all() if ea.role == "actor1"
                    ),
                    fatalities=event.fatalities,
                )
            )
    return items


def _place_row_names(place: Any) -> frozenset[str]:
    """A stored place's casefolded name and aliases."""
    return frozenset(n.casefold() for n in [place.name, *(place.aliases or [])])


def extraction_evaluate(
    *, extract: Callable[[Article], list[CandidateEvent]] | None = None
) -> Evaluation:
    """Run the raw extractor on every stored article and score it against verified events.

    ``extract`` defaults to the pipeline run on the article's body with its known
    publication date; the database is only read.
    """
    extract = extract or _extract_article
    result = Evaluation()
    verified = verified_items()
    result.verified = len(verified)
    result.verified_events = len({v.event_id for v in verified})
    by_article: dict[int, list[VerifiedItem]] = {}
    for v in verified:
        by_article.setdefault(v.article_id, []).append(v)
    for v in verified:
        result.by_type.setdefault(v.event_type, {"verified": 0, "found": 0, "typed_right": 0})
        result.by_type[v.event_type]["verified"] += 1

    found_events: set[int] = set()
    articles = Article.objects.select_related("publisher").order_by("pk")
    for article in articles:
        result.articles += 1
        candidates = extract(article)
        extracted = [_extracted_item(article.pk, c) for c in candidates]
        expected = by_article.get(article.pk, [])
        _score_article(result, article.pk, article.title, extracted, expected, found_events)
        _count_passed_over(result, article_text(article), candidates, expected)
    result.verified_events_found = len(found_events)
    return result


def _score_article(
    result: Evaluation,
    article_id: int,
    title: str,
    extracted: list[ExtractedItem],
    expected: list[VerifiedItem],
    found_events: set[int],
) -> None:
    """Match one article's candidates with its expected events and add up the outcome."""
    result.extracted += len(extracted)
    result.true_positives_any_place += len(_max_matching(extracted, expected, _dates_match))
    result.true_positives_nested_place += len(
        _max_matching(extracted, expected, _nested_places_match)
    )
    pairs = _best_matching(extracted, expected, items_match, _pair_preference)
    result.true_positives += len(pairs)
    for i, j in pairs.items():
        e, v = extracted[i], expected[j]
        found_events.add(v.event_id)
        row = result.by_type[v.event_type]
        row["found"] += 1
        if _same_date(e, v):
            result.date_exact += 1
        if v.actor1:
            result.actor1_known += 1
            result.actor1_right += bool(e.actor1 & v.actor1)
            result.actor1_named += bool(e.actors & v.actor1)
        if v.fatalities is not None:
            result.fatalities_given += 1
            result.fatalities_right += e.fatalities == v.fatalities
            result.fatalities_missing += e.fatalities is None
        if e.event_type == v.event_type:
            result.type_agree += 1
            row["typed_right"] += 1
        else:
            result.typed_differently.append(
                {
                    "event_id": v.event_id,
                    "article_id": article_id,
                    "verified_type": v.event_type,
                    "extracted_type": e.event_type,
                    "headline": v.headline,
                    "excerpt": e.excerpt,
                }
            )
    matched_right = set(pairs.values())
    for j, v in enumerate(expected):
        if j not in matched_right:
            result.misses.append(
                {
                    "event_id": v.event_id,
                    "article_id": article_id,
                    "article": title,
                    "headline": v.headline,
                    "date_start": _iso(v.date_start),
                    "date_end": _iso(v.date_end),
                    "date_precision": v.date_precision,
                    "place": v.place,
                    "event_type": v.event_type,
                }
            )
    for i, e in enumerate(extracted):
        if i not in pairs:
            result.false_positives.append(
                {
                    "article_id": article_id,
                    "article": title,
                    "date_start": _iso(e.date_start),
                    "date_end": _iso(e.date_end),
                    "date_precision": e.date_precision,
                    "place": e.place,
                    "event_type": e.event_type,
                    "excerpt": e.excerpt,
                }
            )


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


# --- an answer key on disk ----------------------------------------------------------------
#
# The verified events in the database are the seed set, which the extractor has been improved
# against. An answer key is a set of articles the extractor was never shown, with the events a
# reader found in them, kept as files: ``DIR/articles/*.txt`` and ``DIR/answers.json``
# (``{"articles": [{"file", "events": [{"quote", "date_start", "date_end", "date_precision",
# "place", "event_type", "actors", "fatalities"}]}]}``). It is scored by the same matching rule,
# without a database.

EVENT_TYPES = frozenset(
    {
        "battles",
        "explosions_remote_violence",
        "violence_against_civilians",
        "protests",
        "riots",
        "strategic_developments",
    }
)


_ANSWER_FIELDS = ("quote", "date_start", "date_end", "date_precision", "place", "event_type")


class AnswerKeyError(ValueError):
    """An answer key that cannot be scored; the message names the file and the problem."""


def _place_names(name: str) -> frozenset[str]:
    """The casefolded names a place of the answer key goes by: its own, and the canonical
    name the extractor's gazetteer gives it (the key may spell "Qusayr" where the gazetteer
    says "Al Qusayr", or "Anbar Province" for "Anbar")."""

    # "Green Zone (Baghdad)": the key may say in brackets where the place is; the place is
    # still the one named before them (which the extractor may name without the gazetteer)
    bare = _without_brackets(name)
    names = {name.casefold(), bare.casefold()}
    for form in {bare, _without_generic_noun(bare)}:
        names.add(form.casefold())
        canonical = _gazetteer_name(form)
        if canonical is not None:
            names.add(canonical.casefold())
    return frozenset(names)


def _actor_names(actors: Any, role: str) -> frozenset[str]:
    """The actor gazetteer's names of a key's actors in ``role`` ("ISIL" and "Islamic State
    group" are both the Islamic State); a name it does not know ("Gunmen") gives none."""
    from timeline.extraction import gazetteer

    names = set()
    for actor in actors if isinstance(actors, list) else []:
        if not isinstance(actor, dict) or actor.get("role") != role:
            continue
        written = str(actor.get("name", ""))
        for hit in gazetteer.find_actors(written):
            if hit.end - hit.start == len(written.strip()):
                names.add(hit.canonical)
    return frozenset(names)


def _bracketed_towns(name: str) -> list[str]:
    """The towns a key's place says in brackets it lies in: "Tahrir Square (Baghdad)" →
    ["Baghdad"]; "Blue Mosque (Sultanahmet, Istanbul)" → ["Sultanahmet", "Istanbul"]."""
    inside = re.search(r"\(([^)]*)\)", name)
    return [part.strip() for part in inside.group(1).split(",")] if inside else []


def _within_names(name: str) -> frozenset[str]:
    """The names of the towns a key's place says it lies in ("Tahrir Square (Baghdad)" →
    those of Baghdad)."""
    return frozenset().union(*(_place_names(town) for town in _bracketed_towns(name)))


def _answer_date(raw: Any, where: str) -> date:
    try:
        return date.fromisoformat(str(raw))
    except ValueError:
        raise AnswerKeyError(f"{where}: {raw!r} is not a YYYY-MM-DD date") from None


def answer_key_load(
    directory: Path, answers_path: Path | None = None
) -> list[tuple[ArticleText, list[VerifiedItem]]]:
    """Each article of the key (read as ingest reads a file) with its answers; raises
    ``AnswerKeyError`` for a missing file, a quote not in its article, a bad date or type.

    ``answers_path`` reads the answers from another file than ``directory/answers.json``: a
    second annotation of the same articles."""
    from timeline.extraction.articles import split_articles

    answers_path = answers_path or directory / "answers.json"
    try:
        key = json.loads(answers_path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise AnswerKeyError(f"{answers_path}: no such file") from None
    except json.JSONDecodeError as exc:
        raise AnswerKeyError(f"{answers_path}: not JSON ({exc})") from None
    loaded: list[tuple[ArticleText, list[VerifiedItem]]] = []
    event_id = 0
    if not isinstance(key, dict) or not isinstance(key.get("articles"), list):
        raise AnswerKeyError(f'{answers_path}: expected {{"articles": [...]}}')
    for article_id, entry in enumerate(key["articles"]):
        if not isinstance(entry, dict) or not isinstance(entry.get("events", []), list):
            raise AnswerKeyError(f"{answers_path}: article {article_id + 1} is not an object")
        if "file" not in entry:
            raise AnswerKeyError(f"{answers_path}: article {article_id + 1} names no file")
        path = directory / "articles" / entry["file"]
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise AnswerKeyError(f"{path}: no such file") from None
        articles = split_articles(text, origin_file=path.name)
        if len(articles) != 1:
            raise AnswerKeyError(f"{path}: holds {len(articles)} articles, expected one")
        article = articles[0]
        items = []
        for n, ev in enumerate(entry.get("events", []), start=1):
            where = f"{entry['file']} event {n}"
            if not isinstance(ev, dict):
                raise AnswerKeyError(f"{where}: not an object")
            missing = [k for k in _ANSWER_FIELDS if k not in ev]
            if missing:
                raise AnswerKeyError(f"{where}: missing {', '.join(missing)}")
            if ev["quote"] not in article.body:
                raise AnswerKeyError(f"{where}: the quote is not in the article's text")
            if ev["event_type"] not in EVENT_TYPES:
                raise AnswerKeyError(f"{where}: unknown event type {ev['event_type']!r}")
            start = _answer_date(ev["date_start"], where)
            end = _answer_date(ev["date_end"], where)
            if end < start:
                raise AnswerKeyError(f"{where}: date_end is before date_start")
            event_id += 1
            items.append(
                VerifiedItem(
                    event_id=event_id,
                    article_id=article_id,
                    headline=ev["quote"],
                    date_start=start,
                    date_end=end,
                    date_precision=ev["date_precision"],
                    event_type=ev["event_type"],
                    place=ev["place"],
                    place_names=_place_names(ev["place"]),
                    within_names=_within_names(ev["place"]),
                    quotes=(ev["quote"],),
                    actor1=_actor_names(ev.get("actors"), "actor1"),
                    fatalities=ev.get("fatalities")
                    if isinstance(ev.get("fatalities"), int)
                    else None,
                )
            )
        loaded.append((article, items))
    return loaded


def answer_key_evaluate(
    directory: Path, *, extract: Callable[[ArticleText], list[CandidateEvent]] | None = None
) -> Evaluation:
    """Score the raw extractor on the articles of an answer key; reads no database."""
    if extract is None:
        from timeline.extraction.pipeline import extract_candidates as extract
    result = Evaluation()
    found_events: set[int] = set()
    for article_id, (article, expected) in enumerate(answer_key_load(directory)):
        _count_expected(result, expected)
        candidates = extract(article)
        extracted = [_extracted_item(article_id, c) for c in candidates]
        _score_article(result, article_id, article.title, extracted, expected, found_events)
        _count_passed_over(result, article, candidates, expected)
    result.verified_events_found = len(found_events)
    return result


def _count_expected(result: Evaluation, expected: list[VerifiedItem]) -> None:
    """Add one article of an answer key, with its expected events, to the totals."""
    result.articles += 1
    result.verified += len(expected)
    result.verified_events += len(expected)
    for v in expected:
        row = result.by_type.setdefault(v.event_type, {"verified": 0, "found": 0, "typed_right": 0})
        row["verified"] += 1


def answer_key_agreement(directory: Path, other: Path) -> Evaluation:
    """Score a second annotation of a key's articles (``other/answers.json``, naming the same
    files) against the key, by the rule the extractor is scored by: how far two annotators
    agree, the ceiling the extractor's figures are to be read against.

    The second key's events stand where the candidates stand: each place is taken by the
    gazetteer's name when the gazetteer knows it (so "Qusayr" meets a key's "Al Qusayr", as a
    candidate would), or as written; its first actors and dead as given."""
    expected_by_file = answer_key_load(directory)
    second = answer_key_load(directory, other / "answers.json")
    by_file = {article.origin_file: items for article, items in second}
    result = Evaluation()
    found_events: set[int] = set()
    for article_id, (article, expected) in enumerate(expected_by_file):
        if article.origin_file not in by_file:
            raise AnswerKeyError(f"{other / 'answers.json'}: no answers for {article.origin_file}")
        _count_expected(result, expected)
        annotated = [_as_candidate(article_id, v) for v in by_file[article.origin_file]]
        _score_article(result, article_id, article.title, annotated, expected, found_events)
    result.verified_events_found = len(found_events)
    return result


def _as_candidate(article_id: int, v: VerifiedItem) -> ExtractedItem:
    """A second annotator's event in the place of a candidate."""
    place = within = None
    if v.place is not None:
        place = _gazetteer_name(_without_brackets(v.place)) or v.place
        town = next(iter(_bracketed_towns(v.place)), None)
        within = (_gazetteer_name(town) or town) if town else None
    return ExtractedItem(
        article_id=article_id,
        date_start=v.date_start,
        date_end=v.date_end,
        date_precision=v.date_precision,
        event_type=v.event_type,
        place=place,
        excerpt=v.quotes[0],
        place_within=within,
        actor1=v.actor1,
        actors=v.actor1,
        fatalities=v.fatalities,
    )


def _gazetteer_name(name: str) -> str | None:
    """The gazetteer's name of a place written as ``name`` (the whole of it), or None."""
    from timeline.extraction import gazetteer

    probe = "in " + name
    for hit in gazetteer.find_places(probe):
        if hit.start == 3 and hit.end == len(probe):
            return hit.canonical
    return None
