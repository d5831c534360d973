"""A stated figure's clause: its bound read again, and the subject a claim must share with it.

Each case failed before the rule: "stayed above 190 million tons" was read as
exactly 190 million (a claim of "above 190 million" got No); a claim about
wind power alone was judged on the total capacity (Yes); a claim in percent
was judged on the first growth rate of the briefing, whatever it measured.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import tradebrief
from tradebrief import Briefing
from tradebrief.engine.claims.clauses import claim_part, figure_clause, stated_qualifier
from tradebrief.engine.claims.numbers import read_numbers
from tradebrief.engine.claims.overlap import unmatched_words
from tradebrief.quantities import Qualifier

TRANSCRIPTS = Path(__file__).parent / "transcripts"


@pytest.fixture(scope="module")
def energy() -> Briefing:
    return tradebrief.load_briefing(TRANSCRIPTS / "press_energy.txt")


@pytest.fixture(scope="module")
def statistics() -> Briefing:
    return tradebrief.load_briefing(TRANSCRIPTS / "statistics_figures.txt")


def _verdict(briefing: Briefing, claim: str) -> str:
    answer = briefing.ask(claim)
    assert answer.verdict is not None, answer.text
    for citation in answer.citations:
        assert citation.quote == briefing.source[citation.start : citation.end]
    return answer.verdict.value


def test_a_bound_before_an_exact_figure_is_read_again(energy: Briefing) -> None:
    coal = next(m for m in energy.metrics if "Coal" in m.name)
    assert coal.quantity.qualifier is Qualifier.EXACT  # as extracted
    assert stated_qualifier(energy, coal.quantity) is Qualifier.MORE_THAN
    total = energy.metrics[0]  # "reached 2.71 billion kilowatts": exact
    assert stated_qualifier(energy, total.quantity) is Qualifier.EXACT


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        ("Did coal inventories at major power plants stay above 190 million metric tons?", "yes"),
        ("Did coal inventories stay above 150 million tons?", "yes"),
        ("Did coal inventories fall below 100 million tons?", "no"),
        ("Did coal inventories top 250 million tons?", "not_stated"),
        # a rate in percent, not the capacity's growth
        ("Was the utilization rate of solar power above 98%?", "yes"),
        ("Was the solar utilization rate below 90%?", "no"),
        ("Did installed capacity grow more than 12% year on year?", "no"),
        # another subject than the figure's: never yes or no
        ("Did wind power capacity alone reach 1 billion kilowatts?", "not_stated"),
        ("Was hydropower capacity up 10.8%?", "not_stated"),
        ("Did electricity prices rise 5%?", "not_stated"),
    ],
)
def test_energy_claims(energy: Briefing, claim: str, verdict: str) -> None:
    assert _verdict(energy, claim) == verdict


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        ("Did pension insurance cover 412 million people?", "yes"),
        # the clause that names injury insurance gives 288 million, not the 412 million
        ("Did injury insurance cover more than 300 million people?", "no"),
        ("Did injury insurance cover 288 million people?", "yes"),
        # "first half" is this briefing's own period, and no multiplier ("half 61.2")
        ("Was output in the first half 61.2 trillion yuan?", "yes"),
        ("Was the surveyed vacancy rate 3.7% in the first half?", "yes"),
        ("Did investment in equipment rise by 4.2%?", "yes"),
        ("Was the surveyed vacancy rate above 5%?", "no"),
        ("Did output grow more than 6% year on year?", "no"),
    ],
)
def test_statistics_claims(statistics: Briefing, claim: str, verdict: str) -> None:
    assert _verdict(statistics, claim) == verdict


@pytest.fixture(scope="module")
def grain() -> Briefing:
    pages = [TRANSCRIPTS / f"press_agriculture_p{n}.txt" for n in (1, 2)]
    return tradebrief.load_briefing(pages)


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        # "an increase of 3.6 million tons": the rise, not the 149.8 million level
        ("Did summer grain output increase by 3.6 million tons?", "yes"),
        ("Did summer grain output fall by 3.6 million tons?", "no"),
        ("Did summer grain output rise by 5 million tons?", "no"),
        ("Did wheat output increase by 3.6 million tons?", "not_stated"),
        ("Did summer grain output reach 149.8 million metric tons?", "yes"),
        ("Did corn output reach 149.8 million tons?", "not_stated"),
    ],
)
def test_grain_claims(grain: Briefing, claim: str, verdict: str) -> None:
    assert _verdict(grain, claim) == verdict


def test_a_condition_in_the_text_is_no_period() -> None:
    holiday = tradebrief.load_briefing(TRANSCRIPTS / "holiday_figures.txt")
    assert _verdict(holiday, "Were 95.1% of complaints settled within 48 hours?") == "yes"
    assert _verdict(holiday, "Were domestic trips up more than 8% year on year?") == "no"


def test_a_digit_glued_to_a_word_is_no_figure() -> None:
    numbers = read_numbers("Were there 4.82 million 5G base stations?")
    assert [n.text for n in numbers] == ["4.82 million"]
    assert [n.text for n in read_numbers("Did trade top 46tn yuan?")] == ["top 46tn"]


def test_the_clause_of_a_figure(statistics: Briefing) -> None:
    pension = next(m for m in statistics.metrics if m.name.startswith("Pension"))
    clause = figure_clause(statistics, pension.evidence, pension.quantity.span)
    assert clause == "Pension insurance covered 412 million people"
    assert unmatched_words(
        statistics, "Did injury insurance cover 412 million?", pension, pension.quantity.span
    ) == ("injury",)


def test_a_claim_of_two_figures_is_split() -> None:
    claim = "Did customs handle 88.38 million forms and oversee 39.917 million vehicle crossings?"
    assert claim_part(claim, "39.917 million") == "oversee 39.917 million vehicle crossings?"
    assert claim_part(claim, "not there") == claim


@settings(max_examples=50, deadline=None)
@given(st.text(max_size=80), st.text(max_size=12))
def test_claim_part_is_a_part_of_the_claim(claim: str, number: str) -> None:
    assert claim_part(claim, number) in claim


@settings(max_examples=30, deadline=None)
@given(st.text(max_size=80))
def test_unmatched_words_are_words_of_the_claim(energy: Briefing, claim: str) -> None:
    total = energy.metrics[0]
    for word in unmatched_words(energy, claim, total, total.quantity.span):
        assert word in claim.casefold()


@pytest.mark.parametrize("bad", [None, 3, b"claim"])
def test_unmatched_words_wants_text(energy: Briefing, bad: object) -> None:
    total = energy.metrics[0]
    with pytest.raises(TypeError, match="must be a str"):
        unmatched_words(energy, bad, total, total.quantity.span)  # type: ignore[arg-type]
