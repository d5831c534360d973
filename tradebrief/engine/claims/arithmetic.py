"""What every derived figure shares: rounding, the answer that shows it, the honest refusal.

Used by :mod:`tradebrief.engine.claims.derive` and :mod:`tradebrief.engine.claims.averages`. Every
value is a :class:`~decimal.Decimal`, rounded half up to two decimal places at
the scale shown (an average count of things per period in units, "241475.41 forms
per day", not thousands), and the answer says so.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from tradebrief.answer import Answer, Citation, Derivation, DerivedQuantity
from tradebrief.engine.claims.facts import search
from tradebrief.engine.claims.words import claim_words, has_any, has_phrase, words_of
from tradebrief.engine.memo import per_briefing
from tradebrief.model import Briefing, Metric
from tradebrief.quantities import Scale

__all__ = [
    "MEASURED",
    "Exchange",
    "asks_dollars",
    "derived_answer",
    "exchange",
    "refusal",
    "rounded_result",
    "rounding_to",
    "subject_metric",
]

MEASURED = ("metric_ton", "percent")
"""Units that measure rather than count: averaging them keeps decimals."""
_PLACES = 2  # decimal places of a derived value, at the scale shown, unless asked otherwise
_MAX_PLACES = 6  # "to 10 decimal places" of a figure stated to two is no more exact
_ASKED_PLACES: ContextVar[int | None] = ContextVar("asked_places", default=None)


@contextmanager
def rounding_to(places: int | None) -> Iterator[None]:
    """Round derived values to ``places`` decimal places within the block (None: the default).

    A question may ask for its rounding ("Round to 4 decimal places"); the
    engine reads it and derives inside this block.
    """
    token = _ASKED_PLACES.set(None if places is None else max(0, min(places, _MAX_PLACES)))
    try:
        yield
    finally:
        _ASKED_PLACES.reset(token)


def _places() -> int:
    asked = _ASKED_PLACES.get()
    return _PLACES if asked is None else asked


_STEM = 6  # letters two forms of a word share: "supervise" and "supervised"
_SCORE = 0.8  # derived, so a little below a stated answer
_SUGGESTIONS = 3  # questions offered with a refusal


def refusal(briefing: Briefing, question: str, missing: str) -> Answer:
    """An honest no that names the missing input, with up to three answerable suggestions."""
    retrieval = search(briefing, question)
    ranked = (item.candidate for item in getattr(retrieval, "ranked", ()))
    offered = (c.question for c in ranked if getattr(c, "ref", ""))
    chosen: list[str] = []
    for asked in itertools.chain(offered, (f.question for f in briefing.facts)):
        if asked not in chosen:
            chosen.append(asked)
        if len(chosen) == _SUGGESTIONS:
            break  # a library may hold tens of thousands of facts: three are enough
    return Answer(
        question=question,
        found=False,
        text=f"The briefing does not say. It gives no figure for {missing}, so none is derived.",
        score=0.0,
        suggestions=tuple(chosen),
    )


def _round(value: Decimal, scale: Scale, *, in_units: bool = False) -> DerivedQuantity | None:
    """``value`` (already in ``scale``) at a scale where it is at least 1, rounded.

    ``in_units`` writes it out in units instead (an average count of forms a day).
    """
    while abs(value) < 1 and scale > Scale.ONE:
        value, scale = value * 1000, Scale(int(scale) - 3)
    if in_units:
        value, scale = value * Decimal(10) ** int(scale), Scale.ONE
    places = Decimal(1).scaleb(-_places())
    return DerivedQuantity(value=value.quantize(places, ROUND_HALF_UP), scale=scale, unit="x")


def rounded_result(
    value: Decimal, scale: Scale, unit: str, *, in_units: bool = False
) -> DerivedQuantity:
    """``value`` (in ``scale``) as a DerivedQuantity, rescaled to be at least 1, rounded.

    To 2 decimal places unless :func:`rounding_to` asks otherwise; ``in_units`` writes
    a count in units, not thousands.
    """
    rounded = _round(value, scale, in_units=in_units)
    assert rounded is not None
    return rounded.model_copy(update={"unit": unit})


@dataclass(frozen=True, slots=True)
class Exchange:
    """The yuan-to-dollar rate a briefing's own figures imply: 42 trillion yuan = $5.74 trillion."""

    pair: Metric
    """The metric stated in both currencies; cite it as an input of every conversion."""
    yuan: Decimal
    """Its yuan value, as written (42)."""
    usd: Decimal
    """Its dollar value, as written at the same scale's amount (5.74)."""
    factor: Decimal
    """Dollars per yuan, from the full amounts."""

    def suffix(self) -> str:
        """The conversion as written after a yuan figure in an expression: times 5.74 / 42."""
        return f"\u00d7 {self.usd:f} / {self.yuan:f}"

    def note(self, lacking: str = "no dollar total") -> str:
        """What the conversion used, said plainly, and what the briefing does not state."""
        assert self.pair.equivalent is not None
        rate = (1 / self.factor).quantize(Decimal("0.01"), ROUND_HALF_UP)
        return (
            f"Converted at the rate the briefing's own figures imply "
            f"({self.pair.quantity.describe()} = {self.pair.equivalent.describe()}, about "
            f"{rate} yuan per dollar); the briefing states {lacking}."
        )


