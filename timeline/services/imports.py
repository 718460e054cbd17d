"""Import of a dataset exported elsewhere (a fixture made by ``export_events --format fixture``).

Contract of ``dataset_import(*, data, ...)``:

1. Everything is validated before anything is written: size, JSON syntax and nesting, the
   shape of every object, the model names (an allowlist of the seven data models: no users,
   groups, permissions or history rows), each field against the model field (type, choices,
   length, the model's check constraints), that every reference resolves inside the file, that
   every excerpt's quote equals the slice of its article's body, that no actor is its own
   ancestor and no place lies within itself, and that no natural key appears twice. The
   first problems found are reported in one ``ImportRefused`` and nothing is written.
2. Rows are matched to existing ones by natural key, never by the ids in the file:
   publisher name; article content hash; actor name (else slug); place slug (else name and
   country); event fingerprint, else (dates, type, place and the same set of excerpt spans);
   event-actor (event, actor); excerpt (event, article, start, end). So a re-import adds
   nothing. Rows that refer to their own model (an actor's parent, the place a place lies
   within) are written after the row they refer to, which must be in the file; a file from
   before ``Place.within`` existed imports with no place inside another.
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
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import batched
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.color import no_style
from django.db import connection, models, transaction
from django.db.models import F, Q
from simple_history.utils import bulk_create_with_history

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
from timeline.services import links
from timeline.services.ingest import content_hash

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


class _Unsupported(Exception):
    pass


_LOOKUPS: dict[str, Callable[[Any, Any], bool]] = {
    "exact": lambda a, b: a == b,
    "in": lambda a, b: a in b,
    "gte": lambda a, b: a is not None and b is not None and a >= b,
    "lte": lambda a, b: a is not None and b is not None and a <= b,
    "gt": lambda a, b: a is not None and b is not None and a > b,
    "lt": lambda a, b: a is not None and b is not None and a < b,
    "isnull": lambda a, b: (a is None) == bool(b),
}


def _q_holds(q: Any, values: dict[str, Any], model: type[models.Model], pk: Any = None) -> bool:
    """Evaluate a CheckConstraint's condition on a row in Python (the simple lookups our
    constraints use); ``_Unsupported`` for anything else, which then goes to the database.
    ``pk`` is the row's id in the file, which its references to its own model use too (so
    "not within itself" can be checked here)."""
    if isinstance(q, Q):
        results = (_q_holds(child, values, model, pk) for child in q.children)
        out = all(results) if q.connector == Q.AND else any(results)
        return not out if q.negated else out
    if not isinstance(q, tuple):
        raise _Unsupported
    path, target = q
    name, _, lookup = path.partition("__")
    lookup = lookup or "exact"
    if lookup not in _LOOKUPS or "__" in lookup:
        raise _Unsupported
    field_ = model._meta.get_field(name)
    left = values.get(field_.attname)
    if isinstance(target, F):
        if target.name == "pk":
            if pk is None:
                raise _Unsupported
            target = pk
        else:
            target = values.get(model._meta.get_field(target.name).attname)
    elif hasattr(target, "resolve_expression"):
        raise _Unsupported
    if left is None and lookup not in ("isnull", "exact"):
        # SQL: a comparison with NULL is unknown, and CHECK accepts unknown.
        return True
    if isinstance(target, F) or (target is None and lookup in ("gte", "lte", "gt", "lt")):
        return True
    return _LOOKUPS[lookup](left, target)


def _check_constraints(rows: dict[str, list[_Row]], err: Any) -> None:
    """The models' CheckConstraints on each row, in Python where possible (no database
    round trip per row), else through Django's own ``CheckConstraint.validate``."""
    for label, items in rows.items():
        model = MODELS[label]
        checks = [c for c in model._meta.constraints if isinstance(c, models.CheckConstraint)]
        for row in items:
            for c in checks:
                try:
                    ok = _q_holds(c.condition, row.values, model, row.pk)
                except _Unsupported:
                    if "pk" in repr(c.condition):
                        continue  # e.g. "not its own parent": checked with the references
                    try:
                        c.validate(model, model(**row.values))
                        ok = True
                    except ValidationError:
                        ok = False
                if not ok:
                    err(
                        f"object {row.index + 1} ({label} {row.pk}): "
                        f"constraint “{c.name}” is violated"
                    )
    for row in rows.get("timeline.article", []):
        if row.values["content_hash"] != content_hash(row.values["body"]):
            err(
                f"object {row.index + 1} (article {row.pk}): content_hash is not the "
                "sha256 of the body"
            )


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
    for label, up, what in _TREES:
        links = {r.pk: r.values.get(up) for r in rows.get(label, [])}
        for start in links:
            seen, cur = set(), start
            while cur is not None:
                if cur in seen:
                    err(f"{label.split('.')[1]} {start}: {what} form a cycle")
                    break
                seen.add(cur)
                cur = links.get(cur)


