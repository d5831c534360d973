"""Numbers as data: a ``Decimal`` value with its scale, unit, qualifier and change.

``43.85 trillion yuan, up 5% year on year`` becomes a :class:`Quantity` (value
``Decimal("43.85")``, scale :attr:`Scale.TRILLION`, unit ``"CNY"``) and a
:class:`Change` (``Decimal("5")`` percent, year on year). Each keeps the span of
the words it was read from. :func:`find_numbers` finds number mentions in free
text; the parser uses it for transcripts that come without curated facts, and
the tests use it to prove every number in the bundled briefing is covered.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from enum import IntEnum, StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, PlainSerializer, WithJsonSchema

from tradebrief.spans import Span

__all__ = [
    "DECIMAL_PATTERN",
    "Change",
    "ChangeBasis",
    "ExactDecimal",
    "NumberMention",
    "Qualifier",
    "Quantity",
    "Scale",
    "find_numbers",
]


DECIMAL_PATTERN = r"^-?\d+(\.\d+)?$"
"""How an exact decimal is written in JSON: plain digits, never an exponent."""

ExactDecimal = Annotated[
    Decimal,
    PlainSerializer(lambda value: f"{value:f}", return_type=str, when_used="json"),
    WithJsonSchema({"type": "string", "pattern": DECIMAL_PATTERN}, mode="serialization"),
]
"""A ``Decimal`` that JSON carries as a string of plain digits, so no precision is lost."""


class Scale(IntEnum):
    """Power of ten a value is quoted in: ``43.85 trillion`` has scale ``TRILLION`` (12)."""

    ONE = 0
    THOUSAND = 3
    MILLION = 6
    BILLION = 9
    TRILLION = 12

    @property
    def word(self) -> str:
        """The English word for this scale, empty for :attr:`ONE`."""
        return "" if self is Scale.ONE else self.name.lower()

    @classmethod
    def from_word(cls, word: str) -> Scale:
        """The scale a word such as ``"billion"`` names; ``""`` means :attr:`ONE`."""
        if not word:
            return cls.ONE
        try:
            return cls[word.strip().upper()]
        except KeyError:
            raise ValueError(f"unknown scale word {word!r}") from None


class Qualifier(StrEnum):
    """How the stated value bounds the true one."""

    EXACT = "exact"
    """The value as stated: ``43.85 trillion yuan``."""
    MORE_THAN = "more_than"
    """A strict lower bound: ``more than 150``."""
    AT_LEAST = "at_least"
    """An inclusive lower bound: ``at least 3``."""
    LESS_THAN = "less_than"
    """A strict upper bound: ``less than 2%``."""
    ABOUT = "about"
    """An approximation: ``about 40``, ``nearly 1 million``."""
    SEVERAL = "several"
    """An unstated multiple of the value: ``hundreds`` is several times 100."""

    @property
    def phrase(self) -> str:
        """Words that put this qualifier in front of a number in an English sentence."""
        return _QUALIFIER_PHRASES[self]


_QUALIFIER_PHRASES = {
    Qualifier.EXACT: "",
    Qualifier.MORE_THAN: "more than",
    Qualifier.AT_LEAST: "at least",
    Qualifier.LESS_THAN: "less than",
    Qualifier.ABOUT: "about",
    Qualifier.SEVERAL: "several times",
}


class ChangeBasis(StrEnum):
    """What a change is measured against."""

    YEAR_ON_YEAR = "year_on_year"
    """Against the same period of the previous year."""
    PREVIOUS_PERIOD = "previous_period"
    """Against the period just before."""
    UNSTATED = "unstated"
    """The text does not say."""


class Quantity(BaseModel):
    """A stated amount: value, scale, unit and qualifier kept apart, with its source span.

    Example:
        >>> from decimal import Decimal
        >>> text = "a record high of 43.85 trillion yuan"
        >>> q = Quantity(
        ...     value=Decimal("43.85"), scale=Scale.TRILLION, unit="CNY",
        ...     span=Span.over(text, 17, len(text)),
        ... )
        >>> q.amount
        Decimal('43850000000000.00')
        >>> q.describe()
        '43.85 trillion yuan'
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    value: ExactDecimal = Field(description="The number as stated, before scaling: 43.85.")
    scale: Scale = Field(default=Scale.ONE, description="Power of ten the value is quoted in.")
    unit: str = Field(
        min_length=1,
        description=(
            "ISO 4217 code for money (CNY, USD), `percent`, `metric_ton`, or the plural noun "
            "counted (`forms`, `cities`)."
        ),
    )
    qualifier: Qualifier = Field(default=Qualifier.EXACT, description="How the value bounds.")
    span: Span = Field(description="Where the number is written in the source.")

    @property
    def amount(self) -> Decimal:
        """The full amount, ``value * 10**scale``: 43.85 trillion is 43 850 000 000 000."""
        return self.value * (Decimal(10) ** int(self.scale))

    @property
    def is_money(self) -> bool:
        """Whether the unit is a currency code."""
        return self.unit in _CURRENCY_WORDS

    def describe(self) -> str:
        """The quantity in plain English, e.g. ``more than 150 countries and regions``."""
        if self.qualifier is Qualifier.SEVERAL:
            return self.span.quote  # "hundreds of measures" has no truer rewording
        number = f"{self.value:,f}" if self.value >= 1000 else f"{self.value:f}"
        if self.unit == "USD":
            head = f"${number}"
            tail = ""
        else:
            head = number
            tail = _CURRENCY_WORDS.get(self.unit) or _UNIT_WORDS.get(self.unit, self.unit)
        if self.unit == "percent":
            return " ".join(p for p in (self.qualifier.phrase, f"{number}%") if p)
        parts = (self.qualifier.phrase, head, self.scale.word, tail)
        return " ".join(p for p in parts if p)


