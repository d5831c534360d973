"""Figures extracted from any transcript, and facts files drafted from them."""

from __future__ import annotations

import datetime as dt
import warnings
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import tradebrief
from tradebrief import Metric
from tradebrief.cli import main
from tradebrief.draft import draft_facts
from tradebrief.extract import extract_metrics, is_figure, sentences, with_extracted
from tradebrief.facts import attach_facts, parse_facts
from tradebrief.figure_context import compared_year, figure_period, figure_subject
from tradebrief.load import bundled_paths, read_exact
from tradebrief.parse import parse_pages, parse_transcript
from tradebrief.quantities import ChangeBasis, Qualifier, Scale, find_numbers

TRANSCRIPTS = Path(__file__).parent / "transcripts"


@pytest.fixture(scope="module")
def bare() -> tradebrief.Briefing:
    """The bundled transcript without its curated facts."""
    return parse_transcript(read_exact(bundled_paths()[0]))


def by_quote(metrics: tuple[Metric, ...], start: str) -> Metric:
    return next(m for m in metrics if m.quantity.span.quote.startswith(start))


def test_extracted_figures_are_typed_with_change_period_speaker_and_evidence(
    bare: tradebrief.Briefing,
) -> None:
    metrics = extract_metrics(bare)
    total = by_quote(metrics, "43.85")
    assert (total.quantity.value, total.quantity.scale, total.quantity.unit) == (
        Decimal("43.85"),
        Scale.TRILLION,
        "CNY",
    )
    assert total.change is not None
    assert (total.change.value, total.change.basis) == (Decimal(5), ChangeBasis.YEAR_ON_YEAR)
    assert total.change.span.quote == "up 5%"
    assert total.period == "2024" and total.record  # "last year", "set a record high"
    assert total.speaker == "wang-lingjun" and total.origin == "extracted"
    assert "43.85 trillion yuan" in total.evidence.quote
    partners = by_quote(metrics, "150")
    assert partners.quantity.qualifier is Qualifier.MORE_THAN
    assert partners.quantity.unit == "countries"
    assert by_quote(metrics, "88.38").quantity.unit == "forms"
    for metric in metrics:
        for span in (metric.quantity.span, metric.evidence):
            assert bare.source[span.start : span.end] == span.quote
        assert metric.evidence.contains(metric.quantity.span)


def test_every_figure_of_the_bundled_page_is_extracted_and_nothing_else(
    bare: tradebrief.Briefing,
) -> None:
    quotes = [m.quantity.span.quote for m in extract_metrics(bare)]
    assert quotes == [
        "88.38 million", "42 trillion yuan", "$5.74 trillion", "43 trillion yuan",
        "43.85 trillion yuan", "150", "2.1 trillion yuan", "5.603 billion metric tons",
        "39.917 million", "16", "20",
    ]  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        "the hard work of thousands upon thousands of foreign trade practitioners",
        "hundreds and hundreds of volunteers helped",
        "we have introduced hundreds of measures",  # vague: no figure to extract
        "On Jan. 13, 2025, at 10 a.m., the 14th meeting opened under Article 5.",
        "1. Ports first.",
        "In 2024, the briefing took place.",
        "Coverage of 5G and COVID-19 testing in 3D maps.",
    ],
)
def test_figures_of_speech_dates_times_ordinals_and_numbering_are_not_figures(text: str) -> None:
    assert [m for m in find_numbers(text) if is_figure(text, m)] == []


def test_the_curated_practitioners_fact_is_a_statement_not_a_metric() -> None:
    briefing = tradebrief.load_briefing()
    assert "foreign-trade-practitioners" not in briefing.metrics
    assert briefing.fact("foreign-trade-practitioners").kind == "statement"
    for metric in briefing.metrics:
        assert "thousands" not in metric.quantity.span.quote


def test_curated_facts_take_precedence_over_extracted_ones() -> None:
    briefing = tradebrief.load_briefing()
    assert all(m.origin == "curated" for m in briefing.metrics)
    assert with_extracted(briefing) is briefing


