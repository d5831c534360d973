"""Phrases of a question that qualify what it asks rather than name it.

A year a change is measured against ("compared with 2023"), what an opening
clause sets aside ("Apart from the top leadership, ..."), the noun a figure is
asked of ("the total profit of ..."), past forms and adverbs that tell how, and
"first" or "last" naming a period: each is read here so that ranking can weigh
it for what it is, not as one more word a passage must have.
"""

from __future__ import annotations

import re

from tradebrief.engine import english
from tradebrief.engine.lexicon import Lexicon
from tradebrief.engine.question import ATTRIBUTE_WORDS
from tradebrief.engine.text import analyze
from tradebrief.figure_period import basis_years as level_basis_years

__all__ = [
    "asks_time_of_day",
    "basis_years",
    "describing_terms",
    "measured_noun",
    "period_ordinals",
    "set_aside",
]

# "Apart from the top leadership, whose ...", "Beyond merely watching, what ...": an opening
# clause that sets something aside, so that the answer is something else.
_SET_ASIDE = re.compile(
    r"^\s*(?:apart from|aside from|besides|beyond|other than|except for|in addition to)"
    r"\s+(?P<aside>[^,;?]{1,80}),",
    re.IGNORECASE,
)


# "up 5% compared with 2023", "grew 3% over 2023": the year a change in a question is
# measured from. The years a level is measured against ("the level of 2019") are read by
# :func:`tradebrief.figure_period.basis_years`, as they are in passages.
_CHANGE_BASIS_YEAR = re.compile(
    r"\b(?:compared (?:with|to)|than|over|against|versus|vs\.?|from)\s+(?:in\s+)?(?:that of\s+)?"
    r"((?:19|20)\d\d)\b",
    re.IGNORECASE,
)


def basis_years(text: str) -> frozenset[str]:
    """Years a change is measured against ("up 5% compared with 2023"): a basis, not a figure.

    Also the year a level is recovered to ("96% of the level in the same period of 2019").
    """
    changes = {match[1] for match in _CHANGE_BASIS_YEAR.finditer(text)}
    return frozenset(changes) | frozenset(level_basis_years(text))


# "What was the total profit of ...", "What was the value of ...": the noun a figure measures.
_MEASURED = re.compile(
    r"\bwhat\s+(?:was|were|is|are)\s+(?:the\s+)?(?:total\s+|overall\s+|combined\s+)?"
    r"([a-z-]+)\s+(?:of|in|for|from)\b",
    re.IGNORECASE,
)


# Words that name the measure, not the thing measured: "the extent of", "the value of".
_MEASURES = frozenset(
    {"value", "extent", "level", "scale", "volume", "sum", "size", "worth", "rate", "growth"}
    | {"increase", "decrease", "change", "figure", "result", "status", "scope", "range"}
)


def measured_noun(text: str, lexicon: Lexicon) -> str:
    """The noun a "what was the (total) X of ..." question asks a figure of ("profit"), or ""."""
    match = _MEASURED.search(text)
    if match is None or (noun := match[1].casefold()) in lexicon.stopwords:
        return ""
    return "" if noun in ATTRIBUTE_WORDS or noun in _MEASURES else noun


def set_aside(text: str) -> str:
    """What an opening clause sets aside ("the top leadership"), or "" if none.

    "Apart from the top leadership, whose work ...?" asks for someone else, so a passage
    need not name it; but the answer may stand beside it ("besides participants, what
    else ..."), so it still counts as a match.
    """
    match = _SET_ASIDE.search(text)
    return match["aside"] if match else ""


# A past form or an adverb ("dispatched", "widely") tells how, not what: a word the
# briefing never uses of that kind lowers confidence but names no missing thing.
_DESCRIBING = re.compile(r"\b[a-z]{3,}(?:ed|ly)\b")
_PERIODIC = frozenset({"daily", "weekly", "monthly", "quarterly", "yearly", "early"})
_PERIOD_ORDINAL = re.compile(
    r"\b(first|last)\s+(?:half|quarter|(?:two|three|four|five|six|\d+)\s+(?:quarters|months))\b",
    re.IGNORECASE,
)


def describing_terms(text: str, lexicon: Lexicon) -> frozenset[str]:
    """Terms of the question's past forms and adverbs, periods ("monthly") excepted.

    Example:
        >>> from tradebrief.engine.lexicon import load_lexicon
        >>> sorted(describing_terms("How widely were teams dispatched monthly?", load_lexicon()))
        ['dispatch', 'widely']
    """
    return frozenset(
        term
        for word in _DESCRIBING.findall(text.casefold())
        if word not in _PERIODIC and english.is_english(word)
        for term in analyze(word, lexicon)
    )


def period_ordinals(text: str, lexicon: Lexicon) -> frozenset[str]:
    """Terms of "first" or "last" naming a period ("the first half"), not an ordinal.

    Example:
        >>> from tradebrief.engine.lexicon import load_lexicon
        >>> sorted(period_ordinals("in the first three quarters", load_lexicon()))
        ['first']
    """
    return frozenset(t for m in _PERIOD_ORDINAL.finditer(text) for t in analyze(m[1], lexicon))


_TIME_OF_DAY = re.compile(
    r"\bwhat time of (?:the )?day\b|\bwhat hour\b|\bwhat time (?:did|does|will) [\w\s]{1,40}"
    r"\b(?:begin|start|open|end|finish)",
    re.IGNORECASE,
)


def asks_time_of_day(text: str) -> bool:
    """Whether ``text`` asks for a time of day ("What time did it start?"), not a date."""
    return _TIME_OF_DAY.search(text) is not None
