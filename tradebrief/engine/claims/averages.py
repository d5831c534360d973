"""Averages and ratios of stated totals: per day, hour or month, and value per declaration form.

Part of :mod:`tradebrief.engine.claims.derive`. A per-period average divides a total for the
year by the days (2024 had 366), hours or months in it; a ratio divides one
stated total by another that counts things exactly ("more than 150 countries"
is a bound and cannot divide: that is refused).
"""

from __future__ import annotations

import calendar
import re
from decimal import Decimal

from tradebrief.answer import Answer, Citation
from tradebrief.engine.claims.arithmetic import (
    MEASURED,
    asks_dollars,
    derived_answer,
    exchange,
    refusal,
    rounded_result,
    subject_metric,
)
from tradebrief.engine.claims.facts import metric_citation, pick_metric
from tradebrief.engine.claims.words import claim_words, has_any, has_phrase, words_of
from tradebrief.engine.index import index_for
from tradebrief.engine.text import analyze
from tradebrief.model import Briefing, Metric
from tradebrief.quantities import Qualifier, Scale

__all__ = ["answer_average", "answer_ratio", "period_request"]


_PER_THING = re.compile(r"\b(?:per|each|for every|for each)\s+((?:[\w-]+\s?){1,3})", re.I)


def answer_ratio(briefing: Briefing, question: str, total: Metric | None) -> Answer | None:
    """One figure per unit of another: trade value per declaration form, tons per crossing."""
    found = re.search(
        r"\b(?:per|each|for every|for each|an? average)\s+((?:[\w-]+\s?){1,3})", question, re.I
    )
    if found is None:
        return None
    named = found[1].casefold()
    denominators = [  # a count or a weight ("per metric ton"), never a percentage
        m
        for m in briefing.metrics
        if m is not total
        and not m.quantity.is_money
        and m.quantity.unit != "percent"
        and any(_same_unit(w, named) for w in _unit_and_keywords(m))
    ]
    if not denominators:
        return None
    if denominators[0].quantity.qualifier is not Qualifier.EXACT:  # "more than 150" cannot divide
        bound = denominators[0].quantity
        return refusal(
            briefing, question, f"an exact number of {bound.unit} (only {bound.describe()})"
        )
    below = denominators[0]
    rest = question[: found.start()] + question[found.end() :]
    rest = _IN_DOLLARS.sub(" ", rest)  # the currency asked for, not the figure divided
    above = subject_metric(briefing, rest)
    if above is None or above is below:  # "trade value per ton of goods supervised"
        if not any(
            has_phrase(rest, w) for w in (*claim_words().trade_words, *claim_words().value_words)
        ):
            return None  # "the average cost per form" is not trade value per form
        above = total
    weighed = below.quantity.unit in MEASURED  # only money goes over a weight
    if (
        above is None
        or above is below
        or not (above.quantity.is_money or (above.quantity.unit in MEASURED and not weighed))
        or above.quantity.unit == "percent"  # a rate per unit is no amount to divide
    ):
        return None
    value = above.quantity.amount / below.quantity.amount
    expression = (
        f"{above.quantity.value:f} {above.quantity.scale.word} / "
        f"{below.quantity.value:f} {below.quantity.scale.word}"
    )
    inputs: tuple[Citation, ...] = (
        metric_citation(briefing, above),
        metric_citation(briefing, below),
    )
    top_unit = above.quantity.unit
    notes = [
        "A plain ratio of two stated totals for the year; the briefing gives no such "
        "figure and does not say one total is carried by the other."
    ]
    conversion = exchange(briefing) if top_unit == "CNY" and asks_dollars(question) else None
    if conversion is not None:  # converted unrounded, rounded once at the end
        value, top_unit = value * conversion.factor, "USD"
        expression = f"({expression}) {conversion.suffix()}"
        inputs = (*inputs, metric_citation(briefing, conversion.pair))
        notes.append(conversion.note("no dollar figure for it"))
    per = _singular(below.quantity.unit)
    result = rounded_result(value, Scale.ONE, f"{top_unit} per {per}")
    what = f"the {above.name[0].lower()}{above.name[1:]} per {per.replace('_', ' ')}"
    if conversion is not None:
        what += " in US dollars"
    return derived_answer(question, expression, result, inputs, what, " ".join(notes))


