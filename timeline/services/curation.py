"""Curation writes: verify, reject, edit, merge, re-date after a publication-date change, restore.

Every function here is keyword-only, runs in ``transaction.atomic()`` and saves row by row
through the ORM (never ``QuerySet.update``) so that django-simple-history records who changed
what and why. ``user`` is recorded as the history user; ``reason`` as the change reason.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from itertools import batched
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, OuterRef, Subquery
from django.utils import timezone

from timeline.extraction.types import ROLE_RANK
from timeline.models import (
    Actor,
    ActorRole,
    Article,
    DateBasis,
    DatePrecision,
    Event,
    EventActor,
    EventStatus,
    EventType,
    Excerpt,
    Place,
    PlacePrecision,
)

CURATOR_GROUP = "curator"
# What a curator needs and nothing more: review and fix events (and their actors and
# excerpts), correct articles and the gazetteers, grade publishers, delete a bad event (it
# stays restorable from history), and drop a wrongly attributed actor from an event.
# Excerpts are never deleted by hand (they are the provenance); no user or group admin.
CURATOR_PERMISSIONS: dict[str, tuple[str, ...]] = {
    "event": ("view", "add", "change", "delete"),
    "eventactor": ("view", "add", "change", "delete"),
    "excerpt": ("view", "add", "change"),
    "article": ("view", "add", "change"),
    "actor": ("view", "add", "change"),
    "place": ("view", "add", "change"),
    "publisher": ("view", "add", "change"),
}


class CurationError(Exception):
    """A curation request that cannot be carried out; the message is for the curator."""


class EventChanged(CurationError):
    """The event was changed by someone else since the version the caller's edit is based on
    (optimistic concurrency: the edit is refused rather than overwriting their change).
    ``version`` is the event's version now, to base a reviewed resubmission on."""

    def __init__(self, message: str, *, event_id: int, version: int, changes: list[str]) -> None:
        super().__init__(message)
        self.event_id = event_id
        self.version = version
        self.changes = changes  # one line per change since: who, when, what (event_changes_since)


class EventsChanged(EventChanged):
    """Several of the events an edit was based on changed since (a bulk action on a list that
    is out of date). ``each`` holds one ``EventChanged`` per event; ``event_id``, ``version``
    and ``changes`` are those of the first, so a caller that handles one event still can."""

    def __init__(self, each: list[EventChanged]) -> None:
        first = each[0]
        super().__init__(
            f"{len(each)} events were changed since you opened them: "
            + " ".join(str(e) for e in each),
            event_id=first.event_id,
            version=first.version,
            changes=first.changes,
        )
        self.each = each


def _save(obj: Any, *, user: Any = None, reason: str = "") -> None:
    """Save one row so that its history entry names the user and the reason."""
    if user is not None and getattr(user, "is_authenticated", False):
        obj._history_user = user
    if reason:
        obj._change_reason = reason[:100]
    obj.save()


# --- the curator group ----------------------------------------------------------------------


def curator_group_ensure() -> Group:
    """Create or repair the "curator" group so it holds exactly ``CURATOR_PERMISSIONS``."""
    with transaction.atomic():
        group, _ = Group.objects.get_or_create(name=CURATOR_GROUP)
        codenames = [f"{a}_{m}" for m, actions in CURATOR_PERMISSIONS.items() for a in actions]
        perms = list(
            Permission.objects.filter(content_type__app_label="timeline", codename__in=codenames)
        )
        missing = set(codenames) - {p.codename for p in perms}
        if missing:
            raise CurationError(
                f"Permissions missing (run migrate first): {', '.join(sorted(missing))}"
            )
        group.permissions.set(perms)
    return group


def curator_add_user(*, username: str, make_staff: bool = True) -> Any:
    """Put an existing user in the curator group (and mark them staff so they can log in)."""
    User = get_user_model()
    try:
        user = User.objects.get(**{User.USERNAME_FIELD: username})
    except User.DoesNotExist as exc:
        raise CurationError(f"No user named {username!r}.") from exc
    with transaction.atomic():
        group = curator_group_ensure()
        user.groups.add(group)
        if make_staff and not user.is_staff:
            user.is_staff = True
            user.save(update_fields=["is_staff"])
    return user


# --- versions (optimistic concurrency) ------------------------------------------------------
#
# An event's version is the id of its latest simple-history record: every save through the
# ORM (all writes in this module) adds one, so a different id means someone changed the event.
# An edit made on a copy of version N (a review card) is refused if the event is no longer at
# N, instead of silently writing the copy's old values over the other person's change.


