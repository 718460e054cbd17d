"""Reader views: thin — parse the filters, call a selector, render the page or its partial.

One view, two renderings (DESIGN.md convention 2): the explorer renders the whole page for a
plain request (and for htmx's history-restore request), and for an htmx request only the part
the request targets (``#results`` by default, ``#detail`` for the event panel). Bad parameters
give a 400 with the reason on the page, whatever the rendering.
"""

from __future__ import annotations

import json
import re

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET
from django.views.decorators.vary import vary_on_headers

from timeline import charts, selectors
from timeline.filters import LANES, SORTS

EXPORT_FORMATS = [
    ("csv", "CSV (ACLED columns)"),
    ("geojson", "GeoJSON"),
    ("timelinejs", "TimelineJS"),
    ("fixture", "Django fixture"),
    ("jsonl", "JSON Lines"),
]
MULTI_PARAMS = (
    "actor",
    "members",
    "place",
    "country",
    "type",
    "publisher",
    "reliability",
    "credibility",
    "precision",
    "status",
)
_HL = re.compile(r"^(\d{1,9})-(\d{1,9})$")


def can_see_unverified(request: HttpRequest) -> bool:
    """Staff see every status (and may narrow with ``status=``); readers see verified events
    only. The explorer and its downloads both ask here, so an export matches the page."""
    return bool(request.user.is_authenticated and request.user.is_staff)


def _export_links(querystring: str) -> list[tuple[str, str]]:
    """Download links for the current filters; empty until the exports app's URLs exist."""
    links = []
    for fmt, label in EXPORT_FORMATS:
        try:
            url = reverse("exports:download", args=[fmt])
        except NoReverseMatch:
            return []
        links.append((label, f"{url}?{querystring}" if querystring else url))
    return links


def _explorer_context(request: HttpRequest, part: str | None = None) -> tuple[dict, int]:
    """The context for the whole page (``part`` None) or for one htmx partial: ``"results"``
    (everything but the filter form) or ``"detail-panel"`` (the selected event only).

    A part reads only what it shows: the filter form's option lists are skipped for both, and
    the detail panel skips the chart, map and list reads (it still validates the filters, so a
    bad query string is a 400 whatever is asked for).
    """
    staff = can_see_unverified(request)
    context: dict = {
        "staff": staff,
        "lanes": LANES,
        "params": request.GET,
        "errors": [],
        "status_ignored": bool(request.GET.get("status")) and not staff,
        "chosen": {key: request.GET.getlist(key) for key in MULTI_PARAMS},
        "chosen_lane": request.GET.get("lane") or "type",
    }
    if part is None:
        context["options"] = selectors.explorer_options()
    try:
        if part == "detail-panel":
            display = selectors.explorer_display(params=request.GET, include_unverified=staff)
        else:
            data = selectors.explorer_data(params=request.GET, include_unverified=staff)
            display = data.display
    except selectors.InvalidFilters as exc:
        context["errors"] = exc.messages
        return context, 400
    selected = None
    if display.get("event"):
        selected = selectors.event_detail(pk=display["event"], include_unverified=staff)
        if selected is None:
            context["errors"] = [f"No event {display['event']} is available."]
            return context, 400
    without_event = _with(request, event=None)
    context.update(selected=selected, event_close_url=without_event)
    if part == "detail-panel":
        return context, 200
    lane_title = LANES[data.lane]
    if data.mode == "aggregate":
        figure = charts.heatmap_figure(
            data.counts,
            bucket=data.bucket,
            lane_title=lane_title,
            window=data.window,
            exact=data.window_is_filter,
        )
    else:
        figure = charts.timeline_figure(
            data.points, lane_title=lane_title, window=data.window, exact=data.window_is_filter
        )
    filter_qs = selectors.filter_querystring(request.GET, drop=() if staff else ("status",))
    context.update(
        data=data,
        figure_script=_json_script(figure, "chart-figure"),
        map_script=_json_script(charts.map_figure(data.places), "map-figure"),
        exports=_export_links(filter_qs),
        sort_links=_sort_links(request, data.display["sort"]),
        page_links=_page_links(request, data.page, data.num_pages),
        event_prefix=without_event + ("&" if len(without_event) > 1 else ""),
        topojson_url=settings.STATIC_URL + "vendor/topojson/",
    )
    return context, 200


