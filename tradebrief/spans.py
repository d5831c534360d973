"""Spans: half-open character ranges over a briefing's source text.

A :class:`Span` is the only way tradebrief points into a transcript. Its
``quote`` is always ``source[start:end]``: :meth:`Span.over` is the way to make
one, and :class:`~tradebrief.model.Briefing` checks every span it holds against
its source, so a citation cannot drift from the words it claims to quote.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, model_validator

__all__ = ["Span", "line_number", "occurrences"]


class Span(BaseModel):
    """A verbatim slice ``source[start:end]`` of a transcript.

    Example:
        >>> text = "Total trade rose 5% in 2024."
        >>> span = Span.over(text, 17, 19)
        >>> span.quote
        '5%'
        >>> span.length
        2
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    start: int = Field(ge=0, description="Offset of the first character, counted from 0.")
    end: int = Field(ge=0, description="Offset one past the last character (half-open).")
    quote: str = Field(description="The exact text `source[start:end]`.")

    @model_validator(mode="after")
    def _check_bounds(self) -> Span:
        if self.end <= self.start:
            raise ValueError(f"span end {self.end} must be greater than start {self.start}")
        if len(self.quote) != self.end - self.start:
            raise ValueError(
                f"span quote has {len(self.quote)} characters but covers {self.end - self.start}"
            )
        return self

    @classmethod
    def over(cls, source: str, start: int, end: int) -> Span:
        """Make the span ``source[start:end]``, checking that it lies inside ``source``."""
        if not 0 <= start < end <= len(source):
            raise ValueError(f"span {start}:{end} is outside a text of {len(source)} characters")
        return cls(start=start, end=end, quote=source[start:end])

    @property
    def length(self) -> int:
        """Number of characters covered."""
        return self.end - self.start

    def contains(self, other: Span) -> bool:
        """Whether ``other`` lies wholly inside this span."""
        return self.start <= other.start and other.end <= self.end

    def matches(self, source: str) -> bool:
        """Whether this span's quote is still exactly ``source[start:end]``."""
        return source[self.start : self.end] == self.quote


def occurrences(haystack: str, needle: str, start: int = 0, end: int | None = None) -> list[int]:
    """Every offset where ``needle`` starts inside ``haystack[start:end]``, overlaps included."""
    stop = len(haystack) if end is None else end
    found: list[int] = []
    at = haystack.find(needle, start, stop)
    while at != -1:
        found.append(at)
        at = haystack.find(needle, at + 1, stop)
    return found


def line_number(source: str, offset: int) -> int:
    """The 1-based line of ``source`` on which ``offset`` falls."""
    return source.count("\n", 0, offset) + 1
