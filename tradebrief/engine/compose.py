"""Compose: a chosen candidate → an :class:`~tradebrief.answer.Answer` with verbatim citations."""

from __future__ import annotations

import re

from tradebrief.answer import Answer, Citation
from tradebrief.engine.candidates import CandidateKind
from tradebrief.engine.index import index_for
from tradebrief.engine.lexicon import Intent
from tradebrief.engine.question import counted_noun
from tradebrief.engine.rank import Ranked
from tradebrief.model import (
    Briefing,
    Metric,
    Organization,
    OrgKind,
    Person,
    PolicyMeasure,
    Role,
    Statement,
)
from tradebrief.quantities import Quantity, find_numbers
from tradebrief.spans import Span

__all__ = ["cite", "compose", "speaker_turns"]


def cite(briefing: Briefing, span: Span, highlights: tuple[Span, ...] = ()) -> Citation:
    """A verbatim :class:`~tradebrief.answer.Citation` of ``span``: speaker, paragraph, page.

    Only the ``highlights`` inside the span are kept.
    """
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
        return cite(briefing, person.span)
    start = person.span.start + name_at
    return cite(
        briefing, person.span, (Span.over(briefing.source, start, start + len(person.full_name)),)
    )


def _fact_highlights(fact: Metric | PolicyMeasure | Statement) -> tuple[Span, ...]:
    if isinstance(fact, PolicyMeasure):
        return (*fact.figure_spans, *fact.scope, *fact.aims)
    return fact.figure_spans


def compose(briefing: Briefing, question: str, top: Ranked, intent: Intent) -> Answer:
    """The found answer for ``top``: its short text, typed fact and verbatim citations."""
    candidate = top.candidate
    score = round(top.score, 3)
    kind = candidate.kind
    fact: Metric | PolicyMeasure | Statement | Person | Organization | None = None
    citations: tuple[Citation, ...]
    if kind is CandidateKind.FACT:
        curated = briefing.fact(candidate.ref)
        fact = curated
        citations = (cite(briefing, curated.evidence, _fact_highlights(curated)),)
        text = curated.answer
        if intent is Intent.WHO and citations[0].speaker is not None:
            text = f"{_who(citations[0].speaker)} said it: {text}"
    elif kind is CandidateKind.PERSON:
        person = briefing.people[candidate.ref]
        fact = person
        citations = (_roster_citation(briefing, person),)
        text = _person_answer(person) + _acronyms_spelt_out(briefing, person.title)
    elif kind is CandidateKind.ORGANIZATION:
        org = briefing.organizations[candidate.ref]
        fact = org
        citations = (cite(briefing, org.span),) if org.span else ()
        text = (
            f"{org.acronym} stands for the {org.name}."
            if org.acronym
            else f"{org.name} is a media outlet that put a question at the briefing."
        )
    elif kind is CandidateKind.ROSTER and intent is Intent.HOW_MANY:
        counted, text = _roster_count(briefing, question)
        citations = tuple(_roster_citation(briefing, p) for p in counted)
    elif kind is CandidateKind.ROSTER:
        people = [*briefing.speakers, *([briefing.chairperson] if briefing.chairperson else [])]
        citations = tuple(_roster_citation(briefing, p) for p in people)
        text = _roster_answer(briefing)
    elif kind is CandidateKind.DATE:
        citations = (cite(briefing, candidate.span),) if candidate.span else ()
        day = briefing.date
        text = f"The briefing was held on {day:%B} {day.day}, {day.year}."
    elif kind is CandidateKind.TITLE:
        citations = (cite(briefing, candidate.span),) if candidate.span else ()
        text = f'The briefing is titled "{briefing.title}".'
    else:
        assert candidate.span is not None
        citation = cite(briefing, candidate.span)
        citations = (citation,)
        fact = _derived_fact(briefing, candidate.span, citation)
        who = _who(citation.speaker) if citation.speaker else "The briefing"
        text = f'{who} said: "{candidate.span.quote}"'
        doer = _doer(briefing, candidate.span.quote) if intent is Intent.WHO else None
        if doer is not None and doer is not citation.speaker:
            # "Who presented the figures?" "Mr. Ren will introduce the figures", said the chair.
            text = f'{doer.full_name}, as {who} said: "{candidate.span.quote}"'
    return Answer(
        question=question, found=True, text=text, citations=citations, score=score, fact=fact
    )


# "Mr. Ren will introduce ...", "we have invited Mr. Wang Lingjun ... to brief": the
# person a chair's sentence says does it.
_DOER = re.compile(
    r"\b(?:Mr|Ms|Mrs|Dr)\.\s+(?P<name>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)"
    r"(?:\s+(?:will|would|is going to|is to|is here to)\b|,[^.;]{0,120}?\bto\b)"
)


def _doer(briefing: Briefing, quote: str) -> Person | None:
    """The one roster person a sentence says will do something ("Mr. Ren will introduce")."""
    named = {
        person.id: person
        for match in _DOER.finditer(quote)
        for person in briefing.people
        if match["name"] in (person.full_name, person.family_name)
    }
    return next(iter(named.values())) if len(named) == 1 else None


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


