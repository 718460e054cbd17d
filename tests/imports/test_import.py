"""Import of a fixture made elsewhere: round trip, idempotence, matching, refusals."""

from __future__ import annotations

import itertools
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from timeline import exports, selectors
from timeline.models import Actor, Article, Event, EventActor, Excerpt, Place, Publisher
from timeline.services.imports import ImportRefused, dataset_import

pytestmark = pytest.mark.django_db
DATA_MODELS = (Excerpt, EventActor, Event, Article, Actor, Place, Publisher)


def everything() -> str:
    return exports.export_to_string(
        "fixture", selectors.event_list(params={}, include_unverified=True)
    )


def snapshot() -> dict:
    """Every data row and every history row: an import that is refused must change neither."""
    out = {}
    for model in DATA_MODELS:
        out[model.__name__] = sorted(
            json.dumps(row, default=str, sort_keys=True) for row in model.objects.values()
        )
        out["h" + model.__name__] = model.history.count()
    return out


def empty_database() -> None:
    for model in DATA_MODELS:
        model.objects.all().delete()


def strip_times(fixture: str) -> list[dict]:
    objects = json.loads(fixture)
    for o in objects:
        o["fields"].pop("created_at", None)
        o["fields"].pop("updated_at", None)
    return objects


REFERENCES = {"publisher", "parent", "within", "place", "event", "actor", "article"}


def shifted_ids(objects: list[dict], by: int) -> list[dict]:
    """The same rows under other ids, as another database would number them."""
    for o in objects:
        o["pk"] += by
        for name, value in o["fields"].items():
            if name in REFERENCES and value:
                o["fields"][name] = value + by
    return objects


def test_round_trip_export_empty_import_export_gives_the_same_data(ds):
    first = everything()
    public = {
        f: exports.export_to_string(f, selectors.event_list(params={})) for f in exports.FORMATS
    }
    empty_database()
    assert Event.objects.count() == 0
    report = dataset_import(data=first.encode(), source_name="first.json")
    assert report.totals()["updated"] == report.totals()["conflicting"] == 0
    assert report.added["event"] == 6 and report.added["excerpt"] == 6
    assert strip_times(everything()) == strip_times(first)
    # Rows imported with their ids must not block new ones (PostgreSQL sequences moved on).
    Event.objects.create(headline="Added after the import", event_type="battles")
    for fmt, before in public.items():
        after = exports.export_to_string(fmt, selectors.event_list(params={}))
        if fmt == "fixture":
            assert strip_times(after) == strip_times(before)
        else:
            assert after == before, fmt


def test_reimport_duplicates_nothing(ds):
    data = everything().encode()
    before = snapshot()
    report = dataset_import(data=data)
    assert report.totals() == {
        "added": 0,
        "updated": 0,
        "unchanged": len(json.loads(data)),
        "conflicting": 0,
    }
    after = snapshot()
    assert {k: v for k, v in after.items() if not k.startswith("h")} == {
        k: v for k, v in before.items() if not k.startswith("h")
    }


def test_rows_matched_by_natural_keys_not_by_ids(ds):
    """A file from another database: the same rows under other ids match; nothing doubles."""
    objects = shifted_ids(json.loads(everything()), 1000)
    counts = {m.__name__: m.objects.count() for m in DATA_MODELS}
    report = dataset_import(data=json.dumps(objects))
    assert report.totals()["added"] == 0
    assert {m.__name__: m.objects.count() for m in DATA_MODELS} == counts


def test_new_rows_added_and_blanks_filled_and_conflicts_reported(ds, curator):
    objects = json.loads(everything())
    for o in objects:
        f = o["fields"]
        if o["model"] == "timeline.event" and o["pk"] == ds.protest.pk:
            f["fatalities"] = 0  # ours is empty: filled ("updated")
        if o["model"] == "timeline.event" and o["pk"] == ds.battle.pk:
            f["fatalities"] = 14  # ours says 12: a conflict
        if o["model"] == "timeline.publisher" and f["name"] == "Wire Service":
            f["reliability"] = "C"  # ours is F ("cannot be judged"): filled
    objects.append(
        {"model": "timeline.actor", "pk": 99, "fields": {"name": "Badr Organization",
         "slug": "badr", "aliases": ["Badr"], "kind": "militia", "country": "Iraq",
         "parent": ds.pmf.pk, "description": ""}}
    )  # fmt: skip
    report = dataset_import(data=json.dumps(objects), user=curator, source_name="theirs.json")
    assert report.added["actor"] == 1
    assert Actor.objects.get(name="Badr Organization").parent == ds.pmf
    assert report.updated["event"] == 1 and report.updated["publisher"] == 1
    assert report.conflicting["event"] == 1
    assert any("fatalities" in c and "kept ours" in c for c in report.conflicts)
    ds.battle.refresh_from_db()
    ds.protest.refresh_from_db()
    assert ds.battle.fatalities == 12 and ds.protest.fatalities == 0
    assert Publisher.objects.get(name="Wire Service").reliability == "C"
    last = ds.protest.history.first()
    assert last.history_user == curator
    assert last.history_change_reason == "Imported from theirs.json"
    # Taking theirs on request:
    report = dataset_import(data=json.dumps(objects), prefer_incoming=True)
    ds.battle.refresh_from_db()
    assert ds.battle.fatalities == 14 and report.conflicting["event"] == 1


