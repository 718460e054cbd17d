"""``manage.py import_events FILE [--dry-run] [--prefer-incoming]``: load a fixture made by
``export_events --format fixture`` elsewhere; validated in full first, all or nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from timeline.services.imports import ImportRefused, dataset_import, max_import_bytes


class Command(BaseCommand):
    help = "Import a dataset fixture exported by this app (matched to existing rows, no dupes)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("file")
        parser.add_argument(
            "--dry-run", action="store_true", help="Report what would change; write nothing."
        )
        parser.add_argument(
            "--prefer-incoming",
            action="store_true",
            help="On a conflict take the file's value (default: keep ours).",
        )
        parser.add_argument(
            "--show-conflicts", action="store_true", help="List every conflicting row."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["file"])
        name = options["file"]
        if not path.is_file():
            raise CommandError(f"{name}: no such file")
        limit = max_import_bytes()
        size = path.stat().st_size
        if size > limit:
            raise CommandError(
                f"{name}: import refused, nothing changed: file is {size:,} bytes; "
                f"the limit is {limit:,} bytes"
            )
        try:
            report = dataset_import(
                data=path.read_bytes(),
                source_name=path.name,
                prefer_incoming=options["prefer_incoming"],
                dry_run=options["dry_run"],
            )
        except ImportRefused as exc:
            raise CommandError(
                f"{name}: import refused, nothing changed: " + "; ".join(exc.errors)
            ) from None
        except OSError as exc:
            raise CommandError(f"{name}: {exc.strerror}") from None
        for line in report.lines():
            self.stdout.write(line)
        if report.conflicts and options["show_conflicts"]:
            for line in report.conflicts:
                self.stdout.write(f"  conflict: {line}")
        elif report.conflicts:
            self.stdout.write(f"  ({len(report.conflicts)} conflicts; --show-conflicts lists them)")
