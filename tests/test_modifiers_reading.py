"""A passage read once for every question (read_passage) gives unmet_modifier's own answer."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tradebrief.engine.lexicon import load_lexicon
from tradebrief.engine.modifiers import read_passage, unmet_modifier

_WORDS = st.sampled_from(
    ["online", "retail", "sales", "wind", "solar", "power", "state-owned", "firms", "in",
     "city", "centers", "grew", "Retail", "NEA", "plan", "of", "the", ".", "last", "year"]
)  # fmt: skip
_TEXT = st.lists(_WORDS | st.text(max_size=8), max_size=10).map(" ".join)


@settings(max_examples=150, deadline=None)
@given(_TEXT, _TEXT, _TEXT, st.booleans())
def test_a_kept_reading_answers_as_a_fresh_one(
    question: str, passage: str, context: str, known: bool
) -> None:
    lexicon = load_lexicon()
    fresh = unmet_modifier(question, passage, lexicon, lambda t: known, context)
    reading = read_passage(passage, lexicon, context)
    kept = unmet_modifier(question, passage, lexicon, lambda t: known, context, reading=reading)
    assert kept == fresh


def test_the_reading_holds_the_passage_and_context_terms() -> None:
    reading = read_passage("Retail sales reached 47.1 trillion yuan.", load_lexicon(), "online")
    assert ("retail", "sale") in reading.pairs
    assert {"retail", "sale", "onlin"} <= reading.terms  # the context's words count too


@pytest.mark.parametrize("bad", [None, 3, b"text", ["a"]])
def test_read_passage_refuses_what_is_not_text(bad: object) -> None:
    with pytest.raises(TypeError, match="read_passage needs"):
        read_passage(bad, load_lexicon())  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="read_passage needs"):
        read_passage("Trade grew.", load_lexicon(), bad)  # type: ignore[arg-type]
