"""A figure the briefing does not give is refused by name; a period asked is no such figure."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import tradebrief
from tradebrief.engine.claims.missing import missing_subject, only_the_period

_BUNDLED = tradebrief.load_briefing()


@pytest.mark.parametrize(
    ("question", "period_only"),
    [
        ("How many forms a month?", True),  # the month is the period asked for
        ("What were exports per month?", False),  # exports alone are the missing figure
        ("How much did exports grow?", False),
        ("What was the trade surplus?", False),
    ],
)
def test_only_the_period_tells_a_period_from_a_subject(question: str, period_only: bool) -> None:
    assert only_the_period(question) is period_only
    refused = missing_subject(_BUNDLED, question)
    assert refused is not None and not refused.found


@given(st.text(max_size=80))
def test_any_text_is_a_period_or_not(text: str) -> None:
    assert only_the_period(text) in (True, False)


@given(st.one_of(st.none(), st.integers(), st.binary(), st.lists(st.text(max_size=3))))
def test_only_the_period_needs_text(wrong: object) -> None:
    with pytest.raises(TypeError, match="must be a str"):
        only_the_period(wrong)  # type: ignore[arg-type]