def test_sentences_skip_abbreviations() -> None:
    text = "Mr. Wang met Ms. Xing on Jan. 13. Trade rose. It did!"
    assert [text[s:e] for s, e in sentences(text)] == [
        "Mr. Wang met Ms. Xing on Jan. 13.",
        "Trade rose.",
        "It did!",
    ]


@pytest.mark.parametrize(
    "pages",
    [
        [bundled_paths()[0]],
        [TRANSCRIPTS / "press_energy.txt"],
        [TRANSCRIPTS / f"trade_p{n}.txt" for n in (1, 2, 3)],
        [TRANSCRIPTS / "scio_mobile.txt"],
    ],
    ids=["bundled", "energy", "trade", "mobile"],
)
def test_drafted_facts_load_back_as_the_same_figures(pages: list[Path]) -> None:
    bare = parse_pages([read_exact(p) for p in pages])
    extracted = extract_metrics(bare)
    draft = draft_facts(bare)
    curated = attach_facts(bare, parse_facts(draft, origin="draft")).metrics
    assert len(curated) == len(extracted) > 0

    def shape(m: Metric) -> tuple[object, ...]:
        return (m.quantity.value, m.quantity.scale, m.quantity.unit, m.quantity.qualifier,
                m.change.value if m.change else None, m.period, m.record, m.speaker,
                m.paragraph, m.evidence)  # fmt: skip

    assert [shape(m) for m in curated] == [shape(m) for m in extracted]
    assert {m.origin for m in curated} == {"curated"}


def test_draft_facts_command_writes_a_file_the_loader_reads(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    pages = [str(TRANSCRIPTS / f"trade_p{n}.txt") for n in (1, 2, 3)]
    assert main(["draft-facts", *pages]) == 0
    out = capsys.readouterr().out
    facts = tmp_path / "facts.toml"
    facts.write_text(out, encoding="utf-8")
    loaded = tradebrief.load_briefing(pages, facts=facts)
    assert loaded.metrics and all(m.origin == "curated" for m in loaded.metrics)


@settings(max_examples=80, deadline=None)
@given(st.text(max_size=200))
def test_is_figure_and_sentences_never_raise(text: str) -> None:
    for mention in find_numbers(text):
        is_figure(text, mention)
    for start, end in sentences(text):
        assert 0 <= start <= end <= len(text)


@pytest.mark.parametrize("bad", [None, "text", 3])
def test_extract_metrics_refuses_what_is_not_a_briefing(bad: object) -> None:
    with pytest.raises(TypeError, match="needs a Briefing"):
        extract_metrics(bad)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="needs a Briefing"):
        draft_facts(bad)  # type: ignore[arg-type]


def test_extraction_is_capped_with_a_warning(monkeypatch: pytest.MonkeyPatch) -> None:
    import tradebrief.extract

    monkeypatch.setattr(tradebrief.extract, "MAX_EXTRACTED", 3)
    bare = parse_transcript(read_exact(bundled_paths()[0]))
    capped = with_extracted(bare)
    assert len(capped.metrics) == 3
    assert any("11 figures were found; only the first 3" in w for w in capped.warnings)


def test_a_drafted_quote_stays_unique_when_a_comma_follows_it() -> None:
    # Before: "2," was unique, but the draft wrote "2", which the loader found 4 times.
    page = read_exact(TRANSCRIPTS / "trade_p1.txt").replace(
        "Exports of ships and wind turbines grew quickly",
        "In region 2, exports rose 2.2% year on year to 22.5 billion yuan, and ships grew",
    )
    bare = parse_pages([page])
    curated = attach_facts(bare, parse_facts(draft_facts(bare))).metrics
    assert [m.quantity.value for m in curated] == [m.quantity.value for m in extract_metrics(bare)]


