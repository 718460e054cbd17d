"""Time the explorer on a large synthetic dataset.

Builds (once) a separate SQLite database under /tmp — never the project's own — holding
``--events`` synthetic events (default 1,000,000) with actors, places, publishers and some
excerpts, then requests the explorer's full page and its htmx partial for several date
windows and filters, and prints milliseconds (median of ``--repeat`` runs after one warm-up),
payload size and query count.

    .venv/bin/python benchmarks/explorer_benchmark.py                 # 1,000,000 events
    .venv/bin/python benchmarks/explorer_benchmark.py --events 100000 --db /tmp/bench100k.sqlite3
    .venv/bin/python benchmarks/explorer_benchmark.py --rebuild        # start the DB afresh
    .venv/bin/python benchmarks/explorer_benchmark.py --build-only     # only build (or migrate)
    .venv/bin/python benchmarks/explorer_benchmark.py \
        --database-url postgres://postgres@127.0.0.1:5432/bench_ct     # on PostgreSQL instead

On PostgreSQL the database named must exist and its name begin with "bench" (it is filled
and, with ``--rebuild``, emptied: never point it at real data).
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def parse_args() -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--events", type=int, default=1_000_000)
    p.add_argument("--db", default="/tmp/conflict_timeline_bench.sqlite3")
    p.add_argument(
        "--database-url",
        help="a PostgreSQL database to use instead of the SQLite file (its name must begin "
        'with "bench")',
    )
    p.add_argument("--rebuild", action="store_true")
    p.add_argument("--repeat", type=int, default=3)
    p.add_argument(
        "--build-only", action="store_true", help="build (or migrate) the database and stop"
    )
    return p.parse_args()


ARGS = parse_args()
if ARGS.database_url:
    if not ARGS.database_url.startswith("postgres") or not ARGS.database_url.rsplit("/", 1)[
        -1
    ].startswith("bench"):
        sys.exit('--database-url must name a PostgreSQL database whose name begins with "bench".')
    os.environ["DATABASE_URL"] = ARGS.database_url
elif not ARGS.db.startswith("/tmp/"):
    sys.exit("The benchmark database must live under /tmp (it is thrown away).")
else:
    os.environ["DATABASE_URL"] = f"sqlite:///{ARGS.db}"
WHERE = ARGS.database_url or ARGS.db
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "timeline.settings")
os.environ["DJANGO_DEBUG"] = "false"
os.environ.setdefault(
    "DJANGO_STATICFILES_STORAGE", "django.contrib.staticfiles.storage.StaticFilesStorage"
)

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.db.migrations.executor import MigrationExecutor  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from timeline.models import (  # noqa: E402
    Actor,
    ActorKind,
    ActorRole,
    Article,
    DateBasis,
    DatePrecision,
    Event,
    EventActor,
    EventStatus,
    EventType,
    Excerpt,
    Place,
    PlaceKind,
    Publisher,
)

BATCH = 20_000
FIRST, LAST = date(2006, 1, 1), date(2019, 12, 31)


def build(n_events: int) -> None:
    rng = random.Random(20260101)
    call_command("migrate", verbosity=0)
    with transaction.atomic():
        pubs = [
            Publisher.objects.create(name=f"Publisher {i}", reliability="ABCDEF"[i % 6])
            for i in range(12)
        ]
        parents = [
            Actor.objects.create(
                name=f"Coalition {i}", slug=f"coalition-{i}", kind=ActorKind.COALITION
            )
            for i in range(5)
        ]
        actors = parents + [
            Actor.objects.create(
                name=f"Group {i}",
                slug=f"group-{i}",
                kind=ActorKind.MILITIA,
                parent=parents[i % 5] if i % 3 == 0 else None,
            )
            for i in range(60)
        ]
        countries = ["Iraq", "Syria", "Iran", "Lebanon", "Yemen"]
        places = [
            Place.objects.create(
                name=f"Town {i}",
                slug=f"town-{i}",
                country=countries[i % 5],
                kind=PlaceKind.TOWN,
                latitude=round(rng.uniform(29, 38), 4),
                longitude=round(rng.uniform(35, 50), 4),
            )
            for i in range(400)
        ]
        body = "Synthetic report. " * 20 + "Fighters clashed near the river crossing. " * 5
        articles = [
            Article.objects.create(
                title=f"Report {i}",
                body=body + f"#{i}",
                publisher=pubs[i % len(pubs)],
                content_hash=f"{i:064x}",
                published=FIRST + timedelta(days=i * 5),
                published_basis=DateBasis.STATED,
            )
            for i in range(1000)
        ]
    quote = "Fighters clashed near the river crossing."
    q_start = body.index(quote)
    span_days = (LAST - FIRST).days
    types = EventType.values
    precisions = [DatePrecision.DAY] * 7 + [DatePrecision.WEEK] * 2 + [DatePrecision.MONTH]
    made = 0
    t0 = time.perf_counter()
    while made < n_events:
        size = min(BATCH, n_events - made)
        events = []
        for _ in range(size):
            d = FIRST + timedelta(days=rng.randrange(span_days))
            prec = rng.choice(precisions)
            if prec == DatePrecision.WEEK:
                d = d - timedelta(days=d.weekday())
                end = d + timedelta(days=6)
            elif prec == DatePrecision.MONTH:
                d = d.replace(day=1)
                end = (d + timedelta(days=32)).replace(day=1) - timedelta(days=1)
            else:
                end = d
            events.append(
                Event(
                    headline=f"Synthetic event {made + len(events)}",
                    date_start=d,
                    date_end=min(end, LAST),
                    date_precision=prec,
                    event_type=rng.choice(types),
                    place=rng.choice(places),
                    fatalities=rng.choice([None, 0, 1, 2, 3, 5, 8, 13, 40]),
                    status=EventStatus.VERIFIED if rng.random() < 0.9 else EventStatus.CANDIDATE,
                    credibility=rng.randint(1, 6),
                )
            )
        with transaction.atomic():
            Event.objects.bulk_create(events, batch_size=2000)
            ids = list(Event.objects.order_by("-pk").values_list("pk", flat=True)[:size])
            links, excerpts = [], []
            for pk in ids:
                for j, actor in enumerate(rng.sample(actors, rng.choice([1, 2, 2, 3]))):
                    role = [ActorRole.ACTOR1, ActorRole.ACTOR2, ActorRole.ASSOCIATED][j]
                    links.append(EventActor(event_id=pk, actor=actor, role=role))
                if rng.random() < 0.2:
                    excerpts.append(
                        Excerpt(
                            event_id=pk,
                            article=rng.choice(articles),
                            start=q_start,
                            end=q_start + len(quote),
                            quote=quote,
                        )
                    )
            EventActor.objects.bulk_create(links, batch_size=5000)
            Excerpt.objects.bulk_create(excerpts, batch_size=5000)
        made += size
        rate = made / (time.perf_counter() - t0)
        print(f"  {made:,} events ({rate:,.0f}/s)", end="\r", flush=True)
    print()
    _analyze()


def _analyze() -> None:
    """Refresh the planner's statistics; on PostgreSQL also the visibility map, as autovacuum
    would after a bulk load (index-only scans read the table until it is set)."""
    with connection.cursor() as c:
        c.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")


def measure(client: Client, url: str, htmx: bool, repeat: int) -> tuple[float, float, int, int]:
    headers = {"HTTP_HX_REQUEST": "true", "HTTP_HX_TARGET": "results"} if htmx else {}
    client.get(url, **headers)  # warm-up (SQLite page cache, template loading)
    times = []
    for _ in range(repeat):
        with CaptureQueriesContext(connection) as ctx:
            t = time.perf_counter()
            r = client.get(url, **headers)
            times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times), len(r.content) / 1024, len(ctx.captured_queries), r.status_code


def _empty() -> None:
    """Start afresh: the SQLite file deleted, or every table of the PostgreSQL database."""
    if not ARGS.database_url:
        if Path(ARGS.db).exists():
            Path(ARGS.db).unlink()
        return
    with connection.cursor() as c:
        c.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public")


def main() -> None:
    if ARGS.rebuild:
        _empty()
    executor = MigrationExecutor(connection)
    pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
    call_command("migrate", verbosity=0)
    have = Event.objects.count()
    if pending and have:
        # A migration (a new index, say) changed a database built earlier: refresh the
        # planner's statistics as the build does, or SQLite plans without them.
        _analyze()
    if have != ARGS.events:
        if have:
            sys.exit(f"{WHERE} holds {have:,} events, not {ARGS.events:,}: use --rebuild.")
        print(f"Building {ARGS.events:,} synthetic events in {WHERE} …")
        t = time.perf_counter()
        build(ARGS.events)
        print(f"Built in {time.perf_counter() - t:.0f} s")
    if ARGS.build_only:
        return
    verified = Event.objects.filter(status=EventStatus.VERIFIED).count()
    from timeline.selectors import max_points

    print(
        f"Database: {WHERE} — {Event.objects.count():,} events ({verified:,} verified), "
        f"{EventActor.objects.count():,} actor links, {Excerpt.objects.count():,} excerpts; "
        f"points threshold {max_points():,}"
    )
    cases = [
        ("everything (2006–2019)", "/"),
        ("one year (2015)", "/?start=2015-01-01&end=2015-12-31"),
        ("one month (Aug 2015)", "/?start=2015-08-01&end=2015-08-31"),
        ("one week", "/?start=2015-08-31&end=2015-09-06"),
        ("one day", "/?start=2015-08-31&end=2015-08-31"),
        ("everything, lanes by actor", "/?lane=actor"),
        (
            "coalition + members, 1 year",
            "/?actor=coalition-1&members=1&start=2015-01-01&end=2015-12-31",
        ),
        ("type + min fatalities", "/?type=battles&min_fatalities=13"),
        ("text search, 1 month", "/?q=river+crossing&start=2015-08-01&end=2015-08-31"),
        ("list page 500, sorted by fatalities", "/?sort=-fatalities&page=500"),
    ]
    client = Client()
    print(f"{'case':40} {'render':8} {'ms':>9} {'KB':>9} {'queries':>8} {'status':>6}")
    for label, url in cases:
        for htmx in (False, True):
            ms, kb, queries, status = measure(client, url, htmx, ARGS.repeat)
            print(
                f"{label:40} {'htmx' if htmx else 'full':8} {ms:9.0f} {kb:9.1f} "
                f"{queries:8d} {status:6d}"
            )


if __name__ == "__main__":
    main()
