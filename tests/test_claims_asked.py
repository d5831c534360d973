"""What a request asks for apart from the inputs it names; numbers read with their neighbours."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tradebrief.engine.claims.arithmetic import asks_dollars
from tradebrief.engine.claims.numbers import read_numbers
from tradebrief.engine.claims.words import asked_part


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        ("Given the 5 percent growth, what was trade in 2023?", "what was trade in 2023?"),
        ("Based on the totals, how many forms a day?", "how many forms a day?"),
        (
            "What is the 43 trillion mark in dollars at the exchange rate the figures imply?",
            "What is the 43 trillion mark in dollars?",
        ),
        ("Using the implied rate, what was trade in USD?", "what was trade in USD?"),
        ("What exchange rate do the figures imply?", "What exchange rate do the figures imply?"),
        ("What was the growth rate?", "What was the growth rate?"),
    ],
)
def test_asked_part_drops_named_inputs_and_the_rate_to_use(question: str, asked: str) -> None:
    assert asked_part(question) == asked


@pytest.mark.parametrize(
    ("text", "dollars"),
    [("in US dollars", True), ("in $", True), ("in USD", True), ("in yuan", False), ("", False)],
)
def test_asks_dollars(text: str, dollars: bool) -> None:
    assert asks_dollars(text) is dollars


@pytest.mark.parametrize("wrong", [None, 7, b"what", ["what"]])
def test_wrong_types_are_a_clear_error(wrong: object) -> None:
    with pytest.raises(TypeError, match="must be a str"):
        asked_part(wrong)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="must be a str"):
        asks_dollars(wrong)  # type: ignore[arg-type]


@settings(max_examples=80, deadline=None)
@given(st.text(max_size=120))
def test_asked_part_only_ever_removes_words(question: str) -> None:
    asked = asked_part(question)
    assert isinstance(asked, str) and len(asked) <= len(question)
    assert asked_part(asked) == asked_part(asked_part(asked))
    assert isinstance(asks_dollars(question), bool)


@pytest.mark.parametrize(
    ("claim", "read"),
    [
        ("Did trade top both the 42 and 43 trillion yuan marks?", [("gt", 12, "CNY")] * 2),
        ("Was trade between 43 and 44 trillion yuan?", [("ge", 12, "CNY"), ("le", 12, "CNY")]),
        ("Did trade grow better than 3%?", [("unread", 0, "percent")]),
        ("Did trade grow faster than 3%?", [("gt", 0, "percent")]),
    ],
)
def test_numbers_share_scale_and_comparison_and_unknown_comparisons_stay_unread(
    claim: str, read: list[tuple[str, int, str]]
) -> None:
    got = [(n.relation.value, int(n.scale), n.unit) for n in read_numbers(claim)]
    assert got == read
