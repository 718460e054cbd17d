"""The event's full change form and the event list's bulk actions refuse an edit made on an
out-of-date page instead of overwriting another curator's change (optimistic concurrency on
the event's latest history record, as in the review queue), write nothing then, and keep what
the curator submitted: the form bound to their values, the list with their selection."""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.admin.models import LogEntry
from django.test import Client
from django.urls import reverse

from tests.curation.test_workflow import change_form_data
from tests.factories import make_curator
from timeline.models import Event, EventStatus
from timeline.services import curation

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:timeline_event_changelist")


@pytest.fixture
def bea(db, ds):
    """A second curator, "bea", in her own browser session."""
    client = Client()
    client.force_login(make_curator("bea"))
    return client


def page_messages(response) -> list[str]:
    return [str(m) for m in response.context["messages"]]


# --- the full change form --------------------------------------------------------------------


def test_the_change_form_carries_the_events_version(ds, cclient):
    url, data = change_form_data(cclient, ds.shelling)
    version = curation.event_version(ds.shelling.pk)
    assert data["version"] == version
    html = cclient.get(url).content.decode()
    assert f'<input type="hidden" name="version" value="{version}"' in html


def test_a_stale_full_form_save_is_refused_keeps_what_was_typed_then_goes_through(ds, cclient, bea):
    pk = ds.shelling.pk
    url, mine = change_form_data(cclient, ds.shelling)  # "cura" opens the event
    # Meanwhile "bea" opens it too and moves it to Baiji.
    _, hers = change_form_data(bea, ds.shelling)
    hers["place"] = ds.baiji.pk
    r = bea.post(url, hers)
    assert r.status_code == 302
    assert Event.objects.get(pk=pk).place == ds.baiji
    history = Event.objects.get(pk=pk).history.count()
    actors = ds.shelling.event_actors.count()

    # "cura" edits her copy (which still says Tikrit): headline, fatalities and a new actor.
    mine.update(headline="IS shells Tikrit again", fatalities=4)
    n = int(mine["event_actors-TOTAL_FORMS"])
    mine.update(
        {
            "event_actors-TOTAL_FORMS": n + 1,
            f"event_actors-{n}-actor": ds.pmf.pk,
            f"event_actors-{n}-role": "actor2",
            f"event_actors-{n}-event": pk,
        }
    )
    r = cclient.post(url, mine)

    # Refused: the form again (200, not a redirect), and nothing written, event or inline.
    assert r.status_code == 200
    event = Event.objects.get(pk=pk)
    assert (event.place, event.headline, event.fatalities) == (
        ds.baiji,
        "Islamic State shells Tikrit",
        3,
    )
    assert event.history.count() == history
    assert ds.shelling.event_actors.count() == actors
    # Who changed what, and when.
    form = r.context["adminform"].form
    [error] = form.non_field_errors()
    assert error.startswith(f"Not saved: Event #{pk} was changed since you opened it, by bea at ")
    assert "(place: Tikrit, Iraq → Baiji, Iraq)" in error
    assert form.errors["place"] == [
        "Changed meanwhile: “Tikrit, Iraq” → “Baiji, Iraq”. The value below is yours; "
        "saving again writes it."
    ]
    html = r.content.decode()
    assert "was changed since you opened it, by bea at " in html
    # The form is bound to what "cura" submitted, inline row included, not reloaded.
    assert form.is_bound
    assert form["headline"].value() == "IS shells Tikrit again"
    assert 'value="IS shells Tikrit again"' in html
    assert form["fatalities"].value() == "4"
    [actors_formset] = [
        fs.formset
        for fs in r.context["inline_admin_formsets"]
        if fs.formset.prefix == "event_actors"
    ]
    assert actors_formset.forms[n]["actor"].value() == str(ds.pmf.pk)
    # The hidden version is now the current one.
    current = curation.event_version(pk)
    assert current != mine["version"]
    assert form["version"].value() == str(current)
    assert f'<input type="hidden" name="version" value="{current}"' in html

    # Having seen bea's place, "cura" takes it and saves again: it goes through, with both
    # edits and her actor.
    resubmit = {**mine, "version": form["version"].value(), "place": ds.baiji.pk}
    r = cclient.post(url, resubmit)
    assert r.status_code == 302, r.context and r.context["adminform"].form.errors
    event = Event.objects.get(pk=pk)
    assert (event.place, event.headline, event.fatalities) == (
        ds.baiji,
        "IS shells Tikrit again",
        4,
    )
    assert event.event_actors.get(actor=ds.pmf).role == "actor2"
    assert event.history.first().history_user.username == "cura"


