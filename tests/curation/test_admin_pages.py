"""The curation workspace answers a curator and refuses an anonymous reader."""

from __future__ import annotations

from datetime import date
from io import StringIO

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import excerpt, sha
from timeline.models import Actor, Article, Event, EventActor, Place, Publisher

pytestmark = pytest.mark.django_db


def pages(ds) -> dict[str, str]:
    return {
        "event list": reverse("admin:timeline_event_changelist"),
        "event change": reverse("admin:timeline_event_change", args=[ds.battle.pk]),
        "event history": reverse("admin:timeline_event_history", args=[ds.battle.pk]),
        "review queue": reverse("admin:timeline_event_review"),
        "deleted events": reverse("admin:timeline_event_deleted"),
        "import upload": reverse("admin:timeline_event_import"),
        "ingest upload": reverse("admin:timeline_article_ingest"),
        "article list": reverse("admin:timeline_article_changelist"),
        "article change": reverse("admin:timeline_article_change", args=[ds.a1.pk]),
        "article history": reverse("admin:timeline_article_history", args=[ds.a1.pk]),
        "actor change": reverse("admin:timeline_actor_change", args=[ds.kh.pk]),
        "actor history": reverse("admin:timeline_actor_history", args=[ds.kh.pk]),
        "place change": reverse("admin:timeline_place_change", args=[ds.baiji.pk]),
        "place history": reverse("admin:timeline_place_history", args=[ds.baiji.pk]),
        "publisher list": reverse("admin:timeline_publisher_changelist"),
        "publisher history": reverse("admin:timeline_publisher_history", args=[ds.lwj.pk]),
    }


@pytest.mark.parametrize(
    "page_name",
    [
        "event list", "event change", "event history", "review queue", "deleted events",
        "import upload", "ingest upload", "article list", "article change", "article history",
        "actor change", "actor history", "place change", "place history", "publisher list",
        "publisher history",
    ],
)  # fmt: skip
def test_curator_sees_page_anonymous_is_sent_to_login(ds, client, curator, page_name):
    url = pages(ds)[page_name]
    r = client.get(url)
    assert r.status_code == 302
    assert r["Location"].startswith(reverse("admin:login"))
    client.force_login(curator)
    r = client.get(url)
    assert r.status_code == 200, page_name


def test_staff_without_the_group_is_refused(ds, client, django_user_model):
    user = django_user_model.objects.create_user("someone", password="x", is_staff=True)
    client.force_login(user)
    for name in ("review queue", "import upload", "ingest upload", "event list"):
        assert client.get(pages(ds)[name]).status_code == 403, name


def test_curator_has_no_user_or_group_admin(cclient):
    assert cclient.get(reverse("admin:auth_user_changelist")).status_code == 403
    assert cclient.get(reverse("admin:auth_group_changelist")).status_code == 403


def test_curator_group_has_exactly_the_curation_permissions(db):
    perms = set(Group.objects.get(name="curator").permissions.values_list("codename", flat=True))
    expected = {
        f"{a}_{m}"
        for m in ("event", "eventactor", "excerpt", "article", "actor", "place", "publisher")
        for a in ("view", "add", "change")
    } | {"delete_event", "delete_eventactor"}
    assert perms == expected


def test_create_curator_group_command_is_idempotent_and_adds_users(db, django_user_model):
    group = Group.objects.get(name="curator")
    group.permissions.clear()  # damaged: the command repairs it
    django_user_model.objects.create_user("newcurator", password="x")
    out = StringIO()
    call_command("create_curator_group", "--user", "newcurator", stdout=out)
    call_command("create_curator_group", stdout=out)
    assert Group.objects.filter(name="curator").count() == 1
    assert group.permissions.count() == 23
    user = django_user_model.objects.get(username="newcurator")
    assert user.is_staff and user.groups.filter(name="curator").exists()
    with pytest.raises(CommandError, match="No user named"):
        call_command("create_curator_group", "--user", "nobody", stdout=out)


