"""Derived figures: what the stated figures imply, shown as derived, with every input cited.

:func:`answer_derivation` computes, in :class:`~decimal.Decimal` arithmetic and
with the rounding stated, the figures a journalist most often works out from a
briefing: the prior-year value from a total and its growth, a conversion at the
rate the briefing's own figures imply, how far a total is over a threshold, the
increase as a share of the total, and per-day or per-month averages. When an
input is missing (exports alone, the surplus, a forecast, another year's
growth) it refuses and says which input. Any other question returns ``None``
and is answered as an ordinary question.
"""

from __future__ import annotations

import calendar
import re
from decimal import ROUND_HALF_UP, Decimal

from tradebrief.answer import Answer, Citation, Derivation, DerivedQuantity
from tradebrief.claim_facts import metric_citation, pick_metric, search
from tradebrief.claim_words import (
    claim_words,
    has_phrase,
    is_claim,
    not_given,
    require_text,
    words_of,
    years_in,
)
from tradebrief.model import Briefing, Metric
from tradebrief.quantities import Qualifier, Quantity, Scale

__all__ = ["answer_derivation", "refusal"]

_PLACES = 2  # decimal places of every derived value, at the scale shown
_HUNDRED = Decimal(100)
_STEM = 6  # letters two forms of a word share: "supervise" and "supervised"
_MEASURED = ("metric_ton", "percent")  # measured, not counted
_MINUS, _TIMES = "\u2212", "\u00d7"  # typographic minus and times, as in print
_BASIS = re.compile(
    r"\b(?:compared (?:with|to)|than|over|from|on|against|versus|relative to)\s+(?:the\s+)?$"
)
_SCORE = 0.8


def answer_derivation(briefing: Briefing, question: str) -> Answer | None:
    """A derived figure, or a refusal naming the missing input; ``None`` for other questions.

    Example:
        >>> import tradebrief
        >>> b = tradebrief.load_briefing()
        >>> a = answer_derivation(b, "What was total trade in 2023?")
        >>> a.derivation.expression, a.derivation.result.value
        ('43.85 / (1 + 5%)', Decimal('41.76'))
        >>> answer_derivation(b, "How much did exports grow?").text.startswith("The briefing does")
        True
    """
    if not require_text(question).strip() or is_claim(question):
        return None
    words = claim_words()
    asks_figure = any(has_phrase(question, w) for w in words.figure_questions)
    total = pick_metric(briefing)
    period = _period_request(question)
    if period is not None and total is not None:
        return _average(briefing, question, period)
    ratio = _ratio(briefing, question, total)
    if ratio is not None:
        return ratio
    subject = not_given(question, numbers=asks_figure)
    if subject is not None and _only_unknown(briefing, question, subject.words):
        return refusal(briefing, question, f"{subject.what} (that needs {subject.missing})")
    dollars = has_phrase(question, "dollars") or has_phrase(question, "usd") or "$" in question
    if not any(has_phrase(question, w) for w in words.rate_excludes) and (
        any(has_phrase(question, w) for w in words.rate_words)
        or (dollars and has_phrase(question, "rate"))
    ):
        return _rate(briefing, question)
    if total is None or total.change is None or not asks_figure:
        return None
    year = _year_asked(question, total)
    if year is not None:
        return _other_year(briefing, question, total, year)
    if dollars:
        return _in_dollars(briefing, question, total)
    if any(has_phrase(question, w) for w in words.share_words):
        return _share(briefing, question, total)
    if any(has_phrase(question, w) for w in words.difference_words):
        return _over_threshold(briefing, question, total)
    return None


def _only_unknown(briefing: Briefing, question: str, subject: tuple[str, ...]) -> bool:
    """Whether every word the briefing never uses belongs to the missing subject.

    "How much soybean did China import?" is about soybeans, which the ordinary
    answer names as never mentioned; "imports alone" would hide that.
    """
    unknown = getattr(search(briefing, question), "unknown", ())
    stems = [w[:4] for phrase in subject for w in words_of(phrase)]
    return all(any(str(term).startswith(stem) for stem in stems) for term in unknown)


def refusal(briefing: Briefing, question: str, missing: str) -> Answer:
    """An honest no that names the missing input, with up to three answerable suggestions."""
    retrieval = search(briefing, question)
    chosen: list[str] = []
    for item in getattr(retrieval, "ranked", ()):
        ref = getattr(item.candidate, "ref", "")
        if ref and item.candidate.question not in chosen:
            chosen.append(item.candidate.question)
    chosen.extend(f.question for f in briefing.facts if f.question not in chosen)
    return Answer(
        question=question,
        found=False,
        text=f"The briefing does not say. It gives no figure for {missing}, so none is derived.",
        score=0.0,
        suggestions=tuple(dict.fromkeys(chosen))[:3],
    )


