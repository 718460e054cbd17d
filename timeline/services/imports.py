"""Import of a dataset exported elsewhere (a fixture made by ``export_events --format fixture``).

Contract of ``dataset_import(*, data, ...)``:

1. Everything is validated before anything is written: size, JSON syntax and nesting, the
   shape of every object, the model names (an allowlist of the seven data models: no users,
   groups, permissions or history rows), each field against the model field (type, choices,
   length, the model's check constraints), that every reference resolves inside the file, that
   every excerpt's quote equals the slice of its article's body, and that no natural key
   appears twice. The first problems found are reported in one ``ImportRefused`` and nothing
   is written.
2. Rows are matched to existing ones by natural key, never by the ids in the file:
   publisher name; article content hash; actor name (else slug); place slug (else name and
   country); event fingerprint, else (dates, type, place and the same set of excerpt spans);
   event-actor (event, actor); excerpt (event, article, start, end). So a re-import adds
   nothing.
3. A matched row is merged field by field: a field that is empty here (or holds a "don't
   know" value: reliability F, credibility 6, precision unknown, …) takes the incoming value
   (*updated*); equal values are *unchanged*; two different real values are a *conflict*:
   ours is kept (``prefer_incoming=False``) or theirs is taken. A candidate event here that
   arrives verified or rejected takes the incoming status.
4. Everything happens in one transaction: all or nothing. New rows keep the id they had in
   the file when that id is free (so an export → empty database → import → export round trip
   gives identical files); otherwise they get a fresh one.
5. Every write goes through the ORM so history records the import (user and reason).
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.core.management.color import no_style
from django.db import connection, models, transaction

from timeline.models import (
    Actor,
    Article,
    Credibility,
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
    Reliability,
)

DEFAULT_MAX_IMPORT_BYTES = 64 * 1024 * 1024
MAX_ERRORS = 20
MAX_DEPTH = 6  # a fixture is list → object → fields → value (→ alias list): 4 deep at most

# The order rows are written in (each depends only on earlier ones).
MODELS: dict[str, type[models.Model]] = {
    "timeline.publisher": Publisher,
    "timeline.place": Place,
    "timeline.actor": Actor,
    "timeline.article": Article,
    "timeline.event": Event,
    "timeline.eventactor": EventActor,
    "timeline.excerpt": Excerpt,
}
BOOKKEEPING = {"created_at", "updated_at"}

# Values that mean "not known": an incoming real value fills them without a conflict.
WEAK_VALUES: dict[str, set[Any]] = {
    "reliability": {Reliability.F},
    "credibility": {Credibility.CANNOT_BE_JUDGED},
    "date_precision": {DatePrecision.UNKNOWN},
    "place_precision": {PlacePrecision.UNKNOWN},
    "published_basis": {DateBasis.UNKNOWN},
    "kind": {PlaceKind.OTHER, "other"},
    "role": {"mentioned"},
}


class ImportRefused(Exception):
    """The file cannot be imported; ``errors`` says why. Nothing was written."""

    def __init__(self, errors: list[str]):
        self.errors = errors
        super().__init__("Import refused: " + "; ".join(errors))


@dataclass
class ImportReport:
    added: Counter = field(default_factory=Counter)
    updated: Counter = field(default_factory=Counter)
    unchanged: Counter = field(default_factory=Counter)
    conflicting: Counter = field(default_factory=Counter)
    conflicts: list[str] = field(default_factory=list)
    dry_run: bool = False

    def totals(self) -> dict[str, int]:
        return {
            "added": sum(self.added.values()),
            "updated": sum(self.updated.values()),
            "unchanged": sum(self.unchanged.values()),
            "conflicting": sum(self.conflicting.values()),
        }

    def lines(self) -> list[str]:
        out = []
        for label in MODELS:
            name = label.split(".")[1]
            counts = [
                self.added[name],
                self.updated[name],
                self.unchanged[name],
                self.conflicting[name],
            ]
            if any(counts):
                out.append(
                    f"{name}: {counts[0]} added, {counts[1]} updated, "
                    f"{counts[2]} unchanged, {counts[3]} conflicting"
                )
        t = self.totals()
        prefix = "Dry run (nothing written): " if self.dry_run else ""
        out.append(
            f"{prefix}{t['added']} added, {t['updated']} updated, {t['unchanged']} unchanged, "
            f"{t['conflicting']} conflicting"
        )
        return out

    def __str__(self) -> str:
        return "\n".join(self.lines())


class _DryRun(Exception):
    pass


# --- parsing and validation -----------------------------------------------------------------


def _depth(value: Any, limit: int) -> int:
    """Nesting depth of parsed JSON, stopping as soon as it passes ``limit``."""
    stack = [(value, 1)]
    deepest = 0
    while stack:
        v, d = stack.pop()
        deepest = max(deepest, d)
        if deepest > limit:
            return deepest
        if isinstance(v, dict):
            stack.extend((x, d + 1) for x in v.values())
        elif isinstance(v, list):
            stack.extend((x, d + 1) for x in v)
    return deepest


def max_import_bytes() -> int:
    """The size limit of an import file (``settings.TIMELINE_MAX_IMPORT_BYTES``)."""
    return int(getattr(settings, "TIMELINE_MAX_IMPORT_BYTES", DEFAULT_MAX_IMPORT_BYTES))


def parse_fixture(data: bytes | str, *, max_bytes: int | None = None) -> list[dict[str, Any]]:
    """Bytes → list of fixture objects, or ImportRefused (size, encoding, JSON, nesting)."""
    limit = max_bytes or max_import_bytes()
    if len(data) > limit:
        raise ImportRefused([f"file is {len(data):,} bytes; the limit is {limit:,} bytes"])
    if isinstance(data, bytes):
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise ImportRefused([f"not UTF-8 text (byte {exc.start})"]) from None
    else:
        text = data
    if not text.strip():
        raise ImportRefused(["the file is empty"])
    try:
        parsed = json.loads(text)
    except RecursionError:
        raise ImportRefused(["JSON nested too deeply"]) from None
    except json.JSONDecodeError as exc:
        hint = " (truncated?)" if exc.pos >= len(text.rstrip()) - 1 else ""
        raise ImportRefused(
            [f"not valid JSON{hint}: {exc.msg} at line {exc.lineno} column {exc.colno}"]
        ) from None
    if not isinstance(parsed, list):
        raise ImportRefused(["a fixture is a JSON list of objects; this file is not a list"])
    if _depth(parsed, MAX_DEPTH) > MAX_DEPTH:
        raise ImportRefused(["JSON nested too deeply for a fixture"])
    return parsed


@dataclass
class _Row:
    label: str
    model: type[models.Model]
    pk: Any
    values: dict[str, Any]  # attname → python value (FKs: the pk in the file)
    index: int


def _field_map(model: type[models.Model]) -> dict[str, models.Field]:
    return {
        f.name: f
        for f in model._meta.concrete_fields
        if not f.primary_key and f.name not in BOOKKEEPING
    }


def _clean_value(f: models.Field, value: Any) -> Any:
    if isinstance(value, dict) or (isinstance(value, list) and not isinstance(f, models.JSONField)):
        raise ValidationError("unexpected structure")
    if isinstance(f, models.JSONField):
        if not isinstance(value, list) or not all(isinstance(x, str) for x in value):
            raise ValidationError("must be a list of strings")
        return value
    if isinstance(f, models.ForeignKey):
        if value is None:
            if not f.null:
                raise ValidationError("may not be null")
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValidationError("must be the id of a row in this file")
        return value
    if value is None:
        if not f.null:
            raise ValidationError("may not be null")
        return None
    if isinstance(f, models.CharField | models.TextField) and not isinstance(value, str):
        raise ValidationError("must be text")
    if isinstance(f, models.IntegerField) and (
        isinstance(value, bool) or not isinstance(value, int)
    ):
        raise ValidationError("must be a whole number")
    if isinstance(f, models.FloatField) and (
        isinstance(value, bool) or not isinstance(value, int | float)
    ):
        raise ValidationError("must be a number")
    if isinstance(f, models.DateField) and not isinstance(value, str):
        raise ValidationError("must be a date (YYYY-MM-DD)")
    return f.clean(value, None)


def validate_fixture(objects: list[Any]) -> dict[str, list[_Row]]:
    """Check every object; rows by model label, or ImportRefused listing the problems."""
    errors: list[str] = []

    def err(msg: str) -> None:
        errors.append(msg)
        if len(errors) >= MAX_ERRORS:
            raise ImportRefused([*errors, "… (stopped after the first problems)"])

    rows: dict[str, list[_Row]] = defaultdict(list)
    seen_pks: dict[str, set[Any]] = defaultdict(set)
    for i, obj in enumerate(objects):
        where = f"object {i + 1}"
        if not isinstance(obj, dict) or set(obj) - {"model", "pk", "fields"} or "model" not in obj:
            err(f"{where}: not a fixture object (expected model, pk, fields)")
            continue
        label = obj["model"]
        if not isinstance(label, str) or label.lower() not in MODELS:
            err(f"{where}: model {str(label)[:60]!r} is not allowed (allowed: {', '.join(MODELS)})")
            continue
        label = label.lower()
        model = MODELS[label]
        pk = obj.get("pk")
        if isinstance(pk, bool) or not isinstance(pk, int) or pk < 1:
            err(f"{where} ({label}): pk must be a positive whole number")
            continue
        if pk in seen_pks[label]:
            err(f"{where} ({label}): pk {pk} appears twice")
            continue
        seen_pks[label].add(pk)
        fields = obj.get("fields")
        if not isinstance(fields, dict):
            err(f"{where} ({label} {pk}): fields must be an object")
            continue
        fmap = _field_map(model)
        values: dict[str, Any] = {}
        for name, raw in fields.items():
            if name in BOOKKEEPING:
                continue
            f = fmap.get(name)
            if f is None:
                err(f"{where} ({label} {pk}): unknown field {str(name)[:40]!r}")
                continue
            try:
                values[f.attname] = _clean_value(f, raw)
            except ValidationError as exc:
                err(f"{where} ({label} {pk}): {name}: {' '.join(exc.messages)}")
        for name, f in fmap.items():
            if f.attname in values:
                continue
            if f.has_default():
                values[f.attname] = f.get_default()
            elif f.null:
                values[f.attname] = None
            elif f.blank and isinstance(f, models.CharField | models.TextField):
                values[f.attname] = ""
            else:
                err(f"{where} ({label} {pk}): missing field {name!r}")
        rows[label].append(_Row(label=label, model=model, pk=pk, values=values, index=i))
    if errors:
        raise ImportRefused(errors)

    _check_constraints(rows, err)
    _check_references(rows, seen_pks, err)
    _check_natural_keys(rows, err)
    _check_excerpts(rows, err)
    if errors:
        raise ImportRefused(errors)
    return rows


def _check_constraints(rows: dict[str, list[_Row]], err: Any) -> None:
    """The models' CheckConstraints, evaluated in Python on each row (no database write)."""
    for label, items in rows.items():
        model = MODELS[label]
        checks = [c for c in model._meta.constraints if isinstance(c, models.CheckConstraint)]
        for row in items:
            instance = model(**row.values)
            for c in checks:
                if "F(" in repr(c.condition) and "pk" in repr(c.condition):
                    continue  # e.g. "not its own parent": checked with the references
                try:
                    c.validate(model, instance)
                except ValidationError as exc:
                    err(f"object {row.index + 1} ({label} {row.pk}): {' '.join(exc.messages)}")


