"""First blind readings: measure a fresh question set once and record the result.

A blind set is written by someone who saw neither the engine nor any other set.
Its first reading is the honest figure for unseen questions, so it is recorded
in ``bench/blind_readings.json`` the moment it is taken and never replaced;
later readings of the same set are printed beside it, marked as such.

    python -m bench.blind FOLDER --name NAME [--record]
    python -m bench.blind FOLDER --name NAME --claims [--record]

A question set is scored by ``bench.evaluate.judge``; a claims set (claims.jsonl
and derivations.jsonl) by ``bench.claims.score``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import subprocess
from collections import Counter
from pathlib import Path
from typing import Any

from bench import report
from bench.baselines import BM25Baseline, TradebriefEngine
from bench.evaluate import judge
from bench.questions import Question, load
from tradebrief import load_briefing

READINGS = Path(__file__).resolve().parent / "blind_readings.json"


def by_style(questions: list[Question], failed: set[str]) -> dict[str, tuple[int, int]]:
    """Style -> (right, total)."""
    totals: Counter[str] = Counter(q.style for q in questions)
    wrong: Counter[str] = Counter(q.style for q in questions if q.id in failed)
    return {style: (n - wrong[style], n) for style, n in sorted(totals.items())}


def measure(folder: Path) -> dict[str, Any]:
    yes, no = load("answerable.jsonl", folder), load("unanswerable.jsonl", folder)
    briefing = load_briefing()
    ours = judge(TradebriefEngine(briefing).reply, yes, no)
    bm25 = BM25Baseline(briefing)
    bm25.threshold = float("-inf")  # top-1 with no abstention: what plain retrieval gets right
    plain = judge(bm25.reply, yes, no)
    return {
        "answerable": ours.answerable,
        "abstention": ours.abstention,
        "non_verbatim": ours.non_verbatim,
        "errors": ours.errors,
        "questions": {"answerable": len(yes), "unanswerable": len(no)},
        "by_style": {
            **by_style(yes, set(ours.missed)),
            **by_style(no, set(ours.wrongly_answered)),
        },
        "bm25_top1_answerable": plain.answerable,
        "missed": list(ours.missed),
        "wrongly_answered": list(ours.wrongly_answered),
    }


def measure_claims(folder: Path) -> dict[str, Any]:
    """Verdict and derivation accuracy on a claims set (``bench.claims``)."""
    from bench.claims import score

    return score(folder).summary()


def _commit() -> str:
    try:
        out = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=True
        )
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return out.stdout.strip()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.blind", description=__doc__)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--name", required=True, help="the set's name in the record")
    parser.add_argument("--record", action="store_true", help="record as the first reading")
    parser.add_argument("--claims", action="store_true", help="a claims and derivations set")
    args = parser.parse_args(argv)
    figures = measure_claims(args.folder) if args.claims else measure(args.folder)
    first = first_readings().get(args.name)
    print(report.heading(f"Blind set {args.name}"))
    if args.claims:
        print(json.dumps(figures, indent=2))
        record_first(args.name, figures, record=args.record)
        return
    print(
        f"  answered correctly {report.pct(figures['answerable'])}, declined correctly "
        f"{report.pct(figures['abstention'])}, non-verbatim {figures['non_verbatim']}, "
        f"BM25 top-1 {report.pct(figures['bm25_top1_answerable'])}"
    )
    rows = [[s, f"{r}/{n}", report.pct(r / n)] for s, (r, n) in figures["by_style"].items()]
    print(report.table(["style", "right", "share"], rows))
    if first is not None:
        print(
            f"  first blind reading ({first['date']}, {first['commit']}): answered "
            f"{report.pct(first['answerable'])}, declined {report.pct(first['abstention'])}"
            " — this run is a later reading, not a blind figure"
        )
    record_first(args.name, figures, record=args.record)


def first_readings() -> dict[str, Any]:
    """Every set's first reading, by name, as recorded."""
    if not READINGS.exists():
        return {}
    loaded: dict[str, Any] = json.loads(READINGS.read_text(encoding="utf-8"))
    return loaded


def record_first(name: str, figures: dict[str, Any], *, record: bool) -> None:
    """Write the first reading of a set when asked; a set already read is never overwritten."""
    readings = first_readings()
    if name in readings:
        print(f"  {name} was read before: this run is a later reading, not recorded")
    elif record:
        readings[name] = {"date": dt.date.today().isoformat(), "commit": _commit(), **figures}
        READINGS.write_text(json.dumps(readings, indent=2) + "\n", encoding="utf-8")
        print(f"  recorded as the first blind reading of {name}")


if __name__ == "__main__":
    main()
