"""The engine's boundary: wrong types, unencodable text, huge questions, many threads."""

from __future__ import annotations

import json
import threading
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import tradebrief
from tradebrief import Briefing
from tradebrief.engine import index as index_module
from tradebrief.engine.question import MAX_QUESTION_CHARS, prepare


@pytest.fixture(scope="module")
def briefing() -> Briefing:
    return tradebrief.load_briefing()


@pytest.mark.parametrize(
    ("question", "type_name"),
    [(None, "NoneType"), (123, "int"), (b"How much trade?", "bytes"), (1.5, "float"),
     (["trade"], "list"), (bytearray(b"x"), "bytearray")],
)  # fmt: skip
def test_a_question_that_is_not_str_is_a_type_error_naming_the_type(
    briefing: Briefing, question: Any, type_name: str
) -> None:
    for ask in (briefing.ask, tradebrief.ask):
        with pytest.raises(TypeError, match=rf"must be str, not {type_name}\b"):
            ask(question)


@settings(
    max_examples=40,
    deadline=None,  # the first ask may build the spelling index; speed is for `make bench`
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    st.one_of(
        st.none(),
        st.integers(),
        st.floats(allow_nan=False),
        st.binary(),
        st.lists(st.text(max_size=5), max_size=3),
        st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
    )
)
def test_any_non_str_is_a_type_error(briefing: Briefing, question: object) -> None:
    with pytest.raises(TypeError, match=type(question).__name__):
        briefing.ask(question)  # type: ignore[arg-type]


def test_a_lone_surrogate_still_gives_an_answer_that_dumps_to_json() -> None:
    answer = tradebrief.ask("x \ud800")
    record = json.loads(answer.model_dump_json())
    assert record["question"] == "x \N{REPLACEMENT CHARACTER}"


def test_a_surrogate_pair_typed_as_two_code_points_is_joined() -> None:
    assert prepare("trade \ud83d\ude00").asked == "trade \N{GRINNING FACE}"


_WITH_SURROGATES = st.text(
    st.characters(categories=("Cs", "Lu", "Ll", "Nd", "Zs", "Po", "So")), min_size=1, max_size=40
).filter(lambda text: text.strip() != "")


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(_WITH_SURROGATES)
def test_every_answer_dumps_to_json_whatever_the_text(briefing: Briefing, question: str) -> None:
    answer = briefing.ask(question)
    json.loads(answer.model_dump_json())
    for citation in answer.citations:
        assert citation.quote == briefing.source[citation.start : citation.end]


def test_an_over_long_question_is_cut_at_a_word_boundary_and_says_so(briefing: Briefing) -> None:
    head = "How many customs declaration forms were processed in 2024? "
    filler = "Please tell me. " * (MAX_QUESTION_CHARS // 16)
    question = head + filler + "Supercalifragilistic " * 50
    assert len(question) > MAX_QUESTION_CHARS
    prepared = prepare(question)
    assert prepared.shortened
    assert len(prepared.text) <= MAX_QUESTION_CHARS
    assert question[len(prepared.text)] == " "  # no word was cut in two
    answer = briefing.ask(question)
    assert answer.found, answer.text
    assert "88.38 million" in answer.text
    assert f"first {len(prepared.text):,} characters" in answer.text
    assert answer.question == question


def test_a_question_within_the_limit_is_read_whole() -> None:
    question = "trade " * (MAX_QUESTION_CHARS // 6)
    prepared = prepare(question)
    assert not prepared.shortened
    assert prepared.text == question


def test_a_fresh_briefing_asked_from_many_threads_builds_its_index_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    fresh = tradebrief.load_briefing().model_copy(deep=True)
    built: list[int] = []
    real_build = index_module.build_candidates
    start = threading.Barrier(16)

    def counting_build(*args: Any, **kwargs: Any) -> Any:
        built.append(1)
        return real_build(*args, **kwargs)

    monkeypatch.setattr(index_module, "build_candidates", counting_build)
    answers: list[bool] = []

    def ask() -> None:
        start.wait()
        answers.append(fresh.ask("How many declaration forms were processed in 2024?").found)

    threads = [threading.Thread(target=ask) for _ in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert answers == [True] * 16
    assert len(built) == 1


def test_the_spelling_index_is_built_once_when_many_threads_need_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import symspellpy

    from tradebrief.engine import english

    built: list[int] = []

    class CountingSymSpell(symspellpy.SymSpell):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            built.append(1)
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(symspellpy, "SymSpell", CountingSymSpell)
    monkeypatch.setattr(english, "_SPELLERS", [])
    start = threading.Barrier(8)
    found: list[str | None] = []

    def respell() -> None:
        start.wait()
        found.append(english.respell("teh"))

    threads = [threading.Thread(target=respell) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert found == ["the"] * 8
    assert len(built) == 1
