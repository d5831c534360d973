"""The benchmark's parts work: engines reply in the judge's shape; the corpus is what it says.

No timing here: speed is reported by `make bench`, never asserted.
"""

from __future__ import annotations

import math

import pytest

import tradebrief
from bench import synthetic
from bench.baselines import (
    BM25Baseline,
    FuzzBaseline,
    Reply,
    SentenceBaseline,
    TradebriefEngine,
    body_sentences,
    tune_threshold,
)
from bench.evaluate import judge, percentile
from bench.questions import answerable, unanswerable
from tradebrief.engine.candidates import CandidateKind
from tradebrief.engine.index import index_for


@pytest.fixture(scope="module")
def briefing() -> tradebrief.Briefing:
    return tradebrief.load_briefing()


@pytest.mark.parametrize("make", [TradebriefEngine, BM25Baseline, FuzzBaseline])
def test_engines_reply_in_shape(make: type, briefing: tradebrief.Briefing) -> None:
    engine = make(briefing)
    for q in [*answerable()[:2], unanswerable()[0]]:
        reply = engine.reply(q.question)
        assert isinstance(reply, Reply)
        assert isinstance(reply.found, bool)
        assert isinstance(reply.score, float)
        assert reply.non_verbatim == 0
        if reply.found:
            assert reply.text
            assert reply.quote in briefing.source
        engine.call(q.question)


def test_baseline_answers_are_body_sentences(briefing: tradebrief.Briefing) -> None:
    baseline = BM25Baseline(briefing)
    reply = baseline.reply(answerable()[0].question)
    assert reply.found
    assert reply.quote in {s.quote for s in body_sentences(briefing)}


def test_tuned_threshold_is_a_score_or_abstains_always(briefing: tradebrief.Briefing) -> None:
    baseline: SentenceBaseline = FuzzBaseline(briefing)
    yes, no = answerable()[:3], unanswerable()[:3]
    threshold = tune_threshold(baseline, yes, no)
    scores = {baseline.top(q.question)[1] for q in (*yes, *no)}
    assert threshold in scores or threshold == math.inf
    assert baseline.threshold == threshold
    accuracy = judge(baseline.reply, yes, no)
    assert 0 <= accuracy.combined <= 1


def test_percentile() -> None:
    assert percentile([3.0, 1.0, 2.0], 50) == 2.0
    assert percentile([1.0, 2.0], 100) == 2.0
    assert percentile([5.0], 95) == 5.0


def test_synthetic_corpus_holds_n_briefings(briefing: tradebrief.Briefing) -> None:
    source = synthetic.generate(3)
    corpus = synthetic.load(source)
    assert source.transcript.startswith(briefing.source)
    assert source.facts_per_briefing == len(briefing.facts)
    assert len(corpus.facts) == 3 * len(briefing.facts)
    assert len(corpus.paragraphs) == 3 * len(briefing.paragraphs)
    assert len({f.id for f in corpus.facts}) == len(corpus.facts)
    for fact in corpus.facts:
        assert corpus.source.count(fact.evidence.quote) == 1

    def sentences(b: tradebrief.Briefing) -> int:
        kinds = [c.kind for c in index_for(b).candidates]
        return kinds.count(CandidateKind.SENTENCE)

    assert sentences(corpus) == 3 * sentences(briefing)
    assert len(index_for(corpus).candidates) > 2.5 * len(index_for(briefing).candidates)


def test_variants_change_figures_and_places(briefing: tradebrief.Briefing) -> None:
    corpus = synthetic.load(synthetic.generate(2))
    changed = 0
    for metric in briefing.metrics:
        variant = corpus.metrics[f"{metric.id}-v1"]
        if any(ch.isdigit() for ch in metric.quantity.span.quote):
            assert variant.quantity.value != metric.quantity.value
            changed += 1
        assert variant.evidence.quote != metric.evidence.quote
    assert changed > 0
    variant_paragraphs = corpus.paragraphs.root[len(briefing.paragraphs) :]
    assert not any("China" in p.text for p in variant_paragraphs)
