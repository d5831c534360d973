"""Follow-up resolution: pure planning plus a run against the real ``ask``."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

import tradebrief
from cli_chat import followup, said
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


def context_after(answer: Answer) -> followup.Context:
    return followup.Context(last=answer, topic=answer if answer.found else None)


def test_plan_without_a_usable_last_answer_says_why() -> None:
    start = followup.Context()
    assert followup.plan("who said that?", start, BRIEFING).kind == "unresolved"
    assert followup.plan("and in 2023?", start, BRIEFING).kind == "unresolved"
    declined = context_after(answer_on_forms(found=False))
    assert followup.plan("who said that?", declined, BRIEFING).kind == "unresolved"
    assert followup.plan("What was total trade?", start, BRIEFING).kind == "plain"


def test_plan_contextual_reads_the_follow_up_with_the_topic_question() -> None:
    step = followup.plan("and in 2023?", context_after(answer_on_forms()), BRIEFING)
    assert step.kind == "contextual"
    # the topic's own year gives way to the one the follow-up asks for
    assert step.expanded == "How many customs declaration forms were processed in 2023?"


def test_who_said_answers_from_the_last_citation() -> None:
    last = answer_on_forms()
    asked: list[str] = []

    def ask(question: str) -> Answer:
        asked.append(question)
        raise AssertionError("who said that? must not be re-asked")

    reply, _ = followup.resolve("who said that?", context_after(last), ask, BRIEFING)
    assert asked == []
    assert reply.found and reply.question == "who said that?"
    assert reply.text.startswith("Wang Lingjun (Mr. Wang), vice minister of the General")
    assert "paragraph 4" in reply.text
    assert reply.citations == last.citations
    assert isinstance(reply.fact, tradebrief.Person) and reply.fact.id == "wang-lingjun"


def test_contextual_follow_up_keeps_an_answer_on_the_same_fact_and_the_typed_question() -> None:
    strong = answer_on_forms(score=0.8)
    asked: list[str] = []

    def ask(question: str) -> Answer:
        asked.append(question)
        return strong

    reply, context = followup.resolve(
        "and how many?", context_after(answer_on_forms()), ask, BRIEFING
    )
    assert asked == ["how many customs declaration forms processed?"]
    assert reply.found and reply.score == 0.8
    assert reply.question == "and how many?"
    assert context.topic == reply


def test_fact_name_for_people_uses_the_full_name() -> None:
    wang = BRIEFING.people["Mr. Wang"]
    answer = Answer(question="q", found=True, text="t", score=1.0, fact=wang)
    assert followup.fact_name(answer) == "Wang Lingjun"
    assert followup.fact_name(answer_on_forms(found=False)) is None


def converse(*questions: str) -> list[Answer]:
    context = followup.Context()
    answers = []
    for question in questions:
        answer, context = followup.resolve(question, context, BRIEFING.ask, BRIEFING)
        answers.append(answer)
    return answers


def test_where_did_it_ship_to_resolves_with_the_real_ask() -> None:
    first, reply, who = converse(
        "What was the last customs declaration form of 2024 for?",
        "where did it ship to?",
        "who said that?",
    )
    assert first.found and reply.found
    assert "Japan" in reply.text + reply.citations[0].quote
    assert who.text.startswith("Wang Lingjun")


def test_a_follow_up_without_an_answer_in_context_is_declined_not_redirected() -> None:
    alone = BRIEFING.ask("and in US dollars?")
    assert alone.found  # read alone it matches the 42 trillion yuan threshold's conversion
    crossings, reply = converse("How many vehicle crossings?", "and in US dollars?")
    assert crossings.found
    assert not reply.found
    assert reply.citations == ()
    assert reply.question == "and in US dollars?"
    assert "5.99" not in reply.text and "5.74" not in reply.text


def test_in_dollars_after_the_total_is_derived_from_it_and_stays_on_the_total() -> None:
    total, dollars, who, again = converse(
        "What was the total value of imports and exports in 2024?",
        "and in dollars?",
        "who said that?",
        "and in dollars?",
    )
    for reply in (dollars, again):
        assert reply.found and reply.derivation is not None
        assert (reply.derivation.result.value, reply.derivation.result.unit) == (
            Decimal("5.99"),
            "USD",
        )
        assert total.citations[0].quote in {c.quote for c in reply.derivation.inputs}
    assert who.found and who.citations[0].speaker == total.citations[0].speaker


def test_a_follow_up_answered_with_the_same_figure_for_another_year_is_declined() -> None:
    crossings, before = converse("How many vehicle crossings?", "and the year before?")
    assert crossings.found
    assert not before.found
    assert "43.85" not in before.text and "39.917" not in before.text
    assert "year before" in before.text


@pytest.mark.parametrize("follow_up", ["what about 2023?", "and the year before?", "and in 2023?"])
def test_the_year_before_the_total_is_derived_as_a_direct_question_is(follow_up: str) -> None:
    direct = BRIEFING.ask("What was the total value of imports and exports in 2023?")
    assert direct.derivation is not None
    total, before = converse("What was total trade in 2024?", follow_up)
    assert total.found and before.found
    assert before.question == follow_up
    assert before.derivation is not None
    assert before.derivation.result == direct.derivation.result
    assert "2023" in before.text


@pytest.mark.parametrize(
    "follow_up", ["and in 2019?", "and the month before?", "and two years before?"]
)
def test_a_period_the_briefing_cannot_give_for_the_total_is_declined(follow_up: str) -> None:
    _, reply = converse("What was total trade in 2024?", follow_up)
    assert not reply.found and reply.derivation is None
    assert "43.85" not in reply.text


def test_a_follow_up_at_the_start_is_declined_with_its_reason() -> None:
    (reply,) = converse("and in dollars?")
    assert not reply.found
    assert "there is none yet" in reply.text


def test_who_said_after_a_declined_answer_names_nobody() -> None:
    _, who = converse("What was the trade surplus?", "who said that?")
    assert not who.found
    assert who.citations == ()
    assert "Lyu" not in who.text and "nobody to name" in who.text


@pytest.mark.parametrize(
    "question", ["what did Xing Huina say?", "What did Ms. Xing say", "what did xing say?"]
)
def test_what_did_x_say_lists_their_paragraphs_cited(question: str) -> None:
    (reply,) = converse(question)
    assert reply.found
    assert [c.paragraph for c in reply.citations] == [1, 2]
    for citation in reply.citations:
        assert BRIEFING.source[citation.start : citation.end] == citation.quote
        assert isinstance(citation.speaker, tradebrief.Person)
        assert citation.speaker.id == "xing-huina"
    assert reply.citations[1].quote.startswith("Now, I'll give the floor to Mr. Wang")


def test_what_did_x_say_for_a_person_without_a_turn_says_so() -> None:
    (reply,) = converse("what did Lyu Daliang say?")
    assert not reply.found
    assert "roster" in reply.text and "nothing he said" in reply.text


def test_what_else_did_he_say_excludes_what_was_shown() -> None:
    crossings, more = converse("How many vehicle crossings?", "what else did he say?")
    shown = crossings.citations[0].paragraph
    assert more.found
    numbers = [c.paragraph for c in more.citations]
    assert shown not in numbers and numbers
    assert all(BRIEFING.paragraphs[str(n)].speaker == "wang-lingjun" for n in numbers)


def test_what_else_after_nothing_else_still_says_nothing_else() -> None:
    _, listed, more, again = converse(
        "Who is Wang Lingjun?", "what did he say?", "what else did he say?", "what else did he say?"
    )
    assert listed.found and len(listed.citations) == 8
    for reply in (more, again):
        assert not reply.found and reply.citations == ()
        assert "Wang Lingjun says nothing else on this page" in reply.text


def test_what_else_did_she_say_without_a_person_is_declined() -> None:
    (reply,) = converse("what else did she say?")
    assert not reply.found and "name the person" in reply.text


def test_a_found_answer_about_a_person_becomes_the_topic() -> None:
    who, dollars = converse("Who is Wang Lingjun?", "and in dollars?")
    assert who.found
    assert not dollars.found and dollars.citations == ()
    assert "Wang Lingjun" in dollars.text or dollars.suggestions


def test_what_did_x_say_on_several_pages_names_the_page_of_each_quote() -> None:
    pages = [f"tests/transcripts/trade_p{n}.txt" for n in (1, 2, 3)]
    briefing = tradebrief.load_briefing(pages)
    peng = said.find_person(briefing, "Peng Ruoyu")
    assert peng is not None
    reply = said.said_by(briefing, peng, "What did Peng Ruoyu say?")
    assert reply.found
    expected = [(p.number, p.page) for p in briefing.paragraphs if p.speaker == peng.id]
    assert [(c.paragraph, c.page) for c in reply.citations] == expected
    assert {page for _, page in expected} == {1, 3}
    more = said.said_by(briefing, peng, "what else did she say?", exclude=[1, 8])
    assert not more.found
    assert more.text == (
        "Peng Ruoyu says nothing else on the 3 loaded pages: "
        "only paragraphs 1 and 8, shown already."
    )


def test_who_said_after_a_not_stated_verdict_names_who_said_the_quoted_figure() -> None:
    claim, who = converse("Did China's GDP grow 5%?", "who said that?")
    assert claim.verdict is tradebrief.Verdict.NOT_STATED and claim.citations
    assert who.found and who.citations == claim.citations[:1]
    assert who.text.startswith("Wang Lingjun (Mr. Wang)")


def test_in_dollars_after_a_figure_stated_in_both_currencies_gives_the_dollars() -> None:
    holiday = tradebrief.load_briefing(
        Path(__file__).parent / "transcripts" / "holiday_figures.txt"
    )
    context = followup.Context()
    spent, context = followup.resolve(
        "How much did travelers spend?", context, holiday.ask, holiday
    )
    dollars, context = followup.resolve("and in dollars?", context, holiday.ask, holiday)
    trips, context = followup.resolve(
        "How many domestic trips did travelers make?", context, holiday.ask, holiday
    )
    no_dollars, _ = followup.resolve("and in dollars?", context, holiday.ask, holiday)
    assert spent.found and "702.6 billion yuan ($96.5 billion)" in spent.citations[0].quote
    assert dollars.found
    assert [(c.start, c.end) for c in dollars.citations] == [
        (c.start, c.end) for c in spent.citations
    ]
    # The dollar figure itself, or the yuan figure that states it as its equivalent.
    assert isinstance(dollars.fact, tradebrief.Metric)
    assert "USD" in {q.unit for q in (dollars.fact.quantity, dollars.fact.equivalent) if q}
    assert "$96.5 billion" in dollars.text
    assert trips.found and not no_dollars.found  # trips have no dollar value
