"""The real interactive loop, driven through prompt_toolkit's pipe input and DummyOutput."""

from __future__ import annotations

import asyncio
import io
import json
import os
import stat
from decimal import Decimal
from pathlib import Path

import pytest
from prompt_toolkit import PromptSession
from prompt_toolkit.application import set_app
from prompt_toolkit.completion import CompleteEvent
from prompt_toolkit.document import Document
from prompt_toolkit.history import History, InMemoryHistory
from prompt_toolkit.input import PipeInput, create_pipe_input
from prompt_toolkit.key_binding.key_processor import KeyPress
from prompt_toolkit.keys import Keys
from prompt_toolkit.output import DummyOutput
from rich.console import Console

import tradebrief
from cli_chat.commands import COMMANDS, help_table
from cli_chat.completer import ChatCompleter, briefing_terms, term_matches
from cli_chat.history import (
    MAX_ENTRIES,
    MAX_ENTRY_CHARS,
    PrivateFileHistory,
    history_path,
    home_directory,
)
from cli_chat.session import (
    EXAMPLE_QUESTIONS,
    TOOLBAR_KEYS,
    ChatSession,
    build_prompt_session,
    toolbar,
)

BRIEFING = tradebrief.load_briefing()
FORMS_Q = "How many customs declaration forms were processed in 2024?"
ENTER = "\r"
CTRL_C = "\x03"
CTRL_D = "\x04"
UP = "\x1b[A"
RIGHT = "\x1b[C"
UNBOX = str.maketrans(dict.fromkeys("│╭╮╰╯─", " "))


class Run:
    """The outcome of one scripted chat: exit status, screen text and the session."""

    def __init__(self, status: int, screen: str, chat: ChatSession) -> None:
        self.status = status
        self.screen = screen
        self.chat = chat

    @property
    def words(self) -> str:
        """The screen with all runs of white space collapsed, for wrap-proof matching."""
        return " ".join(self.screen.translate(UNBOX).split())


def run_chat(keys: str, *, history: History | None = None, width: int = 120) -> Run:
    buffer = io.StringIO()
    console = Console(file=buffer, width=width, color_system=None, markup=False)
    with create_pipe_input() as pipe:
        pipe.send_text(keys)
        prompt = build_prompt_session(
            BRIEFING, history=history or InMemoryHistory(), input=pipe, output=DummyOutput()
        )
        chat = ChatSession(BRIEFING, prompt=prompt, console=console)
        status = chat.run()
    return Run(status, buffer.getvalue(), chat)


def test_welcome_then_a_cited_answer_then_ctrl_d_exits_zero() -> None:
    run = run_chat(FORMS_Q + ENTER + CTRL_D)
    assert run.status == 0
    assert run.screen.index("SCIO briefing") < run.screen.index("88.38 million")
    assert "88.38 million forms processed in 2024" in run.words
    assert "Wang Lingjun" in run.words and "paragraph 4" in run.words
    assert "January 13, 2025" in run.words and "China.org.cn" in run.words
    assert [a.question for a in run.chat.state.answers] == [FORMS_Q]


def test_quit_command_exits_zero_and_ignores_what_follows() -> None:
    run = run_chat("/quit" + ENTER + FORMS_Q + ENTER + CTRL_D)
    assert run.status == 0
    assert run.chat.state.answers == []


def test_ctrl_c_clears_the_line_and_the_chat_goes_on() -> None:
    run = run_chat("junk text" + CTRL_C + FORMS_Q + ENTER + CTRL_D)
    assert run.status == 0
    assert [a.question for a in run.chat.state.answers] == [FORMS_Q]
    assert "junk" not in run.screen


def test_blank_lines_are_ignored() -> None:
    run = run_chat("   " + ENTER + ENTER + CTRL_D)
    assert run.status == 0 and run.chat.state.answers == []


def test_typing_a_welcome_number_asks_that_example() -> None:
    run = run_chat("2" + ENTER + CTRL_D)
    assert [a.question for a in run.chat.state.answers] == [EXAMPLE_QUESTIONS[1]]
    assert run.chat.state.answers[0].found
    assert "88.38 million" in run.words


