"""Everything a briefing can answer with, as :class:`Candidate` bags of terms."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from tradebrief.engine.counting import COUNTED, counted_of, units_of
from tradebrief.engine.counting import count_nouns as nouns_counted
from tradebrief.engine.lexicon import ALTERNATIVES as _ALTERNATIVES
from tradebrief.engine.lexicon import Lexicon
from tradebrief.engine.question import slot_of
from tradebrief.engine.text import _MONTH, _PROPER_NOUN, _passages, _term_of, analyze
from tradebrief.figure_names import figure_words
from tradebrief.figure_period import figure_period, period_months, without_basis_years
from tradebrief.figure_status import figure_status
from tradebrief.model import (
    Briefing,
    Metric,
    OrgKind,
    Person,
    PolicyMeasure,
    Role,
    Statement,
)
from tradebrief.quantities import Qualifier, find_numbers
from tradebrief.spans import Span

__all__ = ["Candidate", "CandidateKind", "build_candidates"]

_ITEM_BREAK = re.compile(r"[,;]| and ")
_DURATION = re.compile(  # "within 48 hours", "under one hour", "in half an hour"; not "a day"
    r"\b(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|twelve|half an?)"
    r"\s+(?:working\s+)?(?:seconds?|minutes?|hours?|days?|weeks?)\b|\ban?\s+(?:hour|minute)\b",
    re.IGNORECASE,
)
"""Prefix of a candidate unit naming what a plain count counts ("counted:offic")."""
# The one or two words after a count: "officers" in "46,000 officers", "52,000 police officers"
_NEXT_WORDS = re.compile(
    r"^\s+(?:(?:million|billion|thousand|more|new)\s+)?([a-z][a-z-]+(?:\s+[a-z][a-z-]+)?)"
)
_NOUN_REACH = 40  # characters after a figure searched for the noun it counts
_SPEAKER_WEIGHT = 0.5  # a speaker's names and title, attached to what they said
_DEPUTY = re.compile(r"\b(?:vice|deputy|assistant)\s+(\w+)", re.IGNORECASE)


class CandidateKind(StrEnum):
    """What a candidate answer rests on."""

    FACT = "fact"
    PERSON = "person"
    ORGANIZATION = "organization"
    ROSTER = "roster"
    DATE = "date"
    TITLE = "title"
    SENTENCE = "sentence"


@dataclass(frozen=True, slots=True)
class Candidate:
    """Something the briefing can answer with, as terms for matching."""

    key: str
    """Unique key: ``fact:total-trade``, ``person:wang-lingjun``, ``sentence:5:2`` ..."""
    kind: CandidateKind
    """What it rests on."""
    ref: str
    """The id of the fact, person or organisation; empty for others."""
    span: Span | None
    """The text it quotes, for sentences, roster lines, the date and title."""
    terms: Mapping[str, float]
    """Term → weight of the strongest field it appears in (1.0 curated, less for prose)."""
    phrases: tuple[str, ...]
    """Curated phrasings (name, aliases, sample question) as analysed term strings."""
    question: str
    """A question this candidate answers, offered as a suggestion."""
    figures: frozenset[str]
    """The figures it states, other than years, as number terms."""
    years: frozenset[str]
    """The years it mentions."""
    months: bool
    """Whether it names a month, so it can answer a when-question."""
    has_percent: bool
    """Whether it states a percentage."""
    prior: float
    """Trust in this kind of candidate: curated facts above raw sentences."""
    speaker: str = ""
    """Who said it (a person's id), for facts and sentences; the person, for people."""
    ranked_under: frozenset[str] = frozenset()
    """Title words its text holds only as deputy: "minister" in "vice minister"."""
    names_people: bool = False
    """Whether its text names someone on the roster, so it can answer a who-question."""
    names: frozenset[str] = frozenset()
    """Proper nouns and figures in its quoted text: what it can name."""
    units: frozenset[str] = frozenset()
    """Units of the figures it gives ("metric_ton", "CNY"), and "month" if it names one."""
    slot: str = ""
    """For a figure: whether it is a "total", an "increase" or a "threshold" ("" if unsaid)."""
    items: int = 0
    """How many items its quoted text lists, counted by its commas, semicolons and "and"s."""
    statuses: frozenset[str] = frozenset()
    """Whether its figures are achieved, planned, on order or targets (see figure_status)."""
    dated: bool = False
    """Whether ``years`` is the period its figure covers, read for it alone (an extracted
    figure's), rather than every year its text names."""
    months_covered: tuple[int, int] | None = None
    """For a dated figure, the months of its year its period covers ((1, 6): first half)."""
    basis_years: frozenset[str] = frozenset()
    """Years its text names only as a basis ("the level of 2019"), left out of ``years``."""
    counts: frozenset[str] = frozenset()
    """Terms of what its counts count ("villag" for "9,300 villages"), "units" and the like
    left out, since "612,000 units" counts whatever the sentence names."""
    approximate: bool = False
    """Whether every figure it gives is inexact: "hundreds of", "more than 150", "about 20"."""


_REPORTER_PRIOR = 0.7  # share of a sentence's trust a reporter's own statement keeps
_SENTENCE_PRIOR = 0.9  # trust in a raw sentence, next to a curated fact's 1.0
# A name in quotation marks, two to eight words: a slogan, a campaign, a series.
_QUOTED_NAME = re.compile(
    r"[\"\u201c](?:[^\"\u201c\u201d\s]+\s+){1,7}[^\"\u201c\u201d\s]+[\"\u201d]"
)
_ASKED_WEIGHT = 0.85  # a reporter's question, attached to the reply that answers it
_ROLE_WORDS = {Role.CHAIRPERSON: "chairperson", Role.SPEAKER: "speaker", Role.UNLISTED: "speaker"}


class _Builder:
    """Collects a briefing's candidates."""

    def __init__(self, briefing: Briefing, lexicon: Lexicon) -> None:
        self.briefing = briefing
        self.lexicon = lexicon
        self.candidates: list[Candidate] = []
        # What a question may call the speaker: "Mr. Wang", "the vice minister", "the host".
        self.classifiers = {
            f"{COUNTED}{term}"
            for word in figure_words().classifiers
            for term in analyze(word, lexicon)
        }
        self.speaker_words = {
            p.id: " ".join((*p.names, p.title, _ROLE_WORDS[p.role])) for p in briefing.people
        }

    def add(
        self,
        key: str,
        kind: CandidateKind,
        fields: Iterable[tuple[str, float]],
        *,
        ref: str = "",
        span: Span | None = None,
        phrases: Iterable[str] = (),
        question: str,
        numbers_from: str = "",
        prior: float = 1.0,
        speaker: str = "",
        names_people: bool = False,
        quoted: str = "",
        units: Iterable[str] = (),
        slot: str = "",
        years_from: str | None = None,
        dated: bool = False,
        statuses: Iterable[str] = (),
        passage: bool = False,
        count_nouns: bool = False,
        covers: tuple[int, int] | None = None,
        count_from: str = "",
    ) -> None:
        # years_from: the text its years are read from (an extracted figure's period), with
        # ``dated`` saying so; passage: a raw passage, whose basis years ("the level of
        # 2019") are no years of its own and whose figures' statuses are read from it;
        # count_nouns: what its counts count is known (not for curated facts).
        fields = list(fields)
        terms: dict[str, float] = {}
        for text, weight in fields:
            for group in analyze(text, self.lexicon):
                for term in group.split(_ALTERNATIVES):  # a passage holds each word itself
                    terms[term] = max(terms.get(term, 0.0), weight)
        # "Sept. 11" is a date: its day is no figure a "how many" question could want.
        dates = [date.span() for date in _MONTH.finditer(numbers_from)]
        mentions = [
            m
            for m in find_numbers(numbers_from)
            if not any(start <= m.start < end for start, end in dates)
        ]
        figures = [m for m in mentions if not m.is_year]
        all_text = " ".join(text for text, _ in fields)
        named_years = frozenset(_term_of(m.value) for m in find_numbers(all_text) if m.is_year)
        years = named_years
        if years_from is not None:
            years = frozenset(_term_of(m.value) for m in find_numbers(years_from) if m.is_year)
        elif passage and named_years:
            # "96% of the level of 2019" speaks of this year, not of 2019
            blanked = find_numbers(without_basis_years(all_text))
            years = frozenset(_term_of(m.value) for m in blanked if m.is_year)
        if passage:  # a passage's figures: done, planned, on order or targets
            statuses = [figure_status(numbers_from, m.start, m.end) for m in figures]
        months = bool(_MONTH.search(all_text))
        given = {*units, *(m.unit for m in mentions if not m.is_year)} | (
            {"month"} if months else set()
        )
        if _DURATION.search(all_text):
            given.add("duration")  # "under one hour", "48 hours": a length of time
        if _QUOTED_NAME.search(quoted):
            given.add("quoted")  # 'the "Smart Customs, Strong Nation" initiative': a slogan
        # "46,000 officers": the noun a plain count counts, for "how many staff"
        given |= {
            f"{COUNTED}{term}"
            for m in mentions
            if m.unit == "count" and not m.is_year
            for words in _NEXT_WORDS.findall(numbers_from[m.end : m.end + _NOUN_REACH])[:1]
            for term in analyze(words, self.lexicon)
        }
        self.candidates.append(
            Candidate(
                key=key,
                kind=kind,
                ref=ref,
                span=span,
                terms=terms,
                phrases=tuple(" ".join(analyze(p, self.lexicon)) for p in phrases),
                question=question,
                figures=frozenset(_term_of(m.value) for m in mentions if not m.is_year),
                years=years,
                basis_years=named_years - years if passage else frozenset(),
                dated=dated,
                months_covered=period_months(years_from) if dated else covers,
                months=months,
                units=frozenset(given),
                slot=slot,
                has_percent=any(m.unit == "percent" for m in mentions),
                prior=prior,
                speaker=speaker,
                ranked_under=frozenset(
                    term
                    for match in _DEPUTY.finditer(all_text)
                    for term in analyze(match[1], self.lexicon)
                ),
                names_people=names_people,
                items=len(_ITEM_BREAK.findall(quoted)) + 1 if quoted else 0,
                approximate=bool(figures)
                and all(m.qualifier is not Qualifier.EXACT for m in figures),
                names=frozenset(
                    term
                    for word in _PROPER_NOUN.findall(quoted)
                    for term in analyze(word, self.lexicon)
                )
                | frozenset(_term_of(m.value) for m in find_numbers(quoted)),
                statuses=frozenset(statuses),
                counts=frozenset(
                    unit.removeprefix(COUNTED)
                    for unit in {
                        *given,
                        *nouns_counted(count_from or quoted, self.lexicon, first=bool(count_from)),
                    }
                    if unit.startswith(COUNTED) and unit not in self.classifiers
                )
                if count_nouns
                else frozenset(),
            )
        )

    def build(self) -> list[Candidate]:
        b = self.briefing
        for fact in b.facts:
            curated = [fact.name, *fact.aliases, *fact.keywords, fact.question]
            if isinstance(fact, PolicyMeasure):
                curated += [span.quote for span in (*fact.aims, *fact.scope)]
            figures = " ; ".join(span.quote for span in fact.figure_spans)
            self.add(
                f"fact:{fact.id}",
                CandidateKind.FACT,
                [
                    *((text, 1.0) for text in curated),
                    (fact.evidence.quote, 0.85),
                    (fact.answer, 0.7),
                    ((fact.period or "") if isinstance(fact, Metric) else "", 0.7),
                    (self.speaker_words.get(fact.speaker, ""), _SPEAKER_WEIGHT),
                ],
                ref=fact.id,
                speaker=fact.speaker,
                quoted=fact.evidence.quote,
                phrases=[fact.name, *fact.aliases, fact.question],
                question=fact.question,
                numbers_from=figures,
                units=(*units_of(fact), *counted_of(fact, self.lexicon)),
                slot=_slot(fact, self.lexicon),
                # An extracted figure is about its period, not every year its sentence names
                # ("96% of the level of 2019" is this year's figure).
                years_from=(
                    dated := fact.period if isinstance(fact, Metric) and fact.subject else None
                ),
                dated=bool(dated),
                statuses=(fact.status,) if isinstance(fact, Metric) and fact.status else (),
                count_nouns=isinstance(fact, Metric) and fact.origin == "extracted",
                count_from=(
                    b.source[fact.quantity.span.start : fact.evidence.end]
                    if isinstance(fact, Metric)
                    else ""
                ),
            )
        for person in b.people:
            self._person(person)
        for org in b.organizations:
            words = [org.name, org.acronym or "", org.category.value]
            self.add(
                f"organization:{org.id}",
                CandidateKind.ORGANIZATION,
                [(w, 1.0) for w in words],
                ref=org.id,
                span=org.span,
                phrases=[org.name, org.acronym or ""],
                question=f"What does {org.acronym} stand for?" if org.acronym else org.name,
            )
        if b.speakers:
            listed = [*b.speakers, *([b.chairperson] if b.chairperson else [])]
            roster = " ".join(f"{p.full_name} {p.title}" for p in listed)
            # "vice chairman of the National Development and Reform Commission" is of the NDRC.
            roster += " " + " ".join(
                o.acronym for o in b.organizations if o.acronym and o.name in roster
            )
            self.add(
                "roster",
                CandidateKind.ROSTER,
                [(self.lexicon.cues.roster, 1.0), (roster, 0.6)],
                phrases=["who were the speakers", "speakers at the briefing"],
                question="Who were the speakers at the briefing?",
            )
        if b.date_span is not None:
            self.add(
                "date",
                CandidateKind.DATE,
                [
                    (self.lexicon.cues.date, 1.0),
                    (b.date_span.quote, 1.0),
                    (b.title, 0.5),
                ],
                span=b.date_span,
                phrases=["when was the briefing held", "date of the briefing"],
                question="When was the briefing held?",
            )
        if b.title_span is not None:
            self.add(
                "title",
                CandidateKind.TITLE,
                # The publisher ("China.org.cn") makes its country a word the briefing knows.
                [(self.lexicon.cues.title, 1.0), (b.title, 0.6), (b.publisher or "", 0.3)],
                span=b.title_span,
                phrases=["title of the briefing", "what is the briefing about"],
                question="What is the briefing about?",
            )
        outlets = {o.id for o in b.organizations if o.category is OrgKind.MEDIA}
        # Raw sentences rank below curated facts; with none curated there is nothing to
        # rank them below, and the discount would only sink them under the threshold.
        has_curated = any(getattr(f, "origin", "curated") == "curated" for f in b.facts)
        sentence_prior = _SENTENCE_PRIOR if has_curated else 1.0
        asked = ""  # the reporter's question still waiting for its reply
        chair = b.chairperson.id if b.chairperson is not None else ""
        for paragraph in b.paragraphs:
            if paragraph.speaker in outlets:
                asked = f"{asked} {paragraph.text}".strip()
            elif asked and paragraph.speaker != chair:
                replying, asked = asked, ""
            else:
                replying = ""  # the chair's "Mr. Dai, please." hands over; it answers nothing
            for number, span in enumerate(_passages(b.source, paragraph), start=1):
                if paragraph.speaker in outlets and span.quote.rstrip().endswith("?"):
                    # A reporter's question answers nothing; the reply that follows does
                    # (and tradebrief.engine.asked says who asked it).
                    continue
                # The first passage of a reply is also found by the question it answers.
                put = replying if number == 1 and paragraph.speaker not in outlets else ""
                self.add(
                    f"sentence:{paragraph.number}:{number}",
                    CandidateKind.SENTENCE,
                    [
                        (span.quote, 0.85),
                        (self.speaker_words.get(paragraph.speaker, ""), _SPEAKER_WEIGHT),
                        (put, _ASKED_WEIGHT),
                    ],
                    ref=paragraph.speaker,
                    speaker=paragraph.speaker,
                    quoted=span.quote,
                    names_people=any(
                        name in span.quote for p in b.people for name in (p.full_name, p.reference)
                    ),
                    span=span,
                    question=span.quote,
                    numbers_from=span.quote,
                    # A reporter's own statement ("Some scenic areas were crowded.") sets the
                    # scene of a question: quotable when asked who said it, but no answer
                    # an official gave, so it ranks below the officials' words.
                    prior=sentence_prior * (_REPORTER_PRIOR if paragraph.speaker in outlets else 1),
                    passage=True,
                    # "For the whole of 2025, ...": the part of the year the passage names
                    covers=period_months(figure_period(span.quote, b.date)),
                    count_nouns=True,
                )
        return self.candidates

    def _person(self, person: Person) -> None:
        org = self.briefing.organizations.get(person.organization or "")
        self.add(
            f"person:{person.id}",
            CandidateKind.PERSON,
            [
                (person.full_name, 1.0),
                (person.reference, 1.0),
                (_ROLE_WORDS[person.role], 1.0),
                ("title", 1.0),
                (person.title, 1.0),
                ((org.name + " " + (org.acronym or "")) if org else "", 0.6),
            ],
            ref=person.id,
            speaker=person.id,
            span=person.span,
            phrases=[person.full_name, person.title],
            question=f"What is {person.full_name}'s position?",
        )


def _slot(fact: Metric | PolicyMeasure | Statement, lexicon: Lexicon) -> str:
    """Which figure about its subject a fact gives, read from its name; "" if none."""
    if not fact.figure_spans:
        return ""
    return slot_of(fact.name, lexicon)


def build_candidates(briefing: Briefing, lexicon: Lexicon) -> list[Candidate]:
    """Every candidate of ``briefing``: facts, people, roster, date, title, sentences."""
    return _Builder(briefing, lexicon).build()
