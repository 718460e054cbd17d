"""An event's actors and excerpts written anywhere but its own edit page — a script, import,
an article's deletion, ingest — change the event's version (services/links.py): a curator
with the event open is refused, told who changed what, and loses nothing, as when someone
edits the event itself. One record per event per transaction, none for an event created in
it or deleted by it."""

from __future__ import annotations

import json

import pytest
from django.db import transaction

from tests.curation.test_admin_versions import listed_versions, page_messages, run_action
from tests.curation.test_workflow import change_form_data
from tests.factories import make_curator
from tests.imports.test_import import everything
from timeline.models import Event, EventActor, EventStatus, Excerpt
from timeline.services import curation
from timeline.services.imports import dataset_import
from timeline.services.ingest import INGEST_REASON, _touched_by_person

pytestmark = pytest.mark.django_db


def history(event: Event) -> list:
    return list(Event.history.filter(id=event.pk).order_by("history_id"))


def test_an_actor_added_elsewhere_refuses_the_open_edit_page_and_loses_nothing(ds, cclient):
    pk = ds.shelling.pk
    url, mine = change_form_data(cclient, ds.shelling)  # "cura" opens the event
    # Meanwhile a script, in its own transaction, adds an actor and changes another's role:
    # the event's own fields are untouched.
    with transaction.atomic():
        EventActor.objects.create(event_id=pk, actor=ds.kh, role="actor2")
        isis = EventActor.objects.get(event_id=pk, actor=ds.isis)
        isis.role = "associated"
        isis.save()
    assert curation.event_version(pk) != mine["version"]

    mine.update(headline="IS shells Tikrit again", fatalities=4)
    r = cclient.post(url, mine)
    assert r.status_code == 200  # refused: the form again
    event = Event.objects.get(pk=pk)
    assert (event.headline, event.fatalities) == ("Islamic State shells Tikrit", 3)
    form = r.context["adminform"].form
    [error] = form.non_field_errors()
    assert error.startswith(f"Not saved: Event #{pk} was changed since you opened it, by an ")
    assert (
        "(actors: +Kataib Hezbollah (Actor 2), Islamic State: Actor 1 → Associated actor)" in error
    )
    assert form["headline"].value() == "IS shells Tikrit again"  # what she typed, kept
    # Having read that, she saves again as it stands: it goes through; the actor the script
    # added stays, and the role in her form is written over the script's, as for a field.
    r = cclient.post(url, {**mine, "version": form["version"].value()})
    assert r.status_code == 302, r.context and r.context["adminform"].form.errors
    event = Event.objects.get(pk=pk)
    assert (event.headline, event.fatalities) == ("IS shells Tikrit again", 4)
    assert dict(event.event_actors.values_list("actor__name", "role")) == {
        "Kataib Hezbollah": "actor2",
        "Islamic State": "actor1",
    }


def test_a_bulk_action_on_a_list_shown_before_an_excerpt_was_added_is_refused(ds, cclient):
    seen = listed_versions(cclient)  # the candidates, at their versions
    curator = make_curator("bea")
    with transaction.atomic():
        copy = Excerpt(
            event=ds.shelling,
            article=ds.a2,
            start=0,
            end=10,
            quote=ds.a2.body[:10],
        )
        copy._history_user = curator
        copy.save()
    r = run_action(cclient, "verify_action", [ds.battle_dup, ds.shelling], seen)
    [message] = page_messages(r)
    assert message.startswith(
        f"Nothing verified: Event #{ds.shelling.pk} was changed since you opened it, by bea at "
    )
    assert "(excerpts: +1)" in message
    assert Event.objects.get(pk=ds.shelling.pk).status == EventStatus.CANDIDATE


def test_an_import_adding_an_actor_to_an_event_we_have_changes_its_version(ds, cclient):
    pk = ds.battle.pk
    url, mine = change_form_data(cclient, ds.battle)
    objects = json.loads(everything())
    objects.append(
        {
            "model": "timeline.eventactor",
            "pk": 99999,
            "fields": {"event": pk, "actor": ds.pmf.pk, "role": "associated"},
        }
    )
    importer = make_curator("imp")
    report = dataset_import(data=json.dumps(objects), user=importer, source_name="other.json")
    assert report.added["eventactor"] == 1
    last = history(ds.battle)[-1]
    assert last.history_user == importer
    assert last.history_change_reason == (
        "Imported from other.json: actors: +Popular Mobilization Forces (Associated actor)"
    )
    r = cclient.post(url, {**mine, "fatalities": 13})
    assert r.status_code == 200
    assert "by imp at " in r.context["adminform"].form.non_field_errors()[0]
    assert Event.objects.get(pk=pk).fatalities == 12
    # Importing the same file again adds nothing and changes no version.
    version = curation.event_version(pk)
    dataset_import(data=json.dumps(objects), user=importer, source_name="other.json")
    assert curation.event_version(pk) == version


