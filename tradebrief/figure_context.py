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

__all__ = [
    "basis_years",
    "briefing_holiday",
    "compared_year",
    "figure_aliases",
    "figure_period",
    "figure_scope",
    "figure_subject",
    "months_covered",
    "period_months",
    "period_words",
    "without_basis_years",
]

# A verb that links a subject to its figure: "X reached 5", "X accounted for 57%".
_LINK_WORDS = (
    "reached|reaching|totaled|totalled|totaling|hit|was|were|is|are|stood|stands|came|amounted|"
    "accounted|rose|grew|increased|fell|dropped|declined|decreased|remained|stayed|exceeded|"
    "topped|surpassed|registered|recorded|posted|covered|covers|cover|expanded|jumped|"
    "climbed|edged|went|made|saw|received|handled|staged|issued|offered|averaged|opened|"
    "created|provided|attracted|welcomed|reported|logged|sold|paid|had|kept|held|gave|served|"
    "processed|added|hired|enrolled|traded|produced|generated|contributed|exported|imported"
)
_LINK = re.compile(rf"\b(?:{_LINK_WORDS})\b(?!.*\b(?:{_LINK_WORDS})\b)[^,;:]*$", re.IGNORECASE)
# Another verb in the past tense just before the figure: "departments deployed 46,000".
_NEAR_VERB = re.compile(r"\b[a-z]{3,}ed(?:\s+(?:about|nearly|over|more than|some|roughly))?\s*$")
# A clause starts after punctuation, a conjunction, or "that" ("mentioned that GDP grew").
_CLAUSE_START = re.compile(
    r".*(?:[,;:(]|\b(?:while|whereas|but|and then|that|which|who)\b)\s*", re.DOTALL
)
# ", or PM2.5," names the phrase before it again; it does not end the clause.
_APPOSITIVE = re.compile(r",\s+or\s+(?P<alias>[^,;:]{1,24}),")
_WORD = re.compile(r"[A-Za-z](?:[A-Za-z0-9'.-]*[A-Za-z0-9])?")
_ARTICLE = re.compile(
    r"^(?:the|a|an|its|their|our|this|these|that|those|and|or|but|so|then)$", re.IGNORECASE
)
_PRONOUN = re.compile(r"^(?:we|they|it|he|she|i|you|this|that|there)$", re.IGNORECASE)
_LOWER_PRONOUNS = frozenset(("it", "we", "they", "he", "she", "you"))
_AUXILIARY = re.compile(r"^(?:has|have|had|been|be|will|would|also|already|now)$", re.IGNORECASE)
# Words that say when, not what: "Summer grain output this year came to ...".
_TIME_WORD = re.compile(
    r"^(?:this|last|next|year|years|month|months|quarter|quarters|half|so|far|now|"
    r"already|also|together|alone|still|in|the|first|second|third|fourth|end|by|during|of)$",
    re.IGNORECASE,
)
# A subject that names what came before: "it was 41.2", "the figure was 29.8".
_ANAPHOR = re.compile(r"^(?:it|this|that|figure|number|total|latter|former)$", re.IGNORECASE)
# A subject that narrows the one before: "the rate for September" after "the unemployment rate".
_NARROWING = re.compile(
    r"^(?P<head>rate|figure|number|share|price|level|ratio|proportion|growth|total)\s+"
    r"(?P<rest>(?:for|in|of|among)\s.+)$"
)
# "that in manufacturing up by 6.2%" after "the investment in infrastructure": the same head.
_THAT_IN = re.compile(r"^(?:that|those)\s+(?P<rest>(?:in|of|for)\s.+)$", re.IGNORECASE)
_TRAILING_VERB = re.compile(
    r"(?:\s+(?:was|were|went|had|has))?(?:\s+(?:up|down|rose|fell|grew|increased|decreased|"
    r"dropped|declined|reached|stood|totaled))?(?:\s+(?:by|at|to))?\s*$"
)
# Brackets inside a subject: "investment in fixed assets (excluding rural households) reached".
_BRACKETS = re.compile(r"\([^()]*\)")
# When, not what: "GDP in the first three quarters was", "output this year came to".
_TIME_PHRASE = re.compile(
    r"\b(?:in|during|over|for|from|since|by)\s+(?:the\s+)?(?:(?:first|second|third|fourth|last|"
    r"past)\s+(?:\w+\s+)?(?:half|quarters?|months?|years?)|end\s+of\s+\w+)"
    r"(?:\s+of\s+(?:the\s+|this\s+)?(?:year|\d{4}))?"
    r"|\b(?:in|during)\s+(?:19|20)\d\d\b",
    re.IGNORECASE,
)
# "..., and wind power capacity at 598 million": a second figure whose verb is left out.
_GAPPED = re.compile(
    r"(?:,\s*|\band\s+)(?:the\s+)?(?P<words>(?:[A-Za-z][\w'-]*\s+){0,5}[A-Za-z][\w'-]*)"
    r"\s+(?:at|to)\s+(?:about\s+|nearly\s+|over\s+|more\s+than\s+)?$"
)
_FIGURE_IN = re.compile(r"(?<![A-Za-z0-9.])\d")  # a figure, not the digits of "PM2.5"
_SUBJECT_WORDS = 8  # a subject longer than this is a clause, not a name


