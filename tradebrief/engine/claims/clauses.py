"""The clause a stated figure sits in: the words that bound it, the part of a claim it answers.

Part of checking a claim (:mod:`tradebrief.engine.claims.verdict`). A figure
read from an uncurated transcript may come without its bound ("stayed above
190 million tons" read as exactly 190 million) and names its subject only in
its own clause ("Pension insurance covered 412 million people and injury
insurance covered 288 million"). :func:`stated_qualifier` re-reads the bound
from the words right before the figure; :func:`figure_clause` cuts the sentence
down to the figure's own clause, whose words
:mod:`tradebrief.engine.claims.overlap` weighs against a claim's.
"""

from __future__ import annotations

import re
from functools import cache

from tradebrief.engine.claims.words import claim_words, has_phrase
from tradebrief.engine.memo import per_briefing
from tradebrief.model import Briefing
from tradebrief.quantities import Qualifier, Quantity
from tradebrief.spans import Span

__all__ = [
    "claim_part",
    "claims_increase",
    "figure_clause",
    "names_stated_period",
    "stated_qualifier",
    "written_as_increase",
]

_LOOK_BACK = 40  # characters before a figure searched for its bound
# Where a clause ends: a semicolon, a comma or "and"/"while"/"whereas" before a new subject.
_CLAUSE_BREAK = re.compile(
    r";|,\s+(?:and|while|whereas|but)\s+|\s+(?:and|while|whereas)\s+|,(?!\d{3})"
)


def stated_qualifier(briefing: Briefing, quantity: Quantity) -> Qualifier:
    """The figure's qualifier, or the bound written right before it when it was read as exact.

    Example:
        >>> import tradebrief
        >>> from pathlib import Path
        >>> b = tradebrief.load_briefing(Path("tests/transcripts/press_energy.txt"))
        >>> coal = next(m for m in b.metrics if "Coal" in m.name)
        >>> coal.quantity.qualifier.value, stated_qualifier(b, coal.quantity).value
        ('exact', 'more_than')
    """
    if quantity.qualifier is not Qualifier.EXACT:
        return quantity.qualifier
    before = briefing.source[max(0, quantity.span.start - _LOOK_BACK) : quantity.span.start]
    before = before.casefold().rstrip()
    for name, phrases in _bounds():
        for phrase in phrases:
            if re.search(rf"(?<![\w-]){re.escape(phrase)}$", before):
                return Qualifier(name)
    return quantity.qualifier


@cache
def _bounds() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The stated bounds, longest phrase first across every qualifier."""
    pairs = [(n, p) for n, ps in claim_words().stated_bounds.items() for p in ps]
    pairs.sort(key=lambda pair: len(pair[1]), reverse=True)
    return tuple((n, (p,)) for n, p in pairs)


def claim_part(question: str, number_text: str) -> str:
    """The part of a claim naming several figures that holds ``number_text``.

    "Did customs handle 88.38 million forms and oversee 39.917 million vehicle
    crossings?" gives "oversee 39.917 million vehicle crossings?" for the second.
    """
    at = question.find(number_text)
    if at < 0:
        return question
    start = 0
    for found in _CLAUSE_BREAK.finditer(question, 0, at):
        start = found.end()
    after = _CLAUSE_BREAK.search(question, at + len(number_text))
    return question[start : after.start() if after else len(question)]


def figure_clause(briefing: Briefing, evidence: Span, figure: Span) -> str:
    """The clause of ``evidence`` that holds ``figure``: the pieces about it and no other figure.

    The sentence is cut at semicolons, commas and "and"/"while"; a piece with no
    figure of its own ("In the first half", "By the end of June") belongs to its
    neighbour, and so does a partitive "Of the 3,641 sections" before its share.
    "Pension insurance covered 412 million people and injury insurance covered
    288 million." gives "injury insurance covered 288 million." for the 288.
    """
    if not (evidence.start <= figure.start and figure.end <= evidence.end):
        return evidence.quote
    text = briefing.source[evidence.start : evidence.end]
    at, end = figure.start - evidence.start, figure.end - evidence.start
    cuts = [0, *(c for f in _CLAUSE_BREAK.finditer(text) for c in (f.start(), f.end())), len(text)]
    pieces = [(cuts[k], cuts[k + 1]) for k in range(0, len(cuts) - 1, 2)]
    home = next(k for k, (a, b) in enumerate(pieces) if a <= at < b or (a <= at and b >= end))
    first, last = home, home
    while first > 0 and _joins(text[slice(*pieces[first - 1])]):
        first -= 1
    while last + 1 < len(pieces) and not re.search(r"\d", text[slice(*pieces[last + 1])]):
        last += 1
    clause = text[pieces[first][0] : pieces[last][1]]
    opening = _ELIDED.match(text[slice(*pieces[home])])
    if first == home and home > 0 and opening and opening[1] not in claim_words().clause_openers:
        # ... that opens no phrase of its own ("spent 5.87 trillion") is a verb: the subject
        # "... handled 186,000 cases and recovered 2.3 billion yuan": the shared subject
        before = text[slice(*pieces[home - 1])]
        clause = re.split(r"\d", before, maxsplit=1)[0] + " " + clause
    if _PRONOUN.search(clause):  # "96.5% of them were settled": them is the sentence's
        return text
    return clause


_ELIDED = re.compile(r"\s*([a-z][\w'-]*)")  # a clause opening on a lower-case word ...
# "96.5% of them", "revenue from these shows", "such vehicles": the sentence says what
_PRONOUN = re.compile(r"\b(?:of them|of which|of it|these|those|such)\b", re.IGNORECASE)


def _joins(piece: str) -> bool:
    """Whether a piece before a figure's own belongs to its clause: no figure, or "Of the ..."."""
    return not re.search(r"\d", piece) or re.match(r"\s*of\b", piece, re.IGNORECASE) is not None


