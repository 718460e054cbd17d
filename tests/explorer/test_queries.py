"""The explorer issues a fixed number of queries, whatever the size of the data."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from tests.explorer.conftest import make_event
from timeline import selectors
from timeline.models import ActorRole, DatePrecision, EventType

pytestmark = pytest.mark.django_db
HX = {"HTTP_HX_REQUEST": "true", "HTTP_HX_TARGET": "results"}

# Full page: 4 option lists + stats + chart points + map (counts, places) + list page
# (events, actors, sources).
FULL = 11
# An htmx request renders only #results: the filter form's 4 option lists are not read.
PARTIAL = FULL - 4


def grow(world, n: int) -> None:
    """Add ``n`` more events with actors, places and excerpts-free rows."""
    isis, kh = world.actors["isis"], world.actors["kh"]
    for i in range(n):
        make_event(
            headline=f"Extra clash {i}",
            start=date(2015, 1, 1) + timedelta(days=i * 3),
            precision=DatePrecision.DAY if i % 2 else DatePrecision.WEEK,
            end=date(2015, 1, 1) + timedelta(days=i * 3 + (0 if i % 2 else 6)),
            event_type=EventType.BATTLES,
            place=world.places["mosul" if i % 3 else "tikrit"],
            fatalities=i,
            actors=[(isis, ActorRole.ACTOR1), (kh, ActorRole.ACTOR2)],
        )


@pytest.mark.parametrize(
    ("query", "extra"),
    [
        ("", 0),
        ("lane=actor", 1),  # the actor lanes of the drawn events
        ("actor=kataib-hezbollah", 1),  # look up the chosen actor
        ("actor=pmf&members=1", 2),  # ... and the actor tree for its members
        # the chosen place and publisher, and the places within that place
        ("place=baghdad&publisher={pub}", 3),
        ("country=Iraq", 1),
        ("type=battles&q=tikrit&min_fatalities=1&reliability=A&credibility=2", 0),
    ],
)
def test_query_count_is_bounded(client, world, django_assert_num_queries, query, extra):
    query = query.format(pub=world.publishers["reuters"].pk)
    with django_assert_num_queries(FULL + extra):
        assert client.get(f"/?{query}").status_code == 200
    with django_assert_num_queries(PARTIAL + extra):
        assert client.get(f"/?{query}", **HX).status_code == 200
    grow(world, 60)
    with django_assert_num_queries(FULL + extra):
        assert client.get(f"/?{query}").status_code == 200


def test_no_match_reads_less(client, world, django_assert_num_queries):
    # Nothing matched: no chart, map or list reads after the count.
    with django_assert_num_queries(FULL - 6):
        r = client.get("/?min_fatalities=1000")
    assert b"No events match these filters." in r.content


def test_aggregate_mode_query_count(client, world, settings, django_assert_num_queries):
    grow(world, 40)
    settings.TIMELINE_EXPLORER_MAX_POINTS = 5
    with django_assert_num_queries(PARTIAL):
        r = client.get("/", **HX)
    assert b"heatmap" in r.content
    with django_assert_num_queries(PARTIAL):
        client.get("/?lane=actor", **HX)


def test_event_panel_and_pages_query_counts(client, world, django_assert_num_queries):
    ev = world.events["tikrit"]
    # Detail panel: the event, its actors and excerpts (3) — no chart, map, list or options.
    with django_assert_num_queries(3):
        client.get(f"/?event={ev.pk}", HTTP_HX_REQUEST="true", HTTP_HX_TARGET="detail")
    # ... plus the filters' own look-ups, still validated (the chosen actor here).
    with django_assert_num_queries(4):
        client.get(f"/?event={ev.pk}&actor=isis", HTTP_HX_REQUEST="true", HTTP_HX_TARGET="detail")
    with django_assert_num_queries(3):
        client.get(f"/events/{ev.pk}/")
    with django_assert_num_queries(2):
        client.get(f"/articles/{world.articles['reuters'].pk}/")


def test_event_list_is_what_exports_get(world):
    qs = selectors.event_list(params={"type": "battles"})
    assert [e.headline for e in qs] == ["Iraqi army and Kataib Hezbollah enter Tikrit"]
    with pytest.raises(selectors.InvalidFilters) as exc:
        selectors.event_list(params={"start": "yesterday"})
    assert exc.value.messages == ["From: Enter a valid date."]


def test_filters_use_indexes(world):
    """The date and type filters are answered from the (status, …) indexes, not a scan."""
    from django.db import connection

    if connection.vendor != "sqlite":
        pytest.skip("EXPLAIN output checked on SQLite")
    qs = selectors.event_list(params={"start": "2015-01-01", "type": "battles"})
    plan = qs.explain()
    assert "USING INDEX event_status_" in plan, plan
