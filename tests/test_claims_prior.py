"""The year before, and the rise, of figures on briefings other than the bundled one.

Each case failed before: derivations started only from the bundled briefing's
total trade, so "What was installed capacity a year earlier?" on an energy
briefing quoted the stated figure as if it answered; and a request whose
premise named its inputs ("Based on the 43.85 trillion yuan total and 5%
growth, what was the implied year-on-year increase?") lost them and declined.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import tradebrief
from tradebrief import Briefing
from tradebrief.engine.claims.prior import answer_prior

TRANSCRIPTS = Path(__file__).parent / "transcripts"
INDUSTRY = Path(__file__).parent.parent / "bench" / "blind_uncurated4" / "transcripts"


@pytest.fixture(scope="module")
def briefings() -> dict[str, Briefing]:
    return {
        "bundled": tradebrief.load_briefing(),
        "energy": tradebrief.load_briefing(TRANSCRIPTS / "press_energy.txt"),
        "grain": tradebrief.load_briefing(TRANSCRIPTS / "press_agriculture_p1.txt"),
        "statistics": tradebrief.load_briefing(TRANSCRIPTS / "statistics_figures.txt"),
        "industry": tradebrief.load_briefing(INDUSTRY / "miit_industry_2025.txt"),
    }


@pytest.mark.parametrize(
    ("name", "question", "expression", "value"),
    [
        ("energy", "What was installed capacity a year earlier?", "2.71 / (1 + 10.8%)", "2.45"),
        (
            "energy",
            "By how much did installed capacity grow year on year, in kilowatts?",
            "2.71 \u2212 2.71 / (1 + 10.8%)",
            "264.15",  # million kilowatts
        ),
        ("grain", "What was summer grain output last year?", "149.8 \u2212 3.6", "146.2"),
        ("statistics", "What was output in the first half of the previous year?", None, "58.23"),
        ("industry", "What was crude steel output in 2024?", "982 / (1 + -1.7%)", "998.98"),
        ("industry", "What was industrial robot output in 2024?", None, "516891.89"),
        (
            "statistics",
            "Based on the 61.2 trillion yuan output and 5.1% growth, what was the implied "
            "year-on-year increase?",
            None,
            "2.97",
        ),
        (
            "bundled",
            "Based on the 43.85 trillion yuan total and 5% growth, what was the implied "
            "year-on-year increase?",
            "43.85 \u2212 43.85 / (1 + 5%)",
            "2.09",
        ),
    ],
)
def test_derived(
    briefings: dict[str, Briefing], name: str, question: str, expression: str | None, value: str
) -> None:
    briefing = briefings[name]
    answer = briefing.ask(question)
    assert answer.derivation is not None, answer.text
    assert answer.derivation.result.value == Decimal(value)
    if expression is not None:
        assert answer.derivation.expression == expression
    assert answer.text.startswith("Derived, not stated")
    for cited in answer.derivation.inputs:
        assert cited.quote == briefing.source[cited.start : cited.end]


@pytest.mark.parametrize(
    ("name", "question", "named"),
    [
        ("energy", "What was wind power capacity a year earlier?", "'wind'"),
        ("grain", "What was autumn grain output last year?", "'autumn'"),
    ],
)
def test_refused_naming_the_missing_subject(
    briefings: dict[str, Briefing], name: str, question: str, named: str
) -> None:
    answer = briefings[name].ask(question)
    assert answer.derivation is None and not answer.found
    assert named in answer.text


def test_a_rise_without_a_unit_is_the_stated_rate(briefings: dict[str, Briefing]) -> None:
    # "By how much did it grow?" is answered by the stated "up 10.8%", not derived
    answer = briefings["energy"].ask("By how much did installed capacity grow year on year?")
    assert answer.derivation is None and "10.8%" in answer.text


def test_the_bundled_total_stays_with_its_own_rules(briefings: dict[str, Briefing]) -> None:
    # derive.py's notes (the increment cross-check) still come with the bundled total
    assert answer_prior(briefings["bundled"], "What was total trade in 2023?") is None


@settings(max_examples=40, deadline=None)
@given(st.text(max_size=80))
def test_answer_prior_never_raises(briefings: dict[str, Briefing], question: str) -> None:
    answer = answer_prior(briefings["energy"], question)
    if answer is not None and answer.derivation is not None:
        assert answer.found


@pytest.mark.parametrize("bad", [None, 7, ["What?"]])
def test_answer_prior_wants_text(briefings: dict[str, Briefing], bad: object) -> None:
    with pytest.raises(TypeError, match="must be a str"):
        answer_prior(briefings["energy"], bad)  # type: ignore[arg-type]


# --- a figure for part of a year ---------------------------------------------------


@pytest.fixture(scope="module")
def commission() -> tradebrief.Briefing:
    return tradebrief.load_briefing(Path(__file__).parent / "transcripts/roster_posts.txt")


@pytest.mark.parametrize(
    "question",
    [
        "How much was invested in grain storage facilities in the whole of 2024?",
        "How much was invested in grain storage facilities in 2024?",
    ],
)
def test_a_part_year_figure_gives_no_whole_year_before(
    commission: tradebrief.Briefing, question: str
) -> None:
    # January to October 2025, up 8.1%, works back to January to October 2024 only.
    answer = commission.ask(question)
    assert not answer.found and answer.derivation is None
    assert "January to October only" in answer.text


def test_the_same_months_a_year_earlier_are_derived_and_named(
    commission: tradebrief.Briefing,
) -> None:
    answer = commission.ask(
        "What was investment in grain storage facilities from January to October a year earlier?"
    )
    assert answer.derivation is not None
    assert answer.derivation.expression == "36.4 / (1 + 8.1%)"
    assert "(for January to October)" in answer.text