def event_version(event_id: int) -> int:
    """The event's current version (0 for an event without any history record)."""
    return Event.history.filter(id=event_id).aggregate(v=Max("history_id"))["v"] or 0


def event_version_subquery() -> Subquery:
    """``event_version`` as a subquery, to annotate a queryset of events in one query."""
    return Subquery(
        Event.history.model.objects.filter(id=OuterRef("pk"))
        .order_by("-history_id")
        .values("history_id")[:1]
    )


def event_at_version(event_id: int, version: int | None) -> Event | None:
    """The event as it was at ``version`` (from its history record), or None if unknown."""
    if not version:
        return None
    record = Event.history.filter(id=event_id, history_id=version).first()
    return record.instance if record is not None else None


def _describe_value(name: str, value: Any) -> str:
    if value is None or value == "":
        return "—"
    if name == "place":
        place = Place.objects.filter(pk=value).first()
        return str(place) if place is not None else f"place #{value}"
    field_ = Event._meta.get_field(name)
    if field_.choices:
        return str(dict(field_.flatchoices).get(value, value))
    if isinstance(value, date):
        return value.isoformat()
    text = str(value)
    return text if len(text) <= 60 else text[:57] + "…"


def event_changes_since(event_id: int, version: int) -> list[str]:
    """What was done to the event after ``version``, one line per history record: who, when
    and which fields changed from what to what (for the curator whose edit was refused)."""
    records = list(
        Event.history.filter(id=event_id, history_id__gt=version)
        .select_related("history_user")
        .order_by("history_id")
    )
    previous = Event.history.filter(id=event_id, history_id=version).first()
    lines = []
    for record in records:
        who = record.history_user.get_username() if record.history_user else "an unnamed process"
        when = timezone.localtime(record.history_date).strftime("%Y-%m-%d %H:%M %Z")
        if record.history_type == "-":
            what = "deleted the event"
        elif previous is None:
            what = record.history_change_reason or "saved the event"
        else:
            delta = record.diff_against(
                previous, included_fields=[*EDITABLE_EVENT_FIELDS, "status"]
            )
            what = "; ".join(
                f"{Event._meta.get_field(c.field).verbose_name}: "
                f"{_describe_value(c.field, c.old)} → {_describe_value(c.field, c.new)}"
                for c in delta.changes
            ) or (record.history_change_reason or "saved without a change")
        lines.append(f"{who} at {when} ({what})")
        previous = record
    return lines


def event_check_version(event_id: int, version: int | None) -> None:
    """Raise ``EventChanged`` (saying who changed what, when) unless the event is still at
    ``version``. ``None`` checks nothing: callers that do not track versions keep working."""
    if version is None:
        return
    current = event_version(event_id)
    if current == version:
        return
    since = event_changes_since(event_id, version)
    raise EventChanged(
        f"Event #{event_id} was changed since you opened it, by "
        + ("; then ".join(since) if since else "someone")
        + ".",
        event_id=event_id,
        version=current,
        changes=since,
    )


def _lock(event_id: int) -> None:
    # Hold the row until the transaction ends, so that nobody saves between our version check
    # and our write (a no-op on SQLite, where a write transaction is exclusive anyway).
    list(Event.objects.select_for_update().filter(pk=event_id).values_list("pk", flat=True))


def event_hold_version(event_id: int, version: int | None) -> None:
    """``event_check_version`` for a write that the caller makes itself, later in the same
    transaction (the admin's change form, which saves the event and its inlines): the row is
    locked first, so nobody saves between this check and that write. Must be called inside
    ``transaction.atomic()`` (the lock lasts until the outermost transaction ends)."""
    if version is None:
        return
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("event_hold_version() must be called inside transaction.atomic().")
    _lock(event_id)
    event_check_version(event_id, version)


def events_check_versions(versions: Mapping[int, int]) -> None:
    """Lock and check every event of ``versions`` (event id → version the caller decided on),
    all of them before raising: ``EventChanged`` if one changed since, ``EventsChanged``
    (listing each) if several did. Call inside the transaction that then writes them."""
    stale: list[EventChanged] = []
    for event_id in sorted(versions):
        _lock(event_id)
        try:
            event_check_version(event_id, versions[event_id])
        except EventChanged as exc:
            stale.append(exc)
    if len(stale) == 1:
        raise stale[0]
    if stale:
        raise EventsChanged(stale)


