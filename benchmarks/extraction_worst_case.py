"""The extraction pipeline on articles made of one phrase repeated: how its time grows.

    python benchmarks/extraction_worst_case.py [--sizes 400 1600]

Each article is a phrase repeated N times with no full stop: one run-on "sentence", as a
scraped list or a page without punctuation may be, the worst case for anything read from a
trigger back to its sentence's start or from a place to its trigger. For each phrase it prints
KB/s (CPU time) at both sizes and the time ratio between them: near the size ratio (4) is
linear; near its square, quadratic. (Each trigger once re-read its sentence from the start, and
each place the stretch to its trigger: 2 s for 11 KB of "killed", 4.5 s for 47 KB of "shelled
Aleppo".)
"""

from __future__ import annotations

import argparse
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from timeline.extraction.pipeline import extract_candidates  # noqa: E402
from timeline.extraction.types import ArticleText  # noqa: E402

PHRASES = (
    "killed",
    "an airstrike",
    "clashes in Raqqa",
    "shelled Aleppo",
    "who were killed",
    "Militants killed 12 people in Mosul on Monday",
)


def _seconds(body: str) -> float:
    article = ArticleText(title="Run-on", body=body, published=date(2015, 6, 1))
    t0 = time.process_time()
    extract_candidates(article)
    return max(time.process_time() - t0, 1e-6)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs=2, default=[400, 1600])
    args = ap.parse_args(argv)
    small, large = args.sizes
    _seconds("Warm-up in Mosul.")  # (the gazetteers load once per process)
    print(f"{'phrase':50} {'KB/s at ' + str(small):>14} {'KB/s at ' + str(large):>14}  time ratio")
    for phrase in PHRASES:
        rates, times = [], []
        for n in (small, large):
            body = (phrase + " ") * n
            elapsed = _seconds(body)
            times.append(elapsed)
            rates.append(len(body.encode("utf-8")) / 1024 / elapsed)
        print(f"{phrase!r:50} {rates[0]:14.1f} {rates[1]:14.1f}  {times[1] / times[0]:9.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
