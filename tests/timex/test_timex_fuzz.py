"""benchmarks/timex_fuzz.py: what it reports as broken, and a short run over a fixture."""

import random
from datetime import date
from pathlib import Path

from tests.scripts import load_script
from timeline.extraction.temporal.scoring import read_gold

ROOT = Path(__file__).resolve().parents[2]
fuzz = load_script("benchmarks/timex_fuzz.py")


def test_a_well_formed_tagging_is_no_failure():
    assert fuzz.failure("The talks ended on Tuesday, March 19, 2013.", date(2013, 3, 22)) is None


def test_an_exception_is_reported_not_raised(monkeypatch):
    def broken(text, dct, reports=False):
        raise KeyError("DAY")

    monkeypatch.setattr(fuzz, "tag", broken)
    assert fuzz.failure("EARLIER IN THE DAY", None) == "KeyError: 'DAY'"


def test_spliced_text_keeps_the_words_between_expressions():
    doc = read_gold(ROOT / "tests/timex/data/NYT19980206.0460.tml")
    text = fuzz.spliced(doc, ["Tuesday"], random.Random(0))
    first = doc.timexes[0]
    assert text.lower().startswith(doc.text[: first.start].lower())


def test_a_short_run_over_a_folder_finds_nothing_broken(capsys):
    assert fuzz.main([str(ROOT / "tests/timex/data"), "--seconds", "1", "--seed", "3"]) == 0
    assert ", 0 failed;" in capsys.readouterr().out


def test_respaced_text_keeps_its_words_and_length():
    text = "The talks ended on Tuesday, March 19, 2013, in mid afternoon."
    respaced = fuzz.respaced(text, random.Random(5))
    assert len(respaced) == len(text) and respaced.split() == text.split()
    assert any(c in respaced for c in fuzz.OTHER_SPACES)


def test_made_up_days_of_the_other_calendars_are_in_the_pool():
    days = [fuzz.calendar_day(random.Random(seed)) for seed in range(200)]
    assert any("Muharram" in d for d in days) and any("Bahman" in d for d in days)
    assert all(fuzz.failure(f"It happened on {d}.", date(2016, 10, 20)) is None for d in days)
    assert all(fuzz.failure(f"It happened on {d}.", date(9999, 12, 31)) is None for d in days)