def test_candidate_here_verified_there_takes_the_verdict(ds):
    objects = json.loads(everything())
    for o in objects:
        if o["model"] == "timeline.event" and o["pk"] == ds.shelling.pk:
            o["fields"]["status"] = "verified"
    report = dataset_import(data=json.dumps(objects))
    ds.shelling.refresh_from_db()
    assert ds.shelling.status == "verified" and report.updated["event"] == 1


def test_dry_run_reports_and_writes_nothing(ds):
    objects = json.loads(everything())
    objects.append(
        {"model": "timeline.publisher", "pk": 77, "fields": {"name": "New Paper",
         "reliability": "C", "url": ""}}
    )  # fmt: skip
    before = snapshot()
    report = dataset_import(data=json.dumps(objects), dry_run=True)
    assert report.added["publisher"] == 1 and report.dry_run
    assert snapshot() == before


# --- refusals: one clear message, nothing changed --------------------------------------------


def _mutate(ds, fn) -> bytes:
    objects = json.loads(everything())
    fn(objects)
    return json.dumps(objects).encode()


def _first(objects, label):
    return next(o for o in objects if o["model"] == label)


def _with(label: str, **fields):
    """A file maker: the whole export, with ``fields`` of its first ``label`` row changed."""
    return lambda ds: _mutate(ds, lambda o: _first(o, label)["fields"].update(fields))


