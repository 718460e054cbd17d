"""Ingest article files: validate them, extract candidate events, store them idempotently.

Used by the ``ingest`` command and by the admin upload, so both refuse the same bad input
with the same message.

Contracts:

- ``source_decode`` turns the bytes of one file into text or raises ``SourceError`` whose
  message names the file and the problem (empty, binary, not UTF-8 and at which byte, too
  large, no article text). It never writes anything.
- ``source_extract`` is ``source_decode`` plus the (pure) extraction pipeline; a file whose
  header is malformed, or which holds no article, raises ``SourceError`` too.
- ``sources_ingest`` validates and extracts every file first (no writes), then writes each
  good file in its own ``transaction.atomic()``: a bad file writes nothing and the good files
  beside it still go in. Files linked by one happening (``merge_candidates`` groups that span
  them) are written in one transaction, so an event never half-exists.
- Identity, so a re-run on the same files changes nothing: articles by the sha256 of their
  body, publishers by name, actors and places by the gazetteer's canonical name, candidate
  events by a fingerprint (sha256 of article hash, excerpt span and type).
- A place found inside a known one ("Tahrir Square (Baghdad)", ``PlaceInfo.within``) lies
  within that place's row, found or made from the gazetteer the same way.
- A re-run with a changed extractor deletes the candidates it no longer proposes for the
  articles it writes, if ingest made them and no person touched them.
- Curators win: only events still in status *candidate* and never edited by a person are
  refreshed; verified and rejected events are left exactly as they are. Articles, actors and
  places that exist are only completed (empty fields filled, aliases added), never
  overwritten.
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path, PurePath
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import DatabaseError, connection, transaction
from django.db.models import Q
from django.utils.text import slugify

from timeline.extraction.types import ROLE_RANK, ArticleText, CandidateEvent, PlaceInfo
from timeline.models import (
    Actor,
    ActorKind,
    ActorRole,
    Article,
    DateBasis,
    DatePrecision,
    Event,
    EventActor,
    EventStatus,
    Excerpt,
    Place,
    PlaceKind,
    PlacePrecision,
    Publisher,
)

logger = logging.getLogger(__name__)

MODEL_KEYS = ("articles", "events", "excerpts", "actors", "places", "publishers")
# "deleted" counts stale candidates only: events ingest itself made from an article that a
# re-run no longer extracts (a better extractor), never touched by a person.
OUTCOMES = ("inserted", "updated", "unchanged", "deleted")

# Recorded as the change reason of every history row ingest writes, so a later run can tell
# its own edits from a curator's.
INGEST_REASON = "ingest"

# A text file has few control characters besides tab, newline, carriage return, form feed.
_TEXT_CONTROLS = {0x09, 0x0A, 0x0C, 0x0D}
_MAX_CONTROL_RATIO = 0.05

_PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3, "unknown": 4}
_STATUS_PRIORITY = {EventStatus.VERIFIED: 0, EventStatus.REJECTED: 1, EventStatus.CANDIDATE: 2}


@dataclass(frozen=True)
class Source:
    """One file to ingest: the name shown in messages and its raw bytes."""

    name: str
    data: bytes


class SourceError(Exception):
    """A file that cannot be ingested; ``str(error)`` is one line: ``"<file>: <problem>"``."""

    def __init__(self, name: str, problem: str) -> None:
        self.name = name
        self.problem = problem
        super().__init__(f"{name}: {problem}")


def _size(n: int) -> str:
    if n < 1024:
        return f"{n} bytes"
    if n < 1024 * 1024:
        return f"{n / 1024:.1f} KiB"
    return f"{n / (1024 * 1024):.1f} MiB"


def max_article_bytes() -> int:
    """The size limit of one article file (``settings.TIMELINE_MAX_ARTICLE_BYTES``)."""
    return int(getattr(settings, "TIMELINE_MAX_ARTICLE_BYTES", 2 * 1024 * 1024))


def source_decode(*, source: Source, max_bytes: int) -> str:
    """The text of ``source``, or ``SourceError`` saying why it is not an article file.

    Checks, in order: too large, empty (or whitespace only), UTF-16 (a byte-order mark),
    binary (a NUL byte or many control characters), not UTF-8 (with the offending byte and
    its offset), no letters at all. A UTF-8 byte-order mark is dropped; nothing else is
    changed, because excerpts are offsets into the text exactly as in the file.
    """
    name, data = source.name, source.data
    if len(data) > max_bytes:
        raise SourceError(
            name, f"file too large ({_size(len(data))}; the limit is {_size(max_bytes)})"
        )
    if not data.strip():
        raise SourceError(name, "empty file" if not data else "empty file (only whitespace)")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise SourceError(name, "UTF-16 text, not UTF-8; save the file as UTF-8")
    nul = data.find(b"\x00")
    if nul != -1:
        raise SourceError(name, f"binary file, not text (NUL byte at offset {nul})")
    controls = sum(1 for b in data if (b < 0x20 and b not in _TEXT_CONTROLS) or b == 0x7F)
    if controls / len(data) > _MAX_CONTROL_RATIO:
        raise SourceError(name, f"binary file, not text ({controls} control bytes in {len(data)})")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        bad = data[exc.start : exc.start + 1].hex()
        raise SourceError(
            name,
            f"not UTF-8 (invalid byte 0x{bad} at offset {exc.start}); save the file as UTF-8",
        ) from None
    if text.startswith("\ufeff"):
        text = text[1:]
    if not any(ch.isalpha() for ch in text):
        raise SourceError(name, "no article text (the file holds no words)")
    return text


# --- extraction (pure) -----------------------------------------------------------------


def _extract(
    text: str, *, origin_file: str, published: date | None
) -> tuple[list[ArticleText], list[CandidateEvent]]:
    # Imported here so this module (and the admin that imports it) loads even while the
    # pipeline is being changed; tests replace this function to control candidates exactly.
    from timeline.extraction.pipeline import extract_from_text

    return extract_from_text(text, origin_file=origin_file, published=published)


def _merge(candidates: list[CandidateEvent]) -> list[list[CandidateEvent]]:
    from timeline.extraction.pipeline import merge_candidates

    return merge_candidates(candidates)


def source_extract(
    *, source: Source, max_bytes: int, published: date | None = None
) -> tuple[list[ArticleText], list[CandidateEvent]]:
    """Articles and candidate events of one file, or ``SourceError``; writes nothing.

    ``published`` supplies a publication date where the file states none. ``origin_file``
    is the file's base name, so the same file ingested by another path is the same origin.
    """
    text = source_decode(source=source, max_bytes=max_bytes)
    try:
        articles, candidates = _extract(
            text, origin_file=PurePath(source.name).name, published=published
        )
    except ValueError as exc:  # the pipeline's word for bad input (a malformed header date)
        raise SourceError(source.name, str(exc) or "malformed file") from None
    except Exception as exc:  # a pipeline bug must not stop the other files
        # The user gets one line; the traceback is there for a developer (DJANGO_LOG_LEVEL=DEBUG).
        logger.debug("extraction failed on %s", source.name, exc_info=True)
        raise SourceError(source.name, f"extraction failed ({type(exc).__name__}: {exc})") from None
    if not articles or not any(a.body.strip() for a in articles):
        raise SourceError(source.name, "no article text found")
    return articles, candidates


# --- writing ---------------------------------------------------------------------------


def _counts() -> dict[str, dict[str, int]]:
    return {m: dict.fromkeys(OUTCOMES, 0) for m in MODEL_KEYS}


@dataclass
class IngestReport:
    """What a run did: per model, how many rows were inserted, updated, left unchanged or
    deleted (only stale candidates and their excerpts are ever deleted). A row is counted
    once per run however many files name it.

    ``errors`` holds one line per file that was not ingested (``"<file>: <problem>"``);
    ``files_ok`` the names of the files that were.
    """

    counts: dict[str, dict[str, int]] = field(default_factory=_counts)
    errors: list[str] = field(default_factory=list)
    files_ok: list[str] = field(default_factory=list)
    article_count: int = 0
    candidate_count: int = 0
    # The events this run inserted (new candidates), for reads that follow the run.
    new_event_ids: list[int] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return any(c["inserted"] or c["updated"] or c["deleted"] for c in self.counts.values())

    def add(self, other: dict[str, dict[str, int]]) -> None:
        for model, outcomes in other.items():
            for outcome, n in outcomes.items():
                self.counts[model][outcome] += n


def content_hash(body: str) -> str:
    """The identity of an article: sha256 of its body (UTF-8), hex."""
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def candidate_fingerprint(*, article_hash: str, candidate: CandidateEvent) -> str:
    """The identity of an extracted candidate: its article, excerpt span and type."""
    ev = candidate.evidence
    key = f"{article_hash}:{ev.start}:{ev.end}:{candidate.event_type}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


# Curated files first: a name in both is the curated entry (as in the extraction gazetteer).
_GAZETTEER_FILES = {"actor": ("actors.json",), "place": ("places.json", "places_regional.json")}


@functools.cache
def _gazetteer_index(kind: str) -> dict[str, dict[str, Any]]:
    index: dict[str, dict[str, Any]] = {}
    for filename in _GAZETTEER_FILES[kind]:
        path = Path(__file__).resolve().parent.parent / "data" / filename
        try:
            entries = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            continue
        for e in entries:
            if isinstance(e, dict) and e.get("name"):
                index.setdefault(e["name"], e)
    return index


def gazetteer_entry(kind: str, name: str) -> dict[str, Any]:
    """What the gazetteer (``timeline/data/{actors,places}.json``) knows of a canonical name.

    Keys used: aliases, kind, country, parent (actors); aliases, kind, country, admin1,
    latitude, longitude, geonameid (places). Empty when the name is not in it, e.g. an actor
    the extractor named from a pattern rather than the gazetteer.
    """
    entry = dict(_gazetteer_index(kind).get(name) or {})
    if "geonameid" in entry:
        entry["geonames_id"] = entry.pop("geonameid")
    return entry


def _known_place(name: str) -> PlaceInfo | None:
    """The extraction gazetteer's record of a place, or None when it lists no such name."""
    # Imported here, as in ``_extract``: this module loads even while the pipeline changes.
    from timeline.extraction.gazetteer import place_info

    try:
        return place_info(name)
    except KeyError:
        return None


