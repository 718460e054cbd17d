"""The explorer page, its htmx partials, the permalink and article pages."""

from __future__ import annotations

import json
import re

import pytest
from django.contrib.auth.models import User

from timeline.models import EventStatus

pytestmark = pytest.mark.django_db

HX = {
    "HTTP_HX_REQUEST": "true",
    "HTTP_HX_TARGET": "results",
    "HTTP_HX_CURRENT_URL": "http://testserver/",
}


def figure(response, name="chart-figure") -> dict:
    m = re.search(
        rf'<script id="{name}" type="application/json">(.*?)</script>',
        response.content.decode(),
        re.S,
    )
    assert m, f"no {name} in the response"
    return json.loads(m.group(1))


def headlines(response) -> list[str]:
    """Headlines in the accessible list, in order."""
    return re.findall(r'data-event-link="\d+">([^<]+)</a>', response.content.decode())


def test_full_page_shows_chart_map_list_and_summary(client, world):
    r = client.get("/")
    assert r.status_code == 200
    html = r.content.decode()
    assert "<html" in html and 'id="filters"' in html
    assert '<p id="summary" class="summary">7 events from 2 Mar 2015 to 31 Dec 2016</p>' in html
    fig = figure(r)
    assert fig["layout"]["meta"]["mode"] == "points"
    assert sorted(headlines(r)) == sorted(
        e.headline for k, e in world.events.items() if k not in ("candidate", "rejected")
    )
    assert figure(r, "map-figure")["data"][0]["type"] == "scattergeo"
    assert "1 undated event is in the list but not on the chart" in html


def test_page_has_no_inline_script(client, world):
    html = client.get("/").content.decode()
    for tag in re.findall(r"<script\b[^>]*>", html):
        assert 'src="' in tag or 'type="application/json"' in tag, tag
    assert " onclick=" not in html and "javascript:" not in html
    # Everything is served from this site: no CDN.
    assert not re.search(r'(src|href)="https?://', html.replace('href="https://', "X", 0))


def test_htmx_request_gets_the_results_partial_only(client, world):
    r = client.get("/?type=battles", **HX)
    assert r.status_code == 200
    html = r.content.decode()
    assert "<html" not in html and 'id="filters"' not in html
    assert "1 event from 2 Mar 2015 to 2 Mar 2015 · type: Battles" in html
    assert "HX-Request" in r["Vary"]
    assert figure(r)["data"][0]["type"] == "scatter"


def test_htmx_history_restore_gets_the_full_page(client, world):
    r = client.get("/?type=battles", HTTP_HX_REQUEST="true", HTTP_HX_HISTORY_RESTORE_REQUEST="true")
    assert "<html" in r.content.decode()


def test_htmx_detail_target_gets_the_event_panel(client, world):
    ev = world.events["bomb"]
    r = client.get(f"/?event={ev.pk}", HTTP_HX_REQUEST="true", HTTP_HX_TARGET="detail")
    html = r.content.decode()
    assert r.status_code == 200
    assert "<html" not in html and 'id="chart"' not in html
    assert "Car bomb in Baghdad market" in html
    assert "<mark>a car bomb exploded in a Baghdad market on 31 August 2015</mark>" in html
    assert (
        "Reuters" in html and 'title="Source reliability: A – Completely reliable">A</abbr>' in html
    )


def test_full_page_with_event_opens_the_panel(client, world):
    ev = world.events["shelling"]
    html = client.get(f"/?event={ev.pk}").content.decode()
    assert "week of 31 Aug 2015" in html
    assert "the week of 31 August 2015" in html  # the words the date came from
    art = world.articles["blog"]
    assert f"/articles/{art.pk}/?hl={ex_span(ev)}#hl" in html
    assert "Levant Blog" in html and "A. Writer" in html


