"""The review queue keeps what a curator typed when a card is refused, and refuses a card
that is out of date instead of overwriting another curator's change (optimistic concurrency
on the event's latest history record)."""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import make_curator
from timeline.admin import ReviewDrafts
from timeline.models import Event, EventStatus
from timeline.services import curation

pytestmark = pytest.mark.django_db

QUEUE = reverse("admin:timeline_event_review")


def queue_card(client, event) -> dict:
    """The event's card as the queue renders it for this client."""
    r = client.get(QUEUE)
    assert r.status_code == 200
    [card] = [c for c in r.context["cards"] if c["event"].pk == event.pk]
    return card


def card_html(client, event) -> str:
    html = client.get(QUEUE).content.decode()
    match = re.search(rf'<section class="ct-card" id="event-{event.pk}">.*?</section>', html, re.S)
    assert match, f"no card for #{event.pk}"
    return match.group(0)


def post_card(client, event, card: dict, decision: str, **typed) -> object:
    """Submit the card as the browser does: every field with the value it shows (what the
    curator typed over it), plus the card's version."""
    data = {bf.html_name: "" if bf.value() is None else bf.value() for bf in card["form"]}
    for name, value in data.items():
        if isinstance(value, date):
            data[name] = value.isoformat()
    data.update({f"e{event.pk}-{k}": v for k, v in typed.items()})
    data.update({"decision": decision, "next": QUEUE, "version": card["version"]})
    return client.post(reverse("admin:timeline_event_decide", args=[event.pk]), data)


def messages_of(response) -> list[str]:
    return [str(m) for m in response.wsgi_request._messages]


def drafts(client) -> dict:
    return client.session.get(ReviewDrafts.KEY, {})


@pytest.fixture
def other_client(db, ds):
    """A second curator, "bea", in her own browser session."""
    client = Client()
    client.force_login(make_curator("bea"))
    return client


# --- drafts ----------------------------------------------------------------------------------


def test_invalid_submission_keeps_what_was_typed_and_the_card_shows_it(ds, cclient):
    pk = ds.shelling.pk
    before = ds.shelling.history.count()
    card = queue_card(cclient, ds.shelling)
    r = post_card(
        cclient, ds.shelling, card, "verify", headline="IS shells Tikrit", date_end="2015-08-01"
    )
    assert r.status_code == 302 and r["Location"] == f"{QUEUE}#event-{pk}"
    assert any(m.startswith(f"#{pk} not saved:") and "kept" in m for m in messages_of(r))
    # Nothing written.
    event = Event.objects.get(pk=pk)
    assert (event.status, event.headline, event.date_end) == (
        EventStatus.CANDIDATE,
        "Islamic State shells Tikrit",
        date(2015, 9, 2),
    )
    assert event.history.count() == before
    # The draft holds only the fields the curator changed.
    assert set(drafts(cclient)[str(pk)]["data"]) == {f"e{pk}-headline", f"e{pk}-date_end"}

    # The queue shows the card with the typed values, the error beside the date, and a note.
    card = queue_card(cclient, ds.shelling)
    form = card["form"]
    assert form.is_bound
    assert form["headline"].value() == "IS shells Tikrit"
    assert form["date_end"].value() == "2015-08-01"
    assert form.errors["date_end"] == ["The end date is before the start date."]
    assert form["fatalities"].value() == 3  # untouched: the stored value
    html = card_html(cclient, ds.shelling)
    assert 'value="IS shells Tikrit"' in html and 'value="2015-08-01"' in html
    assert "The end date is before the start date." in html
    assert "Unsaved edits" in html
    # The card's heading still shows the stored event, not the draft.
    assert card["event"].headline == "Islamic State shells Tikrit"
    # The other card is untouched.
    assert not queue_card(cclient, ds.battle_dup)["form"].is_bound


def test_draft_dropped_after_a_successful_save(ds, cclient):
    pk = ds.shelling.pk
    post_card(cclient, ds.shelling, queue_card(cclient, ds.shelling), "save", date_end="2015-08-01")
    assert str(pk) in drafts(cclient)
    # The curator corrects the card as shown (their headline and the bad date kept) and saves.
    card = queue_card(cclient, ds.shelling)
    r = post_card(cclient, ds.shelling, card, "save", date_end="2015-09-03")
    assert messages_of(r)[-1] == f"#{pk} “Islamic State shells Tikrit” saved (changed: date_end)."
    assert Event.objects.get(pk=pk).date_end == date(2015, 9, 3)
    assert drafts(cclient) == {}
    card = queue_card(cclient, ds.shelling)
    assert not card["form"].is_bound
    assert "Unsaved edits" not in card_html(cclient, ds.shelling)


