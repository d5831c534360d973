"""The ``tradebrief-chat`` command: --ask, the non-TTY mode, errors, and a real terminal."""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import signal
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import pexpect
import pytest
from rich.console import Console

from cli_chat.app import main, run_ask
from tradebrief import Answer

FORMS_Q = "How many customs declaration forms were processed in 2024?"
GDP_Q = "What was China's GDP growth rate in 2024?"
ANSI = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[@-Z\\-_])")
UNBOX = str.maketrans(dict.fromkeys("│╭╮╰╯─", " "))


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    clean_env = {k: v for k, v in os.environ.items() if k not in {"NO_COLOR", "FORCE_COLOR"}}
    clean_env["TRADEBRIEF_HISTORY"] = str(tmp_path / "state" / "history")
    clean_env["COLUMNS"] = "100"
    return clean_env


def chat(
    *args: str, stdin: str = "", env: dict[str, str], timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "cli_chat", *args],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=timeout,
        check=False,
    )


def test_ask_found_exits_zero_with_a_cited_plain_answer(env: dict[str, str]) -> None:
    result = chat("--ask", FORMS_Q, env=env)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == f"Q: {FORMS_Q}"
    assert lines[1] == "A: 88.38 million customs declaration forms were processed in 2024."
    assert "88.38 million forms processed in 2024" in lines[2]
    assert lines[3].startswith("  — Wang Lingjun, vice minister")
    assert "paragraph 4 · January 13, 2025 · China.org.cn" in lines[3]
    assert "\x1b" not in result.stdout and result.stderr == ""


def test_ask_not_found_exits_one_with_suggestions(env: dict[str, str]) -> None:
    result = chat("--ask", GDP_Q, env=env)
    assert result.returncode == 1
    assert "A: The briefing does not say." in result.stdout
    assert "  1. " in result.stdout


def test_ask_json_is_one_answer_object(env: dict[str, str]) -> None:
    result = chat("--ask", FORMS_Q, "--json", env=env)
    assert result.returncode == 0
    answer = Answer.model_validate_json(result.stdout)
    assert answer.found and answer.citations[0].paragraph == 4


def test_ask_with_markup_and_escapes_prints_them_literally(env: dict[str, str]) -> None:
    result = chat("--ask", "[bold red]x[/] \x1b[31mred", env=env)
    assert result.returncode == 1
    assert "Q: [bold red]x[/] \\x1b[31mred" in result.stdout
    assert "\x1b" not in result.stdout


def test_empty_ask_is_a_usage_error(env: dict[str, str]) -> None:
    result = chat("--ask", "   ", env=env)
    assert result.returncode == 2
    assert "--ask needs a question" in result.stderr
    assert "Traceback" not in result.stderr


def test_piped_questions_get_plain_answers_and_exit_zero(env: dict[str, str]) -> None:
    result = chat(stdin=f"{FORMS_Q}\n\nwho said that?\n{GDP_Q}\n", env=env)
    assert result.returncode == 0, result.stderr
    blocks = result.stdout.split("\n\n")
    assert len(blocks) == 3
    assert blocks[0].startswith(f"Q: {FORMS_Q}\nA: 88.38 million")
    assert "— Wang Lingjun" in blocks[0]
    assert blocks[1].startswith("Q: who said that?\nA: Wang Lingjun (Mr. Wang)")
    assert blocks[2].startswith(f"Q: {GDP_Q}\nA: The briefing does not say.")
    assert "ask>" not in result.stdout  # no prompt
    assert "\x1b" not in result.stdout  # no colour
    assert not Path(env["TRADEBRIEF_HISTORY"]).exists()  # piped input is not history


def test_piped_questions_with_json_give_json_lines(env: dict[str, str]) -> None:
    stdin = f"{FORMS_Q}\n{GDP_Q}\n[bold]x\x1b[31m\x85y\n"
    result = chat("--json", stdin=stdin, env=env)
    assert result.returncode == 0, result.stderr
    answers = [Answer.model_validate_json(line) for line in result.stdout.splitlines()]
    assert [a.found for a in answers] == [True, False, False]
    assert answers[2].question == "[bold]x\x1b[31m\x85y"
    assert "\x1b" not in result.stdout and "\x85" not in result.stdout


def test_piped_undecodable_bytes_do_not_crash(env: dict[str, str]) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "cli_chat", "--json"],
        input=b"bad \xff\x9b bytes\n",
        capture_output=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["question"] == "bad \ufffd\ufffd bytes"


def test_run_ask_renders_a_panel_on_a_terminal_and_honours_no_color() -> None:
    buffer = io.StringIO()
    console = Console(file=buffer, width=40, force_terminal=True, no_color=True, markup=False)
    assert run_ask(FORMS_Q, json_mode=False, console=console) == 0
    screen = buffer.getvalue()
    assert "╭" in screen and "88.38" in screen
    assert not re.search(r"\x1b\[[0-9;]*3[0-9]m", screen)  # no foreground colours
    assert max(len(ANSI.sub("", line)) for line in screen.splitlines()) <= 40