def test_a_stale_save_and_verify_from_the_full_form_is_refused(ds, cclient, bea):
    pk = ds.battle_dup.pk
    url, mine = change_form_data(cclient, ds.battle_dup)
    curation.event_review(
        event=Event.objects.get(pk=pk), changes={"fatalities": 9}, user=None
    )  # e.g. a script, without a user
    r = cclient.post(url, {**mine, "_verify": "Save and verify"})
    assert r.status_code == 200
    assert "by an unnamed process at " in r.context["adminform"].form.non_field_errors()[0]
    assert "(fatalities: — → 9)" in r.context["adminform"].form.non_field_errors()[0]
    assert Event.objects.get(pk=pk).status == EventStatus.CANDIDATE


def test_an_up_to_date_save_goes_through_and_the_version_is_no_change(ds, cclient, curator):
    url, data = change_form_data(cclient, ds.shelling)
    data["fatalities"] = 4
    r = cclient.post(url, data)
    assert r.status_code == 302
    assert Event.objects.get(pk=ds.shelling.pk).fatalities == 4
    entry = LogEntry.objects.filter(object_id=str(ds.shelling.pk)).latest("action_time")
    assert "Fatalities" in entry.get_change_message()
    assert "ersion" not in entry.get_change_message()


def test_a_stale_revert_from_history_is_refused(ds, cclient, curator):
    """simple-history's revert form is the same form: opened on an old version, it is refused
    if the event changed after the form was opened."""
    ds.battle.headline = "A wrong headline"
    ds.battle.save()
    old = ds.battle.history.order_by("history_date").first()
    url = reverse("admin:timeline_event_simple_history", args=[ds.battle.pk, old.history_id])
    form = cclient.get(url).context["adminform"].form
    data = {k: ("" if v is None else v) for k, v in form.initial.items() if k in form.fields}
    curation.event_review(event=Event.objects.get(pk=ds.battle.pk), changes={"fatalities": 13})
    r = cclient.post(url, data)
    assert r.status_code == 200
    assert "(fatalities: 12 → 13)" in r.context["adminform"].form.non_field_errors()[0]
    assert Event.objects.get(pk=ds.battle.pk).headline == "A wrong headline"


# --- bulk actions on the event list ----------------------------------------------------------


def versions_in(response) -> dict[int, int]:
    """The versions a page shows its events at (the hidden input beside each)."""
    html = response.content.decode()
    return {int(pk): int(v) for pk, v in re.findall(r'name="_version_(\d+)" value="(\d+)"', html)}


def listed_versions(client, query: str = "?status__exact=candidate") -> dict[int, int]:
    """The versions the event list shows its rows at."""
    return versions_in(client.get(CHANGELIST + query))


def run_action(client, name, events, versions, query="?status__exact=candidate", **extra):
    """Post the list's form as the browser does: the action, the ticked boxes, and every row's
    version hidden input."""
    data = {
        "action": name,
        ACTION_CHECKBOX_NAME: [e.pk for e in events],
        **{f"_version_{pk}": v for pk, v in versions.items()},
        **extra,
    }
    return client.post(CHANGELIST + query, data, follow=True)


def ticked(response) -> set[int]:
    html = response.content.decode()
    return {
        int(pk)
        for pk in re.findall(
            r'<input type="checkbox" name="_selected_action" value="(\d+)"[^>]*checked', html
        )
    }


def test_the_event_list_carries_each_rows_version(ds, cclient):
    versions = listed_versions(cclient, "")
    assert versions == {e.pk: curation.event_version(e.pk) for e in Event.objects.all()}


def test_a_bulk_verify_on_a_stale_list_is_refused_then_goes_through(ds, cclient, bea):
    seen = listed_versions(cclient)  # "cura" opens the candidates
    assert set(seen) == {ds.battle_dup.pk, ds.shelling.pk}
    # Meanwhile "bea" corrects the shelling's death toll in her full form.
    url, hers = change_form_data(bea, ds.shelling)
    assert bea.post(url, {**hers, "fatalities": 5}).status_code == 302
    history = {pk: Event.objects.get(pk=pk).history.count() for pk in seen}

    r = run_action(cclient, "verify_action", [ds.battle_dup, ds.shelling], seen)
    [message] = page_messages(r)
    assert message.startswith(
        f"Nothing verified: Event #{ds.shelling.pk} was changed since you opened it, by bea at "
    )
    assert "(fatalities: 3 → 5)" in message
    # All or nothing: the unchanged event is not verified either, and nothing is written.
    statuses = set(Event.objects.filter(pk__in=seen).values_list("status", flat=True))
    assert statuses == {EventStatus.CANDIDATE}
    assert {pk: Event.objects.get(pk=pk).history.count() for pk in seen} == history
    # The list the curator comes back to shows her selection ticked, at the new versions.
    assert ticked(r) == {ds.battle_dup.pk, ds.shelling.pk}
    now = versions_in(r)
    assert now[ds.shelling.pk] == curation.event_version(ds.shelling.pk) != seen[ds.shelling.pk]
    # Ticked once only: the next visit is a plain list.
    assert ticked(cclient.get(CHANGELIST)) == set()

    r = run_action(cclient, "verify_action", [ds.battle_dup, ds.shelling], now)
    assert page_messages(r) == ["2 event(s) verified."]
    statuses = set(Event.objects.filter(pk__in=seen).values_list("status", flat=True))
    assert statuses == {EventStatus.VERIFIED}
    assert Event.objects.get(pk=ds.shelling.pk).fatalities == 5  # bea's change stays


