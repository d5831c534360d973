"""Uncurated briefings decline a question whose narrower phrase the best passage lacks."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import tradebrief
from tradebrief.engine.lexicon import load_lexicon
from tradebrief.engine.modifiers import unmet_modifier

WATER = Path(__file__).parent / "transcripts" / "figures_context.txt"


@pytest.fixture(scope="module")
def water() -> tradebrief.Briefing:
    return tradebrief.load_briefing(WATER)


TRANSCRIPTS = WATER.parent


@pytest.fixture(scope="module")
def mobile() -> tradebrief.Briefing:
    return tradebrief.load_briefing(TRANSCRIPTS / "scio_mobile.txt")


@pytest.fixture(scope="module")
def energy() -> tradebrief.Briefing:
    return tradebrief.load_briefing(TRANSCRIPTS / "press_energy.txt")


@pytest.mark.parametrize(
    ("which", "question", "says"),
    [
        # Before: each was answered with the passage about all retail sales or solar power.
        ("mobile", "What did online retail sales come to last year?", "not 'online retail sales'"),
        ("mobile", "What were urban retail sales worth last year?", "not 'urban retail sales'"),
        ("energy", "How high did the utilization rate of wind power stay?", "'solar power'"),
    ],
)
def test_a_modifier_the_best_passage_lacks_is_declined_with_the_reason(
    request: pytest.FixtureRequest, which: str, question: str, says: str
) -> None:
    reply = request.getfixturevalue(which).ask(question)
    assert not reply.found
    assert says in reply.text


@pytest.mark.parametrize(
    ("which", "question", "quoted"),
    [
        ("mobile", "What did retail sales of consumer goods reach last year?", "47.1 trillion"),
        ("energy", "What was the utilization rate of solar power?", "above 98%"),
    ],
)
def test_the_phrase_as_said_is_still_answered_in_passages(
    request: pytest.FixtureRequest, which: str, question: str, quoted: str
) -> None:
    reply = request.getfixturevalue(which).ask(question)
    assert reply.found and quoted in reply.citations[0].quote


@pytest.mark.parametrize(
    ("question", "quoted"),
    [
        ("What is the utilization rate of reclaimed water?", "above 30%"),
        ("What was rural tap water coverage this year?", "94%"),
        ("How large was the reservoir storage of large reservoirs at the end of June?", "312"),
    ],
)
def test_the_phrase_as_said_is_still_answered(
    water: tradebrief.Briefing, question: str, quoted: str
) -> None:
    reply = water.ask(question)
    assert reply.found and quoted in reply.citations[0].quote


def test_a_modifier_used_in_the_paragraph_is_taken_as_meant() -> None:
    lexicon = load_lexicon()
    passage = "In the first half, 1,200 charging stations were added at service areas."
    question = "How many stations were added at expressway service areas?"
    assert unmet_modifier(question, passage, lexicon, lambda t: True) is not None
    paragraph = f"We expanded charging networks along expressways. {passage}"
    assert unmet_modifier(question, passage, lexicon, lambda t: True, paragraph) is None


@pytest.mark.parametrize(
    "question",
    [
        "What did retail sales total last year?",  # a verb and a period, not a modifier
        "What does the NEA plan to publish?",  # an acronym is a subject
        "How large were stockpiles at major power plants?",  # "at" breaks the phrase
    ],
)
def test_verbs_names_and_prepositions_are_not_modifiers(question: str) -> None:
    passage = "Retail sales reached 47 trillion yuan last year; grids plan ahead at power plants."
    assert unmet_modifier(question, passage, load_lexicon(), lambda t: True) is None


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=80), st.text(max_size=80), st.booleans())
def test_unmet_modifier_never_raises(question: str, passage: str, known: bool) -> None:
    why = unmet_modifier(question, passage, load_lexicon(), lambda t: known, passage)
    assert why is None or why.startswith("it ")


def test_the_publishers_country_is_no_constraint_a_passage_must_repeat(
    water: tradebrief.Briefing,
) -> None:
    # Before: "China" (from "China.org.cn") was a specific word the figure lacked: declined.
    reply = water.ask("How much did China invest in water projects in the first half of 2026?")
    assert reply.found and "610 billion yuan" in reply.citations[0].quote


def test_a_kind_the_briefing_never_names_is_declined(energy: tradebrief.Briefing) -> None:
    # Before: answered with the total installed capacity.
    reply = energy.ask("What is the installed gas power capacity?")
    assert not reply.found and "'gas power'" in reply.text


def test_the_briefings_own_title_in_a_question_only_says_which_briefing(
    water: tradebrief.Briefing,
) -> None:
    # Before: the roster line "does not mention 'water'", so the chair was not named.
    reply = water.ask("Who chaired the briefing on water resources in the first half of 2026?")
    assert reply.found and "Lu Qingyan" in reply.text


def test_another_part_of_the_year_is_declined(water: tradebrief.Briefing) -> None:
    # Before: "second" and "half" were read as words of time and the first half answered.
    reply = water.ask("How much investment went into water projects in the second half?")
    assert not reply.found and "'second half'" in reply.text
    assert water.ask("How much investment went into water projects in the first half?").found


def test_a_place_the_briefing_never_names_is_declined(water: tradebrief.Briefing) -> None:
    # Before: answered with the national figure.
    reply = water.ask("How many small reservoirs were repaired on private land?")
    assert not reply.found and "'private land'" in reply.text
    assert water.ask("How many small reservoirs were repaired?").found
    assert (
        unmet_modifier("Whom did he thank at the start?", "Thanks.", load_lexicon(), bool) is None
    )
    assert unmet_modifier("Up for years in a row?", "Up again.", load_lexicon(), bool) is None


def test_an_unknown_place_ends_before_a_word_the_briefing_knows() -> None:
    # Before: "central region grow" was read as one place, and "grow" is known.
    why = unmet_modifier(
        "How much did trade in the central region grow?",
        "Trade grew 5%.",
        load_lexicon(),
        lambda t: t in {"trade", "grow"},
    )
    assert why == "it does not speak of 'central region'"


@pytest.mark.parametrize("bad", [None, 3, b"text"])
def test_unmet_modifier_refuses_what_is_not_text(bad: object) -> None:
    with pytest.raises(TypeError, match="as str"):
        unmet_modifier(bad, "Trade grew.", load_lexicon(), bool)  # type: ignore[arg-type]
