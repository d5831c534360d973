"""What an extracted figure measures, over which period, in which unit: read from its context.

The transcript ``holiday_figures.txt`` is our own, written in the china.org.cn
layout, with the constructions seen on SCIO pages: a subject named again after
a comma (", or PM10,"), figures that point back ("it was", "the figure was",
"their average holiday bonus", "the rate for September"), periods said once for a
paragraph ("during the holiday", "From January to September"), rates ("per
cubic meter", "per trainee") and numbers that are names ("the 12358 hotline").
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import tradebrief
from tradebrief import Metric
from tradebrief.figure_changes import stated_changes
from tradebrief.figure_context import (
    briefing_holiday,
    figure_aliases,
    figure_period,
    figure_scope,
    figure_subject,
    period_words,
)
from tradebrief.quantities import ChangeBasis, Qualifier, find_numbers

TRANSCRIPTS = Path(__file__).parent / "transcripts"


@pytest.fixture(scope="module")
def holiday() -> tradebrief.Briefing:
    """The holiday briefing, loaded without a facts file."""
    return tradebrief.load_briefing(TRANSCRIPTS / "holiday_figures.txt")


def figure(briefing: tradebrief.Briefing, quote: str) -> Metric:
    return next(m for m in briefing.metrics if m.quantity.span.quote.startswith(quote))


@pytest.mark.parametrize(
    ("quote", "subject"),
    [
        # Before: "" (the clause after ", or PM10," had no words before "was").
        ("58.3", "average concentration of coarse particulate matter"),
        # Before: "" ("it" is a pronoun) and "figure".
        ("71.6", "average concentration of coarse particulate matter in northern plain"),
        ("39.9", "average concentration of coarse particulate matter in southern hills"),
        # Before: "and the rate for September".
        ("4.1%", "registered vacancy rate for September"),
        # Before: "and their average holiday bonus".
        ("312 yuan", "seasonal workers average holiday bonus"),
        # Before: "cumulative readings have".
        ("9.4 billion", "cumulative readings"),
        # Before: "" ("averaged" linked nothing).
        ("4.4%", "registered vacancy rate"),
        # Before: "" ("made" linked nothing).
        ("612.4", "Travelers"),
        # Before: "complaints" was not named; "Of these" counts part of them.
        ("95.1%", "complaints"),
    ],
)
def test_a_figure_is_named_by_what_it_measures(
    holiday: tradebrief.Briefing, quote: str, subject: str
) -> None:
    assert figure(holiday, quote).name.startswith(subject)


def test_a_name_given_after_or_is_a_key_word_and_a_name_with_digits_is_no_figure(
    holiday: tradebrief.Briefing,
) -> None:
    assert "PM10" in figure(holiday, "58.3").keywords
    assert not any(m.quantity.span.quote.startswith("10") for m in holiday.metrics)


def test_a_hotline_number_is_a_name_not_a_figure(holiday: tradebrief.Briefing) -> None:
    # Before: "12358 hotline (paragraph 3)" was a figure of 12,358 hotlines.
    assert not any(m.quantity.span.quote.startswith("12358") for m in holiday.metrics)


def test_what_is_said_of_a_figure_that_opens_its_clause_names_it(
    holiday: tradebrief.Briefing,
) -> None:
    settled = figure(holiday, "95.1%")
    assert {"settled", "within", "hours"} <= set(settled.keywords)


@pytest.mark.parametrize(
    ("quote", "unit"),
    [("58.3", "micrograms per cubic meter"), ("88", "micrograms per cubic meter")],
)
def test_a_rate_keeps_its_denominator(holiday: tradebrief.Briefing, quote: str, unit: str) -> None:
    # Before: "micrograms": a concentration read as a mass.
    assert figure(holiday, quote).quantity.unit == unit


def test_a_money_rate_is_named_with_its_denominator_and_no_less_than_is_a_floor(
    holiday: tradebrief.Briefing,
) -> None:
    subsidy = figure(holiday, "3,000")
    # Before: "less than 3,000 yuan", the opposite bound, and no "per trainee".
    assert subsidy.quantity.qualifier is Qualifier.AT_LEAST
    assert subsidy.quantity.unit == "CNY" and "per trainee" in subsidy.name


def test_changes_go_to_the_figure_they_describe(holiday: tradebrief.Briefing) -> None:
    spending = figure(holiday, "702.6")
    # Before: the dollar conversion in brackets took the change from the yuan figure.
    assert spending.change is not None and spending.change.value == Decimal("4.9")
    # Before: "made up 58%" was a rise of 58%.
    assert figure(holiday, "58%").change is None
    assert "share" in figure(holiday, "58%").keywords
    # Before: "rose 2.1% year on year to 88 micrograms" gave 88 no change.
    ozone = figure(holiday, "88")
    assert ozone.change is not None
    assert (ozone.change.value, ozone.change.basis) == (Decimal("2.1"), ChangeBasis.YEAR_ON_YEAR)


@pytest.mark.parametrize(
    ("quote", "period"),
    [
        # Before: None; "during the holiday" is the holiday the briefing is about.
        ("612.4", "nine-day Spring Festival holiday of 2027"),
        # Before: None: the period said in the sentence before holds for the paragraph.
        ("702.6", "nine-day Spring Festival holiday of 2027"),
        ("71.6", "nine-day Spring Festival holiday of 2027"),
        # Before: None ("From January to September" was not a period).
        ("1.9 million", "January to September 2026"),
        ("4.1%", "January to September 2026"),
    ],
)
def test_a_period_is_read_from_the_paragraph_and_the_holiday(
    holiday: tradebrief.Briefing, quote: str, period: str
) -> None:
    assert figure(holiday, quote).period == period


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # Before: declined ("does not mention 'PM10'", then "does not speak of 2027").
        ("What was the PM10 concentration in the northern plain during the holiday?", "71.6"),
        ("What was the average holiday bonus of seasonal workers?", "312 yuan"),
        ("How much did travelers spend during the nine-day holiday?", "702.6"),
    ],
)
def test_an_uncurated_briefing_answers_from_the_context_of_its_figures(
    holiday: tradebrief.Briefing, question: str, expected: str
) -> None:
    reply = holiday.ask(question)
    assert reply.found and expected in reply.citations[0].quote


def test_context_readers_examples() -> None:
    held = dt.date(2025, 10, 24)
    assert figure_period("From January to September, jobs rose.", held) == (
        "January to September 2025"
    )
    assert figure_period("Visits rose during the holiday.", held, holiday="Spring Festival") == (
        "Spring Festival of 2025"
    )
    assert figure_period("Visits rose during the holiday.", held) is None
    assert figure_scope("Among them, 582,000 entries were made.") == ""
    assert figure_scope("In the Yangtze River Delta, the figure was 29.8.") == "Yangtze River Delta"
    assert figure_aliases("The share, or ratio, was 3%.") == ("ratio",)
    text = "Workers stood at 9 million, and the income of them was 5 yuan."
    assert figure_subject(text, text.index("5 yuan"), "x") == "income of them"
    assert briefing_holiday("A briefing on prices") == ""


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=80), st.text(max_size=30), st.integers(min_value=0, max_value=80))
def test_context_readers_never_raise(text: str, previous: str, at: int) -> None:
    assert isinstance(figure_subject(text, min(at, len(text)), previous), str)
    assert isinstance(figure_scope(text), str)
    assert all(isinstance(alias, str) for alias in figure_aliases(text))
    assert isinstance(briefing_holiday(text, previous), str)
    period = figure_period(text, dt.date(2025, 1, 1), holiday=previous)
    assert period is None or isinstance(period, str)


@pytest.mark.parametrize(
    "call",
    [
        lambda: figure_subject("text", 0, 3),  # type: ignore[arg-type]
        lambda: figure_scope(None),  # type: ignore[arg-type]
        lambda: figure_aliases(b"x"),  # type: ignore[arg-type]
        lambda: briefing_holiday("x", 1),  # type: ignore[arg-type]
        lambda: figure_period("x", dt.date(2025, 1, 1), holiday=None),  # type: ignore[arg-type]
    ],
)
def test_context_readers_reject_wrong_types(call: object) -> None:
    with pytest.raises(TypeError):
        call()  # type: ignore[operator]


@pytest.fixture(scope="module")
def statistics() -> tradebrief.Briefing:
    """A statistics briefing in the bureau's style: brackets, "that in", "respectively"."""
    return tradebrief.load_briefing(TRANSCRIPTS / "statistics_figures.txt")


