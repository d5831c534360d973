"""Which stated figure a claimed number is about, among figures of one kind.

Part of :mod:`tradebrief.engine.claims.facts`: a yuan amount is the increase, a
threshold or the total (:func:`money_fact`); a count is the one whose unit the
claim names, right after the number first (:func:`best_count`).
"""

from __future__ import annotations

import re
from decimal import Decimal

from tradebrief.engine.claims.numbers import ClaimedNumber
from tradebrief.engine.claims.vocabulary import Relation
from tradebrief.engine.claims.words import claim_words, has_any, has_phrase, words_of
from tradebrief.model import Metric, PolicyMeasure
from tradebrief.quantities import Quantity

__all__ = ["best_count", "money_fact"]


def _unit_words(fact: Metric | PolicyMeasure, quantity: Quantity) -> set[str]:
    words = set(words_of(quantity.unit.replace("_", " ")))
    return words | {w.rstrip("s") for w in words}


def money_fact(
    question: str,
    number: ClaimedNumber,
    candidates: list[tuple[Metric | PolicyMeasure, Quantity]],
    total: Metric | None,
) -> tuple[Metric | PolicyMeasure, Quantity]:
    """The money figure a claimed yuan amount is about: the increase, a threshold or the total.

    The increase when the claim makes the growth its subject ("the 2024 rise", "grew by
    2.1 trillion"), or, after a verb of growth, when the claimed amount is nearer the
    increase than the level; a threshold when one is named; else the total.
    """
    words = claim_words()
    up_words = words.direction["up"] + words.direction["down"]
    grows = has_any(question, up_words)
    written = re.escape(number.text)
    moved = "|".join(re.escape(w) for w in up_words)
    by = re.search(rf"\b(?:by|of)\s+{written}", question, re.IGNORECASE)
    right_after = re.search(rf"\b(?:{moved})\s+(?:by\s+|of\s+)?{written}", question, re.I)
    increment = [(f, q) for f, q in candidates if "increment" in f.keywords and f is not total]
    if right_after and increment and total is not None:
        # "rose above 43 trillion" is the level, "grew over 3 trillion" the rise: the amount
        # nearer the claimed one (by ratio) says which figure the claim is about
        claimed = number.value * Decimal(10) ** int(number.scale)
        rise, level = increment[0][1].amount, total.quantity.amount
        if claimed > 0 and rise > 0 and claimed * claimed > rise * level:
            right_after = None
    the_increase = re.search(  # "the increase", "the 2024 increase", "the year's rise"
        r"\bthe\s+(?:(?:\d{4}|year's|annual|yearly|absolute|total)\s+)?"
        r"(?:increase|increment|rise|gain|growth|addition)\b",
        question,
        re.I,
    )
    named_rise = re.search(  # "the 2.1 trillion yuan increase"
        rf"{written}\s+(?:[a-z]+\s+)?(?:increase|increment|rise|gain|growth|addition)\b",
        question,
        re.IGNORECASE,
    )
    if increment and (
        has_phrase(question, "increment")
        or named_rise
        or the_increase
        or _GROWTH_NOUN.search(_RATE_GROWTH.sub(" ", question))  # "trade growth above 3 trillion"
        or (grows and by)
        or right_after
        or re.search(r"\b(?:add|adds|added|adding)\b", question, re.IGNORECASE)
    ):
        return increment[0]
    thresholds = [
        (f, q) for f, q in candidates if any(w in f.keywords for w in words.threshold_words)
    ]
    if thresholds and number.relation is Relation.EQ and has_any(question, words.threshold_words):
        same = [(f, q) for f, q in thresholds if q.value == number.value]
        return (same or thresholds)[0]
    if total is not None:
        return total, total.quantity
    return candidates[0]


_NEAR = 3  # words after a claimed count that may name what it counts
_GROWTH_NOUN = re.compile(  # the growth itself as the subject: "trade growth", "the rise in"
    r"\b(?:growth|increment|addition)\b(?!\s+rate)|"
    r"\b(?:the|a|an|its|their|annual|yearly|year's|\d{4}'s)\s+(?:increase|rise|gain)\b|"
    r"\b(?:increase|rise|gain)\s+(?:in|of)\b",
    re.IGNORECASE,
)
_RATE_GROWTH = re.compile(r"\d+(?:\.\d+)?\s*(?:%|percent|per cent)\s+growth", re.IGNORECASE)


def best_count(
    question: str,
    number: ClaimedNumber,
    candidates: list[tuple[Metric | PolicyMeasure, Quantity]],
    rank: dict[str, int],
) -> tuple[Metric | PolicyMeasure, Quantity]:
    """The count the claim is about: by what it counts and what for, then by its number.

    "16 measures for regional development" is about the regional measures
    (hundreds), not the 16 for enterprises: the words decide before the number,
    which only breaks a tie.
    """
    asked = set(words_of(question))
    asked |= {w.rstrip("s") for w in asked}
    stopwords = set(claim_words().claim_stopwords)
    after = question[question.find(number.text) + len(number.text) :]
    near = set(words_of(after)[:_NEAR])  # "88.38 million forms and 39.917 million crossings"
    near |= {w.rstrip("s") for w in near}

    def score(item: tuple[Metric | PolicyMeasure, Quantity]) -> tuple[int, int, bool, int]:
        fact, quantity = item
        unit = _unit_words(fact, quantity)
        keywords = {w for k in fact.keywords for w in words_of(k) if not w[0].isdigit()}
        keywords -= stopwords  # "parts of the country" matches on "country", not "of"
        overlap = 2 * len(asked & unit) + len(asked & (keywords - unit))
        named = len(near & unit)  # the unit right after the number says what it counts
        return (named, overlap, quantity.value == number.value, -rank.get(fact.id, 99))

    return max(candidates, key=score)
