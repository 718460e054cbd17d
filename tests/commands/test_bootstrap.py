"""bootstrap: migrate, load the dataset into an empty database, then leave it alone."""

from __future__ import annotations

import json
import shutil

import pytest

from timeline.models import Article, Event, EventStatus, Excerpt

from .conftest import REPO, SEED_DIR

BODY = "Raid on Baiji\n\nOn Tuesday fighters attacked Baiji."
QUOTE = "fighters attacked Baiji."


def tiny_fixture() -> list[dict]:
    start = BODY.index(QUOTE)
    return [
        {
            "model": "timeline.publisher",
            "pk": 1,
            "fields": {
                "name": "Test Wire",
                "reliability": "B",
                "url": "",
                "created_at": "2024-01-01T00:00:00Z",
                "updated_at": "2024-01-01T00:00:00Z",
            },
        },
        {
            "model": "timeline.article",
            "pk": 1,
            "fields": {
                "title": "Raid on Baiji",
                "publisher": 1,
                "author": "",
                "url": "",
                "body": BODY,
                "published": "2015-09-03",
                "published_basis": "stated",
                "published_reason": "",
                "republished_from": "",
                "origin_file": "x.txt",
                "origin_index": 0,
                "content_hash": "0" * 64,
                "created_at": "2024-01-01T00:00:00Z",
                "updated_at": "2024-01-01T00:00:00Z",
            },
        },
        {
            "model": "timeline.event",
            "pk": 1,
            "fields": {
                "headline": "Attack on Baiji",
                "summary": "",
                "date_start": "2015-09-01",
                "date_end": "2015-09-01",
                "date_precision": "day",
                "date_text": "Tuesday",
                "event_type": "battles",
                "place": None,
                "place_precision": "unknown",
                "fatalities": None,
                "status": "verified",
                "credibility": 3,
                "fingerprint": None,
                "notes": "",
                "created_at": "2024-01-01T00:00:00Z",
                "updated_at": "2024-01-01T00:00:00Z",
            },
        },
        {
            "model": "timeline.excerpt",
            "pk": 1,
            "fields": {
                "event": 1,
                "article": 1,
                "start": start,
                "end": start + len(QUOTE),
                "quote": QUOTE,
            },
        },
    ]


@pytest.mark.django_db
def test_bootstrap_loads_fixture_into_empty_database_once(run_command, tmp_path):
    fixture = tmp_path / "seed.json"
    fixture.write_text(json.dumps(tiny_fixture()), encoding="utf-8")

    code, out, err = run_command("bootstrap", "--fixture", str(fixture))
    assert code == 0, err
    assert "Database migrated." in out
    assert "Loaded seed.json: 1 articles, 1 verified events" in out
    assert Event.objects.get().status == EventStatus.VERIFIED
    x = Excerpt.objects.get()
    assert x.quote == x.article.body[x.start : x.end]

    code, out, err = run_command("bootstrap", "--fixture", str(fixture))
    assert code == 0, err
    assert "Database already has 1 article; nothing loaded." in out
    assert Article.objects.count() == 1 and Event.objects.count() == 1


@pytest.mark.django_db
def test_bootstrap_without_dataset_ingests_articles_and_says_so(pipeline, run_command, tmp_path):
    articles = tmp_path / "articles"
    articles.mkdir()
    shutil.copy(SEED_DIR / "002_4fb60a34412dd3ff.txt", articles)
    code, out, err = run_command(
        "bootstrap", "--fixture", str(tmp_path / "absent.json"), "--articles", str(articles)
    )
    assert code == 0, err
    assert "absent.json not found: ingesting" in out
    assert Article.objects.count() == 1
    assert not Event.objects.exclude(status=EventStatus.CANDIDATE).exists()


@pytest.mark.django_db
def test_bootstrap_with_the_shipped_seed_dataset(run_command):
    seed = REPO / "fixtures" / "seed.json"
    if not seed.exists():
        pytest.skip("fixtures/seed.json (the curated dataset) is not in the repository yet")
    code, out, err = run_command("bootstrap")
    assert code == 0, err
    assert Article.objects.count() == 13
    assert Event.objects.filter(status=EventStatus.VERIFIED).exists()
    for x in Excerpt.objects.select_related("article"):
        assert x.quote == x.article.body[x.start : x.end]
    code, out, err = run_command("bootstrap")
    assert "Database already has 13 articles; nothing loaded." in out


@pytest.mark.django_db
def test_ingesting_the_seeds_over_the_curated_dataset_keeps_every_curated_value(
    pipeline, run_command
):
    seed = REPO / "fixtures" / "seed.json"
    if not seed.exists():
        pytest.skip("fixtures/seed.json (the curated dataset) is not in the repository yet")
    run_command("bootstrap")

    def snapshot():
        curated = Event.objects.exclude(status=EventStatus.CANDIDATE).order_by("pk")
        return (
            list(Article.objects.order_by("pk").values()),
            list(curated.values()),
            sorted(Excerpt.objects.filter(event__in=curated).values_list("pk", "event_id")),
        )

    before = snapshot()
    code, out, err = run_command("ingest", str(SEED_DIR))
    assert code == 0, err
    after = snapshot()
    strip = [{k: v for k, v in row.items() if k != "updated_at"} for row in before[0]]
    assert [{k: v for k, v in row.items() if k != "updated_at"} for row in after[0]] == strip
    assert after[1:] == before[1:]
    # And the run after that changes nothing at all.
    code, out, err = run_command("ingest", str(SEED_DIR))
    assert "Nothing changed." in out


@pytest.mark.django_db
@pytest.mark.parametrize(
    "content",
    [
        '[{"model": "timeline.article", "pk": 1, "fields": {',  # cut short
        json.dumps([{"model": "timeline.nosuchmodel", "pk": 1, "fields": {}}]),
        # An excerpt pointing at an article the file does not hold.
        json.dumps([r for r in tiny_fixture() if r["model"] != "timeline.article"]),
    ],
    ids=["truncated", "unknown-model", "dangling-reference"],
)
def test_bootstrap_with_a_broken_dataset_says_so_and_loads_nothing(run_command, tmp_path, content):
    fixture = tmp_path / "seed.json"
    fixture.write_text(content, encoding="utf-8")
    code, out, err = run_command("bootstrap", "--fixture", str(fixture))
    assert code == 1
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"CommandError: {fixture}: ")
    assert Article.objects.count() == 0 and Event.objects.count() == 0
