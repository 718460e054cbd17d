"""When two reports tell one happening: the rule ``merge_candidates`` groups candidates by.

The rule is stated once, here, on ``Report`` — the few facts of a report it looks at — so that
two callers apply the very same rule: the pipeline, on the candidates of one run
(``pipeline.merge_candidates``), and the review queue, on stored events of different runs
(``timeline.selectors_curation.event_possible_duplicates``). Pure: no Django.

Two reports are one happening when
- they have the same event type;
- both are dated no coarser than a month (day, week or month) and the ranges share a day;
- they are not two different passages of one article (distinct sentences of one article
  usually tell distinct moments of a story; the same words repeated are the same report);
- and either both name a place below country level and it is the same place (or one lies
  inside the other), or they share a principal actor (actor1/actor2) while at most one of
  them names a place below country level.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from datetime import date

from timeline.extraction.types import PlaceInfo

# Dates no coarser than a month: a year or an unknown date says too little to tell two
# happenings apart.
FINE_PRECISIONS = ("day", "week", "month")
PRINCIPAL_ROLES = ("actor1", "actor2")
# A place of this kind does not locate a happening (the rule treats it as no place).
COUNTRY_KIND = "country"


@dataclass(frozen=True, slots=True)
class Report:
    """What ``same_happening`` looks at in a report (a candidate, or a stored event).

    ``passages`` holds (article key, quoted words) per passage that reports it: a candidate
    has one, a stored event one per excerpt (none when a curator made it by hand). The
    article key only has to tell articles apart (the article itself, or its database id).
    """

    event_type: str
    earliest: date | None
    latest: date | None
    precision: str
    place: PlaceInfo | None
    principals: frozenset[str]
    passages: frozenset[tuple[Hashable, str]]

    @property
    def located(self) -> PlaceInfo | None:
        """The place below country level, if it names one."""
        p = self.place
        return p if p is not None and p.kind != COUNTRY_KIND else None


def principals_of(actors: Iterable[tuple[str, str]]) -> frozenset[str]:
    """The principal actors' names among ``(name, role)`` pairs."""
    return frozenset(name for name, role in actors if role in PRINCIPAL_ROLES)


def same_happening(a: Report, b: Report) -> bool:
    """Whether ``a`` and ``b`` report one happening (the rule of the module docstring)."""
    if a.event_type != b.event_type:
        return False
    if a.earliest is None or b.earliest is None or a.latest is None or b.latest is None:
        return False
    if a.precision not in FINE_PRECISIONS or b.precision not in FINE_PRECISIONS:
        return False
    if a.latest < b.earliest or b.latest < a.earliest:
        return False
    if a.passages and b.passages and not _apart(a, b):
        return False
    pa, pb = a.located, b.located
    if pa and pb:
        return same_place(pa, pb)
    return bool(a.principals & b.principals) and (pa is None or pb is None)


def _apart(a: Report, b: Report) -> bool:
    """Some passage of ``a`` and some of ``b`` may be two reports of one happening: they come
    from different articles, or they are the same words (a passage repeated)."""
    return any(ka != kb or qa == qb for ka, qa in a.passages for kb, qb in b.passages)


def same_place(a: PlaceInfo, b: PlaceInfo) -> bool:
    """The same place, or one inside the other (a mosque in Sanaa; a town in its province)."""
    if a.name == b.name:
        return True
    if (a.within and a.within == b.name) or (b.within and b.within == a.name):
        return True  # "Turkish consulate (Mosul)" lies in Mosul, whose province is Nineveh
    return bool(a.admin1) and a.admin1 == b.name or bool(b.admin1) and b.admin1 == a.name


__all__ = [
    "COUNTRY_KIND",
    "FINE_PRECISIONS",
    "PRINCIPAL_ROLES",
    "Report",
    "principals_of",
    "same_happening",
    "same_place",
]
