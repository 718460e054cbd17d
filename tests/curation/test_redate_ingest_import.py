"""Re-dating after a publication-date change; ingest and import uploads in the admin."""

from __future__ import annotations

import json
import re
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from timeline import exports, selectors
from timeline.extraction.temporal import tag, to_date_range
from timeline.extraction.types import ArticleText, CandidateEvent, Evidence
from timeline.models import Article, DateBasis, Event, EventStatus
from timeline.services import curation

pytestmark = pytest.mark.django_db
SENTENCE = re.compile(r"[^.\n][^.\n]*\.")


def sentence_extractor(text, *, origin_file="", published=None):
    """A stand-in for the pipeline: one candidate per sentence, dated by the real temporal
    tagger run over the whole text (so "the next day" follows the narrative)."""
    article = ArticleText(title=text.splitlines()[0], body=text, published=published)
    timexes = tag(text, published) if published else []
    candidates = []
    for m in SENTENCE.finditer(text):
        quote = m.group().strip()
        start = text.index(quote, m.start())
        inside = [t for t in timexes if start <= t.start < start + len(quote)]
        dr = to_date_range(inside[0]) if inside else None
        candidates.append(
            CandidateEvent(
                article=article,
                evidence=Evidence(start, start + len(quote), quote),
                headline=quote[:60],
                event_type="battles",
                date=dr,
                place=None,
            )
        )
    return [article], candidates


@pytest.fixture
def extractor(monkeypatch):
    monkeypatch.setattr(curation, "_extract", sentence_extractor)


def article_post(client, article, **changes):
    url = reverse("admin:timeline_article_change", args=[article.pk])
    page = client.get(url)
    form = page.context["adminform"].form
    data = {k: ("" if v is None else v) for k, v in form.initial.items() if k in form.fields}
    data["published"] = article.published.isoformat() if article.published else ""
    data.update(changes)
    return client.post(url, data, follow=True)


def test_new_publication_date_redates_candidates_and_reports(ds, cclient, curator, extractor):
    r = article_post(cclient, ds.a1, published="2015-09-11")
    assert r.status_code == 200
    messages = [str(m) for m in r.context["messages"]]
    ds.a1.refresh_from_db()
    assert ds.a1.published == date(2015, 9, 11)
    assert ds.a1.published_basis == DateBasis.CURATOR  # the curator set it
    ds.shelling.refresh_from_db()
    ds.battle.refresh_from_db()
    # "On Tuesday" is now 8 September, so "the next day" is the 9th.
    assert (ds.shelling.date_start, ds.shelling.date_end) == (date(2015, 9, 9), date(2015, 9, 9))
    assert ds.shelling.date_text == "The next day"
    assert ds.battle.date_start == date(2015, 9, 1)  # verified: kept
    assert any("1 event date(s) changed" in m and "verified/rejected kept" in m for m in messages)
    assert any(f"#{ds.shelling.pk}" in m and "2015-09-02 (day) → 2015-09-09 (day)" in m
               for m in messages)  # fmt: skip
    last = ds.shelling.history.first()
    assert last.history_user == curator and last.history_change_reason.startswith("Re-dated")


def test_curator_may_redate_verified_events_too(ds, cclient, extractor):
    article_post(cclient, ds.a1, published="2015-09-11", redate_verified="on")
    ds.battle.refresh_from_db()
    assert ds.battle.date_start == date(2015, 9, 8)
    assert ds.battle.status == EventStatus.VERIFIED


def test_unchanged_date_redates_nothing(ds, cclient, extractor):
    before = ds.shelling.history.count()
    article_post(cclient, ds.a1, title="Militias push on Baiji (corrected title)")
    assert ds.shelling.history.count() == before


def test_extractor_failure_keeps_the_edit_and_says_so(ds, cclient, monkeypatch):
    def broken(*a, **k):
        raise RuntimeError("pipeline down")

    monkeypatch.setattr(curation, "_extract", broken)
    r = article_post(cclient, ds.a1, published="2015-09-11")
    ds.a1.refresh_from_db()
    assert ds.a1.published == date(2015, 9, 11)
    assert any("could not be re-resolved" in str(m) for m in r.context["messages"])


