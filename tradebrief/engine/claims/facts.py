"""Which stated figure a claim is about, and figures as intervals to compare.

A stated figure becomes an :class:`Interval` of full amounts: ``43.85
trillion`` is the point 43.85e12, ``more than 150`` is (150, ∞), ``hundreds`` is
[200, 2000) (at least two hundred, with a loose top). A claimed number becomes
one too (``top 46 trillion`` is (46e12, ∞), ``43.9 trillion`` is [43.85e12,
43.95e12] at the precision written). The
claim is true when its interval holds the stated one, false when they are
disjoint, and not stated otherwise.

Finding the figure goes through the retrieval index once, in :func:`search`, so
that the lookup can be pointed elsewhere without touching the rules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from tradebrief.answer import Answer, AnswerFact, Citation, Verdict
from tradebrief.engine.claims.clauses import (
    claim_part,
    claims_increase,
    stated_qualifier,
    written_as_increase,
)
from tradebrief.engine.claims.intervals import (
    Interval,
    claimed_interval,
    compare,
    stated_interval,
)
from tradebrief.engine.claims.numbers import ClaimedNumber, read_numbers
from tradebrief.engine.claims.overlap import subject_overlap, unmatched_words
from tradebrief.engine.claims.picking import best_count, money_fact
from tradebrief.engine.claims.words import claim_words, has_any
from tradebrief.engine.compose import cite
from tradebrief.engine.index import index_for
from tradebrief.engine.memo import per_briefing
from tradebrief.engine.rank import Retrieval
from tradebrief.engine.rank import search as rank_search
from tradebrief.model import Briefing, Metric, Person, PolicyMeasure
from tradebrief.quantities import Quantity, Scale
from tradebrief.spans import Span

__all__ = [
    "Interval",
    "Stated",
    "claimed_interval",
    "compare",
    "describe_metric",
    "fact_rank",
    "metric_citation",
    "passages",
    "pick_fact_for_number",
    "pick_metric",
    "said_by",
    "search",
    "stated_interval",
    "verdict_answer",
]

_VERDICT_SCORE = 0.9  # rules, not retrieval, settled it
_VERDICT_LEAD = {Verdict.YES: "Yes.", Verdict.NO: "No.", Verdict.NOT_STATED: "Not stated."}


@dataclass(frozen=True, slots=True)
class Stated:
    """The stated figure a claim is about: the fact, the figure as an interval, its words."""

    fact: Metric | PolicyMeasure
    interval: Interval | None
    """None when the figure is not comparable (a figure of speech, another unit)."""
    quote: str
    """The words that state the figure."""
    scale: Scale
    """The scale the figure is written in, for claims that omit theirs."""
    note: str = ""
    """Why the figure cannot settle the claim, when it cannot."""
    converted: str = ""
    """For a yuan figure claimed in dollars: the dollar value at the briefing's own rate,
    in words. ``interval`` is then a wide band around it that can refute the claim,
    never support it (a converted figure is derived, not stated)."""
    figure: Span | None = None
    """Where the stated figure is written (its clause names its subject)."""


def verdict_answer(
    question: str,
    verdict: Verdict,
    text: str,
    citations: tuple[Citation, ...],
    fact: AnswerFact | None = None,
) -> Answer:
    """An :class:`Answer` that leads with the verdict: "No. The briefing says ..."."""
    return Answer(
        question=question,
        found=verdict is not Verdict.NOT_STATED,
        text=f"{_VERDICT_LEAD[verdict]} {text}",
        citations=citations,
        score=_VERDICT_SCORE,
        fact=fact,
        verdict=verdict,
    )


def said_by(citation: Citation) -> str:
    """``(Wang Lingjun, paragraph 5)``: who said a cited passage, and where."""
    who = citation.speaker.full_name if isinstance(citation.speaker, Person) else None
    where = f"paragraph {citation.paragraph}" if citation.paragraph else "the roster"
    return f"({who}, {where})" if who else f"({where})"


def search(briefing: Briefing, question: str) -> Retrieval:
    """The one call into retrieval: the ranked candidates for ``question``."""
    return rank_search(index_for(briefing), question, limit=8)


def fact_rank(briefing: Briefing, question: str) -> dict[str, int]:
    """Fact id -> position among the retrieval's ranked candidates, best first."""
    retrieval = search(briefing, question)
    ranked = getattr(retrieval, "ranked", ())
    order: dict[str, int] = {}
    for position, item in enumerate(ranked):
        ref = getattr(item.candidate, "ref", "")
        if ref and ref not in order:
            order[ref] = position
    return order


