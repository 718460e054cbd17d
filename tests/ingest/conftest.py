"""A tiny, fully known extractor, so the ingest service's own logic is tested exactly.

The real pipeline is exercised end to end in tests/commands; here the candidates are
whatever the test text says, in a line grammar only these tests use:

    On 2015-09-01 ISIS attacked Baiji.        -> one battle, day precision, place Baiji
    BROKEN                                    -> a candidate with an empty span (the DB refuses it)
    REFUSE… / CRASH… at the start             -> the pipeline raises ValueError / KeyError

The first line of a file is its title; the whole text is the body; "Published: …" is not
parsed (the date comes from ``published`` or defaults to 2016-01-01).
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import pytest

from timeline.extraction.types import (
    ArticleText,
    CandidateEvent,
    DateRange,
    Evidence,
    PlaceInfo,
)
from timeline.services import ingest

EVENT_RE = re.compile(r"On (\d{4}-\d{2}-\d{2}) ([A-Z][\w-]*) attacked ([A-Z][\w-]*)\.")

GAZETTEER = {
    ("actor", "Kataib Hezbollah"): {
        "aliases": ["KH", "Kata'ib Hizballah"],
        "kind": "militia",
        "country": "Iraq",
        "parent": "Popular Mobilization Forces",
    },
    ("actor", "Popular Mobilization Forces"): {
        "aliases": ["PMF", "PMU", "Hashd al-Shaabi"],
        "kind": "militia",
        "country": "Iraq",
    },
    ("place", "Baiji"): {"aliases": ["Bayji"], "kind": "town", "admin1": "Salah ad-Din"},
}
COORDS = {"Baiji": (34.93, 43.49), "Haditha": (34.14, 42.38)}
ACTOR_NAMES = {"KH": "Kataib Hezbollah", "ISIS": "Islamic State"}


class FakePipeline:
    """Records calls; ``overrides`` (field → value) is set on every event it extracts, as a
    new version of the extractor would change them."""

    def __init__(self) -> None:
        self.calls = 0
        self.overrides: dict[str, Any] = {}

    def extract(self, text, *, origin_file, published):
        self.calls += 1
        if text.startswith("REFUSE"):
            raise ValueError("the pipeline refused this text")
        if text.startswith("CRASH"):
            raise KeyError("bug")
        title = text.strip().splitlines()[0]
        pub = published or date(2016, 1, 1)
        art = ArticleText(
            title=title,
            body=text,
            publisher="Test Wire",
            published=pub,
            published_basis="stated",
            published_reason="test",
            origin_file=origin_file,
        )
        cands = []
        for m in EVENT_RE.finditer(text):
            day = date.fromisoformat(m.group(1))
            place = m.group(3)
            lat, lon = COORDS.get(place, (None, None))
            actor = ACTOR_NAMES.get(m.group(2), m.group(2))
            cands.append(
                CandidateEvent(
                    article=art,
                    evidence=Evidence(m.start(), m.end(), m.group(0)),
                    headline=f"{actor} attack on {place}",
                    event_type="battles",
                    date=DateRange(day, day, "day", m.group(1)),
                    place=PlaceInfo(place, "Iraq", "", lat, lon, "town"),
                    place_precision="exact",
                    actors=[(actor, "actor1")],
                    fatalities=None,
                    date_basis="stated",
                )
            )
        for cand in cands:
            for name, value in self.overrides.items():
                setattr(cand, name, value)
        i = text.find("BROKEN")
        if i != -1:
            cands.append(
                CandidateEvent(
                    article=art,
                    evidence=Evidence(i, i, ""),
                    headline="broken",
                    event_type="battles",
                    date=None,
                    place=None,
                )
            )
        return [art], cands

    @staticmethod
    def merge(candidates):
        groups: dict[tuple, list] = {}
        for c in candidates:
            key = (c.date, c.place.name if c.place else None, c.event_type)
            groups.setdefault(key, []).append(c)
        return list(groups.values())


@pytest.fixture
def fake_pipeline(monkeypatch) -> FakePipeline:
    fake = FakePipeline()
    monkeypatch.setattr(ingest, "_extract", fake.extract)
    monkeypatch.setattr(ingest, "_merge", fake.merge)
    monkeypatch.setattr(
        ingest, "gazetteer_entry", lambda kind, name: dict(GAZETTEER.get((kind, name), {}))
    )
    return fake


def src(name: str, text: str) -> ingest.Source:
    return ingest.Source(name=name, data=text.encode("utf-8"))
