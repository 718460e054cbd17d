"""benchmarks/text_forms.py: its forms keep every offset, and what it counts."""

from pathlib import Path

import pytest

from tests.scripts import load_script
from timeline.extraction.temporal.scoring import read_gold

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "timex" / "data"
text_forms = load_script("benchmarks/text_forms.py")

SAMPLE = "Shi'ite militias pushed into Falluja on Tuesday.\nIt was the army’s third push " * 6


@pytest.mark.parametrize("name", list(text_forms.forms(72)))
def test_every_form_keeps_every_offset(name):
    out = text_forms.forms(72)[name](SAMPLE)
    assert len(out) == len(SAMPLE) and out != SAMPLE


def test_wrapping_breaks_lines_at_spaces_within_the_width():
    out = text_forms.wrapped(SAMPLE, 40)
    assert all(len(line) <= 40 for line in out.split("\n"))
    assert out.replace("\n", " ") == SAMPLE.replace("\n", " ")


def test_the_tagger_reads_wrapped_documents_as_written():
    docs = [read_gold(f) for f in sorted(DATA.glob("*.tml"))]
    total, same, other = text_forms.compare_tagger(docs, text_forms.forms(72)["wrapped at 72"])
    assert total > 20
    assert (same, other) == (total, {})


def test_a_difference_is_counted_with_its_words():
    docs = [read_gold(f) for f in sorted(DATA.glob("*.tml"))[:1]]
    total, same, other = text_forms.compare_tagger(docs, lambda t: "x" * len(t))
    assert same == 0 and sum(other.values()) == total > 0
    assert all(kind == "lost" for kind, _ in other)


def test_the_extraction_reads_an_article_with_tabs_as_written():
    (path,) = (ROOT / "fixtures" / "unseen" / "dev" / "articles").glob("01.txt")
    total, same = text_forms.compare_extraction([path], text_forms.forms(72)["tabs"])
    assert total > 3 and same == total


def test_a_run_prints_a_line_per_form(capsys):
    assert text_forms.main([str(DATA), "--forms", "wrapped", "--tagger-only"]) == 0
    out = capsys.readouterr().out
    assert "wrapped at 72" in out and "wrapped at 40" in out and "tabs" not in out


def test_a_document_the_tagger_fails_is_counted_lost(monkeypatch):
    docs = [read_gold(f) for f in sorted(DATA.glob("*.tml"))[:1]]
    real_tag = text_forms.tag

    def fails_on_capitals(text, dct):
        if text.isupper():
            raise KeyError("following")
        return real_tag(text, dct)

    monkeypatch.setattr(text_forms, "tag", fails_on_capitals)
    total, same, other = text_forms.compare_tagger(docs, str.upper)
    assert same == 0 and total > 0
    assert {kind for kind, _ in other} == {"failed the document (KeyError)"}
