"""Verify, reject, edit, merge, revert, delete and restore — through the admin, as a curator."""

from __future__ import annotations

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.urls import reverse

from timeline.models import Event, EventActor, EventStatus, Excerpt

pytestmark = pytest.mark.django_db


def review_post(client, event, decision, **fields):
    data = {
        "decision": decision,
        "next": reverse("admin:timeline_event_review"),
    }
    initial = {
        "headline": event.headline,
        "date_start": event.date_start.isoformat() if event.date_start else "",
        "date_end": event.date_end.isoformat() if event.date_end else "",
        "date_precision": event.date_precision,
        "date_text": event.date_text,
        "event_type": event.event_type,
        "place": event.place_id or "",
        "place_precision": event.place_precision,
        "fatalities": "" if event.fatalities is None else event.fatalities,
        "credibility": event.credibility,
    }
    initial.update(fields)
    data.update({f"e{event.pk}-{k}": v for k, v in initial.items()})
    return client.post(reverse("admin:timeline_event_decide", args=[event.pk]), data)


def test_verify_with_edits_in_one_step(ds, cclient, curator):
    r = review_post(cclient, ds.shelling, "verify", headline="IS shells Tikrit", fatalities=4)
    assert r.status_code == 302 and r["Location"] == reverse("admin:timeline_event_review")
    ds.shelling.refresh_from_db()
    assert ds.shelling.status == EventStatus.VERIFIED
    assert (ds.shelling.headline, ds.shelling.fatalities) == ("IS shells Tikrit", 4)
    last = ds.shelling.history.first()
    assert last.history_user == curator
    assert "headline" in last.history_change_reason and "status" in last.history_change_reason
    # The explorer's reader now sees it.
    from timeline import selectors

    assert ds.shelling in selectors.event_list(params={})


def test_save_keeps_candidate_and_invalid_edit_changes_nothing(ds, cclient):
    r = review_post(cclient, ds.shelling, "save", date_text="the following day")
    ds.shelling.refresh_from_db()
    assert ds.shelling.status == EventStatus.CANDIDATE
    assert ds.shelling.date_text == "the following day"
    before = ds.shelling.history.count()
    r = review_post(cclient, ds.shelling, "verify", date_end="2015-08-01")  # before the start
    assert r.status_code == 302
    ds.shelling.refresh_from_db()
    assert ds.shelling.status == EventStatus.CANDIDATE
    assert str(ds.shelling.date_end) == "2015-09-02"
    assert ds.shelling.history.count() == before
    messages = [str(m) for m in r.wsgi_request._messages]
    assert any("not saved" in m for m in messages)


def test_reject_from_the_queue(ds, cclient):
    review_post(cclient, ds.battle_dup, "reject")
    ds.battle_dup.refresh_from_db()
    assert ds.battle_dup.status == EventStatus.REJECTED
    r = cclient.get(reverse("admin:timeline_event_review"))
    assert [c["event"].pk for c in r.context["cards"]] == [ds.shelling.pk]


def change_form_data(client, event) -> tuple[str, dict]:
    """The event's change form as the browser would post it back, inlines included."""
    url = reverse("admin:timeline_event_change", args=[event.pk])
    page = client.get(url)
    form = page.context["adminform"].form
    data = {k: ("" if v is None else v) for k, v in form.initial.items() if k in form.fields}
    for name in ("date_start", "date_end"):
        data[name] = data[name].isoformat() if data[name] else ""
    for fs in page.context["inline_admin_formsets"]:
        mgmt = fs.formset.management_form
        for name, field in mgmt.fields.items():
            data[f"{fs.formset.prefix}-{name}"] = mgmt.initial.get(name, field.initial)
        for i, f in enumerate(fs.formset.forms):
            for name in f.fields:
                value = f.initial.get(name)
                data[f"{fs.formset.prefix}-{i}-{name}"] = "" if value is None else value
            data[f"{fs.formset.prefix}-{i}-id"] = f.instance.pk
            data[f"{fs.formset.prefix}-{i}-event"] = event.pk
    return url, data


def test_save_and_verify_button_on_the_change_form(ds, cclient):
    url, data = change_form_data(cclient, ds.shelling)
    assert 'name="_verify"' in cclient.get(url).content.decode()
    data["_verify"] = "Save and verify"
    r = cclient.post(url, data)
    assert r.status_code == 302, r.context and r.context["adminform"].form.errors
    ds.shelling.refresh_from_db()
    assert ds.shelling.status == EventStatus.VERIFIED


