"""Reading a claim: is it yes/no, which numbers does it name, with which comparison and unit.

The English word knowledge (comparison words, units, scales, roles, subjects
the briefing gives no figure for) lives in ``tradebrief/data/claims.toml`` and
is validated on load by :class:`ClaimWords`. Everything here is pure: text in,
small typed objects out. :mod:`tradebrief.claims` judges what is read here
against a briefing, and :mod:`tradebrief.derive` computes from it.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from functools import cache, lru_cache
from importlib import resources

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from tradebrief.answer import Citation
from tradebrief.errors import TradebriefError
from tradebrief.model import Briefing
from tradebrief.quantities import Scale
from tradebrief.spans import Span

__all__ = [
    "ClaimWords",
    "ClaimedNumber",
    "ExclusiveSlot",
    "ExclusiveStatement",
    "NotGiven",
    "Relation",
    "Superlative",
    "cite",
    "claim_words",
    "has_phrase",
    "is_claim",
    "not_given",
    "read_numbers",
    "require_text",
    "words_of",
    "years_in",
]

_FROZEN = ConfigDict(frozen=True, extra="forbid")


class Relation(StrEnum):
    """How a claimed number bounds the true one: ``top 46 trillion`` is :attr:`GT`."""

    EQ = "eq"
    GT = "gt"
    GE = "ge"
    LT = "lt"
    LE = "le"
    ABOUT = "about"
    NEARLY = "nearly"
    SEVERAL = "several"


class NotGiven(BaseModel):
    """A subject the briefing gives no figure for, e.g. exports alone."""

    model_config = _FROZEN

    what: str = Field(min_length=1, description="The missing input, in words: 'exports alone'.")
    missing: str = Field(min_length=1, description="What a derivation of it would need.")
    words: tuple[str, ...] = Field(min_length=1, description="Words that name the subject.")
    absent: tuple[str, ...] = Field(default=(), description="Words whose presence cancels it.")
    unless: tuple[str, ...] = Field(default=(), description="Words that make it a stated one.")
    needs_direction: bool = Field(default=False, description="Only with a word of growth.")


class Superlative(BaseModel):
    """A superlative statement, and whether the text hedges it ("one of the fastest")."""

    model_config = _FROZEN

    fact: str = Field(min_length=1, description="Id of the curated statement.")
    words: tuple[str, ...] = Field(min_length=1, description="The superlative and its synonyms.")
    hedged: bool = Field(description="Whether the text only puts it among the best.")
    hedges: tuple[str, ...] = Field(default=(), description="Words of a hedged claim: 'one of'.")


class ExclusiveSlot(BaseModel):
    """One slot of an exclusive statement: the product, origin or destination."""

    model_config = _FROZEN

    name: str = Field(min_length=1, description="What the slot holds: 'destination'.")
    cue: str = Field(description="Words that introduce a claimed value, '|'-separated; '' none.")
    accept: tuple[str, ...] = Field(min_length=1, description="Values the text supports.")


class ExclusiveStatement(BaseModel):
    """A statement naming one thing per slot, so a claim naming another thing is false."""

    model_config = _FROZEN

    fact: str = Field(min_length=1, description="Id of the curated statement.")
    subject: tuple[str, ...] = Field(min_length=1, description="Words that point at it.")
    nouns: tuple[str, ...] = Field(min_length=1, description="One of these must be named too.")
    filler: tuple[str, ...] = Field(default=(), description="Words that claim nothing.")
    slots: tuple[ExclusiveSlot, ...] = Field(min_length=1, description="Its slots.")


class ClaimWords(BaseModel):
    """The validated contents of ``tradebrief/data/claims.toml``."""

    model_config = _FROZEN

    openers: tuple[str, ...] = Field(min_length=1, description="Words opening a yes/no question.")
    claim_prefixes: tuple[str, ...] = Field(description="'is it true that' and the like.")
    claim_suffixes: tuple[str, ...] = Field(description="'right?', 'true?' and the like.")
    about_tolerance: Decimal = Field(gt=0, lt=1, description="Relative tolerance of 'about'.")
    word_numbers: dict[str, Decimal] = Field(description="'hundreds' -> 100, and the like.")
    small_numbers: dict[str, Decimal] = Field(description="'three' -> 3, and the like.")
    headcount_speakers: tuple[str, ...] = Field(description="Words counting the speakers.")
    headcount_everyone: tuple[str, ...] = Field(description="Words counting everyone listed.")
    comparisons: dict[Relation, tuple[str, ...]] = Field(description="Words per relation.")
    units: dict[str, tuple[str, ...]] = Field(description="Unit code -> words naming it.")
    scales: dict[str, tuple[str, ...]] = Field(description="Scale name -> words naming it.")
    direction: dict[str, tuple[str, ...]] = Field(description="'up' and 'down' words.")
    roles: dict[str, tuple[str, ...]] = Field(description="Role -> words naming it.")
    figures_of_speech: tuple[str, ...] = Field(description="Phrases that are not counts.")
    trade_words: tuple[str, ...] = Field(description="Words naming trade as a whole.")
    increment_words: tuple[str, ...] = Field(description="Words asking for the increment.")
    threshold_words: tuple[str, ...] = Field(description="Words naming a threshold.")
    plain_words: tuple[str, ...] = Field(description="Words that add nothing to a direction.")
    claim_stopwords: tuple[str, ...] = Field(description="Words a claim holds without content.")
    negations: tuple[str, ...] = Field(description="Words that negate a claim or a passage.")
    figure_questions: tuple[str, ...] = Field(description="Words asking for a figure.")
    year_before: tuple[str, ...] = Field(description="Words naming the year before the period.")
    rate_words: tuple[str, ...] = Field(description="Words asking for the exchange rate.")
    rate_excludes: tuple[str, ...] = Field(description="Words asking about rate policy instead.")
    difference_words: tuple[str, ...] = Field(description="Words asking for a difference.")
    share_words: tuple[str, ...] = Field(description="Words asking for a share.")
    per_period: dict[str, tuple[str, ...]] = Field(description="'day'/'month'/'hour' -> words.")
    increment_route: tuple[str, ...] = Field(description="Words asking to subtract the increment.")
    posts: tuple[str, ...] = Field(description="Posts a title may give.")
    deputy: tuple[str, ...] = Field(description="Words making a post a deputy one.")
    published: tuple[str, ...] = Field(description="Words about publication.")
    not_given: tuple[NotGiven, ...] = Field(description="Subjects with no figure.")
    superlatives: tuple[Superlative, ...] = Field(default=(), description="Superlatives.")
    exclusive: tuple[ExclusiveStatement, ...] = Field(default=(), description="Exclusive facts.")

    @field_validator("scales")
    @classmethod
    def _known_scales(cls, value: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
        for name in value:
            Scale.from_word(name)  # raises ValueError for an unknown scale
        return value

    @field_validator("per_period")
    @classmethod
    def _known_periods(cls, value: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
        unknown = set(value) - {"day", "month", "hour"}
        if unknown:
            raise ValueError(f"per_period knows day, month and hour, not {sorted(unknown)}")
        return value

    @field_validator("direction")
    @classmethod
    def _up_and_down(cls, value: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
        if set(value) != {"up", "down"}:
            raise ValueError("direction needs exactly the keys 'up' and 'down'")
        return value


class ClaimWordsError(TradebriefError):
    """The claims data file is malformed."""

    code = "TB400"


@cache
def claim_words() -> ClaimWords:
    """Load and validate ``tradebrief/data/claims.toml`` once.

    Raises :class:`ClaimWordsError` naming the field when the file is malformed.
    """
    text = resources.files("tradebrief").joinpath("data/claims.toml").read_text("utf-8")
    try:
        return ClaimWords.model_validate(tomllib.loads(text))
    except (ValidationError, tomllib.TOMLDecodeError) as error:
        raise ClaimWordsError(f"tradebrief/data/claims.toml: {error}") from None


def require_text(value: object, what: str = "the question") -> str:
    """``value`` if it is a str; else a :class:`TypeError` that says what and which type."""
    if not isinstance(value, str):
        raise TypeError(f"{what} must be a str, not {type(value).__name__}")
    return value


def words_of(text: str) -> list[str]:
    """Lower-case words of ``text`` (keeping hyphens and apostrophes inside words)."""
    require_text(text, "the text")
    return re.findall(r"[a-z0-9$%]+(?:['\u2019.-][a-z0-9]+)*", text.casefold())


def has_phrase(text: str, phrase: str) -> bool:
    """Whether ``phrase`` occurs in ``text`` as whole words, ignoring case."""
    folded = require_text(text, "the text").casefold()
    wanted = require_text(phrase, "the phrase").casefold()
    if wanted not in folded:  # the cheap test first: most phrases are simply absent
        return False
    return _whole_words(wanted).search(folded) is not None


@lru_cache(maxsize=4096)
def _whole_words(phrase: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\w$])" + re.escape(phrase) + r"(?![\w])")


def is_claim(question: str) -> bool:
    """Whether ``question`` is a yes/no claim such as "Did trade grow 6%?".

    Example:
        >>> is_claim("Did total trade top 46 trillion yuan?"), is_claim("What was total trade?")
        (True, False)
    """
    words = claim_words()
    text = require_text(question).strip().casefold()
    changed = True
    while changed:
        changed = False
        for prefix in sorted(words.claim_prefixes, key=len, reverse=True):
            if text.startswith(prefix + " ") or text.startswith(prefix + ","):
                text = text[len(prefix) + 1 :].lstrip(" ,")
                if prefix.endswith("that") or prefix.startswith(("true", "fact", "check")):
                    return True
                changed = True
                break
    if _EITHER_OR.search(text):
        return False  # "large or small?" asks which, not whether
    first = words_of(text[:40])
    if first and first[0] in words.openers:
        return True
    return any(text.endswith(suffix) for suffix in words.claim_suffixes)


_EITHER_OR = re.compile(
    r"\b(?!true\b)\w+ or (?!more\b|less\b|fewer\b|above\b|below\b|higher\b|lower\b|"
    r"greater\b|so\b|not\b|false\b)\w+"
)


def years_in(text: str) -> list[int]:
    """Calendar years written in ``text``, e.g. ``[2023]``."""
    require_text(text, "the text")
    return [int(y) for y in re.findall(r"(?<![\d.,$])((?:19|20)\d\d)(?![\d%])", text)]


@dataclass(frozen=True, slots=True)
class ClaimedNumber:
    """A number a claim names, with how it bounds and what it counts."""

    value: Decimal
    """The number as written, before scaling."""
    scale: Scale
    """Its scale word, or :attr:`Scale.ONE`."""
    unit: str | None
    """CNY, USD, percent, metric_ton, or None when no unit word follows."""
    relation: Relation
    """The comparison the claim makes."""
    decimals: int
    """Decimal places written: 43.9 has 1."""
    text: str
    """The words of the claim that state it."""

    def bounds(self, tolerance: Decimal, scale: Scale | None = None) -> tuple[Decimal, Decimal]:
        """Closed bounds (low, high) of an EQ/ABOUT/NEARLY claim, in amount terms."""
        amount = self.value * Decimal(10) ** int(scale if scale is not None else self.scale)
        unit = Decimal(10) ** int(scale if scale is not None else self.scale)
        if self.relation is Relation.ABOUT:
            return amount * (1 - tolerance), amount * (1 + tolerance)
        if self.relation is Relation.NEARLY:
            return amount * (1 - tolerance), amount
        if self.relation is Relation.SEVERAL:  # "hundreds": two hundred up to a thousand
            return amount * 2, amount * 10
        half = Decimal(5) * Decimal(10) ** -(self.decimals + 1) * unit if self.decimals else 0
        return amount - half, amount + half


_NUMBER = re.compile(
    r"(?P<dollar>\$\s?)?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?:\s?(?P<pct>%|percent\b|per cent\b))?"
    r"(?:\s?(?P<scale>[a-z]+)\b)?",
    re.IGNORECASE,
)


def read_numbers(question: str) -> list[ClaimedNumber]:
    """The numbers a claim names (years left out), each with relation, scale and unit.

    Example:
        >>> [(n.value, n.scale.name, n.unit, n.relation.value)
        ...  for n in read_numbers("Did total trade top 46 trillion yuan?")]
        [(Decimal('46'), 'TRILLION', 'CNY', 'gt')]
    """
    words = claim_words()
    found: list[ClaimedNumber] = []
    lowered = require_text(question).casefold()
    for match in _NUMBER.finditer(lowered):
        if match.start() > 0 and lowered[match.start() - 1].isalnum():
            continue
        try:
            value = Decimal(match["num"].replace(",", ""))
        except InvalidOperation:  # pragma: no cover - the pattern admits only digits
            continue
        scale, end = Scale.ONE, match.end("num")
        if match["pct"]:
            end = match.end("pct")
        word = match["scale"]
        if word and not match["pct"]:
            for name, spellings in words.scales.items():
                if word in spellings:
                    scale, end = Scale.from_word(name), match.end("scale")
        is_year = scale is Scale.ONE and not match["pct"] and not match["dollar"]
        unit_follows = re.match(r"\s*(?:yuan|dollars|tons|metric)", lowered[match.end("num") :])
        if is_year and "." not in match["num"] and 1900 <= value <= 2100 and not unit_follows:
            continue
        unit = _unit_after(lowered, end, words)
        if match["pct"]:
            unit = "percent"
        elif match["dollar"]:
            unit = "USD"
        decimals = len(match["num"].split(".")[1]) if "." in match["num"] else 0
        relation, phrase = _relation(lowered, match.start(), end, words)
        written = question[match.start() : end]
        found.append(
            ClaimedNumber(value, scale, unit, relation, decimals, f"{phrase} {written}".strip())
        )
    spelled = "|".join(words.small_numbers)
    for match in re.finditer(rf"\b({spelled})(?:-({spelled}))?\b", lowered):
        if match[1] == "one" and re.match(r"\s+of\b", lowered[match.end() :]):
            continue  # "one of the fastest"
        relation, phrase = _relation(lowered, match.start(), match.end(), words)
        value = words.small_numbers[match[1]]
        if match[2]:  # "twenty-five"
            value += words.small_numbers[match[2]]
        text = f"{phrase} {match[0]}".strip()
        found.append(ClaimedNumber(value, Scale.ONE, None, relation, 0, text))
    for match in re.finditer(r"\b(" + "|".join(words.word_numbers) + r")\b", lowered):
        value = words.word_numbers[match[1]]
        unit = _unit_after(lowered, match.end(), words)
        found.append(ClaimedNumber(value, Scale.ONE, unit, Relation.SEVERAL, 0, match[1]))
    return found


def _unit_after(text: str, end: int, words: ClaimWords) -> str | None:
    following = text[end : end + 40]
    best: tuple[int, str] | None = None
    for code, spellings in words.units.items():
        for spelling in spellings:
            found = re.match(r"\s*(?:(?:of|in|worth)\s+)?" + re.escape(spelling) + r"\b", following)
            if found and (best is None or len(spelling) > best[0]):
                best = (len(spelling), code)
    return best[1] if best else None


def _relation(text: str, start: int, end: int, words: ClaimWords) -> tuple[Relation, str]:
    raw = text[max(0, start - 40) : start].rstrip()
    stripped = re.sub(r"(?:\s+(?:the|a|an|by|of|to|at))+$", "", raw)
    best: tuple[str, Relation] | None = None
    for relation, phrases in words.comparisons.items():
        for phrase in phrases:
            ends = (re.search(r"(?:^|\W)" + re.escape(phrase) + r"$", b) for b in (raw, stripped))
            if any(ends) and (best is None or len(phrase) > len(best[0])):
                best = (phrase, relation)
    if best is not None:
        return best[1], best[0]
    after = text[end : end + 40]
    if after.startswith("+"):
        return Relation.GT, ""
    if re.match(r"[\w\s]*?\bor (?:more|above|higher|greater)\b", after):
        return Relation.GE, ""
    if re.match(r"[\w\s]*?\bor (?:less|fewer|below|lower)\b", after):
        return Relation.LE, ""
    return Relation.EQ, ""


def not_given(question: str, *, numbers: bool) -> NotGiven | None:
    """The subject without a figure that ``question`` asks about, if any.

    ``numbers`` says whether the question names a figure or asks for one; a
    subject such as "exports" counts only then (or with a word of growth).
    """
    words = claim_words()
    require_text(question)
    direction = any(
        has_phrase(question, w) for ws in words.direction.values() for w in ws
    ) or has_phrase(question, "record")
    for subject in words.not_given:
        if not any(has_phrase(question, w) for w in subject.words):
            continue
        if any(has_phrase(question, w) for w in subject.absent):
            continue
        if any(has_phrase(question, w) for w in subject.unless):
            continue
        if subject.needs_direction and not direction:
            continue
        if subject.absent and not (numbers or direction):
            continue
        return subject
    return None


def cite(briefing: Briefing, span: Span, highlights: tuple[Span, ...] = ()) -> Citation:
    """A verbatim :class:`~tradebrief.answer.Citation` of ``span``, with speaker and paragraph."""
    paragraph = briefing.paragraph_at(span.start)
    speaker = briefing.speaker_of(paragraph) if paragraph else None
    return Citation(
        quote=span.quote,
        start=span.start,
        end=span.end,
        paragraph=paragraph.number if paragraph else None,
        speaker=speaker,
        highlights=tuple(h for h in highlights if span.contains(h)),
    )
