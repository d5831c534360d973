"""Every question in tests/questions/ is asked; each must be answered correctly or declined.

Questions the engine is known to get wrong are listed, with the reason, in
tests/questions/known_misses.toml. They run as strict xfails: the suite says
how many there are, and fails as soon as one starts passing, so the list can
only shrink honestly.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

import tradebrief
from bench.questions import Question, answerable, is_correct, unanswerable

KNOWN_MISSES = tomllib.loads(
    (Path(__file__).parent / "questions" / "known_misses.toml").read_text(encoding="utf-8")
)["misses"]


def _params(questions: list[Question]) -> list[object]:
    params: list[object] = []
    for question in questions:
        reason = KNOWN_MISSES.get(question.id)
        marks = [pytest.mark.xfail(reason=reason, strict=True)] if reason else []
        params.append(pytest.param(question, id=question.id, marks=marks))
    return params


@pytest.fixture(scope="module")
def briefing() -> tradebrief.Briefing:
    return tradebrief.load_briefing()


def test_question_set_is_large_enough() -> None:
    assert len(answerable()) >= 200
    assert len(unanswerable()) >= 50
    ids = [q.id for q in (*answerable(), *unanswerable())]
    assert len(ids) == len(set(ids))
    assert set(KNOWN_MISSES) <= set(ids), "a known miss names no question"


@pytest.mark.parametrize("question", _params(answerable()))
def test_answerable_question_is_answered_with_its_evidence(
    briefing: tradebrief.Briefing, question: Question
) -> None:
    answer = briefing.ask(question.question)
    assert answer.found, answer.text
    top = answer.citations[0]
    assert top.quote == briefing.source[top.start : top.end]
    assert is_correct(question, answer.text, top.quote), (answer.text, top.quote)


@pytest.mark.parametrize("question", _params(unanswerable()))
def test_unanswerable_question_is_declined_with_suggestions(
    briefing: tradebrief.Briefing, question: Question
) -> None:
    answer = briefing.ask(question.question)
    assert not answer.found, (answer.text, [c.quote for c in answer.citations])
    assert answer.citations == ()
    assert answer.text.startswith("The briefing does not say")
    assert 1 <= len(answer.suggestions) <= 3