def test_event_list_shows_date_precision_and_sources_and_filters(ds, cclient):
    url = reverse("admin:timeline_event_changelist")
    r = cclient.get(url)
    html = r.content.decode()
    assert "1 Sep 2015" in html and "week of 31 Aug 2015" in html
    assert "Review queue (2)" in html
    r = cclient.get(url, {"status__exact": "candidate"})
    assert list(r.context["cl"].queryset.order_by("pk")) == [ds.battle_dup, ds.shelling]
    r = cclient.get(url, {"actor": ds.kh.pk})
    assert {e.pk for e in r.context["cl"].queryset} == {ds.battle.pk}
    r = cclient.get(url, {"publisher": ds.wire.pk})
    assert {e.pk for e in r.context["cl"].queryset} == {ds.battle_dup.pk, ds.protest.pk}
    r = cclient.get(url, {"country": "Iraq", "date_precision__exact": "day"})
    assert {e.pk for e in r.context["cl"].queryset} == {ds.battle.pk, ds.battle_dup.pk,
                                                        ds.shelling.pk}  # fmt: skip
    r = cclient.get(url, {"q": "shelled"})  # words of an excerpt
    assert {e.pk for e in r.context["cl"].queryset} == {ds.shelling.pk}
    r = cclient.get(url, {"q": "KH"})  # an actor alias
    assert {e.pk for e in r.context["cl"].queryset} == {ds.battle.pk}


def test_excerpt_highlighted_in_its_paragraph_and_escaped(ds, cclient):
    r = cclient.get(reverse("admin:timeline_event_change", args=[ds.noise.pk]))
    html = r.content.decode()
    assert (
        "<mark>Analysts wrote &lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; other" in html
    )
    assert "<script>alert" not in html
    r = cclient.get(reverse("admin:timeline_event_change", args=[ds.battle.pk]))
    html = r.content.decode()
    # The paragraph around the quote is there, the quote itself marked.
    assert "<mark>On Tuesday, Kataib Hezbollah" in html
    assert "</mark> The Popular Mobilization Forces said the road was open." in html


def test_review_queue_shows_candidates_with_context(ds, cclient):
    r = cclient.get(reverse("admin:timeline_event_review"))
    html = r.content.decode()
    assert f'id="event-{ds.battle_dup.pk}"' in html and f'id="event-{ds.shelling.pk}"' in html
    assert f'id="event-{ds.battle.pk}"' not in html  # verified: not in the queue
    assert "<mark>The next day, Islamic State shelled Tikrit.</mark>" in html
    # The quick-edit form shows each candidate's current place, selected.
    assert f'<option value="{ds.tikrit.pk}" selected>Tikrit, Iraq</option>' in html
    assert f'<option value="{ds.baiji.pk}" selected>Baiji, Iraq</option>' in html
    r = cclient.get(reverse("admin:timeline_event_review"), {"article": ds.a2.pk})
    assert [c["event"].pk for c in r.context["cards"]] == [ds.battle_dup.pk]


def test_place_map_preview(ds, cclient):
    r = cclient.get(reverse("admin:timeline_place_change", args=[ds.baiji.pk]))
    html = r.content.decode()
    assert '<svg class="ct-map"' in html
    assert ">Tikrit</text>" in html  # a neighbour within the window
    assert ">Baghdad</text>" in html
    assert 'class="ct-border"' in html  # Natural Earth borders around the point
    assert "<script" not in html.split('<svg class="ct-map"')[1].split("</svg>")[0]


def test_publisher_reliability_editable_in_the_list(ds, cclient):
    r = cclient.get(reverse("admin:timeline_publisher_changelist"))
    assert 'name="form-0-reliability"' in r.content.decode()


def test_article_add_goes_to_ingest(cclient):
    r = cclient.get(reverse("admin:timeline_article_add"))
    assert r.status_code == 302 and r["Location"] == reverse("admin:timeline_article_ingest")


def test_admin_index_links_the_curation_views(cclient):
    html = cclient.get(reverse("admin:index")).content.decode()
    for name in ("review", "deleted", "import"):
        assert reverse(f"admin:timeline_event_{name}") in html
    assert reverse("admin:timeline_article_ingest") in html


