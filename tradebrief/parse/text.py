"""Lines with offsets, dates and slugs: the small pieces every layout reader shares."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

__all__ = ["Line", "find_date", "lines", "parse_date", "slugify"]

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?"
_MONTH_FIRST = re.compile(rf"(?P<month>{_MONTH})\s+(?P<day>\d{{1,2}}),\s*(?P<year>\d{{4}})")
_DAY_FIRST = re.compile(rf"(?P<day>\d{{1,2}})\s+(?P<month>{_MONTH})\s+(?P<year>\d{{4}})")
_ISO = re.compile(r"(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})")
_DATE_FORMS = (_MONTH_FIRST, _DAY_FIRST, _ISO)
# White space around a line, with the byte-order mark and zero-width spaces that
# copied pages carry; line breaks of every kind are part of it.
_INVISIBLE = r"[\s\ufeff\u200b\u200c\u200d\u2060]*"
_LEAD = re.compile(_INVISIBLE)
_TRAIL = re.compile(_INVISIBLE + r"\Z")


@dataclass(frozen=True, slots=True)
class Line:
    """One line of the source, stripped, with the offsets of what is left."""

    number: int
    """1-based line number in the whole source."""
    start: int
    """Offset of the first kept character."""
    end: int
    """Offset one past the last kept character."""
    text: str
    """The stripped text, ``source[start:end]``."""


def lines(source: str) -> Iterator[Line]:
    """Each line of ``source`` stripped of surrounding white space, with its offsets."""
    offset = 0
    for number, raw in enumerate(source.splitlines(keepends=True), start=1):
        lead = len(raw) - len(_LEAD.sub("", raw, count=1))
        end = max(lead, len(_TRAIL.sub("", raw, count=1)))
        yield Line(number, offset + lead, offset + end, raw[lead:end])
        offset += len(raw)


def slugify(text: str) -> str:
    """A lower-case, hyphenated id for a name: ``Wang Lingjun`` → ``wang-lingjun``."""
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")


def _month_number(word: str) -> int | None:
    word = word.rstrip(".").casefold()
    if word.isdigit():
        return int(word)
    return _MONTHS.get(word[:4] if word.startswith("sept") else word[:3])


def _date_of(match: re.Match[str]) -> dt.date:
    month = _month_number(match["month"])
    if month is None:
        raise ValueError(f"{match['month']!r} is not a month")
    return dt.date(int(match["year"]), month, int(match["day"]))


def parse_date(text: str) -> dt.date:
    """Read a date written alone, e.g. ``Jan. 13, 2025``, ``13 January 2025``, ``2025-01-13``.

    ``January 13, 2025`` and ``Sept. 5, 2024`` are read too.

    Raises :class:`ValueError` when the text is not such a date.

    Example:
        >>> parse_date("13 January 2025"), parse_date("Sept. 5, 2024")
        (datetime.date(2025, 1, 13), datetime.date(2024, 9, 5))
    """
    stripped = text.strip()
    for form in _DATE_FORMS:
        match = form.fullmatch(stripped)
        if match is not None:
            return _date_of(match)
    raise ValueError(
        f"{text!r} is not a date like 'Jan. 13, 2025', '13 January 2025' or '2025-01-13'"
    )


def find_date(text: str) -> tuple[dt.date, int, int] | None:
    """The first valid date written anywhere in ``text``, with its offsets, or ``None``."""
    found: list[tuple[int, int, dt.date]] = []
    for form in _DATE_FORMS:
        for match in form.finditer(text):
            try:
                found.append((match.start(), match.end(), _date_of(match)))
            except ValueError:
                continue
    if not found:
        return None
    start, end, date = min(found)
    return date, start, end


_HELD_ON = re.compile(
    r"\bheld\b[^.]{0,120}?\bon\s+(?P<month>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)"
    r"[a-z]*\.?\s+(?P<day>\d{1,2})\b(?!,?\s*\d{4})",
    re.IGNORECASE,
)


def held_on(text: str, published: dt.date) -> tuple[dt.date, int, int] | None:
    """The day a summary says the briefing was held ("held ... on March 5"), or ``None``.

    The summary gives no year; it is the year of ``published``, the page's own date,
    or the year before when the month comes later than the publication's.

    Example:
        >>> held_on("The SCIO held a briefing on March 5 to ...", dt.date(2022, 3, 10))
        (datetime.date(2022, 3, 5), 28, 35)
    """
    match = _HELD_ON.search(text)
    if match is None:
        return None
    month = _month_number(match["month"])
    if month is None:
        return None
    year = published.year - (1 if month > published.month else 0)
    try:
        day = dt.date(year, month, int(match["day"]))
    except ValueError:
        return None
    return day, match.start("month"), match.end("day")
