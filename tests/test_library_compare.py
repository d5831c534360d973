"""A library answers a question comparing two years from both years' briefings."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import tradebrief
from tradebrief.compare import split_comparison
from tradebrief.errors import TranscriptWarning

TRANSCRIPTS = Path(__file__).parent / "transcripts"
PORTS_2025 = [TRANSCRIPTS / "uncurated_set" / "transcripts" / f"ports_p{n}.txt" for n in (1, 2)]


@pytest.fixture(scope="module")
def library() -> tradebrief.Library:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", TranscriptWarning)
        return tradebrief.load_library(
            [PORTS_2025, TRANSCRIPTS / "ports_2024.txt", tradebrief.load.bundled_paths()[0]]
        )


def test_a_comparison_of_two_years_cites_both_briefings(library: tradebrief.Library) -> None:
    # Before: only the 2025 briefing's figure was given.
    reply = library.ask("How did cargo throughput at the ports in 2025 compare with 2024?")
    assert reply.found and len(reply.parts) == 2
    assert "18.2 billion tonnes" in reply.text and "17.6 billion tonnes" in reply.text
    assert [c.date.year for c in reply.citations] == [2026, 2025]
    for cited, part in zip(reply.citations, reply.parts, strict=True):
        briefing = library.briefings[part.briefing or 0]
        quote = cited.citation
        assert briefing.source[quote.start : quote.end] == quote.quote
        assert cited.briefing == briefing.title


def test_a_comparison_with_a_year_no_briefing_gives_is_not_half_answered(
    library: tradebrief.Library,
) -> None:
    reply = library.ask("How did cargo throughput at the ports in 2025 compare with 2019?")
    assert not reply.parts


@pytest.mark.parametrize(
    ("question", "split"),
    [
        (
            "How did total trade in 2024 compare with 2023?",
            ("What was total trade in 2024?", "What was total trade in 2023?"),
        ),
        ("What was total trade in 2024?", None),
        ("Total trade in 2024 and 2023?", None),  # two years, but nothing compared
    ],
)
def test_split_comparison(question: str, split: tuple[str, str] | None) -> None:
    assert split_comparison(question) == split


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=80))
def test_split_comparison_gives_two_questions_or_none(question: str) -> None:
    split = split_comparison(question)
    assert split is None or (len(split) == 2 and all(q.endswith("?") for q in split))


@pytest.mark.parametrize("bad", [None, 2024, b"2024 vs 2023"])
def test_split_comparison_refuses_what_is_not_text(bad: object) -> None:
    with pytest.raises(TypeError, match="must be a str"):
        split_comparison(bad)  # type: ignore[arg-type]
