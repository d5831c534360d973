"""Claims that count the people on the roster: "Were there three speakers?".

Part of checking a claim (:mod:`tradebrief.engine.claims.verdict`). "Speakers"
are the roster's speakers, "people" everyone listed; "officials" may mean either
(the chair is an official too), so such a count is Yes or No only where both
readings agree, among one body's officials ("GACC officials"), or when the
claim says they briefed (the chair did not).
"""

from __future__ import annotations

from decimal import Decimal

from tradebrief.answer import Answer, Verdict
from tradebrief.engine.claims.facts import Interval, claimed_interval, compare, verdict_answer
from tradebrief.engine.claims.numbers import ClaimedNumber
from tradebrief.engine.claims.offices import names_org
from tradebrief.engine.claims.vocabulary import Relation
from tradebrief.engine.claims.words import claim_words, has_any, has_phrase
from tradebrief.engine.compose import cite
from tradebrief.model import Briefing
from tradebrief.quantities import Scale

__all__ = ["judge_headcount"]


def judge_headcount(
    briefing: Briefing, question: str, numbers: list[ClaimedNumber]
) -> Answer | None:
    """Judge "Were there three speakers?" against the roster; else ``None``."""
    words = claim_words()
    if len(numbers) != 1 or numbers[0].unit is not None or numbers[0].scale is not Scale.ONE:
        return None
    if numbers[0].relation is Relation.UNREAD:
        return None
    either = has_any(question, words.headcount_either)
    present = set(words.presence_words)  # being there is not briefing
    briefed = [w for w in words.roles["speaker"] if w not in present and has_phrase(question, w)]
    if either and briefed:  # "Did four officials brief the press?": those who briefed
        people, noun = briefing.speakers, "speakers"
    elif either:  # "officials": the speakers, or everyone listed (the chair is one too)
        orgs = [o for o in briefing.organizations if names_org(question, o)]
        people = tuple(p for p in briefing.people if all(names_org(p.title, o) for o in orgs))
        noun = "officials"
        if not orgs and len(people) != len(briefing.speakers):
            return _either_count(briefing, question, numbers[0])
    elif has_any(question, words.headcount_speakers):
        people, noun = briefing.speakers, "speakers"
    elif has_any(question, words.headcount_everyone) and any(
        has_phrase(question, w) for w in words.headcount_context
    ):
        people, noun = tuple(briefing.people), "people"
    else:
        return None
    chair = briefing.chairperson
    listed = ", ".join(p.full_name for p in people)
    tail = f", and {chair.full_name} chaired" if noun == "speakers" and chair else ""
    text = f"The roster lists {len(people)} {noun}: {listed}{tail}."
    claimed = claimed_interval(numbers[0], Scale.ONE, words.about_tolerance)
    count = Decimal(len(people))
    verdict = compare(claimed, Interval(count, count))
    citations = tuple(cite(briefing, p.span) for p in people)
    return verdict_answer(question, verdict, text, citations)


def _either_count(briefing: Briefing, question: str, number: ClaimedNumber) -> Answer:
    """A count of "officials": Yes or No only when the speakers and everyone listed agree."""
    claimed = claimed_interval(number, Scale.ONE, claim_words().about_tolerance)
    everyone = tuple(briefing.people)
    verdicts = {
        compare(claimed, Interval(Decimal(len(group)), Decimal(len(group))))
        for group in (briefing.speakers, everyone)
    }
    verdict = verdicts.pop() if len(verdicts) == 1 else Verdict.NOT_STATED
    chair = briefing.chairperson
    listed = ", ".join(p.full_name for p in briefing.speakers)
    text = f"The roster lists {len(briefing.speakers)} speakers ({listed})"
    text += f" and {chair.full_name} in the chair." if chair else "."
    return verdict_answer(question, verdict, text, tuple(cite(briefing, p.span) for p in everyone))
