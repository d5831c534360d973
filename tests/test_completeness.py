"""Completeness: every number in the bundled briefing's body is covered by some fact.

A figure (anything but a year) must lie inside a fact's quantity, change,
equivalent or count span; a year must lie inside some fact's evidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest

from tradebrief import Briefing, Metric, PolicyMeasure, attach_facts, parse_facts, parse_transcript
from tradebrief.load import bundled_paths, read_exact
from tradebrief.quantities import find_numbers
from tradebrief.spans import Span


@dataclass(frozen=True)
class Gap:
    """A number mention that no fact covers."""

    paragraph: int
    start: int
    end: int
    words: str
    is_year: bool

    def __str__(self) -> str:
        kind = "year" if self.is_year else "figure"
        return f"paragraph {self.paragraph}: {kind} {self.words!r} at {self.start}:{self.end}"


def figure_spans(briefing: Briefing) -> list[Span]:
    spans: list[Span] = []
    for fact in briefing.facts:
        if isinstance(fact, Metric):
            for item in (fact.quantity, fact.change, fact.equivalent):
                if item is not None:
                    spans.append(item.span)
        elif isinstance(fact, PolicyMeasure) and fact.count is not None:
            spans.append(fact.count.span)
    return spans


def uncovered_numbers(briefing: Briefing) -> list[Gap]:
    """Every number in the body paragraphs that no fact covers, in order."""
    figures = figure_spans(briefing)
    evidence = [fact.evidence for fact in briefing.facts]
    gaps: list[Gap] = []
    for paragraph in briefing.paragraphs:
        base = paragraph.span.start
        for mention in find_numbers(paragraph.text):
            start, end = base + mention.start, base + mention.end
            covering = evidence if mention.is_year else figures
            if not any(span.start <= start and end <= span.end for span in covering):
                gaps.append(
                    Gap(paragraph.number, start, end, briefing.source[start:end], mention.is_year)
                )
    return gaps


@pytest.fixture(scope="module")
def source() -> str:
    return read_exact(bundled_paths()[0])


@pytest.fixture(scope="module")
def facts_text() -> str:
    return read_exact(bundled_paths()[1])


@pytest.fixture(scope="module")
def briefing(source: str, facts_text: str) -> Briefing:
    return attach_facts(parse_transcript(source), parse_facts(facts_text))


def without_fact(facts_text: str, fact_id: str) -> str:
    """The facts TOML with one ``[[...]]`` entry cut out, the rest left as written."""
    blocks = re.split(r"(?m)^(?=\[\[)", facts_text)
    kept = [block for block in blocks if f'\nid = "{fact_id}"\n' not in block]
    assert len(kept) == len(blocks) - 1, f"no single entry with id {fact_id!r}"
    return "".join(kept)


def test_the_body_has_the_numbers_the_issue_names(briefing: Briefing) -> None:
    body = [
        paragraph.text[m.start : m.end]
        for paragraph in briefing.paragraphs
        for m in find_numbers(paragraph.text)
    ]
    for words in (
        "88.38 million",
        "42 trillion yuan",
        "$5.74 trillion",
        "43 trillion yuan",
        "43.85 trillion yuan",
        "5%",
        "150",
        "2.1 trillion yuan",
        "5.603 billion metric tons",
        "39.917 million",
        "16",
        "hundreds",
        "20",
        "2024",
    ):
        assert words in body, words


def test_every_number_in_the_body_is_covered_by_a_fact(briefing: Briefing) -> None:
    gaps = uncovered_numbers(briefing)
    assert not gaps, "numbers no fact covers:\n" + "\n".join(str(gap) for gap in gaps)


@pytest.mark.parametrize(
    ("fact_id", "uncovered"),
    [
        ("trade-increment", "2.1 trillion yuan in 2024"),
        ("cross-border-trade-cities", "20 cities"),
        ("trading-partners", "more than 150 countries"),
        ("goods-supervised", "5.603 billion metric tons"),
        ("total-trade", "43.85 trillion yuan, up 5%"),
    ],
)
def test_removing_a_fact_leaves_its_numbers_uncovered(
    source: str, facts_text: str, briefing: Briefing, fact_id: str, uncovered: str
) -> None:
    trimmed_text = without_fact(facts_text, fact_id)
    trimmed = attach_facts(parse_transcript(source), parse_facts(trimmed_text))
    assert len(trimmed.facts) == len(briefing.facts) - 1
    before = set(uncovered_numbers(briefing))
    new_gaps = [gap for gap in uncovered_numbers(trimmed) if gap not in before]
    assert new_gaps, f"removing {fact_id!r} left every number covered"
    # Each newly uncovered number is one written in the phrase the removed fact quoted.
    at = source.index(uncovered)
    assert source.count(uncovered) == 1
    for gap in new_gaps:
        assert at <= gap.start and gap.end <= at + len(uncovered), str(gap)
        assert source[gap.start : gap.end] == gap.words
    expected = {m.start + at for m in find_numbers(uncovered)}
    assert {gap.start for gap in new_gaps} == expected


def test_a_year_is_covered_by_evidence_not_by_a_figure(source: str) -> None:
    # A briefing with a single fact whose evidence holds a year: the year is covered,
    # the figure beside it is not (no quantity span of any fact holds it).
    facts = """
[[statements]]
id = "declaration-year"
name = "The year of the forms"
question = "Which year?"
evidence = "the last of the 88.38 million forms processed in 2024"
answer = "The forms were processed in 2024; there were 88.38 million of them."
"""
    briefing = attach_facts(parse_transcript(source), parse_facts(facts))
    gaps = [g for g in uncovered_numbers(briefing) if g.paragraph == 4]
    assert [g.words for g in gaps] == ["88.38 million", "2024"]  # the year in the next sentence
    assert gaps[1].start > briefing.fact("declaration-year").evidence.end
