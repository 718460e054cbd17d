"""Writing TimeML: the documents the scorer reads, for corpora annotated in other formats
(MEANTIME's and the Event StoryLine Corpus's token-anchored CAT XML; see ``scripts/``)."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from timeline.extraction.temporal.scoring import Span

QUOTES = {"``": '"', "''": '"'}  # Penn Treebank's quotation marks, as written


def detokenize(
    tokens: list[str], joined: Callable[[list[str], int], bool]
) -> tuple[str, list[tuple[int, int]]]:
    """The tokens written out as English, and each token's (start, end) in that text.

    ``joined(tokens, k)`` says whether token k was written against the one before it (a
    comma, a clitic, "p.m."); quotation marks are placed here: a bare '"' opens and closes a
    quotation in turn, and clings to the words it encloses."""
    pieces: list[str] = []
    spans: list[tuple[int, int]] = []
    pos = 0
    quote_open = False
    previous_opened = False
    for k, token in enumerate(tokens):
        surface = QUOTES.get(token, token)
        opens = token == "``" or (token == '"' and not quote_open)
        closes = token == "''" or (token == '"' and quote_open)
        if token == '"':
            quote_open = not quote_open
        if k and not (closes or previous_opened or joined(tokens, k)):
            pieces.append(" ")
            pos += 1
        spans.append((pos, pos + len(surface)))
        pieces.append(surface)
        pos += len(surface)
        previous_opened = opens
    return "".join(pieces), spans


def without_nesting(spans: list[Span]) -> tuple[list[Span], list[Span]]:
    """The spans kept, shortest first, none overlapping another (TimeML does not nest: where
    a DURATION spans two DATEs, "from 2009 to 2011", the DATEs stay), in text order; and the
    spans dropped."""
    kept: list[Span] = []
    dropped: list[Span] = []
    for span in sorted(spans, key=lambda s: s.end - s.start):
        if all(span.end <= k.start or span.start >= k.end for k in kept):
            kept.append(span)
        else:
            dropped.append(span)
    return sorted(kept, key=lambda s: s.start), dropped


def timeml_document(name: str, dct: str, text: str, timexes: list[Span]) -> str:
    """A TimeML document as TempEval-3 writes one: the creation time in a DCT block, TEXT with
    its TIMEX3s (in text order, none nested) numbered from t1."""
    body, at = [], 0
    for k, t in enumerate(timexes, start=1):
        body.append(escape(text[at : t.start]))
        body.append(
            f'<TIMEX3 tid="t{k}" type={quoteattr(t.type)} value={quoteattr(t.value)}>'
            f"{escape(text[t.start : t.end])}</TIMEX3>"
        )
        at = t.end
    body.append(escape(text[at:]))
    return (
        '<?xml version="1.0" ?>\n<TimeML>\n'
        f"<DOCID>{escape(name)}</DOCID>\n"
        f'<DCT><TIMEX3 tid="t0" type="DATE" value={quoteattr(dct)} temporalFunction="false" '
        f'functionInDocument="CREATION_TIME">{escape(dct)}</TIMEX3></DCT>\n'
        f"<TEXT>{''.join(body)}</TEXT>\n</TimeML>\n"
    )


def join_sentences(
    sentences: list[tuple[str, list[tuple[int, int]], int]], separators: list[str]
) -> tuple[str, dict[int, tuple[int, int]]]:
    """Sentences written out, each as (its text, its tokens' spans in it, its first token's
    number), joined with ``separators[k]`` before the k-th; the text, and each token number's
    (start, end) in it."""
    text, token_span = "", {}
    for k, (written, word_spans, first_t_id) in enumerate(sentences):
        text += separators[k] if k else ""
        for j, (a, b) in enumerate(word_spans):
            token_span[first_t_id + j] = (len(text) + a, len(text) + b)
        text += written
    return text, token_span


@dataclass
class BuildReport:
    """What a corpus build wrote: documents and TIMEX3 per part, every repair, every skip."""

    documents: dict[str, int] = field(default_factory=lambda: {"dev": 0, "test": 0})
    timexes: dict[str, int] = field(default_factory=lambda: {"dev": 0, "test": 0})
    repairs: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        return [
            *(
                f"{p}: {self.documents[p]} documents, {self.timexes[p]} TIMEX3"
                for p in ("dev", "test")
            ),
            *(f"  repaired: {r}" for r in self.repairs),
            *(f"  skipped: {s}" for s in self.skipped),
        ]


Converter = Callable[[dict, str, BuildReport], "tuple[str, int] | None"]


def build_parts(
    source: Path, out: Path, topic_of: Callable[[str], str], to_timeml: Converter
) -> BuildReport:
    """Write ``OUT/dev/*.tml`` and ``OUT/test/*.tml`` from the transcriptions
    ``SOURCE/*.json``, each converted by ``to_timeml`` (None: skipped). The split is fixed
    before any score is seen: within each topic, files sorted by name, every other one (the
    second, fourth, ...) goes to ``test/``, never read; the rest to ``dev/``."""
    report = BuildReport()
    by_topic: dict[str, list[Path]] = {}
    for path in sorted(source.glob("*.json")):
        by_topic.setdefault(topic_of(path.stem), []).append(path)
    for part in ("dev", "test"):
        (out / part).mkdir(parents=True, exist_ok=True)
        for old in (out / part).glob("*.tml"):
            old.unlink()
    for topic in sorted(by_topic):
        for index, path in enumerate(sorted(by_topic[topic], key=lambda p: p.name)):
            part = "test" if index % 2 else "dev"
            built = to_timeml(json.loads(path.read_text(encoding="utf-8")), path.stem, report)
            if built is None:
                continue
            document, n = built
            (out / part / f"{path.stem}.tml").write_text(document, encoding="utf-8")
            report.documents[part] += 1
            report.timexes[part] += n
    return report


def build_command(argv: list[str] | None, description: str, default: Path, build) -> int:
    """A corpus builder's command line: ``[SOURCE] [OUT]``, defaulting to ``default/source``
    and ``default``; prints what was written and every repair."""
    ap = argparse.ArgumentParser(description=description)
    ap.add_argument("source", nargs="?", type=Path, default=default / "source")
    ap.add_argument("out", nargs="?", type=Path, default=default)
    args = ap.parse_args(argv)
    if not list(args.source.glob("*.json")):
        ap.error(f"{args.source}: no transcribed .json files")
    report: BuildReport = build(args.source, args.out)
    for line in report.lines():
        print(line)
    return 0
