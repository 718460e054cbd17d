"""The value-disagreement diagnostic: conventions told apart from different answers."""

from __future__ import annotations

import pytest

from timeline.extraction.temporal.scoring import (
    Span,
    bootstrap_interval,
    disagreement_kind,
    paired_bootstrap_difference,
    score,
    value_disagreements,
)


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
        # the same time written the guidelines' other way
        ("2016-12-15T09:00Z", "2016-12-15T09:00", "convention"),
        ("2007-03-21T14:15-04", "2007-03-21T14:15", "convention"),
        ("FY2009", "2009", "convention"),
        ("P2DE", "P20Y", "convention"),
        ("PXDE", "PXE", "convention"),
        ("P18M", "P6Q", "convention"),
        ("PXH", "PTXH", "convention"),
        ("2018-01-22T24:00", "2018-01-22T24", "convention"),
        ("FY2016", "2015", "other"),
        ("P2DE", "P2Y", "other"),
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


def _docs(n_right: int, n_wrong: int) -> tuple[dict, dict]:
    """Documents of one timex each: the system gets the value right in n_right of them."""
    gold, system = {}, {}
    for i in range(n_right + n_wrong):
        gold[f"d{i}"] = [Span(0, 5, "DATE", "1998")]
        system[f"d{i}"] = [Span(0, 5, "DATE", "1998" if i < n_right else "1997")]
    return gold, system


def test_bootstrap_interval_of_a_perfect_system_is_a_point():
    gold, system = _docs(10, 0)
    assert bootstrap_interval(gold, system, "value_F1", samples=200) == (1.0, 1.0)


def test_bootstrap_interval_brackets_the_score_and_narrows_with_more_documents():
    few_gold, few_sys = _docs(8, 2)
    many_gold, many_sys = _docs(80, 20)
    point = score(few_gold, few_sys)["value_F1"]
    assert point == pytest.approx(0.8)
    lo, hi = bootstrap_interval(few_gold, few_sys, "value_F1", samples=500)
    assert lo < point < hi
    assert bootstrap_interval(few_gold, few_sys, "relaxed_F1", samples=200) == (1.0, 1.0)
    lo_many, hi_many = bootstrap_interval(many_gold, many_sys, "value_F1", samples=500)
    assert lo < lo_many < point < hi_many < hi
    # seeded: the same call gives the same interval
    assert bootstrap_interval(few_gold, few_sys, "value_F1", samples=500) == (lo, hi)


def test_paired_difference_of_a_system_with_itself_is_zero():
    gold, system = _docs(8, 2)
    assert paired_bootstrap_difference(gold, system, system, samples=200) == (0.0, 0.0)


def test_paired_difference_is_positive_only_when_one_system_leads_on_every_draw():
    gold, better = _docs(9, 1)
    _, worse = _docs(5, 5)
    lo, hi = paired_bootstrap_difference(gold, better, worse, "value_F1", samples=500)
    assert 0 < lo <= score(gold, better)["value_F1"] - score(gold, worse)["value_F1"] <= hi
    # the other way round, the interval is the same, negated
    assert paired_bootstrap_difference(gold, worse, better, "value_F1", samples=500) == (
        pytest.approx(-hi),
        pytest.approx(-lo),
    )
    # the spans are the same, so the lead is in the values only
    assert paired_bootstrap_difference(gold, better, worse, "relaxed_F1", samples=200) == (
        0.0,
        0.0,
    )
