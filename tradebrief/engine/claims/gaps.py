"""Differences between stated figures: the total over a threshold, the gap between two.

Part of :mod:`tradebrief.engine.claims.derive`. "By how much did total trade
exceed the 43 trillion yuan threshold?" is 43.85 - 43; "How many dollars separate
the 42 and 43 trillion yuan thresholds?" is (43 - 42) converted at the rate the
briefing's own figures imply. Every input is cited.
"""

from __future__ import annotations

from decimal import Decimal

from tradebrief.answer import Answer, Citation
from tradebrief.engine.claims.arithmetic import derived_answer, exchange, rounded_result
from tradebrief.engine.claims.facts import metric_citation
from tradebrief.engine.claims.shares import names_quantity
from tradebrief.engine.claims.words import claim_words, has_any
from tradebrief.model import Briefing, Metric

__all__ = ["over_threshold"]

_MINUS = "\u2212"  # typographic minus, as in print


def over_threshold(
    briefing: Briefing, question: str, total: Metric, *, in_dollars: bool = False
) -> Answer | None:
    """How far the total was over a threshold; or the gap between two thresholds named.

    In dollars at the briefing's own rate when ``in_dollars``; ``None`` when the
    question names no threshold.
    """
    words = claim_words()
    thresholds = [
        m for m in briefing.metrics if any(w in m.keywords for w in words.threshold_words)
    ]
    named = [m for m in thresholds if names_quantity(question, m.quantity)]
    if not named and not has_any(question, words.threshold_words):
        return None
    if len(named) >= 2:  # "how far apart are the 42 and 43 trillion thresholds?"
        high, low = sorted(named[:2], key=lambda m: m.quantity.amount, reverse=True)
        return _between(briefing, question, high, low, in_dollars=in_dollars)
    below = [m for m in thresholds if m.quantity.amount <= total.quantity.amount]
    chosen = named[0] if named else max(below, key=lambda m: m.quantity.amount, default=None)
    if chosen is None or chosen.quantity.scale != total.quantity.scale:
        return None
    value = total.quantity.value - chosen.quantity.value
    expression = f"{total.quantity.value:f} {_MINUS} {chosen.quantity.value:f}"
    inputs: tuple[Citation, ...] = (
        metric_citation(briefing, total),
        metric_citation(briefing, chosen),
    )
    what = f"how far the total was over the {chosen.quantity.describe()} threshold"
    figures = (total, chosen)
    return _gap(briefing, question, value, figures, expression, inputs, what, in_dollars)


def _between(
    briefing: Briefing, question: str, high: Metric, low: Metric, *, in_dollars: bool
) -> Answer | None:
    """The gap between two stated figures the question names, in dollars when asked."""
    if high.quantity.scale != low.quantity.scale:
        return None
    value = high.quantity.value - low.quantity.value
    expression = f"{high.quantity.value:f} {_MINUS} {low.quantity.value:f}"
    inputs: tuple[Citation, ...] = (metric_citation(briefing, high), metric_citation(briefing, low))
    what = f"the gap between {high.quantity.describe()} and {low.quantity.describe()}"
    return _gap(briefing, question, value, (high, low), expression, inputs, what, in_dollars)


def _gap(
    briefing: Briefing,
    question: str,
    value: Decimal,
    figures: tuple[Metric, Metric],
    expression: str,
    inputs: tuple[Citation, ...],
    what: str,
    in_dollars: bool,
) -> Answer:
    """The difference of two stated figures as a derived answer, in dollars when asked.

    Converted at the briefing's own rate, whose pair of figures is cited too unless
    it is one of the two already ("how far over the 42 trillion yuan threshold").
    """
    base = figures[0].quantity
    rate = exchange(briefing) if in_dollars else None
    if rate is None:
        result = rounded_result(value, base.scale, base.unit)
        return derived_answer(question, expression, result, inputs, what)
    result = rounded_result(value * rate.factor, base.scale, "USD")
    if rate.pair not in figures:
        inputs = (*inputs, metric_citation(briefing, rate.pair))
    return derived_answer(
        question,
        f"({expression}) {rate.suffix()}",
        result,
        inputs,
        f"{what}, in US dollars",
        rate.note(),
    )
