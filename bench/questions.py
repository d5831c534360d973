"""The evaluation question sets, and how an answer is judged.

tests/questions/ is the tuning set: pytest asks every question in it, and the
engine's thresholds and lexicon were tuned on it. bench/holdout/ and
bench/holdout2/ were written afterwards, each by someone who saw neither the
engine nor the other sets. The first was measured blind once (66% answerable,
85% abstention) and then used to find general weaknesses, so it is now a
development set; the second was measured blind once (77.5%, 80%), after
which its misses suggested general rules, so it has been looked at too.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

QUESTIONS = Path(__file__).resolve().parent.parent / "tests" / "questions"
HOLDOUT = Path(__file__).resolve().parent / "holdout"
HOLDOUT2 = Path(__file__).resolve().parent / "holdout2"
REWORDED = Path(__file__).resolve().parent / "reworded"


@dataclass(frozen=True)
class Question:
    id: str
    question: str
    expect: tuple[str, ...]  # empty for questions the briefing does not answer
    style: str


def load(name: str, folder: Path = QUESTIONS) -> list[Question]:
    rows = []
    for line in (folder / name).read_text(encoding="utf-8").splitlines():
        if line.strip():
            raw = json.loads(line)
            rows.append(
                Question(
                    id=raw["id"],
                    question=raw["question"],
                    expect=tuple(raw.get("expect", ())),
                    style=raw.get("style", "negative"),
                )
            )
    return rows


def answerable() -> list[Question]:
    return load("answerable.jsonl")


def unanswerable() -> list[Question]:
    return load("unanswerable.jsonl")


def is_correct(question: Question, text: str, top_quote: str) -> bool:
    """Every expected string occurs, ignoring case, in the answer text or its top quote."""
    haystack = f"{text}\n{top_quote}".casefold()
    return all(e.casefold() in haystack for e in question.expect)


def holdout_answerable(folder: Path = HOLDOUT) -> list[Question]:
    return load("answerable.jsonl", folder)


def holdout_unanswerable(folder: Path = HOLDOUT) -> list[Question]:
    return load("unanswerable.jsonl", folder)
