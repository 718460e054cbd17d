"""``manage.py bootstrap``: migrate, then load the curated dataset into an empty database."""

from __future__ import annotations

import re
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.core.serializers.base import DeserializationError
from django.db import DatabaseError

from timeline.management.commands.ingest import report_table
from timeline.models import Actor, Article, Event, EventStatus, Excerpt, Place
from timeline.services.ingest import max_article_bytes, sources_ingest, sources_read


def _default_fixture() -> Path:
    return Path(
        getattr(settings, "TIMELINE_SEED_FIXTURE", settings.BASE_DIR / "fixtures" / "seed.json")
    )


def _default_articles() -> Path:
    return Path(
        getattr(settings, "TIMELINE_SEED_ARTICLES", settings.BASE_DIR / "fixtures" / "articles")
    )


def _load_problem(exc: Exception) -> str:
    """loaddata's error as one line, without its "Problem installing fixture …:" preamble
    (the file is named already); a bare wrapper gives way to the error it wraps."""
    text = re.sub(r"^Problem installing fixtures?(?: '[^']*')?:\s*", "", str(exc).strip())
    if not text and exc.__cause__ is not None:
        text = str(exc.__cause__)
    return " ".join(text.split()) or type(exc).__name__


class Command(BaseCommand):
    help = (
        "Migrate the database; when it holds no articles, load the curated dataset "
        "(fixtures/seed.json), or, if that file is absent, ingest fixtures/articles/*.txt as "
        "candidate events. Safe to run again: a database with articles is left as it is."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--fixture",
            type=Path,
            default=None,
            help="Dataset to load (default: fixtures/seed.json).",
        )
        parser.add_argument(
            "--articles",
            type=Path,
            default=None,
            help="Article files to ingest when the dataset is absent (default: fixtures/articles).",
        )

    def handle(self, *args, **options) -> None:
        verbosity = options["verbosity"]
        fixture: Path = options["fixture"] or _default_fixture()
        articles_dir: Path = options["articles"] or _default_articles()

        call_command("migrate", interactive=False, verbosity=max(0, verbosity - 1))
        self.stdout.write("Database migrated.")

        existing = Article.objects.count()
        if existing:
            self.stdout.write(
                f"Database already has {existing} article{'s' if existing != 1 else ''}; "
                "nothing loaded."
            )
            return

        if fixture.is_file():
            try:
                # loaddata runs in one transaction: a broken file loads nothing.
                call_command("loaddata", str(fixture), verbosity=0)
            except (DeserializationError, DatabaseError) as exc:
                raise CommandError(
                    f"{fixture}: dataset not loaded, nothing changed: {_load_problem(exc)}",
                    returncode=1,
                ) from None
            self.stdout.write(
                f"Loaded {fixture.name}: {Article.objects.count()} articles, "
                f"{Event.objects.filter(status=EventStatus.VERIFIED).count()} verified events "
                f"({Event.objects.count()} in all), {Excerpt.objects.count()} excerpts, "
                f"{Actor.objects.count()} actors, {Place.objects.count()} places."
            )
            return

        self.stdout.write(
            f"{fixture} not found: ingesting {articles_dir}/*.txt as candidate events instead "
            "(nothing is verified until a curator reviews them)."
        )
        sources, errors = sources_read(paths=[str(articles_dir)], max_bytes=max_article_bytes())
        report = sources_ingest(sources=sources)
        errors.extend(report.errors)
        self.stdout.write(
            f"Ingested {len(report.files_ok)} files: {report.article_count} articles, "
            f"{report.candidate_count} candidate events extracted."
        )
        self.stdout.write(report_table(report))
        if errors:
            raise CommandError("\n".join(errors), returncode=1)
