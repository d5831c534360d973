"""Claims about the occasion itself: the day it was held or published, the part of the day.

Part of checking a claim (:mod:`tradebrief.engine.claims.verdict`). The briefing
was held on the date its roster gives (cited) and the page published on the date
of its header; a claim about the page ("Is the article dated ...?") is judged on
the second, and an answer that refutes one date names the other, which a claim
may have confused it with. A transcript gives no clock time, but its opening
greeting does ("Ladies and gentlemen, good morning."): a claim that the briefing
was held in the afternoon is No, quoting the greeting. Each judge returns
``None`` for a claim not of its kind.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from tradebrief.answer import Answer, Verdict
from tradebrief.engine.claims.facts import said_by, verdict_answer
from tradebrief.engine.claims.words import claim_words, has_any, has_phrase, require_text, years_in
from tradebrief.engine.compose import cite
from tradebrief.model import Briefing
from tradebrief.spans import Span

__all__ = ["judge_date", "judge_time_of_day"]

_OPENING = 3  # paragraphs in which an opening greeting is looked for
_MONTHS = [name.casefold() for name in calendar.month_name[1:]]
_WEEKDAYS = [name.casefold() for name in calendar.day_name]
# "january" or "jan", "monday" or "mondays", each as a word: compiled once, tried in order
_MONTH_NAMED = [(m, re.compile(rf"\b(?:{m}|{m[:3]})\b")) for m in _MONTHS]
_WEEKDAY_NAMED = [(d, re.compile(rf"\b{d}s?\b")) for d in _WEEKDAYS]


def judge_date(briefing: Briefing, question: str) -> Answer | None:
    """Judge a claim about when the briefing was held or its page published; else ``None``.

    Example:
        >>> import tradebrief
        >>> b = tradebrief.load_briefing()
        >>> answer = judge_date(b, "Was the briefing held on February 24, 2025?")
        >>> answer.verdict.value, answer.text.split(";")[0]
        ('no', 'No. The briefing was held on January 13, 2025')
    """
    text = require_text(question).casefold()
    words = claim_words()
    month = next((m for m, named in _MONTH_NAMED if named.search(text)), None)
    weekday = next((d for d, named in _WEEKDAY_NAMED if named.search(text)), None)
    if month == "may" and not re.search(r"\bmay\s+\d|\b(?:in|on|of)\s+may\b", text):
        month = None  # "may" the verb
    named = has_any(text, words.briefing_names)
    dated = re.search(r"\b(?:dated|date)\b", text) is not None
    held = (
        dated
        or re.search(r"\b(?:held|take place|took place|happen|happened|convened)\b", text)
        is not None
        or (month is not None and named)
    )
    published = has_any(text, words.published)
    page = not named and has_any(text, words.page_names)
    if page:  # "Is the page dated ...?" asks for the page's date
        published, held = published or held, False
    if not (held or published) or (month is None and weekday is None and not years_in(question)):
        return None
    day = None
    if month is not None:
        day = re.search(rf"\b{month[:3]}[a-z]*\.?\s+(\d{{1,2}})\b", text) or re.search(
            rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{month[:3]}", text
        )

    # "the briefing on 2024 trade held on Jan. 13, 2025": the year written with the day
    # is the date's; another names the topic.
    dated_year = re.match(r",?\s+(\d{4})\b", text[day.end() :]) if day is not None else None
    years = [int(dated_year[1])] if dated_year else years_in(question)

    def matches(date: dt.date) -> bool:
        ok = month is None or _MONTHS.index(month) + 1 == date.month
        ok = ok and (day is None or int(day.group(1)) == date.day)
        ok = ok and all(y == date.year for y in years)
        return ok and (weekday is None or _WEEKDAYS.index(weekday) == date.weekday())

    on_page = published and briefing.published is not None
    actual = briefing.published if on_page and briefing.published else briefing.date
    what, who = ("published", "transcript") if on_page else ("held", "briefing")
    said = f"{actual:%B} {actual.day}, {actual.year}"
    if weekday is not None:
        said += f" (the calendar makes that a {actual:%A})"
    other = briefing.date if on_page else briefing.published
    ok = matches(actual)
    if not ok and other is not None and matches(other):  # the claim confused the two dates
        said += (
            f"; the briefing itself was held on {other:%B} {other.day}, {other.year}"
            if on_page
            else f"; the transcript was published on {other:%B} {other.day}, {other.year}"
        )
    span = briefing.date_span if not on_page else None
    citations = (cite(briefing, span),) if span is not None else ()
    verdict = Verdict.YES if ok else Verdict.NO
    if not ok and page and dated and other is not None and matches(other):
        verdict = Verdict.NOT_STATED  # the page shows both dates: "dated" may mean either
    return verdict_answer(question, verdict, f"The {who} was {what} on {said}.", citations)


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
    about_it = has_any(question, words.briefing_names)
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