def ex_span(event) -> str:
    ex = event.excerpts.get()
    return f"{ex.start}-{ex.end}"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("start=2015-09-01", {"shelling", "badr", "protests", "pmf"}),  # overlaps the window
        ("end=2015-08-31", {"tikrit", "bomb", "shelling"}),
        ("start=2015-08-31&end=2015-08-31", {"bomb", "shelling"}),
        ("actor=kataib-hezbollah", {"tikrit"}),
        ("actor=pmf", {"pmf"}),
        ("actor=pmf&members=1", {"pmf", "tikrit", "badr"}),
        ("actor=isis&actor=badr", {"tikrit", "bomb", "shelling", "badr"}),
        ("place=baghdad", {"bomb", "badr", "protests"}),
        ("place=aleppo&place=tikrit", {"shelling", "tikrit"}),
        ("country=Syria", {"shelling"}),
        ("country=Iraq", {"tikrit", "bomb", "badr", "protests", "undated"}),
        ("type=explosions_remote_violence", {"bomb", "shelling"}),
        ("type=protests&type=riots", {"protests", "undated"}),
        ("reliability=D", {"shelling", "protests", "undated"}),
        ("reliability=A&reliability=B", {"tikrit", "bomb", "badr"}),
        ("credibility=1&credibility=2", {"tikrit", "bomb", "badr"}),
        ("min_fatalities=13", {"tikrit"}),
        ("min_fatalities=0", {"tikrit", "bomb"}),
        ("q=tahrir", {"protests"}),  # headline
        ("q=NORTHERN+districts", {"shelling"}),  # excerpt quote, any case
        ("precision=week&precision=month", {"shelling", "badr"}),
        ("precision=unknown", {"undated"}),
        ("q=%27+OR+1%3D1--", set()),  # SQL is just text
    ],
)
def test_each_filter(client, world, query, expected):
    r = client.get(f"/?{query}&sort=headline", **HX)
    assert r.status_code == 200, r.content.decode()
    assert set(headlines(r)) == {world.events[k].headline for k in expected}


def test_publisher_filter(client, world):
    pub = world.publishers["reuters"]
    r = client.get(f"/?publisher={pub.pk}", **HX)
    assert set(headlines(r)) == {world.events[k].headline for k in ("tikrit", "bomb", "badr")}


@pytest.mark.parametrize(
    ("query", "sentence"),
    [
        ("", "7 events from 2 Mar 2015 to 31 Dec 2016"),
        (
            "actor=kataib-hezbollah&type=battles",
            "1 event from 2 Mar 2015 to 2 Mar 2015 · actor: Kataib Hezbollah · type: Battles",
        ),
        (
            "start=2015-08-01&end=2015-09-30&type=explosions_remote_violence",
            "2 events from 1 Aug 2015 to 30 Sep 2015 · type: Explosions/Remote violence",
        ),
        (
            "actor=pmf&members=on",
            "3 events from 2 Mar 2015 to 28 Oct 2016 · actor: Popular Mobilization Forces "
            "(with member groups)",
        ),
        ("min_fatalities=100", "No events · at least 100 killed"),
        (
            "country=Syria&reliability=D&q=aleppo",
            "1 event from 31 Aug 2015 to 6 Sep 2015 · country: Syria · source reliability: D"
            " · text: “aleppo”",
        ),
    ],
)
def test_summary_sentence(client, world, query, sentence):
    html = client.get(f"/?{query}", **HX).content.decode()
    assert f'<p id="summary" class="summary">{sentence}</p>' in html


def test_public_pages_show_only_verified_events(client, world):
    r = client.get("/?status=candidate&status=rejected")
    html = r.content.decode()
    assert r.status_code == 200
    assert "Candidate: clash" not in html and "Rejected: rumour" not in html
    assert "The status filter is for curators" in html
    assert 'name="status"' not in html
    assert client.get(f"/?event={world.events['candidate'].pk}").status_code == 400
    assert client.get(f"/events/{world.events['candidate'].pk}/").status_code == 404


def test_staff_can_include_candidates(client, world):
    staff = User.objects.create_user("cur", password="x", is_staff=True)
    client.force_login(staff)
    r = client.get("/?status=candidate", **HX)
    assert headlines(r) == ["Candidate: clash near Mosul"]
    full = client.get("/").content.decode()
    assert 'name="status"' in full
    assert "Candidate: clash near Mosul" in full  # staff see every status unless they filter
    assert client.get(f"/events/{world.events['candidate'].pk}/").status_code == 200


