"""Figure builders: pure functions, no database."""

from __future__ import annotations

from datetime import date

import pytest

from timeline import charts
from timeline.selectors import bucket_start, choose_bucket, date_label, paragraph_around


@pytest.mark.parametrize(
    ("start", "end", "precision", "label"),
    [
        (date(2015, 8, 31), date(2015, 8, 31), "day", "31 Aug 2015"),
        (date(2015, 8, 31), date(2015, 9, 6), "week", "week of 31 Aug 2015"),
        (date(2015, 9, 1), date(2015, 9, 30), "month", "Sep 2015"),
        (date(2015, 9, 1), date(2015, 11, 30), "month", "Sep 2015 – Nov 2015"),
        (date(2016, 1, 1), date(2016, 12, 31), "year", "2016"),
        (date(2015, 8, 30), date(2015, 9, 2), "day", "30 Aug 2015 – 2 Sep 2015"),
        (date(2015, 8, 30), date(2015, 9, 2), "unknown", "between 30 Aug 2015 – 2 Sep 2015"),
        (None, None, "unknown", "Date unknown"),
    ],
)
def test_date_label(start, end, precision, label):
    assert date_label(start, end, precision) == label


def row(pk, precision, start, end, fatalities=None, lanes=("Battles",), type_label="Battles"):
    return {
        "pk": pk,
        "headline": f"Event {pk}",
        "date_start": start,
        "date_end": end,
        "date_precision": precision,
        "type_label": type_label,
        "fatalities": fatalities,
        "date_label": date_label(start, end, precision),
        "place_label": "Mosul, Iraq",
        "lanes": list(lanes),
    }


def test_imprecise_events_are_bars_over_their_window():
    fig = charts.timeline_figure(
        [
            row(1, "day", date(2015, 8, 31), date(2015, 8, 31), fatalities=25),
            row(2, "week", date(2015, 8, 31), date(2015, 9, 6)),
            row(3, "month", date(2015, 9, 1), date(2015, 9, 30), lanes=("A", "B")),
        ],
        lane_title="Type",
        window=(date(2015, 8, 31), date(2015, 9, 30)),
    )
    bars = [t for t in fig["data"] if t["type"] == "bar"]
    points = [t for t in fig["data"] if t["type"] == "scatter"]
    assert len(bars) == 1 and len(points) == 1
    assert points[0]["x"] == ["2015-08-31"]
    assert points[0]["marker"]["size"] == [charts.marker_size(25)] and charts.marker_size(25) > 8
    bar = bars[0]
    assert bar["base"] == ["2015-08-31", "2015-09-01", "2015-09-01"]
    assert bar["x"] == [7 * charts.DAY_MS, 30 * charts.DAY_MS, 30 * charts.DAY_MS]
    assert bar["y"] == ["Battles", "A", "B"]  # one mark per lane the event belongs to
    assert bar["customdata"][0][2] == "week of 31 Aug 2015"
    assert bar["customdata"][1][2] == "Sep 2015"
    assert "%{customdata[2]}" in bar["hovertemplate"]
    # The data's extent is padded so edge marks are not cut.
    assert fig["layout"]["xaxis"]["range"][0] < "2015-08-31"


def test_many_lanes_fold_into_other():
    rows = [row(i, "day", date(2015, 1, 1), date(2015, 1, 1), lanes=(f"L{i}",)) for i in range(40)]
    fig = charts.timeline_figure(rows, lane_title="Actor", window=(None, None))
    lanes = fig["layout"]["yaxis"]["categoryarray"]
    assert len(lanes) == charts.MAX_LANES and charts.OTHER_LANE in lanes


def test_heatmap_buckets_and_drill_down_edges():
    counts = [
        (date(2015, 1, 1), "Battles", 5),
        (date(2015, 3, 1), "Battles", 2),
        (date(2015, 3, 1), "Riots", 1),
    ]
    fig = charts.heatmap_figure(
        counts, bucket="month", lane_title="Type", window=(date(2015, 1, 1), date(2015, 3, 31))
    )
    hm = fig["data"][0]
    assert hm["type"] == "heatmap"
    assert fig["layout"]["meta"]["edges"] == [
        "2015-01-01",
        "2015-02-01",
        "2015-03-01",
        "2015-04-01",
    ]
    assert hm["y"] == ["Battles", "Riots"]
    assert hm["z"] == [[5, None, 2], [None, None, 1]]
    assert hm["text"][0][0] == "Jan 2015"


@pytest.mark.parametrize(
    ("first", "last", "bucket"),
    [
        (date(2015, 1, 1), date(2015, 3, 1), "day"),
        (date(2015, 1, 1), date(2016, 6, 1), "week"),
        (date(2006, 1, 1), date(2019, 12, 31), "month"),
    ],
)
def test_choose_bucket(first, last, bucket):
    assert choose_bucket(first, last) == bucket


def test_bucket_start():
    assert bucket_start(date(2015, 9, 3), "week") == date(2015, 8, 31)  # Monday
    assert bucket_start(date(2015, 9, 3), "month") == date(2015, 9, 1)


def test_map_figure_frames_the_points():
    fig = charts.map_figure(
        [
            {
                "place__slug": "mosul",
                "place__name": "Mosul",
                "place__country": "Iraq",
                "place__latitude": 36.34,
                "place__longitude": 43.13,
                "n": 9,
            }
        ]
    )
    geo = fig["layout"]["geo"]
    assert geo["lataxis"]["range"][0] < 36.34 < geo["lataxis"]["range"][1]
    assert geo["lonaxis"]["range"][0] < 43.13 < geo["lonaxis"]["range"][1]
    assert fig["data"][0]["customdata"] == [["mosul", 9]]


def test_paragraph_around():
    body = "Title\n\nFirst para. The quote is here. End.\n\nNext para."
    start = body.index("The quote")
    assert paragraph_around(body, start, start + len("The quote is here.")) == (
        "First para. ",
        "The quote is here.",
        " End.",
    )
    long = "word " * 400 + "QUOTE" + " word" * 400
    before, quote, after = paragraph_around(long, 2000, 2005)
    assert quote == "QUOTE" and before.startswith("… ") and after.endswith(" …")
    assert len(before) < 800 and len(after) < 800
