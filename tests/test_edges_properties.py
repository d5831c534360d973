"""Property tests for the edges: any text (lone surrogates included) and wrong types.

The CLIs never raise and never print a control character; their JSON always
parses; the library's renderers and the chat's follow-up layer take any text.
"""

from __future__ import annotations

import io
import json
import re
from contextlib import redirect_stderr, redirect_stdout
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import tradebrief
from cli_chat import followup
from cli_chat.app import main as chat_main
from tradebrief import Answer
from tradebrief.cli import main as cli_main
from tradebrief.engine.question import prepare
from tradebrief.render import (
    answer_json,
    answer_plain,
    clean,
    escape_json_controls,
    from_argv,
    one_line,
    safe_json,
)

BRIEFING = tradebrief.load_briefing()
UNSAFE = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)
# Text as hostile as it gets: every code point, lone surrogates included.
ANY_TEXT = st.text(st.characters(codec=None, categories=None), max_size=120)
QUESTIONS = ANY_TEXT.filter(lambda q: q.strip() != "")
FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def run(main: Any, argv: Any) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        status = main(argv)
    return status, out.getvalue(), err.getvalue()


@FAST
@given(ANY_TEXT)
def test_clean_and_one_line_leave_nothing_a_terminal_acts_on(text: str) -> None:
    assert not UNSAFE.search(clean(text).replace("\n", ""))
    shown = one_line(text)
    assert "\n" not in shown and not UNSAFE.search(shown)


@FAST
@given(ANY_TEXT)
def test_from_argv_leaves_no_surrogate(text: str) -> None:
    repaired = from_argv(text)
    repaired.encode("utf-8")  # would raise on a lone surrogate
    if not any("\ud800" <= c <= "\udfff" for c in text):
        assert repaired == text


@FAST
@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | ANY_TEXT,
        lambda inner: st.lists(inner, max_size=4) | st.dictionaries(ANY_TEXT, inner, max_size=4),
        max_leaves=12,
    )
)
def test_safe_json_is_valid_terminal_safe_and_lossless(value: Any) -> None:
    for indent in (None, 2):
        encoded = safe_json(value, indent=indent)
        assert not UNSAFE.search(encoded.replace("\n", ""))
        assert json.loads(encoded) == value
    assert escape_json_controls(json.dumps(value)) == json.dumps(value)  # ASCII JSON untouched


@FAST
@given(QUESTIONS)
def test_answers_render_as_safe_plain_text_and_valid_json(question: str) -> None:
    answer = Answer(question=question, found=False, text=question, score=0.0)
    plain = answer_plain(answer, BRIEFING)
    assert plain.splitlines()[0].startswith("Q: ") and plain.count("\nA: ") == 1
    assert not UNSAFE.search(plain.replace("\n", ""))
    line = answer_json(answer)
    assert "\n" not in line and not UNSAFE.search(line)
    assert json.loads(line)["found"] is False


@FAST
@given(QUESTIONS)
def test_tradebrief_ask_takes_any_argument(question: str) -> None:
    status, out, err = run(cli_main, ["ask", question, "--json"])
    assert status in (0, 1, 2), err
    assert "Traceback" not in err and not UNSAFE.search(err.replace("\n", ""))
    if status != 2:
        assert json.loads(out)["question"] == from_argv(question)


@FAST
@given(QUESTIONS)
def test_tradebrief_chat_ask_takes_any_argument(question: str) -> None:
    status, out, err = run(chat_main, ["--ask", question, "--json"])
    assert status in (0, 1, 2), err
    assert "Traceback" not in err
    if status in (0, 1) and out:
        assert json.loads(out)["question"] == from_argv(question)


WRONG_ARGV = st.one_of(
    st.integers(),
    st.text(max_size=10),
    st.binary(max_size=10),
    st.lists(st.one_of(st.integers(), st.none(), st.binary(max_size=5)), min_size=1, max_size=3),
    st.tuples(st.just("ask"), st.integers()),
)


@FAST
@given(WRONG_ARGV)
def test_the_clis_answer_wrong_types_with_one_line(argv: Any) -> None:
    for main in (cli_main, chat_main):
        status, out, err = run(main, argv)
        assert status == 2, (main, argv)
        assert out == "" and err.count("\n") == 1 and "list of strings" in err


@FAST
@given(QUESTIONS)
def test_follow_up_resolution_takes_any_text(question: str) -> None:
    context = followup.Context()
    for _ in range(2):  # once with nothing to lean on, once after an answer
        answer, context = followup.resolve(question, context, BRIEFING.ask, BRIEFING)
        assert isinstance(answer, Answer)
        assert answer.question == prepare(question).asked  # lone surrogates become U+FFFD
        for citation in answer.citations:
            assert BRIEFING.source[citation.start : citation.end] == citation.quote


@pytest.mark.parametrize("wrong", [None, 5, b"total trade", ["total trade"]])
def test_follow_up_resolution_rejects_wrong_types(wrong: Any) -> None:
    with pytest.raises((TypeError, AttributeError, ValueError)):
        followup.resolve(wrong, followup.Context(), BRIEFING.ask, BRIEFING)


WRONG_TEXT = st.one_of(
    st.none(), st.integers(), st.binary(max_size=8), st.lists(st.text(), max_size=2)
)


@FAST
@given(WRONG_TEXT)
def test_text_helpers_reject_wrong_types_saying_what(value: Any) -> None:
    from cli_chat.said import find_person
    from tradebrief.export import plain_description

    for function in (clean, one_line, from_argv, escape_json_controls, plain_description):
        with pytest.raises(TypeError, match="needs"):
            function(value)
    with pytest.raises(TypeError, match="needs a name"):
        find_person(BRIEFING, value)


@FAST
@given(ANY_TEXT)
def test_plain_description_and_find_person_take_any_text(text: str) -> None:
    from cli_chat.said import find_person
    from tradebrief.export import plain_description

    described = plain_description(text)
    assert "\n" not in described and described == described.strip()
    person = find_person(BRIEFING, text)
    assert person is None or person.id in BRIEFING.people.ids


@pytest.mark.parametrize("width", [20, 40, 80, 200])
def test_facts_table_fits_any_width(width: int) -> None:
    from rich.console import Console

    from tradebrief.export import FactsTable

    console = Console(file=io.StringIO(), width=width, record=True, color_system=None)
    console.print(FactsTable(BRIEFING))
    assert max(len(line) for line in console.export_text().splitlines()) <= width