@pytest.fixture(scope="module")
def water() -> tuple[Metric, ...]:
    return extract_metrics(parse_pages([read_exact(TRANSCRIPTS / "figures_context.txt")]))


@pytest.mark.parametrize(
    ("quote", "subject", "period"),
    [
        ("610 billion yuan", "investment in water projects", "first half of 2026"),
        ("312 billion", "reservoir storage of large reservoirs", "end of June 2026"),
        ("94%", "Rural tap water coverage", "2026"),  # "this year", not "over last year"
        ("30%", "utilization rate of reclaimed water", None),
    ],
)
def test_an_extracted_figure_is_named_by_its_subject_and_dated_by_its_period(
    water: tuple[Metric, ...], quote: str, subject: str, period: str | None
) -> None:
    # Before: named only by the figure ("610 billion yuan (paragraph 2)"), no keywords, and
    # a part of a year without its year ("In the first half") had no period at all.
    metric = by_quote(water, quote)
    assert metric.name.startswith(subject)
    assert set(subject.split()) - {"of"} <= set(metric.keywords)
    assert metric.period == period


def test_a_figure_compared_with_last_year_carries_that_year_as_a_keyword(
    water: tuple[Metric, ...],
) -> None:
    assert "2025" in by_quote(water, "94%").keywords
    assert "2025" not in by_quote(water, "610 billion yuan").keywords


def test_a_measured_figure_is_named_by_what_it_is_of_and_a_pronoun_names_nothing(
    water: tuple[Metric, ...],
) -> None:
    subsidies = by_quote(water, "7 billion yuan")
    assert "subsidies" in subsidies.keywords and "We" not in subsidies.keywords
    assert by_quote(water, "1,800").keywords == ("small", "reservoirs")


def test_an_uncurated_briefing_answers_from_the_subject_and_period_of_its_figures() -> None:
    briefing = tradebrief.load_briefing(TRANSCRIPTS / "figures_context.txt")
    reply = briefing.ask("How much was invested in water projects in the first half of 2026?")
    assert reply.found and "610 billion yuan" in reply.citations[0].quote


@pytest.mark.parametrize(
    ("sentence", "held", "period"),
    [
        (
            "In the first three quarters, trade rose 4%.",
            (2025, 10, 14),
            "first three quarters of 2025",
        ),
        (
            "In the first three quarters, trade rose 4%.",
            (2026, 1, 13),
            "first three quarters of 2025",
        ),
        ("In the first six months, output grew 5%.", (2023, 7, 13), "first six months of 2023"),
        ("Sales reached 47 trillion yuan last year.", (2024, 1, 17), "2023"),
        ("Sales rose 3 tons over last year.", (2024, 1, 17), None),
        ("In the first half of 2022, sales rose.", (2024, 1, 17), "first half of 2022"),
    ],
)
def test_figure_period(sentence: str, held: tuple[int, int, int], period: str | None) -> None:
    assert figure_period(sentence, dt.date(*held)) == period


@settings(max_examples=80, deadline=None)
@given(st.text(max_size=120), st.integers(min_value=0, max_value=120), st.dates())
def test_figure_subject_and_period_never_raise(text: str, at: int, held: dt.date) -> None:
    subject = figure_subject(text, min(at, len(text)))
    assert isinstance(subject, str) and len(subject.split()) <= 8
    assert figure_period(text, held) is None or isinstance(figure_period(text, held), str)
    assert compared_year(text, held) in (None, str(held.year - 1))


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("drills in nine provinces", [("nine", Decimal(9))]),
        (
            "yields rose in eight of the ten provinces",
            [("eight", Decimal(8)), ("ten", Decimal(10))],
        ),
        ("twenty-five teams and more than thirty tons", [("twenty-five", 25), ("thirty tons", 30)]),
        ("In the first three quarters, over the past five years", []),
        ("the Three Gorges area, the Two Sessions, one of them, one-third", []),
    ],
)
def test_numbers_written_as_words_are_found(text: str, found: list[tuple[str, int]]) -> None:
    # Before: "five provinces" held no figure, so "in how many provinces" gave "no figure".
    mentions = find_numbers(text)
    assert [(text[m.start : m.end], m.value) for m in mentions] == found