def test_deleting_an_article_changes_the_versions_of_the_events_that_quoted_it(ds):
    versions = {e.pk: curation.event_version(e.pk) for e in (ds.battle_dup, ds.protest)}
    untouched = curation.event_version(ds.battle.pk)
    with transaction.atomic():
        ds.a2.delete()  # cascades to its excerpts
    for pk, version in versions.items():
        assert curation.event_version(pk) != version
        assert Event.history.get(history_id=curation.event_version(pk)).history_change_reason == (
            "excerpts: −1"
        )
    assert curation.event_version(ds.battle.pk) == untouched


def test_one_record_per_event_and_transaction_however_many_rows_change(ds):
    before = len(history(ds.battle))
    with transaction.atomic():
        EventActor.objects.create(event=ds.battle, actor=ds.pmf, role="associated")
        EventActor.objects.filter(event=ds.battle, actor=ds.isis).delete()
        Excerpt.objects.create(event=ds.battle, article=ds.a2, start=0, end=5, quote=ds.a2.body[:5])
        Excerpt.objects.create(
            event=ds.battle, article=ds.a2, start=5, end=9, quote=ds.a2.body[5:9]
        )
    records = history(ds.battle)
    assert len(records) == before + 1
    assert records[-1].history_type == "~"
    assert records[-1].history_change_reason == (
        "actors: +Popular Mobilization Forces (Associated actor), −Islamic State; excerpts: +2"
    )
    # The next transaction is a change of its own.
    with transaction.atomic():
        EventActor.objects.filter(event=ds.battle, actor=ds.pmf).delete()
    assert len(history(ds.battle)) == before + 2


def test_a_row_saved_unchanged_changes_nothing(ds):
    version = curation.event_version(ds.battle.pk)
    with transaction.atomic():
        for row in [*ds.battle.event_actors.all(), *ds.battle.excerpts.all()]:
            row.save()
    assert curation.event_version(ds.battle.pk) == version


def test_an_event_created_or_deleted_in_the_transaction_gets_no_record_of_its_rows(ds):
    with transaction.atomic():
        event = Event.objects.create(headline="New", event_type="battles")
        EventActor.objects.create(event=event, actor=ds.kh, role="actor1")
        Excerpt.objects.create(event=event, article=ds.a1, start=0, end=5, quote=ds.a1.body[:5])
    assert [r.history_type for r in history(event)] == ["+"]
    pk = event.pk
    with transaction.atomic():
        event.delete()
    assert list(Event.history.filter(id=pk).values_list("history_type", flat=True)) == ["-", "+"]


def test_a_rolled_back_change_leaves_no_record_and_the_next_one_is_recorded(ds):
    before = len(history(ds.battle))
    with transaction.atomic():
        with pytest.raises(RuntimeError), transaction.atomic():
            EventActor.objects.create(event=ds.battle, actor=ds.pmf, role="associated")
            raise RuntimeError("rolled back")
        assert len(history(ds.battle)) == before
        # Same outer transaction, after the rollback: recorded, not taken for the lost one.
        EventActor.objects.filter(event=ds.battle, actor=ds.isis).delete()
    records = history(ds.battle)
    assert len(records) == before + 1
    assert records[-1].history_change_reason == "actors: −Islamic State"


def test_a_row_moved_to_another_event_changes_both(ds):
    versions = {e.pk: curation.event_version(e.pk) for e in (ds.battle, ds.battle_dup)}
    with transaction.atomic():
        row = EventActor.objects.get(event=ds.battle_dup, actor=ds.pmf)
        row.event = ds.battle
        row.save()
    for pk, version in versions.items():
        assert curation.event_version(pk) != version
    assert history(ds.battle_dup)[-1].history_change_reason == (
        "actors: −Popular Mobilization Forces"
    )


def test_ingests_own_record_of_a_row_change_is_not_a_persons_touch(ds):
    """Ingest refreshes candidates nobody but ingest changed: its own records of their
    excerpts and actors begin with its reason, and do not count as a person's change."""
    with transaction.atomic():
        row = Excerpt(event=ds.shelling, article=ds.a2, start=0, end=5, quote=ds.a2.body[:5])
        row._change_reason = INGEST_REASON
        row.save()
    assert history(ds.shelling)[-1].history_change_reason == "ingest: excerpts: +1"
    assert not _touched_by_person(ds.shelling)
    with transaction.atomic():
        EventActor.objects.create(event=ds.shelling, actor=ds.kh, role="actor2")
    assert _touched_by_person(ds.shelling)


def test_the_recorded_user_is_the_one_of_the_request_in_the_admin(ds, cclient, curator):
    """The event's own page: its inline rows' record names the curator who saved."""
    url, data = change_form_data(cclient, ds.shelling)
    n = int(data["event_actors-TOTAL_FORMS"])
    data.update(
        {
            "event_actors-TOTAL_FORMS": n + 1,
            f"event_actors-{n}-actor": ds.pmf.pk,
            f"event_actors-{n}-role": "actor2",
            f"event_actors-{n}-event": ds.shelling.pk,
        }
    )
    assert cclient.post(url, data).status_code == 302
    last = history(ds.shelling)[-1]
    assert last.history_user == curator
    assert last.history_change_reason == "actors: +Popular Mobilization Forces (Actor 2)"