def exchange(briefing: Briefing) -> Exchange | None:
    """The rate implied by the first figure the briefing gives in both yuan and dollars."""
    for metric in briefing.metrics:
        usd = metric.equivalent
        if usd is not None and usd.unit == "USD" and metric.quantity.unit == "CNY":
            factor = usd.amount / metric.quantity.amount
            return Exchange(metric, metric.quantity.value, usd.value, factor)
    return None


def asks_dollars(text: str) -> bool:
    """Whether ``text`` asks for a figure in US dollars."""
    return any(has_phrase(text, w) for w in ("dollars", "usd")) or "$" in text


def _said(citation: Citation) -> str:
    speaker = citation.speaker
    who = getattr(speaker, "full_name", None) or getattr(speaker, "name", "the briefing")
    return f"{who}, paragraph {citation.paragraph}" if citation.paragraph else str(who)


def derived_answer(
    question: str,
    expression: str,
    result: DerivedQuantity,
    inputs: tuple[Citation, ...],
    what: str,
    note: str | None = None,
) -> Answer:
    """The answer showing a derived figure: text that says so, the formula, inputs cited."""
    places = _places()
    rounding = (
        "to the nearest whole number"
        if places == 0
        else f"to {places} decimal place{'' if places == 1 else 's'}"
    )
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


def subject_metric(briefing: Briefing, question: str) -> Metric | None:
    """The metric a question names by its unit or keywords, if it is not trade as a whole.

    A unit word counts three times a keyword; of equal scores, the first metric wins.
    """
    general = {w for t in claim_words().trade_words for w in words_of(t)}
    asked = set(words_of(question)) - general
    asked |= {w.rstrip("s") for w in asked}
    metrics, by_unit, by_keyword = _metric_words(briefing)
    scores: dict[int, int] = {}
    for word in asked:
        key = _key(word)
        for at in by_unit.get(key, ()):
            scores[at] = scores.get(at, 0) + 3
        for at in by_keyword.get(key, ()):
            scores[at] = scores.get(at, 0) + 1
    if not scores:
        return None
    best = max(scores.values())
    return metrics[min(at for at, score in scores.items() if score == best)]


def _key(word: str) -> str:
    """What two forms of a word share: its first letters, or the whole of a short word.

    "supervise" and "supervised" share "superv"; "tons" matches only "tons".
    """
    return word[:_STEM] if len(word) >= _STEM else word


_MetricWords = tuple[tuple[Metric, ...], dict[str, tuple[int, ...]], dict[str, tuple[int, ...]]]


def _metric_words(briefing: Briefing) -> _MetricWords:
    """The briefing's metrics (figures of speech left out), indexed by unit word and keyword.

    Built once per briefing and kept while it lives: a library of a thousand
    briefings holds tens of thousands of metrics, too many to scan on every ask.
    """
    return per_briefing(briefing, "metric words", lambda: _index_metric_words(briefing))


def _index_metric_words(briefing: Briefing) -> _MetricWords:
    speech = claim_words().figures_of_speech
    metrics = tuple(m for m in briefing.metrics if not has_any(m.quantity.span.quote, speech))
    by_unit: dict[str, list[int]] = {}
    by_keyword: dict[str, list[int]] = {}
    for at, metric in enumerate(metrics):
        units = set(words_of(metric.quantity.unit.replace("_", " "))) - {"and"}
        units |= {w.rstrip("s") for w in units}
        keywords = {w for k in metric.keywords for w in words_of(k)} - {"value", "volume"}
        for table, words in ((by_unit, units), (by_keyword, keywords)):
            for key in {_key(w) for w in words}:
                table.setdefault(key, []).append(at)
    return (
        metrics,
        {k: tuple(v) for k, v in by_unit.items()},
        {k: tuple(v) for k, v in by_keyword.items()},
    )
