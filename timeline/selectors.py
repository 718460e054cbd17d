"""Every read of events goes through here, driven by one filter parsed from the query string,
so the page, the chart, the map and every export show the same thing.

Contracts:
- :func:`event_list` is what exports call: a QuerySet of :class:`Event`, verified only unless
  ``include_unverified``; invalid parameters raise :class:`InvalidFilters` (a ``BadRequest``,
  which Django turns into a 400 when a view lets it through).
- Every function here issues a fixed number of queries whatever the size of the data; the
  explorer asks for single events only when the window holds at most
  ``settings.TIMELINE_EXPLORER_MAX_POINTS`` of them and for counts per period otherwise.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from django.conf import settings
from django.core.exceptions import BadRequest
from django.db.models import (
    Count,
    DateField,
    Exists,
    F,
    Max,
    Min,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Sum,
)
from django.db.models.functions import Trunc
from django.http import QueryDict
from django.utils.datastructures import MultiValueDict

from timeline.filters import (
    FILTER_PARAMS,
    LANES,
    DisplayForm,
    EventFilter,
    Unindexed,
)
from timeline.models import (
    WITHIN_LEVELS,
    Actor,
    ActorDayCount,
    Article,
    Credibility,
    DatePrecision,
    Event,
    EventActor,
    EventStatus,
    EventType,
    Excerpt,
    Place,
    Publisher,
    Reliability,
    within_path,
)

DEFAULT_MAX_POINTS = 3000
# Undated events and unknown fatalities sort last whichever the direction.
ORDERINGS = {
    "date": (F("date_start").asc(nulls_last=True), "pk"),
    "-date": (F("date_start").desc(nulls_last=True), "-pk"),
    "fatalities": (F("fatalities").asc(nulls_last=True), "pk"),
    "-fatalities": (F("fatalities").desc(nulls_last=True), "-pk"),
    "headline": ("headline", "pk"),
    "-headline": ("-headline", "-pk"),
    "type": ("event_type", F("date_start").asc(nulls_last=True), "pk"),
    "-type": ("-event_type", F("date_start").desc(nulls_last=True), "-pk"),
    "place": (F("place__name").asc(nulls_last=True), "date_start", "pk"),
    "-place": (F("place__name").desc(nulls_last=True), "-date_start", "-pk"),
}
PER_PAGE = 50
NO_LANE = {"type": "(no type)", "actor": "(no actor)", "country": "(no country)"}


class InvalidFilters(BadRequest):
    """The query string could not be understood; ``messages`` say why, in plain words.

    The messages never echo a raw value except through template autoescaping.
    """

    def __init__(self, messages: list[str]):
        super().__init__("; ".join(messages))
        self.messages = messages


def max_points() -> int:
    """Above this many events in the window the chart shows counts, not single events."""
    return int(getattr(settings, "TIMELINE_EXPLORER_MAX_POINTS", DEFAULT_MAX_POINTS))


# --------------------------------------------------------------------------- parameters


def _as_querydict(params: Mapping[str, Any]) -> MultiValueDict:
    """A multi-valued copy of ``params`` without empty values (an empty form field filters
    nothing, so ``?start=&actor=`` means the same as ``?``)."""
    out = QueryDict(mutable=True)
    if isinstance(params, MultiValueDict):
        items = ((k, params.getlist(k)) for k in params)
    else:
        items = ((k, list(v) if isinstance(v, list | tuple) else [v]) for k, v in params.items())
    for key, values in items:
        kept = [v for v in (str(x) for x in values) if v.strip() != ""]
        if kept:
            out.setlist(key, kept)
    return out


def _form_messages(form) -> list[str]:
    messages = []
    for name, errors in form.errors.items():
        label = form.fields[name].label if name in form.fields else None
        for error in errors:
            messages.append(
                f"{label or name.capitalize()}: {error}" if name != "__all__" else error
            )
    return messages


def event_filterset(*, params: Mapping[str, Any], include_unverified: bool = False) -> EventFilter:
    """The bound, validated :class:`EventFilter` for ``params``.

    ``status`` is honoured only when ``include_unverified``; otherwise it is dropped and the
    queryset holds verified events only. Raises :class:`InvalidFilters`.
    """
    data = _as_querydict(params)
    if include_unverified:
        base = Event.objects.all()
    else:
        data.pop("status", None)
        base = Event.objects.filter(status=EventStatus.VERIFIED)
    fs = EventFilter(data=data, queryset=base)
    if not fs.is_valid():
        raise InvalidFilters(_form_messages(fs.form))
    return fs


def event_list(*, params: Mapping[str, Any], include_unverified: bool = False) -> QuerySet[Event]:
    """Events matching ``params`` (a query string); verified only unless asked otherwise.

    Ordered by date then id, place joined. Raises :class:`InvalidFilters` on bad parameters.
    """
    fs = event_filterset(params=params, include_unverified=include_unverified)
    return fs.qs.select_related("place").order_by("date_start", "pk")


def display_state(*, params: Mapping[str, Any]) -> dict[str, Any]:
    """Validated display parameters (``lane``, ``sort``, ``page``, ``event``)."""
    form = DisplayForm(data=_as_querydict(params))
    if not form.is_valid():
        raise InvalidFilters(_form_messages(form))
    return form.cleaned_data


def explorer_display(*, params: Mapping[str, Any], include_unverified: bool = False) -> dict:
    """Validate the whole query string, filters included, but read no events: the display
    state, for a request that shows only the selected event. Raises :class:`InvalidFilters`."""
    event_filterset(params=params, include_unverified=include_unverified)
    return display_state(params=params)


def filter_querystring(params: Mapping[str, Any], *, drop: tuple[str, ...] = ()) -> str:
    """The filter part of ``params`` re-encoded (for exports and links), empties removed."""
    data = _as_querydict(params)
    out = QueryDict(mutable=True)
    for key in FILTER_PARAMS:
        if key in data and key not in drop:
            out.setlist(key, data.getlist(key))
    return out.urlencode()


# --------------------------------------------------------------------------- dates


def date_label(start: date | None, end: date | None, precision: str) -> str:
    """The date as precisely as it is known: "31 Aug 2015", "week of 31 Aug 2015", "Sep 2015"."""
    if start is None:
        return "Date unknown"
    if precision == DatePrecision.DAY and (end is None or end == start):
        return f"{start.day} {start:%b %Y}"
    if precision == DatePrecision.WEEK:
        return f"week of {start.day} {start:%b %Y}"
    if precision == DatePrecision.MONTH:
        if end is None or (end.year, end.month) == (start.year, start.month):
            return f"{start:%b %Y}"
        return f"{start:%b %Y} – {end:%b %Y}"
    if precision == DatePrecision.YEAR:
        return (
            f"{start.year}" if end is None or end.year == start.year else f"{start.year}–{end.year}"
        )
    end = end or start
    if end == start:
        return f"{start.day} {start:%b %Y}"
    prefix = "between " if precision == DatePrecision.UNKNOWN else ""
    return f"{prefix}{start.day} {start:%b %Y} – {end.day} {end:%b %Y}"


def short_date(d: date) -> str:
    return f"{d.day} {d:%b %Y}"


# --------------------------------------------------------------------------- explorer


@dataclass
class ExplorerData:
    """Everything the explorer page shows, read in a bounded number of queries."""

    filters: dict[str, Any]
    display: dict[str, Any]
    total: int
    first: date | None
    last: date | None
    undated: int
    mode: str  # "points" or "aggregate"
    lane: str
    bucket: str | None = None
    points: list[dict[str, Any]] = field(default_factory=list)
    counts: list[tuple[date, str, int]] = field(default_factory=list)
    places: list[dict[str, Any]] = field(default_factory=list)
    unmapped: int = 0  # of ``total``: no place, or a place with no point (own or inherited)
    rows: list[Event] = field(default_factory=list)
    page: int = 1
    num_pages: int = 1
    summary: str = ""
    window: tuple[date | None, date | None] = (None, None)
    window_is_filter: bool = False


def choose_bucket(first: date, last: date) -> str:
    """Day, week or month buckets so that a window draws as at most a few hundred columns."""
    span = (last - first).days
    if span <= 120:
        return "day"
    if span <= 3 * 366:
        return "week"
    return "month"


def bucket_start(d: date, bucket: str) -> date:
    if bucket == "day":
        return d
    if bucket == "week":
        return d - timedelta(days=d.weekday())
    return d.replace(day=1)


def _lane_value_field(lane: str) -> str:
    return {"type": "event_type", "country": "place__country"}[lane]


def explorer_data(*, params: Mapping[str, Any], include_unverified: bool = False) -> ExplorerData:
    """Read what the explorer shows for ``params``. Raises :class:`InvalidFilters`.

    Queries: the filter's own look-ups (one per actor/place/publisher/country value list
    given, and one for the places within the chosen places), one for counts and bounds, one
    or two for the chart, two or three for the map, and three for the list page — never more
    as the data grows.
    """
    fs = event_filterset(params=params, include_unverified=include_unverified)
    display = display_state(params=params)
    qs = fs.qs
    cleaned = fs.form.cleaned_data
    stats = qs.aggregate(
        total=Count("pk"), dated=Count("date_start"), first=Min("date_start"), last=Max("date_end")
    )
    total, first, last = stats["total"], stats["first"], stats["last"]
    lane = display["lane"]
    num_pages = max(1, -(-total // PER_PAGE))
    page = display["page"]
    if page > num_pages:
        raise InvalidFilters(
            [
                f"Page {page} does not exist: there {'is' if num_pages == 1 else 'are'} "
                f"{num_pages} page{'' if num_pages == 1 else 's'}."
            ]
        )
    window = (cleaned.get("start") or first, cleaned.get("end") or last)
    data = ExplorerData(
        filters=cleaned,
        display=display,
        total=total,
        first=first,
        last=last,
        undated=total - stats["dated"],
        mode="points",
        lane=lane,
        page=page,
        num_pages=num_pages,
        window=window,
        window_is_filter=bool(cleaned.get("start") and cleaned.get("end")),
    )
    if cleaned.get("start") and first is not None:
        # "Ends on or after the start" bounds no index range on (status, date_start, ...), so
        # each read below would scan every event from the first ever up to the window's end
        # (2006-2015 for a week of 2015). The earliest start among the matching events, just
        # counted, bounds it from below without changing the result (undated events cannot
        # match a start filter): ~0.1 s less per read at a million events.
        qs = qs.filter(date_start__gte=first)
    dated = qs.filter(date_start__isnull=False)
    used = {key for key in FILTER_PARAMS if key in fs.data}
    if stats["dated"] > max_points():
        data.mode = "aggregate"
        data.bucket = choose_bucket(window[0], window[1])
        if lane == "actor" and used <= STATUS_ONLY_FILTERS:
            statuses = cleaned.get("status") or _visible_statuses(include_unverified)
            data.counts = actor_day_counts(statuses=statuses, bucket=data.bucket)
        else:
            data.counts = event_counts(qs=dated, lane=lane, bucket=data.bucket)
    elif stats["dated"]:
        data.points = event_points(qs=dated, lane=lane)
    if total:
        located = map_places(qs=qs, along_place_index=used <= PLACE_INDEX_FILTERS)
        # Events with no place, or at one not yet located ("the village of Tokhar", as the
        # extractor proposes it) nor inside a located one, are not on the map: the page says
        # how many.
        data.unmapped = total - sum(r["n"] for r in located)
        data.places = located[:MAP_PLACES_LIMIT]
    data.rows = event_page(qs=qs, sort=display["sort"], page=page) if total else []
    data.summary = summary_sentence(total=total, start=window[0], end=window[1], cleaned=cleaned)
    return data


def event_points(*, qs: QuerySet[Event], lane: str) -> list[dict[str, Any]]:
    """One row per event for the chart: id, headline, dates, label, type, fatalities, place,
    and the lanes it belongs to (several when lanes are actors). One or two queries."""
    rows = list(
        qs.order_by().values(
            "pk",
            "headline",
            "date_start",
            "date_end",
            "date_precision",
            "event_type",
            "fatalities",
            "place__name",
            "place__country",
        )
    )
    type_labels = dict(EventType.choices)
    actor_lanes: dict[int, list[str]] = defaultdict(list)
    if lane == "actor":
        for event_id, name in (
            EventActor.objects.filter(event__in=qs.order_by().values("pk"))
            .order_by("actor__name")
            .values_list("event_id", "actor__name")
        ):
            actor_lanes[event_id].append(name)
    for r in rows:
        r["date_label"] = date_label(r["date_start"], r["date_end"], r["date_precision"])
        r["type_label"] = type_labels.get(r["event_type"], r["event_type"])
        r["place_label"] = (
            ", ".join(dict.fromkeys(x for x in (r["place__name"], r["place__country"]) if x))
            or "Place unknown"
        )
        if lane == "actor":
            r["lanes"] = actor_lanes.get(r["pk"]) or [NO_LANE["actor"]]
        elif lane == "country":
            r["lanes"] = [r["place__country"] or NO_LANE["country"]]
        else:
            r["lanes"] = [r["type_label"]]
    return rows


class BucketStart(Trunc):
    """The first day of the day, week (from Monday) or month holding a date: Django's
    ``Trunc``, except on SQLite, where Django's version calls back into Python for every row
    and SQLite's own ``date()`` with modifiers does the same in C."""

    SQLITE_MODIFIERS = {
        "day": (),
        "week": ("-6 days", "weekday 1"),  # the Monday on or before the date
        "month": ("start of month",),
    }

    def __init__(self, expression, bucket: str, **extra):
        super().__init__(expression, bucket, output_field=DateField(), **extra)

    def as_sqlite(self, compiler, connection, **extra_context):
        sql, params = compiler.compile(self.lhs)
        modifiers = self.SQLITE_MODIFIERS[self.kind]
        return f"date({sql}{', %s' * len(modifiers)})", (*params, *modifiers)


