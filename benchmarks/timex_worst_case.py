"""The temporal tagger on texts made of one expression repeated: how its time grows.

    python benchmarks/timex_worst_case.py [--sizes 300 1200]

Each text is a phrase repeated N times with no sentence or paragraph break after the last, the
worst case for a pattern or look-up that scans ahead or back from each match. For each phrase
it prints KB/s (CPU time) at each size and the time ratio between the sizes: a ratio near the
size ratio (4 for 300 and 1200) is linear; one near its square would be quadratic. (A run of
years once took 24 s for 50 KB, each year re-scanned by the quarter pattern's adjectives.)
"""

from __future__ import annotations

import argparse
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from timeline.extraction.temporal import tag  # noqa: E402

PHRASES = (
    "2014",
    "March",
    "Monday and",
    "last year",
    "two years ago",
    "10:30 a.m.",
    "Dec. 31,",
    "the 1990s",
    "a year earlier",
    "three days later",
    "said Friday",
    '"We will leave Friday," he said.',
    "On May 1, a Thursday,",
    "fiscal 2012",
    # military clocks, a clock beside its date, a zone's offset, a numeric date
    "at 0600 hours",
    "17/10/2016 14:30",
    "14:30 (GMT+3)",
    "05/10/2016",
    # days of the Hijri and solar calendars, a numeric day without its year
    "on 22 Bahman 1357",
    "Sunday, the 10th of Muharram",
    "on 10/5",
    "03-22-05",
    "ending the day at the end of the day",
    "on Saturday, the first day of the truce",
    "the last day of the year, the eve of Ramadan",
    # a frequency given as a range, a season coming on, a sentence opening on "By <day>"
    "two or three times a week, with winter approaching.",
    "By Sunday night, rounds were crashing, which began early Sunday,",
)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs=2, default=[300, 1200])
    args = ap.parse_args(argv)
    small, large = args.sizes
    print(f"{'phrase':36} {'KB/s at ' + str(small):>14} {'KB/s at ' + str(large):>14}  time ratio")
    for phrase in PHRASES:
        rates, times = [], []
        for n in (small, large):
            text = (phrase + " ") * n
            t0 = time.process_time()
            tag(text, date(2014, 6, 20))
            elapsed = max(time.process_time() - t0, 1e-6)
            times.append(elapsed)
            rates.append(len(text.encode("utf-8")) / 1024 / elapsed)
        print(f"{phrase!r:36} {rates[0]:14.1f} {rates[1]:14.1f}  {times[1] / times[0]:9.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