def test_every_welcome_example_is_answered() -> None:
    run = run_chat("1" + ENTER + "2" + ENTER + "3" + ENTER + CTRL_D)
    assert [a.question for a in run.chat.state.answers] == list(EXAMPLE_QUESTIONS)
    assert all(a.found for a in run.chat.state.answers)


def test_not_found_offers_numbered_suggestions_and_a_number_asks_one() -> None:
    question = "What was China's GDP growth rate in 2024?"
    run = run_chat(question + ENTER + "1" + ENTER + CTRL_D)
    first, second = run.chat.state.answers
    assert not first.found and first.suggestions
    assert "The briefing does not say" in run.words
    assert f"1. {first.suggestions[0]}" in run.words
    assert second.question == first.suggestions[0]
    assert second.found


def test_a_number_out_of_range_says_so() -> None:
    run = run_chat("9" + ENTER + CTRL_D)
    assert run.chat.state.answers == []
    assert "There is no question 9; pick 1 to 3" in run.words


def test_who_said_that_follows_up_on_the_last_answer() -> None:
    run = run_chat(FORMS_Q + ENTER + "who said that?" + ENTER + CTRL_D)
    follow = run.chat.state.answers[-1]
    assert follow.question == "who said that?"
    assert follow.text.startswith("Wang Lingjun (Mr. Wang), vice minister")
    assert "said it in paragraph 4" in run.words


def test_where_did_it_ship_to_follows_up_on_the_last_fact() -> None:
    first = "What was the last customs declaration form of 2024 for?"
    run = run_chat(first + ENTER + "where did it ship to?" + ENTER + CTRL_D)
    follow = run.chat.state.answers[-1]
    assert follow.question == "where did it ship to?" and follow.found
    assert "Japan" in follow.citations[0].quote


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        ("/help", ["/speakers", "List the people at the briefing.", "/export FILE", "Ctrl-D"]),
        ("/speakers", ["Wang Lingjun", "Lyu Daliang", "Lin Shaobin", "Xing Huina", "chairperson"]),
        (
            "/metrics",
            [
                "Customs declaration forms processed",
                "88.38 million forms",
                "43.85 trillion yuan",
                "up 5% year on year",
            ],
        ),
        ("/measures", ["16 measures to facilitate customs clearance", "20 cities"]),
        (
            "/source 4",
            ["Paragraph 4 · Wang Lingjun", "translation earbuds shipped from Shenzhen to Japan"],
        ),
        ("/source 99", ["There is no paragraph 99; the briefing has paragraphs 1 to 10."]),
        ("/source", ["Usage: /source N, where N is 1 to 10."]),
        ("/SPEAKERS", ["Lin Shaobin"]),
        ("/frobnicate now", ["Unknown command /frobnicate. Commands: /help, /speakers,"]),
    ],
)
def test_commands(command: str, expected: list[str]) -> None:
    run = run_chat(command + ENTER + CTRL_D)
    assert run.status == 0
    for text in expected:
        assert text in run.words
    assert run.chat.state.answers == []  # a command is never asked as a question


def test_help_lists_every_registered_command() -> None:
    run = run_chat("/help" + ENTER + CTRL_D)
    for command in COMMANDS:
        assert command.usage in run.words
        assert command.description in run.words


def test_help_names_the_follow_ups_and_each_one_works() -> None:
    run = run_chat("/help" + ENTER + CTRL_D)
    tips = ("who said that?", "and in dollars?", "what did Mr. Wang say?")
    assert all(tip in run.words for tip in tips)
    total = "What was the total value of imports and exports?"
    run = run_chat(total + ENTER + ENTER.join(tips) + ENTER + CTRL_D)
    assert [a.question for a in run.chat.state.answers][1:] == list(tips)
    assert all(a.found for a in run.chat.state.answers[1:])


