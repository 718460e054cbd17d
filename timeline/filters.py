"""The one filter the explorer, the map, the list and every export share, parsed from the
query string (DESIGN.md conventions 1 and 7).

Parameter names are part of the public URL contract (links are shared), so they are short and
stable:

``start``, ``end``        ISO dates (YYYY-MM-DD); an event matches when its window
                          [date_start, date_end] overlaps [start, end].
``actor``                 actor slug, repeatable; ``members=1`` also takes in every descendant
                          (a parent such as the PMF with its member militias).
``place``                 place slug, repeatable; takes in the places within it (a square in a
                          city).                        ``country``  country name, repeatable.
``type``                  ACLED event type value, repeatable.
``publisher``             publisher id, repeatable.     ``reliability`` A–F, repeatable.
``credibility``           1–6, repeatable.              ``min_fatalities`` integer ≥ 0.
``q``                     free text over headline, summary and excerpt quotes.
``precision``             date precision value, repeatable.
``status``                event status, repeatable; honoured only for staff (see selectors).

Display state (``lane``, ``sort``, ``page``, ``event``) lives in :class:`DisplayForm`, which is
not a filter: exports ignore it.
"""

from __future__ import annotations

from collections.abc import Iterable

import django_filters
from django import forms
from django.core.validators import ProhibitNullCharactersValidator
from django.db.models import Exists, F, Func, IntegerField, OuterRef, Q, QuerySet

from timeline.models import (
    WITHIN_LEVELS,
    Actor,
    Credibility,
    DatePrecision,
    Event,
    EventActor,
    EventStatus,
    EventType,
    Excerpt,
    Place,
    Publisher,
    Reliability,
    within_path,
)

MAX_TEXT = 200
ISO_DATE = ["%Y-%m-%d"]
# A database cannot store years past 9999 and a reader cannot mean them; refusing early keeps a
# malformed value from reaching date arithmetic in the chart code.
MIN_YEAR, MAX_YEAR = 1900, 2100

FILTER_PARAMS = (
    "start",
    "end",
    "actor",
    "members",
    "place",
    "country",
    "type",
    "publisher",
    "reliability",
    "credibility",
    "min_fatalities",
    "q",
    "precision",
    "status",
)

LANES = {"type": "Event type", "actor": "Actor", "country": "Country"}
# List orders (the column, then "-" for descending); selectors map them to ORDER BY.
SORTS = (
    "date",
    "-date",
    "fatalities",
    "-fatalities",
    "headline",
    "-headline",
    "type",
    "-type",
    "place",
    "-place",
)
MAX_PAGE = 1_000_000


class Unindexed(Func):
    """An integer column written ``+column`` on SQLite (the plain column elsewhere): SQLite's
    documented way to stop its planner from using an index on that column.

    Used where SQLite's choice is measurably wrong at a million events:

    - grouping the map's counts by place (``selectors.map_places``): it walks the place index
      to read the groups in order and so reads every event row when the filter needs a column
      that index lacks (type + min fatalities: 3.2 s -> 0.35 s);
    - the actor filter's EXISTS: with several actors (a coalition and its members) it seeks
      (actor, event) once per actor for every event; on (event) it seeks once and checks the
      event's two or three links (5 actors, all events: 1.8 s -> 1.1 s; one actor: the same).
    """

    template = "%(expressions)s"
    output_field = IntegerField()

    def __init__(self, column: str, **extra):
        super().__init__(F(column), **extra)

    def as_sqlite(self, compiler, connection, **extra_context):
        return self.as_sql(compiler, connection, template="+%(expressions)s", **extra_context)


