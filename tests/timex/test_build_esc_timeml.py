"""scripts/build_esc_timeml.py: the Event StoryLine Corpus's transcription to TimeML."""

import json
from pathlib import Path

import pytest

from tests.scripts import load_script
from timeline.extraction.temporal.scoring import read_gold

ROOT = Path(__file__).resolve().parents[2]
esc = load_script("scripts/build_esc_timeml.py")


@pytest.mark.parametrize(
    ("tokens", "text"),
    [
        (["July", "03", ",", "2013", "6", ":", "22AM"], "July 03, 2013 6:22AM"),
        (["at", "3", "p", ".", "m", ".", "(", "1200", "GMT", ")"], "at 3 p.m. (1200 GMT)"),
        (["6", ".", "1", "-", "magnitude", "quake"], "6.1-magnitude quake"),
        (
            ["killed", "1", ",", "000", "people", ",", "officials", "said"],
            "killed 1,000 people, officials said",
        ),
        (["the", "U", ".", "S", ".", "military"], "the U.S. military"),
        (["UPDATED", "05", "/", "03", "/", "2013", "at"], "UPDATED 05/03/2013 at"),
        (["``", "We", "agree", ",", "''", "he", "said", "."], '"We agree," he said.'),
        (["on", "Monday", ".", "Police", "said"], "on Monday. Police said"),
        (["Indonesia", "’", "s", "Aceh", "province"], "Indonesia’s Aceh province"),
    ],
)
def test_tokens_are_written_out_as_english(tokens, text):
    written, spans = esc.detokenize(tokens)
    assert written == text
    assert [written[a:b] for a, b in spans] == [esc._QUOTES.get(t, t) for t in tokens]


def _document(timexes, *, dct=None, annotated=(0, 1, 2, 3)):
    """A transcribed document: address line, headline, date line, two sentences, one more."""
    sentences = [
        ["http", ":", "/", "/", "news", ".", "example", "/", "2013"],
        ["Quake", "strikes", "Aceh"],
        ["July", "03", ",", "2013", "6", ":", "22AM"],
        ["A", "quake", "struck", "late", "Tuesday", "."],
        ["It", "was", "the", "worst", "since", "2004", "."],
        ["Rescuers", "worked", "for", "three", "days", "."],
    ]
    rows, t_id = [], 1
    for n, tokens in enumerate(sentences):
        rows.append({"sentence": n, "first_t_id": t_id, "tokens": tokens})
        t_id += len(tokens)
    document = {"sentences": rows, "annotated_sentences": list(annotated), "timex": timexes}
    if dct is not None:
        document["dct"] = dct
    return document


def _timex(tag, value, t_ids, text, dct="FALSE"):
    return {"tag": tag, "t_ids": t_ids, "text": text, "attributes": {"DCT": dct, "value": value}}


_LINE = _timex(
    "TIME_OF_THE_DAY", "2013-07-02T20:22Z", [13, 14, 15, 16, 17, 18, 19], "July 03 , 2013 6 : 22AM",
    dct="TRUE",
)  # fmt: skip


def test_a_document_becomes_a_timeml_document_of_its_annotated_sentences(tmp_path):
    source = tmp_path / "source"
    source.mkdir()
    document = _document(
        [
            _LINE,
            _timex("TIME_DATE", "2013-07-02", [23, 24], "late Tuesday"),
            _timex("TIME_DATE", "2004", [31], "2004"),  # a sentence nobody annotated
            _timex("TIME_DURATION", "P3D", [36, 37], "three days"),  # not annotated either
            _timex("TIME_DATE", "2013", [], ""),  # anchored to no token
        ],
        annotated=(0, 1, 2, 3, 5),
    )
    (source / "37_1ecbplus.json").write_text(json.dumps(document))
    report = esc.build(source, tmp_path)
    doc = read_gold(tmp_path / "dev" / "37_1ecbplus.tml")
    # the shown date, not the value in UTC; the address and date lines left out
    assert doc.dct == "2013-07-03"
    assert (
        doc.text
        == "Quake strikes Aceh\n\nA quake struck late Tuesday.\n\nRescuers worked for three days."
    )
    assert [(doc.text[t.start : t.end], t.type, t.value) for t in doc.timexes] == [
        ("late Tuesday", "DATE", "2013-07-02"),
        ("three days", "DURATION", "P3D"),
    ]
    assert report.documents == {"dev": 1, "test": 0}
    assert any("2013-07-03 (its line)" in r for r in report.repairs)


def test_a_creation_time_anchored_to_nothing_is_taken_from_the_transcription(tmp_path):
    source = tmp_path / "source"
    source.mkdir()
    timexes = [_timex("TIME_DATE", "2013-7-2", [23, 24], "late Tuesday")]
    (source / "1_1ecbplus.json").write_text(
        json.dumps(_document(timexes, dct={"value": "2013-07-03", "descriptor": ""}))
    )
    (source / "1_2ecbplus.json").write_text(
        json.dumps(_document(timexes, dct={"value": "t_x", "descriptor": "t_2013-07-04"}))
    )
    (source / "1_3ecbplus.json").write_text(json.dumps(_document(timexes)))
    report = esc.build(source, tmp_path)
    first = read_gold(tmp_path / "dev" / "1_1ecbplus.tml")
    assert first.dct == "2013-07-03"
    assert first.text.startswith("Quake strikes Aceh\n\nJuly 03, 2013 6:22AM")  # (not a DCT)
    assert [t.value for t in first.timexes] == ["2013-07-02"]  # padded
    assert read_gold(tmp_path / "test" / "1_2ecbplus.tml").dct == "2013-07-04"
    assert not (tmp_path / "dev" / "1_3ecbplus.tml").exists()
    assert report.skipped == ["1_3ecbplus: no creation time"]


def test_the_committed_files_are_what_the_transcription_builds(tmp_path):
    fixtures = ROOT / "fixtures" / "timex_esc"
    report = esc.build(fixtures / "source", tmp_path)
    assert report.documents["dev"] > 40 and report.documents["test"] > 30
    for part in ("dev", "test"):
        committed = sorted(p.name for p in (fixtures / part).glob("*.tml"))
        assert committed == sorted(p.name for p in (tmp_path / part).glob("*.tml"))
        for name in committed:
            assert (fixtures / part / name).read_bytes() == (tmp_path / part / name).read_bytes(), (
                name
            )


@pytest.mark.parametrize(
    ("words", "value", "expected"),
    [
        ("July 03 , 2013 6 : 22AM", "2013-07-02T20:22Z", "2013-07-03"),  # the line's own day
        ("MONDAY , MARCH 11 , 2013 , 11 : 34 PM", "2011-03-12T03:34Z", "2013-03-11"),
        ("09 Sep 2013 11 : 25 GMT+02 : 00", "2013-09-09T13:25Z", "2013-09-09"),
        ("11 / 09 / 2010", "2010-09-11", "2010-09-11"),  # numbers: the value says which way
        ("2 / 3 / 2009 5 : 59 : 13 PM", "2009:02:03T17:59:13Z", "2009-02-03"),  # else month first
    ],
)
def test_the_creation_time_is_the_date_its_line_shows(words, value, expected):
    dct = _timex("TIME_DATE", value, [1], words, dct="TRUE")
    assert esc._creation_date({}, dct, "x", esc.BuildReport()) == expected
