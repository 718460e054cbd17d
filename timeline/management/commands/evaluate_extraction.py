"""``manage.py evaluate_extraction``: precision and recall of the raw extractor."""

from __future__ import annotations

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from timeline.management.commands.ingest import database_required
from timeline.selectors_extraction import (
    AnswerKeyError,
    Evaluation,
    answer_key_agreement,
    answer_key_evaluate,
    extraction_evaluate,
)


def _pct(x: float | None) -> str:
    return "n/a" if x is None else f"{x:.3f}"


def _short(excerpt: str, limit: int = 120) -> str:
    excerpt = " ".join(excerpt.split())
    return excerpt if len(excerpt) <= limit else excerpt[: limit - 3] + "..."


def evaluation_text(
    ev: Evaluation,
    *,
    details: bool = False,
    against: str = "verified events",
    scored: str = "Raw extractor",
) -> str:
    """The figures as a short plain-text report."""
    lines = [
        f"{scored} against {against} ({ev.articles} articles; unit: one verified "
        "event as cited by one article)",
        "A match: same article, overlapping dates (or both undated), same place (or both none).",
        "",
        f"  precision        {_pct(ev.precision)}  "
        f"({ev.true_positives} / {ev.extracted} extracted)",
        f"  recall           {_pct(ev.recall)}  ({ev.true_positives} / {ev.verified} verified)",
        f"  F1               {_pct(ev.f1)}",
        f"  true positives   {ev.true_positives}",
        f"  extracted        {ev.extracted}",
        f"  verified         {ev.verified} (event, article) pairs, {ev.verified_events} events",
        f"  events found     {ev.verified_events_found} of {ev.verified_events} "
        "(in at least one of their articles)",
        f"  ignoring place   {ev.true_positives_any_place} would match "
        "(same article, overlapping dates): the rest of the gap is the place",
        f"  nested places    {ev.true_positives_nested_place} would match with one place "
        "inside the other's town (a square for its city, or the reverse)",
        "",
        f"Of the {ev.true_positives} matches:",
        f"  date exact (same start, end, precision)  {ev.date_exact}",
        f"  date overlaps only                       {ev.true_positives - ev.date_exact}",
        f"  same event type                          {ev.type_agree}",
        f"  different event type                     {ev.true_positives - ev.type_agree}",
        f"  first actor, of the {ev.actor1_known} whose first actor the gazetteer knows: "
        f"given that role in {ev.actor1_right}, named in {ev.actor1_named}",
        f"  fatalities, of the {ev.fatalities_given} that count their dead: the same number in "
        f"{ev.fatalities_right}, none in {ev.fatalities_missing}",
    ]
    if ev.passed_over_listed or ev.unquoted_events:
        lines += [
            "",
            "Passed over (the curator's list of dated sentences naming someone or somewhere that "
            "no candidate quotes):",
            f"  listed           {ev.passed_over_listed} of {ev.sentences} sentences, "
            f"{ev.passed_over_holding_event} of them holding a verified event's words",
            f"  unquoted events  {ev.unquoted_events} verified (event, article) pairs with no "
            f"word in any candidate; {ev.unquoted_events_listed} of them in a listed sentence",
        ]
    if ev.by_type:
        lines += ["", f"  {'verified type':<30}{'verified':>9}{'found':>7}{'typed right':>13}"]
        for event_type, row in sorted(ev.by_type.items()):
            lines.append(
                f"  {event_type:<30}{row['verified']:>9}{row['found']:>7}{row['typed_right']:>13}"
            )
    if details:
        lines += ["", f"Misses ({len(ev.misses)}): verified, not extracted"]
        for m in ev.misses:
            lines.append(
                f"  event {m['event_id']} in article {m['article_id']}: {m['date_start']}.."
                f"{m['date_end']} ({m['date_precision']}) {m['place'] or '-'} "
                f"[{m['event_type']}] {m['headline']}"
            )
        lines += ["", f"False positives ({len(ev.false_positives)}): extracted, not verified"]
        for f in ev.false_positives:
            excerpt = _short(f["excerpt"])
            lines.append(
                f"  article {f['article_id']}: {f['date_start']}..{f['date_end']} "
                f"({f['date_precision']}) {f['place'] or '-'} [{f['event_type']}] {excerpt}"
            )
        lines += [
            "",
            f"Typed differently ({len(ev.typed_differently)}): matched, with another type",
        ]
        for t in ev.typed_differently:
            lines.append(
                f"  event {t['event_id']} in article {t['article_id']}: verified "
                f"[{t['verified_type']}], extracted [{t['extracted_type']}] {t['headline']}"
            )
            if " ".join(t["excerpt"].split()) != " ".join(t["headline"].split()):
                lines.append(f"      extracted from: {_short(t['excerpt'])}")
    return "\n".join(lines)


class Command(BaseCommand):
    help = (
        "Run the raw extractor on every article in the database and measure it against the "
        "verified events: precision, recall, F1, date exactness and type agreement."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--json", action="store_true", help="Print the figures as JSON.")
        parser.add_argument(
            "--details",
            action="store_true",
            help="List the misses, the false positives and the matches typed differently.",
        )
        parser.add_argument(
            "--answers",
            metavar="DIR",
            help="Score against an answer key on disk (DIR/articles/*.txt and DIR/answers.json, "
            "e.g. fixtures/unseen) instead of the verified events; reads no database.",
        )
        parser.add_argument(
            "--against",
            metavar="OTHER",
            help="With --answers: score a second annotation of the same articles "
            "(OTHER/answers.json) instead of the extractor: how far two annotators agree.",
        )

    def handle(self, *args, **options) -> None:
        if options["against"] and not options["answers"]:
            raise CommandError("--against needs --answers: the key it is compared with")
        if options["answers"]:
            try:
                if options["against"]:
                    ev = answer_key_agreement(Path(options["answers"]), Path(options["against"]))
                else:
                    ev = answer_key_evaluate(Path(options["answers"]))
            except AnswerKeyError as exc:
                raise CommandError(str(exc)) from None
        else:
            database_required()
            ev = extraction_evaluate()
        if options["json"]:
            self.stdout.write(json.dumps(ev.as_dict(details=options["details"]), indent=1))
        else:
            against = f"the answer key in {options['answers']}" if options["answers"] else None
            scored = f"The annotation in {options['against']}" if options["against"] else None
            self.stdout.write(
                evaluation_text(
                    ev,
                    details=options["details"],
                    against=against or "verified events",
                    scored=scored or "Raw extractor",
                )
            )