def unique_slug(model: type, base: str, *, extra: str = "") -> str:
    """A slug for ``base`` that no row of ``model`` has: the plain one, else with ``extra``
    (a place's country), else numbered -2, -3, …."""
    slug = slugify(base)[:180] or "item"
    if not model.objects.filter(slug=slug).exists():
        return slug
    if extra:
        slug2 = f"{slug}-{slugify(extra)}"[:190]
        if not model.objects.filter(slug=slug2).exists():
            return slug2
    n = 2
    while model.objects.filter(slug=f"{slug}-{n}").exists():
        n += 1
    return f"{slug}-{n}"


def _merged_aliases(existing: list[str], new: Iterable[str], name: str) -> list[str]:
    out = list(existing)
    seen = {a.casefold() for a in out} | {name.casefold()}
    for alias in new:
        if alias and alias.casefold() not in seen:
            out.append(alias)
            seen.add(alias.casefold())
    return out


# Field values that mean "not known yet": ingest may fill them, never overwrite anything else.
_BLANK = (None, "", ActorKind.OTHER, PlaceKind.OTHER)


def _complete(row: Actor | Place, name: str, aliases: list[str], **values: Any) -> bool:
    """Add the new ``aliases`` to an existing actor or place and fill each of its blank
    fields that ``values`` knows; returns whether anything changed. Nothing is overwritten:
    the row may carry a curator's corrections."""
    changed = False
    merged = _merged_aliases(list(row.aliases or []), aliases, name)
    if merged != list(row.aliases or []):
        row.aliases, changed = merged, True
    for attr, value in values.items():
        if getattr(row, attr) in _BLANK and value not in _BLANK:
            setattr(row, attr, value)
            changed = True
    return changed