def test_add_an_excerpt_and_an_actor_in_the_change_form(ds, cclient, curator):
    """A curator adds what the extractor missed: a second source (the quote filled from the
    article by its offsets) and an actor."""
    url, data = change_form_data(cclient, ds.shelling)
    quote = "Officials said three civilians died."
    start = ds.a1.body.index(quote)
    n_ex = int(data["excerpts-TOTAL_FORMS"])
    data.update(
        {
            "excerpts-TOTAL_FORMS": n_ex + 1,
            f"excerpts-{n_ex}-article": ds.a1.pk,
            f"excerpts-{n_ex}-start": start,
            f"excerpts-{n_ex}-end": start + len(quote),
            f"excerpts-{n_ex}-quote": "",
            f"excerpts-{n_ex}-event": ds.shelling.pk,
        }
    )
    n_ac = int(data["event_actors-TOTAL_FORMS"])
    data.update(
        {
            "event_actors-TOTAL_FORMS": n_ac + 1,
            f"event_actors-{n_ac}-actor": ds.pmf.pk,
            f"event_actors-{n_ac}-role": "actor2",
            f"event_actors-{n_ac}-event": ds.shelling.pk,
        }
    )
    r = cclient.post(url, data)
    assert r.status_code == 302, r.context and [
        fs.formset.errors for fs in r.context["inline_admin_formsets"]
    ]
    ex = ds.shelling.excerpts.get(start=start)
    assert ex.quote == quote
    assert ex.history.first().history_user == curator
    assert ds.shelling.event_actors.get(actor=ds.pmf).role == "actor2"
    # The event's history page shows who added them.
    page = cclient.get(reverse("admin:timeline_event_history", args=[ds.shelling.pk]))
    rows = page.context["related_history"]
    assert {(r["change"], r["user"]) for r in rows[:2]} == {
        ("actor added", curator),
        ("excerpt added", curator),
    }
    assert "Popular Mobilization Forces (actor2)" in page.content.decode()


def test_excerpt_offsets_outside_the_article_refused(ds, cclient):
    url, data = change_form_data(cclient, ds.shelling)
    n_ex = int(data["excerpts-TOTAL_FORMS"])
    data.update(
        {
            "excerpts-TOTAL_FORMS": n_ex + 1,
            f"excerpts-{n_ex}-article": ds.a1.pk,
            f"excerpts-{n_ex}-start": 10,
            f"excerpts-{n_ex}-end": 10**6,
            f"excerpts-{n_ex}-quote": "",
        }
    )
    r = cclient.post(url, data)
    assert r.status_code == 200  # the form again, with the error
    assert "Offsets must satisfy" in r.content.decode()
    assert ds.shelling.excerpts.count() == 1


def action(client, name, events, **extra):
    data = {"action": name, ACTION_CHECKBOX_NAME: [e.pk for e in events], **extra}
    return client.post(reverse("admin:timeline_event_changelist"), data)


def test_bulk_verify_and_reject(ds, cclient, curator):
    action(cclient, "verify_action", [ds.battle_dup, ds.shelling])
    assert set(Event.objects.filter(status="verified").values_list("pk", flat=True)) >= {
        ds.battle_dup.pk,
        ds.shelling.pk,
    }
    action(cclient, "reject_action", [ds.battle_dup])
    ds.battle_dup.refresh_from_db()
    assert ds.battle_dup.status == EventStatus.REJECTED
    assert ds.battle_dup.history.first().history_user == curator


