"""Pure functions from selector rows to Plotly figure dicts (no Django, no database).

The browser renders these with ``Plotly.react``; nothing here knows about requests. Dates are
ISO strings so the JSON is small and unambiguous.

- :func:`timeline_figure` draws single events: a day-precise event is a marker (size by
  fatalities), an event known only to a week, month or year is a translucent bar over its
  whole window, so no point pretends to a precision the source does not give.
- :func:`heatmap_figure` draws counts per lane per day/week/month when the window holds too
  many events to draw one by one.
- :func:`map_figure` draws one marker per place (size by number of events).
"""

from __future__ import annotations

import math
from collections import Counter
from datetime import date, timedelta
from typing import Any

# Okabe–Ito: distinguishable with the common colour-vision deficiencies.
TYPE_COLOURS = {
    "Battles": "#D55E00",
    "Explosions/Remote violence": "#E69F00",
    "Violence against civilians": "#CC79A7",
    "Protests": "#009E73",
    "Riots": "#56B4E9",
    "Strategic developments": "#0072B2",
}
FALLBACK_COLOUR = "#777777"
DAY_MS = 86_400_000
MAX_LANES = 24
OTHER_LANE = "Other"


def marker_size(fatalities: int | None) -> float:
    """Marker diameter in px: area grows with fatalities; unknown fatalities draw small."""
    if not fatalities:
        return 8.0
    return round(min(44.0, 8.0 + 3.0 * math.sqrt(fatalities)), 1)


def _lane_order(lane_totals: Counter[str]) -> list[str]:
    """Lanes by number of events, busiest first; beyond MAX_LANES they fold into "Other"."""
    ordered = [name for name, _ in sorted(lane_totals.items(), key=lambda kv: (-kv[1], kv[0]))]
    if len(ordered) > MAX_LANES:
        ordered = ordered[: MAX_LANES - 1] + [OTHER_LANE]
    return ordered


def _fold(lane: str, keep: set[str]) -> str:
    return lane if lane in keep else OTHER_LANE


def _base_layout(
    lanes: list[str],
    lane_title: str,
    window: tuple[date | None, date | None],
    exact: bool = False,
):
    """``exact``: the window is the reader's date filter, shown exactly (so a zoom that narrowed
    the filter stays put); otherwise it is the data's extent, padded so edge marks show whole."""
    xaxis: dict[str, Any] = {"type": "date", "title": {"text": ""}, "automargin": True}
    if window[0] and window[1]:
        start, end = window[0], window[1] + timedelta(days=1)
        if not exact:
            pad = max(timedelta(days=3), (end - start) * 0.03)
            start, end = start - pad, end + pad
        xaxis["range"] = [start.isoformat(), end.isoformat()]
        xaxis["autorange"] = False
    return {
        "height": max(300, 110 + 30 * len(lanes)),
        "margin": {"l": 10, "r": 10, "t": 10, "b": 40},
        "xaxis": xaxis,
        "yaxis": {
            "type": "category",
            "categoryorder": "array",
            # Plotly draws the first category at the bottom: reverse so the busiest is on top.
            "categoryarray": list(reversed(lanes)),
            "automargin": True,
            "fixedrange": True,
        },
        "hovermode": "closest",
        "dragmode": "zoom",
        "legend": {"orientation": "h", "y": -0.15},
        "paper_bgcolor": "rgba(0,0,0,0)",
        "plot_bgcolor": "#fbfbfb",
    }