def actor_descendant_ids(root_ids: Iterable[int]) -> set[int]:
    """``root_ids`` plus every actor below them in the parent tree (one query, cycle-safe)."""
    children: dict[int, list[int]] = {}
    for pk, parent_id in Actor.objects.values_list("pk", "parent_id"):
        if parent_id is not None:
            children.setdefault(parent_id, []).append(pk)
    seen: set[int] = set()
    stack = list(root_ids)
    while stack:
        pk = stack.pop()
        if pk in seen:
            continue
        seen.add(pk)
        stack.extend(children.get(pk, ()))
    return seen


def place_descendant_ids(root_ids: Iterable[int]) -> set[int]:
    """``root_ids`` plus every place that lies within one of them, up to
    :data:`~timeline.models.WITHIN_LEVELS` down: the places whose events the map counts on
    their markers (one query; a loop adds nothing twice)."""
    roots = list(root_ids)
    inside = Q()
    for level in range(WITHIN_LEVELS):
        inside |= Q(**{within_path(level, "within__in"): roots})
    return set(roots) | set(Place.objects.filter(inside).order_by().values_list("pk", flat=True))


class ExplorerFilterForm(forms.Form):
    """Cross-field checks the individual fields cannot make."""

    def clean(self):
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        for name in ("start", "end"):
            value = data.get(name)
            if value and not (MIN_YEAR <= value.year <= MAX_YEAR):
                self.add_error(name, f"Dates must fall between {MIN_YEAR} and {MAX_YEAR}.")
        if start and end and start > end:
            self.add_error("end", "The end date is before the start date.")
        countries = data.get("country") or []
        if countries:
            known = set(
                Place.objects.filter(country__in=countries)
                .values_list("country", flat=True)
                .distinct()
            )
            unknown = [c for c in countries if c not in known]
            if unknown:
                self.add_error("country", f"Unknown country: {', '.join(unknown)}.")
        return data


_NO_NUL = ProhibitNullCharactersValidator()


class _TextListField(forms.MultipleChoiceField):
    """A repeatable free-string parameter validated by the form, not against fixed choices."""

    def validate(self, value) -> None:
        # (a NUL is refused with Django's own message before it can reach a query:
        # PostgreSQL's text cannot hold one)
        for item in value or ():
            _NO_NUL(item)
        super().validate(value)

    def valid_value(self, value) -> bool:
        return isinstance(value, str) and 0 < len(value) <= 100


class TextListFilter(django_filters.MultipleChoiceFilter):
    field_class = _TextListField


class _IdListField(django_filters.fields.ModelMultipleChoiceField):
    """Repeatable primary keys. A number no database id can be (past 2**63) is refused as an
    invalid id before the query: SQLite cannot bind it and PostgreSQL rejects it."""

    def _check_values(self, value):
        for pk in value if isinstance(value, (list, tuple)) else ():
            if isinstance(pk, str) and pk.strip().isdigit() and int(pk) >= 2**63:
                raise forms.ValidationError(
                    self.error_messages["invalid_pk_value"],
                    code="invalid_pk_value",
                    params={"pk": pk},
                )
        return super()._check_values(value)


class IdListFilter(django_filters.ModelMultipleChoiceFilter):
    field_class = _IdListField