def event_counts(*, qs: QuerySet[Event], lane: str, bucket: str) -> list[tuple[date, str, int]]:
    """Counts of events per (bucket start, lane).

    Lanes from the event row (type, country) are grouped on the raw start date, an indexed
    column, and summed into buckets here: SQLite reads them in index order and a few
    thousand days x lanes come back. Actor lanes are grouped on the bucket in the database:
    there the join makes one row per link, and grouping on days would send back a row per
    (day, actor) — 326,000 for a million events, most of the Python time of that request.
    """
    type_labels = dict(EventType.choices)
    if lane == "actor":
        # One count per (bucket, actor) link, read from the events' side: the filtered events
        # in index order, each joined to its links by the (event, actor) index. Starting from
        # the link table with ``event_id IN (filtered events)`` made SQLite build the whole id
        # list first and then look up every event again.
        grouped = (
            qs.order_by()
            .filter(event_actors__isnull=False)
            .values_list(BucketStart("date_start", bucket), "event_actors__actor__name")
            .annotate(n=Count("pk"))
            .order_by()
        )
    else:
        grouped = (
            qs.order_by()
            .values_list("date_start", _lane_value_field(lane))
            .annotate(n=Count("pk"))
            .order_by()
        )
    starts: dict[date, date] = {}  # each day's bucket, worked out once per day
    totals: Counter[tuple[date, str]] = Counter()
    for day, lane_value, n in grouped:
        if lane == "type":
            lane_value = type_labels.get(lane_value, lane_value)
        start = starts.get(day)
        if start is None:
            start = starts[day] = bucket_start(day, bucket)
        totals[(start, lane_value or NO_LANE[lane])] += n
    return sorted((d, ln, n) for (d, ln), n in totals.items())