def figure_subject(sentence: str, start: int, previous: str = "") -> str:
    """The words naming what the figure at ``start`` of ``sentence`` measures, or "".

    The subject of the verb that links it to the figure, within its clause:
    "the utilization rate of solar power" in "the utilization rate of solar
    power remained above 98%". A pronoun ("we approved 300 projects") names
    nothing, and gives "". ``previous`` is the subject of the figure before it
    in the same paragraph: a subject that only points back to it ("it was
    41.2", "the figure was", "their average income", "the rate for
    September") is read as that subject.

    Example:
        >>> text = "In the first three quarters, imports and exports totaled 33.6 trillion yuan."
        >>> figure_subject(text, text.index("33.6"))
        'imports and exports'
    """
    if (
        not isinstance(sentence, str)
        or not isinstance(previous, str)
        or isinstance(start, bool)
        or not isinstance(start, int)
    ):
        raise TypeError("figure_subject needs a sentence (str) and an offset (int)")
    before = _TIME_PHRASE.sub(" ", _BRACKETS.sub(" ", _APPOSITIVE.sub(" ", sentence[:start])))
    clause_start = _CLAUSE_START.match(before)
    clause = before[clause_start.end() :] if clause_start else before
    that = _THAT_IN.match(re.split(r"[,;:(]\s*(?:and\s+)?", before)[-1].strip())
    if that and previous:
        head = re.split(r"\s+(?:in|of|for)\s+", previous, maxsplit=1)[0]
        rest = _TRAILING_VERB.sub("", that["rest"])
        return " ".join(f"{head} {rest}".split()[:_SUBJECT_WORDS])
    gapped = _GAPPED.search(before)
    if gapped is not None and _FIGURE_IN.search(before[: gapped.start()]):
        # "solar stood at 1.13 billion kW and wind power capacity at 598 million": the verb
        # of the figure before is left out, and the words before "at" name this one.
        words = _WORD.findall(gapped["words"])
        while words and words[0].casefold() in ("with", "while", "whereas", "and", "the"):
            words.pop(0)  # "with high-speed lines at 50,100 km"
        verb = bool(words) and words[-1].endswith("ed")  # "and returned to 96%": a verb
        if words and not verb and not any(_LINK.search(w) or _PRONOUN.match(w) for w in words):
            return " ".join(words)
    link = _LINK.search(clause) or _NEAR_VERB.search(clause)
    if link is None:
        return ""
    named = clause[: link.start()]
    if _FIGURE_IN.search(named):
        # "covered 251 million people and injury insurance covered": after the last "and";
        # "seized 28,600 tons of waste and transferred": another figure's words, no subject
        named = re.split(r"\band\b", named)[-1] if re.search(r"\d[^\d]*\band\b", named) else ""
        if _FIGURE_IN.search(named) or not _LINK.search(clause[link.start() :]):
            return ""
    words = _WORD.findall(named)
    owner = ""
    while words and (_ARTICLE.match(words[0]) or _TIME_WORD.match(words[0])):
        if words.pop(0).casefold() in ("their", "its") and previous:
            owner = previous.rsplit(" of ", 1)[-1]  # "their income" after "number of workers"
    while words and (_TIME_WORD.match(words[-1]) or _AUXILIARY.match(words[-1])):
        words.pop()  # "output this year", "power together", "volume has"
    if len(words) == 1 and _ANAPHOR.match(words[0]):
        return previous
    if len(words) > _SUBJECT_WORDS and "for" in words[2:5]:
        # "the occupational injury protection pilot for people in new forms of employment":
        # the head before "for" names it
        words = words[: words.index("for", 2)]
    if not words or len(words) > _SUBJECT_WORDS or any(_PRONOUN.match(w) for w in words[:1]):
        return ""
    if any(w in _LOWER_PRONOUNS for w in words):
        return ""  # "for the first time it exceeded": a clause, not a name
    subject = " ".join(words)
    narrowing = _NARROWING.match(subject)
    if narrowing and previous and f" {narrowing['head']}" in f" {previous}":
        head_end = f" {previous} ".index(f" {narrowing['head']} ") + len(narrowing["head"])
        return f"{previous[:head_end]} {narrowing['rest']}"
    if owner:
        return " ".join(f"{owner} {subject}".split()[:_SUBJECT_WORDS])
    return subject


