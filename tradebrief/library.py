"""Many briefings, one ask: :func:`load_library` and :class:`Library`.

Each briefing answers with its own :meth:`~tradebrief.model.Briefing.ask`; the
library keeps the best answer that was found (highest score, earlier briefing
on a tie) and names the briefing, its title and date, in every citation.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence

from pydantic import BaseModel, ConfigDict, Field

from tradebrief.answer import Answer, Citation
from tradebrief.load import PathLike, load_briefing
from tradebrief.model import Briefing

__all__ = ["Library", "LibraryAnswer", "LibraryCitation", "load_library"]

_FROZEN = ConfigDict(frozen=True, extra="forbid")


class LibraryCitation(BaseModel):
    """A citation with the briefing it comes from."""

    model_config = _FROZEN

    briefing: str = Field(description="Title of the briefing quoted.")
    date: dt.date = Field(description="The day that briefing was held.")
    citation: Citation = Field(description="The verbatim quote, speaker, paragraph and page.")

    def describe(self) -> str:
        """Where the quote is from: ``SCIO briefing on ... (January 13, 2025), paragraph 5``."""
        day = f"{self.date:%B} {self.date.day}, {self.date.year}"
        where = f", paragraph {self.citation.paragraph}" if self.citation.paragraph else ""
        page = f", page {self.citation.page}" if self.citation.page else ""
        return f"{self.briefing} ({day}){where}{page}"


class LibraryAnswer(BaseModel):
    """The library's reply: the best briefing's answer, with the briefing named."""

    model_config = _FROZEN

    question: str = Field(description="The question as asked.")
    found: bool = Field(description="Whether some briefing answers it.")
    text: str = Field(description="The short answer, or why there is none.")
    briefing: int | None = Field(
        description="0-based position in the library of the briefing that answered."
    )
    citations: tuple[LibraryCitation, ...] = Field(default=(), description="Evidence, best first.")
    answer: Answer = Field(description="The chosen briefing's own answer, unchanged.")


class Library(BaseModel):
    """Briefings loaded together and asked as one.

    Example:
        >>> import tradebrief
        >>> library = tradebrief.Library(briefings=(tradebrief.load_briefing(),))
        >>> reply = library.ask("What was the total value of imports and exports?")
        >>> reply.found, reply.citations[0].describe()
        (True, "SCIO briefing on China's import and export performance in 2024 (January 13, 2025), paragraph 5, page 1")
    """  # noqa: E501

    model_config = _FROZEN

    briefings: tuple[Briefing, ...] = Field(min_length=1, description="The briefings, in order.")

    def __len__(self) -> int:
        return len(self.briefings)

    def __iter__(self) -> Iterator[Briefing]:  # type: ignore[override]
        return iter(self.briefings)

    def ask(self, question: str) -> LibraryAnswer:
        """Ask every briefing; the best answer found, or the best refusal when none is.

        Raises :class:`ValueError` for an empty question and :class:`TypeError`
        for one that is not a string.
        """
        if not isinstance(question, str):
            raise TypeError(f"the question must be a str, not {type(question).__name__}")
        answers = [briefing.ask(question) for briefing in self.briefings]
        found = [i for i, a in enumerate(answers) if a.found]
        pool = found or list(range(len(answers)))
        best = max(pool, key=lambda i: (answers[i].score, -i))
        chosen, briefing = answers[best], self.briefings[best]
        citations = tuple(
            LibraryCitation(briefing=briefing.title, date=briefing.date, citation=c)
            for c in chosen.citations
        )
        return LibraryAnswer(
            question=question,
            found=chosen.found,
            text=chosen.text,
            briefing=best if chosen.found else None,
            citations=citations,
            answer=chosen,
        )


def load_library(paths: Iterable[PathLike | Sequence[PathLike]]) -> Library:
    """Load several briefings: each item is a transcript file, a folder, or a list of pages.

    Each briefing's facts come from a ``facts.toml`` beside it, if any. Raises
    :class:`TypeError` for a single path (wrap it in a list) or items of the
    wrong type, and what :func:`~tradebrief.load.load_briefing` raises.
    """
    if isinstance(paths, str | bytes) or not isinstance(paths, Iterable):
        raise TypeError("load_library takes a list of transcripts (paths, folders or page lists)")
    briefings = tuple(load_briefing(item) for item in paths)
    if not briefings:
        raise ValueError("load_library needs at least one transcript")
    return Library(briefings=briefings)
