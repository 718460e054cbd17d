"""Fuzz the temporal tagger with news it has not seen: real documents whose expressions are
swapped for others, under any DCT.

    python benchmarks/timex_fuzz.py [--seconds 60] [--seed 0] [DIR ...]

Each round takes a TimeML document from the folders (by default every annotated fixture in
the repository), replaces most of its annotated expressions with expressions drawn from the
others ("Tuesday" where "fiscal 1988" was), sometimes breaks every sentence into a paragraph
of its own, doubles its spaces, writes some of them as line breaks, tabs or Unicode spaces, or
writes it in capitals, and tags it with a DCT drawn from none, any day of 1900-2030, or the
calendar's first and last day, read as TimeML or (half the time) as the event extraction reads
it (``reports=True``). It checks what the tagger promises on any input: no exception;
expressions sorted, not overlapping, each one's text the text at its offsets, with a TimeML
type and a value; and ``to_date_range`` reads every value. It prints each failure with the
text that caused it, the rounds run and the slowest document. The annotation itself is never
compared with: this is about what breaks, not what is right. (Fuzzing like this found three
defects in the twenty-fifth session: a day of a range claimed twice, a paragraph failing at
the calendar's edge, and units in capitals.)
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from timeline.extraction.temporal import tag, to_date_range  # noqa: E402
from timeline.extraction.temporal.scoring import GoldDoc, read_gold  # noqa: E402

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
DEFAULT_DIRS = [
    FIXTURES / name for name in ("timex_blind", "timex_real", "timex_meantime", "timex_esc")
]
TYPES = ("DATE", "TIME", "DURATION", "SET")


def spliced(doc: GoldDoc, pool: list[str], rng: random.Random) -> str:
    """The document with most of its expressions replaced by others from the pool, and
    sometimes its layout or case changed."""
    parts, last = [], 0
    for t in doc.timexes:
        parts.append(doc.text[last : t.start])
        parts.append(rng.choice(pool) if rng.random() < 0.7 else doc.text[t.start : t.end])
        last = t.end
    parts.append(doc.text[last:])
    text = "".join(parts)
    roll = rng.random()
    if roll < 0.1:
        text = text.replace(". ", ".\n\n")
    elif roll < 0.2:
        text = text.upper()
    elif roll < 0.3:
        text = text.replace(" ", "  ")
    elif roll < 0.45:
        text = respaced(text, rng)
    return text


# what else stands between words in text from the web, e-mail and word processors: a line
# break where the text was wrapped, a tab, a no-break or thin space, a Unicode line separator
OTHER_SPACES = ("\n", "\t", "\u00a0", "\u2009", "\u202f", "\u2028", "\x0c")


def respaced(text: str, rng: random.Random) -> str:
    """The text with some of its spaces (a few, or most) written as other white space."""
    share = rng.choice((0.05, 0.3, 0.9))
    return "".join(
        rng.choice(OTHER_SPACES) if c == " " and rng.random() < share else c for c in text
    )


HIJRI_MONTHS = ("Muharram", "Safar", "Rabi' al-Awwal", "Rabi II", "Jumada al-Akhirah", "Rajab")
HIJRI_MONTHS += ("Sha'ban", "Ramadan", "Shawwal", "Dhu al-Qa'dah", "Dhul-Hijjah")
SOLAR_MONTHS = ("Farvardin", "Khordad", "Tir", "Mordad", "Shahrivar", "Mehr", "Aban", "Azar")
SOLAR_MONTHS += ("Dey", "Bahman", "Esfand")


def calendar_day(rng: random.Random) -> str:
    """A day of the Hijri or solar calendar as a wire might write it, or nearly (the 31st of
    a month of 30 days, a year outside the tables, a Gregorian year after it)."""
    month = rng.choice(HIJRI_MONTHS + SOLAR_MONTHS)
    day = rng.choice((str(rng.randint(0, 32)), "the 10th of", "the tenth of"))
    year = rng.choice(("", f" {rng.randint(1000, 1600)}", f" {rng.randint(1300, 1500)} AH"))
    year = rng.choice((year, f", {rng.randint(1900, 2099)}"))
    weekday = rng.choice(("", "", "Friday, "))
    if rng.random() < 0.3 and not day.startswith("the"):
        return f"{weekday}{month} {day}{year}"
    return f"{weekday}{day} {month}{year}"


def a_dct(rng: random.Random) -> date | None:
    return rng.choice(
        [
            None,
            date(rng.randint(1900, 2030), rng.randint(1, 12), rng.randint(1, 28)),
            date(1, 1, 1),
            date(9999, 12, 31),
        ]
    )


def failure(text: str, dct: date | None, *, reports: bool = False) -> str | None:
    """What the tagger got wrong on this input (read as TimeML, or with ``reports`` as the
    extraction reads it), or None."""
    try:
        found = tag(text, dct, reports=reports)
        for t in found:
            to_date_range(t)
    except Exception as exc:  # noqa: BLE001 (any exception is the finding)
        return f"{type(exc).__name__}: {exc}"
    end = 0
    for t in found:
        if not (end <= t.start < t.end <= len(text)) or text[t.start : t.end] != t.text:
            return f"bad extent {t}"
        if t.type not in TYPES or not t.value:
            return f"bad type or value {t}"
        end = t.end
    return None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dirs", nargs="*", type=Path, default=DEFAULT_DIRS)
    ap.add_argument("--seconds", type=float, default=60.0)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    docs = [read_gold(f) for d in args.dirs for f in sorted(d.rglob("*.tml"))]
    docs = [d for d in docs if d.timexes]
    if not docs:
        ap.error("no annotated .tml documents in the folders given")
    pool = [d.text[t.start : t.end] for d in docs for t in d.timexes]
    rng = random.Random(args.seed)
    # (the annotated documents name no day of the Hijri or solar calendar: some are made up)
    pool += [calendar_day(rng) for _ in range(len(pool) // 50)]
    rounds = failures = 0
    slowest = (0.0, 0)
    stop = time.monotonic() + args.seconds
    while time.monotonic() < stop:
        text, dct = spliced(rng.choice(docs), pool, rng), a_dct(rng)
        started = time.process_time()
        problem = failure(text, dct, reports=rng.random() < 0.5)
        slowest = max(slowest, (time.process_time() - started, len(text)))
        rounds += 1
        if problem is not None:
            failures += 1
            print(f"FAILED (DCT {dct}): {problem}\n{text!r}\n")
    print(
        f"{rounds} documents from {len(docs)}, {failures} failed; slowest "
        f"{slowest[0] * 1000:.0f} ms CPU for {slowest[1] / 1000:.1f} KB"
    )
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
