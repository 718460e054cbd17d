"""The ingest service: validation, idempotence, merging, curator edits kept, atomicity."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.extraction.types import PlaceInfo
from timeline.models import (
    Actor,
    Article,
    Event,
    EventActor,
    EventStatus,
    Excerpt,
    Place,
    Publisher,
)
from timeline.services.ingest import (
    MODEL_KEYS,
    Source,
    SourceError,
    source_decode,
    sources_ingest,
)

from .conftest import src

GOOD_A = "Baiji falls again\n\nOn 2015-09-01 KH attacked Baiji. Later, more fighting.\n"
GOOD_B = (
    "Second report\n\nWitnesses said that On 2015-09-01 KH attacked Baiji. Also:\n"
    "On 2016-03-02 ISIS attacked Haditha.\n"
)


def row_counts() -> dict[str, int]:
    return {
        m.__name__: m.objects.count()
        for m in (Article, Event, Excerpt, Actor, Place, Publisher, EventActor)
    }


# --- source_decode ---------------------------------------------------------------------

BAD_SOURCES = [
    (b"", "empty file"),
    (b"  \n\t\n", "empty file (only whitespace)"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file, not text (NUL byte at offset 8)"),
    (bytes(range(1, 32)) * 3, "binary file, not text"),
    ("Caf\u00e9 attack in Baiji".encode("latin-1"), "not UTF-8 (invalid byte 0xe9 at offset 3)"),
    ("Baiji".encode("utf-16"), "UTF-16 text, not UTF-8"),
    (b"12345 -- 67 ... 2015\n", "no article text"),
    (b"x" * 101, "file too large (101 bytes; the limit is 100 bytes)"),
]


@pytest.mark.parametrize(("data", "problem"), BAD_SOURCES)
def test_source_decode_refuses_bad_input_with_one_line_naming_file(data, problem):
    with pytest.raises(SourceError) as err:
        source_decode(source=Source("in/bad.txt", data), max_bytes=100)
    message = str(err.value)
    assert message.startswith("in/bad.txt: ")
    assert problem in message
    assert "\n" not in message


def test_source_decode_keeps_text_exactly_but_drops_utf8_bom():
    text = "Title\r\n\r\nOn Tuesday, \u201cthey\u201d met.\r\n"
    assert source_decode(source=Source("a.txt", text.encode()), max_bytes=1000) == text
    bom = b"\xef\xbb\xbf" + text.encode()
    assert source_decode(source=Source("a.txt", bom), max_bytes=1000) == text


# --- sources_ingest --------------------------------------------------------------------


@pytest.mark.django_db
def test_ingest_twice_changes_nothing(fake_pipeline):
    sources = [src("a.txt", GOOD_A), src("b.txt", GOOD_B)]
    first = sources_ingest(sources=sources)
    assert first.errors == []
    assert first.files_ok == ["a.txt", "b.txt"]
    assert first.counts["articles"]["inserted"] == 2
    assert first.counts["events"]["inserted"] == 2  # Baiji reported twice → one event
    before = row_counts()

    second = sources_ingest(sources=sources)
    assert second.errors == []
    for model in MODEL_KEYS:
        assert second.counts[model]["inserted"] == 0, model
        assert second.counts[model]["updated"] == 0, model
        assert second.counts[model]["deleted"] == 0, model
    assert second.counts["articles"]["unchanged"] == 2
    assert second.counts["events"]["unchanged"] == 2
    assert second.counts["excerpts"]["unchanged"] == 3
    assert not second.changed
    assert row_counts() == before


@pytest.mark.django_db
def test_one_happening_in_two_articles_is_one_event_with_two_excerpts(fake_pipeline):
    sources_ingest(sources=[src("a.txt", GOOD_A), src("b.txt", GOOD_B)])
    baiji = Event.objects.get(place__name="Baiji")
    assert baiji.status == EventStatus.CANDIDATE
    assert baiji.date_start == baiji.date_end == date(2015, 9, 1)
    assert baiji.date_precision == "day"
    assert baiji.excerpts.count() == 2
    assert {x.article.origin_file for x in baiji.excerpts.all()} == {"a.txt", "b.txt"}
    for x in baiji.excerpts.select_related("article"):
        assert x.quote == x.article.body[x.start : x.end]
        assert x.quote == "On 2015-09-01 KH attacked Baiji."
    for x in Excerpt.objects.select_related("article"):
        assert x.quote == x.article.body[x.start : x.end]


@pytest.mark.django_db
def test_actors_and_places_come_from_the_gazetteer_parents_first(fake_pipeline):
    sources_ingest(sources=[src("a.txt", GOOD_A)])
    kh = Actor.objects.get(name="Kataib Hezbollah")
    assert kh.parent is not None and kh.parent.name == "Popular Mobilization Forces"
    assert kh.kind == "militia" and kh.country == "Iraq"
    assert "KH" in kh.aliases
    assert kh.parent.pk < kh.pk  # the parent row was created first
    baiji = Place.objects.get(name="Baiji")
    assert (baiji.latitude, baiji.longitude) == (34.93, 43.49)
    assert baiji.admin1 == "Salah ad-Din" and baiji.aliases == ["Bayji"]
    assert baiji.kind == "town" and baiji.country == "Iraq"
    ea = EventActor.objects.get(actor=kh)
    assert ea.role == "actor1"
    assert Publisher.objects.get().name == "Test Wire"


@pytest.mark.django_db
def test_bad_file_writes_nothing_and_good_file_beside_it_goes_in(fake_pipeline):
    report = sources_ingest(
        sources=[
            src("good.txt", GOOD_A),
            Source("bad.bin", b"\x00\x01\x02binary"),
            Source("latin.txt", "Caf\u00e9".encode("latin-1")),
            src("refused.txt", "REFUSE this\n\nOn 2015-09-01 KH attacked Baiji.\n"),
            src("crash.txt", "CRASH here\n\nOn 2015-09-01 KH attacked Baiji.\n"),
        ]
    )
    assert report.files_ok == ["good.txt"]
    assert report.errors == [
        "bad.bin: binary file, not text (NUL byte at offset 0)",
        "latin.txt: not UTF-8 (invalid byte 0xe9 at offset 3); save the file as UTF-8",
        "refused.txt: the pipeline refused this text",
        "crash.txt: extraction failed (KeyError: 'bug')",
    ]
    assert Article.objects.count() == 1
    assert Article.objects.get().origin_file == "good.txt"


@pytest.mark.django_db
def test_a_file_the_database_refuses_is_rolled_back_whole(fake_pipeline):
    broken = "Broken one\n\nOn 2017-01-05 ISIS attacked Haditha. BROKEN\n"
    report = sources_ingest(sources=[src("broken.txt", broken), src("good.txt", GOOD_A)])
    assert report.files_ok == ["good.txt"]
    assert len(report.errors) == 1 and report.errors[0].startswith(
        "broken.txt: could not be stored"
    )
    assert list(Article.objects.values_list("origin_file", flat=True)) == ["good.txt"]
    assert not Place.objects.filter(name="Haditha").exists()
    assert not Event.objects.filter(date_start=date(2017, 1, 5)).exists()


@pytest.mark.django_db
def test_candidate_events_are_refreshed_when_extraction_changes(fake_pipeline):
    sources = [src("a.txt", GOOD_A)]
    sources_ingest(sources=sources)
    event = Event.objects.get()
    fake_pipeline.overrides = {"event_type": "explosions_remote_violence"}
    report = sources_ingest(sources=sources)
    # A new type is a new identity: the new candidate goes in, the stale one goes.
    assert report.counts["articles"]["unchanged"] == 1
    assert report.counts["events"] == {"inserted": 1, "updated": 0, "unchanged": 0, "deleted": 1}
    assert not Event.objects.filter(pk=event.pk).exists()
    assert Event.objects.get().event_type == "explosions_remote_violence"


@pytest.mark.django_db
def test_stale_candidate_a_person_touched_is_kept(fake_pipeline):
    sources = [src("a.txt", GOOD_A)]
    sources_ingest(sources=sources)
    event = Event.objects.get()
    event.notes = "worth a look"
    event.save()
    fake_pipeline.overrides = {"event_type": "explosions_remote_violence"}
    report = sources_ingest(sources=sources)
    assert report.counts["events"]["deleted"] == 0
    assert Event.objects.filter(pk=event.pk).exists()


@pytest.mark.django_db
def test_candidate_fields_are_refreshed_in_place(fake_pipeline):
    sources = [src("a.txt", GOOD_A)]
    sources_ingest(sources=sources)
    event = Event.objects.get()
    # Same fingerprint (article, span, type), new headline and fatalities from a better extractor.
    fake_pipeline.overrides = {"headline": "Kataib Hezbollah attacks Baiji", "fatalities": 4}
    report = sources_ingest(sources=sources)
    assert report.counts["events"] == {"inserted": 0, "updated": 1, "unchanged": 0, "deleted": 0}
    event.refresh_from_db()
    assert (event.headline, event.fatalities) == ("Kataib Hezbollah attacks Baiji", 4)
    assert Event.objects.count() == 1


@pytest.mark.django_db
def test_verified_event_is_never_overwritten(fake_pipeline):
    sources = [src("a.txt", GOOD_A)]
    sources_ingest(sources=sources)
    event = Event.objects.get()
    event.status = EventStatus.VERIFIED
    event.headline = "Curated headline"
    event.fatalities = 7
    event.save()
    fake_pipeline.overrides = {
        "headline": "Extractor headline",
        "fatalities": 1,
        "actors": [("Islamic State", "actor2")],
    }
    report = sources_ingest(sources=sources)
    assert report.counts["events"] == {"inserted": 0, "updated": 0, "unchanged": 1, "deleted": 0}
    event.refresh_from_db()
    assert (event.headline, event.fatalities, event.status) == ("Curated headline", 7, "verified")
    assert list(event.actors.values_list("name", flat=True)) == ["Kataib Hezbollah"]


@pytest.mark.django_db
def test_candidate_a_person_edited_is_not_overwritten(fake_pipeline):
    sources = [src("a.txt", GOOD_A)]
    sources_ingest(sources=sources)
    event = Event.objects.get()
    event.headline = "Edited by a curator, still a candidate"
    event.save()  # a history row without the ingest reason: a person's edit
    report = sources_ingest(sources=sources)
    assert report.counts["events"]["unchanged"] == 1
    event.refresh_from_db()
    assert event.headline == "Edited by a curator, still a candidate"


@pytest.mark.django_db
def test_candidate_merged_away_by_curator_is_not_resurrected(fake_pipeline):
    sources = [src("a.txt", GOOD_A), src("b.txt", "Other\n\nOn 2015-09-02 KH attacked Baiji.\n")]
    sources_ingest(sources=sources)
    keep, drop = Event.objects.order_by("date_start")
    # The curator merges the second into the first: its excerpt moves, the event goes.
    Excerpt.objects.filter(event=drop).update(event=keep)
    drop.delete()
    keep.status = EventStatus.VERIFIED
    keep.save()
    report = sources_ingest(sources=sources)
    assert Event.objects.count() == 1
    assert report.counts["events"]["inserted"] == 0


@pytest.mark.django_db
def test_rejected_candidate_stays_rejected(fake_pipeline):
    sources = [src("a.txt", GOOD_A)]
    sources_ingest(sources=sources)
    Event.objects.update(status=EventStatus.REJECTED)
    report = sources_ingest(sources=sources)
    assert report.counts["events"] == {"inserted": 0, "updated": 0, "unchanged": 1, "deleted": 0}
    assert Event.objects.get().status == EventStatus.REJECTED


@pytest.mark.django_db
def test_curator_set_publication_date_is_kept(fake_pipeline):
    sources = [src("a.txt", GOOD_A)]
    sources_ingest(sources=sources)
    Article.objects.update(published=date(2015, 9, 3), published_basis="curator")
    report = sources_ingest(sources=sources, published=date(2016, 5, 5))
    article = Article.objects.get()
    assert (article.published, article.published_basis) == (date(2015, 9, 3), "curator")
    assert report.counts["articles"]["unchanged"] == 1


@pytest.mark.django_db
def test_progress_is_reported_to_the_end(fake_pipeline):
    seen: list[tuple[int, int]] = []
    sources_ingest(
        sources=[src("a.txt", GOOD_A), Source("e.txt", b""), src("b.txt", GOOD_B)],
        progress=lambda done, total: seen.append((done, total)),
    )
    assert seen[-1] == (6, 6)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


@pytest.mark.django_db
def test_rows_shared_by_files_are_counted_once_per_run(fake_pipeline):
    # Two files with no happening in common (two write units) name the same actor.
    sources = [src("a.txt", GOOD_A), src("c.txt", "Other\n\nOn 2016-01-01 KH attacked Haditha.\n")]
    first = sources_ingest(sources=sources)
    assert first.counts["actors"] == {
        "inserted": Actor.objects.count(),
        "updated": 0,
        "unchanged": 0,
        "deleted": 0,
    }
    assert first.counts["publishers"]["inserted"] == Publisher.objects.count() == 1
    second = sources_ingest(sources=sources)
    assert second.counts["actors"]["unchanged"] == Actor.objects.count() == 2
    assert second.counts["places"]["unchanged"] == Place.objects.count() == 2
    assert second.counts["publishers"] == {
        "inserted": 0,
        "updated": 0,
        "unchanged": 0,
        "deleted": 0,
    }


@pytest.mark.django_db
def test_existing_article_is_only_completed_never_overwritten(fake_pipeline):
    """A curated dataset loaded from a fixture has no history: its values still win."""
    sources = [src("a.txt", GOOD_A)]
    sources_ingest(sources=sources)
    curated = Publisher.objects.create(name="Curated Wire", reliability="B")
    # As loaddata writes rows: no history, so nothing marks these as a person's edits.
    Article.objects.update(
        title="Curated title", publisher=curated, author="", published=date(2015, 9, 2)
    )
    report = sources_ingest(sources=sources)
    article = Article.objects.get()
    assert (article.title, article.publisher, article.published) == (
        "Curated title",
        curated,
        date(2015, 9, 2),
    )
    assert report.counts["articles"]["unchanged"] == 1
    assert not Publisher.objects.filter(name="Test Wire", articles__isnull=False).exists()


@pytest.mark.django_db
def test_existing_article_gets_what_it_lacks(fake_pipeline):
    sources = [src("a.txt", GOOD_A)]
    sources_ingest(sources=sources)
    Article.objects.update(publisher=None, published=None, published_basis="unknown")
    report = sources_ingest(sources=sources)
    article = Article.objects.get()
    assert article.publisher.name == "Test Wire"
    assert (article.published, article.published_basis) == (date(2016, 1, 1), "stated")
    assert report.counts["articles"]["updated"] == 1


@pytest.mark.django_db
def test_same_article_in_two_files_is_one_article_and_one_event(fake_pipeline):
    sources = [src("a.txt", GOOD_A), src("copy.txt", GOOD_A)]
    first = sources_ingest(sources=sources)
    assert first.errors == [] and first.files_ok == ["a.txt", "copy.txt"]
    assert Article.objects.count() == 1 and Event.objects.count() == 1
    assert Excerpt.objects.count() == 1
    second = sources_ingest(sources=sources)
    assert not second.changed
    assert not sources_ingest(sources=sources[::-1]).changed
    assert not sources_ingest(sources=sources[1:]).changed
    assert Event.objects.count() == 1


@pytest.mark.django_db
def test_files_ingested_apart_then_together_merge_their_candidates(fake_pipeline):
    a, b = src("a.txt", GOOD_A), src("b.txt", GOOD_B)
    sources_ingest(sources=[a])
    sources_ingest(sources=[b])
    assert Event.objects.filter(place__name="Baiji").count() == 2  # apart: two candidates

    together = sources_ingest(sources=[a, b])
    baiji = Event.objects.get(place__name="Baiji")
    assert baiji.excerpts.count() == 2
    assert together.counts["events"]["deleted"] == 1
    assert Event.objects.count() == 2  # Baiji and Haditha

    again = sources_ingest(sources=[a, b])
    assert not again.changed and again.counts["events"]["deleted"] == 0


@pytest.mark.django_db
def test_existing_actor_and_place_are_only_completed_never_overwritten(fake_pipeline):
    # As a curator left them: some fields set by hand, others still blank.
    kh = Actor.objects.create(
        name="Kataib Hezbollah", slug="kh", aliases=["Hezbollah Brigades"], kind="other"
    )
    baiji = Place.objects.create(
        name="Baiji", slug="baiji", aliases=["Beiji"], country="Iraq", kind="city"
    )
    report = sources_ingest(sources=[src("a.txt", GOOD_A)])
    kh.refresh_from_db()
    baiji.refresh_from_db()
    # Blanks filled from the extractor and the gazetteer; aliases added, none dropped.
    assert (kh.kind, kh.country, kh.parent.name) == (
        "militia",
        "Iraq",
        "Popular Mobilization Forces",
    )
    assert kh.aliases == ["Hezbollah Brigades", "KH", "Kata'ib Hizballah"]
    assert (baiji.admin1, baiji.latitude, baiji.longitude) == ("Salah ad-Din", 34.93, 43.49)
    assert baiji.aliases == ["Beiji", "Bayji"]
    # What a person set stays.
    assert baiji.kind == "city" and baiji.slug == "baiji" and kh.slug == "kh"
    assert report.counts["actors"]["updated"] == 1 and report.counts["places"]["updated"] == 1

    report = sources_ingest(sources=[src("a.txt", GOOD_A)])
    assert report.counts["actors"]["updated"] == report.counts["places"]["updated"] == 0


TAHRIR = PlaceInfo(
    name="Tahrir Square (Baghdad)", country="Iraq", admin1="Baghdad", kind="site", within="Baghdad"
)


@pytest.mark.django_db
def test_a_place_inside_a_known_one_lies_within_it(fake_pipeline):
    fake_pipeline.overrides = {"place": TAHRIR}
    report = sources_ingest(sources=[src("a.txt", GOOD_A)])
    assert not report.errors
    square = Place.objects.get(name="Tahrir Square (Baghdad)")
    baghdad = Place.objects.get(name="Baghdad")
    # The known place comes from the gazetteer, with its point; the square has none of its own.
    assert square.within == baghdad and square.kind == "site" and square.latitude is None
    assert (baghdad.country, baghdad.kind) == ("Iraq", "city") and baghdad.latitude is not None
    assert baghdad.pk < square.pk  # the container was made first
    assert report.counts["places"]["inserted"] == 2
    assert Event.objects.get().place == square

    report = sources_ingest(sources=[src("a.txt", GOOD_A)])
    assert report.counts["places"] == {"inserted": 0, "updated": 0, "unchanged": 2, "deleted": 0}


@pytest.mark.django_db
def test_a_quarter_the_gazetteer_lists_inside_a_city_lies_within_it(fake_pipeline):
    from timeline.extraction.gazetteer import place_info

    fake_pipeline.overrides = {"place": place_info("Sadr City")}
    sources_ingest(sources=[src("a.txt", GOOD_A)])
    sadr_city = Place.objects.get(name="Sadr City")
    assert sadr_city.within is not None and sadr_city.within.name == "Baghdad"
    assert sadr_city.latitude is not None  # a point of its own, unlike a square found in text


@pytest.mark.django_db
def test_within_fills_an_existing_place_only_when_empty(fake_pipeline):
    fake_pipeline.overrides = {"place": TAHRIR}
    square = Place.objects.create(name=TAHRIR.name, slug="tahrir", country="Iraq")
    sources_ingest(sources=[src("a.txt", GOOD_A)])
    square.refresh_from_db()
    assert square.within is not None and square.within.name == "Baghdad"
    # A curator's choice stays: here, the square put inside a quarter of the city.
    karrada = Place.objects.create(name="Karrada", slug="karrada", within=square.within)
    Place.objects.filter(pk=square.pk).update(within=karrada)
    sources_ingest(sources=[src("b.txt", GOOD_B)])
    square.refresh_from_db()
    assert square.within == karrada


@pytest.mark.django_db
def test_a_within_the_gazetteer_does_not_know_is_left_out(fake_pipeline):
    fake_pipeline.overrides = {
        "place": PlaceInfo(name="Old souk (Atlantis)", country="Iraq", within="Atlantis")
    }
    report = sources_ingest(sources=[src("a.txt", GOOD_A)])
    assert not report.errors
    assert Place.objects.get().within is None
