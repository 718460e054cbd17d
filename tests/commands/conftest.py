"""Fixtures for the command tests: paths to the seed files and small row builders."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.factories import excerpt, sha
from timeline.models import Article, Event, EventStatus, Place

REPO = Path(__file__).resolve().parents[2]
SEED_DIR = REPO / "fixtures" / "articles"


def undated_article(folder: Path) -> Path:
    """A one-article file that states no publication date, dated only by "on Tuesday"."""
    f = folder / "undated.txt"
    f.write_text(
        "Militia attack on Baiji\n\nIslamic State fighters attacked Baiji on Tuesday, "
        "killing 12 Iraqi soldiers.\n",
        encoding="utf-8",
    )
    return f


@pytest.fixture
def seed_files() -> list[Path]:
    return sorted(SEED_DIR.glob("*.txt"))


def make_article(body: str, *, title: str = "A", published: date | None = None) -> Article:
    return Article.objects.create(
        title=title,
        body=body,
        published=published,
        published_basis="stated" if published else "unknown",
        content_hash=sha(body),
    )


def make_place(name: str, aliases: list[str] | None = None) -> Place:
    return Place.objects.create(name=name, slug=name.lower(), aliases=aliases or [])


def make_event(
    *,
    article: Article,
    quote: str,
    start: date | None,
    end: date | None = None,
    precision: str = "day",
    place: Place | None = None,
    event_type: str = "battles",
    status: str = EventStatus.VERIFIED,
) -> Event:
    event = Event.objects.create(
        headline=quote[:50],
        date_start=start,
        date_end=end or start,
        date_precision=precision if start else "unknown",
        place=place,
        event_type=event_type,
        status=status,
    )
    excerpt(event, article, quote)
    return event


@pytest.fixture
def pipeline():
    """The real extraction pipeline (skips, saying why, until it exists)."""
    return pytest.importorskip(
        "timeline.extraction.pipeline", reason="timeline.extraction.pipeline not built yet"
    )


@pytest.fixture
def run_command():
    """Run a command, returning (exit code, stdout, stderr) as a shell user would see them."""
    from io import StringIO

    from django.core.management import call_command
    from django.core.management.base import CommandError

    def run(*args: str) -> tuple[int, str, str]:
        out, err = StringIO(), StringIO()
        try:
            call_command(*args, stdout=out, stderr=err)
        except CommandError as exc:
            # What run_from_argv would print: one "CommandError: …" message, no traceback.
            err.write(f"CommandError: {exc}\n")
            return exc.returncode, out.getvalue(), err.getvalue()
        return 0, out.getvalue(), err.getvalue()

    return run
