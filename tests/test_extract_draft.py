"""Drafted facts: names a person can review, and every typed field read back as written."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tradebrief import Metric
from tradebrief.draft import draft_facts
from tradebrief.extract import extract_metrics
from tradebrief.facts import attach_facts, parse_facts
from tradebrief.figure_names import draft_name
from tradebrief.parse import parse_pages

TRANSCRIPTS = Path(__file__).parent / "transcripts"


def test_drafted_names_say_what_is_measured_with_its_status_and_period() -> None:
    bare = parse_pages([(TRANSCRIPTS / "status_figures.txt").read_text(encoding="utf-8")])
    names = {line for line in draft_facts(bare).splitlines() if line.startswith("name = ")}
    # Before: "Ferry passenger trips 41.5 million (paragraph 3)" and the like.
    assert 'name = "Ferry passenger trips, first half of 2026"' in names
    assert 'name = "36 large dredgers on order, first half of 2026"' in names
    assert 'name = "45 new deep-water berths (planned)"' in names


def test_a_draft_keeps_subject_status_basis_and_equivalent() -> None:
    for page in ("status_figures.txt", "holiday_figures.txt"):
        bare = parse_pages([(TRANSCRIPTS / page).read_text(encoding="utf-8")])
        extracted = extract_metrics(bare)
        curated = attach_facts(bare, parse_facts(draft_facts(bare), origin="draft")).metrics

        def typed(m: Metric) -> tuple[object, ...]:
            return (m.subject, m.status, m.compared_with, m.equivalent)

        assert [typed(m) for m in curated] == [typed(m) for m in extracted]
        assert any(m.status for m in curated)


@pytest.mark.parametrize(
    ("parts", "name"),
    [
        (
            ("Airlines", "passenger trips", "achieved", "first half of 2025"),
            "Airlines passenger trips, first half of 2025",
        ),
        (
            ("wind power capacity", "kilowatts", "achieved", "end of 2025"),
            "Wind power capacity, end of 2025",
        ),
        (("industry", "safe flight hours", "achieved", None), "Industry safe flight hours"),
        (("berths", "berths", "planned", "2027"), "Berths (planned), 2027"),
        (("", "count", "achieved", "2025"), ""),
    ],
)
def test_draft_name(parts: tuple[str, str, str, str | None], name: str) -> None:
    subject, unit, status, period = parts
    assert draft_name(subject, unit, status=status, period=period) == name


@given(st.text(max_size=30), st.text(max_size=20), st.one_of(st.none(), st.text(max_size=20)))
def test_draft_name_takes_any_words(subject: str, unit: str, period: str | None) -> None:
    name = draft_name(subject, unit, period=period)
    assert name == "" or name[0] == name[0].upper()


@pytest.mark.parametrize("bad", [None, 3, b"x"])
def test_draft_name_refuses_what_is_not_text(bad: object) -> None:
    with pytest.raises(TypeError):
        draft_name(bad, "", period=None)  # type: ignore[arg-type]
    if bad is not None:
        with pytest.raises(TypeError):
            draft_name("x", "", period=bad)  # type: ignore[arg-type]
