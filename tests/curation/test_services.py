"""The curation services on their own: edge cases the admin tests do not reach."""

from __future__ import annotations

from datetime import date

import pytest

from tests.factories import excerpt
from timeline.models import Article, Event, Excerpt
from timeline.services import curation

pytestmark = pytest.mark.django_db


def test_event_review_validates_before_writing(ds):
    before = ds.shelling.history.count()
    with pytest.raises(curation.CurationError, match="event_date_end_after_start|date"):
        curation.event_review(event=ds.shelling, changes={"date_end": date(2015, 1, 1)})
    with pytest.raises(curation.CurationError, match="Cannot edit: fingerprint"):
        curation.event_review(event=ds.shelling, changes={"fingerprint": "x"})
    ds.shelling.refresh_from_db()
    assert ds.shelling.date_end == date(2015, 9, 2)
    assert ds.shelling.history.count() == before


def test_event_review_refuses_unknown_status_before_touching_the_event(ds):
    event = ds.shelling
    with pytest.raises(curation.CurationError, match="Unknown status 'approved'"):
        curation.event_review(event=event, changes={"headline": "Edited"}, status="approved")
    # The caller's object is left as it was, not half-edited, and nothing was written.
    assert event.headline == "Islamic State shells Tikrit"
    event.refresh_from_db()
    assert event.headline == "Islamic State shells Tikrit"


def test_event_review_without_change_writes_nothing(ds):
    before = ds.shelling.history.count()
    assert (
        curation.event_review(event=ds.shelling, changes={"headline": ds.shelling.headline}) == []
    )
    assert ds.shelling.history.count() == before


def test_set_status_refuses_unknown_status_and_skips_unchanged(ds):
    with pytest.raises(curation.CurationError):
        curation.events_set_status(events=[ds.battle], status="approved")
    assert curation.events_verify(events=[ds.battle, ds.shelling]) == 1


def test_merge_does_not_copy_a_span_twice(ds):
    """Two candidates quoting the same sentence merge into one excerpt, not two."""
    twin = Event.objects.create(headline="twin", event_type="battles", status="candidate")
    excerpt(twin, ds.a1, "The next day, Islamic State shelled Tikrit.")
    report = curation.events_merge(target=ds.shelling, others=[twin])
    assert report.excerpts_added == 0 and report.merged == [twin.pk]
    assert ds.shelling.excerpts.count() == 1


def test_merge_fills_blanks_of_the_target(ds):
    bare = Event.objects.create(headline="bare", event_type="battles", status="candidate")
    excerpt(bare, ds.a2, "Protesters gathered in Baghdad last month to demand services.")
    curation.events_merge(target=bare, others=[ds.battle_dup])
    bare.refresh_from_db()
    assert bare.place == ds.baiji and bare.date_start == date(2015, 9, 1)
    assert bare.excerpts.count() == 2


def test_merge_needs_another_event(ds):
    with pytest.raises(curation.CurationError):
        curation.events_merge(target=ds.battle, others=[ds.battle])


def test_restore_refused_when_the_sentence_was_ingested_again(ds):
    pk = ds.battle.pk
    ds.battle.delete()
    Event.objects.create(headline="re-ingested", event_type="battles", fingerprint="f" * 64)
    with pytest.raises(curation.CurationError, match="same fingerprint"):
        curation.event_restore(event_id=pk)
    assert not Event.objects.filter(pk=pk).exists()


def test_restore_skips_what_can_no_longer_come_back(ds):
    pk = ds.protest.pk  # its only excerpt is in article a2
    ds.protest.delete()
    ds.battle_dup.delete()  # a2's other event, so a2 can be deleted
    Article.objects.filter(pk=ds.a2.pk).delete()
    report = curation.event_restore(event_id=pk)
    assert report.excerpts == 0
    assert any("article was deleted" in s for s in report.skipped)
    assert Event.objects.get(pk=pk).headline == "Protest for services"


def test_restore_skips_an_actor_deleted_since_and_keeps_the_rest(ds):
    pk = ds.week.pk  # PMF is its only actor; its excerpt is in a1
    ds.week.delete()
    ds.battle_dup.delete()  # PMF's other event, so PMF can be deleted
    pmf_pk = ds.pmf.pk
    ds.pmf.delete()
    report = curation.event_restore(event_id=pk)
    assert (report.excerpts, report.actors) == (1, 0)
    assert report.skipped == [f"actor #{pmf_pk} (deleted since)"]
    assert Event.objects.get(pk=pk).excerpts.count() == 1


def test_restore_unknown_or_live_event_refused(ds):
    with pytest.raises(curation.CurationError, match="nothing to restore"):
        curation.event_restore(event_id=ds.battle.pk)
    with pytest.raises(curation.CurationError, match="No deleted event"):
        curation.event_restore(event_id=987654)


def test_restored_excerpt_still_equals_its_article_slice(ds):
    pk = ds.battle.pk
    ds.battle.delete()
    curation.event_restore(event_id=pk)
    ex = Excerpt.objects.get(event_id=pk)
    assert ex.article.body[ex.start : ex.end] == ex.quote


def test_curator_add_user_unknown(db):
    with pytest.raises(curation.CurationError, match="No user named"):
        curation.curator_add_user(username="ghost")


@pytest.mark.parametrize(
    ("published", "given", "date_changed", "expected"),
    [
        (None, "stated", True, "unknown"),  # no date: nothing is known of it
        (date(2015, 9, 5), "inferred", True, "inferred"),  # the basis the person gave
        (date(2015, 9, 5), None, True, "curator"),  # a person changed the date
        (date(2015, 9, 5), None, False, "stated"),  # nothing changed: kept
    ],
)
def test_published_basis_for(published, given, date_changed, expected):
    assert (
        curation.published_basis_for(
            published=published, current="stated", given=given, date_changed=date_changed
        )
        == expected
    )
