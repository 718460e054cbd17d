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


def test_files_of_one_name_in_two_folders_are_both_scored(tmp_path):
    # the blind batches hold two documents of one file name in different folders
    one = sorted((REAL / "first").glob("*.tml"))[0]
    other = sorted((REAL / "first").glob("*.tml"))[1]
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "doc.tml").write_bytes(one.read_bytes())
    (tmp_path / "b" / "doc.tml").write_bytes(other.read_bytes())
    both = evaluate_timex.evaluate([tmp_path / "a" / "doc.tml", tmp_path / "b" / "doc.tml"])
    each = [evaluate_timex.evaluate([f]) for f in (one, other)]
    assert both["gold"] == each[0]["gold"] + each[1]["gold"]
    assert both["system"] == each[0]["system"] + each[1]["system"]
