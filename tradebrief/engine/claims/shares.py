"""Shares of the total and the growth rate the stated increment implies.

Part of :mod:`tradebrief.engine.claims.derive`. A share divides a part the question
names (the increment, a threshold) by the total; the implied growth rate divides
the increment by the year before's total (the total less the increment), and
says how it compares with the growth rate the briefing states.
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

from tradebrief.answer import Answer, Citation
from tradebrief.engine.claims.arithmetic import derived_answer, rounded_result
from tradebrief.engine.claims.facts import metric_citation
from tradebrief.engine.claims.words import claim_words, has_any, has_phrase
from tradebrief.engine.memo import per_briefing
from tradebrief.model import Briefing, Metric
from tradebrief.quantities import Quantity, Scale

__all__ = [
    "answer_share",
    "implied_growth",
    "implied_increment",
    "increment_metric",
    "names_quantity",
]

_HUNDRED = Decimal(100)
_MINUS, _TIMES = "\u2212", "\u00d7"


def increment_metric(briefing: Briefing, total: Metric) -> Metric | None:
    """The stated increase of the total (a metric keyed "increment"), if the briefing gives one."""

    def first() -> tuple[Metric, Metric | None]:
        found = (m for m in briefing.metrics if "increment" in m.keywords and m is not total)
        return total, next(found, None)

    # Kept per briefing (most asks look for it), beside the total it was found for.
    kept, increment = per_briefing(briefing, ("increment of", total.id), first)
    return increment if kept is total else first()[1]


def names_quantity(question: str, quantity: Quantity) -> bool:
    """Whether ``question`` writes the quantity's number ("2.1" for 2.1 trillion yuan)."""
    return f"{quantity.value:f}" in _written_numbers(question)


_NUMBER = re.compile(r"(?<![\d.])\d+(?:\.\d+)*")


@lru_cache(maxsize=256)
def _written_numbers(question: str) -> frozenset[str]:
    """The numbers a question writes, as written: read once, however many figures are compared.

    A library holds tens of thousands of figures; a pattern compiled per figure
    made asks that compare them all take tens of milliseconds.
    """
    return frozenset(_NUMBER.findall(question))


def _part(briefing: Briefing, question: str, total: Metric) -> Metric | None:
    """What the question takes a share of the total for: a yuan figure it names, or the increase."""
    named = [
        m
        for m in briefing.metrics
        if m is not total
        and m.quantity.unit == total.quantity.unit
        and names_quantity(question, m.quantity)
    ]
    if named:
        return named[0]
    growth = (*claim_words().direction["up"], "increment", "increase")
    if has_any(question, growth):
        return increment_metric(briefing, total)
    return None


def answer_share(briefing: Briefing, question: str, total: Metric) -> Answer | None:
    """A named part of the total (the increase, a threshold) as a percentage of it."""
    part = _part(briefing, question, total)
    if part is None or part.quantity.amount > total.quantity.amount:
        return None
    written = re.escape(f"{part.quantity.value:f}")
    if re.search(rf"\b(?:above|over|beyond|in excess of|past)\s+(?:the\s+)?{written}", question):
        return _share_above(briefing, question, total, part)  # "the amount above 43 trillion"
    value = part.quantity.amount / total.quantity.amount * _HUNDRED
    result = rounded_result(value, Scale.ONE, "percent")
    expression = f"{part.quantity.value:f} / {total.quantity.value:f} {_TIMES} 100"
    inputs = (metric_citation(briefing, part), metric_citation(briefing, total))
    if part is increment_metric(briefing, total):
        what = "the increase as a share of the total"
    else:
        what = f"{part.quantity.describe()} as a share of the total"
    return derived_answer(question, expression, result, inputs, what)


