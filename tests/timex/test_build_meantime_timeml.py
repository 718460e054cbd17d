"""scripts/build_meantime_timeml.py: MEANTIME's transcription to the TimeML the scorer reads."""

import json
from pathlib import Path

import pytest

from tests.scripts import load_script
from timeline.extraction.temporal.scoring import read_gold

ROOT = Path(__file__).resolve().parents[2]
meantime = load_script("scripts/build_meantime_timeml.py")


@pytest.mark.parametrize(
    ("tokens", "text"),
    [
        (["December", "20", ",", "2007"], "December 20, 2007"),
        (
            ["Indonesia", "'s", "minister", "(", "EU", ")", "wo", "n't"],
            "Indonesia's minister (EU) won't",
        ),
        (["``", "We", "agree", ",", "''", "he", "said", "."], '"We agree," he said.'),
        (['"', "Yes", '"', "and", '"', "no", '"'], '"Yes" and "no"'),
        (["up", "45", "%", "to", "US$", "9"], "up 45% to US$9"),
    ],
)
def test_tokens_are_written_out_as_english(tokens, text):
    written, spans = meantime.detokenize(tokens)
    assert written == text
    assert [written[a:b] for a, b in spans] == [meantime._QUOTES.get(t, t) for t in tokens]


def _article(timexes, dct_value="2007-12-20", dct_function="CREATION_TIME"):
    """A transcribed article: headline, date line, two annotated sentences, one not."""
    sentences = [
        ["Airline", "buys", "jets"],
        ["December", "20", ",", "2007"],
        ["It", "will", "receive", "jets", "from", "2009", "to", "2011", "."],
        ["The", "deal", "was", "signed", "on", "Monday", "."],
        ["Shares", "rose", "last", "week", "."],
    ]
    rows, t_id = [], 1
    for n, tokens in enumerate(sentences):
        rows.append({"sentence": n, "first_t_id": t_id, "tokens": tokens, "annotated": n < 4})
        t_id += len(tokens)
    dct = {
        "attributes": {"functionInDocument": dct_function, "type": "DATE", "value": dct_value},
        "t_ids": [4, 5, 6, 7],
        "text": "December 20 , 2007",
    }
    return {"sentences": rows, "max_anchor_t_id": 23, "timex3": [dct, *timexes]}


def _timex(kind, value, t_ids, text):
    return {"attributes": {"type": kind, "value": value}, "t_ids": t_ids, "text": text}


def test_an_article_becomes_a_timeml_document_the_scorer_reads(tmp_path):
    source = tmp_path / "source"
    source.mkdir()
    article = _article(
        [
            _timex("DURATION", "P2Y", [13, 14, 15, 16], "from 2009 to 2011"),
            _timex("DATE", "2009", [13], "2009"),
            _timex("DATE", "2011", [15], "2011"),
            _timex("DATE", "2007-12-17", [22], "Monday"),
            _timex("DATE", "2007-W50", [26, 27], "last week"),  # past the annotated sentences
            _timex("DATE", "2007", [], ""),  # anchored to no token
        ]
    )
    (source / "airbus__1_Airline_buys_jets.json").write_text(json.dumps(article))
    report = meantime.build(source, tmp_path)
    doc = read_gold(tmp_path / "dev" / "airbus__1_Airline_buys_jets.tml")
    assert doc.dct == "2007-12-20"
    assert doc.text == (
        "Airline buys jets\n\n"
        "It will receive jets from 2009 to 2011. The deal was signed on Monday."
    )
    assert [(doc.text[t.start : t.end], t.value) for t in doc.timexes] == [
        ("2009", "2009"),
        ("2011", "2011"),
        ("Monday", "2007-12-17"),
    ]
    assert report.documents == {"dev": 1, "test": 0}
    assert any("P2Y around others dropped" in r for r in report.repairs)


def test_a_mistyped_or_unmarked_creation_time_is_the_date_the_line_shows(tmp_path):
    source = tmp_path / "source"
    source.mkdir()
    (source / "gm__1_a.json").write_text(json.dumps(_article([], dct_value="12-20-2007")))
    (source / "gm__2_b.json").write_text(json.dumps(_article([], dct_function="NONE")))
    report = meantime.build(source, tmp_path)
    assert read_gold(tmp_path / "dev" / "gm__1_a.tml").dct == "2007-12-20"
    assert read_gold(tmp_path / "test" / "gm__2_b.tml").dct == "2007-12-20"
    assert len(report.repairs) == 2


def test_the_committed_files_are_what_the_transcription_builds(tmp_path):
    fixtures = ROOT / "fixtures" / "timex_meantime"
    report = meantime.build(fixtures / "source", tmp_path)
    assert report.documents == {"dev": 58, "test": 56}
    for part in ("dev", "test"):
        committed = sorted(p.name for p in (fixtures / part).glob("*.tml"))
        assert committed == sorted(p.name for p in (tmp_path / part).glob("*.tml"))
        for name in committed:
            assert (fixtures / part / name).read_bytes() == (tmp_path / part / name).read_bytes(), (
                name
            )
