"""What a figure counts: the noun after a count, or an extracted figure's unit.

"9,300 villages" counts villages and "25,600 old urban residential communities"
counts communities; a count of something else does not answer "how many X".
Each is kept as a counted unit ("counted:villag") beside a candidate's units.
"""

from __future__ import annotations

import re

from tradebrief.engine.lexicon import Lexicon
from tradebrief.engine.text import analyze
from tradebrief.figure_names import figure_words
from tradebrief.model import Metric, PolicyMeasure, Statement
from tradebrief.quantities import find_numbers

__all__ = ["COUNTED", "count_nouns", "counted_of", "units_of"]

COUNTED = "counted:"
"""Prefix of a counted unit: "counted:villag" for a count of villages."""
_UNTIL_PUNCTUATION = re.compile(r"[^,.;:()?!]{0,60}")
_SCALE_WORDS = frozenset(("million", "billion", "thousand", "more", "new", "about"))
_PHRASE_WORDS = 5  # words of a noun phrase after a count read for what it counts


def count_nouns(quoted: str, lexicon: Lexicon, *, first: bool = False) -> set[str]:
    """What each count in a quote counts, as counted units, read from its noun phrase.

    "25,600 old urban residential communities" counts communities too. With
    ``first``, only the quote's first figure is read: an extracted figure's own.
    """
    found: set[str] = set()
    stop = figure_words().not_units
    mentions = [m for m in find_numbers(quoted) if not m.is_year]
    for mention in mentions[:1] if first else mentions:
        if mention.unit != "count":
            continue
        phrase = _UNTIL_PUNCTUATION.match(quoted, mention.end)
        words = phrase[0].split() if phrase else []
        while words and words[0] in _SCALE_WORDS:
            words.pop(0)
        taken: list[str] = []
        for word in words[:_PHRASE_WORDS]:
            if word in stop:
                break
            taken.append(word)
        found |= {f"{COUNTED}{t}" for t in analyze(" ".join(taken), lexicon)}
    return found


def units_of(fact: Metric | PolicyMeasure | Statement) -> tuple[str, ...]:
    """The units of the quantities a curated fact gives."""
    if isinstance(fact, Metric):
        return tuple(q.unit for q in (fact.quantity, fact.equivalent) if q is not None)
    if isinstance(fact, PolicyMeasure) and fact.count is not None:
        return (fact.count.unit,)
    return ()


_NOT_COUNTED = frozenset(("count", "percent", "percentage points", "percentage_point"))


def counted_of(fact: Metric | PolicyMeasure | Statement, lexicon: Lexicon) -> tuple[str, ...]:
    """What an extracted count counts, as counted units: "counted:villag" for "9,300 villages"."""
    if not isinstance(fact, Metric) or fact.origin == "curated":
        return ()
    noun = fact.quantity.unit.split(" per ")[0]
    if noun in _NOT_COUNTED or not noun.replace(" ", "").replace("-", "").isalpha():
        return ()  # a plain count, a percentage, or a code such as "CNY"
    if not noun.islower():
        return ()
    return tuple(f"{COUNTED}{term}" for term in analyze(noun, lexicon))
