"""How an ask's cost grows with the number of facts loaded: N briefings in one Briefing."""

from __future__ import annotations

import contextlib
import gc
import time
import tracemalloc
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from bench import synthetic
from bench.baselines import TradebriefEngine
from bench.evaluate import judge, time_calls
from bench.questions import Question
from tradebrief import Briefing
from tradebrief.engine.index import SearchIndex, index_for

MB = 1024 * 1024


@dataclass(frozen=True)
class ScaleRow:
    briefings: int
    facts: int
    candidates: int
    paragraphs: int
    transcript_chars: int
    generate_s: float
    load_s: float
    """parse_transcript + parse_facts + attach_facts."""
    index_s: float
    ask_p50_ms: float
    ask_p95_ms: float
    ask_max_ms: float
    answerable: float
    abstention: float
    memory_method: str
    """'tracemalloc', or 'rss' where tracing would take too long."""
    index_peak_mb: float | None
    index_retained_mb: float | None


def measure(
    briefings: int,
    answerable: Sequence[Question],
    unanswerable: Sequence[Question],
    *,
    trace_memory: bool,
    passes: int,
) -> ScaleRow:
    """Build the corpus, time the index build and the asks, and state the memory."""
    start = time.perf_counter()
    source = synthetic.generate(briefings)
    generated = time.perf_counter()
    briefing = synthetic.load(source)
    loaded = time.perf_counter()
    rss_before = _rss()
    _reset_peak_rss()
    index = index_for(briefing)
    built = time.perf_counter()
    peak_mb = retained_mb = None
    if trace_memory:
        peak_mb, retained_mb = _traced_index_memory(briefing)
        method = "tracemalloc"
    else:
        rss_after, rss_peak = _rss(), _peak_rss()
        if rss_before is not None and rss_after is not None and rss_peak is not None:
            peak_mb, retained_mb = (rss_peak - rss_before) / MB, (rss_after - rss_before) / MB
        method = "rss"
    engine = TradebriefEngine(briefing)
    accuracy = judge(engine.reply, answerable, unanswerable)  # doubles as the warm-up pass
    questions = [q.question for q in (*answerable, *unanswerable)]
    latency = time_calls(engine.call, questions, passes=passes, warm_up=False)
    row = ScaleRow(
        briefings=briefings,
        facts=len(briefing.facts),
        candidates=len(index.candidates),
        paragraphs=len(briefing.paragraphs),
        transcript_chars=len(briefing.source),
        generate_s=generated - start,
        load_s=loaded - generated,
        index_s=built - loaded,
        ask_p50_ms=latency.p50_ms,
        ask_p95_ms=latency.p95_ms,
        ask_max_ms=latency.max_ms,
        answerable=accuracy.answerable,
        abstention=accuracy.abstention,
        memory_method=method,
        index_peak_mb=peak_mb,
        index_retained_mb=retained_mb,
    )
    del engine, index, briefing, source
    gc.collect()
    return row


def _traced_index_memory(briefing: Briefing) -> tuple[float, float]:
    """Peak and retained size of a second, traced build of the index (tracing slows it ~3x)."""
    gc.collect()
    tracemalloc.start()
    try:
        baseline = tracemalloc.get_traced_memory()[0]
        index = SearchIndex(briefing)
        gc.collect()
        current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    del index
    return (peak - baseline) / MB, (current - baseline) / MB


_STATUS = Path("/proc/self/status")


def _status_kb(field: str) -> int | None:
    try:
        for line in _STATUS.read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1]) * 1024
    except OSError:
        return None
    return None


def _rss() -> int | None:
    return _status_kb("VmRSS")


def _peak_rss() -> int | None:
    return _status_kb("VmHWM")


def _reset_peak_rss() -> None:
    """Linux resets VmHWM to the current RSS when "5" is written to clear_refs."""
    with contextlib.suppress(OSError):
        Path("/proc/self/clear_refs").write_text("5")