def _save(instance: Any) -> None:
    instance._change_reason = INGEST_REASON
    instance.save()


def _touched_by_person(instance: Any) -> bool:
    """Whether someone other than ingest has changed this row (its history says so). An
    event's record of a change to its actors or excerpts begins with the reason of the write
    (services/links.py): "ingest: excerpts: +1" is ingest's own."""
    return (
        instance.history.filter(history_type="~")
        .exclude(history_change_reason__startswith=INGEST_REASON)
        .exists()
    )


class _Writer:
    """Writes one unit of files; caches rows so each is counted once per run."""

    def __init__(self, counted_before: frozenset[tuple[str, int]] = frozenset()) -> None:
        self.counts = _counts()
        # Rows already counted by an earlier unit of this run, and by this one: a row shared
        # by several files (an actor, a publisher) is counted once per run.
        self.counted_before = counted_before
        self.counted: set[tuple[str, int]] = set()
        self.publishers: dict[str, Publisher] = {}
        self.actors: dict[str, Actor] = {}
        self.places: dict[tuple[str, str], Place] = {}
        self.articles: dict[str, Article] = {}
        self.events_seen: set[int] = set()
        self.events_inserted: list[int] = []

    def count(self, model: str, outcome: str, n: int = 1, *, row: Any = None) -> None:
        if row is not None:
            key = (model, row.pk)
            if key in self.counted_before or key in self.counted:
                return
            self.counted.add(key)
        self.counts[model][outcome] += n

    # publishers, actors, places -------------------------------------------------------

    def publisher(self, name: str) -> Publisher | None:
        name = name.strip()[:200]
        if not name:
            return None
        if name in self.publishers:
            return self.publishers[name]
        row = Publisher.objects.filter(name=name).first()
        if row is None:
            row = Publisher(name=name)
            _save(row)
            self.count("publishers", "inserted", row=row)
        else:
            self.count("publishers", "unchanged", row=row)
        self.publishers[name] = row
        return row

    def _insert_or_complete(
        self,
        key: str,
        model: type[Actor] | type[Place],
        row: Actor | Place | None,
        name: str,
        aliases: list[str],
        *,
        slug_extra: str = "",
        **values: Any,
    ) -> Any:
        """A new actor or place with ``values``, or the existing ``row`` completed with them
        (blank fields filled, aliases added, nothing overwritten); counted under ``key``."""
        if row is None:
            row = model(
                name=name,
                slug=unique_slug(model, name, extra=slug_extra),
                aliases=_merged_aliases([], aliases, name),
                **values,
            )
            _save(row)
            self.count(key, "inserted", row=row)
            return row
        changed = _complete(row, name, aliases, **values)
        if changed:
            _save(row)
        self.count(key, "updated" if changed else "unchanged", row=row)
        return row

    def actor(self, name: str, _chain: tuple[str, ...] = ()) -> Actor:
        name = name.strip()[:200]
        if name in self.actors:
            return self.actors[name]
        info = gazetteer_entry("actor", name)
        parent_name = (info.get("parent") or "").strip()
        parent = None
        # Parents first, so the child can point at them; a cycle in the data is cut.
        if parent_name and parent_name != name and parent_name not in _chain:
            parent = self.actor(parent_name, (*_chain, name))
        kind = info.get("kind") or ActorKind.OTHER
        if kind not in ActorKind.values:
            kind = ActorKind.OTHER
        aliases = [a for a in info.get("aliases") or [] if a != name]
        country = (info.get("country") or "")[:100]
        row = Actor.objects.filter(name=name).first()
        if parent is not None and row is not None and parent.pk == row.pk:
            parent = None  # an actor is never its own parent
        row = self._insert_or_complete(
            "actors",
            Actor,
            row,
            name,
            aliases,
            kind=kind,
            country=country,
            parent_id=parent.pk if parent is not None else None,
        )
        self.actors[name] = row
        return row

    def place(self, info: PlaceInfo, _chain: tuple[str, ...] = ()) -> Place:
        name = info.name.strip()[:200]
        key = (name, info.country or "")
        if key in self.places:
            return self.places[key]
        # The known place this one lies inside first, so it can point at it ("Tahrir Square
        # (Baghdad)" in Baghdad); a name the gazetteer does not know, or a loop, is left out.
        within = None
        within_name = info.within.strip()
        if within_name and within_name != name and within_name not in _chain:
            container = _known_place(within_name)
            if container is not None:
                within = self.place(container, (*_chain, name))
        extra = gazetteer_entry("place", name)
        country = (info.country or extra.get("country") or "")[:100]
        admin1 = (info.admin1 or extra.get("admin1") or "")[:200]
        kind = info.kind if info.kind in PlaceKind.values and info.kind != "other" else None
        kind = kind or extra.get("kind") or PlaceKind.OTHER
        if kind not in PlaceKind.values:
            kind = PlaceKind.OTHER
        lat, lon = info.latitude, info.longitude
        if lat is None or lon is None:
            lat, lon = extra.get("latitude"), extra.get("longitude")
        if lat is None or lon is None:
            lat = lon = None
        geonames_id = extra.get("geonames_id") or None
        aliases = [a for a in extra.get("aliases") or [] if a != name]

        rows = list(Place.objects.filter(name=name))
        row = next((r for r in rows if r.country == country), None)
        if row is None and len(rows) == 1 and not rows[0].country:
            row = rows[0]
        if within is not None and row is not None and within.pk == row.pk:
            within = None  # a place never lies within itself
        row = self._insert_or_complete(
            "places",
            Place,
            row,
            name,
            aliases,
            slug_extra=country,
            country=country,
            admin1=admin1,
            kind=kind,
            latitude=lat,
            longitude=lon,
            geonames_id=geonames_id,
            within_id=within.pk if within is not None else None,
        )
        self.places[key] = row
        return row

    # articles --------------------------------------------------------------------------

    def article(self, art: ArticleText) -> Article:
        h = content_hash(art.body)
        if h in self.articles:
            return self.articles[h]
        published, basis, reason = art.published, art.published_basis, art.published_reason
        if basis not in DateBasis.values:
            basis = DateBasis.UNKNOWN
        if published is not None and basis == DateBasis.UNKNOWN:
            basis = DateBasis.CURATOR  # given by the person running ingest (--published)
            reason = reason or "Given when the article was ingested."
        if published is None:
            basis = DateBasis.UNKNOWN
        values: dict[str, Any] = {
            "title": (art.title.strip() or art.body.strip().splitlines()[0])[:500],
            "author": art.author.strip()[:300],
            "url": art.url.strip()[:1000],
            "republished_from": art.republished_from.strip()[:300],
            "origin_file": art.origin_file[:300],
        }
        row = Article.objects.filter(content_hash=h).first()
        if row is None:
            row = Article(
                body=art.body,
                content_hash=h,
                publisher=self.publisher(art.publisher),
                published=published,
                published_basis=basis,
                published_reason=reason,
                origin_index=art.origin_index,
                **values,
            )
            _save(row)
            self.count("articles", "inserted", row=row)
        else:
            # The stored article may carry a curator's corrections (a fixed publisher, a
            # publication date set by hand, a fuller reason), and a dataset loaded from a
            # fixture has no history to tell: so ingest only fills what is still empty.
            diff = {k: v for k, v in values.items() if v and not getattr(row, k)}
            if row.publisher_id is None and art.publisher.strip():
                diff["publisher"] = self.publisher(art.publisher)
            if row.published is None and published is not None:
                diff.update(published=published, published_basis=basis, published_reason=reason)
            for k, v in diff.items():
                setattr(row, k, v)
            if diff:
                _save(row)
            self.count("articles", "updated" if diff else "unchanged", row=row)
        self.articles[h] = row
        return row

    # events ----------------------------------------------------------------------------

    def event(self, group: list[CandidateEvent]) -> Event:
        members = sorted(group, key=_member_order)
        fps = [
            candidate_fingerprint(article_hash=content_hash(c.article.body), candidate=c)
            for c in members
        ]
        arts = [self.article(c.article) for c in members]
        spans = {
            (a.pk, c.evidence.start, c.evidence.end) for a, c in zip(arts, members, strict=True)
        }

        # The events this group already is: any event whose identity is one of the members'
        # fingerprints, and any candidate ingest made that cites a member's words under the
        # member's type (that is a member's fingerprint too, though not the one stored, since
        # an event stores only the smallest of its members').
        member_q = Q(fingerprint__in=fps)
        for art, c in zip(arts, members, strict=True):
            member_q |= Q(
                status=EventStatus.CANDIDATE,
                fingerprint__isnull=False,
                event_type=c.event_type,
                excerpts__article_id=art.pk,
                excerpts__start=c.evidence.start,
                excerpts__end=c.evidence.end,
            )
        found = list(Event.objects.filter(member_q).distinct())
        if not found:
            # A curator may have merged this candidate into another event and deleted it:
            # words already cited by a curated (verified or rejected) event are known.
            span_q = Q()
            for article_id, start, end in spans:
                span_q |= Q(
                    excerpts__article_id=article_id, excerpts__start=start, excerpts__end=end
                )
            found = list(
                Event.objects.filter(span_q).exclude(status=EventStatus.CANDIDATE).distinct()
            )
        if found:
            found.sort(key=lambda e: (_STATUS_PRIORITY.get(e.status, 9), e.pk))
            event = found[0]
            if event.status != EventStatus.CANDIDATE or _touched_by_person(event):
                self.count("events", "unchanged", row=event)
                self.events_seen.add(event.pk)
                return event
            # Candidates stored apart that this run finds to be one happening (their files
            # ingested together now) become one: the others go, their words move here.
            for other in found[1:]:
                if other.status == EventStatus.CANDIDATE and not _touched_by_person(other):
                    self.count("excerpts", "deleted", other.excerpts.count())
                    other.delete()
                    self.count("events", "deleted")
        else:
            event = None

        lead = min(members, key=lambda c: (_date_rank(c), _member_order(c)))
        dated = lead if lead.date is not None else None
        placed = next((c for c in [lead, *members] if c.place is not None), None)
        fatalities = next(
            (c.fatalities for c in [lead, *members] if c.fatalities is not None), None
        )
        values: dict[str, Any] = {
            "headline": (lead.headline.strip() or lead.evidence.quote.strip())[:300],
            "date_start": dated.date.earliest if dated else None,
            "date_end": dated.date.latest if dated else None,
            "date_precision": dated.date.precision if dated else DatePrecision.UNKNOWN,
            "date_text": (dated.date.words if dated else "")[:300],
            "event_type": lead.event_type,
            "place": self.place(placed.place) if placed else None,
            "place_precision": (
                placed.place_precision
                if placed and placed.place_precision in PlacePrecision.values
                else PlacePrecision.UNKNOWN
            ),
            "fatalities": fatalities,
        }
        roles: dict[int, str] = {}
        for c in members:
            for actor_name, role in c.actors:
                if role not in ActorRole.values:
                    role = ActorRole.MENTIONED
                actor = self.actor(actor_name)
                old = roles.get(actor.pk)
                if old is None or ROLE_RANK[role] < ROLE_RANK[old]:
                    roles[actor.pk] = role

        created = event is None
        changed = False
        if event is None:
            event = Event(fingerprint=min(fps), status=EventStatus.CANDIDATE, **values)
            _save(event)
        else:
            diff = {k: v for k, v in values.items() if getattr(event, k) != v}
            for k, v in diff.items():
                setattr(event, k, v)
            if diff:
                _save(event)
                changed = True

        # Excerpts: exactly the members' spans (two members may cite the same words).
        stale = {(x.article_id, x.start, x.end): x for x in event.excerpts.all()}
        kept: set[tuple[int, int, int]] = set()
        for art, c in zip(arts, members, strict=True):
            key = (art.pk, c.evidence.start, c.evidence.end)
            if key in kept:
                continue
            kept.add(key)
            if stale.pop(key, None) is not None:
                self.count("excerpts", "unchanged")
                continue
            start, end = c.evidence.start, c.evidence.end
            _save(
                Excerpt(event=event, article=art, start=start, end=end, quote=art.body[start:end])
            )
            self.count("excerpts", "inserted")
            changed = True
        if stale:
            # One by one, each marked as ingest's: the event's record of the change says so.
            for x in stale.values():
                x._change_reason = INGEST_REASON
                x.delete()
            self.count("excerpts", "deleted", len(stale))
            changed = True

        # Actors and their roles: exactly the members' actors.
        current = {ea.actor_id: ea for ea in event.event_actors.all()}
        for actor_id, role in roles.items():
            ea = current.pop(actor_id, None)
            if ea is None:
                _save(EventActor(event=event, actor_id=actor_id, role=role))
                changed = True
            elif ea.role != role:
                ea.role = role
                _save(ea)
                changed = True
        for ea in current.values():
            ea._change_reason = INGEST_REASON
            ea.delete()
            changed = True

        self.count(
            "events", "inserted" if created else "updated" if changed else "unchanged", row=event
        )
        if created:
            self.events_inserted.append(event.pk)
        self.events_seen.add(event.pk)
        return event

    def stale_candidates_delete(self, *, owned: set[str]) -> None:
        """Delete candidates of this unit's articles that this run no longer extracts.

        ``owned`` holds the content hashes of the articles whose candidates all belong to
        this unit (the article's first file in the run is here). Only events ingest made (a
        fingerprint), still candidates, untouched by a person, and citing only such articles
        are deleted: anything else is a curator's to decide.
        """
        article_ids = {a.pk for h, a in self.articles.items() if h in owned}
        stale = (
            Event.objects.filter(
                status=EventStatus.CANDIDATE,
                fingerprint__isnull=False,
                excerpts__article_id__in=article_ids,
            )
            .exclude(pk__in=self.events_seen)
            .distinct()
        )
        for event in stale:
            cited = set(event.excerpts.values_list("article_id", flat=True))
            if cited <= article_ids and not _touched_by_person(event):
                self.count("excerpts", "deleted", event.excerpts.count())
                event.delete()
                self.count("events", "deleted")


