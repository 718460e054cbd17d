"""Each export format checked against its format, on a known dataset."""

from __future__ import annotations

import csv
import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.http import StreamingHttpResponse
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import excerpt
from timeline import exports, selectors
from timeline.filters import FILTER_PARAMS
from timeline.management.commands import export_events
from timeline.models import (
    Actor,
    Article,
    Event,
    EventActor,
    EventStatus,
    Excerpt,
    Place,
    Publisher,
)

pytestmark = pytest.mark.django_db


def export(fmt: str, params: dict | None = None, include_unverified: bool = False) -> str:
    qs = selectors.event_list(params=params or {}, include_unverified=include_unverified)
    return exports.export_to_string(fmt, qs)


def test_csv_columns_exactly_and_values(ds):
    rows = list(csv.reader(io.StringIO(export("csv"))))
    assert rows[0] == [
        "event_id_cnty", "event_date", "time_precision", "event_type", "actor1", "actor2",
        "assoc_actor_1", "country", "admin1", "location", "latitude", "longitude",
        "geo_precision", "source", "notes", "fatalities", "date_start", "date_end",
        "date_precision", "excerpt", "article_url", "credibility", "status", "within",
    ]  # fmt: skip
    records = {r["event_id_cnty"]: r for r in csv.DictReader(io.StringIO(export("csv")))}
    # Verified only: battle, protest, week (not the candidates nor the rejected one).
    assert set(records) == {f"IRQ{ds.battle.pk}", f"XXX{ds.protest.pk}", f"IRQ{ds.week.pk}"}
    b = records[f"IRQ{ds.battle.pk}"]
    assert b["event_date"] == "2015-09-01"
    assert b["time_precision"] == "1"
    assert b["event_type"] == "Battles"
    assert b["actor1"] == "Kataib Hezbollah"
    assert b["actor2"] == "Islamic State"
    assert b["assoc_actor_1"] == ""
    assert (b["country"], b["admin1"], b["location"]) == ("Iraq", "Salah ad-Din", "Baiji")
    assert (float(b["latitude"]), float(b["longitude"])) == (34.93, 43.49)
    assert b["geo_precision"] == "2"  # near
    assert b["source"] == "Long War Journal"
    assert b["fatalities"] == "12"
    assert b["excerpt"].startswith("On Tuesday, Kataib Hezbollah")
    assert b["article_url"] == "https://lwj.example/baiji"
    assert (b["credibility"], b["status"]) == ("2", "verified")
    p = records[f"XXX{ds.protest.pk}"]
    assert p["time_precision"] == "3" and p["fatalities"] == "" and p["location"] == ""
    assert (p["date_start"], p["date_end"], p["date_precision"]) == (
        "2015-08-01",
        "2015-08-31",
        "month",
    )
    assert records[f"IRQ{ds.week.pk}"]["time_precision"] == "2"


def test_geojson_feature_collection_of_points(ds):
    doc = json.loads(export("geojson"))
    assert doc["type"] == "FeatureCollection"
    assert len(doc["features"]) == 3
    by_id = {f["id"]: f for f in doc["features"]}
    for f in doc["features"]:
        assert f["type"] == "Feature"
        assert set(f) == {"type", "id", "geometry", "properties"}
        if f["geometry"] is not None:
            assert f["geometry"]["type"] == "Point"
            lon, lat = f["geometry"]["coordinates"]
            assert -180 <= lon <= 180 and -90 <= lat <= 90
    assert by_id[ds.battle.pk]["geometry"]["coordinates"] == [43.49, 34.93]  # lon, lat order
    assert by_id[ds.protest.pk]["geometry"] is None  # no place: kept, not dropped
    props = by_id[ds.battle.pk]["properties"]
    assert props["actors"] == ["Kataib Hezbollah", "Islamic State"]
    assert props["date_start"] == "2015-09-01" and props["sources"] == 1