BAD = [
    ("start=2015-13-01", "From: Enter a valid date."),
    ("start=31/08/2015", "From: Enter a valid date."),
    ("start=2016-01-01&end=2015-01-01", "The end date is before the start date."),
    ("start=0001-01-01", "Dates must fall between 1900 and 2100."),
    ("actor=no-such-actor", "Actors: Select a valid choice."),
    ("place=atlantis", "Places: Select a valid choice."),
    ("country=Narnia", "Countries: Unknown country: Narnia."),
    # (refused before the query: PostgreSQL's text cannot hold a NUL)
    ("country=Ira%00q", "Countries: Null characters are not allowed."),
    ("type=picnic", "Event types: Select a valid choice."),
    ("publisher=999999", "Publishers: Select a valid choice."),
    ("publisher=abc", "Publishers: “abc” is not a valid value."),
    # (a number past any database id: SQLite cannot bind it, so it must not reach the query)
    ("publisher=" + "9" * 40, f"Publishers: “{'9' * 40}” is not a valid value."),
    ("reliability=Z", "Source reliability: Select a valid choice."),
    ("credibility=9", "Credibility: Select a valid choice."),
    ("min_fatalities=-1", "Minimum fatalities: Ensure this value is greater than or equal to 0."),
    ("min_fatalities=lots", "Minimum fatalities: Enter a number."),
    ("q=" + "x" * 201, "Text: Ensure this value has at most 200 characters (it has 201)."),
    ("page=0", "Page: Ensure this value is greater than or equal to 1."),
    ("page=abc", "Page: Enter a whole number."),
    ("page=99999999999999999999", "Page: Ensure this value is less than or equal to 1000000."),
    ("page=2", "Page 2 does not exist: there is 1 page."),
    ("lane=weather", "Lane: Select a valid choice."),
    ("sort=password", "Sort: Select a valid choice."),
    ("event=999999", "No event 999999 is available."),
    ("event=1%3B+DROP+TABLE+timeline_event", "Event: Enter a whole number."),
    ("actor=%27+OR+1%3D1--", "Actors: Select a valid choice."),
]


@pytest.mark.parametrize(("query", "message"), BAD)
@pytest.mark.parametrize("htmx", [False, True])
def test_bad_parameters_give_400_and_a_message(client, world, query, message, htmx):
    r = client.get(f"/?{query}", **(HX if htmx else {}))
    assert r.status_code == 400
    html = r.content.decode()
    assert message.replace("“", "&ldquo;") in html or message in html, html[-2000:]
    assert 'role="alert"' in html
    assert ("<html" in html) is not htmx


@pytest.mark.parametrize("htmx", [False, True])
def test_markup_in_values_is_never_reflected(client, world, htmx):
    evil = "%3Cscript%3Ealert(1)%3C%2Fscript%3E"
    for key in ("start", "actor", "place", "country", "type", "lane", "event", "q"):
        r = client.get(f"/?{key}={evil}", **(HX if htmx else {}))
        assert r.status_code in (200, 400)
        assert "<script>alert(1)" not in r.content.decode()


def test_export_links_carry_the_filters(client, world):
    html = client.get("/?type=battles&page=1&lane=actor").content.decode()
    assert 'href="/export/csv/?type=battles"' in html
    for fmt in ("geojson", "timelinejs", "fixture", "jsonl"):
        assert f'href="/export/{fmt}/?type=battles"' in html


def test_list_is_sortable_and_paginated(client, world, settings):
    r = client.get("/?sort=-fatalities", **HX)
    assert headlines(r)[:2] == [
        "Iraqi army and Kataib Hezbollah enter Tikrit",
        "Car bomb in Baghdad market",
    ]
    html = r.content.decode()
    assert re.search(r'aria-sort="descending"[^>]*><a href="\?sort=fatalities"', html)
    from timeline import selectors

    old = selectors.PER_PAGE
    selectors.PER_PAGE = 3
    try:
        r2 = client.get("/?page=3", **HX)
        assert r2.status_code == 200
        assert headlines(r2) == ["Mosul protesters dispersed"]  # undated sorts last
        assert "Page 3 of 3" in r2.content.decode()
    finally:
        selectors.PER_PAGE = old


def test_lanes_by_actor_and_country(client, world):
    fig = figure(client.get("/?lane=actor", **HX))
    lanes = set(fig["layout"]["yaxis"]["categoryarray"])
    assert {"Islamic State", "Kataib Hezbollah", "Iraqi Army", "(no actor)"} <= lanes
    fig = figure(client.get("/?lane=country", **HX))
    assert set(fig["layout"]["yaxis"]["categoryarray"]) == {"Iraq", "Syria", "(no country)"}


