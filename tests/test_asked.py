"""Who asked it: the press's questions are named, never quoted as answers to themselves."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import tradebrief
from tradebrief import Briefing, Organization
from tradebrief.engine.asked import asks_who_asked, who_asked
from tradebrief.engine.index import index_for
from tradebrief.errors import TranscriptWarning

TRANSCRIPTS = Path(__file__).parent / "transcripts"


@pytest.fixture(scope="module")
def trade() -> Briefing:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", TranscriptWarning)
        return tradebrief.load_briefing([TRANSCRIPTS / f"trade_p{n}.txt" for n in (1, 2, 3)])


def test_which_outlet_asked_names_the_outlet_and_quotes_its_question(trade: Briefing) -> None:
    answer = trade.ask("Which outlet asked about help for small exporters?")
    assert answer.found and isinstance(answer.fact, Organization)
    assert answer.fact.name == "CGTN"
    (citation,) = answer.citations
    assert citation.quote.endswith("?")
    assert trade.source[citation.start : citation.end] == citation.quote
    assert citation.speaker == answer.fact  # the outlet said it, not the official


def test_the_question_itself_is_answered_by_the_reply_not_by_the_reporter(
    trade: Briefing,
) -> None:
    answer = trade.ask("What is customs doing to help small exporters?")
    assert answer.found
    assert "under one hour" in answer.citations[0].quote
    assert not isinstance(answer.citations[0].speaker, Organization)


def test_who_asked_about_something_nobody_asked_is_not_answered(trade: Briefing) -> None:
    assert who_asked(trade, "Who asked about the weather in Paris?", index_for(trade)) is None
    bundled = tradebrief.load_briefing()  # no questions from the press on page 1
    assert who_asked(bundled, "Who asked about total trade?", index_for(bundled)) is None


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Which outlet asked about prices?", True),
        ("who asked whether trade grew", True),
        ("What did the reporter from CGTN ask?", True),
        ("What was total trade?", False),
        ("Who chaired the briefing?", False),
    ],
)
def test_asks_who_asked(question: str, expected: bool) -> None:
    assert asks_who_asked(question) is expected


@given(st.text(max_size=300))
def test_asks_who_asked_takes_any_text(text: str) -> None:
    assert isinstance(asks_who_asked(text), bool)


def test_who_asked_matches_the_scene_a_reporter_sets_before_the_question() -> None:
    # Before: only the sentence ending in "?" was compared, so a user describing the
    # reporter's opening remark got no answer.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", TranscriptWarning)
        farm = tradebrief.load_briefing(
            [TRANSCRIPTS / f"press_agriculture_p{n}.txt" for n in (1, 2)]
        )
    answer = farm.ask("Which outlet asked about extreme weather becoming more frequent?")
    assert answer.found and isinstance(answer.fact, Organization)
    assert answer.fact.name == "Phoenix TV"
    (citation,) = answer.citations
    assert citation.quote.startswith("Extreme weather") and citation.quote.endswith("?")
    assert farm.source[citation.start : citation.end] == citation.quote


# --- who answered a reporter's question -------------------------------------------


@pytest.fixture(scope="module")
def freight() -> tradebrief.Briefing:
    return tradebrief.load_briefing(TRANSCRIPTS / "answered_by.txt")


@pytest.mark.parametrize(
    ("question", "person", "quoted"),
    [
        ("Who answered the question about refrigerated capacity?", "He Lianshan", "1,200"),
        ("Who answered CGTN's question?", "Qiu Meiyan", "county-level sorting"),
        ("Which official responded to the question on last-mile logistics?", "Qiu Meiyan", ""),
    ],
)
def test_who_answered_names_the_official_after_the_chair_hands_over(
    freight: tradebrief.Briefing, question: str, person: str, quoted: str
) -> None:
    answer = freight.ask(question)
    assert answer.found
    assert answer.text.startswith(f"{person} answered it")
    citation = answer.citations[0]
    assert citation.speaker is not None and citation.speaker.full_name == person
    assert freight.source[citation.start : citation.end] == citation.quote
    assert quoted in citation.quote
    assert not citation.quote.startswith("Thank you")  # the courtesy is skipped


def test_who_answered_a_question_nobody_asked_is_declined(freight: tradebrief.Briefing) -> None:
    assert not freight.ask("Who answered the question about airport slots?").found


def test_who_answered_is_read_only_as_such() -> None:
    from tradebrief.engine.asked import asks_who_answered

    assert asks_who_answered("Who answered the question about 6G research?")
    assert asks_who_answered("Which official responded to Reuters's question?")
    assert not asks_who_answered("Which outlet asked about 6G research?")
    assert not asks_who_answered("Who answered for the ministry's budget?")


def test_the_rarer_shared_word_tells_two_reporters_questions_apart() -> None:
    # Both questions say "wind"; only Reuters's says "offshore". "news" is no "new".
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", TranscriptWarning)
        wind = tradebrief.load_briefing(TRANSCRIPTS / "outlets_wind.txt")
    answer = wind.ask("Which news organization asked about offshore wind development?")
    assert answer.found and isinstance(answer.fact, Organization)
    assert answer.fact.name == "Reuters"
    grid = wind.ask("Which outlet asked whether the grid could take in the new power?")
    assert isinstance(grid.fact, Organization) and grid.fact.name == "Xinhua News Agency"


@pytest.mark.parametrize(
    "question",
    [
        "Who answered the Reuters question about offshore wind?",
        "Who responded to Reuters about offshore wind?",
        "Who explained how much offshore wind was built, in answer to Reuters?",
    ],
)
def test_who_answered_an_outlet_named_before_its_question(question: str) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", TranscriptWarning)
        wind = tradebrief.load_briefing(TRANSCRIPTS / "outlets_wind.txt")
    answer = wind.ask(question)
    assert answer.found and "Qin Haolan answered it" in answer.text
    assert "12 million kilowatts" in answer.citations[0].quote


def test_a_reporter_s_scene_setting_and_the_chair_s_handover_answer_nothing() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", TranscriptWarning)
        wind = tradebrief.load_briefing(TRANSCRIPTS / "outlets_wind.txt")
    # Tao Yunshu, the chair, never speaks of offshore wind: her view is not Qin Haolan's
    assert not wind.ask("What was Tao Yunshu's view on offshore wind?").found
    own = wind.ask("What was Qin Haolan's view on offshore wind?")
    assert own.found and own.citations[0].speaker is not None
    assert getattr(own.citations[0].speaker, "full_name", "") == "Qin Haolan"
