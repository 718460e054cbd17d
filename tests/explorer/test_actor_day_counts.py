"""Actor lanes over unfiltered events are read from ``ActorDayCount``, which database triggers
keep in step with events and their actor links. Here every kind of write is made and the
table is checked against the rows themselves (counted in Python), and the explorer's counts
from the table against the counts of the plain join (``selectors.event_counts``)."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest
from django.db import connection, transaction
from django.http import QueryDict

from tests.explorer.conftest import make_event
from timeline import exports, selectors
from timeline.models import (
    Actor,
    ActorDayCount,
    ActorKind,
    ActorRole,
    Event,
    EventActor,
    EventStatus,
    Excerpt,
)
from timeline.services import counts, curation
from timeline.services.imports import dataset_import

pytestmark = pytest.mark.django_db
HX = {"HTTP_HX_REQUEST": "true", "HTTP_HX_TARGET": "results"}
BUCKETS = ("day", "week", "month")


def expected_rows() -> dict[tuple[int, str, date], int]:
    """(actor, status, start day) -> links, from every link and its event, in Python."""
    return dict(
        Counter(
            (link.actor_id, link.event.status, link.event.date_start)
            for link in EventActor.objects.select_related("event")
            if link.event.date_start is not None
        )
    )


def stored_rows() -> dict[tuple[int, str, date], int]:
    return {
        (a, s, d): n
        for a, s, d, n in ActorDayCount.objects.values_list("actor_id", "status", "day", "n")
    }


def assert_in_step() -> None:
    assert stored_rows() == expected_rows()
    assert selectors.actor_day_count_drift() == 0
    assert not ActorDayCount.objects.filter(n__lte=0).exists()


def live_counts(statuses: list[str], bucket: str) -> list[tuple[date, str, int]]:
    qs = Event.objects.filter(status__in=statuses, date_start__isnull=False)
    return selectors.event_counts(qs=qs, lane="actor", bucket=bucket)


STATUS_SETS = (
    [EventStatus.VERIFIED],
    [EventStatus.CANDIDATE],
    list(EventStatus.values),
    [EventStatus.VERIFIED, EventStatus.REJECTED],
)


def assert_same_as_the_join() -> None:
    for statuses in STATUS_SETS:
        for bucket in BUCKETS:
            assert selectors.actor_day_counts(statuses=statuses, bucket=bucket) == live_counts(
                statuses, bucket
            ), (statuses, bucket)


def test_table_matches_the_links_of_the_world(world):
    assert ActorDayCount.objects.exists()
    assert_in_step()
    assert_same_as_the_join()


def test_counts_follow_status_date_and_link_edits(world):
    isis, kh, badr = world.actors["isis"], world.actors["kh"], world.actors["badr"]
    candidate = world.events["candidate"]
    bomb = world.events["bomb"]
    # Verify (a save), reject through a queryset update, move a date, lose a date.
    candidate.status = EventStatus.VERIFIED
    candidate.save()
    assert_in_step()
    Event.objects.filter(pk=bomb.pk).update(status=EventStatus.REJECTED)
    assert_in_step()
    bomb.refresh_from_db()
    bomb.date_start, bomb.date_end = date(2014, 2, 3), date(2014, 2, 3)
    bomb.save()
    assert_in_step()
    # An update that names the date alone (a save writes every column).
    Event.objects.filter(pk=bomb.pk).update(date_start=date(2014, 3, 1), date_end=date(2014, 3, 2))
    assert_in_step()
    bomb.refresh_from_db()
    bomb.date_start = bomb.date_end = None
    bomb.save()
    assert_in_step()
    # A save that changes neither status nor date changes nothing.
    before = stored_rows()
    candidate.headline = "Renamed"
    candidate.save()
    assert stored_rows() == before
    # Links: add, move to another actor, move to another event, delete, bulk create.
    link = EventActor.objects.create(event=candidate, actor=isis, role=ActorRole.ACTOR2)
    assert_in_step()
    EventActor.objects.filter(pk=link.pk).update(actor=badr)
    assert_in_step()
    EventActor.objects.filter(pk=link.pk).update(event=world.events["tikrit"])
    assert_in_step()
    link.refresh_from_db()
    link.delete()
    assert_in_step()
    new = make_event(headline="Two at once", start=date(2015, 9, 2))
    EventActor.objects.bulk_create(
        [
            EventActor(event=new, actor=isis, role=ActorRole.ACTOR1),
            EventActor(event=new, actor=kh, role=ActorRole.ACTOR2),
        ]
    )
    assert_in_step()
    assert_same_as_the_join()


def test_counts_follow_deletes_in_either_order(world):
    tikrit = world.events["tikrit"]  # three actors
    tikrit.delete()  # Django deletes the links, then the event
    assert_in_step()
    bomb = world.events["bomb"]
    # Django's foreign keys are checked at commit: the event can go before its links.
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM timeline_event WHERE id = %s", [bomb.pk])
        assert_in_step()  # its links no longer count: their event is gone
        Excerpt.objects.filter(event_id=bomb.pk).delete()
        EventActor.objects.filter(event_id=bomb.pk).delete()
        assert_in_step()
    Actor.objects.create(name="Nobody", slug="nobody", kind=ActorKind.OTHER).delete()
    Event.objects.all().delete()
    assert ActorDayCount.objects.count() == 0


def test_a_link_stored_before_its_event_counts_once_the_event_exists(world):
    # As a fixture load may do: foreign keys are checked at commit.
    isis = world.actors["isis"]
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute(
                "INSERT INTO timeline_eventactor (id, event_id, actor_id, role) "
                "VALUES (9001, 9001, %s, 'actor1')",
                [isis.pk],
            )
        assert_in_step()
        make_event(headline="Late event", start=date(2015, 9, 3), id=9001)
        assert_in_step()
    assert (isis.pk, EventStatus.VERIFIED, date(2015, 9, 3)) in stored_rows()


def test_counts_follow_curation_merge_and_import(world, settings):
    target, other = world.events["bomb"], world.events["tikrit"]
    curation.events_merge(target=target, others=[other])  # target gains actors, other rejected
    assert_in_step()
    curation.events_set_status(events=[world.events["candidate"]], status=EventStatus.VERIFIED)
    assert_in_step()
    # Export everything, empty the database, import it back (bulk creates with history).
    data = exports.export_to_string(
        "fixture", selectors.event_list(params={}, include_unverified=True)
    )
    before = stored_rows()
    Excerpt.objects.all().delete()
    EventActor.objects.all().delete()
    Event.objects.all().delete()
    assert ActorDayCount.objects.count() == 0
    dataset_import(data=data.encode(), source_name="round-trip.json")
    assert_in_step()
    assert sorted(before.values()) == sorted(stored_rows().values())
    assert_same_as_the_join()


def test_rebuild_repairs_a_table_changed_behind_the_triggers(world):
    ActorDayCount.objects.filter(status=EventStatus.VERIFIED).update(n=99)
    ActorDayCount.objects.filter(status=EventStatus.CANDIDATE).delete()
    assert selectors.actor_day_count_drift() > 0
    assert counts.rebuild_actor_day_counts() == len(expected_rows())
    assert_in_step()


@pytest.mark.parametrize(
    ("query", "staff", "from_table"),
    [
        ("lane=actor", False, True),
        ("lane=actor&members=1", False, True),
        ("lane=actor", True, True),
        ("lane=actor&status=candidate&status=rejected", True, True),
        ("lane=actor&status=candidate", False, True),  # ignored for readers: verified only
        ("lane=actor&type=battles", False, False),
        ("lane=actor&start=2015-08-01", False, False),
        ("lane=actor&actor=isis", False, False),
        ("lane=actor&q=tikrit", True, False),
    ],
)
def test_explorer_actor_lanes_match_the_join_whichever_read(
    client, world, settings, admin_user, django_assert_num_queries, query, staff, from_table
):
    settings.TIMELINE_EXPLORER_MAX_POINTS = 0  # the heatmap, whatever the number of events
    params = QueryDict(query)
    data = selectors.explorer_data(params=params, include_unverified=staff)
    assert data.mode == "aggregate"
    expected = selectors.event_counts(
        qs=selectors.event_list(params=params, include_unverified=staff).filter(
            date_start__isnull=False
        ),
        lane="actor",
        bucket=data.bucket,
    )
    assert expected and data.counts == expected
    if staff:
        client.force_login(admin_user)
    # The partial's 7 reads, the chosen actor's look-up, and the staff user's session.
    with django_assert_num_queries(7 + ("actor=" in query) + 2 * staff) as ctx:
        r = client.get(f"/?{query}", **HX)
    assert r.status_code == 200
    assert r.context["data"].counts == expected
    read_table = any("timeline_actordaycount" in q["sql"] for q in ctx.captured_queries)
    assert read_table is from_table