def _check_references(rows: dict[str, list[_Row]], seen_pks: dict[str, set[Any]], err: Any) -> None:
    for label, items in rows.items():
        model = MODELS[label]
        fks = [f for f in model._meta.concrete_fields if isinstance(f, models.ForeignKey)]
        for row in items:
            for f in fks:
                ref = row.values.get(f.attname)
                if ref is None:
                    continue
                target = f.related_model._meta.label_lower
                if ref not in seen_pks.get(target, set()):
                    err(
                        f"object {row.index + 1} ({label} {row.pk}): {f.name} refers to "
                        f"{target} {ref}, which is not in the file"
                    )
    parents = {r.pk: r.values.get("parent_id") for r in rows.get("timeline.actor", [])}
    for start in parents:
        seen, cur = set(), start
        while cur is not None:
            if cur in seen:
                err(f"actor {start}: its parents form a cycle")
                break
            seen.add(cur)
            cur = parents.get(cur)


def _check_natural_keys(rows: dict[str, list[_Row]], err: Any) -> None:
    keys = {
        "timeline.publisher": lambda v: v["name"],
        "timeline.article": lambda v: v["content_hash"],
        "timeline.actor": lambda v: v["name"],
        "timeline.place": lambda v: v["slug"],
        "timeline.eventactor": lambda v: (v["event_id"], v["actor_id"]),
        "timeline.excerpt": lambda v: (v["event_id"], v["article_id"], v["start"], v["end"]),
    }
    for label, key in keys.items():
        seen: dict[Any, Any] = {}
        for row in rows.get(label, []):
            k = key(row.values)
            if k in seen:
                err(f"{label}: {k!r} appears twice (pk {seen[k]} and {row.pk})")
            seen[k] = row.pk
    fingerprints: dict[str, Any] = {}
    for row in rows.get("timeline.event", []):
        fp = row.values.get("fingerprint")
        if fp:
            if fp in fingerprints:
                err(
                    f"timeline.event: fingerprint {fp[:12]}… twice "
                    f"(pk {fingerprints[fp]}, {row.pk})"
                )
            fingerprints[fp] = row.pk
    slugs: dict[str, Any] = {}
    for row in rows.get("timeline.actor", []):
        if row.values["slug"] in slugs:
            err(f"timeline.actor: slug {row.values['slug']!r} appears twice")
        slugs[row.values["slug"]] = row.pk