def test_absolute_and_hand_edited_dates_do_not_move(ds, extractor):
    """Only dates that depend on the publication date are re-resolved: "Sept. 1" stays, and
    a verified "last month" stays unless the curator asks."""
    ds.battle_dup.date_start = ds.battle_dup.date_end = date(2015, 8, 30)  # a curator's fix
    ds.battle_dup.save()
    report = curation.article_set_published(article=ds.a2, published=date(2015, 10, 5))
    ds.protest.refresh_from_db()
    assert (ds.protest.date_start, ds.protest.date_end) == (date(2015, 8, 1), date(2015, 8, 31))
    assert report.changes == [] and report.kept_verified == 1  # the protest
    curation.article_set_published(article=ds.a2, published=date(2015, 9, 5))  # undo
    report = curation.article_set_published(
        article=ds.a2, published=date(2015, 10, 5), include_verified=True
    )
    ds.protest.refresh_from_db()
    ds.battle_dup.refresh_from_db()
    assert (ds.protest.date_start, ds.protest.date_end) == (date(2015, 9, 1), date(2015, 9, 30))
    assert ds.battle_dup.date_start == date(2015, 8, 30)  # absolute: never moves
    assert [c.event_id for c in report.changes] == [ds.protest.pk]


def test_a_date_set_by_hand_is_never_moved_but_reported(ds, cclient, extractor):
    ds.shelling.date_start = ds.shelling.date_end = date(2015, 9, 3)  # a curator's fix
    ds.shelling.save()
    r = article_post(cclient, ds.a1, published="2015-09-11", redate_verified="on")
    ds.shelling.refresh_from_db()
    assert ds.shelling.date_start == date(2015, 9, 3)
    assert any(f"dated by hand and kept — check them: #{ds.shelling.pk}" in str(m)
               for m in r.context["messages"])  # fmt: skip


def test_service_sets_date_and_basis(ds, extractor):
    report = curation.article_set_published(article=ds.a1, published=None)
    ds.a1.refresh_from_db()
    assert ds.a1.published is None and ds.a1.published_basis == DateBasis.UNKNOWN
    # No publication date: a relative date cannot be resolved, the candidate loses its date.
    ds.shelling.refresh_from_db()
    assert ds.shelling.date_start is None and ds.shelling.date_precision == "unknown"
    assert [c.event_id for c in report.changes] == [ds.shelling.pk]


def test_redate_with_the_real_pipeline(ds):
    pytest.importorskip("timeline.extraction.pipeline")
    from timeline.services.ingest import Source, sources_ingest

    text = (
        b"Title: Fighting near Baiji\nPublisher: Test Wire\n\n"
        b"Islamic State fighters attacked an Iraqi army post near Baiji on Tuesday, "
        b"killing 12 soldiers.\n"
    )
    report = sources_ingest(sources=[Source("t.txt", text)], published=date(2015, 9, 4))
    assert not report.errors
    article = Article.objects.get(title="Fighting near Baiji")
    events = list(Event.objects.filter(excerpts__article=article, status="candidate"))
    dated = [e for e in events if e.date_start == date(2015, 9, 1)]
    if not dated:
        pytest.skip("the pipeline proposed no event dated by 'on Tuesday'")
    curation.article_set_published(article=article, published=date(2015, 9, 11))
    for e in dated:
        e.refresh_from_db()
        assert e.date_start == date(2015, 9, 8)


# --- ingest from the admin --------------------------------------------------------------------


def fake_pipeline(text, *, origin_file, published):
    return sentence_extractor(text, published=published or date(2016, 1, 1))


@pytest.fixture
def fake_ingest(monkeypatch):
    from timeline.services import ingest

    monkeypatch.setattr(ingest, "_extract", fake_pipeline)
    monkeypatch.setattr(ingest, "_merge", lambda cands: [[c] for c in cands])