def _share_above(briefing: Briefing, question: str, total: Metric, floor: Metric) -> Answer:
    """The part of the total above a stated figure, as a percentage of the total."""
    above = total.quantity.amount - floor.quantity.amount
    result = rounded_result(above / total.quantity.amount * _HUNDRED, Scale.ONE, "percent")
    stated, under = total.quantity.value, floor.quantity.value
    expression = f"({stated:f} {_MINUS} {under:f}) / {stated:f} {_TIMES} 100"
    inputs = (metric_citation(briefing, total), metric_citation(briefing, floor))
    what = f"the part of the total above {floor.quantity.describe()}, as a share of it"
    return derived_answer(question, expression, result, inputs, what)


def _names_prior_year(question: str, total: Metric) -> bool:
    """Whether the question names the year before the total's ("the 2023 total")."""
    if any(has_phrase(question, w) for w in claim_words().year_before):
        return True
    period = total.period
    return bool(period and period.isdigit() and str(int(period) - 1) in question)


def _names_rate(question: str, total: Metric) -> bool:
    """Whether ``question`` writes the total's stated growth rate ("the 5% growth")."""
    change = total.change
    if change is None or change.unit != "percent":
        return False
    written = re.escape(f"{change.value:f}")
    return re.search(rf"(?<![\d.]){written}\s*(?:%|percent\b|per cent\b)", question) is not None


def implied_increment(briefing: Briefing, question: str, total: Metric) -> Answer | None:
    """The increase the stated growth rate implies: total - total / (1 + rate).

    Only when the question writes the rate ("5%") and asks for the increase
    (an increment word) without writing the stated increase itself.
    """
    increment = increment_metric(briefing, total)
    change = total.change
    if change is None or not _names_rate(question, total):
        return None
    asks = re.search(r"\b(?:increment|increase|rise|gain|addition)\b", question, re.I)
    if asks is None or (increment is not None and names_quantity(question, increment.quantity)):
        return None
    stated = total.quantity.value
    value = stated - stated / (1 + change.value / _HUNDRED)
    result = rounded_result(value, total.quantity.scale, total.quantity.unit)
    expression = f"{stated:f} {_MINUS} {stated:f} / (1 + {change.value:f}%)"
    inputs: tuple[Citation, ...] = (metric_citation(briefing, total),)
    note = None
    if increment is not None:
        note = (
            f"The briefing itself states an increase of {increment.quantity.describe()}; "
            "the difference is rounding in the stated figures."
        )
        inputs = (*inputs, metric_citation(briefing, increment))
    what = "the increase the stated growth rate implies"
    return derived_answer(question, expression, result, inputs, what, note)


def implied_growth(briefing: Briefing, question: str, total: Metric) -> Answer | None:
    """The growth rate the stated increment implies: increment / (total - increment) x 100.

    Only when the question asks for a rate and names the increment; a share of
    the total ("what percentage of the total was the increase?") is not a rate.
    """
    increment = increment_metric(briefing, total)
    if increment is None or increment.quantity.scale != total.quantity.scale:
        return None
    words = claim_words()
    share = has_any(question, words.share_words)
    of_prior = share and _names_prior_year(question, total)  # "a percentage of the 2023 total"
    if share and not of_prior:
        return None
    asks_rate = of_prior or has_any(question, words.rate_asked)
    if not asks_rate:
        return None  # no rate asked: whatever it names, there is nothing to imply
    named = (
        names_quantity(question, increment.quantity)
        or has_any(question, words.increment_named)
        or (of_prior and has_phrase(question, "increase"))  # "the increase as a share of 2023"
    )
    if not named:
        return None
    total_value, added = total.quantity.value, increment.quantity.value
    value = added / (total_value - added) * _HUNDRED
    result = rounded_result(value, Scale.ONE, "percent")
    expression = f"{added:f} / ({total_value:f} {_MINUS} {added:f}) {_TIMES} 100"
    inputs = (metric_citation(briefing, total), metric_citation(briefing, increment))
    note = None
    if total.change is not None and total.change.unit == "percent":
        note = (
            f"The briefing itself states growth of {total.change.value:f}%; the difference "
            "is rounding in the stated figures."
        )
    what = "the growth rate the stated increase implies"
    return derived_answer(question, expression, result, inputs, what, note)