def timeline_figure(
    rows: list[dict[str, Any]],
    *,
    lane_title: str,
    window: tuple[date | None, date | None],
    exact: bool = False,
) -> dict[str, Any]:
    """A figure with one mark per (event, lane): markers for day-precise events, bars over the
    window for the rest. ``rows`` come from ``selectors.event_points``."""
    lane_totals: Counter[str] = Counter(ln for r in rows for ln in r["lanes"])
    lanes = _lane_order(lane_totals)
    keep = set(lanes)
    points: dict[str, dict[str, list]] = {}
    bands: dict[str, dict[str, list]] = {}
    for r in rows:
        start, end = r["date_start"], r["date_end"] or r["date_start"]
        is_point = r["date_precision"] == "day" and end == start
        custom = [r["pk"], r["headline"], r["date_label"], r["place_label"]]
        target = points if is_point else bands
        t = target.setdefault(
            r["type_label"], {"x": [], "y": [], "customdata": [], "size": [], "base": []}
        )
        for ln in dict.fromkeys(_fold(x, keep) for x in r["lanes"]):
            t["y"].append(ln)
            t["customdata"].append(custom)
            if is_point:
                t["x"].append(start.isoformat())
                t["size"].append(marker_size(r["fatalities"]))
            else:
                # A horizontal bar from the first to the end of the last possible day.
                t["base"].append(start.isoformat())
                t["x"].append(((end - start).days + 1) * DAY_MS)
    hover = "<b>%{customdata[1]}</b><br>%{customdata[2]}<br>%{customdata[3]}<extra></extra>"
    data: list[dict[str, Any]] = []
    for type_label in sorted(set(points) | set(bands)):
        colour = TYPE_COLOURS.get(type_label, FALLBACK_COLOUR)
        if type_label in bands:
            b = bands[type_label]
            data.append(
                {
                    "type": "bar",
                    "orientation": "h",
                    "name": type_label,
                    "legendgroup": type_label,
                    "showlegend": type_label not in points,
                    "base": b["base"],
                    "x": b["x"],
                    "y": b["y"],
                    "customdata": b["customdata"],
                    "width": 0.55,
                    "marker": {
                        "color": colour,
                        "opacity": 0.35,
                        "line": {"color": colour, "width": 1},
                    },
                    "hovertemplate": hover,
                }
            )
        if type_label in points:
            p = points[type_label]
            data.append(
                {
                    "type": "scatter",
                    "mode": "markers",
                    "name": type_label,
                    "legendgroup": type_label,
                    "x": p["x"],
                    "y": p["y"],
                    "customdata": p["customdata"],
                    "marker": {
                        "color": colour,
                        "size": p["size"],
                        "opacity": 0.85,
                        "line": {"color": "#ffffff", "width": 1},
                    },
                    "hovertemplate": hover,
                }
            )
    layout = _base_layout(lanes, lane_title, window, exact)
    layout["barmode"] = "overlay"
    layout["meta"] = {"mode": "points"}
    return {"data": data, "layout": layout}


def bucket_edges(first: date, last: date, bucket: str) -> list[date]:
    """Contiguous bucket starts covering [first, last], plus the start of the next bucket."""
    edges = []
    d = first
    while d <= last:
        edges.append(d)
        d = _next_bucket(d, bucket)
    edges.append(d)
    return edges


def _next_bucket(d: date, bucket: str) -> date:
    if bucket == "day":
        return d + timedelta(days=1)
    if bucket == "week":
        return d + timedelta(days=7)
    return date(d.year + (d.month == 12), d.month % 12 + 1, 1)


def bucket_label(d: date, bucket: str) -> str:
    if bucket == "day":
        return f"{d.day} {d:%b %Y}"
    if bucket == "week":
        return f"week of {d.day} {d:%b %Y}"
    return f"{d:%b %Y}"


