"""Extracted metrics are figures officials state, named by what they count.

Real pages gave metrics named "three colleagues", "two consecutive", "16" and
one taken from a reporter's question; tests/transcripts/figures_in_passing.txt
has each of those shapes in its own words.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import tradebrief
from tradebrief.errors import TranscriptWarning
from tradebrief.model import Metric

_PAGE = Path(__file__).parent / "transcripts" / "figures_in_passing.txt"


@pytest.fixture(scope="module")
def briefing() -> tradebrief.Briefing:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", TranscriptWarning)
        return tradebrief.load_briefing(_PAGE)


def _quotes(briefing: tradebrief.Briefing) -> list[str]:
    return [m.quantity.span.quote for m in briefing.metrics]


def _by_quote(briefing: tradebrief.Briefing, quote: str) -> Metric:
    return next(m for m in briefing.metrics if m.quantity.span.quote == quote)


def test_no_figure_is_taken_from_a_reporters_question(briefing: tradebrief.Briefing) -> None:
    quotes = _quotes(briefing)
    assert "5.5%" not in quotes and "1,700" not in quotes
    outlets = {o.id for o in briefing.organizations if o.category is tradebrief.OrgKind.MEDIA}
    assert outlets == {"river-daily"}
    assert all(m.speaker not in outlets for m in briefing.metrics)
    # The reply's figures are the official's.
    assert _by_quote(briefing, "1,240").speaker == "gao-ruilin"


@pytest.mark.parametrize("said_in_passing", ["three", "two", "22", "45"])
def test_counts_said_in_passing_are_no_metrics(
    briefing: tradebrief.Briefing, said_in_passing: str
) -> None:
    # "his three colleagues", "for two consecutive years", "its two river plans
    # converge", "worked on the rivers for 22 years", "over the past 45 days"
    assert said_in_passing not in _quotes(briefing)


def test_counts_of_things_stay_metrics_with_noun_phrase_names(
    briefing: tradebrief.Briefing,
) -> None:
    assert _by_quote(briefing, "nine").quantity.unit == "provinces"
    # A proper adjective is part of what is counted, and a rate's noun names the rate.
    assert _by_quote(briefing, "3,900").quantity.unit == "Yangtze barges"
    assert "freight growth rate" in _by_quote(briefing, "6.8%").name
    for metric in briefing.metrics:
        figure = metric.quantity.span.quote
        words = metric.name.replace(figure, "").replace(f"(paragraph {metric.paragraph})", "")
        assert words.strip(), f"{metric.name!r} names nothing but its figure"


def test_a_gallery_counter_is_furniture_not_the_chairs_words(
    briefing: tradebrief.Briefing,
) -> None:
    assert not any(p.text.startswith("/6") for p in briefing.paragraphs)
    assert [p.speaker for p in briefing.paragraphs][-1] == "gao-ruilin"


@pytest.mark.parametrize(
    ("sentence", "count"),
    [
        ("Of the ten busiest canals, seven were dredged ahead of schedule.", "seven"),
        ("Barge traffic rose on eight of the ten busiest canals.", "eight"),
    ],
)
def test_a_count_in_words_with_something_said_of_it_or_its_whole_stays(
    sentence: str, count: str
) -> None:
    from tradebrief.extract import extract_metrics
    from tradebrief.parse import parse_transcript

    text = _PAGE.read_text(encoding="utf-8").replace(
        "I have worked on the rivers for 22 years.", sentence
    )
    figures = [m.quantity.span.quote for m in extract_metrics(parse_transcript(text))]
    assert count in figures


@given(st.text(max_size=60), st.integers(min_value=0, max_value=60))
def test_a_counted_noun_and_what_is_said_are_words_of_the_sentence_after_the_figure(
    sentence: str, end: int
) -> None:
    from tradebrief.figure_names import counted_noun, said_of

    rest = sentence[end:]
    for words in (counted_noun(sentence, end), said_of(sentence, end)):
        assert all(word in rest for word in words.split())


@pytest.mark.parametrize("bad", [None, 12, b"nine provinces"])
def test_figure_names_refuse_what_is_not_a_sentence(bad: object) -> None:
    from tradebrief.figure_names import counted_noun, said_of

    with pytest.raises(TypeError):
        counted_noun(bad, 0)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        said_of(bad, 0)  # type: ignore[arg-type]


_SENTENCE_WORDS = st.sampled_from(
    ["Ports", "handled", "2.46", "billion", "tons", "of", "cargo", "nine", "provinces", "per",
     "ton", "were", "dredged", "over", "the", "past", "45", "days", "my", "three", "colleagues",
     "5.3%", "GDP", "growth", "rate", "up", "in", "mu", "farmland", "Yangtze", "barges", ","]
)  # fmt: skip


@given(st.lists(_SENTENCE_WORDS, min_size=1, max_size=16).map(" ".join))
def test_figure_name_helpers_take_any_sentence(sentence: str) -> None:
    from tradebrief.figure_names import (
        counted_noun,
        figure_unit,
        in_passing,
        measured_thing,
        rate_denominator,
        said_of,
    )
    from tradebrief.quantities import find_numbers

    for mention in find_numbers(sentence):
        unit = figure_unit(sentence, mention)
        assert unit and isinstance(unit, str)
        noun = counted_noun(sentence, mention.end)
        for words in (noun, measured_thing(sentence, mention), rate_denominator(sentence, 0)):
            assert isinstance(words, str)
        figure = sentence[mention.start : mention.end]
        before, after = sentence[: mention.start], sentence[mention.end :]
        said = said_of(sentence, mention.end)
        passing = in_passing(mention, figure, None, "", noun, said, after, before)
        if mention.unit != "count":
            assert not passing  # an amount with a unit is never a count in passing


def test_a_preposition_ends_what_a_figure_is_of(briefing: tradebrief.Briefing) -> None:
    # "86 billion yuan in loans through the river fund": loans, not "loans through".
    loans = _by_quote(briefing, "86 billion yuan")
    assert loans.name == "Shippers 86 billion yuan loans (paragraph 4)"
