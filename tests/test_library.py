"""Many briefings asked as one, and the --transcript/--facts options of both commands."""

from __future__ import annotations

import io
import warnings
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import tradebrief
from cli_chat import commands, render
from cli_chat.app import main as chat_main
from cli_chat.state import ChatState
from tradebrief.cli import main
from tradebrief.errors import TranscriptWarning

TRANSCRIPTS = Path(__file__).parent / "transcripts"
TRADE = [TRANSCRIPTS / f"trade_p{n}.txt" for n in (1, 2, 3)]


@pytest.fixture(scope="module")
def library() -> tradebrief.Library:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", TranscriptWarning)
        return tradebrief.load_library(
            [
                TRADE,
                TRANSCRIPTS / "scio_mobile.txt",
                TRANSCRIPTS / "press_energy.txt",
                Path(tradebrief.load.bundled_paths()[0]),
            ]
        )


@pytest.mark.parametrize(
    ("question", "position", "title_words"),
    [
        ("What is customs doing to help small exporters?", 0, "foreign trade"),
        ("How much did retail sales of consumer goods reach?", 1, "consumer prices"),
        ("How many charging stations were added?", 2, "energy supply"),
        ("What was the total value of imports and exports in 2024?", 3, "2024"),
    ],
)
def test_library_answers_from_the_right_briefing_and_names_it(
    library: tradebrief.Library, question: str, position: int, title_words: str
) -> None:
    reply = library.ask(question)
    assert reply.found and reply.briefing == position
    briefing = library.briefings[position]
    cited = reply.citations[0]
    assert cited.briefing == briefing.title and title_words in cited.briefing
    assert cited.date == briefing.date
    quote = cited.citation
    assert briefing.source[quote.start : quote.end] == quote.quote
    assert briefing.title in cited.describe()


def test_library_declines_when_no_briefing_says(library: tradebrief.Library) -> None:
    reply = library.ask("What was the population of Mars?")
    assert not reply.found and reply.briefing is None and not reply.citations


@settings(max_examples=40, deadline=None)
@given(st.text(min_size=1, max_size=80).filter(str.strip))
def test_library_ask_never_raises_and_quotes_verbatim(
    library: tradebrief.Library, question: str
) -> None:
    reply = library.ask(question)
    if reply.found:
        assert reply.briefing is not None
        briefing = library.briefings[reply.briefing]
        for cited in reply.citations:
            c = cited.citation
            assert briefing.source[c.start : c.end] == c.quote


@pytest.mark.parametrize("bad", ["one.txt", 42, None])
def test_load_library_refuses_wrong_types(bad: Any) -> None:
    with pytest.raises(TypeError):
        tradebrief.load_library(bad)


def test_library_ask_refuses_empty_and_non_string_questions(library: tradebrief.Library) -> None:
    with pytest.raises(ValueError):
        library.ask("  ")
    with pytest.raises(TypeError):
        library.ask(3)  # type: ignore[arg-type]


# ------------------------------------------------------- command-line sources ---


def test_ask_with_repeated_transcript_options(capsys: pytest.CaptureFixture[str]) -> None:
    args = ["ask", "What is customs doing to help small exporters?", "--json"]
    for page in TRADE:
        args += ["--transcript", str(page)]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert '"page":2' in out.replace(" ", "")


def test_facts_with_repeated_transcript_options(capsys: pytest.CaptureFixture[str]) -> None:
    args = ["facts", "--format", "csv"]
    for page in TRADE:
        args += ["--transcript", str(page)]
    assert main(args) == 0
    assert "33.6" in capsys.readouterr().out


def test_chat_ask_with_a_transcript_and_its_warnings(capsys: pytest.CaptureFixture[str]) -> None:
    status = chat_main(["--ask", "Which questions did CGTN ask?", "--transcript", str(TRADE[1])])
    captured = capsys.readouterr()
    assert status in (0, 1)
    assert "tradebrief-chat: warning: " in captured.err
    assert "no roster was found" in captured.err


def test_help_and_welcome_say_what_is_loaded() -> None:
    briefing = tradebrief.load_briefing()
    reply = commands.dispatch(ChatState(briefing), "/help")
    console = render_text(*reply.output)
    assert "page 1 of 14: the opening remarks" in console
    assert "January 13, 2025" in console
    welcome = render_text(render.welcome(briefing, ()))
    assert "loaded: page 1 of 14: the opening remarks" in welcome


def render_text(*renderables: Any) -> str:
    from rich.console import Console

    out = io.StringIO()
    console = Console(file=out, width=200, markup=False, emoji=False, color_system=None)
    for renderable in renderables:
        console.print(renderable)
    return out.getvalue()


def test_piped_chat_with_pages_cites_the_page(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    env = {**os.environ, "TRADEBRIEF_HISTORY": str(tmp_path / "history"), "NO_COLOR": "1"}
    args = [sys.executable, "-m", "cli_chat"]
    for page in TRADE:
        args += ["--transcript", str(page)]
    done = subprocess.run(
        args,
        input="What is customs doing to help small exporters?\nwho said that?\n",
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert "paragraph 6 · page 2 · October 14, 2025" in done.stdout
    assert done.stderr == ""


@settings(max_examples=30, deadline=None)
@given(st.one_of(st.integers(), st.floats(allow_nan=False), st.binary(), st.none()))
def test_public_entry_points_refuse_wrong_types(value: Any) -> None:
    from tradebrief.draft import draft_facts
    from tradebrief.extract import extract_metrics

    for call in (
        tradebrief.parse_transcript,
        extract_metrics,
        draft_facts,
        tradebrief.load_library,
        tradebrief.Library(briefings=(tradebrief.load_briefing(),)).ask,
    ):
        with pytest.raises(TypeError):
            call(value)
