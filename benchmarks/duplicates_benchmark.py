"""Time the possible-duplicate search on the explorer benchmark's synthetic database.

Uses the SQLite database that ``explorer_benchmark.py`` builds (1,000,000 events by default;
build it first with ``explorer_benchmark.py --build-only``), migrating it if needed. Inside
one transaction that is rolled back at the end, it adds pages of new candidates (with no
place, or at a town, in one month or spread over the years) and a few finely dated events
longer than usual, then times ``selectors_curation.event_possible_duplicates`` on each page
and the admin pages that show the hints (median of ``--repeat`` runs after a warm-up), and
prints how many pairs it found with a digest of them: two versions of the code that print the
same digests found the same duplicates on this data.

    .venv/bin/python benchmarks/explorer_benchmark.py --build-only
    .venv/bin/python benchmarks/duplicates_benchmark.py
    .venv/bin/python benchmarks/duplicates_benchmark.py --db /tmp/bench100k.sqlite3
    .venv/bin/python benchmarks/duplicates_benchmark.py \
        --database-url postgres://postgres@127.0.0.1:5432/bench_ct   # the explorer's PostgreSQL one
"""

from __future__ import annotations

import argparse
import hashlib
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
    p.add_argument("--db", default="/tmp/conflict_timeline_bench.sqlite3")
    p.add_argument(
        "--database-url",
        help="the PostgreSQL database explorer_benchmark.py --database-url built (its name "
        'begins with "bench")',
    )
    p.add_argument("--repeat", type=int, default=5)
    p.add_argument("--no-admin", action="store_true", help="time the selector only")
    p.add_argument("--only", default="", help="time only the pages whose label contains this text")
    p.add_argument("--skip", default="\0", help="skip the pages whose label contains this text")
    return p.parse_args()


ARGS = parse_args()
if ARGS.database_url:
    if not ARGS.database_url.startswith("postgres") or not ARGS.database_url.rsplit("/", 1)[
        -1
    ].startswith("bench"):
        sys.exit('--database-url must name a PostgreSQL database whose name begins with "bench".')
    os.environ["DATABASE_URL"] = ARGS.database_url
elif not ARGS.db.startswith("/tmp/") or not Path(ARGS.db).exists():
    sys.exit(f"{ARGS.db}: build it under /tmp first with explorer_benchmark.py --build-only.")
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

from django.contrib.admin import site as admin_site  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.db.migrations.executor import MigrationExecutor  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from timeline import selectors_curation  # noqa: E402
from timeline.models import Actor, Event, EventActor, Place  # noqa: E402
from timeline.selectors_curation import event_possible_duplicates  # noqa: E402

TYPES = ["battles", "explosions_remote_violence", "violence_against_civilians"]


def migrate() -> None:
    executor = MigrationExecutor(connection)
    pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
    if pending:
        t = time.perf_counter()
        call_command("migrate", verbosity=0)
        with connection.cursor() as c:
            c.execute("ANALYZE")  # as the explorer benchmark does after a migration
        names = ", ".join(m.name for m, _ in pending)
        print(f"Migrated ({names}) and analysed in {time.perf_counter() - t:.1f} s")


def add_candidates(rng: random.Random, label: str, n: int, days: list[date], placed: bool):
    """``n`` new candidates, each with one or two principal actors of the synthetic set."""
    actors = list(Actor.objects.order_by("pk"))
    places = list(Place.objects.order_by("pk")[:400])
    out = []
    for i in range(n):
        day = days[i % len(days)]
        precision = rng.choice(["day", "day", "day", "week", "month"])
        end = day + timedelta(days={"day": 0, "week": 6, "month": 30}[precision])
        event = Event.objects.create(
            headline=f"{label} {i}",
            date_start=day,
            date_end=end,
            date_precision=precision,
            event_type=rng.choice(TYPES),
            place=rng.choice(places) if placed else None,
            status="candidate",
        )
        for j, actor in enumerate(rng.sample(actors, rng.choice([1, 2]))):
            EventActor.objects.create(event=event, actor=actor, role=("actor1", "actor2")[j])
        out.append(event)
    return out


def add_long_events(rng: random.Random, n: int) -> None:
    """Finely dated events longer than usual (a hand-typed range): the search must still find
    them, whatever their start."""
    actors = list(Actor.objects.order_by("pk"))
    for i in range(n):
        start = date(2006, 1, 1) + timedelta(days=rng.randrange(5000))
        event = Event.objects.create(
            headline=f"long {i}",
            date_start=start,
            date_end=start + timedelta(days=rng.choice([40, 90, 400, 3000])),
            date_precision=rng.choice(["week", "month"]),
            event_type=rng.choice(TYPES),
            place=None,
            status=rng.choice(["candidate", "verified"]),
        )
        EventActor.objects.create(event=event, actor=rng.choice(actors), role="actor1")


