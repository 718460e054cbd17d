"""The value-disagreement diagnostic: conventions told apart from different answers."""

from __future__ import annotations

import pytest

from timeline.extraction.temporal.scoring import Span, disagreement_kind, value_disagreements


@pytest.mark.parametrize(
    ("gold", "system", "kind"),
    [
        ("2000-W7", "2000-W07", "notation"),
        ("199X", "199", "notation"),
        ("1968-XX", "1968", "notation"),
        ("1989-WXX", "1989-W43", "gold less specific"),
        ("1988-QX", "1988-Q3", "gold less specific"),
        ("1999-02-04", "1999-02-04TNI", "part of day"),
        ("2000-01-05TEV", "2000-01-05TNI", "part of day"),
        # different answers stay different answers
        ("1997-02", "1998-02", "other"),
        ("1989-WXX", "1990-W01", "other"),
        ("1988-QX", "1988", "other"),
        ("1999-02-04", "1999-02-05TNI", "other"),
        ("PXY", "PAST_REF", "other"),
        ("2000-W7", "2000-W17", "other"),
    ],
)
def test_disagreement_kind(gold, system, kind):
    assert disagreement_kind(gold, system) == kind


def test_value_disagreements_counts_only_paired_mismatches():
    gold = {
        "d": [
            Span(0, 9, "DATE", "1989-WXX"),
            Span(20, 24, "DATE", "1988"),
            Span(40, 44, "DATE", "1990"),
        ]
    }
    system = {
        "d": [
            Span(0, 9, "DATE", "1989-W43"),
            Span(20, 24, "DATE", "1988"),
            Span(60, 64, "DATE", "1991"),
        ]
    }
    assert value_disagreements(gold, system) == {"gold less specific": 1}