_CURRENCY_WORDS = {"CNY": "yuan", "USD": "US dollars"}
_UNIT_WORDS = {"metric_ton": "metric tons", "percent": "percent"}


class Change(BaseModel):
    """A change in a figure: ``up 5% year on year`` is ``+5`` percent, year on year.

    The sign of :attr:`value` is the direction; :attr:`direction` spells it out.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    value: ExactDecimal = Field(description="Signed size of the change: +5 for 'up 5%'.")
    unit: str = Field(
        default="percent", description="`percent`, `percentage_point`, or a quantity unit."
    )
    basis: ChangeBasis = Field(default=ChangeBasis.UNSTATED, description="What it compares with.")
    span: Span = Field(description="Where the change is written in the source.")

    @property
    def direction(self) -> str:
        """``"up"``, ``"down"`` or ``"flat"``."""
        if self.value > 0:
            return "up"
        if self.value < 0:
            return "down"
        return "flat"

    def describe(self) -> str:
        """The change in plain English, e.g. ``up 5% year on year``."""
        size = f"{abs(self.value):f}"
        amount = f"{size}%" if self.unit == "percent" else f"{size} {self.unit.replace('_', ' ')}"
        basis = {
            ChangeBasis.YEAR_ON_YEAR: " year on year",
            ChangeBasis.PREVIOUS_PERIOD: " from the previous period",
            ChangeBasis.UNSTATED: "",
        }[self.basis]
        return f"{self.direction} {amount}{basis}"


@dataclass(frozen=True, slots=True)
class NumberMention:
    """A number found in free text by :func:`find_numbers`, with its offsets."""

    start: int
    """Offset of the mention's first character in the searched text."""
    end: int
    """Offset one past its last character."""
    value: Decimal
    """The number as written, before scaling; 100 for ``hundreds``."""
    scale: Scale
    """The scale word that follows it, if any."""
    unit: str
    """A unit read from the words around it, or ``"count"`` when none is recognised."""
    qualifier: Qualifier
    """The bound implied by words such as ``more than`` or ``hundreds``."""
    is_year: bool
    """Whether the mention is a calendar year such as 2024."""


_SCALE_WORDS = "thousand|million|billion|trillion"
_UNIT_PATTERNS: tuple[tuple[str, str], ...] = (
    ("yuan", "CNY"),
    ("dollars", "USD"),
    ("metric tons", "metric_ton"),
    ("tons", "metric_ton"),
)
_QUALIFIER_PATTERNS: tuple[tuple[str, Qualifier], ...] = (
    ("no less than ", Qualifier.AT_LEAST),  # before "less than": the opposite bound
    ("not less than ", Qualifier.AT_LEAST),
    ("more than ", Qualifier.MORE_THAN),
    ("over ", Qualifier.MORE_THAN),
    ("at least ", Qualifier.AT_LEAST),
    ("less than ", Qualifier.LESS_THAN),
    ("nearly ", Qualifier.ABOUT),
    ("about ", Qualifier.ABOUT),
    ("around ", Qualifier.ABOUT),
    ("approximately ", Qualifier.ABOUT),
)
_WORD_MULTIPLES = {"dozens": 12, "hundreds": 100, "thousands": 1000, "millions": 1_000_000}

