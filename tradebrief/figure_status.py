"""Whether a figure is achieved, planned, on order or a target: read from its own clause.

"A further 140 trains are on order, adding to the 1,380 trains now in
service" states two counts of trains; only one answers "how many are in
service". :func:`figure_status` reads the clause around a figure for the words
that make it a plan ("we will build", "plans to"), an order ("on order", "to be
delivered") or a target ("the annual target of 12 million"); anything else is
``"achieved"``, what the text reports as done or standing. :func:`asked_status`
reads the same from a question, so that a figure of the wrong status does not
answer it.
"""

from __future__ import annotations

import re
from typing import Literal

__all__ = ["Status", "asked_status", "figure_status"]

Status = Literal["achieved", "planned", "on order", "target"]
"""What a figure is: reported as done or standing, or still to come."""

# The clause a figure belongs to: commas, semicolons and colons end one.
_CLAUSE_END = re.compile(r"[,;:]\s")
_ORDERED_AFTER = re.compile(
    r"^[^,;:]{0,40}?\b(?:(?:are|is|were|was|remain|remains|now)\s+)?(?:on\s+order|to\s+be\s+delivered)\b",
    re.IGNORECASE,
)
_ORDERED_BEFORE = re.compile(r"\b(?:ordered|orders?\s+for|placed\s+orders?)\b[^,;:]{0,40}$")
_TARGET_BEFORE = re.compile(
    r"\b(?:target|targets|goal|goals|quota)\s+(?:of|is|was|at|for)\b[^,;:]{0,30}$"
    r"|\b(?:aims?|aiming|strive|strives|striving)\s+to\s+(?:reach|achieve|hit|raise|cut|keep|"
    r"bring|increase|reduce)\b[^,;:]{0,40}$"
    r"|\b(?:the\s+)?aim\s+of\s+[a-z]+ing\b[^,;:]{0,40}$",
    re.IGNORECASE,
)
_PLANNED_BEFORE = re.compile(
    r"\b(?:will|shall|plans?\s+to|planned\s+to|planning\s+to|aims?\s+to|aiming\s+to|"
    r"expects?|expected\s+to|forecasts?|projected\s+to|(?:is|are)\s+(?:set|scheduled|due|going)\s+to|"
    r"intends?\s+to|next\s+year|in\s+the\s+coming)\b",
    re.IGNORECASE,
)
_PLANNED_AFTER = re.compile(
    r"^[^,;:.]{0,40}?\b(?:will\s+be|(?:is|are)\s+(?:planned|expected|scheduled|due)|"
    r"to\s+be\s+(?:built|completed|added|opened|launched))\b",
    re.IGNORECASE,
)


def figure_status(sentence: str, start: int, end: int) -> Status:
    """Whether the figure at ``sentence[start:end]`` is achieved, planned, on order or a target.

    Only the figure's own clause is read, so a plan in one clause of a
    sentence does not make the figure of another clause a plan.

    Example:
        >>> text = "A further 140 trains are on order, adding to the 1,380 trains now in service."
        >>> figure_status(text, 10, 13), figure_status(text, 49, 54)
        ('on order', 'achieved')
    """
    if not isinstance(sentence, str) or not all(
        isinstance(i, int) and not isinstance(i, bool) for i in (start, end)
    ):
        raise TypeError("figure_status needs a sentence (str) and the figure's offsets (int)")
    if not 0 <= start <= end <= len(sentence):
        raise ValueError(f"offsets {start}:{end} are outside the sentence of {len(sentence)}")
    ends = [m.start() for m in _CLAUSE_END.finditer(sentence)]
    clause_start = max((e + 1 for e in ends if e < start), default=0)
    before = sentence[clause_start:start]
    after = sentence[end:]
    if _ORDERED_AFTER.match(after) or _ORDERED_BEFORE.search(before):
        return "on order"
    if _TARGET_BEFORE.search(before):
        return "target"
    if _PLANNED_BEFORE.search(before) or _PLANNED_AFTER.match(after):
        return "planned"
    return "achieved"


_ASKS_FIGURE = re.compile(
    r"^\W*(?:how\s+(?:many|much|big|large|long|far|fast)|what\s+(?:was|is|were|are|will)\s+"
    r"(?:the\s+)?(?:number|total|amount|value|size|volume|share|target|goal))\b",
    re.IGNORECASE,
)
_ASKED_ORDERED = re.compile(r"\b(?:on\s+order|ordered|to\s+be\s+delivered)\b", re.IGNORECASE)
_ASKED_TARGET = re.compile(r"\b(?:target|targets|goal|goals|aim|aims|quota)\b", re.IGNORECASE)
_ASKED_PLANNED = re.compile(
    r"\b(?:will|plan|plans|planned|planning|expected|expect|expects|scheduled|forecast|"
    r"projected|intend|intends|next\s+year|coming\s+years?)\b",
    re.IGNORECASE,
)
_ASKED_ACHIEVED = re.compile(
    r"\b(?:did|were|was|have|has|had)\b[^?]*\b(?:delivered|built|completed|opened|put\s+into|"
    r"achieved|reached|made|carried|installed|in\s+service|in\s+operation)\b"
    r"|\b(?:currently|now)\s+in\s+(?:service|operation|use)\b|\bin\s+service\b",
    re.IGNORECASE,
)


def asked_status(question: str) -> Status | None:
    """The status of the figure a question asks for, when its words say; else None.

    Only a question asking for a figure ("how many", "how much", "what was the
    number") has one: "Who said seven targets had been met?" asks for a person.

    Example:
        >>> asked_status("How many C919 jets are currently on order?")
        'on order'
        >>> asked_status("How many trains were delivered in 2025?")
        'achieved'
        >>> asked_status("What was total trade?") is None
        True
    """
    if not isinstance(question, str):
        raise TypeError(f"asked_status needs a question (str), not {type(question).__name__}")
    if not _ASKS_FIGURE.search(question):
        return None
    if _ASKED_ORDERED.search(question):
        return "on order"
    if _ASKED_TARGET.search(question):
        return "target"
    if _ASKED_PLANNED.search(question):
        return "planned"
    if _ASKED_ACHIEVED.search(question):
        return "achieved"
    return None
