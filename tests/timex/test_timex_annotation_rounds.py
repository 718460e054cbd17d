"""scripts/timex_annotation_rounds.py: what the second annotator and the adjudicator get."""

from pathlib import Path

import pytest

from tests.scripts import load_script

ROOT = Path(__file__).resolve().parents[2]
rounds = load_script("scripts/timex_annotation_rounds.py")

TEXT = "\nTalks resumed Monday after two years, officials said.\n"


def _tml(folder: Path, name: str, tags: list[tuple[str, str, str]], text: str = TEXT) -> Path:
    """A TimeML file of ``text`` with each (words, type, value) tagged at its first place."""
    body, pos, tid = "", 0, 1
    for words, typ, value in tags:
        at = text.index(words, pos)
        body += text[pos:at]
        body += f'<TIMEX3 tid="t{tid}" type="{typ}" value="{value}">{words}</TIMEX3>'
        pos, tid = at + len(words), tid + 1
    body += text[pos:]
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(
        '<?xml version="1.0" ?>\n<TimeML>\n<DOCID>x</DOCID>\n'
        '<DCT><TIMEX3 tid="t0" type="DATE" value="2010-01-06" '
        'functionInDocument="CREATION_TIME">2010-01-06</TIMEX3></DCT>\n'
        f"<TITLE>Talks resume</TITLE>\n<TEXT>{body}</TEXT>\n</TimeML>\n",
        encoding="utf-8",
    )
    return path


def test_the_second_annotator_gets_the_plain_texts_and_dcts(tmp_path):
    _tml(tmp_path / "RX", "VOA_ENG_20100106.0001.tml", [("Monday", "DATE", "2010-01-04")])
    assert rounds.write_inputs(tmp_path / "RX", tmp_path / "out") == 1
    assert (tmp_path / "out/input/VOA_ENG_20100106.0001.txt").read_text() == TEXT
    assert (tmp_path / "out/input/DCT.tsv").read_text().splitlines() == [
        "file\tdct\ttitle",
        "VOA_ENG_20100106.0001.tml\t2010-01-06\tTalks resume",
    ]


def test_the_adjudicator_gets_every_difference_in_text_order(tmp_path):
    name = "VOA_ENG_20100106.0001.tml"
    _tml(
        tmp_path / "RX", name, [("Monday", "DATE", "2010-01-04"), ("two years", "DURATION", "P2Y")]
    )
    _tml(
        tmp_path / "second", name, [("Monday", "DATE", "2010-01-11"), ("said", "DATE", "PAST_REF")]
    )
    assert rounds.write_disagreements(tmp_path / "RX", tmp_path / "second", tmp_path / "adj") == 3
    listed = (tmp_path / "adj/DISAGREEMENTS.md").read_text()
    assert "2010-01-04" in listed and "2010-01-11" in listed
    assert listed.index("Monday") < listed.index("two years") < listed.index("`said`")
    assert "only: `two years` DURATION P2Y" in listed
    assert sorted(p.name for p in (tmp_path / "adj").iterdir()) == ["DISAGREEMENTS.md", "X", "Y"]
    assert (tmp_path / "adj/X" / name).exists() and (tmp_path / "adj/Y" / name).exists()


def test_annotations_of_different_texts_are_refused(tmp_path):
    name = "VOA_ENG_20100106.0001.tml"
    _tml(tmp_path / "RX", name, [])
    _tml(tmp_path / "second", name, [], text=TEXT.replace("Talks", "Fights"))
    with pytest.raises(ValueError, match="different texts"):
        rounds.write_disagreements(tmp_path / "RX", tmp_path / "second", tmp_path / "adj")


def test_the_real_news_set_s_annotators_differed_where_its_adjudication_says():
    # notes/RA-adjudication.md settles two places in this document: "Week" and "now"
    name = "VOA_ENG_20040703.0001.tml"
    first = rounds.read_gold(ROOT / "fixtures/timex_real/first" / name)
    second = rounds.read_gold(ROOT / "fixtures/timex_real/second" / name)
    assert rounds.disagreements(first, first) == []
    found = rounds.disagreements(first, second)
    assert len(found) == 2
    assert any("`Week`" in line for line in found) and any("`now`" in line for line in found)
