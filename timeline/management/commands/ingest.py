"""``manage.py ingest FILE…``: store articles and their candidate events, idempotently."""

from __future__ import annotations

import itertools
import os
import shutil
import sys
import time
from datetime import date

from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from timeline.selectors_curation import count_with_duplicates
from timeline.services.ingest import (
    MODEL_KEYS,
    OUTCOMES,
    IngestReport,
    Source,
    database_ready,
    max_article_bytes,
    published_parse,
    sources_ingest,
    sources_read,
)


def stdout_closed() -> None:
    """The reader of stdout went away (``… | head``): stop quietly, as Unix tools do.

    Further writes, including the interpreter's final flush, go to /dev/null instead of
    raising BrokenPipeError again.
    """
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def add_source_arguments(parser: CommandParser) -> None:
    """The arguments ``ingest`` and ``extract`` share: the files, and ``--published``."""
    parser.add_argument("files", nargs="+", metavar="FILE", help="Article text files.")
    parser.add_argument(
        "--published",
        metavar="YYYY-MM-DD",
        help="Publication date for articles whose file states none.",
    )


def database_required() -> None:
    """One line instead of a traceback per query when ``migrate`` has not been run."""
    if not database_ready():
        raise CommandError(
            "the database has no timeline tables yet; run `python manage.py bootstrap` "
            "(or `migrate`) first",
            returncode=1,
        )


def published_option(value: str | None) -> date | None:
    """The date given with ``--published`` (None if not given); a bad one is a usage error."""
    if not value:
        return None
    try:
        return published_parse(value)
    except ValueError as exc:
        raise CommandError(f"--published: {exc}", returncode=2) from None


def report_table(report: IngestReport) -> str:
    """The inserted / updated / unchanged counts as an aligned plain-text table."""
    lines = [f"{'':<12}" + "".join(f"{o:>11}" for o in OUTCOMES)]
    for model in MODEL_KEYS:
        row = report.counts[model]
        lines.append(f"{model:<12}" + "".join(f"{row[o]:>11}" for o in OUTCOMES))
    return "\n".join(lines)


class Command(BaseCommand):
    help = (
        "Store the articles of the given files and the candidate events extracted from them. "
        "A directory stands for the *.txt files in it. Running it again on the same files "
        "changes nothing; events a curator verified or rejected are never touched."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        add_source_arguments(parser)
        parser.add_argument(
            "--no-progress", action="store_true", help="Do not show the progress bar."
        )

    def handle(self, *args, **options) -> None:
        try:
            self._handle(**options)
        except BrokenPipeError:
            stdout_closed()

    def _handle(self, **options) -> None:
        published = published_option(options["published"])
        database_required()
        limit = max_article_bytes()
        # Read path by path, remembering the order, so error lines follow the arguments.
        sources: list[Source] = []
        position = itertools.count()
        order: dict[str, int] = {}  # file name -> its place among the arguments
        ranked: list[tuple[int, str]] = []  # (place, error line)
        for path in options["files"]:
            read, read_errors = sources_read(paths=[path], max_bytes=limit)
            for source in read:
                order.setdefault(source.name, next(position))
            sources.extend(read)
            ranked.extend((next(position), e) for e in read_errors)

        # The bar goes to stderr so stdout stays the report; only on a terminal.
        show = not options["no_progress"] and self.stderr.isatty()
        bar = tqdm(
            total=2 * len(sources),
            file=self.stderr._out,
            disable=not show,
            desc="ingest",
            unit="step",
            leave=False,
            # A terminal that reports no width (some ptys) would get an empty bar.
            ncols=min(shutil.get_terminal_size().columns, 100),
        )

        def progress(done: int, total: int) -> None:
            bar.update(done - bar.n)

        started = time.perf_counter()
        report = sources_ingest(sources=sources, published=published, progress=progress)
        bar.close()
        elapsed = time.perf_counter() - started
        for line in report.errors:
            name = next((n for n in order if line.startswith(f"{n}: ")), "")
            ranked.append((order[name] if name else next(position), line))
        errors = [line for _rank, line in sorted(ranked, key=lambda r: r[0])]

        n_files = len(report.files_ok)
        n_tried = n_files + len(errors)
        self.stdout.write(
            f"Ingested {n_files} of {n_tried} file{'s' if n_tried != 1 else ''}: "
            f"{report.article_count} article{'s' if report.article_count != 1 else ''}, "
            f"{report.candidate_count} candidate event"
            f"{'s' if report.candidate_count != 1 else ''} extracted ({elapsed:.1f} s)"
        )
        self.stdout.write(report_table(report))
        if not report.changed and n_files:
            self.stdout.write("Nothing changed.")
        # Ingest merges one happening's candidates within a run only: say how many of the new
        # ones look like events already stored (the review queue names them).
        alike = count_with_duplicates(report.new_event_ids)
        if alike:
            self.stdout.write(
                f"{alike} new candidate{'s' if alike != 1 else ''} look"
                f"{'' if alike != 1 else 's'} like existing events: see the review queue."
            )
        if errors:
            # One line per file that was not ingested; nothing of it was written.
            raise CommandError("\n".join(errors), returncode=1)
