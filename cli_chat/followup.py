"""Follow-up questions that lean on the previous answer, resolved without guessing.

A chat turn such as "who said that?" or "and in US dollars?" is too short to
answer alone. :func:`plan` looks at the question and the last answer and says
what to do; :func:`resolve` carries the plan out with an ``ask`` function and
returns the answer to show. Both are pure apart from calling ``ask``.

Three outcomes:

* ``who said that?`` is answered from the last answer's first citation: its
  speaker, their title and paragraph; nothing is re-asked.
* Another short question with a pronoun or a leading "and ..." is asked twice,
  as typed and with the last fact's name in front, and the better answer wins;
  but when only the question read alone finds something, the chat says the
  briefing does not say and offers that other reading as a suggestion.
* Anything else is asked as typed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from tradebrief import Answer, Organization, Person

__all__ = [
    "MAX_FOLLOWUP_WORDS",
    "Plan",
    "better",
    "fact_name",
    "is_followup",
    "is_who_said",
    "plan",
    "resolve",
    "who_said",
]

MAX_FOLLOWUP_WORDS = 6
"""Questions longer than this are taken to stand on their own."""

_WORD = re.compile(r"[\w$%.'-]+")
_LEADING_LINKS = ("and", "also", "but", "so", "then", "what about", "how about", "in", "what of")
_POINTERS = frozenset({"that", "this", "it", "its", "they", "them", "those", "these", "there"})
_WHO_SAID = re.compile(
    r"^\s*(?:and\s+|so\s+)?who\s+(?:said|says|stated|states|mentioned|announced|claimed|told us)"
    r"\s+(?:that|this|it|so|those)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Plan:
    """What to do with one question, given the last answer.

    ``kind`` is ``"who"`` (answer from the last citation), ``"contextual"``
    (ask both ``question`` and ``expanded``, keep the better) or ``"plain"``
    (ask ``question`` as typed).
    """

    kind: Literal["who", "contextual", "plain"]
    question: str
    expanded: str | None = None


def _words(question: str) -> list[str]:
    return [w.strip(".'").casefold() for w in _WORD.findall(question)]


def is_who_said(question: str) -> bool:
    """Whether the question asks who said the previous answer, e.g. ``who said that?``."""
    return bool(_WHO_SAID.match(question)) and len(_words(question)) <= MAX_FOLLOWUP_WORDS


def is_followup(question: str) -> bool:
    """Whether a question is short and leans on what came before.

    It must have at most :data:`MAX_FOLLOWUP_WORDS` words and either start with a
    linking word ("and", "what about", "in") or point back with a pronoun
    ("it", "that", "there").

    Example:
        >>> is_followup("and in US dollars?"), is_followup("where did it ship to?")
        (True, True)
        >>> is_followup("What was the total value of imports and exports in 2024?")
        False

    """
    words = _words(question)
    if not words or len(words) > MAX_FOLLOWUP_WORDS:
        return False
    opening = " ".join(words[:2])
    if any(opening == link or opening.startswith(link + " ") for link in _LEADING_LINKS):
        return True
    return any(word in _POINTERS for word in words)


def fact_name(answer: Answer) -> str | None:
    """Return the name of what the answer rests on (to prefix a follow-up), or ``None``."""
    fact = answer.fact
    if fact is None:
        return None
    if isinstance(fact, Person):
        return fact.full_name
    return fact.name


def plan(question: str, last: Answer | None) -> Plan:
    """Decide how to answer ``question`` after the answer ``last`` (``None`` at the start)."""
    if last is None or not last.found:
        return Plan("plain", question)
    if is_who_said(question) and last.citations:
        return Plan("who", question)
    name = fact_name(last)
    if name is not None and is_followup(question):
        return Plan("contextual", question, f"{name} {question.strip()}")
    return Plan("plain", question)


def who_said(question: str, last: Answer) -> Answer:
    """Answer "who said that?" from the last answer's first citation, keeping its quote."""
    citation = last.citations[0]
    speaker = citation.speaker
    where = f" in paragraph {citation.paragraph}" if citation.paragraph is not None else ""
    if isinstance(speaker, Person):
        text = f"{speaker.full_name} ({speaker.reference}), {speaker.title}, said it{where}."
    elif isinstance(speaker, Organization):
        text = f"It was said on behalf of {speaker.label}{where}."
    else:
        text = "It comes from the briefing page itself, not from a speaker."
    return Answer(
        question=question,
        found=True,
        text=text,
        citations=(citation,),
        score=last.score,
        fact=speaker,
    )


def better(first: Answer, second: Answer) -> Answer:
    """Pick the better answer: found beats not found, then the higher score; ties keep first."""
    if (second.found, second.score) > (first.found, first.score):
        return second
    return first


def resolve(question: str, last: Answer | None, ask: Callable[[str], Answer]) -> Answer:
    """Answer ``question`` in the context of ``last``, calling ``ask`` as the plan needs.

    A contextual answer keeps the question as the user typed it, so the chat
    shows what was asked rather than the expanded query.
    """
    step = plan(question, last)
    if step.kind == "who" and last is not None:
        return who_said(question, last)
    alone = ask(question)
    if step.kind != "contextual" or step.expanded is None:
        return alone
    with_context = ask(step.expanded).model_copy(update={"question": question})
    if with_context.found or not alone.found:
        return better(with_context, alone)
    # Read with its context the question has no answer ("and in US dollars?" after
    # the yuan total); read alone it matches something else. Saying that other
    # thing would be a confident answer to a question the user did not ask, so
    # keep the honest no and offer the other reading as the first suggestion.
    offer = getattr(alone.fact, "question", None) or alone.question
    suggestions = (offer, *(s for s in with_context.suggestions if s != offer))[:3]
    return with_context.model_copy(update={"suggestions": suggestions})