_IN_DOLLARS = re.compile(r"\b(?:in\s+)?(?:us\s+|u\.s\.\s+)?(?:dollars?|usd)\b", re.IGNORECASE)


def _unit_and_keywords(metric: Metric) -> list[str]:
    """Words that name what a metric counts: its unit and its one-word keywords."""
    words = [w for w in words_of(metric.quantity.unit) if w != "and"]
    return words + [k for k in metric.keywords if " " not in k]


def _same_unit(word: str, named: str) -> bool:
    return any(_singular(word)[:5] == _singular(n)[:5] for n in words_of(named))


def _singular(unit: str) -> str:
    words = unit.split()
    return " ".join([*words[:-1], re.sub(r"(?<=\w\w)s$", "", words[-1])]) if words else unit


def period_request(question: str) -> str | None:
    """Which period (day, hour or month) the question asks an average for, if any."""
    for period, phrases in claim_words().per_period.items():
        if has_any(question, phrases):
            return period
    return None


def answer_average(briefing: Briefing, question: str, period: str) -> Answer | None:
    """A stated total for the year averaged per ``period`` ("day", "hour" or "month").

    ``None`` when the figure it would average lacks what the question names: "the
    daily visitor ceiling" or "the average monthly income of guides" is no average of
    the guides trained, and the ordinary answer is the right one.
    """
    total = pick_metric(briefing)
    metric = subject_metric(briefing, _IN_DOLLARS.sub(" ", question)) or total
    assert metric is not None
    if metric is total and any(has_phrase(question, w) for w in claim_words().growth_words):
        # "trade growth per month" averages the increase, not the total
        metric = next((m for m in briefing.metrics if "increment" in m.keywords), metric)
    if _lacking(briefing, question, metric):
        return None  # "the average monthly income of guides" is not 86,000 guides a month
    if not metric.period or not metric.period.isdigit():
        return refusal(briefing, question, f"the period {metric.name.lower()} covers")
    year = int(metric.period)
    days = 366 if calendar.isleap(year) else 365
    divisors = {"day": Decimal(days), "month": Decimal(12), "hour": Decimal(days * 24)}
    divisor, label = divisors[period], period
    quantity = metric.quantity
    counted = not quantity.is_money and quantity.unit not in ("metric_ton", "percent")
    value, unit = quantity.value / divisor, quantity.unit
    expression = f"{quantity.value:f} {quantity.scale.word} / {divisor}".replace("  ", " ")
    inputs: tuple[Citation, ...] = (metric_citation(briefing, metric),)
    conversion = exchange(briefing) if unit == "CNY" and asks_dollars(question) else None
    if conversion is not None:  # converted unrounded, rounded once at the end
        value, unit = value * conversion.factor, "USD"
        expression = f"{expression} {conversion.suffix()}"
        inputs = (*inputs, metric_citation(briefing, conversion.pair))
    result = rounded_result(value, quantity.scale, f"{unit} per {label}", in_units=counted)
    length = {
        "day": f"{year} had {days} days",
        "month": "a year has 12 months",
        "hour": f"{year} had {days} days of 24 hours",
    }[label]
    adjective = {"day": "daily", "month": "monthly", "hour": "hourly"}[label]
    note = f"An average over the year ({length}); the briefing gives no {adjective} figures."
    what = f"{quantity.describe()} averaged per {label}"
    if conversion is not None:
        note += " " + conversion.note("no dollar figure for it")
        what += " in US dollars"
    return derived_answer(question, expression, result, inputs, what, note)


def _lacking(briefing: Briefing, question: str, metric: Metric) -> list[str]:
    """Specific words of the question that the metric to average lacks ("income")."""
    index = index_for(briefing)
    own = " ".join((metric.evidence.quote, metric.name, *metric.keywords))
    # The period and currency asked for are the derivation's, not the figure's subject.
    periods = " ".join(p for phrases in claim_words().per_period.values() for p in phrases)
    has = set(analyze(f"{own} {periods} {_CURRENCIES}", index.lexicon))
    return [
        term
        for term in dict.fromkeys(analyze(question, index.lexicon))
        if term in index.specific and term not in has and not term[0].isdigit()
    ]


_CURRENCIES = "dollars usd yuan rmb renminbi"