class EventFilter(django_filters.FilterSet):
    """Filters over :class:`Event`; ``.qs`` is the filtered queryset once ``is_valid()``."""

    start = django_filters.DateFilter(
        field_name="date_end", lookup_expr="gte", input_formats=ISO_DATE, label="From"
    )
    end = django_filters.DateFilter(
        field_name="date_start", lookup_expr="lte", input_formats=ISO_DATE, label="To"
    )
    actor = django_filters.ModelMultipleChoiceFilter(
        queryset=Actor.objects.all(), to_field_name="slug", method="filter_actor", label="Actors"
    )
    members = django_filters.BooleanFilter(
        method="filter_noop", widget=forms.CheckboxInput, label="Include member groups"
    )
    place = django_filters.ModelMultipleChoiceFilter(
        queryset=Place.objects.all(), to_field_name="slug", method="filter_place", label="Places"
    )
    country = TextListFilter(field_name="place__country", label="Countries", distinct=False)
    type = django_filters.MultipleChoiceFilter(
        field_name="event_type", choices=EventType.choices, label="Event types", distinct=False
    )
    publisher = IdListFilter(
        queryset=Publisher.objects.all(), method="filter_publisher", label="Publishers"
    )
    reliability = django_filters.MultipleChoiceFilter(
        choices=Reliability.choices, method="filter_reliability", label="Source reliability"
    )
    credibility = django_filters.MultipleChoiceFilter(
        field_name="credibility", choices=Credibility.choices, label="Credibility", distinct=False
    )
    min_fatalities = django_filters.NumberFilter(
        field_name="fatalities",
        lookup_expr="gte",
        min_value=0,
        max_value=10_000_000,
        label="Minimum fatalities",
    )
    q = django_filters.CharFilter(method="filter_text", max_length=MAX_TEXT, label="Text")
    precision = django_filters.MultipleChoiceFilter(
        field_name="date_precision",
        choices=DatePrecision.choices,
        label="Date precision",
        distinct=False,
    )
    status = django_filters.MultipleChoiceFilter(
        field_name="status", choices=EventStatus.choices, label="Status", distinct=False
    )

    class Meta:
        model = Event
        fields: list[str] = []
        form = ExplorerFilterForm

    def filter_noop(self, queryset: QuerySet, name: str, value) -> QuerySet:
        # ``members`` modifies ``actor``; it filters nothing by itself.
        return queryset

    def filter_actor(self, queryset: QuerySet, name: str, value) -> QuerySet:
        if not value:
            return queryset
        ids = {a.pk for a in value}
        if self.form.cleaned_data.get("members"):
            ids = actor_descendant_ids(ids)
        # EXISTS rather than a join: an event with two matching actors stays one row, so counts
        # and pagination need no DISTINCT.
        return queryset.filter(
            Exists(
                EventActor.objects.filter(event=OuterRef("pk"))
                .alias(actor_key=Unindexed("actor_id"))
                .filter(actor_key__in=ids)
            )
        )

    def filter_place(self, queryset: QuerySet, name: str, value) -> QuerySet:
        if not value:
            return queryset
        # The places within the chosen ones too: Baghdad's marker counts Tahrir Square's
        # events, so choosing Baghdad lists them.
        return queryset.filter(place_id__in=sorted(place_descendant_ids(p.pk for p in value)))

    def filter_publisher(self, queryset: QuerySet, name: str, value) -> QuerySet:
        if not value:
            return queryset
        return queryset.filter(
            Exists(
                Excerpt.objects.filter(
                    event=OuterRef("pk"), article__publisher__in=[p.pk for p in value]
                )
            )
        )

    def filter_reliability(self, queryset: QuerySet, name: str, value) -> QuerySet:
        if not value:
            return queryset
        return queryset.filter(
            Exists(
                Excerpt.objects.filter(
                    event=OuterRef("pk"), article__publisher__reliability__in=value
                )
            )
        )

    def filter_text(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(
            Q(headline__icontains=value)
            | Q(summary__icontains=value)
            | Exists(Excerpt.objects.filter(event=OuterRef("pk"), quote__icontains=value))
        )


class DisplayForm(forms.Form):
    """How the filtered events are shown: lanes, list order and page, the open event."""

    lane = forms.ChoiceField(choices=list(LANES.items()), required=False)
    sort = forms.ChoiceField(choices=[(k, k) for k in SORTS], required=False)
    page = forms.IntegerField(min_value=1, max_value=MAX_PAGE, required=False)
    event = forms.IntegerField(min_value=1, max_value=2**63 - 1, required=False)

    def clean_lane(self) -> str:
        return self.cleaned_data.get("lane") or "type"

    def clean_sort(self) -> str:
        return self.cleaned_data.get("sort") or "date"

    def clean_page(self) -> int:
        return self.cleaned_data.get("page") or 1