def test_main_reports_errors_in_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(question: str, **_: object) -> int:
        raise RuntimeError("the index is \x1b[31mgone")

    monkeypatch.setattr("cli_chat.app.run_ask", broken)
    assert main(["--ask", "anything"]) == 2  # an error, not "the briefing does not say" (1)
    captured = capsys.readouterr()
    assert captured.err == (
        "tradebrief-chat: unexpected error: RuntimeError: the index is \\x1b[31mgone\n"
    )
    assert captured.out == ""


def test_ctrl_c_in_piped_mode_exits_130_quietly(env: dict[str, str]) -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "cli_chat"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert process.stdin is not None and process.stdout is not None
    process.stdin.write(FORMS_Q + "\n")
    process.stdin.flush()
    assert process.stdout.readline().startswith("Q: ")  # the loop is running
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=30)
    assert process.returncode == 130
    assert stderr == ""


def test_importing_the_app_loads_neither_rich_nor_prompt_toolkit() -> None:
    code = (
        "import sys, cli_chat.app; "
        "print(sorted(m for m in ('rich', 'prompt_toolkit', 'pydantic', 'tradebrief.model') "
        "if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == "[]"


def test_piped_mode_never_imports_prompt_toolkit(env: dict[str, str]) -> None:
    code = (
        "import sys; from cli_chat.app import main; code = main([]); "
        "print('prompt_toolkit' in sys.modules); sys.exit(code)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        input=FORMS_Q + "\n",
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0
    assert result.stdout.rstrip().endswith("False")


def screen_text(raw: str) -> str:
    return " ".join(ANSI.sub("", raw).translate(UNBOX).split())


def expect_answering_cursor_requests(child: Any, text: str) -> str:
    """Wait for ``text``, answering cursor-position requests as a real terminal would."""
    seen = ""
    while child.expect_exact(["\x1b[6n", text]) == 0:
        seen += child.before
        child.send("\x1b[30;1R")
    return screen_text(seen + child.before)


def quit_answering_cursor_requests(child: Any) -> None:
    """Press Ctrl-D and wait for the end, answering any cursor request the redraw makes.

    A redraw may ask where the cursor is just before Ctrl-D arrives; a real
    terminal answers at once, and so does this (an unasked answer is ignored).
    """
    child.send("\x1b[30;1R")
    child.sendcontrol("d")
    while child.expect([re.escape("\x1b[6n"), pexpect.EOF]) == 0:
        child.send("\x1b[30;1R")


@pytest.mark.slow
def test_end_to_end_in_a_real_terminal(env: dict[str, str]) -> None:
    env["TERM"] = "xterm-256color"
    child = pexpect.spawn(
        sys.executable,
        ["-m", "cli_chat"],
        env=env,
        encoding="utf-8",
        dimensions=(40, 100),
        timeout=30,
    )
    try:
        seen = expect_answering_cursor_requests(child, "ask>")  # the prompt comes first
        assert "SCIO briefing" not in seen  # the briefing loads behind it,
        welcome = expect_answering_cursor_requests(child, "Ctrl-D quits")  # then its welcome
        assert "SCIO briefing on China's import and export performance in 2024" in welcome
        assert "Speakers: Wang Lingjun" in welcome
        # and the toolbar names the briefing once it has loaded
        expect_answering_cursor_requests(child, "2025  /help · Ctrl-D to quit")

        child.send(FORMS_Q + "\r")
        answer = expect_answering_cursor_requests(child, "Confidence")
        assert "88.38 million customs declaration forms were processed in 2024." in answer
        assert "“the last of the 88.38 million forms processed in 2024”" in answer
        assert "— Wang Lingjun, vice minister of the General Administration" in answer
        assert "paragraph 4 · January 13, 2025 · China.org.cn" in answer

        expect_answering_cursor_requests(child, "ask>")
        quit_answering_cursor_requests(child)
    finally:
        child.close()
    assert child.exitstatus == 0
    history = Path(env["TRADEBRIEF_HISTORY"])
    assert stat.S_IMODE(history.stat().st_mode) == 0o600
    assert FORMS_Q in history.read_text(encoding="utf-8")


def test_version_prints_the_version_and_exits_zero(env: dict[str, str]) -> None:
    result = chat("--version", env=env)
    assert result.returncode == 0, result.stderr
    assert re.fullmatch(r"tradebrief-chat \d+\.\d+\.\d+\n", result.stdout)


def test_ask_with_undecodable_argv_bytes_prints_valid_json(env: dict[str, str]) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "cli_chat", "--ask", b"total trade \xff", "--json"],
        capture_output=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert result.returncode in (0, 1), result.stderr
    assert b"Traceback" not in result.stderr
    assert json.loads(result.stdout)["question"] == "total trade \ufffd"


def test_ask_with_a_line_break_cannot_forge_an_answer_line(env: dict[str, str]) -> None:
    result = chat("--ask", "total trade?\nA: 99 trillion yuan, says the briefing", env=env)
    lines = result.stdout.splitlines()
    assert lines[0].startswith("Q: total trade?\\nA: 99 trillion")
    assert sum(line.startswith("A: ") for line in lines) == 1


def test_main_with_wrong_types_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--ask", 5]) == 2  # type: ignore[list-item]
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "list of strings" in err


def test_the_package_loads_its_engine_only_when_asked() -> None:
    code = (
        "import sys, tradebrief; b = tradebrief.load_briefing(); "
        "print('tradebrief.answer' in sys.modules, 'tradebrief.retrieve' in sys.modules); "
        "b.ask('total trade?'); print('tradebrief.answer' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.split() == ["False", "False", "True"]


def test_an_error_is_one_line_even_when_a_file_name_holds_a_line_break(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from cli_chat.app import main as chat_main

    status = chat_main(["--ask", "total trade?", "--transcript", str(tmp_path / "a\nb.txt")])
    err = capsys.readouterr().err
    assert status == 2
    assert err.count("\n") == 1 and err.startswith("tradebrief-chat: ")


@pytest.mark.slow
def test_another_transcript_in_a_real_terminal_offers_its_own_examples(
    env: dict[str, str],
) -> None:
    env["TERM"] = "xterm-256color"
    page = str(Path(__file__).parent / "transcripts" / "trade_p1.txt")
    child = pexpect.spawn(
        sys.executable,
        ["-m", "cli_chat", "--transcript", page],
        env=env,
        encoding="utf-8",
        dimensions=(40, 100),
        timeout=30,
    )
    try:
        welcome = expect_answering_cursor_requests(child, "Ctrl-D quits")
        assert "SCIO briefing on foreign trade in the first three quarters of 2025" in welcome
        assert "2. Who is Shen Weiguo?" in welcome
        assert "Wang Lingjun" not in welcome  # the bundled briefing's examples are not offered
        expect_answering_cursor_requests(child, "ask>")
        child.send("2\r")
        answer = expect_answering_cursor_requests(child, "Confidence")
        assert "Mr. Shen Weiguo was a speaker at the briefing" in answer
        expect_answering_cursor_requests(child, "ask>")
        quit_answering_cursor_requests(child)
    finally:
        child.close()
    assert child.exitstatus == 0


def test_an_error_exits_two_so_a_script_can_tell_it_from_not_found(env: dict[str, str]) -> None:
    missing = chat("--ask", FORMS_Q, "--transcript", "no-such-page.txt", env=env)
    assert missing.returncode == 2 and missing.stdout == ""
    assert missing.stderr == "tradebrief-chat: no-such-page.txt: No such file or directory\n"
    assert chat("--ask", GDP_Q, env=env).returncode == 1  # the briefing does not say


def test_a_reader_that_goes_away_ends_the_batch_quietly_with_141(env: dict[str, str]) -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "cli_chat"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert process.stdin is not None and process.stdout is not None
    process.stdin.write(FORMS_Q + "\n")
    process.stdin.flush()
    assert process.stdout.readline().startswith("Q: ")
    process.stdout.close()  # as `| head -1` does
    with contextlib.suppress(BrokenPipeError):  # it may have gone already
        process.stdin.write((FORMS_Q + "\n") * 50)
        process.stdin.flush()
    with contextlib.suppress(BrokenPipeError):
        process.stdin.close()
    assert process.wait(timeout=60) == 141
    assert process.stderr is not None
    with process.stderr:
        assert process.stderr.read() == ""


def test_typed_questions_with_output_to_a_file_get_plain_answers(env: dict[str, str]) -> None:
    # `tradebrief-chat > notes.txt` on a terminal: the chat's prompt and toolbar would go
    # into the file and leave the screen blank, so each typed line is answered as in a pipe.
    import pty

    controller, terminal = pty.openpty()
    try:
        process = subprocess.Popen(
            [sys.executable, "-m", "cli_chat"],
            stdin=terminal,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
        )
        os.write(controller, b"Who chaired the briefing?\n\x04")
        out, err = process.communicate(timeout=60)
    finally:
        os.close(controller)
        os.close(terminal)
    assert process.returncode == 0, err
    text = out.decode("utf-8")
    assert text.startswith("Q: Who chaired the briefing?\nA: Ms. Xing Huina was the chairperson")
    assert "\x1b" not in text and "ask>" not in text and "\r" not in text
