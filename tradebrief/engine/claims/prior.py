"""The year before, and the size of a rise, for any figure stated with its change.

Part of :mod:`tradebrief.engine.claims.derive`, which works out the bundled
briefing's total trade; this module does the same for every other figure a
briefing states with a change ("2.71 billion kilowatts, up 10.8% year on year";
"149.8 million metric tons, an increase of 3.6 million tons over last year"),
so a question about another briefing's figure is derived too:

- the year before: ``value / (1 + rate)``, or ``level - increase`` when the rise
  is stated as an amount;
- the rise itself: ``value - value / (1 + rate)``.

The figure is the one whose words (name, keywords, clause) hold every subject
word of the question (:mod:`tradebrief.engine.claims.overlap`); a question
naming something no such figure measures ("wind power capacity" where only the
total is stated) is refused, naming the words. Trade as a whole (the metric
:func:`~tradebrief.engine.claims.facts.pick_metric` picks) stays with
:mod:`~tradebrief.engine.claims.derive`.
"""

from __future__ import annotations

import re
from collections import Counter
from decimal import Decimal

from tradebrief.answer import Answer
from tradebrief.engine.candidates import CandidateKind
from tradebrief.engine.claims.arithmetic import derived_answer, refusal, rounded_result
from tradebrief.engine.claims.clauses import written_as_increase
from tradebrief.engine.claims.facts import metric_citation, pick_metric
from tradebrief.engine.claims.overlap import subject_overlap, unmatched_words
from tradebrief.engine.claims.words import (
    claim_words,
    has_any,
    has_phrase,
    require_text,
    words_of,
    years_in,
)
from tradebrief.engine.index import index_for
from tradebrief.engine.memo import per_briefing
from tradebrief.engine.rank import search
from tradebrief.model import Briefing, Metric
from tradebrief.quantities import ChangeBasis, Quantity

__all__ = ["answer_prior", "period_year"]

_HUNDRED = Decimal(100)
_MINUS = "\u2212"
_ASKS_RISE = re.compile(
    r"\b(?:by how much|how much)\b[^?]*\b(?:grow|grew|grown|rise|rose|risen|increase|increased|"
    r"climb|climbed|expand|expanded|gain|gained)\b"
    r"|\b(?:what|how large|how big)\b[^?]*\b(?:increase|increment|rise|gain|growth|addition)\b",
    re.IGNORECASE,
)
_ASKS_RATE = re.compile(r"%|\bpercent|\bpercentage|\brate\b|\bper cent\b", re.IGNORECASE)
_LAST_YEAR = re.compile(r"\blast year\b", re.IGNORECASE)


def answer_prior(briefing: Briefing, question: str) -> Answer | None:
    """The year before, or the rise, of the figure ``question`` names; ``None`` if not asked.

    Example:
        >>> import tradebrief
        >>> from pathlib import Path
        >>> b = tradebrief.load_briefing(Path("tests/transcripts/press_energy.txt"))
        >>> a = answer_prior(b, "What was installed power generation capacity a year earlier?")
        >>> a.derivation.expression, a.derivation.result.describe()
        ('2.71 / (1 + 10.8%)', '2.45 billion kilowatts')
    """
    words = claim_words()
    if not has_any(require_text(question), words.figure_questions):
        return None
    rise = _ASKS_RISE.search(question) is not None and not _ASKS_RATE.search(question)
    if not rise and not _may_ask_year_before(question):
        return None  # the test _asks_year_before makes below, done before weighing figures
    total = pick_metric(briefing)
    whole_year = total is not None and total.period is not None and total.period.isdigit()
    if (
        whole_year
        and total is not None
        and subject_overlap(briefing, question, total, total.quantity.span)
    ):
        return None  # a whole year's total: derive.py works it out, with its own notes
    levels = [m for m in _candidates(briefing, question) if m.quantity.unit != "percent"]
    scored = [(subject_overlap(briefing, question, m, m.quantity.span), m) for m in levels]
    best = max((score for score, _ in scored), default=0)
    if best == 0:
        return None
    top = [m for score, m in scored if score == best]
    named = [m for m in top if not unmatched_words(briefing, question, m, m.quantity.span)]
    changed = [m for m in named or top if _change_of(briefing, m) is not None]
    metric = (changed or named or top)[0]
    if rise and not _names_amount(question, metric):
        return None  # "By how much did it grow?": the stated rate answers it
    if not rise and not _asks_year_before(briefing, question, metric):
        return None
    other = unmatched_words(briefing, question, metric, metric.quantity.span)
    if other:
        what = ", ".join(repr(w) for w in other)
        return refusal(briefing, question, f"{what} (its figures are for {_name(metric)})")
    if _change_of(briefing, metric) is None:  # "box office revenue the year before"
        metric = max(named or top, key=lambda m: _named_by(question, m))  # the one it names
        asked = [y for y in years_in(question) if y != period_year(briefing, metric)]
        when = str(asked[0]) if asked else "the year before"
        return refusal(
            briefing, question, f"{_name(metric)} in {when}; it states no change to work back from"
        )
    part = _part_of_year(metric)
    named_year = bool(years_in(question)) and not _names_part(question, part)
    if part and not rise and (_WHOLE_YEAR.search(question) or named_year):
        # "in the whole of 2024" from a January-to-August figure would be January to August.
        return refusal(
            briefing, question, f"{_name(metric)} over a whole year (it gives {part} only)"
        )
    return _rise(briefing, question, metric) if rise else _year_before(briefing, question, metric)