# Filters that select events by status alone (``members`` modifies ``actor``, nothing else):
# with no other filter, actor lanes are read from the per-day counts table.
STATUS_ONLY_FILTERS = frozenset({"status", "members"})


def actor_day_counts(*, statuses: list[str], bucket: str) -> list[tuple[date, str, int]]:
    """What :func:`event_counts` gives for actor lanes when events are selected by status
    alone, read from :class:`ActorDayCount` (links counted per actor, status and start day,
    kept by database triggers) instead of joining every event to its links.

    A million events: ~1.8M links joined and sorted (2.1 s of SQLite time) against a few
    hundred thousand day rows summed into buckets (~0.15 s). One query."""
    grouped = (
        ActorDayCount.objects.filter(status__in=statuses, n__gt=0)
        .values_list(BucketStart("day", bucket), "actor__name")
        .annotate(total=Sum("n"))
        .order_by()
    )
    return sorted((start, name, n) for start, name, n in grouped)


def actor_day_counts_from_links() -> dict[tuple[int, str, date], int]:
    """What :class:`ActorDayCount` should hold, counted from the links themselves:
    (actor id, status, start day) -> number of links. One query over every link."""
    return {
        (actor_id, status, day): n
        for actor_id, status, day, n in EventActor.objects.filter(event__date_start__isnull=False)
        .values_list("actor_id", "event__status", "event__date_start")
        .annotate(n=Count("pk"))
        .order_by()
    }


