"""Briefing.ask: the answer's shape, its citations, honest refusals, and odd input."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import tradebrief
from tradebrief import Answer, Briefing, Metric, Person, PolicyMeasure, Statement
from tradebrief.engine.candidates import CandidateKind
from tradebrief.engine.index import index_for
from tradebrief.engine.question import MAX_QUESTION_CHARS
from tradebrief.engine.rank import search

TRANSCRIPTS = Path(__file__).parent / "transcripts"
CHINESE_QUESTION = "中国2024年进出口总值是多少\N{FULLWIDTH QUESTION MARK}"


@pytest.fixture(scope="module")
def briefing() -> Briefing:
    return tradebrief.load_briefing()


def assert_verbatim(briefing: Briefing, answer: Answer) -> None:
    for citation in answer.citations:
        assert citation.quote == briefing.source[citation.start : citation.end]
        for highlight in citation.highlights:
            assert citation.start <= highlight.start < highlight.end <= citation.end
            assert highlight.quote == briefing.source[highlight.start : highlight.end]


def test_issue_example_declarations(briefing: Briefing) -> None:
    answer = briefing.ask("How many customs declarations were processed in 2024?")
    assert answer.found
    assert answer.text == "88.38 million customs declaration forms were processed in 2024."
    assert isinstance(answer.fact, Metric)
    assert answer.fact.id == "declaration-forms"
    top = answer.citations[0]
    assert "88.38 million forms" in top.quote
    assert isinstance(top.speaker, Person)
    assert top.speaker.full_name == "Wang Lingjun"
    assert top.paragraph == 4
    assert 0.5 <= answer.score <= 1.0
    assert answer.suggestions == ()
    assert_verbatim(briefing, answer)
    # the words that carry the answer are highlighted inside the quote
    assert [h.quote for h in top.highlights] == ["88.38 million forms"]


def test_module_level_ask_uses_the_bundled_briefing(briefing: Briefing) -> None:
    assert tradebrief.ask("total imports and exports 2024") == briefing.ask(
        "total imports and exports 2024"
    )


def test_citation_is_a_clause_not_the_whole_paragraph(briefing: Briefing) -> None:
    answer = briefing.ask("What was the total value of imports and exports?")
    paragraph = briefing.paragraphs[str(answer.citations[0].paragraph)]
    assert answer.citations[0].quote != paragraph.text
    assert len(answer.citations[0].quote) < len(paragraph.text) / 3
    assert {h.quote for h in answer.citations[0].highlights} == {
        "43.85 trillion yuan",
        "up 5% year on year",
    }


@pytest.mark.parametrize(
    ("question", "kind", "expected_id"),
    [
        ("How many trucks crossed the border?", Metric, "vehicle-crossings"),
        ("cargo tonnage supervised by customs", Metric, "goods-supervised"),
        ("paperwork processed in 2024", Metric, "declaration-forms"),
        ("trade growth 2024", Metric, None),
        ("How many measures to facilitate customs clearance?", PolicyMeasure, None),
        ("20-city initiative", PolicyMeasure, "cross-border-trade-cities"),
        ("where did the earbuds ship to", Statement, "last-declaration-form"),
        ("42 trillion yuan in US dollars", Metric, "threshold-42-trillion"),
    ],
)
def test_synonyms_keywords_and_typos_find_the_fact(
    briefing: Briefing, question: str, kind: type, expected_id: str | None
) -> None:
    answer = briefing.ask(question)
    assert answer.found, answer.text
    assert isinstance(answer.fact, kind)
    if expected_id is not None:
        assert answer.fact.id == expected_id  # type: ignore[union-attr]


def test_roster_questions_cite_the_roster(briefing: Briefing) -> None:
    chair = briefing.ask("Who chaired the briefing?")
    assert chair.found and isinstance(chair.fact, Person)
    assert chair.fact.full_name == "Xing Huina"
    assert chair.citations[0].paragraph is None  # the roster is not a paragraph
    assert chair.citations[0].quote.startswith("Ms. Xing Huina, deputy director general")

    speakers = briefing.ask("Who were the speakers?")
    assert [c.quote.split(",")[0] for c in speakers.citations] == [
        "Mr. Wang Lingjun",
        "Mr. Lyu Daliang",
        "Mr. Lin Shaobin",
        "Ms. Xing Huina",
    ]
    position = briefing.ask("What is Lin Shaobin's position?")
    assert "Department of General Operation" in position.text
    assert briefing.ask("Mr. Wang").fact == briefing.people["Wang Lingjun"]


def test_acronyms_and_dates(briefing: Briefing) -> None:
    gacc = briefing.ask("What does GACC stand for?")
    assert gacc.text == "GACC stands for the General Administration of Customs of China."
    assert gacc.citations[0].quote == "General Administration of Customs of China (GACC)"
    when = briefing.ask("When was the briefing held?")
    assert when.text == "The briefing was held on January 13, 2025."
    assert when.citations[0].quote == "Jan. 13, 2025"


@pytest.mark.parametrize(
    ("question", "reason"),
    [
        ("What was China's GDP growth?", "gdp"),
        ("What was the trade surplus?", "surplus"),
        ("How much soybean did China import?", "soybean"),
        ("How many declaration forms were processed in 2023?", "2023"),
        ("What was the value of China's imports alone in 2024?", "alon"),
        ("How many vehicle crossings were there in Hainan in 2024?", "hainan"),
        ("What did Lin Shaobin say about export controls?", None),
        ("Who is the minister of the General Administration of Customs of China?", None),
    ],
)
def test_out_of_scope_questions_are_declined(
    briefing: Briefing, question: str, reason: str | None
) -> None:
    answer = briefing.ask(question)
    assert not answer.found, answer.text
    assert answer.citations == ()
    assert answer.fact is None
    assert answer.text.startswith("The briefing does not say.")
    if reason is not None:
        assert reason in answer.text.casefold()
    assert 1 <= len(answer.suggestions) <= 3


def test_every_suggestion_is_answerable(briefing: Briefing) -> None:
    for question in ("What was the trade surplus?", "price of earbuds in Japan", "GDP"):
        for suggestion in briefing.ask(question).suggestions:
            assert briefing.ask(suggestion).found, suggestion


def test_every_curated_sample_question_finds_its_own_fact(briefing: Briefing) -> None:
    for fact in briefing.facts:
        answer = briefing.ask(fact.question)
        assert answer.found, fact.question
        assert answer.fact == fact, (fact.id, answer.fact)


@pytest.mark.parametrize("question", ["", "   ", "\n\t "])
def test_empty_question_is_a_value_error(briefing: Briefing, question: str) -> None:
    with pytest.raises(ValueError, match="empty"):
        briefing.ask(question)


@pytest.mark.parametrize(
    "question",
    [
        "[bold red]x[/]",
        "\x1b[31mtotal trade\x1b[0m",
        "\x00\x07\x08",
        CHINESE_QUESTION,
        "😀 🚢 📦",
        "?" * 50,
        "trade " * 20_000,  # a 120 KB question
    ],
)
def test_odd_input_gets_an_answer_not_an_exception(briefing: Briefing, question: str) -> None:
    answer = briefing.ask(question)
    assert answer.question == question
    assert_verbatim(briefing, answer)
    assert Answer.model_validate_json(answer.model_dump_json()) == answer


def test_markup_and_foreign_text_are_declined(briefing: Briefing) -> None:
    assert not briefing.ask("[bold red]x[/]").found
    assert not briefing.ask(CHINESE_QUESTION).found
    assert not briefing.ask("😀 🚢 📦").found


def test_only_the_head_of_a_huge_question_is_read(briefing: Briefing) -> None:
    head = "How many vehicle crossings? "
    huge = head + "x" * (MAX_QUESTION_CHARS * 50)
    retrieval = search(index_for(briefing), huge)
    assert len(retrieval.terms) <= 32
    assert briefing.ask(huge).question == huge


def test_answer_json_is_a_complete_record(briefing: Briefing) -> None:
    answer = briefing.ask("How many cities got special initiatives?")
    again = Answer.model_validate_json(answer.model_dump_json())
    assert again == answer
    assert isinstance(again.fact, PolicyMeasure)
    dumped = answer.model_dump(mode="json")
    assert dumped["fact"]["count"]["value"] == "20"
    assert dumped["citations"][0]["speaker"]["full_name"] == "Wang Lingjun"


@settings(
    max_examples=150,
    deadline=None,  # speed is measured by `make bench`, never by a test
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(st.text(min_size=1, max_size=300))
def test_ask_never_raises_and_never_misquotes(briefing: Briefing, question: str) -> None:
    if not question.strip():
        with pytest.raises(ValueError):
            briefing.ask(question)
        return
    answer = briefing.ask(question)
    assert 0.0 <= answer.score <= 1.0
    assert answer.found == bool(answer.citations)
    assert len(answer.suggestions) <= 3
    assert_verbatim(briefing, answer)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(
        st.sampled_from(
            ["trade", "customs", "2024", "yuan", "forms", "Hainan", "Mr.", "Wang", "cities", "the"]
        ),
        min_size=1,
        max_size=8,
    )
)
def test_word_salad_from_the_briefing_still_cites_verbatim(
    briefing: Briefing, words: list[str]
) -> None:
    answer = briefing.ask(" ".join(words))
    assert_verbatim(briefing, answer)


def test_a_transcript_without_facts_is_askable_from_its_sentences() -> None:
    energy = tradebrief.load_briefing(TRANSCRIPTS / "press_energy.txt")
    # No curated facts: every fact is a figure extracted from the text.
    assert energy.facts and all(
        isinstance(f, Metric) and f.origin == "extracted" for f in energy.facts
    )
    kinds = {c.kind for c in index_for(energy).candidates}
    assert CandidateKind.SENTENCE in kinds
    answer = energy.ask("How many charging stations?")
    assert answer.found, answer.text
    assert "1,200" in answer.citations[0].quote
    assert isinstance(answer.fact, Metric)
    assert answer.fact.quantity.value == 1200
    assert_verbatim(energy, answer)
    chair = energy.ask("Who chaired the briefing?")
    assert chair.found and isinstance(chair.fact, Person)
    refused = energy.ask("What was China's GDP growth?")
    assert not refused.found and refused.suggestions