def event_fields_changed_since(event_id: int, version: int) -> dict[str, tuple[str, str]]:
    """The editable fields (and the status) whose value differs now from ``version``:
    field name → (value then, value now), described for a person. Empty if ``version`` is
    unknown or the event is gone."""
    then = event_at_version(event_id, version)
    now = Event.objects.filter(pk=event_id).first()
    if then is None or now is None:
        return {}
    changed = {}
    for name in [*EDITABLE_EVENT_FIELDS, "status"]:
        attname = Event._meta.get_field(name).attname
        old, new = getattr(then, attname), getattr(now, attname)
        if old != new:
            changed[name] = (_describe_value(name, old), _describe_value(name, new))
    return changed


# --- "select all N": a selection bigger than what was shown ---------------------------------
#
# A bulk action on "all N events" of a filtered list applies to rows the curator never saw:
# only the page's rows carry their versions. What the list can carry instead is a high-water
# mark: the newest event version when it was rendered (``events_high_water``) and how many
# events the selection held. Any event of the selection with a newer history record was
# changed (or created) after the list was shown; a different count means events left or
# joined the selection. Either way the curator decided on a selection that no longer is, so
# the action is refused, naming how many changed and by whom.


@dataclass(frozen=True)
class ListSeen:
    """What a list of events showed: ``mark`` = ``events_high_water()`` when it was rendered,
    ``count`` = how many events its selection ("select all N") held."""

    mark: int
    count: int


class SelectionChanged(CurationError):
    """Events of a "select all N" selection changed since the list was shown (see
    ``events_check_selection``); ``changed`` holds their ids, ``count_now`` the selection's
    size now."""

    def __init__(self, message: str, *, changed: list[int], seen: ListSeen, count_now: int):
        super().__init__(message)
        self.changed = changed
        self.seen = seen
        self.count_now = count_now


def events_high_water() -> int:
    """The newest version of any event: every event a list reads afterwards is at this version
    or older, unless it changed since.

    On PostgreSQL a history id is drawn when the row is written, not when its transaction
    commits: a write in flight while the list is read could commit later under an id below a
    mark taken meanwhile, and pass for seen. Reading the mark under a SHARE lock of the event
    history table waits for such writes to finish (and holds new ones back for that one
    read). SQLite runs one write transaction at a time, so there is nothing to wait for."""
    table = Event.history.model._meta.db_table
    with transaction.atomic():
        connection = transaction.get_connection()
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute(f'LOCK TABLE "{table}" IN SHARE MODE')
        return Event.history.aggregate(v=Max("history_id"))["v"] or 0


def _names(user_ids: Iterable[int | None]) -> dict[int | None, str]:
    User = get_user_model()
    names: dict[int | None, str] = {None: "an unnamed process"}
    for user in User.objects.filter(pk__in={u for u in user_ids if u is not None}):
        names[user.pk] = user.get_username()
    return names


def events_selection_changed(
    *, event_ids: Iterable[int], seen: ListSeen
) -> SelectionChanged | None:
    """``SelectionChanged`` (not raised) if an event of ``event_ids`` has a version newer than
    ``seen.mark``, or if there are not ``seen.count`` of them; else None. Reads only the
    history records newer than the mark (few, unless the list was shown long ago)."""
    ids = set(event_ids)
    by_event: dict[int, set[int | None]] = {}
    newer = Event.history.filter(history_id__gt=seen.mark)
    if len(ids) <= 500:
        newer = newer.filter(id__in=ids)  # else: the few records newer than the mark, all
    for event_id, user_id in newer.values_list("id", "history_user_id"):
        if event_id in ids:
            by_event.setdefault(event_id, set()).add(user_id)
    if not by_event and len(ids) == seen.count:
        return None
    parts = []
    if by_event:
        names = _names(u for users in by_event.values() for u in users)
        per_user: dict[str, int] = {}
        for users in by_event.values():
            for user_id in users:
                per_user[names[user_id]] = per_user.get(names[user_id], 0) + 1
        changed = sorted(by_event)
        listed = ", ".join(f"#{pk}" for pk in changed[:10]) + (
            f" and {len(changed) - 10} more" if len(changed) > 10 else ""
        )
        parts.append(
            f"{len(changed)} of the {len(ids)} selected events "
            + ("was" if len(changed) == 1 else "were")
            + " changed or added since the list was shown, by "
            + ", ".join(f"{name} ({n})" for name, n in sorted(per_user.items()))
            + f": {listed}"
        )
    if len(ids) != seen.count:
        parts.append(
            f"the selection held {seen.count} events when the list was shown and holds "
            f"{len(ids)} now"
        )
    text = "; ".join(parts)
    return SelectionChanged(
        text[0].upper() + text[1:] + ".",
        changed=sorted(by_event),
        seen=seen,
        count_now=len(ids),
    )


