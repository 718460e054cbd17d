"""Rebuild the curated seed dataset (``fixtures/seed.json``) from the seed articles.

What it does, on a throwaway database:

1. ingests ``fixtures/articles/*.txt`` with the ingest service (articles + candidate events);
2. applies the curator's review (``fixtures/curation/seed_review.json``): sets each article's
   curated metadata, matches every curated event to the raw candidates whose excerpt overlaps
   one of its excerpts in the same article, and classifies:

   - **kept**: matched, and the extractor's date range, place and type already agreed;
   - **fixed**: matched, but something of those had to change;
   - **rejected**: a candidate that matches no curated event (status ``rejected``);
   - **added**: a curated event for which no candidate was found;
   - **merged** (reported beside the four): further candidates of an already matched event,
     rejected with the note "Merged into event #N" as the curation service's merge does, so
     a re-ingest of the seeds recognises them by fingerprint instead of proposing them again.

   Curated values are written, status ``verified``; excerpts are the review's quotes located in
   the article body (a quote that is not an exact substring stops the build);
3. dumps publishers, articles, actors, places, events (verified and rejected), event actors and
   excerpts to ``fixtures/seed.json`` (no history tables, nothing from auth);
4. prints the kept / fixed / rejected / added counts and writes them, with the per-event detail,
   to ``fixtures/curation/seed_report.json``.

The user's database is never touched: by default the work runs in a child process against a
fresh SQLite file in a temporary directory. ``--here`` runs in the configured database instead,
but only when it holds no timeline data, and rolls everything back at the end.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core import serializers
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from timeline.models import (
    Actor,
    ActorKind,
    Article,
    Event,
    EventActor,
    EventStatus,
    Excerpt,
    Place,
    PlaceKind,
    Publisher,
)
from timeline.services.ingest import Source, gazetteer_entry, sources_ingest, unique_slug

BASE = Path(settings.BASE_DIR)
DEFAULT_REVIEW = BASE / "fixtures" / "curation" / "seed_review.json"
DEFAULT_ARTICLES = BASE / "fixtures" / "articles"
DEFAULT_OUTPUT = BASE / "fixtures" / "seed.json"
DEFAULT_REPORT = BASE / "fixtures" / "curation" / "seed_report.json"

# Dumped in this order (dependencies first); history tables and auth are left out on purpose.
DUMP_MODELS = (Publisher, Article, Actor, Place, Event, EventActor, Excerpt)
REJECT_NOTE = "Rejected in the seed review: not an event of the curated set."


class _Rollback(Exception):
    """Raised to roll back the work done in ``--here`` mode once the results are in hand."""


# --- review file ------------------------------------------------------------------------------


def review_load(path: Path) -> dict[str, Any]:
    """The review file, checked for the keys the build relies on (``CommandError`` if not)."""
    try:
        review = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise CommandError(f"{path}: no such file") from None
    except json.JSONDecodeError as exc:
        raise CommandError(f"{path}: not valid JSON ({exc})") from None
    for key in ("articles", "events"):
        if not isinstance(review.get(key), list):
            raise CommandError(f"{path}: missing list {key!r}")
    ids = Counter(e.get("id") for e in review["events"])
    dupes = sorted(str(i) for i, n in ids.items() if n > 1)
    if dupes:
        raise CommandError(f"{path}: duplicate event ids: {', '.join(dupes)}")
    return review


# --- locating the review in the database ------------------------------------------------------


def article_for(*, origin_file: str, index: int) -> Article:
    """The ingested article at ``index`` of ``origin_file`` (``CommandError`` if absent)."""
    row = Article.objects.filter(origin_file=origin_file, origin_index=index).first()
    if row is None:
        found = sorted(
            Article.objects.filter(origin_file=origin_file).values_list("origin_index", flat=True)
        )
        raise CommandError(
            f"{origin_file}: no article at index {index} after ingest "
            f"(the splitter produced indexes {found})"
        )
    return row


def quote_locate(*, article: Article, quote: str, where: str) -> tuple[int, int]:
    """Start and end of ``quote`` in the article body; the first occurrence if it repeats."""
    if not quote:
        raise CommandError(f"{where}: empty quote")
    start = article.body.find(quote)
    if start == -1:
        raise CommandError(
            f"{where}: quote is not an exact substring of the body of "
            f"{article.origin_file} article {article.origin_index}: {quote[:90]!r}"
        )
    return start, start + len(quote)


@dataclass
class Span:
    """A curated excerpt in the database: where it is written, and everywhere its words occur.

    A page may repeat a paragraph (004's first two articles do): the excerpt cites the first
    occurrence, but a candidate citing a later copy of the same words reports the same thing.
    """

    article_id: int
    start: int
    end: int
    quote: str
    occurrences: tuple[int, ...] = ()

    def overlap(self, article_id: int, start: int, end: int) -> int:
        """How many characters of [start, end) the quote covers, at its best occurrence."""
        if article_id != self.article_id:
            return 0
        n = len(self.quote)
        return max(
            (max(0, min(o + n, end) - max(o, start)) for o in self.occurrences or (self.start,)),
            default=0,
        )


def _occurrences(body: str, quote: str) -> tuple[int, ...]:
    found, i = [], body.find(quote)
    while i != -1:
        found.append(i)
        i = body.find(quote, i + 1)
    return tuple(found)


@dataclass
class Outcome:
    """What the review did to the raw extractor output; the figures the README quotes."""

    kept: list[dict[str, Any]] = field(default_factory=list)
    fixed: list[dict[str, Any]] = field(default_factory=list)
    rejected: list[dict[str, Any]] = field(default_factory=list)
    added: list[dict[str, Any]] = field(default_factory=list)
    merged: list[dict[str, Any]] = field(default_factory=list)
    candidates: int = 0

    def counts(self) -> dict[str, int]:
        return {
            "candidates": self.candidates,
            "kept": len(self.kept),
            "fixed": len(self.fixed),
            "rejected": len(self.rejected),
            "added": len(self.added),
            "merged": len(self.merged),
        }


# --- applying the review ----------------------------------------------------------------------


class ReviewApplier:
    """Turns the ingested candidates into the curated dataset described by the review."""

    def __init__(self, review: dict[str, Any]) -> None:
        self.review = review
        self.reliability = {
            p["name"]: p.get("reliability", "") for p in review.get("publishers", [])
        }
        self.outcome = Outcome()

    # rows for names ------------------------------------------------------------------------

    def publisher(self, name: str) -> Publisher | None:
        if not name:
            return None
        row, _ = Publisher.objects.get_or_create(name=name)
        grade = self.reliability.get(name)
        if grade and row.reliability != grade:
            row.reliability = grade
            row.save()
        return row

    def actor(self, name: str, _chain: tuple[str, ...] = ()) -> Actor:
        row = Actor.objects.filter(name=name).first()
        if row is not None:
            return row
        info = gazetteer_entry("actor", name)
        parent_name = info.get("parent") or ""
        parent = None
        if parent_name and parent_name != name and parent_name not in _chain:
            parent = self.actor(parent_name, (*_chain, name))
        kind = info.get("kind") if info.get("kind") in ActorKind.values else ActorKind.OTHER
        return Actor.objects.create(
            name=name,
            slug=unique_slug(Actor, name),
            aliases=[a for a in info.get("aliases", []) if a != name],
            kind=kind,
            country=info.get("country") or "",
            parent=parent,
        )

    def place(self, name: str) -> Place:
        row = Place.objects.filter(name=name).order_by("pk").first()
        if row is not None:
            return row
        info = gazetteer_entry("place", name)
        if not info:
            raise CommandError(
                f"place {name!r} is neither in the database nor in timeline/data/places.json"
            )
        return Place.objects.create(
            name=name,
            slug=unique_slug(Place, name),
            aliases=[a for a in info.get("aliases", []) if a != name],
            country=info.get("country") or "",
            admin1=info.get("admin1") or "",
            kind=info.get("kind") if info.get("kind") in PlaceKind.values else PlaceKind.OTHER,
            latitude=info.get("latitude"),
            longitude=info.get("longitude"),
            geonames_id=info.get("geonames_id") or None,
        )

    # steps --------------------------------------------------------------------------------------

    def articles_apply(self) -> dict[tuple[str, int], Article]:
        """Set every article's curated metadata; returns them by (origin file, index)."""
        rows: dict[tuple[str, int], Article] = {}
        for meta in self.review["articles"]:
            key = (meta["file"], int(meta["article_index"]))
            row = article_for(origin_file=key[0], index=key[1])
            row.title = meta["title"]
            row.publisher = self.publisher(meta.get("publisher", ""))
            row.author = meta.get("author", "")
            row.url = meta.get("url", "")
            row.republished_from = meta.get("republished_from", "")
            row.published = date.fromisoformat(meta["published"]) if meta.get("published") else None
            row.published_basis = meta.get("published_basis") or "unknown"
            row.published_reason = meta.get("published_reason", "")
            row.save()
            rows[key] = row
        return rows

    def spans_of(self, event: dict[str, Any], articles: dict[tuple[str, int], Article]) -> list:
        spans: list[Span] = []
        for i, ex in enumerate(event["excerpts"]):
            key = (ex["file"], int(ex["article_index"]))
            where = f"event {event['id']!r} excerpt {i + 1}"
            article = articles.get(key) or article_for(origin_file=key[0], index=key[1])
            start, end = quote_locate(article=article, quote=ex["quote"], where=where)
            occurrences = _occurrences(article.body, ex["quote"])
            spans.append(Span(article.pk, start, end, ex["quote"], occurrences))
        return spans

    @staticmethod
    def agreement(candidate: Event, event: dict[str, Any]) -> dict[str, bool]:
        """Which of date range, place and type the candidate already had right."""
        return {
            "date": (
                candidate.date_start is not None
                and candidate.date_start.isoformat() == event["date_start"]
                and candidate.date_end.isoformat() == event["date_end"]
            ),
            "place": candidate.place is not None and candidate.place.name == event["place"],
            "type": candidate.event_type == event["event_type"],
        }

    def apply(self) -> Outcome:
        articles = self.articles_apply()
        candidates = list(
            Event.objects.filter(status=EventStatus.CANDIDATE)
            .select_related("place")
            .prefetch_related("excerpts")
            .order_by("pk")
        )
        self.outcome.candidates = len(candidates)
        curated = self.review["events"]
        spans = {e["id"]: self.spans_of(e, articles) for e in curated}

        # Each candidate goes to the curated event it overlaps that it agrees with most
        # (then the larger overlap, then review order): one sentence may report two events.
        assigned: dict[str, list[Event]] = {e["id"]: [] for e in curated}
        unmatched: list[Event] = []
        for cand in candidates:
            best: tuple | None = None
            for order, event in enumerate(curated):
                overlap = 0
                for ex in cand.excerpts.all():
                    for sp in spans[event["id"]]:
                        overlap += sp.overlap(ex.article_id, ex.start, ex.end)
                if overlap == 0:
                    continue
                score = (sum(self.agreement(cand, event).values()), overlap, -order)
                if best is None or score > best[0]:
                    best = (score, event["id"])
            if best is None:
                unmatched.append(cand)
            else:
                assigned[best[1]].append(cand)

        for event in curated:
            matched = assigned[event["id"]]
            if matched:
                # The candidate that got most right carries the event; ties go to the first.
                primary = max(
                    matched, key=lambda c: (sum(self.agreement(c, event).values()), -c.pk)
                )
                agree = self.agreement(primary, event)
                before = _event_summary(primary)
                self.event_write(primary, event, spans[event["id"]])
                entry = {"id": event["id"], "event_pk": primary.pk, "extracted": before}
                if all(agree.values()):
                    self.outcome.kept.append(entry)
                else:
                    entry["changed"] = sorted(k for k, ok in agree.items() if not ok)
                    self.outcome.fixed.append(entry)
                for other in matched:
                    if other.pk == primary.pk:
                        continue
                    other.status = EventStatus.REJECTED
                    other.notes = _append(other.notes, f"Merged into event #{primary.pk}.")
                    other.save()
                    self.outcome.merged.append(
                        {"event_pk": other.pk, "into": event["id"], **_event_summary(other)}
                    )
            else:
                row = Event(fingerprint=None)
                self.event_write(row, event, spans[event["id"]])
                self.outcome.added.append({"id": event["id"], "event_pk": row.pk})

        excluded = self.excluded_spans(articles)
        for cand in unmatched:
            reason = next(
                (
                    why
                    for sp, why in excluded
                    for ex in cand.excerpts.all()
                    if sp.overlap(ex.article_id, ex.start, ex.end)
                ),
                "",
            )
            cand.status = EventStatus.REJECTED
            cand.notes = _append(cand.notes, REJECT_NOTE + (f" {reason}" if reason else ""))
            cand.save()
            self.outcome.rejected.append(
                {"event_pk": cand.pk, **_event_summary(cand), "reason": reason}
            )

        # Rows only the raw candidates needed: publishers the extractor named differently
        # (e.g. "DebkaFile"), actors and places that no event cites any more.
        Publisher.objects.filter(articles__isnull=True).delete()
        Place.objects.filter(events__isnull=True).delete()
        while True:  # leaves first: a parent stays while a kept actor points at it
            orphans = Actor.objects.filter(event_roles__isnull=True, children__isnull=True)
            if not orphans.exists():
                break
            orphans.delete()
        return self.outcome

    def excluded_spans(self, articles: dict[tuple[str, int], Article]) -> list[tuple[Span, str]]:
        out = []
        for ex in self.review.get("excluded", []):
            key = (ex["file"], int(ex["article_index"]))
            article = articles.get(key) or article_for(origin_file=key[0], index=key[1])
            found = _occurrences(article.body, ex["quote"])
            if found:  # a boilerplate line the splitter dropped cannot be cited anyway
                span = Span(article.pk, found[0], found[0] + len(ex["quote"]), ex["quote"], found)
                out.append((span, ex["reason"]))
        return out

    def event_write(self, row: Event, event: dict[str, Any], spans: list[Span]) -> None:
        """Give ``row`` exactly the curated values, excerpts and actors of ``event``."""
        row.headline = event["headline"]
        row.summary = event.get("summary", "")
        row.date_start = date.fromisoformat(event["date_start"])
        row.date_end = date.fromisoformat(event["date_end"])
        row.date_precision = event["date_precision"]
        row.date_text = event.get("date_text", "")
        row.event_type = event["event_type"]
        row.place = self.place(event["place"])
        row.place_precision = event["place_precision"]
        row.fatalities = event.get("fatalities")
        row.credibility = int(event.get("credibility", 6))
        row.status = EventStatus.VERIFIED
        row.notes = event.get("notes", "")
        row.save()
        row.excerpts.all().delete()
        seen: set[tuple[int, int, int]] = set()
        for sp in spans:
            key = (sp.article_id, sp.start, sp.end)
            if key in seen:
                continue
            seen.add(key)
            # Excerpt.save checks quote == body[start:end] once more.
            Excerpt(
                event=row, article_id=sp.article_id, start=sp.start, end=sp.end, quote=sp.quote
            ).save()
        row.event_actors.all().delete()
        for a in event.get("actors", []):
            EventActor.objects.create(event=row, actor=self.actor(a["name"]), role=a["role"])


def _append(notes: str, line: str) -> str:
    return f"{notes}\n{line}" if notes else line


def _event_summary(ev: Event) -> dict[str, Any]:
    first = ev.excerpts.order_by("article_id", "start").first()
    return {
        "date_start": ev.date_start.isoformat() if ev.date_start else None,
        "date_end": ev.date_end.isoformat() if ev.date_end else None,
        "date_precision": ev.date_precision,
        "place": ev.place.name if ev.place_id else None,
        "event_type": ev.event_type,
        "quote": first.quote[:160] if first else "",
    }


# --- dumping ----------------------------------------------------------------------------------


def fixture_dump(*, stamp: datetime) -> str:
    """The dataset as a Django JSON fixture, deterministic for a given database state.

    Rows are in primary-key order, models in dependency order. Creation and update times are
    set to ``stamp`` (the review's date) so that a rebuild with unchanged inputs gives the same
    bytes: they would otherwise record only when the build happened to run.
    """
    objects = []
    for model in DUMP_MODELS:
        objects.extend(model.objects.order_by("pk"))
    data = json.loads(serializers.serialize("json", objects))
    iso = stamp.isoformat().replace("+00:00", "Z")
    for obj in data:
        for f in ("created_at", "updated_at"):
            if f in obj["fields"]:
                obj["fields"][f] = iso
    return json.dumps(data, indent=1, ensure_ascii=False) + "\n"


# --- the command ------------------------------------------------------------------------------


class Command(BaseCommand):
    help = (
        "Rebuild fixtures/seed.json: ingest the seed articles on a throwaway database, apply "
        "the curated review, dump the result, and report kept/fixed/rejected/added."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--review", default=str(DEFAULT_REVIEW))
        parser.add_argument("--articles", default=str(DEFAULT_ARTICLES))
        parser.add_argument("--output", default=str(DEFAULT_OUTPUT))
        parser.add_argument("--report", default=str(DEFAULT_REPORT))
        parser.add_argument(
            "--here",
            action="store_true",
            help="Work in the configured database instead of a temporary SQLite file. It must "
            "hold no articles, events, actors, places or publishers; all is rolled back.",
        )

    def handle(self, *args: Any, **opts: Any) -> None:
        if opts["here"]:
            self.build_here(opts)
        else:
            self.build_in_temporary_database(opts)

    def build_in_temporary_database(self, opts: dict[str, Any]) -> None:
        manage = BASE / "manage.py"
        # The child runs in BASE: paths given relative to where the user stands must not move.
        opts = {k: str(Path(opts[k]).resolve()) for k in ("review", "articles", "output", "report")}
        review_load(Path(opts["review"]))  # a bad review file fails here, before any work
        with tempfile.TemporaryDirectory(prefix="seedbuild-") as tmp:
            env = {**os.environ, "DATABASE_URL": f"sqlite:///{Path(tmp) / 'seed.sqlite3'}"}
            steps = [
                [sys.executable, str(manage), "migrate", "--noinput", "-v", "0"],
                [
                    sys.executable,
                    str(manage),
                    "build_seed_fixture",
                    "--here",
                    "--review",
                    opts["review"],
                    "--articles",
                    opts["articles"],
                    "--output",
                    opts["output"],
                    "--report",
                    opts["report"],
                ],
            ]
            for cmd in steps:
                done = subprocess.run(cmd, env=env, cwd=BASE, capture_output=True, text=True)
                self.stdout.write(done.stdout, ending="")
                if done.returncode != 0:
                    last = done.stderr.strip().splitlines()[-1:] or [""]
                    if last[0].startswith("CommandError: "):
                        # The child already said what is wrong, in one line: pass it on.
                        raise CommandError(last[0].removeprefix("CommandError: "))
                    self.stderr.write(done.stderr, ending="")
                    raise CommandError(f"{cmd[2]} failed in the temporary database")

    def build_here(self, opts: dict[str, Any]) -> None:
        busy = {m.__name__: m.objects.count() for m in (Article, Event, Actor, Place, Publisher)}
        if any(busy.values()):
            held = ", ".join(f"{n} {name.lower()}s" for name, n in busy.items() if n)
            raise CommandError(
                f"the database already holds timeline data ({held}); build_seed_fixture --here "
                "needs an empty migrated database (run it without --here to use a temporary one)"
            )
        review = review_load(Path(opts["review"]))
        files = sorted(Path(opts["articles"]).glob("*.txt"))
        if not files:
            raise CommandError(f"{opts['articles']}: no .txt files")
        stamp = datetime.fromisoformat(review.get("curated_at", "2026-01-01")).replace(tzinfo=UTC)

        result: dict[str, Any] = {}
        try:
            with transaction.atomic():
                report = sources_ingest(
                    sources=[Source(name=str(f), data=f.read_bytes()) for f in files]
                )
                if report.errors:
                    raise CommandError("ingest failed: " + "; ".join(report.errors))
                outcome = ReviewApplier(review).apply()
                result["fixture"] = fixture_dump(stamp=stamp)
                result["outcome"] = outcome
                result["totals"] = _totals()
                raise _Rollback
        except _Rollback:
            pass

        outcome = result["outcome"]
        counts = outcome.counts()
        Path(opts["output"]).write_text(result["fixture"], encoding="utf-8")
        summary = {
            "counts": counts,
            "dataset": result["totals"],
            "kept": outcome.kept,
            "fixed": outcome.fixed,
            "added": outcome.added,
            "rejected": outcome.rejected,
            "merged": outcome.merged,
        }
        Path(opts["report"]).write_text(
            json.dumps(summary, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
        )
        self.stdout.write(
            f"candidates {counts['candidates']}: kept {counts['kept']}, fixed {counts['fixed']}, "
            f"rejected {counts['rejected']}, added {counts['added']} "
            f"(and {counts['merged']} duplicate candidates merged)"
        )
        t = result["totals"]
        self.stdout.write(
            f"wrote {opts['output']}: {t['articles']} articles, {t['verified_events']} verified "
            f"and {t['rejected_events']} rejected events, {t['excerpts']} excerpts, "
            f"{t['actors']} actors, {t['places']} places, {t['publishers']} publishers"
        )
        self.stdout.write(f"wrote {opts['report']}")


def _totals() -> dict[str, int]:
    return {
        "articles": Article.objects.count(),
        "verified_events": Event.objects.filter(status=EventStatus.VERIFIED).count(),
        "rejected_events": Event.objects.filter(status=EventStatus.REJECTED).count(),
        "excerpts": Excerpt.objects.count(),
        "actors": Actor.objects.count(),
        "places": Place.objects.count(),
        "publishers": Publisher.objects.count(),
    }
