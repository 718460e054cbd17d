""" "Select all N" in the event list: the action applies to events the curator never saw, so
the list carries what it showed as a whole (the newest event version when rendered, and N),
and verify or reject across the selection is refused — nothing written, saying how many
events changed and by whom — if any of them changed or joined or left the selection since.
Merge shows every selected event on its own page, which warns of the same."""

from __future__ import annotations

import re

import pytest
from django.contrib import admin
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.db import transaction

from tests.curation.test_admin_versions import CHANGELIST, bea, page_messages, ticked, versions_in
from tests.curation.test_workflow import change_form_data
from timeline.models import Event, EventActor, EventStatus
from timeline.services import curation

pytestmark = pytest.mark.django_db
__all__ = ["bea"]  # a fixture, found by name

CANDIDATES = "?status__exact=candidate"


@pytest.fixture
def four(ds, monkeypatch):
    """Four candidates, two to a page: "select all 4" takes in two events not shown."""
    monkeypatch.setattr(admin.site._registry[Event], "list_per_page", 2)
    extra = [
        Event.objects.create(
            headline=f"Candidate {i}", event_type="battles", status=EventStatus.CANDIDATE
        )
        for i in (1, 2)
    ]
    return ds, extra


def shown(client, query: str = CANDIDATES) -> dict:
    """The list page as the browser gets it: its rows' versions and what it showed."""
    html = client.get(CHANGELIST + query).content.decode()
    mark = re.search(r'name="_list_mark" value="(\d+)"', html)
    count = re.search(r'name="_list_count" value="(\d+)"', html)
    return {
        "versions": versions_in_html(html),
        "_list_mark": int(mark.group(1)),
        "_list_count": int(count.group(1)),
    }


def versions_in_html(html: str) -> dict[int, int]:
    return {int(pk): int(v) for pk, v in re.findall(r'name="_version_(\d+)" value="(\d+)"', html)}


def select_all(client, action: str, page: dict, query: str = CANDIDATES, **extra):
    """ "Select all N", then the action: the page's boxes ticked and select_across, with the
    page's hidden inputs, as the browser posts it."""
    data = {
        "action": action,
        "select_across": "1",
        ACTION_CHECKBOX_NAME: list(page["versions"]),
        **{f"_version_{pk}": v for pk, v in page["versions"].items()},
        **{k: page[k] for k in ("_list_mark", "_list_count") if k in page},
        **extra,
    }
    return client.post(CHANGELIST + query, data, follow=True)


def unshown(page: dict) -> list[Event]:
    """The candidates "select all" takes in that the page did not show."""
    return list(Event.objects.filter(status="candidate").exclude(pk__in=page["versions"]))


def statuses() -> set[str]:
    return set(Event.objects.values_list("status", flat=True))


def test_the_list_carries_its_high_water_mark_and_count(four, cclient):
    page = shown(cclient)
    assert len(page["versions"]) == 2
    assert page["_list_count"] == 4
    assert page["_list_mark"] == curation.events_high_water()
    assert page["_list_mark"] >= max(curation.event_version(e.pk) for e in Event.objects.all())


def test_select_all_verify_is_refused_if_an_event_not_shown_changed(four, cclient, bea):
    ds, extra = four
    page = shown(cclient)
    unseen = unshown(page)
    # Meanwhile bea edits an event that is not on the curator's page.
    url, hers = change_form_data(bea, unseen[0])
    assert bea.post(url, {**hers, "fatalities": 7}).status_code == 302
    before = {e.pk: (e.status, curation.event_version(e.pk)) for e in Event.objects.all()}

    r = select_all(cclient, "verify_action", page)
    [message] = page_messages(r)
    assert message == (
        "Nothing verified: 1 of the 4 selected events was changed or added since the list "
        f"was shown, by bea (1): #{unseen[0].pk}. The list now shows the events as they are: "
        "check them, then select all again and apply the action again."
    )
    assert {e.pk: (e.status, curation.event_version(e.pk)) for e in Event.objects.all()} == before
    assert ticked(r) == set(page["versions"])  # the page's boxes, ticked again

    # From the list as it is now, "select all" goes through.
    r = select_all(cclient, "verify_action", shown(cclient))
    assert page_messages(r) == ["4 event(s) verified."]
    assert Event.objects.get(pk=unseen[0].pk).fatalities == 7


def test_select_all_reject_is_refused_if_an_event_joined_the_selection(four, cclient):
    page = shown(cclient)
    with transaction.atomic():  # e.g. ingest, in its own transaction, without a user
        new = Event.objects.create(headline="Late", event_type="battles", status="candidate")
    r = select_all(cclient, "reject_action", page)
    [message] = page_messages(r)
    assert message.startswith(
        "Nothing rejected: 1 of the 5 selected events was changed or added since the list was "
        f"shown, by an unnamed process (1): #{new.pk}; the selection held 4 events when the "
        "list was shown and holds 5 now."
    )
    assert EventStatus.REJECTED not in set(
        Event.objects.filter(status="candidate").values_list("status", flat=True)
    )
    assert Event.objects.filter(status="candidate").count() == 5


def test_select_all_is_refused_if_an_event_left_the_selection(four, cclient):
    page = shown(cclient)
    [unseen, _] = unshown(page)
    curation.events_verify(events=[unseen])  # leaves the filter
    r = select_all(cclient, "verify_action", page)
    [message] = page_messages(r)
    assert message.startswith(
        "Nothing verified: The selection held 4 events when the list was shown and holds 3 now."
    )
    assert Event.objects.filter(status="candidate").count() == 3


def test_select_all_is_refused_if_an_unshown_events_actors_changed(four, cclient):
    ds, extra = four
    page = shown(cclient)
    [unseen, _] = unshown(page)
    with transaction.atomic():
        EventActor.objects.create(event=unseen, actor=ds.kh, role="actor1")
    r = select_all(cclient, "verify_action", page)
    [message] = page_messages(r)
    assert "1 of the 4 selected events was changed or added since the list was shown" in message
    assert f"#{unseen.pk}" in message
    assert Event.objects.filter(status="candidate").count() == 4


def test_select_all_without_what_the_list_showed_is_refused(four, cclient):
    page = shown(cclient)
    r = select_all(cclient, "verify_action", {"versions": page["versions"]})
    [message] = page_messages(r)
    assert message.startswith("Nothing verified: the post does not say what the list showed")
    assert Event.objects.filter(status="candidate").count() == 4


def test_select_all_merge_page_warns_of_what_changed_and_merges_from_what_it_shows(four, cclient):
    ds, extra = four
    page = shown(cclient)
    curation.event_review(event=Event.objects.get(pk=extra[0].pk), changes={"fatalities": 2})
    r = select_all(cclient, "merge_action", page)
    assert r.templates[0].name == "admin/timeline/event/merge.html"
    [message] = page_messages(r)
    assert message.startswith(
        "1 of the 4 selected events was changed or added since the list was shown, by an "
        f"unnamed process (1): #{extra[0].pk}. The events below are as they are now"
    )
    on_page = versions_in(r)
    assert set(on_page) == set(
        Event.objects.filter(status="candidate").values_list("pk", flat=True)
    )
    assert on_page[extra[0].pk] == curation.event_version(extra[0].pk)
    assert statuses() == {"verified", "candidate", "rejected"}  # nothing merged yet


def test_an_unchanged_selection_passes_the_check(four):
    ids = list(Event.objects.filter(status="candidate").values_list("pk", flat=True))
    seen = curation.ListSeen(mark=curation.events_high_water(), count=len(ids))
    assert curation.events_selection_changed(event_ids=ids, seen=seen) is None