def events_check_selection(*, event_ids: Iterable[int], seen: ListSeen) -> None:
    """Lock the events and raise ``SelectionChanged`` if they are not the selection the list
    showed (``events_selection_changed``). Call inside the transaction that then writes them:
    a writer of an event holds its row, so once all are locked every change is visible."""
    ids = sorted(set(event_ids))
    for chunk in batched(ids, 500):
        list(Event.objects.select_for_update().filter(pk__in=chunk).values_list("pk", flat=True))
    refusal = events_selection_changed(event_ids=ids, seen=seen)
    if refusal is not None:
        raise refusal


# --- review ---------------------------------------------------------------------------------


def events_set_status(
    *,
    events: Iterable[Event],
    status: str,
    user: Any = None,
    reason: str = "",
    versions: Mapping[int, int] | None = None,
    seen: ListSeen | None = None,
) -> int:
    """Give every event ``status``; returns how many changed (already-there ones are skipped).

    ``versions`` maps event ids to the version the caller decided on: if any of those events
    changed since, ``EventChanged`` is raised (``EventsChanged``, naming each, if several
    did) and no event is changed. Every entry is checked, also for an event not in
    ``events`` (a bulk action's row that has left the list's filter since, or was deleted:
    the caller decided on it too). Events without an entry in ``versions`` are not checked.
    ``seen`` (a "select all N" of a list: what the list showed) refuses the whole action with
    ``SelectionChanged`` if any of ``events`` changed after the list was shown, or if they are
    not as many as it said (``events_check_selection``)."""
    if status not in EventStatus.values:
        raise CurationError(f"Unknown status {status!r}.")
    versions = versions or {}
    events = list(events)
    changed = 0
    with transaction.atomic():
        # Every version first: a refusal leaves all the events (and the caller's objects) as
        # they were.
        events_check_versions(versions)
        if seen is not None:
            events_check_selection(event_ids=[e.pk for e in events], seen=seen)
        for event in events:
            if event.status == status:
                continue
            event.status = status
            _save(event, user=user, reason=reason or f"Marked {status}")
            changed += 1
    return changed


def events_verify(
    *,
    events: Iterable[Event],
    user: Any = None,
    versions: Mapping[int, int] | None = None,
    seen: ListSeen | None = None,
) -> int:
    return events_set_status(
        events=events, status=EventStatus.VERIFIED, user=user, versions=versions, seen=seen
    )


def events_reject(
    *,
    events: Iterable[Event],
    user: Any = None,
    versions: Mapping[int, int] | None = None,
    seen: ListSeen | None = None,
) -> int:
    return events_set_status(
        events=events, status=EventStatus.REJECTED, user=user, versions=versions, seen=seen
    )


EDITABLE_EVENT_FIELDS = (
    "headline",
    "summary",
    "date_start",
    "date_end",
    "date_precision",
    "date_text",
    "event_type",
    "place",
    "place_precision",
    "fatalities",
    "credibility",
    "notes",
)


def event_review(
    *,
    event: Event,
    changes: dict[str, Any],
    status: str | None = None,
    user: Any = None,
    version: int | None = None,
) -> list[str]:
    """Edit an event and (optionally) set its status in one step; returns the changed fields.

    ``changes`` maps names in ``EDITABLE_EVENT_FIELDS`` to new values. The row is validated
    (field types and the model's constraints) before it is written. With ``version`` (the
    event's version the edit was made on), the edit is refused with ``EventChanged`` if
    someone changed the event since, even if only other fields: the caller's copy of those
    fields is stale, and which of its values are deliberate is for the curator to say.
    """
    unknown = set(changes) - set(EDITABLE_EVENT_FIELDS)
    if unknown:
        raise CurationError(f"Cannot edit: {', '.join(sorted(unknown))}.")
    if status is not None and status not in EventStatus.values:
        raise CurationError(f"Unknown status {status!r}.")
    with transaction.atomic():
        if version is not None:
            _lock(event.pk)
            event_check_version(event.pk, version)
        changed = [name for name, value in changes.items() if getattr(event, name) != value]
        for name in changed:
            setattr(event, name, changes[name])
        if status is not None and status != event.status:
            event.status = status
            changed.append("status")
        if not changed:
            return []
        try:
            event.full_clean(exclude=["fingerprint"], validate_unique=False)
        except ValidationError as exc:
            raise CurationError(
                "; ".join(f"{k}: {' '.join(v)}" for k, v in exc.message_dict.items())
            ) from exc
        _save(event, user=user, reason="Reviewed: " + ", ".join(changed))
    return changed