def actor_day_count_drift() -> int:
    """How many (actor, status, day) keys differ between :class:`ActorDayCount` and the
    links (0: none; otherwise ``services.counts.rebuild_actor_day_counts`` repairs it)."""
    expected = actor_day_counts_from_links()
    stored = {
        (a, s, d): n
        for a, s, d, n in ActorDayCount.objects.values_list("actor_id", "status", "day", "n")
    }
    return sum(1 for key in expected.keys() | stored.keys() if expected.get(key) != stored.get(key))


MAP_PLACES_LIMIT = 5000  # the places drawn (the most events first): the figure stays light
# Filters the (place, status, date_start, date_end) event index answers by itself.
PLACE_INDEX_FILTERS = frozenset({"start", "end", "place", "status", "members"})


# What the map and the exports need of the place a marker stands for.
POINT_FIELDS = ("id", "slug", "name", "country", "latitude", "longitude")


def places_shown_at(place_ids: Iterable[int]) -> dict[int, dict[str, Any]]:
    """For each of ``place_ids`` with no coordinates of its own, the nearest place it lies
    within that has some (at most :data:`WITHIN_LEVELS` up): a dict of :data:`POINT_FIELDS`.
    Places with a point of their own, and those with no located place above them, are not
    in the result. One query (the chain read by joins, so a loop cannot run on), and none
    when ``place_ids`` is empty."""
    ids = list(place_ids)
    if not ids:
        return {}
    chain_fields = [
        within_path(level, f) for level in range(1, WITHIN_LEVELS + 1) for f in POINT_FIELDS
    ]
    shown: dict[int, dict[str, Any]] = {}
    for pk, *chain in Place.objects.filter(
        pk__in=ids, latitude__isnull=True, within__isnull=False
    ).values_list("pk", *chain_fields):
        for i in range(0, len(chain), len(POINT_FIELDS)):
            point = dict(zip(POINT_FIELDS, chain[i : i + len(POINT_FIELDS)], strict=True))
            if point["latitude"] is not None and point["longitude"] is not None:
                shown[pk] = point
                break
    return shown


