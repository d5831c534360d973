"""Answers: ranked candidates → an :class:`Answer` with verbatim citations, or an honest no.

An :class:`Answer` is the product's promise in one object: ``found`` says
whether the briefing answers the question, ``text`` gives the short answer,
and every :class:`Citation` quotes ``source[start:end]`` exactly, with the
speaker and paragraph. When the briefing does not say, ``found`` is false, the
text says so, and ``suggestions`` offers close questions it can answer.
"""

from __future__ import annotations

import re
from decimal import Decimal
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from tradebrief.model import (
    Briefing,
    Metric,
    Organization,
    Person,
    PolicyMeasure,
    Role,
    Statement,
)
from tradebrief.quantities import ExactDecimal, Quantity, Scale, find_numbers
from tradebrief.retrieve import (
    MAX_QUESTION_CHARS,
    CandidateKind,
    Intent,
    Ranked,
    Retrieval,
    analyze,
)
from tradebrief.spans import Span

__all__ = [
    "FOUND_THRESHOLD",
    "UNKNOWN_LIMIT",
    "Answer",
    "AnswerFact",
    "Citation",
    "Derivation",
    "DerivedQuantity",
    "Verdict",
    "answer_question",
]

AnswerFact = Annotated[
    Metric | PolicyMeasure | Statement | Person | Organization, Field(discriminator="kind")
]
"""What an answer can rest on: a curated fact, a person or an organisation."""


class Citation(BaseModel):
    """A verbatim quote from the briefing, with who said it and where.

    ``quote`` is always ``briefing.source[start:end]``.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    quote: str = Field(description="The exact words quoted, `source[start:end]`.")
    start: int = Field(ge=0, description="Offset of the quote's first character in the source.")
    end: int = Field(ge=0, description="Offset one past its last character.")
    paragraph: int | None = Field(
        description="1-based number of the paragraph quoted; None for the roster and header."
    )
    speaker: Person | Organization | None = Field(
        description="Who said it: a person on the roster, a media outlet, or None for the header."
    )
    highlights: tuple[Span, ...] = Field(
        default=(), description="The words inside the quote that carry the answer."
    )
    page: int | None = Field(
        default=None, description="1-based number of the loaded page the quote is on."
    )

    @property
    def span(self) -> Span:
        """The quote as a :class:`~tradebrief.spans.Span`."""
        return Span(start=self.start, end=self.end, quote=self.quote)


class Verdict(StrEnum):
    """What the briefing says about a yes/no claim such as "Did trade grow 6%?"."""

    YES = "yes"
    """The briefing states something that makes the claim true."""
    NO = "no"
    """The briefing states something that makes the claim false."""
    NOT_STATED = "not_stated"
    """The briefing neither supports nor refutes the claim."""


class DerivedQuantity(BaseModel):
    """A figure computed from stated ones: a ``Decimal`` value with scale and unit, no source span.

    Example:
        >>> from decimal import Decimal
        >>> DerivedQuantity(value=Decimal("41.76"), scale=Scale.TRILLION, unit="CNY").amount
        Decimal('41760000000000.00')
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    value: ExactDecimal = Field(description="The rounded result, before scaling: 41.76.")
    scale: Scale = Field(default=Scale.ONE, description="Power of ten the value is quoted in.")
    unit: str = Field(min_length=1, description="CNY, USD, percent, or the noun counted.")

    @property
    def amount(self) -> Decimal:
        """The full amount, ``value * 10**scale``."""
        return self.value * (Decimal(10) ** int(self.scale))

    def describe(self) -> str:
        """The figure in plain English: ``41.76 trillion yuan``, ``$5.99 trillion``, ``4.79%``."""
        number = f"{self.value:,f}"
        if self.unit == "percent":
            return f"{number}%"
        if self.unit == "USD":
            return " ".join(p for p in (f"${number}", self.scale.word) if p)
        words = [_UNIT_WORDS.get(part, part) for part in self.unit.split(" per ")]
        return " ".join(p for p in (number, self.scale.word, " per ".join(words)) if p)