# --- an event the extractor missed -----------------------------------------------------------

PROPOSED_REASON = "Proposed from a passed-over sentence"


def event_propose_from_sentence(
    *, article: Article, start: int, end: int, event_type: str, user: Any = None
) -> Event:
    """A candidate event quoting one of the article's passed-over sentences (see
    ``selectors_curation.article_passed_over``), of the type the curator gives, dated, placed
    and with the actors the sentence names as the extractor reads them there; it joins the
    review queue like any candidate. The actors' roles are "mentioned": the sentence had no
    trigger word to tell who did what to whom, so that is the curator's to say.

    Refused, with nothing written, for an unknown type, for words that are not one of the
    article's passed-over sentences as the article stands now, and for a sentence an event
    quoted meanwhile (another curator, a double submission): it names that event.
    """
    from timeline.selectors_curation import article_passed_over
    from timeline.services.ingest import actor_row, place_row

    if event_type not in EventType.values:
        raise CurationError("Choose the event's type.")
    with transaction.atomic():
        # one proposal from an article at a time: the second sees the first's excerpt
        article = Article.objects.select_for_update().get(pk=article.pk)
        quoting = (
            Excerpt.objects.filter(article=article, start__lt=end, end__gt=start)
            .order_by("event_id")
            .first()
        )
        if quoting is not None:
            raise CurationError(
                f"Event #{quoting.event_id} already quotes this sentence; nothing was added."
            )
        sentence = next(
            (
                p
                for p in article_passed_over(article)
                if (p.evidence.start, p.evidence.end) == (start, end)
            ),
            None,
        )
        if sentence is None:
            raise CurationError(
                "Those words are not one of this article's passed-over sentences (has the "
                "article changed?); nothing was added."
            )
        event = Event(
            headline=(sentence.headline.strip() or sentence.evidence.quote.strip())[:300],
            date_start=sentence.date.earliest,
            date_end=sentence.date.latest,
            date_precision=sentence.date.precision,
            date_text=sentence.date.words[:300],
            event_type=event_type,
            place=place_row(sentence.place) if sentence.place else None,
            place_precision=(
                sentence.place_precision
                if sentence.place and sentence.place_precision in PlacePrecision.values
                else PlacePrecision.UNKNOWN
            ),
            status=EventStatus.CANDIDATE,
        )
        _save(event, user=user, reason=PROPOSED_REASON)
        quote = article.body[start:end]
        _save(
            Excerpt(event=event, article=article, start=start, end=end, quote=quote),
            user=user,
            reason=PROPOSED_REASON,
        )
        for name in sentence.actors:
            _save(
                EventActor(event=event, actor=actor_row(name), role=ActorRole.MENTIONED),
                user=user,
                reason=PROPOSED_REASON,
            )
    return event


# --- merge ----------------------------------------------------------------------------------


@dataclass
class MergeReport:
    target: Event
    merged: list[int] = field(default_factory=list)
    excerpts_added: int = 0
    actors_added: int = 0

    def __str__(self) -> str:
        return (
            f"Merged events {', '.join(f'#{pk}' for pk in self.merged)} into #{self.target.pk}: "
            f"{self.excerpts_added} excerpt(s) and {self.actors_added} actor(s) added."
        )


