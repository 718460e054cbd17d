"""Model invariants that the database or save() enforces."""

import pytest
from django.db import IntegrityError, transaction

from timeline.models import Article, Event, EventType, Excerpt, Place


def test_place_label_names_the_country_once():
    assert str(Place(name="Mosul", country="Iraq")) == "Mosul, Iraq"
    assert str(Place(name="Iraq", country="Iraq")) == "Iraq"
    assert str(Place(name="Somewhere")) == "Somewhere"


@pytest.mark.django_db
def test_event_end_before_start_is_refused_by_the_database():
    import datetime as dt

    with pytest.raises(IntegrityError), transaction.atomic():
        Event.objects.create(
            headline="x",
            event_type=EventType.BATTLES,
            date_start=dt.date(2016, 10, 2),
            date_end=dt.date(2016, 10, 1),
        )


@pytest.mark.django_db
def test_excerpt_quote_must_equal_the_article_slice():
    from django.core.exceptions import ValidationError

    article = Article.objects.create(
        title="t", body="ISIS attacked Baiji on Tuesday.", content_hash="h"
    )
    event = Event.objects.create(headline="x", event_type=EventType.BATTLES)
    Excerpt.objects.create(event=event, article=article, start=0, end=20, quote=article.body[0:20])
    with pytest.raises(ValidationError):
        Excerpt.objects.create(event=event, article=article, start=0, end=5, quote="Daesh")
    assert Excerpt.objects.count() == 1


def test_place_full_label_names_each_part_once():
    assert (
        Place(name="Haditha", admin1="Anbar", country="Iraq").full_label == "Haditha, Anbar, Iraq"
    )
    assert Place(name="Karbala", admin1="Karbala", country="Iraq").full_label == "Karbala, Iraq"
    assert Place(name="Iraq", country="Iraq").full_label == "Iraq"
