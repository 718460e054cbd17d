"""An event's actors and excerpts are part of the event: writing them changes its version.

An event's version (``curation.event_version``) is the id of its latest simple-history
record, so only a save of the event row used to change it. Its actors (``EventActor`` rows)
and excerpts live in tables of their own, and were written without touching the event by
ingest (a candidate's excerpts and actors re-extracted), import (rows added to a matched
event), a cascade (an article deleted with its excerpts), or any script: a curator with the
event open saw no refusal, and decided on actors and sources that were no longer there.

Every such write is caught here, in one place, whatever makes it: model signals for every
save or delete through the ORM (the admin's inlines, services, commands, cascades), and
``events_links_changed`` for the one bulk path (import's ``bulk_create``, which sends no
signals). Each adds a history record to the owning event — the event row as it stands, the
user who made the change, and what changed as the reason ("actors: +Kataib Hezbollah
(Actor 2)") — so the version moves, the refusal says who changed what, and the event's
history shows it. Within one transaction (one atomic block) an event gets one such record
however many of its rows change: a merge of ten excerpts is one line in a refusal, not ten.
Writes to an event created in the same block change nothing (nobody can have seen it).

The event row is locked before its first actor or excerpt is written, as the version check of
the edit page locks it (``curation.event_hold_version``): a save checked against the version
either runs before the change, or waits for it and is refused.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.db.models import QuerySet
from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
from django.utils import timezone
from simple_history.models import HistoricalRecords

from timeline.models import Actor, ActorRole, Event, EventActor, Excerpt

REASON_LENGTH = 100  # simple-history's history_change_reason column
_STATE = "_ct_event_links"  # attribute of the connection: event id → _Pending


@dataclass
class _Pending:
    """An event's record for the current atomic block (or the event's creation in it)."""

    block: tuple[str, ...]
    marker: Any  # our on_commit callback: gone from the list if the block is rolled back
    history_id: int | None  # None: the event was created in this block, nothing to record
    reasons: list[str] = field(default_factory=list)  # the writes' own ("ingest", …)
    actors: list[str] = field(default_factory=list)
    excerpts: dict[str, int] = field(default_factory=dict)  # "+" / "−" / "~" → count

    def reason(self) -> str:
        parts = []
        if self.actors:
            parts.append("actors: " + ", ".join(self.actors))
        if self.excerpts:
            parts.append(
                "excerpts: " + ", ".join(f"{sign}{n}" for sign, n in self.excerpts.items())
            )
        text = "; ".join(parts) or "actors or excerpts changed"
        if self.reasons:
            text = f"{', '.join(self.reasons)}: {text}"
        return text if len(text) <= REASON_LENGTH else text[: REASON_LENGTH - 1] + "…"


def _connection() -> Any:
    # The thread's own connection object (``django.db.connection`` is a proxy shared by all
    # threads: state kept on it would be too).
    return transaction.get_connection()


def _state() -> dict[int, _Pending]:
    conn = _connection()
    state = getattr(conn, _STATE, None)
    if state is None:
        state = {}
        setattr(conn, _STATE, state)
    return state


def _block() -> tuple[str, ...]:
    # The savepoints we are in; ``None`` entries are atomic(savepoint=False) blocks (a
    # model's delete), which belong to the block around them.
    return tuple(sid for sid in _connection().savepoint_ids if sid is not None)


def _pending(event_id: int) -> _Pending | None:
    """The event's record of this block, if there is one and the block has not been rolled
    back (Django drops the on_commit callbacks of a rolled-back block: ours with them)."""
    conn = _connection()
    if not conn.in_atomic_block:
        return None
    state = _state()
    p = state.get(event_id)
    if p is None:
        return None
    if p.block == _block() and any(entry[1] is p.marker for entry in conn.run_on_commit):
        return p
    del state[event_id]
    return None


def _remember(event_id: int, p: _Pending) -> None:
    if not _connection().in_atomic_block:
        return  # autocommit: every write is its own transaction, and its own record
    state = _state()

    def forget() -> None:
        if state.get(event_id) is p:
            del state[event_id]

    p.block, p.marker = _block(), forget
    transaction.on_commit(forget)
    state[event_id] = p


def _created_here(event_id: int) -> bool:
    p = _pending(event_id)
    return p is not None and p.history_id is None


def _request_user() -> Any:
    request = getattr(HistoricalRecords.context, "request", None)
    user = getattr(request, "user", None)
    return user if getattr(user, "is_authenticated", False) else None


def _lock(event_id: int) -> None:
    if _connection().in_atomic_block and _pending(event_id) is None:
        list(Event.objects.select_for_update().filter(pk=event_id).values_list("pk", flat=True))


def event_link_changed(
    *, event_id: int, actor: str = "", excerpt: str = "", user: Any = None, reason: str = ""
) -> None:
    """Record on the event that one of its actors (``actor``: "+Name (Actor 1)", "−Name",
    "Name: Actor 2 → Actor 1") or excerpts (``excerpt``: "+", "−" or "~") changed: a new
    history record (a new version) naming ``user`` and saying what changed, or, if the event
    already has one from this atomic block, that record says it too. ``reason`` (the write's
    own, e.g. "ingest") begins the record's reason."""
    p = _pending(event_id)
    if p is not None:
        if p.history_id is None:
            return  # created in this block
        _describe(p, actor, excerpt, reason)
        Event.history.filter(history_id=p.history_id).update(history_change_reason=p.reason())
        return
    _lock(event_id)
    event = Event.objects.filter(pk=event_id).first()
    if event is None:
        return  # deleted meanwhile: its own history says so
    p = _Pending(block=(), marker=None, history_id=None)
    _describe(p, actor, excerpt, reason)
    # The row itself shows the change too (``updated_at``), and the history record is a copy
    # of it as it stands: a revert to that record restores the same fields.
    event.updated_at = timezone.now()
    Event.objects.filter(pk=event_id).update(updated_at=event.updated_at)
    Event.history.bulk_history_create(
        [event], update=True, default_user=user or _request_user(), default_change_reason=p.reason()
    )
    p.history_id = (
        Event.history.filter(id=event_id)
        .order_by("-history_id")
        .values_list("history_id", flat=True)
        .first()
    )
    _remember(event_id, p)


