"""``manage.py timex FILE.jsonl``: tag TimeML temporal expressions; touches no database.

Input: JSON lines ``{"doc", "dct", "text"}`` (what ``timex_score.py --export-text`` prints).
Output: one JSON line per document, ``{"doc", "timexes": [{"start", "end", "type", "value"}]}``
(plus ``"mod"`` on a timex TimeML would give one),
offsets into ``text``, in the input's order.
"""

from __future__ import annotations

import json
import re
import sys
from datetime import date

from django.core.management.base import BaseCommand, CommandError, CommandParser

# "1998-02-06", "1998-02-06T22:19:00", and the basic ISO form of older TimeML, "19980206"
_DCT = re.compile(r"^(\d{4})(-?)(\d\d)\2(\d\d)(?![\d-])")


def dct_parse(raw: object) -> date | None:
    """The date part of a TimeML DCT value ("1998-02-06T22:19:00" -> 1998-02-06); None if absent.

    Raises ValueError for a value that is present but is not a date.
    """
    if raw is None or raw == "":
        return None
    if not isinstance(raw, str):
        raise ValueError(f"dct must be a string, got {type(raw).__name__}")
    m = _DCT.match(raw.strip())
    if not m:
        raise ValueError(f"dct {raw!r} does not start with YYYY-MM-DD")
    try:
        return date(int(m[1]), int(m[3]), int(m[4]))
    except ValueError as exc:  # "2013-13-14": the shape of a date, but none
        raise ValueError(f"dct {raw!r} is not a date ({exc})") from None


class Command(BaseCommand):
    help = (
        "Tag TimeML TIMEX3 expressions (DATE, TIME, DURATION, SET) in JSONL documents "
        '{"doc", "dct", "text"} and print one JSON line per document: '
        '{"doc", "timexes": [{"start", "end", "type", "value"}]}. Use - to read stdin.'
    )
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", metavar="FILE.jsonl", help="JSON lines input, or - for stdin.")

    def handle(self, *args, **options) -> None:
        from timeline.extraction.temporal import tag

        path = options["file"]
        try:
            if path == "-":
                lines = sys.stdin.read().splitlines()
            else:
                with open(path, encoding="utf-8") as fh:
                    lines = fh.read().splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            raise CommandError(f"{path}: cannot read ({exc})", returncode=1) from None
        # Validate every line before printing anything, so bad input produces one message
        # and no partial output.
        docs: list[tuple[str, date | None, str]] = []
        for lineno, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
                if not isinstance(obj, dict):
                    raise ValueError("not a JSON object")
                doc, text = obj.get("doc"), obj.get("text")
                if not isinstance(doc, str) or not doc:
                    raise ValueError('missing "doc"' if doc is None else '"doc" must be a string')
                if not isinstance(text, str):
                    raise ValueError(
                        'missing "text"' if text is None else '"text" must be a string'
                    )
                docs.append((doc, dct_parse(obj.get("dct")), text))
            except ValueError as exc:
                raise CommandError(f"{path}:{lineno}: {exc}", returncode=1) from None
        for doc, dct, text in docs:
            timexes = [
                # "mod" (TimeML's APPROX, START, END, MORE_THAN, ...) only where there is one;
                # scorers read the four keys the issue names and ignore the rest
                {"start": t.start, "end": t.end, "type": t.type, "value": t.value}
                | ({"mod": t.mod} if t.mod else {})
                for t in tag(text, dct)
            ]
            self.stdout.write(json.dumps({"doc": doc, "timexes": timexes}, ensure_ascii=False))