def test_discard_drops_the_draft_and_writes_nothing(ds, cclient):
    pk = ds.shelling.pk
    before = ds.shelling.history.count()
    post_card(cclient, ds.shelling, queue_card(cclient, ds.shelling), "save", date_end="2015-08-01")
    card = queue_card(cclient, ds.shelling)
    r = post_card(cclient, ds.shelling, card, "discard")
    assert messages_of(r)[-1] == f"#{pk}: your unsaved edits were discarded."
    assert drafts(cclient) == {}
    assert queue_card(cclient, ds.shelling)["form"]["date_end"].value() == date(2015, 9, 2)
    assert Event.objects.get(pk=pk).history.count() == before


def test_draft_dropped_when_the_event_leaves_the_queue(ds, cclient, other_client):
    post_card(cclient, ds.shelling, queue_card(cclient, ds.shelling), "save", date_end="2015-08-01")
    assert str(ds.shelling.pk) in drafts(cclient)
    # Another curator verifies the event: the next queue the first one opens forgets the draft.
    post_card(other_client, ds.shelling, queue_card(other_client, ds.shelling), "verify")
    assert Event.objects.get(pk=ds.shelling.pk).status == EventStatus.VERIFIED
    cclient.get(QUEUE)
    assert drafts(cclient) == {}


def test_old_drafts_are_dropped(ds, cclient):
    post_card(cclient, ds.shelling, queue_card(cclient, ds.shelling), "save", date_end="2015-08-01")
    session = cclient.session
    session[ReviewDrafts.KEY][str(ds.shelling.pk)]["at"] = "2000-01-01T00:00:00+00:00"
    session.save()
    assert not queue_card(cclient, ds.shelling)["form"].is_bound
    assert drafts(cclient) == {}


# --- versions --------------------------------------------------------------------------------


def test_save_on_an_out_of_date_card_is_refused_then_the_resubmission_succeeds(
    ds, cclient, other_client
):
    pk = ds.shelling.pk
    mine = queue_card(cclient, ds.shelling)  # curator "cura" opens the queue
    # Meanwhile "bea" moves the event to Baiji from her own queue.
    r = post_card(
        other_client, ds.shelling, queue_card(other_client, ds.shelling), "save", place=ds.baiji.pk
    )
    assert messages_of(r)[-1].endswith("saved (changed: place).")
    history = Event.objects.get(pk=pk).history.count()

    # "cura" fixes the date on her card, which still shows Tikrit.
    r = post_card(
        cclient, ds.shelling, mine, "save", date_start="2015-09-03", date_end="2015-09-03"
    )
    [message] = messages_of(r)
    assert message.startswith(f"#{pk} not saved: Event #{pk} was changed since you opened it")
    assert "by bea at " in message and "(place: Tikrit, Iraq → Baiji, Iraq)" in message
    assert "kept in the card" in message
    event = Event.objects.get(pk=pk)
    assert (event.place, event.date_start) == (ds.baiji, date(2015, 9, 2))  # bea's place stays
    assert event.history.count() == history

    # Her card now shows her dates over the event as it is now (bea's place), at the new
    # version, and saving it goes through without undoing bea's change.
    card = queue_card(cclient, ds.shelling)
    assert card["version"] == event.history.first().history_id != mine["version"]
    assert card["form"]["date_start"].value() == "2015-09-03"
    assert card["form"]["place"].value() == ds.baiji.pk
    r = post_card(cclient, ds.shelling, card, "save")
    assert messages_of(r)[-1].endswith("saved (changed: date_start, date_end).")
    event = Event.objects.get(pk=pk)
    assert (event.place, event.date_start, event.date_end) == (
        ds.baiji,
        date(2015, 9, 3),
        date(2015, 9, 3),
    )
    assert drafts(cclient) == {}


def test_verify_on_an_out_of_date_card_is_refused(ds, cclient, other_client):
    mine = queue_card(cclient, ds.shelling)
    post_card(
        other_client, ds.shelling, queue_card(other_client, ds.shelling), "save", fatalities=5
    )
    r = post_card(cclient, ds.shelling, mine, "verify")
    assert "(fatalities: 3 → 5)" in messages_of(r)[-1]
    assert "kept in the card" not in messages_of(r)[-1]  # nothing was typed
    assert Event.objects.get(pk=ds.shelling.pk).status == EventStatus.CANDIDATE
    # Nothing typed, so no draft: the card simply shows the new values at the new version.
    assert drafts(cclient) == {}
    card = queue_card(cclient, ds.shelling)
    assert card["form"]["fatalities"].value() == 5
    post_card(cclient, ds.shelling, card, "verify")
    assert Event.objects.get(pk=ds.shelling.pk).status == EventStatus.VERIFIED


