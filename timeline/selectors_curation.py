"""Reads for curation: which stored events look like the same happening as a candidate, and
which sentences of an article no event quotes though they look like reports.

Ingest merges the candidates that report one happening only among the files of one run
(``timeline.extraction.pipeline.merge_candidates``); an article ingested later leaves a
candidate beside the event that already tells its happening. ``event_possible_duplicates``
finds those pairs for the review queue with the very rule ingest merges by
(``timeline.extraction.happening.same_happening``), applied to the events' stored fields:
type, dates and their precision, place, principal actors and excerpts. The database only
narrows the search to the events that could pass it; the rule decides.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date, timedelta

from django.db.models import Exists, OuterRef, Q
from django.db.models.lookups import GreaterThan

from timeline.extraction.happening import (
    COUNTRY_KIND,
    FINE_PRECISIONS,
    PRINCIPAL_ROLES,
    Report,
    same_happening,
)
from timeline.extraction.types import PassedOver, PlaceInfo
from timeline.models import (
    Article,
    DatePrecision,
    DaysBetween,
    Event,
    EventActor,
    EventStatus,
    EventType,
    Excerpt,
    Place,
)

_LIVE = (EventStatus.CANDIDATE, EventStatus.VERIFIED)
_STATUS_ORDER = {EventStatus.VERIFIED: 0, EventStatus.CANDIDATE: 1}


def _place_info(event: Event) -> PlaceInfo | None:
    p = event.place
    if p is None:
        return None
    return PlaceInfo(name=p.name, country=p.country, admin1=p.admin1, kind=p.kind)


def _fine(event: Event) -> bool:
    """Dated no coarser than a month: the only events ``same_happening`` may pair."""
    return (
        event.date_start is not None
        and event.date_end is not None
        and event.date_precision in FINE_PRECISIONS
    )


# Most events dated no coarser than a month last at most a month: [date_start, date_end] spans
# at most this many days after the first (a month is 30, a week 6, a day 0).
USUAL_SPAN_DAYS = 31
_COARSE = [p for p in DatePrecision.values if p not in FINE_PRECISIONS]


def _live(types: set[str], start: date, *, by_type: bool = False) -> Q:
    """Live events of one of ``types`` that end on or after ``start``.

    Unless ``by_type``, the type test reads "none of the other types" (the same thing, as the
    ``event_type_valid`` constraint holds) on purpose: without ``ANALYZE`` statistics SQLite
    takes an index led by status and type whenever the type test can use it, which for a
    term that an index led by the place answers better reads more. ``by_type`` is for terms
    with no place test: there the index led by status and type (``event_status_type_cover``)
    is the best, reading one type's events in the window."""
    # Rejected events are out (a merged-away duplicate is rejected: never proposed again).
    q = Q(status__in=_LIVE, date_end__gte=start)
    if by_type:
        return q & Q(event_type__in=sorted(types))
    others = [t for t in EventType.values if t not in types]
    return q & ~Q(event_type__in=others) if others else q


def _window(types: set[str], start: date, end: date, *, by_type: bool = False) -> Q:
    """Live events of one of ``types``, dated no coarser than a month and no longer than
    ``USUAL_SPAN_DAYS``, that share a day with ``[start, end]`` (and perhaps a few longer
    ones): a range of the status-and-dates indexes, bounded on both sides.

    Sharing a day with ``[start, end]`` bounds an event's start only from above
    (``date_start <= end``), and read that way an index walks every earlier event. An event
    no longer than ``USUAL_SPAN_DAYS`` also starts on or after ``start - USUAL_SPAN_DAYS``,
    so the window reads a few weeks; the longer ones are ``_longer``'s. The precision test
    reads "neither year nor unknown" (the same, as ``event_precision_valid`` holds) so that
    SQLite does not take the length index (``event_status_precision_span``) for it."""
    return (
        _live(types, start, by_type=by_type)
        & ~Q(date_precision__in=_COARSE)
        & Q(date_start__gte=start - timedelta(days=USUAL_SPAN_DAYS), date_start__lte=end)
    )


def _longer(types: set[str], start: date, end: date) -> Q:
    """Live events of one of ``types``, dated no coarser than a month but longer than
    ``USUAL_SPAN_DAYS`` (a month a curator widened, a hand-typed range), that share a day
    with ``[start, end]``, whatever their start: looked up by length in
    ``event_status_precision_span``, where they are few. With ``_window`` they make up every
    event the rule's type and date tests allow. The start test reads "not after ``end``" so
    that SQLite does not take the status-and-dates index for it, which would read every
    earlier event."""
    return (
        _live(types, start)
        & Q(date_precision__in=FINE_PRECISIONS)
        & Q(GreaterThan(DaysBetween("date_start", "date_end"), USUAL_SPAN_DAYS))
        & ~Q(date_start__gt=end)
    )


