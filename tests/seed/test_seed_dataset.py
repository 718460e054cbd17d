"""The shipped curated dataset (fixtures/seed.json) and the review it was built from."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest
from django.core.management import call_command

from timeline.models import (
    Article,
    DatePrecision,
    Event,
    EventStatus,
    EventType,
    Excerpt,
)

from .conftest import SEED

UNDATED_FILES = {"000_c8be2e90619c8e37.txt", "002_4fb60a34412dd3ff.txt", "003_3219142a976eee58.txt"}
EVENT_PRECISIONS = {"day", "week", "month", "year"}


def _in_order(body: str, text: str) -> bool:
    """Whether every line of ``body`` is a line of ``text``, in the same order.

    The body keeps the file's characters exactly, with boilerplate lines (captions, share
    widgets) taken out only, so it is the file's text with some lines missing.
    """
    pos = 0
    for line in body.split("\n"):
        if not line:
            continue
        i = text.find(line, pos)
        if i == -1:
            return False
        pos = i + len(line)
    return True


def test_every_excerpt_equals_the_slice_of_its_article(seed_by_model):
    articles = seed_by_model["timeline.article"]
    excerpts = seed_by_model["timeline.excerpt"]
    assert excerpts
    for pk, x in excerpts.items():
        body = articles[x["article"]]["body"]
        assert 0 <= x["start"] < x["end"] <= len(body), pk
        assert body[x["start"] : x["end"]] == x["quote"], pk


def test_every_verified_event_is_dated_typed_placed_and_quoted(seed_by_model):
    events = seed_by_model["timeline.event"]
    quoted = Counter(x["event"] for x in seed_by_model["timeline.excerpt"].values())
    verified = {pk: e for pk, e in events.items() if e["status"] == EventStatus.VERIFIED}
    assert verified
    for pk, e in verified.items():
        assert e["date_start"] and e["date_end"], pk
        assert date.fromisoformat(e["date_start"]) <= date.fromisoformat(e["date_end"]), pk
        assert e["date_precision"] in EVENT_PRECISIONS, pk
        assert e["date_text"], pk
        assert e["event_type"] in EventType.values, pk
        assert e["place"] is not None and e["place_precision"] != "unknown", pk
        assert 1 <= e["credibility"] <= 6, pk
        assert quoted[pk] >= 1, pk
    # Only verified and rejected events ship: the curation is complete, and visible.
    assert {e["status"] for e in events.values()} <= {"verified", "rejected"}


def test_all_thirteen_articles_with_their_full_text(seed_by_model, article_files):
    articles = list(seed_by_model["timeline.article"].values())
    keys = sorted((a["origin_file"], a["origin_index"]) for a in articles)
    assert len(keys) == 13 == len(set(keys))
    assert Counter(f for f, _ in keys) == Counter(
        {name: (9 if name.startswith("004") else 1) for name in article_files}
    )
    covered = Counter()
    for a in articles:
        text = article_files[a["origin_file"]]
        assert _in_order(a["body"], text), a["title"]
        # Titles are metadata: a curator may write a no-break space as a plain one.
        assert a["title"] and a["title"] in text.replace("\xa0", " ")
        covered[a["origin_file"]] += len(a["body"])
    # Boilerplate removed only: the bodies hold nearly all of each file's characters.
    for name, text in article_files.items():
        assert covered[name] >= 0.85 * len(text), name


def test_every_review_quote_is_in_its_article(seed_by_model, review, article_files):
    bodies = {
        (a["origin_file"], a["origin_index"]): a["body"]
        for a in seed_by_model["timeline.article"].values()
    }
    quotes = [x for e in review["events"] for x in e["excerpts"]] + review.get("excluded", [])
    assert quotes
    for x in quotes:
        assert x["quote"] in article_files[x["file"]], x["quote"][:60]
    for e in review["events"]:
        for x in e["excerpts"]:
            assert x["quote"] in bodies[(x["file"], x["article_index"])], (e["id"], x["quote"][:60])


def test_undated_articles_carry_an_inferred_or_curator_date_with_reason(seed_by_model):
    for a in seed_by_model["timeline.article"].values():
        assert a["published"], a["title"]
        assert a["published_reason"].strip(), a["title"]
        if a["origin_file"] in UNDATED_FILES:
            assert a["published_basis"] in {"inferred", "curator"}, a["title"]
        else:
            assert a["published_basis"] == "stated", a["title"]


def test_the_dataset_is_the_review(seed_by_model, review):
    verified = [e for e in seed_by_model["timeline.event"].values() if e["status"] == "verified"]
    assert Counter(e["headline"] for e in verified) == Counter(
        e["headline"] for e in review["events"]
    )
    by_headline = {e["headline"]: e for e in review["events"]}
    places = seed_by_model["timeline.place"]
    for e in verified:
        want = by_headline[e["headline"]]
        assert (e["date_start"], e["date_end"], e["event_type"]) == (
            want["date_start"],
            want["date_end"],
            want["event_type"],
        )
        assert places[e["place"]]["name"] == want["place"]
        assert places[e["place"]]["latitude"] is not None


def test_report_counts_agree_with_the_dataset(seed_by_model, report):
    c = report["counts"]
    statuses = Counter(e["status"] for e in seed_by_model["timeline.event"].values())
    assert c["kept"] + c["fixed"] + c["added"] == statuses["verified"]
    assert c["rejected"] + c["merged"] == statuses["rejected"]
    assert c["kept"] + c["fixed"] + c["rejected"] + c["merged"] == c["candidates"]


def test_review_uses_acled_types_and_known_precisions(review):
    assert len(review["events"]) >= 40
    for e in review["events"]:
        assert e["event_type"] in EventType.values
        assert e["date_precision"] in EVENT_PRECISIONS
        assert e["date_precision"] in DatePrecision.values
        assert e["fatalities"] is None or isinstance(e["fatalities"], int)


@pytest.mark.django_db
def test_loaddata_into_an_empty_database():
    assert not Article.objects.exists()
    call_command("loaddata", str(SEED), verbosity=0)
    assert Article.objects.count() == 13
    assert Event.objects.filter(status=EventStatus.VERIFIED).count() >= 40
    for x in Excerpt.objects.select_related("article"):
        assert x.article.body[x.start : x.end] == x.quote
    for e in Event.objects.filter(status=EventStatus.VERIFIED).select_related("place"):
        assert e.excerpts.exists() and e.place is not None
