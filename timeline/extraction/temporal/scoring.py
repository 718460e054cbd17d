"""A small TempEval-3 Task A scorer (used by the timex command test and evaluate_timex.py).

The TempEval-3 measures: strict and relaxed span P/R/F1, and value/type F1 = relaxed F1 x
attribute accuracy over the one-to-one relaxed pairs. Gold comes from TimeML ``.tml`` files:
the plain text of ``<TEXT>`` with every tag removed, and its TIMEX3s except the creation time.
On the TBAQ training data it gives the same figures as the workplace's ``timex_score.py``.
"""

from __future__ import annotations

import random
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from timeline.extraction.temporal.values import PART_OF_A_DAY


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    type: str
    value: str


@dataclass
class GoldDoc:
    name: str
    dct: str | None
    text: str
    timexes: list[Span]


def _walk(elem: ET.Element, buf: list[str], found: list[Span], pos: list[int]) -> None:
    start = pos[0]
    if elem.text:
        buf.append(elem.text)
        pos[0] += len(elem.text)
    for child in elem:
        _walk(child, buf, found, pos)
        if child.tail:
            buf.append(child.tail)
            pos[0] += len(child.tail)
    is_dct = elem.get("functionInDocument") == "CREATION_TIME"
    if elem.tag == "TIMEX3" and not is_dct and pos[0] > start:
        found.append(Span(start, pos[0], elem.get("type", ""), elem.get("value", "")))


def read_gold(path: Path) -> GoldDoc:
    root = ET.fromstring(path.read_bytes())
    text_elem = root.find(".//TEXT")
    assert text_elem is not None, f"{path}: no TEXT element"
    buf: list[str] = []
    found: list[Span] = []
    pos = [0]
    if text_elem.text:
        buf.append(text_elem.text)
        pos[0] += len(text_elem.text)
    for child in text_elem:
        _walk(child, buf, found, pos)
        if child.tail:
            buf.append(child.tail)
            pos[0] += len(child.tail)
    dct = next(
        (
            t.get("value")
            for t in root.iter("TIMEX3")
            if t.get("functionInDocument") == "CREATION_TIME"
        ),
        None,
    )
    name = path.name.split(".tml")[0]
    return GoldDoc(name, dct, "".join(buf), sorted(found, key=lambda s: (s.start, s.end)))


def relaxed_pairs(gold: list[Span], system: list[Span]) -> list[tuple[int, int]]:
    """One-to-one overlap matching: exact spans first, then by overlap (augmenting paths)."""
    adj: list[list[int]] = []
    for g in gold:
        cands = []
        for j, s in enumerate(system):
            ov = min(g.end, s.end) - max(g.start, s.start)
            if ov > 0:
                exact = (g.start, g.end) == (s.start, s.end)
                cands.append((not exact, -ov, j))
        adj.append([j for *_, j in sorted(cands)])
    match_sys = [-1] * len(system)

    def augment(i: int, seen: set[int]) -> bool:
        for j in adj[i]:
            if j in seen:
                continue
            seen.add(j)
            if match_sys[j] < 0 or augment(match_sys[j], seen):
                match_sys[j] = i
                return True
        return False

    for i in range(len(gold)):
        augment(i, set())
    return [(i, j) for j, i in enumerate(match_sys) if i >= 0]


def score(gold: dict[str, list[Span]], system: dict[str, list[Span]]) -> dict[str, float]:
    """Micro-averaged P/R/F1 (strict, relaxed) and value/type F1 over all documents."""
    totals = [0] * 6
    for name, g in gold.items():
        for k, n in enumerate(_counts(g, system.get(name, []))):
            totals[k] += n
    return _measures(totals)


def _counts(g: list[Span], s: list[Span]) -> tuple[int, int, int, int, int, int]:
    """One document's gold, system, strict, relaxed, right-value and right-type counts."""
    gs = {(x.start, x.end) for x in g}
    strict = sum((x.start, x.end) in gs for x in s)
    pairs = relaxed_pairs(g, s)
    value_ok = sum(g[i].value.strip() == s[j].value.strip() for i, j in pairs)
    type_ok = sum(g[i].type.upper() == s[j].type.upper() for i, j in pairs)
    return len(g), len(s), strict, len(pairs), value_ok, type_ok


def _measures(totals: list[int]) -> dict[str, float]:
    n_gold, n_sys, strict, relaxed, value_ok, type_ok = totals

    def prf(c: int) -> tuple[float, float, float]:
        p = c / n_sys if n_sys else 0.0
        r = c / n_gold if n_gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    sp, sr, sf = prf(strict)
    rp, rr, rf = prf(relaxed)
    return {
        "gold": n_gold,
        "system": n_sys,
        "strict_P": sp,
        "strict_R": sr,
        "strict_F1": sf,
        "relaxed_P": rp,
        "relaxed_R": rr,
        "relaxed_F1": rf,
        "value_F1": rf * (value_ok / relaxed if relaxed else 0.0),
        "type_F1": rf * (type_ok / relaxed if relaxed else 0.0),
    }


# Value disagreements that are conventions, not different answers. TBAQ's annotators (and its
# two corpora) write the same value in different ways; telling these apart from real errors
# is what error analysis on it needs. Diagnostic only: the scores above compare exact strings.


def _wildcard(value: str) -> re.Pattern[str]:
    """A gold value with X's as a pattern: "1989-WXX" matches "1989-W43" (and "1989-W43-2")."""
    body = "".join(r"[0-9A-Z]" if c == "X" else re.escape(c) for c in value)
    return re.compile(body + r"(?:[-T].*)?")