def test_timelinejs_keys_and_dates(ds):
    doc = json.loads(export("timelinejs"))
    assert set(doc) == {"title", "events"}
    assert len(doc["events"]) == 3
    for slide in doc["events"]:
        assert {"start_date", "text", "group", "unique_id"} <= set(slide)
        assert set(slide["text"]) == {"headline", "text"}
        assert isinstance(slide["start_date"]["year"], int)
    by_id = {s["unique_id"]: s for s in doc["events"]}
    battle = by_id[f"event-{ds.battle.pk}"]
    assert battle["start_date"] == {"year": 2015, "month": 9, "day": 1}
    assert "end_date" not in battle
    assert battle["group"] == "Battles"
    assert "<blockquote>On Tuesday" in battle["text"]["text"]
    protest = by_id[f"event-{ds.protest.pk}"]
    assert protest["start_date"] == {"year": 2015, "month": 8}
    assert protest["end_date"] == {"year": 2015, "month": 8}
    week = by_id[f"event-{ds.week.pk}"]
    assert week["end_date"] == {"year": 2015, "month": 9, "day": 6}
    # Text is HTML in TimelineJS: ours is escaped, not injected.
    assert week["text"]["headline"] == "Road opened &lt;b&gt;near&lt;/b&gt; Baiji"


def test_timelinejs_escapes_quotes_from_articles(ds):
    out = export("timelinejs", {"status": "rejected"}, include_unverified=True)
    text = json.loads(out)["events"]
    assert text == []  # the rejected event has no date: TimelineJS needs one, so it is left out
    ds.noise.date_start = ds.noise.date_end = ds.battle.date_start
    ds.noise.save()
    slide = json.loads(export("timelinejs", {"status": "rejected"}, include_unverified=True))[
        "events"
    ][0]
    assert "<script>" not in slide["text"]["text"]
    assert "&lt;script&gt;" in slide["text"]["text"]


def test_jsonl_keys(ds):
    lines = export("jsonl").splitlines()
    assert len(lines) == 3
    records = [json.loads(line) for line in lines]
    extract_keys = {
        "date_start", "date_end", "date_precision", "date_basis", "place", "country",
        "latitude", "longitude", "actors", "event_type", "fatalities", "excerpt", "article",
    }  # fmt: skip
    for r in records:
        assert extract_keys | {"id", "excerpts"} <= set(r)
        assert set(r["article"]) == {"title", "publisher", "published"}
        for ex in r["excerpts"]:
            assert set(ex) == {"quote", "start", "end", "article"}
    battle = next(r for r in records if r["id"] == ds.battle.pk)
    assert battle["article"] == {
        "title": "Militias push on Baiji",
        "publisher": "Long War Journal",
        "published": "2015-09-04",
    }
    ex = battle["excerpts"][0]
    assert ds.a1.body[ex["start"] : ex["end"]] == ex["quote"]


def test_fixture_loads_with_loaddata(ds, tmp_path):
    path = tmp_path / "events.json"
    path.write_text(export("fixture", include_unverified=True), encoding="utf-8")
    objects = json.loads(path.read_text())
    counts_before = {
        label: sum(1 for o in objects if o["model"] == label)
        for label in {o["model"] for o in objects}
    }
    assert counts_before["timeline.event"] == 6
    assert counts_before["timeline.actor"] == 3  # PMF comes along as Kataib Hezbollah's parent
    for model in (Excerpt, EventActor, Event, Article, Actor, Place, Publisher):
        model.objects.all().delete()
    call_command("loaddata", str(path), verbosity=0)
    assert Event.objects.count() == 6
    assert Excerpt.objects.count() == 6
    assert Article.objects.get(pk=ds.a1.pk).body == ds.a1.body
    assert Actor.objects.get(name="Kataib Hezbollah").parent.name == "Popular Mobilization Forces"
    # Tikrit is referenced only by a candidate; Baghdad by nothing: not exported.
    assert set(Place.objects.values_list("slug", flat=True)) == {"baiji", "tikrit"}


def protest_in_tahrir_square(ds) -> Place:
    """The protest moved to a square the extractor found in Baghdad: no point of its own."""
    tahrir = Place.objects.create(
        name="Tahrir Square (Baghdad)",
        slug="tahrir-square-baghdad",
        country="Iraq",
        admin1="Baghdad",
        kind="site",
        within=ds.baghdad,
    )
    ds.protest.place = tahrir
    ds.protest.save()
    return tahrir