BAD_FILES = {
    "truncated": (lambda ds: everything().encode()[:-40], "not valid JSON"),
    "not json": (lambda ds: b"model,pk\nevent,1\n", "not valid JSON"),
    "empty": (lambda ds: b"", "empty"),
    "not utf-8": (lambda ds: b'[{"model": "timeline.publisher\xff"}]', "not UTF-8"),
    "not a list": (lambda ds: b'{"model": "timeline.event"}', "not a list"),
    "deeply nested": (lambda ds: b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
    "nested fields": (_with("timeline.event", headline={"a": [[[[1]]]]}), "nested too deeply"),
    "auth.user": (
        lambda ds: json.dumps([{"model": "auth.user", "pk": 1, "fields": {
            "username": "evil", "is_superuser": True, "password": "x"}}]).encode(),
        "'auth.user' is not allowed",
    ),
    "history rows": (
        lambda ds: json.dumps([{"model": "timeline.historicalevent", "pk": 1,
                                "fields": {}}]).encode(),
        "is not allowed",
    ),
    "wrong type": (
        _with("timeline.event", fatalities="many"),
        "fatalities: must be a whole number",
    ),
    "bad choice": (_with("timeline.event", event_type="picnic"), "event_type"),
    "bad date": (_with("timeline.event", date_start="2015-02-30"), "date_start"),
    "dates reversed": (
        _with("timeline.event", date_start="2016-01-01"),
        "event_date_end_after_start",
    ),
    "dates unpaired": (_with("timeline.event", date_end=None), "event_dates_paired"),
    "coordinates unpaired": (_with("timeline.place", longitude=None), "place_coordinates_paired"),
    "published without basis": (
        _with("timeline.article", published_basis="unknown"),
        "article_published_has_basis",
    ),
    "unknown field": (_with("timeline.actor", is_superuser=True), "unknown field 'is_superuser'"),
    "dangling reference": (_with("timeline.excerpt", article=4242), "not in the file"),
    "quote not the body slice": (
        _with("timeline.excerpt", quote="Something the article never said."),
        "the quote is not the text of article",
    ),
    "duplicate natural key": (
        lambda ds: _mutate(ds, lambda o: o.append(
            {**_first(o, "timeline.publisher"), "pk": 555})),
        "appears twice",
    ),
    "actor cycle": (
        lambda ds: _mutate(ds, lambda o: [
            a["fields"].update(parent=next(
                b["pk"] for b in o if b["model"] == "timeline.actor"
                and b["fields"]["name"] == "Kataib Hezbollah"))
            for a in o if a["model"] == "timeline.actor"
            and a["fields"]["name"] == "Popular Mobilization Forces"]),
        "cycle",
    ),
    "place within a place not in the file": (
        _with("timeline.place", within=4242),
        "within refers to timeline.place 4242, which is not in the file",
    ),
    "place within itself": (
        lambda ds: _mutate(ds, lambda o: _first(o, "timeline.place")["fields"].update(
            within=_first(o, "timeline.place")["pk"])),
        "constraint “place_not_within_itself” is violated",
    ),
    "places within each other": (
        lambda ds: _mutate(ds, lambda o: [
            a["fields"].update(within=b["pk"])
            for a, b in itertools.permutations(
                [p for p in o if p["model"] == "timeline.place"][:2])]),
        "the places it lies within form a cycle",
    ),
    "hash not of the body": (
        _with("timeline.article", content_hash="0" * 64),
        "content_hash is not the sha256 of the body",
    ),
    "another body under our hash": (
        _with("timeline.article", body="Different words entirely, same hash claimed."),
        "content_hash is not the sha256 of the body",
    ),
    "missing pk": (
        lambda ds: _mutate(ds, lambda o: _first(o, "timeline.place").pop("pk")),
        "pk must be a positive whole number",
    ),
}  # fmt: skip


@pytest.mark.parametrize("case", list(BAD_FILES))
def test_malformed_or_hostile_files_refused_without_change(ds, case):
    make, message = BAD_FILES[case]
    data = make(ds)
    before = snapshot()
    with pytest.raises(ImportRefused) as info:
        dataset_import(data=data)
    assert message in str(info.value)
    assert snapshot() == before


def test_size_limit(ds, settings):
    settings.TIMELINE_MAX_IMPORT_BYTES = 1000
    before = snapshot()
    with pytest.raises(ImportRefused, match="the limit is 1,000 bytes"):
        dataset_import(data=everything().encode())
    assert snapshot() == before


def test_a_failure_while_writing_rolls_everything_back(ds, monkeypatch):
    """All or nothing: a row failing late (here: a forced error on the excerpts) undoes the
    publishers, actors and events written before it."""
    objects = json.loads(everything())
    objects.append(
        {"model": "timeline.publisher", "pk": 77, "fields": {"name": "New Paper",
         "reliability": "C", "url": ""}}
    )  # fmt: skip
    before = snapshot()
    from timeline.services import imports

    real = imports._Writer.apply

    def boom(self, label, rows, values, existing):
        if label == "timeline.excerpt":
            raise RuntimeError("disk full")
        return real(self, label, rows, values, existing)

    monkeypatch.setattr(imports._Writer, "apply", boom)
    with pytest.raises(RuntimeError):
        dataset_import(data=json.dumps(objects))
    assert snapshot() == before


# --- the command -----------------------------------------------------------------------------


def test_import_events_command(ds, tmp_path, capsys):
    path = tmp_path / "data.json"
    path.write_text(everything(), encoding="utf-8")
    empty_database()
    out = _call("import_events", str(path))
    assert "0 updated" in out and "added" in out
    assert Event.objects.count() == 6
    out = _call("import_events", str(path))
    assert "0 added, 0 updated" in out


def test_import_events_command_refuses_bad_file(ds, tmp_path):
    path = tmp_path / "bad.json"
    path.write_text('[{"model": "auth.user", "pk": 1, "fields": {}}]', encoding="utf-8")
    before = snapshot()
    with pytest.raises(CommandError, match="import refused, nothing changed"):
        _call("import_events", str(path))
    with pytest.raises(CommandError, match="no such file"):
        _call("import_events", str(tmp_path / "missing.json"))
    assert snapshot() == before


def _call(*args: str) -> str:
    import io

    buf = io.StringIO()
    call_command(*args, stdout=buf)
    return buf.getvalue()


def test_new_rows_after_an_import_get_free_ids(ds):
    """Imported rows keep their file ids when free; the id counter must move past them
    (PostgreSQL sequences do not by themselves), or the next insert would collide."""
    objects = shifted_ids(json.loads(everything()), 1)
    empty_database()
    dataset_import(data=json.dumps(objects))
    top = max(o["pk"] for o in objects if o["model"] == "timeline.event")
    assert Event.objects.filter(pk=top).exists()
    new = Event.objects.create(headline="Added after the import", event_type="battles")
    assert new.pk > top


def test_round_trip_of_the_shipped_seed_dataset(db, tmp_path):
    """The curated seed (fixtures/seed.json, loaded by bootstrap) survives export → empty
    database → import → export unchanged, in every format."""
    from django.conf import settings  # the module name, not the pytest fixture

    seed = settings.BASE_DIR / "fixtures" / "seed.json"
    if not seed.exists():
        pytest.skip("fixtures/seed.json not built yet")
    call_command("loaddata", str(seed), verbosity=0)
    assert Event.objects.exists()
    first = everything()
    public = {
        f: exports.export_to_string(f, selectors.event_list(params={})) for f in exports.FORMATS
    }
    empty_database()
    report = dataset_import(data=first.encode(), source_name="seed-export.json")
    assert report.totals()["added"] == len(json.loads(first))
    assert strip_times(everything()) == strip_times(first)
    for fmt, before in public.items():
        after = exports.export_to_string(fmt, selectors.event_list(params={}))
        assert (
            (strip_times(after) == strip_times(before)) if fmt == "fixture" else (after == before)
        ), fmt
    again = dataset_import(data=first.encode())
    assert again.totals()["added"] == again.totals()["updated"] == 0


def test_place_matching_query_count_does_not_grow_with_the_places(db):
    def places(n: int) -> bytes:
        rows = [
            {
                "model": "timeline.place",
                "pk": i + 1,
                "fields": {"name": f"Town {i}", "slug": f"town-{i}", "country": "Iraq"},
            }
            for i in range(n)
        ]
        return json.dumps(rows).encode()

    def count(n: int) -> int:
        Place.objects.all().delete()
        with CaptureQueriesContext(connection) as ctx:
            report = dataset_import(data=places(n), dry_run=True)
        assert report.added["place"] == n
        return len(ctx.captured_queries)

    assert count(20) == count(2)


# --- places within places --------------------------------------------------------------------


def put_protest_in_tahrir_square(ds) -> None:
    """The protest at a square in Baghdad (no point of its own), the week at a stall in it."""
    tahrir = Place.objects.create(
        name="Tahrir Square (Baghdad)", slug="tahrir", country="Iraq", within=ds.baghdad
    )
    stall = Place.objects.create(name="A stall (Tahrir Square)", slug="stall", within=tahrir)
    Event.objects.filter(pk=ds.protest.pk).update(place=tahrir)
    Event.objects.filter(pk=ds.week.pk).update(place=stall)


def within_links() -> set[tuple[str, str | None]]:
    return set(Place.objects.values_list("slug", "within__slug"))


def test_round_trip_keeps_the_places_within_places(ds):
    put_protest_in_tahrir_square(ds)
    first = everything()
    links = within_links()
    assert ("stall", "tahrir") in links and ("tahrir", "baghdad") in links
    empty_database()
    report = dataset_import(data=first.encode())
    assert report.totals()["conflicting"] == 0
    assert within_links() == links
    assert strip_times(everything()) == strip_times(first)


def test_places_within_places_import_whatever_their_order_in_the_file(ds):
    put_protest_in_tahrir_square(ds)
    objects = shifted_ids(json.loads(everything()), 1000)
    objects.sort(key=lambda o: (o["model"] != "timeline.place", -o["pk"]))  # the stall first
    links = within_links()
    empty_database()
    dataset_import(data=json.dumps(objects))
    assert within_links() == links


def test_a_within_fills_ours_when_empty_and_a_differing_one_is_a_conflict(ds):
    put_protest_in_tahrir_square(ds)
    data = everything()
    Place.objects.filter(slug="stall").update(within=None)
    Place.objects.filter(slug="tahrir").update(within=ds.tikrit)
    report = dataset_import(data=data)
    assert Place.objects.get(slug="stall").within.slug == "tahrir"  # filled
    assert Place.objects.get(slug="tahrir").within == ds.tikrit  # ours kept
    assert report.conflicting["place"] == 1
    assert "place Tahrir Square (Baghdad), Iraq: within_id differ (kept ours)" in report.conflicts


def test_a_file_from_before_places_lay_within_others_still_imports(ds):
    objects = json.loads(everything())
    for o in objects:
        if o["model"] == "timeline.place":
            del o["fields"]["within"]
    empty_database()
    report = dataset_import(data=json.dumps(objects))
    assert report.added["place"] == 2
    assert Place.objects.filter(within__isnull=False).count() == 0


def test_a_within_that_would_close_a_loop_with_ours_is_refused(ds):
    put_protest_in_tahrir_square(ds)
    data = json.loads(everything())
    # Here Baghdad was put inside the stall (behind validation's back), and Tahrir Square
    # left blank: the file fills it and would close the loop Baghdad < stall < Tahrir < Baghdad.
    Place.objects.filter(slug="tahrir").update(within=None)
    Place.objects.filter(slug="baghdad").update(within=Place.objects.get(slug="stall"))
    before = snapshot()
    with pytest.raises(ImportRefused) as info:
        dataset_import(data=json.dumps(data))
    assert "would make it lie within itself" in str(info.value)
    assert snapshot() == before
