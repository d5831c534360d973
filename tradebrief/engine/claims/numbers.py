"""The numbers a claim names: value, scale, unit and the comparison made, as data.

``"Did total trade top 46 trillion yuan?"`` names 46, trillion, yuan, and the
comparison "top" (more than). Comparison, unit and scale words come from
``tradebrief/data/claims.toml`` (:func:`~tradebrief.engine.claims.words.claim_words`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation

from tradebrief.engine.claims.vocabulary import ClaimWords, Relation
from tradebrief.engine.claims.words import claim_words, require_text
from tradebrief.quantities import Scale

__all__ = ["ClaimedNumber", "read_numbers"]


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
        if self.relation is Relation.SEVERAL:  # "hundreds": read as a stated "hundreds" is
            return amount * 2, amount * claim_words().vague_reach
        half = Decimal(5) * Decimal(10) ** -(self.decimals + 1) * unit
        if self.decimals or self.is_round():
            return amount - half, amount + half
        return amount, amount

    def is_round(self) -> bool:
        """Whether the number is a journalist's round figure: "88 million", not "6 billion".

        A whole number of at least two digits before a scale word of a million or
        more is read at its own precision (88 million is 87.5 to 88.5 million), as
        a number written with decimals is; a one-digit "6 billion" stays exact.
        """
        return (
            self.relation is Relation.EQ
            and self.decimals == 0
            and self.scale >= Scale.MILLION
            and self.value >= claim_words().round_from
        )


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
    spans: list[tuple[int, int]] = []  # where each written number is, for coordination
    lowered = require_text(question).casefold()
    for match in _NUMBER.finditer(lowered):
        glued = re.search(r"(?:rmb|cny|usd|us\$)$", lowered[: match.start()])  # "RMB43.85"
        if match.start() > 0 and lowered[match.start() - 1].isalnum() and not glued:
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
        glued_word = lowered[match.end("num") : match.end("num") + 1].isalpha()
        if glued_word and scale is Scale.ONE and not match["pct"]:
            continue  # "5G", "6G": a name with a digit, not a claimed figure
        is_year = scale is Scale.ONE and not match["pct"] and not match["dollar"]
        unit_follows = re.match(r"\s*(?:yuan|dollars|tons|metric)", lowered[match.end("num") :])
        if is_year and "." not in match["num"] and 1900 <= value <= 2100 and not unit_follows:
            continue
        if is_year and _DURATION.match(lowered[match.end("num") :]):
            continue  # "over the past 12 months" is a period, not a claimed figure
        unit = _unit_after(lowered, end, words) or _unit_before(lowered, match.start(), words)
        if match["pct"]:
            unit = "percent"
        elif match["dollar"]:
            unit = "USD"
        decimals = len(match["num"].split(".")[1]) if "." in match["num"] else 0
        relation, phrase = _relation(lowered, match.start(), end, words)
        written = question[match.start() : end]
        spans.append((match.start(), end))
        found.append(
            ClaimedNumber(value, scale, unit, relation, decimals, f"{phrase} {written}".strip())
        )
    _coordinate(lowered, found, spans)
    spelled = "|".join(sorted(words.small_numbers, key=len, reverse=True))
    for match in re.finditer(rf"(?<![\w-])({spelled})(?:-({spelled}))?\b", lowered):
        if match[1] == "one" and re.match(r"\s+of\b", lowered[match.end() :]):
            continue  # "one of the fastest"
        relation, phrase = _relation(lowered, match.start(), match.end(), words)
        value = words.small_numbers[match[1]]
        if match[2]:  # "twenty-five"
            value += words.small_numbers[match[2]]
        scale, end = Scale.ONE, match.end()
        scaled = re.match(r"\s+([a-z]+)\b", lowered[end:])  # "eighty-eight million"
        for name, spellings in words.scales.items():
            if scaled and scaled[1] in spellings and len(scaled[1]) > 1:
                scale, end = Scale.from_word(name), end + scaled.end()
        unit = _unit_after(lowered, end, words)
        text = f"{phrase} {question[match.start() : end]}".strip()
        found.append(ClaimedNumber(value, scale, unit, relation, 0, text))
    for match in re.finditer(r"\b(" + "|".join(words.word_numbers) + r")\b", lowered):
        value = words.word_numbers[match[1]]
        unit = _unit_after(lowered, match.end(), words)
        found.append(ClaimedNumber(value, Scale.ONE, unit, Relation.SEVERAL, 0, match[1]))
    return found


_MULTIPLIED = re.compile(
    r"\b(?:double|doubled|twice|triple|tripled|treble|thrice|quadruple|(?<!first )(?<!second )half"
    r"|halved|times)"
    r"(?:\s+(?:the|of|as|much|many|that|than))*$"
)
_DURATION = re.compile(r"\s*(?:calendar\s+)?(?:months?|weeks?|days?|years?|quarters?|hours?)\b")


def _coordinate(text: str, found: list[ClaimedNumber], spans: list[tuple[int, int]]) -> None:
    """Share scale, unit and comparison across "42 and 43 trillion yuan"; read "between".

    In "exceed both the 42 and 43 trillion yuan thresholds" the 42 is trillions
    of yuan too, and both are exceeded; "between 43 and 44 trillion" is at least
    43 and at most 44 trillion.
    """
    for i in range(len(found) - 1):
        first, second = found[i], found[i + 1]
        between = text[spans[i][1] : spans[i + 1][0]]
        if not re.fullmatch(r"\s*(?:and|or|&)\s+(?:the\s+)?\$?", between):
            continue
        if first.scale is Scale.ONE and first.unit is None:
            first = replace(first, scale=second.scale, unit=second.unit)
        if re.search(r"\bbetween\s+(?:the\s+)?$", text[: spans[i][0]]):
            first, second = (
                replace(first, relation=Relation.GE),
                replace(second, relation=Relation.LE),
            )
        elif second.relation is Relation.EQ and first.relation is not Relation.EQ:
            second = replace(second, relation=first.relation)
        found[i], found[i + 1] = first, second


def _unit_before(text: str, start: int, words: ClaimWords) -> str | None:
    """A currency written before the number: "RMB 43.85 trillion", "USD 5.74 trillion"."""
    before = text[max(0, start - 12) : start]
    for code, spellings in words.units.items():
        if code not in ("CNY", "USD"):
            continue
        for spelling in spellings:
            if re.search(rf"\b{re.escape(spelling)}\s*$", before):
                return code
    return None


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
    stripped = re.sub(r"(?:\s+(?:the|a|an|by|of|to|at|both|either))+$", "", raw)
    best: tuple[str, Relation] | None = None
    for relation, phrases in words.comparisons.items():
        for phrase in phrases:
            ends = (re.search(r"(?:^|\W)" + re.escape(phrase) + r"$", b) for b in (raw, stripped))
            if any(ends) and (best is None or len(phrase) > len(best[0])):
                best = (phrase, relation)
    if _MULTIPLIED.search(raw):  # "more than double 20 trillion": arithmetic, not a bound
        return Relation.UNREAD, ""
    if best is not None:
        return best[1], best[0]
    after = text[end : end + 40]
    if after.startswith("+"):
        return Relation.GT, ""
    if re.match(r"[\w\s]*?\bor (?:more|above|higher|greater)\b", after):
        return Relation.GE, ""
    if re.match(r"[\w\s]*?\bor (?:less|fewer|below|lower)\b", after):
        return Relation.LE, ""
    if re.search(r"\bthan$", stripped):  # "better than 3%": a comparison not in the file
        return Relation.UNREAD, ""
    return Relation.EQ, ""
