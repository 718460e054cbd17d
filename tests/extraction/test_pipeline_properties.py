"""Properties of the extraction pipeline on any article text and publication date
(Hypothesis): it proposes candidates whose quotes are the article's own words, and never fails
the article."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.extraction.strategies import document_dates
from timeline.extraction.pipeline import extract_candidates
from timeline.extraction.types import ArticleText

_VOCABULARY = (
    "Militants|killed|at least 12 people|in|near|north of|Mosul|Baghdad|Raqqa|Syria|Iraq|"
    "the Islamic State|Kurdish fighters|the Quds Force|Hezbollah|seized|bombing|an airstrike|"
    "wounded|on Monday|last week|in late 2014|3,000 years ago|two days later|said|police|"
    'the village|province|. |, |\n\n|"|on Dec. 31|in 9999|the next day'
)
_WORDS = _VOCABULARY.split("|")
_BODIES = st.lists(st.sampled_from(_WORDS), max_size=80).map(" ".join)


@settings(max_examples=150, deadline=None, derandomize=True, database=None)
@given(body=_BODIES, published=document_dates)
def test_any_article_gives_candidates_quoting_its_own_words(body, published):
    for c in extract_candidates(ArticleText(title="t", body=body, published=published)):
        assert c.evidence.quote and body[c.evidence.start : c.evidence.end] == c.evidence.quote
        if c.date is not None:
            assert c.date.earliest <= c.date.latest