def heatmap_figure(
    counts: list[tuple[date, str, int]],
    *,
    bucket: str,
    lane_title: str,
    window: tuple[date | None, date | None],
    exact: bool = False,
) -> dict[str, Any]:
    """Counts per lane per bucket as a heatmap; ``counts`` are (bucket start, lane, n) from
    ``selectors.event_counts``. ``layout.meta.edges`` lets the page turn a clicked column into
    a date window (drill-down)."""
    lane_totals: Counter[str] = Counter()
    for _, ln, n in counts:
        lane_totals[ln] += n
    lanes = _lane_order(lane_totals)
    keep = set(lanes)
    if not counts:
        return {"data": [], "layout": _base_layout(lanes, lane_title, window, exact)}
    first = min(d for d, _, _ in counts)
    last = max(d for d, _, _ in counts)
    edges = bucket_edges(first, last, bucket)
    col = {d: i for i, d in enumerate(edges[:-1])}
    row = {ln: i for i, ln in enumerate(lanes)}
    z: list[list[int | None]] = [[None] * (len(edges) - 1) for _ in lanes]
    for d, ln, n in counts:
        r, c = row[_fold(ln, keep)], col[d]
        z[r][c] = (z[r][c] or 0) + n
    labels = [bucket_label(d, bucket) for d in edges[:-1]]
    text = [[labels[c] if z[r][c] else "" for c in range(len(labels))] for r in range(len(lanes))]
    # Each cell is centred on the middle of its bucket so it spans the bucket on the date axis.
    mids = [
        (a + (b - a) / 2).isoformat() if bucket != "day" else a.isoformat()
        for a, b in zip(edges, edges[1:], strict=False)
    ]
    data = [
        {
            "type": "heatmap",
            "x": mids,
            "y": lanes,
            "z": z,
            "text": text,
            "colorscale": "YlOrRd",
            "hoverongaps": False,
            "colorbar": {"title": {"text": f"events / {bucket}"}, "thickness": 12},
            "hovertemplate": "%{y}<br>%{text}: %{z:,} events<extra></extra>",
            "xgap": 1,
            "ygap": 2,
        }
    ]
    layout = _base_layout(lanes, lane_title, window, exact)
    layout["meta"] = {
        "mode": "aggregate",
        "bucket": bucket,
        "edges": [d.isoformat() for d in edges],
    }
    return {"data": data, "layout": layout}


def map_figure(places: list[dict[str, Any]]) -> dict[str, Any]:
    """A scattergeo of places (rows from ``selectors.map_places``), framed on the points."""
    lats = [p["place__latitude"] for p in places]
    lons = [p["place__longitude"] for p in places]
    if lats:
        lat0, lat1 = min(lats) - 3, max(lats) + 3
        lon0, lon1 = min(lons) - 4, max(lons) + 4
        # Keep a readable minimum extent so one town does not fill the frame.
        if lon1 - lon0 < 14:
            mid = (lon0 + lon1) / 2
            lon0, lon1 = mid - 7, mid + 7
        if lat1 - lat0 < 10:
            mid = (lat0 + lat1) / 2
            lat0, lat1 = mid - 5, mid + 5
        # The map box is about three times wider than tall: widen the longitudes to match, so
        # the frame is filled rather than letterboxed.
        if lon1 - lon0 < 2.6 * (lat1 - lat0):
            mid, half = (lon0 + lon1) / 2, 1.3 * (lat1 - lat0)
            lon0, lon1 = mid - half, mid + half
    else:
        # The region the seed articles cover: Levant, Iraq, Iran.
        lat0, lat1, lon0, lon1 = 12.0, 42.0, 25.0, 63.0
    data = [
        {
            "type": "scattergeo",
            "lat": lats,
            "lon": lons,
            "text": [
                ", ".join(dict.fromkeys(x for x in (p["place__name"], p["place__country"]) if x))
                for p in places
            ],
            "customdata": [[p["place__slug"], p["n"]] for p in places],
            "marker": {
                "size": [round(min(40.0, 6 + 4 * math.sqrt(p["n"])), 1) for p in places],
                "color": "#B2182B",
                "opacity": 0.7,
                "line": {"color": "#ffffff", "width": 1},
            },
            "hovertemplate": "%{text}<br>%{customdata[1]:,} events<extra></extra>",
        }
    ]
    layout = {
        "height": 360,
        "margin": {"l": 0, "r": 0, "t": 0, "b": 0},
        "paper_bgcolor": "rgba(0,0,0,0)",
        "geo": {
            "scope": "world",
            "resolution": 110,
            "projection": {"type": "mercator"},
            "showland": True,
            "landcolor": "#f0ede6",
            "showcountries": True,
            "countrycolor": "#a8a29e",
            "showocean": True,
            "oceancolor": "#e6eef5",
            "lataxis": {"range": [max(-85, lat0), min(85, lat1)]},
            "lonaxis": {"range": [max(-180, lon0), min(180, lon1)]},
        },
    }
    return {"data": data, "layout": layout}
