"""Temporal expressions: find TimeML TIMEX3s in text and turn them into date ranges.

Pure Python on python-dateutil; nothing here imports Django.

    >>> from datetime import date
    >>> [t.value for t in tag("He left on Friday, Oct. 28.", date(2016, 10, 30))]
    ['2016-10-28']
"""

from timeline.extraction.temporal.ranges import recent_window, to_date_range
from timeline.extraction.temporal.tagger import tag

__all__ = ["recent_window", "tag", "to_date_range"]
