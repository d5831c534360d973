"""Derived figures: what the stated figures imply, shown as derived, with every input cited.

:func:`answer_derivation` computes, in :class:`~decimal.Decimal` arithmetic and
with the rounding stated, the figures a journalist most often works out from a
briefing: the prior-year value from a total and its growth, a conversion at the
rate the briefing's own figures imply, how far a total is over a threshold, the
increase as a share of the total, and per-day or per-month averages. When an
input is missing (exports alone, the surplus, a forecast, another year's
growth) it refuses and says which input. Any other question returns ``None``
and is answered as an ordinary question. Averages and ratios live in
:mod:`tradebrief.engine.claims.averages`, differences in
:mod:`tradebrief.engine.claims.gaps`; rounding, the answer and the refusal in
:mod:`tradebrief.engine.claims.arithmetic`.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

from tradebrief.answer import Answer, Citation
from tradebrief.engine.claims.arithmetic import (
    asks_dollars,
    derived_answer,
    exchange,
    refusal,
    rounded_result,
    subject_metric,
)
from tradebrief.engine.claims.averages import answer_average, answer_ratio, period_request
from tradebrief.engine.claims.facts import fact_rank, metric_citation, pick_metric
from tradebrief.engine.claims.gaps import over_threshold
from tradebrief.engine.claims.missing import missing_subject, only_the_period
from tradebrief.engine.claims.numbers import read_numbers
from tradebrief.engine.claims.prior import answer_prior
from tradebrief.engine.claims.shares import (
    answer_share,
    implied_growth,
    implied_increment,
    increment_metric,
    names_quantity,
)
from tradebrief.engine.claims.subjects import narrower_subject, unfamiliar_words
from tradebrief.engine.claims.words import (
    asked_part,
    claim_words,
    has_any,
    has_phrase,
    is_claim,
    require_text,
    words_of,
    years_in,
)
from tradebrief.model import Briefing, Metric
from tradebrief.quantities import Scale

__all__ = ["answer_derivation", "refusal"]

_HUNDRED = Decimal(100)
_MINUS, _TIMES = "\u2212", "\u00d7"  # typographic minus and times, as in print
_BASIS = re.compile(
    r"\b(?:compared (?:with|to)|than|over|from|on|against|versus|relative to)\s+(?:the\s+)?$"
)


_PREMISE_BREAK = re.compile(r"(?<=[.!])\s+(?=[A-Z])")


def answer_derivation(briefing: Briefing, question: str) -> Answer | None:
    """A derived figure, or a refusal naming the missing input; ``None`` for other questions.

    Example:
        >>> import tradebrief
        >>> b = tradebrief.load_briefing()
        >>> a = answer_derivation(b, "What was total trade in 2023?")
        >>> a.derivation.expression, a.derivation.result.value
        ('43.85 / (1 + 5%)', Decimal('41.76'))
        >>> answer_derivation(b, "What was trade per country and region?").derivation is None
        True
    """
    if not require_text(question).strip():
        return None
    # "Trade was 43.85 trillion, up 5%. What 2023 total does that imply?": the last
    # sentence asks; the ones before it state the premise.
    sentences = _PREMISE_BREAK.split(question.strip())
    if len(sentences) > 1 and sentences[-1].rstrip().endswith("?"):
        question = sentences[-1]
    if is_claim(question):
        return None
    asked = asked_part(question)
    answer = _derive(briefing, asked)
    if (answer is None or answer.derivation is None) and _premise_figures(question, asked):
        # "Based on the 43.85 trillion total and 5% growth, what was the implied increase?":
        # the premise names the inputs, so the request is read with it
        whole = _derive(briefing, question)
        if whole is not None and whole.derivation is not None:
            answer, asked = whole, question
    if answer is None:
        return None
    if answer.derivation is not None and unfamiliar_words(briefing, asked):
        return None  # "the minimum price of wheat per ton": the engine says it never mentions it
    other = _other_subject(briefing, asked, answer)
    if other:  # "e-commerce trade per day" is not the total per day
        what = ", ".join(repr(w) for w in other)
        answer = refusal(briefing, asked, f"{what} (its figures are for trade as a whole)")
    return answer.model_copy(update={"question": question})


def _premise_figures(question: str, asked: str) -> bool:
    """Whether the clause :func:`asked_part` left out names a figure ("43.85 trillion", "5%")."""
    premise = question[: max(0, len(question) - len(asked))]
    return bool(read_numbers(premise))


def _other_subject(briefing: Briefing, question: str, answer: Answer) -> tuple[str, ...]:
    """Words naming a narrower subject than the total a derivation started from.

    Every derivation from the total answers for trade as a whole; asked of
    e-commerce or one partner, it would answer another question.
    """
    total = pick_metric(briefing)
    if answer.derivation is None or total is None:
        return ()
    used = {(c.start, c.end) for c in answer.derivation.inputs}
    if (total.evidence.start, total.evidence.end) not in used:
        return ()
    return narrower_subject(briefing, question, total)


def _derive(briefing: Briefing, question: str) -> Answer | None:
    """The derivation ``question`` (its asked part only) requests, if any."""
    words = claim_words()
    asks_figure = has_any(question, words.figure_questions)
    asks_figure = asks_figure or _WHAT_FIGURE.search(question) is not None
    total = pick_metric(briefing)
    if _WORKING_DAYS.search(question):  # the briefing gives no count of working days
        return refusal(briefing, question, "the number of working days in the period")
    period = period_request(question)
    lacking = None if _converts(briefing, question) else missing_subject(briefing, question)
    if lacking is not None and not only_the_period(question):
        # "exports per day": refused here, since the ordinary answer might quote a date
        return lacking if period is not None or _PER_THING.search(question) else None
    prior = answer_prior(briefing, question)  # another figure's year before, or its rise
    if prior is not None and prior.derivation is not None:  # "monthly income a year earlier"
        return prior
    if period is not None and total is not None and asks_figure:
        # "how many forms a day?" asks for an average; "who said under an hour?" does not
        return answer_average(briefing, question, period)
    ratio = answer_ratio(briefing, question, total)
    if ratio is not None:
        return ratio
    dollars = asks_dollars(question)
    if not has_any(question, words.rate_excludes) and (
        has_any(question, words.rate_words) or (dollars and has_phrase(question, "rate"))
    ):
        return _rate(briefing, question)
    if prior is not None:
        return prior
    if total is None or total.change is None:
        return None
    added = implied_increment(briefing, question, total)  # "what increase does 5% imply?"
    if added is not None:
        return added
    growth = implied_growth(briefing, question, total)  # "what growth rate does 2.1 imply?"
    if growth is not None or not asks_figure:
        return growth
    year = _year_asked(question, total)
    difference = has_any(question, words.difference_words)
    share = has_any(question, words.share_words)
    if year is None and not (dollars or difference or share):
        return None  # nothing to derive from the total (checked first: ranking costs more)
    if _about_another_figure(briefing, question, total):
        return None  # "vehicle crossings in dollars" is not total trade in dollars
    if year is not None:
        return _other_year(briefing, question, total, year)
    if dollars and difference:  # "how much over the 43 trillion threshold, in dollars?"
        return over_threshold(briefing, question, total, in_dollars=True)
    if dollars:
        return _in_dollars(briefing, question, total)
    if share:
        return answer_share(briefing, question, total)
    if difference:
        return over_threshold(briefing, question, total)
    return None


_WHAT_FIGURE = re.compile(  # "What 2023 trade value is implied by ...?" asks for a figure
    r"^\s*what\b[^?]*?\b(?:value|figure|amount|total|sum|level|increment)\b[^?]*?"
    r"\b(?:implied|imply|implies|results?|resulting|comes? out|gives?|leaves?|remains?|would)\b",
    re.IGNORECASE,
)
_WORKING_DAYS = re.compile(r"\b(?:working|business|work|trading)\s+days?\b", re.IGNORECASE)
_PER_THING = re.compile(r"\b(?:per|each|for every|for each)\s+\w", re.IGNORECASE)


def _converts(briefing: Briefing, question: str) -> bool:
    """Whether the question asks for a stated yuan figure in dollars (the 2.1 trillion)."""
    return asks_dollars(question) and any(
        m.quantity.unit == "CNY" and names_quantity(question, m.quantity) for m in briefing.metrics
    )


def _about_another_figure(briefing: Briefing, question: str, total: Metric) -> bool:
    """Whether the question's best-matching fact is a figure other than total trade.

    The derivations below start from the total; asked of vehicle crossings or
    declaration forms, they would answer another question.
    """
    rank = fact_rank(briefing, question)
    if not rank:
        return False
    best = min(rank, key=rank.__getitem__)
    metric = briefing.metrics.get(best)
    if metric is None or metric.id == total.id or metric.quantity.is_money:
        return False
    unit = [w[:5] for w in words_of(metric.quantity.unit.replace("_", " ")) if len(w) > 3]
    return any(w.startswith(stem) for stem in unit for w in words_of(question))


def _year_asked(question: str, total: Metric) -> int | None:
    if total.period is None or not total.period.isdigit():
        return None
    period = int(total.period)
    lowered = question.casefold()
    for phrase in claim_words().year_before:
        at = lowered.find(phrase)
        if at >= 0 and not _BASIS.search(lowered[:at]):
            return period - 1
    for year in years_in(question):
        at = lowered.find(str(year))
        if year != period and not _BASIS.search(lowered[:at]):
            return year
    return None


def _is_trade(briefing: Briefing, question: str, total: Metric) -> bool:
    metric = subject_metric(briefing, question)
    return metric is None or metric is total or metric.quantity.is_money


def _other_year(briefing: Briefing, question: str, total: Metric, year: int) -> Answer:
    assert total.change is not None and total.period is not None
    period = int(total.period)
    rate = any(has_phrase(question, w) for w in ("rate", "percent", "percentage", "%", "grow"))
    if not _is_trade(briefing, question, total):
        metric = subject_metric(briefing, question)
        name = metric.name[0].lower() + metric.name[1:] if metric else "that figure"
        return refusal(
            briefing, question, f"{name} in {year}; that would need its growth in {period}"
        )
    if year != period - 1 or rate:
        earlier = f"the total for {year - 1}" if year == period - 1 else f"growth for {year + 1}"
        return refusal(briefing, question, f"trade in {year} (that needs {earlier})")
    citation = metric_citation(briefing, total)
    increment = increment_metric(briefing, total)
    if increment is not None and (
        any(has_phrase(question, w) for w in claim_words().increment_route)
        or names_quantity(question, increment.quantity)  # "43.85 less the 2.1 trillion"
    ):
        return _by_subtraction(question, briefing, total, increment, year)
    value = total.quantity.value / (1 + total.change.value / _HUNDRED)
    expression = f"{total.quantity.value:f} / (1 + {total.change.value:f}%)"
    conversion = exchange(briefing) if asks_dollars(question) else None
    if conversion is not None:  # converted unrounded, rounded once at the end
        usd = rounded_result(value * conversion.factor, total.quantity.scale, "USD")
        both = (citation, metric_citation(briefing, conversion.pair))
        what = f"total trade in {year} in US dollars"
        expression += f" {conversion.suffix()}"
        return derived_answer(question, expression, usd, both, what, conversion.note())
    result = rounded_result(value, total.quantity.scale, total.quantity.unit)
    inputs: tuple[Citation, ...] = (citation,)
    note = None
    increment = increment_metric(briefing, total)
    if increment is not None and increment.quantity.scale == total.quantity.scale:
        other = total.quantity.value - increment.quantity.value
        gap = abs(other - result.value)
        inputs = (citation, metric_citation(briefing, increment))
        note = (
            f"Subtracting the stated increment gives {total.quantity.value:f} {_MINUS} "
            f"{increment.quantity.value:f} = {other:f}; the {gap:f} difference is rounding "
            "in the stated figures."
        )
    return derived_answer(question, expression, result, inputs, f"total trade in {year}", note)


def _by_subtraction(
    question: str, briefing: Briefing, total: Metric, increment: Metric, year: int
) -> Answer:
    """The prior year as the total less the stated increment, when that is what is asked."""
    assert total.change is not None
    value = total.quantity.value - increment.quantity.value
    result = rounded_result(value, total.quantity.scale, total.quantity.unit)
    expression = f"{total.quantity.value:f} {_MINUS} {increment.quantity.value:f}"
    by_rate = total.quantity.value / (1 + total.change.value / _HUNDRED)
    note = (
        f"From the growth rate instead, {total.quantity.value:f} / (1 + "
        f"{total.change.value:f}%) = {by_rate.quantize(Decimal('0.01'), ROUND_HALF_UP)}; "
        "the difference is rounding in the stated figures."
    )
    inputs = (metric_citation(briefing, total), metric_citation(briefing, increment))
    return derived_answer(question, expression, result, inputs, f"total trade in {year}", note)


def _rate(briefing: Briefing, question: str) -> Answer:
    rate = exchange(briefing)
    if rate is None:
        return refusal(briefing, question, "a dollar equivalent of any yuan figure")
    value = 1 / rate.factor
    result = rounded_result(value, Scale.ONE, "CNY per USD")
    expression = f"{rate.yuan:f} / {rate.usd:f}"
    note = "The briefing states no exchange rate; this is the one its two figures imply."
    inputs = (metric_citation(briefing, rate.pair),)
    return derived_answer(question, expression, result, inputs, "the implied exchange rate", note)


def _in_dollars(briefing: Briefing, question: str, total: Metric) -> Answer | None:
    rate = exchange(briefing)
    if rate is None:
        return refusal(briefing, question, "a dollar equivalent of any yuan figure")
    named = [
        m
        for m in briefing.metrics
        if m.quantity.is_money and m.quantity.unit == "CNY" and names_quantity(question, m.quantity)
    ]
    source = named[0] if named else total
    if source is rate.pair:
        return None  # stated, not derived: the ordinary answer quotes it
    given = [n for n in read_numbers(question) if n.unit == "CNY"]
    if not named and given:  # "what is 1 trillion yuan in dollars?": the asker's own figure
        number = given[0]
        result = rounded_result(number.value * rate.factor, number.scale, "USD")
        expression = f"{number.value:f} {rate.suffix()}"
        own = rate.note("no such figure; the yuan amount is the question's own")
        pair = (metric_citation(briefing, rate.pair),)
        asked = f"{number.text} yuan in US dollars"
        return derived_answer(question, expression, result, pair, asked, own)
    if not named:  # the total converted answers "the earbuds in dollars" wrongly: refuse
        other = narrower_subject(briefing, question, total)
        if other or not _is_trade(briefing, question, total):
            metric = subject_metric(briefing, question)
            what = ", ".join(repr(w) for w in other) if other else None
            what = what or (metric.name[0].lower() + metric.name[1:] if metric else "that")
            return refusal(briefing, question, f"{what} in yuan to convert to dollars")
    value = source.quantity.value * rate.factor
    result = rounded_result(value, source.quantity.scale, "USD")
    expression = f"{source.quantity.value:f} {rate.suffix()}"
    inputs = (metric_citation(briefing, source), metric_citation(briefing, rate.pair))
    what = f"{source.quantity.describe()} in US dollars"
    note = rate.note()
    if source is increment_metric(briefing, total):
        note += (
            " This converts the yuan increase at one rate; growth measured in dollar terms "
            "would also need the year before's total in dollars, which is not given."
        )
    return derived_answer(question, expression, result, inputs, what, note)