def map_places(*, qs: QuerySet[Event], along_place_index: bool = True) -> list[dict[str, Any]]:
    """One row per map marker: slug, name, country, lat, lon, number of events; the most
    events first. An event at a place with no coordinates of its own is counted on the marker
    of the located place it lies within (:func:`places_shown_at`: Tahrir Square's events on
    Baghdad's), so that markers never stack on one point and clicking Baghdad's filters to
    all of them (the place filter takes in the places within).

    Two queries rather than one join, plus a third only when some counted place is shown at
    another's point: counting per ``place_id`` on the event table alone lets the database use
    an index for the window, where the join made SQLite scan every event of every place (1.6
    s for one week among a million events). ``along_place_index``: the filter uses only
    columns of the (place, status, dates) index (:data:`PLACE_INDEX_FILTERS`), so the count
    may walk that index; otherwise the count is grouped on an expression so that the index
    for the other filters is used (see :class:`timeline.filters.Unindexed`).
    """
    key = F("place_id") if along_place_index else Unindexed("place_id")
    counts = dict(
        qs.filter(place__isnull=False)
        .order_by()
        .values(place_key=key)
        .annotate(n=Count("pk"))
        .values_list("place_key", "n")
    )
    places = list(
        Place.objects.filter(pk__in=counts)
        .filter(Q(latitude__isnull=False) | Q(within__isnull=False))
        .values(*POINT_FIELDS)
    )
    shown_at = places_shown_at(p["id"] for p in places if p["latitude"] is None)
    markers: dict[int, dict[str, Any]] = {}
    for p in places:
        point = p if p["latitude"] is not None else shown_at.get(p["id"])
        if point is None:
            continue  # not located, nor inside a located place: not on the map
        marker = markers.setdefault(
            point["id"],
            {
                "place__slug": point["slug"],
                "place__name": point["name"],
                "place__country": point["country"],
                "place__latitude": point["latitude"],
                "place__longitude": point["longitude"],
                "n": 0,
            },
        )
        marker["n"] += counts[p["id"]]
    rows = list(markers.values())
    rows.sort(key=lambda r: (-r["n"], r["place__name"]))
    return rows