_UNIT_WORDS = {"CNY": "yuan", "USD": "US dollar", "metric_ton": "metric tons"}


class Derivation(BaseModel):
    """A figure the briefing does not state but its stated figures imply, with every input cited.

    Example:
        >>> import tradebrief
        >>> d = tradebrief.ask("What was total trade in 2023?").derivation
        >>> d.expression, d.result.value, d.result.unit
        ('43.85 / (1 + 5%)', Decimal('41.76'), 'CNY')
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    expression: str = Field(description="The arithmetic on the stated figures: '43.85 / (1 + 5%)'.")
    result: DerivedQuantity = Field(description="The result, rounded as `rounding` says.")
    rounding: str = Field(description="How the result was rounded: 'to 2 decimal places'.")
    inputs: tuple[Citation, ...] = Field(
        min_length=1, description="A verbatim citation of every stated figure used."
    )
    note: str | None = Field(default=None, description="A caveat or cross-check, if any.")


class Answer(BaseModel):
    """The reply to one question: a short answer with citations, or an honest no.

    Example:
        >>> import tradebrief
        >>> a = tradebrief.ask("How many customs declarations were processed in 2024?")
        >>> a.found, a.text
        (True, '88.38 million customs declaration forms were processed in 2024.')
        >>> a.citations[0].quote
        'the last of the 88.38 million forms processed in 2024'
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    question: str = Field(description="The question as asked.")
    found: bool = Field(description="Whether the briefing answers the question.")
    text: str = Field(description="A short, direct answer, or why there is none.")
    citations: tuple[Citation, ...] = Field(default=(), description="Evidence, best first.")
    score: float = Field(ge=0.0, le=1.0, description="Confidence in the answer, 0 to 1.")
    fact: AnswerFact | None = Field(default=None, description="The typed fact that answered.")
    suggestions: tuple[str, ...] = Field(
        default=(), description="When not found: up to 3 answerable questions close to this one."
    )
    verdict: Verdict | None = Field(
        default=None, description="For a yes/no claim: yes, no or not_stated; else None."
    )
    derivation: Derivation | None = Field(
        default=None, description="When the answer is computed from stated figures: how."
    )


# Thresholds, tuned on tests/questions with `make bench` (see docs/answers.md).
FOUND_THRESHOLD = 0.5
"""A best candidate scoring below this is not trusted to answer."""
UNKNOWN_LIMIT = 0.0
"""Above this share of the question's weight in words the briefing never uses, abstain."""


def answer_question(briefing: Briefing, question: str) -> Answer:
    """Answer ``question`` from ``briefing``: cited when found, an honest no otherwise.

    Raises :class:`ValueError` when the question is empty or only white space;
    any other text, however odd, gets an :class:`Answer`.
    """
    if not question.strip():
        raise ValueError("the question is empty; ask something about the briefing")
    # Claims and derivations build on this module's models, so they are imported here.
    from tradebrief.claims.derive import answer_derivation
    from tradebrief.claims.verdict import answer_claim

    checked = answer_claim(briefing, question) or answer_derivation(briefing, question)
    if checked is not None:
        return checked
    retrieval = briefing.search_index().search(question, limit=8)
    top = retrieval.ranked[0] if retrieval.ranked else None
    if top is None and not retrieval.unknown and not retrieval.missing_numbers:
        top = _answer_by_intent_alone(briefing, question, retrieval.intent)
    reason = _reason_to_abstain(retrieval, top, _AsTyped(question, briefing))
    if reason is not None or top is None:
        return Answer(
            question=question,
            found=False,
            text=f"The briefing does not say. {reason or ''}".strip(),
            score=round(top.score, 3) if top else 0.0,
            suggestions=_suggestions(briefing, retrieval),
        )
    return _compose(briefing, question, top, retrieval.intent)


