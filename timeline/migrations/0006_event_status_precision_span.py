"""An index of finely dated events by length, for the duplicate search.

``selectors_curation._window`` bounds the dates it reads below by the usual length of an event
dated to a day, week or month (``USUAL_SPAN_DAYS``) and finds the longer ones here, so that a
candidate with no place no longer reads every earlier event. The length is an expression
(``DaysBetween``: SQLite's ``julianday`` difference, PostgreSQL's ``date - date``), so the
table itself is unchanged.
"""

import timeline.models
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("timeline", "0005_event_covering_indexes"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="event",
            index=models.Index(
                models.F("status"),
                models.F("date_precision"),
                timeline.models.DaysBetween("date_start", "date_end"),
                models.F("date_start"),
                models.F("date_end"),
                name="event_status_precision_span",
            ),
        ),
    ]