# The references to a row of the same model: (model, field, what the rows above are).
_TREES = (
    ("timeline.actor", "parent_id", "its parents"),
    ("timeline.place", "within_id", "the places it lies within"),
)


def _levels(items: list[_Row], up: str) -> list[list[_Row]]:
    """``items`` by their depth along ``up`` inside the file (no cycles: checked before),
    the top first: so that the rows they refer to are written before them."""
    by_pk = {r.pk: r for r in items}
    levels: dict[int, list[_Row]] = defaultdict(list)
    for row in items:
        d, above = 0, row.values.get(up)
        while above is not None:
            d, above = d + 1, by_pk[above].values.get(up)
        levels[d].append(row)
    return [levels[d] for d in sorted(levels)]


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


BATCH = 500  # rows per bulk INSERT / per IN (...) lookup


class _Writer:
    """Writes validated rows model by model, in dependency order: look up the matches of a
    whole model in a few ``IN (...)`` queries, merge the matched rows one by one (saved, with
    history, only when something changed), then insert the new ones in bulk with their
    history rows (``bulk_create_with_history``: same user and reason)."""

    def __init__(self, *, user: Any, reason: str, prefer_incoming: bool, report: ImportReport):
        self.user = user if getattr(user, "is_authenticated", False) else None
        self.reason = reason
        self.prefer_incoming = prefer_incoming
        self.report = report
        self.ids: dict[str, dict[Any, int]] = defaultdict(dict)  # label → file pk → our pk
        self.added: dict[str, set[int]] = defaultdict(set)  # label → our pks added now
        self.created: set[type[models.Model]] = set()

    def resolve(self, row: _Row) -> dict[str, Any]:
        """The row's values with references translated to our ids."""
        values = dict(row.values)
        for f in row.model._meta.concrete_fields:
            if isinstance(f, models.ForeignKey) and values.get(f.attname) is not None:
                values[f.attname] = self.ids[f.related_model._meta.label_lower][values[f.attname]]
        return values

    def apply(
        self,
        label: str,
        rows: list[_Row],
        values: list[dict[str, Any]],
        existing: list[models.Model | None],
    ) -> list[models.Model]:
        """Write the rows; returns those inserted."""
        model = MODELS[label]
        name = model._meta.model_name
        new: list[tuple[_Row, dict[str, Any]]] = []
        for row, vals, obj in zip(rows, values, existing, strict=True):
            if obj is None:
                new.append((row, vals))
                continue
            if _merge(
                obj, vals, report=self.report, name=name, prefer_incoming=self.prefer_incoming
            ):
                if self.user is not None:
                    obj._history_user = self.user  # type: ignore[attr-defined]
                obj._change_reason = self.reason  # type: ignore[attr-defined]
                obj.save()
            self.ids[label][row.pk] = obj.pk
        if not new:
            return []
        taken: set[int] = set()
        for chunk in batched([row.pk for row, _ in new], BATCH):
            taken |= set(model.objects.filter(pk__in=chunk).values_list("pk", flat=True))
        objs = []
        for row, vals in new:
            obj = model(**vals)
            if row.pk not in taken:
                obj.pk = row.pk  # keep the file's id when it is free (identical round trips)
            objs.append(obj)
        if len(taken) < len(new):
            self.created.add(model)
        # Excerpts skip Excerpt.save here: every quote was checked against its article's body
        # in validation, and a matched article has the same body (same verified hash).
        saved = bulk_create_with_history(
            objs,
            model,
            batch_size=BATCH,
            default_user=self.user,
            default_change_reason=self.reason,
        )
        for (row, _vals), obj in zip(new, saved, strict=True):
            self.ids[label][row.pk] = obj.pk
            self.added[label].add(obj.pk)
        self.report.added[name] += len(new)
        return saved