def _answer_by_intent_alone(briefing: Briefing, question: str, intent: Intent) -> Ranked | None:
    """For questions with no topic words: "When was it held?", "Who spoke?", "What is it about?"."""
    wanted = {Intent.WHEN: "date", Intent.WHO: "roster"}.get(intent)
    if wanted is None and _ABOUT.search(question):
        wanted = "title"
    for candidate in briefing.search_index().candidates:
        if candidate.key == wanted:
            return Ranked(candidate=candidate, score=FOUND_THRESHOLD, coverage=0.0)
    return None


_ABOUT = re.compile(r"\babout\b", re.IGNORECASE)


class _AsTyped:
    """Maps analysed terms back to the words of the question as the user typed them."""

    def __init__(self, question: str, briefing: Briefing) -> None:
        lexicon = briefing.search_index().lexicon
        self._words = [
            (word, analyze(word, lexicon))
            for word in _TYPED_WORD.findall(question[:MAX_QUESTION_CHARS])
        ]

    def __call__(self, terms: tuple[str, ...]) -> str:
        shown = []
        for term in terms[:3]:
            typed = next((w for w, analysed in self._words if term in analysed), term)
            shown.append(repr(typed))
        return ", ".join(dict.fromkeys(shown))


_TYPED_WORD = re.compile(r"[\w$%.'-]+")


def _reason_to_abstain(retrieval: Retrieval, top: Ranked | None, as_typed: _AsTyped) -> str | None:
    if retrieval.missing_numbers:
        return f"It never mentions {retrieval.missing_numbers[0]}."
    if not retrieval.terms and top is None:
        return "The question names nothing the briefing could be asked about."
    if retrieval.unknown_weight > UNKNOWN_LIMIT:
        return f"It never mentions {as_typed(retrieval.unknown)}."
    if top is not None and top.missed:
        return f"Its closest passage does not mention {as_typed(top.missed)}."
    if top is None or top.score < FOUND_THRESHOLD:
        return "Nothing in it matches the question closely enough to quote."
    return None


def _suggestions(briefing: Briefing, retrieval: Retrieval) -> tuple[str, ...]:
    chosen: list[str] = []
    closest = [
        r.candidate.question
        for r in retrieval.ranked
        if r.candidate.kind is not CandidateKind.SENTENCE
    ]
    for question in (*closest, *briefing.search_index().default_questions):
        if question not in chosen:
            chosen.append(question)
        if len(chosen) == 3:
            break
    return tuple(chosen)


def _cite(briefing: Briefing, span: Span, highlights: tuple[Span, ...] = ()) -> Citation:
    paragraph = briefing.paragraph_at(span.start)
    speaker = briefing.speaker_of(paragraph) if paragraph else None
    inside = tuple(h for h in highlights if span.contains(h))
    return Citation(
        quote=span.quote,
        start=span.start,
        end=span.end,
        paragraph=paragraph.number if paragraph else None,
        speaker=speaker,
        highlights=inside,
        page=paragraph.page if paragraph else None,
    )


def _roster_citation(briefing: Briefing, person: Person) -> Citation:
    """The person's roster line, with their name highlighted."""
    name_at = person.span.quote.find(person.full_name)
    if name_at < 0:
        return _cite(briefing, person.span)
    start = person.span.start + name_at
    return _cite(
        briefing, person.span, (Span.over(briefing.source, start, start + len(person.full_name)),)
    )


def _fact_highlights(fact: Metric | PolicyMeasure | Statement) -> tuple[Span, ...]:
    if isinstance(fact, PolicyMeasure):
        return (*fact.figure_spans, *fact.scope, *fact.aims)
    return fact.figure_spans


