"""Claims get a verdict with the stated words; derived figures show their inputs verbatim.

tests/claims/claims.jsonl and derivations.jsonl are this project's own sets
(written while the rules were built, so they are a tuning set); bench/claims.py
scores the same files, and the lead runs it on a blind set.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

import tradebrief
from bench.claims import result_matches, score
from tradebrief import Answer, Briefing, Derivation, DerivedQuantity, Verdict
from tradebrief.engine.claims.derive import answer_derivation
from tradebrief.engine.claims.facts import Interval, compare
from tradebrief.engine.claims.numbers import read_numbers
from tradebrief.engine.claims.verdict import answer_claim
from tradebrief.engine.claims.vocabulary import ClaimWords, Relation
from tradebrief.engine.claims.words import claim_words, is_claim

SETS = Path(__file__).parent / "claims"


def _rows(name: str) -> list[dict[str, object]]:
    lines = (SETS / name).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


CLAIMS = _rows("claims.jsonl")
DERIVATIONS = _rows("derivations.jsonl")


@pytest.fixture(scope="module")
def briefing() -> Briefing:
    return tradebrief.load_briefing()


def _verbatim(briefing: Briefing, answer: Answer) -> None:
    for citation in answer.citations:
        assert citation.quote == briefing.source[citation.start : citation.end]


def test_the_sets_are_large_and_cover_every_verdict() -> None:
    assert len(CLAIMS) >= 80
    assert len(DERIVATIONS) >= 25
    verdicts = {row["verdict"] for row in CLAIMS}
    assert verdicts == {"yes", "no", "not_stated"}
    assert sum(row["result"] is None for row in DERIVATIONS) >= 10
    assert len({row["id"] for row in CLAIMS + DERIVATIONS}) == len(CLAIMS) + len(DERIVATIONS)


@pytest.mark.parametrize("row", CLAIMS, ids=lambda row: str(row["id"]))
def test_claim_gets_its_verdict_and_quotes_what_is_stated(
    briefing: Briefing, row: dict[str, object]
) -> None:
    answer = briefing.ask(str(row["question"]))
    assert answer.verdict is not None, answer.text
    assert answer.verdict.value == row["verdict"], answer.text
    lead = {"yes": "Yes. ", "no": "No. ", "not_stated": "Not stated. "}[str(row["verdict"])]
    assert answer.text.startswith(lead)
    unjudged = answer.text.startswith("Not stated. The briefing does not settle the claim")
    # a claim no rule judged keeps the ordinary answer's found (its passage may answer it)
    assert answer.found is (answer.verdict is not Verdict.NOT_STATED) or unjudged
    haystack = "\n".join([answer.text, *(c.quote for c in answer.citations)]).casefold()
    for expected in row["expect"]:  # type: ignore[attr-defined]
        assert str(expected).casefold() in haystack, (expected, answer.text)
    _verbatim(briefing, answer)


@pytest.mark.parametrize("row", DERIVATIONS, ids=lambda row: str(row["id"]))
def test_derivation_is_exact_with_inputs_cited_or_refused(
    briefing: Briefing, row: dict[str, object]
) -> None:
    answer = briefing.ask(str(row["question"]))
    _verbatim(briefing, answer)
    if row["result"] is None:
        assert answer.derivation is None and not answer.found, answer.text
        assert answer.text.startswith("The briefing does not say.")
        reasons = ("no figure for", "never mentions", "gives no", "Nothing in it matches")
        assert any(reason in answer.text for reason in reasons), answer.text
        assert 1 <= len(answer.suggestions) <= 3
        return
    derivation = answer.derivation
    assert derivation is not None, answer.text
    assert result_matches(answer, str(row["result"]), row["scale"]), derivation.result
    assert derivation.result.unit == row["unit"]
    quotes = [c.quote for c in derivation.inputs]
    for needed in row["inputs"]:  # type: ignore[attr-defined]
        assert any(str(needed) in quote for quote in quotes), (needed, quotes)
    assert answer.text.startswith("Derived, not stated:")
    assert derivation.expression in answer.text


def test_bench_scores_meet_the_targets() -> None:
    scores = score(SETS)
    assert scores.verdict_accuracy >= 0.95, scores.misses
    assert scores.wrong_yes_no_rate <= 0.01, scores.misses
    assert scores.derivation_accuracy == 1.0, scores.misses
    assert scores.refusal_rate == 1.0, scores.misses


def test_prior_year_notes_the_rounding_cross_check(briefing: Briefing) -> None:
    derivation = briefing.ask("What was trade in 2023?").derivation
    assert derivation is not None
    assert derivation.result == DerivedQuantity(
        value=Decimal("41.76"), scale=tradebrief.Scale.TRILLION, unit="CNY"
    )
    assert derivation.note is not None and "41.75" in derivation.note
    assert derivation.rounding == "to 2 decimal places"


def test_verdict_text_names_the_stated_figure_and_who_said_it(briefing: Briefing) -> None:
    answer = briefing.ask("did trade grow 6%?")
    assert answer.text == (
        "No. The briefing says 43.85 trillion yuan, up 5% year on year (Wang Lingjun, paragraph 5)."
    )
    assert answer.fact == briefing.metrics["total-trade"]


def test_questions_that_are_not_claims_get_no_verdict(briefing: Briefing) -> None:
    for question in ("What was total trade?", "Who chaired the briefing?", "When was it held?"):
        assert briefing.ask(question).verdict is None
        assert answer_claim(briefing, question) is None


@pytest.mark.parametrize(
    ("claimed", "stated", "verdict"),
    [
        (
            Interval(Decimal(120), Decimal("Infinity"), low_open=True),
            Interval(Decimal(150), Decimal("Infinity"), low_open=True),
            Verdict.YES,
        ),
        (
            Interval(Decimal(300), Decimal("Infinity"), low_open=True),
            Interval(Decimal(150), Decimal("Infinity"), low_open=True),
            Verdict.NOT_STATED,
        ),
        (
            Interval(Decimal("-Infinity"), Decimal(100), high_open=True),
            Interval(Decimal(150), Decimal("Infinity"), low_open=True),
            Verdict.NO,
        ),
        (
            Interval(Decimal(150), Decimal(150)),
            Interval(Decimal(150), Decimal("Infinity"), low_open=True),
            Verdict.NOT_STATED,
        ),
        (Interval(Decimal(5), Decimal(5)), Interval(Decimal(5), Decimal(5)), Verdict.YES),
    ],
)
def test_interval_comparison(claimed: Interval, stated: Interval, verdict: Verdict) -> None:
    assert compare(claimed, stated) is verdict


@pytest.mark.parametrize(
    ("text", "relation", "unit"),
    [
        ("Did total trade top 46 trillion yuan?", Relation.GT, "CNY"),
        ("Were fewer than 20 million vehicle crossings supervised?", Relation.LT, None),
        ("Was it roughly 5.6 billion tonnes?", Relation.ABOUT, "metric_ton"),
        ("Was it $5.74 trillion or more?", Relation.GE, "USD"),
        ("Did it grow 6%?", Relation.EQ, "percent"),
        ("Was it nearly 40 million?", Relation.NEARLY, None),
    ],
)
def test_read_numbers(text: str, relation: Relation, unit: str | None) -> None:
    (number,) = read_numbers(text)
    assert (number.relation, number.unit) == (relation, unit)


def test_years_are_not_claimed_numbers() -> None:
    assert read_numbers("Did trade grow in 2024?") == []


def test_claim_words_file_is_validated() -> None:
    good = claim_words().model_dump()
    with pytest.raises(ValidationError, match="scales"):
        ClaimWords.model_validate({**good, "scales": {"zillion": ["zn"]}})
    with pytest.raises(ValidationError, match="about_tolerance"):
        ClaimWords.model_validate({**good, "about_tolerance": "2"})


def test_derivation_needs_an_input() -> None:
    with pytest.raises(ValidationError, match="inputs"):
        Derivation(
            expression="1 + 1",
            result=DerivedQuantity(value=Decimal(2), unit="CNY"),
            rounding="none",
            inputs=(),
        )


@pytest.mark.parametrize("function", [answer_claim, answer_derivation])
@pytest.mark.parametrize("wrong", [None, 42, b"Did trade grow?", ["Did trade grow?"]])
def test_wrong_types_are_a_clear_error(briefing: Briefing, function: object, wrong: object) -> None:
    with pytest.raises(TypeError, match="must be a str"):
        function(briefing, wrong)  # type: ignore[operator]


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=120))
def test_any_text_is_judged_or_passed_on_never_raises(text: str) -> None:
    briefing = tradebrief.load_briefing()
    for function in (answer_claim, answer_derivation):
        answer = function(briefing, text)
        if answer is not None:
            _verbatim(briefing, answer)
            assert answer.verdict is None or answer.derivation is None
    is_claim(text)
    read_numbers(text)


@settings(max_examples=100, deadline=None)
@given(
    st.sampled_from(["Did total trade top", "Was total trade", "Did trade grow by", "Was it"]),
    st.decimals(min_value=0, max_value=10**6, places=2, allow_nan=False),
    st.sampled_from(["trillion yuan", "%", "million vehicle crossings", "cities", ""]),
)
def test_any_number_claim_gets_a_consistent_verdict(prefix: str, value: Decimal, unit: str) -> None:
    briefing = tradebrief.load_briefing()
    answer = briefing.ask(f"{prefix} {value}{'' if unit == '%' else ' '}{unit}?")
    if answer.verdict is not None:
        unjudged = answer.text.startswith("Not stated. The briefing does not settle the claim")
        # a claim no rule judged keeps the ordinary answer's found (its passage may answer it)
        assert answer.found is (answer.verdict is not Verdict.NOT_STATED) or unjudged
        _verbatim(briefing, answer)


WRONG_TYPES = st.one_of(st.none(), st.integers(), st.binary(), st.lists(st.text(max_size=3)))


@settings(max_examples=30, deadline=None)
@given(WRONG_TYPES)
def test_text_readers_reject_wrong_types_clearly(wrong: object) -> None:
    from tradebrief.engine.claims.words import has_phrase, not_given, words_of, years_in

    for reader in (is_claim, read_numbers, years_in, words_of):
        with pytest.raises(TypeError, match="must be a str"):
            reader(wrong)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="must be a str"):
        not_given(wrong, numbers=True)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="must be a str"):
        has_phrase("trade", wrong)  # type: ignore[arg-type]


_BOUND = st.decimals(min_value=-1000, max_value=1000, places=1, allow_nan=False)


@st.composite
def intervals(draw: st.DrawFn) -> Interval:
    low, high = sorted((draw(_BOUND), draw(_BOUND)))
    if low == high:
        return Interval(low, high)
    return Interval(low, high, low_open=draw(st.booleans()), high_open=draw(st.booleans()))


@settings(max_examples=300, deadline=None)
@given(intervals(), intervals())
def test_verdicts_follow_the_intervals(claimed: Interval, stated: Interval) -> None:
    verdict = compare(claimed, stated)
    if verdict is Verdict.YES:
        assert claimed.meets(stated) and claimed.holds(stated)
    if verdict is Verdict.NO:
        assert not claimed.meets(stated)
    assert claimed.holds(claimed)
    assert claimed.meets(stated) == stated.meets(claimed)


@settings(max_examples=100, deadline=None)
@given(
    st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False),
    st.sampled_from(list(tradebrief.Scale)),
    st.sampled_from(["CNY", "USD", "percent", "forms per day", "CNY per USD", "metric_ton"]),
)
def test_derived_quantity_describes_itself(
    value: Decimal, scale: tradebrief.Scale, unit: str
) -> None:
    quantity = DerivedQuantity(value=value, scale=scale, unit=unit)
    assert quantity.amount == value * Decimal(10) ** int(scale)
    assert f"{value:,f}" in quantity.describe()
    assert DerivedQuantity.model_validate_json(quantity.model_dump_json()) == quantity


@pytest.mark.parametrize(
    ("question", "value", "rounding"),
    [
        ("What was total trade in 2023?", "41.76", "to 2 decimal places"),
        ("What was total trade in 2023, to one decimal place?", "41.8", "to 1 decimal place"),
        ("What was total trade in 2023 (3 dp)?", "41.762", "to 3 decimal places"),
        ("What was total trade in 2023, to the nearest whole number?", "42", "whole number"),
        (
            "What yuan-per-dollar rate is implied by 42 trillion yuan ($5.74 trillion)? "
            "Round to 4 decimal places.",
            "7.3171",
            "to 4 decimal places",
        ),
    ],
)
def test_a_derived_figure_is_rounded_as_the_question_asks(
    question: str, value: str, rounding: str
) -> None:
    answer = tradebrief.load_briefing().ask(question)
    assert answer.derivation is not None
    assert f"{answer.derivation.result.value:f}" == value
    assert rounding in answer.derivation.rounding


@pytest.mark.parametrize(
    ("question", "value"),
    [
        (
            "The 2024 trade total of 43.85 trillion yuan was up 5% year on year. "
            "What 2023 total does that growth rate imply?",
            "41.76",
        ),
        (
            "With 88.38 million forms processed over 2024 (a leap year of 366 days), "
            "how many forms is that per day on average, to the nearest whole number?",
            "241475",
        ),
    ],
)
def test_a_premise_before_the_request_names_inputs_not_what_is_asked(
    question: str, value: str
) -> None:
    answer = tradebrief.load_briefing().ask(question)
    assert answer.derivation is not None
    assert f"{answer.derivation.result.value:f}" == value
