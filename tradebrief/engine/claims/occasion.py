"""Claims about the occasion itself: the part of the day the briefing was held in.

Part of checking a claim (:mod:`tradebrief.engine.claims.verdict`). A transcript
gives no clock time, but its opening greeting does ("Ladies and gentlemen, good
morning."): a claim that the briefing was held in the afternoon is No, quoting
the greeting. With no greeting the claim is left to the other rules.
"""

from __future__ import annotations

import re

from tradebrief.answer import Answer, Verdict
from tradebrief.engine.claims.facts import said_by, verdict_answer
from tradebrief.engine.claims.words import cite, claim_words, has_phrase, require_text
from tradebrief.model import Briefing
from tradebrief.spans import Span

__all__ = ["judge_time_of_day"]

_OPENING = 3  # paragraphs in which an opening greeting is looked for


def judge_time_of_day(briefing: Briefing, question: str) -> Answer | None:
    """Judge "Was the briefing held in the afternoon?" by the opening greeting; else ``None``.

    Example:
        >>> import tradebrief
        >>> b = tradebrief.load_briefing()
        >>> judge_time_of_day(b, "Was the briefing held in the afternoon?").verdict.value
        'no'
        >>> judge_time_of_day(b, "Did trade grow in the afternoon of history?") is None
        True
    """
    words = claim_words()
    require_text(question)
    claimed = [p for p in words.day_parts if has_phrase(question, p)]
    about_it = any(has_phrase(question, w) for w in words.briefing_names)
    if len(claimed) != 1 or not about_it:
        return None
    greeting = _greeting(briefing)
    if greeting is None:
        return None
    part, span = greeting
    citation = cite(briefing, span)
    said = f'The opening greeting is "{span.quote}" {said_by(citation)}: it was held in the {part}.'
    verdict = Verdict.YES if claimed[0] == part else Verdict.NO
    return verdict_answer(question, verdict, said, (citation,))


def _greeting(briefing: Briefing) -> tuple[str, Span] | None:
    """The part of the day the opening greeting names, and the sentence that says it."""
    parts = "|".join(re.escape(p) for p in claim_words().day_parts)
    for paragraph in list(briefing.paragraphs)[:_OPENING]:
        found = re.search(rf"\bgood ({parts})\b", paragraph.text, re.IGNORECASE)
        if found is None:
            continue
        text = paragraph.text
        before = text.rfind(". ", 0, found.start())  # the greeting's sentence starts after it
        start = before + 2 if before >= 0 else 0
        stop = re.search(r"[.!?]", text[found.end() :])
        end = found.end() + (stop.end() if stop else 0)
        offset = paragraph.span.start
        return found[1].casefold(), Span.over(briefing.source, offset + start, offset + end)
    return None