def test_help_names_a_speaker_of_the_loaded_briefing() -> None:
    other = tradebrief.load_briefing(Path(__file__).parent / "transcripts" / "trade_p1.txt")
    buffer = io.StringIO()
    Console(file=buffer, width=120, color_system=None).print(help_table(other))
    assert "what did Mr. Shen say?" in buffer.getvalue()
    assert "Wang" not in buffer.getvalue()


def test_json_toggles_raw_json_answers() -> None:
    run = run_chat("/json" + ENTER + FORMS_Q + ENTER + "/json" + ENTER + FORMS_Q + ENTER + CTRL_D)
    assert "JSON answers on" in run.words and "JSON answers off" in run.words
    lines = [line for line in run.screen.splitlines() if line.startswith("{")]
    assert len(lines) == 1  # one unwrapped line of JSON, so a copy of it parses
    assert json.loads(lines[0])["question"] == FORMS_Q
    assert run.screen.count('"found":true') == 1  # the second answer is a panel again
    assert not run.chat.state.json_mode


def test_export_writes_the_session_as_markdown(tmp_path: Path) -> None:
    target = tmp_path / "notes.md"
    run = run_chat(FORMS_Q + ENTER + f"/export {target}" + ENTER + CTRL_D)
    assert f"Wrote 1 answer to {target}." in run.words
    markdown = target.read_text(encoding="utf-8")
    assert f"## {FORMS_Q}" in markdown
    assert "> the last of the 88.38 million forms processed in 2024" in markdown
    assert "Wang Lingjun" in markdown and "paragraph 4" in markdown


def test_export_failures_and_usage_are_reported(tmp_path: Path) -> None:
    missing = tmp_path / "no" / "such" / "dir.md"
    run = run_chat("/export" + ENTER + f"/export {missing}" + ENTER + CTRL_D)
    assert "Usage: /export FILE [--force]" in run.words
    assert f"Could not write {missing}: No such file or directory" in run.words


def test_markup_typed_by_the_user_is_shown_literally() -> None:
    run = run_chat("[bold red]x[/] [link=file:///etc/passwd]y[/link]" + ENTER + CTRL_D)
    assert "[bold red]x[/] [link=file:///etc/passwd]y[/link]" in run.screen


def test_escape_sequences_in_a_line_are_never_emitted() -> None:
    buffer = io.StringIO()
    console = Console(file=buffer, width=100, force_terminal=True, markup=False)
    with create_pipe_input() as pipe:
        prompt = build_prompt_session(BRIEFING, input=pipe, output=DummyOutput())
        chat = ChatSession(BRIEFING, prompt=prompt, console=console)
        assert chat.handle("\x1b[31mred\x1b]0;title\x07 \x9b2J") is True
        assert chat.handle("/\x1b[2Jnope") is True
    screen = buffer.getvalue()
    assert "\\x1b[31mred\\x1b]0;title\\x07 \\x9b2J" in screen
    assert "/\\x1b[2Jnope" in screen
    for raw in ("\x1b[31mred", "\x1b]0;", "\x07", "\x9b", "\x1b[2J"):
        assert raw not in screen


@pytest.mark.parametrize("code", ["\x1b[31m", "\x1b[0m", "\x1b[1;31m", "\x1b[38;5;196;1m"])
def test_a_colour_code_typed_at_the_prompt_stays_text(code: str) -> None:
    # prompt_toolkit reads "ESC [ 31 m" as a mouse report, and its handler used to
    # fail on it: a traceback on the screen and "Press ENTER to continue".
    async def type_it() -> str:
        with create_pipe_input() as pipe:
            prompt = build_prompt_session(BRIEFING, input=pipe, output=DummyOutput())
            with set_app(prompt.app):
                prompt.app.key_processor.feed(KeyPress(Keys.Vt100MouseEvent, code))
                prompt.app.key_processor.process_keys()
            return prompt.default_buffer.text

    assert asyncio.run(type_it()) == code


