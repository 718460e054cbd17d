"""``manage.py extract FILE…``: candidate events as JSON lines; touches no database."""

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

    def handle(self, *args, **options) -> None:
        try:
            self._handle(**options)
        except BrokenPipeError:  # `extract … | head`: the reader has all it wanted
            stdout_closed()

    def _handle(self, **options) -> None:
        from timeline.extraction.pipeline import candidate_to_dict

        published = published_option(options["published"])
        limit = max_article_bytes()
        errors: list[str] = []
        # Path by path, so output and error lines come in the order the files were given.
        for path in options["files"]:
            sources, read_errors = sources_read(paths=[path], max_bytes=limit)
            errors.extend(read_errors)
            for source in sources:
                try:
                    _articles, candidates = source_extract(
                        source=source, max_bytes=limit, published=published
                    )
                except SourceError as exc:
                    errors.append(str(exc))
                    continue
                for candidate in candidates:
                    self.stdout.write(json.dumps(candidate_to_dict(candidate), ensure_ascii=False))
        if errors:
            # One line per file that could not be read (CommandError prints no traceback).
            raise CommandError("\n".join(errors), returncode=1)
