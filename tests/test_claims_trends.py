"""Claims on a second set of uncurated briefings: which way a figure moved, and whose clause it is.

Each case failed on the first reading of tests/claims/uncurated2: a figure's
direction was judged only for total trade ("Did the number of migrant workers
fall?" was not stated); a money claim was judged on the first yuan figure of a
briefing ("cinemas earned more than 12 billion yuan?" against holiday
spending); "96.5% of them" lost what "them" was; "Of the 3,641 sections, 90.4%
met ..." lost its sections (the comma in 3,641 too); "Did carbon emissions fall
3%?" was No against a 60% share; "vice minister of culture and tourism" was not
of the Ministry of Culture and Tourism; "a year earlier" was read as a rate.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import tradebrief
from tradebrief import Briefing
from tradebrief.engine.claims.trends import judge_trend

ROOT = Path(__file__).parent.parent
UNCURATED3 = ROOT / "bench" / "blind_uncurated3" / "transcripts"
UNCURATED4 = ROOT / "bench" / "blind_uncurated4" / "transcripts"


@pytest.fixture(scope="module")
def briefings() -> dict[str, Briefing]:
    jobs = [UNCURATED4 / f"mohrss_jobs_2025_p{n}.txt" for n in (1, 2)]
    jobs_q3 = [UNCURATED3 / f"jobs_p{n}.txt" for n in (1, 2)]
    return {
        "national_day": tradebrief.load_briefing(UNCURATED3 / "tourism_p1.txt"),
        "jobs_q3": tradebrief.load_briefing(jobs_q3),
        "tourism": tradebrief.load_briefing(UNCURATED4 / "mct_spring_festival_2026.txt"),
        "jobs": tradebrief.load_briefing(jobs),
        "ecology": tradebrief.load_briefing(UNCURATED3 / "ecology_p1.txt"),
    }


@pytest.mark.parametrize(
    ("name", "claim", "verdict"),
    [
        ("jobs", "Did the number of migrant workers fall in 2025?", "no"),
        ("jobs", "Did the number of migrant workers rise?", "yes"),
        ("jobs", "Did the number of migrant workers fall in 2023?", "not_stated"),
        ("ecology", "Did the average PM2.5 concentration rise year on year?", "no"),
        ("ecology", "Did the average ozone concentration rise?", "yes"),
        ("ecology", "Did carbon emissions fall?", "not_stated"),
        # a comparison of two figures is no claim of one direction
        (
            "jobs",
            "Did the number of migrant workers rise faster than new urban jobs?",
            "not_stated",
        ),
        ("tourism", "Did cinemas earn more than 12 billion yuan at the box office?", "no"),
        ("tourism", "Did cinemas earn 9.6 billion yuan at the box office?", "yes"),
        ("tourism", "Were 96.5% of complaints settled within the holiday?", "yes"),
        ("tourism", "Were inbound entries by foreign visitors up 35% year on year?", "no"),
        ("tourism", "Is Lu Chengyang a deputy head of the Ministry of Culture and Tourism?", "yes"),
        ("tourism", "Did Lu Chengyang represent the Ministry of Culture and Tourism?", "yes"),
        (
            "ecology",
            "Did more than 95% of surface water sections meet Grade I to III standards?",
            "no",
        ),
        ("ecology", "Did carbon emissions fall 3%?", "not_stated"),
        ("jobs", "Did work-related injury insurance cover 306 million people?", "yes"),
        ("jobs", "Did unemployment insurance cover 306 million people?", "no"),
        ("jobs", "Did labor inspection authorities recover 2.3 billion yuan for workers?", "yes"),
        # found on tests/claims/uncurated3's first reading:
        # a number that is part of a name the text writes ("the 12345 hotline") is no figure
        ("national_day", "Did the 12345 hotline receive 5,127 tourism complaints?", "yes"),
        ("jobs_q3", "Did the three social insurance funds take in 6.41 trillion yuan?", "yes"),
        # "foreign nationals" names another count than the domestic trips
        ("national_day", "Did trips by foreign nationals total 1.46 million?", "yes"),
        ("national_day", "Did foreign nationals make 874.6 million trips?", "not_stated"),
        # the change of a figure is read in the figure's clause ("Rural tourism ...: 215 million
        # visits, up 9.8%")
        ("national_day", "Did rural tourism visits fall during the holiday?", "no"),
        # "monthly" names the figure itself: no month claimed of a year's figure
        ("jobs_q3", "Did the average monthly income of migrant workers reach 5,086 yuan?", "yes"),
        ("jobs_q3", "Did migrant workers' average monthly income exceed 6,000 yuan?", "no"),
        # revenue and spending stated apart: never a Yes on the revenue
        (
            "jobs_q3",
            "Did the social insurance funds spend more than 6 trillion yuan?",
            "not_stated",
        ),
    ],
)
def test_claims(briefings: dict[str, Briefing], name: str, claim: str, verdict: str) -> None:
    briefing = briefings[name]
    answer = briefing.ask(claim)
    assert answer.verdict is not None and answer.verdict.value == verdict, answer.text
    for citation in answer.citations:
        assert citation.quote == briefing.source[citation.start : citation.end]


@pytest.mark.parametrize(
    ("name", "question", "says"),
    [
        ("ecology", "What were carbon emissions a year earlier?", "no change to work back from"),
        ("tourism", "What was box office revenue the year before?", "so none is derived"),
    ],
)
def test_a_year_before_needs_a_change(
    briefings: dict[str, Briefing], name: str, question: str, says: str
) -> None:
    answer = briefings[name].ask(question)
    assert not answer.found and answer.derivation is None
    assert says in answer.text


def test_a_monthly_figure_has_a_year_before(briefings: dict[str, Briefing]) -> None:
    answer = briefings["jobs_q3"].ask(
        "What was migrant workers' average monthly income a year earlier?"
    )
    assert answer.derivation is not None, answer.text
    assert answer.derivation.expression == "5086 / (1 + 3.6%)"


def test_the_ozone_level_not_its_rate_is_derived(briefings: dict[str, Briefing]) -> None:
    answer = briefings["ecology"].ask("What was the average ozone concentration a year earlier?")
    assert answer.derivation is not None
    assert answer.derivation.expression == "149 / (1 + 1.9%)"


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        ("Did private firms account for 57% of the total?", "yes"),
        # a hyphenated subject is specific as a whole: not the private firms' share
        ("Did state-owned firms account for 30% of trade?", "not_stated"),
        ("Did private firms account for more than 60% of trade?", "no"),
    ],
)
def test_a_compound_subject(claim: str, verdict: str) -> None:
    pages = [ROOT / "tests" / "transcripts" / f"trade_p{n}.txt" for n in (1, 2, 3)]
    answer = tradebrief.load_briefing(pages).ask(claim)
    assert answer.verdict is not None and answer.verdict.value == verdict, answer.text


def test_a_figure_read_in_tonnes_is_in_metric_tons() -> None:
    ports = tradebrief.load_briefing(ROOT / "tests" / "transcripts" / "ports_2024.txt")
    answer = ports.ask("Did cargo throughput at ports reach 17.6 billion tonnes in 2024?")
    assert answer.verdict is not None and answer.verdict.value == "yes", answer.text
    answer = ports.ask("Did port cargo throughput top 20 billion tons?")
    assert answer.verdict is not None and answer.verdict.value == "no", answer.text


def test_a_comparison_is_no_direction() -> None:
    bundled = tradebrief.load_briefing()
    answer = bundled.ask("Did exports rise faster than imports in 2024?")
    assert answer.verdict is not None and answer.verdict.value == "not_stated", answer.text


@settings(max_examples=40, deadline=None)
@given(st.text(max_size=80))
def test_judge_trend_never_raises(briefings: dict[str, Briefing], claim: str) -> None:
    answer = judge_trend(briefings["jobs"], claim)
    assert answer is None or answer.verdict is not None


@pytest.mark.parametrize("bad", [None, 1.5])
def test_judge_trend_wants_text(briefings: dict[str, Briefing], bad: object) -> None:
    with pytest.raises(TypeError, match="must be a str"):
        judge_trend(briefings["jobs"], bad)  # type: ignore[arg-type]
