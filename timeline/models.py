"""The data model: articles and the events they report, with the words that report them.

Invariants live in the database where the database can hold them (date order, grade ranges,
unique content hashes, offsets that make sense); the one it cannot — an excerpt's quote equals
the slice of its article's body — is enforced in ``Excerpt.save`` and checked by tests.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from simple_history.models import HistoricalRecords


class DatePrecision(models.TextChoices):
    """How precisely an event's date is known (ACLED time_precision 1/2/3, plus year/unknown)."""

    DAY = "day", "Day"
    WEEK = "week", "Week"
    MONTH = "month", "Month"
    YEAR = "year", "Year"
    UNKNOWN = "unknown", "Unknown"


class PlacePrecision(models.TextChoices):
    """How precisely an event's place is known (ACLED geo_precision 1/2/3, plus country)."""

    EXACT = "exact", "At the place"
    NEAR = "near", "Near the place"
    REGION = "region", "In the region"
    COUNTRY = "country", "In the country"
    UNKNOWN = "unknown", "Unknown"


class EventType(models.TextChoices):
    """ACLED's six event types."""

    BATTLES = "battles", "Battles"
    EXPLOSIONS = "explosions_remote_violence", "Explosions/Remote violence"
    VIOLENCE_AGAINST_CIVILIANS = "violence_against_civilians", "Violence against civilians"
    PROTESTS = "protests", "Protests"
    RIOTS = "riots", "Riots"
    STRATEGIC_DEVELOPMENTS = "strategic_developments", "Strategic developments"


class EventStatus(models.TextChoices):
    CANDIDATE = "candidate", "Candidate"
    VERIFIED = "verified", "Verified"
    REJECTED = "rejected", "Rejected"


class ActorRole(models.TextChoices):
    ACTOR1 = "actor1", "Actor 1"
    ACTOR2 = "actor2", "Actor 2"
    ASSOCIATED = "associated", "Associated actor"
    MENTIONED = "mentioned", "Mentioned"


class ActorKind(models.TextChoices):
    STATE_FORCE = "state_force", "State force"
    MILITIA = "militia", "Militia"
    JIHADIST_GROUP = "jihadist_group", "Jihadist group"
    REBEL_GROUP = "rebel_group", "Rebel group"
    PERSON = "person", "Person"
    GOVERNMENT = "government", "Government"
    PARTY = "party", "Political party"
    COALITION = "coalition", "Coalition"
    CIVILIANS = "civilians", "Civilians"
    ORGANISATION = "organisation", "Organisation"
    OTHER = "other", "Other"


class PlaceKind(models.TextChoices):
    COUNTRY = "country", "Country"
    REGION = "region", "Region / province"
    CITY = "city", "City"
    TOWN = "town", "Town / village"
    DISTRICT = "district", "District / neighbourhood"
    SITE = "site", "Site (base, crossing, dam…)"
    OTHER = "other", "Other"


class DateBasis(models.TextChoices):
    """Where an article's publication date came from."""

    STATED = "stated", "Stated in the article"
    INFERRED = "inferred", "Inferred from the text"
    CURATOR = "curator", "Set by a curator"
    UNKNOWN = "unknown", "Unknown"


class Reliability(models.TextChoices):
    """Admiralty code: reliability of the source."""

    A = "A", "A – Completely reliable"
    B = "B", "B – Usually reliable"
    C = "C", "C – Fairly reliable"
    D = "D", "D – Not usually reliable"
    E = "E", "E – Unreliable"
    F = "F", "F – Reliability cannot be judged"


class Credibility(models.IntegerChoices):
    """Admiralty code: credibility of the information."""

    CONFIRMED = 1, "1 – Confirmed by other sources"
    PROBABLY_TRUE = 2, "2 – Probably true"
    POSSIBLY_TRUE = 3, "3 – Possibly true"
    DOUBTFUL = 4, "4 – Doubtful"
    IMPROBABLE = 5, "5 – Improbable"
    CANNOT_BE_JUDGED = 6, "6 – Truth cannot be judged"


class TimeStamped(models.Model):
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True


class Publisher(TimeStamped):
    name = models.CharField(max_length=200, unique=True)
    reliability = models.CharField(max_length=1, choices=Reliability.choices, default=Reliability.F)
    url = models.URLField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(reliability__in=Reliability.values), name="publisher_reliability_valid"
            )
        ]

    def __str__(self) -> str:
        return self.name


