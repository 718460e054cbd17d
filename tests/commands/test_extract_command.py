"""extract: JSON lines with exactly the documented keys, and no database at all."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

from .conftest import REPO, SEED_DIR, undated_article

KEYS = {
    "date_start",
    "date_end",
    "date_precision",
    "date_basis",
    "place",
    "country",
    "latitude",
    "longitude",
    "actors",
    "event_type",
    "fatalities",
    "excerpt",
    "article",
}
ARTICLE_KEYS = {"title", "publisher", "published"}
EVENT_TYPES = {
    "battles",
    "explosions_remote_violence",
    "violence_against_civilians",
    "protests",
    "riots",
    "strategic_developments",
}


# No django_db mark: pytest-django makes any database access in these tests an error.
def test_extract_prints_json_lines_with_exactly_the_keys(pipeline, run_command, seed_files):
    code, out, err = run_command("extract", *map(str, seed_files))
    assert code == 0, err
    lines = out.splitlines()
    assert lines, "the seed files report events"
    titles = set()
    for line in lines:
        row = json.loads(line)
        assert set(row) == KEYS
        assert set(row["article"]) == ARTICLE_KEYS
        assert row["event_type"] in EVENT_TYPES
        assert row["date_precision"] in {"day", "week", "month", "year", "unknown"}
        assert isinstance(row["actors"], list)
        assert isinstance(row["excerpt"], str) and row["excerpt"].strip()
        if row["date_start"] is not None:
            assert row["date_start"] <= row["date_end"]  # ISO dates sort as strings
        titles.add(row["article"]["title"])
    assert len(titles) > 5  # the nine articles of 004 are told apart


def test_extract_bad_file_one_line_others_still_printed(pipeline, run_command, tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00B\x00a")
    good = tmp_path / "good.txt"
    shutil.copy(SEED_DIR / "001_354839b74dadc0dd.txt", good)
    code, out, err = run_command("extract", str(bad), str(tmp_path / "missing.txt"), str(good))
    assert code == 1
    assert err.strip().splitlines() == [
        f"CommandError: {bad}: UTF-16 text, not UTF-8; save the file as UTF-8",
        f"{tmp_path / 'missing.txt'}: no such file or directory",
    ]
    assert out.strip() and all(json.loads(line) for line in out.splitlines())


def test_extract_from_the_shell_needs_no_database(pipeline, tmp_path):
    """The real command line: exit status, one stderr line, no traceback, no database file."""
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    good = tmp_path / "good.txt"
    shutil.copy(SEED_DIR / "002_4fb60a34412dd3ff.txt", good)
    db = tmp_path / "never.sqlite3"
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{db}"}
    proc = subprocess.run(
        [sys.executable, "manage.py", "extract", str(empty), str(good)],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 1
    assert proc.stderr.strip().splitlines() == [f"CommandError: {empty}: empty file"]
    for line in proc.stdout.splitlines():
        assert set(json.loads(line)) == KEYS
    assert not db.exists()


def test_extract_published_option_supplies_the_date(pipeline, run_command, tmp_path):
    f = undated_article(tmp_path)
    code, out, err = run_command("extract", "--published", "2015-09-05", str(f))
    assert code == 0, err
    rows = [json.loads(line) for line in out.splitlines()]
    assert rows and {r["article"]["published"] for r in rows} == {"2015-09-05"}


def test_extract_malformed_published_option(run_command):
    code, out, err = run_command("extract", "--published", "5 Sept 2015", "x.txt")
    assert code == 2 and out == ""
    assert err.strip().splitlines() == [
        "CommandError: --published: '5 Sept 2015' is not a date in the form YYYY-MM-DD"
    ]


PASSED_OVER_KEYS = {
    "date_start",
    "date_end",
    "date_precision",
    "date_text",
    "place",
    "country",
    "place_precision",
    "places",
    "actors",
    "sentence",
    "start",
    "end",
    "article",
}


def test_extract_passed_over_prints_the_sentences_no_candidate_quotes(
    pipeline, run_command, tmp_path
):
    photographed = (
        "On March 3, Qassem Soleimani was photographed with Kataib Hezbollah commanders near "
        "Tikrit."
    )
    body = (
        "On Tuesday, Kataib Hezbollah fighters attacked an Islamic State position near Baiji, "
        f"killing 12 militants.\n\n{photographed} Kataib Hezbollah has long been close to Iran.\n"
    )
    path = tmp_path / "news.txt"
    path.write_text(f"Title: Militia news\nPublished: 2015-03-06\n\n{body}", encoding="utf-8")
    code, out, err = run_command("extract", "--passed-over", str(path))
    assert code == 0, err
    (row,) = [json.loads(line) for line in out.splitlines()]  # the attack is a candidate's
    assert set(row) == PASSED_OVER_KEYS and set(row["article"]) == ARTICLE_KEYS
    assert row["sentence"] == photographed
    assert body[row["start"] : row["end"]] == photographed  # offsets into the article's body
    assert (row["date_start"], row["date_precision"], row["date_text"]) == (
        "2015-03-03",
        "day",
        "March 3",
    )
    assert (row["place"], row["country"], row["place_precision"]) == ("Tikrit", "Iraq", "near")
    assert row["actors"] == ["Qassem Soleimani", "Kataib Hezbollah"]
    # without the option the same file gives the candidate, not the sentence
    code, out, err = run_command("extract", str(path))
    assert [json.loads(line)["excerpt"][:11] for line in out.splitlines()] == ["On Tuesday,"]