_SCOPE = re.compile(
    r"^\s*(?:In|On|For|Among|Across|At)\s+(?:the\s+)?(?P<scope>[^,;:]{3,60}?),\s", re.IGNORECASE
)
_NOT_SCOPE = re.compile(
    r"\b(?:19|20)\d\d\b|\b(?:first|second|third|half|quarters?|months?|year|addition|"
    r"particular|example|instance|short|general|fact|contrast|average|other|end|past|"
    r"meantime|meanwhile|recent|holiday|period|future|them|these|those|which|all|"
    r"present|moment|time|once|least|most|last|country|nation|whole|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|January|February|March|April|May|"
    r"June|July|August|September|October|November|December)\b",
    re.IGNORECASE,
)


def figure_scope(sentence: str) -> str:
    """The place or group a sentence's figures are limited to, named at its start, or "".

    Example:
        >>> figure_scope("On the Fenwei Plain, it was 41.2 micrograms per cubic meter.")
        'Fenwei Plain'
        >>> figure_scope("In the first half, output rose 3%.")
        ''
    """
    if not isinstance(sentence, str):
        raise TypeError(f"figure_scope needs a sentence (str), not {type(sentence).__name__}")
    found = _SCOPE.match(sentence)
    if found is None or _NOT_SCOPE.search(found["scope"]):
        return ""
    return found["scope"].strip()


def figure_aliases(sentence: str) -> tuple[str, ...]:
    """Other names a sentence gives a phrase (", or PM2.5,"), for a figure's key words.

    Example:
        >>> figure_aliases("The concentration of fine particulate matter, or PM2.5, was 30.")
        ('PM2.5',)
    """
    if not isinstance(sentence, str):
        raise TypeError(f"figure_aliases needs a sentence (str), not {type(sentence).__name__}")
    return tuple(match["alias"].strip() for match in _APPOSITIVE.finditer(sentence))


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
    rf"|\b(?P<level>{_Y})\s+(?:levels?|numbers?|figures?|peaks?)\b",
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