def event_page(*, qs: QuerySet[Event], sort: str, page: int) -> list[Event]:
    """One page of the list, with place, actors and the number of excerpts (three queries)."""
    offset = (page - 1) * PER_PAGE
    events = list(
        qs.select_related("place")
        .prefetch_related(
            Prefetch(
                "event_actors",
                queryset=EventActor.objects.select_related("actor").order_by("role", "actor__name"),
            )
        )
        .order_by(*ORDERINGS[sort])[offset : offset + PER_PAGE]
    )
    if events:
        sources = dict(
            Excerpt.objects.filter(event_id__in=[e.pk for e in events])
            .values_list("event_id")
            .annotate(n=Count("pk"))
            .order_by()
        )
        for e in events:
            e.source_count = sources.get(e.pk, 0)
            e.date_label = date_label(e.date_start, e.date_end, e.date_precision)
    return events


def summary_sentence(
    *, total: int, start: date | None, end: date | None, cleaned: Mapping[str, Any]
) -> str:
    """One plain sentence: "41 events from 31 Aug 2015 to 28 Oct 2016 · actor: Kataib Hezbollah
    · type: Battles". Parts appear in a fixed order, only for filters in use."""
    head = "No events" if total == 0 else f"{total:,} event{'' if total == 1 else 's'}"
    if start and end:
        head += f" from {short_date(start)} to {short_date(end)}"
    elif start:
        head += f" from {short_date(start)}"
    elif end:
        head += f" up to {short_date(end)}"
    parts = [head]

    def names(values) -> str:
        return ", ".join(str(v) for v in values)

    if cleaned.get("actor"):
        label = "actor" if len(cleaned["actor"]) == 1 else "actors"
        extra = " (with member groups)" if cleaned.get("members") else ""
        parts.append(f"{label}: {names(a.name for a in cleaned['actor'])}{extra}")
    if cleaned.get("type"):
        types = dict(EventType.choices)
        parts.append(f"type: {names(types[t] for t in cleaned['type'])}")
    if cleaned.get("place"):
        parts.append(f"place: {names(p.name for p in cleaned['place'])}")
    if cleaned.get("country"):
        parts.append(f"country: {names(cleaned['country'])}")
    if cleaned.get("publisher"):
        parts.append(f"publisher: {names(p.name for p in cleaned['publisher'])}")
    if cleaned.get("reliability"):
        parts.append(f"source reliability: {names(sorted(cleaned['reliability']))}")
    if cleaned.get("credibility"):
        parts.append(f"credibility: {names(sorted(cleaned['credibility']))}")
    if cleaned.get("min_fatalities") is not None:
        parts.append(f"at least {int(cleaned['min_fatalities']):,} killed")
    if cleaned.get("precision"):
        prec = dict(DatePrecision.choices)
        parts.append(f"dated to the: {names(prec[p].lower() for p in cleaned['precision'])}")
    if cleaned.get("q"):
        parts.append(f"text: “{cleaned['q'].strip()}”")
    if cleaned.get("status"):
        st = dict(EventStatus.choices)
        parts.append(f"status: {names(st[s].lower() for s in cleaned['status'])}")
    return " · ".join(parts)


