"""scripts/score_second_annotation.py and the second annotations it scores."""

import json
from itertools import pairwise
from pathlib import Path

import pytest

from tests.scripts import load_script

ROOT = Path(__file__).resolve().parents[2]
second = load_script("scripts/score_second_annotation.py")

TBAQ_SECOND = ROOT / "fixtures" / "timex_tbaq_second"
TBAQ = ROOT.parent / "shared" / "timeml" / "tbaq"
TYPES = {"DATE", "TIME", "DURATION", "SET"}


def _timeml(text_with_tags: str, dct: str) -> str:
    return (
        '<?xml version="1.0" ?>\n<TimeML>\n<DCT><TIMEX3 tid="t0" type="DATE" '
        f'value="{dct}" functionInDocument="CREATION_TIME">{dct}</TIMEX3></DCT>\n'
        f"<TEXT>{text_with_tags}</TEXT>\n</TimeML>\n"
    )


def _fake_tbaq(root: Path) -> None:
    """Five TimeBank documents (the fifth is the held-out one) and none in AQUAINT."""
    (root / "TimeBank").mkdir(parents=True)
    (root / "AQUAINT").mkdir()
    for n in range(5):
        body = 'Rain fell <TIMEX3 tid="t1" type="DATE" value="1998-02-13">Friday</TIMEX3>.'
        (root / "TimeBank" / f"doc{n}.tml").write_text(_timeml(body, "1998-02-14"))


def _write(folder: Path, name: str, rows: list[dict]) -> None:
    (folder / name).write_text("".join(json.dumps(r) + "\n" for r in rows))


def test_it_scores_each_annotation_against_tbaq_and_each_other(tmp_path, capsys):
    _fake_tbaq(tmp_path / "tbaq")
    friday = {"start": 10, "end": 16, "type": "DATE", "value": "1998-02-13"}
    _write(tmp_path, "A.jsonl", [{"doc": "doc4", "timexes": [friday]}])
    _write(tmp_path, "B.jsonl", [{"doc": "doc4.tml", "timexes": [dict(friday, value="1998-W07")]}])
    args = [str(tmp_path), str(tmp_path / "tbaq" / "TimeBank"), "--part", "held"]
    assert second.main(args) == 0
    out = capsys.readouterr().out
    assert "tbaq/TimeBank (held): 1 documents; TIMEX3: first 1, A 1, B 1" in out
    assert "A against the first                100.0  100.0  100.0  100.0" in out
    assert "B against A                        100.0  100.0    0.0  100.0" in out
    assert "this resolver against the first    100.0  100.0  100.0  100.0" in out


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ([{"doc": "doc9", "timexes": []}], "not among the documents scored"),
        (
            [{"doc": "doc4", "timexes": [{"start": 10, "end": 99, "type": "DATE", "value": "X"}]}],
            "outside doc4's text",
        ),
        ([], "no annotation of doc4"),
    ],
)
def test_an_annotation_that_does_not_fit_the_texts_is_refused(tmp_path, rows, message):
    _fake_tbaq(tmp_path / "tbaq")
    _write(tmp_path, "A.jsonl", rows)
    with pytest.raises(SystemExit, match=message):
        second.read_annotation(tmp_path / "A.jsonl", {"doc4": "Rain fell Friday."})


@pytest.mark.parametrize("name", ["held/A.jsonl", "held/B.jsonl", "tuning/A.jsonl"])
def test_the_committed_tbaq_annotations_are_whole_and_well_formed(name):
    rows = [json.loads(line) for line in (TBAQ_SECOND / name).read_text().splitlines()]
    assert len(rows) == len({r["doc"] for r in rows}) == (206 if "tuning" in name else 50)
    for row in rows:
        spans = sorted((t["start"], t["end"]) for t in row["timexes"])
        assert all(a < b for a, b in spans), row["doc"]
        assert all(b1 <= a2 for (_, b1), (a2, _) in pairwise(spans)), row["doc"]
        assert all(t["type"] in TYPES and t["value"] for t in row["timexes"]), row["doc"]


@pytest.mark.skipif(not TBAQ.is_dir(), reason="needs ../shared/timeml/tbaq beside the repository")
def test_the_committed_annotations_fit_tbaqs_held_out_texts(capsys):
    dirs = [str(TBAQ / "TimeBank"), str(TBAQ / "AQUAINT"), "--part", "held"]
    assert second.main([str(TBAQ_SECOND / "held"), *dirs]) == 0
    assert "all (held): 50 documents; TIMEX3: first 365, A 382, B 379" in capsys.readouterr().out
    dirs[-1] = "dev"
    assert second.main([str(TBAQ_SECOND / "tuning"), *dirs]) == 0
    assert "all (dev): 206 documents; TIMEX3: first 1457, A 1587\n" in capsys.readouterr().out


NEWS_SECOND = ROOT / "fixtures" / "timex_news_second"
NEWS_DEV = [ROOT / "fixtures" / "timex_esc" / "dev", ROOT / "fixtures" / "timex_meantime" / "dev"]
NEWS_TEST = [
    ROOT / "fixtures" / "timex_esc" / "test",
    ROOT / "fixtures" / "timex_meantime" / "test",
]


def test_the_committed_news_annotations_fit_their_documents(capsys):
    assert second.main([str(NEWS_SECOND / "test"), *map(str, NEWS_TEST)]) == 0
    out = capsys.readouterr().out
    assert "all (all): 176 documents; TIMEX3: first 478, A 538, B 548" in out
    assert second.main([str(NEWS_SECOND / "dev"), *map(str, NEWS_DEV)]) == 0
    out = capsys.readouterr().out
    assert "all (all): 193 documents; TIMEX3: first 536, A 624, B 621" in out


@pytest.mark.parametrize("name", ["test/A.jsonl", "test/B.jsonl", "dev/A.jsonl", "dev/B.jsonl"])
def test_the_committed_news_annotations_are_well_formed(name):
    for line in (NEWS_SECOND / name).read_text().splitlines():
        row = json.loads(line)
        spans = sorted((t["start"], t["end"]) for t in row["timexes"])
        assert all(b1 <= a2 for (_, b1), (a2, _) in pairwise(spans)), row["doc"]
        assert all(t["type"] in TYPES and t["value"] for t in row["timexes"]), row["doc"]


def test_one_annotation_alone_is_scored_without_b(tmp_path, capsys):
    _fake_tbaq(tmp_path / "tbaq")
    friday = {"start": 10, "end": 16, "type": "DATE", "value": "1998-02-13"}
    _write(tmp_path, "A.jsonl", [{"doc": "doc4", "timexes": [friday]}])
    args = [str(tmp_path), str(tmp_path / "tbaq" / "TimeBank"), "--part", "held"]
    assert second.main(args) == 0
    out = capsys.readouterr().out
    assert "TIMEX3: first 1, A 1\n" in out
    assert "this resolver against A" in out
    assert "against B" not in out
