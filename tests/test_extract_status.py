"""What a figure is, besides its value: done or to come, its own year or a basis, what it counts.

``status_figures.txt`` is our own transcript in the china.org.cn layout, with
constructions that made uncurated answers confidently wrong: a count of ships on
order beside the count in service, a year named only as a basis ("104% of the
level in the same period of 2019"), and a sentence that mentions alerts but
counts boats.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import tradebrief
from tradebrief import Metric
from tradebrief.extract import extract_metrics
from tradebrief.figure_context import (
    basis_years,
    figure_period,
    figure_scope,
    figure_subject,
    months_covered,
    period_months,
    period_words,
    without_basis_years,
)
from tradebrief.figure_names import figure_question
from tradebrief.figure_status import asked_status, figure_status
from tradebrief.parse import parse_pages
from tradebrief.quantities import find_numbers

TRANSCRIPTS = Path(__file__).parent / "transcripts"


@pytest.fixture(scope="module")
def ports() -> tradebrief.Briefing:
    return tradebrief.load_briefing(TRANSCRIPTS / "status_figures.txt")


def metric(briefing: tradebrief.Briefing, quote: str) -> Metric:
    return next(m for m in briefing.metrics if m.quantity.span.quote == quote)


@pytest.mark.parametrize(
    ("sentence", "figure", "status"),
    [
        (
            "A further 36 dredgers are on order, adding to the 212 dredgers now in service.",
            "36",
            "on order",
        ),
        (
            "A further 36 dredgers are on order, adding to the 212 dredgers now in service.",
            "212",
            "achieved",
        ),
        ("Next year, we plan to build 45 new deep-water berths.", "45", "planned"),
        (
            "Jobs reached 10.5 million, 88.5% of the annual target of 12 million.",
            "12 million",
            "target",
        ),
        (
            "Jobs reached 10.5 million, 88.5% of the annual target of 12 million.",
            "10.5 million",
            "achieved",
        ),
        ("We expect about 148 million passenger trips.", "148 million", "planned"),
        (
            "We will train teachers, with the aim of training 1 million technicians.",
            "1 million",
            "target",
        ),
    ],
)
def test_a_figure_status_is_read_from_its_own_clause(
    sentence: str, figure: str, status: str
) -> None:
    start = sentence.index(figure)
    assert figure_status(sentence, start, start + len(figure)) == status


@pytest.mark.parametrize(
    ("question", "status"),
    [
        ("How many dredgers are currently on order?", "on order"),
        ("How many dredgers were delivered in 2025?", "achieved"),
        ("How many berths will be built next year?", "planned"),
        ("What is the target for new jobs?", "target"),
        ("What was total cargo throughput?", None),
        ("Who said seven of the eight binding targets had been met?", None),  # asks for a person
    ],
)
def test_a_question_asks_for_a_status_only_in_its_own_words(
    question: str, status: str | None
) -> None:
    assert asked_status(question) == status


def test_extracted_figures_record_their_status_and_subject(ports: tradebrief.Briefing) -> None:
    # Before: both counts were "dredgers" alike, so "how many are on order" was answered by
    # the 212 in service.
    assert metric(ports, "36").status == "on order"
    assert metric(ports, "212").status == "achieved"
    assert metric(ports, "45").status == "planned"
    assert metric(ports, "8.6 billion tons").subject == "ports"


def test_a_basis_year_is_not_the_figure_s_period(ports: tradebrief.Briefing) -> None:
    # Before: period "2019", and every later sentence of the paragraph dated 2019 too.
    trips = metric(ports, "41.5 million")
    assert trips.period == "first half of 2026"  # carried from the paragraph before
    share = metric(ports, "104%")
    assert share.period == "first half of 2026"
    assert share.compared_with == "2019"
    assert trips.compared_with is None  # the basis follows the 104%, not the trips


def test_on_order_is_not_answered_by_the_count_in_service(ports: tradebrief.Briefing) -> None:
    answer = ports.ask("How many dredgers are on order?")
    assert answer.found and "36" in answer.text
    answer = ports.ask("How many dredgers are in service?")
    assert answer.found and "212" in answer.text


def test_a_count_of_other_things_does_not_answer_how_many(ports: tradebrief.Briefing) -> None:
    # Before: "How many storm alerts" was answered with the 2,700 fishing boats.
    answer = ports.ask("How many storm alerts were sent out?")
    assert not answer.found
    answer = ports.ask("How many navigation warnings were issued?")
    assert answer.found and "480" in answer.text


def test_a_year_named_only_as_a_basis_does_not_answer_for_that_year(
    ports: tradebrief.Briefing,
) -> None:
    assert ports.ask("How many ferry passenger trips were there in 2026?").found
    assert not ports.ask("How many ferry passenger trips were there in 2019?").found


def test_basis_years_are_blanked_in_place() -> None:
    text = (
        "Flights were still below 2019; routes went beyond the 2019 level, and in 2025 trips grew."
    )
    assert basis_years(text) == ("2019", "2019")
    blanked = without_basis_years(text)
    assert len(blanked) == len(text) and "2019" not in blanked and "2025" in blanked
    assert figure_period("Trips reached 96% of the level of 2019.", dt.date(2025, 7, 1)) is None


@given(st.text(max_size=80))
def test_status_readers_take_any_text(text: str) -> None:
    assert asked_status(text) in (None, "achieved", "planned", "on order", "target")
    assert len(without_basis_years(text)) == len(text)
    assert all(y.isdigit() for y in basis_years(text))
    for mention in find_numbers(text):
        assert figure_status(text, mention.start, mention.end) in (
            "achieved",
            "planned",
            "on order",
            "target",
        )


@pytest.mark.parametrize("bad", [None, 3, b"text", ["a"]])
def test_status_readers_refuse_what_is_not_text(bad: object) -> None:
    with pytest.raises(TypeError):
        asked_status(bad)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        basis_years(bad)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        without_basis_years(bad)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        figure_status(bad, 0, 0)  # type: ignore[arg-type]


def test_figure_status_refuses_offsets_outside_the_sentence() -> None:
    with pytest.raises(ValueError, match="outside"):
        figure_status("up 5%", 3, 40)
    with pytest.raises(TypeError):
        figure_status("up 5%", True, 2)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("sentence", "figure", "subject"),
    [
        # Before: "solar power capacity" (the figure before's verb is left out).
        (
            "Of this, solar power capacity stood at 1.13 billion kilowatts and wind power "
            "capacity at 598 million kilowatts.",
            "598",
            "wind power capacity",
        ),
        (
            "The length of railways reached 165,000 km, with high-speed lines at 50,100 km.",
            "50,100",
            "high-speed lines",
        ),
        # Before: "time it" (a clause, not a name).
        ("For the first time it exceeded 10 trillion kilowatt-hours.", "10 trillion", ""),
        # A verb before "to" is no left-out subject.
        ("Trips rose 27.4%, and returned to 96% of the level of 2019.", "96%", ""),
    ],
)
def test_a_figure_whose_verb_is_left_out_is_named_by_its_own_words(
    sentence: str, figure: str, subject: str
) -> None:
    assert figure_subject(sentence, sentence.index(figure)) == subject


def test_a_date_or_the_whole_country_is_no_scope() -> None:
    # Before: "national peak load in July 16", "in country 52,000 automatic rain gauges".
    assert figure_scope("On July 16, the national peak load reached 1.52 billion kilowatts.") == ""
    assert figure_scope("Across the country, there are now 52,000 rain gauges.") == ""
    assert figure_scope("In the Haihe River basin, 84 reservoirs were operated.") != ""


def test_a_part_of_a_whole_is_found_by_the_whole_s_words() -> None:
    text = (
        "Installed renewable capacity hit 2.2 billion kilowatts. Of this, solar power capacity "
        "stood at 1.1 billion kilowatts and wind power capacity at 0.6 billion kilowatts."
    )
    page = (TRANSCRIPTS / "status_figures.txt").read_text(encoding="utf-8")
    page = page.replace("Next year, we plan to build 45 new deep-water berths.", text)
    metrics = extract_metrics(parse_pages([page]))
    solar = next(m for m in metrics if m.quantity.span.quote.startswith("1.1 billion"))
    assert solar.subject == "solar power capacity"
    assert {"installed", "renewable"} <= {k.casefold() for k in solar.keywords}
    wind = next(m for m in metrics if m.quantity.span.quote.startswith("0.6 billion"))
    assert wind.subject == "wind power capacity"


@pytest.mark.parametrize(
    ("parts", "counted", "status", "question"),
    [
        (("Crude oil output", "", ""), False, "achieved", "What was the crude oil output?"),
        (
            ("wind power capacity", "kilowatts", ""),
            True,
            "achieved",
            "What was the wind power capacity?",
        ),
        (
            ("", "travel agencies", "investigated"),
            True,
            "achieved",
            "How many travel agencies were investigated?",
        ),
        (("", "berths", "built"), True, "planned", "How many berths will be built?"),
        (
            ("International passenger trips", "", ""),
            True,
            "achieved",
            "How many international passenger trips?",
        ),
        # Who did it is no thing measured: "What was the hydrological departments?" is no question.
        (
            ("Hydrological departments", "flood warnings", ""),
            True,
            "achieved",
            "What does the briefing say about Hydrological departments flood warnings?",
        ),
        (("", "kilowatts", ""), True, "achieved", "What does the briefing say about kilowatts?"),
    ],
)
def test_an_extracted_figure_is_suggested_as_a_plain_question(
    parts: tuple[str, str, str], counted: bool, status: str, question: str
) -> None:
    subject, noun, said = parts
    assert figure_question(subject, noun, said, counted=counted, status=status) == question


def test_declining_on_an_uncurated_briefing_suggests_plain_questions(
    ports: tradebrief.Briefing,
) -> None:
    # Before: "What does the briefing say about ports?" and the like.
    answer = ports.ask("What was the trade surplus?")
    assert not answer.found
    assert "What was the ports?" not in answer.suggestions
    assert any(s.startswith(("How many", "What was the")) for s in answer.suggestions)
    for suggestion in answer.suggestions:
        assert ports.ask(suggestion).found, suggestion


@given(st.text(max_size=30), st.text(max_size=30), st.text(max_size=30), st.booleans())
def test_figure_question_takes_any_words(subject: str, noun: str, said: str, counted: bool) -> None:
    question = figure_question(subject, noun, said, counted=counted, period="2025")
    assert question == "" or question.endswith("?")


@pytest.mark.parametrize("bad", [None, 3, b"x"])
def test_figure_question_refuses_what_is_not_text(bad: object) -> None:
    with pytest.raises(TypeError):
        figure_question(bad, "", "", counted=True)  # type: ignore[arg-type]
    if bad is not None:  # no period is None
        with pytest.raises(TypeError):
            figure_question("", "", "", counted=True, period=bad)  # type: ignore[arg-type]


def test_a_figure_given_in_both_currencies_carries_its_equivalent() -> None:
    # Before: equivalent=None, so "What was the travelers' total spending in dollars?" was
    # declined as stating no dollar equivalent of any yuan figure.
    holiday = tradebrief.load_briefing(TRANSCRIPTS / "holiday_figures.txt")
    spent = metric(holiday, "702.6 billion yuan")
    assert spent.equivalent is not None
    assert (spent.equivalent.unit, spent.equivalent.span.quote) == ("USD", "$96.5 billion")
    assert spent.equivalent.span in spent.figure_spans
    answer = holiday.ask("What was the travelers total spending in dollars?")
    assert answer.found and "$96.5 billion" in answer.text
    trips = metric(holiday, "612.4 million")
    assert trips.equivalent is None


def test_a_day_of_a_month_dates_the_figure_and_its_season() -> None:
    # Before: no period, and "national peak load in July 16" as the figure's name.
    held = dt.date(2026, 1, 20)
    period = figure_period("On July 16, the national peak load reached 1.52 billion kW.", held)
    assert period == "July 2025"
    assert period_words(period) == ("summer",)
    assert period_words("December 2025") == ("winter",)


def test_remarks_keep_their_period_past_a_paragraph_that_opens_with_a_figure() -> None:
    page = (TRANSCRIPTS / "status_figures.txt").read_text(encoding="utf-8")
    page = page.replace(
        "Next year, we plan to build 45 new deep-water berths.",
        "Ports in the west handled 1.2 billion tons.\n\nInvestment stayed strong. Investment in "
        "port projects reached 210 billion yuan.",
    )
    metrics = extract_metrics(parse_pages([page]))
    invested = next(m for m in metrics if m.quantity.span.quote == "210 billion yuan")
    # Before: None, since the paragraph before it (opening with a figure) named no period.
    assert invested.period == "first half of 2026"


def test_a_figure_said_of_without_a_subject_is_found_by_the_topic_before_it() -> None:
    page = (TRANSCRIPTS / "status_figures.txt").read_text(encoding="utf-8")
    page = page.replace(
        "Next year, we plan to build 45 new deep-water berths.",
        "The harbor injury insurance pilot for dock workers in small ports now covers nine "
        "provinces. By the end of June, 310,000 workers were covered.",
    )
    metrics = extract_metrics(parse_pages([page]))
    provinces = next(m for m in metrics if m.quantity.span.quote == "nine")
    # Before: no subject (eleven words are a clause, not a name).
    assert provinces.subject == "harbor injury insurance pilot"
    covered = next(m for m in metrics if m.quantity.span.quote == "310,000")
    # Before: found only by "workers covered", not by the pilot that covers them.
    assert {"pilot", "insurance"} <= set(covered.keywords)


def test_a_count_of_part_of_a_whole_counts_the_whole_s_noun() -> None:
    page = (TRANSCRIPTS / "status_figures.txt").read_text(encoding="utf-8")
    page = page.replace(
        "Next year, we plan to build 45 new deep-water berths.",
        "Cargo volumes rose in seven of the nine coastal provinces.",
    )
    metrics = extract_metrics(parse_pages([page]))
    seven = next(m for m in metrics if m.quantity.span.quote == "seven")
    # Before: unit "count" and the name "Cargo volumes seven", as if it measured the volumes.
    assert seven.quantity.unit == "coastal provinces"
    assert "coastal provinces" in seven.name


def test_a_sentence_reporting_progress_on_a_target_dates_the_sentences_after_it() -> None:
    page = (TRANSCRIPTS / "status_figures.txt").read_text(encoding="utf-8")
    page = page.replace(
        "Next year, we plan to build 45 new deep-water berths.",
        "From January to May, ports hired 5,000 dockers, 62% of the annual target of 8,000. "
        "Their average wage rose 4%. We will hire 2,000 more by December 2027. Turnover fell 3%.",
    )
    metrics = {m.quantity.span.quote: m for m in extract_metrics(parse_pages([page]))}
    # Before: None, because "target" in the sentence before kept its period to itself.
    assert metrics["4%"].period == "January to May 2026"
    # A plan dates only itself: the sentence after it keeps the period before.
    assert metrics["3%"].period == "January to May 2026"


@pytest.mark.parametrize(
    ("text", "months"),
    [
        ("in the first half", (1, 6)),
        ("over the first six months", (1, 6)),
        ("from January to September", (1, 9)),
        ("in the third quarter", (7, 9)),
        ("at the end of June", (6, 6)),
        ("in 2025", None),
    ],
)
def test_months_a_question_names(text: str, months: tuple[int, int] | None) -> None:
    assert months_covered(text) == months


def test_months_a_period_covers() -> None:
    assert period_months("2025") == (1, 12)
    assert period_months("end of 2025") == (12, 12)
    assert period_months("end of June 2025") == (6, 6)
    assert period_months("first half of 2026") == (1, 6)
    assert period_months("since July 2021") is None
    assert period_months(None) is None


def test_a_whole_year_figure_does_not_answer_for_the_first_half(tmp_path: Path) -> None:
    page = (TRANSCRIPTS / "status_figures.txt").read_text(encoding="utf-8")
    page = page.replace(
        "Next year, we plan to build 45 new deep-water berths.",
        "In the first half, ships waited 9.5 hours at anchor on average. For the whole of "
        "2025, the berth utilization rate was 81.5%.",
    )
    page_file = tmp_path / "ports.txt"
    page_file.write_text(page, encoding="utf-8")
    ports = tradebrief.load_briefing(page_file)
    # Before: answered with the whole year's 81.5%, as fact and as passage.
    answer = ports.ask("What was the berth utilization rate in the first half?")
    assert not answer.found
    assert "covers 'the whole year', not 'first half'" in answer.text
    assert ports.ask("What was the berth utilization rate in 2025?").found


@given(st.text(max_size=40))
def test_month_readers_take_any_text(text: str) -> None:
    for months in (months_covered(text), period_months(text)):
        assert months is None or 1 <= months[0] <= months[1] <= 12


@pytest.mark.parametrize("bad", [3, b"x", ["first half"]])
def test_month_readers_refuse_what_is_not_text(bad: object) -> None:
    with pytest.raises(TypeError):
        months_covered(bad)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        period_months(bad)  # type: ignore[arg-type]


def test_a_generic_head_is_found_by_the_thing_named_before_it() -> None:
    page = (TRANSCRIPTS / "status_figures.txt").read_text(encoding="utf-8")
    page = page.replace(
        "Next year, we plan to build 45 new deep-water berths.",
        "Fishing ports landed 12 million tons of fish. The average price was 9.5 yuan per "
        "kilogram.",
    )
    metrics = extract_metrics(parse_pages([page]))
    price = next(m for m in metrics if m.quantity.span.quote.startswith("9.5 yuan"))
    # Before: found only by "average price per kilogram", not by the fish it is the price of.
    assert price.subject == "average price"
    assert "fish" in price.keywords
    landed = next(m for m in metrics if m.quantity.span.quote.startswith("12 million"))
    assert "price" not in landed.keywords


def test_a_long_counted_noun_phrase_still_counts_its_head(tmp_path: Path) -> None:
    page = (TRANSCRIPTS / "status_figures.txt").read_text(encoding="utf-8")
    page = page.replace(
        "Next year, we plan to build 45 new deep-water berths.",
        "Crews repainted 3,400 old inland river navigation buoys.",
    )
    page_file = tmp_path / "ports.txt"
    page_file.write_text(page, encoding="utf-8")
    ports = tradebrief.load_briefing(page_file)
    # Before: "counts old, not buoy": only the first three words after the count were read.
    answer = ports.ask("How many navigation buoys were repainted?")
    assert answer.found and "3,400" in answer.text