def _compose(briefing: Briefing, question: str, top: Ranked, intent: Intent) -> Answer:
    candidate = top.candidate
    score = round(top.score, 3)
    kind = candidate.kind
    fact: Metric | PolicyMeasure | Statement | Person | Organization | None = None
    citations: tuple[Citation, ...]
    if kind is CandidateKind.FACT:
        curated = briefing.fact(candidate.ref)
        fact = curated
        citations = (_cite(briefing, curated.evidence, _fact_highlights(curated)),)
        text = curated.answer
        if intent is Intent.WHO and citations[0].speaker is not None:
            text = f"{_who(citations[0].speaker)} said it: {text}"
    elif kind is CandidateKind.PERSON:
        person = briefing.people[candidate.ref]
        fact = person
        citations = (_roster_citation(briefing, person),)
        text = _person_answer(person)
    elif kind is CandidateKind.ORGANIZATION:
        org = briefing.organizations[candidate.ref]
        fact = org
        citations = (_cite(briefing, org.span),) if org.span else ()
        text = (
            f"{org.acronym} stands for the {org.name}."
            if org.acronym
            else f"{org.name} is a media outlet that put a question at the briefing."
        )
    elif kind is CandidateKind.ROSTER:
        people = [*briefing.speakers, *([briefing.chairperson] if briefing.chairperson else [])]
        citations = tuple(_roster_citation(briefing, p) for p in people)
        text = _roster_answer(briefing)
    elif kind is CandidateKind.DATE:
        citations = (_cite(briefing, candidate.span),) if candidate.span else ()
        day = briefing.date
        text = f"The briefing was held on {day:%B} {day.day}, {day.year}."
    elif kind is CandidateKind.TITLE:
        citations = (_cite(briefing, candidate.span),) if candidate.span else ()
        text = f'The briefing is titled "{briefing.title}".'
    else:
        assert candidate.span is not None
        citation = _cite(briefing, candidate.span)
        citations = (citation,)
        fact = _derived_fact(briefing, candidate.span, citation)
        who = _who(citation.speaker) if citation.speaker else "The briefing"
        text = f'{who} said: "{candidate.span.quote}"'
    return Answer(
        question=question, found=True, text=text, citations=citations, score=score, fact=fact
    )


def _who(speaker: Person | Organization) -> str:
    return speaker.full_name if isinstance(speaker, Person) else speaker.name


def _person_answer(person: Person) -> str:
    name = f"{person.honorific} {person.full_name}" if person.honorific else person.full_name
    if person.role is Role.UNLISTED:
        return f"{name} speaks at the briefing but is not on its roster."
    posts = f"; the roster gives: {person.title}" if person.title else ""
    if person.role is Role.CHAIRPERSON:
        return f"{name} was the chairperson of the briefing{posts}."
    return f"{name} was a speaker at the briefing{posts}."


def _roster_answer(briefing: Briefing) -> str:
    speakers = [f"{p.full_name} ({p.title})" for p in briefing.speakers]
    listed = (
        speakers[0] if len(speakers) == 1 else ", ".join(speakers[:-1]) + " and " + speakers[-1]
    )
    noun = "speaker was" if len(speakers) == 1 else "speakers were"
    chair = briefing.chairperson
    tail = f" {chair.full_name} chaired." if chair else ""
    return f"The {noun} {listed}.{tail}"


def _derived_fact(briefing: Briefing, span: Span, citation: Citation) -> Metric | Statement:
    """A fact made on the fly from a sentence: a Metric when it states a figure."""
    paragraph = citation.paragraph or 1
    speaker = citation.speaker.id if citation.speaker else briefing.paragraphs[0].speaker
    common = {
        "id": f"paragraph-{paragraph}-offset-{span.start}",
        "name": span.quote if len(span.quote) <= 60 else span.quote[:57] + "...",
        "answer": span.quote,
        "question": span.quote,
        "evidence": span,
        "speaker": speaker,
        "paragraph": paragraph,
    }
    figures = [m for m in find_numbers(span.quote) if not m.is_year]
    if not figures:
        return Statement.model_validate(common)
    first = figures[0]
    quantity = Quantity(
        value=first.value,
        scale=first.scale,
        unit=first.unit,
        qualifier=first.qualifier,
        span=Span.over(briefing.source, span.start + first.start, span.start + first.end),
    )
    return Metric.model_validate({**common, "quantity": quantity})