def test_csv_names_the_place_an_event_place_lies_within(ds):
    protest_in_tahrir_square(ds)
    records = {r["event_id_cnty"]: r for r in csv.DictReader(io.StringIO(export("csv")))}
    p = records[f"IRQ{ds.protest.pk}"]
    assert (p["location"], p["within"]) == ("Tahrir Square (Baghdad)", "Baghdad")
    # Its own coordinates: none (the map's stand-in point is the GeoJSON's, which says so).
    assert (p["latitude"], p["longitude"]) == ("", "")
    assert records[f"IRQ{ds.battle.pk}"]["within"] == ""


def test_geojson_draws_a_place_without_a_point_at_the_place_it_lies_within(ds):
    protest_in_tahrir_square(ds)
    by_id = {f["id"]: f for f in json.loads(export("geojson"))["features"]}
    protest = by_id[ds.protest.pk]
    assert protest["geometry"] == {
        "type": "Point",
        "coordinates": [ds.baghdad.longitude, ds.baghdad.latitude],
    }
    props = protest["properties"]
    assert (props["place"], props["within"], props["located_by"]) == (
        "Tahrir Square (Baghdad)",
        "Baghdad",
        "Baghdad",
    )
    battle = by_id[ds.battle.pk]["properties"]
    assert battle["within"] is None and battle["located_by"] is None  # its own point


def test_geojson_of_a_place_inside_one_not_located_has_no_geometry(ds):
    village = Place.objects.create(name="Kharzam", slug="kharzam", country="Syria")
    well = Place.objects.create(name="The well (Kharzam)", slug="well", within=village)
    ds.protest.place = well
    ds.protest.save()
    protest = next(f for f in json.loads(export("geojson"))["features"] if f["id"] == ds.protest.pk)
    assert protest["geometry"] is None
    assert protest["properties"]["within"] == "Kharzam"
    assert protest["properties"]["located_by"] is None


def test_jsonl_names_the_place_an_event_place_lies_within(ds):
    protest_in_tahrir_square(ds)
    records = {r["id"]: r for r in map(json.loads, export("jsonl").splitlines())}
    protest = records[ds.protest.pk]
    assert (protest["place"], protest["within"]) == ("Tahrir Square (Baghdad)", "Baghdad")
    assert protest["latitude"] is None  # its own, as the extractor gives them
    assert records[ds.battle.pk]["within"] is None


def test_fixture_brings_the_places_event_places_lie_within(ds, tmp_path):
    tahrir = protest_in_tahrir_square(ds)
    stall = Place.objects.create(name="A stall (Tahrir Square)", slug="stall", within=tahrir)
    ds.week.place = stall
    ds.week.save()
    objects = json.loads(export("fixture"))
    places = [o for o in objects if o["model"] == "timeline.place"]
    # Baghdad has no event of its own here but comes along, before what lies within it.
    assert [o["fields"]["slug"] for o in places] == [
        "baiji",
        "baghdad",
        "tahrir-square-baghdad",
        "stall",
    ]
    assert places[2]["fields"]["within"] == ds.baghdad.pk
    path = tmp_path / "events.json"
    path.write_text(json.dumps(objects), encoding="utf-8")
    for model in (Excerpt, EventActor, Event, Article, Actor, Place, Publisher):
        model.objects.all().delete()
    call_command("loaddata", str(path), verbosity=0)
    assert Place.objects.get(slug="stall").within.within.name == "Baghdad"


def test_fixture_of_a_filter_holds_only_what_it_needs(ds):
    objects = json.loads(export("fixture", {"type": "protests"}))
    models = sorted({o["model"] for o in objects})
    assert models == [
        "timeline.article",
        "timeline.event",
        "timeline.excerpt",
        "timeline.publisher",
    ]
    assert [o["pk"] for o in objects if o["model"] == "timeline.event"] == [ds.protest.pk]