def _acronyms_spelt_out(briefing: Briefing, title: str) -> str:
    """A sentence per acronym the post uses: "GACC is the General Administration of ..."."""
    spelt = [
        f" {org.acronym} is the {org.name}."
        for org in briefing.organizations
        if org.acronym
        and re.search(rf"\b{re.escape(org.acronym)}\b", title)
        and org.name not in title
    ]
    return "".join(spelt)


def _roster_answer(briefing: Briefing) -> str:
    speakers = list(briefing.speakers)
    listed = _listed(speakers)
    noun = "speaker was" if len(speakers) == 1 else "speakers were"
    chair = briefing.chairperson
    tail = f" {chair.full_name} chaired." if chair else ""
    return f"The {noun} {listed}.{tail}"


def _roster_count(briefing: Briefing, question: str) -> tuple[list[Person], str]:
    """The roster people a "how many vice ministers" question counts, and the answer's text.

    A count of speakers, officials or people counts the speakers; a post ("vice
    ministers", "deputy directors general") counts whoever on the roster, chair
    included, holds it. A body the question names ("from the NDRC") narrows
    either count to the people whose post is in it. When nobody fits, it says so.
    """
    lexicon = index_for(briefing).lexicon
    words = [w for w in counted_noun(question, lexicon).split() if w not in lexicon.attendees]
    bodies = [
        name
        for org in briefing.organizations
        if org.category is not OrgKind.MEDIA
        and any(re.search(rf"\b{re.escape(n)}\b", question, re.I) for n in _names_of(org))
        for name in _names_of(org)
    ]
    chair = briefing.chairperson
    everyone = [*briefing.speakers, *([chair] if chair else [])]
    post = " ".join(_singular(w) for w in words) if set(words) & lexicon.posts else ""
    if not post and not bodies:
        speakers = list(briefing.speakers)
        noun = "speaker" if len(speakers) == 1 else "speakers"
        tail = f" {chair.full_name} chaired." if chair else ""
        return speakers, f"{_count_word(len(speakers))} {noun}: {_listed(speakers)}.{tail}"
    # A post or a body: the chair is counted too, being on the roster like the speakers.
    wanted = [p for p in everyone if not post or _holds(p, post)]
    wanted = [p for p in wanted if not bodies or any(_holds(p, body) for body in bodies)]
    if not wanted:
        asked = (f"a {post}" if post else "anyone") + (f" from the {bodies[0]}" if bodies else "")
        return everyone, f"None: the roster lists no one who is {asked}."
    return wanted, f"{_count_word(len(wanted))}: {_listed(wanted)}."


def _names_of(org: Organization) -> tuple[str, ...]:
    return (org.name, org.acronym) if org.acronym else (org.name,)


def _holds(person: Person, post: str) -> bool:
    """Whether ``person``'s title names ``post`` ("vice minister") or a body ("GACC")."""
    return re.search(rf"\b{re.escape(post)}\b", person.title, re.IGNORECASE) is not None


_COUNT_WORDS = ("No", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine")


def _singular(word: str) -> str:
    """A post named in the plural, singular: "chairmen" → "chairman", "directors" → "director"."""
    if word.endswith("men"):
        return word[:-3] + "man"
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _count_word(count: int) -> str:
    return _COUNT_WORDS[count] if count < len(_COUNT_WORDS) else str(count)


def _listed(people: list[Person]) -> str:
    named = [f"{p.full_name} ({p.title})" for p in people]
    if len(named) <= 1:
        return "".join(named)
    return ", ".join(named[:-1]) + " and " + named[-1]


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


_LISTED_TURNS = 12  # paragraphs cited at most for "what did X say"


def speaker_turns(briefing: Briefing, question: str, person_id: str) -> Answer:
    """Answer "what did X say?": each paragraph X speaks, cited, or that X never speaks."""
    person = briefing.people[person_id]
    turns = [p for p in briefing.paragraphs if p.speaker == person_id]
    if not turns:
        return Answer(
            question=question,
            found=True,
            text=(
                f"{person.full_name} is on the roster ({person.title}) but does not speak "
                "in the loaded text of the briefing."
            ),
            citations=(_roster_citation(briefing, person),),
            score=1.0,
            fact=person,
        )
    numbers = ", ".join(str(p.number) for p in turns[:_LISTED_TURNS])
    more = f" (the first {_LISTED_TURNS} are cited)" if len(turns) > _LISTED_TURNS else ""
    noun = "paragraph" if len(turns) == 1 else "paragraphs"
    return Answer(
        question=question,
        found=True,
        text=f"{person.full_name} speaks in {len(turns)} {noun} of the briefing: {numbers}{more}.",
        citations=tuple(cite(briefing, p.span) for p in turns[:_LISTED_TURNS]),
        score=1.0,
        fact=person,
    )
