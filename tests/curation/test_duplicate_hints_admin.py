"""Likely duplicates on the event's change page and in the event list, one click from the merge
page: the review queue's hints (``selectors_curation.event_possible_duplicates``) wherever a
curator looks at an event, both ways (an earlier event names the later one and back), for
candidates and verified events, never for rejected ones; read once per list page."""

from __future__ import annotations

from datetime import timedelta
from html.parser import HTMLParser

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.curation.test_possible_duplicates import D1, make_event
from timeline.models import Event, EventStatus
from timeline.services import curation

pytestmark = pytest.mark.django_db

LIST = "admin:timeline_event_changelist"


def change_url(event: Event) -> str:
    return reverse("admin:timeline_event_change", args=[event.pk])


class Forms(HTMLParser):
    """The page's forms: for each, its id, its hidden inputs, and the forms it sits in."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[dict] = []
        self.forms: list[dict] = []
        self.buttons: list[dict] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            form = {"id": a.get("id"), "action": a.get("action"), "inputs": [], "inside": [
                f["id"] for f in self.stack]}  # fmt: skip
            self.stack.append(form)
            self.forms.append(form)
        elif tag == "input" and self.stack:
            self.stack[-1]["inputs"].append((a.get("name"), a.get("value")))
        elif tag == "button":
            self.buttons.append({**a, "in": self.stack[-1]["id"] if self.stack else None})

    def handle_endtag(self, tag):
        if tag == "form" and self.stack:
            self.stack.pop()


def forms_of(html: str) -> Forms:
    parser = Forms()
    parser.feed(html)
    return parser


def merge_form(page: Forms, source: Event, other: Event) -> dict:
    (form,) = [f for f in page.forms if f["id"] == f"ct-merge-{source.pk}-{other.pk}"]
    return form


# --- the change page -----------------------------------------------------------------------


def test_a_candidates_change_page_names_the_verified_event_with_a_merge_button(ds, cclient):
    r = cclient.get(change_url(ds.battle_dup))
    assert r.status_code == 200
    html = r.content.decode()
    b = ds.battle.pk
    assert "Possibly the same as:" in html
    assert f'<a href="{change_url(ds.battle)}">#{b} ‘{ds.battle.headline}’</a>' in html
    assert "(verified, 1 Sep 2015, Baiji)" in html
    page = forms_of(html)
    form = merge_form(page, ds.battle_dup, ds.battle)
    # Not inside the change form, which a nested form would break.
    assert form["inside"] == [] and form["action"] == reverse(LIST)
    assert set(form["inputs"]) >= {
        ("action", "merge_action"),
        (ACTION_CHECKBOX_NAME, str(ds.battle_dup.pk)),
        (ACTION_CHECKBOX_NAME, str(b)),
        ("target", str(b)),
        ("next", change_url(ds.battle_dup)),
    }
    assert (
        any(btn["in"] == form["id"] for btn in page.buttons) and f"Merge into #{b}</button>" in html
    )


def test_a_verified_events_page_names_the_later_candidate_and_proposes_keeping_itself(ds, cclient):
    """The other way round: the earlier, verified event names the candidate ingested later,
    and its button proposes keeping the verified event."""
    html = cclient.get(change_url(ds.battle)).content.decode()
    assert f"#{ds.battle_dup.pk} ‘{ds.battle_dup.headline}’" in html
    form = merge_form(forms_of(html), ds.battle, ds.battle_dup)
    assert ("target", str(ds.battle.pk)) in form["inputs"]
    assert f"Merge #{ds.battle_dup.pk} into #{ds.battle.pk}</button>" in html


def test_no_hints_for_a_rejected_event_nor_of_one_nor_without_a_match(ds, cclient):
    copy = make_event(ds, place=ds.baiji, status=EventStatus.REJECTED, headline="Old copy")
    html = cclient.get(change_url(copy)).content.decode()
    assert "Possibly the same as" not in html and "ct-merge-" not in html
    # Nor is the rejected copy proposed on the live events' pages.
    html = cclient.get(change_url(ds.battle_dup)).content.decode()
    assert "Old copy" not in html
    assert "Possibly the same as" not in cclient.get(change_url(ds.shelling)).content.decode()


def test_the_change_page_reads_hints_in_a_few_queries(ds, cclient):
    def queries(event) -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert cclient.get(change_url(event)).status_code == 200
        return len(ctx.captured_queries)

    few = queries(ds.battle_dup)
    for i in range(6):
        make_event(ds, start=D1, place=ds.baiji, headline=f"More {i}")
    assert queries(ds.battle_dup) == few


def test_merge_from_the_change_page_lands_on_the_kept_event(ds, cclient):
    clicked = dict(merge_form(forms_of(cclient.get(change_url(ds.battle_dup)).content.decode()),
                              ds.battle_dup, ds.battle)["inputs"])  # fmt: skip
    clicked[ACTION_CHECKBOX_NAME] = [ds.battle_dup.pk, ds.battle.pk]
    r = cclient.post(reverse(LIST), clicked)
    assert r.templates[0].name == "admin/timeline/event/merge.html"
    assert r.context["best"] == ds.battle and r.context["back"] == change_url(ds.battle_dup)
    versions = {f"_version_{e.pk}": e.list_version for e in r.context["events"]}
    r = cclient.post(reverse(LIST), {**clicked, **versions, "apply": "1"})
    # The page it started from shows an event merged away: the kept one's page instead.
    assert r.status_code == 302 and r["Location"] == change_url(ds.battle)
    ds.battle_dup.refresh_from_db()
    assert ds.battle_dup.status == EventStatus.REJECTED
    assert "Possibly the same as" not in cclient.get(change_url(ds.battle)).content.decode()


def test_a_merge_goes_back_only_to_the_event_admins_own_pages(ds, cclient):
    listing = reverse(LIST) + "?status__exact=candidate&o=2"
    base = {"action": "merge_action", ACTION_CHECKBOX_NAME: [ds.battle_dup.pk, ds.battle.pk],
            "target": ds.battle.pk}  # fmt: skip
    for nxt, back in [
        (listing, listing),
        ("https://evil.example/admin/timeline/event/", ""),
        ("//evil.example/admin/timeline/event/", ""),
        ("/admin/auth/user/", ""),
    ]:
        r = cclient.post(reverse(LIST), {**base, "next": nxt})
        assert r.context["back"] == back, nxt
    r = cclient.post(reverse(LIST), {**base, "next": listing})
    versions = {f"_version_{e.pk}": e.list_version for e in r.context["events"]}
    r = cclient.post(reverse(LIST), {**base, **versions, "next": listing, "apply": "1"})
    assert r.status_code == 302 and r["Location"] == listing


def test_a_stale_merge_from_the_change_page_is_refused(ds, cclient):
    clicked = {"action": "merge_action", ACTION_CHECKBOX_NAME: [ds.battle_dup.pk, ds.battle.pk],
               "target": ds.battle.pk, "next": change_url(ds.battle_dup)}  # fmt: skip
    r = cclient.post(reverse(LIST), clicked)
    versions = {f"_version_{e.pk}": e.list_version for e in r.context["events"]}
    curation.event_review(event=ds.battle_dup, changes={"fatalities": 3}, version=None)
    r = cclient.post(reverse(LIST), {**clicked, **versions, "apply": "1"})
    assert r.status_code == 200 and "Nothing merged" in r.content.decode()
    ds.battle_dup.refresh_from_db()
    assert ds.battle_dup.status == EventStatus.CANDIDATE


# --- the event list ------------------------------------------------------------------------


def test_the_list_shows_each_rows_duplicates_with_buttons_outside_the_list_form(ds, cclient):
    url = reverse(LIST) + "?o=1"
    html = cclient.get(url).content.decode()
    page = forms_of(html)
    for source, other, target in [
        (ds.battle_dup, ds.battle, ds.battle),
        (ds.battle, ds.battle_dup, ds.battle),
    ]:
        form = merge_form(page, source, other)
        assert form["inside"] == []
        assert ("target", str(target.pk)) in form["inputs"]
        assert ("next", url) in form["inputs"]
        # Its button sits in the list's row (inside the list's form) and names it.
        (button,) = [b for b in page.buttons if b.get("form") == form["id"]]
        assert button["in"] == "changelist-form"
    assert (
        f'title="‘{ds.battle.headline}’ (verified, 1 Sep 2015, Baiji)">#{ds.battle.pk}</a>' in html
    )
    # Events with no likely duplicate, and the rejected one, have none.
    assert not [f for f in page.forms if (f["id"] or "").startswith(f"ct-merge-{ds.shelling.pk}-")]
    assert not [f for f in page.forms if (f["id"] or "").startswith(f"ct-merge-{ds.noise.pk}-")]


def test_the_list_reads_duplicates_for_the_page_in_a_fixed_number_of_queries(ds, cclient):
    url = reverse(LIST)

    def queries() -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert cclient.get(url).status_code == 200
        return len(ctx.captured_queries)

    few = queries()
    for i in range(12):
        make_event(ds, start=D1 + timedelta(days=i % 3), place=ds.baiji,
                   actors=[(ds.kh, "actor1")], headline=f"Row {i}")  # fmt: skip
    html = cclient.get(url).content.decode()
    assert html.count('class="ct-merge-button"') > 24  # most rows have several
    assert queries() == few


def test_merge_from_the_list_returns_to_the_list_with_its_filters(ds, cclient):
    url = reverse(LIST) + "?status__exact=candidate"
    form = merge_form(forms_of(cclient.get(url).content.decode()), ds.battle_dup, ds.battle)
    clicked = dict(form["inputs"])
    clicked[ACTION_CHECKBOX_NAME] = [ds.battle_dup.pk, ds.battle.pk]
    r = cclient.post(reverse(LIST), clicked)
    versions = {f"_version_{e.pk}": e.list_version for e in r.context["events"]}
    r = cclient.post(reverse(LIST), {**clicked, **versions, "apply": "1"})
    assert r.status_code == 302 and r["Location"] == url
    ds.battle_dup.refresh_from_db()
    assert ds.battle_dup.status == EventStatus.REJECTED