# Django's json_script escapes: <, > and & as \u escapes so the JSON cannot close the tag.
_JSON_SCRIPT_ESCAPES = (("&", "\\u0026"), ("<", "\\u003C"), (">", "\\u003E"))


def _json_script(value, element_id: str) -> str:
    """What ``{{ value|json_script:element_id }}`` renders, byte for byte, but escaped with
    three ``str.replace`` calls: the filter's ``str.translate`` with a dict took ~40 ms on the
    300 KB figure of a busy week, a third of the request's Python time."""
    text = json.dumps(value, cls=DjangoJSONEncoder)
    for char, escape in _JSON_SCRIPT_ESCAPES:
        text = text.replace(char, escape)
    return format_html(
        '<script id="{}" type="application/json">{}</script>', element_id, mark_safe(text)
    )


def _with(request: HttpRequest, **changes) -> str:
    """The current query string with ``changes`` applied (None removes a key)."""
    qd = request.GET.copy()
    for key, value in changes.items():
        qd.pop(key, None)
        if value is not None:
            qd[key] = value
    return "?" + qd.urlencode() if qd else "?"


def _sort_links(request: HttpRequest, current: str) -> dict[str, dict]:
    """For each sortable column: its link (toggling direction) and its aria-sort value."""
    links = {}
    for key in (k for k in SORTS if not k.startswith("-")):
        if current == key:
            nxt, aria = f"-{key}", "ascending"
        elif current == f"-{key}":
            nxt, aria = key, "descending"
        else:
            nxt, aria = key, "none"
        links[key] = {"url": _with(request, sort=nxt, page=None, event=None), "aria": aria}
    return links


def _page_links(request: HttpRequest, page: int, num_pages: int) -> dict[str, str | None]:
    def link(n: int) -> str | None:
        return _with(request, page=str(n) if n > 1 else None) if 1 <= n <= num_pages else None

    return {
        "first": link(1) if page > 1 else None,
        "prev": link(page - 1),
        "next": link(page + 1),
        "last": link(num_pages) if page < num_pages else None,
    }


@require_GET
@vary_on_headers("HX-Request", "HX-Target")
def explorer(request: HttpRequest) -> HttpResponse:
    """The timeline page; ``#results`` or ``#detail`` alone for htmx requests."""
    htmx = getattr(request, "htmx", None)
    part = None
    if htmx and not htmx.history_restore_request:
        part = "detail-panel" if htmx.target == "detail" else "results"
    context, status = _explorer_context(request, part)
    template = "timeline/explorer.html" + (f"#{part}" if part else "")
    return render(request, template, context, status=status)


@require_GET
def event_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The permalink page of one event with every excerpt behind it."""
    event = selectors.event_detail(pk=pk, include_unverified=can_see_unverified(request))
    if event is None:
        raise Http404("No such event.")
    return render(request, "timeline/event_detail.html", {"event": event, "selected": event})


@require_GET
def article_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """An article's text with the words its events quote marked; ``?hl=start-end`` marks one
    quote as the one the reader came from and scrolls to it."""
    highlight = None
    raw = request.GET.get("hl")
    error = None
    if raw:
        m = _HL.match(raw)
        if not m or int(m.group(1)) >= int(m.group(2)):
            error = "The highlight must be two offsets, start-end, with start before end."
        else:
            highlight = (int(m.group(1)), int(m.group(2)))
    found = selectors.article_detail(
        pk=pk,
        highlight=None if error else highlight,
        include_unverified=can_see_unverified(request),
    )
    if found is None:
        raise Http404("No such article.")
    article, segments, events = found
    if highlight and highlight[1] > len(article.body):
        error, highlight = "The highlight lies outside the article.", None
        article, segments, events = selectors.article_detail(
            pk=pk, include_unverified=can_see_unverified(request)
        )
    context = {"article": article, "segments": segments, "events": events, "error": error}
    return render(request, "timeline/article_detail.html", context, status=400 if error else 200)