def test_review_queue_query_count_does_not_grow_with_candidates(ds, cclient):
    def count() -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert cclient.get(reverse("admin:timeline_event_review")).status_code == 200
        return len(ctx.captured_queries)

    few = count()
    for i in range(8):
        e = Event.objects.create(headline=f"more {i}", event_type="battles", place=ds.baiji)
        excerpt(e, ds.a1, "The next day, Islamic State shelled Tikrit.")
    assert count() == few


@pytest.mark.parametrize("model", ["event", "article", "actor", "place", "publisher"])
def test_admin_list_query_count_does_not_grow_with_rows(ds, cclient, model):
    url = reverse(f"admin:timeline_{model}_changelist")

    def count() -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert cclient.get(url).status_code == 200
        return len(ctx.captured_queries)

    small = count()
    # Every list shows a related row or a count: one more of each must cost no query.
    for i in range(5):
        publisher = Publisher.objects.create(name=f"Wire {i}")
        body = f"Report {i}\n\nFighting near Baiji, report {i}."
        article = Article.objects.create(
            title=f"Report {i}", body=body, publisher=publisher, content_hash=sha(body)
        )
        actor = Actor.objects.create(name=f"Brigade {i}", slug=f"brigade-{i}", parent=ds.pmf)
        place = Place.objects.create(name=f"Village {i}", slug=f"village-{i}")
        event = Event.objects.create(headline=f"Clash {i}", event_type="battles", place=place)
        excerpt(event, article, "Fighting near Baiji")
        EventActor.objects.create(event=event, actor=actor, role="actor1")
    assert count() == small


def test_event_list_date_hierarchy_offers_only_years_with_events(ds, cclient):
    url = reverse("admin:timeline_event_changelist")
    Event.objects.filter(pk=ds.noise.pk).update(
        date_start=date(2012, 3, 1), date_end=date(2012, 3, 1)
    )
    html = cclient.get(url).content.decode()
    years = {y for y in range(2006, 2020) if f"?date_start__year={y}" in html}
    expected = set(
        Event.objects.exclude(date_start=None).values_list("date_start__year", flat=True)
    )
    assert years == expected and 2012 in years and 2013 not in years  # a gap year is skipped
    r = cclient.get(url, {"date_start__year": 2015})
    assert all(e.date_start.year == 2015 for e in r.context["cl"].queryset)


def test_event_list_counts_sources_per_event_and_sorts_by_them(ds, cclient):
    url = reverse("admin:timeline_event_changelist")
    r = cclient.get(url)
    by_pk = {e.pk: e.n_sources for e in r.context["cl"].result_list}
    for event in Event.objects.all():
        assert by_pk[event.pk] == event.excerpts.values("article").distinct().count()
    sources_column = r.context["cl"].list_display.index("sources")
    r = cclient.get(url, {"o": f"-{sources_column}"})
    counts = [e.n_sources for e in r.context["cl"].result_list]
    assert counts == sorted(counts, reverse=True)


def test_review_queue_article_filter_lists_only_articles_with_candidates(ds, cclient):
    r = cclient.get(reverse("admin:timeline_event_review"))
    expected = {
        a.pk
        for a in Article.objects.all()
        if Event.objects.filter(excerpts__article=a, status="candidate").exists()
    }
    assert {pk for pk, _title in r.context["articles"]} == expected


def test_event_list_page_is_read_along_the_date_index_not_sorted(ds, cclient):
    if connection.vendor != "sqlite":
        pytest.skip("EXPLAIN output checked on SQLite")
    r = cclient.get(reverse("admin:timeline_event_changelist"))
    plan = r.context["cl"].queryset[:100].explain()
    assert "event_date_start_id" in plan and "TEMP B-TREE" not in plan, plan


@pytest.mark.parametrize("column", ["event_type", "status", "credibility"])
@pytest.mark.parametrize("descending", [False, True])
def test_event_list_sorted_by_a_column_ends_with_pk_the_same_way(ds, cclient, column, descending):
    url = reverse("admin:timeline_event_changelist")
    n = cclient.get(url).context["cl"].list_display.index(column)
    r = cclient.get(url, {"o": f"-{n}" if descending else str(n)})
    rows = [(getattr(e, column), e.pk) for e in r.context["cl"].result_list]
    assert len(rows) > 1 and rows == sorted(rows, reverse=descending)