def test_merge_keeps_every_excerpt_and_actor(ds, cclient, curator):
    r = action(cclient, "merge_action", [ds.battle, ds.battle_dup])
    assert r.status_code == 200  # the confirmation page
    assert r.context["best"] == ds.battle  # the verified one is proposed as the survivor
    r = action(cclient, "merge_action", [ds.battle, ds.battle_dup], apply="1", target=ds.battle.pk)
    assert r.status_code == 302
    ds.battle.refresh_from_db()
    ds.battle_dup.refresh_from_db()
    quotes = set(ds.battle.excerpts.values_list("article__title", flat=True))
    assert quotes == {"Militias push on Baiji", "Baiji battle report"}
    roles = dict(ds.battle.event_actors.values_list("actor__name", "role"))
    assert roles == {
        "Kataib Hezbollah": "actor1",
        "Islamic State": "actor2",  # actor2 beats the duplicate's "mentioned"
        "Popular Mobilization Forces": "associated",
    }
    assert ds.battle_dup.status == EventStatus.REJECTED
    assert f"Merged into event #{ds.battle.pk}" in ds.battle_dup.notes
    assert ds.battle_dup.excerpts.count() == 1  # its own evidence stays with it
    assert ds.battle.history.first().history_user == curator
    assert "Merged with" in ds.battle.history.first().history_change_reason
    # Two sources now: the list says so.
    r = cclient.get(reverse("admin:timeline_event_changelist"), {"q": "Kataib Hezbollah attacks"})
    assert r.context["cl"].result_list[0].n_sources == 2


def test_merge_needs_two(ds, cclient):
    r = action(cclient, "merge_action", [ds.battle])
    assert r.status_code == 302
    assert ds.battle.excerpts.count() == 1


def test_revert_to_an_earlier_version(ds, cclient, curator):
    """simple-history's revert: open an old version, save it back."""
    ds.battle.headline = "A wrong headline"
    ds.battle.fatalities = 99
    ds.battle._history_user = curator
    ds.battle.save()
    old = ds.battle.history.order_by("history_date").first()
    url = reverse("admin:timeline_event_simple_history", args=[ds.battle.pk, old.history_id])
    page = cclient.get(url)
    assert page.status_code == 200
    form = page.context["adminform"].form
    data = {k: ("" if v is None else v) for k, v in form.initial.items() if k in form.fields}
    r = cclient.post(url, data)
    assert r.status_code == 302
    ds.battle.refresh_from_db()
    assert ds.battle.headline == "Kataib Hezbollah attacks Islamic State near Baiji"
    assert ds.battle.fatalities == 12
    assert ds.battle.history.first().history_user == curator
    hist = cclient.get(reverse("admin:timeline_event_history", args=[ds.battle.pk]))
    assert "A wrong headline" in hist.content.decode()  # what changed, shown in the history


def test_delete_then_restore_with_excerpts_and_actors(ds, cclient, curator):
    pk = ds.battle.pk
    r = cclient.post(reverse("admin:timeline_event_delete", args=[pk]), {"post": "yes"})
    assert r.status_code == 302
    assert not Event.objects.filter(pk=pk).exists()
    assert not Excerpt.objects.filter(event_id=pk).exists()
    page = cclient.get(reverse("admin:timeline_event_deleted"))
    assert f"#{pk} Kataib Hezbollah attacks" in page.content.decode()
    # Its history stays readable, including the excerpt and actors the deletion removed.
    hist = cclient.get(reverse("admin:timeline_event_history", args=[pk]))
    assert hist.status_code == 200
    assert {r["change"] for r in hist.context["related_history"]} >= {
        "excerpt removed",
        "actor removed",
    }
    r = cclient.post(reverse("admin:timeline_event_restore", args=[pk]))
    assert r.status_code == 302
    assert r["Location"] == reverse("admin:timeline_event_change", args=[pk])
    event = Event.objects.get(pk=pk)
    assert event.status == EventStatus.VERIFIED and event.fatalities == 12
    assert event.fingerprint == "f" * 64
    assert event.excerpts.get().quote.startswith("On Tuesday, Kataib Hezbollah")
    assert dict(EventActor.objects.filter(event=event).values_list("actor__name", "role")) == {
        "Kataib Hezbollah": "actor1",
        "Islamic State": "actor2",
    }
    assert event.history.first().history_change_reason == "Restored after deletion"
    assert event.history.first().history_user == curator
    # Gone from the deleted list; restoring twice is refused with a message.
    page = cclient.get(reverse("admin:timeline_event_deleted"))
    assert f"#{pk} Kataib" not in page.content.decode()
    r = cclient.post(reverse("admin:timeline_event_restore", args=[pk]), follow=True)
    assert "nothing to restore" in r.content.decode()


def test_restore_is_post_only(ds, cclient):
    assert (
        cclient.get(reverse("admin:timeline_event_restore", args=[ds.battle.pk])).status_code == 403
    )