def _part_of_year(metric: Metric) -> str:
    """The span of months a figure covers ("January to August"), or "".

    A point in time ("end of June") or a whole year is no part: its year before is the
    same point a year earlier, or the year before.
    """
    period = " ".join(re.sub(r"\b\d{4}\b", " ", metric.period or "").strip(" ,").split())
    return period if _SPAN.search(period) else ""


_SPAN = re.compile(r"\b(?:to|through|first|half|quarters?|months)\b", re.IGNORECASE)


def _names_part(question: str, part: str) -> bool:
    """Whether the question asks about the same part of the year ("by the end of August")."""
    words = [w for w in re.findall(r"[a-z]+", part.casefold()) if w not in _LINKS]
    asked = question.casefold()
    return bool(words) and any(re.search(rf"\b{w}\b", asked) for w in words)


_LINKS = frozenset({"to", "the", "of", "from", "through", "and", "end", "by"})
_WHOLE_YEAR = re.compile(
    r"\b(?:whole|full|entire|all)\s+(?:of\s+)?(?:the\s+)?(?:year|\d{4})\b"
    r"|\bannual\b|\bfor the year\b",
    re.IGNORECASE,
)


def _names_amount(question: str, metric: Metric) -> bool:
    """Whether a question about a rise asks for an amount, not the rate the text states.

    "By how much did capacity grow, in billion kilowatts?" names the unit; "how
    many more trips" counts; "By how much did it grow?" alone asks for the rate.
    """
    words = claim_words()
    named = [*words.units.get(metric.quantity.unit, ()), metric.quantity.unit.replace("_", " ")]
    named += [w for group in words.scales.values() for w in group if len(w) > 2]
    return has_any(question, named) or re.search(r"\bhow many more\b", question, re.I) is not None


def _named_by(question: str, metric: Metric) -> int:
    """How many words of the question the metric's own name holds (first five letters)."""
    own = {w[:5] for w in words_of(metric.name)}
    return sum(w[:5] in own for w in set(words_of(question)) if len(w) > 3)


def _name(metric: Metric) -> str:
    """The metric's subject: its name without the figure and paragraph an extracted name adds."""
    name = re.sub(r"\s*\(paragraph \d+\)$", "", metric.name)
    for written in (metric.quantity.describe(), metric.quantity.span.quote):
        name = name.replace(written, " ")
    name = " ".join(name.split())
    return name[0].lower() + name[1:] if name else "another figure"


def _change_of(briefing: Briefing, metric: Metric) -> Decimal | Quantity | None:
    """The metric's year-on-year change: a rate in percent, or a stated rise as a quantity."""
    change = metric.change
    if (
        change is not None
        and change.unit == "percent"
        and change.basis is not ChangeBasis.PREVIOUS_PERIOD
    ):
        return change.value
    for other in _same_evidence(briefing).get(_where(metric), ()):
        if (
            other is not metric
            and other.quantity.unit == metric.quantity.unit
            and written_as_increase(briefing, other.quantity.span)
        ):
            return other.quantity
    return None


def _where(metric: Metric) -> tuple[int, int]:
    return metric.evidence.start, metric.evidence.end


