"""Fixtures for the seed dataset tests: the shipped files, read once."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
ARTICLES_DIR = REPO / "fixtures" / "articles"
SEED = REPO / "fixtures" / "seed.json"
REVIEW = REPO / "fixtures" / "curation" / "seed_review.json"
REPORT = REPO / "fixtures" / "curation" / "seed_report.json"


@pytest.fixture(scope="session")
def seed_rows() -> list[dict]:
    return json.loads(SEED.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def seed_by_model(seed_rows) -> dict[str, dict[int, dict]]:
    out: dict[str, dict[int, dict]] = {}
    for row in seed_rows:
        out.setdefault(row["model"], {})[row["pk"]] = row["fields"]
    return out


@pytest.fixture(scope="session")
def review() -> dict:
    return json.loads(REVIEW.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def report() -> dict:
    return json.loads(REPORT.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def article_files() -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(ARTICLES_DIR.glob("*.txt"))}
