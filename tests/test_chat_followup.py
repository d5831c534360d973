"""Follow-up resolution: pure planning plus a run against the real ``ask``."""

from __future__ import annotations

import pytest

import tradebrief
from cli_chat import followup
from tradebrief import Answer, Citation

BRIEFING = tradebrief.load_briefing()
FORMS = BRIEFING.metrics["declaration-forms"]


def answer_on_forms(*, found: bool = True, score: float = 0.9) -> Answer:
    citation = Citation(
        quote=FORMS.evidence.quote,
        start=FORMS.evidence.start,
        end=FORMS.evidence.end,
        paragraph=FORMS.paragraph,
        speaker=BRIEFING.speaker_of(FORMS.paragraph),
    )
    return Answer(
        question="How many forms?",
        found=found,
        text=FORMS.answer if found else "The briefing does not say.",
        citations=(citation,) if found else (),
        score=score,
        fact=FORMS if found else None,
    )


@pytest.mark.parametrize(
    "question",
    [
        "and in US dollars?",
        "where did it ship to?",
        "What about 2023?",
        "who said that?",
        "And the change?",
        "how big was it",
        "in yuan?",
    ],
)
def test_short_leaning_questions_are_followups(question: str) -> None:
    assert followup.is_followup(question)


@pytest.mark.parametrize(
    "question",
    [
        "How many customs declaration forms were processed in 2024?",
        "Who is Lin Shaobin?",
        "vehicle crossings",
        "",
        "   ",
        "What was the total value of trade and how did it change?",
    ],
)
def test_standalone_questions_are_not_followups(question: str) -> None:
    assert not followup.is_followup(question)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("who said that?", True),
        ("Who said this", True),
        ("and who said it?", True),
        ("who said the trade grew?", False),
        ("who is Mr. Wang?", False),
    ],
)
def test_who_said(question: str, expected: bool) -> None:
    assert followup.is_who_said(question) is expected


def test_plan_without_a_usable_last_answer_is_plain() -> None:
    assert followup.plan("who said that?", None).kind == "plain"
    assert followup.plan("and in 2023?", answer_on_forms(found=False)).kind == "plain"


def test_plan_contextual_prepends_the_fact_name() -> None:
    step = followup.plan("and in 2023?", answer_on_forms())
    assert step.kind == "contextual"
    assert step.expanded == "Customs declaration forms processed and in 2023?"


def test_who_said_answers_from_the_last_citation() -> None:
    last = answer_on_forms()
    asked: list[str] = []

    def ask(question: str) -> Answer:
        asked.append(question)
        raise AssertionError("who said that? must not be re-asked")

    reply = followup.resolve("who said that?", last, ask)
    assert asked == []
    assert reply.found and reply.question == "who said that?"
    assert reply.text.startswith("Wang Lingjun (Mr. Wang), vice minister of the General")
    assert "paragraph 4" in reply.text
    assert reply.citations == last.citations
    assert isinstance(reply.fact, tradebrief.Person) and reply.fact.id == "wang-lingjun"


def test_contextual_follow_up_keeps_the_better_answer_and_the_typed_question() -> None:
    weak = Answer(question="x", found=False, text="The briefing does not say.", score=0.2)
    strong = answer_on_forms(score=0.8)
    asked: list[str] = []

    def ask(question: str) -> Answer:
        asked.append(question)
        return strong if question.startswith("Customs declaration") else weak

    reply = followup.resolve("and in 2024?", answer_on_forms(), ask)
    assert asked == ["and in 2024?", "Customs declaration forms processed and in 2024?"]
    assert reply.found and reply.score == 0.8
    assert reply.question == "and in 2024?"


def test_contextual_follow_up_keeps_the_question_alone_when_it_is_better() -> None:
    alone = answer_on_forms(score=0.95).model_copy(update={"question": "and it?"})
    weaker = answer_on_forms(score=0.5)
    reply = followup.resolve(
        "and it?", answer_on_forms(), lambda q: alone if q == "and it?" else weaker
    )
    assert reply is alone


def test_better_prefers_found_then_score_then_first() -> None:
    found_low = answer_on_forms(score=0.3)
    found_high = answer_on_forms(score=0.7)
    missing = answer_on_forms(found=False, score=0.9)
    assert followup.better(missing, found_low) is found_low
    assert followup.better(found_low, found_high) is found_high
    assert followup.better(found_high, found_high.model_copy()) is found_high


def test_fact_name_for_people_uses_the_full_name() -> None:
    wang = BRIEFING.people["Mr. Wang"]
    answer = Answer(question="q", found=True, text="t", score=1.0, fact=wang)
    assert followup.fact_name(answer) == "Wang Lingjun"
    assert followup.fact_name(answer_on_forms(found=False)) is None


def test_where_did_it_ship_to_resolves_with_the_real_ask() -> None:
    first = BRIEFING.ask("What was the last customs declaration form of 2024 for?")
    assert first.found
    reply = followup.resolve("where did it ship to?", first, BRIEFING.ask)
    assert reply.found
    assert "Japan" in reply.text + reply.citations[0].quote
    who = followup.resolve("who said that?", reply, BRIEFING.ask)
    assert who.text.startswith("Wang Lingjun")


def test_a_follow_up_without_an_answer_in_context_is_declined_not_redirected() -> None:
    total = BRIEFING.ask("What was the total value of imports and exports in 2024?")
    assert total.found
    alone = BRIEFING.ask("and in US dollars?")
    assert alone.found  # read alone it matches the 42 trillion yuan threshold's conversion
    reply = followup.resolve("and in US dollars?", total, BRIEFING.ask)
    assert not reply.found
    assert reply.citations == ()
    assert reply.question == "and in US dollars?"
    assert reply.suggestions[0] == alone.fact.question  # type: ignore[union-attr]
