"""Gazetteer load time and memory, and extraction speed on the seed articles.

    python benchmarks/gazetteer_benchmark.py [--runs 5] [--probe DIR ...]

Prints: entries and match names of the place gazetteer; the CPU time to build it from the
JSON data (fresh each run: the cache is cleared) and the memory it holds (tracemalloc, the
objects still allocated once it is built); the CPU time to extract the candidates of the
seed files in ``fixtures/articles`` with the gazetteers already loaded (median of
``--runs``), and the number of candidates; the process's peak resident memory. No Django,
no database: only ``timeline.extraction``.

``--probe DIR``: a false-positive probe — every hit of a generated (regional) town in the
``*.tml``/``*.txt`` files under the folders given, markup stripped, with its count, for a
person to judge (e.g. ``../shared/timeml/tbaq/TimeBank ../shared/timeml/tbaq/AQUAINT``: 1990s
general news, where most such hits are wrong).
"""

from __future__ import annotations

import argparse
import re
import resource
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from timeline.extraction import gazetteer  # noqa: E402
from timeline.extraction.pipeline import extract_candidates, extract_file  # noqa: E402


def probe(folders: list[Path]) -> None:
    generated = {n for n, e in gazetteer.places().entries.items() if e.get("generated")}
    files = sorted(f for d in folders for f in d.rglob("*") if f.suffix in (".tml", ".txt"))
    hits: dict[tuple[str, str], int] = {}
    for f in files:
        text = re.sub(r"<[^>]+>", "", f.read_text(encoding="utf-8"))
        for h in gazetteer.find_places(text):
            if h.canonical in generated:
                hits[(h.text, h.canonical)] = hits.get((h.text, h.canonical), 0) + 1
    print(f"probe: {sum(hits.values())} hits of generated towns in {len(files)} files")
    for (text, name), n in sorted(hits.items(), key=lambda kv: -kv[1]):
        print(f"  {n:>4}  {text!r} -> {name}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--probe", nargs="*", default=[], type=Path)
    args = parser.parse_args()
    if args.probe:
        probe(args.probe)

    loads = []
    for _ in range(args.runs):
        gazetteer.places.cache_clear()
        t = time.process_time()
        gazetteer.places()
        loads.append(time.process_time() - t)
    gazetteer.places.cache_clear()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    g = gazetteer.places()
    held = tracemalloc.get_traced_memory()[0] - before
    tracemalloc.stop()
    names = sum(len(v) for v in g._by_first.values())
    print(f"place gazetteer: {len(g.entries)} entries, {names} match names")
    print(f"  load: median {statistics.median(loads) * 1000:.0f} ms CPU over {args.runs} runs")
    print(f"  memory held: {held / 2**20:.1f} MiB (tracemalloc)")

    gazetteer.actors()
    articles = [
        a for f in sorted((ROOT / "fixtures" / "articles").glob("*.txt")) for a in extract_file(f)
    ]
    runs = []
    count = 0
    for _ in range(args.runs):
        t = time.process_time()
        count = sum(len(extract_candidates(a)) for a in articles)
        runs.append(time.process_time() - t)
    kb = sum(len(a.body.encode("utf-8")) for a in articles) / 1024
    med = statistics.median(runs)
    print(
        f"extraction of {len(articles)} seed articles ({kb:.0f} KB): median "
        f"{med * 1000:.0f} ms CPU over {args.runs} runs ({kb / med:.0f} KB per CPU-second), "
        f"{count} candidates"
    )
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"process peak RSS: {rss:.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