def _has_events_q() -> Q:
    """Places with an event, or with one at a place within them (a few levels): Baghdad for
    Tahrir Square's events, whose map marker it is and whose filter takes them in."""
    # EXISTS probes the event index once per place; the join with DISTINCT read every
    # event (0.2-0.3 s on each page load at a million events).
    has_events = Exists(Event.objects.filter(place=OuterRef("pk")))
    with_events = Place.objects.filter(has_events, within__isnull=False)
    q = Q(has_events)
    for level in range(WITHIN_LEVELS):
        q |= Q(pk__in=with_events.values(within_path(level, "within_id")))
    return q


def explorer_options() -> dict[str, list]:
    """The values the filter controls offer (four queries)."""
    return {
        "actors": list(
            Actor.objects.order_by("name").values(
                "pk", "name", "slug", "parent_id", parent_name=F("parent__name")
            )
        ),
        "places": list(
            Place.objects.filter(_has_events_q()).order_by("name").values("slug", "name", "country")
        ),
        "countries": list(
            Place.objects.exclude(country="")
            .order_by("country")
            .values_list("country", flat=True)
            .distinct()
        ),
        "publishers": list(Publisher.objects.order_by("name").values("pk", "name", "reliability")),
        "types": EventType.choices,
        "reliability": Reliability.choices,
        "credibility": Credibility.choices,
        "precision": DatePrecision.choices,
        "status": EventStatus.choices,
    }


# --------------------------------------------------------------------------- detail pages

_PARA = re.compile(r"\n\s*\n")
CONTEXT_CHARS = 700


def paragraph_around(body: str, start: int, end: int) -> tuple[str, str, str]:
    """(before, quote, after): the paragraph holding ``body[start:end]``, split round it.

    Paragraphs are blank-line separated; a very long paragraph (or a text without blank lines)
    is cut to about CONTEXT_CHARS either side at a line or word boundary, with an ellipsis.
    """
    p_start = 0
    for m in _PARA.finditer(body, 0, start):
        p_start = m.end()
    m = _PARA.search(body, end)
    p_end = m.start() if m else len(body)
    before, after = body[p_start:start], body[end:p_end]
    if len(before) > CONTEXT_CHARS:
        cut = before[-CONTEXT_CHARS:]
        nl = cut.find("\n")
        cut = cut[nl + 1 :] if nl != -1 else cut[cut.find(" ") + 1 :]
        before = "… " + cut
    if len(after) > CONTEXT_CHARS:
        cut = after[:CONTEXT_CHARS]
        nl = cut.rfind("\n")
        cut = cut[:nl] if nl != -1 else cut[: cut.rfind(" ")]
        after = cut + " …"
    return before, body[start:end], after


