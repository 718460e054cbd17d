"""Derived counts the database keeps by itself, and their repair.

:class:`~timeline.models.ActorDayCount` is maintained by triggers (migration 0004) on every
write to events and actor links, whatever writes them; nothing here needs calling in normal
use. :func:`rebuild_actor_day_counts` recomputes the table from the events, for a database
whose rows were changed with the triggers off (a restore of some tables only, say);
:func:`timeline.selectors.actor_day_count_drift` tells whether that is needed.
"""

from __future__ import annotations

from django.db import transaction

from timeline.models import ActorDayCount
from timeline.selectors import actor_day_counts_from_links


@transaction.atomic
def rebuild_actor_day_counts() -> int:
    """Recompute :class:`ActorDayCount` from the events and their actor links; returns the
    number of rows written."""
    ActorDayCount.objects.all().delete()
    rows = [
        ActorDayCount(actor_id=a, status=s, day=d, n=n)
        for (a, s, d), n in actor_day_counts_from_links().items()
    ]
    ActorDayCount.objects.bulk_create(rows, batch_size=5000)
    return len(rows)
