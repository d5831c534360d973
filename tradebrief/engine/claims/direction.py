"""Claims about the direction of total trade or its record: "Did trade grow?", "a record?".

Part of checking a claim (:mod:`tradebrief.engine.claims.verdict`): the total's
stated change decides a claim that it rose or fell (or was higher than the year
before), and its record flag a claim of a record, unless the claim makes the
growth itself the subject ("was growth a record?"), which is not stated.
"""

from __future__ import annotations

import re
from functools import lru_cache

from tradebrief.answer import Answer, Verdict
from tradebrief.engine.claims.facts import (
    describe_metric,
    metric_citation,
    pick_metric,
    said_by,
    verdict_answer,
)
from tradebrief.engine.claims.roster import claimed_speaker
from tradebrief.engine.claims.vocabulary import Relation
from tradebrief.engine.claims.words import claim_words, has_any, words_of
from tradebrief.model import Briefing

__all__ = ["BASIS_YEAR", "judge_direction_or_record"]


def judge_direction_or_record(briefing: Briefing, question: str) -> Answer | None:
    """Judge "Did trade grow?" or "Was trade a record?" against the total; else ``None``.

    Only a claim that says nothing beside the direction or the record: "grew
    steadily" says more, and a statement answers it.
    """
    words = claim_words()
    if not has_any(question, words.trade_words):
        return None
    total = pick_metric(briefing)
    if total is None or total.change is None:
        return None
    citation = metric_citation(briefing, total)
    said = f"The briefing says {describe_metric(total)} {said_by(citation)}."
    plain = set(_plain_words())
    speaker = claimed_speaker(briefing, question)  # "Did Wang Lingjun say trade fell?"
    if speaker is not None:
        if getattr(citation.speaker, "id", None) != speaker.id:
            return None  # someone else stated the figure: the other rules say so
        plain |= {*words.saying_words, *words.reporting_words}
        plain |= set(words_of(f"{speaker.full_name} {speaker.reference} {speaker.title}"))
    if has_any(question, words.record_phrases):  # "an all-time high"
        claim = _ASKS_MORE.sub("", question)  # "..., and how large was it?" asks beside
        extra = [w for w in words_of(claim) if w not in plain and w not in words.record_words]
        if extra:  # "a record for the eighth year in a row" says more than a record
            return None
        verdict = Verdict.YES if total.record else Verdict.NOT_STATED
        if has_any(claim, words.growth_nouns):  # "was growth a record?"
            verdict = Verdict.NOT_STATED
            said += " The record is the total's value; it does not call the growth a record."
        return verdict_answer(question, verdict, said, (citation,), total)
    up = has_any(question, words.direction["up"])
    down = has_any(question, words.direction["down"])
    basis = BASIS_YEAR.search(question)
    if basis and not (up or down):
        up = has_any(question, words.comparisons[Relation.GT])
        down = has_any(question, words.comparisons[Relation.LT])
        if total.period and total.period in basis[0]:  # "2023 higher than 2024": reversed
            up, down = down, up
        if up != down:
            verdict = Verdict.YES if up == (total.change.value > 0) else Verdict.NO
            return verdict_answer(question, verdict, said, (citation,), total)
    if up == down or any(w not in plain and not w.isdigit() for w in words_of(question)):
        return None  # "grow steadily" says more than a direction: a statement answers it
    rose = total.change.value > 0
    verdict = Verdict.YES if up == rose else Verdict.NO
    return verdict_answer(question, verdict, said, (citation,), total)


_ASKS_MORE = re.compile(r",?\s+and\s+(?:how|what|which|when|who|where|why)\b.*$", re.I)
BASIS_YEAR = re.compile(  # "higher than in 2023", "up 5% over the previous year": a basis year
    r"\b(?:compared (?:with|to)|than|over|from|on|against|versus|relative to|that of)\s+"
    r"(?:(?:in|that of|the)\s+)?(?:(?:19|20)\d\d|previous year|year before|prior year)",
    re.IGNORECASE,
)


@lru_cache(maxsize=1)
def _plain_words() -> frozenset[str]:
    """Words that say no more than a direction or a record: the claim's frame, trade's names."""
    words = claim_words()
    plain = {*words.plain_words, *words.direction["up"], *words.direction["down"], *words.negations}
    plain |= {w for p in (*words.claim_prefixes, *words.claim_suffixes) for w in words_of(p)}
    return frozenset(plain | {w for t in words.trade_words for w in words_of(t)})
