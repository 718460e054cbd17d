"""build_seed_fixture: how the review is applied to the extractor's candidates.

The extractor is replaced by a fake (as ingest's own tests do) so each candidate is exactly
what the test needs: one the review keeps, one it fixes, one it rejects, one duplicate it
merges, and a curated event no candidate found.
"""

from __future__ import annotations

import json
from datetime import date
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from timeline.extraction.types import (
    ArticleText,
    CandidateEvent,
    DateRange,
    Evidence,
    PlaceInfo,
)
from timeline.models import Article, Event

from .conftest import REPO

BODY = (
    "Raids in Anbar\n\n"
    "On Tuesday, September 1, militants killed 12 soldiers near Haditha. "
    "The next day fighters regained territory in Baiji. "
    "Analysts expect a long war. "
    "Tribal leaders met in Ramadi on Thursday."
)
HADITHA = "On Tuesday, September 1, militants killed 12 soldiers near Haditha."
BAIJI = "The next day fighters regained territory in Baiji."
NOISE = "Analysts expect a long war."
RAMADI = "Tribal leaders met in Ramadi on Thursday."


def _candidate(art: ArticleText, quote: str, *, day: date | None, place: str, kind: str):
    start = art.body.index(quote)
    return CandidateEvent(
        article=art,
        evidence=Evidence(start, start + len(quote), quote),
        headline=quote[:40],
        event_type=kind,
        date=DateRange(day, day, "day", "x") if day else None,
        place=PlaceInfo(name=place, country="Iraq"),
        place_precision="exact",
        actors=[("Islamic State", "actor1")],
    )


@pytest.fixture
def fake_extractor(monkeypatch):
    def extract(text, *, origin_file, published):
        art = ArticleText(
            title="Raids in Anbar", body=text, origin_file=origin_file, published=published
        )
        cands = [
            _candidate(art, HADITHA, day=date(2015, 9, 1), place="Haditha", kind="battles"),
            # Same words, wrong place: a duplicate the review merges into the Haditha event.
            _candidate(art, HADITHA, day=date(2015, 9, 1), place="Baiji", kind="riots"),
            _candidate(art, BAIJI, day=date(2015, 9, 1), place="Baiji", kind="battles"),
            _candidate(art, NOISE, day=None, place="Ramadi", kind="battles"),
        ]
        return [art], cands

    monkeypatch.setattr("timeline.services.ingest._extract", extract)
    monkeypatch.setattr("timeline.services.ingest._merge", lambda cs: [[c] for c in cs])


def _event(eid: str, quote: str, day: str, place: str, kind: str = "battles") -> dict:
    return {
        "id": eid,
        "headline": eid,
        "summary": "",
        "date_start": day,
        "date_end": day,
        "date_precision": "day",
        "date_text": "x",
        "event_type": kind,
        "place": place,
        "place_precision": "exact",
        "actors": [{"name": "Islamic State", "role": "actor1"}],
        "fatalities": None,
        "credibility": 2,
        "excerpts": [{"file": "a.txt", "article_index": 0, "quote": quote}],
        "notes": "",
    }


@pytest.fixture
def inputs(tmp_path: Path) -> dict[str, Path]:
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "a.txt").write_text(BODY, encoding="utf-8")
    review = {
        "curated_at": "2026-11-22",
        "publishers": [{"name": "Test Wire", "reliability": "B", "reason": ""}],
        "articles": [
            {
                "file": "a.txt",
                "article_index": 0,
                "title": "Raids in Anbar",
                "publisher": "Test Wire",
                "author": "",
                "url": "",
                "republished_from": "",
                "published": "2015-09-04",
                "published_basis": "inferred",
                "published_reason": "Tuesday, September 1 fits 2015.",
            }
        ],
        "events": [
            _event("haditha", HADITHA, "2015-09-01", "Haditha"),
            _event("baiji", BAIJI, "2015-09-02", "Baiji"),
            _event("ramadi", RAMADI, "2015-09-03", "Ramadi", "strategic_developments"),
        ],
        "excluded": [{"file": "a.txt", "article_index": 0, "quote": NOISE, "reason": "Opinion."}],
    }
    path = tmp_path / "review.json"
    path.write_text(json.dumps(review), encoding="utf-8")
    return {
        "review": path,
        "articles": articles,
        "output": tmp_path / "seed.json",
        "report": tmp_path / "report.json",
    }


