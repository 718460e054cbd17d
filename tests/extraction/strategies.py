"""Hypothesis strategies the extraction's property tests share."""

from __future__ import annotations

from datetime import date

from hypothesis import strategies as st

# A document date: none, any day, or (drawn often) one at the calendar's edges, where the
# arithmetic of "next year", "a week ago" or a publication's week would leave the calendar.
document_dates = st.one_of(
    st.none(),
    st.sampled_from([date(1, 1, 1), date(1, 1, 3), date(9999, 12, 25), date(9999, 12, 31)]),
    st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)),
)
