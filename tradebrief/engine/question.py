"""What a question asks: its intent, the kind of answer, who it asks about."""

from __future__ import annotations

import re

from tradebrief.engine.lexicon import Intent, Lexicon
from tradebrief.engine.text import analyze

__all__ = ["MAX_QUESTION_CHARS", "detect_intent"]

MAX_QUESTION_CHARS = 2000
"""Only this much of a question is analysed; longer text is not a question."""

_SAY = re.compile(
    r"\b(?:say|says|said|tell|told|mention|mentioned|talk|talked|speak|spoke|comment|commented)\b",
    re.IGNORECASE,
)
_DEPUTY_WORD = re.compile(r"\b(?:vice|deputy|assistant|vise)\b", re.IGNORECASE)
_ASKED_NOUN_PHRASE = re.compile(r"\b(?:which|what)\s+((?:[\w-]+\s+){0,2}[\w-]+)", re.IGNORECASE)
_ANSWER_TYPE = re.compile(r"\b(?:which|what|whose)\s+([a-z-]+)", re.IGNORECASE)


def _asks_for_name(question: str, lexicon: Lexicon) -> bool:
    """Whether a which/what question asks for a named thing: "Which country ...?"."""
    return any(
        word.casefold() in lexicon.named_types
        for match in _ASKED_NOUN_PHRASE.finditer(question)
        for word in match[1].split()
    )


def _answer_type(question: str, lexicon: Lexicon) -> str | None:
    """The noun a which/what question asks for ("which city"): what the answer supplies."""
    match = _ANSWER_TYPE.search(question)
    if match is None:
        return None
    terms = analyze(match[1], lexicon)
    if not terms or match[1].casefold() not in lexicon.answer_types:
        return None
    return terms[0]


def detect_intent(question: str, lexicon: Lexicon) -> Intent:
    """The kind of answer the question asks for, from its cue phrases."""
    folded = " " + " ".join(re.findall(r"[\w%'-]+", question.casefold())) + " "
    first_word = folded.split()[0] if folded.strip() else ""
    for intent in (Intent.ACRONYM, Intent.PERCENT, Intent.WHEN, Intent.WHO, Intent.HOW_MANY):
        cues = lexicon.intents.get(intent, ())
        if any(f" {cue} " in folded or (cue == "%" and "%" in folded) for cue in cues):
            asks_for_people = first_word in ("who", "whom", "whose", "which", "name", "list")
            if intent is Intent.WHO and not asks_for_people:
                continue  # "spokesperson" in "what did the spokesperson say" is no who-question
            return intent
    return Intent.OTHER