def _build(inputs: dict[str, Path]) -> str:
    out = StringIO()
    call_command(
        "build_seed_fixture", "--here", *(f"--{k}={v}" for k, v in inputs.items()), stdout=out
    )
    return out.getvalue()


@pytest.mark.django_db
def test_classifies_kept_fixed_rejected_added_and_merged(fake_extractor, inputs):
    log = _build(inputs)
    report = json.loads(inputs["report"].read_text())
    assert report["counts"] == {
        "candidates": 4,
        "kept": 1,
        "fixed": 1,
        "rejected": 1,
        "added": 1,
        "merged": 1,
    }
    assert [k["id"] for k in report["kept"]] == ["haditha"]
    assert [(k["id"], k["changed"]) for k in report["fixed"]] == [("baiji", ["date"])]
    assert [k["id"] for k in report["added"]] == ["ramadi"]
    assert report["rejected"][0]["reason"] == "Opinion."
    assert report["merged"][0]["into"] == "haditha"
    assert "kept 1, fixed 1, rejected 1, added 1" in log

    rows = json.loads(inputs["output"].read_text())
    events = {r["pk"]: r["fields"] for r in rows if r["model"] == "timeline.event"}
    verified = {e["headline"]: e for e in events.values() if e["status"] == "verified"}
    assert set(verified) == {"haditha", "baiji", "ramadi"}
    assert verified["baiji"]["date_start"] == "2015-09-02"
    assert sum(e["status"] == "rejected" for e in events.values()) == 2
    article = next(r["fields"] for r in rows if r["model"] == "timeline.article")
    assert article["published_basis"] == "inferred" and article["published"] == "2015-09-04"
    for r in rows:
        if r["model"] == "timeline.excerpt":
            f = r["fields"]
            assert article["body"][f["start"] : f["end"]] == f["quote"]
    assert not any(r["model"].startswith(("auth.", "timeline.historical")) for r in rows)
    # The work was done in a transaction that was rolled back.
    assert not Article.objects.exists() and not Event.objects.exists()


@pytest.mark.django_db
def test_a_quote_that_is_not_in_the_article_stops_the_build(fake_extractor, inputs):
    review = json.loads(inputs["review"].read_text())
    review["events"][1]["excerpts"][0]["quote"] = "The next day fighters regained Baiji."
    inputs["review"].write_text(json.dumps(review))
    with pytest.raises(CommandError, match="'baiji' excerpt 1: quote is not an exact substring"):
        _build(inputs)
    assert not inputs["output"].exists()
    assert not Article.objects.exists()


@pytest.mark.django_db
def test_refuses_a_database_that_holds_data(fake_extractor, inputs):
    Article.objects.create(title="mine", body="x", content_hash="1" * 64)
    with pytest.raises(CommandError, match="already holds timeline data"):
        _build(inputs)
    assert Article.objects.get().title == "mine"
    assert not inputs["output"].exists()


def test_rebuild_from_the_seed_articles_gives_the_shipped_verified_set(tmp_path):
    """The real pipeline, in its own temporary database: the curated set comes out whole."""
    pytest.importorskip("timeline.extraction.pipeline")
    out, rep = tmp_path / "seed.json", tmp_path / "report.json"
    log = StringIO()
    call_command("build_seed_fixture", f"--output={out}", f"--report={rep}", stdout=log)
    assert "kept" in log.getvalue()
    built = json.loads(out.read_text())
    shipped = json.loads((REPO / "fixtures" / "seed.json").read_text())

    def verified(rows):
        return sorted(
            (r["fields"]["headline"], r["fields"]["date_start"], r["fields"]["event_type"])
            for r in rows
            if r["model"] == "timeline.event" and r["fields"]["status"] == "verified"
        )

    assert verified(built) == verified(shipped)
    counts = json.loads(rep.read_text())["counts"]
    assert counts["kept"] + counts["fixed"] + counts["added"] == len(verified(built))


def test_a_missing_review_file_is_one_clear_error(tmp_path):
    with pytest.raises(CommandError, match=r"absent\.json: no such file"):
        call_command("build_seed_fixture", f"--review={tmp_path / 'absent.json'}")
