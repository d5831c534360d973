"""What a figure in a sentence is about, and the period it covers, read from the sentence.

:mod:`tradebrief.extract` names an extracted metric by its *subject* ("imports
and exports" in "imports and exports totaled 33.6 trillion yuan") and dates it
by its *period* ("first three quarters of 2025" in a briefing held in October
2025 that says "in the first three quarters"). Retrieval matches questions
against those names, so they are drawn from the sentence's own words.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

__all__ = ["compared_year", "figure_period", "figure_subject"]

# A verb that links a subject to its figure: "X reached 5", "X accounted for 57%".
_LINK = re.compile(
    r"\b(?:reached|reaching|totaled|totalled|totaling|hit|was|were|is|are|stood|came|amounted|"
    r"accounted|rose|grew|increased|fell|dropped|declined|decreased|remained|stayed|exceeded|"
    r"topped|surpassed|registered|recorded|posted|covered|covers|cover|expanded|jumped|"
    r"climbed|edged|went)\b[^,;:]*$",
    re.IGNORECASE,
)
# A clause starts after punctuation, a conjunction, or "that" ("mentioned that GDP grew").
_CLAUSE_START = re.compile(
    r".*(?:[,;:(]|\b(?:while|whereas|but|and then|that|which)\b)\s*", re.DOTALL
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
_ARTICLE = re.compile(r"^(?:the|a|an|its|their|our|this|these|that|those)$", re.IGNORECASE)
_PRONOUN = re.compile(r"^(?:we|they|it|he|she|i|you|this|that|there)$", re.IGNORECASE)
# Words that say when, not what: "Summer grain output this year came to ...".
_TIME_WORD = re.compile(
    r"^(?:this|last|next|year|years|month|months|quarter|quarters|half|so|far|now|"
    r"already|also|together|alone|still|in|the|first|second|third|fourth|end|by|during|of)$",
    re.IGNORECASE,
)
_SUBJECT_WORDS = 6  # a subject longer than this is a clause, not a name


def figure_subject(sentence: str, start: int) -> str:
    """The words naming what the figure at ``start`` of ``sentence`` measures, or "".

    The subject of the verb that links it to the figure, within its clause:
    "the utilization rate of solar power" in "the utilization rate of solar
    power remained above 98%". A pronoun ("we approved 300 projects") names
    nothing, and gives "".

    Example:
        >>> text = "In the first three quarters, imports and exports totaled 33.6 trillion yuan."
        >>> figure_subject(text, text.index("33.6"))
        'imports and exports'
    """
    if not isinstance(sentence, str) or isinstance(start, bool) or not isinstance(start, int):
        raise TypeError("figure_subject needs a sentence (str) and an offset (int)")
    before = sentence[:start]
    clause_start = _CLAUSE_START.match(before)
    clause = before[clause_start.end() :] if clause_start else before
    link = _LINK.search(clause)
    if link is None:
        return ""
    words = _WORD.findall(clause[: link.start()])
    while words and (_ARTICLE.match(words[0]) or _TIME_WORD.match(words[0])):
        words.pop(0)
    while words and _TIME_WORD.match(words[-1]):
        words.pop()  # "output this year", "power together"
    if not words or len(words) > _SUBJECT_WORDS or any(_PRONOUN.match(w) for w in words[:1]):
        return ""
    return " ".join(words)


_MONTHS = [name.lower() for name in calendar.month_name[1:]]
_ORDINAL = {"first": 1, "second": 2, "third": 3, "fourth": 4}
_COUNT = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8}
_COUNT |= {"nine": 9, "ten": 10, "eleven": 11}
_PART = re.compile(
    r"\b(?P<part>(?:first|second|third|fourth)\s+(?:half|quarter)|first\s+three\s+quarters"
    r"|first\s+(?P<count>two|three|four|five|six|seven|eight|nine|ten|eleven)\s+months"
    r"|end\s+of\s+(?P<month>" + "|".join(_MONTHS) + r"))\b"
    r"(?:\s+of\s+(?:the|this)\s+year)?(?!\s+of\s+(?:19|20)\d\d)",
    re.IGNORECASE,
)
_YEAR = re.compile(
    r"(?P<part>(?:the\s+)?(?:first|second|third|fourth|last)\s+(?:half|quarter|three quarters)"
    r"\s+of\s+)?(?P<year>(?:19|20)\d\d)\b"
)
_THIS_YEAR = re.compile(r"\b(?:this|so far this|the current)\s+year\b", re.IGNORECASE)
# "last year" as the time of the figure, not its basis ("over last year").
_LAST_YEAR = re.compile(
    r"(?<!over )(?<!than )(?<!from )(?<!with )(?<!on )(?<!period )\blast year\b", re.IGNORECASE
)
_FUTURE = re.compile(r"\b(?:will|plan|plans|expect|expects|target|aim)\b", re.IGNORECASE)


def figure_period(sentence: str, held: dt.date) -> str | None:
    """The period a sentence's figures cover, for a briefing held on ``held``; None if unsaid.

    A stated year wins ("the first half of 2023" gives ``first half of 2023``).
    A part of a year without one ("in the first three quarters", "by the end
    of June") is the latest such part at the time of the briefing; "this year"
    is the briefing's year; "last year" the one before, unless it is only the
    basis of a comparison ("an increase of 3.6 million tons over last year").

    Example:
        >>> figure_period("By the end of June, capacity reached 2.71 billion kW.", dt.date(2023, 7, 13))
        'end of June 2023'
    """  # noqa: E501
    _check(sentence, held)
    stated = _YEAR.search(sentence)
    if stated is not None:
        return (stated["part"] or "").removeprefix("the ") + stated["year"]
    part = _PART.search(sentence)
    if part is not None:
        name = " ".join(part["part"].split()).lower()
        if part["month"]:
            ends = _MONTHS.index(part["month"].lower()) + 1
            name = f"end of {part['month'].capitalize()}"
        elif part["count"]:
            ends = _COUNT[part["count"].lower()]
        elif name == "first three quarters":
            ends = 9
        else:
            ordinal, unit = name.split()
            ends = _ORDINAL[ordinal] * (6 if unit == "half" else 3)
        year = held.year
        if ends > held.month and not _FUTURE.search(sentence):
            year -= 1  # a part of the year not over yet at the briefing: last year's
        joiner = " " if part["month"] else " of "
        return f"{name}{joiner}{year}"
    if _THIS_YEAR.search(sentence):
        return str(held.year)
    if _LAST_YEAR.search(sentence):
        return str(held.year - 1)
    return None


_BASIS_LAST_YEAR = re.compile(
    r"\b(?:over|than|from|compared with|on)\s+(?:the same period\s+)?(?:of\s+)?last year\b",
    re.IGNORECASE,
)


def compared_year(sentence: str, held: dt.date) -> str | None:
    """The year a sentence compares its figures with ("over last year"), or None.

    Example:
        >>> compared_year("Output rose 3 tons over last year.", dt.date(2024, 9, 5))
        '2023'
    """
    _check(sentence, held)
    return str(held.year - 1) if _BASIS_LAST_YEAR.search(sentence) else None


def _check(sentence: object, held: object) -> None:
    if not isinstance(sentence, str) or not isinstance(held, dt.date):
        raise TypeError(
            f"needs a sentence (str) and the briefing's date, not {type(sentence).__name__} "
            f"and {type(held).__name__}"
        )
