"""Piped input: help, quit and exit lines are commands, not questions to the briefing."""

from __future__ import annotations

import json

import pytest

from cli_chat.app import run_batch


def _run(lines: list[str], *, json_mode: bool) -> str:
    out: list[str] = []
    assert run_batch(lines, json_mode=json_mode, write=out.append) == 0
    return "".join(out)


@pytest.mark.parametrize("stop", ["quit", "exit", "/quit", "/exit", "  QUIT  "])
def test_quit_or_exit_ends_a_piped_batch(stop: str) -> None:
    out = _run(["Who were the speakers?", stop, "When was the briefing held?"], json_mode=True)
    rows = [json.loads(line) for line in out.splitlines()]
    # Before: "quit" was asked as a question and the batch went on.
    assert [row["question"] for row in rows] == ["Who were the speakers?"]


@pytest.mark.parametrize("asked", ["help", "/help", "Help"])
def test_help_is_not_asked_as_a_question(asked: str) -> None:
    rows = _run([asked, "Who were the speakers?"], json_mode=True).splitlines()
    assert [json.loads(line)["question"] for line in rows] == ["Who were the speakers?"]
    plain = _run([asked], json_mode=False)
    assert "quit or exit ends the input" in plain and "does not say" not in plain


@pytest.mark.parametrize("command", ["/export notes.md", "/source 5", "/speakers", "/nope"])
def test_a_chat_command_is_not_asked_as_a_question(command: str) -> None:
    # Before: "/export notes.md" was asked, and declined as never mentioning 'notes.md'.
    rows = _run([command, "Who were the speakers?"], json_mode=True).splitlines()
    assert [json.loads(line)["question"] for line in rows] == ["Who were the speakers?"]
    plain = _run([command], json_mode=False)
    name = command.split()[0]
    assert plain == f"({name} works only in the interactive chat; each piped line is a question)\n"


def test_a_number_asks_the_previous_answers_suggestion() -> None:
    out = _run(["What was the trade surplus?", "1", "7"], json_mode=True)
    declined, suggested = (json.loads(line) for line in out.splitlines())
    assert not declined["found"] and declined["suggestions"]
    assert suggested["question"] == declined["suggestions"][0] and suggested["found"]
    plain = _run(["What was the trade surplus?", "7"], json_mode=False)
    assert plain.endswith("\n\n(there is no suggestion 7 to ask; type a question)\n")
    assert _run(["1"], json_mode=False) == "(there is no suggestion 1 to ask; type a question)\n"
