"""Verdicts and derivations as the user sees them: `tradebrief check`, the chat, /export."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console, RenderableType

import tradebrief
from cli_chat import render
from cli_chat.export import session_markdown
from tests.test_cli import run  # the one way these tests call the command
from tradebrief import Briefing
from tradebrief.cli import main

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def briefing() -> Briefing:
    return tradebrief.load_briefing()


def show(renderable: RenderableType) -> str:
    buffer = io.StringIO()
    Console(file=buffer, width=200, markup=False).print(renderable)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("claim", "status", "label"),
    [
        ("Did trade grow 5%?", 0, "Verdict: YES"),
        ("Did total trade top 46 trillion yuan?", 1, "Verdict: NO"),
        ("Is China a key partner for over 300 countries and regions?", 3, "Verdict: NOT STATED"),
    ],
)
def test_check_prints_the_verdict_and_exits_by_it(
    capsys: pytest.CaptureFixture[str], claim: str, status: int, label: str
) -> None:
    code, out, err = run(capsys, "check", claim)
    assert (code, err) == (status, "")
    lines = out.splitlines()
    assert lines[0] == f"Q: {claim}"
    assert lines[1] == label
    assert any(line.strip().startswith("“") for line in lines), out


def test_check_json_carries_the_verdict(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", "--json", "Did Wang Lingjun chair the briefing?")
    assert code == 1
    data = json.loads(out)
    assert data["verdict"] == "no"
    assert "Xing Huina" in data["text"]
    assert data["derivation"] is None


@pytest.mark.parametrize("text", ["What was total trade?", "   "])
def test_check_refuses_what_is_not_a_claim_in_one_line(
    capsys: pytest.CaptureFixture[str], text: str
) -> None:
    code, out, err = run(capsys, "check", text)
    assert (code, out) == (2, "")
    assert len(err.splitlines()) == 1 and err.startswith("tradebrief: ")


def test_check_runs_as_a_program_without_traceback() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "tradebrief.cli", "check", "Were the initiatives run in 25 cities?"],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=60,
        check=False,
    )
    assert done.returncode == 1, done.stderr
    assert "No. The briefing says 20 cities" in done.stdout


@settings(max_examples=40, deadline=None)
@given(st.text(max_size=60).filter(lambda t: t.strip() and not t.startswith("-")))
def test_check_never_raises(text: str) -> None:
    assert main(["check", text]) in (0, 1, 2, 3)


def test_panel_shows_badge_answer_and_quote(briefing: Briefing) -> None:
    answer = briefing.ask("Is China a key partner for over 300 countries and regions?")
    badge = render.verdict_badge(answer)
    assert badge is not None and badge.plain.startswith(" NOT STATED ")
    screen = show(render.answer_panel(answer, briefing))
    assert "NOT STATED" in screen
    assert "more than 150 countries and regions" in screen
    assert "paragraph 5" in screen


def test_plain_derivation_shows_formula_and_each_input_cited(briefing: Briefing) -> None:
    answer = briefing.ask("What was total trade in US dollars?")
    lines = render.derivation_lines(answer, briefing)
    assert lines[0] == (
        "Derived, not stated: 43.85 \u00d7 5.74 / 42 = $5.99 trillion, rounded to 2 decimal places"
    )
    assert [line for line in lines if line.startswith("  input")] == [
        "  input 1: “Last year, the total value of imports and exports set a record high of "
        "43.85 trillion yuan, up 5% year on year.”",
        "  input 2: “we consecutively surpassed the 42 trillion yuan ($5.74 trillion) and "
        "43 trillion yuan thresholds”",
    ]
    assert sum(line.startswith("  — Wang Lingjun") for line in lines) == 2
    plain = render.answer_plain(answer, briefing)
    assert "Verdict:" not in plain and lines[0] in plain
    assert "$5.99 trillion" in show(render.answer_panel(answer, briefing))


def test_answers_without_verdict_or_derivation_render_as_before(briefing: Briefing) -> None:
    answer = briefing.ask("What was the total value of imports and exports?")
    assert render.verdict_badge(answer) is None
    assert render.derivation_lines(answer, briefing) == []
    assert render.derivation_parts(answer, briefing) == []


def test_export_keeps_verdict_and_derivation(briefing: Briefing) -> None:
    answers = [
        briefing.ask("did trade grow 6%?"),
        briefing.ask("What was trade in 2023?"),
        briefing.ask("Did exports grow 7%?"),
    ]
    markdown = session_markdown(briefing, answers)
    assert "**Verdict: NO**" in markdown
    assert "**Verdict: NOT STATED**" in markdown
    assert "Derived, not stated: 43.85 / (1 + 5%) = 41.76 trillion yuan" in markdown
    assert "> Last year, the total value of imports and exports set a record high" in markdown


def test_escape_codes_in_a_claim_never_reach_the_terminal(briefing: Briefing) -> None:
    answer = briefing.ask("Did trade grow 6%?\x1b[31m")
    assert answer.verdict is not None
    assert "\x1b" not in render.answer_plain(answer, briefing)
