"""The evaluation question set in tests/questions/, and how an answer is judged."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

QUESTIONS = Path(__file__).resolve().parent.parent / "tests" / "questions"


@dataclass(frozen=True)
class Question:
    id: str
    question: str
    expect: tuple[str, ...]  # empty for questions the briefing does not answer
    style: str


def load(name: str) -> list[Question]:
    rows = []
    for line in (QUESTIONS / name).read_text(encoding="utf-8").splitlines():
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
