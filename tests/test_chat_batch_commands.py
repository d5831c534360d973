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
