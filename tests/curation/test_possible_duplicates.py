"""Cross-run duplicates: ``selectors_curation.event_possible_duplicates`` and the review
queue's "Possibly the same as … / Merge into #N".

Ingest merges the candidates of one happening only within a run; these tests check that the
selector finds, among stored events, exactly the pairs the pipeline's rule would have merged
(the shared ``timeline.extraction.happening.same_happening``), in a fixed number of queries,
and that the queue turns each into one click to the existing merge page.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.curation.plans import search_plan
from tests.factories import excerpt
from timeline.extraction.pipeline import merge_candidates
from timeline.extraction.types import ArticleText, CandidateEvent, DateRange, Evidence, PlaceInfo
from timeline.models import Article, Event, EventActor, EventStatus, Place
from timeline.selectors_curation import count_with_duplicates, event_possible_duplicates
from timeline.services import curation
from timeline.services.ingest import Source, content_hash, sources_ingest

pytestmark = pytest.mark.django_db

D1 = date(2015, 9, 1)


def make_event(
    ds,
    *,
    event_type="battles",
    start=D1,
    end=None,
    precision="day",
    place=None,
    status="candidate",
    actors=(),
    article=None,
    quote=None,
    headline="A report",
) -> Event:
    """A stored event citing ``quote`` of ``article`` (by default a new article of its own)."""
    event = Event.objects.create(
        headline=headline,
        date_start=start,
        date_end=end or start if start else None,
        date_precision=precision if start else "unknown",
        event_type=event_type,
        place=place,
        status=status,
    )
    if article is None:
        n = Article.objects.count()
        body = f"Report {n}\n\nSomething happened, report {n} said.\n"
        article = Article.objects.create(
            title=f"Report {n}", body=body, content_hash=content_hash(body)
        )
        quote = f"Something happened, report {n} said."
    excerpt(event, article, quote)
    for actor, role in actors:
        EventActor.objects.create(event=event, actor=actor, role=role)
    return event


def dups(*events) -> dict[int, list[int]]:
    return {k: [e.pk for e in v] for k, v in event_possible_duplicates(events).items()}


@pytest.fixture
def salah(ds) -> Place:
    return Place.objects.create(
        name="Salah ad-Din", slug="salah-ad-din", country="Iraq", kind="region"
    )


@pytest.fixture
def iraq(ds) -> Place:
    return Place.objects.create(name="Iraq", slug="iraq", country="Iraq", kind="country")


# --- the selector --------------------------------------------------------------------------


def test_same_type_overlapping_dates_same_place_is_found(ds):
    # The dataset's candidate from the wire report and the verified battle from the LWJ.
    assert dups(ds.battle_dup, ds.shelling) == {
        ds.battle_dup.pk: [ds.battle.pk],
        ds.shelling.pk: [],
    }
    found = event_possible_duplicates([ds.battle_dup])[ds.battle_dup.pk][0]
    assert found.status == EventStatus.VERIFIED and found.place == ds.baiji


def test_an_overlapping_week_is_found_a_later_day_is_not(ds):
    week = make_event(ds, start=date(2015, 8, 31), end=date(2015, 9, 6), precision="week",
                      place=ds.baiji)  # fmt: skip
    later = make_event(ds, start=date(2015, 9, 2), place=ds.baiji)
    result = dups(week, later)
    assert result[week.pk] == [ds.battle.pk, ds.battle_dup.pk, later.pk]  # verified first
    assert result[later.pk] == [week.pk]


def test_other_type_or_a_coarse_date_is_not_the_same(ds):
    riot = make_event(ds, event_type="riots", place=ds.baiji)
    year = make_event(ds, start=date(2015, 1, 1), end=date(2015, 12, 31), precision="year",
                      place=ds.baiji)  # fmt: skip
    undated = make_event(ds, start=None, place=ds.baiji)
    assert dups(riot, year, undated) == {riot.pk: [], year.pk: [], undated.pk: []}
    # Nor is a coarse event ever proposed for a fine one.
    assert dups(ds.battle_dup) == {ds.battle_dup.pk: [ds.battle.pk]}


def test_rejected_events_are_never_proposed(ds):
    curation.events_reject(events=[ds.battle])
    assert dups(ds.battle_dup) == {ds.battle_dup.pk: []}


def test_the_event_itself_is_not_its_duplicate_but_the_pair_shows_both_ways(ds):
    assert dups(ds.battle_dup, ds.battle) == {
        ds.battle_dup.pk: [ds.battle.pk],
        ds.battle.pk: [ds.battle_dup.pk],
    }


def test_a_place_inside_the_other_is_the_same_a_neighbour_is_not(ds, salah):
    # Salah ad-Din is Baiji's province (its admin1): one inside the other.
    province = make_event(ds, place=salah)
    # Tikrit is in the same province as Baiji, but it is not Baiji.
    tikrit = make_event(ds, place=ds.tikrit)
    result = dups(province, tikrit)
    assert result[province.pk] == [ds.battle.pk, ds.battle_dup.pk, tikrit.pk]
    assert result[tikrit.pk] == [province.pk]


def test_a_country_is_no_place_only_a_shared_principal_actor_links_it(ds, iraq):
    # "In Iraq" does not locate a happening: without a shared principal actor, nothing.
    bare = make_event(ds, place=iraq)
    assert dups(bare) == {bare.pk: []}
    # Kataib Hezbollah is the verified battle's actor1: the actor route links them.
    kh = make_event(ds, place=iraq, actors=[(ds.kh, "actor1")])
    assert dups(kh)[kh.pk] == [ds.battle.pk]
    # Only principal roles count; the candidate duplicate has none, so it is not linked.
    mentioned = make_event(ds, place=None, actors=[(ds.kh, "mentioned")])
    assert dups(mentioned) == {mentioned.pk: []}


def test_a_shared_actor_does_not_link_two_different_places(ds):
    # Both name a place below country level, and they differ: the actor does not matter.
    mosul = Place.objects.create(
        name="Mosul", slug="mosul", country="Iraq", admin1="Nineveh", kind="city"
    )
    other = make_event(ds, place=mosul, actors=[(ds.kh, "actor1")])
    assert dups(other) == {other.pk: []}
    # Without a place of its own, the shared principal links it to each of them: the battle
    # at Baiji (verified, first) and the event at Mosul.
    unplaced = make_event(ds, actors=[(ds.kh, "actor2")])
    assert dups(unplaced)[unplaced.pk] == [ds.battle.pk, other.pk]


def test_two_passages_of_one_article_are_two_moments_the_same_words_one(ds):
    # Another sentence of the battle's own article (a1), same type, day and place: the rule
    # reads it as another moment of the story, not the same report.
    road = "The Popular Mobilization Forces said the road was open."
    moment = make_event(ds, place=ds.baiji, article=ds.a1, quote=road)
    result = dups(moment)
    assert ds.battle.pk not in result[moment.pk]
    assert result[moment.pk] == [ds.battle_dup.pk]  # the wire report is another article
    # The battle's very words (a hand-made copy of it): the same report.
    copy = make_event(ds, place=ds.baiji, article=ds.a1, quote=ds.battle.excerpts.get().quote)
    assert ds.battle.pk in dups(copy)[copy.pk]


def test_an_event_without_excerpts_is_compared_on_its_fields(ds):
    hand_made = Event.objects.create(
        headline="Battle at Baiji (by hand)", date_start=D1, date_end=D1, date_precision="day",
        event_type="battles", place=ds.baiji, status="verified",
    )  # fmt: skip
    assert dups(ds.battle_dup)[ds.battle_dup.pk] == [ds.battle.pk, hand_made.pk]


def test_a_page_of_candidates_is_read_in_six_queries(ds, django_assert_max_num_queries, salah):
    # the page, its principal actors and related places, the search, and the found events'
    # principals and excerpts: six, whatever the page's size
    places = [ds.baiji, ds.tikrit, ds.baghdad, salah, None]
    page = [
        make_event(
            ds,
            start=D1 + timedelta(days=i % 3),
            place=places[i % 5],
            actors=[(ds.kh if i % 2 else ds.isis, "actor1")],
        )  # fmt: skip
        for i in range(20)
    ]
    with django_assert_max_num_queries(6):
        result = event_possible_duplicates(page)
    assert len(result) == 20 and sum(1 for v in result.values() if v) >= 10
    with django_assert_max_num_queries(6):
        event_possible_duplicates(page[:2])
    with django_assert_max_num_queries(0):
        assert event_possible_duplicates([]) == {}
    # Undated events: their own row is read, nothing more.
    with django_assert_max_num_queries(1):
        event_possible_duplicates([ds.noise])
    assert count_with_duplicates([e.pk for e in page], chunk=7) == sum(
        1 for v in result.values() if v
    )


def test_the_search_looks_events_up_by_place_and_date(ds):
    """Each term of the search is looked up in the place-and-dates index (SQLite's plan):
    never a scan of the event table, nor of every earlier event of the type."""
    if connection.vendor != "sqlite":
        pytest.skip("the plan is read from SQLite")
    from timeline.selectors_curation import _search

    where = _search(
        list(
            Event.objects.select_related("place").filter(pk__in=[ds.battle_dup.pk, ds.shelling.pk])
        )
    )
    plan, searches = search_plan(where)
    assert "COMPOUND QUERY" in plan, plan  # one SELECT per term (UNION ALL)
    assert not any(p.startswith("SCAN timeline_event") for p in plan), plan
    # All by place and dates, but the one term for events longer than the usual span, which
    # looks them up by length (selectors_curation._longer).
    by_length = [p for p in searches if "USING INDEX event_status_precision_span" in p]
    assert len(by_length) == 1, plan
    others = [p for p in searches if p not in by_length]
    assert others and all("USING INDEX event_place_status_dates" in p for p in others), plan


# --- the same rule as the pipeline ---------------------------------------------------------

PLACES = [
    None,
    PlaceInfo("Iraq", "Iraq", kind="country"),
    PlaceInfo("Salah ad-Din", "Iraq", kind="region"),
    PlaceInfo("Baiji", "Iraq", "Salah ad-Din", kind="town"),
    PlaceInfo("Tikrit", "Iraq", "Salah ad-Din", kind="city"),
    PlaceInfo("Mosul", "Iraq", "Nineveh", kind="city"),
]
ACTORS = [
    [],
    [("Islamic State", "actor1")],
    [("Islamic State", "mentioned")],
    [("Kataib Hezbollah", "actor2"), ("Islamic State", "associated")],
    [("Kataib Hezbollah", "actor1")],
]


def test_stored_events_pair_exactly_as_the_pipeline_merges(ds):
    """Random reports, each stored as an event the way ingest stores a candidate and kept as a
    candidate: the selector's pairs are exactly the pairs ``merge_candidates`` joins."""
    rng = random.Random(7)
    bodies = [f"Article {i}\n\nFirst passage {i}.\n\nSecond passage {i}.\n" for i in range(3)]
    texts = [ArticleText(title=f"Article {i}", body=b) for i, b in enumerate(bodies)]
    rows = [
        Article.objects.create(title=t.title, body=t.body, content_hash=content_hash(t.body))
        for t in texts
    ]
    places = {
        p.name: Place.objects.create(
            name=p.name,
            slug="rnd-" + p.name.lower().replace(" ", "-"),
            country=p.country,
            admin1=p.admin1,
            kind=p.kind,
        )
        for p in PLACES
        if p
    }
    actors = {a.name: a for a in (ds.isis, ds.kh)}
    Event.objects.all().delete()
    pairs: list[tuple[CandidateEvent, Event]] = []
    for _ in range(45):
        start = date(2015, 9, 1) + timedelta(days=rng.randint(0, 12))
        end = start + timedelta(days=rng.choice([0, 0, 2, 6, 30]))
        precision = rng.choice(["day", "week", "month", "month", "year", "unknown"])
        when = DateRange(start, end, precision, "") if rng.random() < 0.9 else None
        a = rng.randrange(3)
        quote = rng.choice([f"First passage {a}.", f"Second passage {a}."])
        s = bodies[a].index(quote)
        cand = CandidateEvent(
            article=texts[a],
            evidence=Evidence(s, s + len(quote), quote),
            headline="h",
            event_type=rng.choice(["battles", "battles", "riots"]),
            date=when,
            place=rng.choice(PLACES),
            actors=rng.choice(ACTORS),
        )
        event = make_event(
            ds,
            event_type=cand.event_type,
            start=when.earliest if when else None,
            end=when.latest if when else None,
            precision=when.precision if when else "unknown",
            place=places[cand.place.name] if cand.place else None,
            actors=[(actors[n], r) for n, r in cand.actors],
            article=rows[a],
            quote=quote,
        )
        pairs.append((cand, event))
    expected: dict[int, set[int]] = {e.pk: set() for _, e in pairs}
    for i, (ci, ei) in enumerate(pairs):
        for cj, ej in pairs[i + 1 :]:
            if len(merge_candidates([ci, cj])) == 1:
                expected[ei.pk].add(ej.pk)
                expected[ej.pk].add(ei.pk)
    found = {k: set(v) for k, v in dups(*(e for _, e in pairs)).items()}
    assert found == expected
    assert sum(map(len, expected.values())) >= 20  # the sample holds real pairs


ONE = b"Haditha attacked\nIslamic State attacked Haditha on 1 March.\n"
TWO = b"Haditha assault\nIS fighters stormed Haditha on March 1.\n"


def haditha_extract(text, *, origin_file, published):
    """One candidate per file: Islamic State's attack on Haditha on 1 March 2016."""
    title, _, rest = text.partition("\n")
    article = ArticleText(title=title, body=text, origin_file=origin_file)
    words = rest.strip()
    s = text.index(words)
    cand = CandidateEvent(
        article=article,
        evidence=Evidence(s, s + len(words), words),
        headline=words[:60],
        event_type="battles",
        date=DateRange(date(2016, 3, 1), date(2016, 3, 1), "day", "1 March"),
        place=PlaceInfo("Haditha", "Iraq", "Anbar", kind="town"),
        actors=[("Islamic State", "actor1")],
    )
    return [article], [cand]


def test_a_happening_ingested_in_two_runs_is_proposed_once_curated(ds, monkeypatch):
    """Two files in one run: ingest merges their candidates. The same two files in two runs
    (the first one's event verified meanwhile): the second run's candidate stands alone, and
    the selector names the verified event — the same rule, across runs."""
    from timeline.services import ingest

    monkeypatch.setattr(ingest, "_extract", haditha_extract)
    one = Source("one.txt", ONE)
    two = Source("two.txt", TWO)
    together = sources_ingest(sources=[one, two])
    assert together.counts["events"]["inserted"] == 1  # merged in the run
    Event.objects.filter(place__name="Haditha").delete()
    Article.objects.filter(origin_file__in=["one.txt", "two.txt"]).delete()

    sources_ingest(sources=[one])
    first = Event.objects.get(place__name="Haditha")
    curation.events_verify(events=[first])
    sources_ingest(sources=[two])
    second = Event.objects.get(place__name="Haditha", status=EventStatus.CANDIDATE)
    assert dups(second) == {second.pk: [first.pk]}
    assert count_with_duplicates([second.pk]) == 1


def test_the_ingest_command_counts_new_candidates_that_look_like_stored_events(
    ds, monkeypatch, tmp_path
):
    from io import StringIO

    from django.core.management import call_command

    from timeline.services import ingest

    monkeypatch.setattr(ingest, "_extract", haditha_extract)
    (tmp_path / "one.txt").write_bytes(ONE)
    (tmp_path / "two.txt").write_bytes(TWO)
    out = StringIO()
    call_command("ingest", str(tmp_path / "one.txt"), stdout=out)
    assert "look like existing events" not in out.getvalue()
    out = StringIO()
    call_command("ingest", str(tmp_path / "two.txt"), stdout=out)
    assert "1 new candidate looks like existing events: see the review queue." in out.getvalue()
    # A re-run inserts nothing, so it says nothing of the kind.
    out = StringIO()
    call_command("ingest", str(tmp_path / "two.txt"), stdout=out)
    assert "look like existing events" not in out.getvalue()


# --- the review queue ----------------------------------------------------------------------


def test_the_queue_card_names_the_likely_duplicate_with_a_merge_button(ds, cclient):
    r = cclient.get(reverse("admin:timeline_event_review"))
    assert r.status_code == 200
    cards = {c["event"].pk: c for c in r.context["cards"]}
    assert [d["event"].pk for d in cards[ds.battle_dup.pk]["duplicates"]] == [ds.battle.pk]
    assert cards[ds.shelling.pk]["duplicates"] == []
    html = r.content.decode()
    b = ds.battle.pk
    assert (
        f'<a href="{reverse("admin:timeline_event_change", args=[b])}">#{b} '
        "‘Kataib Hezbollah attacks Islamic State near Baiji’</a>"
    ) in html
    assert "(verified, 1 Sep 2015, Baiji)" in html
    assert f"Merge into #{b}</button>" in html
    assert html.count("Possibly the same as:") == 1
    # The button's form: the event list's merge action on both, proposing to keep #b.
    form = html[html.index('class="ct-merge-into"') :]
    form = form[: form.index("</form>")]
    assert f'action="{reverse("admin:timeline_event_changelist")}"' in html
    for field in (
        'name="action" value="merge_action"',
        f'name="{ACTION_CHECKBOX_NAME}" value="{ds.battle_dup.pk}"',
        f'name="{ACTION_CHECKBOX_NAME}" value="{b}"',
        f'name="target" value="{b}"',
        f'name="next" value="{reverse("admin:timeline_event_review")}"',
    ):
        assert field in form


def test_merge_into_opens_the_merge_page_then_merges_and_returns_to_the_queue(ds, cclient, curator):
    queue = reverse("admin:timeline_event_review")
    clicked = {
        "action": "merge_action",
        ACTION_CHECKBOX_NAME: [ds.battle_dup.pk, ds.battle.pk],
        "target": ds.battle.pk,
        "next": queue,
    }
    r = cclient.post(reverse("admin:timeline_event_changelist"), clicked)
    assert r.status_code == 200 and r.templates[0].name == "admin/timeline/event/merge.html"
    assert {e.pk for e in r.context["events"]} == {ds.battle.pk, ds.battle_dup.pk}
    assert r.context["best"] == ds.battle and r.context["back"] == queue
    html = r.content.decode()
    assert f'value="{ds.battle.pk}" id="target-{ds.battle.pk}" checked' in html
    assert f'name="next" value="{queue}"' in html
    # A target that is a candidate is proposed when posted (the default would be the
    # verified one): the queue's choice wins over the default.
    r = cclient.post(
        reverse("admin:timeline_event_changelist"), {**clicked, "target": ds.battle_dup.pk}
    )
    assert r.context["best"] == ds.battle_dup
    # The merge page's submit: versions as shown, the queue to go back to.
    versions = {f"_version_{e.pk}": e.list_version for e in r.context["events"]}
    r = cclient.post(
        reverse("admin:timeline_event_changelist"),
        {**clicked, **versions, "apply": "1"},
    )
    assert r.status_code == 302 and r["Location"] == queue
    ds.battle_dup.refresh_from_db()
    assert ds.battle_dup.status == EventStatus.REJECTED
    assert ds.battle.excerpts.count() == 2
    # The queue no longer shows the candidate, nor any hint.
    r = cclient.get(queue)
    assert [c["event"].pk for c in r.context["cards"]] == [ds.shelling.pk]
    assert "Possibly the same as" not in r.content.decode()


def test_a_stale_merge_from_the_queue_is_refused(ds, cclient):
    clicked = {
        "action": "merge_action",
        ACTION_CHECKBOX_NAME: [ds.battle_dup.pk, ds.battle.pk],
        "target": ds.battle.pk,
        "next": reverse("admin:timeline_event_review"),
    }
    r = cclient.post(reverse("admin:timeline_event_changelist"), clicked)
    versions = {f"_version_{e.pk}": e.list_version for e in r.context["events"]}
    # Someone edits the verified event while the merge page is open.
    curation.event_review(event=ds.battle, changes={"fatalities": 13}, version=None)
    r = cclient.post(
        reverse("admin:timeline_event_changelist"), {**clicked, **versions, "apply": "1"}
    )
    assert r.status_code == 200 and r.templates[0].name == "admin/timeline/event/merge.html"
    ds.battle_dup.refresh_from_db()
    assert ds.battle_dup.status == EventStatus.CANDIDATE


def test_the_queue_reads_duplicates_in_a_fixed_number_of_queries(ds, cclient):
    def queries() -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert cclient.get(reverse("admin:timeline_event_review")).status_code == 200
        return len(ctx.captured_queries)

    few = queries()
    for i in range(8):
        make_event(ds, start=D1 + timedelta(days=i % 2), place=ds.baiji,
                   actors=[(ds.kh, "actor1")])  # fmt: skip
    assert queries() == few
