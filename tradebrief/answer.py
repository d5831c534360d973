"""Answers: the :class:`Answer` the engine returns, with verbatim :class:`Citation` s.

An :class:`Answer` is the product's promise in one object: ``found`` says
whether the briefing answers the question, ``text`` gives the short answer,
and every :class:`Citation` quotes ``source[start:end]`` exactly, with the
speaker and paragraph. When the briefing does not say, ``found`` is false, the
text says so, and ``suggestions`` offers close questions it can answer.

This module holds the data classes only; the answering logic is the
:mod:`tradebrief.engine` package.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from tradebrief.model import Metric, Organization, Person, PolicyMeasure, Statement
from tradebrief.spans import Span

__all__ = ["Answer", "AnswerFact", "Citation"]

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

    @property
    def span(self) -> Span:
        """The quote as a :class:`~tradebrief.spans.Span`."""
        return Span(start=self.start, end=self.end, quote=self.quote)


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
