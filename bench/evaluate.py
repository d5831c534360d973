"""Judging an engine on the question set, and timing it."""

from __future__ import annotations

import contextlib
import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from bench.baselines import Reply
from bench.questions import Question, is_correct


@dataclass(frozen=True)
class Accuracy:
    answerable: float
    """Share of answerable questions answered (found) and correct."""
    abstention: float
    """Share of unanswerable questions declined."""
    non_verbatim: int
    """Citations, over all questions, whose quote is not the source at its offsets."""
    errors: int
    """Questions that raised instead of answering."""
    missed: tuple[str, ...] = ()
    """Ids of answerable questions not answered correctly."""
    wrongly_answered: tuple[str, ...] = ()
    """Ids of unanswerable questions that got an answer."""

    @property
    def combined(self) -> float:
        return (self.answerable + self.abstention) / 2


def judge(
    reply: Callable[[str], Reply],
    answerable: Sequence[Question],
    unanswerable: Sequence[Question],
) -> Accuracy:
    """Ask every question once and score the replies."""
    missed: list[str] = []
    wrongly: list[str] = []
    non_verbatim = errors = 0
    for q in (*answerable, *unanswerable):
        try:
            r = reply(q.question)
        except Exception:  # an engine that raises has failed the question
            errors += 1
            (missed if q.expect else wrongly).append(q.id)
            continue
        non_verbatim += r.non_verbatim
        if q.expect and not (r.found and is_correct(q, r.text, r.quote)):
            missed.append(q.id)
        elif not q.expect and r.found:
            wrongly.append(q.id)
    return Accuracy(
        answerable=1 - len(missed) / len(answerable),
        abstention=1 - len(wrongly) / len(unanswerable),
        non_verbatim=non_verbatim,
        errors=errors,
        missed=tuple(missed),
        wrongly_answered=tuple(wrongly),
    )


@dataclass(frozen=True)
class Latency:
    p50_ms: float
    p95_ms: float
    max_ms: float
    samples: int
    slowest: tuple[tuple[float, str], ...] = field(default=())
    """(median ms, question) of the slowest questions, slowest first."""


def percentile(values: Sequence[float], p: float) -> float:
    """The p-th percentile (0-100), linear between closest ranks."""
    ordered = sorted(values)
    if len(ordered) == 1:
        return ordered[0]
    rank = (len(ordered) - 1) * p / 100
    low = int(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def time_calls(
    call: Callable[[str], object],
    questions: Sequence[str],
    *,
    passes: int = 3,
    warm_up: bool = True,
    slowest: int = 5,
) -> Latency:
    """Per-question wall time over ``passes`` passes, after an untimed warm-up pass."""
    if warm_up:
        for q in questions:
            _quietly(call, q)
    per_question: dict[str, list[float]] = {q: [] for q in questions}
    clock = time.perf_counter
    for _ in range(passes):
        for q in questions:
            start = clock()
            _quietly(call, q)
            per_question[q].append(clock() - start)
    samples = [s for times in per_question.values() for s in times]
    medians = sorted(
        ((statistics.median(times) * 1000, q) for q, times in per_question.items()), reverse=True
    )
    return Latency(
        p50_ms=percentile(samples, 50) * 1000,
        p95_ms=percentile(samples, 95) * 1000,
        max_ms=max(samples) * 1000,
        samples=len(samples),
        slowest=tuple(medians[:slowest]),
    )


def _quietly(call: Callable[[str], object], question: str) -> None:
    # judge() counts errors; timing only needs the call to return.
    with contextlib.suppress(Exception):
        call(question)