@pytest.mark.parametrize(
    ("quote", "subject", "change"),
    [
        # Before: "excluding households" (the bracket opened the clause).
        ("3,204.6", "investment in equipment", Decimal("4.2")),
        # Before: no subject ("that" began a clause of its own).
        ("2.4%", "investment in shipping", Decimal("2.4")),
        ("1.6%", "investment in aviation", Decimal("-1.6")),
        # Before: both named by the pair, and 12.5% was no change at all.
        ("9.8%", "investment in green industries", Decimal("9.8")),
        ("12.5%", "investment in digital industries", Decimal("12.5")),
        # Before: "US$8.5 trillion" was not read, being glued to "US".
        ("$8.5", "output", Decimal("5.1")),
    ],
)
def test_a_statistics_bureau_sentence_names_each_figure(
    statistics: tradebrief.Briefing, quote: str, subject: str, change: Decimal
) -> None:
    metric = figure(statistics, quote)
    assert metric.name.startswith(f"{subject} ") and metric.change is not None
    assert metric.change.value == change


def test_a_month_on_month_change_and_a_month_alone(statistics: tradebrief.Briefing) -> None:
    june = figure(statistics, "0.21%")
    # Before: the basis was unstated, the unit "month", the period the paragraph's half year.
    assert june.change is not None and june.change.basis is ChangeBasis.PREVIOUS_PERIOD
    assert "month" not in june.name.split() and june.period == "June 2027"


