"""The state of one conversation: the briefing, the answers so far and pending numbers."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cli_chat.followup import Context
    from tradebrief.answer import Answer
    from tradebrief.model import Briefing

__all__ = ["ChatState"]


@dataclass
class ChatState:
    """What a chat remembers between turns.

    ``answers`` is every answer shown, oldest first (``/export`` writes them);
    ``numbered`` holds the questions the user can ask by typing their number:
    the welcome screen's examples at first, then a not-found answer's
    suggestions. ``json_mode`` is toggled by ``/json``; ``context`` is what the
    next follow-up question can lean on (``None`` before the first question,
    so that the answering engine loads only after the first prompt is drawn).
    """

    briefing: Briefing
    numbered: tuple[str, ...] = ()
    json_mode: bool = False
    answers: list[Answer] = field(default_factory=list)
    context: Context | None = None

    @property
    def last(self) -> Answer | None:
        """The most recent answer, if any."""
        return self.answers[-1] if self.answers else None

    def record(self, answer: Answer) -> None:
        """Remember an answer; its suggestions, if any, become the numbered questions."""
        self.answers.append(answer)
        if answer.suggestions:
            self.numbered = answer.suggestions