def digest(result: dict[int, list[Event]], names: dict[int, str]) -> tuple[int, str]:
    """How many pairs, and a digest of them that does not depend on the ids given to the
    events added here."""
    pairs = sorted(
        (names.get(k, str(k)), names.get(o.pk, str(o.pk))) for k, v in result.items() for o in v
    )
    return len(pairs), hashlib.sha1(repr(pairs).encode()).hexdigest()[:12]


def timed(fn, repeat: int) -> tuple[float, int, object]:
    if repeat > 1:
        fn()  # warm-up
    times = []
    for _ in range(repeat):
        with CaptureQueriesContext(connection) as ctx:
            t = time.perf_counter()
            value = fn()
            times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times), len(ctx.captured_queries), value


def main() -> None:
    migrate()
    total = Event.objects.count()
    print(f"Database: {WHERE} — {total:,} events")
    rng = random.Random(20261203)
    with transaction.atomic():
        add_long_events(rng, 40)
        late = [date(2019, 6, 1) + timedelta(days=i) for i in range(28)]
        early = [date(2007, 3, 1) + timedelta(days=i) for i in range(28)]
        spread = [date(2006, 1, 10) + timedelta(days=255 * i) for i in range(20)]
        pages = {
            "20, no place, one month of 2019": add_candidates(rng, "late", 20, late, False),
            "20, no place, one month of 2007": add_candidates(rng, "early", 20, early, False),
            "20, no place, spread 2006–2019": add_candidates(rng, "spread", 20, spread, False),
            "20 at a town, one month of 2019": add_candidates(rng, "town", 20, late, True),
        }
        sample = rng.sample(range(1, total), 50)
        pages["50 stored events, spread (a list page)"] = list(Event.objects.filter(pk__in=sample))
        names = {e.pk: e.headline for page in pages.values() for e in page}
        names.update(
            Event.objects.filter(headline__startswith="long ").values_list("pk", "headline")
        )
        print(
            f"{'page of events':42} {'ms':>8} {'queries':>8} {'pairs':>6}  digest"
            f"{'search SQL ms':>15} {'rows':>7}"
        )
        for label, page in pages.items():
            if ARGS.only not in label or ARGS.skip in label:
                continue
            ms, queries, result = timed(lambda p=page: event_possible_duplicates(p), ARGS.repeat)
            n, h = digest(result, names)
            # The search query alone (the rows that could match, before the rule decides):
            # the part the date window bounds.
            batch = list(Event.objects.filter(pk__in=[e.pk for e in page]).select_related("place"))
            where = selectors_curation._search(batch)
            sql_ms, _, rows = timed(
                lambda w=where: len(Event.objects.filter(w).order_by().values_list("pk")),
                ARGS.repeat,
            )
            print(f"{label:42} {ms:8.1f} {queries:8d} {n:6d}  {h} {sql_ms:14.1f} {rows:7d}")
        if not ARGS.no_admin:
            admin = get_user_model().objects.create_superuser("bench-admin", "", "x")
            client = Client()
            client.force_login(admin)
            unplaced = pages["20, no place, one month of 2019"][0]
            change = f"/admin/timeline/event/{unplaced.pk}/change/"
            urls = {
                "review queue (first page)": "/admin/timeline/event/review/",
                "event list, all events, default order": "/admin/timeline/event/",
                "event list, candidates, 50 rows": "/admin/timeline/event/?status__exact=candidate",
                "event list, 2019, 50 rows": "/admin/timeline/event/?date_start__year=2019",
                "change page, candidate with no place": change,
            }
            # Sorted by a column (``?o=N``: N counts the list's columns after the action box).
            columns = ["action_checkbox", *admin_site._registry[Event].list_display]
            for name in ("event_type", "status", "credibility", "headline", "place", "sources"):
                n = columns.index(name)
                urls[f"event list sorted by {name}"] = f"/admin/timeline/event/?o={n}"
                urls[f"event list sorted by {name}, descending"] = f"/admin/timeline/event/?o=-{n}"
            print(f"{'admin page':42} {'ms':>8} {'queries':>8} {'status':>6}")
            for label, url in urls.items():
                ms, queries, r = timed(lambda u=url: client.get(u), ARGS.repeat)
                print(f"{label:42} {ms:8.1f} {queries:8d} {r.status_code:6d}")
        transaction.set_rollback(True)


if __name__ == "__main__":
    main()
