"""A small, fully known dataset shared by the curation, export and import tests.

Two articles report the same battle at Baiji (one verified event, one candidate duplicate);
there are candidates to review, a rejected event, a verified event without a place and one
dated to a week. One article body holds HTML-like text, so escaping is tested for real.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from timeline.models import (
    Actor,
    Article,
    Event,
    EventActor,
    Excerpt,
    Place,
    Publisher,
)

BODY_1 = (
    "Militias push on Baiji\n"
    "\n"
    "On Tuesday, Kataib Hezbollah fighters attacked an Islamic State position near Baiji, "
    "killing 12 militants. The Popular Mobilization Forces said the road was open.\n"
    "\n"
    "The next day, Islamic State shelled Tikrit. Officials said three civilians died.\n"
    "\n"
    "Analysts wrote <script>alert('x')</script> & other things in the margins.\n"
)
BODY_2 = (
    "Baiji battle report\n"
    "\n"
    "Iraqi militias led by Kataib Hezbollah attacked Islamic State fighters near Baiji on "
    "Sept. 1, killing 12.\n"
    "\n"
    "Protesters gathered in Baghdad last month to demand services.\n"
)


def sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def span(body: str, quote: str) -> tuple[int, int]:
    start = body.index(quote)
    return start, start + len(quote)


def excerpt(event: Event, article: Article, quote: str) -> Excerpt:
    start, end = span(article.body, quote)
    return Excerpt.objects.create(event=event, article=article, start=start, end=end, quote=quote)


@dataclass
class Dataset:
    lwj: Publisher
    wire: Publisher
    a1: Article
    a2: Article
    pmf: Actor
    kh: Actor
    isis: Actor
    baiji: Place
    tikrit: Place
    baghdad: Place
    battle: Event  # verified, from a1
    battle_dup: Event  # candidate, the same battle from a2
    shelling: Event  # candidate, "The next day" in a1
    protest: Event  # verified, month precision, no place
    noise: Event  # rejected
    week: Event  # verified, a week


def make_dataset() -> Dataset:
    lwj = Publisher.objects.create(
        name="Long War Journal", reliability="B", url="https://lwj.example"
    )
    wire = Publisher.objects.create(name="Wire Service")
    a1 = Article.objects.create(
        title="Militias push on Baiji",
        publisher=lwj,
        author="A. Writer",
        url="https://lwj.example/baiji",
        body=BODY_1,
        published=date(2015, 9, 4),
        published_basis="stated",
        origin_file="baiji.txt",
        content_hash=sha(BODY_1),
    )
    a2 = Article.objects.create(
        title="Baiji battle report",
        publisher=wire,
        body=BODY_2,
        published=date(2015, 9, 5),
        published_basis="inferred",
        published_reason="weekday matches",
        origin_file="report.txt",
        content_hash=sha(BODY_2),
    )
    pmf = Actor.objects.create(
        name="Popular Mobilization Forces",
        slug="pmf",
        aliases=["PMF", "Hashd al-Shaabi"],
        kind="militia",
        country="Iraq",
    )
    kh = Actor.objects.create(
        name="Kataib Hezbollah",
        slug="kataib-hezbollah",
        aliases=["KH"],
        kind="militia",
        country="Iraq",
        parent=pmf,
    )
    isis = Actor.objects.create(
        name="Islamic State", slug="isis", aliases=["ISIS", "Daesh"], kind="jihadist_group"
    )
    baiji = Place.objects.create(
        name="Baiji",
        slug="baiji",
        country="Iraq",
        admin1="Salah ad-Din",
        kind="town",
        latitude=34.93,
        longitude=43.49,
    )
    tikrit = Place.objects.create(
        name="Tikrit",
        slug="tikrit",
        country="Iraq",
        admin1="Salah ad-Din",
        kind="city",
        latitude=34.6,
        longitude=43.68,
    )
    baghdad = Place.objects.create(
        name="Baghdad",
        slug="baghdad",
        country="Iraq",
        admin1="Baghdad",
        kind="city",
        latitude=33.31,
        longitude=44.36,
    )
    battle = Event.objects.create(
        headline="Kataib Hezbollah attacks Islamic State near Baiji",
        date_start=date(2015, 9, 1),
        date_end=date(2015, 9, 1),
        date_precision="day",
        date_text="On Tuesday",
        event_type="battles",
        place=baiji,
        place_precision="near",
        fatalities=12,
        status="verified",
        credibility=2,
        fingerprint="f" * 64,
    )
    q1 = (
        "On Tuesday, Kataib Hezbollah fighters attacked an Islamic State position near Baiji, "
        "killing 12 militants."
    )
    excerpt(battle, a1, q1)
    EventActor.objects.create(event=battle, actor=kh, role="actor1")
    EventActor.objects.create(event=battle, actor=isis, role="actor2")
    battle_dup = Event.objects.create(
        headline="Militias attack IS near Baiji",
        date_start=date(2015, 9, 1),
        date_end=date(2015, 9, 1),
        date_precision="day",
        date_text="Sept. 1",
        event_type="battles",
        place=baiji,
        place_precision="near",
        status="candidate",
        fingerprint="d" * 64,
    )
    excerpt(
        battle_dup,
        a2,
        "Iraqi militias led by Kataib Hezbollah attacked Islamic State "
        "fighters near Baiji on Sept. 1, killing 12.",
    )
    EventActor.objects.create(event=battle_dup, actor=pmf, role="associated")
    EventActor.objects.create(event=battle_dup, actor=isis, role="mentioned")
    shelling = Event.objects.create(
        headline="Islamic State shells Tikrit",
        date_start=date(2015, 9, 2),
        date_end=date(2015, 9, 2),
        date_precision="day",
        date_text="The next day",
        event_type="explosions_remote_violence",
        place=tikrit,
        place_precision="exact",
        fatalities=3,
        status="candidate",
        fingerprint="s" * 64,
    )
    excerpt(shelling, a1, "The next day, Islamic State shelled Tikrit.")
    EventActor.objects.create(event=shelling, actor=isis, role="actor1")
    protest = Event.objects.create(
        headline="Protest for services",
        summary="People demanded services.",
        date_start=date(2015, 8, 1),
        date_end=date(2015, 8, 31),
        date_precision="month",
        date_text="last month",
        event_type="protests",
        status="verified",
    )
    excerpt(protest, a2, "Protesters gathered in Baghdad last month to demand services.")
    noise = Event.objects.create(
        headline="Analysts wrote things",
        event_type="strategic_developments",
        status="rejected",
    )
    excerpt(noise, a1, "Analysts wrote <script>alert('x')</script> & other things in the margins.")
    week = Event.objects.create(
        headline="Road opened <b>near</b> Baiji",
        date_start=date(2015, 8, 31),
        date_end=date(2015, 9, 6),
        date_precision="week",
        date_text="this week",
        event_type="strategic_developments",
        place=baiji,
        place_precision="region",
        status="verified",
        credibility=3,
    )
    excerpt(week, a1, "The Popular Mobilization Forces said the road was open.")
    EventActor.objects.create(event=week, actor=pmf, role="actor1")
    return Dataset(
        lwj,
        wire,
        a1,
        a2,
        pmf,
        kh,
        isis,
        baiji,
        tikrit,
        baghdad,
        battle,
        battle_dup,
        shelling,
        protest,
        noise,
        week,
    )


def make_curator(username: str = "cura", password: str = "pw-Curator-123"):
    User = get_user_model()
    user = User.objects.create_user(username=username, password=password, is_staff=True)
    user.groups.add(Group.objects.get(name="curator"))
    return user


# Fixtures, imported by the conftest.py of each area that uses them (pytest finds a fixture
# only through a conftest.py or the test module itself).


@pytest.fixture
def ds(db) -> Dataset:
    return make_dataset()


@pytest.fixture
def curator(db):
    return make_curator()


@pytest.fixture
def cclient(client, curator):
    client.force_login(curator)
    return client
