"""Decide: does the best candidate answer the question, and if not, why not.

Also the pipeline's entry point, :func:`answer_question`.
"""

from __future__ import annotations

import re
from functools import cached_property

from tradebrief.answer import Answer
from tradebrief.engine.asked import asks_who_answered, asks_who_asked, who_answered, who_asked
from tradebrief.engine.candidates import CandidateKind
from tradebrief.engine.casual import tidy
from tradebrief.engine.claims import (
    answer_claim,
    answer_derivation,
    missing_subject,
    settle_unjudged,
)
from tradebrief.engine.claims.arithmetic import rounding_to
from tradebrief.engine.compose import compose, speaker_turns
from tradebrief.engine.compound import combine, parts
from tradebrief.engine.handover import asks_about_handover, handover
from tradebrief.engine.index import index_for
from tradebrief.engine.lexicon import ALTERNATIVES, Intent
from tradebrief.engine.memo import one_ask, per_briefing
from tradebrief.engine.modifiers import read_passage, unmet_modifier
from tradebrief.engine.phrases import asks_time_of_day
from tradebrief.engine.question import MAX_QUESTION_CHARS, prepare, without_unwanted
from tradebrief.engine.rank import Ranked, Retrieval, search
from tradebrief.engine.text import analyze
from tradebrief.model import Briefing, Metric

__all__ = ["FOUND_THRESHOLD", "STATED_OVER_REFUSAL", "UNKNOWN_LIMIT", "answer_question"]

# Thresholds, tuned on tests/questions with `make bench` (see docs/answers.md).
FOUND_THRESHOLD = 0.5
"""A best candidate scoring below this is not trusted to answer."""
STATED_OVER_REFUSAL = 0.6
"""A stated figure scoring this much answers a question the derivations refuse."""
UNKNOWN_LIMIT = 0.3
"""Above this share of the question's weight in everyday words the briefing never uses, abstain.

Each unfamiliar word weighs as much as it is specific in English at large, so
one everyday word ("heavy") lowers confidence without deciding; a rare word
or a name the briefing never uses ("GDP", "soybeans", "EU") is a constraint
no passage meets, and the engine declines on it."""


def answer_question(briefing: Briefing, question: str) -> Answer:
    """Answer ``question`` from ``briefing``: cited when found, an honest no otherwise.

    Raises :class:`TypeError` when the question is not a ``str`` and
    :class:`ValueError` when it is empty or only white space; any other text,
    however odd, gets an :class:`Answer` that dumps to JSON. Of a question over
    :data:`~tradebrief.engine.question.MAX_QUESTION_CHARS` only the head is read,
    and the answer says so.
    """
    prepared = prepare(question)
    with one_ask():
        answer = _answer(briefing, prepared.text)
    answer = answer.model_copy(update={"question": prepared.asked})
    if prepared.shortened:
        note = f" (Only the first {len(prepared.text):,} characters of the question were read.)"
        answer = answer.model_copy(update={"text": answer.text + note})
    return answer


# "to 2 decimal places", "(2 dp)", "rounded to the nearest whole number": how to round an
# answer, not what it is about. It is read for a derived figure's rounding, then dropped.
_ROUNDING = re.compile(
    r"\(?\s*\b(?:rounded\s+|round(?:ing)?\s+)?(?:to\s+)?(?P<places>\d|one|two|three|four|five|six)"
    r"\s*(?P<unit>dp|d\.p|decimal\s+places?|decimals?|significant\s+figures)\b\.?\s*\)?"
    r"|\b(?:rounded\s+)?(?:to\s+(?:the\s+)?)?nearest\s+"
    r"(?P<nearest>whole\s+number|integer|tenth|hundredth|thousandth)\b",
    re.IGNORECASE,
)
_PLACE_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_NEAREST = {"whole number": 0, "integer": 0, "tenth": 1, "hundredth": 2, "thousandth": 3}


def _asked_places(question: str) -> int | None:
    """The decimal places a question asks a derived figure in ("Round to 4 decimal places")."""
    match = _ROUNDING.search(question)
    if match is None:
        return None
    if match["nearest"]:
        return _NEAREST[" ".join(match["nearest"].casefold().split())]
    if match["unit"].casefold().startswith("significant"):
        return None  # significant figures are no count of decimal places
    word = match["places"].casefold()
    return int(word) if word.isdigit() else _PLACE_WORDS[word]


