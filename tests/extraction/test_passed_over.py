"""The sentences extraction passes over: dated, naming someone or somewhere, quoted by no
candidate — the list a curator reads instead of the whole article to find what it missed."""

from __future__ import annotations

from datetime import date

from timeline.extraction.pipeline import extract_candidates, passed_over_sentences
from timeline.extraction.types import ArticleText

BODY = (
    "Militia news\n"
    "\n"
    "On Tuesday, Kataib Hezbollah fighters attacked an Islamic State position near Baiji, "
    "killing 12 militants.\n"
    "\n"
    "On March 3, Qassem Soleimani was photographed with Kataib Hezbollah commanders near "
    "Tikrit. Kataib Hezbollah has long been close to Iran. In recent weeks Islamic State has "
    "been quiet near Mosul. Was Soleimani in Tikrit on Tuesday? Nobody was seen on Friday.\n"
)
PHOTOGRAPHED = (
    "On March 3, Qassem Soleimani was photographed with Kataib Hezbollah commanders near Tikrit."
)


def _article(body: str = BODY) -> ArticleText:
    return ArticleText(title="Militia news", body=body, published=date(2015, 3, 6))


def _passed(article: ArticleText):
    covered = [(c.evidence.start, c.evidence.end) for c in extract_candidates(article)]
    return passed_over_sentences(article, covered)


def test_lists_a_dated_sentence_naming_actors_that_no_candidate_quotes():
    article = _article()
    (passed,) = _passed(article)
    assert passed.evidence.quote == PHOTOGRAPHED
    assert article.body[passed.evidence.start : passed.evidence.end] == PHOTOGRAPHED
    assert (passed.date.earliest, passed.date.precision, passed.date.words) == (
        date(2015, 3, 3),
        "day",
        "March 3",
    )
    assert passed.actors == ("Qassem Soleimani", "Kataib Hezbollah")
    assert passed.places == ("Tikrit",)
    assert passed.place is not None and passed.place.name == "Tikrit"
    assert passed.place_precision == "near"  # "near Tikrit"
    assert passed.headline.startswith("Qassem Soleimani was photographed")


def test_leaves_out_what_is_quoted_undated_nameless_a_stretch_or_a_question():
    # Of the second paragraph's five sentences only the first is listed: the second has no
    # date, "In recent weeks" is a stretch up to the report rather than a day, the fourth is a
    # question and the fifth names nobody. The first paragraph's sentence is a candidate's.
    article = _article()
    quotes = [p.evidence.quote for p in _passed(article)]
    assert quotes == [PHOTOGRAPHED]
    # once an event quotes it (a curator proposed or rejected it), it is no longer listed
    start = article.body.index(PHOTOGRAPHED)
    assert passed_over_sentences(article, [(start + 3, start + 10)]) == [
        p for p in passed_over_sentences(article, []) if p.evidence.start != start
    ]


def test_a_heading_is_not_listed_though_dated_and_named():
    body = "Kataib Hezbollah in Tikrit on March 3\n\nNothing else happened that week.\n"
    assert passed_over_sentences(_article(body), []) == []


def test_offsets_hold_for_a_hard_wrapped_article():
    # Extraction reads hard-wrapped lines as the paragraph they make; the listed words are cut
    # from the body as written, line break and all.
    body = (
        "Militia news\n"
        "\n"
        "On March 3, Qassem Soleimani was photographed with Kataib\n"
        "Hezbollah commanders near Tikrit. The pictures were shared\n"
        "widely by supporters of the militias and by their critics\n"
        "alike, who read very different things into them over the\n"
        "following days.\n"
    )
    (passed,) = passed_over_sentences(_article(body), [])
    assert passed.evidence.quote == body[passed.evidence.start : passed.evidence.end]
    assert passed.evidence.quote == (
        "On March 3, Qassem Soleimani was photographed with Kataib\n"
        "Hezbollah commanders near Tikrit."
    )
    assert passed.actors == ("Qassem Soleimani", "Kataib Hezbollah")
