"""A yes/no question always gets a verdict; an ordinary question never does."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import tradebrief
from tradebrief import Answer, Briefing, Verdict
from tradebrief.engine.claims import settle_unjudged
from tradebrief.engine.claims.words import is_claim


@pytest.fixture(scope="module")
def briefing() -> Briefing:
    return tradebrief.load_briefing()


def _plain(found: bool, text: str) -> Answer:
    return Answer(question="q", found=found, text=text, score=0.6 if found else 0.0)


def test_a_quoted_answer_to_a_claim_becomes_not_stated_and_keeps_its_quote() -> None:
    settled = settle_unjudged("Did exports shift to greener goods?", _plain(True, "Trade grew."))
    assert settled.verdict is Verdict.NOT_STATED
    assert settled.found  # the passage still answers the question as asked
    assert settled.text == (
        "Not stated. The briefing does not settle the claim in so many words. It says: Trade grew."
    )


def test_a_declined_claim_becomes_not_stated_with_its_reason() -> None:
    declined = _plain(False, "The briefing does not say. It never mentions 'overtime'.")
    settled = settle_unjudged("Was there overtime?", declined)
    assert settled.verdict is Verdict.NOT_STATED and not settled.found
    assert settled.text == "Not stated. The briefing does not say. It never mentions 'overtime'."


def test_questions_that_are_not_claims_pass_unchanged() -> None:
    answer = _plain(True, "43.85 trillion yuan.")
    for question in ("What was total trade?", "How did trade grow?", "Who chaired it?"):
        assert settle_unjudged(question, answer) is answer


def test_a_verdict_already_given_is_kept(briefing: Briefing) -> None:
    judged = briefing.ask("Did total trade top 46 trillion yuan?")
    assert settle_unjudged(judged.question, judged) is judged


@pytest.mark.parametrize(
    "question",
    [
        "Did customs open an office in Nairobi?",
        "Was the briefing held in Shanghai?",
        "Is customs planning to hire more inspectors?",
        "Did trade grow in a balanced way?",
    ],
)
def test_every_claim_asked_gets_a_verdict(briefing: Briefing, question: str) -> None:
    answer = briefing.ask(question)
    assert answer.verdict is not None, answer.text
    lead = {Verdict.YES: "Yes. ", Verdict.NO: "No. ", Verdict.NOT_STATED: "Not stated. "}
    assert answer.text.startswith(lead[answer.verdict]), answer.text


def test_ordinary_questions_are_still_answered_by_retrieval(briefing: Briefing) -> None:
    answer = briefing.ask("What was total trade?")
    assert answer.verdict is None and answer.derivation is None and answer.found
    assert "43.85 trillion yuan" in answer.text


@pytest.mark.parametrize("wrong", [None, 3, b"Did trade grow?", ["Did trade grow?"]])
def test_wrong_question_type_is_a_clear_error(wrong: object) -> None:
    with pytest.raises(TypeError, match="the question must be a str"):
        settle_unjudged(wrong, _plain(True, "x"))  # type: ignore[arg-type]


@pytest.mark.parametrize("wrong", [None, "an answer", {"found": True}])
def test_wrong_answer_type_is_a_clear_error(wrong: object) -> None:
    with pytest.raises(TypeError, match="the answer must be an Answer"):
        settle_unjudged("Did trade grow?", wrong)  # type: ignore[arg-type]


@settings(max_examples=60, deadline=None)
@given(question=st.text(max_size=80), found=st.booleans())
def test_any_question_gets_a_verdict_exactly_when_it_is_a_claim(question: str, found: bool) -> None:
    answer = _plain(found, "The briefing does not say." if not found else "Trade grew.")
    settled = settle_unjudged(question, answer)
    assert (settled.verdict is Verdict.NOT_STATED) is is_claim(question)
    assert settled.found is found
    assert settled.text.endswith(answer.text.removeprefix("The briefing does not say."))
