"""Checking a yes/no claim against the briefing: yes, no, or not stated, with the stated words.

:func:`answer_claim` reads a claim (:mod:`tradebrief.engine.claims.words`,
:mod:`tradebrief.engine.claims.numbers`) and judges it
against the briefing's typed data, in this order: the date and the roster
(:mod:`tradebrief.engine.claims.roster`), subjects the briefing gives no figure for,
statements that name one thing per slot (the last declaration form), figures
(as intervals, :mod:`tradebrief.engine.claims.facts`: ``more than 150`` is (150, ∞), so
it supports ``more than 120``, is disjoint from ``fewer than 100`` and neither
supports nor refutes ``over 300``), hedged superlatives, the direction or record
of total trade, and last a passage holding every content word of the claim. A
claim none of these rules can judge returns ``None`` and is answered as an
ordinary question.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from tradebrief.answer import Answer, Citation, Verdict
from tradebrief.engine.claims.clauses import claim_part, names_stated_period, written_as_increase
from tradebrief.engine.claims.derive import answer_derivation
from tradebrief.engine.claims.direction import BASIS_YEAR, judge_direction_or_record
from tradebrief.engine.claims.facts import (
    claimed_interval,
    compare,
    describe_metric,
    metric_citation,
    pick_fact_for_number,
    pick_metric,
    said_by,
    verdict_answer,
)
from tradebrief.engine.claims.figurewords import (
    SPAN_OF_TIME,
    Judged,
    counted_noun,
    counts,
    figure_of_speech,
    names_a_thing,
    only_growth,
    part_of_year,
    periods,
    quantities,
    unit_name,
)
from tradebrief.engine.claims.headcount import judge_headcount
from tradebrief.engine.claims.numbers import ClaimedNumber, read_numbers
from tradebrief.engine.claims.occasion import judge_date, judge_time_of_day
from tradebrief.engine.claims.overlap import subject_overlap, unmatched_words
from tradebrief.engine.claims.roster import (
    claimed_speaker,
    judge_acronym,
    judge_introduction,
    judge_person,
    judge_topic,
)
from tradebrief.engine.claims.statements import (
    contrary_words,
    judge_contained,
    judge_exclusive,
    judge_superlative,
)
from tradebrief.engine.claims.subjects import narrower_subject, qualified_trade
from tradebrief.engine.claims.trends import judge_trend
from tradebrief.engine.claims.vocabulary import Relation
from tradebrief.engine.claims.words import (
    claim_words,
    has_any,
    has_phrase,
    is_claim,
    not_given,
    require_text,
    words_of,
    years_in,
)
from tradebrief.model import Briefing, Metric
from tradebrief.quantities import Scale

__all__ = ["answer_claim"]


def answer_claim(briefing: Briefing, question: str) -> Answer | None:
    """Judge ``question`` when it is a yes/no claim the rules can judge; else ``None``.

    Example:
        >>> import tradebrief
        >>> b = tradebrief.load_briefing()
        >>> answer_claim(b, "Did total trade top 46 trillion yuan?").text
        'No. The briefing says 43.85 trillion yuan, up 5% year on year (Wang Lingjun, paragraph 5).'
        >>> answer_claim(b, "What was total trade?") is None
        True
    """
    if not require_text(question).strip() or not is_claim(question):
        return None
    answer = _judge(briefing, question)
    if answer is None or answer.verdict is Verdict.NOT_STATED or not _negated(question):
        return answer
    flipped = Verdict.NO if answer.verdict is Verdict.YES else Verdict.YES
    reason = answer.text.split(" ", 1)[1]
    return verdict_answer(question, flipped, reason, answer.citations, answer.fact)


def _negated(question: str) -> bool:
    """Whether the claim itself is negated ("Did trade not grow?"); "Didn't ...?" only asks.

    A "no" or "not" inside a comparison ("no more than 4%") is the comparison's.
    """
    words = claim_words()
    text = question.strip()
    turned = next((p for p in words.negating_prefixes if text.casefold().startswith(p)), None)
    if turned is not None:  # "Is it false that trade grew 5%?"; "... did not grow" twice
        return not _negated("Did " + text[len(turned) :].strip())
    for negated_comparison in _negated_comparisons():
        text = negated_comparison.sub(" ", text)
    return any(w in words.negations for w in words_of(text)[1:])


@lru_cache(maxsize=1)
def _negated_comparisons() -> tuple[re.Pattern[str], ...]:
    """The comparisons holding a negation ("no more than"), longest first, as whole words."""
    words = claim_words()
    phrases = sorted((p for group in words.comparisons.values() for p in group), key=len)
    return tuple(
        re.compile(rf"(?<!\w){re.escape(phrase)}(?!\w)", re.IGNORECASE)
        for phrase in reversed(phrases)
        if any(w in words.negations for w in words_of(phrase))
    )


def _judge(briefing: Briefing, question: str) -> Answer | None:
    numbers = read_numbers(question)
    judges = (judge_date, judge_time_of_day, judge_acronym, judge_topic, judge_introduction)
    for judge in (*judges, judge_person):
        answer = judge(briefing, question)
        if answer is not None:
            return answer
    answer = judge_headcount(briefing, question, numbers)
    if answer is not None:
        return answer
    subject = not_given(question, numbers=bool(numbers))
    if subject is not None and names_stated_period(
        briefing, question, subject.words, subject.absent
    ):
        subject = None  # "in the first half" on a briefing whose figures are for the first half
    if subject is not None:
        return _not_given(briefing, question, subject.what, numbers)
    answer = judge_exclusive(briefing, question)
    if answer is not None:
        return answer
    unstated = _compared_with_unstated(question)
    if numbers and unstated:
        # "Was the 2.1 trillion increment larger than every mid-sized country's trade?"
        text = f"The briefing gives no figure for {unstated} to compare with."
        near = pick_fact_for_number(briefing, question, numbers[0])
        citations = (metric_citation(briefing, near.fact),) if near is not None else ()
        return verdict_answer(question, Verdict.NOT_STATED, text, citations)
    if numbers:
        return _figures(briefing, question, numbers)
    answer = judge_superlative(briefing, question)
    if answer is not None:
        return answer
    return (
        judge_direction_or_record(briefing, question)
        or judge_trend(briefing, question)  # "Did the number of migrant workers fall?"
        or judge_contained(briefing, question)
    )


_THAN = re.compile(
    r"\b(?:larger|greater|bigger|more|higher|smaller|less|lower|fewer)\s+than\s+"
    r"(?P<what>[^?.,;]+)",
    re.IGNORECASE,
)
# What a briefing's own figures compare with: the year before, or a stated amount.
_STATED_BASIS = re.compile(
    r"\d|\b(?:last|previous|prior|preceding)\s+year\b|\ba year (?:earlier|before|ago)\b"
    r"|\bthe year before\b|\bbefore\b|\bexpected\b|\bthe (?:target|threshold|total)\b",
    re.IGNORECASE,
)


def _compared_with_unstated(question: str) -> str:
    """What a claimed figure is compared with, when that is no amount: "" if none.

    "larger than the annual foreign trade of every mid-sized country" compares with
    something the briefing gives no figure for; "more than 40 trillion" or "higher
    than last year" compare with a stated amount or the year before.
    """
    found = _THAN.search(question)
    if found is None or _STATED_BASIS.search(found["what"]):
        return ""
    return found["what"].strip()


def _not_given(
    briefing: Briefing, question: str, what: str, numbers: list[ClaimedNumber]
) -> Answer:
    """Not stated, quoting the figure the claim's number is about (else the total)."""
    near = pick_fact_for_number(briefing, question, numbers[0]) if numbers else None
    fact = near.fact if near is not None else pick_metric(briefing)
    stated = ""
    citations: tuple[Citation, ...] = ()
    if fact is not None:
        citation = metric_citation(briefing, fact)
        said = describe_metric(fact) if isinstance(fact, Metric) else fact.evidence.quote
        stated = f" It says {said} {said_by(citation)}."
        citations = (citation,)
    text = f"The briefing gives no figure for {what}.{stated}"
    return verdict_answer(question, Verdict.NOT_STATED, text, citations)