class Article(TimeStamped):
    title = models.CharField(max_length=500)
    publisher = models.ForeignKey(
        Publisher, null=True, blank=True, on_delete=models.PROTECT, related_name="articles"
    )
    author = models.CharField(max_length=300, blank=True)
    url = models.URLField(max_length=1000, blank=True)
    # The article's characters exactly as in its file, boilerplate removed only: excerpts are
    # offsets into this text, so it is never normalised after import.
    body = models.TextField()
    published = models.DateField(null=True, blank=True, db_index=True)
    published_basis = models.CharField(
        max_length=10, choices=DateBasis.choices, default=DateBasis.UNKNOWN
    )
    published_reason = models.TextField(
        blank=True, help_text="How the publication date was found or inferred."
    )
    republished_from = models.CharField(max_length=300, blank=True)
    origin_file = models.CharField(max_length=300, blank=True)
    origin_index = models.PositiveIntegerField(
        default=0, help_text="Position of the article within its origin file (0-based)."
    )
    # sha256 of the body: the identity of an article across re-ingestion and import.
    content_hash = models.CharField(max_length=64, unique=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["published", "title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(published_basis__in=DateBasis.values), name="article_basis_valid"
            ),
            models.CheckConstraint(
                condition=Q(published__isnull=True) | ~Q(published_basis=DateBasis.UNKNOWN),
                name="article_published_has_basis",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("timeline:article-detail", args=[self.pk])


class Actor(TimeStamped):
    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=200, unique=True)
    aliases = models.JSONField(default=list, blank=True)
    kind = models.CharField(max_length=20, choices=ActorKind.choices, default=ActorKind.OTHER)
    country = models.CharField(max_length=100, blank=True)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="children"
    )
    description = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(condition=~Q(parent=F("pk")), name="actor_not_own_parent"),
        ]

    def __str__(self) -> str:
        return self.name


# How far up the "lies within" links the map, the place filter and the exports look (a stall
# in a market in a quarter of a city is three): the reads join that many times and no more,
# so a longer chain, or a loop a curator made before validation caught it, costs nothing.
WITHIN_LEVELS = 3


def within_path(level: int, field: str) -> str:
    """The lookup of ``field`` on the place ``level`` steps up: ``within__within__name``."""
    return "within__" * level + field


class Place(TimeStamped):
    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True)
    aliases = models.JSONField(default=list, blank=True)
    country = models.CharField(max_length=100, blank=True, db_index=True)
    admin1 = models.CharField(max_length=200, blank=True, help_text="Province / governorate.")
    kind = models.CharField(max_length=20, choices=PlaceKind.choices, default=PlaceKind.OTHER)
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    geonames_id = models.PositiveIntegerField(null=True, blank=True)
    within = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="contains",
        help_text="The place this one lies inside (a square in a city); the map shows it at "
        "that place's point until it has coordinates of its own.",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(condition=~Q(within=F("pk")), name="place_not_within_itself"),
            models.CheckConstraint(
                condition=Q(latitude__isnull=True) | Q(latitude__gte=-90, latitude__lte=90),
                name="place_latitude_range",
            ),
            models.CheckConstraint(
                condition=Q(longitude__isnull=True) | Q(longitude__gte=-180, longitude__lte=180),
                name="place_longitude_range",
            ),
            models.CheckConstraint(
                condition=Q(latitude__isnull=True, longitude__isnull=True)
                | Q(latitude__isnull=False, longitude__isnull=False),
                name="place_coordinates_paired",
            ),
        ]

    def __str__(self) -> str:
        # "Iraq, Iraq" says nothing more than "Iraq".
        if not self.country or self.country == self.name:
            return self.name
        return f"{self.name}, {self.country}"

    @property
    def full_label(self) -> str:
        """Name, province and country, each once: "Haditha, Anbar, Iraq"; "Karbala, Iraq";
        "Tahrir Square (Baghdad), Iraq" (the city in brackets already names the province)."""
        parts: list[str] = []
        for part in (self.name, self.admin1, self.country):
            if part and part not in parts and f"({part})" not in self.name:
                parts.append(part)
        return ", ".join(parts)

    @property
    def has_point(self) -> bool:
        return self.latitude is not None and self.longitude is not None

    def shown_at(self) -> Place | None:
        """The place whose point the map shows this one at: itself when it has coordinates,
        else the nearest place it lies within that has some (at most :data:`WITHIN_LEVELS`
        up, like the map's reads); None when neither. One query per level walked."""
        place: Place | None = self
        seen: set[int | None] = set()
        for _level in range(WITHIN_LEVELS + 1):
            if place is None or place.pk in seen:
                return None
            if place.has_point:
                return place
            seen.add(place.pk)
            place = place.within
        return None

    def clean(self) -> None:
        super().clean()
        if self.within_id is None:
            return
        if self.within_id == self.pk:
            raise ValidationError({"within": "A place cannot lie within itself."})
        # Walk up from the new container: meeting this place again means a cycle, which
        # would leave the map and the place filter without a top to stop at.
        chain = [self.name]
        names = {self.pk: self.name}
        current: int | None = self.within_id
        while current is not None:
            if current in names:
                loop = " in ".join([*chain, names[current]])
                raise ValidationError({"within": f"That would make a loop: {loop}."})
            row = Place.objects.filter(pk=current).values_list("name", "within_id").first()
            if row is None:
                break
            names[current] = row[0]
            chain.append(row[0])
            current = row[1]


