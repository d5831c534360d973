"""analyze's rewrites ("last year", "U.S.", "5G") are skipped only where none could apply."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import tradebrief
from tradebrief.engine.index import index_for
from tradebrief.engine.text import _MAY_REWRITE, _REWRITE_PATTERNS, _rewritten, analyze

# Pieces of the phrases the rewrites look for, cut and recombined by hypothesis, with
# the letters Python's case-blind matching equates with others (long s, Kelvin sign).
_PIECES = ("last ", "previous ", "past ", "this ", "the current ", "year", "YEAR", "twelve ",
           "12 ", "months", "eight-day", "3-Week", "-hour", "U.S.", "US", "U.S. dollars",
           "USA", "u\u017fa", "United States", "un\u0131ted", "overseas ", "International ",
           "external ", "outside ", "commerce", "trade", "e-commerce", "Ecommerce", "urban ",
           "areas", "5G", "3d", "annual ", "yearly ", "growth", "ran the ", "Running  the ",
           "moderates the ", "presser", "briefing", "event", "\u212a", "\u017f", " ", "-", ".",
           "'s", "\n")  # fmt: skip


_TEXTS = st.lists(st.sampled_from(_PIECES), max_size=6) | st.lists(
    st.sampled_from(_PIECES) | st.text(max_size=6), max_size=8
)


@settings(max_examples=1000)
@given(_TEXTS.map("".join))
def test_no_rewrite_applies_where_the_gate_finds_nothing(text: str) -> None:
    if _MAY_REWRITE.search(text) is None:
        assert [p.pattern for p in _REWRITE_PATTERNS if p.search(text)] == []
        assert _rewritten(text, 2025) == text


@pytest.mark.parametrize(
    "phrase",
    ["last year", "the previous year", "the past year", "This Year", "twelve months", "12 months",
     "a 3-day visit", "US$5", "U.S.", "the USA", "united states", "overseas trade",
     "international trade", "outside trade", "external commerce", "E-Commerce", "ecommerce",
     "urban centres", "5G", "yearly decline", "annual growth", "moderated the press conference",
     "runs the event", "ran the briefing"],
)  # fmt: skip
def test_each_rewrite_passes_the_gate(phrase: str) -> None:
    assert any(p.search(phrase) for p in _REWRITE_PATTERNS)
    assert _MAY_REWRITE.search(phrase) is not None


def test_the_rewrites_still_apply_behind_the_gate() -> None:
    assert "2024" in _rewritten("What was trade last year?", 2025)
    assert "UnitedStates" in _rewritten("trade with the U.S.", None)
    assert "G5" in _rewritten("5G base stations", None)
    assert "chaired the" in _rewritten("Who ran the presser?", None)


def test_analyze_reads_a_plain_word_and_a_rewritten_phrase() -> None:
    lexicon = index_for(tradebrief.load_briefing()).lexicon
    assert analyze("exports", lexicon) == ["export"]
    assert analyze("the annual growth", lexicon) == analyze("the growth year on year", lexicon)
