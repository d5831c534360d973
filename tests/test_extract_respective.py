"""Figures given "respectively": each bound to its own subject and its own year, in order."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tradebrief.extract import extract_metrics
from tradebrief.figure_respective import respective_part, respective_subjects, respective_years
from tradebrief.parse import parse_pages

TRANSCRIPTS = Path(__file__).parent / "transcripts"
LISTS = (
    "Exports and imports of services grew by 7.1% and 2.3%, respectively. "
    "Coal, oil and gas output reached 4.7 billion tons, 210 million tons and 240 billion "
    "cubic meters, respectively. Freight trains and passenger trains made 19,400 trips and "
    "8,000 trips in 2025 and 2024, respectively. Cargo flights and passenger flights rose "
    "12% and 5%, respectively."
)


def test_each_figure_of_a_respectively_sentence_has_its_own_subject_and_year() -> None:
    page = (TRANSCRIPTS / "status_figures.txt").read_text(encoding="utf-8")
    page = page.replace("Next year, we plan to build 45 new deep-water berths.", LISTS)
    metrics = {m.quantity.span.quote: m for m in extract_metrics(parse_pages([page]))}
    # Before: "Exports" (without "of services"), "oil and gas output" for the coal figure,
    # no subject for the oil and gas figures, and 2025 for both train figures.
    assert metrics["7.1%"].subject == "Exports of services"
    assert metrics["2.3%"].subject == "imports of services"
    assert metrics["4.7 billion tons"].subject == "Coal output"
    assert metrics["210 million tons"].subject == "oil output"
    assert metrics["240 billion"].subject == "gas output"
    assert (metrics["19,400"].subject, metrics["19,400"].period) == (
        "Freight trains",
        "2025",
    )
    assert (metrics["8,000"].subject, metrics["8,000"].period) == (
        "passenger trains",
        "2024",
    )
    assert metrics["12%"].subject == "Cargo flights"
    assert metrics["5%"].subject == "passenger flights"
    # "in 2025 and 2024, respectively" dates its own figures, not the next sentence's.
    assert metrics["12%"].period != "2025"


@pytest.mark.parametrize(
    ("sentence", "subject", "count", "parts"),
    [
        (
            "Investment in manufacturing and services rose 5% and 3%, respectively.",
            "Investment in manufacturing and services",
            2,
            ("Investment in manufacturing", "Investment in services"),
        ),
        ("A and B rose 5% and 3%, respectively.", "A and B", 3, None),  # three figures, two names
        ("Trade rose 5%.", "", 2, None),
    ],
)
def test_respective_subjects(
    sentence: str, subject: str, count: int, parts: tuple[str, ...] | None
) -> None:
    assert respective_subjects(sentence, subject, count) == parts


def test_respective_years_need_one_year_per_figure() -> None:
    text = "They made 5, 6 and 7 trips in 2023, 2024 and 2025, respectively."
    assert respective_years(text, 3) == ("2023", "2024", "2025")
    assert respective_years(text, 2) is None
    assert respective_years("They made 5 trips in 2025.", 1) is None


@given(st.text(max_size=60), st.text(max_size=20), st.integers(-2, 6))
def test_respective_readers_take_any_text(sentence: str, subject: str, count: int) -> None:
    parts = respective_subjects(sentence, subject, count)
    assert parts is None or len(parts) == count
    years = respective_years(sentence, count)
    assert years is None or len(years) == count
    assert isinstance(respective_part(subject, count, 0), str)


@pytest.mark.parametrize("bad", [None, 2.5, b"x", True])
def test_respective_readers_refuse_wrong_types(bad: object) -> None:
    with pytest.raises(TypeError):
        respective_subjects("x", "x", bad)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        respective_years("x", bad)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        respective_part("x", bad, 0)  # type: ignore[arg-type]
    if not isinstance(bad, bool):
        with pytest.raises(TypeError):
            respective_subjects(bad, "x", 2)  # type: ignore[arg-type]
