"""The engines the benchmark compares: tradebrief and two baselines over body sentences.

Each engine has ``call`` (what the latency figures time: the whole decision,
abstention included) and ``reply`` (the same call, reduced to what the judge
needs). The baselines answer with the top-scoring sentence of the transcript's
body, split with :func:`tradebrief.engine.text.sentence_spans`, and abstain when
its score is below a threshold tuned on the question set to maximise their own
combined score (see :func:`tune_threshold`), which flatters them.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

import bm25s  # type: ignore[import-untyped]
from rapidfuzz import fuzz, process, utils

from bench.questions import Question, is_correct
from tradebrief import Answer, Briefing
from tradebrief.engine.text import sentence_spans
from tradebrief.spans import Span


@dataclass(frozen=True, slots=True)
class Reply:
    """What the judge looks at: found or not, the answer text, the top quote."""

    found: bool
    text: str
    quote: str
    score: float
    non_verbatim: int = 0
    """Citations whose quote is not ``source[start:end]``."""


class Engine(Protocol):
    name: str

    def call(self, question: str) -> object: ...

    def reply(self, question: str) -> Reply: ...


def body_sentences(briefing: Briefing) -> list[Span]:
    """Every sentence of every paragraph of the briefing's body, as spans."""
    return [s for p in briefing.paragraphs for s in sentence_spans(briefing.source, p)]


class TradebriefEngine:
    """``Briefing.ask``, as shipped."""

    name = "tradebrief"

    def __init__(self, briefing: Briefing) -> None:
        self.briefing = briefing
        self.call: Callable[[str], Answer] = briefing.ask

    def reply(self, question: str) -> Reply:
        answer = self.briefing.ask(question)
        source = self.briefing.source
        bad = sum(1 for c in answer.citations if source[c.start : c.end] != c.quote)
        top = answer.citations[0].quote if answer.citations else ""
        return Reply(answer.found, answer.text, top, answer.score, bad)


class SentenceBaseline:
    """Answer with the best sentence; abstain when its score is below ``threshold``."""

    name = "sentence baseline"
    threshold_unit = ""

    def __init__(self, briefing: Briefing) -> None:
        self.source = briefing.source
        self.sentences = body_sentences(briefing)
        self.texts = [s.quote for s in self.sentences]
        self.threshold = -math.inf

    def top(self, question: str) -> tuple[int, float]:
        """Index of the best sentence (-1 for none) and its score."""
        raise NotImplementedError

    def call(self, question: str) -> tuple[int, bool]:
        index, score = self.top(question)
        return index, index >= 0 and score >= self.threshold

    def reply(self, question: str) -> Reply:
        index, score = self.top(question)
        if index < 0 or score < self.threshold:
            return Reply(False, "", "", score)
        span = self.sentences[index]
        bad = int(self.source[span.start : span.end] != span.quote)
        return Reply(True, span.quote, span.quote, score, bad)


class BM25Baseline(SentenceBaseline):
    """``bm25s`` (Lucene BM25, English stopwords, no stemming) over body sentences."""

    name = "BM25 (bm25s)"
    threshold_unit = "BM25 score"

    def __init__(self, briefing: Briefing) -> None:
        super().__init__(briefing)
        tokens = bm25s.tokenize(self.texts, stopwords="en", show_progress=False)
        self.retriever = bm25s.BM25()
        self.retriever.index(tokens, show_progress=False)

    def top(self, question: str) -> tuple[int, float]:
        tokens = bm25s.tokenize([question], stopwords="en", show_progress=False, return_ids=False)
        documents, scores = self.retriever.retrieve(tokens, k=1, show_progress=False)
        score = float(scores[0][0])
        return (int(documents[0][0]), score) if score > 0 else (-1, score)


class FuzzBaseline(SentenceBaseline):
    """``process.extractOne(q, sentences, scorer=fuzz.WRatio, processor=default_process)``."""

    name = "rapidfuzz WRatio"
    threshold_unit = "WRatio"

    def top(self, question: str) -> tuple[int, float]:
        best = process.extractOne(
            question, self.texts, scorer=fuzz.WRatio, processor=utils.default_process
        )
        return (-1, 0.0) if best is None else (best[2], float(best[1]))


def _combined_at(
    threshold: float, answerable: Sequence[tuple[float, bool]], unanswerable: Sequence[float]
) -> float:
    right = sum(ok and score >= threshold for score, ok in answerable) / len(answerable)
    abstained = sum(score < threshold for score in unanswerable) / len(unanswerable)
    return (right + abstained) / 2


def top1_accuracy(baseline: SentenceBaseline, answerable: Sequence[Question]) -> float:
    """Share of answerable questions whose top sentence is correct, ignoring the cut-off."""
    right = 0
    for q in answerable:
        index, _ = baseline.top(q.question)
        text = baseline.texts[index] if index >= 0 else ""
        right += index >= 0 and is_correct(q, text, text)
    return right / len(answerable)


def tune_threshold(
    baseline: SentenceBaseline, answerable: Sequence[Question], unanswerable: Sequence[Question]
) -> float:
    """Set and return the cut-off that maximises the baseline's combined score on the set.

    Ties go to the lowest threshold. Tuned on the very questions it is judged on.
    """
    scored: list[tuple[float, bool]] = []
    for q in answerable:
        index, score = baseline.top(q.question)
        text = baseline.texts[index] if index >= 0 else ""
        scored.append((score, index >= 0 and is_correct(q, text, text)))
    negatives = [baseline.top(q.question)[1] for q in unanswerable]
    candidates = sorted({s for s, _ in scored} | set(negatives) | {math.inf})
    best = max(candidates, key=lambda t: (_combined_at(t, scored, negatives), -t))
    baseline.threshold = best
    return best
