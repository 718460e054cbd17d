"""Throughput of the temporal tagger: KB of text tagged per CPU-second.

    python benchmarks/timex_benchmark.py INPUT.jsonl [--repeat N] [--one-paragraph]

INPUT.jsonl holds lines {"doc", "dct", "text"} (``timex_score.py --export-text`` output). The
tagger runs over every document ``--repeat`` times (default 3); the best round is reported
(CPU time of this process, so other load on the machine does not count against it).

``--one-paragraph`` joins all the documents into one text without line breaks (dated by the
first document's DCT): the worst case for anything the tagger looks up in an expression's
paragraph, as a pasted article or a scraped page may be one line. Throughput that falls as
the text grows would show a cost quadratic in a paragraph's length.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from timeline.extraction.temporal import tag  # noqa: E402


def _dct(raw: str | None) -> date | None:
    if not raw:
        return None
    return date(int(raw[0:4]), int(raw[5:7]), int(raw[8:10]))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("input", help='JSONL with {"doc", "dct", "text"} per line')
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--one-paragraph", action="store_true")
    args = ap.parse_args(argv)
    docs = []
    with open(args.input, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                obj = json.loads(line)
                docs.append((obj["text"], _dct(obj.get("dct"))))
    if args.one_paragraph and docs:
        docs = [(" ".join(" ".join(t.split()) for t, _ in docs), docs[0][1])]
    kb = sum(len(t.encode("utf-8")) for t, _ in docs) / 1024
    best = float("inf")
    n = 0
    for _ in range(max(1, args.repeat)):
        t0 = time.process_time()
        n = sum(len(tag(text, dct)) for text, dct in docs)
        best = min(best, time.process_time() - t0)
    print(
        f"documents: {len(docs)}  text: {kb:.1f} KB  timexes: {n}  "
        f"best CPU time: {best:.3f} s  throughput: {kb / best:.1f} KB/s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
