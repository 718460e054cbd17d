"""Extraction throughput: KB of article text per CPU-second, as the texts grow.

    python benchmarks/extraction_benchmark.py [--times 1 4 16 64] [--one-line] [--repeat 3]

Runs the extraction pipeline (article splitting, sentences, gazetteer, dates, events; no
database) over the seed articles in ``fixtures/articles/``, each file's body repeated
``--times`` times into one article, and prints KB per CPU-second for each size (the best of
``--repeat`` rounds). Throughput that falls as the article grows would show a cost quadratic in
its length. ``--one-line`` also takes the line breaks out of each body, the worst case for
anything looked up within a paragraph (a pasted article or a scraped page may be one line).
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from timeline.extraction.articles import split_articles  # noqa: E402
from timeline.extraction.pipeline import extract_candidates  # noqa: E402


def _articles(one_line: bool, times: int):
    """One article per seed file, its body repeated ``times`` times (header kept as it is)."""
    out = []
    for path in sorted((ROOT / "fixtures" / "articles").glob("*.txt")):
        for article in split_articles(path.read_text(encoding="utf-8"), origin_file=path.name):
            body = "\n\n".join([article.body] * times)
            if one_line:
                body = " ".join(body.split())
            out.append(replace(article, body=body))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--times", type=int, nargs="+", default=[1, 4, 16, 64])
    ap.add_argument("--one-line", action="store_true")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    for times in args.times:
        articles = _articles(args.one_line, times)
        kb = sum(len(a.body.encode("utf-8")) for a in articles) / 1024
        best, n = float("inf"), 0
        for _ in range(max(1, args.repeat)):
            t0 = time.process_time()
            n = sum(len(extract_candidates(a)) for a in articles)
            best = min(best, time.process_time() - t0)
        print(
            f"x{times:<4d} {'one line' if args.one_line else 'paragraphs'}  "
            f"articles: {len(articles)}  text: {kb:.0f} KB  candidates: {n}  "
            f"best CPU time: {best:.2f} s  throughput: {kb / best:.0f} KB/s"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