def test_a_bulk_reject_names_every_event_that_changed(ds, cclient):
    seen = listed_versions(cclient)
    curation.event_review(event=Event.objects.get(pk=ds.shelling.pk), changes={"fatalities": 5})
    curation.events_verify(events=[Event.objects.get(pk=ds.battle_dup.pk)])
    r = run_action(cclient, "reject_action", [ds.battle_dup, ds.shelling], seen)
    [message] = page_messages(r)
    assert message.startswith("Nothing rejected: 2 events were changed since you opened them: ")
    assert f"Event #{ds.battle_dup.pk} was changed" in message
    assert "(status: Candidate → Verified)" in message
    assert f"Event #{ds.shelling.pk} was changed" in message
    assert "(fatalities: 3 → 5)" in message
    assert Event.objects.get(pk=ds.battle_dup.pk).status == EventStatus.VERIFIED
    assert Event.objects.get(pk=ds.shelling.pk).status == EventStatus.CANDIDATE


def test_a_stale_merge_is_refused_and_shows_the_page_again(ds, cclient):
    events = [ds.battle, ds.battle_dup]
    r = run_action(cclient, "merge_action", events, listed_versions(cclient, ""), query="")
    on_page = versions_in(r)
    assert on_page == {e.pk: curation.event_version(e.pk) for e in events}
    curation.event_review(
        event=Event.objects.get(pk=ds.battle_dup.pk),
        changes={"date_start": date(2015, 9, 2), "date_end": date(2015, 9, 2)},
    )
    # The curator keeps the duplicate (not the proposed one) and merges: refused.
    r = run_action(
        cclient, "merge_action", events, on_page, query="", apply="1", target=ds.battle_dup.pk
    )
    assert r.status_code == 200 and r.templates[0].name == "admin/timeline/event/merge.html"
    [message] = page_messages(r)
    assert message.startswith(f"Nothing merged: Event #{ds.battle_dup.pk} was changed since")
    assert "date start: 2015-09-01 → 2015-09-02)" in message
    assert r.context["best"].pk == ds.battle_dup.pk  # her choice kept
    assert Event.objects.get(pk=ds.battle.pk).status == EventStatus.VERIFIED
    assert ds.battle_dup.excerpts.count() == 1 and ds.battle.excerpts.count() == 1
    # From the page as it is now, the merge goes through.
    now = versions_in(r)
    r = run_action(
        cclient, "merge_action", events, now, query="", apply="1", target=ds.battle_dup.pk
    )
    assert page_messages(r)[0].startswith(f"Merged events #{ds.battle.pk} into #{ds.battle_dup.pk}")
    assert Event.objects.get(pk=ds.battle.pk).status == EventStatus.REJECTED


# --- outside a test's transaction ------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_the_version_check_needs_a_transaction_and_the_admin_forms_have_one(ds, client):
    """The lock of ``event_hold_version`` only means something inside the transaction that
    writes; the admin's change form and simple-history's revert form (wrapped by EventAdmin)
    post inside one. (Other tests run inside a test transaction, which would hide this.)"""
    # An earlier transactional test's flush may have dropped the migration's curator group.
    curation.curator_group_ensure()
    cclient = client
    cclient.force_login(make_curator())
    version = curation.event_version(ds.battle.pk)
    with pytest.raises(RuntimeError, match="inside transaction.atomic"):
        curation.event_hold_version(ds.battle.pk, version)
    url, data = change_form_data(cclient, ds.battle)
    assert cclient.post(url, {**data, "headline": "A wrong headline"}).status_code == 302
    old = ds.battle.history.order_by("history_date").first()
    url = reverse("admin:timeline_event_simple_history", args=[ds.battle.pk, old.history_id])
    form = cclient.get(url).context["adminform"].form
    data = {k: ("" if v is None else v) for k, v in form.initial.items() if k in form.fields}
    assert cclient.post(url, data).status_code == 302
    assert Event.objects.get(pk=ds.battle.pk).headline == ds.battle.headline