def _runs(events: list[Event]) -> list[tuple[list[Event], Q]]:
    """``events`` in runs close in time, each with ``_window`` over it (its types, from its
    first start to its last end): a page of events spread over years reads a few short
    windows, not every event between the first and the last."""
    runs: list[list[Event]] = []
    for event in sorted(events, key=lambda e: e.date_start):
        last = runs[-1] if runs else None
        if last and event.date_start <= max(e.date_end for e in last) + timedelta(
            days=USUAL_SPAN_DAYS
        ):
            last.append(event)
        else:
            runs.append([event])
    return [
        (
            run,
            _window(
                {e.event_type for e in run},
                min(e.date_start for e in run),
                max(e.date_end for e in run),
            ),
        )
        for run in runs
    ]


def _shares_principal(actor_ids: set[int]) -> Q:
    """The event (the row at hand) has one of ``actor_ids`` as a principal actor."""
    return Q(
        Exists(
            EventActor.objects.filter(
                event_id=OuterRef("pk"), role__in=PRINCIPAL_ROLES, actor_id__in=sorted(actor_ids)
            )
        )
    )


def _related_places(located: list[Event]) -> tuple[dict[int, list[int]], list[int]]:
    """For each event of ``located`` (by id), the ids of the places related to its place
    (the same name, or one's name is the other's province); and the ids of the countries.
    One query, read before the search so that its terms hold lists of ids rather than
    subqueries, which the ORM took longer to build than the database to answer."""
    names = {e.place.name for e in located} | {e.place.admin1 for e in located if e.place.admin1}
    rows = list(
        Place.objects.filter(
            Q(name__in=names) | Q(admin1__in={e.place.name for e in located}) | Q(kind=COUNTRY_KIND)
        ).values_list("pk", "name", "admin1", "kind")
    )
    related = {}
    for event in located:
        place = event.place
        related[event.pk] = [
            pk
            for pk, name, admin1, _kind in rows
            if name == place.name or admin1 == place.name or (place.admin1 and name == place.admin1)
        ]
    return related, [pk for pk, _name, _admin1, kind in rows if kind == COUNTRY_KIND]


def _search(batch: list[Event]) -> Q | None:
    """The events that could report the same happening as one of ``batch``: a necessary
    condition of ``same_happening`` in SQL (its type and date tests, and either a related
    place or a shared principal actor), as a union of plain terms; ``None`` when no event can
    match (none of ``batch`` is dated finely enough). It reads the batch's principal actors
    and related places first (two queries), so that the terms hold lists of ids.

    Each term is a conjunction that one index answers, a SELECT of its own (the terms joined
    by UNION ALL), so that the database looks each up, rather than reading every earlier
    event of a type for each event of the batch. Every window below is ``_window``'s, bounded
    on both sides by date:
    - per event with a place below country level, the events at a related place (same
      name, or one's name is the other's province) in its window, by ``place_id`` in the
      index that starts with the place and holds the dates (``event_place_status_dates``);
    - for those events in runs close in time (``_runs``), the events with no place below
      country level (no place, or a country) in the run's window, by the same index;
    - per event without a place below country level, any event of its type in its window, by
      the status-and-type index.
    The last two check each row found for a principal actor shared with one of the run's
    events, or with the event (EXISTS). One more term finds the few events longer than the
    windows allow for (``_longer``), from the batch's first start to its last end.
    ``same_happening`` then decides on the rows found.
    """
    fine = list(filter(_fine, batch))
    if not fine:
        return None
    located: list[Event] = []
    unlocated: list[Event] = []
    for event in fine:
        below_country = event.place is not None and event.place.kind != COUNTRY_KIND
        (located if below_country else unlocated).append(event)
    principals: dict[int, set[int]] = defaultdict(set)
    for event_id, actor_id in EventActor.objects.filter(
        event_id__in=[e.pk for e in fine], role__in=PRINCIPAL_ROLES
    ).values_list("event_id", "actor_id"):
        principals[event_id].add(actor_id)
    related, countries = _related_places(located) if located else ({}, [])
    terms: list[Q] = [
        _window({e.event_type}, e.date_start, e.date_end) & Q(place_id__in=related[e.pk])
        for e in located
    ]
    for run, window in _runs(located):
        actors = set().union(*(principals[e.pk] for e in run))
        if actors:  # (no principal actor: the actor route is closed)
            terms.append(window & Q(place__isnull=True) & _shares_principal(actors))
            if countries:
                terms.append(window & Q(place_id__in=countries) & _shares_principal(actors))
    # Only the actor route is open (a shared principal; the other may name a place): each
    # event's own window and principals, so that the rows found are few.
    terms += [
        _window({e.event_type}, e.date_start, e.date_end, by_type=True)
        & _shares_principal(principals[e.pk])
        for e in unlocated
        if principals[e.pk]
    ]
    # The few longer events, for the whole batch at once and with no test of place or actor:
    # one more term, read by length (they are few, so one term for the batch finds them all
    # with one look-up rather than one per event or run).
    terms.append(
        _longer(
            {e.event_type for e in fine},
            min(e.date_start for e in fine),
            max(e.date_end for e in fine),
        )
    )
    # One SELECT per term, joined by UNION ALL, rather than one OR of the terms: SQLite looks
    # each up in its index either way (its multi-index OR, or each SELECT), but PostgreSQL
    # plans an OR of terms with an EXISTS in them by hashing every event that passes each
    # EXISTS, in the whole table (0.7-1.3 s for a page at a million events), and a SELECT of
    # its own as a semi-join probing only the rows the term's index found (0.06-0.13 s).
    selects = [Event.objects.filter(term).order_by().values("pk") for term in terms]
    return Q(pk__in=selects[0].union(*selects[1:], all=True))