def test_an_unexpected_error_ends_only_that_turn() -> None:
    calls: list[str] = []

    def flaky(question: str) -> tradebrief.Answer:
        calls.append(question)
        if len(calls) == 1:
            raise RuntimeError("index \x1b[31mexploded")
        return BRIEFING.ask(question)

    buffer = io.StringIO()
    console = Console(file=buffer, width=120, color_system=None, markup=False)
    with create_pipe_input() as pipe:
        pipe.send_text("first" + ENTER + FORMS_Q + ENTER + CTRL_D)
        prompt = build_prompt_session(BRIEFING, input=pipe, output=DummyOutput())
        status = ChatSession(BRIEFING, prompt=prompt, console=console, ask=flaky).run()
    assert status == 0
    assert "Sorry, that failed: RuntimeError: index \\x1b[31mexploded" in buffer.getvalue()
    assert calls == ["first", FORMS_Q]


def test_history_file_is_private_and_persists_across_sessions(tmp_path: Path) -> None:
    path = tmp_path / "state" / "tradebrief" / "history"
    run_chat(FORMS_Q + ENTER + "/speakers" + ENTER + CTRL_D, history=PrivateFileHistory(path))
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    saved = path.read_text(encoding="utf-8")
    assert f"+{FORMS_Q}" in saved and "+/speakers" in saved

    # A new session recalls the earlier question with the Up arrow (twice: /speakers is newer).
    again = run_chat(UP + UP + ENTER + CTRL_D, history=PrivateFileHistory(path))
    assert [a.question for a in again.chat.state.answers] == [FORMS_Q]


def test_history_file_is_recreated_privately_if_deleted(tmp_path: Path) -> None:
    path = tmp_path / "history"
    history = PrivateFileHistory(path)
    path.unlink()
    history.store_string("question")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def prompt_once(prompt: PromptSession[str], pipe: PipeInput, first: str, then: str) -> str:
    """Type ``first``, wait for the asynchronous suggester or completer, then ``then``."""

    def type_the_rest() -> None:
        pipe.send_text(then)

    def schedule() -> None:
        assert prompt.app.loop is not None
        prompt.app.loop.call_later(0.3, type_the_rest)

    pipe.send_text(first)
    return prompt.prompt(pre_run=schedule)


def test_auto_suggest_completes_from_history(tmp_path: Path) -> None:
    path = tmp_path / "history"
    run_chat(FORMS_Q + ENTER + CTRL_D, history=PrivateFileHistory(path))
    with create_pipe_input() as pipe:
        history = PrivateFileHistory(path)
        prompt = build_prompt_session(BRIEFING, history=history, input=pipe, output=DummyOutput())
        assert prompt_once(prompt, pipe, "How many cus", RIGHT + ENTER) == FORMS_Q


def test_tab_completes_a_command_in_the_real_prompt() -> None:
    with create_pipe_input() as pipe:
        prompt = build_prompt_session(BRIEFING, input=pipe, output=DummyOutput())
        assert prompt_once(prompt, pipe, "/spea\t", ENTER) == "/speakers"


def test_tab_completes_a_speaker_name_in_the_real_prompt() -> None:
    with create_pipe_input() as pipe:
        prompt = build_prompt_session(BRIEFING, input=pipe, output=DummyOutput())
        assert prompt_once(prompt, pipe, "who is lin s\t", ENTER) == "who is Lin Shaobin"


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"TRADEBRIEF_HISTORY": "/tmp/h"}, "/tmp/h"),
        ({"TRADEBRIEF_HISTORY": "", "XDG_STATE_HOME": "/xdg"}, "/xdg/tradebrief/history"),
        ({"XDG_STATE_HOME": "relative"}, "/home/ann/.local/state/tradebrief/history"),
        ({}, "/home/ann/.local/state/tradebrief/history"),
    ],
)
def test_history_path(environ: dict[str, str], expected: str) -> None:
    assert history_path(environ, Path("/home/ann")).as_posix() == expected


@pytest.mark.parametrize("width", [30, 40, 60, 80, 100, 200])
def test_toolbar_fits_and_always_shows_the_keys(width: int) -> None:
    text = "".join(fragment[1] for fragment in toolbar(BRIEFING, width))
    assert len(text) == max(width, len(TOOLBAR_KEYS))
    assert text.endswith(" /help · Ctrl-D to quit ")
    if width >= 60:
        assert "January 13, 2025" in text
    if width >= 120:
        assert BRIEFING.title in text
    elif width >= 60:
        assert "…" in text and BRIEFING.title not in text


