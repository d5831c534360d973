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
from tradebrief.engine.index import SearchIndex
from tradebrief.engine.text import analyze, sentence_spans
from tradebrief.model import Briefing, OrgKind
from tradebrief.spans import Span

__all__ = ["MIN_SHARED", "asks_who_asked", "who_asked"]

MIN_SHARED = 0.5
"""Share of the question's own terms a reporter's question must hold to be the one meant."""

_WHO_ASKED = re.compile(r"^\s*(?:and\s+)?(?:who|which|what)\b.*\bask(?:ed|s)?\b", re.IGNORECASE)


def asks_who_asked(question: str) -> bool:
    """Whether the question asks who put a question: "Which outlet asked whether ...?"."""
    return _WHO_ASKED.search(question) is not None


def who_asked(briefing: Briefing, question: str, index: SearchIndex) -> Answer | None:
    """The outlet whose question the user describes, quoted; ``None`` when none fits."""
    cue = set(analyze(f"who which what {index.lexicon.cues.asked}", index.lexicon))
    wanted = set(analyze(question, index.lexicon, year=index.year)) - cue
    if not wanted:
        return None
    outlets = {o.id for o in briefing.organizations if o.category is OrgKind.MEDIA}
    best, best_share, asker = None, 0.0, ""
    for paragraph in briefing.paragraphs:
        if paragraph.speaker not in outlets:
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
            shared = len(wanted & set(analyze(span.quote, index.lexicon, year=index.year)))
            if shared / len(wanted) > best_share:
                best, best_share, asker = span, shared / len(wanted), paragraph.speaker
    if best is None or best_share < MIN_SHARED:
        return None
    citation = cite(briefing, best)
    outlet = briefing.organizations[asker]
    return Answer(
        question=question,
        found=True,
        text=f'{outlet.name} asked it: "{best.quote}"',
        citations=(citation,),
        score=round(best_share, 3),
        fact=outlet,
    )
