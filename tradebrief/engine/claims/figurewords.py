"""Reading a figure claim beside the stated figure: what it counts, its period, its unit.

Helpers of :mod:`tradebrief.engine.claims.verdict`'s figure rule: the noun a
claimed count counts ("10 cities to block trade" counts cities), a number that
is part of a name the text writes ("the 12345 hotline"), a count described only
by a figure of speech ("thousands upon thousands"), a claim naming nothing but
growth, and the phrases that put a figure in one day or month.
"""

from __future__ import annotations

import re

from tradebrief.answer import Citation, Verdict
from tradebrief.engine.claims.facts import said_by
from tradebrief.engine.claims.numbers import ClaimedNumber
from tradebrief.engine.claims.vocabulary import Relation
from tradebrief.engine.claims.words import claim_words, has_any, words_of
from tradebrief.engine.compose import cite
from tradebrief.model import Briefing, Metric, PolicyMeasure, Statement
from tradebrief.quantities import Quantity, Scale

__all__ = [
    "SPAN_OF_TIME",
    "Judged",
    "counted_noun",
    "counts",
    "figure_of_speech",
    "names_a_thing",
    "only_growth",
    "part_of_year",
    "periods",
    "quantities",
    "quantity_units",
    "unit_name",
]

Judged = tuple[Verdict, str, Citation, Metric | PolicyMeasure | Statement]
"""A figure rule's finding: verdict, text, the cited passage, the fact judged."""


def names_a_thing(briefing: Briefing, question: str, number: ClaimedNumber) -> bool:
    """Whether a bare number is part of a name the text writes the same way ("12345 hotline")."""
    if (
        number.unit is not None
        or number.scale is not Scale.ONE
        or number.relation is not Relation.EQ
    ):
        return False
    at = question.find(number.text)
    after = words_of(question[at + len(number.text) :])[:1] if at >= 0 else []
    if not after:
        return False
    return (
        re.search(
            rf"(?<![\w.,]){re.escape(number.text)}\s+{re.escape(after[0])}\b",
            briefing.source,
            re.IGNORECASE,
        )
        is not None
    )


def counted_noun(question: str, number: ClaimedNumber) -> tuple[str, ...]:
    """What a claimed number counts: the words of the noun phrase after it.

    "10,000 foreign trade practitioners" counts foreign trade practitioners, "10
    cities to block trade" counts cities, "thousands of practitioners" counts
    practitioners.
    """
    following = words_of(question[question.find(number.text) + len(number.text) :])
    if number.unit is not None:  # "10,000 tons of prohibited items" counts prohibited items
        unit = {w for s in claim_words().units.get(number.unit, ()) for w in words_of(s)}
        while following[:1] and following[0] in unit:
            following = following[1:]
    if following[:1] == ["of"]:
        following = following[1:]
    phrase: list[str] = []
    for word in following:
        ends = claim_words().phrase_ends
        if word in ends or word in claim_words().purpose_words or (phrase and word.endswith("ed")):
            break  # "measures rolled out": a participle after the noun ends the phrase
        phrase.append(word)
    return tuple(phrase)


def counts(fact: Metric | PolicyMeasure, phrase: tuple[str, ...]) -> bool:
    """Whether a fact's figure counts what ``phrase`` names: its unit, keywords or evidence."""
    named = " ".join((*quantity_units(fact), *fact.keywords, fact.name, fact.evidence.quote))
    known = words_of(named)
    stems = [w.rstrip("s")[:5] for w in phrase if len(w) > 3]
    return bool(stems) and all(any(w.startswith(stem) for w in known) for stem in stems)


def quantity_units(fact: Metric | PolicyMeasure) -> list[str]:
    """The units of a fact's figures, in words: "metric ton", "forms"."""
    return [q.unit.replace("_", " ") for q in quantities(fact)]


def figure_of_speech(briefing: Briefing, question: str, number: ClaimedNumber) -> Judged | None:
    """A count claimed of something the briefing only describes with a figure of speech.

    "More than 10,000 practitioners?" against "thousands upon thousands of
    practitioners": the text gives no count, so the claim is not stated, and the
    answer quotes the words that are said.
    """
    phrases = claim_words().figures_of_speech
    asked = {w for word in counted_noun(question, number) for w in (word, word.rstrip("s"))}
    for statement in briefing.statements:
        quote = statement.evidence.quote
        if not has_any(quote, phrases):
            continue
        if asked & set(words_of(quote)):
            citation = cite(briefing, statement.evidence)
            text = (
                f'The briefing says only "{quote}" {said_by(citation)}: a figure of speech, '
                "not a count."
            )
            return Verdict.NOT_STATED, text, citation, statement
    return None


def only_growth(question: str) -> bool:
    """Whether a claim names nothing but growth ("Was growth below 4%?"), so the stated rate.

    "Did clearance times fall by 10%?" names clearance times: another subject.
    """
    words = claim_words()
    plain = {*words.claim_stopwords, *words.plain_words, *words.growth_words}
    plain |= {"rate", "percent", "%"}
    for group in (*words.direction.values(), *words.comparisons.values(), *words.units.values()):
        plain |= {w for phrase in group for w in words_of(phrase)}
    rest = [w for w in words_of(question) if w not in plain and not w[0].isdigit()]
    return not rest and has_any(question, words.growth_words)


SPAN_OF_TIME = re.compile(r"\b\d+\s+(?:months?|weeks?|days?|quarters?|hours?)\b", re.I)


def part_of_year(period: str) -> str:
    """The part of a year a period names, or "" for a whole year.

    "first three quarters of 2025" → "first three quarters"; "2024" → "".
    """
    return re.sub(r"\s*\b(?:of|in)?\s*\b\d{4}\b", "", period).strip()


def periods() -> list[str]:
    """Phrases that put a figure per day, hour or month, or in one such period."""
    words = claim_words()
    return [*(p for group in words.per_period.values() for p in group), *words.single_periods]


def quantities(fact: Metric | PolicyMeasure) -> list[Quantity]:
    """A fact's figures: a metric's value and its equivalent, or a measure's count."""
    if isinstance(fact, Metric):
        return [q for q in (fact.quantity, fact.equivalent) if q is not None]
    return [fact.count] if fact.count is not None else []


def unit_name(number: ClaimedNumber) -> str:
    """The unit's first word in the words file: "yuan", "dollars", "percent"."""
    return claim_words().units.get(number.unit or "", ("",))[0]
