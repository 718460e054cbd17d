"""Test data for the explorer: a small, realistic world built with the ORM.

``world`` holds 3 actors under a parent (PMF ← Kataib Hezbollah, Badr), ISIS and the Iraqi
army; places in Iraq and Syria; two publishers graded A and D; two articles whose bodies hold
the excerpts; and nine events of every precision, one of them a candidate and one rejected.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date

import pytest

from timeline.models import (
    Actor,
    ActorKind,
    ActorRole,
    Article,
    DateBasis,
    DatePrecision,
    Event,
    EventActor,
    EventStatus,
    EventType,
    Excerpt,
    Place,
    PlaceKind,
    PlacePrecision,
    Publisher,
)


def make_article(*, title: str, body: str, publisher: Publisher | None, **kw) -> Article:
    return Article.objects.create(
        title=title,
        body=body,
        publisher=publisher,
        content_hash=hashlib.sha256(body.encode()).hexdigest(),
        published=kw.pop("published", date(2016, 1, 1)),
        published_basis=kw.pop("published_basis", DateBasis.STATED),
        **kw,
    )


def make_event(
    *,
    headline: str,
    start: date | None,
    end: date | None = None,
    precision: str = DatePrecision.DAY,
    event_type: str = EventType.BATTLES,
    place: Place | None = None,
    fatalities: int | None = None,
    status: str = EventStatus.VERIFIED,
    actors: list[tuple[Actor, str]] = (),
    quote: tuple[Article, str] | None = None,
    **kw,
) -> Event:
    event = Event.objects.create(
        headline=headline,
        date_start=start,
        date_end=end or start,
        date_precision=precision,
        event_type=event_type,
        place=place,
        place_precision=PlacePrecision.EXACT if place else PlacePrecision.UNKNOWN,
        fatalities=fatalities,
        status=status,
        **kw,
    )
    for actor, role in actors:
        EventActor.objects.create(event=event, actor=actor, role=role)
    if quote:
        article, words = quote
        start_at = article.body.index(words)
        Excerpt.objects.create(
            event=event, article=article, start=start_at, end=start_at + len(words), quote=words
        )
    return event


@dataclass
class World:
    actors: dict[str, Actor] = field(default_factory=dict)
    places: dict[str, Place] = field(default_factory=dict)
    publishers: dict[str, Publisher] = field(default_factory=dict)
    articles: dict[str, Article] = field(default_factory=dict)
    events: dict[str, Event] = field(default_factory=dict)


REUTERS_BODY = (
    "Iraqi forces push into Tikrit\n\n"
    "BAGHDAD (Reuters) - Iraqi army units backed by Kataib Hezbollah fighters entered the "
    "outskirts of Tikrit on Monday, 2 March 2015, officials said. At least 30 militants were "
    "killed in the fighting.\n\n"
    "In a separate attack, a car bomb exploded in a Baghdad market on 31 August 2015, killing "
    "12 people.\n\n"
    "Badr Organization commanders met in Baghdad in September 2015 to plan the next phase."
)
BLOG_BODY = (
    "Notes from Aleppo\n\n"
    "During the week of 31 August 2015, Islamic State fighters shelled the northern "
    "districts of Aleppo.\n\n"
    "In 2016 protesters gathered repeatedly in Baghdad's Tahrir Square.\n\n"
    "Early one morning <script>alert(1)</script> protesters in Mosul were dispersed."
)


@pytest.fixture
def world(db) -> World:
    return build_world()


def build_world() -> World:
    """Create the world's rows (the caller provides database access)."""
    w = World()
    pmf = Actor.objects.create(
        name="Popular Mobilization Forces", slug="pmf", kind=ActorKind.MILITIA
    )
    w.actors = {
        "pmf": pmf,
        "kh": Actor.objects.create(
            name="Kataib Hezbollah", slug="kataib-hezbollah", kind=ActorKind.MILITIA, parent=pmf
        ),
        "badr": Actor.objects.create(
            name="Badr Organization", slug="badr", kind=ActorKind.MILITIA, parent=pmf
        ),
        "isis": Actor.objects.create(
            name="Islamic State", slug="isis", kind=ActorKind.JIHADIST_GROUP
        ),
        "army": Actor.objects.create(
            name="Iraqi Army", slug="iraqi-army", kind=ActorKind.STATE_FORCE, country="Iraq"
        ),
    }

    def place(slug, name, country, lat, lon):
        return Place.objects.create(
            slug=slug, name=name, country=country, latitude=lat, longitude=lon, kind=PlaceKind.CITY
        )

    w.places = {
        "tikrit": place("tikrit", "Tikrit", "Iraq", 34.6, 43.68),
        "baghdad": place("baghdad", "Baghdad", "Iraq", 33.31, 44.36),
        "aleppo": place("aleppo", "Aleppo", "Syria", 36.2, 37.16),
        "mosul": place("mosul", "Mosul", "Iraq", 36.34, 43.13),
    }
    w.publishers = {
        "reuters": Publisher.objects.create(name="Reuters", reliability="A"),
        "blog": Publisher.objects.create(name="Levant Blog", reliability="D"),
    }
    w.articles = {
        "reuters": make_article(
            title="Iraqi forces push into Tikrit",
            body=REUTERS_BODY,
            publisher=w.publishers["reuters"],
            author="Jane Smith",
            published=date(2015, 9, 20),
        ),
        "blog": make_article(
            title="Notes from Aleppo",
            body=BLOG_BODY,
            publisher=w.publishers["blog"],
            author="A. Writer",
            published=date(2016, 12, 1),
            published_basis=DateBasis.INFERRED,
            published_reason="The last event it reports.",
        ),
    }
    A, P = w.actors, w.places
    R, B = w.articles["reuters"], w.articles["blog"]
    w.events = {
        "tikrit": make_event(
            headline="Iraqi army and Kataib Hezbollah enter Tikrit",
            start=date(2015, 3, 2),
            place=P["tikrit"],
            fatalities=30,
            credibility=2,
            date_text="Monday, 2 March 2015",
            actors=[
                (A["army"], ActorRole.ACTOR1),
                (A["kh"], ActorRole.ASSOCIATED),
                (A["isis"], ActorRole.ACTOR2),
            ],
            quote=(
                R,
                "Iraqi army units backed by Kataib Hezbollah fighters entered the "
                "outskirts of Tikrit",
            ),
        ),
        "bomb": make_event(
            headline="Car bomb in Baghdad market",
            start=date(2015, 8, 31),
            event_type=EventType.EXPLOSIONS,
            place=P["baghdad"],
            fatalities=12,
            credibility=1,
            date_text="31 August 2015",
            actors=[(A["isis"], ActorRole.ACTOR1)],
            quote=(R, "a car bomb exploded in a Baghdad market on 31 August 2015"),
        ),
        "shelling": make_event(
            headline="Islamic State shells Aleppo",
            start=date(2015, 8, 31),
            end=date(2015, 9, 6),
            precision=DatePrecision.WEEK,
            event_type=EventType.EXPLOSIONS,
            place=P["aleppo"],
            credibility=3,
            date_text="the week of 31 August 2015",
            actors=[(A["isis"], ActorRole.ACTOR1)],
            quote=(B, "Islamic State fighters shelled the northern districts of Aleppo"),
        ),
        "badr": make_event(
            headline="Badr commanders meet in Baghdad",
            start=date(2015, 9, 1),
            end=date(2015, 9, 30),
            precision=DatePrecision.MONTH,
            event_type=EventType.STRATEGIC_DEVELOPMENTS,
            place=P["baghdad"],
            credibility=2,
            date_text="September 2015",
            actors=[(A["badr"], ActorRole.ACTOR1)],
            quote=(R, "Badr Organization commanders met in Baghdad in September 2015"),
        ),
        "protests": make_event(
            headline="Protests in Tahrir Square",
            start=date(2016, 1, 1),
            end=date(2016, 12, 31),
            precision=DatePrecision.YEAR,
            event_type=EventType.PROTESTS,
            place=P["baghdad"],
            credibility=4,
            date_text="In 2016",
            quote=(B, "protesters gathered repeatedly in Baghdad's Tahrir Square"),
        ),
        "pmf": make_event(
            headline="PMF declares new offensive",
            start=date(2016, 10, 28),
            event_type=EventType.STRATEGIC_DEVELOPMENTS,
            credibility=6,
            actors=[(A["pmf"], ActorRole.ACTOR1)],
        ),
        "undated": make_event(
            headline="Mosul protesters dispersed",
            start=None,
            end=None,
            precision=DatePrecision.UNKNOWN,
            event_type=EventType.RIOTS,
            place=P["mosul"],
            quote=(B, "<script>alert(1)</script> protesters in Mosul were dispersed"),
        ),
        "candidate": make_event(
            headline="Candidate: clash near Mosul",
            start=date(2015, 5, 5),
            place=P["mosul"],
            status=EventStatus.CANDIDATE,
            actors=[(A["kh"], ActorRole.ACTOR1)],
        ),
        "rejected": make_event(
            headline="Rejected: rumour of attack",
            start=date(2015, 6, 6),
            status=EventStatus.REJECTED,
        ),
    }
    return w