def test_a_figure_written_as_a_word_answers_how_many() -> None:
    briefing = tradebrief.load_briefing(TRANSCRIPTS / "figures_context.txt")
    reply = briefing.ask("In how many provinces were flood-control drills held?")
    assert reply.found and "nine provinces" in reply.citations[0].quote
    assert by_quote(extract_metrics(briefing), "nine").quantity.unit == "provinces"


@pytest.mark.parametrize(
    ("sentence", "figures"),
    [
        ("The meeting ran on July 17 and 18 in Beijing.", []),
        ("The congress will last from Oct. 16 to 22.", []),
        ("Exports rose on March 3 and 40 ports reopened.", ["40"]),
    ],
)
def test_the_second_day_of_a_date_range_is_not_a_figure(sentence: str, figures: list[str]) -> None:
    found = [m for m in find_numbers(sentence) if is_figure(sentence, m)]
    assert [sentence[m.start : m.end] for m in found] == figures


def test_a_subject_after_that_is_read_and_year_on_year_names_nothing() -> None:
    text = "You said that industrial output grew 6.1% year-on-year in May."
    assert figure_subject(text, text.index("6.1")) == "industrial output"
    page = read_exact(TRANSCRIPTS / "trade_p1.txt").replace(
        "Exports of ships",
        "Officials noted that freight volume rose 6.1% year-on-year. Exports of ships",
    )
    metric = by_quote(extract_metrics(parse_pages([page])), "6.1%")
    assert "year-on-year" not in metric.keywords and "freight" in metric.keywords


def test_a_percentage_of_a_whole_is_found_as_a_share_or_proportion() -> None:
    pages = [TRANSCRIPTS / f"trade_p{n}.txt" for n in (1, 2, 3)]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", tradebrief.TranscriptWarning)
        trade = tradebrief.load_briefing(pages)
    private = by_quote(trade.metrics, "57%")
    assert {"share", "proportion", "portion"} <= set(private.keywords)
    assert not {"share", "proportion"} & set(by_quote(trade.metrics, "33.6").keywords)
    # Before: "It never mentions 'proportion'".
    reply = trade.ask("What proportion of trade came from private companies?")
    assert reply.found and "57%" in reply.citations[0].quote


def test_a_unit_of_two_letters_is_the_unit_and_what_it_measures_a_keyword(
    water: tuple[Metric, ...],
) -> None:
    # Before: "mu" was too short to be read, so the figure was a bare count.
    farmland = by_quote(water, "3.2 million")
    assert farmland.quantity.unit == "mu"
    assert {"mu", "farmland"} <= set(farmland.keywords) and "now" not in farmland.keywords


def test_a_figure_with_a_stated_change_is_found_by_words_for_that_change(
    water: tuple[Metric, ...],
) -> None:
    assert {"growth", "grow", "increase"} <= set(by_quote(water, "610 billion").keywords)
    assert "grow" not in by_quote(water, "1,800").keywords  # no change stated
    briefing = tradebrief.load_briefing(TRANSCRIPTS / "figures_context.txt")
    # Before: declined, the 'up 9.5%' figure lacking 'increase' and the rest.
    reply = briefing.ask("How fast did water project spending increase?")
    assert reply.found and "up 9.5%" in reply.citations[0].quote


@pytest.mark.parametrize("bad", [None, 3, b"text"])
def test_figure_context_refuses_what_is_not_text(bad: object) -> None:
    with pytest.raises(TypeError, match="sentence"):
        figure_subject(bad, 0)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="sentence"):
        figure_period(bad, dt.date(2025, 1, 1))  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="sentence"):
        compared_year("Up over last year.", bad)  # type: ignore[arg-type]