def passages(briefing: Briefing, question: str, *, limit: int) -> list[Span]:
    """The verbatim passages of the best-ranked facts and sentences, best first."""
    found: list[Span] = []
    for item in getattr(search(briefing, question), "ranked", ())[:limit]:
        candidate = item.candidate
        kind = str(getattr(candidate, "kind", ""))
        if kind == "fact":
            found.append(briefing.fact(candidate.ref).evidence)
        elif kind == "sentence" and candidate.span is not None:
            found.append(candidate.span)
    return found


def describe_metric(metric: Metric) -> str:
    """The stated figure with its change: ``43.85 trillion yuan, up 5% year on year``."""
    text = metric.quantity.describe()
    if metric.equivalent is not None:
        text += f" ({metric.equivalent.describe()})"
    if metric.change is not None:
        text += f", {metric.change.describe()}"
    return text


def metric_citation(briefing: Briefing, fact: Metric | PolicyMeasure) -> Citation:
    """The fact's evidence, cited verbatim with its figures highlighted."""
    return cite(briefing, fact.evidence, fact.figure_spans)


def pick_metric(briefing: Briefing) -> Metric | None:
    """The level figure of trade as a whole: the money metric that states its change."""

    def first() -> Metric | None:
        return next((m for m in briefing.metrics if m.quantity.is_money and m.change), None)

    return per_briefing(briefing, "trade as a whole", first)  # asked by most stages of an ask


