"""The period a figure covers, read from its sentence: years, parts of a year, holidays, bases.

:mod:`tradebrief.extract` dates each figure with :func:`figure_period` ("first
three quarters of 2025" in a briefing held in October 2025 that says "in the
first three quarters"), tells a year it is only compared with ("96% of the level
of 2019") from the one it covers, and gives other words for the same months
(:func:`period_words`). The engine compares the months a question names with the
months a figure covers (:func:`months_covered`, :func:`period_months`).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

__all__ = [
    "basis_years",
    "briefing_holiday",
    "compared_year",
    "figure_period",
    "months_covered",
    "period_months",
    "period_words",
    "without_basis_years",
]

_MONTHS = [name.lower() for name in calendar.month_name[1:]]
_ORDINAL = {"first": 1, "second": 2, "third": 3, "fourth": 4}
_COUNT = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8}
_COUNT |= {"nine": 9, "ten": 10, "eleven": 11}
_MONTH_NAMES = "|".join(_MONTHS)
# "From January to September", "January-September": the months of the year so far.
_MONTH_RANGE = rf"(?:January|Jan\.)\s*(?:to|through|-|\u2013)\s*(?P<until>(?i:{_MONTH_NAMES}))"
_PART = re.compile(
    rf"\b(?P<part>{_MONTH_RANGE}|"
    r"(?:first|second|third|fourth)\s+(?:half|quarter)|first\s+three\s+quarters"
    r"|first\s+(?P<count>two|three|four|five|six|seven|eight|nine|ten|eleven)\s+months"
    r"|end\s+of\s+(?P<month>" + "|".join(_MONTHS) + r"))\b"
    r"(?:\s+of\s+(?:the|this)\s+year)?(?!\s+of\s+(?:19|20)\d\d)",
    re.IGNORECASE,
)
_YEAR = re.compile(
    r"(?P<part>(?:the\s+)?(?:first|second|third|fourth|last)\s+(?:half|quarter|three quarters)"
    rf"\s+of\s+|(?i:since)\s+(?:(?:{_MONTH_NAMES.title()})\s+)?|{_MONTH_RANGE}\s+(?:of\s+)?"
    rf"|(?:the\s+)?end\s+of\s+(?:(?:{_MONTH_NAMES.title()})\s+)?)?"
    r"(?P<year>(?:19|20)\d\d)\b"
)
# "during the holiday", "over the eight-day break": the holiday the briefing is about.
_DURING_HOLIDAY = re.compile(
    r"\b(?:during|over|throughout|for|of|in)\s+the\s+(?:[a-z]+-day\s+)?(?:holiday|break)\b",
    re.IGNORECASE,
)
_HOLIDAY_NAME = re.compile(
    r"(?P<name>(?:(?:[A-Z][A-Za-z-]*|and)\s+){1,6})(?:[Hh]oliday|[Gg]olden [Ww]eek)\b"
)
_HOLIDAY_DAYS = re.compile(r"\b(?P<days>[a-z]+-day)\s+(?:holiday|break)\b", re.IGNORECASE)
# "In June, investment went up by 0.21%": a sentence about one month.
_IN_MONTH = re.compile(
    rf"^\s*(?:(?:In|For)\s+(?P<month>{_MONTH_NAMES.title()})|On\s+(?P<day_month>"
    rf"{_MONTH_NAMES.title()})\s+\d{{1,2}})\s*,"
)
_THIS_YEAR = re.compile(r"\b(?:this|so far this|the current)\s+year\b", re.IGNORECASE)
# "last year" as the time of the figure, not its basis ("over last year").
_LAST_YEAR = re.compile(
    r"(?<!over )(?<!than )(?<!from )(?<!with )(?<!on )(?<!period )\blast year\b", re.IGNORECASE
)
_FUTURE = re.compile(r"\b(?:will|plan|plans|expect|expects|target|aim)\b", re.IGNORECASE)
# A year a figure is measured against, not the one it covers: "96% of the level in the
# same period of 2019", "120% of the level of 2019", "compared with 2019", "still below
# 2019", "beyond the 2019 level".
_Y = r"(?:19|20)\d\d"
_BASIS_YEAR = re.compile(
    r"\b(?:(?:the\s+)?same\s+period\s+(?:of|in|last\s+year\s+in)|levels?\s+(?:of|in|seen\s+in)"
    r"|compared\s+(?:with|to)|than\s+(?:in|that\s+of|those\s+of)|pre-pandemic\s+levels?\s+of"
    r"|(?:below|above|beyond|under|exceeding|exceeded|surpassed|surpassing|than)(?:\s+the)?)"
    rf"\s+(?:the\s+same\s+period\s+(?:of|in)\s+)?(?P<year>{_Y})\b"
    rf"|\b(?P<level>{_Y})(?:'s)?\s+(?:levels?|numbers?|figures?|peaks?)\b",
    re.IGNORECASE,
)


def _year_of(match: re.Match[str]) -> str:
    return match["year"] or match["level"]


def basis_years(sentence: str) -> tuple[str, ...]:
    """Years a sentence measures its figures against ("the level of 2019"), in text order.

    Such a year is not the period the figures cover: "trips reached 34.1
    million and returned to 96% of the level in the same period of 2019" is
    about this year.

    Example:
        >>> basis_years("Trips returned to 96% of the level in the same period of 2019.")
        ('2019',)
    """
    if not isinstance(sentence, str):
        raise TypeError(f"basis_years needs a sentence (str), not {type(sentence).__name__}")
    return tuple(_year_of(m) for m in _BASIS_YEAR.finditer(sentence))


def without_basis_years(sentence: str) -> str:
    """The sentence with each basis year blanked out (same length, so offsets hold).

    Example:
        >>> without_basis_years("96% of the level of 2019 in 2025")
        '96% of the level of      in 2025'
    """
    if not isinstance(sentence, str):
        raise TypeError(f"needs a sentence (str), not {type(sentence).__name__}")

    def blank(match: re.Match[str]) -> str:
        at = match.start("year" if match["year"] else "level") - match.start()
        return match[0][:at] + "    " + match[0][at + 4 :]

    return _BASIS_YEAR.sub(blank, sentence)


def figure_period(sentence: str, held: dt.date, *, holiday: str = "") -> str | None:
    """The period a sentence's figures cover, for a briefing held on ``held``; None if unsaid.

    A stated year wins ("the first half of 2023" gives ``first half of 2023``).
    A part of a year without one ("in the first three quarters", "by the end
    of June") is the latest such part at the time of the briefing; "this year"
    is the briefing's year; "last year" the one before, unless it is only the
    basis of a comparison ("an increase of 3.6 million tons over last year").
    "During the holiday" is ``holiday`` (see :func:`briefing_holiday`) in the
    briefing's year, when the briefing is about one.

    Example:
        >>> figure_period("By the end of June, capacity reached 2.71 billion kW.", dt.date(2023, 7, 13))
        'end of June 2023'
    """  # noqa: E501
    _check(sentence, held)
    if not isinstance(holiday, str):
        raise TypeError(f"holiday must be a str, not {type(holiday).__name__}")
    stated = _YEAR.search(without_basis_years(sentence))
    if stated is not None:
        words = " ".join((stated["part"] or "").split()).removeprefix("the ")
        return f"{words} {stated['year']}".strip()
    if holiday and _DURING_HOLIDAY.search(sentence):
        return f"{holiday} of {held.year}"
    part = _PART.search(sentence)
    if part is not None:
        name = " ".join(part["part"].split()).lower()
        if part["until"]:
            ends = _MONTHS.index(part["until"].lower()) + 1
            name = f"January to {part['until'].capitalize()}"
        elif part["month"]:
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
        joiner = " " if part["month"] or part["until"] else " of "
        return f"{name}{joiner}{year}"
    month = _IN_MONTH.match(sentence)
    if month is not None:
        name = month["month"] or month["day_month"]  # "On July 16, the peak load reached"
        number = _MONTHS.index(name.lower()) + 1
        return f"{name} {held.year if number <= held.month else held.year - 1}"
    if _THIS_YEAR.search(sentence):
        return str(held.year)
    if _LAST_YEAR.search(sentence):
        return str(held.year - 1)
    return None


def briefing_holiday(*texts: str) -> str:
    """The holiday a briefing is about, named from its title and opening, or "".

    Example:
        >>> briefing_holiday("Travel in the Spring Festival holiday", "a nine-day break")
        'nine-day Spring Festival holiday'
    """
    if not all(isinstance(text, str) for text in texts):
        raise TypeError("briefing_holiday needs texts (str)")
    name = days = ""
    for text in texts:
        found = _HOLIDAY_NAME.search(text)
        if found is not None and not name:
            words = found["name"].split()
            while words and words[0] in ("The", "A", "and", "This"):
                words.pop(0)
            name = " ".join(words)
        counted = _HOLIDAY_DAYS.search(text)
        if counted is not None and not days:
            days = counted["days"].lower()
    if not name:
        return ""
    return " ".join(w for w in (days, name, "holiday") if w)


_ONE_MONTH = re.compile(rf"^(?P<month>{_MONTH_NAMES.title()}) \d{{4}}$")
_SEASONS = {
    month: (season,)
    for season, months in (
        ("winter", (12, 1, 2)),
        ("spring", (3, 4, 5)),
        ("summer", (6, 7, 8)),
        ("autumn", (9, 10, 11)),
    )
    for month in months
}
_SAME_MONTHS = {
    3: ("first quarter", "January to March", "first three months", "Q1"),
    6: ("first half", "January to June", "first six months", "H1"),
    9: ("first three quarters", "January to September", "first nine months", "Q1-Q3"),
}
_MONTHS_ENDED = re.compile(
    r"^(?:first (?:quarter|half|three quarters|(?P<count>\w+) months)|January to (?P<until>\w+))"
    r" of \d{4}$|^January to (?P<until2>\w+) \d{4}$"
)


def period_words(period: str | None) -> tuple[str, ...]:
    """Other words for the same months of a period, for a figure's key words.

    Example:
        >>> period_words("January to September 2025")
        ('first', 'three', 'quarters', 'nine', 'months', 'Q1-Q3')
        >>> period_words("first half of 2025")
        ('January', 'June', 'six', 'months', 'H1')
    """
    if period is not None and not isinstance(period, str):
        raise TypeError(f"period_words needs a period (str or None), not {type(period).__name__}")
    found = _MONTHS_ENDED.match(period or "")
    single = _ONE_MONTH.match(period or "")
    if single is not None:  # "July 2025": asked as "last summer"
        return _SEASONS[_MONTHS.index(single["month"].lower()) + 1]
    if period is None or found is None:
        return ()
    until = found["until"] or found["until2"]
    if until:
        ends = _MONTHS.index(until.lower()) + 1 if until.lower() in _MONTHS else 0
    elif found["count"]:
        ends = _COUNT.get(found["count"].lower(), 0)
    else:
        ends = {"quarter": 3, "half": 6, "three quarters": 9}[period.split(" of ")[0][6:]]
    known = set((period or "").split())
    words = " ".join(_SAME_MONTHS.get(ends, ())).split()
    return tuple(w for w in dict.fromkeys(words) if w not in known and w != "to")


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


_SPAN_WORDS = re.compile(
    rf"\b(?:(?P<half>first|second)\s+half|(?P<quarter>first|second|third|fourth)\s+quarter"
    r"|(?P<three>first\s+three\s+quarters)|first\s+(?P<count>two|three|four|five|six|seven|eight|"
    r"nine|ten|eleven)\s+months|(?:January|Jan\.)\s*(?:to|through|-|\u2013)\s*"
    rf"(?P<until>(?i:{_MONTH_NAMES}))|end\s+of\s+(?P<end>(?i:{_MONTH_NAMES})))\b",
    re.IGNORECASE,
)
_HALF = {"first": (1, 6), "second": (7, 12)}
_QUARTER = {"first": (1, 3), "second": (4, 6), "third": (7, 9), "fourth": (10, 12)}


def months_covered(text: str) -> tuple[int, int] | None:
    """The months of the year a period or question names, first and last; None if it names none.

    "first half" and "January to June" both give ``(1, 6)``; "the end of June" is
    one point, ``(6, 6)``; a bare year names no part of one, and gives None.

    Example:
        >>> months_covered("first three quarters of 2025"), months_covered("2025")
        ((1, 9), None)
    """
    if not isinstance(text, str):
        raise TypeError(f"months_covered needs text (str), not {type(text).__name__}")
    found = _SPAN_WORDS.search(text)
    if found is None:
        return None
    if found["half"]:
        return _HALF[found["half"].lower()]
    if found["quarter"]:
        return _QUARTER[found["quarter"].lower()]
    if found["three"]:
        return (1, 9)
    if found["count"]:
        return (1, _COUNT[found["count"].lower()])
    name = (found["until"] or found["end"]).lower()
    month = _MONTHS.index(name) + 1
    return (1, month) if found["until"] else (month, month)


_BARE_YEAR = re.compile(r"^(?:19|20)\d\d$")
_END_OF_YEAR = re.compile(r"^end of (?:19|20)\d\d$")


def period_months(period: str | None) -> tuple[int, int] | None:
    """The months of its year a figure's period covers, first and last; None if unknown.

    A bare year covers all twelve; "end of 2025" and "end of June 2025" are one
    point; "July 2025" is one month. A holiday or "since July 2021" gives None.

    Example:
        >>> period_months("2025"), period_months("first half of 2025"), period_months("July 2025")
        ((1, 12), (1, 6), (7, 7))
    """
    if period is None:
        return None
    if not isinstance(period, str):
        raise TypeError(f"period_months needs a period (str), not {type(period).__name__}")
    if _BARE_YEAR.match(period):
        return (1, 12)
    if _END_OF_YEAR.match(period):
        return (12, 12)
    single = _ONE_MONTH.match(period)
    if single is not None:
        month = _MONTHS.index(single["month"].lower()) + 1
        return (month, month)
    if period.startswith("since"):
        return None
    return months_covered(period)
