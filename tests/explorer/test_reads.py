"""Reads reshaped for speed at a million events give the same answers as the plain reading
of the rows (counted here in Python, independently of the selectors' SQL)."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.explorer.conftest import make_event
from timeline import selectors
from timeline.models import ActorRole, Event, EventActor, EventStatus, Place, PlaceKind

pytestmark = pytest.mark.django_db

DETAIL = {"HTTP_HX_REQUEST": "true", "HTTP_HX_TARGET": "detail"}


def test_actor_lane_counts_one_per_actor_link(world):
    qs = selectors.event_list(params={}).filter(date_start__isnull=False)
    counts = selectors.event_counts(qs=qs, lane="actor", bucket="day")
    expected = Counter(
        (link.event.date_start, link.actor.name)
        for link in EventActor.objects.select_related("event", "actor")
        if link.event.status == EventStatus.VERIFIED and link.event.date_start
    )
    assert {(d, name): n for d, name, n in counts} == expected
    # Tikrit counts once for each of its three actors; four more events have one actor each;
    # the protests (no actor) are not counted.
    assert sum(n for _, _, n in counts) == 7


def test_actor_lane_counts_follow_the_filter(world):
    qs = selectors.event_list(params={"type": "explosions_remote_violence"})
    counts = selectors.event_counts(
        qs=qs.filter(date_start__isnull=False), lane="actor", bucket="month"
    )
    month = world.events["bomb"].date_start.replace(day=1)
    assert counts == [(month, "Islamic State", 2)]


def python_map_counts(params: dict, staff: bool = False) -> dict[str, int]:
    qs = selectors.event_list(params=params, include_unverified=staff)
    return dict(Counter(e.place.slug for e in qs if e.place and e.place.latitude is not None))


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"start": "2015-08-31", "end": "2015-09-06"},
        {"place": "baghdad"},
        {"type": "explosions_remote_violence"},
        {"min_fatalities": "0"},
        {"actor": "isis", "start": "2015-01-01"},
        {"country": "Iraq", "credibility": "2"},
    ],
)
@pytest.mark.parametrize("along_place_index", [True, False])
def test_map_counts_either_way_match_the_rows(world, params, along_place_index):
    qs = selectors.event_list(params=params)
    rows = selectors.map_places(qs=qs, along_place_index=along_place_index)
    assert {r["place__slug"]: r["n"] for r in rows} == python_map_counts(params)


@pytest.mark.parametrize(
    ("query", "along_index"),
    [
        ("", True),
        ("start=2015-01-01&end=2015-12-31", True),
        ("place=baghdad&start=2015-01-01", True),
        ("type=battles&start=2015-01-01", False),
        ("actor=isis", False),
        ("q=tikrit", False),
    ],
)
def test_map_count_walks_the_place_index_only_when_it_holds_every_filter(
    client, world, query, along_index
):
    if connection.vendor != "sqlite":
        pytest.skip("the steering expression is SQLite's")
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(f"/?{query}", HTTP_HX_REQUEST="true").status_code == 200
    [count_sql] = [q["sql"] for q in ctx.captured_queries if '"place_key"' in q["sql"]]
    assert count_sql.startswith('SELECT +"timeline_event"."place_id"') is not along_index


def test_place_options_are_places_with_any_event(world):
    Place.objects.create(slug="nowhere", name="Nowhere", country="Iraq", kind=PlaceKind.TOWN)
    rejected_only = Place.objects.create(
        slug="basra", name="Basra", country="Iraq", kind=PlaceKind.CITY
    )
    world.events["rejected"].place = rejected_only
    world.events["rejected"].save()
    slugs = [p["slug"] for p in selectors.explorer_options()["places"]]
    assert slugs == ["aleppo", "baghdad", "basra", "mosul", "tikrit"]  # by name, no "nowhere"


def test_detail_panel_still_validates_the_filters(client, world):
    ev = world.events["bomb"]
    r = client.get(f"/?event={ev.pk}&start=2015-13-01", **DETAIL)
    assert r.status_code == 400
    assert "Car bomb in Baghdad market" not in r.content.decode()
    r = client.get(f"/?event={ev.pk}&actor=no-such-actor", **DETAIL)
    assert r.status_code == 400
    r = client.get(f"/?event={ev.pk}&actor=isis&type=battles", **DETAIL)
    assert r.status_code == 200
    html = r.content.decode()
    assert "Car bomb in Baghdad market" in html and 'id="chart"' not in html
    assert 'href="?actor=isis&amp;type=battles"' in html  # closing keeps the filters


@pytest.mark.parametrize("bucket", ["day", "week", "month"])
def test_bucket_start_in_the_database_matches_python(world, bucket):
    # Sunday, Monday, month ends and starts, a leap day, a year's first and last days.
    for day in (
        date(2015, 8, 30),
        date(2015, 8, 31),
        date(2015, 9, 6),
        date(2016, 2, 29),
        date(2016, 3, 1),
        date(2016, 1, 1),
        date(2015, 12, 31),
        date(2017, 1, 1),
    ):
        make_event(headline=f"On {day}", start=day)
    pairs = Event.objects.filter(date_start__isnull=False).values_list(
        "date_start", selectors.BucketStart("date_start", bucket)
    )
    assert len(pairs) >= 8
    for day, start in pairs:
        assert start == selectors.bucket_start(day, bucket), day


def test_actor_lane_counts_by_week_and_month(world):
    make_event(
        headline="Sunday clash",
        start=date(2015, 9, 6),
        actors=[(world.actors["isis"], ActorRole.ACTOR1)],
    )
    qs = selectors.event_list(params={}).filter(date_start__isnull=False)
    weeks = selectors.event_counts(qs=qs, lane="actor", bucket="week")
    # The bomb (Mon 31 Aug), the week-long shelling (from Mon 31 Aug) and Sunday 6 Sep.
    assert (date(2015, 8, 31), "Islamic State", 3) in weeks
    months = selectors.event_counts(qs=qs, lane="actor", bucket="month")
    assert (date(2015, 8, 1), "Islamic State", 2) in months
    assert (date(2015, 9, 1), "Islamic State", 1) in months
    assert (date(2015, 9, 1), "Badr Organization", 1) in months


def test_window_reads_keep_events_that_began_before_the_window(world):
    # The protests run through 2016; the window opens in June: the chart, the map and the
    # list all keep them (the reads are bounded below by the earliest matching start).
    data = selectors.explorer_data(params={"start": "2016-06-01"})
    assert data.total == 2 and data.first == date(2016, 1, 1)
    assert {p["headline"] for p in data.points} == {
        "Protests in Tahrir Square",
        "PMF declares new offensive",
    }
    assert {r.headline for r in data.rows} == {p["headline"] for p in data.points}
    assert [(p["place__slug"], p["n"]) for p in data.places] == [("baghdad", 1)]


def test_the_page_counts_the_events_the_map_cannot_show(client, world):
    # A village the extractor named and no one has located yet, and an event with no place:
    # neither is on the map, and the page says so rather than letting the map look complete.
    before = selectors.explorer_data(params={})
    village = Place.objects.create(
        slug="kharzam", name="Kharzam", country="Syria", kind=PlaceKind.TOWN
    )
    make_event(headline="Strike on Kharzam", start=date(2016, 7, 19), place=village)
    make_event(headline="Somewhere, something", start=date(2016, 7, 20), place=None)
    data = selectors.explorer_data(params={})
    assert data.total == before.total + 2 and data.unmapped == before.unmapped + 2
    assert sum(p["n"] for p in data.places) == data.total - data.unmapped
    assert "kharzam" not in {p["place__slug"] for p in data.places}
    page = client.get("/").content.decode()
    assert f"{data.unmapped} of the {data.total} events are not on the map" in page


def inside(name: str, slug: str, within: Place, **kw) -> Place:
    """A place the extractor found inside a known one: no coordinates of its own."""
    return Place.objects.create(
        name=name, slug=slug, country=within.country, kind=PlaceKind.SITE, within=within, **kw
    )


def test_events_inside_a_located_place_are_counted_on_its_marker(client, world):
    before = selectors.explorer_data(params={})
    baghdad = world.places["baghdad"]
    tahrir = inside("Tahrir Square (Baghdad)", "tahrir", baghdad)
    stall = inside("A stall (Tahrir Square)", "stall", tahrir)  # two levels down
    # A quarter with a point of its own keeps its own marker.
    karrada = inside("Karrada (Baghdad)", "karrada", baghdad, latitude=33.3, longitude=44.42)
    # Inside a place no one has located: still not on the map.
    village = Place.objects.create(slug="kharzam", name="Kharzam", country="Syria")
    well = inside("The well (Kharzam)", "well", village)
    for i, place in enumerate([tahrir, tahrir, stall, karrada, well]):
        make_event(headline=f"Protest {i}", start=date(2019, 10, 1 + i), place=place)

    data = selectors.explorer_data(params={})
    markers = {p["place__slug"]: p["n"] for p in data.places}
    assert markers["baghdad"] == before_n(before, "baghdad") + 3
    assert markers["karrada"] == 1
    assert not {"tahrir", "stall", "kharzam", "well"} & markers.keys()
    # Markers never stack on one point, and only the event in the unlocated village is missing.
    assert len({(p["place__latitude"], p["place__longitude"]) for p in data.places}) == len(
        data.places
    )
    assert data.total == before.total + 5 and data.unmapped == before.unmapped + 1
    assert sum(p["n"] for p in data.places) == data.total - data.unmapped
    page = client.get("/").content.decode()
    assert f"{data.unmapped} of the {data.total} events are not on the map" in page


def before_n(data: selectors.ExplorerData, slug: str) -> int:
    return next(p["n"] for p in data.places if p["place__slug"] == slug)


def test_map_reads_the_places_shown_elsewhere_in_one_more_query(world, django_assert_num_queries):
    qs = selectors.event_list(params={})
    with django_assert_num_queries(2):
        selectors.map_places(qs=qs)
    tahrir = inside("Tahrir Square (Baghdad)", "tahrir", world.places["baghdad"])
    make_event(headline="Protest", start=date(2019, 10, 1), place=tahrir)
    with django_assert_num_queries(3):
        rows = selectors.map_places(qs=qs)
    assert ("baghdad", 4) in {(r["place__slug"], r["n"]) for r in rows}


def test_a_loop_of_places_within_each_other_is_not_on_the_map(world):
    a = Place.objects.create(slug="a", name="A")
    b = inside("B (A)", "b", a)
    Place.objects.filter(pk=a.pk).update(within=b)  # behind validation's back
    make_event(headline="Lost", start=date(2019, 10, 1), place=b)
    data = selectors.explorer_data(params={})
    assert "a" not in {p["place__slug"] for p in data.places}
    assert data.unmapped == 2  # the event with no place, and this one
    assert selectors.places_shown_at([a.pk, b.pk]) == {}


def test_choosing_a_place_shows_the_events_within_it(client, world):
    baghdad = world.places["baghdad"]
    tahrir = inside("Tahrir Square (Baghdad)", "tahrir", baghdad)
    stall = inside("A stall (Tahrir Square)", "stall", tahrir)
    make_event(headline="Sit-in in Tahrir Square", start=date(2019, 10, 1), place=tahrir)
    make_event(headline="Stall burnt", start=date(2019, 10, 2), place=stall)
    make_event(headline="Clash in Mosul", start=date(2019, 10, 3), place=world.places["mosul"])

    on_baghdad = {e.headline for e in selectors.event_list(params={"place": "baghdad"})}
    assert on_baghdad == {
        "Car bomb in Baghdad market",
        "Badr commanders meet in Baghdad",
        "Protests in Tahrir Square",
        "Sit-in in Tahrir Square",
        "Stall burnt",
    }
    # The marker's count is what the filter then lists.
    data = selectors.explorer_data(params={"place": "baghdad"})
    assert [(p["place__slug"], p["n"]) for p in data.places] == [("baghdad", 5)]
    assert data.total == 5 and data.unmapped == 0
    # Choosing the square takes in what lies within it, not what it lies within.
    on_tahrir = {e.headline for e in selectors.event_list(params={"place": "tahrir"})}
    assert on_tahrir == {"Sit-in in Tahrir Square", "Stall burnt"}


def test_a_place_whose_events_are_all_within_it_is_a_place_option(world):
    homs = Place.objects.create(
        slug="homs", name="Homs", country="Syria", latitude=34.7, longitude=36.7
    )
    baba_amr = inside("Baba Amr (Homs)", "baba-amr", homs)
    make_event(headline="Shelling of Baba Amr", start=date(2012, 2, 4), place=baba_amr)
    slugs = [p["slug"] for p in selectors.explorer_options()["places"]]
    assert slugs == ["aleppo", "baba-amr", "baghdad", "homs", "mosul", "tikrit"]


def test_the_event_page_says_where_the_map_shows_a_place_without_a_point(
    client, world, django_assert_num_queries
):
    baghdad = world.places["baghdad"]
    tahrir = inside("Tahrir Square (Baghdad)", "tahrir", baghdad)
    village = Place.objects.create(slug="kharzam", name="Kharzam", country="Syria")
    at_square = make_event(headline="Rally", start=date(2019, 10, 1), place=tahrir)
    in_village = make_event(headline="Strike", start=date(2019, 10, 2), place=village)
    page = client.get(f"/events/{at_square.pk}/").content.decode()
    assert "on the map at Baghdad, the place it lies in" in page
    page = client.get(f"/events/{in_village.pk}/").content.decode()
    assert "not on the map until a curator locates it" in page
    located = world.events["tikrit"]
    page = client.get(f"/events/{located.pk}/").content.decode()
    assert "on the map at" not in page and "not on the map" not in page
    with django_assert_num_queries(4):  # one more than a located place's, for the point
        client.get(f"/events/{at_square.pk}/")