def test_reject_on_an_out_of_date_card_is_refused(ds, cclient, other_client):
    pk = ds.battle_dup.pk
    mine = queue_card(cclient, ds.battle_dup)
    post_card(
        other_client,
        ds.battle_dup,
        queue_card(other_client, ds.battle_dup),
        "save",
        headline="Kataib Hezbollah attacks IS near Baiji (second report)",
    )
    r = post_card(cclient, ds.battle_dup, mine, "reject")
    [message] = messages_of(r)
    assert message.startswith(f"#{pk} not rejected: Event #{pk} was changed since you opened it")
    assert "by bea at " in message and "headline: Militias attack IS near Baiji → " in message
    assert Event.objects.get(pk=pk).status == EventStatus.CANDIDATE
    # With the card as it is now, the rejection goes through.
    post_card(cclient, ds.battle_dup, queue_card(cclient, ds.battle_dup), "reject")
    assert Event.objects.get(pk=pk).status == EventStatus.REJECTED


def test_a_card_on_a_deleted_event_says_so(ds, cclient):
    card = queue_card(cclient, ds.shelling)
    pk = ds.shelling.pk
    Event.objects.get(pk=pk).delete()
    r = post_card(cclient, ds.shelling, card, "save", fatalities=4)
    assert r.status_code == 302
    assert messages_of(r) == [f"#{pk} not saved: the event no longer exists."]


# --- the services on their own ---------------------------------------------------------------


def test_event_review_checks_the_version_when_given(ds, curator):
    event = ds.shelling
    version = curation.event_version(event.pk)
    assert version == event.history.first().history_id
    curation.event_review(event=Event.objects.get(pk=event.pk), changes={"fatalities": 5})
    before = event.history.count()
    with pytest.raises(curation.EventChanged, match=r"fatalities: 3 → 5") as exc:
        curation.event_review(
            event=Event.objects.get(pk=event.pk),
            changes={"headline": "Edited"},
            status=EventStatus.VERIFIED,
            version=version,
            user=curator,
        )
    assert exc.value.version == curation.event_version(event.pk) != version
    assert "by an unnamed process at " in str(exc.value)
    event.refresh_from_db()
    assert (event.headline, event.status) == ("Islamic State shells Tikrit", "candidate")
    assert event.history.count() == before
    # At the current version, or without one (callers that do not track versions), it writes.
    changed = curation.event_review(
        event=event, changes={"headline": "Edited"}, version=exc.value.version
    )
    assert changed == ["headline"]
    assert curation.event_review(event=event, changes={"fatalities": 6}) == ["fatalities"]


def test_events_reject_checks_versions_all_or_nothing(ds):
    stale = curation.event_version(ds.shelling.pk)
    curation.event_review(event=Event.objects.get(pk=ds.shelling.pk), changes={"fatalities": 5})
    current = {ds.battle_dup.pk: curation.event_version(ds.battle_dup.pk)}
    with pytest.raises(curation.EventChanged):
        curation.events_reject(
            events=[ds.battle_dup, Event.objects.get(pk=ds.shelling.pk)],
            versions={**current, ds.shelling.pk: stale},
        )
    statuses = set(
        Event.objects.filter(pk__in=[ds.battle_dup.pk, ds.shelling.pk]).values_list(
            "status", flat=True
        )
    )
    assert statuses == {EventStatus.CANDIDATE}
    assert curation.events_reject(events=[ds.battle_dup], versions=current) == 1


def test_a_draft_on_an_out_of_date_card_moves_to_the_new_version_and_says_what_changed(
    ds, cclient, other_client
):
    """An invalid submission from a card someone has changed since: the next queue shows the
    curator's edits over the new values, says who changed what, and saving keeps both."""
    pk = ds.shelling.pk
    mine = queue_card(cclient, ds.shelling)
    post_card(
        other_client, ds.shelling, queue_card(other_client, ds.shelling), "save", place=ds.baiji.pk
    )
    r = post_card(
        cclient, ds.shelling, mine, "save", date_start="2015-09-03", date_end="2015-08-03"
    )
    assert messages_of(r)[-1].startswith(f"#{pk} not saved: Date end: The end date is before")

    card = queue_card(cclient, ds.shelling)
    assert card["version"] == curation.event_version(pk) != mine["version"]
    assert card["draft_fields"] == ["date_start", "date_end"]  # not bea's place
    assert card["form"]["place"].value() == ds.baiji.pk
    html = card_html(cclient, ds.shelling)
    assert re.search(r"<li>bea at [^<]* \(place: Tikrit, Iraq → Baiji, Iraq\)</li>", html)
    # Still invalid: refused again, and the card still says what bea changed.
    post_card(cclient, ds.shelling, card, "save")
    assert "(place: Tikrit, Iraq → Baiji, Iraq)" in card_html(cclient, ds.shelling)
    r = post_card(
        cclient, ds.shelling, queue_card(cclient, ds.shelling), "save", date_end="2015-09-03"
    )
    assert messages_of(r)[-1].endswith("saved (changed: date_start, date_end).")
    event = Event.objects.get(pk=pk)
    assert (event.place, event.date_start, event.date_end) == (
        ds.baiji,
        date(2015, 9, 3),
        date(2015, 9, 3),
    )