def _by(model: type[models.Model], field: str, keys: list[Any]) -> dict[Any, models.Model]:
    """Existing rows of ``model`` whose ``field`` is in ``keys``, by that value."""
    found: dict[Any, models.Model] = {}
    for chunk in batched(sorted({k for k in keys if k is not None}, key=str), BATCH):
        for obj in model.objects.filter(**{f"{field}__in": chunk}):
            found.setdefault(getattr(obj, field), obj)
    return found


def _find_events(values: list[dict[str, Any]], spans: list[frozenset]) -> list[Event | None]:
    """Our event for each incoming one: same fingerprint, else same dates, type, place and
    the same set of excerpt spans."""
    by_fp = _by(Event, "fingerprint", [v.get("fingerprint") for v in values])
    out: list[Event | None] = [by_fp.get(v.get("fingerprint")) for v in values]
    rest = [i for i, e in enumerate(out) if e is None and spans[i]]
    if rest:
        keys = {(values[i]["date_start"], values[i]["event_type"]) for i in rest}
        starts = sorted({k[0] for k in keys if k[0] is not None})
        local: dict[tuple, list[Event]] = defaultdict(list)
        query = Event.objects.prefetch_related("excerpts")
        wanted = [query.filter(date_start__in=c) for c in batched(starts, BATCH)]
        if any(k[0] is None for k in keys):
            wanted.append(query.filter(date_start__isnull=True))
        for qs in wanted:
            for e in qs:
                local[(e.date_start, e.date_end, e.event_type, e.place_id)].append(e)
        for i in rest:
            v = values[i]
            for e in local.get(
                (v["date_start"], v["date_end"], v["event_type"], v["place_id"]), []
            ):
                if frozenset((x.article_id, x.start, x.end) for x in e.excerpts.all()) == spans[i]:
                    out[i] = e
                    break
    return out


def _children(
    model: type[models.Model], events_matched: set[int], key: Callable[[Any], tuple]
) -> dict[tuple, models.Model]:
    """Existing rows of ``model`` (event actors, excerpts) of events that matched."""
    found: dict[tuple, models.Model] = {}
    for chunk in batched(sorted(events_matched), BATCH):
        for obj in model.objects.filter(event_id__in=chunk):
            found[key(obj)] = obj
    return found


def _write_matched_by(
    rows: dict[str, list[_Row]], w: _Writer, model: type[models.Model], key: str
) -> None:
    """Write the rows of a model whose natural key is the single field ``key``."""
    label = f"timeline.{model._meta.model_name}"
    items = rows.get(label, [])
    vals = [w.resolve(r) for r in items]
    found = _by(model, key, [v[key] for v in vals])
    w.apply(label, items, vals, [found.get(v[key]) for v in vals])


def _refuse_place_loops(written: set[int]) -> None:
    """ValidationError if a place written now lies, through ours, within itself: the file's
    links have no loop (checked before), but a blank ``within`` of ours that the file filled
    can close one with the links we had (one query, over the places that lie within one)."""
    links = dict(Place.objects.filter(within__isnull=False).values_list("pk", "within_id"))
    for start in sorted(written & links.keys()):
        seen, cur = set(), start
        while cur is not None and cur not in seen:
            seen.add(cur)
            cur = links.get(cur)
        if cur is not None:
            name = Place.objects.get(pk=cur).name
            raise ValidationError(
                f"place {name}: the file's places within others and ours together would "
                "make it lie within itself"
            )


