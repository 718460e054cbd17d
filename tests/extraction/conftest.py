"""Fixtures for the extraction tests: the seed files, split once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from timeline.extraction.pipeline import extract_from_text

SEEDS = Path(__file__).resolve().parents[2] / "fixtures" / "articles"


def seed_path(prefix: str) -> Path:
    """The seed file whose name starts with ``prefix`` ("000" … "004")."""
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path


@pytest.fixture(scope="session")
def seed_results():
    """{prefix: (articles, candidates)} for every seed file."""
    out = {}
    for path in sorted(SEEDS.glob("*.txt")):
        out[path.name[:3]] = extract_from_text(
            path.read_text(encoding="utf-8"), origin_file=path.name
        )
    return out
