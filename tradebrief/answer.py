"""Answers: the :class:`Answer` the engine returns, with verbatim :class:`Citation` s.

An :class:`Answer` is the product's promise in one object: ``found`` says
whether the briefing answers the question, ``text`` gives the short answer,
and every :class:`Citation` quotes ``source[start:end]`` exactly, with the
speaker and paragraph. When the briefing does not say, ``found`` is false, the
text says so, and ``suggestions`` offers close questions it can answer. A
yes/no claim carries a :class:`Verdict`; a computed figure a :class:`Derivation`.

This module holds the data classes only; the answering logic is the
:mod:`tradebrief.engine` package (and :mod:`tradebrief.engine.claims` for claims).
"""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from tradebrief.model import Metric, Organization, Person, PolicyMeasure, Statement
from tradebrief.quantities import ExactDecimal, Scale
from tradebrief.spans import Span

__all__ = [
    "Answer",
    "AnswerFact",
    "Citation",
    "Derivation",
    "DerivedQuantity",
    "Verdict",
]

AnswerFact = Annotated[
    Metric | PolicyMeasure | Statement | Person | Organization, Field(discriminator="kind")
]
"""What an answer can rest on: a curated fact, a person or an organisation."""


class Citation(BaseModel):
    """A verbatim quote from the briefing, with who said it and where.

    ``quote`` is always ``briefing.source[start:end]``.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    quote: str = Field(description="The exact words quoted, `source[start:end]`.")
    start: int = Field(ge=0, description="Offset of the quote's first character in the source.")
    end: int = Field(ge=0, description="Offset one past its last character.")
    paragraph: int | None = Field(
        description="1-based number of the paragraph quoted; None for the roster and header."
    )
    speaker: Person | Organization | None = Field(
        description="Who said it: a person on the roster, a media outlet, or None for the header."
    )
    highlights: tuple[Span, ...] = Field(
        default=(), description="The words inside the quote that carry the answer."
    )
    page: int | None = Field(
        default=None, description="1-based number of the loaded page the quote is on."
    )

    @property
    def span(self) -> Span:
        """The quote as a :class:`~tradebrief.spans.Span`."""
        return Span(start=self.start, end=self.end, quote=self.quote)


class Verdict(StrEnum):
    """What the briefing says about a yes/no claim such as "Did trade grow 6%?"."""

    YES = "yes"
    """The briefing states something that makes the claim true."""
    NO = "no"
    """The briefing states something that makes the claim false."""
    NOT_STATED = "not_stated"
    """The briefing neither supports nor refutes the claim."""


class DerivedQuantity(BaseModel):
    """A figure computed from stated ones: a ``Decimal`` value with scale and unit, no source span.

    Example:
        >>> from decimal import Decimal
        >>> DerivedQuantity(value=Decimal("41.76"), scale=Scale.TRILLION, unit="CNY").amount
        Decimal('41760000000000.00')
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    value: ExactDecimal = Field(description="The rounded result, before scaling: 41.76.")
    scale: Scale = Field(default=Scale.ONE, description="Power of ten the value is quoted in.")
    unit: str = Field(min_length=1, description="CNY, USD, percent, or the noun counted.")

    @property
    def amount(self) -> Decimal:
        """The full amount, ``value * 10**scale``."""
        return self.value * (Decimal(10) ** int(self.scale))

    def describe(self) -> str:
        """The figure in plain English: ``41.76 trillion yuan``, ``$5.99 trillion``, ``4.79%``."""
        number = f"{self.value:,f}"
        if self.unit == "percent":
            return f"{number}%"
        if self.unit == "USD":
            return " ".join(p for p in (f"${number}", self.scale.word) if p)
        first, *rest = self.unit.split(" per ")
        words = [_UNIT_WORDS.get(first, first), *(_PER_UNIT_WORDS.get(p, p) for p in rest)]
        return " ".join(p for p in (number, self.scale.word, " per ".join(words)) if p)


_UNIT_WORDS = {"CNY": "yuan", "USD": "US dollars", "metric_ton": "metric tons"}
_PER_UNIT_WORDS = {"CNY": "yuan", "USD": "US dollar", "metric_ton": "metric ton"}  # "per ton"


class Derivation(BaseModel):
    """A figure the briefing does not state but its stated figures imply, with every input cited.

    Example:
        >>> import tradebrief
        >>> d = tradebrief.ask("What was total trade in 2023?").derivation
        >>> d.expression, d.result.value, d.result.unit
        ('43.85 / (1 + 5%)', Decimal('41.76'), 'CNY')
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    expression: str = Field(description="The arithmetic on the stated figures: '43.85 / (1 + 5%)'.")
    result: DerivedQuantity = Field(description="The result, rounded as `rounding` says.")
    rounding: str = Field(description="How the result was rounded: 'to 2 decimal places'.")
    inputs: tuple[Citation, ...] = Field(
        min_length=1, description="A verbatim citation of every stated figure used."
    )
    note: str | None = Field(default=None, description="A caveat or cross-check, if any.")


class Answer(BaseModel):
    """The reply to one question: a short answer with citations, or an honest no.

    Example:
        >>> import tradebrief
        >>> a = tradebrief.ask("How many customs declarations were processed in 2024?")
        >>> a.found, a.text
        (True, '88.38 million customs declaration forms were processed in 2024.')
        >>> a.citations[0].quote
        'the last of the 88.38 million forms processed in 2024'
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    question: str = Field(description="The question as asked.")
    found: bool = Field(description="Whether the briefing answers the question.")
    text: str = Field(description="A short, direct answer, or why there is none.")
    citations: tuple[Citation, ...] = Field(default=(), description="Evidence, best first.")
    score: float = Field(ge=0.0, le=1.0, description="Confidence in the answer, 0 to 1.")
    fact: AnswerFact | None = Field(default=None, description="The typed fact that answered.")
    suggestions: tuple[str, ...] = Field(
        default=(), description="When not found: up to 3 answerable questions close to this one."
    )
    verdict: Verdict | None = Field(
        default=None, description="For a yes/no claim: yes, no or not_stated; else None."
    )
    derivation: Derivation | None = Field(
        default=None, description="When the answer is computed from stated figures: how."
    )