def _write(rows: dict[str, list[_Row]], w: _Writer) -> None:
    _write_matched_by(rows, w, Publisher, "name")

    # Places level by level: those they lie within (in the file) before them.
    label = "timeline.place"
    for items in _levels(rows.get(label, []), "within_id"):
        vals = [w.resolve(r) for r in items]
        by_slug = _by(Place, "slug", [v["slug"] for v in vals])
        # Else by name and country: one query per chunk of names, not one per place.
        by_name: dict[tuple[str, str], Place] = {}
        unmatched = sorted({v["name"] for v in vals if v["slug"] not in by_slug})
        for chunk in batched(unmatched, BATCH):
            for obj in Place.objects.filter(name__in=chunk).order_by("pk"):
                by_name.setdefault((obj.name, obj.country), obj)
        existing: list[Any] = []
        for v in vals:
            obj = by_slug.get(v["slug"]) or by_name.get((v["name"], v["country"]))
            if obj is not None:
                v["slug"] = obj.slug  # the slug is the place's identity here; never rename ours
            existing.append(obj)
        w.apply(label, items, vals, existing)
    if any(r.values.get("within_id") is not None for r in rows.get(label, [])):
        _refuse_place_loops(set(w.ids[label].values()))

    # Actors level by level: parents (in the file) before their children.
    label = "timeline.actor"
    for items in _levels(rows.get(label, []), "parent_id"):
        vals = [w.resolve(r) for r in items]
        by_name = _by(Actor, "name", [v["name"] for v in vals])
        by_slug = _by(Actor, "slug", [v["slug"] for v in vals])
        existing = []
        for v in vals:
            obj = by_name.get(v["name"]) or by_slug.get(v["slug"])
            if obj is not None:
                v["slug"], v["name"] = obj.slug, obj.name
            existing.append(obj)
        w.apply(label, items, vals, existing)

    _write_matched_by(rows, w, Article, "content_hash")

    label = "timeline.event"
    items = rows.get(label, [])
    spans_by_event: dict[Any, set] = defaultdict(set)
    for row in rows.get("timeline.excerpt", []):
        x = row.values
        spans_by_event[x["event_id"]].add(
            (w.ids["timeline.article"][x["article_id"]], x["start"], x["end"])
        )
    vals = [w.resolve(r) for r in items]
    existing = _find_events(vals, [frozenset(spans_by_event.get(r.pk, ())) for r in items])
    for v, obj in zip(vals, existing, strict=True):
        if obj is not None and obj.fingerprint and v.get("fingerprint"):
            v["fingerprint"] = obj.fingerprint
    w.apply(label, items, vals, existing)
    matched = set(w.ids[label].values()) - w.added[label]

    label = "timeline.eventactor"
    items = rows.get(label, [])
    vals = [w.resolve(r) for r in items]
    found = _children(EventActor, matched, lambda o: (o.event_id, o.actor_id))
    new_actors = w.apply(
        label, items, vals, [found.get((v["event_id"], v["actor_id"])) for v in vals]
    )

    label = "timeline.excerpt"
    items = rows.get(label, [])
    vals = [w.resolve(r) for r in items]
    found = _children(Excerpt, matched, lambda o: (o.event_id, o.article_id, o.start, o.end))
    new_excerpts = w.apply(
        label,
        items,
        vals,
        [found.get((v["event_id"], v["article_id"], v["start"], v["end"])) for v in vals],
    )
    # Rows added in bulk to events we already had send no signals: those events' versions
    # move here (rows merged into existing ones were saved one by one, and moved them then).
    names = dict(
        Actor.objects.filter(pk__in={ea.actor_id for ea in new_actors}).values_list("pk", "name")
    )
    links.events_links_changed(
        changes=[
            (ea.event_id, f"+{names.get(ea.actor_id, ea.actor_id)} ({ea.get_role_display()})", "")
            for ea in new_actors
            if ea.event_id in matched
        ]
        + [(ex.event_id, "", "+") for ex in new_excerpts if ex.event_id in matched],
        user=w.user,
        reason=w.reason,
    )


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