# (headline's order is the database collation's, so only its plan is checked here)
@pytest.mark.parametrize("column", ["event_type", "status", "credibility", "headline"])
@pytest.mark.parametrize("descending", [False, True])
def test_event_list_sorted_by_a_column_reads_its_index(ds, cclient, column, descending):
    if connection.vendor != "sqlite":
        pytest.skip("EXPLAIN output checked on SQLite")
    url = reverse("admin:timeline_event_changelist")
    n = cclient.get(url).context["cl"].list_display.index(column)
    r = cclient.get(url, {"o": f"-{n}" if descending else str(n)})
    plan = r.context["cl"].queryset[:100].explain()
    assert f"event_{column}_id" in plan and "TEMP B-TREE" not in plan, plan


def test_the_place_list_filters_places_not_yet_located(ds, cclient):
    # the extractor proposes villages no gazetteer lists by name only; a curator finds them
    Place.objects.create(slug="kharzam", name="Kharzam", country="Syria")
    url = reverse("admin:timeline_place_changelist")
    unlocated = cclient.get(url, {"located": "no"})
    located = cclient.get(url, {"located": "yes"})
    assert unlocated.status_code == located.status_code == 200
    assert [p.name for p in unlocated.context["cl"].result_list] == ["Kharzam"]
    assert "Kharzam" not in {p.name for p in located.context["cl"].result_list}
    assert ds.baiji.name in {p.name for p in located.context["cl"].result_list}


def test_the_place_list_tells_places_shown_at_the_place_they_lie_in(ds, cclient):
    kharzam = Place.objects.create(slug="kharzam", name="Kharzam", country="Syria")
    Place.objects.create(slug="well", name="The well (Kharzam)", within=kharzam)
    tahrir = Place.objects.create(
        slug="tahrir", name="Tahrir Square (Baghdad)", country="Iraq", within=ds.baghdad
    )
    Place.objects.create(slug="stall", name="A stall (Tahrir Square)", within=tahrir)
    url = reverse("admin:timeline_place_changelist")

    def names(located: str) -> set[str]:
        r = cclient.get(url, {"located": located})
        assert r.status_code == 200
        return {p.name for p in r.context["cl"].result_list}

    # Inside a place no one has located: still waiting for a curator.
    assert names("no") == {"Kharzam", "The well (Kharzam)"}
    assert names("within") == {"Tahrir Square (Baghdad)", "A stall (Tahrir Square)"}
    assert names("yes") == {"Baiji", "Tikrit", "Baghdad"}
    page = cclient.get(url).content.decode()
    assert "Shown at the place it lies in" in page and "Not yet located" in page


def test_a_place_is_edited_with_the_place_it_lies_within(ds, cclient):
    tahrir = Place.objects.create(
        slug="tahrir", name="Tahrir Square (Baghdad)", country="Iraq", within=ds.baghdad
    )
    url = reverse("admin:timeline_place_change", args=[tahrir.pk])
    page = cclient.get(url).content.decode()
    assert 'name="within"' in page and "admin-autocomplete" in page
    assert "No coordinates of its own: the explorer's map shows it at Baghdad." in page
    # A loop is refused with the form's message, not a server error.
    form = (
        cclient.get(reverse("admin:timeline_place_change", args=[ds.baghdad.pk]))
        .context["adminform"]
        .form
    )
    data = {k: v for k, v in form.initial.items() if v is not None}
    data.update(aliases="[]", within=tahrir.pk)
    r = cclient.post(reverse("admin:timeline_place_change", args=[ds.baghdad.pk]), data)
    assert r.status_code == 200
    assert r.context["adminform"].form.errors["within"] == [
        "That would make a loop: Baghdad in Tahrir Square (Baghdad) in Baghdad."
    ]
    assert Place.objects.get(pk=ds.baghdad.pk).within is None
    changelist = cclient.get(reverse("admin:timeline_place_changelist")).content.decode()
    assert "Baghdad, Iraq" in changelist  # the within column
