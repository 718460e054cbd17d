"""The duplicate search's bounded date window finds exactly what the unbounded one found.

``selectors_curation._window`` used to read every live event that starts before a candidate
ends (``date_start <= end``): for a candidate with no place, every earlier event. It now reads
a window of ``USUAL_SPAN_DAYS`` before the candidate's start, plus the longer events found by
their length. These tests compare its answers with the old search (the unbounded window,
patched back in) and with the rule applied to every event by brute force, on generated data
full of long, boundary-length, unplaced and rejected events; and check on SQLite that no part
of the query walks the earlier events any more.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest
from django.db import connection
from django.db.models import Exists, OuterRef, Q

from tests.curation.plans import search_plan
from timeline.extraction.happening import COUNTRY_KIND, FINE_PRECISIONS, PRINCIPAL_ROLES
from timeline.models import (
    Actor,
    Article,
    DaysBetween,
    Event,
    EventActor,
    EventType,
    Excerpt,
    Place,
)
from timeline.selectors_curation import (
    _LIVE,
    USUAL_SPAN_DAYS,
    _fine,
    _search,
    event_possible_duplicates,
)
from timeline.services.ingest import content_hash

pytestmark = pytest.mark.django_db

D0 = date(2015, 1, 1)


def old_window(types: set[str], start: date, end: date) -> Q:
    """The search's window before this change: bounded below only through ``date_end``."""
    q = Q(
        status__in=_LIVE,
        date_start__lte=end,
        date_end__gte=start,
        date_precision__in=FINE_PRECISIONS,
    )
    others = [t for t in EventType.values if t not in types]
    return q & ~Q(event_type__in=others) if others else q


def old_span(events: list[Event]) -> Q:
    """One window from the first start to the last end of ``events`` (the old ``_span``)."""
    return old_window(
        {e.event_type for e in events},
        min(e.date_start for e in events),
        max(e.date_end for e in events),
    )


def old_shares_principal(events: list[Event]) -> Q:
    """``selectors_curation._shares_principal`` as it was then (a subquery of the events'
    principal actors)."""
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


def old_search(batch: list[Event]) -> Q | None:
    """``selectors_curation._search`` as it was before the bounded window (kept verbatim but
    for the names), to compare answers with."""
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
        window = old_window({event.event_type}, event.date_start, event.date_end)
        terms.append(window & Q(place_id__in=Place.objects.filter(names).values("pk")))
    if located:
        shares = old_shares_principal(located)
        countries = Place.objects.filter(kind=COUNTRY_KIND).values("pk")
        terms.append(old_span(located) & Q(place__isnull=True) & shares)
        terms.append(old_span(located) & Q(place_id__in=countries) & shares)
    if unlocated:
        terms.append(old_span(unlocated) & old_shares_principal(unlocated))
    if not terms:
        return None
    where = terms[0]
    for term in terms[1:]:
        where |= term
    return where


def as_ids(result: dict[int, list[Event]]) -> dict[int, list[int]]:
    return {k: [e.pk for e in v] for k, v in result.items()}


def brute_force(batch: list[Event]) -> dict[int, list[int]]:
    """The rule against every stored event, no SQL narrowing: what the search must find."""
    from timeline.extraction.happening import Report, same_happening
    from timeline.selectors_curation import _STATUS_ORDER, _place_info

    everything = list(Event.objects.select_related("place"))
    principals: dict[int, set[str]] = {}
    for event_id, name in EventActor.objects.filter(role__in=["actor1", "actor2"]).values_list(
        "event_id", "actor__name"
    ):
        principals.setdefault(event_id, set()).add(name)
    passages: dict[int, set] = {}
    for event_id, article_id, quote in Excerpt.objects.values_list(
        "event_id", "article_id", "quote"
    ):
        passages.setdefault(event_id, set()).add((article_id, quote))

    def report(e: Event) -> Report:
        return Report(
            event_type=e.event_type,
            earliest=e.date_start,
            latest=e.date_end,
            precision=e.date_precision,
            place=_place_info(e),
            principals=frozenset(principals.get(e.pk, ())),
            passages=frozenset(passages.get(e.pk, ())),
        )

    out = {}
    for event in batch:
        mine = report(event)
        found = [
            o
            for o in everything
            if o.pk != event.pk and o.status in _LIVE and same_happening(mine, report(o))
        ]
        found.sort(key=lambda e: (_STATUS_ORDER.get(e.status, 9), e.pk))
        out[event.pk] = [e.pk for e in found]
    return out


@pytest.fixture
def generated(ds):
    """Events over a year and a half: every length from a day to well past the usual span
    (many exactly at its edge), no place, a country, a province or towns, shared principal
    actors or not, every status, fine and coarse precisions."""
    rng = random.Random(1203)
    Event.objects.all().delete()
    iraq = Place.objects.create(name="Iraq", slug="g-iraq", country="Iraq", kind="country")
    anbar = Place.objects.create(name="Anbar", slug="g-anbar", country="Iraq", kind="region")
    towns = [
        Place.objects.create(
            name=f"Town {i}", slug=f"g-town-{i}", country="Iraq", admin1="Anbar", kind="town"
        )
        for i in range(3)
    ]
    places = [None, None, None, iraq, anbar, *towns]
    actors = [ds.isis, ds.kh, ds.pmf] + [
        Actor.objects.create(name=f"Group {i}", slug=f"g-group-{i}") for i in range(2)
    ]
    body = "Generated\n\n" + " ".join(f"Passage {i}." for i in range(40)) + "\n"
    articles = [
        Article.objects.create(
            title=f"G{i}", body=body + str(i), content_hash=content_hash(body + str(i))
        )
        for i in range(4)
    ]
    edge = USUAL_SPAN_DAYS
    lengths = [0] * 6 + [6, 6, 30] + [edge - 1, edge, edge + 1, edge + 2, 45, 90, 200, 400]
    events = []
    for i in range(260):
        start = D0 + timedelta(days=rng.randrange(540))
        length = rng.choice(lengths)
        event = Event.objects.create(
            headline=f"g{i}",
            date_start=start,
            date_end=start + timedelta(days=length),
            date_precision=rng.choice(["day", "week", "month", "month", "year", "unknown"]),
            event_type=rng.choice(["battles", "battles", "riots"]),
            place=rng.choice(places),
            status=rng.choice(["candidate", "candidate", "verified", "rejected"]),
        )
        for actor in rng.sample(actors, rng.choice([0, 1, 1, 2])):
            EventActor.objects.create(
                event=event, actor=actor, role=rng.choice(["actor1", "actor2", "mentioned"])
            )
        if rng.random() < 0.7:
            q = f"Passage {rng.randrange(40)}."
            article = rng.choice(articles)
            s = article.body.index(q)
            Excerpt.objects.create(event=event, article=article, start=s, end=s + len(q), quote=q)
        events.append(event)
    return events


