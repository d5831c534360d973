"""Questions that ask two things at once are answered part by part, each part cited."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import tradebrief
from tradebrief import Briefing
from tradebrief.engine.compound import combine, parts
from tradebrief.engine.lexicon import load_lexicon


@pytest.fixture(scope="module")
def briefing() -> Briefing:
    return tradebrief.load_briefing()


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        (
            "How many forms were processed and how many vehicle crossings were supervised?",
            ("How many forms were processed", "how many vehicle crossings were supervised?"),
        ),
        (
            "Give both the 2024 trade total and the year's increment in trillion yuan.",
            ("Give the 2024 trade total", "Give the year's increment in trillion yuan"),
        ),
    ],
)
def test_a_question_is_split_where_a_second_question_begins(
    question: str, expected: tuple[str, ...]
) -> None:
    assert parts(question, load_lexicon()) == expected


@pytest.mark.parametrize(
    "question",
    [
        "What is the Smart Customs initiative and what does it aim to do?",  # "it" leans on part 1
        "Did trade grow 5% and what was the total?",  # a yes/no claim stays one claim
        "What were imports and exports worth?",  # one figure for both
    ],
)
def test_a_part_that_cannot_stand_alone_keeps_the_question_whole(question: str) -> None:
    assert parts(question, load_lexicon()) == ()


def test_each_part_is_answered_and_cited(briefing: Briefing) -> None:
    answer = briefing.ask(
        "Give the counts: how many cities hosted cross-border trade initiatives "
        "and how many enterprise clearance measures were introduced?"
    )
    assert answer.found
    assert "20 cities" in answer.text
    assert "16 measures" in answer.text
    assert len(answer.citations) == 2
    for citation in answer.citations:
        assert briefing.source[citation.start : citation.end] == citation.quote


def test_a_part_the_briefing_does_not_answer_is_not_glossed_over(briefing: Briefing) -> None:
    answer = briefing.ask("How many forms were processed and how many ships docked in Shanghai?")
    assert not answer.found
    assert "Shanghai" in answer.text


def test_combine_needs_every_part_answered(briefing: Briefing) -> None:
    found = briefing.ask("How many forms were processed in 2024?")
    missing = briefing.ask("What was China's GDP in 2024?")
    assert combine("q", [found, missing]) is None
    assert combine("q", [found, found]) is None  # the same passage twice is one answer
    assert combine("q", [found]) is None


@given(st.text(max_size=300))
def test_parts_reads_any_text(text: str) -> None:
    pieces = parts(text, load_lexicon())
    assert pieces == () or len(pieces) >= 2
    assert all(isinstance(p, str) and p for p in pieces)


@pytest.mark.parametrize("wrong", [None, 3, b"and how many"])
def test_parts_needs_text(wrong: object) -> None:
    with pytest.raises(TypeError):
        parts(wrong, load_lexicon())  # type: ignore[arg-type]
