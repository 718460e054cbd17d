"""Generated towns become Place rows only when an event uses them, like curated places."""

from __future__ import annotations

import pytest

from timeline.models import Event, Place
from timeline.selectors import explorer_options
from timeline.services.ingest import Source, gazetteer_entry, sources_ingest

ARTICLE = (
    "Title: Jets strike Kurdish positions\nPublisher: Test Wire\nPublished: 2018-01-26\n\n"
    "Turkish warplanes bombed Kurdish YPG positions around Afrin on Wednesday, killing 12 "
    "fighters.\n\nIslamic State fighters shelled an army base in Hit on Thursday, killing four "
    "soldiers.\n"
)


def test_gazetteer_entry_reads_generated_towns_and_curated_ones_first():
    afrin = gazetteer_entry("place", "Afrin")
    assert afrin["country"] == "Syria" and afrin["geonames_id"] == 174186
    assert gazetteer_entry("place", "Mosul")["aliases"] == ["Mosel"]  # the curated record


@pytest.mark.django_db
def test_generated_town_is_stored_like_a_curated_place_and_only_when_used():
    report = sources_ingest(sources=[Source("a.txt", ARTICLE.encode("utf-8"))])
    assert not report.errors
    afrin = Place.objects.get(name="Afrin")
    assert (afrin.country, afrin.kind, afrin.geonames_id) == ("Syria", "town", 174186)
    assert afrin.latitude == pytest.approx(36.51194) and afrin.longitude == pytest.approx(36.86954)
    assert afrin.slug == "afrin"
    assert Event.objects.filter(place=afrin, place_precision="near").exists()
    hit = Place.objects.get(name="Hit")
    assert hit.admin1 == "Anbar" and hit.geonames_id == 95788
    # Thousands of towns in the data, but rows only for the places events use: the explorer's
    # place filter and map are not flooded.
    assert Place.objects.count() == Place.objects.filter(events__isnull=False).distinct().count()
    assert {p["name"] for p in explorer_options()["places"]} == {"Afrin", "Hit"}