def _check_excerpts(rows: dict[str, list[_Row]], err: Any) -> None:
    bodies = {r.pk: r.values["body"] for r in rows.get("timeline.article", [])}
    for row in rows.get("timeline.excerpt", []):
        v = row.values
        body = bodies.get(v["article_id"], "")
        if v["end"] > len(body) or body[v["start"] : v["end"]] != v["quote"]:
            err(
                f"object {row.index + 1} (excerpt {row.pk}): the quote is not the text of "
                f"article {v['article_id']} between {v['start']} and {v['end']}"
            )


# --- matching and writing -------------------------------------------------------------------


def _weak(name: str, value: Any) -> bool:
    return value is None or value == "" or value == [] or value in WEAK_VALUES.get(name, ())


def _merge(
    obj: models.Model,
    incoming: dict[str, Any],
    *,
    report: ImportReport,
    name: str,
    prefer_incoming: bool,
    skip: set[str] = frozenset(),  # type: ignore[assignment]
) -> bool:
    """Merge incoming values into an existing row; True if the row must be saved."""
    changed = False
    conflict = []
    for attname, new in incoming.items():
        if attname in skip:
            continue
        old = getattr(obj, attname)
        if old == new or _weak(attname, new):
            continue
        if attname == "status" and old == EventStatus.CANDIDATE:
            setattr(obj, attname, new)
            changed = True
        elif attname == "aliases":
            merged = list(old) + [a for a in new if a not in old]
            if merged != old:
                setattr(obj, attname, merged)
                changed = True
        elif _weak(attname, old):
            setattr(obj, attname, new)
            changed = True
        else:
            conflict.append(attname)
            if prefer_incoming:
                setattr(obj, attname, new)
                changed = True
    if conflict:
        report.conflicting[name] += 1
        report.conflicts.append(
            f"{name} {obj}: {', '.join(conflict)} differ"
            + (" (took theirs)" if prefer_incoming else " (kept ours)")
        )
    elif changed:
        report.updated[name] += 1
    else:
        report.unchanged[name] += 1
    return changed


