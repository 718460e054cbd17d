"""The explorer in a real browser: chart, map, filters, URL state, event panel, zoom."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def open_explorer(page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector("#chart[data-drawn=true]")


def chart_headlines(page) -> set[str]:
    return set(
        page.evaluate(
            "() => document.getElementById('chart').data"
            ".flatMap(t => (t.customdata || []).map(c => c[1]))"
        )
    )


def test_page_draws_chart_and_map(watched_page, site):
    base, world = site
    page = watched_page
    open_explorer(page, base + "/")
    expect(page.locator("#summary")).to_have_text("7 events from 2 Mar 2015 to 31 Dec 2016")
    # Every dated verified event is drawn (markers and bars).
    assert len(chart_headlines(page)) == 6
    assert page.locator("#chart .main-svg").count() >= 1
    page.wait_for_selector("#map[data-drawn=true]")
    # The map drew its countries from the local topojson and one marker per place.
    assert page.locator("#map .geo .countries path, #map .geo path.countries").count() >= 1
    assert page.locator("#map .scattergeo path.point").count() == 4


def test_filter_by_actor_updates_chart_list_url_and_survives_reload(watched_page, site):
    base, world = site
    page = watched_page
    open_explorer(page, base + "/")
    page.select_option("#f-actor", "kataib-hezbollah")
    expect(page).to_have_url(re.compile(r"[?&]actor=kataib-hezbollah"))
    summary = "1 event from 2 Mar 2015 to 2 Mar 2015 · actor: Kataib Hezbollah"
    expect(page.locator("#summary")).to_have_text(summary)
    page.wait_for_selector("#chart[data-drawn=true]")
    assert chart_headlines(page) == {"Iraqi army and Kataib Hezbollah enter Tikrit"}
    expect(page.locator("#event-table tbody tr")).to_have_count(1)
    # Take in the PMF's member groups through the parent.
    page.select_option("#f-actor", "pmf")
    # (the parent's own view arrives before the next change, as a reader sees it; checking
    # the box while its request is in flight aborts it, and Back would have no such step)
    parent_alone = "1 event from 28 Oct 2016 to 28 Oct 2016 · actor: Popular Mobilization Forces"
    expect(page.locator("#summary")).to_have_text(parent_alone)
    page.check("input[name=members]")
    expect(page).to_have_url(re.compile(r"actor=pmf.*members=1"))
    expect(page.locator("#event-table tbody tr")).to_have_count(3)
    url = page.url
    page.reload()
    page.wait_for_selector("#chart[data-drawn=true]")
    assert page.url == url
    expect(page.locator("#event-table tbody tr")).to_have_count(3)
    expect(page.locator("#summary")).to_contain_text("(with member groups)")
    assert page.eval_on_selector("#f-actor", "s => [...s.selectedOptions].map(o => o.value)") == [
        "pmf"
    ]
    # Back steps through the earlier views: the parent alone, then Kataib Hezbollah.
    page.go_back()
    expect(page.locator("#summary")).to_have_text(
        "1 event from 28 Oct 2016 to 28 Oct 2016 · actor: Popular Mobilization Forces"
    )
    page.go_back()
    expect(page.locator("#summary")).to_have_text(summary)
    page.go_forward()
    expect(page).to_have_url(re.compile(r"actor=pmf"))


def test_click_event_opens_its_excerpt(watched_page, site):
    base, world = site
    page = watched_page
    open_explorer(page, base + "/")
    page.click("text=Car bomb in Baghdad market")
    panel = page.locator("#detail")
    expect(panel.locator("mark")).to_have_text(
        "a car bomb exploded in a Baghdad market on 31 August 2015"
    )
    expect(panel).to_contain_text("Reuters")
    expect(page).to_have_url(re.compile(rf"event={world.events['bomb'].pk}"))
    # The chart is still there beside the panel: the page did not reload.
    assert page.locator("#chart[data-drawn=true]").count() == 1
    # Clicking a mark on the chart opens that event.
    page.evaluate(
        """() => {
          const el = document.getElementById('chart');
          const i = el.data.findIndex(t => t.type === 'bar'
              && t.customdata.some(c => c[1] === 'Islamic State shells Aleppo'));
          const j = el.data[i].customdata.findIndex(c => c[1] === 'Islamic State shells Aleppo');
          el.emit('plotly_click', {points: [{customdata: el.data[i].customdata[j]}]});
        }"""
    )
    expect(panel.locator("mark")).to_have_text(
        "Islamic State fighters shelled the northern districts of Aleppo"
    )
    expect(panel).to_contain_text("week of 31 Aug 2015")
    # The article page highlights the same words.
    with page.expect_navigation():
        panel.locator("a", has_text="read it whole").click()
    expect(page.locator("mark.active")).to_have_text(
        "Islamic State fighters shelled the northern districts of Aleppo"
    )


def test_real_click_on_a_marker(watched_page, site):
    base, world = site
    page = watched_page
    open_explorer(page, base + "/?type=battles")
    page.locator("#chart .scatterlayer path.point").first.click(force=True)
    expect(page.locator("#detail mark")).to_contain_text("Kataib Hezbollah fighters")


def test_zoom_narrows_the_date_filter_and_reset_widens_it(watched_page, site):
    base, world = site
    page = watched_page
    open_explorer(page, base + "/")
    page.evaluate(
        "() => Plotly.relayout('chart', {'xaxis.range[0]': '2015-08-01', "
        "'xaxis.range[1]': '2015-10-01'})"
    )
    expect(page).to_have_url(re.compile(r"start=2015-08-01&end=2015-09-30"))
    expect(page.locator("#summary")).to_have_text("3 events from 1 Aug 2015 to 30 Sep 2015")
    expect(page.locator("#f-start")).to_have_value("2015-08-01")
    page.wait_for_selector("#chart[data-drawn=true]")
    assert page.evaluate("() => document.getElementById('chart').layout.xaxis.range") == [
        "2015-08-01",
        "2015-10-01",
    ]
    expect(page.locator("#event-table tbody tr")).to_have_count(3)
    page.click("#reset-dates")
    expect(page.locator("#summary")).to_have_text("7 events from 2 Mar 2015 to 31 Dec 2016")
    assert "start=" not in page.url


def test_heatmap_above_threshold_drills_down_on_click(watched_page, site, settings):
    settings.TIMELINE_EXPLORER_MAX_POINTS = 3
    base, world = site
    page = watched_page
    open_explorer(page, base + "/")
    expect(page.locator("#mode-note")).to_contain_text("per week")
    assert page.evaluate("() => document.getElementById('chart').data[0].type") == "heatmap"
    # Click the week of 31 Aug 2015: its window overlaps 3 events, so single events return.
    page.evaluate(
        """() => {
          const el = document.getElementById('chart');
          const col = el.layout.meta.edges.indexOf('2015-08-31');
          el.emit('plotly_click', {points: [{pointIndex: [0, col]}]});
        }"""
    )
    expect(page).to_have_url(re.compile(r"start=2015-08-31&end=2015-09-06"))
    page.wait_for_selector("#chart[data-drawn=true]")
    expect(page.locator("#mode-note")).to_have_count(0)


def test_map_click_filters_to_the_place(watched_page, site):
    base, world = site
    page = watched_page
    open_explorer(page, base + "/")
    page.wait_for_selector("#map[data-drawn=true]")
    page.evaluate(
        """() => {
          const el = document.getElementById('map');
          const i = el.data[0].customdata.findIndex(c => c[0] === 'aleppo');
          el.emit('plotly_click', {points: [{customdata: el.data[0].customdata[i]}]});
        }"""
    )
    expect(page).to_have_url(re.compile(r"place=aleppo"))
    expect(page.locator("#summary")).to_contain_text("place: Aleppo")


def test_list_is_keyboard_navigable(watched_page, site):
    base, world = site
    page = watched_page
    open_explorer(page, base + "/")
    first = page.locator("#event-table a[data-event-link]").first
    first.focus()
    page.keyboard.press("ArrowDown")
    second_id = (
        page.locator("#event-table a[data-event-link]").nth(1).get_attribute("data-event-link")
    )
    assert page.evaluate("() => document.activeElement.dataset.eventLink") == second_id
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(rf"event={second_id}"))
    expect(page.locator("#detail article")).to_have_count(1)


def test_bad_query_shows_message(watched_page, site):
    base, world = site
    page = watched_page
    # A 400 is a console error in Chromium ("Failed to load resource"), so read it directly.
    response = page.request.get(base + "/?start=2016-01-01&end=2015-01-01")
    assert response.status == 400
    assert "The end date is before the start date." in response.text()