def test_export_reads_a_fixed_number_of_queries(ds, django_assert_max_num_queries):
    """Prefetching in chunks: the query count does not grow with the number of events."""

    def count(fmt: str) -> int:
        with CaptureQueriesContext(connection) as ctx:
            export(fmt, include_unverified=True)
        return len(ctx.captured_queries)

    small = {fmt: count(fmt) for fmt in exports.FORMATS}
    for i in range(30):
        e = Event.objects.create(headline=f"extra {i}", event_type="battles", status="verified")
        excerpt(e, ds.a1, "The next day, Islamic State shelled Tikrit.")
    large = {fmt: count(fmt) for fmt in exports.FORMATS}
    assert large == small


# --- the download view and the command -------------------------------------------------------


def streamed(response) -> str:
    assert isinstance(response, StreamingHttpResponse)
    return b"".join(response.streaming_content).decode("utf-8")


def test_download_matches_the_selector_for_the_same_query_string(ds, client):
    r = client.get("/export/csv/?type=battles&actor=kataib-hezbollah")
    assert r.status_code == 200
    assert r["Content-Type"].startswith("text/csv")
    assert 'attachment; filename="conflict-timeline-csv-' in r["Content-Disposition"]
    body = streamed(r)
    assert body == export("csv", {"type": "battles", "actor": "kataib-hezbollah"})
    assert len(body.strip().splitlines()) == 2  # header + the verified battle


@pytest.mark.parametrize("fmt", list(exports.FORMATS))
def test_every_format_downloads(ds, client, fmt):
    r = client.get(reverse("exports:download", args=[fmt]))
    assert r.status_code == 200
    assert streamed(r) == export(fmt)


def test_download_refuses_unknown_format_and_bad_filters(ds, client):
    assert client.get("/export/xlsx/").status_code == 400
    r = client.get("/export/csv/?start=not-a-date")
    assert r.status_code == 400
    assert b"Invalid filters" in r.content


def test_readers_never_get_candidates_staff_do(ds, client, curator):
    anon = streamed(client.get("/export/jsonl/?status=candidate"))
    assert {json.loads(x)["status"] for x in anon.splitlines()} == {EventStatus.VERIFIED}
    client.force_login(curator)
    staff = streamed(client.get("/export/jsonl/?status=candidate"))
    ids = {json.loads(x)["id"] for x in staff.splitlines()}
    assert ids == {ds.battle_dup.pk, ds.shelling.pk}


def test_command_takes_the_same_filters(ds, tmp_path):
    out = tmp_path / "x.csv"
    call_command(
        "export_events", "--format", "csv", "--query", "type=battles", "--actor",
        "kataib-hezbollah", "--output", str(out),
    )  # fmt: skip
    with open(out, encoding="utf-8", newline="") as fh:
        written = fh.read()
    assert written == export("csv", {"type": "battles", "actor": "kataib-hezbollah"})
    buf = io.StringIO()
    call_command("export_events", "--format", "geojson", "--type", "protests", stdout=buf)
    doc = json.loads(buf.getvalue())
    assert [f["id"] for f in doc["features"]] == [ds.protest.pk]


def test_command_refuses_bad_filters(ds):
    with pytest.raises(CommandError, match="Invalid filters"):
        call_command("export_events", "--format", "csv", "--query", "start=2015-13-45")


def test_command_has_an_option_for_every_explorer_filter():
    options = {*export_events.SINGLE, *export_events.MULTI, "members"}
    assert options == set(FILTER_PARAMS)


def test_csv_text_cells_cannot_run_as_spreadsheet_formulas():
    from timeline.exports import csv_safe

    row = csv_safe(
        {
            "notes": '=HYPERLINK("http://x")',
            "excerpt": "@SUM(A1)",
            "fatalities": 5,
            "longitude": -5.5,
            "location": "Mosul",
        }
    )
    assert row["notes"] == '\'=HYPERLINK("http://x")'
    assert row["excerpt"] == "'@SUM(A1)"
    assert row["fatalities"] == 5 and row["longitude"] == -5.5 and row["location"] == "Mosul"
