"""Figures a briefing does not give: a refusal that names the missing input.

Part of :mod:`tradebrief.engine.claims.derive`, and asked by the engine when it
declines: "How much did exports grow?" of a briefing that states trade as a
whole but not exports alone is refused, naming the figure and what it would
need, unless the subject is only the period asked ("forms a month")
or a period a stated figure covers ("the first half"), or the question names
something else the briefing never mentions (then the ordinary answer says so).
The subjects without a figure are the words file's ``not_given`` entries.
"""

from __future__ import annotations

from functools import lru_cache

from tradebrief.answer import Answer
from tradebrief.engine.claims.arithmetic import refusal
from tradebrief.engine.claims.clauses import names_stated_period
from tradebrief.engine.claims.facts import search
from tradebrief.engine.claims.words import (
    claim_words,
    has_any,
    has_phrase,
    is_claim,
    not_given,
    require_text,
    words_of,
)
from tradebrief.engine.index import index_for
from tradebrief.engine.memo import per_ask
from tradebrief.model import Briefing

__all__ = ["missing_subject", "only_the_period"]


def missing_subject(briefing: Briefing, question: str) -> Answer | None:
    """A refusal naming a figure the briefing does not give (exports alone, the surplus).

    ``None`` when the question asks for no such figure. The engine adds this
    reason to its own when it declines; when it finds an answer, that stands.

    Example:
        >>> import tradebrief
        >>> b = tradebrief.load_briefing()
        >>> missing_subject(b, "How much did exports grow?").text.startswith("The briefing does")
        True
    """
    if not require_text(question).strip() or is_claim(question):
        return None
    # Asked by the derivations and again by the engine when it declines: judged once.
    key = ("missing subject", id(index_for(briefing)), question)
    return per_ask(key, lambda: _missing_subject(briefing, question))


def _missing_subject(briefing: Briefing, question: str) -> Answer | None:
    asks_figure = has_any(question, claim_words().figure_questions)
    subject = not_given(question, numbers=asks_figure)
    if subject is not None and names_stated_period(
        briefing, question, subject.words, subject.absent
    ):
        return None  # "in the first half" where the figures are for the first half
    if subject is not None and _this_year_is_reported(briefing, question, subject.words):
        return None  # "this year" in a September briefing on the year so far
    if subject is not None and _only_unknown(briefing, question, subject.words):
        return refusal(briefing, question, f"{subject.what} (that needs {subject.missing})")
    return None


def _this_year_is_reported(briefing: Briefing, question: str, words: tuple[str, ...]) -> bool:
    """Whether the subject is named only as "this year", the year the briefing reports on.

    Held in January 2025 on 2024, "this year" is a forecast; held in September 2025
    on the flood season, it is the year whose figures the briefing gives.
    """
    named = [w for w in words if has_phrase(question, w)]
    reported = index_for(briefing).implied_year == str(briefing.date.year)
    return reported and named == ["this year"]


def _only_unknown(briefing: Briefing, question: str, subject: tuple[str, ...]) -> bool:
    """Whether every word the briefing never uses belongs to the missing subject.

    "How much soybean did China import?" is about soybeans, which the ordinary
    answer names as never mentioned; "imports alone" would hide that.
    """
    unknown = getattr(search(briefing, question), "unknown", ())
    periods = _period_stems()
    stems = [w[:4] for phrase in subject for w in words_of(phrase)]
    return all(
        any(str(term).startswith(stem) for stem in stems) or str(term)[:4] in periods
        for term in unknown
    )


@lru_cache(maxsize=1)
def _period_stems() -> frozenset[str]:
    """The first letters of every period word: "exports per month" asks for the month."""
    words = claim_words()
    return frozenset(
        w[:4]
        for phrase in (*(p for g in words.per_period.values() for p in g), *words.single_periods)
        for w in words_of(phrase)
    )


def only_the_period(question: str) -> bool:
    """Whether the subject without a figure is only the period asked ("forms a month")."""
    words = claim_words()
    subject = not_given(question, numbers=True)
    if subject is None:
        return False
    periods = [p for group in words.per_period.values() for p in group if has_phrase(question, p)]
    named = [w for w in subject.words if has_phrase(question, w)]
    return bool(periods) and all(any(has_phrase(p, w) for p in periods) for w in named)