def _round(value: Decimal, scale: Scale, *, whole: bool = False) -> DerivedQuantity | None:
    """``value`` (already in ``scale``) at a scale where it is at least 1, rounded."""
    while abs(value) < 1 and scale > Scale.ONE:
        value, scale = value * 1000, Scale(int(scale) - 3)
    if whole:
        value, scale = value * Decimal(10) ** int(scale), Scale.ONE
    places = Decimal(1) if whole else Decimal(1).scaleb(-_PLACES)
    return DerivedQuantity(value=value.quantize(places, ROUND_HALF_UP), scale=scale, unit="x")


def _result(value: Decimal, scale: Scale, unit: str, *, whole: bool = False) -> DerivedQuantity:
    rounded = _round(value, scale, whole=whole)
    assert rounded is not None
    return rounded.model_copy(update={"unit": unit})


def _said(citation: Citation) -> str:
    speaker = citation.speaker
    who = getattr(speaker, "full_name", None) or getattr(speaker, "name", "the briefing")
    return f"{who}, paragraph {citation.paragraph}" if citation.paragraph else str(who)


def _derived(
    question: str,
    expression: str,
    result: DerivedQuantity,
    inputs: tuple[Citation, ...],
    what: str,
    note: str | None = None,
) -> Answer:
    whole = result.value.as_tuple().exponent == 0
    rounding = "to whole units" if whole else f"to {_PLACES} decimal places"
    sources = "; ".join(dict.fromkeys(_said(c) for c in inputs))
    text = (
        f"Derived, not stated: {what} is about {result.describe()} ({expression}, rounded "
        f"{rounding}), from figures the briefing states ({sources})."
    )
    if note:
        text += f" {note}"
    derivation = Derivation(
        expression=expression, result=result, rounding=rounding, inputs=inputs, note=note
    )
    return Answer(
        question=question,
        found=True,
        text=text,
        citations=inputs,
        score=_SCORE,
        derivation=derivation,
    )


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


def _subject_metric(briefing: Briefing, question: str) -> Metric | None:
    """The metric a question names by its unit or keywords, if it is not trade as a whole."""
    general = {w for t in claim_words().trade_words for w in words_of(t)}
    asked = set(words_of(question)) - general
    asked |= {w.rstrip("s") for w in asked}
    best: tuple[int, Metric] | None = None
    for metric in briefing.metrics:
        if any(has_phrase(metric.quantity.span.quote, w) for w in claim_words().figures_of_speech):
            continue
        unit_words = set(words_of(metric.quantity.unit.replace("_", " "))) - {"and"}
        unit_words |= {w.rstrip("s") for w in unit_words}
        keywords = {w for k in metric.keywords for w in words_of(k)} - {"value", "volume"}
        overlap = 3 * _overlap(asked, unit_words) + _overlap(asked, keywords)
        if overlap and (best is None or overlap > best[0]):
            best = (overlap, metric)
    return best[1] if best else None


def _overlap(asked: set[str], named: set[str]) -> int:
    """How many asked words a set names, "supervise" matching "supervised"."""
    return sum(
        any(a[:_STEM] == n[:_STEM] if min(len(a), len(n)) >= _STEM else a == n for n in named)
        for a in asked
    )


def _is_trade(briefing: Briefing, question: str, total: Metric) -> bool:
    metric = _subject_metric(briefing, question)
    return metric is None or metric is total or metric.quantity.is_money


def _other_year(briefing: Briefing, question: str, total: Metric, year: int) -> Answer:
    assert total.change is not None and total.period is not None
    period = int(total.period)
    rate = any(has_phrase(question, w) for w in ("rate", "percent", "percentage", "%", "grow"))
    if not _is_trade(briefing, question, total):
        metric = _subject_metric(briefing, question)
        name = metric.name[0].lower() + metric.name[1:] if metric else "that figure"
        return refusal(
            briefing, question, f"{name} in {year}; that would need its growth in {period}"
        )
    if year != period - 1 or rate:
        earlier = f"the total for {year - 1}" if year == period - 1 else f"growth for {year + 1}"
        return refusal(briefing, question, f"trade in {year} (that needs {earlier})")
    citation = metric_citation(briefing, total)
    increment = _increment(briefing, total)
    if increment is not None and any(
        has_phrase(question, w) for w in claim_words().increment_route
    ):
        return _by_subtraction(question, briefing, total, increment, year)
    value = total.quantity.value / (1 + total.change.value / _HUNDRED)
    result = _result(value, total.quantity.scale, total.quantity.unit)
    expression = f"{total.quantity.value:f} / (1 + {total.change.value:f}%)"
    inputs: tuple[Citation, ...] = (citation,)
    note = None
    increment = _increment(briefing, total)
    if increment is not None and increment.quantity.scale == total.quantity.scale:
        other = total.quantity.value - increment.quantity.value
        gap = abs(other - result.value)
        inputs = (citation, metric_citation(briefing, increment))
        note = (
            f"Subtracting the stated increment gives {total.quantity.value:f} {_MINUS} "
            f"{increment.quantity.value:f} = {other:f}; the {gap:f} difference is rounding "
            "in the stated figures."
        )
    return _derived(question, expression, result, inputs, f"total trade in {year}", note)


