"""Span: a verbatim slice of the source, bounds-checked, and enforced by Briefing."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from tradebrief import Briefing, Span, attach_facts, parse_facts, parse_transcript
from tradebrief.load import bundled_paths
from tradebrief.spans import line_number, occurrences

TEXT = "Total trade rose 5% in 2024."


def read(path: Path) -> str:
    with path.open(encoding="utf-8", newline="") as handle:
        return handle.read()


@pytest.fixture(scope="module")
def briefing() -> Briefing:
    """A freshly parsed bundled briefing (not the shared cached one)."""
    transcript, facts = bundled_paths()
    return attach_facts(parse_transcript(read(transcript)), parse_facts(read(facts)))


@pytest.mark.parametrize(("start", "end"), [(0, 5), (17, 19), (23, 27), (0, len(TEXT))])
def test_over_quotes_the_exact_slice(start: int, end: int) -> None:
    span = Span.over(TEXT, start, end)
    assert (span.start, span.end) == (start, end)
    assert span.quote == TEXT[start:end]
    assert span.length == end - start
    assert span.matches(TEXT)


@pytest.mark.parametrize(
    ("start", "end"),
    [(-1, 3), (3, 3), (5, 2), (0, len(TEXT) + 1), (len(TEXT), len(TEXT) + 2)],
)
def test_over_rejects_out_of_bounds_or_empty(start: int, end: int) -> None:
    with pytest.raises(ValueError, match=rf"span {start}:{end}"):
        Span.over(TEXT, start, end)


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"start": 3, "end": 3, "quote": ""}, "must be greater than start"),
        ({"start": 4, "end": 2, "quote": "xx"}, "must be greater than start"),
        ({"start": 0, "end": 5, "quote": "Tot"}, "quote has 3 characters but covers 5"),
        ({"start": -2, "end": 1, "quote": "abc"}, "greater than or equal to 0"),
    ],
)
def test_constructor_checks_bounds_and_length(fields: dict[str, object], message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        Span(**fields)  # type: ignore[arg-type]


def test_extra_fields_are_forbidden_and_span_is_frozen() -> None:
    with pytest.raises(ValidationError, match="Extra inputs"):
        Span(start=0, end=5, quote="Total", text="Total")  # type: ignore[call-arg]
    span = Span.over(TEXT, 0, 5)
    with pytest.raises(ValidationError, match="frozen"):
        span.start = 1  # type: ignore[misc]


def test_matches_detects_a_drifted_quote() -> None:
    span = Span.over(TEXT, 17, 19)
    assert span.matches(TEXT)
    assert not span.matches(TEXT.replace("5%", "6%"))


def test_contains() -> None:
    outer = Span.over(TEXT, 12, 27)
    assert outer.contains(Span.over(TEXT, 17, 19))
    assert outer.contains(outer)
    assert not outer.contains(Span.over(TEXT, 0, 13))
    assert not Span.over(TEXT, 17, 19).contains(outer)


def test_occurrences_counts_overlaps_and_respects_bounds() -> None:
    assert occurrences("aaaa", "aa") == [0, 1, 2]
    assert occurrences("abcabc", "abc") == [0, 3]
    assert occurrences("abcabc", "abc", 1) == [3]
    assert occurrences("abcabc", "abc", 0, 5) == [0]
    assert occurrences("abc", "x") == []


def test_line_number() -> None:
    source = "one\ntwo\r\nthree"
    assert line_number(source, 0) == 1
    assert line_number(source, source.index("two")) == 2
    assert line_number(source, source.index("three")) == 3


def test_json_round_trip_keeps_equality() -> None:
    span = Span.over(TEXT, 17, 19)
    again = Span.model_validate_json(span.model_dump_json())
    assert again == span
    assert again.quote == TEXT[17:19]


@given(st.text(min_size=1, max_size=80), st.data())
def test_every_span_over_text_is_verbatim_and_round_trips(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    span = Span.over(text, start, end)
    assert span.quote == text[start:end]
    assert Span.model_validate_json(span.model_dump_json()) == span


def test_every_span_in_the_bundled_briefing_is_verbatim(briefing: Briefing) -> None:
    spans = [briefing.title_span, briefing.date_span]
    spans += [p.span for p in briefing.people]
    spans += [o.span for o in briefing.organizations]
    spans += [p.span for p in briefing.paragraphs]
    spans += [f.evidence for f in briefing.facts]
    assert all(span is not None for span in spans)
    for span in spans:
        assert span is not None
        assert briefing.source[span.start : span.end] == span.quote


def _with_paragraph_span(briefing: Briefing, index: int, span: Span) -> Briefing:
    # model_copy does not validate, so this builds the forged object the validator must catch.
    paragraphs = list(briefing.paragraphs)
    paragraphs[index] = paragraphs[index].model_copy(update={"span": span})
    return briefing.model_copy(update={"paragraphs": type(briefing.paragraphs)(tuple(paragraphs))})


def test_briefing_rejects_a_quote_that_differs_from_the_source(briefing: Briefing) -> None:
    original = briefing.paragraphs["4"].span
    assert "88.38 million" in original.quote
    forged_quote = original.quote.replace("88.38 million", "99.99 million")
    assert len(forged_quote) == original.length  # passes Span's own checks
    forged = Span(start=original.start, end=original.end, quote=forged_quote)
    tampered = _with_paragraph_span(briefing, 3, forged)
    with pytest.raises(ValidationError, match=r"99\.99 million.*source there reads"):
        Briefing.model_validate(tampered.model_dump())
    with pytest.raises(ValidationError, match="source there reads"):
        Briefing.model_validate_json(tampered.model_dump_json())


def test_briefing_rejects_a_shifted_fact_span(briefing: Briefing) -> None:
    data = briefing.model_dump()
    evidence = data["metrics"][0]["evidence"]
    evidence["start"] += 1
    evidence["end"] += 1
    with pytest.raises(ValidationError, match="source there reads"):
        Briefing.model_validate(data)


def test_briefing_rejects_a_span_past_the_end_of_the_source(briefing: Briefing) -> None:
    data = briefing.model_dump()
    data["source"] = briefing.source[: briefing.paragraphs["10"].span.start]
    with pytest.raises(ValidationError, match="source there reads"):
        Briefing.model_validate(data)
