"""``manage.py extract FILE…``: candidate events as JSON lines, or with ``--passed-over`` the
sentences no candidate quotes that are dated and name a known actor or place; touches no
database."""

from __future__ import annotations

import json

from django.core.management.base import BaseCommand, CommandError, CommandParser

from timeline.management.commands.ingest import (
    add_source_arguments,
    published_option,
    stdout_closed,
)
from timeline.services.ingest import (
    SourceError,
    max_article_bytes,
    source_extract,
    sources_read,
)


class Command(BaseCommand):
    help = (
        "Extract candidate events from article files and print them as JSON lines (one "
        "event per line). Reads no database and writes none. A directory stands for the "
        "*.txt files in it."
    )
    # Extraction is pure: no system checks that might open a database connection.
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        add_source_arguments(parser)
        parser.add_argument(
            "--passed-over",
            action="store_true",
            help="Print instead the sentences no candidate quotes that have a date of their "
            "own and name a known actor or place (one per line, with their offsets in the "
            "article): where the events the extractor missed usually are.",
        )

    def handle(self, *args, **options) -> None:
        try:
            self._handle(**options)
        except BrokenPipeError:  # `extract … | head`: the reader has all it wanted
            stdout_closed()

    def _handle(self, **options) -> None:
        from timeline.extraction.pipeline import (
            candidate_to_dict,
            passed_over_sentences,
            passed_over_to_dict,
        )

        published = published_option(options["published"])
        limit = max_article_bytes()
        errors: list[str] = []
        # Path by path, so output and error lines come in the order the files were given.
        for path in options["files"]:
            sources, read_errors = sources_read(paths=[path], max_bytes=limit)
            errors.extend(read_errors)
            for source in sources:
                try:
                    articles, candidates = source_extract(
                        source=source, max_bytes=limit, published=published
                    )
                except SourceError as exc:
                    errors.append(str(exc))
                    continue
                if not options["passed_over"]:
                    for candidate in candidates:
                        line = candidate_to_dict(candidate)
                        self.stdout.write(json.dumps(line, ensure_ascii=False))
                    continue
                for article in articles:
                    covered = [
                        (c.evidence.start, c.evidence.end)
                        for c in candidates
                        if c.article is article
                    ]
                    for passed in passed_over_sentences(article, covered):
                        line = passed_over_to_dict(article, passed)
                        self.stdout.write(json.dumps(line, ensure_ascii=False))
        if errors:
            # One line per file that could not be read (CommandError prints no traceback).
            raise CommandError("\n".join(errors), returncode=1)