def _by_subtraction(
    question: str, briefing: Briefing, total: Metric, increment: Metric, year: int
) -> Answer:
    """The prior year as the total less the stated increment, when that is what is asked."""
    assert total.change is not None
    value = total.quantity.value - increment.quantity.value
    result = _result(value, total.quantity.scale, total.quantity.unit)
    expression = f"{total.quantity.value:f} {_MINUS} {increment.quantity.value:f}"
    by_rate = total.quantity.value / (1 + total.change.value / _HUNDRED)
    note = (
        f"From the growth rate instead, {total.quantity.value:f} / (1 + "
        f"{total.change.value:f}%) = {by_rate.quantize(Decimal('0.01'), ROUND_HALF_UP)}; "
        "the difference is rounding in the stated figures."
    )
    inputs = (metric_citation(briefing, total), metric_citation(briefing, increment))
    return _derived(question, expression, result, inputs, f"total trade in {year}", note)


_PER_THING = re.compile(r"\b(?:per|each|for every|for each)\s+((?:[\w-]+\s?){1,3})", re.I)


def _ratio(briefing: Briefing, question: str, total: Metric | None) -> Answer | None:
    """One figure per unit of another: trade value per declaration form, tons per crossing."""
    found = re.search(
        r"\b(?:per|each|for every|for each|an? average)\s+((?:[\w-]+\s?){1,3})", question, re.I
    )
    if found is None:
        return None
    named = found[1].casefold()
    denominators = [
        m
        for m in briefing.metrics
        if m is not total
        and not m.quantity.is_money
        and m.quantity.unit not in _MEASURED
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
    above = _subject_metric(briefing, rest) or total
    if (
        above is None
        or above is below
        or not (above.quantity.is_money or above.quantity.unit in _MEASURED)
    ):
        return None
    value = above.quantity.amount / below.quantity.amount
    unit = f"{above.quantity.unit} per {_singular(below.quantity.unit)}"
    result = _result(value, Scale.ONE, unit)
    expression = (
        f"{above.quantity.value:f} {above.quantity.scale.word} / "
        f"{below.quantity.value:f} {below.quantity.scale.word}"
    )
    inputs = (metric_citation(briefing, above), metric_citation(briefing, below))
    what = f"the {above.name[0].lower()}{above.name[1:]} per {_singular(below.quantity.unit)}"
    note = (
        "A plain ratio of two stated totals for the year; the briefing gives no such "
        "figure and does not say one total is carried by the other."
    )
    return _derived(question, expression, result, inputs, what, note)


def _unit_and_keywords(metric: Metric) -> list[str]:
    """Words that name what a metric counts: its unit and its one-word keywords."""
    words = [w for w in words_of(metric.quantity.unit) if w != "and"]
    return words + [k for k in metric.keywords if " " not in k]


def _same_unit(word: str, named: str) -> bool:
    return any(_singular(word)[:5] == _singular(n)[:5] for n in words_of(named))


def _singular(unit: str) -> str:
    words = unit.split()
    return " ".join([*words[:-1], re.sub(r"(?<=\w\w)s$", "", words[-1])]) if words else unit


def _increment(briefing: Briefing, total: Metric) -> Metric | None:
    return next((m for m in briefing.metrics if "increment" in m.keywords and m is not total), None)


def _exchange(briefing: Briefing) -> Metric | None:
    return next(
        (m for m in briefing.metrics if m.equivalent is not None and m.equivalent.unit == "USD"),
        None,
    )


def _rate(briefing: Briefing, question: str) -> Answer:
    pair = _exchange(briefing)
    if pair is None or pair.equivalent is None:
        return refusal(briefing, question, "a dollar equivalent of any yuan figure")
    yuan, usd = pair.quantity, pair.equivalent
    value = yuan.amount / usd.amount
    result = _result(value, Scale.ONE, "CNY per USD")
    expression = f"{yuan.value:f} / {usd.value:f}"
    note = "The briefing states no exchange rate; this is the one its two figures imply."
    inputs = (metric_citation(briefing, pair),)
    return _derived(question, expression, result, inputs, "the implied exchange rate", note)


def _in_dollars(briefing: Briefing, question: str, total: Metric) -> Answer | None:
    pair = _exchange(briefing)
    if pair is None or pair.equivalent is None:
        return refusal(briefing, question, "a dollar equivalent of any yuan figure")
    named = [
        m
        for m in briefing.metrics
        if m.quantity.is_money and m.quantity.unit == "CNY" and _names(question, m.quantity)
    ]
    source = named[0] if named else total
    if source is pair:
        return None  # stated, not derived: the ordinary answer quotes it
    yuan, usd = pair.quantity, pair.equivalent
    value = source.quantity.amount * usd.amount / yuan.amount
    result = _result(
        value / Decimal(10) ** int(source.quantity.scale), source.quantity.scale, "USD"
    )
    expression = f"{source.quantity.value:f} {_TIMES} {usd.value:f} / {yuan.value:f}"
    rate = (yuan.amount / usd.amount).quantize(Decimal("0.01"), ROUND_HALF_UP)
    note = (
        f"Converted at the rate the briefing's own figures imply ({yuan.describe()} = "
        f"{usd.describe()}, about {rate} yuan per dollar); the briefing states no dollar total."
    )
    inputs = (metric_citation(briefing, source), metric_citation(briefing, pair))
    what = f"{source.quantity.describe()} in US dollars"
    return _derived(question, expression, result, inputs, what, note)


def _names(question: str, quantity: Quantity) -> bool:
    return (
        re.search(rf"(?<![\d.]){re.escape(f'{quantity.value:f}')}(?![\d.])", question) is not None
    )


def _share(briefing: Briefing, question: str, total: Metric) -> Answer | None:
    increment = _increment(briefing, total)
    if increment is None or not any(
        has_phrase(question, w) for w in (*claim_words().direction["up"], "increment", "increase")
    ):
        return None
    value = increment.quantity.amount / total.quantity.amount * _HUNDRED
    result = _result(value, Scale.ONE, "percent")
    expression = f"{increment.quantity.value:f} / {total.quantity.value:f} {_TIMES} 100"
    inputs = (metric_citation(briefing, increment), metric_citation(briefing, total))
    return _derived(question, expression, result, inputs, "the increase as a share of the total")


def _over_threshold(briefing: Briefing, question: str, total: Metric) -> Answer | None:
    words = claim_words()
    thresholds = [
        m for m in briefing.metrics if any(w in m.keywords for w in words.threshold_words)
    ]
    named = [m for m in thresholds if _names(question, m.quantity)]
    if not named and not any(has_phrase(question, w) for w in words.threshold_words):
        return None
    below = [m for m in thresholds if m.quantity.amount <= total.quantity.amount]
    chosen = named[0] if named else max(below, key=lambda m: m.quantity.amount, default=None)
    if chosen is None or chosen.quantity.scale != total.quantity.scale:
        return None
    value = total.quantity.value - chosen.quantity.value
    result = _result(value, total.quantity.scale, total.quantity.unit)
    expression = f"{total.quantity.value:f} {_MINUS} {chosen.quantity.value:f}"
    inputs = (metric_citation(briefing, total), metric_citation(briefing, chosen))
    what = f"how far the total was over the {chosen.quantity.describe()} threshold"
    return _derived(question, expression, result, inputs, what)


def _period_request(question: str) -> str | None:
    for period, phrases in claim_words().per_period.items():
        if any(has_phrase(question, p) for p in phrases):
            return period
    return None


def _average(briefing: Briefing, question: str, period: str) -> Answer:
    total = pick_metric(briefing)
    metric = _subject_metric(briefing, question) or total
    assert metric is not None
    if not metric.period or not metric.period.isdigit():
        return refusal(briefing, question, f"the period {metric.name.lower()} covers")
    year = int(metric.period)
    days = 366 if calendar.isleap(year) else 365
    divisors = {"day": Decimal(days), "month": Decimal(12), "hour": Decimal(days * 24)}
    divisor, label = divisors[period], period
    quantity = metric.quantity
    counted = not quantity.is_money and quantity.unit not in ("metric_ton", "percent")
    value = quantity.value / divisor
    result = _result(value, quantity.scale, f"{quantity.unit} per {label}", whole=counted)
    expression = f"{quantity.value:f} {quantity.scale.word} / {divisor}".replace("  ", " ")
    length = {
        "day": f"{year} had {days} days",
        "month": "a year has 12 months",
        "hour": f"{year} had {days} days of 24 hours",
    }[label]
    adjective = {"day": "daily", "month": "monthly", "hour": "hourly"}[label]
    note = f"An average over the year ({length}); the briefing gives no {adjective} figures."
    inputs = (metric_citation(briefing, metric),)
    what = f"{quantity.describe()} averaged per {label}"
    return _derived(question, expression, result, inputs, what, note)
