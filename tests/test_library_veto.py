"""A library keeps the refusal of the briefing a question is most about."""

from __future__ import annotations

from pathlib import Path

import tradebrief

TRANSCRIPTS = Path(__file__).parent / "transcripts"


def test_a_weak_answer_from_a_less_knowing_briefing_does_not_overrule_a_refusal() -> None:
    holiday = tradebrief.load_briefing(TRANSCRIPTS / "holiday_figures.txt")
    library = tradebrief.Library(briefings=(holiday, tradebrief.load_briefing()))
    question = "What is the current one-year loan prime rate?"
    # The holiday briefing speaks of one-year loans and declines; the trade briefing's weak
    # match (its total trade) answered in the library before, though no briefing says it.
    assert not holiday.ask(question).found
    reply = library.ask(question)
    assert not reply.found and reply.briefing is None


def test_a_strong_answer_still_comes_from_the_briefing_that_has_it() -> None:
    holiday = tradebrief.load_briefing(TRANSCRIPTS / "holiday_figures.txt")
    library = tradebrief.Library(briefings=(holiday, tradebrief.load_briefing()))
    reply = library.ask("What was the total value of imports and exports in 2024?")
    assert reply.found and reply.briefing == 1
    reply = library.ask("How many complaints did the 12358 hotline receive?")
    assert reply.found and reply.briefing == 0 and "4,216" in reply.citations[0].citation.quote