def place_row(info: PlaceInfo) -> Place:
    """The stored place for what the gazetteer (or the text) knows of one, made or completed
    as ingest makes it, with the known place it lies in."""
    return _Writer().place(info)


def actor_row(name: str) -> Actor:
    """The stored actor for a gazetteer name, made or completed as ingest makes it, with its
    parents."""
    return _Writer().actor(name)


def _member_order(c: CandidateEvent) -> tuple:
    a = c.article
    return (
        a.published or date.max,
        a.origin_file,
        a.origin_index,
        c.evidence.start,
        c.evidence.end,
        c.event_type,
    )


def _date_rank(c: CandidateEvent) -> int:
    if c.date is None:
        return 9
    return _PRECISION_RANK.get(c.date.precision, 5)


@dataclass
class _Prepared:
    name: str
    articles: list[ArticleText]
    candidates: list[CandidateEvent]


def _units(
    prepared: list[_Prepared], groups: list[list[CandidateEvent]]
) -> list[tuple[list[int], list[list[CandidateEvent]]]]:
    """Files bound together by a group spanning them, each with its groups (union-find)."""
    file_of: dict[int, int] = {}
    for i, p in enumerate(prepared):
        for c in p.candidates:
            file_of[id(c)] = i
    parent = list(range(len(prepared)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for g in groups:
        files = {file_of[id(c)] for c in g}
        first = min(files)
        for f in files:
            parent[find(f)] = find(first)
    units: dict[int, tuple[list[int], list[list[CandidateEvent]]]] = {}
    for i in range(len(prepared)):
        units.setdefault(find(i), ([], []))[0].append(i)
    for g in groups:
        units[find(file_of[id(g[0])])][1].append(g)
    return [units[k] for k in sorted(units)]


def sources_ingest(
    *,
    sources: Sequence[Source],
    published: date | None = None,
    progress: Callable[[int, int], None] | None = None,
    max_bytes: int | None = None,
) -> IngestReport:
    """Ingest ``sources``; never raises for bad input (see ``IngestReport.errors``).

    Progress is reported as ``progress(done, total)`` with ``total = 2 * len(sources)``:
    one step per file extracted, one per file written.
    """
    limit = max_article_bytes() if max_bytes is None else max_bytes
    report = IngestReport()
    total = 2 * len(sources)
    done = 0
    prepared: list[_Prepared] = []
    for source in sources:
        try:
            articles, candidates = source_extract(
                source=source, max_bytes=limit, published=published
            )
        except SourceError as exc:
            report.errors.append(str(exc))
            done += 2
        else:
            prepared.append(_Prepared(source.name, articles, candidates))
            done += 1
        if progress:
            progress(done, total)

    # The same article in two files (same body) yields the same candidates twice: keep one,
    # so a fingerprint names exactly one candidate of this run.
    seen_fps: set[str] = set()
    owner: dict[str, int] = {}  # article content hash -> first file holding it
    for i, p in enumerate(prepared):
        for art in p.articles:
            owner.setdefault(content_hash(art.body), i)
        unique = []
        for c in p.candidates:
            fp = candidate_fingerprint(article_hash=content_hash(c.article.body), candidate=c)
            if fp not in seen_fps:
                seen_fps.add(fp)
                unique.append(c)
        p.candidates = unique
    all_candidates = [c for p in prepared for c in p.candidates]
    groups = _merge(all_candidates) if all_candidates else []
    counted: set[tuple[str, int]] = set()
    for file_ids, unit_groups in _units(prepared, groups):
        writer = _Writer(frozenset(counted))
        try:
            with transaction.atomic():
                for i in file_ids:
                    for art in prepared[i].articles:
                        writer.article(art)
                for g in unit_groups:
                    writer.event(g)
                writer.stale_candidates_delete(owned={h for h, i in owner.items() if i in file_ids})
        except (DatabaseError, ValidationError) as exc:
            logger.debug(
                "ingest failed writing %s", [prepared[i].name for i in file_ids], exc_info=True
            )
            for i in file_ids:
                report.errors.append(f"{prepared[i].name}: could not be stored ({exc})")
        else:
            report.add(writer.counts)
            counted |= writer.counted
            report.new_event_ids.extend(writer.events_inserted)
            for i in file_ids:
                report.files_ok.append(prepared[i].name)
                report.article_count += len(prepared[i].articles)
                report.candidate_count += len(prepared[i].candidates)
        done += len(file_ids)
        if progress:
            progress(done, total)
    return report


def published_parse(value: str) -> date:
    """A ``YYYY-MM-DD`` date given by a person, or ``ValueError`` with a one-line message."""
    text = value.strip()
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        raise ValueError(f"{value!r} is not a date in the form YYYY-MM-DD")
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"{value!r} is not a valid date (YYYY-MM-DD)") from None


def database_ready() -> bool:
    """Whether the timeline tables exist (``migrate`` has been run on this database)."""
    return Article._meta.db_table in connection.introspection.table_names()


def sources_read(*, paths: Sequence[str], max_bytes: int) -> tuple[list[Source], list[str]]:
    """The files named by ``paths`` (a directory stands for the ``*.txt`` files in it).

    Returns the sources read and one error line per path that could not be read (missing,
    unreadable, a directory without ``.txt`` files, or larger than ``max_bytes``, which is
    refused before reading it).
    """
    sources: list[Source] = []
    errors: list[str] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files = sorted(p for p in path.glob("*.txt") if p.is_file())
            if not files:
                errors.append(f"{raw}: directory holds no .txt files")
                continue
        elif path.exists():
            files = [path]
        else:
            errors.append(f"{raw}: no such file or directory")
            continue
        for f in files:
            name = str(f)
            try:
                size = f.stat().st_size
                if size > max_bytes:
                    errors.append(
                        f"{name}: file too large ({_size(size)}; the limit is {_size(max_bytes)})"
                    )
                    continue
                sources.append(Source(name=name, data=f.read_bytes()))
            except OSError as exc:
                errors.append(f"{name}: cannot be read ({exc.strerror or exc})")
    return sources, errors