def completions(text: str) -> list[str]:
    completer = ChatCompleter(BRIEFING)
    document = Document(text, len(text))
    return [c.text for c in completer.get_completions(document, CompleteEvent())]


def test_completes_slash_commands() -> None:
    assert completions("/") == [c.name for c in COMMANDS]
    assert completions("/me") == ["/metrics", "/measures"]
    assert completions("/source 1") == ["1", "10"]
    assert completions("/help x") == []


def test_completes_briefing_terms() -> None:
    assert completions("who is wang l") == ["Wang Lingjun"]
    assert "Mr. Lyu" in completions("what did mr. l")
    assert "Total value of imports and exports" in completions("tell me the total v")
    assert completions("who is ") == []
    assert {"GACC", "SCIO"} <= set(briefing_terms(BRIEFING))


def test_term_matches_replaces_the_longest_matching_tail() -> None:
    assert term_matches("about xing h", ["Xing Huina", "Hainan"]) == [("Xing Huina", 6)]
    assert term_matches("Xing Huina", ["Xing Huina"]) == []


@pytest.mark.parametrize("word", ["quit", "exit", "QUIT", " exit ", "/exit"])
def test_quit_and_exit_without_the_slash_end_the_chat(word: str) -> None:
    run = run_chat(word + ENTER + FORMS_Q + ENTER + CTRL_D)
    assert run.status == 0
    assert "88.38 million" not in run.screen
    assert run.chat.state.answers == []


def test_help_without_the_slash_shows_the_commands() -> None:
    run = run_chat("help" + ENTER + CTRL_D)
    assert "/speakers" in run.screen and "/export FILE" in run.screen
    assert run.chat.state.answers == []


def test_the_chat_remembers_the_topic_across_who_said_that() -> None:
    keys = "What was the total value of imports and exports?" + ENTER
    keys += "who said that?" + ENTER + "and in dollars?" + ENTER + CTRL_D
    run = run_chat(keys)
    total, who, dollars = run.chat.state.answers
    assert total.found and who.found and dollars.found
    # the total in dollars, derived at the briefing's own rate, not the threshold's $5.74 trillion
    assert dollars.derivation is not None and dollars.derivation.result.value == Decimal("5.99")
    assert "Derived, not stated" in run.words.split("and in dollars?", 1)[1]


def test_export_is_private_and_never_overwrites_unless_told(tmp_path: Path) -> None:
    target = tmp_path / "notes.md"
    target.write_text("my own notes\n", encoding="utf-8")
    target.chmod(0o644)
    run = run_chat(FORMS_Q + ENTER + f"/export {target}" + ENTER + CTRL_D)
    assert "already exists" in run.words and "--force" in run.words
    assert target.read_text(encoding="utf-8") == "my own notes\n"
    run = run_chat(FORMS_Q + ENTER + f"/export {target} --force" + ENTER + CTRL_D)
    assert f"Wrote 1 answer to {target}." in run.words
    assert "88.38 million" in target.read_text(encoding="utf-8")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    fresh = tmp_path / "fresh.md"
    run_chat(f"/export {fresh}" + ENTER + CTRL_D)
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o600


def test_history_path_without_a_home_directory() -> None:
    assert history_path({}, None) is None
    assert history_path({"TRADEBRIEF_HISTORY": "/tmp/h"}, None) == Path("/tmp/h")
    assert history_path({"XDG_STATE_HOME": "/xdg"}, None) == Path("/xdg/tradebrief/history")


def test_history_caps_each_entry_and_escapes_control_characters(tmp_path: Path) -> None:
    path = tmp_path / "history"
    history = PrivateFileHistory(path)
    history.store_string("x" * 1_000_000)
    history.store_string("\x1b]0;pwned\x07 total trade")
    saved = path.read_text(encoding="utf-8")
    assert len(saved) < MAX_ENTRY_CHARS + 200
    assert "\x1b" not in saved and "\x07" not in saved
    assert "\\x1b]0;pwned\\x07 total trade" in saved