def events_merge(
    *,
    target: Event,
    others: Iterable[Event],
    user: Any = None,
    versions: Mapping[int, int] | None = None,
) -> MergeReport:
    """Merge ``others`` into ``target``: one event reported by several articles.

    The target gains a copy of every excerpt and every actor of the others (an actor already on
    the target keeps the more central of the two roles). The others are not deleted: each
    becomes ``rejected`` with a note "Merged into event #N", keeping its own excerpts and its
    fingerprint, so a re-ingest of the same article finds it instead of proposing the
    duplicate again, and the merge can be inspected (or undone) from history.
    Blank fields of the target (place, dates, fatalities, summary) are filled from the others.
    ``versions`` (event id → the version the caller decided on) is checked as by
    ``events_set_status``: if any of those events changed since, nothing is merged.
    """
    others = [e for e in others if e.pk != target.pk]
    if not others:
        raise CurationError("Choose at least two events to merge.")
    report = MergeReport(target=target)
    with transaction.atomic():
        events_check_versions(versions or {})
        target = Event.objects.select_for_update().get(pk=target.pk)
        report.target = target
        spans = set(target.excerpts.values_list("article_id", "start", "end"))
        roles = {ea.actor_id: ea for ea in target.event_actors.all()}
        filled: list[str] = []
        for other in others:
            for ex in other.excerpts.select_related("article").all():
                key = (ex.article_id, ex.start, ex.end)
                if key in spans:
                    continue
                copy = Excerpt(
                    event=target, article=ex.article, start=ex.start, end=ex.end, quote=ex.quote
                )
                _save(copy, user=user, reason=f"Merged from event #{other.pk}")
                spans.add(key)
                report.excerpts_added += 1
            for ea in other.event_actors.all():
                mine = roles.get(ea.actor_id)
                if mine is None:
                    new = EventActor(event=target, actor_id=ea.actor_id, role=ea.role)
                    _save(new, user=user, reason=f"Merged from event #{other.pk}")
                    roles[ea.actor_id] = new
                    report.actors_added += 1
                elif ROLE_RANK.get(ea.role, 9) < ROLE_RANK.get(mine.role, 9):
                    mine.role = ea.role
                    _save(mine, user=user, reason=f"Merged from event #{other.pk}")
            if target.place_id is None and other.place_id is not None:
                target.place_id, target.place_precision = other.place_id, other.place_precision
                filled.append("place")
            if target.date_start is None and other.date_start is not None:
                target.date_start, target.date_end = other.date_start, other.date_end
                target.date_precision, target.date_text = other.date_precision, other.date_text
                filled.append("dates")
            if target.fatalities is None and other.fatalities is not None:
                target.fatalities = other.fatalities
                filled.append("fatalities")
            if not target.summary and other.summary:
                target.summary = other.summary
                filled.append("summary")
            other.status = EventStatus.REJECTED
            other.notes = (other.notes + "\n" if other.notes else "") + (
                f"Merged into event #{target.pk}."
            )
            _save(other, user=user, reason=f"Merged into event #{target.pk}")
            report.merged.append(other.pk)
        note = f"Merged with event(s) {', '.join(f'#{pk}' for pk in report.merged)}."
        target.notes = (target.notes + "\n" if target.notes else "") + note
        _save(
            target, user=user, reason=(note + (" Filled: " + ", ".join(filled) if filled else ""))
        )
    return report


# --- publication date and re-resolution -----------------------------------------------------


@dataclass(frozen=True)
class DateChange:
    event_id: int
    headline: str
    before: tuple[date | None, date | None, str]
    after: tuple[date | None, date | None, str]
    words: str

    def __str__(self) -> str:
        def fmt(d: tuple[date | None, date | None, str]) -> str:
            start, end, precision = d
            if start is None:
                return "no date"
            span = start.isoformat() if start == end else f"{start.isoformat()}–{end.isoformat()}"
            return f"{span} ({precision})"

        return f"#{self.event_id} {self.headline[:60]}: {fmt(self.before)} → {fmt(self.after)}"


@dataclass
class RedateReport:
    article: Article
    changes: list[DateChange] = field(default_factory=list)
    unchanged: int = 0
    kept_verified: int = 0
    kept_edited: list[int] = field(default_factory=list)  # ids of events dated by hand
    unmatched: int = 0


def _extract(text: str, *, origin_file: str, published: date | None) -> tuple[list, list]:
    # Imported here so curation loads even while the pipeline is being changed.
    from timeline.extraction.pipeline import extract_from_text

    return extract_from_text(text, origin_file=origin_file, published=published)


def _extract_dates(article: Article, published: date | None) -> list[tuple[str, int, Any]]:
    """(quote, start, DateRange | None) for each candidate the extractor finds in the article,
    resolved against ``published``."""
    _articles, candidates = _extract(
        article.body, origin_file=article.origin_file, published=published
    )
    found = []
    for cand in candidates:
        ev = cand.evidence
        offset = 0
        if cand.article.body != article.body:
            # The extractor may have trimmed the text: map its offsets back onto our body.
            pos = article.body.find(cand.article.body)
            offset = pos if pos >= 0 else 0
        found.append((ev.quote, ev.start + offset, cand.date))
    return found