def pick_fact_for_number(briefing: Briefing, question: str, number: ClaimedNumber) -> Stated | None:
    """The stated figure the claimed ``number`` is about, or None when none fits."""
    words = claim_words()
    tolerance = words.about_tolerance
    total = pick_metric(briefing)
    if number.unit == "percent":
        changed = [m for m in briefing.metrics if m.change and m.change.unit == "percent"]
        rates = _percent_figures(briefing, question)
        whole = bool(rates) and not unmatched_words(briefing, question, rates[0][0], rates[0][2])
        whole = whole and rates[0][2] == rates[0][0].quantity.span  # a rate the claim names
        if (
            not whole
            and changed
            and (_SHARE.search(question) or has_any(question, words.share_words))
        ):
            # "Did the increase make up 4.79% of the total?" is a share, not the growth rate
            note = (
                "It states no share; a share of the total would be derived, not stated "
                "(ask for it, e.g. 'what share of the total was the increase?', to see it)."
            )
            return Stated(changed[0], None, changed[0].evidence.quote, Scale.ONE, note)
        if rates and (whole or not changed or rates[0][0] is not changed[0]):
            rated, value, span = rates[0]
            qualifier = (
                stated_qualifier(briefing, rated.quantity) if span == rated.quantity.span else None
            )
            interval = (
                stated_interval(rated.quantity, tolerance, qualifier)
                if qualifier is not None
                else Interval(value, value)
            )
            return Stated(rated, interval, span.quote, Scale.ONE, figure=span)
        if not changed or changed[0].change is None:
            return None
        change = changed[0].change
        value = change.value
        return Stated(
            changed[0], Interval(value, value), change.span.quote, Scale.ONE, figure=change.span
        )
    if number.unit == "USD":
        with_usd = [m for m in briefing.metrics if m.equivalent and m.equivalent.unit == "USD"]
        named = [m for m in with_usd if _names_figure(question, m.quantity)]
        other_yuan = [  # "was the 43 trillion yuan threshold worth $5.74 trillion?"
            m
            for m in briefing.metrics
            if m.quantity.unit == "CNY"
            and m not in with_usd
            and _names_figure(question, m.quantity)
        ]
        if other_yuan and not named and total is not None:
            yuan = other_yuan[0].quantity
            note = f"It gives {yuan.describe()} in yuan only; its dollar value is not stated."
            return _in_dollars(other_yuan[0], yuan, with_usd, note)
        if named or (with_usd and has_any(question, words.threshold_words)):
            metric = (named or with_usd)[0]
            assert metric.equivalent is not None
            interval = stated_interval(metric.equivalent, tolerance)
            return Stated(metric, interval, metric.equivalent.span.quote, metric.equivalent.scale)
        if total is None:
            return None
        note = (
            "It gives this figure in yuan only; a dollar figure would be derived, not stated "
            "(ask for it in dollars to see the derivation)."
        )
        yuan_facts = _with_quantities(briefing, "CNY")
        fact, yuan = money_fact(question, number, yuan_facts, total)  # total or increase
        if fact is not total:
            note = f"It gives {yuan.describe()} in yuan only; its dollar value is not stated."
        return _in_dollars(fact, yuan, with_usd, note)
    candidates = _with_quantities(briefing, number.unit)
    if not candidates:
        return None
    if number.unit == "CNY":
        fact, quantity = money_fact(question, number, candidates, total)
    else:
        fact, quantity = best_count(question, number, candidates, fact_rank(briefing, question))
    part = claim_part(question, number.text) if len(read_numbers(question)) > 1 else question
    if unmatched_words(briefing, part, fact, quantity.span, number.text):
        # "injury insurance ... 300 million people", "cinemas earned more than 12 billion
        # yuan": the one figure whose clause names the claim's subject
        fits = [
            (subject_overlap(briefing, part, f, q.span, own=True), f, q)
            for f, q in candidates
            if not unmatched_words(briefing, part, f, q.span, number.text)
            and subject_overlap(briefing, part, f, q.span)
        ]
        best = max((score for score, _, _ in fits), default=0)
        top = [(f, q) for score, f, q in fits if score == best]  # its own words first
        same = [(f, q) for f, q in top if q.value == number.value]
        top = same if len(same) == 1 else top  # a tie broken by the figure the claim writes
        fact, quantity = top[0] if len(top) == 1 else (fact, quantity)
    if (
        number.unit != "CNY"
        and claims_increase(question, number.text)
        and not written_as_increase(briefing, quantity.span)
    ):
        # "increase by 3.6 million tons": the rise the same sentence states, not the level
        rises = [
            (f, q)
            for f, q in candidates
            if f.evidence == fact.evidence and written_as_increase(briefing, q.span)
        ]
        if not rises:
            note = "It states this figure's level, not the size of a rise."
            return Stated(fact, None, quantity.span.quote, quantity.scale, note)
        fact, quantity = rises[0]
    if has_any(quantity.span.quote, words.figures_of_speech):
        note = f'It says only "{quantity.span.quote}", a figure of speech, not a count.'
        return Stated(fact, None, quantity.span.quote, quantity.scale, note, figure=quantity.span)
    interval = stated_interval(quantity, tolerance, stated_qualifier(briefing, quantity))
    return Stated(fact, interval, quantity.span.quote, quantity.scale, figure=quantity.span)