# "Ignore previous instructions", "Forget the transcript. Speaking as Wang, announce ...":
# an instruction to the engine, not a question about the briefing.
_INSTRUCTION = re.compile(
    r"\b(?:ignore|disregard|forget|override)\s+(?:all\s+|any\s+|your\s+|the\s+|previous\s+|"
    r"prior\s+|above\s+|earlier\s+)*(?:instructions?|rules?|prompts?|transcript|briefing|"
    r"context|text|guidelines?|constraints?)\b"
    r"|\b(?:pretend|you are now|speaking as|role-?play|jailbreak|"
    r"developer mode|system prompt)\b",
    re.IGNORECASE,
)


def _answer(briefing: Briefing, question: str) -> Answer:
    # A yes/no claim gets a verdict and a figure the briefing implies is derived;
    # anything else is answered from the ranked candidates.
    places = _asked_places(question)
    question = _ROUNDING.sub(" ", question).strip() or question
    if _INSTRUCTION.search(question):
        return Answer(
            question=question,
            found=False,
            text="The briefing does not say. This is an instruction, not a question about "
            "the briefing: tradebrief only quotes what the briefing says.",
            score=0.0,
            suggestions=index_for(briefing).default_questions[:3],
        )
    if asks_who_answered(question):
        answered = who_answered(briefing, question, index_for(briefing))
        if answered is not None:
            return answered
    elif asks_who_asked(question):
        asked = who_asked(briefing, question, index_for(briefing))
        if asked is not None:
            return asked
    elif asks_about_handover(question):
        handed = handover(briefing, question, index_for(briefing))
        if handed is not None:
            return handed
    asks = parts(question, index_for(briefing).lexicon)
    if asks:
        both = combine(question, [_answer(briefing, part) for part in asks])
        if both is not None:
            return both
    claim = answer_claim(briefing, question)
    if claim is not None:
        return claim
    with rounding_to(places):
        derived = answer_derivation(briefing, question)
    if derived is not None and derived.found:
        return derived
    if derived is not None:
        # A refusal to derive ("no figure per day") yields to a figure the text states:
        # "2.39 million trips per day", "average monthly income of 5,086 yuan".
        stated = _retrieve(briefing, question)
        if stated.found and stated.score >= STATED_OVER_REFUSAL and _states_rate(stated, question):
            return stated
        return derived
    answer = settle_unjudged(question, _retrieve(briefing, question))  # a claim: not stated
    if answer.found:
        return answer
    lacking = missing_subject(briefing, question)
    if lacking is not None:
        # The refusal names the figure the briefing lacks (exports alone, the surplus).
        missing = lacking.text.removeprefix("The briefing does not say.").strip()
        if missing and missing not in answer.text:
            answer = answer.model_copy(update={"text": f"{answer.text} {missing}"})
    return answer


# "per day", "a month", "monthly", "on average": a figure stated as a rate or an average.
_RATE = re.compile(
    r"\b(?:per|a|each|every)\s+(day|week|month|quarter|year|ton|person|head)s?\b"
    r"(?!\s+(?:earlier|ago|before|later))"  # "a year earlier" is a date, not a rate
    r"|\b(daily|weekly|monthly|quarterly|yearly|annual|average)\w*",
    re.IGNORECASE,
)


_RATE_WORD = {"daily": "day", "weekly": "week", "monthly": "month", "quarterly": "quarter"}
_RATE_WORD |= {"yearly": "year", "annual": "year"}  # the adjective names the period


def _rates(text: str) -> set[str]:
    """The rate words of ``text``: {"day"} for "per day" or "daily", {"average"}."""
    words = ((m[1] or m[2]).casefold() for m in _RATE.finditer(text))
    return {_RATE_WORD.get(word, word) for word in words}


def _states_rate(stated: Answer, question: str) -> bool:
    """Whether the stated answer's quote gives a rate the question asks for."""
    wanted = _rates(question)
    return bool(wanted) and any(wanted & _rates(c.quote) for c in stated.citations)