class DaysBetween(models.Func):
    """Whole days from one date column to another (``DaysBetween("date_start", "date_end")``
    is 0 for an event dated to one day), written with each database's own date arithmetic so
    that it can be indexed: SQLite's ``julianday`` and PostgreSQL's ``date - date`` are both
    deterministic, where Django's generic duration subtraction is a Python function on SQLite.
    """

    arity = 2
    output_field = models.IntegerField()

    def as_sql(self, compiler, connection, **extra_context):
        # PostgreSQL: date - date is an integer number of days.
        (start, start_params), (end, end_params) = map(
            compiler.compile, self.get_source_expressions()
        )
        return f"({end} - {start})", [*end_params, *start_params]

    def as_sqlite(self, compiler, connection, **extra_context):
        (start, start_params), (end, end_params) = map(
            compiler.compile, self.get_source_expressions()
        )
        return f"(julianday({end}) - julianday({start}))", [*end_params, *start_params]


class Event(TimeStamped):
    headline = models.CharField(max_length=300)
    summary = models.TextField(blank=True)
    # UCDP-style bounds: the event happened on some day in [date_start, date_end].
    date_start = models.DateField(null=True, blank=True)
    date_end = models.DateField(null=True, blank=True)
    date_precision = models.CharField(
        max_length=10, choices=DatePrecision.choices, default=DatePrecision.UNKNOWN
    )
    date_text = models.CharField(
        max_length=300, blank=True, help_text="The words the date came from."
    )
    event_type = models.CharField(max_length=40, choices=EventType.choices)
    place = models.ForeignKey(
        Place, null=True, blank=True, on_delete=models.PROTECT, related_name="events"
    )
    place_precision = models.CharField(
        max_length=10, choices=PlacePrecision.choices, default=PlacePrecision.UNKNOWN
    )
    fatalities = models.PositiveIntegerField(null=True, blank=True)
    status = models.CharField(
        max_length=10, choices=EventStatus.choices, default=EventStatus.CANDIDATE
    )
    credibility = models.PositiveSmallIntegerField(
        choices=Credibility.choices, default=Credibility.CANNOT_BE_JUDGED
    )
    # Identity of an extracted candidate (hash of article + span), so re-ingestion updates
    # rather than duplicates. Null for events a curator created by hand.
    fingerprint = models.CharField(max_length=64, unique=True, null=True, blank=True)
    notes = models.TextField(blank=True, help_text="Curator's notes.")
    actors = models.ManyToManyField(Actor, through="EventActor", related_name="events")
    history = HistoricalRecords(m2m_fields=[])

    class Meta:
        ordering = ["date_start", "pk"]
        indexes = [
            # The place and the type's columns ride along so that the reads of a window or a
            # type answer from the index alone: the chart, the bounds and the map's count per
            # place, checking fatalities without reading the event rows (migration 0005).
            models.Index(
                fields=["status", "date_start", "date_end", "place"],
                name="event_status_dates_place",
            ),
            models.Index(
                fields=["status", "event_type", "date_start", "date_end", "fatalities", "place"],
                name="event_status_type_cover",
            ),
            # Place first, then the window: the map counts events per place for a date window,
            # and SQLite groups by place along this index, checking the dates in the index
            # alone (with only (place, status) it read every event row of every place).
            models.Index(
                fields=["place", "status", "date_start", "date_end"],
                name="event_place_status_dates",
            ),
            models.Index(fields=["status", "fatalities"], name="event_status_fatalities"),
            # The default order (``ordering`` above): the admin's event list reads its page of
            # 100 along this index and stops, and its date hierarchy probes years on it,
            # instead of sorting a million rows.
            models.Index(fields=["date_start", "id"], name="event_date_start_id"),
            # The event list sorted by one of these columns reads its page along the index
            # (``EventChangeList.get_ordering`` ends the order with pk the same way round).
            models.Index(fields=["event_type", "id"], name="event_event_type_id"),
            models.Index(fields=["status", "id"], name="event_status_id"),
            models.Index(fields=["credibility", "id"], name="event_credibility_id"),
            # ... and by headline (a curator looking for a story by its title): 35 MB more on
            # the benchmark's million events (806 -> 841 MB), the page 2.3-2.5 s -> 0.51 s
            models.Index(fields=["headline", "id"], name="event_headline_id"),
            # Events dated finely but over more than a few weeks, found by their length: the
            # duplicate search bounds its date window below by the usual length and looks the
            # few longer ones up here (``selectors_curation._window``).
            models.Index(
                F("status"),
                F("date_precision"),
                DaysBetween("date_start", "date_end"),
                F("date_start"),
                F("date_end"),
                name="event_status_precision_span",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(date_start__isnull=True)
                | Q(date_end__isnull=True)
                | Q(date_end__gte=F("date_start")),
                name="event_date_end_after_start",
            ),
            models.CheckConstraint(
                condition=Q(date_start__isnull=True, date_end__isnull=True)
                | Q(date_start__isnull=False, date_end__isnull=False),
                name="event_dates_paired",
            ),
            models.CheckConstraint(
                condition=Q(credibility__gte=1, credibility__lte=6), name="event_credibility_range"
            ),
            models.CheckConstraint(
                condition=Q(event_type__in=EventType.values), name="event_type_valid"
            ),
            models.CheckConstraint(
                condition=Q(status__in=EventStatus.values), name="event_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(date_precision__in=DatePrecision.values), name="event_precision_valid"
            ),
        ]

    def __str__(self) -> str:
        return self.headline

    def get_absolute_url(self) -> str:
        return reverse("timeline:event-detail", args=[self.pk])