def test_ingest_upload_of_several_files(ds, cclient, fake_ingest):
    files = [
        SimpleUploadedFile("one.txt", b"First report\nOn Tuesday, fighters attacked Qadam.\n"),
        SimpleUploadedFile("two.txt", b"Second report\nOn Friday, a convoy was hit.\n"),
    ]
    n = Article.objects.count()
    r = cclient.post(
        reverse("admin:timeline_article_ingest"),
        {"files": files, "published": "2016-10-30"},
        follow=True,
    )
    assert r.status_code == 200
    assert Article.objects.count() == n + 2
    report = r.context["report"]
    assert report.counts["articles"]["inserted"] == 2 and not report.errors
    assert ("articles", [2, 0, 0] + [0] * (len(r.context["outcomes"]) - 3)) in r.context[
        "report_rows"
    ]
    e = Event.objects.get(excerpts__quote="On Friday, a convoy was hit.")
    assert e.status == EventStatus.CANDIDATE and e.date_start == date(2016, 10, 28)


def test_ingest_pasted_text_with_metadata(ds, cclient, fake_ingest):
    r = cclient.post(
        reverse("admin:timeline_article_ingest"),
        {"text": "Militias advance\nOn Monday, militias advanced.", "title": "Militias advance",
         "publisher": "Test Wire", "published": "2016-10-30"},
    )  # fmt: skip
    assert r.status_code == 200 and not r.context["report"].errors
    article = Article.objects.get(body__contains="On Monday, militias advanced.")
    assert article.body.startswith("Title: Militias advance")  # the header block, as in a file


def test_ingest_bad_files_refused_good_ones_kept(ds, cclient, fake_ingest, settings):
    settings.TIMELINE_MAX_ARTICLE_BYTES = 200
    n = Article.objects.count()
    r = cclient.post(
        reverse("admin:timeline_article_ingest"),
        {
            "files": [
                SimpleUploadedFile("empty.txt", b""),
                SimpleUploadedFile("bin.txt", b"\x00\x01\x02binary"),
                SimpleUploadedFile("latin1.txt", "Caf\xe9 attack".encode("latin-1")),
                SimpleUploadedFile("big.txt", b"word " * 100),
                SimpleUploadedFile("good.txt", b"Good report\nOn Tuesday, fighters attacked."),
            ]
        },
    )
    errors = r.context["report"].errors
    assert any(e.startswith("empty.txt: empty file") for e in errors)
    assert any(e.startswith("bin.txt: binary file") for e in errors)
    assert any(e.startswith("latin1.txt: not UTF-8") for e in errors)
    assert any(e.startswith("big.txt: file too large") for e in errors)
    assert Article.objects.count() == n + 1


def test_ingest_needs_something(ds, cclient):
    r = cclient.post(reverse("admin:timeline_article_ingest"), {})
    assert "Upload at least one file or paste some text." in r.content.decode()


# --- import from the admin --------------------------------------------------------------------


def fixture_bytes() -> bytes:
    qs = selectors.event_list(params={}, include_unverified=True)
    return exports.export_to_string("fixture", qs).encode()


def test_import_upload_dry_run_then_import(ds, cclient):
    data = fixture_bytes()
    objects = json.loads(data)
    objects.append(
        {"model": "timeline.publisher", "pk": 900, "fields": {"name": "Elsewhere Gazette",
         "reliability": "C", "url": ""}}
    )  # fmt: skip
    data = json.dumps(objects).encode()
    url = reverse("admin:timeline_event_import")
    r = cclient.post(url, {"file": SimpleUploadedFile("d.json", data), "dry_run": "on"})
    assert r.status_code == 200
    assert r.context["report"].added["publisher"] == 1
    assert "Dry run" in r.content.decode()
    from timeline.models import Publisher

    assert not Publisher.objects.filter(name="Elsewhere Gazette").exists()
    r = cclient.post(url, {"file": SimpleUploadedFile("d.json", data)})
    assert Publisher.objects.filter(name="Elsewhere Gazette").exists()
    assert r.context["report"].totals()["added"] == 1


def test_import_upload_refuses_hostile_file(ds, cclient):
    n = Event.objects.count()
    bad = json.dumps([{"model": "auth.user", "pk": 1, "fields": {"username": "x"}}]).encode()
    r = cclient.post(
        reverse("admin:timeline_event_import"), {"file": SimpleUploadedFile("evil.json", bad)}
    )
    html = r.content.decode()
    assert "Import refused, nothing changed" in html
    assert "&#x27;auth.user&#x27; is not allowed" in html
    assert Event.objects.count() == n
    from django.contrib.auth import get_user_model

    assert not get_user_model().objects.filter(username="x").exists()
