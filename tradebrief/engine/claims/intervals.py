"""Figures as intervals of full amounts, and how a claimed interval meets a stated one.

Part of checking a claim (:mod:`tradebrief.engine.claims.facts`): a stated
``43.85 trillion`` is the point 43.85e12, ``more than 150`` is (150, ∞),
``hundreds`` is [200, 2000); a claimed ``top 46 trillion`` is (46e12, ∞) and
``43.9 trillion`` is [43.85e12, 43.95e12] at the precision written. The claim
is true when its interval holds the stated one, false when they are disjoint,
and not stated otherwise.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from tradebrief.answer import Verdict
from tradebrief.engine.claims.numbers import ClaimedNumber
from tradebrief.engine.claims.vocabulary import Relation
from tradebrief.engine.claims.words import claim_words
from tradebrief.quantities import Qualifier, Quantity, Scale

__all__ = ["Interval", "claimed_interval", "compare", "stated_interval"]

_INFINITY = Decimal("Infinity")
_WRITTEN_OUT = Decimal(1000)  # a claimed number this large has no scale word left out


@dataclass(frozen=True, slots=True)
class Interval:
    """A set of amounts between ``low`` and ``high``; each end open or closed."""

    low: Decimal
    high: Decimal
    low_open: bool = False
    high_open: bool = False

    def holds(self, other: Interval) -> bool:
        """Whether every amount of ``other`` lies in this interval."""
        low_ok = other.low > self.low or (
            other.low == self.low and (not self.low_open or other.low_open)
        )
        high_ok = other.high < self.high or (
            other.high == self.high and (not self.high_open or other.high_open)
        )
        return low_ok and high_ok

    def meets(self, other: Interval) -> bool:
        """Whether the two intervals share an amount."""
        if self.high < other.low or other.high < self.low:
            return False
        if self.high == other.low:
            return not (self.high_open or other.low_open)
        if other.high == self.low:
            return not (other.high_open or self.low_open)
        return True


def stated_interval(
    quantity: Quantity, tolerance: Decimal, qualifier: Qualifier | None = None
) -> Interval:
    """The amounts a stated quantity allows, by its qualifier (or ``qualifier``, read again)."""
    amount = quantity.amount
    qualifier = qualifier or quantity.qualifier
    bound = _QUALIFIER_BOUNDS.get(qualifier)
    if bound is not None:
        return _one_sided(amount, bound)
    if qualifier is Qualifier.ABOUT:
        return Interval(amount * (1 - tolerance), amount * (1 + tolerance))
    if qualifier is Qualifier.SEVERAL:
        # "hundreds": at least two hundred; the top is loose, since a speaker may call
        # 1,200 "hundreds", so "more than 1,000" is not refuted (``vague_reach``).
        return Interval(amount * 2, amount * claim_words().vague_reach, high_open=True)
    return Interval(amount, amount)


_QUALIFIER_BOUNDS = {
    Qualifier.MORE_THAN: Relation.GT,
    Qualifier.AT_LEAST: Relation.GE,
    Qualifier.LESS_THAN: Relation.LT,
}


def _one_sided(amount: Decimal, relation: Relation) -> Interval:
    """The amounts above or below ``amount`` that ``relation`` (GT, GE, LT or LE) allows."""
    if relation in (Relation.GT, Relation.GE):
        return Interval(amount, _INFINITY, low_open=relation is Relation.GT)
    return Interval(-_INFINITY, amount, high_open=relation is Relation.LT)


def claimed_interval(number: ClaimedNumber, scale: Scale, tolerance: Decimal) -> Interval:
    """The amounts a claimed number allows; ``scale`` is used when the claim gives none."""
    # "88,380,000 forms" is written out in units; "43.85" alone takes the stated scale
    written_out = number.value >= _WRITTEN_OUT
    use = number.scale if number.scale is not Scale.ONE or written_out else scale
    amount = number.value * Decimal(10) ** int(use)
    if number.relation in (Relation.GT, Relation.GE, Relation.LT, Relation.LE):
        return _one_sided(amount, number.relation)
    low, high = number.bounds(tolerance, use)
    return Interval(low, high)


def compare(claimed: Interval, stated: Interval) -> Verdict:
    """Yes when the claim holds every stated amount, no when it holds none, else not stated."""
    if claimed.holds(stated):
        return Verdict.YES
    if not claimed.meets(stated):
        touching = claimed.low == claimed.high and claimed.low in (stated.low, stated.high)
        return Verdict.NOT_STATED if touching else Verdict.NO
    return Verdict.NOT_STATED