@cache
def _moves() -> str:
    """The words of a rise or fall ("increase", "down"), longest first, as one alternation."""
    words = claim_words()
    moved = [*words.direction["up"], *words.direction["down"], *words.increment_named]
    return "|".join(re.escape(w) for w in sorted(moved, key=len, reverse=True))


def written_as_increase(briefing: Briefing, figure: Span) -> bool:
    """Whether the text states ``figure`` as a rise: "an increase of 3.6 million tons"."""
    before = briefing.source[max(0, figure.start - _LOOK_BACK) : figure.start].casefold()
    return _rise_before().search(before) is not None


@cache
def _rise_before() -> re.Pattern[str]:
    """A word of a rise or fall ending the text, with its "by" or "of": "an increase of"."""
    return re.compile(rf"\b(?:{_moves()})(?:\s+(?:by|of))?\s*$")


def claims_increase(question: str, number_text: str) -> bool:
    """Whether a claim puts its number as the size of a rise: "increase by 3.6 million tons"."""
    written = re.escape(number_text)
    return (
        re.search(rf"\b(?:{_moves()})\s+(?:by|of)\s+{written}", question, re.IGNORECASE) is not None
    )


def names_stated_period(
    briefing: Briefing, question: str, phrases: tuple[str, ...], absent: tuple[str, ...] = ()
) -> bool:
    """Whether a phrase of ``phrases`` the claim names is a stated figure's period or name.

    "the first half" is no period of the bundled 2024 briefing, whose figures are for
    the year; on a briefing about the first half of 2023 it is the figures' own. So is
    "monthly" where a figure is "average monthly income". A name holding one of
    ``absent`` ("imports and exports" for "exports") names something else.
    """
    named = [p for p in phrases if has_phrase(question, p)]
    if not named:
        return False  # most questions name none: no need to read every figure
    periods, names = _periods_and_names(briefing, absent)
    return any(has_phrase(periods, p) or has_phrase(names, p) for p in named)


def _periods_and_names(briefing: Briefing, absent: tuple[str, ...]) -> tuple[str, str]:
    """Every figure's period, and the names of those naming none of ``absent``; built once."""

    def read() -> tuple[str, str]:
        periods = " | ".join(m.period for m in briefing.metrics if m.period)
        names = " | ".join(
            " ".join((m.name, *m.keywords))
            for m in briefing.metrics
            if not any(has_phrase(m.name, a) for a in absent)
        )
        return periods, names

    return per_briefing(briefing, ("periods and names", absent), read)