def test_lengths_in_days_on_this_database(ds):
    rows = dict(
        Event.objects.filter(date_start__isnull=False)
        .annotate(days=DaysBetween("date_start", "date_end"))
        .values_list("pk", "days")
    )
    assert rows == {
        e.pk: (e.date_end - e.date_start).days
        for e in Event.objects.filter(date_start__isnull=False)
    }
    assert rows[ds.week.pk] == 6


def test_the_bounded_window_finds_what_the_unbounded_one_found(generated, monkeypatch):
    """Old search (patched back) vs new, on pages of the generated events, one at a time and
    in pages of 20 (pages spread over the year and a half, and pages close in time), and both
    against the rule applied to every event."""
    import timeline.selectors_curation as sc

    rng = random.Random(5)
    by_date = sorted(generated, key=lambda e: (e.date_start, e.pk))
    pages = [generated[i : i + 20] for i in range(0, len(generated), 20)]
    pages += [by_date[i : i + 20] for i in range(0, len(by_date), 20)]
    pages += [[e] for e in rng.sample(generated, 40)]
    new = [as_ids(event_possible_duplicates(p)) for p in pages]
    with monkeypatch.context() as m:
        m.setattr(sc, "_search", old_search)
        old = [as_ids(event_possible_duplicates(p)) for p in pages]
    assert new == old
    assert new[: len(pages) // 3] == [brute_force(p) for p in pages[: len(pages) // 3]]
    # The data exercises what the change is about: pairs whose other event starts more than
    # the usual span before, i.e. found only through the length index, and unplaced pairs.
    starts = {e.pk: e for e in generated}
    far = [
        (k, o)
        for result in new
        for k, v in result.items()
        for o in v
        if (starts[k].date_start - starts[o].date_start).days > USUAL_SPAN_DAYS
    ]
    assert len(far) >= 5
    unplaced = [k for result in new for k, v in result.items() if v and starts[k].place is None]
    assert len(unplaced) >= 5


def test_an_event_longer_than_usual_that_began_long_before_is_found(ds):
    """A finely dated event (a curator's month-long range, widened) that began well before the
    candidate's usual window still overlaps it: the length term finds it. An event of exactly
    the usual length starting exactly the usual span before is found by the window itself,
    and one a day too early is not (it ends before the candidate)."""
    day = date(2016, 5, 10)

    def ev(start, end, precision="month", actors=((ds.kh, "actor1"),)):
        e = Event.objects.create(
            headline="e", date_start=start, date_end=end, date_precision=precision,
            event_type="battles", status="verified",
        )  # fmt: skip
        for actor, role in actors:
            EventActor.objects.create(event=e, actor=actor, role=role)
        return e

    long_ago = ev(day - timedelta(days=120), day + timedelta(days=3))
    edge = ev(day - timedelta(days=USUAL_SPAN_DAYS), day)
    too_early = ev(day - timedelta(days=USUAL_SPAN_DAYS + 1), day - timedelta(days=1))
    coarse = ev(day - timedelta(days=120), day, precision="year")
    candidate = ev(day, day, precision="day")
    candidate.status = "candidate"
    candidate.save()
    found = as_ids(event_possible_duplicates([candidate]))[candidate.pk]
    assert long_ago.pk in found and edge.pk in found
    assert too_early.pk not in found and coarse.pk not in found


def test_no_part_of_the_search_walks_every_earlier_event(ds):
    """SQLite's plan for a page of unplaced candidates over several years: each search of the
    event table is bounded on both sides by date (``date_start>? AND date_start<?``) or goes
    through the length index; none reads from the first event up (``date_start<?`` alone)."""
    if connection.vendor != "sqlite":
        pytest.skip("the plan is read from SQLite")
    batch = []
    for year in (2008, 2012, 2018):
        e = Event.objects.create(
            headline="unplaced", date_start=date(year, 3, 1), date_end=date(year, 3, 1),
            date_precision="day", event_type="battles", status="candidate",
        )  # fmt: skip
        EventActor.objects.create(event=e, actor=ds.isis, role="actor1")
        batch.append(e)
    batch = list(Event.objects.select_related("place").filter(pk__in=[e.pk for e in batch]))
    plan, searches = search_plan(_search(batch))
    # Three years apart: a window each, and the one term for the longer events; the events
    # found are then read by id, never by a scan of the table.
    assert len(searches) == 4, plan
    assert not any(p.startswith("SCAN timeline_event") for p in plan), plan
    for p in searches:
        assert (
            "date_start>? AND date_start<?" in p or "USING INDEX event_status_precision_span" in p
        ), plan
    assert sum("event_status_precision_span" in p for p in searches) == 1, plan
