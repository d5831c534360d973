"""One exception hierarchy for everything tradebrief can refuse.

Each error carries a stable ``code`` and a one-line message that says what is
wrong and where (a line number, a fact id, a file). The CLI prints exactly that
line; library users can catch :class:`TradebriefError` or a specific subclass.
"""

from __future__ import annotations

__all__ = [
    "AmbiguousQuoteError",
    "FactsFileError",
    "NotABriefingError",
    "QuoteNotFoundError",
    "TradebriefError",
    "TranscriptError",
    "TranscriptWarning",
    "UnknownIdError",
    "UnknownSpeakerError",
]


class TradebriefError(Exception):
    """Base class of every error tradebrief raises on purpose."""

    code: str = "TB000"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return f"{self.code}: {self.message}"


class TranscriptError(TradebriefError):
    """The transcript text cannot be read as an SCIO briefing."""

    code = "TB100"


class NotABriefingError(TranscriptError):
    """The text is empty or lacks the parts every briefing page has."""

    code = "TB101"


class UnknownSpeakerError(TranscriptError):
    """A turn is labelled with a name that is not on the roster.

    Kept for compatibility: the parser now reports an unknown label as a
    :class:`TranscriptWarning` and keeps the words under that label.
    """

    code = "TB102"


class FactsFileError(TradebriefError):
    """The curated facts file is malformed or does not match the transcript."""

    code = "TB200"


class QuoteNotFoundError(FactsFileError):
    """A fact's evidence quote does not occur in the transcript."""

    code = "TB201"


class AmbiguousQuoteError(FactsFileError):
    """A fact's evidence quote occurs more than once, so its place is unknown."""

    code = "TB202"


class UnknownIdError(TradebriefError, KeyError):
    """A lookup by id or name found nothing."""

    code = "TB300"

    def __str__(self) -> str:
        # KeyError would otherwise wrap the message in quotes.
        return f"{self.code}: {self.message}"


class TranscriptWarning(UserWarning):
    """Something a load noticed but did not refuse: an unlisted speaker, a typo in a label."""