def disagreement_kind(gold_value: str, system_value: str) -> str:
    """Why a relaxed pair's values differ: "notation" (the same value written another way:
    "2000-W7"/"2000-W07", "199X"/"199", "1968-XX"/"1968"), "gold less specific" (the gold
    leaves X's where the system gives digits that fit: "1989-WXX"/"1989-W43"), "part of day"
    (the same day, with or without a part of day: "1999-02-04"/"1999-02-04TNI"), or "other"."""
    g, s = gold_value.strip(), system_value.strip()
    if re.sub(r"-W0(\d)", r"-W\1", g) == re.sub(r"-W0(\d)", r"-W\1", s):
        return "notation"
    if g.rstrip("X-") == s.rstrip("X-") and g.rstrip("X-"):
        return "notation"
    if "X" in g and g[:1].isdigit() and _wildcard(g).fullmatch(s):
        return "gold less specific"
    gm, sm = PART_OF_A_DAY.fullmatch(g), PART_OF_A_DAY.fullmatch(s)
    if (gm and gm.group(1) == s) or (sm and sm.group(1) == g) or (gm and sm and gm[1] == sm[1]):
        return "part of day"
    if _conventional(g) == _conventional(s):
        return "convention"
    return "other"


def _conventional(value: str) -> str:
    """A value in TBAQ's conventions, where annotators following the guidelines' other
    options wrote the same time differently: no zone on a clock time ("T09:00Z",
    "T16:00-04"), no fiscal-year prefix ("FY2009"), lengths in years rather than decades or
    centuries ("P2DE" = "P20Y"), months rather than quarters ("P1Q" = "P3M"), minutes with
    their seconds ("T24" = "T24:00")."""
    v = re.sub(r"(T\d\d(?::\d\d)?)(?:Z|[+-]\d\d(?::?\d\d)?)$", r"\1", value)
    v = re.sub(r"^FY", "", v)
    v = re.sub(r"T(\d\d)$", r"T\1:00", v)
    m = re.fullmatch(r"P(\d+|X)(DE|CE|Q)", v)
    if m:
        n, unit = m.groups()
        if n == "X":
            v = {"DE": "PXE", "CE": "PXC", "Q": "PXQ"}[unit]
        else:
            v = f"P{int(n) * {'DE': 10, 'CE': 100, 'Q': 3}[unit]}{'M' if unit == 'Q' else 'Y'}"
    return re.sub(r"^PT?X([HM])$", r"PTX\1", v) if v.startswith("P") else v


def value_disagreements(
    gold: dict[str, list[Span]], system: dict[str, list[Span]]
) -> dict[str, int]:
    """How many relaxed pairs disagree on value, by ``disagreement_kind``."""
    kinds: dict[str, int] = {}
    for name, g in gold.items():
        s = system.get(name, [])
        for i, j in relaxed_pairs(g, s):
            if g[i].value.strip() != s[j].value.strip():
                k = disagreement_kind(g[i].value, s[j].value)
                kinds[k] = kinds.get(k, 0) + 1
    return kinds


def bootstrap_interval(
    gold: dict[str, list[Span]],
    system: dict[str, list[Span]],
    measure: str = "value_F1",
    samples: int = 1000,
    seed: int = 0,
    level: float = 0.95,
) -> tuple[float, float]:
    """A percentile bootstrap interval for one measure, resampling whole documents.

    A score over a few dozen documents moves by points with the choice of documents (one
    document of earnings reports can hold twenty "a year ago"s), so a figure is reported with
    the range it would plausibly take on another draw of documents like these. Documents, not
    timexes, are resampled because the errors within a document are not independent.
    """
    values = [m[measure] for (m,) in _resampled_measures(gold, (system,), samples, seed)]
    return _percentiles(values, level)


def paired_bootstrap_difference(
    gold: dict[str, list[Span]],
    system: dict[str, list[Span]],
    other: dict[str, list[Span]],
    measure: str = "value_F1",
    samples: int = 1000,
    seed: int = 0,
    level: float = 0.95,
) -> tuple[float, float]:
    """A percentile bootstrap interval of ``system``'s measure minus ``other``'s.

    Both are scored on the same draw of documents each time, so what the two share (a hard
    document, an easy one) cancels out; an interval wholly above zero says ``system`` leads on
    documents like these, not just on this draw of them.
    """
    values = [
        m[measure] - o[measure]
        for m, o in _resampled_measures(gold, (system, other), samples, seed)
    ]
    return _percentiles(values, level)


def _resampled_measures(gold, systems, samples, seed):
    """Each system's measures on ``samples`` draws of the documents with replacement (a
    document drawn twice counts twice). Each document is matched once; a draw sums counts."""
    names = sorted(gold)
    counts = [[_counts(gold[n], s.get(n, [])) for n in names] for s in systems]
    rng = random.Random(seed)
    for _ in range(samples):
        draw = [rng.randrange(len(names)) for _ in names]
        yield tuple(
            _measures([sum(per_doc[i][k] for i in draw) for k in range(6)]) for per_doc in counts
        )


def _percentiles(values: list[float], level: float) -> tuple[float, float]:
    values = sorted(values)
    tail = (1 - level) / 2
    lo = values[int(tail * (len(values) - 1))]
    hi = values[int(round((1 - tail) * (len(values) - 1)))]
    return lo, hi