class _Dates:
    """The extractor's dates for one run, looked up by an excerpt's words and position."""

    def __init__(self, found: list[tuple[str, int, Any]]):
        self.found = found
        self.by_quote: dict[str, list[tuple[int, Any]]] = {}
        for quote, start, dr in found:
            self.by_quote.setdefault(quote, []).append((start, dr))

    def match(self, ex: Excerpt) -> tuple[bool, Any]:
        """(found, DateRange | None) for the candidate quoting the same words (the nearest if
        the sentence repeats), else a dated candidate overlapping the excerpt's span."""
        options = self.by_quote.get(ex.quote)
        if not options:
            # The excerpt may span several sentences, or one sentence of several.
            options = [
                (s, dr)
                for q, s, dr in self.found
                if (s < ex.end and s + len(q) > ex.start) and dr is not None
            ]
        if not options:
            return False, None
        return True, min(options, key=lambda o: abs(o[0] - ex.start))[1]


def _triple(dr: Any) -> tuple[date | None, date | None, str]:
    if dr is None:
        return (None, None, DatePrecision.UNKNOWN.value)
    return (dr.earliest, dr.latest, dr.precision)


_UNSET: Any = object()


def article_redate_events(
    *,
    article: Article,
    previous_published: date | None = _UNSET,
    include_verified: bool = False,
    user: Any = None,
) -> RedateReport:
    """Re-resolve the dates of the events this article reports, against its publication date.

    Relative expressions ("on Tuesday", "last week", "the next day") depend on the date an
    article was published. The extractor is run on the article against the new date and,
    when ``previous_published`` is given, against the previous one too; each event is matched
    to the candidate quoting the same words. Only dates that *depend* on the publication date
    move (the two runs disagree): an absolute date ("Oct. 28, 2016", "in June 2014") is never
    touched. Of those, candidate events whose date is still the extractor's take the new one;
    verified and rejected events keep theirs unless ``include_verified``; a date a person set
    by hand (not what the extractor read against the previous date) is never moved, only
    listed in ``kept_edited`` for a check. Without ``previous_published`` (re-resolve after
    the extractor changed), candidate events simply take the extractor's current date.
    """
    report = RedateReport(article=article)
    new = _Dates(_extract_dates(article, article.published))
    old = (
        None
        if previous_published is _UNSET
        else _Dates(_extract_dates(article, previous_published))
    )
    events = (
        Event.objects.filter(excerpts__article=article)
        .distinct()
        .prefetch_related("excerpts")
        .order_by("pk")
    )
    with transaction.atomic():
        for event in events:
            mine = [ex for ex in event.excerpts.all() if ex.article_id == article.pk]
            matched, match, ex_used = False, None, None
            for ex in mine:
                matched, match = new.match(ex)
                if matched:
                    ex_used = ex
                    break
            if not matched:
                # The extractor no longer proposes this event: leave its date to the curator.
                report.unmatched += 1
                continue
            before = (event.date_start, event.date_end, event.date_precision)
            after = _triple(match)
            if after == before:
                report.unchanged += 1
                continue
            if old is not None:
                _found, old_match = old.match(ex_used)
                if _triple(old_match) == after:
                    # Not a date that depends on the publication date: nothing to re-resolve.
                    report.unchanged += 1
                    continue
                if _triple(old_match) != before:
                    # A person chose this date (it is not what the extractor read): it is
                    # never moved automatically; the report lists it for a check.
                    report.kept_edited.append(event.pk)
                    continue
            if event.status != EventStatus.CANDIDATE and not include_verified:
                report.kept_verified += 1
                continue
            words = match.words if match is not None else ""
            event.date_start, event.date_end, event.date_precision = after
            event.date_text = words[:300]
            _save(
                event,
                user=user,
                reason=f"Re-dated: article #{article.pk} published {article.published}",
            )
            report.changes.append(
                DateChange(
                    event_id=event.pk,
                    headline=event.headline,
                    before=before,
                    after=after,
                    words=words,
                )
            )
    return report


def published_basis_for(
    *, published: date | None, current: str, given: str | None, date_changed: bool
) -> str:
    """How an article's publication date is known after an edit: "unknown" when there is
    no date; else the basis ``given``; else "curator" when a person changed the date; else
    ``current``. (The admin form and ``article_set_published`` share this rule.)"""
    if published is None:
        return DateBasis.UNKNOWN
    if given is not None:
        return given
    return DateBasis.CURATOR if date_changed else current


