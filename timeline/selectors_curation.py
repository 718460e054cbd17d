"""Reads for curation: which stored events look like the same happening as a candidate.

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
from datetime import date

from django.db.models import Exists, OuterRef, Q

from timeline.extraction.happening import (
    COUNTRY_KIND,
    FINE_PRECISIONS,
    PRINCIPAL_ROLES,
    Report,
    same_happening,
)
from timeline.extraction.types import PlaceInfo
from timeline.models import Event, EventActor, EventStatus, EventType, Excerpt, Place

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


def _window(types: set[str], start: date, end: date) -> Q:
    """Live events of one of ``types``, dated no coarser than a month, that share a day with
    ``[start, end]``.

    The type test reads "none of the other types" (the same thing, as the
    ``event_type_valid`` constraint holds) on purpose: an index led by the status and the type
    can only bound the start date from above, so the database would read every earlier event
    of the type — seconds on a million events — and without ``ANALYZE`` statistics SQLite
    takes such an index whenever the type test can use it."""
    # Rejected events are out (a merged-away duplicate is rejected: never proposed again).
    q = Q(
        status__in=_LIVE,
        date_start__lte=end,
        date_end__gte=start,
        date_precision__in=FINE_PRECISIONS,
    )
    others = [t for t in EventType.values if t not in types]
    return q & ~Q(event_type__in=others) if others else q


def _shares_principal(events: list[Event]) -> Q:
    """The event (the row at hand) has a principal actor that is a principal of one of
    ``events`` too."""
    principals = EventActor.objects.filter(
        event_id__in=[e.pk for e in events], role__in=PRINCIPAL_ROLES
    ).values("actor_id")
    return Q(
        Exists(
            EventActor.objects.filter(
                event_id=OuterRef("pk"), role__in=PRINCIPAL_ROLES, actor_id__in=principals
            )
        )
    )


def _span(events: list[Event]) -> Q:
    """``_window`` over all of ``events``: their types, from the first start to the last end."""
    return _window(
        {e.event_type for e in events},
        min(e.date_start for e in events),
        max(e.date_end for e in events),
    )


def _search(batch: list[Event]) -> Q | None:
    """The events that could report the same happening as one of ``batch``: a necessary
    condition of ``same_happening`` in SQL (its type and date tests, and either a related
    place or a shared principal actor), as an OR of plain terms; ``None`` when no event can
    match (none of ``batch`` is dated finely enough).

    Each term is a conjunction that one index answers, so that the database looks each up
    and joins the results (SQLite's multi-index OR), rather than reading every earlier event
    of a type for each event of the batch:
    - per event with a place below country level, the events at a related place (same
      name, or one's name is the other's province) in its window, by ``place_id`` in the
      index that starts with the place and holds the dates (``event_place_status_dates``);
    - for all those events at once, the events with no place below country level (no place,
      or a country) in the window spanning them, by the same index;
    - for all the events without a place below country level at once, any event in the
      window spanning them, by a status-and-dates index.
    The last two check each row found for a principal actor shared with one of the events
    (EXISTS); ``same_happening`` then decides on the few rows found.
    """
    terms: list[Q] = []
    located: list[Event] = []
    unlocated: list[Event] = []
    for event in filter(_fine, batch):
        place = event.place
        if place is None or place.kind == COUNTRY_KIND:
            unlocated.append(event)
            continue
        located.append(event)
        names = Q(name=place.name) | Q(admin1=place.name)
        if place.admin1:
            names |= Q(name=place.admin1)
        window = _window({event.event_type}, event.date_start, event.date_end)
        terms.append(window & Q(place_id__in=Place.objects.filter(names).values("pk")))
    if located:
        shares = _shares_principal(located)
        countries = Place.objects.filter(kind=COUNTRY_KIND).values("pk")
        terms.append(_span(located) & Q(place__isnull=True) & shares)
        terms.append(_span(located) & Q(place_id__in=countries) & shares)
    if unlocated:
        # Only the actor route is open: a shared principal (the other may name a place).
        terms.append(_span(unlocated) & _shares_principal(unlocated))
    if not terms:
        return None
    where = terms[0]
    for term in terms[1:]:
        where |= term
    return where


def event_possible_duplicates(events: Iterable[Event]) -> dict[int, list[Event]]:
    """{event id: the other events, not rejected, that likely report the same happening}.

    For each of ``events`` (typically a page of the review queue), the events that pass
    ``same_happening`` against it, verified first, then by id; every id given is a key
    (with ``[]`` when there are none). The found events come with their place. Four queries
    whatever the number of events: the events themselves, the events that could match
    them, and the principal actors and excerpts of both.
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