def _describe(p: _Pending, actor: str, excerpt: str, reason: str) -> None:
    if reason and reason not in p.reasons:
        p.reasons.append(reason)
    if actor:
        p.actors.append(actor)
    if excerpt:
        p.excerpts[excerpt] = p.excerpts.get(excerpt, 0) + 1


def events_links_changed(
    *, changes: Iterable[tuple[int, str, str]], user: Any = None, reason: str = ""
) -> None:
    """``event_link_changed`` for writes that send no signals (``bulk_create``): each of
    ``changes`` is (event id, actor, excerpt) as there."""
    for event_id, actor, excerpt in changes:
        event_link_changed(
            event_id=event_id, actor=actor, excerpt=excerpt, user=user, reason=reason
        )


def event_created(event_id: int) -> None:
    """The event was created in the current atomic block: writes of its actors and excerpts
    in the same block need no record of their own."""
    if _pending(event_id) is None:
        _remember(event_id, _Pending(block=(), marker=None, history_id=None))


# --- the signals: every save and delete through the ORM --------------------------------------


def _role(value: str) -> str:
    return str(dict(ActorRole.choices).get(value, value))


def _actor_name(actor_id: int) -> str:
    return Actor.objects.filter(pk=actor_id).values_list("name", flat=True).first() or (
        f"actor #{actor_id}"
    )


def _by_event_deletion(origin: Any) -> bool:
    """Whether a delete is the cascade of deleting the event itself (nothing to record)."""
    return isinstance(origin, Event) or (isinstance(origin, QuerySet) and origin.model is Event)


def _who(instance: Any) -> tuple[Any, str]:
    return getattr(instance, "_history_user", None), getattr(instance, "_change_reason", "") or ""


def _before_save(sender: Any, instance: Any, raw: bool = False, **kwargs: Any) -> None:
    if raw:
        return  # loaddata: the fixture's rows as they are
    before = None
    if instance.pk is not None:
        before = sender.objects.filter(pk=instance.pk).values().first()
    instance._ct_before = before
    for event_id in {instance.event_id, (before or {}).get("event_id")} - {None}:
        _lock(event_id)


def _after_save(sender: Any, instance: Any, created: bool, raw: bool = False, **kw: Any) -> None:
    if raw:
        return
    before = getattr(instance, "_ct_before", None)
    if before is None and _created_here(instance.event_id):
        return
    user, reason = _who(instance)
    if before is not None and before["event_id"] != instance.event_id:
        # Moved to another event: gone from one, added to the other.
        _removed(sender, before, user=user, reason=reason)
        before = None
    if sender is EventActor:
        name = _actor_name(instance.actor_id)
        if before is None:
            change = f"+{name} ({_role(instance.role)})"
        elif before["actor_id"] != instance.actor_id:
            change = f"−{_actor_name(before['actor_id'])}, +{name} ({_role(instance.role)})"
        elif before["role"] != instance.role:
            change = f"{name}: {_role(before['role'])} → {_role(instance.role)}"
        else:
            return  # saved without a change
        event_link_changed(event_id=instance.event_id, actor=change, user=user, reason=reason)
    else:
        if before is not None and all(
            before[k] == getattr(instance, k) for k in ("article_id", "start", "end", "quote")
        ):
            return
        event_link_changed(
            event_id=instance.event_id,
            excerpt="+" if before is None else "~",
            user=user,
            reason=reason,
        )


def _removed(sender: Any, row: dict[str, Any], *, user: Any, reason: str) -> None:
    if sender is EventActor:
        event_link_changed(
            event_id=row["event_id"],
            actor=f"−{_actor_name(row['actor_id'])}",
            user=user,
            reason=reason,
        )
    else:
        event_link_changed(event_id=row["event_id"], excerpt="−", user=user, reason=reason)


def _before_delete(sender: Any, instance: Any, origin: Any = None, **kwargs: Any) -> None:
    if not _by_event_deletion(origin):
        _lock(instance.event_id)


def _after_delete(sender: Any, instance: Any, origin: Any = None, **kwargs: Any) -> None:
    if _by_event_deletion(origin):
        return
    user, reason = _who(instance)
    if sender is EventActor:
        row = {"event_id": instance.event_id, "actor_id": instance.actor_id}
    else:
        row = {"event_id": instance.event_id}
    _removed(sender, row, user=user, reason=reason)


def _event_saved(sender: Any, instance: Event, created: bool, **kwargs: Any) -> None:
    if created:
        event_created(instance.pk)


def connect() -> None:
    """Called once, from ``TimelineConfig.ready``."""
    for model in (EventActor, Excerpt):
        pre_save.connect(_before_save, sender=model, dispatch_uid=f"ct_links_pre_save_{model}")
        post_save.connect(_after_save, sender=model, dispatch_uid=f"ct_links_post_save_{model}")
        pre_delete.connect(_before_delete, sender=model, dispatch_uid=f"ct_links_pre_del_{model}")
        post_delete.connect(_after_delete, sender=model, dispatch_uid=f"ct_links_post_del_{model}")
    post_save.connect(_event_saved, sender=Event, dispatch_uid="ct_links_event_created")
