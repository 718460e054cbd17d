"""A curator proposes an event the extractor missed from a sentence it passed over: the
article's list, the proposal as a candidate with its words, and every refusal writing nothing."""

from __future__ import annotations

from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.urls import reverse

from tests.factories import sha
from timeline.models import Actor, Article, Event, EventActor, Excerpt, Place
from timeline.selectors_curation import article_passed_over
from timeline.services import curation

pytestmark = pytest.mark.django_db

ATTACK = (
    "On Tuesday, Kataib Hezbollah fighters attacked an Islamic State position near Baiji, "
    "killing 12 militants."
)
PHOTOGRAPHED = (
    "On March 3, Qassem Soleimani was photographed with Kataib Hezbollah commanders near Tikrit."
)
BODY = f"Militia news\n\n{ATTACK}\n\n{PHOTOGRAPHED} Kataib Hezbollah has long been close to Iran.\n"


@pytest.fixture
def article(db) -> Article:
    return Article.objects.create(
        title="Militia news",
        body=BODY,
        published=date(2015, 3, 6),
        published_basis="stated",
        content_hash=sha(BODY),
    )


def _span(quote: str) -> tuple[int, int]:
    start = BODY.index(quote)
    return start, start + len(quote)


def _rows() -> tuple[int, int, int, int, int]:
    return (
        Event.objects.count(),
        Excerpt.objects.count(),
        EventActor.objects.count(),
        Actor.objects.count(),
        Place.objects.count(),
    )


def test_the_list_holds_the_sentences_no_event_quotes(article, ds):
    assert [p.evidence.quote for p in article_passed_over(article)] == [ATTACK, PHOTOGRAPHED]
    # an event quoting some words of a sentence (here the attack) takes it off the list
    start, end = _span(ATTACK)
    Excerpt.objects.create(
        event=ds.noise, article=article, start=start, end=end - 10, quote=BODY[start : end - 10]
    )
    assert [p.evidence.quote for p in article_passed_over(article)] == [PHOTOGRAPHED]


def test_a_proposal_is_a_candidate_quoting_the_sentence(article, curator):
    start, end = _span(PHOTOGRAPHED)
    event = curation.event_propose_from_sentence(
        article=article, start=start, end=end, event_type="strategic_developments", user=curator
    )
    event.refresh_from_db()
    assert event.status == "candidate" and event.fingerprint is None
    assert event.event_type == "strategic_developments"
    assert event.headline.startswith("Qassem Soleimani was photographed")
    assert (event.date_start, event.date_end, event.date_precision, event.date_text) == (
        date(2015, 3, 3),
        date(2015, 3, 3),
        "day",
        "March 3",
    )
    assert (event.place.name, event.place.country, event.place_precision) == (
        "Tikrit",
        "Iraq",
        "near",
    )
    (excerpt,) = event.excerpts.all()
    assert (excerpt.article_id, excerpt.start, excerpt.end, excerpt.quote) == (
        article.pk,
        start,
        end,
        PHOTOGRAPHED,
    )
    assert sorted((ea.actor.name, ea.role) for ea in event.event_actors.all()) == [
        ("Kataib Hezbollah", "mentioned"),
        ("Qassem Soleimani", "mentioned"),
    ]
    record = event.history.earliest()
    assert (record.history_user, record.history_change_reason) == (
        curator,
        curation.PROPOSED_REASON,
    )
    # the sentence is quoted now: off the list
    assert [p.evidence.quote for p in article_passed_over(article)] == [ATTACK]


def test_a_second_proposal_of_the_sentence_is_refused_naming_the_first(article, curator):
    start, end = _span(PHOTOGRAPHED)
    first = curation.event_propose_from_sentence(
        article=article, start=start, end=end, event_type="battles", user=curator
    )
    before = _rows()
    with pytest.raises(curation.CurationError, match=f"Event #{first.pk} already quotes"):
        curation.event_propose_from_sentence(
            article=article, start=start, end=end, event_type="battles", user=curator
        )
    assert _rows() == before


@pytest.mark.parametrize(
    ("shift", "event_type", "message"),
    [
        (0, "skirmish", "Choose the event's type"),
        (0, "", "Choose the event's type"),
        (1, "battles", "not one of this article's passed-over sentences"),  # not a sentence
    ],
)
def test_a_bad_proposal_writes_nothing(article, curator, shift, event_type, message):
    start, end = _span(PHOTOGRAPHED)
    before = _rows()
    with pytest.raises(curation.CurationError, match=message):
        curation.event_propose_from_sentence(
            article=article, start=start + shift, end=end, event_type=event_type, user=curator
        )
    assert _rows() == before


def test_the_article_page_links_to_the_list_and_the_list_proposes(article, client, curator):
    client.force_login(curator)
    page = client.get(reverse("admin:timeline_article_change", args=[article.pk])).content
    url = reverse("admin:timeline_article_passed_over", args=[article.pk])
    assert url.encode() in page

    r = client.get(url)
    assert r.status_code == 200
    assert PHOTOGRAPHED.encode() in r.content and b"Propose candidate" in r.content
    assert b"Qassem Soleimani, Kataib Hezbollah" in r.content
    assert b"Tikrit, Iraq" in r.content and b"(near the place)" in r.content

    start, end = _span(PHOTOGRAPHED)
    # without a type: a message, back to the list, nothing written
    before = _rows()
    r = client.post(url, {"start": start, "end": end, "event_type": ""}, follow=True)
    assert b"Choose the event&#x27;s type" in r.content
    assert _rows() == before

    r = client.post(url, {"start": start, "end": end, "event_type": "battles"})
    event = Event.objects.get(excerpts__quote=PHOTOGRAPHED)
    assert r.status_code == 302
    assert r["Location"] == reverse("admin:timeline_event_change", args=[event.pk])
    # the same sentence again (a second tab, a double click): refused, named, nothing written
    before = _rows()
    r = client.post(url, {"start": start, "end": end, "event_type": "battles"}, follow=True)
    assert f"Event #{event.pk} already quotes this sentence".encode() in r.content
    assert _rows() == before


def test_the_list_needs_the_admin_and_proposing_needs_add_event(article, client):
    url = reverse("admin:timeline_article_passed_over", args=[article.pk])
    r = client.get(url)
    assert r.status_code == 302 and r["Location"].startswith(reverse("admin:login"))
    # staff who may view articles but not add events: the list without buttons, a POST refused
    reader = get_user_model().objects.create_user("reader", password="pw-Reader-123", is_staff=True)
    reader.user_permissions.add(Permission.objects.get(codename="view_article"))
    client.force_login(reader)
    r = client.get(url)
    assert r.status_code == 200 and b"Propose candidate" not in r.content
    start, end = _span(PHOTOGRAPHED)
    before = _rows()
    r = client.post(url, {"start": start, "end": end, "event_type": "battles"})
    assert r.status_code == 403
    assert _rows() == before


def test_an_articles_review_queue_links_to_what_was_passed_over(article, ds, client, curator):
    client.force_login(curator)
    queue = reverse("admin:timeline_event_review")
    url = reverse("admin:timeline_article_passed_over", args=[article.pk])
    assert url.encode() in client.get(queue, {"article": article.pk}).content
    assert b"passed-over" not in client.get(queue).content  # all articles: no one article's
    # an article that does not exist, or not a number: the queue, without the link
    for bad in ["999999", "abc"]:
        r = client.get(queue, {"article": bad})
        assert r.status_code == 200 and b"passed-over" not in r.content
