"""Export speed and memory on a large synthetic dataset.

    .venv/bin/python benchmarks/export_benchmark.py [--events 100000] [--db /tmp/ct-bench.sqlite3]

Builds (once, in its own SQLite file — never the project's database) a synthetic dataset of
``--events`` verified and candidate events with excerpts and actors, then runs every export
format in a fresh subprocess, for the whole set and for a ~10 % date window, and prints per
run: seconds, bytes written, peak RSS of the process, and peak RSS above the process's own
baseline (Django loaded, one query done). Steady memory means the "above baseline" figure
does not grow with the number of events exported.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import resource
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FORMATS = ["fixture", "csv", "geojson", "timelinejs", "jsonl"]


def setup_django(db: str) -> None:
    os.environ["DATABASE_URL"] = f"sqlite:///{db}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "timeline.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def _status_mb(key: str) -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(key + ":"):
            return int(line.split()[1]) / 1024  # kB
    raise RuntimeError(f"{key} not in /proc/self/status")


def reset_peak() -> bool:
    """Reset the kernel's peak-RSS mark (VmHWM) so the peak measured is the export's own."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
        return True
    except OSError:
        return False


def rss_mb() -> float:
    """Current resident memory (VmRSS)."""
    return _status_mb("VmRSS")


def peak_rss_mb() -> float:
    """Peak resident memory since the last reset (VmHWM; else ru_maxrss)."""
    try:
        return _status_mb("VmHWM")
    except (OSError, RuntimeError):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def build(n_events: int, seed: int = 7) -> None:
    from django.core.management import call_command

    from timeline.models import Actor, Article, Event, EventActor, Excerpt, Place, Publisher

    call_command("migrate", verbosity=0)
    if Event.objects.count() == n_events:
        return
    for model in (Excerpt, EventActor, Event, Article, Actor, Place, Publisher):
        model.objects.all().delete()
    rng = random.Random(seed)
    t0 = time.perf_counter()
    pubs = Publisher.objects.bulk_create(
        [Publisher(name=f"Publisher {i}", reliability="ABCDEF"[i % 6]) for i in range(20)]
    )
    words = ["militia", "attacked", "the", "base", "near", "the", "river", "killing"]
    words += ["soldiers", "officials", "said", "on"]
    sentences = [
        " ".join(rng.choice(words) for _ in range(rng.randint(12, 30))).capitalize() + "."
        for _ in range(4000)
    ]
    articles = []
    for i in range(200):
        body = "\n\n".join(" ".join(rng.sample(sentences, 6)) for _ in range(12))
        articles.append(
            Article(
                title=f"Article {i}",
                publisher=pubs[i % len(pubs)],
                body=body,
                url=f"https://example.org/{i}",
                published=date(2006, 1, 1) + timedelta(days=i * 25),
                published_basis="stated",
                content_hash=hashlib.sha256(body.encode()).hexdigest(),
            )
        )
    articles = Article.objects.bulk_create(articles)
    actors = Actor.objects.bulk_create(
        [Actor(name=f"Actor {i}", slug=f"actor-{i}", kind="militia") for i in range(80)]
    )
    places = Place.objects.bulk_create(
        [
            Place(
                name=f"Place {i}",
                slug=f"place-{i}",
                country=rng.choice(["Iraq", "Syria", "Iran", "Lebanon"]),
                latitude=round(rng.uniform(29, 37), 4),
                longitude=round(rng.uniform(36, 48), 4),
                kind="town",
            )
            for i in range(500)
        ]
    )
    types = [
        "battles",
        "explosions_remote_violence",
        "violence_against_civilians",
        "protests",
        "strategic_developments",
    ]
    batch = 5000
    for lo in range(0, n_events, batch):
        events = []
        for _ in range(lo, min(lo + batch, n_events)):
            start = date(2006, 1, 1) + timedelta(days=rng.randint(0, 5000))
            prec = rng.choice(["day", "day", "day", "week", "month"])
            end = start + timedelta(days={"day": 0, "week": 6, "month": 29}[prec])
            events.append(
                Event(
                    headline=rng.choice(sentences)[:120],
                    date_start=start,
                    date_end=end,
                    date_precision=prec,
                    event_type=rng.choice(types),
                    place=rng.choice(places) if rng.random() < 0.9 else None,
                    place_precision="exact",
                    fatalities=rng.choice([None, 0, 1, 3, 12]),
                    status="verified" if rng.random() < 0.9 else "candidate",
                    credibility=rng.randint(1, 6),
                )
            )
        events = Event.objects.bulk_create(events)
        excerpts, roles = [], []
        for e in events:
            for art in rng.sample(articles, rng.choice([1, 1, 2])):
                s = rng.randint(0, len(art.body) - 400)
                excerpts.append(
                    Excerpt(event=e, article=art, start=s, end=s + 200, quote=art.body[s : s + 200])
                )
            for actor, role in zip(rng.sample(actors, 2), ["actor1", "actor2"], strict=True):
                roles.append(EventActor(event=e, actor=actor, role=role))
        Excerpt.objects.bulk_create(excerpts)
        EventActor.objects.bulk_create(roles)
    print(f"built {n_events:,} events in {time.perf_counter() - t0:.1f} s", flush=True)


