"""Who handed over to whom: the chair's invitation answers from either side, cited."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import tradebrief
from tradebrief import Briefing, Person
from tradebrief.engine.handover import asks_about_handover, handover
from tradebrief.engine.index import index_for
from tradebrief.errors import TranscriptWarning

TRANSCRIPTS = Path(__file__).parent / "transcripts"


@pytest.fixture(scope="module")
def bundled() -> Briefing:
    return tradebrief.load_briefing()


@pytest.fixture(scope="module")
def energy() -> Briefing:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", TranscriptWarning)
        return tradebrief.load_briefing(TRANSCRIPTS / "press_energy.txt")


def _person(answer: tradebrief.Answer) -> str:
    assert answer.found, answer.text
    assert isinstance(answer.fact, Person)
    return answer.fact.full_name


@pytest.mark.parametrize(
    "question",
    [
        "Whom did Xing Huina invite?",
        "Who did Xing Huina invite to brief the media?",
        "who did Xin Huina invite to breif the media?",
        "Who gave the introduction?",
        "who's actually doing the intro today",
        "To whom did the host hand over the floor?",
        "Which speaker gave the opening introduction after the moderator handed over the floor?",
        "Wich official did Xing Huina give the flor to for the introducton?",
    ],
)
def test_the_one_invited_is_named_and_the_chair_quoted(bundled: Briefing, question: str) -> None:
    answer = bundled.ask(question)
    assert _person(answer) == "Wang Lingjun"
    (citation,) = answer.citations
    assert bundled.source[citation.start : citation.end] == citation.quote
    assert citation.speaker is not None and citation.speaker.full_name == "Xing Huina"
    assert "Wang" in citation.quote


@pytest.mark.parametrize(
    "question", ["Who introduced Wang Lingjun to the reporters?", "Who invited Mr. Wang?"]
)
def test_who_handed_over_names_the_chair(bundled: Briefing, question: str) -> None:
    assert _person(bundled.ask(question)) == "Xing Huina"


def test_another_briefing_reads_its_own_chair_and_speaker(energy: Briefing) -> None:
    assert _person(energy.ask("Who did Gao Wenbo give the floor to?")) == "Zhao Meiling"
    assert _person(energy.ask("Who introduced Zhao Meiling?")) == "Gao Wenbo"


@pytest.mark.parametrize(
    "question",
    [
        "Who introduced the 16 measures?",  # a policy introduced, not a person
        "Who else did Xing Huina invite?",  # more than the one handover
        "Who was invited to talk about tariffs?",  # a topic the invitation does not settle
        "Whom did Wang Lingjun invite?",  # the one invited invited nobody
    ],
)
def test_questions_beyond_the_handover_are_left_to_retrieval(
    bundled: Briefing, question: str
) -> None:
    assert handover(bundled, question, index_for(bundled)) is None


@given(st.text(max_size=200))
def test_any_text_gets_an_answer_or_none(text: str) -> None:
    bundled = tradebrief.load_briefing()
    assert isinstance(asks_about_handover(text), bool)
    found = handover(bundled, text, index_for(bundled))
    if found is not None:
        assert found.found
        assert all(bundled.source[c.start : c.end] == c.quote for c in found.citations)


@given(st.one_of(st.integers(), st.none(), st.binary(), st.lists(st.text())))
def test_wrong_types_are_refused(value: object) -> None:
    with pytest.raises(TypeError):
        asks_about_handover(value)  # type: ignore[arg-type]
    bundled = tradebrief.load_briefing()
    with pytest.raises(TypeError):
        handover(bundled, value, index_for(bundled))  # type: ignore[arg-type]
