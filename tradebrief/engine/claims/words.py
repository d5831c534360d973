"""Reading a claim: is it yes/no, which numbers does it name, with which comparison and unit.

The English word knowledge (comparison words, units, scales, roles, subjects
the briefing gives no figure for) lives in ``tradebrief/data/claims.toml`` and
is validated on load by :class:`ClaimWords` (its shape is in
:mod:`tradebrief.engine.claims.vocabulary`). Everything here is pure: text in,
small typed objects out. :mod:`tradebrief.engine.claims` judges what is read here
against a briefing, and :mod:`tradebrief.engine.claims.derive` computes from it.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from functools import cache, lru_cache
from importlib import resources

from pydantic import ValidationError

from tradebrief.engine.claims.vocabulary import (
    ClaimWords,
    NotGiven,
)
from tradebrief.engine.memo import per_ask
from tradebrief.errors import TradebriefError

__all__ = [
    "asked_part",
    "claim_words",
    "has_any",
    "has_phrase",
    "is_claim",
    "not_given",
    "require_text",
    "words_of",
    "years_in",
]


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


def has_any(text: str, phrases: Iterable[str]) -> bool:
    """Whether any of ``phrases`` occurs in ``text`` as whole words, ignoring case.

    The same as ``has_any(text, phrases)``, in one search of a
    pattern compiled once per list: claims test a question against dozens of lists.

    Example:
        >>> has_any("Did exports rise?", ("export", "exports")), has_any("Exporters", ["export"])
        (True, False)
    """
    require_text(text, "the text")
    key = tuple(phrases)
    return bool(key) and _any_of(key).search(text.casefold()) is not None


@lru_cache(maxsize=1024)
def _any_of(phrases: tuple[str, ...]) -> re.Pattern[str]:
    for phrase in phrases:
        require_text(phrase, "the phrase")
    longest_first = sorted({p.casefold() for p in phrases}, key=len, reverse=True)
    return re.compile(r"(?<![\w$])(?:" + "|".join(map(re.escape, longest_first)) + r")(?![\w])")


@lru_cache(maxsize=4096)
def _whole_words(phrase: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\w$])" + re.escape(phrase) + r"(?![\w])")


def is_claim(question: str) -> bool:
    """Whether ``question`` is a yes/no claim such as "Did trade grow 6%?".

    Example:
        >>> is_claim("Did total trade top 46 trillion yuan?"), is_claim("What was total trade?")
        (True, False)
    """
    require_text(question)
    # Asked by each claims stage in turn: read once per ask.
    return per_ask(("is claim", question), lambda: _is_claim(question))


def _is_claim(question: str) -> bool:
    words = claim_words()
    text = question.strip().casefold()
    changed = text.startswith(_prefix_openings())  # most questions open with none
    while changed:
        changed = False
        for prefix in _prefixes_longest_first():
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
    return text.endswith(tuple(words.claim_suffixes))


@lru_cache(maxsize=1)
def _prefixes_longest_first() -> tuple[str, ...]:
    """The claim prefixes, longest first, so that "is it true that" wins over "is it"."""
    return tuple(sorted(claim_words().claim_prefixes, key=len, reverse=True))


@lru_cache(maxsize=1)
def _prefix_openings() -> tuple[str, ...]:
    """How a text opening on a claim prefix starts: the prefix, then a space or a comma."""
    return tuple(p + end for p in claim_words().claim_prefixes for end in (" ", ","))


_EITHER_OR = re.compile(
    r"\b(?!true\b)\w+ or (?!more\b|less\b|fewer\b|above\b|below\b|higher\b|lower\b|"
    r"greater\b|so\b|not\b|false\b)\w+"
)


def asked_part(question: str) -> str:
    """``question`` without the clauses that name inputs or a rate to use, not what is asked.

    "Based on the total and its growth rate, what was trade in 2023?" asks for
    trade in 2023; "What is the increment in dollars at the rate implied by 42
    trillion yuan ($5.74 trillion)?" asks for a conversion, not for the rate.

    Example:
        >>> asked_part("At the implied exchange rate, what is the total in dollars?")
        'what is the total in dollars?'
    """
    text = _BASIS_CLAUSE.sub("", require_text(question), count=1)
    text = _IMPLIED_BY.sub(" is implied", text)  # "What 2023 total does that rate imply?"
    return _SPACE_BEFORE_STOP.sub(r"\1", _AT_RATE.sub("", text)).strip(" ,")


_BASIS_CLAUSE = re.compile(
    r"^\s*(?:based on|using|given|going by|working from|taking|with|if|assuming)\b[^,?]*,\s*",
    re.IGNORECASE,
)
# "does that growth rate imply": the rate named is an input of what is asked, not asked.
_IMPLIED_BY = re.compile(
    r"\b(?:does|do|would)\s+(?:that|the|this|its|these|those)\s+[\w\s-]{0,40}?"
    r"\b(?:rate|growth|increase|increment)\s+(?:imply|suggest)\b",
    re.IGNORECASE,
)
_SPACE_BEFORE_STOP = re.compile(r"\s+([,?.])")
_AT_RATE = re.compile(
    r"\b(?:at|using|with|by)\s+(?:the|this|that|its|a|an)\b[^,?]*?\brate\b[^,?]*", re.IGNORECASE
)


def years_in(text: str) -> list[int]:
    """Calendar years written in ``text``, e.g. ``[2023]``."""
    require_text(text, "the text")
    return [int(y) for y in re.findall(r"(?<![\d.,$])((?:19|20)\d\d)(?![\d%])", text)]


def not_given(question: str, *, numbers: bool) -> NotGiven | None:
    """The subject without a figure that ``question`` asks about, if any.

    ``numbers`` says whether the question names a figure or asks for one; a
    subject such as "exports" counts only then (or with a word of growth).
    """
    words = claim_words()
    require_text(question)
    if not has_any(question, _not_given_words()):
        return None  # the cheap test first: most questions name none of the subjects
    direction = has_any(question, _direction_words()) or has_any(question, words.record_phrases)
    for subject in words.not_given:
        if not has_any(question, subject.words):
            continue  # the cheap test first: most subjects are not named at all
        if not any(_names_subject(question, w) for w in subject.words):
            continue
        if has_any(question, subject.absent):
            continue
        if has_any(question, subject.unless):
            continue
        if subject.needs_direction and not direction:
            continue
        if subject.absent and not (numbers or direction):
            continue
        return subject
    return None


@lru_cache(maxsize=1)
def _not_given_words() -> tuple[str, ...]:
    """Every word of every subject without a figure, flattened once."""
    return tuple(w for subject in claim_words().not_given for w in subject.words)


@lru_cache(maxsize=1)
def _direction_words() -> tuple[str, ...]:
    """Every word of every direction ("grow", "fall"), flattened once."""
    return tuple(w for group in claim_words().direction.values() for w in group)


def _names_subject(question: str, phrase: str) -> bool:
    """Whether ``phrase`` names a subject: "trade between 43 and 44 trillion" does not."""
    if not has_phrase(question, phrase):
        return False
    return re.search(rf"{re.escape(phrase)}\s+\$?\d", question, re.IGNORECASE) is None
