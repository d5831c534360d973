"""A library does not count one thing with another briefing's count of something else.

On blind_uncurated4, "How many new energy vehicles did China export in 2025?" was
declined by the industry briefing (the only one about vehicles) but answered, in
the library, by the culture briefing's "26 overseas cultural centers". The two
transcripts here reproduce that in their own words.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import tradebrief

TRANSCRIPTS = Path(__file__).parent / "transcripts"


@pytest.fixture(scope="module")
def library() -> tradebrief.Library:
    industry = tradebrief.load_briefing(TRANSCRIPTS / "library_industry.txt")
    festival = tradebrief.load_briefing(TRANSCRIPTS / "library_festival.txt")
    return tradebrief.Library(briefings=(industry, festival, tradebrief.load_briefing()))


@pytest.mark.parametrize(
    "question",
    [
        "How many new energy vehicles did China export in 2030?",
        "How many new energy vehicles did China sell abroad in 2030?",
    ],
)
def test_a_count_of_a_thing_only_another_briefing_names_is_declined(
    library: tradebrief.Library, question: str
) -> None:
    industry = library.briefings[0]
    assert not industry.ask(question).found  # the briefing about vehicles gives no exports
    reply = library.ask(question)
    assert not reply.found and reply.briefing is None
    assert not reply.citations


@pytest.mark.parametrize(
    ("question", "briefing", "quoted"),
    [
        ("How many overseas cultural centers joined the season?", 1, "31 overseas cultural"),
        ("How many new energy vehicles were produced?", 0, "16.1 million units"),
        ("How many smart factories were built?", 0, "4,300 smart factories"),
        ("How many trips did domestic tourists make over the holiday?", 1, "341 million"),
    ],
)
def test_each_briefing_still_answers_its_own_counts(
    library: tradebrief.Library, question: str, briefing: int, quoted: str
) -> None:
    reply = library.ask(question)
    assert reply.found and reply.briefing == briefing
    assert quoted in reply.citations[0].citation.quote


def test_a_thing_counted_in_one_word_may_be_a_paraphrase(library: tradebrief.Library) -> None:
    # "shows" is the festival briefing's "performances"; the trade briefing's "data show"
    # does not make it that briefing's question.
    reply = library.ask("How many shows did theaters stage?")
    assert reply.found and reply.briefing == 1
    assert "12,000 performances" in reply.citations[0].citation.quote
