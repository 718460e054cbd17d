"""The values extraction produces. Pure Python: nothing here imports Django.

These dataclasses are the contract between the extraction pipeline and the rest of the app
(importer, ``extract`` command, evaluation). Offsets are always into ``ArticleText.body``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

Precision = Literal["day", "week", "month", "year", "unknown"]
PublishedBasis = Literal["stated", "inferred", "curator", "unknown"]
TimexType = Literal["DATE", "TIME", "DURATION", "SET"]

# ACLED's actor roles (the values of timeline.models.ActorRole), most central first. When one
# actor gets two roles (in one sentence, across the reports of one happening, in a curator's
# merge) the lower rank wins.
ROLE_RANK: dict[str, int] = {"actor1": 0, "actor2": 1, "associated": 2, "mentioned": 3}


@dataclass(frozen=True, slots=True)
class Timex:
    """A TimeML TIMEX3: a temporal expression found in text and its normalised value.

    ``start``/``end`` are character offsets into the text given to the tagger; ``value`` follows
    TimeML conventions ("2015-09-01", "2015-W36", "2015-09", "P2Y", "PAST_REF", "XXXX-09-01").
    """

    start: int
    end: int
    text: str
    type: TimexType
    value: str
    # TimeML's ``mod``: "APPROX" for hedged expressions ("about two years ago", "two years
    # ago, almost to the day"), "" when the expression is not modified.
    mod: str = ""
    # For a DURATION the text anchors ("three days later"): the day it points to, as a DATE
    # value. TimeML tags only the duration ("later" is a signal), but an event told "three
    # days later" still happened on a day the product can date.
    anchored: str = ""
    # Days either side of a DATE's day it may be: a Hijri day's month begins when its new
    # moon is seen, a day apart from country to country, so "12 Ramadan 1437" is one of
    # three days unless a weekday written with it says which. (TimeML has no attribute for
    # it; the event's date range carries it.)
    spread: int = 0


@dataclass(frozen=True, slots=True)
class DateRange:
    """An event's date as UCDP keeps it: earliest and latest possible day, with precision."""

    earliest: date
    latest: date
    precision: Precision
    words: str  # the words the date came from, e.g. "Tuesday, September 1"


@dataclass(frozen=True, slots=True)
class ArticleText:
    """One article split out of a source file, with what is known of it."""

    title: str
    body: str  # exactly the file's characters for this article, boilerplate removed only
    publisher: str = ""
    author: str = ""
    url: str = ""
    published: date | None = None
    published_basis: PublishedBasis = "unknown"
    published_reason: str = ""
    republished_from: str = ""
    origin_file: str = ""
    origin_index: int = 0


@dataclass(frozen=True, slots=True)
class Evidence:
    """The exact words that report an event: ``article.body[start:end] == quote``."""

    start: int
    end: int
    quote: str


@dataclass(frozen=True, slots=True)
class GazetteerHit:
    """A mention of a known actor or place in the text."""

    canonical: str  # canonical name in the gazetteer
    start: int
    end: int
    text: str  # the surface form as written


@dataclass(frozen=True, slots=True)
class PlaceInfo:
    name: str
    country: str = ""
    admin1: str = ""
    latitude: float | None = None
    longitude: float | None = None
    kind: str = "other"
    # the known place (its gazetteer name) this one lies inside: "Baghdad" for "Tahrir Square
    # (Baghdad)"; a place with no coordinates of its own is shown at that one's
    within: str = ""


@dataclass(frozen=True, slots=True)
class UnlistedPlaceHit(GazetteerHit):
    """A place the text names and the gazetteer does not list ("the village of Tokhar"):
    ``canonical`` is the name as written, ``info`` what the text says of it (its kind, and
    the country and province of the known place that situates it; no coordinates)."""

    info: PlaceInfo = PlaceInfo("")


@dataclass(slots=True)
class CandidateEvent:
    """An event proposed by the extractor, for a curator to verify."""

    article: ArticleText
    evidence: Evidence
    headline: str
    event_type: str  # one of ACLED's six, as in timeline.models.EventType values
    date: DateRange | None
    place: PlaceInfo | None
    place_precision: str = "unknown"  # exact / near / region / country / unknown
    actors: list[tuple[str, str]] = field(default_factory=list)  # (canonical name, role)
    fatalities: int | None = None
    date_basis: str = ""  # how the date was resolved: "stated", "relative to publication", …


@dataclass(frozen=True, slots=True)
class PassedOver:
    """A sentence no candidate event was proposed from, though it is dated and names a known
    actor or place: where most of the events the extractor misses are, listed for a curator
    to read rather than the whole article (``evidence`` is the whole sentence)."""

    evidence: Evidence
    headline: str
    date: DateRange  # from the sentence's first date ("on Tuesday", "in March 2015")
    place: PlaceInfo | None  # the place the extractor would take for a scene there
    place_precision: str
    actors: tuple[str, ...]  # every known actor it names (canonical names), in text order
    places: tuple[str, ...]  # every place it names, in text order
