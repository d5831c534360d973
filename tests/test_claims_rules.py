"""Rules added after the second blind claims set: each is checked on claims written here.

The claims in tests/claims/claims.jsonl (c212 onwards) cover the same rules
through ``Briefing.ask``; these tests pin the pieces: the opening greeting, a
vague count's loose top, the same-sense words, and wrong input types.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import tradebrief
from bench.claims import units_match
from tradebrief import Briefing, Verdict
from tradebrief.engine.claims.facts import pick_metric, stated_interval
from tradebrief.engine.claims.numbers import read_numbers
from tradebrief.engine.claims.occasion import judge_time_of_day
from tradebrief.engine.claims.picking import best_count, money_fact
from tradebrief.engine.claims.roster import judge_acronym
from tradebrief.engine.claims.vocabulary import Relation
from tradebrief.quantities import Qualifier, Quantity
from tradebrief.spans import Span


@pytest.fixture(scope="module")
def briefing() -> Briefing:
    return tradebrief.load_briefing()


def _verbatim(briefing: Briefing, answer: tradebrief.Answer) -> None:
    for citation in answer.citations:
        assert citation.quote == briefing.source[citation.start : citation.end]


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        ("Did the news conference happen in the afternoon?", Verdict.NO),
        ("Was the press conference held in the morning?", Verdict.YES),
        ("Was this briefing an evening one?", Verdict.NO),
    ],
)
def test_the_opening_greeting_decides_the_part_of_day(
    briefing: Briefing, claim: str, verdict: Verdict
) -> None:
    answer = judge_time_of_day(briefing, claim)
    assert answer is not None and answer.verdict is verdict
    assert answer.citations[0].quote == "Ladies and gentlemen, good morning."
    _verbatim(briefing, answer)


@pytest.mark.parametrize(
    "claim",
    [
        "Did trade grow in the morning?",  # not about the briefing
        "Was the briefing held in the morning or the afternoon?",  # two parts named
        "Was the briefing held on Monday?",
    ],
)
def test_other_claims_are_left_to_other_rules(briefing: Briefing, claim: str) -> None:
    assert judge_time_of_day(briefing, claim) is None


def test_a_briefing_without_a_greeting_is_not_judged(briefing: Briefing) -> None:
    silent = briefing.model_copy(update={"paragraphs": tuple(briefing.paragraphs)[1:2]})
    assert judge_time_of_day(silent, "Was the briefing held in the afternoon?") is None


def test_a_stated_hundreds_has_a_loose_top() -> None:
    span = Span(start=0, end=8, quote="hundreds")
    hundreds = Quantity(value=Decimal(100), unit="count", qualifier=Qualifier.SEVERAL, span=span)
    interval = stated_interval(hundreds, Decimal("0.05"))
    assert (interval.low, interval.high, interval.high_open) == (200, 2000, True)


@settings(max_examples=80, deadline=None)
@given(st.text(max_size=80))
def test_any_text_is_judged_consistently_or_passed_on(text: str) -> None:
    briefing = tradebrief.load_briefing()
    answer = judge_time_of_day(briefing, text)
    if answer is not None:
        assert answer.verdict in (Verdict.YES, Verdict.NO)
        assert answer.found
        _verbatim(briefing, answer)


@settings(max_examples=20, deadline=None)
@given(st.one_of(st.none(), st.integers(), st.binary(), st.lists(st.text(max_size=3))))
def test_wrong_types_are_a_clear_error(wrong: object) -> None:
    with pytest.raises(TypeError, match="must be a str"):
        judge_time_of_day(tradebrief.load_briefing(), wrong)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("got", "expected", "same"),
    [
        ("USD", "US dollars", True),  # the same unit spelt two ways
        ("CNY per USD", "yuan per US dollar", True),
        ("CNY per day", "yuan", True),  # an expected unit without "per" names the measure
        ("forms per day", "customs declaration forms", True),
        ("metric_ton", "metric tons", True),
        ("USD", "CNY", False),
        ("USD per metric_ton", "CNY per metric_ton", False),
        ("vehicle crossings per day", "forms", False),
    ],
)
def test_units_are_compared_spelling_aside(got: str, expected: str, same: bool) -> None:
    assert units_match(got, expected) is same


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=30))
def test_a_unit_matches_itself(unit: str) -> None:
    assert units_match(unit, unit)
    assert not units_match(f"{unit} per day", f"{unit} per hour")


@pytest.mark.parametrize(
    ("claim", "low", "high"),
    [
        ("Were 88 million forms processed?", Decimal("87.5e6"), Decimal("88.5e6")),
        ("Did it reach 6 billion tons?", Decimal("6e9"), Decimal("6e9")),  # "reach": at least
        ("Was it 6 billion tons?", Decimal("6e9"), Decimal("6e9")),  # one digit: exact
        ("Was it 43.9 trillion yuan?", Decimal("43.85e12"), Decimal("43.95e12")),
    ],
)
def test_a_round_figure_is_read_at_its_own_precision(
    claim: str, low: Decimal, high: Decimal
) -> None:
    number = read_numbers(claim)[0]
    if number.relation is Relation.EQ:
        assert number.bounds(Decimal("0.05")) == (low, high)
    else:
        assert not number.is_round()


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=60), st.sampled_from(["SCIO", "GACC", "CPC", "WTO", "scio"]))
def test_any_acronym_claim_is_judged_on_the_spelled_out_name(name: str, acronym: str) -> None:
    briefing = tradebrief.load_briefing()
    answer = judge_acronym(briefing, f"Does {acronym} stand for {name}?")
    known = {o.acronym: o.name for o in briefing.organizations}
    if acronym.upper() not in known or not name.strip(" ?") or "?" in name:
        return
    assert answer is not None
    spelled = name.strip().removeprefix("the ").strip().casefold()
    assert (answer.verdict is Verdict.YES) is (spelled == known[acronym.upper()].casefold())
    _verbatim(briefing, answer)


@settings(max_examples=20, deadline=None)
@given(st.one_of(st.none(), st.integers(), st.binary()))
def test_acronym_judge_rejects_wrong_types(wrong: object) -> None:
    with pytest.raises(TypeError, match="must be a str"):
        judge_acronym(tradebrief.load_briefing(), wrong)  # type: ignore[arg-type]


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=60), st.decimals(min_value=1, max_value=100, places=2))
def test_a_claimed_amount_is_always_about_one_of_the_stated_figures(
    text: str, value: Decimal
) -> None:
    briefing = tradebrief.load_briefing()
    total = pick_metric(briefing)
    money = [(m, m.quantity) for m in briefing.metrics if m.quantity.unit == "CNY"]
    counts = [(m, m.count) for m in briefing.measures if m.count is not None]
    for number in read_numbers(f"{text} {value} trillion yuan"):
        assert money_fact(text, number, money, total) in money
        assert best_count(text, number, counts, {}) in counts


@settings(max_examples=20, deadline=None)
@given(st.one_of(st.none(), st.integers(), st.binary()))
def test_picking_rejects_wrong_types(wrong: object) -> None:
    briefing = tradebrief.load_briefing()
    number = read_numbers("Did trade top 43 trillion yuan?")[0]
    money = [(m, m.quantity) for m in briefing.metrics if m.quantity.unit == "CNY"]
    with pytest.raises(TypeError, match="must be a str"):
        money_fact(wrong, number, money, pick_metric(briefing))  # type: ignore[arg-type]


_PHRASE = st.text(alphabet="ab $-.", min_size=1, max_size=4)


@given(st.text(alphabet="aAb $-.x", max_size=20), st.lists(_PHRASE, max_size=5))
@settings(max_examples=300)
def test_has_any_is_any_has_phrase(text: str, phrases: list[str]) -> None:
    from tradebrief.engine.claims.words import has_any, has_phrase

    assert has_any(text, phrases) == any(has_phrase(text, p) for p in phrases)


@pytest.mark.parametrize(("text", "phrases"), [(None, ["a"]), ("a", [3]), (b"a", ["a"])])
def test_has_any_needs_text(text: object, phrases: list[object]) -> None:
    from tradebrief.engine.claims.words import has_any

    with pytest.raises(TypeError):
        has_any(text, phrases)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        # a post named with the speaking verb: the post decides
        ("Did Lin Shaobin appear as the director general of the GACC?", "no"),
        # a department named in full before "as its ..." is the title's own department
        (
            "Does Lin Shaobin work in the GACC's Department of General Operation"
            " as its deputy director general?",
            "yes",
        ),
        # compared with something the briefing gives no figure for
        ("Were the 88.38 million forms more than every port handled in 2023?", "not_stated"),
    ],
)
def test_claims_read_posts_departments_and_comparisons(question: str, verdict: str) -> None:
    answer = tradebrief.load_briefing().ask(question)
    assert answer.verdict is not None and answer.verdict.value == verdict, answer.text


@pytest.mark.parametrize(
    "question",
    [
        "By how many trillion yuan did the 43.85 trillion yuan total exceed the 43 trillion mark?",
        "What yuan-per-US-dollar rate does '42 trillion yuan ($5.74 trillion)' imply, to 2 dp?",
        "What was 2023's total implied by 43.85 trillion yuan and 5% growth (rounded to 2 dp)?",
    ],
)
def test_a_derivation_is_worded_many_ways(question: str) -> None:
    answer = tradebrief.load_briefing().ask(question)
    assert answer.found and answer.derivation is not None, answer.text