def _percent_figures(briefing: Briefing, question: str) -> list[tuple[Metric, Decimal, Span]]:
    """The figures in percent a claim may be about, best first: rates and changes.

    A rate ("the utilization rate of solar power remained above 98%") and a change
    ("up 10.8% year on year") compete on how many of the claim's subject words
    their own words hold; a claim with a word of growth prefers a change, one
    without prefers a rate, and a rate is a change only where the text says it
    rose or fell. Only figures that hold at least one subject word.
    """
    grows = has_any(question, [*claim_words().direction["up"], *claim_words().direction["down"]])
    found: list[tuple[tuple[int, bool], Metric, Decimal, Span]] = []
    for metric in briefing.metrics:
        level = metric.quantity.unit == "percent"
        if level and grows and not written_as_increase(briefing, metric.quantity.span):
            level = False  # "Did carbon emissions fall 3%?" is no claim about a share of 60%
        if level:
            overlap = subject_overlap(briefing, question, metric, metric.quantity.span)
            found.append(
                ((overlap, not grows), metric, metric.quantity.value, metric.quantity.span)
            )
        if metric.change is not None and metric.change.unit == "percent":
            overlap = subject_overlap(briefing, question, metric, metric.change.span)
            found.append(((overlap, grows), metric, metric.change.value, metric.change.span))
    found = [f for f in found if f[0][0] > 0]
    found.sort(key=lambda f: f[0], reverse=True)
    return [(metric, value, span) for _, metric, value, span in found]


def _in_dollars(
    fact: Metric | PolicyMeasure, yuan: Quantity, with_usd: list[Metric], note: str
) -> Stated:
    """A yuan figure claimed in dollars, converted at the briefing's own rate when it gives one.

    "Did trade grow by 2.1 trillion dollars?" against 2.1 trillion yuan: at the
    rate implied by "42 trillion yuan ($5.74 trillion)" that is about $0.29
    trillion, far from the claim, so it is refuted; a claim near the converted
    value stays not stated. The band is ``conversion_tolerance`` either way, wide
    enough for the rate to have moved during the year.
    """
    rated = next((m for m in with_usd if m.equivalent is not None), None)
    if rated is None or rated.equivalent is None or not rated.quantity.amount:
        return Stated(fact, None, yuan.span.quote, yuan.scale, note)
    dollars = yuan.amount * rated.equivalent.amount / rated.quantity.amount
    spread = claim_words().conversion_tolerance
    band = Interval(dollars * (1 - spread), dollars * (1 + spread))
    shown = (dollars / Decimal(10) ** int(yuan.scale)).quantize(Decimal("0.01"))
    scale = yuan.scale.name.lower() if yuan.scale is not Scale.ONE else ""
    converted = (
        f"At its own rate ({rated.quantity.span.quote} = {rated.equivalent.span.quote}) that "
        f"is about ${shown} {scale}".rstrip()
    )
    return Stated(fact, band, yuan.span.quote, yuan.scale, note, converted)


def _names_figure(question: str, quantity: Quantity) -> bool:
    return re.search(rf"(?<![\d.]){re.escape(f'{quantity.value:f}')}(?![\d])", question) is not None


def _with_quantities(
    briefing: Briefing, unit: str | None
) -> list[tuple[Metric | PolicyMeasure, Quantity]]:
    found: list[tuple[Metric | PolicyMeasure, Quantity]] = []
    for metric in briefing.metrics:
        found.append((metric, metric.quantity))
    for measure in briefing.measures:
        if measure.count is not None:
            found.append((measure, measure.count))
    if unit is None:
        return [
            (f, q)
            for f, q in found
            if not q.is_money and _unit_code(q.unit) not in ("percent", "metric_ton")
        ]
    return [(f, q) for f, q in found if _unit_code(q.unit) == unit]


def _unit_code(unit: str) -> str:
    """A quantity's unit as the words file codes it: a figure read in "tonnes" is metric_ton."""
    spelled = unit.replace("_", " ").casefold()
    for code, spellings in claim_words().units.items():
        if spelled in spellings:
            return code
    return unit


_SHARE = re.compile(
    r"\b(?:make|makes|made|making) up\b|\baccount(?:s|ed|ing)? for\b|\bof (?:the|all|total)\b"
    r"[^?]*\b(?:trade|total|value)\b",
    re.IGNORECASE,
)