def event_possible_duplicates(events: Iterable[Event]) -> dict[int, list[Event]]:
    """{event id: the other events, not rejected, that likely report the same happening}.

    For each of ``events`` (typically a page of the review queue), the events that pass
    ``same_happening`` against it, verified first, then by id; every id given is a key
    (with ``[]`` when there are none). The found events come with their place. Six queries
    whatever the number of events: the events themselves, their principal actors' ids and
    related places (``_search``), the events that could match them, and the principal
    actors and excerpts of both.
    """
    ids = [e.pk for e in events]
    out: dict[int, list[Event]] = {pk: [] for pk in ids}
    if not ids:
        return out
    batch = list(Event.objects.filter(pk__in=ids).select_related("place"))
    where = _search(batch)
    if where is None:
        return out
    found = {e.pk: e for e in Event.objects.filter(where).select_related("place").order_by()}
    rows = {e.pk: e for e in batch} | found
    principals: dict[int, set[str]] = defaultdict(set)
    for event_id, name in EventActor.objects.filter(
        event_id__in=rows, role__in=PRINCIPAL_ROLES
    ).values_list("event_id", "actor__name"):
        principals[event_id].add(name)
    passages: dict[int, set[tuple[int, str]]] = defaultdict(set)
    for event_id, article_id, quote in Excerpt.objects.filter(event_id__in=rows).values_list(
        "event_id", "article_id", "quote"
    ):
        passages[event_id].add((article_id, quote))
    reports = {
        pk: Report(
            event_type=e.event_type,
            earliest=e.date_start,
            latest=e.date_end,
            precision=e.date_precision,
            place=_place_info(e),
            principals=frozenset(principals[pk]),
            passages=frozenset(passages[pk]),
        )
        for pk, e in rows.items()
    }
    for event in batch:
        mine = reports[event.pk]
        matches = [
            other
            for pk, other in found.items()
            if pk != event.pk and same_happening(mine, reports[pk])
        ]
        matches.sort(key=lambda e: (_STATUS_ORDER.get(e.status, 9), e.pk))
        out[event.pk] = matches
    return out


def count_with_duplicates(event_ids: Sequence[int], *, chunk: int = 200) -> int:
    """How many of ``event_ids`` have at least one possible duplicate (in chunks, so that a
    large ingest run does not build one enormous query)."""
    n = 0
    for i in range(0, len(event_ids), chunk):
        part = [Event(pk=pk) for pk in event_ids[i : i + chunk]]
        n += sum(1 for dups in event_possible_duplicates(part).values() if dups)
    return n


def articles_with_candidates() -> list[tuple[int, str]]:
    """(pk, title) of the articles that report at least one candidate event, by title: the
    review queue's article filter. An EXISTS per article rather than a DISTINCT over the join,
    which walked every excerpt of every candidate (1 s at a million events)."""
    return list(
        Article.objects.filter(
            Exists(
                Excerpt.objects.filter(article=OuterRef("pk"), event__status=EventStatus.CANDIDATE)
            )
        )
        .order_by("title")
        .values_list("pk", "title")
    )


def article_passed_over(article: Article) -> list[PassedOver]:
    """The sentences of a stored article that no event (candidate, verified or rejected)
    quotes a word of, though they are dated and name a known actor or place: what a curator
    reads to find the events the extractor missed (``passed_over_sentences``). A sentence an
    event quotes drops off the list, so it shrinks as the curator proposes or rejects."""
    from timeline.extraction.pipeline import passed_over_sentences
    from timeline.selectors_extraction import article_text

    covered = Excerpt.objects.filter(article=article).values_list("start", "end")
    return passed_over_sentences(article_text(article), list(covered))