def _visible_statuses(include_unverified: bool) -> list[str]:
    return list(EventStatus.values) if include_unverified else [EventStatus.VERIFIED]


def event_detail(*, pk: int, include_unverified: bool = False) -> Event | None:
    """The event with place, actors (by role) and every excerpt with its article, publisher
    and paragraph context (``excerpt.context`` = (before, quote, after)); for a place with no
    coordinates of its own, ``shown_at_name`` (the place the map shows it at) or
    ``place_unmapped``. Three queries, a fourth for such a place. None when no such event is
    visible."""
    event = (
        Event.objects.filter(pk=pk, status__in=_visible_statuses(include_unverified))
        .select_related("place")
        .prefetch_related(
            Prefetch(
                "event_actors",
                queryset=EventActor.objects.select_related("actor").order_by("role", "actor__name"),
            ),
            Prefetch(
                "excerpts",
                queryset=Excerpt.objects.select_related("article__publisher").order_by(
                    "article__published", "article_id", "start"
                ),
            ),
        )
        .first()
    )
    if event is None:
        return None
    event.date_label = date_label(event.date_start, event.date_end, event.date_precision)
    # Where the map shows a place with no coordinates of its own (the town a square lies in),
    # or that it is not on the map: one more query, and only for such a place.
    event.shown_at_name = ""
    event.place_unmapped = False
    if event.place is not None and not event.place.has_point:
        shown = places_shown_at([event.place.pk]).get(event.place.pk)
        event.shown_at_name = shown["name"] if shown else ""
        event.place_unmapped = shown is None
    for ex in event.excerpts.all():
        ex.context = paragraph_around(ex.article.body, ex.start, ex.end)
    return event


@dataclass
class ArticleSegment:
    text: str
    excerpt_ids: list[int]
    event_ids: list[int]
    active: bool
    first_active: bool = False


def article_detail(
    *, pk: int, highlight: tuple[int, int] | None = None, include_unverified: bool = False
) -> tuple[Article, list[ArticleSegment], list[Event]] | None:
    """The article, its body cut into segments marked where visible events quote it (the
    ``highlight`` span, if any, marked active), and those events. Two queries."""
    article = Article.objects.select_related("publisher").filter(pk=pk).first()
    if article is None:
        return None
    excerpts = list(
        Excerpt.objects.filter(
            article=article, event__status__in=_visible_statuses(include_unverified)
        )
        .select_related("event")
        .order_by("start", "end")
    )
    body = article.body
    spans = [(ex.start, ex.end, ex) for ex in excerpts]
    cuts = {0, len(body)}
    for s, e, _ in spans:
        cuts.update((s, e))
    if highlight:
        cuts.update(highlight)
    cuts_sorted = sorted(c for c in cuts if 0 <= c <= len(body))
    segments = []
    for a, b in zip(cuts_sorted, cuts_sorted[1:], strict=False):
        covering = [ex for s, e, ex in spans if s <= a and b <= e]
        segments.append(
            ArticleSegment(
                text=body[a:b],
                excerpt_ids=[ex.pk for ex in covering],
                event_ids=sorted({ex.event_id for ex in covering}),
                active=bool(highlight and highlight[0] <= a and b <= highlight[1]),
            )
        )
    for seg in segments:
        if seg.active:
            seg.first_active = True
            break
    events: dict[int, Event] = {}
    for ex in excerpts:
        ev = ex.event
        if ev.pk not in events:
            ev.date_label = date_label(ev.date_start, ev.date_end, ev.date_precision)
            ev.first_excerpt = ex
            events[ev.pk] = ev
    ordered = sorted(events.values(), key=lambda e: (e.date_start or date.max, e.pk))
    return article, segments, ordered


def lane_label(lane: str) -> str:
    return LANES[lane]