def run_one(fmt: str, params: str) -> None:
    """In a fresh process: export ``fmt`` for the query string ``params`` and print figures."""
    from django.http import QueryDict

    from timeline import exports, selectors
    from timeline.models import Event

    Event.objects.first()  # connection open, models loaded
    exports._country_codes()
    base = rss_mb()
    reset_peak()
    qs = selectors.event_list(params=QueryDict(params), include_unverified=True)
    n = qs.count()
    t0 = time.perf_counter()
    size = 0
    with open(os.devnull, "w", encoding="utf-8") as sink:
        for chunk in exports.export_stream(fmt, qs):
            size += len(chunk.encode("utf-8"))
            sink.write(chunk)
    secs = time.perf_counter() - t0
    peak = peak_rss_mb()
    print(
        f"{fmt:<11} {params or '(all)':<34} events={n:>7,}  {secs:7.2f} s  "
        f"{size / 1e6:8.1f} MB out  peak RSS {peak:6.1f} MB  (+{peak - base:5.1f} MB over "
        f"the {base:.1f} MB before the export)",
        flush=True,
    )


def run_import(fixture: str) -> None:
    """In a fresh process on an empty database: import ``fixture`` (then again: idempotent)."""
    from django.core.management import call_command

    from timeline.services.imports import dataset_import

    call_command("migrate", verbosity=0)
    data = Path(fixture).read_bytes()
    for attempt in ("first import", "re-import"):
        base = rss_mb()
        reset_peak()
        t0 = time.perf_counter()
        report = dataset_import(data=data, source_name="benchmark")
        secs = time.perf_counter() - t0
        peak = peak_rss_mb()
        t = report.totals()
        print(
            f"import      {attempt:<34} {len(data) / 1e6:6.1f} MB file  {secs:7.2f} s  "
            f"added {t['added']:,} unchanged {t['unchanged']:,}  peak RSS {peak:6.1f} MB  "
            f"(+{peak - base:5.1f} MB)",
            flush=True,
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--db", default="/tmp/ct-export-bench.sqlite3")
    parser.add_argument("--formats", nargs="*", default=FORMATS)
    parser.add_argument("--run", help=argparse.SUPPRESS)
    parser.add_argument("--params", default="", help=argparse.SUPPRESS)
    parser.add_argument("--import-fixture", help=argparse.SUPPRESS)
    args = parser.parse_args()
    setup_django(args.db)
    if args.import_fixture:
        run_import(args.import_fixture)
        return
    if args.run:
        run_one(args.run, args.params)
        return
    build(args.events)
    windows = ["start=2006-01-01&end=2007-05-15", ""]  # about 10 % of the span, then all
    for fmt in args.formats:
        for params in windows:
            subprocess.run(
                [
                    sys.executable,
                    __file__,
                    "--db",
                    args.db,
                    "--run",
                    fmt,
                    "--params",
                    params,
                ],
                check=True,
            )
    # Import: the fixture of the ~10 % window into an empty database, then again.
    from django.core.management import call_command

    fixture = Path(args.db).with_suffix(".window.json")
    call_command(
        "export_events",
        "--format",
        "fixture",
        "--query",
        windows[0] + "&status=verified&status=candidate",
        "--output",
        str(fixture),
        stderr=open(os.devnull, "w"),  # noqa: SIM115
    )
    target = Path(args.db).with_suffix(".import.sqlite3")
    target.unlink(missing_ok=True)
    subprocess.run(
        [sys.executable, __file__, "--db", str(target), "--import-fixture", str(fixture)],
        check=True,
    )


if __name__ == "__main__":
    main()