def test_date_filter_sets_the_chart_window_exactly(client, world):
    fig = figure(client.get("/?start=2015-08-01&end=2015-09-30", **HX))
    assert fig["layout"]["xaxis"]["range"] == ["2015-08-01", "2015-10-01"]


def test_aggregates_above_the_threshold_and_drills_down(client, world, settings):
    settings.TIMELINE_EXPLORER_MAX_POINTS = 3
    r = client.get("/", **HX)
    fig = figure(r)
    assert fig["layout"]["meta"]["mode"] == "aggregate"
    assert fig["data"][0]["type"] == "heatmap"
    assert fig["layout"]["meta"]["bucket"] == "week"  # 2015-03 .. 2016-12: under three years
    z = fig["data"][0]["z"]
    assert sum(v for row in z for v in row if v) == 6  # every dated event counted once
    assert "showing the number of events per week" in r.content.decode()
    # Zoomed into a window holding at most 3 events: single events again.
    fig = figure(client.get("/?start=2015-08-01&end=2015-09-30", **HX))
    assert fig["layout"]["meta"]["mode"] == "points"
    # A window of weeks aggregates by week (and by day for short spans).
    settings.TIMELINE_EXPLORER_MAX_POINTS = 1
    fig = figure(client.get("/?start=2012-01-01&end=2016-12-31", **HX))
    assert fig["layout"]["meta"]["bucket"] == "month"
    fig = figure(client.get("/?start=2015-01-01&end=2015-12-31", **HX))
    assert fig["layout"]["meta"]["bucket"] == "week"
    fig = figure(client.get("/?start=2015-08-01&end=2015-09-30", **HX))
    assert fig["layout"]["meta"]["bucket"] == "day"


def test_event_permalink_page(client, world):
    ev = world.events["tikrit"]
    r = client.get(f"/events/{ev.pk}/")
    html = r.content.decode()
    assert r.status_code == 200
    assert (
        "<mark>Iraqi army units backed by Kataib Hezbollah fighters entered the outskirts of "
        "Tikrit</mark>" in html
    )
    assert "on Monday, 2 March 2015, officials said" in html  # the rest of the paragraph
    assert 'Kataib Hezbollah <span class="muted">— associated actor</span>' in html
    assert "Monday, 2 March 2015" in html and "Jane Smith" in html
    assert client.get("/events/999999/").status_code == 404


def test_article_page_highlights_the_quote(client, world):
    art = world.articles["reuters"]
    ev = world.events["bomb"]
    r = client.get(f"/articles/{art.pk}/?hl={ex_span(ev)}")
    html = r.content.decode()
    assert r.status_code == 200
    assert (
        '<mark class="quote active" id="hl" tabindex="-1" data-events="'
        f'{ev.pk}">a car bomb exploded in a Baghdad market on 31 August 2015</mark>'
    ) in html
    assert html.count("<mark") == 3  # tikrit, bomb, badr excerpts
    assert "Car bomb in Baghdad market" in html


def test_article_page_escapes_markup_and_hides_unpublished_events(client, world):
    art = world.articles["blog"]
    html = client.get(f"/articles/{art.pk}/").content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "<script>alert" not in html
    assert "Candidate" not in html


@pytest.mark.parametrize("hl", ["abc", "5-2", "1-999999", "-1-5"])
def test_article_bad_highlight(client, world, hl):
    r = client.get(f"/articles/{world.articles['reuters'].pk}/?hl={hl}")
    assert r.status_code == 400
    assert 'role="alert"' in r.content.decode()


def test_unknown_status_param_for_public_does_not_leak(client, world):
    assert EventStatus.CANDIDATE in EventStatus.values
    r = client.get("/?status=bogus")
    assert r.status_code == 200  # dropped for readers, so nothing to validate


def test_figure_script_is_what_json_script_renders():
    from datetime import date

    from django.utils.html import json_script

    from timeline.views import _json_script

    value = {
        "data": [{"text": ["</script><script>alert(1)</script>", "A & B <b>", "Ḥalab ‘x’"]}],
        "layout": {"meta": {"edges": [date(2015, 8, 31)]}, "n": 1.5, "none": None},
    }
    assert _json_script(value, "chart-figure") == json_script(value, "chart-figure")
    assert "</script><script>" not in _json_script(value, "chart-figure")[:-9]
