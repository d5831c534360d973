"""Questions that compare two years: "How did total trade in 2024 compare with 2023?".

A library answers such a question from both years' figures, which may sit in two
briefings (each briefing reports its own year). :func:`split_comparison` turns
the question into one plain question per year; :class:`~tradebrief.library.Library`
asks each and cites both answers.
"""

from __future__ import annotations

import re

__all__ = ["split_comparison"]

_COMPARE = re.compile(
    r"\b(?:compared?|compares|comparing|comparison|versus|vs\.?|against|differ|difference|"
    r"change[ds]?|changing)\b",
    re.IGNORECASE,
)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
# Words of the question that frame the comparison rather than name its subject.
_FRAME = re.compile(
    r"\b(?:how|what|did|does|do|was|were|is|are|the|in|with|to|from|between|and|of|"
    r"compared?|compares|comparing|comparison|versus|vs\.?|against|differ|difference|"
    r"change[ds]?|changing|year|years|figure|figures)\b|[?,.]",
    re.IGNORECASE,
)


def split_comparison(question: str) -> tuple[str, str] | None:
    """One plain question per year for a question comparing two years, or None.

    Example:
        >>> split_comparison("How did total trade in 2024 compare with 2023?")
        ('What was total trade in 2024?', 'What was total trade in 2023?')
    """
    if not isinstance(question, str):
        raise TypeError(f"the question must be a str, not {type(question).__name__}")
    years = list(dict.fromkeys(_YEAR.findall(question)))
    if len(years) != 2 or _COMPARE.search(question) is None:
        return None
    subject = " ".join(_FRAME.sub(" ", _YEAR.sub(" ", question)).split())
    if not subject:
        return None
    first, second = years
    return f"What was {subject} in {first}?", f"What was {subject} in {second}?"