class _Writer:
    def __init__(self, *, user: Any, reason: str, prefer_incoming: bool, report: ImportReport):
        self.user, self.reason = user, reason
        self.prefer_incoming = prefer_incoming
        self.report = report
        self.ids: dict[str, dict[Any, int]] = defaultdict(dict)  # label → file pk → our pk
        self.created: set[type[models.Model]] = set()

    def save(self, obj: models.Model) -> None:
        if self.user is not None and getattr(self.user, "is_authenticated", False):
            obj._history_user = self.user  # type: ignore[attr-defined]
        obj._change_reason = self.reason  # type: ignore[attr-defined]
        obj.save()

    def add(self, row: _Row, values: dict[str, Any]) -> models.Model:
        obj = row.model(**values)
        if not row.model.objects.filter(pk=row.pk).exists():
            obj.pk = row.pk  # keep the file's id when it is free (identical round trips)
            self.created.add(row.model)
        self.save(obj)
        self.report.added[row.model._meta.model_name] += 1
        return obj

    def resolve(self, row: _Row) -> dict[str, Any]:
        """The row's values with references translated to our ids."""
        values = dict(row.values)
        for f in row.model._meta.concrete_fields:
            if isinstance(f, models.ForeignKey) and values.get(f.attname) is not None:
                values[f.attname] = self.ids[f.related_model._meta.label_lower][values[f.attname]]
        return values

    def upsert(self, row: _Row, existing: models.Model | None, values: dict[str, Any]) -> None:
        name = row.model._meta.model_name
        if existing is None:
            obj = self.add(row, values)
        else:
            obj = existing
            if _merge(
                obj, values, report=self.report, name=name, prefer_incoming=self.prefer_incoming
            ):
                self.save(obj)
        self.ids[row.label][row.pk] = obj.pk


def _find_event(values: dict[str, Any], spans: frozenset) -> Event | None:
    if values.get("fingerprint"):
        found = Event.objects.filter(fingerprint=values["fingerprint"]).first()
        if found is not None:
            return found
    if not spans:
        return None
    candidates = Event.objects.filter(
        date_start=values["date_start"],
        date_end=values["date_end"],
        event_type=values["event_type"],
        place_id=values["place_id"],
    ).prefetch_related("excerpts")
    for event in candidates:
        if frozenset((x.article_id, x.start, x.end) for x in event.excerpts.all()) == spans:
            return event
    return None


