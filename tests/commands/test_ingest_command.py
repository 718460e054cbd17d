"""ingest: idempotent on the seed files; every bad input gets one line and writes nothing."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from django.core.management import call_command

from timeline.models import Actor, Article, Event, EventActor, Excerpt, Place, Publisher

from .conftest import SEED_DIR, undated_article

SMALL_SEED = SEED_DIR / "002_4fb60a34412dd3ff.txt"  # one article, 2.3 KB


def db_counts() -> dict[str, int]:
    models = (Article, Event, Excerpt, Actor, Place, Publisher, EventActor)
    return {m.__name__: m.objects.count() for m in models}


def table(out: str) -> dict[str, tuple[int, ...]]:
    """The counts table of the ingest report: {model: (inserted, updated, unchanged, deleted)}."""
    rows = {}
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 5 and parts[1].isdigit():
            rows[parts[0]] = tuple(int(p) for p in parts[1:])
    return rows


@pytest.mark.django_db
def test_ingest_seed_files_twice_changes_nothing(pipeline, run_command, seed_files):
    code, out, err = run_command("ingest", *map(str, seed_files))
    assert code == 0, err
    assert err == ""  # no progress bar when stderr is not a terminal
    first = table(out)
    assert first["articles"][0] == 13
    assert first["events"][0] > 0 and first["excerpts"][0] >= first["events"][0]
    assert first["publishers"][0] > 0 and first["places"][0] > 0 and first["actors"][0] > 0
    before = db_counts()
    assert first["actors"][0] == before["Actor"] and first["places"][0] == before["Place"]
    assert first["publishers"][0] == before["Publisher"]
    for x in Excerpt.objects.select_related("article"):
        assert x.quote == x.article.body[x.start : x.end]

    code, out, err = run_command("ingest", "--no-progress", *map(str, seed_files))
    assert code == 0, err
    second = table(out)
    for model, (inserted, updated, _unchanged, deleted) in second.items():
        assert (inserted, updated, deleted) == (0, 0, 0), model
    assert second["articles"][2] == 13
    assert second["events"][2] == first["events"][0]
    assert second["actors"][2] == before["Actor"]
    assert "Nothing changed." in out
    assert db_counts() == before


@pytest.mark.django_db
def test_a_directory_stands_for_its_txt_files(pipeline, run_command, tmp_path):
    shutil.copy(SMALL_SEED, tmp_path / "one.txt")
    (tmp_path / "notes.md").write_text("not an article", encoding="utf-8")
    code, out, err = run_command("ingest", str(tmp_path))
    assert code == 0, err
    assert "Ingested 1 of 1 file: 1 article" in out
    assert Article.objects.get().origin_file == "one.txt"


def _bad_inputs(tmp: Path) -> dict[str, tuple[Path, str]]:
    """name -> (path, the problem its one line must state)."""
    (tmp / "empty.txt").write_bytes(b"")
    (tmp / "blank.txt").write_bytes(b"\n  \n\n")
    (tmp / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    (tmp / "latin1.txt").write_bytes("Les milices chiites \u00e0 Baiji".encode("latin-1"))
    (tmp / "digits.txt").write_bytes(b"2015 -- 12 / 07 ... 3 4 5\n")
    (tmp / "huge.txt").write_bytes(b"Baiji. " * 2000)
    (tmp / "header_only.txt").write_bytes(b"Title: Raid on Baiji\nPublished: 2015-09-01\n\n")
    return {
        "empty": (tmp / "empty.txt", "empty file"),
        "whitespace": (tmp / "blank.txt", "empty file"),
        "binary": (tmp / "image.txt", "binary file, not text (NUL byte at offset 8)"),
        "not utf-8": (tmp / "latin1.txt", "not UTF-8 (invalid byte 0xe0 at offset 20)"),
        "no article text": (tmp / "digits.txt", "no article text"),
        "missing": (tmp / "nope.txt", "no such file or directory"),
        "too large": (tmp / "huge.txt", "file too large (13.7 KiB; the limit is 9.8 KiB)"),
        "header only": (tmp / "header_only.txt", "no article text found"),
    }


@pytest.mark.django_db
@pytest.mark.parametrize(
    "case",
    [
        "empty",
        "whitespace",
        "binary",
        "not utf-8",
        "no article text",
        "header only",
        "missing",
        "too large",
    ],
)
def test_bad_input_one_line_nonzero_nothing_written_good_file_in(
    case, pipeline, run_command, tmp_path, settings
):
    settings.TIMELINE_MAX_ARTICLE_BYTES = 10_000
    bad, problem = _bad_inputs(tmp_path)[case]
    good = tmp_path / "good.txt"
    shutil.copy(SMALL_SEED, good)

    code, out, err = run_command("ingest", str(bad), str(good))

    assert code != 0
    lines = err.strip().splitlines()
    assert lines == [f"CommandError: {bad}: {problem}"] or (
        len(lines) == 1 and lines[0].startswith(f"CommandError: {bad}: ") and problem in lines[0]
    )
    assert "Traceback" not in err
    assert "Ingested 1 of 2 files" in out
    assert list(Article.objects.values_list("origin_file", flat=True)) == ["good.txt"]


@pytest.mark.django_db
def test_several_bad_files_one_line_each(pipeline, run_command, tmp_path):
    bad = _bad_inputs(tmp_path)
    code, out, err = run_command("ingest", str(bad["empty"][0]), str(bad["binary"][0]))
    assert code == 1
    lines = err.strip().splitlines()
    assert len(lines) == 2
    assert str(bad["empty"][0]) in lines[0] and str(bad["binary"][0]) in lines[1]
    assert Article.objects.count() == 0


@pytest.mark.django_db
def test_malformed_published_option_writes_nothing(run_command):
    code, out, err = run_command("ingest", "--published", "2015-13-01", str(SMALL_SEED))
    assert code != 0
    assert err.strip().splitlines() == [
        "CommandError: --published: '2015-13-01' is not a valid date (YYYY-MM-DD)"
    ]
    assert Article.objects.count() == 0


@pytest.mark.django_db
def test_malformed_header_date_is_refused_and_good_file_still_goes_in(
    pipeline, run_command, tmp_path
):
    bad = tmp_path / "header.txt"
    bad.write_text(
        "Title: Raid on Baiji\nPublished: 2015-31-12\n\nIraqi forces attacked Baiji on Tuesday.\n",
        encoding="utf-8",
    )
    good = tmp_path / "good.txt"
    shutil.copy(SMALL_SEED, good)
    code, out, err = run_command("ingest", str(bad), str(good))
    assert code != 0
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"CommandError: {bad}: ")
    assert "2015-31-12" in lines[0]
    assert list(Article.objects.values_list("origin_file", flat=True)) == ["good.txt"]


@pytest.mark.django_db
def test_published_option_supplies_the_date(pipeline, run_command, tmp_path):
    f = undated_article(tmp_path)
    code, out, err = run_command("ingest", "--published", "2015-09-05", str(f))
    assert code == 0, err
    article = Article.objects.get()
    assert str(article.published) == "2015-09-05"
    assert article.published_basis != "unknown"


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.django_db
def test_progress_bar_on_a_terminal_only_and_not_with_no_progress(pipeline):
    err = _Terminal()
    call_command("ingest", str(SMALL_SEED), stdout=io.StringIO(), stderr=err)
    assert "ingest:" in err.getvalue() and "0/2 [" in err.getvalue()  # 2 steps per file

    err = _Terminal()
    call_command("ingest", "--no-progress", str(SMALL_SEED), stdout=io.StringIO(), stderr=err)
    assert err.getvalue() == ""


def test_unmigrated_database_gets_one_line_not_a_traceback_per_file(tmp_path):
    """The real command line against a database nobody migrated."""
    import os
    import subprocess
    import sys

    from .conftest import REPO

    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'fresh.sqlite3'}"}
    for command in (["ingest", str(SMALL_SEED)], ["evaluate_extraction"]):
        proc = subprocess.run(
            [sys.executable, "manage.py", *command],
            cwd=REPO,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert proc.returncode == 1
        assert proc.stderr.strip().splitlines() == [
            "CommandError: the database has no timeline tables yet; run `python manage.py "
            "bootstrap` (or `migrate`) first"
        ]


@pytest.mark.django_db
def test_error_lines_follow_the_order_of_the_arguments(pipeline, run_command, tmp_path):
    # Unreadable paths fail while reading, bad files while ingesting: one order all the same.
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\x00\x01\x02")
    missing_1, missing_2 = tmp_path / "missing-1.txt", tmp_path / "missing-2.txt"
    args = [str(binary), str(missing_1), str(empty), str(missing_2)]
    code, out, err = run_command("ingest", *args)
    assert code == 1
    lines = err.strip().splitlines()
    assert len(lines) == 4
    for arg, line in zip(args, lines, strict=True):
        assert arg in line, (arg, line)
