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


def test_place_full_label_does_not_repeat_the_city_in_brackets():
    tahrir = Place(name="Tahrir Square (Baghdad)", admin1="Baghdad", country="Iraq")
    assert tahrir.full_label == "Tahrir Square (Baghdad), Iraq"


@pytest.mark.django_db
def test_a_place_may_not_lie_within_itself():
    from django.core.exceptions import ValidationError

    baghdad = Place.objects.create(name="Baghdad", slug="baghdad", country="Iraq")
    baghdad.within = baghdad
    with pytest.raises(ValidationError) as exc:
        baghdad.full_clean()
    assert exc.value.message_dict["within"] == ["A place cannot lie within itself."]
    # ... and the database refuses it from any write path.
    with pytest.raises(IntegrityError), transaction.atomic():
        Place.objects.filter(pk=baghdad.pk).update(within=baghdad)


@pytest.mark.django_db
def test_places_within_each_other_may_not_form_a_loop():
    from django.core.exceptions import ValidationError

    baghdad = Place.objects.create(name="Baghdad", slug="baghdad")
    karrada = Place.objects.create(name="Karrada (Baghdad)", slug="karrada", within=baghdad)
    square = Place.objects.create(name="A square (Karrada)", slug="square", within=karrada)
    square.full_clean()  # a chain is fine
    baghdad.within = square
    with pytest.raises(ValidationError) as exc:
        baghdad.full_clean()
    assert exc.value.message_dict["within"] == [
        "That would make a loop: Baghdad in A square (Karrada) in Karrada (Baghdad) in Baghdad."
    ]


@pytest.mark.django_db
def test_a_place_is_shown_at_the_nearest_located_place_it_lies_within():
    baghdad = Place.objects.create(name="Baghdad", slug="baghdad", latitude=33.3, longitude=44.4)
    karrada = Place.objects.create(name="Karrada (Baghdad)", slug="karrada", within=baghdad)
    square = Place.objects.create(name="A square (Karrada)", slug="square", within=karrada)
    lost = Place.objects.create(name="Kharzam", slug="kharzam")
    assert baghdad.shown_at() == baghdad
    assert square.shown_at() == baghdad
    assert lost.shown_at() is None
    # A loop (made behind validation's back) ends the walk instead of running forever.
    Place.objects.filter(pk=lost.pk).update(within=square)
    Place.objects.filter(pk=baghdad.pk).update(within=lost, latitude=None, longitude=None)
    assert Place.objects.get(pk=square.pk).shown_at() is None
