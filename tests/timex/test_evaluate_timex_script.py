"""scripts/evaluate_timex.py --against: how far two annotations of the same documents agree."""

from pathlib import Path

import pytest

from tests.scripts import load_script

ROOT = Path(__file__).resolve().parents[2]
evaluate_timex = load_script("scripts/evaluate_timex.py")

REAL = ROOT / "fixtures" / "timex_real"


def test_an_annotation_agrees_with_itself():
    files = sorted((REAL / "first").glob("*.tml"))
    scores = evaluate_timex.evaluate(files, REAL / "first")
    assert scores["value_F1"] == scores["strict_F1"] == 1.0


def test_two_annotators_agree_less_than_fully(capsys):
    assert evaluate_timex.main([str(REAL / "first"), "--against", str(REAL / "second")]) == 0
    out = capsys.readouterr().out
    assert "249 documents, 1630 gold, 1667 system timexes" in out
    assert "value F1 0.9451" in out


def test_a_missing_or_different_document_is_refused(tmp_path):
    one = sorted((REAL / "first").glob("*.tml"))[0]
    with pytest.raises(SystemExit, match="no annotation of"):
        evaluate_timex.tag_files([one], tmp_path)
    (tmp_path / one.name).write_text(
        one.read_text(encoding="utf-8").replace("<TEXT>", "<TEXT>X", 1), encoding="utf-8"
    )
    with pytest.raises(SystemExit, match="its text differs"):
        evaluate_timex.tag_files([one], tmp_path)