class EventActor(models.Model):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="event_actors")
    actor = models.ForeignKey(Actor, on_delete=models.PROTECT, related_name="event_roles")
    role = models.CharField(max_length=12, choices=ActorRole.choices, default=ActorRole.MENTIONED)
    history = HistoricalRecords()

    class Meta:
        ordering = ["event", "role", "actor__name"]
        constraints = [
            models.UniqueConstraint(fields=["event", "actor"], name="event_actor_unique"),
            models.CheckConstraint(condition=Q(role__in=ActorRole.values), name="event_role_valid"),
        ]
        indexes = [models.Index(fields=["actor", "event"], name="eventactor_actor_event")]

    def __str__(self) -> str:
        return f"{self.actor} ({self.get_role_display()})"


class Excerpt(models.Model):
    """The exact words of an article that report an event: ``quote == article.body[start:end]``."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="excerpts")
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="excerpts")
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    quote = models.TextField()
    history = HistoricalRecords()

    class Meta:
        ordering = ["article__published", "article_id", "start"]
        constraints = [
            models.CheckConstraint(condition=Q(end__gt=F("start")), name="excerpt_end_after_start"),
            models.UniqueConstraint(
                fields=["event", "article", "start", "end"], name="excerpt_unique_span"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.article}: {self.quote[:60]}"

    def save(self, *args, **kwargs) -> None:
        # The database cannot check a slice of another table's text, so every write path goes
        # through here: a quote that drifts from its article is refused, never stored.
        self.clean()
        super().save(*args, **kwargs)

    def clean(self) -> None:
        body = self.article.body if self.article_id else ""
        if self.end > len(body) or body[self.start : self.end] != self.quote:
            raise ValidationError(
                {"quote": "The quote must equal the article text between start and end."}
            )


class ActorDayCount(models.Model):
    """How many events of a status start on a day with an actor among theirs: one row per
    (actor, status, day) with a count above zero.

    A derived table for the explorer's actor lanes when no filter narrows the events (a
    million events have ~1.8M actor links; counting them per request took seconds). Database
    triggers keep it in step with every write to events and their actor links — the ORM,
    bulk inserts, imports, the admin, raw SQL alike (migration 0004). Nothing in Python writes
    it except :func:`timeline.services.counts.rebuild_actor_day_counts`, a repair when
    :func:`timeline.selectors.actor_day_count_drift` finds a difference.
    """

    actor = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="+")
    status = models.CharField(max_length=10, choices=EventStatus.choices)
    day = models.DateField()
    # Not a PositiveIntegerField: a CHECK here could make a curator's save fail on a count
    # gone wrong; the triggers delete a row as soon as its count falls to zero.
    n = models.IntegerField()

    class Meta:
        constraints = [
            # The triggers' upserts name this key (ON CONFLICT (actor_id, status, day)).
            models.UniqueConstraint(fields=["actor", "status", "day"], name="actordaycount_key"),
        ]
        indexes = [models.Index(fields=["status", "day", "actor"], name="actordaycount_status_day")]

    def __str__(self) -> str:
        return f"{self.actor_id} {self.status} {self.day}: {self.n}"