def _same_evidence(briefing: Briefing) -> dict[tuple[int, int], list[Metric]]:
    """The briefing's metrics grouped by the sentence they are read from; built once."""

    def group() -> dict[tuple[int, int], list[Metric]]:
        groups: dict[tuple[int, int], list[Metric]] = {}
        for metric in briefing.metrics:
            groups.setdefault(_where(metric), []).append(metric)
        return groups

    return per_briefing(briefing, "metrics by sentence", group)


_FULL_SCAN = 300  # metrics weighed one by one; a larger library weighs the ranked ones only


def _candidates(briefing: Briefing, question: str) -> list[Metric]:
    """The metrics a question may ask about: all of a briefing's, or a library's ranked ones.

    Weighing each of 29,000 metrics against the question cost a third of a second per
    ask; beyond ``_FULL_SCAN`` the ranking's shortlist (as rank does with common words)
    names the candidates.
    """
    metrics = briefing.metrics
    if len(metrics) <= _FULL_SCAN:
        return list(metrics)
    ranked = search(index_for(briefing), question, limit=_SHORTLISTED).ranked
    ids = [r.candidate.ref for r in ranked if r.candidate.kind is CandidateKind.FACT]
    return [m for i in ids if (m := metrics.get(i)) is not None]


_SHORTLISTED = 12


def period_year(briefing: Briefing, metric: Metric) -> int | None:
    """The year ``metric`` is for: its period's, else the one most of the briefing's are for."""
    own = years_in(metric.period or "")
    if own:
        return own[-1]

    def commonest() -> int | None:
        years = Counter(y for m in briefing.metrics for y in years_in(m.period or ""))
        return years.most_common(1)[0][0] if years else None

    return per_briefing(briefing, "common year", commonest)


def _asks_year_before(briefing: Briefing, question: str, metric: Metric) -> bool:
    """Whether the question asks for the year before the metric's period.

    "a year earlier", "the previous year" always; a year written out when it is
    the one before; "last year" only when the figures are for the year the
    briefing was held in (a January briefing's "last year" is its own period).
    """
    if any(has_phrase(question, p) for p in claim_words().year_before):
        return True
    year = period_year(briefing, metric)
    if year is None:
        return False
    if any(y == year - 1 for y in years_in(question)):
        return True
    return _LAST_YEAR.search(question) is not None and year == briefing.date.year


def _may_ask_year_before(question: str) -> bool:
    """Whether :func:`_asks_year_before` can hold for any figure: a year or a year-before word.

    Without "a year earlier", a year written out or "last year", no figure's year
    before is asked, whatever the figure.
    """
    return (
        any(has_phrase(question, p) for p in claim_words().year_before)
        or bool(years_in(question))
        or _LAST_YEAR.search(question) is not None
    )


def _year_before(briefing: Briefing, question: str, metric: Metric) -> Answer:
    change = _change_of(briefing, metric)
    quantity = metric.quantity
    inputs = (metric_citation(briefing, metric),)
    if isinstance(change, Quantity):
        value = quantity.value * 10 ** (int(quantity.scale) - int(change.scale))
        prior = value - change.value
        scale = change.scale
        expression = f"{value:f} {_MINUS} {change.value:f}"
    else:
        assert change is not None
        prior = quantity.value / (1 + change / _HUNDRED)
        scale = quantity.scale
        expression = f"{quantity.value:f} / (1 + {change:f}%)"
    result = rounded_result(prior, scale, quantity.unit)
    part = _part_of_year(metric)
    what = f"{_name(metric)} the year before" + (f" (for {part})" if part else "")
    return derived_answer(question, expression, result, inputs, what)


def _rise(briefing: Briefing, question: str, metric: Metric) -> Answer | None:
    change = _change_of(briefing, metric)
    if isinstance(change, Quantity) or change is None:
        return None  # the rise is stated: the ordinary answer quotes it
    quantity = metric.quantity
    value = quantity.value - quantity.value / (1 + change / _HUNDRED)
    result = rounded_result(value, quantity.scale, quantity.unit)
    expression = f"{quantity.value:f} {_MINUS} {quantity.value:f} / (1 + {change:f}%)"
    what = f"the rise in {_name(metric)} its growth rate implies"
    return derived_answer(question, expression, result, (metric_citation(briefing, metric),), what)