def article_set_published(
    *,
    article: Article,
    published: date | None,
    basis: str | None = None,
    reason: str | None = None,
    include_verified: bool = False,
    user: Any = None,
) -> RedateReport:
    """Set or correct an article's publication date, then re-date the events it reports.

    ``basis`` defaults to "curator" when the date changes (and to "unknown" when it is
    cleared). Everything happens in one transaction: if re-resolution fails, the date is not
    changed either.
    """
    if basis is not None and basis not in DateBasis.values:
        raise CurationError(f"Unknown date basis {basis!r}.")
    with transaction.atomic():
        previous = article.published
        date_changed = previous != published
        article.published = published
        article.published_basis = published_basis_for(
            published=published,
            current=article.published_basis,
            given=basis,
            date_changed=date_changed,
        )
        if reason is not None:
            article.published_reason = reason
        _save(article, user=user, reason="Publication date set")
        if not date_changed:
            return RedateReport(article=article)
        return article_redate_events(
            article=article,
            previous_published=previous,
            include_verified=include_verified,
            user=user,
        )


# --- deleted events -------------------------------------------------------------------------


@dataclass
class RestoreReport:
    event: Event
    excerpts: int = 0
    actors: int = 0
    skipped: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        text = (
            f"Restored event #{self.event.pk} “{self.event.headline}” with "
            f"{self.excerpts} excerpt(s) and {self.actors} actor(s)."
        )
        if self.skipped:
            text += " Not restored: " + "; ".join(self.skipped) + "."
        return text


def _latest_deleted(history_qs: Any, fk_name: str, event_id: int) -> list[Any]:
    """The last history record of each row once linked to the event, if that row is gone."""
    latest: dict[int, Any] = {}
    for rec in history_qs.filter(**{fk_name: event_id}).order_by("history_date", "history_id"):
        latest[rec.id] = rec
    return [rec for rec in latest.values() if rec.history_type == "-"]


def _rows_restore(
    records: list[Any],
    *,
    needs: type,
    fk: str,
    gone: Callable[[Any], str],
    user: Any,
    reason: str,
) -> tuple[int, list[str]]:
    """Save the rows of deleted history ``records`` again, except those whose ``fk`` row of
    ``needs`` is gone (each described by ``gone``); returns (restored, skipped)."""
    rows = [rec.instance for rec in records]
    alive = set(
        needs.objects.filter(pk__in={getattr(r, fk) for r in rows}).values_list("pk", flat=True)
    )
    restored, skipped = 0, []
    for row in rows:
        if getattr(row, fk) not in alive:
            skipped.append(gone(row))
            continue
        row._state.adding = False  # an update of no rows falls back to an insert
        _save(row, user=user, reason=reason)
        restored += 1
    return restored, skipped


def event_restore(*, event_id: int, user: Any = None) -> RestoreReport:
    """Bring back a deleted event as it was when deleted, with its excerpts and actors.

    simple-history keeps a last record of every deleted row (the event, and its excerpts and
    event-actors that the deletion cascaded to). Rows whose article or actor has since been
    deleted cannot come back; they are listed in the report. A place deleted since is dropped
    (the event comes back without a place). Refused if the event exists, or if another event
    has meanwhile taken its fingerprint (e.g. the article was ingested again).
    """
    with transaction.atomic():
        if Event.objects.filter(pk=event_id).exists():
            raise CurationError(f"Event #{event_id} exists; there is nothing to restore.")
        record = Event.history.filter(id=event_id).order_by("-history_date", "-history_id").first()
        if record is None or record.history_type != "-":
            raise CurationError(f"No deleted event #{event_id} in the history.")
        event = record.instance
        other = None
        if event.fingerprint:
            other = Event.objects.filter(fingerprint=event.fingerprint).first()
        if other is not None:
            raise CurationError(
                f"Event #{other.pk} has since been created from the same article sentence "
                f"(same fingerprint); edit that one instead."
            )
        report = RestoreReport(event=event)
        if event.place_id is not None and not Place.objects.filter(pk=event.place_id).exists():
            report.skipped.append("its place (deleted since)")
            event.place_id = None
        # Keep the original created_at: an update of no rows falls back to an insert.
        event._state.adding = False
        _save(event, user=user, reason="Restored after deletion")
        reason = f"Restored with event #{event_id}"
        report.excerpts, skipped = _rows_restore(
            _latest_deleted(Excerpt.history.all(), "event_id", event_id),
            needs=Article,
            fk="article_id",
            gone=lambda ex: f"excerpt #{ex.pk} (its article was deleted)",
            user=user,
            reason=reason,
        )
        report.skipped += skipped
        report.actors, skipped = _rows_restore(
            _latest_deleted(EventActor.history.all(), "event_id", event_id),
            needs=Actor,
            fk="actor_id",
            gone=lambda ea: f"actor #{ea.actor_id} (deleted since)",
            user=user,
            reason=reason,
        )
        report.skipped += skipped
    return report
