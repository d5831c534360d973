"""tradebrief: ask an official press briefing a question, get an answer you can quote.

The bundled briefing is the SCIO press conference on China's import and export
performance in 2024 (Jan. 13, 2025; General Administration of Customs).

Example:
    >>> import tradebrief
    >>> b = tradebrief.load_briefing()
    >>> b.metrics["total-trade"].quantity.value
    Decimal('43.85')
    >>> tradebrief.ask("What was the trade surplus?").found
    False
"""

from __future__ import annotations

from tradebrief.answer import Answer, AnswerFact, Citation
from tradebrief.errors import (
    AmbiguousQuoteError,
    FactsFileError,
    NotABriefingError,
    QuoteNotFoundError,
    TradebriefError,
    TranscriptError,
    UnknownIdError,
    UnknownSpeakerError,
)
from tradebrief.facts import attach_facts, parse_facts
from tradebrief.load import load_briefing
from tradebrief.model import (
    Briefing,
    Catalog,
    Fact,
    Metric,
    Organization,
    OrgKind,
    Paragraph,
    Person,
    PolicyMeasure,
    Role,
    Statement,
)
from tradebrief.parse import parse_transcript
from tradebrief.quantities import Change, ChangeBasis, Qualifier, Quantity, Scale
from tradebrief.spans import Span

__all__ = [
    "AmbiguousQuoteError",
    "Answer",
    "AnswerFact",
    "Briefing",
    "Catalog",
    "Change",
    "ChangeBasis",
    "Citation",
    "Fact",
    "FactsFileError",
    "Metric",
    "NotABriefingError",
    "OrgKind",
    "Organization",
    "Paragraph",
    "Person",
    "PolicyMeasure",
    "Qualifier",
    "Quantity",
    "QuoteNotFoundError",
    "Role",
    "Scale",
    "Span",
    "Statement",
    "TradebriefError",
    "TranscriptError",
    "UnknownIdError",
    "UnknownSpeakerError",
    "ask",
    "attach_facts",
    "load_briefing",
    "parse_facts",
    "parse_transcript",
]

__version__ = "0.1.0"


def ask(question: str) -> Answer:
    """Ask the bundled briefing; the same as ``load_briefing().ask(question)``.

    Raises :class:`TypeError` when the question is not a ``str`` and
    :class:`ValueError` when it is empty or whitespace-only.
    """
    return load_briefing().ask(question)