def _figures(briefing: Briefing, question: str, numbers: list[ClaimedNumber]) -> Answer | None:
    """Every claimed number judged on its own; one No makes the claim No."""
    named = [n for n in numbers if names_a_thing(briefing, question, n)]
    if named and len(named) < len(numbers):
        # "the 12345 hotline", "the three social insurance funds": a name, as the text has it
        numbers = [n for n in numbers if n not in named]
    judged = [j for n in numbers if (j := _figure(briefing, question, numbers, n)) is not None]
    if not judged:
        return None
    for wanted in (Verdict.NO, Verdict.NOT_STATED, Verdict.YES):
        for verdict, text, citation, fact in judged:
            if verdict is wanted:
                others = tuple(dict.fromkeys(c for _, _, c, _ in judged if c != citation))
                return verdict_answer(question, verdict, text, (citation, *others), fact)
    return None  # pragma: no cover - every verdict is one of the three


def _figure(
    briefing: Briefing, question: str, numbers: list[ClaimedNumber], number: ClaimedNumber
) -> Judged | None:
    words = claim_words()
    money_words = (*words.trade_words, *words.threshold_words)
    if number.unit is None and number.scale >= Scale.BILLION and has_any(question, money_words):
        number = replace(number, unit="CNY")  # "passed the 43 trillion mark": trade is in yuan
    if number.unit == "CNY" and any(n.unit == "USD" for n in numbers):
        return None  # "was 42 trillion yuan worth $5.74 trillion?" is judged on the dollars
    if number.unit is None and (spoken := figure_of_speech(briefing, question, number)) is not None:
        return spoken
    stated = pick_fact_for_number(briefing, question, number)
    if stated is None:
        return None
    fact = stated.fact
    citation = metric_citation(briefing, fact)
    description = describe_metric(fact) if isinstance(fact, Metric) else stated.quote
    said = f"The briefing says {description} {said_by(citation)}."
    speaker = claimed_speaker(briefing, question)
    if speaker is not None and getattr(citation.speaker, "id", None) != speaker.id:
        # "Did the SCIO spokesperson say trade topped 43 trillion?": someone else said it
        text = (
            f"The briefing gives {description} {said_by(citation)}; {speaker.full_name} does not."
        )
        return Verdict.NOT_STATED, text, citation, fact
    period = next((p for p in periods() if has_phrase(question, p)), None)
    if period is not None and has_phrase(f"{fact.name} {fact.evidence.quote}", period):
        period = None  # "average monthly income" is the figure's own: a month's, as stated
    span = SPAN_OF_TIME.search(question)  # "in the first 11 months": not the whole year
    in_text = span is not None and has_phrase(fact.evidence.quote, span[0])  # "within 48 hours"
    if (
        period is None
        and span is not None
        and span[0].casefold() not in words.whole_year
        and not in_text
    ):
        period = f"for {span[0]}"
    if period is not None:  # "88.38 million forms in a single day": a year's figure decides no day
        text = f"{said} It gives no figure {period}; its figure is for the whole period."
        return Verdict.NOT_STATED, text, citation, fact
    narrower = narrower_subject(briefing, question, fact) or qualified_trade(question, fact)
    if narrower:
        # "e-commerce imports and exports", "the trade of Thailand": not this figure's subject.
        text = (
            f"The briefing gives {description} {said_by(citation)}, but no figure for "
            f"{', '.join(repr(w) for w in narrower)}."
        )
        return Verdict.NOT_STATED, text, citation, fact
    part = claim_part(question, number.text) if len(numbers) > 1 else question
    other = (
        unmatched_words(briefing, part, fact, stated.figure, number.text) if stated.figure else ()
    )
    if other:
        # "wind power capacity alone" against the total capacity: another figure's subject
        text = (
            f"The briefing gives {description} {said_by(citation)}, but says nothing there of "
            f"{', '.join(repr(w) for w in other)}."
        )
        return Verdict.NOT_STATED, text, citation, fact
    measured = number.unit in (None, "metric_ton")  # counts and weights name what they count
    counted = counted_noun(question, number) if measured else ()
    if counted and not counts(fact, counted):
        # "5 million people" is not refuted by 88.38 million forms: it is another count.
        kind = "weight" if number.unit == "metric_ton" else "count"
        text = (
            f"The briefing gives no {kind} of {' '.join(counted)}; the nearest {kind} it "
            f"gives is {description} {said_by(citation)}."
        )
        return Verdict.NOT_STATED, text, citation, fact
    money_or_rate = number.unit in ("CNY", "USD", "percent")
    named = any(n.value == q.value for n in numbers for q in quantities(fact))
    increment = "increment" in fact.keywords and any(  # "did the increase top 2.5 trillion?"
        has_phrase(question, w) for w in ("increment", "increase", "rise", "gain", "growth")
    )
    about_trade = (
        named
        or increment
        or any(has_phrase(question, w) for w in (*words.trade_words, *words.threshold_words))
        or (number.unit == "percent" and only_growth(question))
        # every subject word of the claim is the figure's own ("the vacancy rate")
        or (stated.figure is not None and subject_overlap(briefing, part, fact, stated.figure) > 0)
    )
    if money_or_rate and not about_trade:
        text = (
            f"The only figure in {unit_name(number)} the briefing gives for this is the "
            f"{fact.name[0].lower()}{fact.name[1:]}: {description} {said_by(citation)}."
        )
        return Verdict.NOT_STATED, text, citation, fact
    if stated.interval is None:
        return Verdict.NOT_STATED, f"{said} {stated.note}", citation, fact
    if number.relation is Relation.UNREAD:
        text = f"{said} It does not judge the comparison in {question!r} against it."
        return Verdict.NOT_STATED, text, citation, fact
    total = pick_metric(briefing)
    period = fact.period if isinstance(fact, Metric) and fact.period else None
    period = period or (total.period if total is not None else None)
    period_years = re.findall(r"\b\d{4}\b", period or "")
    other_years = [y for y in years_in(question) if period and str(y) not in period_years]
    part = part_of_year(period or "")
    if part and not other_years and years_in(question) and not has_phrase(question, part):
        # "in 2025" against "the first three quarters of 2025": the year is not stated whole.
        text = (
            f"The briefing gives {description} for {period} {said_by(citation)}; "
            f"it gives no figure for the whole of {period_years[0]}."
        )
        return Verdict.NOT_STATED, text, citation, fact
    about_change = number.unit == "percent"
    basis = BASIS_YEAR.search(question)  # "up 5% over 2023" compares with 2023
    if other_years and not (about_change and basis and str(other_years[0] + 1) == period):
        text = (
            f"The briefing gives {description} for {period} {said_by(citation)}; "
            f"it gives no figure for {other_years[0]}."
        )
        if fact is total and total is not None and number.unit == "CNY":
            derived = answer_derivation(briefing, f"What was total trade in {other_years[0]}?")
            if derived is not None and derived.derivation is not None:  # the year before
                worked = derived.derivation
                text += (
                    f" Worked out from its figures ({worked.expression}), it would be about "
                    f"{worked.result.describe()}: derived, not stated."
                )
        return Verdict.NOT_STATED, text, citation, fact
    increase = "increment" in fact.keywords or (  # the stated increase is a rise
        stated.figure is not None
        and number.unit != "percent"
        and written_as_increase(briefing, stated.figure)
    )
    if (about_change or increase) and has_any(question, words.direction["down"]):
        number = replace(number, value=-number.value)  # "fell by 2.1 trillion" is not "grew by"
    claimed = claimed_interval(number, stated.scale, words.about_tolerance)
    verdict = compare(claimed, stated.interval)
    if stated.converted:  # a dollar value worked out at the briefing's rate refutes, never supports
        if verdict is Verdict.NO:
            return verdict, f"{said} {stated.converted}, not {number.text!r}.", citation, fact
        return Verdict.NOT_STATED, f"{said} {stated.note} {stated.converted}.", citation, fact
    contrary = contrary_words(briefing, question, fact.evidence) if verdict is Verdict.YES else []
    if contrary:  # "20 cities aimed at blocking trade": the paragraph says the opposite
        text = f"{said} It does not say {', '.join(repr(w) for w in contrary)}."
        return Verdict.NOT_STATED, text, citation, fact
    edge = stated.interval.low == stated.interval.high == claimed.high != claimed.low
    if verdict is Verdict.YES and number.relation is Relation.EQ and edge:
        # "43.8" for 43.85: rounded half up that is 43.9; only a cut-short 43.85 gives 43.8
        verdict = Verdict.NOT_STATED
        return verdict, f"{said} That differs from {number.text!r} by rounding.", citation, fact
    if verdict is Verdict.YES and number.is_round() and claimed.low != stated.interval.low:
        said += f" {number.text!r} is that figure rounded."  # "88 million" for 88.38 million
    if verdict is Verdict.NOT_STATED:
        said += f" That neither supports nor refutes {number.text!r}."
    elif verdict is Verdict.NO and len(numbers) > 1:
        said += f" That refutes {number.text!r}."
    return verdict, said, citation, fact
