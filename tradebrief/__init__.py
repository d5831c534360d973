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

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tradebrief.answer import (
        Answer,
        AnswerFact,
        Citation,
        Derivation,
        DerivedQuantity,
        Verdict,
    )
    from tradebrief.errors import (
        AmbiguousQuoteError,
        FactsFileError,
        NotABriefingError,
        QuoteNotFoundError,
        TradebriefError,
        TranscriptError,
        TranscriptWarning,
        UnknownIdError,
        UnknownSpeakerError,
    )
    from tradebrief.facts import attach_facts, parse_facts
    from tradebrief.library import Library, LibraryAnswer, LibraryCitation, load_library
    from tradebrief.load import load_briefing
    from tradebrief.model import (
        Briefing,
        Catalog,
        Fact,
        Metric,
        Organization,
        OrgKind,
        Page,
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
    "Derivation",
    "DerivedQuantity",
    "Fact",
    "FactsFileError",
    "Library",
    "LibraryAnswer",
    "LibraryCitation",
    "Metric",
    "NotABriefingError",
    "OrgKind",
    "Organization",
    "Page",
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
    "TranscriptWarning",
    "UnknownIdError",
    "UnknownSpeakerError",
    "Verdict",
    "ask",
    "attach_facts",
    "load_briefing",
    "load_library",
    "parse_facts",
    "parse_transcript",
]

# Names are imported when first used (PEP 562), so that `import tradebrief` and
# loading a briefing do not pay for the answering engine until a question is asked.
_EXPORTS: dict[str, str] = {
    "AmbiguousQuoteError": "tradebrief.errors",
    "Answer": "tradebrief.answer",
    "AnswerFact": "tradebrief.answer",
    "attach_facts": "tradebrief.facts",
    "Briefing": "tradebrief.model",
    "Catalog": "tradebrief.model",
    "Change": "tradebrief.quantities",
    "ChangeBasis": "tradebrief.quantities",
    "Citation": "tradebrief.answer",
    "Derivation": "tradebrief.answer",
    "DerivedQuantity": "tradebrief.answer",
    "Verdict": "tradebrief.answer",
    "Fact": "tradebrief.model",
    "FactsFileError": "tradebrief.errors",
    "Library": "tradebrief.library",
    "LibraryAnswer": "tradebrief.library",
    "LibraryCitation": "tradebrief.library",
    "load_library": "tradebrief.library",
    "Page": "tradebrief.model",
    "TranscriptWarning": "tradebrief.errors",
    "load_briefing": "tradebrief.load",
    "Metric": "tradebrief.model",
    "NotABriefingError": "tradebrief.errors",
    "Organization": "tradebrief.model",
    "OrgKind": "tradebrief.model",
    "Paragraph": "tradebrief.model",
    "parse_facts": "tradebrief.facts",
    "parse_transcript": "tradebrief.parse",
    "Person": "tradebrief.model",
    "PolicyMeasure": "tradebrief.model",
    "Qualifier": "tradebrief.quantities",
    "Quantity": "tradebrief.quantities",
    "QuoteNotFoundError": "tradebrief.errors",
    "Role": "tradebrief.model",
    "Scale": "tradebrief.quantities",
    "Span": "tradebrief.spans",
    "Statement": "tradebrief.model",
    "TradebriefError": "tradebrief.errors",
    "TranscriptError": "tradebrief.errors",
    "UnknownIdError": "tradebrief.errors",
    "UnknownSpeakerError": "tradebrief.errors",
}


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'tradebrief' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


__version__ = "0.1.0"


def ask(question: str) -> Answer:
    """Ask the bundled briefing; the same as ``load_briefing().ask(question)``.

    Raises :class:`TypeError` when the question is not a ``str`` and
    :class:`ValueError` when it is empty or whitespace-only.
    """
    from tradebrief.load import load_briefing

    return load_briefing().ask(question)
