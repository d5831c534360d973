"""Questions that ask two things at once: "How many cities ... and how many measures ...?".

A journalist often asks for two figures in one breath. Ranked whole, such a
question finds the passage for one half and drops the other. :func:`parts`
splits it where a second question begins ("... and how many ...", "both X and
Y"); :func:`combine` joins the answers to the parts, each keeping its own
verbatim citations, so nothing is quoted for a part it does not answer.
"""

from __future__ import annotations

import re

from tradebrief.answer import Answer, Citation
from tradebrief.engine.lexicon import Lexicon
from tradebrief.engine.question import asks_yes_no
from tradebrief.engine.text import analyze

__all__ = ["combine", "parts"]

_SECOND_QUESTION = re.compile(
    r"[,;]?\s+and\s+(?=(?:how|what|which|who|whom|when|where)\b)", re.IGNORECASE
)
_BOTH = re.compile(r"^(?P<lead>.*?)\bboth\s+(?P<first>.+?)\s+and\s+(?P<second>.+)$", re.IGNORECASE)
_MIN_TERMS = 2  # a part with fewer topic words ("and what does it aim to do") leans on the other


def parts(question: str, lexicon: Lexicon) -> tuple[str, ...]:
    """The separate questions ``question`` asks, or ``()`` if it asks one thing.

    A yes/no claim is one claim however many clauses it has; a part with too
    few topic words to stand alone ("and what does it mean?") keeps the
    question whole.

    Raises:
        TypeError: ``question`` is not a ``str``.
    """
    if not isinstance(question, str):
        raise TypeError(f"parts() needs the question as str, not {type(question).__name__}")
    if asks_yes_no(question):
        return ()
    pieces = [p.strip(" ,;") for p in _SECOND_QUESTION.split(question)]
    if len(pieces) < 2:
        both = _BOTH.match(question.strip().rstrip("?."))
        if both is None:
            return ()
        lead = both["lead"].strip()
        pieces = [f"{lead} {both['first']}".strip(), f"{lead} {both['second']}".strip()]
    if any(len(analyze(piece, lexicon)) < _MIN_TERMS for piece in pieces):
        return ()
    return tuple(pieces)


def combine(question: str, answers: list[Answer]) -> Answer | None:
    """One answer from the answers to a question's parts, or None if they do not make one.

    Every part must be answered, and from different evidence: two parts that
    find the same passage were one question after all.
    """
    if len(answers) < 2 or not all(a.found for a in answers):
        return None
    firsts = [a.citations[0].start if a.citations else -1 for a in answers]
    if len(set(firsts)) < len(firsts):
        return None
    citations: list[Citation] = []
    for answer in answers:
        citations += [c for c in answer.citations if c not in citations]
    return Answer(
        question=question,
        found=True,
        text=" ".join(a.text for a in answers),
        citations=tuple(citations),
        score=min(a.score for a in answers),
    )
