"""Claims about which way any stated figure moved: "Did the number of migrant workers fall?".

Part of checking a claim (:mod:`tradebrief.engine.claims.verdict`), after the
rules for total trade (:mod:`tradebrief.engine.claims.direction`). A claim
naming no number, with a word of rising or falling, is judged on the one figure
stated with a change whose words hold every subject word of the claim
(:mod:`tradebrief.engine.claims.overlap`): "up 0.6%" refutes "fell". A year the
figure is not for, or a subject no figure's words hold, is left to the other
rules (``None``).
"""

from __future__ import annotations

import re

from tradebrief.answer import Answer, Verdict
from tradebrief.engine.claims.facts import describe_metric, metric_citation, said_by, verdict_answer
from tradebrief.engine.claims.overlap import subject_overlap, unmatched_words
from tradebrief.engine.claims.prior import period_year
from tradebrief.engine.claims.words import claim_words, has_any, require_text, years_in
from tradebrief.model import Briefing, Metric

__all__ = ["judge_trend"]

_COMPARES = re.compile(r"\bthan\b|\bas (?:fast|quickly|much|many) as\b", re.IGNORECASE)


def judge_trend(briefing: Briefing, question: str) -> Answer | None:
    """Judge "Did X rise?" or "Did X fall?" against X's stated change; else ``None``.

    Example:
        >>> import tradebrief
        >>> from pathlib import Path
        >>> b = tradebrief.load_briefing(Path("tests/transcripts/press_energy.txt"))
        >>> judge_trend(b, "Did installed power generation capacity fall?").verdict.value
        'no'
    """
    words = claim_words()
    up = has_any(require_text(question), words.direction["up"])
    down = has_any(question, words.direction["down"])
    if up == down or _COMPARES.search(question):
        return None  # "rose faster than imports" compares two figures: not one direction
    changed = [m for m in briefing.metrics if m.change is not None and m.change.value]
    fits = [
        (subject_overlap(briefing, question, m, m.change.span), m)
        for m in changed
        if m.change is not None and not unmatched_words(briefing, question, m, m.change.span)
    ]
    fits = [(score, m) for score, m in fits if score > 0]
    if not fits:
        return None
    best = max(score for score, _ in fits)
    chosen = [m for score, m in fits if score == best]
    if len({_direction(m) for m in chosen}) != 1:
        return None  # two figures of that name moved apart: which one is meant is unclear
    metric = chosen[0]
    claimed = years_in(question)
    if claimed and period_year(briefing, metric) not in claimed:
        return None  # "Did it fall in 2023?": the figure is for another period
    citation = metric_citation(briefing, metric)
    said = f"The briefing says {describe_metric(metric)} {said_by(citation)}."
    verdict = Verdict.YES if up == (_direction(metric) > 0) else Verdict.NO
    return verdict_answer(question, verdict, said, (citation,), metric)


def _direction(metric: Metric) -> int:
    assert metric.change is not None
    return 1 if metric.change.value > 0 else -1
