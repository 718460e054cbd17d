"""``manage.py export_events --format FORMAT [filters] [--output FILE]``.

The filters are the explorer's query-string parameters (``timeline.filters.FILTER_PARAMS``),
given whole with ``--query "actor=kataib-hezbollah&type=battles"`` or one by one with the
options below (repeatable ones may be given several times); both end up in one query string
handed to ``selectors.event_list``, so the file equals the explorer's download for that URL.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.http import QueryDict

from timeline import exports, selectors

# Options named as the query parameters they set; the repeatable ones append.
SINGLE = ("start", "end", "q", "min_fatalities")
MULTI = (
    "actor",
    "place",
    "country",
    "type",
    "publisher",
    "reliability",
    "credibility",
    "precision",
    "status",
)


class Command(BaseCommand):
    help = "Export events (verified unless --status is given) as fixture, csv, geojson, "
    help += "timelinejs or jsonl, with the explorer's filters."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--format", required=True, choices=sorted(exports.FORMATS))
        parser.add_argument("--query", default="", help="An explorer query string.")
        parser.add_argument("--output", "-o", default="-", help="File to write (default stdout).")
        for name in SINGLE:
            parser.add_argument(f"--{name.replace('_', '-')}", dest=name)
        for name in MULTI:
            parser.add_argument(f"--{name}", dest=name, action="append", default=[])
        parser.add_argument(
            "--members", action="store_true", help="With --actor: include member groups."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        params = QueryDict(options["query"].lstrip("?"), mutable=True)
        for name in SINGLE:
            if options.get(name):
                params[name] = options[name]
        for name in MULTI:
            for value in options.get(name) or []:
                params.appendlist(name, value)
        if options["members"]:
            params["members"] = "1"
        include_unverified = bool(params.getlist("status"))
        try:
            events = selectors.event_list(params=params, include_unverified=include_unverified)
        except selectors.InvalidFilters as exc:
            raise CommandError("Invalid filters: " + "; ".join(exc.messages)) from None
        stream = exports.export_stream(options["format"], events)
        if options["output"] == "-":
            for chunk in stream:
                self.stdout.write(chunk, ending="")
            self.stdout.flush()
            return
        try:
            with open(options["output"], "w", encoding="utf-8", newline="") as fh:
                for chunk in stream:
                    fh.write(chunk)
        except OSError as exc:
            raise CommandError(f"{options['output']}: {exc.strerror}") from None
        self.stderr.write(f"Wrote {options['output']}")