def _write(rows: dict[str, list[_Row]], w: _Writer) -> None:
    for row in rows.get("timeline.publisher", []):
        v = w.resolve(row)
        w.upsert(row, Publisher.objects.filter(name=v["name"]).first(), v)

    for row in rows.get("timeline.place", []):
        v = w.resolve(row)
        existing = Place.objects.filter(slug=v["slug"]).first() or (
            Place.objects.filter(name=v["name"], country=v["country"]).first()
        )
        # The slug is the place's identity here; never rename ours.
        if existing is not None:
            v["slug"] = existing.slug
        w.upsert(row, existing, v)

    # Actors: parents first (the file may list them in any order).
    actors = {r.pk: r for r in rows.get("timeline.actor", [])}
    done: set[Any] = set()

    def put_actor(row: _Row) -> None:
        if row.pk in done:
            return
        parent = row.values.get("parent_id")
        if parent is not None:
            put_actor(actors[parent])
        v = w.resolve(row)
        existing = (
            Actor.objects.filter(name=v["name"]).first()
            or Actor.objects.filter(slug=v["slug"]).first()
        )
        if existing is not None:
            v["slug"] = existing.slug
            v["name"] = existing.name
        w.upsert(row, existing, v)
        done.add(row.pk)

    for row in actors.values():
        put_actor(row)

    for row in rows.get("timeline.article", []):
        v = w.resolve(row)
        w.upsert(row, Article.objects.filter(content_hash=v["content_hash"]).first(), v)

    spans_by_event: dict[Any, set] = defaultdict(set)
    for row in rows.get("timeline.excerpt", []):
        x = row.values
        spans_by_event[x["event_id"]].add(
            (w.ids["timeline.article"][x["article_id"]], x["start"], x["end"])
        )
    for row in rows.get("timeline.event", []):
        v = w.resolve(row)
        existing = _find_event(v, frozenset(spans_by_event.get(row.pk, ())))
        if existing is not None and existing.fingerprint and v.get("fingerprint"):
            v["fingerprint"] = existing.fingerprint
        elif v.get("fingerprint") and existing is not None:
            pass  # ours has none: taking theirs is an update, not a conflict
        w.upsert(row, existing, v)

    for row in rows.get("timeline.eventactor", []):
        v = w.resolve(row)
        existing = EventActor.objects.filter(event_id=v["event_id"], actor_id=v["actor_id"]).first()
        w.upsert(row, existing, v)

    for row in rows.get("timeline.excerpt", []):
        v = w.resolve(row)
        existing = Excerpt.objects.filter(
            event_id=v["event_id"], article_id=v["article_id"], start=v["start"], end=v["end"]
        ).first()
        w.upsert(row, existing, v)


def dataset_import(
    *,
    data: bytes | str,
    user: Any = None,
    source_name: str = "",
    prefer_incoming: bool = False,
    dry_run: bool = False,
    max_bytes: int | None = None,
) -> ImportReport:
    """Validate then import a fixture (see the module docstring); ImportRefused if invalid.

    ``dry_run`` does everything, including the matching, inside a transaction that is then
    rolled back, so the report says exactly what an import would do.
    """
    rows = validate_fixture(parse_fixture(data, max_bytes=max_bytes))
    report = ImportReport(dry_run=dry_run)
    reason = f"Imported from {source_name}" if source_name else "Imported"
    writer = _Writer(user=user, reason=reason[:100], prefer_incoming=prefer_incoming, report=report)
    try:
        with transaction.atomic():
            try:
                _write(rows, writer)
            except ValidationError as exc:
                raise ImportRefused([" ".join(exc.messages)]) from None
            if writer.created and connection.vendor != "sqlite":
                # Explicit ids do not move PostgreSQL's sequences: move them past the new rows.
                sql = connection.ops.sequence_reset_sql(no_style(), list(writer.created))
                with connection.cursor() as cursor:
                    for statement in sql:
                        cursor.execute(statement)
            if dry_run:
                raise _DryRun
    except _DryRun:
        pass
    return report


def fields_of(label: str) -> list[str]:
    """The field names a fixture row of ``label`` may carry (for documentation and tests)."""
    try:
        return list(_field_map(MODELS[label]))
    except (KeyError, FieldDoesNotExist):
        return []