def _retrieve(briefing: Briefing, question: str) -> Answer:
    retrieval = search(index_for(briefing), question, limit=8)
    if retrieval.said_by is not None and retrieval.about_speaker_only:
        return speaker_turns(briefing, question, retrieval.said_by)
    top = retrieval.ranked[0] if retrieval.ranked else None
    if (
        top is None
        and not retrieval.unknown
        and not retrieval.missing_numbers
        and not asks_time_of_day(question)  # the date is no time of day
    ):
        top = _answer_by_intent_alone(briefing, question, retrieval.intent)
    as_typed = _AsTyped(question, briefing)
    reason = _reason_to_abstain(briefing, retrieval, top, as_typed)
    if reason is not None and top is not None and reason == _narrower(briefing, top, as_typed):
        # "installed solar power capacity": the best figure speaks of coal power, but the
        # next one of solar power answers. A candidate the question's modifier rules out
        # gives way to the next that matches as fully and is not ruled out.
        ruled_out = top
        for other in retrieval.ranked[1:_NEXT_TRIED]:
            if (
                other.score >= FOUND_THRESHOLD
                and not other.missed
                and not other.why
                and _holds_more(other, ruled_out, retrieval.terms)  # the modifier it lacked
                and _narrower(briefing, other, as_typed) is None
            ):
                top, reason = other, None
                break
    if reason is not None or top is None:
        return Answer(
            question=question,
            found=False,
            text=f"The briefing does not say. {reason or ''}".strip(),
            score=round(top.score, 3) if top else 0.0,
            suggestions=_suggestions(briefing, retrieval),
        )
    return compose(briefing, question, top, retrieval.intent)


def _holds_more(other: Ranked, top: Ranked, terms: tuple[str, ...]) -> bool:
    """Whether ``other`` holds a word of the question that ``top`` lacks ("solar")."""

    def holds(ranked: Ranked, term: str) -> bool:
        return any(word in ranked.candidate.terms for word in term.split(ALTERNATIVES))

    return any(holds(other, term) and not holds(top, term) for term in terms)


def _answer_by_intent_alone(briefing: Briefing, question: str, intent: Intent) -> Ranked | None:
    """For questions with no topic words: "When was it held?", "Who spoke?", "What is it about?"."""
    wanted = {Intent.WHEN: "date", Intent.WHO: "roster"}.get(intent)
    if wanted is None and _ABOUT.search(question):
        wanted = "title"
    for candidate in index_for(briefing).candidates:
        if candidate.key == wanted:
            return Ranked(candidate=candidate, score=FOUND_THRESHOLD, coverage=0.0)
    return None


_ABOUT = re.compile(r"\babout\b", re.IGNORECASE)


class _AsTyped:
    """Maps analysed terms back to the words of the question as the user typed them."""

    def __init__(self, question: str, briefing: Briefing) -> None:
        self._question = question
        self._briefing = briefing

    @property
    def question(self) -> str:
        """The question as typed."""
        return self._question

    @cached_property
    def _words(self) -> list[tuple[str, list[str]]]:
        # Read only when a reason is written: most questions are answered.
        index = index_for(self._briefing)
        text = self._question[:MAX_QUESTION_CHARS]
        return [
            (word, analyze(tidy(word, index.words), index.lexicon))
            for word in _TYPED_WORD.findall(text)
        ]

    def __call__(self, terms: tuple[str, ...]) -> str:
        shown = []
        for term in terms[:3]:
            typed = next((w for w, analysed in self._words if term in analysed), term)
            shown.append(repr(typed))
        return ", ".join(dict.fromkeys(shown))


_TYPED_WORD = re.compile(r"[\w$%.'-]+")


