"""What retrieval returns: ranked candidates, and what it learned about the question.

Kept apart from :mod:`tradebrief.engine.rank`, which computes them, so that the
stages that read a retrieval (decide, the claims) need not know how it is made.
"""

from __future__ import annotations

from dataclasses import dataclass

from tradebrief.engine.candidates import Candidate
from tradebrief.engine.lexicon import Intent

__all__ = ["Ranked", "Retrieval"]


@dataclass(frozen=True, slots=True)
class Ranked:
    """A candidate with its score for one question."""

    candidate: Candidate
    """The candidate."""
    score: float
    """Overall score in [0, 1]."""
    coverage: float
    """IDF-weighted share of the question's terms it contains."""
    missed: tuple[str, ...] = ()
    """Specific question terms (rare in the briefing) that this candidate lacks."""
    why: str = ""
    """Its largest misfit with the question, said of it ("gives no figure"); "" if none."""


@dataclass(frozen=True, slots=True)
class Retrieval:
    """Everything retrieval learned about a question."""

    terms: tuple[str, ...]
    """The question's content terms after analysis."""
    unknown: tuple[str, ...]
    """Content terms the briefing never uses, even allowing for typos."""
    unknown_weight: float
    """Share of the question's term weight that is unknown, 0 to 1."""
    unknown_specific: tuple[str, ...]
    """The unknown terms that name something: rare in English, or typed as a name ("EU")."""
    said_by: str | None
    """The person a "what did X say" question asks about, by id."""
    about_speaker_only: bool
    """Whether it asks what that person said with no topic: "What did Mr. Lin say?"."""
    missing_numbers: tuple[str, ...]
    """Numbers in the question that the briefing never states."""
    intent: Intent
    """What kind of answer is wanted."""
    ranked: tuple[Ranked, ...]
    """Best candidates first."""
    unknown_topic: tuple[str, ...] = ()
    """The unknown terms, when every term the briefing knows only frames the question.

    "By what percentage did museum visits grow?": "percentage" and "grow" fit any
    topic, so a briefing that never mentions museums or visits has not the answer.
    """