_NUMBER = re.compile(
    r"(?P<dollar>\$)?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?P<percent>%| percent\b)?"
    rf"(?:\s(?P<scale>{_SCALE_WORDS})\b)?"
)
_IDIOM = re.compile(r"\s+(?:upon|and|on|after)\s+(?:dozens|hundreds|thousands|millions)\b", re.I)
_IDIOM_TAIL = re.compile(
    r"\b(?:dozens|hundreds|thousands|millions)\s+(?:upon|and|on|after)\s+$", re.I
)
_IDIOM_REACH = 40  # characters: "thousands upon " and some white space
_WORD_NUMBER = re.compile(r"\b(?P<word>dozens|hundreds|thousands|millions)\b", re.IGNORECASE)
_UNITS = ["two", "three", "four", "five", "six", "seven", "eight", "nine"]
_TEENS = [
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_SPELLED_VALUE = {
    **{word: n for n, word in enumerate(_UNITS, start=2)},
    **{word: n for n, word in enumerate(_TEENS, start=10)},
    **{word: n for n, word in enumerate(_TENS, start=2)},  # tens: times ten below
}
_SPELLED = re.compile(
    rf"\b(?P<tens>{'|'.join(_TENS)})(?:-(?P<unit>one|{'|'.join(_UNITS)}))?\b"
    rf"|\b(?P<small>{'|'.join(_UNITS + _TEENS)})\b",
    re.IGNORECASE,
)
# "the first three quarters", "the past five years": a span of time, not a figure.
_SPAN_OF_TIME = re.compile(r"\b(?:first|last|past|next|previous|coming)\s+$", re.IGNORECASE)
_NAME_AFTER = re.compile(r"[\s-]+[A-Z]")  # "Three Gorges", "Two Sessions": a name


def find_numbers(text: str) -> list[NumberMention]:
    """Every number mention in ``text``, in order: digits, percentages and words like hundreds.

    Numbers written as words from two to ninety-nine count too ("five provinces"),
    except a span of time ("the first three quarters") and a name ("Three Gorges").

    Example:
        >>> [(m.value, m.scale.name, m.unit) for m in find_numbers("up 5% to 43.85 trillion yuan")]
        [(Decimal('5'), 'ONE', 'percent'), (Decimal('43.85'), 'TRILLION', 'CNY')]
    """
    mentions: list[NumberMention] = []
    for match in _NUMBER.finditer(text):
        glued = match.start() > 0 and text[match.start() - 1].isalnum()
        if glued and not (match["dollar"] and text[: match.start()].endswith("US")):
            continue  # part of a word such as "G20" or "COVID-19"'s suffix; "US$9.38" is money
        value = Decimal(match["num"].replace(",", ""))
        scale = Scale.from_word(match["scale"] or "")
        end = match.end()
        unit = "count"
        if match["percent"]:
            unit = "percent"
        elif match["dollar"]:
            unit = "USD"
        else:
            for word, code in _UNIT_PATTERNS:
                if text.startswith(" " + word, end):
                    unit, end = code, end + 1 + len(word)
                    break
        is_year = (
            unit == "count"
            and scale is Scale.ONE
            and "." not in match["num"]
            and "," not in match["num"]
            and 1900 <= value <= 2100
        )
        mentions.append(
            NumberMention(
                start=match.start(),
                end=end,
                value=value,
                scale=scale,
                unit=unit,
                qualifier=_qualifier_before(text, match.start()),
                is_year=is_year,
            )
        )
    for match in _WORD_NUMBER.finditer(text):
        # Look back only as far as the idiom can reach: searching the whole text before
        # every number word made long transcripts quadratic.
        back = max(0, match.start() - _IDIOM_REACH)
        if _IDIOM.match(text, match.end()) or _IDIOM_TAIL.search(text, back, match.start()):
            continue  # "thousands upon thousands" is a figure of speech, not a figure
        mentions.append(
            NumberMention(
                start=match.start(),
                end=match.end(),
                value=Decimal(_WORD_MULTIPLES[match["word"].lower()]),
                scale=Scale.ONE,
                unit="count",
                qualifier=Qualifier.SEVERAL,
                is_year=False,
            )
        )
    mentions += _spelled(text)
    return sorted(mentions, key=lambda m: m.start)


def _spelled(text: str) -> list[NumberMention]:
    """Numbers written as words, two to ninety-nine: "in five provinces", "eight of the ten"."""
    found: list[NumberMention] = []
    for match in _SPELLED.finditer(text):
        if _SPAN_OF_TIME.search(text, max(0, match.start() - 12), match.start()):
            continue
        if _NAME_AFTER.match(text, match.end()):
            continue
        if match["tens"]:
            value = _SPELLED_VALUE[match["tens"].lower()] * 10
            unit_word = (match["unit"] or "").lower()
            value += 1 if unit_word == "one" else _SPELLED_VALUE.get(unit_word, 0)
        else:
            value = _SPELLED_VALUE[match["small"].lower()]
        end, unit = match.end(), "count"
        for word, code in _UNIT_PATTERNS:
            if text.startswith(" " + word, end):
                unit, end = code, end + 1 + len(word)
                break
        found.append(
            NumberMention(
                start=match.start(),
                end=end,
                value=Decimal(value),
                scale=Scale.ONE,
                unit=unit,
                qualifier=_qualifier_before(text, match.start()),
                is_year=False,
            )
        )
    return found


def _qualifier_before(text: str, start: int) -> Qualifier:
    window = text[max(0, start - 16) : start].lower()
    for phrase, qualifier in _QUALIFIER_PATTERNS:
        if window.endswith(phrase):
            return qualifier
    return Qualifier.EXACT
