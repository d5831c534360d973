"""Reporters' questions that a page left unlabelled, told apart from the speaker's words.

The mobile SCIO pages sometimes drop a reporter's label: the question then
follows the chairperson's "The floor is now open for questions" as if she asked
it. A paragraph inside a turn *reads as a reporter's question* when it ends
with a question and a reporter's closing thanks ("... in this context? Thank
you."), or ends with a question that the next turn thanks ("Thanks for your
question."). Such a paragraph, with the paragraphs between it and the
chairperson's invitation, is never credited to the turn's speaker; a reply
that follows it inside the same turn has no label either and is credited to
no one. The cues live in ``tradebrief/data/layout.toml``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from tradebrief.parse.layout import Layout

__all__ = ["Unlabelled", "unlabelled_questions"]

_TRAILING_QUOTES = "\"'\u201d\u2019) \t"
_SCENE_PARAGRAPHS = 2  # how many paragraphs of scene may come before the question


@dataclass(frozen=True)
class Unlabelled:
    """What in one turn is not the speaker's: question paragraphs, and where a reply starts."""

    asked: tuple[int, ...]
    """Indexes (within the turn) of paragraphs that are a reporter's unlabelled question."""
    unheard_from: int | None
    """Index from which the turn's paragraphs are an unlabelled reply, credited to no one."""


def _closing_thanks(text: str, layout: Layout) -> str:
    """The text without a reporter's closing thanks ("? Thank you."), stripped."""
    stripped = text.rstrip()
    for closer in sorted(layout.question_closers, key=len, reverse=True):
        pattern = rf"{re.escape(closer)}\s*[.!]?$"
        match = re.search(pattern, stripped, re.IGNORECASE)
        if match is not None and stripped[: match.start()].rstrip(_TRAILING_QUOTES).endswith("?"):
            return stripped[: match.start()].rstrip()
    return stripped


def _ends_asking(text: str, layout: Layout) -> bool:
    return _closing_thanks(text, layout).rstrip(_TRAILING_QUOTES).endswith("?")


def _thanked(text: str, layout: Layout) -> bool:
    return _closing_thanks(text, layout) != text.rstrip()


def _opens_reply(text: str, layout: Layout) -> bool:
    """Whether a paragraph opens as a reply to a question ("Thanks for your question.")."""
    folded = text.lstrip().casefold()
    return any(folded.startswith(opener) for opener in layout.reply_openers)


def _invites(text: str, layout: Layout) -> bool:
    folded = text.casefold()
    return any(cue in folded for cue in layout.floor_cues)


def unlabelled_questions(
    texts: Sequence[str],
    following: str | None,
    layout: Layout,
    *,
    labelled: bool,
    asker: bool = False,
) -> Unlabelled:
    """Find the reporter's unlabelled question paragraphs in one turn's ``texts``.

    ``following`` is the first paragraph of the next turn (or ``None``). A
    labelled turn's first paragraph is the label's; an unlabelled one (a page
    that opens mid-turn) is read from its first paragraph. In a reporter's own
    turn (``asker``) every question is theirs: only an unlabelled reply inside it
    ("Thank you for your question. ...") is found.
    """
    if isinstance(texts, str) or not all(isinstance(t, str) for t in texts):
        raise TypeError("texts must be a sequence of paragraph strings")
    if following is not None and not isinstance(following, str):
        raise TypeError(f"following must be a str or None, not {type(following).__name__}")
    asked: list[int] = []
    first = 1 if labelled else 0
    for k in range(first, len(texts)):
        before = texts[k - 1] if k > 0 else None
        if before is not None and _opens_reply(texts[k], layout) and _ends_asking(before, layout):
            return Unlabelled(tuple(asked), k)
        if asker:
            continue
        after = texts[k + 1] if k + 1 < len(texts) else following
        replied = after is not None and _opens_reply(after, layout)
        if not (_ends_asking(texts[k], layout) and (_thanked(texts[k], layout) or replied)):
            continue
        # The scene a reporter sets before asking ("Last summer many rivers ran dry.")
        # is theirs too, back to the chairperson's invitation, if it is near.
        low = max(asked[-1] + 1 if asked else 0, k - _SCENE_PARAGRAPHS - 1)
        invited = (j for j in range(k - 1, low - 1, -1) if _invites(texts[j], layout))
        start = max(next(invited, k - 1) + 1, first)
        asked.extend(range(start, k + 1))
        if k + 1 < len(texts):
            return Unlabelled(tuple(asked), k + 1)
    return Unlabelled(tuple(asked), None)
