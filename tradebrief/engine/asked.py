"""Who asked it: "Which outlet asked about small exporters?" answered from the press's questions.

A reporter's question is never quoted as the answer to what it asks; but a user
may want to know *who asked* something. This stage reads such a question, finds
the reporter's question it describes by the words they share, and names the
outlet, quoting the question verbatim.
"""

from __future__ import annotations

import re

from tradebrief.answer import Answer
from tradebrief.engine.compose import cite
from tradebrief.engine.english import specificity
from tradebrief.engine.index import SearchIndex
from tradebrief.engine.text import analyze, sentence_spans
from tradebrief.model import Briefing, OrgKind
from tradebrief.spans import Span

__all__ = ["MIN_SHARED", "asks_who_answered", "asks_who_asked", "who_answered", "who_asked"]

MIN_SHARED = 0.5
"""Share of the question's own terms, weighted by rarity, a reporter's question must hold."""

_WHO_ASKED = re.compile(r"^\s*(?:and\s+)?(?:who|which|what)\b.*\bask(?:ed|s)?\b", re.IGNORECASE)


def asks_who_asked(question: str) -> bool:
    """Whether the question asks who put a question: "Which outlet asked whether ...?"."""
    return _WHO_ASKED.search(question) is not None


def who_asked(briefing: Briefing, question: str, index: SearchIndex) -> Answer | None:
    """The outlet whose question the user describes, quoted; ``None`` when none fits."""
    found = _question_meant(briefing, question, index)
    if found is None:
        return None
    best, share, asker = found
    outlet = briefing.organizations[asker]
    return Answer(
        question=question,
        found=True,
        text=f'{outlet.name} asked it: "{best.quote}"',
        citations=(cite(briefing, best),),
        score=round(share, 3),
        fact=outlet,
    )


_WHO_ANSWERED = re.compile(
    r"^\s*(?:and\s+)?(?:who|which\s+(?:\w+\s+)?(?:official|speaker|person))\b"
    r".*\b(?:(?:answer(?:ed|s)?|respond(?:ed|s)?(?:\s+to)?|repl(?:ied|ies)(?:\s+to)?|took|fielded)"
    r"\s+(?:the\s+|a\s+|[\w.-]+(?:'s|\u2019s)\s+)?(?:[\w.&+-]+\s+){0,3}question"
    # "Who responded to China Daily about ...", "... in answer to CCTV": the outlet named
    r"|(?:respond(?:ed|s)?|repl(?:ied|ies)|answer(?:ed|s)?)\s+to\s+(?-i:[A-Z])"
    r"|in\s+(?:answer|response|reply)\s+to\s+(?-i:[A-Z]))",
    re.IGNORECASE,
)


_COURTESY = re.compile(r"\s*(?:thank you|thanks)\b[^.!?]*[.!?]?\s*$", re.IGNORECASE)


def asks_who_answered(question: str) -> bool:
    """Whether it asks who answered a reporter's question: "Who answered CGTN's question?"."""
    return _WHO_ANSWERED.search(question) is not None


def who_answered(briefing: Briefing, question: str, index: SearchIndex) -> Answer | None:
    """The official who answered the reporter's question the user describes; ``None`` if unsure.

    The answer is the first turn after that question by someone on the roster other
    than the chair, who often only hands the floor over; its first sentence is quoted.
    """
    found = _question_meant(briefing, question, index)
    if found is None:
        return None
    asked, _, _ = found
    chair = briefing.chairperson
    answering = None
    for paragraph in briefing.paragraphs:
        if paragraph.span.end <= asked.start:
            continue
        if paragraph.speaker not in briefing.people:
            if answering is None and paragraph.span.start > asked.end:
                return None  # another question came before any answer
            continue
        if chair is not None and paragraph.speaker == chair.id:
            continue
        answering = paragraph
        break
    if answering is None:
        return None
    spans = sentence_spans(briefing.source, answering)
    # "Thank you for your question." opens many answers; the next sentence says something.
    first = next((span for span in spans if not _COURTESY.match(span.quote)), spans[0])
    person = briefing.people[answering.speaker]
    return Answer(
        question=question,
        found=True,
        text=f'{person.full_name} answered it: "{first.quote}"',
        citations=(cite(briefing, first),),
        score=1.0,
        fact=person,
    )


def _question_meant(
    briefing: Briefing, question: str, index: SearchIndex
) -> tuple[Span, float, str] | None:
    """The reporter's question the user describes, with its share of their words and outlet id.

    The span may be the question with the scene set before it. A question from an
    outlet the user names wins over the others.
    """
    cue = set(analyze(f"who which what {index.lexicon.cues.asked} answer", index.lexicon))
    wanted = set(analyze(question, index.lexicon, year=index.year)) - cue
    outlets = {o.id: o for o in briefing.organizations if o.category is OrgKind.MEDIA}
    named = {
        oid
        for oid, outlet in outlets.items()
        if (terms := set(analyze(outlet.name, index.lexicon))) and terms <= wanted
    }
    for oid in named:
        wanted -= set(analyze(outlets[oid].name, index.lexicon))
    if not wanted and not named:
        return None

    def weight(terms: set[str]) -> float:
        # A rare shared word ("offshore") tells questions apart better than a common one.
        # A word no reporter used weighs as much as it is specific in English at large.
        return sum(
            index.idf[term] if term in index.idf else index.max_idf * specificity(term)
            for term in terms
        )

    best, best_share, asker = None, 0.0, ""
    for paragraph in briefing.paragraphs:
        if paragraph.speaker not in outlets or (named and paragraph.speaker not in named):
            continue
        spans = sentence_spans(briefing.source, paragraph)
        asking = [span for span in spans if span.quote.rstrip().endswith("?")]
        if not asking:
            continue
        # A reporter often sets the scene before asking ("Summer heat has arrived
        # early. How will ...?"): the user may describe either, so both count, and
        # the scene is quoted with the question when it is what matched.
        whole = Span.over(briefing.source, spans[0].start, asking[-1].end)
        for span in (*asking, whole):
            held = set(analyze(span.quote, index.lexicon, year=index.year))
            share = weight(wanted & held) / weight(wanted) if wanted else 1.0
            if share > best_share:
                best, best_share, asker = span, share, paragraph.speaker
    if best is None or best_share < MIN_SHARED:
        return None
    return best, best_share, asker