def test_history_file_keeps_only_the_newest_entries(tmp_path: Path) -> None:
    path = tmp_path / "history"
    path.write_text("".join(f"\n+question {n}\n" for n in range(MAX_ENTRIES + 50)))
    history = PrivateFileHistory(path)
    kept = list(history.load_history_strings())
    assert len(kept) == MAX_ENTRIES and kept[0] == f"question {MAX_ENTRIES + 49}"
    assert path.read_text().count("\n+question") == MAX_ENTRIES


@pytest.mark.parametrize("how", ["read-only", "directory"])
def test_history_that_becomes_unwritable_is_reported_once(tmp_path: Path, how: str) -> None:
    path = tmp_path / "history"
    notices: list[str] = []
    history = PrivateFileHistory(path, on_error=notices.append)
    if how == "read-only":
        if os.geteuid() == 0:
            pytest.skip("root can write a read-only file")
        path.chmod(0o400)
    else:
        path.unlink()
        path.mkdir()
    buffer = io.StringIO()
    console = Console(file=buffer, width=120, color_system=None, markup=False)
    with create_pipe_input() as pipe:
        pipe.send_text(FORMS_Q + ENTER + FORMS_Q + ENTER + "/speakers" + ENTER + CTRL_D)
        prompt = build_prompt_session(BRIEFING, history=history, input=pipe, output=DummyOutput())
        chat = ChatSession(BRIEFING, prompt=prompt, console=console, notices=notices)
        status = chat.run()
    screen = buffer.getvalue()
    assert status == 0
    assert len(chat.state.answers) == 2  # every question still answered
    assert screen.count("history is no longer saved") == 1
    assert "Traceback" not in screen


def test_no_home_directory_is_not_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_home() -> Path:
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.setattr(Path, "home", no_home)
    assert home_directory() is None
    assert history_path({"TRADEBRIEF_HISTORY": "/tmp/h"}, home_directory()) == Path("/tmp/h")


class _IdleApp:
    is_running = False
    loop = None


def test_background_loads_then_shows_then_hands_over_the_briefing() -> None:
    from cli_chat.startup import Background

    shown: list[str] = []
    background = Background(lambda: BRIEFING, lambda b: shown.append(b.title))
    assert background.peek() is None
    background._run(_IdleApp())  # type: ignore[arg-type]
    assert background.peek() is BRIEFING and background.wait() is BRIEFING
    assert shown == [BRIEFING.title]


def test_background_hands_a_loading_error_to_the_main_thread() -> None:
    from cli_chat.startup import Background

    def broken() -> tradebrief.Briefing:
        raise tradebrief.TranscriptError("the transcript is broken")

    background = Background(broken, lambda b: None)
    background._run(_IdleApp())  # type: ignore[arg-type]
    with pytest.raises(tradebrief.TranscriptError):
        background.wait()


def test_the_toolbar_says_the_briefing_is_loading_until_it_has() -> None:
    from prompt_toolkit.application.current import set_app

    from cli_chat.prompt import LOADING

    loaded: list[tradebrief.Briefing] = []
    with create_pipe_input() as pipe:
        prompt = build_prompt_session(
            lambda: loaded[0] if loaded else None, input=pipe, output=DummyOutput()
        )
        bar = prompt.bottom_toolbar
        assert callable(bar)
        with set_app(prompt.app):
            before = "".join(text for _, text in bar())
            assert prompt.completer is not None
            assert list(prompt.completer.get_completions(Document("/spe"), CompleteEvent())) == []
            loaded.append(BRIEFING)
            after = "".join(text for _, text in bar())
            assert list(prompt.completer.get_completions(Document("/spe"), CompleteEvent()))
    assert before.startswith(LOADING) and before.endswith(TOOLBAR_KEYS)
    assert "January 13, 2025" in after and LOADING not in after