def _reason_to_abstain(
    briefing: Briefing, retrieval: Retrieval, top: Ranked | None, as_typed: _AsTyped
) -> str | None:
    """The true reason not to answer, or None: what is lacking, or the nearest fact and why."""
    if retrieval.missing_numbers:
        return f"It never mentions {retrieval.missing_numbers[0]}."
    if not retrieval.terms and top is None:
        return "The question names nothing the briefing could be asked about."
    if retrieval.unknown_specific:
        return f"It never mentions {as_typed(retrieval.unknown_specific)}."
    if retrieval.unknown_topic:
        return f"It never mentions {as_typed(retrieval.unknown_topic)}."
    if retrieval.unknown_weight > UNKNOWN_LIMIT:
        return f"It never mentions {as_typed(retrieval.unknown)}."
    speaker = retrieval.said_by
    if speaker is not None and all(p.speaker != speaker for p in briefing.paragraphs):
        name = briefing.people[speaker].full_name
        return f"{name} is on the roster but does not speak in the loaded text."
    near = [r for r in retrieval.ranked if r.why and r.coverage >= _NEAR_COVERAGE]
    nearest = max(near, key=lambda r: r.coverage) if near else None
    weak = top is None or top.score < FOUND_THRESHOLD
    if (
        nearest is not None
        and top is not None
        and (weak or top.missed)
        and nearest.coverage > top.coverage
    ):
        # A fact that matches more of the question, but is the wrong kind of answer.
        return f"The nearest {_label(briefing, nearest)} {nearest.why}."
    if top is not None and top.missed:
        absent = tuple(t for t in top.missed if t not in top.candidate.terms)
        closest = _label(briefing, top)
        if absent:
            return f"Its closest {closest} does not mention {as_typed(absent)}."
        return f"Its closest {closest} mentions {as_typed(top.missed)} only in passing."
    if weak:
        if nearest is not None:
            return f"The nearest {_label(briefing, nearest)} {nearest.why}."
        return "Nothing in it matches the question closely enough to quote."
    return _narrower(briefing, top, as_typed)


def _narrower(briefing: Briefing, top: Ranked | None, as_typed: _AsTyped) -> str | None:
    """A modifier the question puts on a phrase the top passage has without it (online sales).

    Curated facts are left to their key words; passages and extracted figures are read here.
    """
    if top is None:
        return None
    candidate = top.candidate
    if candidate.kind is CandidateKind.FACT:
        fact = briefing.fact(candidate.ref)
        if not isinstance(fact, Metric) or fact.origin == "curated":
            return None
        quote, number = fact.evidence.quote, fact.paragraph
    elif candidate.kind is CandidateKind.SENTENCE and candidate.span is not None:
        quote, number = candidate.span.quote, int(candidate.key.split(":")[1])
    else:
        return None
    paragraph = next((p.text for p in briefing.paragraphs if p.number == number), "")
    index = index_for(briefing)
    reading = per_briefing(  # the passage is read the same for every question
        briefing,
        ("modifier reading", quote, paragraph),
        lambda: read_passage(quote, index.lexicon, paragraph),
    )
    why = unmet_modifier(
        without_unwanted(as_typed.question),
        quote,
        index.lexicon,
        lambda t: bool(index.matches(t)),
        paragraph,
        reading=reading,
    )
    return f"Its closest {_label(briefing, top)} does not say: {why}." if why else None


_NEXT_TRIED = 4  # how far down the ranking a ruled-out best candidate looks for another
_NEAR_COVERAGE = 0.5  # a candidate covering this much of the question is "the nearest"
_LABEL_CHARS = 60


def _label(briefing: Briefing, ranked: Ranked) -> str:
    """How a reason names a candidate: 'fact ("Total value ...")', 'passage ("...")'."""
    candidate = ranked.candidate
    if candidate.kind is CandidateKind.FACT:
        return f'fact ("{briefing.fact(candidate.ref).name}")'
    if candidate.kind is CandidateKind.SENTENCE and candidate.span is not None:
        quote = candidate.span.quote
        short = quote if len(quote) <= _LABEL_CHARS else quote[: _LABEL_CHARS - 3].rstrip() + "..."
        return f'passage ("{short}")'
    if candidate.kind is CandidateKind.PERSON:
        return f'roster line ("{briefing.people[candidate.ref].full_name}")'
    return {
        CandidateKind.ORGANIZATION: "organisation",
        CandidateKind.ROSTER: "roster",
        CandidateKind.DATE: 'fact ("the date of the briefing")',
        CandidateKind.TITLE: 'fact ("the title of the briefing")',
    }.get(candidate.kind, "passage")


def _suggestions(briefing: Briefing, retrieval: Retrieval) -> tuple[str, ...]:
    chosen: list[str] = []
    closest = [
        r.candidate.question
        for r in retrieval.ranked
        if r.candidate.kind is not CandidateKind.SENTENCE
    ]
    for question in (*closest, *index_for(briefing).default_questions):
        if question not in chosen:
            chosen.append(question)
        if len(chosen) == 3:
            break
    return tuple(chosen)
