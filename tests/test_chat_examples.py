"""The welcome screen's numbered examples: the loaded briefing answers every one."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.console import Console

import tradebrief
from cli_chat import render
from cli_chat.examples import MAX_EXAMPLES, examples_for
from cli_chat.prompt import EXAMPLE_QUESTIONS

TRANSCRIPTS = Path(__file__).parent / "transcripts"
BUNDLED = tradebrief.load_briefing()
OTHERS = {
    "trade pages": [TRANSCRIPTS / f"trade_p{n}.txt" for n in (1, 2, 3)],
    "networks": TRANSCRIPTS / "networks_5g.txt",
    "holiday": TRANSCRIPTS / "holiday_figures.txt",
}


def test_the_bundled_briefing_answers_its_fixed_examples() -> None:
    assert examples_for(BUNDLED, EXAMPLE_QUESTIONS) == EXAMPLE_QUESTIONS


@pytest.mark.parametrize("name", sorted(OTHERS))
def test_another_briefing_is_offered_questions_it_answers(name: str) -> None:
    briefing = tradebrief.load_briefing(OTHERS[name])
    # The bundled examples are all declined by another briefing: offering them fails at once.
    assert not any(briefing.ask(q).found for q in EXAMPLE_QUESTIONS)
    examples = examples_for(briefing, EXAMPLE_QUESTIONS)
    assert len(examples) == MAX_EXAMPLES
    assert all(briefing.ask(q).found for q in examples)
    assert f"Who is {briefing.speakers[0].full_name}?" in examples
    assert not set(examples) & set(EXAMPLE_QUESTIONS)


def test_the_welcome_without_examples_offers_no_numbers() -> None:
    buffer = io.StringIO()
    Console(file=buffer, width=80, color_system=None).print(render.welcome(BUNDLED, ()))
    assert "Ask a question about the briefing." in buffer.getvalue()
    assert "type a number" not in buffer.getvalue()


@given(
    st.one_of(
        st.text(),
        st.integers(),
        st.none(),
        st.lists(st.text(max_size=30), max_size=3),
        st.lists(st.integers(), min_size=1, max_size=2),
    )
)
def test_examples_for_takes_only_a_sequence_of_questions(fixed: object) -> None:
    if isinstance(fixed, list) and all(isinstance(q, str) for q in fixed):
        examples = examples_for(BUNDLED, fixed)
        assert len(examples) <= MAX_EXAMPLES
        assert all(BUNDLED.ask(q).found for q in examples)
    else:
        with pytest.raises(TypeError, match="examples_for"):
            examples_for(BUNDLED, fixed)  # type: ignore[arg-type]


def test_an_example_the_engine_fails_on_is_left_out_and_the_others_stay() -> None:
    class Failing:
        """Stands in for a briefing whose engine fails on one question."""

        metrics = BUNDLED.metrics
        speakers = BUNDLED.speakers
        chairperson = BUNDLED.chairperson

        def ask(self, question: str) -> tradebrief.Answer:
            if question == EXAMPLE_QUESTIONS[0]:
                raise RuntimeError("the index is gone")
            return BUNDLED.ask(question)

    examples = examples_for(Failing(), EXAMPLE_QUESTIONS)  # type: ignore[arg-type]
    assert EXAMPLE_QUESTIONS[0] not in examples
    assert examples[:2] == EXAMPLE_QUESTIONS[1:] and len(examples) == MAX_EXAMPLES