def test_an_averaged_figure_answers_for_the_same_months_named_otherwise(
    statistics: tradebrief.Briefing,
) -> None:
    rate = figure(statistics, "3.7%")
    # Before: no "average", and "first half" could not be asked as "January to June" or "H1".
    assert {"average", "January", "June", "H1"} <= set(rate.keywords)
    assert rate.name.startswith("surveyed vacancy rate 3.7%")
    reply = statistics.ask("What was the average vacancy rate from January to June?")
    assert reply.found and "3.7%" in reply.citations[0].quote


@pytest.mark.parametrize(
    ("period", "words"),
    [
        ("January to September 2025", ("first", "three", "quarters", "nine", "months", "Q1-Q3")),
        ("first quarter of 2024", ("January", "March", "three", "months", "Q1")),
        ("first six months of 2023", ("half", "January", "June", "H1")),
        ("end of June 2025", ()),
        ("2024", ()),
        (None, ()),
    ],
)
def test_period_words(period: str | None, words: tuple[str, ...]) -> None:
    assert period_words(period) == words


@settings(max_examples=40, deadline=None)
@given(st.one_of(st.none(), st.text(max_size=40)))
def test_period_words_never_raise(period: str | None) -> None:
    assert all(isinstance(word, str) for word in period_words(period))


def test_period_words_rejects_wrong_types() -> None:
    with pytest.raises(TypeError):
        period_words(2024)  # type: ignore[arg-type]


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=80), st.text(max_size=20))
def test_stated_changes_never_raise_and_keep_figures_in_order(text: str, lead: str) -> None:
    source = lead + text
    pairs = stated_changes(source, len(lead), text, find_numbers(text), {"down"})
    starts = [mention.start for mention, _ in pairs]
    assert starts == sorted(starts)
    for _, change in pairs:
        if change is not None:
            assert source[change.span.start : change.span.end] == change.span.quote


@pytest.mark.parametrize(
    ("args", "error"),
    [
        (("text", 0, b"text", [], ()), TypeError),
        (("text", -1, "text", [], ()), TypeError),
        (("text", True, "text", [], ()), TypeError),
        (("other", 0, "text", [], ()), ValueError),
    ],
)
def test_stated_changes_reject_bad_input(args: tuple[object, ...], error: type[Exception]) -> None:
    with pytest.raises(error):
        stated_changes(*args)  # type: ignore[arg-type]


def test_a_land_unit_names_land_and_a_pair_of_kinds_names_both(
    statistics: tradebrief.Briefing,
) -> None:
    # Before: "2 million mu fitted with sprinklers" could not be asked about as farmland.
    assert {"farmland", "land"} <= set(figure(statistics, "2 million").keywords)
    # Before: the unit was "inbound", the trips and the rate lost at "and".
    trips = figure(statistics, "1.8 million")
    assert trips.quantity.unit == "inbound and outbound trips per day"


@pytest.mark.parametrize(
    ("quote", "name", "unit"),
    [
        # Before: "metric tons of fake goods and 210 cases": the figure before's words.
        ("210", "210 cases", "cases"),
        # Before: "people and injury insurance" was what 412 million counted.
        ("412", "Pension insurance 412 million people", "people"),
        # Before: no subject: the clause held the figure before it.
        ("288", "injury insurance 288 million", "count"),
        # Before: "collected in the first": the period cut into the name.
        ("9,000", "9,000 tons litter collected", "metric_ton"),
    ],
)
def test_a_figure_is_not_named_by_the_words_of_the_figure_before_it(
    statistics: tradebrief.Briefing, quote: str, name: str, unit: str
) -> None:
    metric = figure(statistics, quote)
    assert metric.name == f"{name} (paragraph 6)" and metric.quantity.unit == unit


def test_a_target_year_is_its_own_sentence_s_period_only(statistics: tradebrief.Briefing) -> None:
    target = figure(statistics, "20 million")
    # Before: "2029", a whole year's figure that a monthly average could be derived from.
    assert target.period == "end of 2029"
    pay = figure(statistics, "6,120")
    # Before: the target's period carried over, and "Their" named nothing.
    assert pay.period is None and pay.name.startswith("technicians average monthly pay")


def test_a_bare_count_after_another_counts_the_same_thing(
    statistics: tradebrief.Briefing,
) -> None:
    withdrawn = figure(statistics, "14")
    # Before: "14 (paragraph 8)", a count of nothing, with nothing said of it.
    assert withdrawn.quantity.unit == "shops"
    assert withdrawn.name == "14 shops had their permits withdrawn (paragraph 8)"
